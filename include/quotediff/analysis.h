/*
 * quotediff/analysis.h - who said what in one document.
 *
 * qd_doc_analyze() runs the per-document stages on a parsed document:
 *   quotation marks -> quoted spans (typed: speech or scare quote, name, title)
 *   mentions and entities -> persons, organisations, groups, anonymous sources
 *   attribution -> statements (direct, partial, mixed, indirect) with cue, speaker and
 *                  provenance chain, nested statements linked to the one reporting them
 * The results hang off doc->analysis and live in the document's arena.
 */
#ifndef QUOTEDIFF_ANALYSIS_H
#define QUOTEDIFF_ANALYSIS_H

#include "quotediff/common.h"
#include "quotediff/document.h"
#include "quotediff/lexicon.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A span between quotation marks, before anyone is credited with it. */
typedef enum qd_quoted_type {
    QD_QUOTED_SPEECH = 0, /* words someone said or wrote (a full or partial quote) */
    QD_QUOTED_SCARE,      /* the writer's distance from a word: a "mission", "hybrid war" */
    QD_QUOTED_NAME,       /* a name: the "Interfax" agency */
    QD_QUOTED_TITLE       /* a title of a work: the book "Fire and Fury" */
} qd_quoted_type;

enum {
    QD_QUOTED_UNCLOSED = 1u << 0,  /* no closing mark: ends at its paragraph */
    QD_QUOTED_MULTIPARA = 1u << 1, /* runs over paragraphs (reopened on each) */
    QD_QUOTED_FULL = 1u << 2,      /* a whole sentence or more, not a fragment */
    QD_QUOTED_IN_TITLE = 1u << 3,
    QD_QUOTED_UNCREDITED = 1u << 4 /* speech nobody is credited with: no statement of its own */
};

typedef struct qd_quoted {
    qd_span outer;      /* including the quotation marks */
    qd_span inner;      /* the quoted words */
    qd_quoted_type type;
    uint32_t flags;
    int32_t parent;     /* the quoted span this one is nested in, or -1 */
    uint32_t paragraph;
    uint32_t sentence;
} qd_quoted;

typedef enum qd_entity_kind {
    QD_ENT_PERSON = 0,
    QD_ENT_ORG,        /* ministries, parties, campaigns, companies */
    QD_ENT_GOV,        /* a capital or country standing for its government: "Washington" */
    QD_ENT_GROUP,      /* "Central Asian countries", "Democrats", "voters" */
    QD_ENT_ANONYMOUS,  /* "a senior official", "sources in the White House" */
    QD_ENT_MEDIA,      /* outlets and agencies: "CNN", "Interfax" */
    QD_ENT_DOCUMENT,   /* "the statement", "a poll", "the report" */
    QD_ENT_UNKNOWN
} qd_entity_kind;

typedef enum qd_mention_kind {
    QD_MENTION_NAME = 0,  /* "Sergei Lavrov", "Lavrov", "Mr. Kellogg" */
    QD_MENTION_PRONOUN,   /* "he", "she", "they" */
    QD_MENTION_ROLE,      /* "the foreign minister", "the diplomat" */
    QD_MENTION_NOMINAL    /* other noun phrases: "a source", "the campaign" */
} qd_mention_kind;

typedef struct qd_mention {
    qd_span span;
    qd_mention_kind kind;
    int32_t entity;     /* index into entities, -1 if unresolved */
    const char *role;   /* role the mention gives ("Russian Foreign Minister"), or NULL */
    uint32_t sentence;
} qd_mention;

typedef struct qd_entity {
    const char *name;     /* canonical display name ("Sergei Lavrov") */
    const char *key;      /* normalised key for matching across documents ("lavrov|sergei") */
    qd_entity_kind kind;
    char gender;          /* 'm', 'f', 'n' (non-person or plural), '?' */
    const char **roles;   /* distinct roles given by the mentions */
    uint32_t n_roles;
    const char *role_conflict; /* a role that contradicts the others or the lexicon */
    uint32_t n_mentions;
    int32_t first_mention;
} qd_entity;

typedef enum qd_statement_type {
    QD_STMT_DIRECT = 0, /* a whole quoted statement */
    QD_STMT_PARTIAL,    /* quoted words inside the writer's sentence */
    QD_STMT_MIXED,      /* a reported clause holding quoted words */
    QD_STMT_INDIRECT    /* reported speech, thought or intention without quotation marks */
} qd_statement_type;

typedef enum qd_prov_role {
    QD_PROV_VENUE = 0,    /* interview, press release, briefing, phone call, statement */
    QD_PROV_INTERMEDIARY, /* a correspondent, agency or outlet passing it on */
    QD_PROV_OUTLET        /* the outlet publishing the document */
} qd_prov_role;

typedef struct qd_provenance {
    qd_prov_role role;
    const char *name;
    qd_span span;         /* where the text names it; empty when it does not */
} qd_provenance;

typedef struct qd_statement {
    qd_statement_type type;
    qd_span *pieces;      /* the content, in order; several when broken by "he said" */
    uint32_t n_pieces;
    qd_span cue;          /* "said", "according to"; empty if none */
    int32_t speaker;      /* index into mentions, -1 if unattributed */
    int32_t entity;       /* resolved speaker, -1 if unknown */
    int32_t parent;       /* the statement that reports this one, -1 if none */
    const char *cue_lemma;/* "say", "insist"... */
    const char *stance;   /* stance of the cue verb from the lexicon: "neutral", ... */
    qd_provenance *provenance; /* innermost first, outlet last */
    uint32_t n_provenance;
    uint32_t paragraph;
    uint32_t sentence;
    int32_t quoted;       /* the quoted span it was built from, -1 for indirect */
    float confidence;
    bool continuation;    /* credited because it follows a quote of the same speaker */
} qd_statement;

typedef struct qd_analysis {
    qd_quoted *quoted;
    uint32_t n_quoted;
    qd_mention *mentions;
    uint32_t n_mentions;
    qd_entity *entities;
    uint32_t n_entities;
    qd_statement *statements;
    uint32_t n_statements;
} qd_analysis;

/* Run quotes, entities and attribution on a parsed document (fills doc->analysis). */
int qd_doc_analyze(qd_doc *doc, const qd_lexicon *lx, qd_error *err);

const char *qd_quoted_type_name(qd_quoted_type t);
const char *qd_entity_kind_name(qd_entity_kind k);
const char *qd_statement_type_name(qd_statement_type t);
const char *qd_prov_role_name(qd_prov_role r);

#ifdef __cplusplus
}
#endif
#endif
