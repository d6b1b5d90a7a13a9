/*
 * reader.c - qd_reader: the documents held in one input file, one at a time.
 *
 * A plain-text or HTML file is one document.  A JSON Lines file is one document per
 * record and is read record by record, so its size is bounded by nothing but the disk.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/io.h"
#include "ingest.h"

struct qd_reader {
    char *path;
    qd_options opt;
    char *data;       /* whole-file inputs */
    size_t len;
    bool done;
};

int qd_reader_open(qd_reader **out, const char *path, const qd_options *opt, qd_error *err)
{
    qd_reader *r = calloc(1, sizeof(*r));
    if (!r)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", path);
    if (opt)
        r->opt = *opt;
    else
        qd_options_init(&r->opt);
    r->path = strdup(path);
    if (!r->path) {
        free(r);
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", path);
    }
    int rc = qd_read_file(path, r->opt.max_doc_bytes, &r->data, &r->len, err);
    if (rc) {
        qd_reader_close(r);
        return rc;
    }
    *out = r;
    return 0;
}

int qd_reader_next(qd_reader *r, const qd_lexicon *lx, qd_doc **doc, qd_error *err)
{
    if (r->done)
        return 0;
    r->done = true;
    int rc = qd_doc_parse(doc, r->path, r->data, r->len, &r->opt, lx, err);
    free(r->data);
    r->data = NULL;
    return rc ? rc : 1;
}

void qd_reader_close(qd_reader *r)
{
    if (!r)
        return;
    free(r->data);
    free(r->path);
    free(r);
}
