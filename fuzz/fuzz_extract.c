/*
 * fuzz_extract.c - `quotediff extract` end to end on one input of any kind: detection,
 * ingestion, quotes, entities, attribution, and the JSON and text reports.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0; /* analysis is linear but not cheap: keep iterations fast */
    fuzz_document("fuzz-input", data, size, QD_INPUT_AUTO, 1);
    return 0;
}
