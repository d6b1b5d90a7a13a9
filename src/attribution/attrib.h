/*
 * attrib.h - the attribution stage: statements with cue, speaker and provenance.
 */
#ifndef QD_ATTRIB_H
#define QD_ATTRIB_H

#include <stdio.h>
#include <string.h>

#include "../entities/entities.h"

/* How far, in tokens, an attribution is looked for around a quote or a cue.  News
 * sentences are far shorter; the bound keeps pathological input (a megabyte without a
 * full stop) linear. */
#define QD_REACH 64

/* Cue kinds found on tokens. */
typedef enum qd_cue_kind {
    QD_CK_NONE = 0,
    QD_CK_VERB,          /* a speech-verb form or multi-word verb ("pointed out") */
    QD_CK_ACCORDING,     /* "according to X": the source follows */
    QD_CK_INTERMEDIARY,  /* "citing", "as reported by", "via" */
    QD_CK_VENUE,         /* "in an interview", "in a statement" */
    QD_CK_PASSIVE,       /* "it was pointed out" */
    QD_CK_COLON          /* "Lavrov: ..." in a headline */
} qd_cue_kind;

typedef struct qd_cue {
    uint32_t ta, tb;     /* tokens */
    qd_cue_kind kind;
    int32_t verb;        /* speech verb index, -1 */
} qd_cue;

/* Cues of a document (tokens outside quotation marks), in text order. */
typedef struct qd_cues {
    qd_cue *v;
    uint32_t n, cap;
    int32_t *at;         /* per token: cue starting there, -1 */
} qd_cues;

int qd_cues_find(qd_actx *c, qd_cues *cues);

/* The first cue starting at token t or after it (cues->n if none): with the cues in
 * text order, a sentence's cues are the run from there, found without looking at each
 * of its tokens. */
uint32_t qd_cue_first_at(const qd_cues *cues, uint32_t t);

/* Statements from quoted spans (direct, partial). */
int qd_attribute_quotes(qd_actx *c, qd_cues *cues);

/* A quote overlapping a report by the same speaker is merged into it (run after the
 * reports). */
int qd_merge_quotes_into_reports(qd_actx *c);

/* Statements holding quoted words do not overlap: the enclosing one stays. */
int qd_resolve_quoted_overlaps(qd_actx *c);

/* "X issued a statement saying ...": X, not the statement, is the speaker. */
void qd_credit_document_issuers(qd_actx *c);

/* Statements in reported speech (indirect, mixed). */
int qd_attribute_reported(qd_actx *c, qd_cues *cues);

/* Provenance chains for every statement. */
int qd_provenance_chains(qd_actx *c, qd_cues *cues);

/* Statements ordered by the start of their content, with nesting links set. */
int qd_statements_order(qd_actx *c);

/* Speaker of a cue: the subject before a verb cue, the object of "according to".
 * Returns a mention index or -1. */
int32_t qd_cue_speaker(qd_actx *c, const qd_cues *cues, uint32_t cue, uint32_t lo, uint32_t hi);

/* The subject of the clause in tokens [lo, before): its first mention that is not in
 * quotation marks, a possessive or the object of a preposition; -1 if none. */
int32_t qd_clause_subject(qd_actx *c, uint32_t lo, uint32_t before);

/* A verb of quoting, whose object is the source: "quote", "cite" (the first letter
 * asked first: cues ask this of every verb, and nearly all are neither). */
static inline bool qd_quoting_lemma(const char *lemma)
{
    return (lemma[0] == 'q' && !strcmp(lemma, "quote")) || (lemma[0] == 'c' && !strcmp(lemma, "cite"));
}

/* A determiner that can stand alone for people ("some", "several", "another", "both"). */
bool qd_quantifier(const qd_token *t);

/* The subject of a verb of saying earlier in the sentence (from lo) that reports the
 * clause of cue ci, when it is the same entity as mention m ("X said he believes"):
 * a mention index or -1. */
int32_t qd_reporting_speaker(qd_actx *c, const qd_cues *cues, uint32_t ci, int32_t m, uint32_t lo);

/* Is verb cue `cue` a participle after a form of "be" (over adverbs), not before
 * token sa: "is widely seen", "was said", "has been called"? */
bool qd_passive_cue(const qd_token *tok, const qd_cue *cue, uint32_t sa);

/* For developers (qd_options.debug): the sentences' tokens with mention, cue and quote
 * marks, one line a sentence (debug.c). */
void qd_debug_dump(qd_actx *c, const qd_cues *cues, FILE *f);

#endif
