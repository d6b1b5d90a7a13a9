/*
 * inputs.c - expanding command-line inputs, loading lexicons, progress display.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../util/io.h"
#include "cli.h"

static int push(qd_inputs *in, const char *p)
{
    if (in->n == in->cap) {
        size_t nc = in->cap ? in->cap * 2 : 64;
        char **np = realloc(in->paths, nc * sizeof(char *));
        if (!np)
            return -1;
        in->paths = np;
        in->cap = nc;
    }
    in->paths[in->n] = strdup(p);
    if (!in->paths[in->n])
        return -1;
    in->n++;
    return 0;
}

/* Directories already read in this walk.  Symbolic links can make a tree a graph (a
 * link to "." or ".." at every level is 2^depth paths): each directory is read once. */
typedef struct seen_dirs {
    struct seen_dir {
        dev_t dev;
        ino_t ino;
    } *v;
    size_t n, cap;
} seen_dirs;

/* 1: first visit (now recorded), 0: seen before, -1: out of memory. */
static int first_visit(seen_dirs *seen, const struct stat *st)
{
    for (size_t i = 0; i < seen->n; i++)
        if (seen->v[i].dev == st->st_dev && seen->v[i].ino == st->st_ino)
            return 0;
    if (seen->n == seen->cap) {
        size_t nc = seen->cap ? seen->cap * 2 : 16;
        struct seen_dir *nv = realloc(seen->v, nc * sizeof(*nv));
        if (!nv)
            return -1;
        seen->v = nv;
        seen->cap = nc;
    }
    seen->v[seen->n++] = (struct seen_dir){st->st_dev, st->st_ino};
    return 1;
}

static int walk(qd_inputs *in, const char *dir, const struct stat *dst, seen_dirs *seen, int depth)
{
    if (depth > 64) {
        fprintf(stderr, "quotediff: %s: directories nested too deeply\n", dir);
        return -1;
    }
    int first = first_visit(seen, dst);
    if (first <= 0)
        return first;
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    if (n < 0) {
        fprintf(stderr, "quotediff: %s: %s\n", dir, strerror(errno));
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        const char *nm = names[i]->d_name;
        if (nm[0] != '.' && rc == 0) {
            size_t l = strlen(dir) + strlen(nm) + 2;
            char *p = malloc(l);
            if (!p) {
                rc = -1;
            } else {
                snprintf(p, l, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", nm);
                /* dangling links, link loops, sockets, fifos and devices are skipped */
                struct stat st;
                if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
                    rc = walk(in, p, &st, seen, depth + 1);
                else if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
                    rc = push(in, p);
                free(p);
            }
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int qd_inputs_add(qd_inputs *in, const char *arg)
{
    if (strcmp(arg, "-") == 0) {
        /* paths on standard input, one per line */
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        int rc = 0;
        while (rc == 0 && (n = getline(&line, &cap, stdin)) > 0) {
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                line[--n] = '\0';
            if (n == 0)
                continue;
            rc = qd_inputs_add(in, line);
        }
        free(line);
        return rc;
    }
    struct stat st;
    if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
        seen_dirs seen = {0};
        int rc = walk(in, arg, &st, &seen, 0);
        free(seen.v);
        return rc;
    }
    /* missing and unreadable files are reported when they are read */
    return push(in, arg);
}

void qd_inputs_free(qd_inputs *in)
{
    for (size_t i = 0; i < in->n; i++)
        free(in->paths[i]);
    free(in->paths);
    memset(in, 0, sizeof(*in));
}

qd_lexicon *qd_cli_lexicon(const char *dir)
{
    qd_error err;
    qd_error_clear(&err);
    qd_lexicon *lx;
    if (qd_lexicon_new(&lx, &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        return NULL;
    }
    if (!dir)
        dir = getenv("QUOTEDIFF_LEXICON_DIR");
    if (dir && *dir && qd_lexicon_add_dir(lx, dir, &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        qd_lexicon_free(lx);
        return NULL;
    }
    return lx;
}

bool qd_cli_output_is_input(const char *out, const qd_inputs *in)
{
    if (!out || !strcmp(out, "-"))
        return false;
    for (size_t i = 0; i < in->n; i++)
        if (!strcmp(out, in->paths[i]) || qd_same_file(out, in->paths[i]))
            return true;
    return false;
}

int qd_cli_threads(const char *arg, unsigned *out)
{
    char *end;
    unsigned long v = strtoul(arg, &end, 10);
    if (*end || end == arg || v == 0 || v > 1024) {
        fprintf(stderr, "quotediff: -j needs a number of threads between 1 and 1024\n");
        return -1;
    }
    *out = (unsigned)v;
    return 0;
}

/* A plain decimal number: no sign, no space, no overflow (strtoull takes "-1"). */
static bool parse_count(const char *arg, unsigned long long *v, char **end)
{
    if (*arg < '0' || *arg > '9')
        return false;
    errno = 0;
    *v = strtoull(arg, end, 10);
    return errno == 0;
}

int qd_cli_max_bytes(const char *arg, size_t *out)
{
    unsigned long long v;
    char *end;
    /* Offsets into a document are 32-bit and libxml2 takes an int length: a larger
     * limit could not be honoured. */
    const unsigned long long most = INT32_MAX;
    if (parse_count(arg, &v, &end) && v > 0) {
        unsigned shift = 0;
        if (*end == 'k' || *end == 'K')
            shift = 10;
        else if (*end == 'M')
            shift = 20;
        else if (*end == 'G')
            shift = 30;
        if (shift)
            end++;
        if (*end == '\0' && v <= (most >> shift)) {
            *out = (size_t)(v << shift);
            return 0;
        }
    }
    fprintf(stderr, "quotediff: --max-bytes needs a number of bytes from 1 to %llu (suffixes k, M, G allowed)\n",
            most);
    return -1;
}

int qd_cli_max_depth(const char *arg, uint32_t *out)
{
    unsigned long long v;
    char *end;
    if (parse_count(arg, &v, &end) && *end == '\0' && v > 0 && v <= 100000) {
        *out = (uint32_t)v;
        return 0;
    }
    fprintf(stderr, "quotediff: --max-depth needs a nesting depth from 1 to 100000\n");
    return -1;
}

const char *qd_cli_hint(const qd_error *err)
{
    if (err->code != QD_ELIMIT)
        return "";
    switch (err->limit) {
    case QD_LIMIT_BYTES: return " (raise it with --max-bytes)";
    case QD_LIMIT_DEPTH: return " (raise it with --max-depth)";
    case QD_LIMIT_NONE: break;
    }
    return "";
}

void qd_progress(size_t done, size_t total, bool finish)
{
    static const int every = 64;
    if (!isatty(STDERR_FILENO) || total < 200)
        return;
    if (!finish && done % (size_t)every != 0)
        return;
    fprintf(stderr, "\rquotediff: %zu/%zu documents", done, total);
    if (finish)
        fputc('\n', stderr);
    fflush(stderr);
}
