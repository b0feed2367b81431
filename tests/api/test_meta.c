/* Unit tests for the metadata stage (src/meta/): JSON-LD variants (arrays,
 * @graph, mainEntity, broken JSON), OpenGraph and named <meta>, microdata,
 * bylines, title cleaning, every date format, the URL-path fallback and
 * hostile input. Each case parses an HTML snippet into a tree and reads it. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "meta/authors.h"
#include "meta/dates.h"
#include "meta/meta.h"
#include "parse/parse.h"
#include "util/utf8.h"

static cd_parser *S_parser;
static cd_arena S_arena;
static cd_dom S_dom;
static cd_meta S_m;

/* Parse html and read its metadata into S_m (url may be NULL). */
static const cd_meta *S_read(const char *html, const char *url)
{
    cd_dom_reset(&S_dom);
    cd_arena_reset(&S_arena);
    copydesk_status st = cd_parse_html(S_parser, html, strlen(html), &S_dom);
    INT_EQ(st, COPYDESK_OK, "");
    cd_meta_read(&S_m, &S_dom, &S_arena, url);
    return &S_m;
}

static const char *S_author(const cd_meta *m, size_t i)
{
    return i < m->nauthors ? m->authors[i] : NULL;
}

static const char *S_date(const char *s, int dayfirst)
{
    static char out[CD_META_DATE_LEN];
    size_t n = cd_meta_date_norm(s, strlen(s), 1, dayfirst, out);
    return n ? out : NULL;
}

static const char *S_date_in(const char *s)
{
    static char out[CD_META_DATE_LEN];
    size_t n = cd_meta_date_norm(s, strlen(s), 0, 0, out);
    return n ? out : NULL;
}

/* ---- JSON-LD ------------------------------------------------------------------ */

static void test_jsonld_article(void)
{
    const cd_meta *m = S_read(
        "<html><head><title>Headline here | Site</title>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"NewsArticle\",\"headline\":\"Headline here\",\"datePublished\":"
        "\"2014-11-06T17:00:00-05:00\",\"dateModified\":\"2014-11-07T08:00:00Z\","
        "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"},{\"@type\":\"Person\","
        "\"name\":\"John Roe\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Daily\"},"
        "\"inLanguage\":\"en-GB\",\"description\":\"A &amp; B\"}</script></head><body></body></html>",
        NULL);
    STR_EQ(m->title, "Headline here", "");
    STR_EQ(m->date_published, "2014-11-06T17:00:00-05:00", "");
    STR_EQ(m->date_modified, "2014-11-07T08:00:00Z", "");
    INT_EQ(m->nauthors, 2, "");
    STR_EQ(S_author(m, 0), "Jane Doe", "");
    STR_EQ(S_author(m, 1), "John Roe", "");
    STR_EQ(m->site_name, "The Daily", "");
    STR_EQ(m->description, "A & B", "");
    STR_EQ(m->date_source, "json-ld", "");
}

static void test_jsonld_graph(void)
{
    const cd_meta *m = S_read(
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"WebSite\",\"name\":\"Example Site\"},"
        "{\"@type\":\"WebPage\",\"name\":\"Page name - Example Site\",\"datePublished\":\"2020-01-01\"},"
        "{\"@type\":[\"Article\",\"BlogPosting\"],\"headline\":\"Graph headline\","
        "\"datePublished\":\"2021-03-04\",\"author\":{\"@type\":\"Person\",\"name\":\"Ann Lee\"}}]}"
        "</script><p>x</p>",
        NULL);
    STR_EQ(m->title, "Graph headline", "");
    STR_EQ(m->date_published, "2021-03-04", "");
    STR_EQ(S_author(m, 0), "Ann Lee", "");
    STR_EQ(m->site_name, "Example Site", "");
}

static void test_jsonld_array_mainentity(void)
{
    const cd_meta *m = S_read(
        "<script type=\"application/ld+json\">[{\"@type\":\"BreadcrumbList\"},"
        "{\"@type\":\"WebPage\",\"mainEntity\":{\"@type\":\"ReportageNewsArticle\","
        "\"headline\":\"Nested story\",\"author\":\"By Max Mustermann\"}}]</script>",
        NULL);
    STR_EQ(m->title, "Nested story", "");
    STR_EQ(S_author(m, 0), "Max Mustermann", "");
}

static void test_jsonld_broken(void)
{
    /* Comment wrapper, trailing commas, a raw newline inside a string. */
    const cd_meta *m = S_read("<script type=\"application/ld+json\"><!--\n{\"@type\":\"Article\","
                              "\"headline\":\"Broken\nbut fine\",\"author\":{\"name\":\"Kim Park\",},"
                              "\"datePublished\":\"2019-05-06\",}\n--></script>",
                              NULL);
    STR_EQ(m->title, "Broken but fine", "");
    STR_EQ(S_author(m, 0), "Kim Park", "");
    STR_EQ(m->date_published, "2019-05-06", "");

    /* CDATA wrapper. */
    m = S_read("<script type=\"application/ld+json\">//<![CDATA[\n{\"@type\":\"BlogPosting\","
               "\"headline\":\"In CDATA\"}\n//]]></script>",
               NULL);
    STR_EQ(m->title, "In CDATA", "");

    /* Garbage never crashes and yields nothing. */
    m = S_read("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":</script>",
               NULL);
    STR_EQ(m->title, NULL, "");
}

static void test_jsonld_org_author(void)
{
    /* An organisation is used only when it is the only credit. */
    const cd_meta *m = S_read(
        "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"H\","
        "\"author\":{\"@type\":\"Organization\",\"name\":\"Acme News\"}}</script>"
        "<meta name=\"author\" content=\"Pat Smith\">",
        NULL);
    STR_EQ(S_author(m, 0), "Pat Smith", "");
    INT_EQ(m->nauthors, 1, "");
    m = S_read("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"H\","
               "\"author\":{\"@type\":\"Organization\",\"name\":\"Acme News\"}}</script>",
               NULL);
    STR_EQ(S_author(m, 0), "Acme News", "");
}

static void test_jsonld_deep(void)
{
    /* Nesting beyond the json-c depth limit is refused, not recursed into. */
    size_t depth = 5000;
    char *html = malloc(depth * 2 + 128);
    strcpy(html, "<script type=\"application/ld+json\">");
    size_t n = strlen(html);
    for (size_t i = 0; i < depth; i++)
        html[n++] = '[';
    for (size_t i = 0; i < depth; i++)
        html[n++] = ']';
    strcpy(html + n, "</script>");
    const cd_meta *m = S_read(html, NULL);
    STR_EQ(m->title, NULL, "");
    free(html);
}

/* ---- meta tags ---------------------------------------------------------------- */

static void test_og_and_meta(void)
{
    const cd_meta *m = S_read(
        "<html lang=\"de-DE\"><head><title>Die Schlagzeile des Tages - Zeitung</title>"
        "<meta property=\"og:title\" content=\"Die Schlagzeile des Tages\">"
        "<meta property=\"og:site_name\" content=\"Zeitung\">"
        "<meta property=\"og:url\" content=\"https://example.de/a/b\">"
        "<meta property=\"article:published_time\" content=\"2016-02-03T10:00:00+01:00\">"
        "<meta property=\"article:author\" content=\"https://www.facebook.com/someone\">"
        "<meta name=\"author\" content=\"Von Hans Meier\">"
        "</head><body><p>Text</p></body></html>",
        NULL);
    STR_EQ(m->title, "Die Schlagzeile des Tages", "");
    STR_EQ(m->site_name, "Zeitung", "");
    STR_EQ(m->language, "de-DE", "");
    STR_EQ(m->url, "https://example.de/a/b", "");
    STR_EQ(m->date_published, "2016-02-03T10:00:00+01:00", "");
    INT_EQ(m->nauthors, 1, "");
    STR_EQ(S_author(m, 0), "Hans Meier", "");
}

static void test_meta_variants(void)
{
    const cd_meta *m = S_read("<meta name=\"parsely-author\" content=\"Ana Gomez\">"
                              "<meta name=\"parsely-pub-date\" content=\"2018-07-09T12:00:00Z\">"
                              "<meta property=\"og:title twitter:title\" content=\"Shared title\">"
                              "<meta http-equiv=\"content-language\" content=\"es\">"
                              "<link rel=\"canonical\" href=\"https://x.example/2018/07/09/story\">",
                              NULL);
    STR_EQ(S_author(m, 0), "Ana Gomez", "");
    STR_EQ(m->date_published, "2018-07-09T12:00:00Z", "");
    STR_EQ(m->title, "Shared title", "");
    STR_EQ(m->language, "es", "");
    STR_EQ(m->url, "https://x.example/2018/07/09/story", "");

    m = S_read("<meta name=\"dc.creator\" content=\"Lee, Chang\"><meta name=\"dc.date\" "
               "content=\"2012-10-01\"><meta name=\"citation_title\" content=\"A paper\">",
               NULL);
    STR_EQ(m->date_published, "2012-10-01", "");
    STR_EQ(m->title, "A paper", "");
    OK(m->nauthors >= 1, "dc.creator read");
}

/* ---- microdata and the visible page --------------------------------------------- */

static void test_microdata(void)
{
    const cd_meta *m = S_read(
        "<body><article itemscope itemtype=\"http://schema.org/Article\">"
        "<h1 itemprop=\"headline\">Microdata headline</h1>"
        "<span itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\">"
        "<span itemprop=\"name\">Rita Mae</span></span>"
        "<time itemprop=\"datePublished\" datetime=\"2015-04-05\">April 5</time>"
        "</article><div class=\"comments\"><time datetime=\"2019-01-01\">x</time></div></body>",
        NULL);
    STR_EQ(m->title, "Microdata headline", "");
    STR_EQ(S_author(m, 0), "Rita Mae", "");
    STR_EQ(m->date_published, "2015-04-05", "");
}

static void test_time_not_in_comments(void)
{
    const cd_meta *m = S_read("<body><div id=\"comments\"><time datetime=\"2019-01-01\">Jan 1</time>"
                              "</div><article><h1>Story</h1><time datetime=\"2017-08-09T10:00:00Z\">"
                              "Aug 9</time></article></body>",
                              NULL);
    STR_EQ(m->date_published, "2017-08-09T10:00:00Z", "");
}

static void test_bylines(void)
{
    const cd_meta *m = S_read("<body><h1>A headline of some length</h1><div class=\"byline\">By "
                              "<a href=\"/x\">Jane Doe</a> and <a href=\"/y\">John Roe</a></div>"
                              "<p>Published on 6 November 2014</p><p>Body text.</p></body>",
                              NULL);
    STR_EQ(m->title, "A headline of some length", "");
    INT_EQ(m->nauthors, 2, "");
    STR_EQ(S_author(m, 0), "Jane Doe", "");
    STR_EQ(S_author(m, 1), "John Roe", "");
    STR_EQ(m->date_published, "2014-11-06", "");

    m = S_read("<body><h1>Titel</h1><p>Von Hans Meier</p><p>6. November 2014</p></body>", NULL);
    STR_EQ(S_author(m, 0), "Hans Meier", "");
    STR_EQ(m->date_published, "2014-11-06", "");
}

static void test_author_cleaning(void)
{
    cd_meta m;
    memset(&m, 0, sizeof m);
    const char *s = "By Jane Doe, Senior Reporter";
    cd_meta_authors_add(&m, &S_arena, s, strlen(s), 0);
    INT_EQ(m.nauthors, 1, "");
    STR_EQ(m.authors[0], "Jane Doe", "");

    memset(&m, 0, sizeof m);
    s = "Written by Ann Lee & Bob Ray | November 6, 2014";
    cd_meta_authors_add(&m, &S_arena, s, strlen(s), 0);
    INT_EQ(m.nauthors, 2, "");
    STR_EQ(m.authors[0], "Ann Lee", "");
    STR_EQ(m.authors[1], "Bob Ray", "");

    memset(&m, 0, sizeof m);
    s = "Par Marie Curie - Journaliste";
    cd_meta_authors_add(&m, &S_arena, s, strlen(s), 0);
    INT_EQ(m.nauthors, 1, "");
    STR_EQ(m.authors[0], "Marie Curie", "");

    memset(&m, 0, sizeof m);
    s = "jane@example.com (Jane Doe)";
    cd_meta_authors_add(&m, &S_arena, s, strlen(s), 0);
    INT_EQ(m.nauthors, 1, "");
    STR_EQ(m.authors[0], "Jane Doe", "");

    memset(&m, 0, sizeof m);
    s = "https://www.facebook.com/jane";
    cd_meta_authors_add(&m, &S_arena, s, strlen(s), 0);
    INT_EQ(m.nauthors, 0, "");
    s = "admin";
    cd_meta_authors_add(&m, &S_arena, s, strlen(s), 0);
    INT_EQ(m.nauthors, 0, "");

    /* Dedupe across credits, at most CD_MAX_AUTHORS. */
    memset(&m, 0, sizeof m);
    s = "Jane Doe";
    cd_meta_authors_add(&m, &S_arena, s, strlen(s), 0);
    s = "jane doe";
    cd_meta_authors_add(&m, &S_arena, s, strlen(s), 0);
    INT_EQ(m.nauthors, 1, "");
    memset(&m, 0, sizeof m);
    for (int i = 0; i < 40; i++) {
        char name[32];
        snprintf(name, sizeof name, "Person %c%c", 'A' + i % 26, 'a' + i / 26);
        cd_meta_authors_add(&m, &S_arena, name, strlen(name), 0);
    }
    INT_EQ(m.nauthors, CD_MAX_AUTHORS, "");
}

static const char *S_credit(cd_meta *m, const char *site, const char *s, int loose)
{
    memset(m, 0, sizeof *m);
    m->site_name = site;
    cd_meta_authors_add(m, &S_arena, s, strlen(s), loose);
    return m->nauthors ? m->authors[0] : NULL;
}

static void test_author_credits(void)
{
    cd_meta m;
    /* User names: digits and lower case are normal; a date is not one. */
    STR_EQ(S_credit(&m, NULL, "paulb203", 0), "paulb203", "");
    STR_EQ(S_credit(&m, NULL, "by hayley.p", 0), "hayley.p", "");
    OK(!S_credit(&m, NULL, "2024-05-01", 0), "a date is no user name");
    OK(!S_credit(&m, NULL, "By admin", 0), "placeholder");
    /* A lone word after a comma continues a phrase or names an affiliation. */
    S_credit(&m, NULL, "Written by Adrien Ramirez, 4+ years covering hardware, software", 0);
    INT_EQ(m.nauthors, 1, "");
    S_credit(&m, NULL, "By Clare Duffy, CNN", 0);
    INT_EQ(m.nauthors, 1, "");
    STR_EQ(m.authors[0], "Clare Duffy", "");
    S_credit(&m, NULL, "Written By Linny and Peter", 0);
    INT_EQ(m.nauthors, 2, "");
    /* Dates and date lines are cut off. */
    STR_EQ(S_credit(&m, NULL, "Andrew Gerrand 4 August 2010", 0), "Andrew Gerrand", "");
    STR_EQ(S_credit(&m, NULL, "Craig McCarthy Last updated on 17 December 2025", 0), "Craig McCarthy", "");
    STR_EQ(S_credit(&m, NULL, "Luke KimDecember 17, 2025", 0), "Luke Kim", "");
    STR_EQ(S_credit(&m, NULL, "Post by galitsyn \xc2\xbb 11. Sep 2024, 18:36", 0), "galitsyn", "");
    STR_EQ(S_credit(&m, NULL, "May Smith Dec 5, 2024", 0), "May Smith", "");
    OK(!S_credit(&m, NULL, "Last updated: Feb 4, 2025", 0), "a date line names nobody");
    /* A second role and credentials are not authors. */
    S_credit(&m, NULL, "By Shelby Loos, DVM. Reviewed by Molly Price, DVM", 0);
    INT_EQ(m.nauthors, 1, "");
    STR_EQ(m.authors[0], "Shelby Loos", "");
    S_credit(&m, NULL, "By Lizzie Streit, MS, RDN, LD", 0);
    INT_EQ(m.nauthors, 1, "");
    STR_EQ(S_credit(&m, NULL, "Article by: Cara Dumaplin RN, BSN", 0), "Cara Dumaplin", "");
    INT_EQ(m.nauthors, 1, "");
    STR_EQ(S_credit(&m, NULL, "Dr. Mark Ma", 0), "Dr. Mark Ma", "");
    /* A role after a comma goes whole, its "and" included. */
    S_credit(&m, NULL, "By Paul Frew, Home and Digital Security Expert", 0);
    INT_EQ(m.nauthors, 1, "");
    STR_EQ(m.authors[0], "Paul Frew", "");
    /* Group credits are kept; "Staff" alone names nobody. */
    STR_EQ(S_credit(&m, NULL, "Podium Staff", 0), "Podium Staff", "");
    STR_EQ(S_credit(&m, NULL, "By the Lavazza Team", 0), "the Lavazza Team", "");
    STR_EQ(S_credit(&m, NULL, "The Currency editors", 0), "The Currency editors", "");
    OK(!S_credit(&m, NULL, "Staff", 0), "");
    /* Names are capitalised word by word, particles aside. */
    OK(!S_credit(&m, NULL, "View more posts", 0), "");
    OK(!S_credit(&m, NULL, "Founder at Oakywood", 0), "");
    STR_EQ(S_credit(&m, NULL, "Ludwig van Beethoven", 0), "Ludwig van Beethoven", "");
    /* The site is the publication, not an author. */
    S_credit(&m, "Memphis Commercial Appeal", "Manoj Jain and Jagpreet Chhatwal, The Commercial Appeal", 1);
    INT_EQ(m.nauthors, 2, "");
    STR_EQ(m.authors[1], "Jagpreet Chhatwal", "");
    STR_EQ(S_credit(&m, "USA TODAY", "Brian Truitt USA TODAY", 0), "Brian Truitt", "");
}

static void test_byline_over_stated(void)
{
    /* A stated author the page never shows loses to the byline under the
     * headline (an uploader's account, a previous editor). */
    const cd_meta *m = S_read("<head><meta name=\"author\" content=\"KatieS\"></head><body><article>"
                              "<h1>Twelve hours in Lisbon</h1><p class=\"byline\">by Aoife O'Riordan</p>"
                              "<p>Text.</p></article></body>",
                              NULL);
    STR_EQ(S_author(m, 0), "Aoife O'Riordan", "");
    STR_EQ(m->author_source, "visible", "");
    /* Shown anywhere on the page, the stated author stays. */
    m = S_read("<head><meta name=\"author\" content=\"Jane Doe\"></head><body><article>"
               "<h1>Twelve hours in Lisbon</h1><p class=\"byline\">by Aoife O'Riordan</p>"
               "<p>Text.</p><div class=\"author-name\">Jane Doe</div></article></body>",
               NULL);
    STR_EQ(S_author(m, 0), "Jane Doe", "");
    /* A one-word byline is too weak to overrule it. */
    m = S_read("<head><meta name=\"author\" content=\"Jane Doe\"></head><body><article>"
               "<h1>Twelve hours in Lisbon</h1><p class=\"byline\">by Aoife</p></article></body>",
               NULL);
    STR_EQ(S_author(m, 0), "Jane Doe", "");
    /* Forum posts: the first post's user name, lower case and all. */
    m = S_read("<body><h1>Docker fails</h1><div class=post><span itemprop=author>amondale</span>"
               "<p>Help.</p></div><div class=post><span itemprop=author>Rimelek</span></div></body>",
               NULL);
    STR_EQ(S_author(m, 0), "amondale", "");
}

/* ---- titles --------------------------------------------------------------------- */

static void test_title_suffix(void)
{
    const cd_meta *m = S_read("<title>Council approves the new budget plan | The Town Crier</title>"
                              "<meta property=\"og:site_name\" content=\"The Town Crier\">",
                              NULL);
    STR_EQ(m->title, "Council approves the new budget plan", "");

    /* Site name first (on a dated article; see test_title.c). */
    m = S_read("<title>Town Crier: Council approves the new budget plan</title>"
               "<meta property=\"article:published_time\" content=\"2024-05-01\">"
               "<meta property=\"og:site_name\" content=\"Town Crier\">",
               NULL);
    STR_EQ(m->title, "Council approves the new budget plan", "");

    /* Domain as evidence. */
    m = S_read("<title>Council approves the new budget plan - Towncrier.com</title>",
               "https://www.towncrier.com/news/1");
    STR_EQ(m->title, "Council approves the new budget plan", "");

    /* A dash inside a short title stays. */
    m = S_read("<title>Spider-Man - Review</title>", NULL);
    STR_EQ(m->title, "Spider-Man - Review", "");

    /* The h1 confirms the headline inside a longer <title>. */
    m = S_read("<title>Budget plan approved - Local - Town Crier</title><body><h1>Budget plan "
               "approved</h1></body>",
               NULL);
    STR_EQ(m->title, "Budget plan approved", "");
    STR_EQ(m->title_source, "h1", "");

    /* A logo h1 holding the site name is not the headline. */
    m = S_read("<title>The long headline of today's story :: Blogsite</title>"
               "<body><h1>Blogsite</h1></body>",
               NULL);
    STR_EQ(m->title, "The long headline of today's story", "");
}

/* ---- dates ------------------------------------------------------------------------ */

static void test_dates(void)
{
    STR_EQ(S_date("2014-11-06T17:00:00-05:00", 0), "2014-11-06T17:00:00-05:00", "");
    STR_EQ(S_date("2014-11-06T17:00:00.000Z", 0), "2014-11-06T17:00:00Z", "");
    STR_EQ(S_date("2014-11-06 17:00", 0), "2014-11-06T17:00:00", "");
    STR_EQ(S_date("2014-11-06", 0), "2014-11-06", "");
    STR_EQ(S_date("2014/11/06", 0), "2014-11-06", "");
    STR_EQ(S_date("Nov. 6, 2014", 0), "2014-11-06", "");
    STR_EQ(S_date("6 November 2014", 0), "2014-11-06", "");
    STR_EQ(S_date("November 6th, 2014", 0), "2014-11-06", "");
    STR_EQ(S_date("Thursday, November 6, 2014 5:00 PM", 0), "2014-11-06T17:00:00", ""); /* local time, no zone given */
    STR_EQ(S_date("6 novembre 2014", 0), "2014-11-06", "");
    STR_EQ(S_date("6. November 2014", 0), "2014-11-06", "");
    STR_EQ(S_date("6 de noviembre de 2014", 0), "2014-11-06", "");
    STR_EQ(S_date("6 d\xc3\xa9\x63\x65mbre 2014", 0), "2014-12-06", "");
    STR_EQ(S_date("2014\xe5\xb9\xb4" "11\xe6\x9c\x88" "6\xe6\x97\xa5", 0), "2014-11-06", "");
    STR_EQ(S_date("06.11.2014", 0), "2014-11-06", "");
    STR_EQ(S_date("25/11/2014", 0), "2014-11-25", "");
    STR_EQ(S_date("11/25/2014", 0), "2014-11-25", "");
    STR_EQ(S_date("06/11/2014", 0), NULL, "ambiguous");
    STR_EQ(S_date("06/11/2014", 1), "2014-11-06", "");
    STR_EQ(S_date("06/11/2014", -1), "2014-06-11", "");
    STR_EQ(S_date("1415311200", 0), "2014-11-06", "");
    STR_EQ(S_date("1415311200000", 0), "2014-11-06", "");
    STR_EQ(S_date("20141106", 0), "2014-11-06", "");
    /* Sanity range and invalid days. */
    STR_EQ(S_date("1970-01-01", 0), NULL, "");
    STR_EQ(S_date("2099-01-01", 0), NULL, "");
    STR_EQ(S_date("2014-02-30", 0), NULL, "");
    STR_EQ(S_date("0", 0), NULL, "");
    STR_EQ(S_date("", 0), NULL, "");
    /* Ambiguous abbreviations are refused ("Jui" is June or July). */
    STR_EQ(S_date("6 Jui 2014", 0), NULL, "");
    /* Searching running text. */
    STR_EQ(S_date_in("Posted on March 3, 2021 by admin"), "2021-03-03", "");
    STR_EQ(S_date_in("Updated 2020-05-06 10:00"), "2020-05-06", "");
    STR_EQ(S_date_in("No date in here at all, 42 of them"), NULL, "");
}

static void test_url_dates(void)
{
    char out[CD_META_DATE_LEN];
    const char *u = "https://example.com/2014/11/06/some-story/";
    INT_EQ(cd_meta_date_from_url(u, strlen(u), out), 10, "");
    STR_EQ(out, "2014-11-06", "");
    u = "https://example.com/news/2014-11-06-some-story";
    INT_EQ(cd_meta_date_from_url(u, strlen(u), out), 10, "");
    STR_EQ(out, "2014-11-06", "");
    u = "https://example.com/a/20141106/story";
    INT_EQ(cd_meta_date_from_url(u, strlen(u), out), 10, "");
    STR_EQ(out, "2014-11-06", "");
    u = "https://2014.example.com/about";
    INT_EQ(cd_meta_date_from_url(u, strlen(u), out), 0, "");

    /* The fallback: only when nothing in the page gives a date. */
    const cd_meta *m = S_read("<p>hi</p>", "https://example.com/2013/02/01/story");
    STR_EQ(m->date_published, "2013-02-01", "");
    STR_EQ(m->date_source, "url", "");
    m = S_read("<link rel=canonical href=\"https://e.com/2012/03/04/x\"><p>hi</p>", NULL);
    STR_EQ(m->date_published, "2012-03-04", "");
}

/* ---- hostile input ---------------------------------------------------------------- */

static void test_hostile(void)
{
    /* Invalid UTF-8 in a JSON-LD string (a \ud800 escape) comes out repaired. */
    const cd_meta *m = S_read("<script type=\"application/ld+json\">{\"@type\":\"Article\","
                              "\"headline\":\"bad \\ud800 x\"}</script>",
                              NULL);
    OK(!m->title || cd_utf8_valid_prefix((const unsigned char *)m->title, strlen(m->title)) ==
                        strlen(m->title),
       "title is valid UTF-8");

    /* Thousands of meta tags and time elements stay within the candidate cap. */
    size_t cap = 400000;
    char *html = malloc(cap);
    size_t n = 0;
    for (int i = 0; i < 5000; i++)
        n += (size_t)snprintf(html + n, cap - n, "<meta name=author content=\"Person %d\"><time>x</time>", i);
    m = S_read(html, NULL);
    OK(m->nauthors <= CD_MAX_AUTHORS, "authors capped");
    free(html);

    /* Empty document. */
    m = S_read("", NULL);
    STR_EQ(m->title, NULL, "");
    INT_EQ(m->nauthors, 0, "");
}

/* ---- rules added for issue #2 (title = headline, visible dates) ------------- */

static void test_title_h1_rephrases(void)
{
    /* An h1 in the article that rewords the SEO title wins. */
    const cd_meta *m = S_read(
        "<head><title>Top 11 SEO Strategies for 2025 | LuccaAM</title>"
        "<meta property=\"og:site_name\" content=\"LuccaAM\"></head>"
        "<body><article><h1>11 SEO Strategies for 2025 That Work</h1><p>Text.</p></article></body>",
        NULL);
    STR_EQ(m->title, "11 SEO Strategies for 2025 That Work", "");
    STR_EQ(m->title_source, "h1", "");
    /* An unrelated h1 (a section name, a slogan) does not. */
    m = S_read("<head><title>Council approves the new budget plan - Town Crier</title>"
               "<meta property=\"og:site_name\" content=\"Town Crier\"></head>"
               "<body><article><h1>Local news</h1><p>Text.</p></article></body>",
               NULL);
    STR_EQ(m->title, "Council approves the new budget plan", "");
    /* Nor one of two h1 outside the article. */
    m = S_read("<head><meta property=\"og:title\" content=\"Top 11 SEO Strategies for 2025\"></head>"
               "<body><div><h1>11 SEO Strategies for 2025 That Work</h1></div>"
               "<div><h1>Newsletter</h1></div></body>",
               NULL);
    STR_EQ(m->title, "Top 11 SEO Strategies for 2025", "");
    /* A single h1 anywhere is the headline the page shows once it shares
     * half its words with the metadata title (and a fifth of both). */
    m = S_read("<head><meta property=\"og:title\" content=\"Health And Nutrition Trends For 2026\">"
               "</head><body><div><h1>Top 10 Health and Nutrition Trends to Watch</h1></div></body>",
               NULL);
    STR_EQ(m->title, "Top 10 Health and Nutrition Trends to Watch", "");
    STR_EQ(m->title_source, "h1", "");
    m = S_read("<head><meta property=\"og:title\" content=\"Health And Nutrition Trends For 2026\">"
               "</head><body><div><h1>Eat better with our recipe club</h1></div></body>",
               NULL);
    STR_EQ(m->title, "Health And Nutrition Trends For 2026", "");
}

static void test_title_section_dash(void)
{
    /* "Page - Section | Site": with the site gone after "|", the dash
     * before a short last part separates the page from its section. */
    const cd_meta *m = S_read("<head><title>Using promises - JavaScript | MDN</title>"
                              "<meta property=\"og:site_name\" content=\"MDN Web Docs\"></head><body></body>",
                              NULL);
    STR_EQ(m->title, "Using promises", "");
    /* Without a site part cut after "|", a dash stays. */
    m = S_read("<head><meta property=\"og:title\" content=\"Spider-Man - the review that nobody asked for at all\">"
               "</head><body></body>",
               NULL);
    STR_EQ(m->title, "Spider-Man - the review that nobody asked for at all", "");
    /* Nor when the site was cut after a dash. */
    m = S_read("<head><title>Council approves the budget - Town hall - Town Crier</title>"
               "<meta property=\"og:site_name\" content=\"Town Crier\"></head><body></body>",
               NULL);
    STR_EQ(m->title, "Council approves the budget - Town hall", "");
}

static void test_title_permalink_mark(void)
{
    /* Documentation headings end in a permalink mark; it is not the title. */
    const cd_meta *m = S_read("<head><title>Logging HOWTO &mdash; Python 3 documentation</title></head>"
                              "<body><h1>Logging HOWTO<a class=headerlink href=#x>\xc2\xb6</a></h1></body>",
                              NULL);
    STR_EQ(m->title, "Logging HOWTO", "");
    STR_EQ(m->title_source, "h1", "");
    m = S_read("<head><title>Learn C# | Course</title></head><body><h1>Learn C#</h1></body>", NULL);
    STR_EQ(m->title, "Learn C#", "");
}

static void test_title_first_segment(void)
{
    /* "Headline | tagline": the part before the first pipe. */
    const cd_meta *m = S_read("<head><meta property=\"og:title\" content=\"Best Residential Movers in "
                              "NYC 2025 | Top 19 Companies\"></head><body></body>",
                              NULL);
    STR_EQ(m->title, "Best Residential Movers in NYC 2025", "");
    /* Dashes are kept: they join the parts of one headline. */
    m = S_read("<head><meta property=\"og:title\" content=\"Zero Waste - A Beginner's Guide\"></head>"
               "<body></body>",
               NULL);
    STR_EQ(m->title, "Zero Waste - A Beginner's Guide", "");
}

static void test_class_words(void)
{
    /* Class words are whole words: "sidebar" in a utility class does not
     * make a region a sidebar, and "recommend" needs a word start. */
    const cd_meta *m = S_read("<body><h1>A headline of some length</h1>"
                              "<div class=\"md:[grid-area:sidebar] p-4\"><p>November 6, 2014</p></div></body>",
                              NULL);
    STR_EQ(m->date_published, "2014-11-06", "");
    m = S_read("<body><h1>A headline of some length</h1>"
               "<div class=\"widget sidebar-left\"><p>November 6, 2014</p></div></body>",
               NULL);
    OK(m->date_published == NULL, "date in a sidebar ignored");
    /* (After the article's text: a short block right under the headline is
     * its own date line whatever its other-stories class says.) */
    m = S_read("<body><h1>A headline of some length</h1><p>The story's first paragraph.</p>"
               "<div class=\"post_Related\"><p>November 6, 2014</p></div></body>",
               NULL);
    OK(m->date_published == NULL, "date in related (word after _) ignored");
}

static void test_date_fallbacks(void)
{
    /* A forum thread lives in "discussion" blocks: its first datePublished
     * is used when nothing else dates the page. */
    const cd_meta *m = S_read(
        "<body><div class=\"discussion\"><meta itemprop=\"datePublished\" content=\"2024-01-03T11:23:42-05:00\">"
        "<div class=\"reply\"><meta itemprop=\"datePublished\" content=\"2024-02-01\"></div></div></body>",
        NULL);
    STR_EQ(m->date_published, "2024-01-03T11:23:42-05:00", "");
    /* A <time> in an aside, when nothing else. */
    m = S_read("<body><article><aside><time datetime=\"2021-06-06\">June 6</time></aside>"
               "<h1>Headline</h1></article></body>",
               NULL);
    STR_EQ(m->date_published, "2021-06-06", "");
    /* But a stated date wins over it. */
    m = S_read("<head><meta property=\"article:published_time\" content=\"2020-01-02\"></head>"
               "<body><aside><time datetime=\"2021-06-06\">June 6</time></aside></body>",
               NULL);
    STR_EQ(m->date_published, "2020-01-02", "");
    /* Only a modified time: it dates the page. */
    m = S_read("<head><meta property=\"article:modified_time\" content=\"2023-06-12T10:39:42+00:00\"></head>"
               "<body></body>",
               NULL);
    STR_EQ(m->date_published, "2023-06-12T10:39:42+00:00", "");
    STR_EQ(m->date_modified, "2023-06-12T10:39:42+00:00", "");
    /* <meta name="published">. */
    m = S_read("<head><meta name=\"published\" content=\"July 17, 2025\"></head><body></body>", NULL);
    STR_EQ(m->date_published, "2025-07-17", "");
    /* An element named a date, far from the h1. */
    m = S_read("<body><h1>A headline</h1><p>x</p><p>x</p><p>x</p>"
               "<div class=\"ForefrontArticle_date__0aODL\">May 25, 2023</div></body>",
               NULL);
    STR_EQ(m->date_published, "2023-05-25", "");
}

int main(void)
{
    S_parser = cd_parser_new(cd_mem_default());
    OK(S_parser != NULL, "parser");
    if (!S_parser)
        return cd_t_done();
    cd_arena_init(&S_arena, cd_mem_default(), 64 * 1024);
    cd_dom_init(&S_dom, cd_mem_default(), &S_arena);

    test_jsonld_article();
    test_jsonld_graph();
    test_jsonld_array_mainentity();
    test_jsonld_broken();
    test_jsonld_org_author();
    test_jsonld_deep();
    test_og_and_meta();
    test_meta_variants();
    test_microdata();
    test_time_not_in_comments();
    test_bylines();
    test_author_cleaning();
    test_author_credits();
    test_byline_over_stated();
    test_title_suffix();
    test_dates();
    test_url_dates();
    test_hostile();
    test_title_h1_rephrases();
    test_title_first_segment();
    test_title_section_dash();
    test_title_permalink_mark();
    test_class_words();
    test_date_fallbacks();

    cd_dom_free(&S_dom);
    cd_arena_free(&S_arena);
    cd_parser_free(S_parser);
    return cd_t_done();
}
