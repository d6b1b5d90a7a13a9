/*
 * html.c - HTML input: parse a saved web page, find the article in it, read its
 * metadata.
 *
 * The page is parsed by libxml2's HTML parser in recover mode with the network and
 * entity loading off, so broken markup gives a tree rather than an error.  The tree is
 * then flattened once into a table of elements in document order (hnode); every
 * later step works on that table and walks the libxml2 tree without recursion, so a
 * page of a million nested tags costs memory, not stack.  Elements deeper than
 * qd_options.max_depth get no entry of their own: their text counts for the deepest
 * ancestor that has one.
 *
 * Finding the article follows the idea of Arc90's Readability, which has held up
 * well on news pages: every paragraph-like block with some text gives points to its
 * parent and, less, to the ancestors above; containers start with a bonus or a
 * penalty from their element and class/id words (data/lexicons/html_hints.tsv); the
 * score is scaled down by the share of link text.  The best container, moved up when
 * its parent holds more of the same, and the siblings that look like part of it,
 * are the article.  Within it, furniture (navigation, share bars, captions, lists of
 * links, related-story boxes) is left out by structural rules, and what remains is
 * written out block by block.  When stripping unlikely elements leaves too little
 * text, the search is run again without that step.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>

#include "../text/utf8.h"
#include "../util/buf.h"
#include "ingest.h"
#include "meta.h"

#define TAG_OTHER 0xff

/* One element of the page. */
typedef struct hnode {
    xmlNode *x;
    int32_t parent;      /* entry of the parent element, -1 at the top */
    uint32_t end;        /* one past the last entry of the subtree (entries are in pre-order) */
    int32_t block;       /* nearest block-level entry at or above this one */
    uint8_t tag;         /* qd_html_hint of the element name or TAG_OTHER */
    bool is_inline;      /* an inline element (a, span, em...) */
    bool is_link;        /* <a> */
    bool in_link;        /* inside an <a> */
    bool hidden;         /* hidden by attribute or inline style */
    bool unlikely;       /* class/id says: never article text */
    bool is_br;
    int16_t weight;      /* class/id weight: +25 per content word, -25 per furniture word */
    /* the element's own text (text nodes directly under it, or under elements too deep
     * for entries of their own) */
    uint32_t own_chars, own_link_chars, own_commas;
    uint32_t own_img, own_embed, own_input;
    /* totals over the subtree, per attempt */
    uint32_t chars, link_chars, commas, inline_chars, inline_commas;
    uint32_t n_p, n_img, n_li, n_input, n_embed, n_heading_chars, list_chars;
    uint32_t prose;      /* characters in paragraphs of running text (few links) */
    uint32_t quote_chars;/* characters in block quotations */
    uint32_t n_h1;       /* <h1> elements in the subtree */
    double score;
    bool candidate;
    bool excluded;       /* not part of the page for this attempt */
} hnode;

typedef struct page {
    qd_doc *doc;
    const qd_lexicon *lx;
    const qd_options *opt;
    qd_error *err;
    xmlDoc *xdoc;
    hnode *n;
    uint32_t nn, cap;
    int32_t body;        /* entry of <body>, or of the root element */
    int32_t top;         /* the article's best container (last extraction) */
    /* metadata gathered from the page */
    char *title, *og_title, *h1, *ld_headline;
    char *date, *ld_date, *time_date;
    char *author, *ld_author, *shown_author;
    char *site_name, *ld_publisher;
    char *canonical, *og_url;
    char *lang;
    char *ld_body;       /* schema.org articleBody, when the page carries one */
} page;

/* ---- small helpers ---------------------------------------------------------------- */

static bool name_is(const xmlNode *x, const char *name)
{
    return x && x->type == XML_ELEMENT_NODE && x->name && strcasecmp((const char *)x->name, name) == 0;
}

static const char *attr(const xmlNode *x, const char *name)
{
    for (xmlAttr *a = x->properties; a; a = a->next)
        if (a->name && strcasecmp((const char *)a->name, name) == 0 && a->children &&
            a->children->type == XML_TEXT_NODE)
            return (const char *)a->children->content;
    return NULL;
}

static bool has_attr(const xmlNode *x, const char *name)
{
    for (xmlAttr *a = x->properties; a; a = a->next)
        if (a->name && strcasecmp((const char *)a->name, name) == 0)
            return true;
    return false;
}

static char *pdup(page *P, const char *s, size_t n)
{
    char *out = qd_arena_alloc(&P->doc->in->arena, n + 1);
    if (!out)
        return NULL;
    size_t m = qd_fold_space(s, n, out, n + 1);
    if (m == 0)
        return NULL;
    return out;
}

static char *pdups(page *P, const char *s)
{
    return s ? pdup(P, s, strlen(s)) : NULL;
}

/* Characters in a text node, whitespace runs counted once; commas too. */
static void count_text(const char *s, uint32_t *chars, uint32_t *commas)
{
    bool sp = true;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f') {
            if (!sp)
                (*chars)++;
            sp = true;
            continue;
        }
        sp = false;
        if ((*p & 0xC0) != 0x80)
            (*chars)++;
        if (*p == ',')
            (*commas)++;
        /* ，and 、 (full-width comma, ideographic comma) */
        if (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C)
            (*commas)++;
        if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81)
            (*commas)++;
    }
}

/* ---- class/id hints ----------------------------------------------------------------- */

static void hint_words(page *P, const char *s, int *weight, bool *unlikely, bool *content)
{
    const qd_lexicon *lx = P->lx;
    char low[256];
    size_t n = 0;
    for (const char *p = s; *p && n + 1 < sizeof(low); p++)
        low[n++] = (char)tolower((unsigned char)*p);
    low[n] = '\0';
    /* which of the class/id kinds (content, boilerplate, unlikely) a word names */
    bool seen[QD_HINT_UNLIKELY + 1] = {false};
    /* whole words: split at everything that is not a letter or digit, and at
     * lower-to-upper case changes ("articleBody" -> article, body) */
    size_t i = 0;
    while (i < n) {
        while (i < n && !isalnum((unsigned char)low[i]))
            i++;
        size_t j = i;
        while (j < n && isalnum((unsigned char)low[j]) &&
               !(j > i && islower((unsigned char)s[j - 1]) && isupper((unsigned char)s[j])))
            j++;
        if (j > i) {
            uint32_t v;
            if (qd_strmap_get(&lx->html_hints, low + i, j - i, &v) && v <= QD_HINT_UNLIKELY)
                seen[v] = true;
            /* the whole run without case splitting too ("articleBody" as one word) */
            size_t k = j;
            while (k < n && isalnum((unsigned char)low[k]))
                k++;
            if (k > j && qd_strmap_get(&lx->html_hints, low + i, k - i, &v) && v <= QD_HINT_UNLIKELY)
                seen[v] = true;
        }
        i = j;
    }
    for (uint32_t k = 0; k < lx->n_html_subs; k++) {
        const qd_html_sub *h = &lx->html_subs[k];
        if (h->hint <= QD_HINT_UNLIKELY && strstr(low, h->term))
            seen[h->hint] = true;
    }
    if (seen[QD_HINT_CONTENT])
        *weight += 25;
    if (seen[QD_HINT_BOILERPLATE] || seen[QD_HINT_UNLIKELY])
        *weight -= 25;
    *unlikely = *unlikely || seen[QD_HINT_UNLIKELY];
    *content = *content || seen[QD_HINT_CONTENT];
}

static bool style_hidden(const char *style)
{
    if (!style)
        return false;
    char buf[256];
    size_t n = 0;
    for (const char *p = style; *p && n + 1 < sizeof(buf); p++)
        if (!isspace((unsigned char)*p))
            buf[n++] = (char)tolower((unsigned char)*p);
    buf[n] = '\0';
    return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

/* ---- the element table -------------------------------------------------------------- */

static int tag_kind(page *P, const xmlNode *x)
{
    char key[40];
    size_t n = strlen((const char *)x->name);
    if (n + 3 > sizeof(key))
        return TAG_OTHER;
    key[0] = '<';
    for (size_t i = 0; i < n; i++)
        key[i + 1] = (char)tolower((unsigned char)x->name[i]);
    key[n + 1] = '>';
    key[n + 2] = '\0';
    uint32_t v;
    if (qd_strmap_get(&P->lx->html_hints, key, n + 2, &v))
        return (int)v;
    return TAG_OTHER;
}

static bool elem_inline(const xmlNode *x)
{
    const htmlElemDesc *d = htmlTagLookup(x->name);
    if (d)
        return d->isinline && !name_is(x, "br");
    /* unknown elements: custom elements are usually blocks, other tags (font-like
     * leftovers) inline */
    return !strchr((const char *)x->name, '-');
}

/* The table lives only while the page is read (malloc, not the document's arena):
 * a large page has many elements and the document keeps nothing of them. */
static hnode *push_entry(page *P)
{
    if (P->nn == P->cap) {
        uint32_t nc = P->cap ? P->cap * 2 : 1024;
        if (nc <= P->cap)
            return NULL;
        hnode *nn = realloc(P->n, (size_t)nc * sizeof(hnode));
        if (!nn)
            return NULL;
        P->n = nn;
        P->cap = nc;
    }
    hnode *h = &P->n[P->nn++];
    memset(h, 0, sizeof(*h));
    return h;
}

/* Text of a subtree (for short things: titles, bylines), whitespace folded. */
static char *subtree_text(page *P, xmlNode *root, size_t max)
{
    qd_buf b;
    qd_buf_init(&b);
    xmlNode *x = root->children;
    while (x && b.len < max) {
        if (x->type == XML_TEXT_NODE && x->content) {
            qd_buf_puts(&b, (const char *)x->content);
        } else if (x->type == XML_ELEMENT_NODE && x->children && !name_is(x, "script") && !name_is(x, "style")) {
            if (!elem_inline(x))
                qd_buf_putc(&b, ' ');
            x = x->children;
            continue;
        }
        while (x && x != root && !x->next) {
            x = x->parent;
            if (x && x->type == XML_ELEMENT_NODE && !elem_inline(x))
                qd_buf_putc(&b, ' ');
        }
        if (!x || x == root)
            break;
        x = x->next;
    }
    char *r = b.failed ? NULL : pdup(P, b.data ? b.data : "", b.len);
    qd_buf_free(&b);
    return r;
}

/* Metadata from <meta>, <link>, <time> and the first <h1>, gathered during the walk. */
static void meta_element(page *P, xmlNode *x)
{
    /* the author's name where the page shows it: a link with rel=author, an element
     * marked up as the schema.org author */
    if (!P->shown_author && x->children) {
        const char *rel = attr(x, "rel"), *ip = attr(x, "itemprop");
        if ((name_is(x, "a") && rel && strstr(rel, "author")) || (ip && !strcmp(ip, "author")))
            P->shown_author = subtree_text(P, x, 200);
    }
    if (name_is(x, "meta")) {
        const char *prop = attr(x, "property");
        if (!prop)
            prop = attr(x, "name");
        if (!prop)
            prop = attr(x, "itemprop");
        const char *content = attr(x, "content");
        if (!prop || !content || !*content)
            return;
        if (!strcasecmp(prop, "og:title") || !strcasecmp(prop, "twitter:title")) {
            if (!P->og_title)
                P->og_title = pdups(P, content);
        } else if (!strcasecmp(prop, "og:site_name") || !strcasecmp(prop, "application-name")) {
            if (!P->site_name)
                P->site_name = pdups(P, content);
        } else if (!strcasecmp(prop, "og:url")) {
            if (!P->og_url)
                P->og_url = pdups(P, content);
        } else if (!strcasecmp(prop, "article:published_time") || !strcasecmp(prop, "og:published_time") ||
                   !strcasecmp(prop, "datePublished") || !strcasecmp(prop, "pubdate") ||
                   !strcasecmp(prop, "publishdate") || !strcasecmp(prop, "publish-date") ||
                   !strcasecmp(prop, "date") || !strcasecmp(prop, "dc.date.issued") ||
                   !strcasecmp(prop, "dc.date") || !strcasecmp(prop, "sailthru.date") ||
                   !strcasecmp(prop, "parsely-pub-date") || !strcasecmp(prop, "article.published")) {
            if (!P->date)
                P->date = pdups(P, content);
        } else if (!strcasecmp(prop, "author") || !strcasecmp(prop, "article:author") ||
                   !strcasecmp(prop, "dc.creator") || !strcasecmp(prop, "sailthru.author") ||
                   !strcasecmp(prop, "parsely-author")) {
            /* a profile URL is not a name */
            if (!P->author && !strstr(content, "://"))
                P->author = pdups(P, content);
        } else if (!strcasecmp(prop, "og:locale") || !strcasecmp(prop, "language") ||
                   !strcasecmp(prop, "content-language")) {
            if (!P->lang)
                P->lang = pdups(P, content);
        }
        const char *equiv = attr(x, "http-equiv");
        if (equiv && !strcasecmp(equiv, "content-language") && !P->lang)
            P->lang = pdups(P, content);
    } else if (name_is(x, "link")) {
        const char *rel = attr(x, "rel");
        const char *href = attr(x, "href");
        if (rel && href && !strcasecmp(rel, "canonical") && !P->canonical)
            P->canonical = pdups(P, href);
    } else if (name_is(x, "title")) {
        if (!P->title)
            P->title = subtree_text(P, x, 2048);
    } else if (name_is(x, "time")) {
        const char *dt = attr(x, "datetime");
        if (!P->time_date)
            P->time_date = dt ? pdups(P, dt) : subtree_text(P, x, 200);
    } else if (name_is(x, "html")) {
        const char *l = attr(x, "lang");
        if (!l)
            l = attr(x, "xml:lang");
        if (l && *l)
            P->lang = pdups(P, l);
    }
}

/* JSON-LD: walk objects (bounded depth) for the article's schema.org fields. */
static const char *json_name(json_t *v)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_object(v))
        return json_string_value(json_object_get(v, "name"));
    if (json_is_array(v) && json_array_size(v) > 0)
        return json_name(json_array_get(v, 0));
    return NULL;
}

static void ld_walk(page *P, json_t *v, int depth)
{
    if (depth > 12 || !v)
        return;
    if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) ld_walk(P, e, depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    json_t *dp = json_object_get(v, "datePublished");
    json_t *hl = json_object_get(v, "headline");
    /* an object with a headline or a publication date is the article (or a page
     * describing it); the first one wins */
    if ((json_is_string(dp) || json_is_string(hl)) && !P->ld_headline && !P->ld_date) {
        if (json_is_string(hl))
            P->ld_headline = pdups(P, json_string_value(hl));
        if (json_is_string(dp))
            P->ld_date = pdups(P, json_string_value(dp));
        json_t *au = json_object_get(v, "author");
        if (au) {
            qd_buf b;
            qd_buf_init(&b);
            if (json_is_array(au)) {
                size_t i;
                json_t *e;
                json_array_foreach(au, i, e)
                {
                    const char *nm = json_name(e);
                    if (nm && *nm && !strstr(nm, "://")) {
                        if (b.len)
                            qd_buf_puts(&b, " and ");
                        qd_buf_puts(&b, nm);
                    }
                }
            } else {
                const char *nm = json_name(au);
                if (nm && !strstr(nm, "://"))
                    qd_buf_puts(&b, nm);
            }
            if (b.len && !b.failed)
                P->ld_author = pdup(P, b.data, b.len);
            qd_buf_free(&b);
        }
        const char *pub = json_name(json_object_get(v, "publisher"));
        if (pub && !P->ld_publisher)
            P->ld_publisher = pdups(P, pub);
        json_t *ab = json_object_get(v, "articleBody");
        if (json_is_string(ab) && !P->ld_body) /* line breaks kept: they are paragraphs */
            P->ld_body = qd_arena_strdup(&P->doc->in->arena, json_string_value(ab));
        json_t *lang = json_object_get(v, "inLanguage");
        if (json_is_string(lang) && !P->lang)
            P->lang = pdups(P, json_string_value(lang));
    }
    const char *key;
    json_t *e;
    json_object_foreach(v, key, e)
    {
        if (json_is_object(e) || json_is_array(e))
            ld_walk(P, e, depth + 1);
    }
}

static void json_ld(page *P, xmlNode *x)
{
    const char *type = attr(x, "type");
    if (!type || strcasecmp(type, "application/ld+json") != 0)
        return;
    for (xmlNode *c = x->children; c; c = c->next) {
        if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || !c->content)
            continue;
        json_error_t je;
        json_t *j = json_loads((const char *)c->content, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
        if (j) {
            ld_walk(P, j, 0);
            json_decref(j);
        }
    }
}

/* The entry a node belongs to: its own for elements that have one, else that of the
 * deepest ancestor with one (elements beyond max_depth point at it). */
static int entry_of(const xmlNode *x)
{
    return x && x->_private ? (int)((intptr_t)x->_private - 1) : -1;
}

static bool own_entry(const page *P, const xmlNode *x)
{
    int e = entry_of(x);
    return e >= 0 && P->n[e].x == x;
}

/* Flatten the tree into the element table (pre-order, no recursion). */
static int build_table(page *P, xmlNode *root)
{
    uint32_t max_depth = P->opt->max_depth ? P->opt->max_depth : 512;
    xmlNode *x = root;
    uint32_t depth = 0;
    while (x) {
        bool descend = false;
        int32_t cur = x == root ? -1 : entry_of(x->parent);
        if (x->type == XML_ELEMENT_NODE) {
            meta_element(P, x);
            if (name_is(x, "script"))
                json_ld(P, x);
            int tk = tag_kind(P, x);
            bool drop = tk == QD_HINT_TAG_DROP;
            if (drop && cur >= 0) {
                /* images and embeds count for the rules about media-heavy blocks */
                if (name_is(x, "img") || name_is(x, "picture"))
                    P->n[cur].own_img++;
                else if (name_is(x, "iframe") || name_is(x, "video") || name_is(x, "embed") ||
                         name_is(x, "object") || name_is(x, "audio"))
                    P->n[cur].own_embed++;
                else if (name_is(x, "input") || name_is(x, "textarea") || name_is(x, "select") ||
                         name_is(x, "button"))
                    P->n[cur].own_input++;
            }
            if (!drop && depth <= max_depth) {
                hnode *h = push_entry(P);
                if (!h)
                    return qd_error_set(P->err, QD_ENOMEM, "%s: out of memory", P->doc->path);
                int32_t idx = (int32_t)P->nn - 1;
                h->x = x;
                h->parent = cur;
                h->end = (uint32_t)idx + 1; /* grows when its children are read */
                h->tag = (uint8_t)tk;
                h->is_inline = elem_inline(x);
                h->is_br = name_is(x, "br");
                h->is_link = name_is(x, "a");
                h->in_link = h->is_link || (cur >= 0 && P->n[cur].in_link);
                h->block = (h->is_inline && cur >= 0) ? P->n[cur].block : idx;
                const char *cls = attr(x, "class"), *id = attr(x, "id");
                int w = 0;
                bool unl = false, con = false;
                if (cls)
                    hint_words(P, cls, &w, &unl, &con);
                if (id)
                    hint_words(P, id, &w, &unl, &con);
                const char *role = attr(x, "role");
                if (role && (!strcasecmp(role, "navigation") || !strcasecmp(role, "complementary") ||
                             !strcasecmp(role, "banner") || !strcasecmp(role, "contentinfo") ||
                             !strcasecmp(role, "dialog") || !strcasecmp(role, "alert")))
                    unl = true;
                const char *itemprop = attr(x, "itemprop");
                if (itemprop && strstr(itemprop, "articleBody")) {
                    w += 25;
                    con = true;
                }
                h->weight = (int16_t)w;
                h->unlikely = unl && !con;
                const char *aria = attr(x, "aria-hidden");
                h->hidden = has_attr(x, "hidden") || (aria && !strcasecmp(aria, "true")) ||
                            style_hidden(attr(x, "style"));
                x->_private = (void *)(intptr_t)(idx + 1);
                if (name_is(x, "body"))
                    P->body = idx;
            } else if (!drop) {
                x->_private = x->parent ? x->parent->_private : NULL; /* too deep: the owner's */
            }
            descend = !drop && x->children != NULL;
        } else if ((x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) && x->content && cur >= 0) {
            hnode *h = &P->n[cur];
            uint32_t c = 0, k = 0;
            count_text((const char *)x->content, &c, &k);
            h->own_chars += c;
            h->own_commas += k;
            if (h->in_link)
                h->own_link_chars += c;
        }
        if (descend) {
            x = x->children;
            depth++;
            continue;
        }
        /* the next node: a sibling, or the sibling of an ancestor */
        while (x != root && !x->next) {
            x = x->parent;
            depth--;
            if (own_entry(P, x))
                P->n[entry_of(x)].end = P->nn;
        }
        x = x == root ? NULL : x->next;
    }
    for (uint32_t i = 0; i < P->nn; i++)
        if (P->n[i].end == 0)
            P->n[i].end = P->nn;
    /* Wrappers of a quotation (an embedded post in a "social-media-embed", a pull quote)
     * are not furniture whatever their class says: the quotation is part of the story. */
    uint32_t *all = calloc(P->nn ? P->nn : 1, sizeof(uint32_t)), *quoted = calloc(P->nn ? P->nn : 1, sizeof(uint32_t));
    if (!all || !quoted) {
        free(all);
        free(quoted);
        return qd_error_set(P->err, QD_ENOMEM, "%s: out of memory", P->doc->path);
    }
    for (uint32_t i = P->nn; i-- > 0;) {
        hnode *h = &P->n[i];
        all[i] += h->own_chars;
        if (h->tag == QD_HINT_TAG_QUOTE)
            quoted[i] = all[i];
        if (h->parent >= 0) {
            all[h->parent] += all[i];
            quoted[h->parent] += quoted[i];
        }
        if (all[i] > 0 && (uint64_t)quoted[i] * 10 >= (uint64_t)all[i] * 9 && h->weight < 0) {
            h->unlikely = false;
            h->weight = 0;
        }
    }
    free(all);
    free(quoted);
    return 0;
}

/* ---- scoring ---------------------------------------------------------------------------- */

enum { STRIP_UNLIKELY = 1, USE_WEIGHTS = 2, CLEAN_CONDITIONALLY = 4 };

/* Totals over each subtree, leaving out excluded elements. */
static void totals(page *P, unsigned flags)
{
    hnode *n = P->n;
    for (uint32_t i = 0; i < P->nn; i++) {
        hnode *h = &n[i];
        bool ex = h->hidden;
        if ((flags & STRIP_UNLIKELY) && h->unlikely && (int32_t)i != P->body && !name_is(h->x, "article") &&
            !name_is(h->x, "main") && !name_is(h->x, "html"))
            ex = true;
        if (h->tag == QD_HINT_TAG_FURNITURE && (flags & STRIP_UNLIKELY))
            ex = true;
        h->excluded = ex || (h->parent >= 0 && n[h->parent].excluded);
        h->chars = h->own_chars;
        h->link_chars = h->own_link_chars;
        h->commas = h->own_commas;
        h->n_img = h->own_img;
        h->n_embed = h->own_embed;
        h->n_input = h->own_input;
        h->n_p = h->tag == QD_HINT_TAG_PARAGRAPH ? 1 : 0;
        h->n_li = h->tag == QD_HINT_TAG_ITEM ? 1 : 0;
        h->n_heading_chars = 0;
        h->list_chars = 0;
        h->prose = 0;
        h->quote_chars = 0;
        h->n_h1 = name_is(h->x, "h1") ? 1 : 0;
        h->inline_chars = 0;
        h->inline_commas = 0;
        h->score = 0;
        h->candidate = false;
    }
    for (uint32_t i = P->nn; i-- > 0;) {
        hnode *h = &n[i];
        if (h->excluded)
            continue;
        if (h->tag == QD_HINT_TAG_HEADING)
            h->n_heading_chars = h->chars;
        if (h->tag == QD_HINT_TAG_ITEM)
            h->list_chars = h->chars;
        if (h->tag == QD_HINT_TAG_QUOTE)
            h->quote_chars = h->chars;
        /* inline text belongs to the nearest block */
        n[h->block].inline_chars += h->own_chars;
        n[h->block].inline_commas += h->own_commas;
        if ((h->tag == QD_HINT_TAG_PARAGRAPH || h->tag == QD_HINT_TAG_QUOTE) && h->inline_chars >= 25 &&
            h->link_chars * 4 < h->chars)
            h->prose += h->inline_chars;
        if (h->parent >= 0) {
            hnode *p = &n[h->parent];
            p->chars += h->chars;
            p->link_chars += h->link_chars;
            p->commas += h->commas;
            p->n_img += h->n_img;
            p->n_embed += h->n_embed;
            p->n_input += h->n_input;
            p->n_p += h->n_p;
            p->n_li += h->n_li;
            p->n_heading_chars += h->n_heading_chars;
            p->list_chars += h->list_chars;
            p->prose += h->prose;
            p->quote_chars += h->quote_chars;
            p->n_h1 += h->n_h1;
        }
    }
}

static double link_density(const hnode *h)
{
    return h->chars ? (double)h->link_chars / h->chars : 0.0;
}

static void init_candidate(page *P, hnode *h, unsigned flags)
{
    if (h->candidate)
        return;
    h->candidate = true;
    switch (h->tag) {
    case QD_HINT_TAG_SECTION: h->score = 5; break;
    case QD_HINT_TAG_PARAGRAPH:
    case QD_HINT_TAG_QUOTE: h->score = 3; break;
    case QD_HINT_TAG_LIST:
    case QD_HINT_TAG_ITEM: h->score = -3; break;
    case QD_HINT_TAG_HEADING: h->score = -5; break;
    default: h->score = 0; break;
    }
    if (name_is(h->x, "form"))
        h->score = -3;
    if (flags & USE_WEIGHTS)
        h->score += h->weight;
}

/* Does the first <h1> in the subtree of entry e read as the page's own title? */
static bool headline_is_title(page *P, int32_t e)
{
    const char *titles[] = {P->og_title, P->ld_headline, P->title};
    for (uint32_t i = (uint32_t)e; i < P->n[e].end; i++) {
        if (!name_is(P->n[i].x, "h1"))
            continue;
        char *h = subtree_text(P, P->n[i].x, 1024);
        if (!h)
            return false;
        size_t hl = strlen(h);
        for (size_t k = 0; k < 3; k++)
            if (titles[k] && hl >= 10 && strncasecmp(titles[k], h, hl) == 0)
                return true;
        return false;
    }
    return false;
}

/* A container holding several stories, each under its own headline (an endless page
 * that appends the next articles, a stream of full previews), is not the article:
 * the story whose headline is the page's title is, or else the first one.  When the
 * best container is one of such stories, the page's own story wins over it. */
static int32_t one_story(page *P, int32_t best)
{
    hnode *n = P->n;
    int32_t stream = best;
    for (int level = 0; stream >= 0 && n[stream].n_h1 < 2 && level < 4; level++)
        stream = n[stream].parent;
    if (stream < 0 || stream == P->body || n[stream].n_h1 < 2)
        return best;
    int32_t first = -1, pick = -1;
    int stories = 0;
    for (uint32_t c = (uint32_t)stream + 1; c < n[stream].end; c = n[c].end) {
        /* HTML5 lets each <section> of one article have its own <h1>: sections are
         * parts, not stories */
        if (n[c].excluded || n[c].n_h1 == 0 || n[c].prose < 200 || name_is(n[c].x, "section"))
            continue;
        stories++;
        if (first < 0)
            first = (int32_t)c;
        if (pick < 0 && headline_is_title(P, (int32_t)c))
            pick = (int32_t)c;
    }
    if (stories < 2)
        return best;
    if (stream != best && pick < 0)
        return best; /* one story already, and none is named by the title */
    int32_t story = pick >= 0 ? pick : first;
    if (stream != best && (uint32_t)best >= (uint32_t)story && (uint32_t)best < n[story].end)
        return best;
    /* the best container within that story */
    int32_t inner = story;
    for (uint32_t i = (uint32_t)story; i < n[story].end; i++)
        if (n[i].candidate && !n[i].excluded && (!n[inner].candidate || n[i].score > n[inner].score))
            inner = (int32_t)i;
    return inner;
}

static int32_t find_top(page *P, unsigned flags)
{
    hnode *n = P->n;
    for (uint32_t i = 0; i < P->nn; i++) {
        hnode *h = &n[i];
        if (h->excluded || h->is_inline || h->tag == QD_HINT_TAG_HEADING)
            continue;
        if (h->inline_chars < 25 || h->parent < 0)
            continue;
        double s = 1.0 + h->inline_commas + (h->inline_chars / 100 < 3 ? h->inline_chars / 100 : 3);
        int32_t a = h->parent;
        for (int level = 0; a >= 0 && level < 5; level++, a = n[a].parent) {
            if (n[a].x == NULL || name_is(n[a].x, "html"))
                break;
            init_candidate(P, &n[a], flags);
            double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            n[a].score += s / div;
        }
    }
    int32_t best = -1;
    for (uint32_t i = 0; i < P->nn; i++) {
        hnode *h = &n[i];
        if (!h->candidate || h->excluded)
            continue;
        h->score *= 1.0 - link_density(h);
        if (best < 0 || h->score > n[best].score)
            best = (int32_t)i;
    }
    if (best < 0)
        return P->body;
    best = one_story(P, best);
    /* When several of the best candidates sit under one ancestor, the article is that
     * ancestor (pages that split the text into sibling blocks). */
    int32_t top5[5];
    int nt = 0;
    for (uint32_t i = 0; i < P->nn; i++) {
        if (!n[i].candidate || n[i].excluded || (int32_t)i == best)
            continue;
        if (n[i].score < 0.75 * n[best].score)
            continue;
        if (nt < 5)
            top5[nt++] = (int32_t)i;
    }
    if (nt >= 2) {
        for (int32_t a = n[best].parent; a >= 0 && a != P->body; a = n[a].parent) {
            int under = 0;
            for (int k = 0; k < nt; k++) {
                int32_t c = top5[k];
                if ((uint32_t)c > (uint32_t)a && (uint32_t)c < n[a].end)
                    under++;
            }
            /* not past a block holding several headlines: those are several articles */
            if (n[a].n_h1 > 1)
                break;
            if (under >= 2 && under >= nt / 2) {
                best = a;
                break;
            }
        }
    }
    /* Move up while the parent scores close to the best (the text continues there). */
    double last = n[best].score;
    double threshold = last / 3;
    for (int32_t a = n[best].parent; a >= 0 && a != P->body && n[a].n_h1 <= 1; a = n[a].parent) {
        if (!n[a].candidate)
            continue;
        if (n[a].score < threshold)
            break;
        if (n[a].score > last) {
            best = a;
            break;
        }
        last = n[a].score;
    }
    /* A lone child says nothing its parent does not. */
    while (n[best].parent >= 0 && n[best].parent != P->body) {
        int32_t p = n[best].parent;
        int kids = 0;
        for (uint32_t c = (uint32_t)p + 1; c < n[p].end; c = n[c].end)
            if (!n[c].excluded && (n[c].chars > 0 || !n[c].is_inline))
                kids++;
        if (kids != 1)
            break;
        best = p;
    }
    return best;
}

/* ---- the article: selection, cleaning, writing out -------------------------------------- */

typedef struct para {
    size_t a, b;          /* bytes in the page buffer */
    int32_t block;        /* the block entry it came from */
    uint32_t chars, link_chars;
    bool heading, item, quote;
} para;

typedef struct emitter {
    page *P;
    qd_buf text;
    para *ps;
    uint32_t np, cap;
    size_t open;          /* start of the paragraph being written */
    bool space;
    int32_t block;
    uint32_t chars, link_chars;
} emitter;

static void flush_para(emitter *E)
{
    size_t a = E->open, b = E->text.len;
    if (b > a) {
        para *p = QD_VEC_PUSH(&E->P->doc->in->arena, E->ps, E->np, E->cap);
        if (p) {
            p->a = a;
            p->b = b;
            p->block = E->block;
            p->chars = E->chars;
            p->link_chars = E->link_chars;
            if (E->block >= 0) {
                const hnode *h = &E->P->n[E->block];
                p->heading = h->tag == QD_HINT_TAG_HEADING;
                p->item = h->tag == QD_HINT_TAG_ITEM;
                /* blocks inside a blockquote are quote text too */
                for (int32_t q = E->block; q >= 0; q = E->P->n[q].parent)
                    if (E->P->n[q].tag == QD_HINT_TAG_QUOTE)
                        p->quote = true;
            }
        } else {
            E->text.failed = true;
        }
        qd_buf_putc(&E->text, '\0');
    }
    E->open = E->text.len;
    E->space = false;
    E->chars = E->link_chars = 0;
    E->block = -1;
}

static void emit_text(emitter *E, const char *s, int32_t owner)
{
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            E->space = true;
            continue;
        }
        if (E->text.len == E->open && E->block < 0)
            E->block = owner >= 0 ? E->P->n[owner].block : -1;
        if (E->space && E->text.len > E->open)
            qd_buf_putc(&E->text, ' ');
        E->space = false;
        qd_buf_putc(&E->text, (char)c);
        if ((c & 0xC0) != 0x80) {
            E->chars++;
            if (owner >= 0 && E->P->n[owner].in_link)
                E->link_chars++;
        }
    }
}

/* Is element h, under the article root, furniture to leave out? */
static bool clean_out(page *P, const hnode *h, int32_t root, unsigned flags)
{
    const hnode *r = &P->n[root];
    if (h->excluded || h->hidden || h->tag == QD_HINT_TAG_FURNITURE)
        return true;
    /* "never article text" by its class, unless it is most of the article (a class
     * word can be wrong; the whole article cannot be furniture) */
    if (h->unlikely && h->chars * 2 < r->chars)
        return true;
    /* figures are captions and credits; a figure holding real paragraphs is not */
    if (h->tag == QD_HINT_TAG_CAPTION && (name_is(h->x, "figcaption") || h->n_p < 2))
        return true;
    /* headings of furniture ("Related", "Share") and headings that are links (teasers) */
    if (h->tag == QD_HINT_TAG_HEADING)
        return h->weight < 0 || link_density(h) > 0.33;
    if (!(flags & CLEAN_CONDITIONALLY) || h->tag == QD_HINT_TAG_ROW)
        return false;
    if (h->weight < 0 && h->chars * 2 < r->chars)
        return true;
    /* The rules below judge containers by what they hold; leaves (<br>, an empty
     * <div>) and the rows and cells of a table are judged with their table. */
    bool container = h->tag == QD_HINT_TAG_SECTION || h->tag == QD_HINT_TAG_LIST ||
                     (h->tag == TAG_OTHER && h->end > (uint32_t)(h - P->n) + 1);
    if (!container || h->is_inline)
        return false;
    /* many commas: sentences, which furniture rarely has */
    if (h->commas >= 10)
        return false;
    bool is_list = !name_is(h->x, "table") &&
                   (h->tag == QD_HINT_TAG_LIST || (h->chars && h->list_chars * 10 > h->chars * 9));
    double ld = link_density(h);
    /* a wrapped quotation (an embedded post) carries its links: handles, a date */
    if (h->quote_chars * 10 >= h->chars * 9)
        return ld > 0.5;
    uint32_t p = h->n_p, img = h->n_img, li = h->n_li, input = h->n_input;
    /* galleries: more pictures than paragraphs */
    if (img > 1 && (double)p / img < 0.5)
        return true;
    /* teaser blocks: list items of links in something that is not a list */
    if (!is_list && li > p && li > 1 && h->chars < 2000 && ld > 0.2)
        return true;
    /* forms: sign-up boxes, comment forms, searches */
    if (input > 0 && input > p / 3)
        return true;
    /* crumbs: a few words and no picture worth a caption */
    if (!is_list && h->chars < 25 && (img == 0 || img > 2) && h->n_heading_chars == 0)
        return true;
    /* link-heavy blocks: menus, "more stories"; a container marked as content is given
     * more room, as are long blocks (their links are in running text) */
    if (!is_list && h->weight < 25 && ld > 0.2 && h->chars < 2000)
        return true;
    if (h->weight >= 25 && ld > 0.5)
        return true;
    /* players and embeds with little text around them */
    if ((h->n_embed == 1 && h->chars < 75) || h->n_embed > 1)
        if (h->n_p < 2)
            return true;
    /* lists of links */
    if (is_list && ld > 0.5)
        return true;
    return false;
}

/* A cell of a data table: the cells of a row are written on one line.  A cell that
 * holds blocks or line breaks is a column of a layout table, and its lines stay lines. */
static bool is_cell(const page *P, const hnode *h)
{
    if (h->tag != QD_HINT_TAG_PARAGRAPH || h->parent < 0 || P->n[h->parent].tag != QD_HINT_TAG_ROW)
        return false;
    uint32_t self = (uint32_t)(h - P->n);
    for (uint32_t c = self + 1; c < h->end; c++)
        if (!P->n[c].is_inline || P->n[c].is_br)
            return false;
    return true;
}

/* Write out the subtree of entry `root` into E, block by block. */
static void emit_subtree(emitter *E, int32_t root, unsigned flags)
{
    page *P = E->P;
    xmlNode *top = P->n[root].x;
    xmlNode *x = top->children;
    flush_para(E);
    while (x) {
        bool descend = false;
        if (x->type == XML_ELEMENT_NODE) {
            if (own_entry(P, x)) {
                hnode *h = &P->n[entry_of(x)];
                if (h->is_br) {
                    flush_para(E);
                }
                else if (!clean_out(P, h, root, flags)) {
                    if (is_cell(P, h))
                        E->space = true;
                    else if (!h->is_inline)
                        flush_para(E);
                    descend = x->children != NULL;
                }
            } else if (x->_private) {
                descend = x->children != NULL; /* too deep for an entry: inline text */
            }
        } else if ((x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) && x->content) {
            emit_text(E, (const char *)x->content, entry_of(x->parent));
        }
        if (descend) {
            x = x->children;
            continue;
        }
        while (x != top && !x->next) {
            x = x->parent;
            if (own_entry(P, x) && !P->n[entry_of(x)].is_inline) {
                if (is_cell(P, &P->n[entry_of(x)]))
                    E->space = true;
                else
                    flush_para(E);
            }
        }
        x = x == top ? NULL : x->next;
    }
    flush_para(E);
}

static bool ends_sentence(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
        n--;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
        n -= 3;
    return n > 0 && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

/* Pick the article for one set of flags and write it into E; returns the characters
 * of running text in it. */
static uint32_t extract(page *P, emitter *E, unsigned flags)
{
    totals(P, flags);
    int32_t top = find_top(P, flags);
    P->top = top;
    if (top < 0)
        return 0;
    hnode *n = P->n;
    int32_t parent = n[top].parent;
    double threshold = n[top].score * 0.2 > 10 ? n[top].score * 0.2 : 10;
    const char *top_class = attr(n[top].x, "class");
    if (parent < 0 || top == P->body) {
        emit_subtree(E, top, flags);
    } else {
        for (uint32_t c = (uint32_t)parent + 1; c < n[parent].end; c = n[c].end) {
            hnode *h = &n[c];
            if (h->excluded)
                continue;
            bool take = (int32_t)c == top;
            if (!take && h->candidate) {
                double bonus = 0;
                const char *cls = attr(h->x, "class");
                if (top_class && cls && *cls && !strcmp(cls, top_class))
                    bonus = n[top].score * 0.2;
                if (h->score + bonus >= threshold)
                    take = true;
            }
            if (!take && h->tag == QD_HINT_TAG_PARAGRAPH && !clean_out(P, h, top, flags)) {
                double ld = link_density(h);
                if (h->chars > 80 && ld < 0.25)
                    take = true;
                else if (h->chars > 0 && h->chars <= 80 && ld == 0) {
                    char *t = subtree_text(P, h->x, 400);
                    if (t && ends_sentence(t, strlen(t)))
                        take = true;
                }
            }
            /* an article split into sibling blocks (sections between figures): a
             * sibling made of running text is more of it, however deep its paragraphs,
             * if it is not small beside the rest (a blurb in the footer) */
            if (!take && h->weight >= 0 && !h->unlikely && h->prose >= 200 && h->prose * 4 >= n[top].prose &&
                h->prose * 10 >= h->chars * 7 && link_density(h) < 0.25)
                take = true;
            if (take && (int32_t)c != top && clean_out(P, h, top, flags) && !h->candidate)
                take = false;
            /* a block with a headline of its own is another article (the next story
             * of an endless page, a full preview) */
            if (take && (int32_t)c != top && h->n_h1 > 0 && !headline_is_title(P, (int32_t)c))
                take = false;
            if (take)
                emit_subtree(E, (int32_t)c, flags);
        }
    }
    /* what counts is running text: lines of menu links that a looser attempt lets
     * in must not make it look better */
    uint32_t total = 0;
    for (uint32_t i = 0; i < E->np; i++)
        if (E->ps[i].chars >= 30 && E->ps[i].link_chars * 2 < E->ps[i].chars)
            total += E->ps[i].chars;
    return total;
}

/* ---- metadata ----------------------------------------------------------------------------- */

/* "Headline | Site" and "Site - Headline": keep the headline part. */
static char *clean_title(page *P, const char *t, const char *site)
{
    static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // "};
    if (!t)
        return NULL;
    size_t n = strlen(t);
    for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
        const char *s = seps[k];
        size_t sl = strlen(s);
        /* the last separator: site names come at the end more often than not */
        const char *last = NULL;
        for (const char *p = strstr(t, s); p; p = strstr(p + 1, s))
            last = p;
        if (!last)
            continue;
        size_t head = (size_t)(last - t);
        size_t tail = n - head - sl;
        const char *tail_s = last + sl;
        bool tail_site = site && strncasecmp(tail_s, site, strlen(site)) == 0;
        bool head_site = site && head == strlen(site) && strncasecmp(t, site, head) == 0;
        if (head_site)
            return pdup(P, tail_s, tail);
        if (tail_site || (tail < head && tail < 40))
            return pdup(P, t, head);
    }
    return pdup(P, t, n);
}

static const char *first_of(const char *a, const char *b, const char *c)
{
    return a ? a : b ? b : c;
}

static void set_meta(page *P, const qd_options *opt, const char *title)
{
    qd_doc *doc = P->doc;
    qd_arena *A = &doc->in->arena;
    const qd_lexicon *lx = P->lx;
    doc->meta.title = title;
    const char *dates[] = {P->ld_date, P->date, P->time_date};
    for (size_t i = 0; i < 3 && !doc->meta.date; i++) {
        if (!dates[i])
            continue;
        char iso[QD_DATE_MAX];
        size_t a, b;
        if (qd_find_date(dates[i], strlen(dates[i]), iso, &a, &b)) {
            doc->meta.date = qd_arena_strdup(A, iso);
            doc->meta.date_text = dates[i];
        }
    }
    const char *au = first_of(P->ld_author, P->author, P->shown_author);
    if (au) {
        char names[512];
        if (qd_parse_byline(au, strlen(au), names, sizeof(names)) && names[0])
            doc->meta.byline = qd_arena_strdup(A, names);
        else
            doc->meta.byline = au;
    }
    doc->meta.url = first_of(P->canonical, P->og_url, opt->url ? qd_arena_strdup(A, opt->url) : NULL);
    doc->meta.language = P->lang;
    const char *site = first_of(P->ld_publisher, P->site_name, NULL);
    if (site) {
        const qd_outlet *o = qd_find_outlet(lx, site, strlen(site), false);
        doc->meta.outlet = o ? o->name : site;
        doc->meta.outlet_how = "site-name";
    } else if (doc->meta.url) {
        char host[256];
        const qd_outlet *o = qd_outlet_from_url(lx, doc->meta.url, host, sizeof(host));
        if (o || host[0]) {
            doc->meta.outlet = o ? o->name : qd_arena_strdup(A, host);
            doc->meta.outlet_how = "url";
        }
    }
}

/* ---- charset -------------------------------------------------------------------------- */

/* Count the valid multi-byte UTF-8 sequences and the bytes that are not UTF-8. */
static void utf8_census(const char *s, size_t n, size_t *multibyte, size_t *invalid)
{
    *multibyte = *invalid = 0;
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int k = qd_utf8_valid_at(s, n, i);
        if (k == 0) {
            (*invalid)++;
            i++;
        } else {
            (*multibyte)++;
            i += (size_t)k;
        }
    }
}

/* The charset named by a BOM or a <meta> in the first bytes, copied into cs. */
static bool declared_charset(const char *data, size_t len, char *cs, size_t cap)
{
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
        snprintf(cs, cap, "UTF-8");
        return true;
    }
    if (len >= 2 && !memcmp(data, "\xFF\xFE", 2)) {
        snprintf(cs, cap, "UTF-16LE");
        return true;
    }
    if (len >= 2 && !memcmp(data, "\xFE\xFF", 2)) {
        snprintf(cs, cap, "UTF-16BE");
        return true;
    }
    size_t probe = len < 8192 ? len : 8192;
    for (size_t i = 0; i + 8 < probe; i++) {
        if (strncasecmp(data + i, "charset", 7) != 0)
            continue;
        size_t j = i + 7;
        while (j < probe && (data[j] == ' ' || data[j] == '='))
            j++;
        if (j == i + 7)
            continue;
        while (j < probe && (data[j] == '"' || data[j] == '\''))
            j++;
        size_t k = 0;
        while (j < probe && k + 1 < cap && (isalnum((unsigned char)data[j]) || data[j] == '-' || data[j] == '_'))
            cs[k++] = data[j++];
        cs[k] = '\0';
        if (k)
            return true;
    }
    return false;
}

/* libxml2 reports some problems (bad bytes for the declared encoding) outside the
 * parser context, on its generic error channel: the library never prints, so while a
 * page is parsed that channel goes nowhere.  The handler is per thread in libxml2. */
static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static bool latin_family(const char *cs)
{
    return !strncasecmp(cs, "iso-8859-1", 10) || !strncasecmp(cs, "windows-1252", 12) ||
           !strcasecmp(cs, "latin1") || !strcasecmp(cs, "latin-1") || !strcasecmp(cs, "cp1252") ||
           !strcasecmp(cs, "us-ascii") || !strcasecmp(cs, "ascii") || !strcasecmp(cs, "iso8859-1");
}

static pthread_once_t libxml_once = PTHREAD_ONCE_INIT;

static xmlDoc *parse_page(page *P, const char *data, size_t len)
{
    char cs[64];
    size_t mb, bad;
    utf8_census(data, len, &mb, &bad);
    bool declared = declared_charset(data, len, cs, sizeof(cs));
    const char *enc = declared ? cs : "UTF-8";
    /* Undeclared, UTF-8, Latin-1 and Windows-1252 pages are decoded here, by what their
     * bytes are rather than what they claim (browsers do the same): valid UTF-8 is
     * UTF-8 even under a Latin-1 label; bytes that are mostly not UTF-8 are Windows-1252
     * (decoded leniently: iconv stops at the bytes it leaves undefined); UTF-8 with a
     * few stray bytes is UTF-8 with those replaced. */
    bool claims_utf8 = declared && (!strcasecmp(cs, "utf-8") || !strcasecmp(cs, "utf8"));
    if (!declared || claims_utf8 || latin_family(cs)) {
        enc = "UTF-8";
        if (bad > 0) {
            size_t n;
            bool latin = mb == 0 || bad > mb;
            /* (libxml2 would switch the rest of the page to Latin-1 at the first
             * stray byte) */
            char *u = qd_recode_utf8(&P->doc->in->arena, data, len, latin, &n);
            if (!u)
                return NULL;
            data = u;
            len = n;
            if (latin)
                qd_doc_warn(P->doc, "not UTF-8: read as Windows-1252");
            else
                qd_doc_warn(P->doc, "%zu invalid UTF-8 byte%s replaced by U+FFFD", bad, bad == 1 ? "" : "s");
        }
    }
    /* XML_PARSE_HUGE: without it libxml2 stops building the tree at depth 256 and the
     * text below is lost; the element table flattens what is deeper than max_depth. */
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT |
               XML_PARSE_HUGE;
    if (len > INT32_MAX)
        return NULL;
    /* libxml2 sets itself up on first use, which is not safe to race: once per process */
    pthread_once(&libxml_once, xmlInitParser);
    xmlGenericErrorFunc old = xmlGenericError;
    void *old_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, quiet);
    xmlDoc *d = htmlReadMemory(data, (int)len, NULL, enc, opts);
    if (!d && enc == cs)
        d = htmlReadMemory(data, (int)len, NULL, "UTF-8", opts); /* an encoding iconv does not know */
    xmlSetGenericErrorFunc(old_ctx, old);
    return d;
}

/* ---- paragraph roles ------------------------------------------------------------------ */

static bool same_text(const char *a, size_t na, const char *b)
{
    if (!b)
        return false;
    size_t nb = strlen(b);
    return na == nb && strncasecmp(a, b, na) == 0;
}

static bool furniture_line(const qd_lexicon *lx, const char *s, size_t n)
{
    if (n > 80)
        return false;
    char norm[4 * 80 + 1];
    size_t m = qd_lex_key(s, n, norm);
    while (m > 0 && (norm[m - 1] == ':' || norm[m - 1] == '.' || norm[m - 1] == ' '))
        m--;
    for (uint32_t i = 0; i < lx->n_furniture; i++) {
        const qd_furniture *f = &lx->furniture[i];
        size_t fl = strlen(f->phrase);
        if (f->match == QD_FURN_LINE && fl == m && !memcmp(norm, f->phrase, m))
            return true;
        if (f->match == QD_FURN_PREFIX && fl <= m && !memcmp(norm, f->phrase, fl))
            return true;
    }
    return false;
}

/* "Follow her on Twitter @AmyKup", "may be reached at jdoe@example.com": a handle or
 * an e-mail address, the mark of the author's note that closes many articles. */
static bool contact_line(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '@' && (isalnum((unsigned char)s[i + 1]) || s[i + 1] == '_'))
            return true;
    return false;
}

static int finish(page *P, emitter *E, const char *title)
{
    qd_doc *doc = P->doc;
    const qd_lexicon *lx = P->lx;
    qd_article_para *out = calloc(E->np ? E->np : 1, sizeof(*out));
    const para **src = calloc(E->np ? E->np : 1, sizeof(*src)); /* where out[i] came from */
    if (!out || !src) {
        free(out);
        free(src);
        return qd_error_set(P->err, QD_ENOMEM, "%s: out of memory", doc->path);
    }
    uint32_t n = 0;
    bool seen_body = false;
    for (uint32_t i = 0; i < E->np; i++) {
        para *p = &E->ps[i];
        const char *s = E->text.data + p->a;
        size_t len = p->b - p->a;
        qd_para_role role = QD_PARA_BODY;
        if (same_text(s, len, title) || same_text(s, len, P->og_title) || same_text(s, len, P->h1))
            continue;
        /* blocks that are (nearly) all link text are menus and teasers */
        if (p->chars && p->link_chars * 10 > p->chars * 8 && !p->quote)
            role = QD_PARA_FURNITURE;
        else if (furniture_line(lx, s, len))
            role = QD_PARA_FURNITURE;
        else if (!seen_body && len < 120) {
            char iso[QD_DATE_MAX];
            size_t a, b;
            char names[256];
            if (qd_find_date(s, len, iso, &a, &b) && (b - a) * 2 > len) {
                role = QD_PARA_META;
                /* a date shown above the text, when the page said nothing else */
                if (!doc->meta.date) {
                    doc->meta.date = qd_arena_strdup(&doc->in->arena, iso);
                    doc->meta.date_text = qd_arena_strndup(&doc->in->arena, s + a, b - a);
                }
            } else if (len > 3 && !strncasecmp(s, "by ", 3) && qd_parse_byline(s, len, names, sizeof(names))) {
                role = QD_PARA_META;
                if (!doc->meta.byline && names[0])
                    doc->meta.byline = qd_arena_strdup(&doc->in->arena, names);
            }
        }
        if (role == QD_PARA_BODY && !p->heading)
            seen_body = true;
        out[n].text = s;
        out[n].len = len;
        out[n].role = role;
        src[n] = p;
        n++;
    }
    /* At the end of the article: headings with no text after them, and short lines
     * ending in a colon or a bar ("Share this:", "Filed under: Politics |") introduce
     * what comes next on the page (related stories, share widgets, comments); lines
     * with a handle or an address are the author's note ("Follow her on Twitter"). */
    for (uint32_t i = n; i-- > 0;) {
        if (out[i].role != QD_PARA_BODY)
            continue;
        size_t l = out[i].len;
        while (l > 0 && out[i].text[l - 1] == ' ')
            l--;
        bool lead_in = l > 0 && l <= 60 && (out[i].text[l - 1] == ':' || out[i].text[l - 1] == '|');
        bool note = l <= 300 && !src[i]->quote && contact_line(out[i].text, l);
        if (!src[i]->heading && !lead_in && !note)
            break;
        out[i].role = QD_PARA_FURNITURE;
    }
    int rc = qd_article_build(doc, title, out, n, P->err);
    free(out);
    free(src);
    return rc;
}

/* A date shown just above the article text ("12 May 2021" in its own element), for
 * pages that give no date in their metadata: looked for in the article's container
 * (and its parent), before the first paragraph taken, never elsewhere on the page
 * (headers show today's date, teasers theirs). */
static void date_above_text(page *P, const emitter *E)
{
    /* the first paragraph of running text (not the headline or a standfirst) */
    int32_t first = -1;
    for (uint32_t k = 0; k < E->np && first < 0; k++)
        if (!E->ps[k].heading && E->ps[k].chars >= 80)
            first = E->ps[k].block;
    if (P->top < 0 || first < 0)
        return;
    int32_t from = P->n[P->top].parent >= 0 ? P->n[P->top].parent : P->top;
    for (int32_t i = from; i < first && i < (int32_t)P->nn; i++) {
        const hnode *h = &P->n[i];
        if (h->own_chars == 0 || h->chars > 80 || h->hidden)
            continue;
        char *t = subtree_text(P, h->x, 200);
        if (!t)
            continue;
        char iso[QD_DATE_MAX];
        size_t a, b, n = strlen(t);
        if (qd_find_date(t, n, iso, &a, &b) && (b - a) * 2 > n) {
            P->doc->meta.date = qd_arena_strdup(&P->doc->in->arena, iso);
            P->doc->meta.date_text = qd_arena_strndup(&P->doc->in->arena, t + a, b - a);
            return;
        }
    }
}

/* Pages that build their text with scripts can hold little of it in the markup but the
 * whole of it in their schema.org data.  That text is used when it is plain text and
 * more than twice what the markup gave. */
static bool ld_body_wins(page *P, const emitter *E)
{
    if (!P->ld_body)
        return false;
    size_t n = strlen(P->ld_body);
    if (n < 500 || strstr(P->ld_body, "<p") || strstr(P->ld_body, "<div") || strstr(P->ld_body, "<br"))
        return false;
    uint32_t got = 0;
    for (uint32_t i = 0; i < E->np; i++)
        got += E->ps[i].chars;
    return (size_t)got * 2 < n;
}

static int ld_body_article(page *P, const char *title)
{
    const char *s = P->ld_body;
    uint32_t n = 1;
    for (const char *c = s; *c; c++)
        n += *c == '\n';
    qd_article_para *ps = calloc(n, sizeof(*ps));
    if (!ps)
        return qd_error_set(P->err, QD_ENOMEM, "%s: out of memory", P->doc->path);
    uint32_t k = 0;
    for (const char *c = s;; c++) {
        if (*c == '\n' || *c == '\0') {
            ps[k].text = s;
            ps[k].len = (size_t)(c - s);
            ps[k].role = QD_PARA_BODY;
            k++;
            s = c + 1;
            if (!*c)
                break;
        }
    }
    int rc = qd_article_build(P->doc, title, ps, k, P->err);
    free(ps);
    return rc;
}

int qd_ingest_html(qd_doc *doc, const char *data, size_t len, const qd_options *opt, qd_error *err)
{
    page P;
    memset(&P, 0, sizeof(P));
    P.doc = doc;
    P.lx = doc->in->lx;
    P.opt = opt;
    P.err = err;
    P.body = -1;
    P.top = -1;
    doc->kind = QD_INPUT_HTML;
    P.xdoc = parse_page(&P, data, len);
    if (!P.xdoc)
        return qd_error_set(err, QD_EINPUT, "%s: not readable as HTML", doc->path);
    xmlNode *root = xmlDocGetRootElement(P.xdoc);
    int rc = 0;
    emitter E;
    memset(&E, 0, sizeof(E));
    E.P = &P;
    E.block = -1;
    qd_buf_init(&E.text);
    if (root) {
        rc = build_table(&P, root);
        if (!rc && P.body < 0 && P.nn > 0)
            P.body = 0;
    }
    /* the first <h1> of the page, a candidate title */
    for (uint32_t i = 0; !rc && i < P.nn && !P.h1; i++)
        if (name_is(P.n[i].x, "h1") && !P.n[i].hidden)
            P.h1 = subtree_text(&P, P.n[i].x, 1024);
    if (!rc && P.nn > 0) {
        /* strictest first; loosen while the result is too short to be an article */
        static const unsigned attempts[] = {STRIP_UNLIKELY | USE_WEIGHTS | CLEAN_CONDITIONALLY,
                                            USE_WEIGHTS | CLEAN_CONDITIONALLY, CLEAN_CONDITIONALLY, 0};
        uint32_t best_len = 0;
        unsigned best_flags = attempts[0];
        for (size_t k = 0; k < sizeof(attempts) / sizeof(attempts[0]); k++) {
            qd_buf_reset(&E.text);
            E.np = 0;
            E.open = 0;
            uint32_t got = extract(&P, &E, attempts[k]);
            if (got >= 500) {
                best_flags = attempts[k];
                best_len = got;
                break;
            }
            if (got > best_len) {
                best_len = got;
                best_flags = attempts[k];
            }
        }
        qd_buf_reset(&E.text);
        E.np = 0;
        E.open = 0;
        extract(&P, &E, best_flags);
        if (E.text.failed)
            rc = qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    }
    if (!rc) {
        const char *site = first_of(P.site_name, P.ld_publisher, NULL);
        char *title = NULL;
        if (P.og_title)
            title = clean_title(&P, P.og_title, site);
        else if (P.ld_headline)
            title = P.ld_headline;
        else if (P.h1)
            title = P.h1;
        else if (P.title)
            title = clean_title(&P, P.title, site);
        set_meta(&P, opt, title);
        if (!doc->meta.date)
            date_above_text(&P, &E);
        if (ld_body_wins(&P, &E))
            rc = ld_body_article(&P, title);
        else
            rc = finish(&P, &E, title);
        if (!rc)
            qd_article_credit(doc);
    }
    qd_buf_free(&E.text);
    free(P.n);
    xmlFreeDoc(P.xdoc);
    return rc;
}
