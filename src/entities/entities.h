/*
 * entities.h - the entities stage: mentions of possible speakers, and their resolution
 * into entities (coreference within one document).
 *
 * Mentions are found on tokens: pronouns; names, with the titles written before them
 * ("Russian Foreign Minister Sergei Lavrov"); role nouns ("the head of the Russian
 * Foreign Ministry"); organisations, governments, media and documents ("the Foreign
 * Ministry", "Washington", "the press release of the Foreign Ministry"); anonymous
 * sources ("sources in the White House"); groups ("Central Asian countries").
 */
#ifndef QD_ENTITIES_H
#define QD_ENTITIES_H

#include "../doc_internal.h"

/* What the stages know about mention i beyond the public qd_mention. */
typedef struct qd_mx {
    uint32_t ta, tb;        /* token range [ta, tb) */
    uint32_t ha, hb;        /* head: the name part, or the head noun */
    qd_entity_kind kind;
    int32_t role;           /* roles lexicon entry of the head or title, -1 */
    const char *country;    /* nationality given by a modifier ("RU", "US"), NULL */
    const char *org;        /* organisation modifier, lower case ("state department") */
    int32_t owner;          /* possessive owner or "of X" complement (a mention), -1 */
    int32_t appos;          /* mention in apposition ("X, the foreign minister,"), -1 */
    const char *first;      /* person: first name, canonical spelling, lower case */
    const char *last;       /* person: surname, canonical spelling, lower case */
    char gender;            /* 'm', 'f', 'p' (plural), 'n' (neuter), 0 unknown */
    bool in_quote;
    bool plural;
    bool definite;          /* "the ...": refers back to something known */
    bool possessive;        /* "Lavrov's" */
    bool relative;          /* who / which / that */
    bool generic;           /* a generic role noun ("the diplomat") */
    bool honorific;         /* "Mr. Kellogg" */
} qd_mx;

typedef struct qd_actx {
    qd_doc *doc;
    qd_analysis *an;
    const qd_lexicon *lx;
    qd_error *err;
    qd_mx *mx;              /* parallel to an->mentions */
    uint32_t cap_mentions, cap_mx, cap_entities, cap_statements;
    int32_t *m_start;       /* per token: mention starting there, -1 */
    int32_t *m_end;         /* per token: mention whose last token it is, -1 */
    int32_t *m_in;          /* per token: mention covering it, -1 */
} qd_actx;

int qd_mentions_find(qd_actx *c);
int qd_entities_resolve(qd_actx *c);

/* Resolve a pronoun, relative or role mention that a later stage wants a referent for
 * (uses the entities found so far); returns an entity or -1. */
int32_t qd_entity_of(qd_actx *c, int32_t mention);

/* A noun phrase ending at token k that the mention pass did not know as a speaker
 * ("Witnesses", "85% of Democrats", "the probe"), made into a mention and an entity of
 * its own when something reports through it.  Returns the mention or -1. */
int32_t qd_mention_np_ending_at(qd_actx *c, uint32_t k, uint32_t lo);

/* Tokens [a, b) as a mention and entity of their own (a source the lexicons do not
 * know: "a count by The Associated Press"); reuses a mention already there. */
int32_t qd_mention_np_span(qd_actx *c, uint32_t a, uint32_t b);

/* Allocate a new entity for mention m and return its index (or -1 when out of memory). */
int32_t qd_entity_new(qd_actx *c, int32_t m);

/* Token j (of n) is a single closing mark glued to a word ending in "s" and followed by a
 * space: the possessive of a plural or of a name like "Sanders" ("Sanders’ campaign"),
 * which the tokenizer keeps apart from its word because no letter follows it. */
bool qd_plural_possessive_mark(const qd_token *tok, uint32_t n, uint32_t j);

#endif
