/*
 * cmd_extract.c - `quotediff extract` and `quotediff body`.
 */
#include <getopt.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/buf.h"
#include "../report/json_writer.h"
#include "../util/io.h"
#include "cli.h"
#include "run.h"

static void extract_usage(FILE *f)
{
    fputs("usage: quotediff extract [OPTIONS] INPUT...\n"
          "\n"
          "  -f, --format FMT      jsonl (default): one JSON object per document;\n"
          "                        text: a readable listing\n"
          "                        summary: what compare needs, for compare to read back\n"
          "  -o, --output FILE     write there (atomically) instead of standard output\n"
          "  -j, --jobs N          analyse on N threads (default: the number of cores);\n"
          "                        the output is the same for every N\n"
          "      --with-text       jsonl: include the analysed text, which the offsets of\n"
          "                        HTML and JSON inputs point into\n"
          "      --paragraphs      jsonl: include paragraphs and their roles\n"
          "      --color           text: colours (default when writing to a terminal)\n"
          "      --lexicon-dir DIR add the lexicon files found in DIR\n"
          "      --input-kind K    text, html or json instead of detecting it\n"
          "      --max-bytes N     refuse documents larger than N bytes (default 16 MiB)\n"
          "      --max-depth N     HTML and JSON nested deeper than N levels are refused\n"
          "                        or flattened (default 512)\n"
          "      --url URL         the URL of the (single) input\n"
          "      --outlet NAME     the outlet of the input(s)\n"
          "      --manifest FILE   per-input url, outlet, date, title, byline: a tab-separated\n"
          "                        file with a header row naming its columns\n"
          "      --debug           for developers: each document's tokens with the marks of\n"
          "                        mentions, cues and quotes on standard error (one thread)\n",
          f);
}

enum { OPT_WITH_TEXT = 256, OPT_LEXDIR, OPT_COLOR, OPT_KIND, OPT_MAXB, OPT_URL, OPT_OUTLET, OPT_PARAS, OPT_MANIFEST,
       OPT_TITLE, OPT_MAXD, OPT_DEBUG };

static const struct option long_opts[] = {
    {"format", required_argument, 0, 'f'},       {"output", required_argument, 0, 'o'},
    {"with-text", no_argument, 0, OPT_WITH_TEXT}, {"lexicon-dir", required_argument, 0, OPT_LEXDIR},
    {"color", no_argument, 0, OPT_COLOR},         {"input-kind", required_argument, 0, OPT_KIND},
    {"max-bytes", required_argument, 0, OPT_MAXB}, {"url", required_argument, 0, OPT_URL},
    {"max-depth", required_argument, 0, OPT_MAXD},
    {"outlet", required_argument, 0, OPT_OUTLET}, {"paragraphs", no_argument, 0, OPT_PARAS},
    {"manifest", required_argument, 0, OPT_MANIFEST}, {"title", no_argument, 0, OPT_TITLE},
    {"jobs", required_argument, 0, 'j'},           {"debug", no_argument, 0, OPT_DEBUG},
    {"help", no_argument, 0, 'h'},                {0, 0, 0, 0}};

/* Parse the options shared by extract and body; returns the index of the first input or
 * -1 (error, message printed) or -2 (--help). */
static int parse(int argc, char **argv, qd_cli_common *co, void (*help)(FILE *))
{
    memset(co, 0, sizeof(*co));
    qd_options_init(&co->opt);
    co->color = isatty(STDOUT_FILENO);
    co->threads = qd_cpu_count();
    optind = 1;
    int ch;
    while ((ch = getopt_long(argc, argv, "f:o:j:h", long_opts, NULL)) != -1) {
        switch (ch) {
        case 'j':
            if (qd_cli_threads(optarg, &co->threads) != 0)
                return -1;
            break;
        case 'f': co->format = optarg; break;
        case 'o': co->output = optarg; break;
        case OPT_WITH_TEXT: co->with_text = true; break;
        case OPT_PARAS: co->paragraphs = true; break;
        case OPT_LEXDIR: co->lexicon_dir = optarg; break;
        case OPT_COLOR: co->color = true; break;
        case OPT_URL: co->opt.url = optarg; break;
        case OPT_OUTLET: co->opt.outlet = optarg; break;
        case OPT_MANIFEST: co->manifest = optarg; break;
        case OPT_TITLE: co->title = true; break;
        case OPT_DEBUG: co->opt.debug = stderr; break;
        case OPT_KIND:
            if (!strcmp(optarg, "text"))
                co->opt.input = QD_INPUT_TEXT;
            else if (!strcmp(optarg, "html"))
                co->opt.input = QD_INPUT_HTML;
            else if (!strcmp(optarg, "json"))
                co->opt.input = QD_INPUT_JSON;
            else {
                fprintf(stderr, "quotediff: --input-kind must be text, html or json\n");
                return -1;
            }
            break;
        case OPT_MAXB:
            if (qd_cli_max_bytes(optarg, &co->opt.max_doc_bytes) != 0)
                return -1;
            break;
        case OPT_MAXD:
            if (qd_cli_max_depth(optarg, &co->opt.max_depth) != 0)
                return -1;
            break;
        case 'h': help(stdout); return -2;
        default: help(stderr); return -1;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "quotediff: no input given\n");
        help(stderr);
        return -1;
    }
    if (co->output && strcmp(co->output, "-") != 0)
        co->color = false;
    if (co->opt.debug)
        co->threads = 1; /* one document's dump after another, not interleaved */
    return optind;
}

typedef struct extract_ctx {
    const qd_cli_common *co;
    bool text;
    bool summary;
    const qd_lexicon *lx;
    qd_atomic *w;
} extract_ctx;

/* On a worker: the record of one document. */
static int extract_doc(qd_doc *doc, qd_job *job, void *ctx)
{
    extract_ctx *x = ctx;
    qd_error err;
    char *s = NULL;
    int rc;
    unsigned flags = (x->co->with_text ? QD_REPORT_WITH_TEXT : 0) |
                     (x->co->paragraphs ? QD_REPORT_PARAGRAPHS : 0) | (x->co->color ? QD_REPORT_COLOR : 0);
    if (x->summary) {
        qd_summary *sum = NULL;
        rc = qd_summary_make(doc, x->lx, x->co->with_text, &sum, &err);
        if (!rc)
            rc = qd_summary_to_json(sum, &s, &err);
        qd_summary_free(sum);
    } else if (x->text) {
        rc = qd_report_doc_text(doc, flags, &s, &err);
    } else {
        /* the record straight into the batch's output: no copy of it */
        rc = qd_report_doc_json_append(doc, flags, &job->out, &err);
    }
    if (rc) {
        qd_buf_printf(&job->msgs, "quotediff: %s\n", err.msg);
        return rc;
    }
    if (s)
        qd_buf_puts(&job->out, s);
    if (!x->text)
        qd_buf_putc(&job->out, '\n');
    free(s);
    if (job->out.failed) {
        qd_buf_printf(&job->msgs, "quotediff: %s: out of memory\n", doc->path);
        return -1;
    }
    return 0;
}

/* In input order: write it. */
static int extract_emit(qd_job *job, void *ctx)
{
    extract_ctx *x = ctx;
    qd_error err;
    if (job->out.len && qd_atomic_write(x->w, job->out.data, job->out.len, &err) != 0) {
        x->w = NULL;
        fprintf(stderr, "quotediff: %s\n", err.msg);
        return -1;
    }
    return 0;
}

/* extract and body hold one document per worker at a time, and each document's arena
 * takes a few 64 KB chunks from malloc and gives them all back when it is done.  With
 * glibc's defaults the freed top of the heap is handed back to the kernel as soon as
 * it passes 128 KB, so the next document faults the same pages in again: about four
 * faults a document, 18% of `body`'s CPU time on the PolNeAR text.  Keeping up to
 * 8 MB of freed memory per malloc arena (and serving blocks up to 4 MB from the heap
 * rather than fresh mappings: setting the trim threshold also fixes that one, at 128 KB)
 * bounds what is kept while the pages stay mapped from one document to the next.
 * Only these two commands do this: compare keeps its corpus and sizes memory itself. */
static void keep_freed_pages(void)
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 8 * 1024 * 1024);
#endif
}

int qd_cmd_extract(int argc, char **argv)
{
    qd_cli_common co;
    int first = parse(argc, argv, &co, extract_usage);
    if (first == -2)
        return 0;
    if (first < 0)
        return 2;
    bool text = false, summary = false;
    if (co.format && !strcmp(co.format, "text"))
        text = true;
    else if (co.format && !strcmp(co.format, "summary"))
        summary = true;
    else if (co.format && strcmp(co.format, "jsonl") != 0 && strcmp(co.format, "json") != 0) {
        fprintf(stderr, "quotediff: extract: unknown format '%s' (jsonl, text, summary)\n", co.format);
        return 2;
    }
    qd_inputs in = {0};
    for (int i = first; i < argc; i++)
        if (qd_inputs_add(&in, argv[i]) != 0) {
            qd_inputs_free(&in);
            return 1;
        }
    if (qd_cli_output_is_input(co.output, &in)) {
        fprintf(stderr, "quotediff: %s: the output would overwrite an input\n", co.output);
        qd_inputs_free(&in);
        return 2;
    }
    qd_lexicon *lx = qd_cli_lexicon(co.lexicon_dir);
    if (!lx) {
        qd_inputs_free(&in);
        return 2;
    }
    qd_error err;
    extract_ctx x = {&co, text, summary, lx, NULL};
    if (qd_atomic_open(&x.w, co.output ? co.output : "-", &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        qd_lexicon_free(lx);
        qd_inputs_free(&in);
        return 1;
    }
    keep_freed_pages();
    qd_run run = {.co = &co, .lx = lx, .analyze = true,
                  .doc = extract_doc, .emit = extract_emit, .ctx = &x};
    size_t failed = qd_run_inputs(&run, &in);
    int status = failed ? 1 : 0;
    /* a partial output replaces nothing: the file is whole or untouched */
    if (x.w && qd_cli_commit(x.w, &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        status = 1;
    }
    qd_lexicon_free(lx);
    qd_inputs_free(&in);
    return status;
}

/* ---- body -------------------------------------------------------------------------- */

static void body_usage(FILE *f)
{
    fputs("usage: quotediff body [OPTIONS] INPUT...\n"
          "\n"
          "Print the article text of each input: its body paragraphs, separated by blank\n"
          "lines (with --title, the headline first).\n"
          "\n"
          "      --title           start with the headline\n"
          "  -o, --output DIR      write DIR/NAME.txt per input (NAME: the input's file name\n"
          "                        without .gz/.html/.htm/.txt/.json) instead of printing\n"
          "  -j, --jobs N          read on N threads (default: the number of cores)\n"
          "      --lexicon-dir DIR add the lexicon files found in DIR\n"
          "      --input-kind K    text, html or json instead of detecting it\n"
          "      --max-bytes N     refuse documents larger than N bytes (default 16 MiB)\n"
          "      --max-depth N     HTML and JSON nested deeper than N levels are refused\n"
          "                        or flattened (default 512)\n",
          f);
}

/* The article as text: every body paragraph, after the title when asked for.  The
 * headline is left out by default because "the article body" means what readers and
 * extraction benchmarks mean by it: the text under the headline. */
static void body_text(const qd_doc *doc, qd_buf *b, bool title)
{
    bool first = true;
    for (uint32_t i = 0; i < doc->n_paragraphs; i++) {
        const qd_paragraph *p = &doc->paragraphs[i];
        if (p->role != QD_PARA_BODY && !(title && p->role == QD_PARA_TITLE))
            continue;
        if (!first)
            qd_buf_puts(b, "\n\n");
        qd_buf_append(b, doc->text + p->span.start, p->span.end - p->span.start);
        first = false;
    }
    qd_buf_putc(b, '\n');
}

static char *output_name(const char *dir, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char name[512];
    snprintf(name, sizeof(name), "%s", base);
    /* a record of a JSON Lines file or array ("feed.jsonl:12", "feed.json#3") becomes
     * "feed-12" */
    char record[32] = "";
    char *mark = strrchr(name, ':');
    if (!mark)
        mark = strrchr(name, '#');
    if (mark && mark[1] && strspn(mark + 1, "0123456789") == strlen(mark + 1) && strlen(mark) < sizeof(record) - 1) {
        record[0] = '-';
        memcpy(record + 1, mark + 1, strlen(mark + 1) + 1);
        *mark = '\0';
    }
    static const char *const exts[] = {".gz", ".html", ".htm", ".txt", ".jsonl", ".json"};
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < sizeof(exts) / sizeof(exts[0]); k++) {
            size_t nl = strlen(name), el = strlen(exts[k]);
            if (nl > el && !strcmp(name + nl - el, exts[k]))
                name[nl - el] = '\0';
        }
    size_t l = strlen(dir) + strlen(name) + strlen(record) + 6;
    char *p = malloc(l);
    if (p)
        snprintf(p, l, "%s/%s%s.txt", dir, name, record);
    return p;
}

typedef struct body_ctx {
    const char *dir; /* -o DIR, or NULL: standard output through w */
    qd_atomic *w;
    bool title;
    const qd_inputs *in; /* DIR/NAME.txt may be one of them: never overwritten */
} body_ctx;

/* On a worker: the text, into a file of its own or kept for standard output. */
static int body_doc(qd_doc *doc, qd_job *job, void *ctx)
{
    const char *dir = ((body_ctx *)ctx)->dir;
    qd_buf tmp;
    qd_buf_init(&tmp);
    qd_buf *b = dir ? &tmp : &job->out;
    body_text(doc, b, ((body_ctx *)ctx)->title);
    if (b->failed) {
        qd_buf_free(&tmp);
        qd_buf_printf(&job->msgs, "quotediff: %s: out of memory\n", doc->path);
        return -1;
    }
    if (!dir)
        return 0;
    char *p = output_name(dir, doc->path);
    qd_error err;
    int rc;
    if (p && qd_cli_output_is_input(p, ((body_ctx *)ctx)->in))
        rc = qd_error_set(&err, QD_EUSAGE, "%s: the output would overwrite an input", p);
    else
        rc = p ? qd_cli_write_file(p, tmp.data ? tmp.data : "", tmp.len, &err) : -1;
    if (rc)
        qd_buf_printf(&job->msgs, "quotediff: %s\n", p ? err.msg : "out of memory");
    free(p);
    qd_buf_free(&tmp);
    return rc;
}

static int body_emit(qd_job *job, void *ctx)
{
    qd_atomic *w = ((body_ctx *)ctx)->w;
    qd_error err;
    if (job->out.len && qd_atomic_write(w, job->out.data, job->out.len, &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        return -1;
    }
    return 0;
}

int qd_cmd_body(int argc, char **argv)
{
    qd_cli_common co;
    int first = parse(argc, argv, &co, body_usage);
    if (first == -2)
        return 0;
    if (first < 0)
        return 2;
    if (co.output) {
        struct stat st;
        if (stat(co.output, &st) != 0 && mkdir(co.output, 0777) != 0) {
            perror(co.output);
            return 2;
        }
        if (stat(co.output, &st) != 0 || !S_ISDIR(st.st_mode)) {
            fprintf(stderr, "quotediff: %s: not a directory\n", co.output);
            return 2;
        }
    }
    qd_inputs in = {0};
    for (int i = first; i < argc; i++)
        if (qd_inputs_add(&in, argv[i]) != 0) {
            qd_inputs_free(&in);
            return 1;
        }
    qd_lexicon *lx = qd_cli_lexicon(co.lexicon_dir);
    if (!lx) {
        qd_inputs_free(&in);
        return 2;
    }
    co.quiet = true;
    co.opt.paragraphs_only = true; /* body prints paragraphs: no tokens needed */
    qd_error err;
    qd_atomic *w = NULL;
    if (!co.output && qd_atomic_open(&w, "-", &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        qd_lexicon_free(lx);
        qd_inputs_free(&in);
        return 1;
    }
    body_ctx x = {co.output, w, co.title, &in};
    keep_freed_pages();
    qd_run run = {.co = &co, .lx = lx, .analyze = false, .doc = body_doc,
                  .emit = co.output ? NULL : body_emit, .ctx = &x};
    size_t failed = qd_run_inputs(&run, &in);
    if (w && qd_cli_commit(w, &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        failed++;
    }
    qd_lexicon_free(lx);
    qd_inputs_free(&in);
    return failed ? 1 : 0;
}
