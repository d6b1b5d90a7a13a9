/*
 * article.c - a document's text from an article already taken apart: a title and a
 * list of paragraphs (what the HTML and JSON readers find).
 *
 * The text is the title, then the paragraphs, separated by blank lines, so that the
 * plain-text tools (and people reading --with-text) see the same shape a clean text
 * file has.  Offsets of HTML and JSON inputs point into this text.
 */
#include <string.h>
#include <strings.h>

#include "../text/utf8.h"
#include "../util/buf.h"
#include "ingest.h"
#include "meta.h"

/* Append s[0..n) with whitespace runs folded to one space, control characters dropped
 * and invalid UTF-8 replaced; returns the bytes appended. */
static size_t append_folded(qd_buf *b, const char *s, size_t n, bool *pending_space)
{
    size_t before = b->len;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0) {
                *pending_space = true;
            } else if (c >= 0x20 && c != 0x7f) {
                if (*pending_space && b->len > before)
                    qd_buf_putc(b, ' ');
                *pending_space = false;
                qd_buf_putc(b, (char)c);
            }
            i++;
            continue;
        }
        int k = qd_utf8_valid_at(s, n, i);
        uint32_t cp = 0xFFFD;
        if (k > 0)
            qd_utf8_decode(s, n, i, &cp);
        /* zero-width and soft-hyphen characters carry nothing a reader sees */
        if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0x00AD || cp == 0x2060) {
            i += (size_t)(k > 0 ? k : 1);
            continue;
        }
        if (cp == 0x00A0 || cp == 0x2028 || cp == 0x2029 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000 ||
            cp == 0x202F || cp == 0x205F) {
            *pending_space = true;
            i += (size_t)(k > 0 ? k : 1);
            continue;
        }
        if (*pending_space && b->len > before)
            qd_buf_putc(b, ' ');
        *pending_space = false;
        if (k > 0) {
            qd_buf_append(b, s + i, (size_t)k);
            i += (size_t)k;
        } else {
            qd_buf_append(b, "\xEF\xBF\xBD", 3);
            i++;
        }
    }
    return b->len - before;
}

size_t qd_fold_space(const char *s, size_t n, char *out, size_t cap)
{
    qd_buf b;
    qd_buf_init(&b);
    bool sp = false;
    append_folded(&b, s, n, &sp);
    size_t m = 0;
    if (!b.failed && cap > 0) {
        m = b.len < cap - 1 ? b.len : cap - 1;
        /* do not cut a character in two */
        while (m > 0 && m < b.len && ((unsigned char)b.data[m] & 0xC0) == 0x80)
            m--;
        memcpy(out, b.data ? b.data : "", m);
        out[m] = '\0';
    }
    qd_buf_free(&b);
    return m;
}

int qd_article_build(qd_doc *doc, const char *title, const qd_article_para *paras, uint32_t n, qd_error *err)
{
    qd_arena *A = &doc->in->arena;
    qd_buf b;
    qd_buf_init(&b);
    qd_paragraph *out = qd_arena_calloc(A, (size_t)n + 1, sizeof(qd_paragraph));
    if (!out)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    uint32_t np = 0;
    if (title && *title) {
        bool sp = false;
        size_t m = append_folded(&b, title, strlen(title), &sp);
        if (m) {
            out[np].span = qd_span_make(0, (uint32_t)m);
            out[np].role = QD_PARA_TITLE;
            doc->meta.title_span = out[np].span;
            np++;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        size_t start = b.len;
        if (b.len)
            qd_buf_puts(&b, "\n\n");
        size_t a = b.len;
        bool sp = false;
        size_t m = append_folded(&b, paras[i].text, paras[i].len, &sp);
        if (m == 0) {
            b.len = start; /* nothing readable: take the separator back */
            if (b.data)
                b.data[b.len] = '\0';
            continue;
        }
        if (b.len > UINT32_MAX / 2)
            break;
        out[np].span = qd_span_make((uint32_t)a, (uint32_t)b.len);
        out[np].role = paras[i].role;
        np++;
    }
    if (b.failed) {
        qd_buf_free(&b);
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    }
    char *text = qd_arena_strndup(A, b.data ? b.data : "", b.len);
    qd_buf_free(&b);
    if (!text)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    doc->text = text;
    doc->len = strlen(text);
    doc->paragraphs = out;
    doc->n_paragraphs = np;
    doc->in->cap_paragraphs = n + 1;
    return 0;
}

static uint32_t count_words(const char *s, size_t n)
{
    uint32_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = s[i] == ' ';
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

void qd_article_credit(qd_doc *doc)
{
    const qd_lexicon *lx = doc->in->lx;
    /* as for plain text: a dateline at the top of the body, or a short "Source:" line */
    uint32_t seen = 0;
    for (uint32_t i = 0; i < doc->n_paragraphs && seen < 4 && !doc->meta.credit; i++) {
        qd_paragraph *p = &doc->paragraphs[i];
        if (p->role != QD_PARA_BODY)
            continue;
        seen++;
        const char *s = doc->text + p->span.start;
        size_t n = p->span.end - p->span.start;
        const qd_outlet *o = qd_credit_in(lx, s, n, true);
        if (o) {
            doc->meta.credit = o->name;
            if (count_words(s, n) <= 3)
                p->role = QD_PARA_META;
        }
    }
    for (uint32_t i = 0; i < doc->n_paragraphs && !doc->meta.credit; i++) {
        qd_paragraph *p = &doc->paragraphs[i];
        const char *s = doc->text + p->span.start;
        size_t n = p->span.end - p->span.start;
        if (p->role != QD_PARA_BODY || count_words(s, n) > 4)
            continue;
        const qd_outlet *o = qd_credit_in(lx, s, n, false);
        if (o) {
            doc->meta.credit = o->name;
            p->role = QD_PARA_META;
        }
    }
    if (doc->meta.outlet && doc->meta.credit && strcasecmp(doc->meta.outlet, doc->meta.credit) == 0)
        doc->meta.credit = NULL;
}
