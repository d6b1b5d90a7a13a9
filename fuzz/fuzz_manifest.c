/*
 * fuzz_manifest.c - manifests (--manifest FILE.tsv): the command line's parser, fed
 * through a file in memory, then applied to a few inputs the way the command line does.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cli/cli.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = memfd_create("fuzz.tsv", 0);
    if (fd < 0)
        return 0;
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(fd, data + done, size - done);
        if (n <= 0) {
            close(fd);
            return 0;
        }
        done += (size_t)n;
    }
    char path[64];
    snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    /* the parser reports problems on stderr, as the command line does: keep it quiet */
    FILE *saved = stderr;
    stderr = fopen("/dev/null", "w");
    qd_manifest *m = NULL;
    if (qd_manifest_load(&m, path) == 0) {
        static const char *const inputs[] = {"a.txt", "dir/a.txt", "a", "feed.jsonl:3", "", "x/y/z.html.gz"};
        for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
            qd_options opt;
            qd_options_init(&opt);
            qd_manifest_apply(m, inputs[i], &opt);
            /* what it sets must be usable as a document's metadata */
            qd_doc *doc;
            qd_error err;
            opt.input = QD_INPUT_TEXT;
            static const char text[] = "A title\n\n\"Fine,\" she said.\n";
            if (qd_doc_parse(&doc, inputs[i], text, sizeof(text) - 1, &opt, fuzz_lexicon(), &err) == 0)
                qd_doc_free(doc);
        }
        qd_manifest_free(m);
    }
    if (stderr)
        fclose(stderr);
    stderr = saved;
    close(fd);
    return 0;
}
