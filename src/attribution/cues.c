/*
 * cues.c - finding attribution cues on tokens and the speaker each cue points to.
 *
 * A cue is a speech-verb form ("said", "insisted", "wrote"), a multi-word verb ("pointed
 * out"), "according to", an intermediary phrase ("citing", "as reported by"), a venue
 * ("in an interview") or an agentless report ("it was pointed out").  Words inside
 * quotation marks are the speaker's own and never cues.  A verb form right after a
 * determiner is a noun ("the report", "his statement"), not a cue.
 *
 * The speaker of a verb cue is the subject before it, found by stepping back over
 * adverbs and auxiliaries ("Lavrov also has said", "X, the foreign minister, said") or,
 * in the inverted order news writes after a quote ("…,” said Lavrov), the noun phrase
 * after it.
 */
#include <string.h>

#include "../text/match.h"
#include "../util/search.h"
#include "attrib.h"

static bool skippable_before_verb(const qd_token *t)
{
    if (t->kind != QD_TK_WORD)
        return false;
    uint32_t tags = qd_tok_tags(t);
    if (tags & (QD_W_AUX | QD_W_MODAL | QD_W_NEG | QD_W_ADV))
        return !(tags & (QD_W_PRON | QD_W_DET));
    /* "Ford itself said" */
    if (t->normlen > 5 && (qd_norm_ends(t, "self") || qd_norm_ends(t, "selves")) &&
        (tags & QD_W_OBJ))
        return true;
    /* -ly adverbs the lexicon does not list: "bluntly", "angrily" */
    return t->normlen > 4 && qd_norm_ends(t, "ly") && !(t->flags & QD_TF_CAP);
}

/* A determiner that can stand alone for people: "some", "several", "many", "both",
 * "another", "each", "all" (not "the", "this", "his"). */
bool qd_quantifier(const qd_token *t)
{
    uint32_t tg = qd_tok_tags(t);
    if (t->kind != QD_TK_WORD || !(tg & QD_W_DET) || (tg & QD_W_PRON))
        return false;
    return (tg & QD_W_NUM) || qd_tok_word(t, "another") || qd_tok_word(t, "each") || qd_tok_word(t, "all");
}

/* Token i, a base verb form in the sentence [a, b), sits inside a compound noun: a
 * content word follows it, and before it stands a place ("Minnesota state delegate")
 * or a lower-case modifier that can be no subject ("swing state voters"): not a
 * pronoun, a function word, an adverb, "to", a plural (which could be one: "voters
 * say") a participle ("those surveyed say") nor an adverb ("typically oppose"). */
static bool compound_noun(qd_actx *c, uint32_t i, uint32_t a, uint32_t b)
{
    const qd_token *tok = c->doc->in->tokens;
    if (i <= a || i + 1 >= b)
        return false;
    const qd_token *n = &tok[i + 1], *p = &tok[i - 1];
    if (n->kind != QD_TK_WORD || (qd_tok_tags(n) & (QD_W_FUNCTION | QD_W_ADV | QD_W_AUX | QD_W_MODAL | QD_W_NEG)) ||
        (n->lex && n->lex->verb >= 0))
        return false;
    if (p->kind != QD_TK_WORD)
        return false;
    int32_t pm = c->m_end[i - 1];
    if (pm >= 0)
        return c->mx[pm].kind == QD_ENT_GOV && !c->mx[pm].possessive;
    /* (before a name only a place qualifies: not "observers in the country say Scott") */
    if (c->m_in[i - 1] >= 0 || (p->flags & QD_TF_CAP) || (n->flags & QD_TF_CAP) || (p->lex && p->lex->verb >= 0) ||
        (qd_tok_tags(p) & (QD_W_FUNCTION | QD_W_ADV | QD_W_AUX | QD_W_MODAL | QD_W_NEG | QD_W_WH)) ||
        qd_tok_word(p, "to") || p->norm[p->normlen - 1] == 's' || qd_tok_possessive(p) ||
        (p->normlen > 3 && (qd_norm_ends(p, "ed") || qd_norm_ends(p, "ly"))))
        return false;
    return true;
}

int qd_cues_find(qd_actx *c, qd_cues *cues)
{
    qd_doc *doc = c->doc;
    qd_doc_internal *in = doc->in;
    qd_arena *A = &in->arena;
    const qd_lexicon *lx = c->lx;
    qd_token *tok = in->tokens;
    cues->at = qd_arena_alloc(A, (in->n_tokens + 1) * sizeof(int32_t));
    if (!cues->at)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
    memset(cues->at, 0xff, (in->n_tokens + 1) * sizeof(int32_t)); /* all -1 */
    for (uint32_t si = 0; si < doc->n_sentences; si++) {
        const qd_sentence *se = &doc->sentences[si];
        uint32_t a = se->first_token, b = a + se->n_tokens;
        for (uint32_t i = a; i < b; i++) {
            const qd_token *t = &tok[i];
            /* a cue is a cue phrase, which starts only with a word the lexicon marks as
             * starting one, a verb form, or a colon: most tokens are none, told by their
             * lexicon entry (a word outside the lexicon by the cue table's own filter,
             * which needs no look at the other tables' first words) without a search */
            bool phrase = false;
            if (t->kind == QD_TK_WORD) {
                phrase = t->lex ? (t->lex->starts & QD_START_CUE) != 0
                                : !t->hash || qd_phrase_maybe(&lx->cues, t->hash); /* (as qd_match_phrase) */
                if (!phrase && !(t->lex && t->lex->verb >= 0))
                    continue;
            } else if (!qd_tok_is(t, ':')) {
                continue;
            }
            if (t->quoted >= 0 && c->an->quoted[t->quoted].type == QD_QUOTED_SPEECH)
                continue;
            /* part of a name ("the United States") or a capital mid-sentence ("Says Who") */
            if (c->m_in[i] >= 0 && c->an->mentions[c->m_in[i]].kind != QD_MENTION_PRONOUN)
                continue;
            qd_cue cue = {i, i + 1, QD_CK_NONE, -1};
            uint32_t v;
            uint32_t pl = phrase ? qd_match_phrase(doc, &lx->cues, i, b, false, &v) : 0;
            if (pl) {
                const qd_cue_phrase *cp = &lx->cue_phrases[v];
                cue.tb = i + pl;
                switch (cp->type) {
                case QD_CUE_SOURCE_AFTER: cue.kind = QD_CK_ACCORDING; break;
                case QD_CUE_VERB: cue.kind = QD_CK_VERB; cue.verb = cp->verb; break;
                case QD_CUE_VENUE: cue.kind = QD_CK_VENUE; break;
                case QD_CUE_INTERMEDIARY: cue.kind = QD_CK_INTERMEDIARY; break;
                case QD_CUE_PASSIVE: cue.kind = QD_CK_PASSIVE; break;
                }
            } else if (t->lex && t->lex->verb >= 0) {
                /* a verb form after a determiner or possessive is a noun; it is still a
                 * cue when a clause hangs from it: "his claim that", "the warning that" */
                bool noun = (i > a && tok[i - 1].lex && (tok[i - 1].lex->tags & (QD_W_DET | QD_W_POSS)) &&
                             !(tok[i - 1].lex->tags & QD_W_PRON)) ||
                            (i > a && qd_tok_possessive(&tok[i - 1]));
                /* "He’s predicting": the ’s of a subject pronoun before an -ing form is
                 * "is"; a pronoun owns nothing that way.  (Before a participle it may be
                 * "has" or a passive's "is": "he's expected to win".) */
                if (noun && qd_tok_possessive(&tok[i - 1]) && t->lex->vform == QD_VF_ING) {
                    const qd_lexword *w = qd_lex_word(c->lx, tok[i - 1].norm, tok[i - 1].normlen - 2);
                    if (w && (w->tags & QD_W_PRON) && !(w->tags & QD_W_POSS) && !(w->tags & QD_W_OBJ))
                        noun = false;
                }
                /* "after that declared": a past form after "that" is a verb */
                if (noun && t->lex->vform == QD_VF_PAST && tok[i - 1].lex && (tok[i - 1].lex->tags & QD_W_REL))
                    noun = false;
                /* "Some chanted “USA!”", "Another tweeted, “…”", "Several said they ...": a
                 * quantifier standing alone is the subject, and the past form after it a
                 * verb, when no noun follows it ("several reported cases") */
                if (noun && t->lex->vform == QD_VF_PAST && qd_quantifier(&tok[i - 1]) &&
                    (i + 1 >= b || tok[i + 1].kind != QD_TK_WORD || (tok[i + 1].flags & QD_TF_CAP) ||
                     (qd_tok_tags(&tok[i + 1]) & QD_W_FUNCTION)))
                    noun = false;
                /* "swing state voters", "Minnesota state delegate", "GOP-dominated state
                 * legislative chambers": a base form between a modifier and another
                 * content word is a noun in a compound, not a verb */
                if (!noun && t->lex->vform == QD_VF_BASE && compound_noun(c, i, a, b))
                    continue;
                /* "Illinois state Rep. Carol Ammons": a title follows a modifier, not a verb */
                if (i + 1 < b && tok[i + 1].lex && (tok[i + 1].lex->tags & QD_W_HONORIFIC) &&
                    t->lex->vform == QD_VF_BASE)
                    continue;
                if (noun && !(i + 1 < b && qd_tok_word(&tok[i + 1], "that") &&
                              (lx->verbs[t->lex->verb].frames & QD_VFR_THAT) && t->lex->vform == QD_VF_BASE))
                    continue;
                cue.kind = QD_CK_VERB;
                cue.verb = t->lex->verb;
            } else if (qd_tok_is(t, ':') && i > a && i <= a + 6 && doc->paragraphs[t->paragraph].role == QD_PARA_TITLE) {
                /* a headline "Lavrov: Russia, US maintain ...", "Poll: Trump ties Clinton":
                 * a short name before the colon, no verb in it */
                bool name = true;
                for (uint32_t k = a; k < i; k++)
                    if (tok[k].kind != QD_TK_WORD || (tok[k].lex && (tok[k].lex->verb >= 0 ||
                                                                     (tok[k].lex->tags & (QD_W_SUB | QD_W_PRON)))))
                        name = false;
                if (name)
                    cue.kind = QD_CK_COLON;
            }
            if (cue.kind == QD_CK_NONE)
                continue;
            qd_cue *slot = QD_VEC_PUSH(A, cues->v, cues->n, cues->cap);
            if (!slot)
                return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
            *slot = cue;
            cues->at[i] = (int32_t)cues->n - 1;
            i = cue.tb - 1;
        }
    }
    return 0;
}

uint32_t qd_cue_first_at(const qd_cues *cues, uint32_t t)
{
    return qd_first_at_least(cues->v, sizeof(qd_cue), offsetof(qd_cue, ta), 0, cues->n, t);
}

static int32_t subject_ending_at_raw(qd_actx *c, int32_t k, uint32_t lo);

static bool is_prep(const qd_token *t)
{
    return t->kind == QD_TK_WORD && t->lex && (t->lex->tags & QD_W_PREP) && !(t->lex->tags & QD_W_SUB);
}

/* From a mention next to a verb back to the head of the subject it belongs to:
 * "Jim Clyburn, a Democratic congressman ... from South Carolina said" gives "South
 * Carolina", whose head is "Jim Clyburn"; "Clinton, 35, the daughter of ..., said"
 * gives "the daughter of ...", whose head is "Clinton". */
static int32_t head_of_subject(qd_actx *c, int32_t m, uint32_t lo)
{
    qd_token *tok = c->doc->in->tokens;
    for (int guard = 0; guard < 5 && m >= 0; guard++) {
        qd_mx *x = &c->mx[m];
        if (x->ta <= lo)
            break;
        uint32_t p = x->ta - 1;
        if (is_prep(&tok[p])) {
            /* the object of a preposition: the noun phrase it hangs from */
            int32_t found = -1;
            for (int32_t j = (int32_t)p - 1; j >= (int32_t)lo && j >= (int32_t)p - 12; j--) {
                if (qd_tok_is(&tok[j], ',') || tok[j].kind == QD_TK_QUOTE || (tok[j].lex && tok[j].lex->verb >= 0))
                    break;
                if (c->m_end[j] >= 0) {
                    found = c->m_end[j];
                    break;
                }
            }
            if (found < 0)
                break;
            m = found;
            continue;
        }
        bool appositive_like = c->an->mentions[m].kind == QD_MENTION_ROLE || c->an->mentions[m].kind == QD_MENTION_NOMINAL ||
                               (tok[x->ta].lex && (tok[x->ta].lex->tags & (QD_W_DET | QD_W_NUM)));
        if (qd_tok_is(&tok[p], ',') && p > lo) {
            /* "X, 35, the daughter ...": step over comma groups to a name before them */
            int32_t found = -1;
            int32_t j = (int32_t)p - 1;
            for (int groups = 0; groups < 3 && j >= (int32_t)lo; groups++) {
                if (c->m_end[j] >= 0 && c->an->mentions[c->m_end[j]].kind == QD_MENTION_NAME) {
                    found = c->m_end[j];
                    break;
                }
                /* skip this group back to its comma */
                int32_t q = j;
                while (q >= (int32_t)lo && q > j - 20 && !qd_tok_is(&tok[q], ',') && tok[q].kind != QD_TK_QUOTE)
                    q--;
                if (q < (int32_t)lo || !qd_tok_is(&tok[q], ','))
                    break;
                j = q - 1;
            }
            /* the name must open its group and what lies between must not be a clause of
             * its own: not "In Ohio, the turnout was ..., election officials said" */
            if (found >= 0) {
                uint32_t fa = c->mx[found].ta;
                bool opens = fa <= lo || qd_tok_is(&tok[fa - 1], ',') || tok[fa - 1].kind == QD_TK_QUOTE ||
                             (tok[fa - 1].lex && (tok[fa - 1].lex->tags & (QD_W_CONJ | QD_W_SUB)));
                for (uint32_t q = c->mx[found].tb; opens && q < p; q++)
                    if (tok[q].kind == QD_TK_WORD && tok[q].lex && (tok[q].lex->tags & (QD_W_AUX | QD_W_MODAL)))
                        opens = false;
                if (!opens)
                    found = -1;
            }
            if (found >= 0 && (appositive_like || tok[p - 1].kind == QD_TK_NUM)) {
                m = found;
                continue;
            }
        }
        break;
    }
    return m;
}

/* The mention that ends right before token k, looking through an appositive or a
 * relative clause set off by commas ("Keith Kellogg, who had called ..., said"). */
static int32_t subject_ending_at(qd_actx *c, int32_t k, uint32_t lo)
{
    int32_t m = subject_ending_at_raw(c, k, lo);
    return m >= 0 ? head_of_subject(c, m, lo) : m;
}

/* "Appearing on CBS' Face the Nation, the GOP front-runner said": a name that starts
 * with a lower-case word right after a capitalised word outside any mention is the tail
 * of a programme or work title ("Face the Nation", "Meet the Press"), not a person
 * the appositive after it describes. */
static bool cut_from_title(qd_actx *c, int32_t m)
{
    const qd_token *tok = c->doc->in->tokens;
    uint32_t a = c->mx[m].ta;
    if (a == 0 || tok[a].kind != QD_TK_WORD || (tok[a].flags & QD_TF_CAP))
        return false;
    const qd_token *p = &tok[a - 1];
    return p->kind == QD_TK_WORD && (p->flags & QD_TF_CAP) && c->m_in[a - 1] < 0 &&
           c->doc->sentences[p->sentence].first_token != a - 1;
}

static int32_t subject_ending_at_raw(qd_actx *c, int32_t k, uint32_t lo)
{
    qd_token *tok = c->doc->in->tokens;
    if (k < (int32_t)lo)
        return -1;
    int32_t m = c->m_end[k];
    if (m >= 0) {
        qd_mx *x = &c->mx[m];
        /* "X, the foreign minister, said": prefer the name; but "X, who said": the
         * relative pronoun is the subject (it stands for X) */
        if (!x->relative && x->appos >= 0 && c->mx[x->appos].tb <= x->ta &&
            c->an->mentions[x->appos].kind == QD_MENTION_NAME && !cut_from_title(c, x->appos))
            return x->appos;
        /* "Trump's": a possessive is not the subject of the verb after it */
        if (x->possessive)
            return -1;
        /* a possessive owner inside "Blinken's assistant" is not the subject: the whole is */
        return m;
    }
    if (qd_tok_is(&tok[k], ',')) {
        /* step over ", who ... ," or ", the ... ," or ", R-S.C., a candidate," back to a
         * mention right before one of the commas (up to three groups) */
        int groups = 0;
        /* "Another delegate on the Cruz slate, Jim Poolman, said": a name set off by
         * commas right before the verb names the subject */
        int32_t nm = k > (int32_t)lo ? c->m_end[k - 1] : -1;
        if (nm >= 0 && c->an->mentions[nm].kind == QD_MENTION_NAME && c->mx[nm].kind == QD_ENT_PERSON &&
            !c->mx[nm].possessive && !c->mx[nm].in_quote &&
            c->mx[nm].ta > lo && qd_tok_is(&tok[c->mx[nm].ta - 1], ','))
            return nm;
        bool stepped = false;
        for (int32_t j = k - 1; j >= (int32_t)lo && j >= k - 40 && groups < 3; j--) {
            bool real_quote = tok[j].kind == QD_TK_QUOTE && tok[j].quoted >= 0;
            if (real_quote) {
                /* a title or a few words quoted inside an appositive ("a contestant on
                 * the show “The Apprentice,” who ..., said") are stepped over */
                const qd_quoted *qq = &c->an->quoted[tok[j].quoted];
                uint32_t open = qd_token_at(c->doc, qq->outer.start);
                if (qq->outer.end != tok[j].end || open + 8 < (uint32_t)j || open <= lo ||
                    (qq->flags & QD_QUOTED_FULL))
                    return -1;
                j = (int32_t)open;
                stepped = true;
                continue;
            }
            if (!qd_tok_is(&tok[j], ','))
                continue;
            groups++;
            int32_t mm = j > (int32_t)lo ? c->m_end[j - 1] : -1;
            if (mm >= 0 && c->an->mentions[mm].kind != QD_MENTION_PRONOUN) {
                /* past quoted words only a person's name heads the appositive */
                if (stepped && (c->an->mentions[mm].kind != QD_MENTION_NAME || c->mx[mm].kind != QD_ENT_PERSON))
                    return -1;
                return mm;
            }
        }
    }
    return -1;
}

/* The subject of a sentence: its first mention that is not inside quotation marks,
 * not the object of a preposition and not a possessive, before token `before`. */
int32_t qd_clause_subject(qd_actx *c, uint32_t lo, uint32_t before)
{
    qd_token *tok = c->doc->in->tokens;
    for (uint32_t i = lo; i < before; i++) {
        int32_t m = c->m_start[i];
        if (m < 0)
            continue;
        qd_mx *x = &c->mx[m];
        if (x->in_quote || x->possessive || x->relative)
            continue;
        if (i > lo && tok[i - 1].kind == QD_TK_WORD && tok[i - 1].lex && (tok[i - 1].lex->tags & QD_W_PREP))
            continue;
        if (x->kind == QD_ENT_UNKNOWN && c->an->mentions[m].kind != QD_MENTION_PRONOUN)
            continue;
        return m;
    }
    return -1;
}

/* Is token t a number or a quantity word ("46", "six", "half", "percent")? */
static bool quantity_word(const qd_token *t)
{
    return t->kind == QD_TK_NUM || (t->kind == QD_TK_WORD && t->lex && (t->lex->tags & QD_W_NUM)) ||
           (t->kind == QD_TK_SYMBOL && t->norm[0] == '%');
}

/* A share of people as the subject of a verb, which poll stories report through:
 * "Six in 10 say", "46 percent of voters said", "About three-quarters support", "a
 * majority of Republicans want".  From token k (the last word before the verb) back to
 * the start of the clause; the phrase must hold a number or a quantity word.  Returns a
 * mention or -1. */
static int32_t quantity_subject(qd_actx *c, uint32_t k, uint32_t lo)
{
    qd_token *tok = c->doc->in->tokens;
    bool quantity = false;
    uint32_t a = k + 1;
    while (a > lo && a + 12 > k + 1) {
        const qd_token *t = &tok[a - 1];
        uint32_t tg = qd_tok_tags(t);
        if (t->quoted >= 0 && t->kind == QD_TK_QUOTE)
            break;
        if (quantity_word(t) || qd_tok_word(t, "another")) {
            quantity = true;
            a--;
            continue;
        }
        if (t->kind != QD_TK_WORD)
            break;
        /* "in 10", "of voters", "about", "nearly", "more than" */
        if (qd_norm_is(t, "in") || qd_norm_is(t, "of") || qd_norm_is(t, "than") ||
            qd_norm_is(t, "about") || (tg & (QD_W_DET | QD_W_ADV))) {
            a--;
            continue;
        }
        if (tg & (QD_W_FUNCTION | QD_W_TIME))
            break;
        if (t->lex && t->lex->verb >= 0 && t->lex->vform != QD_VF_BASE && t->lex->vform != QD_VF_PART &&
            t->lex->vform != QD_VF_PAST)
            break;
        a--;
    }
    if (!quantity || a > k)
        return -1;
    /* the phrase starts a clause: not "compared with 23 percent" */
    if (a > lo) {
        const qd_token *p = &tok[a - 1];
        uint32_t tg = qd_tok_tags(p);
        if (!(qd_tok_is(p, ',') || qd_tok_is(p, ';') || qd_tok_is(p, ':') || (tg & (QD_W_CONJ | QD_W_SUB))))
            return -1;
    }
    /* a leading "in"/"of"/"than" is not part of it */
    while (a <= k && tok[a].kind == QD_TK_WORD && (qd_norm_is(&tok[a], "in") || qd_norm_is(&tok[a], "of")))
        a++;
    if (a > k || !(quantity_word(&tok[a]) || tok[a].kind == QD_TK_WORD))
        return -1;
    int32_t m = qd_mention_np_span(c, a, k + 1);
    /* a share of people is a group */
    if (m >= 0 && c->mx[m].kind == QD_ENT_UNKNOWN) {
        c->mx[m].kind = QD_ENT_GROUP;
        int32_t e = c->an->mentions[m].entity;
        if (e >= 0 && c->an->entities[e].kind == QD_ENT_UNKNOWN)
            c->an->entities[e].kind = QD_ENT_GROUP;
    }
    return m;
}

/* "voters who said", "the group, which supports": the relative pronoun is the subject,
 * standing for the noun phrase before it.  Returns a mention for the pronoun, resolved
 * to what it stands for, or -1. */
static int32_t relative_subject(qd_actx *c, uint32_t k, uint32_t lo)
{
    qd_token *tok = c->doc->in->tokens;
    const qd_token *t = &tok[k];
    if (t->kind != QD_TK_WORD || !(t->lex && (t->lex->tags & QD_W_REL)) || k <= lo)
        return -1;
    uint32_t p = k - 1;
    if (qd_tok_is(&tok[p], ',') && p > lo)
        p--;
    int32_t ante = c->m_end[p];
    if (ante < 0 && !qd_norm_is(t, "that"))
        ante = qd_mention_np_ending_at(c, p, lo);
    /* "those who preferred ...": a demonstrative standing alone */
    if (ante < 0 && !qd_norm_is(t, "that") && tok[p].kind == QD_TK_WORD && tok[p].lex &&
        (tok[p].lex->tags & QD_W_DET) && (p == lo || !(tok[p - 1].lex && (tok[p - 1].lex->tags & QD_W_DET))))
        ante = qd_mention_np_span(c, p, p + 1);
    if (ante < 0)
        return -1;
    int32_t m = c->m_start[k];
    if (m < 0 || c->mx[m].tb != k + 1)
        m = qd_mention_np_span(c, k, k + 1);
    if (m < 0)
        return -1;
    if (c->mx[m].relative)
        return m;
    c->mx[m].relative = true;
    c->mx[m].appos = ante;
    c->mx[m].kind = c->mx[ante].kind;
    if (c->an->mentions[ante].entity >= 0)
        c->an->mentions[m].entity = c->an->mentions[ante].entity;
    return m;
}

/* "some voters who have listened to his speeches, on television or at events, said":
 * the antecedent of a relative clause that the comma before the verb closes. */
static int32_t relative_antecedent(qd_actx *c, int32_t k, uint32_t lo)
{
    qd_token *tok = c->doc->in->tokens;
    if (k <= (int32_t)lo || !qd_tok_is(&tok[k], ','))
        return -1;
    for (int32_t j = k - 1; j > (int32_t)lo && j >= k - 40; j--) {
        if (tok[j].kind == QD_TK_QUOTE || qd_tok_is(&tok[j], ';') ||
            (tok[j].lex && tok[j].lex->verb >= 0 && c->m_in[j] < 0 &&
             !(tok[j - 1].lex && (tok[j - 1].lex->tags & QD_W_REL))))
            break;
        if (tok[j].kind == QD_TK_WORD && tok[j].lex && (tok[j].lex->tags & QD_W_REL) && !qd_norm_is(&tok[j], "that") &&
            !qd_tok_is(&tok[j - 1], ',')) {
            int32_t mm = c->m_end[j - 1];
            if (mm >= 0 && c->an->mentions[mm].kind != QD_MENTION_PRONOUN && !c->mx[mm].possessive)
                return mm;
            break;
        }
    }
    return -1;
}

static int32_t speaker_depth(qd_actx *c, const qd_cues *cues, uint32_t ci, uint32_t lo, uint32_t hi, int depth);

int32_t qd_cue_speaker(qd_actx *c, const qd_cues *cues, uint32_t ci, uint32_t lo, uint32_t hi)
{
    int32_t m = speaker_depth(c, cues, ci, lo, hi, 0);
    /* "Rattling off promises to ...": a participle opening the sentence, capitalised,
     * is not a name */
    const qd_token *tok = c->doc->in->tokens;
    if (m >= 0 && c->mx[m].ta == lo && c->mx[m].tb <= cues->v[ci].ta) {
        const qd_token *t = &tok[lo];
        if (t->kind == QD_TK_WORD && (t->flags & QD_TF_CAP) && t->normlen > 5 &&
            qd_norm_ends(t, "ing") && !(t->lex && t->lex->first_name))
            return -1;
    }
    return m;
}

/* Going left from token k (not below `stop`, nor past a comma or a quote): the personal
 * pronoun subject of a subordinate clause ("when he", "even as she"), or -1. */
static int32_t subordinate_pronoun(qd_actx *c, uint32_t k, uint32_t stop, int32_t not)
{
    const qd_token *tok = c->doc->in->tokens;
    for (uint32_t j = k; j > stop && j >= 2; j--) {
        const qd_token *t = &tok[j - 1];
        if (t->kind == QD_TK_QUOTE || qd_tok_is(t, ',') || qd_tok_is(t, ';'))
            break;
        int32_t s2 = c->m_start[j - 1];
        if (s2 >= 0 && s2 != not && c->an->mentions[s2].kind == QD_MENTION_PRONOUN &&
            (c->mx[s2].gender == 'm' || c->mx[s2].gender == 'f') && !c->mx[s2].possessive &&
            !(qd_tok_tags(t) & QD_W_OBJ) && tok[j - 2].kind == QD_TK_WORD && (qd_tok_tags(&tok[j - 2]) & QD_W_SUB) &&
            !(qd_tok_tags(&tok[j - 2]) & QD_W_DET) && !qd_tok_word(&tok[j - 2], "that") &&
            !qd_tok_word(&tok[j - 2], "if") && !qd_tok_word(&tok[j - 2], "whether"))
            return s2;
    }
    return -1;
}

static int32_t speaker_depth(qd_actx *c, const qd_cues *cues, uint32_t ci, uint32_t lo, uint32_t hi, int depth)
{
    const qd_cue *cue = &cues->v[ci];
    qd_token *tok = c->doc->in->tokens;
    const qd_lexicon *lx = c->lx;
    if (cue->kind == QD_CK_ACCORDING || cue->kind == QD_CK_INTERMEDIARY) {
        uint32_t k = cue->tb;
        if (k < hi && qd_tok_word(&tok[k], "by"))
            k++;
        /* "reported by the “Interfax” agency" */
        if (k < hi && qd_tok_word(&tok[k], "the"))
            k++;
        if (k + 1 < hi && tok[k].kind == QD_TK_QUOTE)
            k++;
        if (k < hi && c->m_start[k] >= 0)
            return c->m_start[k];
        if (k < hi && c->m_in[k] >= 0)
            return c->m_in[k];
        /* "according to a count by The Associated Press,": the phrase up to the comma */
        if (cue->kind == QD_CK_ACCORDING && k < hi) {
            uint32_t e = k;
            while (e < hi && e < k + 16 && !qd_tok_is(&tok[e], ',') && !qd_tok_is(&tok[e], '.') &&
                   tok[e].kind != QD_TK_QUOTE)
                e++;
            if (e > k && (e >= hi || qd_tok_is(&tok[e], ',') || qd_tok_is(&tok[e], '.')))
                return qd_mention_np_span(c, k, e);
        }
        return -1;
    }
    if (cue->kind == QD_CK_COLON) {
        int32_t m = c->m_end[cue->ta - 1];
        if (m < 0)
            m = qd_mention_np_span(c, lo, cue->ta);
        return m;
    }
    if (cue->kind != QD_CK_VERB)
        return -1;
    const qd_speech_verb *v = cue->verb >= 0 ? &lx->verbs[cue->verb] : NULL;
    /* "she quoted the secretary of state", "citing sources": the object is the source */
    if (v && qd_quoting_lemma(v->lemma)) {
        uint32_t k = cue->tb;
        /* (not "cited Trump's past references", "quoted Reagan's “eleventh
         * commandment”": what is cited belongs to the owner; the subject cites it) */
        if (k < hi && c->m_start[k] >= 0 && !c->mx[c->m_start[k]].possessive)
            return c->m_start[k];
    }
    /* subject to the left, over adverbs, auxiliaries and parentheses */
    int32_t k = (int32_t)cue->ta - 1;
    for (;;) {
        while (k >= (int32_t)lo && skippable_before_verb(&tok[k]))
            k--;
        /* "Richards and Menendez both stressed", "the Times and the Post each called": a
         * quantifier after the subject floats; the subject is before it */
        if (k > (int32_t)lo && qd_quantifier(&tok[k]) && c->m_end[k - 1] >= 0) {
            k--;
            continue;
        }
        /* "Joseph R. Biden Jr. said": the dot of an abbreviation ending a name */
        if (k > (int32_t)lo && qd_tok_is(&tok[k], '.') && c->m_end[k] < 0 && tok[k - 1].lex && tok[k - 1].lex->abbr &&
            c->m_end[k - 1] >= 0) {
            k--;
            break;
        }
        /* "Trump Thursday said", "released a statement Thursday night condemning": bare
         * words of time between the subject (or object) and the verb */
        if (k > (int32_t)lo && tok[k].kind == QD_TK_WORD && c->m_end[k] < 0 && c->m_in[k] < 0 &&
            (qd_tok_tags(&tok[k]) & (QD_W_TIME | QD_W_WEEKDAY)) && !(qd_tok_tags(&tok[k]) & QD_W_FUNCTION)) {
            int32_t j = k;
            while (j > (int32_t)lo && j > k - 3 && tok[j].kind == QD_TK_WORD && c->m_end[j] < 0 &&
                   (qd_tok_tags(&tok[j]) & (QD_W_TIME | QD_W_WEEKDAY)))
                j--;
            if (c->m_end[j] >= 0) {
                k = j;
                break;
            }
        }
        /* "A campaign TV ad released Thursday accuses", "a memo sent Monday said": a
         * past participle with its day between a noun phrase and the verb modifies the
         * noun phrase, which is the subject */
        if (k > (int32_t)lo + 1 && tok[k].kind == QD_TK_WORD && c->m_end[k] < 0 && c->m_in[k] < 0 &&
            (qd_tok_tags(&tok[k]) & (QD_W_TIME | QD_W_WEEKDAY)) && !(qd_tok_tags(&tok[k]) & QD_W_FUNCTION) &&
            tok[k - 1].kind == QD_TK_WORD && !(tok[k - 1].flags & QD_TF_CAP) && c->m_in[k - 1] < 0 &&
            cues->at[k - 1] < 0 && tok[k - 1].normlen > 4 && qd_norm_ends(&tok[k - 1], "ed") &&
            !(qd_tok_tags(&tok[k - 1]) & QD_W_FUNCTION) && c->m_end[k - 2] >= 0 &&
            c->an->mentions[c->m_end[k - 2]].kind == QD_MENTION_NOMINAL) {
            k -= 2;
            break;
        }
        /* "Beck has in the past described", "Trump on the same day said": a time
         * phrase with a determiner */
        if (k > (int32_t)lo + 1 && tok[k].kind == QD_TK_WORD && tok[k].lex && c->m_end[k] < 0 &&
            (tok[k].lex->tags & (QD_W_TIME | QD_W_WEEKDAY)) && (qd_tok_tags(&tok[k - 1]) & QD_W_DET) &&
            tok[k - 2].kind == QD_TK_WORD && (qd_tok_tags(&tok[k - 2]) & QD_W_PREP)) {
            k -= 3;
            continue;
        }
        /* "Peskov after that declared", "Lavrov on Tuesday said": a short time phrase */
        if (k > (int32_t)lo && tok[k].kind == QD_TK_WORD && tok[k].lex && c->m_end[k] < 0 &&
            ((tok[k].lex->tags & (QD_W_TIME | QD_W_WEEKDAY)) || qd_norm_is(&tok[k], "that") ||
             qd_norm_is(&tok[k], "this")) &&
            tok[k - 1].kind == QD_TK_WORD && tok[k - 1].lex && (tok[k - 1].lex->tags & QD_W_PREP)) {
            k -= 2;
            continue;
        }
        /* an aside between dashes: "John McCain -- who lost the 2008 election to Obama
         * -- said", "Gingrich — mentioned by Newsmax as the leading choice — told" */
        if (k > (int32_t)lo + 2 && tok[k].kind == QD_TK_PUNCT && tok[k].norm[0] == '-') {
            int32_t j = k - 1;
            while (j > (int32_t)lo && j > k - 40 && !(tok[j].kind == QD_TK_PUNCT && tok[j].norm[0] == '-') &&
                   tok[j].kind != QD_TK_QUOTE && !qd_tok_is(&tok[j], ';') && !qd_tok_is(&tok[j], ':'))
                j--;
            if (j > (int32_t)lo && tok[j].kind == QD_TK_PUNCT && tok[j].norm[0] == '-' && c->m_end[j - 1] >= 0) {
                k = j - 1;
                break;
            }
        }
        /* "Trump in his announcement speech called", "Sanders at a rally Sunday said": a
         * short prepositional phrase (a determiner or possessive after the preposition,
         * no mention at its end, no verb, no punctuation) between a named subject and
         * the verb */
        if (k > (int32_t)lo + 1 && tok[k].kind == QD_TK_WORD && c->m_end[k] < 0 && c->m_in[k] < 0 &&
            !(qd_tok_tags(&tok[k]) & QD_W_FUNCTION)) {
            int32_t j = k - 1;
            while (j > (int32_t)lo && j > k - 6 && tok[j].kind == QD_TK_WORD && !is_prep(&tok[j]) &&
                   !(tok[j].lex && (tok[j].lex->verb >= 0 || (tok[j].lex->tags & (QD_W_SUB | QD_W_REL | QD_W_CONJ)))))
                j--;
            int32_t sm = j > (int32_t)lo ? c->m_end[j - 1] : -1;
            const qd_token *vt = &tok[cue->ta];
            if (j > (int32_t)lo && j + 1 < k && is_prep(&tok[j]) && !qd_tok_word(&tok[j], "of") && sm >= 0 &&
                c->an->mentions[sm].kind == QD_MENTION_NAME && !c->mx[sm].possessive && !c->mx[sm].in_quote &&
                cues->at[j] < 0 && (qd_tok_tags(&tok[j + 1]) & (QD_W_DET | QD_W_POSS)) && vt->lex &&
                (vt->lex->vform == QD_VF_PAST || vt->lex->vform == QD_VF_3SG)) {
                k = j - 1;
                break;
            }
        }
        /* a name may own its parenthesis: "Rep. John Mica (R-Fla.)" */
        if (k > (int32_t)lo && qd_tok_is(&tok[k], ')') && c->m_end[k] < 0) {
            int32_t j = k - 1;
            while (j >= (int32_t)lo && j > k - 12 && !qd_tok_is(&tok[j], '('))
                j--;
            if (j >= (int32_t)lo && qd_tok_is(&tok[j], '(')) {
                k = j - 1;
                continue;
            }
        }
        break;
    }
    /* "X stressed ... and said": a verb joined to an earlier one shares its subject;
     * so does a participle after a comma ("…,” stressing") */
    bool conj = k >= (int32_t)lo && tok[k].kind == QD_TK_WORD && tok[k].lex && (tok[k].lex->tags & QD_W_CONJ) &&
                !qd_norm_is(&tok[k], "so");
    bool participle = tok[cue->ta].lex && tok[cue->ta].lex->vform == QD_VF_ING &&
                      (k < (int32_t)lo || qd_tok_is(&tok[k], ',') || tok[k].kind == QD_TK_QUOTE ||
                       (tok[k].kind == QD_TK_WORD && tok[k].lex && (tok[k].lex->tags & (QD_W_PREP | QD_W_SUB))));
    if ((conj || participle) && depth < 4) {
        int32_t from = conj ? k : (int32_t)cue->ta;
        /* "When Mook was asked ..., he laughed and said": the verb before the "and" has
         * its own subject right before it */
        if (conj && k >= (int32_t)lo + 2 && tok[k - 1].kind == QD_TK_WORD && !(tok[k - 1].flags & QD_TF_CAP) &&
            c->m_end[k - 1] < 0 && !(tok[k - 1].lex && (tok[k - 1].lex->tags & QD_W_FUNCTION)) && c->m_end[k - 2] >= 0) {
            int32_t m = c->m_end[k - 2];
            if (!c->mx[m].possessive && !c->mx[m].in_quote && c->an->mentions[m].kind == QD_MENTION_PRONOUN &&
                tok[c->mx[m].ta].lex && (tok[c->mx[m].ta].lex->tags & QD_W_PRON))
                return m;
        }
        /* "Trump ratcheted up his attacks on Rubio, saying ...", "he focused on what he
         * said were failures, saying ...": a participle after a comma belongs to the
         * subject of the main clause (after any opening subordinate clause) */
        if (participle && !conj && k >= (int32_t)lo && qd_tok_is(&tok[k], ',')) {
            /* "“…,” he said, adding, “…”": a verb of saying right before the comma
             * lends its own subject */
            int32_t pc = k > (int32_t)lo ? cues->at[k - 1] : -1;
            if (pc >= 0 && cues->v[pc].kind == QD_CK_VERB && cues->v[pc].tb == (uint32_t)k && pc != (int32_t)ci &&
                tok[k - 1].lex && tok[k - 1].lex->vform == QD_VF_PAST) {
                int32_t m = speaker_depth(c, cues, (uint32_t)pc, lo, (uint32_t)k, depth + 1);
                if (m >= 0)
                    return m;
            }
            uint32_t a = lo;
            if (tok[lo].lex && (tok[lo].lex->tags & QD_W_SUB)) {
                while (a < (uint32_t)k && !qd_tok_is(&tok[a], ','))
                    a++;
                a++;
            }
            int32_t m = a < (uint32_t)k ? qd_clause_subject(c, a, (uint32_t)k) : -1;
            /* "... even as he defended Melania Trump and the campaign, saying", "when he
             * formally announced his running mate, calling": a participle right after a
             * subordinate clause with a pronoun subject goes with that clause */
            if (m >= 0) {
                int32_t s2 = subordinate_pronoun(c, (uint32_t)k, c->mx[m].tb + 1, m);
                if (s2 >= 0)
                    return s2;
            }
            if (m >= 0 && c->mx[m].ta < a + 6)
                return m;
        }
        for (int32_t j = from - 1; j >= (int32_t)lo; j--) {
            int32_t pc = cues->at[j];
            if (pc < 0 || cues->v[pc].kind != QD_CK_VERB)
                continue;
            /* "stressed her support of the raid ... and said": a noun cue is not the
             * verb the "and" joins */
            if (j > (int32_t)lo && ((qd_tok_tags(&tok[j - 1]) & (QD_W_DET | QD_W_POSS)) || qd_tok_possessive(&tok[j - 1])) &&
                !(qd_tok_tags(&tok[j - 1]) & (QD_W_PRON | QD_W_REL)))
                continue;
            int32_t m = speaker_depth(c, cues, (uint32_t)pc, lo, (uint32_t)j, depth + 1);
            if (m >= 0)
                return m;
            break;
        }
        int32_t m = qd_clause_subject(c, lo, (uint32_t)(from > (int32_t)lo ? from : (int32_t)lo));
        if (m >= 0)
            return m;
        if (conj)
            return -1;
        /* "Rattling off promises to ..., Clinton said": a participle opening the sentence
         * belongs to the subject after its comma */
        bool opens = k < (int32_t)lo ||
                     (k == (int32_t)lo && tok[k].lex && (tok[k].lex->tags & (QD_W_PREP | QD_W_SUB)));
        if (participle && opens) {
            for (uint32_t j = cue->tb; j + 1 < hi && j < cue->tb + QD_REACH; j++) {
                if (tok[j].kind == QD_TK_QUOTE || qd_tok_is(&tok[j], ';'))
                    break;
                if (!qd_tok_is(&tok[j], ','))
                    continue;
                int32_t s = c->m_start[j + 1];
                if (s >= 0 && !c->mx[s].possessive && !c->mx[s].in_quote)
                    return s;
                break;
            }
        }
    }
    /* "voters were more likely to say", "Trump is expected to announce": the subject
     * of an infinitive is that of the verb it hangs from */
    if (k >= (int32_t)lo && qd_tok_word(&tok[k], "to") && depth < 4) {
        bool clean = true;
        for (int32_t j = k - 1; j >= (int32_t)lo && j > k - 10; j--) {
            if (qd_tok_is(&tok[j], ',') || tok[j].kind == QD_TK_QUOTE || (tok[j].lex && (tok[j].lex->tags & QD_W_SUB)))
                clean = false;
            if (c->m_end[j] >= 0 || !clean)
                break;
        }
        if (clean) {
            int32_t m = qd_clause_subject(c, lo, (uint32_t)k);
            if (m >= 0 && c->mx[m].tb + 8 > (uint32_t)k)
                return m;
            /* "Caucus-goers were more likely to say": a subject the mention pass did not
             * know, from the start of the clause to its verb */
            uint32_t be = lo;
            while (be < (uint32_t)k && !(tok[be].lex && (tok[be].lex->tags & (QD_W_AUX | QD_W_MODAL))))
                be++;
            bool plain = be > lo && be < (uint32_t)k && be <= lo + 4;
            for (uint32_t j = lo; plain && j < be; j++)
                if (tok[j].kind != QD_TK_WORD || (tok[j].lex && (tok[j].lex->tags & QD_W_FUNCTION & ~QD_W_DET)) ||
                    (tok[j].lex && tok[j].lex->verb >= 0))
                    plain = false;
            if (plain)
                return qd_mention_np_span(c, lo, be);
        }
    }
    /* "Lavrov, however, said" */
    if (k >= (int32_t)lo + 2 && qd_tok_is(&tok[k], ',') && skippable_before_verb(&tok[k - 1]) &&
        qd_tok_is(&tok[k - 2], ',')) {
        k -= 3;
        while (k >= (int32_t)lo && skippable_before_verb(&tok[k]))
            k--;
    }
    /* "her campaign's leadership, who, on a press call Friday, criticized": a phrase
     * opened by a preposition, between commas, right after the subject */
    if (k >= (int32_t)lo + 3 && qd_tok_is(&tok[k], ',')) {
        int32_t j = k - 1;
        while (j > (int32_t)lo && j > k - 10 && tok[j].kind == QD_TK_WORD && c->m_in[j] < 0)
            j--;
        while (j > (int32_t)lo && j > k - 10 && !qd_tok_is(&tok[j], ',') && tok[j].kind != QD_TK_QUOTE)
            j--;
        if (j > (int32_t)lo && j + 2 < k && qd_tok_is(&tok[j], ',') && tok[j + 1].kind == QD_TK_WORD &&
            (qd_tok_tags(&tok[j + 1]) & QD_W_PREP) && !(qd_tok_tags(&tok[j + 1]) & QD_W_SUB) && c->m_end[j - 1] >= 0 &&
            !qd_tok_word(&tok[j + 1], "according")) {
            bool plain = true;
            for (int32_t x = j + 1; x < k && plain; x++)
                plain = tok[x].kind == QD_TK_WORD || tok[x].kind == QD_TK_NUM || qd_tok_is(&tok[x], '.');
            if (plain)
                k = j - 1;
        }
    }
    if (k >= (int32_t)lo && tok[k].kind != QD_TK_QUOTE) {
        int32_t m = subject_ending_at(c, k, lo);
        if (m >= 0 && c->mx[m].relative && c->an->mentions[m].entity < 0)
            m = -1; /* an unresolved relative: try the ways below */
        if (m >= 0)
            return m;
        m = relative_subject(c, (uint32_t)k, lo);
        if (m >= 0)
            return m;
        m = quantity_subject(c, (uint32_t)k, lo);
        if (m >= 0)
            return m;
        /* not in the inverted order: "…, said Larry Sabato, director of ..." */
        if (!(v && (v->frames & QD_VFR_INV) && cue->tb < hi && c->m_start[cue->tb] >= 0)) {
            m = relative_antecedent(c, k, lo);
            if (m >= 0)
                return m;
        }
        /* a subject the mention pass did not take for a speaker: "Witnesses said",
         * "the probe found"; only with verbs of reporting, so that "Secret Service
         * protocol called for ..." is not a speaker */
        if (v && ((v->frames & QD_VFR_QUOTE) || v->vclass == QD_VC_EVIDENCE || v->vclass == QD_VC_THOUGHT ||
                  v->vclass == QD_VC_INTENT)) {
            m = qd_mention_np_ending_at(c, (uint32_t)k, lo);
            if (m >= 0)
                return m;
            /* "a source familiar with the investigation said", "A statement posted on
             * the website said": the noun phrase before the modifiers */
            if (tok[k].kind == QD_TK_WORD && !(tok[k].lex && (tok[k].lex->tags & QD_W_FUNCTION))) {
                for (int32_t j = k - 1; j >= (int32_t)lo && j > k - 12; j--) {
                    if (qd_tok_is(&tok[j], ',') || tok[j].kind == QD_TK_QUOTE || qd_tok_is(&tok[j], ';'))
                        break;
                    if (!is_prep(&tok[j]))
                        continue;
                    /* the head a few words before the preposition: "a source familiar
                     * with", "A statement posted on" */
                    int32_t h = -1;
                    for (int32_t q = j - 1; q >= (int32_t)lo && q >= j - 4 && h < 0; q--) {
                        if (qd_tok_is(&tok[q], ',') || tok[q].kind == QD_TK_QUOTE ||
                            (tok[q].lex && (tok[q].lex->tags & (QD_W_AUX | QD_W_MODAL | QD_W_SUB))))
                            break;
                        h = c->m_end[q];
                    }
                    if (h >= 0 && !c->mx[h].in_quote && c->mx[h].kind != QD_ENT_UNKNOWN)
                        return head_of_subject(c, h, lo);
                }
            }
        }
    }
    /* inverted: "…,” said Lavrov", "added the minister"; only verbs that invert, and only
     * with nothing that could be a subject before them */
    bool open_left = k < (int32_t)lo || tok[k].kind == QD_TK_QUOTE || qd_tok_is(&tok[k], ',');
    if (cue->tb < hi && v && (v->frames & QD_VFR_INV) && open_left) {
        uint32_t r = cue->tb;
        int32_t m = c->m_start[r];
        /* not "said his boss was ...": a possessive opens the reported clause */
        if (m >= 0 && !c->mx[m].possessive)
            return m; /* "said Lavrov", "said he" */
    }
    return -1;
}

/* "Ben Jealous told The Huffington Post before he spoke to the committee that he
 * believed ...", "Zimmerman wrote in the auction description that he plans to ...": a
 * belief or intention the speaker reports of himself is part of what he says; the
 * verb of saying is the attribution, and its subject (a name more often than the
 * pronoun of the inner clause) is the source annotated news marks.  Looks left of cue
 * `ci` within [lo, ...) for a verb of saying or writing, not past a quotation mark, a
 * colon or a semicolon, whose subject is the same entity as mention m and stands
 * before it.  Returns that subject, or -1. */
int32_t qd_reporting_speaker(qd_actx *c, const qd_cues *cues, uint32_t ci, int32_t m, uint32_t lo)
{
    const qd_token *tok = c->doc->in->tokens;
    if (m < 0 || c->an->mentions[m].entity < 0)
        return -1;
    int32_t best = -1;
    for (uint32_t k = cues->v[ci].ta; k > lo; k--) {
        const qd_token *t = &tok[k - 1];
        if (t->kind == QD_TK_QUOTE || qd_tok_is(t, ':') || qd_tok_is(t, ';'))
            break;
        int32_t pc = cues->at[k - 1];
        if (pc < 0 || (uint32_t)pc == ci || cues->v[pc].kind != QD_CK_VERB || cues->v[pc].verb < 0)
            continue;
        const qd_speech_verb *v = &c->lx->verbs[cues->v[pc].verb];
        if (v->vclass != QD_VC_SPEECH && v->vclass != QD_VC_WRITING)
            continue;
        int32_t o = qd_cue_speaker(c, cues, (uint32_t)pc, lo, cues->v[pc].ta);
        if (o < 0 || o == m || c->mx[o].tb > cues->v[pc].ta || c->mx[o].in_quote ||
            c->an->mentions[o].entity != c->an->mentions[m].entity)
            break;
        /* "X told the Post before he spoke to the committee that he believed": the
         * verb in the clause between reports nothing; the one further left does */
        best = o;
        if (c->an->mentions[o].kind != QD_MENTION_PRONOUN)
            break;
        k = c->mx[o].ta + 1;
    }
    return best;
}
