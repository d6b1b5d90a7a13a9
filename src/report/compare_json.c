/*
 * compare_json.c - the comparison for programs:
 *   {"documents": [...], "speakers": [...],
 *    "events": [{"id", "documents": [{"path", "url"?, "outlet", "date", "title"}...],
 *                "evidence", "cohesion", "thread", "groups": [...], "unique": [...],
 *                "share_of_voice": [...]}...],
 *    "threads": [{"id", "events", "terms", "framing"}...], "framing": {...}}
 * "framing" (per event, per thread, and for the whole corpus) is how each outlet tells
 * it: {"outlets": [{"outlet", "scare_quotes", "labels", "speakers", "sides",
 * "first_quoted", "sources", "distinctive_terms"}...], "contested_referents"}.
 * Every input document is in exactly one event.  Also the dispatcher for all formats.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../align/corpus.h"
#include "compare_view.h"
#include "report_util.h"
#include "quotediff/report.h"

static json_t *statement_json(const qd_comparison *r, uint32_t doc, uint32_t si)
{
    const qd_cstatement *s = &r->docs[doc].statements[si];
    json_t *o = json_object();
    json_object_set_new(o, "document", json_integer(doc));
    json_object_set_new(o, "index", json_integer(si));
    json_object_set_new(o, "type", json_string(qd_statement_type_name(s->type)));
    json_object_set_new(o, "text", json_string(s->text));
    json_object_set_new(o, "speaker", s->speaker >= 0 ? json_string(r->speakers[s->speaker].name) : json_null());
    json_object_set_new(o, "speaker_as_written", qd_json_str_or_null(s->speaker_text));
    json_object_set_new(o, "cue", qd_json_str_or_null(s->cue));
    json_object_set_new(o, "stance", qd_json_str_or_null(s->stance));
    json_object_set_new(o, "venue", qd_json_str_or_null(s->venue));
    json_t *inter = json_array();
    for (uint32_t i = 0; i < s->n_intermediaries; i++)
        json_array_append_new(inter, json_string(s->intermediaries[i]));
    json_object_set_new(o, "intermediaries", inter);
    json_object_set_new(o, "start", json_integer(s->start));
    json_object_set_new(o, "end", json_integer(s->end));
    return o;
}

static json_t *doc_ref(const qd_comparison *r, uint32_t d)
{
    const qd_cdoc *doc = &r->docs[d];
    json_t *o = json_object();
    json_object_set_new(o, "index", json_integer(d));
    json_object_set_new(o, "path", json_string(doc->path));
    if (doc->url)
        json_object_set_new(o, "url", json_string(doc->url));
    json_object_set_new(o, "outlet", qd_json_str_or_null(doc->outlet));
    json_object_set_new(o, "date", qd_json_str_or_null(doc->date));
    json_object_set_new(o, "title", qd_json_str_or_null(doc->title));
    return o;
}

static json_t *group_json(const qd_corpus *c, uint32_t gi, bool *oom)
{
    const qd_comparison *r = qd_corpus_result(c);
    const qd_group *g = &r->groups[gi];
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(gi));
    json_object_set_new(o, "speaker_conflict", json_boolean(g->speaker_conflict));
    json_object_set_new(o, "intermediary_conflict", json_boolean(g->intermediary_conflict));
    json_t *ms = json_array();
    for (uint32_t k = 0; k < g->n_members; k++) {
        const qd_member *m = &g->members[k];
        json_t *x = json_object();
        json_object_set_new(x, "outlet", qd_json_str_or_null(r->docs[m->doc].outlet));
        json_object_set_new(x, "path", json_string(r->docs[m->doc].path));
        json_object_set_new(x, "statement", statement_json(r, m->doc, m->stmt));
        json_object_set_new(x, "reference", json_boolean(k == 0));
        json_object_set_new(x, "kind", json_string(k == 0 ? "reference" : qd_align_kind_name(m->kind)));
        json_object_set_new(x, "score", json_real((double)((int)(m->score * 1000 + 0.5)) / 1000.0));
        json_t *diff = json_array();
        qd_diff_list dl; /* made for the report and dropped (the corpus keeps none) */
        if (qd_member_diff(c, g, k, &dl, NULL) != 0)
            *oom = true;
        for (uint32_t i = 0; i < dl.n; i++) {
            const char *op = dl.ops[i].op == QD_DIFF_SAME ? "=" : dl.ops[i].op == QD_DIFF_DEL ? "-" : "+";
            json_array_append_new(diff, json_pack("[ss]", op, dl.ops[i].text));
        }
        qd_diff_list_free(&dl);
        json_object_set_new(x, "diff", diff);
        json_array_append_new(ms, x);
    }
    json_object_set_new(o, "members", ms);
    return o;
}

static json_t *voice_json(const qd_comparison *r, const qd_voice *v, uint32_t nv, const char **outlets, uint32_t no)
{
    json_t *sv = json_array();
    for (uint32_t i = 0; i < nv; i++) {
        json_t *row = json_object();
        json_object_set_new(row, "speaker", v[i].speaker >= 0 ? json_string(r->speakers[v[i].speaker].name) : json_null());
        json_t *per = json_object();
        for (uint32_t q = 0; q < no; q++)
            json_object_set_new(per, outlets[q], json_pack("{s:i,s:i}", "statements", (int)v[i].statements[q],
                                                           "quoted_words", (int)v[i].quoted_words[q]));
        json_object_set_new(row, "outlets", per);
        json_array_append_new(sv, row);
    }
    return sv;
}

static int compare_json(const qd_corpus *c, char **out, qd_error *err)
{
    const qd_comparison *r = qd_corpus_result(c);
    bool oom = false; /* a diff could not be made */
    json_t *root = json_object();
    json_t *docs = json_array();
    for (uint32_t d = 0; d < r->n_docs; d++) {
        json_t *o = doc_ref(r, d);
        json_object_set_new(o, "event", json_integer(r->docs[d].event));
        json_object_set_new(o, "byline", qd_json_str_or_null(r->docs[d].byline));
        json_t *sts = json_array();
        for (uint32_t i = 0; i < r->docs[d].n_statements; i++) {
            json_t *s = statement_json(r, d, i);
            json_object_set_new(s, "group", r->docs[d].statements[i].group >= 0
                                                ? json_integer(r->docs[d].statements[i].group)
                                                : json_null());
            json_array_append_new(sts, s);
        }
        json_object_set_new(o, "statements", sts);
        json_array_append_new(docs, o);
    }
    json_object_set_new(root, "documents", docs);
    json_t *spk = json_array();
    for (uint32_t s = 0; s < r->n_speakers; s++)
        json_array_append_new(spk, json_pack("{s:i,s:s,s:s,s:s}", "id", (int)s, "name", r->speakers[s].name, "key",
                                             r->speakers[s].key, "kind", qd_entity_kind_name(r->speakers[s].kind)));
    json_object_set_new(root, "speakers", spk);
    json_t *evs = json_array();
    for (uint32_t ei = 0; ei < r->n_events; ei++) {
        const qd_event *e = &r->events[ei];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_integer(ei));
        json_object_set_new(o, "label", qd_json_str_or_null(e->label));
        json_object_set_new(o, "first_date", qd_json_str_or_null(e->first_date));
        json_object_set_new(o, "last_date", qd_json_str_or_null(e->last_date));
        json_object_set_new(o, "thread", json_integer(e->thread));
        json_object_set_new(o, "cohesion", json_real((double)((int)(e->cohesion * 1000 + 0.5)) / 1000.0));
        json_t *ev = json_array();
        for (uint32_t i = 0; i < e->n_terms; i++)
            json_array_append_new(ev, json_string(e->terms[i]));
        json_object_set_new(o, "evidence", ev);
        json_t *ds = json_array();
        for (uint32_t k = 0; k < e->n_docs; k++)
            json_array_append_new(ds, doc_ref(r, e->docs[k]));
        json_object_set_new(o, "documents", ds);
        json_t *gs = json_array();
        for (uint32_t k = 0; k < e->n_groups; k++)
            json_array_append_new(gs, group_json(c, e->groups[k], &oom));
        json_object_set_new(o, "groups", gs);
        json_t *uniq = json_array();
        for (uint32_t k = 0; k < e->n_docs; k++) {
            const qd_cdoc *d = &r->docs[e->docs[k]];
            for (uint32_t i = 0; i < d->n_statements; i++)
                if (d->statements[i].group < 0)
                    json_array_append_new(uniq, statement_json(r, e->docs[k], i));
        }
        json_object_set_new(o, "unique", uniq);
        const char *outlets[32];
        uint32_t no = qd_view_outlets(r, e, outlets, 32);
        uint32_t nv;
        qd_voice *v = qd_view_voice(r, e, outlets, no, &nv);
        if (!v) {
            json_decref(root);
            json_decref(o);
            return qd_error_set(err, QD_ENOMEM, "compare: out of memory");
        }
        json_object_set_new(o, "share_of_voice", voice_json(r, v, nv, outlets, no));
        qd_view_voice_free(v, nv);
        if (r->framing)
            json_object_set_new(o, "framing", qd_framing_json(r, &r->framing->events[ei]));
        json_array_append_new(evs, o);
    }
    json_object_set_new(root, "events", evs);
    json_t *ths = json_array();
    for (uint32_t ti = 0; ti < r->n_threads; ti++) {
        const qd_thread *t = &r->threads[ti];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_integer(ti));
        json_t *es = json_array();
        for (uint32_t k = 0; k < t->n_events; k++)
            json_array_append_new(es, json_integer(t->events[k]));
        json_object_set_new(o, "events", es);
        json_t *ts = json_array();
        for (uint32_t k = 0; k < t->n_terms; k++)
            json_array_append_new(ts, json_string(t->terms[k]));
        json_object_set_new(o, "terms", ts);
        json_t *gs = json_array();
        for (uint32_t k = 0; k < t->n_groups; k++)
            json_array_append_new(gs, group_json(c, t->groups[k], &oom));
        json_object_set_new(o, "groups", gs);
        const char *outlets[64];
        uint32_t no = qd_view_thread_outlets(r, t, outlets, 64);
        uint32_t nv;
        qd_voice *v = qd_view_thread_voice(r, t, outlets, no, &nv);
        if (!v) {
            json_decref(root);
            json_decref(o);
            json_decref(ths);
            return qd_error_set(err, QD_ENOMEM, "compare: out of memory");
        }
        json_object_set_new(o, "share_of_voice", voice_json(r, v, nv, outlets, no));
        qd_view_voice_free(v, nv);
        if (r->framing)
            json_object_set_new(o, "framing", qd_framing_json(r, &r->framing->threads[ti]));
        json_array_append_new(ths, o);
    }
    json_object_set_new(root, "threads", ths);
    if (r->framing) {
        json_t *fr = qd_framing_json(r, &r->framing->corpus);
        json_object_set_new(fr, "prior_total", json_real(r->framing->prior_total));
        json_object_set_new(fr, "z_threshold", json_real(r->framing->z_threshold));
        json_object_set_new(fr, "fdr", json_real(r->framing->fdr));
        json_object_set_new(root, "framing", fr);
    }
    if (oom) {
        json_decref(root);
        return qd_error_set(err, QD_ENOMEM, "compare: out of memory");
    }
    char *s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (!s)
        return qd_error_set(err, QD_ENOMEM, "compare: cannot render JSON");
    size_t l = strlen(s);
    char *t = realloc(s, l + 2);
    if (!t) {
        free(s);
        return qd_error_set(err, QD_ENOMEM, "compare: out of memory");
    }
    t[l] = '\n';
    t[l + 1] = '\0';
    *out = t;
    return 0;
}

int qd_report_compare_text(const qd_corpus *c, bool md, unsigned flags, char **out, qd_error *err);
int qd_report_compare_html(const qd_corpus *c, unsigned flags, char **out, qd_error *err);
int qd_report_compare_text_to(const qd_corpus *c, bool md, unsigned flags, qd_write_fn write, void *ctx,
                              qd_error *err);

int qd_report_compare(const qd_corpus *c, const char *format, unsigned flags, char **out, qd_error *err)
{
    if (!c->matched)
        return qd_error_set(err, QD_EUSAGE, "compare: the corpus has not been matched");
    if (!format || !strcmp(format, "text"))
        return qd_report_compare_text(c, false, flags, out, err);
    if (!strcmp(format, "md") || !strcmp(format, "markdown"))
        return qd_report_compare_text(c, true, flags, out, err);
    if (!strcmp(format, "json"))
        return compare_json(c, out, err);
    if (!strcmp(format, "html"))
        return qd_report_compare_html(c, flags, out, err);
    return qd_error_set(err, QD_EUSAGE, "compare: unknown format '%s' (text, md, html, json)", format);
}

int qd_report_compare_to(const qd_corpus *c, const char *format, unsigned flags, qd_write_fn write, void *ctx,
                         qd_error *err)
{
    if (!c->matched)
        return qd_error_set(err, QD_EUSAGE, "compare: the corpus has not been matched");
    bool md = format && (!strcmp(format, "md") || !strcmp(format, "markdown"));
    if (!format || !strcmp(format, "text") || md)
        return qd_report_compare_text_to(c, md, flags, write, ctx, err);
    /* HTML and JSON are made whole, then written */
    char *s = NULL;
    int rc = qd_report_compare(c, format, flags, &s, err);
    if (!rc && write(ctx, s, strlen(s)) != 0)
        rc = qd_error_set(err, QD_EIO, "compare: the report could not be written");
    free(s);
    return rc;
}
