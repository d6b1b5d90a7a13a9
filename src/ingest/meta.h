/*
 * meta.h - reading metadata out of text: dates, bylines, outlet names, URLs.
 * Shared by the plain-text, HTML and JSON readers.
 */
#ifndef QD_META_H
#define QD_META_H

#include <stdbool.h>
#include <stddef.h>

#include "../lexicon/lexicon.h"

#define QD_DATE_MAX 40

/* Find the first date (optionally with a time) in s[0..n).  On success writes ISO 8601
 * into iso ("2024-12-06T11:19", "2021-12-05", "2021-10-14T11:15:48.017Z") and the byte
 * range it was read from into *mstart and *mend. */
bool qd_find_date(const char *s, size_t n, char iso[QD_DATE_MAX], size_t *mstart, size_t *mend);

/* "By Tamilla Hasanova", "By Jane Doe and John Roe, CNN": writes the names into out. */
bool qd_parse_byline(const char *s, size_t n, char *out, size_t cap);

/* An outlet or agency by name or alias; with `fuzzy`, also within one edit of a known
 * name of at least four letters ("sena" -> SANA).  NULL if unknown. */
const qd_outlet *qd_find_outlet(const qd_lexicon *lx, const char *name, size_t n, bool fuzzy);

/* The outlet a URL belongs to: a known domain's outlet, else NULL; *host receives the host
 * name without "www." (cap bytes). */
const qd_outlet *qd_outlet_from_url(const qd_lexicon *lx, const char *url, char *host, size_t cap);

/* Does the name look like a web domain ("Caliber.az")? */
bool qd_domain_like(const char *s, size_t n);

/* An agency credited in a dateline ("Moscow, SANA-", "MOSCOW (Reuters) -") or, unless
 * dateline_only, in a "Source: sena" line (agency names matched within one edit). */
const qd_outlet *qd_credit_in(const qd_lexicon *lx, const char *s, size_t n, bool dateline_only);

#endif
