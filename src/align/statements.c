/*
 * statements.c - statements of different documents of an event lined up.
 *
 * Two statements are compared on their words once case, quotation marks, punctuation
 * and spelling variants are folded ("Sergey"/"Sergei"):
 *   identical       the same bytes
 *   normalized      the same words
 *   near-verbatim   most words in the same order (longest common subsequence >= 75%),
 *                   some of them changed
 *   fragment        the shorter one is all, or nearly all, inside the longer one: a cut
 *   paraphrase      a report and a quote (or two reports) of the same speaker sharing most
 *                   of their content-word stems, three at least
 * Candidate pairs come from an index of content stems, so an event's statements are not
 * compared all against all.  Linked statements form groups; each group is shown against
 * its reference (its longest direct quote) with a word-level diff per member, and is
 * flagged when its members are credited to different speakers or reached the reader
 * through different go-betweens.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus.h"
#include "../util/tasks.h"

#define MAX_LCS 600 /* words; longer statements are compared by their stems only */

typedef struct sref {
    uint32_t doc, stmt;
} sref;

static const qd_sfeat *sf_of(const qd_corpus *c, sref s)
{
    return &c->feat[s.doc].stmts[s.stmt];
}

static const qd_cstatement *cs_of(const qd_corpus *c, sref s)
{
    return &c->res.docs[s.doc].statements[s.stmt];
}

/* Word keys without punctuation-only words. */
static uint32_t keys_of(const qd_sfeat *f, uint32_t *out, uint32_t cap)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < f->n_words && n < cap; i++)
        if (f->keys[i])
            out[n++] = f->keys[i];
    return n;
}

/* Length of the longest common subsequence of two key arrays (two-row DP). */
static uint32_t lcs_len(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb, uint32_t *row0, uint32_t *row1)
{
    memset(row0, 0, (nb + 1) * sizeof(uint32_t));
    for (uint32_t i = 1; i <= na; i++) {
        row1[0] = 0;
        for (uint32_t j = 1; j <= nb; j++) {
            if (a[i - 1] == b[j - 1])
                row1[j] = row0[j - 1] + 1;
            else
                row1[j] = row0[j] > row1[j - 1] ? row0[j] : row1[j - 1];
        }
        uint32_t *t = row0;
        row0 = row1;
        row1 = t;
    }
    return row0[nb];
}

static float dice(const qd_sfeat *a, const qd_sfeat *b, uint32_t *shared)
{
    *shared = 0;
    if (!a->n_stems || !b->n_stems)
        return 0;
    uint32_t i = 0, j = 0, n = 0;
    while (i < a->n_stems && j < b->n_stems) {
        if (a->stems[i] == b->stems[j]) {
            n++;
            i++;
            j++;
        } else if (a->stems[i] < b->stems[j])
            i++;
        else
            j++;
    }
    *shared = n;
    return 2.0f * (float)n / (float)(a->n_stems + b->n_stems);
}

/* What one worker slot aligns with (see qd_match_statements). */
typedef struct work {
    uint32_t *ka, *kb, *row0, *row1;
    qd_arena tmp;  /* what aligning one event or thread needs, released after it */
    qd_arena keep; /* the groups it makes, until the corpus adopts them */
    /* Set only for a big set aligned alone on the calling thread: its linking is split
     * over the caller's threads, each using its slot's scratch. */
    const qd_task_runner *tasks;
    struct work *slots;
} work;

/* The groups a task made, numbered from 0 (statements' `group` too) until they are
 * appended to the corpus's in task order.  The vector is malloc'd and freed once merged
 * (gsinks_free): grown in the `keep` arena, it and its outgrown copies stayed in the
 * corpus arena as dead memory.  The groups' members stay in `keep`. */
typedef struct gsink {
    qd_group *v;
    uint32_t n, cap;
    int rc;
} gsink;

/* One more group in the sink, zeroed; NULL when out of memory. */
static qd_group *gsink_push(gsink *o)
{
    return QD_GROW_PUSH(o->v, o->n, o->cap);
}

static void gsinks_free(gsink *out, size_t n)
{
    for (size_t t = 0; t < n; t++) {
        free(out[t].v);
        out[t].v = NULL;
        out[t].n = out[t].cap = 0;
    }
}

/* Kind and score of the alignment of b with a; false when they do not align. */
static bool classify(const qd_corpus *c, sref ra, sref rb, work *w, qd_align_kind *kind, float *score)
{
    const qd_cstatement *a = cs_of(c, ra), *b = cs_of(c, rb);
    const qd_sfeat *fa = sf_of(c, ra), *fb = sf_of(c, rb);
    if (!strcmp(a->text, b->text)) {
        *kind = QD_ALIGN_IDENTICAL;
        *score = 1;
        return true;
    }
    uint32_t na = keys_of(fa, w->ka, MAX_LCS), nb = keys_of(fb, w->kb, MAX_LCS);
    if (na == nb && na > 0 && !memcmp(w->ka, w->kb, na * sizeof(uint32_t))) {
        *kind = QD_ALIGN_NORMALIZED;
        *score = 1;
        return true;
    }
    uint32_t mn = na < nb ? na : nb, mx = na < nb ? nb : na;
    if (mn >= 3 && fa->n_words <= MAX_LCS && fb->n_words <= MAX_LCS) {
        uint32_t l = lcs_len(w->ka, na, w->kb, nb, w->row0, w->row1);
        float near = 2.0f * (float)l / (float)(na + nb);
        float cont = (float)l / (float)mn;
        if (near >= 0.75f) {
            /* every word of the shorter one, in order, inside the longer one: a cut, not
             * a rewording, however little was cut ("So far, I cannot believe ..." quoted
             * as "I cannot believe ...") */
            bool cut = l == mn && mn < mx;
            *kind = cut ? QD_ALIGN_FRAGMENT : QD_ALIGN_NEAR;
            *score = cut ? cont : near;
            return true;
        }
        if (cont >= 0.8f && (float)mn / (float)mx < 0.75f && (fa->direct || fb->direct)) {
            *kind = QD_ALIGN_FRAGMENT;
            *score = cont;
            return true;
        }
    }
    /* a report matching a quote: same speaker, most content words in common, and at
     * least three of them (two short statements sharing a name are not one statement) */
    uint32_t shared = 0;
    float d = dice(fa, fb, &shared);
    bool reported = a->type == QD_STMT_INDIRECT || b->type == QD_STMT_INDIRECT || a->type == QD_STMT_MIXED ||
                    b->type == QD_STMT_MIXED;
    bool same_speaker = a->speaker >= 0 && a->speaker == b->speaker;
    if (reported && same_speaker && d >= 0.5f && shared >= 3) {
        *kind = QD_ALIGN_PARAPHRASE;
        *score = d;
        return true;
    }
    return false;
}

/* The first n white-space words of a statement's text (as qd_sfeat counts them): where
 * each starts and how long it is.  Worked out when a diff is made rather than kept for
 * every statement of the corpus. */
static void split_words(const char *text, uint32_t n, uint32_t *at, uint32_t *len)
{
    size_t i = 0;
    for (uint32_t w = 0; w < n; w++) {
        while (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')
            i++;
        size_t j = i;
        while (text[j] && text[j] != ' ' && text[j] != '\n' && text[j] != '\t')
            j++;
        at[w] = (uint32_t)i;
        len[w] = (uint32_t)(j - i);
        i = j;
    }
}

/* Word-level diff of b against a: runs of kept, removed and added words, into `out`
 * (malloc'd, see qd_member_diff).  Only reads the corpus, so reports may make diffs on
 * any thread. */
static int make_diff(const qd_corpus *c, sref ra, sref rb, qd_diff_list *out)
{
    const qd_sfeat *fa = sf_of(c, ra), *fb = sf_of(c, rb);
    const char *ta = cs_of(c, ra)->text, *tb = cs_of(c, rb)->text;
    uint32_t na = fa->n_words < MAX_LCS ? fa->n_words : MAX_LCS;
    uint32_t nb = fb->n_words < MAX_LCS ? fb->n_words : MAX_LCS;
    /* full LCS table on word keys (punctuation-only words compare by spelling) */
    size_t cells = (size_t)(na + 1) * (nb + 1);
    uint16_t *t = malloc(cells * sizeof(uint16_t));
    uint32_t *wa = malloc(2 * ((size_t)na + nb + 1) * sizeof(uint32_t));
    /* every word goes into one run, once, followed by a space or the run's NUL: the
     * runs' text fits in the words' bytes plus one per word */
    size_t text_cap = strlen(ta) + strlen(tb) + na + nb + 1;
    out->ops = malloc(((size_t)na + nb + 1) * sizeof(qd_diff));
    out->n = 0;
    out->text = malloc(text_cap);
    if (!t || !wa || !out->ops || !out->text) {
        free(t);
        free(wa);
        return QD_ENOMEM;
    }
    uint32_t *la = wa + na, *wb = la + na, *lb = wb + nb;
    split_words(ta, na, wa, la);
    split_words(tb, nb, wb, lb);
#define T(i, j) t[(size_t)(i) * (nb + 1) + (j)]
    for (uint32_t i = na + 1; i-- > 0;)
        for (uint32_t j = nb + 1; j-- > 0;) {
            if (i == na || j == nb)
                T(i, j) = 0;
            else if (fa->keys[i] && fa->keys[i] == fb->keys[j])
                T(i, j) = (uint16_t)(T(i + 1, j + 1) + 1);
            else
                T(i, j) = T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) : T(i, j + 1);
        }
    /* runs are written one after another into out->text, each NUL-terminated; `run` is
     * where the current one starts */
    char *buf = out->text;
    size_t run = 0, at = 0;
    uint32_t i = 0, j = 0;
    qd_diff_op cur = QD_DIFF_SAME;
    bool open = false;
    while (i < na || j < nb) {
        qd_diff_op op;
        const char *word;
        size_t wl;
        if (i < na && j < nb && fa->keys[i] && fa->keys[i] == fb->keys[j]) {
            op = QD_DIFF_SAME;
            word = tb + wb[j];
            wl = lb[j];
            i++;
            j++;
        } else if (j < nb && (i == na || T(i, j + 1) >= T(i + 1, j))) {
            op = QD_DIFF_INS;
            word = tb + wb[j];
            wl = lb[j++];
        } else {
            op = QD_DIFF_DEL;
            word = ta + wa[i];
            wl = la[i++];
        }
        if (open && op != cur) {
            buf[at++] = '\0';
            out->ops[out->n++] = (qd_diff){cur, buf + run};
            run = at;
        } else if (open && at > run) {
            buf[at++] = ' ';
        }
        open = true;
        cur = op;
        memcpy(buf + at, word, wl);
        at += wl;
    }
    if (open && at > run) {
        buf[at++] = '\0';
        out->ops[out->n++] = (qd_diff){cur, buf + run};
    }
#undef T
    free(t);
    free(wa);
    return 0;
}

int qd_member_diff(const qd_corpus *c, const qd_group *g, uint32_t k, qd_diff_list *out, qd_error *err)
{
    memset(out, 0, sizeof(*out));
    if (k == 0 || k >= g->n_members || g->members[k].kind == QD_ALIGN_IDENTICAL)
        return 0;
    const qd_member *ref = &g->members[0], *m = &g->members[k];
    if (make_diff(c, (sref){ref->doc, ref->stmt}, (sref){m->doc, m->stmt}, out) != 0) {
        qd_diff_list_free(out);
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory making a diff", c->res.docs[m->doc].path);
    }
    return 0;
}

void qd_diff_list_free(qd_diff_list *d)
{
    if (!d)
        return;
    free(d->ops);
    free(d->text);
    memset(d, 0, sizeof(*d));
}

static int find(int *parent, int x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static bool same_names(const qd_cstatement *a, const qd_cstatement *b)
{
    if (a->n_intermediaries != b->n_intermediaries)
        return false;
    for (uint32_t i = 0; i < a->n_intermediaries; i++) {
        bool found = false;
        for (uint32_t j = 0; j < b->n_intermediaries; j++)
            if (!strcasecmp(a->intermediaries[i], b->intermediaries[j]))
                found = true;
        if (!found)
            return false;
    }
    return true;
}

/* Statements worth aligning: quotes and reports, not the writer's asides. */
static bool alignable(const qd_cstatement *s)
{
    return s->words >= 3;
}

/* Align a set of statements: within one event (event >= 0), or across the events of a
 * thread (event < 0: only quotes, only pairs from different events, and no paraphrase,
 * since reports of different days resemble each other without being the same words). */
static int align_set(qd_corpus *c, sref *s, uint32_t ns, int32_t ei, int32_t thread, work *w, gsink *out);

/* At most this many candidates of a statement are compared word by word: the ones
 * sharing the most stems.  A quote repeated in hundreds of articles still costs a
 * bounded number of comparisons per statement. */
#define MAX_CANDIDATES 64
#define MAX_POSTINGS 1024

static int align_event(qd_corpus *c, uint32_t ei, work *w, gsink *out)
{
    qd_comparison *r = &c->res;
    qd_arena *A = &w->tmp;
    const qd_event *e = &r->events[ei];
    if (e->n_docs < 2)
        return 0;
    /* the event's statements */
    sref *s = NULL;
    uint32_t ns = 0, cap = 0;
    for (uint32_t k = 0; k < e->n_docs; k++) {
        const qd_cdoc *d = &r->docs[e->docs[k]];
        for (uint32_t i = 0; i < d->n_statements; i++) {
            if (!alignable(&d->statements[i]))
                continue;
            sref *x = QD_VEC_PUSH(A, s, ns, cap);
            if (!x)
                return QD_ENOMEM;
            x->doc = e->docs[k];
            x->stmt = i;
        }
    }
    return align_set(c, s, ns, (int32_t)ei, e->thread, w, out);
}

static int align_thread(qd_corpus *c, uint32_t ti, work *w, gsink *out)
{
    qd_comparison *r = &c->res;
    qd_arena *A = &w->tmp;
    const qd_thread *t = &r->threads[ti];
    if (t->n_events < 2)
        return 0;
    sref *s = NULL;
    uint32_t ns = 0, cap = 0;
    for (uint32_t k = 0; k < t->n_events; k++) {
        const qd_event *e = &r->events[t->events[k]];
        for (uint32_t q = 0; q < e->n_docs; q++) {
            const qd_cdoc *d = &r->docs[e->docs[q]];
            for (uint32_t i = 0; i < d->n_statements; i++) {
                const qd_cstatement *st = &d->statements[i];
                if (!alignable(st) || st->group >= 0 || !c->feat[e->docs[q]].stmts[i].direct || st->words < 5)
                    continue;
                sref *x = QD_VEC_PUSH(A, s, ns, cap);
                if (!x)
                    return QD_ENOMEM;
                x->doc = e->docs[q];
                x->stmt = i;
            }
        }
    }
    return align_set(c, s, ns, -1, (int32_t)ti, w, out);
}

typedef struct kpair {
    uint64_t key;
    uint32_t stmt;
} kpair;

static int cmp_kpair(const void *a, const void *b)
{
    const kpair *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->stmt < y->stmt ? -1 : x->stmt > y->stmt;
}

/* Index of the first pair with this key (np if none). */
static size_t first_pair(const kpair *p, size_t np, uint64_t key)
{
    size_t lo = 0, hi = np;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* What linking a set's statements reads: the set, each statement's candidate keys,
 * and the (key, statement) index over them. */
typedef struct linkset {
    const qd_corpus *c;
    const sref *s;
    uint32_t ns;
    bool across;
    uint64_t *const *kv;
    const uint32_t *kn;
    const kpair *pairs;
    size_t np;
} linkset;

typedef struct edge {
    uint32_t i, j;
} edge;

typedef struct edge_list {
    qd_arena arena;
    edge *v;
    uint32_t n, cap;
} edge_list;

/* Link statements from..to-1 of a set with the candidates that align with them, in
 * `parent` (union-find over the set); each link is also appended to `edges` when given.
 * shared, mark and cand are scratch of ns entries each, mark zeroed.  Returns the
 * number of links, -1 when out of memory. */
static long link_range(const linkset *L, uint32_t from, uint32_t to, int *parent, uint32_t *shared, uint32_t *mark,
                       uint32_t *cand, work *w, edge_list *edges)
{
    const qd_comparison *r = &L->c->res;
    const sref *s = L->s;
    uint32_t ns = L->ns;
    bool across = L->across;
    uint64_t *const *kv = L->kv;
    const uint32_t *kn = L->kn;
    const kpair *pairs = L->pairs;
    size_t np = L->np;
    long links = 0;
    for (uint32_t i = from; i < to; i++) {
        uint32_t nc = 0;
        for (uint32_t k = 0; k < kn[i]; k++) {
            size_t lo = first_pair(pairs, np, kv[i][k]), hi = lo;
            while (hi < np && pairs[hi].key == kv[i][k])
                hi++;
            uint32_t pn = (uint32_t)(hi - lo);
            /* a stem in most statements of the event says little, and neither does one
             * in thousands of them (a thread of a year of news): reading its list for
             * every statement holding it would make the set quadratic */
            if ((pn > 64 && pn * 2 > ns) || pn > MAX_POSTINGS)
                continue;
            for (size_t q = lo; q < hi; q++) {
                uint32_t j = pairs[q].stmt;
                if (j <= i || s[j].doc == s[i].doc)
                    continue;
                if (across && r->docs[s[j].doc].event == r->docs[s[i].doc].event)
                    continue;
                if (mark[j] != i + 1) {
                    mark[j] = i + 1;
                    shared[j] = 0;
                    cand[nc++] = j;
                }
                shared[j]++;
            }
        }
        /* worth a word-by-word look: enough shared stems; at most the best few */
        uint32_t keep_n = 0;
        for (uint32_t q = 0; q < nc; q++) {
            uint32_t j = cand[q];
            uint32_t mn = kn[i] < kn[j] ? kn[i] : kn[j];
            /* within an event two shared stems (one for the shortest); across events
             * one shared 5-gram */
            if (shared[j] < 2 && !((across || mn <= 2) && shared[j] >= 1))
                continue;
            cand[keep_n++] = j;
        }
        nc = keep_n;
        if (nc > MAX_CANDIDATES) {
            /* most shared stems first, then input order (a stable selection) */
            for (uint32_t a = 0; a < MAX_CANDIDATES; a++) {
                uint32_t best = a;
                for (uint32_t b = a + 1; b < nc; b++)
                    if (shared[cand[b]] > shared[cand[best]] ||
                        (shared[cand[b]] == shared[cand[best]] && cand[b] < cand[best]))
                        best = b;
                uint32_t t = cand[a];
                cand[a] = cand[best];
                cand[best] = t;
            }
            nc = MAX_CANDIDATES;
        }
        for (uint32_t q = 0; q < nc; q++) {
            uint32_t j = cand[q];
            qd_align_kind kind;
            float score;
            /* already in one set through other links: comparing them again could only
             * link what is linked (a quote in hundreds of articles is compared about
             * once per article, not once per pair) */
            if (find(parent, (int)i) == find(parent, (int)j))
                continue;
            if (classify(L->c, s[i], s[j], w, &kind, &score) && !(across && kind == QD_ALIGN_PARAPHRASE)) {
                parent[find(parent, (int)j)] = find(parent, (int)i);
                links++;
                if (edges) {
                    edge *e = QD_VEC_PUSH(&edges->arena, edges->v, edges->n, edges->cap);
                    if (!e)
                        return -1;
                    e->i = i;
                    e->j = j;
                }
            }
        }
    }
    return links;
}

/* A big set (the one thread of thousands of articles) is linked in ranges of its
 * statements on the caller's threads.  Each range links into a union-find of its own,
 * skipping candidates its own links have joined already, and lists its links in the
 * order it made them; the lists are then replayed into the set's union-find in range
 * order.  That gives the very sets, and the very roots, of linking the statements one
 * after another: a candidate skipped there was joined by earlier links, which the
 * replay has made by then (a range's own links are a subset of them), so the links
 * listed in addition join nothing; and no link made there is skipped by a range. */
#ifndef PARALLEL_LINK
#define PARALLEL_LINK 4096 /* statements; smaller sets are linked in one piece */
#endif
#define LINK_CHUNKS 16     /* ranges per worker */

typedef struct link_chunk {
    uint32_t lo, hi;
    edge_list e;
    int rc;
} link_chunk;

typedef struct link_run {
    const linkset *L;
    work *slots;
    link_chunk *ch;
} link_run;

static void link_task(void *ctx, size_t t, unsigned worker)
{
    link_run *lr = ctx;
    link_chunk *k = &lr->ch[t];
    uint32_t ns = lr->L->ns;
    int *parent = malloc(ns * sizeof(int));
    uint32_t *shared = malloc(ns * sizeof(uint32_t));
    uint32_t *mark = calloc(ns, sizeof(uint32_t));
    uint32_t *cand = malloc(ns * sizeof(uint32_t));
    if (!parent || !shared || !mark || !cand) {
        k->rc = QD_ENOMEM;
    } else {
        for (uint32_t i = 0; i < ns; i++)
            parent[i] = (int)i;
        if (link_range(lr->L, k->lo, k->hi, parent, shared, mark, cand, &lr->slots[worker], &k->e) < 0)
            k->rc = QD_ENOMEM;
    }
    free(parent);
    free(shared);
    free(mark);
    free(cand);
}

static int link_parallel(const linkset *L, int *parent, work *w, bool *linked_any)
{
    size_t n_ch = (size_t)qd_tasks_workers(w->tasks) * LINK_CHUNKS;
    link_chunk *ch = calloc(n_ch, sizeof(link_chunk));
    if (!ch)
        return QD_ENOMEM;
    uint32_t step = (uint32_t)((L->ns + n_ch - 1) / n_ch);
    for (size_t t = 0; t < n_ch; t++) {
        uint64_t lo = (uint64_t)t * step, hi = lo + step;
        ch[t].lo = lo < L->ns ? (uint32_t)lo : L->ns;
        ch[t].hi = hi < L->ns ? (uint32_t)hi : L->ns;
    }
    link_run lr = {L, w->slots, ch};
    qd_tasks_run(w->tasks, n_ch, link_task, &lr);
    int rc = 0;
    *linked_any = false;
    for (size_t t = 0; t < n_ch; t++) {
        if (ch[t].rc)
            rc = ch[t].rc;
        for (uint32_t k = 0; k < ch[t].e.n && !rc; k++) {
            const edge *e = &ch[t].e.v[k];
            parent[find(parent, (int)e->j)] = find(parent, (int)e->i);
            *linked_any = true;
        }
        qd_arena_release(&ch[t].e.arena);
    }
    free(ch);
    return rc;
}

static int align_set(qd_corpus *c, sref *s, uint32_t ns, int32_t ei, int32_t thread, work *w, gsink *out)
{
    qd_comparison *r = &c->res;
    qd_arena *A = &w->tmp;     /* temporaries */
    qd_arena *keep = &w->keep; /* the groups */
    bool across = ei < 0;
    if (ns < 2)
        return 0;
    /* Candidate keys of each statement: its content stems within an event; across the
     * events of a thread (quotes repeated weeks apart, near-verbatim or cut) its word
     * 5-grams, which stay rare however large the thread grows. */
    uint64_t **kv = qd_arena_alloc(A, ns * sizeof(uint64_t *));
    uint32_t *kn = qd_arena_calloc(A, ns, sizeof(uint32_t));
    if (!kv || !kn)
        return QD_ENOMEM;
    for (uint32_t i = 0; i < ns; i++) {
        const qd_sfeat *f = sf_of(c, s[i]);
        uint32_t cap = across ? f->n_words : f->n_stems;
        kv[i] = qd_arena_alloc(A, (cap + 1) * sizeof(uint64_t));
        if (!kv[i])
            return QD_ENOMEM;
        if (!across) {
            for (uint32_t k = 0; k < f->n_stems; k++)
                kv[i][kn[i]++] = f->stems[k];
            continue;
        }
        uint32_t win[5], nw = 0;
        for (uint32_t k = 0; k < f->n_words; k++) {
            if (!f->keys[k])
                continue;
            if (nw == 5)
                memmove(win, win + 1, 4 * sizeof(uint32_t)), nw = 4;
            win[nw++] = f->keys[k];
            if (nw < 5)
                continue;
            uint64_t h = 1469598103934665603ull;
            for (uint32_t q = 0; q < 5; q++) {
                h ^= win[q];
                h *= 1099511628211ull;
            }
            bool dup = false;
            for (uint32_t q = 0; q < kn[i] && !dup; q++)
                dup = kv[i][q] == h;
            if (!dup)
                kv[i][kn[i]++] = h;
        }
    }
    /* key -> statements index: the (key, statement) pairs sorted, each key's statements a
     * run of them in statement order */
    uint64_t total = 0;
    for (uint32_t i = 0; i < ns; i++)
        total += kn[i];
    kpair *pairs = qd_arena_alloc(A, (size_t)(total + 1) * sizeof(kpair));
    if (!pairs)
        return QD_ENOMEM;
    size_t np = 0;
    for (uint32_t i = 0; i < ns; i++)
        for (uint32_t k = 0; k < kn[i]; k++)
            pairs[np++] = (kpair){kv[i][k], i};
    qsort(pairs, np, sizeof(kpair), cmp_kpair);
    int *parent = qd_arena_alloc(A, ns * sizeof(int));
    uint32_t *shared = qd_arena_calloc(A, ns, sizeof(uint32_t));
    uint32_t *mark = qd_arena_calloc(A, ns, sizeof(uint32_t));
    uint32_t *cand = qd_arena_alloc(A, ns * sizeof(uint32_t));
    if (!parent || !shared || !mark || !cand)
        return QD_ENOMEM;
    for (uint32_t i = 0; i < ns; i++)
        parent[i] = (int)i;
    bool linked_any;
    linkset L = {c, s, ns, across, kv, kn, pairs, np};
    if (w->tasks && ns >= PARALLEL_LINK) {
        int lrc = link_parallel(&L, parent, w, &linked_any);
        if (lrc)
            return lrc;
    } else {
        long nl = link_range(&L, 0, ns, parent, shared, mark, cand, w, NULL);
        if (nl < 0)
            return QD_ENOMEM;
        linked_any = nl > 0;
    }
    if (!linked_any)
        return 0;
    /* groups from the linked sets that span two documents or more; the members of each
     * set listed once, in statement order (one pass, not one per set) */
    uint32_t *root_of = qd_arena_alloc(A, ns * sizeof(uint32_t));
    uint32_t *start = qd_arena_calloc(A, ns + 1, sizeof(uint32_t));
    uint32_t *members = qd_arena_alloc(A, ns * sizeof(uint32_t));
    if (!root_of || !start || !members)
        return QD_ENOMEM;
    for (uint32_t i = 0; i < ns; i++) {
        root_of[i] = (uint32_t)find(parent, (int)i);
        start[root_of[i] + 1]++;
    }
    for (uint32_t i = 0; i < ns; i++)
        start[i + 1] += start[i];
    uint32_t *fill = qd_arena_alloc(A, (ns + 1) * sizeof(uint32_t));
    if (!fill)
        return QD_ENOMEM;
    memcpy(fill, start, (ns + 1) * sizeof(uint32_t));
    for (uint32_t i = 0; i < ns; i++)
        members[fill[root_of[i]]++] = i;
    for (uint32_t i = 0; i < ns; i++) {
        int root = (int)root_of[i];
        if (root == (int)i) {
            /* members of this set */
            const uint32_t *mem = members + start[i];
            uint32_t count = start[i + 1] - start[i];
            uint32_t docs0 = s[i].doc;
            bool multi = false;
            for (uint32_t k = 0; k < count; k++)
                multi |= s[mem[k]].doc != docs0;
            if (count < 2 || !multi)
                continue;
            qd_group *g = gsink_push(out);
            if (!g)
                return QD_ENOMEM;
            g->event = ei;
            g->thread = thread;
            g->members = qd_arena_calloc(keep, count, sizeof(qd_member));
            if (!g->members)
                return QD_ENOMEM;
            /* reference: the longest direct statement, else the longest */
            int32_t ref = -1;
            for (uint32_t k = 0; k < count; k++) {
                uint32_t j = mem[k];
                const qd_cstatement *cs = cs_of(c, s[j]);
                if (ref < 0) {
                    ref = (int32_t)j;
                    continue;
                }
                const qd_cstatement *rs = cs_of(c, s[ref]);
                bool dj = sf_of(c, s[j])->direct, dr = sf_of(c, s[ref])->direct;
                if ((dj && !dr) || (dj == dr && cs->words > rs->words))
                    ref = (int32_t)j;
            }
            g->members[g->n_members++] = (qd_member){s[ref].doc, s[ref].stmt, QD_ALIGN_IDENTICAL, 1.0f};
            for (uint32_t k = 0; k < count; k++) {
                uint32_t j = mem[k];
                if ((int32_t)j == ref)
                    continue;
                qd_member *m = &g->members[g->n_members++];
                m->doc = s[j].doc;
                m->stmt = s[j].stmt;
                if (!classify(c, s[ref], s[j], w, &m->kind, &m->score)) {
                    /* linked through another member */
                    uint32_t n_shared;
                    m->kind = QD_ALIGN_PARAPHRASE;
                    m->score = dice(sf_of(c, s[ref]), sf_of(c, s[j]), &n_shared);
                }
            }
            /* divergences */
            const qd_cstatement *rs = cs_of(c, s[ref]);
            for (uint32_t k = 0; k < g->n_members; k++) {
                const qd_cstatement *ms = &r->docs[g->members[k].doc].statements[g->members[k].stmt];
                if (ms->speaker >= 0 && rs->speaker >= 0 && ms->speaker != rs->speaker)
                    g->speaker_conflict = true;
                if ((ms->n_intermediaries || rs->n_intermediaries) && !same_names(ms, rs) &&
                    g->members[k].kind != QD_ALIGN_PARAPHRASE)
                    g->intermediary_conflict = true;
            }
            for (uint32_t k = 0; k < g->n_members; k++)
                r->docs[g->members[k].doc].statements[g->members[k].stmt].group = (int32_t)out->n - 1;
        }
    }
    return 0;
}

/* A batch of sets (events, or threads) aligned on the worker slots: task t aligns sets
 * lo[t] .. lo[t + 1] - 1. */
typedef struct align_batch {
    qd_corpus *c;
    work *w;            /* per worker slot */
    gsink *out;         /* per task */
    const uint32_t *lo; /* per task, and one past the last */
    bool threads;
} align_batch;

static void align_task(void *ctx, size_t task, unsigned worker)
{
    align_batch *b = ctx;
    work *w = &b->w[worker];
    gsink *o = &b->out[task];
    for (uint32_t i = b->lo[task]; i < b->lo[task + 1] && !o->rc; i++) {
        o->rc = b->threads ? align_thread(b->c, i, w, o) : align_event(b->c, i, w, o);
        qd_arena_release(&w->tmp);
    }
}

/* The tasks' groups appended to the corpus's in task order, which is set order: the
 * groups and their numbers are those of aligning the sets one after another. */
static int merge_groups(qd_corpus *c, gsink *out, size_t n_out, uint32_t *cap_groups)
{
    qd_comparison *r = &c->res;
    for (size_t t = 0; t < n_out; t++) {
        if (out[t].rc)
            return out[t].rc;
        for (uint32_t k = 0; k < out[t].n; k++) {
            qd_group *g = QD_VEC_PUSH(&c->arena, r->groups, r->n_groups, *cap_groups);
            if (!g)
                return QD_ENOMEM;
            *g = out[t].v[k];
            for (uint32_t m = 0; m < g->n_members; m++)
                r->docs[g->members[m].doc].statements[g->members[m].stmt].group = (int32_t)r->n_groups - 1;
        }
    }
    return 0;
}

/* Documents in a set (an event, or a thread's events). */
static uint32_t set_docs(const qd_comparison *r, uint32_t i, bool threads)
{
    if (!threads)
        return r->events[i].n_docs;
    uint32_t n = 0;
    for (uint32_t k = 0; k < r->threads[i].n_events; k++)
        n += r->events[r->threads[i].events[k]].n_docs;
    return n;
}

/* Sets are independent of each other (an event's statements are its own, and so are a
 * thread's), so they are aligned on the caller's threads a batch at a time, a few sets
 * per task, and the groups merged in set order after each batch.  A big set (a thread
 * of thousands of articles) is aligned alone, its linking split over the threads (see
 * link_parallel).  Event-level groups are all merged before the thread level starts,
 * which skips statements already grouped. */
/* All four overridable, so that a test can take every path with a few articles. */
#ifndef SETS_PER_TASK
#define SETS_PER_TASK 8
#endif
#ifndef TASKS_PER_WORKER
#define TASKS_PER_WORKER 32
#endif
#ifndef BIG_SET
#define BIG_SET 2048 /* documents */
#endif

int qd_match_statements(qd_corpus *c, qd_error *err)
{
    qd_comparison *r = &c->res;
    unsigned nw = qd_tasks_workers(c->opt.tasks);
    size_t max_tasks = (size_t)nw * TASKS_PER_WORKER;
    work *w = calloc(nw, sizeof(work));
    gsink *out = calloc(max_tasks, sizeof(gsink));
    uint32_t *lo = calloc(max_tasks + 1, sizeof(uint32_t));
    int rc = !w || !out || !lo ? QD_ENOMEM : 0;
    for (unsigned k = 0; k < nw && !rc; k++) {
        w[k].ka = malloc(MAX_LCS * sizeof(uint32_t));
        w[k].kb = malloc(MAX_LCS * sizeof(uint32_t));
        w[k].row0 = malloc((MAX_LCS + 1) * sizeof(uint32_t));
        w[k].row1 = malloc((MAX_LCS + 1) * sizeof(uint32_t));
        if (!w[k].ka || !w[k].kb || !w[k].row0 || !w[k].row1)
            rc = QD_ENOMEM;
    }
    uint32_t cap_groups = 0;
    for (int level = 0; level < 2 && !rc; level++) {
        bool threads = level == 1;
        uint32_t end = threads ? r->n_threads : r->n_events, next = 0;
        align_batch b = {c, w, out, lo, threads};
        while (next < end && !rc) {
            size_t n_tasks = 0;
            if (nw > 1 && set_docs(r, next, threads) >= BIG_SET) {
                /* alone, on this thread */
                lo[0] = next;
                lo[1] = ++next;
                n_tasks = 1;
                memset(out, 0, sizeof(gsink));
                w[0].tasks = c->opt.tasks;
                w[0].slots = w;
                align_task(&b, 0, 0);
                w[0].tasks = NULL;
            } else {
                /* the small sets up to the next big one */
                while (n_tasks < max_tasks && next < end) {
                    lo[n_tasks] = next;
                    uint32_t k = 0;
                    while (k < SETS_PER_TASK && next < end && !(nw > 1 && set_docs(r, next, threads) >= BIG_SET))
                        k++, next++;
                    if (!k)
                        break;
                    lo[++n_tasks] = next;
                }
                memset(out, 0, n_tasks * sizeof(gsink));
                qd_tasks_run(c->opt.tasks, n_tasks, align_task, &b);
            }
            rc = merge_groups(c, out, n_tasks, &cap_groups);
            gsinks_free(out, n_tasks); /* merged or failed, the tasks' vectors are done with */
            for (unsigned k = 0; k < nw; k++)
                qd_arena_adopt(&c->arena, &w[k].keep);
        }
    }
    for (unsigned k = 0; w && k < nw; k++) {
        free(w[k].ka);
        free(w[k].kb);
        free(w[k].row0);
        free(w[k].row1);
        qd_arena_release(&w[k].tmp);
        qd_arena_release(&w[k].keep);
    }
    free(w);
    free(out);
    free(lo);
    if (rc)
        return qd_error_set(err, QD_ENOMEM, "matching: out of memory");
    return 0;
}

const char *qd_align_kind_name(qd_align_kind k)
{
    switch (k) {
    case QD_ALIGN_IDENTICAL: return "identical";
    case QD_ALIGN_NORMALIZED: return "normalized";
    case QD_ALIGN_NEAR: return "near-verbatim";
    case QD_ALIGN_FRAGMENT: return "fragment";
    case QD_ALIGN_PARAPHRASE: return "paraphrase";
    }
    return "?";
}
