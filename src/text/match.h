/*
 * match.h - matching lexicon phrases against runs of tokens.
 */
#ifndef QD_MATCH_H
#define QD_MATCH_H

#include "../doc_internal.h"

/* Does token's norm end in a possessive ("lavrov's", "officials'")? */
static inline bool qd_tok_possessive(const qd_token *t)
{
    if (t->kind != QD_TK_WORD || t->normlen < 3)
        return false;
    const char *n = t->norm;
    uint32_t l = t->normlen;
    return n[l - 2] == '\'' && n[l - 1] == 's';
}

/* Normalised form without a possessive ending; returns its length. */
static inline uint32_t qd_tok_base_len(const qd_token *t)
{
    return qd_tok_possessive(t) ? t->normlen - 2 : t->normlen;
}

/* The search itself (qd_match_phrase below tries the common answer first). */
uint32_t qd_match_phrase_from(const qd_doc *doc, const qd_phrase_table *t, uint32_t i, uint32_t end,
                              bool allow_possessive, uint32_t *value);

/* Longest phrase of table `t` starting at token i (tokens before `end`); returns the
 * number of tokens matched (0 if none) and the phrase's value.  Tokens are joined with
 * single spaces by their normalised forms; a possessive "'s" on the last token is
 * ignored when `allow_possessive` is set.
 *
 * The stages ask this of nearly every token, for several tables, and nearly every
 * answer is "no phrase starts here": when the table's filter rules out the first word
 * (and no possessive ending could make a shorter key of it), that answer comes without
 * a call. */
static inline uint32_t qd_match_phrase(const qd_doc *doc, const qd_phrase_table *t, uint32_t i, uint32_t end,
                                       bool allow_possessive, uint32_t *value)
{
    if (t->max_words == 0 || i >= end)
        return 0;
    const qd_token *x = &doc->in->tokens[i];
    if (x->hash && !qd_phrase_maybe(t, x->hash) && !(allow_possessive && qd_tok_possessive(x)))
        return 0;
    return qd_match_phrase_from(doc, t, i, end, allow_possessive, value);
}

#endif
