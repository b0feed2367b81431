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

#include "../util/ctype.h"
#include "hints.h"

typedef struct {
    const char *word;
    int weight; /* CD_HINT_* */
} S_word;

/* Sorted for bsearch-free linear scan; the lists are short. Weights:
 * CD_HINT_CHROME  – never article text, drop wherever found (unless it would
 *                   remove most of the page);
 * CD_HINT_NEG     – lowers the score of a candidate container;
 * CD_HINT_POS     – raises it. */
static const S_word S_words[] = {
    /* chrome */
    {"breadcrumb", CD_HINT_CHROME},
    {"breadcrumbs", CD_HINT_CHROME},
    {"cookie", CD_HINT_CHROME},
    {"cookies", CD_HINT_CHROME},
    {"consent", CD_HINT_CHROME},
    {"gdpr", CD_HINT_CHROME},
    {"newsletter", CD_HINT_CHROME},
    {"subscribe", CD_HINT_CHROME},
    {"subscription", CD_HINT_CHROME},
    {"signup", CD_HINT_CHROME},
    {"share", CD_HINT_CHROME},
    {"sharing", CD_HINT_CHROME},
    {"sharebar", CD_HINT_CHROME},
    {"social", CD_HINT_CHROME},
    {"socials", CD_HINT_CHROME},
    {"related", CD_HINT_CHROME},
    {"recommended", CD_HINT_CHROME},
    {"recommendations", CD_HINT_CHROME},
    {"outbrain", CD_HINT_CHROME},
    {"taboola", CD_HINT_CHROME},
    {"sidebar", CD_HINT_CHROME},
    {"navbar", CD_HINT_CHROME},
    {"nav", CD_HINT_CHROME},
    {"navigation", CD_HINT_CHROME},
    {"menu", CD_HINT_CHROME},
    {"submenu", CD_HINT_CHROME},
    {"megamenu", CD_HINT_CHROME},
    {"footer", CD_HINT_CHROME},
    {"advert", CD_HINT_CHROME},
    {"advertisement", CD_HINT_CHROME},
    {"advertising", CD_HINT_CHROME},
    {"ad", CD_HINT_CHROME},
    {"ads", CD_HINT_CHROME},
    {"adslot", CD_HINT_CHROME},
    {"dfp", CD_HINT_CHROME},
    {"sponsor", CD_HINT_CHROME},
    {"sponsored", CD_HINT_CHROME},
    {"promo", CD_HINT_CHROME},
    {"popup", CD_HINT_CHROME},
    {"modal", CD_HINT_CHROME},
    {"skip", CD_HINT_CHROME},
    {"skiplink", CD_HINT_CHROME},
    {"pagination", CD_HINT_CHROME},
    {"pager", CD_HINT_CHROME},
    {"disqus", CD_HINT_CHROME},
    {"masthead", CD_HINT_CHROME},
    {"toolbar", CD_HINT_CHROME},
    {"banner", CD_HINT_CHROME},
    {"login", CD_HINT_CHROME},
    {"paywall", CD_HINT_CHROME},
    {"offcanvas", CD_HINT_CHROME},
    {"trending", CD_HINT_CHROME},
    {"popular", CD_HINT_CHROME},
    /* negative */
    {"comment", CD_HINT_COMMENT},
    {"comments", CD_HINT_COMMENT},
    {"respond", CD_HINT_COMMENT},
    {"replies", CD_HINT_COMMENT},
    {"header", CD_HINT_NEG},
    {"meta", CD_HINT_NEG},
    {"byline", CD_HINT_NEG},
    {"author", CD_HINT_NEG},
    {"tags", CD_HINT_NEG},
    {"tag", CD_HINT_NEG},
    {"hidden", CD_HINT_NEG},
    {"extra", CD_HINT_NEG},
    {"rss", CD_HINT_NEG},
    {"shoutbox", CD_HINT_NEG},
    {"sitemap", CD_HINT_NEG},
    {"supplemental", CD_HINT_NEG},
    {"aside", CD_HINT_NEG},
    {"links", CD_HINT_NEG},
    {"more", CD_HINT_NEG},
    {"caption", CD_HINT_NEG},
    {"credit", CD_HINT_NEG},
    {"print", CD_HINT_NEG},
    /* positive */
    {"article", CD_HINT_POS},
    {"articlebody", CD_HINT_POS},
    {"body", CD_HINT_POS},
    {"content", CD_HINT_POS},
    {"entry", CD_HINT_POS},
    {"main", CD_HINT_POS},
    {"page", CD_HINT_POS},
    {"post", CD_HINT_POS},
    {"text", CD_HINT_POS},
    {"blog", CD_HINT_POS},
    {"story", CD_HINT_POS},
    {"prose", CD_HINT_POS},
    {"rte", CD_HINT_POS},
    {"richtext", CD_HINT_POS},
};

/* Look up one lower-cased word. */
static int S_lookup(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof S_words / sizeof S_words[0]; i++) {
        if (strlen(S_words[i].word) == n && memcmp(S_words[i].word, w, n) == 0)
            return S_words[i].weight;
    }
    return 0;
}

/* Split an attribute value into words and OR their hints together. */
static unsigned S_words_of(const char *s, size_t n)
{
    unsigned hints = 0;
    char w[32];
    size_t wl = 0;
    for (size_t i = 0; i <= n; i++) {
        int c = i < n ? (unsigned char)s[i] : ' ';
        /* camelCase hump: "shareBar" -> "share" "bar". */
        int hump = cd_isalpha(c) && c >= 'A' && c <= 'Z' && wl > 0 && i > 0 &&
                   s[i - 1] >= 'a' && s[i - 1] <= 'z';
        if (!cd_isalnum(c) || hump) {
            if (wl > 0 && wl < sizeof w)
                hints |= (unsigned)S_lookup(w, wl);
            wl = 0;
            if (!hump)
                continue;
        }
        if (wl < sizeof w)
            w[wl] = (char)cd_tolower(c);
        wl++;
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
            if (cd_eq_nocase(a->value, a->value_len, "main") ||
                cd_eq_nocase(a->value, a->value_len, "article"))
                hints |= CD_HINT_POS;
        } else if (a->name_len == 8 && memcmp(a->name, "itemprop", 8) == 0) {
            if (cd_contains_nocase(a->value, a->value_len, "articlebody") ||
                cd_eq_nocase(a->value, a->value_len, "text"))
                hints |= CD_HINT_BODY;
        }
    }
    return hints;
}
