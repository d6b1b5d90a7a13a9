/*
 * quotes.c - the quotes stage: pair quotation marks into quoted spans.
 *
 * Marks are paired per paragraph with a stack, so nesting works whether the inner quote
 * uses single marks, the same double marks, or guillemets.  Straight marks are opened or
 * closed by the spacing around them.  Newspaper convention is honoured: a quote left open
 * at the end of a paragraph continues when the next paragraph opens with a quotation
 * mark, and otherwise ends with its paragraph.  One sloppy form seen in the wild is
 * repaired: an outer quote whose closing mark was shared with an inner quote ("... in the
 * mode of “quiet diplomacy,” the press release says") ends at that shared mark when only
 * an attribution follows it.
 *
 * Whether a span is speech, a scare quote, a name or a title is decided here only where
 * the span itself tells (a title after "the book", a name before "agency"); the rest is
 * settled by attribution, which knows whether someone is credited with the words.
 */
#include <stdlib.h>
#include <string.h>

#include "../text/match.h"
#include "../text/utf8.h"
#include "../util/search.h"
#include "quotes.h"

typedef struct opener {
    uint32_t tok;       /* token index of the opening mark */
    bool single;
    bool straight;
    uint32_t para;      /* paragraph it was opened in */
} opener;

typedef struct qstate {
    qd_doc *doc;
    qd_analysis *an;
    qd_error *err;
    opener stack[64];
    int depth;
    uint32_t cap_quoted;
    /* the document's quotation marks (token indices, in order): pairing walks these
     * rather than every token, from the first not yet passed */
    uint32_t *marks;
    uint32_t n_marks, next_mark;
} qstate;

static bool is_open_bracket_or_dash(const qd_token *t)
{
    return qd_tok_is(t, '(') || qd_tok_is(t, '[') || (t->kind == QD_TK_PUNCT && t->norm[0] == '-') ||
           qd_tok_is(t, ':');
}

/* For a straight or ambiguous mark: does it look like an opening one? */
static int straight_role(const qd_token *tok, uint32_t i, uint32_t a, uint32_t b)
{
    const qd_token *t = &tok[i];
    bool space_before = (t->flags & QD_TF_SPACE_BEFORE) || i == a ||
                        is_open_bracket_or_dash(&tok[i - 1]) || tok[i - 1].kind == QD_TK_QUOTE;
    bool space_after = (t->flags & QD_TF_SPACE_AFTER) || i + 1 >= b ||
                       (tok[i + 1].kind == QD_TK_PUNCT && !is_open_bracket_or_dash(&tok[i + 1]) &&
                        tok[i + 1].norm[0] != '-');
    if (space_before && !space_after)
        return 1;  /* opening */
    if (space_after && !space_before)
        return -1; /* closing */
    return 0;      /* ambiguous */
}

static int add_quoted(qstate *q, uint32_t open_tok, uint32_t close_tok, bool closed, uint32_t end_off,
                      uint32_t flags)
{
    qd_doc *doc = q->doc;
    qd_token *tok = doc->in->tokens;
    qd_analysis *an = q->an;
    qd_quoted *x = QD_VEC_PUSH(&doc->in->arena, an->quoted, an->n_quoted, q->cap_quoted);
    if (!x)
        return qd_error_set(q->err, QD_ENOMEM, "%s: out of memory", doc->path);
    x->outer.start = tok[open_tok].start;
    x->inner.start = tok[open_tok].end;
    if (closed) {
        x->outer.end = tok[close_tok].end;
        x->inner.end = tok[close_tok].start;
    } else {
        x->outer.end = end_off;
        x->inner.end = end_off;
        flags |= QD_QUOTED_UNCLOSED;
    }
    x->flags = flags;
    x->parent = -1;
    x->paragraph = tok[open_tok].paragraph;
    x->sentence = tok[open_tok].sentence;
    if (doc->paragraphs[x->paragraph].role == QD_PARA_TITLE)
        x->flags |= QD_QUOTED_IN_TITLE;
    return 0;
}

/* Text after an inner quote's closing mark up to the paragraph end reads as an
 * attribution ("the press release of the Foreign Ministry says."): short, with a cue. */
static bool attribution_tail(const qd_doc *doc, uint32_t from, uint32_t b)
{
    const qd_token *tok = doc->in->tokens;
    uint32_t words = 0;
    bool cue = false;
    for (uint32_t i = from; i < b; i++) {
        if (tok[i].kind == QD_TK_QUOTE)
            return false;
        if (tok[i].kind == QD_TK_WORD) {
            words++;
            if (tok[i].lex && tok[i].lex->verb >= 0)
                cue = true;
        }
    }
    return cue && words <= 14;
}

uint32_t qd_quote_speaker_label(const qd_doc *doc, uint32_t mark)
{
    const qd_doc_internal *in = doc->in;
    const qd_token *tok = in->tokens;
    if (mark + 2 >= in->n_tokens || tok[mark].kind != QD_TK_QUOTE || tok[mark + 1].paragraph != tok[mark].paragraph)
        return 0;
    if (mark > 0 && tok[mark - 1].paragraph == tok[mark].paragraph)
        return 0; /* the mark does not open its paragraph */
    /* one word in capitals ("WALLACE:") or two or three capitalised words, a name
     * ("Chris Matthews:") */
    uint32_t k = mark + 1, words = 0;
    bool allcaps = true;
    while (k < in->n_tokens && words < 3 && tok[k].kind == QD_TK_WORD && (tok[k].flags & QD_TF_CAP) &&
           tok[k].paragraph == tok[mark].paragraph) {
        allcaps = allcaps && (tok[k].flags & QD_TF_ALLCAPS);
        words++;
        k++;
    }
    if (words == 0 || k >= in->n_tokens || !qd_tok_is(&tok[k], ':'))
        return 0;
    if (!allcaps && words < 2)
        return 0;
    return k;
}

static bool para_opens_with_quote(const qd_doc *doc, uint32_t p)
{
    const qd_doc_internal *in = doc->in;
    uint32_t a = in->para_first_token[p], b = in->para_first_token[p + 1];
    if (a >= b)
        return false;
    const qd_token *t = &in->tokens[a];
    return t->kind == QD_TK_QUOTE &&
           (t->qmark == QD_QM_DOUBLE_OPEN || t->qmark == QD_QM_DOUBLE_STRAIGHT);
}

/* A paragraph wrapped in a straight mark by the page it was copied from, its own quotes
 * in typographic marks: "\"Trump walked onto the stage, chanting “U-S-A! U-S-A!”".  The
 * straight mark opening the paragraph is never closed by another straight mark, and a
 * typographic opening mark follows; it is not a quotation mark. */
static bool stray_wrapping_mark(const qd_token *tok, uint32_t a, uint32_t b)
{
    if (tok[a].kind != QD_TK_QUOTE || tok[a].qmark != QD_QM_DOUBLE_STRAIGHT)
        return false;
    bool curly_open = false, first = true;
    for (uint32_t i = a + 1; i < b; i++) {
        if (tok[i].kind != QD_TK_QUOTE)
            continue;
        if (tok[i].qmark == QD_QM_DOUBLE_STRAIGHT)
            return false;
        /* "\"I know. That's why ...,” Henry said.": closed by a typographic mark */
        if (first && tok[i].qmark == QD_QM_DOUBLE_CLOSE)
            return false;
        if (tok[i].qmark == QD_QM_DOUBLE_OPEN)
            curly_open = true;
        if (tok[i].qmark == QD_QM_DOUBLE_OPEN || tok[i].qmark == QD_QM_DOUBLE_CLOSE)
            first = false;
    }
    return curly_open;
}

static int close_leftovers(qstate *q, uint32_t para_end_off, uint32_t a, uint32_t b, bool carry)
{
    qd_doc *doc = q->doc;
    qd_token *tok = doc->in->tokens;
    int rc;
    while (q->depth > 0) {
        opener *o = &q->stack[q->depth - 1];
        if (o->single) { /* unmatched single marks are usually apostrophes */
            q->depth--;
            continue;
        }
        if (carry && q->depth == 1)
            return 0; /* continues in the next paragraph */
        /* shared closing mark: end at the last closing mark inside, if only an
         * attribution follows it */
        uint32_t last_close = UINT32_MAX;
        for (uint32_t i = b; i > o->tok + 1 && i > a; i--) {
            const qd_token *t = &tok[i - 1];
            if (t->kind == QD_TK_QUOTE &&
                (t->qmark == QD_QM_DOUBLE_CLOSE || t->qmark == QD_QM_DOUBLE_STRAIGHT)) {
                last_close = i - 1;
                break;
            }
        }
        uint32_t flags = o->para != tok[o->tok].paragraph ? QD_QUOTED_MULTIPARA : 0;
        if (o->para != tok[b - 1].paragraph)
            flags |= QD_QUOTED_MULTIPARA;
        if (last_close != UINT32_MAX && attribution_tail(doc, last_close + 1, b))
            rc = add_quoted(q, o->tok, last_close, true, 0, flags);
        else
            rc = add_quoted(q, o->tok, 0, false, para_end_off, flags);
        if (rc)
            return rc;
        q->depth--;
    }
    return 0;
}

static int pair_paragraph(qstate *q, uint32_t p, bool *carried)
{
    qd_doc *doc = q->doc;
    qd_doc_internal *in = doc->in;
    qd_token *tok = in->tokens;
    uint32_t a = in->para_first_token[p], b = in->para_first_token[p + 1];
    int rc;
    if (a >= b)
        return 0;
    /* a new speaker's turn in a transcript starts a quote of its own */
    bool reopened = *carried && para_opens_with_quote(doc, p) && !qd_quote_speaker_label(doc, a);
    if (*carried && !reopened) {
        /* the quote left open did not continue: it ended with the previous paragraph */
        opener *o = &q->stack[0];
        uint32_t prev_end = tok[a - 1].end;
        rc = add_quoted(q, o->tok, 0, false, prev_end, 0);
        if (rc)
            return rc;
        q->depth = 0;
    }
    uint32_t first = a;
    if (reopened)
        first = a + 1; /* the re-opening mark continues the carried quote */
    else if (!*carried && stray_wrapping_mark(tok, a, b) && !qd_quote_speaker_label(doc, a) &&
             !(a > 0 && qd_tok_is(&tok[a - 1], ':')))
        first = a + 1; /* (not a block quote introduced by a colon) */
    *carried = false;
    while (q->next_mark < q->n_marks && q->marks[q->next_mark] < first)
        q->next_mark++;
    for (; q->next_mark < q->n_marks && q->marks[q->next_mark] < b; q->next_mark++) {
        uint32_t i = q->marks[q->next_mark];
        qd_token *t = &tok[i];
        qd_qmark m = (qd_qmark)t->qmark;
        int role = 0; /* 1 open, -1 close */
        bool single = m == QD_QM_SINGLE_OPEN || m == QD_QM_SINGLE_CLOSE || m == QD_QM_SINGLE_STRAIGHT;
        bool straight = m == QD_QM_DOUBLE_STRAIGHT || m == QD_QM_SINGLE_STRAIGHT;
        switch (m) {
        case QD_QM_DOUBLE_OPEN:
        case QD_QM_SINGLE_OPEN:
            role = 1;
            /* an opening mark typed where a closing one belongs: “It's unusual,“ */
            if (m == QD_QM_DOUBLE_OPEN && straight_role(tok, i, a, b) < 0) {
                bool open_double = false;
                for (int d = 0; d < q->depth; d++)
                    open_double |= !q->stack[d].single;
                if (open_double)
                    role = -1;
            }
            /* „…“ (German): a “ closing a „ */
            if (m == QD_QM_DOUBLE_OPEN && q->depth > 0 && !q->stack[q->depth - 1].single &&
                doc->text[tok[q->stack[q->depth - 1].tok].start] == '\xe2' &&
                (unsigned char)doc->text[tok[q->stack[q->depth - 1].tok].start + 2] == 0x9E &&
                straight_role(tok, i, a, b) < 0)
                role = -1;
            break;
        case QD_QM_DOUBLE_CLOSE:
            role = -1;
            /* a closing mark typed where an opening one belongs: ” at the start of a
             * quote with nothing open */
            if (straight_role(tok, i, a, b) > 0) {
                bool open_double = false;
                for (int d = 0; d < q->depth; d++)
                    open_double |= !q->stack[d].single;
                if (!open_double)
                    role = 1;
            }
            break;
        case QD_QM_SINGLE_CLOSE:
            /* ’ closes only an open single quote; otherwise it is an apostrophe */
            role = -1;
            break;
        case QD_QM_DOUBLE_STRAIGHT:
        case QD_QM_SINGLE_STRAIGHT: {
            int r = straight_role(tok, i, a, b);
            bool open_same = false;
            for (int d = q->depth - 1; d >= 0; d--)
                if (q->stack[d].single == single && q->stack[d].straight) {
                    open_same = true;
                    break;
                }
            if (r == 0)
                role = open_same ? -1 : 1;
            else if (r > 0 && open_same && single)
                role = -1;
            else
                role = r;
            if (single && role == 1) {
                /* a straight single opens only with a closing partner in the paragraph */
                bool partner = false;
                for (uint32_t k = i + 1; k < b; k++)
                    if (tok[k].kind == QD_TK_QUOTE && tok[k].qmark == QD_QM_SINGLE_STRAIGHT &&
                        straight_role(tok, k, a, b) <= 0) {
                        partner = true;
                        break;
                    }
                if (!partner)
                    role = 0;
            }
            break;
        }
        default:
            break;
        }
        if (role > 0) {
            if (q->depth < 64)
                q->stack[q->depth++] = (opener){i, single, straight, p};
        } else if (role < 0) {
            int d;
            for (d = q->depth - 1; d >= 0; d--)
                if (q->stack[d].single == single)
                    break;
            if (d < 0)
                continue; /* stray closing mark (or an apostrophe) */
            /* a double mark never closes across an open single quote: drop those */
            opener o = q->stack[d];
            q->depth = d;
            uint32_t flags = o.para != p ? QD_QUOTED_MULTIPARA : 0;
            if ((rc = add_quoted(q, o.tok, i, true, 0, flags)) != 0)
                return rc;
        }
    }
    /* paragraph end */
    bool next_body = p + 1 < doc->n_paragraphs && doc->paragraphs[p + 1].role == QD_PARA_BODY;
    bool carry = false;
    if (q->depth > 0 && next_body && para_opens_with_quote(doc, p + 1) &&
        !qd_quote_speaker_label(doc, in->para_first_token[p + 1])) {
        /* only the outermost double quote carries over */
        int outer = -1;
        for (int d = 0; d < q->depth; d++)
            if (!q->stack[d].single) {
                outer = d;
                break;
            }
        if (outer >= 0) {
            opener o = q->stack[outer];
            /* close everything above it in this paragraph */
            int keep = q->depth;
            q->depth = keep;
            rc = 0;
            while (q->depth > outer + 1) {
                opener *x = &q->stack[q->depth - 1];
                if (!x->single && (rc = add_quoted(q, x->tok, 0, false, tok[b - 1].end, 0)) != 0)
                    return rc;
                q->depth--;
            }
            q->stack[0] = o;
            q->depth = 1;
            carry = true;
        }
    }
    if ((rc = close_leftovers(q, tok[b - 1].end, a, b, carry)) != 0)
        return rc;
    *carried = carry && q->depth == 1;
    return 0;
}

static int cmp_quoted(const void *x, const void *y)
{
    const qd_quoted *a = x, *b = y;
    if (a->outer.start != b->outer.start)
        return a->outer.start < b->outer.start ? -1 : 1;
    /* outer before inner */
    if (a->outer.end != b->outer.end)
        return a->outer.end > b->outer.end ? -1 : 1;
    return 0;
}

/* Does a broadcaster or a guest appearance come right before the quote opening at
 * token `first`: "CNN’s", "Fox News channel’s", "NBC's", "appearance on", "appeared on"? */
static bool media_before(const qd_doc *doc, uint32_t first)
{
    const qd_token *tok = doc->in->tokens;
    const qd_lexicon *lx = doc->in->lx;
    uint32_t b = first;
    while (b > 0 && tok[b - 1].kind == QD_TK_QUOTE)
        b--;
    if (b == 0 || tok[b - 1].kind != QD_TK_WORD || tok[b - 1].paragraph != tok[first].paragraph)
        return false;
    const qd_token *w = &tok[b - 1];
    if (qd_tok_possessive(w)) {
        /* the broadcaster's name, or a word for one */
        static const char *const media_words[] = {"channel", "network", "television", "radio", "station"};
        uint32_t n = qd_tok_base_len(w);
        for (size_t k = 0; k < sizeof(media_words) / sizeof(media_words[0]); k++)
            if (strlen(media_words[k]) == n && !strncmp(w->norm, media_words[k], n))
                return true;
        for (uint32_t a = b - 1 >= 3 ? b - 4 : 0; a < b; a++) {
            uint32_t v;
            uint32_t len = qd_match_phrase(doc, &lx->outlets, a, b, true, &v);
            if (len && a + len == b)
                return true;
            len = qd_match_phrase(doc, &lx->nouns, a, b, true, &v);
            if (len && a + len == b && v == QD_NC_MEDIA)
                return true;
        }
        return false;
    }
    if (b >= 2 && qd_norm_is(w, "on") && tok[b - 2].kind == QD_TK_WORD) {
        const char *p = tok[b - 2].norm;
        return !strcmp(p, "appearance") || !strcmp(p, "appeared") || !strcmp(p, "appearing") || !strcmp(p, "appears");
    }
    return false;
}

/* A quoted span that is a name or a title, judging by its words and neighbours. */
static qd_quoted_type intrinsic_type(const qd_doc *doc, const qd_quoted *x)
{
    const qd_doc_internal *in = doc->in;
    const qd_token *tok = in->tokens;
    const qd_lexicon *lx = in->lx;
    /* tokens inside */
    uint32_t first = UINT32_MAX, last = 0, words = 0, caps = 0;
    for (uint32_t i = qd_token_at(doc, x->inner.start); i < in->n_tokens && tok[i].start < x->inner.end; i++) {
        if (words > 8)
            break;
        if (tok[i].end <= x->inner.end) {
            if (first == UINT32_MAX)
                first = i;
            last = i;
            if (tok[i].kind == QD_TK_WORD) {
                words++;
                if ((tok[i].flags & QD_TF_CAP) || (tok[i].lex && (tok[i].lex->tags & QD_W_FUNCTION)))
                    caps++;
            }
        }
    }
    if (first == UINT32_MAX)
        return QD_QUOTED_SPEECH;
    if (words == 0) {
        /* numbers, dates, ids in quotation marks are not speech */
        return QD_QUOTED_NAME;
    }
    if (words > 8)
        return QD_QUOTED_SPEECH;
    bool all_caps = caps == words && (tok[first].flags & QD_TF_CAP);
    if (!all_caps)
        return QD_QUOTED_SPEECH;
    /* A capitalised name owned by a broadcaster is a show, even when a comma follows it
     * ("Sunday on Fox News channel’s “Sunday Morning Futures,” Rep. Issa said"), and so is
     * one a guest appears on ("in an appearance on “Morning Joe,”"). */
    if (words <= 6 && media_before(doc, first))
        return QD_QUOTED_TITLE;
    /* Capitalised words that do not end a sentence: the name of a show, a slogan, a
     * label ("Morning Joe", "Southern Strategy"), unless a verb of naming or speaking
     * introduces them ("called her “Miss Piggy”", "said: “Yes”"). */
    /* A full stop at the end belongs to the writer's sentence in American punctuation
     * ("host of “The Nightly Show with Larry Wilmore.”"); only a stop with words after
     * it, or an exclamation or question, makes the span a sentence of its own. */
    bool sentence_end = false;
    for (uint32_t i = first; i <= last; i++)
        if (qd_tok_is(&tok[i], '.') || qd_tok_is(&tok[i], '!') || qd_tok_is(&tok[i], '?')) {
            bool words_after = false;
            for (uint32_t k = i + 1; k <= last; k++)
                if (tok[k].kind == QD_TK_WORD || tok[k].kind == QD_TK_NUM)
                    words_after = true;
            if (words_after)
                sentence_end = true;
            else if (!qd_tok_is(&tok[i], '.'))
                sentence_end = words > 3;
        }
    if (!sentence_end && words <= 8) {
        uint32_t b0 = first;
        while (b0 > 0 && tok[b0 - 1].kind == QD_TK_QUOTE)
            b0--;
        bool introduced = false;
        for (uint32_t k = b0; k > 0 && k + 5 > b0; k--) {
            const qd_token *p = &tok[k - 1];
            if (p->paragraph != x->paragraph || p->kind == QD_TK_QUOTE)
                break;
            if (p->lex && p->lex->verb >= 0 && (k + 1 >= b0 || (in->lx->verbs[p->lex->verb].frames & QD_VFR_OBJ)))
                introduced = true;
            if (qd_tok_is(p, ':'))
                introduced = true;
        }
        /* "“Nonsense,” the colonel said": a comma before the closing mark, or a speech
         * verb right after it, makes it speech too */
        if (qd_tok_is(&tok[last], ','))
            introduced = true;
        for (uint32_t k = last + 1; k < in->n_tokens && k < last + 6 && !introduced; k++) {
            if (tok[k].paragraph != x->paragraph)
                break;
            if (tok[k].lex && tok[k].lex->verb >= 0 && !(tok[k].flags & QD_TF_CAP))
                introduced = true;
            if (qd_tok_is(&tok[k], '.') || qd_tok_is(&tok[k], ';'))
                break;
        }
        if (!introduced)
            return QD_QUOTED_TITLE;
    }
    /* the word after the closing mark: "the “Interfax” agency" */
    uint32_t after = last + 1;
    while (after < in->n_tokens && tok[after].kind == QD_TK_QUOTE)
        after++;
    uint32_t v;
    if (after < in->n_tokens && tok[after].paragraph == x->paragraph &&
        qd_match_phrase(doc, &lx->nouns, after, in->n_tokens, false, &v) &&
        (v == QD_NC_MEDIA || v == QD_NC_ORG))
        return QD_QUOTED_NAME;
    if (qd_match_phrase(doc, &lx->outlets, first, last + 1, false, &v) == last + 1 - first)
        return QD_QUOTED_NAME;
    /* the word before the opening mark: "the book “Fire and Fury”", "titled “...”" */
    uint32_t before = first;
    while (before > 0 && tok[before - 1].kind == QD_TK_QUOTE)
        before--;
    if (before > 0) {
        static const char *const title_cues[] = {"book",   "film",     "movie",  "song",     "album",
                                                 "novel",  "titled",   "entitled", "headline", "show",
                                                 "series", "documentary", "play", "poem", "memoir", "essay",
                                                 "column", "program", "programme", "report"};
        const qd_token *b = &tok[before - 1];
        /* an appositive title: "the reality TV show, “The Apprentice,”" */
        if (qd_tok_is(b, ',') && before >= 2)
            b = &tok[before - 2];
        for (size_t k = 0; k < sizeof(title_cues) / sizeof(title_cues[0]); k++)
            if (b->kind == QD_TK_WORD && strcmp(b->norm, title_cues[k]) == 0 && words >= 2)
                return QD_QUOTED_TITLE;
    }
    return QD_QUOTED_SPEECH;
}

/* The first token from `from` on that ends after offset off (the walk of the tokens
 * in text order, by halves: their ends only grow). */
static uint32_t first_ending_after(const qd_token *tok, uint32_t from, uint32_t n, uint32_t off)
{
    /* (ending after off: at off + 1 or later; offsets are below the 16 MiB document limit) */
    return qd_first_at_least(tok, sizeof(qd_token), offsetof(qd_token, end), from, n, off + 1);
}

int qd_quotes_find(qd_doc *doc, qd_analysis *an, qd_error *err)
{
    qstate q = {doc, an, err, {{0}}, 0, 0, NULL, 0, 0};
    bool carried = false;
    int rc;
    q.marks = qd_arena_alloc(&doc->in->arena, (doc->in->n_tokens + 1) * sizeof(uint32_t));
    if (!q.marks)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    const qd_token *tok0 = doc->in->tokens;
    uint32_t n_tok = doc->in->n_tokens, n_marks = 0;
    uint32_t *marks = q.marks; /* (locals: the stores cannot change them) */
    for (uint32_t i = 0; i < n_tok; i++)
        if (tok0[i].kind == QD_TK_QUOTE)
            marks[n_marks++] = i;
    q.n_marks = n_marks;
    for (uint32_t p = 0; p < doc->n_paragraphs; p++) {
        if (doc->paragraphs[p].role != QD_PARA_BODY && doc->paragraphs[p].role != QD_PARA_TITLE) {
            if (carried) {
                uint32_t a = doc->in->para_first_token[p];
                if (a > 0 && (rc = add_quoted(&q, q.stack[0].tok, 0, false, doc->in->tokens[a - 1].end, 0)) != 0)
                    return rc;
                q.depth = 0;
                carried = false;
            }
            continue;
        }
        if ((rc = pair_paragraph(&q, p, &carried)) != 0)
            return rc;
    }
    if (carried && q.depth > 0) {
        uint32_t n = doc->in->n_tokens;
        if ((rc = add_quoted(&q, q.stack[0].tok, 0, false, doc->in->tokens[n - 1].end, 0)) != 0)
            return rc;
    }
    if (an->n_quoted > 1)
        qsort(an->quoted, an->n_quoted, sizeof(qd_quoted), cmp_quoted);

    /* nesting, token membership, intrinsic type, full-sentence flag */
    qd_token *tok = doc->in->tokens;
    /* spans are sorted outer-first, so the enclosing span of each is on a stack of the
     * spans still open at its start */
    int32_t *open = qd_arena_alloc(&doc->in->arena, (an->n_quoted + 1) * sizeof(int32_t));
    if (!open)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    uint32_t depth = 0;
    for (uint32_t k = 0; k < an->n_quoted; k++) {
        qd_quoted *x = &an->quoted[k];
        while (depth > 0 && an->quoted[open[depth - 1]].outer.end < x->outer.end)
            depth--;
        x->parent = depth > 0 && an->quoted[open[depth - 1]].outer.start <= x->outer.start ? open[depth - 1] : -1;
        open[depth++] = (int32_t)k;
        x->type = intrinsic_type(doc, x);
    }
    /* innermost span per token: later (inner) spans overwrite outer ones */
    uint32_t t = 0;
    for (uint32_t k = 0; k < an->n_quoted; k++) {
        qd_quoted *x = &an->quoted[k];
        t = first_ending_after(tok, t, doc->in->n_tokens, x->outer.start);
        for (uint32_t i = t; i < doc->in->n_tokens && tok[i].start < x->outer.end; i++)
            tok[i].quoted = (int32_t)k;
    }
    for (uint32_t k = 0; k < an->n_quoted; k++) {
        qd_quoted *x = &an->quoted[k];
        /* a full quote: starts with a capital and holds a sentence end, or is long */
        uint32_t words = 0;
        bool cap_start = false, term = false;
        bool seen_first = false;
        for (uint32_t i = qd_token_at(doc, x->inner.start); i < doc->in->n_tokens; i++) {
            if (tok[i].end > x->inner.end)
                break;
            if (tok[i].kind == QD_TK_WORD || tok[i].kind == QD_TK_NUM) {
                if (!seen_first)
                    cap_start = (tok[i].flags & QD_TF_CAP) || tok[i].kind == QD_TK_NUM;
                seen_first = true;
                words++;
            }
            if (qd_tok_is(&tok[i], '.') || qd_tok_is(&tok[i], '?') || qd_tok_is(&tok[i], '!'))
                term = true;
        }
        if ((cap_start && (term || words >= 6)) || words >= 12)
            x->flags |= QD_QUOTED_FULL;
    }
    return 0;
}
