/*
 * fuzz_text.c - plain text: cleaning (encodings, NULs, control bytes), layout and
 * metadata, segmentation.  Analysis has its own harness (fuzz_extract).
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_document("fuzz.txt", data, size, QD_INPUT_TEXT, 0);
    return 0;
}
