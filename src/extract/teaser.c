/* extract/teaser: lists of other stories found by their structure.
 *
 * News pages put lists of other stories around and inside the article:
 * "Related", "Most read", "Latest headlines", the section's other stories.
 * Some are named so (hints.c, boiler.c), most are not. Their shape is
 * constant: a run of sibling items, each one headline-like link (3 to 25
 * words, standing alone, not inside a sentence) with at most a short teaser
 * summary, a time, a "By AGENCY" line or a thumbnail besides — in a list, a
 * table, a column of divs, or links separated by line breaks. A list that is
 * part of the story has items of prose (steps, quotes, facts), where a link,
 * if any, sits inside a sentence, so it does not take this shape. A heading
 * such as "Related stories" is not needed; the short heading just before a
 * list is marked as its label.
 *
 * An element is a teaser list when it has CD_TEASER_RUN or more such items in
 * a row (other elements without text between them are ignored; a loose text
 * longer than a summary ends the run): the whole element when those items
 * hold most of its text and nothing else in it is a paragraph, else each
 * item of the run with the loose text of its summary. A label that names
 * other stories (src/lists/teaser-labels.txt: "Related Posts:", "Latest
 * headlines", "Previous story:") makes one item a list, and the list is
 * marked named (CD_TEASER_NAMED). Whether a marked list is dropped is
 * extract.c's decision: on an article page, every list before or after the
 * story and a named one between its paragraphs (an unnamed one there may be
 * the story's own round-up); on a page read as one container but not known
 * to be an article, only named lists before or after the story, and after
 * it an unnamed list of cards (most items a headline first, then a summary
 * of its own of CD_TEASER_CARD characters: CD_TEASER_CARDS). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/ctype.h"
#include "../util/utf8.h"
#include "teaser.h"
#include "wordlists.h"

#define CD_HEADLINE_MIN 12 /* visible characters of a headline link */
#define CD_HEADLINE_MAX 200
#define CD_HEADLINE_WORDS 3 /* words of a headline, at least ... */
#define CD_HEADLINE_WORDS_MAX 25
#define CD_TEASER_TEXT                                                                             \
    400 /* visible characters of an item outside its links (a summary of a few sentences) */
#define CD_TEASER_EXCERPT 600 /* ... and of one that repeats its headline's link (S_repeats_headline) */
#define CD_TEASER_RUN 3      /* items in a row that make a list */
#define CD_TEASER_LABEL 60   /* visible characters of a list's label */
#define CD_TEASER_SHARE 0.6f /* of the element's text in its items, to take it whole */
#define CD_TEASER_LINKS 3    /* links of an item besides its headline links */
#define CD_TEASER_CARD 80     /* characters of an item outside its links: a card's summary */
#define CD_TEASER_UP 8       /* wrappers climbed to find a list's label */
#define CD_CARD_UP 3 /* levels climbed from a card's heading to the box holding its link */
#define CD_CARD_LINK 30 /* characters of a card's links ("Learn more", "Read the story") */

static int S_headline_text(const cd_dom *dom, const cd_xstat *st, cd_nid id);
static int S_page_link(const cd_dom *dom, cd_nid id);

/* Is link id a headline: a whole line of 3 to 25 words (or of 8 characters
 * of a script written without spaces), leading to another page? */
static int S_headline(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    const cd_xstat *s = &st[id];
    if (s->chars < CD_HEADLINE_MIN || s->chars > CD_HEADLINE_MAX) return 0;
    if (!S_page_link(dom, id) || cd_x_in_sentence(dom, id)) return 0;
    return S_headline_text(dom, st, id);
}

/* Is element id's text a headline's: 3 to 25 words (or 8 characters of a
 * script written without spaces), no address? */
static int S_headline_text(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    char buf[CD_HEADLINE_MAX * 2 + 1];
    long len = cd_x_text(dom, st, id, buf, CD_HEADLINE_MAX * 2);
    if (len <= 0) return 0;
    if (cd_contains_nocase(buf, (size_t)len, "http") ||
        cd_contains_nocase(buf, (size_t)len, "www."))
        return 0;
    size_t at = 0, words = 0, high = 0;
    const char *w;
    while (cd_next_word(buf, (size_t)len, &at, &w) > 0)
        words++;
    for (long i = 0; i < len; i++)
        high += (unsigned char)buf[i] >= 0x80;
    if (high * 2 >= (size_t)len)
        return 1; /* a script written without spaces: the length said enough */
    return words >= CD_HEADLINE_WORDS && words <= CD_HEADLINE_WORDS_MAX;
}

/* Does link id lead to another page: an address that is no fragment and no
 * script? */
static int S_page_link(const cd_dom *dom, cd_nid id)
{
    size_t hl = 0;
    const char *href = cd_dom_attr(dom, id, "href", &hl);
    return href && hl && href[0] != '#' && !(hl >= 11 && cd_eq_nocase(href, 11, "javascript:"));
}

/* Does element id link to another page without being a link: a custom
 * element with an address (<related-link-image href="/other-story">),
 * set by a script on the client? */
static int S_custom_link(const cd_dom *dom, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    return n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_UNKNOWN && S_page_link(dom, id);
}

/* The text of box around its title id: *before it and *after it (the
 * summary), neither counting the text of box's links (box itself may be
 * one: a link over the whole card). */
static void S_around(const cd_dom *dom, const cd_xstat *st, cd_nid box, cd_nid id, uint32_t *before,
                     uint32_t *after)
{
    uint32_t *to = before;
    *before = *after = 0;
    for (cd_nid t = box; t;) {
        const cd_node *n = cd_dom_node(dom, t);
        if (t == id || st[t].dead || (t != box && n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_A)) {
            if (t == id) to = after;
            t = cd_dom_next_skip(dom, t, box);
            continue;
        }
        if (n->type == CD_NODE_TEXT) *to += st[t].chars;
        t = cd_dom_next(dom, t, box);
    }
}

/* Can an element of tag be a card's title: a heading but h1, or a line of
 * text (S_card_heading)? */
static int S_title_tag(uint16_t tag)
{
    if (cd_tag_flags(tag) & CD_TF_HEADING) return tag != CD_TAG_H1;
    return tag == CD_TAG_DIV || tag == CD_TAG_SPAN || tag == CD_TAG_P || tag == CD_TAG_STRONG ||
           tag == CD_TAG_B || tag == CD_TAG_UNKNOWN;
}

/* Is element id the headline of a card whose link is elsewhere: a title of
 * a headline's length without links of its own, in a small box (its own
 * text and a summary, CD_TEASER_TEXT characters besides the title)
 * holding no other heading, a summary (CD_TEASER_CARD characters outside
 * the title and the links) and a link to another page that is no headline
 * and stands alone: a picture's link, an empty link over the card, "Learn
 * more", a custom element with an address (S_custom_link) -- the rails of
 * cards newer pages set: <article><img><h3>Title</h3><div>summary</div>
 * <a href>Learn more</a></article>. Or the box is one link over the whole
 * card, title and summary inside (<a href><img><div>Title</div><div>
 * summary</div></a>). A story's section has prose or a link inside a
 * sentence instead. The box is found within CD_CARD_UP levels.
 *
 * The title is a heading (h2-h6), or a line of text (a <div>, <span>, <p>
 * holding only inline text, a <span> alone in its block) when the box has no heading, the line comes
 * first (at most a label's length of text before it: a kicker, the
 * publication's name) and the summary after it: a story's paragraphs
 * are no card's title when the box they share is small. */
static int S_card_heading(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    const cd_xstat *s = &st[id];
    if (s->n_a || s->chars < CD_HEADLINE_MIN || s->chars > CD_HEADLINE_MAX) return 0;
    int heading = (cd_tag_flags(cd_dom_node(dom, id)->tag) & CD_TF_HEADING) != 0;
    if (!heading) {
        /* A line of its own: only inline text in it, and an inline element
         * alone in its block (not a sentence's first words). */
        const cd_node *n = cd_dom_node(dom, id);
        if (s->flow != s->chars) return 0;
        if (!cd_x_is_block(n->tag) && st[n->parent].flow != s->chars) return 0;
    }
    uint32_t before = 0, after = 0;
    cd_nid box = id;
    for (int up = 0; up < CD_CARD_UP; up++) {
        box = cd_dom_node(dom, box)->parent;
        if (!box || box < 2 || st[box].dead || st[box].chars > s->chars + CD_TEASER_TEXT) return 0;
        if (st[box].head > (heading ? s->chars : 0)) return 0; /* another heading: a section */
        if (cd_dom_node(dom, box)->tag == CD_TAG_A) {
            /* One link over the card: the title first, then a summary. */
            if (!S_page_link(dom, box) || cd_x_in_sentence(dom, box)) return 0;
            if (st[box].n_a) return 0;
            S_around(dom, st, box, id, &before, &after);
            if (before <= CD_TEASER_LABEL && after >= CD_TEASER_CARD) return S_headline_text(dom, st, id);
            continue; /* a headline link's own title: the link is the headline */
        }
        int found = 0;
        if (st[box].n_a > CD_TEASER_LINKS) return 0;
        if (st[box].n_a && st[box].link > CD_CARD_LINK) return 0;
        for (cd_nid t = box; t; t = cd_dom_next(dom, t, box)) {
            const cd_node *n = cd_dom_node(dom, t);
            if (n->type != CD_NODE_ELEMENT || st[t].dead) continue;
            if (n->tag == CD_TAG_A) {
                if (!S_page_link(dom, t)) continue;
                if (st[t].chars && cd_x_in_sentence(dom, t)) return 0;
                found = 1;
            } else if (n->tag == CD_TAG_UNKNOWN && S_custom_link(dom, t)) {
                found = 1;
            }
        }
        if (!found) {
            if (st[box].n_a) return 0;
            continue;
        }
        /* A summary of its own: a product's tile has a price and a stock line. */
        if (st[box].chars - st[box].link < s->chars + CD_TEASER_CARD) return 0;
        if (!heading) {
            S_around(dom, st, box, id, &before, &after);
            if (before > CD_TEASER_LABEL || after < CD_TEASER_CARD) return 0;
        }
        return S_headline_text(dom, st, id);
    }
    return 0;
}

static int S_has_sentence_end(const char *s, size_t n)
{
    while (n && s[n - 1] == ' ')
        n--;
    return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

/* Does text[0..len) name other stories: one to four of its words in a row
 * an entry of src/lists/teaser-labels.txt ("Related Posts:", "RECENT
 * RELATED ARTICLES", "More news from Sport")? Words are runs of letters
 * and digits (of any script), apostrophes (' and U+2019) and inner hyphens,
 * lower-cased; the rest separates them. With split, an inner hyphen
 * separates words too: "MOST-READ STORIES", "Most-viewed" are the list's
 * "most read", "most viewed" (the compound spelled as an adjective), while
 * "most e-mailed" still matches as written on the first reading. Split
 * words match entries of two words or more only: "shopping-related
 * content", a link inside a sentence, is not "related" (wcxb-dev 0101). */
static int S_named_text_as(const char *s, size_t len, int split)
{
    enum { MAXW = 16 };
    char w[CD_TEASER_LABEL * 4 + 1];
    size_t ws[MAXW], we[MAXW], wl = 0;
    int nw = 0, in = 0;
    if (len > CD_TEASER_LABEL * 4) return 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = (unsigned char)s[i];
        size_t k = 1;
        if (cp >= 0x80) k = cd_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        int word = cd_x_wordy(cp) || ((cp == '\'' || cp == 0x2019 || (cp == '-' && !split)) && in);
        if (word) {
            if (!in) {
                if (nw == MAXW) break;
                if (wl) w[wl++] = ' ';
                ws[nw] = wl;
                in = 1;
            }
            if (cp == 0x2019)
                w[wl++] = '\'';
            else
                for (size_t j = 0; j < k; j++)
                    w[wl++] = (char)cd_tolower((unsigned char)s[i + j]);
            we[nw] = wl;
        } else if (in) {
            nw++;
            in = 0;
        }
        i += k;
    }
    if (in) nw++;
    for (int a = 0; a < nw; a++) {
        /* A word's closing apostrophe or hyphen ("editors'") stays. */
        for (int b = a + (split != 0); b < nw && b < a + 4; b++)
            if (cd_wordset_has(&cd_list_teaser_labels, w + ws[a], we[b] - ws[a])) return 1;
    }
    return 0;
}

static int S_named_text(const char *s, size_t len)
{
    if (S_named_text_as(s, len, 0)) return 1;
    if (!memchr(s, '-', len) || !S_named_text_as(s, len, 1)) return 0;
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_MENUDBG")) fprintf(stderr, "label by split hyphens: %.*s\n", (int)len, s);
#endif
    return 1;
}

/* Is node p (an element or a text) a label: a heading or a short line
 * without a sentence's end, or one that names other stories ("Read
 * more..."); *named tells which. */
static int S_is_label(const cd_dom *dom, cd_xstat *st, cd_nid p, int *named)
{
    *named = 0;
    if (!p || st[p].kind || st[p].dead || !st[p].chars || st[p].chars > CD_TEASER_LABEL || st[p].mark)
        return 0;
    char buf[CD_TEASER_LABEL * 4 + 1];
    long len;
    const cd_node *n = cd_dom_node(dom, p);
    if (n->type == CD_NODE_TEXT) {
        /* cd_x_text reads elements: a text node is read here, spaces as one. */
        len = 0;
        for (uint32_t i = 0; i < n->len && len < CD_TEASER_LABEL * 4; i++) {
            unsigned char b = (unsigned char)n->u.text[i];
            if (cd_isspace(b)) {
                if (len && buf[len - 1] != ' ') buf[len++] = ' ';
            } else {
                buf[len++] = (char)b;
            }
        }
        buf[len] = '\0';
    } else {
        len = cd_x_text(dom, st, p, buf, CD_TEASER_LABEL * 4);
    }
    if (len <= 0) return 0;
    *named = S_named_text(buf, (size_t)len);
    return *named || (n->type == CD_NODE_ELEMENT && (cd_tag_flags(n->tag) & CD_TF_HEADING)) ||
           !S_has_sentence_end(buf, (size_t)len);
}

/* The node just before id that may be its label: the previous sibling with
 * text (an element or loose text), or, when id opens its parent and the
 * parent holds little else (a box around the list), the parent's. */
static cd_nid S_label_node(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    for (int up = 0; up < CD_TEASER_UP && id; up++) {
        cd_nid p = cd_dom_node(dom, id)->prev;
        while (p && (st[p].dead || !st[p].chars ||
                     (cd_dom_node(dom, p)->type != CD_NODE_ELEMENT && cd_dom_node(dom, p)->type != CD_NODE_TEXT)))
            p = cd_dom_node(dom, p)->prev;
        if (p) return p;
        cd_nid par = cd_dom_node(dom, id)->parent;
        if (!par || par < 2 || st[par].chars > st[id].chars + CD_TEASER_LABEL) return CD_NONE;
        id = par;
    }
    return CD_NONE;
}

/* Does short node p (a label, S_is_label) end with a colon: an
 * introduction to what follows ("You may also be interested in the
 * following reports:")? */
static int S_intro_colon(const cd_dom *dom, const cd_xstat *st, cd_nid p)
{
    char buf[CD_TEASER_LABEL * 4 + 1];
    long len;
    const cd_node *n = cd_dom_node(dom, p);
    if (n->type != CD_NODE_ELEMENT) return 0;
    len = cd_x_text(dom, st, p, buf, CD_TEASER_LABEL * 4);
    while (len > 0 && buf[len - 1] == ' ')
        len--;
    return len > 0 && buf[len - 1] == ':';
}

/* The heading before an introductory line p that is a label but names no
 * other stories: "Related publications", then "You may also be interested
 * in the following reports:", then the list (wcxb-dev 0347: three such
 * lists after the story, the first two of several headline links each to
 * other pages of the site, the third of one). The heading names the list
 * through its introduction; returns it, or CD_NONE. */
static cd_nid S_named_through(const cd_dom *dom, cd_xstat *st, cd_nid p)
{
    int named = 0;
    if (!p) return CD_NONE;
    cd_nid h = cd_dom_node(dom, p)->prev;
    while (h && (st[h].dead || !st[h].chars ||
                 (cd_dom_node(dom, h)->type != CD_NODE_ELEMENT && cd_dom_node(dom, h)->type != CD_NODE_TEXT)))
        h = cd_dom_node(dom, h)->prev;
    if (!h || cd_dom_node(dom, h)->type != CD_NODE_ELEMENT ||
        !(cd_tag_flags(cd_dom_node(dom, h)->tag) & CD_TF_HEADING))
        return CD_NONE;
    if (!S_intro_colon(dom, st, p) || !S_is_label(dom, st, h, &named) || !named) return CD_NONE;
    return h;
}

/* Does element id (a short line) end as a sentence does? */
static int S_sentence_line(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    char buf[CD_TEASER_LABEL * 4 + 1];
    long len = cd_x_text(dom, st, id, buf, CD_TEASER_LABEL * 4);
    return len > 0 && S_has_sentence_end(buf, (size_t)len);
}

/* The short heading or line just before element id: the list's label,
 * marked CD_KIND_LABEL. Returns whether it names other stories. */
static int S_label(const cd_dom *dom, cd_xstat *st, cd_nid id)
{
    int named = 0;
    cd_nid p = S_label_node(dom, st, id);
    if (p && S_is_label(dom, st, p, &named)) {
        cd_nid h = named ? CD_NONE : S_named_through(dom, st, p);
        if (h) {
            named = 1;
            st[h].kind = CD_KIND_LABEL;
            st[h].mark = CD_TEASER_NAMED;
        }
        st[p].kind = CD_KIND_LABEL;
        if (named) st[p].mark = CD_TEASER_NAMED;
    }
    return named;
}

/* One story: one or two headline links (the headline and its picture, or
 * "Full story"), little else: a few other links at most (its section, its
 * author, its comments), not a list of links. */
static int S_repeats_headline(const cd_dom *dom, const cd_xstat *st, cd_nid item);

static int S_item(const cd_dom *dom, const cd_xstat *st, cd_nid c)
{
    const cd_xstat *s = &st[c];
    if (s->mark < 1 || s->mark > 2 || s->n_a > s->mark + CD_TEASER_LINKS) return 0;
    uint32_t own = s->chars - (s->link < s->chars ? s->link : s->chars);
    return own <= CD_TEASER_TEXT || (own <= CD_TEASER_EXCERPT && S_repeats_headline(dom, st, c));
}

/* Does item hold, besides its headline link, another link to the same
 * address that is no headline ("Read More", "Continue reading")? A card
 * that repeats its target under its summary is a teaser, whatever the
 * summary's length: a blog's excerpt is 55 words, up to 420 characters
 * (wcxb-dev 0296's "Latest News" grid after the story). */
static int S_repeats_headline(const cd_dom *dom, const cd_xstat *st, cd_nid item)
{
    const char *h = NULL;
    size_t hl = 0;
    cd_nid head = CD_NONE;
    for (cd_nid t = item; t; t = cd_dom_next(dom, t, item)) {
        const cd_node *n = cd_dom_node(dom, t);
        if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_A && st[t].mark == 1 && !st[t].dead) {
            h = cd_dom_attr(dom, t, "href", &hl);
            head = t;
            break;
        }
    }
    if (!h || !hl) return 0;
    for (cd_nid t = item; t; t = cd_dom_next(dom, t, item)) {
        const cd_node *n = cd_dom_node(dom, t);
        if (t == head || n->type != CD_NODE_ELEMENT || n->tag != CD_TAG_A || st[t].dead || st[t].mark) continue;
        size_t ol = 0;
        const char *o = cd_dom_attr(dom, t, "href", &ol);
        if (o && ol == hl && memcmp(o, h, hl) == 0 && st[t].chars) return 1;
    }
    return 0;
}

/* Does element id hold a marked child (its mark is theirs, not its own)? */
static int S_marked_child(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    for (cd_nid c = cd_dom_node(dom, id)->first; c; c = cd_dom_node(dom, c)->next)
        if (cd_dom_node(dom, c)->type == CD_NODE_ELEMENT && st[c].mark) return 1;
    return 0;
}

/* A card: a story's headline followed by its own summary (CD_TEASER_CARD
 * characters outside links, the headline first: at most a label's length of
 * text before it, a kicker or a date). The headline is a link or a card's
 * heading (S_card_heading); an item whose title is a line of text or sits
 * inside one link over the whole card is a teaser but no card here: on a
 * page not known to be an article such tiles (a service page's "Releases",
 * a blog's home) are as often the page itself. Not a disclosure widget
 * (<details>: an FAQ's answer, whose links sit at its end). */
static int S_card(const cd_dom *dom, const cd_xstat *st, cd_nid item)
{
    const cd_xstat *s = &st[item];
    if (s->chars - (s->link < s->chars ? s->link : s->chars) < CD_TEASER_CARD) return 0;
    uint32_t before = 0;
    for (cd_nid t = item; t;) {
        const cd_node *n = cd_dom_node(dom, t);
        if (st[t].dead) {
            t = cd_dom_next_skip(dom, t, item);
            continue;
        }
        if (n->type == CD_NODE_ELEMENT && (n->tag == CD_TAG_DETAILS || n->tag == CD_TAG_SUMMARY)) return 0;
        if (n->type == CD_NODE_ELEMENT && (cd_tag_flags(n->tag) & CD_TF_HEADING) && st[t].mark == 1)
            return before <= CD_TEASER_LABEL; /* a card's heading (S_card_heading) */
        if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_A) {
            if (st[t].mark == 1) return before <= CD_TEASER_LABEL && !S_marked_child(dom, st, t);
            t = cd_dom_next_skip(dom, t, item);
            continue;
        }
        if (n->type == CD_NODE_ELEMENT && st[t].mark == 1 && !S_marked_child(dom, st, t))
            return 0; /* a card's line (S_card_heading) */
        if (n->type == CD_NODE_TEXT) before += st[t].chars;
        t = cd_dom_next(dom, t, item);
    }
    return 0;
}

/* The site link id leads to: 0 for a link within the site (a relative
 * one), else a hash of the host name. */
static uint64_t S_link_host(const cd_dom *dom, cd_nid id)
{
    size_t hl = 0;
    const char *h = cd_dom_attr(dom, id, "href", &hl);
    size_t i = 0;
    while (i < hl && cd_isspace((unsigned char)h[i]))
        i++;
    /* scheme: */
    size_t k = i;
    while (k < hl &&
           (cd_isalnum((unsigned char)h[k]) || h[k] == '+' || h[k] == '-' || h[k] == '.'))
        k++;
    if (k < hl && h[k] == ':' && k > i) i = k + 1;
    if (i + 1 >= hl || h[i] != '/' || h[i + 1] != '/') return 0;
    i += 2;
    /* The site: the host's last two labels (three when the second
     * last is a short one, as in "co.uk"): gma.example.com and
     * news.example.com are one site. */
    size_t b = i, e = i;
    while (e < hl && h[e] != '/' && h[e] != '?' && h[e] != '#' && h[e] != ':')
        e++;
    size_t dots[3] = {0, 0, 0};
    int nd = 0;
    for (size_t d = e; d > b; d--)
        if (h[d - 1] == '.' && nd < 3)
            dots[nd++] = d; /* the label after this dot starts at d */
    size_t from = b;
    if (nd >= 2) {
        from = dots[1];
        if (dots[0] - dots[1] - 1 <= 3 && nd >= 3 && 1) from = dots[2];
    }
    uint64_t x = 1469598103934665603ull;
    for (size_t d = from; d < e; d++) {
        x ^= (unsigned char)cd_tolower((unsigned char)h[d]);
        x *= 1099511628211ull;
    }
    return x ? x : 1;
}

/* The site its first headline link leads to (S_link_host), or, when its
 * headline is a card's heading without a link (S_card_heading), the site of
 * its first link to another page. */
static uint64_t S_item_host(const cd_dom *dom, const cd_xstat *st, cd_nid item)
{
    cd_nid other = CD_NONE;
    for (cd_nid t = item; t; t = cd_dom_next(dom, t, item)) {
        const cd_node *n = cd_dom_node(dom, t);
        if (n->type != CD_NODE_ELEMENT || n->tag != CD_TAG_A || st[t].dead) continue;
        if (st[t].mark == 1) return S_link_host(dom, t);
        if (!other && S_page_link(dom, t)) other = t;
    }
    return other ? S_link_host(dom, other) : 0;
}

/* Do the items of a run lead within one site (most of them relative links
 * or links to one site: news.example.com and gma.example.com are one)? A
 * list of links to many sites is a story's sources, its references or a
 * blogroll, not the site's other stories. */
static int S_one_site(const cd_dom *dom, const cd_xstat *st, cd_nid first, cd_nid last)
{
    enum { MAXH = 32 };
    uint64_t host[MAXH];
    uint32_t nh = 0, items = 0, local = 0, best = 0;
    for (cd_nid c = first; c; c = cd_dom_node(dom, c)->next) {
        if (cd_dom_node(dom, c)->type == CD_NODE_ELEMENT && !st[c].dead && st[c].chars &&
            st[c].mark) {
            uint64_t h = S_item_host(dom, st, c);
            items++;
            if (!h)
                local++;
            else if (nh < MAXH)
                host[nh++] = h;
        }
        if (c == last) break;
    }
    for (uint32_t i = 0; i < nh; i++) {
        uint32_t same = 0;
        for (uint32_t j = 0; j < nh; j++)
            same += host[j] == host[i];
        if (same > best) best = same;
    }
    return (local + best) * 10 >= items * 7;
}

/* Mark the nodes of a run first..last (siblings) as teasers: named (1), a
 * run of cards (2, S_card) or neither (0). */
static void S_mark_run(const cd_dom *dom, cd_xstat *st, cd_nid first, cd_nid last, int named)
{
    cd_nid k = first;
    for (; k != cd_dom_node(dom, last)->next; k = cd_dom_node(dom, k)->next) {
        const cd_node *n = cd_dom_node(dom, k);
        if (st[k].dead || st[k].kind || (n->type != CD_NODE_ELEMENT && n->type != CD_NODE_TEXT)) continue;
        if (n->type == CD_NODE_TEXT && !st[k].chars) continue;
        st[k].kind = CD_KIND_TEASERS;
        if (named) st[k].mark = named == 1 ? CD_TEASER_NAMED : CD_TEASER_CARDS;
    }
    /* The last item's summary: the loose text after it, up to the next
     * element with text or the line break after that text. */
    int got = 0;
    for (; k; k = cd_dom_node(dom, k)->next) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT && (st[k].chars || (n->tag == CD_TAG_BR && got))) break;
        if (n->type != CD_NODE_TEXT || !st[k].chars || st[k].dead || st[k].kind) continue;
        if (st[k].chars > CD_TEASER_TEXT) break;
        st[k].kind = CD_KIND_TEASERS;
        if (named) st[k].mark = named == 1 ? CD_TEASER_NAMED : CD_TEASER_CARDS;
        got = 1;
    }
}

/* The lists among p's children. With sum_ok, an item's summary may be an
 * element of its own; returns 0 when such a summary was needed for a run
 * but p is not taken whole (the caller looks again without them). */
static int S_list(const cd_dom *dom, cd_xstat *st, cd_nid p, int sum_ok)
{
    /* The runs of items among p's children. */
    enum { MAXRUNS = 16 };
    cd_nid rfirst[MAXRUNS], rlast[MAXRUNS], rlabel[MAXRUNS];
    uint8_t rnamed[MAXRUNS]; /* 1: by a label inside p, 2: by p's label */
    uint32_t rlen[MAXRUNS], rsum[MAXRUNS], rcard[MAXRUNS];
    uint32_t nruns = 0, run = 0, in_items = 0, nsum = 0, ncard = 0;
    int prose = 0, named_all = 1, summary = 0;
    cd_nid first = CD_NONE, last = CD_NONE, last_item = CD_NONE;
    uint32_t ntail = 0; /* short lines after the run's last item */
    uint32_t inner = 0; /* the most short lines after an item inside the run */
    int tail_sentence = 0;
    /* The last child with text before the current one: a run's label
     * when it is short; CD_NONE before the first. */
    cd_nid before = CD_NONE, label = CD_NONE;
    for (cd_nid c = cd_dom_node(dom, p)->first;; c = cd_dom_node(dom, c)->next) {
        int end = !c, item = 0;
        if (!end) {
            const cd_node *cn = cd_dom_node(dom, c);
            if (cn->type == CD_NODE_TEXT) {
                /* Loose text: separators and dates of a flat list, a label
                 * ("Related: <a>…</a>"), or prose. */
                if (st[c].chars > CD_TEASER_LABEL) prose = 1;
                if (st[c].chars && !run) before = c;
                /* A summary after an item's headline is part of it; more
                 * than a summary ends the run. */
                if (st[c].chars <= CD_TEASER_TEXT) continue;
                item = 0;
                goto endrun;
            }
            if (cn->type != CD_NODE_ELEMENT || st[c].dead || !st[c].chars || st[c].kind) continue;
            item = S_item(dom, st, c);
            /* The summary of the item just before it, set as an element of
             * its own (<dt><a>headline</a></dt><dd>summary</dd>, a <p>
             * after a headline's <h3>): no link, at most a summary's
             * length; both blocks. One per item, and only after an item of
             * one headline that is no list of its own. */
            if (!item && run && summary && sum_ok && !st[c].mark && !st[c].link &&
                cd_x_is_block(cn->tag) &&
                st[c].chars <= CD_TEASER_TEXT) {
                last = c;
                summary = 0;
                nsum++;
                continue;
            }
            /* A short line between items, without a headline: the time,
             * section or source of the item before it ("(31 Dec 07 |
             * Premier League)" after a link in a flat list). */
            if (!item && run && !st[c].mark && st[c].chars <= CD_TEASER_LABEL) {
                last = c;
                ntail++;
                if (ntail == 1) tail_sentence = S_sentence_line(dom, st, c);
                continue;
            }
            if (!item && st[c].chars > CD_TEASER_LABEL) prose = 1;
        }
    endrun:
        summary = item && st[c].mark == 1 && cd_x_is_block(cd_dom_node(dom, c)->tag) &&
                  cd_dom_node(dom, c)->tag != CD_TAG_UL && cd_dom_node(dom, c)->tag != CD_TAG_OL;
        if (item) {
            if (!run) {
                first = c;
                label = before;
            }
            if (run && ntail > inner) inner = ntail;
            if (S_card(dom, st, c)) ncard++;
            last = last_item = c;
            ntail = 0;
            run++;
            continue;
        }
        /* After the last item, one short line that is no sentence (its
         * date, its section) is the item's; more, or a sentence (an
         * author's note after a one-link list), is not the list's --
         * unless the items before it carried as many lines each (a place
         * line and a "more" link after every headline). */
        if (run && ntail > inner && (ntail > 1 || (ntail == 1 && tail_sentence))) last = last_item;
        ntail = 0;
        inner = 0;
        if (run) {
            /* The run's label: the short line before it in p (a label of
             * its own), or p's when the run opens p (p's whole then). */
            int named_in = 0, named_out = 0;
            cd_nid lab = label;
            if (lab && !S_is_label(dom, st, lab, &named_in)) lab = CD_NONE;
            if (lab && !named_in && S_named_through(dom, st, lab)) named_in = 1;
            if (!label) {
                cd_nid outer = S_label_node(dom, st, p);
                if (outer && S_is_label(dom, st, outer, &named_out) && !named_out &&
                    S_named_through(dom, st, outer))
                    named_out = 1;
            }
            uint32_t need = named_in || named_out ? 1 : CD_TEASER_RUN;
            if (run >= need && nruns < MAXRUNS && S_one_site(dom, st, first, last)) {
                rfirst[nruns] = first;
                rlast[nruns] = last;
                rlabel[nruns] = lab;
                rnamed[nruns] = (uint8_t)(named_in | (named_out << 1));
                rlen[nruns] = run;
                rsum[nruns] = nsum;
                rcard[nruns] = ncard + nsum;
                named_all &= named_in | named_out;
                nruns++;
                for (cd_nid k = first; k != cd_dom_node(dom, last)->next; k = cd_dom_node(dom, k)->next)
                    if (!st[k].dead) in_items += st[k].chars;
                if (lab) in_items += st[lab].chars;
            } else if (st[first].chars > CD_TEASER_LABEL || nsum) {
                prose = 1; /* a short run beside a list is no label; its
                            * summaries are paragraphs */
            }
        }
        run = 0;
        nsum = 0;
        ncard = 0;
        if (end) break;
        before = cd_dom_node(dom, c)->type == CD_NODE_TEXT ? CD_NONE : c;
    }
    if (!nruns) return 1;
    if (!prose && (float)in_items >= (float)st[p].chars * CD_TEASER_SHARE) {
#ifdef CD_EXTRACT_DEBUG
        if (getenv("CD_TEASERDBG"))
            fprintf(stderr, "teaser whole #%u <%s> runs=%u sum_ok=%d chars=%u\n", p,
                    cd_tag_name(cd_dom_node(dom, p)->tag), nruns, sum_ok, st[p].chars);
#endif
        st[p].kind = CD_KIND_TEASERS;
        int named = S_label(dom, st, p);
        uint32_t items = 0, cards = 0;
        for (uint32_t r = 0; r < nruns; r++)
            items += rlen[r], cards += rcard[r];
        if (named || named_all) {
            st[p].mark = CD_TEASER_NAMED;
        } else if (cards * 2 >= items) {
            st[p].mark = CD_TEASER_CARDS;
            /* Its label goes with it ("More from the guide"). */
            cd_nid lab = S_label_node(dom, st, p);
            if (lab && st[lab].kind == CD_KIND_LABEL && !st[lab].mark) st[lab].mark = CD_TEASER_CARDS;
        }
        return 1;
    }
    /* Headlines with paragraphs of their own beside other prose are as
     * often the story's sections (a listicle's "5. Name" and its text):
     * items with summaries of their own are taken only with the whole
     * element. */
    for (uint32_t r = 0; r < nruns; r++)
        if (rsum[r]) return 0;
    /* Each run alone, p holding more (prose): p's own label is not the
     * runs', so a run is named only by a label inside p. */
    for (uint32_t r = 0; r < nruns; r++) {
        int named = rnamed[r] & 1;
        if (!named && rlen[r] < CD_TEASER_RUN) continue;
        int how = named ? 1 : rcard[r] * 2 >= rlen[r] ? 2 : 0;
        if (rlabel[r]) {
            cd_nid h = how == 1 ? S_named_through(dom, st, rlabel[r]) : CD_NONE;
            if (h) {
                st[h].kind = CD_KIND_LABEL;
                st[h].mark = CD_TEASER_NAMED;
            }
            st[rlabel[r]].kind = CD_KIND_LABEL;
            if (how) st[rlabel[r]].mark = how == 1 ? CD_TEASER_NAMED : CD_TEASER_CARDS;
        }
        S_mark_run(dom, st, rfirst[r], rlast[r], how);
    }
    return 1;
}

void cd_teaser_mark(const cd_dom *dom, cd_xstat *st)
{
    uint32_t count = dom->count;
    for (uint32_t id = 0; id < count; id++)
        st[id].mark = 0;
    /* Headline links, counted bottom-up. */
    for (uint32_t id = count - 1; id >= 2; id--) {
        const cd_node *n = cd_dom_node(dom, id);
        cd_xstat *s = &st[id];
        if (n->type != CD_NODE_ELEMENT || s->dead) continue;
        if (n->tag == CD_TAG_A && S_headline(dom, st, id))
            s->mark = 1;
        else if (!s->mark && S_title_tag(n->tag) && S_card_heading(dom, st, id))
            s->mark = 1;
        uint32_t up = (uint32_t)st[n->parent].mark + s->mark;
        st[n->parent].mark = (uint16_t)(up > 0xFFFF ? 0xFFFF : up);
    }
    /* Lists, top-down: the outermost list is marked, its items not again. */
    for (uint32_t id = 2; id < count; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        cd_xstat *s = &st[id];
        if (n->type != CD_NODE_ELEMENT || s->dead || s->kind) continue;
        if (cd_x_inherit_kind(dom, st, id)) continue;
        if (s->mark >= 1 && !(cd_tag_flags(n->tag) & CD_TF_HEADING) && !S_list(dom, st, id, 1))
            S_list(dom, st, id, 0);
    }
    /* Panels, bottom-up: an element holding nothing but lists and their
     * labels ("Related content": "News" and a list, "Video" and a list) is
     * one list, under its own label. */
    for (uint32_t id = count - 1; id >= 2; id--) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type != CD_NODE_ELEMENT || st[id].dead || st[id].kind || !st[id].chars) continue;
        uint32_t lists = 0, labels = 0;
        int ok = 1, named = 0;
        for (cd_nid c = n->first; c && ok; c = cd_dom_node(dom, c)->next) {
            const cd_node *cn = cd_dom_node(dom, c);
            if (st[c].dead || !st[c].chars) continue;
            if (cn->type == CD_NODE_TEXT || cn->type != CD_NODE_ELEMENT)
                ok = cn->type != CD_NODE_TEXT;
            else if (st[c].kind == CD_KIND_TEASERS)
                lists++;
            else if (st[c].kind == CD_KIND_LABEL)
                labels++;
            else
                ok = 0;
            if (ok && st[c].kind && st[c].mark == CD_TEASER_NAMED) named = 1;
        }
        if (!ok || !lists || lists + labels < 2) continue;
        for (cd_nid c = n->first; c; c = cd_dom_node(dom, c)->next)
            if (st[c].kind) st[c].kind |= CD_KIND_UNDER;
        st[id].kind = CD_KIND_TEASERS;
        named |= S_label(dom, st, id);
        st[id].mark = named ? CD_TEASER_NAMED : 0;
    }
}
