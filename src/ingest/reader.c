/*
 * reader.c - qd_reader: the documents held in one input file, one at a time.
 *
 * A plain-text or HTML file is one document, and so is a file holding one JSON object.
 * A JSON Lines file is one document per line and is read line by line, so its size is
 * bounded by nothing but the disk (each record still by qd_options.max_doc_bytes); a
 * JSON array of records is read whole and gives one document per element.  Records are
 * named "FILE:LINE" (JSON Lines) or "FILE#N" (arrays).  Every file may be gzip data,
 * told by its content (the gzip magic), not its name.
 */
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <errno.h>
#include <jansson.h>
#include <zlib.h>

#include "ingest.h"
#include "../util/io.h"

typedef enum rmode { R_WHOLE, R_LINES, R_ARRAY } rmode;

struct qd_reader {
    char *path;
    qd_options opt;
    rmode mode;
    gzFile gz;          /* R_LINES: the open stream of gzip data (or of a pipe) */
    char *data;         /* R_WHOLE: the file; R_LINES: the current line */
    size_t len, cap;
    json_t *array;      /* R_ARRAY */
    size_t index;
    unsigned long line; /* R_LINES: number of the line in data */
    bool pending;       /* R_LINES: data holds a line not yet handed out */
    int fd;             /* a file that is not gzip data: read as it is, -1 if none */
    size_t bpos, blen;
    bool done;
    char buf[64 * 1024]; /* raw bytes read ahead (last: not zeroed when made) */
};

static int gz_err(qd_reader *r, qd_error *err)
{
    int zerr = 0;
    const char *m = r->gz ? gzerror(r->gz, &zerr) : NULL;
    if (zerr == Z_ERRNO || !m)
        return qd_error_set(err, QD_EIO, "%s: %s", r->path, strerror(errno));
    /* zlib names the stream "<fd:N>: "; the path says it better */
    if (m[0] == '<' && strstr(m, ">: "))
        m = strstr(m, ">: ") + 3;
    return qd_error_set(err, QD_EINPUT, "%s: corrupt gzip data (%s)", r->path, m);
}

/* Refill the raw buffer; returns bytes read, 0 at the end, or an error. */
static int refill(qd_reader *r, qd_error *err)
{
    r->bpos = 0;
    if (r->fd >= 0) {
        ssize_t got;
        while ((got = read(r->fd, r->buf, sizeof(r->buf))) < 0 && errno == EINTR)
            ;
        if (got < 0)
            return qd_error_set(err, QD_EIO, "%s: %s", r->path, strerror(errno));
        r->blen = (size_t)got;
        return (int)got;
    }
    int n = gzread(r->gz, r->buf, (unsigned)sizeof(r->buf));
    if (n < 0)
        return gz_err(r, err);
    /* zlib ends a gzip stream cut short quietly, telling it only through gzerror */
    int zerr = Z_OK;
    if (n == 0 && (gzerror(r->gz, &zerr), zerr == Z_BUF_ERROR))
        return qd_error_set(err, QD_EINPUT, "%s: gzip data is truncated", r->path);
    r->blen = (size_t)n;
    return n;
}

/* Append n bytes to r->data (NUL-terminated), unless the line is already over the
 * limit. */
static int put(qd_reader *r, const char *s, size_t n, bool *over, qd_error *err)
{
    if (*over)
        return 0;
    if (r->len + n > r->opt.max_doc_bytes) {
        *over = true;
        return 0;
    }
    if (r->len + n + 1 > r->cap) {
        size_t nc = r->cap ? r->cap : 64 * 1024;
        while (nc < r->len + n + 1)
            nc *= 2;
        /* never more than a document may hold: a stream that runs to the limit costs
         * the limit, not twice it */
        if (nc > r->opt.max_doc_bytes + 1)
            nc = r->opt.max_doc_bytes + 1;
        char *p = realloc(r->data, nc);
        if (!p)
            return qd_error_set(err, QD_ENOMEM, "%s: out of memory", r->path);
        r->data = p;
        r->cap = nc;
    }
    memcpy(r->data + r->len, s, n);
    r->len += n;
    r->data[r->len] = '\0';
    return 0;
}

/* Read one line (without its newline) into r->data; NUL bytes are kept.  Returns 1, 0
 * at the end, or an error; a line over the size limit is skipped and reported as
 * QD_ELIMIT.  With `all`, read to the end of the stream instead. */
static int read_line(qd_reader *r, bool all, qd_error *err)
{
    if (!all)
        r->len = 0;
    bool over = false, any = false;
    for (;;) {
        if (r->bpos == r->blen) {
            int n = refill(r, err);
            if (n < 0)
                return n;
            if (n == 0)
                break;
        }
        any = true;
        const char *start = r->buf + r->bpos;
        size_t avail = r->blen - r->bpos;
        const char *nl = all ? NULL : memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) : avail;
        int rc = put(r, start, take, &over, err);
        if (rc)
            return rc;
        r->bpos += take + (nl ? 1 : 0);
        if (nl)
            break;
        /* Past the limit, a whole document or the first line (which decides what the
         * file is) cannot be used: stop here rather than read an endless stream
         * (/dev/zero, a pipe) to its end. */
        if (over && (all || r->line == 0))
            break;
    }
    if (!any && !all)
        return 0;
    if (r->data == NULL && put(r, "", 0, &over, err))
        return QD_ENOMEM;
    r->line++;
    if (over)
        return qd_error_set_limit(err, QD_LIMIT_BYTES, "%s:%lu: larger than the document size limit (%zu bytes)", r->path,
                                  r->line, r->opt.max_doc_bytes);
    return 1;
}

int qd_reader_open(qd_reader **out, const char *path, const qd_options *opt, qd_error *err)
{
    /* (the read-ahead buffer is not zeroed: a document is often smaller than it) */
    qd_reader *r = malloc(sizeof(*r));
    if (!r)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", path);
    memset(r, 0, offsetof(qd_reader, buf));
    r->fd = -1;
    if (opt)
        r->opt = *opt;
    else
        qd_options_init(&r->opt);
    r->path = strdup(path);
    if (!r->path) {
        free(r);
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", path);
    }
    int fd = strcmp(path, "-") == 0 ? dup(STDIN_FILENO) : open(path, O_RDONLY);
    if (fd < 0) {
        int rc = qd_error_set(err, QD_EIO, "%s: %s", path, strerror(errno));
        qd_reader_close(r);
        return rc;
    }
    /* A file that does not start with the gzip magic is read with read(): zlib would
     * copy it through unchanged, but only after allocating (and the kernel zeroing)
     * its buffers, several times the size of a news article, for every file.  A pipe,
     * which cannot be looked at first, goes through zlib. */
    unsigned char magic[2] = {0, 0};
    if (strcmp(path, "-") != 0 && pread(fd, magic, 2, 0) >= 0 && !(magic[0] == 0x1f && magic[1] == 0x8b)) {
        r->fd = fd;
    } else {
        r->gz = gzdopen(fd, "rb");
        if (!r->gz) {
            close(fd);
            qd_reader_close(r);
            return qd_error_set(err, QD_ENOMEM, "%s: out of memory", path);
        }
        gzbuffer(r->gz, 128 * 1024);
    }
    /* The first line tells a JSON Lines file from everything else. */
    int rc = read_line(r, false, err);
    if (rc < 0 && rc != QD_ELIMIT) {
        qd_reader_close(r);
        return rc;
    }
    bool first_is_record = false;
    const char *p = r->data ? r->data : "";
    size_t n = rc == 1 ? r->len : 0;
    if (rc == 1 && (r->opt.input == QD_INPUT_AUTO || r->opt.input == QD_INPUT_JSON) &&
        qd_detect_kind(p, n) == QD_INPUT_JSON) {
        json_error_t je;
        json_t *j = json_loadb(p, n, JSON_ALLOW_NUL, &je);
        first_is_record = json_is_object(j);
        json_decref(j);
    }
    if (first_is_record) {
        r->mode = R_LINES;
        r->pending = true;
        *out = r;
        return 0;
    }
    if (rc == QD_ELIMIT) {
        qd_reader_close(r);
        return qd_error_set_limit(err, QD_LIMIT_BYTES, "%s: larger than the document size limit (%zu bytes)", path,
                                  opt ? opt->max_doc_bytes : 0);
    }
    /* the whole file: put the newline back (if there was one) and read on */
    bool over = false;
    if (rc == 1 && r->bpos > 0 && r->buf[r->bpos - 1] == '\n' && (rc = put(r, "\n", 1, &over, err)) != 0) {
        qd_reader_close(r);
        return rc;
    }
    rc = read_line(r, true, err);
    if (rc == QD_ELIMIT || over)
        rc = qd_error_set_limit(err, QD_LIMIT_BYTES, "%s: larger than the document size limit (%zu bytes)", path,
                                r->opt.max_doc_bytes);
    if (rc < 0) {
        qd_reader_close(r);
        return rc;
    }
    if (r->gz)
        gzclose(r->gz);
    else
        close(r->fd);
    r->gz = NULL;
    r->fd = -1;
    r->mode = R_WHOLE;
    if ((r->opt.input == QD_INPUT_AUTO || r->opt.input == QD_INPUT_JSON) &&
        qd_detect_kind(r->data, r->len) == QD_INPUT_JSON) {
        json_error_t je;
        json_t *j = json_loadb(r->data, r->len, JSON_ALLOW_NUL, &je);
        if (json_is_array(j)) {
            r->mode = R_ARRAY;
            r->array = j;
            free(r->data);
            r->data = NULL;
            r->len = r->cap = 0;
        } else {
            json_decref(j);
        }
    }
    *out = r;
    return 0;
}

int qd_reader_next(qd_reader *r, const qd_lexicon *lx, qd_doc **doc, qd_error *err)
{
    if (r->done)
        return 0;
    if (r->mode == R_WHOLE) {
        r->done = true;
        int rc = qd_doc_parse(doc, r->path, r->data ? r->data : "", r->len, &r->opt, lx, err);
        free(r->data);
        r->data = NULL;
        return rc ? rc : 1;
    }
    char name[4200];
    qd_options o = r->opt;
    o.input = QD_INPUT_JSON;
    if (r->mode == R_ARRAY) {
        while (r->index < json_array_size(r->array)) {
            json_t *e = json_array_get(r->array, r->index++);
            snprintf(name, sizeof(name), "%s#%zu", r->path, r->index);
            if (!json_is_object(e))
                return qd_error_set(err, QD_EINPUT, "%s: a JSON record must be an object", name);
            char *s = json_dumps(e, JSON_COMPACT);
            if (!s)
                return qd_error_set(err, QD_ENOMEM, "%s: out of memory", name);
            int rc = qd_doc_parse(doc, name, s, strlen(s), &o, lx, err);
            free(s);
            return rc ? rc : 1;
        }
        r->done = true;
        return 0;
    }
    for (;;) {
        if (!r->pending) {
            int rc = read_line(r, false, err);
            if (rc == 0) {
                r->done = true;
                return 0;
            }
            if (rc < 0) {
                if (rc != QD_ELIMIT)
                    r->done = true;
                return rc;
            }
        }
        r->pending = false;
        if (qd_is_blank_line(r->data, r->len))
            continue;
        snprintf(name, sizeof(name), "%s:%lu", r->path, r->line);
        int rc = qd_doc_parse(doc, name, r->data, r->len, &o, lx, err);
        return rc ? rc : 1;
    }
}

void qd_reader_close(qd_reader *r)
{
    if (!r)
        return;
    if (r->gz)
        gzclose(r->gz);
    if (r->fd >= 0)
        close(r->fd);
    json_decref(r->array);
    free(r->data);
    free(r->path);
    free(r);
}
