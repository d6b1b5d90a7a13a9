/*
 * cmd_compare.c - `quotediff compare`: analyse every input, match them, report.
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
          "Group the inputs into events and threads, line up what each outlet quoted and\n"
          "report the differences.\n"
          "\n"
          "  -f, --format FMT      text (default), md, html or json\n"
          "  -o, --output FILE     write there (atomically) instead of standard output\n"
          "      --lexicon-dir DIR add the lexicon files found in DIR\n"
          "      --manifest FILE   per-input url, outlet, date, title, byline (tab-separated,\n"
          "                        header row naming the columns)\n"
          "      --event-threshold X  similarity needed to join an event (default 0.28)\n"
          "      --thread-threshold X similarity needed to link events in a thread (0.12)\n"
          "      --event-days N       days apart beyond which only shared quotes join (4)\n"
          "      --color           colours in text output (default on a terminal)\n"
          "\n"
          "INPUT '-' reads paths, one per line, or JSON Lines records from standard input.\n",
          f);
}

enum { OPT_LEX = 256, OPT_COLOR, OPT_ET, OPT_TT, OPT_ED, OPT_MANIFEST };

int qd_cmd_compare(int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, 0, 'f'},
                                         {"output", required_argument, 0, 'o'},
                                         {"lexicon-dir", required_argument, 0, OPT_LEX},
                                         {"color", no_argument, 0, OPT_COLOR},
                                         {"event-threshold", required_argument, 0, OPT_ET},
                                         {"thread-threshold", required_argument, 0, OPT_TT},
                                         {"event-days", required_argument, 0, OPT_ED},
                                         {"manifest", required_argument, 0, OPT_MANIFEST},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *format = "text", *output = NULL, *lexdir = NULL, *manifest = NULL;
    bool color = isatty(STDOUT_FILENO);
    qd_match_options mopt;
    qd_match_options_init(&mopt);
    optind = 1;
    int ch;
    while ((ch = getopt_long(argc, argv, "f:o:h", opts, NULL)) != -1) {
        char *end = NULL;
        switch (ch) {
        case 'f': format = optarg; break;
        case 'o': output = optarg; break;
        case OPT_LEX: lexdir = optarg; break;
        case OPT_MANIFEST: manifest = optarg; break;
        case OPT_COLOR: color = true; break;
        case OPT_ET:
        case OPT_TT: {
            double v = strtod(optarg, &end);
            if (*end || v < 0 || v > 1) {
                fprintf(stderr, "quotediff: thresholds are numbers between 0 and 1\n");
                return 2;
            }
            if (ch == OPT_ET)
                mopt.event_threshold = v;
            else
                mopt.thread_threshold = v;
            break;
        }
        case OPT_ED: {
            long v = strtol(optarg, &end, 10);
            if (*end || v < 0 || v > 3650) {
                fprintf(stderr, "quotediff: --event-days needs a number of days\n");
                return 2;
            }
            mopt.event_days = (int)v;
            break;
        }
        case 'h': compare_usage(stdout); return 0;
        default: compare_usage(stderr); return 2;
        }
    }
    if (output && strcmp(output, "-") != 0)
        color = false;
    if (strcmp(format, "text") && strcmp(format, "md") && strcmp(format, "html") && strcmp(format, "json")) {
        fprintf(stderr, "quotediff: compare: unknown format '%s' (text, md, html, json)\n", format);
        return 2;
    }
    mopt.keep_text = !strcmp(format, "html");
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
    qd_error err;
    qd_corpus *corpus;
    if (qd_corpus_new(&corpus, lx, &mopt, &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        qd_lexicon_free(lx);
        qd_inputs_free(&in);
        return 1;
    }
    qd_manifest *man = NULL;
    if (manifest && qd_manifest_load(&man, manifest) != 0) {
        qd_corpus_free(corpus);
        qd_lexicon_free(lx);
        qd_inputs_free(&in);
        return 2;
    }
    int status = 0;
    for (size_t i = 0; i < in.n; i++) {
        qd_reader *r;
        qd_options opt;
        qd_options_init(&opt);
        qd_manifest_apply(man, in.paths[i], &opt);
        if (qd_reader_open(&r, in.paths[i], &opt, &err) != 0) {
            fprintf(stderr, "quotediff: %s\n", err.msg);
            status = 1;
            continue;
        }
        qd_doc *doc;
        int rc;
        while ((rc = qd_reader_next(r, lx, &doc, &err)) != 0) {
            if (rc < 0) {
                fprintf(stderr, "quotediff: %s\n", err.msg);
                status = 1;
                if (rc == QD_ENOMEM || rc == QD_EIO)
                    break;
                continue;
            }
            if (qd_doc_analyze(doc, lx, &err) != 0 || qd_corpus_add(corpus, doc, &err) != 0) {
                fprintf(stderr, "quotediff: %s\n", err.msg);
                status = 1;
            }
            qd_doc_free(doc);
        }
        qd_reader_close(r);
        qd_progress(i + 1, in.n, i + 1 == in.n);
    }
    char *s = NULL;
    if (qd_corpus_match(corpus, &err) != 0 ||
        qd_report_compare(corpus, format, color ? QD_REPORT_COLOR : 0, &s, &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        status = 1;
    } else if (qd_write_atomic(output ? output : "-", s, strlen(s), &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        status = 1;
    }
    free(s);
    qd_manifest_free(man);
    qd_corpus_free(corpus);
    qd_lexicon_free(lx);
    qd_inputs_free(&in);
    return status;
}
