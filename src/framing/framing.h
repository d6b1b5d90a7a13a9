/*
 * framing.h - the framing stage (quotediff/framing.h) inside the corpus.
 *
 * qd_frame_summarize() keeps what framing needs of one analysed document beyond the
 * matcher's summary (doc.c: scare-quoted terms, label uses, its own words, the sides and
 * sources of its statements, the credit line), as strings that travel in the summary's
 * JSON; qd_frame_add_summary() takes them into the corpus; qd_frame_compute() builds the
 * per-outlet framing of every event, every thread and the corpus once matching is done.
 */
#ifndef QD_FRAMING_INTERNAL_H
#define QD_FRAMING_INTERNAL_H

#include <jansson.h>

#include "quotediff/framing.h"
#include "../align/corpus.h"

/* The prior's total a_0, and the |z| a distinctive term needs. */
#define QD_FRAME_PRIOR_TOTAL 500.0
#define QD_FRAME_Z 1.96
/* ... and a false discovery rate (Benjamini-Hochberg) over the words tested. */
#define QD_FRAME_FDR 0.05
/* Parties are the sides when one country has this share of the statements. */
#define QD_FRAME_ONE_COUNTRY 0.8
/* Longer quoted spans are somebody's words or a title, not a scare quote. */
#define QD_FRAME_SCARE_WORDS 6
/* At most this many distinctive terms per outlet and scope. */
#define QD_FRAME_MAX_TERMS 12

/* The variance of log(y + a) for a word seen y times in `docs` documents of `words`
 * words in all: the larger of the multinomial 1 / (y + a) and the robust estimate
 * sum_d (x_d - p n_d)^2 * docs / (docs - 1) / (y + a)^2, p = y / words, from the sums
 * sx2 = sum_d x_d^2, sxn = sum_d x_d n_d and words2 = sum_d n_d^2. */
double qd_frame_log_count_var(double y, double a, double sx2, double sxn, uint32_t docs, double words, double words2);

/* Where a label is used. */
enum { QD_WHERE_OWN = 0, QD_WHERE_SCARE, QD_WHERE_QUOTED };

typedef struct qd_fsum_scare {
    const char *text;      /* as written, trimmed */
    const char *key;       /* normalised, for counting */
    const char *words;     /* its tokens' normalised forms, space-separated, or NULL */
} qd_fsum_scare;

typedef struct qd_fsum_hit {
    const char *label;     /* the label's normalised key in labels.tsv */
    uint8_t where;         /* QD_WHERE_* */
} qd_fsum_hit;

typedef struct qd_fsum_source {
    const char *name;      /* the outlet's or agency's lexicon name, or a venue noun */
    qd_source_kind kind;
} qd_fsum_source;

typedef struct qd_fsum_stmt {
    const char *side, *party;  /* of its speaker, or NULL */
    uint32_t first_src, n_src; /* its sources in qd_frame_summary.src */
} qd_fsum_stmt;

/* What framing keeps of one document (doc.c); strings only, in the summary's arena. */
typedef struct qd_frame_summary {
    const char *credit;
    qd_fsum_scare *scare;
    uint32_t n_scare, cap_scare;
    qd_fsum_hit *hits;
    uint32_t n_hits, cap_hits;
    char *words;           /* own words: body and title outside quotation marks, normalised
                            * tokens separated by spaces, a newline where a quote or a
                            * paragraph breaks them */
    qd_fsum_source *src;
    uint32_t n_src, cap_src;
    qd_fsum_stmt *stmts;   /* parallel to the analysis's statements */
    uint32_t n_stmts;
} qd_frame_summary;

/* Make the frame summary of an analysed document in `a` (any thread; -1 when out of
 * memory). */
int qd_frame_summarize(const qd_doc *doc, const qd_lexicon *lx, qd_arena *a, qd_frame_summary **out);
json_t *qd_frame_summary_json(const qd_frame_summary *f);
/* NULL when j is not an object (a summary written without framing); sets *oom when out
 * of memory. */
qd_frame_summary *qd_frame_summary_from_json(json_t *j, qd_arena *a, bool *oom);

/* Called by qd_corpus_add_summary() after the document's summary, with its index; f may
 * be NULL (nothing known). */
int qd_frame_add_summary(qd_corpus *c, const qd_frame_summary *f, uint32_t d, const char *name, qd_error *err);

/* Lower-cased, quote-folded key of s (at most cap-1 bytes); returns its length. */
size_t qd_frame_norm_key(const char *s, size_t n, char *out, size_t cap);

/* Called by qd_corpus_match() after events, threads and statement groups. */
int qd_frame_compute(qd_corpus *c, qd_error *err);

/* The lexicon's people by surname key ("lavrov"), so a person named by surname alone is
 * found in one lookup instead of a pass over every person.  A surname several people
 * share maps to QD_FRAME_SURNAME_AMBIGUOUS.  Built once per document, in its arena. */
#define QD_FRAME_SURNAME_AMBIGUOUS UINT32_MAX
typedef struct qd_frame_surnames {
    qd_strmap map; /* surname key -> index into lx->person_list */
} qd_frame_surnames;

/* Returns 0, or -1 when out of memory. */
int qd_frame_surnames_init(qd_frame_surnames *sn, const qd_lexicon *lx, qd_arena *ar);

/* The country side sides.tsv gives an entity ("Sergei Lavrov" -> "Russia"), or NULL;
 * `sn` is the index qd_frame_surnames_init() built from the same lexicon. */
const char *qd_frame_entity_side(const qd_lexicon *lx, const qd_frame_surnames *sn, const qd_entity *e);

/* The party side sides.tsv gives an entity ("Hillary Clinton" -> "Democrats"), or NULL. */
const char *qd_frame_entity_party(const qd_lexicon *lx, const qd_entity *e);

#endif
