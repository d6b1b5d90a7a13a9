/*
 * compare_html.c - the comparison as one self-contained web page.
 *
 * No scripts, no external resources: CSS inline, everything from the articles escaped.
 * A timeline of each thread leads to its events; an event shows its documents, then its
 * statement groups side by side (one column per outlet, words removed and added against
 * the group's reference coloured), what only one outlet carries, conflicts, and share of
 * voice; every statement links to its place in the article text at the end of the page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "compare_view.h"
#include "report_util.h"
#include "quotediff/compare.h"
#include "quotediff/report.h"

static const char *css =
    "*{box-sizing:border-box}"
    "body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1d2433;background:#f4f5f7}"
    "header.top{background:#1d2433;color:#fff;padding:18px 32px}header.top h1{margin:0;font-size:22px}"
    "header.top p{margin:4px 0 0;color:#b9c0cf}main{max-width:1280px;margin:0 auto;padding:16px 32px 48px}"
    "section{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.08);margin:18px 0;padding:18px 22px}"
    "h2{margin:0 0 6px;font-size:19px}h3{font-size:15px;margin:18px 0 8px;color:#3b4a6b;text-transform:uppercase;letter-spacing:.04em}"
    ".meta{color:#5b6478;font-size:13px}.chip{display:inline-block;background:#eef1f7;border-radius:10px;padding:1px 8px;margin:2px 3px 2px 0;font-size:12px;color:#3b4a6b}"
    "table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e6e8ee;vertical-align:top}"
    "th{color:#5b6478;font-weight:600;font-size:13px}td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".timeline{list-style:none;padding:0 0 0 14px;margin:8px 0;border-left:3px solid #c7cede}"
    ".timeline li{margin:0 0 8px;position:relative}.timeline li:before{content:'';position:absolute;left:-21px;top:6px;width:11px;height:11px;border-radius:50%;background:#4a6cd4}"
    ".timeline .d{font-variant-numeric:tabular-nums;color:#5b6478;margin-right:8px}"
    ".grid{display:grid;gap:10px;margin:8px 0 16px}.cell{border:1px solid #e1e5ee;border-radius:8px;padding:8px 10px;background:#fbfcfe}"
    ".cell .o{font-weight:600;font-size:13px;color:#3b4a6b}.cell .k{float:right;font-size:11px;border-radius:8px;padding:0 6px;background:#e8f0ff;color:#2d4f9e}"
    ".cell.ref{background:#fffdf2;border-color:#eadca3}.cell .who{font-size:12px;color:#5b6478;margin-top:4px}"
    ".q{margin:4px 0}del{background:#fde2e1;color:#9b1c1c;text-decoration:line-through}ins{background:#dcf5e3;color:#126b32;text-decoration:none}"
    ".flag{display:inline-block;background:#fde2e1;color:#9b1c1c;border-radius:8px;padding:0 7px;font-size:12px;margin-left:6px}"
    ".gh{font-size:13px;color:#3b4a6b;margin-top:12px}.empty{color:#9aa1b1;font-style:italic}"
    "a{color:#2d4f9e}article{border-top:1px solid #e6e8ee;margin-top:14px;padding-top:10px}article p{margin:6px 0}"
    "mark{background:#fff2b3;padding:0 1px}mark:target,a.anchor:target+mark{background:#ffd54a}"
    ".bar{display:inline-block;height:9px;background:#4a6cd4;border-radius:3px;vertical-align:middle;margin-right:4px}"
    "svg.chart{display:block;margin:10px 0;max-width:100%;height:auto;font-family:inherit}"
    "table.framing td,table.framing th{font-size:13px}table.framing th:first-child{width:14%}"
    ".contested{color:#9b1c1c}.ld{color:#9b1c1c;font-weight:600}";

static void link_to(qd_buf *b, uint32_t doc, uint32_t stmt)
{
    qd_buf_printf(b, "<a href=\"#d%u-s%u\" title=\"in the article\">&#8599;</a>", doc, stmt);
}

/* One statement in a box: in a group (ref/aligned, with its diff) or alone (m == NULL
 * kind: its statement type). */
static void statement_cell(qd_buf *b, const qd_comparison *r, const qd_member *m, bool ref, bool keep_text,
                           const qd_diff_list *dl)
{
    const qd_cdoc *d = &r->docs[m->doc];
    const qd_cstatement *s = &d->statements[m->stmt];
    bool alone = s->group < 0;
    qd_buf_printf(b, "<div class=\"cell%s\"><span class=\"k\">%s", ref ? " ref" : "",
                  alone ? qd_statement_type_name(s->type) : ref ? "reference" : qd_align_kind_name(m->kind));
    if (!ref && !alone)
        qd_buf_printf(b, " %.2f", (double)m->score);
    qd_buf_puts(b, "</span><div class=\"o\">");
    qd_buf_html_escapes(b, qd_view_outlet(d));
    qd_buf_puts(b, "</div><div class=\"q\">");
    if (ref || !dl || dl->n == 0) {
        qd_buf_html_escapes(b, s->text);
    } else {
        for (uint32_t i = 0; i < dl->n; i++) {
            const qd_diff *x = &dl->ops[i];
            if (i)
                qd_buf_putc(b, ' ');
            if (x->op == QD_DIFF_DEL)
                qd_buf_puts(b, "<del>");
            else if (x->op == QD_DIFF_INS)
                qd_buf_puts(b, "<ins>");
            qd_buf_html_escapes(b, x->text);
            if (x->op == QD_DIFF_DEL)
                qd_buf_puts(b, "</del>");
            else if (x->op == QD_DIFF_INS)
                qd_buf_puts(b, "</ins>");
        }
    }
    qd_buf_puts(b, "</div><div class=\"who\">");
    qd_buf_html_escapes(b, qd_view_speaker(r, s));
    if (s->cue) {
        qd_buf_puts(b, " &middot; ");
        qd_buf_html_escapes(b, s->cue);
    }
    if (s->venue) {
        qd_buf_puts(b, " &middot; ");
        qd_buf_html_escapes(b, s->venue);
    }
    for (uint32_t i = 0; i < s->n_intermediaries; i++) {
        qd_buf_puts(b, i ? " &rarr; " : " &middot; via ");
        qd_buf_html_escapes(b, s->intermediaries[i]);
    }
    if (keep_text) {
        qd_buf_puts(b, " ");
        link_to(b, m->doc, m->stmt);
    }
    qd_buf_puts(b, "</div></div>");
}

static void group_grid(qd_buf *b, const qd_corpus *c, uint32_t gi, const char **outlets, uint32_t no, bool keep);
static void thread_side_by_side(qd_buf *b, const qd_corpus *c, uint32_t ti);

static void event_section(qd_buf *b, const qd_corpus *c, uint32_t ei)
{
    const qd_comparison *r = qd_corpus_result(c);
    const qd_event *e = &r->events[ei];
    const char *outlets[32];
    uint32_t no = qd_view_outlets(r, e, outlets, 32);
    bool keep = r->n_docs && r->docs[0].text;
    qd_buf_printf(b, "<section id=\"e%u\"><h2>Event %u: ", ei + 1, ei + 1);
    qd_buf_html_escapes(b, e->label ? e->label : "(untitled)");
    qd_buf_printf(b, "</h2><div class=\"meta\">%u document%s", e->n_docs, e->n_docs == 1 ? "" : "s");
    if (e->first_date) {
        qd_buf_puts(b, " &middot; ");
        qd_buf_html_escapes(b, e->first_date);
        if (e->last_date && strcmp(e->last_date, e->first_date)) {
            qd_buf_puts(b, " to ");
            qd_buf_html_escapes(b, e->last_date);
        }
    }
    if (e->n_docs > 1)
        qd_buf_printf(b, " &middot; cohesion %.2f", (double)e->cohesion);
    qd_buf_puts(b, "</div><div>");
    for (uint32_t i = 0; i < e->n_terms; i++) {
        qd_buf_puts(b, "<span class=\"chip\">");
        qd_buf_html_escapes(b, e->terms[i]);
        qd_buf_puts(b, "</span>");
    }
    qd_buf_puts(b, "</div><table><tr><th>outlet</th><th>date</th><th>title</th><th>source</th></tr>");
    for (uint32_t k = 0; k < e->n_docs; k++) {
        const qd_cdoc *d = &r->docs[e->docs[k]];
        qd_buf_puts(b, "<tr><td>");
        qd_buf_html_escapes(b, qd_view_outlet(d));
        qd_buf_puts(b, "</td><td>");
        qd_buf_html_escapes(b, d->date ? d->date : "");
        qd_buf_puts(b, "</td><td>");
        if (keep)
            qd_buf_printf(b, "<a href=\"#d%u\">", e->docs[k]);
        qd_buf_html_escapes(b, d->title ? d->title : "(untitled)");
        if (keep)
            qd_buf_puts(b, "</a>");
        qd_buf_puts(b, "</td><td>");
        qd_buf_html_escapes(b, d->url ? d->url : d->path);
        qd_buf_puts(b, "</td></tr>");
    }
    qd_buf_puts(b, "</table>");
    /* groups side by side */
    bool any = false;
    for (uint32_t gk = 0; gk < e->n_groups; gk++) {
        uint32_t gi = e->groups[gk];
        if (!any)
            qd_buf_puts(b, "<h3>Shared across outlets</h3>");
        any = true;
        group_grid(b, c, gi, outlets, no, keep);
    }
    /* unique statements, one column per outlet */
    qd_buf_printf(b, "<h3>%s</h3><div class=\"grid\" style=\"grid-template-columns:repeat(%u,minmax(0,1fr))\">",
                  e->n_docs > 1 ? "Only in one outlet" : "Statements", no ? no : 1);
    for (uint32_t o = 0; o < no; o++) {
        qd_buf_puts(b, "<div>");
        for (uint32_t k = 0; k < e->n_docs; k++) {
            const qd_cdoc *d = &r->docs[e->docs[k]];
            if (strcmp(qd_view_outlet(d), outlets[o]) != 0)
                continue;
            for (uint32_t i = 0; i < d->n_statements; i++) {
                if (d->statements[i].group >= 0)
                    continue;
                qd_member m = {e->docs[k], i, QD_ALIGN_IDENTICAL, 1};
                statement_cell(b, r, &m, false, keep, NULL);
            }
        }
        qd_buf_puts(b, "</div>");
    }
    qd_buf_puts(b, "</div>");
    /* share of voice */
    uint32_t nv;
    qd_voice *v = qd_view_voice(r, e, outlets, no, &nv);
    if (!v) {
        b->failed = true;
        return;
    }
    if (nv) {
        uint32_t maxv = 1;
        for (uint32_t i = 0; i < nv; i++)
            for (uint32_t o = 0; o < no; o++)
                if (v[i].statements[o] > maxv)
                    maxv = v[i].statements[o];
        qd_buf_puts(b, "<h3>Share of voice</h3><table><tr><th>speaker</th>");
        for (uint32_t o = 0; o < no; o++) {
            qd_buf_puts(b, "<th>");
            qd_buf_html_escapes(b, outlets[o]);
            qd_buf_puts(b, "</th>");
        }
        qd_buf_puts(b, "</tr>");
        for (uint32_t i = 0; i < nv; i++) {
            qd_buf_puts(b, "<tr><td>");
            qd_buf_html_escapes(b, v[i].speaker >= 0 ? r->speakers[v[i].speaker].name : "unattributed");
            qd_buf_puts(b, "</td>");
            for (uint32_t o = 0; o < no; o++) {
                qd_buf_puts(b, "<td>");
                if (v[i].statements[o])
                    qd_buf_printf(b, "<span class=\"bar\" style=\"width:%upx\"></span>%u &middot; %u quoted words",
                                  4 + 60 * v[i].statements[o] / maxv, v[i].statements[o], v[i].quoted_words[o]);
                else
                    qd_buf_puts(b, "<span class=\"empty\">never</span>");
                qd_buf_puts(b, "</td>");
            }
            qd_buf_puts(b, "</tr>");
        }
        qd_buf_puts(b, "</table>");
    }
    qd_view_voice_free(v, nv);
    if (r->framing && qd_view_show_framing(r, &r->framing->events[ei], e->n_docs)) {
        qd_buf_puts(b, "<h3>How each outlet tells it</h3>");
        qd_framing_html(b, r, &r->framing->events[ei]);
    }
    qd_buf_puts(b, "</section>");
}

static void group_grid(qd_buf *b, const qd_corpus *c, uint32_t gi, const char **outlets, uint32_t no, bool keep)
{
    const qd_comparison *r = qd_corpus_result(c);
    const qd_group *g = &r->groups[gi];
    const qd_cstatement *rs = &r->docs[g->members[0].doc].statements[g->members[0].stmt];
    qd_buf_printf(b, "<div class=\"gh\">Group %u &middot; ", gi + 1);
    qd_buf_html_escapes(b, qd_view_speaker(r, rs));
    if (g->speaker_conflict)
        qd_buf_puts(b, "<span class=\"flag\">attribution conflict</span>");
    if (g->intermediary_conflict)
        qd_buf_puts(b, "<span class=\"flag\">different go-betweens</span>");
    qd_buf_printf(b, "</div><div class=\"grid\" style=\"grid-template-columns:repeat(%u,minmax(0,1fr))\">", no ? no : 1);
    for (uint32_t o = 0; o < no; o++) {
        qd_buf_puts(b, "<div>");
        bool here = false;
        for (uint32_t k = 0; k < g->n_members; k++) {
            const qd_member *m = &g->members[k];
            if (strcmp(qd_view_outlet(&r->docs[m->doc]), outlets[o]) != 0)
                continue;
            /* the diff is made for the page and dropped (the corpus keeps none) */
            qd_diff_list dl;
            if (qd_member_diff(c, g, k, &dl, NULL) != 0)
                b->failed = true;
            statement_cell(b, r, m, k == 0, keep, &dl);
            qd_diff_list_free(&dl);
            here = true;
        }
        if (!here) {
            qd_buf_puts(b, "<div class=\"cell\"><div class=\"o\">");
            qd_buf_html_escapes(b, outlets[o]);
            qd_buf_puts(b, "</div><div class=\"empty\">not carried</div></div>");
        }
        qd_buf_puts(b, "</div>");
    }
    qd_buf_puts(b, "</div>");
}

/* A thread at a glance: each leading speaker's words, one column per outlet. */
static void thread_side_by_side(qd_buf *b, const qd_corpus *c, uint32_t ti)
{
    const qd_comparison *r = qd_corpus_result(c);
    const qd_thread *t = &r->threads[ti];
    bool keep = r->n_docs && r->docs[0].text;
    const char *outlets[32];
    uint32_t no = qd_view_thread_outlets(r, t, outlets, 32);
    bool any = false;
    for (uint32_t gk = 0; gk < t->n_groups; gk++) {
        uint32_t gi = t->groups[gk];
        if (!any)
            qd_buf_puts(b, "<h3>Quotes repeated across events</h3>");
        any = true;
        group_grid(b, c, gi, outlets, no, keep);
    }
    uint32_t nv;
    qd_voice *v = qd_view_thread_voice(r, t, outlets, no, &nv);
    if (!v) {
        b->failed = true;
        return;
    }
    qd_buf_printf(b, "<h3>Who said what, by outlet</h3><div class=\"grid\" style=\"grid-template-columns:160px repeat(%u,minmax(0,1fr))\">",
                  no ? no : 1);
    qd_buf_puts(b, "<div></div>");
    for (uint32_t o = 0; o < no; o++) {
        qd_buf_puts(b, "<div class=\"o\"><b>");
        qd_buf_html_escapes(b, outlets[o]);
        qd_buf_puts(b, "</b></div>");
    }
    for (uint32_t i = 0; i < nv && i < 6; i++) {
        if (v[i].speaker < 0)
            continue;
        qd_buf_puts(b, "<div><b>");
        qd_buf_html_escapes(b, r->speakers[v[i].speaker].name);
        qd_buf_puts(b, "</b></div>");
        for (uint32_t o = 0; o < no; o++) {
            qd_buf_puts(b, "<div>");
            uint32_t shown = 0;
            for (uint32_t k = 0; k < t->n_events; k++) {
                const qd_event *e = &r->events[t->events[k]];
                for (uint32_t q = 0; q < e->n_docs; q++) {
                    const qd_cdoc *d = &r->docs[e->docs[q]];
                    if (strcmp(qd_view_outlet(d), outlets[o]) != 0)
                        continue;
                    for (uint32_t si = 0; si < d->n_statements && shown < 3; si++) {
                        const qd_cstatement *st = &d->statements[si];
                        if (st->speaker != v[i].speaker || st->type == QD_STMT_INDIRECT)
                            continue;
                        qd_member m = {e->docs[q], si, QD_ALIGN_IDENTICAL, 1};
                        statement_cell(b, r, &m, false, keep, NULL);
                        shown++;
                    }
                }
            }
            if (!shown)
                qd_buf_printf(b, "<div class=\"empty\">%s</div>", v[i].statements[o] ? "reported only" : "not quoted");
            qd_buf_puts(b, "</div>");
        }
    }
    qd_buf_puts(b, "</div>");
    qd_view_voice_free(v, nv);
}

typedef struct mspan {
    uint32_t start, end, stmt;
} mspan;

static int cmp_mspan(const void *x, const void *y)
{
    const mspan *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end > b->end ? -1 : a->end < b->end;
}

/* An article with its statements marked, each an anchor the reports link to. */
static void article(qd_buf *b, const qd_comparison *r, uint32_t di)
{
    const qd_cdoc *d = &r->docs[di];
    qd_buf_printf(b, "<article id=\"d%u\"><h3>", di);
    qd_buf_html_escapes(b, qd_view_outlet(d));
    if (d->date) {
        qd_buf_puts(b, " &middot; ");
        qd_buf_html_escapes(b, d->date);
    }
    qd_buf_puts(b, "</h3><div class=\"meta\">");
    qd_buf_html_escapes(b, d->url ? d->url : d->path);
    qd_buf_puts(b, "</div>");
    mspan *ms = malloc((d->n_statements + 1) * sizeof(mspan));
    if (!ms) {
        b->failed = true;
        return;
    }
    for (uint32_t i = 0; i < d->n_statements; i++)
        ms[i] = (mspan){d->statements[i].start, d->statements[i].end, i};
    qsort(ms, d->n_statements, sizeof(mspan), cmp_mspan);
    uint32_t k = 0;
    for (uint32_t p = 0; p < d->n_paragraphs; p++) {
        qd_span sp = d->paragraphs[p];
        qd_buf_puts(b, "<p>");
        uint32_t at = sp.start;
        while (at < sp.end) {
            /* statements starting inside what is already printed get an anchor only */
            while (k < d->n_statements && ms[k].start < at) {
                if (ms[k].start >= sp.start)
                    qd_buf_printf(b, "<a class=\"anchor\" id=\"d%u-s%u\"></a>", di, ms[k].stmt);
                k++;
            }
            if (k < d->n_statements && ms[k].start < sp.end) {
                uint32_t s0 = ms[k].start, s1 = ms[k].end < sp.end ? ms[k].end : sp.end;
                qd_buf_html_escape(b, d->text + at, s0 - at);
                qd_buf_printf(b, "<mark id=\"d%u-s%u\">", di, ms[k].stmt);
                k++;
                /* nested statements inside this one: anchors at the mark */
                while (k < d->n_statements && ms[k].start < s1) {
                    qd_buf_printf(b, "<a class=\"anchor\" id=\"d%u-s%u\"></a>", di, ms[k].stmt);
                    k++;
                }
                qd_buf_html_escape(b, d->text + s0, s1 - s0);
                qd_buf_puts(b, "</mark>");
                at = s1;
            } else {
                qd_buf_html_escape(b, d->text + at, sp.end - at);
                at = sp.end;
            }
        }
        qd_buf_puts(b, "</p>");
    }
    free(ms);
    qd_buf_puts(b, "</article>");
}

int qd_report_compare_html(const qd_corpus *c, unsigned flags, char **out, qd_error *err);

int qd_report_compare_html(const qd_corpus *c, unsigned flags, char **out, qd_error *err)
{
    const qd_comparison *r = qd_corpus_result(c);
    (void)flags;
    qd_buf b;
    qd_buf_init(&b);
    qd_buf_puts(&b, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
                    "<title>quotediff comparison</title><style>");
    qd_buf_puts(&b, css);
    qd_buf_printf(&b, "</style></head><body><header class=\"top\"><h1>quotediff comparison</h1>"
                      "<p>%u document%s &middot; %u event%s &middot; %u thread%s &middot; %u statement group%s</p></header><main>",
                  r->n_docs, r->n_docs == 1 ? "" : "s", r->n_events, r->n_events == 1 ? "" : "s", r->n_threads,
                  r->n_threads == 1 ? "" : "s", r->n_groups, r->n_groups == 1 ? "" : "s");
    /* timeline of each thread */
    for (uint32_t ti = 0; ti < r->n_threads; ti++) {
        const qd_thread *t = &r->threads[ti];
        qd_buf_printf(&b, "<section><h2>Thread %u</h2><div>", ti + 1);
        for (uint32_t i = 0; i < t->n_terms; i++) {
            qd_buf_puts(&b, "<span class=\"chip\">");
            qd_buf_html_escapes(&b, t->terms[i]);
            qd_buf_puts(&b, "</span>");
        }
        qd_buf_puts(&b, "</div><ul class=\"timeline\">");
        for (uint32_t k = 0; k < t->n_events; k++) {
            const qd_event *e = &r->events[t->events[k]];
            qd_buf_puts(&b, "<li><span class=\"d\">");
            qd_buf_html_escapes(&b, e->first_date ? e->first_date : "undated");
            qd_buf_printf(&b, "</span><a href=\"#e%u\">", t->events[k] + 1);
            qd_buf_html_escapes(&b, e->label ? e->label : "(untitled)");
            qd_buf_printf(&b, "</a> <span class=\"meta\">(%u document%s:", e->n_docs, e->n_docs == 1 ? "" : "s");
            const char *outlets[32];
            uint32_t no = qd_view_outlets(r, e, outlets, 32);
            for (uint32_t o = 0; o < no; o++) {
                qd_buf_puts(&b, o ? ", " : " ");
                qd_buf_html_escapes(&b, outlets[o]);
            }
            qd_buf_puts(&b, ")</span></li>");
        }
        qd_buf_puts(&b, "</ul>");
        if (t->n_events > 1)
            thread_side_by_side(&b, c, ti);
        if (r->framing && qd_view_show_framing(r, &r->framing->threads[ti], qd_view_thread_docs(r, t))) {
            qd_buf_puts(&b, "<h3>How each outlet tells this thread</h3>");
            qd_framing_html(&b, r, &r->framing->threads[ti]);
        }
        qd_buf_puts(&b, "</section>");
    }
    if (r->framing && r->framing->corpus.n_outlets) {
        qd_buf_puts(&b, "<section id=\"framing\"><h2>How each outlet tells the story</h2>"
                        "<div class=\"meta\">the whole corpus, outlet by outlet</div>");
        qd_framing_html(&b, r, &r->framing->corpus);
        qd_buf_puts(&b, "</section>");
    }
    for (uint32_t ei = 0; ei < r->n_events; ei++)
        event_section(&b, c, ei);
    if (r->n_docs && r->docs[0].text) {
        qd_buf_puts(&b, "<section><h2>Articles</h2>");
        for (uint32_t d = 0; d < r->n_docs; d++)
            article(&b, r, d);
        qd_buf_puts(&b, "</section>");
    }
    qd_buf_puts(&b, "</main></body></html>\n");
    if (b.failed) {
        qd_buf_free(&b);
        return qd_error_set(err, QD_ENOMEM, "compare: out of memory");
    }
    *out = b.data;
    return 0;
}
