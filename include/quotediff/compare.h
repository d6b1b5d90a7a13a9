/*
 * quotediff/compare.h - many documents side by side: events, threads, and statements
 * aligned across outlets.
 *
 * A corpus holds a compact summary of each analysed document (metadata, weighted terms,
 * speakers, statements), so documents can be freed as soon as they are added.  Matching
 * then
 *   - groups documents that cover the same event (shared names, corpus-weighted stemmed
 *     terms, shared quotes, closeness in time) and links events on one topic into
 *     threads with a timeline;
 *   - aligns the statements of different documents (identical, identical once
 *     normalised, near-verbatim, fragment, paraphrase), each pair with a score and a
 *     word-level diff, into statement groups;
 *   - finds what diverges: statements only one outlet carries, the same words credited to
 *     different speakers, the same quote reached through different intermediaries, and
 *     who gets how much voice in which outlet.
 */
#ifndef QUOTEDIFF_COMPARE_H
#define QUOTEDIFF_COMPARE_H

#include "quotediff/analysis.h"
#include "quotediff/common.h"
#include "quotediff/document.h"
#include "quotediff/framing.h"
#include "quotediff/lexicon.h"
#include "quotediff/tasks.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct qd_match_options {
    double event_threshold;   /* similarity needed to join an event (default 0.28) */
    double thread_threshold;  /* similarity needed to link two events in a thread (0.12) */
    int event_days;           /* a document more days than this from an event needs a shared quote */
    bool keep_text;           /* keep article texts (the HTML report links into them) */
    /* Where matching runs its independent tasks (statement alignment per event and per
     * thread, framing per scope): the caller's threads (quotediff/tasks.h), which must
     * outlive qd_corpus_match; NULL (the default) runs them on the calling thread.  The
     * result does not depend on it. */
    const qd_task_runner *tasks;
} qd_match_options;

void qd_match_options_init(qd_match_options *opt);

/* A speaker as the whole corpus knows it: "Sergei Lavrov" and "Sergey Lavrov" are one. */
typedef struct qd_cspeaker {
    const char *name;
    const char *key;
    qd_entity_kind kind;
    bool shared;               /* the same speaker across documents (a person, organisation,
                                * government or outlet), not one private to a document */
    uint32_t n_statements;     /* statements credited to them over the corpus (set by matching) */
    uint32_t n_docs;           /* documents holding such statements */
} qd_cspeaker;

/* One statement of one document, as the matcher keeps it. */
typedef struct qd_cstatement {
    qd_statement_type type;
    const char *text;          /* content (pieces joined with " … ") */
    const char *speaker_text;  /* the mention as written ("he"), or NULL */
    int32_t speaker;           /* index into corpus speakers, -1 if unknown */
    const char *cue;           /* cue lemma */
    const char *stance;
    const char *venue;         /* innermost venue, or NULL */
    const char **intermediaries;
    uint32_t n_intermediaries;
    uint32_t start, end;       /* offsets of the content in the document text */
    uint32_t words;
    int32_t group;             /* statement group, -1 if aligned with nothing */
} qd_cstatement;

typedef struct qd_cdoc {
    const char *path;
    const char *url;
    const char *outlet;
    const char *date;          /* ISO 8601 or NULL */
    const char *title;
    const char *byline;
    const char *text;          /* article text when kept, else NULL */
    qd_span *paragraphs;       /* body and title paragraphs of text (when kept) */
    uint32_t n_paragraphs;
    qd_cstatement *statements;
    uint32_t n_statements;
    int32_t event;
} qd_cdoc;

typedef enum qd_align_kind {
    QD_ALIGN_IDENTICAL = 0,   /* byte for byte */
    QD_ALIGN_NORMALIZED,      /* equal once quote marks, case, punctuation, spacing are folded */
    QD_ALIGN_NEAR,            /* near-verbatim: retyped, re-translated, a few words changed */
    QD_ALIGN_FRAGMENT,        /* one quotes part of the other */
    QD_ALIGN_PARAPHRASE       /* reported speech matching a quote, or two reports */
} qd_align_kind;

typedef enum qd_diff_op { QD_DIFF_SAME = 0, QD_DIFF_DEL, QD_DIFF_INS } qd_diff_op;

/* A word-level change: text of the reference (DEL), of the member (INS), or of both. */
typedef struct qd_diff {
    qd_diff_op op;
    const char *text;
} qd_diff;

/* A statement in a group, aligned with the group's reference statement.  Its word-level
 * diff against the reference is made on demand by qd_member_diff. */
typedef struct qd_member {
    uint32_t doc, stmt;
    qd_align_kind kind;        /* against the reference (the reference itself: IDENTICAL) */
    float score;
} qd_member;

/* Statements of different documents that say the same thing. */
typedef struct qd_group {
    int32_t event;             /* -1 when the members come from different events of a thread */
    int32_t thread;
    qd_member *members;        /* the reference (longest direct statement) first */
    uint32_t n_members;
    bool speaker_conflict;     /* members credited to different speakers */
    bool intermediary_conflict;/* the same words through different go-betweens */
} qd_group;

typedef struct qd_event {
    uint32_t *docs;
    uint32_t n_docs;
    const char *first_date, *last_date;
    const char *label;         /* the title of its earliest document */
    const char **terms;        /* evidence: the terms and names its documents share */
    uint32_t n_terms;
    float cohesion;            /* mean similarity of each document to the rest */
    int32_t thread;
    uint32_t *groups;          /* its statement groups, in group order */
    uint32_t n_groups;
} qd_event;

typedef struct qd_thread {
    uint32_t *events;          /* in date order (undated last) */
    uint32_t n_events;
    const char **terms;        /* what links them */
    uint32_t n_terms;
    uint32_t *groups;          /* groups across its events (event -1), in group order */
    uint32_t n_groups;
} qd_thread;

typedef struct qd_comparison {
    qd_cdoc *docs;
    uint32_t n_docs;
    qd_cspeaker *speakers;
    uint32_t n_speakers;
    qd_event *events;
    uint32_t n_events;
    qd_thread *threads;
    uint32_t n_threads;
    qd_group *groups;
    uint32_t n_groups;
    const qd_framing_set *framing; /* how each outlet tells it (quotediff/framing.h) */
} qd_comparison;

typedef struct qd_corpus qd_corpus;

int qd_corpus_new(qd_corpus **out, const qd_lexicon *lx, const qd_match_options *opt, qd_error *err);

/* Summarise an analysed document into the corpus; the document may be freed afterwards.
 * Not thread-safe: add from one thread (summaries can be made in parallel, see
 * qd_summary_*). */
int qd_corpus_add(qd_corpus *c, const qd_doc *doc, qd_error *err);

/* A document reduced to what matching needs, independent of any corpus: made on any
 * thread (one lexicon shared read-only), written as one JSON line and read back on
 * another machine.  Adding the summary is the same as adding the document. */
typedef struct qd_summary qd_summary;
int qd_summary_make(const qd_doc *doc, const qd_lexicon *lx, bool keep_text, qd_summary **out, qd_error *err);
/* One line of JSON (no newline), malloc'd. */
int qd_summary_to_json(const qd_summary *s, char **out, qd_error *err);
/* Read a line written by qd_summary_to_json; `name` names it in messages.  Returns 1 and
 * sets *out, 0 when the JSON is not a summary (another kind of record), <0 on error. */
int qd_summary_from_json(const char *name, const char *data, size_t len, const qd_lexicon *lx, qd_summary **out,
                         qd_error *err);
void qd_summary_free(qd_summary *s);
/* Not thread-safe, like qd_corpus_add; summaries are added in the order given.  `doc`
 * is the analysed document the summary was made from when it is still at hand, else
 * NULL (a summary read back from JSON): some stages read more of it than a summary keeps. */
int qd_corpus_add_summary(qd_corpus *c, const qd_summary *s, const qd_doc *doc, qd_error *err);

/* Events, threads, statement groups.  Call once, after the last add. */
int qd_corpus_match(qd_corpus *c, qd_error *err);

const qd_comparison *qd_corpus_result(const qd_corpus *c);

/* A member's word-level diff against its group's reference: runs of kept (SAME),
 * removed (DEL) and added (INS) words, reference -> member. */
typedef struct qd_diff_list {
    qd_diff *ops;
    uint32_t n;
    char *text;                /* the ops' texts, one after another (owned) */
} qd_diff_list;

/* The diff of member k of group g (of this corpus's result), made when asked rather than
 * kept for every aligned statement (a diff each is about 3.5 KB per document at 100,000
 * documents).  Empty (n == 0) for the reference itself (k == 0) and for identical
 * members.  Only reads the corpus: reports may call it from several threads.  Release
 * with qd_diff_list_free, also after an error (QD_ENOMEM). */
int qd_member_diff(const qd_corpus *c, const qd_group *g, uint32_t k, qd_diff_list *out, qd_error *err);
void qd_diff_list_free(qd_diff_list *d);

void qd_corpus_free(qd_corpus *c);

const char *qd_align_kind_name(qd_align_kind k);

/* Render the comparison: format "text", "md", "html" or "json". */
int qd_report_compare(const qd_corpus *c, const char *format, unsigned flags, char **out, qd_error *err);

/* The same, handed to `write` piece by piece (text and Markdown are written as they are
 * made, so a report of any size never sits whole in memory).  `write` returns 0, or
 * non-zero to stop. */
typedef int (*qd_write_fn)(void *ctx, const char *data, size_t len);
int qd_report_compare_to(const qd_corpus *c, const char *format, unsigned flags, qd_write_fn write, void *ctx,
                         qd_error *err);

#ifdef __cplusplus
}
#endif
#endif
