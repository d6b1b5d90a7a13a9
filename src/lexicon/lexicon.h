/*
 * lexicon.h - the in-memory form of the lexicons (see data/lexicons/README.md).
 *
 * One word table answers everything the stages ask of a single lower-cased word (its
 * function-word tags, the speech verb it inflects, a first name's gender, a name-variant
 * group); phrase tables hold the multi-word entries keyed by their words joined with
 * single spaces.  Built once, read-only afterwards.
 */
#ifndef QD_LEXICON_INTERNAL_H
#define QD_LEXICON_INTERNAL_H

#include "quotediff/lexicon.h"
#include "../util/arena.h"
#include "../util/strmap.h"

/* Word tags (bit set). */
enum {
    QD_W_DET = 1u << 0,
    QD_W_PRON = 1u << 1,  /* subject pronoun */
    QD_W_POSS = 1u << 2,  /* possessive determiner */
    QD_W_OBJ = 1u << 3,   /* object / reflexive pronoun */
    QD_W_PREP = 1u << 4,
    QD_W_CONJ = 1u << 5,
    QD_W_SUB = 1u << 6,   /* subordinator: that, whether, because */
    QD_W_AUX = 1u << 7,
    QD_W_MODAL = 1u << 8,
    QD_W_ADV = 1u << 9,
    QD_W_NEG = 1u << 10,
    QD_W_WH = 1u << 11,
    QD_W_NUM = 1u << 12,
    QD_W_TIME = 1u << 13,
    QD_W_MONTH = 1u << 14,
    QD_W_WEEKDAY = 1u << 15,
    QD_W_HONORIFIC = 1u << 16,
    QD_W_REL = 1u << 17,  /* relative pronoun */
    QD_W_FUNCTION = QD_W_DET | QD_W_PRON | QD_W_POSS | QD_W_OBJ | QD_W_PREP | QD_W_CONJ |
                    QD_W_SUB | QD_W_AUX | QD_W_MODAL | QD_W_NEG | QD_W_WH | QD_W_REL
};

/* Inflection of a speech-verb form. */
typedef enum qd_vform {
    QD_VF_BASE = 0,
    QD_VF_3SG,
    QD_VF_PAST,  /* simple past, also used when past == participle */
    QD_VF_PART,  /* past participle only (written, spoken) */
    QD_VF_ING
} qd_vform;

/* Speech verb classes and frames. */
typedef enum qd_vclass {
    QD_VC_SPEECH = 0,
    QD_VC_WRITING,
    QD_VC_THOUGHT,
    QD_VC_EVIDENCE,
    QD_VC_INTENT,
    QD_VC_QUESTION
} qd_vclass;

enum {
    QD_VFR_THAT = 1u << 0,
    QD_VFR_QUOTE = 1u << 1,
    QD_VFR_INV = 1u << 2,
    QD_VFR_OBJ = 1u << 3,
    QD_VFR_TO = 1u << 4,
    QD_VFR_ABOUT = 1u << 5
};

typedef struct qd_speech_verb {
    const char *lemma;
    const char *stance;
    qd_vclass vclass;
    uint32_t frames;
} qd_speech_verb;

typedef struct qd_lexword {
    uint32_t tags;
    int32_t verb;       /* speech verb index or -1 */
    uint8_t vform;      /* qd_vform when verb >= 0 */
    char gender;        /* pronoun or first-name gender: 'm', 'f', 'n', 'p', 'u' or 0 */
    bool first_name;
    int32_t variant;    /* name-variant group (index of canonical string) or -1 */
    int8_t abbr;        /* abbreviation kind + 1 (0: not an abbreviation) */
    uint8_t starts;     /* QD_START_* of the phrase tables with a key or key prefix
                         * equal to this word (see qd_lex_starts) */
    int32_t start;      /* its phrase starts in full (index into start_list; see
                         * qd_lex_start), -1: it starts no phrase */
} qd_lexword;

/* Which phrase tables a word can start a match in: those whose keys or proper word
 * prefixes (qd_phrase_table.walk) include the word itself.  Mention finding
 * asks "can a role, noun or place phrase start at this token" of nearly every token;
 * decided per lexicon word when the lexicon is built, the answer is one load. */
enum {
    QD_START_CUE = 1u << 0,
    QD_START_ROLE = 1u << 1,
    QD_START_NOUN = 1u << 2,
    QD_START_PERSON = 1u << 3,
    QD_START_PLACE = 1u << 4,
    QD_START_OUTLET = 1u << 5,
    QD_N_STARTS = 6 /* the number of those bits */
};

/* What the phrase tables say of a word that starts a match in one of them. */
typedef struct qd_start_word {
    uint8_t starts;   /* QD_START_*: the tables with the word as a key or a key's prefix */
    uint8_t longer;   /* QD_START_*: the tables with a longer key starting with the word */
    int32_t role;     /* the word's own value as a key of roles (role_list index), or -1 */
    int32_t noun;     /* ... as a key of nouns (qd_noun_class), or -1 */
    /* The word's own entry of each table's walk (0: none), by qd_phrase_table.start:
     * a phrase match starting at a token of the word table reads its first word's
     * answer here instead of probing the table. */
    uint32_t walk[QD_N_STARTS];
} qd_start_word;

typedef enum qd_abbr_kind { QD_ABBR_TITLE = 0, QD_ABBR_MONTH, QD_ABBR_GENERAL, QD_ABBR_INITIALISM } qd_abbr_kind;

typedef enum qd_cue_type {
    QD_CUE_SOURCE_AFTER = 0,
    QD_CUE_VERB,
    QD_CUE_VENUE,
    QD_CUE_INTERMEDIARY,
    QD_CUE_PASSIVE
} qd_cue_type;

typedef struct qd_cue_phrase {
    qd_cue_type type;
    int32_t verb;       /* for QD_CUE_VERB: the speech verb it behaves as, or -1 */
} qd_cue_phrase;

typedef struct qd_role {
    const char *phrase;
    const char *key;          /* "foreign-minister", or "*" for a generic noun */
    const char *categories;   /* comma-separated */
    /* the key as a number, the index of the first role with it (role_keys), so that
     * entity resolution compares two roles' keys with one comparison; and key == "*" */
    uint32_t key_id;
    bool generic;
} qd_role;

typedef enum qd_noun_class {
    QD_NC_ORG = 0,
    QD_NC_GOV,
    QD_NC_GROUP,
    QD_NC_ANON,
    QD_NC_DOCUMENT,
    QD_NC_VENUE,
    QD_NC_MEDIA
} qd_noun_class;

typedef struct qd_person {
    const char *name;
    const char *role_key;
    const char *country;
    char gender;
} qd_person;

typedef enum qd_place_kind { QD_PL_COUNTRY = 0, QD_PL_CAPITAL, QD_PL_ADJECTIVE, QD_PL_CITY, QD_PL_REGION, QD_PL_ALLIANCE } qd_place_kind;

typedef struct qd_place {
    const char *name;
    const char *code;
    qd_place_kind kind;
} qd_place;

typedef enum qd_outlet_kind { QD_OUTLET = 0, QD_AGENCY } qd_outlet_kind;

typedef struct qd_outlet {
    const char *name;
    qd_outlet_kind kind;
} qd_outlet;

typedef enum qd_furn_match { QD_FURN_LINE = 0, QD_FURN_PREFIX, QD_FURN_CONTAINS } qd_furn_match;

typedef struct qd_furniture {
    const char *phrase;
    size_t len;           /* strlen(phrase) */
    qd_furn_match match;
} qd_furniture;

/* What a class/id word or an element name says about page content (html_hints.tsv).
 * Element names are stored with their angle brackets ("<nav>") in the same table. */
typedef enum qd_html_hint {
    QD_HINT_CONTENT = 0,  /* class/id: article text lives here (article, story, body) */
    QD_HINT_BOILERPLATE,  /* class/id: page furniture (nav, share, related, sidebar) */
    QD_HINT_UNLIKELY,     /* class/id: never article text (comment, cookie, popup) */
    QD_HINT_TAG_DROP,     /* element: holds no readable text (script, style, svg) */
    QD_HINT_TAG_FURNITURE,/* element: furniture by its nature (nav, aside, form) */
    QD_HINT_TAG_CAPTION,  /* element: captions and figures around the text */
    QD_HINT_TAG_HEADING,  /* element: headings */
    QD_HINT_TAG_PARAGRAPH,/* element: a paragraph-like text block (p, pre, td) */
    QD_HINT_TAG_ITEM,     /* element: list items and definitions */
    QD_HINT_TAG_LIST,     /* element: lists and tables */
    QD_HINT_TAG_QUOTE,    /* element: block quotations */
    QD_HINT_TAG_SECTION,  /* element: generic containers (div, section, article) */
    QD_HINT_TAG_ROW       /* element: inside a table (tr, th, tbody); judged with it */
} qd_html_hint;

typedef struct qd_html_sub {
    const char *term;     /* matched anywhere inside a class or id ("sharebar") */
    size_t len;
    qd_html_hint hint;
} qd_html_sub;

/* One of the competing labels for a referent (labels.tsv): "Kiev" and "Kyiv", "special
 * military operation" and "invasion". */
/* Flags on the values of qd_lexicon.sides. */
#define QD_SIDE_PARTY 0x80000000u      /* a party within a country, not a country */
#define QD_SIDE_AMBIGUOUS 0xFFFFFFFFu  /* a surname members of different parties share */

typedef struct qd_label {
    const char *referent;  /* "war in Ukraine" */
    const char *label;     /* normalised ("special military operation") */
    const char *note;      /* who tends to use it, or NULL */
} qd_label;

/* A function word of up to QD_PACKED_MAX bytes packed into two 64-bit words: byte i in
 * bits 8i..8i+7 of lo (i < 8) or 8(i-8).. of hi, zero above len. */
#define QD_PACKED_MAX 16
typedef struct qd_packed_word {
    uint64_t lo, hi;
    uint32_t len; /* 0: an empty slot */
} qd_packed_word;

static inline uint32_t qd_packed_hash(uint64_t lo, uint64_t hi)
{
    return (uint32_t)(((lo ^ (hi * 0xC2B2AE3D27D4EB4Full)) * 0x9E3779B97F4A7C15ull) >> 32);
}

/* A phrase table: keys are lower-cased words joined by single spaces. */
#define QD_PHRASE_FILTER_LOG2 15
#define QD_PHRASE_FILTER_BITS (1u << QD_PHRASE_FILTER_LOG2)
typedef struct qd_phrase_table {
    qd_strmap map; /* key -> value */
    /* Every key and every proper word prefix of a key ("european", "european union"
     * for "european union commission") -> QD_WALK_* bits and the key's value.  Phrase
     * matching grows its key a word at a time and asks both "is this a key?" and "can a
     * longer key follow?" at each word: one probe here answers both. */
    qd_strmap walk;
    uint32_t max_words;
    uint32_t start; /* the index of its QD_START_* bit (1u << start) */
    /* A Bloom filter (one hash) over the keys of walk: most words start no phrase, and
     * one bit test answers that without probing it. */
    uint64_t filter[QD_PHRASE_FILTER_BITS / 64];
} qd_phrase_table;

/* The hash by which walk keeps its keys: the hashes of the key's words (qd_hash_bytes;
 * keys hold single spaces between words) folded together, so that phrase matching, which
 * has each token's hash already, extends a phrase's hash by a word with a few operations
 * instead of hashing its bytes again.  A one-word key's is its qd_hash_bytes. */
static inline uint32_t qd_phrase_hash_extend(uint32_t h, uint32_t word_hash)
{
    h ^= word_hash + 0x9E3779B9u + (h << 6) + (h >> 2);
    return h * 0x85EBCA6Bu;
}
uint32_t qd_phrase_hash(const char *key, size_t n);

/* The value of an entry of qd_phrase_table.walk. */
enum {
    QD_WALK_KEY = 1u << 31,    /* the entry is a key; the low bits hold its value */
    QD_WALK_LONGER = 1u << 30, /* a longer key starts with the entry and a space */
    QD_WALK_VALUE = QD_WALK_LONGER - 1
};

/* One-hash Bloom filters of 2^log2 bits: is the bit of hash h set?  The high bits of
 * the hash pick it, as the maps index their slots by the low ones. */
static inline bool qd_bloom_test(const uint64_t *filter, unsigned log2, uint32_t h)
{
    uint32_t b = h >> (32 - log2);
    return (filter[b >> 6] >> (b & 63)) & 1;
}
static inline void qd_bloom_set(uint64_t *filter, unsigned log2, uint32_t h)
{
    uint32_t b = h >> (32 - log2);
    filter[b >> 6] |= (uint64_t)1 << (b & 63);
}

/* Might key (hash h) be in t->walk?  false: certainly not. */
static inline bool qd_phrase_maybe(const qd_phrase_table *t, uint32_t h)
{
    return qd_bloom_test(t->filter, QD_PHRASE_FILTER_LOG2, h);
}

/* ... over the words outside the word table that start a phrase (see qd_lex_starts). */
#define QD_START_FILTER_LOG2 14

/* One-hash Bloom filter over the keys of the word table (see qd_lex_word). */
#define QD_WORD_FILTER_LOG2 15
/* ... and over the function words alone (see qd_lex_function_word). */
#define QD_FUNCTION_FILTER_LOG2 13

struct qd_lexicon {
    qd_arena arena;
    qd_strmap words;          /* word -> index into lexwords */
    /* Most words of a text are not in the table; one bit test (in 4 KB that stay in
     * cache) answers most of them before a probe of the table (which does not). */
    uint64_t word_filter[(1u << QD_WORD_FILTER_LOG2) / 64];
    qd_lexword *lexwords;
    uint32_t n_lexwords, cap_lexwords;
    /* The words tagged QD_W_FUNCTION again, in a table of their own: the layout asks
     * of every word of every line only whether it is one, and a few hundred words in a
     * small table with its own filter answer that faster than the whole word table.
     * Made again whenever lexicon text is added (index_words). */
    qd_strmap function_words;
    uint64_t function_filter[(1u << QD_FUNCTION_FILTER_LOG2) / 64];
    /* The function words of up to 16 bytes once more, packed (see qd_lex_function_word_packed):
     * the layout tests every word of every line, and a multiply and a probe or two of
     * this table answer without hashing the word byte by byte.  A power of two of
     * slots, at most half full; made with function_words. */
    qd_packed_word *function_packed;
    uint32_t function_packed_mask;
    uint32_t function_max_len; /* the longest function word in bytes: longer words are none */

    /* The phrase starts of the words that start a phrase (start_list), found through
     * qd_lexword.start for words of the word table and through start_words (word ->
     * index) for the others, which have their own filter: most words of a text start no
     * phrase and have no entry.  Made again with the function words' table
     * (index_phrase_starts). */
    qd_start_word *start_list;
    uint32_t n_start_list, cap_start_list;
    qd_strmap start_words;
    uint64_t start_filter[(1u << QD_START_FILTER_LOG2) / 64];

    qd_speech_verb *verbs;
    uint32_t n_verbs, cap_verbs;
    qd_strmap verb_lemmas;    /* lemma -> verb index */

    qd_phrase_table cues;     /* -> index into cue_phrases */
    qd_cue_phrase *cue_phrases;
    uint32_t n_cue_phrases, cap_cue_phrases;

    qd_phrase_table roles;    /* -> index into role_list */
    qd_role *role_list;
    uint32_t n_roles, cap_roles;
    qd_strmap role_keys;      /* role key -> index of the first role with it */

    qd_phrase_table nouns;    /* -> qd_noun_class */

    const char **variant_names; /* canonical spelling of each name-variant group */
    uint32_t n_variants, cap_variants;

    qd_phrase_table people;   /* full name -> index into person_list */
    qd_person *person_list;
    uint32_t n_people, cap_people;

    qd_phrase_table places;   /* -> index into place_list */
    qd_place *place_list;
    uint32_t n_places, cap_places;

    qd_phrase_table outlets;  /* alias -> index into outlet_list */
    qd_strmap outlet_domains; /* domain -> index into outlet_list */
    qd_outlet *outlet_list;
    uint32_t n_outlets, cap_outlets;

    qd_furniture *furniture;
    uint32_t n_furniture, cap_furniture;
    /* What the layout, which asks of every line of a page whether it is furniture,
     * needs to leave most lines alone: a line longer than every whole-line phrase that
     * starts with no prefix phrase's first byte can match only a contains phrase. */
    uint32_t furniture_line_max;        /* longest QD_FURN_LINE phrase */
    uint32_t furniture_head_max;        /* longest QD_FURN_LINE or QD_FURN_PREFIX phrase */
    uint64_t furniture_prefix_first[4]; /* first bytes of the QD_FURN_PREFIX phrases */
    bool furniture_contains;            /* is there a QD_FURN_CONTAINS phrase? */
    /* the indices into furniture of each kind (by qd_furn_match) */
    uint32_t *furniture_kind[3];
    uint32_t n_furniture_kind[3], cap_furniture_kind[3];

    qd_strmap html_hints;     /* class/id word or "<tag>" -> qd_html_hint */
    qd_html_sub *html_subs;   /* class/id terms matched inside words */
    uint32_t n_html_subs, cap_html_subs;

    qd_label *labels;         /* labels.tsv */
    uint32_t n_labels, cap_labels;
    qd_strmap label_keys;     /* normalised label -> index into labels */
    qd_strmap label_prefixes; /* every byte prefix of a label key (the key too), so the
                               * label search at each word stops at the first key no
                               * label starts with */
    uint64_t label_filter[QD_PHRASE_FILTER_BITS / 64]; /* Bloom filter of label_prefixes
                                                        * (QD_PHRASE_FILTER_LOG2) */
    uint32_t label_max_len;   /* longest label key in bytes */

    qd_strmap sides;          /* "#ru" (country code) or a name key -> index into side_names,
                               * | QD_SIDE_PARTY for a party, or QD_SIDE_AMBIGUOUS */
    const char **side_names;  /* sides.tsv */
    uint32_t n_side_names, cap_side_names;
};

/* Word lookup by its lower-cased, normalised form; NULL if unknown. */
const qd_lexword *qd_lex_word(const qd_lexicon *lx, const char *w, size_t n);
/* The same with qd_hash_bytes(w, n) already known (tokens carry it).  Inline: the
 * tokenizer asks it of nearly every token, and the call cost as much as the answer. */
static inline const qd_lexword *qd_lex_word_hashed(const qd_lexicon *lx, const char *w, size_t n, uint32_t hash)
{
    uint32_t idx;
    if (!qd_bloom_test(lx->word_filter, QD_WORD_FILTER_LOG2, hash) ||
        !qd_strmap_get_hashed(&lx->words, w, n, hash, &idx))
        return NULL;
    return &lx->lexwords[idx];
}
/* Is w a function word: what (qd_lex_word(lx, w, n)->tags & QD_W_FUNCTION) says, from
 * the function words' own table. */
bool qd_lex_function_word(const qd_lexicon *lx, const char *w, size_t n);
/* The same for a word of n <= QD_PACKED_MAX bytes packed as in qd_packed_word. */
static inline bool qd_lex_function_word_packed(const qd_lexicon *lx, uint64_t lo, uint64_t hi, size_t n)
{
    for (uint32_t i = qd_packed_hash(lo, hi) & lx->function_packed_mask;; i = (i + 1) & lx->function_packed_mask) {
        const qd_packed_word *p = &lx->function_packed[i];
        if (p->len == 0)
            return false;
        if (p->lo == lo && p->hi == hi && p->len == n)
            return true;
    }
}
/* The phrase starts of word s (n bytes, hash qd_hash_bytes(s, n)), whose word-table
 * entry is w (NULL: none; tokens carry theirs); NULL when it starts none. */
static inline const qd_start_word *qd_lex_start(const qd_lexicon *lx, const qd_lexword *w, const char *s,
                                                size_t n, uint32_t hash)
{
    uint32_t v;
    if (w)
        return w->start >= 0 ? &lx->start_list[w->start] : NULL;
    if (!qd_bloom_test(lx->start_filter, QD_START_FILTER_LOG2, hash) ||
        !qd_strmap_get_hashed(&lx->start_words, s, n, hash, &v))
        return NULL;
    return &lx->start_list[v];
}

/* The QD_START_* bits of that word: the tables in which a phrase match starting with it
 * can get past its first word.  0 means qd_match_phrase finds nothing starting with it
 * (but for a possessive ending, which the caller asks of the word without it). */
static inline uint32_t qd_lex_starts(const qd_lexicon *lx, const qd_lexword *w, const char *s, size_t n,
                                     uint32_t hash)
{
    if (w)
        return w->starts;
    const qd_start_word *st = qd_lex_start(lx, NULL, s, n, hash);
    return st ? st->starts : 0;
}
/* Phrase lookup; true and *value when found. */
bool qd_lex_phrase(const qd_phrase_table *t, const char *key, size_t n, uint32_t *value);

/* Normalise a key as the loader does (lower case, folded quotes); returns length.  out
 * must hold 4*n+1 bytes. */
size_t qd_lex_key(const char *s, size_t n, char *out);

#endif
