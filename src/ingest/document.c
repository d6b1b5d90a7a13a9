/*
 * document.c - creating and freeing documents, warnings, and the text->source offset map.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../doc_internal.h"
#include "../text/utf8.h"
#include "../util/search.h"

void qd_options_init(qd_options *opt)
{
    memset(opt, 0, sizeof(*opt));
    /* Analysis takes about 100 bytes of memory per byte of article text, so this bounds
     * one document at about 1.5 GB; news pages are well under 5 MB. */
    opt->max_doc_bytes = 16u * 1024 * 1024;
    opt->max_depth = 512;
    opt->input = QD_INPUT_AUTO;
}

int qd_doc_new(qd_doc **out, const char *path, const qd_lexicon *lx, qd_error *err)
{
    qd_doc *doc = calloc(1, sizeof(*doc));
    qd_doc_internal *in = calloc(1, sizeof(*in));
    if (!doc || !in) {
        free(doc);
        free(in);
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", path);
    }
    qd_arena_init(&in->arena);
    in->lx = lx;
    doc->in = in;
    doc->path = qd_arena_strdup(&in->arena, path ? path : "-");
    if (!doc->path) {
        qd_doc_free(doc);
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", path);
    }
    *out = doc;
    return 0;
}

void qd_doc_free(qd_doc *doc)
{
    if (!doc)
        return;
    if (doc->in) {
        qd_arena_release(&doc->in->arena);
        free(doc->in);
    }
    free(doc);
}

int qd_doc_warn(qd_doc *doc, const char *fmt, ...)
{
    qd_doc_internal *in = doc->in;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    const char **slot = QD_VEC_PUSH(&in->arena, doc->warnings, doc->n_warnings, in->cap_warnings);
    if (!slot)
        return QD_ENOMEM;
    *slot = qd_arena_strdup(&in->arena, buf);
    return *slot ? 0 : QD_ENOMEM;
}

int qd_offmap_mark(qd_arena *a, qd_offmap *m, uint32_t t, uint32_t s)
{
    if (m->n > 0) {
        uint32_t i = m->n - 1;
        /* Still on the same line: nothing to record. */
        if (m->src[i] + (t - m->text[i]) == s)
            return 0;
        if (m->text[i] == t) {
            m->src[i] = s;
            return 0;
        }
    }
    uint32_t cap = m->cap;
    uint32_t *nt = qd_arena_grow_array(a, m->text, &cap, m->n + 1, sizeof(uint32_t));
    if (!nt)
        return QD_ENOMEM;
    m->text = nt;
    cap = m->cap;
    uint32_t *ns = qd_arena_grow_array(a, m->src, &cap, m->n + 1, sizeof(uint32_t));
    if (!ns)
        return QD_ENOMEM;
    m->src = ns;
    m->cap = cap;
    m->text[m->n] = t;
    m->src[m->n] = s;
    m->n++;
    return 0;
}

size_t qd_doc_source_offset(const qd_doc *doc, uint32_t t)
{
    const qd_offmap *m = &doc->in->map;
    if (m->n == 0)
        return t;
    /* last breakpoint at or before t */
    uint32_t lo = 0, hi = m->n;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (m->text[mid] <= t)
            lo = mid;
        else
            hi = mid;
    }
    if (m->text[lo] > t)
        return t;
    size_t s = (size_t)m->src[lo] + (t - m->text[lo]);
    /* A replacement character is longer than the byte it stands for: clamp inside. */
    if (lo + 1 < m->n && s > m->src[lo + 1])
        s = m->src[lo + 1];
    return s;
}

char *qd_doc_span_text(qd_doc *doc, qd_span s)
{
    if (s.end > doc->len)
        s.end = (uint32_t)doc->len;
    if (s.start > s.end)
        s.start = s.end;
    return qd_arena_strndup(&doc->in->arena, doc->text + s.start, s.end - s.start);
}

uint32_t qd_token_at(const qd_doc *doc, uint32_t off)
{
    const qd_token *tok = doc->in->tokens;
    uint32_t b = off >> QD_TOKEN_BLOCK_SHIFT;
    if (b < doc->in->n_tok_blocks) {
        /* every token before tok_block[b] starts before the block, so before off */
        uint32_t i = doc->in->tok_block[b];
        while (i < doc->in->n_tokens && tok[i].start < off)
            i++;
        return i;
    }
    return qd_first_at_least(tok, sizeof(qd_token), offsetof(qd_token, start), 0, doc->in->n_tokens, off);
}
