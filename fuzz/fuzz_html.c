/*
 * fuzz_html.c - HTML pages: parsing, charset handling, article extraction, then the
 * whole analysis of what was extracted.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_document("fuzz.html", data, size, QD_INPUT_HTML, 1);
    return 0;
}
