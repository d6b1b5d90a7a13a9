/*
 * test_meta.c - dates, bylines and outlet names read from free text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ingest/meta.h"
#include "quotediff/lexicon.h"

static void expect_date(const char *in, const char *iso)
{
    char out[QD_DATE_MAX];
    size_t a, b;
    assert_true(qd_find_date(in, strlen(in), out, &a, &b));
    assert_string_equal(out, iso);
}

static void test_dates_in_seed_forms(void **state)
{
    (void)state;
    expect_date("06 December 2024 11:19", "2024-12-06T11:19");
    expect_date("2021-10-14T11:15:48.017Z", "2021-10-14T11:15:48.017Z");
    expect_date("Sunday, December 5, 2021", "2021-12-05");
    expect_date("Published Dec. 5, 2021 3:04 PM", "2021-12-05T15:04");
    expect_date("2021/10/14", "2021-10-14");
    expect_date("Updated: 2016-09-12 08:00:00+02:00", "2016-09-12T08:00:00+02:00");
}

static void test_date_span_includes_weekday(void **state)
{
    (void)state;
    const char *s = "Sunday, December 5, 2021";
    char out[QD_DATE_MAX];
    size_t a, b;
    assert_true(qd_find_date(s, strlen(s), out, &a, &b));
    assert_int_equal(a, 0);
    assert_int_equal(b, strlen(s));
}

static void test_impossible_dates_rejected(void **state)
{
    (void)state;
    char out[QD_DATE_MAX];
    size_t a, b;
    assert_false(qd_find_date("31 February 2021", 16, out, &a, &b));
    assert_false(qd_find_date("2021-13-01", 10, out, &a, &b));
    assert_false(qd_find_date("Views: 116", 10, out, &a, &b));
    assert_false(qd_find_date("5.5 C", 5, out, &a, &b));
}

static void test_bylines(void **state)
{
    (void)state;
    char out[128];
    assert_true(qd_parse_byline("By Tamilla Hasanova", 19, out, sizeof(out)));
    assert_string_equal(out, "Tamilla Hasanova");
    const char *two = "By Jane Doe and John Roe, CNN";
    assert_true(qd_parse_byline(two, strlen(two), out, sizeof(out)));
    assert_string_equal(out, "Jane Doe and John Roe");
    assert_false(qd_parse_byline("By the way, he said", 19, out, sizeof(out)));
    assert_false(qd_parse_byline("Bypass road closed", 18, out, sizeof(out)));
}

static void test_outlets(void **state)
{
    (void)state;
    qd_lexicon *lx;
    qd_error err;
    assert_int_equal(qd_lexicon_new(&lx, &err), 0);
    const qd_outlet *o = qd_find_outlet(lx, "Caliber.az", 10, false);
    assert_non_null(o);
    assert_string_equal(o->name, "Caliber.Az");
    /* a typo of a known agency name is recognised only when asked to be fuzzy */
    assert_null(qd_find_outlet(lx, "sena", 4, false));
    o = qd_find_outlet(lx, "sena", 4, true);
    assert_non_null(o);
    assert_string_equal(o->name, "SANA");
    char host[64];
    o = qd_outlet_from_url(lx, "https://edition.cnn.com/2021/10/14/politics/x.html", host, sizeof(host));
    assert_non_null(o);
    assert_string_equal(o->name, "CNN");
    assert_string_equal(host, "edition.cnn.com");
    assert_true(qd_domain_like("Caliber.Az", 10));
    assert_false(qd_domain_like("News i", 6));
    qd_lexicon_free(lx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates_in_seed_forms),
        cmocka_unit_test(test_date_span_includes_weekday),
        cmocka_unit_test(test_impossible_dates_rejected),
        cmocka_unit_test(test_bylines),
        cmocka_unit_test(test_outlets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
