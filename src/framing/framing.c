/*
 * framing.c - how each outlet tells the story (see quotediff/framing.h).
 *
 * Per document the corpus takes, from its frame summary (doc.c), the terms it
 * scare-quotes, where it uses a label of labels.tsv (and whether in its own voice, in
 * scare quotes or inside a quote), its own words as ids, its credit line, what its
 * statements came through, and the side of each speaker it quotes.  Once the corpus is
 * matched, every scope (an event, a thread, the corpus) is cut by outlet and each outlet
 * gets its scare quotes, labels, speech verbs per speaker, share of voice per speaker and
 * side, sources, and the terms that set it apart from the other outlets of the scope.
 *
 * Everything lives in the corpus arena, like the rest of the comparison.
 */
#include "framing.h"
#include "../util/tasks.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../lexicon/lexicon.h"
#include "../text/utf8.h"

typedef struct label_hit {
    uint32_t label;
    uint8_t where;
} label_hit;

typedef struct scare_term {
    const char *text;  /* as written, trimmed */
    const char *key;   /* normalised, for counting */
    uint32_t *ids;     /* its tokens as framing word ids, to find it unquoted elsewhere */
    uint32_t n_ids;
} scare_term;

/* An intermediary or venue a statement came through. */
typedef struct stmt_source {
    const char *name;      /* the outlet's or agency's lexicon name, or a venue noun */
    qd_source_kind kind;
} stmt_source;

typedef struct frame_doc {
    scare_term *scare;
    uint32_t n_scare, cap_scare;
    label_hit *hits;
    uint32_t n_hits, cap_hits;
    const char *credit;
    stmt_source *src;      /* of all its statements, each source once per statement */
    uint32_t n_src, cap_src;
    uint8_t *stream;       /* its own words (body and title, outside quotation marks) as
                            * framing word ids, 0 where quotes or paragraphs break them,
                            * each in 7-bit groups, low first, the high bit marking more
                            * (the ids of common words are small: about half the bytes) */
    uint32_t n_stream;     /* ids in it */
} frame_doc;

/* What the documents say of a speaker's side: one vote per statement. */
typedef struct side_vote {
    const char *side;
    uint32_t n;
    bool party;
    struct side_vote *next;
} side_vote;

struct qd_frame_state {
    frame_doc *docs;            /* parallel to the corpus documents */
    uint32_t n_docs, cap_docs;
    qd_strmap vocab;            /* normalised token -> framing word id (from 1) */
    uint32_t n_vocab;
    const char **side;          /* per corpus speaker: country side, NULL if unknown */
    const char **party;         /* per corpus speaker: party side, NULL if unknown */
    side_vote **votes;          /* per corpus speaker, until matching settles the sides */
    uint32_t cap_side;
    qd_framing_set set;
};

static const char *const stance_names[QD_N_STANCES] = {"neutral",  "emphatic",   "doubtful", "concessive",
                                                        "emotive", "evaluative", "hedged",   "none"};

const char *qd_stance_name(qd_stance s)
{
    return (unsigned)s < QD_N_STANCES ? stance_names[s] : "none";
}

const char *qd_source_kind_name(qd_source_kind k)
{
    switch (k) {
    case QD_SOURCE_AGENCY: return "agency";
    case QD_SOURCE_OUTLET: return "outlet";
    case QD_SOURCE_VENUE: return "venue";
    case QD_SOURCE_CREDIT: return "credit";
    }
    return "?";
}

static qd_stance stance_of(const char *s)
{
    if (!s)
        return QD_STANCE_NONE;
    for (int i = 0; i < QD_STANCE_NONE; i++)
        if (strcmp(s, stance_names[i]) == 0)
            return (qd_stance)i;
    return QD_STANCE_NONE;
}

double qd_log_odds_z(double y_o, double n_o, double y_r, double n_r, double a_i, double a_0, double *delta)
{
    double d = log((y_o + a_i) / (n_o + a_0 - y_o - a_i)) - log((y_r + a_i) / (n_r + a_0 - y_r - a_i));
    double var = 1.0 / (y_o + a_i) + 1.0 / (y_r + a_i);
    if (delta)
        *delta = d;
    return d / sqrt(var);
}

/* ---- per document ----------------------------------------------------------------- */

/* The framing word id of a normalised token; 0 when out of memory. */
static uint32_t word_id(qd_corpus *c, const char *w, size_t n)
{
    struct qd_frame_state *fs = c->frame;
    uint32_t id;
    if (qd_strmap_get(&fs->vocab, w, n, &id))
        return id;
    id = ++fs->n_vocab;
    return qd_strmap_put(&fs->vocab, w, n, id) == 0 ? id : 0;
}

/* Words separated by spaces (a newline: a break, id 0) as ids in the corpus arena, or
 * malloc'd with `scratch`. */
static uint32_t *word_ids(qd_corpus *c, const char *s, uint32_t *n_out, bool scratch)
{
    size_t len = strlen(s);
    uint32_t n = 0;
    /* one entry per word and per break, counted first: these are kept for every document */
    size_t need = 1;
    for (size_t i = 0; i < len; i++)
        need += s[i] == '\n' || ((s[i] != ' ' && s[i] != '\n') && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n'));
    uint32_t *v = scratch ? malloc(need * sizeof(uint32_t)) : qd_arena_alloc(&c->arena, need * sizeof(uint32_t));
    if (!v)
        return NULL;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && s[j] != ' ' && s[j] != '\n')
            j++;
        if (j > i && !(v[n++] = word_id(c, s + i, j - i))) {
            if (scratch)
                free(v);
            return NULL;
        }
        if (j < len && s[j] == '\n')
            v[n++] = 0;
        i = j + 1;
    }
    *n_out = n;
    return v;
}

/* A string kept once in the corpus (source names, sides, credits repeat). */
static const char *corpus_str(qd_corpus *c, const char *s)
{
    uint32_t id = qd_corpus_intern(c, s, strlen(s));
    return id ? c->dict_str[id - 1] : NULL;
}

static int grow_sides(qd_corpus *c, struct qd_frame_state *fs)
{
    uint32_t n = c->res.n_speakers;
    if (n <= fs->cap_side)
        return 0;
    uint32_t old = fs->cap_side, cap2 = fs->cap_side, cap3 = fs->cap_side;
    const char **ns = qd_arena_grow_array(&c->arena, fs->side, &fs->cap_side, n, sizeof(char *));
    const char **np = qd_arena_grow_array(&c->arena, fs->party, &cap2, n, sizeof(char *));
    side_vote **nv = qd_arena_grow_array(&c->arena, fs->votes, &cap3, n, sizeof(side_vote *));
    if (!ns || !np || !nv || cap2 != fs->cap_side || cap3 != fs->cap_side)
        return -1;
    memset(ns + old, 0, (fs->cap_side - old) * sizeof(char *));
    memset(np + old, 0, (fs->cap_side - old) * sizeof(char *));
    memset(nv + old, 0, (fs->cap_side - old) * sizeof(side_vote *));
    fs->side = ns;
    fs->party = np;
    fs->votes = nv;
    return 0;
}

static int frame_state(qd_corpus *c)
{
    if (c->frame)
        return 0;
    if (!(c->frame = qd_arena_calloc(&c->arena, 1, sizeof(struct qd_frame_state))))
        return -1;
    qd_strmap_init(&c->frame->vocab, &c->arena);
    return 0;
}

static int vote(qd_corpus *c, struct qd_frame_state *fs, int32_t s, const char *side, bool party)
{
    side_vote *v = fs->votes[s];
    while (v && !(v->party == party && strcmp(v->side, side) == 0))
        v = v->next;
    if (!v) {
        if (!(v = qd_arena_calloc(&c->arena, 1, sizeof(*v))) || !(v->side = corpus_str(c, side)))
            return -1;
        v->party = party;
        v->next = fs->votes[s];
        fs->votes[s] = v;
    }
    v->n++;
    return 0;
}

/* Each speaker's sides: the ones most of its statements' documents give ("the campaign"
 * of one article and of another may be one speaker to the matcher); ties go to the
 * first named. */
static void settle_sides(struct qd_frame_state *fs, uint32_t n_speakers)
{
    for (uint32_t s = 0; s < n_speakers && s < fs->cap_side; s++) {
        uint32_t best[2] = {0, 0};
        for (const side_vote *v = fs->votes[s]; v; v = v->next) {
            /* the list is newest first: >= lets the earlier win a tie */
            if (v->n >= best[v->party]) {
                best[v->party] = v->n;
                if (v->party)
                    fs->party[s] = v->side;
                else
                    fs->side[s] = v->side;
            }
        }
    }
}

int qd_frame_add_summary(qd_corpus *c, const qd_frame_summary *f, uint32_t d, const char *name, qd_error *err)
{
    if (frame_state(c) != 0)
        goto oom;
    struct qd_frame_state *fs = c->frame;
    while (fs->n_docs <= d)
        if (!QD_VEC_PUSH(&c->arena, fs->docs, fs->n_docs, fs->cap_docs))
            goto oom;
    if (grow_sides(c, fs) != 0)
        goto oom;
    if (!f)
        return 0;
    frame_doc *fd = &fs->docs[d];
    const qd_lexicon *lx = c->lx;
    if (f->credit && !(fd->credit = corpus_str(c, f->credit)))
        goto oom;
    for (uint32_t i = 0; i < f->n_scare; i++) {
        scare_term *t = QD_VEC_PUSH(&c->arena, fd->scare, fd->n_scare, fd->cap_scare);
        if (!t || !(t->text = qd_arena_strdup(&c->arena, f->scare[i].text)) ||
            !(t->key = qd_arena_strdup(&c->arena, f->scare[i].key)))
            goto oom;
        if (f->scare[i].words && !(t->ids = word_ids(c, f->scare[i].words, &t->n_ids, false)))
            goto oom;
    }
    for (uint32_t i = 0; i < f->n_hits; i++) {
        uint32_t l;
        if (!qd_strmap_get(&lx->label_keys, f->hits[i].label, strlen(f->hits[i].label), &l))
            continue; /* a label of another lexicon */
        label_hit *h = QD_VEC_PUSH(&c->arena, fd->hits, fd->n_hits, fd->cap_hits);
        if (!h)
            goto oom;
        h->label = l;
        h->where = f->hits[i].where;
    }
    if (f->words) {
        uint32_t n;
        uint32_t *ids = word_ids(c, f->words, &n, true);
        if (!ids)
            goto oom;
        size_t bytes = 0;
        for (uint32_t i = 0; i < n; i++)
            for (uint32_t x = ids[i]; bytes++, x >= 0x80; x >>= 7)
                ;
        uint8_t *b = qd_arena_alloc(&c->arena, bytes + 1);
        if (!b) {
            free(ids);
            goto oom;
        }
        fd->stream = b;
        fd->n_stream = n;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t x = ids[i];
            for (; x >= 0x80; x >>= 7)
                *b++ = (uint8_t)(x | 0x80);
            *b++ = (uint8_t)x;
        }
        free(ids);
    }
    for (uint32_t i = 0; i < f->n_src; i++) {
        stmt_source *s = QD_VEC_PUSH(&c->arena, fd->src, fd->n_src, fd->cap_src);
        if (!s || !(s->name = corpus_str(c, f->src[i].name)))
            goto oom;
        s->kind = f->src[i].kind;
    }
    /* the sides of the speakers: each statement votes for what its document says */
    const qd_cdoc *cd = &c->res.docs[d];
    for (uint32_t i = 0; i < cd->n_statements && i < f->n_stmts; i++) {
        int32_t s = cd->statements[i].speaker;
        if (s < 0)
            continue;
        if ((f->stmts[i].side && vote(c, fs, s, f->stmts[i].side, false) != 0) ||
            (f->stmts[i].party && vote(c, fs, s, f->stmts[i].party, true) != 0))
            goto oom;
    }
    return 0;
oom:
    return qd_error_set(err, QD_ENOMEM, "%s: out of memory (framing)", name);
}

/* ---- per scope ---------------------------------------------------------------------- */

typedef struct tcount {
    uint32_t id, n;
    double sx2, sxn;  /* sums over documents of tf^2 and tf * (document length) */
} tcount;

/* The documents a list of counts came from. */
typedef struct doc_sizes {
    uint32_t docs;
    uint64_t words;
    double words2;    /* sum of squared document lengths */
} doc_sizes;

static int cmp_tcount_id(const void *a, const void *b)
{
    const tcount *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Stem counts of some documents, one entry per distinct stem, sorted by id (malloc'd).
 * `at` (per term id, all UINT32_MAX, and left so) finds a stem's entry while counting:
 * only the distinct stems are sorted, not every term of every document, which in a
 * corpus of 100,000 documents is tens of millions of entries.  The sums are of whole
 * numbers, so they are exact in any order. */
static tcount *stem_counts(const qd_corpus *c, uint32_t *at, const uint32_t *docs, uint32_t nd, uint32_t *n_out,
                           doc_sizes *sz)
{
    uint64_t total = 0;
    for (uint32_t k = 0; k < nd; k++)
        total += c->feat[docs[k]].n_terms;
    size_t cap = total < c->n_dict ? (size_t)total : (size_t)c->n_dict;
    tcount *v = malloc((cap + 1) * sizeof(tcount));
    if (!v)
        return NULL;
    uint32_t n = 0;
    memset(sz, 0, sizeof(*sz));
    sz->docs = nd;
    for (uint32_t k = 0; k < nd; k++) {
        const qd_dfeat *f = &c->feat[docs[k]];
        /* stems only: "@" terms are speakers, which share of voice covers */
        uint64_t len = 0;
        for (uint32_t i = 0; i < f->n_terms; i++)
            if (c->dict_str[f->terms[i] - 1][0] == '~')
                len += f->tf[i];
        for (uint32_t i = 0; i < f->n_terms; i++) {
            uint32_t id = f->terms[i];
            if (c->dict_str[id - 1][0] != '~')
                continue;
            if (at[id] == UINT32_MAX) {
                at[id] = n;
                v[n++] = (tcount){id, 0, 0, 0};
            }
            tcount *t = &v[at[id]];
            t->n += f->tf[i];
            t->sx2 += (double)f->tf[i] * f->tf[i];
            t->sxn += (double)f->tf[i] * (double)len;
        }
        sz->words += len;
        sz->words2 += (double)len * (double)len;
    }
    for (uint32_t i = 0; i < n; i++)
        at[v[i].id] = UINT32_MAX;
    qsort(v, n, sizeof(tcount), cmp_tcount_id);
    *n_out = n;
    return v;
}

/* Index of id in a sorted list, or n. */
static uint32_t index_of(const tcount *v, uint32_t n, uint32_t id)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (v[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && v[lo].id == id ? lo : n;
}

static uint32_t count_of(const tcount *v, uint32_t n, uint32_t id)
{
    uint32_t i = index_of(v, n, id);
    return i < n ? v[i].n : 0;
}

typedef struct corpus_prior {
    tcount *counts;
    uint32_t n;
    doc_sizes sz;
    uint32_t *at;     /* stem_counts' scratch: per term id, UINT32_MAX */
} corpus_prior;

static int cmp_term_z(const void *a, const void *b)
{
    const qd_frame_term *x = a, *y = b;
    return x->z < y->z ? 1 : x->z > y->z ? -1 : strcmp(x->term, y->term);
}

/* The stems of the words of an outlet's name, as "~stem" term ids (at most cap) that
 * are in the corpus.  "Politico" says "Politico" more than anyone, which tells nothing
 * about how it tells the story. */
static uint32_t name_stems(qd_corpus *c, struct sb_stemmer *stemmer, const char *outlet, uint32_t *ids, uint32_t cap)
{
    char key[256], buf[300];
    size_t n = qd_frame_norm_key(outlet, strlen(outlet), key, sizeof(key));
    uint32_t m = 0;
    for (size_t i = 0; i < n && m < cap;) {
        while (i < n && !((key[i] >= 'a' && key[i] <= 'z') || (unsigned char)key[i] >= 0x80))
            i++;
        size_t j = i;
        while (j < n && ((key[j] >= 'a' && key[j] <= 'z') || (unsigned char)key[j] >= 0x80))
            j++;
        const sb_symbol *st = j > i ? sb_stemmer_stem(stemmer, (const sb_symbol *)key + i, (int)(j - i)) : NULL;
        int sl = st ? sb_stemmer_length(stemmer) : 0;
        uint32_t id;
        if (st && (size_t)sl + 2 < sizeof(buf)) {
            buf[0] = '~';
            memcpy(buf + 1, st, (size_t)sl);
            if (qd_corpus_lookup(c, buf, (size_t)sl + 1, &id))
                ids[m++] = id;
        }
        i = j;
    }
    return m;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The variance of log(y + a) for a word seen y times in some documents: the larger of
 * the multinomial one, 1 / (y + a) as in Monroe et al., and the one the documents
 * themselves show, sum_d (x_d - p n_d)^2 / (y + a)^2 with p = y / N (a robust, "sandwich"
 * estimate).  Words come in bursts: an article about Benghazi says "Benghazi" ten times,
 * which says little about the outlet; the second term sees that, given two documents
 * or more. */
double qd_frame_log_count_var(double y, double a, double sx2, double sxn, uint32_t docs, double words, double words2)
{
    double var = 1.0 / (y + a);
    if (docs < 2 || words <= 0)
        return var;
    double p = y / words;
    double ss = sx2 - 2.0 * p * sxn + p * p * words2;
    double robust = ss * docs / (docs - 1.0) / ((y + a) * (y + a));
    return robust > var ? robust : var;
}

static double log_count_var(double y, double a, double sx2, double sxn, const doc_sizes *sz)
{
    return qd_frame_log_count_var(y, a, sx2, sxn, sz->docs, (double)sz->words, sz->words2);
}

/* Terms of outlet o that set it apart from the other outlets of the scope. */
static int distinctive(qd_corpus *c, qd_arena *K, struct sb_stemmer *stemmer, const corpus_prior *pr, const tcount *own, uint32_t n_own,
                       const doc_sizes *so, const tcount *all, uint32_t n_all, const doc_sizes *sa,
                       qd_frame_outlet *fo)
{
    doc_sizes sr = {sa->docs - so->docs, sa->words - so->words, sa->words2 - so->words2};
    fo->words = (uint32_t)so->words;
    if (!so->words || !sr.words || !pr->sz.words)
        return 0;
    qd_frame_term *best = NULL;
    uint32_t nb = 0, capb = 0;
    double a0 = QD_FRAME_PRIOR_TOTAL;
    double n_o = (double)so->words, n_r = (double)sr.words;
    /* one-sided p-values of every word tested, for the false discovery rate */
    double *pv = malloc((n_own + 1) * sizeof(double));
    uint32_t m = 0;
    if (!pv)
        return -1;
    uint32_t named_ids[8];
    uint32_t n_named = name_stems(c, stemmer, fo->outlet, named_ids, 8);
    for (uint32_t i = 0; i < n_own; i++) {
        uint32_t id = own[i].id;
        bool named = false;
        for (uint32_t k = 0; k < n_named; k++)
            named |= named_ids[k] == id;
        if (named)
            continue;
        uint32_t at = index_of(all, n_all, id);
        if (at == n_all)
            continue;
        double y_o = own[i].n;
        double y_r = (double)all[at].n - y_o;
        double a_i = a0 * (double)count_of(pr->counts, pr->n, id) / (double)pr->sz.words;
        if (a_i <= 0)
            continue;
        double delta;
        qd_log_odds_z(y_o, n_o, y_r, n_r, a_i, a0, &delta);
        double var = log_count_var(y_o, a_i, own[i].sx2, own[i].sxn, so) +
                     log_count_var(y_r, a_i, all[at].sx2 - own[i].sx2, all[at].sxn - own[i].sxn, &sr);
        double z = delta / sqrt(var);
        pv[m++] = 0.5 * erfc(z / sqrt(2.0));
        if (z <= QD_FRAME_Z)
            continue;
        qd_frame_term *t = QD_VEC_PUSH(K, best, nb, capb);
        if (!t) {
            free(pv);
            return -1;
        }
        t->term = id < c->cap_disp && c->disp[id] ? c->disp[id] : c->dict_str[id - 1] + 1;
        t->count = own[i].n;
        t->rest = (uint32_t)y_r;
        t->delta = delta;
        t->z = z;
    }
    if (nb > 1)
        qsort(best, nb, sizeof(qd_frame_term), cmp_term_z);
    /* Benjamini-Hochberg over all the words tested: with thousands of words, z > 1.96
     * alone lets hundreds through by chance (an outlet drawn at random from the same
     * articles gets as many), so only the words whose p-value passes the step-up rule
     * at QD_FRAME_FDR are kept. */
    qsort(pv, m, sizeof(double), cmp_double);
    double cut = -1.0;
    for (uint32_t k = m; k > 0; k--)
        if (pv[k - 1] <= QD_FRAME_FDR * k / m) {
            cut = pv[k - 1];
            break;
        }
    free(pv);
    uint32_t keep = 0;
    while (keep < nb && 0.5 * erfc(best[keep].z / sqrt(2.0)) <= cut)
        keep++;
    fo->distinctive = best;
    fo->n_distinctive = keep < QD_FRAME_MAX_TERMS ? keep : QD_FRAME_MAX_TERMS;
    return 0;
}

static const char *outlet_name(const qd_cdoc *d)
{
    return d->outlet ? d->outlet : "unknown outlet";
}

/* Scratch space of one scope, released when it is done.  Lookups are by index and
 * hash so that a corpus of many thousand documents stays linear. */
typedef struct scope_tmp {
    qd_arena arena;
    int32_t *row_of;          /* corpus speaker + 1 -> its row in the current outlet, or -1 */
    qd_strmap scare_outlets;  /* scare-quoted key -> outlets of the scope quoting it */
    qd_strmap phrases;        /* scare-quoted words as id bytes -> phrase slot */
    uint32_t n_phrases, max_ids;
    uint32_t **slot_of;       /* per outlet, parallel to its scare quotes: phrase slot or UINT32_MAX */
} scope_tmp;

static qd_frame_speaker *speaker_row(qd_corpus *c, qd_arena *K, qd_frame_outlet *fo, uint32_t *cap, int32_t s, scope_tmp *tmp)
{
    int32_t *slot = &tmp->row_of[s + 1];
    if (*slot >= 0)
        return &fo->speakers[*slot];
    qd_frame_speaker *r = QD_VEC_PUSH(K, fo->speakers, fo->n_speakers, *cap);
    if (!r)
        return NULL;
    *slot = (int32_t)fo->n_speakers - 1;
    r->speaker = s;
    r->side = s >= 0 && c->frame && (uint32_t)s < c->frame->cap_side ? c->frame->side[s] : NULL;
    return r;
}

static int add_verb(qd_arena *K, qd_frame_speaker *r, const char *lemma, qd_stance st)
{
    if (!lemma)
        return 0; /* counted under the stance "none" only */
    for (uint32_t i = 0; i < r->n_verbs; i++)
        if (strcmp(r->verbs[i].lemma, lemma) == 0) {
            r->verbs[i].count++;
            return 0;
        }
    qd_frame_verb *nv = qd_arena_realloc(K, r->verbs, r->n_verbs * sizeof(qd_frame_verb),
                                         (r->n_verbs + 1) * sizeof(qd_frame_verb));
    if (!nv)
        return -1;
    r->verbs = nv;
    nv[r->n_verbs].lemma = lemma;
    nv[r->n_verbs].stance = st;
    nv[r->n_verbs].count = 1;
    r->n_verbs++;
    return 0;
}

static int add_source(qd_arena *K, qd_frame_outlet *fo, uint32_t *cap, const char *name, qd_source_kind k)
{
    for (uint32_t i = 0; i < fo->n_sources; i++)
        if (fo->sources[i].kind == k && strcmp(fo->sources[i].name, name) == 0) {
            fo->sources[i].count++;
            return 0;
        }
    qd_frame_source *s = QD_VEC_PUSH(K, fo->sources, fo->n_sources, *cap);
    if (!s)
        return -1;
    s->name = name;
    s->kind = k;
    s->count = 1;
    return 0;
}

static int cmp_speaker_rows(const void *a, const void *b)
{
    const qd_frame_speaker *x = a, *y = b;
    if (x->statements != y->statements)
        return x->statements > y->statements ? -1 : 1;
    return x->speaker - y->speaker;
}

static int cmp_verbs(const void *a, const void *b)
{
    const qd_frame_verb *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->lemma, y->lemma);
}

static int cmp_sides(const void *a, const void *b)
{
    const qd_frame_side *x = a, *y = b;
    if (x->statements != y->statements)
        return x->statements > y->statements ? -1 : 1;
    return strcmp(x->side, y->side);
}

static int cmp_sources(const void *a, const void *b)
{
    const qd_frame_source *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->name, y->name);
}

static int cmp_scare(const void *a, const void *b)
{
    const qd_frame_scare *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->text, y->text);
}

bool qd_frame_shared_speaker(const qd_comparison *r, int32_t s)
{
    if (s < 0 || (uint32_t)s >= r->n_speakers)
        return false;
    return r->speakers[s].shared;
}

/* Voice, verbs and sources of one outlet's documents. */
static int outlet_statements(qd_corpus *c, qd_arena *K, qd_frame_outlet *fo, const uint32_t *docs, uint32_t nd, scope_tmp *tmp)
{
    const qd_comparison *r = &c->res;
    const qd_lexicon *lx = c->lx;
    uint32_t cap_sp = 0, cap_src = 0;
    for (uint32_t k = 0; k < nd; k++) {
        const qd_cdoc *d = &r->docs[docs[k]];
        const frame_doc *fd = c->frame && docs[k] < c->frame->n_docs ? &c->frame->docs[docs[k]] : NULL;
        if (fd && fd->credit && add_source(K, fo, &cap_src, fd->credit, QD_SOURCE_CREDIT) != 0)
            return -1;
        int32_t first_spk = INT32_MIN;
        uint32_t first_start = UINT32_MAX;
        for (uint32_t i = 0; i < d->n_statements; i++) {
            const qd_cstatement *s = &d->statements[i];
            qd_frame_speaker *row = speaker_row(c, K, fo, &cap_sp, s->speaker, tmp);
            if (!row)
                return -1;
            bool verbatim = s->type != QD_STMT_INDIRECT;
            row->statements++;
            row->verbatim += verbatim;
            row->paraphrased += !verbatim;
            row->quoted_words += qd_quoted_word_count(s->text);
            /* only cues of the lexicons count as verbs: a headline's colon is none */
            const char *cue = s->cue;
            uint32_t known;
            if (cue && !qd_strmap_get(&lx->verb_lemmas, cue, strlen(cue), &known) &&
                !qd_lex_phrase(&lx->cues, cue, strlen(cue), &known))
                cue = NULL;
            qd_stance st = cue ? stance_of(s->stance) : QD_STANCE_NONE;
            row->stance[st]++;
            if (add_verb(K, row, cue, st) != 0)
                return -1;
            fo->statements++;
            if (s->start < first_start && qd_frame_shared_speaker(r, s->speaker)) {
                first_start = s->start;
                first_spk = s->speaker;
            }
        }
        /* sources: what its statements came through (kept when it was added) */
        for (uint32_t i = 0; fd && i < fd->n_src; i++)
            if (add_source(K, fo, &cap_src, fd->src[i].name, fd->src[i].kind) != 0)
                return -1;
        if (first_spk != INT32_MIN) {
            qd_frame_speaker *row = speaker_row(c, K, fo, &cap_sp, first_spk, tmp);
            if (!row)
                return -1;
            row->first++;
        }
    }
    /* the speaker quoted first most often, earliest in the list on ties */
    uint32_t best = 0;
    fo->first_speaker = -1;
    for (uint32_t i = 0; i < fo->n_speakers; i++)
        if (fo->speakers[i].first > best) {
            best = fo->speakers[i].first;
            fo->first_speaker = fo->speakers[i].speaker;
        }
    for (uint32_t i = 0; i < fo->n_speakers; i++)
        tmp->row_of[fo->speakers[i].speaker + 1] = -1;
    if (fo->n_speakers > 1)
        qsort(fo->speakers, fo->n_speakers, sizeof(qd_frame_speaker), cmp_speaker_rows);
    for (uint32_t i = 0; i < fo->n_speakers; i++) {
        qd_frame_speaker *row = &fo->speakers[i];
        if (row->n_verbs > 1)
            qsort(row->verbs, row->n_verbs, sizeof(qd_frame_verb), cmp_verbs);
    }
    if (fo->n_sources > 1)
        qsort(fo->sources, fo->n_sources, sizeof(qd_frame_source), cmp_sources);
    return 0;
}

/* Share of voice per side, once the speakers' sides are settled. */
static int outlet_sides(qd_corpus *c, qd_arena *K, qd_frame_outlet *fo)
{
    uint32_t cap_sides = 0;
    for (uint32_t i = 0; i < fo->n_speakers; i++) {
        qd_frame_speaker *row = &fo->speakers[i];
        if (!qd_frame_shared_speaker(&c->res, row->speaker))
            continue;
        const char *side = row->side ? row->side : "unknown side";
        uint32_t k = 0;
        while (k < fo->n_sides && strcmp(fo->sides[k].side, side) != 0)
            k++;
        if (k == fo->n_sides) {
            qd_frame_side *sd = QD_VEC_PUSH(K, fo->sides, fo->n_sides, cap_sides);
            if (!sd)
                return -1;
            sd->side = side;
        }
        fo->sides[k].statements += row->statements;
        fo->sides[k].quoted_words += row->quoted_words;
        for (int q = QD_STANCE_EMPHATIC; q < QD_STANCE_NONE; q++)
            fo->sides[k].loaded += row->stance[q];
    }
    if (fo->n_sides > 1)
        qsort(fo->sides, fo->n_sides, sizeof(qd_frame_side), cmp_sides);
    return 0;
}

/* Scare quotes and labels of one outlet's documents. */
static int outlet_words(qd_corpus *c, qd_arena *K, qd_frame_outlet *fo, const uint32_t *docs, uint32_t nd, scope_tmp *tmp,
                        uint32_t o)
{
    uint32_t n_slots = 0, cap_slots = 0;
    const qd_lexicon *lx = c->lx;
    struct qd_frame_state *fs = c->frame;
    uint32_t cap_scare = 0;
    qd_strmap seen; /* scare key -> index into fo->scare */
    qd_strmap_init(&seen, &tmp->arena);
    uint32_t *lab = NULL; /* per label: own, scare, quoted */
    for (uint32_t k = 0; k < nd; k++) {
        if (!fs || docs[k] >= fs->n_docs)
            continue;
        const frame_doc *fd = &fs->docs[docs[k]];
        for (uint32_t i = 0; i < fd->n_scare; i++) {
            const char *key = fd->scare[i].key;
            size_t kl = strlen(key);
            uint32_t j;
            if (!qd_strmap_get(&seen, key, kl, &j)) {
                qd_frame_scare *t = QD_VEC_PUSH(K, fo->scare, fo->n_scare, cap_scare);
                j = fo->n_scare - 1;
                if (!t || qd_strmap_put(&seen, key, kl, j) != 0) {
                    free(lab);
                    return -1;
                }
                t->text = fd->scare[i].text;
                t->key = key;
                /* its words, to count where they appear without quotation marks */
                uint32_t *slot = QD_VEC_PUSH(&tmp->arena, tmp->slot_of[o], n_slots, cap_slots);
                if (!slot) {
                    free(lab);
                    return -1;
                }
                *slot = UINT32_MAX;
                const scare_term *st = &fd->scare[i];
                if (st->n_ids) {
                    const char *ik = (const char *)st->ids;
                    size_t il = st->n_ids * sizeof(uint32_t);
                    if (!qd_strmap_get(&tmp->phrases, ik, il, slot)) {
                        *slot = tmp->n_phrases++;
                        if (qd_strmap_put(&tmp->phrases, ik, il, *slot) != 0) {
                            free(lab);
                            return -1;
                        }
                    }
                    if (st->n_ids > tmp->max_ids)
                        tmp->max_ids = st->n_ids;
                }
                /* one more outlet of the scope quotes it */
                uint32_t *n = qd_strmap_ref(&tmp->scare_outlets, key, kl);
                if (n)
                    (*n)++;
                else if (qd_strmap_put(&tmp->scare_outlets, key, kl, 1) != 0) {
                    free(lab);
                    return -1;
                }
            }
            fo->scare[j].count++;
        }
        if (fd->n_hits && !lab && !(lab = calloc((size_t)lx->n_labels * 3 + 1, sizeof(uint32_t))))
            return -1;
        for (uint32_t i = 0; i < fd->n_hits; i++)
            lab[fd->hits[i].label * 3 + fd->hits[i].where]++;
    }
    if (lab) {
        uint32_t n = 0;
        for (uint32_t l = 0; l < lx->n_labels; l++)
            n += lab[l * 3] + lab[l * 3 + 1] + lab[l * 3 + 2] > 0;
        fo->labels = qd_arena_calloc(K, n + 1, sizeof(qd_frame_label));
        if (!fo->labels) {
            free(lab);
            return -1;
        }
        for (uint32_t l = 0; l < lx->n_labels; l++) {
            if (lab[l * 3] + lab[l * 3 + 1] + lab[l * 3 + 2] == 0)
                continue;
            qd_frame_label *x = &fo->labels[fo->n_labels++];
            x->referent = lx->labels[l].referent;
            x->label = lx->labels[l].label;
            x->own = lab[l * 3];
            x->scare = lab[l * 3 + 1];
            x->quoted = lab[l * 3 + 2];
        }
        free(lab);
    }
    return 0;
}

/* Count where each scare-quoted phrase of the scope appears without quotation marks,
 * by outlet: "special military operation" in one outlet's quotes and in another's own
 * words is the same referent framed two ways. */
static int plain_uses(qd_corpus *c, const uint32_t *docs, uint32_t nd, const uint32_t *by, qd_framing *out,
                      scope_tmp *tmp)
{
    struct qd_frame_state *fs = c->frame;
    uint32_t no = out->n_outlets;
    uint32_t *plain = calloc((size_t)tmp->n_phrases * no + 1, sizeof(uint32_t));
    if (!plain)
        return -1;
    /* the first words of the phrases, as bits of their ids folded to a power of two
     * about 32 times the phrases (a Bloom filter of one hash): most words of a text start
     * no phrase, and this says so without hashing the word */
    uint32_t bits = 4096;
    while (bits < (1u << 24) && bits < tmp->n_phrases * 32u)
        bits *= 2;
    uint64_t *first = calloc(bits / 64, sizeof(uint64_t));
    if (!first) {
        free(plain);
        return -1;
    }
    uint32_t mask = bits - 1;
    /* and the phrases' beginnings: a run of words that begins no phrase ends the search
     * there, rather than after the longest phrase's length ("the" starts "the elite",
     * and thousands of other runs of words) */
    qd_strmap begins;
    qd_strmap_init(&begins, &tmp->arena);
    for (uint32_t i = 0; i < tmp->phrases.cap; i++) {
        const qd_strmap_slot *sl = &tmp->phrases.slots[i];
        uint32_t id;
        if (!sl->key || sl->keylen < sizeof(id))
            continue;
        memcpy(&id, sl->key, sizeof(id));
        first[(id & mask) >> 6] |= 1ull << (id & 63);
        for (uint32_t l = sizeof(id); l < sl->keylen; l += sizeof(id))
            if (qd_strmap_put(&begins, sl->key, l, 1) != 0) {
                free(plain);
                free(first);
                return -1;
            }
    }
    uint32_t *ids = NULL, cap_ids = 0; /* a document's stream decoded */
    for (uint32_t k = 0; k < nd; k++) {
        if (!fs || docs[k] >= fs->n_docs)
            continue;
        const frame_doc *fd = &fs->docs[docs[k]];
        if (fd->n_stream > cap_ids) {
            uint32_t *nv = realloc(ids, (size_t)fd->n_stream * sizeof(uint32_t));
            if (!nv) {
                free(ids);
                free(plain);
                free(first);
                return -1;
            }
            ids = nv;
            cap_ids = fd->n_stream;
        }
        const uint8_t *p = fd->stream;
        for (uint32_t i = 0; i < fd->n_stream; i++) {
            uint32_t x = 0;
            for (unsigned sh = 0;; sh += 7) {
                x |= (uint32_t)(*p & 0x7F) << sh;
                if (!(*p++ & 0x80))
                    break;
            }
            ids[i] = x;
        }
        for (uint32_t i = 0; i < fd->n_stream; i++) {
            uint32_t w0 = ids[i];
            if (!(first[(w0 & mask) >> 6] >> (w0 & 63) & 1))
                continue;
            for (uint32_t len = 1; len <= tmp->max_ids && i + len <= fd->n_stream; len++) {
                if (!ids[i + len - 1])
                    break;
                const char *key = (const char *)(ids + i);
                uint32_t slot;
                if (qd_strmap_get(&tmp->phrases, key, len * sizeof(uint32_t), &slot))
                    plain[(size_t)slot * no + by[k]]++;
                if (!qd_strmap_get(&begins, key, len * sizeof(uint32_t), NULL))
                    break;
            }
        }
    }
    for (uint32_t o = 0; o < no; o++) {
        qd_frame_outlet *fo = &out->outlets[o];
        for (uint32_t j = 0; j < fo->n_scare; j++) {
            uint32_t slot = tmp->slot_of[o][j];
            if (slot == UINT32_MAX)
                continue;
            for (uint32_t p = 0; p < no; p++) {
                uint32_t n = plain[(size_t)slot * no + p];
                if (p == o) {
                    fo->scare[j].plain_here = n;
                } else {
                    fo->scare[j].plain_elsewhere += n;
                    fo->scare[j].plain_outlets += n > 0;
                }
            }
        }
    }
    free(plain);
    free(first);
    free(ids);
    return 0;
}

/* The framing of the documents `docs` (any order). */
static int frame_scope(qd_corpus *c, qd_arena *K, struct sb_stemmer *stemmer, const corpus_prior *pr, uint32_t *at,
                       const uint32_t *docs, uint32_t nd, bool whole, int32_t *row_of, qd_framing *out)
{
    const qd_comparison *r = &c->res;
    memset(out, 0, sizeof(*out));
    uint32_t *by = malloc((nd + 1) * sizeof(uint32_t));
    const char **names = malloc((nd + 1) * sizeof(char *));
    uint32_t *cnt = calloc(nd + 1, sizeof(uint32_t));
    tcount *all = NULL, **owns = NULL;
    uint32_t *mine = NULL, *n_owns = NULL, no = 0, n_all = 0;
    doc_sizes *s_os = NULL, s_all;
    int rc = -1;
    scope_tmp tmp;
    qd_arena_init(&tmp.arena);
    qd_strmap_init(&tmp.scare_outlets, &tmp.arena);
    qd_strmap_init(&tmp.phrases, &tmp.arena);
    tmp.n_phrases = tmp.max_ids = 0;
    tmp.row_of = row_of; /* all -1, and left so */
    if (!by || !names || !cnt)
        goto done;
    /* outlets in first-seen order, and each document's outlet */
    for (uint32_t k = 0; k < nd; k++) {
        const char *o = outlet_name(&r->docs[docs[k]]);
        uint32_t j = 0;
        while (j < no && strcmp(names[j], o) != 0)
            j++;
        if (j == no)
            names[no++] = o;
        by[k] = j;
        cnt[j]++;
    }
    out->outlets = qd_arena_calloc(K, no + 1, sizeof(qd_frame_outlet));
    tmp.slot_of = qd_arena_calloc(&tmp.arena, no + 1, sizeof(uint32_t *));
    if (!out->outlets || !tmp.slot_of)
        goto done;
    out->n_outlets = no;
    /* the whole corpus: its counts are the prior's */
    if (whole) {
        all = pr->counts;
        n_all = pr->n;
        s_all = pr->sz;
    } else if (!(all = stem_counts(c, at, docs, nd, &n_all, &s_all)))
        goto done;
    mine = malloc((nd + 1) * sizeof(uint32_t));
    owns = calloc(no + 1, sizeof(tcount *));
    n_owns = calloc(no + 1, sizeof(uint32_t));
    s_os = calloc(no + 1, sizeof(doc_sizes));
    if (!mine || !owns || !n_owns || !s_os)
        goto done;
    for (uint32_t o = 0; o < no; o++) {
        qd_frame_outlet *fo = &out->outlets[o];
        uint32_t m = 0;
        for (uint32_t k = 0; k < nd; k++)
            if (by[k] == o)
                mine[m++] = docs[k];
        fo->outlet = names[o];
        fo->documents = m;
        if (outlet_statements(c, K, fo, mine, m, &tmp) != 0 || outlet_words(c, K, fo, mine, m, &tmp, o) != 0)
            goto done;
        if (!(owns[o] = stem_counts(c, at, mine, m, &n_owns[o], &s_os[o])))
            goto done;
        if (distinctive(c, K, stemmer, pr, owns[o], n_owns[o], &s_os[o], all, n_all, &s_all, fo) != 0)
            goto done;
    }
    /* Sides are countries, unless one country has nearly all the statements whose
     * side is known: then its parties are the sides (a US election story is told
     * between the parties, with a foreign leader now and then). */
    {
        const char *sides[16];
        uint32_t counts[16], nsd = 0, known = 0, top = 0;
        for (uint32_t o = 0; o < no; o++)
            for (uint32_t i = 0; i < out->outlets[o].n_speakers; i++) {
                const qd_frame_speaker *sp = &out->outlets[o].speakers[i];
                if (!sp->side || !qd_frame_shared_speaker(r, sp->speaker))
                    continue;
                uint32_t k = 0;
                while (k < nsd && strcmp(sides[k], sp->side) != 0)
                    k++;
                if (k == nsd && nsd < 16) {
                    sides[nsd] = sp->side;
                    counts[nsd++] = 0;
                }
                if (k < nsd)
                    counts[k] += sp->statements;
                known += sp->statements;
            }
        for (uint32_t k = 0; k < nsd; k++)
            if (counts[k] > top)
                top = counts[k];
        bool several = known && (double)top < QD_FRAME_ONE_COUNTRY * known;
        for (uint32_t o = 0; o < no; o++) {
            qd_frame_outlet *fo = &out->outlets[o];
            for (uint32_t i = 0; i < fo->n_speakers && !several; i++) {
                int32_t s = fo->speakers[i].speaker;
                if (s >= 0 && c->frame && (uint32_t)s < c->frame->cap_side && c->frame->party[s])
                    fo->speakers[i].side = c->frame->party[s];
            }
            if (outlet_sides(c, K, fo) != 0)
                goto done;
        }
    }
    /* the scare-quoted words written plainly, in each outlet's own voice */
    if (tmp.n_phrases && plain_uses(c, docs, nd, by, out, &tmp) != 0)
        goto done;
    /* how many outlets scare-quote each term */
    for (uint32_t o = 0; o < no; o++) {
        qd_frame_outlet *fo = &out->outlets[o];
        for (uint32_t i = 0; i < fo->n_scare; i++)
            if (!qd_strmap_get(&tmp.scare_outlets, fo->scare[i].key, strlen(fo->scare[i].key), &fo->scare[i].outlets))
                fo->scare[i].outlets = 1;
        if (fo->n_scare > 1)
            qsort(fo->scare, fo->n_scare, sizeof(qd_frame_scare), cmp_scare);
    }
    /* referents named with more than one label in the scope */
    const qd_lexicon *lx = c->lx;
    for (uint32_t l = 0; l < lx->n_labels; l++) {
        const char *ref = lx->labels[l].referent;
        bool seen_before = false;
        for (uint32_t i = 0; i < out->n_contested && !seen_before; i++)
            seen_before = strcmp(out->contested[i], ref) == 0;
        if (seen_before)
            continue;
        const char *first = NULL;
        bool contested = false;
        for (uint32_t o = 0; o < no && !contested; o++)
            for (uint32_t i = 0; i < out->outlets[o].n_labels; i++) {
                const qd_frame_label *x = &out->outlets[o].labels[i];
                if (strcmp(x->referent, ref) != 0)
                    continue;
                if (!first)
                    first = x->label;
                else if (strcmp(first, x->label) != 0)
                    contested = true;
            }
        if (!contested)
            continue;
        const char **nv = qd_arena_realloc(K, out->contested, out->n_contested * sizeof(char *),
                                           (out->n_contested + 1) * sizeof(char *));
        if (!nv)
            goto done;
        nv[out->n_contested++] = ref;
        out->contested = nv;
    }
    rc = 0;
done:
    free(by);
    free(names);
    free(cnt);
    if (!whole)
        free(all);
    free(mine);
    for (uint32_t o = 0; owns && o < no; o++)
        free(owns[o]);
    free(owns);
    free(n_owns);
    free(s_os);
    qd_arena_release(&tmp.arena);
    return rc;
}

/* The scopes are independent of each other: task 0 is the corpus, then each thread,
 * then each event (the big ones first, so that no worker is left with one at the end).
 * Each worker slot has its own scratch (term positions, speaker rows, a thread's
 * documents) and its own arena for what the scopes keep, which the corpus adopts once
 * all are done; each scope writes only its own qd_framing. */
typedef struct frame_slot {
    qd_arena keep;
    uint32_t *at;      /* stem_counts' scratch: per term id, UINT32_MAX, and left so */
    int32_t *row_of;   /* per corpus speaker + 1: -1, and left so */
    uint32_t *docs;    /* a thread's documents */
    struct sb_stemmer *stemmer; /* a stemmer keeps its last word: one per thread */
    int rc;
} frame_slot;

typedef struct frame_run {
    qd_corpus *c;
    const corpus_prior *pr;
    const uint32_t *all_docs; /* 0 .. n_docs - 1 */
    frame_slot *slots;
} frame_run;

static void frame_task(void *ctx, size_t task, unsigned worker)
{
    frame_run *fr = ctx;
    qd_corpus *c = fr->c;
    const qd_comparison *r = &c->res;
    qd_framing_set *set = &c->frame->set;
    frame_slot *sl = &fr->slots[worker];
    if (sl->rc)
        return;
    if (task == 0) {
        sl->rc = frame_scope(c, &sl->keep, sl->stemmer, fr->pr, sl->at, fr->all_docs, r->n_docs, true, sl->row_of,
                             &set->corpus);
    } else if (task <= r->n_threads) {
        const qd_thread *t = &r->threads[task - 1];
        uint32_t nd = 0;
        for (uint32_t i = 0; i < t->n_events; i++) {
            const qd_event *e = &r->events[t->events[i]];
            memcpy(sl->docs + nd, e->docs, e->n_docs * sizeof(uint32_t));
            nd += e->n_docs;
        }
        sl->rc = frame_scope(c, &sl->keep, sl->stemmer, fr->pr, sl->at, sl->docs, nd, false, sl->row_of,
                             &set->threads[task - 1]);
    } else {
        const qd_event *e = &r->events[task - 1 - r->n_threads];
        sl->rc = frame_scope(c, &sl->keep, sl->stemmer, fr->pr, sl->at, e->docs, e->n_docs, false, sl->row_of,
                             &set->events[task - 1 - r->n_threads]);
    }
}

int qd_frame_compute(qd_corpus *c, qd_error *err)
{
    qd_comparison *r = &c->res;
    if (frame_state(c) != 0)
        return qd_error_set(err, QD_ENOMEM, "framing: out of memory");
    if (grow_sides(c, c->frame) != 0)
        return qd_error_set(err, QD_ENOMEM, "framing: out of memory");
    settle_sides(c->frame, r->n_speakers);
    struct qd_frame_state *fs = c->frame;
    if (grow_sides(c, fs) != 0)
        return qd_error_set(err, QD_ENOMEM, "framing: out of memory");
    qd_framing_set *set = &fs->set;
    set->prior_total = QD_FRAME_PRIOR_TOTAL;
    set->z_threshold = QD_FRAME_Z;
    set->fdr = QD_FRAME_FDR;
    set->events = qd_arena_calloc(&c->arena, r->n_events + 1, sizeof(qd_framing));
    set->threads = qd_arena_calloc(&c->arena, r->n_threads + 1, sizeof(qd_framing));
    unsigned nw = qd_tasks_workers(c->opt.tasks);
    frame_slot *slots = calloc(nw, sizeof(frame_slot));
    uint32_t *docs = malloc((r->n_docs + 1) * sizeof(uint32_t));
    corpus_prior pr = {0};
    int rc = -1;
    if (!set->events || !set->threads || !docs || !slots)
        goto done;
    for (uint32_t d = 0; d < r->n_docs; d++)
        docs[d] = d;
    for (unsigned k = 0; k < nw; k++) {
        frame_slot *sl = &slots[k];
        sl->at = malloc(((size_t)c->n_dict + 1) * sizeof(uint32_t));
        sl->row_of = malloc((r->n_speakers + 2) * sizeof(int32_t));
        sl->docs = malloc((r->n_docs + 1) * sizeof(uint32_t));
        /* the calling thread (slot 0) uses the corpus's own */
        sl->stemmer = k ? sb_stemmer_new("english", "UTF_8") : c->stemmer;
        if (!sl->at || !sl->row_of || !sl->docs || !sl->stemmer)
            goto done;
        memset(sl->at, 0xFF, ((size_t)c->n_dict + 1) * sizeof(uint32_t));
        for (uint32_t i = 0; i < r->n_speakers + 2; i++)
            sl->row_of[i] = -1;
    }
    /* the prior: term frequencies of the whole corpus */
    pr.at = slots[0].at;
    pr.counts = stem_counts(c, pr.at, docs, r->n_docs, &pr.n, &pr.sz);
    if (!pr.counts)
        goto done;
    frame_run fr = {c, &pr, docs, slots};
    qd_tasks_run(c->opt.tasks, 1 + (size_t)r->n_threads + r->n_events, frame_task, &fr);
    rc = 0;
    for (unsigned k = 0; k < nw; k++) {
        rc |= slots[k].rc;
        qd_arena_adopt(&c->arena, &slots[k].keep);
    }
    if (!rc)
        r->framing = set;
done:
    for (unsigned k = 0; slots && k < nw; k++) {
        free(slots[k].at);
        free(slots[k].row_of);
        free(slots[k].docs);
        if (k && slots[k].stemmer)
            sb_stemmer_delete(slots[k].stemmer);
        qd_arena_release(&slots[k].keep);
    }
    free(slots);
    free(docs);
    free(pr.counts);
    return rc ? qd_error_set(err, QD_ENOMEM, "framing: out of memory") : 0;
}
