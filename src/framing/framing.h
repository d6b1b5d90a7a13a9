/*
 * framing.h - the framing stage (quotediff/framing.h) inside the corpus.
 *
 * Two entry points: qd_frame_add() keeps what framing needs of one analysed document
 * beyond the matcher's summary (scare-quoted terms, label uses, the speakers' sides, the
 * credit line), while the document is still alive; qd_frame_compute() builds the
 * per-outlet framing of every event, every thread and the corpus once matching is done.
 */
#ifndef QD_FRAMING_INTERNAL_H
#define QD_FRAMING_INTERNAL_H

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

/* Called by qd_corpus_add() after the document's summary, with its index. */
int qd_frame_add(qd_corpus *c, const qd_doc *doc, uint32_t d, qd_error *err);

/* Called by qd_corpus_match() after events, threads and statement groups. */
int qd_frame_compute(qd_corpus *c, qd_error *err);

/* The country side sides.tsv gives an entity ("Sergei Lavrov" -> "Russia"), or NULL. */
const char *qd_frame_entity_side(const qd_lexicon *lx, const qd_entity *e);

/* The party side sides.tsv gives an entity ("Hillary Clinton" -> "Democrats"), or NULL. */
const char *qd_frame_entity_party(const qd_lexicon *lx, const qd_entity *e);

#endif
