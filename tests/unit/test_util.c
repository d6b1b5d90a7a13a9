/*
 * test_util.c - arena, string map, buffers, file reading and atomic writes.
 */
#include "testutil.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/io.h"
#include "util/strmap.h"

static void test_arena(void **state)
{
    (void)state;
    qd_arena a;
    qd_arena_init(&a);
    char *p = qd_arena_alloc(&a, 3);
    assert_non_null(p);
    assert_int_equal((uintptr_t)p % 16, 0);
    /* the most recent block grows in place */
    char *q = qd_arena_realloc(&a, p, 3, 100);
    assert_ptr_equal(p, q);
    /* and gives back its end: the next block starts right after what was kept */
    qd_arena_shrink(&a, q, 20);
    char *r = qd_arena_alloc(&a, 8);
    assert_ptr_equal(r, q + 32);
    qd_arena_shrink(&a, q, 1); /* not the most recent block any more: nothing happens */
    assert_ptr_equal(qd_arena_alloc(&a, 8), r + 16);
    /* a large block gets a chunk of its own */
    char *big = qd_arena_alloc(&a, 10u * 1024 * 1024);
    assert_non_null(big);
    memset(big, 1, 10u * 1024 * 1024);
    uint32_t *v = NULL, n = 0, cap = 0;
    for (uint32_t i = 0; i < 100000; i++) {
        uint32_t *slot = QD_VEC_PUSH(&a, v, n, cap);
        assert_non_null(slot);
        *slot = i;
    }
    for (uint32_t i = 0; i < 100000; i++)
        assert_int_equal(v[i], i);
    assert_string_equal(qd_arena_printf(&a, "%s-%d", "x", 42), "x-42");
    qd_arena_release(&a);
}

static void test_strmap(void **state)
{
    (void)state;
    qd_arena a;
    qd_arena_init(&a);
    qd_strmap m;
    qd_strmap_init(&m, &a);
    char key[32];
    for (uint32_t i = 0; i < 5000; i++) {
        snprintf(key, sizeof(key), "k%u", i);
        assert_int_equal(qd_strmap_put(&m, key, strlen(key), i * 2), 0);
    }
    for (uint32_t i = 0; i < 5000; i++) {
        uint32_t v;
        snprintf(key, sizeof(key), "k%u", i);
        assert_true(qd_strmap_get(&m, key, strlen(key), &v));
        assert_int_equal(v, i * 2);
    }
    assert_false(qd_strmap_get(&m, "nope", 4, NULL));
    assert_int_equal(m.n, 5000);
    qd_arena_release(&a);
}

/* Keys are compared a few bytes at a time, the last chunk overlapping the one before:
 * a difference at any place of a key of any length tells two keys apart, and the bytes
 * after the keys (here different) are never looked at. */
static void test_strmap_same_bytes(void **state)
{
    (void)state;
    char a[48], b[48];
    for (size_t n = 0; n <= 40; n++) {
        for (size_t i = 0; i < n; i++)
            a[i] = b[i] = (char)('a' + i % 26);
        a[n] = 'x';
        b[n] = 'y';
        assert_true(qd_strmap_same_bytes(a, b, n));
        for (size_t p = 0; p < n; p++) {
            b[p] = (char)(b[p] ^ 0x20);
            assert_false(qd_strmap_same_bytes(a, b, n));
            b[p] = a[p];
        }
    }
}

static void test_buf(void **state)
{
    (void)state;
    qd_buf b;
    qd_buf_init(&b);
    for (int i = 0; i < 1000; i++)
        qd_buf_printf(&b, "%d,", i);
    assert_false(b.failed);
    assert_memory_equal(b.data, "0,1,2,", 6);
    assert_int_equal(b.data[b.len], '\0');
    qd_buf_free(&b);
}

static void test_read_gzip_and_limits(void **state)
{
    (void)state;
    char dir[] = "/tmp/qd-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof(path), "%s/a.txt.gz", dir);
    gzFile gz = gzopen(path, "wb");
    assert_non_null(gz);
    for (int i = 0; i < 1000; i++)
        gzputs(gz, "The quick brown fox said hello. ");
    gzclose(gz);
    char *data;
    size_t len;
    qd_error err;
    assert_int_equal(qd_read_file(path, 1u << 20, &data, &len, &err), 0);
    assert_int_equal(len, 32000);
    assert_memory_equal(data, "The quick", 9);
    free(data);
    /* a decompression bomb stops at the limit */
    assert_int_equal(qd_read_file(path, 1000, &data, &len, &err), QD_ELIMIT);
    assert_non_null(strstr(err.msg, "a.txt.gz"));
    /* and says which limit, for the CLI's hint */
    assert_int_equal(err.limit, QD_LIMIT_BYTES);
    /* a directory and a missing file are errors naming the path */
    assert_int_equal(qd_read_file(dir, 1000, &data, &len, &err), QD_EIO);
    assert_non_null(strstr(err.msg, "is a directory"));
    assert_int_equal(err.limit, QD_LIMIT_NONE);
    snprintf(path, sizeof(path), "%s/missing.txt", dir);
    assert_int_equal(qd_read_file(path, 1000, &data, &len, &err), QD_EIO);
    assert_non_null(strstr(err.msg, "missing.txt"));
    /* truncated gzip */
    snprintf(path, sizeof(path), "%s/trunc.gz", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x0b", 1, 11, f);
    fclose(f);
    assert_int_equal(qd_read_file(path, 1000, &data, &len, &err), QD_EINPUT);
    unlink(path);
    snprintf(path, sizeof(path), "%s/a.txt.gz", dir);
    unlink(path);
    rmdir(dir);
}

static void test_atomic_write(void **state)
{
    (void)state;
    char dir[] = "/tmp/qd-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof(path), "%s/report.txt", dir);
    qd_error err;
    assert_int_equal(qd_write_atomic(path, "first", 5, &err), 0);
    assert_int_equal(qd_write_atomic(path, "second", 6, &err), 0);
    char *data;
    size_t len;
    assert_int_equal(qd_read_file(path, 100, &data, &len, &err), 0);
    assert_string_equal(data, "second");
    free(data);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    /* a directory that does not exist: an error, nothing left behind */
    snprintf(path, sizeof(path), "%s/no/such/dir.txt", dir);
    assert_int_equal(qd_write_atomic(path, "x", 1, &err), QD_EIO);
    snprintf(path, sizeof(path), "%s/report.txt", dir);
    assert_true(qd_same_file(path, path));
    unlink(path);
    assert_int_equal(rmdir(dir), 0); /* empty: no temporary files were left */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena),
        cmocka_unit_test(test_strmap),
        cmocka_unit_test(test_strmap_same_bytes),
        cmocka_unit_test(test_buf),
        cmocka_unit_test(test_read_gzip_and_limits),
        cmocka_unit_test(test_atomic_write),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
