/*
 * compare_text.c - the comparison as a report to read: plain text (terminal) or
 * Markdown.  Threads first (a timeline of their events), then every event: its
 * documents, the statements outlets share printed diff-style (one line per outlet,
 * word changes marked), what only one outlet carries, attribution conflicts, different
 * go-betweens, and share of voice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "compare_view.h"
#include "quotediff/compare.h"
#include "quotediff/report.h"
#include "report_util.h"

typedef struct tw {
    qd_buf *b;
    const qd_corpus *c;     /* whose result r is: diffs are made from it as they print */
    const qd_comparison *r;
    bool md;
    const qd_style *st;
    qd_write_fn write;  /* when set, the report goes out through it piece by piece */
    void *ctx;
    bool colour;
    bool write_failed;
} tw;

/* What the buffer may hold before it is written out when streaming: a report of
 * 100,000 documents is hundreds of megabytes, which need not sit in memory at once. */
#define SPILL_BYTES (1u << 20)

/* Streaming: write what the buffer holds (at the end of a thread or event, so on a line
 * boundary, which defanging needs) once it is large enough, or always with `all`. */
static void spill(tw *w, bool all)
{
    qd_buf *b = w->b;
    if (!w->write || b->failed || w->write_failed || !b->len || (!all && b->len < SPILL_BYTES))
        return;
    qd_text_defang(b->data, b->len, w->colour);
    if (w->write(w->ctx, b->data, b->len) != 0)
        w->write_failed = true;
    qd_buf_reset(b);
}

static void md_text(tw *w, const char *s);

static void heading(tw *w, int level, const char *fmt_text)
{
    if (w->md) {
        qd_buf_fill(w->b, '#', (size_t)level);
        qd_buf_putc(w->b, ' ');
        md_text(w, fmt_text);
        qd_buf_puts(w->b, "\n\n");
    } else {
        qd_buf_printf(w->b, "%s%s%s\n", w->st->bold, fmt_text, w->st->reset);
        qd_buf_fill(w->b, level == 1 ? '=' : '-', strlen(fmt_text) > 100 ? 100 : strlen(fmt_text));
        qd_buf_puts(w->b, "\n\n");
    }
}

/* Text safe inside a Markdown table cell or line. */
static void md_text(tw *w, const char *s)
{
    if (!w->md) {
        qd_buf_append_collapsed(w->b, s, strlen(s), 400);
        return;
    }
    for (const char *p = s; *p; p++) {
        if (*p == '|' || *p == '*' || *p == '_' || *p == '`' || *p == '[' || *p == ']' || *p == '<' || *p == '>' ||
            *p == '~' || *p == '#')
            qd_buf_putc(w->b, '\\');
        qd_buf_putc(w->b, *p == '\n' ? ' ' : *p);
    }
}

/* Text from the articles outside a code block: escaped in Markdown (a name or venue
 * holding "<script>" or "[x](javascript:...)" must stay text), as it is in plain text. */
static void put_text(tw *w, const char *s)
{
    if (w->md)
        md_text(w, s);
    else
        qd_buf_puts(w->b, s);
}

static void statement_line(tw *w, const qd_cstatement *s)
{
    qd_buf_puts(w->b, w->md ? "**" : "");
    md_text(w, qd_view_speaker(w->r, s));
    qd_buf_puts(w->b, w->md ? "**" : "");
    if (s->cue)
        qd_buf_printf(w->b, " (%s%s%s)", s->cue, s->stance && strcmp(s->stance, "neutral") ? ", " : "",
                      s->stance && strcmp(s->stance, "neutral") ? s->stance : "");
    qd_buf_puts(w->b, ": ");
    md_text(w, s->text);
}

static void diff_line(tw *w, const qd_diff_list *dl)
{
    for (uint32_t k = 0; k < dl->n; k++) {
        const qd_diff *d = &dl->ops[k];
        if (k)
            qd_buf_putc(w->b, ' ');
        if (d->op == QD_DIFF_SAME) {
            md_text(w, d->text);
        } else if (w->md) {
            qd_buf_puts(w->b, d->op == QD_DIFF_DEL ? "~~" : "**");
            md_text(w, d->text);
            qd_buf_puts(w->b, d->op == QD_DIFF_DEL ? "~~" : "**");
        } else {
            qd_buf_puts(w->b, d->op == QD_DIFF_DEL ? w->st->red : w->st->green);
            qd_buf_puts(w->b, d->op == QD_DIFF_DEL ? "[-" : "{+");
            qd_buf_puts(w->b, d->text);
            qd_buf_puts(w->b, d->op == QD_DIFF_DEL ? "-]" : "+}");
            qd_buf_puts(w->b, w->st->reset);
        }
    }
}

static void group_block(tw *w, uint32_t gi)
{
    const qd_comparison *r = w->r;
    const qd_group *g = &r->groups[gi];
    const qd_member *ref = &g->members[0];
    const qd_cstatement *rs = &r->docs[ref->doc].statements[ref->stmt];
    qd_buf_printf(w->b, w->md ? "**Group %u** — " : "  group %u: ", gi + 1);
    md_text(w, qd_view_speaker(r, rs));
    if (g->speaker_conflict)
        qd_buf_printf(w->b, "  %s[attribution conflict]%s", w->md ? "" : w->st->red, w->md ? "" : w->st->reset);
    if (g->intermediary_conflict)
        qd_buf_puts(w->b, "  [different go-betweens]");
    qd_buf_puts(w->b, w->md ? "\n\n```diff\n" : "\n");
    for (uint32_t k = 0; k < g->n_members; k++) {
        const qd_member *m = &g->members[k];
        const qd_cdoc *d = &r->docs[m->doc];
        const qd_cstatement *s = &d->statements[m->stmt];
        char mark = k == 0 ? ' ' : (m->kind == QD_ALIGN_IDENTICAL || m->kind == QD_ALIGN_NORMALIZED ? '=' : '~');
        bool md = w->md;
        w->md = false; /* inside the diff block plain text reads best */
        qd_buf_printf(w->b, "  %c ", k == 0 ? '-' : (mark == '=' ? ' ' : '+'));
        qd_buf_column(w->b, qd_view_outlet(d), 18, false);
        qd_buf_putc(w->b, ' ');
        /* the diff is made for this line and dropped (the corpus keeps none) */
        qd_diff_list dl;
        if (qd_member_diff(w->c, g, k, &dl, NULL) != 0)
            w->b->failed = true;
        if (k == 0 || dl.n == 0)
            qd_buf_append_collapsed(w->b, s->text, strlen(s->text), 400);
        else
            diff_line(w, &dl);
        qd_diff_list_free(&dl);
        qd_buf_printf(w->b, "   (%s", k == 0 ? "reference" : qd_align_kind_name(m->kind));
        if (k)
            qd_buf_printf(w->b, " %.2f", (double)m->score);
        if (s->speaker != rs->speaker)
            qd_buf_printf(w->b, "; credited to %s", qd_view_speaker(r, s));
        if (s->n_intermediaries) {
            qd_buf_puts(w->b, "; via ");
            for (uint32_t i = 0; i < s->n_intermediaries; i++)
                qd_buf_printf(w->b, "%s%s", i ? ", " : "", s->intermediaries[i]);
        }
        qd_buf_puts(w->b, ")\n");
        w->md = md;
    }
    qd_buf_puts(w->b, w->md ? "```\n\n" : "\n");
}

/* Widths of a share-of-voice column, in characters: at least, and at most. */
enum { VOICE_COLUMN = 14, VOICE_COLUMN_MAX = 24 };

static void voice_table(tw *w, const qd_voice *v, uint32_t nv, const char **outlets, uint32_t no, const char *title)
{
    const qd_comparison *r = w->r;
    if (!nv)
        return;
    heading(w, 3, title);
    /* an outlet's column is as wide as its name, up to a limit, so "The Limited Times"
     * is not cut to "The Limited Ti"; numbers need far less */
    size_t cw = VOICE_COLUMN;
    for (uint32_t o = 0; o < no; o++) {
        size_t k = qd_text_chars(outlets[o]);
        if (k > cw)
            cw = k < VOICE_COLUMN_MAX ? k : VOICE_COLUMN_MAX;
    }
    if (w->md) {
        qd_buf_puts(w->b, "| speaker |");
        for (uint32_t o = 0; o < no; o++) {
            qd_buf_putc(w->b, ' ');
            md_text(w, outlets[o]);
            qd_buf_puts(w->b, " |");
        }
        qd_buf_puts(w->b, "\n|---|");
        for (uint32_t o = 0; o < no; o++)
            qd_buf_puts(w->b, "---:|");
        qd_buf_putc(w->b, '\n');
    } else {
        qd_buf_puts(w->b, "  ");
        qd_buf_column(w->b, "speaker", 30, false);
        for (uint32_t o = 0; o < no; o++) {
            qd_buf_putc(w->b, ' ');
            qd_buf_column(w->b, outlets[o], cw, true);
        }
        qd_buf_putc(w->b, '\n');
    }
    for (uint32_t i = 0; i < nv; i++) {
        const char *name = v[i].speaker >= 0 ? r->speakers[v[i].speaker].name : "unattributed";
        if (w->md) {
            qd_buf_puts(w->b, "| ");
            md_text(w, name);
            qd_buf_puts(w->b, " |");
        } else {
            qd_buf_puts(w->b, "  ");
            qd_buf_column(w->b, name, 30, false);
        }
        for (uint32_t o = 0; o < no; o++) {
            char cell[48];
            if (v[i].statements[o])
                snprintf(cell, sizeof(cell), "%u / %u", v[i].statements[o], v[i].quoted_words[o]);
            else
                snprintf(cell, sizeof(cell), "%s", "-");
            if (w->md) {
                qd_buf_printf(w->b, " %s |", cell);
            } else {
                qd_buf_putc(w->b, ' ');
                qd_buf_column(w->b, cell, cw, true);
            }
        }
        qd_buf_putc(w->b, '\n');
    }
    qd_buf_putc(w->b, '\n');
}

static void event_block(tw *w, uint32_t ei)
{
    const qd_comparison *r = w->r;
    const qd_event *e = &r->events[ei];
    char title[600];
    snprintf(title, sizeof(title), "Event %u: %s", ei + 1, e->label ? e->label : "(untitled)");
    heading(w, 2, title);
    qd_buf_printf(w->b, "%s%u document%s", w->md ? "" : "  ", e->n_docs, e->n_docs == 1 ? "" : "s");
    if (e->first_date)
        qd_buf_printf(w->b, ", %s%s%s", e->first_date, e->last_date && strcmp(e->last_date, e->first_date) ? " to " : "",
                      e->last_date && strcmp(e->last_date, e->first_date) ? e->last_date : "");
    if (e->n_docs > 1)
        qd_buf_printf(w->b, ", cohesion %.2f", (double)e->cohesion);
    if (e->n_terms) {
        qd_buf_puts(w->b, w->md ? "; shared: " : "; shared terms: ");
        for (uint32_t i = 0; i < e->n_terms; i++) {
            qd_buf_puts(w->b, i ? ", " : "");
            put_text(w, e->terms[i]);
        }
    }
    qd_buf_puts(w->b, "\n\n");
    /* documents */
    if (w->md) {
        qd_buf_puts(w->b, "| outlet | date | title | file |\n|---|---|---|---|\n");
        for (uint32_t k = 0; k < e->n_docs; k++) {
            const qd_cdoc *d = &r->docs[e->docs[k]];
            qd_buf_puts(w->b, "| ");
            md_text(w, qd_view_outlet(d));
            qd_buf_printf(w->b, " | %s | ", d->date ? d->date : "");
            md_text(w, d->title ? d->title : "");
            qd_buf_puts(w->b, " | ");
            md_text(w, d->path);
            qd_buf_puts(w->b, " |\n");
        }
        qd_buf_puts(w->b, "\n");
    } else {
        for (uint32_t k = 0; k < e->n_docs; k++) {
            const qd_cdoc *d = &r->docs[e->docs[k]];
            qd_buf_puts(w->b, "  ");
            qd_buf_column(w->b, qd_view_outlet(d), 18, false);
            qd_buf_putc(w->b, ' ');
            qd_buf_column(w->b, d->date ? d->date : "(undated)", 24, false);
            qd_buf_printf(w->b, " %s\n  %-18s %-24s %s\n", d->title ? d->title : "(untitled)", "", "", d->path);
        }
        qd_buf_puts(w->b, "\n");
    }
    /* statement groups */
    bool any = false;
    for (uint32_t k = 0; k < e->n_groups; k++) {
        uint32_t gi = e->groups[k];
        if (!any)
            heading(w, 3, "Shared across outlets");
        any = true;
        group_block(w, gi);
    }
    /* what only one document carries */
    any = false;
    for (uint32_t k = 0; k < e->n_docs; k++) {
        const qd_cdoc *d = &r->docs[e->docs[k]];
        for (uint32_t i = 0; i < d->n_statements; i++) {
            const qd_cstatement *s = &d->statements[i];
            if (s->group >= 0)
                continue;
            if (!any)
                heading(w, 3, e->n_docs > 1 ? "Only in one outlet" : "Statements");
            any = true;
            qd_buf_puts(w->b, w->md ? "- " : "  ");
            if (e->n_docs > 1 || !w->md) {
                md_text(w, qd_view_outlet(d));
                qd_buf_puts(w->b, " | ");
            }
            qd_buf_printf(w->b, "%s | ", qd_statement_type_name(s->type));
            statement_line(w, s);
            if (s->venue || s->n_intermediaries) {
                qd_buf_puts(w->b, "  (");
                if (s->venue)
                    put_text(w, s->venue);
                for (uint32_t j = 0; j < s->n_intermediaries; j++) {
                    qd_buf_puts(w->b, s->venue || j ? " -> " : "via ");
                    put_text(w, s->intermediaries[j]);
                }
                qd_buf_puts(w->b, ")");
            }
            qd_buf_putc(w->b, '\n');
        }
    }
    if (any)
        qd_buf_putc(w->b, '\n');
    /* conflicts */
    any = false;
    for (uint32_t gk = 0; gk < e->n_groups; gk++) {
        uint32_t gi = e->groups[gk];
        const qd_group *g = &r->groups[gi];
        if (!g->speaker_conflict)
            continue;
        if (!any)
            heading(w, 3, "Attribution conflicts");
        any = true;
        qd_buf_printf(w->b, "%sgroup %u: the same words credited to ", w->md ? "- " : "  ", gi + 1);
        for (uint32_t k = 0; k < g->n_members; k++) {
            const qd_cdoc *d = &r->docs[g->members[k].doc];
            const qd_cstatement *s = &d->statements[g->members[k].stmt];
            qd_buf_puts(w->b, k ? ", " : "");
            put_text(w, qd_view_speaker(r, s));
            qd_buf_puts(w->b, " (");
            put_text(w, qd_view_outlet(d));
            qd_buf_puts(w->b, ")");
        }
        qd_buf_putc(w->b, '\n');
    }
    if (any)
        qd_buf_putc(w->b, '\n');
    /* share of voice */
    const char *outlets[32];
    uint32_t no = qd_view_outlets(r, e, outlets, 32);
    uint32_t nv;
    qd_voice *v = qd_view_voice(r, e, outlets, no, &nv);
    if (!v) {
        w->b->failed = true;
        return;
    }
    voice_table(w, v, nv, outlets, no, "Share of voice (statements / quoted words)");
    qd_view_voice_free(v, nv);
    if (r->framing && qd_view_show_framing(r, &r->framing->events[ei], e->n_docs)) {
        heading(w, 3, "How each outlet tells it");
        qd_framing_text(w->b, r, &r->framing->events[ei], w->md);
    }
}

/* The report into *out, or through `write` when it is given (out unused). */
static int compare_text(const qd_corpus *c, bool md, unsigned flags, qd_write_fn write, void *ctx, char **out,
                        qd_error *err)
{
    const qd_comparison *r = qd_corpus_result(c);
    qd_buf b;
    qd_buf_init(&b);
    bool colour = !md && (flags & QD_REPORT_COLOR);
    tw w = {&b, c, r, md, qd_style_get(colour), write, ctx, colour, false};
    char title[256];
    snprintf(title, sizeof(title), "quotediff comparison: %u document%s, %u event%s, %u thread%s", r->n_docs,
             r->n_docs == 1 ? "" : "s", r->n_events, r->n_events == 1 ? "" : "s", r->n_threads,
             r->n_threads == 1 ? "" : "s");
    heading(&w, 1, title);
    /* threads: a timeline of their events */
    for (uint32_t ti = 0; ti < r->n_threads; ti++) {
        const qd_thread *t = &r->threads[ti];
        char h[600];
        int n = snprintf(h, sizeof(h), "Thread %u:", ti + 1);
        for (uint32_t i = 0; i < t->n_terms && n < 500; i++)
            n += snprintf(h + n, sizeof(h) - (size_t)n, "%s %s", i ? "," : "", t->terms[i]);
        heading(&w, 2, h);
        for (uint32_t k = 0; k < t->n_events; k++) {
            const qd_event *e = &r->events[t->events[k]];
            qd_buf_puts(&b, md ? "- " : "  ");
            qd_buf_column(&b, e->first_date ? e->first_date : "(undated)", md ? 0 : 24, false);
            if (md)
                qd_buf_printf(&b, "%s", e->first_date ? e->first_date : "(undated)");
            qd_buf_printf(&b, "  event %u: ", t->events[k] + 1);
            md_text(&w, e->label ? e->label : "(untitled)");
            qd_buf_printf(&b, " (%u document%s)\n", e->n_docs, e->n_docs == 1 ? "" : "s");
        }
        qd_buf_putc(&b, '\n');
        if (t->n_events < 2)
            continue;
        bool any = false;
        for (uint32_t gk = 0; gk < t->n_groups; gk++) {
            uint32_t gi = t->groups[gk];
            if (!any)
                heading(&w, 3, "Quotes repeated across events");
            any = true;
            group_block(&w, gi);
        }
        const char *outlets[64];
        uint32_t no = qd_view_thread_outlets(r, t, outlets, 64);
        uint32_t nv;
        qd_voice *v = qd_view_thread_voice(r, t, outlets, no, &nv);
        if (!v) {
            b.failed = true;
            break;
        }
        voice_table(&w, v, nv < 12 ? nv : 12, outlets, no, "Who is quoted where in this thread (statements / quoted words)");
        qd_view_voice_free(v, nv);
        if (r->framing && qd_view_show_framing(r, &r->framing->threads[ti], qd_view_thread_docs(r, t))) {
            heading(&w, 3, "How each outlet tells this thread");
            qd_framing_text(&b, r, &r->framing->threads[ti], md);
        }
        spill(&w, false);
    }
    for (uint32_t ei = 0; ei < r->n_events; ei++) {
        event_block(&w, ei);
        spill(&w, false);
    }
    /* framing over the whole corpus */
    if (r->framing && r->framing->corpus.n_outlets) {
        heading(&w, 2, "How each outlet tells the story (whole corpus)");
        qd_framing_text(&b, r, &r->framing->corpus, md);
    }
    /* speakers across everything */
    heading(&w, 2, "Speakers across the corpus");
    for (uint32_t s = 0; s < r->n_speakers; s++) {
        uint32_t count = r->speakers[s].n_statements, docs = r->speakers[s].n_docs;
        if (!count)
            continue;
        qd_buf_puts(&b, md ? "- " : "  ");
        md_text(&w, r->speakers[s].name);
        qd_buf_printf(&b, ": %u statement%s in %u document%s\n", count, count == 1 ? "" : "s", docs, docs == 1 ? "" : "s");
    }
    spill(&w, true);
    if (b.failed || w.write_failed) {
        qd_buf_free(&b);
        return w.write_failed ? qd_error_set(err, QD_EIO, "compare: the report could not be written")
                              : qd_error_set(err, QD_ENOMEM, "compare: out of memory");
    }
    if (write) {
        qd_buf_free(&b);
        return 0;
    }
    if (b.data)
        qd_text_defang(b.data, b.len, colour);
    *out = b.data ? b.data : strdup("");
    return 0;
}

int qd_report_compare_text(const qd_corpus *c, bool md, unsigned flags, char **out, qd_error *err);
int qd_report_compare_text_to(const qd_corpus *c, bool md, unsigned flags, qd_write_fn write, void *ctx,
                              qd_error *err);

int qd_report_compare_text(const qd_corpus *c, bool md, unsigned flags, char **out, qd_error *err)
{
    return compare_text(c, md, flags, NULL, NULL, out, err);
}

int qd_report_compare_text_to(const qd_corpus *c, bool md, unsigned flags, qd_write_fn write, void *ctx,
                              qd_error *err)
{
    return compare_text(c, md, flags, write, ctx, NULL, err);
}
