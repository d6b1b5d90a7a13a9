/*
 * doc_json.c - the JSON record of one analysed document (extract --format jsonl).
 *
 * Offsets are byte offsets into the original input (qd_doc_source_offset), end
 * exclusive; every "text" is the exact slice of the analysed text the span covers.
 */
#include <stdlib.h>
#include <string.h>

#include "../doc_internal.h"
#include "json_writer.h"
#include "quotediff/report.h"

/* The members of a span: where it is in the input, and its text. */
static void span_members(qd_jw *w, const qd_doc *doc, qd_span sp)
{
    QD_JW_MEMBER_INT(w, "start", (long long)qd_doc_source_offset(doc, sp.start));
    QD_JW_MEMBER_INT(w, "end", (long long)qd_doc_source_offset(doc, sp.end));
    QD_JW_KEY(w, "text");
    qd_jw_stringn(w, doc->text + sp.start, sp.end - sp.start);
}

static void span_json(qd_jw *w, const qd_doc *doc, qd_span sp)
{
    qd_jw_object_begin(w);
    span_members(w, doc, sp);
    qd_jw_object_end(w);
}

static void speaker_json(qd_jw *w, const qd_doc *doc, const qd_statement *st)
{
    const qd_analysis *an = doc->analysis;
    if (st->speaker < 0 && st->entity < 0) {
        qd_jw_null(w);
        return;
    }
    qd_jw_object_begin(w);
    if (st->speaker >= 0)
        span_members(w, doc, an->mentions[st->speaker].span);
    if (st->entity >= 0) {
        const qd_entity *e = &an->entities[st->entity];
        QD_JW_MEMBER_STRING(w, "name", e->name);
        QD_JW_MEMBER_STRING(w, "kind", qd_entity_kind_name(e->kind));
        QD_JW_MEMBER_INT(w, "entity", st->entity);
    } else {
        QD_JW_KEY(w, "name");
        qd_jw_null(w);
        QD_JW_MEMBER_STRING(w, "kind", "unknown");
    }
    qd_jw_object_end(w);
}

static void statement_json(qd_jw *w, const qd_doc *doc, uint32_t i)
{
    const qd_analysis *an = doc->analysis;
    const qd_statement *st = &an->statements[i];
    qd_jw_object_begin(w);
    QD_JW_MEMBER_INT(w, "id", i);
    QD_JW_MEMBER_STRING(w, "type", qd_statement_type_name(st->type));
    QD_JW_KEY(w, "content");
    if (st->n_pieces == 1) {
        span_json(w, doc, st->pieces[0]);
    } else {
        qd_jw_array_begin(w);
        for (uint32_t k = 0; k < st->n_pieces; k++)
            span_json(w, doc, st->pieces[k]);
        qd_jw_array_end(w);
    }
    QD_JW_KEY(w, "speaker");
    speaker_json(w, doc, st);
    QD_JW_KEY(w, "cue");
    if (qd_span_empty(st->cue)) {
        qd_jw_null(w);
    } else {
        qd_jw_object_begin(w);
        span_members(w, doc, st->cue);
        QD_JW_MEMBER_STRING(w, "lemma", st->cue_lemma);
        QD_JW_MEMBER_STRING(w, "stance", st->stance);
        qd_jw_object_end(w);
    }
    QD_JW_KEY(w, "provenance");
    qd_jw_array_begin(w);
    for (uint32_t k = 0; k < st->n_provenance; k++) {
        const qd_provenance *p = &st->provenance[k];
        qd_jw_object_begin(w);
        QD_JW_MEMBER_STRING(w, "role", qd_prov_role_name(p->role));
        QD_JW_MEMBER_STRING(w, "name", p->name);
        if (p->role == QD_PROV_OUTLET && doc->meta.byline)
            QD_JW_MEMBER_STRING(w, "author", doc->meta.byline);
        if (!qd_span_empty(p->span)) {
            QD_JW_MEMBER_INT(w, "start", (long long)qd_doc_source_offset(doc, p->span.start));
            QD_JW_MEMBER_INT(w, "end", (long long)qd_doc_source_offset(doc, p->span.end));
        }
        qd_jw_object_end(w);
    }
    qd_jw_array_end(w);
    QD_JW_KEY(w, "parent");
    if (st->parent >= 0)
        qd_jw_int(w, st->parent);
    else
        qd_jw_null(w);
    QD_JW_KEY(w, "continuation");
    qd_jw_bool(w, st->continuation);
    QD_JW_MEMBER_INT(w, "paragraph", st->paragraph);
    /* two decimals, printed as a double the way jansson prints reals (0.69999999999999996),
     * which is what readers of earlier output have seen */
    QD_JW_KEY(w, "confidence");
    qd_jw_real(w, (double)((int)(st->confidence * 100 + 0.5)) / 100.0);
    qd_jw_object_end(w);
}

int qd_report_doc_json(const qd_doc *doc, unsigned flags, char **out, qd_error *err)
{
    static const char *const kinds[] = {"auto", "text", "html", "json"};
    qd_buf b;
    qd_buf_init(&b);
    qd_jw jw;
    qd_jw *w = &jw;
    qd_jw_init(w, &b);
    qd_jw_object_begin(w);
    QD_JW_MEMBER_STRING(w, "path", doc->path);
    QD_JW_MEMBER_STRING(w, "kind", kinds[doc->kind]);
    QD_JW_MEMBER_STRING(w, "title", doc->meta.title);
    QD_JW_MEMBER_STRING(w, "date", doc->meta.date);
    QD_JW_MEMBER_STRING(w, "outlet", doc->meta.outlet);
    QD_JW_MEMBER_STRING(w, "outlet_source", doc->meta.outlet_how);
    QD_JW_MEMBER_STRING(w, "byline", doc->meta.byline);
    QD_JW_MEMBER_STRING(w, "credit", doc->meta.credit);
    QD_JW_MEMBER_STRING(w, "url", doc->meta.url);
    if (doc->meta.language)
        QD_JW_MEMBER_STRING(w, "language", doc->meta.language);
    if (doc->meta.date_text)
        QD_JW_MEMBER_STRING(w, "date_text", doc->meta.date_text);
    QD_JW_KEY(w, "warnings");
    qd_jw_array_begin(w);
    for (uint32_t i = 0; i < doc->n_warnings; i++)
        qd_jw_string(w, doc->warnings[i]);
    qd_jw_array_end(w);

    const qd_analysis *an = doc->analysis;
    QD_JW_KEY(w, "quotes");
    qd_jw_array_begin(w);
    if (an)
        for (uint32_t i = 0; i < an->n_statements; i++)
            statement_json(w, doc, i);
    qd_jw_array_end(w);

    QD_JW_KEY(w, "quoted_terms");
    qd_jw_array_begin(w);
    if (an) {
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
            qd_jw_object_begin(w);
            span_members(w, doc, q->inner);
            QD_JW_MEMBER_STRING(w, "type", type);
            QD_JW_MEMBER_INT(w, "paragraph", q->paragraph);
            qd_jw_object_end(w);
        }
    }
    qd_jw_array_end(w);

    QD_JW_KEY(w, "speakers");
    qd_jw_array_begin(w);
    if (an) {
        /* speakers: entities credited with at least one statement */
        uint32_t *count = calloc(an->n_entities + 1, sizeof(uint32_t));
        if (!count) {
            qd_buf_free(&b);
            return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
        }
        for (uint32_t i = 0; i < an->n_statements; i++)
            if (an->statements[i].entity >= 0)
                count[an->statements[i].entity]++;
        for (uint32_t e = 0; e < an->n_entities; e++) {
            if (!count[e])
                continue;
            const qd_entity *en = &an->entities[e];
            qd_jw_object_begin(w);
            QD_JW_MEMBER_INT(w, "entity", e);
            QD_JW_MEMBER_STRING(w, "name", en->name);
            QD_JW_MEMBER_STRING(w, "key", en->key);
            QD_JW_MEMBER_STRING(w, "kind", qd_entity_kind_name(en->kind));
            char g[2] = {en->gender, 0};
            QD_JW_MEMBER_STRING(w, "gender", g);
            QD_JW_KEY(w, "roles");
            qd_jw_array_begin(w);
            for (uint32_t r = 0; r < en->n_roles; r++)
                qd_jw_string(w, en->roles[r]);
            qd_jw_array_end(w);
            QD_JW_MEMBER_STRING(w, "role_conflict", en->role_conflict);
            QD_JW_MEMBER_INT(w, "mentions", en->n_mentions);
            QD_JW_MEMBER_INT(w, "quotes", count[e]);
            qd_jw_object_end(w);
        }
        free(count);
    }
    qd_jw_array_end(w);

    if (flags & QD_REPORT_PARAGRAPHS) {
        static const char *const roles[] = {"body", "title", "meta", "furniture"};
        QD_JW_KEY(w, "paragraphs");
        qd_jw_array_begin(w);
        for (uint32_t i = 0; i < doc->n_paragraphs; i++) {
            qd_jw_object_begin(w);
            span_members(w, doc, doc->paragraphs[i].span);
            QD_JW_MEMBER_STRING(w, "role", roles[doc->paragraphs[i].role]);
            qd_jw_object_end(w);
        }
        qd_jw_array_end(w);
    }
    if (flags & QD_REPORT_WITH_TEXT) {
        QD_JW_KEY(w, "text");
        qd_jw_stringn(w, doc->text, doc->len);
    }
    qd_jw_object_end(w);
    if (b.failed || !b.data) {
        qd_buf_free(&b);
        return qd_error_set(err, QD_ENOMEM, "%s: cannot render JSON", doc->path);
    }
    *out = b.data;
    return 0;
}
