/*
 * json_writer.c - compact JSON straight into a buffer (see json_writer.h).
 *
 * The output must stay byte-identical to what json_dumps(JSON_COMPACT |
 * JSON_PRESERVE_ORDER) printed before, so every rule here copies one of
 * jansson 2.x's: which characters are escaped and how (dump_string), which byte
 * sequences count as UTF-8 (utf8_check_first/utf8_check_full), how integers and
 * reals are printed (JSON_INTEGER_FORMAT, jsonp_dtostr).
 */
#include "json_writer.h"

#include <math.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <stdio.h>
#include <string.h>

/* Every write makes room (qd_jw_room) for all it may append, then copies without
 * further checks and ends the text once: a record is hundreds of short pieces, and a
 * capacity check and a terminator per piece cost more than the pieces' bytes. */

/* Append s[0..n) where qd_jw_room() was made. */
static inline void emit(qd_buf *b, const char *s, size_t n)
{
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

static inline void terminate(qd_buf *b)
{
    b->data[b->len] = '\0';
}

void qd_jw_init(qd_jw *w, qd_buf *b)
{
    memset(w, 0, sizeof(*w));
    w->b = b;
}

static void item_drop(qd_jw *w)
{
    w->b->len = w->mark;
    if (w->b->data)
        w->b->data[w->b->len] = '\0';
    if (w->depth > 0)
        w->items[w->depth] = w->mark_had_items;
}

static void open_container(qd_jw *w, char c)
{
    if (!qd_jw_room(w->b, 2))
        return;
    qd_jw_item_begin(w);
    w->b->data[w->b->len++] = c;
    terminate(w->b);
    /* deeper than our records ever go: stay in the last slot rather than overrun
     * (separators could then be misplaced, never memory) */
    if (w->depth + 1 < QD_JW_MAX_DEPTH)
        w->depth++;
    w->items[w->depth] = false;
}

static void close_container(qd_jw *w, char c)
{
    if (w->depth > 0)
        w->depth--;
    if (!qd_jw_room(w->b, 1))
        return;
    w->b->data[w->b->len++] = c;
    terminate(w->b);
}

void qd_jw_object_begin(qd_jw *w)
{
    open_container(w, '{');
}

void qd_jw_object_end(qd_jw *w)
{
    close_container(w, '}');
}

void qd_jw_array_begin(qd_jw *w)
{
    open_container(w, '[');
}

void qd_jw_array_end(qd_jw *w)
{
    close_container(w, ']');
}

/* A byte JSON takes as it is: printable ASCII but '"' and '\\'. */
static inline bool plain_byte(unsigned char c)
{
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* How many bytes from s on are plain (most of a record is such text).  With SSE2,
 * sixteen bytes at a time: as signed bytes, those below 0x20 and those from 0x80 up
 * are both less than 0x20, so one comparison finds them and two more the quote and
 * the backslash; a string's last block is the one ending at its end, overlapping
 * the bytes seen already (never a read past s[n - 1]).  Shorter strings and other
 * machines take eight bytes at a time: a word has none of the others when no byte is
 * below 0x20, none has its top bit set, and none equals '"' or '\\' (the usual "has
 * a zero byte" test on x xor the repeated character). */
static size_t plain_run(const unsigned char *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__)
    if (n >= 16) {
        const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
        for (;; i += 16) {
            size_t at = i + 16 <= n ? i : n - 16;
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + at));
            __m128i bad = _mm_or_si128(_mm_cmplt_epi8(x, space),
                                       _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)));
            unsigned mask = (unsigned)_mm_movemask_epi8(bad) >> (i - at); /* bytes from i on */
            if (mask)
                return i + (size_t)__builtin_ctz(mask);
            if (at + 16 == n)
                return n;
        }
    }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
    /* (the word test reads the first byte as the lowest and counts trailing zeros with
     * a GCC builtin: elsewhere a byte at a time) */
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    for (; n - i >= 8; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8); /* (a fixed size: one load) */
        uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\');
        uint64_t bad = ((x - ones * 0x20) | x | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & highs;
        /* a false alarm can only come above a true one (a borrow carries upwards),
         * so the lowest flagged byte is the first that is not plain */
        if (bad)
            return i + (size_t)__builtin_ctzll(bad) / 8;
    }
#endif
    while (i < n && plain_byte(s[i]))
        i++;
    return i;
}

void qd_jw_key(qd_jw *w, const char *key)
{
    w->pending_key = false;
    /* keys are the report's own short ASCII names, written in one piece; anything
     * else is escaped as jansson escapes keys, like values */
    size_t n = strlen(key);
    if (plain_run((const unsigned char *)key, n) == n) {
        if (!qd_jw_room(w->b, n + 4))
            return;
        qd_jw_item_begin(w);
        qd_buf *b = w->b;
        b->data[b->len++] = '"';
        emit(b, key, n);
        emit(b, "\":", 2);
        terminate(b);
    } else {
        if (!qd_jw_room(w->b, 1))
            return;
        qd_jw_item_begin(w);
        qd_jw_escape(w->b, key, n);
        if (qd_jw_room(w->b, 1)) {
            emit(w->b, ":", 1);
            terminate(w->b);
        }
    }
    w->pending_key = true;
}

/* The length of the UTF-8 sequence at s[0..n) if it is one jansson accepts,
 * storing its code point in *cp; 0 if not. */
static size_t utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char u = s[0];
    size_t len;
    uint32_t v;
    if (u < 0x80) {
        *cp = u;
        return 1;
    } else if (u >= 0xC2 && u <= 0xDF) {
        len = 2;
        v = u & 0x1F;
    } else if (u >= 0xE0 && u <= 0xEF) {
        len = 3;
        v = u & 0x0F;
    } else if (u >= 0xF0 && u <= 0xF4) {
        len = 4;
        v = u & 0x07;
    } else {
        return 0; /* a continuation byte, C0/C1 (always overlong) or F5..FF */
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    if ((len == 2 && v < 0x80) || (len == 3 && v < 0x800) || (len == 4 && v < 0x10000))
        return 0;
    *cp = v;
    return len;
}

/* The escaped string s[0..n) with its quotes, where qd_jw_room() was made for n + 2
 * bytes (what it takes when nothing needs escaping); an escape makes room for itself.
 * Bytes JSON takes as they are, and valid UTF-8 sequences, are copied a run at a
 * time.  False, with b as it was, if s is not valid UTF-8. */
static bool escape_in_room(qd_buf *b, const unsigned char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF"; /* jansson prints \u%04X */
    size_t start = b->len;
    size_t run = 0; /* first byte not yet copied */
    size_t i = 0;
    b->data[b->len++] = '"';
    while (i < n) {
        i += plain_run(s + i, n - i);
        if (i == n)
            break;
        unsigned char c = s[i];
        if (c >= 0x80) {
            uint32_t cp;
            size_t len = utf8_seq(s + i, n - i, &cp);
            if (!len) {
                b->len = start;
                b->data[start] = '\0';
                return false;
            }
            i += len; /* jansson writes non-ASCII as is without JSON_ENSURE_ASCII */
            continue;
        }
        emit(b, (const char *)s + run, i - run);
        char esc[6] = {'\\', 0, 0, 0, 0, 0};
        size_t elen = 2;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 0xF];
            elen = 6;
            break;
        }
        i++;
        run = i;
        /* the escape, the rest of s and the closing quote */
        if (!qd_jw_room(b, elen + (n - i) + 1))
            return true; /* out of memory: the buffer says so */
        emit(b, esc, elen);
    }
    emit(b, (const char *)s + run, n - run);
    b->data[b->len++] = '"';
    terminate(b);
    return true;
}

char *qd_jw_put_string(qd_buf *b, char *p, const char *s, size_t n)
{
    /* with the room made for the worst case, no escape grows (and moves) the data */
    b->len = (size_t)(p - b->data);
    if (!escape_in_room(b, (const unsigned char *)s, n))
        return NULL;
    return b->data + b->len;
}

char *qd_jw_cursor_room(qd_buf *b, char *p, size_t need)
{
    size_t len = (size_t)(p - b->data);
    if (!b->failed && b->cap - len > need)
        return p;
    b->len = len;
    if (!qd_buf_reserve(b, need))
        return NULL;
    return b->data + b->len;
}

char *qd_jw_cursor_begin(qd_jw *w, size_t need)
{
    if (!qd_jw_room(w->b, need))
        return NULL;
    return w->b->data + w->b->len;
}

void qd_jw_cursor_end(qd_jw *w, char *p, bool wrote)
{
    if (!p)
        return; /* out of memory: the buffer says so */
    w->b->len = (size_t)(p - w->b->data);
    terminate(w->b);
    if (wrote && w->depth > 0)
        w->items[w->depth] = true;
}

bool qd_jw_escape(qd_buf *b, const char *s, size_t n)
{
    if (n > SIZE_MAX - 2 || !qd_jw_room(b, n + 2))
        return true; /* nothing written, as to any failed buffer: it reports itself */
    return escape_in_room(b, (const unsigned char *)s, n);
}

bool qd_jw_utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t len = utf8_seq(s + i, n - i, &cp);
        if (!len)
            return false;
        i += len;
    }
    return true;
}

void qd_jw_raw(qd_jw *w, const char *json, size_t n)
{
    if (n > SIZE_MAX - 1 || !qd_jw_room(w->b, n + 1))
        return;
    qd_jw_item_begin(w);
    emit(w->b, json, n);
    terminate(w->b);
}

static inline void write_stringn(qd_jw *w, const char *s, size_t n)
{
    if (n > SIZE_MAX - 3 || !qd_jw_room(w->b, n + 3))
        return;
    qd_jw_item_begin(w);
    if (!escape_in_room(w->b, (const unsigned char *)s, n))
        item_drop(w);
}

static inline void write_null(qd_jw *w)
{
    if (!qd_jw_room(w->b, 5))
        return;
    qd_jw_item_begin(w);
    emit(w->b, "null", 4);
    terminate(w->b);
}

static inline void write_string(qd_jw *w, const char *s)
{
    if (!s)
        write_null(w);
    else
        write_stringn(w, s, strlen(s));
}

/* Two decimal digits at a time: half the divisions of one at a time. */
static const char digit_pairs[] = "00010203040506070809"
                                  "10111213141516171819"
                                  "20212223242526272829"
                                  "30313233343536373839"
                                  "40414243444546474849"
                                  "50515253545556575859"
                                  "60616263646566676869"
                                  "70717273747576777879"
                                  "80818283848586878889"
                                  "90919293949596979899";

/* The last `count` decimal digits of u (leading zeros included) at out[0..count). */
static void write_digits(char *out, uint64_t u, size_t count)
{
    char *p = out + count;
    while (p - out >= 2) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * (u % 100), 2);
        u /= 100;
    }
    if (p > out)
        *--p = (char)('0' + u % 10);
}

static size_t digit_count(uint64_t u)
{
    size_t n = 1;
    for (; u >= 10000; u /= 10000)
        n += 4;
    return n + (u >= 10) + (u >= 100) + (u >= 1000);
}

char *qd_jw_put_int(char *p, long long v)
{
    /* digits of the magnitude, computed unsigned so that LLONG_MIN does not overflow */
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    if (v < 0)
        *p++ = '-';
    size_t n = digit_count(u);
    write_digits(p, u, n);
    return p + n;
}

static inline void write_int(qd_jw *w, long long v)
{
    if (!qd_jw_room(w->b, 22)) /* a comma, a sign and 20 digits */
        return;
    qd_jw_item_begin(w);
    qd_buf *b = w->b;
    b->len = (size_t)(qd_jw_put_int(b->data + b->len, v) - b->data);
    terminate(b);
}

void qd_jw_stringn(qd_jw *w, const char *s, size_t n)
{
    write_stringn(w, s, n);
}

void qd_jw_string(qd_jw *w, const char *s)
{
    write_string(w, s);
}

void qd_jw_member_string(qd_jw *w, const char *key, const char *s)
{
    qd_jw_key(w, key);
    write_string(w, s);
}

void qd_jw_member_int(qd_jw *w, const char *key, long long v)
{
    qd_jw_key(w, key);
    write_int(w, v);
}

void qd_jw_null(qd_jw *w)
{
    write_null(w);
}

void qd_jw_bool(qd_jw *w, bool v)
{
    if (!qd_jw_room(w->b, 6))
        return;
    qd_jw_item_begin(w);
    if (v)
        emit(w->b, "true", 4);
    else
        emit(w->b, "false", 5);
    terminate(w->b);
}

void qd_jw_int(qd_jw *w, long long v)
{
    write_int(w, v);
}

#if defined(__SIZEOF_INT128__)
/* 10^k for k <= 20 (10^20 is past 64 bits). */
static unsigned __int128 pow10_128(int k)
{
    static const uint64_t p[20] = {1u,
                                   10u,
                                   100u,
                                   1000u,
                                   10000u,
                                   100000u,
                                   1000000u,
                                   10000000u,
                                   100000000u,
                                   1000000000u,
                                   10000000000u,
                                   100000000000u,
                                   1000000000000u,
                                   10000000000000u,
                                   100000000000000u,
                                   1000000000000000u,
                                   10000000000000000u,
                                   100000000000000000u,
                                   1000000000000000000u,
                                   10000000000000000000u};
    return k < 20 ? p[k] : (unsigned __int128)p[19] * 10;
}
#endif

/* "%.17g" of a v in [0.0001, 1), worked out exactly in integers, with the ".0" jansson
 * adds to an integral value: printf's general conversion goes through
 * multiple-precision arithmetic and costs thousands of instructions a number, and
 * every statement's confidence is one of these.  v is m / 2^e with m < 2^53 and
 * e <= 66, so v * 10^20 fits in 128 bits.  Returns the length, or 0 when v is outside
 * that range (the caller asks printf).  out holds at least 32 bytes. */
static size_t format_fraction(char *out, double v)
{
#if defined(__SIZEOF_INT128__)
    if (!(v > 0.0 && v < 1.0))
        return 0;
    int ex;
    double f = frexp(v, &ex); /* v = f * 2^ex, f in [0.5, 1) */
    if (ex < -13)
        return 0;
    unsigned __int128 m = (unsigned __int128)(uint64_t)ldexp(f, 53);
    unsigned e = (unsigned)(53 - ex); /* v = m / 2^e, 53 <= e <= 66 */
    /* the position of v's first significant digit: v >= 10^-k exactly when
     * floor(v * 10^20) >= 10^(20-k) */
    unsigned __int128 t = (m * pow10_128(20)) >> e;
    int lead; /* v in [10^-lead, 10^-(lead-1)) */
    for (lead = 1; lead <= 4 && t < pow10_128(20 - lead); lead++)
        ;
    if (lead > 4)
        return 0; /* below 0.0001: printf's exponent form */
    /* 17 significant digits: v * 10^(16 + lead), rounded to nearest, ties to even */
    int scale = 16 + lead;
    unsigned __int128 p = pow10_128(scale);
    unsigned __int128 x = m * p;
    unsigned __int128 d = x >> e, rem = x & (((unsigned __int128)1 << e) - 1);
    unsigned __int128 half = (unsigned __int128)1 << (e - 1);
    if (rem > half || (rem == half && (d & 1)))
        d++;
    /* d / 10^scale, without the zeros %g drops */
    /* d <= 10^scale as v < 1: an integer part of 1 only when v rounds up to 1, and
     * the rest below 10^17, so in 64 bits */
    int ip = d >= p;
    uint64_t fp = (uint64_t)(d - (ip ? p : 0));
    out[0] = (char)('0' + ip);
    out[1] = '.';
    size_t n;
    if (fp) {
        write_digits(out + 2, fp, (size_t)scale);
        n = 2 + (size_t)scale;
        while (out[n - 1] == '0')
            n--;
    } else {
        out[2] = '0'; /* "1.0" */
        n = 3;
    }
    out[n] = '\0';
    return n;
#else
    (void)out;
    (void)v;
    return 0;
#endif
}

size_t qd_jw_format_real(char *out, size_t size, double v)
{
    if (!isfinite(v) || size < 32)
        return 0; /* json_real() refuses NaN and infinities */
    size_t fast = format_fraction(out, v);
    if (fast)
        return fast;
    int r = snprintf(out, size, "%.17g", v);
    if (r < 0 || (size_t)r + 3 >= size)
        return 0;
    size_t len = (size_t)r;
    /* a locale's decimal comma becomes a point, as jansson's from_locale() does:
     * %g prints nothing else but digits, a sign and the exponent */
    bool point = false, exp = false;
    for (size_t i = 0; i < len; i++) {
        char c = out[i];
        if (c == 'e')
            exp = true;
        else if (!(c >= '0' && c <= '9') && c != '-' && c != '+') {
            out[i] = '.';
            point = true;
        }
    }
    /* an integral value keeps a ".0" so that it reads back as a real */
    if (!point && !exp) {
        out[len++] = '.';
        out[len++] = '0';
        out[len] = '\0';
    }
    /* the exponent without '+' and without leading zeros: 1e+20 -> 1e20, 1e-05 -> 1e-5 */
    char *e = strchr(out, 'e');
    if (e) {
        char *start = e + 1;
        char *end = start + 1;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, len - (size_t)(end - out) + 1);
            len -= (size_t)(end - start);
        }
    }
    return len;
}

void qd_jw_real(qd_jw *w, double v)
{
    if (!qd_jw_room(w->b, 65)) /* a comma and what qd_jw_format_real may use */
        return;
    qd_jw_item_begin(w);
    qd_buf *b = w->b;
    size_t n = qd_jw_format_real(b->data + b->len, 64, v);
    if (!n) {
        item_drop(w);
        return;
    }
    b->len += n;
}
