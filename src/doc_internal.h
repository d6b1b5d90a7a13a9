/*
 * doc_internal.h - the private part of a document, shared by the pipeline stages.
 *
 * Stages run in a fixed order (ingest -> text -> quotes -> entities -> attribution) and
 * each one only adds to the document; nothing later rewrites what an earlier stage made.
 */
#ifndef QD_DOC_INTERNAL_H
#define QD_DOC_INTERNAL_H

#include "quotediff/analysis.h"
#include "quotediff/document.h"
#include "lexicon/lexicon.h"
#include "text/token.h"
#include "util/arena.h"

/* Piecewise-linear map from text offsets to source offsets: from text offset
 * `text[i]` on, source = src[i] + (t - text[i]). */
typedef struct qd_offmap {
    uint32_t *text;
    uint32_t *src;
    uint32_t n, cap;
} qd_offmap;

struct qd_doc_internal {
    qd_arena arena;
    const qd_lexicon *lx;
    qd_offmap map;
    qd_token *tokens;
    uint32_t n_tokens, cap_tokens;
    uint32_t cap_paragraphs, cap_sentences, cap_warnings;
    uint32_t *para_first_token; /* per paragraph: first token index (n_paragraphs entries) */
    /* per QD_TOKEN_BLOCK bytes of text: the first token starting at or after the block,
     * so qd_token_at() scans a few tokens instead of searching them all (NULL: search) */
    uint32_t *tok_block;
    uint32_t n_tok_blocks;
    FILE *debug; /* qd_options.debug: where analysis dumps its intermediate results */
};

#define QD_TOKEN_BLOCK_SHIFT 5

/* Add a warning to the document (a copy of the message is kept). */
int qd_doc_warn(qd_doc *doc, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Create an empty document with its arena; text is set by the caller. */
int qd_doc_new(qd_doc **out, const char *path, const qd_lexicon *lx, qd_error *err);

/* Record that text offset `t` corresponds to source offset `s` from here on. */
int qd_offmap_mark(qd_arena *a, qd_offmap *m, uint32_t t, uint32_t s);

/* Text stage: tokens and sentences for every body/title paragraph. */
int qd_text_segment(qd_doc *doc, qd_error *err);

/* Index of the first token whose start is at or after text offset `off`. */
uint32_t qd_token_at(const qd_doc *doc, uint32_t off);

/* The exact bytes of the text a span covers, as a new arena string. */
char *qd_doc_span_text(qd_doc *doc, qd_span s);

static inline qd_span qd_span_make(uint32_t a, uint32_t b)
{
    qd_span s = {a, b};
    return s;
}

static inline bool qd_span_empty(qd_span s)
{
    return s.end <= s.start;
}

#endif
