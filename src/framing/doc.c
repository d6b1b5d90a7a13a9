/*
 * doc.c - what framing keeps of one document, while it is still at hand: the terms it
 * scare-quotes, the labels of labels.tsv it uses (in its own voice, in scare quotes or in
 * somebody's quoted words), its own words outside quotation marks (to find scare-quoted
 * terms written plainly elsewhere), its credit line, and per statement the sides of the
 * speaker and what the statement came through (outlets, agencies, venues).
 *
 * Strings only, in the summary's arena: a frame summary is made on any thread with the
 * lexicon shared read-only, written as part of a summary's JSON line, read back, and
 * only then turned into corpus form (qd_frame_add_summary in framing.c).
 */
#include "framing.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../doc_internal.h"
#include "../text/utf8.h"

/* ---- names, sides, outlets, venues ---------------------------------------------- */

/* Lower-cased, quote-folded key of s (at most cap-1 bytes); returns its length. */
size_t qd_frame_norm_key(const char *s, size_t n, char *out, size_t cap)
{
    if (n * 4 + 1 > cap)
        n = (cap - 1) / 4;
    return qd_utf8_normalize(s, n, out, cap);
}
/* A country side (party == false) or a party side listed under key. */
static const char *side_lookup(const qd_lexicon *lx, const char *key, size_t n, bool party)
{
    uint32_t v;
    if (!n || !qd_strmap_get(&lx->sides, key, n, &v) || v == QD_SIDE_AMBIGUOUS)
        return NULL;
    if (((v & QD_SIDE_PARTY) != 0) != party)
        return NULL;
    return lx->side_names[v & ~QD_SIDE_PARTY];
}
static const char *side_of_key(const qd_lexicon *lx, const char *key, size_t n)
{
    return side_lookup(lx, key, n, false);
}
static const char *side_of_code(const qd_lexicon *lx, const char *code)
{
    char buf[32];
    size_t n = 0;
    buf[n++] = '#';
    for (const char *p = code; *p && n + 1 < sizeof(buf); p++)
        buf[n++] = (*p >= 'A' && *p <= 'Z') ? (char)(*p - 'A' + 'a') : *p;
    buf[n] = '\0';
    return side_of_key(lx, buf, n);
}
/* Word starts in a normalised key, at most `cap`. */
static uint32_t word_starts(const char *k, size_t n, uint32_t *st, uint32_t *en, uint32_t cap)
{
    uint32_t m = 0;
    for (size_t i = 0; i < n && m < cap;) {
        while (i < n && k[i] == ' ')
            i++;
        if (i == n)
            break;
        size_t j = i;
        while (j < n && k[j] != ' ')
            j++;
        st[m] = (uint32_t)i;
        en[m] = (uint32_t)j;
        m++;
        i = j;
    }
    return m;
}
/* Drop a possessive "'s" (quotes are folded to ' by the key). */
static size_t strip_possessive(const char *k, size_t n)
{
    if (n > 2 && k[n - 2] == '\'' && k[n - 1] == 's')
        return n - 2;
    return n;
}
int qd_frame_surnames_init(qd_frame_surnames *sn, const qd_lexicon *lx, qd_arena *ar)
{
    qd_strmap_init(&sn->map, ar);
    if (qd_strmap_reserve(&sn->map, lx->n_people) != 0)
        return -1;
    for (uint32_t p = 0; p < lx->n_people; p++) {
        const char *name = lx->person_list[p].name;
        const char *last = strrchr(name, ' ');
        last = last ? last + 1 : name;
        char lk[128];
        size_t ll = qd_frame_norm_key(last, strlen(last), lk, sizeof(lk));
        if (ll == 0)
            continue; /* a name ending in a space has no surname to be found by */
        uint32_t *have = qd_strmap_ref(&sn->map, lk, ll);
        if (have)
            *have = QD_FRAME_SURNAME_AMBIGUOUS;
        else if (qd_strmap_put(&sn->map, lk, ll, p) != 0)
            return -1;
    }
    return 0;
}

const char *qd_frame_entity_side(const qd_lexicon *lx, const qd_frame_surnames *sn, const qd_entity *e)
{
    if (!e || !e->name)
        return NULL;
    char key[512];
    size_t n = qd_frame_norm_key(e->name, strlen(e->name), key, sizeof(key));
    /* 1. the name itself: "the Kremlin", "State Department" */
    const char *s = side_of_key(lx, key, n);
    if (s)
        return s;
    uint32_t st[16], en[16];
    uint32_t nw = word_starts(key, n, st, en, 16);
    /* 2. a known person: by full name, else by surname ("Lavrov") when only one fits */
    if (e->kind == QD_ENT_PERSON) {
        uint32_t idx;
        if (qd_lex_phrase(&lx->people, key, n, &idx))
            return side_of_code(lx, lx->person_list[idx].country);
        if (nw) {
            const char *sur = key + st[nw - 1];
            size_t sl = strip_possessive(sur, en[nw - 1] - st[nw - 1]);
            uint32_t p;
            if (qd_strmap_get(&sn->map, sur, sl, &p) && p != QD_FRAME_SURNAME_AMBIGUOUS)
                return side_of_code(lx, lx->person_list[p].country);
        }
    }
    /* 3. the country its roles give: "RU foreign minister" */
    for (uint32_t i = 0; i < e->n_roles; i++) {
        const char *r = e->roles[i];
        size_t k = 0;
        while (r[k] >= 'A' && r[k] <= 'Z')
            k++;
        if (k >= 2 && k <= 4 && r[k] == ' ') {
            char code[8];
            memcpy(code, r, k);
            code[k] = '\0';
            if ((s = side_of_code(lx, code)) != NULL)
                return s;
        }
    }
    /* 4. a listed name or a place inside the name: "the Russian Foreign Ministry",
     * "President-elect Donald Trump's team" (longest phrases first) */
    for (uint32_t len = nw < 3 ? nw : 3; len >= 1; len--) {
        for (uint32_t i = 0; i + len <= nw; i++) {
            const char *p = key + st[i];
            size_t pl = strip_possessive(p, en[i + len - 1] - st[i]);
            if ((s = side_of_key(lx, p, pl)) != NULL)
                return s;
            uint32_t idx;
            if (qd_lex_phrase(&lx->people, p, pl, &idx))
                return side_of_code(lx, lx->person_list[idx].country);
            if (qd_lex_phrase(&lx->places, p, pl, &idx) && lx->place_list[idx].kind != QD_PL_CITY &&
                lx->place_list[idx].kind != QD_PL_REGION)
                if ((s = side_of_code(lx, lx->place_list[idx].code)) != NULL)
                    return s;
        }
    }
    return NULL;
}
const char *qd_frame_entity_party(const qd_lexicon *lx, const qd_entity *e)
{
    if (!e || !e->name)
        return NULL;
    char key[512], k2[520];
    size_t n = qd_frame_norm_key(e->name, strlen(e->name), key, sizeof(key));
    const char *s = side_lookup(lx, key, n, true);
    if (s)
        return s;
    /* a member by the matcher's person key: "clinton|h", or "clinton" alone */
    if (e->kind == QD_ENT_PERSON && e->key) {
        size_t kl = qd_frame_norm_key(e->key, strlen(e->key), k2, sizeof(k2) - 2);
        if ((s = side_lookup(lx, k2, kl, true)) != NULL)
            return s;
        char *bar = memchr(k2, '|', kl);
        kl = bar ? (size_t)(bar - k2) : kl;
        k2[kl++] = '|';
        if ((s = side_lookup(lx, k2, kl, true)) != NULL)
            return s;
    }
    /* a party or a member inside the name: "the Clinton campaign", "Senate Democrats" */
    uint32_t st[16], en[16];
    uint32_t nw = word_starts(key, n, st, en, 16);
    for (uint32_t len = nw < 3 ? nw : 3; len >= 1; len--)
        for (uint32_t i = 0; i + len <= nw; i++) {
            const char *p = key + st[i];
            size_t pl = strip_possessive(p, en[i + len - 1] - st[i]);
            if ((s = side_lookup(lx, p, pl, true)) != NULL)
                return s;
            if (len == 1 && pl + 2 < sizeof(k2)) {
                memcpy(k2, p, pl);
                k2[pl] = '|';
                if ((s = side_lookup(lx, k2, pl + 1, true)) != NULL)
                    return s;
            }
        }
    return NULL;
}
/* The outlet or agency a go-between names ("Interfax", "CNN correspondent Kylie
 * Atwood"), or NULL. */
static const qd_outlet *named_outlet(const qd_lexicon *lx, const char *name)
{
    char key[512];
    size_t n = qd_frame_norm_key(name, strlen(name), key, sizeof(key));
    uint32_t st[24], en[24];
    uint32_t nw = word_starts(key, n, st, en, 24);
    for (uint32_t len = nw < 4 ? nw : 4; len >= 1; len--)
        for (uint32_t i = 0; i + len <= nw; i++) {
            uint32_t idx;
            size_t pl = strip_possessive(key + st[i], en[i + len - 1] - st[i]);
            if (qd_lex_phrase(&lx->outlets, key + st[i], pl, &idx))
                return &lx->outlet_list[idx];
        }
    return NULL;
}
/* The kind of venue a venue phrase names ("interview with American journalist Tucker
 * Carlson" -> "interview"), from the venue and document nouns, copied into `a`; NULL
 * if none. */
static const char *venue_kind(const qd_lexicon *lx, qd_arena *a, const char *venue)
{
    char key[512];
    size_t n = qd_frame_norm_key(venue, strlen(venue), key, sizeof(key));
    uint32_t st[24], en[24];
    uint32_t nw = word_starts(key, n, st, en, 24);
    for (uint32_t i = 0; i < nw; i++)
        for (uint32_t len = nw - i < 3 ? nw - i : 3; len >= 1; len--) {
            uint32_t cls;
            if (qd_lex_phrase(&lx->nouns, key + st[i], en[i + len - 1] - st[i], &cls) &&
                (cls == QD_NC_VENUE || cls == QD_NC_DOCUMENT))
                return qd_arena_strndup(a, key + st[i], en[i + len - 1] - st[i]);
        }
    return NULL;
}

/* ---- scare quotes ------------------------------------------------------------------ */

/* Does a quoted span read as the writer's distance from a word, rather than a title or
 * a name the quote stage took for one?  Scare quotes are short, and a run of capitalised
 * words ("Game of Thrones", "Make Mexico Great Again") is a title or a slogan. */
static bool scare_shaped(const qd_lexicon *lx, const char *s, size_t n)
{
    uint32_t words = 0, caps = 0, content = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        if (j == i)
            break;
        words++;
        char key[128];
        size_t kl = j - i < 32 ? qd_frame_norm_key(s + i, j - i, key, sizeof(key)) : 0;
        const qd_lexword *w = kl ? qd_lex_word(lx, key, kl) : NULL;
        if (!w || !(w->tags & QD_W_FUNCTION)) {
            content++;
            caps += s[i] >= 'A' && s[i] <= 'Z';
        }
        i = j;
    }
    if (words > QD_FRAME_SCARE_WORDS)
        return false;
    return !(content >= 2 && caps == content);
}

/* The normalised words of tokens [a, b), joined by single spaces, copied into `a`. */
static char *token_words(qd_arena *ar, const qd_doc *doc, uint32_t a, uint32_t b)
{
    const qd_token *tok = doc->in->tokens;
    size_t n = 0;
    for (uint32_t i = a; i < b; i++)
        n += tok[i].normlen + 1;
    char *s = qd_arena_alloc(ar, n + 1);
    if (!s)
        return NULL;
    size_t o = 0;
    for (uint32_t i = a; i < b; i++) {
        if (i > a)
            s[o++] = ' ';
        memcpy(s + o, tok[i].norm, tok[i].normlen);
        o += tok[i].normlen;
    }
    s[o] = '\0';
    return s;
}

static int push_scare(qd_frame_summary *f, qd_arena *ar, const qd_lexicon *lx, const qd_doc *doc,
                      const qd_quoted *x)
{
    const char *s = doc->text + x->inner.start;
    size_t n = x->inner.end - x->inner.start;
    /* the writer's words end where the punctuation the quote swallowed begins */
    while (n && (s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ';' || s[n - 1] == ':' || s[n - 1] == '!' ||
                 s[n - 1] == '?' || s[n - 1] == ' '))
        n--;
    while (n && *s == ' ')
        s++, n--;
    if (!n || n > 200)
        return 0;
    /* handles, hashtags and addresses in quotation marks are not the writer's words */
    if (*s == '@' || *s == '#' || (n > 4 && strncmp(s, "http", 4) == 0))
        return 0;
    bool letter = false;
    for (size_t i = 0; i < n && !letter; i++)
        letter = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80;
    if (!letter || !scare_shaped(lx, s, n))
        return 0;
    char key[1024];
    size_t kl = qd_frame_norm_key(s, n, key, sizeof(key));
    qd_fsum_scare *t = QD_VEC_PUSH(ar, f->scare, f->n_scare, f->cap_scare);
    if (!t)
        return -1;
    t->text = qd_arena_strndup(ar, s, n);
    t->key = qd_arena_strndup(ar, key, kl);
    if (!t->text || !t->key)
        return -1;
    /* its tokens, without quotation marks or the punctuation at its end, to find the same
     * words unquoted elsewhere */
    const qd_doc_internal *in = doc->in;
    uint32_t a = qd_token_at(doc, x->inner.start), b = a;
    while (b < in->n_tokens && in->tokens[b].end <= x->inner.end)
        b++;
    while (b > a && (in->tokens[b - 1].kind == QD_TK_PUNCT || in->tokens[b - 1].kind == QD_TK_QUOTE))
        b--;
    while (a < b && in->tokens[a].kind == QD_TK_QUOTE)
        a++;
    if (a < b && b - a <= 2 * QD_FRAME_SCARE_WORDS && !(t->words = token_words(ar, doc, a, b)))
        return -1;
    return 0;
}

/* ---- own words and labels ---------------------------------------------------------- */

/* The document's own words: normalised tokens of the body and title outside quotation
 * marks, one space between, a newline where a quote or a paragraph breaks them. */
static int own_words(qd_frame_summary *f, qd_arena *ar, const qd_doc *doc)
{
    const qd_doc_internal *in = doc->in;
    size_t n = 0;
    for (uint32_t i = 0; i < in->n_tokens; i++)
        n += in->tokens[i].normlen + 1;
    char *s = qd_arena_alloc(ar, n + 1);
    if (!s)
        return -1;
    size_t o = 0;
    uint32_t para = UINT32_MAX;
    bool gap = false; /* a quote or a paragraph since the last word kept */
    for (uint32_t i = 0; i < in->n_tokens; i++) {
        const qd_token *t = &in->tokens[i];
        qd_para_role role = doc->paragraphs[t->paragraph].role;
        if (role != QD_PARA_BODY && role != QD_PARA_TITLE)
            continue;
        gap |= t->paragraph != para;
        para = t->paragraph;
        if (t->kind == QD_TK_QUOTE || t->quoted >= 0) {
            gap = true;
            continue;
        }
        if (o)
            s[o++] = gap ? '\n' : ' ';
        gap = false;
        memcpy(s + o, t->norm, t->normlen);
        o += t->normlen;
    }
    s[o] = '\0';
    f->words = s;
    return 0;
}

/* Where a token stands: in the writer's voice, in scare quotes, or in quoted words. */
static uint8_t token_where(const qd_analysis *an, const qd_token *t)
{
    if (t->quoted < 0 || (uint32_t)t->quoted >= an->n_quoted)
        return QD_WHERE_OWN;
    return an->quoted[t->quoted].type == QD_QUOTED_SCARE ? QD_WHERE_SCARE : QD_WHERE_QUOTED;
}

/* Labels of labels.tsv in the body and title, longest match at each word. */
static int find_labels(qd_frame_summary *f, qd_arena *ar, const qd_lexicon *lx, const qd_doc *doc)
{
    const qd_doc_internal *in = doc->in;
    if (!lx->n_labels)
        return 0;
    char key[512];
    for (uint32_t i = 0; i < in->n_tokens;) {
        const qd_token *t = &in->tokens[i];
        qd_para_role role = doc->paragraphs[t->paragraph].role;
        if (t->kind != QD_TK_WORD || (role != QD_PARA_BODY && role != QD_PARA_TITLE)) {
            i++;
            continue;
        }
        size_t kl = 0;
        uint32_t best = 0, best_label = 0;
        /* the key's hash grows with it, token by token, instead of being made again for
         * each lookup */
        uint32_t kh = QD_HASH_INIT;
        for (uint32_t k = i; k < in->n_tokens; k++) {
            const qd_token *x = &in->tokens[k];
            if (x->paragraph != t->paragraph || x->kind == QD_TK_QUOTE)
                break;
            bool space = k > i && (x->flags & QD_TF_SPACE_BEFORE);
            if (kl + x->normlen + 2 > sizeof(key) || kl + x->normlen + space > lx->label_max_len + 2)
                break;
            if (space) {
                key[kl++] = ' ';
                kh = qd_hash_extend(kh, " ", 1);
            }
            memcpy(key + kl, x->norm, x->normlen);
            kl += x->normlen;
            kh = k == i && x->hash ? x->hash : qd_hash_extend(kh, x->norm, x->normlen);
            bool prefix = qd_bloom_test(lx->label_filter, QD_PHRASE_FILTER_LOG2, kh) &&
                          qd_strmap_get_hashed(&lx->label_prefixes, key, kl, kh, NULL);
            uint32_t v;
            if (x->kind == QD_TK_WORD || x->kind == QD_TK_PUNCT) {
                size_t sl = x->kind == QD_TK_WORD ? strip_possessive(key, kl) : kl;
                if ((prefix && qd_strmap_get_hashed(&lx->label_keys, key, kl, kh, &v)) ||
                    (sl != kl && qd_strmap_get(&lx->label_keys, key, sl, &v))) {
                    best = k - i + 1;
                    best_label = v;
                }
            }
            /* No label starts with this key, so none starts with a longer one either
             * (words never end in an apostrophe, so a possessive "'s" to come cannot
             * make a shorter key of it). */
            if (!prefix)
                break;
        }
        if (!best) {
            i++;
            continue;
        }
        /* "Kiev" in "Kiev Post", "the West" in "the West Bank": part of a longer name */
        const qd_token *last = &in->tokens[i + best - 1];
        const qd_token *next = i + best < in->n_tokens ? &in->tokens[i + best] : NULL;
        if (next && next->kind == QD_TK_WORD && next->paragraph == last->paragraph && (last->flags & QD_TF_CAP) &&
            (next->flags & QD_TF_CAP) && !(next->flags & QD_TF_SENT_START)) {
            i += best;
            continue;
        }
        qd_fsum_hit *h = QD_VEC_PUSH(ar, f->hits, f->n_hits, f->cap_hits);
        if (!h || !(h->label = qd_arena_strdup(ar, lx->labels[best_label].label)))
            return -1;
        h->where = token_where(doc->analysis, t);
        i += best;
    }
    return 0;
}

/* ---- statements: sources and sides ---------------------------------------------------- */

static int push_source(qd_frame_summary *f, qd_arena *ar, uint32_t first, const char *name, qd_source_kind kind,
                       bool copy)
{
    for (uint32_t i = first; i < f->n_src; i++)
        if (f->src[i].kind == kind && strcmp(f->src[i].name, name) == 0)
            return 0;
    qd_fsum_source *s = QD_VEC_PUSH(ar, f->src, f->n_src, f->cap_src);
    if (!s || !(s->name = copy ? qd_arena_strdup(ar, name) : name))
        return -1;
    s->kind = kind;
    return 0;
}

static qd_source_kind outlet_source(const qd_outlet *o)
{
    return o->kind == QD_AGENCY ? QD_SOURCE_AGENCY : QD_SOURCE_OUTLET;
}

/* What a statement came through: agencies and outlets among its go-betweens (by their
 * name, or by the words that introduce them: "CNN correspondent Kylie Atwood"), an
 * outlet or agency credited as its speaker ("Interfax reported"), and its venues;
 * each once.  The document's own outlet is no source of its own. */
static int statement_sources(qd_frame_summary *f, qd_arena *ar, const qd_lexicon *lx, const qd_doc *doc,
                             const qd_statement *st)
{
    const qd_analysis *an = doc->analysis;
    const char *self = doc->meta.outlet;
    uint32_t first = f->n_src;
    const qd_outlet *o;
    if (st->entity >= 0 && an->entities[st->entity].kind == QD_ENT_MEDIA &&
        (o = named_outlet(lx, an->entities[st->entity].name)) != NULL && !(self && !strcasecmp(o->name, self)) &&
        push_source(f, ar, first, o->name, outlet_source(o), true) != 0)
        return -1;
    for (uint32_t k = 0; k < st->n_provenance; k++) {
        const qd_provenance *p = &st->provenance[k];
        if (p->role == QD_PROV_VENUE && p->name) {
            const char *v = venue_kind(lx, ar, p->name);
            if (v && push_source(f, ar, first, v, QD_SOURCE_VENUE, false) != 0)
                return -1;
            continue;
        }
        if (p->role != QD_PROV_INTERMEDIARY || !p->name)
            continue;
        o = named_outlet(lx, p->name);
        if (!o && p->span.end > p->span.start && p->span.end <= doc->len && p->span.end - p->span.start < 400) {
            char text[400];
            memcpy(text, doc->text + p->span.start, p->span.end - p->span.start);
            text[p->span.end - p->span.start] = '\0';
            o = named_outlet(lx, text);
        }
        if (o && !(self && !strcasecmp(o->name, self)) && push_source(f, ar, first, o->name, outlet_source(o), true) != 0)
            return -1;
    }
    return 0;
}

int qd_frame_summarize(const qd_doc *doc, const qd_lexicon *lx, qd_arena *ar, qd_frame_summary **out)
{
    const qd_analysis *an = doc->analysis;
    qd_frame_summary *f = qd_arena_calloc(ar, 1, sizeof(*f));
    if (!f)
        return -1;
    if (doc->meta.credit && !(f->credit = qd_arena_strdup(ar, doc->meta.credit)))
        return -1;
    for (uint32_t q = 0; q < an->n_quoted; q++) {
        const qd_quoted *x = &an->quoted[q];
        if (x->type != QD_QUOTED_SCARE || x->inner.end <= x->inner.start)
            continue;
        qd_para_role role = doc->paragraphs[x->paragraph].role;
        if ((role == QD_PARA_BODY || role == QD_PARA_TITLE) && push_scare(f, ar, lx, doc, x) != 0)
            return -1;
    }
    if (find_labels(f, ar, lx, doc) != 0 || own_words(f, ar, doc) != 0)
        return -1;
    f->stmts = qd_arena_calloc(ar, an->n_statements + 1, sizeof(qd_fsum_stmt));
    if (!f->stmts)
        return -1;
    qd_frame_surnames sn;
    if (an->n_statements && qd_frame_surnames_init(&sn, lx, ar) != 0)
        return -1;
    for (uint32_t i = 0; i < an->n_statements; i++) {
        const qd_statement *st = &an->statements[i];
        qd_fsum_stmt *fs = &f->stmts[f->n_stmts++];
        if (st->entity >= 0) {
            const char *side = qd_frame_entity_side(lx, &sn, &an->entities[st->entity]);
            const char *party = qd_frame_entity_party(lx, &an->entities[st->entity]);
            if ((side && !(fs->side = qd_arena_strdup(ar, side))) || (party && !(fs->party = qd_arena_strdup(ar, party))))
                return -1;
        }
        fs->first_src = f->n_src;
        if (statement_sources(f, ar, lx, doc, st) != 0)
            return -1;
        fs->n_src = f->n_src - fs->first_src;
    }
    *out = f;
    return 0;
}

/* ---- JSON ------------------------------------------------------------------------- */

json_t *qd_frame_summary_json(const qd_frame_summary *f)
{
    json_t *o = json_object();
    if (!f)
        return o;
    if (f->credit)
        json_object_set_new(o, "credit", json_string(f->credit));
    json_t *a = json_array();
    for (uint32_t i = 0; i < f->n_scare; i++) {
        json_t *t = json_pack("{s:s,s:s}", "text", f->scare[i].text, "key", f->scare[i].key);
        if (f->scare[i].words)
            json_object_set_new(t, "words", json_string(f->scare[i].words));
        json_array_append_new(a, t);
    }
    json_object_set_new(o, "scare", a);
    a = json_array();
    for (uint32_t i = 0; i < f->n_hits; i++)
        json_array_append_new(a, json_pack("[s,i]", f->hits[i].label, (int)f->hits[i].where));
    json_object_set_new(o, "labels", a);
    json_object_set_new(o, "words", json_string(f->words ? f->words : ""));
    a = json_array();
    for (uint32_t i = 0; i < f->n_stmts; i++) {
        const qd_fsum_stmt *s = &f->stmts[i];
        json_t *src = json_array();
        for (uint32_t k = 0; k < s->n_src; k++)
            json_array_append_new(src, json_pack("[s,s]", f->src[s->first_src + k].name,
                                                 qd_source_kind_name(f->src[s->first_src + k].kind)));
        json_array_append_new(a, json_pack("{s:o,s:o,s:o}", "side", s->side ? json_string(s->side) : json_null(),
                                           "party", s->party ? json_string(s->party) : json_null(), "sources", src));
    }
    json_object_set_new(o, "statements", a);
    return o;
}

static const char *jdup(qd_arena *ar, json_t *v, bool *oom)
{
    if (!json_is_string(v))
        return NULL;
    const char *s = qd_arena_strdup(ar, json_string_value(v));
    *oom |= !s;
    return s;
}

qd_frame_summary *qd_frame_summary_from_json(json_t *j, qd_arena *ar, bool *oom)
{
    if (!json_is_object(j))
        return NULL;
    qd_frame_summary *f = qd_arena_calloc(ar, 1, sizeof(*f));
    if (!f) {
        *oom = true;
        return NULL;
    }
    f->credit = jdup(ar, json_object_get(j, "credit"), oom);
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(j, "scare"), i, x) {
        const char *text = jdup(ar, json_object_get(x, "text"), oom), *key = jdup(ar, json_object_get(x, "key"), oom);
        if (!text || !key)
            continue;
        qd_fsum_scare *t = QD_VEC_PUSH(ar, f->scare, f->n_scare, f->cap_scare);
        if (!t) {
            *oom = true;
            return f;
        }
        t->text = text;
        t->key = key;
        t->words = jdup(ar, json_object_get(x, "words"), oom);
    }
    json_array_foreach(json_object_get(j, "labels"), i, x) {
        const char *label = jdup(ar, json_array_get(x, 0), oom);
        json_int_t where = json_integer_value(json_array_get(x, 1));
        if (!label || where < QD_WHERE_OWN || where > QD_WHERE_QUOTED)
            continue;
        qd_fsum_hit *h = QD_VEC_PUSH(ar, f->hits, f->n_hits, f->cap_hits);
        if (!h) {
            *oom = true;
            return f;
        }
        h->label = label;
        h->where = (uint8_t)where;
    }
    f->words = (char *)jdup(ar, json_object_get(j, "words"), oom);
    json_t *sts = json_object_get(j, "statements");
    f->stmts = qd_arena_calloc(ar, json_array_size(sts) + 1, sizeof(qd_fsum_stmt));
    if (!f->stmts) {
        *oom = true;
        return f;
    }
    json_array_foreach(sts, i, x) {
        qd_fsum_stmt *s = &f->stmts[f->n_stmts++];
        s->side = jdup(ar, json_object_get(x, "side"), oom);
        s->party = jdup(ar, json_object_get(x, "party"), oom);
        s->first_src = f->n_src;
        size_t k;
        json_t *y;
        json_array_foreach(json_object_get(x, "sources"), k, y) {
            const char *name = jdup(ar, json_array_get(y, 0), oom);
            const char *kind = json_string_value(json_array_get(y, 1));
            int kd = -1;
            for (int q = QD_SOURCE_AGENCY; q <= QD_SOURCE_CREDIT && kind; q++)
                if (!strcmp(kind, qd_source_kind_name((qd_source_kind)q)))
                    kd = q;
            if (!name || kd < 0 || push_source(f, ar, s->first_src, name, (qd_source_kind)kd, false) != 0) {
                *oom |= name && kd >= 0;
                continue;
            }
        }
        s->n_src = f->n_src - s->first_src;
    }
    return f;
}
