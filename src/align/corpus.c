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
    qd_strmap_init(&c->dict, &c->arena);
    qd_strmap_init(&c->speaker_keys, &c->arena);
    *out = c;
    return 0;
}

int qd_corpus_match(qd_corpus *c, qd_error *err)
{
    if (c->matched)
        return 0;
    c->matched = true;
    int rc = qd_match_events(c, err);
    if (!rc)
        rc = qd_match_statements(c, err);
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
    qd_arena_release(&c->arena);
    free(c);
}
