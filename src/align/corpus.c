/*
 * corpus.c - the qd_corpus object: options, creation, matching, release.
 */
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "../framing/framing.h"

void qd_match_options_init(qd_match_options *opt)
{
    memset(opt, 0, sizeof(*opt));
    opt->event_threshold = 0.28;
    opt->thread_threshold = 0.12;
    opt->event_days = 4;
    opt->keep_text = false;
}

int qd_corpus_new(qd_corpus **out, const qd_lexicon *lx, const qd_match_options *opt, qd_error *err)
{
    qd_corpus *c = calloc(1, sizeof(*c));
    if (!c)
        return qd_error_set(err, QD_ENOMEM, "corpus: out of memory");
    qd_arena_init(&c->arena);
    c->lx = lx;
    if (opt)
        c->opt = *opt;
    else
        qd_match_options_init(&c->opt);
    c->stemmer = sb_stemmer_new("english", "UTF_8");
    if (!c->stemmer) {
        free(c);
        return qd_error_set(err, QD_ENOMEM, "corpus: cannot create the English stemmer");
    }
    qd_strmap_init_heap(&c->speaker_keys, &c->arena);
    qd_strmap_init_heap(&c->strs, &c->arena);
    *out = c;
    return 0;
}

/* The groups of each event and thread, and each speaker's totals, so reports list them
 * without scanning the whole corpus once per event (quadratic at 100,000 documents). */
static int index_groups(qd_corpus *c)
{
    qd_comparison *r = &c->res;
    qd_arena *A = &c->arena;
    for (uint32_t gi = 0; gi < r->n_groups; gi++) {
        const qd_group *g = &r->groups[gi];
        if (g->event >= 0 && (uint32_t)g->event < r->n_events)
            r->events[g->event].n_groups++;
        else if (g->event < 0 && g->thread >= 0 && (uint32_t)g->thread < r->n_threads)
            r->threads[g->thread].n_groups++;
    }
    for (uint32_t e = 0; e < r->n_events; e++) {
        r->events[e].groups = qd_arena_alloc(A, (r->events[e].n_groups + 1) * sizeof(uint32_t));
        if (!r->events[e].groups)
            return QD_ENOMEM;
        r->events[e].n_groups = 0;
    }
    for (uint32_t t = 0; t < r->n_threads; t++) {
        r->threads[t].groups = qd_arena_alloc(A, (r->threads[t].n_groups + 1) * sizeof(uint32_t));
        if (!r->threads[t].groups)
            return QD_ENOMEM;
        r->threads[t].n_groups = 0;
    }
    for (uint32_t gi = 0; gi < r->n_groups; gi++) {
        const qd_group *g = &r->groups[gi];
        if (g->event >= 0 && (uint32_t)g->event < r->n_events) {
            qd_event *e = &r->events[g->event];
            e->groups[e->n_groups++] = gi;
        } else if (g->event < 0 && g->thread >= 0 && (uint32_t)g->thread < r->n_threads) {
            qd_thread *t = &r->threads[g->thread];
            t->groups[t->n_groups++] = gi;
        }
    }
    /* speakers: a document counts once per speaker it quotes */
    uint32_t *last_doc = qd_arena_alloc(A, (r->n_speakers + 1) * sizeof(uint32_t));
    if (!last_doc)
        return QD_ENOMEM;
    for (uint32_t s = 0; s < r->n_speakers; s++)
        last_doc[s] = UINT32_MAX;
    for (uint32_t d = 0; d < r->n_docs; d++)
        for (uint32_t i = 0; i < r->docs[d].n_statements; i++) {
            int32_t s = r->docs[d].statements[i].speaker;
            if (s < 0 || (uint32_t)s >= r->n_speakers)
                continue;
            r->speakers[s].n_statements++;
            if (last_doc[s] != d) {
                last_doc[s] = d;
                r->speakers[s].n_docs++;
            }
        }
    return 0;
}

int qd_corpus_match(qd_corpus *c, qd_error *err)
{
    if (c->matched)
        return 0;
    c->matched = true;
    int rc = qd_match_events(c, err);
    /* the weights, shingles and event index are read by nothing after (a sixth of the
     * memory at 100,000 documents) */
    qd_arena_release(&c->match_tmp);
    for (uint32_t d = 0; d < c->res.n_docs; d++) {
        c->feat[d].w = NULL;
        c->feat[d].shingles = NULL;
        c->feat[d].n_shingles = 0;
    }
    if (!rc)
        rc = qd_match_statements(c, err);
    /* the statements' stems: read by nothing after alignment */
    qd_arena_release(&c->align_tmp);
    for (uint32_t d = 0; d < c->res.n_docs; d++)
        for (uint32_t i = 0; i < c->res.docs[d].n_statements; i++) {
            c->feat[d].stmts[i].stems = NULL;
            c->feat[d].stmts[i].n_stems = 0;
        }
    if (!rc && index_groups(c) != 0)
        rc = qd_error_set(err, QD_ENOMEM, "matching: out of memory");
    if (!rc)
        rc = qd_frame_compute(c, err);
    return rc;
}

const qd_comparison *qd_corpus_result(const qd_corpus *c)
{
    return &c->res;
}

void qd_corpus_free(qd_corpus *c)
{
    if (!c)
        return;
    if (c->stemmer)
        sb_stemmer_delete(c->stemmer);
    free(c->dict_slots);
    free(c->dict_hash);
    free(c->dict_str);
    free(c->df);
    free(c->disp);
    free(c->res.speakers);
    free(c->res.docs);
    free(c->feat);
    qd_strmap_free(&c->speaker_keys);
    qd_strmap_free(&c->strs);
    qd_arena_release(&c->match_tmp);
    qd_arena_release(&c->align_tmp);
    qd_arena_release(&c->arena);
    free(c);
}
