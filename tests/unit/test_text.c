/*
 * test_text.c - UTF-8 handling, tokens and sentences.
 */
#include "testutil.h"

#include "doc_internal.h"
#include "text/utf8.h"

static void test_utf8_decoding(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(qd_utf8_decode("\xe2\x80\x9c", 3, 0, &cp), 3);
    assert_int_equal(cp, 0x201C);
    /* a truncated sequence decodes to U+FFFD, one byte at a time */
    assert_int_equal(qd_utf8_decode("\xe2\x80", 2, 0, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    /* overlong and surrogate encodings are invalid */
    assert_int_equal(qd_utf8_valid_at("\xc0\xaf", 2, 0), 0);
    assert_int_equal(qd_utf8_valid_at("\xed\xa0\x80", 3, 0), 0);
    assert_true(qd_cp_is_upper(0x0421)); /* Cyrillic С */
    assert_int_equal(qd_cp_lower(0x0421), 0x0441);
    assert_int_equal(qd_cp_quote_mark(0x00AB), QD_QM_DOUBLE_OPEN);
    assert_int_equal(qd_cp_quote_mark(0x201E), QD_QM_DOUBLE_OPEN);
}

static void test_normalisation_folds_quotes(void **state)
{
    (void)state;
    char out[64];
    const char *s = "\xe2\x80\x9cRussia\xe2\x80\x99s\xe2\x80\x9d \xe2\x80\x94 OK";
    qd_utf8_normalize(s, strlen(s), out, sizeof(out));
    assert_string_equal(out, "\"russia's\" - ok");
}

/* ASCII text normalises to its words lower-cased with single spaces between them,
 * whatever its spacing and wherever the spaces fall against the eight-byte blocks the
 * normaliser reads at a time; and a short output buffer takes a prefix of that. */
static void test_normalisation_of_ascii_spacing(void **state)
{
    (void)state;
    static const char pick[] = "aZqM.,'\"-09 \t\n\r  xY";
    uint32_t r = 7;
    char in[80], got[400], want[400];
    for (int t = 0; t < 20000; t++) {
        r = r * 1103515245u + 12345u;
        size_t n = (r >> 16) % sizeof(in);
        for (size_t i = 0; i < n; i++) {
            r = r * 1103515245u + 12345u;
            in[i] = pick[(r >> 16) % (sizeof(pick) - 1)];
        }
        size_t w = 0;
        bool gap = false;
        for (size_t i = 0; i < n; i++) {
            char c = in[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                gap = w > 0;
                continue;
            }
            if (gap)
                want[w++] = ' ';
            gap = false;
            want[w++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        want[w] = '\0';
        size_t o = qd_utf8_normalize(in, n, got, sizeof(got));
        assert_int_equal(o, w);
        assert_string_equal(got, want);
        /* a buffer of 12 bytes: at most 11 of them, a prefix of the whole */
        o = qd_utf8_normalize(in, n, got, 12);
        assert_true(o <= 11 && o <= w);
        assert_memory_equal(got, want, o);
    }
}

/* Sentence texts of a document, joined with " | ". */
static void sentences(const qd_doc *doc, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (uint32_t i = 0; i < doc->n_sentences; i++) {
        const qd_sentence *s = &doc->sentences[i];
        if (doc->paragraphs[s->paragraph].role != QD_PARA_BODY)
            continue;
        o += (size_t)snprintf(out + o, cap - o, "%s%.*s", o ? " | " : "", (int)(s->span.end - s->span.start),
                              doc->text + s->span.start);
    }
}

static void test_sentences_respect_abbreviations(void **state)
{
    (void)state;
    qd_doc *doc = test_doc("A headline that is long enough to be one\n\n"
                           "Mr. Kellogg met U.S. officials on Jan. 5 in St. Louis with John F. Kennedy Jr. "
                           "The talks were long. Did they agree? Nobody knows.\n",
                           false);
    char buf[512];
    sentences(doc, buf, sizeof(buf));
    assert_string_equal(buf, "Mr. Kellogg met U.S. officials on Jan. 5 in St. Louis with John F. Kennedy Jr. | "
                             "The talks were long. | Did they agree? | Nobody knows.");
    qd_doc_free(doc);
}

static void test_sentence_ends_after_closing_quote(void **state)
{
    (void)state;
    qd_doc *doc = test_doc("A headline that is long enough to be one\n\n"
                           "\xe2\x80\x9cWe lost.\xe2\x80\x9d The party had to regroup. "
                           "\xe2\x80\x9cIs he serious?\xe2\x80\x9d Scarborough continued.\n",
                           false);
    char buf[512];
    sentences(doc, buf, sizeof(buf));
    /* the reporting clause after a question in quotes stays with its quote */
    assert_string_equal(buf, "\xe2\x80\x9cWe lost.\xe2\x80\x9d | The party had to regroup. | "
                             "\xe2\x80\x9cIs he serious?\xe2\x80\x9d Scarborough continued.");
    qd_doc_free(doc);
}

static void test_glued_words_are_split(void **state)
{
    (void)state;
    /* as in one of the seed articles: "declaredthat", "informedthat" */
    qd_doc *doc = test_doc("A headline that is long enough to be one\n\n"
                           "Press Secretary Dmitry Peskov after that declaredthat Moscow and Washington "
                           "are not discussing this issue.\n",
                           false);
    const qd_doc_internal *in = doc->in;
    bool declared = false, that = false;
    for (uint32_t i = 0; i + 1 < in->n_tokens; i++)
        if (!strcmp(in->tokens[i].norm, "declared") && !strcmp(in->tokens[i + 1].norm, "that")) {
            declared = in->tokens[i].lex && in->tokens[i].lex->verb >= 0;
            that = in->tokens[i + 1].start == in->tokens[i].end;
        }
    assert_true(declared);
    assert_true(that);
    qd_doc_free(doc);
}

static void test_quoted_words_counted(void **state)
{
    (void)state;
    /* from the seeds: curly, straight and guillemet marks; words outside quotes do not count */
    assert_int_equal(qd_quoted_word_count("Lavrov referred to a \u201chybrid war.\u201d"), 2);
    assert_int_equal(qd_quoted_word_count("that \u201cthe goals and objectives of the special military "
                                          "operation will be fully implemented.\u201d"), 13);
    assert_int_equal(qd_quoted_word_count("the \"aggressor\" and \u00abvery blunt\u00bb phrases"), 3);
    assert_int_equal(qd_quoted_word_count("no quotation marks here"), 0);
    /* a quote never closed counts to the end of the text */
    assert_int_equal(qd_quoted_word_count("he said \u201cwe will respond"), 3);
    /* a space inside the marks, German low-high marks and the double prime; apostrophes
     * and hyphens inside a word keep it one word (from the seeds: "long-range") */
    assert_int_equal(qd_quoted_word_count("\u201c quiet diplomacy \u201d"), 2);
    assert_int_equal(qd_quoted_word_count("er sagte \u201ewir werden antworten\u201c heute"), 3);
    assert_int_equal(qd_quoted_word_count("a \u2033bold\u2033 move"), 1);
    assert_int_equal(qd_quoted_word_count("\u201cwith long-range modern weaponry, Russia\u2019s and don't\u201d"), 7);
    /* a dash between words is no word, and no part of one */
    assert_int_equal(qd_quoted_word_count("\u201cwar \u2014 peace\u201d"), 2);
}

static void test_tokens_keep_offsets(void **state)
{
    (void)state;
    const char *text = "A headline that is long enough to be one\n\n"
                       "\xc2\xabLavrov\xc2\xbb said \xe2\x80\x9eyes\xe2\x80\x9c to Caliber.Az, 5.5 and 11:19 and U.S.-led plans.\n";
    qd_doc *doc = test_doc(text, false);
    const qd_doc_internal *in = doc->in;
    const char *want[] = {"\xc2\xab", "Lavrov", "\xc2\xbb", "said", "\xe2\x80\x9e", "yes", "\xe2\x80\x9c", "to",
                          "Caliber.Az", ",", "5.5", "and", "11:19", "and", "U.S.-led", "plans", "."};
    uint32_t first = in->para_first_token[1];
    for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
        const qd_token *t = &in->tokens[first + k];
        assert_int_equal(t->end - t->start, strlen(want[k]));
        assert_memory_equal(text + t->start, want[k], strlen(want[k]));
    }
    qd_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_decoding),
        cmocka_unit_test(test_normalisation_folds_quotes),
        cmocka_unit_test(test_normalisation_of_ascii_spacing),
        cmocka_unit_test(test_sentences_respect_abbreviations),
        cmocka_unit_test(test_sentence_ends_after_closing_quote),
        cmocka_unit_test(test_glued_words_are_split),
        cmocka_unit_test(test_tokens_keep_offsets),
        cmocka_unit_test(test_quoted_words_counted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
