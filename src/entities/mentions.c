/*
 * mentions.c - finding mentions of possible speakers on tokens (see entities.h).
 *
 * There is no part-of-speech tagger: the lexicons tell function words, speech verbs,
 * role nouns, organisation and group nouns, places and outlets apart, and capitalisation
 * does the rest.  A capitalised word at the start of a sentence counts as a name only
 * when the document also writes it capitalised mid-sentence or the lexicon knows it, so
 * "Moreover" or "Regarding" never become speakers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/match.h"
#include "../text/utf8.h"
#include "../util/strmap.h"
#include "entities.h"

/* The role or noun phrase starting at a token, found once per document (at the first
 * asking) with no bound but the document's end, in four bytes.  A scan asks with a bound
 * (its sentence, a clause): the longest phrase within the bound is the unbounded one
 * whenever that one ends inside it (the search tries the same keys up to there and
 * finds nothing longer), which is nearly always; only a phrase that runs past the bound
 * is searched again.  An answer too large for the memo is searched at every asking. */
typedef struct head_memo {
    uint8_t len;     /* the phrase's length + 1; 0: not searched yet (the memo starts
                      * zeroed); HEAD_UNKNOWN: not kept, search each time */
    int8_t noun;
    int16_t role;
} head_memo;

#define HEAD_UNKNOWN UINT8_MAX

/* What may start at a token, beyond the lexicon's QD_START_* bits (see token_facts). */
enum {
    TOK_PLACE = 1u << 6,   /* place_at may find a place: capitalised, and starting a
                            * place name or a spelling variant (of one, perhaps: "Kiev") */
    TOK_LEADS = 1u << 7    /* the scan of a sentence may do more at it than step over it,
                            * unless a role or noun follows it (see token_leads) */
};
#define TOK_HEAD (QD_START_ROLE | QD_START_NOUN)
/* zero facts after the last token, so that a look a few tokens ahead needs no bound
 * (next_stop reads ten bytes from the last token but one) */
#define FACTS_PAD 16

/* Has any of the four (facts_any4) or eight (facts_any8) tokens from k one of the facts
 * f?  One load each: the facts are padded past the last token.  Looking further than a
 * scan can reach only sends it on its way where it finds nothing. */
static inline bool facts_any4(const uint8_t *facts, uint32_t k, uint8_t f)
{
    uint32_t w;
    memcpy(&w, facts + k, sizeof(w));
    return (w & (0x01010101u * f)) != 0;
}

static inline bool facts_any8(const uint8_t *facts, uint32_t k, uint8_t f)
{
    uint64_t w;
    memcpy(&w, facts + k, sizeof(w));
    return (w & (0x0101010101010101ull * f)) != 0;
}

/* The first token from i (before b) at which the scan of a sentence stops: one that may
 * lead something (TOK_LEADS) or is followed by a role or noun within two tokens.  Most
 * tokens are neither, in runs, so eight are tested at once, byte k of the words standing
 * for token i + k (the masks keep each byte's bits in its own byte; the lowest byte is
 * the first token, as everywhere the scanners test eight bytes at a time).  Returns b
 * when the sentence has no such token. */
static inline uint32_t next_stop(const uint8_t *facts, uint32_t i, uint32_t b)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
    const uint64_t ones = 0x0101010101010101ull;
    for (; i < b; i += 8) {
        uint64_t here, next1, next2;
        memcpy(&here, facts + i, sizeof(here));
        memcpy(&next1, facts + i + 1, sizeof(next1));
        memcpy(&next2, facts + i + 2, sizeof(next2));
        uint64_t stop = (here & ones * TOK_LEADS) | ((next1 | next2) & ones * TOK_HEAD);
        if (stop) {
            i += (uint32_t)__builtin_ctzll(stop) >> 3;
            return i < b ? i : b;
        }
    }
#else
    /* (the lowest byte is the first token only on a little-endian machine, and the
     * count of trailing zeros is a GCC builtin: elsewhere a token at a time) */
    for (; i < b; i++)
        if ((facts[i] & TOK_LEADS) || ((facts[i + 1] | facts[i + 2]) & TOK_HEAD))
            return i;
#endif
    return b;
}

typedef struct mscan {
    qd_actx *c;
    head_memo *head; /* per token */
    /* Per token (and 0 for FACTS_PAD after the last), which phrase tables a match can
     * start in there (QD_START_* of its word, and of its word without a possessive
     * ending) and the TOK_* bits: the scans ask the tables at nearly every token, and
     * nearly every answer is no, which this byte gives without a probe. */
    uint8_t *facts;
    /* Per token, 1 when it is a word ending in a possessive 's (qd_tok_possessive):
     * asked at dozens of places of the scans, and each asking read the end of the
     * token's norm, far from the token; a byte here is read with the facts. */
    uint8_t *poss;
    qd_token *tok;
    uint32_t n;
    /* Two facts about each capitalised word of the document, asked again and again of
     * the same words: is it written in lower case somewhere, and capitalised
     * mid-sentence (outside headlines)?  The capitalised words (without possessive
     * endings) are numbered once in `caps`; capword[i] is capitalised token i's
     * number (set for those tokens only, so the array needs no filling first) and
     * capfacts[number] its CW_* bits.  Only capitalised words are ever asked about,
     * and they are a fifth of the words, so the lower-case words are
     * looked up in this small table rather than each put in a table of their own.
     * Some facts are worked out only when first asked (CW_LOWER_UNSURE,
     * CW_MIDCAP_KNOWN), over the word's capitalised tokens: a chain from
     * cap_first[number] through cap_next[token] (NO_WORD ends it). */
    qd_strmap caps;
    uint32_t *capword;
    uint8_t *capfacts;
    uint32_t *cap_first, *cap_next;
    bool *title;      /* per sentence: written in title case (a headline) */
    uint32_t n_mx;
    /* the document's outlet name as a lexicon key, made once rather than at every
     * capitalised word (length 0: none, or too long to look for) */
    char outlet_key[128];
    size_t outlet_kl;
} mscan;

/* Does token i end in a possessive 's (see mscan.poss)?  (By index, as the facts: the
 * scans hold indexes, and a token's index from its address costs a division.) */
static inline bool tok_poss(const mscan *s, uint32_t i)
{
    return s->poss[i] != 0;
}

/* The length of token i's norm without a possessive ending (qd_tok_base_len). */
static inline uint32_t tok_base_len(const mscan *s, uint32_t i)
{
    return s->tok[i].normlen - 2u * s->poss[i];
}

/* The hash of token i's norm without a possessive ending: the token's own hash unless
 * it has one ("lavrov's" is kept as "lavrov"). */
static uint32_t base_hash(const mscan *s, uint32_t i)
{
    const qd_token *t = &s->tok[i];
    return s->poss[i] ? qd_hash_bytes(t->norm, t->normlen - 2) : t->hash;
}

#define NO_WORD UINT32_MAX
#define CAP_FILTER_LOG2 12
enum {
    CW_LOWER = 1u << 0,  /* written in lower case somewhere */
    CW_MIDCAP = 1u << 1, /* capitalised mid-sentence outside headlines */
    /* CW_LOWER not worked out yet: a function word ("The", "He"), whose lower-case
     * occurrences are a great many and whose CW_LOWER is hardly ever asked */
    CW_LOWER_UNSURE = 1u << 2,
    /* CW_MIDCAP worked out (at the first asking: few words are asked) */
    CW_MIDCAP_KNOWN = 1u << 3
};

static bool is_cap(const qd_token *t)
{
    return t->kind == QD_TK_WORD && (t->flags & QD_TF_CAP);
}

/* Does the document write the token's word (without a possessive) as `fact` says?  A
 * word token the document writes in lower case somewhere is one the words in lower
 * case include; a word that is never capitalised is never capitalised mid-sentence;
 * and only word tokens are in either set (a number or a mark never equals a word). */
static bool initial_position(const mscan *s, uint32_t i);

static bool word_fact(mscan *s, const qd_token *t, unsigned fact)
{
    uint32_t ti = (uint32_t)(t - s->tok), id = is_cap(t) ? s->capword[ti] : NO_WORD;
    uint32_t bl = tok_base_len(s, ti), bh = base_hash(s, ti);
    if (id == NO_WORD) {
        if (t->kind != QD_TK_WORD)
            return false;
        if (fact == CW_LOWER && !(t->flags & QD_TF_CAP))
            return true;
        if (!qd_strmap_get_hashed(&s->caps, t->norm, bl, bh, &id))
            return false;
    }
    if (fact == CW_LOWER && (s->capfacts[id] & CW_LOWER_UNSURE)) {
        /* the lower-case words were not looked up for this one: look for it now */
        for (uint32_t k = 0; k < s->n; k++) {
            const qd_token *u = &s->tok[k];
            if (u->kind == QD_TK_WORD && !(u->flags & QD_TF_CAP) && tok_base_len(s, k) == bl &&
                base_hash(s, k) == bh && memcmp(u->norm, t->norm, bl) == 0) {
                s->capfacts[id] |= CW_LOWER;
                break;
            }
        }
        s->capfacts[id] &= (uint8_t)~CW_LOWER_UNSURE;
    }
    if (fact == CW_MIDCAP && !(s->capfacts[id] & CW_MIDCAP_KNOWN)) {
        /* mid-sentence: not where capitals prove nothing, nor in long words in capitals
         * ("SPRINGFIELD"), nor in a headline */
        for (uint32_t i = s->cap_first[id]; i != NO_WORD; i = s->cap_next[i]) {
            const qd_token *u = &s->tok[i];
            if (!initial_position(s, i) && !(u->flags & QD_TF_ALLCAPS && u->normlen > 5) && !s->title[u->sentence]) {
                s->capfacts[id] |= CW_MIDCAP;
                break;
            }
        }
        s->capfacts[id] |= CW_MIDCAP_KNOWN;
    }
    return (s->capfacts[id] & fact) != 0;
}

static bool is_finite_verb(const qd_token *t)
{
    return t->lex && t->lex->verb >= 0 &&
           (t->lex->vform == QD_VF_PAST || t->lex->vform == QD_VF_3SG || t->lex->vform == QD_VF_PART);
}

/* Start of a sentence or of a quote or parenthesis: capitals there prove nothing. */
static bool initial_position(const mscan *s, uint32_t i)
{
    const qd_token *t = &s->tok[i];
    if ((t->flags & QD_TF_SENT_START) || i == 0)
        return true;
    const qd_token *p = &s->tok[i - 1];
    if (p->sentence != t->sentence)
        return true;
    if (p->kind == QD_TK_QUOTE) {
        /* after an opening mark a capital proves nothing; after a closing one ("…,”
         * Melanie said) it does */
        if (p->quoted < 0)
            return true;
        return s->c->an->quoted[p->quoted].outer.start == p->start;
    }
    return qd_tok_is(p, '(') || qd_tok_is(p, ':') || (p->kind == QD_TK_PUNCT && p->norm[0] == '-');
}

/* The lexicon entry of token i's word without its possessive ending ("Tuesday's"). */
static const qd_lexword *base_lex(const mscan *s, uint32_t i)
{
    const qd_token *t = &s->tok[i];
    return s->poss[i] ? qd_lex_word(s->c->lx, t->norm, t->normlen - 2) : t->lex;
}

/* Is token t (whose word without a possessive ending has base_len bytes and the lexicon
 * entry w) one of the longer words a headline would capitalise (see
 * mark_title_sentences)? */
static bool title_word(const qd_token *t, uint32_t base_len, const qd_lexword *w)
{
    return t->kind == QD_TK_WORD && base_len >= 4 && !(w && (w->tags & QD_W_FUNCTION));
}

/* Title case: a headline or heading ("Donald Trump Featured In Jihadist Video", "FULL
 * TEXT") capitalises its ordinary words, so its capitals prove nothing.  A sentence is
 * one when nearly all its longer words are capitalised and at least two of those are
 * words the document also writes in lower case ("video", "text").  A sentence of names
 * in prose ("Donald Trump and Hillary Clinton met in New York") has a lower-case verb,
 * and its names are not written in lower case elsewhere.  words[si] and caps[si] count
 * each sentence's title words and its capitalised ones (counted with the tokens' other
 * facts): only the few sentences those counts allow are read again. */
static void mark_title_sentences(mscan *s, const uint32_t *words, const uint32_t *caps)
{
    const qd_doc *doc = s->c->doc;
    for (uint32_t si = 0; si < doc->n_sentences; si++) {
        const qd_sentence *se = &doc->sentences[si];
        if (!(words[si] >= 2 && caps[si] * 5 >= words[si] * 4))
            continue;
        uint32_t common = 0;
        for (uint32_t k = se->first_token; k < se->first_token + se->n_tokens && common < 2; k++) {
            const qd_token *t = &s->tok[k];
            if ((t->flags & QD_TF_CAP) && title_word(t, tok_base_len(s, k), base_lex(s, k)) && word_fact(s, t, CW_LOWER))
                common++;
        }
        s->title[si] = common >= 2;
    }
}

/* In a title-case sentence, how many tokens from k read as a name for a reason other than
 * their capitals: a known person, outlet or place, a known first name, spelling variant
 * or honorific, or a word the document capitalises in its running prose.  0: none. */
static uint32_t title_name_len(mscan *s, uint32_t k, uint32_t end);

static qd_mx *push_mention(mscan *s, uint32_t ta, uint32_t tb, qd_mention_kind kind, qd_entity_kind ek)
{
    qd_actx *c = s->c;
    qd_analysis *an = c->an;
    qd_arena *A = &c->doc->in->arena;
    qd_mention *m = QD_VEC_PUSH(A, an->mentions, an->n_mentions, c->cap_mentions);
    if (!m)
        return NULL;
    qd_mx *x = QD_VEC_PUSH(A, c->mx, s->n_mx, c->cap_mx);
    if (!x)
        return NULL;
    m->span = qd_span_make(s->tok[ta].start, s->tok[tb - 1].end);
    m->kind = kind;
    m->entity = -1;
    m->sentence = s->tok[ta].sentence;
    x->ta = ta;
    x->tb = tb;
    x->ha = ta;
    x->hb = tb;
    x->kind = ek;
    x->role = -1;
    x->owner = -1;
    x->appos = -1;
    x->in_quote = s->tok[ta].quoted >= 0 && s->tok[ta].kind != QD_TK_QUOTE;
    return x;
}

static int32_t last_index(const mscan *s)
{
    return (int32_t)s->c->an->n_mentions - 1;
}

/* Lower-case canonical spelling of the name word at token i (variant lexicon), possessive dropped. */
static const char *name_key(mscan *s, uint32_t i)
{
    qd_arena *A = &s->c->doc->in->arena;
    const qd_token *t = &s->tok[i];
    uint32_t n = tok_base_len(s, i);
    const qd_lexword *w = base_lex(s, i);
    if (w && w->variant >= 0) {
        const char *canon = s->c->lx->variant_names[w->variant];
        char *k = qd_arena_alloc(A, 4 * strlen(canon) + 1);
        if (!k)
            return NULL;
        qd_lex_key(canon, strlen(canon), k);
        return k;
    }
    /* the token's own normal form (NUL-terminated, in the same arena) when it is the key */
    return n == t->normlen ? t->norm : qd_arena_strndup(A, t->norm, n);
}

/* ---- pieces of noun phrases -------------------------------------------------- */

/* qd_match_phrase of table t at token j, asked only when the token's facts say a match
 * can start there (`start`: the table's QD_START_* bit). */
static inline uint32_t match_at(const mscan *s, const qd_phrase_table *t, uint32_t start, uint32_t j,
                                uint32_t end, bool allow_possessive, uint32_t *value)
{
    if (!(s->facts[j] & start))
        return 0;
    return qd_match_phrase(s->c->doc, t, j, end, allow_possessive, value);
}

/* A role or noun phrase starting at j: returns its length in tokens (longest of the two)
 * and what it is. */
static uint32_t head_find(mscan *s, uint32_t j, uint32_t end, int32_t *role, int32_t *noun)
{
    const qd_lexicon *lx = s->c->lx;
    uint32_t v;
    uint32_t lr = match_at(s, &lx->roles, QD_START_ROLE, j, end, true, &v);
    int32_t r = lr ? (int32_t)v : -1;
    uint32_t ln = match_at(s, &lx->nouns, QD_START_NOUN, j, end, true, &v);
    int32_t nn = ln ? (int32_t)v : -1;
    *role = -1;
    *noun = -1;
    if (lr == 0 && ln == 0)
        return 0;
    if (lr >= ln) {
        *role = r;
        return lr;
    }
    *noun = nn;
    return ln;
}

/* head_at's first asking of a token: the unbounded search, kept in the memo.  A
 * function of its own, so that head_at stays small enough to inline and the answers
 * from the memo (half the askings) do not pay for the registers the search needs. */
static void head_first(mscan *s, uint32_t j)
{
    head_memo *hm = &s->head[j];
    int32_t r, nn;
    uint32_t l;
    const qd_token *t = &s->tok[j];
    const qd_start_word *st = NULL;
    /* (a short word without a possessive ending: what head_find would match is a key
     * or nothing) */
    if ((t->kind == QD_TK_WORD || t->kind == QD_TK_NUM) && t->normlen < 64 && !tok_poss(s, j))
        st = qd_lex_start(s->c->lx, t->lex, t->norm, t->normlen, t->hash);
    if (st && !(st->longer & TOK_HEAD)) {
        /* no longer role or noun starts with the word: the phrase is the word itself
         * when it is a key, the role when it is both (as head_find chooses) */
        r = st->role;
        nn = r >= 0 ? -1 : st->noun;
        l = r >= 0 || nn >= 0;
    } else {
        l = head_find(s, j, s->n, &r, &nn);
    }
    if (l + 1 < HEAD_UNKNOWN && nn >= INT8_MIN && nn <= INT8_MAX && r >= INT16_MIN && r <= INT16_MAX) {
        hm->len = (uint8_t)(l + 1);
        hm->role = (int16_t)r;
        hm->noun = (int8_t)nn;
    } else {
        hm->len = HEAD_UNKNOWN;
    }
}

static inline uint32_t head_at(mscan *s, uint32_t j, uint32_t end, int32_t *role, int32_t *noun)
{
    if (!(s->facts[j] & TOK_HEAD)) {
        *role = -1;
        *noun = -1;
        return 0;
    }
    const head_memo *hm = &s->head[j];
    if (hm->len == 0)
        head_first(s, j);
    if (hm->len != HEAD_UNKNOWN && j + hm->len - 1 <= end) {
        *role = hm->role;
        *noun = hm->noun;
        return hm->len - 1u;
    }
    return head_find(s, j, end, role, noun);
}

static qd_entity_kind kind_of_noun(int32_t nc)
{
    switch ((qd_noun_class)nc) {
    case QD_NC_ORG: return QD_ENT_ORG;
    case QD_NC_GOV: return QD_ENT_GOV;
    case QD_NC_GROUP: return QD_ENT_GROUP;
    case QD_NC_ANON: return QD_ENT_ANONYMOUS;
    case QD_NC_DOCUMENT: return QD_ENT_DOCUMENT;
    case QD_NC_MEDIA: return QD_ENT_MEDIA;
    case QD_NC_VENUE: return QD_ENT_UNKNOWN;
    }
    return QD_ENT_UNKNOWN;
}

/* place_at where its facts allow a place: the search itself. */
static const qd_place *place_find(mscan *s, uint32_t j, uint32_t end, uint32_t *len)
{
    uint32_t v;
    uint32_t l = match_at(s, &s->c->lx->places, QD_START_PLACE, j, end, true, &v);
    if (!l) {
        /* a spelling variant of a known place: "Kiev" for Kyiv */
        const qd_lexword *w = base_lex(s, j); /* (the token's own entry but for a possessive) */
        if (!w || w->variant < 0)
            return NULL;
        const char *canon = s->c->lx->variant_names[w->variant];
        char key[128];
        size_t kl = strlen(canon) < 32 ? qd_lex_key(canon, strlen(canon), key) : 0;
        if (!kl || !qd_lex_phrase(&s->c->lx->places, key, kl, &v))
            return NULL;
        l = 1;
    }
    *len = l;
    return &s->c->lx->place_list[v];
}

/* The place named from token j (before end), and its length in tokens; NULL if none.
 * Capitalised only: lower-case "us" is the pronoun, not the country (TOK_PLACE). */
static inline const qd_place *place_at(mscan *s, uint32_t j, uint32_t end, uint32_t *len)
{
    return (s->facts[j] & TOK_PLACE) ? place_find(s, j, end, len) : NULL;
}

static uint32_t title_name_len(mscan *s, uint32_t k, uint32_t end)
{
    const qd_lexicon *lx = s->c->lx;
    const qd_token *t = &s->tok[k];
    uint32_t v, l;
    if ((l = match_at(s, &lx->people, QD_START_PERSON, k, end, true, &v)) != 0 ||
        (l = match_at(s, &lx->outlets, QD_START_OUTLET, k, end, true, &v)) != 0)
        return l;
    if (place_at(s, k, end, &l))
        return l;
    if (!is_cap(t))
        return 0;
    const qd_lexword *w = base_lex(s, k);
    if (w && (w->first_name || w->variant >= 0 || (w->tags & QD_W_HONORIFIC)))
        return 1;
    /* function words and verbs are capitalised mid-sentence by other headings too */
    if (w && ((w->tags & (QD_W_FUNCTION | QD_W_ADV | QD_W_AUX | QD_W_MODAL | QD_W_NEG)) || w->verb >= 0))
        return 0;
    return word_fact(s, t, CW_MIDCAP) ? 1 : 0;
}

/* A surname after a known first name in a headline ("Hillary Clinton"): capitalised, not
 * a function word, and never written in lower case by the document ("Hillary Just"). */
static bool title_surname(mscan *s, uint32_t k)
{
    const qd_token *t = &s->tok[k];
    const qd_lexword *pw = k > 0 ? base_lex(s, k - 1) : NULL;
    const qd_lexword *w = base_lex(s, k);
    return is_cap(t) && pw && pw->first_name && !(w && ((w->tags & QD_W_FUNCTION) || w->verb >= 0)) &&
           !word_fact(s, t, CW_LOWER);
}

/* A dateline opening a paragraph: "WASHINGTON (AP) —", "TALLAHASSEE, Fla. —",
 * "Washington (AFP) –": upper case then "(", a dash or a comma, or any case then a
 * parenthesis and a dash. */
static bool dateline_at(mscan *s, uint32_t a, uint32_t b)
{
    const qd_token *tok = s->c->doc->in->tokens;
    uint32_t n = s->c->doc->in->n_tokens;
    if ((a > 0 && tok[a - 1].paragraph == tok[a].paragraph) || b >= n || tok[b].kind != QD_TK_PUNCT)
        return false;
    if ((tok[a].flags & QD_TF_ALLCAPS) &&
        (qd_tok_is(&tok[b], '(') || qd_tok_is(&tok[b], ',') || tok[b].norm[0] == '-'))
        return true;
    if (qd_tok_is(&tok[b], '(')) {
        uint32_t k = b + 1;
        while (k < n && k < b + 6 && !qd_tok_is(&tok[k], ')'))
            k++;
        return k + 1 < n && qd_tok_is(&tok[k], ')') && tok[k + 1].kind == QD_TK_PUNCT && tok[k + 1].norm[0] == '-';
    }
    return false;
}

/* Is tokens [a, b) exactly a region (a US state: "Ohio", "Mich.")? */
static bool region_at(mscan *s, uint32_t a, uint32_t b)
{
    uint32_t len;
    const qd_place *pl = place_at(s, a, b, &len);
    return pl && pl->kind == QD_PL_REGION && len == b - a;
}

/* Does a comma and a region follow token b-1 ("Flint[, Mich.]", "Columbus[, Ohio]")? */
static bool city_and_state(mscan *s, uint32_t b)
{
    const qd_token *tok = s->c->doc->in->tokens;
    uint32_t n = s->c->doc->in->n_tokens;
    if (b + 1 >= n || !qd_tok_is(&tok[b], ',') || !is_cap(&tok[b + 1]))
        return false;
    /* the state: one to three capitalised words, then punctuation */
    for (uint32_t e = b + 2; e <= n && e <= b + 4; e++) {
        if (region_at(s, b + 1, e) && (e == n || tok[e].kind == QD_TK_PUNCT))
            return true;
        if (e < n && !is_cap(&tok[e]))
            break;
    }
    return false;
}

/* A place named as where something happens, not as a government that speaks: after
 * a preposition of place ("in Washington", "at a town hall in Salem, New Hampshire"), a
 * dateline ("WASHINGTON (AP) —", "MACAU, Dec 20"), a party-and-state label ("Gov. John
 * Kasich (R-OH)").  "The minister of Russia" keeps its complement. */
/* A word of a fixed list, with its length: a list tested at many tokens compares
 * lengths first without a strlen for each entry. */
typedef struct fixed_word {
    const char *w;
    uint32_t n;
} fixed_word;
#define FIXED_WORD(s) {s, sizeof(s) - 1}

/* Is the token's normal form one of the n words of list? */
static bool norm_in(const qd_token *t, const fixed_word *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (t->normlen == list[k].n && memcmp(t->norm, list[k].w, list[k].n) == 0)
            return true;
    return false;
}

static bool place_is_location(mscan *s, uint32_t a, uint32_t b)
{
    const qd_token *tok = s->c->doc->in->tokens;
    uint32_t n = s->c->doc->in->n_tokens;
    static const fixed_word preps[] = {
        FIXED_WORD("in"),      FIXED_WORD("at"),         FIXED_WORD("from"),    FIXED_WORD("near"),
        FIXED_WORD("across"),  FIXED_WORD("throughout"), FIXED_WORD("outside"), FIXED_WORD("inside"),
        FIXED_WORD("around"),  FIXED_WORD("into"),       FIXED_WORD("through"), FIXED_WORD("within"),
        FIXED_WORD("toward"),  FIXED_WORD("towards")};
    /* "in Salem, New Hampshire": look over one comma-separated place before it */
    uint32_t k = a;
    if (k >= 3 && qd_tok_is(&tok[k - 1], ',') && is_cap(&tok[k - 2]))
        k -= 2;
    if (k > 0 && tok[k - 1].kind == QD_TK_WORD && tok[k - 1].paragraph == tok[a].paragraph &&
        norm_in(&tok[k - 1], preps, sizeof(preps) / sizeof(preps[0])))
        return true;
    /* "Columbus, Ohio", "Flint, Mich.": a town and its state say where, both of them */
    if (city_and_state(s, b) || (a >= 2 && qd_tok_is(&tok[a - 1], ',') && is_cap(&tok[a - 2]) &&
                                 region_at(s, a, b)))
        return true;
    if (dateline_at(s, a, b))
        return true;
    /* "(R-OH)", "(D-Calif.)" */
    if (a >= 3 && b < n && tok[a - 1].kind == QD_TK_PUNCT && tok[a - 1].norm[0] == '-' && qd_tok_is(&tok[a - 3], '(') &&
        (qd_tok_is(&tok[b], ')') || (qd_tok_is(&tok[b], '.') && b + 1 < n && qd_tok_is(&tok[b + 1], ')'))))
        return true;
    return false;
}


static bool plural_word(const qd_token *t)
{
    uint32_t n = qd_tok_base_len(t);
    return n > 3 && t->norm[n - 1] == 's' && t->norm[n - 2] != 's';
}

bool qd_plural_possessive_mark(const qd_token *tok, uint32_t n, uint32_t j)
{
    const qd_token *t = &tok[j];
    if (j == 0 || j + 1 >= n || (t->qmark != QD_QM_SINGLE_CLOSE && t->qmark != QD_QM_SINGLE_STRAIGHT))
        return false;
    const qd_token *w = &tok[j - 1];
    return w->kind == QD_TK_WORD && w->end == t->start && w->normlen > 1 && w->norm[w->normlen - 1] == 's' &&
           t[1].start > t->end;
}

/* Token j is the possessive apostrophe of "Sanders’ campaign": a plural possessive mark
 * followed by a lower-case word (before a capital it may close a quote). */
static bool glued_apostrophe(const qd_token *tok, uint32_t j, uint32_t end)
{
    /* j may be `end` itself (the caller has just stepped past a word): bound first */
    return j + 1 < end && tok[j].kind == QD_TK_QUOTE && qd_plural_possessive_mark(tok, end, j) &&
           tok[j + 1].kind == QD_TK_WORD && !(tok[j + 1].flags & QD_TF_CAP);
}

static int scan_np(mscan *s, uint32_t i, uint32_t mods, bool owned, uint32_t end, uint32_t *next);
static int scan_caps(mscan *s, uint32_t i, uint32_t end, uint32_t *next, bool has_det);

/* "of the Foreign Ministry", "in the White House", "close to the campaign": a complement
 * attached to the head of the mention just made (index m). */
static int complement(mscan *s, int32_t m, uint32_t j, uint32_t end, uint32_t *next)
{
    *next = j;
    if (j + 1 >= end)
        return 0;
    const qd_token *t = &s->tok[j];
    static const fixed_word preps[] = {
        FIXED_WORD("of"),    FIXED_WORD("for"),      FIXED_WORD("in"),     FIXED_WORD("at"),
        FIXED_WORD("from"),  FIXED_WORD("with"),     FIXED_WORD("close"),  FIXED_WORD("familiar"),
        FIXED_WORD("within"), FIXED_WORD("inside"),  FIXED_WORD("on"),     FIXED_WORD("to")};
    if (t->kind != QD_TK_WORD || !norm_in(t, preps, sizeof(preps) / sizeof(preps[0])))
        return 0;
    qd_mx *x = &s->c->mx[m];
    /* which heads take which complements */
    bool takes;
    switch (x->kind) {
    case QD_ENT_ANONYMOUS: takes = true; break;
    case QD_ENT_DOCUMENT: takes = qd_norm_is(t, "of") || qd_norm_is(t, "from") || qd_norm_is(t, "by"); break;
    case QD_ENT_PERSON: takes = x->role >= 0 && (qd_norm_is(t, "of") || qd_norm_is(t, "for") || qd_norm_is(t, "at") || qd_norm_is(t, "to")); break;
    case QD_ENT_ORG: takes = qd_norm_is(t, "of"); break;
    default: takes = false; break;
    }
    if (!takes)
        return 0;
    uint32_t k = j + 1;
    if ((qd_norm_is(t, "close") || qd_norm_is(t, "familiar")) && k < end && s->tok[k].kind == QD_TK_WORD &&
        (qd_norm_is(&s->tok[k], "to") || qd_norm_is(&s->tok[k], "with")))
        k++;
    if (k >= end)
        return 0;
    uint32_t before = s->c->an->n_mentions;
    uint32_t after_np = k;
    int rc;
    if (is_cap(&s->tok[k]) || (s->tok[k].lex && (s->tok[k].lex->tags & (QD_W_DET | QD_W_POSS))))
        rc = scan_np(s, k, k + 1, false, end, &after_np);
    else
        return 0;
    if (rc)
        return rc;
    if (s->c->an->n_mentions == before)
        return 0;
    /* the complement is its own mention, owned by the head */
    s->c->mx[m].owner = (int32_t)before;
    *next = after_np;
    return 0;
}

/* Name and title in one capitalised run: "Russian Foreign Minister Sergei Lavrov",
 * "US Secretary of State Antony Blinken", "State Department spokesman Ned Price".
 * Fills role, country and org from the title part; returns where the name starts. */
static uint32_t split_title(mscan *s, uint32_t a, uint32_t b, qd_mx *x)
{
    const qd_lexicon *lx = s->c->lx;
    uint32_t j = a;
    uint32_t name_start = a;
    while (j < b) {
        uint32_t len;
        const qd_place *pl = place_at(s, j, b, &len);
        int32_t role, noun;
        uint32_t hl = head_at(s, j, b, &role, &noun);
        const qd_token *t = &s->tok[j];
        if (hl && role >= 0) {
            x->role = role;
            j += hl;
            name_start = j;
            continue;
        }
        if (hl && noun >= 0 && (noun == QD_NC_ORG || noun == QD_NC_GOV || noun == QD_NC_MEDIA)) {
            char *o = qd_arena_strndup(&s->c->doc->in->arena, s->c->doc->text + t->start,
                                       s->tok[j + hl - 1].end - t->start);
            if (o) {
                for (char *q = o; *q; q++)
                    if (*q >= 'A' && *q <= 'Z')
                        *q = (char)(*q - 'A' + 'a');
            }
            x->org = o;
            j += hl;
            name_start = j;
            continue;
        }
        if (pl && (pl->kind == QD_PL_ADJECTIVE || pl->kind == QD_PL_COUNTRY) && j + len < b) {
            x->country = pl->code;
            j += len;
            name_start = j;
            continue;
        }
        if (t->lex && (t->lex->tags & QD_W_HONORIFIC)) {
            x->honorific = true;
            if (t->lex->gender == 'm' || t->lex->gender == 'f')
                x->gender = t->lex->gender;
            j++;
            if (j < b && qd_tok_is(&s->tok[j], '.'))
                j++;
            name_start = j;
            continue;
        }
        if (t->kind == QD_TK_WORD && (qd_norm_is(t, "of") || qd_norm_is(t, "the") || qd_norm_is(t, "for")) &&
            x->role >= 0) {
            j++;
            continue;
        }
        if (match_at(s, &lx->outlets, QD_START_OUTLET, j, b, true, &(uint32_t){0}) && j + 1 < b) {
            uint32_t v;
            uint32_t ol = match_at(s, &lx->outlets, QD_START_OUTLET, j, b, true, &v);
            if (j + ol < b) {
                x->org = lx->outlet_list[v].name;
                j += ol;
                name_start = j;
                continue;
            }
        }
        break;
    }
    return name_start;
}

/* Lower-cased text of tokens [a, b) without the places among them ("Russian"): the name
 * part of an organisation ("clinton" of "the Clinton Foundation"); NULL when none. */
static const char *org_qualifier(mscan *s, uint32_t a, uint32_t b)
{
    char buf[128];
    size_t o = 0;
    /* in a headline only the words just before the noun that read as a name count
     * ("Clinton" of "... Impact On Clinton Campaign") */
    if (a < b && s->title[s->tok[a].sentence]) {
        uint32_t k = b;
        while (k > a && title_name_len(s, k - 1, b))
            k--;
        a = k;
    }
    for (uint32_t k = a; k < b; k++) {
        const qd_token *t = &s->tok[k];
        uint32_t pl_len;
        const qd_place *pl = place_at(s, k, b, &pl_len);
        if (pl && (pl->kind == QD_PL_COUNTRY || pl->kind == QD_PL_CAPITAL || pl->kind == QD_PL_ADJECTIVE)) {
            k += pl_len - 1; /* the organisation's country is kept apart */
            continue;
        }
        if (t->kind != QD_TK_WORD || !is_cap(t) || (t->lex && (t->lex->tags & (QD_W_DET | QD_W_POSS))))
            continue;
        uint32_t n = tok_base_len(s, k);
        if (o + n + 2 >= sizeof(buf))
            return NULL;
        if (o)
            buf[o++] = ' ';
        memcpy(buf + o, t->norm, n);
        o += n;
    }
    return o ? qd_arena_strndup(&s->c->doc->in->arena, buf, o) : NULL;
}

/* "the campaign" after "the Clinton campaign": the name part of the nearest earlier
 * organisation with the same head noun, so that one campaign is not every campaign. */
static const char *org_antecedent(mscan *s, uint32_t ha, uint32_t hb, int32_t before)
{
    for (int32_t m = before - 1; m >= 0; m--) {
        const qd_mx *y = &s->c->mx[m];
        if (y->kind != QD_ENT_ORG || !y->org || y->hb - y->ha != hb - ha)
            continue;
        bool same = true;
        for (uint32_t k = 0; k < hb - ha && same; k++) {
            const qd_token *p = &s->tok[y->ha + k], *q = &s->tok[ha + k];
            same = p->normlen == q->normlen && memcmp(p->norm, q->norm, p->normlen) == 0;
        }
        if (same)
            return y->org;
    }
    return NULL;
}

/* A run of capitalised words from i. */
static int scan_caps(mscan *s, uint32_t i, uint32_t end, uint32_t *next, bool has_det)
{
    qd_actx *c = s->c;
    const qd_lexicon *lx = c->lx;
    qd_token *tok = s->tok;
    uint32_t j = i;
    bool possessive = false;
    /* honorifics may start the run */
    while (j < end) {
        const qd_token *t = &tok[j];
        if (is_cap(t)) {
            const qd_lexword *tw = base_lex(s, j);
            if (tw && (tw->tags & (QD_W_MONTH | QD_W_WEEKDAY)) && j > i)
                break;
            j++;
            if (tok_poss(s, j - 1) || glued_apostrophe(tok, j, end)) {
                possessive = true;
                break;
            }
            /* "Mr." and initials keep their dot */
            if (j < end && qd_tok_is(&tok[j], '.') && tok[j].start == t->end &&
                ((t->lex && (t->lex->tags & QD_W_HONORIFIC)) || (t->end - t->start == 1)) && j + 1 < end &&
                is_cap(&tok[j + 1]))
                j++;
            continue;
        }
        /* "Secretary of State", "Bank of America", "Vermont Democratic Party": particles
         * inside the run when a capital follows */
        if (t->kind == QD_TK_WORD && j > i && j + 1 < end &&
            (qd_norm_is(t, "of") || qd_norm_is(t, "for") || qd_norm_is(t, "de") ||
             qd_norm_is(t, "van") || qd_norm_is(t, "von") || qd_norm_is(t, "bin") ||
             qd_norm_is(t, "al") || qd_norm_is(t, "la") || qd_norm_is(t, "le") ||
             qd_norm_is(t, "da") || qd_norm_is(t, "del"))) {
            uint32_t k = j + 1;
            if (k + 1 < end && qd_norm_is(&tok[k], "the"))
                k++;
            if (k < end && is_cap(&tok[k])) {
                j = k;
                continue;
            }
        }
        break;
    }
    *next = j > i ? j : i + 1;
    if (j == i)
        return 0;
    uint32_t a = i, b = j;
    /* drop sentence-initial words the lexicon knows as ordinary words */
    while (a < b && initial_position(s, a) && base_lex(s, a) &&
           (base_lex(s, a)->tags & (QD_W_FUNCTION | QD_W_ADV | QD_W_TIME | QD_W_MONTH | QD_W_WEEKDAY)) &&
           !(base_lex(s, a)->tags & QD_W_HONORIFIC) && !base_lex(s, a)->first_name)
        a++;
    while (a < b && tok[a].lex && tok[a].lex->verb >= 0 && initial_position(s, a))
        a++;
    if (a >= b)
        return 0;
    /* days, months and times are not speakers: "on Friday", "Tuesday" */
    bool all_time = true;
    for (uint32_t k = a; k < b; k++) {
        const qd_lexword *kw = base_lex(s, k); /* "Tuesday's primary" */
        if (!(kw && ((kw->tags & (QD_W_WEEKDAY | QD_W_MONTH | QD_W_TIME)) ||
                     kw->abbr == 2 /* a month's abbreviation: "Dec." in a dateline */)))
            all_time = false;
    }
    if (all_time) {
        if (possessive) {
            /* "Monday's poll", "Tuesday's primary": no speaker, but a determiner of the
             * noun after it like any possessive */
            qd_mx *x = push_mention(s, a, b, QD_MENTION_NOMINAL, QD_ENT_UNKNOWN);
            if (!x)
                return QD_ENOMEM;
            x->possessive = true;
            x->gender = 'n';
        }
        return 0;
    }
    /* a lone capitalised adverb or function word mid-sentence ("stressing However,") */
    if (b - a == 1 && tok[a].lex && (tok[a].lex->tags & (QD_W_FUNCTION | QD_W_ADV)) && !tok[a].lex->first_name &&
        !(tok[a].lex->tags & QD_W_HONORIFIC))
        return 0;
    uint32_t v;
    /* a known outlet or agency */
    uint32_t ol = match_at(s, &lx->outlets, QD_START_OUTLET, a, b, true, &v);
    if (ol == b - a) {
        qd_mx *x = push_mention(s, has_det ? i - 1 : a, b, QD_MENTION_NAME, QD_ENT_MEDIA);
        if (!x)
            return QD_ENOMEM;
        x->org = lx->outlet_list[v].name;
        x->possessive = possessive;
        x->definite = true;
        x->gender = 'n';
        return 0;
    }
    /* organisation: the run ends in an organisation noun ("the Russian Foreign Ministry") */
    for (uint32_t k = a; k < b; k++) {
        int32_t role, noun;
        uint32_t hl = head_at(s, k, b, &role, &noun);
        if (hl && k + hl == b && noun >= 0 && noun != QD_NC_VENUE && noun != QD_NC_DOCUMENT) {
            qd_entity_kind ek = kind_of_noun(noun);
            qd_mx *x = push_mention(s, has_det ? i - 1 : a, b, QD_MENTION_NOMINAL, ek);
            if (!x)
                return QD_ENOMEM;
            x->ha = k;
            x->hb = b;
            x->possessive = possessive;
            x->definite = true;
            x->plural = ek == QD_ENT_GROUP;
            x->gender = ek == QD_ENT_GROUP ? 'p' : 'n';
            /* "the Clinton Foundation", "Trump Organization": the words before the noun
             * name it */
            if (ek == QD_ENT_ORG && k > a)
                x->org = org_qualifier(s, a, k);
            for (uint32_t q = a; q < k; q++) {
                uint32_t pl_len;
                const qd_place *pl = place_at(s, q, k, &pl_len);
                if (pl)
                    x->country = pl->code;
            }
            return 0;
        }
    }
    /* a single place: a government when it speaks ("Washington", "Moscow", "Russia") */
    uint32_t pl_len;
    const qd_place *pl = place_at(s, a, b, &pl_len);
    if (pl && pl_len == b - a) {
        if (pl->kind == QD_PL_ADJECTIVE) {
            /* "the Russians"? adjectives alone are not mentions */
            return 0;
        }
        if (place_is_location(s, a, b))
            return 0;
    }
    /* a city is nobody's name, nor its country's government ("Philadelphia is ready") */
    bool city = pl && pl_len == b - a && pl->kind == QD_PL_CITY;
    if (pl && pl_len == b - a && !city) {
        qd_mx *x = push_mention(s, a, b, QD_MENTION_NAME, QD_ENT_GOV);
        if (!x)
            return QD_ENOMEM;
        x->country = pl->code;
        x->possessive = possessive;
        x->definite = true;
        x->gender = 'n';
        return 0;
    }
    /* a town the lexicon does not know, placed by its state: "of Flint, Mich." */
    if ((city_and_state(s, b) && !has_det) || dateline_at(s, a, b))
        return 0;
    /* a capitalised modifier between a determiner and a lower-case noun names nobody:
     * "the Republican primary", "the Wall Street crowd", "a Twitter post" (a verb after it
     * makes it the subject: "the Kremlin said").  The mention stays, for the attribution
     * stages read phrases through it, but it is no person's name. */
    const qd_lexword *bw = b < end ? tok[b].lex : NULL;
    bool modifier = has_det && b == j && b < end && tok[b].kind == QD_TK_WORD && !is_cap(&tok[b]) &&
                    tok[b].start > tok[b - 1].end && !tok_poss(s, b - 1) &&
                    !(bw && (bw->verb >= 0 || (bw->tags & (QD_W_FUNCTION | QD_W_ADV | QD_W_AUX | QD_W_MODAL | QD_W_NEG))));
    /* person, possibly with a title */
    qd_mx tmp;
    memset(&tmp, 0, sizeof(tmp));
    tmp.role = -1;
    uint32_t ns = split_title(s, a, b, &tmp);
    /* "Republican Sen. John McCain", "Former Rep. Anthony Weiner": words the lexicons do
     * not know before an honorific are part of the title, and the name starts after it
     * (else "Republican" gives the key its initial) */
    for (uint32_t k = ns + 1; k + 1 < b; k++) {
        const qd_lexword *kw = base_lex(s, k);
        if (!(kw && (kw->tags & QD_W_HONORIFIC)))
            continue;
        uint32_t after = k + 1 < b && qd_tok_is(&tok[k + 1], '.') ? k + 2 : k + 1;
        if (after < b && is_cap(&tok[after])) {
            tmp.honorific = true;
            if (kw->gender == 'm' || kw->gender == 'f')
                tmp.gender = kw->gender;
            ns = after;
        }
        break;
    }
    /* group nouns written with a capital: "Democrats", "Central Asian countries" handled
     * by the caller; here only names */
    if (ns >= b) {
        if (tmp.role < 0)
            return 0;
        /* a title with no name: "the Russian Foreign Minister" */
        qd_mx *x = push_mention(s, has_det ? i - 1 : a, b, QD_MENTION_ROLE, QD_ENT_PERSON);
        if (!x)
            return QD_ENOMEM;
        x->role = tmp.role;
        x->country = tmp.country;
        x->org = tmp.org;
        x->definite = has_det;
        x->possessive = possessive;
        x->generic = lx->role_list[tmp.role].generic;
        x->ha = a;
        x->hb = b;
        return 0;
    }
    /* the name part must be name-like: a single word at the start of a sentence needs
     * evidence that it is a name */
    const qd_token *first = &tok[ns];
    bool known = (first->lex && (first->lex->first_name || first->lex->variant >= 0)) || tmp.role >= 0 ||
                 tmp.honorific;
    bool common_word = false;
    if (b - ns == 1 && ns == a && initial_position(s, a) && !known) {
        /* "Melanie said": a speech verb after an unknown capitalised word names it */
        uint32_t vb = b;
        while (vb < end && vb < b + 3 && tok[vb].lex &&
               ((tok[vb].lex->tags & (QD_W_ADV | QD_W_AUX | QD_W_MODAL | QD_W_NEG)) ||
                ((tok[vb].lex->tags & QD_W_OBJ) && tok[vb].normlen > 5)))
            vb++; /* "Ford itself said", "Lavrov also said" */
        bool before_verb = vb < end && tok[vb].lex && tok[vb].lex->verb >= 0 && tok[vb].lex->vform != QD_VF_ING &&
                           !(first->lex && (first->lex->tags & QD_W_FUNCTION));
        bool midcap = word_fact(s, first, CW_MIDCAP);
        if (!before_verb && !midcap)
            return 0;
        /* "Critics said", "Polls show": a word the document writes in lower case and never
         * capitalises mid-sentence is a common noun; it may speak, but it is no name */
        if (!midcap && word_fact(s, first, CW_LOWER))
            common_word = true;
    }
    /* nouns (role or group nouns) as the whole name part are not names */
    int32_t r2, n2;
    uint32_t hl = head_at(s, ns, b, &r2, &n2);
    if (hl == b - ns && n2 >= 0) {
        qd_entity_kind ek = kind_of_noun(n2);
        if (ek == QD_ENT_UNKNOWN)
            return 0;
        qd_mx *x = push_mention(s, has_det ? i - 1 : a, b, QD_MENTION_NOMINAL, ek);
        if (!x)
            return QD_ENOMEM;
        x->plural = plural_word(&tok[b - 1]) || ek == QD_ENT_GROUP;
        x->gender = x->plural ? 'p' : 'n';
        x->possessive = possessive;
        x->country = tmp.country;
        return 0;
    }
    /* "Rep. John Mica (R-Fla.)": the party and state belong to the name */
    uint32_t pb = b;
    if (b + 2 < end && qd_tok_is(&tok[b], '(')) {
        for (uint32_t k = b + 1; k < end && k < b + 8; k++) {
            if (qd_tok_is(&tok[k], ')')) {
                bool party = false;
                for (uint32_t q = b + 1; q < k; q++)
                    if ((tok[q].flags & QD_TF_CAP) && (strchr(tok[q].norm, '-') || tok[q].end - tok[q].start == 1))
                        party = true;
                if (party)
                    pb = k + 1;
                break;
            }
        }
    }
    /* a headline in title case: the mention keeps its words (a headline's report reads
     * its subject from them) but the name is only the words from its start that read as
     * one for another reason than their capitals ("Donald Trump" of "Donald Trump Featured
     * In Jihadist Video"); with none, it names nobody and only its title, if any, says
     * who it is ("Former White House Doctor Says") */
    uint32_t nb = modifier || common_word || city ? ns : b;
    if (!modifier && s->title[tok[a].sentence]) {
        nb = ns;
        while (nb < b) {
            uint32_t l = title_name_len(s, nb, b);
            if (!l && nb > ns && title_surname(s, nb))
                l = 1;
            /* a particle inside a name: "Bank of America" */
            if (!l && !is_cap(&tok[nb]) && nb > ns && nb + 1 < b && title_name_len(s, nb + 1, b))
                l = 1;
            if (!l)
                break;
            nb += l;
        }
    }
    qd_mx *x = push_mention(s, has_det ? i - 1 : a, pb, QD_MENTION_NAME, QD_ENT_PERSON);
    if (!x)
        return QD_ENOMEM;
    *next = pb > *next ? pb : *next;
    x->role = tmp.role;
    x->country = tmp.country;
    x->org = tmp.org;
    x->honorific = tmp.honorific;
    x->gender = tmp.gender;
    x->ha = ns;
    x->hb = nb;
    x->possessive = possessive;
    x->definite = true;
    if (nb == ns) {
        /* no name: the title, if any, says who it is ("Former White House Doctor"); the
         * head stays a non-empty span of the mention's words */
        x->ha = ns > a ? a : ns;
        x->hb = ns > a ? ns : b;
        return 0;
    }
    x->last = name_key(s, nb - 1);
    if (nb - ns >= 2 && !(tok[ns].end - tok[ns].start == 1))
        x->first = name_key(s, ns);
    if (!x->gender && tok[ns].lex && tok[ns].lex->first_name && nb - ns >= 2)
        x->gender = tok[ns].lex->gender == 'u' ? 0 : tok[ns].lex->gender;
    return 0;
}

/* An object pronoun after a preposition ("according to him", "said of them") can be the
 * source a cue names, so it is a mention like "he"; "her" before a noun is the possessive
 * the scan takes elsewhere.  Object pronouns after verbs stay out: "told him" names the
 * listener, and a mention there would only compete with the subject. */
static bool object_of_preposition(const qd_token *tok, uint32_t a, uint32_t i)
{
    const qd_token *t = &tok[i];
    if (!t->lex || !(t->lex->tags & QD_W_OBJ) || (t->lex->tags & QD_W_POSS) || i <= a)
        return false;
    const qd_token *p = &tok[i - 1];
    return p->kind == QD_TK_WORD && p->lex && (p->lex->tags & QD_W_PREP);
}

/* A noun phrase led by a determiner, possessive or number: "the foreign minister",
 * "a senior US diplomat", "the press release of the Foreign Ministry", "its statement". */
static int scan_np(mscan *s, uint32_t i, uint32_t mods, bool owned, uint32_t end, uint32_t *next)
{
    qd_token *tok = s->tok;
    const qd_token *t = &tok[i];
    /* owned: [i, mods) is a possessive name ("Blinken's"), the last mention made */
    *next = mods;
    if (!owned && is_cap(t) && !(t->lex && (t->lex->tags & (QD_W_DET | QD_W_POSS))))
        return scan_caps(s, i, end, next, false);
    int32_t owner_m = owned ? last_index(s) : -1;
    if (!owned && t->lex && (t->lex->tags & QD_W_POSS) && t->lex->gender) {
        /* "his statement": the possessive is a pronoun mention of its own */
        qd_mx *px = push_mention(s, i, i + 1, QD_MENTION_PRONOUN,
                                 t->lex->gender == 'm' || t->lex->gender == 'f' ? QD_ENT_PERSON : QD_ENT_UNKNOWN);
        if (!px)
            return QD_ENOMEM;
        px->gender = t->lex->gender;
        px->plural = t->lex->gender == 'p';
        /* it owns what follows, so it is no subject ("Continuing to explain his
         * perspective, Carson rejected"); "her" is one only before a noun ("her record",
         * not "told her the truth") */
        const qd_token *u = i + 1 < end ? &tok[i + 1] : NULL;
        px->possessive = !(t->lex->tags & QD_W_OBJ) ||
                         (u && u->kind == QD_TK_WORD && !(u->lex && (u->lex->tags & QD_W_FUNCTION)));
        owner_m = last_index(s);
    }
    uint32_t j = mods;
    uint32_t head_a = 0, head_b = 0;
    int32_t head_role = -1, head_noun = -1;
    const char *country = NULL;
    uint32_t last_caps_a = UINT32_MAX;
    /* the loop makes a mention only of a head (a role or noun) or of a place
     * ("the United States") among the words it can pass, at most eight from mods: where
     * none of those may start either (TOK_HEAD, TOK_PLACE as place_at asks it), it has
     * nothing to find */
    bool may_find = facts_any8(s->facts, mods, TOK_HEAD | TOK_PLACE);
    while (may_find && j < end && j < i + 9) {
        const qd_token *u = &tok[j];
        if (u->kind == QD_TK_QUOTE || u->quoted != tok[i].quoted)
            break;
        int32_t role, noun;
        uint32_t pl_len0;
        const qd_place *pl0 = place_at(s, j, end, &pl_len0);
        if (pl0 && pl_len0 >= 2 && pl0->kind != QD_PL_ADJECTIVE && pl0->kind != QD_PL_CITY &&
            (j + pl_len0 >= end || !is_cap(&tok[j + pl_len0]))) {
            /* "the United States": a country, not a plural noun */
            int32_t r2, n2;
            if (head_at(s, j + pl_len0, end, &r2, &n2) == 0) {
                qd_mx *x = push_mention(s, i, j + pl_len0, QD_MENTION_NAME, QD_ENT_GOV);
                if (!x)
                    return QD_ENOMEM;
                x->country = pl0->code;
                x->definite = true;
                x->gender = 'n';
                x->possessive = tok_poss(s, j + pl_len0 - 1);
                *next = j + pl_len0;
                return 0;
            }
        }
        uint32_t hl = head_at(s, j, end, &role, &noun);
        if (hl) {
            /* a speech verb right after a head is the verb: "the ministry reports" */
            head_a = j;
            head_b = j + hl;
            head_role = role;
            head_noun = noun;
            j += hl;
            if (tok_poss(s, j - 1))
                break;
            if (j < end && tok[j].lex && tok[j].lex->verb >= 0)
                break;
            continue;
        }
        /* (the place at j, found above) */
        if (pl0 && (pl0->kind == QD_PL_ADJECTIVE || pl0->kind == QD_PL_COUNTRY)) {
            country = pl0->code;
            j += pl_len0;
            continue;
        }
        if (u->kind == QD_TK_NUM) {
            j++;
            continue;
        }
        if (u->kind != QD_TK_WORD)
            break;
        uint32_t tg = qd_tok_tags(u);
        if (tg & (QD_W_FUNCTION | QD_W_TIME))
            break;
        if (is_finite_verb(u) || (u->lex && u->lex->verb >= 0 && u->lex->vform == QD_VF_ING))
            break;
        if (is_cap(u) && last_caps_a == UINT32_MAX)
            last_caps_a = j;
        j++;
        if (tok_poss(s, j - 1))
            break;
    }
    if (head_b == 0) {
        /* "the Post", "the Kremlin": a determiner before a capitalised name */
        if (!owned && i + 1 < end && is_cap(&tok[i + 1]) && t->lex && (t->lex->tags & QD_W_DET)) {
            uint32_t before = s->c->an->n_mentions;
            int rc = scan_caps(s, i + 1, end, next, true);
            if (rc)
                return rc;
            (void)before;
        }
        return 0;
    }
    /* the head must end the phrase (modifiers come before it) */
    qd_mention_kind mk = head_role >= 0 ? QD_MENTION_ROLE : QD_MENTION_NOMINAL;
    qd_entity_kind ek = head_role >= 0 ? QD_ENT_PERSON : kind_of_noun(head_noun);
    if (ek == QD_ENT_UNKNOWN && head_noun == QD_NC_VENUE) {
        *next = head_b;
        return 0;
    }
    qd_mx *x = push_mention(s, i, head_b, mk, ek);
    if (!x)
        return QD_ENOMEM;
    int32_t m = last_index(s);
    x->ha = head_a;
    x->hb = head_b;
    x->role = head_role;
    x->country = country;
    x->definite = owned || (t->lex && (t->lex->tags & (QD_W_DET | QD_W_POSS)) &&
                            (!qd_norm_is(t, "a") && !qd_norm_is(t, "an")));
    x->plural = plural_word(&tok[head_b - 1]) && head_role < 0;
    if (head_role >= 0) {
        x->generic = s->c->lx->role_list[head_role].generic;
    }
    x->gender = x->plural ? 'p' : (ek == QD_ENT_PERSON ? 0 : 'n');
    x->possessive = tok_poss(s, head_b - 1);
    if (last_caps_a != UINT32_MAX && last_caps_a < head_a) {
        /* capitalised modifier: an organisation ("the State Department spokesman") */
        char *o = qd_arena_strndup(&s->c->doc->in->arena, s->c->doc->text + tok[last_caps_a].start,
                                   tok[head_a - 1].end - tok[last_caps_a].start);
        if (o)
            for (char *q = o; *q; q++)
                if (*q >= 'A' && *q <= 'Z')
                    *q = (char)(*q - 'A' + 'a');
        x->org = o;
    }
    /* an organisation named by what owns it ("Clinton's campaign") or by the same noun
     * before ("the Clinton campaign ... the campaign"); a generic noun alone ("the
     * campaign", "the party") is no organisation's name */
    if (ek == QD_ENT_ORG && head_role < 0 && !x->org) {
        if (owner_m >= 0 && s->c->mx[owner_m].last)
            x->org = s->c->mx[owner_m].last;
        else if (!country && !(tok[head_a].flags & QD_TF_CAP))
            x->org = org_antecedent(s, head_a, head_b, m);
    }
    /* a possessive determiner or name before: "his statement", "Blinken's assistant" */
    x->owner = owner_m;
    *next = head_b;
    uint32_t after;
    int rc = complement(s, m, head_b, end, &after);
    if (rc)
        return rc;
    if (after > head_b) {
        qd_mention *pm = &s->c->an->mentions[m];
        pm->span.end = tok[after - 1].end;
        s->c->mx[m].tb = after;
        *next = after;
        qd_mx *hx = &s->c->mx[m];
        int32_t ow = hx->owner;
        /* "head of the Russian Foreign Ministry" is "head of the foreign ministry", a
         * role the lexicon knows, of Russia */
        if (hx->role >= 0 && ow >= 0 && s->c->mx[ow].kind == QD_ENT_ORG) {
            qd_mx *ox = &s->c->mx[ow];
            char key[256];
            size_t kl = 0;
            const char *rp = s->c->lx->role_list[hx->role].phrase;
            kl = (size_t)snprintf(key, sizeof(key), "%s of the", rp);
            for (uint32_t q = ox->ta; q < ox->tb && kl + 40 < sizeof(key); q++) {
                uint32_t pl_len;
                if (tok[q].lex && (tok[q].lex->tags & (QD_W_DET | QD_W_POSS)))
                    continue;
                if (place_at(s, q, ox->tb, &pl_len))
                    continue;
                kl += (size_t)snprintf(key + kl, sizeof(key) - kl, " %.*s", (int)tok[q].normlen, tok[q].norm);
            }
            uint32_t rv;
            if (kl < sizeof(key) && qd_lex_phrase(&s->c->lx->roles, key, kl, &rv)) {
                hx->role = (int32_t)rv;
                if (ox->country)
                    hx->country = ox->country;
                hx->generic = false;
            }
        }
    }
    /* "a source", "officials", "the campaign": nothing more to do; name follows? */
    if (mk == QD_MENTION_ROLE && *next < end && is_cap(&tok[*next]) && !tok_poss(s, head_b - 1)) {
        /* "the foreign minister Sergei Lavrov": the name continues the mention */
        uint32_t before = s->c->an->n_mentions;
        uint32_t nn;
        rc = scan_caps(s, *next, end, &nn, false);
        if (rc)
            return rc;
        if (s->c->an->n_mentions > before && s->c->mx[before].kind == QD_ENT_PERSON &&
            s->c->an->mentions[before].kind == QD_MENTION_NAME) {
            /* merge: the role mention takes the name */
            qd_mx *nx = &s->c->mx[before];
            qd_mx *rx = &s->c->mx[m];
            rx->first = nx->first;
            rx->last = nx->last;
            if (!rx->gender)
                rx->gender = nx->gender;
            rx->ha = nx->ha;
            rx->hb = nx->hb;
            rx->tb = nx->tb;
            s->c->an->mentions[m].kind = QD_MENTION_NAME;
            s->c->an->mentions[m].span.end = s->c->an->mentions[before].span.end;
            s->c->an->n_mentions = before;
            s->n_mx = before;
        }
        *next = nn;
    }
    return 0;
}

/* Title words written without a determiner before a name: "CNN correspondent Kylie
 * Atwood", "American journalist Tucker Carlson", "State Department spokesman Ned Price".
 * Makes one name mention and returns true. */
static bool role_name_at(mscan *s, uint32_t i, uint32_t b, uint32_t *next)
{
    qd_token *tok = s->tok;
    uint32_t j = i;
    /* the role is at one of the first four tokens */
    if (!facts_any4(s->facts, i, QD_START_ROLE))
        return false;
    /* up to four capitalised modifiers (nationality, organisation, outlet) */
    while (j < b && j < i + 4 && is_cap(&tok[j]) && !tok_poss(s, j)) {
        int32_t r, n;
        if (head_at(s, j, b, &r, &n) && r >= 0)
            break;
        j++;
    }
    if (j >= b || j == i + 4)
        return false;
    int32_t role, noun;
    uint32_t hl = head_at(s, j, b, &role, &noun);
    if (!hl || role < 0 || j + hl >= b)
        return false;
    /* the role word itself in lower case ("correspondent") or the run ends in it */
    uint32_t k = j + hl;
    if (is_cap(&tok[j]) && j == i)
        return false; /* a capitalised title starting the run is scan_caps' job */
    if (!is_cap(&tok[k]) || (tok[k].lex && (tok[k].lex->tags & QD_W_FUNCTION)))
        return false;
    uint32_t before = s->c->an->n_mentions;
    uint32_t nn;
    if (scan_caps(s, k, b, &nn, false) != 0 || s->c->an->n_mentions != before + 1)
        return s->c->an->n_mentions > before ? (*next = nn, true) : false;
    qd_mx *x = &s->c->mx[before];
    if (x->kind != QD_ENT_PERSON || s->c->an->mentions[before].kind != QD_MENTION_NAME) {
        *next = nn;
        return true;
    }
    /* widen the name mention over the title */
    qd_mx tmp;
    memset(&tmp, 0, sizeof(tmp));
    tmp.role = -1;
    split_title(s, i, k, &tmp);
    x->role = role;
    if (tmp.country)
        x->country = tmp.country;
    if (tmp.org)
        x->org = tmp.org;
    x->ta = i;
    s->c->an->mentions[before].span.start = tok[i].start;
    *next = nn;
    return true;
}

/* Does the document's outlet name ("News i", "Caliber.Az") start at token i?  Returns
 * its length in tokens. */
static uint32_t doc_source_at(mscan *s, uint32_t i, uint32_t b)
{
    const char *key = s->outlet_key;
    size_t kl = s->outlet_kl;
    if (!kl || !(s->tok[i].flags & QD_TF_CAP))
        return 0;
    size_t o = 0;
    uint32_t k = i;
    while (k < b && o < kl) {
        const qd_token *t = &s->tok[k];
        uint32_t tl = tok_base_len(s, k);
        if (o + tl > kl || memcmp(key + o, t->norm, tl) != 0)
            return 0;
        o += tl;
        k++;
        if (o < kl && key[o] == ' ') {
            o++;
            if (k < b && s->tok[k].start == s->tok[k - 1].end)
                return 0; /* the name has a space the text does not */
        }
    }
    return o == kl ? k - i : 0;
}

/* Can token t (a word or number, whose QD_START_* bits are `starts`) lead anything in
 * scan_sentence, as the token it stands at: a cue, a pronoun, a role, a noun phrase, a
 * capitalised run, the document's outlet?  The tests of its branches, in one place.
 * (The bare nouns after it, "senior officials", the scan tells by the TOK_HEAD of the
 * next two tokens.) */
static bool token_leads(const qd_token *t, uint32_t starts)
{
    if (t->kind == QD_TK_NUM || (t->flags & QD_TF_CAP) || (starts & (QD_START_CUE | TOK_HEAD)))
        return true;
    if (qd_tok_tags(t) & (QD_W_PRON | QD_W_OBJ | QD_W_DET | QD_W_POSS | QD_W_NUM | QD_W_HONORIFIC))
        return true;
    return t->normlen <= 5 && (qd_norm_is(t, "i") || qd_norm_is(t, "we") || qd_norm_is(t, "that") ||
                               qd_norm_is(t, "who") || qd_norm_is(t, "which"));
}

/* A token's word without a possessive ending ("lavrov" of "lavrov's"): its length,
 * hash and lexicon entry (what qd_tok_base_len, base_hash and base_lex say). */
typedef struct base_word {
    uint32_t len, hash;
    const qd_lexword *lex;
} base_word;

/* A lower-case word token and the hash of its word without a possessive ending. */
typedef struct lower_word {
    uint32_t tok, hash;
} lower_word;

/* The facts byte of a token (see mscan.facts), and its base word.  A match starts only
 * with a word that is an entry of the table (qd_lex_starts), or with a possessive whose
 * word without "'s" is one; a dash may continue a phrase, so at one anything is
 * possible. */
static uint8_t token_facts(const qd_lexicon *lx, const qd_token *t, base_word *base)
{
    base->len = t->normlen;
    base->hash = t->hash;
    base->lex = t->lex;
    if (t->kind == QD_TK_PUNCT && t->norm[0] == '-')
        return (uint8_t)(QD_START_CUE | QD_START_ROLE | QD_START_NOUN | QD_START_PERSON | QD_START_PLACE |
                          QD_START_OUTLET | TOK_LEADS);
    if (t->kind != QD_TK_WORD && t->kind != QD_TK_NUM)
        return 0;
    uint32_t f = qd_lex_starts(lx, t->lex, t->norm, t->normlen, t->hash);
    if (qd_tok_possessive(t)) {
        base->len = t->normlen - 2;
        base->hash = qd_hash_bytes(t->norm, base->len);
        base->lex = qd_lex_word_hashed(lx, t->norm, base->len, base->hash);
        f |= qd_lex_starts(lx, base->lex, t->norm, base->len, base->hash);
    }
    if ((t->flags & QD_TF_CAP) && ((f & QD_START_PLACE) || (base->lex && base->lex->variant >= 0)))
        f |= TOK_PLACE;
    if (token_leads(t, f))
        f |= TOK_LEADS;
    return (uint8_t)f;
}

static int scan_sentence(mscan *s, uint32_t a, uint32_t b)
{
    qd_actx *c = s->c;
    qd_token *tok = s->tok;
    const qd_lexicon *lx = c->lx;
    uint32_t i = a;
    for (;;) {
        /* most tokens lead nothing and are followed by no role or noun: step over them */
        i = next_stop(s->facts, i, b);
        if (i >= b)
            break;
        const qd_token *t = &tok[i];
        if (t->kind != QD_TK_WORD && t->kind != QD_TK_NUM) {
            i++;
            continue;
        }
        uint32_t v;
        /* cue phrases ("according to") are not mentions */
        uint32_t cl = match_at(s, &lx->cues, QD_START_CUE, i, b, false, &v);
        if (cl > 1) {
            i += cl;
            continue;
        }
        uint32_t tg = qd_tok_tags(t);
        uint32_t next = i + 1;
        uint32_t before = c->an->n_mentions;
        int rc = 0;
        /* the document's own outlet or credited agency, however unusual its name ("News
         * i"): a media mention */
        uint32_t ol = doc_source_at(s, i, b);
        if (ol) {
            qd_mx *x = push_mention(s, i, i + ol, QD_MENTION_NAME, QD_ENT_MEDIA);
            if (!x)
                return QD_ENOMEM;
            x->org = c->doc->meta.outlet;
            const qd_outlet *o = NULL;
            uint32_t ov;
            if (match_at(s, &c->lx->outlets, QD_START_OUTLET, i, b, true, &ov) == ol)
                o = &c->lx->outlet_list[ov];
            if (o)
                x->org = o->name;
            x->definite = true;
            x->gender = 'n';
            x->possessive = tok_poss(s, i + ol - 1);
            next = i + ol;
        } else
        /* "that" before a capital is the conjunction: "stated that Russian President ..." */
        if (qd_tok_word(t, "that") && i + 1 < b && is_cap(&tok[i + 1])) {
            i++;
            continue;
        }
        bool first_person = (qd_tok_word(t, "i") || qd_tok_word(t, "we")) &&
                            t->quoted < 0;
        if (first_person) {
            /* the writer speaking ("I said", "we asked"): outside quotes only */
            qd_mx *x = push_mention(s, i, i + 1, QD_MENTION_PRONOUN, QD_ENT_PERSON);
            if (!x)
                return QD_ENOMEM;
            x->gender = t->norm[0] == 'w' ? 'p' : 'i';
        } else if (t->kind == QD_TK_WORD && ((tg & QD_W_PRON) || object_of_preposition(tok, a, i)) &&
                   (t->lex->gender == 'm' || t->lex->gender == 'f' ||
                                                          t->lex->gender == 'p' || t->lex->gender == 'n') &&
            !qd_norm_is(t, "we")) {
            qd_entity_kind ek = t->lex->gender == 'm' || t->lex->gender == 'f' ? QD_ENT_PERSON : QD_ENT_UNKNOWN;
            qd_mx *x = push_mention(s, i, i + 1, QD_MENTION_PRONOUN, ek);
            if (!x)
                return QD_ENOMEM;
            x->gender = t->lex->gender;
            x->plural = t->lex->gender == 'p';
        } else if ((qd_tok_word(t, "who") || qd_tok_word(t, "which")) && i >= a + 2 &&
                   qd_tok_is(&tok[i - 1], ',')) {
            qd_mx *x = push_mention(s, i, i + 1, QD_MENTION_PRONOUN, QD_ENT_UNKNOWN);
            if (!x)
                return QD_ENOMEM;
            x->relative = true;
            /* antecedent: the mention ending before the comma */
            x->appos = c->m_end[i - 2];
        } else if (role_name_at(s, i, b, &next)) {
            rc = 0; /* "CNN correspondent Kylie Atwood", "American journalist Tucker Carlson" */
        } else if ((tg & (QD_W_DET | QD_W_POSS)) || t->kind == QD_TK_NUM || (tg & QD_W_NUM)) {
            rc = scan_np(s, i, i + 1, false, b, &next);
        } else if (is_cap(t) || (t->lex && (t->lex->tags & QD_W_HONORIFIC))) {
            rc = scan_caps(s, i, b, &next, false);
            /* a possessive name works as a determiner: "Blinken's assistant" */
            if (!rc && c->an->n_mentions > before && c->mx[c->an->n_mentions - 1].possessive && next < b) {
                uint32_t after;
                uint32_t pm = c->an->n_mentions - 1;
                /* (past the apostrophe of "Sanders’ campaign") */
                uint32_t from = glued_apostrophe(tok, next, b) ? next + 1 : next;
                rc = scan_np(s, c->mx[pm].ta, from, true, b, &after);
                if (!rc && after > next)
                    next = after;
            }
            /* a capitalised run followed by a group noun: "Central Asian countries" */
            if (!rc && c->an->n_mentions == before && next < b) {
                int32_t role, noun;
                uint32_t hl = head_at(s, next, b, &role, &noun);
                if (hl && noun >= 0 && (noun == QD_NC_GROUP || noun == QD_NC_ANON)) {
                    qd_mx *x = push_mention(s, i, next + hl, QD_MENTION_NOMINAL, kind_of_noun(noun));
                    if (!x)
                        return QD_ENOMEM;
                    x->ha = next;
                    x->hb = next + hl;
                    x->plural = true;
                    x->gender = 'p';
                    next += hl;
                }
            }
        } else {
            /* bare nouns: "sources said", "officials", "senior officials", "aides" */
            uint32_t j = i;
            while (j < b && j < i + 3 && tok[j].kind == QD_TK_WORD && !(qd_tok_tags(&tok[j]) & QD_W_FUNCTION) &&
                   !(tok[j].lex && tok[j].lex->verb >= 0)) {
                int32_t role, noun;
                uint32_t hl = head_at(s, j, b, &role, &noun);
                if (hl && ((noun >= 0 && noun != QD_NC_VENUE && noun != QD_NC_DOCUMENT &&
                            plural_word(&tok[j + hl - 1])) ||
                           (role >= 0 && plural_word(&tok[j + hl - 1])))) {
                    qd_entity_kind ek = noun >= 0 ? kind_of_noun(noun) : QD_ENT_GROUP;
                    qd_mx *x = push_mention(s, i, j + hl, noun >= 0 ? QD_MENTION_NOMINAL : QD_MENTION_ROLE, ek);
                    if (!x)
                        return QD_ENOMEM;
                    x->ha = j;
                    x->hb = j + hl;
                    x->plural = true;
                    x->gender = 'p';
                    x->role = role;
                    next = j + hl;
                    int32_t m = last_index(s);
                    uint32_t after;
                    if ((rc = complement(s, m, next, b, &after)) != 0)
                        return rc;
                    if (after > next) {
                        c->an->mentions[m].span.end = tok[after - 1].end;
                        c->mx[m].tb = after;
                        next = after;
                    }
                    break;
                }
                j++;
            }
            rc = 0;
        }
        if (rc)
            return rc;
        /* index the new mentions by token */
        for (uint32_t m = before; m < c->an->n_mentions; m++) {
            qd_mx *x = &c->mx[m];
            /* the longest mention starting at a token: "his friend Mahamat Saleh Oumar"
             * rather than "his" */
            if (c->m_start[x->ta] < 0 || c->mx[c->m_start[x->ta]].tb < x->tb)
                c->m_start[x->ta] = (int32_t)m;
            if (c->m_end[x->tb - 1] < 0 || m == before)
                c->m_end[x->tb - 1] = (int32_t)m;
            for (uint32_t k = x->ta; k < x->tb; k++)
                if (c->m_in[k] < 0)
                    c->m_in[k] = (int32_t)m;
        }
        /* apposition: "X, the foreign minister," and "the special envoy, Keith Kellogg," */
        if (c->an->n_mentions > before) {
            int32_t m = (int32_t)before;
            qd_mx *x = &c->mx[m];
            if (x->ta >= a + 2 && qd_tok_is(&tok[x->ta - 1], ',')) {
                int32_t prev = c->m_end[x->ta - 2];
                if (prev >= 0 && prev != m) {
                    qd_mx *p = &c->mx[prev];
                    bool role_after_name = c->an->mentions[m].kind == QD_MENTION_ROLE &&
                                           c->an->mentions[prev].kind == QD_MENTION_NAME && p->kind == QD_ENT_PERSON;
                    bool name_after_role = c->an->mentions[m].kind == QD_MENTION_NAME && x->kind == QD_ENT_PERSON &&
                                           c->an->mentions[prev].kind == QD_MENTION_ROLE;
                    /* the appositive is closed by a comma (or ends the sentence) */
                    bool closed = x->tb >= b || qd_tok_is(&tok[x->tb], ',') || (x->tb < b && tok[x->tb].lex && tok[x->tb].lex->verb >= 0);
                    if ((role_after_name || name_after_role) && closed) {
                        x->appos = prev;
                        p->appos = m;
                    }
                }
            }
        }
        i = next > i ? next : i + 1;
    }
    return 0;
}

int qd_mentions_find(qd_actx *c)
{
    qd_doc *doc = c->doc;
    qd_doc_internal *in = doc->in;
    qd_arena *A = &in->arena;
    const qd_lexicon *lx = c->lx;
    uint32_t n = in->n_tokens;
    c->m_start = qd_arena_alloc(A, (n + 1) * sizeof(int32_t));
    c->m_end = qd_arena_alloc(A, (n + 1) * sizeof(int32_t));
    c->m_in = qd_arena_alloc(A, (n + 1) * sizeof(int32_t));
    if (!c->m_start || !c->m_end || !c->m_in)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
    for (uint32_t i = 0; i <= n; i++)
        c->m_start[i] = c->m_end[i] = c->m_in[i] = -1;
    /* room for the mentions a document usually has (about one for every ten tokens), so
     * that the two vectors are seldom grown and copied */
    uint32_t room = c->an->n_mentions + n / 8 + 8;
    if (room > c->cap_mentions) {
        qd_mention *p = qd_arena_grow_array(A, c->an->mentions, &c->cap_mentions, room, sizeof(qd_mention));
        if (!p)
            return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
        c->an->mentions = p;
    }
    if (room > c->cap_mx) {
        qd_mx *p = qd_arena_grow_array(A, c->mx, &c->cap_mx, room, sizeof(qd_mx));
        if (!p)
            return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
        c->mx = p;
    }
    mscan s = {.c = c, .tok = in->tokens, .n = n};
    qd_strmap_init(&s.caps, A);
    s.title = qd_arena_calloc(A, doc->n_sentences + 1, sizeof(bool));
    s.head = qd_arena_calloc(A, n + 1, sizeof(head_memo));
    s.facts = qd_arena_alloc(A, n + FACTS_PAD);
    s.poss = qd_arena_calloc(A, n + 1, 1);
    s.capword = qd_arena_alloc(A, (n + 1) * sizeof(uint32_t));
    /* the lower-case words that may be a capitalised word's other spelling, noted in the
     * pass over the tokens and looked for once every capitalised word is known (rather
     * than read again from the tokens in a second walk over all of them) */
    lower_word *lower = qd_arena_alloc(A, (n + 1) * sizeof(lower_word));
    uint32_t n_lower = 0;
    /* (a document has at most as many capitalised words as tokens) */
    s.capfacts = qd_arena_calloc(A, n + 1, 1);
    s.cap_first = qd_arena_alloc(A, (n + 1) * sizeof(uint32_t));
    s.cap_next = qd_arena_alloc(A, (n + 1) * sizeof(uint32_t));
    uint32_t *cap_last = qd_arena_alloc(A, (n + 1) * sizeof(uint32_t)); /* (chains' ends) */
    uint32_t *title_words = qd_arena_calloc(A, doc->n_sentences + 1, sizeof(uint32_t));
    uint32_t *title_caps = qd_arena_calloc(A, doc->n_sentences + 1, sizeof(uint32_t));
    /* (a document has about one capitalised word for every twelve tokens: room for them,
     * so the table is seldom rebuilt as it fills) */
    if (!s.title || !s.head || !s.facts || !s.poss || !s.capword || !s.capfacts || !s.cap_first || !s.cap_next || !cap_last || !title_words || !title_caps || !lower ||
        qd_strmap_reserve(&s.caps, n / 16) != 0)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
    /* number the capitalised words, keyed by the tokens' own norms (in this arena) and
     * their hashes, so nothing is copied or rehashed but for possessives */
    uint32_t n_caps = 0;
    /* a one-hash Bloom filter of the capitalised words, so that the lower-case words,
     * nearly all of which are never capitalised, are looked up only when its bit says
     * they may be (a few hundred words in 4,096 bits) */
    uint64_t capbloom[(1u << CAP_FILTER_LOG2) / 64];
    memset(capbloom, 0, sizeof(capbloom));
    /* (local copies for the loop: its byte stores may alias anything, and the compiler
     * would load the fields of s and doc again after each) */
    const qd_token *tok = in->tokens;
    uint8_t *facts = s.facts, *poss = s.poss;
    const uint32_t n_sentences = doc->n_sentences;
    for (uint32_t i = 0; i < n; i++) {
        const qd_token *t = &tok[i];
        base_word base;
        facts[i] = token_facts(lx, t, &base);
        if (title_word(t, base.len, base.lex) && t->sentence < n_sentences) {
            title_words[t->sentence]++;
            title_caps[t->sentence] += (t->flags & QD_TF_CAP) != 0;
        }
        if (t->kind != QD_TK_WORD)
            continue;
        bool possessive = base.len != t->normlen;
        if (possessive)
            poss[i] = 1;
        if (!(t->flags & QD_TF_CAP)) {
            /* function words are left to be looked up if ever asked (CW_LOWER_UNSURE;
             * a possessive's entry says nothing of its word without "'s": looked up) */
            if (!(t->lex && (t->lex->tags & QD_W_FUNCTION) && !possessive))
                lower[n_lower++] = (lower_word){i, base.hash};
            continue;
        }
        uint32_t id;
        qd_bloom_set(capbloom, CAP_FILTER_LOG2, base.hash);
        if (!qd_strmap_get_hashed(&s.caps, t->norm, base.len, base.hash, &id)) {
            id = n_caps++;
            if (qd_strmap_put_borrowed(&s.caps, t->norm, base.len, base.hash, id) != 0)
                return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
            if (base.lex && (base.lex->tags & QD_W_FUNCTION))
                s.capfacts[id] = CW_LOWER_UNSURE;
            s.cap_first[id] = i;
        } else {
            s.cap_next[cap_last[id]] = i;
        }
        cap_last[id] = i;
        s.cap_next[i] = NO_WORD;
        s.capword[i] = id;
    }
    memset(s.facts + n, 0, FACTS_PAD);
    for (uint32_t k = 0; n_caps && k < n_lower; k++) {
        uint32_t i = lower[k].tok, h = lower[k].hash, id;
        if (qd_bloom_test(capbloom, CAP_FILTER_LOG2, h) &&
            qd_strmap_get_hashed(&s.caps, s.tok[i].norm, tok_base_len(&s, i), h, &id))
            s.capfacts[id] |= CW_LOWER;
    }
    mark_title_sentences(&s, title_words, title_caps);
    const char *outlet = doc->meta.outlet;
    if (outlet && strlen(outlet) < sizeof(s.outlet_key) / 4)
        s.outlet_kl = qd_lex_key(outlet, strlen(outlet), s.outlet_key);
    for (uint32_t si = 0; si < doc->n_sentences; si++) {
        const qd_sentence *se = &doc->sentences[si];
        int rc = scan_sentence(&s, se->first_token, se->first_token + se->n_tokens);
        if (rc)
            return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
    }
    return 0;
}

static bool nounish(const qd_token *t)
{
    if (t->kind == QD_TK_NUM)
        return true;
    if (t->kind != QD_TK_WORD)
        return false;
    if (t->lex && (t->lex->tags & (QD_W_FUNCTION | QD_W_ADV | QD_W_TIME)) && !(t->lex->tags & QD_W_NUM))
        return false;
    if (t->lex && t->lex->verb >= 0 && t->lex->vform != QD_VF_BASE)
        return false;
    return true;
}

static int32_t make_np_mention(qd_actx *c, uint32_t a, uint32_t k);

int32_t qd_mention_np_span(qd_actx *c, uint32_t a, uint32_t b)
{
    if (b <= a)
        return -1;
    if (c->m_start[a] >= 0 && c->mx[c->m_start[a]].tb == b)
        return c->m_start[a];
    /* a known mention inside it names the source better: "The Associated Press" */
    for (uint32_t k = a; k < b; k++) {
        int32_t m = c->m_start[k];
        if (m >= 0 && c->mx[m].tb == b && c->mx[m].kind != QD_ENT_UNKNOWN && k > a &&
            qd_tok_word(&c->doc->in->tokens[k - 1], "by"))
            return make_np_mention(c, a, b - 1);
    }
    return make_np_mention(c, a, b - 1);
}

int32_t qd_mention_np_ending_at(qd_actx *c, uint32_t k, uint32_t lo)
{
    qd_token *tok = c->doc->in->tokens;
    if (c->m_end[k] >= 0)
        return c->m_end[k];
    if (!nounish(&tok[k]) || tok[k].quoted >= 0)
        return -1;
    /* a bare number is not a speaker; "the 46-year-old" is */
    if (tok[k].kind == QD_TK_NUM && !strchr(tok[k].norm, '-'))
        return -1;
    uint32_t a = k;
    while (a > lo && a + 8 > k) {
        const qd_token *p = &tok[a - 1];
        if (nounish(p) || qd_tok_possessive(p) || (p->kind == QD_TK_SYMBOL && p->norm[0] == '%') ||
            (p->lex && (p->lex->tags & (QD_W_DET | QD_W_POSS | QD_W_NUM)))) {
            a--;
            if (p->lex && (p->lex->tags & (QD_W_DET | QD_W_POSS)))
                break;
            continue;
        }
        /* "85% of Democrats", "a majority of voters" */
        if (qd_tok_word(p, "of") && a - 1 > lo && (nounish(&tok[a - 2]) ||
            (tok[a - 2].kind == QD_TK_SYMBOL && tok[a - 2].norm[0] == '%'))) {
            a--;
            continue;
        }
        break;
    }
    if (a > lo) {
        const qd_token *p = &tok[a - 1];
        /* the object of a preposition or a verb is not a subject */
        if (p->kind == QD_TK_WORD && p->lex && (p->lex->tags & QD_W_PREP))
            return -1;
        if (p->kind == QD_TK_WORD && !(p->lex && (p->lex->tags & (QD_W_CONJ | QD_W_SUB | QD_W_REL | QD_W_WH))) &&
            !(p->flags & QD_TF_CAP))
            return -1;
    }
    /* a lone capitalised word at a sentence start is no evidence of a speaker */
    if (a == k && (tok[k].flags & QD_TF_CAP) && (tok[k].flags & QD_TF_SENT_START) && !plural_word(&tok[k]))
        return -1;
    return make_np_mention(c, a, k);
}

/* Tokens [a, k] as a new nominal mention with an entity of its own. */
static int32_t make_np_mention(qd_actx *c, uint32_t a, uint32_t k)
{
    qd_token *tok = c->doc->in->tokens;
    qd_arena *A = &c->doc->in->arena;
    qd_mention *m = QD_VEC_PUSH(A, c->an->mentions, c->an->n_mentions, c->cap_mentions);
    uint32_t nmx = c->an->n_mentions - 1;
    qd_mx *x = m ? QD_VEC_PUSH(A, c->mx, nmx, c->cap_mx) : NULL;
    if (!m || !x)
        return -1;
    int32_t mi = (int32_t)c->an->n_mentions - 1;
    m->span = qd_span_make(tok[a].start, tok[k].end);
    m->kind = QD_MENTION_NOMINAL;
    m->sentence = tok[k].sentence;
    x->ta = a;
    x->tb = k + 1;
    x->ha = k;
    x->hb = k + 1;
    x->role = -1;
    x->owner = -1;
    x->appos = -1;
    x->plural = plural_word(&tok[k]);
    x->kind = x->plural ? QD_ENT_GROUP : QD_ENT_UNKNOWN;
    x->gender = x->plural ? 'p' : 'n';
    x->definite = tok[a].lex && (tok[a].lex->tags & QD_W_DET);
    int32_t e = qd_entity_new(c, mi);
    if (e < 0)
        return -1;
    m->entity = e;
    qd_entity *en = &c->an->entities[e];
    en->n_mentions = 1;
    const char *txt = c->doc->text + tok[a].start;
    size_t n = tok[k].end - tok[a].start;
    char *nm = qd_arena_strndup(A, txt, n);
    if (nm)
        for (char *q = nm; *q; q++)
            if (*q == '\n' || *q == '\r' || *q == '\t')
                *q = ' ';
    en->name = nm;
    char *key = qd_arena_alloc(A, 4 * n + 1);
    if (key)
        qd_lex_key(txt, n, key);
    en->key = key;
    c->m_end[k] = mi;
    if (c->m_start[a] < 0)
        c->m_start[a] = mi;
    for (uint32_t q = a; q <= k; q++)
        if (c->m_in[q] < 0)
            c->m_in[q] = mi;
    return mi;
}
