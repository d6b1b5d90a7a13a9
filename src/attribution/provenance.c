/*
 * provenance.c - the chain by which each statement reached the reader.
 */
#include "attrib.h"

static int push(qd_actx *c, qd_statement *st, qd_prov_role role, const char *name, qd_span sp)
{
    qd_provenance *p = qd_arena_realloc(&c->doc->in->arena, st->provenance, st->n_provenance * sizeof(*p),
                                        (st->n_provenance + 1) * sizeof(*p));
    if (!p)
        return QD_ENOMEM;
    p[st->n_provenance].role = role;
    p[st->n_provenance].name = name;
    p[st->n_provenance].span = sp;
    st->n_provenance++;
    st->provenance = p;
    return 0;
}

int qd_provenance_chains(qd_actx *c, qd_cues *cues)
{
    (void)cues;
    qd_doc *doc = c->doc;
    for (uint32_t i = 0; i < c->an->n_statements; i++) {
        qd_statement *st = &c->an->statements[i];
        qd_span none = {0, 0};
        if (doc->meta.credit && push(c, st, QD_PROV_INTERMEDIARY, doc->meta.credit, none) != 0)
            return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
        if (doc->meta.outlet && push(c, st, QD_PROV_OUTLET, doc->meta.outlet, none) != 0)
            return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
    }
    return 0;
}
