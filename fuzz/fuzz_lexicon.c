/*
 * fuzz_lexicon.c - user lexicon files (--lexicon-dir): the first byte picks the kind,
 * the rest is the file.  When it loads, the extended lexicon must still analyse text.
 */
#include "fuzz_common.h"

static const char sample[] =
    "Talks end without a deal\n\n"
    "\"We would like to have normal relations,\" the foreign minister said on Friday. "
    "Officials told reporters that the meeting was constructive, according to a statement.\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 16 * 1024)
        return 0;
    const char *const *kinds = qd_lexicon_kinds();
    size_t nk = 0;
    while (kinds[nk])
        nk++;
    const char *kind = kinds[data[0] % nk];
    qd_error err;
    qd_error_clear(&err);
    qd_lexicon *lx;
    if (qd_lexicon_new(&lx, &err) != 0)
        abort();
    int rc = qd_lexicon_add_text(lx, kind, "fuzz.tsv", (const char *)data + 1, size - 1, &err);
    fuzz_check_error(rc, &err);
    if (rc == 0) {
        qd_options opt;
        fuzz_options(&opt, QD_INPUT_TEXT);
        qd_doc *doc;
        rc = qd_doc_parse(&doc, "sample.txt", sample, sizeof(sample) - 1, &opt, lx, &err);
        fuzz_check_error(rc, &err);
        if (rc == 0) {
            rc = qd_doc_analyze(doc, lx, &err);
            fuzz_check_error(rc, &err);
            if (rc == 0)
                fuzz_reports(doc);
            qd_doc_free(doc);
        }
    }
    qd_lexicon_free(lx);
    return 0;
}
