/* news/deck: the visible deck (standfirst) under the headline, and a "By …"
 * line among the first blocks.
 *
 * A deck is a block after the h1 classed as one (dek, standfirst, summary,
 * intro …), an h2 right under the h1, or the paragraph of the headline's own
 * block; it must read as a sentence, not a byline, a bio or a heading. Only
 * a news standfirst (dek, deck, standfirst, strapline, subheadline) leaves
 * the text. A deck a structured source stated is never overwritten. */
#ifdef CD_DEBUG_NEWS_CANDS
#include <stdio.h>
#include <stdlib.h>
#endif
#include <string.h>

#include "../meta/authors.h"
#include "../util/ctype.h"
#include "../util/utf8.h"
#include "news_int.h"
#include "parts_text.h"
#include "wordlists.h"

static int S_only_chain(const cd_dom *dom, cd_nid e, cd_nid k);

/* Does the subtree of id (without id) hold a heading: a box, not a deck? */
static int S_has_heading(cd_news_ctx *p, cd_nid id)
{
    unsigned seen = 0;
    for (cd_nid k = cd_dom_next(p->dom, id, id); k && seen < CD_NEWS_FIG_NODES;
         k = cd_dom_next(p->dom, k, id), seen++) {
        const cd_node *n = cd_dom_node(p->dom, k);
        if (n->type == CD_NODE_ELEMENT && (cd_tag_flags(n->tag) & CD_TF_HEADING)) return 1;
    }
    return 0;
}

/* Does the subtree of k hold three links or buttons or more: a row of
 * controls ("Summarize this article with: <a>chatGPT</a> <a>Perplexity</a>
 * …" in div.ai-summary-buttons under the byline, wcxb 4462), not a
 * standfirst, which links to a page or two at most? */
static int S_control_row(const cd_dom *dom, cd_nid k)
{
    unsigned seen = 0, controls = 0;
    for (cd_nid q = cd_dom_next(dom, k, k); q && seen < CD_NEWS_FIG_NODES; q = cd_dom_next(dom, q, k), seen++)
        if (cd_dom_is(dom, q, CD_TAG_A) || cd_dom_is(dom, q, CD_TAG_BUTTON))
            if (++controls >= 3) return 1;
    return 0;
}

/* itemprop="alternativeHeadline" or "description" on a block after the h1. */
static int S_itemprop_deck(const cd_dom *dom, cd_nid id)
{
    size_t l = 0;
    const char *v = cd_dom_attr(dom, id, "itemprop", &l);
    return v && (cd_eq_nocase(v, l, "alternativeHeadline") || cd_eq_nocase(v, l, "description"));
}

/* Does a class of id hold word as a whole word ("article__lead", "lead"; not
 * "leaderboard")? For words too short to match as a prefix. */
static int S_class_word(const cd_dom *dom, cd_nid id, const char *word)
{
    size_t l = 0, wl = strlen(word);
    const char *v = cd_dom_attr(dom, id, "class", &l);
    if (!v || l > 1024)
        return 0;
    for (size_t i = 0; i + wl <= l; i++) {
        if ((i > 0 && cd_isalnum((unsigned char)v[i - 1])) || !cd_eq_nocase(v + i, wl, word))
            continue;
        if (i + wl == l || !cd_isalnum((unsigned char)v[i + wl]))
            return 1;
    }
    return 0;
}

/* Does a class of id end in one of words as the tail of a compound
 * written in lower case ("storydeck", "articledek", "newsstandfirst"), which
 * neither the class-word split nor the camelCase parts see? */
static int S_compound_has(const cd_dom *dom, cd_nid id, const char *const *words)
{
    size_t l = 0;
    const char *v = cd_dom_attr(dom, id, "class", &l);
    if (!v || l > 1024) return 0;
    for (size_t i = 0; i < l;) {
        while (i < l && cd_isspace((unsigned char)v[i]))
            i++;
        size_t e = i;
        while (e < l && !cd_isspace((unsigned char)v[e]))
            e++;
        for (size_t w = 0; words[w] && e > i; w++) {
            size_t wl = strlen(words[w]);
            /* A letter before the tail: "storydeck", not "deck" or "story-deck". */
            if (wl < 3 || e - i <= wl || !(v[e - wl - 1] >= 'a' && v[e - wl - 1] <= 'z')) continue;
            if (memcmp(v + e - wl, words[w], wl) == 0) return 1;
        }
        i = e;
    }
    return 0;
}

/* Is element k a line of its own: nothing shown before it in its parent
 * but a block or a <br>, and a block, a <br> or nothing after it? */
static int S_own_line(const cd_dom *dom, cd_nid k)
{
    for (int dir = 0; dir < 2; dir++) {
        cd_nid q = dir ? cd_dom_node(dom, k)->next : cd_dom_node(dom, k)->prev;
        while (q && cd_dom_node(dom, q)->type != CD_NODE_ELEMENT &&
               (cd_dom_node(dom, q)->type != CD_NODE_TEXT || cd_news_space_text(cd_dom_node(dom, q))))
            q = dir ? cd_dom_node(dom, q)->next : cd_dom_node(dom, q)->prev;
        if (!q) continue;
        const cd_node *qn = cd_dom_node(dom, q);
        if (qn->type != CD_NODE_ELEMENT || !((cd_tag_flags(qn->tag) & CD_TF_BLOCK) || qn->tag == CD_TAG_BR))
            return 0;
    }
    return 1;
}

static void S_drop_first(cd_news_ctx *p, cd_nid id, uint8_t why)
{
    cd_extract_drop_as(p->x, id, why);
    unsigned k = 0;
    while (k < p->nfirst && p->first[k] != id)
        k++;
    if (k < p->nfirst) {
        memmove(&p->first[k], &p->first[k + 1], (p->nfirst - k - 1) * sizeof p->first[0]);
        p->nfirst--;
    }
    if (p->last[0] == id) {
        p->last[0] = p->last[1];
        p->last[1] = CD_NONE;
    } else if (p->last[1] == id) {
        p->last[1] = CD_NONE;
    }
}

/* The next and previous element siblings of id. */
static cd_nid S_next_el(const cd_dom *dom, cd_nid id)
{
    cd_nid k = cd_dom_node(dom, id)->next;
    while (k && cd_dom_node(dom, k)->type != CD_NODE_ELEMENT)
        k = cd_dom_node(dom, k)->next;
    return k;
}

/* Is k the paragraph that closes the headline's own block, right after the
 * h1 and with nothing after it (<div><h1>…</h1><p>…</p></div>)? A block of
 * a headline and one sentence is a title block, whatever its classes say;
 * the body's first paragraph has the next ones after it. */
static int S_headline_pair(const cd_dom *dom, cd_nid h1, cd_nid k, int dated)
{
    /* Or, on a page that says when (a story), the one block of that last
     * element (<div class=description><h1>…</h1><div class=text><p>Want to
     * keep …?</p></div></div>, wcxb 4363); undated, that is a shop's or a
     * service's tagline (wcxb 0708, 4112). */
    cd_nid e = S_next_el(dom, h1);
    return e && !S_next_el(dom, e) && (e == k || (dated && S_only_chain(dom, e, k)));
}

/* Does element k hold text and inline elements only, no block of its own? */
static int S_leaf_block(const cd_dom *dom, cd_nid k)
{
    for (cd_nid c = cd_dom_node(dom, k)->first; c; c = cd_dom_node(dom, c)->next) {
        const cd_node *x = cd_dom_node(dom, c);
        if (x->type == CD_NODE_ELEMENT && (cd_tag_flags(x->tag) & CD_TF_BLOCK)) return 0;
    }
    return 1;
}

/* The only element child of e, with no text beside it; CD_NONE otherwise. */
static cd_nid S_only_child(const cd_dom *dom, cd_nid e)
{
    cd_nid only = CD_NONE;
    for (cd_nid c = cd_dom_node(dom, e)->first; c; c = cd_dom_node(dom, c)->next) {
        const cd_node *x = cd_dom_node(dom, c);
        if (x->type == CD_NODE_TEXT && !cd_news_space_text(x)) return CD_NONE;
        if (x->type != CD_NODE_ELEMENT) continue;
        if (only) return CD_NONE;
        only = c;
    }
    return only;
}

/* Is k e itself or e's only child, down to three wrappers (<div
 * class=detail-short-des><div class=field><p>…</p></div></div>, wcxb
 * 4051): the one block e holds? */
static int S_only_chain(const cd_dom *dom, cd_nid e, cd_nid k)
{
    for (unsigned d = 0; e && d < 4; d++, e = S_only_child(dom, e))
        if (e == k) return 1;
    return 0;
}

/* Is k the block set right under the headline, as a dek is: the h1's next
 * element sibling, or the only child of that sibling (<h1>…</h1><div>
 * <p>dek</p></div>), with no paragraph after it (<h1>…</h1><p>…</p><p>…
 * is the body opening)? A dek set in a <div> of its own is read so too
 * (<h1>…</h1><div>Get all the perks …</div><div>By …</div>). */
static int S_under_h1(const cd_dom *dom, cd_nid h1, cd_nid k)
{
    cd_nid e = S_next_el(dom, h1);
    if (!e) return 0;
    /* A <p> of its own there may open the body; one wrapped alone in a
     * block is set apart from it. */
    if (e == k ? !cd_dom_is(dom, k, CD_TAG_DIV) : !S_only_chain(dom, e, k)) return 0;
    cd_nid nx = S_next_el(dom, e);
    return !nx || !cd_dom_is(dom, nx, CD_TAG_P);
}

/* Is the headline h1 a link to the site's home page and nothing else
 * (<h1><a href="http://www.bloggernews.net">Blogger News Network</a></h1>,
 * l3s 552fe66a): the masthead's name, whose tag line under it ("High-quality
 * English language reporting, analysis and editorial writing on the news.")
 * is the site's, no story's deck? */
static int S_home_link(const cd_dom *dom, cd_nid h1)
{
    cd_nid a = S_only_child(dom, h1);
    if (!a || !cd_dom_is(dom, a, CD_TAG_A)) return 0;
    size_t n = 0;
    const char *h = cd_dom_attr(dom, a, "href", &n);
    if (!h) return 0;
    while (n && cd_isspace((unsigned char)h[n - 1]))
        n--;
    size_t i = 0;
    if (n >= 7 && cd_eq_nocase(h, 7, "http://")) i = 7;
    else if (n >= 8 && cd_eq_nocase(h, 8, "https://")) i = 8;
    else return n == 1 && h[0] == '/';
    while (i < n && h[i] != '/')
        i++;
    return i == n || (i + 1 == n && h[i] == '/');
}

/* Is s[0..n) a list of two names or more and nothing else, separated by
 * commas, "and" or "&", each of two to four capitalised words or initials
 * ("Naftali Tishby, Fernando C. Pereira, William Bialek", a paper's authors
 * in wcxb 0381's p.text-tagline-1 under the h1): an author line, no deck. */
static int S_names_list(const char *s, size_t n)
{
    unsigned names = 0, words = 0;
    const char *w;
    for (size_t at = 0, l; (l = cd_next_word(s, n, &at, &w)) != 0;) {
        int end = 0;
        if ((l == 3 && cd_eq_nocase(w, 3, "and")) || (l == 1 && w[0] == '&')) {
            if (words < 2 || words > 4) return 0;
            names++, words = 0;
            continue;
        }
        if (w[l - 1] == ',') end = 1, l--;
        if (!l || !(w[0] >= 'A' && w[0] <= 'Z')) return 0;
        for (size_t i = 1; i < l; i++)
            if (!((w[i] >= 'a' && w[i] <= 'z') || w[i] == '.' || w[i] == '-' || w[i] == '\'' || (unsigned char)w[i] >= 0x80))
                return 0;
        words++;
        if (end) {
            if (words < 2 || words > 4) return 0;
            names++, words = 0;
        }
    }
    if (words < 2 || words > 4) return 0;
    return names + 1 >= 2;
}

/* The length of a label in capitals and the bar after it opening s[0..n)
 * ("COMMENTARY | ", "NEWS ANALYSIS | "): one to three words of capitals, of
 * four letters or more together, then " | "; 0 when none. */
static size_t S_kicker_label(const char *s, size_t n)
{
    size_t i = 0, letters = 0;
    unsigned words = 0;
    while (i < n && words < 4) {
        size_t b = i;
        while (i < n && s[i] >= 'A' && s[i] <= 'Z')
            i++;
        if (i == b) return 0;
        letters += i - b;
        words++;
        if (i + 3 <= n && memcmp(s + i, " | ", 3) == 0)
            return words <= 3 && letters >= 4 && i + 3 < n ? i + 3 : 0;
        if (i >= n || s[i] != ' ') return 0;
        i++;
    }
    return 0;
}

/* Is the element after k, in its parent, the byline: a short block (200
 * bytes or less) that names one of the page's authors? A block between the
 * headline and the byline is set before the story, as a dek is. */
static int S_byline_after(cd_news_ctx *p, cd_nid k)
{
    cd_nid nx = S_next_el(p->dom, k);
    if (!nx || !p->m->nauthors) return 0;
    cd_news_text t;
    cd_news_gather(p, nx, CD_NONE, 0, &t);
    if (t.more || t.n > 200) return 0;
    for (size_t i = 0; i < p->m->nauthors; i++) {
        size_t al = strlen(p->m->authors[i]);
        if (al >= 4 && cd_contains_nocase(t.s, t.n, p->m->authors[i])) return 1;
        (void)al;
    }
    return 0;
}

/* Is <p> k classed apart from the story's paragraphs: a class of its own,
 * and the story's first block after it a <p> without that class? */
static int S_styled_apart(const cd_news_ctx *p, cd_nid k)
{
    const cd_dom *dom = p->dom;
    size_t kl = 0, fl = 0;
    const char *kv = cd_dom_attr(dom, k, "class", &kl);
    if (!kv || !kl) return 0;
    cd_nid first = CD_NONE;
    for (unsigned i = 0; i < p->nfirst && !first; i++)
        if (p->first[i] != k && !cd_news_inside(dom, p->first[i], k)) first = p->first[i];
    if (!first || !cd_dom_is(dom, first, CD_TAG_P)) return 0;
    const char *fv = cd_dom_attr(dom, first, "class", &fl);
    return !fv || fl != kl || memcmp(fv, kv, kl) != 0;
}

/* Does s hold a clock time ("07:19", "9:30")? */
static int S_clock_time(const char *s, size_t n)
{
    for (size_t i = 1; i + 2 < n; i++)
        if (s[i] == ':' && cd_isdigit((unsigned char)s[i - 1]) && cd_isdigit((unsigned char)s[i + 1]) &&
            cd_isdigit((unsigned char)s[i + 2]) && (i + 3 == n || !cd_isdigit((unsigned char)s[i + 3])))
            return 1;
    return 0;
}

/* Is heading k the only thing its parent holds (no other element, no text)? */
static int S_wrapped(const cd_dom *dom, cd_nid k)
{
    const cd_node *n = cd_dom_node(dom, k);
    if (n->type != CD_NODE_ELEMENT || !(cd_tag_flags(n->tag) & CD_TF_HEADING) || !n->parent) return 0;
    for (cd_nid c = cd_dom_node(dom, n->parent)->first; c; c = cd_dom_node(dom, c)->next) {
        const cd_node *x = cd_dom_node(dom, c);
        if (c == k) continue;
        if (x->type == CD_NODE_ELEMENT || (x->type == CD_NODE_TEXT && !cd_news_space_text(x))) return 0;
    }
    return 1;
}

/* Is block k followed, in its parent, by a paragraph or a code block: the
 * first of a post's paragraphs (a forum question's, wcxb 0564, whose
 * description is its opening cut short), not a standfirst set apart? */
static int S_runs_on(const cd_dom *dom, cd_nid k)
{
    unsigned seen = 0;
    for (cd_nid q = S_next_el(dom, k); q && seen < 8; q = S_next_el(dom, q), seen++)
        if (cd_dom_is(dom, q, CD_TAG_P) || cd_dom_is(dom, q, CD_TAG_PRE)) return 1;
    return 0;
}

/* Block k's text, cleaned, in d[0..*dl) when it is a sentence closed by a
 * stop (. ! ?) and all of it was gathered, and in *dn the page's
 * description's length without its trailing spaces: for the two tests
 * below of a block against the description. */
static int S_sentence_and_description(cd_news_ctx *p, cd_nid k, const char **d, size_t *dl, size_t *dn)
{
    cd_news_text t;
    cd_news_gather(p, k, CD_NONE, 0, &t);
    if (t.more) return 0;
    *d = cd_meta_clean(p->arena, t.s, t.n, dl);
    const char *ds = p->m->description;
    *dn = strlen(ds);
    while (*dn && cd_isspace((unsigned char)ds[*dn - 1]))
        (*dn)--;
    const char *e = *d;
    return e && *dl && (e[*dl - 1] == '.' || e[*dl - 1] == '!' || e[*dl - 1] == '?');
}

/* Does block k's text say the page's description, as a sentence of eight
 * words or more closed by a stop: the same text, or one the description
 * opens when it is cut short ("… inflection point...", sixty characters or
 * more before the dots)? A label or a tag line ("As determined by IMDb
 * users", a list's; "The Stuff No One Tells You") is no standfirst. */
static int S_says_description(cd_news_ctx *p, cd_nid k, int nostop)
{
    const char *d = NULL, *ds = p->m->description;
    size_t dl = 0, dn = 0;
    if (!S_sentence_and_description(p, k, &d, &dl, &dn)) {
        /* The description said whole in twelve words or more needs no
         * stop: "We compare 4 of the best website builders on the market to
         * help you find the right platform to create an awesome online
         * presence", wcxb 0187's div under the byline; the Guardian's
         * standfirst, 4370), when the story's text leaves it out (nostop):
         * a listing page's tag line the text keeps ("Stay up to date with
         * …'s Vehicle rental news and reporting coverage", wcxb 0205) is none. */
        return nostop && d && dl && cd_parts_words(d, dl) >= 12 && cd_meta_eq_nocase(d, dl, ds, dn);
    }
    if (cd_parts_words(d, dl) < 8) return 0;
    if (cd_meta_eq_nocase(d, dl, ds, dn)) return 1;
    size_t cut = dn >= 3 && memcmp(ds + dn - 3, "...", 3) == 0 ? 3
                 : dn >= 3 && memcmp(ds + dn - 3, "\xE2\x80\xA6", 3) == 0 ? 3 : 0;
    if (!cut) return 0;
    dn -= cut;
    while (dn && cd_isspace((unsigned char)ds[dn - 1]))
        dn--;
    return dn >= 60 && dn < dl && cd_meta_eq_nocase(d, dn, ds, dn);
}

/* Does s open as a newspaper's first paragraph does, its first word or
 * words set in capitals before the sentence runs on in lower case ("AN
 * EMOTIONAL Nicole Pratt broke down …", "RAISING the stakes in …", "IT'S
 * more than …", l3s 89fc8a0d, 065445c6, d35ceaa6)? A word of three capitals
 * is most often an acronym ("SEO is changing …", "ICU gets …", wcxb 0171,
 * 0415) and does not count; one of four or more may be one too ("NASA
 * says"), so the caller asks for the story's paragraphs right after it. */
static int S_lede_caps(const char *s, size_t n)
{
    const char *w;
    unsigned caps = 0;
    for (size_t at = 0, l; (l = cd_next_word(s, n, &at, &w)) != 0;) {
        size_t letters = 0, lower = 0, apos = 0;
        for (size_t i = 0; i < l; i++) {
            unsigned char c = (unsigned char)w[i];
            if (c >= 'a' && c <= 'z') lower++;
            else if (c >= 'A' && c <= 'Z') letters++;
            else if (c == '\'' || c == 0xE2) apos = 1; /* ' or ’ (E2 80 99) */
            else if (c >= 0x80) {
                if (c != 0x80 && c != 0x99) return 0;
            } else if (!(c == ',' && i == l - 1)) return 0;
        }
        if (lower) return caps > 0;
        if (!letters) return 0;
        if (caps == 0 && !(letters == 2 || letters >= 4 || apos)) return 0;
        if (++caps > 3) return 0;
    }
    return 0;
}

/* Is the next element after <p> k, in its parent, a paragraph of the
 * story's text (shown in it, 100 characters or more): k is the paragraph
 * that opens the story, set in a block of its own name? */
static int S_story_follows(cd_news_ctx *p, cd_nid k)
{
    cd_nid nx = S_next_el(p->dom, k);
    if (!nx || !cd_dom_is(p->dom, nx, CD_TAG_P) || !cd_news_rendered(p, nx)) return 0;
    cd_news_text t;
    cd_news_gather(p, nx, CD_NONE, 0, &t);
    return t.more || t.n >= 100;
}

/* Does block k's text open the page's description, or say it all: a
 * sentence of sixty characters or more whose words, up to its closing stop,
 * the description opens with ("Everything you need to know about electric
 * vehicles (EVs), helping you make the right choice when switching to a
 * greener way of driving." under the h1, the description going on
 * "… driving depending on your needs.", wcxb 4051)? The page's own summary
 * shown under its headline, on a page naming no author. */
static int S_opens_description(cd_news_ctx *p, cd_nid k)
{
    if (!p->m->description) return 0;
    const char *d, *ds = p->m->description;
    size_t dl, dn;
    /* The description said whole is most often the body's first paragraph
     * (a product's, wcxb 0593): only one it goes on from counts. */
    if (!S_sentence_and_description(p, k, &d, &dl, &dn)) return 0;
    dl--;
    return dl >= 60 && dl + 4 < dn && cd_meta_eq_nocase(d, dl, ds, dl) &&
           (ds[dl] == ' ' || ds[dl] == ',' || ds[dl] == '.' || ds[dl] == ';');
}

/* Does c[0..len) end with title after a trail of links: a separator
 * ("»", "›", ">", "/", "|") in the words before it? */
static int S_trail_to(const char *c, size_t len, const char *title)
{
    size_t tl = strlen(title);
    if (tl < 20 || tl >= len || !cd_meta_eq_nocase(c + len - tl, tl, title, tl)) return 0;
    for (size_t i = 0; i < len - tl; i++) {
        unsigned char b = (unsigned char)c[i];
        if (b == '>' || b == '/' || b == '|') return 1;
        if (b == 0xC2 && i + 1 < len - tl && (unsigned char)c[i + 1] == 0xBB) return 1;                 /* » */
        if (b == 0xE2 && i + 2 < len - tl && (unsigned char)c[i + 1] == 0x80 && (unsigned char)c[i + 2] == 0xBA) return 1; /* › */
    }
    return 0;
}

/* A byline block inside a standfirst block ("<p>Standfirst</p><p>by Jane Doe
 * (reporting)</p>"): the child that reads as one, not the first. */
static cd_nid S_deck_byline(cd_news_ctx *p, cd_nid k)
{
    cd_news_text t;
    unsigned kids = 0;
    for (cd_nid c = cd_dom_node(p->dom, k)->first; c && kids < 8; c = cd_dom_node(p->dom, c)->next) {
        const cd_node *n = cd_dom_node(p->dom, c);
        if (n->type != CD_NODE_ELEMENT || !(cd_tag_flags(n->tag) & CD_TF_BLOCK)) continue;
        if (kids++ == 0) continue;
        cd_news_gather(p, c, CD_NONE, 0, &t);
        size_t len;
        char *s = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &len);
        if (s && cd_parts_not_deck(s, len)) return c;
    }
    return CD_NONE;
}

/* The page's one visible <h1> when the headline was not found by the
 * title (the page's SEO title worded otherwise: "The 5 Most EPIC Espresso
 * Machines Under $500 [2024 Guide]" over the h1 "Top Espresso Machine under
 * $500: Which One Should You Get?", wcxb 4815): of three words or more, no
 * link in it (a site's logo), before the story's first block. Two h1s or
 * more (a masthead's, a sidebar's) leave the headline unknown. */
cd_nid cd_news_sole_h1(cd_news_ctx *p)
{
    const cd_dom *dom = p->dom;
    cd_nid one = CD_NONE;
    for (uint32_t id = 2; id < dom->count && id < CD_NEWS_BODY_NODES; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type != CD_NODE_ELEMENT || n->tag != CD_TAG_H1 || !n->first || !cd_extract_node_visible(dom, id)) continue;
        if (one) return CD_NONE;
        one = id;
    }
    if (!one || (p->nfirst && p->first[0] < one)) return CD_NONE;
    for (cd_nid q = cd_dom_next(dom, one, one); q; q = cd_dom_next(dom, q, one))
        if (cd_dom_is(dom, q, CD_TAG_A)) return CD_NONE;
    cd_news_text t;
    cd_news_gather(p, one, CD_NONE, 0, &t);
    size_t len;
    char *c = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &len);
    if (!c || cd_parts_words(c, len) < 3 || !p->m->title) return CD_NONE;
    /* Two words of four letters or more in common with the title, or of
     * three on a page read or typed as an article ("May", "2025", wcxb
     * 4372): the same story worded twice ("Espresso", "$500"); a service
     * page's h1 over another title ("Data Analytics Consulting" under
     * "Custom Dashboards In Days", wcxb 0248; "The Agentic Security
     * Platform …" under "The CrowdStrike Falcon® Platform", 2848) is a
     * banner, not its headline. */
    const char *ts = p->m->title, *w, *v;
    size_t tn = strlen(ts);
    unsigned shared = 0, seen = 0, least = p->x->article || p->x->typed > 0 ? 3u : 4u;
    for (size_t at = 0, wl; (wl = cd_next_word(c, len, &at, &w)) != 0 && seen < 24 && shared < 2; seen++) {
        while (wl && !cd_isalnum((unsigned char)w[wl - 1]))
            wl--;
        if (wl < least) continue;
        for (size_t bt = 0, vl; (vl = cd_next_word(ts, tn, &bt, &v)) != 0;) {
            while (vl && !cd_isalnum((unsigned char)v[vl - 1]))
                vl--;
            if (cd_meta_eq_nocase(w, wl, v, vl)) {
                shared++;
                break;
            }
        }
    }
    return shared >= 2 ? one : CD_NONE;
}

#ifdef CD_DEBUG_NEWS_CANDS
/* Debug builds only (-DCD_DEBUG_NEWS_CANDS, with CD_NEWS_CANDS=ID set): the
 * blocks after the headline a deck could be, the first CD_NEWS_DECK_NODES
 * nodes and 24 texts, whether cd_news_deck reads them or not, one line each
 * on stderr:
 *   DECK ID N TAG TEXTS_BEFORE DECK_CLASS STRONG_CLASS RENDERED SAME_PARENT WORDS TEXT
 * (DECKHEAD ID H1 STORY METADECK before them). Read by tools/cands_cv.py. */
static void S_deck_cands(cd_news_ctx *p, cd_nid h1)
{
    const cd_dom *dom = p->dom;
    const char *id = getenv("CD_NEWS_CANDS");
    fprintf(stderr, "DECKHEAD\t%s\t%u\t%d\t%s\n", id, (unsigned)h1, p->story, p->m->deck ? "1" : "0");
    if (!h1) return;
    cd_nid top = cd_dom_root(dom);
    unsigned seen = 0, texts = 0, nc = 0;
    cd_news_text t;
    for (cd_nid k = cd_dom_next_skip(dom, h1, top); k && seen < CD_NEWS_DECK_NODES && nc < 12; seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_TEXT) {
            if (!cd_news_space_text(n) && ++texts > 24u) break;
            k = cd_dom_next(dom, k, top);
            continue;
        }
        if (n->type != CD_NODE_ELEMENT) {
            k = cd_dom_next(dom, k, top);
            continue;
        }
        if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k) || n->tag == CD_TAG_FIGURE ||
            n->tag == CD_TAG_ASIDE || n->tag == CD_TAG_NAV) {
            k = cd_dom_next_skip(dom, k, top);
            continue;
        }
        int heading = (cd_tag_flags(n->tag) & CD_TF_HEADING) != 0;
        if (n->tag == CD_TAG_P || heading || n->tag == CD_TAG_FONT ||
            ((n->tag == CD_TAG_DIV || n->tag == CD_TAG_SPAN) && S_leaf_block(dom, k)) ||
            ((n->tag == CD_TAG_STRONG || n->tag == CD_TAG_B) && S_own_line(dom, k))) {
            cd_news_gather(p, k, CD_NONE, 0, &t);
            size_t len = 0;
            char *c = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &len);
            if (c && len) {
                nc++;
                fprintf(stderr, "DECK\t%s\t%u\t%s\t%u\t%d\t%d\t%d\t%d\t%u\t", id, nc, cd_tag_name(n->tag), texts,
                        cd_news_has(p, k, cd_list_class_deck) || cd_news_camel_has(dom, k, cd_list_class_deck),
                        cd_news_has(p, k, cd_list_class_deck_strong), cd_news_rendered(p, k),
                        n->parent == cd_dom_node(dom, h1)->parent, cd_parts_words(c, len));
                for (size_t i = 0; i < len; i++)
                    fputc(c[i] == '\t' || c[i] == '\n' ? ' ' : c[i], stderr);
                fputc('\n', stderr);
            }
        }
        k = cd_dom_next(dom, k, top);
    }
}
#endif

void cd_news_deck(cd_news_ctx *p)
{
#ifdef CD_DEBUG_NEWS_CANDS
    if (getenv("CD_NEWS_CANDS")) S_deck_cands(p, p->head ? p->head : cd_news_sole_h1(p));
#endif
    const cd_dom *dom = p->dom;
    cd_nid h1 = p->head;
    /* A page whose structured data names another kind of page (a
     * product, an FAQ, a list) and no article anywhere (og:type website)
     * is no story for its deck, dated or not (its date a page's, not a
     * story's): "<p class=subheading>Data
     * Analytics Consulting That Brings Clarity to Complexity</p>", wcxb
     * 0170; 0062's hero__subtitle, 3060's features-highlights__subtitle. */
    int story = p->story && !(p->x->typed < 0 && p->x->other_kind);
    if (!h1 && story) h1 = cd_news_sole_h1(p);
    if (h1 && S_home_link(dom, h1)) return;
    unsigned fi = 0;
    cd_nid first = p->nfirst ? p->first[0] : CD_NONE;
    cd_news_text t;
    if (h1) {
        /* The header the headline sits in (<header>, <hgroup>), if any. */
        cd_nid hdr = CD_NONE;
        cd_nid a = cd_dom_node(dom, h1)->parent;
        for (unsigned d = 0; a && d < 3; d++, a = cd_dom_node(dom, a)->parent)
            if (cd_dom_is(dom, a, CD_TAG_HEADER) || cd_dom_is(dom, a, CD_TAG_HGROUP)) {
                hdr = a;
                break;
            }
        unsigned seen = 0, texts = 0;
        cd_nid top = cd_dom_root(dom), carry = CD_NONE;
        /* A page that says what it is (a description, a kind in its
         * structured data) and no date is no story: a shop's, a service's,
         * a guide's page, whose tagline sits under its h1 (below). A page
         * that says nothing of itself (no metadata at all, as old news
         * pages: tests/regression/news-short-standfirst-in-headline-block-
         * missed, news-title-case-deck-classed-missed) keeps the older
         * rules. */
        int told_kind = !story && (p->m->description || p->x->typed != 0);
        for (cd_nid k = cd_dom_next_skip(dom, h1, top); k && seen < CD_NEWS_DECK_NODES; seen++) {
            const cd_node *n = cd_dom_node(dom, k);
            if (n->type == CD_NODE_TEXT) {
                /* Twelve texts after the headline end the search, but for
                 * the page's stated summary (told, below), which may sit
                 * under a long author card: twenty-four. */
                if (!cd_news_space_text(n) && ++texts > (p->m->description && story ? 24u : 12u)) break;
                k = cd_dom_next(dom, k, top);
                continue;
            }
            if (n->type != CD_NODE_ELEMENT) {
                k = cd_dom_next(dom, k, top);
                continue;
            }
            /* A share bar (<aside>, <nav>) between the headline and the deck
             * is neither, and its labels are not the body's text. */
            if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k) ||
                n->tag == CD_TAG_FIGURE || n->tag == CD_TAG_ASIDE || n->tag == CD_TAG_NAV ||
                cd_news_has(p, k, cd_list_class_caption)) {
                k = cd_dom_next_skip(dom, k, top);
                continue;
            }
            /* A box classed as the sidebar's (<div class=sidebar-box><div
             * class=book-call><h3>…</h3><p class=book-call-intro>Have
             * questions? Schedule a call …</p>, wcxb 4306) is no deck either;
             * its texts count toward the walk's end as read ones do (passing
             * them free took an ad's "We are ... here to help!" further on,
             * wcxb 0087). */
            if (cd_meta_class_has_block(&p->ctx, k, cd_list_class_sidebar)) {
                unsigned sseen = 0;
                for (cd_nid q = cd_dom_next(dom, k, k); q && sseen < CD_NEWS_FIG_NODES; q = cd_dom_next(dom, q, k), sseen++)
                    if (cd_dom_node(dom, q)->type == CD_NODE_TEXT && !cd_news_space_text(cd_dom_node(dom, q))) texts++;
                k = cd_dom_next_skip(dom, k, top);
                continue;
            }
            /* Past twelve texts only the stated summary is looked for. */
            int late = texts > 12;
            int camel = !late && (cd_news_camel_has(dom, k, cd_list_class_deck) ||
                                  S_compound_has(dom, k, cd_list_class_deck_strong));
            /* A heading alone in a block classed as a deck (<div class=dek>
             * <h2>…</h2></div>) is the deck, as its wrapper says; one
             * classed so itself in a plain wrapper (<div class=block-info>
             * <h2 id=id_deck>…</h2></div>, wcxb 4064) as its own name says. */
            cd_nid named = S_wrapped(dom, k) && !cd_news_has(p, k, cd_list_class_deck) ? cd_dom_node(dom, k)->parent : k;
            int cls = !late && (cd_news_has(p, named, cd_list_class_deck) || camel || S_itemprop_deck(dom, k) ||
                                (n->tag == CD_TAG_P && S_class_word(dom, k, "lead")));
            /* A page that is no story (no date, no masthead's day: a shop's,
             * a service's, a guide's page) has its tagline or its intro
             * under the h1, set as a subtitle or a summary ("<p class=
             * pdp-product-header__tagline>Complete high-protein powder
             * meal</p>", wcxb 0589; "<p class=hero-banner__subtitle>", 0719;
             * "<p class=s-product__subtitle>", 4213): its deck is read only when
             * named a deck (dek, deck, standfirst, strapline, subheadline),
             * or when the page says by whom or is typed an article in its
             * structured data (la-nacion's undated p.bajada, wcxb 0468's
             * p.subtitle under its author), as the first line under the h1
             * (a product page naming a maker as its author reads its next
             * block's intro then, wcxb 4263). h/deck20: of the 36 decks
             * this took off undated pages (wcxb, Readability; none on L3S),
             * 29 were shops' and services' taglines, 3 false on guides. */
            if (cls && told_kind && (texts > 0 || (!p->m->nauthors && p->x->typed < 2)) &&
                !(cd_news_has(p, named, cd_list_class_deck_strong) || cd_news_camel_has(dom, k, cd_list_class_deck_strong) ||
                  S_compound_has(dom, k, cd_list_class_deck_strong)))
                cls = 0;
            /* "<p itemprop=description><p>Standfirst</p></p>" (creativeboom-
             * december-typefaces): the parser closes the named <p> empty at
             * the inner one, which is the deck the name meant. */
            if (cls && !n->first && n->tag == CD_TAG_P) {
                carry = S_next_el(dom, k);
                k = cd_dom_next(dom, k, top);
                continue;
            }
            if (k == carry && n->tag == CD_TAG_P && texts == 0)
                cls = 1;
            /* A lower heading right under the headline, in the headline's
             * own block with nothing shown between (<h1>…</h1><h6><p>
             * Commission kicks off …</p></h6>, l3s pcw-eu-microsoft-cases;
             * Medium's <h2>…</h2><p><br></p><h4>Welcome to …</h4>,
             * backchannel-deep-web-drug-lab; <h2 class=bigBlack>…</h2><h3>
             * Everex CloudBook and Asus Eee PC offer …</h3>, techcouk-
             * subnotebooks-macbook-air): a subheadline, read as the h2 is
             * below (a sentence, not a section's title-case heading). */
            int sub = texts == 0 && n->tag != CD_TAG_H2 && (cd_tag_flags(n->tag) & CD_TF_HEADING) &&
                      story && n->parent == cd_dom_node(dom, h1)->parent &&
                      (!(cd_tag_flags(cd_dom_node(dom, h1)->tag) & CD_TF_HEADING) ||
                       n->tag > cd_dom_node(dom, h1)->tag ||
                       /* A headline set in a minor heading (h3–h6) with
                        * the next heading right after it, whatever its
                        * rank: the ranks are the template's type sizes
                        * (<h5>Podium for Canuck</h5><h3>Bronze medal picks
                        * up slack …</h3>, tests/spec/news/winnipegsun-
                        * podium-canuck). */
                       (cd_dom_node(dom, h1)->tag >= CD_TAG_H3 && S_next_el(dom, h1) == k));
            /* An h2 or a <p> under the h1 unnamed is read on a story only:
             * a page that is not one sets its tagline there ("<h2>Choose
             * the right arm for your application</h2>", wcxb 4035; "Don't
             * just record crime, prevent it", 4263; "Create your Custom
             * Skincare Set and save 10%.", 4758). */
            int h2 = (n->tag == CD_TAG_H2 || (sub && !cls)) && texts == 0 && !told_kind;
            int hp = n->tag == CD_TAG_P && texts == 0 && !told_kind &&
                     ((hdr && cd_news_inside(dom, k, hdr)) || S_headline_pair(dom, h1, k, story));
            /* … and, on a dated page, a <div> of text alone closing the
             * headline's block (<div><h1>Small Business Guide: Cyber
             * Security</h1><div class="text-fl-lg font-medium">How to
             * improve your cyber security; …</div></div>, wcxb 4105). */
            int hp_div = 0;
            if (!hp && texts == 0 && n->tag == CD_TAG_DIV && story && S_leaf_block(dom, k) &&
                S_headline_pair(dom, h1, k, 1))
                hp = hp_div = 1;
            /* The block right under the headline (a <p>, or a <div> of text
             * only): seen on newer pages whose header wraps the h1 deeper
             * than the <header> search reaches, or that set the dek as a
             * bare <div> (runnersworld-best-shoes, mashable-macbook-deal); on
             * a page that says when and by whom, as a story does (a product's
             * or a service's page has its tagline there). */
            int under = 0;
            /* On a dated page naming no author, a classed <p> there that
             * the story's text left out, styled apart from the story's
             * first paragraph after it (<h1>…</h1><p class=story_panel_text>
             * West Brom manager … at The Hawthorns.</p><div>advert</div>,
             * l3s teamtalk-mowbray-baggies): read so too, as a sentence of
             * eight words or more (below), the h1's very next element too
             * when no <p> follows it. Not a <p> the text keeps: a product
             * page's tagline (wcxb 0690) or an intro (0203) is read then. */
            int apart = !hp && texts == 0 && story && !p->m->nauthors && n->tag == CD_TAG_P &&
                        !cd_news_rendered(p, k) && S_styled_apart(p, k);
            if (!hp && texts == 0 && story &&
                (n->tag == CD_TAG_P || (n->tag == CD_TAG_DIV && hdr && cd_news_inside(dom, k, hdr) && S_leaf_block(dom, k))) &&
                (p->m->nauthors || apart || S_opens_description(p, k)))
                hp = under = S_under_h1(dom, h1, k) ||
                             (apart && S_next_el(dom, h1) == k &&
                              (!S_next_el(dom, k) || !cd_dom_is(dom, S_next_el(dom, k), CD_TAG_P)));
            /* … and a <p> that is the h1's very next element with the
             * byline right after it (<h1>Top 50+ Software Development
             * Frameworks</h1><p class="font-weight-500 my-5">This is a
             * quick review …</p><p class=mb-1>Trung Tran</p>, wcxb 1222):
             * headline, dek, byline; the story's paragraphs come after
             * the byline. A sentence of eight words or more (below). */
            int before_by = 0;
            if (!hp && !cls && texts == 0 && story && n->tag == CD_TAG_P && S_next_el(dom, h1) == k && S_byline_after(p, k))
                hp = under = before_by = 1;
            if (!under) apart = 0;
            /* A bold sentence of its own line between the headline and a
             * story it is not part of (<strong>At its annual CES press
             * conference … players.</strong><div class=NewsFeed><p>…): the
             * standfirst, set in bold. */
            int bold = story && texts <= 4 && (n->tag == CD_TAG_STRONG || n->tag == CD_TAG_B) &&
                       !cd_news_rendered(p, k) && S_own_line(dom, k);
            /* The first line under the headline, a paragraph or a
             * subheading, that says what the page's description says
             * (ogpaper-richie-aguilera's coloured <p><font>,
             * insurancebusiness-top-insurers' h3): the standfirst the
             * page summarises itself with, on a page that says when (a
             * story), set apart from the body: a subheading, or a <p> all
             * in one styled element. A plain <p> equal to the description
             * is most often the body's (or a page's) first paragraph
             * (wcxb-dev 2854, 0671: the lead paragraph of a reference page). */
            int desc = 0;
            cd_nid only = n->tag == CD_TAG_P ? S_only_child(dom, k) : CD_NONE;
            if (!(cls || h2 || hp || bold) && texts == 0 && p->m->description && story &&
                (n->tag == CD_TAG_H2 || n->tag == CD_TAG_H3 ||
                 (only && (cd_dom_is(dom, only, CD_TAG_FONT) || cd_dom_is(dom, only, CD_TAG_B) ||
                           cd_dom_is(dom, only, CD_TAG_STRONG) || cd_dom_is(dom, only, CD_TAG_EM) ||
                           cd_dom_is(dom, only, CD_TAG_I) || cd_dom_is(dom, only, CD_TAG_SPAN))))) {
                cd_news_gather(p, k, CD_NONE, 0, &t);
                size_t dl;
                char *d = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &dl);
                const char *ds = p->m->description;
                size_t dn = strlen(ds);
                while (dn && cd_isspace((unsigned char)ds[dn - 1]))
                    dn--;
                desc = d && dl && cd_meta_eq_nocase(d, dl, ds, dn);
            }
            /* A block between the headline and the story, left out of the
             * story's text, that says what the page's description says,
             * after the byline and date lines too (tests/spec/news/
             * tasteofhome-book-subscriptions: "<p>We tried six …</p>" under
             * the author card and "Updated on …"; securityinfowatch-
             * strategist-futurist's description cut with "..."): the
             * standfirst the page summarises itself with, shown where a
             * standfirst goes. The story's own first paragraph is part of
             * its text. */
            /* So is one the text keeps that sits in the headline's own
             * block, under it or after its byline, with no paragraph after
             * it there (<h1>…</h1><p class="font-light …">Ready to ditch
             * the old …?  Revamp your closet …</p><div>By …</div>, wcxb
             * 0098; 0446's <p class="mb-6 …">, 0267's div.ss-hero-children
             * after the byline and "Updated on" lines): the header's
             * standfirst, which the description repeats; the story's
             * paragraphs stand in a block of their own. On a page naming
             * its writer: a service page's tagline (wcxb 0182) and an old
             * story's first paragraph set beside its headline (l3s
             * f49c5334, the description its first sentence) name none. */
            int told = !(cls || h2 || hp || bold || desc) && p->m->description && story &&
                       (n->tag == CD_TAG_P || ((n->tag == CD_TAG_DIV || n->tag == CD_TAG_H2 || n->tag == CD_TAG_H3) && S_leaf_block(dom, k))) &&
                       (!cd_news_rendered(p, k) || (p->m->nauthors && n->parent == cd_dom_node(dom, h1)->parent)) &&
                       !S_runs_on(dom, k) && S_says_description(p, k, !cd_news_rendered(p, k));
            desc = desc || told;
            /* A <font> line of its own right under the headline, set off
             * by <br>s, on a page that says when (guardian-picasso-recovered
             * "· Police suspect museum heist …<br>· Portinari painting …",
             * guardian-windies-win's scoreline): the standfirst of a page
             * styled with <font>. */
            int font = !(cls || h2 || hp || bold || desc) && texts == 0 && n->tag == CD_TAG_FONT &&
                       story && S_own_line(dom, k) && cd_dom_node(dom, k)->parent == cd_dom_node(dom, h1)->parent;
            /* The byline block set the same way ("<font><b>Andy Hunter<br>Wednesday
             * January 16, 2008<br><a>The Guardian</a></b></font>",
             * guardian-hicks-klinsmann) links to the paper: no standfirst does. */
            for (cd_nid q = font ? cd_dom_next(dom, k, k) : CD_NONE, fseen = 0; q && fseen < 64; q = cd_dom_next(dom, q, k), fseen++)
                if (cd_dom_is(dom, q, CD_TAG_A)) {
                    font = 0;
                    break;
                }
            if (late) cls = h2 = hp = bold = font = 0, desc = told;
            if (cls || h2 || hp || bold || desc || font) {
                cd_news_gather(p, k, S_deck_byline(p, k), 0, &t);
                size_t len;
                char *c = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &len);
                unsigned w = c ? cd_parts_words(c, len) : 0;
                int strong = cls && (cd_news_has(p, named, cd_list_class_deck_strong) ||
                                     cd_news_camel_has(dom, k, cd_list_class_deck_strong) ||
                                     S_compound_has(dom, k, cd_list_class_deck_strong));
                /* A standfirst that opens in the lede's capitals with the
                 * story's paragraphs right after it in its block is the
                 * story's first paragraph ("<p class=standfirst><strong>AN
                 * EMOTIONAL Nicole Pratt broke down …</strong></p><p>Pratt,
                 * 34, made …", l3s 89fc8a0d; tests/spec/news/dailytelegraphau-
                 * bhutto-yard): it stays in the text, no deck. */
                if (c && cls && n->tag == CD_TAG_P && S_lede_caps(c, len) && S_story_follows(p, k)) c = NULL;
                /* An "intro" in the body with the story's paragraphs right after
                 * it is the story's first paragraph, not a standfirst. */
                if (c && !strong && cd_news_has(p, k, cd_list_class_first_paragraph) && cd_news_rendered(p, k)) {
                    cd_nid nx = S_next_el(dom, k);
                    if (nx && cd_dom_is(dom, nx, CD_TAG_P)) c = NULL;
                }
                /* A heading in title case is a deck when its class says so
                 * and it runs to six words ("In a Celebrity Obsessed Culture,
                 * Another Young Star is Gone Too Soon" in h2#content_sub_title);
                 * a short one is a section's heading. The headline's block
                 * closed by one short sentence ("Good
                 * news for Microsoft?") is a title block too. */
                unsigned least = cls || desc || font || (hp && c && len && (c[len - 1] == '?' || c[len - 1] == '.' || c[len - 1] == '!')) ? 4u : 6u;
                /* An h2 right under the headline of a dated story, in
                 * sentence case ("Leader memorialized at prayer service",
                 * l3s bostonglobe-bhutto-wayland), beside it in the
                 * headline's own block: a subheadline of five words is a
                 * deck; a section's heading is set in title case or stands
                 * outside the headline's block ("<div class=page-header><h1>
                 * Book Reviews</h1></div><h2>What this handout is about</h2>",
                 * wcxb 0303). */
                int h2_beside = h2 && c && story && n->parent == cd_dom_node(dom, h1)->parent;
                if (h2_beside && !cd_parts_title_case(c, len))
                    least = 5u;
                /* … and one of three words or four that closes with a full
                 * stop, the h1's very next element ("<h1>The Best …</h1><h2>
                 * Glides like air.</h2>", tests/spec/news/ign-lightweight-mice):
                 * a strapline; a heading ends with no stop. */
                if (h2_beside && S_next_el(dom, h1) == k && len && (c[len - 1] == '.' || c[len - 1] == '!') &&
                    !cd_parts_title_case(c, len))
                    least = 3u;
                /* … and one of ten words or more, in title case too ("Says
                 * GOP Presidential Hopeful Shouldn't Be President Due To His
                 * Handling Of Case …", cbsnews-huckabee-mother): a sentence
                 * set as a subheadline, longer than any section's heading;
                 * not one that repeats the headline (a service page's "Used
                 * Gym Equipment Is Your Source for Short-Term Fitness
                 * Rentals" under "Short-Term Fitness Rentals", wcxb 3034). */
                int long_h2 = h2_beside && w >= 10 &&
                              !(p->m->title && cd_contains_nocase(c, len, p->m->title));
                /* … and one of six words or more in title case that is the
                 * headline's very next element, nothing between ("<h1>
                 * Simple Anomaly Detection Using Plain SQL</h1><h2>Identify
                 * Problems Before They Become Disasters</h2>", Readability's
                 * toc-missing, whose meta subtitle says it; l3s 5e69c0cd's
                 * "Delays Keep Him on Space Station After Mother's Death";
                 * b4fba381's press release h3): a subheadline set in the
                 * headline's style; a section's first heading follows a date
                 * line or an intro. On a page naming its writer or saying
                 * nothing of itself: a service page's tag line, its
                 * description too, names no writer ("Dynamic Sensing and Slam
                 * Mapping Technology Solutions", wcxb 4812). */
                if (h2_beside && w >= 6 && S_next_el(dom, h1) == k && (p->m->nauthors || !p->m->description) &&
                    !(p->m->title && cd_contains_nocase(c, len, p->m->title)))
                    long_h2 = 1;
                /* A copyright notice is the page's foot, whatever its place. */
                int notice = c && (cd_parts_starts(c, len, "\xC2\xA9") || cd_parts_starts(c, len, "copyright") ||
                                   cd_parts_starts(c, len, "(c)"));
                /* A bold line is a sentence of eight words or more. */
                if (bold && !(cls || h2 || hp) &&
                    (!c || w < 8 || !(c[len - 1] == '.' || c[len - 1] == '!' || c[len - 1] == '?')))
                    c = NULL;
                if (apart && (!c || w < 8 || !(c[len - 1] == '.' || c[len - 1] == '!' || c[len - 1] == '?')))
                    c = NULL;
                if (hp_div && (!c || w < 6 || !(c[len - 1] == '.' || c[len - 1] == '!' || c[len - 1] == '?')))
                    c = NULL;
                if (before_by && (!c || w < 8 || !(c[len - 1] == '.' || c[len - 1] == '!' || c[len - 1] == '?')))
                    c = NULL;
                /* A line under the headline that states a clock time is
                 * its date line ("AFP 30 avril 2015 à 07:19 (Mis à jour
                 * …)"), not a dek. */
                if (c && under && S_clock_time(c, len)) c = NULL;
                /* … nor a breadcrumb trail ending in the headline ("Home »
                 * Are you attending 2026’s top tech conferences? Let’s
                 * connect!", wcxb 4366): the headline closes it after a
                 * separator. A deck may say the headline's words after its
                 * own ("Newspaper says entertainers named in …",
                 * tests/spec/news/wjbf-steroid-entertainers). */
                if (c && p->m->title && S_trail_to(c, len, p->m->title)) c = NULL;
                /* … nor a line of names alone (a paper's authors), nor a
                 * <time> (its date and reading time: "<time class=
                 * text-tagline-2>24 Apr 2000 • 3 min read</time>", wcxb 0381,
                 * read once the names above it were passed). */
                if (c && (S_names_list(c, len) || n->tag == CD_TAG_TIME)) c = NULL;
                /* … and one of four words or five in title case classed a
                 * deck itself, the headline's very next element in its own
                 * block ("<h1 class=Headline>…</h1><h2 class=SubHead><i>More
                 * Flights, Fewer Crashes In 2007</i></h2>", l3s wpxi-aviation-
                 * deaths): a subheadline its template names. */
                int named_sub = cls && h2_beside && named == k && S_next_el(dom, h1) == k && w >= 4;
                if (c && !notice && w >= least && len <= 600 && !cd_parts_not_deck(c, len) &&
                    (strong || long_h2 || named_sub || !cd_parts_title_case(c, len) || ((cls || desc || font) && w >= 6)) && !cd_news_has(p, k, cd_list_class_deck_bad) &&
                    !S_has_heading(p, k) && !S_control_row(dom, k) &&
                    !(p->m->title && cd_meta_eq_nocase(c, len, p->m->title, strlen(p->m->title)))) {
                    /* A kicker's label in capitals before a bar is no part
                     * of the deck ("COMMENTARY | Agentic government is not
                     * a future concept. …", wcxb 0471, tests/spec/news/
                     * nextgov-agentic-government). */
                    size_t kick = S_kicker_label(c, len);
                    c += kick, len -= kick;
                    int same =
                        p->m->deck && cd_meta_eq_nocase(c, len, p->m->deck, strlen(p->m->deck));
                    if (!p->m->deck) {
                        p->m->deck = c;
                        p->m->deck_source = "visible";
                        same = 1;
                    }
                    /* The text of a page of many parts is kept whole. A
                     * lower heading read as the deck is the head's too
                     * (docs/schema.md: text never holds the head). */
                    if (same && (strong || sub) && !p->x->broad && cd_news_rendered(p, k)) S_drop_first(p, k, CD_WHY_DECK);
                    return;
                }
            }
            /* The body has begun at its first paragraph of prose (a short
             * first block, such as a byline kept in the body, is passed). */
            /* An inline element around the story (<span> holding the
             * standfirst and the story's <div>) is no block of it. */
            if (k == first || (first && cd_news_inside(dom, first, k) && (cd_tag_flags(n->tag) & CD_TF_BLOCK) &&
                               n->tag != CD_TAG_DIV &&
                               n->tag != CD_TAG_SECTION && n->tag != CD_TAG_ARTICLE &&
                               n->tag != CD_TAG_MAIN && n->tag != CD_TAG_HEADER)) {
                cd_news_gather(p, first, CD_NONE, 1, &t);
                if (t.more || t.n > 120)
                    break;
                fi++;
                first = fi < p->nfirst ? p->first[fi] : CD_NONE;
            }
            k = cd_dom_next(dom, k, top);
        }
    }
}

/* The bytes of the separator at s[i] ("|", "•", "·", a dash), 0 when none. */
static size_t S_sep_at(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '|' || c == '-') return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xB7) return 2;
    if (cd_utf8_dash_at(s, n, i) ||
        (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0xA2))
        return 3;
    return 0;
}

/* Is s[0..n), after a separator (a space, "•", "·", "|", a dash, a
 * comma), a date line ("• March 12, 2025", "· October 10, 2021")? */
static int S_date_after(const char *s, size_t n)
{
    size_t i = 0, seps = 0;
    while (i < n) {
        size_t l = s[i] == ' ' || s[i] == ',' ? 1 : S_sep_at(s, n, i);
        if (!l) break;
        seps += s[i] != ' ';
        i += l;
    }
    return seps > 0 && i < n && cd_parts_date_line(s + i, n - i);
}

/* Is s[0..n) the page's authors' names (every word of it one of the
 * authors, joined by ",", "&" or "and"), alone or followed by a separator
 * and a short role ("Guest Columnists", at most four words, no sentence) or
 * the date? */
/* Is blk the byline of a card in a list of stories: inside an <li> or an
 * <a>, itself or up to 7 levels above? */
static int S_in_card(const cd_dom *dom, cd_nid blk)
{
    unsigned d = 0;
    for (cd_nid q = blk; q && d < 8; q = cd_dom_node(dom, q)->parent, d++)
        if (cd_dom_is(dom, q, CD_TAG_LI) || cd_dom_is(dom, q, CD_TAG_A))
            return 1;
    return 0;
}

static int S_names_line(const cd_meta *m, const char *s, size_t n)
{
    size_t i = 0;
    unsigned names = 0;
    for (;;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t hit = 0;
        for (size_t k = 0; k < m->nauthors && !hit; k++) {
            size_t al = strlen(m->authors[k]);
            if (al >= 4 && al <= n - i && cd_eq_nocase(s + i, al, m->authors[k]) &&
                (i + al == n || !cd_isalnum((unsigned char)s[i + al])))
                hit = al;
        }
        if (!hit) break;
        names++;
        i += hit;
        while (i < n && s[i] == ' ')
            i++;
        if (i < n && (s[i] == ',' || s[i] == '&'))
            i++;
        else if (n - i > 4 && cd_eq_nocase(s + i, 4, "and "))
            i += 4;
        else
            break;
    }
    if (!names) return 0;
    if (i == n) return 1;
    size_t sl = S_sep_at(s, n, i);
    if (!sl) return 0;
    i += sl;
    while (i < n && s[i] == ' ')
        i++;
    if (i == n) return 0;
    if (cd_parts_date_line(s + i, n - i)) return 1;
    unsigned words = 0;
    const char *w;
    for (size_t at = i, wl; (wl = cd_next_word(s, n, &at, &w)) != 0;)
        words++;
    return words <= 4 && s[n - 1] != '.' && s[n - 1] != '!' && s[n - 1] != '?';
}

/* Is s[0..n), longer than max bytes, a "By" line no longer than max as
 * shown (a run of white space counts once)? The cheap test first: most
 * first blocks are prose. */
static int S_padded_by_line(const char *s, size_t n, size_t max)
{
    size_t i = 0;
    while (i < n && cd_isspace((unsigned char)s[i]))
        i++;
    if (n - i < 3 || !cd_parts_starts(s + i, n - i, "by ")) return 0;
    size_t l = 0;
    for (; i < n && l <= max; i++)
        l += !(cd_isspace((unsigned char)s[i]) && cd_isspace((unsigned char)s[i - 1]));
    return l <= max;
}

/* A byline of its own among the first blocks ("By Md Aynal Haque", naming
 * the author found): it is the authors field, not body text. */
/* The byline's closing line naming the photographer ("by Tim Cashmere -
 * January 16 2008<br>photo by Ros O'Gorman", l3s
 * undercoverhd-radiohead-secret, HELD_OUT): the story's photo credit, which
 * leaves with the byline. c[0, n) is the byline block's text. */
static void S_byline_photo(cd_news_ctx *p, const char *c, size_t n)
{
    if (p->loose_credit) return;
    for (size_t i = 1; i + 6 < n; i++) {
        if (c[i - 1] != ' ' || !cd_eq_nocase(c + i, 5, "photo")) continue;
        size_t v;
        if (cd_parts_photo_line(c + i, n - i, 1, &v) && v > 0) {
            p->loose_credit = cd_news_credit_value(p, c + i, n - i);
            return;
        }
    }
}

void cd_news_byline(cd_news_ctx *p)
{
    if (!p->m->nauthors || p->keep) return;
    const char *a = p->m->authors[0];
    size_t al = strlen(a);
    cd_news_text t;
    for (unsigned b = 0; b < p->nfirst && b < 3; b++) {
        cd_nid blk = p->first[b];
        if (cd_news_marked(p, blk)) continue;
        cd_news_gather(p, blk, CD_NONE, 1, &t);
        /* Short as shown: an old template's byline padded with its source's
         * indentation ("By A and B, Associated Press Writers" + 65 spaces +
         * "1 hour, 32 minutes ago", l3s e3a8cc42) is a byline still. */
        if (t.more || (t.n > 160 && (t.n > 480 || !S_padded_by_line(t.s, t.n, 160)))) continue;
        size_t len;
        char *c = cd_meta_clean(p->arena, t.s, t.n, &len);
        if (!c || len < 4) continue;
        if (!cd_parts_starts(c, len, "by ")) {
            /* No "By": on a page read or typed as an article, the authors'
             * names alone, or before a role or the date ("Manoj Jain and
             * Jagpreet Chhatwal | Guest Columnists", wcxb-dev 0120). Not
             * elsewhere: a forum post's author line is the post's (0561,
             * 0531). */
            if (!(p->x->article || p->x->typed > 0) || !S_names_line(p->m, c, len)) continue;
            if (S_in_card(p->dom, blk)) continue;
            S_drop_first(p, blk, CD_WHY_BYLINE);
            return;
        }
        const char *r = c + 3;
        size_t rl = len - 3;
        while (rl && *r == ' ')
            r++, rl--;
        /* The author's name, alone or heading a list of names, or followed
         * by the story's date ("By Haley Hoekstra • March 12, 2025",
         * wcxb-dev 0898; "by Emily Baron Cadloff· October 10, 2021", 0329). */
        int named = rl >= al && cd_eq_nocase(r, al, a) &&
                    (rl == al || (p->m->nauthors > 1 && (r[al] == ',' || r[al] == ' ')) ||
                     S_date_after(r + al, rl - al));
        if (!named) continue;
        if (S_in_card(p->dom, blk)) continue;
        S_byline_photo(p, c, len);
        S_drop_first(p, blk, CD_WHY_BYLINE);
        return;
    }
}

/* Is s[0..n) a reading-time line: a number and one of
 * news-reading-time.txt ("8 min read", wcxb-dev 4193), alone or before a
 * short rest (a date)? */
static int S_reading_time(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && cd_isdigit((unsigned char)s[i]))
        i++;
    if (!i || i > 3) return 0;
    while (i < n && s[i] == ' ')
        i++;
    for (size_t k = 0; cd_list_news_reading_time[k]; k++) {
        size_t l = strlen(cd_list_news_reading_time[k]);
        if (l <= n - i && cd_eq_nocase(s + i, l, cd_list_news_reading_time[k]))
            return n - (i + l) <= 40; /* "· Updated Feb 11, 2026", "Dec 30, 2013" */
    }
    return 0;
}

/* A labelled date line of its own among the first blocks ("Last updated
 * on September 16th, 2023 at 09:27 am", wcxb-dev 0009; "Updated: December
 * 7, 2025", 4371), below a standfirst or a disclosure where the head's line
 * peeling (lines.c) stops at the first prose: it dates the story, it is no
 * part of it. A bare date ("April 2025", a timeline's heading) needs the
 * label (news-date-line-labels.txt). */
/* Is the gathered line c[0..len) a date line with a label word? */
static int S_labelled_date(const char *c, size_t len)
{
    if (!cd_parts_date_line(c, len)) return 0;
    const char *w;
    for (size_t at = 0, wl; (wl = cd_next_word(c, len, &at, &w)) != 0;) {
        while (wl && !cd_isalpha((unsigned char)w[wl - 1]))
            wl--;
        if (wl && cd_wordset_has(&cd_list_news_date_line_labels, w, wl)) return 1;
    }
    return 0;
}

void cd_news_date_lines(cd_news_ctx *p)
{
    if (p->keep) return;
    cd_news_text t;
    /* A heading over the story that only dates it ("<h5>Posted on Fri, Jan.
     * 18, 2008</h5>", l3s-gn1 06c09282 and five more pages of one template):
     * the scan passes headings over as section titles, so they are read here,
     * with the same label. */
    for (unsigned b = 0; b < p->nhead_headings; b++) {
        cd_nid blk = p->head_headings[b];
        if (cd_news_marked(p, blk)) continue;
        cd_news_gather(p, blk, CD_NONE, 1, &t);
        if (t.more || t.n > 160) continue;
        size_t len;
        char *c = cd_meta_clean(p->arena, t.s, t.n, &len);
        if (c && S_labelled_date(c, len)) cd_extract_drop_as(p->x, blk, CD_WHY_DATE_LINE);
    }
    for (unsigned b = 0; b < p->nfirst && b < CD_NEWS_DATE_BLOCKS; b++) {
        cd_nid blk = p->first[b];
        if (cd_news_marked(p, blk)) continue;
        /* A short story's first blocks may be its closing ones: those are
         * the foot's and the credit's to read (a source label and the
         * time stamp, the source footer). */
        int closing = 0;
        for (unsigned k = 0; k < CD_NEWS_DATE_CLOSING && p->tail[k] && !closing; k++)
            closing = p->tail[k] == blk;
        if (closing) continue;
        cd_news_gather(p, blk, CD_NONE, 1, &t);
        if (t.more || t.n > 160) continue;
        size_t len;
        char *c = cd_meta_clean(p->arena, t.s, t.n, &len);
        if (!c) continue;
        if (S_reading_time(c, len)) {
            S_drop_first(p, blk, CD_WHY_DATE_LINE);
            b--;
            continue;
        }
        if (!S_labelled_date(c, len)) continue;
        S_drop_first(p, blk, CD_WHY_DATE_LINE);
        b--; /* the next block took its place */
    }
}

/* The length of the name after ", writes " that ends s[0..n) ("…
 * national ambitions, writes Michael Cockerill."): two or three capitalised
 * words and an optional full stop; 0 when s does not end so. *at gets the
 * offset of the name. */
static size_t S_writes_name(const char *s, size_t n, size_t *at)
{
    static const char lead[] = ", writes ";
    const size_t ll = sizeof lead - 1;
    while (n && (cd_isspace((unsigned char)s[n - 1]) || s[n - 1] == '.'))
        n--;
    for (size_t k = n; k-- > 30;) {
        if (n - k <= ll || memcmp(s + k, lead, ll) != 0) continue;
        size_t st = k + ll, words = 0;
        for (size_t i = st; i < n;) {
            if (!(s[i] >= 'A' && s[i] <= 'Z')) return 0;
            while (i < n && s[i] != ' ')
                i++;
            words++;
            while (i < n && s[i] == ' ')
                i++;
        }
        if (words < 2 || words > 3) return 0;
        *at = st;
        return n - st;
    }
    return 0;
}

/* A standfirst that names its writer ("A spectacular save can only have
 * helped this keeper's national ambitions, writes Michael Cockerill."),
 * among the texts after the headline: the deck, and the author when the
 * page gives none. */
void cd_news_writes_deck(cd_news_ctx *p)
{
    const cd_dom *dom = p->dom;
    if (!p->h1 || p->m->deck) return;
    unsigned seen = 0, texts = 0;
    cd_nid top = cd_dom_root(dom);
    for (cd_nid k = cd_dom_next_skip(dom, p->h1, top); k && seen < 4 * CD_NEWS_DECK_NODES; seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT && ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k))) {
            k = cd_dom_next_skip(dom, k, top);
            continue;
        }
        if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) {
            if (++texts > 24) return;
            const char *v = n->u.text;
            size_t l = n->len, at;
            cd_parts_trim(&v, &l);
            size_t nl = l <= 400 ? S_writes_name(v, l, &at) : 0;
            if (nl) {
                size_t len;
                char *c = cd_meta_clean(p->arena, v, l, &len);
                if (!c) return;
                p->m->deck = c;
                p->m->deck_source = "visible";
                if (!p->m->nauthors && cd_meta_authors_add(p->m, p->arena, v + at, nl, 0))
                    p->m->author_source = "visible";
                return;
            }
            /* The body has begun: a paragraph of prose. */
            if (l > 200) return;
        }
        k = cd_dom_next(dom, k, top);
    }
}
