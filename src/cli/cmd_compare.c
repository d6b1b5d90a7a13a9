/*
 * cmd_compare.c - `quotediff compare`: analyse every input, then report them together.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/io.h"
#include "cli.h"

static void compare_usage(FILE *f)
{
    fputs("usage: quotediff compare [OPTIONS] INPUT...\n"
          "\n"
          "  -f, --format FMT      text (default) or json\n"
          "  -o, --output FILE     write there (atomically) instead of standard output\n"
          "      --lexicon-dir DIR add the lexicon files found in DIR\n"
          "      --color           colours in text output\n",
          f);
}

int qd_cmd_compare(int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, 0, 'f'},
                                         {"output", required_argument, 0, 'o'},
                                         {"lexicon-dir", required_argument, 0, 'L'},
                                         {"color", no_argument, 0, 'C'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *format = "text", *output = NULL, *lexdir = NULL;
    bool color = isatty(STDOUT_FILENO);
    optind = 1;
    int ch;
    while ((ch = getopt_long(argc, argv, "f:o:h", opts, NULL)) != -1) {
        switch (ch) {
        case 'f': format = optarg; break;
        case 'o': output = optarg; color = false; break;
        case 'L': lexdir = optarg; break;
        case 'C': color = true; break;
        case 'h': compare_usage(stdout); return 0;
        default: compare_usage(stderr); return 2;
        }
    }
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
        fprintf(stderr, "quotediff: compare: unknown format '%s' (text, json)\n", format);
        return 2;
    }
    if (optind >= argc) {
        fprintf(stderr, "quotediff: no input given\n");
        compare_usage(stderr);
        return 2;
    }
    qd_inputs in = {0};
    for (int i = optind; i < argc; i++)
        if (qd_inputs_add(&in, argv[i]) != 0) {
            qd_inputs_free(&in);
            return 1;
        }
    if (qd_cli_output_is_input(output, &in)) {
        fprintf(stderr, "quotediff: %s: the output would overwrite an input\n", output);
        qd_inputs_free(&in);
        return 2;
    }
    qd_lexicon *lx = qd_cli_lexicon(lexdir);
    if (!lx) {
        qd_inputs_free(&in);
        return 2;
    }
    qd_options opt;
    qd_options_init(&opt);
    qd_doc **docs = NULL;
    size_t nd = 0, cd = 0;
    int status = 0;
    for (size_t i = 0; i < in.n; i++) {
        qd_error err;
        qd_reader *r;
        if (qd_reader_open(&r, in.paths[i], &opt, &err) != 0) {
            fprintf(stderr, "quotediff: %s\n", err.msg);
            status = 1;
            continue;
        }
        qd_doc *doc;
        int rc;
        while ((rc = qd_reader_next(r, lx, &doc, &err)) != 0) {
            if (rc < 0 || qd_doc_analyze(doc, lx, &err) != 0) {
                fprintf(stderr, "quotediff: %s\n", err.msg);
                status = 1;
                if (rc > 0)
                    qd_doc_free(doc);
                if (rc == QD_ENOMEM || rc == QD_EIO)
                    break;
                continue;
            }
            if (nd == cd) {
                cd = cd ? cd * 2 : 64;
                qd_doc **np = realloc(docs, cd * sizeof(*docs));
                if (!np) {
                    fprintf(stderr, "quotediff: out of memory\n");
                    qd_doc_free(doc);
                    status = 1;
                    break;
                }
                docs = np;
            }
            docs[nd++] = doc;
        }
        qd_reader_close(r);
        qd_progress(i + 1, in.n, i + 1 == in.n);
    }
    char *s = NULL;
    qd_error err;
    if (qd_report_corpus(docs, nd, format, color ? QD_REPORT_COLOR : 0, &s, &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        status = 1;
    } else if (qd_write_atomic(output ? output : "-", s, strlen(s), &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        status = 1;
    }
    free(s);
    for (size_t i = 0; i < nd; i++)
        qd_doc_free(docs[i]);
    free(docs);
    qd_lexicon_free(lx);
    qd_inputs_free(&in);
    return status;
}
