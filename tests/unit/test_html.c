/*
 * test_html.c - HTML pages in: the article found among page furniture, metadata from
 * tags and schema.org data, charsets, broken and hostile markup, and the seed articles
 * as web pages reading the same as the plain text.
 */
#include "testutil.h"

#define FIX(n) "tests/fixtures/seeds/" n

static qd_doc *html_doc(const char *html, const qd_options *opt)
{
    qd_doc *doc = NULL;
    qd_error err;
    qd_error_clear(&err);
    if (qd_doc_parse(&doc, "page.html", html, strlen(html), opt, test_lexicon(), &err) != 0)
        fail_msg("parse failed: %s", err.msg);
    assert_int_equal(doc->kind, QD_INPUT_HTML);
    return doc;
}

/* A file through the reader (gzip and all), analysed. */
static qd_doc *read_one(const char *path)
{
    qd_reader *r;
    qd_error err;
    qd_doc *doc = NULL;
    if (qd_reader_open(&r, path, NULL, &err) != 0)
        fail_msg("open failed: %s", err.msg);
    if (qd_reader_next(r, test_lexicon(), &doc, &err) != 1)
        fail_msg("read failed: %s", err.msg);
    qd_reader_close(r);
    if (qd_doc_analyze(doc, test_lexicon(), &err) != 0)
        fail_msg("analysis failed: %s", err.msg);
    return doc;
}

/* The article text as `quotediff body` prints it: body paragraphs only. */
static char *body_of(const qd_doc *doc)
{
    size_t cap = doc->len + 1, o = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    for (uint32_t i = 0; i < doc->n_paragraphs; i++) {
        const qd_paragraph *p = &doc->paragraphs[i];
        if (p->role != QD_PARA_BODY)
            continue;
        size_t n = p->span.end - p->span.start;
        if (o && o + 1 < cap)
            s[o++] = '\n';
        memcpy(s + o, doc->text + p->span.start, n);
        o += n;
    }
    s[o] = '\0';
    return s;
}

static const char *const PAGE =
    "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
    "<title>Ministers agree to meet again in Geneva | The Daily Example</title>"
    "<link rel=\"canonical\" href=\"https://www.example.com/world/ministers-geneva\">"
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\","
    "\"name\":\"The Daily Example\"},{\"@type\":\"NewsArticle\",\"headline\":\"Ministers agree to meet again\","
    "\"datePublished\":\"2024-03-05T09:30:00Z\",\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Roe\"},"
    "{\"@type\":\"Person\",\"name\":\"John Doe\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Daily "
    "Example\"}}]}</script>"
    "<style>p { color: red }</style></head><body>"
    "<nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav>"
    "<div class=\"cookie-notice\"><p>We use cookies to give you the best experience, and by staying you agree.</p></div>"
    "<div class=\"layout\"><div class=\"story-body\">"
    "<h1>Ministers agree to meet again in Geneva</h1>"
    "<p class=\"byline\">By Jane Roe and John Doe</p>"
    "<figure><img src=\"a.jpg\"><figcaption>The two ministers before the talks, in a photo by an agency.</figcaption></figure>"
    "<p>The foreign ministers of both countries agreed on Tuesday to meet again in Geneva next month, after talks "
    "that lasted more than three hours, officials said.</p>"
    "<p>\xe2\x80\x9cWe have made progress, but there is a long way to go,\xe2\x80\x9d the minister told reporters "
    "after the meeting, adding that both sides would keep working.</p>"
    "<h2>What comes next</h2>"
    "<p>Experts said the meeting, the first in a year, was a sign that <a href=\"/x\">relations</a> were thawing, "
    "though deep differences remain over trade, security and the future of the treaty.</p>"
    "<blockquote><p>The talks were frank and useful, and we will continue them in the spring.</p></blockquote>"
    "<ul><li>Talks lasted three hours, and covered trade.</li><li>The next round is in Geneva, next month.</li></ul>"
    "<div class=\"share-tools\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on Twitter</a></div>"
    "<p style=\"display:none\">Hidden text that no reader sees, and which must stay out.</p>"
    "</div>"
    "<aside class=\"related\"><h3>Related stories</h3><ul><li><a href=\"/1\">Another story about something else "
    "entirely, with a long teaser headline</a></li><li><a href=\"/2\">Yet another story about the markets today</a>"
    "</li></ul></aside></div>"
    "<section id=\"comments\"><p>\xe2\x80\x9cThis is fake news,\xe2\x80\x9d wrote a reader, who disagreed strongly "
    "with everything.</p></section>"
    "<footer><p>Copyright 2024 The Daily Example. All rights reserved, and so on and so forth.</p></footer>"
    "</body></html>";

static void test_article_among_furniture(void **state)
{
    (void)state;
    qd_doc *doc = html_doc(PAGE, NULL);
    char *body = body_of(doc);
    assert_non_null(strstr(body, "The foreign ministers of both countries agreed"));
    assert_non_null(strstr(body, "We have made progress"));
    assert_non_null(strstr(body, "What comes next"));             /* a heading inside the article */
    assert_non_null(strstr(body, "relations were thawing"));      /* inline link text kept in place */
    assert_non_null(strstr(body, "frank and useful"));            /* blockquote */
    assert_non_null(strstr(body, "The next round is in Geneva")); /* list items */
    assert_null(strstr(body, "Home"));
    assert_null(strstr(body, "cookies"));
    assert_null(strstr(body, "Share on"));
    assert_null(strstr(body, "Related stories"));
    assert_null(strstr(body, "Another story"));
    assert_null(strstr(body, "fake news"));
    assert_null(strstr(body, "Copyright"));
    assert_null(strstr(body, "Hidden text"));
    assert_null(strstr(body, "photo by an agency")); /* caption */
    assert_null(strstr(body, "By Jane Roe"));        /* byline: meta, not body */
    assert_null(strstr(body, "color: red"));
    /* the headline is the title paragraph, not repeated in the body */
    assert_int_equal(doc->paragraphs[0].role, QD_PARA_TITLE);
    assert_null(strstr(body, "Ministers agree to meet again in Geneva"));
    /* paragraphs stay paragraphs */
    assert_non_null(strstr(doc->text, "officials said.\n\n"));
    free(body);
    qd_doc_free(doc);
}

static void test_metadata(void **state)
{
    (void)state;
    qd_doc *doc = html_doc(PAGE, NULL);
    /* no og:title: the JSON-LD headline */
    assert_string_equal(doc->meta.title, "Ministers agree to meet again");
    assert_string_equal(doc->meta.date, "2024-03-05T09:30:00Z");
    assert_string_equal(doc->meta.byline, "Jane Roe and John Doe");
    assert_string_equal(doc->meta.outlet, "The Daily Example");
    assert_string_equal(doc->meta.url, "https://www.example.com/world/ministers-geneva");
    assert_string_equal(doc->meta.language, "en-GB");
    qd_doc_free(doc);

    /* meta tags, <time>, and a <title> carrying the site name */
    doc = html_doc("<html><head><title>Rain expected all week - Weather Now</title>"
                   "<meta property=\"og:site_name\" content=\"Weather Now\">"
                   "<meta name=\"author\" content=\"Ann Lee\"></head><body><article>"
                   "<time datetime=\"2023-11-02T07:00:00+01:00\">2 November</time>"
                   "<p>Rain is expected for the whole week across the north, with strong winds, forecasters said, "
                   "and temperatures well below the seasonal average.</p></article></body></html>",
                   NULL);
    assert_string_equal(doc->meta.title, "Rain expected all week");
    assert_string_equal(doc->meta.date, "2023-11-02T07:00:00+01:00");
    assert_string_equal(doc->meta.byline, "Ann Lee");
    assert_string_equal(doc->meta.outlet, "Weather Now");
    qd_doc_free(doc);

    /* no site name: the domain of the URL the caller knows */
    qd_options opt;
    qd_options_init(&opt);
    opt.url = "https://www.caliber.az/post/123";
    doc = html_doc("<html><body><h1>Headline here</h1><p>Some article text, long enough to be the body of "
                   "this page, with a comma or two.</p></body></html>",
                   &opt);
    assert_string_equal(doc->meta.title, "Headline here");
    assert_string_equal(doc->meta.outlet, "Caliber.Az");
    qd_doc_free(doc);
}

static void test_quote_offsets_point_into_text(void **state)
{
    (void)state;
    qd_doc *doc = html_doc(PAGE, NULL);
    qd_error err;
    assert_int_equal(qd_doc_analyze(doc, test_lexicon(), &err), 0);
    const qd_statement *st = test_find(doc, "We have made progress");
    assert_non_null(st);
    const char *want = "\xe2\x80\x9cWe have made progress";
    assert_memory_equal(doc->text + st->pieces[0].start, want, strlen(want));
    assert_int_equal(qd_doc_source_offset(doc, st->pieces[0].start), st->pieces[0].start);
    assert_null(test_find(doc, "This is fake news")); /* comments are not the article */
    qd_doc_free(doc);
}

static void test_charsets(void **state)
{
    (void)state;
    /* Windows-1252 declared in a meta tag: curly quotes and accents come out as UTF-8 */
    const char *cp1252 = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                         "</head><body><p>\x93" "Caf\xe9 society is back,\x94 said the owner of the caf\xe9, who has run "
                         "it since 1990.</p></body></html>";
    qd_doc *doc = html_doc(cp1252, NULL);
    assert_non_null(strstr(doc->text, "\xe2\x80\x9c" "Caf\xc3\xa9 society is back,\xe2\x80\x9d"));
    qd_doc_free(doc);
    /* a UTF-8 BOM, and a page that says Latin-1 but is written in UTF-8 */
    doc = html_doc("\xef\xbb\xbf<html><head><meta charset=\"iso-8859-1\"></head><body><p>R\xc3\xa9gl\xc3\xa9 "
                   "d\xe2\x80\x99" "avance, the plan was approved by the council on Monday evening.</p></body></html>",
                   NULL);
    assert_non_null(strstr(doc->text, "R\xc3\xa9gl\xc3\xa9 d\xe2\x80\x99" "avance"));
    qd_doc_free(doc);
    /* UTF-8 with one stray byte: still UTF-8, the byte replaced */
    doc = html_doc("<html><head><meta charset=\"utf-8\"></head><body><p>\xe2\x80\x9c" "Caf\xc3\xa9s are back,\xe2\x80\x9d "
                   "said the owner \x97" " who has run one since 1990, in the old town.</p></body></html>",
                   NULL);
    assert_non_null(strstr(doc->text, "\xe2\x80\x9c" "Caf\xc3\xa9s are back,\xe2\x80\x9d said the owner \xef\xbf\xbd" " who"));
    qd_doc_free(doc);
    /* UTF-16 with its BOM, told from content */
    static const char u16[] = "\xff\xfe<\0p\0>\0\x1c\x20W\0e\0 \0w\0o\0n\0,\0\x1d\x20 \0s\0h\0e\0 \0s\0"
                              "a\0i\0d\0.\0<\0/\0p\0>\0";
    qd_doc *d16 = NULL;
    qd_error err;
    assert_int_equal(qd_doc_parse(&d16, "u16.html", u16, sizeof(u16) - 1, NULL, test_lexicon(), &err), 0);
    assert_int_equal(d16->kind, QD_INPUT_HTML);
    assert_non_null(strstr(d16->text, "\xe2\x80\x9cWe won,\xe2\x80\x9d she said."));
    qd_doc_free(d16);
    /* no declaration and bytes that are not UTF-8: Windows-1252 */
    doc = html_doc("<html><body><p>Na\xef" "ve text from an old page, with a comma, and enough words.</p></body></html>",
                   NULL);
    assert_non_null(strstr(doc->text, "Na\xc3\xaf" "ve"));
    qd_doc_free(doc);
}

static void test_broken_and_deep_markup(void **state)
{
    (void)state;
    /* unclosed and misnested tags, stray end tags, an unterminated comment: a tree anyway */
    qd_doc *doc = html_doc("<html><body><div><p>First paragraph, with <b>bold <i>and</b> italic</i> text that "
                           "goes on for a while.</div></span><p>Second paragraph<p>Third, with <a href=x>a link"
                           "</p><!-- never closed",
                           NULL);
    assert_non_null(strstr(doc->text, "First paragraph, with bold and italic text"));
    qd_doc_free(doc);
    /* garbage that is barely markup */
    static const char *const junk[] = {"<html>", "<html><body></body></html>", "<html><<<<>>>>&&&&;;</html>",
                                       "<!DOCTYPE html><html><body><script>document.write('<p>x')</script>",
                                       "<html>\x01\x02\x03\xff\xfe<body>\x80\x81</body>"};
    for (size_t i = 0; i < sizeof(junk) / sizeof(junk[0]); i++) {
        qd_doc *d = NULL;
        qd_error err;
        qd_options opt;
        qd_options_init(&opt);
        opt.input = QD_INPUT_HTML;
        int rc = qd_doc_parse(&d, "junk.html", junk[i], strlen(junk[i]), &opt, test_lexicon(), &err);
        if (rc == 0) {
            assert_int_equal(qd_doc_analyze(d, test_lexicon(), &err), 0);
            qd_doc_free(d);
        } else {
            assert_non_null(strstr(err.msg, "junk.html"));
        }
    }
    /* nesting far deeper than max_depth: no stack overflow, and text under the limit is
     * read as its ancestor's */
    size_t depth = 200000;
    const char *open_tag = "<div><span>", *close_tag = "</span></div>";
    const char *mid = "<p>Deep inside, a paragraph, with commas, long enough to count as text.</p>";
    size_t n = strlen("<html><body>") + depth * (strlen(open_tag) + strlen(close_tag)) + strlen(mid) + 32;
    char *deep = malloc(n);
    assert_non_null(deep);
    char *p = deep;
    p += sprintf(p, "<html><body>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "%s", open_tag);
    p += sprintf(p, "%s", mid);
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "%s", close_tag);
    sprintf(p, "</body></html>");
    doc = html_doc(deep, NULL);
    qd_doc_free(doc);
    free(deep);
    qd_options opt;
    qd_options_init(&opt);
    opt.max_depth = 6;
    doc = html_doc("<html><body><div><div><div><div><div><div><div><div><p>Nested below the depth limit, this "
                   "paragraph, with commas, is still read.</p></div></div></div></div></div></div></div></div>"
                   "</body></html>",
                   &opt);
    assert_non_null(strstr(doc->text, "Nested below the depth limit"));
    qd_doc_free(doc);
}

static void test_metadata_shown_on_the_page(void **state)
{
    (void)state;
    /* no meta tags: the author link, the <time> text and the first heading */
    qd_doc *doc = html_doc("<html><body><article><h1>Storm closes the harbour</h1>"
                           "<p>By <a rel=\"author\" href=\"/staff/ann\">Ann Lee</a></p>"
                           "<time>March 4, 2022</time>"
                           "<p>The harbour was closed on Friday as the storm reached the coast, with winds, rain and "
                           "high waves expected until the weekend, officials said.</p></article></body></html>",
                           NULL);
    assert_string_equal(doc->meta.title, "Storm closes the harbour");
    assert_string_equal(doc->meta.byline, "Ann Lee");
    assert_string_equal(doc->meta.date, "2022-03-04");
    qd_doc_free(doc);
}

static void test_schema_org_body_when_markup_is_empty(void **state)
{
    (void)state;
    /* a page that fills its text in with scripts: the markup has a teaser, the JSON-LD
     * the article */
    char ld[4096];
    char body[2048] = "";
    for (int i = 0; i < 8; i++)
        snprintf(body + strlen(body), sizeof(body) - strlen(body),
                 "Paragraph %d of the article says something, at some length, about the council vote.\\n", i + 1);
    snprintf(ld, sizeof(ld),
             "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": "
             "\"Council votes\", \"articleBody\": \"%s\"}</script></head><body><div id=\"app\"><p>Council "
             "votes, a teaser of the story, as the page loads.</p></div></body></html>",
             body);
    qd_doc *doc = html_doc(ld, NULL);
    assert_non_null(strstr(doc->text, "Paragraph 8 of the article"));
    assert_non_null(strstr(doc->text, "council vote.\n\nParagraph 2"));
    qd_doc_free(doc);
}

static void test_tables_embeds_and_split_articles(void **state)
{
    (void)state;
    /* a results table: rows kept, cells of a row on one line, whatever the row classes */
    qd_doc *doc = html_doc("<html><body><div class=\"entry\"><p>Final standings of the season, after all "
                           "thirty-six races, are below.</p><table><tr class=\"colhead\"><td>Pos.</td><td>Driver</td>"
                           "<td>Points</td></tr><tr class=\"oddrow player-1\"><td>1</td><td>Kyle Busch</td><td>5040"
                           "</td></tr><tr class=\"evenrow player-2\"><td>2</td><td>Martin Truex Jr.</td><td>5035</td>"
                           "</tr></table></div></body></html>",
                           NULL);
    assert_non_null(strstr(doc->text, "1 Kyle Busch 5040\n\n2 Martin Truex Jr. 5035"));
    qd_doc_free(doc);
    /* an embedded post in a "social" wrapper is part of the story; the share bar is not */
    doc = html_doc("<html><body><article><p>People on social media were quick to point out the problem with the "
                   "slogan, and the campaign was mocked for days.</p><div class=\"social-media-embed\"><blockquote "
                   "class=\"twitter-tweet\"><p>Yes this is real and the state paid for it: <a href=\"https://t.co/x\">"
                   "https://t.co/x</a></p>&mdash; A Reader (@reader) <a href=\"https://twitter.com/r/1\">November 18, "
                   "2019</a></blockquote></div><p>The governor defended the campaign on Tuesday, saying it had people "
                   "talking about the problem.</p><div class=\"social-share\"><a href=\"#\">Facebook</a> <a "
                   "href=\"#\">Twitter</a></div></article></body></html>",
                   NULL);
    assert_non_null(strstr(doc->text, "Yes this is real"));
    assert_null(strstr(doc->text, "Facebook"));
    qd_doc_free(doc);
    /* an article in sections with a figure between them: both sections */
    doc = html_doc("<html><body><div class=\"wrap\"><section class=\"part\"><div><div><p>The first part of the "
                   "article tells how the discovery was made, in a lab, by a team of three, over two years of work."
                   "</p><p>It goes on for a while, with details, names, places, and the odd surprise along the way."
                   "</p></div></div></section><figure><img src=\"x.jpg\"><figcaption>A cell under the microscope"
                   "</figcaption></figure><section class=\"part\"><div><p>The second part of the article, longer, "
                   "tells what the discovery means, for medicine, for biology, and for the team.</p><p>Experts say "
                   "the result, if it holds, could change how infections are treated, and how fast.</p><p>More "
                   "work is planned next year, with a larger study, more labs, and more money.</p></div></section>"
                   "</div></body></html>",
                   NULL);
    assert_non_null(strstr(doc->text, "The first part of the article"));
    assert_non_null(strstr(doc->text, "More work is planned"));
    assert_null(strstr(doc->text, "microscope"));
    qd_doc_free(doc);
}

static void test_end_of_article(void **state)
{
    (void)state;
    /* the author's note and a "Share this:" lead-in close the article but are not
     * part of it; a quoted post with a handle at the very end is */
    qd_doc *doc = html_doc("<html><body><article><p>The council approved the budget on Monday, after a debate that "
                           "lasted most of the night, with cuts to roads and parks.</p><blockquote><p>We did what "
                           "we had to do, @citycouncil said in a post.</p></blockquote><p>Have a tip? Jane Roe may be "
                           "reached at jroe@example.com. Follow her on Twitter @janeroe.</p><p>Share this:</p>"
                           "</article></body></html>",
                           NULL);
    char *body = body_of(doc);
    assert_non_null(strstr(body, "We did what we had to do"));
    assert_null(strstr(body, "Have a tip"));
    assert_null(strstr(body, "Share this"));
    free(body);
    qd_doc_free(doc);
}

static void test_old_style_pages(void **state)
{
    (void)state;
    /* a layout table: menu, text and advertising in three cells; the text is in lines
     * broken by <br>, the article is short */
    qd_doc *doc = html_doc(
        "<html><body><table><tr><td class=\"menu\"><a href=\"/\">Home</a><br><a href=\"/news\">News</a><br>"
        "<a href=\"/contact\">Contact</a></td><td class=\"main\">The mayor opened the new bridge on Saturday, in "
        "front of a crowd of several hundred people, after two years of work.<br><br>\"This bridge joins two halves "
        "of our town,\" the mayor said, cutting the ribbon, while the band played.<br><br>The council will discuss "
        "the final bill, which is still being checked, at its next meeting.</td><td class=\"ads\"><a href=\"/ad\">"
        "Buy cars</a></td></tr></table></body></html>",
        NULL);
    char *body = body_of(doc);
    assert_non_null(strstr(body, "The mayor opened the new bridge"));
    assert_non_null(strstr(body, "two years of work.\n\"This bridge")); /* <br><br> is a break */
    assert_null(strstr(body, "Contact"));
    assert_null(strstr(body, "Buy cars"));
    free(body);
    qd_doc_free(doc);
    /* paragraphs as <div>s, a date line, a sidebar */
    doc = html_doc("<html><body><div id=\"content\"><h1>Rains flood the valley</h1><div class=\"when\">12 May 2021"
                   "</div><div>Heavy rains flooded the valley on Tuesday, cutting roads, closing schools, and forcing "
                   "families from their homes.</div><div>Rescue teams, helped by volunteers, worked through the night "
                   "to reach villages cut off by the water.</div></div><div id=\"sidebar\"><h3>Most read</h3><div><a "
                   "href=\"/1\">Story one</a></div></div></body></html>",
                   NULL);
    body = body_of(doc);
    assert_non_null(strstr(body, "Heavy rains flooded the valley"));
    assert_non_null(strstr(body, "Rescue teams"));
    assert_null(strstr(body, "12 May 2021"));
    assert_null(strstr(body, "Most read"));
    assert_string_equal(doc->meta.date, "2021-05-12");
    assert_string_equal(doc->meta.title, "Rains flood the valley");
    free(body);
    qd_doc_free(doc);
}

static void test_one_story_of_an_endless_page(void **state)
{
    (void)state;
    /* the page appends the next stories under the one asked for; the page's title
     * names the second one here */
    char page[8192] = "<html><head><meta property=\"og:title\" content=\"Bridge opens in the town\"></head><body>"
                      "<div class=\"stream\">";
    static const char *const heads[] = {"Storm closes the harbour", "Bridge opens in the town", "Council votes"};
    for (int k = 0; k < 3; k++) {
        snprintf(page + strlen(page), sizeof(page) - strlen(page), "<article class=\"story\"><h1>%s</h1>", heads[k]);
        for (int i = 0; i < 5; i++)
            snprintf(page + strlen(page), sizeof(page) - strlen(page),
                     "<p>Story %d, paragraph %d: words, commas, and enough of them to be read as running text.</p>",
                     k + 1, i + 1);
        snprintf(page + strlen(page), sizeof(page) - strlen(page), "</article>");
    }
    snprintf(page + strlen(page), sizeof(page) - strlen(page), "</div></body></html>");
    qd_doc *doc = html_doc(page, NULL);
    char *body = body_of(doc);
    assert_non_null(strstr(body, "Story 2, paragraph 1"));
    assert_non_null(strstr(body, "Story 2, paragraph 5"));
    assert_null(strstr(body, "Story 1,"));
    assert_null(strstr(body, "Story 3,"));
    free(body);
    qd_doc_free(doc);
}

static void test_detected_from_content(void **state)
{
    (void)state;
    /* a page saved under a .txt name is still HTML */
    const char *page = "\n  <!doctype html><html><body><p>Text of the page, long enough, with a comma.</p></body></html>";
    qd_doc *doc = NULL;
    qd_error err;
    assert_int_equal(qd_doc_parse(&doc, "saved.txt", page, strlen(page), NULL, test_lexicon(), &err), 0);
    assert_int_equal(doc->kind, QD_INPUT_HTML);
    qd_doc_free(doc);
}

/* The seeds as web pages: same title, date, byline, outlet, credit and statements as the
 * plain-text files they were made from. */
static void same_as_plain(const char *plain_path, const char *html_path)
{
    qd_doc *a = test_file(plain_path);
    qd_doc *b = read_one(html_path);
    assert_int_equal(b->kind, QD_INPUT_HTML);
#define SAME(f)                                                                                               \
    do {                                                                                                      \
        if (a->meta.f || b->meta.f) {                                                                         \
            assert_non_null(a->meta.f);                                                                       \
            assert_non_null(b->meta.f);                                                                       \
            assert_string_equal(a->meta.f, b->meta.f);                                                        \
        }                                                                                                     \
    } while (0)
    SAME(title);
    SAME(date);
    SAME(byline);
    SAME(outlet);
    SAME(credit);
#undef SAME
    assert_int_equal(a->analysis->n_statements, b->analysis->n_statements);
    for (uint32_t i = 0; i < a->analysis->n_statements; i++) {
        const qd_statement *x = &a->analysis->statements[i], *y = &b->analysis->statements[i];
        assert_int_equal(x->type, y->type);
        assert_int_equal(x->n_pieces, y->n_pieces);
        for (uint32_t k = 0; k < x->n_pieces; k++) {
            uint32_t lx = x->pieces[k].end - x->pieces[k].start, ly = y->pieces[k].end - y->pieces[k].start;
            assert_int_equal(lx, ly);
            assert_memory_equal(a->text + x->pieces[k].start, b->text + y->pieces[k].start, lx);
        }
        const char *sx = x->entity >= 0 ? a->analysis->entities[x->entity].name : "";
        const char *sy = y->entity >= 0 ? b->analysis->entities[y->entity].name : "";
        assert_string_equal(sx, sy);
    }
    qd_doc_free(a);
    qd_doc_free(b);
}

static void test_seeds_as_pages(void **state)
{
    (void)state;
    same_as_plain(SEED("000_c21110f2c13453e9.txt"), FIX("seed-0.html"));
    same_as_plain(SEED("001_15887e59612d77b7.txt"), FIX("seed-1.html"));
    same_as_plain(SEED("002_44361a8531b9948d.txt"), FIX("seed-2.html"));    /* Windows-1252 */
    same_as_plain(SEED("003_459388830af05508.txt"), FIX("seed-3.html.gz")); /* gzip, itemprop */
    same_as_plain(SEED("004_63e49bb7f3518d4d.txt"), FIX("seed-4.html"));    /* bare paragraphs */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_article_among_furniture),
        cmocka_unit_test(test_metadata),
        cmocka_unit_test(test_quote_offsets_point_into_text),
        cmocka_unit_test(test_charsets),
        cmocka_unit_test(test_broken_and_deep_markup),
        cmocka_unit_test(test_metadata_shown_on_the_page),
        cmocka_unit_test(test_schema_org_body_when_markup_is_empty),
        cmocka_unit_test(test_tables_embeds_and_split_articles),
        cmocka_unit_test(test_end_of_article),
        cmocka_unit_test(test_old_style_pages),
        cmocka_unit_test(test_one_story_of_an_endless_page),
        cmocka_unit_test(test_detected_from_content),
        cmocka_unit_test(test_seeds_as_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
