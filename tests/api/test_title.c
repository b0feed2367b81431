/* Unit tests for the title picker (src/meta/title.c): which h1 is the
 * headline, which names the site, and what is cut from the headline. Each
 * case parses an HTML snippet into a tree and reads its metadata. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "meta/meta.h"
#include "parse/parse.h"

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

/* An h1 that names the site (a logo, a book's title over its chapters) is
 * not the headline. */
static void test_site_h1(void)
{
    /* The h1 is the last part of <title>. */
    const cd_meta *m =
        S_read("<head><title>What is Ownership? - The Rust Programming Language</title></head>"
               "<body><h1>The Rust Programming Language</h1><p>Text.</p></body>",
               NULL);
    STR_EQ(m->title, "What is Ownership?", "");

    /* The h1 is inside the last part ("… / Arch Linux Forums"). */
    m = S_read("<head><title>Broken ISO in 2024 / Arch Linux Forums</title></head>"
               "<body><h1>Arch Linux</h1></body>",
               NULL);
    STR_EQ(m->title, "Broken ISO in 2024", "");

    /* The first h1 is og:site_name; the second one is the headline. */
    m = S_read(
        "<head><title>Get Free Tax Help | United Way of King County</title>"
        "<meta property=\"og:site_name\" content=\"United Way of King County\"></head>"
        "<body><h1>United Way of King County</h1><main><h1>Get Free Tax Help</h1></main></body>",
        NULL);
    STR_EQ(m->title, "Get Free Tax Help", "");

    /* "Site | Headline": the h1 at the end is the headline. */
    m = S_read("<head><title>Tastify | Top 7 Corporate Catering Trends for 2024</title>"
               "<meta property=\"og:site_name\" content=\"Tastify\"></head>"
               "<body><h1>Top 7 Corporate Catering Trends for 2024</h1></body>",
               NULL);
    STR_EQ(m->title, "Top 7 Corporate Catering Trends for 2024", "");
    STR_EQ(m->title_source, "h1", "");
}

/* The h1 chosen loses a site name after it, never one before it. */
static void test_h1_suffix(void)
{
    const cd_meta *m = S_read("<head><title>Vehicle rental News and Coverage | WRAL</title>"
                              "<meta property=\"og:site_name\" content=\"WRAL.com\"></head>"
                              "<body><h1>Vehicle rental News and Coverage | WRAL</h1></body>",
                              NULL);
    STR_EQ(m->title, "Vehicle rental News and Coverage", "");
    STR_EQ(m->title_source, "h1", "");

    m = S_read("<head><title>Nintendo Switch - OLED Model White set</title></head>"
               "<body><h1>Nintendo Switch - OLED Model White set</h1></body>",
               "https://www.nintendo.com/store/products/oled/");
    STR_EQ(m->title, "Nintendo Switch - OLED Model White set", "");
}

/* A label or a date set in the h1 with the headline is not part of it. */
static void test_h1_label(void)
{
    const cd_meta *m =
        S_read("<head><title>What do you look for in a web host? | Hosting Talk</title></head>"
               "<body><h1>Thread: What do you look for in a web host?</h1></body>",
               NULL);
    STR_EQ(m->title, "What do you look for in a web host?", "");
    m = S_read(
        "<head><meta property=\"og:title\" content=\"Preparing a transition in Debusine\"></head>"
        "<body><h1>Dec 18 2025 Preparing a transition in Debusine</h1></body>",
        NULL);
    STR_EQ(m->title, "Preparing a transition in Debusine", "");
    /* A year alone, or words, belong to the headline. */
    m = S_read(
        "<head><meta property=\"og:title\" content=\"Software Development Price Guide\"></head>"
        "<body><h1>2025 Software Development Price Guide</h1></body>",
        NULL);
    STR_EQ(m->title, "2025 Software Development Price Guide", "");
    m = S_read(
        "<head><meta property=\"og:title\" content=\"Best High School Tutors in 2025\"></head>"
        "<body><h1>Best High School Tutors in 2025, Reviewed by a Student</h1></body>",
        NULL);
    STR_EQ(m->title, "Best High School Tutors in 2025, Reviewed by a Student", "");
}

/* The domain's name is the label before the public suffix. */
static void test_domain_label(void)
{
    const cd_meta *m =
        S_read("<head><title>Kernel moves to C++ - Slashdot</title></head><body></body>",
               "https://developers.slashdot.org/story/25/01/01/kernel");
    STR_EQ(m->title, "Kernel moves to C++", "");
    m = S_read("<head><title>Budget vote delayed - BBC</title></head><body></body>",
               "https://news.bbc.co.uk/2/hi/uk/1.stm");
    STR_EQ(m->title, "Budget vote delayed", "");
}

/* "Brand: tagline", "Brand - tagline", "Brand | tagline" name an undated page (a home page, a
 * shop); on a dated article the name in front is the site's. */
static void test_brand_prefix(void)
{
    const cd_meta *m =
        S_read("<head><title>Figma: The Collaborative Interface Design Tool</title>"
               "<meta property=\"og:site_name\" content=\"Figma\"></head><body></body>",
               NULL);
    STR_EQ(m->title, "Figma: The Collaborative Interface Design Tool", "");
    m = S_read("<head><title>Town Crier: Council approves the new budget plan</title>"
               "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
               "\"datePublished\":\"2024-05-01\"}</script>"
               "<meta property=\"og:site_name\" content=\"Town Crier\"></head><body></body>",
               NULL);
    STR_EQ(m->title, "Council approves the new budget plan", "");
    /* The same with a dash. */
    m = S_read("<head><title>SuiteCRM - Open Source CRM Software for Businesses</title>"
               "<meta property=\"og:site_name\" content=\"SuiteCRM\"></head><body></body>",
               NULL);
    STR_EQ(m->title, "SuiteCRM - Open Source CRM Software for Businesses", "");
    m = S_read(
        "<head><title>BetterHelp | Professional Therapy With A Licensed Therapist</title></head>"
        "<body></body>",
        "https://www.betterhelp.com/");
    STR_EQ(m->title, "BetterHelp | Professional Therapy With A Licensed Therapist", "");
    m = S_read("<head><title>Town Crier - Council approves the new budget plan</title>"
               "<meta property=\"article:published_time\" content=\"2024-05-01\">"
               "<meta property=\"og:site_name\" content=\"Town Crier\"></head><body></body>",
               NULL);
    STR_EQ(m->title, "Council approves the new budget plan", "");
}

/* After the site, a dash before a section name ("Learn web development")
 * is cut; before a lower-case part, the dash is inside the headline. */
static void test_section_dash(void)
{
    const cd_meta *m =
        S_read("<head><meta property=\"og:title\" content=\"Friday Facts #282 - 0.17 in sight | "
               "Factorio\">"
               "<meta property=\"og:site_name\" content=\"Factorio.com\"></head><body></body>",
               NULL);
    STR_EQ(m->title, "Friday Facts #282 - 0.17 in sight", "");
    m = S_read("<head><title>How to use promises - Learn web development | MDN</title>"
               "<meta property=\"og:site_name\" content=\"MDN Web Docs\"></head><body></body>",
               NULL);
    STR_EQ(m->title, "How to use promises", "");
    /* A forum's path with one separator. */
    m = S_read("<head><title>What happened with the ISO in 2024 / Arch Discussion / Arch Linux "
               "Forums</title>"
               "</head><body><h1>Arch Linux</h1></body>",
               NULL);
    STR_EQ(m->title, "What happened with the ISO in 2024", "");
}

/* Dublin Core's title goes before OpenGraph's. */
static void test_dc_title(void)
{
    const cd_meta *m =
        S_read("<head><meta property=\"og:title\" content=\"A social title\">"
               "<meta name=\"DC.title\" content=\"The document title\"></head><body></body>",
               NULL);
    STR_EQ(m->title, "The document title", "");
}

/* Of <meta> titles of one kind, the last one written counts (as in a
 * table of meta values): name="DC.title" then property="dc:title", or
 * og:title stated twice. */
static void test_last_meta(void)
{
    const cd_meta *m =
        S_read("<head><meta name=\"DC.title\" content=\"Dublin Core name title\">"
               "<meta property=\"dc:title\" content=\"Dublin Core property title\"></head>"
               "<body></body>",
               NULL);
    STR_EQ(m->title, "Dublin Core property title", "");

    m = S_read("<head><meta property=\"og:title\" content=\"Grow Your Reach\">"
               "<meta property=\"og:title\" content=\"Local Radio Advertising Packages for Bakeries\">"
               "</head><body><h1>Local Radio Advertising Packages for Bakeries</h1></body>",
               NULL);
    STR_EQ(m->title, "Local Radio Advertising Packages for Bakeries", "");

    /* … unless the later one is only the site's name. */
    m = S_read("<head><meta property=\"og:site_name\" content=\"Oar House\">"
               "<meta property=\"og:title\" content=\"Rowing Schedules for Every Crew | Oar House\">"
               "<meta property=\"og:title\" content=\"Oar House\"></head><body></body>",
               NULL);
    STR_EQ(m->title, "Rowing Schedules for Every Crew", "");

    /* JSON-LD keeps the first object's headline (the page's own item). */
    m = S_read("<head><script type=\"application/ld+json\">"
               "[{\"@type\":\"NewsArticle\",\"headline\":\"The page's own story\"},"
               "{\"@type\":\"NewsArticle\",\"headline\":\"A related story\"}]"
               "</script></head><body></body>",
               NULL);
    STR_EQ(m->title, "The page's own story", "");
}

/* An h1 inside <main> is read even when a layout wrapper around <main> is
 * named for its side column ("main-container fixed-sidebar"). */
static void test_main_in_sidebar_layout(void)
{
    const cd_meta *m =
        S_read("<head><title>Plane blade on a stone | Example</title></head><body>"
               "<div class=\"main-container fixed-sidebar\"><main>"
               "<h1>Sharpening a hand plane blade on a stone</h1><p>Text.</p></main>"
               "<div class=\"sidebar\"><h1>Popular posts</h1></div></div></body>",
               NULL);
    STR_EQ(m->title, "Sharpening a hand plane blade on a stone", "");
    /* A real side column still keeps its h1 out. */
    m = S_read("<head><title>Something else entirely here</title></head><body>"
               "<div class=\"sidebar\"><h1>Popular posts</h1></div><p>Text.</p></body>",
               NULL);
    STR_EQ(m->title, "Something else entirely here", "");
}

/* "Site | motto" on an inner page is the template's default title: the
 * h1 names the page. On the home page the title is the page's name. */
static void test_site_default_title(void)
{
    static const char *const page =
        "<head><title>Dockside | Marina Tools for Harbour Masters</title>"
        "<meta property=\"og:site_name\" content=\"Dockside\"></head>"
        "<body><h1>Keep Every Boat Ready: Hull Care Calendars</h1><p>Text.</p></body>";
    const cd_meta *m = S_read(page, "https://dockside.example/guides/hull-care");
    STR_EQ(m->title, "Keep Every Boat Ready: Hull Care Calendars", "");
    m = S_read(page, "https://dockside.example/");
    STR_EQ(m->title, "Dockside | Marina Tools for Harbour Masters", "");
}

/* A social card that says something else than <title> (a motto, a
 * teaser) is passed over with the rest of its set; one that the h1
 * rewords is not. */
static void test_card_elsewhere(void)
{
    const cd_meta *m =
        S_read("<head><title>Shared Task Lists for Small Crews - Taskfarm</title>"
               "<meta property=\"og:site_name\" content=\"Taskfarm\">"
               "<meta property=\"og:title\" content=\"Where good teams get going\">"
               "<meta name=\"twitter:title\" content=\"Taskfarm\"></head><body></body>",
               NULL);
    STR_EQ(m->title, "Shared Task Lists for Small Crews", "");

    m = S_read("<head><title>What Gardeners Get Wrong About Soil - Almanac</title>"
               "<meta property=\"og:title\" content=\"Busting Old Garden Myths\"></head>"
               "<body><h1>7 Old Garden Myths Busted</h1><p>Text.</p></body>",
               NULL);
    STR_EQ(m->title, "7 Old Garden Myths Busted", "");
}

/* A headline cut at a length limit gives way to the whole one. */
static void test_untruncate(void)
{
    const cd_meta *m = S_read(
        "<head><title>Fix It Friday: Struggling With How To Arrange Your Living Room? We Help 4 "
        "Readers "
        "Find Solutions (Including One Universal Trick) - Emily Henderson</title>"
        "<meta property=\"og:site_name\" content=\"Emily Henderson\">"
        "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"Fix It Friday: "
        "Struggling With How To Arrange Your Living Room? We Help 4 Readers Find Solutions "
        "(Including\"}"
        "</script></head><body></body>",
        NULL);
    STR_EQ(m->title,
           "Fix It Friday: Struggling With How To Arrange Your Living Room? We Help 4 Readers Find "
           "Solutions (Including One Universal Trick)",
           "");
    /* A longer title that adds a section is not the whole headline. */
    m = S_read(
        "<head><meta property=\"og:title\" content=\"Best Practices for Setting Up Automations and "
        "Scripts in Home Assistant\"><title>Best Practices for Setting Up Automations and Scripts "
        "in "
        "Home Assistant - Configuration - Home Assistant Community</title></head><body></body>",
        NULL);
    STR_EQ(m->title, "Best Practices for Setting Up Automations and Scripts in Home Assistant", "");
}

/* " : " separates a site or a section as "|" does. */
static void test_spaced_colon(void)
{
    const cd_meta *m =
        S_read("<head><title>Wireless Headphones With Mic : Amazon.com</title>"
               "<meta property=\"og:site_name\" content=\"Amazon.com\"></head><body></body>",
               NULL);
    STR_EQ(m->title, "Wireless Headphones With Mic", "");
}

/* Character references escaped twice are decoded. */
static void test_unescape(void)
{
    const cd_meta *m = S_read(
        "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"And finally&amp;#8230; trouble &amp;amp; strife&amp;#x21;\"}</script>"
        "</head><body></body>",
        NULL);
    STR_EQ(m->title, "And finally\xe2\x80\xa6 trouble & strife!", "");
    /* A lone ampersand and unknown names stay. */
    m = S_read("<head><title>Salt &amp; pepper &amp;nope; R&amp;D</title></head><body></body>",
               NULL);
    STR_EQ(m->title, "Salt & pepper &nope; R&D", "");
}

/* The h1 is confirmed when it is the first part of a title, however short,
 * or sits inside one. */
static void test_h1_confirmed(void)
{
    const cd_meta *m =
        S_read("<head><title>Quickstart \xe2\x80\x94 Flask Documentation (3.1.x)</title></head>"
               "<body><h1>Quickstart</h1></body>",
               NULL);
    STR_EQ(m->title, "Quickstart", "");
    STR_EQ(m->title_source, "h1", "");
    m = S_read(
        "<head><title>Amazon.com: Wireless Headphones With Mic and Case : "
        "Electronics</title></head>"
        "<body><h1>Wireless Headphones With Mic and Case</h1><h1>About this item</h1></body>",
        NULL);
    STR_EQ(m->title, "Wireless Headphones With Mic and Case", "");
    STR_EQ(m->title_source, "h1", "");
    /* Of two h1s, "Topic - Forum" and "Topic", the topic. */
    m = S_read(
        "<head><title>Tips from a first time visitor - Japan Forum - Travel Site</title></head>"
        "<body><h1>Tips from a first time visitor - Japan Forum</h1><h1>Tips from a first time "
        "visitor</h1></body>",
        NULL);
    STR_EQ(m->title, "Tips from a first time visitor", "");
}

/* A creative work in JSON-LD that no other title agrees with is one item
 * on the page (a review under a product), not its headline. */
static void test_ld_work(void)
{
    const cd_meta *m =
        S_read("<head><meta property=\"og:title\" content=\"The Cream Face Moisturizer - Sephora\">"
               "<meta property=\"og:site_name\" content=\"Sephora\">"
               "<script type=\"application/ld+json\">{\"@type\":\"Review\","
               "\"name\":\"difference in my skin\"}</script></head><body></body>",
               NULL);
    STR_EQ(m->title, "The Cream Face Moisturizer", "");
    /* An h1 that a source states alone is no site name, even as the last
     * part of the <title>. */
    m = S_read("<head><title>Fiercely Strong Coffee | Dark Roast Coffee</title>"
               "<meta property=\"og:title\" content=\"Fiercely Strong Coffee | Dark Roast Coffee\">"
               "<script type=\"application/ld+json\">{\"@type\":\"Product\","
               "\"name\":\"Dark Roast Coffee\"}</script></head>"
               "<body><h1>Dark Roast Coffee</h1></body>",
               NULL);
    STR_EQ(m->title, "Dark Roast Coffee", "");
    /* A JSON-LD work named as the site is not the page's headline. */
    m = S_read("<head><meta property=\"og:title\" content=\"Pest Control Coupons\">"
               "<meta property=\"og:site_name\" content=\"Pest R Us Services\">"
               "<script type=\"application/ld+json\">{\"@type\":\"Article\","
               "\"headline\":\"Pest R Us Services\"}</script></head><body></body>",
               NULL);
    STR_EQ(m->title, "Pest Control Coupons", "");
}

/* An icon-font glyph after the h1 is no part of it; a <title> that opens
 * with a separator has no headline. */
static void test_icon_and_empty(void)
{
    const cd_meta *m = S_read(
        "<head><title>Ansible playbooks \xe2\x80\x94 Ansible Community Documentation</title></head>"
        "<body><h1>Ansible playbooks<a class=\"headerlink\" "
        "href=\"#x\">\xef\x83\x81</a></h1></body>",
        NULL);
    STR_EQ(m->title, "Ansible playbooks", "");
    STR_EQ(m->title_source, "h1", "");
    m = S_read("<head><title>| Nuts &amp; Volts Magazine</title></head><body><h1>Electronic "
               "Gadgets</h1></body>",
               NULL);
    STR_EQ(m->title, "Electronic Gadgets", "");
}

int main(void)
{
    S_parser = cd_parser_new(cd_mem_default());
    OK(S_parser != NULL, "parser");
    if (!S_parser) return cd_t_done();
    cd_arena_init(&S_arena, cd_mem_default(), 64 * 1024);
    cd_dom_init(&S_dom, cd_mem_default(), &S_arena);

    test_site_h1();
    test_h1_suffix();
    test_h1_label();
    test_domain_label();
    test_brand_prefix();
    test_section_dash();
    test_dc_title();
    test_untruncate();
    test_spaced_colon();
    test_unescape();
    test_h1_confirmed();
    test_ld_work();
    test_icon_and_empty();
    test_last_meta();
    test_main_in_sidebar_layout();
    test_site_default_title();
    test_card_elsewhere();

    cd_dom_free(&S_dom);
    cd_arena_free(&S_arena);
    cd_parser_free(S_parser);
    return cd_t_done();
}
