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

/* Every key of a map passes the filter that guards it (a Bloom filter may say "maybe"
 * wrongly, never "no" wrongly). */
static void assert_filter_covers(const qd_strmap *m, const uint64_t *filter, unsigned log2)
{
    for (uint32_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            assert_true(qd_bloom_test(filter, log2, qd_hash_bytes(m->slots[i].key, m->slots[i].keylen)));
}

static void assert_tables_covered(const qd_lexicon *lx)
{
    const qd_phrase_table *tables[] = {&lx->cues, &lx->roles, &lx->nouns, &lx->people, &lx->places, &lx->outlets};
    for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
        /* the walk says of every key what map says, and no more: a key's walk entry
         * holds its value, and an entry is a key only when map has it; its entries
         * are kept by their qd_phrase_hash, which the filter lets through */
        const qd_strmap *walk = &tables[t]->walk;
        for (uint32_t i = 0; i < walk->cap; i++) {
            const qd_strmap_slot *sl = &walk->slots[i];
            if (!sl->key)
                continue;
            assert_int_equal(sl->hash, qd_phrase_hash(sl->key, sl->keylen));
            assert_true(qd_phrase_maybe(tables[t], sl->hash));
            uint32_t v;
            bool key = qd_lex_phrase(tables[t], sl->key, sl->keylen, &v);
            assert_int_equal(key, (sl->value & QD_WALK_KEY) != 0);
            if (key)
                assert_int_equal(v, sl->value & QD_WALK_VALUE);
        }
    }
    assert_filter_covers(&lx->label_prefixes, lx->label_filter, QD_PHRASE_FILTER_LOG2);
    /* every entry of a phrase table (and so every word a match can get past) has the
     * table's QD_START_* bit, whether the word has an entry of the word table or not:
     * mention finding searches a table at a token only when the bit is there */
    const uint32_t bits[] = {QD_START_CUE,    QD_START_ROLE,  QD_START_NOUN,
                             QD_START_PERSON, QD_START_PLACE, QD_START_OUTLET};
    for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
        const qd_strmap *maps[] = {&tables[t]->map, &tables[t]->walk};
        for (size_t k = 0; k < 2; k++)
            for (uint32_t i = 0; i < maps[k]->cap; i++) {
                const qd_strmap_slot *sl = &maps[k]->slots[i];
                if (sl->key)
                    assert_true(qd_lex_starts(lx, qd_lex_word(lx, sl->key, sl->keylen), sl->key, sl->keylen,
                                              qd_hash_bytes(sl->key, sl->keylen)) &
                                bits[t]);
            }
    }
    assert_filter_covers(&lx->words, lx->word_filter, QD_WORD_FILTER_LOG2);
    /* and every word of the word table is found through it, and is a function word
     * to qd_lex_function_word exactly when its tags say so */
    for (uint32_t i = 0; i < lx->words.cap; i++) {
        const qd_strmap_slot *sl = &lx->words.slots[i];
        if (sl->key) {
            assert_ptr_equal(qd_lex_word(lx, sl->key, sl->keylen), &lx->lexwords[sl->value]);
            assert_int_equal(qd_lex_function_word(lx, sl->key, sl->keylen),
                             (lx->lexwords[sl->value].tags & QD_W_FUNCTION) != 0);
        }
    }
}

/* The lookups answer most words with a filter bit before the tables: no entry, built in
 * or added by a user, may be hidden by it. */
static void test_filters_hide_nothing(void **state)
{
    (void)state;
    assert_tables_covered(test_lexicon());
    qd_lexicon *lx;
    qd_error err;
    assert_int_equal(qd_lexicon_new(&lx, &err), 0);
    const char *roles = "deputy chief whip\tchief-whip\tparty\n";
    assert_int_equal(qd_lexicon_add_text(lx, "roles", "roles.tsv", roles, strlen(roles), &err), 0);
    const char *names = "Zebulon\tm\n";
    assert_int_equal(qd_lexicon_add_text(lx, "first_names", "names.tsv", names, strlen(names), &err), 0);
    const char *labels = "Gulf\tgulf of america\n";
    assert_int_equal(qd_lexicon_add_text(lx, "labels", "labels.tsv", labels, strlen(labels), &err), 0);
    const char *words = "whereunto\tprep\n";
    assert_int_equal(qd_lexicon_add_text(lx, "words", "words.tsv", words, strlen(words), &err), 0);
    assert_tables_covered(lx);
    assert_non_null(qd_lex_word(lx, "zebulon", 7));
    assert_true(qd_lex_function_word(lx, "whereunto", 9));
    assert_true(qd_lex_function_word(lx, "the", 3));
    assert_false(qd_lex_function_word(lx, "zebulon", 7));
    assert_false(qd_lex_function_word(lx, "lavrov", 6));
    uint32_t v;
    assert_true(qd_lex_phrase(&lx->roles, "deputy chief whip", 17, &v));
    /* "deputy" starts a role now; a word starting no phrase has no bit */
    assert_true(qd_lex_starts(lx, qd_lex_word(lx, "deputy", 6), "deputy", 6, qd_hash_bytes("deputy", 6)) &
                QD_START_ROLE);
    assert_int_equal(qd_lex_starts(lx, qd_lex_word(lx, "zyzzyva", 7), "zyzzyva", 7, qd_hash_bytes("zyzzyva", 7)), 0);
    /* a word's own value as a key, and whether longer keys start with it */
    const qd_start_word *st = qd_lex_start(lx, qd_lex_word(lx, "spokesman", 9), "spokesman", 9,
                                           qd_hash_bytes("spokesman", 9));
    assert_non_null(st);
    assert_true(qd_lex_phrase(&lx->roles, "spokesman", 9, &v));
    assert_int_equal(st->role, (int32_t)v);
    st = qd_lex_start(lx, qd_lex_word(lx, "foreign", 7), "foreign", 7, qd_hash_bytes("foreign", 7));
    assert_non_null(st);
    assert_true(st->longer & QD_START_ROLE);
    /* roles with the same key share its number; "*" is a generic noun */
    uint32_t a, b;
    assert_true(qd_lex_phrase(&lx->roles, "foreign minister", 16, &a));
    assert_true(qd_lex_phrase(&lx->roles, "minister of foreign affairs", 27, &b));
    assert_int_not_equal(a, b);
    assert_int_equal(lx->role_list[a].key_id, lx->role_list[b].key_id);
    assert_false(lx->role_list[a].generic);
    assert_true(qd_lex_phrase(&lx->roles, "diplomat", 8, &b));
    assert_true(lx->role_list[b].generic);
    assert_int_not_equal(lx->role_list[a].key_id, lx->role_list[b].key_id);
    qd_lexicon_free(lx);
}

/* A words file whose second line is invalid UTF-8 fails, but its first line is in the
 * word table already: the function words must agree with it (they did not, once). */
static void test_failed_add_keeps_function_words(void **state)
{
    (void)state;
    qd_lexicon *lx;
    qd_error err;
    assert_int_equal(qd_lexicon_new(&lx, &err), 0);
    const char *words = "whereunto\tprep\nwhere\xff\tprep\n";
    assert_int_equal(qd_lexicon_add_text(lx, "words", "words.tsv", words, strlen(words), &err), QD_ELEXICON);
    assert_non_null(strstr(err.msg, "words.tsv"));
    const qd_lexword *w = qd_lex_word(lx, "whereunto", 9);
    assert_non_null(w);
    assert_true(w->tags & QD_W_FUNCTION);
    assert_true(qd_lex_function_word(lx, "whereunto", 9));
    assert_tables_covered(lx);
    qd_lexicon_free(lx);

    /* the same through a directory, whose table is made once at its end: a good words
     * file, then a speech verbs file failing on its second line */
    assert_int_equal(qd_lexicon_new(&lx, &err), 0);
    char dir[] = "/tmp/qd-lex-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char wpath[256], vpath[256];
    snprintf(wpath, sizeof(wpath), "%s/words.tsv", dir);
    snprintf(vpath, sizeof(vpath), "%s/speech_verbs.tsv", dir);
    FILE *f = fopen(wpath, "wb");
    assert_non_null(f);
    fputs("whereunto\tprep\n", f);
    fclose(f);
    f = fopen(vpath, "wb");
    assert_non_null(f);
    fputs("grumble\tspeech\tneutral\tthat\n\xfe\n", f);
    fclose(f);
    assert_int_equal(qd_lexicon_add_dir(lx, dir, &err), QD_ELEXICON);
    assert_non_null(strstr(err.msg, "speech_verbs.tsv"));
    assert_true(qd_lex_function_word(lx, "whereunto", 9));
    assert_tables_covered(lx);
    qd_lexicon_free(lx);
    remove(wpath);
    remove(vpath);
    remove(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin),
        cmocka_unit_test(test_user_extension_and_errors),
        cmocka_unit_test(test_filters_hide_nothing),
        cmocka_unit_test(test_failed_add_keeps_function_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
