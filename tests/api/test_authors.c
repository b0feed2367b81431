/* Unit tests for authors (src/meta/authors.c and the byline sources in
 * visible.c, microdata.c, metatags.c, the choice in pick_authors.c): who the page
 * credits, cleaned to names. Each case parses an HTML snippet. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "meta/meta.h"
#include "meta/authors.h"
#include "parse/parse.h"

static cd_parser *S_parser;
static cd_arena S_arena;
static cd_dom S_dom;
static cd_meta S_m;

static const cd_meta *S_read(const char *html)
{
    cd_dom_reset(&S_dom);
    cd_arena_reset(&S_arena);
    copydesk_status st = cd_parse_html(S_parser, html, strlen(html), &S_dom);
    INT_EQ(st, COPYDESK_OK, "");
    cd_meta_read(&S_m, &S_dom, &S_arena, NULL);
    return &S_m;
}

static const char *S_author(const cd_meta *m, size_t i)
{
    return i < m->nauthors ? m->authors[i] : NULL;
}

/* Yoast's twitter:label1 "Written by" / twitter:data1 pair. */
static void test_twitter_pair(void)
{
    const cd_meta *m = S_read("<head><meta name=\"twitter:label1\" content=\"Written by\">"
                              "<meta name=\"twitter:data1\" content=\"Tyler Brown\">"
                              "<meta name=\"twitter:label2\" content=\"Est. reading time\">"
                              "<meta name=\"twitter:data2\" content=\"3 minutes\"></head><body></body>");
    STR_EQ(S_author(m, 0), "Tyler Brown", "");
    INT_EQ(m->nauthors, 1, "");
    STR_EQ(m->author_source, "twitter", "");
    /* Another label: no author. */
    m = S_read("<head><meta name=\"twitter:label1\" content=\"Est. reading time\">"
               "<meta name=\"twitter:data1\" content=\"3 minutes\"></head><body></body>");
    INT_EQ(m->nauthors, 0, "");
}

/* Forums: the thread starter is the page's author. */
static void test_thread_starter(void)
{
    const cd_meta *m = S_read("<body><h1>Thread title</h1><ul><li><i></i><span class=\"u-srOnly\">Thread "
                              "starter</span> <a href=\"/members/x.1/\" class=\"username\">SamuelMIz</a>"
                              "</li></ul></body>");
    STR_EQ(S_author(m, 0), "SamuelMIz", "");
    m = S_read("<body><h2>Topic</h2><p>Started by Biology Forums, June 04, 2024, 11:23:55 AM</p></body>");
    STR_EQ(S_author(m, 0), "Biology Forums", "");
    /* Named inside a line, before a reply's author element. */
    m = S_read("<body><h1>Topic</h1><p>Discussion in '<a href=\"/f\">Advice</a>' started by <a href=\"/m/1\" "
               "class=\"username\">pelex</a>, Jun 11, 2025.</p><p>Post.</p><span class=\"authorEnd\">"
               "<a href=\"/m/2\">CDB</a></span></body>");
    STR_EQ(S_author(m, 0), "pelex", "");
    INT_EQ(m->nauthors, 1, "");
}

/* A stated credit with digits or a domain name is taken as written; a URL
 * or a date is not. */
static void test_stated_names(void)
{
    const cd_meta *m = S_read("<head><meta name=\"author\" content=\"98 Buck Social\"></head><body></body>");
    STR_EQ(S_author(m, 0), "98 Buck Social", "");
    m = S_read("<head><meta name=\"author\" content=\"AccountingDepartment.com\"></head><body></body>");
    STR_EQ(S_author(m, 0), "AccountingDepartment.com", "");
    m = S_read("<head><meta name=\"author\" content=\"2024-05-06\"></head><body></body>");
    INT_EQ(m->nauthors, 0, "");
    m = S_read("<head><meta name=\"author\" content=\"https://example.com/jane\"></head><body></body>");
    INT_EQ(m->nauthors, 0, "");
}

/* A weekday next to a date is no name. */
static void test_weekday(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><div class=\"author\">Sat</div></body>");
    INT_EQ(m->nauthors, 0, "");
}

/* An author box's name element names the author. */
static void test_author_box_name(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><p>Text.</p><div class=\"elementor-author-box\">"
                              "<h4 class=\"elementor-author-box__name\">Liz Kenny</h4><div "
                              "class=\"elementor-author-box__bio\"><p>Former McKinsey Consultant</p></div>"
                              "</div></body>");
    STR_EQ(S_author(m, 0), "Liz Kenny", "");
}

/* "Written by Jane Doe" as a line of text; "by the way" is no byline. */
static void test_written_by_line(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><div class=\"x\"><p>Written by John Crenshaw</p></div>"
                              "</body>");
    STR_EQ(S_author(m, 0), "John Crenshaw", "");
    m = S_read("<body><h1>Headline</h1><p>by project</p></body>");
    INT_EQ(m->nauthors, 0, "");
    m = S_read("<body><h1>Headline</h1><p>Door Anchor for Resistance Bands \xe2\x80\x93 Yellow</p></body>");
    INT_EQ(m->nauthors, 0, "");
    m = S_read("<body><h1>Kop</h1><p>Door Jan de Vries</p></body>");
    STR_EQ(S_author(m, 0), "Jan de Vries", "");
    m = S_read("<body><h1>Headline</h1><p>by the Lavazza Team</p></body>");
    STR_EQ(S_author(m, 0), "the Lavazza Team", "");
    m = S_read("<body><h1>Headline</h1><p>By clicking</p></body>");
    INT_EQ(m->nauthors, 0, "");
    m = S_read("<body><h1>Headline</h1><p>by the way it went</p></body>");
    INT_EQ(m->nauthors, 0, "");
}

/* Dublin Core creator before a plain <meta name=author>. */
static void test_dublin_core_first(void)
{
    const cd_meta *m = S_read("<head><meta name=\"author\" content=\"Theme Default\">"
                              "<meta property=\"dc:creator\" content=\"Creator Name\"></head><body></body>");
    STR_EQ(S_author(m, 0), "Creator Name", "");
    INT_EQ(m->nauthors, 1, "");
}

/* Journal pages: DC.Creator names the first author, repeated
 * citation_authors elements (the plural spelling) name them all. */
static void test_citation_authors(void)
{
    const cd_meta *m = S_read("<head><meta name=\"DC.Creator\" content=\"Ann Lead\">"
                              "<meta name=\"citation_authors\" content=\"Ann Lead\">"
                              "<meta name=\"citation_authors\" content=\"Bob Second\">"
                              "<meta name=\"citation_authors\" content=\"Cy Third\"></head><body></body>");
    INT_EQ(m->nauthors, 3, "");
    STR_EQ(S_author(m, 0), "Ann Lead", "");
    STR_EQ(S_author(m, 1), "Bob Second", "");
    STR_EQ(S_author(m, 2), "Cy Third", "");
}

/* The stated author names the first of several: the byline's list of
 * links to author pages completes it, one list only (not a fact
 * checker after a date), one person per link target. */
static void test_coauthor_links(void)
{
    const cd_meta *m = S_read("<head><meta name=\"author\" content=\"Rui Ma\"></head><body><h1>Headline</h1>"
                              "<div><a href=\"/report/author/ruima/\">Rui Ma</a><span>, </span>"
                              "<a href=\"https://x.org/report/author/heba/\">Heba Ledwon</a><span>, </span>"
                              "<a href=\"/report/author/manoel/\">Manoel Cortes Mendez</a> &amp; "
                              "<a href=\"/report/author/suparn/\">Suparn Patra</a></div><p>Text.</p></body>");
    INT_EQ(m->nauthors, 4, "");
    STR_EQ(S_author(m, 0), "Rui Ma", "");
    STR_EQ(S_author(m, 2), "Manoel Cortes Mendez", "");
    STR_EQ(S_author(m, 3), "Suparn Patra", "");
    m = S_read("<head><meta name=\"author\" content=\"Scott Levine\"></head><body><h1>Headline</h1>"
               "<div><a href=\"/author/2420/\">Scott Levine</a> \xe2\x80\x93 Updated Sep 9, 2025 | "
               "Fact-checked by <a href=\"/author/20449/\">Frank Bass</a></div><p>Text.</p></body>");
    INT_EQ(m->nauthors, 1, "");
    STR_EQ(S_author(m, 0), "Scott Levine", "");
    m = S_read("<head><meta name=\"author\" content=\"Ahmet Serhan\"></head><body><h1>Headline</h1><p>Text.</p>"
               "<div><a href=\"/author/ahmet/\"><h4>Ahmet Serhan</h4></a><div></div>"
               "<a href=\"/author/ahmet/\">Author's Profile</a></div></body>");
    INT_EQ(m->nauthors, 1, "");
    /* A link to an author page is no credit of its own. */
    m = S_read("<body><h1>Headline</h1><p>Text.</p><ul><li><a href=\"/author/jane-doe/\">Jane Doe</a></li>"
               "<li><a href=\"/author/john-roe/\">John Roe</a></li></ul></body>");
    INT_EQ(m->nauthors, 0, "");
}

/* The visible byline completes the stated author, keeping the titles it
 * shows; a byline that only runs the stated name into a label does not. */
static void test_coauthor_byline(void)
{
    const cd_meta *m = S_read(
        "<head><script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":"
        "{\"@type\":\"Person\",\"name\":\"Marna van der Merwe\"}}</script></head><body><h1>Headline</h1>"
        "<div class=\"author\">Written by <span>Dr Marna van der Merwe</span>, <span>Dr Dieter Veldsman</span>, "
        "<span>Erik van Vulpen</span></div><p>Text.</p></body>");
    INT_EQ(m->nauthors, 3, "");
    STR_EQ(S_author(m, 0), "Dr Marna van der Merwe", "");
    STR_EQ(S_author(m, 2), "Erik van Vulpen", "");
    m = S_read("<head><meta name=\"author\" content=\"Chirag Bhardwaj\"></head><body><h1>Headline</h1>"
               "<div class=\"author\">By Chirag Bhardwaj VP, Chirag Bhardwaj</div><p>Text.</p></body>");
    INT_EQ(m->nauthors, 1, "");
    STR_EQ(S_author(m, 0), "Chirag Bhardwaj", "");
    /* An affiliation in the byline is no co-author: names only, an
     * organisation only when it is the only credit. */
    m = S_read("<head><meta name=\"author\" content=\"Ana Ruiz\"></head><body><h1>Headline</h1>"
               "<div class=\"author\">By <span>Ana Ruiz</span>, <span>The Texas Newsroom</span></div>"
               "<p>Text.</p></body>");
    INT_EQ(m->nauthors, 1, "");
    STR_EQ(S_author(m, 0), "Ana Ruiz", "");
    OK(cd_meta_author_orgish("Acme Media Group", 16), "");
    OK(!cd_meta_author_orgish("Ana Ruiz", 8), "");
    /* A surname that is an organisation word counts too: the check only guards extra names. */
    OK(cd_meta_author_orgish("Theodora Post", 13), "");
}

/* A labelled name in the article's side column (an <aside> holding the
 * meta box) or a rel=author link there: a last resort; in comments,
 * never. */
static void test_side_column(void)
{
    const cd_meta *m = S_read("<body><article><h1>Headline</h1><p>Text.</p><aside><div><h3>Author</h3>"
                              "<p> Lisa D. Ellis</p></div></aside></article></body>");
    STR_EQ(S_author(m, 0), "Lisa D. Ellis", "");
    m = S_read("<body><main><article><h1>Headline</h1><aside><address><div>"
               "<a rel=\"author\" href=\"/profile/adam-roberts\">Adam Roberts</a></div></address></aside>"
               "<p>Text.</p></article></main></body>");
    STR_EQ(S_author(m, 0), "Adam Roberts", "");
    /* A byline in the article wins over it. */
    m = S_read("<body><article><h1>Headline</h1><p>By Jane Doe</p><p>Text.</p><aside><h3>Author</h3>"
               "<p>Lisa D. Ellis</p></aside></article></body>");
    STR_EQ(S_author(m, 0), "Jane Doe", "");
    INT_EQ(m->nauthors, 1, "");
    m = S_read("<body><article><h1>Headline</h1><p>Text.</p></article><div class=\"comments\"><h3>Author</h3>"
               "<p>Jane Commenter</p><a rel=\"author\" href=\"/u/bob\">Bob Reader</a></div></body>");
    INT_EQ(m->nauthors, 0, "");
}

/* Labels of their own: "Author(s)" over a list (one name per item),
 * "Contributors:", "Article by". */
static void test_more_labels(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><div><h6>Author(s)</h6><ul><li><a href=\"/l?a=1\">John A. "
                              "Alic</a></li><li><a href=\"/l?a=2\">David C. Mowery</a></li></ul></div>"
                              "<p>Text.</p></body>");
    INT_EQ(m->nauthors, 2, "");
    STR_EQ(S_author(m, 0), "John A. Alic", "");
    STR_EQ(S_author(m, 1), "David C. Mowery", "");
    m = S_read("<body><h1>Headline</h1><div class=\"tags\"><div><strong>Contributors:</strong> Janet Loughrey"
               "</div></div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Janet Loughrey", "");
    m = S_read("<body><h1>Headline</h1><p>Text.</p><div><h2>Article by</h2><div>Matias Heikkil\xc3\xa4</div>"
               "</div></body>");
    STR_EQ(S_author(m, 0), "Matias Heikkil\xc3\xa4", "");
}

/* The weekday a cut date leaves behind goes with it. */
static void test_weekday_tail(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><span class=\"story-byline\">Posted by <a href=\"/u\">BeauHD"
                              "</a> on Friday December 19, 2025 @08:00PM from the job-market dept.</span>"
                              "<p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "BeauHD", "");
    m = S_read("<body><h1>Headline</h1><p class=\"byline\">By Joe Wee Monday, 4 May 2015</p><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Joe Wee", "");
}

/* A visible credit that is the site's own name yields to a person a
 * structured source states (here the twitter "Written by" pair). */
static void test_site_credit(void)
{
    const cd_meta *m = S_read("<head><meta property=\"og:site_name\" content=\"Transfer Orbit\">"
                              "<meta name=\"twitter:label1\" content=\"Written by\">"
                              "<meta name=\"twitter:data1\" content=\"Andrew Liptak\"></head><body><h1>Headline</h1>"
                              "<div class=\"byline\">Transfer Orbit</div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Andrew Liptak", "");
    INT_EQ(m->nauthors, 1, "");
    /* Nobody else stated: the site's credit stays. */
    m = S_read("<head><meta property=\"og:site_name\" content=\"Transfer Orbit\"></head><body><h1>Headline</h1>"
               "<div class=\"byline\">Transfer Orbit</div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Transfer Orbit", "");
}

/* Flarum names the poster in "PostUser-name". */
static void test_postuser(void)
{
    const cd_meta *m = S_read("<body><h1>Thread title</h1><article><div class=\"PostUser\"><h3 class=\"PostUser-name\">"
                              "antonjw</h3></div><div class=\"Post-body\"><p>My question.</p></div></article></body>");
    STR_EQ(S_author(m, 0), "antonjw", "");
}

/* An author box: the name, then a sentence about the person. */
static void test_bio_sentence(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><p>Text.</p><div class=\"blog_author-wrapper\">"
                              "<div>Lauren Vetter</div><p>Lauren Vetter is a growth-focused marketing "
                              "professional.</p></div></body>");
    STR_EQ(S_author(m, 0), "Lauren Vetter", "");
    INT_EQ(m->nauthors, 1, "");
    m = S_read("<body><h1>Headline</h1><p>Text.</p><div class=\"blog-author\">Bence Kov\xc3\xa1""cs "
               "Bence is a software developer.</div></body>");
    STR_EQ(S_author(m, 0), "Bence Kov\xc3\xa1""cs", "");
}

/* itemprop=author is a statement: taken as written; another role is no credit. */
static void test_microdata_stated(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><meta itemprop=\"author\" content=\"annette thurmon\">"
                              "</body>");
    STR_EQ(S_author(m, 0), "annette thurmon", "");
    m = S_read("<body><h1>Headline</h1><p>By Benjamin Preston</p><p>Text</p>"
               "<span itemprop=\"author\">Updated by Jon Linkov</span></body>");
    STR_EQ(S_author(m, 0), "Benjamin Preston", "");
    INT_EQ(m->nauthors, 1, "");
}

/* A stated user name yields to the byline element that names a person. */
static void test_handle_yields(void)
{
    const cd_meta *m = S_read("<head><meta name=\"author\" content=\"andrew.keaveney\"></head><body>"
                              "<h1>Headline</h1><div class=\"author-name\">Denise Everheart</div><p>Text</p>"
                              "</body>");
    STR_EQ(S_author(m, 0), "Denise Everheart", "");
    /* A full name stated is not overridden by a rank-2 element. */
    m = S_read("<head><meta name=\"author\" content=\"Jane Doe\"></head><body>"
               "<h1>Headline</h1><div class=\"author-name\">Denise Everheart</div><p>Text</p></body>");
    STR_EQ(S_author(m, 0), "Jane Doe", "");
}

/* Authors from one JSON-LD script: not those of a related-stories list. */
static void test_jsonld_one_script(void)
{
    const cd_meta *m = S_read(
        "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
        "{\"@type\":\"Person\",\"name\":\"Lisa Jennings\"}}</script></head><body><h1>Headline</h1>"
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":"
        "\"Person\",\"name\":\"Bret Thorn\"}}</script></body>");
    STR_EQ(S_author(m, 0), "Lisa Jennings", "");
    INT_EQ(m->nauthors, 1, "");
}

/* A byline in a side column or footer: a last resort; comments never. */
static void test_side_byline(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><p>Text</p><footer class=\"meta\"><div class=\"author\">"
                              "<a rel=\"author\" href=\"/a/hg\">Halina Goetz</a></div></footer></body>");
    STR_EQ(S_author(m, 0), "Halina Goetz", "");
    m = S_read("<body><h1>Headline</h1><p>By Jane Doe</p><footer><div class=\"author\">Halina Goetz</div>"
               "</footer></body>");
    STR_EQ(S_author(m, 0), "Jane Doe", "");
    INT_EQ(m->nauthors, 1, "");
    m = S_read("<body><h1>Headline</h1><aside><div class=\"comments\"><span class=\"comment-author\">"
               "Pat Reader</span></div></aside></body>");
    INT_EQ(m->nauthors, 0, "");
}

/* A forum post's user name; not the reader's account menu. */
static void test_forum_username(void)
{
    const cd_meta *m = S_read("<body><div class=\"user-name-and-badges\"><a>English</a></div>"
                              "<h2>Thread</h2><div class=\"post\"><a class=\"bigusername\" href=\"m?u=1\">"
                              "microfast</a><p>Post text</p></div></body>");
    STR_EQ(S_author(m, 0), "microfast", "");
    INT_EQ(m->nauthors, 1, "");
}

/* "By Functionality" heading a section is no byline; "Written by" in an
 * author box's heading is. */
static void test_heading_by(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><p>Text</p><h3><b>By Functionality</b></h3><p>More</p>"
                              "</body>");
    INT_EQ(m->nauthors, 0, "");
    m = S_read("<body><h1>Headline</h1><p>Text</p><h3>Written by Cassidy Horton</h3></body>");
    STR_EQ(S_author(m, 0), "Cassidy Horton", "");
}

/* A parenthesised middle name stays; a trailing affiliation goes. */
static void test_parentheses(void)
{
    const cd_meta *m = S_read("<head><meta name=\"author\" content=\"Bruno (Henrique Zecchin) Rodrigues\">"
                              "</head><body></body>");
    STR_EQ(S_author(m, 0), "Bruno (Henrique Zecchin) Rodrigues", "");
    m = S_read("<head><meta name=\"author\" content=\"Jean-Luc Aufranc (CNXSoft)\"></head><body></body>");
    STR_EQ(S_author(m, 0), "Jean-Luc Aufranc", "");
    m = S_read("<head><meta name=\"author\" content=\"jane@example.com (Jane Doe)\"></head><body></body>");
    STR_EQ(S_author(m, 0), "Jane Doe", "");
}

/* "page.head.extra.author" is a template's key; "sara.r.peter", "hayley.p"
 * and "sean_g" are user names. */
static void test_slugs(void)
{
    const cd_meta *m = S_read("<head><meta name=\"author\" content=\"sara.r.peter\"></head><body></body>");
    STR_EQ(S_author(m, 0), "sara.r.peter", "");
    m = S_read("<head><meta name=\"author\" content=\"page.head.extra.author\"></head><body></body>");
    INT_EQ(m->nauthors, 0, "");
    m = S_read("<head><meta name=\"author\" content=\"hayley.p\"></head><body></body>");
    STR_EQ(S_author(m, 0), "hayley.p", "");
    m = S_read("<head><meta name=\"author\" content=\"sean_g\"></head><body></body>");
    STR_EQ(S_author(m, 0), "sean_g", "");
}

/* A stated organisation yields to the byline element naming a person; a
 * colophon is no credit. */
static void test_org_yields(void)
{
    const cd_meta *m = S_read("<head><script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":"
                              "\"British Heart Foundation\"}</script></head><body><h1>Headline</h1>"
                              "<div class=\"author\">by Tracy Parker, Dietitian</div><p>Text</p></body>");
    STR_EQ(S_author(m, 0), "Tracy Parker", "");
    INT_EQ(m->nauthors, 1, "");
    m = S_read("<head><meta name=\"author\" content=\"content: MarketingSherpa, design: Scott McDaniel, code: "
               "Steve Beger\"></head><body><h1>Headline</h1><p>by Daniel Burstein</p></body>");
    STR_EQ(S_author(m, 0), "Daniel Burstein", "");
    m = S_read("<body><h1>Headline</h1><div class=\"byline\">Written By: Cazzy Magennis Last Updated: August 1, "
               "2025</div></body>");
    STR_EQ(S_author(m, 0), "Cazzy Magennis", "");
}

/* After a separator, a lower-case part of page text is a tag, not a name. */
static void test_lowercase_segment(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><div class=\"byline\">via 12 hours | caches | 12</div>"
                              "</body>");
    INT_EQ(m->nauthors, 0, "");
}

/* A name beside the date line, with no class to say so; not a widget's
 * title. */
static void test_name_by_date(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><p>Intro.</p><p class=\"small\">Elliot Raba</p>"
                              "<div><span>23.07.2025</span></div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Elliot Raba", "");
    m = S_read("<body><div><span>Dec 17, 2025</span><span>Julian K. Arni</span></div><h1>Headline</h1>"
               "<p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Julian K. Arni", "");
    m = S_read("<body><h1>Headline</h1><p>Text.</p><h3>Related Articles</h3><p>Dec 17, 2025</p></body>");
    INT_EQ(m->nauthors, 0, "");
    /* A separator mark between them. */
    m = S_read("<body><h1>Headline</h1><div><span>2025-12-17</span><span>\xc2\xb7</span><a>Trond Tellefsen</a>"
               "</div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Trond Tellefsen", "");
    m = S_read("<body><h1>Headline</h1><div><span>Trond Tellefsen</span><span>|</span><span>2025-12-17</span>"
               "</div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Trond Tellefsen", "");
    /* A named byline wins over it. */
    m = S_read("<body><h1>Headline</h1><p>Elliot Raba</p><p>23.07.2025</p><p>By Jane Doe</p></body>");
    STR_EQ(S_author(m, 0), "Jane Doe", "");
}

/* A footer- or sidebar-named wrapper around the whole page (it holds the
 * h1) hides nothing; a real footer still does. */
static void test_wrapper_holding_h1(void)
{
    const cd_meta *m = S_read("<body><div class=\"footerfix\"><h1>Headline</h1>"
                              "<span class=\"post-author\">Jane Doe</span><p>Text.</p></div></body>");
    STR_EQ(S_author(m, 0), "Jane Doe", "");
    m = S_read("<body><h1>Headline</h1><p>Text.</p><div class=\"footer\">"
               "<span class=\"post-author\">Jane Doe</span></div></body>");
    INT_EQ(m->nauthors, 0, "");
}

/* After a job title, the employer's name is no second author. */
static void test_affiliation_after_title(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><div class=\"byline\">By Jane Doe, Senior Staff "
                              "Technologist, Civic Speech, Privacy, and Technology Project</div></body>");
    STR_EQ(S_author(m, 0), "Jane Doe", "");
    INT_EQ(m->nauthors, 1, "");
    m = S_read("<body><h1>Headline</h1><div class=\"byline\">By Jane Doe and John Roe</div></body>");
    INT_EQ(m->nauthors, 2, "");
}

/* Indentation inside a byline text does not make it prose. */
static void test_indented_byline(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><p>by Jon Foster                -              "
                              "               2025-09-13<br>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Jon Foster", "");
}

/* "By <a>Name</a> <a class=btn>Button</a>": the link names the author. */
static void test_label_link_beside_button(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><p>By <a href=\"/c/aj\">A. J. Neal</a> "
                              "<a class=\"btn\" href=\"/d\">View In Digital Edition</a></p></body>");
    STR_EQ(S_author(m, 0), "A. J. Neal", "");
    /* Not inside a sentence. */
    m = S_read("<body><h1>Headline</h1><p>Portrait of a chief by <a href=\"/w/g\">Gottfried Lindauer"
               "</a>, showing his tattoos.</p></body>");
    INT_EQ(m->nauthors, 0, "");
}

/* "by" and a user name on a line of its own in the post's meta block. */
static void test_by_handle(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><div class=\"post-date\"><p>12/19</p><p>by   ibby  </p>"
                              "</div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "ibby", "");
    m = S_read("<body><h1>Site</h1><article><p>Bill clients <a href=\"/x\">by project</a>.</p>"
               "<p>Pass arguments <strong>by value</strong>.</p></article></body>");
    INT_EQ(m->nauthors, 0, "");
}

/* Piano/cXense's author tag is a <meta> source. */
static void test_cxense_author(void)
{
    const cd_meta *m = S_read("<head><meta property=\"cXenseParse:author\" content=\"Harriet Rowe\">"
                              "</head><body><h1>Headline</h1><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Harriet Rowe", "");
    STR_EQ(m->author_source, "meta", "");
}

/* An author card: the "name" element, not the name and job title run
 * together; a testimonial's follow-up card is no author card. */
static void test_author_card_name(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><div class=\"author-info\"><div class=\"name\">"
                              "Rachel Moore</div><div class=\"post\">Writer</div></div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Rachel Moore", "");
    m = S_read("<body><h1>Headline</h1><div class=\"author-follow\"><div class=\"name\">"
               "Bruce Henry</div></div><p>Text.</p></body>");
    INT_EQ(m->nauthors, 0, "");
}

/* A label and a list of names in one element: one name per item. */
static void test_label_then_list(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><span>Written by: <ul><li><a href=\"/a/ew\">Emily Walker"
                              "</a></li><li><a href=\"/a/cm\">Casey McDevitt</a></li></ul></span><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Emily Walker", "");
    STR_EQ(S_author(m, 1), "Casey McDevitt", "");
    INT_EQ(m->nauthors, 2, "");
}

/* "Name | Role | Date" under the headline; not a date line opening with
 * something else. */
static void test_name_in_date_line(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><p>Aaron Ritter | Senior Writer | July 2, 2025</p>"
                              "<p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Aaron Ritter", "");
    m = S_read("<body><h1>Headline</h1><p>Health News | July 2, 2025</p><p>Text.</p></body>");
    INT_EQ(m->nauthors, 0, "");
}

/* A personal blog's footer names its writer; not on an undated page, not a
 * company, not when someone else is credited. */
static void test_copyright_holder(void)
{
    const char *dated = "<head><meta property=\"article:published_time\" content=\"2025-12-20\"></head>";
    char html[512];
    snprintf(html, sizeof html, "%s<body><h1>Post</h1><p>Text.</p><footer>&copy; 2025 Toby Hale. All rights "
             "reserved.</footer></body>", dated);
    const cd_meta *m = S_read(html);
    STR_EQ(S_author(m, 0), "Toby Hale", "");
    m = S_read("<body><h1>Fire Pit</h1><p>Text.</p><footer>&copy; 2025 Solo Stove</footer></body>");
    INT_EQ(m->nauthors, 0, "");
    snprintf(html, sizeof html, "%s<body><h1>Post</h1><p>Text.</p><footer>Copyright 2019-2025 Acme Media Group"
             "</footer></body>", dated);
    m = S_read(html);
    INT_EQ(m->nauthors, 0, "");
    snprintf(html, sizeof html, "%s<body><h1>Post</h1><p class=\"byline\">By Jane Doe</p><p>Text.</p>"
             "<footer>&copy; 2025 Toby Hale</footer></body>", dated);
    m = S_read(html);
    STR_EQ(S_author(m, 0), "Jane Doe", "");
}

/* An itemprop=author card under another role's label is no author. */
static void test_microdata_other_role(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><h5>Written by:</h5><div itemprop=\"author\" itemscope>"
                              "<span itemprop=\"name\">Emma Reid</span></div><h5>Researched by:</h5><div>"
                              "<div itemprop=\"author\" itemscope><span itemprop=\"name\">Oliver Sims</span>"
                              "</div></div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Emma Reid", "");
    INT_EQ(m->nauthors, 1, "");
}

/* "by …" ending a sentence begun before it is no byline; a byline after
 * an icon or a date element still is. */
static void test_by_in_sentence(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><p>Prices rose, <a href=\"/d\">according to the data</a>"
                              " by AM Best\xe2\x80\x99s Review.</p></body>");
    INT_EQ(m->nauthors, 0, "");
    m = S_read("<body><h1>Headline</h1><p><i class=\"icon\"></i> By Jane Doe</p></body>");
    STR_EQ(S_author(m, 0), "Jane Doe", "");
    m = S_read("<body><h1>Headline</h1><p><time>May 5</time> by Jane Doe Jr.</p></body>");
    STR_EQ(S_author(m, 0), "Jane Doe Jr.", "");
}

/* Issue #12: a paper, an agency or a desk glued after the name on a one-line
 * byline is no part of the name; a wire's desk after a comma is no second
 * author; a newsroom job alone in a <meta> is no name; where the writer
 * filed from, a clock time and markup in a <meta> leave the name. */
static void test_news_affiliations(void)
{
    const cd_meta *m = S_read("<body><h1>Headline</h1><div class=\"byline\">By TOM CANAVAN ASSOCIATED PRESS"
                              "</div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "TOM CANAVAN", "");
    INT_EQ(m->nauthors, 1, "");
    m = S_read("<body><h1>Headline</h1><div class=\"byline\">By FRANCES ROBLES McClatchy Newspapers"
               "</div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "FRANCES ROBLES", "");
    INT_EQ(m->nauthors, 1, "");
    m = S_read("<body><h1>Headline</h1><div class=\"byline\">By Damian Spellman, PA Sport"
               "</div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Damian Spellman", "");
    INT_EQ(m->nauthors, 1, "");
    m = S_read("<body><h1>Headline</h1><div class=\"byline\">By JOSEPH WHITE AP Sports Writer"
               "</div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "JOSEPH WHITE", "");
    INT_EQ(m->nauthors, 1, "");
    /* A name of two capitalised words keeps its own case: nothing cut. */
    m = S_read("<body><h1>Headline</h1><div class=\"byline\">By Mary Ann Evans</div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Mary Ann Evans", "");
    m = S_read("<head><meta name=\"author\" content=\"Internet Communications Editor\"></head>"
               "<body><h1>Headline</h1><p>Text.</p></body>");
    INT_EQ(m->nauthors, 0, "");
    m = S_read("<body><h1>Headline</h1><div class=\"byline\">By Tom Phillips in Rio de Janeiro"
               "</div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Tom Phillips", "");
    INT_EQ(m->nauthors, 1, "");
    m = S_read("<body><h1>Headline</h1><div class=\"byline\">By Sarah Laitner in Brussels and Maija Palmer "
               "in London</div><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Sarah Laitner", "");
    STR_EQ(S_author(m, 1), "Maija Palmer", "");
    m = S_read("<body><h1>Headline</h1><p class=\"byline\">Posted by Larry Dignan @ 5:56 am</p>"
               "<p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Larry Dignan", "");
    m = S_read("<head><meta name=\"author\" content=\"AL ALEXANDER<BR>The Patriot Ledger\"></head>"
               "<body><h1>Headline</h1><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "AL ALEXANDER", "");
    INT_EQ(m->nauthors, 1, "");
}

/* Issue #12: the station or paper credited site-wide by a <meta> (its call
 * sign, its host's name) is no writer; "Name in Place" beside a date line
 * names the writer, "The Paper" does not; a wire byline in capitals in a
 * heading and a long one with its agency after a comma are bylines. */
static void test_news_credits(void)
{
    cd_dom_reset(&S_dom);
    cd_arena_reset(&S_arena);
    const char *html = "<head><meta name=\"author\" content=\"WVVA - Bluefield, WV\"></head>"
                       "<body><h1>Headline</h1><p>Text.</p></body>";
    INT_EQ(cd_parse_html(S_parser, html, strlen(html), &S_dom), COPYDESK_OK, "");
    cd_meta_read(&S_m, &S_dom, &S_arena, "http://www.wvva.com/News/index.php?ID=1");
    INT_EQ(S_m.nauthors, 0, "call sign");
    cd_dom_reset(&S_dom);
    cd_arena_reset(&S_arena);
    html = "<head><meta name=\"author\" content=\"CBS\"></head><body><h1>Headline</h1><p>Text.</p></body>";
    INT_EQ(cd_parse_html(S_parser, html, strlen(html), &S_dom), COPYDESK_OK, "");
    cd_meta_read(&S_m, &S_dom, &S_arena, "http://cbs4denver.com/sports/story.html");
    INT_EQ(S_m.nauthors, 0, "network");
    /* Elsewhere, a credit in capitals stands. */
    cd_dom_reset(&S_dom);
    cd_arena_reset(&S_arena);
    INT_EQ(cd_parse_html(S_parser, html, strlen(html), &S_dom), COPYDESK_OK, "");
    cd_meta_read(&S_m, &S_dom, &S_arena, "http://example.com/sports/story.html");
    STR_EQ(S_author(&S_m, 0), "CBS", "");
    const cd_meta *m = S_read("<body><h1>Headline</h1><b>Tom Phillips in Rio de Janeiro<br>Thursday January 10, "
                              "2008<br><a href=\"/\">The Guardian</a></b><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "Tom Phillips", "");
    INT_EQ(m->nauthors, 1, "");
    m = S_read("<body><h1>Headline</h1><h3>By SANDRA CHEREB<br>Associated Press Writer</h3><p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "SANDRA CHEREB", "");
    m = S_read("<body><h1>Headline</h1><h3>BY THE NUMBERS</h3><p>Text.</p></body>");
    INT_EQ(m->nauthors, 0, "");
    m = S_read("<body><h1>Headline</h1><p>By GUDJON HELGASON and BRIAN CHURCH, Associated Press Writers</p>"
               "<p>Text.</p></body>");
    STR_EQ(S_author(m, 0), "GUDJON HELGASON", "");
    STR_EQ(S_author(m, 1), "BRIAN CHURCH", "");
    INT_EQ(m->nauthors, 2, "");
    /* Credits after prose are readers' comments, not co-authors. */
    m = S_read("<body><h1>Headline</h1><p>By Jennifer Agiesta</p><p>The poll asked voters which of the two "
               "candidates they trusted more on the economy and on the war.</p>"
               "<p class=\"posted\">Posted by: Lucky Lakeshore | January 14, 2008 06:24 PM</p>"
               "<p>I think the poll is wrong about this and many other things in the race.</p>"
               "<p class=\"posted\">Posted by: Suzanne | January 14, 2008 07:05 PM</p></body>");
    STR_EQ(S_author(m, 0), "Jennifer Agiesta", "");
    INT_EQ(m->nauthors, 1, "");
}

int main(void)
{
    S_parser = cd_parser_new(cd_mem_default());
    OK(S_parser != NULL, "parser");
    if (!S_parser)
        return cd_t_done();
    cd_arena_init(&S_arena, cd_mem_default(), 64 * 1024);
    cd_dom_init(&S_dom, cd_mem_default(), &S_arena);

    test_twitter_pair();
    test_thread_starter();
    test_stated_names();
    test_weekday();
    test_author_box_name();
    test_written_by_line();
    test_dublin_core_first();
    test_citation_authors();
    test_coauthor_links();
    test_coauthor_byline();
    test_side_column();
    test_more_labels();
    test_weekday_tail();
    test_site_credit();
    test_postuser();
    test_bio_sentence();
    test_microdata_stated();
    test_handle_yields();
    test_jsonld_one_script();
    test_side_byline();
    test_forum_username();
    test_heading_by();
    test_parentheses();
    test_slugs();
    test_org_yields();
    test_lowercase_segment();
    test_name_by_date();
    test_wrapper_holding_h1();
    test_affiliation_after_title();
    test_indented_byline();
    test_label_link_beside_button();
    test_by_handle();
    test_cxense_author();
    test_author_card_name();
    test_label_then_list();
    test_name_in_date_line();
    test_copyright_holder();
    test_microdata_other_role();
    test_by_in_sentence();
    test_news_affiliations();
    test_news_credits();

    cd_dom_free(&S_dom);
    cd_arena_free(&S_arena);
    cd_parser_free(S_parser);
    return cd_t_done();
}
