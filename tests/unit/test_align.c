/*
 * test_align.c - the matcher through the library API, on two real reports of one
 * debate (the Republican debate in Miami, 10 March 2016, in Politico and The New York
 * Times; tests/fixtures/events/compare), and on a pair of commentaries on one visit
 * that share no quote (Trump in Mexico, 1 September 2016), and on four reports of one
 * primary night (tests/fixtures/events/ny-primary).
 */
#include "testutil.h"

#define FIX "tests/fixtures/events/compare/"

typedef struct pair {
    qd_corpus *c;
    const qd_comparison *r;
} pair;

/* Matches two reports (and frees them: the corpus keeps what it needs). */
static void match_two(pair *p, qd_doc *a, qd_doc *b)
{
    qd_error err;
    assert_int_equal(qd_corpus_new(&p->c, test_lexicon(), NULL, &err), 0);
    assert_int_equal(qd_corpus_add(p->c, a, &err), 0);
    assert_int_equal(qd_corpus_add(p->c, b, &err), 0);
    qd_doc_free(a);
    qd_doc_free(b);
    assert_int_equal(qd_corpus_match(p->c, &err), 0);
    p->r = qd_corpus_result(p->c);
}

static void match_debate(pair *p)
{
    match_two(p, test_file(FIX "nyt_2016-03-12_republicans-lower-volume-in-deba.txt"),
              test_file(FIX "politico_2016-03-10_trump-s-rivals-pull-their-punche.txt"));
}

/* The group holding a statement of document `doc` whose text contains `needle`. */
static const qd_group *group_with(const qd_comparison *r, uint32_t doc, const char *needle)
{
    for (uint32_t g = 0; g < r->n_groups; g++)
        for (uint32_t m = 0; m < r->groups[g].n_members; m++) {
            const qd_member *x = &r->groups[g].members[m];
            if (x->doc == doc && strstr(r->docs[doc].statements[x->stmt].text, needle))
                return &r->groups[g];
        }
    fail_msg("no group holds %s", needle);
    return NULL;
}

static const qd_member *member_of(const qd_group *g, uint32_t doc)
{
    for (uint32_t m = 1; m < g->n_members; m++)
        if (g->members[m].doc == doc)
            return &g->members[m];
    fail_msg("document %u not aligned in the group", doc);
    return NULL;
}

/* Undated, the two reports of the debate are still one event. */
static void test_one_event(void **state)
{
    (void)state;
    pair p;
    match_debate(&p);
    assert_int_equal(p.r->n_docs, 2);
    assert_int_equal(p.r->n_events, 1);
    assert_int_equal(p.r->docs[0].event, p.r->docs[1].event);
    qd_corpus_free(p.c);
}

/* NYT: ''So far, I cannot believe how civil it's been up here.''  Politico cuts "So far":
 * a fragment, and the diff removes exactly those two words. */
static void test_cut_is_fragment(void **state)
{
    (void)state;
    pair p;
    match_debate(&p);
    const qd_group *g = group_with(p.r, 0, "how civil");
    assert_int_equal(g->members[0].doc, 0);
    const qd_member *m = member_of(g, 1);
    assert_int_equal(m->kind, QD_ALIGN_FRAGMENT);
    assert_string_equal(qd_align_kind_name(m->kind), "fragment");
    qd_diff_list dl;
    qd_error err;
    assert_int_equal(qd_member_diff(p.c, g, (uint32_t)(m - g->members), &dl, &err), 0);
    assert_true(dl.n > 0);
    uint32_t dels = 0;
    for (uint32_t i = 0; i < dl.n; i++) {
        assert_int_not_equal(dl.ops[i].op, QD_DIFF_INS);
        if (dl.ops[i].op == QD_DIFF_DEL) {
            dels++;
            assert_non_null(strstr(dl.ops[i].text, "So far,"));
            assert_null(strstr(dl.ops[i].text, "believe"));
        }
    }
    assert_int_equal(dels, 1);
    qd_diff_list_free(&dl);
    /* the reference has no diff against itself */
    assert_int_equal(qd_member_diff(p.c, g, 0, &dl, &err), 0);
    assert_int_equal(dl.n, 0);
    qd_diff_list_free(&dl);
    qd_corpus_free(p.c);
}

/* "Islam hates us," (Politico) and ''Islam hates us,'' (NYT): the same words. */
static void test_same_words_normalized(void **state)
{
    (void)state;
    pair p;
    match_debate(&p);
    const qd_group *g = group_with(p.r, 1, "Islam hates us");
    const qd_member *m = g->members[0].doc == 1 ? member_of(g, 0) : member_of(g, 1);
    assert_true(m->kind == QD_ALIGN_NORMALIZED || m->kind == QD_ALIGN_IDENTICAL);
    qd_diff_list dl;
    qd_error err;
    assert_int_equal(qd_member_diff(p.c, g, (uint32_t)(m - g->members), &dl, &err), 0);
    for (uint32_t i = 0; i < dl.n; i++)
        assert_int_equal(dl.ops[i].op, QD_DIFF_SAME);
    qd_diff_list_free(&dl);
    qd_corpus_free(p.c);
}

/* A fixture file given a publication date, as a manifest would. */
static qd_doc *dated_file(const char *path, const char *date)
{
    size_t n;
    char *data = test_read(path, &n);
    qd_doc *doc = NULL;
    qd_error err;
    qd_options opt;
    qd_options_init(&opt);
    opt.date = date;
    if (qd_doc_parse(&doc, path, data, n, &opt, test_lexicon(), &err) != 0)
        fail_msg("parse failed: %s", err.msg);
    free(data);
    if (qd_doc_analyze(doc, test_lexicon(), &err) != 0)
        fail_msg("analysis failed: %s", err.msg);
    return doc;
}

static const char *const mexico[] = {
    FIX "usa-today_2016-09-01_trump-didn-t-need-to-meet-with-p.txt",
    FIX "wash-post_2016-09-01_trump-appeared-to-break-down-wal.txt",
    /* the same day, other happenings */
    FIX "politico_2016-09-01_debating-clinton-s-character.txt",
    FIX "west-journal_2016-09-01_media-growls-in-response-to-kain.txt",
};

static const qd_comparison *match_dated(qd_corpus **c, const char *const *dates)
{
    qd_error err;
    assert_int_equal(qd_corpus_new(c, test_lexicon(), NULL, &err), 0);
    for (uint32_t i = 0; i < 4; i++) {
        qd_doc *d = dated_file(mexico[i], dates[i]);
        assert_int_equal(qd_corpus_add(*c, d, &err), 0);
        qd_doc_free(d);
    }
    assert_int_equal(qd_corpus_match(*c, &err), 0);
    return qd_corpus_result(*c);
}

/* Two commentaries on one visit (similarity about 0.2, no shared quote) on a day with
 * few other documents: one event, and the two other pieces of that day stay alone. */
static void test_sparse_day_joins(void **state)
{
    (void)state;
    static const char *const dates[] = {"2016-09-01", "2016-09-01", "2016-09-01", "2016-09-01"};
    qd_corpus *c;
    const qd_comparison *r = match_dated(&c, dates);
    assert_int_equal(r->n_events, 3);
    assert_int_equal(r->docs[0].event, r->docs[1].event);
    assert_int_not_equal(r->docs[2].event, r->docs[0].event);
    assert_int_not_equal(r->docs[3].event, r->docs[0].event);
    assert_int_not_equal(r->docs[2].event, r->docs[3].event);
    qd_corpus_free(c);
}

/* The same words three weeks apart are not enough: what few rivals lower is the bar for
 * documents close in time, not the penalty for distance. */
static void test_sparse_far_apart_stays_apart(void **state)
{
    (void)state;
    static const char *const dates[] = {"2016-09-01", "2016-09-22", "2016-09-01", "2016-09-01"};
    qd_corpus *c;
    const qd_comparison *r = match_dated(&c, dates);
    assert_int_not_equal(r->docs[0].event, r->docs[1].event);
    qd_corpus_free(c);
}

/* Four reports of one primary night (New York, 19 April 2016; AP, HuffPost, The
 * Washington Post, The New York Times; tests/fixtures/events/ny-primary), two days
 * apart at most, each an aspect of the result (cosines 0.14-0.30).  The reports already
 * in the event are not rivals a later one must stand out from: counted as such, every
 * report faced the threshold of a day with three other documents and the Post's piece
 * (0.20 to the first two) started an event of its own with the Times'. */
static void test_event_members_are_not_rivals(void **state)
{
    (void)state;
    static const char *const primary[][2] = {
        {"tests/fixtures/events/ny-primary/breitbart_2016-04-19_clinton-wins-democratic-presiden.txt", "2016-04-19"},
        {"tests/fixtures/events/ny-primary/huff-post_2016-04-20_hillary-clinton-won-among-wall-s.txt", "2016-04-20"},
        {"tests/fixtures/events/ny-primary/wash-post_2016-04-20_beyond-victory-clinton-faces-dee.txt", "2016-04-20"},
        {"tests/fixtures/events/ny-primary/nyt_2016-04-21_crucial-wins-for-clinton-and-tru.txt", "2016-04-21"},
    };
    qd_error err;
    qd_corpus *c;
    assert_int_equal(qd_corpus_new(&c, test_lexicon(), NULL, &err), 0);
    for (uint32_t i = 0; i < 4; i++) {
        qd_doc *d = dated_file(primary[i][0], primary[i][1]);
        assert_int_equal(qd_corpus_add(c, d, &err), 0);
        qd_doc_free(d);
    }
    assert_int_equal(qd_corpus_match(c, &err), 0);
    const qd_comparison *r = qd_corpus_result(c);
    assert_int_equal(r->n_events, 1);
    qd_corpus_free(c);
}

/* One person named with a title in one report and plainly in another is one speaker:
 * "Former Rep. Anthony Weiner" is not keyed by the "F" of "Former". */
static void test_title_before_first_name(void **state)
{
    (void)state;
    pair p;
    match_two(&p,
              test_doc("Former Rep. Anthony Weiner was caught in yet another sexting scandal. "
                       "\"I have been a fool,\" Former Rep. Anthony Weiner said on Monday.\n",
                       true),
              test_doc("Anthony Weiner separated from his wife on Monday. \"It is over,\" "
                       "Anthony Weiner told reporters.\n",
                       true));
    const qd_comparison *r = p.r;
    uint32_t weiners = 0;
    for (uint32_t i = 0; i < r->n_speakers; i++)
        weiners += strstr(r->speakers[i].name, "Weiner") != NULL;
    assert_int_equal(weiners, 1);
    qd_corpus_free(p.c);
}

/* A person is shown by a spelling that reads as a name: "Paul Ryan", not the longer
 * headline ending in his name that the entities stage took for one in another report. */
static void test_speaker_named_by_a_name(void **state)
{
    (void)state;
    pair p;
    match_two(&p,
              test_doc("Democrats Say The Budget Deal Was Written By Paul Ryan\n\nThe budget deal passed "
                       "on Monday. \"We have the votes,\" Ryan told reporters.\n",
                       true),
              test_doc("Speaker meets president\n\nPaul Ryan met the president on Tuesday. \"It was a good "
                       "meeting,\" Paul Ryan said afterwards.\n",
                       true));
    const qd_comparison *r = p.r;
    uint32_t ryans = 0;
    for (uint32_t i = 0; i < r->n_speakers; i++)
        if (strstr(r->speakers[i].name, "Ryan")) {
            ryans++;
            assert_string_equal(r->speakers[i].name, "Paul Ryan");
        }
    assert_int_equal(ryans, 1);
    qd_corpus_free(p.c);
}

/* A runner that runs the tasks backwards, on three slots in turn: the result of
 * matching must not depend on the order the tasks run in nor on which slot runs them. */
typedef struct run_log {
    unsigned calls;
    qd_task_fn fns[16]; /* the distinct task functions handed over, and how often */
    unsigned times[16];
    unsigned n_fns;
} run_log;

static void backwards(void *runner, size_t n_tasks, qd_task_fn fn, void *ctx)
{
    run_log *log = runner;
    for (size_t i = n_tasks; i-- > 0;)
        fn(ctx, i, (unsigned)(i % 3));
    log->calls++;
    unsigned k = 0;
    while (k < log->n_fns && log->fns[k] != fn)
        k++;
    if (k == log->n_fns && k < 16)
        log->fns[log->n_fns++] = fn;
    if (k < 16)
        log->times[k]++;
}

static char *compare_fixture_json(const qd_task_runner *tasks)
{
    static const char *const files[] = {
        "huff-post_2016-01-02_donald-trump-featured-in-jihadis.txt",
        "nyt_2016-03-04_republicans-have-stake-in-a-deal.txt",
        "nyt_2016-03-05_polls-suggest-possibility-of-dea.txt",
        "nyt_2016-03-12_republicans-lower-volume-in-deba.txt",
        "politico_2016-03-10_hillary-clinton-s-backseat-drive.txt",
        "politico_2016-03-10_trump-s-rivals-pull-their-punche.txt",
        "politico_2016-09-01_debating-clinton-s-character.txt",
        "usa-today_2016-09-01_trump-didn-t-need-to-meet-with-p.txt",
        "wash-post_2016-03-10_scrappy-debate-signals-long-grin.txt",
        "wash-post_2016-09-01_trump-appeared-to-break-down-wal.txt",
        "west-journal_2016-03-03_trump-just-responded-to-rubio-s-.txt",
    };
    qd_match_options opt;
    qd_match_options_init(&opt);
    opt.tasks = tasks;
    qd_corpus *c;
    qd_error err;
    assert_int_equal(qd_corpus_new(&c, test_lexicon(), &opt, &err), 0);
    char path[512];
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        snprintf(path, sizeof(path), FIX "%s", files[i]);
        qd_doc *d = test_file(path);
        assert_int_equal(qd_corpus_add(c, d, &err), 0);
        qd_doc_free(d);
    }
    assert_int_equal(qd_corpus_match(c, &err), 0);
    const qd_comparison *r = qd_corpus_result(c);
    assert_true(r->n_groups > 0);
    assert_true(r->n_events < r->n_docs);
    char *json = NULL;
    assert_int_equal(qd_report_compare(c, "json", 0, &json, &err), 0);
    qd_corpus_free(c);
    return json;
}

static void test_tasks_in_any_order(void **state)
{
    (void)state;
    run_log log = {0};
    qd_task_runner runner = {backwards, &log, 3};
    char *inline_json = compare_fixture_json(NULL);
    char *tasks_json = compare_fixture_json(&runner);
    assert_true(log.calls > 0); /* matching did hand work to the runner */
#ifdef QD_TEST_SMALL_THRESHOLDS
    /* Built with the thresholds lowered (tests/meson.build): besides the thread links
     * and the framing scopes, which any corpus hands over, the clustering batches, event
     * cohesion, the statement alignment tasks and the big set's linking in ranges were
     * handed over too; and one function several times (a batch at a time). */
    assert_true(log.n_fns >= 6);
    unsigned most = 0;
    for (unsigned k = 0; k < log.n_fns; k++)
        most = log.times[k] > most ? log.times[k] : most;
    assert_true(most >= 3);
#endif
    assert_string_equal(inline_json, tasks_json);
    free(inline_json);
    free(tasks_json);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_event),
        cmocka_unit_test(test_cut_is_fragment),
        cmocka_unit_test(test_same_words_normalized),
        cmocka_unit_test(test_sparse_day_joins),
        cmocka_unit_test(test_sparse_far_apart_stays_apart),
        cmocka_unit_test(test_event_members_are_not_rivals),
        cmocka_unit_test(test_title_before_first_name),
        cmocka_unit_test(test_speaker_named_by_a_name),
        cmocka_unit_test(test_tasks_in_any_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
