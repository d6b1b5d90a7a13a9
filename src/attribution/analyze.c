/*
 * analyze.c - qd_doc_analyze(): the per-document stages after ingest, in order
 *   quotes -> mentions -> entities -> cues -> statements (quoted, reported) -> provenance
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../quotes/quotes.h"
#include "attrib.h"

int qd_doc_analyze(qd_doc *doc, const qd_lexicon *lx, qd_error *err)
{
    if (doc->analysis)
        return 0;
    if (!lx)
        lx = doc->in->lx;
    /* parsed for its paragraphs only: split it into sentences and tokens now */
    if (!doc->in->para_first_token) {
        int rc = qd_text_segment(doc, err);
        if (rc)
            return rc;
    }
    qd_arena *A = &doc->in->arena;
    qd_analysis *an = qd_arena_calloc(A, 1, sizeof(*an));
    if (!an)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    qd_actx c;
    memset(&c, 0, sizeof(c));
    c.doc = doc;
    c.an = an;
    c.lx = lx;
    c.err = err;
    int rc = qd_quotes_find(doc, an, err);
    if (!rc)
        rc = qd_mentions_find(&c);
    if (!rc)
        rc = qd_entities_resolve(&c);
    qd_cues cues;
    memset(&cues, 0, sizeof(cues));
    if (!rc)
        rc = qd_cues_find(&c, &cues);
    if (!rc)
        rc = qd_attribute_quotes(&c, &cues);
    if (!rc)
        rc = qd_attribute_reported(&c, &cues);
    if (!rc)
        rc = qd_merge_quotes_into_reports(&c);
    if (!rc)
        rc = qd_resolve_quoted_overlaps(&c);
    if (!rc)
        qd_credit_document_issuers(&c);
    if (!rc)
        rc = qd_provenance_chains(&c, &cues);
    if (!rc && doc->in->debug)
        qd_debug_dump(&c, &cues, doc->in->debug);
    if (rc)
        return rc;
    doc->analysis = an;
    return 0;
}

const char *qd_quoted_type_name(qd_quoted_type t)
{
    switch (t) {
    case QD_QUOTED_SPEECH: return "speech";
    case QD_QUOTED_SCARE: return "scare";
    case QD_QUOTED_NAME: return "name";
    case QD_QUOTED_TITLE: return "title";
    }
    return "?";
}

const char *qd_entity_kind_name(qd_entity_kind k)
{
    switch (k) {
    case QD_ENT_PERSON: return "person";
    case QD_ENT_ORG: return "organisation";
    case QD_ENT_GOV: return "government";
    case QD_ENT_GROUP: return "group";
    case QD_ENT_ANONYMOUS: return "anonymous";
    case QD_ENT_MEDIA: return "media";
    case QD_ENT_DOCUMENT: return "document";
    case QD_ENT_UNKNOWN: return "unknown";
    }
    return "?";
}

const char *qd_statement_type_name(qd_statement_type t)
{
    switch (t) {
    case QD_STMT_DIRECT: return "direct";
    case QD_STMT_PARTIAL: return "partial";
    case QD_STMT_MIXED: return "mixed";
    case QD_STMT_INDIRECT: return "indirect";
    }
    return "?";
}

const char *qd_prov_role_name(qd_prov_role r)
{
    switch (r) {
    case QD_PROV_VENUE: return "venue";
    case QD_PROV_INTERMEDIARY: return "intermediary";
    case QD_PROV_OUTLET: return "outlet";
    }
    return "?";
}
