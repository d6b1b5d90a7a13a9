/*
 * corpus.c - several documents side by side (compare, before event matching):
 * documents grouped by outlet with their statements, and share of voice per speaker.
 * Speakers are matched across documents by their entity key ("lavrov|s").
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../doc_internal.h"
#include "../util/buf.h"
#include "quotediff/report.h"
#include "report_util.h"

typedef struct spk {
    const char *key;
    const char *name;
    qd_entity_kind kind;
    uint32_t total;
} spk;

static int cmp_outlet(const void *a, const void *b)
{
    const qd_doc *x = *(qd_doc *const *)a, *y = *(qd_doc *const *)b;
    const char *ox = x->meta.outlet ? x->meta.outlet : "~", *oy = y->meta.outlet ? y->meta.outlet : "~";
    int c = strcasecmp(ox, oy);
    if (c)
        return c;
    return strcmp(x->path, y->path);
}

static int find_spk(spk *v, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i].key, key))
            return (int)i;
    return -1;
}

int qd_report_corpus(qd_doc *const *docs_in, size_t n, const char *format, unsigned flags, char **out,
                     qd_error *err)
{
    qd_doc **docs = malloc((n ? n : 1) * sizeof(*docs));
    if (!docs)
        return qd_error_set(err, QD_ENOMEM, "compare: out of memory");
    memcpy(docs, docs_in, n * sizeof(*docs));
    qsort(docs, n, sizeof(*docs), cmp_outlet);
    /* speakers across documents */
    size_t ns = 0, cs = 64;
    spk *sp = malloc(cs * sizeof(spk));
    if (!sp) {
        free(docs);
        return qd_error_set(err, QD_ENOMEM, "compare: out of memory");
    }
    for (size_t d = 0; d < n; d++) {
        const qd_analysis *an = docs[d]->analysis;
        for (uint32_t i = 0; an && i < an->n_statements; i++) {
            int32_t e = an->statements[i].entity;
            if (e < 0 || !an->entities[e].key)
                continue;
            int k = find_spk(sp, ns, an->entities[e].key);
            if (k < 0) {
                if (ns == cs) {
                    spk *np = realloc(sp, 2 * cs * sizeof(spk));
                    if (!np) {
                        free(sp);
                        free(docs);
                        return qd_error_set(err, QD_ENOMEM, "compare: out of memory");
                    }
                    sp = np;
                    cs *= 2;
                }
                k = (int)ns++;
                sp[k].key = an->entities[e].key;
                sp[k].name = an->entities[e].name;
                sp[k].kind = an->entities[e].kind;
                sp[k].total = 0;
            }
            /* the longest name seen is the most complete */
            if (an->entities[e].name && (!sp[k].name || strlen(an->entities[e].name) > strlen(sp[k].name)))
                sp[k].name = an->entities[e].name;
            sp[k].total++;
        }
    }
    int rc = 0;
    if (format && !strcmp(format, "json")) {
        json_t *root = json_object();
        json_t *jd = json_array();
        for (size_t d = 0; d < n; d++) {
            char *s;
            if ((rc = qd_report_doc_json(docs[d], 0, &s, err)) != 0)
                break;
            json_error_t je;
            json_t *o = json_loads(s, 0, &je);
            free(s);
            json_array_append_new(jd, o);
        }
        json_object_set_new(root, "documents", jd);
        json_t *js = json_array();
        for (size_t k = 0; k < ns; k++) {
            json_t *o = json_object();
            json_object_set_new(o, "name", json_string(sp[k].name ? sp[k].name : "?"));
            json_object_set_new(o, "key", json_string(sp[k].key));
            json_object_set_new(o, "kind", json_string(qd_entity_kind_name(sp[k].kind)));
            json_t *per = json_object();
            for (size_t d = 0; d < n; d++) {
                const qd_analysis *an = docs[d]->analysis;
                uint32_t c = 0;
                for (uint32_t i = 0; an && i < an->n_statements; i++) {
                    int32_t e = an->statements[i].entity;
                    c += e >= 0 && an->entities[e].key && !strcmp(an->entities[e].key, sp[k].key);
                }
                const char *ol = docs[d]->meta.outlet ? docs[d]->meta.outlet : "unknown";
                json_t *prev = json_object_get(per, ol);
                json_object_set_new(per, ol, json_integer((prev ? json_integer_value(prev) : 0) + c));
            }
            json_object_set_new(o, "statements_by_outlet", per);
            json_object_set_new(o, "statements", json_integer(sp[k].total));
            json_array_append_new(js, o);
        }
        json_object_set_new(root, "speakers", js);
        char *s = rc ? NULL : json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
        json_decref(root);
        if (!rc && !s)
            rc = qd_error_set(err, QD_ENOMEM, "compare: cannot render JSON");
        if (s) {
            size_t l = strlen(s);
            char *t = realloc(s, l + 2);
            if (t) {
                t[l] = '\n';
                t[l + 1] = '\0';
                s = t;
            }
            *out = s;
        }
    } else {
        qd_buf b;
        qd_buf_init(&b);
        const qd_style *st = qd_style_get(flags & QD_REPORT_COLOR);
        const char *cur = NULL;
        for (size_t d = 0; d < n; d++) {
            const char *ol = docs[d]->meta.outlet ? docs[d]->meta.outlet : "unknown outlet";
            if (!cur || strcmp(cur, ol) != 0) {
                qd_buf_printf(&b, "%s### %s%s\n\n", st->bold, ol, st->reset);
                cur = ol;
            }
            char *s;
            if ((rc = qd_report_doc_text(docs[d], flags, &s, err)) != 0)
                break;
            qd_buf_puts(&b, s);
            free(s);
        }
        qd_buf_printf(&b, "%s### Who is quoted how often%s\n\n", st->bold, st->reset);
        qd_buf_printf(&b, "   %-30s", "speaker");
        const char *outlets[64];
        size_t no = 0;
        for (size_t d = 0; d < n && no < 64; d++) {
            const char *ol = docs[d]->meta.outlet ? docs[d]->meta.outlet : "unknown";
            bool seen = false;
            for (size_t k = 0; k < no; k++)
                seen |= !strcmp(outlets[k], ol);
            if (!seen)
                outlets[no++] = ol;
        }
        for (size_t k = 0; k < no; k++) {
            qd_buf_putc(&b, ' ');
            qd_buf_column(&b, outlets[k], 14, true);
        }
        qd_buf_puts(&b, "   total\n");
        for (size_t k = 0; k < ns; k++) {
            qd_buf_puts(&b, "   ");
            qd_buf_column(&b, sp[k].name ? sp[k].name : "?", 30, false);
            for (size_t o = 0; o < no; o++) {
                uint32_t c = 0;
                for (size_t d = 0; d < n; d++) {
                    const char *ol = docs[d]->meta.outlet ? docs[d]->meta.outlet : "unknown";
                    const qd_analysis *an = docs[d]->analysis;
                    if (strcmp(ol, outlets[o]) != 0 || !an)
                        continue;
                    for (uint32_t i = 0; i < an->n_statements; i++) {
                        int32_t e = an->statements[i].entity;
                        c += e >= 0 && an->entities[e].key && !strcmp(an->entities[e].key, sp[k].key);
                    }
                }
                qd_buf_printf(&b, " %14u", c);
            }
            qd_buf_printf(&b, "   %5u\n", sp[k].total);
        }
        if (b.failed && !rc)
            rc = qd_error_set(err, QD_ENOMEM, "compare: out of memory");
        if (rc)
            qd_buf_free(&b);
        else
            *out = b.data;
    }
    free(sp);
    free(docs);
    return rc;
}
