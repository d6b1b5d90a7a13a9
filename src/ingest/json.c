/*
 * json.c - one JSON record of a news crawler as a document.
 *
 * news-please and the Common Crawl news tools write one object per article with the
 * article text already extracted: `url`, `title`, `date_publish`, `maintext` (or `text`),
 * `source_domain`, `authors`, `language`.  Other crawlers use close variants of those
 * names, which are read too.  A record that carries only the page (`html`) goes through
 * the HTML extractor.  Splitting a file into records is the reader's job (reader.c);
 * given a whole array or several lines here, the first record is read.
 */
#include <string.h>

#include <jansson.h>

#include "../util/buf.h"
#include "ingest.h"
#include "meta.h"

/* The first of several field names that holds a non-empty string. */
static const char *field(json_t *o, const char *const *names)
{
    for (const char *const *n = names; *n; n++) {
        json_t *v = json_object_get(o, *n);
        if (json_is_string(v) && json_string_length(v) > 0)
            return json_string_value(v);
    }
    return NULL;
}

/* Authors: a string, or a list of strings or of {"name": ...} objects. */
static char *authors(qd_doc *doc, json_t *o)
{
    static const char *const names[] = {"authors", "author", "byline", "creator", NULL};
    json_t *v = NULL;
    for (const char *const *n = names; *n && !v; n++)
        v = json_object_get(o, *n);
    if (!v)
        return NULL;
    qd_buf b;
    qd_buf_init(&b);
    size_t count = json_is_array(v) ? json_array_size(v) : 1;
    for (size_t i = 0; i < count && i < 16; i++) {
        json_t *e = json_is_array(v) ? json_array_get(v, i) : v;
        if (json_is_object(e))
            e = json_object_get(e, "name");
        if (!json_is_string(e) || json_string_length(e) == 0)
            continue;
        const char *s = json_string_value(e);
        if (strstr(s, "://")) /* a profile link is not a name */
            continue;
        if (b.len)
            qd_buf_puts(&b, " and ");
        qd_buf_puts(&b, s);
    }
    char *r = NULL;
    if (b.len && !b.failed) {
        char names_out[512];
        char *tmp = qd_arena_alloc(&doc->in->arena, b.len + 1);
        if (tmp) {
            qd_fold_space(b.data, b.len, tmp, b.len + 1);
            /* "By Jane Doe" in a byline field: keep the names only */
            if (qd_parse_byline(tmp, strlen(tmp), names_out, sizeof(names_out)) && names_out[0] &&
                strncasecmp(tmp, "by ", 3) == 0)
                r = qd_arena_strdup(&doc->in->arena, names_out);
            else
                r = tmp;
        }
    }
    qd_buf_free(&b);
    return r;
}

/* Split the article text into paragraphs at line breaks. */
static int body_paragraphs(qd_doc *doc, const char *title, const char *text, size_t n, qd_error *err)
{
    uint32_t cap = 16, np = 0;
    qd_article_para *ps = malloc(cap * sizeof(*ps));
    if (!ps)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && text[j] != '\n')
            j++;
        if (np == cap) {
            qd_article_para *nps = realloc(ps, 2 * cap * sizeof(*ps));
            if (!nps) {
                free(ps);
                return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
            }
            ps = nps;
            cap *= 2;
        }
        ps[np].text = text + i;
        ps[np].len = j - i;
        ps[np].role = QD_PARA_BODY;
        np++;
        i = j + 1;
    }
    int rc = qd_article_build(doc, title, ps, np, err);
    free(ps);
    return rc;
}

int qd_ingest_json(qd_doc *doc, const char *data, size_t len, const qd_options *opt, qd_error *err)
{
    static const char *const url_f[] = {"url", "canonical_url", "source_url", "link", NULL};
    static const char *const title_f[] = {"title", "headline", "title_page", "title_rss", NULL};
    static const char *const date_f[] = {"date_publish", "date_published", "datePublished", "published",
                                         "published_at", "pubdate", "date", "date_modify", NULL};
    /* the description (the lead) is the text of last resort: a record without its
     * article still has that much to say */
    static const char *const text_f[] = {"maintext", "text", "articleBody", "article_body", "content", "body",
                                         "description", NULL};
    static const char *const html_f[] = {"html", "raw_html", "page_html", NULL};
    static const char *const site_f[] = {"outlet", "publisher", "source_name", "site_name", NULL};
    static const char *const domain_f[] = {"source_domain", "domain", "host", NULL};
    static const char *const lang_f[] = {"language", "lang", "inLanguage", NULL};

    json_error_t je;
    json_t *root = json_loadb(data, len, JSON_DISABLE_EOF_CHECK | JSON_ALLOW_NUL, &je);
    if (!root)
        return qd_error_set(err, QD_EINPUT, "%s: not valid JSON (line %d: %s)", doc->path, je.line, je.text);
    json_t *rec = root;
    if (json_is_array(root))
        rec = json_array_size(root) ? json_array_get(root, 0) : NULL;
    if (!json_is_object(rec)) {
        json_decref(root);
        return qd_error_set(err, QD_EINPUT, "%s: a JSON record must be an object", doc->path);
    }
    qd_arena *A = &doc->in->arena;
    doc->kind = QD_INPUT_JSON;
    const char *url = field(rec, url_f);
    const char *title = field(rec, title_f);
    const char *text = field(rec, text_f);
    const char *html = field(rec, html_f);
    int rc;
    if (text) {
        char *t = title ? qd_arena_strdup(A, title) : NULL;
        if (title && !t) {
            json_decref(root);
            return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
        }
        if (t)
            qd_fold_space(title, strlen(title), t, strlen(title) + 1);
        rc = body_paragraphs(doc, t, text, strlen(text), err);
        if (!rc)
            doc->meta.title = t;
    } else if (html) {
        qd_options o = *opt;
        if (url && !o.url)
            o.url = url;
        rc = qd_ingest_html(doc, html, strlen(html), &o, err);
        doc->kind = QD_INPUT_JSON;
    } else {
        rc = qd_error_set(err, QD_EINPUT, "%s: the record has no article text (maintext or text)%s%s", doc->path,
                          url ? " : " : "", url ? url : "");
    }
    if (rc) {
        json_decref(root);
        return rc;
    }
    /* what the record says wins over what an embedded page says */
    if (url)
        doc->meta.url = qd_arena_strdup(A, url);
    const char *date = field(rec, date_f);
    if (date) {
        char iso[QD_DATE_MAX];
        size_t a, b;
        if (qd_find_date(date, strlen(date), iso, &a, &b)) {
            doc->meta.date = qd_arena_strdup(A, iso);
            doc->meta.date_text = qd_arena_strdup(A, date);
        }
    }
    char *by = authors(doc, rec);
    if (by)
        doc->meta.byline = by;
    const char *lang = field(rec, lang_f);
    if (lang)
        doc->meta.language = qd_arena_strdup(A, lang);
    const char *site = field(rec, site_f);
    const char *domain = field(rec, domain_f);
    const qd_lexicon *lx = doc->in->lx;
    if (site) {
        const qd_outlet *o = qd_find_outlet(lx, site, strlen(site), false);
        doc->meta.outlet = o ? o->name : qd_arena_strdup(A, site);
        doc->meta.outlet_how = "site-name";
    } else if (domain || doc->meta.url) {
        char host[256] = "";
        const qd_outlet *o = NULL;
        if (domain) {
            char u[300];
            snprintf(u, sizeof(u), "http://%s/", domain);
            o = qd_outlet_from_url(lx, u, host, sizeof(host));
        }
        if (!o && !host[0] && doc->meta.url)
            o = qd_outlet_from_url(lx, doc->meta.url, host, sizeof(host));
        if (o || host[0]) {
            doc->meta.outlet = o ? o->name : qd_arena_strdup(A, host);
            doc->meta.outlet_how = "url";
        }
    }
    qd_article_credit(doc);
    json_decref(root);
    return 0;
}
