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

/* Plain text: split doc->text into paragraphs, tell article from page furniture, and
 * read the title, date, byline and outlet. */
int qd_layout_plain(qd_doc *doc, const qd_options *opt, qd_error *err);

/* Text that is already an article body (from HTML extraction or a JSON record): one
 * paragraph per line block, all of them body. */
int qd_layout_body(qd_doc *doc, qd_error *err);

/* Fill meta.outlet from options or URL when known; called by every reader. */
void qd_meta_outlet_from_options(qd_doc *doc, const qd_options *opt);

#endif
