/*
 * report_util.c - see report_util.h.
 */
#include "report_util.h"

#include <stdlib.h>
#include <string.h>

const qd_style *qd_style_get(bool color)
{
    static const qd_style plain = {"", "", "", "", "", "", ""};
    static const qd_style ansi = {"\x1b[1m", "\x1b[0m", "\x1b[31m", "\x1b[32m", "\x1b[36m", "\x1b[2m", "\x1b[33m"};
    return color ? &ansi : &plain;
}

/* Length of the UTF-8 sequence starting with byte c. */
static size_t seq_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

void qd_buf_append_collapsed(qd_buf *b, const char *s, size_t n, size_t max)
{
    size_t chars = 0;
    bool space = false;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = chars > 0;
            i++;
            continue;
        }
        if (chars >= max) {
            qd_buf_puts(b, "\xe2\x80\xa6");
            return;
        }
        if (space) {
            qd_buf_putc(b, ' ');
            chars++;
            space = false;
        }
        size_t k = seq_len(c);
        if (i + k > n)
            k = n - i;
        qd_buf_append(b, s + i, k);
        chars++;
        i += k;
    }
}

void qd_buf_append_wrapped(qd_buf *b, const char *s, size_t n, size_t indent, size_t width)
{
    size_t col = indent;
    size_t i = 0;
    bool first = true;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
            i++;
        if (i >= n)
            break;
        size_t j = i, chars = 0;
        while (j < n && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r') {
            j += seq_len((unsigned char)s[j]);
            chars++;
        }
        if (j > n)
            j = n;
        if (!first && col + 1 + chars > width) {
            qd_buf_putc(b, '\n');
            qd_buf_fill(b, ' ', indent);
            col = indent;
        } else if (!first) {
            qd_buf_putc(b, ' ');
            col++;
        }
        qd_buf_append(b, s + i, j - i);
        col += chars;
        first = false;
        i = j;
    }
}

void qd_buf_html_escape(qd_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        switch (c) {
        case '&': qd_buf_puts(b, "&amp;"); break;
        case '<': qd_buf_puts(b, "&lt;"); break;
        case '>': qd_buf_puts(b, "&gt;"); break;
        case '"': qd_buf_puts(b, "&quot;"); break;
        case '\'': qd_buf_puts(b, "&#39;"); break;
        case '\0': break;
        default: qd_buf_putc(b, c); break;
        }
    }
}

void qd_buf_html_escapes(qd_buf *b, const char *s)
{
    if (s)
        qd_buf_html_escape(b, s, strlen(s));
}

void qd_text_defang(char *s, size_t n, bool colour)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0x1b) {
            size_t j = i + 1;
            if (colour && j < n && s[j] == '[') {
                j++;
                while (j < n && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';'))
                    j++;
                if (j < n && s[j] == 'm') {
                    i = j; /* a colour: keep it */
                    continue;
                }
            }
            s[i] = '?';
        } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            s[i] = '?';
        } else if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9f) {
            s[i] = '?';
            s[i + 1] = '?';
            i++;
        }
    }
}

unsigned qd_count_speakers(const qd_analysis *an)
{
    unsigned n = 0;
    for (uint32_t e = 0; e < an->n_entities; e++)
        for (uint32_t i = 0; i < an->n_statements; i++)
            if (an->statements[i].entity == (int32_t)e) {
                n++;
                break;
            }
    return n;
}

size_t qd_text_chars(const char *s)
{
    size_t chars = 0;
    for (size_t i = 0, n = strlen(s); i < n; chars++) {
        size_t k = seq_len((unsigned char)s[i]);
        i += k <= n - i ? k : n - i;
    }
    return chars;
}

void qd_buf_column(qd_buf *b, const char *s, size_t width, bool right)
{
    size_t n = strlen(s), bytes = 0, chars = 0;
    while (bytes < n && chars < width) {
        size_t k = seq_len((unsigned char)s[bytes]);
        if (bytes + k > n)
            break;
        bytes += k;
        chars++;
    }
    if (right)
        qd_buf_fill(b, ' ', width - chars);
    qd_buf_append(b, s, bytes);
    if (!right)
        qd_buf_fill(b, ' ', width - chars);
}
