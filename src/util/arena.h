/*
 * arena.h - per-document bump allocator.
 *
 * Everything the pipeline derives from one document (segments, tokens, quotes,
 * entities, strings) lives in that document's arena and is released with it in one
 * call.  This keeps the stages free of ownership bookkeeping and lets many documents
 * be processed on many threads with no shared allocator state of our own.
 *
 * Allocation returns NULL when memory runs out; callers turn that into QD_ENOMEM.
 */
#ifndef QD_ARENA_H
#define QD_ARENA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct qd_arena_chunk qd_arena_chunk;

typedef struct qd_arena {
    qd_arena_chunk *head;   /* chunk being filled; older chunks follow */
    size_t total;           /* bytes obtained from malloc, for limits and stats */
    void *last;             /* most recent allocation, may grow in place */
    size_t last_size;
} qd_arena;

void qd_arena_init(qd_arena *a);
void qd_arena_release(qd_arena *a);

/* Uninitialised, 16-byte aligned memory. */
void *qd_arena_alloc(qd_arena *a, size_t size);
/* Uninitialised memory aligned to `align`, a power of two up to 16: small arrays of
 * small items (a corpus holds millions of them) packed instead of each rounded up to
 * 16 bytes. */
void *qd_arena_alloc_aligned(qd_arena *a, size_t size, size_t align);
/* Zeroed memory. */
void *qd_arena_calloc(qd_arena *a, size_t count, size_t size);
/* Grow (or shrink) a block; in place when it is the most recent allocation. */
void *qd_arena_realloc(qd_arena *a, void *ptr, size_t old_size, size_t new_size);
/* Give back the end of the most recent allocation (ptr), keeping its first new_size
 * bytes; does nothing when ptr is not the most recent one. */
void qd_arena_shrink(qd_arena *a, void *ptr, size_t new_size);
/* Move everything allocated in `from` into `into` (no copy: its chunks change hands),
 * leaving `from` empty.  What a worker thread built in an arena of its own joins the
 * arena that outlives it. */
void qd_arena_adopt(qd_arena *into, qd_arena *from);
/* Copies of strings; the result is NUL-terminated and not aligned (strings are packed). */
char *qd_arena_strndup(qd_arena *a, const char *s, size_t n);
char *qd_arena_strdup(qd_arena *a, const char *s);
char *qd_arena_printf(qd_arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/*
 * Growable arrays in an arena:  T *v; uint32_t n, cap;
 *   if (QD_VEC_PUSH(arena, v, n, cap) == NULL) return QD_ENOMEM; v[n-1] = item;
 * QD_VEC_PUSH reserves one zeroed slot at the end and evaluates to its address.
 */
void *qd_arena_grow_array(qd_arena *a, void *ptr, uint32_t *cap, uint32_t need, size_t elem);

/* The same growth for a malloc'd array (one that must not leave its outgrown copies in
 * an arena): room for `need` elements, *cap updated; NULL when out of memory, with ptr
 * untouched and still the caller's to free. */
void *qd_grow_array(void *ptr, uint32_t *cap, uint32_t need, size_t elem);

#define QD_VEC_PUSH(arena, v, n, cap)                                                     \
    (((n) < (cap) || ((v) = qd_arena_grow_array((arena), (v), &(cap), (n) + 1,            \
                                                 sizeof(*(v)))) != NULL)                   \
         ? (memset(&(v)[(n)], 0, sizeof(*(v))), &(v)[(n)++])                               \
         : NULL)

/* The same for a malloc'd array (qd_grow_array): on out of memory it evaluates to NULL
 * and v, n and cap are left as they were (v still the caller's to free, which an
 * assignment of qd_grow_array's NULL to v would lose). */
#define QD_GROW_PUSH(v, n, cap)                                                           \
    (((n) < (cap) || qd_grow_into(&(v), (v), &(cap), (n) + 1, sizeof(*(v))))              \
         ? (memset(&(v)[(n)], 0, sizeof(*(v))), &(v)[(n)++])                               \
         : NULL)

/* qd_grow_array of ptr, the grown array stored in the pointer at pptr (any object pointer
 * type: copied as bytes); false, and that pointer untouched, when out of memory. */
static inline bool qd_grow_into(void *pptr, void *ptr, uint32_t *cap, uint32_t need, size_t elem)
{
    void *p = qd_grow_array(ptr, cap, need, elem);
    if (!p)
        return false;
    memcpy(pptr, &p, sizeof(p));
    return true;
}

#endif
