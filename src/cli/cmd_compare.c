/*
 * cmd_compare.c - `quotediff compare`: analyse every input, match them, report.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/io.h"
#include "cli.h"
#include "run.h"

static void compare_usage(FILE *f)
{
    fputs("usage: quotediff compare [OPTIONS] INPUT...\n"
          "\n"
          "Group the inputs into events and threads, line up what each outlet quoted and\n"
          "report the differences.\n"
          "\n"
          "  -f, --format FMT      text (default), md, html or json\n"
          "  -o, --output FILE     write there (atomically) instead of standard output\n"
          "  -j, --jobs N          analyse on N threads (default: the number of cores);\n"
          "                        the report is the same for every N\n"
          "      --lexicon-dir DIR add the lexicon files found in DIR\n"
          "      --manifest FILE   per-input url, outlet, date, title, byline (tab-separated,\n"
          "                        header row naming the columns)\n"
          "      --event-threshold X  similarity needed to join an event (default 0.28)\n"
          "      --thread-threshold X similarity needed to link events in a thread (0.12)\n"
          "      --event-days N       days apart beyond which only shared quotes join (4)\n"
          "      --max-bytes N     refuse documents larger than N bytes (default 16 MiB)\n"
          "      --max-depth N     HTML and JSON nested deeper than N levels are refused\n"
          "                        or flattened (default 512)\n"
          "      --color           colours in text output (default on a terminal)\n"
          "\n"
          "INPUT '-' reads paths, one per line, from standard input.  An INPUT may also be\n"
          "the output of 'quotediff extract --format summary' (JSON Lines), so documents\n"
          "can be analysed elsewhere, in shards, and compared here.\n",
          f);
}

enum { OPT_LEX = 256, OPT_COLOR, OPT_ET, OPT_TT, OPT_ED, OPT_MANIFEST, OPT_MAXB, OPT_MAXD };

typedef struct compare_ctx {
    qd_corpus *corpus;
    const qd_lexicon *lx;
    bool keep_text;
} compare_ctx;

/* What a job hands to the corpus: a summary, and the document it was made from while
 * it is at hand (the corpus reads a little more of it than the summary keeps).  Only
 * the jobs in flight hold documents. */
typedef struct kept {
    qd_summary *sum;
    qd_doc *doc;
} kept;

static int keep_summary(qd_job *job, qd_summary *sum, qd_doc *doc)
{
    kept *v = realloc(job->result, (job->n_result + 1) * sizeof(kept));
    if (!v) {
        qd_summary_free(sum);
        return -1;
    }
    v[job->n_result++] = (kept){sum, doc};
    job->result = v;
    return 0;
}

/* On a worker: an analysed document reduced to its summary (the document is kept). */
static int compare_doc(qd_doc *doc, qd_job *job, void *ctx)
{
    compare_ctx *x = ctx;
    qd_error err;
    qd_summary *sum;
    if (qd_summary_make(doc, x->lx, x->keep_text, &sum, &err) != 0) {
        qd_buf_printf(&job->msgs, "quotediff: %s\n", err.msg);
        return -1;
    }
    if (keep_summary(job, sum, doc) != 0) {
        qd_buf_printf(&job->msgs, "quotediff: %s: out of memory\n", doc->path);
        return -1;
    }
    return 1;
}

/* On a worker: a record of `extract --format summary` output is read back as is. */
static int compare_record(qd_job *job, void *ctx)
{
    compare_ctx *x = ctx;
    qd_error err;
    char name[4096];
    snprintf(name, sizeof(name), "%s:%lu", job->path, job->line);
    qd_summary *sum = NULL;
    int rc = qd_summary_from_json(name, job->record, job->record_len, x->lx, &sum, &err);
    if (rc < 0 || (rc > 0 && keep_summary(job, sum, NULL) != 0)) {
        qd_buf_printf(&job->msgs, "quotediff: %s\n", rc < 0 ? err.msg : "out of memory");
        return -1;
    }
    return rc;
}

/* In input order: into the corpus. */
static int compare_emit(qd_job *job, void *ctx)
{
    compare_ctx *x = ctx;
    kept *v = job->result;
    for (size_t i = 0; i < job->n_result; i++) {
        qd_error err;
        if (qd_corpus_add_summary(x->corpus, v[i].sum, v[i].doc, &err) != 0) {
            fprintf(stderr, "quotediff: %s\n", err.msg);
            job->failed++;
        }
        qd_summary_free(v[i].sum);
        qd_doc_free(v[i].doc);
    }
    free(v);
    job->result = NULL;
    return 0;
}

/* The output file, as the report writes into it. */
typedef struct sink {
    qd_atomic *w;   /* NULL once a write failed (qd_atomic_write frees it) */
    qd_error err;
} sink;

static int sink_write(void *ctx, const char *data, size_t len)
{
    sink *k = ctx;
    if (!k->w)
        return -1;
    if (qd_atomic_write(k->w, data, len, &k->err) != 0) {
        k->w = NULL;
        return -1;
    }
    return 0;
}

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
                                         {"jobs", required_argument, 0, 'j'},
                                         {"max-bytes", required_argument, 0, OPT_MAXB},
                                         {"max-depth", required_argument, 0, OPT_MAXD},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *format = "text", *output = NULL, *lexdir = NULL;
    bool color = isatty(STDOUT_FILENO);
    qd_match_options mopt;
    qd_match_options_init(&mopt);
    /* -j, --max-bytes, --max-depth and --manifest go straight to what the run reads */
    qd_cli_common co;
    memset(&co, 0, sizeof(co));
    qd_options_init(&co.opt);
    co.threads = qd_cpu_count();
    optind = 1;
    int ch;
    while ((ch = getopt_long(argc, argv, "f:o:j:h", opts, NULL)) != -1) {
        char *end = NULL;
        switch (ch) {
        case 'j':
            if (qd_cli_threads(optarg, &co.threads) != 0)
                return 2;
            break;
        case 'f': format = optarg; break;
        case 'o': output = optarg; break;
        case OPT_LEX: lexdir = optarg; break;
        case OPT_MANIFEST: co.manifest = optarg; break;
        case OPT_COLOR: color = true; break;
        case OPT_MAXB:
            if (qd_cli_max_bytes(optarg, &co.opt.max_doc_bytes) != 0)
                return 2;
            break;
        case OPT_MAXD:
            if (qd_cli_max_depth(optarg, &co.opt.max_depth) != 0)
                return 2;
            break;
        case OPT_ET:
        case OPT_TT: {
            double v = strtod(optarg, &end);
            /* (written so that NaN fails too) */
            if (*end || end == optarg || !(v >= 0 && v <= 1)) {
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
            errno = 0;
            long v = strtol(optarg, &end, 10);
            if (*end || end == optarg || errno || v < 0 || v > 3650) {
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
    /* matching hands its independent work (alignment per event, framing per scope) to
     * the same number of threads as analysis */
    unsigned task_threads = co.threads > 64 ? 64 : co.threads;
    qd_task_runner runner = {qd_pool_run_tasks, &task_threads, task_threads};
    if (task_threads > 1)
        mopt.tasks = &runner;
    qd_error err;
    qd_corpus *corpus;
    if (qd_corpus_new(&corpus, lx, &mopt, &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        qd_lexicon_free(lx);
        qd_inputs_free(&in);
        return 1;
    }
    /* documents are analysed and summarised on the workers, and added to the corpus in
     * input order, so the report is the same for any number of threads */
    compare_ctx x = {corpus, lx, mopt.keep_text};
    qd_run run = {.co = &co, .lx = lx, .analyze = true, .doc = compare_doc,
                  .record = compare_record, .emit = compare_emit, .ctx = &x};
    int status = qd_run_inputs(&run, &in) ? 1 : 0;
    /* the report is written as it is made (atomically all the same: a failed run
     * leaves any earlier output untouched) */
    sink out = {NULL, {0}};
    if (qd_corpus_match(corpus, &err) != 0 || qd_atomic_open(&out.w, output ? output : "-", &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        status = 1;
    } else if (qd_report_compare_to(corpus, format, color ? QD_REPORT_COLOR : 0, sink_write, &out, &err) != 0) {
        /* a failed write has reported (and closed the output) already */
        fprintf(stderr, "quotediff: %s\n", out.w ? err.msg : out.err.msg);
        if (out.w)
            qd_atomic_abort(out.w);
        status = 1;
    } else if (qd_cli_commit(out.w, &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        status = 1;
    }
    qd_corpus_free(corpus);
    qd_lexicon_free(lx);
    qd_inputs_free(&in);
    return status;
}
