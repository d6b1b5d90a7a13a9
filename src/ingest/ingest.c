/*
 * ingest.c - qd_doc_parse(): detect what the bytes are and hand them to the right reader,
 * then run the text stage so every document leaves here segmented (unless the caller
 * asked for paragraphs only).
 */
#include <ctype.h>
#include <string.h>

#include "ingest.h"
#include "meta.h"

static bool starts_with_ci(const char *s, size_t n, const char *p)
{
    size_t l = strlen(p);
    return n >= l && strncasecmp(s, p, l) == 0;
}

/* Look at the first non-blank bytes: markup, JSON, or text. */
qd_input_kind qd_detect_kind(const char *data, size_t len)
{
    size_t i = 0;
    /* a page saved as UTF-16 (BOM, then "<" as two bytes): the HTML reader converts */
    if (len >= 4 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE && data[2] == '<' && data[3] == 0) ||
                     ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF && data[2] == 0 && data[3] == '<')))
        return QD_INPUT_HTML;
    if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
        (unsigned char)data[2] == 0xBF)
        i = 3;
    while (i < len && isspace((unsigned char)data[i]))
        i++;
    const char *p = data + i;
    size_t n = len - i;
    if (n == 0)
        return QD_INPUT_TEXT;
    /* JSON records are objects, alone or in an array: "[Reuters] Moscow..." and
     * "{sic}" are text */
    if (p[0] == '{' || p[0] == '[') {
        size_t k = 1;
        while (k < n && isspace((unsigned char)p[k]))
            k++;
        if (k == n || p[k] == '"' || p[k] == '}' || (p[0] == '[' && (p[k] == '{' || p[k] == '[' || p[k] == ']')))
            return QD_INPUT_JSON;
    }
    if (p[0] == '<') {
        if (starts_with_ci(p, n, "<!doctype html") || starts_with_ci(p, n, "<html") ||
            starts_with_ci(p, n, "<?xml") || starts_with_ci(p, n, "<!--") ||
            starts_with_ci(p, n, "<head") || starts_with_ci(p, n, "<body") ||
            starts_with_ci(p, n, "<meta") || starts_with_ci(p, n, "<div") ||
            starts_with_ci(p, n, "<p>") || starts_with_ci(p, n, "<article"))
            return QD_INPUT_HTML;
    }
    /* markup further in (a page saved with a leading comment or whitespace junk) */
    size_t probe = n < 4096 ? n : 4096;
    /* plain text has few or no '<': jump from one to the next */
    for (size_t k = 0; k + 5 < probe; k++) {
        const char *q = memchr(p + k, '<', probe - 5 - k);
        if (!q)
            break;
        k = (size_t)(q - p);
        if (starts_with_ci(q, probe - k, "<html") || starts_with_ci(q, probe - k, "<body") ||
            starts_with_ci(q, probe - k, "<!doctype html"))
            return QD_INPUT_HTML;
    }
    return QD_INPUT_TEXT;
}

/* What the caller knows (a manifest, a crawler record) wins over what the text
 * suggests. */
static int apply_known(qd_doc *doc, const qd_options *opt, qd_error *err)
{
    qd_arena *A = &doc->in->arena;
    if (opt->date) {
        char iso[QD_DATE_MAX];
        size_t a, b;
        if (qd_find_date(opt->date, strlen(opt->date), iso, &a, &b)) {
            doc->meta.date = qd_arena_strdup(A, iso);
            doc->meta.date_text = qd_arena_strdup(A, opt->date);
        } else {
            qd_doc_warn(doc, "the given date \"%s\" is not a date", opt->date);
        }
    }
    if (opt->title)
        doc->meta.title = qd_arena_strdup(A, opt->title);
    if (opt->byline)
        doc->meta.byline = qd_arena_strdup(A, opt->byline);
    if (opt->outlet || opt->url)
        qd_meta_outlet_from_options(doc, opt);
    if ((opt->date && !doc->meta.date_text) || (opt->title && !doc->meta.title) || (opt->byline && !doc->meta.byline))
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    return 0;
}

int qd_doc_parse(qd_doc **out, const char *path, const char *data, size_t len,
                 const qd_options *opt, const qd_lexicon *lx, qd_error *err)
{
    qd_options defaults;
    if (!opt) {
        qd_options_init(&defaults);
        opt = &defaults;
    }
    if (!lx)
        return qd_error_set(err, QD_EUSAGE, "%s: no lexicon given", path ? path : "-");
    if (len > opt->max_doc_bytes)
        return qd_error_set_limit(err, QD_LIMIT_BYTES, "%s: %zu bytes is over the document size limit (%zu)",
                                  path ? path : "-", len, opt->max_doc_bytes);
    qd_doc *doc;
    int rc = qd_doc_new(&doc, path, lx, err);
    if (rc)
        return rc;
    qd_input_kind kind = opt->input != QD_INPUT_AUTO ? opt->input : qd_detect_kind(data, len);
    doc->kind = kind;
    switch (kind) {
    case QD_INPUT_HTML:
        rc = qd_ingest_html(doc, data, len, opt, err);
        break;
    case QD_INPUT_JSON:
        rc = qd_ingest_json(doc, data, len, opt, err);
        break;
    default:
        doc->kind = QD_INPUT_TEXT;
        rc = qd_clean_text(doc, data, len, err);
        if (!rc)
            rc = qd_layout_plain(doc, opt, err);
        break;
    }
    if (!rc)
        rc = apply_known(doc, opt, err);
    doc->in->debug = opt->debug;
    /* tokenising is most of the work left after layout: skip it when only the
     * paragraphs are wanted (analysis segments the document itself if asked) */
    if (!rc && !opt->paragraphs_only)
        rc = qd_text_segment(doc, err);
    if (rc) {
        qd_doc_free(doc);
        return rc;
    }
    *out = doc;
    return 0;
}
