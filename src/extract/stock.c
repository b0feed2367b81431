/* extract/stock: stock lines that close a post without being their own block.
 *
 * cd_boiler_phrase (S_phrases in extract.c) judges whole blocks. Some stock
 * lines are only a line of a block, after its last <br>, or a small inline
 * element of their own at a post's end:
 *   - a mobile client's signature under a forum post or a mail ("Sent from
 *     my iPhone", "Sent from my SM-S908U using Tapatalk"): the last line of
 *     a block, starting with one of src/lists/stock-signatures.txt, short;
 *   - a blog's footer line under the post ("Posted by David at December 16,
 *     2025 11:15 AM"): a line starting with "Posted by" that holds a digit
 *     (its date or time), the last line of its block, after the post's prose
 *     and with no more prose after it in the region (a "Posted by … on …"
 *     line above the story, as Slashdot prints it, stays);
 *   - a copyright notice typed as the story block's last line ("…<br><br>
 *     Copyright (c) Press Association Ltd. 2008, All Rights Reserved."):
 *     the mark, then a holder's capitalised name, a year or "All Rights
 *     Reserved", after the story's prose and with none after it; dropped
 *     with the reason "copyright", so that src/news reads its agency.
 * The line's nodes (text and inline elements after the <br>) are dropped.
 * And a block that is an affiliate disclosure, too long for boiler-starts'
 * 100 bytes ("Disclosure: As an Affiliate Marketer, I earn from qualifying
 * purchases. If you click a product affiliate link … I may receive a
 * commission …"): it opens with one of stock-disclosure-starts.txt and each
 * further sentence speaks of the same (stock-disclosure-words.txt); or,
 * opening otherwise, one of its sentences is a commission statement in the
 * site's voice ("Purchases made through our links may earn us a
 * commission.") and every sentence speaks of the same (S_commission). The
 * same test keeps such a note under the headline out of the standfirst
 * (extract.c, S_lead).
 * And a short element marked as a Person's schema.org jobTitle: a forum
 * poster's rank under the name ("Well-known member", a custom title).
 * And on an article page, the rights notices after the story (a wire's
 * "This material may not be published, broadcast, rewritten or
 * redistributed.", a reseller's "Any copying, republication … is expressly
 * prohibited …"): S_rights, reason "copyright".
 * And on an article page a rating widget (a row of stars or radio buttons
 * with its lines: S_rating_row, reason "rating-widget"), and on a page not
 * read broadly an author's box after the story (S_bios, reason
 * "author-bio"): known by a link to the author's page, or by the page's
 * author (meta's `authors`) said on a line of its own or as a portrait's
 * alt text, and a sentence about that author. */
#include <pthread.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define S_STOCK_SSE2 1
#endif

#include "../util/ctype.h"
#include "drops.h"
#include "extract.h"
#include "hints.h"
#include "stock.h"
#include "wordlists.h"

#define S_LINE_MAX 120 /* bytes of a stock line, at most */
#define S_LINE_PEEK 12 /* bytes of its start read first */

/* Does s start with p (ASCII case-insensitive) at a word boundary? */
static int S_starts(const char *s, size_t n, const char *p)
{
    size_t m = strlen(p);
    if (m > n || !cd_eq_nocase(s, m, p))
        return 0;
    return m == n || !cd_isalnum((unsigned char)s[m]) || !cd_isalnum((unsigned char)p[m - 1]);
}

/* Could s[0..n), the start of a line, go on into phrase p? */
static int S_may_be(const char *s, size_t n, const char *p)
{
    for (size_t i = 0; i < n && p[i]; i++)
        if (cd_tolower((unsigned char)s[i]) != cd_tolower((unsigned char)p[i]))
            return 0;
    return 1;
}

/* The length of the copyright mark opening s[0..n) ("Copyright", "©",
 * "(c)", one or more of them, with spaces between), 0 when none. */
static size_t S_copyright_mark(const char *s, size_t n)
{
    size_t i = 0, at = 0;
    for (;;) {
        while (i < n && s[i] == ' ')
            i++;
        if (i + 9 <= n && cd_eq_nocase(s + i, 9, "copyright"))
            i += 9;
        else if (i + 2 <= n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA9)
            i += 2;
        else if (i + 3 <= n && s[i] == '(' && (s[i + 1] == 'c' || s[i + 1] == 'C') && s[i + 2] == ')')
            i += 3;
        else
            return at;
        at = i;
    }
}

/* Could a line starting s[0..n) be a signature, a "Posted by" line or a
 * copyright notice? */
static int S_may_sign(const char *s, size_t n)
{
    if (!n)
        return 0;
    if (S_may_be(s, n, "posted by") || S_may_be(s, n, "copyright") || S_may_be(s, n, "(c)") ||
        S_may_be(s, n, "\xC2\xA9"))
        return 1;
    /* Most lines fail on their first letter. */
    int c = cd_tolower((unsigned char)s[0]);
    for (int k = 0; cd_list_stock_signatures[k]; k++)
        if (cd_list_stock_signatures[k][0] == c && S_may_be(s, n, cd_list_stock_signatures[k]))
            return 1;
    return 0;
}

/* Made once: which bytes open an entry of stock-disclosure-starts.txt,
 * and for the screen of S_may_disclose_long the two letters every entry
 * of stock-commission-pays.txt opens with and the entries' lengths
 * (S_pays_ok: they all are letters, at most S_PAYS_MAX of them). */
#define S_PAYS_MAX 16
static unsigned char S_starts_first[256];
static unsigned char S_pays_c0, S_pays_c1;
static size_t S_pays_len[S_PAYS_MAX];
static int S_pays_ok;
static pthread_once_t S_lists_once = PTHREAD_ONCE_INIT;
static void S_lists_index(void)
{
    for (int k = 0; cd_list_stock_disclosure_starts[k]; k++)
        S_starts_first[(unsigned char)cd_list_stock_disclosure_starts[k][0]] = 1;
    const char *const *list = cd_list_stock_commission_pays;
    int ok = list[0] != NULL;
    for (int k = 0; ok && list[k]; k++) {
        size_t l = strlen(list[k]);
        ok = k < S_PAYS_MAX && l >= 2 && cd_tolower((unsigned char)list[k][0]) == cd_tolower((unsigned char)list[0][0]) &&
             cd_tolower((unsigned char)list[k][1]) == cd_tolower((unsigned char)list[0][1]);
        for (size_t i = 0; ok && i < l; i++)
            ok = cd_isalpha((unsigned char)list[k][i]);
        if (ok)
            S_pays_len[k] = l;
    }
    if (ok) {
        S_pays_c0 = (unsigned char)cd_tolower((unsigned char)list[0][0]);
        S_pays_c1 = (unsigned char)cd_tolower((unsigned char)list[0][1]);
    }
    S_pays_ok = ok;
}

/* Could a block starting s[0..n) open with a disclosure formula? */
static int S_may_disclose(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == '*' || s[i] == ' ' || s[i] == '('))
        i++;
    s += i;
    n -= i;
    if (!n)
        return 0;
    if (S_may_be(s, n, "affiliate disclosure") || S_may_be(s, n, "ftc disclosure") || S_may_be(s, n, "disclosure"))
        return 1;
    /* Most blocks fail on their first letter (a table made once). */
    int c = cd_tolower((unsigned char)s[0]);
    pthread_once(&S_lists_once, S_lists_index);
    if (!S_starts_first[c])
        return 0;
    for (int k = 0; cd_list_stock_disclosure_starts[k]; k++)
        if (cd_list_stock_disclosure_starts[k][0] == c && S_may_be(s, n, cd_list_stock_disclosure_starts[k]))
            return 1;
    return 0;
}

/* Is the node white space only (a text node) or a <br>? */
static int S_blank(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    if (st[id].dead || n->type == CD_NODE_COMMENT)
        return 1;
    if (n->type == CD_NODE_TEXT) {
        for (uint32_t k = 0; k < n->len; k++)
            if (!cd_isspace((unsigned char)n->u.text[k]))
                return 0;
        return 1;
    }
    return n->type != CD_NODE_ELEMENT;
}

/* Is there a long paragraph of live prose in root after node id (outside
 * its subtree)? */
static int S_prose_after(const cd_dom *dom, const cd_xstat *st, cd_nid id, cd_nid root)
{
    for (cd_nid t = cd_dom_next_skip(dom, id, root); t;) {
        if (st[t].dead) {
            t = cd_dom_next_skip(dom, t, root);
            continue;
        }
        if (cd_x_long_para(dom, st, t, CD_LONG_PARA))
            return 1;
        t = cd_dom_next(dom, t, root);
    }
    return 0;
}

/* Is there a long paragraph of live prose in root before node id? */
static int S_prose_before(const cd_dom *dom, const cd_xstat *st, cd_nid id, cd_nid root)
{
    for (cd_nid t = root; t && t != id;) {
        if (st[t].dead) {
            t = cd_dom_next_skip(dom, t, root);
            continue;
        }
        if (!cd_x_is_ancestor(dom, t, id) && cd_x_long_para(dom, st, t, CD_LONG_PARA))
            return 1;
        t = cd_dom_next(dom, t, root);
    }
    return 0;
}

/* The last line of block id: its children after the last <br> (or all of
 * them when it has none), up to the trailing blank ones. Sets *from and *to
 * (inclusive) and returns its text's length in buf, or -1 when there is no
 * such line of inline content or it is too long. */
static long S_last_line(const cd_dom *dom, const cd_xstat *st, cd_nid id, cd_nid *from, cd_nid *to,
                        char *buf, size_t max)
{
    const cd_node *n = cd_dom_node(dom, id);
    cd_nid last = n->last;
    while (last && (S_blank(dom, st, last) || cd_dom_node(dom, last)->tag == CD_TAG_BR))
        last = cd_dom_node(dom, last)->prev;
    if (!last)
        return -1;
    cd_nid first = last;
    for (;;) {
        const cd_node *fn = cd_dom_node(dom, first);
        if (fn->type == CD_NODE_ELEMENT && cd_x_is_block(fn->tag))
            return -1; /* a block in the line: not a line of inline content */
        cd_nid p = fn->prev;
        if (!p || cd_dom_node(dom, p)->tag == CD_TAG_BR ||
            (cd_dom_node(dom, p)->type == CD_NODE_ELEMENT && cd_x_is_block(cd_dom_node(dom, p)->tag)))
            break;
        first = p;
    }
    size_t len = 0;
    for (cd_nid t = first;; t = cd_dom_node(dom, t)->next) {
        if (!st[t].dead && cd_dom_node(dom, t)->type != CD_NODE_COMMENT) {
            long l = cd_x_text(dom, st, t, buf + len, max - len);
            if (l < 0 && max < S_LINE_MAX) {
                len = max; /* a peek at the line's start */
                break;
            }
            if (l < 0)
                return -1;
            len += (size_t)l;
        }
        if (t == last || len >= max)
            break;
    }
    while (len && buf[len - 1] == ' ')
        len--;
    size_t lead = 0;
    while (lead < len && buf[lead] == ' ')
        lead++;
    memmove(buf, buf + lead, len - lead);
    len -= lead;
    buf[len] = '\0';
    *from = first;
    *to = last;
    return (long)len;
}

/* The first line of block id (its text up to its first <br>, with what the
 * furniture passes took of it: "© 2008 <a>AFP</a>"; not what never renders
 * or is hidden), into buf (at most max bytes), white space runs as one; -1
 * when the block has no <br> before a nested block or the line is longer. */
static long S_first_line(const cd_dom *dom, const cd_xstat *st, cd_nid id, char *buf, size_t max)
{
    size_t len = 0;
    for (cd_nid t = cd_dom_next(dom, id, id); t;) {
        const cd_node *n = cd_dom_node(dom, t);
        if ((st[t].dead && (st[t].why == 'k' || st[t].why == 'h' || st[t].why == 'x')) ||
            n->type == CD_NODE_COMMENT) {
            t = cd_dom_next_skip(dom, t, id);
            continue;
        }
        if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_BR) {
            while (len && buf[len - 1] == ' ')
                len--;
            buf[len] = '\0';
            return (long)len;
        }
        if (n->type == CD_NODE_ELEMENT && cd_x_is_block(n->tag))
            return -1;
        if (n->type == CD_NODE_TEXT) {
            for (uint32_t k = 0; k < n->len; k++) {
                unsigned char b = (unsigned char)n->u.text[k];
                if (len >= max)
                    return -1;
                if (!cd_isspace(b))
                    buf[len++] = (char)b;
                else if (len && buf[len - 1] != ' ')
                    buf[len++] = ' ';
            }
            if (len && len < max && buf[len - 1] != ' ')
                buf[len++] = ' ';
        }
        t = cd_dom_next(dom, t, id);
    }
    return -1;
}

static int S_signature(const char *s, size_t n)
{
    if (n > 100)
        return 0;
    for (int k = 0; cd_list_stock_signatures[k]; k++)
        if (S_starts(s, n, cd_list_stock_signatures[k]))
            return 1;
    return 0;
}

static int S_posted_footer(const char *s, size_t n)
{
    if (n > 100 || !S_starts(s, n, "posted by"))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (cd_isdigit((unsigned char)s[i]))
            return 1;
    return 0;
}

/* A copyright notice closing the story: the mark, then its holder, a year
 * or "All Rights Reserved" ("Copyright (c) Press Association Ltd. 2008, All
 * Rights Reserved.", "Copyright World Entertainment News Network"), not a
 * sentence about copyright: none of the first S_NOTICE_WORDS words after
 * the mark is a lower-case word of four letters or more ("Copyright law
 * was changed …") other than "rights" and "reserved". The caller checks
 * that it closes the story: after its prose, with none after it. */
#define S_NOTICE_WORDS 6
static int S_copyright_notice(const char *s, size_t n)
{
    size_t i = S_copyright_mark(s, n);
    if (!i || i >= n)
        return 0;
    size_t at = i, words = 0;
    const char *w;
    size_t wl;
    while (words < S_NOTICE_WORDS && (wl = cd_next_word(s, n, &at, &w)) > 0) {
        words++;
        while (wl && !cd_isalnum((unsigned char)w[wl - 1]))
            wl--;
        if (w[0] >= 'a' && w[0] <= 'z' && wl > 3 && !cd_eq_nocase(w, wl, "rights") &&
            !cd_eq_nocase(w, wl, "reserved"))
            return 0;
    }
    return words > 0;
}

#define S_DISCLOSURE_MAX 400 /* bytes of a disclosure block, at most */
#define S_DISCLOSURE_PEEK 16 /* bytes read first, for its opening */
#define S_COMMISSION_MIN 50  /* characters of a block with a commission statement, at least */
#define S_NOSNIPPET_CARD 400 /* characters of a data-nosnippet card, at most, when it holds blocks */
#define S_POSTED_TRIES 8     /* "Posted by" lines judged per region (each scans it) */

/* How many words of s[0..n) start with one of list's entries (counting
 * stops at max)? The entries are screened by their first byte (lower case;
 * the lists are lower case) before they are compared. */
static unsigned S_count_words(const char *s, size_t n, const char *const *list, unsigned max)
{
    unsigned hits = 0;
    /* The entries' first bytes, both cases: a byte that starts none is
     * passed at once, before its word start is looked at. */
    unsigned char first[256];
    memset(first, 0, sizeof first);
    for (int k = 0; list[k]; k++) {
        unsigned char f = (unsigned char)list[k][0];
        first[f] = first[cd_toupper(f)] = 1;
    }
    for (size_t i = 0; i < n && hits < max; i++) {
        if (!first[(unsigned char)s[i]] || (i > 0 && cd_isalnum((unsigned char)s[i - 1])))
            continue;
        unsigned char c0 = (unsigned char)cd_tolower((unsigned char)s[i]);
        for (int k = 0; list[k]; k++) {
            if ((unsigned char)list[k][0] != c0)
                continue;
            size_t m = strlen(list[k]);
            if (m <= n - i && cd_eq_nocase(s + i, m, list[k])) {
                hits++;
                break;
            }
        }
    }
    return hits;
}

/* Does s[0..n) hold a word starting with one of list's entries? */
static int S_has_word(const char *s, size_t n, const char *const *list)
{
    return S_count_words(s, n, list, 1) > 0;
}

/* Does a sentence of s[..n) end at j: the end, or ". ", "! ", "? " (a space
 * or a no-break space after the mark, or the mark last)? */
static int S_sentence_end(const char *s, size_t j, size_t n)
{
    if (j == n)
        return 1;
    return (s[j] == '.' || s[j] == '!' || s[j] == '?') &&
           (j + 1 == n || s[j + 1] == ' ' ||
            (j + 2 < n && (unsigned char)s[j + 1] == 0xC2 && (unsigned char)s[j + 2] == 0xA0));
}

/* Does every sentence of s[at..n) of more than three words, but the first
 * skip ones, hold a word of list? A sentence ends at ". ", "! ", "? " (a
 * space or a no-break space after the mark) or the end. */
static int S_sentences_hold(const char *s, size_t at, size_t n, const char *const *list, unsigned skip)
{
    unsigned sent = 0;
    for (size_t j = at; j <= n; j++) {
        if (!S_sentence_end(s, j, n))
            continue;
        if (sent++ >= skip) {
            size_t words = 0, w = 0;
            const char *wp;
            while (cd_next_word(s + at, j - at, &w, &wp))
                words++;
            if (words > 3 && !S_has_word(s + at, j - at, list))
                return 0;
        }
        at = j + 1;
    }
    return 1;
}

/* Does s[0..n) open with a disclosure formula (after an optional "*" and
 * "Disclosure:" / "Affiliate disclosure:" label)? 0 when not, else 1 + the
 * formula's offset. */
static size_t S_disclosure_open(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == '*' || s[i] == ' ' || s[i] == '('))
        i++;
    static const char *const labels[] = {"affiliate disclosure", "ftc disclosure", "disclosure", NULL};
    for (int k = 0; labels[k]; k++) {
        size_t m = strlen(labels[k]);
        if (i + m < n && cd_eq_nocase(s + i, m, labels[k]) && (s[i + m] == ':' || s[i + m] == ' ')) {
            i += m;
            while (i < n && (s[i] == ':' || s[i] == ' ' || s[i] == '-'))
                i++;
            break;
        }
    }
    if (i >= n)
        return 0;
    /* The entries screened by their first letter before they are compared. */
    int open = 0, c = cd_tolower((unsigned char)s[i]);
    for (int k = 0; cd_list_stock_disclosure_starts[k] && !open; k++)
        open = cd_tolower((unsigned char)cd_list_stock_disclosure_starts[k][0]) == c &&
               S_starts(s + i, n - i, cd_list_stock_disclosure_starts[k]);
    return open ? i + 1 : 0;
}

/* Does s[0..n) hold, as a whole word (a contraction by its letters before
 * the apostrophe: "we'd"), one of list's entries (lower case)? */
static int S_has_whole(const char *s, size_t n, const char *const *list)
{
    for (size_t i = 0; i < n; i++) {
        if (!cd_isalpha((unsigned char)s[i]) || (i > 0 && cd_isalnum((unsigned char)s[i - 1])))
            continue;
        size_t e = i;
        while (e < n && cd_isalpha((unsigned char)s[e]))
            e++;
        for (int k = 0; list[k]; k++)
            if (strlen(list[k]) == e - i && cd_eq_nocase(s + i, e - i, list[k]))
                return 1;
        i = e;
    }
    return 0;
}

/* Where the first word of s[0..n) starting with one of list's entries
 * starts (n when none). */
static size_t S_word_pos(const char *s, size_t n, const char *const *list)
{
    /* The entries' first letters, both cases: most bytes fail on this. */
    unsigned char first[256] = {0};
    int one = -1; /* the one first letter (lower case) of every entry, else -1 */
    for (int k = 0; list[k]; k++) {
        first[(unsigned char)list[k][0]] = 1;
        first[(unsigned char)cd_toupper((unsigned char)list[k][0])] = 1;
        int f = cd_tolower((unsigned char)list[k][0]);
        one = k == 0 ? f : one == f ? one : -1;
    }
    /* With one first letter, memchr finds its next place in each case. */
    const char *lo = NULL, *up = NULL;
    for (size_t i = 0; i < n; i++) {
        if (one >= 0) {
            if (!lo || lo < s + i)
                if (!(lo = memchr(s + i, one, n - i))) lo = s + n;
            if (!up || up < s + i)
                if (!(up = memchr(s + i, cd_toupper(one), n - i))) up = s + n;
            i = (size_t)((lo < up ? lo : up) - s);
            if (i >= n)
                break;
        }
        if (!first[(unsigned char)s[i]] || (i > 0 && cd_isalnum((unsigned char)s[i - 1])))
            continue;
        unsigned char c0 = (unsigned char)cd_tolower((unsigned char)s[i]);
        for (int k = 0; list[k]; k++) {
            if ((unsigned char)list[k][0] != c0)
                continue; /* the first letter screens the entry */
            size_t m = strlen(list[k]);
            if (m <= n - i && cd_eq_nocase(s + i, m, list[k]))
                return i;
        }
    }
    return n;
}

/* Is one sentence of s[0..n) an affiliate disclosure's commission statement:
 * the site, in the first person before the commission is named, says it
 * earns one when the reader buys through its links ("Purchases made through
 * our links may earn us a commission.", "If you buy through my links, I may
 * receive a small commission.")? Sentences end as in S_sentences_hold. */
static int S_commission(const char *s, size_t n)
{
    /* Most blocks name no commission: one quick pass (S_word_pos screens
     * each word start by its first letter). */
    if (S_word_pos(s, n, cd_list_stock_commission_pays) == n)
        return 0;
    size_t at = 0;
    for (size_t j = 0; j <= n; j++) {
        if (!S_sentence_end(s, j, n))
            continue;
        const char *t = s + at;
        size_t tn = j - at, pay = S_word_pos(t, tn, cd_list_stock_commission_pays);
        if (pay < tn && S_has_word(t, tn, cd_list_stock_commission_earns) &&
            S_has_word(t, tn, cd_list_stock_commission_via) && S_has_whole(t, pay, cd_list_stock_commission_persons))
            return 1;
        at = j + 1;
    }
    return 0;
}

/* Is s[0..n) an affiliate disclosure: its opening formula, and further
 * sentences each holding a disclosure word or of at most three words? Or,
 * with no formula, a commission statement (S_commission) among sentences
 * that all hold a disclosure word or are of at most three words ("Every item
 * on this page was chosen by an … editor. We may earn commission on some of
 * the items you choose to buy.", "Products are chosen independently by our
 * editors. Purchases made through our links may earn us a commission.")? */
static int S_disclosure(const char *s, size_t n)
{
    size_t i = S_disclosure_open(s, n);
    if (i--)
        return S_sentences_hold(s, i, n, cd_list_stock_disclosure_words, 1);
    return S_commission(s, n) && S_sentences_hold(s, 0, n, cd_list_stock_disclosure_words, 0);
}

/* Is an entry of list (lengths S_pays_len) at s[at..n)? */
static int S_entry_at(const char *s, size_t n, size_t at, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (S_pays_len[k] <= n - at && cd_eq_nocase(s + at, S_pays_len[k], list[k]))
            return 1;
    return 0;
}

/* Does s[0..n) hold an entry of list (ASCII case ignored) anywhere, a word
 * start or not? Every entry opens with letters S_pays_c0 S_pays_c1 (lower
 * case): their places in either case are found sixteen bytes at a time. */
static int S_holds_entry(const char *s, size_t n, const char *const *list)
{
    size_t i = 0;
    const unsigned c0 = S_pays_c0, c1 = S_pays_c1;
#ifdef S_STOCK_SSE2
    const __m128i l0 = _mm_set1_epi8((char)c0), l1 = _mm_set1_epi8((char)c1), bit = _mm_set1_epi8(0x20);
    for (; i + 17 <= n; i += 16) {
        __m128i v0 = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), bit);
        __m128i v1 = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i + 1)), bit);
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(v0, l0), _mm_cmpeq_epi8(v1, l1)));
        for (; m; m &= m - 1)
            if (S_entry_at(s, n, i + (size_t)__builtin_ctz(m), list))
                return 1;
    }
#endif
    for (; i + 1 < n; i++)
        if (((unsigned char)s[i] | 0x20u) == c0 && ((unsigned char)s[i + 1] | 0x20u) == c1 &&
            S_entry_at(s, n, i, list))
            return 1;
    return 0;
}

/* A screen before a long block of text is read whole for a disclosure
 * (cd_x_disclosure): 0 only when it can be none. S_disclosure takes a block
 * that opens with a formula (S_disclosure_open) or holds a commission
 * statement (S_commission, which needs a word of commission-pays.txt). The
 * opening: a short read (the first S_DISCLOSURE_PEEK - 1 bytes of the
 * block's text, as the whole read has them) that S_may_disclose passes; a
 * read cut short (past cd_x_text's node or depth bounds: fewer bytes), or
 * one that is all '*', '(' and spaces, passes. The words: a text node
 * cd_x_text would read (outside dead subtrees) holding a commission-pays
 * entry; cd_x_text puts a space after each text node, so an entry in the
 * whole text lies in one of them. Past cd_x_text's node bound, or with
 * entries not all of letters and of two first letters, every block passes.
 * Bench p200: 8,762 long blocks screened, whole reads 8,770 -> 38 (p200
 * -11.1 M instructions, -0.55 %, with S_may_disclose's first-letter table). */
static int S_may_disclose_long(const cd_dom *dom, const cd_xstat *st, cd_nid id, char *buf)
{
    memset(buf, 0, S_DISCLOSURE_PEEK + 1);
    (void)cd_x_text(dom, st, id, buf, S_DISCLOSURE_PEEK);
    size_t v = 0, i = 0;
    while (v < S_DISCLOSURE_PEEK && buf[v])
        v++;
    if (v < S_DISCLOSURE_PEEK)
        return 1;
    /* The last byte may be the space after a text node that the whole
     * read replaces with the punctuation opening the next one. */
    v--;
    while (i < v && (buf[i] == '*' || buf[i] == ' ' || buf[i] == '('))
        i++;
    if (i == v || S_may_disclose(buf, v))
        return 1;
    pthread_once(&S_lists_once, S_lists_index);
    if (!S_pays_ok)
        return 1;
    size_t nodes = 4 * S_DISCLOSURE_MAX + 64;
    for (cd_nid t = cd_dom_node(dom, id)->first; t;) {
        if (!nodes--)
            return 1;
        const cd_node *n = cd_dom_node(dom, t);
        if (st[t].dead) {
            t = cd_dom_next_skip(dom, t, id);
            continue;
        }
        if (n->type == CD_NODE_TEXT && S_holds_entry(n->u.text, n->len, cd_list_stock_commission_pays))
            return 1;
        t = cd_dom_next(dom, t, id);
    }
    return 0;
}

int cd_x_disclosure(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    if (!st[id].chars || st[id].chars > S_DISCLOSURE_MAX || st[id].link * 2 >= st[id].chars)
        return 0;
    /* A block that could hold no commission statement (a commission
     * statement is a block of text of some length, not a box of blocks) is
     * read whole only when its opening (a short read first) may be a
     * formula; another is read whole at once. */
    char buf[S_DISCLOSURE_MAX + 1];
    long len;
    if (st[id].chars < S_COMMISSION_MIN || st[id].n_block) {
        len = cd_x_text(dom, st, id, buf, S_DISCLOSURE_PEEK);
        if (len < 0)
            len = S_DISCLOSURE_PEEK;
        if (len <= 0 || !S_may_disclose(buf, (size_t)len))
            return 0;
    } else if (!S_may_disclose_long(dom, st, id, buf)) {
        return 0;
    }
    len = cd_x_text(dom, st, id, buf, S_DISCLOSURE_MAX);
    return len > 0 && S_disclosure(buf, (size_t)len);
}

/* Is form id a sign-up form: an e-mail or telephone field (a newsletter,
 * deals by text message), at most S_SIGNUP_FIELDS text-like fields (a name,
 * a honeypot) and no text area, list or password (a comment form, a search
 * with options, a log-in)? */
#define S_SIGNUP_FIELDS 3
#define S_SIGNUP_TEXT 500 /* characters of the box around it, at most */
#define S_LOGIN_TEXT 800  /* the same for a log-in box (its register part beside it) */
static int S_signup_form(const cd_dom *dom, cd_nid id)
{
    unsigned fields = 0, contact = 0;
    for (cd_nid t = cd_dom_next(dom, id, id); t; t = cd_dom_next(dom, t, id)) {
        const cd_node *n = cd_dom_node(dom, t);
        if (n->type != CD_NODE_ELEMENT) continue;
        if (n->tag == CD_TAG_TEXTAREA || n->tag == CD_TAG_SELECT) return 0;
        if (n->tag != CD_TAG_INPUT) continue;
        size_t tl = 0;
        const char *ty = cd_dom_attr(dom, t, "type", &tl);
        if (!ty || !tl || cd_eq_nocase(ty, tl, "text")) {
            fields++;
        } else if (cd_eq_nocase(ty, tl, "email") || cd_eq_nocase(ty, tl, "tel")) {
            fields++;
            contact++;
        } else if (cd_eq_nocase(ty, tl, "password") || cd_eq_nocase(ty, tl, "file")) {
            return 0;
        }
    }
    return contact && fields <= S_SIGNUP_FIELDS;
}

/* Is form id a log-in form: one password field, at most S_LOGIN_FIELDS
 * text-like fields (a user name or e-mail, a second password to register),
 * no text area or list (a comment form that lets members sign in, a
 * search with options)? A member's gate over a story ("Please create an
 * account or login to read this story", the e-mail and password fields,
 * "Remember my ID") is the site's, never the story's. */
#define S_LOGIN_FIELDS 4
static int S_login_form(const cd_dom *dom, cd_nid id)
{
    unsigned fields = 0, secret = 0;
    /* A form written inside a table between its rows is left empty by the
     * parser (HTML's foster parenting): its fields are the table's, after
     * it, up to the next form. */
    cd_nid top = id, t = cd_dom_next(dom, id, id);
    if (!cd_dom_node(dom, id)->first && cd_dom_node(dom, id)->parent) {
        top = cd_dom_node(dom, id)->parent;
        t = cd_dom_next_skip(dom, id, top);
    }
    for (; t; t = cd_dom_next(dom, t, top)) {
        const cd_node *n = cd_dom_node(dom, t);
        if (n->type != CD_NODE_ELEMENT) continue;
        if (top != id && n->tag == CD_TAG_FORM) break;
        if (n->tag == CD_TAG_TEXTAREA || n->tag == CD_TAG_SELECT) return 0;
        if (n->tag != CD_TAG_INPUT) continue;
        size_t tl = 0;
        const char *ty = cd_dom_attr(dom, t, "type", &tl);
        if (!ty || !tl || cd_eq_nocase(ty, tl, "text") || cd_eq_nocase(ty, tl, "email")) {
            fields++;
        } else if (cd_eq_nocase(ty, tl, "password")) {
            fields++;
            secret++;
        } else if (cd_eq_nocase(ty, tl, "file")) {
            return 0;
        }
    }
    return secret && fields <= S_LOGIN_FIELDS;
}

/* Is s[0..n) a rights notice: S_RIGHTS_WORDS words of rights, each sentence holding a word of
 * stock-rights-words (copyright, rights, republication, liability …) or is
 * of at most three words ("© 2008 AFP"), and the block says what is
 * prohibited, reserved or disclaimed (stock-rights-limits)? */
#define S_RIGHTS_WORDS 3
static int S_rights_notice(const char *s, size_t n)
{
    if (!S_has_word(s, n, cd_list_stock_rights_limits))
        return 0;
    /* Three words of rights at least: a story's sentence about a ruling
     * ("the republication of the photographs was prohibited") has fewer. */
    if (S_count_words(s, n, cd_list_stock_rights_words, S_RIGHTS_WORDS) < S_RIGHTS_WORDS)
        return 0;
    return S_sentences_hold(s, 0, n, cd_list_stock_rights_words, 0);
}

/* The legal lines after a story on an article page: a leaf block of at most
 * S_RIGHTS_MAX characters, few links, that is a rights notice ("Copyright
 * 2007 Associated Press. All rights reserved. This material may not be
 * published, broadcast, rewritten, or redistributed.", "These news feeds
 * are provided by an independent third party and … is not responsible or
 * liable …"), after the story's prose and with none after it but other such
 * notices (a wire's line, then the reseller's): from the last one back. */
/* Does root hold at least need characters of live text before node id (a
 * story typed as loose text between empty paragraphs has no block of its
 * own)? */
static int S_text_before(const cd_dom *dom, const cd_xstat *st, cd_nid id, cd_nid root, uint32_t need)
{
    uint32_t got = 0;
    for (cd_nid t = root; t && t != id;) {
        if (st[t].dead) {
            t = cd_dom_next_skip(dom, t, root);
            continue;
        }
        if (cd_dom_node(dom, t)->type == CD_NODE_TEXT && (got += st[t].chars) >= need)
            return 1;
        t = cd_dom_next(dom, t, root);
    }
    return 0;
}

#define S_RIGHTS_MAX 600
#define S_RIGHTS_STORY (2 * CD_LONG_PARA) /* characters of text before it, when no long paragraph is */
#define S_RIGHTS_BLOCKS 4
static void S_rights(const cd_extract *x, const cd_dom *dom, cd_xstat *st)
{
    cd_nid cand[S_RIGHTS_BLOCKS];
    uint32_t croot[S_RIGHTS_BLOCKS];
    unsigned nc = 0;
    char buf[S_RIGHTS_MAX + 1];
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        for (cd_nid id = root; id;) {
            const cd_node *n = cd_dom_node(dom, id);
            if (st[id].dead || n->type != CD_NODE_ELEMENT || n->tag == CD_TAG_PRE || n->tag == CD_TAG_CODE) {
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            /* A root of its own may be the notice (a sibling S_choose took). */
            if ((id != root || x->nroots > 1) && cd_x_is_block(n->tag) && st[id].chars &&
                st[id].chars <= S_RIGHTS_MAX && st[id].flow == st[id].chars && st[id].link * 2 < st[id].chars) {
                long len = cd_x_text(dom, st, id, buf, S_RIGHTS_MAX);
                if (len > 0 && S_rights_notice(buf, (size_t)len)) {
                    if (nc == S_RIGHTS_BLOCKS) {
                        memmove(cand, cand + 1, (S_RIGHTS_BLOCKS - 1) * sizeof cand[0]);
                        memmove(croot, croot + 1, (S_RIGHTS_BLOCKS - 1) * sizeof croot[0]);
                        nc--;
                    }
                    cand[nc] = id;
                    croot[nc++] = r;
                }
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            id = cd_dom_next(dom, id, root);
        }
    }
    /* From the last one back: the story's prose before it (in its root or
     * an earlier one), none after it (in its root or a later one). */
    while (nc-- > 0) {
        cd_nid id = cand[nc];
        uint32_t r = croot[nc];
        int before = S_prose_before(dom, st, id, x->roots[r]) ||
                     S_text_before(dom, st, id, x->roots[r], S_RIGHTS_STORY);
        for (uint32_t q = 0; q < r && !before; q++)
            before = S_prose_before(dom, st, CD_NONE, x->roots[q]);
        int after = S_prose_after(dom, st, id, x->roots[r]);
        for (uint32_t q = r + 1; q < x->nroots && !after; q++)
            after = !st[x->roots[q]].dead && S_prose_before(dom, st, CD_NONE, x->roots[q]);
        if (!before || after)
            break;
        if (id == x->roots[r]) {
            st[id].dead = 1; /* a root of its own: left out whole */
            st[id].why = CD_WHY_COPYRIGHT;
        } else {
            cd_x_drop(dom, st, id, x->roots[r], CD_WHY_COPYRIGHT);
        }
    }
}

/* A rating widget: a row of stars to click ("Current Rating" over five
 * star images, "Rate this Article: Bad (five radio buttons) Good", l3s-gn1
 * 9f873f81 and 7b47de5a; "How useful was this post? Click on a star to rate
 * it!" over five star icons, wcxb-dev 0197). The row: an element with
 * S_RATING_ICONS to S_RATING_ICONS_MAX children that show no text and hold
 * one icon each (an image, an <i> or <svg> icon, a radio button) of at
 * most two kinds (a full and an empty star: two image sources, two icon
 * classes, one radio group), and at most S_RATING_WORDS characters of
 * text besides ("|", "Bad", "Good"). A gallery of thumbnails has as many
 * sources as pictures. The widget: the row's box, climbed while it holds
 * S_RATING_TEXT characters or less, that says what the row is for (a word
 * of rating or voting, S_rating_word). */
#define S_RATING_ICONS 3
#define S_RATING_ICONS_MAX 10
#define S_RATING_WORDS 24
#define S_RATING_TEXT 400

/* The one icon of element c's subtree (c showing no text), or CD_NONE. */
static cd_nid S_rating_icon(const cd_dom *dom, cd_nid c)
{
    cd_nid icon = CD_NONE;
    for (cd_nid t = c; t;) {
        const cd_node *n = cd_dom_node(dom, t);
        if (n->type == CD_NODE_TEXT) {
            for (uint32_t k = 0; k < n->len; k++)
                if (!cd_isspace((unsigned char)n->u.text[k])) return CD_NONE;
        } else if (n->type == CD_NODE_ELEMENT) {
            int is = n->tag == CD_TAG_IMG || n->tag == CD_TAG_I || n->tag == CD_TAG_SVG;
            if (n->tag == CD_TAG_INPUT) {
                size_t tl = 0;
                const char *ty = cd_dom_attr(dom, t, "type", &tl);
                if (!ty || !cd_eq_nocase(ty, tl, "radio")) return CD_NONE;
                is = 1;
            }
            if (is) {
                if (icon) return CD_NONE;
                icon = t;
                if (n->tag == CD_TAG_SVG) { /* its drawing is the one icon */
                    t = cd_dom_next_skip(dom, t, c);
                    continue;
                }
            }
        }
        t = cd_dom_next(dom, t, c);
    }
    return icon;
}

/* The key that tells one kind of icon from another: an image's source, an
 * icon's class, a radio button's group. */
static const char *S_icon_key(const cd_dom *dom, cd_nid icon, size_t *len)
{
    uint16_t tag = cd_dom_node(dom, icon)->tag;
    const char *k = cd_dom_attr(dom, icon, tag == CD_TAG_IMG ? "src" : tag == CD_TAG_INPUT ? "name" : "class", len);
    if (!k) *len = 0;
    return k ? k : "";
}

static int S_rating_row(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    if (st[id].chars > S_RATING_WORDS) return 0;
    const char *key[2] = {NULL, NULL};
    size_t klen[2] = {0, 0};
    uint32_t icons = 0;
    for (cd_nid c = cd_dom_node(dom, id)->first; c; c = cd_dom_node(dom, c)->next) {
        const cd_node *cn = cd_dom_node(dom, c);
        if (cn->type != CD_NODE_ELEMENT) continue;
        cd_nid icon = st[c].chars ? CD_NONE : S_rating_icon(dom, c);
        if (!icon) continue;
        size_t kl;
        const char *k = S_icon_key(dom, icon, &kl);
        int seen = 0;
        for (int j = 0; j < 2 && !seen; j++)
            if (key[j] && klen[j] == kl && memcmp(key[j], k, kl) == 0) seen = 1;
        if (!seen) {
            if (key[1]) return 0; /* a third kind: pictures, not stars */
            int j = key[0] ? 1 : 0;
            key[j] = k;
            klen[j] = kl;
        }
        if (++icons > S_RATING_ICONS_MAX) return 0;
    }
    return icons >= S_RATING_ICONS;
}

/* Is id inside a link? (Stars inside a link show a product's rating and
 * lead to its reviews: wcxb-dev 2955's product cards.) */
static int S_in_link(const cd_dom *dom, cd_nid id)
{
    for (cd_nid a = cd_dom_node(dom, id)->parent; a > 1; a = cd_dom_node(dom, a)->parent)
        if (cd_dom_node(dom, a)->tag == CD_TAG_A && cd_dom_node(dom, a)->type == CD_NODE_ELEMENT) return 1;
    return 0;
}

/* Does element id hold a live heading (major: of rank 1 to 3 only)? A
 * widget's box is no wider than its lines: a heading is an item's or a
 * section's name (a product card's). */
static int S_holds_heading(const cd_dom *dom, const cd_xstat *st, cd_nid id, int major)
{
    for (cd_nid t = cd_dom_next(dom, id, id); t;) {
        const cd_node *n = cd_dom_node(dom, t);
        if (st[t].dead) {
            t = cd_dom_next_skip(dom, t, id);
            continue;
        }
        if (n->type == CD_NODE_ELEMENT && (cd_tag_flags(n->tag) & CD_TF_HEADING) && st[t].chars &&
            (!major || n->tag == CD_TAG_H1 || n->tag == CD_TAG_H2 || n->tag == CD_TAG_H3))
            return 1;
        t = cd_dom_next(dom, t, id);
    }
    return 0;
}

/* Does text[0..n) hold a word of rating or voting? */
static int S_rating_word(const char *s, size_t n)
{
    static const char *const words[] = {"rate", "rated", "rating", "ratings", "vote", "votes", "voted",
                                        "star", "stars", "useful", "helpful"};
    for (size_t i = 0; i < n;) {
        while (i < n && !cd_isalpha((unsigned char)s[i]))
            i++;
        size_t b = i;
        while (i < n && cd_isalpha((unsigned char)s[i]))
            i++;
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
            if (strlen(words[w]) == i - b && cd_eq_nocase(s + b, i - b, words[w])) return 1;
    }
    return 0;
}

/* A call-to-action box on an article page: an element whose class or id
 * names one (src/lists/hints-cta.txt: "post-cta", "cta-banner"), with text,
 * that offers a link, a field or a button, and holds a third of the region's
 * text at most (a page whose story is such a box, a landing page's section,
 * keeps it). Seen on wcxb-dev 0111 ("Want to win more jobs with less
 * effort?" with a sign-up link), 4656, 0145, 0358, 4608 (h/newsprec16). */
#define S_CTA_SHARE 10 /* the box holds a tenth of the region at most */
#define S_CTA_STORY 1500 /* characters of the region, at least: a story of some length */
static int S_cta_box(const cd_dom *dom, const cd_xstat *st, cd_nid id, cd_nid root)
{
    if (!(st[id].hints & CD_HINT_CTA) || !st[id].chars || st[id].chars * S_CTA_SHARE > st[root].chars ||
        st[root].chars < S_CTA_STORY)
        return 0;
    if (st[id].n_a || st[id].n_input)
        return 1;
    for (cd_nid t = cd_dom_next(dom, id, id); t; t = cd_dom_next(dom, t, id))
        if (cd_dom_node(dom, t)->type == CD_NODE_ELEMENT && cd_dom_node(dom, t)->tag == CD_TAG_BUTTON)
            return 1;
    return 0;
}

/* A legal note set beside a story: an element whose class or id names a
 * disclaimer or a disclosure (src/lists/hints-legal.txt), with the story's
 * prose before it, holding a tenth of a region of S_CTA_STORY characters
 * at most (wcxb-dev 4092's "dcom-c-disclosure" paragraphs after the story,
 * 0332's affiliate "disclosure-text"; h/newsprec16). */
static int S_legal_box(const cd_dom *dom, const cd_xstat *st, cd_nid id, cd_nid root)
{
    return (st[id].hints & CD_HINT_LEGAL) && st[id].chars && st[id].chars * S_CTA_SHARE <= st[root].chars &&
           st[root].chars >= S_CTA_STORY && S_prose_before(dom, st, id, root);
}

static const char *S_author_slug(const cd_dom *dom, cd_nid id, size_t *len);

/* What S_region met that may open an author's box (S_bios), the last
 * S_BIO_LINKS: a link to an author's page (name NULL: its slug names the
 * author), or an element that says one of the page's authors (name: that
 * author) as the whole of its text or as its picture's alt text. */
#define S_BIO_LINKS 8
typedef struct {
    cd_nid link[S_BIO_LINKS];
    const char *name[S_BIO_LINKS];
    int n;
    const char *const *authors;
    size_t nauthors;
} S_biolinks;

static void S_bio_add(S_biolinks *bio, cd_nid id, const char *name)
{
    if (bio->n == S_BIO_LINKS) {
        memmove(bio->link, bio->link + 1, (S_BIO_LINKS - 1) * sizeof bio->link[0]);
        memmove(bio->name, bio->name + 1, (S_BIO_LINKS - 1) * sizeof bio->name[0]);
        bio->n--;
    }
    bio->link[bio->n] = id;
    bio->name[bio->n++] = name;
}

/* Is s[0..n) the author's name a, white space aside (ASCII case folded)?
 * Only a name of two words or more: a single word ("Staff", "Admin", a
 * first name) says too little to find a person's box by. */
static int S_is_author(const char *s, size_t n, const char *a)
{
    s = cd_trim(s, &n);
    size_t al = strlen(a);
    if (n != al || !memchr(a, ' ', al)) return 0;
    return cd_eq_nocase(s, n, a);
}

/* The page's author that element id names (S_biolinks): its one text
 * child is the name, maybe after "By" or "Written by" (the name line of an
 * author's card, its link or heading), or it is a picture whose alt text is
 * the name (the card's portrait); NULL when none. */
static const char *S_names_author(const cd_dom *dom, cd_nid id, const S_biolinks *bio)
{
    const cd_node *n = cd_dom_node(dom, id);
    const char *s = NULL;
    size_t l = 0;
    if (n->tag == CD_TAG_IMG) {
        s = cd_dom_attr(dom, id, "alt", &l);
    } else if (n->first && n->first == n->last) {
        const cd_node *t = cd_dom_node(dom, n->first);
        if (t->type == CD_NODE_TEXT && t->len <= 80) s = t->u.text, l = t->len;
    }
    if (!s || l < 5 || l > 80) return NULL;
    s = cd_trim(s, &l);
    if (l > 3 && cd_eq_nocase(s, 3, "by ")) s += 3, l -= 3;
    else if (l > 11 && cd_eq_nocase(s, 11, "written by ")) s += 11, l -= 11;
    for (size_t k = 0; k < bio->nauthors; k++)
        if (bio->authors[k] && S_is_author(s, l, bio->authors[k])) return bio->authors[k];
    return NULL;
}

/* Does element id stand on a line of its own: a picture, or the block
 * around it (through inline elements) holds no text but its own and a
 * label's ("Written by")? Not a name linked inside a sentence ("Dylan
 * Ettinger is a Serious Eats contributor …" with the name a link: a
 * story's own section about its tester, wcxb-dev 4078). */
static int S_own_line(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    if (n->tag == CD_TAG_IMG || cd_x_is_block(n->tag) || st[id].dead) return 1;
    cd_nid b = n->parent;
    while (b && !cd_x_is_block(cd_dom_node(dom, b)->tag))
        b = cd_dom_node(dom, b)->parent;
    return !b || st[b].dead || st[b].chars <= st[id].chars + 12;
}

/* Note element id for S_bios when it is an author's link or name line;
 * also when a cleaning before took it out (a short link, a picture, a
 * link list: 'E', 'B', 'F'), with the few elements inside it, for the
 * box's sentence about the author stays. */
#define S_BIO_SCAN 16 /* elements of a dropped block looked at, at most */
static void S_bio_scan(const cd_dom *dom, const cd_xstat *st, cd_nid id, S_biolinks *bio)
{
    int dead = st[id].dead;
    if (dead && st[id].why != 'E' && st[id].why != 'B' && st[id].why != 'F') return;
    int left = dead ? S_BIO_SCAN : 1;
    for (cd_nid t = id; t && left > 0; t = dead ? cd_dom_next(dom, t, id) : 0) {
        const cd_node *n = cd_dom_node(dom, t);
        if (n->type != CD_NODE_ELEMENT) continue;
        left--;
        size_t sl;
        const char *who;
        if (n->tag == CD_TAG_A && S_author_slug(dom, t, &sl))
            S_bio_add(bio, t, NULL);
        else if (bio->nauthors && (who = S_names_author(dom, t, bio)) != NULL && S_own_line(dom, st, t))
            S_bio_add(bio, t, who);
    }
}

static void S_region(const cd_dom *dom, cd_xstat *st, cd_nid root, int article, int story, int chosen,
                     size_t total, int many, S_biolinks *bio)
{
    char buf[S_LINE_MAX + 1];
    int tries = 0;
    cd_nid id = root;
    /* A legal note S_choose took as a root of its own beside the story. */
    if (story && many && (st[root].hints & CD_HINT_LEGAL) && st[root].chars &&
        st[root].chars * S_CTA_SHARE <= total && total >= S_CTA_STORY) {
        st[root].dead = 1;
        st[root].why = 'Q';
        return;
    }
    while (id) {
        const cd_node *n = cd_dom_node(dom, id);
        /* On an article page, a sign-up box inside it ("Be the first to
         * know! Get deals texted to your phone", a field, a button, the
         * consent line): the form with the short box around it, when the
         * region holds twice as much besides. (The form itself may be gone
         * already, as chrome by its tag: its box's lines stay until here.) */
        int login = 0;
        if (chosen && n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_FORM && id != root &&
            ((article && S_signup_form(dom, id)) || (login = S_login_form(dom, id)) != 0)) {
            cd_nid box = id;
            size_t most = login ? S_LOGIN_TEXT : S_SIGNUP_TEXT;
            for (cd_nid a = n->parent; a && a != root && !st[a].dead && st[a].chars <= most;
                 a = cd_dom_node(dom, a)->parent)
                box = a;
            /* A log-in gate may be a root of its own (the member's copy of
             * the story's head above it, in a block S_choose took beside the
             * story): measured against the text of every root. */
            if (login && cd_dom_node(dom, box)->parent == root && !st[root].dead &&
                st[root].chars <= most && st[root].chars * 3 <= total) {
                st[root].dead = 1;
                st[root].why = 'L';
                return;
            }
            if (box != id && st[box].chars * 3 <= (login ? total : st[root].chars)) {
                cd_x_drop(dom, st, box, root, login ? 'L' : 'S');
                id = cd_dom_next_skip(dom, box, root);
                continue;
            }
        }
        if (bio && n->type == CD_NODE_ELEMENT)
            S_bio_scan(dom, st, id, bio);
        if (st[id].dead || n->type != CD_NODE_ELEMENT || n->tag == CD_TAG_PRE || n->tag == CD_TAG_CODE) {
            id = cd_dom_next_skip(dom, id, root);
            continue;
        }
        /* On an article page, a rating widget (S_rating_row). */
        if (article && id != root && S_rating_row(dom, st, id) && !S_in_link(dom, id)) {
            cd_nid box = id;
            for (cd_nid a = n->parent; a && a != root && !st[a].dead && st[a].chars <= S_RATING_TEXT &&
                                       !S_holds_heading(dom, st, a, 0);
                 a = cd_dom_node(dom, a)->parent)
                box = a;
            char rbuf[S_RATING_TEXT * 4 + 1];
            long rl = st[box].chars ? cd_x_text(dom, st, box, rbuf, S_RATING_TEXT * 4) : 0;
            if (rl > 0 && S_rating_word(rbuf, (size_t)rl) && st[box].chars * 3 <= st[root].chars) {
                cd_x_drop(dom, st, box, root, 'R');
                id = cd_dom_next_skip(dom, box, root);
                continue;
            }
        }
        /* On a story's page, a call-to-action box (S_cta_box) or a legal
         * note (S_legal_box). */
        if ((st[id].hints & (CD_HINT_CTA | CD_HINT_LEGAL)) && story && id != root &&
            (S_cta_box(dom, st, id, root) || S_legal_box(dom, st, id, root))) {
            cd_x_drop(dom, st, id, root, (st[id].hints & CD_HINT_CTA) ? 'K' : 'Q');
            id = cd_dom_next_skip(dom, id, root);
            continue;
        }
        /* In a chosen region (not a page read broadly), what the publisher
         * marked data-nosnippet (Google's attribute for text kept out of
         * search snippets): an inline card for another story with its
         * "Related" label, a teaser's date (wcxb-dev 0382). Not when it holds
         * half the text, nor when it is longer than a card and holds two
         * blocks of text: a publisher may so mark part of its own story (the
         * paid part of a metered article). */
        if (chosen && id != root && st[id].chars * 2 < total &&
            (st[id].chars <= S_NOSNIPPET_CARD || st[id].n_block < 2) &&
            cd_dom_attr(dom, id, "data-nosnippet", NULL)) {
            cd_x_drop(dom, st, id, root, 'N');
            id = cd_dom_next_skip(dom, id, root);
            continue;
        }
        /* A poster's rank under the name (schema.org microdata: a Person's
         * jobTitle, "Well-known member"): profile furniture, short. */
        {
            size_t al;
            const char *ip = st[id].chars <= 60 ? cd_dom_attr(dom, id, "itemprop", &al) : NULL;
            if (ip && al == 8 && cd_eq_nocase(ip, al, "jobtitle") && id != root) {
                cd_x_drop(dom, st, id, root, 'p');
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
        }
        /* A block of its own text that is an affiliate disclosure (read
         * whole: with no opening formula, a commission statement may be
         * any of its sentences). */
        if ((id != root || many) && cd_x_is_block(n->tag)) {
            if (cd_x_disclosure(dom, st, id)) {
                if (id == root) {
                    /* A root of its own (a paragraph S_choose took beside
                     * the story, wcxb-dev 4148): left out whole. */
                    st[id].dead = 1;
                    st[id].why = 'p';
                    return;
                }
                cd_x_drop(dom, st, id, root, 'p');
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
        }
        /* A block of legal lines after the story that opens with a
         * copyright notice ("Copyright © AHN Media Corp - All rights
         * reserved.<br>Redistribution … is expressly prohibited …",
         * "Copyright 2008 The Associated Press. All rights reserved. This
         * material may not be published …"). */
        if (id != root && cd_x_is_block(n->tag) && st[id].chars && st[id].chars <= S_DISCLOSURE_MAX &&
            st[id].flow == st[id].chars && st[id].link * 2 < st[id].chars && tries < S_POSTED_TRIES) {
            char dbuf[S_DISCLOSURE_MAX + 1];
            long dl = cd_x_text(dom, st, id, dbuf, S_DISCLOSURE_PEEK);
            if (dl < 0)
                dl = S_DISCLOSURE_PEEK;
            if (dl > 0 && S_may_sign(dbuf, (size_t)dl) && !S_may_be(dbuf, (size_t)dl, "posted by"))
                dl = cd_x_text(dom, st, id, dbuf, S_DISCLOSURE_MAX);
            else
                dl = 0;
            /* Or its first line is one ("© 2008 AFP<br>This story is sourced
             * direct from an overseas news agency …"). */
            int open = dl > 0 && S_copyright_notice(dbuf, (size_t)dl);
            if (!open && st[id].chars <= S_DISCLOSURE_MAX) {
                long fl = S_first_line(dom, st, id, dbuf, S_LINE_MAX);
                open = fl > 0 && S_copyright_notice(dbuf, (size_t)fl);
            }
            if (open && ++tries && S_prose_before(dom, st, id, root) && !S_prose_after(dom, st, id, root)) {
                cd_x_drop(dom, st, id, root, CD_WHY_COPYRIGHT);
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
        }
        cd_nid from, to;
        /* A peek at the last line's start, then the line whole. */
        long len = cd_x_is_block(n->tag) && st[id].flow && st[id].chars ? S_last_line(dom, st, id, &from, &to, buf, S_LINE_PEEK) : -1;
        if (len > 0 && S_may_sign(buf, (size_t)len))
            len = S_last_line(dom, st, id, &from, &to, buf, S_LINE_MAX);
        else
            len = -1;
        if (len > 0) {
            int sig = S_signature(buf, (size_t)len);
            int posted = !sig && tries < S_POSTED_TRIES && S_posted_footer(buf, (size_t)len) && ++tries &&
                         S_prose_before(dom, st, from, root) &&
                         !S_prose_after(dom, st, to, root);
            int notice = !sig && !posted && tries < S_POSTED_TRIES &&
                         S_copyright_notice(buf, (size_t)len) && ++tries &&
                         (st[id].flow >= CD_LONG_PARA + (uint32_t)len ||
                          S_prose_before(dom, st, from, root)) &&
                         !S_prose_after(dom, st, to, root);
            uint8_t why = notice ? CD_WHY_COPYRIGHT : 'p';
            if (sig || posted || notice) {
                /* The line is the whole block: the block goes. */
                if (id != root) {
                    cd_nid p = cd_dom_node(dom, from)->prev;
                    while (p && S_blank(dom, st, p))
                        p = cd_dom_node(dom, p)->prev;
                    if (!p) {
                        cd_x_drop(dom, st, id, root, why);
                        id = cd_dom_next_skip(dom, id, root);
                        continue;
                    }
                }
                for (cd_nid t = from;; t = cd_dom_node(dom, t)->next) {
                    if (!st[t].dead)
                        cd_x_drop(dom, st, t, root, why);
                    if (t == to)
                        break;
                }
            }
        }
        id = cd_dom_next(dom, id, root);
    }
}

/* An author's box after the story: a short block with a link to the
 * author's page (a path segment of src author words: /author/NAME,
 * /profile/NAME …) and a sentence about the author ("Lisa Jennings is a
 * veteran restaurant industry reporter …", "View All Articles by This
 * Author", wcxb-dev 0153; "Maureen Salamon is the executive editor of …",
 * 4058; "Lauren has written for …", 0319): a name whose first word the
 * page's slug begins with, then "is", "has" or "was". Only after the
 * story's prose, with none after it (so not the byline over the story):
 * boxes are judged from the last one back, since one author's box is
 * followed by the next author's. Reason "author-bio".
 * A box needs no such link when it holds one of the page's authors (meta
 * `authors`, read before extraction) as a line of its own or a portrait's
 * alt text (S_names_author, S_own_line: the card of a template whose
 * classes say nothing, wcxb-dev 0054, 0196, 0305, 0500 with classes
 * removed; 0050, 0128, 0133, 4499 as served) and a sentence about that
 * author (S_bio_named), and no heading of rank 1-3 (S_holds_heading, major: the
 * story's own "Why trust us" section). A box S_choose took as a root of its
 * own after the story's root is judged against the other roots' prose
 * (S_roots_prose, wcxb-dev 0056). */
#define S_BIO_TEXT 800 /* characters of the box, at most */
#define S_BIO_MIN 60   /* and at least (a sentence about the author) */
#define S_BIO_BOXES 4

/* The slug after an author-page segment of link id's href, or NULL. */
static const char *S_author_slug(const cd_dom *dom, cd_nid id, size_t *len)
{
    static const char *const seg[] = {"author", "authors", "profile", "profiles", "people", "staff",
                                      "writer", "writers", "contributor", "contributors"};
    size_t hl = 0;
    const char *h = cd_dom_attr(dom, id, "href", &hl);
    if (!h || hl < 8) return NULL;
    const char *end = h + hl, *p = h;
    while ((p = memchr(p, '/', (size_t)(end - p))) != NULL) {
        const char *b = p + 1, *e = b < end ? memchr(b, '/', (size_t)(end - b)) : NULL;
        if (!e) return NULL;
        p = e;
        size_t L = (size_t)(e - b);
        char c0 = (char)cd_tolower((unsigned char)*b);
        if (L < 5 || L > 12 || (c0 != 'a' && c0 != 'p' && c0 != 's' && c0 != 'w' && c0 != 'c')) continue;
        for (size_t k = 0; k < sizeof seg / sizeof seg[0]; k++) {
            if (!cd_eq_nocase(b, L, seg[k])) continue;
            const char *sb = e + 1, *se = sb;
            while (se < end && *se != '/' && *se != '?' && *se != '#')
                se++;
            if (se - sb < 3) return NULL;
            *len = (size_t)(se - sb);
            return sb;
        }
    }
    return NULL;
}

/* Does text[0..n) hold a name whose first word (a capitalised word of 3
 * letters or more, then up to two more capitalised words) starts slug,
 * followed by "is", "has" or "was"? */
static int S_bio_sentence(const char *s, size_t n, const char *slug, size_t sl)
{
    for (size_t i = 0; i < n; i++) {
        if (i && cd_isalpha((unsigned char)s[i - 1])) continue;
        if (!(s[i] >= 'A' && s[i] <= 'Z')) continue;
        size_t e = i;
        while (e < n && cd_isalpha((unsigned char)s[e]))
            e++;
        size_t wl = e - i;
        if (wl < 3 || wl > sl) continue;
        size_t k = 0;
        while (k < wl && cd_tolower((unsigned char)s[i + k]) == cd_tolower((unsigned char)slug[k]))
            k++;
        /* The slug's first word is the name's, or one letter longer
         * ("laurens" for Lauren). */
        if (k < wl || (wl < sl && cd_isalpha((unsigned char)slug[wl]) && wl + 1 < sl &&
                       cd_isalpha((unsigned char)slug[wl + 1])))
            continue;
        /* the name's other words */
        size_t at = e;
        for (int more = 0; more < 2; more++) {
            if (at + 1 < n && s[at] == ' ' && s[at + 1] >= 'A' && s[at + 1] <= 'Z') {
                size_t q = at + 1;
                while (q < n && (cd_isalpha((unsigned char)s[q]) || s[q] == '.' || s[q] == '\''))
                    q++;
                at = q;
            }
        }
        static const char *const verbs[] = {" is ", " has ", " was "};
        for (size_t v = 0; v < 3; v++) {
            size_t vl = strlen(verbs[v]);
            if (at + vl <= n && memcmp(s + at, verbs[v], vl) == 0) return 1;
        }
    }
    return 0;
}

/* Does text[0..n) say something about the author named name (S_biolinks'
 * name line or portrait): the name's first word (a title such as "Dr"
 * passed), or the whole name, then maybe an apposition of its own
 * (", MD,", ", AIHR's Founder and Dean,"), then a verb of a biography
 * ("Rebecca has been a journalist …", "Geri Mileva, an experienced IP
 * network engineer …", "Autumn founded Ambuja Yoga …")? A sentence of the
 * story about its author would pass too: the box must be a card of its own
 * after the story (S_bios). */
static int S_bio_named(const char *s, size_t n, const char *name)
{
    static const char *const verbs[] = {" is ",       " has ",     " was ",      " covers ",  " writes ",
                                        " wrote ",    " joined ",  " founded ",  " leads ",   " lives ",
                                        " works ",    " holds ",   " spends ",   " serves ",  " specializes ",
                                        " specialises ", " brings ", " produced ", " manages ", ", a ",
                                        ", an ",      ", the "};
    size_t nl = strlen(name), fl;
    const char *first = name;
    for (;;) {
        fl = 0;
        while (fl < nl - (size_t)(first - name) && first[fl] != ' ')
            fl++;
        /* A title before the name ("Dr", "Dr.", "Mr.") is no first name. */
        if (fl <= 3 && first + fl < name + nl) {
            first += fl + 1;
            continue;
        }
        break;
    }
    if (fl < 3) return 0;
    size_t rest = nl - (size_t)(first - name);
    for (size_t i = 0; i + fl <= n; i++) {
        if (i && cd_isalpha((unsigned char)s[i - 1])) continue;
        if (s[i] != first[0] || memcmp(s + i, first, fl) != 0) continue;
        size_t at = i + fl;
        if (at < n && cd_isalpha((unsigned char)s[at])) continue;
        /* The whole name, when it follows. */
        if (i + rest <= n && memcmp(s + i, first, rest) == 0) at = i + rest;
        for (int pass = 0; pass < 2; pass++) {
            for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++) {
                size_t vl = strlen(verbs[v]);
                if (at + vl <= n && memcmp(s + at, verbs[v], vl) == 0) return 1;
            }
            /* An apposition: ", …," of 60 bytes at most, no sentence's end. */
            if (pass || at + 2 >= n || s[at] != ',') break;
            size_t q = at + 1;
            while (q < n && q < at + 60 && s[q] != ',' && s[q] != '.')
                q++;
            if (q >= n || s[q] != ',') break;
            at = q + 1;
            /* the verb after the apposition: " is …" */
            if (at < n && s[at] != ' ') break;
        }
    }
    return 0;
}

/* Does a content root of x other than the r-th, before it (dir < 0) or
 * after it (dir > 0), hold a long paragraph of live prose? (A box S_choose
 * took as a root of its own beside the story, wcxb-dev 0056.) */
static int S_roots_prose(const cd_extract *x, const cd_dom *dom, const cd_xstat *st, uint32_t r, int dir)
{
    for (uint32_t k = dir < 0 ? 0 : r + 1; k < (dir < 0 ? r : x->nroots); k++) {
        cd_nid root = x->roots[k];
        for (cd_nid t = root; t;) {
            if (st[t].dead) {
                t = cd_dom_next_skip(dom, t, root);
                continue;
            }
            if (cd_x_long_para(dom, st, t, CD_LONG_PARA)) return 1;
            t = cd_dom_next(dom, t, root);
        }
    }
    return 0;
}

static void S_bios(const cd_extract *x, const cd_dom *dom, cd_xstat *st, uint32_t r, const S_biolinks *bio)
{
    cd_nid root = x->roots[r];
    cd_nid box[S_BIO_BOXES];
    int nb = 0;
    char buf[S_BIO_TEXT * 4 + 1];
    for (int i = 0; i < bio->n; i++) {
        cd_nid id = bio->link[i];
        size_t sl = 0;
        const char *slug = bio->name[i] ? NULL : S_author_slug(dom, id, &sl);
        if (!slug && !bio->name[i]) continue;
        /* The box: the largest block around the link of S_BIO_TEXT at
         * most, past the blocks a cleaning took out around it. */
        cd_nid b = id;
        for (cd_nid a = cd_dom_node(dom, id)->parent; a && a != root && (st[a].dead || st[a].chars <= S_BIO_TEXT);
             a = cd_dom_node(dom, a)->parent)
            if (!st[a].dead) b = a;
        int known = 0;
        for (int k = 0; k < nb; k++)
            known |= box[k] == b;
        if (known || st[b].dead || st[b].chars < S_BIO_MIN || (!slug && S_holds_heading(dom, st, b, 1))) continue;
        long len = cd_x_text(dom, st, b, buf, S_BIO_TEXT * 4);
        if (len > 0 && (slug ? S_bio_sentence(buf, (size_t)len, slug, sl) : S_bio_named(buf, (size_t)len, bio->name[i]))) {
            if (nb == S_BIO_BOXES) {
                memmove(box, box + 1, (S_BIO_BOXES - 1) * sizeof box[0]);
                nb--;
            }
            box[nb++] = b;
        }
    }
    while (nb-- > 0) {
        cd_nid b = box[nb];
        if (b == root || !(S_prose_before(dom, st, b, root) || S_roots_prose(x, dom, st, r, -1)) ||
            S_prose_after(dom, st, b, root) || S_roots_prose(x, dom, st, r, 1))
            break;
        cd_x_drop(dom, st, b, root, 'a');
    }
}

void cd_x_drop_stock(cd_extract *x, const cd_dom *dom, cd_xstat *st)
{
    size_t total = 0;
    for (uint32_t r = 0; r < x->nroots; r++)
        if (!st[x->roots[r]].dead) total += st[x->roots[r]].chars;
    for (uint32_t r = 0; r < x->nroots; r++) {
        S_biolinks bio = {.n = 0, .authors = x->authors, .nauthors = x->nauthors};
        /* story: read as an article, or as a container on a page whose
         * structured data says it is one. */
        S_region(dom, st, x->roots[r], x->article && !x->broad, !x->broad && (x->article || x->typed > 0), !x->broad,
                 total, x->nroots > 1,
                 x->broad ? NULL : &bio);
        if (bio.n && !st[x->roots[r]].dead)
            S_bios(x, dom, st, r, &bio);
    }
    if (x->article && !x->broad)
        S_rights(x, dom, st);
}
