/*
 * strmap.c - open-addressing string map (see strmap.h).
 */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

void qd_strmap_init(qd_strmap *m, qd_arena *arena)
{
    memset(m, 0, sizeof(*m));
    m->arena = arena;
}

void qd_strmap_init_heap(qd_strmap *m, qd_arena *arena)
{
    qd_strmap_init(m, arena);
    m->heap = true;
}

void qd_strmap_free(qd_strmap *m)
{
    if (m->heap)
        free(m->slots);
    m->slots = NULL;
    m->cap = m->n = 0;
}

static int resize(qd_strmap *m, uint32_t ncap)
{
    qd_strmap_slot *ns = m->heap ? calloc(ncap, sizeof(*ns)) : qd_arena_calloc(m->arena, ncap, sizeof(*ns));
    if (!ns)
        return -1;
    qd_strmap old = *m;
    m->slots = ns;
    m->cap = ncap;
    for (uint32_t i = 0; i < old.cap; i++) {
        qd_strmap_slot *s = &old.slots[i];
        if (s->key)
            *qd_strmap_slot_of(m, s->key, s->keylen, s->hash) = *s;
    }
    if (m->heap)
        free(old.slots);
    return 0;
}

static int grow(qd_strmap *m)
{
    uint32_t ncap = m->cap ? m->cap * 2 : 64;
    if (ncap < m->cap)
        return -1;
    return resize(m, ncap);
}

int qd_strmap_reserve(qd_strmap *m, uint32_t n)
{
    /* the same bound as qd_strmap_put: at most half full */
    uint64_t want = ((uint64_t)n + 1) * 2;
    uint64_t ncap = m->cap ? m->cap : 64;
    while (ncap <= want)
        ncap *= 2;
    if (ncap > UINT32_MAX)
        return -1;
    return ncap > m->cap ? resize(m, (uint32_t)ncap) : 0;
}

/* Insert or replace key (hash h); a new key is copied into the arena unless borrowed. */
static int put(qd_strmap *m, const char *key, size_t keylen, uint32_t h, uint32_t value, bool borrow)
{
    if (keylen > UINT32_MAX)
        return -1;
    /* at most half full: most lookups (a word in a phrase table) miss, and a miss under
     * linear probing costs 1/2 (1 + 1/(1-load)^2) probes: 2.5 at a half, 8.5 at 3/4 */
    if ((m->n + 1) * 2 >= m->cap && grow(m) != 0)
        return -1;
    qd_strmap_slot *s = qd_strmap_slot_of(m, key, keylen, h);
    if (!s->key) {
        const char *k = borrow ? key : qd_arena_strndup(m->arena, key, keylen);
        if (!k)
            return -1;
        s->key = k;
        s->keylen = (uint32_t)keylen;
        s->hash = h;
        m->n++;
    }
    s->value = value;
    return 0;
}

int qd_strmap_put(qd_strmap *m, const char *key, size_t keylen, uint32_t value)
{
    return put(m, key, keylen, qd_hash_bytes(key, keylen), value, false);
}

int qd_strmap_put_borrowed(qd_strmap *m, const char *key, size_t keylen, uint32_t h, uint32_t value)
{
    return put(m, key, keylen, h, value, true);
}

const char *qd_strmap_key(const qd_strmap *m, const char *key, size_t keylen)
{
    qd_strmap_slot *s = qd_strmap_slot_of(m, key, keylen, qd_hash_bytes(key, keylen));
    return s && s->key ? s->key : NULL;
}

uint32_t *qd_strmap_ref(const qd_strmap *m, const char *key, size_t keylen)
{
    qd_strmap_slot *s = qd_strmap_slot_of(m, key, keylen, qd_hash_bytes(key, keylen));
    return s && s->key ? &s->value : NULL;
}

bool qd_strmap_get(const qd_strmap *m, const char *key, size_t keylen, uint32_t *value)
{
    uint32_t *v = qd_strmap_ref(m, key, keylen);
    if (!v)
        return false;
    if (value)
        *value = *v;
    return true;
}
