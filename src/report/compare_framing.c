/*
 * compare_framing.c - the framing of a scope (quotediff/framing.h) in every report
 * format: JSON objects, text and Markdown tables, and HTML with inline SVG bar charts
 * (speech-verb stance per speaker, share of voice per side), drawn here without scripts
 * or external resources.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare_view.h"
#include "report_util.h"

/* Speakers with rows of their own in the tables and charts (JSON has them all). */
#define QD_FRAME_SHOW_SPEAKERS 8

static const char *speaker_name(const qd_comparison *r, int32_t s)
{
    return s >= 0 && (uint32_t)s < r->n_speakers ? r->speakers[s].name : "unattributed";
}

/* Speakers worth a row: credited ones (the writer and unattributed add nothing to
 * "how is X introduced"), at most `cap`, by statements over the whole scope. */
typedef struct spk_total {
    int32_t speaker;
    uint32_t n;
} spk_total;

static int cmp_spk_id(const void *a, const void *b)
{
    const spk_total *x = a, *y = b;
    return x->speaker - y->speaker;
}

static int cmp_spk_total(const void *a, const void *b)
{
    const spk_total *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return x->speaker - y->speaker;
}

static uint32_t main_speakers(const qd_comparison *r, const qd_framing *f, int32_t *out, uint32_t cap)
{
    /* statements per credited speaker over the scope's outlets, largest first */
    uint32_t n = 0;
    for (uint32_t o = 0; o < f->n_outlets; o++)
        n += f->outlets[o].n_speakers;
    spk_total *t = malloc((n + 1) * sizeof(spk_total));
    if (!t)
        return 0;
    n = 0;
    for (uint32_t o = 0; o < f->n_outlets; o++)
        for (uint32_t i = 0; i < f->outlets[o].n_speakers; i++) {
            const qd_frame_speaker *s = &f->outlets[o].speakers[i];
            if (qd_frame_shared_speaker(r, s->speaker))
                t[n++] = (spk_total){s->speaker, s->statements};
        }
    qsort(t, n, sizeof(spk_total), cmp_spk_id);
    uint32_t u = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (u && t[u - 1].speaker == t[i].speaker)
            t[u - 1].n += t[i].n;
        else
            t[u++] = t[i];
    }
    qsort(t, u, sizeof(spk_total), cmp_spk_total);
    /* speakers quoted once are left out when at least two are quoted more */
    uint32_t min = u >= 2 && t[1].n >= 2 ? 2 : 1;
    uint32_t m = 0;
    for (uint32_t i = 0; i < u && m < cap && t[i].n >= min; i++)
        out[m++] = t[i].speaker;
    free(t);
    return m;
}

static const qd_frame_speaker *find_speaker(const qd_frame_outlet *fo, int32_t s)
{
    for (uint32_t i = 0; i < fo->n_speakers; i++)
        if (fo->speakers[i].speaker == s)
            return &fo->speakers[i];
    return NULL;
}

/* "say 5, insist 2 (emphatic), claim (doubtful)" */
static void verb_list(qd_buf *b, const qd_frame_speaker *s, uint32_t max)
{
    if (!s->n_verbs)
        qd_buf_puts(b, "(no verb)");
    for (uint32_t i = 0; i < s->n_verbs && i < max; i++) {
        const qd_frame_verb *v = &s->verbs[i];
        qd_buf_printf(b, "%s%s", i ? ", " : "", v->lemma);
        if (v->count > 1)
            qd_buf_printf(b, " %u", v->count);
        if (v->stance != QD_STANCE_NEUTRAL && v->stance != QD_STANCE_NONE)
            qd_buf_printf(b, " (%s)", qd_stance_name(v->stance));
    }
    if (s->n_verbs > max)
        qd_buf_printf(b, ", +%u more", s->n_verbs - max);
}

static uint32_t loaded(const qd_frame_speaker *s)
{
    uint32_t n = 0;
    for (int k = QD_STANCE_EMPHATIC; k < QD_STANCE_NONE; k++)
        n += s->stance[k];
    return n;
}

/* ---- JSON ------------------------------------------------------------------------ */

static double round3(double x)
{
    return floor(x * 1000.0 + 0.5) / 1000.0;
}

json_t *qd_framing_json(const qd_comparison *r, const qd_framing *f)
{
    json_t *root = json_object();
    json_t *outs = json_array();
    for (uint32_t o = 0; o < f->n_outlets; o++) {
        const qd_frame_outlet *fo = &f->outlets[o];
        json_t *jo = json_object();
        json_object_set_new(jo, "outlet", json_string(fo->outlet));
        json_object_set_new(jo, "documents", json_integer(fo->documents));
        json_object_set_new(jo, "words", json_integer(fo->words));
        json_object_set_new(jo, "statements", json_integer(fo->statements));
        json_t *a = json_array();
        for (uint32_t i = 0; i < fo->n_scare; i++)
            json_array_append_new(a, json_pack("{s:s,s:i,s:b,s:i,s:i,s:i}", "term", fo->scare[i].text, "count",
                                               (int)fo->scare[i].count, "only_this_outlet",
                                               fo->scare[i].outlets == 1 && f->n_outlets > 1, "plain_here",
                                               (int)fo->scare[i].plain_here, "plain_elsewhere",
                                               (int)fo->scare[i].plain_elsewhere, "plain_outlets",
                                               (int)fo->scare[i].plain_outlets));
        json_object_set_new(jo, "scare_quotes", a);
        a = json_array();
        for (uint32_t i = 0; i < fo->n_labels; i++) {
            const qd_frame_label *l = &fo->labels[i];
            json_array_append_new(a, json_pack("{s:s,s:s,s:i,s:i,s:i}", "referent", l->referent, "label", l->label,
                                               "own_voice", (int)l->own, "scare_quoted", (int)l->scare,
                                               "in_quotes", (int)l->quoted));
        }
        json_object_set_new(jo, "labels", a);
        a = json_array();
        for (uint32_t i = 0; i < fo->n_speakers; i++) {
            const qd_frame_speaker *s = &fo->speakers[i];
            json_t *js = json_object();
            json_object_set_new(js, "speaker", s->speaker >= 0 ? json_string(speaker_name(r, s->speaker)) : json_null());
            json_object_set_new(js, "side", qd_json_str_or_null(s->side));
            json_object_set_new(js, "statements", json_integer(s->statements));
            json_object_set_new(js, "verbatim", json_integer(s->verbatim));
            json_object_set_new(js, "paraphrased", json_integer(s->paraphrased));
            json_object_set_new(js, "quoted_words", json_integer(s->quoted_words));
            json_object_set_new(js, "quoted_first", json_integer(s->first));
            json_t *st = json_object();
            for (int k = 0; k < QD_N_STANCES; k++)
                if (s->stance[k])
                    json_object_set_new(st, qd_stance_name((qd_stance)k), json_integer(s->stance[k]));
            json_object_set_new(js, "stance", st);
            json_t *vs = json_array();
            for (uint32_t k = 0; k < s->n_verbs; k++)
                json_array_append_new(vs, json_pack("{s:s,s:s,s:i}", "verb", s->verbs[k].lemma, "stance",
                                                    qd_stance_name(s->verbs[k].stance), "count", (int)s->verbs[k].count));
            json_object_set_new(js, "verbs", vs);
            json_array_append_new(a, js);
        }
        json_object_set_new(jo, "speakers", a);
        a = json_array();
        for (uint32_t i = 0; i < fo->n_sides; i++)
            json_array_append_new(a, json_pack("{s:s,s:i,s:i,s:i}", "side", fo->sides[i].side, "statements",
                                               (int)fo->sides[i].statements, "quoted_words",
                                               (int)fo->sides[i].quoted_words, "loaded_verbs",
                                               (int)fo->sides[i].loaded));
        json_object_set_new(jo, "sides", a);
        json_object_set_new(jo, "first_quoted",
                            fo->first_speaker >= 0 ? json_string(speaker_name(r, fo->first_speaker)) : json_null());
        a = json_array();
        for (uint32_t i = 0; i < fo->n_sources; i++)
            json_array_append_new(a, json_pack("{s:s,s:s,s:i}", "name", fo->sources[i].name, "kind",
                                               qd_source_kind_name(fo->sources[i].kind), "count",
                                               (int)fo->sources[i].count));
        json_object_set_new(jo, "sources", a);
        a = json_array();
        for (uint32_t i = 0; i < fo->n_distinctive; i++) {
            const qd_frame_term *t = &fo->distinctive[i];
            json_array_append_new(a, json_pack("{s:s,s:i,s:i,s:f,s:f}", "term", t->term, "count", (int)t->count,
                                               "rest", (int)t->rest, "log_odds", round3(t->delta), "z", round3(t->z)));
        }
        json_object_set_new(jo, "distinctive_terms", a);
        json_array_append_new(outs, jo);
    }
    json_object_set_new(root, "outlets", outs);
    json_t *c = json_array();
    for (uint32_t i = 0; i < f->n_contested; i++)
        json_array_append_new(c, json_string(f->contested[i]));
    json_object_set_new(root, "contested_referents", c);
    return root;
}

/* ---- text and Markdown --------------------------------------------------------------- */

/* " (only here; plainly in 2 other outlets, 5 times)" */
static void scare_notes(qd_buf *b, const qd_framing *f, const qd_frame_scare *s)
{
    bool only = s->outlets == 1 && f->n_outlets > 1;
    if (!only && !s->plain_elsewhere && !s->plain_here)
        return;
    qd_buf_puts(b, " (");
    if (only)
        qd_buf_puts(b, "only here");
    if (s->plain_here)
        qd_buf_printf(b, "%sunquoted here %u", only ? "; " : "", s->plain_here);
    if (s->plain_elsewhere)
        qd_buf_printf(b, "%sunquoted in %u other outlet%s, %u time%s", only || s->plain_here ? "; " : "",
                      s->plain_outlets, s->plain_outlets == 1 ? "" : "s", s->plain_elsewhere,
                      s->plain_elsewhere == 1 ? "" : "s");
    qd_buf_putc(b, ')');
}

/* Text safe in a Markdown table cell. */
static void cell(qd_buf *b, bool md, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (md && (*p == '|' || *p == '*' || *p == '_' || *p == '`' || *p == '[' || *p == ']' || *p == '<' ||
                   *p == '>' || *p == '~' || *p == '#'))
            qd_buf_putc(b, '\\');
        qd_buf_putc(b, *p == '\n' || *p == '|' ? ' ' : *p);
    }
}

static void sub_heading(qd_buf *b, bool md, const char *t)
{
    if (md)
        qd_buf_printf(b, "**%s**\n\n", t);
    else
        qd_buf_printf(b, "  %s\n\n", t);
}

/* One table row: cells already rendered into strings. */
static void row(qd_buf *b, bool md, const char **cells, uint32_t n, const size_t *widths)
{
    if (md) {
        qd_buf_puts(b, "|");
        for (uint32_t i = 0; i < n; i++) {
            qd_buf_putc(b, ' ');
            cell(b, true, cells[i]);
            qd_buf_puts(b, " |");
        }
        qd_buf_putc(b, '\n');
        return;
    }
    qd_buf_puts(b, "    ");
    for (uint32_t i = 0; i < n; i++) {
        if (i + 1 < n) {
            qd_buf_column(b, cells[i], widths[i], false);
            qd_buf_puts(b, "  ");
        } else {
            qd_buf_puts(b, cells[i]);
        }
    }
    qd_buf_putc(b, '\n');
}

static void md_rule(qd_buf *b, bool md, uint32_t n)
{
    if (!md)
        return;
    qd_buf_puts(b, "|");
    for (uint32_t i = 0; i < n; i++)
        qd_buf_puts(b, "---|");
    qd_buf_putc(b, '\n');
}

/* A table's header: a rule under it in both forms. */
static void header(qd_buf *b, bool md, const char **cells, uint32_t n, const size_t *widths)
{
    row(b, md, cells, n, widths);
    if (md) {
        md_rule(b, md, n);
        return;
    }
    qd_buf_puts(b, "    ");
    for (uint32_t i = 0; i < n; i++) {
        size_t w = i + 1 < n ? widths[i] : strlen(cells[i]);
        qd_buf_fill(b, '-', w);
        if (i + 1 < n)
            qd_buf_puts(b, "  ");
    }
    qd_buf_putc(b, '\n');
}

static bool any_of(const qd_framing *f, size_t off)
{
    for (uint32_t o = 0; o < f->n_outlets; o++)
        if (*(const uint32_t *)((const char *)&f->outlets[o] + off))
            return true;
    return false;
}

void qd_framing_text(qd_buf *b, const qd_comparison *r, const qd_framing *f, bool md)
{
    char s1[512], s2[2048];
    static const size_t w2[] = {22, 0}, w3[] = {22, 34, 0}, w4[] = {22, 26, 22, 0};
    /* scare quotes */
    if (any_of(f, offsetof(qd_frame_outlet, n_scare))) {
        sub_heading(b, md, "Scare quotes (words in quotation marks nobody is credited with)");
        const char *h[] = {"outlet", "terms"};
        header(b, md, h, 2, w2);
        for (uint32_t o = 0; o < f->n_outlets; o++) {
            const qd_frame_outlet *fo = &f->outlets[o];
            if (!fo->n_scare)
                continue;
            qd_buf t;
            qd_buf_init(&t);
            for (uint32_t i = 0; i < fo->n_scare && i < 12; i++) {
                qd_buf_printf(&t, "%s\u201c%s\u201d", i ? ", " : "", fo->scare[i].text);
                if (fo->scare[i].count > 1)
                    qd_buf_printf(&t, " x%u", fo->scare[i].count);
                scare_notes(&t, f, &fo->scare[i]);
            }
            const char *c[] = {fo->outlet, t.data ? t.data : ""};
            row(b, md, c, 2, w2);
            qd_buf_free(&t);
        }
        qd_buf_putc(b, '\n');
    }
    /* labels */
    if (any_of(f, offsetof(qd_frame_outlet, n_labels))) {
        sub_heading(b, md, "Labels (own voice / scare-quoted / inside quotes)");
        const char *h[] = {"outlet", "referent", "labels"};
        header(b, md, h, 3, w3);
        for (uint32_t o = 0; o < f->n_outlets; o++) {
            const qd_frame_outlet *fo = &f->outlets[o];
            for (uint32_t i = 0; i < fo->n_labels;) {
                const char *ref = fo->labels[i].referent;
                qd_buf t;
                qd_buf_init(&t);
                uint32_t j = i;
                for (; j < fo->n_labels && strcmp(fo->labels[j].referent, ref) == 0; j++)
                    qd_buf_printf(&t, "%s%s %u/%u/%u", j > i ? ", " : "", fo->labels[j].label, fo->labels[j].own,
                                  fo->labels[j].scare, fo->labels[j].quoted);
                bool contested = false;
                for (uint32_t k = 0; k < f->n_contested; k++)
                    contested |= strcmp(f->contested[k], ref) == 0;
                snprintf(s1, sizeof(s1), "%s%s", ref, contested ? " (contested)" : "");
                const char *c[] = {fo->outlet, s1, t.data ? t.data : ""};
                row(b, md, c, 3, w3);
                qd_buf_free(&t);
                i = j;
            }
        }
        qd_buf_putc(b, '\n');
    }
    /* speech verbs per speaker */
    int32_t spk[QD_FRAME_SHOW_SPEAKERS];
    uint32_t ns = main_speakers(r, f, spk, QD_FRAME_SHOW_SPEAKERS);
    if (ns) {
        sub_heading(b, md, "Speech verbs per speaker (loaded = emphatic, doubtful, concessive, emotive, evaluative, hedged)");
        const char *h[] = {"outlet", "speaker", "loaded", "verbs"};
        header(b, md, h, 4, w4);
        for (uint32_t k = 0; k < ns; k++)
            for (uint32_t o = 0; o < f->n_outlets; o++) {
                const qd_frame_speaker *s = find_speaker(&f->outlets[o], spk[k]);
                if (!s)
                    continue;
                qd_buf t;
                qd_buf_init(&t);
                verb_list(&t, s, 8);
                snprintf(s1, sizeof(s1), "%u of %u", loaded(s), s->statements);
                const char *c[] = {f->outlets[o].outlet, speaker_name(r, spk[k]), s1, t.data ? t.data : ""};
                row(b, md, c, 4, w4);
                qd_buf_free(&t);
            }
        qd_buf_putc(b, '\n');
    }
    /* share of voice per side, first quoted, verbatim vs paraphrase */
    sub_heading(b, md, "Voice: sides (statements / quoted words, and how many introduced by a loaded verb), "
                       "verbatim vs paraphrased, quoted first");
    {
        const char *h[] = {"outlet", "quoted first", "sides"};
        static const size_t w[] = {22, 26, 0};
        header(b, md, h, 3, w);
        for (uint32_t o = 0; o < f->n_outlets; o++) {
            const qd_frame_outlet *fo = &f->outlets[o];
            qd_buf t;
            qd_buf_init(&t);
            for (uint32_t i = 0; i < fo->n_sides; i++)
                qd_buf_printf(&t, "%s%s %u / %u (%u loaded)", i ? ", " : "", fo->sides[i].side,
                              fo->sides[i].statements, fo->sides[i].quoted_words, fo->sides[i].loaded);
            const char *c[] = {fo->outlet, fo->first_speaker >= 0 ? speaker_name(r, fo->first_speaker) : "-",
                               t.data ? t.data : "-"};
            row(b, md, c, 3, w);
            qd_buf_free(&t);
        }
        qd_buf_putc(b, '\n');
        if (ns) {
            const char *h2[] = {"outlet", "speaker", "verbatim / paraphrased", "quoted words"};
            header(b, md, h2, 4, w4);
            for (uint32_t k = 0; k < ns; k++)
                for (uint32_t o = 0; o < f->n_outlets; o++) {
                    const qd_frame_speaker *s = find_speaker(&f->outlets[o], spk[k]);
                    if (!s)
                        continue;
                    snprintf(s1, sizeof(s1), "%u / %u", s->verbatim, s->paraphrased);
                    snprintf(s2, sizeof(s2), "%u", s->quoted_words);
                    const char *c[] = {f->outlets[o].outlet, speaker_name(r, spk[k]), s1, s2};
                    row(b, md, c, 4, w4);
                }
            qd_buf_putc(b, '\n');
        }
    }
    /* sources */
    if (any_of(f, offsetof(qd_frame_outlet, n_sources))) {
        sub_heading(b, md, "Sources relied on (agencies, outlets, venues, credit lines)");
        const char *h[] = {"outlet", "sources"};
        header(b, md, h, 2, w2);
        for (uint32_t o = 0; o < f->n_outlets; o++) {
            const qd_frame_outlet *fo = &f->outlets[o];
            if (!fo->n_sources)
                continue;
            qd_buf t;
            qd_buf_init(&t);
            for (uint32_t i = 0; i < fo->n_sources && i < 10; i++)
                qd_buf_printf(&t, "%s%s (%s) %u", i ? ", " : "", fo->sources[i].name,
                              qd_source_kind_name(fo->sources[i].kind), fo->sources[i].count);
            const char *c[] = {fo->outlet, t.data ? t.data : ""};
            row(b, md, c, 2, w2);
            qd_buf_free(&t);
        }
        qd_buf_putc(b, '\n');
    }
    /* distinctive vocabulary */
    if (f->n_outlets > 1) {
        snprintf(s1, sizeof(s1), "Distinctive words (log-odds with informative Dirichlet prior, z > 1.96 and 5%% false "
                                 "discovery rate; count here / elsewhere)");
        sub_heading(b, md, s1);
        const char *h[] = {"outlet", "terms"};
        header(b, md, h, 2, w2);
        for (uint32_t o = 0; o < f->n_outlets; o++) {
            const qd_frame_outlet *fo = &f->outlets[o];
            qd_buf t;
            qd_buf_init(&t);
            for (uint32_t i = 0; i < fo->n_distinctive; i++)
                qd_buf_printf(&t, "%s%s %u/%u z=%.1f", i ? ", " : "", fo->distinctive[i].term, fo->distinctive[i].count,
                              fo->distinctive[i].rest, fo->distinctive[i].z);
            const char *c[] = {fo->outlet, t.data ? t.data : "(none significant)"};
            row(b, md, c, 2, w2);
            qd_buf_free(&t);
        }
        qd_buf_putc(b, '\n');
    }
}

/* ---- HTML with SVG charts ----------------------------------------------------------- */

/* Colours of the stances (neutral grey, loaded warm, none pale). */
static const char *const stance_colour[QD_N_STANCES] = {"#9aa5b1", "#d9534f", "#f0ad4e", "#5bc0de",
                                                         "#a05195", "#ff7c43", "#2f4b7c", "#e3e7eb"};
static const char *const side_colour[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b",
                                          "#e377c2", "#bcbd22", "#17becf", "#7f7f7f"};

/* One stacked horizontal bar per row; segment widths proportional to counts. */
typedef struct bar_row {
    const char *label;   /* left of the bar */
    uint32_t seg[QD_N_STANCES > 9 ? QD_N_STANCES : 9];
    uint32_t total;
} bar_row;

static void svg_bars(qd_buf *b, const bar_row *rows, uint32_t n, uint32_t nseg, const char *const *colours,
                     const char *const *seg_names, const char *title)
{
    const int label_w = 300, bar_w = 420, row_h = 20, top = 24;
    uint32_t max = 1;
    for (uint32_t i = 0; i < n; i++)
        if (rows[i].total > max)
            max = rows[i].total;
    int legend_h = 22;
    int h = top + (int)n * row_h + legend_h + 6;
    qd_buf_printf(b, "<svg class=\"chart\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">"
                     "<title>",
                  label_w + bar_w + 60, h, label_w + bar_w + 60, h);
    qd_buf_html_escapes(b, title);
    qd_buf_puts(b, "</title>");
    qd_buf_printf(b, "<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"bold\">");
    qd_buf_html_escapes(b, title);
    qd_buf_puts(b, "</text>");
    for (uint32_t i = 0; i < n; i++) {
        int y = top + (int)i * row_h;
        qd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">", label_w - 6, y + 14);
        qd_buf_html_escapes(b, rows[i].label);
        qd_buf_puts(b, "</text>");
        double x = label_w;
        for (uint32_t k = 0; k < nseg; k++) {
            if (!rows[i].seg[k])
                continue;
            double w = (double)bar_w * rows[i].seg[k] / max;
            qd_buf_printf(b, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>", x, y + 2,
                          w, row_h - 5, colours[k]);
            qd_buf_html_escapes(b, seg_names[k]);
            qd_buf_printf(b, ": %u</title></rect>", rows[i].seg[k]);
            x += w;
        }
        qd_buf_printf(b, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#555\">%u</text>", x + 4, y + 14,
                      rows[i].total);
    }
    /* legend: only the segments that occur */
    int lx = label_w, ly = top + (int)n * row_h + 8;
    for (uint32_t k = 0; k < nseg; k++) {
        bool used = false;
        for (uint32_t i = 0; i < n; i++)
            used |= rows[i].seg[k] > 0;
        if (!used)
            continue;
        qd_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", lx, ly, colours[k]);
        qd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\">", lx + 14, ly + 9);
        qd_buf_html_escapes(b, seg_names[k]);
        qd_buf_puts(b, "</text>");
        lx += 24 + 7 * (int)strlen(seg_names[k]);
    }
    qd_buf_puts(b, "</svg>\n");
}

static void html_list_cell(qd_buf *b, const char *s)
{
    qd_buf_puts(b, "<td>");
    qd_buf_html_escapes(b, s);
    qd_buf_puts(b, "</td>");
}

void qd_framing_html(qd_buf *b, const qd_comparison *r, const qd_framing *f)
{
    qd_buf_puts(b, "<div class=\"framing\">\n");
    /* stance chart: one bar per outlet and main speaker */
    int32_t spk[QD_FRAME_SHOW_SPEAKERS];
    uint32_t ns = main_speakers(r, f, spk, QD_FRAME_SHOW_SPEAKERS);
    if (ns) {
        bar_row *rows = calloc((size_t)ns * f->n_outlets + 1, sizeof(bar_row));
        char (*labels)[160] = calloc((size_t)ns * f->n_outlets + 1, 160);
        uint32_t n = 0;
        if (rows && labels) {
            for (uint32_t k = 0; k < ns; k++)
                for (uint32_t o = 0; o < f->n_outlets; o++) {
                    const qd_frame_speaker *s = find_speaker(&f->outlets[o], spk[k]);
                    if (!s)
                        continue;
                    snprintf(labels[n], 160, "%s \xe2\x80\x94 %s", speaker_name(r, spk[k]), f->outlets[o].outlet);
                    rows[n].label = labels[n];
                    for (int q = 0; q < QD_N_STANCES; q++)
                        rows[n].seg[q] = s->stance[q];
                    rows[n].total = s->statements;
                    n++;
                }
            const char *names[QD_N_STANCES];
            for (int q = 0; q < QD_N_STANCES; q++)
                names[q] = qd_stance_name((qd_stance)q);
            svg_bars(b, rows, n, QD_N_STANCES, stance_colour, names, "Stance of the verbs introducing each speaker");
        }
        free(rows);
        free(labels);
    }
    /* side chart: one bar per outlet */
    {
        const char *sides[9];
        uint32_t nsd = 0;
        for (uint32_t o = 0; o < f->n_outlets; o++)
            for (uint32_t i = 0; i < f->outlets[o].n_sides; i++) {
                uint32_t k = 0;
                while (k < nsd && strcmp(sides[k], f->outlets[o].sides[i].side) != 0)
                    k++;
                if (k == nsd && nsd < 9)
                    sides[nsd++] = f->outlets[o].sides[i].side;
            }
        bar_row *rows = calloc(f->n_outlets + 1, sizeof(bar_row));
        if (rows && nsd) {
            for (uint32_t o = 0; o < f->n_outlets; o++) {
                rows[o].label = f->outlets[o].outlet;
                for (uint32_t i = 0; i < f->outlets[o].n_sides; i++)
                    for (uint32_t k = 0; k < nsd; k++)
                        if (strcmp(sides[k], f->outlets[o].sides[i].side) == 0) {
                            rows[o].seg[k] += f->outlets[o].sides[i].statements;
                            rows[o].total += f->outlets[o].sides[i].statements;
                        }
            }
            const char *colours[9];
            for (uint32_t k = 0; k < nsd; k++)
                colours[k] = strcmp(sides[k], "unknown side") == 0 ? "#c7cede" : side_colour[k];
            svg_bars(b, rows, f->n_outlets, nsd, colours, sides, "Share of voice per side (statements)");
        }
        free(rows);
    }
    /* the table: one column per outlet, one row per aspect */
    qd_buf_puts(b, "<table class=\"framing\"><tr><th></th>");
    for (uint32_t o = 0; o < f->n_outlets; o++) {
        qd_buf_puts(b, "<th>");
        qd_buf_html_escapes(b, f->outlets[o].outlet);
        qd_buf_printf(b, " <span class=\"meta\">(%u)</span></th>", f->outlets[o].documents);
    }
    qd_buf_puts(b, "</tr>\n");
    qd_buf t;
    qd_buf_init(&t);
    /* scare quotes */
    bool any = false;
    for (uint32_t o = 0; o < f->n_outlets; o++)
        any |= f->outlets[o].n_scare > 0;
    if (any) {
        qd_buf_puts(b, "<tr><th>scare quotes</th>");
        for (uint32_t o = 0; o < f->n_outlets; o++) {
            const qd_frame_outlet *fo = &f->outlets[o];
            qd_buf_puts(b, "<td>");
            for (uint32_t i = 0; i < fo->n_scare && i < 12; i++) {
                bool only = fo->scare[i].outlets == 1 && f->n_outlets > 1;
                qd_buf_puts(b, i ? ", " : "");
                qd_buf_puts(b, only ? "<b>\u201c" : "\u201c");
                qd_buf_html_escapes(b, fo->scare[i].text);
                qd_buf_puts(b, only ? "\u201d</b>" : "\u201d");
                if (fo->scare[i].count > 1)
                    qd_buf_printf(b, " \xc3\x97%u", fo->scare[i].count);
                qd_buf t2;
                qd_buf_init(&t2);
                scare_notes(&t2, f, &fo->scare[i]);
                if (t2.len) {
                    qd_buf_puts(b, "<span class=\"meta\">");
                    qd_buf_html_escapes(b, t2.data);
                    qd_buf_puts(b, "</span>");
                }
                qd_buf_free(&t2);
            }
            qd_buf_puts(b, "</td>");
        }
        qd_buf_puts(b, "</tr>\n");
    }
    /* labels, grouped by referent */
    any = false;
    for (uint32_t o = 0; o < f->n_outlets; o++)
        any |= f->outlets[o].n_labels > 0;
    if (any) {
        qd_buf_puts(b, "<tr><th>labels <span class=\"meta\">own / scare-quoted / in quotes</span></th>");
        for (uint32_t o = 0; o < f->n_outlets; o++) {
            const qd_frame_outlet *fo = &f->outlets[o];
            qd_buf_puts(b, "<td>");
            for (uint32_t i = 0; i < fo->n_labels; i++) {
                const qd_frame_label *l = &fo->labels[i];
                bool contested = false;
                for (uint32_t k = 0; k < f->n_contested; k++)
                    contested |= strcmp(f->contested[k], l->referent) == 0;
                qd_buf_puts(b, i ? "<br>" : "");
                qd_buf_puts(b, contested ? "<span class=\"contested\">" : "<span>");
                qd_buf_html_escapes(b, l->label);
                qd_buf_printf(b, "</span> %u/%u/%u", l->own, l->scare, l->quoted);
            }
            qd_buf_puts(b, "</td>");
        }
        qd_buf_puts(b, "</tr>\n");
    }
    /* verbs per speaker: loaded ones marked */
    for (uint32_t k = 0; k < ns; k++) {
        qd_buf_puts(b, "<tr><th>verbs for ");
        qd_buf_html_escapes(b, speaker_name(r, spk[k]));
        qd_buf_puts(b, "</th>");
        for (uint32_t o = 0; o < f->n_outlets; o++) {
            const qd_frame_speaker *s = find_speaker(&f->outlets[o], spk[k]);
            qd_buf_puts(b, "<td>");
            if (!s)
                qd_buf_puts(b, "<span class=\"empty\">not quoted</span>");
            for (uint32_t i = 0; s && i < s->n_verbs && i < 10; i++) {
                const qd_frame_verb *v = &s->verbs[i];
                bool ld = v->stance != QD_STANCE_NEUTRAL && v->stance != QD_STANCE_NONE;
                qd_buf_puts(b, i ? ", " : "");
                if (ld)
                    qd_buf_printf(b, "<span class=\"ld\" title=\"%s\">", qd_stance_name(v->stance));
                qd_buf_html_escapes(b, v->lemma);
                qd_buf_puts(b, ld ? "</span>" : "");
                if (v->count > 1)
                    qd_buf_printf(b, " %u", v->count);
            }
            if (s && s->n_verbs > 10)
                qd_buf_printf(b, ", +%u more", s->n_verbs - 10);
            qd_buf_puts(b, "</td>");
        }
        qd_buf_puts(b, "</tr>\n");
    }
    /* voice */
    qd_buf_puts(b, "<tr><th>sides <span class=\"meta\">statements, loaded verbs</span></th>");
    for (uint32_t o = 0; o < f->n_outlets; o++) {
        const qd_frame_outlet *fo = &f->outlets[o];
        qd_buf_reset(&t);
        for (uint32_t i = 0; i < fo->n_sides; i++)
            qd_buf_printf(&t, "%s%s %u (%u loaded)", i ? ", " : "", fo->sides[i].side, fo->sides[i].statements,
                          fo->sides[i].loaded);
        html_list_cell(b, t.len ? t.data : "-");
    }
    qd_buf_puts(b, "</tr>\n");
    qd_buf_puts(b, "<tr><th>quoted first</th>");
    for (uint32_t o = 0; o < f->n_outlets; o++) {
        qd_buf_puts(b, "<td>");
        qd_buf_html_escapes(b, f->outlets[o].first_speaker >= 0 ? speaker_name(r, f->outlets[o].first_speaker) : "-");
        qd_buf_puts(b, "</td>");
    }
    qd_buf_puts(b, "</tr>\n");
    for (uint32_t k = 0; k < ns; k++) {
        qd_buf_puts(b, "<tr><th>voice of ");
        qd_buf_html_escapes(b, speaker_name(r, spk[k]));
        qd_buf_puts(b, "</th>");
        for (uint32_t o = 0; o < f->n_outlets; o++) {
            const qd_frame_speaker *s = find_speaker(&f->outlets[o], spk[k]);
            if (s)
                qd_buf_printf(b, "<td>%u verbatim &middot; %u paraphrased &middot; %u quoted words</td>", s->verbatim,
                              s->paraphrased, s->quoted_words);
            else
                qd_buf_puts(b, "<td><span class=\"empty\">-</span></td>");
        }
        qd_buf_puts(b, "</tr>\n");
    }
    /* sources */
    qd_buf_puts(b, "<tr><th>sources</th>");
    for (uint32_t o = 0; o < f->n_outlets; o++) {
        const qd_frame_outlet *fo = &f->outlets[o];
        qd_buf_reset(&t);
        for (uint32_t i = 0; i < fo->n_sources && i < 10; i++)
            qd_buf_printf(&t, "%s%s (%s) %u", i ? ", " : "", fo->sources[i].name,
                          qd_source_kind_name(fo->sources[i].kind), fo->sources[i].count);
        html_list_cell(b, t.len ? t.data : "-");
    }
    qd_buf_puts(b, "</tr>\n");
    /* distinctive words */
    if (f->n_outlets > 1) {
        qd_buf_printf(b, "<tr><th>distinctive words <span class=\"meta\">here / elsewhere, z</span></th>");
        for (uint32_t o = 0; o < f->n_outlets; o++) {
            const qd_frame_outlet *fo = &f->outlets[o];
            qd_buf_reset(&t);
            for (uint32_t i = 0; i < fo->n_distinctive; i++)
                qd_buf_printf(&t, "%s%s %u/%u (%.1f)", i ? ", " : "", fo->distinctive[i].term, fo->distinctive[i].count,
                              fo->distinctive[i].rest, fo->distinctive[i].z);
            html_list_cell(b, t.len ? t.data : "(none significant)");
        }
        qd_buf_puts(b, "</tr>\n");
    }
    qd_buf_free(&t);
    qd_buf_puts(b, "</table>\n");
    if (f->n_contested) {
        qd_buf_puts(b, "<p class=\"contested\">Named in competing ways here: ");
        for (uint32_t i = 0; i < f->n_contested; i++) {
            if (i)
                qd_buf_puts(b, ", ");
            qd_buf_html_escapes(b, f->contested[i]);
        }
        qd_buf_puts(b, "</p>\n");
    }
    qd_buf_puts(b, "</div>\n");
}
