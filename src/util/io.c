/*
 * io.c - whole-file reads with gzip and size limits; atomic writes (see io.h).
 */
/* O_TMPFILE and linkat's AT_SYMLINK_FOLLOW are GNU/Linux */
#define _GNU_SOURCE
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

bool qd_is_gzip(const char *data, size_t len)
{
    return len >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b;
}

static int read_fd(int fd, const char *path, size_t limit, char **out, size_t *out_len,
                   qd_error *err)
{
    size_t cap = 64 * 1024, len = 0;
    char *data = malloc(cap);
    if (!data)
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", path);
    for (;;) {
        if (len + 1 >= cap) {
            size_t ncap = cap * 2;
            char *p = realloc(data, ncap);
            if (!p) {
                free(data);
                return qd_error_set(err, QD_ENOMEM, "%s: out of memory", path);
            }
            data = p;
            cap = ncap;
        }
        ssize_t n = read(fd, data + len, cap - len - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(data);
            if (e == EISDIR)
                return qd_error_set(err, QD_EIO, "%s: is a directory", path);
            return qd_error_set(err, QD_EIO, "%s: %s", path, strerror(e));
        }
        if (n == 0)
            break;
        len += (size_t)n;
        /* Compressed input may legitimately exceed the limit only after inflating,
         * so the raw read is bounded by the same limit (gzip never grows data much). */
        if (len > limit + 64) {
            free(data);
            return qd_error_set_limit(err, QD_LIMIT_BYTES,
                                      "%s: larger than the document size limit (%zu bytes)", path,
                                      limit);
        }
    }
    data[len] = '\0';
    *out = data;
    *out_len = len;
    return 0;
}

int qd_gunzip(const char *name, const char *data, size_t len, size_t limit, char **out,
              size_t *out_len, qd_error *err)
{
    z_stream zs;
    memset(&zs, 0, sizeof(zs));
    /* 16 + MAX_WBITS: gzip wrapper only. */
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return qd_error_set(err, QD_ENOMEM, "%s: cannot start gzip decoder", name);
    size_t cap = len * 4 + 1024, used = 0;
    if (cap > limit + 1)
        cap = limit + 1;
    char *buf = malloc(cap + 1);
    if (!buf) {
        inflateEnd(&zs);
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", name);
    }
    zs.next_in = (unsigned char *)data;
    zs.avail_in = 0;
    size_t in_left = len;
    int rc = Z_OK;
    for (;;) {
        if (zs.avail_in == 0 && in_left > 0) {
            unsigned chunk = in_left > (1u << 30) ? (1u << 30) : (unsigned)in_left;
            zs.avail_in = chunk;
            in_left -= chunk;
        }
        if (used == cap) {
            if (cap > limit) {
                free(buf);
                inflateEnd(&zs);
                return qd_error_set_limit(err, QD_LIMIT_BYTES,
                                          "%s: decompresses to more than the document size "
                                          "limit (%zu bytes)",
                                          name, limit);
            }
            size_t ncap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
            char *p = realloc(buf, ncap + 1);
            if (!p) {
                free(buf);
                inflateEnd(&zs);
                return qd_error_set(err, QD_ENOMEM, "%s: out of memory", name);
            }
            buf = p;
            cap = ncap;
        }
        size_t room = cap - used;
        unsigned step = room > (1u << 30) ? (1u << 30) : (unsigned)room;
        zs.next_out = (unsigned char *)buf + used;
        zs.avail_out = step;
        rc = inflate(&zs, Z_NO_FLUSH);
        used += step - zs.avail_out;
        if (rc == Z_STREAM_END) {
            /* Concatenated gzip members are legal; continue with the next one. */
            if (zs.avail_in == 0 && in_left == 0)
                break;
            if (inflateReset(&zs) != Z_OK)
                break;
            continue;
        }
        if (rc == Z_BUF_ERROR && zs.avail_in == 0 && in_left == 0) {
            free(buf);
            inflateEnd(&zs);
            return qd_error_set(err, QD_EINPUT, "%s: gzip data is truncated", name);
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            free(buf);
            inflateEnd(&zs);
            return qd_error_set(err, QD_EINPUT, "%s: corrupt gzip data (%s)", name,
                                zs.msg ? zs.msg : "inflate failed");
        }
    }
    inflateEnd(&zs);
    buf[used] = '\0';
    *out = buf;
    *out_len = used;
    return 0;
}

int qd_read_file(const char *path, size_t limit, char **out, size_t *out_len, qd_error *err)
{
    int fd;
    bool is_stdin = strcmp(path, "-") == 0;
    if (is_stdin) {
        fd = STDIN_FILENO;
    } else {
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return qd_error_set(err, QD_EIO, "%s: %s", path, strerror(errno));
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            return qd_error_set(err, QD_EIO, "%s: is a directory", path);
        }
    }
    char *data = NULL;
    size_t len = 0;
    int rc = read_fd(fd, path, limit, &data, &len, err);
    if (!is_stdin)
        close(fd);
    if (rc)
        return rc;
    if (qd_is_gzip(data, len)) {
        char *plain = NULL;
        size_t plen = 0;
        rc = qd_gunzip(path, data, len, limit, &plain, &plen, err);
        free(data);
        if (rc)
            return rc;
        data = plain;
        len = plen;
    } else if (len > limit) {
        free(data);
        return qd_error_set_limit(err, QD_LIMIT_BYTES,
                                  "%s: larger than the document size limit (%zu bytes)", path, limit);
    }
    *out = data;
    *out_len = len;
    return 0;
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/*
 * Atomic output.  The new content goes to a temporary file in the target's directory
 * (so rename() stays on one file system) and is renamed over the target only once it
 * is whole and flushed: readers see the old file or the new one, never half of it.
 *
 * Where Linux allows, the temporary file is anonymous (O_TMPFILE): it has no name
 * until commit links it in under a hidden one and renames it at once, so even a kill
 * -9 in the middle leaves nothing behind.  Elsewhere it is a hidden ".NAME.XXXXXX"
 * file, removed on every error; only a kill can leave one of those.
 */
struct qd_atomic {
    char *path;
    char *tmp;  /* named temporary file; NULL when anonymous or standard output */
    int fd;
    bool anon;  /* fd is an O_TMPFILE file */
    bool direct; /* fd is the target itself, not a regular file (/dev/null, a pipe) */
    char buf[1 << 16];
    size_t len; /* bytes waiting in buf */
};

/* "dir/.name" + suffix room, for the hidden names next to the target. */
static char *hidden_name(const char *path, const char *suffix)
{
    size_t plen = strlen(path), slen = strlen(suffix);
    char *t = malloc(plen + slen + 2);
    if (!t)
        return NULL;
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
    memcpy(t, path, dirlen);
    snprintf(t + dirlen, plen + slen + 2 - dirlen, ".%s%s", path + dirlen, suffix);
    return t;
}

static int open_anonymous(const char *path)
{
#ifdef O_TMPFILE
    /* commit needs /proc to give the file a name */
    if (access("/proc/self/fd", X_OK) != 0)
        return -1;
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, (size_t)(slash - path) + (slash == path)) : strdup(".");
    if (!dir)
        return -1;
    int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
    free(dir);
    return fd;
#else
    (void)path;
    return -1;
#endif
}

int qd_atomic_open(qd_atomic **out, const char *path, qd_error *err)
{
    qd_atomic *w = calloc(1, sizeof(*w));
    if (!w || !(w->path = strdup(path))) {
        free(w);
        return qd_error_set(err, QD_ENOMEM, "%s: out of memory", path);
    }
    w->fd = STDOUT_FILENO;
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* Renaming over a device or a pipe would replace it (as root, /dev/null with a
         * file): write to it directly; it holds no old content to protect. */
        w->direct = true;
        w->fd = S_ISDIR(st.st_mode) ? -1 : open(path, O_WRONLY | O_CLOEXEC);
        if (w->fd < 0) {
            int e = S_ISDIR(st.st_mode) ? EISDIR : errno;
            free(w->path);
            free(w);
            return qd_error_set(err, QD_EIO, "%s: %s", path, strerror(e));
        }
    } else if (strcmp(path, "-") != 0) {
        w->fd = open_anonymous(path);
        w->anon = w->fd >= 0;
        if (!w->anon) {
            w->tmp = hidden_name(path, ".XXXXXX");
            if (!w->tmp) {
                free(w->path);
                free(w);
                return qd_error_set(err, QD_ENOMEM, "%s: out of memory", path);
            }
            w->fd = mkstemp(w->tmp);
        }
        if (w->fd < 0) {
            int e = errno;
            free(w->tmp);
            free(w->path);
            free(w);
            return qd_error_set(err, QD_EIO, "%s: cannot create temporary file: %s", path, strerror(e));
        }
    }
    *out = w;
    return 0;
}

static int atomic_fail(qd_atomic *w, qd_error *err)
{
    int rc = qd_error_set(err, QD_EIO, "%s: %s", w->tmp || w->anon || w->direct ? w->path : "standard output",
                          strerror(errno));
    qd_atomic_abort(w);
    return rc;
}

int qd_atomic_write(qd_atomic *w, const char *data, size_t len, qd_error *err)
{
    if (w->len + len > sizeof(w->buf)) {
        if (write_all(w->fd, w->buf, w->len) != 0)
            return atomic_fail(w, err);
        w->len = 0;
    }
    if (len > sizeof(w->buf))
        return write_all(w->fd, data, len) == 0 ? 0 : atomic_fail(w, err);
    memcpy(w->buf + w->len, data, len);
    w->len += len;
    return 0;
}

/* Give the anonymous file a hidden name next to the target (w->tmp). */
static int link_anonymous(qd_atomic *w)
{
    char proc[64];
    snprintf(proc, sizeof(proc), "/proc/self/fd/%d", w->fd);
    for (unsigned attempt = 0; attempt < 100; attempt++) {
        char suffix[48];
        snprintf(suffix, sizeof(suffix), ".%ld.%u", (long)getpid(), attempt);
        w->tmp = hidden_name(w->path, suffix);
        if (!w->tmp) {
            errno = ENOMEM;
            return -1;
        }
        if (linkat(AT_FDCWD, proc, AT_FDCWD, w->tmp, AT_SYMLINK_FOLLOW) == 0)
            return 0;
        int e = errno;
        free(w->tmp);
        w->tmp = NULL;
        errno = e;
        if (e != EEXIST)
            return -1;
    }
    return -1;
}

int qd_atomic_commit(qd_atomic *w, qd_error *err)
{
    if (w->len && write_all(w->fd, w->buf, w->len) != 0)
        return atomic_fail(w, err);
    w->len = 0;
    if (!w->tmp && !w->anon) {
        if (w->direct && close(w->fd) != 0) {
            w->fd = -1;
            return atomic_fail(w, err);
        }
        w->fd = -1;
        qd_atomic_abort(w);
        return 0;
    }
    if (fsync(w->fd) != 0)
        return atomic_fail(w, err);
    /* a report replaces its target with the target's mode, or is an ordinary 0644
     * file (mkstemp makes 0600; umask() would be process-global state) */
    struct stat st;
    fchmod(w->fd, stat(w->path, &st) == 0 ? (st.st_mode & 07777) : 0644);
    if (w->anon && link_anonymous(w) != 0)
        return atomic_fail(w, err);
    int rc = close(w->fd);
    w->fd = -1;
    if (rc != 0 || rename(w->tmp, w->path) != 0)
        return atomic_fail(w, err);
    free(w->tmp);
    w->tmp = NULL;
    w->anon = false;
    qd_atomic_abort(w);
    return 0;
}

void qd_atomic_abort(qd_atomic *w)
{
    if (!w)
        return;
    if (w->direct && w->fd >= 0)
        close(w->fd);
    if (w->tmp || w->anon) {
        if (w->fd >= 0)
            close(w->fd);
        if (w->tmp)
            unlink(w->tmp);
        free(w->tmp);
    }
    free(w->path);
    free(w);
}

int qd_write_atomic(const char *path, const char *data, size_t len, qd_error *err)
{
    qd_atomic *w;
    int rc = qd_atomic_open(&w, path, err);
    if (rc)
        return rc;
    if ((rc = qd_atomic_write(w, data, len, err)) != 0)
        return rc; /* w is freed */
    return qd_atomic_commit(w, err);
}

bool qd_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
