/*
 * manifest.c - what the user knows about the inputs, in a tab-separated file with a
 * header row: a column naming the file (path, file or filename) and any of url,
 * outlet (or publisher), date (or publication_date), title, byline (or author).  Rows
 * match an input by its path, its file name, or its file name without extension.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/arena.h"
#include "../util/io.h"
#include "../util/strmap.h"
#include "cli.h"

enum { COL_PATH, COL_URL, COL_OUTLET, COL_DATE, COL_TITLE, COL_BYLINE, N_COLS };

struct qd_manifest {
    qd_arena arena;
    qd_strmap rows;        /* key -> row index */
    char *(*cells)[N_COLS];
    uint32_t n, cap;
};

static int column_of(const char *name)
{
    static const struct {
        const char *name;
        int col;
    } names[] = {{"path", COL_PATH},   {"file", COL_PATH},     {"filename", COL_PATH},
                 {"url", COL_URL},     {"outlet", COL_OUTLET}, {"publisher", COL_OUTLET},
                 {"source", COL_OUTLET}, {"date", COL_DATE},   {"publication_date", COL_DATE},
                 {"title", COL_TITLE}, {"byline", COL_BYLINE}, {"author", COL_BYLINE}};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (!strcasecmp(name, names[i].name))
            return names[i].col;
    return -1;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static size_t stem_len(const char *b)
{
    const char *dot = strchr(b, '.');
    return dot ? (size_t)(dot - b) : strlen(b);
}

int qd_manifest_load(qd_manifest **out, const char *path)
{
    qd_error err;
    char *data;
    size_t len;
    if (qd_read_file(path, 1u << 30, &data, &len, &err) != 0) {
        fprintf(stderr, "quotediff: %s\n", err.msg);
        return -1;
    }
    qd_manifest *m = calloc(1, sizeof(*m));
    if (!m) {
        free(data);
        fprintf(stderr, "quotediff: out of memory\n");
        return -1;
    }
    qd_arena_init(&m->arena);
    qd_strmap_init(&m->rows, &m->arena);
    int map[64];
    int ncols = 0;
    unsigned line_no = 0;
    char *save = NULL;
    int rc = 0;
    for (char *line = strtok_r(data, "\n", &save); line && !rc; line = strtok_r(NULL, "\n", &save)) {
        line_no++;
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r')
            line[--ll] = '\0';
        char *fields[64];
        int nf = 0;
        for (char *p = line;;) {
            if (nf < 64)
                fields[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        if (line_no == 1) {
            ncols = nf;
            bool have_path = false;
            for (int i = 0; i < nf; i++) {
                map[i] = column_of(fields[i]);
                have_path |= map[i] == COL_PATH;
            }
            if (!have_path) {
                fprintf(stderr, "quotediff: %s:1: the header names no path, file or filename column\n", path);
                rc = -1;
            }
            continue;
        }
        char *(*row)[N_COLS] = QD_VEC_PUSH(&m->arena, m->cells, m->n, m->cap);
        if (!row) {
            rc = -1;
            break;
        }
        for (int i = 0; i < nf && i < ncols; i++)
            if (map[i] >= 0 && fields[i][0] && strcmp(fields[i], "None") != 0)
                (*row)[map[i]] = qd_arena_strdup(&m->arena, fields[i]);
        const char *p = (*row)[COL_PATH];
        if (!p) {
            fprintf(stderr, "quotediff: %s:%u: no file named\n", path, line_no);
            rc = -1;
            break;
        }
        uint32_t idx = m->n - 1;
        const char *b = base_name(p);
        if (qd_strmap_put(&m->rows, p, strlen(p), idx) || qd_strmap_put(&m->rows, b, strlen(b), idx) ||
            qd_strmap_put(&m->rows, b, stem_len(b), idx))
            rc = -1;
    }
    free(data);
    if (rc) {
        qd_manifest_free(m);
        return -1;
    }
    *out = m;
    return 0;
}

void qd_manifest_apply(const qd_manifest *m, const char *input, qd_options *opt)
{
    if (!m)
        return;
    uint32_t idx;
    const char *b = base_name(input);
    if (!qd_strmap_get(&m->rows, input, strlen(input), &idx) && !qd_strmap_get(&m->rows, b, strlen(b), &idx) &&
        !qd_strmap_get(&m->rows, b, stem_len(b), &idx))
        return;
    char *const *row = m->cells[idx];
    if (row[COL_URL])
        opt->url = row[COL_URL];
    if (row[COL_OUTLET])
        opt->outlet = row[COL_OUTLET];
    if (row[COL_DATE])
        opt->date = row[COL_DATE];
    if (row[COL_TITLE])
        opt->title = row[COL_TITLE];
    if (row[COL_BYLINE])
        opt->byline = row[COL_BYLINE];
}

void qd_manifest_free(qd_manifest *m)
{
    if (!m)
        return;
    qd_arena_release(&m->arena);
    free(m);
}
