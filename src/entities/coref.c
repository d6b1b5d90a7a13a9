/*
 * coref.c - mentions to entities within one document.
 *
 * Names first: a name joins an entity with the same surname (spelling variants folded by
 * the name-variant lexicon) when the first names agree, differ only in transliteration,
 * or one is missing; so "Sergei Lavrov", "Sergey Lavrov", "Lavrov" and "Mr. Lavrov" are
 * one person.  Then, in reading order, every other mention: role nouns go to the person
 * the article gave that role ("the foreign minister" -> Lavrov), preferring people whose
 * roles do not contradict each other or the people lexicon; pronouns go to the nearest
 * fitting, salient mention before them; organisations, governments and outlets merge by
 * their normalised names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/match.h"
#include "../text/utf8.h"
#include "entities.h"

typedef struct eaux {
    int32_t last_mention;   /* most recent mention (for recency) */
    const char *first, *last;
    uint32_t nfirst, nlast; /* their lengths, measured once: names are compared often */
    /* person: the name mention with the longest written form (the first of the longest),
     * its display name; kept as resolve_names gives the mentions to it, -1 */
    int32_t best_name;
    uint32_t best_len;
    const char *country;    /* from role titles */
    const char *org;
    int32_t roles[8];       /* roles lexicon entries given to the person */
    const char *role_country[8];
    uint32_t n_roles;
    const char *okey;       /* organisations: normalised name */
    int32_t next_okey;      /* the next entity with the same okey, -1 */
    bool conflict;
} eaux;

/* Facts about a mention that pronoun resolution asks of every candidate it weighs:
 * worked out once per document rather than again for each pronoun (a sentence's
 * subject was found by walking back over the sentence's mentions, per candidate). */
enum {
    MF_SUBJECT = 1u << 0, /* the first mention of its sentence that may be a subject */
    MF_TITLE = 1u << 1,   /* in the headline */
    MF_IN_QUOTE = 1u << 2 /* inside quoted words (qd_mx.in_quote, kept here to walk
                           * the mentions without touching their large records) */
};

/* The mentions a pronoun may stand for, in reading order: those already given an entity,
 * outside the headline, one list outside quoted words and one inside (a pronoun looks
 * only in its own).  The reading-order pass adds each mention once it is settled, so a
 * pronoun walks back over these alone instead of every mention before it. */
typedef struct antecedents {
    uint32_t *v[2];       /* [in_quote] */
    uint32_t n[2];
} antecedents;

typedef struct cstate {
    qd_actx *c;
    eaux *aux;
    uint32_t n_aux, cap_aux;
    uint8_t *mflags;        /* per mention, MF_* */
    /* the person-name mentions, in order: gathered with the flags so that resolve_names
     * walks these alone, not every mention */
    uint32_t *names;
    uint32_t n_names;
    antecedents ante;
    qd_strmap okeys;        /* organisation key -> first entity with it (see resolve_org) */
    /* The person entities given at least one role, in entity order: a role noun can only
     * be a person with a role, so resolve_role weighs these instead of every entity (a
     * document has a few of them among hundreds of entities).  Room for every entity with
     * an aux (ensure_aux keeps it so), each listed at most once. */
    int32_t *role_people;
    uint32_t n_role_people, cap_role_people;
    int32_t writer;         /* the entity of "I", -1 until there is one */
} cstate;

int32_t qd_entity_new(qd_actx *c, int32_t m)
{
    qd_arena *A = &c->doc->in->arena;
    qd_analysis *an = c->an;
    qd_entity *e = QD_VEC_PUSH(A, an->entities, an->n_entities, c->cap_entities);
    if (!e)
        return -1;
    e->kind = c->mx[m].kind;
    e->gender = c->mx[m].gender ? c->mx[m].gender : '?';
    e->first_mention = m;
    return (int32_t)an->n_entities - 1;
}

/* An eaux for every entity made so far.  A new one starts empty: its fields are set one
 * by one rather than the whole record zeroed, its role arrays being read only below
 * n_roles. */
static int ensure_aux(cstate *s)
{
    qd_actx *c = s->c;
    uint32_t need = c->an->n_entities;
    if (need > s->cap_aux) {
        eaux *p = qd_arena_grow_array(&c->doc->in->arena, s->aux, &s->cap_aux, need, sizeof(eaux));
        if (!p)
            return -1;
        s->aux = p;
    }
    if (need > s->cap_role_people) {
        int32_t *r = qd_arena_grow_array(&c->doc->in->arena, s->role_people, &s->cap_role_people, need,
                                         sizeof(int32_t));
        if (!r)
            return -1;
        s->role_people = r;
    }
    for (; s->n_aux < need; s->n_aux++) {
        eaux *a = &s->aux[s->n_aux];
        a->last_mention = 0;
        a->first = a->last = NULL;
        a->nfirst = a->nlast = 0;
        a->best_name = -1;
        a->best_len = 0;
        a->country = a->org = NULL;
        a->n_roles = 0;
        a->okey = NULL;
        a->next_okey = 0;
        a->conflict = false;
    }
    return 0;
}

/* Are a and b (na and nb bytes) at most k edits apart (Levenshtein: insertions,
 * deletions, substitutions)?  Names longer than 30 bytes never are.  Lengths further
 * apart than k need more edits than that, and the least value of a row of the table
 * never falls in the rows below it, so a row above k ends the search. */
static bool within_edits(const char *a, size_t na, const char *b, size_t nb, int k)
{
    if (na > 30 || nb > 30 || (na > nb ? na - nb : nb - na) > (size_t)k)
        return false;
    int row[32]; /* the table's row i: the distance from a's first i bytes to b's first j */
    for (size_t j = 0; j <= nb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        int diag = row[0];
        row[0] = (int)i;
        int least = row[0];
        for (size_t j = 1; j <= nb; j++) {
            int v = diag + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < v)
                v = row[j] + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            diag = row[j];
            row[j] = v;
            if (v < least)
                least = v;
        }
        if (least > k)
            return false;
    }
    return row[nb] <= k;
}

/* Are a and b (la and lb bytes) the same string? */
static inline bool same_text(const char *a, size_t la, const char *b, size_t lb)
{
    return la == lb && memcmp(a, b, la) == 0;
}

/* Are a and b (na and nb bytes) at most one edit apart: what within_edits(a, na, b, nb,
 * 1) says, in one pass.  Past their common beginning, the rest of one must equal the
 * rest of the other with its first byte substituted (same lengths) or dropped (from
 * the longer). */
static bool one_edit_apart(const char *a, size_t na, const char *b, size_t nb)
{
    if (na > 30 || nb > 30 || (na > nb ? na - nb : nb - na) > 1)
        return false;
    size_t p = 0;
    while (p < na && p < nb && a[p] == b[p])
        p++;
    if (p == na || p == nb)
        return true; /* equal, or one is the other and one more byte */
    size_t skip_a = na >= nb, skip_b = nb >= na;
    return memcmp(a + p + skip_a, b + p + skip_b, na - p - skip_a) == 0;
}

/* Two spellings of one given name (la and lb bytes): equal, an initial, or a
 * transliteration (same first letter, at most two edits apart: Antony/Anthony,
 * Sergei/Sergey). */
static bool first_names_agree(const char *a, size_t la, const char *b, size_t lb)
{
    if (!a || !b)
        return true;
    if (same_text(a, la, b, lb))
        return true;
    if (a[0] != b[0])
        return false;
    if (la == 1 || lb == 1)
        return true;
    return la >= 4 && lb >= 4 && within_edits(a, la, b, lb, 2);
}

static bool surnames_agree(const char *a, size_t la, const char *b, size_t lb)
{
    if (!a || !b)
        return false;
    if (same_text(a, la, b, lb))
        return true;
    /* Zelensky/Zelenskyy when the lexicon does not know them */
    return la >= 6 && lb >= 6 && a[0] == b[0] && one_edit_apart(a, la, b, lb);
}

static const char *role_key(const qd_actx *c, int32_t r)
{
    return r >= 0 ? c->lx->role_list[r].key : NULL;
}

static void add_role(cstate *s, int32_t e, int32_t role, const char *country)
{
    eaux *x = &s->aux[e];
    if (role < 0)
        return;
    if (x->n_roles == 0 && s->c->an->entities[e].kind == QD_ENT_PERSON) {
        /* its first role: into role_people in entity order (appositions come out of it) */
        uint32_t i = s->n_role_people;
        while (i > 0 && s->role_people[i - 1] > e) {
            s->role_people[i] = s->role_people[i - 1];
            i--;
        }
        s->role_people[i] = e;
        s->n_role_people++;
    }
    for (uint32_t i = 0; i < x->n_roles; i++)
        if (x->roles[i] == role && (!country || !x->role_country[i] || strcmp(country, x->role_country[i]) == 0)) {
            if (!x->role_country[i])
                x->role_country[i] = country;
            return;
        }
    if (x->n_roles < 8) {
        x->roles[x->n_roles] = role;
        x->role_country[x->n_roles] = country;
        x->n_roles++;
    }
}

/* a, sep and the first bn bytes of b, in the arena: what qd_arena_printf("%s%c%.*s")
 * would make, without the formatting machinery (keys and role strings are made
 * thousands of times a corpus). */
static char *join(qd_arena *A, const char *a, char sep, const char *b, size_t bn)
{
    size_t an = strlen(a);
    char *p = qd_arena_alloc(A, an + 1 + bn + 1);
    if (!p)
        return NULL;
    memcpy(p, a, an);
    p[an] = sep;
    memcpy(p + an + 1, b, bn);
    p[an + 1 + bn] = '\0';
    return p;
}

/* The lower-cased text of tokens [a, b) without determiners and possessive endings, in
 * buf (not terminated); returns its length. */
static size_t span_text(const qd_actx *c, uint32_t a, uint32_t b, char buf[static 256])
{
    const qd_token *tok = c->doc->in->tokens;
    size_t o = 0;
    for (uint32_t i = a; i < b; i++) {
        const qd_token *t = &tok[i];
        if (t->kind != QD_TK_WORD && t->kind != QD_TK_NUM)
            continue;
        if (t->lex && (t->lex->tags & (QD_W_DET | QD_W_POSS)))
            continue;
        uint32_t n = qd_tok_base_len(t);
        if (o + n + 2 >= 256)
            break;
        if (o)
            buf[o++] = ' ';
        memcpy(buf + o, t->norm, n);
        o += n;
    }
    return o;
}

/* span_text in the arena. */
static const char *span_key(qd_actx *c, uint32_t a, uint32_t b)
{
    char buf[256];
    size_t n = span_text(c, a, b, buf);
    return qd_arena_strndup(&c->doc->in->arena, buf, n);
}

/* The white space a display name collapses (one test for the common bytes above ' '). */
static inline bool name_space(char ch)
{
    return (unsigned char)ch <= ' ' && (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r');
}

/* Display text of tokens [a, b), determiners at the start dropped. */
static const char *display(qd_actx *c, uint32_t a, uint32_t b)
{
    const qd_token *tok = c->doc->in->tokens;
    while (a + 1 < b && tok[a].lex && (tok[a].lex->tags & (QD_W_DET | QD_W_POSS)))
        a++;
    uint32_t end = tok[b - 1].end;
    if (qd_tok_possessive(&tok[b - 1])) {
        /* drop "'s" or "’s" as written */
        const char *t = c->doc->text;
        if (end >= tok[b - 1].start + 4 && (unsigned char)t[end - 4] == 0xE2 && (unsigned char)t[end - 3] == 0x80 &&
            (unsigned char)t[end - 2] == 0x99)
            end -= 4;
        else
            end -= 2;
    }
    const char *s = c->doc->text + tok[a].start;
    size_t n = end - tok[a].start;
    char *out = qd_arena_alloc(&c->doc->in->arena, n + 1);
    if (!out)
        return NULL;
    /* collapse whitespace (a name may break over a line): each run of it between two
     * words one space, none at either end; the words copied a run at a time */
    size_t o = 0, i = 0;
    while (i < n) {
        while (i < n && !name_space(s[i]))
            out[o++] = s[i++];
        while (i < n && name_space(s[i]))
            i++;
        if (i < n && o > 0)
            out[o++] = ' ';
    }
    out[o] = '\0';
    return out;
}

/* ---- names ---------------------------------------------------------------------- */

/* Is the person of name mention x (given name nfirst bytes, surname nlast) the entity
 * of a? */
static bool same_person(const eaux *a, const qd_mx *x, size_t nfirst, size_t nlast)
{
    if (surnames_agree(a->last, a->nlast, x->last, nlast) && first_names_agree(a->first, a->nfirst, x->first, nfirst))
        return true;
    /* "Hillary" alone for Hillary Clinton */
    return !x->first && a->first && same_text(a->first, a->nfirst, x->last, nlast);
}

/* Each name joins the first (oldest) person entity whose names agree with it, or makes
 * one.  Agreeing names share a first letter (the surnames', or the mention's surname and
 * the entity's given name: "Hillary"), so the people are kept in chains by those letters
 * and only the chains of the mention's letter are weighed: by_last[ch] links (through
 * next_last) the entities whose surname starts with byte ch, by_first[ch] (next_first)
 * those whose given name does, when the surname does not.  Chains run oldest first, and
 * the oldest match of the two wins, as a scan of all entities in order would find it. */
static int resolve_names(cstate *s)
{
    qd_actx *c = s->c;
    qd_analysis *an = c->an;
    int32_t by_last[256], last_tail[256], by_first[256];
    /* all -1 (every byte 0xff) */
    memset(by_last, 0xff, sizeof(by_last));
    memset(last_tail, 0xff, sizeof(last_tail));
    memset(by_first, 0xff, sizeof(by_first));
    /* (every entity made here is a name mention's: at most one per mention) */
    uint32_t base = an->n_entities, cap = an->n_mentions + 1;
    int32_t *next_last = qd_arena_alloc(&c->doc->in->arena, cap * sizeof(int32_t));
    int32_t *next_first = qd_arena_alloc(&c->doc->in->arena, cap * sizeof(int32_t));
    if (!next_last || !next_first)
        return QD_ENOMEM;
    for (uint32_t i = 0; i < s->n_names; i++) {
        uint32_t m = s->names[i];
        qd_mx *x = &c->mx[m];
        unsigned char ch = (unsigned char)x->last[0];
        size_t nfirst = x->first ? strlen(x->first) : 0, nlast = strlen(x->last);
        int32_t best = -1;
        for (int32_t e = by_last[ch]; e >= 0 && best < 0; e = next_last[e - base])
            if (same_person(&s->aux[e], x, nfirst, nlast))
                best = e;
        for (int32_t e = by_first[ch]; e >= 0 && (best < 0 || e < best); e = next_first[e - base])
            if (same_person(&s->aux[e], x, nfirst, nlast)) {
                best = e;
                break;
            }
        if (best < 0) {
            best = qd_entity_new(c, (int32_t)m);
            if (best < 0 || ensure_aux(s) != 0)
                return QD_ENOMEM;
        }
        eaux *a = &s->aux[best];
        if (!a->last) {
            /* a new entity: the newest of its surname's chain */
            a->last = x->last;
            a->nlast = (uint32_t)nlast;
            unsigned char lc = (unsigned char)a->last[0];
            next_last[best - base] = -1;
            if (last_tail[lc] < 0)
                by_last[lc] = best;
            else
                next_last[last_tail[lc] - base] = best;
            last_tail[lc] = best;
        }
        if (x->first && !a->first) {
            /* (given later than the entity was made: put in its place by age) */
            a->first = x->first;
            a->nfirst = (uint32_t)nfirst;
            unsigned char fc = (unsigned char)a->first[0];
            if (fc != (unsigned char)a->last[0]) {
                int32_t *link = &by_first[fc];
                while (*link >= 0 && *link < best)
                    link = &next_first[*link - base];
                next_first[best - base] = *link;
                *link = best;
            }
        }
        an->mentions[m].entity = best;
        a->last_mention = (int32_t)m;
        uint32_t len = c->doc->in->tokens[x->hb - 1].end - c->doc->in->tokens[x->ha].start;
        if (len > a->best_len) {
            a->best_len = len;
            a->best_name = (int32_t)m;
        }
        if (x->gender && an->entities[best].gender == '?')
            an->entities[best].gender = x->gender;
        add_role(s, best, x->role, x->country);
    }
    return 0;
}

/* Canonical display names and keys for persons; lexicon facts (gender, role). */
static int name_entities(cstate *s)
{
    qd_actx *c = s->c;
    qd_analysis *an = c->an;
    qd_arena *A = &c->doc->in->arena;
    for (uint32_t e = 0; e < an->n_entities; e++) {
        qd_entity *en = &an->entities[e];
        eaux *a = &s->aux[e];
        if (en->kind != QD_ENT_PERSON || !a->last || en->name)
            continue;
        /* spelled canonically when the variant lexicon knows the given name */
        int32_t best_m = a->best_name;
        if (best_m < 0)
            continue;
        qd_mx *bx = &c->mx[best_m];
        const qd_token *tok = c->doc->in->tokens;
        const char *written = display(c, bx->ha, bx->hb);
        char buf[256];
        if (a->first && bx->hb - bx->ha >= 2) {
            /* rebuild "First ... Last" with canonical first and last names */
            const qd_lexword *fw = tok[bx->ha].lex;
            const char *first_disp = NULL;
            if (fw && fw->variant >= 0)
                first_disp = c->lx->variant_names[fw->variant];
            const qd_token *lt = &tok[bx->hb - 1];
            uint32_t ln = qd_tok_base_len(lt);
            /* a word carries the lexicon entry of its whole norm: asked again only
             * without a possessive ending */
            const qd_lexword *lw = ln == lt->normlen && (lt->kind == QD_TK_WORD || lt->kind == QD_TK_NUM)
                                       ? lt->lex
                                       : qd_lex_word(c->lx, lt->norm, ln);
            const char *last_disp = lw && lw->variant >= 0 ? c->lx->variant_names[lw->variant] : NULL;
            if (first_disp || last_disp) {
                const char *w = written;
                const char *sp1 = strchr(w, ' ');
                const char *spl = strrchr(w, ' ');
                if (sp1 && spl) {
                    snprintf(buf, sizeof(buf), "%s%.*s%s", first_disp ? first_disp : "",
                             first_disp ? (int)(spl - sp1 + 1) : (int)(spl - w + 1), first_disp ? sp1 : w,
                             last_disp ? last_disp : spl + 1);
                    written = qd_arena_strdup(A, buf);
                }
            }
        }
        en->name = written;
        en->key = a->first ? join(A, a->last, '|', a->first, 1) : qd_arena_strdup(A, a->last);
        /* the people lexicon: gender and the role the person is known for */
        /* (a key needs up to 4 bytes per input byte; longer names are in no lexicon) */
        if (en->name && strlen(en->name) < 256 / 4) {
            uint32_t v;
            char key[256];
            size_t kl = qd_lex_key(en->name, strlen(en->name), key);
            if (qd_lex_phrase(&c->lx->people, key, kl, &v)) {
                const qd_person *p = &c->lx->person_list[v];
                if (en->gender == '?' && (p->gender == 'm' || p->gender == 'f'))
                    en->gender = p->gender;
                uint32_t rv;
                /* the (first) role entry with this key, to compare against */
                if (qd_strmap_get(&c->lx->role_keys, p->role_key, strlen(p->role_key), &rv)) {
                    /* known role counts as the reference: any given role whose country
                     * differs from the known one contradicts it */
                    for (uint32_t k = 0; k < a->n_roles; k++) {
                        const char *rc = a->role_country[k];
                        bool diff_country = rc && strcmp(rc, p->country) != 0;
                        const char *gk = role_key(c, a->roles[k]);
                        bool diff_role = gk && strcmp(gk, "*") != 0 && strcmp(gk, p->role_key) != 0;
                        if (diff_country || (diff_role && rc && strcmp(rc, p->country) != 0)) {
                            a->conflict = true;
                            en->role_conflict = qd_arena_printf(A, "%s%s%s", rc ? rc : "", rc ? " " : "",
                                                                c->lx->role_list[a->roles[k]].phrase);
                        }
                    }
                    add_role(s, (int32_t)e, (int32_t)rv, p->country);
                }
            }
        }
        /* roles that contradict each other: same person, two countries */
        for (uint32_t i = 0; i < a->n_roles && !a->conflict; i++)
            for (uint32_t j = i + 1; j < a->n_roles; j++)
                if (a->role_country[i] && a->role_country[j] && strcmp(a->role_country[i], a->role_country[j]) != 0) {
                    a->conflict = true;
                    en->role_conflict = qd_arena_printf(A, "%s %s / %s %s", a->role_country[i],
                                                        c->lx->role_list[a->roles[i]].phrase, a->role_country[j],
                                                        c->lx->role_list[a->roles[j]].phrase);
                    break;
                }
    }
    return 0;
}

/* ---- everything else, in reading order ------------------------------------------ */

static bool gender_fits(char want, const qd_entity *e)
{
    if (want == 'm' || want == 'f')
        return e->kind == QD_ENT_PERSON && (e->gender == want || e->gender == '?');
    if (want == 'p')
        return e->kind == QD_ENT_GROUP || e->kind == QD_ENT_ORG || e->kind == QD_ENT_GOV ||
               e->kind == QD_ENT_ANONYMOUS || e->kind == QD_ENT_MEDIA || e->gender == 'p';
    if (want == 'n')
        return e->kind == QD_ENT_ORG || e->kind == QD_ENT_GOV || e->kind == QD_ENT_DOCUMENT ||
               e->kind == QD_ENT_MEDIA;
    return true;
}

/* Can mention k be a subject: not the object of a preposition ("the murder of Father
 * Jacques Hamel"), not a possessive ("In her speech, Rhimes declared")? */
static bool may_be_subject(qd_actx *c, uint32_t k)
{
    const qd_mx *x = &c->mx[k];
    const qd_token *tok = c->doc->in->tokens;
    if (x->in_quote || x->possessive)
        return false;
    if (x->ta > 0 && tok[x->ta - 1].kind == QD_TK_WORD && tok[x->ta - 1].lex &&
        (tok[x->ta - 1].lex->tags & QD_W_PREP))
        return false;
    return true;
}

/* MF_* of every mention, and the person-name mentions (cstate.names).  A mention is the
 * subject of its sentence when it is the first one there that may be one (the mentions of
 * a sentence are consecutive). */
static int mention_flags(cstate *s)
{
    qd_actx *c = s->c;
    const qd_analysis *an = c->an;
    const qd_token *tok = c->doc->in->tokens;
    s->mflags = qd_arena_calloc(&c->doc->in->arena, an->n_mentions + 1, 1);
    s->names = qd_arena_alloc(&c->doc->in->arena, (an->n_mentions + 1) * sizeof(uint32_t));
    if (!s->mflags || !s->names)
        return QD_ENOMEM;
    bool seen = false; /* a possible subject earlier in this sentence */
    uint32_t sent = an->n_mentions ? an->mentions[0].sentence : 0;
    for (uint32_t k = 0; k < an->n_mentions; k++) {
        const qd_mention *pm = &an->mentions[k];
        const qd_mx *x = &c->mx[k];
        if (pm->sentence != sent) {
            sent = pm->sentence;
            seen = false;
        }
        if (pm->kind == QD_MENTION_NAME && x->kind == QD_ENT_PERSON && x->last)
            s->names[s->n_names++] = k;
        /* (past the first, whether a mention may be a subject changes nothing) */
        if (!seen && may_be_subject(c, k)) {
            s->mflags[k] |= MF_SUBJECT;
            seen = true;
        }
        if (c->doc->paragraphs[tok[x->ta].paragraph].role == QD_PARA_TITLE)
            s->mflags[k] |= MF_TITLE;
        if (x->in_quote)
            s->mflags[k] |= MF_IN_QUOTE;
    }
    return 0;
}

/* Mention m, settled with an entity, as a possible antecedent (see antecedents). */
static void add_antecedent(cstate *s, uint32_t m)
{
    uint8_t f = s->mflags[m];
    if (f & MF_TITLE)
        return;
    bool q = (f & MF_IN_QUOTE) != 0;
    s->ante.v[q][s->ante.n[q]++] = m;
}

/* Is entity e named after pronoun m in m's sentence?  A pronoun that is no possessive does
 * not stand for a name that follows it in its own sentence: in "According to him, Blinken
 * and Lavrov agreed" and "He said Obama would win", "him" and "he" are someone else.  A
 * possessive may ("In his speech, Obama said"), so it is not asked. */
static bool named_later(qd_actx *c, uint32_t m, int32_t e)
{
    const qd_analysis *an = c->an;
    uint32_t sent = an->mentions[m].sentence;
    for (uint32_t k = m + 1; k < an->n_mentions && an->mentions[k].sentence == sent; k++)
        if (an->mentions[k].kind == QD_MENTION_NAME && an->mentions[k].entity == e && !c->mx[k].in_quote)
            return true;
    return false;
}

/* Pronoun: the nearest earlier mention of a fitting entity, favouring subjects (the first
 * mention of a sentence that is no possessive and no object of a preposition) over
 * objects once we look past the current sentence. */
static int32_t resolve_pronoun(cstate *s, uint32_t m)
{
    qd_actx *c = s->c;
    qd_analysis *an = c->an;
    qd_mx *x = &c->mx[m];
    uint32_t sent = an->mentions[m].sentence;
    int32_t best = -1;
    int best_score = -1000;
    /* the entities named after the pronoun in its sentence, gathered once rather than
     * looked for again for every candidate (nearly always none or one) */
    int32_t later[8];
    int n_later = 0;
    if (!x->possessive)
        for (uint32_t k = m + 1; k < an->n_mentions && an->mentions[k].sentence == sent; k++)
            if (an->mentions[k].kind == QD_MENTION_NAME && !c->mx[k].in_quote) {
                if (n_later == 8) {
                    n_later = -1; /* too many: ask named_later() */
                    break;
                }
                later[n_later++] = an->mentions[k].entity;
            }
    /* the mentions before m with an entity, on m's side of the quotation marks and out of
     * the headline (which is not part of the running text), nearest first; sentences
     * only grow along the mentions, so the first too far back ends the walk */
    /* A candidate d sentences back scores between -3d and -3d + 3 (1 to 4 in the pronoun's
     * own sentence), so none in a farther sentence can beat the best of a nearer one (a
     * tie keeps the nearer): once there is a best, the walk ends with its sentence. */
    uint32_t best_sent = 0;
    const antecedents *ante = &s->ante;
    for (uint32_t ci = ante->n[x->in_quote]; ci-- > 0;) {
        uint32_t k = ante->v[x->in_quote][ci];
        qd_mention *pm = &an->mentions[k];
        if (sent - pm->sentence > 4 || (best >= 0 && pm->sentence != best_sent))
            break;
        qd_entity *e = &an->entities[pm->entity];
        if (!gender_fits(x->gender, e))
            continue;
        if (x->gender == 'p' && e->kind == QD_ENT_PERSON)
            continue;
        if (!x->possessive) {
            bool named = false;
            if (n_later < 0)
                named = named_later(c, m, pm->entity);
            for (int i = 0; i < n_later && !named; i++)
                named = later[i] == pm->entity;
            if (named)
                continue;
        }
        int dist = (int)(sent - pm->sentence);
        bool subject = s->mflags[k] & MF_SUBJECT;
        int score = -3 * dist + (subject ? 2 : 0) + (pm->kind == QD_MENTION_NAME ? 1 : 0);
        if (dist == 0)
            score += 1;
        /* the owner in "his statement" is not its own referent */
        if (score > best_score) {
            best_score = score;
            best = pm->entity;
            best_sent = pm->sentence;
        }
    }
    return best;
}

static bool role_matches(cstate *s, int32_t e, const qd_mx *x)
{
    qd_actx *c = s->c;
    eaux *a = &s->aux[e];
    const qd_role *want = &c->lx->role_list[x->role];
    for (uint32_t i = 0; i < a->n_roles; i++) {
        const qd_role *have = &c->lx->role_list[a->roles[i]];
        /* a generic noun ("the diplomat") fits a role whose categories hold its own (one of
         * the comma-separated items, or inside one); a title, a role with the same key */
        bool ok = want->generic ? strstr(have->categories, want->categories) != NULL
                                : have->key_id == want->key_id;
        if (!ok)
            continue;
        if (x->country && a->role_country[i] && strcmp(x->country, a->role_country[i]) != 0)
            continue;
        return true;
    }
    return false;
}

static int32_t resolve_role(cstate *s, uint32_t m)
{
    qd_actx *c = s->c;
    qd_analysis *an = c->an;
    qd_mx *x = &c->mx[m];
    if (x->role < 0)
        return -1;
    int32_t best = -1;
    int best_score = -1000;
    for (uint32_t i = 0; i < s->n_role_people; i++) {
        int32_t e = s->role_people[i];
        if (!role_matches(s, e, x))
            continue;
        eaux *a = &s->aux[e];
        int score = 0;
        int32_t lm = a->last_mention;
        if (lm >= 0 && (uint32_t)lm < m)
            score += 10 - (int)(an->mentions[m].sentence - an->mentions[lm].sentence) / 2;
        else
            score -= 5; /* mentioned only later */
        if (a->conflict)
            score -= 8;
        if (x->org && a->org && strcmp(x->org, a->org) == 0)
            score += 4;
        if (score > best_score) {
            best_score = score;
            best = e;
        }
    }
    return best;
}

static int32_t resolve_org(cstate *s, uint32_t m)
{
    qd_actx *c = s->c;
    qd_analysis *an = c->an;
    qd_mx *x = &c->mx[m];
    const char *key;
    if (x->kind == QD_ENT_GOV && x->country)
        key = x->country;
    else if (x->kind == QD_ENT_MEDIA && x->org)
        key = x->org;
    else if (x->kind == QD_ENT_ORG && x->org) {
        /* an organisation's name and its noun ("clinton campaign"), not the noun alone */
        char h[256];
        size_t hn = span_text(c, x->ha, x->hb, h);
        key = join(&c->doc->in->arena, x->org, ' ', h, hn);
    } else
        key = span_key(c, x->ha, x->hb);
    if (!key)
        return -2;
    /* the entities with this key, oldest first: a chain from the key's first entity
     * (the first of them that fits is the one, as a scan of all entities would find) */
    size_t kl = strlen(key);
    uint32_t h = qd_hash_bytes(key, kl);
    uint32_t head;
    int32_t tail = -1;
    if (qd_strmap_get_hashed(&s->okeys, key, kl, h, &head)) {
        for (int32_t e = (int32_t)head; e >= 0; e = s->aux[e].next_okey) {
            eaux *a = &s->aux[e];
            tail = e;
            if (an->entities[e].kind != x->kind)
                continue;
            if (x->country && a->country && strcmp(x->country, a->country) != 0 && x->kind != QD_ENT_GOV)
                continue;
            /* an indefinite document or source ("a poll", "a source") is a new one */
            if ((x->kind == QD_ENT_DOCUMENT || x->kind == QD_ENT_ANONYMOUS) && !x->definite)
                break;
            return e;
        }
        while (s->aux[tail].next_okey >= 0)
            tail = s->aux[tail].next_okey;
    }
    int32_t e = qd_entity_new(c, (int32_t)m);
    if (e < 0 || ensure_aux(s) != 0)
        return -2;
    s->aux[e].okey = key;
    s->aux[e].next_okey = -1;
    s->aux[e].country = x->country;
    if (tail >= 0)
        s->aux[tail].next_okey = e;
    else if (qd_strmap_put_borrowed(&s->okeys, key, kl, h, (uint32_t)e) != 0)
        return -2;
    return e;
}

int32_t qd_entity_of(qd_actx *c, int32_t m)
{
    if (m < 0)
        return -1;
    return c->an->mentions[m].entity;
}

int qd_entities_resolve(qd_actx *c)
{
    cstate s = {.c = c, .writer = -1};
    qd_analysis *an = c->an;
    qd_arena *A = &c->doc->in->arena;
    qd_strmap_init(&s.okeys, A);
    /* this stage makes an entity for a mention at most once: room for all it can make,
     * once, rather than the entity and aux arrays growing step by step */
    uint32_t room = an->n_entities + an->n_mentions + 1;
    s.role_people = qd_arena_grow_array(A, NULL, &s.cap_role_people, room, sizeof(int32_t));
    if (!s.role_people)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
    if (room > c->cap_entities) {
        qd_entity *p = qd_arena_grow_array(A, an->entities, &c->cap_entities, room, sizeof(qd_entity));
        if (!p)
            return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
        an->entities = p;
    }
    s.aux = qd_arena_grow_array(A, NULL, &s.cap_aux, room, sizeof(eaux));
    if (!s.aux)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
    if (mention_flags(&s) != 0)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
    if (resolve_names(&s) != 0 || ensure_aux(&s) != 0)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
    /* appositions give roles to names: "Keith Kellogg, Trump's special envoy," */
    for (uint32_t m = 0; m < an->n_mentions; m++) {
        qd_mx *x = &c->mx[m];
        if (x->appos < 0 || an->mentions[m].entity < 0)
            continue;
        qd_mx *y = &c->mx[x->appos];
        if (an->mentions[x->appos].kind == QD_MENTION_ROLE && y->role >= 0) {
            add_role(&s, an->mentions[m].entity, y->role, y->country);
            an->mentions[x->appos].entity = an->mentions[m].entity;
            an->mentions[x->appos].role = c->lx->role_list[y->role].phrase;
        }
    }
    /* organisations known by name before the reading-order pass */
    if (name_entities(&s) != 0)
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
    s.ante.v[0] = qd_arena_alloc(A, (an->n_mentions + 1) * sizeof(uint32_t));
    s.ante.v[1] = qd_arena_alloc(A, (an->n_mentions + 1) * sizeof(uint32_t));
    if (!s.ante.v[0] || !s.ante.v[1])
        return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
    for (uint32_t m = 0; m < an->n_mentions; m++) {
        qd_mention *pm = &an->mentions[m];
        qd_mx *x = &c->mx[m];
        if (pm->entity >= 0) {
            s.aux[pm->entity].last_mention = (int32_t)m;
            add_antecedent(&s, m);
            continue;
        }
        int32_t e = -1;
        if (x->relative) {
            e = x->appos >= 0 ? an->mentions[x->appos].entity : -1;
        } else if (pm->kind == QD_MENTION_PRONOUN && x->gender == 'i') {
            /* the writer: one entity for all of "I" */
            e = s.writer;
            if (e < 0) {
                e = qd_entity_new(c, (int32_t)m);
                if (e < 0 || ensure_aux(&s) != 0)
                    return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
                an->entities[e].name = "the writer";
                an->entities[e].key = "(writer)";
                an->entities[e].gender = '?';
                s.writer = e;
            }
        } else if (pm->kind == QD_MENTION_PRONOUN) {
            e = resolve_pronoun(&s, m);
            if (e >= 0 && an->entities[e].gender == '?' && (x->gender == 'm' || x->gender == 'f'))
                an->entities[e].gender = x->gender;
        } else if (x->kind == QD_ENT_PERSON && x->role >= 0) {
            e = x->appos >= 0 ? an->mentions[x->appos].entity : -1;
            if (e < 0)
                e = resolve_role(&s, m);
            if (e < 0) {
                /* a role nobody in the article holds: the role is the speaker */
                e = qd_entity_new(c, (int32_t)m);
                if (e < 0 || ensure_aux(&s) != 0)
                    return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
                add_role(&s, e, x->role, x->country);
                s.aux[e].org = x->org;
                char *nm = (char *)display(c, x->ta, x->hb);
                an->entities[e].name = nm;
                an->entities[e].key = span_key(c, x->ta, x->hb);
            }
        } else if (x->kind != QD_ENT_PERSON && x->kind != QD_ENT_UNKNOWN) {
            e = resolve_org(&s, m);
            if (e == -2)
                return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
            if (e >= 0 && !an->entities[e].name) {
                char *nm = (char *)display(c, x->ta, x->hb);
                if (nm && x->kind == QD_ENT_MEDIA && x->org)
                    nm = (char *)x->org;
                an->entities[e].name = nm;
                an->entities[e].key = s.aux[e].okey;
            }
        }
        pm->entity = e;
        if (e >= 0) {
            s.aux[e].last_mention = (int32_t)m;
            if (x->role >= 0 && pm->kind == QD_MENTION_ROLE)
                pm->role = c->lx->role_list[x->role].phrase;
            add_antecedent(&s, m);
        }
    }
    /* public role lists, mention counts, display names for anything unnamed */
    for (uint32_t m = 0; m < an->n_mentions; m++) {
        qd_mx *x = &c->mx[m];
        qd_mention *pm = &an->mentions[m];
        if (pm->kind == QD_MENTION_NAME && x->role >= 0 && !pm->role) {
            /* the title as written: "Russian Foreign Minister" */
            const qd_token *tok = c->doc->in->tokens;
            if (x->ha > x->ta) {
                uint32_t a = x->ta;
                while (a < x->ha && tok[a].lex && (tok[a].lex->tags & (QD_W_DET | QD_W_POSS)))
                    a++;
                if (a < x->ha)
                    pm->role = qd_arena_strndup(A, c->doc->text + tok[a].start, tok[x->ha - 1].end - tok[a].start);
            }
        }
        if (pm->entity >= 0)
            an->entities[pm->entity].n_mentions++;
    }
    for (uint32_t e = 0; e < an->n_entities; e++) {
        qd_entity *en = &an->entities[e];
        eaux *a = &s.aux[e];
        if (a->n_roles) {
            en->roles = qd_arena_calloc(A, a->n_roles, sizeof(char *));
            if (!en->roles)
                return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
            for (uint32_t i = 0; i < a->n_roles; i++) {
                const char *phrase = c->lx->role_list[a->roles[i]].phrase;
                const char *rc = a->role_country[i];
                en->roles[i] = rc ? join(A, rc, ' ', phrase, strlen(phrase)) : phrase;
            }
            en->n_roles = a->n_roles;
        }
        if (!en->name) {
            qd_mx *x = &c->mx[en->first_mention];
            en->name = display(c, x->ta, x->tb);
        }
        if (!en->key && en->name) {
            char *k = qd_arena_alloc(A, 4 * strlen(en->name) + 1);
            if (!k)
                return qd_error_set(c->err, QD_ENOMEM, "%s: out of memory", c->doc->path);
            qd_lex_key(en->name, strlen(en->name), k);
            en->key = k;
        }

    }
    return 0;
}
