/*
 * search.h - halving search over arrays sorted by an offset.
 *
 * The later stages keep their records (tokens, cues, statements) in text order and ask
 * "the first one at or after offset t" thousands of times a document.  One search serves
 * them all: it reads a uint32_t field at a fixed place in each element, so the arrays
 * keep their own types and no comparison callback is needed.
 */
#ifndef QD_SEARCH_H
#define QD_SEARCH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The first index in [lo, hi) whose uint32_t field, `off` bytes into each `size`-byte
 * element of `base`, is at least `key`; hi when there is none.  The elements of
 * [lo, hi) must be in ascending order of that field. */
static inline uint32_t qd_first_at_least(const void *base, size_t size, size_t off, uint32_t lo, uint32_t hi,
                                         uint32_t key)
{
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        uint32_t v;
        /* (no aliasing or alignment question; and no address made from base unless an
         * element is read: an empty array's base may be NULL) */
        memcpy(&v, (const unsigned char *)base + (size_t)mid * size + off, sizeof(v));
        if (v < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

#endif
