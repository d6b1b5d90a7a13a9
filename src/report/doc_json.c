/*
 * doc_json.c - the JSON record of one analysed document (extract --format jsonl).
 *
 * Offsets are byte offsets into the original input (qd_doc_source_offset), end
 * exclusive; every "text" is the exact slice of the analysed text the span covers.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../doc_internal.h"
#include "quotediff/report.h"

static json_t *jstr(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *jspan(const qd_doc *doc, qd_span sp)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_object_set_new(o, "start", json_integer((json_int_t)qd_doc_source_offset(doc, sp.start)));
    json_object_set_new(o, "end", json_integer((json_int_t)qd_doc_source_offset(doc, sp.end)));
    json_object_set_new(o, "text", json_stringn(doc->text + sp.start, sp.end - sp.start));
    return o;
}

static json_t *speaker_json(const qd_doc *doc, const qd_statement *st)
{
    const qd_analysis *an = doc->analysis;
    if (st->speaker < 0 && st->entity < 0)
        return json_null();
    json_t *o;
    if (st->speaker >= 0) {
        o = jspan(doc, an->mentions[st->speaker].span);
    } else {
        o = json_object();
    }
    if (!o)
        return NULL;
    if (st->entity >= 0) {
        const qd_entity *e = &an->entities[st->entity];
        json_object_set_new(o, "name", jstr(e->name));
        json_object_set_new(o, "kind", json_string(qd_entity_kind_name(e->kind)));
        json_object_set_new(o, "entity", json_integer(st->entity));
    } else {
        json_object_set_new(o, "name", json_null());
        json_object_set_new(o, "kind", json_string("unknown"));
    }
    return o;
}

static json_t *statement_json(const qd_doc *doc, uint32_t i)
{
    const qd_analysis *an = doc->analysis;
    const qd_statement *st = &an->statements[i];
    json_t *q = json_object();
    if (!q)
        return NULL;
    json_object_set_new(q, "id", json_integer(i));
    json_object_set_new(q, "type", json_string(qd_statement_type_name(st->type)));
    if (st->n_pieces == 1) {
        json_object_set_new(q, "content", jspan(doc, st->pieces[0]));
    } else {
        json_t *arr = json_array();
        for (uint32_t k = 0; k < st->n_pieces; k++)
            json_array_append_new(arr, jspan(doc, st->pieces[k]));
        json_object_set_new(q, "content", arr);
    }
    json_object_set_new(q, "speaker", speaker_json(doc, st));
    if (qd_span_empty(st->cue)) {
        json_object_set_new(q, "cue", json_null());
    } else {
        json_t *cue = jspan(doc, st->cue);
        json_object_set_new(cue, "lemma", jstr(st->cue_lemma));
        json_object_set_new(cue, "stance", jstr(st->stance));
        json_object_set_new(q, "cue", cue);
    }
    json_t *prov = json_array();
    for (uint32_t k = 0; k < st->n_provenance; k++) {
        const qd_provenance *p = &st->provenance[k];
        json_t *o = json_object();
        json_object_set_new(o, "role", json_string(qd_prov_role_name(p->role)));
        json_object_set_new(o, "name", jstr(p->name));
        if (p->role == QD_PROV_OUTLET && doc->meta.byline)
            json_object_set_new(o, "author", json_string(doc->meta.byline));
        if (!qd_span_empty(p->span)) {
            json_object_set_new(o, "start", json_integer((json_int_t)qd_doc_source_offset(doc, p->span.start)));
            json_object_set_new(o, "end", json_integer((json_int_t)qd_doc_source_offset(doc, p->span.end)));
        }
        json_array_append_new(prov, o);
    }
    json_object_set_new(q, "provenance", prov);
    json_object_set_new(q, "parent", st->parent >= 0 ? json_integer(st->parent) : json_null());
    json_object_set_new(q, "continuation", json_boolean(st->continuation));
    json_object_set_new(q, "paragraph", json_integer(st->paragraph));
    json_object_set_new(q, "confidence", json_real((double)((int)(st->confidence * 100 + 0.5)) / 100.0));
    return q;
}

int qd_report_doc_json(const qd_doc *doc, unsigned flags, char **out, qd_error *err)
{
    json_t *o = json_object();
    if (!o)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    static const char *const kinds[] = {"auto", "text", "html", "json"};
    json_object_set_new(o, "path", json_string(doc->path));
    json_object_set_new(o, "kind", json_string(kinds[doc->kind]));
    json_object_set_new(o, "title", jstr(doc->meta.title));
    json_object_set_new(o, "date", jstr(doc->meta.date));
    json_object_set_new(o, "outlet", jstr(doc->meta.outlet));
    json_object_set_new(o, "outlet_source", jstr(doc->meta.outlet_how));
    json_object_set_new(o, "byline", jstr(doc->meta.byline));
    json_object_set_new(o, "credit", jstr(doc->meta.credit));
    json_object_set_new(o, "url", jstr(doc->meta.url));
    if (doc->meta.language)
        json_object_set_new(o, "language", json_string(doc->meta.language));
    if (doc->meta.date_text)
        json_object_set_new(o, "date_text", json_string(doc->meta.date_text));
    json_t *warn = json_array();
    for (uint32_t i = 0; i < doc->n_warnings; i++)
        json_array_append_new(warn, json_string(doc->warnings[i]));
    json_object_set_new(o, "warnings", warn);

    const qd_analysis *an = doc->analysis;
    json_t *quotes = json_array();
    json_t *terms = json_array();
    json_t *speakers = json_array();
    if (an) {
        for (uint32_t i = 0; i < an->n_statements; i++)
            json_array_append_new(quotes, statement_json(doc, i));
        /* quoted words nobody is credited with: scare quotes, names, titles, and speech
         * no statement holds (statements and quotes are both in text order, so one
         * sweep tells which uncredited quotes a report took in) */
        uint32_t si = 0, covered_to = 0;
        for (uint32_t i = 0; i < an->n_quoted; i++) {
            const qd_quoted *q = &an->quoted[i];
            const char *type = qd_quoted_type_name(q->type);
            if (q->type == QD_QUOTED_SPEECH) {
                if (!(q->flags & QD_QUOTED_UNCREDITED) || q->parent >= 0)
                    continue;
                for (; si < an->n_statements && an->statements[si].pieces[0].start <= q->outer.start; si++) {
                    const qd_statement *st = &an->statements[si];
                    uint32_t end = st->pieces[st->n_pieces - 1].end;
                    if (end > covered_to)
                        covered_to = end;
                }
                if (covered_to >= q->inner.end)
                    continue;
                type = "uncredited";
            }
            json_t *t = jspan(doc, q->inner);
            json_object_set_new(t, "type", json_string(type));
            json_object_set_new(t, "paragraph", json_integer(q->paragraph));
            json_array_append_new(terms, t);
        }
        /* speakers: entities credited with at least one statement */
        uint32_t *count = calloc(an->n_entities + 1, sizeof(uint32_t));
        if (!count) {
            json_decref(o);
            return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
        }
        for (uint32_t i = 0; i < an->n_statements; i++)
            if (an->statements[i].entity >= 0)
                count[an->statements[i].entity]++;
        for (uint32_t e = 0; e < an->n_entities; e++) {
            if (!count[e])
                continue;
            const qd_entity *en = &an->entities[e];
            json_t *s = json_object();
            json_object_set_new(s, "entity", json_integer(e));
            json_object_set_new(s, "name", jstr(en->name));
            json_object_set_new(s, "key", jstr(en->key));
            json_object_set_new(s, "kind", json_string(qd_entity_kind_name(en->kind)));
            char g[2] = {en->gender, 0};
            json_object_set_new(s, "gender", json_string(g));
            json_t *roles = json_array();
            for (uint32_t r = 0; r < en->n_roles; r++)
                json_array_append_new(roles, json_string(en->roles[r]));
            json_object_set_new(s, "roles", roles);
            json_object_set_new(s, "role_conflict", jstr(en->role_conflict));
            json_object_set_new(s, "mentions", json_integer(en->n_mentions));
            json_object_set_new(s, "quotes", json_integer(count[e]));
            json_array_append_new(speakers, s);
        }
        free(count);
    }
    json_object_set_new(o, "quotes", quotes);
    json_object_set_new(o, "quoted_terms", terms);
    json_object_set_new(o, "speakers", speakers);
    if (flags & QD_REPORT_PARAGRAPHS) {
        static const char *const roles[] = {"body", "title", "meta", "furniture"};
        json_t *ps = json_array();
        for (uint32_t i = 0; i < doc->n_paragraphs; i++) {
            json_t *p = jspan(doc, doc->paragraphs[i].span);
            json_object_set_new(p, "role", json_string(roles[doc->paragraphs[i].role]));
            json_array_append_new(ps, p);
        }
        json_object_set_new(o, "paragraphs", ps);
    }
    if (flags & QD_REPORT_WITH_TEXT)
        json_object_set_new(o, "text", json_stringn(doc->text, doc->len));
    char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (!s)
        return qd_error_set(err, QD_ENOMEM, "%s: cannot render JSON", doc->path);
    *out = s;
    return 0;
}
