/*
 * reported.c - statements in reported speech: indirect and mixed.
 *
 * Every verb cue outside quotation marks is tried as the head of a report, and the
 * reported content is read where English puts it:
 *   X said (that) CLAUSE            -> the clause after the cue (and after an indirect
 *                                      object or a time/venue phrase: "told reporters on
 *                                      Tuesday that ...")
 *   CLAUSE, X said.                 -> the clause before the reporting clause
 *   according to X, CLAUSE / CLAUSE, according to X
 *   X denied the report / X urged Y to act / X wants to run
 *                                   -> the object or infinitive of verbs whose lexicon
 *                                      frames allow it
 *   it was pointed out that CLAUSE  -> agentless: credited to the body whose text it is
 * A report whose content holds quoted words becomes one mixed statement and absorbs the
 * partial quotes inside it; a report whose content is exactly a direct quote already
 * credited is not repeated.  Reports inside the content of another report are linked to
 * it (nested attribution: "Lavrov stated that Blinken emphasized ...").
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../text/match.h"
#include "../util/search.h"
#include "attrib.h"

typedef struct rstate {
    qd_actx *c;
    qd_cues *cues;
    uint32_t n_quote_stmts;  /* statements made from quotes come first */
    /* the direct statements' cues by their first token, ascending (a few a document: a
     * sorted list rather than a slot for every token); at a token shared by several
     * cues, the last statement, as an array by token written in statement order had */
    struct direct_cue {
        uint32_t tok;
        int32_t stmt;
    } *direct;
    uint32_t n_direct;
} rstate;

/* The first of r->direct at token t or after it. */
static uint32_t direct_from(const rstate *r, uint32_t t)
{
    return qd_first_at_least(r->direct, sizeof(*r->direct), offsetof(struct direct_cue, tok), 0, r->n_direct, t);
}

static int cmp_direct(const void *x, const void *y)
{
    const struct direct_cue *a = x, *b = y;
    if (a->tok != b->tok)
        return a->tok < b->tok ? -1 : 1;
    return (a->stmt > b->stmt) - (a->stmt < b->stmt);
}

/* "there was", "there will be": an existential subject opens a clause; the lexicon
 * tags "there" as an adverb, which would otherwise be skipped. */
static bool existential(const qd_token *tok, uint32_t i, uint32_t end)
{
    return qd_tok_word(&tok[i], "there") && i + 1 < end && (qd_tok_tags(&tok[i + 1]) & (QD_W_AUX | QD_W_MODAL));
}

/* A finite verb seems to follow within a few tokens: "Russia did not seek", "the aim was",
 * "Blinken would not be upset".  Used to accept a clause without "that". */
static bool clause_follows(const qd_token *tok, uint32_t i, uint32_t end)
{
    /* "he's not planning": a contracted subject and auxiliary */
    if (i < end && (qd_tok_tags(&tok[i]) & QD_W_PRON) && (qd_tok_tags(&tok[i]) & (QD_W_AUX | QD_W_MODAL)))
        return true;
    for (uint32_t k = i; k < end && k < i + 12; k++) {
        const qd_token *t = &tok[k];
        if (t->kind == QD_TK_QUOTE)
            continue;
        if (t->kind != QD_TK_WORD) {
            /* the dot of "Mr." or "U.S." does not end the clause */
            if (qd_tok_is(t, '.') && k > i && tok[k - 1].lex && tok[k - 1].lex->abbr)
                continue;
            if (qd_tok_is(t, ',') || qd_tok_is(t, '.') || qd_tok_is(t, ';'))
                return false;
            continue;
        }
        if (k > i && (qd_tok_tags(t) & (QD_W_AUX | QD_W_MODAL)))
            return true;
        if (k > i && t->lex && t->lex->verb >= 0 && (t->lex->vform == QD_VF_PAST || t->lex->vform == QD_VF_3SG))
            return true;
        /* "officers still scrutinize": a word after an adverb that follows the subject */
        if (k > i + 1 && (qd_tok_tags(&tok[k - 1]) & QD_W_ADV) && !(qd_tok_tags(&tok[k - 1]) & (QD_W_PREP | QD_W_SUB)) &&
            !(t->flags & QD_TF_CAP) && !(qd_tok_tags(t) & (QD_W_FUNCTION | QD_W_TIME)) && t->normlen > 3)
            return true;
        /* "this provides", "it makes": a third-person form right after a one-word subject */
        if (k == i + 1 && (qd_tok_tags(&tok[i]) & (QD_W_PRON | QD_W_DET)) && !(t->flags & QD_TF_CAP) && t->normlen > 3 &&
            t->norm[t->normlen - 1] == 's' && t->norm[t->normlen - 2] != 's' && !(qd_tok_tags(t) & QD_W_FUNCTION))
            return true;
        /* an unknown past-tense or third-person form after the first word */
        if (k > i + 1 && !(t->flags & QD_TF_CAP) && t->normlen > 4 &&
            (qd_norm_ends(t, "ed")))
            return true;
    }
    return false;
}

/* The words at which clause_end's rules look: "and", "but", "although", "though",
 * "even" (lengths first: most words fail there). */
static bool clause_word(const qd_token *t)
{
    if (t->kind != QD_TK_WORD)
        return false;
    switch (t->normlen) {
    case 3: return qd_norm_is(t, "and") || qd_norm_is(t, "but");
    case 4: return qd_norm_is(t, "even");
    case 6: return qd_norm_is(t, "though");
    case 8: return qd_norm_is(t, "although");
    default: return false;
    }
}

/* Where the reported clause starting at i ends: the end of the sentence, a semicolon,
 * or a following reporting clause (", he added"). */
static uint32_t clause_end(rstate *r, uint32_t i, uint32_t sb, uint32_t own_cue)
{
    qd_actx *c = r->c;
    qd_token *tok = c->doc->in->tokens;
    if (sb > i + 2 * QD_REACH)
        sb = i + 2 * QD_REACH;
    /* "that during their meeting, Blinken emphasized ...": a clause opened by a phrase of
     * time or place goes on past its comma */
    uint32_t o = i < sb && qd_tok_word(&tok[i], "that") ? i + 1 : i;
    bool opener = o < sb && (qd_tok_tags(&tok[o]) & (QD_W_PREP | QD_W_SUB));
    for (uint32_t k = i; k < sb; k++) {
        const qd_token *t = &tok[k];
        /* only punctuation, quotation marks and the words of the rules below can end
         * the clause: any other token, most of them, is passed at once */
        if (t->kind != QD_TK_PUNCT && t->kind != QD_TK_QUOTE && !clause_word(t))
            continue;
        /* a quote followed by its own reporting clause: "… “it works,” he added" */
        if (t->kind == QD_TK_QUOTE && t->quoted >= 0 && k + 2 < sb &&
            c->an->quoted[t->quoted].outer.end == t->end && c->m_start[k + 1] >= 0) {
            uint32_t j = c->mx[c->m_start[k + 1]].tb;
            if (j < sb && r->cues->at[j] >= 0 && (uint32_t)r->cues->at[j] != own_cue)
                return k + 1;
        }
        /* a comma inside a closing quote ends the clause as one outside does (below):
         * "… “…confirmation,” according to the report", "… “corrupt,” noting that …" */
        bool comma_quote = t->kind == QD_TK_QUOTE && t->quoted >= 0 && k > i && qd_tok_is(&tok[k - 1], ',') &&
                           c->an->quoted[t->quoted].outer.end == t->end;
        if (comma_quote && k + 1 < sb) {
            int32_t cj = r->cues->at[k + 1];
            if (cj >= 0 && (uint32_t)cj != own_cue &&
                (r->cues->v[cj].kind == QD_CK_ACCORDING || r->cues->v[cj].kind == QD_CK_VERB))
                return k + 1;
        }
        /* "… “non-entities in the Senate,” but he gave …": a new clause after the quote */
        if (comma_quote && k + 3 < sb && (qd_tok_word(&tok[k + 1], "and") || qd_tok_word(&tok[k + 1], "but")) &&
            c->m_start[k + 2] >= 0 && !c->mx[c->m_start[k + 2]].possessive && !(qd_tok_tags(&tok[k + 2]) & QD_W_OBJ)) {
            uint32_t j = c->mx[c->m_start[k + 2]].tb;
            while (j < sb && (qd_tok_tags(&tok[j]) & (QD_W_ADV | QD_W_NEG | QD_W_AUX | QD_W_MODAL)))
                j++;
            if (j < sb && tok[j].kind == QD_TK_WORD && !(qd_tok_tags(&tok[j]) & QD_W_FUNCTION) && !(tok[j].flags & QD_TF_CAP))
                return k + 1;
        }
        if (t->quoted >= 0)
            continue;
        if (qd_tok_is(t, ';'))
            return k;
        /* ", while Lavrov clarified ...": a contrasting clause with its own subject */
        if (qd_tok_is(t, ',') && k + 2 < sb && tok[k + 1].kind == QD_TK_WORD &&
            (qd_norm_is(&tok[k + 1], "while") || qd_norm_is(&tok[k + 1], "whereas") ||
             qd_norm_is(&tok[k + 1], "but")) &&
            c->m_start[k + 2] >= 0) {
            uint32_t j = c->mx[c->m_start[k + 2]].tb;
            while (j < sb && (qd_tok_tags(&tok[j]) & (QD_W_ADV | QD_W_AUX | QD_W_MODAL | QD_W_NEG)))
                j++;
            if (j < sb && tok[j].kind == QD_TK_WORD && tok[j].lex && tok[j].lex->verb >= 0)
                return k;
        }
        /* ", and he railed against ...": a new clause whose subject is a pronoun or the
         * reporting speaker again tells its own story */
        if (qd_tok_is(t, ',') && k + 3 < sb && (qd_tok_word(&tok[k + 1], "and") || qd_tok_word(&tok[k + 1], "but")) &&
            c->m_start[k + 2] >= 0 && c->an->mentions[c->m_start[k + 2]].kind == QD_MENTION_PRONOUN &&
            !(qd_tok_tags(&tok[k + 2]) & QD_W_OBJ)) {
            uint32_t j = c->mx[c->m_start[k + 2]].tb;
            while (j < sb && (qd_tok_tags(&tok[j]) & (QD_W_ADV | QD_W_NEG)))
                j++;
            if (j < sb && tok[j].kind == QD_TK_WORD && !(qd_tok_tags(&tok[j]) & QD_W_FUNCTION & ~(QD_W_AUX | QD_W_MODAL)))
                return k;
        }
        /* "referred to Rubio as “…” but described his skills as “…”": a second verb of
         * saying sharing the subject reports something else */
        if ((qd_tok_word(t, "and") || qd_tok_word(t, "but")) && k > i) {
            uint32_t j = k + 1;
            while (j < sb && (qd_tok_tags(&tok[j]) & (QD_W_ADV | QD_W_NEG)) && !(qd_tok_tags(&tok[j]) & QD_W_PREP))
                j++;
            int32_t cj = j < sb ? r->cues->at[j] : -1;
            /* ... and so does a second participle after a participle: "calling it
             * “disqualifying” and asserting that ..." */
            const qd_token *ot = own_cue < r->cues->n ? &tok[r->cues->v[own_cue].ta] : NULL;
            bool ing_pair = tok[j].lex && tok[j].lex->vform == QD_VF_ING && ot && ot->lex && ot->lex->vform == QD_VF_ING;
            if (cj >= 0 && (uint32_t)cj != own_cue && r->cues->v[cj].kind == QD_CK_VERB && tok[j].lex &&
                (tok[j].lex->vform == QD_VF_PAST || tok[j].lex->vform == QD_VF_3SG || ing_pair))
                return k > i && qd_tok_is(&tok[k - 1], ',') ? k - 1 : k;
            /* "called the merger “a terrible deal” and ranked Fiorina ...": after words
             * quoted as the object of a verb that takes one, a second past verb (one the
             * lexicon does not list) of the same subject is a predicate of its own (not
             * in a reported clause: "said Clinton was “careless” and mishandled ...") */
            bool past_pair = cj < 0 && j < sb && tok[j].kind == QD_TK_WORD && !(tok[j].flags & QD_TF_CAP) && !tok[j].lex &&
                             tok[j].normlen > 4 && qd_norm_ends(&tok[j], "ed") && ot && ot->lex &&
                             ot->lex->vform == QD_VF_PAST && k > i && tok[k - 1].kind == QD_TK_QUOTE &&
                             r->cues->v[own_cue].verb >= 0 && (c->lx->verbs[r->cues->v[own_cue].verb].frames & QD_VFR_OBJ);
            if (past_pair)
                return k;
        }
        /* "…, Woods concluded that “…”", "…, and Trump vowed to “…”": a new subject with a
         * verb of saying starts a report of its own (not a closing ", Woods said.", which
         * the rule below reads) */
        if ((qd_tok_is(t, ',') || ((qd_tok_word(t, "and") || qd_tok_word(t, "but")) && k > i + 3)) && k + 2 < sb &&
            !opener) {
            uint32_t a = k + 1;
            if (qd_tok_is(t, ',') && (qd_tok_word(&tok[a], "and") || qd_tok_word(&tok[a], "but")))
                a++;
            int32_t m = a < sb ? c->m_start[a] : -1;
            if (m >= 0 && !c->mx[m].possessive && !c->mx[m].in_quote && !c->mx[m].relative &&
                !(qd_tok_tags(&tok[a]) & QD_W_OBJ)) {
                uint32_t j = c->mx[m].tb;
                while (j < sb && (qd_tok_tags(&tok[j]) & (QD_W_ADV | QD_W_NEG | QD_W_AUX)) && !(qd_tok_tags(&tok[j]) & QD_W_PREP))
                    j++;
                int32_t cj = j < sb ? r->cues->at[j] : -1;
                if (cj >= 0 && (uint32_t)cj != own_cue && r->cues->v[cj].kind == QD_CK_VERB && tok[j].lex &&
                    (tok[j].lex->vform == QD_VF_PAST || tok[j].lex->vform == QD_VF_3SG) &&
                    r->cues->v[cj].tb + 1 < sb && !qd_tok_is(&tok[r->cues->v[cj].tb], '.') &&
                    !qd_tok_is(&tok[r->cues->v[cj].tb], ',') && !qd_tok_is(&tok[r->cues->v[cj].tb + 1], '.'))
                    return qd_tok_is(t, ',') ? k : (qd_tok_is(&tok[k - 1], ',') ? k - 1 : k);
            }
        }
        /* "issued a statement expressing optimism – Ryan saying he was “very
         * encouraged” and Trump calling it …": after a dash, a new subject with a verb
         * of saying or writing of its own starts its own report */
        if (t->kind == QD_TK_PUNCT && t->norm[0] == '-' && k > i && k + 2 < sb) {
            int32_t m = c->m_start[k + 1];
            if (m >= 0 && !c->mx[m].possessive && !c->mx[m].in_quote && !c->mx[m].relative) {
                uint32_t j = c->mx[m].tb;
                while (j < sb && (qd_tok_tags(&tok[j]) & (QD_W_ADV | QD_W_NEG | QD_W_AUX)) && !(qd_tok_tags(&tok[j]) & QD_W_PREP))
                    j++;
                int32_t cj = j < sb ? r->cues->at[j] : -1;
                const qd_cue *nc = cj >= 0 ? &r->cues->v[cj] : NULL;
                if (nc && (uint32_t)cj != own_cue && nc->kind == QD_CK_VERB && nc->verb >= 0 &&
                    (c->lx->verbs[nc->verb].vclass == QD_VC_SPEECH || c->lx->verbs[nc->verb].vclass == QD_VC_WRITING))
                    return k;
            }
        }
        /* "Netanyahu said he would go ahead with the meeting, although he tweeted that
         * ...", "decided not to recommend charges even though he found “evidence”": a
         * concessive clause with a subject and a verb of its own is the writer's
         * sentence going on, not part of the report */
        if (k > i + 2 && (qd_tok_word(t, "although") || qd_tok_word(t, "though") ||
                          (qd_tok_word(t, "even") && k + 1 < sb && qd_tok_word(&tok[k + 1], "though")))) {
            uint32_t a = qd_tok_word(t, "even") ? k + 2 : k + 1;
            int32_t m = a < sb ? c->m_start[a] : -1;
            if (m >= 0 && !c->mx[m].in_quote && !c->mx[m].possessive) {
                uint32_t j = c->mx[m].tb;
                while (j < sb && (qd_tok_tags(&tok[j]) & (QD_W_ADV | QD_W_NEG | QD_W_AUX | QD_W_MODAL)))
                    j++;
                int32_t cj = j < sb ? r->cues->at[j] : -1;
                if (cj >= 0 && (uint32_t)cj != own_cue && r->cues->v[cj].kind == QD_CK_VERB)
                    return k > i && qd_tok_is(&tok[k - 1], ',') ? k - 1 : k;
            }
        }
        if (qd_tok_is(t, ',') && k + 1 < sb) {
            /* ", according to X" or ", X said" closing the sentence */
            int32_t ci = r->cues->at[k + 1];
            if (ci >= 0 && (uint32_t)ci != own_cue &&
                (r->cues->v[ci].kind == QD_CK_ACCORDING || r->cues->v[ci].kind == QD_CK_VERB))
                return k;
            int32_t m = c->m_start[k + 1];
            /* (", who wants to …" is a relative clause inside the report) */
            if (m >= 0 && !c->mx[m].relative) {
                uint32_t j = c->mx[m].tb;
                while (j < sb && (qd_tok_tags(&tok[j]) & (QD_W_ADV | QD_W_AUX)))
                    j++;
                if (j < sb && r->cues->at[j] >= 0 && (uint32_t)r->cues->at[j] != own_cue &&
                    r->cues->v[r->cues->at[j]].kind == QD_CK_VERB) {
                    uint32_t after = r->cues->v[r->cues->at[j]].tb;
                    if (after >= sb || qd_tok_is(&tok[after], '.') || qd_tok_is(&tok[after], ',') ||
                        (qd_tok_tags(&tok[after]) & (QD_W_PREP | QD_W_TIME)))
                        return k;
                }
            }
        }
    }
    return sb;
}

/* Content span from token a to b (exclusive), without trailing punctuation except a
 * closing quotation mark and the stop inside it. */
static qd_span token_span(qd_actx *c, uint32_t a, uint32_t b)
{
    qd_token *tok = c->doc->in->tokens;
    while (b > a) {
        const qd_token *t = &tok[b - 1];
        if (t->kind == QD_TK_PUNCT && (qd_tok_is(t, ',') || qd_tok_is(t, '.') || qd_tok_is(t, ';') ||
                                       qd_tok_is(t, ':') || t->norm[0] == '-'))
            b--;
        else
            break;
    }
    while (a < b && (qd_tok_is(&tok[a], ',') || qd_tok_is(&tok[a], ':')))
        a++;
    if (b <= a)
        return qd_span_make(0, 0);
    return qd_span_make(tok[a].start, tok[b - 1].end);
}

/* Skip what may stand between a verb and its clause: an indirect object ("told
 * reporters", "assured Russia"), a time or venue phrase ("on Tuesday", "in a statement",
 * "in an interview with CNN"), adverbs. */
static uint32_t skip_to_complement(rstate *r, const qd_cue *cue, uint32_t sb)
{
    qd_actx *c = r->c;
    qd_token *tok = c->doc->in->tokens;
    uint32_t i = cue->tb;
    const qd_speech_verb *v = cue->verb >= 0 ? &c->lx->verbs[cue->verb] : NULL;
    for (int guard = 0; guard < 4 && i < sb; guard++) {
        const qd_token *t = &tok[i];
        if (t->kind == QD_TK_WORD && (qd_tok_tags(t) & QD_W_ADV) && !(qd_tok_tags(t) & (QD_W_SUB | QD_W_PREP)) &&
            !existential(tok, i, sb)) {
            i++;
            continue;
        }
        /* an indirect object: tell/inform/assure/warn/remind X that ... */
        /* "her" before a noun is a possessive ("hope her attacks will ..."), not an object */
        bool possessive = (qd_tok_tags(t) & QD_W_POSS) && i + 1 < sb && tok[i + 1].kind == QD_TK_WORD &&
                          !(qd_tok_tags(&tok[i + 1]) & QD_W_FUNCTION);
        if (v && (v->frames & QD_VFR_TO) && c->m_start[i] >= 0 && !(qd_tok_tags(t) & QD_W_PRON) && !possessive) {
            uint32_t j = c->mx[c->m_start[i]].tb;
            if (j < sb && (qd_tok_word(&tok[j], "that") || qd_tok_word(&tok[j], "to") || qd_tok_word(&tok[j], "about") ||
                           qd_tok_word(&tok[j], "of") || clause_follows(tok, j, sb) || qd_tok_is(&tok[j], ',')))
                {
                    i = j;
                    continue;
                }
        }
        /* "told him he had never been ...", "assured them that" */
        if (v && (v->frames & QD_VFR_TO) && t->kind == QD_TK_WORD && (qd_tok_tags(t) & QD_W_OBJ) && !(qd_tok_tags(t) & QD_W_POSS) &&
            i + 1 < sb &&
            (qd_tok_word(&tok[i + 1], "that") || clause_follows(tok, i + 1, sb))) {
            i++;
            continue;
        }
        if (v && (v->frames & QD_VFR_TO) && t->kind == QD_TK_WORD && !(qd_tok_tags(t) & QD_W_FUNCTION) && i + 1 < sb &&
            qd_tok_word(&tok[i + 1], "that")) {
            i++; /* "told reporters that" */
            continue;
        }
        /* "believes, for example, that": a parenthetical between commas */
        if (qd_tok_is(t, ',') && i + 2 < sb) {
            uint32_t j = i + 1;
            while (j < sb && j < i + 5 && tok[j].kind == QD_TK_WORD)
                j++;
            if (j + 1 < sb && j > i + 1 && qd_tok_is(&tok[j], ',') && qd_tok_word(&tok[j + 1], "that")) {
                i = j + 1;
                continue;
            }
        }
        /* a time or venue phrase ending before "that" or a comma: "on Tuesday", "in a
         * statement", "in an interview with CNN", "last week" */
        if (t->kind == QD_TK_WORD && ((qd_tok_tags(t) & (QD_W_PREP | QD_W_TIME)) || (qd_tok_tags(t) & QD_W_WEEKDAY))) {
            uint32_t j = i + 1;
            bool timely = (qd_tok_tags(t) & (QD_W_TIME | QD_W_WEEKDAY)) != 0;
            while (j < sb && j < i + 8 && !qd_tok_word(&tok[j], "that") && !qd_tok_is(&tok[j], ',') &&
                   tok[j].kind != QD_TK_QUOTE && !(tok[j].lex && tok[j].lex->verb >= 0)) {
                uint32_t nv;
                if ((qd_tok_tags(&tok[j]) & (QD_W_TIME | QD_W_WEEKDAY | QD_W_MONTH)) || tok[j].kind == QD_TK_NUM ||
                    (qd_lex_phrase(&c->lx->nouns, tok[j].norm, tok[j].normlen, &nv) &&
                     (nv == QD_NC_VENUE || nv == QD_NC_DOCUMENT || nv == QD_NC_MEDIA)))
                    timely = true;
                j++;
            }
            if (timely && j < sb && (qd_tok_word(&tok[j], "that") || qd_tok_is(&tok[j], ','))) {
                i = qd_tok_is(&tok[j], ',') ? j + 1 : j;
                continue;
            }
        }
        break;
    }
    return i;
}

static qd_statement *new_statement(qd_actx *c)
{
    qd_statement *st = QD_VEC_PUSH(&c->doc->in->arena, c->an->statements, c->an->n_statements, c->cap_statements);
    if (!st)
        return NULL;
    st->speaker = -1;
    st->entity = -1;
    st->parent = -1;
    st->quoted = -1;
    return st;
}

/* Does the span hold quoted speech; is it exactly one quote? */
static int quotes_inside_from(qd_actx *c, qd_span sp, uint32_t first, bool *exact);

static int quotes_inside(qd_actx *c, qd_span sp, bool *exact)
{
    return quotes_inside_from(c, sp, qd_token_at(c->doc, sp.start), exact);
}

/* (first: qd_token_at(sp.start), when the caller knows it) */
static int quotes_inside_from(qd_actx *c, qd_span sp, uint32_t first, bool *exact)
{
    const qd_token *tok = c->doc->in->tokens;
    int n = 0;
    int32_t last = -1;
    *exact = false;
    for (uint32_t k = first; k < c->doc->in->n_tokens && tok[k].start < sp.end; k++) {
        int32_t qi = tok[k].quoted;
        if (qi < 0 || qi == last)
            continue;
        /* the outermost speech quote holding this token */
        while (c->an->quoted[qi].parent >= 0)
            qi = c->an->quoted[qi].parent;
        if (qi == last)
            continue;
        last = qi;
        const qd_quoted *q = &c->an->quoted[qi];
        if (q->type != QD_QUOTED_SPEECH || q->outer.start < sp.start || q->outer.end > sp.end + 3)
            continue;
        n++;
        if (q->outer.start <= sp.start + 1 && q->outer.end + 2 >= sp.end)
            *exact = true;
    }
    return n;
}

static int32_t entity_for(qd_actx *c, int32_t m)
{
    if (m < 0)
        return -1;
    const qd_mx *x = &c->mx[m];
    if (x->kind == QD_ENT_DOCUMENT && x->owner >= 0 && c->an->mentions[x->owner].entity >= 0)
        return c->an->mentions[x->owner].entity;
    return c->an->mentions[m].entity;
}

static int make_report(rstate *r, uint32_t cue_ta, uint32_t cue_tb, const qd_speech_verb *v, qd_cue_kind kind,
                       int32_t speaker, qd_span content, qd_span content2, const qd_sentence *se, uint32_t min_words);

/* An amount ("more than $21 million", "roughly 15 percent") is what a verb like "raise"
 * or "post" handles, not what someone said. */
static bool amount_at(const qd_token *tok, uint32_t i, uint32_t sb)
{
    for (uint32_t k = i; k < sb && k < i + 4; k++) {
        const qd_token *t = &tok[k];
        bool currency = t->kind == QD_TK_SYMBOL &&
                        (t->norm[0] == '$' || !strncmp(t->norm, "\u00a3", 2) || !strncmp(t->norm, "\u20ac", 3));
        if (t->kind == QD_TK_NUM || currency)
            return true;
        if (!(t->kind == QD_TK_WORD && ((qd_tok_tags(t) & (QD_W_ADV | QD_W_DET)) || qd_tok_word(t, "than") || qd_tok_word(t, "about"))))
            return false;
    }
    return false;
}

/* "see Clinton as the candidate", "views golf courses as wasted space": an object
 * followed by "as" within a few words, nothing in between that ends the phrase. */
static bool as_complement(const qd_token *tok, uint32_t i, uint32_t sb)
{
    if (tok[i].kind != QD_TK_WORD || (qd_tok_tags(&tok[i]) & (QD_W_PREP | QD_W_SUB | QD_W_AUX | QD_W_MODAL)))
        return false;
    for (uint32_t k = i + 1; k < sb && k < i + 10; k++) {
        const qd_token *t = &tok[k];
        if (qd_tok_word(t, "as"))
            return k + 1 < sb && tok[k + 1].kind == QD_TK_WORD;
        if (t->kind != QD_TK_WORD || (qd_tok_tags(t) & (QD_W_AUX | QD_W_MODAL | QD_W_SUB | QD_W_REL)) ||
            (t->lex && t->lex->verb >= 0))
            return false;
    }
    return false;
}

/* A form of "be". */
static bool is_be(const qd_token *t)
{
    static const char *const be[] = {"is", "was", "are", "were", "be", "been", "being"};
    for (size_t k = 0; k < sizeof(be) / sizeof(be[0]); k++)
        if (qd_tok_word(t, be[k]))
            return true;
    return false;
}

/* A participle after a form of "be", over adverbs: "is widely seen", "was not asked". */
static bool passive_at(const qd_token *tok, const qd_cue *cue, uint32_t sa)
{
    return qd_passive_cue(tok, cue, sa);
}

bool qd_passive_cue(const qd_token *tok, const qd_cue *cue, uint32_t sa)
{
    const qd_token *t = &tok[cue->ta];
    if (!t->lex || (t->lex->vform != QD_VF_PAST && t->lex->vform != QD_VF_PART) || cue->tb != cue->ta + 1)
        return false;
    for (uint32_t k = cue->ta; k > sa && k + 4 > cue->ta; k--) {
        const qd_token *p = &tok[k - 1];
        if (is_be(p))
            return true;
        bool adverb = p->kind == QD_TK_WORD &&
                      (((qd_tok_tags(p) & (QD_W_ADV | QD_W_NEG)) && !(qd_tok_tags(p) & QD_W_FUNCTION & ~QD_W_NEG)) ||
                       (!p->lex && p->normlen > 4 && qd_norm_ends(p, "ly")));
        if (!adverb)
            return false;
    }
    return false;
}

/* A determiner, possessive pronoun or possessive name: what makes a cue a noun. */
static bool is_determiner(const qd_token *t)
{
    return (t->kind == QD_TK_WORD && (qd_tok_tags(t) & (QD_W_DET | QD_W_POSS)) && !(qd_tok_tags(t) & QD_W_PRON)) ||
           qd_tok_possessive(t);
}

/* The end of the noun phrase object of a noun cue ("support for the Iran deal"): before
 * a comma, a verb, a subordinate clause or the "from"/"by" that names the source. */
static uint32_t noun_phrase_end(const qd_token *tok, uint32_t i, uint32_t sb)
{
    uint32_t e = i;
    while (e < sb && e < i + 16) {
        const qd_token *t = &tok[e];
        if (t->kind == QD_TK_PUNCT && !(t->norm[0] == '-' && t->normlen == 1))
            break;
        if (t->kind == QD_TK_WORD &&
            ((qd_tok_tags(t) & (QD_W_AUX | QD_W_MODAL | QD_W_SUB | QD_W_REL)) || qd_tok_word(t, "from") || qd_tok_word(t, "by") ||
             (e > i && t->lex && t->lex->verb >= 0 && t->lex->vform != QD_VF_BASE)))
            break;
        e++;
    }
    return e;
}

/* Who a noun cue belongs to: the possessive before it ("Trump's criticism of"), the
 * "from"/"by" phrase after its object ("criticism of the plan from Democrats"), or the
 * subject of the verb it is the object of ("Democrats voiced support for"). */
static int32_t noun_cue_source(rstate *r, const qd_cue *cue, uint32_t sa, uint32_t sb)
{
    qd_actx *c = r->c;
    qd_token *tok = c->doc->in->tokens;
    uint32_t p = cue->ta - 1;
    if (c->m_end[p] >= 0 && (c->mx[c->m_end[p]].possessive || (qd_tok_tags(&tok[p]) & QD_W_POSS)))
        return c->m_end[p];
    uint32_t e = noun_phrase_end(tok, cue->tb, sb);
    if (e + 1 < sb && (qd_tok_word(&tok[e], "from") || qd_tok_word(&tok[e], "by")) && c->m_start[e + 1] >= 0)
        return c->m_start[e + 1];
    /* "voiced support for", "expressed concern about": the determiner-less case is
     * handled as a verb; here "the" or "a" after a verb: "drew a comparison" */
    if (p > sa) {
        uint32_t k = p - 1;
        if (tok[k].kind == QD_TK_WORD && !(qd_tok_tags(&tok[k]) & (QD_W_FUNCTION | QD_W_TIME)) && !(tok[k].flags & QD_TF_CAP)) {
            int32_t m = qd_clause_subject(c, sa, k);
            if (m >= 0 && c->mx[m].tb == k)
                return m;
        }
    }
    return -1;
}

static int report(rstate *r, uint32_t ci, const qd_sentence *se)
{
    qd_actx *c = r->c;
    qd_token *tok = c->doc->in->tokens;
    const qd_cue *cue = &r->cues->v[ci];
    uint32_t sa = se->first_token, sb = sa + se->n_tokens;
    if (cue->ta > sa + QD_REACH)
        sa = cue->ta - QD_REACH;
    if (sb > cue->tb + 2 * QD_REACH)
        sb = cue->tb + 2 * QD_REACH;
    const qd_speech_verb *v = cue->verb >= 0 ? &c->lx->verbs[cue->verb] : NULL;
    int32_t speaker = -1;
    qd_span content = {0, 0}, content2 = {0, 0};
    uint32_t min_words = 2; /* a few words are not a report: "he said so" */

    if (cue->kind == QD_CK_COLON) {
        /* a headline "Lavrov: Russia, US maintain unofficial communication channels" */
        speaker = qd_cue_speaker(c, r->cues, ci, sa, sb);
        if (speaker < 0)
            return 0;
        content = token_span(c, cue->tb, sb);
        if (!qd_span_empty(content) && tok[cue->tb].kind == QD_TK_QUOTE) {
            bool exact;
            quotes_inside(c, content, &exact);
            if (exact)
                return 0; /* a quoted headline was credited already */
        }
    } else if (cue->kind == QD_CK_ACCORDING) {
        speaker = qd_cue_speaker(c, r->cues, ci, sa, sb);
        if (speaker < 0)
            return 0;
        uint32_t after = c->mx[speaker].tb;
        if (after < sb && qd_tok_is(&tok[after], ','))
            content = token_span(c, after + 1, clause_end(r, after + 1, sb, ci));
        else if (cue->ta > sa && qd_tok_is(&tok[cue->ta - 1], ','))
            content = token_span(c, sa, cue->ta - 1);
        else if (after >= sb || qd_tok_is(&tok[after], '.') || qd_tok_is(&tok[after], ';'))
            content = token_span(c, sa, cue->ta); /* "Clinton leads by 271 delegates according to a count" */
        else
            content = token_span(c, after, clause_end(r, after, sb, ci));
    } else if (cue->kind == QD_CK_PASSIVE) {
        uint32_t i = cue->tb;
        content = token_span(c, i, clause_end(r, i, sb, ci));
    } else if (cue->kind == QD_CK_VERB && v && v->vclass == QD_VC_EVIDENCE && (v->frames & QD_VFR_TO) &&
               !(v->frames & QD_VFR_OBJ)) {
        /* "the Trump team appeared paralyzed", "Christie seemed to be shrinking": the
         * writer's inference about the subject; nobody is credited, and the content is
         * the clause, subject included.  "appeared on Fox News" is another verb. */
        uint32_t i = cue->tb;
        while (i < sb && (qd_tok_tags(&tok[i]) & QD_W_ADV) && !(qd_tok_tags(&tok[i]) & (QD_W_PREP | QD_W_SUB)))
            i++;
        if (i >= sb || tok[i].kind != QD_TK_WORD || (tok[i].flags & QD_TF_CAP) ||
            ((qd_tok_tags(&tok[i]) & QD_W_FUNCTION) && !qd_tok_word(&tok[i], "to") && !qd_tok_word(&tok[i], "that")))
            return 0;
        uint32_t a = cue->ta;
        while (a > sa && a + 16 > cue->ta && tok[a - 1].kind != QD_TK_QUOTE && !qd_tok_is(&tok[a - 1], ',') &&
               !qd_tok_is(&tok[a - 1], ';') && !(qd_tok_tags(&tok[a - 1]) & (QD_W_SUB | QD_W_CONJ | QD_W_REL)))
            a--;
        if (qd_tok_word(&tok[a], "it") && a + 1 == cue->ta)
            a = i; /* "it appears that ..." */
        content = token_span(c, a, clause_end(r, i, sb, ci));
        goto made;
    } else if (cue->kind == QD_CK_VERB && v && passive_at(tok, cue, sa)) {
        /* "Trump was widely seen as ...", "the sale is expected to ...", "Roof is accused
         * of ...": what is said or thought of the subject, by nobody named unless "by X"
         * follows.  The content is the subject and what follows the participle. */
        uint32_t be = cue->ta - 1;
        while (be > sa && !is_be(&tok[be]))
            be--;
        uint32_t a = be;
        while (a > sa && a + 16 > be && tok[a - 1].kind != QD_TK_QUOTE && !qd_tok_is(&tok[a - 1], ',') &&
               !qd_tok_is(&tok[a - 1], ';') && !(qd_tok_tags(&tok[a - 1]) & (QD_W_SUB | QD_W_CONJ)))
            a--;
        uint32_t i = cue->tb;
        bool agent = false;
        if (i + 1 < sb && qd_tok_word(&tok[i], "by") && c->m_start[i + 1] >= 0) {
            speaker = c->m_start[i + 1];
            i = c->mx[speaker].tb;
            agent = true;
        }
        uint32_t e = clause_end(r, i, sb, ci);
        /* "This was announced by CNN's Kylie Atwood after attending a briefing": what
         * follows the agent is circumstance, not content */
        if (agent && i < sb && (qd_tok_tags(&tok[i]) & (QD_W_SUB | QD_W_PREP)) && !qd_tok_word(&tok[i], "as") &&
            !qd_tok_word(&tok[i], "to") && !qd_tok_word(&tok[i], "of") && !qd_tok_word(&tok[i], "for"))
            e = i;
        if (a < be)
            content = token_span(c, a, be);
        if (e > i + 1 && !qd_tok_is(&tok[i], '.') && !qd_tok_is(&tok[i], ',')) {
            if (qd_span_empty(content))
                content = token_span(c, i, e);
            else
                content2 = token_span(c, i, e);
        }
        if (qd_span_empty(content2) && !qd_span_empty(content) && a + 2 > be && !agent)
            return 0; /* "it was expected" alone says nothing */
        if (agent)
            min_words = 1; /* "This was announced by ..." */
        /* quoted words around a passive belong to their own statements */
        bool exact;
        if (!qd_span_empty(content) &&
            quotes_inside(c, qd_span_make(content.start, qd_span_empty(content2) ? content.end : content2.end), &exact))
            return 0;
        goto made;
    } else if (cue->kind == QD_CK_VERB && cue->ta > sa && is_determiner(&tok[cue->ta - 1]) &&
               !(tok[cue->ta].lex && tok[cue->ta].lex->vform == QD_VF_PAST &&
                 ((qd_tok_tags(&tok[cue->ta - 1]) & QD_W_REL) || qd_quantifier(&tok[cue->ta - 1])))) {
        /* a noun cue: "his support for Clinton", "Trump's claim that ...", "the
         * criticism of the plan from Democrats" */
        speaker = noun_cue_source(r, cue, sa, sb);
        uint32_t i = cue->tb;
        if (qd_tok_word(&tok[cue->tb - 1], "that")) {
            content = token_span(c, i, clause_end(r, i, sb, ci)); /* "his assertion that ..." */
        } else if (i < sb && qd_tok_word(&tok[i], "that")) {
            content = token_span(c, i + 1, clause_end(r, i + 1, sb, ci));
        } else {
            uint32_t e = noun_phrase_end(tok, i, sb);
            content = token_span(c, i, e);
        }
        goto made;
    } else if (cue->kind == QD_CK_VERB) {
        speaker = qd_cue_speaker(c, r->cues, ci, sa, sb);
        if (speaker < 0) {
            /* "Asked whether he would ..., Trump said": a question nobody in the text is
             * credited with asking */
            /* "Asked ...", ", asked ...", "when asked ..." */
            if (!(v && v->vclass == QD_VC_QUESTION && tok[cue->ta].lex && tok[cue->ta].lex->vform == QD_VF_PAST &&
                  (cue->ta == sa || qd_tok_is(&tok[cue->ta - 1], ',') ||
                   (qd_tok_tags(&tok[cue->ta - 1]) & QD_W_SUB))))
                return 0;
            /* "asked by Matt Lauer whether ...": the one asking is named */
            if (cue->tb + 1 < sb && qd_tok_word(&tok[cue->tb], "by") && c->m_start[cue->tb + 1] >= 0)
                speaker = c->m_start[cue->tb + 1];
            /* over "him", "by Stephanopoulos", "on Fox News" to the question itself */
            uint32_t i = cue->tb;
            while (i < sb && i < cue->tb + 8 && tok[i].kind != QD_TK_QUOTE && !qd_tok_is(&tok[i], ',') &&
                   !qd_tok_is(&tok[i], '.') && !qd_tok_word(&tok[i], "whether") && !qd_tok_word(&tok[i], "if") &&
                   !qd_tok_word(&tok[i], "about") && !qd_tok_word(&tok[i], "to") &&
                   !((qd_tok_tags(&tok[i]) & QD_W_WH) && !qd_tok_word(&tok[i], "when")))
                i++;
            if (i >= sb || !(qd_tok_word(&tok[i], "whether") || qd_tok_word(&tok[i], "if") || qd_tok_word(&tok[i], "about") ||
                             qd_tok_word(&tok[i], "to") || ((qd_tok_tags(&tok[i]) & QD_W_WH) && !qd_tok_word(&tok[i], "when"))))
                return 0;
            uint32_t e = i;
            while (e < sb && !qd_tok_is(&tok[e], ',') && !qd_tok_is(&tok[e], '.') && tok[e].kind != QD_TK_QUOTE)
                e++;
            content = token_span(c, i, e);
            goto made;
        }
        /* "…,” he said" and "he said: “…”" were credited from the quote */
        uint32_t i = skip_to_complement(r, cue, sb);
        bool clause_start = false;
        /* what follows the verb may be only its addressee or a time closing the sentence
         * ("…, Fiorina said Monday.", "…, an official told The New York Times."): then the
         * report is the clause before */
        uint32_t np_end = i;
        if (i < sb && c->m_start[i] >= 0 && c->m_start[i] != speaker)
            np_end = c->mx[c->m_start[i]].tb;
        else
            while (np_end < sb && np_end < i + 4 &&
                   ((qd_tok_tags(&tok[np_end]) & (QD_W_TIME | QD_W_WEEKDAY | QD_W_MONTH)) || tok[np_end].kind == QD_TK_NUM))
                np_end++;
        bool final_np = np_end > i && (np_end >= sb || qd_tok_is(&tok[np_end], '.'));
        if (i < sb && !final_np) {
            const qd_token *t = &tok[i];
            if (qd_tok_word(t, "that") || qd_tok_word(t, "whether") || qd_tok_word(t, "if") || existential(tok, i, sb) ||
                ((qd_tok_tags(t) & QD_W_WH) && !(qd_tok_tags(t) & QD_W_SUB) && !(v && v->vclass == QD_VC_INTENT)))
                clause_start = true;
            else if (v && (v->frames & QD_VFR_THAT) && v->vclass != QD_VC_INTENT &&
                     (c->m_start[i] >= 0 || (t->flags & QD_TF_CAP) || (qd_tok_tags(t) & (QD_W_DET | QD_W_PRON | QD_W_NUM)) ||
                      t->kind == QD_TK_NUM ||
                      /* "said about half of ...", "said nearly 40 percent ..." */
                      (i + 1 < sb && (tok[i + 1].kind == QD_TK_NUM || (qd_tok_tags(&tok[i + 1]) & QD_W_NUM)) &&
                       (qd_tok_word(t, "about") || (qd_tok_tags(t) & QD_W_ADV)))) &&
                     c->m_start[i] != speaker &&
                     ((qd_tok_tags(t) & QD_W_PRON) || clause_follows(tok, i, sb) ||
                      ((v->vclass == QD_VC_SPEECH || v->vclass == QD_VC_WRITING) && (v->frames & QD_VFR_QUOTE) &&
                       tok[cue->ta].lex && tok[cue->ta].lex->vform != QD_VF_ING)))
                clause_start = true; /* "said he supports ...", "said the system favors ..." */
            else if (v && (v->frames & QD_VFR_QUOTE) && (v->vclass == QD_VC_SPEECH || v->vclass == QD_VC_WRITING) &&
                     t->kind == QD_TK_WORD && t->normlen > 5 && qd_norm_ends(t, "ing") &&
                     !(t->flags & QD_TF_CAP))
                clause_start = true; /* "said having Trump at the top ... puts" */
            else if (v && (((v->frames & QD_VFR_QUOTE) && (v->vclass == QD_VC_SPEECH || v->vclass == QD_VC_WRITING)) ||
                           ((v->frames & QD_VFR_THAT) && v->vclass == QD_VC_THOUGHT)) &&
                     t->kind == QD_TK_WORD && !(qd_tok_tags(t) & (QD_W_FUNCTION | QD_W_TIME)) && !(t->lex && t->lex->verb >= 0) &&
                     clause_follows(tok, i, sb))
                clause_start = true; /* "said economic stagnation is the source ..." */
            else if (v && ((v->frames & QD_VFR_ABOUT) || v->vclass == QD_VC_QUESTION) && qd_tok_word(t, "about") &&
                     i + 1 < sb && tok[i + 1].kind != QD_TK_NUM && !(qd_tok_tags(&tok[i + 1]) & QD_W_NUM)) {
                clause_start = true; /* "talked about the economy", "asked Trump about ..." */
                i++;
            } else if (v && v->vclass == QD_VC_THOUGHT && as_complement(tok, i, sb)) {
                clause_start = true; /* "voters see Clinton as the stronger candidate" */
            } else if (v && (v->frames & (QD_VFR_TO | QD_VFR_OBJ)) && qd_tok_word(t, "to") && i + 1 < sb &&
                     tok[i + 1].kind == QD_TK_WORD && !(qd_tok_tags(&tok[i + 1]) & (QD_W_DET | QD_W_POSS)))
                clause_start = true; /* "vowed to punish", "wants to run" */
            else if (v && (v->frames & QD_VFR_OBJ) && v->vclass != QD_VC_THOUGHT && !amount_at(tok, i, sb) &&
                     (c->m_start[i] >= 0 || (qd_tok_tags(t) & (QD_W_DET | QD_W_POSS)) || t->kind == QD_TK_NUM ||
                      (t->kind == QD_TK_QUOTE && t->quoted >= 0) ||
                      (t->kind == QD_TK_WORD && !(qd_tok_tags(t) & (QD_W_FUNCTION | QD_W_TIME)) &&
                       !(t->lex && t->lex->verb >= 0 && t->lex->vform != QD_VF_ING))))
                clause_start = true; /* "denied the report", "support banning ...", "described the
                                      * meeting as ..." */
            else if (v && (v->frames & QD_VFR_TO) && c->m_start[i] >= 0 && c->mx[c->m_start[i]].tb < sb &&
                     qd_tok_word(&tok[c->mx[c->m_start[i]].tb], "to"))
                clause_start = true; /* "urged Russia to ..." */
            else if (v && (v->frames & QD_VFR_TO)) {
                /* "urged colleagues to reject ...": an object the mention pass did not know */
                for (uint32_t k = i; k < sb && k < i + 4; k++) {
                    if (qd_tok_word(&tok[k], "to") && k > i && k + 1 < sb && tok[k + 1].kind == QD_TK_WORD) {
                        clause_start = true;
                        break;
                    }
                    if (tok[k].kind != QD_TK_WORD || (qd_tok_tags(&tok[k]) & (QD_W_PREP | QD_W_SUB | QD_W_CONJ | QD_W_AUX)))
                        break;
                }
            }
        }
        /* "As Crane said, the two candidates have become ...": the clause after the comma */
        bool as_clause = qd_tok_word(&tok[sa], "as") && c->mx[speaker].ta > sa && c->mx[speaker].ta < sa + 6;
        for (uint32_t k = sa + 1; as_clause && k < cue->ta; k++)
            if (tok[k].kind != QD_TK_WORD && !qd_tok_is(&tok[k], '.'))
                as_clause = false;
        if (!clause_start && i < sb && qd_tok_is(&tok[i], ',') && as_clause && i + 2 < sb) {
            content = token_span(c, i + 1, clause_end(r, i + 1, sb, ci));
        } else if (clause_start) {
            if (tok[i].kind == QD_TK_QUOTE && tok[i].quoted >= 0 &&
                c->an->quoted[tok[i].quoted].outer.start == tok[i].start &&
                (c->an->quoted[tok[i].quoted].flags & QD_QUOTED_FULL))
                return 0; /* a direct quote as the whole complement */
            content = token_span(c, i, clause_end(r, i, sb, ci));
        } else {
            /* "CLAUSE, X said." / "CLAUSE, said X." */
            uint32_t spk_a = c->mx[speaker].ta < cue->ta ? c->mx[speaker].ta : cue->ta;
            uint32_t end_after = cue->tb > c->mx[speaker].tb ? cue->tb : c->mx[speaker].tb;
            if (final_np && np_end > end_after)
                end_after = np_end;
            bool comma_before = spk_a > sa && qd_tok_is(&tok[spk_a - 1], ',');
            bool clause_final = end_after >= sb || qd_tok_is(&tok[end_after], '.') ||
                                qd_tok_is(&tok[end_after], ',') ||
                                (qd_tok_tags(&tok[end_after]) & (QD_W_PREP | QD_W_TIME));
            if (!(comma_before && clause_final) || (v && v->vclass == QD_VC_INTENT))
                return 0;
            /* "When the journalist pointed to ..., Lavrov responded": a subordinate
             * clause before the comma is not what was said */
            if ((qd_tok_tags(&tok[sa]) & QD_W_SUB) && !qd_tok_word(&tok[sa], "whether") && !qd_tok_word(&tok[sa], "if"))
                return 0;
            /* a quote before the reporting clause was credited already */
            if (tok[spk_a - 2].kind == QD_TK_QUOTE)
                return 0;
            content = token_span(c, sa, spk_a - 1);
            /* "it is his job, he said, to talk to Congress": the sentence goes on after
             * the reporting clause */
            if (end_after < sb && qd_tok_is(&tok[end_after], ',') && end_after + 2 < sb) {
                uint32_t rest = end_after + 1;
                uint32_t e = clause_end(r, rest, sb, ci);
                if (e > rest + 1)
                    content2 = token_span(c, rest, e);
            }
        }
    }
made:
    /* "he said he believes ...": the belief is part of what he says, credited to the
     * verb of saying's subject */
    if (cue->kind == QD_CK_VERB && v && (v->vclass == QD_VC_THOUGHT || v->vclass == QD_VC_INTENT) && speaker >= 0) {
        int32_t o = qd_reporting_speaker(c, r->cues, ci, speaker, sa);
        if (o >= 0)
            speaker = o;
    }
    return make_report(r, cue->ta, cue->tb, v, cue->kind, speaker, content, content2, se, min_words);
}

/* The statement for a report whose cue (tokens ta..tb), speaker and content are known,
 * unless it repeats what a quote already credited or is too short to be one. */
static int make_report(rstate *r, uint32_t cue_ta, uint32_t cue_tb, const qd_speech_verb *v, qd_cue_kind kind,
                       int32_t speaker, qd_span content, qd_span content2, const qd_sentence *se, uint32_t min_words)
{
    qd_actx *c = r->c;
    qd_token *tok = c->doc->in->tokens;
    if (qd_span_empty(content))
        return 0;
    /* "…, Caliber.Az reports": the outlet naming itself is provenance, not a speaker */
    if (speaker >= 0 && c->doc->meta.outlet) {
        int32_t e = c->an->mentions[speaker].entity;
        const char *nm = e >= 0 ? c->an->entities[e].name : NULL;
        if (nm && c->mx[speaker].kind == QD_ENT_MEDIA && strcasecmp(nm, c->doc->meta.outlet) == 0)
            return 0;
    }
    /* a few words are not a report: "he said so"; and a full quote credited by its own
     * cue inside this content is a statement of its own, not part of a mixed one:
     * "“I'll be voting,” Welch said" (both read off the content's tokens in one pass,
     * asked in this order below) */
    uint32_t words = 0;
    bool own_quote = false;
    uint32_t first = qd_token_at(c->doc, content.start), past = first;
    for (; past < c->doc->in->n_tokens && tok[past].end <= content.end; past++)
        words += tok[past].kind == QD_TK_WORD || tok[past].kind == QD_TK_NUM;
    for (uint32_t j = direct_from(r, first); j < r->n_direct && r->direct[j].tok < past; j++)
        if (c->an->statements[r->direct[j].stmt].pieces[0].start >= content.start)
            own_quote = true;
    if (!qd_span_empty(content2))
        for (uint32_t k = qd_token_at(c->doc, content2.start); k < c->doc->in->n_tokens && tok[k].end <= content2.end; k++)
            words += tok[k].kind == QD_TK_WORD || tok[k].kind == QD_TK_NUM;
    if (words < min_words)
        return 0;
    bool exact;
    int nq = quotes_inside_from(c, content, first, &exact);
    if (exact || own_quote)
        return 0;
    /* the same cue already credited a quote that covers this content */
    uint32_t d = direct_from(r, cue_ta);
    if (nq == 0 && d < r->n_direct && r->direct[d].tok == cue_ta)
        return 0;
    qd_statement *st = new_statement(c);
    if (!st)
        return QD_ENOMEM;
    qd_span *p = qd_arena_alloc(&c->doc->in->arena, 2 * sizeof(qd_span));
    if (!p)
        return QD_ENOMEM;
    p[0] = content;
    p[1] = content2;
    st->pieces = p;
    st->n_pieces = qd_span_empty(content2) ? 1 : 2;
    st->type = nq ? QD_STMT_MIXED : QD_STMT_INDIRECT;
    st->speaker = speaker;
    st->entity = entity_for(c, speaker);
    st->cue = qd_span_make(tok[cue_ta].start, tok[cue_tb - 1].end);
    st->paragraph = se->paragraph;
    st->sentence = (uint32_t)(se - c->doc->sentences);
    if (v) {
        st->cue_lemma = v->lemma;
        st->stance = v->stance;
    } else if (kind == QD_CK_ACCORDING) {
        st->cue_lemma = "according to";
        st->stance = "neutral";
    } else if (kind == QD_CK_COLON) {
        st->cue_lemma = "headline";
        st->stance = "neutral";
    } else {
        st->cue_lemma = "passive";
        st->stance = "neutral";
    }
    st->confidence = speaker >= 0 ? 0.7f : 0.4f;
    return 0;
}

/* Is the sentence written in title case (nearly every longer word capitalised)?  It
 * is not once the words left could not bring the capitalised ones up to nine in ten:
 * most sentences tell within a few words. */
static bool title_case(const qd_token *tok, const qd_sentence *se)
{
    uint32_t words = 0, caps = 0, end = se->first_token + se->n_tokens;
    for (uint32_t k = se->first_token; k < end; k++) {
        if (tok[k].kind != QD_TK_WORD || tok[k].normlen < 4)
            continue;
        words++;
        if (tok[k].flags & QD_TF_CAP)
            caps++;
        else if (caps + (end - k - 1) < 9 * (words - caps))
            return false; /* caps * 10 >= words * 9 means caps >= 9 * (words - caps) */
    }
    return words >= 4 && caps * 10 >= words * 9;
}

/* A headline that reports: "Trump Says He Never Pledged To ...", "Sanders calls Clinton
 * unqualified", "Hedge Funds Support Hillary Clinton", "'…' Trevor Noah Says".  Its
 * first verb of reporting in the present or past is the cue; what follows it (or, when
 * nothing does, what stands before the comma) is the content.  Headlines in title case
 * make the mention pass take the verb for part of a name ("Bernie Sanders Says He's"):
 * the words before the verb are then the speaker. */
static int title_report(rstate *r, const qd_sentence *se)
{
    qd_actx *c = r->c;
    qd_token *tok = c->doc->in->tokens;
    uint32_t sa = se->first_token, sb = sa + se->n_tokens;
    if (sb > sa + QD_REACH)
        sb = sa + QD_REACH;
    for (uint32_t i = sa + 1; i < sb; i++) {
        const qd_token *t = &tok[i];
        if (t->kind != QD_TK_WORD || t->quoted >= 0 || !t->lex || t->lex->verb < 0)
            continue;
        const qd_speech_verb *v = &c->lx->verbs[t->lex->verb];
        bool finite = t->lex->vform == QD_VF_3SG || t->lex->vform == QD_VF_PAST ||
                      (t->lex->vform == QD_VF_BASE && (v->frames & QD_VFR_INV));
        if (!finite || v->vclass == QD_VC_QUESTION)
            continue;
        const qd_token *p = &tok[i - 1];
        if ((p->lex && (p->lex->tags & (QD_W_DET | QD_W_POSS | QD_W_PREP | QD_W_AUX | QD_W_MODAL)) &&
             !(p->lex->tags & QD_W_PRON)) ||
            qd_tok_possessive(p) || qd_tok_word(p, "to"))
            continue;
        int32_t speaker = -1;
        int32_t ci = r->cues->at[i];
        if (ci >= 0 && r->cues->v[ci].kind == QD_CK_VERB) {
            speaker = qd_cue_speaker(c, r->cues, (uint32_t)ci, sa, sb);
        } else if (c->m_in[i] >= 0 && c->mx[c->m_in[i]].ta < i &&
                   c->an->mentions[c->m_in[i]].kind != QD_MENTION_PRONOUN) {
            uint32_t a = c->mx[c->m_in[i]].ta;
            speaker = c->m_end[i - 1] >= 0 && c->mx[c->m_end[i - 1]].ta == a ? c->m_end[i - 1]
                                                                               : qd_mention_np_span(c, a, i);
        }
        if (speaker < 0)
            return 0;
        uint32_t j = i + 1;
        if (j < sb && qd_tok_word(&tok[j], "that"))
            j++;
        uint32_t e = j;
        while (e < sb && !qd_tok_is(&tok[e], ';'))
            e++;
        qd_span content = token_span(c, j, e);
        uint32_t words = 0;
        for (uint32_t k = j; k < e; k++)
            words += tok[k].kind == QD_TK_WORD;
        if (words < 2) {
            /* "‘ISIS Truther’ Donald Trump Is Like ..., Trevor Noah Says" */
            uint32_t spk_a = c->mx[speaker].ta;
            if (spk_a < sa + 3 || !qd_tok_is(&tok[spk_a - 1], ','))
                return 0;
            content = token_span(c, sa, spk_a - 1);
        }
        return make_report(r, i, i + 1, v, QD_CK_VERB, speaker, content, qd_span_make(0, 0), se, 2);
    }
    return 0;
}

/* Is token t the head noun of a document: "poll", "survey", "study", "report"? */
static bool document_noun(qd_actx *c, const qd_token *t)
{
    uint32_t nv;
    return t->kind == QD_TK_WORD && qd_lex_phrase(&c->lx->nouns, t->norm, t->normlen, &nv) && nv == QD_NC_DOCUMENT;
}

/* Sentences framed by their source without a verb of saying:
 *   "In a CNN poll released Monday, Clinton led by 24 points"   (the poll)
 *   "Clinton stays well ahead of Sanders in the latest poll."    (the poll)
 *   "For most Democrats, the Clinton years remain the good old days" (the Democrats)
 *   "To Sexton, who has studied Trump rallies, Tuesday marked a turning point" */
static int frame_report(rstate *r, const qd_sentence *se)
{
    qd_actx *c = r->c;
    qd_token *tok = c->doc->in->tokens;
    uint32_t sa = se->first_token, sb = sa + se->n_tokens;
    if (sb > sa + 2 * QD_REACH || se->n_tokens < 6)
        return 0;
    for (uint32_t k = sa; k < sb; k++)
        if (tok[k].quoted >= 0)
            return 0; /* quoted words: the other rules read this sentence */
    uint32_t last = sb;
    while (last > sa && tok[last - 1].kind == QD_TK_PUNCT)
        last--;
    int32_t speaker = -1;
    qd_span content = {0, 0};
    uint32_t cue_a = sa, cue_b = sa + 1;
    if (qd_tok_word(&tok[sa], "in") || qd_tok_word(&tok[sa], "for") || qd_tok_word(&tok[sa], "to")) {
        uint32_t comma = sa + 1;
        while (comma < sb && comma < sa + 16 && !qd_tok_is(&tok[comma], ','))
            comma++;
        if (comma >= sb || comma < sa + 2 || !qd_tok_is(&tok[comma], ',') || comma + 3 >= sb)
            return 0;
        if (qd_tok_word(&tok[sa], "in")) {
            bool doc = false;
            for (uint32_t k = sa + 1; k < comma; k++)
                doc = doc || document_noun(c, &tok[k]);
            if (!doc)
                return 0;
            speaker = qd_mention_np_span(c, sa + 1, comma);
            /* a poll the lexicons do not name is still a document */
            if (speaker >= 0 && c->mx[speaker].kind == QD_ENT_UNKNOWN) {
                c->mx[speaker].kind = QD_ENT_DOCUMENT;
                int32_t e = c->an->mentions[speaker].entity;
                if (e >= 0 && c->an->entities[e].kind == QD_ENT_UNKNOWN)
                    c->an->entities[e].kind = QD_ENT_DOCUMENT;
            }
        } else {
            /* "For most Democrats," / "To Sexton, who ...," */
            int32_t m = c->m_start[sa + 1];
            if (m < 0 || c->mx[m].possessive)
                return 0;
            qd_entity_kind k = c->mx[m].kind;
            if (k != QD_ENT_PERSON && k != QD_ENT_GROUP && k != QD_ENT_ORG && k != QD_ENT_ANONYMOUS &&
                k != QD_ENT_GOV)
                return 0;
            uint32_t e = c->mx[m].tb;
            while (e < sb && (qd_tok_tags(&tok[e]) & (QD_W_TIME | QD_W_WEEKDAY)))
                e++; /* "For most Democrats today," */
            if (e < sb && qd_tok_is(&tok[e], ',') && e + 1 < sb && c->m_start[e + 1] >= 0 &&
                c->mx[c->m_start[e + 1]].relative) {
                comma = e + 1;
                while (comma < sb && comma < e + 24 && !qd_tok_is(&tok[comma], ','))
                    comma++;
                if (comma + 3 >= sb || !qd_tok_is(&tok[comma], ','))
                    return 0;
            } else if (e != comma) {
                return 0;
            }
            speaker = m;
        }
        content = token_span(c, comma + 1, clause_end(r, comma + 1, sb, UINT32_MAX));
    } else if (last > sa + 4) {
        /* "... in the latest poll." */
        int32_t m = c->m_end[last - 1];
        if (m < 0 || c->mx[m].kind != QD_ENT_DOCUMENT || c->mx[m].ta < sa + 4 || !qd_tok_word(&tok[c->mx[m].ta - 1], "in"))
            return 0;
        speaker = m;
        cue_a = c->mx[m].ta - 1;
        cue_b = cue_a + 1;
        content = token_span(c, sa, cue_a);
    } else {
        return 0;
    }
    if (speaker < 0)
        return 0;
    return make_report(r, cue_a, cue_b, NULL, QD_CK_ACCORDING, speaker, content, qd_span_make(0, 0), se, 2);
}

/* An agentless report ("It was pointed out that ...") speaks for the body quoted just
 * before it. */
static void credit_passives(qd_actx *c, uint32_t from)
{
    for (uint32_t i = from; i < c->an->n_statements; i++) {
        qd_statement *st = &c->an->statements[i];
        if (st->speaker >= 0 || !st->cue_lemma || strcmp(st->cue_lemma, "passive") != 0)
            continue;
        for (int32_t k = (int32_t)c->an->n_statements - 1; k >= 0; k--) {
            const qd_statement *o = &c->an->statements[k];
            if ((uint32_t)k == i || o->entity < 0 || o->paragraph > st->paragraph || o->paragraph + 2 < st->paragraph)
                continue;
            st->entity = o->entity;
            st->speaker = o->speaker;
            break;
        }
    }
}

/* A paragraph opened by "Lavrov also said: “...”" may run on in the speaker's words
 * without quotation marks; what nobody is credited with there ("The negotiations seemed
 * constructive", "This understanding is seen in ...") is the speaker's. */
static void credit_run_on(qd_actx *c, uint32_t from)
{
    const qd_token *tok = c->doc->in->tokens;
    for (uint32_t i = from; i < c->an->n_statements; i++) {
        qd_statement *st = &c->an->statements[i];
        if (st->speaker >= 0 || (st->cue_lemma && !strcmp(st->cue_lemma, "ask")))
            continue;
        for (uint32_t k = 0; k < c->an->n_statements; k++) {
            const qd_statement *o = &c->an->statements[k];
            if (o->paragraph != st->paragraph || o->speaker < 0 || qd_span_empty(o->cue) ||
                o->cue.end > st->pieces[0].start)
                continue;
            uint32_t after = qd_token_at(c->doc, o->cue.end);
            while (after < c->doc->in->n_tokens && tok[after].end <= o->cue.end)
                after++;
            if (after < c->doc->in->n_tokens && qd_tok_is(&tok[after], ':')) {
                st->speaker = o->speaker;
                st->entity = o->entity;
            }
        }
    }
}

/* The speech verb with this lemma, or -1 (a lemma names one verb: the lexicon's table
 * of lemmas rather than a comparison with each of its verbs). */
static int32_t verb_index(const qd_lexicon *lx, const char *lemma)
{
    uint32_t v;
    if (!lemma || !qd_strmap_get(&lx->verb_lemmas, lemma, strlen(lemma), &v))
        return -1;
    return (int32_t)v;
}

/* "Lavrov said Russia wants normal relations", "voters say they think she could win",
 * "he said Trump attacked the judge": a belief, intention, finding, question or
 * evaluation inside what someone reports is part of that report, not a statement of its
 * own.  A report of speech inside one stays, linked to it ("Lavrov stated that Blinken
 * emphasized ..."); so do verbs of appearance, which are the writer's. */
static int drop_embedded_attitudes(qd_actx *c)
{
    qd_analysis *an = c->an;
    uint32_t n = an->n_statements;
    bool *drop = qd_arena_calloc(&c->doc->in->arena, n + 1, sizeof(bool));
    int32_t *map = qd_arena_alloc(&c->doc->in->arena, (n + 1) * sizeof(int32_t));
    if (!drop || !map)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
    bool any = false;
    for (uint32_t i = 0; i < n; i++) {
        const qd_statement *st = &an->statements[i];
        if (st->parent < 0 || st->type != QD_STMT_INDIRECT)
            continue;
        int32_t vi = verb_index(c->lx, st->cue_lemma);
        int vc = vi >= 0 ? (int)c->lx->verbs[vi].vclass : -1;
        /* an object inside a report ("he said Trump called the ruling unfair") */
        bool object_only = vi >= 0 && !(c->lx->verbs[vi].frames & QD_VFR_THAT);
        if (object_only || vc == QD_VC_THOUGHT || vc == QD_VC_INTENT || vc == QD_VC_QUESTION ||
            (st->stance && !strcmp(st->stance, "evaluative")) ||
            (st->speaker < 0 && st->cue_lemma && strcmp(st->cue_lemma, "seem") && strcmp(st->cue_lemma, "appear")) ||
            (vc == QD_VC_EVIDENCE && strcmp(st->cue_lemma, "seem") && strcmp(st->cue_lemma, "appear")))
            drop[i] = any = true;
    }
    if (!any)
        return 0;
    uint32_t w = 0;
    for (uint32_t i = 0; i < n; i++)
        map[i] = drop[i] ? -1 : (int32_t)w++;
    /* a dropped report's own nested reports hang from its parent (parents first, in
     * the old numbering, before the array is compacted) */
    int32_t *parent = qd_arena_alloc(&c->doc->in->arena, (n + 1) * sizeof(int32_t));
    if (!parent)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
    for (uint32_t i = 0; i < n; i++) {
        int32_t p = an->statements[i].parent;
        for (int guard = 0; p >= 0 && drop[p] && guard < 64; guard++)
            p = an->statements[p].parent;
        parent[i] = p >= 0 && !drop[p] ? map[p] : -1;
    }
    w = 0;
    for (uint32_t i = 0; i < n; i++)
        if (!drop[i]) {
            an->statements[w] = an->statements[i];
            an->statements[w++].parent = parent[i];
        }
    an->n_statements = w;
    return 0;
}

int qd_attribute_reported(qd_actx *c, qd_cues *cues)
{
    qd_doc *doc = c->doc;
    qd_arena *A = &doc->in->arena;
    qd_token *tok = doc->in->tokens;
    rstate r = {c, cues, c->an->n_statements, NULL, 0};
    r.direct = qd_arena_alloc(A, (r.n_quote_stmts + 1) * sizeof(*r.direct));
    if (!r.direct)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
    for (uint32_t k = 0; k < r.n_quote_stmts; k++) {
        const qd_statement *st = &c->an->statements[k];
        if (st->type == QD_STMT_DIRECT && !qd_span_empty(st->cue))
            r.direct[r.n_direct++] = (struct direct_cue){qd_token_at(doc, st->cue.start), (int32_t)k};
    }
    if (r.n_direct > 1) {
        qsort(r.direct, r.n_direct, sizeof(*r.direct), cmp_direct);
        uint32_t w = 0; /* one a token: the last statement */
        for (uint32_t k = 0; k < r.n_direct; k++) {
            if (w > 0 && r.direct[w - 1].tok == r.direct[k].tok)
                w--;
            r.direct[w++] = r.direct[k];
        }
        r.n_direct = w;
    }
    bool *quoted_sentence = qd_arena_calloc(A, doc->n_sentences + 1, sizeof(bool));
    if (!quoted_sentence)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
    for (uint32_t k = 0; k < r.n_quote_stmts; k++)
        if (c->an->statements[k].sentence < doc->n_sentences)
            quoted_sentence[c->an->statements[k].sentence] = true;
    /* cues are in text order, one per starting token: a sentence's cues are the run of
     * them from the first starting in it, found without a look at its other tokens */
    uint32_t first_cue = 0;
    for (uint32_t si = 0; si < doc->n_sentences; si++) {
        const qd_sentence *se = &doc->sentences[si];
        qd_para_role role = doc->paragraphs[se->paragraph].role;
        if (role != QD_PARA_BODY && role != QD_PARA_TITLE)
            continue;
        uint32_t se_end = se->first_token + se->n_tokens;
        while (first_cue < cues->n && cues->v[first_cue].ta < se->first_token)
            first_cue++;
        if (role == QD_PARA_TITLE) {
            /* headlines report through a colon ("Lavrov: ...") or their main verb */
            uint32_t before = c->an->n_statements;
            for (uint32_t ci = first_cue; ci < cues->n && cues->v[ci].ta < se_end; ci++)
                if (cues->v[ci].kind == QD_CK_COLON && report(&r, ci, se) != 0)
                    return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
            if (c->an->n_statements == before && title_report(&r, se) != 0)
                return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
            continue;
        }
        uint32_t before = c->an->n_statements;
        /* a headline inside the body, as live blogs write them: "Rubio Says Abandoning
         * Immigration Reform Was A Sign Of Leadership" */
        if (!quoted_sentence[si] && title_case(tok, se)) {
            if (title_report(&r, se) != 0)
                return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
            if (c->an->n_statements > before)
                continue;
        }
        for (uint32_t ci = first_cue; ci < cues->n && cues->v[ci].ta < se_end; ci++) {
            qd_cue_kind k = cues->v[ci].kind;
            if (k != QD_CK_VERB && k != QD_CK_ACCORDING && k != QD_CK_PASSIVE && k != QD_CK_COLON)
                continue;
            if (report(&r, ci, se) != 0)
                return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
        }
        /* a sentence nothing else credits may be framed by its source */
        if (c->an->n_statements == before && !quoted_sentence[si] && frame_report(&r, se) != 0)
            return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
    }
    credit_passives(c, r.n_quote_stmts);
    credit_run_on(c, r.n_quote_stmts);

    /* mixed reports absorb the partial quotes inside them */
    qd_analysis *an = c->an;
    uint32_t n = an->n_statements;
    bool *drop = qd_arena_calloc(A, n + 1, sizeof(bool));
    int32_t *stmt_of_quoted = qd_arena_alloc(A, (an->n_quoted + 1) * sizeof(int32_t));
    if (!drop || !stmt_of_quoted)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
    for (uint32_t q = 0; q < an->n_quoted; q++)
        stmt_of_quoted[q] = -1;
    for (uint32_t k = 0; k < r.n_quote_stmts; k++)
        if (an->statements[k].quoted >= 0)
            stmt_of_quoted[an->statements[k].quoted] = (int32_t)k;
    for (uint32_t i = r.n_quote_stmts; i < n; i++) {
        qd_statement *m = &an->statements[i];
        if (m->type != QD_STMT_MIXED)
            continue;
        int32_t last = -1;
        for (uint32_t t = qd_token_at(doc, m->pieces[0].start); t < doc->in->n_tokens && tok[t].start < m->pieces[0].end;
             t++) {
            int32_t qi = tok[t].quoted;
            if (qi < 0 || qi == last)
                continue;
            last = qi;
            int32_t k = stmt_of_quoted[qi];
            if (k < 0 || drop[k])
                continue;
            qd_statement *q = &an->statements[k];
            bool inside = true;
            for (uint32_t p = 0; p < q->n_pieces; p++)
                if (q->pieces[p].start < m->pieces[0].start || q->pieces[p].end > m->pieces[0].end + 3)
                    inside = false;
            if (!inside)
                continue;
            /* a quote credited to someone else by its own attribution stays (nesting
             * links the two) */
            if (q->entity >= 0 && m->entity >= 0 && q->entity != m->entity && q->type == QD_STMT_DIRECT)
                continue;
            /* so does a whole quote with its own attribution after it ("...: “France is
             * no longer France,” he claimed."); the report gives way to it later */
            if (q->type == QD_STMT_DIRECT && !q->continuation && !qd_span_empty(q->cue) &&
                q->cue.start >= q->pieces[q->n_pieces - 1].end)
                continue;
            drop[k] = true;
        }
    }
    uint32_t w = 0;
    for (uint32_t i = 0; i < n; i++)
        if (!drop[i])
            an->statements[w++] = an->statements[i];
    an->n_statements = w;
    int rc = qd_statements_order(c);
    if (rc)
        return rc;
    return drop_embedded_attitudes(c);
}

static int cmp_statements(const void *x, const void *y)
{
    const qd_statement *a = x, *b = y;
    if (a->pieces[0].start != b->pieces[0].start)
        return a->pieces[0].start < b->pieces[0].start ? -1 : 1;
    /* the longer (enclosing) one first */
    uint32_t ea = a->pieces[a->n_pieces - 1].end, eb = b->pieces[b->n_pieces - 1].end;
    return ea > eb ? -1 : ea < eb;
}

int qd_statements_order(qd_actx *c)
{
    qd_analysis *an = c->an;
    /* (most callers find them in order already: then there is nothing to sort.  The
     * order of statements that compare equal, same start and same end, is then the
     * order they were made in; when a sort is needed it is qsort's, which the C
     * standard does not promise to keep, as before this test: glibc's merge sort keeps
     * it, so there skipping the sort changes nothing) */
    bool sorted = true;
    for (uint32_t i = 1; i < an->n_statements && sorted; i++)
        sorted = cmp_statements(&an->statements[i - 1], &an->statements[i]) <= 0;
    if (!sorted)
        qsort(an->statements, an->n_statements, sizeof(qd_statement), cmp_statements);
    /* parent: the smallest other report whose content holds this one's cue; reports nest
     * within a sentence or two, so only neighbours in text order are looked at.  A
     * report holding the cue ends at or after it: reach[k], the furthest end of the
     * reports up to k, tells where such a report may first be (it only grows, so by
     * halving), and the look stops at the first starting after the cue. */
    uint32_t n = an->n_statements;
    uint32_t *reach = qd_arena_alloc(&c->doc->in->arena, (n + 1) * sizeof(uint32_t));
    if (!reach)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
    for (uint32_t k = 0, far = 0; k < n; k++) {
        const qd_statement *o = &an->statements[k];
        if (o->type != QD_STMT_DIRECT && o->pieces[o->n_pieces - 1].end > far)
            far = o->pieces[o->n_pieces - 1].end;
        reach[k] = far;
    }
    for (uint32_t i = 0; i < n; i++) {
        qd_statement *st = &an->statements[i];
        st->parent = -1;
        if (qd_span_empty(st->cue))
            continue;
        uint32_t best_len = UINT32_MAX;
        uint32_t hi = i + 48 < n ? i + 48 : n;
        uint32_t lo = qd_first_at_least(reach, sizeof(*reach), 0, i > 48 ? i - 48 : 0, hi, st->cue.end);
        for (uint32_t k = lo; k < hi; k++) {
            const qd_statement *o = &an->statements[k];
            /* (sorted by start: none from here on starts at or before the cue) */
            if (o->pieces[0].start > st->cue.start)
                break;
            if (k == i || o->type == QD_STMT_DIRECT)
                continue;
            qd_span sp = {o->pieces[0].start, o->pieces[o->n_pieces - 1].end};
            if (st->cue.start >= sp.start && st->cue.end <= sp.end && sp.end - sp.start < best_len) {
                st->parent = (int32_t)k;
                best_len = sp.end - sp.start;
            }
        }
    }
    return 0;
}
