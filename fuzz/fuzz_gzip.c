/*
 * fuzz_gzip.c - the gzip decoder used for every input file: corrupt, truncated and
 * concatenated members, and bombs that inflate past the size limit.
 */
#include "fuzz_common.h"
#include "util/io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qd_error err;
    qd_error_clear(&err);
    char *out = NULL;
    size_t n = 0;
    /* a small limit: a bomb must be stopped at the limit, not after inflating */
    size_t limit = 1u << 20;
    int rc = qd_gunzip("fuzz.gz", (const char *)data, size, limit, &out, &n, &err);
    fuzz_check_error(rc, &err);
    if (rc == 0) {
        if (n > limit || out[n] != '\0')
            abort();
        free(out);
    }
    return 0;
}
