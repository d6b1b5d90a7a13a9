/*
 * test_json.c - crawler records in: news-please fields, JSON Lines read record by
 * record (named FILE:LINE, bad lines reported and skipped), arrays, gzip, pages inside
 * records, and the seed articles as records reading the same as the plain text.
 */
#include <unistd.h>
#include <zlib.h>

#include "testutil.h"

#define FIX(n) "tests/fixtures/seeds/" n

static qd_doc *json_doc(const char *json)
{
    qd_doc *doc = NULL;
    qd_error err;
    qd_error_clear(&err);
    if (qd_doc_parse(&doc, "rec.json", json, strlen(json), NULL, test_lexicon(), &err) != 0)
        fail_msg("parse failed: %s", err.msg);
    assert_int_equal(doc->kind, QD_INPUT_JSON);
    return doc;
}

static void test_news_please_record(void **state)
{
    (void)state;
    qd_doc *doc = json_doc(
        "{\"url\": \"https://caliber.az/en/post/lavrov-talks\", \"title\": \"Lavrov says talks   will go on\","
        " \"date_publish\": \"2024-12-06 11:19:00\", \"date_download\": \"2024-12-07 00:00:00\","
        " \"maintext\": \"Russian Foreign Minister Sergei Lavrov said on Friday that the talks would go on.\\n"
        "\\u201cWe would like to have normal relations,\\u201d Lavrov remarked.\","
        " \"source_domain\": \"caliber.az\", \"authors\": [\"Aghakazim Guliyev\"], \"language\": \"en\","
        " \"description\": null, \"image_url\": null}");
    assert_string_equal(doc->meta.title, "Lavrov says talks will go on");
    assert_string_equal(doc->meta.date, "2024-12-06T11:19:00");
    assert_string_equal(doc->meta.byline, "Aghakazim Guliyev");
    assert_string_equal(doc->meta.outlet, "Caliber.Az");
    assert_string_equal(doc->meta.url, "https://caliber.az/en/post/lavrov-talks");
    assert_string_equal(doc->meta.language, "en");
    /* title, then one paragraph per line of the text */
    assert_int_equal(doc->n_paragraphs, 3);
    assert_int_equal(doc->paragraphs[0].role, QD_PARA_TITLE);
    assert_int_equal(doc->paragraphs[1].role, QD_PARA_BODY);
    qd_error err;
    assert_int_equal(qd_doc_analyze(doc, test_lexicon(), &err), 0);
    assert_string_equal(test_speaker(doc, "normal relations"), "Sergei Lavrov");
    const qd_statement *st = test_find(doc, "normal relations");
    assert_memory_equal(doc->text + st->pieces[0].start, "\xe2\x80\x9cWe would", 10);
    qd_doc_free(doc);

    /* other crawlers' names for the same fields; several authors */
    doc = json_doc("{\"link\": \"https://www.example.org/a\", \"headline\": \"H\", \"published\": \"2021-05-04\","
                   " \"text\": \"Body text here.\", \"author\": [{\"name\": \"A One\"}, {\"name\": \"B Two\"}]}");
    assert_string_equal(doc->meta.byline, "A One and B Two");
    assert_string_equal(doc->meta.date, "2021-05-04");
    assert_string_equal(doc->meta.outlet, "example.org");
    qd_doc_free(doc);

    /* no article text, only the lead: the lead is the text */
    doc = json_doc("{\"url\": \"https://www.example.org/b\", \"title\": \"T\", \"maintext\": null,"
                   " \"description\": \"\\u201cNo comment,\\u201d the minister said.\"}");
    assert_non_null(strstr(doc->text, "No comment"));
    qd_doc_free(doc);
}

static void test_bad_records(void **state)
{
    (void)state;
    static const char *const bad[] = {"{\"url\": \"https://x.org/1\", \"title\": \"No text\"}", "{\"url\": ",
                                      "[1, 2]", "\"a string\""};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        qd_doc *doc = NULL;
        qd_error err;
        qd_options opt;
        qd_options_init(&opt);
        opt.input = QD_INPUT_JSON;
        assert_int_not_equal(qd_doc_parse(&doc, "rec.json", bad[i], strlen(bad[i]), &opt, test_lexicon(), &err), 0);
        assert_non_null(strstr(err.msg, "rec.json"));
    }
}

static void test_text_that_starts_like_json(void **state)
{
    (void)state;
    /* brackets and braces at the start of a text do not make it JSON */
    static const char *const texts[] = {"[Reuters] Moscow says the talks will go on\n\n\"We will talk,\" Lavrov said.\n",
                                        "{Updated} A headline for the story\n\nText of the story.\n"};
    for (size_t i = 0; i < 2; i++) {
        qd_doc *doc = NULL;
        qd_error err;
        assert_int_equal(qd_doc_parse(&doc, "t.txt", texts[i], strlen(texts[i]), NULL, test_lexicon(), &err), 0);
        assert_int_equal(doc->kind, QD_INPUT_TEXT);
        qd_doc_free(doc);
    }
}

static void test_page_inside_record(void **state)
{
    (void)state;
    qd_doc *doc = json_doc("{\"url\": \"https://news.example.net/p\", \"html\": \"<html><head><title>Page title"
                           "</title></head><body><nav><a href=/>Home</a></nav><article><p>The article paragraph, "
                           "with a comma, long enough to be read as the text.</p></article></body></html>\"}");
    assert_non_null(strstr(doc->text, "The article paragraph"));
    assert_null(strstr(doc->text, "Home"));
    assert_string_equal(doc->meta.url, "https://news.example.net/p");
    qd_doc_free(doc);
}

static char *write_temp(const char *name, const char *data, bool gz)
{
    static char path[256];
    snprintf(path, sizeof(path), "/tmp/qd-test-json-%d-%s", (int)getpid(), name);
    if (gz) {
        gzFile f = gzopen(path, "wb");
        assert_non_null(f);
        assert_int_equal(gzwrite(f, data, (unsigned)strlen(data)), (int)strlen(data));
        gzclose(f);
    } else {
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fputs(data, f);
        fclose(f);
    }
    return path;
}

static void test_json_lines_reader(void **state)
{
    (void)state;
    const char *lines = "{\"url\": \"https://a.example/1\", \"title\": \"One\", \"maintext\": \"First record.\"}\n"
                        "\n"
                        "{\"url\": \"https://a.example/2\", \"title\": \"Two\", \"maintext\"\n"
                        "{\"url\": \"https://a.example/3\", \"title\": \"Three\", \"maintext\": \"Third record.\"}\n";
    for (int gz = 0; gz < 2; gz++) {
        /* the name says text; the content says JSON Lines (and gzip) */
        char *path = write_temp(gz ? "feed.txt.gz" : "feed.txt", lines, gz);
        qd_reader *r;
        qd_error err;
        assert_int_equal(qd_reader_open(&r, path, NULL, &err), 0);
        qd_doc *doc = NULL;
        assert_int_equal(qd_reader_next(r, test_lexicon(), &doc, &err), 1);
        char want[300];
        snprintf(want, sizeof(want), "%s:1", path);
        assert_string_equal(doc->path, want);
        assert_string_equal(doc->meta.title, "One");
        qd_doc_free(doc);
        /* line 3 is broken: reported with its line, and reading goes on */
        assert_true(qd_reader_next(r, test_lexicon(), &doc, &err) < 0);
        snprintf(want, sizeof(want), "%s:3", path);
        assert_non_null(strstr(err.msg, want));
        assert_int_equal(qd_reader_next(r, test_lexicon(), &doc, &err), 1);
        snprintf(want, sizeof(want), "%s:4", path);
        assert_string_equal(doc->path, want);
        assert_string_equal(doc->meta.url, "https://a.example/3");
        qd_doc_free(doc);
        assert_int_equal(qd_reader_next(r, test_lexicon(), &doc, &err), 0);
        qd_reader_close(r);
        unlink(path);
    }
    /* an array of records; a single pretty-printed record */
    char *path = write_temp("arr.json", "[\n {\"url\": \"https://a.example/1\", \"maintext\": \"A.\"},\n"
                                        " {\"url\": \"https://a.example/2\", \"maintext\": \"B.\"}\n]\n", false);
    qd_reader *r;
    qd_error err;
    qd_doc *doc;
    assert_int_equal(qd_reader_open(&r, path, NULL, &err), 0);
    int n = 0;
    while (qd_reader_next(r, test_lexicon(), &doc, &err) == 1) {
        n++;
        assert_non_null(strstr(doc->path, n == 1 ? "arr.json#1" : "arr.json#2"));
        qd_doc_free(doc);
    }
    assert_int_equal(n, 2);
    qd_reader_close(r);
    unlink(path);
    path = write_temp("one.json", "{\n  \"url\": \"https://a.example/9\",\n  \"maintext\": \"Only one.\"\n}\n", false);
    assert_int_equal(qd_reader_open(&r, path, NULL, &err), 0);
    assert_int_equal(qd_reader_next(r, test_lexicon(), &doc, &err), 1);
    assert_string_equal(doc->meta.url, "https://a.example/9");
    qd_doc_free(doc);
    assert_int_equal(qd_reader_next(r, test_lexicon(), &doc, &err), 0);
    qd_reader_close(r);
    unlink(path);
}

/* The seeds as news-please records: same title, date, byline, credit, outlet (where the
 * text names one) and statements as the plain-text files. */
static void test_seeds_as_records(void **state)
{
    (void)state;
    static const char *const seeds[] = {SEED_FILES};
    qd_reader *r;
    qd_error err;
    assert_int_equal(qd_reader_open(&r, FIX("seeds.jsonl"), NULL, &err), 0);
    for (size_t i = 0; i < 5; i++) {
        qd_doc *a = test_file(seeds[i]);
        qd_doc *b = NULL;
        assert_int_equal(qd_reader_next(r, test_lexicon(), &b, &err), 1);
        assert_int_equal(qd_doc_analyze(b, test_lexicon(), &err), 0);
        assert_string_equal(a->meta.title, b->meta.title);
        if (a->meta.date)
            assert_string_equal(a->meta.date, b->meta.date);
        if (a->meta.byline)
            assert_string_equal(a->meta.byline, b->meta.byline);
        if (a->meta.outlet) /* a record always has a URL, so it may know more than the text */
            assert_string_equal(a->meta.outlet, b->meta.outlet);
        if (a->meta.credit || b->meta.credit)
            assert_string_equal(a->meta.credit, b->meta.credit);
        assert_int_equal(a->analysis->n_statements, b->analysis->n_statements);
        for (uint32_t k = 0; k < a->analysis->n_statements; k++) {
            const qd_statement *x = &a->analysis->statements[k], *y = &b->analysis->statements[k];
            assert_int_equal(x->type, y->type);
            uint32_t lx = x->pieces[0].end - x->pieces[0].start, ly = y->pieces[0].end - y->pieces[0].start;
            assert_int_equal(lx, ly);
            assert_memory_equal(a->text + x->pieces[0].start, b->text + y->pieces[0].start, lx);
            const char *sx = x->entity >= 0 ? a->analysis->entities[x->entity].name : "";
            const char *sy = y->entity >= 0 ? b->analysis->entities[y->entity].name : "";
            assert_string_equal(sx, sy);
        }
        qd_doc_free(a);
        qd_doc_free(b);
    }
    qd_reader_close(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_news_please_record),
        cmocka_unit_test(test_bad_records),
        cmocka_unit_test(test_text_that_starts_like_json),
        cmocka_unit_test(test_page_inside_record),
        cmocka_unit_test(test_json_lines_reader),
        cmocka_unit_test(test_seeds_as_records),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
