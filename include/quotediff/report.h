/*
 * quotediff/report.h - rendering analysed documents for programs (JSON) and people (text).
 *
 * Renderers return malloc'd, NUL-terminated strings the caller frees; they never write
 * files (the CLI writes them atomically).
 */
#ifndef QUOTEDIFF_REPORT_H
#define QUOTEDIFF_REPORT_H

#include "quotediff/analysis.h"
#include "quotediff/common.h"
#include "quotediff/document.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
    QD_REPORT_WITH_TEXT = 1u << 0,  /* JSON: include the analysed text ("text") */
    QD_REPORT_COLOR = 1u << 1,      /* text: ANSI colours */
    QD_REPORT_PARAGRAPHS = 1u << 2  /* JSON: include paragraphs with their roles */
};

/* One line of `extract --format jsonl`: a JSON object without the newline. */
int qd_report_doc_json(const qd_doc *doc, unsigned flags, char **out, qd_error *err);

/* The readable listing of one document for `extract --format text`. */
int qd_report_doc_text(const qd_doc *doc, unsigned flags, char **out, qd_error *err);

#ifdef __cplusplus
}
#endif
#endif
