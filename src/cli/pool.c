/*
 * pool.c - the worker pool of the command line (see pool.h).
 *
 * Jobs sit in a ring indexed by their sequence number.  Workers claim the oldest
 * unclaimed job; the submitting thread emits the oldest job once it is done.  One mutex
 * guards the ring: a job takes milliseconds, so the lock is never the bottleneck.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pool.h"

struct qd_pool {
    qd_work_fn work;
    qd_emit_fn emit;
    void *ctx;
    pthread_t *threads;
    unsigned n_threads;
    pthread_mutex_t lock;
    pthread_cond_t more_work; /* a job was queued, or the pool is closing */
    pthread_cond_t job_done;  /* a worker finished a job */
    qd_job **ring;
    bool *done;
    size_t window;
    size_t head;   /* next job to emit */
    size_t claim;  /* next job to hand to a worker */
    size_t tail;   /* next free sequence number */
    bool closing;
};

static void job_free(qd_job *job)
{
    free(job->record);
    qd_buf_free(&job->out);
    qd_buf_free(&job->msgs);
    free(job);
}

static void *worker(void *arg)
{
    qd_pool *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->claim == p->tail && !p->closing)
            pthread_cond_wait(&p->more_work, &p->lock);
        if (p->claim == p->tail)
            break; /* closing and nothing left */
        size_t seq = p->claim++;
        qd_job *job = p->ring[seq % p->window];
        pthread_mutex_unlock(&p->lock);
        p->work(job, p->ctx);
        pthread_mutex_lock(&p->lock);
        p->done[seq % p->window] = true;
        pthread_cond_broadcast(&p->job_done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

int qd_pool_new(qd_pool **out, unsigned threads, qd_work_fn work, qd_emit_fn emit, void *ctx)
{
    qd_pool *p = calloc(1, sizeof(*p));
    if (!p)
        return -1;
    p->work = work;
    p->emit = emit;
    p->ctx = ctx;
    if (threads <= 1) {
        *out = p;
        return 0;
    }
    /* enough jobs in flight to keep every worker busy while the oldest one finishes */
    p->window = (size_t)threads * 8;
    p->ring = calloc(p->window, sizeof(qd_job *));
    p->done = calloc(p->window, sizeof(bool));
    p->threads = calloc(threads, sizeof(pthread_t));
    if (!p->ring || !p->done || !p->threads)
        goto fail;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->more_work, NULL);
    pthread_cond_init(&p->job_done, NULL);
    for (unsigned i = 0; i < threads; i++) {
        if (pthread_create(&p->threads[i], NULL, worker, p) != 0)
            break;
        p->n_threads++;
    }
    if (p->n_threads == 0) {
        pthread_mutex_destroy(&p->lock);
        pthread_cond_destroy(&p->more_work);
        pthread_cond_destroy(&p->job_done);
        goto fail;
    }
    *out = p;
    return 0;
fail:
    free(p->ring);
    free(p->done);
    free(p->threads);
    free(p);
    return -1;
}

/* Emit the oldest job, waiting for it when `wait` is set; false when there is none
 * ready. Called with the lock held; drops it while emitting. */
static bool emit_oldest(qd_pool *p, bool wait)
{
    if (p->head == p->tail)
        return false;
    size_t slot = p->head % p->window;
    while (!p->done[slot]) {
        if (!wait)
            return false;
        pthread_cond_wait(&p->job_done, &p->lock);
    }
    qd_job *job = p->ring[slot];
    p->ring[slot] = NULL;
    p->done[slot] = false;
    p->head++;
    pthread_mutex_unlock(&p->lock);
    p->emit(job, p->ctx);
    job_free(job);
    pthread_mutex_lock(&p->lock);
    return true;
}

int qd_pool_submit(qd_pool *p, qd_job *job)
{
    if (!p->n_threads) {
        p->work(job, p->ctx);
        p->emit(job, p->ctx);
        job_free(job);
        return 0;
    }
    pthread_mutex_lock(&p->lock);
    while (emit_oldest(p, false))
        ;
    while (p->tail - p->head == p->window)
        emit_oldest(p, true);
    size_t slot = p->tail % p->window;
    p->ring[slot] = job;
    p->done[slot] = false;
    p->tail++;
    pthread_cond_signal(&p->more_work);
    pthread_mutex_unlock(&p->lock);
    return 0;
}

void qd_pool_finish(qd_pool *p)
{
    if (!p)
        return;
    if (p->n_threads) {
        pthread_mutex_lock(&p->lock);
        while (emit_oldest(p, true))
            ;
        p->closing = true;
        pthread_cond_broadcast(&p->more_work);
        pthread_mutex_unlock(&p->lock);
        for (unsigned i = 0; i < p->n_threads; i++)
            pthread_join(p->threads[i], NULL);
        pthread_mutex_destroy(&p->lock);
        pthread_cond_destroy(&p->more_work);
        pthread_cond_destroy(&p->job_done);
    }
    free(p->ring);
    free(p->done);
    free(p->threads);
    free(p);
}

/* Tasks are claimed one at a time from a shared counter: they differ in size by orders
 * of magnitude (an event of two articles, a thread of thousands), so a static split
 * would leave a thread idle while another works through the big ones. */
typedef struct task_run {
    qd_task_fn fn;
    void *ctx;
    size_t n;
    atomic_size_t next;
} task_run;

typedef struct task_slot {
    task_run *tr;
    unsigned worker;
} task_slot;

static void *task_worker(void *arg)
{
    task_slot *sl = arg;
    task_run *tr = sl->tr;
    for (size_t i; (i = atomic_fetch_add(&tr->next, 1)) < tr->n;)
        tr->fn(tr->ctx, i, sl->worker);
    return NULL;
}

void qd_pool_run_tasks(void *runner, size_t n_tasks, qd_task_fn fn, void *ctx)
{
    unsigned threads = *(const unsigned *)runner;
    if (threads > n_tasks)
        threads = (unsigned)n_tasks;
    task_run tr = {fn, ctx, n_tasks, 0};
    pthread_t tid[64];
    task_slot slot[64];
    if (threads > 64)
        threads = 64;
    unsigned started = 0;
    for (unsigned w = 1; w < threads; w++) {
        slot[w] = (task_slot){&tr, w};
        if (pthread_create(&tid[w], NULL, task_worker, &slot[w]) != 0)
            break; /* the threads already started and this one share the tasks */
        started = w;
    }
    slot[0] = (task_slot){&tr, 0};
    task_worker(&slot[0]);
    for (unsigned w = 1; w <= started; w++)
        pthread_join(tid[w], NULL);
}

unsigned qd_cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}
