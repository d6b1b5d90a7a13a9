/*
 * quotediff/lexicon.h - the word lists the analysis runs on.
 *
 * Speech verbs (with their stance), cue phrases, function words, titles and roles,
 * first names, name variants, known people, outlets and agencies, and page-furniture
 * phrases are data, not code: the defaults are compiled into the library from
 * data/lexicons/, and users extend them with files of the same names in a directory
 * of their own (qd_lexicon_add_dir).  A lexicon is immutable once built and may be
 * shared by any number of threads.
 */
#ifndef QUOTEDIFF_LEXICON_H
#define QUOTEDIFF_LEXICON_H

#include "quotediff/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct qd_lexicon qd_lexicon;

/* Build the compiled-in lexicon. */
int qd_lexicon_new(qd_lexicon **out, qd_error *err);

/* Add the entries of every known lexicon file found in `dir` (e.g. dir/speech_verbs.tsv)
 * to the compiled-in ones.  Unknown files are ignored; a malformed line is an error that
 * names the file and line.  Must be called before the lexicon is shared. */
int qd_lexicon_add_dir(qd_lexicon *lx, const char *dir, qd_error *err);

/* Add one lexicon file; `kind` is its base name without extension ("speech_verbs"). */
int qd_lexicon_add_text(qd_lexicon *lx, const char *kind, const char *name, const char *text,
                        size_t len, qd_error *err);

/* The names of the lexicon kinds, NULL-terminated (for --help and documentation). */
const char *const *qd_lexicon_kinds(void);

void qd_lexicon_free(qd_lexicon *lx);

#ifdef __cplusplus
}
#endif
#endif
