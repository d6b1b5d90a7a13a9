/*
 * test_attribution.c - who is credited with what, on the seed articles and on
 * sentences of the kind news writes.
 */
#include "testutil.h"


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

/* The statement holding `needle` has no speaker. */
static void assert_unattributed(const qd_doc *doc, const char *needle)
{
    const qd_statement *st = test_find(doc, needle);
    assert_non_null(st);
    assert_int_equal(st->speaker, -1);
}

static void test_reported_clause_forms(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Mr. Lou said there was nothing wrong with the talks.\n\n"
        "While he was in jail, immigration officials told him he had never been a citizen.\n\n"
        "Donald Trump is on solid ground attacking Bill Clinton, Carly Fiorina said Monday.\n\n"
        "Shoukair was kind and responsible, a Cairo airport official told The New York Times.\n\n"
        "Still, he said, officials have to decide who gets extra scrutiny.\n\n"
        "Several Democrats cautioned against drawing lessons, saying mass immigration and malaise were bigger "
        "problems in Britain.\n\n"
        "Economists believe this provides an artificial incentive for employers.\n\n"
        "As Purple PAC's Crane said, the two standard-bearers have become the least ideological candidates.\n\n"
        "Whether the Clinton model is more effective will be part of the postmortem, said Jake Horowitz, an "
        "editor.\n",
        true);
    assert_string_equal(test_speaker(doc, "nothing wrong with the talks"), "Lou");
    assert_string_equal(test_speaker(doc, "never been a citizen"), "immigration officials");
    assert_string_equal(test_speaker(doc, "on solid ground"), "Carly Fiorina");
    assert_string_equal(test_speaker_mention(doc, "kind and responsible", buf, sizeof(buf)), "a Cairo airport official");
    /* the addressee after "told" is not what was said */
    assert_null(test_find(doc, "The New York Times"));
    const qd_statement *st = test_find(doc, "have to decide");
    assert_non_null(st);
    assert_int_equal(st->n_pieces, 2);
    assert_string_equal(test_speaker(doc, "mass immigration and malaise"), "Democrats");
    assert_string_equal(test_speaker(doc, "artificial incentive"), "Economists");
    assert_string_equal(test_speaker(doc, "least ideological"), "Crane");
    assert_string_equal(test_speaker(doc, "Clinton model is more effective"), "Jake Horowitz");
    qd_doc_free(doc);
}

static void test_reported_subjects(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "Six in 10 say he is at least somewhat decisive.\n\n"
        "Twenty percent of voters said the economy was their top issue.\n\n"
        "Clinton won among voters who said Wall Street does more to help the economy.\n\n"
        "Caucus-goers were slightly more likely to say they preferred Clinton to handle nominations.\n\n"
        "Rattling off promises to lower student debt, Clinton told the crowd she would fight for them.\n\n"
        "Press Secretary Dmitry Peskov after that declared that Moscow was not discussing the issue.\n",
        true);
    const qd_analysis *an = doc->analysis;
    const qd_statement *st = test_find(doc, "somewhat decisive");
    assert_non_null(st);
    assert_true(st->speaker >= 0);
    assert_int_equal(an->entities[st->entity].kind, QD_ENT_GROUP); /* a share of people */
    char buf[128];
    assert_non_null(strstr(test_speaker_mention(doc, "their top issue", buf, sizeof(buf)), "voters"));
    /* PolNeAR credits the relative pronoun, resolved to what it stands for */
    st = test_find(doc, "Wall Street does more");
    assert_non_null(st);
    assert_int_equal(an->mentions[st->speaker].span.end - an->mentions[st->speaker].span.start, 3);
    assert_string_equal(test_speaker(doc, "they preferred Clinton"), "Caucus-goers");
    assert_string_equal(test_speaker(doc, "she would fight for them"), "Clinton");
    assert_string_equal(test_speaker(doc, "Moscow was not discussing"), "Dmitry Peskov");
    qd_doc_free(doc);
}

static void test_reported_thought_and_stance(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "The Trump team appeared paralyzed.\n\n"
        "Trump was widely viewed as the stronger candidate on the economy.\n\n"
        "This was announced by correspondent Kylie Atwood after attending a briefing.\n\n"
        "Democratic voters see Clinton as the candidate with the better chance.\n\n"
        "His support for the Iran deal angered conservatives.\n\n"
        "The campaign said it raised more than $21 million in January.\n\n"
        "In an NBC News poll released Monday, 50 percent of respondents chose Clinton.\n\n"
        "For most Democrats today, the Clinton years remain the good old days.\n\n"
        "Christie said \"You bet I would\" when asked whether he would issue a quarantine.\n",
        true);
    const qd_analysis *an = doc->analysis;
    /* the writer's inference and passive reports credit nobody */
    assert_unattributed(doc, "team appeared paralyzed");
    const qd_statement *st = test_find(doc, "stronger candidate");
    assert_non_null(st);
    assert_int_equal(st->speaker, -1);
    assert_non_null(strstr(doc->text + st->pieces[0].start, "Trump was"));
    /* ... or their agent, without the circumstances */
    st = test_find(doc, "This");
    assert_non_null(st);
    assert_string_equal(an->entities[st->entity].name, "Kylie Atwood");
    assert_null(test_find(doc, "attending a briefing"));
    assert_non_null(strstr(test_speaker(doc, "the better chance"), "voters"));
    /* a noun cue and its owner */
    st = test_find(doc, "the Iran deal");
    assert_non_null(st);
    assert_string_equal(st->cue_lemma, "support");
    assert_true(st->speaker >= 0);
    assert_int_equal(an->mentions[st->speaker].kind, QD_MENTION_PRONOUN);
    /* an amount is not a statement, the clause around it is */
    st = test_find(doc, "$21 million");
    assert_non_null(st);
    assert_string_equal(st->cue_lemma, "say");
    /* sentences framed by their source */
    st = test_find(doc, "50 percent of respondents");
    assert_non_null(st);
    assert_int_equal(an->entities[st->entity].kind, QD_ENT_DOCUMENT);
    assert_string_equal(test_speaker(doc, "good old days"), "Democrats");
    /* a question nobody in the text is credited with asking */
    st = test_find(doc, "whether he would issue");
    assert_non_null(st);
    assert_string_equal(st->cue_lemma, "ask");
    qd_doc_free(doc);
}

static void test_reported_headlines(void **state)
{
    (void)state;
    qd_doc *doc = test_doc("Trump Says He Never Pledged To Kill Family Members Of Terrorists\n\n"
                           "Donald Trump said Wednesday night that he never pledged anything of the kind.\n",
                           true);
    const qd_statement *st = test_find(doc, "Never Pledged");
    assert_non_null(st);
    assert_int_equal(st->type, QD_STMT_INDIRECT);
    assert_string_equal(st->cue_lemma, "say");
    assert_true(st->speaker >= 0);
    qd_doc_free(doc);
    doc = test_doc("Sanders calls Clinton unqualified\n\nThe senator spoke in Philadelphia on Wednesday.\n", true);
    assert_string_equal(test_speaker(doc, "Clinton unqualified"), "Sanders");
    qd_doc_free(doc);
}

/* Quoted words are credited once: a report whose clause holds another verb ("feels",
 * "prefer") is one statement of the outer speaker, not two overlapping ones. */
static void test_nested_quotes_credited_once(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "Chris Christie told reporters he feels he did \u201cgreat\u201d in the last debate and is optimistic "
        "about Tuesday.\n\n"
        "The vast majority of Americans say they prefer lower prices instead of paying a premium for items "
        "labeled \u201cMade in the U.S.A.,\u201d a new poll found.\n",
        true);
    const qd_analysis *an = doc->analysis;
    assert_string_equal(test_speaker(doc, "great"), "Chris Christie");
    assert_string_equal(test_speaker(doc, "Made in the U.S.A."), "Americans");
    /* no two statements share a byte */
    for (uint32_t i = 0; i < an->n_statements; i++)
        for (uint32_t j = i + 1; j < an->n_statements; j++) {
            const qd_statement *a = &an->statements[i], *b = &an->statements[j];
            assert_true(a->pieces[a->n_pieces - 1].end <= b->pieces[0].start ||
                        b->pieces[b->n_pieces - 1].end <= a->pieces[0].start);
        }
    qd_doc_free(doc);
}

/* "X issued a statement saying ...": the issuer speaks, not the document. */
static void test_document_issuer_speaks(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "Black Lives Matter issued a statement saying it took the action \u201cbecause of the unsafe conditions "
        "created for our communities.\u201d\n\n"
        "Senator Jane Smith's office put out a statement saying the bill \u201cdoes not go far enough.\u201d\n",
        true);
    const qd_statement *st = test_find(doc, "because of the unsafe conditions");
    assert_non_null(st);
    assert_true(st->speaker >= 0);
    const qd_span sp = doc->analysis->mentions[st->speaker].span;
    assert_int_equal(sp.end - sp.start, strlen("Black Lives Matter"));
    assert_memory_equal(doc->text + sp.start, "Black Lives Matter", sp.end - sp.start);
    st = test_find(doc, "does not go far enough");
    assert_non_null(st);
    assert_true(st->speaker >= 0);
    /* the speaker is "Senator Jane Smith's office", ending before "put out" */
    const qd_span of = doc->analysis->mentions[st->speaker].span;
    assert_true(of.end - of.start >= strlen("office"));
    assert_memory_equal(doc->text + of.end - strlen("office"), "office", strlen("office"));
    qd_doc_free(doc);
}

/* A second verb of saying joined by "and"/"but" reports something else: two statements. */
static void test_coordinated_reports(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "House Speaker Paul Ryan lamented the \"disheartened\" state of the campaign and criticized the "
        "\"identity politics\" on display in the race.\n",
        true);
    const qd_statement *a = test_find(doc, "disheartened");
    const qd_statement *b = test_find(doc, "identity politics");
    assert_non_null(a);
    assert_non_null(b);
    assert_true(a != b);
    assert_null(strstr(doc->text + a->pieces[0].start, "identity") < doc->text + a->pieces[a->n_pieces - 1].end
                    ? "joined" : NULL);
    assert_string_equal(test_speaker(doc, "identity politics"), "Paul Ryan");
    assert_string_equal(b->cue_lemma, "criticize");
    qd_doc_free(doc);
}

/* A new subject with its own verb of saying after a comma starts a report of its own;
 * the clause before it does not run on into it. */
static void test_report_stops_at_new_reporter(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "Although she did not find the gesture wholly appropriate, Jane Woods concluded that \u201cit would have "
        "been an insult\u201d to the veteran for Trump to have turned it down.\n",
        true);
    const qd_statement *st = test_find(doc, "it would have been an insult");
    assert_non_null(st);
    assert_string_equal(test_speaker(doc, "it would have been an insult"), "Jane Woods");
    /* the first clause's report, if any, ends before the comma */
    const qd_statement *g = test_find(doc, "wholly appropriate");
    if (g)
        assert_true(g->pieces[g->n_pieces - 1].end < st->pieces[0].start);
    qd_doc_free(doc);
}

/* A participle after a quote introduced by a verb of saying belongs to that clause;
 * "…,” according to X" ends the report before it, the comma inside the quote. */
static void test_after_quote_clauses(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "When Trump suggested that Cuba would sue, Marco Rubio fired back forcefully: \u201cIf they sue us in a "
        "court in Miami, they\u2019re going to lose,\u201d referencing the large number of Cuban immigrants in "
        "the region.\n\n"
        "The witness said the hush order was to \u201cavoid effecting the outcome of the confirmation,\u201d "
        "according to the report.\n",
        true);
    assert_string_equal(test_speaker(doc, "going to lose"), "Marco Rubio");
    /* one statement holds the witness's words, and it does not run on into "according to" */
    const qd_statement *st = test_find(doc, "the hush order");
    assert_non_null(st);
    assert_int_equal(st->type, QD_STMT_MIXED);
    const char *end = doc->text + st->pieces[st->n_pieces - 1].end;
    assert_true(end[-1] != 't'); /* not "... the report" */
    assert_null(strstr(doc->text + st->pieces[0].start, "according") < end ? "runs on" : NULL);
    qd_doc_free(doc);
}

/* A comma inside a closing quote ends a report as one outside does: before a participle
 * of saying and before a new clause. */
static void test_report_ends_after_quote_comma(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "The senator from Vermont said the financial system was \"corrupt,\" noting that it is \"very strange "
        "that a major financial institution pays so much.\"\n\n"
        "Reid said both Rubio and Cruz are \"non-entities in the Senate,\" but he gave the Texan a back-handed "
        "compliment.\n",
        true);
    const qd_statement *a = test_find(doc, "corrupt");
    const qd_statement *b = test_find(doc, "very strange");
    assert_non_null(a);
    assert_non_null(b);
    assert_true(a != b);
    assert_string_equal(b->cue_lemma, "note");
    const qd_statement *r = test_find(doc, "non-entities");
    assert_non_null(r);
    assert_null(strstr(doc->text + r->pieces[0].start, "compliment") < doc->text + r->pieces[r->n_pieces - 1].end
                    ? "runs on" : NULL);
    qd_doc_free(doc);
}

static void test_provenance_citing(void **state)
{
    (void)state;
    qd_doc *doc = test_file(SEED("001_15887e59612d77b7.txt"));
    /* "CNN, citing sources in the White House informed that ...": the sources speak, CNN
     * passes it on */
    const qd_statement *st = test_find(doc, "offered Russia to exchange Viktor Bout");
    assert_non_null(st);
    assert_int_equal(doc->analysis->entities[st->entity].kind, QD_ENT_ANONYMOUS);
    char buf[256];
    assert_non_null(strstr(prov_names(st, buf, sizeof(buf)), "intermediary:CNN"));
    /* "Peskov after that declared that Moscow and Washington are not discussing this
     * issue": Peskov's claim; what Moscow and Washington do is part of it, not their own
     * statement */
    assert_string_equal(test_speaker(doc, "are not discussing this issue"), "Dmitry Peskov");
    st = test_find(doc, "this issue");
    assert_non_null(st);
    assert_int_equal(st->parent, -1);
    qd_doc_free(doc);
}

static void test_seeds_every_report_credited(void **state)
{
    (void)state;
    static const char *const seeds[] = {SEED("000_c21110f2c13453e9.txt"), SEED("002_44361a8531b9948d.txt"),
                                        SEED("003_459388830af05508.txt"), SEED("004_63e49bb7f3518d4d.txt")};
    for (size_t i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
        qd_doc *doc = test_file(seeds[i]);
        const qd_analysis *an = doc->analysis;
        for (uint32_t k = 0; k < an->n_statements; k++) {
            const qd_statement *st = &an->statements[k];
            /* every statement reached the reader through the outlet or a go-between */
            if (doc->meta.outlet)
                assert_int_equal(st->provenance[st->n_provenance - 1].role, QD_PROV_OUTLET);
            /* a nested report names the one around it as its go-between */
            if (st->parent >= 0 && an->statements[st->parent].entity >= 0 &&
                an->statements[st->parent].entity != st->entity) {
                bool found = false;
                for (uint32_t p = 0; p < st->n_provenance; p++)
                    found = found || (st->provenance[p].role == QD_PROV_INTERMEDIARY &&
                                      !strcmp(st->provenance[p].name, an->entities[an->statements[st->parent].entity].name));
                assert_true(found);
            }
        }
        qd_doc_free(doc);
    }
}

/* "X said, according to Y": X is the speaker and Y the go-between the words came
 * through, as with "According to Y, X said" (the seed articles).  Annotated news such as
 * PolNeAR marks Y as the source here; the provenance chain keeps both. */
static void test_according_to_after_reporting_verb(void **state)
{
    (void)state;
    char buf[128], pb[256];
    qd_doc *doc = test_doc(HEAD
        "\xe2\x80\x9cI ask you as a personal courtesy to me not to engage in any kind of protest on the floor,"
        "\xe2\x80\x9d Sanders said, according to CNN.\n\n"
        "\"I'll be voting [on March 1],\" Welch said, according to Vermont Edition.\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "personal courtesy", buf, sizeof(buf)), "Sanders");
    assert_non_null(strstr(prov_names(test_find(doc, "personal courtesy"), pb, sizeof(pb)), "intermediary:CNN"));
    assert_string_equal(test_speaker_mention(doc, "be voting", buf, sizeof(buf)), "Welch");
    qd_doc_free(doc);
}

/* "X told the Post that he believed ...": a belief the speaker reports of himself is
 * part of what he says; the verb of saying's subject is credited */
static void test_reported_belief_credits_reporter(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Ben Jealous, the former president of the NAACP, told The Huffington Post before he spoke before the "
        "committee that he believed it is incumbent upon Clinton to reach out to Sanders \"in the way Obama "
        "reached out to her eight years ago.\"\n\n"
        "George Zimmerman wrote in the auction description of the handgun that he plans to use some of the money "
        "to \"fight BLM violence against Law Enforcement officers.\"\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "incumbent upon Clinton", buf, sizeof(buf)), "Ben Jealous");
    assert_string_equal(test_speaker_mention(doc, "fight BLM violence", buf, sizeof(buf)), "George Zimmerman");
    qd_doc_free(doc);
}

/* "Some chanted", "Another tweeted", "Several said": a quantifier standing alone is the
 * subject and the past form after it a verb; after a subject it floats ("Richards and
 * Menendez both stressed") */
static void test_quantifier_subjects(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Supporters held Trump signs high above their heads as they celebrated. Some chanted \xe2\x80\x9cUSA! USA!\xe2\x80\x9d\n\n"
        "Another tweeted, \xe2\x80\x9c" "Clinton thinks she is above rules and the law.\xe2\x80\x9d\n\n"
        "Several said they would rather federal officials dole out funding for public schools in \xe2\x80\x9c" "block "
        "grants\xe2\x80\x9d to states, letting them determine spending priorities.\n\n"
        "But Richards and Menendez both stressed that it wasn\xe2\x80\x99t all bad news for the movement.\n\n"
        "Several reported cases of fraud surfaced in the count.\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "USA! USA!", buf, sizeof(buf)), "Some");
    assert_string_equal(test_speaker_mention(doc, "above rules", buf, sizeof(buf)), "Another");
    assert_string_equal(test_speaker_mention(doc, "block", buf, sizeof(buf)), "Several");
    assert_string_equal(test_speaker_mention(doc, "bad news", buf, sizeof(buf)), "Menendez");
    /* a noun after the quantifier: "reported" is an adjective, nothing is reported */
    assert_null(test_find(doc, "fraud"));
    qd_doc_free(doc);
}

/* an aside between dashes stands between the subject and its verb */
static void test_dash_aside_before_verb(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "A former Republican presidential candidate -- John McCain, who lost the 2008 election to Obama -- said the "
        "president \"offered no changes to his reactive, indirect and incremental strategy.\"\n\n"
        "On Friday, Gingrich \xe2\x80\x94 mentioned by Newsmax as the leading choice for running mate \xe2\x80\x94 told "
        "Bill O\xe2\x80\x99Reilly of Fox News that \xe2\x80\x9cyou have to look at it very seriously, of course.\xe2\x80\x9d\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "offered no changes", buf, sizeof(buf)),
                        "A former Republican presidential candidate");
    assert_string_equal(test_speaker_mention(doc, "look at it very seriously", buf, sizeof(buf)), "Gingrich");
    qd_doc_free(doc);
}

/* a phrase opened by a preposition between commas stands between a subject and its verb */
static void test_prepositional_aside_before_verb(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Clinton\xe2\x80\x99s rhetoric was more conciliatory than that of her campaign manager Robby Mook, who, on a "
        "press call Friday, criticized Sanders for stealing their data and for \xe2\x80\x9cmisrepresenting what had "
        "occurred.\xe2\x80\x9d\n",
        true);
    const qd_statement *st = test_find(doc, "misrepresenting");
    assert_non_null(st);
    assert_string_equal(test_speaker_mention(doc, "misrepresenting", buf, sizeof(buf)), "who");
    assert_string_equal(doc->analysis->entities[st->entity].name, "Robby Mook");
    qd_doc_free(doc);
}

/* a transcript: each paragraph opens a quote with its speaker's label; a new label
 * starts a new quote rather than continuing the one before */
static void test_transcript_speaker_labels(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Partial transcript as follows:\n\n"
        "\"WALLACE: If I may, sir, because we\xe2\x80\x99ve got limited time. I want to ask you, will she be there?\n\n"
        "\"PENCE: She will not be attending the debate tomorrow night. He was using the tweet to mock an effort by "
        "the other campaign.\n\n"
        "\"WALLACE: Do you really see those two as equivalent?\"\n",
        true);
    const qd_statement *w = test_find(doc, "limited time");
    const qd_statement *p = test_find(doc, "not be attending");
    assert_non_null(w);
    assert_non_null(p);
    assert_true(w != p);
    assert_string_equal(test_speaker_mention(doc, "limited time", buf, sizeof(buf)), "WALLACE");
    assert_string_equal(test_speaker_mention(doc, "not be attending", buf, sizeof(buf)), "PENCE");
    assert_string_equal(test_speaker_mention(doc, "really see those two", buf, sizeof(buf)), "WALLACE");
    /* the label is not part of what was said */
    assert_int_equal(memcmp(doc->text + p->pieces[0].start, "She will", 8), 0);
    qd_doc_free(doc);
}

/* "..., said his boss was “…”": a possessive after the verb opens the reported
 * clause; it is not an inverted subject */
static void test_possessive_after_verb_not_subject(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Sam Solovey, a contestant on the reality TV show, \"The Apprentice,\" said his boss was \"always kind and "
        "generous and charming.\"\n",
        true);
    assert_string_not_equal(test_speaker_mention(doc, "always kind", buf, sizeof(buf)), "his");
    qd_doc_free(doc);
    /* a possessive noun phrase is still a subject after the verb */
    doc = test_doc(HEAD "\xe2\x80\x9cWe disagree strongly with the ruling,\xe2\x80\x9d said his spokesman.\n", true);
    assert_string_equal(test_speaker_mention(doc, "disagree strongly", buf, sizeof(buf)), "his spokesman");
    qd_doc_free(doc);
}

/* a title or a few words quoted inside an appositive do not hide the name it follows */
static void test_quoted_words_inside_appositive(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "\xe2\x80\x9cWe\xe2\x80\x99ve had more successful conventions than this one,\xe2\x80\x9d Texas delegate Bill "
        "Eastland, wearing a cowboy hat and \xe2\x80\x9cTed Cruz\xe2\x80\x9d campaign pins, said matter-of-factly.\n\n"
        "Jeff Hemsley, the co-author of \"Going Viral,\" about the rapid spread of information, said the days when the "
        "nation had \"a somewhat unifying story\" from newspapers are gone.\n",
        true);
    assert_non_null(strstr(test_speaker_mention(doc, "more successful conventions", buf, sizeof(buf)), "Bill Eastland"));
    assert_string_equal(test_speaker_mention(doc, "somewhat unifying story", buf, sizeof(buf)), "Jeff Hemsley");
    qd_doc_free(doc);
}

/* whole quotes introduced after an opening phrase, credited by a newspaper noun, or
 * attributed in a sentence of their own after a "!" */
static void test_intro_phrase_and_split_attribution(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Immediately after the attacks, Trump issued a statement, \xe2\x80\x9cLast night, our nation was attacked. "
        "It was the worst attack on our soil since 9/11.\xe2\x80\x9d\n\n"
        "But as the nationalist Global Times tabloid noted in an op-ed Thursday, the leading GOP candidate \"has "
        "surprisingly earned himself a few fans in China.\"\n\n"
        "He said he had directed his team to get in touch.\n\n"
        "\"Perpetual motion!\" Rep. Glenn Thompson, R-Pa., said of the swirl of convention activities.\n\n"
        "In Washington, President Obama released a statement Thursday night condemning \"what appears to be a "
        "horrific terrorist attack in Nice, France.\"\n",
        true);
    /* words of time between the object and the participle */
    assert_string_equal(test_speaker_mention(doc, "horrific terrorist attack", buf, sizeof(buf)), "President Obama");
    assert_string_equal(test_speaker_mention(doc, "our nation was attacked", buf, sizeof(buf)), "Trump");
    assert_string_equal(test_speaker_mention(doc, "a few fans in China", buf, sizeof(buf)), "the nationalist Global Times tabloid");
    assert_string_equal(test_speaker_mention(doc, "Perpetual motion", buf, sizeof(buf)), "Rep. Glenn Thompson");
    qd_doc_free(doc);
}

/* "X stressed her support of ... and said": the "and" joins the verb, not the noun cue */
static void test_conjoined_verb_skips_noun_cue(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "Clinton, the former secretary of State, stressed her support of the 2011 raid that killed Osama bin Laden "
        "during a \"Commander-in-Chief Forum\" sponsored by NBC News and said she has the essential quality for the "
        "job of president: \"Steadiness -- an absolute rock steadiness, and mixed with strength.\"\n",
        true);
    const qd_statement *st = test_find(doc, "absolute rock steadiness");
    assert_non_null(st);
    assert_true(st->speaker >= 0);
    assert_false(doc->analysis->mentions[st->speaker].kind == QD_MENTION_PRONOUN);
    char buf[128];
    assert_non_null(strstr(test_speaker_mention(doc, "absolute rock steadiness", buf, sizeof(buf)), "secretary of State"));
    qd_doc_free(doc);
}

/* a sentence that denies a report does not introduce the quote after it; the quote
 * goes on with the speaker before */
static void test_denied_report_introduces_nothing(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "\"We've had problems with cyber intrusions from Russia in the past,\" Barack Obama said after meeting with "
        "Russian President Vladimir Putin. He didn't suggest retaliation. \"Our goal is not to suddenly duplicate "
        "a cycle of escalation.\"\n",
        true);
    const qd_statement *st = test_find(doc, "cycle of escalation");
    assert_non_null(st);
    assert_string_equal(test_speaker(doc, "cycle of escalation"), "Barack Obama");
    assert_false(st->cue_lemma && !strcmp(st->cue_lemma, "suggest"));
    qd_doc_free(doc);
}

/* a concessive clause with its own subject and verb ends the report before it */
static void test_concessive_clause_ends_report(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Benjamin Netanyahu said late Wednesday that he would go ahead with the Trump meeting, although he tweeted "
        "that he \"rejects Donald Trump's latest comments about Muslims.\"\n\n"
        "FBI director James Comey decided not to recommend indicting Clinton at a press conference Tuesday even "
        "though he found \xe2\x80\x9c" "evidence\xe2\x80\x9d that Clinton potentially violated classified "
        "information laws.\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "rejects Donald Trump", buf, sizeof(buf)), "he");
    const qd_statement *outer = test_find(doc, "go ahead with the Trump meeting");
    assert_non_null(outer);
    assert_null(strstr(doc->text + outer->pieces[0].start, "tweeted") < doc->text + outer->pieces[0].end
                    ? strstr(doc->text + outer->pieces[0].start, "tweeted") : NULL);
    assert_string_equal(test_speaker_mention(doc, "evidence", buf, sizeof(buf)), "he");
    qd_doc_free(doc);
}

/* a participle right after a subordinate clause with a personal pronoun subject goes
 * with that clause ("as he defended ..., saying"); not with "they" standing for things */
static void test_participle_after_subordinate_clause(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "New Jersey Gov. Chris Christie, a staunch Donald Trump ally, effectively acknowledged some plagiarism even "
        "as he defended Melania Trump and the campaign, saying, \"Ninety-three percent of the speech is completely "
        "different.\"\n\n"
        "Rebecca Bradley apologized for the columns after they came out, saying they were old and have \xe2\x80\x9cnothing "
        "to do with who I am as a person or a jurist.\xe2\x80\x9d\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "Ninety-three percent", buf, sizeof(buf)), "he");
    assert_non_null(strstr(test_speaker(doc, "Ninety-three percent"), "Chris Christie"));
    assert_string_equal(test_speaker_mention(doc, "who I am as a person", buf, sizeof(buf)), "Rebecca Bradley");
    qd_doc_free(doc);
}

/* "quoted Reagan's “eleventh commandment”": a possessive object is the owner of what
 * is cited, not the source; "quoted the secretary of state" still names the source */
static void test_cited_possessive_is_not_source(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Ben Carson noted that Saturday would have been Ronald Reagan\xe2\x80\x99s 105th birthday and quoted "
        "Reagan\xe2\x80\x99s \xe2\x80\x9c" "eleventh commandment\xe2\x80\x9d -- \xe2\x80\x9cThou shall not speak ill of "
        "thy fellow Republican.\xe2\x80\x9d\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "Thou shall not", buf, sizeof(buf)), "Ben Carson");
    qd_doc_free(doc);
}

/* A verb of saying in the passive credits the quoted words to its "by" agent, or to
 * nobody: the subject is who they are about.  They stay a statement all the same. */
static void test_passive_quote_credits_nobody(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "The interview set off a panic within GOP circles this week, and Republican National Committee "
        "Chairman Reince Priebus was said to be \xe2\x80\x9c" "furious\xe2\x80\x9d with Trump for further dividing "
        "the already fractured GOP.\n\n"
        "Ironically, the Philippines' recently elected president, Rodrigo Duterte, has been called the "
        "\"Trump of the East\" for his controversial statements about drug dealers.\n\n"
        "The discussion will also focus on the logistics of getting a third-party candidate on state ballots, "
        "an option seen by organizers as a \xe2\x80\x9clifeboat\xe2\x80\x9d for conservatives.\n\n"
        "Jim Braynard is quoted as saying \xe2\x80\x9cthe race is not over yet\xe2\x80\x9d in the report.\n\n"
        "This feature of the movement has been called \"strategic ambiguity\" by Joshua Hendrick, a professor at "
        "Loyola University Maryland, and it makes the group hard to pin down.\n\n"
        "Marcel Lehel Lazar, 44, known online as \"Guccifer,\" was extradited in 2014 to the United States.\n\n"
        "Rob Calabrese, a radio host in Cape Breton, Nova Scotia, has set up a website called "
        "\xe2\x80\x9c" "Cape Breton If Donald Trump Wins\xe2\x80\x9d that pitches the island as a new home.\n",
        true);
    assert_unattributed(doc, "furious");
    assert_unattributed(doc, "Trump of the East");
    assert_string_equal(test_speaker_mention(doc, "lifeboat", buf, sizeof buf), "organizers");
    /* "is quoted as saying": the subject speaks */
    assert_string_equal(test_speaker_mention(doc, "the race is not over yet", buf, sizeof buf), "Jim Braynard");
    /* a participle naming what stands before it: the words are nobody's */
    assert_unattributed(doc, "Guccifer");
    assert_unattributed(doc, "Cape Breton If Donald Trump Wins");
    /* the agent may follow the quote */
    assert_string_equal(test_speaker_mention(doc, "strategic ambiguity", buf, sizeof buf), "Joshua Hendrick");
    qd_doc_free(doc);
}

/* An attribution in the next sentence ("…” Trump said.") is only the quote's when the
 * quote is a sentence of its own, not words quoted inside the writer's sentence. */
static void test_next_sentence_credits_only_own_sentence(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "The lawsuit accuses the Trump campaign of \"attempting to bully Mr. Nunberg into silence, although "
        "he has not disparaged Mr. Trump.\" Trump's attorneys did not respond.\n\n"
        "\"We will win this state.\" Trump said.\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "attempting to bully", buf, sizeof buf), "The lawsuit");
    assert_string_equal(test_speaker_mention(doc, "We will win this state", buf, sizeof buf), "Trump");
    qd_doc_free(doc);
}

/* "He’s predicting": the ’s of a pronoun before an -ing form is "is", so the form is a
 * verb of saying with the pronoun for its subject, not a noun owned by it. */
static void test_contracted_is_before_participle(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "But despite the kind words, Trump says he goes \xe2\x80\x9c" "back to war tomorrow.\xe2\x80\x9d "
        "He\xe2\x80\x99s predicting he will do \xe2\x80\x9cvery, very well\xe2\x80\x9d in the next Republican "
        "contest in Nevada.\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "very, very well", buf, sizeof buf), "He\xe2\x80\x99s");
    qd_doc_free(doc);
}

/* A short prepositional phrase between a named subject and its verb ("Trump in his
 * announcement speech called ...") does not hide the subject. */
static void test_phrase_between_subject_and_verb(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Donald Trump has upended the Republican primary.\n\n"
        "The rejection of the party's received wisdom was complete when Trump in his announcement speech "
        "called undocumented immigrants from Mexico \xe2\x80\x9crapists\xe2\x80\x9d (although he allowed that "
        "some might be good people).\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "rapists", buf, sizeof buf), "Trump");
    qd_doc_free(doc);
}

/* Two participles joined by "and" after one subject are two reports: "calling it
 * “disqualifying” and asserting that ..." */
static void test_coordinated_participles(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Mitt Romney went after Trump on Wednesday over his refusal thus far to release his taxes, calling it "
        "\xe2\x80\x9c" "disqualifying\xe2\x80\x9d and asserting that the only explanation must be \xe2\x80\x9c"
        "a bombshell of unusual size.\xe2\x80\x9d\n",
        true);
    const qd_statement *a = test_find(doc, "disqualifying");
    const qd_statement *b = test_find(doc, "a bombshell of unusual size");
    assert_non_null(a);
    assert_non_null(b);
    assert_ptr_not_equal(a, b);
    assert_string_equal(test_speaker_mention(doc, "disqualifying", buf, sizeof buf), "Mitt Romney");
    assert_string_equal(test_speaker_mention(doc, "a bombshell of unusual size", buf, sizeof buf), "Mitt Romney");
    qd_doc_free(doc);
}

/* After a dash, a new subject with a verb of saying starts its own report: "issued a
 * statement expressing optimism – Ryan saying he was “very encouraged” ..." */
static void test_dash_starts_new_report(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Paul Ryan met Donald Trump on Thursday. Soon after it was over, both men issued a statement expressing "
        "optimism about working together \xe2\x80\x93 Ryan saying he was \xe2\x80\x9cvery encouraged\xe2\x80\x9d "
        "and Trump calling it a \xe2\x80\x9cgreat meeting.\xe2\x80\x9d\n",
        true);
    const qd_statement *st = test_find(doc, "optimism about working together");
    assert_non_null(st);
    assert_null(test_find(doc, "together \xe2\x80\x93 Ryan"));
    assert_string_equal(test_speaker_mention(doc, "very encouraged", buf, sizeof buf), "Ryan");
    qd_doc_free(doc);
}

/* After words quoted as the object of "called", "and ranked ..." is a second predicate,
 * not part of what was called: "called the merger "a terrible deal" and ranked ..." */
static void test_second_past_predicate_ends_report(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "And at a GOP presidential debate this past September, Republican front-runner Donald Trump called the "
        "merger \"a terrible deal\" and ranked Fiorina as one of the worst 20 CEOs \"in the history of business.\"\n",
        true);
    const qd_statement *st = test_find(doc, "a terrible deal");
    assert_non_null(st);
    const char *ranked = strstr(doc->text, "and ranked");
    assert_non_null(ranked);
    assert_true(doc->text + st->pieces[0].end <= ranked);
    qd_doc_free(doc);
}

/* A question put in an opening "Asked whether ..." clause is the unnamed asker's, not
 * the answerer's; "demurred" introduces a quote. */
static void test_opening_question_and_demur(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Clinton\xe2\x80\x99s low rating on trust is damaging. Asked whether Clinton \xe2\x80\x9chas the integrity to "
        "serve effectively as president,\xe2\x80\x9d 75 percent of Democrats said yes, but 55 percent of all voters "
        "say she does not.\n\n"
        "Ted Cruz toured the state on Monday. Asked which Iowa county was his favorite, he demurred: "
        "\xe2\x80\x9cWhichever one I\xe2\x80\x99m in at the moment.\xe2\x80\x9d\n",
        true);
    assert_unattributed(doc, "has the integrity to serve");
    assert_string_equal(test_speaker_mention(doc, "Whichever one", buf, sizeof buf), "he");
    qd_doc_free(doc);
}

/* A possessive apostrophe after a final s ("Sanders’ campaign manager") is no quote
 * mark: the appositive runs on to its verb, which credits the quote before it. */
static void test_plural_possessive_in_appositive(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "On Sunday, Sanders announced that he had raised $20 million in January alone. \xe2\x80\x9cThe numbers "
        "we\xe2\x80\x99ve seen since Jan. 1 put our campaign on pace to beat Secretary Clinton\xe2\x80\x99s goal,"
        "\xe2\x80\x9d Jeff Weaver, Sanders\xe2\x80\x99 campaign manager, said in a statement.\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "put our campaign on pace", buf, sizeof buf), "Jeff Weaver");
    qd_doc_free(doc);
}

/* "Face the Nation" is a programme: the tail of its title is no person whom the
 * appositive after it ("the GOP front-runner") describes. */
static void test_title_tail_is_not_appositive_head(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "As usual, it was Trump who commanded most of the attention. Appearing on CBS' Face the Nation, the GOP "
        "front-runner said Democratic front-runner Clinton \"caused tremendous death\" as secretary of State.\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "caused tremendous death", buf, sizeof buf), "the GOP front-runner");
    qd_doc_free(doc);
}

/* "A campaign TV ad released Thursday accuses": the participle and its day modify the
 * ad, which is the subject of the verb of saying. */
static void test_dated_participle_after_subject(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "The official campaign effort is starting slowly. A campaign TV ad released Thursday accuses Trump of "
        "buying influence \"in a pattern of sleaze stretching back decades.\"\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "pattern of sleaze", buf, sizeof buf), "A campaign TV ad");
    qd_doc_free(doc);
}

/* "state" between a modifier and another noun ("Minnesota state delegate", "swing
 * state voters") is a noun, no verb of saying; "they state their goal" still is. */
static void test_compound_noun_is_no_cue(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "Minnesota state delegate Mary Susan, clad in a red cape, cheered. Clinton courted industrial state voters "
        "who are often union members. They state their goal is to expand the party.\n",
        true);
    assert_null(test_find(doc, "delegate Mary Susan"));
    assert_null(test_find(doc, "voters who are often union members"));
    assert_non_null(test_find(doc, "their goal is to expand"));
    qd_doc_free(doc);
}

/* A court's order, ruling or a petition is a text that says things, like a statement. */
static void test_court_papers_speak(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Curiel seemed unconvinced. Trump's \"assertion that the information retains any commercial value is "
        "speculative,\" the order released Friday said.\n\n"
        "The petition accuses the Trump campaign of \"attempting to bully Mr. Nunberg into silence.\"\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "retains any commercial value", buf, sizeof buf), "the order");
    assert_string_equal(test_speaker_mention(doc, "attempting to bully", buf, sizeof buf), "The petition");
    qd_doc_free(doc);
}

/* "Sanders’ campaign" (an apostrophe with no s after it) is a possessive: the campaign
 * is the subject that speaks, not Sanders. */
static void test_plural_possessive_owner_is_not_subject(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Sanders trailed Clinton by fewer than 2,000 votes. Later on Monday, Sanders\xe2\x80\x99 campaign announced "
        "it would seek a recanvass in last week\xe2\x80\x99s Kentucky primary.\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "would seek a recanvass", buf, sizeof buf),
                        "Sanders\xe2\x80\x99 campaign");
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
        cmocka_unit_test(test_reported_clause_forms),
        cmocka_unit_test(test_reported_subjects),
        cmocka_unit_test(test_reported_thought_and_stance),
        cmocka_unit_test(test_reported_headlines),
        cmocka_unit_test(test_provenance_citing),
        cmocka_unit_test(test_nested_quotes_credited_once),
        cmocka_unit_test(test_document_issuer_speaks),
        cmocka_unit_test(test_coordinated_reports),
        cmocka_unit_test(test_report_stops_at_new_reporter),
        cmocka_unit_test(test_after_quote_clauses),
        cmocka_unit_test(test_report_ends_after_quote_comma),
        cmocka_unit_test(test_seeds_every_report_credited),
        cmocka_unit_test(test_according_to_after_reporting_verb),
        cmocka_unit_test(test_reported_belief_credits_reporter),
        cmocka_unit_test(test_quantifier_subjects),
        cmocka_unit_test(test_dash_aside_before_verb),
        cmocka_unit_test(test_prepositional_aside_before_verb),
        cmocka_unit_test(test_transcript_speaker_labels),
        cmocka_unit_test(test_possessive_after_verb_not_subject),
        cmocka_unit_test(test_quoted_words_inside_appositive),
        cmocka_unit_test(test_intro_phrase_and_split_attribution),
        cmocka_unit_test(test_conjoined_verb_skips_noun_cue),
        cmocka_unit_test(test_denied_report_introduces_nothing),
        cmocka_unit_test(test_concessive_clause_ends_report),
        cmocka_unit_test(test_participle_after_subordinate_clause),
        cmocka_unit_test(test_cited_possessive_is_not_source),
        cmocka_unit_test(test_passive_quote_credits_nobody),
        cmocka_unit_test(test_next_sentence_credits_only_own_sentence),
        cmocka_unit_test(test_contracted_is_before_participle),
        cmocka_unit_test(test_phrase_between_subject_and_verb),
        cmocka_unit_test(test_coordinated_participles),
        cmocka_unit_test(test_dash_starts_new_report),
        cmocka_unit_test(test_second_past_predicate_ends_report),
        cmocka_unit_test(test_opening_question_and_demur),
        cmocka_unit_test(test_plural_possessive_in_appositive),
        cmocka_unit_test(test_title_tail_is_not_appositive_head),
        cmocka_unit_test(test_dated_participle_after_subject),
        cmocka_unit_test(test_compound_noun_is_no_cue),
        cmocka_unit_test(test_court_papers_speak),
        cmocka_unit_test(test_plural_possessive_owner_is_not_subject),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
