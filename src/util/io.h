/*
 * io.h - reading inputs whole (plain or gzip) and writing outputs atomically.
 */
#ifndef QD_IO_H
#define QD_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "quotediff/common.h"

/* Read a whole file ("-" is standard input) into a malloc'd, NUL-terminated buffer.
 * gzip data (by its magic bytes, not its name) is decompressed transparently.
 * Fails with QD_ELIMIT when the (decompressed) size exceeds `limit` bytes. */
int qd_read_file(const char *path, size_t limit, char **out, size_t *out_len, qd_error *err);

/* Decompress gzip data held in memory; same limit rule as above. */
int qd_gunzip(const char *name, const char *data, size_t len, size_t limit, char **out,
              size_t *out_len, qd_error *err);

/* True when the bytes start with the gzip magic number. */
bool qd_is_gzip(const char *data, size_t len);

/* Is this line of a JSON Lines input empty or only spaces, tabs, CR and LF?  Such lines
 * are skipped, by the reader and by the CLI's sniffing of an input's first record. */
static inline bool qd_is_blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

/* Write `len` bytes to `path` so that readers see either the old file or the whole new
 * one: write a temporary file in the same directory, flush it, then rename it over
 * the target.  "-" writes to standard output. */
int qd_write_atomic(const char *path, const char *data, size_t len, qd_error *err);

/* The same, written piece by piece so an output of any size never sits in memory:
 * open, write as often as needed, then commit (flush and rename) or abort (remove the
 * temporary file).  "-" streams to standard output.  Each call frees the writer on
 * failure; commit and abort always free it. */
typedef struct qd_atomic qd_atomic;
int qd_atomic_open(qd_atomic **out, const char *path, qd_error *err);
int qd_atomic_write(qd_atomic *w, const char *data, size_t len, qd_error *err);
int qd_atomic_commit(qd_atomic *w, qd_error *err);
void qd_atomic_abort(qd_atomic *w);

/* True when the two paths name the same existing file. */
bool qd_same_file(const char *a, const char *b);

#endif
