/*
 * events.c - documents into events, events into threads.
 *
 * Each document is a tf-idf vector over its stemmed content terms and the speakers and
 * organisations it names (weighted by how rare they are in this corpus).  Documents are
 * taken in date order and each joins the most similar existing event when the similarity
 * clears a threshold, else starts one: the single-pass clustering used for news event
 * detection, linear in the corpus size given the candidate index.  Similarity to an
 * event blends the best and the mean cosine to its latest documents, raised by shared
 * quotes (the surest sign of the same event) and lowered by distance in time: the same
 * people on the same topic a month apart are a different event of the same thread.
 *
 * Candidates come from an inverted index over each event's characteristic terms, so a
 * document is compared with a few events, not all.  Threads link events whose documents
 * share enough, ignoring time, and are listed as a timeline.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "../util/tasks.h"

#define RECENT 8      /* members of an event a new document is compared with */
#define TOP_TERMS 12  /* terms of a document indexed for candidate search */
#define CANDIDATES 24 /* events scored per document */
#define TOP_NAMES 4   /* names of a document indexed for thread candidates */
/* Postings read per term: the most recent events first (documents come in date order),
 * so a common word costs the same in the millionth document as in the hundredth. */
#define SCAN 256
#define THREAD_SCAN 64 /* events per term considered for a thread link */

static float dot(const qd_dfeat *a, const qd_dfeat *b)
{
    uint32_t i = 0, j = 0;
    float s = 0;
    while (i < a->n_terms && j < b->n_terms) {
        if (a->terms[i] == b->terms[j])
            s += a->w[i++] * b->w[j++];
        else if (a->terms[i] < b->terms[j])
            i++;
        else
            j++;
    }
    return s;
}

/* Share of the smaller set of quote shingles found in the other. */
static float shared_quotes(const qd_dfeat *a, const qd_dfeat *b)
{
    if (!a->n_shingles || !b->n_shingles)
        return 0;
    uint32_t i = 0, j = 0, n = 0;
    while (i < a->n_shingles && j < b->n_shingles) {
        if (a->shingles[i] == b->shingles[j]) {
            n++;
            i++;
            j++;
        } else if (a->shingles[i] < b->shingles[j])
            i++;
        else
            j++;
    }
    uint32_t m = a->n_shingles < b->n_shingles ? a->n_shingles : b->n_shingles;
    return (float)n / (float)m;
}

/* dot(a, b) with a's weights spread over an array indexed by term id (zero elsewhere):
 * one pass over b's terms instead of a merge of both lists, for a document compared with
 * many others.  The products are the same and added in the same order (ascending id). */
static float dot_spread(const float *wa, const qd_dfeat *b)
{
    float s = 0;
    for (uint32_t j = 0; j < b->n_terms; j++) {
        float x = wa[b->terms[j]];
        if (x != 0)
            s += x * b->w[j];
    }
    return s;
}

static float sim_with_cos(const qd_corpus *c, uint32_t x, uint32_t y, float cos, bool use_time);

/* Similarity of two documents as evidence that they report the same event. */
static float doc_sim(const qd_corpus *c, uint32_t x, uint32_t y, bool use_time)
{
    return sim_with_cos(c, x, y, dot(&c->feat[x], &c->feat[y]), use_time);
}

/* doc_sim given the cosine of the two documents. */
static float sim_with_cos(const qd_corpus *c, uint32_t x, uint32_t y, float cos, bool use_time)
{
    const qd_dfeat *a = &c->feat[x], *b = &c->feat[y];
    float q = shared_quotes(a, b);
    float s = cos + 0.6f * q;
    if (s > 1)
        s = 1;
    if (!use_time)
        return s;
    /* Without a date time can neither confirm nor rule out, and most pairs of articles
     * on one topic are different events (on the PolNeAR gold, same-topic pairs outnumber
     * same-event pairs a hundred to one once dates are gone): the words must carry more
     * of the proof, but not so much that two reports of one debate in a small corpus
     * (cosine about 0.35) stay apart.  Shared quotes still count in full through s. */
    if (a->day == QD_NO_DAY || b->day == QD_NO_DAY)
        return s * 0.85f;
    int d = abs(a->day - b->day);
    if (d <= 2)
        return s;
    if (d <= c->opt.event_days)
        return s * 0.85f;
    /* far apart in time: only the same quotes make it the same event */
    return s * (q >= 0.3f ? 0.8f : 0.35f);
}

typedef struct ev {
    uint32_t *members; /* document indexes, in the order they joined */
    uint32_t n, cap;
} ev;

typedef struct postings {
    uint32_t *ev;      /* events listed under a term */
    uint32_t n, cap;
} postings;

static int by_day(const void *x, const void *y)
{
    const uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* Who a document is about: the named speakers and organisations it mentions, weighted
 * by mentions but not by rarity (threads are made of the names that keep coming back).
 * Cosine of two such profiles. */
static float names_sim(const qd_corpus *c, const qd_dfeat *a, const qd_dfeat *b)
{
    double ab = 0, aa = 0, bb = 0;
    uint32_t i = 0, j = 0;
    while (i < a->n_terms || j < b->n_terms) {
        uint32_t ta = i < a->n_terms ? a->terms[i] : UINT32_MAX;
        uint32_t tb = j < b->n_terms ? b->terms[j] : UINT32_MAX;
        uint32_t t = ta < tb ? ta : tb;
        bool name = c->dict_str[t - 1][0] == '@';
        double wa = 0, wb = 0;
        if (ta == t) {
            if (name)
                wa = 1.0 + log((double)a->tf[i]);
            i++;
        }
        if (tb == t) {
            if (name)
                wb = 1.0 + log((double)b->tf[j]);
            j++;
        }
        ab += wa * wb;
        aa += wa * wa;
        bb += wb * wb;
    }
    return aa > 0 && bb > 0 ? (float)(ab / sqrt(aa * bb)) : 0;
}

/* Weights: (1 + log tf) * idf, names counting a little more than words; L2-normalised.
 * Names count a quarter more, not a half: once a person's reports are keyed alike ("Rep.
 * Anthony Weiner" and "Anthony Weiner"), the most named people of a topic (Trump, Clinton,
 * Obama) weigh enough at 1.5 to join same-day pieces on different happenings. */
static int weigh(qd_corpus *c)
{
    uint32_t n = c->res.n_docs;
    for (uint32_t d = 0; d < n; d++) {
        qd_dfeat *f = &c->feat[d];
        f->w = qd_arena_alloc(&c->match_tmp, (f->n_terms + 1) * sizeof(float));
        if (!f->w)
            return QD_ENOMEM;
        double norm = 0;
        for (uint32_t i = 0; i < f->n_terms; i++) {
            uint32_t id = f->terms[i];
            /* idf with a prior of ten pseudo-documents, one of which holds the term: a
             * few documents say little about how rare a word is, and without the prior
             * the words two articles share weigh a quarter of those they do not when
             * only the two are compared.  Large corpora are not changed. */
            double idf = log((n + 10.0) / (c->df[id] + 1.0));
            if (idf < 0)
                idf = 0;
            double w = (1.0 + log((double)f->tf[i])) * idf;
            if (c->dict_str[id - 1][0] == '@')
                w *= 1.25;
            f->w[i] = (float)w;
            norm += w * w;
        }
        norm = norm > 0 ? sqrt(norm) : 1;
        for (uint32_t i = 0; i < f->n_terms; i++)
            f->w[i] = (float)(f->w[i] / norm);
    }
    return 0;
}

/* The top terms of a document by weight (indexes into its term array). */
static uint32_t top_terms(const qd_dfeat *f, uint32_t *out, uint32_t k)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < f->n_terms; i++) {
        if (n < k) {
            out[n++] = i;
        } else {
            uint32_t lo = 0;
            for (uint32_t j = 1; j < n; j++)
                if (f->w[out[j]] < f->w[out[lo]])
                    lo = j;
            if (f->w[i] > f->w[out[lo]])
                out[lo] = i;
        }
    }
    return n;
}

/* The names a document mentions most (indexes into its term array). */
static uint32_t top_names(const qd_corpus *c, const qd_dfeat *f, uint32_t *out, uint32_t k)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < f->n_terms; i++) {
        if (c->dict_str[f->terms[i] - 1][0] != '@')
            continue;
        if (n < k) {
            out[n++] = i;
            continue;
        }
        uint32_t lo = 0;
        for (uint32_t j = 1; j < n; j++)
            if (f->tf[out[j]] < f->tf[out[lo]])
                lo = j;
        if (f->tf[i] > f->tf[out[lo]])
            out[lo] = i;
    }
    return n;
}

static const char *term_display(const qd_corpus *c, uint32_t id)
{
    const char *s = c->dict_str[id - 1];
    if (s[0] == '@') {
        long k = strtol(s + 1, NULL, 10);
        if (k >= 0 && (uint32_t)k < c->res.n_speakers)
            return c->res.speakers[k].name;
        return s + 1;
    }
    if (id < c->cap_disp && c->disp[id])
        return c->disp[id];
    return s[0] == '~' ? s + 1 : s;
}

/* Terms shared by most members of a set of documents, strongest first: the evidence
 * for putting them together. */
static int evidence_tally(qd_corpus *c, qd_arena *T, const uint32_t *docs, uint32_t n, const char ***out,
                          uint32_t *n_out)
{
    /* accumulate weights of terms over members, each term's tally in first-seen order,
     * found through a table of tally numbers hashed by term id.  The table and the
     * tallies are malloc'd and sized to the terms seen: the documents of a thread of
     * tens of thousands of events hold over a million distinct terms, and a string map
     * of them (with the tables it outgrew) took hundreds of megabytes */
    typedef struct {
        uint32_t id;
        float w;
        uint32_t docs;
    } tw;
    tw *v = NULL;
    uint32_t nv = 0, cap = 0;
    uint32_t *tab = NULL, mask = 0; /* tally number + 1, 0: empty */
    int rc = 0;
    for (uint32_t k = 0; k < n && !rc; k++) {
        const qd_dfeat *f = &c->feat[docs[k]];
        for (uint32_t i = 0; i < f->n_terms; i++) {
            uint32_t id = f->terms[i];
            if (nv * 2 >= mask) {
                /* rebuild at twice the size when half full */
                uint32_t ncap = mask ? (mask + 1) * 2 : 1024;
                uint32_t *nt = ncap > mask ? calloc(ncap, sizeof(uint32_t)) : NULL;
                if (!nt) {
                    rc = QD_ENOMEM;
                    break;
                }
                for (uint32_t q = 0; q < nv; q++) {
                    uint32_t h = (v[q].id * 2654435761u) & (ncap - 1);
                    while (nt[h])
                        h = (h + 1) & (ncap - 1);
                    nt[h] = q + 1;
                }
                free(tab);
                tab = nt;
                mask = ncap - 1;
            }
            uint32_t h = (id * 2654435761u) & mask;
            while (tab[h] && v[tab[h] - 1].id != id)
                h = (h + 1) & mask;
            if (!tab[h]) {
                tw *w = QD_GROW_PUSH(v, nv, cap);
                if (!w) {
                    rc = QD_ENOMEM;
                    break;
                }
                *w = (tw){id, 0, 0};
                tab[h] = nv;
            }
            v[tab[h] - 1].w += f->w[i];
            v[tab[h] - 1].docs++;
        }
    }
    free(tab);
    if (rc) {
        free(v);
        return rc;
    }
    uint32_t need = n >= 2 ? (n + 1) / 2 : 1;
    const char **res = qd_arena_calloc(&c->arena, 8, sizeof(char *));
    bool *used = qd_arena_calloc(T, nv + 1, sizeof(bool));
    if (!res || !used) {
        free(v);
        return QD_ENOMEM;
    }
    uint32_t m = 0;
    while (m < 8) {
        int32_t best = -1;
        for (uint32_t i = 0; i < nv; i++)
            if (!used[i] && v[i].docs >= need && (n < 2 || v[i].docs >= 2) && (best < 0 || v[i].w > v[best].w))
                best = (int32_t)i;
        if (best < 0 || v[best].w <= 0)
            break;
        used[best] = true;
        res[m++] = term_display(c, v[best].id);
    }
    free(v);
    *out = res;
    *n_out = m;
    return 0;
}

/* The tallies are scratch, in an arena of their own released at once: an event of one
 * document still tallies its few hundred terms, and a million events must not leave
 * that behind in the corpus. */
static int evidence(qd_corpus *c, const uint32_t *docs, uint32_t n, const char ***out, uint32_t *n_out)
{
    qd_arena T;
    qd_arena_init(&T);
    int rc = evidence_tally(c, &T, docs, n, out, n_out);
    qd_arena_release(&T);
    return rc;
}

/* How similar a document must be to an event to join it, given how crowded its days
 * are.  Each document of the same days is one more chance of a chance match: on a
 * topic-dense corpus the scores of same-topic pairs of different events fall off
 * roughly exponentially (on PolNeAR each 0.05 of cosine divides their number by about
 * three), so keeping the chance of a false merge fixed means a threshold that grows
 * with the log of the number of rivals.  The configured threshold is the one for a
 * dense corpus (CROWD_REF documents within two days, as in a year of campaign news);
 * a document with few neighbours in time needs less, never more, and only to join an
 * event with a member within those two days (far apart, the time penalty of doc_sim
 * decides).  When either side is undated every other document is a rival.
 * CROWD_SLOPE is that fall-off (0.05 / ln 3), not a tuned constant.
 *
 * The documents of those days already in the event a document would join are not its
 * rivals for that event: they are the event.  Counting them made a well-covered event
 * (six outlets on one debate night) look like a crowded day, so that its later reports
 * needed as much as a lone piece among thirty others on the same day. */
#define CROWD_REF 15.0
#define CROWD_SLOPE 0.045
static float crowd_threshold(const qd_corpus *c, double rivals)
{
    double t = c->opt.event_threshold + CROWD_SLOPE * log((rivals + 1) / CROWD_REF);
    return (float)(t < c->opt.event_threshold ? t : c->opt.event_threshold);
}

/* The day of the i-th document in day order (order holds day << 32 | document). */
static int32_t day_at(const qd_corpus *c, const uint64_t *order, uint32_t i)
{
    return c->feat[(uint32_t)order[i]].day;
}

/* rivals[d]: the other documents within two days of d (all others when undated). */
static void count_rivals(const qd_corpus *c, const uint64_t *order, uint32_t *rivals)
{
    uint32_t n = c->res.n_docs, lo = 0, hi = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t d = (uint32_t)(order[i] & 0xFFFFFFFFu);
        int32_t day = c->feat[d].day;
        if (day == QD_NO_DAY) {
            rivals[d] = n - 1;
        } else {
            /* documents in [day - 2, day + 2]: order is by day, undated last */
            while (day_at(c, order, lo) < day - 2)
                lo++;
            if (hi < i)
                hi = i;
            while (hi + 1 < n && day_at(c, order, hi + 1) != QD_NO_DAY && day_at(c, order, hi + 1) <= day + 2)
                hi++;
            rivals[d] = hi - lo;
        }
    }
}

static int find(int *parent, int x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* Cohesion of events first .. first + COHESION_TASK - 1: the mean similarity of their
 * first members, pair by pair. */
#ifndef COHESION_TASK
#define COHESION_TASK 64 /* overridable to test */
#endif

static void cohesion_task(void *ctx, size_t task, unsigned worker)
{
    qd_corpus *c = ctx;
    qd_comparison *r = &c->res;
    uint32_t lo = (uint32_t)task * COHESION_TASK;
    uint32_t hi = r->n_events - lo > COHESION_TASK ? lo + COHESION_TASK : r->n_events;
    for (uint32_t i = lo; i < hi; i++) {
        qd_event *e = &r->events[i];
        float sum = 0;
        uint32_t pairs = 0;
        for (uint32_t a = 0; a < e->n_docs && a < 32; a++)
            for (uint32_t b = a + 1; b < e->n_docs && b < 32; b++) {
                sum += doc_sim(c, e->docs[a], e->docs[b], false);
                pairs++;
            }
        e->cohesion = pairs ? sum / (float)pairs : 1.0f;
    }
}

typedef struct ev_link {
    uint32_t i, j;
} ev_link;

typedef struct link_chunk {
    uint32_t lo, hi;
    ev_link *v;          /* malloc'd */
    uint32_t n, cap;
    int rc;
} link_chunk;

/* Thread links of events lo .. hi - 1 with the later events met through their
 * documents' top terms and names, made in `parent` (union-find over the events); each
 * link also listed in ch when given.  judged: per event, zero (scratch).  Returns 0, or
 * QD_ENOMEM. */
static int links_of(const qd_corpus *c, const postings *post, uint32_t lo, uint32_t hi, int *parent,
                    uint32_t *judged, link_chunk *ch)
{
    const qd_comparison *r = &c->res;
    for (uint32_t i = lo; i < hi; i++) {
        const qd_event *ei = &r->events[i];
        for (uint32_t k = 0; k < ei->n_docs && k < RECENT; k++) {
            const qd_dfeat *f = &c->feat[ei->docs[k]];
            uint32_t top[TOP_TERMS + TOP_NAMES];
            uint32_t nt = top_terms(f, top, TOP_TERMS);
            nt += top_names(c, f, top + nt, TOP_NAMES);
            for (uint32_t t = 0; t < nt; t++) {
                const postings *p = &post[f->terms[top[t]]];
                for (uint32_t q = 0; q < p->n && q < THREAD_SCAN; q++) {
                    uint32_t j = p->ev[q];
                    if (j <= i || judged[j] == i + 1 || find(parent, (int)i) == find(parent, (int)j))
                        continue;
                    judged[j] = i + 1;
                    const qd_event *ej = &r->events[j];
                    /* the same topic: shared words, or the same people with some
                     * shared words */
                    bool linked = false;
                    double th = c->opt.thread_threshold;
                    for (uint32_t a = 0; a < ei->n_docs && a < RECENT && !linked; a++)
                        for (uint32_t b = 0; b < ej->n_docs && b < RECENT && !linked; b++) {
                            const qd_dfeat *fa = &c->feat[ei->docs[a]], *fb = &c->feat[ej->docs[b]];
                            double words = doc_sim(c, ei->docs[a], ej->docs[b], false);
                            linked = words >= th || (words >= th / 3 && names_sim(c, fa, fb) >= 0.5f);
                        }
                    if (!linked)
                        continue;
                    parent[find(parent, (int)j)] = find(parent, (int)i);
                    if (!ch)
                        continue;
                    ev_link *l = QD_GROW_PUSH(ch->v, ch->n, ch->cap);
                    if (!l)
                        return QD_ENOMEM;
                    *l = (ev_link){i, j};
                }
            }
        }
    }
    return 0;
}

typedef struct link_run {
    const qd_corpus *c;
    const postings *post;
    link_chunk *ch;
} link_run;

static void link_task(void *ctx, size_t task, unsigned worker)
{
    link_run *lr = ctx;
    link_chunk *ch = &lr->ch[task];
    uint32_t n_ev = lr->c->res.n_events;
    int *parent = malloc((n_ev + 1) * sizeof(int));
    uint32_t *judged = calloc(n_ev + 1, sizeof(uint32_t));
    if (!parent || !judged) {
        ch->rc = QD_ENOMEM;
    } else {
        for (uint32_t i = 0; i < n_ev; i++)
            parent[i] = (int)i;
        ch->rc = links_of(lr->c, lr->post, ch->lo, ch->hi, parent, judged, ch);
    }
    free(parent);
    free(judged);
}

/* Events into threads (parent: union-find over the events).  On the caller's threads
 * the events are taken in ranges, each linking in a union-find of its own and listing
 * its links in order; the lists are replayed here in range order, which gives the very
 * sets and roots of linking the events one after another (the argument of
 * link_parallel in statements.c: a pair skipped there as already joined is joined by
 * then in the replay, and no link made there is missed by a range).  Few ranges: each
 * starts from a union-find of its own, so it judges again the pairs that one pass
 * would skip as joined by earlier events, and most of the work is in the first events
 * of a big thread anyway (on a 10,000-document bench corpus, 16 ranges per worker cost
 * twice the CPU of one pass, 2 ranges 10% more). */
#ifndef THREAD_LINK_CHUNKS
#define THREAD_LINK_CHUNKS 2 /* ranges per worker (overridable to test) */
#endif

static int link_threads(const qd_corpus *c, const postings *post, int *parent)
{
    uint32_t n_ev = c->res.n_events;
    unsigned nw = qd_tasks_workers(c->opt.tasks);
    if (nw == 1) {
        uint32_t *judged = calloc(n_ev + 1, sizeof(uint32_t));
        int rc = judged ? links_of(c, post, 0, n_ev, parent, judged, NULL) : QD_ENOMEM;
        free(judged);
        return rc;
    }
    size_t n_ch = (size_t)nw * THREAD_LINK_CHUNKS;
    link_chunk *ch = calloc(n_ch, sizeof(link_chunk));
    if (!ch)
        return QD_ENOMEM;
    uint32_t step = (uint32_t)((n_ev + n_ch - 1) / n_ch);
    for (size_t t = 0; t < n_ch; t++) {
        uint64_t lo = (uint64_t)t * step, hi = lo + step;
        ch[t].lo = lo < n_ev ? (uint32_t)lo : n_ev;
        ch[t].hi = hi < n_ev ? (uint32_t)hi : n_ev;
    }
    link_run lr = {c, post, ch};
    qd_tasks_run(c->opt.tasks, n_ch, link_task, &lr);
    int rc = 0;
    for (size_t t = 0; t < n_ch; t++) {
        if (ch[t].rc)
            rc = ch[t].rc;
        for (uint32_t k = 0; k < ch[t].n && !rc; k++)
            parent[find(parent, (int)ch[t].v[k].j)] = find(parent, (int)ch[t].v[k].i);
        free(ch[t].v);
    }
    free(ch);
    return rc;
}

/* Single-pass clustering (qd_match_events): the events found so far and their index. */
typedef struct clusters {
    const qd_corpus *c;
    const uint32_t *rivals;
    uint32_t n;           /* documents */
    ev *evs;
    uint32_t n_ev, cap_ev;
    postings *post;       /* per term id: events indexed under it, oldest first */
    uint32_t *post_mod;   /* per term id: the batch that last changed its postings */
    uint32_t *ev_mod;     /* per event: the batch that last gave it a member */
    uint32_t batch;       /* the current batch, from 1 */
} clusters;

/* One worker's scratch for scoring a document. */
typedef struct cl_scratch {
    float *spread;        /* per term id: the document's weight (dot_spread), zero between */
    uint32_t *score_of;   /* per event: top terms it shares with the document */
    uint32_t *seen_at;    /* per event: the scoring that last met it */
    uint32_t stamp;
} cl_scratch;

/* A document's candidate events, each with its similarity and the similarity it would
 * need to join. */
typedef struct dscore {
    uint32_t top[TOP_TERMS], nt;
    uint32_t cand[CANDIDATES], nc;
    float sim[CANDIDATES], need[CANDIDATES];
} dscore;

/* Similarity of document d (its weights spread) to event ei, and the similarity it
 * needs to join it. */
static void event_score(const clusters *k, const float *spread, uint32_t d, uint32_t ei, float *sim_out,
                        float *need_out)
{
    const qd_corpus *c = k->c;
    const qd_dfeat *f = &c->feat[d];
    const ev *e = &k->evs[ei];
    float mx = 0, sum = 0;
    bool undated = f->day == QD_NO_DAY;
    uint32_t near = 0; /* members within two days of d (of the latest RECENT) */
    uint32_t k0 = e->n > RECENT ? e->n - RECENT : 0;
    for (uint32_t m = k0; m < e->n; m++) {
        float s = sim_with_cos(c, d, e->members[m], dot_spread(spread, &c->feat[e->members[m]]), true);
        sum += s;
        if (s > mx)
            mx = s;
        int32_t dm = c->feat[e->members[m]].day;
        near += f->day != QD_NO_DAY && dm != QD_NO_DAY && abs(dm - f->day) <= 2;
        undated = undated || dm == QD_NO_DAY;
    }
    *sim_out = 0.5f * mx + 0.5f * sum / (float)(e->n - k0);
    if (near)
        *need_out = crowd_threshold(c, k->rivals[d] > near ? k->rivals[d] - near : 0);
    else if (undated)
        *need_out = crowd_threshold(c, k->n - 1 - (e->n - k0));
    else
        *need_out = (float)c->opt.event_threshold;
}

static void spread_doc(const qd_dfeat *f, float *spread, bool on)
{
    for (uint32_t i = 0; i < f->n_terms; i++)
        spread[f->terms[i]] = on ? f->w[i] : 0;
}

/* The candidate events of document d as the events stand (o->cand, o->nc). */
static void candidates(const clusters *k, cl_scratch *sc, uint32_t d, dscore *o)
{
    const qd_dfeat *f = &k->c->feat[d];
    o->nt = top_terms(f, o->top, TOP_TERMS);
    /* candidate events: those indexed under this document's top terms, newest first */
    uint32_t cand[CANDIDATES * 4];
    uint32_t nc = 0, stamp = ++sc->stamp;
    for (uint32_t i = 0; i < o->nt; i++) {
        const postings *p = &k->post[f->terms[o->top[i]]];
        uint32_t stop = p->n > SCAN ? p->n - SCAN : 0;
        for (uint32_t q = p->n; q-- > stop;) {
            uint32_t e = p->ev[q];
            if (sc->seen_at[e] != stamp) {
                sc->seen_at[e] = stamp;
                sc->score_of[e] = 0;
                if (nc < CANDIDATES * 4)
                    cand[nc++] = e;
            }
            sc->score_of[e]++;
        }
    }
    /* keep the candidates sharing the most top terms */
    for (uint32_t i = 1; i < nc; i++) {
        uint32_t x = cand[i], j = i;
        while (j > 0 && sc->score_of[cand[j - 1]] < sc->score_of[x]) {
            cand[j] = cand[j - 1];
            j--;
        }
        cand[j] = x;
    }
    o->nc = nc > CANDIDATES ? CANDIDATES : nc;
    memcpy(o->cand, cand, o->nc * sizeof(uint32_t));
}

/* Document d scored against the events as they stand. */
static void score_doc(const clusters *k, cl_scratch *sc, uint32_t d, dscore *o)
{
    const qd_dfeat *f = &k->c->feat[d];
    candidates(k, sc, d, o);
    spread_doc(f, sc->spread, true);
    for (uint32_t i = 0; i < o->nc; i++)
        event_score(k, sc->spread, d, o->cand[i], &o->sim[i], &o->need[i]);
    spread_doc(f, sc->spread, false);
}

/* A document scored on a worker against the events before its batch, brought up to
 * date with what the documents before it in the batch changed.  Its candidates come
 * from the postings of its top terms: when one of those changed they are listed again
 * (a few hundred postings read).  A candidate's score depends only on the document and
 * the event's latest members, so it is made again only for a candidate new to the list
 * or one that gained members.  The document gets what scoring it after the document
 * before it would have given, bit for bit, and the costly part of it (the similarity
 * to each candidate's members) mostly on the workers. */
static void clusters_rescore(const clusters *k, cl_scratch *sc, uint32_t d, dscore *o)
{
    const qd_dfeat *f = &k->c->feat[d];
    dscore was;
    bool relist = false;
    for (uint32_t i = 0; i < o->nt && !relist; i++)
        relist = k->post_mod[f->terms[o->top[i]]] == k->batch;
    if (relist) {
        was = *o;
        candidates(k, sc, d, o);
    }
    bool spread = false;
    for (uint32_t i = 0; i < o->nc; i++) {
        if (k->ev_mod[o->cand[i]] != k->batch) {
            if (!relist)
                continue;
            uint32_t j = 0;
            while (j < was.nc && was.cand[j] != o->cand[i])
                j++;
            if (j < was.nc) {
                o->sim[i] = was.sim[j];
                o->need[i] = was.need[j];
                continue;
            }
        }
        if (!spread)
            spread_doc(f, sc->spread, spread = true);
        event_score(k, sc->spread, d, o->cand[i], &o->sim[i], &o->need[i]);
    }
    if (spread)
        spread_doc(f, sc->spread, false);
}

/* Document d joins its best candidate event when similar enough, else starts one. */
static int clusters_join(clusters *k, qd_arena *A, qd_arena *T, uint32_t d, const dscore *o)
{
    const qd_dfeat *f = &k->c->feat[d];
    int32_t best = -1;
    float best_sim = 0;
    float best_need = (float)k->c->opt.event_threshold;
    for (uint32_t i = 0; i < o->nc; i++)
        if (o->sim[i] > best_sim) {
            best_sim = o->sim[i];
            best = (int32_t)o->cand[i];
            best_need = o->need[i];
        }
    if (best < 0 || best_sim < best_need) {
        ev *e = QD_VEC_PUSH(T, k->evs, k->n_ev, k->cap_ev);
        if (!e)
            return QD_ENOMEM;
        best = (int32_t)k->n_ev - 1;
    }
    ev *e = &k->evs[best];
    uint32_t *m = QD_VEC_PUSH(A, e->members, e->n, e->cap);
    if (!m)
        return QD_ENOMEM;
    *m = d;
    k->ev_mod[best] = k->batch;
    /* the result, written here on the calling thread */
    ((qd_corpus *)k->c)->res.docs[d].event = best;
    for (uint32_t i = 0; i < o->nt; i++) {
        postings *p = &k->post[f->terms[o->top[i]]];
        bool have = p->n && p->ev[p->n - 1] == (uint32_t)best;
        if (!have) {
            uint32_t *slot = QD_VEC_PUSH(T, p->ev, p->n, p->cap);
            if (!slot)
                return QD_ENOMEM;
            *slot = (uint32_t)best;
            k->post_mod[f->terms[o->top[i]]] = k->batch;
        }
    }
    return 0;
}

/* Documents per batch scored on the workers, and per task (overridable to test). */
#ifndef CLUSTER_BATCH
#define CLUSTER_BATCH 256
#endif
#ifndef CLUSTER_TASK
#define CLUSTER_TASK 16
#endif

typedef struct cl_run {
    const clusters *k;
    cl_scratch *sc;      /* per worker slot */
    dscore *ds;          /* per document of the batch */
    const uint64_t *order;
    uint32_t n;
} cl_run;

static void score_task(void *ctx, size_t task, unsigned worker)
{
    cl_run *run = ctx;
    uint32_t lo = (uint32_t)task * CLUSTER_TASK;
    uint32_t hi = run->n - lo > CLUSTER_TASK ? lo + CLUSTER_TASK : run->n;
    for (uint32_t j = lo; j < hi; j++)
        score_doc(run->k, &run->sc[worker], (uint32_t)(run->order[j] & 0xFFFFFFFFu), &run->ds[j]);
}

int qd_match_events(qd_corpus *c, qd_error *err)
{
    qd_comparison *r = &c->res;
    qd_arena *A = &c->arena;     /* the events and threads */
    qd_arena *T = &c->match_tmp; /* the index and scratch, released after matching events */
    uint32_t n = r->n_docs;
    if (weigh(c) != 0)
        goto oom;
    /* date order, undated last, input order within a day */
    uint64_t *order = qd_arena_alloc(T, (n + 1) * sizeof(uint64_t));
    if (!order)
        goto oom;
    for (uint32_t d = 0; d < n; d++) {
        int32_t day = c->feat[d].day;
        uint64_t k = day == QD_NO_DAY ? 0xFFFFFFFFull : (uint64_t)((int64_t)day + 0x80000000ll);
        order[d] = (k << 32) | d;
    }
    qsort(order, n, sizeof(uint64_t), by_day);
    uint32_t *rivals = qd_arena_alloc(T, (n + 1) * sizeof(uint32_t));
    if (!rivals)
        goto oom;
    count_rivals(c, order, rivals);

    ev *evs = NULL;
    uint32_t n_ev = 0;
    postings *post = qd_arena_calloc(T, c->n_dict + 2, sizeof(postings));
    uint32_t *score_of = qd_arena_calloc(T, n + 1, sizeof(uint32_t));
    uint32_t *seen_at = qd_arena_calloc(T, n + 1, sizeof(uint32_t));
    float *spread = qd_arena_calloc(T, c->n_dict + 2, sizeof(float)); /* dot_spread */
    if (!post || !score_of || !seen_at || !spread)
        goto oom;
    /* Documents are scored against the events a batch at a time on the caller's
     * threads, all against the events as they stood before the batch, and then join in
     * order here, each with the scores it would have been given one after another (see
     * clusters_rescore). */
    clusters cl = {c, rivals, n, NULL, 0, 0, post, NULL, NULL, 0};
    unsigned nw = qd_tasks_workers(c->opt.tasks);
    uint32_t batch_docs = nw > 1 ? CLUSTER_BATCH : 1;
    cl_scratch *sc = calloc(nw, sizeof(cl_scratch));
    dscore *ds = malloc(batch_docs * sizeof(dscore));
    cl.post_mod = qd_arena_calloc(T, c->n_dict + 2, sizeof(uint32_t));
    cl.ev_mod = qd_arena_calloc(T, n + 1, sizeof(uint32_t));
    bool failed = !sc || !ds || !cl.post_mod || !cl.ev_mod;
    if (sc && !failed) {
        sc[0] = (cl_scratch){spread, score_of, seen_at, 0};
        for (unsigned i = 1; i < nw && !failed; i++) {
            sc[i].spread = calloc(c->n_dict + 2, sizeof(float));
            sc[i].score_of = calloc(n + 1, sizeof(uint32_t));
            sc[i].seen_at = calloc(n + 1, sizeof(uint32_t));
            failed = !sc[i].spread || !sc[i].score_of || !sc[i].seen_at;
        }
    }
    for (uint32_t oi = 0; oi < n && !failed; oi += batch_docs) {
        uint32_t bn = n - oi < batch_docs ? n - oi : batch_docs;
        cl.batch++;
        cl_run run = {&cl, sc, ds, order + oi, bn};
        qd_tasks_run(c->opt.tasks, (bn + CLUSTER_TASK - 1) / CLUSTER_TASK, score_task, &run);
        for (uint32_t j = 0; j < bn && !failed; j++) {
            uint32_t d = (uint32_t)(order[oi + j] & 0xFFFFFFFFu);
            if (nw > 1)
                clusters_rescore(&cl, &sc[0], d, &ds[j]);
            failed = clusters_join(&cl, A, T, d, &ds[j]) != 0;
        }
    }
    for (unsigned i = 1; sc && i < nw; i++) {
        free(sc[i].spread);
        free(sc[i].score_of);
        free(sc[i].seen_at);
    }
    free(sc);
    free(ds);
    if (failed)
        goto oom;
    evs = cl.evs;
    n_ev = cl.n_ev;

    /* events in the order of their first document */
    r->events = qd_arena_calloc(A, n_ev + 1, sizeof(qd_event));
    if (!r->events)
        goto oom;
    r->n_events = n_ev;
    for (uint32_t i = 0; i < n_ev; i++) {
        qd_event *e = &r->events[i];
        e->docs = evs[i].members;
        e->n_docs = evs[i].n;
        e->thread = -1;
        for (uint32_t k = 0; k < e->n_docs; k++) {
            const qd_cdoc *d = &r->docs[e->docs[k]];
            if (d->date && (!e->first_date || strcmp(d->date, e->first_date) < 0))
                e->first_date = d->date;
            if (d->date && (!e->last_date || strcmp(d->date, e->last_date) > 0))
                e->last_date = d->date;
            if (!e->label && d->title)
                e->label = d->title;
        }
        if (evidence(c, e->docs, e->n_docs, &e->terms, &e->n_terms) != 0)
            goto oom;
    }
    qd_tasks_run(c->opt.tasks, (n_ev + COHESION_TASK - 1) / COHESION_TASK, cohesion_task, c);

    /* threads: events whose documents share enough, whatever their dates */
    int *parent = qd_arena_alloc(T, (n_ev + 1) * sizeof(int));
    if (!parent)
        goto oom;
    for (uint32_t i = 0; i < n_ev; i++)
        parent[i] = (int)i;
    /* candidates for threads come through the names the events' documents mention most
     * as well as their top terms */
    for (uint32_t i = 0; i < n_ev; i++) {
        const qd_event *ei = &r->events[i];
        for (uint32_t k = 0; k < ei->n_docs && k < RECENT; k++) {
            const qd_dfeat *f = &c->feat[ei->docs[k]];
            uint32_t top[TOP_NAMES];
            uint32_t nt = top_names(c, f, top, TOP_NAMES);
            for (uint32_t t = 0; t < nt; t++) {
                postings *p = &post[f->terms[top[t]]];
                if (p->n && p->ev[p->n - 1] == i)
                    continue;
                uint32_t *slot = QD_VEC_PUSH(T, p->ev, p->n, p->cap);
                if (!slot)
                    goto oom;
                *slot = i;
            }
        }
    }
    /* each pair of events is judged once: whether they link depends only on their
     * documents, so a pair met again through another shared term is skipped */
    if (link_threads(c, post, parent) != 0)
        goto oom;
    int *thread_of_root = qd_arena_alloc(T, (n_ev + 1) * sizeof(int));
    if (!thread_of_root)
        goto oom;
    for (uint32_t i = 0; i < n_ev; i++)
        thread_of_root[i] = -1;
    uint32_t cap_thr = 0;
    for (uint32_t i = 0; i < n_ev; i++) {
        int root = find(parent, (int)i);
        if (thread_of_root[root] < 0) {
            qd_thread *t = QD_VEC_PUSH(A, r->threads, r->n_threads, cap_thr);
            if (!t)
                goto oom;
            thread_of_root[root] = (int)r->n_threads - 1;
        }
        qd_thread *t = &r->threads[thread_of_root[root]];
        uint32_t *slot = qd_arena_realloc(A, t->events, t->n_events * sizeof(uint32_t),
                                          (t->n_events + 1) * sizeof(uint32_t));
        if (!slot)
            goto oom;
        slot[t->n_events++] = i;
        t->events = slot;
        r->events[i].thread = thread_of_root[root];
    }
    /* timelines: events by first date, undated last */
    for (uint32_t ti = 0; ti < r->n_threads; ti++) {
        qd_thread *t = &r->threads[ti];
        for (uint32_t a = 1; a < t->n_events; a++) {
            uint32_t x = t->events[a], b = a;
            const char *dx = r->events[x].first_date;
            while (b > 0) {
                const char *dy = r->events[t->events[b - 1]].first_date;
                /* does the event before x belong after it? (undated events go last) */
                bool later = dx && (!dy || strcmp(dy, dx) > 0);
                if (!later)
                    break;
                t->events[b] = t->events[b - 1];
                b--;
            }
            t->events[b] = x;
        }
        /* what links the thread: terms shared across its events' documents */
        uint32_t *docs = NULL, nd = 0, capd = 0;
        for (uint32_t a = 0; a < t->n_events; a++) {
            const qd_event *e = &r->events[t->events[a]];
            for (uint32_t k = 0; k < e->n_docs && k < RECENT; k++) {
                uint32_t *slot = QD_VEC_PUSH(T, docs, nd, capd);
                if (!slot)
                    goto oom;
                *slot = e->docs[k];
            }
        }
        if (evidence(c, docs, nd, &t->terms, &t->n_terms) != 0)
            goto oom;
    }
    return 0;
oom:
    return qd_error_set(err, QD_ENOMEM, "matching: out of memory");
}
