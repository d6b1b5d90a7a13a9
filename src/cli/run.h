/*
 * run.h - the documents of the command-line inputs through a command, on N threads,
 * with results in input order (see run.c and pool.h).
 */
#ifndef QD_CLI_RUN_H
#define QD_CLI_RUN_H

#include "cli.h"
#include "pool.h"

typedef struct qd_run {
    const qd_cli_common *co; /* options, and co->threads workers (0 or 1: all on the calling thread) */
    const qd_lexicon *lx;
    bool analyze;          /* run qd_doc_analyze before `doc` */
    /* Worker thread: one document (parsed, analysed when asked).  Output goes to
     * job->out or job->result, messages to job->msgs.  0: done with the document;
     * 1: the document was kept (in job->result), the command frees it; <0: failed. */
    int (*doc)(qd_doc *doc, qd_job *job, void *ctx);
    /* Worker thread, optional: a JSON Lines record before it is read as a document.
     * 0: not handled (read it as a document); 1: handled; <0: failed. */
    int (*record)(qd_job *job, void *ctx);
    /* Calling thread, in input order: write what the job made.  Non-zero stops the run. */
    int (*emit)(qd_job *job, void *ctx);
    void *ctx;
    /* private */
    qd_manifest *man;
    size_t failed;
    bool stop;
} qd_run;

/* Returns the number of inputs and records that failed (plus one if a write failed). */
size_t qd_run_inputs(qd_run *run, const qd_inputs *in);

#endif
