/*
 * token.h - tokens and the text stage's entry points: paragraphs are given by ingest;
 * this stage cuts each analysable paragraph into tokens and sentences.
 */
#ifndef QD_TOKEN_H
#define QD_TOKEN_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "quotediff/common.h"
#include "../lexicon/lexicon.h"

typedef enum qd_token_kind {
    QD_TK_WORD = 0,
    QD_TK_NUM,    /* starts with a digit: 2024, 11:19, 5.5 */
    QD_TK_PUNCT,  /* . , ; : ! ? ( ) dashes, ellipsis */
    QD_TK_QUOTE,  /* a quotation mark or stray apostrophe; see qmark */
    QD_TK_SYMBOL  /* anything else: $ % & © ... */
} qd_token_kind;

enum {
    QD_TF_CAP = 1u << 0,         /* first letter upper case */
    QD_TF_ALLCAPS = 1u << 1,     /* every letter upper case (and at least two) */
    QD_TF_SPACE_BEFORE = 1u << 2,
    QD_TF_SPACE_AFTER = 1u << 3,
    QD_TF_SENT_START = 1u << 4,
    QD_TF_PARA_START = 1u << 5,
    QD_TF_DOT = 1u << 6,         /* word token keeps its final dot (U.S.) */
    QD_TF_SPLIT = 1u << 7        /* cut from a word glued to the next ("declaredthat") */
};

typedef struct qd_token {
    uint32_t start, end;     /* in doc->text */
    const char *norm;        /* lower-cased, quotes/dashes folded; NUL-terminated */
    uint32_t normlen;
    uint8_t kind;            /* qd_token_kind */
    uint8_t qmark;           /* qd_qmark, for QD_TK_QUOTE and the punctuation it holds */
    uint16_t flags;
    uint32_t sentence;
    uint32_t paragraph;
    const qd_lexword *lex;   /* lexicon entry of norm, NULL if none */
    int32_t quoted;          /* innermost quoted span holding this token, -1 if none */
    uint32_t hash;           /* qd_hash_bytes of norm: lexicon lookups start from it */
} qd_token;

/* Is the token this punctuation character (ASCII)? */
static inline bool qd_tok_is(const qd_token *t, char c)
{
    return t->kind == QD_TK_PUNCT && t->normlen == 1 && t->norm[0] == c;
}

/* Is the token's normal form w, or does it end in s?  What strcmp on the norm would
 * say (a norm holds no NUL, so normlen is its strlen), lengths first and without a
 * call: w is nearly always a literal, so its strlen is a constant and most tokens fail
 * without a comparison; the stages ask this of a few fixed words at many tokens. */
static inline bool qd_norm_is(const qd_token *t, const char *w)
{
    size_t n = strlen(w);
    return t->normlen == n && memcmp(t->norm, w, n) == 0;
}

static inline bool qd_norm_ends(const qd_token *t, const char *s)
{
    size_t n = strlen(s);
    return t->normlen >= n && memcmp(t->norm + t->normlen - n, s, n) == 0;
}

/* Is the token this word (its normalised form)? */
static inline bool qd_tok_word(const qd_token *t, const char *w)
{
    return t->kind == QD_TK_WORD && qd_norm_is(t, w);
}

static inline uint32_t qd_tok_tags(const qd_token *t)
{
    return t->lex ? t->lex->tags : 0;
}

#endif
