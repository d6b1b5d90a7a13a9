/*
 * quotediff/document.h - one input document: its text, metadata and segments.
 *
 * A document is read from bytes (plain text, HTML, or one JSON record), reduced to its
 * article text, and split into paragraphs and sentences.  All offsets in the API are
 * byte offsets into `doc->text`; qd_doc_source_offset() maps them to offsets in the
 * original input (the same for plain UTF-8 files; for HTML and JSON input the source is
 * the extracted article text itself, which is `doc->text`).
 *
 * Everything hanging off a qd_doc lives in the document's own arena and is freed by
 * qd_doc_free().  Documents share nothing mutable, so different documents may be
 * processed on different threads at once.
 */
#ifndef QUOTEDIFF_DOCUMENT_H
#define QUOTEDIFF_DOCUMENT_H

#include <stdio.h>

#include "quotediff/common.h"
#include "quotediff/lexicon.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum qd_input_kind {
    QD_INPUT_AUTO = 0, /* detect from content */
    QD_INPUT_TEXT,
    QD_INPUT_HTML,
    QD_INPUT_JSON /* a JSON object or JSON Lines of crawler records */
} qd_input_kind;

typedef struct qd_options {
    size_t max_doc_bytes;   /* larger inputs are refused with QD_ELIMIT (default 16 MiB) */
    uint32_t max_depth;     /* HTML/JSON nesting deeper than this is flattened or refused */
    qd_input_kind input;    /* QD_INPUT_AUTO unless the caller knows better */
    const char *url;        /* known URL of the document (manifest, crawler record) */
    const char *outlet;     /* known outlet, overrides what the text suggests */
    const char *date;       /* known publication date (any form qd can read), overrides */
    const char *title;      /* known title, overrides */
    const char *byline;     /* known author(s), overrides */
    bool paragraphs_only;   /* the caller reads only the paragraphs (`body`): no sentences
                             * nor tokens are made; qd_doc_analyze() makes them if needed */
    FILE *debug;            /* for developers: qd_doc_analyze() writes its intermediate results
                             * (tokens with mentions, cues and quote marks) here; NULL for none.
                             * Documents analysed on several threads interleave their lines. */
} qd_options;

void qd_options_init(qd_options *opt);

/* Where a piece of metadata came from, so reports can show how sure it is. */
typedef struct qd_meta {
    const char *title;
    const char *date;        /* ISO 8601: "2024-12-06T11:19", "2021-12-05"; NULL if unknown */
    const char *date_text;   /* the text the date was read from */
    const char *byline;      /* author names, "Tamilla Hasanova" */
    const char *outlet;      /* publishing outlet */
    const char *outlet_how;  /* "manifest", "url", "signature", "self-reference", "site-name", "copyright" */
    const char *url;
    const char *language;
    const char *credit;      /* document-wide source credit, e.g. a wire agency ("TASS") */
    qd_span title_span;      /* where the title is in the text (empty if not in it) */
} qd_meta;

typedef enum qd_para_role {
    QD_PARA_BODY = 0,   /* article text */
    QD_PARA_TITLE,      /* the headline */
    QD_PARA_META,       /* date line, byline, dateline, outlet signature */
    QD_PARA_FURNITURE   /* menus, share buttons, teasers of other stories, comment forms */
} qd_para_role;

typedef struct qd_paragraph {
    qd_span span;
    qd_para_role role;
    uint32_t first_sentence;
    uint32_t n_sentences;
} qd_paragraph;

typedef struct qd_sentence {
    qd_span span;
    uint32_t paragraph;
    uint32_t first_token;
    uint32_t n_tokens;
} qd_sentence;

typedef struct qd_doc_internal qd_doc_internal;
struct qd_analysis;

typedef struct qd_doc {
    const char *path;       /* as given by the caller; for JSON records "file:LINE" or the URL */
    qd_input_kind kind;     /* what the input turned out to be */
    const char *text;       /* article text: valid UTF-8, no NUL bytes, NUL-terminated */
    size_t len;
    qd_meta meta;
    qd_paragraph *paragraphs;
    uint32_t n_paragraphs;
    qd_sentence *sentences;
    uint32_t n_sentences;
    const char **warnings;  /* things the reader should know (replaced bytes...) */
    uint32_t n_warnings;
    struct qd_analysis *analysis; /* NULL until qd_doc_analyze() */
    qd_doc_internal *in;    /* private: arena, tokens, offset map */
} qd_doc;

/* Read one document from bytes.  `path` names it in messages and output.
 * For JSON Lines holding several records use qd_reader instead. */
int qd_doc_parse(qd_doc **out, const char *path, const char *data, size_t len,
                 const qd_options *opt, const qd_lexicon *lx, qd_error *err);

/* Map an offset in doc->text to a byte offset in the original input. */
size_t qd_doc_source_offset(const qd_doc *doc, uint32_t text_offset);

void qd_doc_free(qd_doc *doc);

/*
 * Reading files that hold one or many documents (JSON Lines), one at a time, so a
 * large file never has to be in memory whole.
 */
typedef struct qd_reader qd_reader;

int qd_reader_open(qd_reader **out, const char *path, const qd_options *opt, qd_error *err);
/* 1 and *doc set: a document; 0: no more; <0: error (the reader may go on with the next
 * record after a bad one: call again). */
int qd_reader_next(qd_reader *r, const qd_lexicon *lx, qd_doc **doc, qd_error *err);
void qd_reader_close(qd_reader *r);

#ifdef __cplusplus
}
#endif
#endif
