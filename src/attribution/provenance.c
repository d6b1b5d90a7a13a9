/*
 * provenance.c - the chain by which each statement reached the reader.
 *
 * For every statement, innermost first:
 *   venue         where the words were said: "in an interview with Tucker Carlson", "in a
 *                 statement", a press release that speaks for its owner; named in the
 *                 statement's sentence, or earlier for the same speaker
 *   intermediary  who passed them on: a reporter who "quoted" the speaker, an agency
 *                 ("according to what was reported by Interfax", "citing sources",
 *                 "Caliber.Az reports via TASS"), the speaker of an enclosing report
 *                 (nested attribution), and the document's own credit (a dateline agency,
 *                 "Source: ...") when nothing closer is named
 *   outlet        the publication the document comes from (with its byline)
 */
#include <string.h>
#include <strings.h>

#include "../text/match.h"
#include "attrib.h"

static int push(qd_actx *c, qd_statement *st, qd_prov_role role, const char *name, qd_span sp)
{
    if (!name || !*name)
        return 0;
    for (uint32_t i = 0; i < st->n_provenance; i++)
        if (st->provenance[i].role == role && strcasecmp(st->provenance[i].name, name) == 0)
            return 0;
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

/* Text of tokens [a, b) with whitespace collapsed. */
static const char *tokens_text(qd_actx *c, uint32_t a, uint32_t b)
{
    qd_token *tok = c->doc->in->tokens;
    const char *t = c->doc->text;
    size_t n = tok[b - 1].end - tok[a].start;
    char *out = qd_arena_alloc(&c->doc->in->arena, n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    bool sp = false;
    for (size_t i = tok[a].start; i < tok[b - 1].end; i++) {
        char ch = t[i];
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            sp = o > 0;
            continue;
        }
        if (sp)
            out[o++] = ' ';
        sp = false;
        out[o++] = ch;
    }
    out[o] = '\0';
    return out;
}

/* A venue phrase at cue ci: "in an interview" plus "with <mention>" after it. */
static qd_span venue_span(qd_actx *c, const qd_cue *cue, uint32_t sb, uint32_t *ta, uint32_t *tb)
{
    qd_token *tok = c->doc->in->tokens;
    uint32_t a = cue->ta, b = cue->tb;
    /* "in an interview" -> drop the leading preposition and article from the name */
    while (a < b && tok[a].lex && (tok[a].lex->tags & (QD_W_PREP | QD_W_DET)))
        a++;
    /* "in an interview with American journalist Tucker Carlson": take the partner */
    bool linked = b > cue->ta && tok[b - 1].kind == QD_TK_WORD &&
                  (qd_norm_is(&tok[b - 1], "with") || qd_norm_is(&tok[b - 1], "to"));
    if (linked)
        b--;
    if (b < sb && tok[b].kind == QD_TK_WORD && (qd_norm_is(&tok[b], "with") || qd_norm_is(&tok[b], "on") ||
                                                qd_norm_is(&tok[b], "to")) && b + 1 < sb) {
        int32_t m = c->m_start[b + 1];
        if (m >= 0)
            b = c->mx[m].tb;
        else if (tok[b + 1].kind == QD_TK_WORD && (tok[b + 1].flags & QD_TF_CAP))
            b += 2;
    }
    if (a >= b)
        a = cue->ta;
    *ta = a;
    *tb = b;
    return qd_span_make(tok[a].start, tok[b - 1].end);
}

typedef struct venue_memo {
    int32_t entity;
    const char *name;
    qd_span span;
} venue_memo;

int qd_provenance_chains(qd_actx *c, qd_cues *cues)
{
    qd_doc *doc = c->doc;
    qd_analysis *an = c->an;
    qd_token *tok = doc->in->tokens;
    venue_memo memo[32];
    int n_memo = 0;
    for (uint32_t i = 0; i < an->n_statements; i++) {
        qd_statement *st = &an->statements[i];
        const qd_sentence *se = &doc->sentences[st->sentence];
        uint32_t sa = se->first_token, sb = sa + se->n_tokens;
        int rc = 0;
        /* venue: a phrase in the sentence, a document that speaks for its owner, or the
         * venue last named for this speaker */
        bool venue = false;
        if (st->speaker >= 0) {
            const qd_mx *x = &c->mx[st->speaker];
            if (x->kind == QD_ENT_DOCUMENT && x->owner >= 0) {
                const char *nm = tokens_text(c, x->ha, x->hb);
                rc |= push(c, st, QD_PROV_VENUE, nm, qd_span_make(tok[x->ha].start, tok[x->hb - 1].end));
                venue = true;
            }
        }
        /* (the sentence's cues: from the first starting in it, in text order) */
        uint32_t first_cue = qd_cue_first_at(cues, sa);
        for (uint32_t ci = first_cue; ci < cues->n && cues->v[ci].ta < sb && !venue; ci++) {
            if (cues->v[ci].kind != QD_CK_VENUE)
                continue;
            uint32_t va, vb;
            qd_span sp = venue_span(c, &cues->v[ci], sb, &va, &vb);
            rc |= push(c, st, QD_PROV_VENUE, tokens_text(c, va, vb), sp);
            venue = true;
            if (st->entity >= 0 && n_memo < 32) {
                memo[n_memo].entity = st->entity;
                memo[n_memo].name = st->provenance[st->n_provenance - 1].name;
                memo[n_memo].span = sp;
                n_memo++;
            }
        }
        if (!venue && st->entity >= 0) {
            for (int k = n_memo - 1; k >= 0; k--)
                if (memo[k].entity == st->entity) {
                    rc |= push(c, st, QD_PROV_VENUE, memo[k].name, memo[k].span);
                    venue = true;
                    break;
                }
        }
        /* intermediaries: "she quoted the secretary of state" (the one who quoted) */
        bool near = false;
        if (!qd_span_empty(st->cue)) {
            uint32_t ct = qd_token_at(doc, st->cue.start);
            int32_t ci = cues->at[ct];
            if (ci >= 0 && cues->v[ci].verb >= 0) {
                const char *lemma = c->lx->verbs[cues->v[ci].verb].lemma;
                if (qd_quoting_lemma(lemma)) {
                    int32_t sub = ct > sa ? c->m_end[ct - 1] : -1;
                    if (sub >= 0 && sub != st->speaker) {
                        int32_t e = c->an->mentions[sub].entity;
                        const char *nm = e >= 0 ? an->entities[e].name : NULL;
                        rc |= push(c, st, QD_PROV_INTERMEDIARY, nm, c->an->mentions[sub].span);
                        near = true;
                    }
                }
            }
        }
        /* "according to what was reported by Interfax", "citing sources", "via TASS",
         * "according to News i" before the statement's own words */
        for (uint32_t ci = first_cue; ci < cues->n && cues->v[ci].ta < sb; ci++) {
            const qd_cue *cue = &cues->v[ci];
            bool inter = cue->kind == QD_CK_INTERMEDIARY;
            int32_t m = -1;
            if (inter || cue->kind == QD_CK_ACCORDING) {
                m = qd_cue_speaker(c, cues, ci, sa, sb);
                if (m >= 0 && cue->kind == QD_CK_ACCORDING && c->mx[m].kind != QD_ENT_MEDIA)
                    m = -1; /* "according to Lavrov" names the speaker, not a go-between */
            }
            /* "CNN, citing sources in the White House, said ...": the sources speak and
             * the one citing them passes their words on */
            if (inter && m >= 0 && m == st->speaker && cue->ta > sa + 1) {
                uint32_t p = cue->ta - 1;
                if (qd_tok_is(&tok[p], ',') && p > sa)
                    p--;
                int32_t sub = c->m_end[p];
                if (sub >= 0 && sub != st->speaker && !c->mx[sub].possessive) {
                    int32_t se2 = c->an->mentions[sub].entity;
                    const char *snm = se2 >= 0 ? an->entities[se2].name : tokens_text(c, c->mx[sub].ta, c->mx[sub].tb);
                    rc |= push(c, st, QD_PROV_INTERMEDIARY, snm, c->an->mentions[sub].span);
                    near = true;
                }
                continue;
            }
            if (m < 0 || m == st->speaker)
                continue;
            int32_t e = c->an->mentions[m].entity;
            const char *nm = e >= 0 ? an->entities[e].name : NULL;
            if (!nm)
                nm = tokens_text(c, c->mx[m].ta, c->mx[m].tb);
            if (doc->meta.outlet && nm && strcasecmp(nm, doc->meta.outlet) == 0 && cue->kind != QD_CK_ACCORDING &&
                !inter)
                continue;
            rc |= push(c, st, QD_PROV_INTERMEDIARY, nm, c->an->mentions[m].span);
            near = true;
        }
        /* "This was announced by CNN correspondent Kylie Atwood": a go-between named
         * in the next sentence of the paragraph */
        if (st->sentence + 1 < doc->n_sentences && doc->sentences[st->sentence + 1].paragraph == st->paragraph) {
            const qd_sentence *nx = &doc->sentences[st->sentence + 1];
            uint32_t a = nx->first_token, b = a + nx->n_tokens;
            if (b > a + 4 && tok[a].kind == QD_TK_WORD &&
                (qd_norm_is(&tok[a], "this") || qd_norm_is(&tok[a], "that") || qd_norm_is(&tok[a], "it")) &&
                tok[a + 1].lex && (tok[a + 1].lex->tags & QD_W_AUX)) {
                for (uint32_t k = a + 2; k + 2 < b && k < a + 6; k++) {
                    if (cues->at[k] >= 0 && qd_tok_word(&tok[k + 1], "by") &&
                        c->m_start[k + 2] >= 0) {
                        int32_t m = c->m_start[k + 2];
                        int32_t e = c->an->mentions[m].entity;
                        if (e >= 0 && e != st->entity) {
                            rc |= push(c, st, QD_PROV_INTERMEDIARY, an->entities[e].name, c->an->mentions[m].span);
                            near = true;
                        }
                        break;
                    }
                }
            }
        }
        /* enclosing reports, innermost first: "the Interfax news agency reported that
         * Lavrov declined ..." */
        for (int32_t p = st->parent, guard = 0; p >= 0 && guard < 8; p = an->statements[p].parent, guard++) {
            const qd_statement *ps = &an->statements[p];
            if (ps->entity < 0 || ps->entity == st->entity)
                continue;
            qd_span sp = ps->speaker >= 0 ? c->an->mentions[ps->speaker].span : qd_span_make(0, 0);
            rc |= push(c, st, QD_PROV_INTERMEDIARY, an->entities[ps->entity].name, sp);
            near = true;
        }
        /* the document's credit is the last go-between before the outlet */
        (void)near;
        if (doc->meta.credit)
            rc |= push(c, st, QD_PROV_INTERMEDIARY, doc->meta.credit, qd_span_make(0, 0));
        if (doc->meta.outlet)
            rc |= push(c, st, QD_PROV_OUTLET, doc->meta.outlet, qd_span_make(0, 0));
        if (rc)
            return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
    }
    return 0;
}
