/*
 * run.c - every document of every input through a command, on a pool of threads.
 *
 * Inputs are read one document at a time: a file is a job, and a JSON Lines file is
 * streamed line by line (through zlib, so it may be gzip-compressed), each record a job
 * of its own (qd_reader streams such files too, but one reader is one thread).  Nothing holds more than the jobs in flight, so a 10 GB file of records
 * needs no more memory than a small one, and one big file still keeps every core busy.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "run.h"
#include "../util/io.h"

/* ---- reading JSON Lines -------------------------------------------------------- */

/* Lines are cut as qd_reader cuts them (at '\n' only, NUL bytes and '\r' kept, lines
 * counted from 1, blank ones skipped), so a record gets the same name and bytes here
 * as when the library reads the file itself. */
typedef struct line_reader {
    gzFile gz;
    char *line;         /* the current line, NUL-terminated */
    size_t len, cap;
    bool over;          /* the current line is longer than the limit (not kept) */
    bool stop_over;     /* stop reading a line once it is over the limit */
    size_t limit;
    char buf[64 * 1024];
    size_t bpos, blen;
} line_reader;

static int lr_open(line_reader *lr, const char *path, size_t limit)
{
    memset(lr, 0, offsetof(line_reader, buf));
    lr->bpos = lr->blen = 0;
    lr->limit = limit;
    lr->gz = gzopen(path, "rb");
    if (!lr->gz)
        return -1;
    gzbuffer(lr->gz, 128 * 1024);
    return 0;
}

static void lr_close(line_reader *lr)
{
    if (lr->gz)
        gzclose(lr->gz);
    free(lr->line);
    lr->gz = NULL;
    lr->line = NULL;
}

/* The next line: 1, 0 at the end, -1 on a read error or when out of memory. */
static int next_line(line_reader *lr)
{
    lr->len = 0;
    lr->over = false;
    bool any = false;
    for (;;) {
        if (lr->bpos == lr->blen) {
            int n = gzread(lr->gz, lr->buf, (unsigned)sizeof(lr->buf));
            int zerr = Z_OK;
            /* a gzip stream cut short ends quietly; only gzerror tells */
            if (n < 0 || (n == 0 && (gzerror(lr->gz, &zerr), zerr == Z_BUF_ERROR)))
                return -1;
            lr->bpos = 0;
            lr->blen = (size_t)n;
            if (n == 0)
                break;
        }
        any = true;
        const char *start = lr->buf + lr->bpos;
        size_t avail = lr->blen - lr->bpos;
        const char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) : avail;
        if (lr->len + take > lr->limit)
            lr->over = true;
        if (!lr->over) {
            if (lr->len + take + 1 > lr->cap) {
                size_t nc = lr->cap ? lr->cap : 64 * 1024;
                while (nc < lr->len + take + 1)
                    nc *= 2;
                char *p = realloc(lr->line, nc);
                if (!p)
                    return -1;
                lr->line = p;
                lr->cap = nc;
            }
            memcpy(lr->line + lr->len, start, take);
            lr->len += take;
        }
        lr->bpos += take + (nl ? 1 : 0);
        if (nl || (lr->over && lr->stop_over))
            break;
    }
    if (!any)
        return 0;
    if (!lr->line && !(lr->line = malloc(lr->cap = 1)))
        return -1;
    lr->line[lr->over ? 0 : lr->len] = '\0';
    return 1;
}

/* A look at the first bytes of a file that settles most inputs without zlib: 0 when
 * its first line cannot be a JSON object (what is not blank in it starts with another
 * byte, or the file is empty), 1 when the full test must decide (gzip magic, a '{',
 * or only blanks in the bytes read).  Opening the file through zlib costs buffers of
 * several hundred kilobytes and their page faults, a few percent of extract over a
 * directory of small plain-text files, to say 'no' from the first byte. */
static int may_be_json_lines(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 1; /* let the full test meet (and treat) the same failure */
    unsigned char head[256];
    size_t got = 0;
    while (got < sizeof(head)) {
        ssize_t n = read(fd, head + got, sizeof(head) - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    if (got >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        return 1;
    /* the blanks next_line's caller skips before the '{' */
    size_t i = 0;
    while (i < got && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r'))
        i++;
    if (i == got)
        return got == 0 ? 0 : 1;
    return head[i] == '{';
}

/* Is this input JSON Lines?  As for qd_reader: when its first line is a JSON object. */
static bool is_json_lines(const char *path, const qd_options *opt)
{
    if (!strcmp(path, "-") || (opt->input != QD_INPUT_AUTO && opt->input != QD_INPUT_JSON))
        return false;
    if (!may_be_json_lines(path))
        return false;
    line_reader *lr = malloc(sizeof(*lr));
    if (!lr || lr_open(lr, path, opt->max_doc_bytes) != 0) {
        free(lr);
        return false;
    }
    bool yes = false;
    lr->stop_over = true; /* an endless first line (/dev/zero) is not JSON Lines */
    if (next_line(lr) == 1 && !lr->over) {
        size_t i = 0;
        while (i < lr->len && (lr->line[i] == ' ' || lr->line[i] == '\t' || lr->line[i] == '\r'))
            i++;
        if (i < lr->len && lr->line[i] == '{') {
            json_error_t je;
            json_t *j = json_loadb(lr->line, lr->len, JSON_ALLOW_NUL, &je);
            yes = json_is_object(j);
            json_decref(j);
        }
    }
    lr_close(lr);
    free(lr);
    return yes;
}

/* ---- work on a worker thread --------------------------------------------------- */

static void report(qd_job *job, const qd_error *err)
{
    qd_buf_printf(&job->msgs, "quotediff: %s%s\n", err->msg, qd_cli_hint(err));
}

/* Analyse a parsed document and hand it to the command; takes ownership of doc. */
static void one_doc(qd_run *run, qd_job *job, qd_doc *doc)
{
    qd_error err;
    qd_error_clear(&err);
    if (run->analyze && qd_doc_analyze(doc, run->lx, &err) != 0) {
        report(job, &err);
        job->failed++;
        qd_doc_free(doc);
        return;
    }
    for (uint32_t w = 0; w < doc->n_warnings && !run->co->quiet; w++)
        qd_buf_printf(&job->msgs, "quotediff: %s: warning: %s\n", doc->path, doc->warnings[w]);
    int rc = run->doc(doc, job, run->ctx);
    if (rc < 0)
        job->failed++;
    if (rc != 1)
        qd_doc_free(doc);
}

static void work(qd_job *job, void *ctx)
{
    qd_run *run = ctx;
    qd_error err;
    qd_error_clear(&err);
    qd_options opt = run->co->opt;
    qd_manifest_apply(run->man, job->path, &opt);
    if (job->record) {
        if (run->record) {
            int rc = run->record(job, run->ctx);
            if (rc != 0) {
                if (rc < 0)
                    job->failed++;
                return;
            }
        }
        char name[4096];
        snprintf(name, sizeof(name), "%s:%lu", job->path, job->line);
        opt.input = QD_INPUT_JSON;
        qd_doc *doc = NULL;
        if (qd_doc_parse(&doc, name, job->record, job->record_len, &opt, run->lx, &err) != 0) {
            report(job, &err);
            job->failed++;
            return;
        }
        one_doc(run, job, doc);
        return;
    }
    qd_reader *r;
    if (qd_reader_open(&r, job->path, &opt, &err) != 0) {
        report(job, &err);
        job->failed++;
        return;
    }
    for (;;) {
        qd_doc *doc = NULL;
        int rc = qd_reader_next(r, run->lx, &doc, &err);
        if (rc == 0)
            break;
        if (rc < 0) {
            report(job, &err);
            job->failed++;
            if (rc == QD_ENOMEM || rc == QD_EIO)
                break;
            continue;
        }
        one_doc(run, job, doc);
    }
    qd_reader_close(r);
}

/* ---- back on the calling thread, in input order -------------------------------- */

static void emit(qd_job *job, void *ctx)
{
    qd_run *run = ctx;
    if (job->msgs.len)
        fwrite(job->msgs.data, 1, job->msgs.len, stderr);
    run->failed += job->failed;
    if (run->emit && !run->stop && run->emit(job, run->ctx) != 0)
        run->stop = true;
}

static qd_job *new_job(const char *path)
{
    qd_job *job = calloc(1, sizeof(*job));
    if (!job)
        return NULL;
    job->path = path;
    qd_buf_init(&job->out);
    qd_buf_init(&job->msgs);
    return job;
}

static int stream_records(qd_run *run, qd_pool *pool, const char *path)
{
    line_reader *lr = malloc(sizeof(*lr));
    if (!lr)
        return -1;
    if (lr_open(lr, path, run->co->opt.max_doc_bytes) != 0) {
        fprintf(stderr, "quotediff: %s: %s\n", path, strerror(errno ? errno : ENOMEM));
        run->failed++;
        free(lr);
        return 0;
    }
    unsigned long ln = 0;
    int rc = 0;
    while (!run->stop && (rc = next_line(lr)) == 1) {
        ln++;
        if (lr->over) {
            fprintf(stderr, "quotediff: %s:%lu: larger than the document size limit (%zu bytes; raise it with "
                    "--max-bytes)\n", path, ln, lr->limit);
            run->failed++;
            continue;
        }
        if (qd_is_blank_line(lr->line, lr->len))
            continue;
        qd_job *job = new_job(path);
        char *rec = job ? malloc(lr->len + 1) : NULL;
        if (!rec) {
            free(job);
            lr_close(lr);
            free(lr);
            return -1;
        }
        memcpy(rec, lr->line, lr->len + 1);
        job->record = rec;
        job->record_len = lr->len;
        job->line = ln;
        qd_pool_submit(pool, job);
    }
    if (!run->stop && rc < 0) {
        fprintf(stderr, "quotediff: %s: read error after line %lu\n", path, ln);
        run->failed++;
    }
    lr_close(lr);
    free(lr);
    return 0;
}

size_t qd_run_inputs(qd_run *run, const qd_inputs *in)
{
    run->failed = 0;
    run->stop = false;
    if (run->co->manifest && qd_manifest_load(&run->man, run->co->manifest) != 0)
        return in->n ? in->n : 1;
    qd_pool *pool;
    if (qd_pool_new(&pool, run->co->threads, work, emit, run) != 0) {
        fprintf(stderr, "quotediff: cannot start worker threads\n");
        qd_manifest_free(run->man);
        run->man = NULL;
        return in->n ? in->n : 1;
    }
    for (size_t i = 0; i < in->n && !run->stop; i++) {
        if (is_json_lines(in->paths[i], &run->co->opt)) {
            if (stream_records(run, pool, in->paths[i]) != 0) {
                fprintf(stderr, "quotediff: out of memory\n");
                run->failed++;
                break;
            }
        } else {
            qd_job *job = new_job(in->paths[i]);
            if (!job) {
                fprintf(stderr, "quotediff: out of memory\n");
                run->failed++;
                break;
            }
            qd_pool_submit(pool, job);
        }
        qd_progress(i + 1, in->n, i + 1 == in->n);
    }
    qd_pool_finish(pool);
    qd_manifest_free(run->man);
    run->man = NULL;
    return run->failed + (run->stop ? 1 : 0);
}
