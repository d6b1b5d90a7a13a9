/*
 * match.c - longest-match lookup of multi-word lexicon entries over tokens.
 */
#include "match.h"

#include <string.h>

#include "../util/strmap.h"

uint32_t qd_match_phrase_from(const qd_doc *doc, const qd_phrase_table *t, uint32_t i, uint32_t end,
                              bool allow_possessive, uint32_t *value)
{
    const qd_token *tok = doc->in->tokens;
    if (t->max_words == 0 || i >= end)
        return 0;
    /* This runs at nearly every token for several tables, so the key is hashed word by
     * word as it grows and the search stops at the first key that no entry starts with. */
    char key[512];
    size_t kl = 0;
    uint32_t h = QD_HASH_INIT;
    uint32_t best = 0;
    uint32_t maxw = t->max_words;
    for (uint32_t k = 0; k < maxw && i + k < end; k++) {
        const qd_token *x = &tok[i + k];
        if (x->kind != QD_TK_WORD && x->kind != QD_TK_NUM && !(x->kind == QD_TK_PUNCT && x->norm[0] == '-'))
            break;
        if (kl + x->normlen + 2 >= sizeof(key))
            break;
        if (k > 0) {
            key[kl++] = ' ';
            h = qd_hash_extend(h, " ", 1);
        }
        /* the first word's hash was made with the token */
        h = k == 0 && x->hash ? x->hash : qd_hash_extend(h, x->norm, x->normlen);
        uint32_t v;
        if (!qd_phrase_maybe(t, h)) {
            /* neither a key nor the start of one (the common case, so the key is not
             * even copied): only a possessive can still end a match here */
            if (allow_possessive && qd_tok_possessive(x)) {
                memcpy(key + kl, x->norm, x->normlen - 2);
                if (qd_lex_phrase(t, key, kl + x->normlen - 2, &v)) {
                    best = k + 1;
                    *value = v;
                }
            }
            break;
        }
        memcpy(key + kl, x->norm, x->normlen);
        kl += x->normlen;
        /* one probe says whether the words so far are a key and whether a longer key
         * can follow them (absent: neither, the filter let a stranger through) */
        uint32_t e = 0;
        qd_strmap_get_hashed(&t->walk, key, kl, h, &e);
        if (e & QD_WALK_KEY) {
            best = k + 1;
            *value = e & QD_WALK_VALUE;
        } else if (allow_possessive && qd_tok_possessive(x) &&
                   qd_lex_phrase(t, key, kl - 2, &v)) {
            best = k + 1;
            *value = v;
            break; /* a possessive ends the phrase */
        }
        if (!(e & QD_WALK_LONGER))
            break;
    }
    return best;
}
