/*
 * compare_view.c - see compare_view.h.
 */
#include "compare_view.h"

#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"
#include "../util/arena.h"

const char *qd_view_outlet(const qd_cdoc *d)
{
    return d->outlet ? d->outlet : "unknown outlet";
}

const char *qd_view_speaker(const qd_comparison *r, const qd_cstatement *s)
{
    return s->speaker >= 0 ? r->speakers[s->speaker].name : "unattributed";
}

uint32_t qd_view_outlets(const qd_comparison *r, const qd_event *e, const char **out, uint32_t cap)
{
    uint32_t n = 0;
    for (uint32_t k = 0; k < e->n_docs; k++) {
        const char *o = qd_view_outlet(&r->docs[e->docs[k]]);
        bool seen = false;
        for (uint32_t i = 0; i < n; i++)
            seen |= !strcmp(out[i], o);
        if (!seen && n < cap)
            out[n++] = o;
    }
    return n;
}

bool qd_view_is_quote(const qd_cstatement *s)
{
    return s->type == QD_STMT_DIRECT || s->type == QD_STMT_PARTIAL || s->type == QD_STMT_MIXED;
}

static int cmp_voice(const void *a, const void *b)
{
    const qd_voice *x = a, *y = b;
    if (x->total != y->total)
        return x->total > y->total ? -1 : 1;
    return x->speaker - y->speaker;
}

uint32_t qd_view_thread_outlets(const qd_comparison *r, const qd_thread *t, const char **out, uint32_t cap)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < t->n_events; i++) {
        const char *tmp[64];
        uint32_t m = qd_view_outlets(r, &r->events[t->events[i]], tmp, 64);
        for (uint32_t k = 0; k < m; k++) {
            bool seen = false;
            for (uint32_t q = 0; q < n; q++)
                seen |= !strcmp(out[q], tmp[k]);
            if (!seen && n < cap)
                out[n++] = tmp[k];
        }
    }
    return n;
}

static qd_voice *voice_of_docs(const qd_comparison *r, const uint32_t *docs, uint32_t nd, const char **outlets,
                               uint32_t n_outlets, uint32_t *n_rows);

qd_voice *qd_view_voice(const qd_comparison *r, const qd_event *e, const char **outlets, uint32_t n_outlets,
                        uint32_t *n_rows)
{
    return voice_of_docs(r, e->docs, e->n_docs, outlets, n_outlets, n_rows);
}

qd_voice *qd_view_thread_voice(const qd_comparison *r, const qd_thread *t, const char **outlets, uint32_t n_outlets,
                               uint32_t *n_rows)
{
    uint32_t nd = 0;
    for (uint32_t i = 0; i < t->n_events; i++)
        nd += r->events[t->events[i]].n_docs;
    uint32_t *docs = malloc((nd + 1) * sizeof(uint32_t));
    if (!docs)
        return NULL;
    nd = 0;
    for (uint32_t i = 0; i < t->n_events; i++) {
        const qd_event *e = &r->events[t->events[i]];
        for (uint32_t k = 0; k < e->n_docs; k++)
            docs[nd++] = e->docs[k];
    }
    qd_voice *v = voice_of_docs(r, docs, nd, outlets, n_outlets, n_rows);
    free(docs);
    return v;
}

#define VOICE_SCAN 64

static qd_voice *voice_of_docs(const qd_comparison *r, const uint32_t *docs, uint32_t nd, const char **outlets,
                               uint32_t n_outlets, uint32_t *n_rows)
{
    qd_voice *v = NULL;
    uint32_t n = 0, cap = 0; /* rows double as they fill: one realloc each copied them all */
    /* A speaker's row is looked for among the rows while they are few; past VOICE_SCAN
     * rows (a thread of thousands of articles has thousands of speakers, and the scan
     * made the report quadratic) through a table by speaker.  Rows keep the order they
     * were met in either way. */
    int32_t *row_of = NULL; /* speaker + 1 -> row, or -1 */
    for (uint32_t k = 0; k < nd; k++) {
        const qd_cdoc *d = &r->docs[docs[k]];
        uint32_t o = 0;
        while (o < n_outlets && strcmp(outlets[o], qd_view_outlet(d)) != 0)
            o++;
        if (o == n_outlets)
            continue;
        for (uint32_t i = 0; i < d->n_statements; i++) {
            const qd_cstatement *s = &d->statements[i];
            uint32_t row = 0;
            bool indexed = row_of && s->speaker >= -1 && (uint32_t)(s->speaker + 1) <= r->n_speakers;
            if (indexed)
                row = row_of[s->speaker + 1] >= 0 ? (uint32_t)row_of[s->speaker + 1] : n;
            else
                while (row < n && v[row].speaker != s->speaker)
                    row++;
            if (row == n) {
                if (n == cap) {
                    qd_voice *nv = qd_grow_array(v, &cap, n + 1, sizeof(qd_voice));
                    if (!nv)
                        goto fail;
                    v = nv;
                }
                v[n].speaker = s->speaker;
                v[n].statements = calloc(n_outlets + 1, sizeof(uint32_t));
                v[n].quoted_words = calloc(n_outlets + 1, sizeof(uint32_t));
                v[n].total = 0;
                n++;
                if (!v[n - 1].statements || !v[n - 1].quoted_words)
                    goto fail;
                if (indexed) {
                    row_of[s->speaker + 1] = (int32_t)row;
                } else if (!row_of && n > VOICE_SCAN) {
                    if (!(row_of = malloc((r->n_speakers + 2) * sizeof(int32_t))))
                        goto fail;
                    for (uint32_t q = 0; q < r->n_speakers + 2; q++)
                        row_of[q] = -1;
                    for (uint32_t q = 0; q < n; q++)
                        if (v[q].speaker >= -1 && (uint32_t)(v[q].speaker + 1) <= r->n_speakers)
                            row_of[v[q].speaker + 1] = (int32_t)q;
                }
            }
            v[row].statements[o]++;
            v[row].quoted_words[o] += qd_quoted_word_count(s->text);
            v[row].total++;
        }
    }
    free(row_of);
    if (n > 1)
        qsort(v, n, sizeof(qd_voice), cmp_voice);
    *n_rows = n;
    return v ? v : calloc(1, sizeof(qd_voice));
fail:
    free(row_of);
    qd_view_voice_free(v, n);
    *n_rows = 0;
    return NULL;
}

uint32_t qd_view_thread_docs(const qd_comparison *r, const qd_thread *t)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < t->n_events; i++)
        n += r->events[t->events[i]].n_docs;
    return n;
}

bool qd_view_show_framing(const qd_comparison *r, const qd_framing *f, uint32_t n_docs)
{
    return f && f->n_outlets > 1 && n_docs < r->n_docs;
}

void qd_view_voice_free(qd_voice *v, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        free(v[i].statements);
        free(v[i].quoted_words);
    }
    free(v);
}
