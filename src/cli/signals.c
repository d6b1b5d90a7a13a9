/*
 * signals.c - an interrupted run never leaves a report's temporary file behind.
 *
 * Reports are written to an anonymous file and put in place by two steps at commit:
 * the file is linked in under a hidden name, then renamed over the target (see
 * qd_atomic_commit).  A signal that ends the process between the two would leave the
 * hidden file beside the report.  Ctrl-C (SIGINT), SIGTERM, SIGHUP and SIGQUIT are
 * therefore blocked in every thread and taken by one thread with sigwait(); it waits
 * until no commit is in flight, then ends the process by the same signal, with its
 * default action, so the exit status says what ended it.  An anonymous file that was
 * never linked vanishes with the process.  Only SIGKILL, which nothing can catch, can
 * still land in the few microseconds between link and rename.
 *
 * This is process state and so lives in the command line, not in the library.
 */
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>

#include "../util/io.h"
#include "cli.h"

/* Commits hold it for reading (several may run at once: `body -o DIR` commits on
 * every worker); the signal thread takes it for writing and never gives it back. */
static pthread_rwlock_t commit_lock = PTHREAD_RWLOCK_INITIALIZER;

static void fill_set(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGHUP);
    sigaddset(set, SIGQUIT);
}

static void *signal_thread(void *arg)
{
    (void)arg;
    sigset_t set;
    fill_set(&set);
    int sig;
    if (sigwait(&set, &sig) != 0)
        return NULL;
    pthread_rwlock_wrlock(&commit_lock);
    /* end the process by the signal itself: default action, unblocked in this thread */
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, sig);
    pthread_sigmask(SIG_UNBLOCK, &one, NULL);
    raise(sig);
    return NULL; /* not reached for these signals' default action */
}

void qd_cli_signals_start(void)
{
    sigset_t set;
    fill_set(&set);
    /* before any other thread exists, so every thread inherits the mask */
    if (pthread_sigmask(SIG_BLOCK, &set, NULL) != 0)
        return;
    pthread_t tid;
    pthread_attr_t attr;
    bool ok = pthread_attr_init(&attr) == 0;
    if (ok) {
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        ok = pthread_create(&tid, &attr, signal_thread, NULL) == 0;
        pthread_attr_destroy(&attr);
    }
    /* without the thread, the signals must keep their usual effect */
    if (!ok)
        pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

int qd_cli_commit(qd_atomic *w, qd_error *err)
{
    pthread_rwlock_rdlock(&commit_lock);
    int rc = qd_atomic_commit(w, err);
    pthread_rwlock_unlock(&commit_lock);
    return rc;
}

int qd_cli_write_file(const char *path, const char *data, size_t len, qd_error *err)
{
    qd_atomic *w;
    if (qd_atomic_open(&w, path, err) != 0)
        return -1;
    if (len && qd_atomic_write(w, data, len, err) != 0)
        return -1; /* the writer is freed on failure */
    return qd_cli_commit(w, err);
}
