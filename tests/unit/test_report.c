/*
 * test_report.c - the JSON record and the text listing of a document.
 */
#include "testutil.h"

#include <jansson.h>

#define SEED(n) "corpora/lavrov-blinken/" n

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

static void test_corpus_report(void **state)
{
    (void)state;
    qd_doc *docs[2] = {test_file(SEED("000_c21110f2c13453e9.txt")), test_file(SEED("003_459388830af05508.txt"))};
    char *s;
    qd_error err;
    assert_int_equal(qd_report_corpus(docs, 2, "json", 0, &s, &err), 0);
    json_error_t je;
    json_t *o = json_loads(s, 0, &je);
    assert_non_null(o);
    json_t *speakers = json_object_get(o, "speakers");
    size_t i;
    json_t *sp;
    int lavrov = 0;
    json_array_foreach(speakers, i, sp) {
        if (!strcmp(json_string_value(json_object_get(sp, "name")), "Sergei Lavrov")) {
            lavrov++;
            json_t *per = json_object_get(sp, "statements_by_outlet");
            assert_true(json_integer_value(json_object_get(per, "Caliber.Az")) > 0);
            assert_true(json_integer_value(json_object_get(per, "The Limited Times")) > 0);
        }
    }
    assert_int_equal(lavrov, 1);
    json_decref(o);
    free(s);
    qd_doc_free(docs[0]);
    qd_doc_free(docs[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_record),
        cmocka_unit_test(test_text_listing),
        cmocka_unit_test(test_corpus_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
