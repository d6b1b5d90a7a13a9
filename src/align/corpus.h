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

/* What the matcher knows of a statement beyond qd_cstatement. */
typedef struct qd_sfeat {
    const char **words;     /* the content split at white space, as written */
    uint32_t *keys;         /* per word: normalised word id (0: punctuation only) */
    uint32_t n_words;
    uint32_t *stems;        /* sorted distinct content-word stem ids */
    uint32_t n_stems;
    bool direct;            /* holds quotation marks */
} qd_sfeat;

/* What the matcher knows of a document. */
typedef struct qd_dfeat {
    uint32_t *terms;        /* sorted term ids (stems, and "@"-prefixed speaker/entity keys) */
    uint32_t *tf;
    uint32_t n_terms;
    float *w;               /* tf-idf weights, L2-normalised (set by matching) */
    uint64_t *shingles;     /* sorted hashes of word 5-grams of direct quotes */
    uint32_t n_shingles;
    int32_t day;            /* days since 1970-01-01, QD_NO_DAY if undated */
    qd_sfeat *stmts;
} qd_dfeat;

struct qd_corpus {
    qd_arena arena;
    const qd_lexicon *lx;
    qd_match_options opt;
    struct sb_stemmer *stemmer;
    qd_strmap dict;         /* term and word strings -> id (ids from 1) */
    const char **dict_str;  /* id -> string */
    uint32_t *df;           /* id -> document frequency (terms only) */
    uint32_t n_dict, cap_dict, cap_df;
    const char **disp;      /* stem id -> a word it came from (for reports) */
    uint32_t cap_disp;
    qd_strmap speaker_keys; /* corpus speaker key -> index */
    qd_dfeat *feat;         /* parallel to res.docs */
    uint32_t cap_docs, cap_feat, cap_speakers;
    qd_comparison res;
    bool matched;
    struct qd_frame_state *frame; /* what framing keeps per document (src/framing/) */
};

/* Intern a string (copied); returns its id, 0 when out of memory. */
uint32_t qd_corpus_intern(qd_corpus *c, const char *s, size_t n);

/* Days since 1970-01-01 of an ISO date ("2024-12-06..."), QD_NO_DAY if none. */
int32_t qd_iso_day(const char *iso);

/* Stages of qd_corpus_match. */
int qd_match_events(qd_corpus *c, qd_error *err);
int qd_match_statements(qd_corpus *c, qd_error *err);

#endif
