/*
 * testutil.h - helpers shared by the unit tests: one lexicon per test program, and
 * documents parsed and analysed from string literals.
 */
#ifndef QD_TESTUTIL_H
#define QD_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "quotediff/quotediff.h"

static inline qd_lexicon *test_lexicon(void)
{
    static qd_lexicon *lx; /* one per test program, read-only once built */
    if (!lx) {
        qd_error err;
        assert_int_equal(qd_lexicon_new(&lx, &err), 0);
    }
    return lx;
}

/* Parse (and analyse) a document held in a string. */
static inline qd_doc *test_doc(const char *text, bool analyse)
{
    qd_doc *doc = NULL;
    qd_error err;
    qd_error_clear(&err);
    int rc = qd_doc_parse(&doc, "test.txt", text, strlen(text), NULL, test_lexicon(), &err);
    if (rc)
        fail_msg("parse failed: %s", err.msg);
    if (analyse && qd_doc_analyze(doc, test_lexicon(), &err) != 0)
        fail_msg("analysis failed: %s", err.msg);
    return doc;
}

static inline char *test_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    if (len)
        *len = (size_t)n;
    return buf;
}

static inline qd_doc *test_file(const char *path)
{
    size_t n;
    char *data = test_read(path, &n);
    qd_doc *doc = NULL;
    qd_error err;
    if (qd_doc_parse(&doc, path, data, n, NULL, test_lexicon(), &err) != 0)
        fail_msg("parse failed: %s", err.msg);
    free(data);
    if (qd_doc_analyze(doc, test_lexicon(), &err) != 0)
        fail_msg("analysis failed: %s", err.msg);
    return doc;
}

/* The most specific statement whose content contains `needle` (the shortest, so that a
 * report nested in another is found rather than the one around it), or NULL. */
static inline const qd_statement *test_find(const qd_doc *doc, const char *needle)
{
    const qd_analysis *an = doc->analysis;
    size_t nl = strlen(needle);
    const qd_statement *best = NULL;
    uint32_t best_len = UINT32_MAX;
    for (uint32_t i = 0; i < an->n_statements; i++) {
        const qd_statement *st = &an->statements[i];
        uint32_t len = st->pieces[st->n_pieces - 1].end - st->pieces[0].start;
        for (uint32_t k = 0; k < st->n_pieces; k++) {
            qd_span sp = st->pieces[k];
            for (uint32_t o = sp.start; o + nl <= sp.end; o++)
                if (memcmp(doc->text + o, needle, nl) == 0 && len < best_len) {
                    best = st;
                    best_len = len;
                }
        }
    }
    return best;
}

/* The speaker's canonical name of the statement holding `needle` ("" if none). */
static inline const char *test_speaker(const qd_doc *doc, const char *needle)
{
    const qd_statement *st = test_find(doc, needle);
    if (!st)
        fail_msg("no statement holds \"%s\"", needle);
    if (st->entity < 0)
        return "";
    return doc->analysis->entities[st->entity].name;
}

/* The speaker mention of the statement holding `needle`, as written into buf ("" when no
 * statement holds it or it has no speaker). */
static inline const char *test_speaker_mention(const qd_doc *doc, const char *needle, char *buf, size_t cap)
{
    const qd_statement *st = test_find(doc, needle);
    buf[0] = '\0';
    if (st && st->speaker >= 0) {
        qd_span sp = doc->analysis->mentions[st->speaker].span;
        snprintf(buf, cap, "%.*s", (int)(sp.end - sp.start), doc->text + sp.start);
    }
    return buf;
}

/* The seed articles, by file name (tests run from the repository root). */
#define SEED(n) "corpora/lavrov-blinken/" n
/* The five seed articles, in file-name order: an initialiser list of their paths. */
#define SEED_FILES                                                                           \
    SEED("000_c21110f2c13453e9.txt"), SEED("001_15887e59612d77b7.txt"),                     \
        SEED("002_44361a8531b9948d.txt"), SEED("003_459388830af05508.txt"),                 \
        SEED("004_63e49bb7f3518d4d.txt")

/* The five seed articles as one matched corpus. */
static inline qd_corpus *test_seed_corpus(void)
{
    qd_corpus *c;
    qd_error err;
    assert_int_equal(qd_corpus_new(&c, test_lexicon(), NULL, &err), 0);
    const char *seeds[] = {SEED_FILES};
    for (int i = 0; i < 5; i++) {
        qd_doc *d = test_file(seeds[i]);
        assert_int_equal(qd_corpus_add(c, d, &err), 0);
        qd_doc_free(d);
    }
    assert_int_equal(qd_corpus_match(c, &err), 0);
    return c;
}

#endif
