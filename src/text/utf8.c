/*
 * utf8.c - UTF-8 decoding and character classes (see utf8.h).
 */
#include "utf8.h"

#include <stdint.h>
#include <string.h>

/* Validation and decoding in one pass over the sequence's bytes: the tokenizer, the
 * layout and the quote finder decode every character beyond ASCII. */
int qd_utf8_decode_multi(const char *s, size_t len, size_t i, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int n;
    uint32_t min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        min = 0x10000;
    } else {
        goto invalid;
    }
    if (i + (size_t)n > len)
        goto invalid;
    uint32_t v = c & (0x7F >> n);
    for (int k = 1; k < n; k++) {
        if ((u[i + k] & 0xC0) != 0x80)
            goto invalid;
        v = (v << 6) | (u[i + k] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        goto invalid;
    *cp = v;
    return n;
invalid:
    *cp = 0xFFFD;
    return 1;
}

int qd_utf8_valid_at(const char *s, size_t len, size_t i)
{
    uint32_t cp;
    int n = qd_utf8_decode_multi(s, len, i, &cp);
    /* (a sequence beyond ASCII is at least two bytes: one is an invalid byte) */
    return n == 1 && (unsigned char)s[i] >= 0x80 ? 0 : n;
}

int qd_utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF)
        cp = 0xFFFD;
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp > 0x10FFFF)
        return qd_utf8_encode(0xFFFD, out);
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t qd_utf8_prev(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    size_t j = i - 1;
    int k = 0;
    while (j > 0 && k < 3 && ((unsigned char)s[j] & 0xC0) == 0x80) {
        j--;
        k++;
    }
    return j;
}

bool qd_cp_is_upper_wide(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x17F) /* Latin Extended-A: mostly even = upper */
        return (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E) ? (cp & 1) == 1
                                                                            : (cp & 1) == 0 && cp != 0x138;
    if (cp >= 0x391 && cp <= 0x3AB)
        return cp != 0x3A2;
    if (cp >= 0x400 && cp <= 0x42F)
        return true;
    if (cp >= 0x460 && cp <= 0x4FF)
        return (cp & 1) == 0;
    return false;
}

bool qd_cp_is_lower_wide(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    if (cp >= 0xDF && cp <= 0xFF)
        return cp != 0xF7;
    if (cp >= 0x100 && cp <= 0x17F)
        return !qd_cp_is_upper(cp);
    if (cp >= 0x3AC && cp <= 0x3CE)
        return true;
    if (cp >= 0x430 && cp <= 0x45F)
        return true;
    if (cp >= 0x460 && cp <= 0x4FF)
        return (cp & 1) == 1;
    return false;
}

uint32_t qd_cp_lower_wide(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (!qd_cp_is_upper(cp))
        return cp;
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp + 32;
    if (cp >= 0x100 && cp <= 0x17F)
        return cp + 1;
    if (cp >= 0x391 && cp <= 0x3AB)
        return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 80;
    if (cp >= 0x410 && cp <= 0x42F)
        return cp + 32;
    if (cp >= 0x460 && cp <= 0x4FF)
        return cp + 1;
    return cp;
}

uint32_t qd_cp_upper(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
    if (!qd_cp_is_lower(cp))
        return cp;
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
        return cp - 32;
    if (cp >= 0x100 && cp <= 0x17F)
        return cp - 1;
    if (cp >= 0x3B1 && cp <= 0x3CB && cp != 0x3C2)
        return cp - 32;
    if (cp >= 0x430 && cp <= 0x44F)
        return cp - 32;
    if (cp >= 0x450 && cp <= 0x45F)
        return cp - 80;
    if (cp >= 0x460 && cp <= 0x4FF)
        return cp - 1;
    return cp;
}

bool qd_cp_is_space_wide(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool qd_cp_is_dash(uint32_t cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 ||
           cp == 0xFE63 || cp == 0xFF0D;
}

bool qd_cp_is_letter_wide(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp < 0xC0)
        return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    if (cp <= 0x24F)
        return cp != 0xD7 && cp != 0xF7;
    if (cp >= 0x250 && cp <= 0x2AF) /* IPA */
        return true;
    if (cp >= 0x370 && cp <= 0x3FF)
        return cp != 0x37E && cp != 0x387;
    if (cp >= 0x400 && cp <= 0x52F) /* Cyrillic */
        return cp < 0x482 || cp > 0x489;
    if (cp >= 0x531 && cp <= 0x587) /* Armenian */
        return true;
    if (cp >= 0x5D0 && cp <= 0x5EA) /* Hebrew */
        return true;
    if (cp >= 0x620 && cp <= 0x64A) /* Arabic letters */
        return true;
    if (cp >= 0x10A0 && cp <= 0x10FF) /* Georgian */
        return true;
    if (cp >= 0x1E00 && cp <= 0x1EFF) /* Latin Extended Additional */
        return true;
    if (cp >= 0x3040 && cp <= 0x9FFF) /* kana, CJK */
        return true;
    if (cp >= 0xAC00 && cp <= 0xD7A3) /* Hangul */
        return true;
    return false;
}

qd_qmark qd_cp_quote_mark_wide(uint32_t cp)
{
    switch (cp) {
    case 0x201C: /* “ */
    case 0x201E: /* „ */
    case 0x201F: /* ‟ */
    case 0x00AB: /* « */
        return QD_QM_DOUBLE_OPEN;
    case 0x201D: /* ” */
    case 0x00BB: /* » */
        return QD_QM_DOUBLE_CLOSE;
    case '"':
    case 0x2033: /* ″ */
    case 0xFF02:
        return QD_QM_DOUBLE_STRAIGHT;
    case 0x2018: /* ‘ */
    case 0x201A: /* ‚ */
    case 0x201B: /* ‛ */
    case 0x2039: /* ‹ */
        return QD_QM_SINGLE_OPEN;
    case 0x2019: /* ’ */
    case 0x203A: /* › */
        return QD_QM_SINGLE_CLOSE;
    case '\'':
    case 0x2032: /* ′ */
        return QD_QM_SINGLE_STRAIGHT;
    default:
        return QD_QM_NONE;
    }
}

/* Eight bytes of a run of visible ASCII words with single spaces between them, which
 * the run loop below would copy as they are but for lower-casing: their lower-cased
 * form, or 0 when they are not such bytes (a control, a byte of a longer sequence, two
 * spaces together, or a space last, whose follower is not known here).  The tests are
 * exact per byte: each adds to the low seven bits, which cannot carry into the next. */
static inline uint64_t ascii_words8(const char *s)
{
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
    (void)s;
    return 0; /* (the tests below read the first byte as the lowest) */
#else
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Fu, highs = 0x8080808080808080u, ones = 0x0101010101010101u;
    uint64_t x;
    memcpy(&x, s, 8);
    if (x & highs)
        return 0;
    uint64_t ge_space = (x + ones * (0x80 - 0x20)) & highs; /* byte >= ' ' */
    if (ge_space != highs)
        return 0;
    uint64_t t = x ^ (ones * ' ');
    uint64_t is_space = ~(((t & low7) + low7) | t) & highs;
    if ((is_space & (is_space << 8)) || (is_space >> 63))
        return 0;
    return qd_ascii_lower8(x);
#endif
}

size_t qd_utf8_normalize(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    size_t i = 0;
    bool space = false;
    while (i < n) {
        /* ASCII needs no table: the common case, taken first.  Of its characters only
         * the spaces and the capitals change (quotation marks and the hyphen are
         * already their folded forms). */
        unsigned char a = (unsigned char)s[i];
        /* a run of visible ASCII words with single spaces between them: lower-cased,
         * nothing else to decide */
        if (!space && a > ' ' && a < 0x80) {
            while (i < n && o + 1 < cap) {
                uint64_t x;
                if (i + 8 <= n && o + 9 < cap && (x = ascii_words8(s + i)) != 0) {
                    memcpy(out + o, &x, 8);
                    o += 8;
                    i += 8;
                    continue;
                }
                a = (unsigned char)s[i];
                if (a > ' ' && a < 0x80) {
                    out[o++] = (char)(a >= 'A' && a <= 'Z' ? a + 32 : a);
                    i++;
                    continue;
                }
                unsigned char b = i + 1 < n ? (unsigned char)s[i + 1] : 0;
                if (a != ' ' || b <= ' ' || b >= 0x80 || o + 2 >= cap)
                    break; /* anything else: the general path below */
                out[o++] = ' ';
                out[o++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
                i += 2;
            }
            if (i < n && o + 1 >= cap)
                break;
            continue;
        }
        if (a < 0x80) {
            i++;
            if (a == ' ' || (a >= '\t' && a <= '\r')) {
                space = o > 0;
                continue;
            }
            if (space) {
                if (o + 1 >= cap)
                    break;
                out[o++] = ' ';
                space = false;
            }
            if (o + 1 >= cap)
                break;
            out[o++] = (char)(a >= 'A' && a <= 'Z' ? a + 32 : a);
            continue;
        }
        uint32_t cp;
        int k = qd_utf8_decode(s, n, i, &cp);
        i += (size_t)k;
        if (qd_cp_is_space(cp)) {
            space = o > 0;
            continue;
        }
        if (space) {
            if (o + 1 >= cap)
                break;
            out[o++] = ' ';
            space = false;
        }
        qd_qmark q = qd_cp_quote_mark(cp);
        if (q == QD_QM_DOUBLE_OPEN || q == QD_QM_DOUBLE_CLOSE || q == QD_QM_DOUBLE_STRAIGHT)
            cp = '"';
        else if (q != QD_QM_NONE)
            cp = '\'';
        else if (qd_cp_is_dash(cp))
            cp = '-';
        else if (cp == 0x2026) { /* … */
            if (o + 4 >= cap)
                break;
            out[o++] = '.';
            out[o++] = '.';
            out[o++] = '.';
            continue;
        } else
            cp = qd_cp_lower(cp);
        char tmp[4];
        int m = qd_utf8_encode(cp, tmp);
        if (o + (size_t)m >= cap)
            break;
        for (int j = 0; j < m; j++)
            out[o++] = tmp[j];
    }
    if (o < cap)
        out[o] = '\0';
    return o;
}

uint32_t qd_quoted_word_count(const char *t)
{
    /* Words between double quotation marks of any kind ("", “”, „“, «», ″), each mark
     * opening or closing in turn.  A word is a run of letters and digits, with the
     * apostrophes and hyphens inside it ("don't", "Russia’s", "well-known" are one word,
     * as the tokenizer has them). */
    uint32_t n = 0;
    bool in = false, word = false;
    size_t len = strlen(t);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += (size_t)qd_utf8_decode(t, len, i, &cp);
        qd_qmark m = qd_cp_quote_mark(cp);
        if (m == QD_QM_DOUBLE_OPEN || m == QD_QM_DOUBLE_CLOSE || m == QD_QM_DOUBLE_STRAIGHT) {
            in = !in;
            word = false;
            continue;
        }
        bool alnum = qd_cp_is_letter(cp) || qd_cp_is_digit(cp);
        if (in && alnum && !word)
            n++;
        /* (a joiner after a word keeps it open: what follows continues it) */
        bool joiner = cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2010 || cp == 0x2011;
        word = alnum || (word && joiner);
    }
    return n;
}
