/*
 * compare_view.h - facts the comparison reports share: per-event share of voice, the
 * statements only one outlet carries, outlet names, speaker names.
 */
#ifndef QD_COMPARE_VIEW_H
#define QD_COMPARE_VIEW_H

#include <jansson.h>

#include "quotediff/compare.h"
#include "../util/buf.h"

/* Outlet of a document, "unknown outlet" if none. */
const char *qd_view_outlet(const qd_cdoc *d);

/* Speaker name of a statement ("unattributed" if none). */
const char *qd_view_speaker(const qd_comparison *r, const qd_cstatement *s);

/* The distinct outlets of an event, in first-seen order; returns their number. */
uint32_t qd_view_outlets(const qd_comparison *r, const qd_event *e, const char **out, uint32_t cap);

/* Share of voice in an event: statements and quoted words per speaker and outlet. */
typedef struct qd_voice {
    int32_t speaker;        /* corpus speaker, -1 for unattributed */
    uint32_t *statements;   /* per outlet (index as qd_view_outlets) */
    uint32_t *quoted_words; /* words inside quotation marks */
    uint32_t total;
} qd_voice;

/* Rows sorted by total, largest first; free with qd_view_voice_free. */
qd_voice *qd_view_voice(const qd_comparison *r, const qd_event *e, const char **outlets, uint32_t n_outlets,
                        uint32_t *n_rows);
void qd_view_voice_free(qd_voice *v, uint32_t n);

/* The distinct outlets of a thread, in first-seen order. */
uint32_t qd_view_thread_outlets(const qd_comparison *r, const qd_thread *t, const char **out, uint32_t cap);

/* Share of voice over a whole thread (as qd_view_voice). */
qd_voice *qd_view_thread_voice(const qd_comparison *r, const qd_thread *t, const char **outlets, uint32_t n_outlets,
                               uint32_t *n_rows);

/* Is a statement a quote (holds quotation marks)? */
bool qd_view_is_quote(const qd_cstatement *s);

/* Documents in a thread. */
uint32_t qd_view_thread_docs(const qd_comparison *r, const qd_thread *t);

/* The framing of a scope (compare_framing.c): a JSON object, text or Markdown tables,
 * and HTML with inline SVG charts.  A scope is shown in the reports to read when it has
 * several outlets and is not the whole corpus (which has its own section). */
json_t *qd_framing_json(const qd_comparison *r, const qd_framing *f);
void qd_framing_text(qd_buf *b, const qd_comparison *r, const qd_framing *f, bool md);
void qd_framing_html(qd_buf *b, const qd_comparison *r, const qd_framing *f);
bool qd_view_show_framing(const qd_comparison *r, const qd_framing *f, uint32_t n_docs);

#endif
