/* extract/boiler: short blocks that are page chrome by what they say.
 *
 * Share bars, newsletter prompts, "Advertisement" labels and "Related
 * articles" headings use a small stock of phrases across the web (the seed
 * page ends with "Related News", "Get email updates from …" and "Sign up for our
 * weekly newsletter"). A block qualifies only when it is short (the caller
 * passes blocks of at most CD_BOILER_MAX bytes) and the phrase is a large part
 * of it, so a sentence of article prose that happens to mention a newsletter
 * stays. Lists are for English plus the most frequent equivalents in other
 * major languages; matching is ASCII-case-insensitive. Besides the phrases:
 * sign-up prompts (a paragraph with a link that names a newsletter and asks
 * for it), donation labels (whose link marks an appeal box, extract.c drops
 * it) and result-count lines. */
#include <string.h>

#include "../util/ctype.h"
#include "boiler.h"

/* Phrases that make a short block chrome when the block starts with them. */
static const char *const S_starts[] = {
    "advertisement", "advertisements", "sponsored content", "sponsored by", "paid content",
    "share this", "share on", "share via", "share article", "share the article", "share:",
    "follow us", "follow me", "like us on", "sign up", "signup", "subscribe", "get email updates",
    "get our newsletter", "join our newsletter", "newsletter", "related articles", "related posts",
    "related stories", "related news", "related content", "related:", "read more", "read next",
    "more from", "more stories", "recommended for you", "you may also like", "you might also like",
    "trending now", "most popular", "most read", "click here to", "skip to content",
    "skip to main content", "back to top", "all rights reserved", "copyright ©", "© copyright",
    "cookie", "we use cookies", "this website uses cookies", "accept cookies", "leave a comment",
    "leave a reply", "post a comment", "comments are closed", "log in to comment", "print this",
    "email this", "tweet", "find us on", "download our app", "anzeige", "werbung", "publicité",
    "publicidad", "pubblicità", "reklama", "weitere artikel", "lesen sie auch", "lire aussi",
    "à lire aussi", "partager", "teilen", "compartir", "condividi", "please enable javascript",
    "enable javascript", "javascript is disabled", "javascript must be enabled",
    "you need to enable javascript", "this site requires javascript", "table of contents",
    "in this article", "jump to", "continue reading", "article continues below",
    "story continues below", "content continues below", "about the author", "about the authors",
    "written by", "join our mailing list", "join our", "stay connected", "stay in touch",
    "like this:", "pin this", "pin it", "comment via", "donate", "support us", "support our",
    "make a donation", "show caption", "hide caption", "toggle caption", "republish", "you might like", "you may like", "you might enjoy",
    "you may enjoy", "you may also enjoy", "you may be interested in", "other posts you may",
    "sponsor this", "tell your friends", "more to explore", "people who viewed",
    "people who bought", "customers who viewed", "customers who bought", "customers also",
    "frequently bought together", "join date:", "joined:", "posts:", "messages:",
    "reaction score:", "report inappropriate content", "watch this topic", "click to expand",
    "责任编辑", NULL,
};

/* Starts that make a block chrome whatever its length (up to CD_BOILER_MAX). */
static const char *const S_strong[] = {"copyright ©", "© copyright", "copyright (c)",
                                       "all rights reserved", NULL};

/* Labels of controls that make a block chrome when they are all of it: a
 * shop's and a site's buttons rendered as links or text ("Add to cart", "Sort
 * by", "Sign in"). A sentence that contains them is left alone. */
static const char *const S_labels[] = {
    "add to cart", "add to bag", "add to basket", "add to wishlist", "add to wish list", "buy now",
    "shop now", "sort by", "sort and filter", "sort & filter", "out of stock", "in stock", "sold out",
    "sign in", "log in", "log out", "sign out", "my account", "view cart", "see all", "view all",
    "show more", "load more", "see more", "show less", "open in app", "ask question",
    "ask a question", "was this helpful?", "share", "print", "email", "e-mail", "comments",
    "reply", "follow", "donate now", "copy link", "link copied", "imprimer", "drucken",
    "imprimir", "stampa", "compartilhar", "get started", "start free trial", "start a free trial",
    "book a demo", "request a demo", "get a demo", "request a quote", "get a quote", "book now",
    "get in touch", "try it free", "try for free", "see plans", "learn more", "home",
    "privacy policy", "terms of use", "terms of service", "terms and conditions",
    "terms & conditions", "contact us", "sitemap", "joined", "reaction score", "join date",
    "reply with quote", "upvote", "quick shop", "quick view", "select a size", "size guide",
    "write a review", "leave a review", "pick up in store", "free shipping", "register", "register here", "register now", "join now",
    "join now for free", "join for free", "sign up for free", "sign in or join", "sign in / join",
    "create an account", "create account", "explore products", "see all products", "tell me more",
    "talk to a specialist", "talk to sales", "contact sales", "let's connect", "see case studies",
    "download catalog", "shop all", "member", "premium member", "original poster", "messages",
    "posts", "signature", "loading", "loading...", "loading…", "close", "×", "skip ad",
    "expand description", "next post", "previous post", "next article",
    "previous article", NULL,
};

/* Words of a donation button's label ("Donate", "Double my donation",
 * "Jetzt spenden", "Faire un don", "Dona ahora"), matched as whole words. */
static const char *const S_donate[] = {"donate",    "donation", "donations", "spenden",
                                       "spende",    "faire un don", "donación", "donazione",
                                       "doação",    "dona ahora", "give now", NULL};

/* What a sign-up prompt offers, and the words that ask (whole words). */
static const char *const S_prompt_things[] = {
    "newsletter", "newsletters", "mailing list", "inbox", "infolettre", "lettre d'information",
    "boletín", NULL,
};
static const char *const S_prompt_asks[] = {
    "sign up", "signup", "subscribe", "join", "register", "abonnez-vous", "inscrivez-vous",
    "abonnieren", "anmelden", "suscríbete", "regístrate", "iscriviti", "abbonati", NULL,
};

/* Does s start with the phrase p at a word boundary? */
static int S_starts_with(const char *s, size_t n, const char *p)
{
    size_t m = strlen(p);
    if (m > n || !cd_eq_nocase(s, m, p))
        return 0;
    if (m == n)
        return 1;
    unsigned char next = (unsigned char)s[m];
    return !cd_isalnum(next) || !cd_isalnum((unsigned char)p[m - 1]);
}

/* Does s[0..n) contain one of the phrases of list as whole words? One pass
 * over the word starts, each tried against the phrases that begin with its
 * letter. */
static int S_any_words(const char *s, size_t n, const char *const *list)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && cd_isalnum((unsigned char)s[i - 1]))
            continue;
        int c = cd_tolower((unsigned char)s[i]);
        for (int k = 0; list[k]; k++) {
            if (cd_tolower((unsigned char)list[k][0]) != c)
                continue;
            size_t m = strlen(list[k]);
            if (m <= n - i && cd_eq_nocase(s + i, m, list[k]) &&
                (i + m == n || !cd_isalnum((unsigned char)s[i + m])))
                return 1;
        }
    }
    return 0;
}

/* A result count or page number: "Showing 24 of 291 results", "Page 1 of
 * 8", "33 Results" -- numbers and these words only. */
static int S_count_line(const char *s, size_t n)
{
    static const char *const words[] = {"showing", "page", "of", "results", "result", "products",
                                        "items", NULL};
    int digits = 0, named = 0;
    size_t i = 0;
    if (n > 40)
        return 0;
    while (i < n) {
        size_t w = i;
        while (i < n && cd_isalpha((unsigned char)s[i]))
            i++;
        if (i > w) {
            int k = 0;
            while (words[k] && !cd_eq_nocase(s + w, i - w, words[k]))
                k++;
            if (!words[k])
                return 0;
            named = 1;
        } else {
            digits |= cd_isdigit((unsigned char)s[i]) != 0;
            i++;
        }
    }
    return digits && named;
}

int cd_boiler_prompt(const char *text, size_t len)
{
    return len <= CD_PROMPT_MAX && S_any_words(text, len, S_prompt_things) &&
           S_any_words(text, len, S_prompt_asks);
}

int cd_boiler_phrase(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len && (cd_isspace((unsigned char)text[i]) || text[i] == '|' || text[i] == '-' ||
                       text[i] == '['))
        i++;
    const char *s = text + i;
    size_t n = len - i;
    while (n && (cd_isspace((unsigned char)s[n - 1]) || s[n - 1] == ']'))
        n--;
    if (n == 0)
        return 0;
    if (n <= 40 && S_any_words(s, n, S_donate))
        return CD_BOILER_DONATE;
    if (S_count_line(s, n))
        return CD_BOILER_CHROME;
    /* Only the phrases that begin with the block's first letter are tried. */
    int first = cd_tolower((unsigned char)s[0]);
    for (int k = 0; S_labels[k]; k++)
        if (cd_tolower((unsigned char)S_labels[k][0]) == first && cd_eq_nocase(s, n, S_labels[k]))
            return CD_BOILER_CHROME;
    for (int k = 0; S_starts[k]; k++) {
        if (cd_tolower((unsigned char)S_starts[k][0]) == first && S_starts_with(s, n, S_starts[k])) {
            /* The phrase must dominate: a short block, not a paragraph that opens
             * with "Subscribe" and goes on for two sentences. A copyright line,
             * or a sign-up prompt that names the newsletter it sells, is
             * chrome up to the longest block the caller passes (a footer's
             * "Copyright © 2023 NPR. All rights reserved. Visit our website
             * terms of use …"). */
            if (n <= 100)
                return CD_BOILER_CHROME;
            for (int j = 0; S_strong[j]; j++)
                if (S_starts_with(s, n, S_strong[j]))
                    return CD_BOILER_CHROME;
            if ((S_starts_with(s, n, "sign up") || S_starts_with(s, n, "subscribe")) &&
                cd_contains_nocase(s, n, "newsletter"))
                return CD_BOILER_CHROME;
            return 0;
        }
    }
    return 0;
}

int cd_boiler_stamp(const char *text, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++)
        if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ' && i > 0 &&
            cd_isalpha((unsigned char)text[i - 1]))
            return 0;
    return 1;
}
