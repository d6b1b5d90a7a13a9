/*
 * layout.c - plain text as scraped from a web page: which lines are the article, which
 * are the headline, date line and byline, and which are page furniture (menus, share
 * buttons, view counters, comment forms, copyright lines, teasers of other stories).
 *
 * The article body is found as the run of lines with the best total score, where prose
 * lines (long, ending in sentence punctuation, with a normal share of function words)
 * score by their length and everything else costs a little, furniture a lot.  This is
 * the line-level form of the text-density idea used by web-page boilerplate removers: it
 * needs no per-site rules, tolerates a stray short line inside the article, and stops at
 * the menus and widgets that surround it.  The headline is then chosen among the lines
 * above the body by how much it shares with the lead and how headline-like it reads;
 * dates, bylines, the outlet's signature line and credits are read around it.
 */
#define _GNU_SOURCE /* memmem */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"
#include "../util/strmap.h"
#include "ingest.h"
#include "meta.h"

typedef enum line_kind {
    LK_OTHER = 0,
    LK_PROSE,
    LK_HEADLINE,
    LK_DATE,
    LK_BYLINE,
    LK_FURNITURE,
    LK_SHORT_SENTENCE
} line_kind;

typedef struct line {
    uint32_t start, end; /* trimmed */
    uint16_t words, func, caps_content, content;
    bool terminal;
    bool furniture;
    bool copyright;
    bool date;
    bool byline;
    bool has_quote;
    bool report_verb; /* " report..." or " learned..." in it (see self_references) */
    bool counted;     /* content and caps_content made (see count_words) */
    uint16_t repeats;
    line_kind kind;
    qd_para_role role;
    int weight;
    char iso[QD_DATE_MAX];
} line;

typedef struct layout {
    qd_doc *doc;
    const qd_lexicon *lx;
    line *lines;
    uint32_t n, cap;
    qd_error *err;
    char *tok; /* a token's normal form, as long as the longest line allows (line_features) */
} layout;

/* ---- lines ------------------------------------------------------------------- */

static bool is_space_at(const char *s, size_t len, size_t i, int *k)
{
    uint32_t cp;
    *k = qd_utf8_decode(s, len, i, &cp);
    return qd_cp_is_space(cp);
}

static int add_line(layout *L, uint32_t a, uint32_t b)
{
    const char *s = L->doc->text;
    int k;
    while (a < b && is_space_at(s, L->doc->len, a, &k))
        a += (uint32_t)k;
    while (b > a) {
        size_t p = qd_utf8_prev(s, b);
        if (!is_space_at(s, L->doc->len, p, &k))
            break;
        b = (uint32_t)p;
    }
    if (a >= b)
        return 1; /* blank */
    line *ln = QD_VEC_PUSH(&L->doc->in->arena, L->lines, L->n, L->cap);
    if (!ln)
        return qd_error_set(L->err, QD_ENOMEM, "%s: out of memory", L->doc->path);
    ln->start = a;
    ln->end = b;
    return 0;
}

static bool ends_terminal(const char *s, uint32_t a, uint32_t b)
{
    /* skip closing quotes and brackets */
    while (b > a) {
        size_t p = qd_utf8_prev(s, b);
        uint32_t cp;
        qd_utf8_decode(s, b, p, &cp);
        qd_qmark q = qd_cp_quote_mark(cp);
        if (q == QD_QM_DOUBLE_CLOSE || q == QD_QM_DOUBLE_STRAIGHT || q == QD_QM_SINGLE_CLOSE ||
            cp == ')' || cp == ']' || cp == '*') {
            b = (uint32_t)p;
            continue;
        }
        /* a line cut short with an ellipsis is a teaser, not a finished sentence */
        if (cp == 0x2026 || (cp == '.' && b - a >= 3 && s[b - 2] == '.' && s[b - 3] == '.'))
            return false;
        return cp == '.' || cp == '!' || cp == '?' || cp == ':';
    }
    return false;
}

/* Lines of one paragraph hard-wrapped at a fixed width are joined back. */
static int split_lines(layout *L)
{
    const char *s = L->doc->text;
    uint32_t len = (uint32_t)L->doc->len;
    uint32_t i = 0;
    /* raw lines first */
    typedef struct {
        uint32_t a, b;
        bool blank_before;
    } raw;
    raw *r = NULL;
    uint32_t nr = 0, cr = 0;
    bool blank = true;
    while (i <= len) {
        const char *nl = i < len ? memchr(s + i, '\n', len - i) : NULL;
        uint32_t j = nl ? (uint32_t)(nl - s) : len;
        uint32_t a = i, b = j;
        int k;
        while (a < b && is_space_at(s, len, a, &k))
            a += (uint32_t)k;
        if (a < b) {
            raw *x = QD_VEC_PUSH(&L->doc->in->arena, r, nr, cr);
            if (!x)
                return qd_error_set(L->err, QD_ENOMEM, "%s: out of memory", L->doc->path);
            x->a = i;
            x->b = j;
            x->blank_before = blank;
            blank = false;
        } else {
            blank = true;
        }
        i = j + 1;
    }
    /* join hard-wrapped blocks: consecutive lines where a long line runs on into a line
     * starting in lower case */
    for (uint32_t x = 0; x < nr;) {
        uint32_t y = x + 1;
        while (y < nr && !r[y].blank_before) {
            uint32_t plen = r[y - 1].b - r[y - 1].a;
            uint32_t c0;
            uint32_t a = r[y].a;
            int k;
            while (a < r[y].b && is_space_at(s, len, a, &k))
                a += (uint32_t)k;
            qd_utf8_decode(s, len, a, &c0);
            /* a long line that stops mid-sentence runs on into the next one */
            char lastc = s[r[y - 1].b > r[y - 1].a ? r[y - 1].b - 1 : r[y - 1].a];
            while (r[y - 1].b > r[y - 1].a && (lastc == ' ' || lastc == '\r'))
                lastc = s[--r[y - 1].b - 1];
            bool mid_sentence = (lastc >= 'a' && lastc <= 'z') || lastc == ',' || (unsigned char)lastc >= 0x80;
            bool runs_on = plen >= 50 && plen <= 150 && !ends_terminal(s, r[y - 1].a, r[y - 1].b) &&
                           (qd_cp_is_lower(c0) || mid_sentence);
            if (!runs_on)
                break;
            y++;
        }
        int rc = add_line(L, r[x].a, r[y - 1].b);
        if (rc < 0)
            return rc;
        x = y;
    }
    return 0;
}

/* A line of fewer words said twice or more on a page is furniture ("Share", "Read
 * more", a repeated headline of another story). */
#define REPEAT_MAX_WORDS 10

/* ---- features ---------------------------------------------------------------- */

/* Each line is read once, token by token (a token: the characters between two spaces),
 * and its normal form (qd_utf8_normalize: lower case, folded quotes and dashes, single
 * spaces) is made only where it is compared whole: short lines (repeats, contains
 * phrases) and the head of the others when a line or prefix phrase may start it.  The
 * normal form of a line is that of its tokens joined by single spaces, and a token of
 * ASCII bytes is its own normal form but for the case, so most tokens are read in
 * place; only tokens with other bytes are normalised, one at a time. */

/* The high bit of each of the 8 bytes at p that is a space or a control (<= ' ') or
 * not ASCII (>= 0x80); 0 if none.  Only the lowest such byte is sure to be marked (a
 * byte below ' ' borrows from the next), and it is the only one token_end looks at. */
static inline uint64_t stop_bytes8(const char *p)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t x;
    memcpy(&x, p, 8);
    return (((x - ones * 0x21) & ~x) | x) & highs;
}

/* End of the token that starts at i: the first space (qd_cp_is_space) from i on, or
 * end.  *ascii is cleared when the token holds a byte >= 0x80. */
static uint32_t token_end(const char *s, uint32_t i, uint32_t end, bool *ascii)
{
    while (i < end) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        if (i + 8 <= end) {
            uint64_t stop = stop_bytes8(s + i);
            if (!stop) {
                i += 8;
                continue;
            }
            i += (uint32_t)__builtin_ctzll(stop) >> 3;
            if (s[i] == ' ')
                return i;
        }
#endif
        unsigned char c = (unsigned char)s[i];
        if (c > ' ' && c < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        int k = qd_utf8_decode(s, end, i, &cp);
        if (qd_cp_is_space(cp))
            return i;
        if (c >= 0x80)
            *ascii = false;
        i += (uint32_t)k;
    }
    return end;
}

/* ASCII bytes that are no letter or digit (what isalnum() says of ASCII in any locale):
 * a table, as every token asks it of the bytes at its edges. */
static const unsigned char punct_table[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
    /* bytes >= 0x80: 0 */
};

static inline bool ascii_punct(unsigned char c)
{
    return punct_table[c];
}

/* The trailing characters a whole-line furniture phrase is compared without
 * ("What are you looking for ?"): ' ', '?', '!', ':' and '.', all below 64. */
static inline bool trailing_punct(unsigned char c)
{
    const uint64_t set = (1ull << ' ') | (1ull << '?') | (1ull << '!') | (1ull << ':') | (1ull << '.');
    return c < 64 && ((set >> c) & 1);
}

/* The n ASCII bytes at s lower-cased into out, NUL-terminated. */
static void lower_ascii(const char *s, size_t n, char *out)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        x = qd_ascii_lower8(x);
        memcpy(out + i, &x, 8);
    }
    for (; i < n; i++)
        out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    out[n] = '\0';
}

/* The 1 <= n <= 8 bytes at p packed as a half of a qd_packed_word, ASCII capitals
 * lower-cased when `lower`; the 8 bytes from p are read at once when they lie before
 * limit. */
static inline uint64_t pack_word(const char *p, size_t n, const char *limit, bool lower)
{
    uint64_t x = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (p + 8 <= limit) {
        memcpy(&x, p, 8);
        x &= ~0ull >> (64 - 8 * n);
    } else
#endif
    {
        (void)limit;
        for (size_t k = 0; k < n; k++)
            x |= (uint64_t)(unsigned char)p[k] << (8 * k);
    }
    return lower ? qd_ascii_lower8(x) : x;
}

/* Is the word w (n bytes) a function word?  `raw`: w is ASCII text still to be
 * lower-cased (scratch holds n bytes), else it is in normal form already. */
static inline bool function_word(const layout *L, const char *w, size_t n, bool raw, char *scratch)
{
    const qd_lexicon *lx = L->lx;
    if (n > lx->function_max_len)
        return false;
    if (n <= QD_PACKED_MAX) {
        const char *limit = raw ? L->doc->text + L->doc->len : w; /* (tok: byte by byte) */
        uint64_t lo = pack_word(w, n < 8 ? n : 8, limit, raw);
        uint64_t hi = n > 8 ? pack_word(w + 8, n - 8, limit, raw) : 0;
        return qd_lex_function_word_packed(lx, lo, hi, n);
    }
    if (raw) {
        for (size_t k = 0; k < n; k++)
            scratch[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
        w = scratch;
    }
    return qd_lex_function_word(lx, w, n);
}

static inline bool ascii_letter(char c)
{
    return (unsigned)(((unsigned char)c | 32) - 'a') < 26u;
}

/* The first byte from i on (end if none) that is an ASCII letter (or digit, with
 * `digits`) when `in`, that is none when not: the end of a run of them or of others,
 * eight bytes at a time. */
static inline uint32_t ascii_edge(const char *s, uint32_t i, uint32_t end, bool digits, bool in)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull, low7 = ~highs;
    for (; i + 8 <= end; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t l = (x | ones * 0x20) & low7, x7 = x & low7; /* (no byte carries into the next) */
        uint64_t match = (l + ones * (0x80 - 'a')) & ~(l + ones * (0x80 - 'z' - 1));
        if (digits)
            match |= (x7 + ones * (0x80 - '0')) & ~(x7 + ones * (0x80 - '9' - 1));
        match &= ~x & highs; /* (bytes >= 0x80 are neither) */
        uint64_t m = in ? match : ~match & highs;
        if (m)
            return i + ((uint32_t)__builtin_ctzll(m) >> 3);
    }
#endif
    for (; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        bool is = ascii_letter((char)c) || (digits && (unsigned)(c - '0') < 10u);
        if (is == in)
            break;
    }
    return i;
}

/* Is the line furniture?  norm: its normal form, n bytes long (m without trailing
 * spaces and " ?!:."), of which at least the first min(n, furniture_head_max) bytes are
 * made, all of them when n < 160. */
static bool furniture_match(const qd_lexicon *lx, const char *norm, size_t n, size_t m)
{
    unsigned char c0 = (unsigned char)norm[0];
    bool whole = m <= lx->furniture_line_max;
    bool prefix = (lx->furniture_prefix_first[c0 >> 6] >> (c0 & 63)) & 1;
    /* contains phrases only in short lines: a long paragraph mentioning "cookies" is prose */
    bool contains = n < 160 && lx->furniture_contains;
    if (!whole && !prefix && !contains)
        return false;
    /* the bytes a contains phrase may start with: those at the start of the line or
     * after a byte that is no letter or digit (the phrase's left edge), and (hashed to
     * one of 64 bits) the pairs of bytes there */
    uint64_t starts[4] = {0, 0, 0, 0}, pairs = 0;
    for (size_t p = 0; contains && p < n;) {
        unsigned char c = (unsigned char)norm[p];
        starts[c >> 6] |= (uint64_t)1 << (c & 63);
        pairs |= (uint64_t)1 << (((unsigned)c * 7 + (unsigned char)norm[p + 1]) & 63);
        /* the next word start: past this byte, a run of letters and digits, and one more */
        p++;
        if (c < 0x80 && !ascii_punct(c)) {
            p = ascii_edge(norm, (uint32_t)p, (uint32_t)n, true, false);
            p += p < n;
        }
    }
    for (uint32_t i = 0; whole && i < lx->n_furniture_kind[QD_FURN_LINE]; i++) {
        const qd_furniture *f = &lx->furniture[lx->furniture_kind[QD_FURN_LINE][i]];
        size_t fl = f->len;
        if ((fl == m && memcmp(norm, f->phrase, fl) == 0) || (fl == n && memcmp(norm, f->phrase, fl) == 0))
            return true;
    }
    for (uint32_t i = 0; prefix && i < lx->n_furniture_kind[QD_FURN_PREFIX]; i++) {
        const qd_furniture *f = &lx->furniture[lx->furniture_kind[QD_FURN_PREFIX][i]];
        if (n >= f->len && memcmp(norm, f->phrase, f->len) == 0)
            return true;
    }
    for (uint32_t i = 0; contains && i < lx->n_furniture_kind[QD_FURN_CONTAINS]; i++) {
        const qd_furniture *f = &lx->furniture[lx->furniture_kind[QD_FURN_CONTAINS][i]];
        size_t fl = f->len;
        unsigned char f0 = (unsigned char)f->phrase[0], f1 = fl > 1 ? (unsigned char)f->phrase[1] : 0;
        if (fl > n || (fl > 0 && !((starts[f0 >> 6] >> (f0 & 63)) & 1)) ||
            (fl > 1 && !((pairs >> (((unsigned)f0 * 7 + f1) & 63)) & 1)))
            continue;
        const char *p = norm;
        while ((p = strstr(p, f->phrase)) != NULL) {
            bool left = p == norm || !isalnum((unsigned char)p[-1]);
            bool right = !isalnum((unsigned char)p[fl]);
            if (left && right)
                return true;
            p++;
        }
    }
    return false;
}

/* A token of a line: its bytes [ts, te) and its normal form t[0..tl) (the text itself
 * when ascii, but for the case, else in the token buffer); next: where the next one
 * starts; single: one ASCII space before it (or the line's end). */
typedef struct token {
    uint32_t ts, te, next;
    const char *t;
    size_t tl;
    bool ascii, single;
} token;

/* The token at i (< ln->end), its normal form in tok when not ASCII. */
static inline void read_token(const layout *L, const line *ln, uint32_t i, char *tok, token *k)
{
    const char *s = L->doc->text;
    k->ascii = true;
    k->ts = i;
    k->te = token_end(s, i, ln->end, &k->ascii);
    /* the next token: after one ASCII space (nearly always), or a run of spaces */
    k->next = k->te;
    k->single = true;
    if (k->te < ln->end) {
        unsigned char after = (unsigned char)s[k->te + 1]; /* (a line ends in no space) */
        if (s[k->te] == ' ' && after > ' ' && after < 0x80) {
            k->next = k->te + 1;
        } else {
            int sk;
            k->single = false;
            while (k->next < ln->end && is_space_at(s, ln->end, k->next, &sk))
                k->next += (uint32_t)sk;
        }
    }
    k->t = s + k->ts;
    k->tl = k->te - k->ts;
    if (!k->ascii) {
        k->tl = qd_utf8_normalize(k->t, k->tl, tok, 4 * k->tl + 1);
        k->t = tok;
    }
}

/* The word of a token: its normal form without the punctuation around it, [*a, *b). */
static inline bool token_word(const token *k, size_t *a, size_t *b)
{
    size_t x = 0, y = k->tl;
    while (x < y && ascii_punct((unsigned char)k->t[x]))
        x++;
    while (y > x && ascii_punct((unsigned char)k->t[y - 1]))
        y--;
    *a = x;
    *b = y;
    return y > x;
}

/* A line's function words, and its content words (four bytes or more, not function
 * words) with how many of them are capitalised.  tok: the token buffer (see
 * line_features). */
static void count_words(const layout *L, line *ln, char *tok)
{
    const char *s = L->doc->text;
    unsigned words = 0, func = 0, content = 0, caps = 0;
    uint32_t raw = ln->start; /* see below */
    ln->counted = true;
    for (uint32_t i = ln->start; i < ln->end;) {
        token k;
        read_token(L, ln, i, tok, &k);
        i = k.next;
        size_t a, b;
        if (token_word(&k, &a, &b)) {
            words++;
            if (function_word(L, k.t + a, b - a, k.ascii, tok)) {
                func++;
            } else if (b - a >= 4) {
                content++;
                /* Its case is read at `raw`, a cursor that moves to the first letter or
                 * digit from where it is, and past the next space after each token.  It
                 * is at the token's start but after a run of spaces, which it takes as
                 * one token each, or after a content word without letters or digits;
                 * that is how the case has always been read, so it stays. */
                uint32_t cp0;
                unsigned char c = (unsigned char)s[k.ts];
                if (raw == k.ts && ((unsigned)(c - '0') < 10u || (unsigned)((c | 32) - 'a') < 26u)) {
                    cp0 = c;
                } else {
                    while (raw < ln->end) {
                        uint32_t cp;
                        int kk = qd_utf8_decode(s, ln->end, raw, &cp);
                        if (qd_cp_is_letter(cp) || qd_cp_is_digit(cp))
                            break;
                        raw += (uint32_t)kk;
                    }
                    qd_utf8_decode(s, ln->end, raw, &cp0);
                }
                if (qd_cp_is_upper(cp0) || qd_cp_is_digit(cp0))
                    caps++;
            }
        }
        /* raw past the next space: from within the token, past the space after it */
        if (raw >= k.ts && raw <= k.te) {
            uint32_t cp;
            raw = k.te < ln->end ? k.te + (uint32_t)qd_utf8_decode(s, ln->end, k.te, &cp) : ln->end;
        } else {
            while (raw < ln->end) {
                unsigned char c = (unsigned char)s[raw];
                if (c > ' ' && c < 0x80) {
                    raw++;
                    continue;
                }
                uint32_t cp;
                int kk = qd_utf8_decode(s, ln->end, raw, &cp);
                raw += (uint32_t)kk;
                if (qd_cp_is_space(cp))
                    break;
            }
        }
    }
    /* (the fields have 16 bits: a count past 65535 wraps, as it always has) */
    ln->func = (uint16_t)func;
    ln->content = (uint16_t)content;
    ln->caps_content = (uint16_t)caps;
}

/* Lines of this many words or more are prose when one word in eight is a function
 * word (see classify), and are asked nothing else of their words unless chosen among
 * the title candidates (title_case). */
#define PROSE_ONLY_WORDS 25

/* Is one word in eight of the line a function word?  The count stops as soon as it is,
 * *func then a lower bound (enough for every question classify asks of it). */
static bool prose_function_words(const layout *L, const line *ln, char *tok, unsigned *func)
{
    *func = 0;
    for (uint32_t i = ln->start; i < ln->end;) {
        token k;
        read_token(L, ln, i, tok, &k);
        i = k.next;
        size_t a, b;
        if (token_word(&k, &a, &b) && function_word(L, k.t + a, b - a, k.ascii, tok) &&
            ++*func * 8 >= ln->words)
            return true;
    }
    return false;
}

/* What the first pass over a line finds (line_features). */
typedef struct line_scan {
    unsigned words;
    size_t nl, m;        /* normal form's length, and without trailing " ?!:." */
    unsigned char c0;    /* its first byte */
    bool plain;          /* ASCII tokens between single spaces: the normal form is the
                          * line lower-cased */
    bool any_double;     /* a double quotation mark in the normal form */
    bool copyright;      /* "(c) 20" or a copyright sign in it */
    bool report_verb;
} line_scan;

/* How many bytes of a mask of high bits are marked (a popcount without the
 * instruction, which the build does not assume). */
static inline unsigned count8(uint64_t mask)
{
    return (unsigned)(((mask >> 7) * 0x0101010101010101ull) >> 56);
}

/* The high bit of each byte of x that equals c (x ASCII). */
static inline uint64_t eq8(uint64_t x, unsigned char c)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full, highs = 0x8080808080808080ull;
    uint64_t y = x ^ (0x0101010101010101ull * c);
    return ~(((y & low7) + low7) | y) & highs;
}

/* The first pass over a line of ASCII bytes, eight at a time: the tokens start where
 * a byte that is no space follows a space, a token is a word when it has a letter or
 * digit (nearly always its first byte), and the normal form is the line with its runs of
 * spaces made one.  false when the line has other bytes or controls that are no spaces
 * (for scan_tokens); ls may then hold findings of the blocks before the control, which
 * the caller drops. */
static bool scan_ascii_line(const char *s, uint32_t start, uint32_t end, line_scan *ls)
{
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
    /* (the bit positions below count the first byte as the lowest, and the GCC builtin
     * that finds them is there only with the macros that tell the byte order) */
    (void)s, (void)start, (void)end, (void)ls;
    return false;
#else
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    /* bytes >= 0x80 first: one late in the line would waste the work below */
    uint64_t any = 0;
    uint32_t i = start;
    for (; i + 8 <= end; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        any |= x;
    }
    for (; i < end; i++)
        any |= (unsigned char)s[i];
    if (any & highs)
        return false;
    bool parens = memchr(s + start, ')', end - start) != NULL;
    unsigned spaces = 0, runs = 0, words = 0;
    /* high bit: the byte before the block's first is a space (the line's first byte
     * starts a token), a ' ' (no " report" at the line's start) */
    uint64_t prev_space = 0x80, prev_blank = 0;
    bool other_space = false;
    for (i = start; i < end; i += 8) {
        uint64_t x = 0, valid = ~0ull;
        if (end - i >= 8) {
            memcpy(&x, s + i, 8);
        } else {
            for (uint32_t b = 0; b < end - i; b++)
                x |= (uint64_t)(unsigned char)s[i + b] << (8 * b);
            valid >>= 64 - 8 * (end - i);
        }
        /* (the sums below cannot borrow from the next byte: each byte is 0x80 or more) */
        uint64_t space = ~((x | highs) - ones * 0x21) & highs & valid; /* <= ' ' */
        uint64_t ctrl = ~((x | highs) - ones * 0x20) & highs & valid;  /* < ' ' */
        if (ctrl) {
            uint64_t tab_to_cr = (x + ones * (0x80 - '\t')) & ~(x + ones * (0x80 - '\r' - 1)) & highs;
            if (ctrl & ~tab_to_cr)
                return false; /* a control that is no space: part of a token */
            other_space = true;
        }
        uint64_t blank = space & ~ctrl; /* ' ' */
        uint64_t before = (space << 8) | prev_space;  /* the byte before is a space */
        uint64_t tstart = ~space & highs & valid & before;
        spaces += count8(space);
        runs += count8(space & ~before);
        /* tokens starting with a letter or digit are words; the others are looked at */
        uint64_t lower = x | (ones * 0x20);
        uint64_t letter = (lower + ones * (0x80 - 'a')) & ~(lower + ones * (0x80 - 'z' - 1));
        uint64_t digit = (x + ones * (0x80 - '0')) & ~(x + ones * (0x80 - '9' - 1));
        uint64_t alnum = (letter | digit) & highs;
        words += count8(tstart & alnum);
        for (uint64_t odd = tstart & ~alnum; odd; odd &= odd - 1) {
            uint32_t p = i + ((uint32_t)__builtin_ctzll(odd) >> 3);
            while (p < end && ascii_punct((unsigned char)s[p]) && !qd_cp_is_space((unsigned char)s[p]))
                p++;
            words += p < end && !qd_cp_is_space((unsigned char)s[p]);
        }
        /* " report..." and " learned...": see self_references */
        uint64_t after_blank = (blank << 8) | prev_blank;
        for (uint64_t rl = (eq8(x, 'r') | eq8(x, 'l')) & after_blank; rl; rl &= rl - 1) {
            uint32_t p = i + ((uint32_t)__builtin_ctzll(rl) >> 3);
            if ((p + 6 <= end && memcmp(s + p, "report", 6) == 0) || (p + 7 <= end && memcmp(s + p, "learned", 7) == 0))
                ls->report_verb = true;
        }
        /* "(c) 20": a token ending in "(c)", the next starting with "20" */
        for (uint64_t par = parens ? eq8(x, ')') : 0; par; par &= par - 1) {
            uint32_t p = i + ((uint32_t)__builtin_ctzll(par) >> 3);
            if (p < start + 2 || s[p - 2] != '(' || (s[p - 1] | 0x20) != 'c' || p + 1 >= end ||
                !qd_cp_is_space((unsigned char)s[p + 1]))
                continue;
            uint32_t q = p + 1;
            while (q < end && qd_cp_is_space((unsigned char)s[q]))
                q++;
            if (q + 1 < end && s[q] == '2' && s[q + 1] == '0')
                ls->copyright = true;
        }
        prev_space = (space >> 56) & 0x80;
        prev_blank = (blank >> 56) & 0x80;
    }
    ls->words = words;
    ls->nl = (end - start) - spaces + runs;
    ls->plain = !other_space && spaces == runs;
    ls->c0 = (unsigned char)(s[start] >= 'A' && s[start] <= 'Z' ? s[start] + 32 : s[start]);
    /* the trailing " ?!:." (the line ends in no space) */
    uint32_t p = end, tail_spaces = 0, tail_runs = 0;
    while (p > start && (trailing_punct((unsigned char)s[p - 1]) || qd_cp_is_space((unsigned char)s[p - 1]))) {
        if (qd_cp_is_space((unsigned char)s[p - 1])) { /* (then p - 2 >= start) */
            tail_spaces++;
            tail_runs += !qd_cp_is_space((unsigned char)s[p - 2]);
        }
        p--;
    }
    ls->m = p == start ? 0 : (p - start) - (spaces - tail_spaces) + (runs - tail_runs);
    return true;
#endif
}

/* The first pass over a line token by token, for lines with bytes other than ASCII. */
static void scan_tokens(const layout *L, const line *ln, char *tok, line_scan *ls)
{
    const char *s = L->doc->text;
    bool after_c = false; /* the token before ends in "(c)" */
    size_t nl1 = 0;       /* the normal form's length + 1 */
    ls->plain = true;
    for (uint32_t i = ln->start; i < ln->end;) {
        token k;
        read_token(L, ln, i, tok, &k);
        i = k.next;
        const char *t = k.t;
        size_t tl = k.tl;
        ls->plain = ls->plain && k.ascii && k.single;
        /* "... Caliber.Az reports": see self_references */
        if ((s[k.ts] == 'r' || s[k.ts] == 'l') && k.ts > ln->start && s[k.ts - 1] == ' ' &&
            ((k.te - k.ts >= 6 && memcmp(s + k.ts, "report", 6) == 0) ||
             (k.te - k.ts >= 7 && memcmp(s + k.ts, "learned", 7) == 0)))
            ls->report_verb = true;
        if (!k.ascii) {
            ls->any_double = ls->any_double || memchr(t, '"', tl) != NULL;
            for (const char *c = t; !ls->copyright && (c = memchr(c, 0xC2, tl - (size_t)(c - t))) != NULL; c++)
                ls->copyright = c + 1 < t + tl && (unsigned char)c[1] == 0xA9; /* U+00A9 */
        }
        if (k.ts == ln->start)
            ls->c0 = (unsigned char)(t[0] >= 'A' && t[0] <= 'Z' ? t[0] + 32 : t[0]);
        size_t off = nl1;
        nl1 = off + tl + 1;
        unsigned char last = (unsigned char)t[tl - 1];
        if (!trailing_punct(last)) {
            ls->m = off + tl;
        } else {
            size_t j = tl - 1;
            while (j > 0 && trailing_punct((unsigned char)t[j - 1]))
                j--;
            if (j > 0)
                ls->m = off + j;
        }
        /* "(c) 20" anywhere in the normal form */
        if (after_c) {
            ls->copyright = ls->copyright || (tl >= 2 && t[0] == '2' && t[1] == '0');
            after_c = false;
        }
        if (last == ')' && tl >= 3 && (t[tl - 2] | 0x20) == 'c' && t[tl - 3] == '(')
            after_c = true;
        size_t a, b;
        ls->words += token_word(&k, &a, &b);
    }
    ls->nl = nl1 - 1;
}

/* The line's features.  norm and tok hold 4 * (line length) + 1 bytes each; on return
 * norm holds the line's normal form, whole when the line has fewer than
 * REPEAT_MAX_WORDS words, and *normlen its length. */
static void line_features(layout *L, line *ln, char *norm, char *tok, size_t *normlen)
{
    const char *s = L->doc->text;
    const qd_lexicon *lx = L->lx;
    uint32_t n = ln->end - ln->start;
    ln->terminal = ends_terminal(s, ln->start, ln->end);
    /* a straight double quote is a quote; other marks fold to one in the normal form */
    bool straight = memchr(s + ln->start, '"', n) != NULL;
    line_scan ls = {.any_double = straight};
    if (!scan_ascii_line(s, ln->start, ln->end, &ls)) {
        ls = (line_scan){.any_double = straight};
        scan_tokens(L, ln, tok, &ls);
    }
    /* (the field has 16 bits: a count past 65535 wraps, as it always has) */
    ln->words = (uint16_t)ls.words;
    ln->report_verb = ls.report_verb;
    unsigned func;
    /* (past 65535 words the counts wrap, and only counting them all says what they wrap to) */
    if (ls.words >= PROSE_ONLY_WORDS && ls.words <= UINT16_MAX && prose_function_words(L, ln, tok, &func))
        ln->func = (uint16_t)func; /* content and caps_content: not counted */
    else
        count_words(L, ln, tok);
    ln->has_quote = straight;
    for (uint32_t i = ln->start; ls.any_double && !ln->has_quote && i < ln->end;) {
        uint32_t cp;
        int k = qd_utf8_decode(s, ln->end, i, &cp);
        ln->has_quote = cp == '"' || qd_cp_quote_mark(cp) == QD_QM_DOUBLE_OPEN;
        i += (uint32_t)k;
    }

    /* The normal form: whole for short lines (repeats, contains phrases); else its head,
     * when a line or prefix phrase or "copyright" may start it. */
    size_t nl = ls.nl, m = ls.m;
    unsigned char c0 = ls.c0;
    bool whole = ln->words < REPEAT_MAX_WORDS || nl < 160;
    bool head = m <= lx->furniture_line_max || c0 == 'c' ||
                ((lx->furniture_prefix_first[c0 >> 6] >> (c0 & 63)) & 1);
    *normlen = 0;
    ln->copyright = ls.copyright;
    if (!whole && !head)
        return; /* no furniture phrase can match (see furniture_match) */
    size_t cap = 4 * (size_t)n + 1;
    if (!whole) {
        size_t h = (lx->furniture_head_max > 9 ? lx->furniture_head_max : 9) + 8;
        if (h < cap)
            cap = h;
    }
    if (ls.plain) {
        *normlen = cap - 1 < n ? cap - 1 : n;
        lower_ascii(s + ln->start, *normlen, norm);
    } else {
        *normlen = qd_utf8_normalize(s + ln->start, n, norm, cap);
    }
    ln->furniture = furniture_match(lx, norm, nl, m);
    ln->copyright = ls.copyright || strncmp(norm, "copyright", 9) == 0;
}

/* Dates and bylines: read only in lines of ten words or fewer. */
static void line_meta(layout *L, line *ln)
{
    const char *s = L->doc->text;
    uint32_t n = ln->end - ln->start;
    if (ln->words > 10)
        return;
    size_t ms, me;
    if (qd_find_date(s + ln->start, n, ln->iso, &ms, &me)) {
        /* a date line is mostly its date: "06 December 2024 11:19" */
        size_t rest = n - (me - ms);
        ln->date = rest * 2 < n || ln->words <= 5;
        if (!ln->date)
            ln->iso[0] = '\0';
    }
    char by[256];
    ln->byline = qd_parse_byline(s + ln->start, n, by, sizeof(by));
}

/* Most content words capitalised.  A long line whose function words were counted only
 * as far as prose needs (prose_function_words) is counted whole here, the first time
 * it is asked. */
static bool title_case(layout *L, line *ln)
{
    if (!ln->counted)
        count_words(L, ln, L->tok);
    return ln->content >= 2 && ln->caps_content * 4 >= ln->content * 3;
}

static void classify(layout *L, line *ln)
{
    if (ln->furniture || ln->copyright)
        ln->kind = LK_FURNITURE;
    else if (ln->repeats >= 2 && ln->words < REPEAT_MAX_WORDS)
        ln->kind = LK_FURNITURE;
    else if (ln->date)
        ln->kind = LK_DATE;
    else if (ln->byline)
        ln->kind = LK_BYLINE;
    else if (ln->words >= 6 && (ln->terminal || ln->words >= 25) && ln->func * 8 >= ln->words &&
             !(ln->words < 20 && title_case(L, ln)))
        ln->kind = LK_PROSE;
    else if (ln->words >= 3 && title_case(L, ln))
        ln->kind = LK_HEADLINE;
    else if ((ln->terminal && (ln->func >= 1 || ln->has_quote) && ln->words >= 2) || (ln->has_quote && ln->words >= 3))
        ln->kind = LK_SHORT_SENTENCE; /* (a quote with its speaker after a dash counts) */
    else
        ln->kind = LK_OTHER;
    switch (ln->kind) {
    case LK_PROSE: ln->weight = ln->words > 40 ? 40 : ln->words; break;
    case LK_SHORT_SENTENCE: ln->weight = 1; break;
    case LK_HEADLINE: ln->weight = -8; break;
    case LK_DATE:
    case LK_BYLINE: ln->weight = -3; break;
    case LK_FURNITURE: ln->weight = -6; break;
    case LK_OTHER: ln->weight = -2; break;
    }
}

/* ---- outlet evidence ---------------------------------------------------------- */

typedef struct outlet_vote {
    char name[96];
    const char *how;
    int weight, best;
} outlet_vote;

typedef struct votes {
    outlet_vote v[16];
    int n;
} votes;

static void vote(votes *V, const qd_lexicon *lx, const char *name, size_t n, const char *how, int w)
{
    while (n > 0 && (name[n - 1] == '.' || name[n - 1] == ',' || name[n - 1] == ' '))
        n--;
    while (n > 0 && name[0] == ' ') {
        name++;
        n--;
    }
    if (n == 0 || n >= 96)
        return;
    const qd_outlet *o = qd_find_outlet(lx, name, n, false);
    char canon[96];
    if (o)
        snprintf(canon, sizeof(canon), "%s", o->name);
    else
        snprintf(canon, sizeof(canon), "%.*s", (int)n, name);
    for (int i = 0; i < V->n; i++) {
        if (strcasecmp(V->v[i].name, canon) == 0) {
            V->v[i].weight += w;
            if (w > V->v[i].best) {
                V->v[i].best = w;
                V->v[i].how = how;
            }
            /* prefer the spelling the lexicon gives, else the first seen */
            return;
        }
    }
    if (V->n == 16)
        return;
    outlet_vote *x = &V->v[V->n++];
    snprintf(x->name, sizeof(x->name), "%s", canon);
    x->how = how;
    x->weight = w;
    x->best = w;
}

/* A short line that reads as a name: "Caliber.Az", "News i", "The Limited Times". */
static bool name_like(const layout *L, const line *ln)
{
    if (ln->words == 0 || ln->words > 4 || ln->end - ln->start > 40 || ln->terminal)
        return false;
    const char *s = L->doc->text;
    uint32_t cp;
    qd_utf8_decode(s, ln->end, ln->start, &cp);
    if (!qd_cp_is_upper(cp))
        return false;
    for (uint32_t i = ln->start; i < ln->end; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ':' || c == ',' || c == '!' || c == '?' || c == '|' || isdigit(c))
            return false;
    }
    return ln->func <= 1;
}

/* "..., Caliber.Az reports." / "Caliber.Az reports via TASS": the outlet naming itself. */
static void self_references(layout *L, const line *ln, votes *V)
{
    const char *s = L->doc->text;
    static const char *const verbs[] = {" reports", " reported", " has learned", " learned"};
    /* every verb holds " report" or " learned": most lines have neither (line_features
     * saw it) */
    if (!ln->report_verb)
        return;
    for (size_t v = 0; v < sizeof(verbs) / sizeof(verbs[0]); v++) {
        size_t vl = strlen(verbs[v]);
        /* every occurrence, left to right (memmem rather than a comparison at every
         * byte of every body line) */
        for (uint32_t i = ln->start; i + vl <= ln->end; i++) {
            const char *hit = memmem(s + i, ln->end - i, verbs[v], vl);
            if (!hit)
                break;
            i = (uint32_t)(hit - s);
            uint32_t after = i + (uint32_t)vl;
            if (after < ln->end && isalpha((unsigned char)s[after]))
                continue;
            /* the name before: one token, or up to four capitalised words */
            uint32_t e = i, b = i;
            int words = 0;
            while (b > ln->start && words < 4) {
                uint32_t ws = b;
                while (ws > ln->start && s[ws - 1] != ' ')
                    ws--;
                if (ws == b || !(isupper((unsigned char)s[ws]) || (unsigned char)s[ws] >= 0xC3))
                    break;
                b = ws;
                words++;
                if (b > ln->start)
                    b--; /* the space */
            }
            while (b < e && s[b] == ' ')
                b++;
            if (b >= e)
                continue;
            size_t n = e - b;
            bool via = after + 4 < ln->end && memcmp(s + after, " via", 4) == 0;
            bool clause_end = after >= ln->end || s[after] == '.' || s[after] == ',' || via;
            bool preceded_by_comma = b >= 2 && s[b - 2] == ',';
            int w = 0;
            if (qd_domain_like(s + b, n))
                w = 8;
            else if (via || (clause_end && preceded_by_comma))
                w = 6;
            else if (qd_find_outlet(L->lx, s + b, n, false))
                w = 3; /* "The Post reports that": another outlet as a source, unless corroborated */
            if (w)
                vote(V, L->lx, s + b, n, "self-reference", w);
        }
    }
}

static void copyright_name(layout *L, const line *ln, votes *V)
{
    const char *s = L->doc->text;
    /* take the longest domain-like or known token sequence on the line */
    uint32_t i = ln->start;
    while (i < ln->end) {
        while (i < ln->end && s[i] == ' ')
            i++;
        uint32_t j = i;
        while (j < ln->end && s[j] != ' ')
            j++;
        if (j > i) {
            size_t n = j - i;
            if (qd_domain_like(s + i, n) || qd_find_outlet(L->lx, s + i, n, false))
                vote(V, L->lx, s + i, n, "copyright", 8);
        }
        i = j;
    }
}

/* "Moscow, SANA-", "Source: sena": see qd_credit_in (meta.c). */
static const qd_outlet *credit_in(layout *L, const line *ln, bool dateline_only)
{
    return qd_credit_in(L->lx, L->doc->text + ln->start, ln->end - ln->start, dateline_only);
}

/* ---- title -------------------------------------------------------------------- */

/* The line's words of 4 to 30 ASCII letters that are no function words, lower-cased,
 * a plural 's' taken off. */
static size_t content_words(layout *L, const line *ln, char words[][32], size_t max)
{
    const char *s = L->doc->text;
    size_t n = 0;
    uint32_t i = ln->start;
    while (i < ln->end && n < max) {
        i = ascii_edge(s, i, ln->end, false, true);
        uint32_t j = ascii_edge(s, i, ln->end, false, false);
        size_t wl = j - i;
        if (wl >= 4 && wl < 31 && !function_word(L, s + i, wl, true, words[n])) {
            lower_ascii(s + i, wl, words[n]);
            if (wl > 4 && words[n][wl - 1] == 's')
                words[n][wl - 1] = '\0';
            n++;
        }
        i = j;
    }
    return n;
}

static int choose_title(layout *L, uint32_t body_start, uint32_t body_end)
{
    char lead[120][32];
    size_t nlead = 0;
    bool have_lead = false; /* (made for the first candidate: most pages have none) */
    int best = -1000, best_i = -1;
    int distance = 0;
    for (int i = (int)body_start - 1; i >= 0 && i >= (int)body_start - 15; i--) {
        line *ln = &L->lines[i];
        if (ln->kind == LK_DATE || ln->kind == LK_BYLINE)
            continue;
        if (ln->kind == LK_FURNITURE || ln->words < 3 || ln->words > 40 || credit_in(L, ln, true)) {
            /* (a line opening with a dateline, "Moscow, SANA- ...", is a lead) */
            distance++;
            continue;
        }
        for (uint32_t j = body_start; !have_lead && j <= body_end && j < body_start + 3 && j < L->n; j++)
            nlead += content_words(L, &L->lines[j], lead + nlead, 120 - nlead > 40 ? 40 : 120 - nlead);
        have_lead = true;
        char w[40][32];
        size_t nw = content_words(L, ln, w, 40);
        int overlap = 0;
        for (size_t a = 0; a < nw; a++)
            for (size_t b = 0; b < nlead; b++)
                if (w[a][0] == lead[b][0] && strcmp(w[a], lead[b]) == 0) {
                    overlap++;
                    break;
                }
        int score = overlap * 3 + (title_case(L, ln) ? 2 : 0) + (ln->terminal ? 0 : 1) +
                    (ln->words >= 5 && ln->words <= 16 ? 2 : 0) - 2 * distance;
        if (score > best) {
            best = score;
            best_i = i;
        }
        distance++;
    }
    if (best_i >= 0 && best >= 1)
        return best_i;
    /* no header: a headline-like first body line, or a short first line standing alone
     * as its own paragraph at the top of a longer text ("Trump rips Joe Scarborough.") */
    if (L->n > body_start && L->lines[body_start].kind == LK_HEADLINE)
        return (int)body_start;
    if (body_start == 0 && L->n >= 3) {
        const line *first = &L->lines[0];
        bool alone = L->lines[1].start > first->end + 1; /* a blank line after it */
        uint32_t cp0;
        qd_utf8_decode(L->doc->text, L->doc->len, first->start, &cp0);
        if (alone && first->words >= 2 && first->words <= 20 && !first->has_quote && qd_cp_is_upper(cp0) &&
            L->lines[1].kind == LK_PROSE)
            return 0;
    }
    return -1;
}

/* ---- main ----------------------------------------------------------------------- */

int qd_layout_plain(qd_doc *doc, const qd_options *opt, qd_error *err)
{
    layout L = {doc, doc->in->lx, NULL, 0, 0, err, NULL};
    int rc = split_lines(&L);
    if (rc)
        return rc;
    if (L.n == 0)
        return 0;
    qd_arena *A = &doc->in->arena;

    /* features, and repetition of whole lines within the document */
    size_t maxlen = 0;
    for (uint32_t i = 0; i < L.n; i++)
        if (L.lines[i].end - L.lines[i].start > maxlen)
            maxlen = L.lines[i].end - L.lines[i].start;
    /* a line's normal form, and a token's (see line_features) */
    char *norm = malloc(2 * (4 * maxlen + 1));
    if (!norm)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    L.tok = norm + 4 * maxlen + 1;
    qd_strmap seen;
    qd_strmap_init(&seen, A);
    uint32_t *ids = qd_arena_calloc(A, L.n, sizeof(uint32_t));
    if (!ids) {
        free(norm);
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    }
    /* each line's normalised text gets an id (ids[i]); counts[id] is how many lines
     * have it.  Only short lines are counted: repetition marks furniture only under
     * REPEAT_MAX_WORDS words (classify), and lines with the same normal form have the
     * same number of words, so a longer line's repeats could never matter. */
    uint32_t *counts = qd_arena_calloc(A, L.n + 1, sizeof(uint32_t));
    if (!counts) {
        free(norm);
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    }
    uint32_t n_distinct = 1; /* id 0: a line not counted, repeats 1 */
    counts[0] = 1;
    for (uint32_t i = 0; i < L.n; i++) {
        size_t nl;
        line_features(&L, &L.lines[i], norm, L.tok, &nl);
        line_meta(&L, &L.lines[i]);
        if (L.lines[i].words >= REPEAT_MAX_WORDS) {
            ids[i] = 0;
            continue;
        }
        uint32_t id;
        if (!qd_strmap_get(&seen, norm, nl, &id)) {
            id = n_distinct++;
            if (qd_strmap_put(&seen, norm, nl, id) != 0) {
                free(norm);
                return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
            }
        }
        ids[i] = id;
        counts[id]++;
    }
    for (uint32_t i = 0; i < L.n; i++) {
        line *ln = &L.lines[i];
        uint32_t c = counts[ids[i]];
        ln->repeats = (uint16_t)(c > 65535 ? 65535 : c);
        classify(&L, ln);
    }

    /* the body: best-scoring run of lines (maximum subarray) */
    long best = 0, cur = 0;
    uint32_t bs = 0, be = 0, cs = 0;
    bool found = false;
    for (uint32_t i = 0; i < L.n; i++) {
        if (cur <= 0) {
            cur = 0;
            cs = i;
        }
        cur += L.lines[i].weight;
        if (cur > best) {
            best = cur;
            bs = cs;
            be = i;
            found = true;
        }
    }
    if (!found) {
        /* no prose at all: keep every line that is not furniture */
        bs = 0;
        be = L.n - 1;
    }
    for (uint32_t i = 0; i < L.n; i++) {
        line *ln = &L.lines[i];
        if (i < bs || i > be)
            ln->role = QD_PARA_FURNITURE;
        else if (ln->kind == LK_FURNITURE)
            ln->role = QD_PARA_FURNITURE;
        else if (ln->kind == LK_DATE || ln->kind == LK_BYLINE)
            ln->role = QD_PARA_META;
        else
            ln->role = QD_PARA_BODY;
    }

    /* title */
    int t = choose_title(&L, bs, be);
    free(norm);
    L.tok = NULL; /* (its last use was title_case's, in choose_title) */
    if (t >= 0) {
        line *ln = &L.lines[t];
        ln->role = QD_PARA_TITLE;
        doc->meta.title = qd_arena_strndup(A, doc->text + ln->start, ln->end - ln->start);
        doc->meta.title_span = qd_span_make(ln->start, ln->end);
    }

    /* date: nearest date line to the title or the body start, header first */
    int anchor = t >= 0 && (uint32_t)t < bs ? t : (int)bs;
    int date_line = -1;
    for (int d = 0; d < 12 && date_line < 0; d++) {
        int cand[2] = {anchor + d, anchor - d};
        for (int c = 0; c < 2; c++) {
            int i = cand[c];
            if (i >= 0 && (uint32_t)i < L.n && (i < (int)bs || (uint32_t)i > be || L.lines[i].role == QD_PARA_META) &&
                L.lines[i].kind == LK_DATE && L.lines[i].iso[0]) {
                date_line = i;
                break;
            }
        }
    }
    if (date_line < 0) /* a date line just after the body */
        for (uint32_t i = be + 1; i < L.n && i <= be + 3; i++)
            if (L.lines[i].kind == LK_DATE) {
                date_line = (int)i;
                break;
            }
    if (date_line >= 0) {
        line *ln = &L.lines[date_line];
        ln->role = QD_PARA_META;
        doc->meta.date = qd_arena_strdup(A, ln->iso);
        doc->meta.date_text = qd_arena_strndup(A, doc->text + ln->start, ln->end - ln->start);
    }

    /* byline: the nearest "By ..." line around the body */
    for (uint32_t i = 0; i < L.n; i++) {
        line *ln = &L.lines[i];
        if (ln->kind != LK_BYLINE)
            continue;
        if (i + 20 < bs || i > be + 6)
            continue;
        char by[256];
        if (qd_parse_byline(doc->text + ln->start, ln->end - ln->start, by, sizeof(by))) {
            doc->meta.byline = qd_arena_strdup(A, by);
            ln->role = QD_PARA_META;
            break;
        }
    }

    /* outlet evidence */
    votes V = {.n = 0};
    for (uint32_t i = bs; i <= be && i < L.n; i++)
        if (L.lines[i].role == QD_PARA_BODY)
            self_references(&L, &L.lines[i], &V);
    for (uint32_t i = 0; i < L.n; i++)
        if (L.lines[i].copyright)
            copyright_name(&L, &L.lines[i], &V);
    /* signature: first name-like line after the body (past a byline) */
    for (uint32_t i = be + 1; i < L.n && i <= be + 4; i++) {
        line *ln = &L.lines[i];
        if (ln->kind == LK_BYLINE || ln->kind == LK_DATE)
            continue;
        if (ln->kind == LK_FURNITURE)
            break;
        if (name_like(&L, ln) && !credit_in(&L, ln, false)) {
            vote(&V, L.lx, doc->text + ln->start, ln->end - ln->start, "signature", 10);
            ln->role = QD_PARA_META;
            break;
        }
    }
    /* site name: the first line of the page, when a title follows it */
    for (uint32_t i = 0; i < L.n && (int)i < t; i++) {
        line *ln = &L.lines[i];
        if (ln->kind == LK_FURNITURE || ln->kind == LK_DATE)
            continue;
        if (name_like(&L, ln) && ln->words >= 2) {
            vote(&V, L.lx, doc->text + ln->start, ln->end - ln->start, "site-name", 6);
            ln->role = QD_PARA_META;
        }
        break;
    }
    qd_meta_outlet_from_options(doc, opt);
    if (!doc->meta.outlet) {
        int bi = -1;
        for (int i = 0; i < V.n; i++)
            if (V.v[i].weight >= 6 && (bi < 0 || V.v[i].weight > V.v[bi].weight))
                bi = i;
        if (bi >= 0) {
            doc->meta.outlet = qd_arena_strdup(A, V.v[bi].name);
            doc->meta.outlet_how = V.v[bi].how;
        }
    }

    /* credits: datelines at the top of the body, "Source:" lines around it */
    for (uint32_t i = bs; i <= be && i < bs + 4 && i < L.n && !doc->meta.credit; i++) {
        const qd_outlet *o = credit_in(&L, &L.lines[i], true);
        if (o) {
            doc->meta.credit = o->name;
            if (L.lines[i].words <= 3)
                L.lines[i].role = QD_PARA_META;
        }
    }
    for (uint32_t i = bs; i < L.n && !doc->meta.credit; i++) {
        if (L.lines[i].words > 4)
            continue;
        const qd_outlet *o = credit_in(&L, &L.lines[i], false);
        if (o) {
            doc->meta.credit = o->name;
            L.lines[i].role = QD_PARA_META;
        }
    }
    if (doc->meta.outlet && doc->meta.credit && strcasecmp(doc->meta.outlet, doc->meta.credit) == 0)
        doc->meta.credit = NULL;

    /* paragraphs */
    doc->paragraphs = qd_arena_calloc(A, L.n, sizeof(qd_paragraph));
    if (!doc->paragraphs)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    doc->in->cap_paragraphs = L.n;
    for (uint32_t i = 0; i < L.n; i++) {
        doc->paragraphs[i].span = qd_span_make(L.lines[i].start, L.lines[i].end);
        doc->paragraphs[i].role = L.lines[i].role;
    }
    doc->n_paragraphs = L.n;
    return 0;
}

int qd_layout_body(qd_doc *doc, qd_error *err)
{
    layout L = {doc, doc->in->lx, NULL, 0, 0, err, NULL};
    int rc = split_lines(&L);
    if (rc)
        return rc;
    doc->paragraphs = qd_arena_calloc(&doc->in->arena, L.n ? L.n : 1, sizeof(qd_paragraph));
    if (!doc->paragraphs)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    doc->in->cap_paragraphs = L.n;
    for (uint32_t i = 0; i < L.n; i++) {
        doc->paragraphs[i].span = qd_span_make(L.lines[i].start, L.lines[i].end);
        doc->paragraphs[i].role = QD_PARA_BODY;
    }
    doc->n_paragraphs = L.n;
    return 0;
}

void qd_meta_outlet_from_options(qd_doc *doc, const qd_options *opt)
{
    qd_arena *A = &doc->in->arena;
    const qd_lexicon *lx = doc->in->lx;
    if (opt && opt->url && !doc->meta.url)
        doc->meta.url = qd_arena_strdup(A, opt->url);
    if (opt && opt->outlet) {
        const qd_outlet *o = qd_find_outlet(lx, opt->outlet, strlen(opt->outlet), false);
        doc->meta.outlet = o ? o->name : qd_arena_strdup(A, opt->outlet);
        doc->meta.outlet_how = "manifest";
        return;
    }
    if (doc->meta.url && !doc->meta.outlet) {
        char host[256];
        const qd_outlet *o = qd_outlet_from_url(lx, doc->meta.url, host, sizeof(host));
        if (o) {
            doc->meta.outlet = o->name;
            doc->meta.outlet_how = "url";
        } else if (host[0]) {
            doc->meta.outlet = qd_arena_strdup(A, host);
            doc->meta.outlet_how = "url";
        }
    }
}
