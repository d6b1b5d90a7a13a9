/*
 * fuzz_summary.c - summaries read back from JSON (`extract --format summary`, then
 * `compare` on that file): lines split at newlines, each read as a summary, added to a
 * corpus, matched, and rendered in every format.
 */
#include <stdio.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const qd_lexicon *lx = fuzz_lexicon();
    qd_error err;
    qd_error_clear(&err);
    qd_match_options mopt;
    qd_match_options_init(&mopt);
    qd_corpus *c;
    if (qd_corpus_new(&c, lx, &mopt, &err) != 0)
        abort();
    const char *p = (const char *)data, *end = p + size;
    for (unsigned line = 1; p < end && line <= 16; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        char name[32];
        snprintf(name, sizeof(name), "fuzz.jsonl:%u", line);
        qd_summary *sum = NULL;
        int rc = qd_summary_from_json(name, p, (size_t)(stop - p), lx, &sum, &err);
        fuzz_check_error(rc, &err);
        if (rc == 1) {
            if (!sum)
                abort();
            rc = qd_corpus_add_summary(c, sum, NULL, &err);
            fuzz_check_error(rc, &err);
            qd_summary_free(sum);
        }
        p = stop + 1;
    }
    fuzz_compare_reports(c, NULL);
    qd_corpus_free(c);
    return 0;
}
