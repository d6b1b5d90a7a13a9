/*
 * quotediff/tasks.h - independent pieces of work run on the caller's threads.
 *
 * The library starts no threads and keeps no global state.  Where a stage splits into
 * independent tasks (the statement alignment of each event, the framing of each event,
 * thread and of the corpus), it hands them to a runner the caller supplies, typically
 * backed by the caller's own thread pool.  Without a runner the tasks run one after
 * another on the calling thread.  The result is the same either way, byte for byte:
 * each task writes only what is its own, and the library merges the results in task
 * order.
 */
#ifndef QUOTEDIFF_TASKS_H
#define QUOTEDIFF_TASKS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One task: `task` is its index, `worker` the slot of the thread running it (two tasks
 * running at the same time never have the same slot, so per-slot scratch space needs no
 * lock). */
typedef void (*qd_task_fn)(void *ctx, size_t task, unsigned worker);

typedef struct qd_task_runner {
    /* Call fn(ctx, i, w) exactly once for each i in [0, n_tasks), in any order and on
     * any of at most `workers` threads (0 <= w < workers), and return when every call
     * has returned.  It cannot fail: a runner that cannot start threads runs the tasks
     * itself. */
    void (*run)(void *runner, size_t n_tasks, qd_task_fn fn, void *ctx);
    void *runner;     /* passed to run as is */
    unsigned workers; /* slots; 1 or more */
} qd_task_runner;

#ifdef __cplusplus
}
#endif
#endif
