/*
 * match.h - matching lexicon phrases against runs of tokens.
 */
#ifndef QD_MATCH_H
#define QD_MATCH_H

#include "../doc_internal.h"

/* Longest phrase of table `t` starting at token i (tokens before `end`); returns the
 * number of tokens matched (0 if none) and the phrase's value.  Tokens are joined with
 * single spaces by their normalised forms; a possessive "'s" on the last token is
 * ignored when `allow_possessive` is set. */
uint32_t qd_match_phrase(const qd_doc *doc, const qd_phrase_table *t, uint32_t i, uint32_t end,
                         bool allow_possessive, uint32_t *value);

/* Does token's norm end in a possessive ("lavrov's", "officials'")? */
bool qd_tok_possessive(const qd_token *t);

/* Normalised form without a possessive ending; returns its length. */
uint32_t qd_tok_base_len(const qd_token *t);

#endif
