/*
 * buf.h - growable byte buffer for building output.
 *
 * Appends never fail loudly: on out-of-memory the buffer is marked `failed` and later
 * appends do nothing, so report writers append freely and check once at the end.
 */
#ifndef QD_BUF_H
#define QD_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct qd_buf {
    char *data; /* always NUL-terminated when len > 0 */
    size_t len;
    size_t cap;
    bool failed;
} qd_buf;

void qd_buf_init(qd_buf *b);
void qd_buf_free(qd_buf *b);
void qd_buf_reset(qd_buf *b);
void qd_buf_append(qd_buf *b, const char *s, size_t n);
/* Room for `extra` more bytes and the NUL after them, for a writer that then fills
 * data[len..] itself (and keeps the NUL); false, and nothing changed, once the buffer
 * has failed or cannot grow (it is then marked failed). */
bool qd_buf_reserve(qd_buf *b, size_t extra);
void qd_buf_puts(qd_buf *b, const char *s);
void qd_buf_putc(qd_buf *b, char c);
void qd_buf_printf(qd_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Append n copies of c. */
void qd_buf_fill(qd_buf *b, char c, size_t n);

#endif
