/* util/classword: the words of a class or id attribute value, for every stage.
 *
 * Authors name an element with words joined every way: "article-body",
 * "post__meta", "share_bar", "mostRead", "authorName". One rule splits them:
 * a word is a run of ASCII letters and digits, cut again at a camelCase hump
 * (a capital after a small letter: "mostRead" -> "most" "Read", while
 * "HTMLParser" and "h2Title" stay one word). Measured on the dev sets
 * (tools/eval.sh all): without the hump cut, extract's class hints lose l3s
 * F1 0.9126 -> 0.8927 and cleaneval 0.9143 -> 0.8910.
 *
 * Tokens are the space-separated class names. A token holding ':', '[', '('
 * or '/' is a utility class of a CSS framework ("md:hidden",
 * "w-[20px]", "[grid-area:sidebar]"): its words describe layout.
 * cd_class_token_is_utility tells; each caller decides what that means
 * (extract reads "md:hidden" as hidden: skipping utility tokens there loses
 * wcxb F1 0.8711 -> 0.8710; meta's name matching skips them, or
 * "reset-author" would be an author).
 *
 * Both stages use it: extract's class hints (extract/hints.c) and meta's
 * class-word lists (meta/classes.c; switching meta to the hump cut changed
 * 38 dev pages: readability author 0.7632 -> 0.7763, l3s F1 0.9126 -> 0.9127). */
#ifndef CD_UTIL_CLASSWORD_H
#define CD_UTIL_CLASSWORD_H

#include <stddef.h>

#include "ctype.h"

/* The byte classes of cd_class_next_word: CD_CWB_* and cd_class_bytes (util/ctype.h). */

/* The word flags of cd_class_next_word. */
#define CD_CW_TOKEN 1u /* the first word of its token (nothing but non-alphanumeric bytes since a space or the start) */

/* The next word of class or id value s[0..n) from *at (start at 0): its
 * length, 0 at the end; *word gets its start and *flags its CD_CW_* bits;
 * *at moves past it. */
static inline size_t cd_class_next_word(const char *s, size_t n, size_t *at, const char **word,
                                        unsigned *flags)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = *at;
    unsigned f = i == 0 ? CD_CW_TOKEN : 0, b = 0;
    while (i < n && !((b = cd_class_bytes[u[i]]) & CD_CWB_ALNUM)) {
        if (b & CD_CWB_SPACE)
            f = CD_CW_TOKEN;
        i++;
    }
    if (i >= n) {
        *at = n;
        return 0;
    }
    size_t st = i++;
    /* b: the class of the byte before i (a hump is a capital after a
     * small letter). */
    for (unsigned c; i < n; i++, b = c) {
        c = cd_class_bytes[u[i]];
        if (!(c & CD_CWB_ALNUM) || ((c & CD_CWB_UPPER) && (b & CD_CWB_LOWER)))
            break;
    }
    *at = i;
    *word = s + st;
    *flags = f;
    return i - st;
}

/* Is the token of s[0..n) around byte i (the first word of a token, say) a
 * utility class: does it hold ':', '[', '(' or '/'? */
static inline int cd_class_token_is_utility(const char *s, size_t n, size_t i)
{
    size_t b = i, e = i;
    while (b > 0 && !cd_isspace((unsigned char)s[b - 1]))
        b--;
    while (e < n && !cd_isspace((unsigned char)s[e]))
        e++;
    for (size_t k = b; k < e; k++)
        if (s[k] == ':' || s[k] == '[' || s[k] == '(' || s[k] == '/')
            return 1;
    return 0;
}

#endif
