/*
 * test_report.c - the JSON record and the text listing of a document.
 */
#include "testutil.h"

#include <jansson.h>


static void test_json_record(void **state)
{
    (void)state;
    qd_doc *doc = test_file(SEED("002_44361a8531b9948d.txt"));
    char *s;
    qd_error err;
    assert_int_equal(qd_report_doc_json(doc, QD_REPORT_WITH_TEXT | QD_REPORT_PARAGRAPHS, &s, &err), 0);
    assert_null(strchr(s, '\n')); /* one line per document */
    json_error_t je;
    json_t *o = json_loads(s, 0, &je);
    assert_non_null(o);
    assert_string_equal(json_string_value(json_object_get(o, "outlet")), "Caliber.Az");
    json_t *quotes = json_object_get(o, "quotes");
    assert_true(json_array_size(quotes) > 5);
    const char *text = json_string_value(json_object_get(o, "text"));
    size_t i;
    json_t *q;
    json_array_foreach(quotes, i, q) {
        json_t *c = json_object_get(q, "content");
        if (json_is_array(c))
            c = json_array_get(c, 0);
        size_t a = (size_t)json_integer_value(json_object_get(c, "start"));
        size_t b = (size_t)json_integer_value(json_object_get(c, "end"));
        const char *t = json_string_value(json_object_get(c, "text"));
        /* plain UTF-8 input: the analysed text is the input and offsets slice it */
        assert_int_equal(b - a, strlen(t));
        assert_memory_equal(text + a, t, b - a);
        assert_non_null(json_object_get(q, "provenance"));
        const char *type = json_string_value(json_object_get(q, "type"));
        assert_true(!strcmp(type, "direct") || !strcmp(type, "partial") || !strcmp(type, "mixed") ||
                    !strcmp(type, "indirect"));
    }
    json_decref(o);
    free(s);
    qd_doc_free(doc);
}

static void test_text_listing(void **state)
{
    (void)state;
    qd_doc *doc = test_file(SEED("003_459388830af05508.txt"));
    char *s;
    qd_error err;
    assert_int_equal(qd_report_doc_text(doc, 0, &s, &err), 0);
    assert_non_null(strstr(s, "outlet: The Limited Times (site-name)"));
    assert_non_null(strstr(s, "credit: SANA"));
    assert_non_null(strstr(s, "Sergei Lavrov"));
    assert_non_null(strstr(s, "-> SANA (intermediary) -> The Limited Times (outlet)"));
    assert_null(strstr(s, "\x1b["));
    free(s);
    assert_int_equal(qd_report_doc_text(doc, QD_REPORT_COLOR, &s, &err), 0);
    assert_non_null(strstr(s, "\x1b["));
    free(s);
    qd_doc_free(doc);
}

static void test_compare_report(void **state)
{
    (void)state;
    qd_corpus *c;
    qd_error err;
    qd_match_options mo;
    qd_match_options_init(&mo);
    mo.keep_text = true;
    assert_int_equal(qd_corpus_new(&c, test_lexicon(), &mo, &err), 0);
    const char *seeds[] = {SEED("000_c21110f2c13453e9.txt"), SEED("003_459388830af05508.txt")};
    for (int i = 0; i < 2; i++) {
        qd_doc *d = test_file(seeds[i]);
        assert_int_equal(qd_corpus_add(c, d, &err), 0);
        qd_doc_free(d);
    }
    assert_int_equal(qd_corpus_match(c, &err), 0);
    char *s;
    assert_int_equal(qd_report_compare(c, "json", 0, &s, &err), 0);
    json_error_t je;
    json_t *o = json_loads(s, 0, &je);
    assert_non_null(o);
    /* every document in exactly one event */
    json_t *events = json_object_get(o, "events");
    size_t i, k, ndocs = 0;
    json_t *e, *d;
    json_array_foreach(events, i, e) {
        json_array_foreach(json_object_get(e, "documents"), k, d) ndocs++;
    }
    assert_int_equal(ndocs, 2);
    /* one Lavrov across both outlets */
    int lavrov = 0;
    json_t *sp;
    json_array_foreach(json_object_get(o, "speakers"), i, sp)
        lavrov += strstr(json_string_value(json_object_get(sp, "name")), "Lavrov") != NULL;
    assert_int_equal(lavrov, 1);
    json_decref(o);
    free(s);
    assert_int_equal(qd_report_compare(c, "html", 0, &s, &err), 0);
    assert_non_null(strstr(s, "<!DOCTYPE html>"));
    assert_null(strstr(s, "<script"));
    assert_null(strstr(s, "http://"));
    free(s);
    assert_int_equal(qd_report_compare(c, "md", 0, &s, &err), 0);
    assert_non_null(strstr(s, "## Event"));
    free(s);
    assert_int_equal(qd_report_compare(c, "pdf", 0, &s, &err), QD_EUSAGE);
    qd_corpus_free(c);
}

/* Where a streamed report goes: appended to a buffer, or refused. */
typedef struct collected {
    char *data;
    size_t len;
    unsigned calls;
    bool refuse;
} collected;

static int collect(void *ctx, const char *data, size_t len)
{
    collected *k = ctx;
    k->calls++;
    if (k->refuse)
        return -1;
    char *n = realloc(k->data, k->len + len + 1);
    assert_non_null(n);
    memcpy(n + k->len, data, len);
    k->data = n;
    k->len += len;
    k->data[k->len] = '\0';
    return 0;
}

/* A report handed over piece by piece is the report made whole, in every format, and a
 * writer that refuses stops it with an error. */
static void test_compare_streamed(void **state)
{
    (void)state;
    qd_error err;
    qd_corpus *c = test_seed_corpus();
    const char *formats[] = {"text", "md", "html", "json"};
    for (int f = 0; f < 4; f++) {
        unsigned flags = f == 0 ? QD_REPORT_COLOR : 0;
        char *whole;
        assert_int_equal(qd_report_compare(c, formats[f], flags, &whole, &err), 0);
        collected k = {0};
        assert_int_equal(qd_report_compare_to(c, formats[f], flags, collect, &k, &err), 0);
        assert_true(k.calls >= 1);
        assert_int_equal(k.len, strlen(whole));
        assert_memory_equal(k.data, whole, k.len);
        free(k.data);
        free(whole);
        collected no = {.refuse = true};
        assert_int_equal(qd_report_compare_to(c, formats[f], flags, collect, &no, &err), QD_EIO);
    }
    qd_corpus_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_record),
        cmocka_unit_test(test_text_listing),
        cmocka_unit_test(test_compare_report),
        cmocka_unit_test(test_compare_streamed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
