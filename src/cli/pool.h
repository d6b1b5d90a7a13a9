/*
 * pool.h - documents processed on a pool of worker threads, results taken in input order.
 *
 * The command line turns its inputs into a sequence of jobs (a file, or one record of a
 * JSON Lines file).  Workers run `work` on jobs in any order; the calling thread runs
 * `emit` on finished jobs strictly in the order they were submitted, so what is written
 * (and every message on standard error) is the same whatever the number of threads.
 * At most `window` jobs are in flight: memory is bounded by the working set, not by the
 * number of inputs.
 */
#ifndef QD_CLI_POOL_H
#define QD_CLI_POOL_H

#include <stdbool.h>
#include <stddef.h>

#include "quotediff/tasks.h"
#include "../util/buf.h"

typedef struct qd_job {
    const char *path;   /* the input file (a file job), or the file a record came from */
    char *record;       /* a record of a JSON Lines input (owned), NULL for a file job */
    size_t record_len;
    unsigned long line; /* line number of the record */
    qd_buf out;         /* what to write, in order */
    qd_buf msgs;        /* what to say on standard error, in order */
    void *result;       /* command-specific (compare: summaries) */
    size_t n_result;
    size_t failed;      /* inputs or records that failed */
    bool stop;          /* a write failed: stop everything */
} qd_job;

typedef void (*qd_work_fn)(qd_job *job, void *ctx);
typedef void (*qd_emit_fn)(qd_job *job, void *ctx);

typedef struct qd_pool qd_pool;

/* threads 0 or 1: everything runs on the calling thread. */
int qd_pool_new(qd_pool **out, unsigned threads, qd_work_fn work, qd_emit_fn emit, void *ctx);
/* Queue a job (taken over by the pool); may first emit finished jobs, or wait for one. */
int qd_pool_submit(qd_pool *p, qd_job *job);
/* Emit everything still in flight, stop the workers, free the pool. */
void qd_pool_finish(qd_pool *p);

/* A qd_task_runner (quotediff/tasks.h) on `threads` threads, the calling one among
 * them: the library's independent matching work.  `runner` points to the unsigned
 * number of threads. */
void qd_pool_run_tasks(void *runner, size_t n_tasks, qd_task_fn fn, void *ctx);

/* The default for -j: the number of cores this process may run on. */
unsigned qd_cpu_count(void);

#endif
