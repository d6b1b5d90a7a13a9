/*
 * quotes_attr.c - statements from quoted spans: who is credited with each quote.
 *
 * For each quoted span the attribution is looked for where news writing puts it:
 *   after the quote in the same sentence   "…,” Lavrov said. / “…,” said Lavrov.
 *   before it in the same sentence         Lavrov said: “…” / according to X, “…”
 *                                          Lavrov described the meeting as “constructive”
 *   in a sentence ending in a colon before He added:  “…”
 *   the speaker of the quote just before   “…,” he said. “…” (a continuation)
 * Quotes broken by one attribution ("“A,” he said, “B.”") become one statement with
 * two pieces.  A short quote nobody is credited with is a scare quote; a name or a title
 * in quotation marks was typed by the quotes stage.
 */
#include <string.h>

#include "../quotes/quotes.h"
#include "../text/match.h"
#include "../text/utf8.h"
#include "attrib.h"

/* How far after a short quote its attribution may stand, in tokens. */
#define QD_SHORT_REACH 3

typedef struct qa {
    qd_actx *c;
    qd_cues *cues;
    int32_t last_stmt;      /* most recent statement from a quote */
    uint32_t last_para;     /* paragraph of its latest piece */
    uint32_t last_sent;     /* sentence of its latest piece */
    /* the first token of the quote being attributed and the first after it, asked
     * half a dozen times each by the rules (found by qd_token_at once) */
    const qd_quoted *tok_q;
    uint32_t tok_first, tok_end;
} qa;

/* What the merging pass needs to know of each statement made here. */
enum {
    QA_OPENS_PARA = 1u << 0,  /* its first quote opens a paragraph */
    QA_WHOLE_PARA = 1u << 1,  /* ... and is all the paragraph holds */
    QA_OPENS_LAST = 1u << 2   /* its latest piece opens a paragraph */
};

typedef struct qa_meta {
    uint8_t flags;
    uint32_t last_para;
} qa_meta;

/* Is the token a dash (the tokenizer folds every kind, and "--", to a leading '-')? */
static bool is_dash(const qd_token *t)
{
    return t->kind == QD_TK_PUNCT && t->norm[0] == '-';
}

static void quote_tokens(qa *s, const qd_quoted *q)
{
    if (s->tok_q == q)
        return;
    s->tok_q = q;
    s->tok_first = qd_token_at(s->c->doc, q->outer.start);
    s->tok_end = qd_token_at(s->c->doc, q->outer.end); /* first token at or after its end */
}

static uint32_t quote_first_token(qa *s, const qd_quoted *q)
{
    quote_tokens(s, q);
    return s->tok_first;
}

static uint32_t quote_end_token(qa *s, const qd_quoted *q)
{
    quote_tokens(s, q);
    return s->tok_end;
}

static uint32_t count_words(qd_actx *c, const qd_quoted *q)
{
    qd_token *tok = c->doc->in->tokens;
    uint32_t n = 0;
    for (uint32_t i = qd_token_at(c->doc, q->inner.start); i < c->doc->in->n_tokens && tok[i].end <= q->inner.end; i++)
        if (tok[i].kind == QD_TK_WORD || tok[i].kind == QD_TK_NUM)
            n++;
    return n;
}

/* Right after a closing quotation mark, a subject and its verb: "Lavrov said",
 * "Scott Pruitt, the attorney general of Oklahoma, one of the states suing the EPA,
 * said", "retired Air Force general Lloyd Newton said", "Rep. John Mica (R-Fla.) said",
 * "Texas delegate Bill Eastland, wearing a “Ted Cruz” pin, said".  Everything between
 * the quote and the verb must read as a noun phrase with its appositives.  Returns the
 * cue index and sets *speaker. */
static int32_t speaker_then_verb(qd_actx *c, const qd_cues *cues, uint32_t i, uint32_t end, int32_t *speaker)
{
    qd_token *tok = c->doc->in->tokens;
    while (i < end && (qd_tok_is(&tok[i], ',') || is_dash(&tok[i])))
        i++;
    if (i >= end)
        return -1;
    /* the subject starts here: a mention, or a capitalised or lower-case noun phrase */
    const qd_token *t0 = &tok[i];
    if (cues->at[i] >= 0)
        return -1; /* the verb first: "…,” said X" is the caller's other case */
    if (t0->kind == QD_TK_WORD && t0->lex && (t0->lex->tags & (QD_W_SUB | QD_W_CONJ | QD_W_PREP)) &&
        c->m_start[i] < 0)
        return -1;
    int depth = 0; /* inside parentheses */
    bool relative_open = false;
    for (uint32_t j = i; j < end && j < i + 40; j++) {
        const qd_token *t = &tok[j];
        int32_t ci = cues->at[j];
        /* "Cruz, who has proposed repealing the mandate, said": a relative clause runs to
         * its comma, and a verb inside it is not the attribution */
        if (c->m_start[j] >= 0 && c->mx[c->m_start[j]].relative)
            relative_open = true;
        else if (qd_tok_is(t, ','))
            relative_open = false;
        if (relative_open && ci >= 0)
            continue;
        if (ci >= 0 && depth == 0 && cues->v[ci].kind == QD_CK_VERB && j > i) {
            /* "… as “unhinged” a Donald Trump tweet attacking …": a participle after a
             * noun phrase modifies it, it does not attribute the quote */
            if (tok[j].lex && tok[j].lex->vform == QD_VF_ING)
                return -1;
            int32_t m = qd_cue_speaker(c, cues, (uint32_t)ci, i, end);
            if (m < 0)
                return -1;
            /* the subject must lie in the window */
            if (c->mx[m].ta < i || c->mx[m].ta >= j)
                return -1;
            /* a pronoun takes no words before it: "“it gets me mad” every time he
             * thinks about ..." is a clause of its own, not the quote's attribution */
            if (c->an->mentions[m].kind == QD_MENTION_PRONOUN && c->mx[m].ta > i)
                return -1;
            *speaker = m;
            return ci;
        }
        if (qd_tok_is(t, '('))
            depth++;
        else if (qd_tok_is(t, ')'))
            depth--;
        if (t->kind == QD_TK_QUOTE) {
            /* "Jeff Weaver, Sanders’ campaign manager, said": a stray closing mark
             * right after a word ending in s is its possessive apostrophe */
            if (t->quoted < 0 && qd_plural_possessive_mark(tok, c->doc->in->n_tokens, j))
                continue;
            /* a quoted name inside an appositive is fine; a new quote is not */
            if (t->quoted < 0 || c->an->quoted[t->quoted].type == QD_QUOTED_SPEECH)
                return -1;
            continue;
        }
        /* (a dot before a comma ends an abbreviation: "McConnell, R-Ky., said") */
        if (t->kind == QD_TK_PUNCT && (qd_tok_is(t, '.') || qd_tok_is(t, ';') || qd_tok_is(t, ':') ||
                                       qd_tok_is(t, '?') || qd_tok_is(t, '!')) &&
            c->m_in[j] < 0 && depth == 0 && !(qd_tok_is(t, '.') && j + 1 < end && qd_tok_is(&tok[j + 1], ',')))
            return -1;
        /* a finite verb that is not a cue ends the noun phrase, unless it sits in a
         * relative clause ("Rucker Culpepper, who runs ..., said") */
        if (t->kind == QD_TK_WORD && c->m_in[j] < 0 && t->lex && (t->lex->tags & (QD_W_AUX | QD_W_MODAL)) &&
            depth == 0) {
            /* "Bill Clinton has said", "Trump would later say": the auxiliary of the cue */
            uint32_t v = j + 1;
            while (v < end && v < j + 3 && tok[v].lex && (tok[v].lex->tags & (QD_W_AUX | QD_W_ADV | QD_W_NEG)))
                v++;
            if (v < end && cues->at[v] >= 0 && cues->v[cues->at[v]].kind == QD_CK_VERB && !relative_open)
                continue;
            bool relative = false;
            for (uint32_t k = i; k < j; k++)
                if (c->m_in[k] >= 0 && c->mx[c->m_in[k]].relative)
                    relative = true;
            if (!relative)
                return -1;
        }
    }
    return -1;
}

/* "…,” wrote one commenter": the noun phrase after an inverted verb, made into a mention
 * when the mention pass did not see a speaker in it. */
static int32_t inverted_subject(qd_actx *c, const qd_cue *cue, uint32_t end)
{
    qd_token *tok = c->doc->in->tokens;
    uint32_t i = cue->tb;
    if (i >= end)
        return -1;
    if (c->m_start[i] >= 0)
        return c->m_start[i];
    uint32_t k = i;
    while (k < end && k < i + 6 && (tok[k].kind == QD_TK_WORD || tok[k].kind == QD_TK_NUM) &&
           !(tok[k].lex && (tok[k].lex->tags & (QD_W_PREP | QD_W_SUB | QD_W_CONJ | QD_W_AUX))))
        k++;
    if (k == i)
        return -1;
    int32_t m = qd_mention_np_ending_at(c, k - 1, i);
    return m >= 0 && c->mx[m].ta == i ? m : -1;
}

/* The subject of a clause that introduces a quote without a verb of saying:
 * "Here's Clinton in December 1992: “…”", "More from Jones: “…”", "Priebus later
 * Thursday told Fox News: “…”".  It is the first speaker mention of the clause, after a
 * headline dash ("POLLS NOT WRONG - Mark Blumenthal:") and after an opening
 * prepositional phrase set off by a comma ("In a Fox interview, Trump went further:"). */
static int32_t first_subject_mention(qd_actx *c, uint32_t start, uint32_t hi, bool after_prep)
{
    qd_token *tok = c->doc->in->tokens;
    int32_t owner = -1;
    uint32_t skipped_end = UINT32_MAX; /* end of the last mention passed over after a preposition */
    for (uint32_t k = start; k < hi; k++) {
        int32_t m = c->m_start[k];
        if (m < 0 || c->mx[m].in_quote || c->mx[m].relative)
            continue;
        /* "gave them", "told him": an object pronoun is not the subject */
        if (c->an->mentions[m].kind == QD_MENTION_PRONOUN && tok[k].lex && (tok[k].lex->tags & QD_W_OBJ))
            continue;
        /* nor is a noun after a preposition, or joined to one: "Here in Columbia, Sanders
         * said", "talks in Kyiv and Moscow" */
        uint32_t b = k > start && tok[k - 1].lex && (tok[k - 1].lex->tags & QD_W_DET) ? k - 1 : k;
        bool after_p = b > start && tok[b - 1].kind == QD_TK_WORD && tok[b - 1].lex &&
                       (tok[b - 1].lex->tags & QD_W_PREP);
        bool joined = b >= 1 && b - 1 == skipped_end && tok[b - 1].lex && (tok[b - 1].lex->tags & QD_W_CONJ);
        if (!after_prep && (after_p || joined)) {
            skipped_end = c->mx[m].tb;
            continue;
        }
        if (c->mx[m].possessive) {
            if (owner < 0)
                owner = m;
            continue;
        }
        return m;
    }
    return owner;
}

static int32_t intro_subject(qd_actx *c, uint32_t lo, uint32_t hi)
{
    qd_token *tok = c->doc->in->tokens;
    uint32_t start = lo;
    for (uint32_t k = lo; k < hi; k++)
        if (is_dash(&tok[k]) && c->m_in[k] < 0)
            start = k + 1;
    /* an opening phrase or subordinate clause set off by a comma ("When Wallace died
     * in 1998, President Clinton released ...") does not hold the subject */
    if (start < hi && tok[start].lex && (tok[start].lex->tags & (QD_W_PREP | QD_W_SUB | QD_W_WH)))
        for (uint32_t k = start; k < hi; k++)
            if (qd_tok_is(&tok[k], ',')) {
                int32_t m = first_subject_mention(c, k + 1, hi, false);
                if (m >= 0)
                    return m;
                break;
            }
    int32_t m = first_subject_mention(c, start, hi, false);
    /* "More from Blumenthal and Cohen:": no subject, the source is named after "from" */
    return m >= 0 ? m : first_subject_mention(c, start, hi, true);
}

/* The speaker of a clause that ends in a comma before a whole quote, when the clause
 * reports it (a verb of saying, or a statement, post or message it speaks through). */
static int32_t comma_intro_speaker(qd_actx *c, const qd_cues *cues, uint32_t lo, uint32_t comma)
{
    qd_token *tok = c->doc->in->tokens;
    int32_t verb_at = -1;
    bool reports = false;
    for (uint32_t k = lo; k < comma; k++) {
        int32_t ci = cues->at[k];
        if (ci >= 0 && cues->v[ci].kind == QD_CK_VERB) {
            if (verb_at < 0)
                verb_at = (int32_t)k;
            reports = true;
        }
        int32_t m = c->m_start[k];
        if (m >= 0 && c->mx[m].kind == QD_ENT_DOCUMENT)
            reports = true;
    }
    if (!reports)
        return -1;
    /* the subject opens the clause; a mention further on is an object or sits in a
     * phrase ("Others, reacting to the Van Dyke shooting, shouted,") */
    int32_t m = first_subject_mention(c, lo, comma, false);
    if (m >= 0 && c->mx[m].ta <= lo + 1 && (verb_at < 0 || c->mx[m].ta < (uint32_t)verb_at))
        return m;
    /* ... or follows an opening phrase set off by a comma: "Immediately after the
     * attacks, Trump issued a statement, “…”" */
    if (m >= 0 && c->mx[m].ta > lo + 1 && qd_tok_is(&tok[c->mx[m].ta - 1], ',') && tok[lo].kind == QD_TK_WORD &&
        ((qd_tok_tags(&tok[lo]) & (QD_W_PREP | QD_W_ADV | QD_W_SUB | QD_W_TIME)) ||
         (tok[lo].normlen > 4 && qd_norm_ends(&tok[lo], "ly"))) &&
        (verb_at < 0 || c->mx[m].ta < (uint32_t)verb_at)) {
        bool plain = true;
        for (uint32_t k = lo; k + 1 < c->mx[m].ta && plain; k++)
            plain = tok[k].kind != QD_TK_QUOTE && !qd_tok_is(&tok[k], ',') && cues->at[k] < 0;
        if (plain)
            return m;
    }
    /* "Another tweeted,", "Yet another said,": a short capitalised subject the mention
     * pass did not take for a speaker */
    if (verb_at > (int32_t)lo && verb_at - (int32_t)lo <= 3 && (tok[lo].flags & QD_TF_CAP) && tok[lo].kind == QD_TK_WORD)
        return qd_mention_np_span(c, lo, (uint32_t)verb_at);
    return -1;
}

/* A whole quote closing its paragraph and signed in the next one: a dash and a name
 * ("- Sanders.", "-President Obama, tweeting after Clinton's speech."), or a short
 * paragraph that is only a name and an affiliation ("Josh Bivens, Economic Policy
 * Institute."). */
static int32_t signature_after(qa *s, const qd_quoted *q)
{
    qd_actx *c = s->c;
    qd_doc *doc = c->doc;
    qd_token *tok = doc->in->tokens;
    uint32_t n = doc->in->n_tokens;
    uint32_t e = quote_end_token(s, q);
    if (e >= n || tok[e].paragraph == q->paragraph) {
        /* only punctuation may follow in the paragraph */
        while (e < n && tok[e].paragraph == q->paragraph && tok[e].kind == QD_TK_PUNCT)
            e++;
        if (e >= n || tok[e].paragraph == q->paragraph)
            return -1;
    }
    if (tok[e].paragraph != q->paragraph + 1)
        return -1;
    uint32_t p = tok[e].paragraph;
    uint32_t pe = e;
    while (pe < n && tok[pe].paragraph == p)
        pe++;
    if (pe - e > 24)
        return -1;
    uint32_t k = e;
    bool dash = is_dash(&tok[k]);
    if (dash)
        k++;
    if (k >= pe || c->m_start[k] < 0)
        return -1;
    int32_t m = c->m_start[k];
    const qd_mx *x = &c->mx[m];
    if (c->an->mentions[m].kind == QD_MENTION_PRONOUN || x->possessive)
        return -1;
    if (dash)
        return m;
    /* without a dash: a person's full name, a comma, an affiliation, and no verb */
    if (x->kind != QD_ENT_PERSON || c->an->mentions[m].kind != QD_MENTION_NAME || x->hb - x->ha < 2)
        return -1;
    if (x->tb >= pe || !qd_tok_is(&tok[x->tb], ','))
        return -1;
    for (uint32_t j = x->tb; j < pe; j++)
        if (tok[j].lex && (tok[j].lex->verb >= 0 || (tok[j].lex->tags & (QD_W_AUX | QD_W_MODAL | QD_W_PRON))))
            return -1;
    return m;
}

/* A speaker found before its verb that reads as an object or a place rather than the
 * subject gives way to the clause's subject: "In a statement to the Observer, her
 * adviser, Jake Sullivan, said:", "Clinton posted a Twitter comment of her own,
 * saying,", "Another source speaking to Fox News said,". */
static int32_t recheck_subject(qd_actx *c, const qd_cues *cues, uint32_t ci, int32_t m, uint32_t lo)
{
    qd_token *tok = c->doc->in->tokens;
    const qd_cue *cue = &cues->v[ci];
    if (cue->kind != QD_CK_VERB)
        return m;
    const qd_mx *x = &c->mx[m];
    bool doubtful = false;
    /* after a preposition: "to the Observer", "on Facebook"; but "as" before a subject
     * and its verb opens a clause ("as The New Yorker put it,") */
    uint32_t k = x->ta;
    if (k > lo && tok[k - 1].lex && (tok[k - 1].lex->tags & QD_W_DET))
        k--;
    if (k > lo && tok[k - 1].kind == QD_TK_WORD && tok[k - 1].lex && (tok[k - 1].lex->tags & QD_W_PREP) &&
        !qd_norm_is(&tok[k - 1], "as"))
        doubtful = true;
    /* a statement or post that is the object of another verb: "released a statement
     * saying" */
    if (x->kind == QD_ENT_DOCUMENT && k > lo && tok[k - 1].kind == QD_TK_WORD && !(tok[k - 1].flags & QD_TF_CAP) &&
        !(tok[k - 1].lex && (tok[k - 1].lex->tags & QD_W_FUNCTION)))
        doubtful = true;
    if (!doubtful)
        return m;
    int32_t alt = intro_subject(c, lo, cue->ta);
    if (alt >= 0 && c->mx[alt].ta < cue->ta)
        return alt;
    return m;
}

/* The subject after an inverted verb ("…,” said former Utah governor Michael Leavitt,
 * a Romney confidant."): the first mention in the noun phrase that follows, or the
 * noun phrase itself when no mention starts in it. */
static int32_t subject_after_verb(qd_actx *c, const qd_cue *cue, uint32_t end)
{
    qd_token *tok = c->doc->in->tokens;
    uint32_t k = cue->tb;
    if (k >= end || (tok[k].lex && (tok[k].lex->tags & (QD_W_OBJ | QD_W_PREP | QD_W_SUB | QD_W_CONJ))))
        return -1; /* "told him", "said in", "said that" */
    uint32_t e = k;
    while (e < end && e < k + 10 && (tok[e].kind == QD_TK_WORD || tok[e].kind == QD_TK_NUM || qd_tok_is(&tok[e], '.')) &&
           !(qd_tok_is(&tok[e], '.') && c->m_in[e] < 0))
        e++;
    for (uint32_t j = k; j < e; j++) {
        int32_t m = c->m_start[j];
        if (m >= 0 && !c->mx[m].relative && !(tok[j].lex && (tok[j].lex->tags & QD_W_OBJ)))
            return m;
        if (j > k && tok[j].lex && (tok[j].lex->tags & (QD_W_PREP | QD_W_SUB | QD_W_CONJ | QD_W_AUX)))
            break; /* the noun phrase has ended */
    }
    int32_t m = inverted_subject(c, cue, end);
    if (m >= 0)
        return m;
    /* "…,” said the base chief known as Bob, speaking …": the words up to the comma or
     * the full stop, when they are few */
    if (e > k && e - k <= 8 && (e >= end || qd_tok_is(&tok[e], ',') || qd_tok_is(&tok[e], '.')))
        return qd_mention_np_span(c, k, e);
    return -1;
}

/* The token of a verb of saying that reports the clause whose subject is mention m
 * ("Benjamin said [that] he believes", "McCain telling reporters on Thursday he
 * viewed"), or UINT32_MAX. */
static uint32_t outer_cue_token(qd_actx *c, const qd_cues *cues, int32_t m, uint32_t lo)
{
    qd_token *tok = c->doc->in->tokens;
    uint32_t k = c->mx[m].ta;
    bool comma = false, adverbial = false;
    for (uint32_t n = 0; k > lo && n < 6; n++) {
        k--;
        const qd_token *t = &tok[k];
        int32_t ci = cues->at[k];
        if (ci >= 0 && cues->v[ci].kind == QD_CK_VERB && cues->v[ci].tb <= c->mx[m].ta) {
            /* "When he first described the wall, he said": a verb in a subordinate
             * clause before the comma does not report the main clause */
            for (uint32_t j = lo; comma && j < k; j++)
                if (tok[j].kind == QD_TK_WORD && tok[j].lex && (tok[j].lex->tags & QD_W_SUB))
                    return UINT32_MAX;
            const qd_speech_verb *v = cues->v[ci].verb >= 0 ? &c->lx->verbs[cues->v[ci].verb] : NULL;
            if (v && (v->vclass == QD_VC_SPEECH || v->vclass == QD_VC_WRITING) && !adverbial)
                return k;
            return UINT32_MAX;
        }
        if (t->kind == QD_TK_PUNCT && !qd_tok_is(t, ','))
            return UINT32_MAX;
        comma = comma || qd_tok_is(t, ',');
        if (t->kind == QD_TK_QUOTE)
            return UINT32_MAX;
        /* "Trump was talking about defense when he told Chris Wallace": an adverbial
         * clause (when, while, because, after) is not what the earlier verb reports,
         * unless it sits inside a "that" clause ("said that when Warren railed ..., she") */
        if (t->lex && (t->lex->tags & QD_W_SUB))
            adverbial = !(t->lex->tags & QD_W_DET) && !qd_norm_is(t, "if") && !qd_norm_is(t, "whether");
        /* only "that", commas and an object or time phrase may stand between */
        if (c->m_in[k] >= 0 && c->mx[c->m_in[k]].kind == QD_ENT_PERSON && c->an->mentions[c->m_in[k]].kind != QD_MENTION_NOMINAL &&
            !(t->lex && (t->lex->tags & QD_W_OBJ)) && c->m_in[k] != m)
            return UINT32_MAX; /* another subject */
    }
    return UINT32_MAX;
}

static int32_t outer_reporter(qd_actx *c, const qd_cues *cues, int32_t m, uint32_t lo)
{
    uint32_t k = outer_cue_token(c, cues, m, lo);
    if (k == UINT32_MAX)
        return -1;
    int32_t outer = qd_cue_speaker(c, cues, (uint32_t)cues->at[k], lo, c->mx[m].ta);
    return outer >= 0 && outer != m ? outer : -1;
}

/* What find_attribution found: a cue (an index into the cues, or only a token range for
 * a dash), and the speaker mention. */
typedef struct found {
    int32_t cue;        /* cue index, -1 if none */
    uint32_t cta, ctb;  /* cue tokens (ctb == 0: none) */
    int32_t speaker;
    bool after;         /* the attribution follows the quote */
} found;

static int32_t find_attribution_cue(qa *s, const qd_quoted *q, bool full, int32_t *speaker, bool *after,
                                    uint32_t *dash);

/* The noun phrase right before a participle cue, over adverbs, when nothing (a comma, a
 * preposition) stands between: "footage of Trump saying", "with Trump reportedly
 * yelling".  Returns a mention or -1. */
static int32_t participle_subject(qd_actx *c, const qd_cue *cue, uint32_t lo)
{
    const qd_token *tok = c->doc->in->tokens;
    if (cue->kind != QD_CK_VERB || !tok[cue->ta].lex || tok[cue->ta].lex->vform != QD_VF_ING)
        return -1;
    uint32_t k = cue->ta;
    while (k > lo && tok[k - 1].kind == QD_TK_WORD && tok[k - 1].lex && (tok[k - 1].lex->tags & QD_W_ADV) &&
           !(tok[k - 1].lex->tags & (QD_W_FUNCTION & ~QD_W_ADV)))
        k--;
    if (k <= lo)
        return -1;
    int32_t m = c->m_end[k - 1];
    if (m < 0 || c->mx[m].possessive || c->mx[m].in_quote || c->mx[m].relative ||
        c->an->mentions[m].kind == QD_MENTION_PRONOUN || c->mx[m].kind == QD_ENT_DOCUMENT ||
        c->mx[m].kind == QD_ENT_UNKNOWN)
        return -1;
    /* "on Facebook writing", "to supporters stating": the object of a preposition is
     * not the one doing it ("footage of X saying", "with X yelling" are) */
    const qd_token *p = c->mx[m].ta > lo ? &tok[c->mx[m].ta - 1] : NULL;
    if (p && p->kind == QD_TK_WORD && p->lex && (p->lex->tags & QD_W_PREP) && !qd_norm_is(p, "of") &&
        !qd_norm_is(p, "with"))
        return -1;
    return m;
}

static bool speech_class(const qd_lexicon *lx, const qd_cue *cue)
{
    return cue->kind == QD_CK_VERB && cue->verb >= 0 &&
           (lx->verbs[cue->verb].vclass == QD_VC_SPEECH || lx->verbs[cue->verb].vclass == QD_VC_WRITING);
}

/* When the cue nearest before a quote (index ci) is not a verb of saying, a verb of
 * saying earlier in the sentence whose clause runs on to the quote (no quote, colon or
 * semicolon between) reports it.  Returns that cue and sets *speaker, or -1. */
static int32_t speech_cue_before(qd_actx *c, const qd_cues *cues, uint32_t ci, uint32_t lo, uint32_t qa_tok,
                                 int32_t *speaker)
{
    const qd_token *tok = c->doc->in->tokens;
    if (speech_class(c->lx, &cues->v[ci]) || cues->v[ci].kind != QD_CK_VERB)
        return -1;
    for (uint32_t k = cues->v[ci].ta; k > lo; k--) {
        const qd_token *t = &tok[k - 1];
        if (t->kind == QD_TK_QUOTE || qd_tok_is(t, ':') || qd_tok_is(t, ';'))
            return -1;
        int32_t pc = cues->at[k - 1];
        if (pc < 0 || !speech_class(c->lx, &cues->v[pc]))
            continue;
        const qd_token *v = &tok[cues->v[pc].ta];
        if (!v->lex || (v->lex->vform != QD_VF_PAST && v->lex->vform != QD_VF_3SG))
            return -1;
        int32_t m = qd_cue_speaker(c, cues, (uint32_t)pc, lo, qa_tok);
        if (m < 0 || c->mx[m].ta >= cues->v[pc].ta)
            return -1;
        *speaker = m;
        return pc;
    }
    return -1;
}

/* "VERB OBJECT as (a) “…”": the subject of the verb labels the object with the quoted
 * words.  Returns the subject mention and sets *verb to the verb's token, or -1. */
static int32_t as_label_subject(qd_actx *c, uint32_t lo, uint32_t qa_tok, uint32_t *verb)
{
    const qd_token *tok = c->doc->in->tokens;
    uint32_t p = qa_tok;
    if (p > lo && tok[p - 1].kind == QD_TK_WORD && tok[p - 1].lex && (tok[p - 1].lex->tags & QD_W_DET))
        p--;
    if (p <= lo + 2 || !qd_tok_word(&tok[p - 1], "as"))
        return -1;
    /* the object: a mention, or a short phrase opened by a determiner or possessive */
    for (uint32_t v = p - 2; v > lo && v + 10 > p; v--) {
        const qd_token *t = &tok[v];
        if (t->kind != QD_TK_WORD)
            return -1;
        const qd_token *o = &tok[v + 1];
        bool object_starts = c->m_start[v + 1] >= 0 ||
                             (o->kind == QD_TK_WORD && o->lex && (o->lex->tags & (QD_W_DET | QD_W_POSS | QD_W_OBJ)));
        if (!object_starts || (t->flags & QD_TF_CAP) || c->m_in[v] >= 0 ||
            (t->lex && (t->lex->tags & (QD_W_FUNCTION | QD_W_ADV | QD_W_TIME))))
            continue;
        /* a verb form: one the lexicon knows, or a regular past, present or participle */
        size_t n = t->normlen;
        bool verbal = (t->lex && t->lex->verb >= 0) ||
                      (n > 4 && (!strcmp(t->norm + n - 2, "ed") || !strcmp(t->norm + n - 3, "ing") ||
                                 (t->norm[n - 1] == 's' && t->norm[n - 2] != 's')));
        if (!verbal)
            return -1;
        int32_t m = qd_clause_subject(c, lo, v);
        if (m < 0 || c->mx[m].tb > v || c->mx[m].in_quote)
            return -1;
        *verb = v;
        return m;
    }
    return -1;
}

/* A participle without "be" naming what stands before it: "Marcel Lehel Lazar, 44,
 * known online as “Guccifer,”", "a website called “Cape Breton If Donald Trump Wins”".
 * The quote follows at once (over "as", an adverb or an article).  A form that is only
 * a participle ("known", "seen") counts after a comma or a noun phrase; one that may be
 * a main verb ("called", "said") only after an indefinite noun phrase: not "Trump
 * called", nor "X, who has met Mr. Trump, said". */
static bool naming_participle(qd_actx *c, const qd_cue *cue)
{
    const qd_token *tok = c->doc->in->tokens;
    uint32_t n = c->doc->in->n_tokens;
    const qd_token *v = &tok[cue->ta];
    if (cue->tb != cue->ta + 1 || cue->ta == 0 || !v->lex || (v->lex->vform != QD_VF_PAST && v->lex->vform != QD_VF_PART))
        return false;
    uint32_t k = cue->tb;
    while (k < n && k < cue->tb + 3 && tok[k].kind == QD_TK_WORD && !(tok[k].flags & QD_TF_CAP) &&
           ((qd_tok_tags(&tok[k]) & (QD_W_ADV | QD_W_DET)) || qd_tok_word(&tok[k], "as") || qd_tok_word(&tok[k], "online")))
        k++;
    if (k >= n || tok[k].kind != QD_TK_QUOTE || tok[k].quoted < 0)
        return false;
    bool part = v->lex->vform == QD_VF_PART;
    if (qd_tok_is(&tok[cue->ta - 1], ','))
        return part;
    int32_t m = c->m_end[cue->ta - 1];
    if (m < 0 || c->mx[m].possessive || c->mx[m].in_quote)
        return false;
    qd_mention_kind mk = c->an->mentions[m].kind;
    if (part)
        return mk != QD_MENTION_PRONOUN;
    /* "a website called", "a series called": an indefinite noun phrase being named */
    const qd_token *d = &tok[c->mx[m].ta];
    return mk == QD_MENTION_NOMINAL && (qd_tok_word(d, "a") || qd_tok_word(d, "an"));
}

/* "Asked whether Clinton “has the integrity to serve,” 75 percent of Democrats said
 * yes": a participle of asking opening the sentence (alone or after "when") puts a
 * question whose asker the text does not name. */
static bool opening_question(qd_actx *c, const qd_cue *cue)
{
    const qd_token *tok = c->doc->in->tokens;
    const qd_token *v = &tok[cue->ta];
    if (cue->verb < 0 || c->lx->verbs[cue->verb].vclass != QD_VC_QUESTION || cue->tb != cue->ta + 1 || !v->lex ||
        (v->lex->vform != QD_VF_PAST && v->lex->vform != QD_VF_PART))
        return false;
    uint32_t sa = c->doc->sentences[v->sentence].first_token;
    return cue->ta == sa || (cue->ta == sa + 1 && (qd_tok_tags(&tok[sa]) & QD_W_SUB));
}

/* The opening question clause ("Asked if Sanders is “realistic enough …,”") holding the
 * quote at token qt, if any: its cue index, or -1. */
static int32_t question_clause_cue(qd_actx *c, const qd_cues *cues, uint32_t qt)
{
    const qd_token *tok = c->doc->in->tokens;
    uint32_t sa = c->doc->sentences[tok[qt].sentence].first_token;
    for (uint32_t k = sa; k < qt && k < sa + 2; k++) {
        int32_t ci = cues->at[k];
        if (ci < 0 || cues->v[ci].kind != QD_CK_VERB || !opening_question(c, &cues->v[ci]))
            continue;
        for (uint32_t j = cues->v[ci].tb; j < qt; j++)
            if (qd_tok_is(&tok[j], ',') || qd_tok_is(&tok[j], ';') || tok[j].kind == QD_TK_QUOTE)
                return -1;
        return ci;
    }
    return -1;
}

/* A verb of saying or thinking in the passive ("was said", "is widely seen", "has been
 * called"), whose subject is not its speaker.  Not when a participle of doing follows,
 * as in "is quoted as saying", "was heard shouting": there the subject speaks. */
static bool passive_report(qd_actx *c, const qd_cue *cue, uint32_t lo)
{
    const qd_token *tok = c->doc->in->tokens;
    if (cue->kind != QD_CK_VERB || cue->verb < 0 ||
        !(qd_passive_cue(tok, cue, lo) || naming_participle(c, cue) || opening_question(c, cue)))
        return false;
    qd_vclass vc = c->lx->verbs[cue->verb].vclass;
    if (vc != QD_VC_SPEECH && vc != QD_VC_WRITING && vc != QD_VC_THOUGHT && vc != QD_VC_QUESTION)
        return false;
    uint32_t k = cue->tb;
    if (k < c->doc->in->n_tokens && qd_tok_word(&tok[k], "as"))
        k++;
    return !(k < c->doc->in->n_tokens && tok[k].lex && tok[k].lex->vform == QD_VF_ING);
}

/* Is the statement's cue a passive one (see passive_report)? */
static bool passive_statement(qd_actx *c, const qd_statement *st)
{
    if (qd_span_empty(st->cue))
        return false;
    const qd_token *tok = c->doc->in->tokens;
    uint32_t t = qd_token_at(c->doc, st->cue.start);
    uint32_t sa = c->doc->sentences[tok[t].sentence].first_token;
    qd_cue cue = {0};
    cue.kind = QD_CK_VERB;
    cue.ta = t;
    cue.tb = t + 1;
    cue.verb = tok[t].lex ? tok[t].lex->verb : -1;
    return st->cue.end == tok[t].end && passive_report(c, &cue, sa);
}

static found find_attribution(qa *s, const qd_quoted *q, bool full)
{
    found f = {-1, 0, 0, -1, false};
    uint32_t dash = UINT32_MAX;
    int32_t qc = question_clause_cue(s->c, s->cues, quote_first_token(s, q));
    if (qc >= 0) {
        f.cue = qc;
        f.cta = s->cues->v[qc].ta;
        f.ctb = s->cues->v[qc].tb;
        return f;
    }
    f.cue = find_attribution_cue(s, q, full, &f.speaker, &f.after, &dash);
    if (f.cue >= 0) {
        f.cta = s->cues->v[f.cue].ta;
        f.ctb = s->cues->v[f.cue].tb;
    } else if (dash != UINT32_MAX) {
        f.cta = dash;
        f.ctb = dash + 1;
    }
    /* a word or three quoted inside the writer's sentence is not credited to a verb
     * far after it ("the “Gang of Eight,” which also included ... said"): such words
     * are the writer's, or a label */
    uint32_t qa_tok = quote_first_token(s, q);
    const qd_token *tok = s->c->doc->in->tokens;
    bool opens = qa_tok == s->c->doc->sentences[tok[qa_tok].sentence].first_token;
    if (!full && !opens && f.after && f.ctb > 0 && count_words(s->c, q) <= 3 &&
        f.cta > quote_end_token(s, q) + QD_SHORT_REACH) {
        found none = {-1, 0, 0, -1, false};
        return none;
    }
    return f;
}

static int32_t find_attribution_cue(qa *s, const qd_quoted *q, bool full, int32_t *speaker, bool *after,
                                    uint32_t *dash)
{
    qd_actx *c = s->c;
    qd_doc *doc = c->doc;
    qd_token *tok = doc->in->tokens;
    qd_cues *cues = s->cues;
    uint32_t qa_tok = quote_first_token(s, q);
    uint32_t qb_tok = quote_end_token(s, q);
    uint32_t last_in = qb_tok > 0 ? qb_tok - 1 : 0;
    const qd_sentence *s0 = &doc->sentences[tok[qa_tok].sentence];
    const qd_sentence *s1 = &doc->sentences[tok[last_in].sentence];
    uint32_t s0a = s0->first_token;
    uint32_t s1b = s1->first_token + s1->n_tokens;
    if (qa_tok > s0a + QD_REACH)
        s0a = qa_tok - QD_REACH;
    if (s1b > qb_tok + QD_REACH)
        s1b = qb_tok + QD_REACH;
    *speaker = -1;
    *after = false;

    /* a transcript: "\"WALLACE: Let's start with ...": the label names the speaker */
    uint32_t label = qd_quote_speaker_label(doc, qa_tok);
    if (label > qa_tok + 1) {
        int32_t m = qd_mention_np_span(c, qa_tok + 1, label);
        if (m >= 0) {
            *speaker = m;
            *dash = label;
            return -1;
        }
    }

    /* "…!” Trump said." / "…?” reacted Trump.": a quote ending in its own stop, whose
     * attribution the sentence splitter put in a sentence of its own */
    if (qb_tok == s1b && qb_tok < doc->in->n_tokens && tok[qb_tok].paragraph == tok[last_in].paragraph &&
        tok[qb_tok].sentence != tok[last_in].sentence) {
        const qd_sentence *ns = &doc->sentences[tok[qb_tok].sentence];
        uint32_t nb = ns->first_token + ns->n_tokens;
        int32_t m = -1;
        int32_t ci = speaker_then_verb(c, cues, qb_tok, nb, &m);
        int32_t vi = cues->at[qb_tok];
        if (ci < 0 && vi >= 0 && cues->v[vi].kind == QD_CK_VERB && cues->v[vi].verb >= 0 &&
            (c->lx->verbs[cues->v[vi].verb].frames & QD_VFR_INV) && !(tok[qb_tok].flags & QD_TF_CAP)) {
            ci = vi;
            m = subject_after_verb(c, &cues->v[ci], nb);
        }
        /* only a bare attribution: "Trump said." or "said Jeb Bush, the former governor." */
        uint32_t e = ci >= 0 ? cues->v[ci].tb : qb_tok;
        if (m >= 0 && c->mx[m].tb > e)
            e = c->mx[m].tb;
        /* ... or one a circumstance follows: "said of the swirl", "said as he launched
         * the process", "said Tuesday" (not "said that ...", a report of its own) */
        bool bare = e < nb && (qd_tok_is(&tok[e], '.') ||
                               (qd_tok_is(&tok[e], ',') && e + 1 < nb && tok[e + 1].kind != QD_TK_QUOTE) ||
                               (tok[e].kind == QD_TK_WORD && tok[e].lex &&
                                (tok[e].lex->tags & (QD_W_PREP | QD_W_TIME | QD_W_WEEKDAY)) &&
                                !(tok[e].lex->tags & QD_W_DET) && !qd_norm_is(&tok[e], "to")));
        bool opens = ci >= 0 && (cues->v[ci].ta == qb_tok || (m >= 0 && c->mx[m].ta == qb_tok));
        /* ... for a quote that is a sentence of its own: words quoted inside the writer's
         * sentence ("The petition accuses the campaign of “attempting to bully him.”
         * Trump's attorneys did not respond.") are that sentence's, not the next one's */
        bool own_sentence = qa_tok == s0->first_token || qd_tok_is(&tok[qa_tok - 1], ':');
        if (full && own_sentence && ci >= 0 && m >= 0 && bare && opens && cues->v[ci].ta < qb_tok + 12) {
            *speaker = m;
            *after = true;
            return ci;
        }
    }
    /* "the “Avatar” star posted", "the “wise Latina” phrase Grassley cited": words quoted
     * without a closing stop or comma, right before a lower-case noun, modify that noun;
     * what follows is not their attribution */
    bool modifier = false;
    if (!full && qb_tok < s1b && tok[qb_tok].kind == QD_TK_WORD && !(tok[qb_tok].flags & QD_TF_CAP) &&
        cues->at[qb_tok] < 0 && !(tok[qb_tok].lex && (tok[qb_tok].lex->tags & QD_W_FUNCTION)) &&
        q->inner.end > q->inner.start && count_words(c, q) <= 4) {
        unsigned char last = (unsigned char)doc->text[q->inner.end - 1];
        modifier = (last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') || (last >= '0' && last <= '9');
    }
    if (modifier)
        s1b = qb_tok;
    /* after the quote, in its last sentence */
    if (qb_tok < s1b) {
        /* "…,” Lavrov said" and its longer forms */
        int32_t ci = speaker_then_verb(c, cues, qb_tok, s1b, speaker);
        if (ci >= 0) {
            *after = true;
            return ci;
        }
        /* "…” ― Christina Lastra": a dash and a name */
        uint32_t i = qb_tok;
        if (is_dash(&tok[i]) && i + 1 < s1b &&
            c->m_start[i + 1] >= 0 && c->an->mentions[c->m_start[i + 1]].kind == QD_MENTION_NAME) {
            *speaker = c->m_start[i + 1];
            *after = true;
            *dash = i;
            return -1;
        }
    }
    /* a reporting clause later in the sentence: "“…” for criminal behavior, she said."
     * (not when a verb follows the quote at once: "…,” said Davis, who was asked") */
    bool verb_next = qb_tok < s1b && cues->at[qb_tok] >= 0 && cues->v[cues->at[qb_tok]].kind == QD_CK_VERB;
    for (uint32_t i = qb_tok; i + 1 < s1b && !verb_next; i++) {
        if (tok[i].kind == QD_TK_QUOTE && tok[i].quoted >= 0 && tok[i].quoted != (int32_t)(q - c->an->quoted))
            break;
        if (!qd_tok_is(&tok[i], ','))
            continue;
        int32_t m = -1;
        int32_t ci = speaker_then_verb(c, cues, i + 1, s1b, &m);
        if (ci < 0) {
            /* ", said Lavrov" */
            int32_t c2 = cues->at[i + 1];
            if (c2 >= 0 && cues->v[c2].kind == QD_CK_VERB && cues->v[c2].tb < s1b && c->m_start[cues->v[c2].tb] >= 0) {
                ci = c2;
                m = c->m_start[cues->v[c2].tb];
            }
        }
        if (ci < 0)
            continue;
        /* the clause ends the sentence or is set off by a comma */
        uint32_t e = cues->v[ci].tb;
        if (m >= 0 && (uint32_t)c->mx[m].ta > e)
            e = c->mx[m].tb;
        if (e >= s1b || qd_tok_is(&tok[e], ',') || qd_tok_is(&tok[e], '.') ||
            (tok[e].kind == QD_TK_WORD && tok[e].lex && (tok[e].lex->tags & (QD_W_PREP | QD_W_TIME)))) {
            *speaker = m;
            *after = true;
            return ci;
        }
    }
    uint32_t limit = full ? 8 : 14;
    /* a later cue for words quoted inside the writer's sentence ("Obama said “it gets
     * me mad” every time he thinks about it") yields to one before the quote */
    int32_t late_ci = -1, late_m = -1;
    for (uint32_t i = qb_tok; i < s1b && i < qb_tok + limit; i++) {
        if (tok[i].kind == QD_TK_QUOTE && tok[i].quoted >= 0 && tok[i].quoted != (int32_t)(q - c->an->quoted))
            break; /* another quote starts */
        int32_t ci = cues->at[i];
        if (ci < 0)
            continue;
        const qd_cue *cue = &cues->v[ci];
        if (cue->kind != QD_CK_VERB && cue->kind != QD_CK_ACCORDING)
            continue;
        /* a full quote's cue comes first after it ("…,” said Lavrov") */
        if (full && i > qb_tok + 1)
            break;
        int32_t m = -1;
        /* "…,” said Borges, who predicted …", "…,” said former Utah governor Michael
         * Leavitt": right after the quote the verb comes before its subject, which is the
         * noun phrase that follows it (not a relative further on) */
        /* "Rubio fired back: “…,” referencing the large number of ...": a participle
         * after the quote belongs to the clause that introduced it, when that clause has
         * a verb of saying */
        if (tok[cue->ta].lex && tok[cue->ta].lex->vform == QD_VF_ING) {
            bool intro = false;
            for (uint32_t k = s0a; k < qa_tok && !intro; k++)
                intro = cues->at[k] >= 0 && cues->v[cues->at[k]].kind == QD_CK_VERB;
            if (intro)
                continue;
        }
        if (i == qb_tok)
            m = subject_after_verb(c, cue, s1b);
        if (m < 0)
            m = qd_cue_speaker(c, cues, (uint32_t)ci, qb_tok, s1b);
        if (m < 0 && i == qb_tok)
            m = inverted_subject(c, cue, s1b);
        if (m >= 0) {
            if (!full && i > qb_tok + 2) {
                late_ci = ci;
                late_m = m;
                break;
            }
            *speaker = m;
            *after = true;
            return ci;
        }
        if (full)
            break;
    }
    /* "the Russian Foreign Minister “outlined Russia’s principled approaches”": a quote
     * that opens in lower case right after its subject */
    if (qa_tok > s0a && c->m_end[qa_tok - 1] >= 0 && !(tok[qa_tok + 1 < c->doc->in->n_tokens ? qa_tok + 1 : qa_tok].flags & QD_TF_CAP)) {
        int32_t m = c->m_end[qa_tok - 1];
        const qd_mx *x = &c->mx[m];
        const qd_token *w = &tok[qa_tok + 1];
        if (!x->possessive && !x->in_quote && x->kind != QD_ENT_UNKNOWN && w->kind == QD_TK_WORD &&
            w->lex && w->lex->verb < 0 && !(w->lex->tags & QD_W_FUNCTION) &&
            !(qa_tok - 1 > s0a && tok[c->mx[m].ta - (c->mx[m].ta > s0a ? 1 : 0)].lex &&
              (tok[c->mx[m].ta - 1].lex->tags & QD_W_PREP))) {
            /* only when the quote reads as a verb phrase: its first word ends in -ed/-s */
            uint32_t n = w->normlen;
            if (n > 3 && (!strcmp(w->norm + n - 2, "ed") || w->norm[n - 1] == 's')) {
                *speaker = m;
                return -1;
            }
        }
    }
    /* a label before a colon: "Pollsters agree - Carl Bialik: “…”", "HuffPollster: “…”" */
    if (full && qa_tok >= s0a + 2 && qd_tok_is(&tok[qa_tok - 1], ':') && c->m_end[qa_tok - 2] >= 0) {
        int32_t m = c->m_end[qa_tok - 2];
        const qd_mx *x = &c->mx[m];
        if (!x->possessive && !x->in_quote && c->an->mentions[m].kind != QD_MENTION_PRONOUN &&
            (x->ta == s0a || is_dash(&tok[x->ta - 1]))) {
            *speaker = m;
            *dash = qa_tok - 1;
            return -1;
        }
    }
    /* before the quote, in its first sentence: nearest cue going left */
    for (int32_t i = (int32_t)qa_tok - 1; i >= (int32_t)s0a; i--) {
        int32_t ci = cues->at[i];
        if (ci < 0)
            continue;
        const qd_cue *cue = &cues->v[ci];
        if (cue->kind != QD_CK_VERB && cue->kind != QD_CK_ACCORDING && cue->kind != QD_CK_COLON)
            continue;
        /* a full quote is introduced right after its cue ("said: “", "said, “", "said
         * that “") or after the cue's clause ("Lavrov said, according to Interfax: “") */
        if (full && qa_tok - cue->tb > 25)
            break;
        /* "an option seen by organizers as a “lifeboat”": a participle with its agent */
        if (cue->kind == QD_CK_VERB && cue->tb == cue->ta + 1 && cue->tb + 1 < qa_tok && tok[cue->ta].lex &&
            (tok[cue->ta].lex->vform == QD_VF_PAST || tok[cue->ta].lex->vform == QD_VF_PART) &&
            qd_tok_word(&tok[cue->tb], "by") && c->m_start[cue->tb + 1] >= 0 && !c->mx[c->m_start[cue->tb + 1]].in_quote) {
            *speaker = c->m_start[cue->tb + 1];
            return ci;
        }
        if (passive_report(c, cue, s0a)) {
            /* "Priebus was said to be “furious”", "Duterte has been called the “Trump
             * of the East”": the subject is who the words are about; they are credited
             * to the "by" agent, or to nobody */
            uint32_t k = cue->tb;
            *speaker = k + 1 < qa_tok && qd_tok_word(&tok[k], "by") && c->m_start[k + 1] >= 0 ? c->m_start[k + 1] : -1;
            /* ... or after the quote: "has been called “strategic ambiguity” by Joshua
             * Hendrick, a professor" */
            if (*speaker < 0 && qb_tok + 1 < s1b && qd_tok_word(&tok[qb_tok], "by") && c->m_start[qb_tok + 1] >= 0 &&
                !c->mx[c->m_start[qb_tok + 1]].possessive)
                *speaker = c->m_start[qb_tok + 1];
            return ci;
        }
        int32_t m = qd_cue_speaker(c, cues, (uint32_t)ci, s0a, qa_tok);
        int32_t own = participle_subject(c, cue, s0a);
        if (own >= 0) {
            /* "footage of Hillary Clinton asking, “…”": the one doing it */
            *speaker = own;
            return ci;
        }
        if (m >= 0) {
            m = recheck_subject(c, cues, (uint32_t)ci, m, s0a);
            /* "Benjamin said he believes “…”": the subject of a clause reported by an
             * earlier verb is not the source; the reporting verb's subject is */
            int32_t outer = outer_reporter(c, cues, m, s0a);
            if (outer < 0 && !full) {
                /* words quoted inside a clause that a verb of saying reports, behind
                 * a nearer verb that is not one ("Ryan said it's unrealistic to think
                 * that if the U.S. pulls back, “our oceans are going to save us”") */
                int32_t sc = speech_cue_before(c, cues, (uint32_t)ci, s0a, qa_tok, &outer);
                if (sc >= 0) {
                    *speaker = outer;
                    return sc;
                }
            }
            *speaker = outer >= 0 ? outer : m;
            return outer >= 0 ? cues->at[outer_cue_token(c, cues, m, s0a)] : ci;
        }
    }
    if (late_ci >= 0) {
        *speaker = late_m;
        *after = true;
        return late_ci;
    }
    /* a quote opening a sentence right after a report of someone in the sentence before
     * ("Greene added that the Fed ... “They don't like to talk about it.”") goes on with
     * that report's speaker */
    if (full && qa_tok == s0a && s0 > doc->sentences) {
        const qd_sentence *prev = s0 - 1;
        uint32_t pb = prev->first_token + prev->n_tokens;
        bool quote_free = true;
        for (uint32_t k = prev->first_token; k < pb; k++)
            if (tok[k].kind == QD_TK_QUOTE && tok[k].quoted >= 0 && c->an->quoted[tok[k].quoted].type == QD_QUOTED_SPEECH)
                quote_free = false;
        if (quote_free && prev->paragraph + 1 >= s0->paragraph) {
            for (uint32_t k = prev->first_token; k < pb; k++) {
                int32_t ci = cues->at[k];
                if (ci < 0 || cues->v[ci].kind != QD_CK_VERB)
                    continue;
                const qd_speech_verb *v = cues->v[ci].verb >= 0 ? &c->lx->verbs[cues->v[ci].verb] : NULL;
                if (!v || (v->vclass != QD_VC_SPEECH && v->vclass != QD_VC_WRITING))
                    continue;
                /* "He didn't suggest retaliation.": a denied report introduces nothing */
                bool denied = false;
                for (uint32_t n = k; n > prev->first_token && n + 3 > k; n--)
                    denied = denied || (qd_tok_tags(&tok[n - 1]) & QD_W_NEG);
                if (denied)
                    continue;
                int32_t m = qd_cue_speaker(c, cues, (uint32_t)ci, prev->first_token, pb);
                if (m >= 0 && !c->mx[m].in_quote) {
                    *speaker = m;
                    return ci;
                }
            }
        }
    }
    /* a colon closing the previous sentence: "He added:" */
    if (qa_tok == s0a && s0 > doc->sentences) {
        const qd_sentence *prev = s0 - 1;
        uint32_t pb = prev->first_token + prev->n_tokens;
        if (prev->paragraph + 1 >= s0->paragraph && pb > prev->first_token && qd_tok_is(&tok[pb - 1], ':')) {
            for (int32_t i = (int32_t)pb - 1; i >= (int32_t)prev->first_token; i--) {
                int32_t ci = cues->at[i];
                if (ci < 0 || cues->v[ci].kind != QD_CK_VERB)
                    continue;
                int32_t m = qd_cue_speaker(c, cues, (uint32_t)ci, prev->first_token, pb);
                if (m >= 0) {
                    *speaker = m;
                    return ci;
                }
            }
            /* "President Clinton released the following statement:" */
            if (full) {
                *speaker = intro_subject(c, prev->first_token, pb - 1);
                if (*speaker >= 0)
                    return -1;
            }
        }
    }
    /* a whole quote after a colon that closes a clause without a verb of saying */
    if (full && qa_tok > s0a && qd_tok_is(&tok[qa_tok - 1], ':')) {
        *speaker = intro_subject(c, s0a, qa_tok - 1);
        if (*speaker >= 0)
            return -1;
    }
    /* ... or after a comma closing a clause that reports it: "Trump issued a statement,
     * “…”", "Bryne went on to say, “…”", "Another tweeted, “…”" */
    if (full && qa_tok > s0a + 1 && qd_tok_is(&tok[qa_tok - 1], ',')) {
        int32_t m = comma_intro_speaker(c, cues, s0a, qa_tok - 1);
        if (m >= 0) {
            *speaker = m;
            return -1;
        }
    }
    /* words quoted as what someone calls something, with a verb the lexicon does not
     * list: "Reid has been pounding Trump as a “con artist”", "Merkel heralded the deal
     * as a “breakthrough.”" */
    if (!full) {
        int32_t m = as_label_subject(c, s0a, qa_tok, dash);
        if (m >= 0) {
            *speaker = m;
            return -1;
        }
    }
    return -1;
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

static int add_piece(qd_actx *c, qd_statement *st, qd_span sp)
{
    qd_span *p = qd_arena_realloc(&c->doc->in->arena, st->pieces, st->n_pieces * sizeof(qd_span),
                                  (st->n_pieces + 1) * sizeof(qd_span));
    if (!p)
        return QD_ENOMEM;
    p[st->n_pieces++] = sp;
    st->pieces = p;
    return 0;
}

/* Content of a quoted span: the quoted words with their quotation marks (a direct
 * quote is recognisable as one from its content alone); an unclosed quote ends at its
 * last word. */
static qd_span content_span(qa *s, const qd_quoted *q)
{
    qd_actx *c = s->c;
    const char *t = c->doc->text;
    qd_span sp = q->outer;
    while (sp.end > sp.start && (t[sp.end - 1] == ' ' || t[sp.end - 1] == '\n'))
        sp.end--;
    /* a transcript's turn ("\"WALLACE: Let's start ..."): what was said follows the
     * speaker label */
    uint32_t first = quote_first_token(s, q);
    uint32_t label = qd_quote_speaker_label(c->doc, first);
    if (label > first + 1 && label + 1 < c->doc->in->n_tokens) {
        uint32_t from = c->doc->in->tokens[label + 1].start;
        if (from < sp.end)
            sp.start = from;
    }
    return sp;
}

/* The entity a speaker mention stands for; a pronoun after a quote of someone who fits
 * is that someone ("“…,” he added"). */
static int32_t speaker_entity(qa *s, int32_t m)
{
    qd_actx *c = s->c;
    if (m < 0)
        return -1;
    qd_mention *pm = &c->an->mentions[m];
    qd_mx *x = &c->mx[m];
    /* a document with an owner speaks for the owner: "the press release of the Foreign
     * Ministry says", "Blinken's statement" */
    if (x->kind == QD_ENT_DOCUMENT && x->owner >= 0 && c->an->mentions[x->owner].entity >= 0)
        return c->an->mentions[x->owner].entity;
    if (pm->kind == QD_MENTION_PRONOUN && !x->relative && s->last_stmt >= 0) {
        const qd_statement *prev = &c->an->statements[s->last_stmt];
        if (prev->entity >= 0 && pm->sentence - prev->sentence <= 3) {
            const qd_entity *e = &c->an->entities[prev->entity];
            bool fits = (x->gender == 'm' || x->gender == 'f')
                            ? e->kind == QD_ENT_PERSON && (e->gender == x->gender || e->gender == '?')
                            : e->kind != QD_ENT_PERSON;
            if (fits)
                return prev->entity;
        }
    }
    return pm->entity;
}

/* Drop the statements from index `from` on that are marked gone, keeping the order. */
static void drop_gone(qd_analysis *an, const bool *gone, uint32_t from)
{
    uint32_t w = from;
    for (uint32_t i = from; i < an->n_statements; i++)
        if (!gone[i])
            an->statements[w++] = an->statements[i];
    an->n_statements = w;
}

/* Does token i open its paragraph; is token i the last word-bearing token of it? */
static bool opens_paragraph(const qd_doc *doc, uint32_t i)
{
    const qd_token *tok = doc->in->tokens;
    return i == 0 || tok[i - 1].paragraph != tok[i].paragraph;
}

static bool closes_paragraph(const qd_doc *doc, uint32_t i)
{
    const qd_token *tok = doc->in->tokens;
    uint32_t n = doc->in->n_tokens;
    for (uint32_t k = i; k < n && tok[k].paragraph == tok[i > 0 ? i - 1 : 0].paragraph; k++)
        if (tok[k].kind == QD_TK_WORD || tok[k].kind == QD_TK_NUM)
            return false;
    return true;
}

static int append_pieces(qd_actx *c, qd_statement *dst, const qd_statement *src, bool before)
{
    uint32_t n = dst->n_pieces + src->n_pieces;
    qd_span *p = qd_arena_alloc(&c->doc->in->arena, n * sizeof(qd_span));
    if (!p)
        return QD_ENOMEM;
    const qd_statement *first = before ? src : dst, *second = before ? dst : src;
    memcpy(p, first->pieces, first->n_pieces * sizeof(qd_span));
    memcpy(p + first->n_pieces, second->pieces, second->n_pieces * sizeof(qd_span));
    dst->pieces = p;
    dst->n_pieces = n;
    return 0;
}

/* A quotation that runs over paragraphs is one statement, however its attribution is
 * placed.  News writing credits it once, in its first paragraph ("“A,” she said.
 * ¶ “B.”") or in its last ("“A.” ¶ “B,” she said."), and readers take the paragraphs
 * between as the same voice.  So a paragraph that is only a quote with no attribution
 * of its own joins the credited quote that opens the next paragraph, or else the
 * statement it continues from the paragraph before. */
static int merge_paragraphs(qd_actx *c, uint32_t base, qa_meta *meta)
{
    qd_analysis *an = c->an;
    uint32_t n = an->n_statements;
    bool *gone = qd_arena_calloc(&c->doc->in->arena, n + 1, sizeof(bool));
    if (!gone)
        return QD_ENOMEM;
    int32_t last = -1; /* the latest statement kept */
    for (uint32_t i = base; i < n; i++) {
        qd_statement *st = &an->statements[i];
        qa_meta *m = &meta[i - base];
        bool loose = st->type == QD_STMT_DIRECT && (st->speaker < 0 || st->continuation) &&
                     (m->flags & QA_OPENS_PARA) && m->last_para == st->paragraph;
        if (loose && i + 1 < n) {
            qd_statement *nx = &an->statements[i + 1];
            const qa_meta *nm = &meta[i + 1 - base];
            bool credited = nx->type == QD_STMT_DIRECT && nx->speaker >= 0 && !nx->continuation;
            bool same = st->speaker < 0 ? (m->flags & QA_WHOLE_PARA) != 0 : st->entity == nx->entity;
            if (credited && same && (nm->flags & QA_OPENS_PARA) && nx->paragraph == m->last_para + 1) {
                if (append_pieces(c, nx, st, true) != 0)
                    return QD_ENOMEM;
                nx->paragraph = st->paragraph;
                nx->sentence = st->sentence;
                gone[i] = true;
                continue;
            }
        }
        if (st->continuation && (m->flags & QA_OPENS_PARA) && last >= 0) {
            qd_statement *pv = &an->statements[last];
            qa_meta *pm = &meta[(uint32_t)last - base];
            if (pv->entity == st->entity && pv->speaker >= 0 && st->paragraph == pm->last_para + 1) {
                if (append_pieces(c, pv, st, false) != 0)
                    return QD_ENOMEM;
                pm->last_para = m->last_para;
                gone[i] = true;
                continue;
            }
        }
        last = (int32_t)i;
    }
    drop_gone(an, gone, base);
    return 0;
}

/* A statement is someone's: a quote that no attribution, continuation or signature
 * credits to anyone (a slogan on a sign, a headline, a line whose speaker the text never
 * names) is not made a statement.  It stays quoted speech, flagged uncredited, so that a
 * report around it ("the rally denounced “…”") can still hold it and the output can list
 * it apart. */
static void drop_uncredited(qd_actx *c, uint32_t base)
{
    qd_analysis *an = c->an;
    uint32_t w = base;
    for (uint32_t i = base; i < an->n_statements; i++) {
        qd_statement *st = &an->statements[i];
        if (st->speaker < 0 && st->quoted >= 0 && !passive_statement(c, st)) {
            an->quoted[st->quoted].flags |= QD_QUOTED_UNCREDITED;
            continue;
        }
        an->statements[w++] = *st;
    }
    an->n_statements = w;
}

int qd_attribute_quotes(qd_actx *c, qd_cues *cues)
{
    qd_analysis *an = c->an;
    qd_doc *doc = c->doc;
    qd_token *tok = doc->in->tokens;
    qa s = {c, cues, -1, 0, 0, NULL, 0, 0};
    int32_t prev_cue = -1;
    uint32_t base = an->n_statements;
    qa_meta *meta = NULL;
    uint32_t n_meta = 0, cap_meta = 0;
    for (uint32_t k = 0; k < an->n_quoted; k++) {
        qd_quoted *q = &an->quoted[k];
        if (q->type == QD_QUOTED_NAME || q->type == QD_QUOTED_TITLE)
            continue;
        /* a quote inside a speech quote belongs to the outer one's content */
        if (q->parent >= 0 && an->quoted[q->parent].type == QD_QUOTED_SPEECH) {
            q->type = QD_QUOTED_SPEECH;
            continue;
        }
        uint32_t words = count_words(c, q);
        if (words == 0)
            continue;
        bool full = (q->flags & QD_QUOTED_FULL) != 0;
        found f = find_attribution(&s, q, full);
        int32_t ci = f.cue;
        int32_t speaker = f.speaker;
        /* a passive verb of saying with no agent credits the words to nobody, on
         * purpose: they stay a statement, and no earlier speaker takes them over */
        bool passive = ci >= 0 && speaker < 0 && passive_report(c, &cues->v[ci], 0);

        uint32_t qa_tok = quote_first_token(&s, q);
        uint32_t qsent = tok[qa_tok].sentence;
        uint32_t qb_tok = quote_end_token(&s, q);
        uint32_t qsent_end = tok[qb_tok > qa_tok ? qb_tok - 1 : qa_tok].sentence;
        bool continuation = false;
        /* a verb of saying right after the quote is its own attribution, even when no
         * speaker was made out ("…,” said the crowd") */
        uint32_t after_q = quote_end_token(&s, q);
        bool own_verb = after_q < doc->in->n_tokens && cues->at[after_q] >= 0 &&
                        cues->v[cues->at[after_q]].kind == QD_CK_VERB &&
                        tok[after_q].sentence == tok[after_q > 0 ? after_q - 1 : 0].sentence;
        if (speaker < 0 && full && !own_verb && !passive && s.last_stmt >= 0) {
            /* no attribution of its own: a quote right after a quote of someone goes on
             * with the same speaker */
            qd_statement *prev = &an->statements[s.last_stmt];
            bool same_or_next_para = q->paragraph <= s.last_para + 1;
            bool starts_sentence = doc->sentences[qsent].first_token == qa_tok;
            if (same_or_next_para && starts_sentence && qsent - s.last_sent <= 3 && prev->speaker >= 0) {
                continuation = true;
                speaker = prev->speaker;
            }
        }
        /* a quote that ends its paragraph, signed on the next line: "- Sanders.", "Dean
         * Baker, Center for Economic and Policy Research." */
        if (speaker < 0 && full && !passive)
            speaker = signature_after(&s, q);
        /* type it */
        bool at_clause_start = qa_tok == doc->sentences[qsent].first_token ||
                               (qa_tok > 0 && (qd_tok_is(&tok[qa_tok - 1], ':') || qd_tok_is(&tok[qa_tok - 1], ',')));
        qd_statement_type type;
        if (speaker < 0 && !passive) {
            if (!full && words <= 5) {
                q->type = QD_QUOTED_SCARE;
                continue;
            }
            type = QD_STMT_DIRECT;
        } else if (full && at_clause_start) {
            type = QD_STMT_DIRECT;
        } else {
            type = at_clause_start && words >= 4 ? QD_STMT_DIRECT : QD_STMT_PARTIAL;
        }
        q->type = QD_QUOTED_SPEECH;
        qd_span content = content_span(&s, q);
        bool opens = opens_paragraph(doc, qa_tok);
        /* "“A,” he said, “B.”": one statement, two pieces */
        bool join = ci >= 0 && ci == prev_cue && s.last_stmt >= 0 && !continuation &&
                    an->statements[s.last_stmt].speaker == speaker && q->paragraph == s.last_para;
        /* within the paragraph, the same statement goes on */
        if (continuation && q->paragraph == s.last_para)
            join = true;
        if (join) {
            qd_statement *prev = &an->statements[s.last_stmt];
            if (add_piece(c, prev, content) != 0)
                return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
            s.last_sent = qsent_end;
            qa_meta *pm = &meta[(uint32_t)s.last_stmt - base];
            if (opens)
                pm->flags |= QA_OPENS_LAST;
            pm->flags &= (uint8_t)~QA_WHOLE_PARA;
            continue;
        }
        qd_statement *st = new_statement(c);
        qa_meta *m = QD_VEC_PUSH(&doc->in->arena, meta, n_meta, cap_meta);
        if (!st || !m || add_piece(c, st, content) != 0)
            return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
        m->last_para = q->paragraph;
        if (opens) {
            m->flags = QA_OPENS_PARA | QA_OPENS_LAST;
            if (closes_paragraph(doc, quote_end_token(&s, q)))
                m->flags |= QA_WHOLE_PARA;
        }
        st->type = type;
        st->quoted = (int32_t)k;
        st->paragraph = q->paragraph;
        st->sentence = qsent;
        st->speaker = speaker;
        st->continuation = continuation;
        st->entity = continuation ? an->statements[s.last_stmt].entity : speaker_entity(&s, speaker);
        if (f.ctb > f.cta && !continuation) {
            st->cue = qd_span_make(tok[f.cta].start, tok[f.ctb - 1].end);
        }
        if (ci >= 0 && !continuation) {
            const qd_cue *cue = &cues->v[ci];
            if (cue->verb >= 0) {
                st->cue_lemma = c->lx->verbs[cue->verb].lemma;
                st->stance = c->lx->verbs[cue->verb].stance;
            } else if (cue->kind == QD_CK_ACCORDING) {
                st->cue_lemma = "according to";
                st->stance = "neutral";
            }
        } else if (continuation) {
            qd_statement *prev = &an->statements[s.last_stmt];
            st->cue_lemma = prev->cue_lemma;
            st->stance = prev->stance;
        }
        st->confidence = speaker < 0 ? 0.3f : continuation ? 0.7f : 0.9f;
        s.last_stmt = (int32_t)an->n_statements - 1;
        s.last_para = q->paragraph;
        s.last_sent = qsent_end;
        prev_cue = continuation ? -1 : ci;
    }
    if (merge_paragraphs(c, base, meta) != 0)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
    drop_uncredited(c, base);
    return 0;
}

/* Do two content spans share a byte? */
static bool spans_meet(qd_span a, qd_span b)
{
    return a.start < b.end && b.start < a.end;
}

/* Quoted words and the report around them are one statement: "Sanders tells reporters
 * that “if there’s a large turnout I think we’re going to do just fine. If it’s a low
 * turnout, that may be another story.”" is Sanders reporting, in part in his own words.
 * When a quote credited to someone overlaps a report by the same speaker (the report
 * often stops at a full stop inside the quote), the report takes in the quote and
 * becomes mixed.  Runs after the reports are made. */
int qd_merge_quotes_into_reports(qd_actx *c)
{
    qd_analysis *an = c->an;
    uint32_t n = an->n_statements;
    if (n < 2)
        return 0;
    bool *gone = qd_arena_calloc(&c->doc->in->arena, n, sizeof(bool));
    if (!gone)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
    bool merged = false;
    for (uint32_t i = 0; i < n; i++) {
        qd_statement *q = &an->statements[i];
        if (q->quoted < 0 || q->entity < 0 || (q->type != QD_STMT_PARTIAL && q->type != QD_STMT_DIRECT))
            continue;
        /* "Trump asserted that France had lost its identity: “France is no longer
         * France,” he claimed.": a whole quote with its own attribution after it stands
         * alone */
        if (q->type == QD_STMT_DIRECT && !q->continuation && !qd_span_empty(q->cue) &&
            q->cue.start >= q->pieces[q->n_pieces - 1].end)
            continue;
        /* statements are in text order: the report is a near neighbour */
        uint32_t lo = i > 8 ? i - 8 : 0, hi = i + 8 < n ? i + 8 : n;
        for (uint32_t j = lo; j < hi; j++) {
            qd_statement *r = &an->statements[j];
            if (j == i || gone[j] || r->quoted >= 0 || r->entity != q->entity || r->paragraph != q->paragraph ||
                (r->type != QD_STMT_INDIRECT && r->type != QD_STMT_MIXED))
                continue;
            bool meet = false;
            for (uint32_t a = 0; a < q->n_pieces && !meet; a++)
                for (uint32_t b = 0; b < r->n_pieces && !meet; b++)
                    meet = spans_meet(q->pieces[a], r->pieces[b]);
            if (!meet)
                continue;
            /* widen the report's pieces over the quote's; pieces of the quote that meet
             * none of them are added in order */
            qd_span *p = qd_arena_alloc(&c->doc->in->arena, (r->n_pieces + q->n_pieces) * sizeof(qd_span));
            if (!p)
                return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
            uint32_t np = 0;
            for (uint32_t b = 0; b < r->n_pieces; b++)
                p[np++] = r->pieces[b];
            for (uint32_t a = 0; a < q->n_pieces; a++) {
                bool took = false;
                for (uint32_t b = 0; b < np; b++)
                    if (spans_meet(q->pieces[a], p[b])) {
                        if (q->pieces[a].start < p[b].start)
                            p[b].start = q->pieces[a].start;
                        if (q->pieces[a].end > p[b].end)
                            p[b].end = q->pieces[a].end;
                        took = true;
                    }
                if (!took)
                    p[np++] = q->pieces[a];
            }
            /* in text order, overlapping pieces joined */
            for (uint32_t x = 1; x < np; x++)
                for (uint32_t y = x; y > 0 && p[y].start < p[y - 1].start; y--) {
                    qd_span t = p[y];
                    p[y] = p[y - 1];
                    p[y - 1] = t;
                }
            uint32_t w = 0;
            for (uint32_t x = 0; x < np; x++) {
                if (w > 0 && p[x].start <= p[w - 1].end) {
                    if (p[x].end > p[w - 1].end)
                        p[w - 1].end = p[x].end;
                    continue;
                }
                p[w++] = p[x];
            }
            r->pieces = p;
            r->n_pieces = w;
            r->type = QD_STMT_MIXED;
            gone[i] = true;
            merged = true;
            break;
        }
    }
    if (!merged)
        return 0;
    drop_gone(an, gone, 0);
    return qd_statements_order(c);
}

/* Does a statement hold quoted words (a quotation mark inside its content)? */
static bool holds_quote(qd_actx *c, const qd_statement *st)
{
    const qd_token *tok = c->doc->in->tokens;
    for (uint32_t p = 0; p < st->n_pieces; p++)
        for (uint32_t k = qd_token_at(c->doc, st->pieces[p].start);
             k < c->doc->in->n_tokens && tok[k].start < st->pieces[p].end; k++)
            if (tok[k].kind == QD_TK_QUOTE && tok[k].end <= st->pieces[p].end)
                return true;
    return false;
}

static uint32_t content_bytes(const qd_statement *st)
{
    uint32_t n = 0;
    for (uint32_t p = 0; p < st->n_pieces; p++)
        n += st->pieces[p].end - st->pieces[p].start;
    return n;
}

/* Quoted words are credited once.  Where two statements holding quoted words overlap --
 * "Cross said he “may yet have to vote for her”" read both from "said" and from a verb
 * inside the clause, or a report around a quote with its own partial statement -- the
 * enclosing one stands: it is the report the reader is given, the words inside it are
 * that speaker's account (annotated news corpora such as PolNeAR mark one attribution
 * per stretch of text, the outer one).  Runs last, on statements in text order. */
/* A whole quote credited by its own attribution after it ("“…,” he claimed"). */
static bool own_attribution_after(const qd_statement *st)
{
    return st->type == QD_STMT_DIRECT && !st->continuation && st->quoted >= 0 && !qd_span_empty(st->cue) &&
           st->cue.start >= st->pieces[st->n_pieces - 1].end;
}

/* Ends a one-piece statement before byte `at`, over the spaces and the colon or dash
 * that led into what follows; false (and nothing changed) if too little would be left. */
static bool trim_before(qd_actx *c, qd_statement *st, uint32_t at)
{
    const char *text = c->doc->text;
    uint32_t e = at;
    while (e > st->pieces[0].start && (text[e - 1] == ' ' || text[e - 1] == ':' || text[e - 1] == '\n'))
        e--;
    if (e < st->pieces[0].start + 12)
        return false;
    st->pieces[0].end = e;
    if (st->type == QD_STMT_MIXED && !holds_quote(c, st))
        st->type = QD_STMT_INDIRECT;
    return true;
}

int qd_resolve_quoted_overlaps(qd_actx *c)
{
    qd_analysis *an = c->an;
    uint32_t n = an->n_statements;
    if (n < 2)
        return 0;
    bool *quoting = qd_arena_calloc(&c->doc->in->arena, n, sizeof(bool));
    bool *gone = qd_arena_calloc(&c->doc->in->arena, n, sizeof(bool));
    if (!quoting || !gone)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
    for (uint32_t i = 0; i < n; i++)
        quoting[i] = holds_quote(c, &an->statements[i]);
    bool dropped = false;
    for (uint32_t i = 0; i < n; i++) {
        if (!quoting[i] || gone[i])
            continue;
        const qd_statement *a = &an->statements[i];
        uint32_t a_end = a->pieces[a->n_pieces - 1].end;
        /* in text order, so only those starting before a's end can meet it */
        for (uint32_t j = i + 1; j < n && an->statements[j].pieces[0].start < a_end; j++) {
            if (!quoting[j] || gone[j])
                continue;
            const qd_statement *b = &an->statements[j];
            bool meet = false;
            for (uint32_t x = 0; x < a->n_pieces && !meet; x++)
                for (uint32_t y = 0; y < b->n_pieces && !meet; y++)
                    meet = spans_meet(a->pieces[x], b->pieces[y]);
            if (!meet)
                continue;
            /* "Trump asserted that France had lost its identity: “France is no longer
             * France,” he claimed.": a report running into a whole quote that has its
             * own attribution after it ends before the quote; both stay */
            if (own_attribution_after(b) && a->n_pieces == 1 && a->pieces[0].start < b->pieces[0].start &&
                trim_before(c, &an->statements[i], b->pieces[0].start)) {
                a_end = a->pieces[a->n_pieces - 1].end;
                quoting[i] = holds_quote(c, a);
                continue;
            }
            if (content_bytes(b) > content_bytes(a)) {
                gone[i] = true;
                dropped = true;
                break;
            }
            gone[j] = true;
            dropped = true;
        }
    }
    if (!dropped)
        return 0;
    drop_gone(an, gone, 0);
    return qd_statements_order(c);
}

static bool is_lower_word(const qd_token *t)
{
    return t->kind == QD_TK_WORD && !(t->flags & QD_TF_CAP);
}

/* The one who issued a document: "Black Lives Matter issued a statement saying ...",
 * "His office put out a statement saying ...", "Sanders sent out a fundraising email
 * warning ...".  The document is the object of a verb right after its subject; the
 * participle after the document tells what the issuer said.  Returns a mention or -1. */
static int32_t document_issuer(qd_actx *c, const qd_statement *st)
{
    if (st->speaker < 0 || qd_span_empty(st->cue))
        return -1;
    const qd_mx *x = &c->mx[st->speaker];
    const qd_token *tok = c->doc->in->tokens;
    if (x->kind != QD_ENT_DOCUMENT || x->possessive || x->ta == 0)
        return -1;
    /* the cue follows the document: "a statement saying" */
    if (qd_token_at(c->doc, st->cue.start) != x->tb)
        return -1;
    const qd_sentence *se = &c->doc->sentences[st->sentence];
    uint32_t sa = se->first_token;
    /* one verb ("issued a statement") or a verb and its particle ("put out a
     * statement"), lower case; particles the lexicon does not know are words too */
    uint32_t v = x->ta;
    if (v > sa + 2 && is_lower_word(&tok[v - 1]) && (!tok[v - 1].lex || (tok[v - 1].lex->tags & QD_W_ADV)) &&
        is_lower_word(&tok[v - 2]) && !(tok[v - 2].lex && (tok[v - 2].lex->tags & QD_W_FUNCTION)) &&
        c->m_end[v - 3] >= 0)
        v -= 2;
    else if (v > sa + 1 && is_lower_word(&tok[v - 1]) && !(tok[v - 1].lex && (tok[v - 1].lex->tags & QD_W_FUNCTION)))
        v -= 1;
    else
        return -1;
    int32_t m = c->m_end[v - 1];
    if (m < 0)
        return -1;
    /* the subject: not possessive, not the object of a preposition, not a document */
    const qd_mx *s = &c->mx[m];
    if (s->possessive || s->kind == QD_ENT_DOCUMENT || s->in_quote ||
        (s->ta > sa && tok[s->ta - 1].lex && (tok[s->ta - 1].lex->tags & QD_W_PREP)))
        return -1;
    return m;
}

/* A document issued by someone speaks for them: the issuer is the speaker (the document
 * stays the venue in provenance, through its owner). */
void qd_credit_document_issuers(qd_actx *c)
{
    for (uint32_t i = 0; i < c->an->n_statements; i++) {
        qd_statement *st = &c->an->statements[i];
        int32_t m = document_issuer(c, st);
        if (m < 0)
            continue;
        c->mx[st->speaker].owner = m;
        st->speaker = m;
        int32_t e = c->an->mentions[m].entity;
        if (e < 0 && c->an->mentions[m].kind == QD_MENTION_PRONOUN)
            e = qd_entity_of(c, m);
        if (e >= 0)
            st->entity = e;
    }
}
