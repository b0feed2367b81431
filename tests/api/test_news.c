/* Unit tests for the news fields of the metadata stage (src/meta/pick_news.c,
 * section.c and the news parts of jsonld.c and metatags.c): section from
 * JSON-LD, <meta>, microdata, breadcrumbs and the label above the headline;
 * tags; the lead image URL; the structured deck and credit; their sources;
 * hostile values. Each case parses an HTML snippet into a tree and reads it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "meta/meta.h"
#include "parse/parse.h"
#include "util/limits.h"

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

static const char *S_tag(const cd_meta *m, size_t i)
{
    return i < m->ntags ? m->tags[i] : NULL;
}

#define LD(json) "<script type=\"application/ld+json\">" json "</script>"

/* ---- section ------------------------------------------------------------------ */

static void test_section_jsonld(void)
{
    /* A comma string: its first item. */
    const cd_meta *m = S_read(LD("{\"@type\":\"NewsArticle\",\"headline\":\"H\","
                                 "\"articleSection\":\"Food &amp; Drink, Blog\"}"),
                              NULL);
    STR_EQ(m->section, "Food & Drink", "");
    STR_EQ(m->section_source, "json-ld", "");
    STR_EQ(cd_meta_field_source(m, "section"), "json-ld", "");
    /* An array: the first usable item, commas inside an item kept. */
    m = S_read(LD("{\"@type\":\"Article\",\"headline\":\"H\",\"articleSection\":"
                  "[\"Uncategorized\",\"College of Arts, Media and Design\",\"News\"]}"),
               NULL);
    STR_EQ(m->section, "College of Arts, Media and Design", "");
    m = S_read("<meta name=\"category\" content=\"Projectors - Under $3,000, Reviews\">", NULL);
    STR_EQ(m->section, "Projectors - Under $3,000", "");
    /* Commas that belong to one name. */
    m = S_read(LD("{\"@type\":\"Article\",\"headline\":\"H\","
                  "\"articleSection\":\"Fruit, Vegetable, & Herb Gardens\"}"),
               NULL);
    STR_EQ(m->section, "Fruit, Vegetable, & Herb Gardens", "");
    /* Junk: a URL, a sentence, a generic word, the title, the site. */
    m = S_read(LD("{\"@type\":\"Article\",\"headline\":\"Ten tips for travel\",\"articleSection\":"
                  "[\"https://example.com/blog/\",\"All\",\"Ten Tips for Travel\",\"Acme News\","
                  "\"This is a whole sentence that somebody put in the section field.\"]}"
                  "{\"@type\":\"WebSite\",\"name\":\"Acme News\"}"),
               NULL);
    STR_EQ(m->section, NULL, "");
    /* A WebPage's articleSection is not read, an Article's wins over it. */
    m = S_read(LD("[{\"@type\":\"WebPage\",\"articleSection\":\"Pages\"},"
                  "{\"@type\":\"Article\",\"headline\":\"H\",\"articleSection\":\"World\"}]"),
               NULL);
    STR_EQ(m->section, "World", "");
}

static void test_section_meta(void)
{
    const cd_meta *m = S_read("<head><meta property=\"article:section\" content=\"Business\">"
                              "<meta name=\"parsely-section\" content=\"Markets\"></head>",
                              NULL);
    STR_EQ(m->section, "Business", "");
    STR_EQ(m->section_source, "og", "");
    m = S_read("<head><meta name=\"category\" content=\"CIO, Industry\">"
               "<meta name=\"parsely-section\" content=\"Markets\"></head>",
               NULL);
    STR_EQ(m->section, "Markets", "");
    STR_EQ(m->section_source, "meta", "");
    /* A category list: its first item; a slug is not a name. */
    m = S_read("<head><meta name=\"category\" content=\"Security, Cloud\"></head>", NULL);
    STR_EQ(m->section, "Security", "");
    m = S_read("<head><meta name=\"category\" content=\"firm-management\"></head>", NULL);
    STR_EQ(m->section, NULL, "");
    /* article:section is the publisher's statement: a slug is taken as
     * written, unless the breadcrumb trail shows it as a name. */
    m = S_read("<head><meta property=\"article:section\" content=\"crime-safety\"></head>", NULL);
    STR_EQ(m->section, "crime-safety", "");
    m = S_read("<head><meta property=\"article:section\" content=\"get-started\"></head><body>"
               "<nav class=\"breadcrumbs\"><a href=\"/\">Home</a> <a href=\"/get-started/\">Get "
               "started</a> <a href=\"/get-started/intro\">Intro</a></nav><h1>Intro</h1></body>",
               NULL);
    STR_EQ(m->section, "Get started", "");
    /* article:section naming the site itself. */
    m = S_read("<head><meta property=\"og:site_name\" content=\"Serious Eats\">"
               "<meta property=\"article:section\" content=\"Serious Eats\">"
               "<meta name=\"parsely-section\" content=\"Equipment\"></head>",
               NULL);
    STR_EQ(m->section, "Equipment", "");
    /* Microdata. */
    m = S_read("<body><article itemscope itemtype=\"https://schema.org/NewsArticle\">"
               "<meta itemprop=\"articleSection\" content=\"Science\"><h1>H</h1></article></body>",
               NULL);
    STR_EQ(m->section, "Science", "");
    STR_EQ(m->section_source, "microdata", "");
    m = S_read("<head><meta property=\"article:section\" content=\"nil\"></head>", NULL);
    STR_EQ(m->section, NULL, "");
}

static void test_section_breadcrumbs(void)
{
    /* The crumb before the page (the last one links nowhere). */
    const cd_meta *m = S_read(
        LD("{\"@type\":\"BreadcrumbList\",\"itemListElement\":["
           "{\"@type\":\"ListItem\",\"position\":3,\"name\":\"The story\"},"
           "{\"@type\":\"ListItem\",\"position\":1,\"name\":\"Home\",\"item\":\"https://ex.com/\"},"
           "{\"@type\":\"ListItem\",\"position\":2,\"name\":\"Travel &amp; Leisure\","
           "\"item\":{\"@id\":\"https://ex.com/travel/\"}}]}"),
        NULL);
    STR_EQ(m->section, "Travel & Leisure", "");
    STR_EQ(m->section_source, "json-ld", "");
    /* Only the home page before the page: no section. */
    m = S_read(LD("{\"@type\":\"BreadcrumbList\",\"itemListElement\":["
                  "{\"position\":1,\"name\":\"Start\",\"item\":\"https://ex.com/\"},"
                  "{\"position\":2,\"name\":\"A story\",\"item\":\"https://ex.com/a-story\"}]}"),
               "https://ex.com/a-story");
    STR_EQ(m->section, NULL, "");
    /* The last crumb links to the page (another host form): the one before. */
    m = S_read(LD("{\"@type\":\"BreadcrumbList\",\"itemListElement\":["
                  "{\"position\":1,\"name\":\"Home\",\"item\":\"https://ex.com/\"},"
                  "{\"position\":2,\"name\":\"Reports\",\"item\":\"https://ex.com/reports/\"},"
                  "{\"position\":3,\"name\":\"Sector "
                  "update\",\"item\":\"https://ex.com/reports/sector-update\"}]}"),
               "https://www.ex.com/en/reports/sector-update");
    STR_EQ(m->section, "Reports", "");
    /* The last crumb is a section (no page crumb): taken. */
    m = S_read(LD("{\"@type\":\"BreadcrumbList\",\"itemListElement\":["
                  "{\"position\":1,\"name\":\"Fitness\",\"item\":\"https://ex.com/fitness/\"},"
                  "{\"position\":2,\"name\":\"Strength "
                  "Training\",\"item\":\"https://ex.com/fitness/strength/\"}]}"
                  "{\"@type\":\"Article\",\"headline\":\"Ten lifts\"}"),
               NULL);
    STR_EQ(m->section, "Strength Training", "");
    /* Of several categories, the one the trail goes through. */
    m = S_read(LD("{\"@type\":\"BreadcrumbList\",\"itemListElement\":["
                  "{\"position\":1,\"name\":\"Home\",\"item\":\"https://ex.com/\"},"
                  "{\"position\":2,\"name\":\"Mental Health\",\"item\":\"https://ex.com/mh/\"},"
                  "{\"position\":3,\"name\":\"Teen trends\"}]}"
                  "{\"@type\":\"Article\",\"headline\":\"Teen trends\","
                  "\"articleSection\":[\"COVID-19\",\"Mental Health\"]}"),
               NULL);
    STR_EQ(m->section, "Mental Health", "");
    STR_EQ(m->section_source, "json-ld", "");
    /* articleSection wins over the trail. */
    m = S_read(LD("{\"@type\":\"BreadcrumbList\",\"itemListElement\":["
                  "{\"position\":1,\"name\":\"Home\",\"item\":\"https://ex.com/\"},"
                  "{\"position\":2,\"name\":\"Blog\",\"item\":\"https://ex.com/blog/\"}]}"
                  "{\"@type\":\"Article\",\"headline\":\"H\",\"articleSection\":\"Recipes\"}"),
               NULL);
    STR_EQ(m->section, "Recipes", "");
}

static void test_section_visible_trail(void)
{
    /* A breadcrumb trail in a <nav>: its last link; the home link is not one. */
    const cd_meta *m =
        S_read("<body><nav aria-label=\"Breadcrumb\"><ol><li><a href=\"/\">Home</a></li>"
               "<li><a href=\"/health\">Health</a></li><li><a "
               "href=\"/health/nutrition\">Nutrition</a></li>"
               "<li>Ten myths</li></ol></nav><h1>Ten myths</h1></body>",
               NULL);
    STR_EQ(m->section, "Nutrition", "");
    STR_EQ(m->section_source, "visible", "");
    /* A header that only mentions breadcrumbs in a class, holding the menu. */
    m = S_read("<body><header class=\"site-header site-header--w-breadcrumb\"><ul>"
               "<li><a href=\"/a\">News</a></li><li><a href=\"/b\">Sport</a></li>"
               "<li><a href=\"/c\">Culture</a></li><li><a href=\"/d\">Travel</a></li>"
               "<li><a href=\"/e\">Money</a></li><li><a href=\"/f\">Food</a></li>"
               "<li><a href=\"/g\">Style</a></li><li><a href=\"/h\">Tech</a></li>"
               "<li><a href=\"/i\">Video</a></li><li><a href=\"/j\">Audio</a></li>"
               "<li><a href=\"/k\">Games</a></li></ul></header><h1>A story</h1></body>",
               NULL);
    STR_EQ(m->section, NULL, "");
    /* A row around the trail that also holds the language switch. */
    m = S_read("<body><div class=\"breadcrumb-row\"><div class=\"breadcrumbs\">"
               "<a href=\"/\">Home</a> <a href=\"/weight\">Weight Management</a></div>"
               "<ul><li><a href=\"/es/x\" hreflang=\"es\">Español</a></li></ul></div>"
               "<h1>A story</h1></body>",
               NULL);
    STR_EQ(m->section, "Weight Management", "");
    /* Only CD_META_MAX_TRAILS elements are examined as trails. */
    for (int tries = 15; tries <= 16; tries++) {
        char html[16384];
        size_t o = (size_t)snprintf(html, sizeof html, "<body>");
        for (int i = 0; i < tries; i++) {
            o += (size_t)snprintf(html + o, sizeof html - o, "<div class=\"breadcrumb\">");
            for (int k = 0; k < 11; k++)
                o += (size_t)snprintf(html + o, sizeof html - o, "<a href=\"/%d\">x</a>", k);
            o += (size_t)snprintf(html + o, sizeof html - o, "</div>");
        }
        snprintf(
            html + o, sizeof html - o,
            "<ol class=\"breadcrumb\"><li><a href=\"/\">Home</a><li><a href=\"/w\">World</a></ol>"
            "<h1>A story</h1></body>");
        m = S_read(html, NULL);
        STR_EQ(m->section, tries < (int)CD_META_MAX_TRAILS ? "World" : NULL, "%d tries", tries);
    }
    /* A back link is not a section. */
    m = S_read("<body><div class=\"breadcrumbs\"><a href=\"/blog\">&lt; Back to blog</a></div>"
               "<h1>A story</h1></body>",
               NULL);
    STR_EQ(m->section, NULL, "");
    m = S_read("<body><div class=\"breadcrumbs\"><a href=\"/shop\">Back</a></div>"
               "<h1>A story</h1></body>",
               NULL);
    STR_EQ(m->section, NULL, "");
    /* Crumbs into the archive browse by date: the desk before them. */
    m = S_read("<body><div id=\"breadcrumb\"><a href=\"/mag/\">Mag</a> &gt; <a href=\"/mag/news/\">"
               "News</a> &gt; <a href=\"/mag/news/archiv/?y=2015\">2015</a> &gt; <a "
               "href=\"/mag/news/archiv/?y=2015;w=15\">KW 15</a> &gt; <span>A story</span></div>"
               "<h1>A story</h1></body>",
               NULL);
    STR_EQ(m->section, "News", "");
}

static void test_section_kicker(void)
{
    /* The label right above the headline (a photo credit in between). */
    const cd_meta *m = S_read(
        "<body><article><div class=\"story-kicker\"><a href=\"/intl\">International</a></div>"
        "<figure><img src=\"a.jpg\"><span>Atta Kenare/AFP</span></figure>"
        "<h1>Report: letter to Iran</h1><p>Text.</p></article></body>",
        NULL);
    STR_EQ(m->section, "International", "");
    STR_EQ(m->section_source, "visible", "");
    /* The separator after the label goes. */
    m = S_read("<body><header><h4 class=\"post-upperdek\">Biz &amp; IT \xE2\x80\x94</h4>"
               "<h1>A story</h1></header></body>",
               NULL);
    STR_EQ(m->section, "Biz & IT", "");
    /* A lone link to a section page right above the headline, whatever its class. */
    m = S_read("<body><article><div class=\"a\"><h3 class=\"x\"><a href=\"/sections/education/\">"
               "Education</a></h3></div><div class=\"t\"><h1>A story</h1></div></article></body>",
               NULL);
    STR_EQ(m->section, "Education", "");
    m = S_read("<body><div><ul class=\"groups\"><li><a href=\"https://n.example/apple\">Apple</a>"
               "</li></ul><div><h1>A story</h1></div></div></body>",
               NULL);
    STR_EQ(m->section, "Apple", "");
    /* Not a link to an article, the home page, or one among other texts. */
    m = S_read("<body><div><a href=\"/2024/05/other-story.html\">Other story</a><h1>A story</h1>"
               "</div></body>",
               NULL);
    STR_EQ(m->section, NULL, "");
    m = S_read("<body><div><a href=\"/\">Front</a><h1>A story</h1></div></body>", NULL);
    STR_EQ(m->section, NULL, "");
    m = S_read("<body><div><p>Posted in</p><a href=\"/world\">World</a><h1>A story</h1></div>"
               "</body>",
               NULL);
    STR_EQ(m->section, NULL, "");
    /* A category item of the site menu right before the h1: never. */
    m = S_read("<body><nav><ul><li class=\"category\"><a href=\"/w\">World</a></li></ul></nav>"
               "<h1>A story</h1></body>",
               NULL);
    STR_EQ(m->section, NULL, "");
    m = S_read("<body><div class=\"menu\"><span class=\"category\">World</span></div>"
               "<h1>A story</h1></body>",
               NULL);
    STR_EQ(m->section, NULL, "");
    /* Text above the h1 in an element not named a label. */
    m = S_read("<body><div class=\"promo\">World</div><h1>A story</h1></body>", NULL);
    STR_EQ(m->section, NULL, "");
    /* A date in the label's place. */
    m = S_read("<body><div class=\"eyebrow\">July 29</div><h1>A story</h1></body>", NULL);
    STR_EQ(m->section, NULL, "");
    /* The site's name above the h1. */
    m = S_read("<head><meta property=\"og:site_name\" content=\"The Daily Planet\"></head>"
               "<body><div class=\"kicker\">The Daily Planet</div><h1>A story</h1></body>",
               NULL);
    STR_EQ(m->section, NULL, "");
}

/* ---- tags --------------------------------------------------------------------- */

static void test_tags(void)
{
    const cd_meta *m = S_read("<head><meta property=\"article:tag\" content=\"Iran\">"
                              "<meta property=\"article:tag\" content=\"ISIL\">"
                              "<meta property=\"article:tag\" content=\"iran\">"
                              "<meta name=\"keywords\" content=\"other, words\"></head>",
                              NULL);
    INT_EQ(m->ntags, 2, "");
    STR_EQ(S_tag(m, 0), "Iran", "");
    STR_EQ(S_tag(m, 1), "ISIL", "");
    STR_EQ(m->tags_source, "og", "");
    STR_EQ(cd_meta_field_source(m, "tags"), "og", "");
    /* news_keywords over keywords, not merged; junk (an id, a URL, a
     * sentence) dropped; a year is a topic. */
    m = S_read("<head><meta name=\"keywords\" content=\"seo, stuffing\">"
               "<meta name=\"news_keywords\" content=\"Obama; Iran, 2014, 18153161, https://x.com/t, "
               "#Nuclear talks, "
               "a very long keyword that is really a sentence and not a tag at all\"></head>",
               NULL);
    INT_EQ(m->ntags, 4, "");
    STR_EQ(S_tag(m, 0), "Obama", "");
    STR_EQ(S_tag(m, 1), "Iran", "");
    STR_EQ(S_tag(m, 2), "2014", "");
    STR_EQ(S_tag(m, 3), "Nuclear talks", "");
    STR_EQ(m->tags_source, "meta", "");
    m = S_read("<head><meta name=\"keywords\" content=\"1999, 0123\"></head>", NULL);
    INT_EQ(m->ntags, 1, "");
    STR_EQ(S_tag(m, 0), "1999", "");
    /* The site's name among the article's own tags stays (as the publisher
     * wrote them); in a keywords meta it goes. */
    m = S_read("<head><meta property=\"og:site_name\" content=\"Folha de S.Paulo\">"
               "<meta property=\"article:tag\" content=\"Folha de S.Paulo\">"
               "<meta property=\"article:tag\" content=\"Futebol\"></head>",
               NULL);
    INT_EQ(m->ntags, 2, "");
    STR_EQ(S_tag(m, 0), "Folha de S.Paulo", "");
    m = S_read("<head><meta property=\"og:site_name\" content=\"STAT\"></head>" LD(
                   "{\"@type\":\"Article\",\"headline\":\"H\",\"keywords\":[\"Obesity\",\"STAT+\"]}"),
               NULL);
    INT_EQ(m->ntags, 2, "");
    STR_EQ(S_tag(m, 1), "STAT+", "");
    /* JSON-LD keywords: a string or an array. */
    m = S_read(LD("{\"@type\":\"Article\",\"headline\":\"H\",\"keywords\":\"alpha,beta\"}"), NULL);
    INT_EQ(m->ntags, 2, "");
    STR_EQ(S_tag(m, 1), "beta", "");
    STR_EQ(m->tags_source, "json-ld", "");
    m = S_read(LD("{\"@type\":\"Article\",\"headline\":\"H\",\"keywords\":[\"Gear &amp; "
                  "Tech\",\"x, y\"]}"),
               NULL);
    INT_EQ(m->ntags, 3, "");
    STR_EQ(S_tag(m, 0), "Gear & Tech", "");
    /* rel=tag links in the article (its own footer included); categories
     * are not tags. */
    m = S_read("<body><article><h1>H</h1><p>t</p><footer>"
               "<a rel=\"tag\" href=\"/tag/glaciers\">glaciers</a>"
               "<a rel=\"category tag\" href=\"/c/news\">News</a>"
               "<a rel=\"tag\" href=\"/category/featured/\">Featured</a>"
               "<a rel=\"tag\" href=\"/tag/alps\">Alps</a></footer></article>"
               "<a rel=\"tag\" href=\"/tag/x\">outside</a></body>",
               NULL);
    INT_EQ(m->ntags, 2, "");
    STR_EQ(S_tag(m, 0), "glaciers", "");
    STR_EQ(S_tag(m, 1), "Alps", "");
    STR_EQ(m->tags_source, "html", "");
    m = S_read("<body><article><h1>H</h1><a rel=\"tag\" href=\"/primary-categories/it/\">IT</a>"
               "<a rel=\"tag\" href=\"/tag/apple/\">Apple</a></article></body>",
               NULL);
    INT_EQ(m->ntags, 1, "");
    STR_EQ(S_tag(m, 0), "Apple", "");
    /* Parse.ly's tags after JSON-LD keywords; words that name no topic. */
    m = S_read("<head><meta name=\"parsely-tags\" content=\"Workouts,Newsletter,Ad Test\">" LD(
                   "{\"@type\":\"Article\",\"headline\":\"H\",\"keywords\":[\"Workouts\",\"Page\","
                   "\"Rowing\"]}") "</head>",
               NULL);
    INT_EQ(m->ntags, 2, "");
    STR_EQ(S_tag(m, 1), "Rowing", "");
    STR_EQ(m->tags_source, "json-ld", "");
    /* <meta name=keywords> naming the site is the site's list, not the
     * article's: the next source is used. A tag naming the site elsewhere
     * is dropped alone. */
    m = S_read("<head><meta name=\"keywords\" content=\"board game, boardgamegeek, geek\"></head>"
               "<body><article><h1>H</h1><a rel=\"tag\" href=\"/t/c\">Catan</a></article></body>",
               "https://boardgamegeek.com/blog/1/x");
    INT_EQ(m->ntags, 1, "");
    STR_EQ(S_tag(m, 0), "Catan", "");
    m = S_read("<head><meta property=\"og:site_name\" content=\"Serious Eats\">"
               "<meta name=\"parsely-tags\" content=\"Drinks,Serious Eats,Coffee\"></head>",
               NULL);
    INT_EQ(m->ntags, 2, "");
    STR_EQ(S_tag(m, 1), "Coffee", "");
    /* Commas inside one name. */
    m = S_read(
        "<meta name=\"parsely-tags\" content=\"Garden Tools,Fruit, Vegetable, & Herb Gardens\">",
        NULL);
    INT_EQ(m->ntags, 2, "");
    STR_EQ(S_tag(m, 1), "Fruit, Vegetable, & Herb Gardens", "");
    m = S_read(
        "<meta name=\"keywords\" content=\"Popular News, Bangladeshi Newspaper,Food Security\">",
        NULL);
    INT_EQ(m->ntags, 3, "");
    STR_EQ(S_tag(m, 1), "Bangladeshi Newspaper", "");
    m = S_read("<meta name=\"keywords\" content=\"Lite:true,LockedPostSource:NONE,Node.js\">",
               NULL);
    INT_EQ(m->ntags, 1, "");
    STR_EQ(S_tag(m, 0), "Node.js", "");
    /* Dates are archive links, not topics. */
    m = S_read(
        "<meta name=\"keywords\" content=\"July 2022,4 July 2022,Web design,B2B Marketing,Mar 3\">",
        NULL);
    INT_EQ(m->ntags, 2, "");
    STR_EQ(S_tag(m, 0), "Web design", "");
    STR_EQ(S_tag(m, 1), "B2B Marketing", "");
    /* Prose cut at commas is not a tag. */
    m = S_read(
        "<meta name=\"keywords\" content=\"routes (LA to Rome, Miami to Rio). Finally, fares\">",
        NULL);
    INT_EQ(m->ntags, 1, "");
    STR_EQ(S_tag(m, 0), "fares", "");
    /* At most CD_MAX_TAGS. */
    char html[4096];
    size_t o = (size_t)snprintf(html, sizeof html, "<meta name=\"keywords\" content=\"");
    for (int i = 0; i < 50; i++)
        o += (size_t)snprintf(html + o, sizeof html - o, "tag%d,", i);
    snprintf(html + o, sizeof html - o, "\">");
    m = S_read(html, NULL);
    INT_EQ(m->ntags, CD_MAX_TAGS, "");
    STR_EQ(S_tag(m, 31), "tag31", "");
}

/* ---- image -------------------------------------------------------------------- */

static void test_image(void)
{
    /* og:image, relative, resolved against the caller's URL. */
    const cd_meta *m = S_read("<head><meta property=\"og:image\" content=\"/img/lead.jpg\"></head>",
                              "https://ex.com/news/story.html");
    STR_EQ(m->image_url, "https://ex.com/img/lead.jpg", "");
    STR_EQ(m->image_source, "og", "");
    STR_EQ(cd_meta_field_source(m, "image"), "og", "");
    /* … or against the canonical URL. */
    m = S_read("<head><link rel=\"canonical\" href=\"https://ex.com/a/b\">"
               "<meta property=\"og:image\" content=\"pic.jpg?w=1&amp;amp;h=2\"></head>",
               NULL);
    STR_EQ(m->image_url, "https://ex.com/a/pic.jpg?w=1&h=2", "");
    /* A logo or a site default is skipped for the next source. */
    m = S_read("<head><meta property=\"og:image\" content=\"https://ex.com/assets/site-logo.png\">"
               "<meta name=\"twitter:image\" content=\"https://ex.com/p/photo.jpg\"></head>",
               NULL);
    STR_EQ(m->image_url, "https://ex.com/p/photo.jpg", "");
    STR_EQ(m->image_source, "twitter", "");
    m = S_read(
        "<head><meta property=\"og:image\" content=\"https://ex.com/facebook-default-wide.jpg\">"
        "<meta property=\"og:image\" content=\"https://ex.com/i/x.svg\"></head>",
        NULL);
    STR_EQ(m->image_url, NULL, "");
    /* A logo folder, also behind an image proxy. */
    m = S_read("<head><meta property=\"og:image\" "
               "content=\"https://ex.com/_next/image/?url=https%3A%2F%2Fex.com"
               "%2Fimages%2Fbranding%2Flogos%2Fblock_monogram.jpg&amp;w=1200\">"
               "<meta property=\"og:image\" content=\"https://ex.com/static/logos/mark.jpg\">"
               "<meta property=\"og:image\" "
               "content=\"https://ex.com/_next/image/?url=%2Fup%2Fsite-logo.png\">"
               "<meta property=\"og:image\" "
               "content=\"https://ex.com/_next/image/?url=%2Fup%2Fphoto.png&amp;w=9\">"
               "</head>",
               NULL);
    STR_EQ(m->image_url, "https://ex.com/_next/image/?url=%2Fup%2Fphoto.png&w=9", "");
    m = S_read(
        "<head><meta property=\"og:image\" content=\"https://ex.com/defaultPromoCrop.png\"></head>",
        NULL);
    STR_EQ(m->image_url, NULL, "");
    m = S_read(
        "<head><meta property=\"og:image\" content=\"https://ex.com/i/og_generic.webp\"></head>",
        NULL);
    STR_EQ(m->image_url, NULL, "");
    m = S_read("<head><meta property=\"og:image\" "
               "content=\"https://ex.com/feature-no-logo_v2.png\"></head>",
               NULL);
    STR_EQ(m->image_url, "https://ex.com/feature-no-logo_v2.png", "");
    /* JSON-LD: ImageObject, arrays, the publisher's logo is never the image,
     * an author's picture neither; thumbnailUrl when the image is a reference. */
    m = S_read(
        LD("{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"image\":[{\"@type\":\"ImageObject\","
           "\"url\":\"https://ex.com/a.jpg\"},\"https://ex.com/b.jpg\"],"
           "\"author\":{\"@type\":\"Person\",\"name\":\"A "
           "B\",\"image\":\"https://ex.com/me.jpg\"}}"),
        NULL);
    STR_EQ(m->image_url, "https://ex.com/a.jpg", "");
    STR_EQ(m->image_source, "json-ld", "");
    m = S_read(
        LD("{\"@graph\":[{\"@type\":\"Article\",\"headline\":\"H\",\"image\":{\"@id\":"
           "\"https://ex.com/p/#primaryimage\"},\"thumbnailUrl\":\"https://ex.com/t.jpg\"}]}"),
        NULL);
    STR_EQ(m->image_url, "https://ex.com/t.jpg", "");
    m = S_read(LD("{\"@type\":\"Article\",\"headline\":\"H\",\"image\":{\"@id\":\"https://ex.com/u/"
                  "x.webp\"}}"),
               NULL);
    STR_EQ(m->image_url, "https://ex.com/u/x.webp", "");
    m = S_read(
        "<head><meta property=\"og:image\" content=\"https://ex.com/brand/mark.png\">" LD(
            "{\"@type\":\"Article\",\"headline\":\"H\",\"image\":\"https://ex.com/brand/mark.png\","
            "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Ex\",\"logo\":{\"@type\":"
            "\"ImageObject\","
            "\"url\":\"https://ex.com/brand/mark.png\"}}}") "</head>",
        NULL);
    STR_EQ(m->image_url, NULL, "");
    /* <link rel=image_src>, microdata of the article (not of its author). */
    m = S_read("<head><link rel=\"image_src\" href=\"//cdn.ex.com/l.jpg\"></head>",
               "https://ex.com/x");
    STR_EQ(m->image_url, "https://cdn.ex.com/l.jpg", "");
    STR_EQ(m->image_source, "html", "");
    m = S_read("<body><article itemscope itemtype=\"http://schema.org/Article\">"
               "<div itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\">"
               "<img itemprop=\"image\" src=\"/me.jpg\"></div>"
               "<img itemprop=\"image\" src=\"/lead.jpg\"><h1>H</h1></article></body>",
               "https://ex.com/x");
    STR_EQ(m->image_url, "https://ex.com/lead.jpg", "");
    STR_EQ(m->image_source, "microdata", "");
    /* A site fallback, an agency emblem; a URL glued after the site's. */
    m = S_read(
        "<head><meta property=\"og:image\" content=\"https://ex.com/blog/fallback-unfurling.jpg\">"
        "<meta property=\"og:image\" content=\"https://ex.com/files/Agency_emblem.png\">"
        "<meta name=\"twitter:image\" "
        "content=\"https://ex.comhttps://cdn.ex.net/p/photo.jpeg?w=9\"></head>",
        NULL);
    STR_EQ(m->image_url, "https://cdn.ex.net/p/photo.jpeg?w=9", "");
    /* An image proxy keeps its origin in the path: left as it is. */
    m = S_read("<meta property=\"og:image\" "
               "content=\"https://cdn.ex.com/fetch/w_9/https://ex.org/a.jpg\">",
               NULL);
    STR_EQ(m->image_url, "https://cdn.ex.com/fetch/w_9/https://ex.org/a.jpg", "");
    /* A host that cannot exist. */
    m = S_read("<head><meta property=\"og:image\" content=\"https://-/media/75EB.ashx\"></head>",
               NULL);
    STR_EQ(m->image_url, NULL, "");
    /* Script and data URLs are not images to link to. */
    m = S_read("<head><meta property=\"og:image\" content=\"javascript:alert(1)\">"
               "<meta property=\"og:image\" content=\"data:image/png;base64,AAAA\"></head>",
               NULL);
    STR_EQ(m->image_url, NULL, "");
}

/* ---- deck and credit ---------------------------------------------------------- */

static void test_deck(void)
{
    const cd_meta *m = S_read(LD("{\"@type\":\"NewsArticle\",\"headline\":\"Obama sent letter\","
                                 "\"alternativeHeadline\":\"Secret missive stressed progress\","
                                 "\"description\":\"A summary\"}"),
                              NULL);
    STR_EQ(m->deck, "Secret missive stressed progress", "");
    STR_EQ(m->deck_source, "json-ld", "");
    STR_EQ(cd_meta_field_source(m, "deck"), "json-ld", "");
    /* The headline again is no deck; a description never is one. */
    m = S_read(
        LD("{\"@type\":\"NewsArticle\",\"headline\":\"Obama sent letter\","
           "\"alternativeHeadline\":\"Obama Sent Letter\",\"description\":\"A summary\"}") "<meta "
                                                                                           "name="
                                                                                           "\"descr"
                                                                                           "iption"
                                                                                           "\" "
                                                                                           "content"
                                                                                           "=\"A "
                                                                                           "summary"
                                                                                           "\">",
        NULL);
    STR_EQ(m->deck, NULL, "");
    STR_EQ(cd_meta_field_source(m, "deck"), NULL, "");
    /* Other wordings of the headline are not decks either. */
    static const char *const variants[] = {
        "Why tutoring fails,Why tutoring fails", "10 Free Accounting Tools for Small Businesses",
        "The 3 Best Wireless Earbuds of 2026", "Brains Are Not Required--Simple Cells Can Do It"};
    static const char *const titles[] = {"Why tutoring fails",
                                         "10 Free Accounting Tools for Your Small Business",
                                         "The Best Wireless Earbuds", "Brains Are Not Required"};
    for (size_t i = 0; i < 4; i++) {
        char html[512];
        snprintf(
            html, sizeof html,
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"%s\","
            "\"alternativeHeadline\":\"%s\"}</script>",
            titles[i], variants[i]);
        m = S_read(html, NULL);
        STR_EQ(m->deck, NULL, "%s", variants[i]);
    }
}

static void test_credit(void)
{
    const cd_meta *m = S_read(
        LD("{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"publisher\":"
           "{\"@type\":\"Organization\",\"name\":\"Daily Ledger\"},"
           "\"sourceOrganization\":{\"@type\":\"NewsMediaOrganization\",\"name\":\"Reuters\"}}"),
        NULL);
    STR_EQ(m->credit, "Reuters", "");
    STR_EQ(m->credit_source, "json-ld", "");
    /* The publisher naming itself, a bare reference, a URL: no credit. */
    m = S_read(
        LD("{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"publisher\":"
           "{\"@type\":\"Organization\",\"name\":\"DigitalOcean\"},"
           "\"sourceOrganization\":{\"@type\":\"Organization\",\"name\":\"DigitalOcean "
           "Community\"},"
           "\"provider\":{\"@id\":\"https://ex.com/#org\"},\"isBasedOn\":\"https://ex.com/orig\"}"),
        NULL);
    STR_EQ(m->credit, NULL, "");
    m = S_read("<head><meta name=\"source\" content=\"Xinhua\"></head>", NULL);
    STR_EQ(m->credit, "Xinhua", "");
    STR_EQ(m->credit_source, "meta", "");
    m = S_read("<head><meta name=\"original-source\" content=\"https://ex.com/story\"></head>",
               NULL);
    STR_EQ(m->credit, NULL, "");
}

/* ---- hostile values ----------------------------------------------------------- */

static void test_hostile(void)
{
    /* Invalid UTF-8 and control characters come out cleaned. */
    const cd_meta *m = S_read("<head><meta property=\"article:section\" content=\"Wo\xff\x01rld\">"
                              "<meta name=\"keywords\" content=\"a\xc3, b\"></head>",
                              NULL);
    OK(m->section && strstr(m->section, "\xef\xbf\xbd") != NULL, "U+FFFD in section");
    INT_EQ(m->ntags, 2, "");
    /* A huge breadcrumb list and keyword array stay bounded. */
    size_t cap = 400000, o = 0;
    char *big = malloc(cap);
    OK(big != NULL, "");
    if (!big) return;
    o += (size_t)snprintf(big + o, cap - o,
                          "<script type=\"application/ld+json\">[{\"@type\":\"BreadcrumbList\","
                          "\"itemListElement\":[");
    for (int i = 0; i < 3000; i++)
        o += (size_t)snprintf(big + o, cap - o,
                              "%s{\"position\":%d,\"name\":\"Crumb %d\",\"item\":\"/c%d\"}",
                              i ? "," : "", i + 1, i, i);
    o += (size_t)snprintf(big + o, cap - o,
                          "]},{\"@type\":\"Article\",\"headline\":\"H\",\"keywords\":[");
    for (int i = 0; i < 3000; i++)
        o += (size_t)snprintf(big + o, cap - o, "%s\"k%d\"", i ? "," : "", i);
    snprintf(big + o, cap - o, "]}]</script>");
    m = S_read(big, NULL);
    INT_EQ(m->ntags, CD_MAX_TAGS, "");
    OK(m->section != NULL, "a section from a long trail");
    free(big);
    /* A flood of tags leaves room for the other fields' candidates. */
    big = malloc(cap);
    OK(big != NULL, "");
    if (!big) return;
    o = (size_t)snprintf(big, cap, "<head>");
    for (int i = 0; i < 1000; i++)
        o += (size_t)snprintf(big + o, cap - o, "<meta property=\"article:tag\" content=\"t%d\">",
                              i);
    snprintf(big + o, cap - o,
             "<meta property=\"og:title\" content=\"Still here\"><meta name=\"author\" "
             "content=\"Ann Lee\">"
             "</head>");
    m = S_read(big, NULL);
    STR_EQ(m->title, "Still here", "");
    INT_EQ(m->nauthors, 1, "");
    INT_EQ(m->ntags, CD_MAX_TAGS, "");
    free(big);
    /* Deeply nested image arrays are not followed. */
    m = S_read(
        LD("{\"@type\":\"Article\",\"headline\":\"H\",\"image\":[[[[\"https://ex.com/x.jpg\"]]]]}"),
        NULL);
    STR_EQ(m->image_url, NULL, "");
}

int main(void)
{
    S_parser = cd_parser_new(cd_mem_default());
    OK(S_parser != NULL, "parser");
    if (!S_parser) return cd_t_done();
    cd_arena_init(&S_arena, cd_mem_default(), 64 * 1024);
    cd_dom_init(&S_dom, cd_mem_default(), &S_arena);

    test_section_jsonld();
    test_section_meta();
    test_section_breadcrumbs();
    test_section_visible_trail();
    test_section_kicker();
    test_tags();
    test_image();
    test_deck();
    test_credit();
    test_hostile();

    cd_dom_free(&S_dom);
    cd_arena_free(&S_arena);
    cd_parser_free(S_parser);
    return cd_t_done();
}
