/*
 * main.c - the quotediff command line: a thin layer over libquotediff.
 *
 *   quotediff extract [--format jsonl|text] [-o FILE] INPUT...
 *   quotediff compare [--format text|md|html|json] [-o FILE] INPUT...
 *   quotediff body [-o DIR] INPUT...
 *
 * INPUT is a file, a directory (read recursively), or "-" (a list of paths on standard
 * input).  A bad input is reported with its name and makes the exit status non-zero,
 * but the other inputs are still processed; reports are written whole or not at all.
 */
#define _GNU_SOURCE /* fopencookie */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static void usage(FILE *f)
{
    fputs("usage: quotediff COMMAND [OPTIONS] INPUT...\n"
          "\n"
          "Who said what, through whom, and how outlets differ.\n"
          "\n"
          "commands:\n"
          "  extract   statements (quotes and reported speech) with speakers, cues and\n"
          "            provenance, per document\n"
          "  compare   line up the coverage of many documents: events, shared and\n"
          "            reworded quotes, attribution conflicts, share of voice\n"
          "  body      the article text extracted from each input\n"
          "  version   print the version\n"
          "\n"
          "INPUT is a file (text, HTML, JSON or JSON Lines, optionally gzip-compressed),\n"
          "a directory (read recursively) or - (paths, one per line, on standard input).\n"
          "Run 'quotediff COMMAND --help' for the options of a command.\n",
          f);
}

/* Messages name files and quote what inputs hold (a file name, a manifest's date): on a
 * terminal, control characters among them must not reach it as escape sequences. */
static ssize_t stderr_write(void *cookie, const char *buf, size_t n)
{
    (void)cookie;
    char clean[4096];
    size_t done = 0;
    while (done < n) {
        size_t k = n - done < sizeof(clean) ? n - done : sizeof(clean);
        for (size_t i = 0; i < k; i++) {
            unsigned char c = (unsigned char)buf[done + i];
            clean[i] = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f ? '?' : (char)c;
        }
        for (size_t w = 0; w < k;) {
            ssize_t r = write(STDERR_FILENO, clean + w, k - w);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                return done ? (ssize_t)done : -1;
            w += (size_t)r;
        }
        done += k;
    }
    return (ssize_t)n;
}

int main(int argc, char **argv)
{
    qd_cli_signals_start();
    if (isatty(STDERR_FILENO)) {
        cookie_io_functions_t io = {NULL, stderr_write, NULL, NULL};
        FILE *f = fopencookie(NULL, "w", io);
        if (f) {
            setvbuf(f, NULL, _IOLBF, 0);
            stderr = f;
        }
    }
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
        printf("quotediff %s\n", QD_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "extract"))
        return qd_cmd_extract(argc - 1, argv + 1);
    if (!strcmp(cmd, "compare"))
        return qd_cmd_compare(argc - 1, argv + 1);
    if (!strcmp(cmd, "body"))
        return qd_cmd_body(argc - 1, argv + 1);
    fprintf(stderr, "quotediff: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
