/*
 * test_json_writer.c - the direct JSON writer against jansson, whose output it
 * must reproduce byte for byte: string escaping, UTF-8 acceptance, reals, members
 * jansson would have left out, and whole document records.
 */
#include "testutil.h"

#include <jansson.h>
#include <math.h>

#include "quotediff/compare.h"
#include "report/json_writer.h"

#define DUMP_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY)

/* s[0..n) through the writer and through jansson: the same bytes, or both refuse. */
static void check_escape(const char *s, size_t n)
{
    qd_buf b;
    qd_buf_init(&b);
    qd_buf_puts(&b, "x"); /* a refused string must leave what was there */
    bool ok = qd_jw_escape(&b, s, n);
    json_t *j = json_stringn(s, n);
    /* the check a writer makes before a record json_pack() would refuse as a whole */
    assert_int_equal(qd_jw_utf8_valid(s, n), j != NULL);
    if (!j) {
        assert_false(ok);
        assert_int_equal(b.len, 1);
        assert_string_equal(b.data, "x");
    } else {
        assert_true(ok);
        char *want = json_dumps(j, DUMP_FLAGS);
        assert_non_null(want);
        assert_int_equal(b.len - 1, strlen(want));
        assert_memory_equal(b.data + 1, want, b.len - 1);
        free(want);
        json_decref(j);
    }
    qd_buf_free(&b);
}

#define CHECK(lit) check_escape(lit, sizeof(lit) - 1)

static void test_escape_tricky(void **state)
{
    (void)state;
    CHECK("");
    CHECK("plain words, said Lavrov.");
    CHECK("\"quoted\" and back\\slash and /slash/");
    CHECK("\b\f\n\r\t");
    CHECK("\x01\x02\x1f\x7f"); /* DEL is not escaped */
    CHECK("nul \0 inside");
    CHECK("\xe2\x80\xa8 line and paragraph \xe2\x80\xa9 separators");
    CHECK("\xef\xbb\xbf BOM, \xe2\x80\x9c curly \xe2\x80\x9d, \xc3\xa9");
    CHECK("astral \xf0\x9f\x98\x80 and \xf4\x8f\xbf\xbf (U+10FFFF)");
    CHECK("\xef\xbf\xbd replacement");
    /* what jansson refuses */
    CHECK("lone \x80 continuation");
    CHECK("truncated \xe2\x80");
    CHECK("truncated at end \xf0\x9f\x98");
    CHECK("overlong \xc0\xaf");
    CHECK("overlong \xc1\xbf");
    CHECK("overlong \xe0\x80\xaf");
    CHECK("overlong \xf0\x80\x80\xaf");
    CHECK("surrogate \xed\xa0\x80");
    CHECK("surrogate \xed\xbf\xbf");
    CHECK("beyond U+10FFFF \xf4\x90\x80\x80");
    CHECK("\xf5\x80\x80\x80");
    CHECK("\xff\xfe");
    CHECK("Latin-1 caf\xe9");
}

/* Random byte strings, biased towards the bytes that matter, against jansson. */
static void test_escape_random(void **state)
{
    (void)state;
    static const unsigned char pick[] = {0x00, 0x01, 0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x1f, 0x20,
                                         '"',  '\\', '/',  'a',  0x7f, 0x80, 0xbf, 0xc0, 0xc2,
                                         0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff,
                                         0xa0, 0x90, 0x8f};
    uint32_t x = 12345;
    char s[16];
    for (int t = 0; t < 20000; t++) {
        x = x * 1103515245u + 12345u;
        size_t n = (x >> 16) % sizeof(s);
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            s[i] = (char)pick[(x >> 16) % sizeof(pick)];
        }
        check_escape(s, n);
    }
}

/* Plain text of every length up to 80 with one byte that is not plain, or a UTF-8
 * sequence, at every place: the plain runs are found many bytes at a time, the last
 * block of a string overlapping the one before it, so the byte must be found wherever
 * it falls in a block and never past the string's end. */
static void test_escape_long_runs(void **state)
{
    (void)state;
    static const char *const odd[] = {"\"", "\\", "\x01", "\x1f", "\x7f", "\x80", "\xc3\xa9", "\xe2\x80\x9c"};
    char s[96];
    for (size_t n = 0; n <= 80; n++) {
        memset(s, 'a', n);
        check_escape(s, n);
        for (size_t k = 0; k < sizeof(odd) / sizeof(odd[0]); k++) {
            size_t ol = strlen(odd[k]);
            for (size_t p = 0; p + ol <= n; p++) {
                memset(s, 'a', n);
                memcpy(s + p, odd[k], ol);
                check_escape(s, n);
            }
        }
    }
}

static void check_real(double v)
{
    char got[64];
    size_t n = qd_jw_format_real(got, sizeof(got), v);
    json_t *j = json_real(v);
    if (!j) {
        assert_int_equal(n, 0);
        return;
    }
    char *want = json_dumps(j, DUMP_FLAGS);
    assert_non_null(want);
    assert_int_equal(n, strlen(want));
    assert_string_equal(got, want);
    free(want);
    json_decref(j);
}

static void test_reals(void **state)
{
    (void)state;
    static const double v[] = {0.0, -0.0, 1.0, -1.0, 0.7, 0.9, 0.4, 0.3, 0.01, 0.99, 100.0,
                               1e15, 1e16, 1e17, 1e20, 1e21, 1e100, 1e300, 1.5e-5, 1e-7,
                               5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                               123456789012345678.0, -3.25e-10, 1.0 / 3.0};
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
        check_real(v[i]);
    for (int k = -100; k <= 200; k++)
        check_real((double)k / 100.0); /* confidences as the report rounds them */
    check_real(NAN);
    check_real(INFINITY);
    check_real(-INFINITY);
    /* fractions in [0.0001, 1) are worked out without printf: every binade there, its
     * ends and the neighbours of the powers of ten and of short decimals, then random
     * bit patterns */
    for (int e = -14; e <= 0; e++) {
        check_real(ldexp(1.0, e));
        check_real(nextafter(ldexp(1.0, e), 0.0));
    }
    static const double tens[] = {1e-4, 1e-3, 1e-2, 1e-1, 1.0};
    for (size_t i = 0; i < sizeof(tens) / sizeof(tens[0]); i++) {
        check_real(tens[i]);
        check_real(nextafter(tens[i], 0.0));
        check_real(nextafter(tens[i], 2.0));
    }
    for (int k = 1; k < 10000; k++) {
        double d = (double)k / 10000.0;
        check_real(d);
        check_real(nextafter(d, 0.0));
        check_real(nextafter(d, 1.0));
    }
    /* exact ties at the seventeenth digit, which random bit patterns nearly never
     * give: for an odd k, k / 2^(17 + lead) has 17 + lead digits after the point,
     * the last a 5, and in [10^-lead, 10^(1-lead)) 18 of them significant, so the
     * seventeenth is rounded half to even as printf does */
    for (int lead = 1; lead <= 4; lead++) {
        double scale = ldexp(1.0, 17 + lead);
        double k0 = ceil(scale * pow(10.0, -lead));
        for (double k = k0 + (fmod(k0, 2.0) == 0.0); k < k0 + 4000; k += 2)
            check_real(k / scale);
    }
    uint64_t x = 88172645463325252u;
    for (int t = 0; t < 100000; t++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double f = ldexp((double)(x >> 11), -53); /* [0, 1) */
        check_real(ldexp(0.5 + f / 2, -(int)(x % 15)));
    }
}

/* Values jansson refuses are left out with their key or separator, wherever they
 * fall: first, last, alone, in objects and in arrays. */
static void test_refused_members(void **state)
{
    (void)state;
    const char *bad = "\xff";
    qd_buf b;
    qd_buf_init(&b);
    qd_jw w;
    qd_jw_init(&w, &b);
    json_t *o = json_object();

    qd_jw_object_begin(&w);
    qd_jw_key(&w, "a");
    qd_jw_string(&w, bad);
    json_object_set_new(o, "a", json_string(bad));
    qd_jw_key(&w, "b");
    qd_jw_int(&w, -42);
    json_object_set_new(o, "b", json_integer(-42));
    qd_jw_key(&w, "c");
    qd_jw_real(&w, NAN);
    json_object_set_new(o, "c", json_real(NAN));
    qd_jw_key(&w, "d");
    qd_jw_array_begin(&w);
    json_t *a = json_array();
    qd_jw_string(&w, bad);
    json_array_append_new(a, json_string(bad));
    qd_jw_string(&w, "ok");
    json_array_append_new(a, json_string("ok"));
    qd_jw_stringn(&w, "x\xed\xa0\x80", 4);
    json_array_append_new(a, json_stringn("x\xed\xa0\x80", 4));
    qd_jw_bool(&w, false);
    json_array_append_new(a, json_false());
    qd_jw_string(&w, bad);
    json_array_append_new(a, json_string(bad));
    qd_jw_array_end(&w);
    json_object_set_new(o, "d", a);
    qd_jw_key(&w, "e");
    qd_jw_array_begin(&w);
    qd_jw_string(&w, bad);
    qd_jw_array_end(&w);
    json_t *e = json_array();
    json_array_append_new(e, json_string(bad));
    json_object_set_new(o, "e", e);
    qd_jw_key(&w, "f");
    qd_jw_object_begin(&w);
    qd_jw_key(&w, "g");
    qd_jw_null(&w);
    qd_jw_key(&w, "h");
    qd_jw_string(&w, bad);
    qd_jw_object_end(&w);
    json_t *f = json_object();
    json_object_set_new(f, "g", json_null());
    json_object_set_new(f, "h", json_string(bad));
    json_object_set_new(o, "f", f);
    qd_jw_key(&w, "i");
    qd_jw_bool(&w, true);
    json_object_set_new(o, "i", json_true());
    qd_jw_key(&w, "j");
    qd_jw_string(&w, NULL); /* NULL is null, as the report's optional fields are */
    json_object_set_new(o, "j", json_null());
    qd_jw_key(&w, "k");
    qd_jw_string(&w, bad);
    json_object_set_new(o, "k", json_string(bad));
    qd_jw_object_end(&w);

    char *want = json_dumps(o, DUMP_FLAGS);
    assert_false(b.failed);
    assert_string_equal(b.data, want);
    free(want);
    json_decref(o);
    qd_buf_free(&b);
}

/* A value rendered elsewhere (a subtree jansson dumped) takes its place among the
 * writer's members and elements with the right separators. */
static void test_raw_values(void **state)
{
    (void)state;
    json_t *sub = json_pack("{s:s,s:[i,n]}", "text", "\"scare\" quotes", "where", 3);
    char *subj = json_dumps(sub, JSON_COMPACT);
    assert_non_null(subj);
    qd_buf b;
    qd_buf_init(&b);
    qd_jw w;
    qd_jw_init(&w, &b);
    qd_jw_object_begin(&w);
    qd_jw_key(&w, "a");
    qd_jw_array_begin(&w);
    qd_jw_int(&w, 1);
    qd_jw_raw(&w, subj, strlen(subj));
    qd_jw_raw(&w, "[]", 2);
    qd_jw_array_end(&w);
    qd_jw_key(&w, "framing");
    qd_jw_raw(&w, subj, strlen(subj));
    qd_jw_object_end(&w);

    json_t *o = json_object();
    json_t *a = json_array();
    json_array_append_new(a, json_integer(1));
    json_array_append(a, sub);
    json_array_append_new(a, json_array());
    json_object_set_new(o, "a", a);
    json_object_set(o, "framing", sub);
    char *want = json_dumps(o, DUMP_FLAGS);
    assert_false(b.failed);
    assert_string_equal(b.data, want);
    free(want);
    free(subj);
    json_decref(o);
    json_decref(sub);
    qd_buf_free(&b);
}

/* A real record: jansson reads it and writes back the very same bytes (its reals
 * and escapes included), with and without the text and the paragraphs. */
static void test_doc_record_roundtrip(void **state)
{
    (void)state;
    static const char *const files[] = {"corpora/lavrov-blinken/002_44361a8531b9948d.txt",
                                        "corpora/lavrov-blinken/000_c21110f2c13453e9.txt"};
    for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
        qd_doc *doc = test_file(files[f]);
        for (unsigned flags = 0; flags <= (QD_REPORT_WITH_TEXT | QD_REPORT_PARAGRAPHS); flags++) {
            if (flags & QD_REPORT_COLOR)
                continue;
            char *s;
            qd_error err;
            assert_int_equal(qd_report_doc_json(doc, flags, &s, &err), 0);
            json_error_t je;
            json_t *o = json_loads(s, 0, &je);
            assert_non_null(o);
            assert_true(json_array_size(json_object_get(o, "quotes")) > 0);
            char *again = json_dumps(o, DUMP_FLAGS);
            assert_string_equal(s, again);
            free(again);
            json_decref(o);
            free(s);
        }
        qd_doc_free(doc);
    }
}

/* A summary line (what compare reads back) is written by the writer too: jansson
 * reads it and dumps the very same bytes, with and without the text; read back and
 * written again, it is the same line. */
static void test_summary_line_roundtrip(void **state)
{
    (void)state;
    static const char *const files[] = {"corpora/lavrov-blinken/002_44361a8531b9948d.txt",
                                        "corpora/lavrov-blinken/000_c21110f2c13453e9.txt"};
    for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
        qd_doc *doc = test_file(files[f]);
        for (int keep_text = 0; keep_text <= 1; keep_text++) {
            qd_summary *sum, *back;
            char *line, *again;
            qd_error err;
            assert_int_equal(qd_summary_make(doc, test_lexicon(), keep_text, &sum, &err), 0);
            assert_int_equal(qd_summary_to_json(sum, &line, &err), 0);
            json_error_t je;
            json_t *o = json_loads(line, 0, &je);
            assert_non_null(o);
            assert_true(json_array_size(json_object_get(o, "statements")) > 0);
            assert_true(json_array_size(json_object_get(o, "terms")) > 0);
            assert_int_equal(json_object_get(o, "text") != NULL, keep_text);
            char *dumped = json_dumps(o, DUMP_FLAGS);
            assert_string_equal(line, dumped);
            assert_int_equal(qd_summary_from_json("line", line, strlen(line), test_lexicon(), &back, &err), 1);
            assert_int_equal(qd_summary_to_json(back, &again, &err), 0);
            assert_string_equal(line, again);
            free(again);
            free(dumped);
            json_decref(o);
            qd_summary_free(back);
            qd_summary_free(sum);
            free(line);
        }
        qd_doc_free(doc);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape_tricky),
        cmocka_unit_test(test_escape_random),
        cmocka_unit_test(test_escape_long_runs),
        cmocka_unit_test(test_reals),
        cmocka_unit_test(test_refused_members),
        cmocka_unit_test(test_raw_values),
        cmocka_unit_test(test_doc_record_roundtrip),
        cmocka_unit_test(test_summary_line_roundtrip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
