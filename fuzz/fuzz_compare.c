/*
 * fuzz_compare.c - `quotediff compare` end to end on a few small documents: the input is
 * split into up to six documents at form feeds; each is read (kind detected), analysed
 * and added to a corpus, which is matched and rendered in every format.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "fuzz_common.h"

enum { MAX_DOCS = 6 };

/* The HTML report is made of a fixed set of harmless elements and links only inside
 * itself: whatever the articles hold (it is all escaped), no other tag may appear, no
 * link may leave the page, and the only style element is the report's own. */
static void check_html(const char *html)
{
    static const char *const allowed[] = {
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "main", "section",
        "article", "h1", "h2", "h3", "p", "div", "span", "ul", "li", "a", "table", "tr", "th", "td",
        "del", "ins", "mark", "b", "br", "em", "i", "strong", "small", "code", "ol", "thead", "tbody",
        "caption", "details", "summary", "nav", "footer", "hr", "sup", "sub",
        /* inline charts: shapes and text only (no script, use, animate, foreignObject) */
        "svg", "g", "rect", "line", "circle", "path", "polyline", "text", "tspan", NULL};
    int styles = 0;
    for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<')) {
        const char *n = p + 1 + (p[1] == '/');
        size_t len = strspn(n, "!ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
        bool ok = false;
        for (const char *const *t = allowed; *t && !ok; t++)
            ok = strlen(*t) == len && strncmp(n, *t, len) == 0;
        if (!ok || len == 0)
            abort();
        if (len == 5 && strncmp(n, "style", 5) == 0 && p[1] != '/')
            styles++;
    }
    if (styles != 1)
        abort();
    /* escaped text never holds a literal quote, so this finds real attributes only */
    for (const char *h = strstr(html, "href=\""); h; h = strstr(h + 1, "href=\""))
        if (h[6] != '#')
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 32 * 1024)
        return 0;
    const qd_lexicon *lx = fuzz_lexicon();
    qd_error err;
    qd_error_clear(&err);
    qd_match_options mopt;
    qd_match_options_init(&mopt);
    mopt.keep_text = true; /* the HTML report links into the articles */
    qd_corpus *c;
    if (qd_corpus_new(&c, lx, &mopt, &err) != 0)
        abort();
    const char *p = (const char *)data, *end = p + size;
    for (int k = 0; k < MAX_DOCS && p <= end; k++) {
        const char *ff = memchr(p, '\f', (size_t)(end - p));
        const char *stop = ff && k + 1 < MAX_DOCS ? ff : end;
        char name[32];
        snprintf(name, sizeof(name), "doc%d", k);
        qd_options opt;
        fuzz_options(&opt, QD_INPUT_AUTO);
        qd_doc *doc;
        int rc = qd_doc_parse(&doc, name, p, (size_t)(stop - p), &opt, lx, &err);
        fuzz_check_error(rc, &err);
        if (rc == 0) {
            rc = qd_doc_analyze(doc, lx, &err);
            fuzz_check_error(rc, &err);
            if (rc == 0 && qd_corpus_add(c, doc, &err) != 0)
                abort();
            qd_doc_free(doc);
        }
        p = stop + 1;
    }
    fuzz_compare_reports(c, check_html);
    qd_corpus_free(c);
    return 0;
}
