/*
 * test_ingest.c - plain text in: cleaning, article versus page furniture, metadata.
 */
#include "testutil.h"


static const char *role_of_line(const qd_doc *doc, const char *needle)
{
    static const char *const names[] = {"body", "title", "meta", "furniture"};
    for (uint32_t i = 0; i < doc->n_paragraphs; i++) {
        const qd_paragraph *p = &doc->paragraphs[i];
        size_t n = strlen(needle);
        if (p->span.end - p->span.start >= n && memcmp(doc->text + p->span.start, needle, n) == 0)
            return names[p->role];
    }
    return "absent";
}

static void test_seed_furniture(void **state)
{
    (void)state;
    qd_doc *doc = test_file(SEED("000_c21110f2c13453e9.txt"));
    assert_string_equal(role_of_line(doc, "twitter"), "furniture");
    assert_string_equal(role_of_line(doc, "WHAT ARE YOU LOOKING FOR"), "furniture");
    assert_string_equal(role_of_line(doc, "Diana Braun and her"), "furniture"); /* a teaser */
    assert_string_equal(role_of_line(doc, "Views: 116"), "furniture");
    assert_string_equal(role_of_line(doc, "share-line"), "furniture");
    assert_string_equal(role_of_line(doc, "Follow us on Instagram"), "furniture");
    assert_string_equal(role_of_line(doc, "The most important news"), "furniture");
    assert_string_equal(role_of_line(doc, "Lavrov: Russia, US"), "title");
    assert_string_equal(role_of_line(doc, "06 December 2024"), "meta");
    assert_string_equal(role_of_line(doc, "By Aghakazim"), "meta");
    assert_string_equal(role_of_line(doc, "Russia and the United States continue"), "body");
    assert_string_equal(role_of_line(doc, "Blinken responded that"), "body");
    assert_string_equal(doc->meta.outlet, "Caliber.Az");
    qd_doc_free(doc);
    doc = test_file(SEED("001_15887e59612d77b7.txt"));
    assert_string_equal(role_of_line(doc, "Leave a Reply"), "furniture");
    assert_string_equal(role_of_line(doc, "Your email address"), "furniture");
    assert_string_equal(role_of_line(doc, "Back to top button"), "furniture");
    qd_doc_free(doc);
    doc = test_file(SEED("004_63e49bb7f3518d4d.txt"));
    assert_string_equal(role_of_line(doc, "5.5 C"), "furniture");
    assert_string_equal(role_of_line(doc, "- Advertisement -"), "furniture");
    assert_string_equal(role_of_line(doc, "Please enter your comment"), "furniture");
    assert_string_equal(doc->meta.date, "2021-12-05");
    qd_doc_free(doc);
}

static void test_bom_crlf_and_offsets(void **state)
{
    (void)state;
    const char *text = "\xef\xbb\xbf" "A headline for the story here\r\n\r\n"
                       "\"We lost,\" Trump said on Tuesday in the city.\r\n";
    qd_doc *doc = test_doc(text, true);
    assert_string_equal(doc->meta.title, "A headline for the story here");
    const qd_statement *st = test_find(doc, "We lost");
    assert_non_null(st);
    /* offsets are offsets into the input bytes, BOM and CRs included */
    size_t s = qd_doc_source_offset(doc, st->pieces[0].start);
    assert_memory_equal(text + s, "\"We lost,\"", 10);
    qd_doc_free(doc);
}

static void test_invalid_bytes_replaced_with_offsets_kept(void **state)
{
    (void)state;
    /* a Latin-1 byte in a UTF-8 file: replaced, and offsets after it still point at the
     * input bytes */
    const char *text = "A headline for the story here\n\nIn Bogot\xe1 the mayor spoke. "
                       "\"It works,\" Jos\xc3\xa9 Ruiz said.\n";
    qd_doc *doc = test_doc(text, true);
    assert_int_equal(doc->n_warnings, 1);
    assert_non_null(strstr(doc->warnings[0], "1 invalid UTF-8 byte replaced"));
    const qd_statement *st = test_find(doc, "It works");
    assert_non_null(st);
    size_t s = qd_doc_source_offset(doc, st->pieces[0].start);
    size_t e = qd_doc_source_offset(doc, st->pieces[0].end);
    assert_int_equal(e - s, strlen("\"It works,\""));
    assert_memory_equal(text + s, "\"It works,\"", e - s);
    assert_string_equal(test_speaker(doc, "It works"), "Jos\xc3\xa9 Ruiz");
    qd_doc_free(doc);
}

static void test_hard_wrapped_paragraphs_joined(void **state)
{
    (void)state;
    qd_doc *doc = test_doc("A headline for the story here\n\n"
                           "The minister said on Tuesday that the talks would continue next week in\n"
                           "Geneva, where both delegations are expected to meet for two full days of\n"
                           "negotiations on the prisoner exchange.\n",
                           true);
    uint32_t body = 0;
    for (uint32_t i = 0; i < doc->n_paragraphs; i++)
        body += doc->paragraphs[i].role == QD_PARA_BODY;
    assert_int_equal(body, 1);
    const qd_statement *st = test_find(doc, "Geneva");
    assert_non_null(st);
    assert_int_equal(st->type, QD_STMT_INDIRECT);
    qd_doc_free(doc);
}

static void test_no_furniture_no_title(void **state)
{
    (void)state;
    qd_doc *doc = test_doc("He said it would rain.\n", true);
    assert_int_equal(doc->n_paragraphs, 1);
    assert_int_equal(doc->paragraphs[0].role, QD_PARA_BODY);
    qd_doc *empty = test_doc("", true);
    assert_int_equal(empty->n_paragraphs, 0);
    assert_int_equal(empty->analysis->n_statements, 0);
    qd_doc_free(doc);
    qd_doc_free(empty);
}

/* Furniture phrases and copyright lines are matched on the normal form of a line (lower
 * case, runs of spaces made one, NBSP a space, quotes folded), which the layout makes
 * only where it is needed: these lines take the paths around it. */
static void test_furniture_through_spacing_and_case(void **state)
{
    (void)state;
    const char *text =
        "Caliber.Az\n\n"
        "Share ?\n\n"                         /* a whole-line phrase, trailing '?' ignored */
        "SHARE  ON   Facebook and more\n\n"   /* a prefix phrase across runs of spaces */
        "Lavrov Says Russia\xe2\x80\x99s Talks  With the US Will Go On\n\n"
        "Russia and the United States continue to talk about the treaty, the minister said on "
        "Tuesday, and they will meet again in Geneva next week to discuss what comes after it.\n\n"
        "\xe2\x80\x9cWe are ready,\xe2\x80\x9d Lavrov told reporters in Moscow, adding that the two "
        "sides had agreed on the agenda and on the dates of the next round of the talks.\n\n"
        "Cookies help us deliver our services.\n\n" /* a contains phrase, in a short line */
        "(C)\xc2\xa0 2024 Caliber.Az\n";          /* "(c) 20" across NBSP and a space */
    qd_doc *doc = test_doc(text, false);
    assert_string_equal(role_of_line(doc, "Share ?"), "furniture");
    assert_string_equal(role_of_line(doc, "SHARE  ON"), "furniture");
    assert_string_equal(role_of_line(doc, "Lavrov Says"), "title");
    assert_string_equal(role_of_line(doc, "Russia and the United States"), "body");
    assert_string_equal(role_of_line(doc, "\xe2\x80\x9cWe are ready"), "body");
    assert_string_equal(role_of_line(doc, "Cookies help"), "furniture");
    assert_string_equal(role_of_line(doc, "(C)"), "furniture");
    assert_string_equal(doc->meta.outlet, "Caliber.Az");
    assert_string_equal(doc->meta.outlet_how, "copyright");
    qd_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_furniture),
        cmocka_unit_test(test_bom_crlf_and_offsets),
        cmocka_unit_test(test_invalid_bytes_replaced_with_offsets_kept),
        cmocka_unit_test(test_hard_wrapped_paragraphs_joined),
        cmocka_unit_test(test_no_furniture_no_title),
        cmocka_unit_test(test_furniture_through_spacing_and_case),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
