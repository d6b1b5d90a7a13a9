/*
 * buf.c - growable byte buffer (see buf.h).
 */
#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void qd_buf_init(qd_buf *b)
{
    memset(b, 0, sizeof(*b));
}

void qd_buf_free(qd_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof(*b));
}

void qd_buf_reset(qd_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

bool qd_buf_reserve(qd_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    /* a document's JSON line is some kilobytes: start there rather than doubling up
     * to it through several reallocations */
    size_t ncap = b->cap ? b->cap : 4096;
    while (ncap < need)
        ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
    char *p = realloc(b->data, ncap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = ncap;
    return true;
}

void qd_buf_append(qd_buf *b, const char *s, size_t n)
{
    if (!qd_buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void qd_buf_puts(qd_buf *b, const char *s)
{
    qd_buf_append(b, s, strlen(s));
}

void qd_buf_putc(qd_buf *b, char c)
{
    qd_buf_append(b, &c, 1);
}

void qd_buf_fill(qd_buf *b, char c, size_t n)
{
    if (!qd_buf_reserve(b, n))
        return;
    memset(b->data + b->len, c, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void qd_buf_printf(qd_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
        return;
    }
    if (!qd_buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}
