/* extract/hints: what class, id and role attributes say about an element.
 *
 * Authors name their containers after what they hold: "article-body",
 * "post-content" and "entry" hold the text; "sidebar", "share-tools",
 * "newsletter-signup" and "related-posts" hold chrome. We split class and id
 * values into words (at spaces, '-', '_' and camelCase humps: the one rule
 * of util/classword.h) and look each
 * word up, so "has-sidebar" and "sidebar" both say sidebar but "header" is not
 * "ad". The word lists follow Mozilla Readability's unlikelyCandidates /
 * positive / negative expressions and trafilatura's boilerplate XPaths,
 * generalised to words. ARIA roles are stronger: role="navigation" is never
 * article text. */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "../util/classword.h"
#include "../util/ctype.h"
#include "hints.h"
#include "wordlists.h"

/* The words and their CD_HINT_* bits are the lists src/lists/hints-*.txt,
 * compiled into one sorted set (cd_list_hints) at build time:
 * CD_HINT_CHROME  – never article text, drop wherever found (unless it would
 *                   remove most of the page);
 * CD_HINT_CONSENT – a consent manager's dialog (OneTrust, Cookiebot,
 *                   Usercentrics): chrome even when it holds most of the text
 *                   of a page whose content is rendered by script;
 * CD_HINT_COMMENT – user comments (kept with COPYDESK_OPT_KEEP_COMMENTS);
 * CD_HINT_NEG     – lowers the score of a candidate container;
 * CD_HINT_NOTE    – a note beside the story (deck, excerpt, summary, disclosure,
 *                   author's bio): never taken as its standfirst;
 * CD_HINT_POS     – raises it;
 * CD_HINT__AUTHOR and CD_HINT__ABOUT – chrome only together ("author-box",
 *                   "about-author", "byline-bio"), while "author" alone may
 *                   be the byline, "bio" alone biology and "info" anything. */
/* cd_hints_of_keyed keeps a key's hints in 15 bits and its "worked out" mark in the 16th. */
_Static_assert(((CD_HINT_CHROME | CD_HINT_NEG | CD_HINT_POS | CD_HINT_COMMENT | CD_HINT_ROLE_CHROME |
                 CD_HINT_BODY | CD_HINT_CREDIT | CD_HINT_NOTE | CD_HINT_PANEL | CD_HINT_CONSENT | CD_HINT_CTA | CD_HINT_LEGAL |
                 CD_HINT__AUTHOR | CD_HINT__ABOUT) & 0x8000u) == 0,
               "hints fit in 15 bits");

int cd_hints_table_ok(void)
{
    return cd_wordset_ok(&cd_list_hints) && cd_wordset_ok(&cd_list_aria_chrome_roles);
}

/* OR together the hints of the words of a class or id value (split by the
 * rule every stage uses, util/classword.h: "shareBar" -> "share" "bar";
 * utility classes are read too: "md:hidden" says hidden). */
/* cd_list_hints' entries by their first two bytes (util/wordset.h): most
 * class words are passed on one test instead of a look-up. Made once. */
static uint32_t S_pairs[32];
static pthread_once_t S_pairs_once = PTHREAD_ONCE_INIT;
static atomic_int S_pairs_ready;

static void S_pairs_make(void)
{
    cd_wordset_pairs(&cd_list_hints, S_pairs);
    atomic_store_explicit(&S_pairs_ready, 1, memory_order_release);
}

/* A token in which a chrome word comes before a positive one names chrome:
 * "related-article-box", "related-content-container" (wcxb-dev 0012's
 * related cards beside the story), "sidebar-content". The chrome word
 * qualifies the positive noun, so the token gives no CD_HINT_POS (which
 * would keep a prose-holding element named chrome, extract.c's S_prune).
 * The other order keeps both: "content-nav-section" is a section of the
 * text that an in-page menu points at (wcxb-dev 4091). */
static unsigned S_words_of(const char *s, size_t n)
{
    unsigned hints = 0, flags;
    size_t at = 0, len;
    const char *w, *chrome_end = NULL; /* the end of the last chrome word */
    if (!atomic_load_explicit(&S_pairs_ready, memory_order_acquire))
        pthread_once(&S_pairs_once, S_pairs_make);
    while ((len = cd_class_next_word(s, n, &at, &w, &flags)) != 0) {
        if (!cd_wordset_pair_maybe(S_pairs, w, len))
            continue;
        unsigned h = cd_wordset_get(&cd_list_hints, w, len);
        if ((h & CD_HINT_POS) && !(h & CD_HINT_CHROME) && chrome_end) {
            /* In the chrome word's token: no space since it. */
            const char *c = chrome_end;
            while (c < w && !cd_isspace((unsigned char)*c))
                c++;
            if (c == w)
                h &= ~CD_HINT_POS;
        }
        if (h & CD_HINT_CHROME)
            chrome_end = w + len;
        hints |= h;
    }
    return hints;
}

/* The hints of element id's role and itemprop attributes. */
static unsigned S_attr_hints(const cd_attr *a)
{
    unsigned hints = 0;
    if (a->name_len == 4 && memcmp(a->name, "role", 4) == 0) {
        if (cd_wordset_has(&cd_list_aria_chrome_roles, a->value, a->value_len))
            hints |= CD_HINT_ROLE_CHROME;
        if (cd_eq_nocase(a->value, a->value_len, "tabpanel"))
            hints |= CD_HINT_PANEL;
        if (cd_eq_nocase(a->value, a->value_len, "main") || cd_eq_nocase(a->value, a->value_len, "article"))
            hints |= CD_HINT_POS;
    } else if (a->name_len == 8 && memcmp(a->name, "itemprop", 8) == 0) {
        if (cd_contains_nocase(a->value, a->value_len, "articlebody") || cd_eq_nocase(a->value, a->value_len, "text"))
            hints |= CD_HINT_BODY;
    }
    return hints;
}

static int S_is_class_or_id(const cd_attr *a)
{
    return (a->name_len == 5 && memcmp(a->name, "class", 5) == 0) ||
           (a->name_len == 2 && memcmp(a->name, "id", 2) == 0);
}

static unsigned S_final(unsigned hints)
{
    if ((hints & CD_HINT__AUTHOR) && (hints & CD_HINT__ABOUT))
        hints |= CD_HINT_CHROME;
    return hints & ~(CD_HINT__AUTHOR | CD_HINT__ABOUT);
}

unsigned cd_hints_of(const cd_dom *dom, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    unsigned hints = 0;
    for (uint32_t i = 0; i < n->len; i++) {
        const cd_attr *a = &n->u.attr[i];
        if (S_is_class_or_id(a))
            hints |= S_words_of(a->value, a->value_len);
        else
            hints |= S_attr_hints(a);
    }
    return S_final(hints);
}

unsigned cd_hints_of_keyed(const cd_dom *dom, cd_nid id, uint16_t *memo)
{
    if (!memo || !dom->classes_indexed)
        return cd_hints_of(dom, id);
    const cd_node *n = cd_dom_node(dom, id);
    uint32_t key = n->cls;
    int known = key && (memo[key] & 0x8000u);
    unsigned hints = known ? memo[key] & 0x7FFFu : 0, words = 0;
    for (uint32_t i = 0; i < n->len; i++) {
        const cd_attr *a = &n->u.attr[i];
        if (S_is_class_or_id(a)) {
            if (!known)
                words |= S_words_of(a->value, a->value_len);
        } else {
            hints |= S_attr_hints(a);
        }
    }
    if (key && !known)
        memo[key] = (uint16_t)(words | 0x8000u);
    return S_final(hints | words);
}
