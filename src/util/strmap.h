/*
 * strmap.h - string -> uint32 hash map (open addressing, FNV-1a), keys copied into an
 * arena.  Used for lexicons (built once, then read-only and shared) and for per-document
 * tables.
 */
#ifndef QD_STRMAP_H
#define QD_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

typedef struct qd_strmap_slot {
    const char *key; /* NULL: empty */
    uint32_t keylen;
    uint32_t hash;
    uint32_t value;
} qd_strmap_slot;

typedef struct qd_strmap {
    qd_strmap_slot *slots;
    uint32_t cap; /* power of two */
    uint32_t n;
    qd_arena *arena;
    bool heap;    /* slots malloc'd (qd_strmap_init_heap) */
} qd_strmap;

void qd_strmap_init(qd_strmap *m, qd_arena *arena);
/* A map whose table is malloc'd, so the table it outgrows is freed instead of staying
 * in the arena: for a map that grows all along a long-lived arena (a corpus's speakers,
 * a million keys at 100,000 documents).  Keys are still copied into the arena.  Free
 * the table with qd_strmap_free. */
void qd_strmap_init_heap(qd_strmap *m, qd_arena *arena);
void qd_strmap_free(qd_strmap *m);
/* Insert or replace.  Returns 0, or -1 when out of memory. */
int qd_strmap_put(qd_strmap *m, const char *key, size_t keylen, uint32_t value);
/* Look up; returns true and sets *value when found. */
bool qd_strmap_get(const qd_strmap *m, const char *key, size_t keylen, uint32_t *value);
/* The map's own copy of a key (NULL if absent): a map can intern strings. */
const char *qd_strmap_key(const qd_strmap *m, const char *key, size_t keylen);
/* Pointer to the stored value (NULL if absent), for in-place updates. */
uint32_t *qd_strmap_ref(const qd_strmap *m, const char *key, size_t keylen);

/* FNV-1a can be computed piecewise: qd_hash_extend(qd_hash_bytes(a), b) is the hash of
 * a followed by b.  Phrase matching extends a key word by word without rehashing it.
 * Inline: every token and every lookup hashes a few bytes. */
#define QD_HASH_INIT 2166136261u
static inline uint32_t qd_hash_extend(uint32_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}
static inline uint32_t qd_hash_bytes(const char *s, size_t n)
{
    return qd_hash_extend(QD_HASH_INIT, s, n);
}
/* Do the n bytes at a and b agree?  Keys are mostly short words: they are compared a
 * few bytes at a time (the last chunk overlapping the one before), never reading past
 * either key's n bytes, instead of byte by byte or through a call to memcmp. */
static inline bool qd_strmap_same_bytes(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        uint64_t x, y;
        for (; n > 8; a += 8, b += 8, n -= 8) {
            memcpy(&x, a, 8);
            memcpy(&y, b, 8);
            if (x != y)
                return false;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        uint32_t x1, y1, x2, y2;
        memcpy(&x1, a, 4);
        memcpy(&y1, b, 4);
        memcpy(&x2, a + n - 4, 4);
        memcpy(&y2, b + n - 4, 4);
        return x1 == y1 && x2 == y2;
    }
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

/* The slot holding key (hash h), or the empty slot where it would go; NULL for a map
 * with no table yet.  Inline: the lexicon's lookups run it for most tokens. */
static inline qd_strmap_slot *qd_strmap_slot_of(const qd_strmap *m, const char *key, size_t keylen, uint32_t h)
{
    if (!m->cap)
        return NULL;
    uint32_t mask = m->cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        qd_strmap_slot *s = &m->slots[i];
        if (!s->key)
            return s;
        if (s->hash == h && s->keylen == keylen && qd_strmap_same_bytes(s->key, key, keylen))
            return s;
    }
}

/* qd_strmap_get with the key's hash already known (h == qd_hash_bytes(key, keylen)). */
static inline bool qd_strmap_get_hashed(const qd_strmap *m, const char *key, size_t keylen, uint32_t h,
                                        uint32_t *value)
{
    qd_strmap_slot *s = qd_strmap_slot_of(m, key, keylen, h);
    if (!s || !s->key)
        return false;
    if (value)
        *value = s->value;
    return true;
}
/* Insert or replace with the hash known, keeping the key by pointer instead of copying
 * it: for per-document tables of token words, whose text lives in the same arena as
 * long as the map.  Returns 0, or -1 when out of memory. */
int qd_strmap_put_borrowed(qd_strmap *m, const char *key, size_t keylen, uint32_t h, uint32_t value);
/* Make room for n keys at once, so a table filled from a document's tokens is not
 * rebuilt at every doubling (the arena keeps each outgrown table).  -1 when out of memory. */
int qd_strmap_reserve(qd_strmap *m, uint32_t n);

#endif
