/*
 * debug.c - a dump of the pipeline's intermediate results, for developers
 * (`quotediff extract --debug`).
 */
#include <stdio.h>

#include "attrib.h"

void qd_debug_dump(qd_actx *c, const qd_cues *cues, FILE *f)
{
    qd_doc *doc = c->doc;
    qd_token *tok = doc->in->tokens;
    fprintf(f, "# %s\n", doc->path);
    for (uint32_t si = 0; si < doc->n_sentences; si++) {
        const qd_sentence *s = &doc->sentences[si];
        fprintf(f, "S%u/P%u:", si, s->paragraph);
        for (uint32_t i = s->first_token; i < s->first_token + s->n_tokens; i++) {
            const qd_token *t = &tok[i];
            fprintf(f, " %.*s", (int)(t->end - t->start), doc->text + t->start);
            if (c->m_start[i] >= 0)
                fprintf(f, "[m%d", c->m_start[i]);
            if (c->m_end[i] >= 0)
                fprintf(f, "]m%d", c->m_end[i]);
            if (cues->at[i] >= 0)
                fprintf(f, "{cue%d}", cues->at[i]);
            if (t->quoted >= 0)
                fprintf(f, "<q%d>", t->quoted);
        }
        fputc('\n', f);
    }
    for (uint32_t m = 0; m < c->an->n_mentions; m++) {
        const qd_mention *pm = &c->an->mentions[m];
        const qd_mx *x = &c->mx[m];
        fprintf(f, "m%u kind=%d ek=%s ent=%d role=%d country=%s org=%s first=%s last=%s g=%c appos=%d owner=%d '%.*s'\n", m,
                pm->kind, qd_entity_kind_name(x->kind), pm->entity, x->role, x->country ? x->country : "-",
                x->org ? x->org : "-", x->first ? x->first : "-", x->last ? x->last : "-", x->gender ? x->gender : '-',
                x->appos, x->owner, (int)(pm->span.end - pm->span.start), doc->text + pm->span.start);
    }
    for (uint32_t e = 0; e < c->an->n_entities; e++)
        fprintf(f, "e%u %s '%s' key=%s g=%c\n", e, qd_entity_kind_name(c->an->entities[e].kind),
                c->an->entities[e].name ? c->an->entities[e].name : "?", c->an->entities[e].key ? c->an->entities[e].key : "?",
                c->an->entities[e].gender);
}
