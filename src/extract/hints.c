/* extract/hints: what class, id and role attributes say about an element.
 *
 * Authors name their containers after what they hold: "article-body",
 * "post-content" and "entry" hold the text; "sidebar", "share-tools",
 * "newsletter-signup" and "related-posts" hold chrome. We split class and id
 * values into words (at spaces, '-', '_' and camelCase humps) and look each
 * word up, so "has-sidebar" and "sidebar" both say sidebar but "header" is not
 * "ad". The word lists follow Mozilla Readability's unlikelyCandidates /
 * positive / negative expressions and trafilatura's boilerplate XPaths,
 * generalised to words. ARIA roles are stronger: role="navigation" is never
 * article text. */
#include <string.h>
#include <threads.h>

#include "../util/ctype.h"
#include "hints.h"

/* Words that say chrome only together (internal bits, above the CD_HINT_*
 * ones): "author" or "byline" with "bio", "about", "box", "info" … names the
 * box about the writer ("author-box", "about-author", "byline-bio"), while
 * "author" alone may be the byline, "bio" alone biology and "info" anything. */
#define S_AUTHOR 0x1000u
#define S_ABOUT 0x2000u

/* The shortest and the longest word in the table. */
#define S_WORD_MIN 2
#define S_WORD_MAX 15

typedef struct {
    /* Zero-padded, so that a look-up compares two big-endian integers
     * (S_key), which orders words as strcmp does. */
    char word[S_WORD_MAX + 1];
    unsigned char len;
    unsigned short weight; /* CD_HINT_* */
} S_word;

/* Sorted by word for binary search (tests/api/test_extract.c checks it). Weights:
 * CD_HINT_CHROME  – never article text, drop wherever found (unless it would
 *                   remove most of the page);
 * CD_HINT_CONSENT – a consent manager's dialog (OneTrust, Cookiebot,
 *                   Usercentrics): chrome even when it holds most of the text
 *                   of a page whose content is rendered by script;
 * CD_HINT_COMMENT – user comments (kept with COPYDESK_OPT_KEEP_COMMENTS);
 * CD_HINT_NEG     – lowers the score of a candidate container;
 * CD_HINT_NOTE    – a note beside the story (deck, excerpt, summary, disclosure,
 *                   author's bio): never taken as its standfirst;
 * CD_HINT_POS     – raises it. */
static const S_word S_words[] = {
    {"about", 5, S_ABOUT},
    {"accordion", 9, CD_HINT_PANEL},
    {"ad", 2, CD_HINT_CHROME},
    {"ads", 3, CD_HINT_CHROME},
    {"adslot", 6, CD_HINT_CHROME},
    {"advert", 6, CD_HINT_CHROME},
    {"advertisement", 13, CD_HINT_CHROME},
    {"advertising", 11, CD_HINT_CHROME},
    {"answer", 6, CD_HINT_PANEL},
    {"article", 7, CD_HINT_POS},
    {"articlebody", 11, CD_HINT_POS},
    {"aside", 5, CD_HINT_NEG},
    {"author", 6, CD_HINT_NEG | CD_HINT_NOTE | S_AUTHOR},
    {"authorbio", 9, CD_HINT_CHROME},
    {"authorbox", 9, CD_HINT_CHROME},
    {"authors", 7, S_AUTHOR},
    {"bazaarvoice", 11, CD_HINT_COMMENT},
    {"bio", 3, CD_HINT_NOTE | S_ABOUT},
    {"biography", 9, S_ABOUT},
    {"blog", 4, CD_HINT_POS},
    {"body", 4, CD_HINT_POS},
    {"box", 3, S_ABOUT},
    {"breadcrumb", 10, CD_HINT_CHROME},
    {"breadcrumbs", 11, CD_HINT_CHROME},
    {"byline", 6, CD_HINT_NEG | CD_HINT_NOTE | S_AUTHOR},
    {"caption", 7, CD_HINT_NEG},
    {"collapse", 8, CD_HINT_PANEL},
    {"collapsible", 11, CD_HINT_PANEL},
    {"comment", 7, CD_HINT_COMMENT},
    {"comments", 8, CD_HINT_COMMENT},
    {"consent", 7, CD_HINT_CHROME},
    {"content", 7, CD_HINT_POS},
    {"contributor", 11, S_AUTHOR},
    {"cookie", 6, CD_HINT_CHROME},
    {"cookiebot", 9, CD_HINT_CHROME | CD_HINT_CONSENT},
    {"cookies", 7, CD_HINT_CHROME},
    {"copyright", 9, CD_HINT_NEG | CD_HINT_CREDIT},
    {"credit", 6, CD_HINT_NEG | CD_HINT_CREDIT},
    {"credits", 7, CD_HINT_NEG | CD_HINT_CREDIT},
    {"deck", 4, CD_HINT_NOTE},
    {"dek", 3, CD_HINT_NOTE},
    {"desc", 4, S_ABOUT},
    {"description", 11, S_ABOUT},
    {"details", 7, S_ABOUT},
    {"dfp", 3, CD_HINT_CHROME},
    {"disclaimer", 10, CD_HINT_NOTE},
    {"disclosure", 10, CD_HINT_NOTE},
    {"disqus", 6, CD_HINT_CHROME},
    {"donate", 6, CD_HINT_CHROME},
    {"donation", 8, CD_HINT_CHROME},
    {"donations", 9, CD_HINT_CHROME},
    {"entry", 5, CD_HINT_POS},
    {"excerpt", 7, CD_HINT_NOTE},
    {"extra", 5, CD_HINT_NEG},
    {"footer", 6, CD_HINT_CHROME},
    {"fundraising", 11, CD_HINT_CHROME},
    {"gdpr", 4, CD_HINT_CHROME},
    {"header", 6, CD_HINT_NEG},
    {"hidden", 6, CD_HINT_NEG},
    {"info", 4, S_ABOUT},
    {"links", 5, CD_HINT_NEG},
    {"login", 5, CD_HINT_CHROME},
    {"main", 4, CD_HINT_POS},
    {"masthead", 8, CD_HINT_CHROME},
    {"megamenu", 8, CD_HINT_CHROME},
    {"menu", 4, CD_HINT_CHROME},
    {"meta", 4, CD_HINT_NEG},
    {"modal", 5, CD_HINT_CHROME},
    {"more", 4, CD_HINT_NEG},
    {"nav", 3, CD_HINT_CHROME},
    {"navbar", 6, CD_HINT_CHROME},
    {"navigation", 10, CD_HINT_CHROME},
    {"newsletter", 10, CD_HINT_CHROME},
    {"offcanvas", 9, CD_HINT_CHROME},
    {"okendo", 6, CD_HINT_COMMENT},
    {"onetrust", 8, CD_HINT_CHROME | CD_HINT_CONSENT},
    {"outbrain", 8, CD_HINT_CHROME},
    {"page", 4, CD_HINT_POS},
    {"pager", 5, CD_HINT_CHROME},
    {"pagination", 10, CD_HINT_CHROME},
    {"pane", 4, CD_HINT_PANEL},
    {"paywall", 7, CD_HINT_CHROME},
    {"photocredit", 11, CD_HINT_NEG | CD_HINT_CREDIT},
    {"popular", 7, CD_HINT_CHROME},
    {"popup", 5, CD_HINT_CHROME},
    {"post", 4, CD_HINT_POS},
    {"print", 5, CD_HINT_NEG},
    {"profile", 7, S_ABOUT},
    {"promo", 5, CD_HINT_CHROME},
    {"prose", 5, CD_HINT_POS},
    {"recommendations", 15, CD_HINT_CHROME},
    {"recommended", 11, CD_HINT_CHROME},
    {"related", 7, CD_HINT_CHROME},
    {"replies", 7, CD_HINT_COMMENT},
    {"respond", 7, CD_HINT_COMMENT},
    {"reviews", 7, CD_HINT_COMMENT},
    {"richtext", 8, CD_HINT_POS},
    {"rss", 3, CD_HINT_NEG},
    {"rte", 3, CD_HINT_POS},
    {"share", 5, CD_HINT_CHROME},
    {"sharebar", 8, CD_HINT_CHROME},
    {"sharing", 7, CD_HINT_CHROME},
    {"shoutbox", 8, CD_HINT_NEG},
    {"sidebar", 7, CD_HINT_CHROME},
    {"signup", 6, CD_HINT_CHROME},
    {"sitemap", 7, CD_HINT_NEG},
    {"skiplink", 8, CD_HINT_CHROME},
    {"social", 6, CD_HINT_CHROME},
    {"socials", 7, CD_HINT_CHROME},
    {"sponsor", 7, CD_HINT_CHROME},
    {"sponsored", 9, CD_HINT_CHROME},
    {"standfirst", 10, CD_HINT_NOTE},
    {"story", 5, CD_HINT_POS},
    {"strapline", 9, CD_HINT_NOTE},
    {"subhead", 7, CD_HINT_NOTE},
    {"subheadline", 11, CD_HINT_NOTE},
    {"subhed", 6, CD_HINT_NOTE},
    {"submenu", 7, CD_HINT_CHROME},
    {"subscribe", 9, CD_HINT_CHROME},
    {"subscription", 12, CD_HINT_CHROME},
    {"subtitle", 8, CD_HINT_NOTE},
    {"summary", 7, CD_HINT_NOTE},
    {"supplemental", 12, CD_HINT_NEG},
    {"taboola", 7, CD_HINT_CHROME},
    {"tabpanel", 8, CD_HINT_PANEL},
    {"tag", 3, CD_HINT_NEG},
    {"tags", 4, CD_HINT_NEG},
    {"teaser", 6, CD_HINT_NOTE},
    {"text", 4, CD_HINT_POS},
    {"tldr", 4, CD_HINT_NOTE},
    {"toolbar", 7, CD_HINT_CHROME},
    {"trending", 8, CD_HINT_CHROME},
    {"trustpilot", 10, CD_HINT_COMMENT},
    {"usercentrics", 12, CD_HINT_CHROME | CD_HINT_CONSENT},
    {"yotpo", 5, CD_HINT_COMMENT},
};

/* Where the words of each first letter begin in S_words ('a' .. 'z', then
 * the end): a look-up searches one letter's words only. Worked out from the
 * table once per process (call_once: the library is used from many threads),
 * so the table is the only thing to edit. */
static unsigned char S_from[27];
static once_flag S_from_once = ONCE_FLAG_INIT;

static void S_from_init(void)
{
    size_t n = sizeof S_words / sizeof S_words[0], before = 0;
    for (size_t f = 0; f <= 26; f++) {
        while (before < n && (size_t)(S_words[before].word[0] - 'a') < f)
            before++;
        S_from[f] = (unsigned char)before;
    }
}

int cd_hints_table_ok(void)
{
    size_t n = sizeof S_words / sizeof S_words[0];
    for (size_t i = 0; i < n; i++) {
        if (strlen(S_words[i].word) != S_words[i].len || S_words[i].len < S_WORD_MIN ||
            S_words[i].len > S_WORD_MAX)
            return 0;
        if (i > 0 && strcmp(S_words[i - 1].word, S_words[i].word) >= 0)
            return 0;
        if (S_words[i].word[0] < 'a' || S_words[i].word[0] > 'z')
            return 0;
    }
    return n < 256; /* S_from holds indexes as bytes */
}

/* Eight bytes as a big-endian integer: comparing two of them compares the
 * bytes as memcmp does. */
static inline uint64_t S_be64(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    return (uint64_t)p[0] << 56 | (uint64_t)p[1] << 48 | (uint64_t)p[2] << 40 |
           (uint64_t)p[3] << 32 | (uint64_t)p[4] << 24 | (uint64_t)p[5] << 16 |
           (uint64_t)p[6] << 8 | (uint64_t)p[7];
}

/* Look up one word, in any case (a binary search among the words of its
 * first letter; each step compares the zero-padded words as two integers). */
static unsigned S_lookup(const char *w, size_t n)
{
    if (n < S_WORD_MIN || n > S_WORD_MAX)
        return 0;
    char q[S_WORD_MAX + 1] = {0};
    for (size_t i = 0; i < n; i++)
        q[i] = (char)cd_tolower((unsigned char)w[i]);
    unsigned f = (unsigned char)q[0] - 'a';
    if (f >= 26)
        return 0; /* a digit: no word starts with one */
    call_once(&S_from_once, S_from_init);
    size_t lo = S_from[f], hi = S_from[f + 1];
    /* Sorted: the letter's words span a range of second letters. */
    if (lo == hi || q[1] < S_words[lo].word[1] || q[1] > S_words[hi - 1].word[1])
        return 0;
    uint64_t qh = S_be64(q), ql = S_be64(q + 8);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const S_word *e = &S_words[mid];
        uint64_t eh = S_be64(e->word), el = S_be64(e->word + 8);
        if (qh == eh && ql == el)
            return e->weight;
        if (qh < eh || (qh == eh && ql < el))
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/* Split an attribute value into words (runs of letters and digits, cut
 * again at a camelCase hump: "shareBar" -> "share" "bar") and OR their
 * hints together. */
static unsigned S_words_of(const char *s, size_t n)
{
    unsigned hints = 0;
    size_t i = 0;
    while (i < n) {
        if (!cd_isalnum((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t st = i++;
        while (i < n && cd_isalnum((unsigned char)s[i]) &&
               !(s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z'))
            i++;
        hints |= S_lookup(s + st, i - st);
    }
    return hints;
}

static const char *const S_chrome_roles[] = {
    "navigation", "banner", "contentinfo", "complementary", "search", "menu",
    "menubar",    "dialog", "alertdialog", "toolbar",       "tablist", NULL,
};

unsigned cd_hints_of(const cd_dom *dom, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    unsigned hints = 0;
    for (uint32_t i = 0; i < n->len; i++) {
        const cd_attr *a = &n->u.attr[i];
        if ((a->name_len == 5 && memcmp(a->name, "class", 5) == 0) ||
            (a->name_len == 2 && memcmp(a->name, "id", 2) == 0)) {
            hints |= S_words_of(a->value, a->value_len);
        } else if (a->name_len == 4 && memcmp(a->name, "role", 4) == 0) {
            for (int k = 0; S_chrome_roles[k]; k++) {
                if (cd_eq_nocase(a->value, a->value_len, S_chrome_roles[k]))
                    hints |= CD_HINT_ROLE_CHROME;
            }
            if (cd_eq_nocase(a->value, a->value_len, "tabpanel"))
                hints |= CD_HINT_PANEL;
            if (cd_eq_nocase(a->value, a->value_len, "main") ||
                cd_eq_nocase(a->value, a->value_len, "article"))
                hints |= CD_HINT_POS;
        } else if (a->name_len == 8 && memcmp(a->name, "itemprop", 8) == 0) {
            if (cd_contains_nocase(a->value, a->value_len, "articlebody") ||
                cd_eq_nocase(a->value, a->value_len, "text"))
                hints |= CD_HINT_BODY;
        }
    }
    if ((hints & S_AUTHOR) && (hints & S_ABOUT))
        hints |= CD_HINT_CHROME;
    return hints & ~(S_AUTHOR | S_ABOUT);
}
