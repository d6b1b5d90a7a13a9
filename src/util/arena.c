/*
 * arena.c - chunked bump allocator (see arena.h).
 */
#include "arena.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_MIN_CHUNK (64 * 1024)

struct qd_arena_chunk {
    qd_arena_chunk *next;
    size_t size; /* usable bytes after the header */
    size_t used;
    /* data follows, aligned */
};

static size_t header_size(void)
{
    return (sizeof(qd_arena_chunk) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
}

static unsigned char *chunk_data(qd_arena_chunk *c)
{
    return (unsigned char *)c + header_size();
}

void qd_arena_init(qd_arena *a)
{
    memset(a, 0, sizeof(*a));
}

void qd_arena_release(qd_arena *a)
{
    qd_arena_chunk *c = a->head;
    while (c) {
        qd_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    memset(a, 0, sizeof(*a));
}

void qd_arena_adopt(qd_arena *into, qd_arena *from)
{
    qd_arena_chunk *first = from->head;
    if (!first)
        return;
    if (!into->head) {
        *into = *from;
    } else {
        /* behind into's current chunk, so that its bump and in-place growth go on */
        qd_arena_chunk *last = first;
        while (last->next)
            last = last->next;
        last->next = into->head->next;
        into->head->next = first;
        into->total += from->total;
    }
    memset(from, 0, sizeof(*from));
}

void *qd_arena_alloc_aligned(qd_arena *a, size_t size, size_t align)
{
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX / 2)
        return NULL;
    size_t rounded = (size + align - 1) & ~(align - 1);
    qd_arena_chunk *c = a->head;
    size_t start = c ? (c->used + align - 1) & ~(align - 1) : 0;
    if (!c || start > c->size || c->size - start < rounded) {
        /* Chunks double with the arena's size so a big document needs few mallocs. */
        size_t want = ARENA_MIN_CHUNK;
        if (a->total / 2 > want)
            want = a->total / 2;
        if (want > 64u * 1024 * 1024)
            want = 64u * 1024 * 1024;
        if (want < rounded)
            want = rounded;
        c = malloc(header_size() + want);
        if (!c)
            return NULL;
        c->size = want;
        c->used = 0;
        c->next = a->head;
        a->head = c;
        a->total += want;
        start = 0;
    }
    void *p = chunk_data(c) + start;
    c->used = start + rounded;
    a->last = p;
    a->last_size = rounded;
    return p;
}

void *qd_arena_alloc(qd_arena *a, size_t size)
{
    return qd_arena_alloc_aligned(a, size, ARENA_ALIGN);
}

void *qd_arena_calloc(qd_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = qd_arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *qd_arena_realloc(qd_arena *a, void *ptr, size_t old_size, size_t new_size)
{
    if (!ptr)
        return qd_arena_alloc(a, new_size);
    if (new_size <= old_size)
        return ptr;
    qd_arena_chunk *c = a->head;
    if (ptr == a->last && c) {
        size_t rounded = (new_size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
        size_t start = (size_t)((unsigned char *)ptr - chunk_data(c));
        if (start + rounded <= c->size) {
            c->used = start + rounded;
            a->last_size = rounded;
            return ptr;
        }
    }
    void *p = qd_arena_alloc(a, new_size);
    if (p)
        memcpy(p, ptr, old_size);
    return p;
}

void qd_arena_shrink(qd_arena *a, void *ptr, size_t new_size)
{
    qd_arena_chunk *c = a->head;
    if (!ptr || ptr != a->last || !c)
        return;
    size_t rounded = (new_size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (rounded == 0)
        rounded = ARENA_ALIGN;
    if (rounded >= a->last_size)
        return;
    c->used -= a->last_size - rounded;
    a->last_size = rounded;
}

/* The capacity for `need` elements of `elem` bytes: `cap` (8 when 0) doubled until
 * they fit; false when the count or the byte size would overflow. */
static bool grown_cap(uint32_t cap, uint32_t need, size_t elem, uint32_t *out)
{
    uint32_t ncap = cap ? cap : 8;
    while (ncap < need) {
        if (ncap > UINT32_MAX / 2)
            return false;
        ncap *= 2;
    }
    if (elem && (size_t)ncap > SIZE_MAX / elem)
        return false;
    *out = ncap;
    return true;
}

void *qd_arena_grow_array(qd_arena *a, void *ptr, uint32_t *cap, uint32_t need, size_t elem)
{
    uint32_t ncap;
    if (!grown_cap(*cap, need, elem, &ncap))
        return NULL;
    void *p = qd_arena_realloc(a, ptr, (size_t)*cap * elem, (size_t)ncap * elem);
    if (p)
        *cap = ncap;
    return p;
}

void *qd_grow_array(void *ptr, uint32_t *cap, uint32_t need, size_t elem)
{
    uint32_t ncap;
    if (!grown_cap(*cap, need, elem, &ncap))
        return NULL;
    void *p = realloc(ptr, (size_t)ncap * elem);
    if (p)
        *cap = ncap;
    return p;
}

char *qd_arena_strndup(qd_arena *a, const char *s, size_t n)
{
    char *p = n < SIZE_MAX ? qd_arena_alloc_aligned(a, n + 1, 1) : NULL;
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *qd_arena_strdup(qd_arena *a, const char *s)
{
    return qd_arena_strndup(a, s, strlen(s));
}

char *qd_arena_printf(qd_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = qd_arena_alloc_aligned(a, (size_t)n + 1, 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
