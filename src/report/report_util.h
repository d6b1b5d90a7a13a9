/*
 * report_util.h - helpers shared by the report writers: terminal styles, wrapping,
 * counting.
 */
#ifndef QD_REPORT_UTIL_H
#define QD_REPORT_UTIL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"
#include "quotediff/analysis.h"

typedef struct qd_style {
    const char *bold, *reset, *red, *green, *cyan, *dim, *yellow;
} qd_style;

const qd_style *qd_style_get(bool color);

/* Append text with whitespace runs collapsed, cut to `max` characters with "…". */
void qd_buf_append_collapsed(qd_buf *b, const char *s, size_t n, size_t max);

/* Append text with whitespace collapsed, wrapped at `width` columns, continuation
 * lines indented by `indent` spaces. */
void qd_buf_append_wrapped(qd_buf *b, const char *s, size_t n, size_t indent, size_t width);

/* The number of characters (UTF-8 sequences) of s, the width qd_buf_column counts. */
size_t qd_text_chars(const char *s);

/* Append s in a column `width` characters wide: cut (on a character boundary) or padded
 * with spaces; right-aligned when `right`. */
void qd_buf_column(qd_buf *b, const char *s, size_t width, bool right);

/* Append n bytes of s escaped for HTML element content and attribute values (NUL bytes
 * dropped); the second form takes a string, NULL for none. */
void qd_buf_html_escape(qd_buf *b, const char *s, size_t n);
void qd_buf_html_escapes(qd_buf *b, const char *s);

/* Make text safe to print on a terminal, in place and without changing its length:
 * control characters other than newline and tab (C0, DEL, and C1 such as U+009B, which
 * some terminals read as an escape) become '?', so an article cannot clear the screen,
 * retitle the window or plant a hyperlink.  With `colour`, colour codes (ESC [ digits
 * ; ... m) are kept: the report made them, and at worst they change a colour. */
void qd_text_defang(char *s, size_t n, bool colour);

/* A JSON string, or null for a missing (NULL) one. */
static inline json_t *qd_json_str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* Entities credited with at least one statement. */
unsigned qd_count_speakers(const qd_analysis *an);

#endif
