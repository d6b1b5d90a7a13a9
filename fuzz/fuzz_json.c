/*
 * fuzz_json.c - JSON and JSON Lines crawler records: one record through qd_doc_parse,
 * then the same bytes as a file through qd_reader, record by record, the way the
 * command line reads them.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_common.h"

/* Read the bytes as a JSON Lines file.  The file lives in memory (memfd) and is opened
 * by its /proc path, so the reader runs its real file code. */
static void read_as_file(const uint8_t *data, size_t size)
{
    int fd = memfd_create("fuzz.jsonl", 0);
    if (fd < 0)
        return;
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(fd, data + done, size - done);
        if (n <= 0) {
            close(fd);
            return;
        }
        done += (size_t)n;
    }
    char path[64];
    snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    qd_options opt;
    fuzz_options(&opt, QD_INPUT_JSON);
    qd_error err;
    qd_error_clear(&err);
    qd_reader *r;
    int rc = qd_reader_open(&r, path, &opt, &err);
    fuzz_check_error(rc, &err);
    if (rc == 0) {
        /* Every record, good or bad, consumes at least one byte: more calls than bytes
         * means the reader is not making progress. */
        size_t calls = 0;
        for (;;) {
            qd_doc *doc = NULL;
            rc = qd_reader_next(r, fuzz_lexicon(), &doc, &err);
            if (++calls > size + 2)
                abort();
            if (rc == 0)
                break;
            fuzz_check_error(rc, &err);
            if (rc < 0) {
                if (rc == QD_ENOMEM || rc == QD_EIO)
                    break;
                continue;
            }
            if (!doc || doc->text[doc->len] != '\0')
                abort();
            qd_doc_free(doc);
        }
        qd_reader_close(r);
    }
    close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_document("fuzz.json", data, size, QD_INPUT_JSON, 0);
    read_as_file(data, size);
    return 0;
}
