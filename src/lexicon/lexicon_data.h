/*
 * lexicon_data.h - the lexicon files compiled into the library (generated table).
 */
#ifndef QD_LEXICON_DATA_H
#define QD_LEXICON_DATA_H

#include <stddef.h>

typedef struct qd_embedded_lexicon {
    const char *kind;  /* "speech_verbs" */
    const char *file;  /* "speech_verbs.tsv" */
    const char *data;
    size_t len;
} qd_embedded_lexicon;

extern const qd_embedded_lexicon qd_embedded_lexicons[];

#endif
