/*
 * test_framing.c - the framing analysis: the log-odds statistic and its robust variance
 * on hand-computed examples, speakers' sides from the lexicons, labels and scare quotes,
 * speech verbs and share of voice on the seed articles, a multi-outlet fixture (four
 * outlets on one debate, from PolNeAR), and distinctive words found where the outlets
 * differ and not where they were dealt the same articles.
 */
#include <jansson.h>
#include <math.h>

#include "testutil.h"
#include "framing/framing.h"

#define FIX "tests/fixtures/framing/"

/* ---- statistics -------------------------------------------------------------------- */

static void test_log_odds_hand(void **state)
{
    (void)state;
    /* y_o = 10 of n_o = 100, y_r = 5 of n_r = 200, a_i = 1 of a_0 = 10:
     *   delta = log(11 / 99) - log(6 / 204) = 1.329136
     *   var   = 1/11 + 1/6 = 0.257576, z = delta / sqrt(var) = 2.618888 */
    double delta;
    double z = qd_log_odds_z(10, 100, 5, 200, 1, 10, &delta);
    assert_true(fabs(delta - 1.329136) < 1e-5);
    assert_true(fabs(z - 2.618888) < 1e-5);
    /* swapping the groups swaps the sign */
    double d2;
    double z2 = qd_log_odds_z(5, 200, 10, 100, 1, 10, &d2);
    assert_true(fabs(d2 + delta) < 1e-12);
    assert_true(fabs(z2 + z) < 1e-12);
    /* equal rates give nothing */
    assert_true(fabs(qd_log_odds_z(4, 100, 8, 200, 0.5, 10, NULL)) < 0.2);
}

static void test_log_odds_small_counts(void **state)
{
    (void)state;
    /* one occurrence against none is never significant, whatever the prior: the
     * variance of a rare term is large */
    assert_true(qd_log_odds_z(1, 300, 0, 300, 0.01, 500, NULL) < 1.96);
    assert_true(qd_log_odds_z(1, 300, 0, 300, 1, 500, NULL) < 1.96);
    /* twenty against none is */
    assert_true(qd_log_odds_z(20, 300, 0, 300, 1, 500, NULL) > 1.96);
}

static void test_robust_variance_hand(void **state)
{
    (void)state;
    /* a word seen 10 times, all in the first of two documents of 100 words:
     * p = 10/200, sum (x - p n)^2 = (10 - 5)^2 + (0 - 5)^2 = 50, times 2/(2-1) = 100,
     * over (y + a)^2 = 100: 1.0, ten times the multinomial 1/10 */
    double v = qd_frame_log_count_var(10, 0, 100, 1000, 2, 200, 20000);
    assert_true(fabs(v - 1.0) < 1e-12);
    /* spread evenly (5 and 5), the documents vary less than chance: multinomial 1/10 */
    v = qd_frame_log_count_var(10, 0, 50, 1000, 2, 200, 20000);
    assert_true(fabs(v - 0.1) < 1e-12);
    /* one document: nothing to measure the spread with */
    assert_true(fabs(qd_frame_log_count_var(10, 0.5, 100, 1000, 1, 100, 10000) - 1.0 / 10.5) < 1e-12);
}

/* ---- sides ------------------------------------------------------------------------- */

static const char *side(const char *name, const char *key, qd_entity_kind kind, const char *role)
{
    qd_entity e;
    memset(&e, 0, sizeof(e));
    e.name = name;
    e.key = key;
    e.kind = kind;
    const char *roles[1] = {role};
    e.roles = role ? roles : NULL;
    e.n_roles = role ? 1 : 0;
    /* the side is a string of the lexicon, so it outlives the index's arena */
    qd_arena ar;
    qd_arena_init(&ar);
    qd_frame_surnames sn;
    assert_int_equal(qd_frame_surnames_init(&sn, test_lexicon(), &ar), 0);
    const char *s = qd_frame_entity_side(test_lexicon(), &sn, &e);
    qd_arena_release(&ar);
    return s;
}

static const char *party(const char *name, const char *key, qd_entity_kind kind)
{
    qd_entity e;
    memset(&e, 0, sizeof(e));
    e.name = name;
    e.key = key;
    e.kind = kind;
    return qd_frame_entity_party(test_lexicon(), &e);
}

static void test_sides(void **state)
{
    (void)state;
    assert_string_equal(side("Sergei Lavrov", "lavrov|s", QD_ENT_PERSON, NULL), "Russia");
    assert_string_equal(side("Lavrov", "lavrov", QD_ENT_PERSON, NULL), "Russia");
    assert_string_equal(side("Antony Blinken", "blinken|a", QD_ENT_PERSON, NULL), "United States");
    assert_string_equal(side("Russian Foreign Ministry", "russian foreign ministry", QD_ENT_ORG, NULL), "Russia");
    assert_string_equal(side("the Kremlin", "kremlin", QD_ENT_ORG, NULL), "Russia");
    assert_string_equal(side("Washington", "washington", QD_ENT_GOV, NULL), "United States");
    /* an unknown person by the country of the role the text gives */
    assert_string_equal(side("Kylie Moore", "moore|k", QD_ENT_PERSON, "UA deputy minister"), "Ukraine");
    assert_null(side("Jon Favreau", "favreau|j", QD_ENT_PERSON, NULL));
    /* parties: by full name, person key, bare surname, and inside a name */
    assert_string_equal(party("Hillary Clinton", "clinton|h", QD_ENT_PERSON), "Democrats");
    assert_string_equal(party("Clinton", "clinton", QD_ENT_PERSON), "Democrats");
    assert_string_equal(party("Ted Cruz", "cruz|t", QD_ENT_PERSON), "Republicans");
    assert_string_equal(party("the Trump campaign", "trump campaign", QD_ENT_ORG), "Republicans");
    assert_string_equal(party("Senate Democrats", "senate democrats", QD_ENT_GROUP), "Democrats");
    assert_null(party("Sergei Lavrov", "lavrov|s", QD_ENT_PERSON));
}

static void test_lexicon_extension(void **state)
{
    (void)state;
    qd_lexicon *lx;
    qd_error err;
    assert_int_equal(qd_lexicon_new(&lx, &err), 0);
    const char *labels = "# a new referent\nGaza war\tgaza war\nGaza war\tisrael-hamas war\n";
    assert_int_equal(qd_lexicon_add_text(lx, "labels", "labels.tsv", labels, strlen(labels), &err), 0);
    const char *sides = "Gustavo Petro\tColombia\tcountry\nPacto Historico\tPacto\tparty\n";
    assert_int_equal(qd_lexicon_add_text(lx, "sides", "sides.tsv", sides, strlen(sides), &err), 0);
    const char *bad = "Sergei Lavrov\tRussia\tclan\n";
    assert_int_equal(qd_lexicon_add_text(lx, "sides", "mine/sides.tsv", bad, strlen(bad), &err), QD_ELEXICON);
    assert_non_null(strstr(err.msg, "mine/sides.tsv:1"));
    qd_lexicon_free(lx);
}

/* ---- the seeds ------------------------------------------------------------------------ */

static const qd_frame_outlet *outlet(const qd_framing *f, const char *name)
{
    for (uint32_t i = 0; i < f->n_outlets; i++)
        if (strcmp(f->outlets[i].outlet, name) == 0)
            return &f->outlets[i];
    fail_msg("no outlet %s", name);
    return NULL;
}

static const qd_frame_speaker *speaker(const qd_comparison *r, const qd_frame_outlet *o, const char *surname)
{
    for (uint32_t i = 0; i < o->n_speakers; i++)
        if (o->speakers[i].speaker >= 0 && strstr(r->speakers[o->speakers[i].speaker].name, surname))
            return &o->speakers[i];
    return NULL;
}

static uint32_t verb_count(const qd_frame_speaker *s, const char *lemma)
{
    for (uint32_t i = 0; i < s->n_verbs; i++)
        if (strcmp(s->verbs[i].lemma, lemma) == 0)
            return s->verbs[i].count;
    return 0;
}

static void test_seeds_framing(void **state)
{
    (void)state;
    qd_corpus *c = test_seed_corpus();
    const qd_comparison *r = qd_corpus_result(c);
    assert_non_null(r->framing);
    const qd_framing *f = &r->framing->corpus;
    assert_int_equal(f->n_outlets, 4); /* Caliber.Az (two articles), The Limited Times, News i, unknown */

    /* Caliber.Az scare-quotes "special military operation" (002: Russia's "special
     * military operation."), and no other outlet does */
    const qd_frame_outlet *cal = outlet(f, "Caliber.Az");
    assert_int_equal(cal->documents, 2);
    bool smo = false;
    for (uint32_t i = 0; i < cal->n_scare; i++)
        if (strcmp(cal->scare[i].text, "special military operation") == 0)
            smo = cal->scare[i].outlets == 1;
    assert_true(smo);
    /* ... which as a label is scare-quoted once and inside Lavrov's words once */
    bool label = false;
    for (uint32_t i = 0; i < cal->n_labels; i++)
        if (strcmp(cal->labels[i].label, "special military operation") == 0)
            label = cal->labels[i].scare == 1 && cal->labels[i].quoted == 1 && cal->labels[i].own == 0;
    assert_true(label);
    /* The Limited Times writes Kiev in its own voice; Kyiv and Kiev compete */
    const qd_frame_outlet *lt = outlet(f, "The Limited Times");
    bool kiev = false;
    for (uint32_t i = 0; i < lt->n_labels; i++)
        kiev |= strcmp(lt->labels[i].label, "kiev") == 0 && lt->labels[i].own > 0;
    assert_true(kiev);
    bool contested = false;
    for (uint32_t i = 0; i < f->n_contested; i++)
        contested |= strcmp(f->contested[i], "Kyiv") == 0;
    assert_true(contested);

    /* the verbs each outlet uses for Lavrov and Blinken */
    const qd_frame_speaker *lav = speaker(r, cal, "Lavrov");
    assert_non_null(lav);
    assert_string_equal(lav->side, "Russia");
    assert_true(verb_count(lav, "say") >= 1);
    assert_true(verb_count(lav, "emphasize") >= 1); /* "Lavrov emphasized" (002) */
    assert_true(lav->stance[QD_STANCE_EMPHATIC] >= 2);
    uint32_t sum = 0;
    for (int k = 0; k < QD_N_STANCES; k++)
        sum += lav->stance[k];
    assert_int_equal(sum, lav->statements);
    assert_int_equal(lav->verbatim + lav->paraphrased, lav->statements);
    const qd_frame_outlet *ni = outlet(f, "News i");
    const qd_frame_speaker *bl = speaker(r, ni, "Blinken");
    assert_non_null(bl);
    assert_string_equal(bl->side, "United States");
    assert_true(verb_count(bl, "say") >= 1);
    assert_int_equal(bl->stance[QD_STANCE_EMPHATIC] + bl->stance[QD_STANCE_DOUBTFUL], 0);
    /* the CNN-sourced piece (no outlet named) introduces Blinken neutrally and Lavrov
     * with "stressed" */
    const qd_frame_outlet *un = outlet(f, "unknown outlet");
    assert_non_null(speaker(r, un, "Blinken"));
    assert_true(verb_count(speaker(r, un, "Lavrov"), "stress") >= 1);

    /* share of voice: Caliber.Az gives Russia most of its statements */
    assert_string_equal(cal->sides[0].side, "Russia");
    assert_int_equal(cal->first_speaker, lav->speaker);
    /* sources: The Limited Times relies on SANA */
    bool sana = false;
    for (uint32_t i = 0; i < lt->n_sources; i++)
        sana |= strcmp(lt->sources[i].name, "SANA") == 0 && lt->sources[i].kind == QD_SOURCE_AGENCY;
    assert_true(sana);
    /* ... and the unsigned piece on CNN ("announced by CNN correspondent Kylie Atwood") */
    bool cnn = false;
    for (uint32_t i = 0; i < un->n_sources; i++)
        cnn |= strcmp(un->sources[i].name, "CNN") == 0 && un->sources[i].kind == QD_SOURCE_OUTLET;
    assert_true(cnn);
    /* distinctive terms are few, and significant */
    for (uint32_t o = 0; o < f->n_outlets; o++) {
        assert_true(f->outlets[o].n_distinctive <= QD_FRAME_MAX_TERMS);
        for (uint32_t i = 0; i < f->outlets[o].n_distinctive; i++)
            assert_true(f->outlets[o].distinctive[i].z > QD_FRAME_Z);
    }
    /* every event and thread has its framing */
    for (uint32_t e = 0; e < r->n_events; e++)
        assert_true(r->framing->events[e].n_outlets >= 1);
    for (uint32_t t = 0; t < r->n_threads; t++)
        assert_true(r->framing->threads[t].n_outlets >= 1);
    qd_corpus_free(c);
}

/* Summaries written as JSON and read back (another machine, a later run) give the same
 * framing as the documents themselves. */
static void test_summary_round_trip(void **state)
{
    (void)state;
    qd_corpus *direct = test_seed_corpus(), *c;
    qd_error err;
    assert_int_equal(qd_corpus_new(&c, test_lexicon(), NULL, &err), 0);
    const char *seeds[] = {SEED_FILES};
    for (int i = 0; i < 5; i++) {
        qd_doc *d = test_file(seeds[i]);
        qd_summary *s, *back;
        char *line;
        assert_int_equal(qd_summary_make(d, test_lexicon(), false, &s, &err), 0);
        assert_int_equal(qd_summary_to_json(s, &line, &err), 0);
        assert_non_null(strstr(line, "\"framing\""));
        assert_int_equal(qd_summary_from_json("line", line, strlen(line), test_lexicon(), &back, &err), 1);
        assert_int_equal(qd_corpus_add_summary(c, back, NULL, &err), 0);
        qd_summary_free(back);
        qd_summary_free(s);
        free(line);
        qd_doc_free(d);
    }
    assert_int_equal(qd_corpus_match(c, &err), 0);
    char *a, *b;
    assert_int_equal(qd_report_compare(direct, "json", 0, &a, &err), 0);
    assert_int_equal(qd_report_compare(c, "json", 0, &b, &err), 0);
    json_error_t je;
    json_t *ja = json_loads(a, 0, &je), *jb = json_loads(b, 0, &je);
    assert_non_null(ja);
    assert_non_null(jb);
    assert_true(json_equal(json_object_get(ja, "framing"), json_object_get(jb, "framing")));
    json_decref(ja);
    json_decref(jb);
    free(a);
    free(b);
    qd_corpus_free(c);
    qd_corpus_free(direct);
}

static void test_seeds_reports(void **state)
{
    (void)state;
    qd_corpus *c = test_seed_corpus();
    qd_error err;
    char *s;
    /* text: the Caliber.Az row of the scare quotes, and a verb row for Lavrov */
    assert_int_equal(qd_report_compare(c, "text", 0, &s, &err), 0);
    const char *sec = strstr(s, "How each outlet tells the story");
    assert_non_null(sec);
    const char *row = strstr(sec, "Caliber.Az");
    assert_non_null(row);
    const char *eol = strchr(row, '\n');
    const char *smo = strstr(row, "special military operation");
    assert_true(smo && smo < eol);
    assert_non_null(strstr(sec, "Sergei Lavrov"));
    assert_non_null(strstr(sec, "emphasize"));
    free(s);
    /* Markdown tables */
    assert_int_equal(qd_report_compare(c, "md", 0, &s, &err), 0);
    assert_non_null(strstr(s, "| Caliber.Az | “special military operation” (only here) |"));
    free(s);
    /* HTML: inline SVG charts, no scripts, nothing external */
    assert_int_equal(qd_report_compare(c, "html", 0, &s, &err), 0);
    assert_non_null(strstr(s, "<svg class=\"chart\""));
    assert_null(strstr(s, "<script"));
    assert_null(strstr(s, "http://"));
    assert_null(strstr(s, "https://"));
    free(s);
    /* JSON: "framing" at the top, per event and per thread */
    assert_int_equal(qd_report_compare(c, "json", 0, &s, &err), 0);
    json_error_t je;
    json_t *o = json_loads(s, 0, &je);
    assert_non_null(o);
    json_t *fr = json_object_get(o, "framing");
    assert_non_null(fr);
    size_t i;
    json_t *x;
    bool found = false;
    json_array_foreach(json_object_get(fr, "outlets"), i, x) {
        if (strcmp(json_string_value(json_object_get(x, "outlet")), "Caliber.Az") != 0)
            continue;
        size_t k;
        json_t *t;
        json_array_foreach(json_object_get(x, "scare_quotes"), k, t)
            found |= strcmp(json_string_value(json_object_get(t, "term")), "special military operation") == 0;
    }
    assert_true(found);
    json_array_foreach(json_object_get(o, "events"), i, x)
        assert_non_null(json_object_get(json_object_get(x, "framing"), "outlets"));
    json_array_foreach(json_object_get(o, "threads"), i, x)
        assert_non_null(json_object_get(json_object_get(x, "framing"), "outlets"));
    json_decref(o);
    free(s);
    qd_corpus_free(c);
}

/* ---- four outlets on one debate ------------------------------------------------------- */

static bool has_term(const qd_frame_outlet *o, const char *term)
{
    for (uint32_t i = 0; i < o->n_distinctive; i++)
        if (strcmp(o->distinctive[i].term, term) == 0)
            return o->distinctive[i].z > QD_FRAME_Z;
    return false;
}

/* The documents of a fixture directory, with the outlet and date its manifest gives. */
static qd_corpus *manifest_corpus(const char *dir, int *n_docs)
{
    qd_corpus *c;
    qd_error err;
    assert_int_equal(qd_corpus_new(&c, test_lexicon(), NULL, &err), 0);
    char path[512];
    snprintf(path, sizeof(path), "%s/manifest.tsv", dir);
    char *man = test_read(path, NULL);
    char *save = NULL;
    int n = 0;
    for (char *line = strtok_r(man, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char file[256], outlet_name[128], date[32];
        if (sscanf(line, "%255[^\t]\t%127[^\t]\t%31s", file, outlet_name, date) != 3 || !strcmp(file, "file"))
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, file);
        size_t len;
        char *text = test_read(path, &len);
        qd_options opt;
        qd_options_init(&opt);
        opt.outlet = outlet_name;
        opt.date = date;
        qd_doc *d;
        assert_int_equal(qd_doc_parse(&d, path, text, len, &opt, test_lexicon(), &err), 0);
        assert_int_equal(qd_doc_analyze(d, test_lexicon(), &err), 0);
        assert_int_equal(qd_corpus_add(c, d, &err), 0);
        qd_doc_free(d);
        free(text);
        n++;
    }
    free(man);
    assert_int_equal(qd_corpus_match(c, &err), 0);
    *n_docs = n;
    return c;
}

static void test_multi_outlet_fixture(void **state)
{
    (void)state;
    int n;
    qd_corpus *c = manifest_corpus("tests/fixtures/framing", &n);
    assert_int_equal(n, 4);
    const qd_comparison *r = qd_corpus_result(c);
    const qd_framing *f = &r->framing->corpus;
    assert_int_equal(f->n_outlets, 4);
    /* all speakers with a known country are American: the sides are the parties */
    const qd_frame_outlet *wp = outlet(f, "The Washington Post");
    const qd_frame_speaker *hc = speaker(r, wp, "Clinton");
    assert_non_null(hc);
    assert_string_equal(hc->side, "Democrats");
    const qd_frame_speaker *bs = speaker(r, wp, "Sanders");
    assert_non_null(bs);
    assert_string_equal(bs->side, "Democrats");
    /* four single articles: few words pass the false discovery rate; the Western
     * Journal's "BREAKING" style (ten times, once elsewhere) does */
    const qd_frame_outlet *bb = outlet(f, "Breitbart");
    assert_true(bb->words > 100);
    assert_true(has_term(outlet(f, "The Western Journal"), "breaking"));
    for (uint32_t o = 0; o < f->n_outlets; o++)
        assert_true(f->outlets[o].n_distinctive <= 3);
    /* Politico quotes David Axelrod most, with his tweets */
    const qd_frame_outlet *po = outlet(f, "Politico");
    const qd_frame_speaker *ax = speaker(r, po, "Axelrod");
    assert_non_null(ax);
    assert_true(verb_count(ax, "tweet") >= 1);
    /* the Washington Post uses "Affordable Care Act", in its own voice */
    bool aca = false;
    for (uint32_t i = 0; i < wp->n_labels; i++)
        aca |= strcmp(wp->labels[i].label, "affordable care act") == 0 && wp->labels[i].own > 0;
    assert_true(aca);
    /* a tweet's handle in quotation marks is not a scare quote */
    const qd_frame_outlet *wj = outlet(f, "The Western Journal");
    for (uint32_t i = 0; i < wj->n_scare; i++)
        assert_true(wj->scare[i].text[0] != '@');
    qd_corpus_free(c);
}

static void test_scare_quote_unquoted_elsewhere(void **state)
{
    (void)state;
    /* The New York Times puts ''super PAC'' in quotation marks; Politico writes super PAC
     * plainly, three times */
    int n;
    qd_corpus *c = manifest_corpus("tests/fixtures/framing/scare", &n);
    assert_int_equal(n, 2);
    const qd_framing *f = &qd_corpus_result(c)->framing->corpus;
    const qd_frame_outlet *nyt = outlet(f, "The New York Times");
    const qd_frame_scare *sp = NULL;
    for (uint32_t i = 0; i < nyt->n_scare; i++)
        if (strcmp(nyt->scare[i].key, "super pac") == 0)
            sp = &nyt->scare[i];
    assert_non_null(sp);
    assert_int_equal(sp->outlets, 1);
    assert_int_equal(sp->plain_outlets, 1);
    assert_int_equal(sp->plain_elsewhere, 3);
    assert_int_equal(sp->plain_here, 0);
    char *s;
    qd_error err;
    assert_int_equal(qd_report_compare(c, "text", 0, &s, &err), 0);
    assert_non_null(strstr(s, "“super PAC” (only here; unquoted in 1 other outlet, 3 times)"));
    free(s);
    qd_corpus_free(c);
}

/* The seeds (five articles on Lavrov and Blinken) and the debate fixture (four on the
 * Democratic primary), as two outlets or split at random. */
static qd_corpus *two_desks(bool by_topic)
{
    qd_corpus *c;
    qd_error err;
    assert_int_equal(qd_corpus_new(&c, test_lexicon(), NULL, &err), 0);
    const char *files[] = {SEED_FILES,
                           FIX "breitbart_2016-03-09_hillary-benghazi-victim-mother-a.txt",
                           FIX "politico_2016-03-10_hillary-clinton-s-backseat-drive.txt",
                           FIX "wash-post_2016-03-10_scrappy-debate-signals-long-grin.txt",
                           FIX "west-journal_2016-03-10_bombshell-hillary-photo-from-dur.txt"};
    for (int i = 0; i < 9; i++) {
        size_t len;
        char *text = test_read(files[i], &len);
        qd_options opt;
        qd_options_init(&opt);
        opt.outlet = by_topic ? (i < 5 ? "Russia desk" : "Campaign desk") : (i % 2 ? "Odd" : "Even");
        qd_doc *d;
        assert_int_equal(qd_doc_parse(&d, files[i], text, len, &opt, test_lexicon(), &err), 0);
        assert_int_equal(qd_doc_analyze(d, test_lexicon(), &err), 0);
        assert_int_equal(qd_corpus_add(c, d, &err), 0);
        qd_doc_free(d);
        free(text);
    }
    assert_int_equal(qd_corpus_match(c, &err), 0);
    return c;
}

static void test_distinctive_words(void **state)
{
    (void)state;
    /* by topic: the Russia desk's words are Lavrov's, the campaign desk's Clinton's */
    qd_corpus *c = two_desks(true);
    const qd_framing *f = &qd_corpus_result(c)->framing->corpus;
    assert_true(has_term(outlet(f, "Russia desk"), "lavrov"));
    assert_true(has_term(outlet(f, "Campaign desk"), "clinton"));
    assert_false(has_term(outlet(f, "Russia desk"), "clinton"));
    qd_corpus_free(c);
    /* the same articles dealt to two outlets alternately: nothing sets them apart */
    c = two_desks(false);
    f = &qd_corpus_result(c)->framing->corpus;
    assert_int_equal(outlet(f, "Even")->n_distinctive, 0);
    assert_int_equal(outlet(f, "Odd")->n_distinctive, 0);
    qd_corpus_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_log_odds_hand),
        cmocka_unit_test(test_log_odds_small_counts),
        cmocka_unit_test(test_robust_variance_hand),
        cmocka_unit_test(test_sides),
        cmocka_unit_test(test_lexicon_extension),
        cmocka_unit_test(test_seeds_framing),
        cmocka_unit_test(test_seeds_reports),
        cmocka_unit_test(test_summary_round_trip),
        cmocka_unit_test(test_multi_outlet_fixture),
        cmocka_unit_test(test_distinctive_words),
        cmocka_unit_test(test_scare_quote_unquoted_elsewhere),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
