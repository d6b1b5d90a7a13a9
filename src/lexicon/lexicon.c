/*
 * lexicon.c - loading lexicon files (built-in and user-supplied) into lookup tables.
 *
 * The file formats are described in data/lexicons/README.md.  Loading is strict: a
 * malformed line is reported with its file and line number rather than skipped, so a
 * user's typo in an extension file does not silently change results.
 */
#include "lexicon.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"
#include "../util/io.h"
#include "lexicon_data.h"

#define MAX_FIELDS 8

static const char *const kinds[] = {
    "words",      "abbreviations", "speech_verbs", "cue_phrases", "roles",
    "nouns",      "first_names",   "name_variants", "people",     "places",
    "outlets",    "furniture",     "html_hints", "labels",     "sides", NULL,
};

const char *const *qd_lexicon_kinds(void)
{
    return kinds;
}

size_t qd_lex_key(const char *s, size_t n, char *out)
{
    return qd_utf8_normalize(s, n, out, 4 * n + 1);
}

const qd_lexword *qd_lex_word(const qd_lexicon *lx, const char *w, size_t n)
{
    return qd_lex_word_hashed(lx, w, n, qd_hash_bytes(w, n));
}

bool qd_lex_function_word(const qd_lexicon *lx, const char *w, size_t n)
{
    uint32_t hash = qd_hash_bytes(w, n);
    return qd_bloom_test(lx->function_filter, QD_FUNCTION_FILTER_LOG2, hash) &&
           qd_strmap_get_hashed(&lx->function_words, w, n, hash, NULL);
}

/* (Re)make the function words' table from the word table.  The keys are the word
 * table's own (in the lexicon's arena); a table made before is left in the arena. */
static int index_function_words(qd_lexicon *lx)
{
    qd_strmap_init(&lx->function_words, &lx->arena);
    memset(lx->function_filter, 0, sizeof(lx->function_filter));
    for (uint32_t i = 0; i < lx->words.cap; i++) {
        const qd_strmap_slot *sl = &lx->words.slots[i];
        if (!sl->key || !(lx->lexwords[sl->value].tags & QD_W_FUNCTION))
            continue;
        if (qd_strmap_put_borrowed(&lx->function_words, sl->key, sl->keylen, sl->hash, 1) != 0)
            return -1;
        qd_bloom_set(lx->function_filter, QD_FUNCTION_FILTER_LOG2, sl->hash);
    }
    /* the packed twin of the words up to QD_PACKED_MAX bytes (see
     * qd_lex_function_word_packed) */
    uint32_t n_packed = 0, max_len = 0, cap = 16;
    for (uint32_t i = 0; i < lx->function_words.cap; i++) {
        const qd_strmap_slot *sl = &lx->function_words.slots[i];
        if (sl->key && sl->keylen > max_len)
            max_len = sl->keylen;
        n_packed += sl->key && sl->keylen <= QD_PACKED_MAX;
    }
    while (cap < 2 * n_packed + 2)
        cap *= 2;
    qd_packed_word *packed = qd_arena_calloc(&lx->arena, cap, sizeof(*packed));
    if (!packed)
        return -1;
    for (uint32_t i = 0; i < lx->function_words.cap; i++) {
        const qd_strmap_slot *sl = &lx->function_words.slots[i];
        if (!sl->key || sl->keylen > QD_PACKED_MAX)
            continue;
        uint64_t half[2] = {0, 0};
        for (uint32_t k = 0; k < sl->keylen; k++)
            half[k / 8] |= (uint64_t)(unsigned char)sl->key[k] << (8 * (k % 8));
        uint32_t j = qd_packed_hash(half[0], half[1]) & (cap - 1);
        while (packed[j].len)
            j = (j + 1) & (cap - 1);
        packed[j].lo = half[0];
        packed[j].hi = half[1];
        packed[j].len = sl->keylen;
    }
    lx->function_packed = packed;
    lx->function_packed_mask = cap - 1;
    lx->function_max_len = max_len;
    return 0;
}

/* The phrase starts of a key (slot sl of a phrase table), made empty at its first
 * asking: on its word-table entry's index, or in start_words; *word: its word-table
 * entry or NULL.  NULL: out of memory. */
static qd_start_word *start_of(qd_lexicon *lx, const qd_strmap_slot *sl, qd_lexword **word)
{
    uint32_t idx;
    int32_t *ref = NULL;
    *word = NULL;
    if (qd_bloom_test(lx->word_filter, QD_WORD_FILTER_LOG2, sl->hash) &&
        qd_strmap_get_hashed(&lx->words, sl->key, sl->keylen, sl->hash, &idx)) {
        *word = &lx->lexwords[idx];
        ref = &lx->lexwords[idx].start;
        if (*ref >= 0)
            return &lx->start_list[*ref];
    } else if (qd_strmap_get_hashed(&lx->start_words, sl->key, sl->keylen, sl->hash, &idx)) {
        return &lx->start_list[idx];
    }
    qd_start_word *st = QD_VEC_PUSH(&lx->arena, lx->start_list, lx->n_start_list, lx->cap_start_list);
    if (!st)
        return NULL;
    st->role = st->noun = -1;
    idx = lx->n_start_list - 1;
    if (ref) {
        *ref = (int32_t)idx;
    } else {
        if (qd_strmap_put_borrowed(&lx->start_words, sl->key, sl->keylen, sl->hash, idx) != 0)
            return NULL;
        qd_bloom_set(lx->start_filter, QD_START_FILTER_LOG2, sl->hash);
    }
    return st;
}

/* Give `bit` to every key of table t and every proper word prefix of one, and record
 * the values of the roles' and nouns' keys and which entries have longer keys after
 * them. */
static int mark_starts(qd_lexicon *lx, const qd_phrase_table *t)
{
    uint32_t bit = 1u << t->start;
    const qd_strmap *m = &t->walk;
    for (uint32_t i = 0; i < m->cap; i++) {
        const qd_strmap_slot *sl = &m->slots[i];
        if (!sl->key)
            continue;
        /* the word table and start_words keep keys by qd_hash_bytes, walk by
         * qd_phrase_hash (the two agree on one-word keys only) */
        qd_strmap_slot key = *sl;
        key.hash = qd_hash_bytes(sl->key, sl->keylen);
        qd_lexword *w;
        qd_start_word *st = start_of(lx, &key, &w);
        if (!st)
            return -1;
        st->starts |= (uint8_t)bit;
        if (w)
            w->starts = st->starts;
        st->walk[t->start] = sl->value;
        if (sl->value & QD_WALK_LONGER)
            st->longer |= (uint8_t)bit;
        if (!(sl->value & QD_WALK_KEY))
            continue;
        if (t == &lx->roles)
            st->role = (int32_t)(sl->value & QD_WALK_VALUE);
        else if (t == &lx->nouns)
            st->noun = (int32_t)(sl->value & QD_WALK_VALUE);
    }
    return 0;
}

/* (Re)make the phrase starts (see qd_lex_start) from the phrase tables.  A match gets
 * past its first word only when that word alone is an entry of walk, so every
 * entry is marked (the multi-word ones are never a token's norm, and too few to matter).
 * Keys are borrowed from the tables (in the lexicon's arena); a table made before is left
 * in the arena. */
static int index_phrase_starts(qd_lexicon *lx)
{
    /* in the order of their QD_START_* bits */
    qd_phrase_table *tables[QD_N_STARTS] = {&lx->cues, &lx->roles, &lx->nouns, &lx->people, &lx->places, &lx->outlets};
    for (uint32_t i = 0; i < lx->n_lexwords; i++) {
        lx->lexwords[i].starts = 0;
        lx->lexwords[i].start = -1;
    }
    lx->n_start_list = 0;
    qd_strmap_init(&lx->start_words, &lx->arena);
    memset(lx->start_filter, 0, sizeof(lx->start_filter));
    for (uint32_t k = 0; k < QD_N_STARTS; k++) {
        tables[k]->start = k;
        if (mark_starts(lx, tables[k]) != 0)
            return -1;
    }
    return 0;
}

/* The tables made from the others once lexicon text is added. */
static int index_words(qd_lexicon *lx)
{
    return index_function_words(lx) == 0 && index_phrase_starts(lx) == 0 ? 0 : -1;
}

uint32_t qd_phrase_hash(const char *key, size_t n)
{
    size_t w = 0;
    while (w < n && key[w] != ' ')
        w++;
    uint32_t h = qd_hash_bytes(key, w);
    while (w < n) {
        size_t b = ++w;
        while (w < n && key[w] != ' ')
            w++;
        h = qd_phrase_hash_extend(h, qd_hash_bytes(key + b, w - b));
    }
    return h;
}

bool qd_lex_phrase(const qd_phrase_table *t, const char *key, size_t n, uint32_t *value)
{
    return qd_strmap_get(&t->map, key, n, value);
}

/* ---- loading helpers ---------------------------------------------------------- */

typedef struct loader {
    qd_lexicon *lx;
    const char *name; /* file name for messages */
    unsigned line;
    qd_error *err;
} loader;

static int oom(loader *ld)
{
    return qd_error_set(ld->err, QD_ENOMEM, "%s: out of memory", ld->name);
}

static int bad(loader *ld, const char *what)
{
    return qd_error_set(ld->err, QD_ELEXICON, "%s:%u: %s", ld->name, ld->line, what);
}

/* Normalised copy of a key in the lexicon arena. */
static char *key_dup(loader *ld, const char *s, size_t n, size_t *out_len)
{
    char *tmp = malloc(4 * n + 1);
    if (!tmp)
        return NULL;
    size_t k = qd_lex_key(s, n, tmp);
    char *r = qd_arena_strndup(&ld->lx->arena, tmp, k);
    free(tmp);
    if (out_len)
        *out_len = k;
    return r;
}

static uint32_t count_words(const char *k, size_t n)
{
    uint32_t w = n ? 1 : 0;
    for (size_t i = 0; i < n; i++)
        if (k[i] == ' ')
            w++;
    return w;
}

/* Add `bits` (QD_WALK_KEY with a value, or QD_WALK_LONGER) to the walk entry of key: a
 * key and a prefix of a longer key may come in either order, and a key put again takes
 * its new value, as in map. */
static int walk_put(qd_phrase_table *t, const char *key, size_t n, uint32_t bits)
{
    uint32_t h = qd_phrase_hash(key, n);
    qd_strmap_slot *s = qd_strmap_slot_of(&t->walk, key, n, h);
    if (!s || !s->key) {
        qd_bloom_set(t->filter, QD_PHRASE_FILTER_LOG2, h);
        /* the key lives in the lexicon's arena as long as the table */
        return qd_strmap_put_borrowed(&t->walk, key, n, h, bits);
    }
    if (bits & QD_WALK_KEY)
        s->value = (s->value & QD_WALK_LONGER) | bits;
    else
        s->value |= bits;
    return 0;
}

static int phrase_put(loader *ld, qd_phrase_table *t, const char *s, size_t n, uint32_t value)
{
    size_t k;
    char *key = key_dup(ld, s, n, &k);
    if (!key)
        return oom(ld);
    if (k == 0)
        return bad(ld, "empty key");
    if (value > QD_WALK_VALUE)
        return bad(ld, "too many entries");
    if (qd_strmap_put(&t->map, key, k, value) != 0 || walk_put(t, key, k, QD_WALK_KEY | value) != 0)
        return oom(ld);
    for (size_t i = 0; i < k; i++) {
        if (key[i] != ' ')
            continue;
        if (walk_put(t, key, i, QD_WALK_LONGER) != 0)
            return oom(ld);
    }
    uint32_t w = count_words(key, k);
    if (w > t->max_words)
        t->max_words = w;
    return 0;
}

static qd_lexword *word_ref(loader *ld, const char *s, size_t n)
{
    qd_lexicon *lx = ld->lx;
    size_t k;
    char *key = key_dup(ld, s, n, &k);
    if (!key || k == 0)
        return NULL;
    uint32_t idx;
    if (qd_strmap_get(&lx->words, key, k, &idx))
        return &lx->lexwords[idx];
    qd_lexword *w = QD_VEC_PUSH(&lx->arena, lx->lexwords, lx->n_lexwords, lx->cap_lexwords);
    if (!w)
        return NULL;
    w->verb = -1;
    w->variant = -1;
    w->start = -1;
    if (qd_strmap_put(&lx->words, key, k, lx->n_lexwords - 1) != 0)
        return NULL;
    qd_bloom_set(lx->word_filter, QD_WORD_FILTER_LOG2, qd_hash_bytes(key, k));
    return w;
}

static char *field_dup(loader *ld, const char *s)
{
    return qd_arena_strdup(&ld->lx->arena, s);
}

/* Split a comma list in place; returns the number of items (trimmed). */
static int split_list(char *s, char **items, int max)
{
    int n = 0;
    while (*s && n < max) {
        while (*s == ' ')
            s++;
        char *start = s;
        while (*s && *s != ',')
            s++;
        char *end = s;
        if (*s == ',')
            *s++ = '\0';
        while (end > start && end[-1] == ' ')
            *--end = '\0';
        *end = '\0';
        if (*start)
            items[n++] = start;
    }
    return n;
}

/* ---- one handler per kind ---------------------------------------------------- */

static const struct {
    const char *name;
    uint32_t tag;
} tag_names[] = {
    {"det", QD_W_DET},       {"pron", QD_W_PRON},   {"poss", QD_W_POSS},
    {"obj", QD_W_OBJ},       {"prep", QD_W_PREP},   {"conj", QD_W_CONJ},
    {"sub", QD_W_SUB},       {"aux", QD_W_AUX},     {"modal", QD_W_MODAL},
    {"adv", QD_W_ADV},       {"neg", QD_W_NEG},     {"wh", QD_W_WH},
    {"num", QD_W_NUM},       {"time", QD_W_TIME},   {"month", QD_W_MONTH},
    {"weekday", QD_W_WEEKDAY}, {"honorific", QD_W_HONORIFIC}, {"rel", QD_W_REL},
};

static int load_words(loader *ld, char **f, int nf)
{
    if (nf < 2)
        return bad(ld, "expected: word<TAB>tags");
    qd_lexword *w = word_ref(ld, f[0], strlen(f[0]));
    if (!w)
        return oom(ld);
    char *items[16];
    int n = split_list(f[1], items, 16);
    for (int i = 0; i < n; i++) {
        const char *t = items[i];
        if (strlen(t) == 1 && strchr("mfnp", t[0])) {
            w->gender = t[0];
            continue;
        }
        size_t j;
        for (j = 0; j < sizeof(tag_names) / sizeof(tag_names[0]); j++)
            if (strcmp(t, tag_names[j].name) == 0)
                break;
        if (j == sizeof(tag_names) / sizeof(tag_names[0]))
            return bad(ld, "unknown word tag");
        w->tags |= tag_names[j].tag;
    }
    return 0;
}

static int load_abbreviations(loader *ld, char **f, int nf)
{
    static const char *const names[] = {"title", "month", "general", "initialism"};
    if (nf < 2)
        return bad(ld, "expected: abbreviation<TAB>kind");
    int kind = -1;
    for (int i = 0; i < 4; i++)
        if (strcmp(f[1], names[i]) == 0)
            kind = i;
    if (kind < 0)
        return bad(ld, "kind must be title, month, general or initialism");
    qd_lexword *w = word_ref(ld, f[0], strlen(f[0]));
    if (!w)
        return oom(ld);
    w->abbr = (int8_t)(kind + 1);
    return 0;
}

static void regular_forms(const char *lemma, char forms[5][64])
{
    size_t n = strlen(lemma);
    char last = n ? lemma[n - 1] : 0;
    char prev = n > 1 ? lemma[n - 2] : 0;
    bool cons_y = last == 'y' && prev && !strchr("aeiou", prev);
    snprintf(forms[0], 64, "%s", lemma);
    if (cons_y)
        snprintf(forms[1], 64, "%.*sies", (int)(n - 1), lemma);
    else if (last == 's' || last == 'x' || last == 'z' ||
             (n > 1 && (strcmp(lemma + n - 2, "ch") == 0 || strcmp(lemma + n - 2, "sh") == 0)))
        snprintf(forms[1], 64, "%ses", lemma);
    else
        snprintf(forms[1], 64, "%ss", lemma);
    if (last == 'e')
        snprintf(forms[2], 64, "%sd", lemma);
    else if (cons_y)
        snprintf(forms[2], 64, "%.*sied", (int)(n - 1), lemma);
    else
        snprintf(forms[2], 64, "%sed", lemma);
    memcpy(forms[3], forms[2], 64);
    if (last == 'e' && prev != 'e' && prev != 'i')
        snprintf(forms[4], 64, "%.*sing", (int)(n - 1), lemma);
    else if (last == 'e' && prev == 'i')
        snprintf(forms[4], 64, "%.*sying", (int)(n - 2), lemma);
    else
        snprintf(forms[4], 64, "%sing", lemma);
}

static int load_speech_verbs(loader *ld, char **f, int nf)
{
    static const char *const classes[] = {"speech", "writing", "thought", "evidence", "intent", "question"};
    static const struct {
        const char *name;
        uint32_t bit;
    } frames[] = {{"that", QD_VFR_THAT}, {"quote", QD_VFR_QUOTE}, {"inv", QD_VFR_INV},
                  {"obj", QD_VFR_OBJ},   {"to", QD_VFR_TO},       {"about", QD_VFR_ABOUT}};
    if (nf < 4)
        return bad(ld, "expected: lemma<TAB>class<TAB>stance<TAB>frames[<TAB>forms]");
    qd_lexicon *lx = ld->lx;
    int vclass = -1;
    for (int i = 0; i < 6; i++)
        if (strcmp(f[1], classes[i]) == 0)
            vclass = i;
    if (vclass < 0)
        return bad(ld, "unknown verb class");
    uint32_t fr = 0;
    char *items[16];
    int n = split_list(f[3], items, 16);
    for (int i = 0; i < n; i++) {
        size_t j;
        for (j = 0; j < sizeof(frames) / sizeof(frames[0]); j++)
            if (strcmp(items[i], frames[j].name) == 0)
                break;
        if (j == sizeof(frames) / sizeof(frames[0]))
            return bad(ld, "unknown verb frame");
        fr |= frames[j].bit;
    }
    size_t kl;
    char *lemma = key_dup(ld, f[0], strlen(f[0]), &kl);
    if (!lemma)
        return oom(ld);
    uint32_t vi;
    if (!qd_strmap_get(&lx->verb_lemmas, lemma, kl, &vi)) {
        if (!QD_VEC_PUSH(&lx->arena, lx->verbs, lx->n_verbs, lx->cap_verbs))
            return oom(ld);
        vi = lx->n_verbs - 1;
        if (qd_strmap_put(&lx->verb_lemmas, lemma, kl, vi) != 0)
            return oom(ld);
    }
    qd_speech_verb *v = &lx->verbs[vi];
    v->lemma = lemma;
    v->vclass = (qd_vclass)vclass;
    v->frames = fr;
    v->stance = field_dup(ld, f[2]);
    if (!v->stance)
        return oom(ld);

    char forms[5][64];
    regular_forms(lemma, forms);
    if (nf >= 5 && f[4][0]) {
        char *fi[8];
        int m = split_list(f[4], fi, 8);
        if (m != 5)
            return bad(ld, "forms must list base,3sg,past,participle,ing");
        for (int i = 0; i < 5; i++)
            snprintf(forms[i], 64, "%s", fi[i]);
    }
    static const qd_vform vf[5] = {QD_VF_BASE, QD_VF_3SG, QD_VF_PAST, QD_VF_PART, QD_VF_ING};
    for (int i = 0; i < 5; i++) {
        qd_lexword *w = word_ref(ld, forms[i], strlen(forms[i]));
        if (!w)
            return oom(ld);
        /* A participle that equals the past form stays "past"; a form shared by two
         * verbs (found: find/found) keeps the first verb it was given. */
        if (w->verb >= 0 && (uint32_t)w->verb != vi)
            continue;
        if (w->verb == (int32_t)vi && i == 3)
            continue;
        w->verb = (int32_t)vi;
        w->vform = (uint8_t)vf[i];
    }
    return 0;
}

static int load_cue_phrases(loader *ld, char **f, int nf)
{
    static const char *const types[] = {"source-after", "verb", "venue", "intermediary", "passive"};
    if (nf < 2)
        return bad(ld, "expected: phrase<TAB>type[<TAB>lemma]");
    qd_lexicon *lx = ld->lx;
    int type = -1;
    for (int i = 0; i < 5; i++)
        if (strcmp(f[1], types[i]) == 0)
            type = i;
    if (type < 0)
        return bad(ld, "unknown cue type");
    qd_cue_phrase *c = QD_VEC_PUSH(&lx->arena, lx->cue_phrases, lx->n_cue_phrases, lx->cap_cue_phrases);
    if (!c)
        return oom(ld);
    c->type = (qd_cue_type)type;
    c->verb = -1;
    if (type == QD_CUE_VERB) {
        if (nf < 3)
            return bad(ld, "a verb cue needs the lemma of the speech verb it acts as");
        uint32_t vi;
        if (!qd_strmap_get(&lx->verb_lemmas, f[2], strlen(f[2]), &vi))
            return bad(ld, "the lemma is not in speech_verbs");
        c->verb = (int32_t)vi;
    }
    return phrase_put(ld, &lx->cues, f[0], strlen(f[0]), lx->n_cue_phrases - 1);
}

/* The plural of a noun phrase stands for the same entry ("reporters", "spokesmen",
 * "press releases"), unless the file lists the plural itself. */
static int put_plural(loader *ld, qd_phrase_table *t, const char *phrase, uint32_t value)
{
    char pl[256];
    size_t n = strlen(phrase);
    if (n + 3 >= sizeof(pl) || n < 3)
        return 0;
    char last = phrase[n - 1];
    if (n > 3 && strcmp(phrase + n - 3, "man") == 0)
        snprintf(pl, sizeof(pl), "%.*smen", (int)(n - 3), phrase);
    else if (last == 's' || last == 'x' || strcmp(phrase + n - 2, "ch") == 0 || strcmp(phrase + n - 2, "sh") == 0)
        snprintf(pl, sizeof(pl), "%ses", phrase);
    else if (last == 'y' && !strchr("aeiou", phrase[n - 2]))
        snprintf(pl, sizeof(pl), "%.*sies", (int)(n - 1), phrase);
    else
        snprintf(pl, sizeof(pl), "%ss", phrase);
    uint32_t existing;
    size_t kl;
    char *key = key_dup(ld, pl, strlen(pl), &kl);
    if (!key)
        return oom(ld);
    if (qd_strmap_get(&t->map, key, kl, &existing))
        return 0;
    return phrase_put(ld, t, pl, strlen(pl), value);
}

static int load_roles(loader *ld, char **f, int nf)
{
    if (nf < 3)
        return bad(ld, "expected: phrase<TAB>key<TAB>categories");
    qd_lexicon *lx = ld->lx;
    qd_role *r = QD_VEC_PUSH(&lx->arena, lx->role_list, lx->n_roles, lx->cap_roles);
    if (!r)
        return oom(ld);
    r->phrase = field_dup(ld, f[0]);
    r->key = field_dup(ld, f[1]);
    r->categories = field_dup(ld, f[2]);
    if (!r->phrase || !r->key || !r->categories)
        return oom(ld);
    r->generic = strcmp(r->key, "*") == 0;
    r->key_id = lx->n_roles - 1;
    if (!qd_strmap_get(&lx->role_keys, r->key, strlen(r->key), &r->key_id) &&
        qd_strmap_put(&lx->role_keys, r->key, strlen(r->key), r->key_id) != 0)
        return oom(ld);
    int rc = phrase_put(ld, &lx->roles, f[0], strlen(f[0]), lx->n_roles - 1);
    if (rc)
        return rc;
    return put_plural(ld, &lx->roles, f[0], lx->n_roles - 1);
}

static int load_nouns(loader *ld, char **f, int nf)
{
    static const char *const classes[] = {"org", "gov", "group", "anon", "document", "venue", "media"};
    if (nf < 2)
        return bad(ld, "expected: noun<TAB>class");
    for (int i = 0; i < 7; i++)
        if (strcmp(f[1], classes[i]) == 0) {
            int rc = phrase_put(ld, &ld->lx->nouns, f[0], strlen(f[0]), (uint32_t)i);
            /* plural nouns of things that speak ("reports", "polls"); group nouns are
             * listed in the plural already */
            if (!rc && (i == QD_NC_DOCUMENT || i == QD_NC_ORG || i == QD_NC_MEDIA))
                rc = put_plural(ld, &ld->lx->nouns, f[0], (uint32_t)i);
            return rc;
        }
    return bad(ld, "unknown noun class");
}

static int load_first_names(loader *ld, char **f, int nf)
{
    if (nf < 2 || strlen(f[1]) != 1 || !strchr("mfu", f[1][0]))
        return bad(ld, "expected: name<TAB>m|f|u");
    qd_lexword *w = word_ref(ld, f[0], strlen(f[0]));
    if (!w)
        return oom(ld);
    w->first_name = true;
    w->gender = f[1][0];
    return 0;
}

static int load_name_variants(loader *ld, char **f, int nf)
{
    if (nf < 2)
        return bad(ld, "expected: canonical<TAB>variants");
    qd_lexicon *lx = ld->lx;
    const char **slot = QD_VEC_PUSH(&lx->arena, lx->variant_names, lx->n_variants, lx->cap_variants);
    if (!slot)
        return oom(ld);
    *slot = field_dup(ld, f[0]);
    if (!*slot)
        return oom(ld);
    int32_t g = (int32_t)lx->n_variants - 1;
    qd_lexword *w = word_ref(ld, f[0], strlen(f[0]));
    if (!w)
        return oom(ld);
    w->variant = g;
    char *items[32];
    int n = split_list(f[1], items, 32);
    for (int i = 0; i < n; i++) {
        w = word_ref(ld, items[i], strlen(items[i]));
        if (!w)
            return oom(ld);
        w->variant = g;
    }
    return 0;
}

static int load_people(loader *ld, char **f, int nf)
{
    if (nf < 4)
        return bad(ld, "expected: name<TAB>role<TAB>country<TAB>gender");
    qd_lexicon *lx = ld->lx;
    qd_person *p = QD_VEC_PUSH(&lx->arena, lx->person_list, lx->n_people, lx->cap_people);
    if (!p)
        return oom(ld);
    p->name = field_dup(ld, f[0]);
    p->role_key = field_dup(ld, f[1]);
    p->country = field_dup(ld, f[2]);
    p->gender = f[3][0];
    if (!p->name || !p->role_key || !p->country)
        return oom(ld);
    return phrase_put(ld, &lx->people, f[0], strlen(f[0]), lx->n_people - 1);
}

static int load_places(loader *ld, char **f, int nf)
{
    static const char *const names[] = {"country", "capital", "adjective", "city", "region", "alliance"};
    if (nf < 3)
        return bad(ld, "expected: name<TAB>code<TAB>kind");
    qd_lexicon *lx = ld->lx;
    int kind = -1;
    for (int i = 0; i < 6; i++)
        if (strcmp(f[2], names[i]) == 0)
            kind = i;
    if (kind < 0)
        return bad(ld, "unknown place kind");
    qd_place *p = QD_VEC_PUSH(&lx->arena, lx->place_list, lx->n_places, lx->cap_places);
    if (!p)
        return oom(ld);
    p->name = field_dup(ld, f[0]);
    p->code = field_dup(ld, f[1]);
    p->kind = (qd_place_kind)kind;
    if (!p->name || !p->code)
        return oom(ld);
    return phrase_put(ld, &lx->places, f[0], strlen(f[0]), lx->n_places - 1);
}

static int load_outlets(loader *ld, char **f, int nf)
{
    if (nf < 2)
        return bad(ld, "expected: name<TAB>kind[<TAB>aliases[<TAB>domains]]");
    qd_lexicon *lx = ld->lx;
    qd_outlet_kind kind;
    if (strcmp(f[1], "outlet") == 0)
        kind = QD_OUTLET;
    else if (strcmp(f[1], "agency") == 0)
        kind = QD_AGENCY;
    else
        return bad(ld, "kind must be outlet or agency");
    qd_outlet *o = QD_VEC_PUSH(&lx->arena, lx->outlet_list, lx->n_outlets, lx->cap_outlets);
    if (!o)
        return oom(ld);
    o->name = field_dup(ld, f[0]);
    o->kind = kind;
    if (!o->name)
        return oom(ld);
    uint32_t idx = lx->n_outlets - 1;
    int rc = phrase_put(ld, &lx->outlets, f[0], strlen(f[0]), idx);
    if (rc)
        return rc;
    char *items[32];
    if (nf >= 3) {
        int n = split_list(f[2], items, 32);
        for (int i = 0; i < n; i++)
            if ((rc = phrase_put(ld, &lx->outlets, items[i], strlen(items[i]), idx)) != 0)
                return rc;
    }
    if (nf >= 4) {
        int n = split_list(f[3], items, 32);
        for (int i = 0; i < n; i++) {
            size_t k;
            char *key = key_dup(ld, items[i], strlen(items[i]), &k);
            if (!key || qd_strmap_put(&lx->outlet_domains, key, k, idx) != 0)
                return oom(ld);
        }
    }
    return 0;
}

static int load_furniture(loader *ld, char **f, int nf)
{
    if (nf < 2)
        return bad(ld, "expected: phrase<TAB>line|prefix|contains");
    qd_lexicon *lx = ld->lx;
    qd_furn_match m;
    if (strcmp(f[1], "line") == 0)
        m = QD_FURN_LINE;
    else if (strcmp(f[1], "prefix") == 0)
        m = QD_FURN_PREFIX;
    else if (strcmp(f[1], "contains") == 0)
        m = QD_FURN_CONTAINS;
    else
        return bad(ld, "match must be line, prefix or contains");
    qd_furniture *fu = QD_VEC_PUSH(&lx->arena, lx->furniture, lx->n_furniture, lx->cap_furniture);
    if (!fu)
        return oom(ld);
    fu->phrase = key_dup(ld, f[0], strlen(f[0]), &fu->len);
    fu->match = m;
    if (!fu->phrase)
        return oom(ld);
    /* the facts the layout filters lines with (see furniture_line_max) */
    uint32_t len = (uint32_t)fu->len;
    if (m == QD_FURN_LINE && len > lx->furniture_line_max)
        lx->furniture_line_max = len;
    if (m != QD_FURN_CONTAINS && len > lx->furniture_head_max)
        lx->furniture_head_max = len;
    if (m == QD_FURN_PREFIX) {
        unsigned char c = (unsigned char)fu->phrase[0];
        for (unsigned b = 0; b < 256; b++) /* an empty phrase is a prefix of every line */
            if (b == c || len == 0)
                lx->furniture_prefix_first[b >> 6] |= (uint64_t)1 << (b & 63);
    }
    if (m == QD_FURN_CONTAINS)
        lx->furniture_contains = true;
    uint32_t *k = QD_VEC_PUSH(&lx->arena, lx->furniture_kind[m], lx->n_furniture_kind[m], lx->cap_furniture_kind[m]);
    if (!k)
        return oom(ld);
    *k = lx->n_furniture - 1;
    return 0;
}

static int load_html_hints(loader *ld, char **f, int nf)
{
    static const char *const names[] = {"content", "boilerplate", "unlikely", "drop", "furniture",
                                        "caption", "heading", "paragraph", "item", "list", "quote",
                                        "section", "row"};
    if (nf < 2)
        return bad(ld, "expected: word-or-<tag><TAB>kind[<TAB>word|inside]");
    qd_lexicon *lx = ld->lx;
    bool tag = f[0][0] == '<';
    int kind = -1;
    for (int i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++)
        if (strcmp(f[1], names[i]) == 0)
            kind = i;
    if (kind < 0)
        return bad(ld, "unknown html hint kind");
    /* the first three kinds describe class/id words, the others element names */
    if (tag != (kind > QD_HINT_UNLIKELY))
        return bad(ld, tag ? "an element needs an element kind" : "a class/id word needs content, boilerplate or unlikely");
    bool inside = nf >= 3 && strcmp(f[2], "inside") == 0;
    if (nf >= 3 && !inside && strcmp(f[2], "word") != 0)
        return bad(ld, "match must be word or inside");
    size_t k;
    char *key = key_dup(ld, f[0], strlen(f[0]), &k);
    if (!key)
        return oom(ld);
    if (inside) {
        qd_html_sub *s = QD_VEC_PUSH(&lx->arena, lx->html_subs, lx->n_html_subs, lx->cap_html_subs);
        if (!s)
            return oom(ld);
        s->term = key;
        s->len = k;
        s->hint = (qd_html_hint)kind;
        return 0;
    }
    return qd_strmap_put(&lx->html_hints, key, k, (uint32_t)kind) == 0 ? 0 : oom(ld);
}

static int load_labels(loader *ld, char **f, int nf)
{
    if (nf < 2)
        return bad(ld, "expected: referent<TAB>label[<TAB>note]");
    qd_lexicon *lx = ld->lx;
    size_t k;
    char *key = key_dup(ld, f[1], strlen(f[1]), &k);
    qd_label *l = key ? QD_VEC_PUSH(&lx->arena, lx->labels, lx->n_labels, lx->cap_labels) : NULL;
    if (!l)
        return oom(ld);
    l->referent = field_dup(ld, f[0]);
    l->label = key;
    l->note = nf >= 3 && f[2][0] ? field_dup(ld, f[2]) : NULL;
    if (!l->referent || (nf >= 3 && f[2][0] && !l->note))
        return oom(ld);
    if (k > lx->label_max_len)
        lx->label_max_len = (uint32_t)k;
    for (size_t i = 1; i <= k; i++) {
        if (qd_strmap_put(&lx->label_prefixes, key, i, 0) != 0)
            return oom(ld);
        qd_bloom_set(lx->label_filter, QD_PHRASE_FILTER_LOG2, qd_hash_bytes(key, i));
    }
    return qd_strmap_put(&lx->label_keys, key, k, lx->n_labels - 1) == 0 ? 0 : oom(ld);
}

/* A key in upper case is a country code (kept as "#ru"), anything else a name.  The level
 * says whether the side is a country (or bloc) or a party within one; a party member
 * ("Hillary Clinton") is also found by surname and initial ("clinton|h") and by bare
 * surname ("clinton|") unless two members of different parties share it. */
static int put_side(loader *ld, const char *key, size_t n, uint32_t value)
{
    size_t k;
    char *kd = key_dup(ld, key, n, &k);
    if (!kd)
        return oom(ld);
    return qd_strmap_put(&ld->lx->sides, kd, k, value) == 0 ? 0 : oom(ld);
}

static int load_sides(loader *ld, char **f, int nf)
{
    if (nf < 2 || !f[1][0])
        return bad(ld, "expected: country-code-or-name<TAB>side[<TAB>country|party|member]");
    qd_lexicon *lx = ld->lx;
    const char *level = nf >= 3 && f[2][0] ? f[2] : "country";
    bool party = strcmp(level, "party") == 0, member = strcmp(level, "member") == 0;
    if (!party && !member && strcmp(level, "country") != 0)
        return bad(ld, "level must be country, party or member");
    bool code = true;
    for (const char *p = f[0]; *p; p++)
        code &= *p >= 'A' && *p <= 'Z';
    char buf[256];
    int n = snprintf(buf, sizeof(buf), "%s%s", code ? "#" : "", f[0]);
    if (n <= 0 || (size_t)n >= sizeof(buf))
        return bad(ld, "key too long");
    uint32_t idx = 0;
    while (idx < lx->n_side_names && strcmp(lx->side_names[idx], f[1]) != 0)
        idx++;
    if (idx == lx->n_side_names) {
        const char **s = QD_VEC_PUSH(&lx->arena, lx->side_names, lx->n_side_names, lx->cap_side_names);
        if (!s || !(*s = field_dup(ld, f[1])))
            return oom(ld);
    }
    uint32_t value = idx | (party || member ? QD_SIDE_PARTY : 0);
    int rc = put_side(ld, buf, (size_t)n, value);
    const char *sp = strrchr(f[0], ' ');
    if (rc || !member || !sp)
        return rc;
    /* "clinton|h" and "clinton|" */
    n = snprintf(buf, sizeof(buf), "%s|%c", sp + 1, f[0][0]);
    if (n <= 0 || (size_t)n >= sizeof(buf) || (rc = put_side(ld, buf, (size_t)n, value)) != 0)
        return rc;
    n = snprintf(buf, sizeof(buf), "%s|", sp + 1);
    size_t k;
    char *kd = key_dup(ld, buf, (size_t)n, &k);
    if (!kd)
        return oom(ld);
    uint32_t have;
    if (qd_strmap_get(&lx->sides, kd, k, &have) && have != value)
        value = QD_SIDE_AMBIGUOUS;
    return qd_strmap_put(&lx->sides, kd, k, value) == 0 ? 0 : oom(ld);
}

typedef int (*line_fn)(loader *, char **, int);

static line_fn handler_for(const char *kind)
{
    static const struct {
        const char *kind;
        line_fn fn;
    } table[] = {
        {"words", load_words},
        {"abbreviations", load_abbreviations},
        {"speech_verbs", load_speech_verbs},
        {"cue_phrases", load_cue_phrases},
        {"roles", load_roles},
        {"nouns", load_nouns},
        {"first_names", load_first_names},
        {"name_variants", load_name_variants},
        {"people", load_people},
        {"places", load_places},
        {"outlets", load_outlets},
        {"furniture", load_furniture},
        {"html_hints", load_html_hints},
        {"labels", load_labels},
        {"sides", load_sides},
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
        if (strcmp(table[i].kind, kind) == 0)
            return table[i].fn;
    return NULL;
}

static int add_text(qd_lexicon *lx, const char *kind, const char *name, const char *text, size_t len,
                    qd_error *err);

int qd_lexicon_add_text(qd_lexicon *lx, const char *kind, const char *name, const char *text,
                        size_t len, qd_error *err)
{
    int rc = add_text(lx, kind, name, text, len, err);
    /* also after an error: the lines before the bad one are in the word and phrase
     * tables already, and qd_lex_function_word and qd_lex_start must go on saying what
     * those tables say */
    if (index_words(lx) != 0 && rc == 0)
        rc = qd_error_set(err, QD_ENOMEM, "%s: out of memory", name);
    return rc;
}

static int add_text(qd_lexicon *lx, const char *kind, const char *name, const char *text, size_t len,
                    qd_error *err)
{
    line_fn fn = handler_for(kind);
    if (!fn)
        return qd_error_set(err, QD_EUSAGE, "%s: unknown lexicon kind '%s'", name, kind);
    loader ld = {lx, name, 0, err};
    size_t i = 0;
    char *line = NULL;
    size_t cap = 0;
    int rc = 0;
    while (i < len && rc == 0) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        ld.line++;
        size_t n = j - i;
        if (n && text[i + n - 1] == '\r')
            n--;
        if (n + 1 > cap) {
            char *p = realloc(line, n + 1);
            if (!p) {
                rc = oom(&ld);
                break;
            }
            line = p;
            cap = n + 1;
        }
        memcpy(line, text + i, n);
        line[n] = '\0';
        i = j + 1;
        if (memchr(line, '\0', n)) {
            rc = bad(&ld, "NUL byte in lexicon line");
            break;
        }
        for (size_t k = 0; k < n;) {
            int v = qd_utf8_valid_at(line, n, k);
            if (!v) {
                rc = bad(&ld, "invalid UTF-8");
                break;
            }
            k += (size_t)v;
        }
        if (rc)
            break;
        char *p = line;
        while (*p == ' ')
            p++;
        if (*p == '\0' || *p == '#')
            continue;
        char *fields[MAX_FIELDS];
        int nf = 0;
        char *s = p;
        for (;;) {
            char *tab = strchr(s, '\t');
            if (nf < MAX_FIELDS)
                fields[nf++] = s;
            if (!tab)
                break;
            *tab = '\0';
            s = tab + 1;
        }
        for (int k = 0; k < nf; k++) { /* trim spaces around fields */
            char *a = fields[k];
            while (*a == ' ')
                a++;
            char *e = a + strlen(a);
            while (e > a && e[-1] == ' ')
                *--e = '\0';
            fields[k] = a;
        }
        if (fields[0][0] == '\0') {
            rc = bad(&ld, "empty first field");
            break;
        }
        rc = fn(&ld, fields, nf);
    }
    free(line);
    return rc;
}

int qd_lexicon_new(qd_lexicon **out, qd_error *err)
{
    qd_lexicon *lx = calloc(1, sizeof(*lx));
    if (!lx)
        return qd_error_set(err, QD_ENOMEM, "lexicon: out of memory");
    qd_arena_init(&lx->arena);
    qd_strmap_init(&lx->words, &lx->arena);
    qd_strmap_init(&lx->verb_lemmas, &lx->arena);
    qd_strmap_init(&lx->cues.map, &lx->arena);
    qd_strmap_init(&lx->cues.walk, &lx->arena);
    qd_strmap_init(&lx->roles.map, &lx->arena);
    qd_strmap_init(&lx->roles.walk, &lx->arena);
    qd_strmap_init(&lx->role_keys, &lx->arena);
    qd_strmap_init(&lx->nouns.map, &lx->arena);
    qd_strmap_init(&lx->nouns.walk, &lx->arena);
    qd_strmap_init(&lx->people.map, &lx->arena);
    qd_strmap_init(&lx->people.walk, &lx->arena);
    qd_strmap_init(&lx->places.map, &lx->arena);
    qd_strmap_init(&lx->places.walk, &lx->arena);
    qd_strmap_init(&lx->outlets.map, &lx->arena);
    qd_strmap_init(&lx->outlets.walk, &lx->arena);
    qd_strmap_init(&lx->outlet_domains, &lx->arena);
    qd_strmap_init(&lx->html_hints, &lx->arena);
    qd_strmap_init(&lx->label_keys, &lx->arena);
    qd_strmap_init(&lx->label_prefixes, &lx->arena);
    qd_strmap_init(&lx->sides, &lx->arena);
    /* Kinds load in dependency order: cue phrases refer to speech verbs. */
    for (const char *const *k = kinds; *k; k++) {
        for (const qd_embedded_lexicon *e = qd_embedded_lexicons; e->kind; e++) {
            if (strcmp(e->kind, *k) != 0)
                continue;
            int rc = add_text(lx, e->kind, e->file, e->data, e->len, err);
            if (rc) {
                qd_lexicon_free(lx);
                return rc;
            }
        }
    }
    if (index_words(lx) != 0) {
        qd_lexicon_free(lx);
        return qd_error_set(err, QD_ENOMEM, "lexicon: out of memory");
    }
    *out = lx;
    return 0;
}

int qd_lexicon_add_dir(qd_lexicon *lx, const char *dir, qd_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return qd_error_set(err, QD_EIO, "%s: %s", dir, strerror(errno));
    closedir(d);
    int rc = 0;
    bool added = false;
    for (const char *const *k = kinds; *k && rc == 0; k++) {
        char path[4096];
        snprintf(path, sizeof(path), "%s/%s.tsv", dir, *k);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        fclose(f);
        char *data;
        size_t len;
        rc = qd_read_file(path, 64u * 1024 * 1024, &data, &len, err);
        if (rc)
            break;
        rc = add_text(lx, *k, path, data, len, err);
        added = true; /* failing part way too: the lines before the bad one are in */
        free(data);
    }
    /* The function words' and phrase starts' tables once for the directory, not after
     * every file; also after a failure, so that they still say what the word and phrase
     * tables say (see qd_lexicon_add_text). */
    if (added && index_words(lx) != 0 && rc == 0)
        rc = qd_error_set(err, QD_ENOMEM, "%s: out of memory", dir);
    return rc;
}

void qd_lexicon_free(qd_lexicon *lx)
{
    if (!lx)
        return;
    qd_arena_release(&lx->arena);
    free(lx);
}
