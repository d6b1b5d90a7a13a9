/*
 * quotediff/common.h - error reporting, spans and version shared by the whole API.
 *
 * Every library function that can fail takes a `qd_error *` as its last argument,
 * returns 0 on success and a negative qd_code on failure, and fills the error with a
 * message that names what failed (usually the input's path).  The library never
 * prints and never exits; the caller decides how to report.
 */
#ifndef QUOTEDIFF_COMMON_H
#define QUOTEDIFF_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

#define QD_VERSION "0.1.0"

typedef enum qd_code {
    QD_OK = 0,
    QD_ENOMEM = -1,  /* out of memory */
    QD_EIO = -2,     /* a file could not be read or written */
    QD_EINPUT = -3,  /* the input is not something we can read (wrong shape, binary) */
    QD_ELIMIT = -4,  /* the input exceeds a configured limit */
    QD_EUSAGE = -5,  /* the caller passed an invalid argument */
    QD_ELEXICON = -6 /* a lexicon file is malformed */
} qd_code;

#define QD_ERROR_MSG_MAX 512

/* Which configured limit a QD_ELIMIT error ran into, so a caller can name the option
 * that raises it without reading the message (whose wording may change). */
typedef enum qd_limit {
    QD_LIMIT_NONE = 0,  /* not a limit error, or none in particular */
    QD_LIMIT_BYTES,     /* qd_options.max_doc_bytes */
    QD_LIMIT_DEPTH      /* qd_options.max_depth */
} qd_limit;

typedef struct qd_error {
    qd_code code;
    qd_limit limit;     /* set by qd_error_set_limit(), else QD_LIMIT_NONE */
    char msg[QD_ERROR_MSG_MAX];
} qd_error;

/* Reset an error to "no error". */
void qd_error_clear(qd_error *err);

/* Set an error (printf-style message) and return its code, so callers can write
 * `return qd_error_set(err, QD_EIO, "%s: %s", path, strerror(errno));`.
 * A NULL err is allowed: the code is still returned. */
int qd_error_set(qd_error *err, qd_code code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Set a QD_ELIMIT error that ran into the limit `which`; returns QD_ELIMIT. */
int qd_error_set_limit(qd_error *err, qd_limit which, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* A short name for a code ("out of memory", "input error", ...). */
const char *qd_code_name(qd_code code);

/* A half-open byte range [start, end) into a document's analysis text. */
typedef struct qd_span {
    uint32_t start;
    uint32_t end;
} qd_span;

#ifdef __cplusplus
}
#endif
#endif
