/*
 * quotes.h - the quotes stage (pairing quotation marks into qd_quoted spans).
 */
#ifndef QD_QUOTES_H
#define QD_QUOTES_H

#include "../doc_internal.h"

int qd_quotes_find(qd_doc *doc, qd_analysis *an, qd_error *err);

/* A transcript's speaker label right after a quotation mark that opens a paragraph
 * ("\"WALLACE: Let's start ...", "\"Chris Matthews: Seriously ..."): the token of its
 * colon, or 0 if there is none. */
uint32_t qd_quote_speaker_label(const qd_doc *doc, uint32_t mark);

#endif
