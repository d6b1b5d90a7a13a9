/*
 * tasks.h - running independent tasks through the caller's runner (quotediff/tasks.h),
 * or on the calling thread when there is none.
 */
#ifndef QD_UTIL_TASKS_H
#define QD_UTIL_TASKS_H

#include "quotediff/tasks.h"

/* Slots a task may be given: per-slot scratch is allocated for this many. */
static inline unsigned qd_tasks_workers(const qd_task_runner *r)
{
    return r && r->run && r->workers > 1 ? r->workers : 1;
}

static inline void qd_tasks_run(const qd_task_runner *r, size_t n, qd_task_fn fn, void *ctx)
{
    if (qd_tasks_workers(r) > 1 && n > 1) {
        r->run(r->runner, n, fn, ctx);
        return;
    }
    for (size_t i = 0; i < n; i++)
        fn(ctx, i, 0);
}

#endif
