/*
 * quotes.h - the quotes stage (pairing quotation marks into qd_quoted spans).
 */
#ifndef QD_QUOTES_H
#define QD_QUOTES_H

#include "../doc_internal.h"

int qd_quotes_find(qd_doc *doc, qd_analysis *an, qd_error *err);

#endif
