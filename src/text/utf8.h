/*
 * utf8.h - decoding, validation and the character classes the tokenizer needs.
 *
 * Only what news text needs: Latin, Greek, Cyrillic and the common punctuation blocks
 * get case and class information; other scripts count as letters without case.
 */
#ifndef QD_UTF8_H
#define QD_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode one code point at s[i] (i < len).  Returns its byte length (1-4); an invalid
 * or truncated sequence yields *cp = 0xFFFD and length 1.  Every stage calls this for
 * every character and news text is nearly all ASCII, so the ASCII case is inline and
 * only other bytes take the call. */
int qd_utf8_decode_multi(const char *s, size_t len, size_t i, uint32_t *cp);
static inline int qd_utf8_decode(const char *s, size_t len, size_t i, uint32_t *cp)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    return qd_utf8_decode_multi(s, len, i, cp);
}

/* Length of the valid sequence at s[i], or 0 if the bytes there are not valid UTF-8. */
int qd_utf8_valid_at(const char *s, size_t len, size_t i);

/* Encode a code point; returns bytes written (1-4) into out[4]. */
int qd_utf8_encode(uint32_t cp, char *out);

/* Start of the code point that ends just before byte i. */
size_t qd_utf8_prev(const char *s, size_t i);

/* Character classes.  The ASCII answers are inline (the tokenizer and the layout ask
 * them for every character); the *_wide functions answer for code points >= 0x80. */
bool qd_cp_is_letter_wide(uint32_t cp);
bool qd_cp_is_upper_wide(uint32_t cp);
bool qd_cp_is_lower_wide(uint32_t cp);
bool qd_cp_is_space_wide(uint32_t cp);
uint32_t qd_cp_lower_wide(uint32_t cp);

static inline bool qd_cp_is_letter(uint32_t cp)
{
    if (cp < 0x80)
        return ((cp | 0x20) - 'a') < 26;
    return qd_cp_is_letter_wide(cp);
}
static inline bool qd_cp_is_upper(uint32_t cp)
{
    if (cp < 0x80)
        return cp - 'A' < 26;
    return qd_cp_is_upper_wide(cp);
}
static inline bool qd_cp_is_lower(uint32_t cp)
{
    if (cp < 0x80)
        return cp - 'a' < 26;
    return qd_cp_is_lower_wide(cp);
}
static inline bool qd_cp_is_digit(uint32_t cp)
{
    return cp - '0' < 10;
}
/* includes NBSP and the Unicode spaces */
static inline bool qd_cp_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    return qd_cp_is_space_wide(cp);
}
static inline uint32_t qd_cp_lower(uint32_t cp)
{
    if (cp < 0x80)
        return cp - 'A' < 26 ? cp + 32 : cp;
    return qd_cp_lower_wide(cp);
}
/* Eight ASCII bytes (in a word, any byte order) with their capitals lower-cased, all
 * at once: each byte's sums stay below 0x100, so none carries into the next. */
static inline uint64_t qd_ascii_lower8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t upper = (x + ones * (0x80 - 'A')) & ~(x + ones * (0x80 - 'Z' - 1)) & highs;
    return x | (upper >> 2);
}
bool qd_cp_is_dash(uint32_t cp);      /* - – — ― and friends */
uint32_t qd_cp_upper(uint32_t cp);

/* Quotation marks and apostrophes. */
typedef enum qd_qmark {
    QD_QM_NONE = 0,
    QD_QM_DOUBLE_OPEN,     /* “ „ ‟ « */
    QD_QM_DOUBLE_CLOSE,    /* ” » */
    QD_QM_DOUBLE_STRAIGHT, /* " ″ */
    QD_QM_SINGLE_OPEN,     /* ‘ ‚ ‹ */
    QD_QM_SINGLE_CLOSE,    /* ’ › (also the apostrophe) */
    QD_QM_SINGLE_STRAIGHT  /* ' */
} qd_qmark;

qd_qmark qd_cp_quote_mark_wide(uint32_t cp);
static inline qd_qmark qd_cp_quote_mark(uint32_t cp)
{
    if (cp < 0x80)
        return cp == '"' ? QD_QM_DOUBLE_STRAIGHT : cp == '\'' ? QD_QM_SINGLE_STRAIGHT : QD_QM_NONE;
    return qd_cp_quote_mark_wide(cp);
}

/* Append the lower-cased, quote/dash/space-normalised form of s[0..n) to out
 * (capacity cap, at least 4*n+1 is always enough); returns the bytes written. */
size_t qd_utf8_normalize(const char *s, size_t n, char *out, size_t cap);

/* Words between quotation marks (straight, curly or guillemets) in NUL-terminated
 * text: the quoted words of a statement, counted the same way in every report. */
uint32_t qd_quoted_word_count(const char *text);

#endif
