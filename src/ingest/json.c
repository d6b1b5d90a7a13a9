/*
 * json.c - JSON crawler records as input.  Not yet written: see the ingestion issue.
 */
#include "ingest.h"

int qd_ingest_json(qd_doc *doc, const char *data, size_t len, const qd_options *opt, qd_error *err);

int qd_ingest_json(qd_doc *doc, const char *data, size_t len, const qd_options *opt, qd_error *err)
{
    (void)data;
    (void)len;
    (void)opt;
    return qd_error_set(err, QD_EINPUT, "%s: JSON input is not supported yet", doc->path);
}
