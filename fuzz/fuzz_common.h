/*
 * fuzz_common.h - shared pieces of the libFuzzer harnesses.
 *
 * The harnesses call the public API the way the command line does.  They keep one
 * lexicon for the whole run: it is read-only once built, exactly as in the program, and
 * building it for every input would leave no time for fuzzing.  (Harness-level statics
 * are fine here; the library itself holds no global state.)
 */
#ifndef QD_FUZZ_COMMON_H
#define QD_FUZZ_COMMON_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quotediff/quotediff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline const qd_lexicon *fuzz_lexicon(void)
{
    static qd_lexicon *lx;
    if (!lx) {
        qd_error err;
        if (qd_lexicon_new(&lx, &err) != 0)
            abort(); /* the compiled-in lexicon must always load */
    }
    return lx;
}

/* Small limits so that a single input cannot make the fuzzer time out on size alone. */
static inline void fuzz_options(qd_options *opt, qd_input_kind kind)
{
    qd_options_init(opt);
    opt->input = kind;
    opt->max_doc_bytes = 1u << 20;
    opt->max_depth = 64;
}

/* A failing call must leave a message naming what failed. */
static inline void fuzz_check_error(int rc, const qd_error *err)
{
    if (rc < 0 && err->msg[0] == '\0')
        abort();
}

/* Render every per-document report; they must not fail on a document that parsed. */
static inline void fuzz_reports(const qd_doc *doc)
{
    qd_error err;
    char *s = NULL;
    unsigned all = QD_REPORT_WITH_TEXT | QD_REPORT_PARAGRAPHS;
    if (qd_report_doc_json(doc, all, &s, &err) == 0)
        free(s);
    else
        abort();
    s = NULL;
    if (qd_report_doc_text(doc, QD_REPORT_COLOR, &s, &err) == 0)
        free(s);
    else
        abort();
}

/* Match a corpus and render every comparison report; none may fail.  check, when given,
 * looks at the HTML one. */
static inline void fuzz_compare_reports(qd_corpus *c, void (*check)(const char *html))
{
    qd_error err;
    if (qd_corpus_match(c, &err) != 0)
        abort();
    static const char *const formats[] = {"text", "md", "html", "json"};
    for (size_t f = 0; f < 4; f++) {
        char *out = NULL;
        if (qd_report_compare(c, formats[f], 0, &out, &err) != 0)
            abort();
        if (f == 2 && check)
            check(out);
        free(out);
    }
}

/* Parse, check the invariants every document keeps, analyse and report. */
static inline void fuzz_document(const char *name, const uint8_t *data, size_t size, qd_input_kind kind, int analyze)
{
    const qd_lexicon *lx = fuzz_lexicon();
    qd_options opt;
    fuzz_options(&opt, kind);
    qd_error err;
    qd_error_clear(&err);
    qd_doc *doc = NULL;
    int rc = qd_doc_parse(&doc, name, (const char *)data, size, &opt, lx, &err);
    fuzz_check_error(rc, &err);
    if (rc)
        return;
    /* doc->text is NUL-terminated, holds no NUL and every span lies inside it */
    if (doc->text[doc->len] != '\0' || memchr(doc->text, '\0', doc->len))
        abort();
    for (uint32_t i = 0; i < doc->n_paragraphs; i++)
        if (doc->paragraphs[i].span.start > doc->paragraphs[i].span.end || doc->paragraphs[i].span.end > doc->len)
            abort();
    for (uint32_t i = 0; i < doc->n_sentences; i++)
        if (doc->sentences[i].span.start > doc->sentences[i].span.end || doc->sentences[i].span.end > doc->len)
            abort();
    if (analyze) {
        rc = qd_doc_analyze(doc, lx, &err);
        fuzz_check_error(rc, &err);
        if (rc == 0)
            fuzz_reports(doc);
    }
    qd_doc_free(doc);
}

#endif
