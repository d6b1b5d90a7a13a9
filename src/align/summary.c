/*
 * summary.c - qd_corpus_add(): an analysed document reduced to what matching needs.
 *
 * Kept: metadata, the statements (text, speaker, cue, provenance, offsets), the
 * document's stemmed content terms and the names it mentions (as "@key" terms in the
 * same vector), and hashed word 5-grams of its quotes.  Speakers get one identity across
 * the corpus: persons by surname and first initial ("lavrov|s"; a bare "Lavrov" joins the
 * only Lavrov there is), organisations and governments by their normalised names, and
 * anonymous or unknown speakers stay private to their document ("sources" in two
 * articles are not the same people).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../doc_internal.h"
#include "../text/utf8.h"
#include "corpus.h"
#include "../framing/framing.h"

uint32_t qd_corpus_intern(qd_corpus *c, const char *s, size_t n)
{
    uint32_t id;
    if (qd_strmap_get(&c->dict, s, n, &id))
        return id;
    const char **slot = QD_VEC_PUSH(&c->arena, c->dict_str, c->n_dict, c->cap_dict);
    if (!slot)
        return 0;
    char *copy = qd_arena_strndup(&c->arena, s, n);
    if (!copy)
        return 0;
    *slot = copy;
    id = c->n_dict; /* ids start at 1: slot 0 is reserved */
    if (qd_strmap_put(&c->dict, copy, n, id) != 0)
        return 0;
    return id;
}

int32_t qd_iso_day(const char *iso)
{
    if (!iso)
        return QD_NO_DAY;
    int y, m, d;
    if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return QD_NO_DAY;
    /* days from civil (proleptic Gregorian) */
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* A word as compared across documents: lower case, quotes and punctuation at its ends
 * dropped, spelling variants folded ("sergey" -> "sergei").  Returns the length in out. */
static size_t word_key(const qd_lexicon *lx, const char *w, size_t n, char *out, size_t cap)
{
    size_t k = qd_utf8_normalize(w, n, out, cap);
    size_t a = 0, b = k;
    while (a < b && !((out[a] >= 'a' && out[a] <= 'z') || (out[a] >= '0' && out[a] <= '9') ||
                      (unsigned char)out[a] >= 0x80))
        a++;
    while (b > a && !((out[b - 1] >= 'a' && out[b - 1] <= 'z') || (out[b - 1] >= '0' && out[b - 1] <= '9') ||
                      (unsigned char)out[b - 1] >= 0x80))
        b--;
    /* a possessive is the same word: "russia's" */
    if (b - a > 2 && out[b - 2] == '\'' && out[b - 1] == 's')
        b -= 2;
    memmove(out, out + a, b - a);
    k = b - a;
    out[k] = '\0';
    const qd_lexword *lw = k ? qd_lex_word(lx, out, k) : NULL;
    if (lw && lw->variant >= 0) {
        const char *canon = lx->variant_names[lw->variant];
        size_t cl = strlen(canon);
        if (cl * 4 + 1 <= cap)
            k = qd_utf8_normalize(canon, cl, out, cap);
    }
    return k;
}

static bool content_word(const qd_lexicon *lx, const char *key, size_t n)
{
    if (n < 3)
        return false;
    for (size_t i = 0; i < n; i++)
        if (key[i] >= '0' && key[i] <= '9')
            return false;
    const qd_lexword *w = qd_lex_word(lx, key, n);
    if (w && (w->tags & (QD_W_FUNCTION | QD_W_ADV | QD_W_TIME | QD_W_MONTH | QD_W_WEEKDAY)))
        return false;
    /* reporting verbs say nothing about what happened */
    if (w && w->verb >= 0)
        return false;
    return true;
}

static uint32_t stem_id(qd_corpus *c, const char *key, size_t n)
{
    const sb_symbol *st = sb_stemmer_stem(c->stemmer, (const sb_symbol *)key, (int)n);
    if (!st)
        return 0;
    int sl = sb_stemmer_length(c->stemmer);
    /* stems are kept apart from words by a leading '~' */
    char buf[512];
    if ((size_t)sl + 2 > sizeof(buf))
        return 0;
    buf[0] = '~';
    memcpy(buf + 1, st, (size_t)sl);
    uint32_t id = qd_corpus_intern(c, buf, (size_t)sl + 1);
    /* the first word seen for a stem shows it in reports ("negotiations", not "negoti") */
    if (id && id >= c->cap_disp) {
        uint32_t old = c->cap_disp;
        const char **nd = qd_arena_grow_array(&c->arena, c->disp, &c->cap_disp, id + 1, sizeof(char *));
        if (!nd)
            return 0;
        memset(nd + old, 0, (c->cap_disp - old) * sizeof(char *));
        c->disp = nd;
    }
    if (id && !c->disp[id])
        c->disp[id] = qd_arena_strndup(&c->arena, key, n);
    return id;
}

/* The corpus speaker a document entity stands for (creating it); -1 if none. */
static int32_t corpus_speaker(qd_corpus *c, const qd_doc *doc, const qd_entity *e)
{
    if (!e || !e->key || !e->name)
        return -1;
    char key[512];
    qd_comparison *r = &c->res;
    bool person = e->kind == QD_ENT_PERSON && strcmp(e->key, "(writer)") != 0 && e->name[0] >= 'A' &&
                  e->name[0] <= 'Z' && strchr(e->key, ' ') == NULL;
    bool shared = person || e->kind == QD_ENT_ORG || e->kind == QD_ENT_GOV || e->kind == QD_ENT_MEDIA;
    if (shared)
        snprintf(key, sizeof(key), "%s:%s", qd_entity_kind_name(e->kind), e->key);
    else
        snprintf(key, sizeof(key), "%s:%s:%s", qd_entity_kind_name(e->kind), e->key, doc->path);
    uint32_t idx;
    if (qd_strmap_get(&c->speaker_keys, key, strlen(key), &idx))
        goto found;
    if (person) {
        /* "lavrov" and "lavrov|s" are one person when the surname is unambiguous */
        char sur[512];
        const char *bar = strchr(e->key, '|');
        snprintf(sur, sizeof(sur), "person:%.*s", bar ? (int)(bar - e->key) : (int)strlen(e->key), e->key);
        if (qd_strmap_get(&c->speaker_keys, sur, strlen(sur), &idx)) {
            const char *have = strchr(r->speakers[idx].key, '|');
            if (!bar || !have || have[1] == bar[1]) {
                if (bar && !have)
                    r->speakers[idx].key = qd_arena_strdup(&c->arena, e->key);
                if (qd_strmap_put(&c->speaker_keys, key, strlen(key), idx) != 0)
                    return -1;
                goto found;
            }
        }
        qd_cspeaker *s = QD_VEC_PUSH(&c->arena, r->speakers, r->n_speakers, c->cap_speakers);
        if (!s)
            return -1;
        idx = r->n_speakers - 1;
        s->key = qd_arena_strdup(&c->arena, e->key);
        s->name = qd_arena_strdup(&c->arena, e->name);
        s->kind = e->kind;
        uint32_t dummy;
        if (!qd_strmap_get(&c->speaker_keys, sur, strlen(sur), &dummy) &&
            qd_strmap_put(&c->speaker_keys, sur, strlen(sur), idx) != 0)
            return -1;
    } else {
        qd_cspeaker *s = QD_VEC_PUSH(&c->arena, r->speakers, r->n_speakers, c->cap_speakers);
        if (!s)
            return -1;
        idx = r->n_speakers - 1;
        s->key = qd_arena_strdup(&c->arena, key);
        s->name = qd_arena_strdup(&c->arena, e->name);
        s->kind = e->kind;
    }
    if (qd_strmap_put(&c->speaker_keys, key, strlen(key), idx) != 0)
        return -1;
found:
    /* the fullest spelling seen names the speaker: "Sergei Lavrov" over "Lavrov" */
    if (strlen(e->name) > strlen(r->speakers[idx].name) && strchr(e->name, ' '))
        r->speakers[idx].name = qd_arena_strdup(&c->arena, e->name);
    return (int32_t)idx;
}

typedef struct tcount {
    uint32_t id, n;
} tcount;

static int cmp_tcount(const void *a, const void *b)
{
    const tcount *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Statement words, keys and stems. */
static int statement_features(qd_corpus *c, const char *text, qd_sfeat *f, uint64_t **sh, uint32_t *nsh,
                              uint32_t *capsh)
{
    qd_arena *A = &c->arena;
    size_t n = strlen(text);
    uint32_t capw = 0;
    char key[1024];
    uint32_t *stems = NULL, ns = 0, caps = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t'))
            i++;
        size_t j = i;
        while (j < n && text[j] != ' ' && text[j] != '\n' && text[j] != '\t')
            j++;
        if (j == i)
            break;
        const char **w = QD_VEC_PUSH(A, f->words, f->n_words, capw);
        if (!w)
            return QD_ENOMEM;
        *w = qd_arena_strndup(A, text + i, j - i);
        uint32_t kl = j - i < sizeof(key) / 4 ? (uint32_t)word_key(c->lx, text + i, j - i, key, sizeof(key)) : 0;
        uint32_t id = kl ? qd_corpus_intern(c, key, kl) : 0;
        if (kl && !id)
            return QD_ENOMEM;
        uint32_t *k = qd_arena_realloc(A, f->keys, (f->n_words - 1) * sizeof(uint32_t), f->n_words * sizeof(uint32_t));
        if (!k || !*w)
            return QD_ENOMEM;
        f->keys = k;
        f->keys[f->n_words - 1] = id;
        if (kl && content_word(c->lx, key, kl)) {
            uint32_t sid = stem_id(c, key, kl);
            uint32_t *slot = sid ? QD_VEC_PUSH(A, stems, ns, caps) : NULL;
            if (!slot)
                return QD_ENOMEM;
            *slot = sid;
        }
        i = j;
    }
    if (ns > 1)
        qsort(stems, ns, sizeof(uint32_t), cmp_u32);
    uint32_t u = 0;
    for (uint32_t i = 0; i < ns; i++)
        if (u == 0 || stems[u - 1] != stems[i])
            stems[u++] = stems[i];
    f->stems = stems;
    f->n_stems = u;
    /* 5-gram shingles of quotes, for "the same quote" evidence between documents */
    if (f->direct) {
        uint32_t keys[4096];
        uint32_t nk = 0;
        for (uint32_t i = 0; i < f->n_words && nk < 4096; i++)
            if (f->keys[i])
                keys[nk++] = f->keys[i];
        for (uint32_t i = 0; nk >= 3 && i + (nk < 5 ? nk : 5) <= nk; i++) {
            uint32_t len = nk < 5 ? nk : 5;
            uint64_t h = 1469598103934665603ull;
            for (uint32_t k = 0; k < len; k++) {
                h ^= keys[i + k];
                h *= 1099511628211ull;
            }
            uint64_t *slot = QD_VEC_PUSH(A, *sh, *nsh, *capsh);
            if (!slot)
                return QD_ENOMEM;
            *slot = h;
            if (nk < 5)
                break;
        }
    }
    return 0;
}

int qd_corpus_add(qd_corpus *c, const qd_doc *doc, qd_error *err)
{
    if (c->matched)
        return qd_error_set(err, QD_EUSAGE, "%s: the corpus was matched already", doc->path);
    if (!doc->analysis)
        return qd_error_set(err, QD_EUSAGE, "%s: document not analysed", doc->path);
    qd_arena *A = &c->arena;
    qd_comparison *r = &c->res;
    const qd_analysis *an = doc->analysis;
    qd_cdoc *d = QD_VEC_PUSH(A, r->docs, r->n_docs, c->cap_docs);
    uint32_t nf = r->n_docs - 1;
    qd_dfeat *f = d ? QD_VEC_PUSH(A, c->feat, nf, c->cap_feat) : NULL;
    if (!d || !f)
        goto oom;
    d->event = -1;
#define DUP(x) ((x) ? qd_arena_strdup(A, (x)) : NULL)
    d->path = DUP(doc->path);
    d->url = DUP(doc->meta.url);
    d->outlet = DUP(doc->meta.outlet);
    d->date = DUP(doc->meta.date);
    d->title = DUP(doc->meta.title);
    d->byline = DUP(doc->meta.byline);
#undef DUP
    f->day = qd_iso_day(doc->meta.date);
    if (c->opt.keep_text) {
        d->text = qd_arena_strndup(A, doc->text, doc->len);
        d->paragraphs = qd_arena_calloc(A, doc->n_paragraphs + 1, sizeof(qd_span));
        if (!d->text || !d->paragraphs)
            goto oom;
        for (uint32_t i = 0; i < doc->n_paragraphs; i++)
            if (doc->paragraphs[i].role == QD_PARA_BODY || doc->paragraphs[i].role == QD_PARA_TITLE)
                d->paragraphs[d->n_paragraphs++] = doc->paragraphs[i].span;
    }

    /* terms: stems of content words (the title counts twice) and the names mentioned */
    tcount *tc = NULL;
    uint32_t ntc = 0, captc = 0;
    const qd_doc_internal *in = doc->in;
    char key[256];
    for (uint32_t i = 0; i < in->n_tokens; i++) {
        const qd_token *t = &in->tokens[i];
        if (t->kind != QD_TK_WORD || t->normlen >= sizeof(key) / 4)
            continue;
        qd_para_role role = doc->paragraphs[t->paragraph].role;
        if (role != QD_PARA_BODY && role != QD_PARA_TITLE)
            continue;
        uint32_t kl = (uint32_t)word_key(c->lx, doc->text + t->start, t->end - t->start, key, sizeof(key));
        if (!content_word(c->lx, key, kl))
            continue;
        uint32_t id = stem_id(c, key, kl);
        tcount *slot = id ? QD_VEC_PUSH(A, tc, ntc, captc) : NULL;
        if (!slot)
            goto oom;
        slot->id = id;
        slot->n = role == QD_PARA_TITLE ? 2 : 1;
    }
    int32_t *spk_of_entity = qd_arena_alloc(A, (an->n_entities + 1) * sizeof(int32_t));
    if (!spk_of_entity)
        goto oom;
    for (uint32_t e = 0; e < an->n_entities; e++) {
        const qd_entity *en = &an->entities[e];
        spk_of_entity[e] = -1;
        if (en->kind == QD_ENT_ANONYMOUS || en->kind == QD_ENT_UNKNOWN || en->kind == QD_ENT_DOCUMENT ||
            en->kind == QD_ENT_GROUP || !en->key || !en->n_mentions)
            continue;
        int32_t s = corpus_speaker(c, doc, en);
        spk_of_entity[e] = s;
        /* speakers private to this document ("the writer") say nothing about events,
         * nor do "names" that are a headline's capitalised words */
        if (s < 0 || strchr(r->speakers[s].key, ':'))
            continue;
        uint32_t spaces = 0;
        for (const char *p = en->name; *p; p++)
            spaces += *p == ' ';
        if (spaces > 3)
            continue;
        snprintf(key, sizeof(key), "@%d", s);
        uint32_t id = qd_corpus_intern(c, key, strlen(key));
        tcount *slot = id ? QD_VEC_PUSH(A, tc, ntc, captc) : NULL;
        if (!slot)
            goto oom;
        slot->id = id;
        slot->n = en->n_mentions;
    }
    if (ntc > 1)
        qsort(tc, ntc, sizeof(tcount), cmp_tcount);
    f->terms = qd_arena_alloc(A, (ntc + 1) * sizeof(uint32_t));
    f->tf = qd_arena_alloc(A, (ntc + 1) * sizeof(uint32_t));
    if (!f->terms || !f->tf)
        goto oom;
    for (uint32_t i = 0; i < ntc; i++) {
        if (f->n_terms && f->terms[f->n_terms - 1] == tc[i].id) {
            f->tf[f->n_terms - 1] += tc[i].n;
            continue;
        }
        f->terms[f->n_terms] = tc[i].id;
        f->tf[f->n_terms] = tc[i].n;
        f->n_terms++;
    }
    /* document frequencies */
    for (uint32_t i = 0; i < f->n_terms; i++) {
        uint32_t id = f->terms[i];
        if (id >= c->cap_df) {
            uint32_t old = c->cap_df;
            uint32_t *ndf = qd_arena_grow_array(A, c->df, &c->cap_df, id + 1, sizeof(uint32_t));
            if (!ndf)
                goto oom;
            memset(ndf + old, 0, (c->cap_df - old) * sizeof(uint32_t));
            c->df = ndf;
        }
        c->df[id]++;
    }

    /* statements */
    d->statements = qd_arena_calloc(A, an->n_statements + 1, sizeof(qd_cstatement));
    f->stmts = qd_arena_calloc(A, an->n_statements + 1, sizeof(qd_sfeat));
    if (!d->statements || !f->stmts)
        goto oom;
    uint32_t capsh = 0;
    for (uint32_t i = 0; i < an->n_statements; i++) {
        const qd_statement *st = &an->statements[i];
        qd_cstatement *cs = &d->statements[d->n_statements];
        qd_sfeat *sf = &f->stmts[d->n_statements];
        size_t total = 0;
        for (uint32_t k = 0; k < st->n_pieces; k++)
            total += st->pieces[k].end - st->pieces[k].start + 5;
        char *text = qd_arena_alloc(A, total + 1);
        if (!text)
            goto oom;
        size_t o = 0;
        bool quote = false;
        for (uint32_t k = 0; k < st->n_pieces; k++) {
            if (k) {
                memcpy(text + o, " \xe2\x80\xa6 ", 5);
                o += 5;
            }
            qd_span sp = st->pieces[k];
            for (uint32_t b = sp.start; b < sp.end; b++) {
                char ch = doc->text[b];
                text[o++] = (ch == '\n' || ch == '\r' || ch == '\t') ? ' ' : ch;
            }
            uint32_t cp;
            qd_utf8_decode(doc->text, doc->len, sp.start, &cp);
            quote |= qd_cp_quote_mark(cp) != QD_QM_NONE;
        }
        text[o] = '\0';
        cs->type = st->type;
        cs->text = text;
        cs->speaker = st->entity >= 0 ? spk_of_entity[st->entity] : -1;
        if (st->speaker >= 0) {
            qd_span sp = an->mentions[st->speaker].span;
            cs->speaker_text = qd_arena_strndup(A, doc->text + sp.start, sp.end - sp.start);
        }
        cs->cue = st->cue_lemma;
        cs->stance = st->stance;
        cs->start = st->pieces[0].start;
        cs->end = st->pieces[st->n_pieces - 1].end;
        cs->group = -1;
        for (uint32_t k = 0; k < st->n_provenance; k++) {
            const qd_provenance *p = &st->provenance[k];
            if (p->role == QD_PROV_VENUE && !cs->venue)
                cs->venue = qd_arena_strdup(A, p->name);
            if (p->role == QD_PROV_INTERMEDIARY) {
                const char **nv = qd_arena_realloc(A, cs->intermediaries, cs->n_intermediaries * sizeof(char *),
                                                   (cs->n_intermediaries + 1) * sizeof(char *));
                if (!nv)
                    goto oom;
                nv[cs->n_intermediaries++] = qd_arena_strdup(A, p->name);
                cs->intermediaries = nv;
            }
        }
        sf->direct = quote || st->type == QD_STMT_DIRECT || st->type == QD_STMT_PARTIAL || st->type == QD_STMT_MIXED;
        if (statement_features(c, text, sf, &f->shingles, &f->n_shingles, &capsh) != 0)
            goto oom;
        for (uint32_t k = 0; k < sf->n_words; k++)
            cs->words += sf->keys[k] != 0;
        d->n_statements++;
    }
    if (f->n_shingles > 1)
        qsort(f->shingles, f->n_shingles, sizeof(uint64_t), cmp_u64);
    return qd_frame_add(c, doc, r->n_docs - 1, err);
oom:
    return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
}
