/*
 * test_attribution.c - who is credited with what, on the seed articles and on
 * sentences of the kind news writes.
 */
#include "testutil.h"

#define SEED(n) "corpora/lavrov-blinken/" n

#define HEAD "A headline that is long enough to be one\n\n"

static const char *prov_names(const qd_statement *st, char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < st->n_provenance; i++)
        o += (size_t)snprintf(buf + o, cap - o, "%s%s:%s", i ? " > " : "", qd_prov_role_name(st->provenance[i].role),
                              st->provenance[i].name);
    return buf;
}

static void test_seed_caliber_interview(void **state)
{
    (void)state;
    qd_doc *doc = test_file(SEED("000_c21110f2c13453e9.txt"));
    /* "“…,” Lavrov remarked" and "He added, “…”" */
    assert_string_equal(test_speaker(doc, "We would like to have normal relations"), "Sergei Lavrov");
    assert_string_equal(test_speaker(doc, "Ukrainians would not have been able"), "Sergei Lavrov");
    /* a partial quote inside the writer's sentence */
    const qd_statement *hw = test_find(doc, "hybrid war");
    assert_non_null(hw);
    assert_true(hw->type == QD_STMT_PARTIAL || hw->type == QD_STMT_MIXED);
    assert_string_equal(doc->analysis->entities[hw->entity].name, "Sergei Lavrov");
    /* nested report: Lavrov stated that ... Blinken emphasized ... */
    const qd_statement *bl = test_find(doc, "the need for de-escalation");
    assert_non_null(bl);
    assert_string_equal(doc->analysis->entities[bl->entity].name, "Antony Blinken");
    assert_true(bl->parent >= 0);
    assert_string_equal(doc->analysis->entities[doc->analysis->statements[bl->parent].entity].name, "Sergei Lavrov");
    /* the venue named once applies to the speaker's later words */
    char buf[256];
    const qd_statement *we = test_find(doc, "We would like to have normal relations");
    assert_non_null(strstr(prov_names(we, buf, sizeof(buf)), "venue:interview with American journalist Tucker Carlson"));
    assert_non_null(strstr(buf, "outlet:Caliber.Az"));
    qd_doc_free(doc);
}

static void test_seed_press_release_and_roles(void **state)
{
    (void)state;
    qd_doc *doc = test_file(SEED("001_15887e59612d77b7.txt"));
    /* "she quoted the secretary of state": the secretary speaks, the correspondent relays */
    const qd_statement *st = test_find(doc, "I insisted that the Kremlin");
    assert_non_null(st);
    assert_string_equal(doc->analysis->entities[st->entity].name, "Antony Blinken");
    char buf[256];
    assert_non_null(strstr(prov_names(st, buf, sizeof(buf)), "intermediary:Kylie Atwood"));
    /* "Anthony Blinken" is spelled canonically, "Sergey Lavrov" too */
    assert_string_equal(test_speaker(doc, "frank and straightforward"), "Antony Blinken");
    /* an organisation credited through its press release */
    assert_string_equal(test_speaker(doc, "Regarding the possible exchange"), "Russian Foreign Ministry");
    assert_string_equal(test_speaker(doc, "collective West"), "Russian Foreign Ministry");
    /* a role noun resolved to the person the article gives that role */
    assert_string_equal(test_speaker(doc, "strictly comply with the norms"), "Sergei Lavrov");
    /* furniture ("Leave a Reply") is neither the outlet nor a quote */
    assert_null(doc->meta.outlet);
    qd_doc_free(doc);
}

static void test_seed_continuation_and_pronouns(void **state)
{
    (void)state;
    qd_doc *doc = test_file(SEED("002_44361a8531b9948d.txt"));
    assert_string_equal(test_speaker(doc, "We certainly hear signals"), "Sergei Lavrov");
    /* a second quote in the paragraph without attribution continues the first */
    assert_string_equal(test_speaker(doc, "The dialogue was interrupted by the Americans"), "Sergei Lavrov");
    assert_string_equal(test_speaker(doc, "Even during wars"), "Sergei Lavrov");
    assert_string_equal(test_speaker(doc, "failed attempt"), "Keith Kellogg");
    assert_string_equal(test_speaker(doc, "Perhaps Mr. Kellogg needs"), "Sergei Lavrov");
    char buf[256];
    const qd_statement *st = test_find(doc, "made the statement");
    (void)st;
    st = test_find(doc, "US President-elect Donald Trump");
    assert_non_null(st);
    assert_non_null(strstr(prov_names(st, buf, sizeof(buf)), "intermediary:TASS"));
    qd_doc_free(doc);
}

static void test_seed_wire_chain(void **state)
{
    (void)state;
    qd_doc *doc = test_file(SEED("003_459388830af05508.txt"));
    const qd_statement *st = test_find(doc, "In general, during my contacts");
    assert_non_null(st);
    assert_string_equal(doc->analysis->entities[st->entity].name, "Sergei Lavrov");
    assert_int_equal(st->type, QD_STMT_DIRECT);
    char buf[256];
    prov_names(st, buf, sizeof(buf));
    assert_non_null(strstr(buf, "intermediary:Interfax"));
    assert_non_null(strstr(buf, "intermediary:SANA"));
    assert_non_null(strstr(buf, "outlet:The Limited Times"));
    /* the chain runs innermost first */
    assert_true(strstr(buf, "Interfax") < strstr(buf, "SANA"));
    qd_doc_free(doc);
}

static void test_seed_role_conflict(void **state)
{
    (void)state;
    qd_doc *doc = test_file(SEED("004_63e49bb7f3518d4d.txt"));
    /* the article calls Lavrov "US Secretary of State": flagged, and "the US Secretary of
     * State" later still means Blinken */
    const qd_analysis *an = doc->analysis;
    bool flagged = false;
    for (uint32_t e = 0; e < an->n_entities; e++)
        if (an->entities[e].name && !strcmp(an->entities[e].name, "Sergei Lavrov"))
            flagged = an->entities[e].role_conflict != NULL;
    assert_true(flagged);
    assert_string_equal(test_speaker(doc, "test the proposition"), "Antony Blinken");
    assert_string_equal(test_speaker(doc, "constructive"), "Sergei Lavrov");
    assert_string_equal(test_speaker(doc, "Our talks lasted longer"), "Sergei Lavrov");
    qd_doc_free(doc);
}

static void test_reported_speech_forms(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "Secret Service protocol called for the nominee to be taken to a trauma center, sources said.\n\n"
        "According to the spokesman, the talks will continue next week.\n\n"
        "The Kremlin denied the report on Tuesday.\n\n"
        "Senator Jane Smith told reporters on Monday that she would vote against the bill.\n\n"
        "The senator urged colleagues to reject the measure.\n",
        true);
    const qd_statement *st = test_find(doc, "Secret Service protocol");
    assert_non_null(st);
    assert_int_equal(st->type, QD_STMT_INDIRECT);
    assert_int_equal(doc->analysis->entities[st->entity].kind, QD_ENT_ANONYMOUS);
    st = test_find(doc, "the talks will continue");
    assert_non_null(st);
    assert_string_equal(st->cue_lemma, "according to");
    st = test_find(doc, "the report");
    assert_non_null(st);
    assert_string_equal(doc->analysis->entities[st->entity].name, "Kremlin");
    assert_string_equal(st->stance, "emphatic");
    assert_string_equal(test_speaker(doc, "she would vote against"), "Jane Smith");
    assert_string_equal(test_speaker(doc, "to reject the measure"), "Jane Smith");
    qd_doc_free(doc);
}

static void test_speaker_forms_after_quotes(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "\"Subpoenas are not optional,\" panel Chairman Rep. Jason Chaffetz (R-Utah) said.\n\n"
        "\xe2\x80\x9cIt's an invasion of the state regulatory domain,\xe2\x80\x9d Scott Pruitt, the Republican "
        "attorney general of Oklahoma, one of the states suing the EPA, said at an event.\n\n"
        "\xe2\x80\x9cWe have to get this right,\xe2\x80\x9d said Maria Lopez, a teacher.\n\n"
        "\xe2\x80\x9c" "Fear. I am truly afraid.\xe2\x80\x9d \xe2\x80\x95" " Edwin Monroy\n",
        true);
    assert_string_equal(test_speaker(doc, "Subpoenas are not optional"), "Jason Chaffetz");
    assert_string_equal(test_speaker(doc, "an invasion of the state"), "Scott Pruitt");
    assert_string_equal(test_speaker(doc, "We have to get this right"), "Maria Lopez");
    assert_string_equal(test_speaker(doc, "I am truly afraid"), "Edwin Monroy");
    qd_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_caliber_interview),
        cmocka_unit_test(test_seed_press_release_and_roles),
        cmocka_unit_test(test_seed_continuation_and_pronouns),
        cmocka_unit_test(test_seed_wire_chain),
        cmocka_unit_test(test_seed_role_conflict),
        cmocka_unit_test(test_reported_speech_forms),
        cmocka_unit_test(test_speaker_forms_after_quotes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
