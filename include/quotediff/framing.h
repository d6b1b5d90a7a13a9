/*
 * quotediff/framing.h - how each outlet tells the story.
 *
 * After "who said what" comes "how is it told".  For every outlet, within each event,
 * each thread and the whole corpus, the framing analysis gathers:
 *   - scare quotes: words the outlet puts in quotation marks without crediting anyone
 *     ("special military operation", "mission"), marking those no other outlet of the
 *     scope quotes;
 *   - labels: which of the competing names for one referent (Kyiv/Kiev, "special military
 *     operation"/invasion/war; data/lexicons/labels.tsv) the outlet uses, and whether in
 *     its own voice, in scare quotes or inside somebody's quoted words;
 *   - speech verbs: the verbs introducing each speaker, with their stance from the
 *     speech-verb lexicon (neutral "said" against loaded "claimed", "insisted",
 *     "admitted");
 *   - share of voice: statements, verbatim quotes against paraphrase, and quoted words
 *     per speaker and per side (data/lexicons/sides.tsv), and who is quoted first;
 *   - source reliance: the agencies, outlets and venues (interviews, statements, press
 *     releases) its statements came through;
 *   - distinctive vocabulary: stemmed terms the outlet uses more than the rest of the
 *     scope, by the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi
 *     and Quinn 2008).  Words come in bursts (an article about Benghazi says "Benghazi"
 *     ten times), so the variance is the larger of Monroe's and the one the documents
 *     show; a term is kept when z > 1.96 and it passes a false discovery rate of 5%
 *     (Benjamini-Hochberg) over all the words tested, so that small corpora give a few
 *     honest terms, and outlets dealt the same kind of articles at random give none.
 * The framing is part of the comparison (qd_comparison.framing) and is computed by
 * qd_corpus_match().
 */
#ifndef QUOTEDIFF_FRAMING_H
#define QUOTEDIFF_FRAMING_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A term an outlet put in scare quotes. */
typedef struct qd_frame_scare {
    const char *text;        /* as first written, without its marks and end punctuation */
    const char *key;         /* normalised (lower case, folded quotes) */
    uint32_t count;
    uint32_t outlets;        /* outlets of the scope that scare-quote it (1: only this one) */
    uint32_t plain_here;     /* times this outlet writes the same words without quotation marks */
    uint32_t plain_elsewhere;/* ... and the other outlets of the scope */
    uint32_t plain_outlets;  /* other outlets that write them plainly */
} qd_frame_scare;

/* Uses of one label of labels.tsv. */
typedef struct qd_frame_label {
    const char *referent;    /* "war in Ukraine" */
    const char *label;       /* "special military operation" */
    uint32_t own;            /* in the outlet's own voice */
    uint32_t scare;          /* in scare quotes */
    uint32_t quoted;         /* inside somebody's quoted words */
} qd_frame_label;

/* Stances of the speech-verb lexicon, in a fixed order for tables and charts. */
typedef enum qd_stance {
    QD_STANCE_NEUTRAL = 0,
    QD_STANCE_EMPHATIC,
    QD_STANCE_DOUBTFUL,
    QD_STANCE_CONCESSIVE,
    QD_STANCE_EMOTIVE,
    QD_STANCE_EVALUATIVE,
    QD_STANCE_HEDGED,
    QD_STANCE_NONE,          /* no verb: "according to", a headline */
    QD_N_STANCES
} qd_stance;

const char *qd_stance_name(qd_stance s);

/* A verb an outlet uses to introduce a speaker. */
typedef struct qd_frame_verb {
    const char *lemma;       /* "say", "insist", "according to" */
    qd_stance stance;
    uint32_t count;
} qd_frame_verb;

/* One speaker in one outlet: voice and verbs. */
typedef struct qd_frame_speaker {
    int32_t speaker;         /* corpus speaker, -1 for unattributed */
    const char *side;        /* from sides.tsv, or NULL */
    uint32_t statements;
    uint32_t verbatim;       /* direct, partial and mixed statements (quotation marks) */
    uint32_t paraphrased;    /* indirect statements */
    uint32_t quoted_words;
    uint32_t first;          /* documents of the outlet in which it is quoted first */
    uint32_t stance[QD_N_STANCES];
    qd_frame_verb *verbs;    /* most frequent first */
    uint32_t n_verbs;
} qd_frame_speaker;

/* Share of voice of one side in one outlet. */
typedef struct qd_frame_side {
    const char *side;        /* "unknown side" when no lexicon entry says */
    uint32_t statements;
    uint32_t quoted_words;
    uint32_t loaded;         /* statements introduced by a loaded verb (not neutral, not none) */
} qd_frame_side;

typedef enum qd_source_kind {
    QD_SOURCE_AGENCY = 0,    /* a wire agency (outlets.tsv kind agency) */
    QD_SOURCE_OUTLET,        /* another outlet */
    QD_SOURCE_VENUE,         /* interview, statement, press release, briefing */
    QD_SOURCE_CREDIT         /* a document-wide credit line ("TASS") */
} qd_source_kind;

const char *qd_source_kind_name(qd_source_kind k);

/* An intermediary an outlet relies on. */
typedef struct qd_frame_source {
    const char *name;
    qd_source_kind kind;
    uint32_t count;          /* statements (documents for a credit) */
} qd_frame_source;

/* A term distinctive of an outlet against the rest of its scope. */
typedef struct qd_frame_term {
    const char *term;        /* a word the stem came from */
    uint32_t count;          /* in the outlet */
    uint32_t rest;           /* in the other outlets of the scope */
    double delta;            /* log-odds ratio */
    double z;
} qd_frame_term;

typedef struct qd_frame_outlet {
    const char *outlet;
    uint32_t documents;
    uint32_t words;          /* content words counted for vocabulary */
    uint32_t statements;
    int32_t first_speaker;   /* speaker quoted first most often (-1: unattributed or none) */
    qd_frame_scare *scare;   /* most frequent first */
    uint32_t n_scare;
    qd_frame_label *labels;  /* in lexicon order */
    uint32_t n_labels;
    qd_frame_speaker *speakers; /* most statements first */
    uint32_t n_speakers;
    qd_frame_side *sides;    /* most statements first */
    uint32_t n_sides;
    qd_frame_source *sources;/* most used first */
    uint32_t n_sources;
    qd_frame_term *distinctive; /* highest z first */
    uint32_t n_distinctive;
} qd_frame_outlet;

/* The framing of one scope: an event, a thread, or the corpus. */
typedef struct qd_framing {
    qd_frame_outlet *outlets;   /* in first-seen order */
    uint32_t n_outlets;
    const char **contested;     /* referents for which the outlets use different labels */
    uint32_t n_contested;
} qd_framing;

typedef struct qd_framing_set {
    qd_framing *events;         /* parallel to qd_comparison.events */
    qd_framing *threads;        /* parallel to qd_comparison.threads */
    qd_framing corpus;
    double prior_total;         /* a_0 of the Dirichlet prior */
    double z_threshold;         /* distinctive terms have z above this */
    double fdr;                 /* ... and pass this false discovery rate */
} qd_framing_set;

/*
 * The log-odds ratio of a term between a group (y_o of n_o words) and the rest (y_r of
 * n_r), with an informative Dirichlet prior a_i for the term out of a_0 in all (Monroe,
 * Colaresi and Quinn 2008, "Fightin' words", eq. 22 and 24):
 *   delta = log((y_o + a_i) / (n_o + a_0 - y_o - a_i)) - log((y_r + a_i) / (n_r + a_0 - y_r - a_i))
 *   var   = 1 / (y_o + a_i) + 1 / (y_r + a_i)
 *   z     = delta / sqrt(var)
 * Returns z and sets *delta (if not NULL).
 */
double qd_log_odds_z(double y_o, double n_o, double y_r, double n_r, double a_i, double a_0, double *delta);

struct qd_comparison;
/* Is corpus speaker s one the corpus shares across documents (a person, organisation,
 * government, outlet), rather than unattributed (-1) or private to one document ("the
 * writer", "sources")?  Only those have sides and can be quoted first. */
bool qd_frame_shared_speaker(const struct qd_comparison *r, int32_t s);

#ifdef __cplusplus
}
#endif
#endif
