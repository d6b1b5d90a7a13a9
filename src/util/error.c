/*
 * error.c - the qd_error helpers declared in quotediff/common.h.
 */
#include "quotediff/common.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void qd_error_clear(qd_error *err)
{
    if (err) {
        err->code = QD_OK;
        err->limit = QD_LIMIT_NONE;
        err->msg[0] = '\0';
    }
}

static int set(qd_error *err, qd_code code, qd_limit which, const char *fmt, va_list ap)
{
    if (err) {
        vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
        err->code = code;
        err->limit = which;
    }
    return (int)code;
}

int qd_error_set(qd_error *err, qd_code code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = set(err, code, QD_LIMIT_NONE, fmt, ap);
    va_end(ap);
    return rc;
}

int qd_error_set_limit(qd_error *err, qd_limit which, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = set(err, QD_ELIMIT, which, fmt, ap);
    va_end(ap);
    return rc;
}

const char *qd_code_name(qd_code code)
{
    switch (code) {
    case QD_OK: return "ok";
    case QD_ENOMEM: return "out of memory";
    case QD_EIO: return "i/o error";
    case QD_EINPUT: return "input error";
    case QD_ELIMIT: return "limit exceeded";
    case QD_EUSAGE: return "usage error";
    case QD_ELEXICON: return "lexicon error";
    }
    return "error";
}
