/*
 * doc_text.c - the readable listing of one document (extract --format text).
 */
#include <stdlib.h>
#include <string.h>

#include "../doc_internal.h"
#include "../util/buf.h"
#include "quotediff/report.h"
#include "report_util.h"

int qd_report_doc_text(const qd_doc *doc, unsigned flags, char **out, qd_error *err)
{
    qd_buf b;
    qd_buf_init(&b);
    const qd_style *st = qd_style_get(flags & QD_REPORT_COLOR);
    const qd_meta *m = &doc->meta;
    qd_buf_printf(&b, "%s== %s%s\n", st->bold, doc->path, st->reset);
    if (m->url) /* a crawler record is known by its URL more than by its line */
        qd_buf_printf(&b, "   %s\n", m->url);
    if (m->title)
        qd_buf_printf(&b, "   %s%s%s\n", st->bold, m->title, st->reset);
    qd_buf_printf(&b, "   outlet: %s", m->outlet ? m->outlet : "unknown");
    if (m->outlet_how)
        qd_buf_printf(&b, " (%s)", m->outlet_how);
    qd_buf_printf(&b, "   date: %s", m->date ? m->date : "unknown");
    if (m->byline)
        qd_buf_printf(&b, "   by: %s", m->byline);
    if (m->credit)
        qd_buf_printf(&b, "   credit: %s", m->credit);
    qd_buf_puts(&b, "\n");
    for (uint32_t i = 0; i < doc->n_warnings; i++)
        qd_buf_printf(&b, "   %swarning:%s %s\n", st->red, st->reset, doc->warnings[i]);
    const qd_analysis *an = doc->analysis;
    if (!an) {
        qd_buf_puts(&b, "\n");
        goto done;
    }
    qd_buf_printf(&b, "   %u statement%s, %u speaker%s\n\n", an->n_statements, an->n_statements == 1 ? "" : "s",
                  qd_count_speakers(an), qd_count_speakers(an) == 1 ? "" : "s");
    for (uint32_t i = 0; i < an->n_statements; i++) {
        const qd_statement *s = &an->statements[i];
        const char *who = s->entity >= 0 ? an->entities[s->entity].name : "(unattributed)";
        qd_buf_printf(&b, "   [%u] %-8s %s%s%s", i + 1, qd_statement_type_name(s->type), st->cyan, who ? who : "?",
                      st->reset);
        if (s->speaker >= 0) {
            qd_span sp = an->mentions[s->speaker].span;
            qd_buf_puts(&b, "  as \"");
            qd_buf_append_collapsed(&b, doc->text + sp.start, sp.end - sp.start, 60);
            qd_buf_puts(&b, "\"");
        }
        if (!qd_span_empty(s->cue)) {
            qd_buf_puts(&b, "  cue: ");
            qd_buf_append_collapsed(&b, doc->text + s->cue.start, s->cue.end - s->cue.start, 40);
            if (s->stance && strcmp(s->stance, "neutral") != 0)
                qd_buf_printf(&b, " (%s)", s->stance);
        } else if (s->continuation) {
            qd_buf_puts(&b, "  (continues)");
        }
        qd_buf_puts(&b, "\n");
        for (uint32_t k = 0; k < s->n_pieces; k++) {
            qd_buf_printf(&b, "       %s%s", k ? "... " : "", st->green);
            qd_buf_append_wrapped(&b, doc->text + s->pieces[k].start, s->pieces[k].end - s->pieces[k].start, 7,
                                  92);
            qd_buf_printf(&b, "%s\n", st->reset);
        }
        if (s->n_provenance) {
            qd_buf_puts(&b, "       via: ");
            for (uint32_t k = 0; k < s->n_provenance; k++)
                qd_buf_printf(&b, "%s%s (%s)", k ? " -> " : "", s->provenance[k].name,
                              qd_prov_role_name(s->provenance[k].role));
            qd_buf_puts(&b, "\n");
        }
        if (s->parent >= 0)
            qd_buf_printf(&b, "       reported within [%d]\n", s->parent + 1);
    }
    bool any = false;
    for (uint32_t i = 0; i < an->n_quoted; i++) {
        const qd_quoted *q = &an->quoted[i];
        if (q->type == QD_QUOTED_SPEECH)
            continue;
        if (!any)
            qd_buf_puts(&b, "\n   quoted words (not speech):");
        any = true;
        qd_buf_printf(&b, " %s \"", qd_quoted_type_name(q->type));
        qd_buf_append_collapsed(&b, doc->text + q->inner.start, q->inner.end - q->inner.start, 50);
        qd_buf_puts(&b, "\"");
    }
    if (any)
        qd_buf_puts(&b, "\n");
    /* speakers */
    bool first = true;
    for (uint32_t e = 0; e < an->n_entities; e++) {
        uint32_t n = 0;
        for (uint32_t i = 0; i < an->n_statements; i++)
            n += an->statements[i].entity == (int32_t)e;
        const qd_entity *en = &an->entities[e];
        if (!n && !en->role_conflict)
            continue;
        if (first)
            qd_buf_puts(&b, "\n   speakers:\n");
        first = false;
        qd_buf_puts(&b, "     ");
        qd_buf_column(&b, en->name ? en->name : "?", 28, false);
        qd_buf_printf(&b, " %-12s %2u statement%s", qd_entity_kind_name(en->kind), n, n == 1 ? " " : "s");
        for (uint32_t r = 0; r < en->n_roles; r++)
            qd_buf_printf(&b, "%s%s", r ? ", " : "  roles: ", en->roles[r]);
        if (en->role_conflict)
            qd_buf_printf(&b, "  %s(role conflict: %s)%s", st->red, en->role_conflict, st->reset);
        qd_buf_puts(&b, "\n");
    }
    qd_buf_puts(&b, "\n");
done:
    if (b.failed) {
        qd_buf_free(&b);
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    }
    if (!b.data)
        qd_buf_puts(&b, "");
    qd_text_defang(b.data, b.len, flags & QD_REPORT_COLOR);
    *out = b.data;
    return 0;
}
