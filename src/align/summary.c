/*
 * summary.c - qd_corpus_add(): an analysed document reduced to what matching needs.
 *
 * Kept: metadata, the statements (text, speaker, cue, provenance, offsets), the
 * document's stemmed content terms and the names it mentions (as "@key" terms in the
 * same vector), and hashed word 5-grams of its quotes.  Speakers get one identity across
 * the corpus: persons by surname and first initial ("lavrov|s"; a bare "Lavrov" joins the
 * only Lavrov there is), organisations and governments by their normalised names, and
 * anonymous or unknown speakers stay private to their document ("sources" in two
 * articles are not the same people).
 *
 * The work is split in two so that it scales: qd_summary_make() reduces a document to
 * strings (stems, word keys, speaker keys) without touching the corpus, on any thread,
 * and the summary can be written out as one JSON line and read back elsewhere;
 * qd_corpus_add_summary() then only interns those strings, in input order, on one
 * thread.  Adding a document directly and adding its summary read back from JSON give
 * the same corpus, id for id.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../doc_internal.h"
#include "../report/json_writer.h"
#include "../text/utf8.h"
#include "corpus.h"
#include "../framing/framing.h"

/* The vocabulary's slot for a string of hash h: its id's, or the empty one where it
 * would go (linear probing). */
static uint32_t *vocab_slot(const qd_corpus *c, const char *s, size_t n, uint32_t h)
{
    uint32_t mask = c->cap_slots - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t id = c->dict_slots[i];
        if (!id)
            return &c->dict_slots[i];
        const char *t = c->dict_str[id - 1];
        if (c->dict_hash[id - 1] == h && !strncmp(t, s, n) && t[n] == '\0')
            return &c->dict_slots[i];
    }
}

bool qd_corpus_lookup(const qd_corpus *c, const char *s, size_t n, uint32_t *id)
{
    if (!c->cap_slots)
        return false;
    uint32_t got = *vocab_slot(c, s, n, qd_hash_bytes(s, n));
    if (got && id)
        *id = got;
    return got != 0;
}

/* Room for one more string: the arrays by id grow together (df and disp are indexed by
 * id, so they hold one more), and the table is rebuilt at twice the size when half
 * full, the old one freed. */
static int vocab_grow(qd_corpus *c)
{
    if (c->n_dict + 1 >= c->cap_dict) {
        uint32_t ncap = c->cap_dict ? c->cap_dict * 2 : 1024;
        if (ncap < c->cap_dict)
            return -1;
        const char **ns = realloc(c->dict_str, (size_t)ncap * sizeof(char *));
        if (!ns)
            return -1;
        c->dict_str = ns;
        uint32_t *nh = realloc(c->dict_hash, (size_t)ncap * sizeof(uint32_t));
        if (!nh)
            return -1;
        c->dict_hash = nh;
        uint32_t *ndf = realloc(c->df, ((size_t)ncap + 1) * sizeof(uint32_t));
        if (!ndf)
            return -1;
        c->df = ndf;
        memset(ndf + c->cap_df, 0, ((size_t)ncap + 1 - c->cap_df) * sizeof(uint32_t));
        c->cap_df = ncap + 1;
        const char **nd = realloc(c->disp, ((size_t)ncap + 1) * sizeof(char *));
        if (!nd)
            return -1;
        c->disp = nd;
        memset(nd + c->cap_disp, 0, ((size_t)ncap + 1 - c->cap_disp) * sizeof(char *));
        c->cap_disp = ncap + 1;
        c->cap_dict = ncap;
    }
    if ((c->n_dict + 1) * 2 >= c->cap_slots) {
        uint32_t ncap = c->cap_slots ? c->cap_slots * 2 : 2048;
        if (ncap < c->cap_slots)
            return -1;
        uint32_t *slots = calloc(ncap, sizeof(uint32_t));
        if (!slots)
            return -1;
        uint32_t *old = c->dict_slots;
        c->dict_slots = slots;
        c->cap_slots = ncap;
        for (uint32_t id = 1; id <= c->n_dict; id++) {
            uint32_t i = c->dict_hash[id - 1] & (ncap - 1);
            while (slots[i])
                i = (i + 1) & (ncap - 1);
            slots[i] = id;
        }
        free(old);
    }
    return 0;
}

uint32_t qd_corpus_intern(qd_corpus *c, const char *s, size_t n)
{
    uint32_t h = qd_hash_bytes(s, n);
    if (c->cap_slots) {
        uint32_t id = *vocab_slot(c, s, n, h);
        if (id)
            return id;
    }
    if (vocab_grow(c) != 0)
        return 0;
    char *copy = qd_arena_strndup(&c->arena, s, n);
    if (!copy)
        return 0;
    uint32_t id = ++c->n_dict; /* ids start at 1: 0 marks an empty slot */
    c->dict_str[id - 1] = copy;
    c->dict_hash[id - 1] = h;
    *vocab_slot(c, s, n, h) = id;
    return id;
}

int32_t qd_iso_day(const char *iso)
{
    if (!iso)
        return QD_NO_DAY;
    int y, m, d;
    if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return QD_NO_DAY;
    /* days from civil (proleptic Gregorian) */
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* A word as compared across documents: lower case, quotes and punctuation at its ends
 * dropped, spelling variants folded ("sergey" -> "sergei").  Returns the length in out. */
static size_t word_key(const qd_lexicon *lx, const char *w, size_t n, char *out, size_t cap)
{
    size_t k = qd_utf8_normalize(w, n, out, cap);
    size_t a = 0, b = k;
    while (a < b && !((out[a] >= 'a' && out[a] <= 'z') || (out[a] >= '0' && out[a] <= '9') ||
                      (unsigned char)out[a] >= 0x80))
        a++;
    while (b > a && !((out[b - 1] >= 'a' && out[b - 1] <= 'z') || (out[b - 1] >= '0' && out[b - 1] <= '9') ||
                      (unsigned char)out[b - 1] >= 0x80))
        b--;
    /* a possessive is the same word: "russia's" */
    if (b - a > 2 && out[b - 2] == '\'' && out[b - 1] == 's')
        b -= 2;
    memmove(out, out + a, b - a);
    k = b - a;
    out[k] = '\0';
    const qd_lexword *lw = k ? qd_lex_word(lx, out, k) : NULL;
    if (lw && lw->variant >= 0) {
        const char *canon = lx->variant_names[lw->variant];
        size_t cl = strlen(canon);
        if (cl * 4 + 1 <= cap)
            k = qd_utf8_normalize(canon, cl, out, cap);
    }
    return k;
}

static bool content_word(const qd_lexicon *lx, const char *key, size_t n)
{
    if (n < 3)
        return false;
    for (size_t i = 0; i < n; i++)
        if (key[i] >= '0' && key[i] <= '9')
            return false;
    const qd_lexword *w = qd_lex_word(lx, key, n);
    if (w && (w->tags & (QD_W_FUNCTION | QD_W_ADV | QD_W_TIME | QD_W_MONTH | QD_W_WEEKDAY)))
        return false;
    /* reporting verbs say nothing about what happened */
    if (w && w->verb >= 0)
        return false;
    return true;
}

/* Intern a stem ("~negoti") and remember the first word seen for it, which shows it
 * in reports ("negotiations", not "negoti"). */
static uint32_t stem_id(qd_corpus *c, const char *stem, const char *word)
{
    uint32_t id = qd_corpus_intern(c, stem, strlen(stem));
    if (id && !c->disp[id] && !(c->disp[id] = qd_arena_strdup(&c->arena, word)))
        return 0; /* out of memory, as for the stem itself */
    return id;
}

/* A person's key with the initial of the first known first name in the name, when the
 * key's initial came from another word: "Former Rep. Anthony Weiner" keyed "weiner|f" by
 * his title is "weiner|a", so his reports and those naming him plainly meet.  Returns
 * false when the key is right or no first name is known. */
static bool first_name_key(const qd_lexicon *lx, const char *name, const char *key, char *out, size_t cap)
{
    const char *bar = strchr(key, '|');
    for (const char *p = name; *p;) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        size_t n = (size_t)(p - w);
        if (!*p || n < 2 || n >= 64)
            continue; /* the last word is the surname */
        char low[64];
        for (size_t k = 0; k < n; k++)
            low[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] - 'A' + 'a' : w[k]);
        const qd_lexword *lw = qd_lex_word(lx, low, n);
        if (!lw || !lw->first_name)
            continue;
        if (low[0] == bar[1])
            return false;
        snprintf(out, cap, "%.*s|%c", (int)(bar - key), key, low[0]);
        return true;
    }
    return false;
}

/* Whether a person's name reads as a name for its key "surname|initial": at most four
 * words, the last of them the surname ("Republican Sen. John McCain", not "Paved The Way
 * For Donald Trump" nor "George Zimmerman Auctioning Off Gun ..."). */
static bool name_fits_key(const char *name, const char *key)
{
    uint32_t spaces = 0;
    for (const char *p = name; *p; p++)
        spaces += *p == ' ';
    if (spaces > 3)
        return false;
    const char *last = strrchr(name, ' ');
    last = last ? last + 1 : name;
    size_t n = strlen(last), kl = strcspn(key, "|");
    while (n && (last[n - 1] == '.' || last[n - 1] == ','))
        n--;
    if (n > 2 && last[n - 2] == '\'' && (last[n - 1] == 's' || last[n - 1] == 'S'))
        n -= 2; /* "Trump's" */
    if (n != kl)
        return false;
    for (size_t i = 0; i < n; i++) {
        char a = last[i], b = key[i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (a != b)
            return false;
    }
    return true;
}

/* How well a spelling names a person: 2 when it reads as a name and begins with a known
 * first name ("Donald J. Trump"), 1 when it only reads as a name ("Republican Donald J.
 * Trump", "House Speaker Paul Ryan"), 0 otherwise (a headline, "Paved The Way For Donald
 * Trump"). */
static int name_rank(const qd_lexicon *lx, const char *name, const char *key)
{
    if (!name_fits_key(name, key))
        return 0;
    size_t n = strcspn(name, " ");
    char low[64];
    if (n < 2 || n >= sizeof(low) || !name[n])
        return 1;
    for (size_t k = 0; k < n; k++)
        low[k] = (char)(name[k] >= 'A' && name[k] <= 'Z' ? name[k] - 'A' + 'a' : name[k]);
    const qd_lexword *lw = qd_lex_word(lx, low, n);
    return lw && lw->first_name ? 2 : 1;
}

/* The fullest spelling seen names the speaker: "Sergei Lavrov" over "Lavrov"; for a
 * person, a spelling that reads as a name (name_rank) over a longer one that does not.
 * Returns -1 when out of memory, the old name kept. */
static int name_speaker(qd_corpus *c, qd_cspeaker *sp, const char *name, bool person)
{
    int fits = person ? name_rank(c->lx, name, sp->key) : 1;
    int fitted = person ? name_rank(c->lx, sp->name, sp->key) : 1;
    if (fits > fitted || (fits == fitted && strlen(name) > strlen(sp->name) && strchr(name, ' '))) {
        char *copy = qd_arena_strdup(&c->arena, name);
        if (!copy)
            return -1;
        sp->name = copy;
    }
    return 0;
}

/* One more corpus speaker, zeroed; NULL when out of memory.  The array is malloc'd so
 * that growing it leaves no old copies in the arena. */
static qd_cspeaker *new_speaker(qd_corpus *c)
{
    qd_comparison *r = &c->res;
    return QD_GROW_PUSH(r->speakers, r->n_speakers, c->cap_speakers);
}

/* A corpus copy of a string that many statements and documents repeat (cues, stances,
 * venues, speakers as written, go-betweens, outlets, dates): one copy each, shared. */
static const char *pooled(qd_corpus *c, const char *s, bool *oom)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    const char *k = qd_strmap_key(&c->strs, s, n);
    if (k)
        return k;
    if (qd_strmap_put(&c->strs, s, n, 0) != 0 || !(k = qd_strmap_key(&c->strs, s, n)))
        *oom = true;
    return k;
}

/* The corpus speaker a document entity stands for (creating it); -1 if none, or when
 * out of memory, which also sets `*oom` (-1 alone must not pass for "no speaker"). */
static int32_t corpus_speaker(qd_corpus *c, const char *path, const qd_sentity *e, bool *oom)
{
    if (!e || !e->key || !e->name)
        return -1;
    char key[512];
    qd_comparison *r = &c->res;
    bool person = e->kind == QD_ENT_PERSON && strcmp(e->key, "(writer)") != 0 && e->name[0] >= 'A' &&
                  e->name[0] <= 'Z' && strchr(e->key, ' ') == NULL;
    bool shared = person || e->kind == QD_ENT_ORG || e->kind == QD_ENT_GOV || e->kind == QD_ENT_MEDIA;
    char fixed[256];
    const char *ekey = e->key;
    if (person && strchr(ekey, '|') && first_name_key(c->lx, e->name, ekey, fixed, sizeof(fixed)))
        ekey = fixed;
    if (shared)
        snprintf(key, sizeof(key), "%s:%s", qd_entity_kind_name(e->kind), ekey);
    else
        snprintf(key, sizeof(key), "%s:%s:%s", qd_entity_kind_name(e->kind), ekey, path);
    uint32_t idx;
    const char *kept = NULL;
    if (qd_strmap_get(&c->speaker_keys, key, strlen(key), &idx))
        goto found;
    if (person) {
        /* "lavrov" and "lavrov|s" are one person when the surname is unambiguous */
        char sur[512];
        const char *bar = strchr(ekey, '|');
        snprintf(sur, sizeof(sur), "person:%.*s", bar ? (int)(bar - ekey) : (int)strlen(ekey), ekey);
        if (qd_strmap_get(&c->speaker_keys, sur, strlen(sur), &idx)) {
            const char *have = strchr(r->speakers[idx].key, '|');
            if (!bar || !have || have[1] == bar[1]) {
                if (bar && !have) {
                    char *k = qd_arena_strdup(&c->arena, ekey);
                    if (!k)
                        goto oom;
                    r->speakers[idx].key = k;
                }
                if (qd_strmap_put(&c->speaker_keys, key, strlen(key), idx) != 0)
                    goto oom;
                goto found;
            }
        }
        /* copies first: a speaker is never left without its key or name */
        char *k = qd_arena_strdup(&c->arena, ekey), *nm = k ? qd_arena_strdup(&c->arena, e->name) : NULL;
        qd_cspeaker *s = nm ? new_speaker(c) : NULL;
        if (!s)
            goto oom;
        idx = r->n_speakers - 1;
        s->key = k;
        s->name = nm;
        s->kind = e->kind;
        s->shared = shared;
        uint32_t dummy;
        if (!qd_strmap_get(&c->speaker_keys, sur, strlen(sur), &dummy) &&
            qd_strmap_put(&c->speaker_keys, sur, strlen(sur), idx) != 0)
            goto oom;
    } else {
        char *nm = (kept = qd_arena_strdup(&c->arena, key)) ? qd_arena_strdup(&c->arena, e->name) : NULL;
        qd_cspeaker *s = nm ? new_speaker(c) : NULL;
        if (!s)
            goto oom;
        idx = r->n_speakers - 1;
        s->key = kept;
        s->name = nm;
        s->kind = e->kind;
        s->shared = shared;
    }
    /* the map keeps the speaker's own copy of its key when it is the same string (a
     * speaker private to a document is keyed by kind, key and path: a million keys at
     * 100,000 documents) */
    if ((kept ? qd_strmap_put_borrowed(&c->speaker_keys, kept, strlen(kept), qd_hash_bytes(kept, strlen(kept)), idx)
              : qd_strmap_put(&c->speaker_keys, key, strlen(key), idx)) != 0)
        goto oom;
found:
    if (name_speaker(c, &r->speakers[idx], e->name, person) != 0)
        goto oom;
    return (int32_t)idx;
oom:
    *oom = true;
    return -1;
}

typedef struct tcount {
    uint32_t id, n;
} tcount;

static int cmp_tcount(const void *a, const void *b)
{
    const tcount *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* ---- making a summary (any thread) --------------------------------------------- */

/* The stems of one document's words.  Stemming costs more than everything else a
 * summary does with a word, and an article repeats its words, so each distinct word
 * key is stemmed once: the cache maps it to its "~stem", which lives in the summary's
 * arena (statements and terms point at it); the table itself lives in a scratch arena
 * dropped with the cache.  One cache per summary, so threads share nothing. */
typedef struct stem_cache {
    qd_arena *A;                 /* the summary's: where the stems go */
    struct sb_stemmer *stemmer;
    qd_arena scratch;            /* the table */
    qd_strmap index;             /* word key -> slot in stems */
    const char **stems;
    uint32_t n_stems, cap_stems;
} stem_cache;

static int stem_cache_init(stem_cache *c, qd_arena *A)
{
    memset(c, 0, sizeof(*c));
    c->A = A;
    qd_arena_init(&c->scratch);
    qd_strmap_init(&c->index, &c->scratch);
    c->stemmer = sb_stemmer_new("english", "UTF_8");
    return c->stemmer ? 0 : QD_ENOMEM;
}

static void stem_cache_free(stem_cache *c)
{
    if (c->stemmer)
        sb_stemmer_delete(c->stemmer);
    qd_arena_release(&c->scratch);
}

/* "~" and the stem of a content word key, in the summary's arena; NULL when out of
 * memory. */
static const char *stem_of(stem_cache *c, const char *key, size_t n)
{
    uint32_t slot;
    if (qd_strmap_get(&c->index, key, n, &slot))
        return c->stems[slot];
    const sb_symbol *st = sb_stemmer_stem(c->stemmer, (const sb_symbol *)key, (int)n);
    if (!st)
        return NULL;
    int sl = sb_stemmer_length(c->stemmer);
    /* stems are kept apart from words by a leading '~' */
    char *s = qd_arena_alloc(c->A, (size_t)sl + 2);
    const char **p = s ? QD_VEC_PUSH(&c->scratch, c->stems, c->n_stems, c->cap_stems) : NULL;
    if (!p || qd_strmap_put(&c->index, key, n, c->n_stems - 1) != 0)
        return NULL;
    s[0] = '~';
    memcpy(s + 1, st, (size_t)sl);
    s[sl + 1] = '\0';
    *p = s;
    return s;
}

/* Word keys and stems of a statement's white-space words. */
static int statement_words(qd_arena *A, const qd_lexicon *lx, stem_cache *sc, qd_sstmt *st)
{
    const char *text = st->text;
    size_t n = strlen(text);
    uint32_t cap = 0, capk = 0;
    char key[1024];
    for (size_t i = 0; i < n;) {
        while (i < n && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t'))
            i++;
        size_t j = i;
        while (j < n && text[j] != ' ' && text[j] != '\n' && text[j] != '\t')
            j++;
        if (j == i)
            break;
        size_t kl = j - i < sizeof(key) / 4 ? word_key(lx, text + i, j - i, key, sizeof(key)) : 0;
        const char **k = QD_VEC_PUSH(A, st->keys, st->n_words, cap);
        uint32_t nw = st->n_words - 1;
        const char **s = k ? QD_VEC_PUSH(A, st->stems, nw, capk) : NULL;
        if (!s)
            return QD_ENOMEM;
        *k = qd_arena_strndup(A, key, kl);
        if (!*k)
            return QD_ENOMEM;
        if (kl && content_word(lx, key, kl)) {
            const char *stem = stem_of(sc, key, kl);
            if (!stem)
                return QD_ENOMEM;
            /* an overlong stem is not kept (the document's terms skip it too) */
            *s = strlen(stem) + 1 > 512 ? NULL : stem;
        }
        i = j;
    }
    return 0;
}

/* A copy of an optional string: NULL for NULL, and NULL with `*lost` set when out of
 * memory, so that a run of copies is checked once. */
static char *dup_or_null(qd_arena *A, const char *s, bool *lost)
{
    if (!s)
        return NULL;
    char *copy = qd_arena_strdup(A, s);
    if (!copy)
        *lost = true;
    return copy;
}

static bool eligible_entity(const qd_entity *en)
{
    return !(en->kind == QD_ENT_ANONYMOUS || en->kind == QD_ENT_UNKNOWN || en->kind == QD_ENT_DOCUMENT ||
             en->kind == QD_ENT_GROUP || !en->key || !en->n_mentions);
}

void qd_summary_free(qd_summary *s)
{
    if (!s)
        return;
    qd_arena a = s->arena;
    qd_arena_release(&a); /* the summary lives in its own arena */
}

static qd_summary *summary_new(void)
{
    qd_arena a;
    qd_arena_init(&a);
    qd_summary *s = qd_arena_calloc(&a, 1, sizeof(*s));
    if (!s) {
        qd_arena_release(&a);
        return NULL;
    }
    s->arena = a;
    return s;
}

int qd_summary_make(const qd_doc *doc, const qd_lexicon *lx, bool keep_text, qd_summary **out, qd_error *err)
{
    if (!doc->analysis)
        return qd_error_set(err, QD_EUSAGE, "%s: document not analysed", doc->path);
    qd_summary *s = summary_new();
    stem_cache sc;
    if (!s || stem_cache_init(&sc, &s->arena) != 0) {
        if (s)
            stem_cache_free(&sc);
        qd_summary_free(s);
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
    }
    qd_arena *A = &s->arena;
    const qd_analysis *an = doc->analysis;
    /* strings are copied into the summary's arena as they go; `A` may move nothing.  A
     * copy that fails sets `lost`, checked before returning */
    bool lost = false;
#define DUP(x) dup_or_null(A, (x), &lost)
    s->path = DUP(doc->path);
    s->url = DUP(doc->meta.url);
    s->outlet = DUP(doc->meta.outlet);
    s->date = DUP(doc->meta.date);
    s->title = DUP(doc->meta.title);
    s->byline = DUP(doc->meta.byline);
    if (lost)
        goto oom;
    if (keep_text) {
        s->text = qd_arena_strndup(A, doc->text, doc->len);
        s->paragraphs = qd_arena_calloc(A, doc->n_paragraphs + 1, sizeof(qd_span));
        if (!s->text || !s->paragraphs)
            goto oom;
        for (uint32_t i = 0; i < doc->n_paragraphs; i++)
            if (doc->paragraphs[i].role == QD_PARA_BODY || doc->paragraphs[i].role == QD_PARA_TITLE)
                s->paragraphs[s->n_paragraphs++] = doc->paragraphs[i].span;
    }

    /* terms: stems of content words (the title counts twice), in order of first use */
    qd_strmap seen;
    qd_strmap_init(&seen, A);
    uint32_t capt = 0;
    const qd_doc_internal *in = doc->in;
    char key[256];
    for (uint32_t i = 0; i < in->n_tokens; i++) {
        const qd_token *t = &in->tokens[i];
        if (t->kind != QD_TK_WORD || t->normlen >= sizeof(key) / 4)
            continue;
        qd_para_role role = doc->paragraphs[t->paragraph].role;
        if (role != QD_PARA_BODY && role != QD_PARA_TITLE)
            continue;
        size_t kl = word_key(lx, doc->text + t->start, t->end - t->start, key, sizeof(key));
        if (!content_word(lx, key, kl))
            continue;
        const char *sk = stem_of(&sc, key, kl);
        if (!sk)
            goto oom;
        size_t sl = strlen(sk) - 1;
        if (sl + 2 > 512)
            continue;
        uint32_t *ix = qd_strmap_ref(&seen, sk, sl + 1);
        if (ix) {
            s->terms[*ix].tf += role == QD_PARA_TITLE ? 2 : 1;
            continue;
        }
        qd_sterm *tm = QD_VEC_PUSH(A, s->terms, s->n_terms, capt);
        if (!tm || qd_strmap_put(&seen, sk, sl + 1, s->n_terms - 1) != 0)
            goto oom;
        tm->stem = sk;
        tm->word = qd_arena_strndup(A, key, kl);
        tm->tf = role == QD_PARA_TITLE ? 2 : 1;
        if (!tm->stem || !tm->word)
            goto oom;
    }

    /* the entities that may be speakers and names of events */
    int32_t *sent_of = qd_arena_alloc(A, (an->n_entities + 1) * sizeof(int32_t));
    s->entities = qd_arena_calloc(A, an->n_entities + 1, sizeof(qd_sentity));
    if (!sent_of || !s->entities)
        goto oom;
    for (uint32_t e = 0; e < an->n_entities; e++) {
        const qd_entity *en = &an->entities[e];
        sent_of[e] = -1;
        if (!eligible_entity(en))
            continue;
        qd_sentity *x = &s->entities[s->n_entities];
        x->key = DUP(en->key);
        x->name = DUP(en->name);
        x->kind = en->kind;
        x->mentions = en->n_mentions;
        if (lost)
            goto oom;
        sent_of[e] = (int32_t)s->n_entities++;
    }

    /* statements */
    s->stmts = qd_arena_calloc(A, an->n_statements + 1, sizeof(qd_sstmt));
    if (!s->stmts)
        goto oom;
    for (uint32_t i = 0; i < an->n_statements; i++) {
        const qd_statement *st = &an->statements[i];
        qd_sstmt *cs = &s->stmts[s->n_stmts];
        size_t total = 0;
        for (uint32_t k = 0; k < st->n_pieces; k++)
            total += st->pieces[k].end - st->pieces[k].start + 5;
        char *text = qd_arena_alloc(A, total + 1);
        if (!text)
            goto oom;
        size_t o = 0;
        bool quote = false;
        for (uint32_t k = 0; k < st->n_pieces; k++) {
            if (k) {
                memcpy(text + o, " \xe2\x80\xa6 ", 5);
                o += 5;
            }
            qd_span sp = st->pieces[k];
            for (uint32_t b = sp.start; b < sp.end; b++) {
                char ch = doc->text[b];
                text[o++] = (ch == '\n' || ch == '\r' || ch == '\t') ? ' ' : ch;
            }
            uint32_t cp;
            qd_utf8_decode(doc->text, doc->len, sp.start, &cp);
            quote |= qd_cp_quote_mark(cp) != QD_QM_NONE;
        }
        text[o] = '\0';
        cs->type = st->type;
        cs->text = text;
        cs->entity = st->entity >= 0 ? sent_of[st->entity] : -1;
        if (st->speaker >= 0) {
            qd_span sp = an->mentions[st->speaker].span;
            cs->speaker_text = qd_arena_strndup(A, doc->text + sp.start, sp.end - sp.start);
            if (!cs->speaker_text)
                goto oom;
        }
        cs->cue = DUP(st->cue_lemma);
        cs->stance = DUP(st->stance);
        cs->start = st->pieces[0].start;
        cs->end = st->pieces[st->n_pieces - 1].end;
        for (uint32_t k = 0; k < st->n_provenance; k++) {
            const qd_provenance *p = &st->provenance[k];
            if (p->role == QD_PROV_VENUE && !cs->venue)
                cs->venue = DUP(p->name);
            if (p->role == QD_PROV_INTERMEDIARY) {
                const char **nv = qd_arena_realloc(A, cs->intermediaries, cs->n_intermediaries * sizeof(char *),
                                                   (cs->n_intermediaries + 1) * sizeof(char *));
                if (!nv)
                    goto oom;
                nv[cs->n_intermediaries++] = DUP(p->name);
                cs->intermediaries = nv;
            }
        }
        cs->direct = quote || st->type == QD_STMT_DIRECT || st->type == QD_STMT_PARTIAL || st->type == QD_STMT_MIXED;
        if (lost || statement_words(A, lx, &sc, cs) != 0)
            goto oom;
        s->n_stmts++;
    }
    if (qd_frame_summarize(doc, lx, A, &s->frame) != 0)
        goto oom;
#undef DUP
    stem_cache_free(&sc);
    *out = s;
    return 0;
oom:
    stem_cache_free(&sc);
    qd_summary_free(s);
    return qd_error_set(err, QD_ENOMEM, "%s: out of memory", doc->path);
}

/* ---- summaries as JSON ---------------------------------------------------------- */

/* Marks a line as a summary, and its version: a reader refuses what it cannot read. */
#define SUMMARY_TAG "quotediff-summary"
#define SUMMARY_VERSION 1
/* A string json_pack() takes: "s" refuses NULL and, like "o" with a refused
 * json_string(), text that is not UTF-8; either way the whole record is refused. */
static bool packable(const char *s)
{
    return s && qd_jw_utf8_valid(s, strlen(s));
}

/* A string or null ("o" of json_string() or json_null()). */
static bool packable_or_null(const char *s)
{
    return !s || qd_jw_utf8_valid(s, strlen(s));
}

/* The line is written straight into a buffer (json_writer.h), byte for byte what
 * jansson dumped from a tree built of the same members, which cost about as much as
 * making the summary: a member jansson would have left out is left out, and an array
 * element that json_pack() would have refused is not written. */
int qd_summary_to_json(const qd_summary *s, char **out, qd_error *err)
{
    qd_buf b;
    qd_buf_init(&b);
    qd_jw jw, *w = &jw;
    qd_jw_init(w, &b);
    qd_jw_object_begin(w);
    qd_jw_member_int(w, SUMMARY_TAG, SUMMARY_VERSION);
    qd_jw_member_string(w, "path", s->path);
    qd_jw_member_string(w, "url", s->url);
    qd_jw_member_string(w, "outlet", s->outlet);
    qd_jw_member_string(w, "date", s->date);
    qd_jw_member_string(w, "title", s->title);
    qd_jw_member_string(w, "byline", s->byline);
    if (s->text) {
        qd_jw_member_string(w, "text", s->text);
        qd_jw_key(w, "paragraphs");
        qd_jw_array_begin(w);
        for (uint32_t i = 0; i < s->n_paragraphs; i++) {
            qd_jw_array_begin(w);
            qd_jw_int(w, s->paragraphs[i].start);
            qd_jw_int(w, s->paragraphs[i].end);
            qd_jw_array_end(w);
        }
        qd_jw_array_end(w);
    }
    qd_jw_key(w, "terms");
    qd_jw_array_begin(w);
    for (uint32_t i = 0; i < s->n_terms; i++) {
        const qd_sterm *t = &s->terms[i];
        if (!packable(t->stem + 1) || !packable(t->word))
            continue;
        qd_jw_array_begin(w);
        qd_jw_string(w, t->stem + 1);
        qd_jw_string(w, t->word);
        qd_jw_int(w, t->tf);
        qd_jw_array_end(w);
    }
    qd_jw_array_end(w);
    qd_jw_key(w, "entities");
    qd_jw_array_begin(w);
    for (uint32_t i = 0; i < s->n_entities; i++) {
        const qd_sentity *e = &s->entities[i];
        if (!packable(e->key) || !packable_or_null(e->name))
            continue;
        qd_jw_array_begin(w);
        qd_jw_string(w, qd_entity_kind_name(e->kind));
        qd_jw_string(w, e->key);
        qd_jw_string(w, e->name);
        qd_jw_int(w, e->mentions);
        qd_jw_array_end(w);
    }
    qd_jw_array_end(w);
    qd_jw_key(w, "statements");
    qd_jw_array_begin(w);
    for (uint32_t i = 0; i < s->n_stmts; i++) {
        const qd_sstmt *st = &s->stmts[i];
        /* a statement jansson refused to pack failed the whole summary */
        if (!packable(st->text) || !packable_or_null(st->speaker_text) || !packable_or_null(st->cue) ||
            !packable_or_null(st->stance) || !packable_or_null(st->venue))
            goto oom;
        qd_jw_object_begin(w);
        qd_jw_member_string(w, "type", qd_statement_type_name(st->type));
        qd_jw_member_string(w, "text", st->text);
        qd_jw_member_string(w, "speaker_text", st->speaker_text);
        qd_jw_member_int(w, "entity", st->entity);
        qd_jw_member_string(w, "cue", st->cue);
        qd_jw_member_string(w, "stance", st->stance);
        qd_jw_member_string(w, "venue", st->venue);
        qd_jw_key(w, "intermediaries");
        qd_jw_array_begin(w);
        for (uint32_t k = 0; k < st->n_intermediaries; k++)
            qd_jw_string(w, st->intermediaries[k]); /* one jansson refused is left out */
        qd_jw_array_end(w);
        qd_jw_member_int(w, "start", st->start);
        qd_jw_member_int(w, "end", st->end);
        qd_jw_key(w, "direct");
        qd_jw_bool(w, st->direct);
        qd_jw_object_end(w);
    }
    qd_jw_array_end(w);
    /* framing builds its part as a tree of its own; it is small, and dumped here */
    json_t *fr = qd_frame_summary_json(s->frame);
    if (fr) {
        char *fj = json_dumps(fr, JSON_COMPACT);
        json_decref(fr);
        if (!fj)
            goto oom;
        qd_jw_key(w, "framing");
        qd_jw_raw(w, fj, strlen(fj));
        free(fj);
    }
    qd_jw_object_end(w);
    if (b.failed || !b.data)
        goto oom;
    *out = b.data;
    return 0;
oom:
    qd_buf_free(&b);
    return qd_error_set(err, QD_ENOMEM, "%s: out of memory", s->path ? s->path : "summary");
}


/* A string member in the summary's arena; NULL when absent or null. */
static const char *take(qd_arena *A, json_t *o, const char *k, bool *oom)
{
    json_t *v = json_object_get(o, k);
    if (!json_is_string(v))
        return NULL;
    char *s = qd_arena_strndup(A, json_string_value(v), json_string_length(v));
    if (!s)
        *oom = true;
    return s;
}

static const char *take_v(qd_arena *A, json_t *v, bool *oom)
{
    if (!json_is_string(v))
        return NULL;
    char *s = qd_arena_strndup(A, json_string_value(v), json_string_length(v));
    if (!s)
        *oom = true;
    return s;
}

static int kind_of(const char *name)
{
    for (int k = QD_ENT_PERSON; k <= QD_ENT_UNKNOWN; k++)
        if (!strcmp(qd_entity_kind_name((qd_entity_kind)k), name))
            return k;
    return -1;
}

static int stmt_type_of(const char *name)
{
    for (int k = QD_STMT_DIRECT; k <= QD_STMT_INDIRECT; k++)
        if (!strcmp(qd_statement_type_name((qd_statement_type)k), name))
            return k;
    return -1;
}

int qd_summary_from_json(const char *name, const char *data, size_t len, const qd_lexicon *lx, qd_summary **out,
                         qd_error *err)
{
    json_error_t je;
    json_t *o = json_loadb(data, len, 0, &je);
    if (!o)
        return qd_error_set(err, QD_EINPUT, "%s: not JSON: %s", name, je.text);
    json_t *ver = json_object_get(o, SUMMARY_TAG);
    if (!ver) {
        json_decref(o);
        return 0;
    }
    if (!json_is_integer(ver) || json_integer_value(ver) != SUMMARY_VERSION) {
        json_decref(o);
        return qd_error_set(err, QD_EINPUT, "%s: a summary of another version of quotediff", name);
    }
    qd_summary *s = summary_new();
    stem_cache sc;
    if (!s || stem_cache_init(&sc, &s->arena) != 0) {
        if (s)
            stem_cache_free(&sc);
        qd_summary_free(s);
        json_decref(o);
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", name);
    }
    qd_arena *A = &s->arena;
    bool oom = false;
    const char *bad = NULL;
    s->path = take(A, o, "path", &oom);
    s->url = take(A, o, "url", &oom);
    s->outlet = take(A, o, "outlet", &oom);
    s->date = take(A, o, "date", &oom);
    s->title = take(A, o, "title", &oom);
    s->byline = take(A, o, "byline", &oom);
    s->text = take(A, o, "text", &oom);
    if (!s->path)
        bad = "no path";
    json_t *ps = json_object_get(o, "paragraphs");
    if (s->text && json_is_array(ps)) {
        size_t tl = strlen(s->text);
        s->paragraphs = qd_arena_calloc(A, json_array_size(ps) + 1, sizeof(qd_span));
        oom |= !s->paragraphs;
        for (size_t i = 0; s->paragraphs && i < json_array_size(ps); i++) {
            json_t *p = json_array_get(ps, i);
            json_int_t a = json_integer_value(json_array_get(p, 0)), b = json_integer_value(json_array_get(p, 1));
            if (a < 0 || b < a || (size_t)b > tl) {
                bad = "paragraph outside the text";
                break;
            }
            s->paragraphs[s->n_paragraphs++] = (qd_span){(uint32_t)a, (uint32_t)b};
        }
    }
    json_t *terms = json_object_get(o, "terms");
    size_t nt = json_array_size(terms);
    s->terms = qd_arena_calloc(A, nt + 1, sizeof(qd_sterm));
    oom |= !s->terms;
    for (size_t i = 0; s->terms && i < nt && !bad; i++) {
        json_t *t = json_array_get(terms, i);
        json_t *st = json_array_get(t, 0);
        json_int_t tf = json_integer_value(json_array_get(t, 2));
        if (!json_is_string(st) || !json_is_string(json_array_get(t, 1)) || tf <= 0 || tf > UINT32_MAX) {
            bad = "bad term";
            break;
        }
        char *stem = qd_arena_printf(A, "~%s", json_string_value(st));
        qd_sterm *x = &s->terms[s->n_terms++];
        x->stem = stem;
        x->word = take_v(A, json_array_get(t, 1), &oom);
        x->tf = (uint32_t)tf;
        oom |= !stem;
    }
    json_t *ents = json_object_get(o, "entities");
    size_t ne = json_array_size(ents);
    s->entities = qd_arena_calloc(A, ne + 1, sizeof(qd_sentity));
    oom |= !s->entities;
    for (size_t i = 0; s->entities && i < ne && !bad; i++) {
        json_t *e = json_array_get(ents, i);
        json_t *k = json_array_get(e, 0);
        int kind = json_is_string(k) ? kind_of(json_string_value(k)) : -1;
        json_int_t m = json_integer_value(json_array_get(e, 3));
        if (kind < 0 || !json_is_string(json_array_get(e, 1)) || m < 0 || m > UINT32_MAX) {
            bad = "bad entity";
            break;
        }
        qd_sentity *x = &s->entities[s->n_entities++];
        x->kind = (qd_entity_kind)kind;
        x->key = take_v(A, json_array_get(e, 1), &oom);
        x->name = take_v(A, json_array_get(e, 2), &oom);
        x->mentions = (uint32_t)m;
    }
    json_t *stmts = json_object_get(o, "statements");
    size_t ns = json_array_size(stmts);
    s->stmts = qd_arena_calloc(A, ns + 1, sizeof(qd_sstmt));
    oom |= !s->stmts;
    for (size_t i = 0; s->stmts && i < ns && !bad && !oom; i++) {
        json_t *x = json_array_get(stmts, i);
        json_t *ty = json_object_get(x, "type");
        int type = json_is_string(ty) ? stmt_type_of(json_string_value(ty)) : -1;
        json_int_t ent = json_integer_value(json_object_get(x, "entity"));
        json_int_t a = json_integer_value(json_object_get(x, "start"));
        json_int_t b = json_integer_value(json_object_get(x, "end"));
        if (type < 0 || !json_is_string(json_object_get(x, "text")) || ent < -1 || ent >= (json_int_t)s->n_entities ||
            a < 0 || b < a || b > UINT32_MAX) {
            bad = "bad statement";
            break;
        }
        qd_sstmt *st = &s->stmts[s->n_stmts++];
        st->type = (qd_statement_type)type;
        st->text = take(A, x, "text", &oom);
        st->speaker_text = take(A, x, "speaker_text", &oom);
        st->cue = take(A, x, "cue", &oom);
        st->stance = take(A, x, "stance", &oom);
        st->venue = take(A, x, "venue", &oom);
        st->entity = (int32_t)ent;
        st->start = (uint32_t)a;
        st->end = (uint32_t)b;
        st->direct = json_is_true(json_object_get(x, "direct"));
        json_t *im = json_object_get(x, "intermediaries");
        size_t ni = json_array_size(im);
        if (ni) {
            st->intermediaries = qd_arena_calloc(A, ni, sizeof(char *));
            oom |= !st->intermediaries;
            for (size_t k = 0; st->intermediaries && k < ni; k++)
                st->intermediaries[st->n_intermediaries++] = take_v(A, json_array_get(im, k), &oom);
        }
        if (!oom && st->text && statement_words(A, lx, &sc, st) != 0)
            oom = true;
    }
    s->frame = qd_frame_summary_from_json(json_object_get(o, "framing"), A, &oom);
    json_decref(o);
    stem_cache_free(&sc);
    if (oom || bad) {
        qd_summary_free(s);
        if (oom)
            return qd_error_set(err, QD_ENOMEM, "%s: out of memory", name);
        return qd_error_set(err, QD_EINPUT, "%s: summary: %s", name, bad);
    }
    *out = s;
    return 1;
}

/* ---- into the corpus (one thread, input order) ---------------------------------- */

/* Statement features: interned word keys and stems, and the quote's shingles (added to
 * the document's, a malloc'd scratch vector). */
static int statement_features(qd_corpus *c, const qd_sstmt *st, qd_sfeat *f, uint64_t **sh, uint32_t *nsh,
                              uint32_t *capsh)
{
    qd_arena *A = &c->arena;
    const char *text = st->text;
    size_t n = strlen(text);
    /* only the ids of the words are kept: the words themselves are found again in the
     * statement's text when a diff shows them (a corpus holds millions of words); both
     * packed (4-byte aligned), the stems apart since only alignment reads them */
    uint32_t *words = malloc((2 * (size_t)st->n_words + 1) * sizeof(uint32_t));
    if (!words)
        return QD_ENOMEM;
    uint32_t *stems = words + st->n_words, ns = 0;
    f->direct = st->direct;
    for (size_t i = 0; i < n && f->n_words < st->n_words;) {
        while (i < n && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t'))
            i++;
        size_t j = i;
        while (j < n && text[j] != ' ' && text[j] != '\n' && text[j] != '\t')
            j++;
        if (j == i)
            break;
        uint32_t w = f->n_words++;
        const char *key = st->keys[w];
        uint32_t id = key[0] ? qd_corpus_intern(c, key, strlen(key)) : 0;
        if (key[0] && !id) {
            free(words);
            return QD_ENOMEM;
        }
        words[w] = id;
        if (st->stems[w]) {
            uint32_t sid = stem_id(c, st->stems[w], key);
            if (!sid) {
                free(words);
                return QD_ENOMEM;
            }
            stems[ns++] = sid;
        }
        i = j;
    }
    if (ns > 1)
        qsort(stems, ns, sizeof(uint32_t), cmp_u32);
    uint32_t u = 0;
    for (uint32_t i = 0; i < ns; i++)
        if (u == 0 || stems[u - 1] != stems[i])
            stems[u++] = stems[i];
    f->keys = qd_arena_alloc_aligned(A, ((size_t)f->n_words + 1) * sizeof(uint32_t), sizeof(uint32_t));
    f->stems = qd_arena_alloc_aligned(&c->align_tmp, ((size_t)u + 1) * sizeof(uint32_t), sizeof(uint32_t));
    if (!f->keys || !f->stems) {
        free(words);
        return QD_ENOMEM;
    }
    memcpy(f->keys, words, f->n_words * sizeof(uint32_t));
    memcpy(f->stems, stems, u * sizeof(uint32_t));
    free(words);
    f->n_stems = u;
    /* 5-gram shingles of quotes, for "the same quote" evidence between documents */
    if (f->direct) {
        uint32_t keys[4096];
        uint32_t nk = 0;
        for (uint32_t i = 0; i < f->n_words && nk < 4096; i++)
            if (f->keys[i])
                keys[nk++] = f->keys[i];
        for (uint32_t i = 0; nk >= 3 && i + (nk < 5 ? nk : 5) <= nk; i++) {
            uint32_t len = nk < 5 ? nk : 5;
            uint64_t h = 1469598103934665603ull;
            for (uint32_t k = 0; k < len; k++) {
                h ^= keys[i + k];
                h *= 1099511628211ull;
            }
            if (*nsh == *capsh) {
                uint64_t *nv = qd_grow_array(*sh, capsh, *nsh + 1, sizeof(uint64_t));
                if (!nv)
                    return QD_ENOMEM;
                *sh = nv;
            }
            (*sh)[(*nsh)++] = h;
            if (nk < 5)
                break;
        }
    }
    return 0;
}

int qd_corpus_add_summary(qd_corpus *c, const qd_summary *s, const qd_doc *doc, qd_error *err)
{
    if (c->matched)
        return qd_error_set(err, QD_EUSAGE, "%s: the corpus was matched already", s->path);
    qd_arena *A = &c->arena;
    qd_comparison *r = &c->res;
    tcount *tc = NULL;
    int32_t *spk_of_entity = NULL;
    uint64_t *sh = NULL; /* the document's quote shingles, copied into the arena at the end */
    uint32_t nsh = 0, capsh = 0;
    /* the arrays by document are malloc'd: growing them in the arena would leave every
     * outgrown copy there */
    if (r->n_docs == c->cap_docs) {
        uint32_t ncap = c->cap_docs ? c->cap_docs * 2 : 64;
        qd_cdoc *nd = ncap > c->cap_docs ? realloc(r->docs, (size_t)ncap * sizeof(qd_cdoc)) : NULL;
        if (nd)
            r->docs = nd;
        qd_dfeat *nf = nd ? realloc(c->feat, (size_t)ncap * sizeof(qd_dfeat)) : NULL;
        if (!nf)
            goto oom;
        c->feat = nf;
        c->cap_docs = ncap;
    }
    qd_cdoc *d = &r->docs[r->n_docs];
    qd_dfeat *f = &c->feat[r->n_docs];
    memset(d, 0, sizeof(*d));
    memset(f, 0, sizeof(*f));
    r->n_docs++;
    d->event = -1;
    bool oom = false;
#define DUP(x) dup_or_null(A, (x), &oom)
    d->path = DUP(s->path);
    d->url = DUP(s->url);
    d->outlet = pooled(c, s->outlet, &oom);
    d->date = pooled(c, s->date, &oom);
    d->title = DUP(s->title);
    d->byline = DUP(s->byline);
    if (oom)
        goto oom; /* checked here too: a document without statements never gets to the loop's check */
    f->day = qd_iso_day(s->date);
    if (c->opt.keep_text && s->text) {
        d->text = DUP(s->text);
        d->paragraphs = qd_arena_calloc(A, s->n_paragraphs + 1, sizeof(qd_span));
        if (oom || !d->paragraphs)
            goto oom;
        memcpy(d->paragraphs, s->paragraphs, s->n_paragraphs * sizeof(qd_span));
        d->n_paragraphs = s->n_paragraphs;
    }

    /* terms: stems of content words and the names mentioned */
    /* scratch, freed before returning: the corpus arena keeps only what matching reads */
    tc = malloc((s->n_terms + s->n_entities + 1) * sizeof(tcount));
    spk_of_entity = malloc((s->n_entities + 1) * sizeof(int32_t));
    if (!tc || !spk_of_entity)
        goto oom;
    uint32_t ntc = 0;
    for (uint32_t i = 0; i < s->n_terms; i++) {
        uint32_t id = stem_id(c, s->terms[i].stem, s->terms[i].word);
        if (!id)
            goto oom;
        tc[ntc++] = (tcount){id, s->terms[i].tf};
    }
    char key[64];
    for (uint32_t e = 0; e < s->n_entities; e++) {
        const qd_sentity *en = &s->entities[e];
        int32_t sp = corpus_speaker(c, s->path, en, &oom);
        if (oom)
            goto oom;
        spk_of_entity[e] = sp;
        /* speakers private to this document ("the writer") say nothing about events,
         * nor do "names" that are a headline's capitalised words */
        if (sp < 0 || strchr(r->speakers[sp].key, ':'))
            continue;
        uint32_t spaces = 0;
        for (const char *p = en->name; *p; p++)
            spaces += *p == ' ';
        if (spaces > 3)
            continue;
        snprintf(key, sizeof(key), "@%d", sp);
        uint32_t id = qd_corpus_intern(c, key, strlen(key));
        if (!id)
            goto oom;
        tc[ntc++] = (tcount){id, en->mentions};
    }
    if (ntc > 1)
        qsort(tc, ntc, sizeof(tcount), cmp_tcount);
    f->terms = qd_arena_alloc(A, (ntc + 1) * sizeof(uint32_t));
    f->tf = qd_arena_alloc(A, (ntc + 1) * sizeof(uint32_t));
    if (!f->terms || !f->tf)
        goto oom;
    for (uint32_t i = 0; i < ntc; i++) {
        if (f->n_terms && f->terms[f->n_terms - 1] == tc[i].id) {
            f->tf[f->n_terms - 1] += tc[i].n;
            continue;
        }
        f->terms[f->n_terms] = tc[i].id;
        f->tf[f->n_terms] = tc[i].n;
        f->n_terms++;
    }
    /* document frequencies */
    for (uint32_t i = 0; i < f->n_terms; i++) {
        c->df[f->terms[i]]++; /* sized with the vocabulary */
    }

    /* statements */
    d->statements = qd_arena_calloc(A, s->n_stmts + 1, sizeof(qd_cstatement));
    f->stmts = qd_arena_calloc(A, s->n_stmts + 1, sizeof(qd_sfeat));
    if (!d->statements || !f->stmts)
        goto oom;
    for (uint32_t i = 0; i < s->n_stmts; i++) {
        const qd_sstmt *st = &s->stmts[i];
        qd_cstatement *cs = &d->statements[i];
        qd_sfeat *sf = &f->stmts[i];
        cs->type = st->type;
        cs->text = DUP(st->text);
        cs->speaker = st->entity >= 0 ? spk_of_entity[st->entity] : -1;
        cs->speaker_text = pooled(c, st->speaker_text, &oom);
        cs->cue = pooled(c, st->cue, &oom);
        cs->stance = pooled(c, st->stance, &oom);
        cs->venue = pooled(c, st->venue, &oom);
        cs->start = st->start;
        cs->end = st->end;
        cs->group = -1;
        if (st->n_intermediaries) {
            cs->intermediaries = qd_arena_alloc(A, st->n_intermediaries * sizeof(char *));
            if (!cs->intermediaries)
                goto oom;
            for (uint32_t k = 0; k < st->n_intermediaries; k++)
                cs->intermediaries[k] = pooled(c, st->intermediaries[k], &oom);
            cs->n_intermediaries = st->n_intermediaries;
        }
        if (oom || statement_features(c, st, sf, &sh, &nsh, &capsh) != 0)
            goto oom;
        for (uint32_t k = 0; k < sf->n_words; k++)
            cs->words += sf->keys[k] != 0;
        d->n_statements++;
    }
#undef DUP
    free(tc);
    free(spk_of_entity);
    tc = NULL;
    spk_of_entity = NULL;
    if (nsh > 1)
        qsort(sh, nsh, sizeof(uint64_t), cmp_u64);
    f->shingles = qd_arena_alloc_aligned(&c->match_tmp, ((size_t)nsh + 1) * sizeof(uint64_t), sizeof(uint64_t));
    if (!f->shingles)
        goto oom;
    if (nsh)
        memcpy(f->shingles, sh, nsh * sizeof(uint64_t));
    f->n_shingles = nsh;
    free(sh);
    sh = NULL;
    /* what framing kept of the document (its scare quotes, labels, speakers' sides) */
    return qd_frame_add_summary(c, s->frame, r->n_docs - 1, s->path, err);
oom:
    free(tc);
    free(spk_of_entity);
    free(sh);
    return qd_error_set(err, QD_ENOMEM, "%s: out of memory", s->path);
}

int qd_corpus_add(qd_corpus *c, const qd_doc *doc, qd_error *err)
{
    if (c->matched)
        return qd_error_set(err, QD_EUSAGE, "%s: the corpus was matched already", doc->path);
    qd_summary *s;
    int rc = qd_summary_make(doc, c->lx, c->opt.keep_text, &s, err);
    if (rc)
        return rc;
    rc = qd_corpus_add_summary(c, s, doc, err);
    qd_summary_free(s);
    return rc;
}
