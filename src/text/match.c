/*
 * match.c - longest-match lookup of multi-word lexicon entries over tokens.
 */
#include "match.h"

#include <string.h>

#include "../util/strmap.h"

/* The key of a search from tok[0] up to the first n bytes of tok[k], the word at byte
 * `at` of it: the first word alone is its token's norm, so key is filled only once a
 * search gets past it; from then on it holds the words before tok[k] already. */
static const char *join(char *key, const qd_token *tok, uint32_t k, size_t at, uint32_t n)
{
    if (k == 0)
        return tok[0].norm;
    if (k == 1)
        memcpy(key, tok[0].norm, tok[0].normlen);
    key[at - 1] = ' ';
    memcpy(key + at, tok[k].norm, n);
    return key;
}

uint32_t qd_match_phrase_from(const qd_doc *doc, const qd_phrase_table *t, uint32_t i, uint32_t end,
                              bool allow_possessive, uint32_t *value)
{
    const qd_token *tok = doc->in->tokens + i;
    if (t->max_words == 0 || i >= end)
        return 0;
    /* This runs at nearly every token for several tables, and most searches end at
     * their first or second word: the key's hash grows from the tokens' own hashes
     * (qd_phrase_hash), the first word's answer comes from the lexicon, the words are
     * copied together only when a probe needs them, and the search stops at the first
     * words that no key starts with.  Token norms hold no space (the tokenizer splits
     * there), as the words of keys do not. */
    char key[512];
    size_t kl = 0; /* bytes of the words before this one, joined by spaces */
    uint32_t h = 0;
    uint32_t best = 0;
    uint32_t maxw = t->max_words;
    for (uint32_t k = 0; k < maxw && i + k < end; k++) {
        const qd_token *x = &tok[k];
        if (x->kind != QD_TK_WORD && x->kind != QD_TK_NUM && !(x->kind == QD_TK_PUNCT && x->norm[0] == '-'))
            break;
        if (kl + x->normlen + 2 >= sizeof(key))
            break;
        size_t at = k == 0 ? 0 : kl + 1; /* where this word starts in the key */
        uint32_t wh = x->hash ? x->hash : qd_hash_bytes(x->norm, x->normlen);
        h = k == 0 ? wh : qd_phrase_hash_extend(h, wh);
        uint32_t v;
        if (!qd_phrase_maybe(t, h)) {
            /* neither a key nor the start of one (the common case, so the key is not
             * even made): only a possessive can still end a match here */
            if (allow_possessive && qd_tok_possessive(x) &&
                qd_lex_phrase(t, join(key, tok, k, at, x->normlen - 2), at + x->normlen - 2, &v)) {
                best = k + 1;
                *value = v;
            }
            break;
        }
        /* one probe says whether the words so far are a key and whether a longer key
         * can follow them (absent: neither, the filter let a stranger through); a first
         * word of the word table has its answer from the lexicon (its entry is its
         * norm's), without one */
        uint32_t e = 0;
        const char *kp;
        kl = at + x->normlen;
        if (k == 0 && x->lex) {
            kp = x->norm;
            e = x->lex->start >= 0 ? doc->in->lx->start_list[x->lex->start].walk[t->start] : 0;
        } else {
            kp = join(key, tok, k, at, x->normlen);
            qd_strmap_get_hashed(&t->walk, kp, kl, h, &e);
        }
        if (e & QD_WALK_KEY) {
            best = k + 1;
            *value = e & QD_WALK_VALUE;
        } else if (allow_possessive && qd_tok_possessive(x) && qd_lex_phrase(t, kp, kl - 2, &v)) {
            best = k + 1;
            *value = v;
            break; /* a possessive ends the phrase */
        }
        if (!(e & QD_WALK_LONGER))
            break;
    }
    return best;
}
