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
/* qd_strmap_get with the key's hash already known (h == qd_hash_bytes(key, keylen)). */
bool qd_strmap_get_hashed(const qd_strmap *m, const char *key, size_t keylen, uint32_t h, uint32_t *value);
/* Insert or replace with the hash known, keeping the key by pointer instead of copying
 * it: for per-document tables of token words, whose text lives in the same arena as
 * long as the map.  Returns 0, or -1 when out of memory. */
int qd_strmap_put_borrowed(qd_strmap *m, const char *key, size_t keylen, uint32_t h, uint32_t value);
/* Make room for n keys at once, so a table filled from a document's tokens is not
 * rebuilt at every doubling (the arena keeps each outgrown table).  -1 when out of memory. */
int qd_strmap_reserve(qd_strmap *m, uint32_t n);

#endif
