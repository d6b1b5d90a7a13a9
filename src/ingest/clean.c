/*
 * clean.c - raw bytes to analysable text.
 *
 * Clean UTF-8 passes through byte for byte, so every offset the analysis reports is an
 * offset into the input file.  NUL bytes and lone carriage returns become a space and a
 * newline (same length).  Invalid bytes are replaced by U+FFFD, or, when the file holds
 * no UTF-8 multi-byte sequence at all, the whole file is read as Windows-1252 (the usual
 * reason for invalid bytes in news text); either way an offset map keeps reported
 * offsets pointing at the original bytes, and the document carries a warning.
 */
#include <string.h>

#include "../text/utf8.h"
#include "ingest.h"

static const uint16_t cp1252_high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

/* Are these 8 bytes ASCII with neither a NUL nor a carriage return (nothing to count
 * or change)?  Tested a word at a time: a byte is zero when subtracting 1 borrows. */
static inline bool plain_ascii8(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t cr = w ^ (ones * '\r');
    return !(w & highs) && !((w - ones) & ~w & highs) && !((cr - ones) & ~cr & highs);
}

int qd_clean_text(qd_doc *doc, const char *data, size_t len, qd_error *err)
{
    qd_doc_internal *in = doc->in;
    if (len > UINT32_MAX / 4)
        return qd_error_set(err, QD_ELIMIT, "%s: document too large (%zu bytes)", doc->path, len);
    size_t invalid = 0, multibyte = 0, nuls = 0, crs = 0;
    for (size_t i = 0; i < len;) {
        if (i + 8 <= len && plain_ascii8(data + i)) {
            i += 8;
            continue;
        }
        unsigned char c = (unsigned char)data[i];
        if (c < 0x80) {
            nuls += c == 0;
            crs += c == '\r';
            i++;
            continue;
        }
        int k = qd_utf8_valid_at(data, len, i);
        if (k == 0) {
            invalid++;
            i++;
        } else {
            multibyte++;
            i += (size_t)k;
        }
    }
    bool latin = invalid > 0 && multibyte == 0;
    size_t cap = invalid ? len + invalid * 2 + 1 : len + 1;
    char *out = qd_arena_alloc(&in->arena, cap);
    if (!out)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    size_t o = 0;
    /* valid UTF-8 without NULs or carriage returns (nearly every input) is its own clean
     * text: the loop below would copy it byte for byte */
    if (!invalid && !nuls && !crs) {
        memcpy(out, data, len);
        o = len;
    }
    for (size_t i = o; i < len;) {
        unsigned char c = (unsigned char)data[i];
        int k = c < 0x80 ? 1 : qd_utf8_valid_at(data, len, i);
        if (k == 0) {
            uint32_t cp = latin ? (c < 0xA0 ? cp1252_high[c - 0x80] : c) : 0xFFFD;
            char enc[4];
            int m = qd_utf8_encode(cp, enc);
            if (qd_offmap_mark(&in->arena, &in->map, (uint32_t)o, (uint32_t)i) != 0)
                return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
            memcpy(out + o, enc, (size_t)m);
            o += (size_t)m;
            i++;
            if (qd_offmap_mark(&in->arena, &in->map, (uint32_t)o, (uint32_t)i) != 0)
                return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
            continue;
        }
        if (k == 1) {
            char ch = (char)c;
            if (c == 0)
                ch = ' ';
            else if (c == '\r')
                ch = (i + 1 < len && data[i + 1] == '\n') ? ' ' : '\n';
            out[o++] = ch;
            i++;
            continue;
        }
        memcpy(out + o, data + i, (size_t)k);
        o += (size_t)k;
        i += (size_t)k;
    }
    out[o] = '\0';
    doc->text = out;
    doc->len = o;
    if (latin)
        qd_doc_warn(doc, "not UTF-8: read as Windows-1252 (%zu non-ASCII bytes)", invalid);
    else if (invalid)
        qd_doc_warn(doc, "%zu invalid UTF-8 byte%s replaced by U+FFFD", invalid, invalid == 1 ? "" : "s");
    if (nuls)
        qd_doc_warn(doc, "%zu NUL byte%s read as spaces", nuls, nuls == 1 ? "" : "s");
    return 0;
}

char *qd_recode_utf8(qd_arena *a, const char *data, size_t len, bool latin, size_t *out_len)
{
    if (len > SIZE_MAX / 3 - 1)
        return NULL;
    char *out = qd_arena_alloc(a, len * 3 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)data[i];
        int k = c < 0x80 ? 1 : latin ? 0 : qd_utf8_valid_at(data, len, i);
        if (k == 0) {
            uint32_t cp = latin ? (c < 0xA0 ? cp1252_high[c - 0x80] : c) : 0xFFFD;
            o += (size_t)qd_utf8_encode(cp, out + o);
            i++;
            continue;
        }
        memcpy(out + o, data + i, (size_t)k);
        o += (size_t)k;
        i += (size_t)k;
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}
