/*
 * segment.c - the text stage: tokens and sentences inside the paragraphs ingest found.
 *
 * Tokens keep byte offsets into doc->text and carry a normalised form (lower case, curly
 * quotes and dashes folded) for matching, so nothing downstream has to care which quote
 * characters a site used.  Sentence boundaries are decided on tokens, with the lexicon's
 * abbreviations ("Mr.", "Jan.", "U.S.") and single-letter initials holding a dot back.
 */
#include <stdlib.h>
#include <string.h>

#include "../doc_internal.h"
#include "utf8.h"

typedef struct seg {
    qd_doc *doc;
    qd_doc_internal *in;   /* doc->in, and its lexicon: asked at every token */
    const qd_lexicon *lx;
    const char *s;
    uint32_t len;
    qd_error *err;
    /* The tokens' normal forms, packed one after the other in blocks taken from the
     * arena: a token's takes its length and a NUL, not an arena allocation of its own
     * (rounded up to 16 bytes), and the stages that read them all read less memory. */
    char *norms;
    size_t norms_left;
    /* The paragraph being tokenized ends before a byte that is no ASCII letter or digit
     * (or the text's NUL): ascii_word's letter runs stop there without a bound test. */
    bool open_end;
    /* The tokens of the paragraph that may end a sentence (terminal punctuation,
     * initialisms), noted as they are made, so the sentence split visits only them.
     * malloc'd, freed by qd_text_segment. */
    uint32_t *ends;
    uint32_t n_ends, cap_ends;
} seg;

#define NORM_BLOCK 8192

/* What the tokenizer asks of an ASCII byte, as bits, so that its loops decide a byte
 * with one load instead of a chain of comparisons.  Bytes from 0x80 on are 0 here:
 * they start longer sequences, which are decoded. */
enum {
    B_LOWER = 1,  /* a-z */
    B_DIGIT = 2,  /* 0-9 */
    B_SPACE = 4,  /* space and \t to \r: what qd_cp_is_space says of ASCII */
    B_SKIP = 8,   /* NUL and the other controls: dropped like spaces, but not spaces */
    B_PUNCT = 16, /* . , ; : ! ? ( ) [ ] { } : a punctuation token of their own */
    B_UPPER = 32, /* A-Z */
    B_JOIN = 64,  /* ' - . : , / & : may join the letters or digits around them */
    B_ALNUM = B_UPPER | B_LOWER | B_DIGIT
};

/* byte_class's bits in the low byte; above them, for a letter or digit, its lower-case
 * form, so that the word loop lower-cases a byte with the same load that classes it. */
static const uint16_t byte_table[256] = {
#define U(c) (B_UPPER | ((c) | 0x20) << 8)
#define L(c) (B_LOWER | (c) << 8)
#define D(c) (B_DIGIT | (c) << 8)
#define S B_SKIP
#define W B_SPACE
#define P B_PUNCT
#define J B_JOIN
    S, S, S, S, S, S, S, S, S, W, W, W, W, W, S, S, /* controls, \t \n \v \f \r */
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    W, P, 0, 0, 0, 0, J, J, P, P, 0, 0, P | J, J, P | J, J, /*  !"#$%&'()*+,-./ */
    D('0'), D('1'), D('2'), D('3'), D('4'), D('5'), D('6'), D('7'), D('8'), D('9'),
    P | J, P, 0, 0, 0, P, /* :;<=>? */
    0, U('A'), U('B'), U('C'), U('D'), U('E'), U('F'), U('G'), U('H'), U('I'), U('J'), U('K'), U('L'),
    U('M'), U('N'), U('O'), U('P'), U('Q'), U('R'), U('S'), U('T'), U('U'), U('V'), U('W'), U('X'),
    U('Y'), U('Z'), P, 0, P, 0, 0, /* [\]^_ */
    0, L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'), L('j'), L('k'), L('l'),
    L('m'), L('n'), L('o'), L('p'), L('q'), L('r'), L('s'), L('t'), L('u'), L('v'), L('w'), L('x'),
    L('y'), L('z'), P, 0, P, 0, 0, /* {|}~ DEL */
#undef U
#undef L
#undef D
#undef S
#undef W
#undef P
#undef J
};

static inline unsigned byte_class(unsigned char c)
{
    return byte_table[c] & 0xFF;
}

static uint32_t cp_at(const seg *g, uint32_t i, int *k)
{
    uint32_t cp;
    int n = qd_utf8_decode(g->s, g->len, i, &cp);
    if (k)
        *k = n;
    return cp;
}

static bool is_alnum(uint32_t cp)
{
    return qd_cp_is_letter(cp) || qd_cp_is_digit(cp) || (cp >= 0x300 && cp <= 0x36F);
}

static bool is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

/* Letters from i on (stops at the first non-letter); returns the end offset. */
static uint32_t letter_run(const seg *g, uint32_t i, uint32_t end, bool *all_lower, int *count)
{
    *all_lower = true;
    *count = 0;
    while (i < end) {
        int k;
        uint32_t cp = cp_at(g, i, &k);
        if (!qd_cp_is_letter(cp))
            break;
        if (!qd_cp_is_lower(cp))
            *all_lower = false;
        (*count)++;
        i += (uint32_t)k;
    }
    return i;
}

/* "U.S.", "D.C.", "a.m.": single letters each followed by a dot, at least two. */
static uint32_t scan_initialism(const seg *g, uint32_t i, uint32_t end)
{
    uint32_t j = i;
    int groups = 0;
    while (j < end) {
        int k;
        uint32_t cp = cp_at(g, j, &k);
        if (!qd_cp_is_letter(cp) || j + (uint32_t)k >= end || g->s[j + (uint32_t)k] != '.')
            break;
        uint32_t after = j + (uint32_t)k + 1;
        groups++;
        j = after;
        if (after < end) {
            int k2;
            uint32_t c2 = cp_at(g, after, &k2);
            /* the next letter must again be a single one */
            if (qd_cp_is_letter(c2) && after + (uint32_t)k2 < end && g->s[after + (uint32_t)k2] == '.')
                continue;
        }
        break;
    }
    if (groups < 2)
        return 0;
    /* "U.S.-led" or "U.S.A" glued to more letters is not a clean initialism */
    if (j < end) {
        uint32_t cp = cp_at(g, j, NULL);
        if (qd_cp_is_letter(cp) || qd_cp_is_digit(cp))
            return 0;
    }
    return j;
}

/* A dot between letters, the letters after it starting at nj: a domain-like name
 * ("Caliber.az", "Caliber.Az", "nytimes.com") stays one word; a missing space after a
 * full stop ("said.The") does not. */
static bool domain_dot(const seg *g, uint32_t nj, uint32_t end)
{
    bool lower;
    int count;
    uint32_t re = letter_run(g, nj, end, &lower, &count);
    char buf[64];
    size_t bl = 0;
    if (re - nj < sizeof(buf) / 4)
        bl = qd_utf8_normalize(g->s + nj, re - nj, buf, sizeof(buf));
    const qd_lexword *w = bl ? qd_lex_word(g->lx, buf, bl) : NULL;
    bool function_word = w && (w->tags & QD_W_FUNCTION);
    return !function_word && ((lower && count >= 2 && count <= 6) || count <= 3);
}

/* Does cp, which is neither a letter nor a digit, keep a word going between prev and
 * next (the characters before and after it; 0 for none)?  JOIN_DOT is a dot between
 * letters, which domain_dot decides from the letters after it. */
typedef enum { JOIN_NO, JOIN_YES, JOIN_DOT } join_answer;

static inline join_answer joins(uint32_t prev, uint32_t cp, uint32_t next)
{
    if (is_apostrophe(cp) && qd_cp_is_letter(prev) && qd_cp_is_letter(next))
        return JOIN_YES;
    if ((cp == '-' || cp == 0x2010 || cp == 0x2011) && is_alnum(prev) && is_alnum(next))
        return JOIN_YES;
    if ((cp == '.' || cp == ':' || cp == ',' || cp == '/') && qd_cp_is_digit(prev) && qd_cp_is_digit(next))
        return JOIN_YES;
    if (cp == '&' && qd_cp_is_upper(prev) && qd_cp_is_upper(next))
        return JOIN_YES;
    if (cp == '.' && qd_cp_is_letter(prev) && qd_cp_is_letter(next))
        return JOIN_DOT;
    return JOIN_NO;
}

/* The end of the word going on at i, prev being the character before i (0 if none). */
static uint32_t scan_word(const seg *g, uint32_t i, uint32_t end, uint32_t prev)
{
    uint32_t j = i;
    while (j < end) {
        int k;
        uint32_t cp = cp_at(g, j, &k);
        uint32_t nj = j + (uint32_t)k;
        if (!is_alnum(cp)) {
            uint32_t next = nj < end ? cp_at(g, nj, NULL) : 0;
            join_answer ja = joins(prev, cp, next);
            if (ja == JOIN_NO || (ja == JOIN_DOT && !domain_dot(g, nj, end)))
                break;
        }
        prev = cp;
        j = nj;
    }
    return j;
}

/* A token's normal form (at g->norms, not yet NUL-terminated) and what the token
 * records of it.  ascii_word makes it on the way for a word of ASCII characters,
 * nearly every word of news text; norm_of makes it for any other token. */
typedef struct token_norm {
    uint32_t len;            /* bytes at g->norms */
    uint32_t hash;           /* qd_hash_bytes of them */
    uint16_t case_flags;     /* QD_TF_CAP, QD_TF_ALLCAPS: for words and numbers */
    bool plain_lower;        /* every byte an ASCII lower-case letter */
    bool made;               /* the fields above are made */
    const qd_lexword *lex;   /* for words and numbers: the lexicon's entry */
} token_norm;

/* scan_word for a word starting with an ASCII letter or digit at i, in one pass that
 * also makes its normal form: while its characters are ASCII, that is its bytes
 * lower-cased, written straight into norm (which has room: see tokenize_paragraph),
 * hashed on the way.  Stops where the word ends, or sets *unsure where only scan_word
 * can tell (a character beyond ASCII, a dot between letters).  u[end] must be no ASCII
 * letter or digit (g->open_end), so that a run of them stops by itself at end at the
 * latest.  Nothing in the loop calls out, so that its state stays in registers. */
static uint32_t ascii_word(const unsigned char *u, uint32_t i, uint32_t end, char *norm, token_norm *tn,
                           bool *unsure)
{
    const unsigned char *p = u + i;
    char *o = norm;
    uint32_t h = QD_HASH_INIT;
    unsigned any = 0; /* the classes of the word's bytes, or'ed */
    *unsure = false;
    for (;;) {
        /* a run of letters and digits: most of every word */
        unsigned cls, e;
        size_t n = 0;
        while ((e = byte_table[p[n]]) & B_ALNUM) {
            o[n] = (char)(e >> 8);
            h = (h ^ (e >> 8)) * 16777619u;
            any |= e;
            n++;
        }
        p += n;
        o += n;
        if (p == u + end)
            break;
        cls = byte_class(*p);
        if (!(cls & B_JOIN)) {
            *unsure = *p >= 0x80;
            break; /* a space, most punctuation: the usual end of a word */
        }
        unsigned next = p + 1 < u + end ? p[1] : 0;
        if (next >= 0x80) {
            *unsure = true;
            break;
        }
        if (!(byte_class((unsigned char)next) & B_ALNUM))
            break; /* (every join has a letter or digit after it: "said," "U.S.") */
        /* (p > u + i, as a word starts with a letter or digit.  The bytes of the word
         * are ASCII: masking says so, and the tests of wider characters drop out.) */
        join_answer ja = joins(p[-1] & 0x7Fu, *p & 0x7Fu, next);
        if (ja != JOIN_YES) {
            *unsure = ja == JOIN_DOT;
            break;
        }
        /* (the ASCII marks that join are their own normal form) */
        *o++ = (char)*p;
        h = (h ^ *p) * 16777619u;
        any |= cls;
        p++;
    }
    uint32_t j = (uint32_t)(p - u);
    tn->len = j - i;
    tn->hash = h;
    tn->case_flags = 0;
    tn->plain_lower = (any & 0xFF) == B_LOWER; /* (the loop or's in whole table entries) */
    if (any & B_UPPER) {
        /* the first letter (nearly always the first byte) */
        uint32_t f = i;
        while (!(byte_class(u[f]) & (B_UPPER | B_LOWER)))
            f++;
        if (byte_class(u[f]) & B_UPPER)
            tn->case_flags |= QD_TF_CAP;
        /* every letter upper case, and at least two ("US", not "I") */
        if (!(any & B_LOWER)) {
            uint32_t caps = 0;
            for (f = i; f < j && caps < 2; f++)
                caps += (byte_class(u[f]) & B_UPPER) != 0;
            if (caps >= 2)
                tn->case_flags |= QD_TF_ALLCAPS;
        }
    }
    tn->made = true;
    return j;
}

/* The normal form of s[start..end) at g->norms (which has room for 4 * (end - start)
 * bytes and a NUL: see tokenize_paragraph), for the tokens ascii_word did not make it
 * for. */
static void norm_of(seg *g, uint32_t start, uint32_t end, token_norm *tn)
{
    size_t n = end - start;
    char *norm = g->norms;
    /* Most tokens are printable ASCII without spaces: then the normal form is the
     * lower-cased bytes, and it, its hash and the letter counts come from one pass. */
    const unsigned char *u = (const unsigned char *)g->s + start;
    uint32_t h = QD_HASH_INIT;
    uint32_t letters = 0, upper = 0;
    bool cap = false;
    size_t nl = 0;
    while (nl < n && u[nl] > ' ' && u[nl] < 0x7F) {
        unsigned char c = u[nl];
        bool is_upper = c >= 'A' && c <= 'Z';
        if (is_upper || (c >= 'a' && c <= 'z')) {
            if (letters == 0 && is_upper)
                cap = true;
            letters++;
            upper += is_upper;
        }
        c = is_upper ? (unsigned char)(c + 32) : c;
        norm[nl++] = (char)c;
        h = (h ^ c) * 16777619u;
    }
    if (nl < n) {
        nl = qd_utf8_normalize(g->s + start, n, norm, 4 * n + 1);
        h = qd_hash_bytes(norm, nl);
        letters = upper = 0;
        cap = false;
        bool first = true;
        for (uint32_t i = start; i < end;) {
            int k;
            uint32_t cp = cp_at(g, i, &k);
            i += (uint32_t)k;
            if (!qd_cp_is_letter(cp))
                continue;
            letters++;
            if (qd_cp_is_upper(cp)) {
                upper++;
                if (first)
                    cap = true;
            }
            first = false;
        }
    }
    tn->len = (uint32_t)nl;
    tn->hash = h;
    tn->case_flags = (uint16_t)((cap ? QD_TF_CAP : 0) | (letters >= 2 && upper == letters ? QD_TF_ALLCAPS : 0));
    /* (letters == n: every character one byte) */
    tn->plain_lower = letters == n && upper == 0;
    tn->made = true;
}

/* Is there a space at i (or the paragraph's end)?  What QD_TF_SPACE_AFTER says. */
static bool space_at(const seg *g, uint32_t i, uint32_t end)
{
    if (i >= end)
        return true;
    unsigned char a = (unsigned char)g->s[i];
    return a < 0x80 ? (byte_class(a) & B_SPACE) != 0 : qd_cp_is_space(cp_at(g, i, NULL));
}

/* Room for one more token.  qd_text_segment makes room for about as many tokens as
 * news text has up front, so the growing, a call, is kept out of the token loop. */
static int grow_tokens(seg *g)
{
    qd_doc_internal *in = g->in;
    if (!(in->tokens = qd_arena_grow_array(&in->arena, in->tokens, &in->cap_tokens, in->n_tokens + 1,
                                           sizeof(qd_token))))
        return qd_error_set(g->err, QD_ENOMEM, "%s: out of memory", g->doc->path);
    return 0;
}

static inline int token_room(seg *g)
{
    return g->in->n_tokens < g->in->cap_tokens ? 0 : grow_tokens(g);
}

/* The token s[start..end), its normal form made at g->norms (tn); token_room made room
 * for it.  Every field is written once, without calls. */
static inline void put_token(seg *g, uint32_t start, uint32_t end, qd_token_kind kind, uint32_t para,
                             uint16_t flags, uint8_t qmark, const token_norm *tn)
{
    qd_doc_internal *in = g->in;
    char *norm = g->norms;
    norm[tn->len] = '\0';
    g->norms += tn->len + 1;
    g->norms_left -= tn->len + 1;
    bool word = kind == QD_TK_WORD || kind == QD_TK_NUM;
    qd_token *t = &in->tokens[in->n_tokens++];
    t->start = start;
    t->end = end;
    t->norm = norm;
    t->normlen = tn->len;
    t->kind = (uint8_t)kind;
    t->qmark = qmark;
    t->flags = word ? flags | tn->case_flags : flags;
    t->sentence = 0; /* (set by add_sentence) */
    t->paragraph = para;
    t->lex = word ? tn->lex : NULL;
    t->quoted = -1;
    t->hash = tn->hash;
}

static bool is_terminal(const qd_token *t);

/* Note the token just made as one that may end a sentence. */
static int note_end(seg *g)
{
    uint32_t *e = QD_GROW_PUSH(g->ends, g->n_ends, g->cap_ends);
    if (!e)
        return qd_error_set(g->err, QD_ENOMEM, "%s: out of memory", g->doc->path);
    *e = g->in->n_tokens - 1;
    return 0;
}

/* The lexicon's entry for the normal form just made (at g->norms). */
static inline const qd_lexword *norm_lex(const seg *g, const token_norm *tn)
{
    return qd_lex_word_hashed(g->lx, g->norms, tn->len, tn->hash);
}

/* A token that is not a word scanned by push_word (punctuation, quotation marks, the
 * halves of a glued word).  fold is its normal form when the caller knows it to be one
 * ASCII byte (see push_mark), else 0. */
static int push_plain(seg *g, uint32_t start, uint32_t end, qd_token_kind kind, uint32_t para, uint16_t flags,
                      uint8_t qmark, char fold)
{
    token_norm tn;
    int rc = token_room(g);
    if (rc)
        return rc;
    if (fold) {
        g->norms[0] = fold;
        tn = (token_norm){.len = 1, .hash = (QD_HASH_INIT ^ (unsigned char)fold) * 16777619u, .made = true};
    } else {
        norm_of(g, start, end, &tn);
    }
    tn.lex = kind == QD_TK_WORD || kind == QD_TK_NUM ? norm_lex(g, &tn) : NULL;
    put_token(g, start, end, kind, para, flags, qmark, &tn);
    return 0;
}

/* A word the site glued to the next one ("declaredthat", "informedthat"): split when the
 * head is a speech-verb form and the tail a function word.  tn is the whole word's. */
static bool glued_split(const seg *g, uint32_t start, uint32_t end, const token_norm *tn, uint32_t *cut)
{
    static const char *const tails[] = {"that", "the", "to"};
    const qd_lexicon *lx = g->lx;
    uint32_t n = end - start;
    if (n < 7 || n > 40)
        return false;
    /* only plain ASCII lower-case words, which are their own normal form, and not
     * words of the lexicon */
    if (!tn->plain_lower || tn->lex)
        return false;
    const char *buf = g->s + start;
    size_t bl = n;
    for (size_t k = 0; k < sizeof(tails) / sizeof(tails[0]); k++) {
        size_t tl = strlen(tails[k]);
        if (bl <= tl + 3 || memcmp(buf + bl - tl, tails[k], tl) != 0)
            continue;
        const qd_lexword *w = qd_lex_word(lx, buf, bl - tl);
        if (w && w->verb >= 0) {
            *cut = start + (uint32_t)(bl - tl);
            return true;
        }
    }
    return false;
}

/* The word or number starting at i with cp (k bytes): its token, or two when the site
 * glued it to the next word; *stop is where it ends. */
static int push_word(seg *g, uint32_t i, uint32_t end, uint32_t cp, int k, uint32_t para, uint16_t flags,
                     uint32_t *stop)
{
    qd_token_kind kind = qd_cp_is_digit(cp) ? QD_TK_NUM : QD_TK_WORD;
    token_norm tn;
    uint32_t ini = 0;
    int rc;
    /* an initialism's first letter is followed by a dot, most words' is not */
    if (i + (uint32_t)k < end && g->s[i + (uint32_t)k] == '.' && qd_cp_is_letter(cp))
        ini = scan_initialism(g, i, end);
    tn.made = false;
    if (ini && ini + 1 < end && g->s[ini] == '-' && is_alnum(cp_at(g, ini + 1, NULL))) {
        *stop = scan_word(g, ini + 1, end, 0); /* "U.S.-led" */
        ini = 0;
    } else if (ini) {
        *stop = ini;
        flags |= QD_TF_DOT;
    } else if (cp < 0x80 && g->open_end) {
        bool unsure;
        *stop = ascii_word((const unsigned char *)g->s, i, end, g->norms, &tn, &unsure);
        if (unsure) {
            uint32_t more = scan_word(g, *stop, end, *stop > i ? (unsigned char)g->s[*stop - 1] : 0);
            tn.made = more == *stop;
            *stop = more;
        }
    } else {
        *stop = scan_word(g, i, end, 0);
    }
    if (!tn.made)
        norm_of(g, i, *stop, &tn);
    tn.lex = norm_lex(g, &tn);
    uint32_t cut;
    if (kind == QD_TK_WORD && !ini && glued_split(g, i, *stop, &tn, &cut)) {
        if ((rc = push_plain(g, i, cut, kind, para, flags | QD_TF_SPLIT, QD_QM_NONE, 0)) != 0)
            return rc;
        return push_plain(g, cut, *stop, kind, para,
                          QD_TF_SPLIT | (space_at(g, *stop, end) ? QD_TF_SPACE_AFTER : 0), QD_QM_NONE, 0);
    }
    if (space_at(g, *stop, end))
        flags |= QD_TF_SPACE_AFTER;
    if ((rc = token_room(g)) != 0)
        return rc;
    put_token(g, i, *stop, kind, para, flags, QD_QM_NONE, &tn);
    return flags & QD_TF_DOT ? note_end(g) : 0;
}

/* The token of anything but a word or number starting at i with cp (k bytes): quotation
 * marks, punctuation, symbols; *stop is where it ends. */
static int push_mark(seg *g, uint32_t i, uint32_t end, uint32_t cp, int k, uint32_t para, uint16_t flags,
                     uint32_t *stop)
{
    qd_token_kind kind;
    qd_qmark qm = qd_cp_quote_mark(cp);
    if (qm != QD_QM_NONE) {
        kind = QD_TK_QUOTE;
        *stop = i + (uint32_t)k;
        /* two apostrophes stand for a double quotation mark (''like this'') */
        if (qm == QD_QM_SINGLE_STRAIGHT && *stop < end && g->s[*stop] == '\'')
            (*stop)++;
    } else if (cp == '.' && i + 2 < end && g->s[i + 1] == '.' && g->s[i + 2] == '.') {
        kind = QD_TK_PUNCT;
        *stop = i + 3;
        while (*stop < end && g->s[*stop] == '.')
            (*stop)++;
    } else if (cp == '-' && i + 1 < end && g->s[i + 1] == '-') {
        kind = QD_TK_PUNCT;
        *stop = i + 2;
    } else if (cp < 0x80 ? (byte_class((unsigned char)cp) & B_PUNCT) != 0
                         : (qd_cp_is_dash(cp) || cp == 0x2026 || cp == 0xBF || cp == 0xA1)) {
        kind = QD_TK_PUNCT;
        *stop = i + (uint32_t)k;
    } else if (cp == '-') {
        kind = QD_TK_PUNCT;
        *stop = i + 1;
    } else {
        kind = QD_TK_SYMBOL;
        *stop = i + (uint32_t)k;
    }
    uint8_t qmark = QD_QM_NONE;
    if (kind == QD_TK_QUOTE)
        qmark = *stop - i == 2 && g->s[i] == '\'' && g->s[i + 1] == '\'' ? QD_QM_DOUBLE_STRAIGHT : (uint8_t)qm;
    if (space_at(g, *stop, end))
        flags |= QD_TF_SPACE_AFTER;
    /* A mark of one character whose normal form is one ASCII byte skips norm_of's
     * general pass: an ASCII mark, most punctuation, is its own (spaces and controls
     * make no token, DEL is left to norm_of); a quotation mark or dash beyond ASCII
     * folds as qd_utf8_normalize would fold it. */
    char fold = 0;
    if (cp < 0x7F && *stop - i == 1)
        fold = (char)cp;
    else if (cp >= 0x80 && *stop - i == (uint32_t)k) {
        if (kind == QD_TK_QUOTE)
            fold = qm == QD_QM_DOUBLE_OPEN || qm == QD_QM_DOUBLE_CLOSE || qm == QD_QM_DOUBLE_STRAIGHT ? '"' : '\'';
        else if (kind == QD_TK_PUNCT && qd_cp_is_dash(cp))
            fold = '-';
    }
    int rc = push_plain(g, i, *stop, kind, para, flags, qmark, fold);
    if (rc == 0 && kind == QD_TK_PUNCT && is_terminal(&g->in->tokens[g->in->n_tokens - 1]))
        rc = note_end(g);
    return rc;
}

static int tokenize_paragraph(seg *g, uint32_t para)
{
    const unsigned char *u = (const unsigned char *)g->s;
    qd_paragraph *p = &g->doc->paragraphs[para];
    uint32_t i = p->span.start, end = p->span.end;
    uint16_t flags = QD_TF_SPACE_BEFORE | QD_TF_PARA_START; /* of the next token */
    int rc;
    /* Room in the norms block for all the paragraph's normal forms at once, so that no
     * token asks for it: a token's takes at most 4 bytes for each of its bytes (what
     * qd_utf8_normalize may write) and a NUL, 5 bytes a byte of the paragraph at most.
     * (The rest of a block too small is left unused.) */
    size_t need = 5 * (size_t)(end - i) + 1;
    if (g->norms_left < need) {
        size_t size = need > NORM_BLOCK ? need : NORM_BLOCK;
        if (!(g->norms = qd_arena_alloc(&g->in->arena, size)))
            return qd_error_set(g->err, QD_ENOMEM, "%s: out of memory", g->doc->path);
        g->norms_left = size;
    }
    g->open_end = !(byte_class(u[end]) & B_ALNUM); /* (u[len] is the text's NUL) */
    while (i < end) {
        unsigned cls = byte_class(u[i]);
        if (cls & (B_SPACE | B_SKIP)) {
            flags |= QD_TF_SPACE_BEFORE;
            i++;
            continue;
        }
        int k = 1;
        uint32_t cp = u[i];
        if (cp >= 0x80) {
            k = qd_utf8_decode_multi(g->s, g->len, i, &cp);
            if (qd_cp_is_space(cp) || cp == 0xFFFD) {
                flags |= QD_TF_SPACE_BEFORE;
                i += (uint32_t)k;
                continue;
            }
        }
        uint32_t stop;
        rc = (cls & B_ALNUM) || (cp >= 0x80 && is_alnum(cp)) ? push_word(g, i, end, cp, k, para, flags, &stop)
                                                           : push_mark(g, i, end, cp, k, para, flags, &stop);
        if (rc)
            return rc;
        flags = 0;
        i = stop;
        /* the single space after most tokens, without another turn of the loop */
        if (i < end && u[i] == ' ') {
            flags = QD_TF_SPACE_BEFORE;
            i++;
        }
    }
    return 0;
}

/* ---- sentences -------------------------------------------------------------- */

static bool is_terminal(const qd_token *t)
{
    if (t->kind != QD_TK_PUNCT)
        return false;
    return qd_tok_is(t, '.') || qd_tok_is(t, '!') || qd_tok_is(t, '?') ||
           strcmp(t->norm, "...") == 0 || (t->normlen > 3 && t->norm[0] == '.');
}

static bool is_closer(const qd_token *t)
{
    if (t->kind == QD_TK_QUOTE)
        return t->qmark == QD_QM_DOUBLE_CLOSE || t->qmark == QD_QM_SINGLE_CLOSE ||
               ((t->qmark == QD_QM_DOUBLE_STRAIGHT || t->qmark == QD_QM_SINGLE_STRAIGHT) &&
                !(t->flags & QD_TF_SPACE_BEFORE));
    return qd_tok_is(t, ')') || qd_tok_is(t, ']');
}

static bool starts_sentence(const qd_token *t, const qd_token *end)
{
    if (t->kind == QD_TK_NUM)
        return true;
    if (t->kind == QD_TK_WORD)
        return (t->flags & QD_TF_CAP) != 0;
    if (t->kind == QD_TK_QUOTE) {
        if (t->qmark == QD_QM_DOUBLE_OPEN || t->qmark == QD_QM_SINGLE_OPEN ||
            t->qmark == QD_QM_DOUBLE_STRAIGHT)
            return true;
        return false;
    }
    if ((qd_tok_is(t, '(') || qd_tok_is(t, '[')) && t + 1 < end)
        return starts_sentence(t + 1, end);
    /* "…” ― Edwin Monroy": a dash after a quote introduces its speaker */
    return t->kind == QD_TK_PUNCT && t->normlen > 1 && t->norm[0] != '-';
}

/* Does the dot token at index `dot` belong to an abbreviation rather than end a sentence?
 * `next` is the first token after it (and any closers). */
static bool dot_is_abbreviation(const qd_token *tok, uint32_t first, uint32_t dot, const qd_token *next)
{
    if (!qd_tok_is(&tok[dot], '.') || dot == first)
        return false;
    const qd_token *w = &tok[dot - 1];
    if (w->kind != QD_TK_WORD || w->end != tok[dot].start)
        return false;
    const qd_lexword *lw = w->lex;
    bool next_lower = next && next->kind == QD_TK_WORD && !(next->flags & QD_TF_CAP);
    bool next_num = next && next->kind == QD_TK_NUM;
    bool next_function = next && next->lex && (next->lex->tags & QD_W_FUNCTION);
    if (lw && lw->abbr) {
        switch ((qd_abbr_kind)(lw->abbr - 1)) {
        case QD_ABBR_TITLE:
            return true;
        case QD_ABBR_MONTH:
            return next_num || next_lower;
        case QD_ABBR_GENERAL:
            return next_lower || next_num || !next_function;
        case QD_ABBR_INITIALISM:
            return !next_function;
        }
    }
    /* A single capital letter: a middle initial ("Michael J. Fox"). */
    if (w->end - w->start == 1 && (w->flags & QD_TF_CAP))
        return next && next->kind == QD_TK_WORD && (next->flags & QD_TF_CAP) && !next_function;
    return false;
}

static int add_sentence(seg *g, uint32_t para, uint32_t a, uint32_t b)
{
    qd_doc *doc = g->doc;
    qd_doc_internal *in = doc->in;
    qd_sentence *s = QD_VEC_PUSH(&in->arena, doc->sentences, doc->n_sentences, in->cap_sentences);
    if (!s)
        return qd_error_set(g->err, QD_ENOMEM, "%s: out of memory", doc->path);
    s->paragraph = para;
    s->first_token = a;
    s->n_tokens = b - a;
    s->span = qd_span_make(in->tokens[a].start, in->tokens[b - 1].end);
    uint32_t idx = doc->n_sentences - 1;
    for (uint32_t i = a; i < b; i++)
        in->tokens[i].sentence = idx;
    in->tokens[a].flags |= QD_TF_SENT_START;
    qd_paragraph *p = &doc->paragraphs[para];
    if (p->n_sentences == 0)
        p->first_sentence = idx;
    p->n_sentences++;
    return 0;
}

static int split_sentences(seg *g, uint32_t para, uint32_t a, uint32_t b)
{
    qd_token *tok = g->in->tokens;
    uint32_t start = a;
    int rc;
    /* only the tokens noted while tokenizing (terminal punctuation, initialisms) can
     * end a sentence, in order */
    for (uint32_t c = 0; c < g->n_ends; c++) {
        uint32_t t = g->ends[c];
        if (t < start)
            continue; /* inside the closers of the sentence just ended */
        bool initialism_end = tok[t].kind == QD_TK_WORD;
        uint32_t u = t + 1;
        while (u < b && is_closer(&tok[u]))
            u++;
        if (u >= b)
            break;
        const qd_token *next = &tok[u];
        if (initialism_end) {
            /* "in the U.S. The talks..." ends a sentence; "U.S. President" does not. */
            if (!(next->kind == QD_TK_WORD && (next->flags & QD_TF_CAP) && next->lex &&
                  (next->lex->tags & QD_W_FUNCTION)))
                continue;
        } else {
            if (!starts_sentence(next, tok + b))
                continue;
            if (dot_is_abbreviation(tok, a, t, next))
                continue;
            /* “Is he serious?” Scarborough continued.  A capitalised name right after a
             * closing quotation mark and followed by a speech verb is the quote's
             * reporting clause, not a new sentence. */
            if (u > t + 1 && !qd_tok_is(&tok[t], '.') && tok[u - 1].kind == QD_TK_QUOTE && next->kind == QD_TK_WORD &&
                (next->flags & QD_TF_CAP) &&
                !(next->lex && (next->lex->tags & QD_W_FUNCTION))) {
                bool reporting = false;
                for (uint32_t k = u; k < b && k < u + 6; k++) {
                    const qd_token *x = &tok[k];
                    if (x->kind == QD_TK_WORD && x->lex && x->lex->verb >= 0 && !(x->flags & QD_TF_CAP) &&
                        (x->lex->vform == QD_VF_PAST || x->lex->vform == QD_VF_3SG)) {
                        reporting = true;
                        break;
                    }
                    if (x->kind == QD_TK_PUNCT && !qd_tok_is(x, '.') && !qd_tok_is(x, ','))
                        break;
                    if (is_terminal(x))
                        break;
                }
                if (reporting)
                    continue;
            }
        }
        if ((rc = add_sentence(g, para, start, u)) != 0)
            return rc;
        start = u;
    }
    if (start < b)
        return add_sentence(g, para, start, b);
    return 0;
}

int qd_text_segment(qd_doc *doc, qd_error *err)
{
    seg g = {.doc = doc, .in = doc->in, .lx = doc->in->lx, .s = doc->text, .len = (uint32_t)doc->len, .err = err};
    qd_doc_internal *in = doc->in;
    in->para_first_token = qd_arena_calloc(&in->arena, doc->n_paragraphs + 1, sizeof(uint32_t));
    if (!in->para_first_token)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    /* room for the tokens at once (news text has one per five or six bytes), rather
     * than copying the array at every doubling */
    size_t bytes = 0;
    for (uint32_t p = 0; p < doc->n_paragraphs; p++)
        if (doc->paragraphs[p].role == QD_PARA_BODY || doc->paragraphs[p].role == QD_PARA_TITLE)
            bytes += doc->paragraphs[p].span.end - doc->paragraphs[p].span.start;
    if (in->n_tokens == 0 && bytes / 5 + 16 > in->cap_tokens && bytes / 5 < UINT32_MAX / 2 &&
        !(in->tokens = qd_arena_grow_array(&in->arena, in->tokens, &in->cap_tokens, (uint32_t)(bytes / 5 + 16),
                                           sizeof(qd_token))))
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    for (uint32_t p = 0; p < doc->n_paragraphs; p++) {
        qd_paragraph *par = &doc->paragraphs[p];
        in->para_first_token[p] = in->n_tokens;
        if (par->role != QD_PARA_BODY && par->role != QD_PARA_TITLE)
            continue;
        uint32_t a = in->n_tokens;
        g.n_ends = 0;
        int rc = tokenize_paragraph(&g, p);
        if (rc == 0 && in->n_tokens > a)
            rc = split_sentences(&g, p, a, in->n_tokens);
        if (rc) {
            free(g.ends);
            return rc;
        }
    }
    free(g.ends);
    in->para_first_token[doc->n_paragraphs] = in->n_tokens;
    /* the later stages map text offsets (quote marks, cues) to tokens thousands of
     * times a document: a small block index makes that a short forward scan */
    uint32_t nb = (uint32_t)(doc->len >> QD_TOKEN_BLOCK_SHIFT) + 1;
    in->tok_block = qd_arena_alloc(&in->arena, (size_t)nb * sizeof(uint32_t));
    if (!in->tok_block)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    uint32_t t = 0;
    for (uint32_t b = 0; b < nb; b++) {
        uint32_t at = b << QD_TOKEN_BLOCK_SHIFT;
        while (t < in->n_tokens && in->tokens[t].start < at)
            t++;
        in->tok_block[b] = t;
    }
    in->n_tok_blocks = nb;
    return 0;
}
