/*
 * test_entities.c - mentions and their resolution into entities.
 */
#include "testutil.h"

#define HEAD "A headline that is long enough to be one\n\n"

static int32_t entity_named(const qd_doc *doc, const char *name)
{
    const qd_analysis *an = doc->analysis;
    for (uint32_t e = 0; e < an->n_entities; e++)
        if (an->entities[e].name && !strcmp(an->entities[e].name, name))
            return (int32_t)e;
    return -1;
}

/* Entity of the mention whose text is exactly `text` (the n-th such mention). */
static int32_t entity_of_mention(const qd_doc *doc, const char *text, int nth)
{
    const qd_analysis *an = doc->analysis;
    for (uint32_t m = 0; m < an->n_mentions; m++) {
        qd_span s = an->mentions[m].span;
        if (s.end - s.start == strlen(text) && !memcmp(doc->text + s.start, text, s.end - s.start) && nth-- == 0)
            return an->mentions[m].entity;
    }
    fail_msg("no mention \"%s\"", text);
    return -1;
}

static void test_name_variants_and_titles(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD "Russian Foreign Minister Sergey Lavrov met US Secretary of State Anthony Blinken. "
                                "Sergei Lavrov said the talks were useful. Mr. Lavrov later left. "
                                "Blinken stayed in Geneva.\n",
                           true);
    int32_t lav = entity_named(doc, "Sergei Lavrov");
    int32_t bli = entity_named(doc, "Antony Blinken");
    assert_true(lav >= 0);
    assert_true(bli >= 0);
    assert_int_equal(entity_of_mention(doc, "Sergei Lavrov", 0), lav);
    assert_int_equal(entity_of_mention(doc, "Mr. Lavrov", 0), lav);
    assert_int_equal(entity_of_mention(doc, "Blinken", 0), bli);
    const qd_entity *e = &doc->analysis->entities[lav];
    assert_int_equal(e->gender, 'm');
    assert_int_equal(e->kind, QD_ENT_PERSON);
    assert_string_equal(e->key, "lavrov|s");
    qd_doc_free(doc);
}

static void test_roles_and_pronouns(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD "Keith Kellogg, the special envoy, spoke first. Maria Zakharova, the ministry's "
                                "spokeswoman, answered him. She said the envoy was wrong. The spokeswoman added "
                                "that he had misread the agreement.\n",
                           true);
    int32_t kel = entity_named(doc, "Keith Kellogg");
    int32_t zak = entity_named(doc, "Maria Zakharova");
    assert_true(kel >= 0 && zak >= 0);
    assert_int_equal(entity_of_mention(doc, "She", 0), zak);
    assert_int_equal(entity_of_mention(doc, "the envoy", 0), kel);
    assert_int_equal(entity_of_mention(doc, "The spokeswoman", 0), zak);
    assert_int_equal(entity_of_mention(doc, "he", 0), kel);
    qd_doc_free(doc);
}

static void test_organisations_and_governments(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD "The Russian Foreign Ministry said the talks failed. The Foreign Ministry later "
                                "added that Washington had refused. The United States denied it, and sources in the "
                                "White House said otherwise.\n",
                           true);
    int32_t fm = entity_of_mention(doc, "The Russian Foreign Ministry", 0);
    assert_true(fm >= 0);
    assert_int_equal(entity_of_mention(doc, "The Foreign Ministry", 0), fm);
    assert_int_equal(doc->analysis->entities[fm].kind, QD_ENT_ORG);
    int32_t us = entity_of_mention(doc, "Washington", 0);
    assert_int_equal(entity_of_mention(doc, "The United States", 0), us);
    assert_int_equal(doc->analysis->entities[us].kind, QD_ENT_GOV);
    assert_string_equal(test_speaker(doc, "said otherwise") ? "" : "", "");
    const qd_statement *st = test_find(doc, "the talks failed");
    assert_non_null(st);
    assert_int_equal(st->entity, fm);
    qd_doc_free(doc);
}

static void test_spellings_initials_honorifics(void **state)
{
    (void)state;
    /* transliterations from the lexicon, an initial, an honorific, a first name one
     * edit away that no lexicon lists (Jonathon/Jonathan) */
    qd_doc *doc = test_doc(HEAD "Ukrainian President Volodymyr Zelenskyy met Jonathan Powell in Kyiv. "
                                "Zelensky said the talks were hard. J. Powell said little. "
                                "Mr. Powell later left, and Jonathon Powell declined to comment.\n",
                           true);
    int32_t zel = entity_of_mention(doc, "Ukrainian President Volodymyr Zelenskyy", 0);
    assert_true(zel >= 0);
    assert_int_equal(entity_of_mention(doc, "Zelensky", 0), zel);
    int32_t pow = entity_of_mention(doc, "Jonathan Powell", 0);
    assert_true(pow >= 0 && pow != zel);
    assert_int_equal(entity_of_mention(doc, "J. Powell", 0), pow);
    assert_int_equal(entity_of_mention(doc, "Mr. Powell", 0), pow);
    assert_int_equal(entity_of_mention(doc, "Jonathon Powell", 0), pow);
    qd_doc_free(doc);
}

static void test_role_conflict(void **state)
{
    (void)state;
    /* one of the seed articles calls the Russian foreign minister "US Secretary of
     * State": the role is kept on the mention and the entity is flagged */
    qd_doc *doc = test_doc(HEAD "Russian Foreign Minister Sergei Lavrov spoke in Moscow on Friday. "
                                "“We are ready to talk,” US Secretary of State Sergei Lavrov said.\n",
                           true);
    int32_t lav = entity_named(doc, "Sergei Lavrov");
    assert_true(lav >= 0);
    const qd_entity *e = &doc->analysis->entities[lav];
    assert_true(e->n_roles >= 2);
    assert_non_null(e->role_conflict);
    assert_non_null(strstr(e->role_conflict, "secretary of state"));
    qd_doc_free(doc);
}

static void test_role_nouns_and_pronouns_as_speakers(void **state)
{
    (void)state;
    /* a quote credited to a pronoun or a role noun is credited to the person it
     * stands for */
    qd_doc *doc = test_doc(HEAD "US Secretary of State Antony Blinken arrived in Geneva on Thursday. "
                                "“We want a serious conversation,” he told reporters.\n\n"
                                "“Nothing has changed,” the secretary of state added.\n",
                           true);
    int32_t bli = entity_named(doc, "Antony Blinken");
    assert_true(bli >= 0);
    const qd_statement *a = test_find(doc, "serious conversation");
    const qd_statement *b = test_find(doc, "Nothing has changed");
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(a->entity, bli);
    assert_int_equal(b->entity, bli);
    qd_doc_free(doc);
}

/* Where someone is from or speaks is not a speaker: a town placed by its state, a
 * state, a dateline. */
static void test_places_are_not_speakers(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "Cory James, 22, of Flint, Mich., said he hadn't given up hope that Sanders could pull a convention "
        "\"surprise.\"\n\n"
        "Hillary Clinton, during a town hall meeting in Columbus, Ohio, said she was \"going to put a lot of coal miners "
        "out of business.\"\n\n"
        "TALLAHASSEE, Fla. \u2014 Rep. Gwen Graham said the nominee was \"a work horse, not a show horse.\"\n",
        true);
    assert_string_equal(test_speaker(doc, "surprise"), "Cory James");
    assert_string_equal(test_speaker(doc, "coal miners"), "Hillary Clinton");
    assert_string_equal(test_speaker(doc, "work horse"), "Gwen Graham");
    const qd_analysis *an = doc->analysis;
    for (uint32_t m = 0; m < an->n_mentions; m++) {
        qd_span sp = an->mentions[m].span;
        const char *t = doc->text + sp.start;
        size_t n = sp.end - sp.start;
        assert_false(n == 5 && !memcmp(t, "Flint", 5));
        assert_false(n == 8 && !memcmp(t, "Columbus", 8));
        assert_false(n == 11 && !memcmp(t, "TALLAHASSEE", 11));
    }
    qd_doc_free(doc);
}

/* Role nouns of campaign coverage make speakers: "the billionaire businessman", "the
 * retired neurosurgeon", "former employees". */
static void test_campaign_role_nouns(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "The billionaire businessman began by talking about the state\xe2\x80\x99s drug crisis, saying that "
        "obtaining heroin is now \xe2\x80\x9c" "cheaper than getting candy.\xe2\x80\x9d\n\n"
        "The retired neurosurgeon addressed his concerns in another interview, remarking from New Hampshire "
        "he did not feel \xe2\x80\x9cthis is a very difficult investigation.\xe2\x80\x9d\n",
        true);
    assert_true(entity_of_mention(doc, "The billionaire businessman", 0) >= 0);
    assert_true(entity_of_mention(doc, "The retired neurosurgeon", 0) >= 0);
    const qd_statement *st = test_find(doc, "cheaper than getting candy");
    assert_non_null(st);
    assert_int_equal(st->entity, entity_of_mention(doc, "The billionaire businessman", 0));
    st = test_find(doc, "very difficult investigation");
    assert_non_null(st);
    assert_int_equal(st->entity, entity_of_mention(doc, "The retired neurosurgeon", 0));
    qd_doc_free(doc);
}

static int32_t entity_keyed(const qd_doc *doc, const char *key)
{
    const qd_analysis *an = doc->analysis;
    for (uint32_t e = 0; e < an->n_entities; e++)
        if (an->entities[e].key && !strcmp(an->entities[e].key, key))
            return (int32_t)e;
    return -1;
}

/* A headline in title case capitalises its ordinary words: only the words that read as a
 * name elsewhere in the article ("Trump" in its prose, "Donald" a known first name) make
 * the name, not "Donald Trump Featured In Jihadist Terror Recruitment Video". */
static void test_title_case_headline(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(
        "Donald Trump Featured In Jihadist Terror Recruitment Video.\n\n"
        "A clip of Donald Trump is featured in a purported new recruitment video released by Al-Shabaab, "
        "the terrorist group based in Somalia.\n\n"
        "Trump then appears in a clip from a stump speech. The crowd enthusiastically cheers Trump\xe2\x80\x99s "
        "words.\n",
        true);
    int32_t trump = entity_keyed(doc, "trump|d");
    assert_true(trump >= 0);
    assert_int_equal(entity_keyed(doc, "video|d"), -1);
    assert_int_equal(entity_of_mention(doc, "Donald Trump", 0), trump);
    qd_doc_free(doc);

    /* an all-capitals heading is title case too */
    doc = test_doc(HEAD "FULL TEXT OF THE SPEECH\n\nHillary Clinton said the full text of her speech was "
                        "released to the press.\n",
                   true);
    assert_int_equal(entity_keyed(doc, "speech|f"), -1);
    assert_true(entity_keyed(doc, "clinton|h") >= 0);
    qd_doc_free(doc);
}

/* A weekday with a possessive is a date, not a speaker: "Tuesday's New Hampshire primary". */
static void test_weekday_possessive(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD "BEDFORD, N.H. (AP) \xe2\x80\x94 Marco Rubio\xe2\x80\x99s uneven debate "
                                "performance just days before Tuesday\xe2\x80\x99s New Hampshire primary has "
                                "emboldened a trio of governors seeking to stem his rise.\n",
                           true);
    assert_true(entity_keyed(doc, "rubio|m") >= 0);
    assert_int_equal(entity_keyed(doc, "tuesday"), -1);
    qd_doc_free(doc);
}

/* An organisation is keyed by its name and noun ("clinton campaign", "clinton
 * foundation"), not by the noun alone, and "the campaign" after "the Clinton campaign" is
 * that campaign, while Trump's is another. */
static void test_generic_organisation_nouns(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD "Mike Pence said in a statement released by the Trump campaign the AP report merits "
                                "the appointment of a special prosecutor. The State Department Inspector General "
                                "issued subpoenas to the Clinton Foundation. Democrats close to the Clinton "
                                "campaign have been waiting for months. If it\xe2\x80\x99s just a small number of "
                                "delegates at stake, the campaign said, it may not bother taking that step.\n",
                           true);
    int32_t trump = entity_keyed(doc, "trump campaign");
    int32_t clinton = entity_keyed(doc, "clinton campaign");
    assert_true(trump >= 0 && clinton >= 0 && trump != clinton);
    assert_true(entity_keyed(doc, "clinton foundation") >= 0);
    assert_int_equal(entity_keyed(doc, "campaign"), -1);
    assert_int_equal(entity_keyed(doc, "foundation"), -1);
    assert_int_equal(entity_of_mention(doc, "the campaign", 0), clinton);
    qd_doc_free(doc);
}

/* A capitalised word between a determiner and a lower-case noun modifies the noun and
 * names nobody: no person "Republican" or "Wall Street"; a verb after it keeps it a
 * speaker ("the Kremlin said"). */
static void test_capitalised_modifiers(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD "Trump has also finished on top in the Republican primary in Massachusetts. "
                                "The student debt debacle has been a replay of Obama\xe2\x80\x99s response to the "
                                "Wall Street meltdown. The Kremlin said the talks were useful.\n",
                           true);
    assert_int_equal(entity_keyed(doc, "republican"), -1);
    assert_int_equal(entity_keyed(doc, "street|w"), -1);
    assert_true(entity_keyed(doc, "obama") >= 0);
    assert_true(entity_of_mention(doc, "The Kremlin", 0) >= 0);
    qd_doc_free(doc);
}

/* A common noun capitalised at the start of a sentence may speak ("Findings show ..."),
 * but when the article writes it in lower case elsewhere it is nobody's name. */
static void test_sentence_initial_common_noun(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD "Findings show voters fear unwelcome policies coming from either party in White "
                                "House. The findings underscore an increasingly bitter divide in American "
                                "politics.\n",
                           true);
    assert_int_equal(entity_keyed(doc, "findings"), -1);
    qd_doc_free(doc);
}

/* Cities of the places lexicon are nobody's name: no person "Philadelphia", whether it
 * says where ("in Philadelphia") or modifies a noun ("the party's Philadelphia
 * convention"). */
static void test_places_are_not_names(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD "Obama will make the case to Democrats gathered in Philadelphia for their national "
                                "convention. Sanders hopes to carry momentum into the party\xe2\x80\x99s "
                                "Philadelphia convention in July. Jeb Bush criticized President Barack Obama\xe2"
                                "\x80\x99s 2011 intervention.\n",
                           true);
    assert_int_equal(entity_keyed(doc, "philadelphia"), -1);
    assert_true(entity_keyed(doc, "bush|j") >= 0);
    qd_doc_free(doc);
}

/* Words before an honorific belong to the title: "Ohio Gov. John Kasich" is keyed by
 * John, not by Ohio, and is the John Kasich of the next sentence. */
static void test_words_before_honorific(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD "Hundreds of voters are lining up to see Ohio Gov. John Kasich \xe2\x80\x94 in "
                                "Massachusetts, not South Carolina. John Kasich said he was pleased.\n",
                           true);
    int32_t k = entity_keyed(doc, "kasich|j");
    assert_true(k >= 0);
    assert_int_equal(entity_keyed(doc, "kasich|o"), -1);
    assert_int_equal(entity_of_mention(doc, "John Kasich", 0), k);
    assert_int_equal(entity_of_mention(doc, "Ohio Gov. John Kasich", 0), k);
    qd_doc_free(doc);
}

/* "According to him": an object pronoun after a preposition is a source, and a pronoun
 * that is no possessive does not stand for a name later in its own sentence, so "him" is
 * the spokesman, not Blinken (seed 004). */
static void test_object_pronoun_source(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD "The diplomats also discussed ensuring humanitarian access for the Syrian people, "
                                "Ned Price said.\n\n"
                                "A State Department spokesman said Blinken had raised concerns about the recent "
                                "deployment of Russian forces near Ukraine\xe2\x80\x99s eastern border. The senior "
                                "US diplomat also called for the release of all American prisoners in Russia. "
                                "According to him, Blinken and Lavrov agreed to continue consultations.\n",
                           true);
    int32_t price = entity_named(doc, "Ned Price");
    int32_t blinken = entity_of_mention(doc, "Blinken", 0);
    assert_true(price >= 0);
    assert_true(blinken >= 0);
    const qd_statement *st = test_find(doc, "agreed to continue consultations");
    assert_non_null(st);
    assert_int_not_equal(st->entity, blinken);
    assert_int_equal(entity_of_mention(doc, "him", 0), st->entity);
    qd_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_name_variants_and_titles),
        cmocka_unit_test(test_roles_and_pronouns),
        cmocka_unit_test(test_organisations_and_governments),
        cmocka_unit_test(test_spellings_initials_honorifics),
        cmocka_unit_test(test_role_conflict),
        cmocka_unit_test(test_role_nouns_and_pronouns_as_speakers),
        cmocka_unit_test(test_places_are_not_speakers),
        cmocka_unit_test(test_campaign_role_nouns),
        cmocka_unit_test(test_title_case_headline),
        cmocka_unit_test(test_weekday_possessive),
        cmocka_unit_test(test_generic_organisation_nouns),
        cmocka_unit_test(test_capitalised_modifiers),
        cmocka_unit_test(test_sentence_initial_common_noun),
        cmocka_unit_test(test_places_are_not_names),
        cmocka_unit_test(test_words_before_honorific),
        cmocka_unit_test(test_object_pronoun_source),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
