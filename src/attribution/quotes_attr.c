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

#include "../text/match.h"
#include "attrib.h"

typedef struct qa {
    qd_actx *c;
    qd_cues *cues;
    int32_t last_stmt;      /* most recent statement from a quote */
} qa;

static uint32_t quote_first_token(qd_actx *c, const qd_quoted *q)
{
    return qd_token_at(c->doc, q->outer.start);
}

static uint32_t quote_end_token(qd_actx *c, const qd_quoted *q)
{
    /* first token at or after the end of the quote */
    return qd_token_at(c->doc, q->outer.end);
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

static bool between_is_attribution_glue(qd_actx *c, uint32_t a, uint32_t b)
{
    /* tokens a..b-1 are punctuation, mentions, adverbs, auxiliaries: "…,” Lavrov, the
     * foreign minister, also said" */
    qd_token *tok = c->doc->in->tokens;
    for (uint32_t i = a; i < b; i++) {
        const qd_token *t = &tok[i];
        if (t->kind == QD_TK_PUNCT && (qd_tok_is(t, ',') || t->norm[0] == '-'))
            continue;
        if (c->m_in[i] >= 0)
            continue;
        if (t->kind == QD_TK_WORD && t->lex &&
            (t->lex->tags & (QD_W_ADV | QD_W_AUX | QD_W_MODAL | QD_W_NEG | QD_W_REL | QD_W_TIME)))
            continue;
        if (t->kind == QD_TK_WORD && t->normlen > 4 && !strcmp(t->norm + t->normlen - 2, "ly"))
            continue;
        return false;
    }
    return true;
}

/* Find the cue and speaker for quote q; returns the cue index or -1 and sets *speaker. */
static int32_t find_attribution(qa *s, const qd_quoted *q, bool full, int32_t *speaker, bool *after)
{
    qd_actx *c = s->c;
    qd_doc *doc = c->doc;
    qd_token *tok = doc->in->tokens;
    qd_cues *cues = s->cues;
    uint32_t qa_tok = quote_first_token(c, q);
    uint32_t qb_tok = quote_end_token(c, q);
    uint32_t last_in = qb_tok > 0 ? qb_tok - 1 : 0;
    const qd_sentence *s0 = &doc->sentences[tok[qa_tok].sentence];
    const qd_sentence *s1 = &doc->sentences[tok[last_in].sentence];
    uint32_t s0a = s0->first_token;
    uint32_t s1b = s1->first_token + s1->n_tokens;
    *speaker = -1;
    *after = false;

    /* after the quote, in its last sentence: the first cue within reach */
    uint32_t limit = full ? 8 : 14;
    for (uint32_t i = qb_tok; i < s1b && i < qb_tok + limit; i++) {
        if (tok[i].kind == QD_TK_QUOTE && tok[i].quoted >= 0 && tok[i].quoted != (int32_t)(q - c->an->quoted))
            break; /* another quote starts */
        int32_t ci = cues->at[i];
        if (ci < 0)
            continue;
        const qd_cue *cue = &cues->v[ci];
        if (cue->kind != QD_CK_VERB && cue->kind != QD_CK_ACCORDING)
            continue;
        if (full && !between_is_attribution_glue(c, qb_tok, cue->ta))
            break;
        int32_t m = qd_cue_speaker(c, cues, (uint32_t)ci, qb_tok, s1b);
        if (m >= 0) {
            *speaker = m;
            *after = true;
            return ci;
        }
        if (full)
            break;
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
        int32_t m = qd_cue_speaker(c, cues, (uint32_t)ci, s0a, qa_tok);
        if (m >= 0) {
            *speaker = m;
            return ci;
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
static qd_span content_span(qd_actx *c, const qd_quoted *q)
{
    const char *t = c->doc->text;
    qd_span sp = q->outer;
    while (sp.end > sp.start && (t[sp.end - 1] == ' ' || t[sp.end - 1] == '\n'))
        sp.end--;
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

int qd_attribute_quotes(qd_actx *c, qd_cues *cues)
{
    qd_analysis *an = c->an;
    qd_doc *doc = c->doc;
    qd_token *tok = doc->in->tokens;
    qa s = {c, cues, -1};
    int32_t prev_cue = -1;
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
        int32_t speaker = -1;
        bool after = false;
        int32_t ci = find_attribution(&s, q, full, &speaker, &after);
        uint32_t qa_tok = quote_first_token(c, q);
        bool continuation = false;
        if (ci < 0 && full && s.last_stmt >= 0) {
            /* no attribution of its own: a quote right after a quote of someone goes on
             * with the same speaker */
            qd_statement *prev = &an->statements[s.last_stmt];
            uint32_t psent = prev->sentence;
            uint32_t qsent = tok[qa_tok].sentence;
            bool same_or_next_para = q->paragraph <= prev->paragraph + 1;
            bool starts_sentence = doc->sentences[qsent].first_token == qa_tok;
            if (same_or_next_para && starts_sentence && qsent - psent <= 3 && prev->speaker >= 0) {
                continuation = true;
                speaker = prev->speaker;
            }
        }
        /* type it */
        bool at_clause_start = qa_tok == doc->sentences[tok[qa_tok].sentence].first_token ||
                               (qa_tok > 0 && (qd_tok_is(&tok[qa_tok - 1], ':') || qd_tok_is(&tok[qa_tok - 1], ',')));
        qd_statement_type type;
        if (speaker < 0) {
            if (!full && words <= 5) {
                q->type = QD_QUOTED_SCARE;
                continue;
            }
            type = QD_STMT_DIRECT;
        } else if (full && at_clause_start) {
            type = QD_STMT_DIRECT;
        } else if (!full && words <= 2 && !after && ci >= 0 &&
                   cues->v[ci].kind == QD_CK_VERB && qa_tok > cues->v[ci].tb + 12) {
            /* a word far from the verb is the writer's own label */
            q->type = QD_QUOTED_SCARE;
            continue;
        } else {
            type = at_clause_start && words >= 4 ? QD_STMT_DIRECT : QD_STMT_PARTIAL;
        }
        q->type = QD_QUOTED_SPEECH;
        qd_span content = content_span(c, q);
        /* "“A,” he said, “B.”": one statement, two pieces */
        if (ci >= 0 && ci == prev_cue && s.last_stmt >= 0 && !continuation) {
            qd_statement *prev = &an->statements[s.last_stmt];
            if (prev->speaker == speaker && q->paragraph == prev->paragraph) {
                if (add_piece(c, prev, content) != 0)
                    return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
                continue;
            }
        }
        if (continuation) {
            qd_statement *prev = &an->statements[s.last_stmt];
            /* within the paragraph, the same statement goes on */
            if (q->paragraph == prev->paragraph) {
                if (add_piece(c, prev, content) != 0)
                    return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
                continue;
            }
        }
        qd_statement *st = new_statement(c);
        if (!st || add_piece(c, st, content) != 0)
            return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", doc->path);
        st->type = type;
        st->quoted = (int32_t)k;
        st->paragraph = q->paragraph;
        st->sentence = tok[qa_tok].sentence;
        st->speaker = speaker;
        st->continuation = continuation;
        st->entity = continuation ? an->statements[s.last_stmt].entity : speaker_entity(&s, speaker);
        if (ci >= 0 && !continuation) {
            const qd_cue *cue = &cues->v[ci];
            st->cue = qd_span_make(tok[cue->ta].start, tok[cue->tb - 1].end);
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
        prev_cue = continuation ? -1 : ci;
    }
    return 0;
}
