/*
 * test_quotes.c - pairing quotation marks into quoted spans.
 */
#include "testutil.h"

/* The inner texts of the quoted spans, joined with " | ". */
static void spans(const qd_doc *doc, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    const qd_analysis *an = doc->analysis;
    for (uint32_t i = 0; i < an->n_quoted; i++) {
        const qd_quoted *q = &an->quoted[i];
        o += (size_t)snprintf(out + o, cap - o, "%s%.*s", o ? " | " : "", (int)(q->inner.end - q->inner.start),
                              doc->text + q->inner.start);
    }
}

#define HEAD "A headline that is long enough to be one\n\n"

static void test_straight_and_curly(void **state)
{
    (void)state;
    char buf[512];
    qd_doc *doc = test_doc(HEAD "\"We certainly hear signals,\" Lavrov explained. \"The dialogue was interrupted.\" "
                                "He said \xe2\x80\x9cyes\xe2\x80\x9d and \xc2\xabno\xc2\xbb and \xe2\x80\x9ewell\xe2\x80\x9c.\n",
                           true);
    spans(doc, buf, sizeof(buf));
    assert_string_equal(buf, "We certainly hear signals, | The dialogue was interrupted. | yes | no | well");
    qd_doc_free(doc);
}

static void test_nested_same_marks(void **state)
{
    (void)state;
    char buf[512];
    /* from a seed: the inner quote uses the same curly marks as the outer one */
    qd_doc *doc = test_doc(HEAD "\xe2\x80\x9cIt was pointed out that the use of this problem by the "
                                "\xe2\x80\x9c" "collective West\xe2\x80\x9d in their interests is unacceptable, "
                                "\xe2\x80\x9dthe Russian Foreign Ministry summed up.\n",
                           true);
    const qd_analysis *an = doc->analysis;
    assert_int_equal(an->n_quoted, 2);
    assert_int_equal(an->quoted[1].parent, 0);
    spans(doc, buf, sizeof(buf));
    assert_non_null(strstr(buf, "| collective West"));
    qd_doc_free(doc);
}

static void test_shared_closing_mark(void **state)
{
    (void)state;
    /* the outer quote's closing mark is missing: it shares the inner one's */
    qd_doc *doc = test_doc(HEAD "\xe2\x80\x9cRegarding the exchange, the Russian side has urged to return to "
                                "dialogue in the mode of \xe2\x80\x9cquiet diplomacy,\xe2\x80\x9d the press release "
                                "of the Foreign Ministry says.\n",
                           true);
    const qd_analysis *an = doc->analysis;
    assert_int_equal(an->n_quoted, 2);
    const qd_quoted *outer = &an->quoted[0];
    assert_false(outer->flags & QD_QUOTED_UNCLOSED);
    assert_int_equal(outer->outer.end, an->quoted[1].outer.end);
    assert_string_equal(test_speaker(doc, "Regarding the exchange"), "Foreign Ministry");
    qd_doc_free(doc);
}

static void test_unclosed_ends_at_paragraph(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD "He added: \xe2\x80\x9cI reiterate our desire to resolve the issue of Alexei "
                                "Navalny.\n\nState Department spokesman Ned Price said in a statement that "
                                "they met.\n",
                           true);
    const qd_analysis *an = doc->analysis;
    assert_true(an->n_quoted >= 1);
    assert_true(an->quoted[0].flags & QD_QUOTED_UNCLOSED);
    assert_int_equal(an->quoted[0].paragraph, 1);
    /* it ends with its paragraph, before "State Department" */
    assert_null(memchr(doc->text + an->quoted[0].outer.start, 'S',
                       an->quoted[0].outer.end - an->quoted[0].outer.start > 0 ? 1 : 0));
    assert_true(an->quoted[0].outer.end <= doc->paragraphs[1].span.end);
    qd_doc_free(doc);
}

/* a paragraph wrapped in a straight mark by the page it came from, its quotes in
 * typographic marks: the straight mark is not a quotation mark (but it is after a
 * colon that introduces a block quote, and when closed by a typographic mark) */
static void test_stray_wrapping_mark(void **state)
{
    (void)state;
    char buf[512];
    qd_doc *doc = test_doc(HEAD "\"Trump walked onto the stage, chanting \xe2\x80\x9cU-S-A! U-S-A!\xe2\x80\x9d\n\n"
                                "\"I know. That\xe2\x80\x99s why I think this is a dangerous moment,\xe2\x80\x9d Henry "
                                "said of the \xe2\x80\x9cterrible anxiety\xe2\x80\x9d.\n",
                           true);
    spans(doc, buf, sizeof(buf));
    assert_string_equal(buf, "U-S-A! U-S-A! | I know. That\xe2\x80\x99s why I think this is a dangerous moment, | "
                             "terrible anxiety");
    qd_doc_free(doc);
}

static void test_quote_over_paragraphs(void **state)
{
    (void)state;
    /* newspaper style: an opening mark on each paragraph, a closing mark at the end */
    qd_doc *doc = test_doc(HEAD "\xe2\x80\x9cWe are ready for consultations. We are open to negotiations.\n\n"
                                "\xe2\x80\x9c" "But the root causes must be addressed,\xe2\x80\x9d Lavrov said.\n",
                           true);
    const qd_analysis *an = doc->analysis;
    assert_int_equal(an->n_quoted, 1);
    assert_true(an->quoted[0].flags & QD_QUOTED_MULTIPARA);
    assert_false(an->quoted[0].flags & QD_QUOTED_UNCLOSED);
    assert_string_equal(test_speaker(doc, "We are ready"), "Lavrov");
    qd_doc_free(doc);
}

static void test_types(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD "Lavrov said, according to what was reported by the \xe2\x80\x9cInterfax\xe2\x80\x9d "
                                "agency: \xe2\x80\x9c" "We are studying possible timetables.\xe2\x80\x9d Russia is waiting "
                                "for the first step after the onset of Russia's \"special military operation.\" "
                                "Lavrov described the meeting as \xe2\x80\x9c" "constructive\xe2\x80\x9d.\n",
                           true);
    const qd_analysis *an = doc->analysis;
    assert_int_equal(an->n_quoted, 4);
    assert_int_equal(an->quoted[0].type, QD_QUOTED_NAME);    /* the "Interfax" agency */
    assert_int_equal(an->quoted[1].type, QD_QUOTED_SPEECH);  /* a full quote */
    assert_int_equal(an->quoted[2].type, QD_QUOTED_SCARE);   /* nobody said it here */
    assert_int_equal(an->quoted[3].type, QD_QUOTED_SPEECH);  /* a partial quote */
    const qd_statement *full = test_find(doc, "We are studying");
    assert_non_null(full);
    assert_int_equal(full->type, QD_STMT_DIRECT);
    const qd_statement *part = test_find(doc, "constructive");
    assert_non_null(part);
    assert_true(part->type == QD_STMT_PARTIAL || part->type == QD_STMT_MIXED);
    qd_doc_free(doc);
}

static void test_many_quote_marks(void **state)
{
    (void)state;
    /* pathological input: a long run of marks must pair quickly and never crash */
    size_t n = 20000;
    char *s = malloc(n * 4 + 64);
    strcpy(s, HEAD);
    size_t o = strlen(s);
    for (size_t i = 0; i < n; i++) {
        memcpy(s + o, (i % 3) ? "\" " : "\xe2\x80\x9c", (i % 3) ? 2 : 3);
        o += (i % 3) ? 2 : 3;
    }
    s[o] = '\0';
    qd_doc *doc = test_doc(s, true);
    assert_non_null(doc->analysis);
    qd_doc_free(doc);
    free(s);
}

static void test_quotation_over_paragraphs_is_one_statement(void **state)
{
    (void)state;
    /* credited in its first paragraph ... */
    qd_doc *doc = test_doc(HEAD "\xe2\x80\x9cHe started out by insulting Hispanics,\xe2\x80\x9d Barkley said. "
                                "\xe2\x80\x9cThis is the United States of America.\xe2\x80\x9d\n\n"
                                "\xe2\x80\x9cThen you have these losers who love that.\xe2\x80\x9d\n\n"
                                "Barkley, who said he votes democratic, likes Kasich.\n",
                           true);
    const qd_statement *a = test_find(doc, "He started out");
    assert_non_null(a);
    assert_int_equal(a->type, QD_STMT_DIRECT);
    assert_int_equal(a->n_pieces, 3);
    assert_ptr_equal(test_find(doc, "these losers"), a);
    assert_string_equal(test_speaker(doc, "these losers"), "Barkley");
    qd_doc_free(doc);

    /* ... or in its last, when the quote before it was someone else's */
    doc = test_doc(HEAD "\xe2\x80\x9cI won't just talk like a conservative,\xe2\x80\x9d Maria Espinoza said Friday.\n\n"
                        "\"I am a proven champion for the Rule of Law.\"\n\n"
                        "\xe2\x80\x9cI will take that strength to Washington,\xe2\x80\x9d Espinoza said.\n",
                   true);
    const qd_statement *b = test_find(doc, "proven champion");
    assert_non_null(b);
    assert_int_equal(b->n_pieces, 2);
    assert_ptr_equal(test_find(doc, "that strength"), b);
    assert_ptr_not_equal(test_find(doc, "just talk"), b);
    assert_string_equal(test_speaker(doc, "proven champion"), "Maria Espinoza");
    qd_doc_free(doc);

    /* a quote nobody is credited with stays apart from the next one's speaker when it
     * is not a paragraph of its own */
    doc = test_doc(HEAD "His slogan, \xe2\x80\x9cMake the country safe again and keep it that way,\xe2\x80\x9d was on "
                        "every sign.\n\n"
                        "\xe2\x80\x9cWe will win,\xe2\x80\x9d Trump said.\n",
                   true);
    const qd_statement *c = test_find(doc, "We will win");
    assert_non_null(c);
    assert_int_equal(c->n_pieces, 1);
    qd_doc_free(doc);
}

static void test_colon_introductions(void **state)
{
    (void)state;
    char buf[128];
    /* no verb of saying before the colon: the clause's subject is the speaker */
    qd_doc *doc = test_doc(HEAD "When Wallace died in 1998, President Clinton released the following statement:\n\n"
                                "\xe2\x80\x9cHillary and I offer our condolences to the family of George "
                                "Wallace.\xe2\x80\x9d\n\n"
                                "Signs of momentum were there all along - More from Blumenthal and Cohen: "
                                "\xe2\x80\x9c" "Data collected by our firm helps confirm that both issues were in "
                                "play.\xe2\x80\x9d\n\n"
                                "The timing doesn\xe2\x80\x99t surprise Republican pollster Daron Shaw: \xe2\x80\x9c"
                                "Historically, lesser-known candidates have seen the biggest boost.\xe2\x80\x9d\n",
                           true);
    assert_string_equal(test_speaker_mention(doc, "offer our condolences", buf, sizeof buf), "President Clinton");
    assert_non_null(strstr(test_speaker_mention(doc, "Data collected", buf, sizeof buf), "Blumenthal"));
    assert_non_null(strstr(test_speaker_mention(doc, "Historically", buf, sizeof buf), "Daron Shaw"));
    qd_doc_free(doc);
}

static void test_show_titles(void **state)
{
    (void)state;
    /* the name of a show owned by a broadcaster is a title, even with a comma inside
     * the marks; the quote that follows is still speech */
    qd_doc *doc = test_doc(HEAD "Sunday on Fox News channel\xe2\x80\x99s \xe2\x80\x9cSunday Morning Futures,\xe2\x80\x9d "
                                "Rep. Darrell Issa said the FBI would act. Speaking on CNN\xe2\x80\x99s "
                                "\xe2\x80\x9cState of the Union,\xe2\x80\x9d Clinton said: \xe2\x80\x9cWe will not "
                                "back down from this fight.\xe2\x80\x9d\n",
                           true);
    const qd_analysis *an = doc->analysis;
    assert_int_equal(an->n_quoted, 3);
    assert_int_equal(an->quoted[0].type, QD_QUOTED_TITLE);
    assert_int_equal(an->quoted[1].type, QD_QUOTED_TITLE);
    assert_int_equal(an->quoted[2].type, QD_QUOTED_SPEECH);
    assert_null(test_find(doc, "Sunday Morning"));
    assert_string_equal(test_speaker(doc, "back down"), "Clinton");
    qd_doc_free(doc);
}

static void test_quote_inside_a_report(void **state)
{
    (void)state;
    /* the report stops at the full stop inside the quote; the quote and the report are
     * one mixed statement, not two */
    qd_doc *doc = test_doc(HEAD "Sanders tells reporters that \xe2\x80\x9cif there is a large turnout I think we "
                                "are going to do just fine. If it is a low turnout, that may be another "
                                "story.\xe2\x80\x9d\n",
                           true);
    const qd_statement *a = test_find(doc, "large turnout");
    const qd_statement *b = test_find(doc, "another story");
    assert_non_null(a);
    assert_ptr_equal(a, b);
    assert_int_equal(a->type, QD_STMT_MIXED);
    assert_string_equal(test_speaker(doc, "another story"), "Sanders");
    assert_int_equal(doc->analysis->n_statements, 1);
    qd_doc_free(doc);
}

static void test_uncredited_quotes_are_not_statements(void **state)
{
    (void)state;
    /* a sign's slogan nobody is credited with stays quoted speech, flagged uncredited */
    qd_doc *doc = test_doc(HEAD "The protesters stood outside in the rain all afternoon.\n\n"
                                "\xe2\x80\x9cNo more wars for oil and no more lies from Washington!\xe2\x80\x9d\n\n"
                                "The police watched from across the street.\n\n"
                                "\xe2\x80\x9cWe will be back next week,\xe2\x80\x9d organizer Jane Miller said.\n",
                           true);
    assert_null(test_find(doc, "No more wars"));
    const qd_analysis *an = doc->analysis;
    bool flagged = false;
    for (uint32_t i = 0; i < an->n_quoted; i++)
        if (an->quoted[i].flags & QD_QUOTED_UNCREDITED)
            flagged = true;
    assert_true(flagged);
    assert_string_equal(test_speaker(doc, "back next week"), "Jane Miller");
    qd_doc_free(doc);
}

/* "VERB OBJECT as a “…”": the subject labels the object with the quoted words, whatever
 * the verb; a quote of the same length with no such clause stays a scare quote. */
static void test_as_labels(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "Senate Minority Leader Harry Reid, in particular, has been steadily pounding Trump as a "
        "\xe2\x80\x9c" "con artist" "\xe2\x80\x9d just as he did with Romney.\n\n"
        "Chancellor Angela Merkel heralded the deal with Turkey as a \xe2\x80\x9c" "breakthrough."
        "\xe2\x80\x9d\n\n"
        "The so-called \xe2\x80\x9c" "deal of the century" "\xe2\x80\x9d was never signed.\n",
        true);
    assert_string_equal(test_speaker(doc, "con artist"), "Harry Reid");
    const qd_statement *st = test_find(doc, "breakthrough");
    assert_non_null(st);
    assert_int_equal(st->type, QD_STMT_PARTIAL);
    assert_string_equal(test_speaker(doc, "breakthrough"), "Angela Merkel");
    assert_null(test_find(doc, "deal of the century"));
    qd_doc_free(doc);
}

/* A verb of saying in an opening subordinate clause does not report the main clause:
 * the quote is the main clause subject's. */
static void test_subordinate_clause_is_not_the_reporter(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "When Sean Hannity first described the wall in December, Trump said, \xe2\x80\x9cWe are going to do a "
        "wall; we are going to have a big, fat beautiful door on the wall.\xe2\x80\x9d\n",
        true);
    assert_string_equal(test_speaker(doc, "beautiful door"), "Trump");
    qd_doc_free(doc);
}

/* Words quoted inside a clause reported by a verb of saying are that speaker's, past a
 * nearer verb that is not one and past a relative clause. */
static void test_quote_deep_in_a_report(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "Paul Ryan said it is unrealistic to think that if the U.S. pulls back, \xe2\x80\x9cour oceans are "
        "going to save us.\xe2\x80\x9d\n\n"
        "The mayor told reporters that Clinton, who wants to expand the program, would be \xe2\x80\x9c" "a "
        "disaster for the city.\xe2\x80\x9d\n",
        true);
    assert_string_equal(test_speaker(doc, "our oceans"), "Paul Ryan");
    assert_string_equal(test_speaker(doc, "a disaster for the city"), "mayor");
    qd_doc_free(doc);
}

/* A name labelling a quote before a colon, as news digests write them, is its speaker
 * rather than a verb earlier in the line. */
static void test_colon_label(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "Pollsters agree - Carl Bialik: \xe2\x80\x9cOne of the biggest lessons was a simple one: keep on "
        "contacting voters until the last day.\xe2\x80\x9d\n",
        true);
    assert_string_equal(test_speaker(doc, "biggest lessons"), "Carl Bialik");
    qd_doc_free(doc);
}

/* Participles: one right after a noun phrase is that phrase's doing ("footage of Hillary
 * Clinton asking, “…”"); one after the words quoted modifies what follows them and
 * credits nothing ("describing as “unhinged” a tweet attacking ..."). */
static void test_participles_around_quotes(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "Hillary Clinton is describing as \xe2\x80\x9cunhinged\xe2\x80\x9d a Donald Trump tweet attacking "
        "a former Miss Universe.\n\n"
        "The ad uses footage of Hillary Clinton asking, \xe2\x80\x9cWhy aren\xe2\x80\x99t I 50 points "
        "ahead, you might ask?\xe2\x80\x9d\n",
        true);
    assert_string_equal(test_speaker(doc, "unhinged"), "Hillary Clinton");
    assert_string_equal(test_speaker(doc, "50 points ahead"), "Hillary Clinton");
    qd_doc_free(doc);
}

/* A party-and-state label ending in an abbreviation's dot stays inside the attribution. */
static void test_party_state_label(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "\xe2\x80\x9cOur assumption is that the veto will be overridden,\xe2\x80\x9d Senate Majority Leader "
        "Mitch McConnell, R-Ky., said Tuesday.\n",
        true);
    assert_string_equal(test_speaker(doc, "Our assumption"), "Mitch McConnell");
    qd_doc_free(doc);
}

/* A word or three quoted inside the writer's sentence is not credited to a verb far after
 * it; right after it, it is. */
static void test_short_quote_far_from_its_verb(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "He championed a bill with Sen. Chuck Schumer as part of the \xe2\x80\x9cGang of Eight,\xe2\x80\x9d "
        "which the senator from Illinois later said had failed.\n\n"
        "The plan is \xe2\x80\x9c" "dead on arrival,\xe2\x80\x9d Schumer said.\n",
        true);
    const qd_statement *st = test_find(doc, "Gang of Eight");
    assert_true(st == NULL || st->type != QD_STMT_PARTIAL);
    assert_string_equal(test_speaker(doc, "dead on arrival"), "Chuck Schumer");
    qd_doc_free(doc);
}

/* The subject nearest the verb of saying: a pronoun before a verb joined by "and", a
 * pronoun after an adverbial clause that the earlier verb does not report (but one inside
 * a "that" clause it does), a name set off by commas before the verb. */
static void test_nearest_subject_of_the_report(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "When Robby Mook, Clinton\xe2\x80\x99s campaign manager was asked during a luncheon if Clinton "
        "would schedule a press conference prior to Election Day, he laughed and said, \xe2\x80\x9cWe\xe2\x80\x99ll "
        "see.\xe2\x80\x9d\n\n"
        "During an interview in April, Trump was talking about America\xe2\x80\x99s defense commitments when he "
        "told Chris Wallace of Fox News, \xe2\x80\x9cSo, North Korea has nukes.\xe2\x80\x9d\n\n"
        "Mrs. Clinton said that when Ms. Warren railed against Wall Street and corporate excesses from her "
        "perch in the Senate, \xe2\x80\x9cshe is speaking for all of us.\xe2\x80\x9d\n\n"
        "Another delegate on the Cruz slate, Jim Poolman, said he was only \xe2\x80\x9cleaning Cruz.\xe2\x80\x9d\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "see.", buf, sizeof(buf)), "he");
    assert_string_equal(test_speaker_mention(doc, "North Korea has nukes", buf, sizeof(buf)), "he");
    assert_string_equal(test_speaker_mention(doc, "speaking for all of us", buf, sizeof(buf)), "Mrs. Clinton");
    assert_string_equal(test_speaker_mention(doc, "leaning Cruz", buf, sizeof(buf)), "Jim Poolman");
    qd_doc_free(doc);
}

/* A possessive pronoun owns the noun after it and is nobody's subject: the participle
 * after the comma is the main clause's. */
static void test_possessive_is_not_the_subject(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Continuing to explain his perspective, Carson rejected the notion that the episode should be water "
        "under the bridge, saying that if he \"found something that was rotten and that I didn't agree with, I "
        "would fix it.\"\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "something that was rotten", buf, sizeof(buf)), "Carson");
    qd_doc_free(doc);
}

/* After the quote: an auxiliary belongs to the verb of saying ("has said"), a verb in a
 * relative clause is not the attribution ("Cruz, who has proposed ..., said"), and a
 * quote ending in its own "!" takes an attribution with a circumstance after it. */
static void test_attribution_after_the_quote(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "\xe2\x80\x9cShe\xe2\x80\x99s still got the best friends that she had in grade school,\xe2\x80\x9d "
        "Bill Clinton has said while stumping for his wife.\n\n"
        "\xe2\x80\x9cThe answer you\xe2\x80\x99" "d like me to give is, \xe2\x80\x98I\xe2\x80\x99m for the RFS, "
        "darn it,\xe2\x80\x99\xe2\x80\x9d Cruz, who has proposed repealing the mandate over five years, said at "
        "the time.\n\n"
        "\xe2\x80\x9cThe great state of Alabama is proud to cast its votes for the next president of the "
        "United States, Donald J. Trump!\xe2\x80\x9d US Senator Jeff Sessions said as he launched the process.\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "best friends", buf, sizeof(buf)), "Bill Clinton");
    assert_string_equal(test_speaker_mention(doc, "darn it", buf, sizeof(buf)), "Cruz");
    assert_string_equal(test_speaker_mention(doc, "great state of Alabama", buf, sizeof(buf)), "US Senator Jeff Sessions");
    qd_doc_free(doc);
    /* an infinitive after the next sentence's verb is no circumstance of a bare
     * attribution: that sentence is the writer's */
    doc = test_doc(HEAD
        "Brafman said the case was unusual. He added, \xe2\x80\x9cIn this case things happened in this "
        "prosecution that are not ordinary.\xe2\x80\x9d The government, for instance, refused to give me the "
        "normal two points of credit for pleading guilty.\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "not ordinary", buf, sizeof(buf)), "He");
    qd_doc_free(doc);
}

/* A few words quoted right before a lower-case noun modify it ("the “Avatar” star
 * posted"): the verb after that noun is not their attribution.  Longer quoted words
 * inside a clause keep the attribution after it. */
static void test_quoted_modifier_of_a_noun(void **state)
{
    (void)state;
    qd_doc *doc = test_doc(HEAD
        "After the news went viral, the \xe2\x80\x9c" "Avatar\xe2\x80\x9d star posted a lengthy message on her "
        "Facebook page.\n\n"
        "Obama \"felt a moral obligation to do something about\" climate change, Axelrod said.\n",
        true);
    const qd_statement *st = test_find(doc, "Avatar");
    assert_true(st == NULL || st->speaker < 0);
    assert_string_equal(test_speaker(doc, "moral obligation"), "Axelrod");
    qd_doc_free(doc);
}

/* A participle right after "X said," is X's: "“…,” he said, adding, “…”", not the
 * subject opening the sentence. */
static void test_participle_after_a_reporting_clause(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Vice President Joe Biden weighed in as well, telling Mic in an interview published on Monday, "
        "\xe2\x80\x9c" "But gosh almighty, they\xe2\x80\x99re both qualified,\xe2\x80\x9d he said, adding, "
        "\xe2\x80\x9cHillary\xe2\x80\x99s overwhelmingly qualified to be president.\xe2\x80\x9d\n\n"
        "The former secretary of state will play the \"woman card,\" Fiorina said, adding that the way to go "
        "after it \"is to attack her track record.\"\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "overwhelmingly qualified", buf, sizeof(buf)), "he");
    assert_string_equal(test_speaker_mention(doc, "attack her track record", buf, sizeof(buf)), "Fiorina");
    qd_doc_free(doc);
}

/* "As X puts it, “…”": X is the speaker, "as" opening the clause rather than marking an
 * object, even when the sentence has a subject of its own; colloquial verbs of saying
 * ("barked") credit the quote before them. */
static void test_as_x_puts_it(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "As The Post's Dana Milbank puts it, \"Senate Republicans are unmoved, and liberal activists are "
        "uninspired.\"\n\n"
        "His Harvard degree and his MBA haven\xe2\x80\x99t insulated him from being seen, as The New Yorker "
        "put it in a lengthy expose, \xe2\x80\x9cthe operator.\xe2\x80\x9d\n\n"
        "\xe2\x80\x9cGo back to Univision,\xe2\x80\x9d Trump barked and a security guard escorted Ramos out.\n",
        true);
    assert_string_equal(test_speaker_mention(doc, "liberal activists are uninspired", buf, sizeof(buf)), "Dana Milbank");
    assert_string_equal(test_speaker_mention(doc, "the operator", buf, sizeof(buf)), "The New Yorker");
    assert_string_equal(test_speaker_mention(doc, "Go back to Univision", buf, sizeof(buf)), "Trump");
    qd_doc_free(doc);
}

/* A report running into a whole quote that has its own attribution after it ends before
 * the quote, and the pronoun of that attribution is the report's subject, not a name
 * in an opening adverbial or a possessive. */
static void test_report_before_an_attributed_quote(void **state)
{
    (void)state;
    char buf[128];
    qd_doc *doc = test_doc(HEAD
        "Soon after the gruesome murder of Father Jacques Hamel in Normandy, Trump asserted that France had lost "
        "its identity: \xe2\x80\x9c" "France is no longer France,\xe2\x80\x9d he claimed.\n\n"
        "In her speech, Rhimes declared the need for strong will, ambition and drive: \xe2\x80\x9c" "Change the "
        "world and when you\xe2\x80\x99ve done that, change it again,\xe2\x80\x9d she said.\n",
        true);
    const qd_statement *st = test_find(doc, "no longer France");
    assert_non_null(st);
    assert_int_equal(st->type, QD_STMT_DIRECT);
    assert_string_equal(test_speaker_mention(doc, "no longer France", buf, sizeof(buf)), "he");
    assert_string_equal(test_speaker(doc, "no longer France"), "Trump");
    assert_string_equal(test_speaker(doc, "had lost its identity"), "Trump");
    assert_string_equal(test_speaker_mention(doc, "Change the world", buf, sizeof(buf)), "she");
    assert_string_equal(test_speaker(doc, "Change the world"), "Rhimes");
    qd_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_straight_and_curly),
        cmocka_unit_test(test_nested_same_marks),
        cmocka_unit_test(test_shared_closing_mark),
        cmocka_unit_test(test_unclosed_ends_at_paragraph),
        cmocka_unit_test(test_stray_wrapping_mark),
        cmocka_unit_test(test_quote_over_paragraphs),
        cmocka_unit_test(test_types),
        cmocka_unit_test(test_many_quote_marks),
        cmocka_unit_test(test_quotation_over_paragraphs_is_one_statement),
        cmocka_unit_test(test_colon_introductions),
        cmocka_unit_test(test_show_titles),
        cmocka_unit_test(test_quote_inside_a_report),
        cmocka_unit_test(test_uncredited_quotes_are_not_statements),
        cmocka_unit_test(test_as_labels),
        cmocka_unit_test(test_subordinate_clause_is_not_the_reporter),
        cmocka_unit_test(test_quote_deep_in_a_report),
        cmocka_unit_test(test_colon_label),
        cmocka_unit_test(test_participles_around_quotes),
        cmocka_unit_test(test_party_state_label),
        cmocka_unit_test(test_short_quote_far_from_its_verb),
        cmocka_unit_test(test_nearest_subject_of_the_report),
        cmocka_unit_test(test_possessive_is_not_the_subject),
        cmocka_unit_test(test_attribution_after_the_quote),
        cmocka_unit_test(test_quoted_modifier_of_a_noun),
        cmocka_unit_test(test_participle_after_a_reporting_clause),
        cmocka_unit_test(test_report_before_an_attributed_quote),
        cmocka_unit_test(test_as_x_puts_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
