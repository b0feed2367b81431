/* extract/furniture: short lines of page furniture left inside an article.
 *
 * A news story's container often holds, besides the story, what the page
 * template puts around it: a kicker ("BREAKING NEWS"), the tools ("Print
 * this | Email this | Text size"), share labels, "Also in National" or
 * "More headlines »" above a list, a "Listed under: …" line, the section's
 * name. Each is short and none is a sentence: no full stop ends it, and it
 * is made of links, of a few words, or of items set apart by separators.
 * Class words and stock phrases (hints.c, boiler.c) find some; this finds
 * them by that shape. Where such a line may be dropped is extract.c's
 * decision: only before the article's first long paragraph or after its
 * last, where the template's furniture stands — inside the story, a short
 * line without a full stop is as often a subheading. */
#include <string.h>

#include "../util/ctype.h"
#include "furniture.h"

/* A sentence ends with . ! ? or … possibly inside closing quotes or brackets. */
static int S_sentence_end(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
        n--;
    /* ” ’ » (UTF-8) */
    while (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
           ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
        n -= 3;
    if (!n) return 0;
    char c = s[n - 1];
    if (c == '.' || c == '!' || c == '?') return 1;
    if (n < 3) return 0;
    const unsigned char *e = (const unsigned char *)s + n - 3;
    /* … U+2026, 。 U+3002, ！ U+FF01, ？ U+FF1F, 」 U+300D */
    return (e[0] == 0xE2 && e[1] == 0x80 && e[2] == 0xA6) ||
           (e[0] == 0xE3 && e[1] == 0x80 && (e[2] == 0x82 || e[2] == 0x8D)) ||
           (e[0] == 0xEF && e[1] == 0xBC && (e[2] == 0x81 || e[2] == 0x9F));
}

int cd_furniture_sentence(const char *s, size_t n)
{
    return S_sentence_end(s, n);
}

static int S_line(const char *s, size_t n, float ld, int few)
{
    if (!n || S_sentence_end(s, n)) return 0;
    if (ld >= 0.5f) return 1;
    size_t words = 0, at = 0;
    const char *w;
    size_t wl;
    int seps = 0;
    while ((wl = cd_next_word(s, n, &at, &w)) > 0) {
        words++;
        if (wl == 1 && (w[0] == '|' || w[0] == '/' || w[0] == '-')) seps++;
        /* • · » as UTF-8 */
        if ((wl == 3 && (unsigned char)w[0] == 0xE2 && (unsigned char)w[1] == 0x80 &&
             (unsigned char)w[2] == 0xA2) ||
            (wl == 2 && (unsigned char)w[0] == 0xC2 &&
             ((unsigned char)w[1] == 0xB7 || (unsigned char)w[1] == 0xBB)))
            seps++;
    }
    size_t high = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '|') seps++;
        high += (unsigned char)s[i] >= 0x80;
    }
    /* A script written without spaces says more in one "word": eight
     * characters or more are no label. */
    if (high * 2 >= n && n > 24) few = 0;
    return (few && words <= 6) || seps >= 2;
}

int cd_furniture_line(const char *s, size_t n, float ld)
{
    return S_line(s, n, ld, 1);
}

int cd_furniture_links(const char *s, size_t n, float ld)
{
    return S_line(s, n, ld, 0);
}
