/*
 * meta.c - dates, bylines and outlet names read out of free text (see meta.h).
 *
 * The date reader accepts the forms news pages print: ISO 8601 stamps, "06 December
 * 2024 11:19", "Sunday, December 5, 2021", "Dec. 5, 2021 3:04 PM", "2021/10/14".  It
 * rejects impossible dates rather than guessing.
 */
#include "meta.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"

static const char *const month_names[12] = {"january", "february", "march",     "april",
                                            "may",     "june",     "july",      "august",
                                            "september", "october", "november", "december"};

/* Month number (1-12) of a word like "December", "Dec", "Sept"; 0 if none. */
static int month_of(const char *w, size_t n)
{
    if (n < 3 || n > 9)
        return 0;
    char low[10];
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = '\0';
    for (int m = 0; m < 12; m++) {
        size_t ml = strlen(month_names[m]);
        if (n == ml && memcmp(low, month_names[m], n) == 0)
            return m + 1;
        if (n == 3 && memcmp(low, month_names[m], 3) == 0)
            return m + 1;
        if (n == 4 && m == 8 && memcmp(low, "sept", 4) == 0)
            return 9;
    }
    return 0;
}

static bool valid_date(int y, int m, int d)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return false;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return false;
    return true;
}

typedef struct cursor {
    const char *s;
    size_t n, i;
} cursor;

static size_t digits(cursor *c, int maxd, int *val)
{
    size_t j = c->i;
    int v = 0, k = 0;
    while (j < c->n && isdigit((unsigned char)c->s[j]) && k < maxd) {
        v = v * 10 + (c->s[j] - '0');
        j++;
        k++;
    }
    if (j < c->n && isdigit((unsigned char)c->s[j]))
        return 0; /* too many digits */
    if (k == 0)
        return 0;
    *val = v;
    size_t used = (size_t)k;
    c->i = j;
    return used;
}

static void skip_spaces(cursor *c)
{
    while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t' || (unsigned char)c->s[c->i] == 0xC2)) {
        if ((unsigned char)c->s[c->i] == 0xC2) { /* NBSP */
            if (c->i + 1 < c->n && (unsigned char)c->s[c->i + 1] == 0xA0)
                c->i += 2;
            else
                break;
        } else {
            c->i++;
        }
    }
}

static size_t word_len(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && isalpha((unsigned char)s[j]))
        j++;
    return j - i;
}

/* Optional time after a date: " 11:19", ", 3:04 PM", " at 11:19:05", " - 11:19".
 * Appends "THH:MM[:SS]" to iso on success. */
static void read_time(cursor *c, char *iso)
{
    cursor save = *c;
    skip_spaces(c);
    if (c->i < c->n && (c->s[c->i] == ',' || c->s[c->i] == '|' || c->s[c->i] == '-' || c->s[c->i] == '/'))
        c->i++;
    skip_spaces(c);
    if (c->i + 2 < c->n && strncasecmp(c->s + c->i, "at ", 3) == 0)
        c->i += 3;
    int h, m, sec = -1;
    if (!digits(c, 2, &h) || c->i >= c->n || (c->s[c->i] != ':' && c->s[c->i] != '.')) {
        *c = save;
        return;
    }
    c->i++;
    if (digits(c, 2, &m) != 2) {
        *c = save;
        return;
    }
    if (c->i + 1 < c->n && c->s[c->i] == ':' && isdigit((unsigned char)c->s[c->i + 1])) {
        c->i++;
        if (digits(c, 2, &sec) != 2) {
            *c = save;
            return;
        }
    }
    cursor before_ampm = *c;
    skip_spaces(c);
    size_t wl = 0;
    const char *p = c->s + c->i;
    size_t left = c->n - c->i;
    if (left >= 2 && (strncasecmp(p, "pm", 2) == 0 || strncasecmp(p, "am", 2) == 0))
        wl = 2;
    else if (left >= 4 && (strncasecmp(p, "p.m.", 4) == 0 || strncasecmp(p, "a.m.", 4) == 0))
        wl = 4;
    if (wl && (c->i + wl >= c->n || !isalpha((unsigned char)c->s[c->i + wl]))) {
        bool pm = tolower((unsigned char)p[0]) == 'p';
        if (h < 1 || h > 12) {
            *c = save;
            return;
        }
        if (pm && h != 12)
            h += 12;
        if (!pm && h == 12)
            h = 0;
        c->i += wl;
    } else {
        *c = before_ampm;
    }
    if (h > 23 || m > 59 || sec > 59) {
        *c = save;
        return;
    }
    size_t l = strlen(iso);
    if (sec >= 0)
        snprintf(iso + l, QD_DATE_MAX - l, "T%02d:%02d:%02d", h, m, sec);
    else
        snprintf(iso + l, QD_DATE_MAX - l, "T%02d:%02d", h, m);
}

/* ISO 8601 at c->i: 2021-10-14[T11:15:48.017Z] */
static bool read_iso(cursor *c, char *iso)
{
    cursor save = *c;
    int y, mo, d;
    if (digits(c, 4, &y) != 4 || c->i >= c->n || (c->s[c->i] != '-' && c->s[c->i] != '/')) {
        *c = save;
        return false;
    }
    char sep = c->s[c->i++];
    if (digits(c, 2, &mo) != 2 || c->i >= c->n || c->s[c->i] != sep) {
        *c = save;
        return false;
    }
    c->i++;
    if (digits(c, 2, &d) != 2 || !valid_date(y, mo, d)) {
        *c = save;
        return false;
    }
    snprintf(iso, QD_DATE_MAX, "%04d-%02d-%02d", y, mo, d);
    if (c->i < c->n && (c->s[c->i] == 'T' || c->s[c->i] == ' ') && sep == '-') {
        cursor t = *c;
        t.i++;
        int h, m, s = -1;
        if (digits(&t, 2, &h) == 2 && t.i < t.n && t.s[t.i] == ':') {
            t.i++;
            if (digits(&t, 2, &m) == 2 && h < 24 && m < 60) {
                char frac[12] = "";
                if (t.i + 1 < t.n && t.s[t.i] == ':' && isdigit((unsigned char)t.s[t.i + 1])) {
                    t.i++;
                    if (digits(&t, 2, &s) != 2 || s > 60)
                        s = -1;
                    if (s >= 0 && t.i + 1 < t.n && t.s[t.i] == '.' && isdigit((unsigned char)t.s[t.i + 1])) {
                        size_t k = 0;
                        frac[k++] = '.';
                        t.i++;
                        while (t.i < t.n && isdigit((unsigned char)t.s[t.i])) {
                            if (k < 10)
                                frac[k++] = t.s[t.i];
                            t.i++;
                        }
                        frac[k] = '\0';
                    }
                }
                char zone[16] = "";
                if (t.i < t.n && t.s[t.i] == 'Z') {
                    strcpy(zone, "Z");
                    t.i++;
                } else if (t.i + 2 < t.n && (t.s[t.i] == '+' || t.s[t.i] == '-') &&
                           isdigit((unsigned char)t.s[t.i + 1]) && isdigit((unsigned char)t.s[t.i + 2])) {
                    int zh = (t.s[t.i + 1] - '0') * 10 + (t.s[t.i + 2] - '0');
                    char sign = t.s[t.i];
                    t.i += 3;
                    int zm = 0;
                    if (t.i < t.n && t.s[t.i] == ':')
                        t.i++;
                    if (t.i + 1 < t.n && isdigit((unsigned char)t.s[t.i]) && isdigit((unsigned char)t.s[t.i + 1])) {
                        zm = (t.s[t.i] - '0') * 10 + (t.s[t.i + 1] - '0');
                        t.i += 2;
                    }
                    if (zh <= 14 && zm < 60)
                        snprintf(zone, sizeof(zone), "%c%02d:%02d", sign, zh, zm);
                }
                size_t l = strlen(iso);
                if (s >= 0)
                    snprintf(iso + l, QD_DATE_MAX - l, "T%02d:%02d:%02d%s%s", h, m, s, frac, zone);
                else
                    snprintf(iso + l, QD_DATE_MAX - l, "T%02d:%02d%s", h, m, zone);
                *c = t;
            }
        }
    }
    return true;
}

/* "06 December 2024", "5th Dec. 2021", "December 5, 2021", "Dec 5 2021" */
static bool read_words_date(cursor *c, char *iso)
{
    cursor save = *c;
    int d = 0, m = 0, y = 0;
    if (c->i < c->n && isdigit((unsigned char)c->s[c->i])) {
        if (!digits(c, 2, &d)) {
            *c = save;
            return false;
        }
        size_t wl = word_len(c->s, c->n, c->i);
        if (wl == 2 && (strncasecmp(c->s + c->i, "st", 2) == 0 || strncasecmp(c->s + c->i, "nd", 2) == 0 ||
                        strncasecmp(c->s + c->i, "rd", 2) == 0 || strncasecmp(c->s + c->i, "th", 2) == 0))
            c->i += 2;
        skip_spaces(c);
        if (c->i + 3 < c->n && strncasecmp(c->s + c->i, "of ", 3) == 0)
            c->i += 3;
        wl = word_len(c->s, c->n, c->i);
        m = month_of(c->s + c->i, wl);
        if (!m) {
            *c = save;
            return false;
        }
        c->i += wl;
        if (c->i < c->n && c->s[c->i] == '.')
            c->i++;
        if (c->i < c->n && c->s[c->i] == ',')
            c->i++;
        skip_spaces(c);
        if (digits(c, 4, &y) != 4) {
            *c = save;
            return false;
        }
    } else {
        size_t wl = word_len(c->s, c->n, c->i);
        m = month_of(c->s + c->i, wl);
        if (!m) {
            *c = save;
            return false;
        }
        c->i += wl;
        if (c->i < c->n && c->s[c->i] == '.')
            c->i++;
        skip_spaces(c);
        size_t dd = digits(c, 2, &d);
        if (!dd) {
            *c = save;
            return false;
        }
        size_t sl = word_len(c->s, c->n, c->i);
        if (sl == 2)
            c->i += 2;
        if (c->i < c->n && c->s[c->i] == ',')
            c->i++;
        skip_spaces(c);
        if (digits(c, 4, &y) != 4) {
            *c = save;
            return false;
        }
    }
    if (!valid_date(y, m, d)) {
        *c = save;
        return false;
    }
    snprintf(iso, QD_DATE_MAX, "%04d-%02d-%02d", y, m, d);
    return true;
}

bool qd_find_date(const char *s, size_t n, char iso[QD_DATE_MAX], size_t *mstart, size_t *mend)
{
    /* Every form read has a year of four digits: most text has no four digits in a
     * row and needs no other test. */
    size_t run = 0;
    for (size_t i = 0; i < n && run < 4; i++)
        run = (unsigned)(s[i] - '0') < 10u ? run + 1 : 0;
    if (run < 4)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        /* dates start at a word boundary */
        if (i > 0 && isalnum((unsigned char)s[i - 1]))
            continue;
        if (!isalnum(ch))
            continue;
        cursor c = {s, n, i};
        iso[0] = '\0';
        if (isdigit(ch) && read_iso(&c, iso)) {
            if (strchr(iso, 'T') == NULL)
                read_time(&c, iso);
        } else {
            c.i = i;
            if (!read_words_date(&c, iso))
                continue;
            read_time(&c, iso);
        }
        *mstart = i;
        *mend = c.i;
        /* A leading weekday belongs to the date: "Sunday, December 5, 2021". */
        static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday"};
        size_t j = i;
        while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == ','))
            j--;
        size_t k = j;
        while (k > 0 && isalpha((unsigned char)s[k - 1]))
            k--;
        for (int d = 0; d < 7; d++) {
            size_t dl = strlen(days[d]);
            if ((j - k == dl && strncasecmp(s + k, days[d], dl) == 0) ||
                (j - k == 3 && strncasecmp(s + k, days[d], 3) == 0))
                *mstart = k;
        }
        return true;
    }
    return false;
}

bool qd_parse_byline(const char *s, size_t n, char *out, size_t cap)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    static const char *const leads[] = {"by ", "written by ", "author: ", "authors: ", "reporting by "};
    size_t lead = 0;
    for (size_t k = 0; k < sizeof(leads) / sizeof(leads[0]); k++) {
        size_t l = strlen(leads[k]);
        if (n - i > l && strncasecmp(s + i, leads[k], l) == 0) {
            lead = l;
            break;
        }
    }
    if (!lead)
        return false;
    i += lead;
    /* Names: capitalised words, joined by "and", "&" or ","; stop at a separator. */
    size_t o = 0;
    int words = 0;
    bool want_name = true;
    while (i < n) {
        while (i < n && (s[i] == ' ' || (unsigned char)s[i] == 0xC2 || (unsigned char)s[i] == 0xA0))
            i++;
        if (i >= n)
            break;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != ',' && s[j] != '|' && s[j] != '\t' &&
               (unsigned char)s[j] != 0xC2)
            j++;
        size_t wl = j - i;
        if (wl == 0) {
            if (s[j] == ',') {
                /* "By Jane Doe, CNN": a comma ends the names unless "and" follows */
                size_t k = j + 1;
                while (k < n && s[k] == ' ')
                    k++;
                if (n - k > 4 && strncasecmp(s + k, "and ", 4) == 0) {
                    i = k;
                    continue;
                }
            }
            break;
        }
        bool joiner = (wl == 3 && strncasecmp(s + i, "and", 3) == 0) || (wl == 1 && s[i] == '&');
        if (joiner) {
            if (want_name || o + 6 >= cap)
                break;
            memcpy(out + o, " and ", 5);
            o += 5;
            want_name = true;
            i = j;
            continue;
        }
        unsigned char c0 = (unsigned char)s[i];
        bool cap_word = isupper(c0) || c0 >= 0xC3; /* non-ASCII initials count */
        if (!cap_word)
            break;
        if (words >= 8 || o + wl + 2 >= cap)
            break;
        if (!want_name && o > 0)
            out[o++] = ' ';
        else if (want_name && o > 0 && out[o - 1] != ' ')
            out[o++] = ' ';
        memcpy(out + o, s + i, wl);
        o += wl;
        words++;
        want_name = false;
        i = j;
    }
    while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '.'))
        o--;
    out[o] = '\0';
    if (o >= 4 && strcmp(out + o - 4, " and") == 0) {
        o -= 4;
        out[o] = '\0';
    }
    /* at least one full name, and nothing that reads like a sentence after it */
    return words >= 2 && words <= 8;
}

static int edit_distance_le1(const char *a, size_t na, const char *b, size_t nb)
{
    if (na > nb + 1 || nb > na + 1)
        return 2;
    size_t i = 0, j = 0;
    int edits = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) {
            i++;
            j++;
            continue;
        }
        if (++edits > 1)
            return 2;
        if (na > nb)
            i++;
        else if (nb > na)
            j++;
        else {
            i++;
            j++;
        }
    }
    edits += (int)((na - i) + (nb - j));
    return edits;
}

const qd_outlet *qd_find_outlet(const qd_lexicon *lx, const char *name, size_t n, bool fuzzy)
{
    char key[256];
    if (n == 0 || n > 60)
        return NULL;
    size_t k = qd_lex_key(name, n, key);
    while (k > 0 && (key[k - 1] == '.' || key[k - 1] == ' ' || key[k - 1] == ','))
        k--;
    if (k == 0)
        return NULL;
    uint32_t idx;
    if (qd_lex_phrase(&lx->outlets, key, k, &idx))
        return &lx->outlet_list[idx];
    if (qd_strmap_get(&lx->outlet_domains, key, k, &idx))
        return &lx->outlet_list[idx];
    if (k > 4 && memcmp(key, "the ", 4) == 0 && qd_lex_phrase(&lx->outlets, key + 4, k - 4, &idx))
        return &lx->outlet_list[idx];
    if (!fuzzy || k < 4)
        return NULL;
    const qd_strmap *m = &lx->outlets.map;
    for (uint32_t i = 0; i < m->cap; i++) {
        const qd_strmap_slot *s = &m->slots[i];
        if (s->key && s->keylen >= 4 && edit_distance_le1(key, k, s->key, s->keylen) <= 1)
            return &lx->outlet_list[s->value];
    }
    return NULL;
}

const qd_outlet *qd_outlet_from_url(const qd_lexicon *lx, const char *url, char *host, size_t cap)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    const char *at = NULL;
    const char *e = p;
    while (*e && *e != '/' && *e != '?' && *e != '#') {
        if (*e == '@')
            at = e;
        e++;
    }
    if (at)
        p = at + 1;
    const char *colon = memchr(p, ':', (size_t)(e - p));
    if (colon)
        e = colon;
    if (e - p > 4 && strncasecmp(p, "www.", 4) == 0)
        p += 4;
    size_t n = (size_t)(e - p);
    if (cap == 0)
        return NULL;
    if (n >= cap)
        n = cap - 1;
    for (size_t i = 0; i < n; i++)
        host[i] = (char)tolower((unsigned char)p[i]);
    host[n] = '\0';
    /* edition.cnn.com -> cnn.com: try each parent domain */
    for (const char *h = host; h && *h; h = strchr(h, '.') ? strchr(h, '.') + 1 : NULL) {
        uint32_t idx;
        if (strchr(h, '.') == NULL)
            break;
        if (qd_strmap_get(&lx->outlet_domains, h, strlen(h), &idx))
            return &lx->outlet_list[idx];
    }
    return NULL;
}

bool qd_domain_like(const char *s, size_t n)
{
    /* letters '.' 2-6 letters at the end, no spaces */
    if (n < 4 || n > 60)
        return false;
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ')
            return false;
        if (s[i] == '.')
            dot = s + i;
    }
    if (!dot || dot == s)
        return false;
    size_t tld = n - (size_t)(dot - s) - 1;
    if (tld < 2 || tld > 6)
        return false;
    for (size_t i = 0; i < tld; i++)
        if (!isalpha((unsigned char)dot[1 + i]))
            return false;
    return isalpha((unsigned char)s[0]) != 0;
}

/* "Moscow, SANA-", "MOSCOW (Reuters) -", "Moscow-Sana": an agency credited in a dateline.
 * Also "Source: sena".  Returns the agency. */
const qd_outlet *qd_credit_in(const qd_lexicon *lx, const char *p, size_t len, bool dateline_only)
{
    uint32_t n = len > 4096 ? 4096 : (uint32_t)len;
    if (!dateline_only && n > 8 && strncasecmp(p, "source:", 7) == 0) {
        uint32_t a = 7;
        while (a < n && p[a] == ' ')
            a++;
        const qd_outlet *o = qd_find_outlet(lx, p + a, n - a, true);
        if (o)
            return o;
        return NULL;
    }
    /* first word a place (capitalised), then a separator, then the agency */
    uint32_t i = 0;
    while (i < n && i < 40 && (isalpha((unsigned char)p[i]) || (unsigned char)p[i] >= 0x80 || p[i] == ' '))
        i++;
    if (i == 0 || i >= n || i >= 40)
        return NULL;
    if (!(p[i] == ',' || p[i] == '(' || p[i] == '-'))
        return NULL;
    uint32_t a = i + 1;
    while (a < n && (p[a] == ' ' || p[a] == '('))
        a++;
    uint32_t b = a;
    while (b < n && (isalpha((unsigned char)p[b]) || p[b] == '.' || p[b] == '&'))
        b++;
    if (b == a || b - a > 30)
        return NULL;
    /* the agency is followed by a dash, bracket or the end of the line */
    uint32_t c = b;
    while (c < n && p[c] == ' ')
        c++;
    if (!(c >= n || p[c] == '-' || p[c] == ')' || (unsigned char)p[c] == 0xE2))
        return NULL;
    const qd_outlet *o = qd_find_outlet(lx, p + a, b - a, true);
    return o && o->kind == QD_AGENCY ? o : NULL;
}
