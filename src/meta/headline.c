/* meta/headline: where the page shows its headline (headline.h).
 *
 * A <title> often wraps the headline in the site's name and sections, in
 * front as often as behind ("SunHerald.com : Headline", "TV3 > News >
 * National News > Story > Headline", "Headline - Soccer - Sport - Site"),
 * and no separator rule tells which part is which. The page itself does:
 * the headline is printed again as an element of its own (an h1, a bold
 * line, a td classed "title"), the site's name perhaps as a logo's text.
 * So the title is cut at every separator into parts, and each run of
 * consecutive parts is looked for among the body's elements, comparing
 * letters and digits only (the <title> may drop an apostrophe or change the
 * case). One walk over the body does it: the text's loose key goes into a
 * ring buffer and each element, when the walk leaves it, compares its own
 * key (the last bytes of the ring) with the runs of the same length.
 * Which run is the headline is the picker's choice (title.c). */
#ifdef CD_DEBUG_TITLE_RUNS
#include <stdio.h>
#include <stdlib.h>
#endif
#include <string.h>

#include "../util/ctype.h"
#include "cand.h"
#include "dates.h"
#include "headline.h"
#include "title.h"
#include "wordlists.h"
#include "../util/wordset.h"

size_t cd_meta_title_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o < cap; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80) {
            if (cd_alnum_lower[ch])
                out[o++] = (char)cd_alnum_lower[ch];
        } else {
            /* Typographic quotes and dashes (E2 80 xx) are punctuation. */
            if (ch == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
                i += 2;
                continue;
            }
            /* Icon-font glyphs (the private use area, U+E000-U+F8FF: EE xx
             * xx, EF 80-A3 xx) are no letters. */
            if (i + 2 < n && (ch == 0xEE || (ch == 0xEF && (unsigned char)s[i + 1] <= 0xA3))) {
                i += 2;
                continue;
            }
            if (ch == 0xC2 && i + 1 < n && ((unsigned char)s[i + 1] == 0xA0 || (unsigned char)s[i + 1] == 0xB7 ||
                                            (unsigned char)s[i + 1] == 0xBB || (unsigned char)s[i + 1] == 0xAB)) {
                i += 1;
                continue;
            }
            out[o++] = (char)ch;
        }
    }
    return o;
}

/* Bytes of a separator mark at t[i] (0 when none): ASCII | : _ > / \ ~ - ( )
 * and the typographic dashes, guillemets, bullets and bars. */
static size_t S_mark(const char *t, size_t n, size_t i)
{
    unsigned char ch = (unsigned char)t[i];
    if (ch < 0x80) {
        switch (ch) {
        case '|': case ':': case '_': case '>': case '/': case '\\': case '~': case '-': case '(': case ')':
            return 1;
        default:
            return 0;
        }
    }
    if (ch != 0xC2 && ch != 0xE2 && ch != 0xEF)
        return 0; /* none of the marks below starts otherwise */
    static const char *const uni[] = {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xBB", "\xC2\xAB", "\xC2\xB7",
                                      "\xE2\x80\xA2", "\xE2\x80\xBA", "\xE2\x80\xB9", "\xE2\x94\x82",
                                      "\xEF\xBD\x9C", "\xE2\x8B\x85"};
    for (size_t k = 0; k < sizeof uni / sizeof uni[0]; k++) {
        size_t l = strlen(uni[k]);
        if (n - i >= l && memcmp(t + i, uni[k], l) == 0)
            return l;
    }
    return 0;
}

#define S_PARTS CD_META_PARTS

/* The parts of t between separators: a span of marks and spaces that holds
 * a space, two marks or a mark that never joins words (| _ > » …): "a -
 * b", "a: b", "a::b", "a_English_b", "a (from b)"; not "Under-siege" or
 * "10:30". Returns the number of parts ([ps, pe) each). */
size_t cd_meta_title_parts(const char *t, size_t n, size_t *ps, size_t *pe)
{
    size_t np = 0, start = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i, marks = 0, spaces = 0, strong = 0;
        while (j < n) {
            size_t l = S_mark(t, n, j);
            if (!l && t[j] == ',' && j > i && t[j - 1] == ' ') {
                marks++; /* " , ": a comma set apart joins two titles */
                strong = 1;
                j++;
            } else if (l) {
                marks++;
                strong |= l > 1 || strchr("|_>~", t[j]) != NULL;
                j += l;
            } else if (t[j] == ' ') {
                spaces++;
                j++;
            } else
                break;
        }
        if (marks && (spaces || marks > 1 || strong)) {
            if (i > start && np < S_PARTS) {
                ps[np] = start;
                pe[np++] = i;
            }
            start = j;
            i = j;
        } else
            i = j > i ? j : i + 1;
    }
    if (n > start && np < S_PARTS) {
        ps[np] = start;
        pe[np++] = n;
    }
    /* Trim the spaces a part may keep at its ends. */
    for (size_t k = 0; k < np; k++) {
        while (ps[k] < pe[k] && t[ps[k]] == ' ')
            ps[k]++;
        while (pe[k] > ps[k] && t[pe[k] - 1] == ' ')
            pe[k]--;
    }
    return np;
}

/* Words of s: runs of letters and digits (any non-ASCII byte a letter). */
static size_t S_words(const char *s, size_t n)
{
    size_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int l = cd_isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80 || s[i] == '\'';
        if (l && !in)
            w++;
        in = l;
    }
    return w;
}

/* The rank of a confirmation: visible before hidden, not a link's text
 * before a link's, a heading or head-classed element before others. */
static unsigned S_rank(unsigned flags)
{
    return (flags & CD_HL_HIDDEN ? 0 : 8) + (flags & CD_HL_LINK ? 0 : 4) +
           (flags & (CD_HL_HEADING | CD_HL_HEADCLASS) ? 2 : 0) + (flags & CD_HL_BOLD ? 1 : 0);
}

/* Does the element's markup hide it (hidden, display:none,
 * visibility:hidden)? */
static int S_hidden(const cd_dom *dom, cd_nid id)
{
    size_t n;
    if (cd_dom_attr(dom, id, "hidden", &n))
        return 1;
    const char *s = cd_dom_attr(dom, id, "style", &n);
    if (!s)
        return 0;
    char buf[256];
    size_t o = 0;
    for (size_t i = 0; i < n && o < sizeof buf; i++)
        if (!cd_isspace((unsigned char)s[i]))
            buf[o++] = (char)cd_tolower((unsigned char)s[i]);
    return cd_contains_nocase(buf, o, "display:none") || cd_contains_nocase(buf, o, "visibility:hidden");
}

#define S_RING 2048u /* a power of two above the longest key compared */
#define S_KEYMAX 1024u
#define S_STACK 300u /* above CD_MAX_DEPTH */

size_t cd_meta_headline_runs(cd_meta_ctx *c, const char *t, cd_meta_run *out, size_t max)
{
    const cd_dom *dom = c->dom;
    size_t n = t ? strlen(t) : 0;
    if (!n || !max)
        return 0;
    cd_nid top = dom->body ? dom->body : cd_dom_root(dom);
    if (!top)
        return 0;
    /* Without a text node below top no element has a key to compare (a
     * page cut in its <head>, a shell a script fills): no run is found. */
    cd_nid tx = top;
    while (tx && cd_dom_node(dom, tx)->type != CD_NODE_TEXT)
        tx = cd_dom_next(dom, tx, top);
    if (!tx)
        return 0;
    size_t ps[S_PARTS], pe[S_PARTS];
    size_t np = cd_meta_title_parts(t, n, ps, pe);
    if (!np)
        return 0;
    /* The runs and their keys. */
    cd_meta_run runs[CD_META_RUNS];
    size_t koff[CD_META_RUNS], klen[CD_META_RUNS], nr = 0;
    char *keys = cd_arena_alloc(c->arena, np * (np + 1) / 2 * 256 + 1);
    if (!keys)
        return 0;
    size_t ko = 0;
    unsigned char lenbit[S_KEYMAX / 8 + 1];
    memset(lenbit, 0, sizeof lenbit);
    for (size_t i = 0; i < np; i++)
        for (size_t j = i; j < np && nr < CD_META_RUNS; j++) {
            size_t from = ps[i], to = pe[j];
            size_t l = cd_meta_title_key(t + from, to - from, keys + ko, 256);
            if (l < 2 || l >= 256)
                continue;
            runs[nr].from = (uint16_t)from;
            runs[nr].to = (uint16_t)to;
            runs[nr].words = (uint16_t)S_words(t + from, to - from);
            runs[nr].flags = 0;
            runs[nr].el = CD_NONE;
            koff[nr] = ko;
            klen[nr] = l;
            lenbit[l >> 3] |= (unsigned char)(1u << (l & 7));
            ko += l;
            nr++;
        }
    if (!nr)
        return 0;

    /* The walk: the ring of key bytes, and the open elements with the key
     * length when each was entered. */
    char ring[S_RING], tmp[S_KEYMAX];
    size_t keylen = 0;
    struct {
        cd_nid id;
        size_t start;
        unsigned inherit; /* CD_HL_LINK / CD_HL_HIDDEN from the ancestors */
    } st[S_STACK];
    size_t depth = 0, over = 0;
    size_t a_end = (size_t)-1, a_len = 0, b_end = (size_t)-1, b_len = 0;
    cd_nid id = top;
    for (;;) {
        const cd_node *nd = cd_dom_node(dom, id);
        int descend = 0;
        if (nd->type == CD_NODE_TEXT) {
            char kb[512];
            for (size_t at = 0; at < nd->len;) {
                size_t take = nd->len - at < 256 ? nd->len - at : 256;
                /* Do not cut a UTF-8 sequence between two chunks. */
                while (take < nd->len - at && take > 1 && ((unsigned char)nd->u.text[at + take] & 0xC0) == 0x80)
                    take--;
                size_t l = cd_meta_title_key(nd->u.text + at, take, kb, sizeof kb);
                for (size_t k = 0; k < l; k++)
                    ring[(keylen + k) & (S_RING - 1)] = kb[k];
                keylen += l;
                at += take;
            }
        } else if (nd->type == CD_NODE_ELEMENT && !(cd_tag_flags(nd->tag) & CD_TF_SKIP) && !(nd->flags & CD_NF_NS)) {
            if (depth < S_STACK) {
                unsigned inh = depth ? st[depth - 1].inherit : 0;
                if (nd->tag == CD_TAG_A)
                    inh |= CD_HL_LINK;
                if (S_hidden(dom, id))
                    inh |= CD_HL_HIDDEN;
                st[depth].id = id;
                st[depth].start = keylen;
                st[depth].inherit = inh;
                depth++;
            } else
                over++;
            descend = 1;
        }
        if (descend && nd->first) {
            id = nd->first;
            continue;
        }
        /* Leave id (when an element with no children) and climb. */
        int leave = descend;
        for (;;) {
            if (leave) {
                if (over) {
                    over--;
                } else if (depth) {
                    depth--;
                    cd_nid e = st[depth].id;
                    const cd_node *en = cd_dom_node(dom, e);
                    size_t l = keylen - st[depth].start;
                    if (en->tag == CD_TAG_A) {
                        a_end = keylen;
                        a_len = l;
                    }
                    int bold = en->tag == CD_TAG_B || en->tag == CD_TAG_STRONG || en->tag == CD_TAG_FONT;
                    if (bold) {
                        b_end = keylen;
                        b_len = l;
                    }
                    if (l >= 2 && l < 256 && (lenbit[l >> 3] & (1u << (l & 7)))) {
                        for (size_t k = 0; k < l; k++)
                            tmp[k] = ring[(st[depth].start + k) & (S_RING - 1)];
                        unsigned fl = st[depth].inherit;
                        if (a_end == keylen && a_len == l)
                            fl |= CD_HL_LINK;
                        if (bold || (b_end == keylen && b_len == l))
                            fl |= CD_HL_BOLD;
                        if (cd_tag_flags(en->tag) & CD_TF_HEADING)
                            fl |= CD_HL_HEADING;
                        if (cd_meta_class_has(c, e, cd_list_class_headline) &&
                            !cd_meta_class_has(c, e, cd_list_class_headline_not))
                            fl |= CD_HL_HEADCLASS;
                        for (size_t r = 0; r < nr; r++) {
                            if (klen[r] != l || memcmp(keys + koff[r], tmp, l) != 0)
                                continue;
                            if (!runs[r].el || S_rank(fl) > S_rank(runs[r].flags)) {
                                runs[r].el = e;
                                runs[r].flags = fl;
                            }
                        }
                    }
                }
            }
            if (id == top)
                goto done;
            const cd_node *x = cd_dom_node(dom, id);
            if (x->next) {
                id = x->next;
                break;
            }
            id = x->parent;
            if (!id)
                goto done;
            leave = 1;
        }
    }
done:;
    size_t o = 0;
    for (size_t r = 0; r < nr && o < max; r++)
        if (runs[r].el)
            out[o++] = runs[r];
    return o;
}

/* Letters and digits of a text node (any non-ASCII byte one), and its
 * words. */
static size_t S_text_letters(const char *s, size_t n, size_t *words)
{
    size_t l = 0, w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        int al = cd_isalnum(ch) || ch >= 0x80;
        l += al ? 1 : 0;
        if (!cd_isspace(ch) && !in)
            w++;
        in = !cd_isspace(ch);
    }
    *words = w;
    return l;
}

/* Does a text read as script code, not prose (a page whose <head> lost
 * its opening <script> tag prints the script's body as text: "eloadImages()
 * { if (document.images) { x = newImage(…); …": mediapost 57064ff2)? Braces
 * and '=' signs, four or more, which prose does not use. */
static int S_code_like(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < 4; i++)
        k += s[i] == '{' || s[i] == '}' || s[i] == '=' ? 1 : 0;
    return k >= 4;
}

/* Is <p> e a headline's line: three to twenty words not ending a sentence
 * (no full stop, colon or comma at the end), no link, and the next element
 * a paragraph of prose? Asked of every short <p> until the prose begins, so
 * its texts are read into the stack, not the arena (which kept three copies
 * a paragraph: 20 MiB per MB on a page of short date-like lines). */
static int S_plain_head(cd_meta_ctx *c, cd_nid e)
{
    const cd_dom *dom = c->dom;
    char t[200 * 3 + 1], ptx[200 * 3 + 1], pt[400 * 3 + 1];
    size_t len = cd_meta_node_text_to(c, e, 200, t), nl;
    if (!len || len >= 200) return 0;
    unsigned char last = (unsigned char)t[len - 1];
    if (last == '.' || last == ':' || last == ',' || last == ';' || last == '!' || last == '?') return 0;
    size_t w = S_words(t, len);
    if (w < 3 || w > 20) return 0;
    for (cd_nid k = cd_dom_node(dom, e)->first; k; k = cd_dom_next(dom, k, e))
        if (cd_dom_is(dom, k, CD_TAG_A) || cd_dom_is(dom, k, CD_TAG_IMG)) return 0;
    /* The second line of a head (a headline above it: a short paragraph
     * without a digit or a full stop) is its deck. */
    cd_nid pv = cd_dom_node(dom, e)->prev;
    while (pv && cd_dom_node(dom, pv)->type != CD_NODE_ELEMENT)
        pv = cd_dom_node(dom, pv)->prev;
    if (pv && cd_dom_is(dom, pv, CD_TAG_P)) {
        size_t pl = cd_meta_node_text_to(c, pv, 200, ptx);
        int digit = 0;
        for (size_t i = 0; i < pl; i++)
            digit |= cd_isdigit((unsigned char)ptx[i]);
        if (pl && pl < 200 && !digit && ptx[pl - 1] != '.' && S_words(ptx, pl) <= 20) return 0;
    }
    cd_nid nx = cd_dom_node(dom, e)->next;
    while (nx && cd_dom_node(dom, nx)->type != CD_NODE_ELEMENT)
        nx = cd_dom_node(dom, nx)->next;
    if (!nx || !cd_dom_is(dom, nx, CD_TAG_P)) return 0;
    nl = cd_meta_node_text_to(c, nx, 400, pt);
    return nl >= 150 && S_words(pt, nl) >= 20;
}

/* The element after e, spaces and <br> passed over: CD_NONE at the end of
 * its parent, (cd_nid)-1 when text comes first. */
static cd_nid S_next_el(const cd_dom *dom, cd_nid e)
{
    for (cd_nid nx = cd_dom_node(dom, e)->next; nx; nx = cd_dom_node(dom, nx)->next) {
        const cd_node *n = cd_dom_node(dom, nx);
        if (n->type == CD_NODE_ELEMENT && n->tag != CD_TAG_BR)
            return nx;
        if (n->type == CD_NODE_TEXT) {
            size_t i = 0;
            while (i < n->len && cd_isspace((unsigned char)n->u.text[i]))
                i++;
            if (i < n->len)
                return (cd_nid)-1;
        }
    }
    return CD_NONE;
}

/* Is the heading e a box's header: the element after it (spaces and <br>
 * passed over) a list of links to other stories, three or more links of
 * three words or more on average holding four fifths of its letters ("recent
 * articles" over a <ul> of headlines: L3S fa10c63c, netribution; h3 "More in
 * South Asia news" over a table of links: a9c72165)? A story's head is
 * followed by its byline, picture or prose, and a row of share links has
 * one-word links. Bounded: the first 600 nodes of the next element. */
static int S_box_header(const cd_dom *dom, cd_nid e)
{
    cd_nid nx = CD_NONE;
    /* The heading alone at the end of its cell or box: the element after
     * that (h3 last in its <td>, the links in the next row): three levels. */
    for (int up = 0; up < 4 && e && !nx; up++, e = cd_dom_node(dom, e)->parent) {
        nx = S_next_el(dom, e);
        if (nx == (cd_nid)-1)
            return 0;
    }
    if (!nx)
        return 0;
    /* The next element and its followers (a table's rows of one link
     * each), within the budget. */
    size_t links = 0, lwords = 0, lletters = 0, letters = 0, budget = 600;
    for (cd_nid sib = nx; sib && budget; sib = cd_dom_node(dom, sib)->next)
        for (cd_nid k = sib; k && budget; k = cd_dom_next(dom, k, sib), budget--) {
            const cd_node *n = cd_dom_node(dom, k);
            if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_A)
                links++;
            if (n->type != CD_NODE_TEXT)
                continue;
            size_t w, l = S_text_letters(n->u.text, n->len, &w);
            letters += l;
            for (cd_nid u = n->parent; u; u = cd_dom_node(dom, u)->parent) {
                if (cd_dom_is(dom, u, CD_TAG_A)) {
                    lletters += l;
                    lwords += w;
                    break;
                }
                if (u == sib)
                    break;
            }
        }
    return links >= 3 && lletters * 5 >= letters * 4 && lwords >= 3 * links;
}

#define S_IN_P 64u     /* (walk flag) inside a <p> */
#define S_PROSE 100u   /* letters of a paragraph of prose, not a link's */
#define S_BETWEEN 300u /* letters between the headline and the prose (byline, date) */

cd_nid cd_meta_body_headline(cd_meta_ctx *c, cd_nid skip)
{
    return cd_meta_body_headline_within(c, skip, S_BETWEEN);
}

/* Is the head-classed a (two words or fewer) a section's label over the
 * head-classed b after it (three words or more): td.front_titles
 * "National News" over span.headline2 "Skating champ Bowman dies of likely
 * overdose" (L3S acc703fe)? */
static int S_label_over(cd_meta_ctx *c, cd_nid a, cd_nid b)
{
    char t[200 * 3 + 1];
    size_t n = cd_meta_node_text_to(c, a, 200, t);
    if (!n || S_words(t, n) > 2)
        return 0;
    n = cd_meta_node_text_to(c, b, 200, t);
    return n && n < 200 && S_words(t, n) >= 3;
}

/* Does <a> id not lead away: no href, or rel="bookmark" (a permalink)? */
static int S_self_link(const cd_dom *dom, cd_nid id)
{
    size_t n;
    if (!cd_dom_attr(dom, id, "href", &n))
        return 1;
    const char *rel = cd_dom_attr(dom, id, "rel", &n);
    for (size_t i = 0; rel && i + 8 <= n; i++)
        if ((i == 0 || rel[i - 1] == ' ') && cd_eq_nocase(rel + i, 8, "bookmark") &&
            (i + 8 == n || rel[i + 8] == ' '))
            return 1;
    return 0;
}

/* Is element e (letters l, none a link's) a line that may head the story
 * when no heading does: two to twenty words, not a sentence's end (full
 * stop, comma, colon), not a byline ("By …") and not a label of capitals
 * alone of three words or fewer (a kicker: "NFL PLAYOFFS")? */
static int S_head_line(cd_meta_ctx *c, cd_nid e)
{
    char t[200 * 3 + 1];
    size_t len = cd_meta_node_text_to(c, e, 200, t);
    while (len && cd_isspace((unsigned char)t[len - 1]))
        len--;
    size_t i = 0;
    while (i < len && cd_isspace((unsigned char)t[i]))
        i++;
    if (len <= i || len - i >= 200)
        return 0;
    unsigned char last = (unsigned char)t[len - 1];
    if (last == '.' || last == ':' || last == ',' || last == ';' || last == '|')
        return 0;
    size_t w = S_words(t + i, len - i);
    if (w < 2 || w > 20 || !memchr(t + i, ' ', len - i))
        return 0; /* (one token: a slug, "Lifestyle-US-tourism-animal-horses") */
    if (len - i > 3 && (t[i] == 'B' || t[i] == 'b') && t[i + 1] == 'y' && t[i + 2] == ' ')
        return 0;
    /* A date line ("Last Updated: Tuesday, 4 December 2007, 17:04 GMT",
     * "Sunday January 20"): a month or weekday named, and three words or
     * fewer besides the date's (digits, months, weekdays). */
    size_t other = 0;
    int dated = 0;
    for (size_t k = i; k < len;) {
        while (k < len && !(cd_isalnum((unsigned char)t[k]) || (unsigned char)t[k] >= 0x80))
            k++;
        size_t st = k;
        int digit = 0;
        while (k < len && (cd_isalnum((unsigned char)t[k]) || (unsigned char)t[k] >= 0x80)) {
            digit |= cd_isdigit((unsigned char)t[k]);
            k++;
        }
        if (k == st)
            break;
        if (cd_meta_month(t + st, k - st) || cd_wordset_get(&cd_list_weekdays, t + st, k - st))
            dated = 1;
        else if (!digit)
            other++;
    }
    if (dated && other <= 3)
        return 0;
    int lower = 0;
    for (size_t k = i; k < len && !lower; k++)
        lower = (t[k] >= 'a' && t[k] <= 'z') || (unsigned char)t[k] >= 0x80;
    return lower || w > 3;
}

static cd_nid S_walk(cd_meta_ctx *c, cd_nid skip, size_t between, int lines);

cd_nid cd_meta_body_headline_within(cd_meta_ctx *c, cd_nid skip, size_t between)
{
    return S_walk(c, skip, between, 0);
}

cd_nid cd_meta_body_line(cd_meta_ctx *c)
{
    /* Twice the letters between: a post's byline, categories and tags
     * stand between its permalinked headline and its prose (L3S e41000b9). */
    return S_walk(c, CD_NONE, 2 * S_BETWEEN, 1);
}

static cd_nid S_walk(cd_meta_ctx *c, cd_nid skip, size_t between, int lines)
{
    const cd_dom *dom = c->dom;
    cd_nid top = dom->body ? dom->body : cd_dom_root(dom);
    if (!top)
        return CD_NONE;
    struct {
        cd_nid id;
        size_t text, plain, digits; /* letters (all, not a link's), digits when entered */
        unsigned inherit;
    } st[S_STACK];
    size_t depth = 0, over = 0, text = 0, plain = 0, digits = 0, cand_end = 0, pstart = 0;
    size_t menu_from = (size_t)-1, menu_to = 0, cand_own = 0;
    cd_nid cand = CD_NONE, id = top;
    int cand_level = 0;
    for (;;) {
        const cd_node *nd = cd_dom_node(dom, id);
        int descend = 0;
        if (nd->type == CD_NODE_TEXT) {
            unsigned inh = depth ? st[depth - 1].inherit : 0;
            if (!(inh & CD_HL_HIDDEN)) {
                size_t w, l = S_text_letters(nd->u.text, nd->len, &w);
                pstart = text;
                text += l;
                for (size_t i = 0; i < nd->len; i++)
                    digits += cd_isdigit((unsigned char)nd->u.text[i]) ? 1 : 0;
                if (!(inh & CD_HL_LINK)) {
                    plain += l;
                    /* A long run of words outside any headline: prose. */
                    if (l >= S_PROSE && w >= 15 && !(inh & CD_HL_HEADING) && !S_code_like(nd->u.text, nd->len))
                        goto prose;
                }
            }
        } else if (nd->type == CD_NODE_ELEMENT && !(cd_tag_flags(nd->tag) & CD_TF_SKIP) && !(nd->flags & CD_NF_NS)) {
            if (depth < S_STACK) {
                unsigned inh = depth ? st[depth - 1].inherit : 0;
                /* (lines set) A post's permalink (rel="bookmark": the
                 * headline of a blog's post links to the post itself, L3S
                 * e41000b9, zdnet's blog) or an anchor with no address is
                 * no link away. */
                if (nd->tag == CD_TAG_A && !(lines && S_self_link(dom, id)))
                    inh |= CD_HL_LINK;
                /* A form right under <body> is the page itself (ASP.NET
                 * wraps every page in one), not a search box. */
                if (nd->tag == CD_TAG_NAV || nd->tag == CD_TAG_SELECT || S_hidden(dom, id) ||
                    (nd->tag == CD_TAG_FORM && nd->parent != dom->body))
                    inh |= CD_HL_HIDDEN;
                if (cd_tag_flags(nd->tag) & CD_TF_HEADING)
                    inh |= CD_HL_HEADING;
                if (nd->tag == CD_TAG_P)
                    inh |= S_IN_P;
                st[depth].id = id;
                st[depth].text = text;
                st[depth].plain = plain;
                st[depth].digits = digits;
                st[depth].inherit = inh;
                depth++;
            } else
                over++;
            descend = 1;
        }
        if (descend && nd->first) {
            id = nd->first;
            continue;
        }
        int leave = descend;
        for (;;) {
            if (leave) {
                if (over) {
                    over--;
                } else if (depth) {
                    depth--;
                    cd_nid e = st[depth].id;
                    const cd_node *en = cd_dom_node(dom, e);
                    size_t l = text - st[depth].text, pl = plain - st[depth].plain;
                    unsigned inh = st[depth].inherit;
                    /* A paragraph of prose. */
                    if (en->tag == CD_TAG_P && pl >= S_PROSE && !(inh & (CD_HL_HIDDEN | CD_HL_HEADING))) {
                        pstart = st[depth].text;
                        goto prose;
                    }
                    /* A headline: a heading, or an element classed so, of
                     * a few words, not a link's. */
                    int level = 0;
                    static const uint16_t h[] = {CD_TAG_H1, CD_TAG_H2, CD_TAG_H3, CD_TAG_H4};
                    for (int k = 0; k < 4 && !level; k++)
                        if (en->tag == h[k])
                            level = k + 1;
                    if (!level && !(cd_tag_flags(en->tag) & CD_TF_HEADING) &&
                        cd_meta_class_has(c, e, cd_list_class_headline) &&
                        !cd_meta_class_has(c, e, cd_list_class_headline_not))
                        level = 5;
                    /* A bold line of its own, not a paragraph's lead. */
                    if (!level && (en->tag == CD_TAG_B || en->tag == CD_TAG_STRONG) && !(inh & S_IN_P) &&
                        l >= 15)
                        level = 6;
                    /* A short line of its own right before the story's first
                     * paragraph, with no full stop ("<p>Young stars highlight
                     * West All-Star reserves</p><p>New York (Sports Network)
                     * - Three of …"): a headline set as a plain paragraph. */
                    if (!level && en->tag == CD_TAG_P && !(depth && (st[depth - 1].inherit & S_IN_P)) && l >= 15 && l <= 120 &&
                        S_plain_head(c, e))
                        level = 7;
                    /* With no heading over the story (lines set): any line
                     * of its own, not a link's, before the prose (a <div
                     * class=sh>, a <p><strong>, a cell): the first of the
                     * lines close together above it. */
                    if (!level && lines && l >= 8 && l <= 300 && pl == l &&
                        !(inh & (CD_HL_HIDDEN | CD_HL_LINK)) && S_head_line(c, e)) {
                        /* Not a menu's node ("Special Interest" in a
                         * span.menu-node-text, in a td.menu-node, in a
                         * plain <tr>: L3S 5ee66caf), nor what wraps only it. */
                        if (cd_meta_class_has(c, e, cd_list_class_menu)) {
                            menu_from = st[depth].text;
                            menu_to = text;
                        } else if (st[depth].text != menu_from || text != menu_to) {
                            level = 8;
                        }
                    }
                    else if (level && lines && !S_head_line(c, e))
                        level = 0; /* a heading too, in this mode: no date line */
                    /* A date line ("Posted: 6:12 PM Dec 30, 2007") is none. */
                    if ((digits - st[depth].digits) * 10 > l * 3)
                        level = 0;
                    if (level && e != skip && !(inh & (CD_HL_HIDDEN | CD_HL_LINK)) && l >= 8 && l <= 300 &&
                        pl * 5 >= l * 4 && !S_box_header(dom, e)) {
                        /* Headings close together (headline, deck, a
                         * byline in an h4) are one head: its headline is
                         * the highest, the first of its level. */
                        size_t ts = st[depth].text;
                        if (!cand || ts > cand_end + S_BETWEEN || level < cand_level ||
                            (level == 5 && cand_level == 5 && ts >= cand_own && S_label_over(c, cand, e))) {
                            cand = e;
                            cand_level = level;
                            cand_own = text;
                        }
                        cand_end = text;
                    }
                }
            }
            if (id == top)
                return CD_NONE;
            const cd_node *x = cd_dom_node(dom, id);
            if (x->next) {
                id = x->next;
                break;
            }
            id = x->parent;
            if (!id)
                return CD_NONE;
            leave = 1;
        }
    }
prose:
#ifdef CD_DEBUG_TITLE_RUNS
    if (getenv("CD_DEBUG_TITLE"))
        fprintf(stderr, "BODY\tprose at %u (%s) letters %zu, cand %u end %zu\n", id,
                cd_tag_name(cd_dom_node(dom, id)->tag), pstart, cand, cand_end);
#endif
    if (cand && pstart >= cand_end && pstart - cand_end <= between)
        return cand;
    return CD_NONE;
}
