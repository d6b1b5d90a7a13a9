/*
 * test_lexicon.c - the compiled-in lexicons and user extensions.
 */
#include "testutil.h"

#include "lexicon/lexicon.h"

static void test_builtin(void **state)
{
    (void)state;
    const qd_lexicon *lx = test_lexicon();
    /* regular and irregular forms of speech verbs, with their stance */
    const qd_lexword *w = qd_lex_word(lx, "insisted", 8);
    assert_non_null(w);
    assert_true(w->verb >= 0);
    assert_string_equal(lx->verbs[w->verb].lemma, "insist");
    assert_string_equal(lx->verbs[w->verb].stance, "emphatic");
    w = qd_lex_word(lx, "said", 4);
    assert_non_null(w);
    assert_string_equal(lx->verbs[w->verb].lemma, "say");
    assert_int_equal(w->vform, QD_VF_PAST);
    w = qd_lex_word(lx, "admitting", 9);
    assert_non_null(w);
    assert_string_equal(lx->verbs[w->verb].stance, "concessive");
    /* name variants share a group */
    const qd_lexword *a = qd_lex_word(lx, "sergey", 6), *b = qd_lex_word(lx, "sergei", 6);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(a->variant, b->variant);
    a = qd_lex_word(lx, "anthony", 7);
    assert_non_null(a);
    assert_string_equal(lx->variant_names[a->variant], "Antony");
    /* multi-word entries */
    uint32_t v;
    assert_true(qd_lex_phrase(&lx->cues, "according to", 12, &v));
    assert_true(qd_lex_phrase(&lx->roles, "secretary of state", 18, &v));
    assert_true(qd_lex_phrase(&lx->roles, "spokesmen", 9, &v)); /* plural made on load */
    assert_true(qd_lex_phrase(&lx->outlets, "tass", 4, &v));
    assert_int_equal(lx->outlet_list[v].kind, QD_AGENCY);
}

static void test_user_extension_and_errors(void **state)
{
    (void)state;
    qd_lexicon *lx;
    qd_error err;
    assert_int_equal(qd_lexicon_new(&lx, &err), 0);
    const char *ok = "# my verbs\nharrumph\tspeech\temotive\tquote,inv\n";
    assert_int_equal(qd_lexicon_add_text(lx, "speech_verbs", "mine.tsv", ok, strlen(ok), &err), 0);
    const qd_lexword *w = qd_lex_word(lx, "harrumphed", 10);
    assert_non_null(w);
    assert_string_equal(lx->verbs[w->verb].stance, "emotive");
    const char *bad = "say\tspeech\tneutral\tthat\nshout\tspeech\n";
    assert_int_equal(qd_lexicon_add_text(lx, "speech_verbs", "bad.tsv", bad, strlen(bad), &err), QD_ELEXICON);
    assert_non_null(strstr(err.msg, "bad.tsv:2"));
    const char *frame = "murmur\tspeech\tneutral\tsideways\n";
    assert_int_equal(qd_lexicon_add_text(lx, "speech_verbs", "f.tsv", frame, strlen(frame), &err), QD_ELEXICON);
    assert_non_null(strstr(err.msg, "unknown verb frame"));
    const char *utf = "caf\xc3\n";
    assert_int_equal(qd_lexicon_add_text(lx, "first_names", "u.tsv", utf, strlen(utf), &err), QD_ELEXICON);
    assert_int_equal(qd_lexicon_add_text(lx, "nonsense", "n.tsv", ok, strlen(ok), &err), QD_EUSAGE);
    qd_lexicon_free(lx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin),
        cmocka_unit_test(test_user_extension_and_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
