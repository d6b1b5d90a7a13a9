/*
 * doc_json.c - the JSON record of one analysed document (extract --format jsonl).
 *
 * Offsets are byte offsets into the original input (qd_doc_source_offset), end
 * exclusive; every "text" is the exact slice of the analysed text the span covers.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../doc_internal.h"
#include "json_writer.h"
#include "quotediff/report.h"

/* ---- Statements, quoted terms, speakers and paragraphs, through the writer's cursor ----
 * They are most of a record (two dozen members a statement), so they are written as
 * literal keys and values straight into the buffer (see qd_jw_cursor_room): room is
 * made before each string for the string and for FIXED_ROOM bytes more, which covers
 * every key, number and separator written until the next string (a few hundred bytes
 * at most: keys, up to six numbers of 20 digits, a real of 64).  Every key literal
 * starts with its comma; the first member of an object leaves it out (`first`), and a
 * string jansson would refuse (not valid UTF-8) is left out with its key, as the tree
 * writer did.  The functions return the cursor, or NULL once out of memory. */
#define FIXED_ROOM 512

/* A statement's confidence is rounded to two decimals and printed as a double the way
 * jansson prints reals (0.69999999999999996), which is what readers of earlier output
 * have seen: a hundred and one values, each formatted once per record and copied after
 * (printing a real exactly costs some hundred instructions). */
typedef struct conf_memo {
    uint8_t len[101]; /* 0: not formatted yet */
    char text[101][32];
} conf_memo;

/* A string member's value escaped earlier in the record, by the string's address:
 * lemmas, stances, kinds, types and speaker names recur statement after statement (a
 * few dozen distinct ones a record), and are copied from where they were first written
 * instead of being measured and escaped again.  (The strings a record is made of do not
 * change while it is written.)  Direct-mapped: a slot holds the last string there. */
#define STR_SLOTS 64
typedef struct str_memo {
    const char *s[STR_SLOTS];
    size_t at[STR_SLOTS];  /* where its escaped form is in the buffer */
    size_t len[STR_SLOTS];
} str_memo;

/* The record being written. */
typedef struct rec {
    qd_buf *b;
    conf_memo conf;
    str_memo strs;
} rec;

/* Key literal k (",\"name\":") without its comma when it opens its object. */
static char *put_key(char *p, const char *k, size_t kn, bool *first)
{
    if (first && *first) {
        *first = false;
        return qd_jw_put_lit(p, k + 1, kn - 1);
    }
    return qd_jw_put_lit(p, k, kn);
}

/* (value: where the escaped value starts, when asked for) */
static char *member_stringn(rec *r, char *p, const char *k, size_t kn, const char *s, size_t n, bool *first,
                            char **value)
{
    if (!(p = qd_jw_cursor_room(r->b, p, kn + QD_JW_STRING_ROOM(n) + FIXED_ROOM)))
        return NULL;
    bool was_first = first && *first;
    char *v = put_key(p, k, kn, first);
    char *q = qd_jw_put_string(r->b, v, s, n);
    if (q) {
        if (value)
            *value = v;
        return q;
    }
    if (was_first)
        *first = true; /* left out: the next member opens the object */
    return p;
}

/* The same for a C string; NULL is null. */
static char *member_string(rec *r, char *p, const char *k, size_t kn, const char *s, bool *first)
{
    if (!s) {
        if (!(p = qd_jw_cursor_room(r->b, p, kn + 4 + FIXED_ROOM)))
            return NULL;
        return QD_JW_LIT(put_key(p, k, kn, first), "null");
    }
    str_memo *m = &r->strs;
    size_t slot = ((uintptr_t)s >> 3 ^ (uintptr_t)s >> 9) % STR_SLOTS;
    if (m->s[slot] == s) {
        if (!(p = qd_jw_cursor_room(r->b, p, kn + m->len[slot] + FIXED_ROOM)))
            return NULL;
        p = put_key(p, k, kn, first);
        memcpy(p, r->b->data + m->at[slot], m->len[slot]);
        return p + m->len[slot];
    }
    char *v = NULL;
    char *q = member_stringn(r, p, k, kn, s, strlen(s), first, &v);
    if (q && v) {
        m->s[slot] = s;
        m->at[slot] = (size_t)(v - r->b->data);
        m->len[slot] = (size_t)(q - v);
    }
    return q;
}

static char *member_int(char *p, const char *k, size_t kn, long long v, bool *first)
{
    return qd_jw_put_int(put_key(p, k, kn, first), v);
}

#define MEMBER_STRINGN(r, p, k, s, n, first) member_stringn((r), (p), k, sizeof(k) - 1, (s), (n), (first), NULL)
#define MEMBER_STRING(r, p, k, s, first) member_string((r), (p), k, sizeof(k) - 1, (s), (first))
#define MEMBER_INT(p, k, v, first) member_int((p), k, sizeof(k) - 1, (v), (first))
#define KEY(p, k, first) put_key((p), k, sizeof(k) - 1, (first))

/* The members of a span, "start" first: where it is in the input, and its text. */
static char *span_members(rec *r, char *p, const qd_doc *doc, qd_span sp)
{
    bool first = true;
    p = MEMBER_INT(p, ",\"start\":", (long long)qd_doc_source_offset(doc, sp.start), &first);
    p = MEMBER_INT(p, ",\"end\":", (long long)qd_doc_source_offset(doc, sp.end), NULL);
    return MEMBER_STRINGN(r, p, ",\"text\":", doc->text + sp.start, sp.end - sp.start, NULL);
}

static char *span_json(rec *r, char *p, const qd_doc *doc, qd_span sp)
{
    *p++ = '{';
    if (!(p = span_members(r, p, doc, sp)))
        return NULL;
    *p++ = '}';
    return p;
}

static char *speaker_json(rec *r, char *p, const qd_doc *doc, const qd_statement *st)
{
    const qd_analysis *an = doc->analysis;
    if (st->speaker < 0 && st->entity < 0)
        return QD_JW_LIT(p, "null");
    bool first = true;
    *p++ = '{';
    if (st->speaker >= 0) {
        first = false;
        if (!(p = span_members(r, p, doc, an->mentions[st->speaker].span)))
            return NULL;
    }
    if (st->entity >= 0) {
        const qd_entity *e = &an->entities[st->entity];
        if (!(p = MEMBER_STRING(r, p, ",\"name\":", e->name, &first)) ||
            !(p = MEMBER_STRING(r, p, ",\"kind\":", qd_entity_kind_name(e->kind), &first)))
            return NULL;
        p = MEMBER_INT(p, ",\"entity\":", st->entity, &first);
    } else {
        p = QD_JW_LIT(KEY(p, ",\"name\":", &first), "null");
        if (!(p = MEMBER_STRING(r, p, ",\"kind\":", "unknown", &first)))
            return NULL;
    }
    *p++ = '}';
    return p;
}

/* The value at p (room for 64 bytes); NULL if jansson would leave it out (not finite). */
static char *put_confidence(char *p, conf_memo *memo, float confidence)
{
    /* Confidences are made in [0, 1]; anything else is left out before the conversion to
     * int below, which a NaN or a huge value would make undefined. */
    if (!(confidence >= 0.0f && confidence <= 1.0f))
        return NULL;
    int k = (int)(confidence * 100 + 0.5);
    bool memo_k = k >= 0 && k <= 100;
    if (memo_k && memo->len[k]) {
        memcpy(p, memo->text[k], memo->len[k]);
        return p + memo->len[k];
    }
    size_t n = qd_jw_format_real(p, 64, (double)k / 100.0);
    if (!n)
        return NULL;
    if (memo_k && n < sizeof(memo->text[k])) {
        memcpy(memo->text[k], p, n);
        memo->len[k] = (uint8_t)n;
    }
    return p + n;
}

static char *statement_json(rec *r, char *p, const qd_doc *doc, uint32_t i)
{
    const qd_analysis *an = doc->analysis;
    const qd_statement *st = &an->statements[i];
    if (!(p = qd_jw_cursor_room(r->b, p, FIXED_ROOM)))
        return NULL;
    if (i > 0)
        *p++ = ',';
    p = QD_JW_LIT(p, "{\"id\":");
    p = qd_jw_put_int(p, i);
    if (!(p = MEMBER_STRING(r, p, ",\"type\":", qd_statement_type_name(st->type), NULL)))
        return NULL;
    p = QD_JW_LIT(p, ",\"content\":");
    if (st->n_pieces == 1) {
        p = span_json(r, p, doc, st->pieces[0]);
    } else {
        *p++ = '[';
        for (uint32_t k = 0; k < st->n_pieces && p; k++) {
            if (k > 0)
                *p++ = ',';
            p = span_json(r, p, doc, st->pieces[k]);
        }
        if (p)
            *p++ = ']';
    }
    if (!p)
        return NULL;
    p = QD_JW_LIT(p, ",\"speaker\":");
    if (!(p = speaker_json(r, p, doc, st)))
        return NULL;
    p = QD_JW_LIT(p, ",\"cue\":");
    if (qd_span_empty(st->cue)) {
        p = QD_JW_LIT(p, "null");
    } else {
        *p++ = '{';
        if (!(p = span_members(r, p, doc, st->cue)) ||
            !(p = MEMBER_STRING(r, p, ",\"lemma\":", st->cue_lemma, NULL)) ||
            !(p = MEMBER_STRING(r, p, ",\"stance\":", st->stance, NULL)))
            return NULL;
        *p++ = '}';
    }
    p = QD_JW_LIT(p, ",\"provenance\":[");
    for (uint32_t k = 0; k < st->n_provenance; k++) {
        const qd_provenance *pv = &st->provenance[k];
        if (!(p = qd_jw_cursor_room(r->b, p, FIXED_ROOM)))
            return NULL;
        if (k > 0)
            *p++ = ',';
        *p++ = '{';
        bool first = true;
        if (!(p = MEMBER_STRING(r, p, ",\"role\":", qd_prov_role_name(pv->role), &first)) ||
            !(p = MEMBER_STRING(r, p, ",\"name\":", pv->name, &first)))
            return NULL;
        if (pv->role == QD_PROV_OUTLET && doc->meta.byline &&
            !(p = MEMBER_STRING(r, p, ",\"author\":", doc->meta.byline, &first)))
            return NULL;
        if (!qd_span_empty(pv->span)) {
            p = MEMBER_INT(p, ",\"start\":", (long long)qd_doc_source_offset(doc, pv->span.start), &first);
            p = MEMBER_INT(p, ",\"end\":", (long long)qd_doc_source_offset(doc, pv->span.end), &first);
        }
        *p++ = '}';
    }
    if (!(p = qd_jw_cursor_room(r->b, p, FIXED_ROOM)))
        return NULL;
    p = QD_JW_LIT(p, "],\"parent\":");
    p = st->parent >= 0 ? qd_jw_put_int(p, st->parent) : QD_JW_LIT(p, "null");
    p = st->continuation ? QD_JW_LIT(p, ",\"continuation\":true") : QD_JW_LIT(p, ",\"continuation\":false");
    p = QD_JW_LIT(p, ",\"paragraph\":");
    p = qd_jw_put_int(p, st->paragraph);
    /* (left out, as jansson did, were it not finite) */
    char *before = p;
    p = put_confidence(QD_JW_LIT(p, ",\"confidence\":"), &r->conf, st->confidence);
    if (!p)
        p = before;
    *p++ = '}';
    return p;
}

/* A quoted term: its span, its type and paragraph. */
static char *term_json(rec *r, char *p, const qd_doc *doc, const qd_quoted *q, const char *type, bool sep)
{
    if (!(p = qd_jw_cursor_room(r->b, p, FIXED_ROOM)))
        return NULL;
    if (sep)
        *p++ = ',';
    *p++ = '{';
    if (!(p = span_members(r, p, doc, q->inner)) || !(p = MEMBER_STRING(r, p, ",\"type\":", type, NULL)))
        return NULL;
    p = MEMBER_INT(p, ",\"paragraph\":", q->paragraph, NULL);
    *p++ = '}';
    return p;
}

/* A speaker: an entity credited with `quotes` statements. */
static char *speaker_entry_json(rec *r, char *p, const qd_entity *en, uint32_t e, uint32_t quotes, bool sep)
{
    if (!(p = qd_jw_cursor_room(r->b, p, FIXED_ROOM)))
        return NULL;
    if (sep)
        *p++ = ',';
    p = QD_JW_LIT(p, "{\"entity\":");
    p = qd_jw_put_int(p, e);
    /* (the gender a string of its own here, not one to remember by its address) */
    char g[2] = {en->gender, 0};
    if (!(p = MEMBER_STRING(r, p, ",\"name\":", en->name, NULL)) ||
        !(p = MEMBER_STRING(r, p, ",\"key\":", en->key, NULL)) ||
        !(p = MEMBER_STRING(r, p, ",\"kind\":", qd_entity_kind_name(en->kind), NULL)) ||
        !(p = MEMBER_STRINGN(r, p, ",\"gender\":", g, strlen(g), NULL)))
        return NULL;
    p = QD_JW_LIT(p, ",\"roles\":[");
    bool any = false;
    for (uint32_t k = 0; k < en->n_roles; k++) {
        size_t n = strlen(en->roles[k]);
        if (!(p = qd_jw_cursor_room(r->b, p, 1 + QD_JW_STRING_ROOM(n) + FIXED_ROOM)))
            return NULL;
        char *q = qd_jw_put_string(r->b, any ? QD_JW_LIT(p, ",") : p, en->roles[k], n);
        if (q) { /* (a role jansson would refuse is left out with its separator) */
            p = q;
            any = true;
        }
    }
    *p++ = ']';
    if (!(p = MEMBER_STRING(r, p, ",\"role_conflict\":", en->role_conflict, NULL)))
        return NULL;
    p = MEMBER_INT(p, ",\"mentions\":", en->n_mentions, NULL);
    p = MEMBER_INT(p, ",\"quotes\":", quotes, NULL);
    *p++ = '}';
    return p;
}

/* A paragraph: its span and its role. */
static char *paragraph_json(rec *r, char *p, const qd_doc *doc, const qd_paragraph *par, bool sep)
{
    static const char *const roles[] = {"body", "title", "meta", "furniture"};
    if (!(p = qd_jw_cursor_room(r->b, p, FIXED_ROOM)))
        return NULL;
    if (sep)
        *p++ = ',';
    *p++ = '{';
    if (!(p = span_members(r, p, doc, par->span)) || !(p = MEMBER_STRING(r, p, ",\"role\":", roles[par->role], NULL)))
        return NULL;
    *p++ = '}';
    return p;
}

/* A record that could not be finished is taken back whole: `out` may hold a batch's
 * earlier records, which extract writes even when the batch failed, and a record cut
 * off where memory ran out would leave a line that is no JSON.  (A failed buffer keeps
 * its bytes and stays failed.) */
static void take_back(qd_buf *b, size_t start)
{
    b->len = start;
    if (b->data)
        b->data[start] = '\0';
}

int qd_report_doc_json_append(const qd_doc *doc, unsigned flags, qd_buf *out, qd_error *err)
{
    static const char *const kinds[] = {"auto", "text", "html", "json"};
    qd_buf *b = out;
    size_t start = b->len;
    rec r;
    r.b = b;
    memset(r.conf.len, 0, sizeof(r.conf.len));
    memset(r.strs.s, 0, sizeof(r.strs.s));
    qd_jw jw;
    qd_jw *w = &jw;
    qd_jw_init(w, b);
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
    if (an && an->n_statements) {
        char *p = qd_jw_cursor_begin(w, FIXED_ROOM);
        for (uint32_t i = 0; i < an->n_statements && p; i++)
            p = statement_json(&r, p, doc, i);
        qd_jw_cursor_end(w, p, true);
    }
    qd_jw_array_end(w);

    QD_JW_KEY(w, "quoted_terms");
    qd_jw_array_begin(w);
    if (an && an->n_quoted) {
        /* quoted words nobody is credited with: scare quotes, names, titles, and speech
         * no statement holds (statements and quotes are both in text order, so one
         * sweep tells which uncredited quotes a report took in) */
        uint32_t si = 0, covered_to = 0;
        char *p = qd_jw_cursor_begin(w, FIXED_ROOM);
        bool wrote = false;
        for (uint32_t i = 0; i < an->n_quoted && p; i++) {
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
            p = term_json(&r, p, doc, q, type, wrote);
            wrote = true;
        }
        qd_jw_cursor_end(w, p, wrote);
    }
    qd_jw_array_end(w);

    QD_JW_KEY(w, "speakers");
    qd_jw_array_begin(w);
    if (an) {
        /* speakers: entities credited with at least one statement */
        uint32_t *count = calloc(an->n_entities + 1, sizeof(uint32_t));
        if (!count) {
            take_back(b, start);
            return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
        }
        for (uint32_t i = 0; i < an->n_statements; i++)
            if (an->statements[i].entity >= 0)
                count[an->statements[i].entity]++;
        char *p = qd_jw_cursor_begin(w, FIXED_ROOM);
        bool wrote = false;
        for (uint32_t e = 0; e < an->n_entities && p; e++) {
            if (!count[e])
                continue;
            p = speaker_entry_json(&r, p, &an->entities[e], e, count[e], wrote);
            wrote = true;
        }
        qd_jw_cursor_end(w, p, wrote);
        free(count);
    }
    qd_jw_array_end(w);

    if (flags & QD_REPORT_PARAGRAPHS) {
        QD_JW_KEY(w, "paragraphs");
        qd_jw_array_begin(w);
        if (doc->n_paragraphs) {
            char *p = qd_jw_cursor_begin(w, FIXED_ROOM);
            for (uint32_t i = 0; i < doc->n_paragraphs && p; i++)
                p = paragraph_json(&r, p, doc, &doc->paragraphs[i], i > 0);
            qd_jw_cursor_end(w, p, true);
        }
        qd_jw_array_end(w);
    }
    if (flags & QD_REPORT_WITH_TEXT) {
        QD_JW_KEY(w, "text");
        qd_jw_stringn(w, doc->text, doc->len);
    }
    qd_jw_object_end(w);
    if (b->failed || !b->data) {
        take_back(b, start);
        return qd_error_set(err, QD_ENOMEM, "%s: cannot render JSON", doc->path);
    }
    return 0;
}

int qd_report_doc_json(const qd_doc *doc, unsigned flags, char **out, qd_error *err)
{
    qd_buf b;
    qd_buf_init(&b);
    int rc = qd_report_doc_json_append(doc, flags, &b, err);
    if (rc) {
        qd_buf_free(&b);
        return rc;
    }
    *out = b.data;
    return 0;
}
