/*
 * cli.h - pieces of the command line shared by the subcommands.
 */
#ifndef QD_CLI_H
#define QD_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "quotediff/quotediff.h"

/* Options every subcommand understands. */
typedef struct qd_cli_common {
    const char *lexicon_dir;
    const char *output;      /* -o FILE; NULL or "-" for standard output */
    const char *format;
    const char *manifest;
    qd_options opt;
    unsigned threads;        /* -j N */
    bool with_text;
    bool paragraphs;
    bool color;
    bool quiet;
    bool title;              /* body: print the headline too */
} qd_cli_common;

/* The list of input paths after expanding directories and "-". */
typedef struct qd_inputs {
    char **paths;
    size_t n, cap;
} qd_inputs;

int qd_inputs_add(qd_inputs *in, const char *arg);
void qd_inputs_free(qd_inputs *in);

/* Load the lexicon (built in + --lexicon-dir or $QUOTEDIFF_LEXICON_DIR). */
qd_lexicon *qd_cli_lexicon(const char *dir);

/* Is `out` one of the inputs?  (an output must never overwrite an input) */
bool qd_cli_output_is_input(const char *out, const qd_inputs *in);

/* Parse the argument of -j (a positive number of threads); prints why it is bad. */
int qd_cli_threads(const char *arg, unsigned *out);

/* Parse --max-bytes (a positive number of bytes, with an optional k, M or G suffix for
 * KiB, MiB, GiB) and --max-depth (a positive nesting depth); print why a value is bad. */
int qd_cli_max_bytes(const char *arg, size_t *out);
int qd_cli_max_depth(const char *arg, uint32_t *out);

/* A hint to print after a message of the library ("" when there is none): how to
 * raise the limit an input ran into. */
const char *qd_cli_hint(const qd_error *err);

/* Interrupting signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT) wait for a report's commit
 * in flight, then end the process as they would have (signals.c).  Start before any
 * thread; commit reports with qd_cli_commit or write them with qd_cli_write_file. */
typedef struct qd_atomic qd_atomic;
void qd_cli_signals_start(void);
int qd_cli_commit(qd_atomic *w, qd_error *err);
int qd_cli_write_file(const char *path, const char *data, size_t len, qd_error *err);

/* Progress on stderr when it is a terminal. */
void qd_progress(size_t done, size_t total, bool finish);

/* A manifest: what the user knows about inputs (tab-separated, with a header). */
typedef struct qd_manifest qd_manifest;
int qd_manifest_load(qd_manifest **out, const char *path);
/* Set url/outlet/date/title/byline of opt from the row matching the input, if any. */
void qd_manifest_apply(const qd_manifest *m, const char *input, qd_options *opt);
void qd_manifest_free(qd_manifest *m);

int qd_cmd_extract(int argc, char **argv);
int qd_cmd_compare(int argc, char **argv);
int qd_cmd_body(int argc, char **argv);

#endif
