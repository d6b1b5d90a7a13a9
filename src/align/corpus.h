/*
 * corpus.h - the matcher's private state: per-document features next to the public
 * comparison (quotediff/compare.h).
 */
#ifndef QD_CORPUS_H
#define QD_CORPUS_H

#include <libstemmer.h>

#include "quotediff/compare.h"
#include "../util/arena.h"
#include "../util/strmap.h"

#define QD_NO_DAY INT32_MIN

/* A document's summary (qd_summary_make, qd_summary_from_json): strings only, nothing
 * that depends on a corpus, in its own arena. */
typedef struct qd_sterm {
    const char *stem;       /* "~negoti" */
    const char *word;       /* the first word it came from, "negotiations" */
    uint32_t tf;            /* occurrences (title words count twice) */
} qd_sterm;

typedef struct qd_sentity {
    const char *key, *name;
    qd_entity_kind kind;
    uint32_t mentions;
} qd_sentity;

typedef struct qd_sstmt {
    qd_statement_type type;
    const char *text, *speaker_text, *cue, *stance, *venue;
    const char **intermediaries;
    uint32_t n_intermediaries;
    int32_t entity;         /* index into the summary's entities, -1 */
    uint32_t start, end;
    bool direct;
    const char **keys;      /* per white-space word of text: its key ("" if none) */
    const char **stems;     /* per word: its stem if a content word, else NULL */
    uint32_t n_words;
} qd_sstmt;

struct qd_summary {
    qd_arena arena;
    const char *path, *url, *outlet, *date, *title, *byline;
    const char *text;       /* when kept */
    qd_span *paragraphs;
    uint32_t n_paragraphs;
    qd_sterm *terms;        /* in order of first occurrence */
    uint32_t n_terms;
    qd_sentity *entities;
    uint32_t n_entities;
    qd_sstmt *stmts;
    uint32_t n_stmts;
    struct qd_frame_summary *frame; /* what framing keeps (src/framing/doc.c), or NULL */
};

/* What the matcher knows of a statement beyond qd_cstatement. */
typedef struct qd_sfeat {
    uint32_t *keys;         /* per white-space word of the text: normalised word id
                             * (0: punctuation only) */
    uint32_t n_words;
    uint32_t *stems;        /* sorted distinct content-word stem ids (in the corpus's
                             * align_tmp: NULL once statements are aligned) */
    uint32_t n_stems;
    bool direct;            /* holds quotation marks */
} qd_sfeat;

/* What the matcher knows of a document. */
typedef struct qd_dfeat {
    uint32_t *terms;        /* sorted term ids (stems, and "@"-prefixed speaker/entity keys) */
    uint32_t *tf;
    uint32_t n_terms;
    float *w;               /* tf-idf weights, L2-normalised (set by matching events) */
    uint64_t *shingles;     /* sorted hashes of word 5-grams of direct quotes */
    /* w and shingles live in the corpus's match_tmp and are gone (NULL) once events and
     * threads are found: nothing after reads them */
    uint32_t n_shingles;
    int32_t day;            /* days since 1970-01-01, QD_NO_DAY if undated */
    qd_sfeat *stmts;
} qd_dfeat;

struct qd_corpus {
    qd_arena arena;
    qd_arena match_tmp;     /* what only event matching reads: the documents' weights and
                             * quote shingles, the event index; released after it */
    qd_arena align_tmp;     /* what only statement alignment reads (the statements' stems),
                             * released after it */
    const qd_lexicon *lx;
    qd_match_options opt;
    struct sb_stemmer *stemmer;
    /* The vocabulary: term and word strings -> ids from 1 (qd_corpus_intern).  Each
     * string is kept once, in the arena; the hash table holds only ids and hashes, and
     * it and the arrays by id are malloc'd, so what a growing vocabulary outgrows is
     * freed rather than left in the arena (1.7 million strings at 100,000 documents,
     * every respelled word a new one). */
    uint32_t *dict_slots;   /* id per slot (0: empty), cap_slots of them, a power of two */
    uint32_t *dict_hash;    /* id - 1 -> the string's hash, so a probe rarely reads it */
    uint32_t cap_slots;
    const char **dict_str;  /* id - 1 -> string */
    uint32_t *df;           /* id -> document frequency (terms only) */
    uint32_t n_dict, cap_dict, cap_df;
    const char **disp;      /* stem id -> a word it came from (for reports) */
    uint32_t cap_disp;
    qd_strmap speaker_keys; /* corpus speaker key -> index (table malloc'd) */
    qd_strmap strs;         /* strings many statements repeat, one copy each (table malloc'd) */
    qd_dfeat *feat;         /* parallel to res.docs */
    uint32_t cap_docs, cap_speakers; /* res.docs and feat grow together, by cap_docs */
    qd_comparison res;
    bool matched;
    struct qd_frame_state *frame; /* what framing keeps per document (src/framing/) */
};

/* Intern a string (copied); returns its id, 0 when out of memory. */
uint32_t qd_corpus_intern(qd_corpus *c, const char *s, size_t n);
/* The id of a string already interned; false when it is not. */
bool qd_corpus_lookup(const qd_corpus *c, const char *s, size_t n, uint32_t *id);

/* Days since 1970-01-01 of an ISO date ("2024-12-06..."), QD_NO_DAY if none. */
int32_t qd_iso_day(const char *iso);

/* Stages of qd_corpus_match. */
int qd_match_events(qd_corpus *c, qd_error *err);
int qd_match_statements(qd_corpus *c, qd_error *err);

#endif
