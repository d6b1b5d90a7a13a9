/*
 * ingest.h - the readers that turn input bytes into a document's text, paragraphs and
 * metadata.  qd_doc_parse() (ingest.c) detects the input kind and calls one of them.
 */
#ifndef QD_INGEST_H
#define QD_INGEST_H

#include "../doc_internal.h"

/* Make doc->text valid UTF-8 without NULs from raw bytes, keeping offsets to the input
 * (identity when the input was clean UTF-8). */
int qd_clean_text(qd_doc *doc, const char *data, size_t len, qd_error *err);

/* Bytes as UTF-8, in the arena; NULL when out of memory.  With `latin` every byte is
 * Windows-1252 (a superset of Latin-1 for text; the bytes it leaves undefined become
 * U+FFFD); without, the bytes are UTF-8 and each one that is not becomes U+FFFD. */
char *qd_recode_utf8(qd_arena *a, const char *data, size_t len, bool latin, size_t *out_len);

/* Plain text: split doc->text into paragraphs, tell article from page furniture, and
 * read the title, date, byline and outlet. */
int qd_layout_plain(qd_doc *doc, const qd_options *opt, qd_error *err);

/* Text that is already an article body (from HTML extraction or a JSON record): one
 * paragraph per line block, all of them body. */
int qd_layout_body(qd_doc *doc, qd_error *err);

/* One paragraph of an article taken apart by a reader (not yet NUL-terminated or
 * normalised: whitespace is folded when the text is built). */
typedef struct qd_article_para {
    const char *text;
    size_t len;
    qd_para_role role;
} qd_article_para;

/* Build doc->text and doc->paragraphs from a title (may be NULL) and paragraphs: the
 * title first, then each paragraph, blank lines between; whitespace runs become one
 * space and empty paragraphs are left out. */
int qd_article_build(qd_doc *doc, const char *title, const qd_article_para *paras, uint32_t n, qd_error *err);

/* The agency a built article credits (a dateline at the top, a "Source:" line), into
 * meta.credit; such short lines become META paragraphs.  Call after the outlet is set. */
void qd_article_credit(qd_doc *doc);

/* s[0..n) with whitespace folded and trimmed into out (cap bytes, NUL-terminated);
 * returns the length written. */
size_t qd_fold_space(const char *s, size_t n, char *out, size_t cap);

/* What the bytes are (JSON, HTML or plain text), by content. */
qd_input_kind qd_detect_kind(const char *data, size_t len);

/* The HTML and JSON readers (html.c, json.c). */
int qd_ingest_html(qd_doc *doc, const char *data, size_t len, const qd_options *opt, qd_error *err);
int qd_ingest_json(qd_doc *doc, const char *data, size_t len, const qd_options *opt, qd_error *err);

/* Fill meta.outlet from options or URL when known; called by every reader. */
void qd_meta_outlet_from_options(qd_doc *doc, const qd_options *opt);

#endif
