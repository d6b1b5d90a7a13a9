/*
 * json_writer.h - compact JSON written straight into a qd_buf.
 *
 * Building a jansson tree per document and dumping it cost about a third of
 * `extract`'s time; this writer produces the very same bytes as
 * json_dumps(..., JSON_COMPACT | JSON_PRESERVE_ORDER) without the tree:
 * members in the order written, "," and ":" without spaces, strings escaped as
 * jansson escapes them (see json_writer.c), reals printed as jansson prints them.
 *
 * jansson refuses to make a string of invalid UTF-8 (json_string() returns NULL)
 * and json_object_set_new()/json_array_append_new() then add nothing; the
 * writer keeps that behaviour: a member or element whose string is not valid
 * UTF-8, or whose real is not finite, is left out, key and separator included.
 *
 * Usage: jw_key() before every member value, none before array elements.
 */
#ifndef QD_JSON_WRITER_H
#define QD_JSON_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../util/buf.h"

/* Objects and arrays nest no deeper than this in the records we write. */
#define QD_JW_MAX_DEPTH 64

typedef struct qd_jw {
    qd_buf *b;
    unsigned depth;
    bool pending_key;        /* a key was written and awaits its value */
    size_t mark;             /* where the member or element being written began */
    bool mark_had_items;     /* items[depth] before it */
    bool items[QD_JW_MAX_DEPTH]; /* the container at this depth holds an item already */
} qd_jw;

void qd_jw_init(qd_jw *w, qd_buf *b);
void qd_jw_object_begin(qd_jw *w);
void qd_jw_object_end(qd_jw *w);
void qd_jw_array_begin(qd_jw *w);
void qd_jw_array_end(qd_jw *w);
void qd_jw_key(qd_jw *w, const char *key);
/* s == NULL writes null */
void qd_jw_string(qd_jw *w, const char *s);
void qd_jw_stringn(qd_jw *w, const char *s, size_t n);
void qd_jw_null(qd_jw *w);
void qd_jw_bool(qd_jw *w, bool v);
void qd_jw_int(qd_jw *w, long long v);
void qd_jw_real(qd_jw *w, double v);
/* A member: qd_jw_key() and the value in one call. */
void qd_jw_member_string(qd_jw *w, const char *key, const char *s);
void qd_jw_member_int(qd_jw *w, const char *key, long long v);
/* The same for a key written out already, quoted and with its colon ('"path":', n
 * bytes), which the caller knows needs no escaping.  Through the macros below a
 * record's fixed keys, string literals, are quoted by the compiler, and are neither
 * measured nor checked at every member of every record. */
static inline void qd_jw_key_quoted(qd_jw *w, const char *quoted, size_t n);
static inline void qd_jw_member_string_quoted(qd_jw *w, const char *quoted, size_t n, const char *s);
static inline void qd_jw_member_int_quoted(qd_jw *w, const char *quoted, size_t n, long long v);
/* (k must be a string literal of plain ASCII: no '"', '\\' or control characters) */
#define QD_JW_QUOTED(k) "\"" k "\":", sizeof("\"" k "\":") - 1
#define QD_JW_KEY(w, k) qd_jw_key_quoted((w), QD_JW_QUOTED(k))
#define QD_JW_MEMBER_STRING(w, k, s) qd_jw_member_string_quoted((w), QD_JW_QUOTED(k), (s))
#define QD_JW_MEMBER_INT(w, k, v) qd_jw_member_int_quoted((w), QD_JW_QUOTED(k), (v))

/* Append s[0..n) to b escaped as a JSON string with its quotes, as jansson's dump
 * does without JSON_ENSURE_ASCII and JSON_ESCAPE_SLASH.  Returns false, leaving
 * b as it was, if s is not valid UTF-8 (surrogates, overlong forms and code
 * points above U+10FFFF included). */
bool qd_jw_escape(qd_buf *b, const char *s, size_t n);

/* Whether s[0..n) is UTF-8 that jansson accepts in a string.  json_pack() refuses a
 * whole array or object when one of its strings is not; a writer that must do the
 * same checks the strings of the record before writing any of it. */
bool qd_jw_utf8_valid(const char *s, size_t n);

/* Write an already rendered compact JSON value (a member value or an element), e.g.
 * one dumped by jansson from a tree that another module builds. */
void qd_jw_raw(qd_jw *w, const char *json, size_t n);

/* ---- A cursor, for records whose shape the writer knows ----
 * doc_json writes each statement (two dozen members, hundreds in a document) through a
 * char pointer into the buffer: room is made once per variable-length piece
 * (qd_jw_cursor_room), not per member; keys are literal bytes with their separators
 * (QD_JW_LIT); the caller writes the commas and takes back a string member jansson
 * would have refused (qd_jw_put_string returns NULL) by going on from the pointer it
 * had before the member.  Every qd_jw_put_* needs the room its comment gives. */

/* The room qd_jw_put_string may take for n bytes: each a \u00XX escape, and quotes. */
#define QD_JW_STRING_ROOM(n) (6 * (size_t)(n) + 2)

/* Room for `need` more bytes (and a NUL) at p, a cursor into b's data: p, or where it
 * is now if the data moved; NULL once out of memory (the buffer is marked failed). */
char *qd_jw_cursor_room(qd_buf *b, char *p, size_t need);
/* Where the writer's buffer ends, with room for `need` bytes, to write the elements of
 * the array just begun (the caller writes their separators); NULL out of memory. */
char *qd_jw_cursor_begin(qd_jw *w, size_t need);
/* The cursor's writing done: the buffer ends at p (NULL: out of memory, nothing to do);
 * `wrote` tells whether elements were written into the current array. */
void qd_jw_cursor_end(qd_jw *w, char *p, bool wrote);
/* s[0..n) escaped with its quotes at p in b's data, where QD_JW_STRING_ROOM(n) was made;
 * the end, or NULL (nothing written) if jansson would refuse it (not valid UTF-8). */
char *qd_jw_put_string(qd_buf *b, char *p, const char *s, size_t n);
/* v in decimal at p (room for 20 bytes); the end. */
char *qd_jw_put_int(char *p, long long v);
/* Literal bytes (a key with its quotes, colon and separator). */
static inline char *qd_jw_put_lit(char *p, const char *s, size_t n)
{
    memcpy(p, s, n);
    return p + n;
}
#define QD_JW_LIT(p, lit) qd_jw_put_lit((p), (lit), sizeof(lit) - 1)

/* (doc_json.c) The record qd_report_doc_json makes, appended to `out` (extract gathers
 * a batch's records in one buffer: no buffer of its own, copy and free per record).
 * Out of memory: an error, and `out` holds what it held before (and is marked failed
 * when it could not grow). */
struct qd_doc;
struct qd_error;
int qd_report_doc_json_append(const struct qd_doc *doc, unsigned flags, qd_buf *out, struct qd_error *err);

/* Format v as jansson does with the default precision (17 significant digits,
 * ".0" added to integral values, exponent without '+' or leading zeros) into
 * out (at least 32 bytes); returns its length, or 0 if v is not finite. */
size_t qd_jw_format_real(char *out, size_t size, double v);

/* ---- Inline: a record's fixed keys are most of its members, and a key whose length
 * the compiler knows is copied in a move or two instead of a call to memcpy.  What
 * follows is the writer's own machinery, shared with json_writer.c. ---- */

/* Room for n more bytes and the NUL after them: every write makes room once for all
 * it may append, then copies without further checks.  False once the buffer failed. */
static inline bool qd_jw_room(qd_buf *b, size_t n)
{
    return (!b->failed && b->cap - b->len > n) || qd_buf_reserve(b, n);
}

/* Start a member value or an array element, after qd_jw_room() for its separator:
 * remember where it starts, so that a value jansson would have refused can be taken
 * back with its separator. */
static inline void qd_jw_item_begin(qd_jw *w)
{
    if (w->pending_key) {
        w->pending_key = false; /* the mark was set by the key */
        return;
    }
    qd_buf *b = w->b;
    w->mark = b->len;
    if (w->depth > 0) {
        w->mark_had_items = w->items[w->depth];
        if (w->items[w->depth])
            b->data[b->len++] = ',';
        w->items[w->depth] = true;
    }
}

static inline void qd_jw_key_quoted(qd_jw *w, const char *quoted, size_t n)
{
    w->pending_key = false;
    if (!qd_jw_room(w->b, n + 1))
        return;
    qd_jw_item_begin(w);
    qd_buf *b = w->b;
    memcpy(b->data + b->len, quoted, n);
    b->len += n;
    b->data[b->len] = '\0';
    w->pending_key = true;
}

static inline void qd_jw_member_string_quoted(qd_jw *w, const char *quoted, size_t n, const char *s)
{
    qd_jw_key_quoted(w, quoted, n);
    qd_jw_string(w, s);
}

static inline void qd_jw_member_int_quoted(qd_jw *w, const char *quoted, size_t n, long long v)
{
    qd_jw_key_quoted(w, quoted, n);
    qd_jw_int(w, v);
}

#endif
