/* news/credit: the dateline that opens the body and the credit naming where
 * the text comes from.
 *
 * The credit is, in this order: a closing credit line, a closing source
 * footer, a contributor line among the last blocks, the dateline's agency, a
 * "来源：" label or an element classed source/provider/agency by the
 * headline or after the body, or an agency that is the only author. A credit
 * a structured source stated stays. Why: docs/decisions.md, "The news parts". */
#include <string.h>

#include "../meta/authors.h"
#include "../meta/cand.h"
#include "../meta/dates.h"
#include "../meta/title.h"
#include "../util/ctype.h"
#include "../util/utf8.h"
#ifdef CD_NEWS_DEBUG
#include <stdio.h>
#endif
#include "news_int.h"
#include "parts_text.h"
#include "wordlists.h"

/* Does s[0..n) end with a dash ("RENO, Nev. --", "LONDON —")? */
static int S_ends_dash(const char *s, size_t n)
{
    while (n && cd_isspace((unsigned char)s[n - 1]))
        n--;
    if (n && (s[n - 1] == '-' || s[n - 1] == ':')) return 1;
    /* "—" U+2014, "–" U+2013 */
    return cd_utf8_dash_ends(s, n);
}

/* Is blk the lead picture's caption kept in the text (inside a caption
 * element, or its text opening as the caption read into image.caption), or
 * the deck? The dateline opens the story after it. */
static int S_caption_block(cd_news_ctx *p, cd_nid blk, const cd_news_text *t)
{
    unsigned d = 0;
    for (cd_nid a = blk; a && d < 6; a = cd_dom_node(p->dom, a)->parent, d++)
        if (cd_news_is_caption_el(p, a)) return 1;
    /* Also the deck kept in the text above the story ("Says GOP Presidential
     * Hopeful …" over "(CBS) The mother …", cbsnews-huckabee-mother). */
    const char *caps[2] = {p->m->image_caption, p->m->deck};
    for (size_t i = 0; i < 2; i++) {
        const char *cap = caps[i];
        size_t cl = cap ? strlen(cap) : 0, n;
        if (cl < 20) continue;
        /* The deck as a block of its own: a block that goes on past it
         * holds the story's opening too (the deck, a video's title and
         * caption and "(CBS) The mother …" in one block, cbsnews-huckabee-
         * mother), read line by line below. */
        /* (So is a caption's block that goes on with the story: "Click
         * photo to enlarge", the caption, "KABUL, Afghanistan—A roadside
         * bomb …" in one container, l3s-gn1 9e25cf1a, a475816b.) */
        if (t->n > cl + (i ? 200 : 80)) continue;
        /* Compared on its first 40 bytes, white space collapsed. */
        char *s = cd_meta_clean(p->arena, t->s, t->n < 400 ? t->n : 400, &n);
        size_t k = cl < 40 ? cl : 40;
        if (s && n >= k && cd_meta_eq_nocase(s, k, cap, k)) return 1;
    }
    return 0;
}

/* Does the outlet s[0..n) ("CBS", "CBS/AP") name the site: a part that is a
 * word of its name ("CBS News") or opens a label of its host (cbsnews.com)?
 * A dash-less "(CBS) The …" is read only so ("(VIDEO) The …" is a label). */
static int S_outlet_is_site(const cd_news_ctx *p, const char *s, size_t n)
{
    size_t pos = 0, x, y;
    while (cd_parts_list_next(s, n, &pos, 0, &x, &y)) {
        const char *site = p->m->site_name, *w, *lab;
        for (size_t at = 0, l; site && (l = cd_next_word(site, strlen(site), &at, &w)) != 0;)
            if (cd_meta_eq_nocase(w, l, s + x, y - x)) return 1;
        const char *urls[] = {p->page_url, p->m->url};
        for (size_t u = 0; u < 2; u++)
            for (size_t at = 0, l; (l = cd_meta_host_label(urls[u], &at, &lab)) != 0;)
                if (y - x >= 3 && l >= y - x && cd_meta_eq_nocase(lab, y - x, s + x, y - x)) return 1;
    }
    return 0;
}

/* Does s[0..n) open with ref (its first 40 bytes, white space collapsed)? */
static int S_same_start(const cd_news_ctx *p, const char *s, size_t n, const char *ref)
{
    size_t tl = ref ? strlen(ref) : 0, cl;
    if (tl < 20) return 0;
    char *c = cd_meta_clean(p->arena, s, n < 400 ? n : 400, &cl);
    size_t k = tl < 40 ? tl : 40;
    return c && cl >= k && cd_meta_eq_nocase(c, k, ref, k);
}

/* Does s[0..n) open with the page's headline? */
static int S_is_title(const cd_news_ctx *p, const char *s, size_t n)
{
    return S_same_start(p, s, n, p->m->title);
}

/* Is segment seg of t a text set alone in bold that ends with a colon
 * ("<B>New Delhi: </B>The Board …")? */
static int S_bold_label(const cd_news_ctx *p, const cd_news_text *t, uint32_t seg)
{
    if (seg >= t->nseg) return 0;
    const cd_node *n = cd_dom_node(p->dom, t->seg[seg].node);
    if (!n->parent || !(cd_dom_is(p->dom, n->parent, CD_TAG_B) || cd_dom_is(p->dom, n->parent, CD_TAG_STRONG)))
        return 0;
    const char *v = t->s + t->seg[seg].at;
    size_t l = t->seg[seg].len;
    cd_parts_trim(&v, &l);
    return l > 1 && v[l - 1] == ':';
}

/* The dateline opening the body. wire: the text is known wire copy (its
 * credit an agency), so a place in mixed case before a colon is read too
 * ("Toronto: Canada has …  — PTI"); without it only one set alone in bold. */
#define S_PAST_MAX 400u /* bytes: a first block longer than this is the story's */

/* Is dateline d at s a place in capitals closed by a dash or naming a wire
 * ("WAYLAND -", "ANAHEIM —", "ABU DHABI, United Arab Emirates (AFP) -")? */
static int S_strict_dateline(const char *s, const cd_parts_dl *d)
{
    int upper = 0;
    for (uint32_t i = d->place_at; i < d->place_end && s[i] != ','; i++) {
        if (s[i] >= 'a' && s[i] <= 'z') return 0;
        upper |= s[i] >= 'A' && s[i] <= 'Z';
    }
    if (!upper) return 0;
    if (d->agency_end > d->agency_at) return 1;
    for (uint32_t i = d->place_end; i < d->end; i++)
        if (s[i] == '-' || cd_utf8_dash_at(s, d->end, i))
            return 1;
    return 0;
}

static void S_body_dateline_in(cd_news_ctx *p, int wire);

/* The search gathers white-space runs as one space each (an old page's
 * indentation between a comment bar and "DENVER (AP) —", l3s-gn1
 * winona-peterson-vikings, filled the gathered text). */
static void S_body_dateline(cd_news_ctx *p, int wire)
{
    p->gather_blank = 1;
    S_body_dateline_in(p, wire);
    p->gather_blank = 0;
}

static int S_wires_only(const char *s, size_t a, size_t b);

/* Is segment seg of t a bar: white space and '|' only, one at least? */
static int S_bar(const cd_news_text *t, uint32_t seg)
{
    const char *v = t->s + t->seg[seg].at;
    size_t l = t->seg[seg].len;
    int bar = 0;
    for (size_t i = 0; i < l; i++) {
        if (v[i] == '|')
            bar = 1;
        else if (!cd_isspace((unsigned char)v[i]))
            return 0;
    }
    return bar;
}

/* Is segment seg of t a link's text (a share bar's "Digg", "Facebook"), a
 * bar or white space? */
static int S_link_or_bar(const cd_news_ctx *p, const cd_news_text *t, uint32_t seg)
{
    const char *v = t->s + t->seg[seg].at;
    size_t l = t->seg[seg].len, i = 0;
    for (; i < l; i++)
        if (!cd_isspace((unsigned char)v[i])) break;
    if (i == l || S_bar(t, seg)) return 1;
    cd_nid a = cd_dom_node(p->dom, t->seg[seg].node)->parent;
    for (unsigned up = 0; a && up < 3; up++, a = cd_dom_node(p->dom, a)->parent)
        if (cd_dom_is(p->dom, a, CD_TAG_A)) return 1;
    return 0;
}

/* Of the segments [seg, next) of t (one line), the visible bytes outside
 * link texts, bars and white space in *own, and the segments that are link texts in
 * *links. */
static void S_line_links(const cd_news_ctx *p, const cd_news_text *t, uint32_t seg, uint32_t next, uint32_t *own,
                         unsigned *links)
{
    *own = 0;
    *links = 0;
    for (uint32_t q = seg; q < next; q++) {
        const char *v = t->s + t->seg[q].at;
        size_t l = t->seg[q].len, i = 0;
        while (i < l && cd_isspace((unsigned char)v[i]))
            i++;
        if (i == l) continue;
        if (S_link_or_bar(p, t, q)) {
            *links += !S_bar(t, q);
            continue;
        }
        /* (A no-break space is white space here: "&nbsp;&nbsp;" left
         * between a picture's table and the story.) */
        for (; i < l; i++)
            if ((unsigned char)v[i] == 0xC2 && i + 1 < l && (unsigned char)v[i + 1] == 0xA0)
                i++;
            else
                *own += !cd_isspace((unsigned char)v[i]);
    }
}

/* Is segment seg of t one word alone (3 to 30 bytes, no space inside once
 * trimmed), not set in emphasis, a link or a heading, and does segment
 * seg + 1 open with a dash after a space? (A word in bold or italics before
 * a dash is a label: "<strong>Recommendation</strong> – If you …", a
 * speaker's "<b>Smith</b> - I think …".) */
static int S_word_apart(const cd_news_ctx *p, const cd_news_text *t, uint32_t seg)
{
    cd_nid a = cd_dom_node(p->dom, t->seg[seg].node)->parent;
    for (unsigned up = 0; a && up < 2; up++, a = cd_dom_node(p->dom, a)->parent) {
        const cd_node *e = cd_dom_node(p->dom, a);
        if (e->type != CD_NODE_ELEMENT) break;
        unsigned g = e->tag;
        if (g == CD_TAG_B || g == CD_TAG_STRONG || g == CD_TAG_EM || g == CD_TAG_I || g == CD_TAG_U || g == CD_TAG_A ||
            g == CD_TAG_LABEL || g == CD_TAG_DT || (cd_tag_flags(e->tag) & CD_TF_HEADING))
            return 0;
    }
    const char *v = t->s + t->seg[seg].at;
    size_t l = t->seg[seg].len;
    while (l && cd_isspace((unsigned char)v[0]))
        v++, l--;
    while (l && cd_isspace((unsigned char)v[l - 1]))
        l--;
    if (l < 3 || l > 30 || memchr(v, ' ', l)) return 0;
    const char *w = t->s + t->seg[seg + 1].at;
    size_t m = t->seg[seg + 1].len, i = 0;
    while (i < m && cd_isspace((unsigned char)w[i]))
        i++;
    if (i == 0 && (t->seg[seg].len == 0 || !cd_isspace((unsigned char)t->s[t->seg[seg].at + t->seg[seg].len - 1])))
        return 0;
    return i < m && (w[i] == '-' || cd_utf8_dash_at(w, m, i));
}

static void S_body_dateline_in(cd_news_ctx *p, int wire)
{
    cd_news_text t;
    /* past: 1 while the block after a long first block is tried (below). */
    unsigned past = 0;
    /* capt: 1 once a line that is the lead picture's caption was passed. */
    int capt = 0;
    /* pastref: the long first block's line (cleaned), once past. */
    const char *pastref = NULL;
    /* Up to five first blocks: short ones (an "Updated …" line, a byline
     * with the writer's job) are passed over; a long one ends the search. */
    for (unsigned b = 0; b < p->nfirst && b < 5; b++) {
        if (cd_news_marked(p, p->first[b])) continue;
        cd_news_gather(p, p->first[b], CD_NONE, 1, &t);
        if (S_caption_block(p, p->first[b], &t)) continue;
        /* The dateline and the sentence it opens share one line: lines end
         * at a block or <br> inside ("<strong>GNW: Title</strong><p>…").
         * A few short lines (a kicker, a byline) are passed over; a place
         * line of its own ending in a dash ("<h3>RENO, Nev. --</h3>President
         * Bush …") opens the next line. */
        uint32_t at = 0, seg = 0, rowvis = 0;
        int titled = 0;
        for (unsigned ln = 0; ln < 8 && seg < t.nseg; ln++) {
            at = t.seg[seg].at;
            uint32_t end = at + t.seg[seg].len, next = seg + 1;
            /* A share bar's links run into the dateline's line ("Digg |
             * Facebook | | SAN FRANCISCO (AP) ― One of …", l3s-gn1;
             * tools/credit_audit.py dl-wire): the line is read from the
             * first text that is neither, when one follows in the line. */
            uint32_t lead = seg;
            int bar = 0;
            while (next < t.nseg && t.seg[next].at == end && S_link_or_bar(p, &t, lead)) {
                bar = S_bar(&t, lead) || (bar && cd_news_space_text(cd_dom_node(p->dom, t.seg[lead].node)));
                lead = next;
                end += t.seg[next].len;
                next++;
            }
            /* Only past a bar: a place may be a link itself ("<a>KIEV</a>:"). */
            if (lead != seg && bar && !S_link_or_bar(p, &t, lead))
                at = t.seg[lead].at, seg = lead;
            else
                end = at + t.seg[seg].len, next = seg + 1;
            while (next < t.nseg && t.seg[next].at == end) {
                end += t.seg[next].len;
                next++;
            }
            cd_parts_dl d;
            /* "(AP)" alone opening the story, the first paragraph after it
             * (l3s-gn1, an AP story whose headline is a link; the shape
             * "(CBS/AP)" of issue #12): the wire, no place. */
            {
                const char *lv = t.s + at;
                size_t ll = end - at;
                while (ll && cd_isspace((unsigned char)lv[0]))
                    lv++, ll--;
                while (ll && cd_isspace((unsigned char)lv[ll - 1]))
                    ll--;
                if (!past && ll >= 4 && ll <= 24 && lv[0] == '(' && lv[ll - 1] == ')' && next >= t.nseg &&
                    S_wires_only(lv, 1, ll - 1)) {
                    if (!p->agency) p->agency = cd_news_clean(p, lv + 1, ll - 2);
                    if (!p->keep) cd_news_cut(p, &t, at, end, CD_WHY_DATELINE);
                    break;
                }
            }
#ifdef CD_NEWS_DEBUG
            fprintf(stderr, "dateline b=%u ln=%u bold=%d [%.*s]\n", b, ln, S_bold_label(p, &t, seg), (int)(end - at), t.s + at);
#endif
            /* A date line with its place in parentheses, a line of its own
             * ("Monday, January 14, 2008 (Mumbai):", l3s-gn1 ndtvprofit):
             * the place is the dateline, the line leaves the text. */
            {
                size_t pa, pb;
                if (!past && !capt && cd_parts_date_place(t.s + at, end - at, &pa, &pb)) {
                    if (!p->m->dateline) {
                        p->m->dateline = cd_news_clean(p, t.s + at + pa, pb - pa);
                        if (p->m->dateline) p->m->dateline_source = "visible";
                    }
                    if (!p->keep) cd_news_cut(p, &t, at, end, CD_WHY_DATELINE);
                    return;
                }
            }
            /* Not the headline set again in the text ("Russia: Space ship
             * malfunctions, …"). */
            int mixed = (wire || S_bold_label(p, &t, seg)) && !S_is_title(p, t.s + at, end - at);
            /* A place in mixed case before a spaced dash only at the very
             * start of a dated story ("Colombo - Sri Lanka's …"). */
            if (b == 0 && ln == 0 && !past && !capt && !titled && p->m->date_published) mixed |= CD_PARTS_DL_MIXED_DASH;
            /* So does one set apart in an element of its own (no emphasis),
             * the dash opening the next, after a kicker too ("<span>Brampton
             * </span><span> - Can you spare six hours …", round 15
             * bramptonnews). */
            else if (!past && !capt && !titled && p->m->date_published && seg + 1 < next &&
                     S_word_apart(p, &t, seg))
                mixed |= CD_PARTS_DL_MIXED_DASH;
            /* A place the gazetteer knows opening the story's first long
             * line, dated or not, after short lines too ("Mumbai: Successor,
             * who is …" after the Hindu's menu rows and "Sport - Racing :
             * Horse", l3s-gn1 7143d9be; "Kolkata: …" after "National" and
             * "Special Correspondent", ff2265f2). */
            if (!past && !capt && !titled) mixed |= CD_PARTS_DL_FIRST;
            int ok = (cd_parts_dateline_ex(t.s + at, end - at, &d, mixed) &&
                      (wire || !(mixed & 1) || d.place_end <= t.seg[seg].len || cd_parts_dateline(t.s + at, end - at, &d))) ||
                     (cd_parts_agency_opener(t.s + at, end - at, &d) &&
                      (d.nodash != 2 || S_outlet_is_site(p, t.s + at + d.agency_at, d.agency_end - d.agency_at)));
            if (!ok && next < t.nseg && end - at <= CD_PARTS_DATELINE_MAX + 8 &&
                S_ends_dash(t.s + at, end - at)) {
                uint32_t e2 = t.seg[next].at + t.seg[next].len, n2 = next + 1;
                while (n2 < t.nseg && t.seg[n2].at == e2) {
                    e2 += t.seg[n2].len;
                    n2++;
                }
                ok = cd_parts_dateline(t.s + at, e2 - at, &d);
            }
            /* After a long first block only a place in capitals with a
             * dash or a wire's name. */
            if (ok && (past || capt) && !S_strict_dateline(t.s + at, &d)) ok = 0;
            if (ok) {
                if (d.place_end > d.place_at && !p->m->dateline) {
                    p->m->dateline = cd_news_clean(p, t.s + at + d.place_at, d.place_end - d.place_at);
                    if (p->m->dateline) p->m->dateline_source = "visible";
                }
                if (d.agency_end > d.agency_at)
                    p->agency = cd_news_clean(p, t.s + at + d.agency_at, d.agency_end - d.agency_at);
                if (!p->keep) cd_news_cut(p, &t, at + d.place_at, at + d.end, CD_WHY_DATELINE);
                return;
            }
            /* Only a short opener (a kicker, a stray byline) is passed over;
             * a line of white space only is not counted. */
            uint32_t vis = 0;
            for (uint32_t c = at; c < end; c++)
                vis += !cd_isspace((unsigned char)t.s[c]);
            /* A row of links (a menu kept in the text: "News: ePaper | Front
             * Page | National | …", "Advts: Retail Plus | Classifieds | Jobs",
             * l3s-gn1 498f4478, the paper's template over every story; three
             * links or more, a label of 8 letters at most beside them), or
             * after a long first block a line of links only or white space
             * ("Photo Gallery>>>" under the caption, l3s-gn1 70b430c4), is
             * passed over as white space is: neither a line nor the block's
             * text. */
            {
                uint32_t own = vis;
                unsigned links = 0;
                /* (A row holds three texts at least: not read otherwise.) */
                if (next - seg >= 3 || past) S_line_links(p, &t, seg, next, &own, &links);
                /* (So is the first block's line again: the block after it
                 * may be its container, the picture's box nested, "(File
                 * Photo. …)" then the story, l3s-gn1 70b430c4.) */
                if (vis && ((links >= 3 && own <= 8) || (past && !own) ||
                            (past && S_same_start(p, t.s + at, end - at, pastref)))) {
                    rowvis += vis;
                    ln--;
                    seg = next;
                    continue;
                }
            }
            /* A long line in title case is a deck left in the text ("Says
             * GOP Presidential Hopeful Shouldn't Be …", cbsnews-huckabee-mother),
             * not the story's first sentence. */
            int deck = vis > 100 && end - at < 400 &&
                       (cd_parts_title_case(t.s + at, end - at) || S_same_start(p, t.s + at, end - at, p->m->image_caption));
            /* The lead picture's caption as read, of any length, passed
             * over as a line ("Click photo to enlarge", the caption, then
             * "KABUL, Afghanistan—A roadside bomb …" in one container,
             * l3s-gn1 9e25cf1a, a475816b; tools/credit_audit.py g-dl). */
            /* (The container may nest the picture's box: its next block
             * holds the same lines again, then the story's.) */
            if (vis > 100 && !deck && !past && !wire && S_same_start(p, t.s + at, end - at, p->m->image_caption)) {
                capt = 1;
                seg = next;
                continue;
            }
            if (vis > 100 && !deck) {
                /* A first block of a caption's or a deck's length that is no
                 * dateline (the lead picture's caption left in the text, its
                 * picture not found: "Khalil Khatri (center) prayed …" over
                 * "WAYLAND - Bowed down …", l3s-gn1): the next block may open
                 * with the dateline. */
                if (b == 0 && !past && !t.more && t.n <= S_PAST_MAX && !wire) {
                    past = 1;
                    pastref = cd_meta_clean(p->arena, t.s + at, end - at < 400 ? end - at : 400, NULL);
                    break;
                }
                return;
            }
            if (past && vis) return;
            titled |= deck;
            if (!vis) ln--;
            seg = next;
        }
        /* A block past which the dateline is still looked for: a short one
         * (its visible characters: an old page's byline <p> may be padded
         * with hundreds of tabs and spaces). */
        if (past == 1 && b == 0) continue;
        uint32_t shown = 0;
        for (uint32_t c = 0; c < t.n; c++)
            shown += !cd_isspace((unsigned char)t.s[c]);
        shown -= rowvis < shown ? rowvis : shown;
        /* (After a long first block, a block of links or white space only
         * is passed over too.) */
        if (past) {
            if (shown || t.more) return;
            continue;
        }
        if (capt) continue;
        /* (A block cut short by a menu's many links is passed over when
         * its own text is short.) */
        if ((t.more && !(rowvis && shown <= 100)) || (shown > 100 && !(titled && t.nseg <= 4))) return;
    }
}

/* "SEATTLE Jan 14, 2008 (AP)", "NEW YORK (AFP)": a line of its own that is
 * a place in capitals, a date or none and a wire in parentheses, nothing after (the byline box's
 * dateline of AP copy). The place's end in *pe, the wire in s[*aa, *ab). */
static int S_place_date_wire(const char *s, size_t n, size_t *pe, size_t *aa, size_t *ab)
{
    if (n < 8 || n > 80 || s[n - 1] != ')') return 0;
    size_t o = n - 1;
    while (o && s[o] != '(')
        o--;
    if (!o || s[o] != '(' || !cd_parts_is_agency(s + o + 1, n - 2 - o) || cd_parts_photo_agency(s + o + 1, n - 2 - o))
        return 0;
    /* The place: words in capitals ("SEATTLE", "NEW YORK", "ST. LOUIS"). */
    size_t e = 0, letters = 0, words = 0;
    for (size_t i = 0; i < o;) {
        size_t w = i;
        while (w < o && s[w] != ' ' && s[w] != ',')
            w++;
        int caps = w > i;
        for (size_t c = i; c < w && caps; c++)
            caps = (s[c] >= 'A' && s[c] <= 'Z') || s[c] == '.' || s[c] == '-' || s[c] == '\'';
        if (!caps || words >= 4) break;
        for (size_t c = i; c < w; c++)
            letters += s[c] >= 'A' && s[c] <= 'Z';
        words++;
        e = w;
        i = w;
        while (i < o && (s[i] == ' ' || s[i] == ','))
            i++;
    }
    if (!words || letters < 3) return 0;
    /* Then a date, and only that, before the wire. */
    size_t d = e;
    while (d < o && (s[d] == ' ' || s[d] == ','))
        d++;
    size_t de = o;
    while (de > d && s[de - 1] == ' ')
        de--;
    char date[CD_META_DATE_LEN];
    /* No date at all: "NEW YORK (AFP)", a DateLine of its own (AFP NewsML
     * shown as text, l3s-gn1 citizen-carriage-horses). A region after a
     * comma instead: "QUEENSTOWN, New Zealand (AFP)" (l3s-gn1, a turkishpress
     * page; tools/credit_audit.py dl-wire), one to three capitalised words. */
    if (de > d && cd_meta_date_norm(s + d, de - d, 1, 0, date) < 10) {
        if (d == e || s[e] != ',') return 0;
        unsigned rw = 0;
        for (size_t i = d; i < de;) {
            if (!(s[i] >= 'A' && s[i] <= 'Z') || ++rw > 3) return 0;
            while (i < de && s[i] != ' ')
                if (!cd_isalpha((unsigned char)s[i++]) && s[i - 1] != '.') return 0;
            while (i < de && s[i] == ' ')
                i++;
        }
        e = de;
    }
    *pe = e;
    *aa = o + 1;
    *ab = n - 1;
    return 1;
}

/* A walk over the first texts after the headline, passing what is no
 * running text there: skipped or hidden elements, links, captions. */
typedef struct {
    cd_nid k;
    unsigned seen, texts;
} S_head_walk;

/* The next text of the walk (w zeroed to start), or NULL after
 * CD_NEWS_DECK_NODES nodes or twelve texts. */
static const cd_node *S_head_next(cd_news_ctx *p, S_head_walk *w)
{
    const cd_dom *dom = p->dom;
    cd_nid top = cd_dom_root(dom);
    cd_nid k = w->k ? cd_dom_next(dom, w->k, top) : cd_dom_next_skip(dom, p->head, top);
    for (; k && w->seen < CD_NEWS_DECK_NODES; w->seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT && ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k) ||
                                           n->tag == CD_TAG_A || cd_news_is_caption_el(p, k))) {
            k = cd_dom_next_skip(dom, k, top);
            continue;
        }
        if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) {
            w->seen++;
            if (++w->texts > 12) return NULL;
            w->k = k;
            return n;
        }
        k = cd_dom_next(dom, k, top);
    }
    return NULL;
}

/* The visible text before node k (cd_dom_prev order: skipped and hidden
 * elements' texts and blank texts passed over), counting the nodes walked
 * in *seen up to CD_NEWS_DECK_NODES; CD_NONE when none is left. The walk
 * back from the story's first block to a byline box or a place line. */
static cd_nid S_text_before(const cd_news_ctx *p, cd_nid k, unsigned *seen)
{
    const cd_dom *dom = p->dom;
    while (*seen < CD_NEWS_DECK_NODES && (k = cd_dom_prev(dom, k))) {
        ++*seen;
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type != CD_NODE_TEXT || cd_news_space_text(n)) continue;
        const cd_node *par = cd_dom_node(dom, n->parent);
        if (par->type == CD_NODE_ELEMENT &&
            ((cd_tag_flags(par->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, n->parent)))
            continue;
        return k;
    }
    return CD_NONE;
}

/* The dateline opening the body, else a "PLACE Date (AP)" line of its own
 * among the first texts after the headline (a byline box beside the story). */
/* Is text node k a "PLACE Date (AP)" line? Then the dateline and the
 * agency are set, the line cut (unless keep_parts), and 1 returned; -1 when
 * the text is long (the body has begun), 0 otherwise. */
static int S_alone(const cd_dom *dom, cd_nid k);
static int S_in_link(const cd_dom *dom, cd_nid k);

/* "Wellington, PTI:", "NEW DELHI, IANS:": a line of its own that is a place
 * (one to three capitalised words; in mixed case only one news-places.txt
 * knows), a comma, a news agency (never a photo agency) and a colon,
 * nothing else (round 17 deccanherald-kiwi-double-standards: the wire's
 * line, td.articleagencyfont, set over the deck and the story). The place's
 * end in *pe, the wire in s[*aa, *ab). */
static int S_place_comma_wire(const char *s, size_t n, size_t *pe, size_t *aa, size_t *ab)
{
    if (n < 7 || n > 60 || s[n - 1] != ':') return 0;
    const char *cm = memchr(s, ',', n);
    if (!cm) return 0;
    size_t c = (size_t)(cm - s), a = c + 1, b = n - 1;
    while (a < b && s[a] == ' ')
        a++;
    while (b > a && s[b - 1] == ' ')
        b--;
    if (b <= a || !cd_parts_is_agency(s + a, b - a) || cd_parts_photo_agency(s + a, b - a)) return 0;
    size_t e = c;
    while (e && s[e - 1] == ' ')
        e--;
    if (!e || !cd_parts_place_words(s, 0, e, 0)) return 0;
    int lower = 0;
    for (size_t i = 0; i < e && !lower; i++)
        lower = s[i] >= 'a' && s[i] <= 'z';
    if (lower && !cd_wordset_has(&cd_list_news_places, s, e)) return 0;
    *pe = e;
    *aa = a;
    *ab = b;
    return 1;
}

static int S_wire_place_text(cd_news_ctx *p, cd_nid k)
{
    const cd_node *n = cd_dom_node(p->dom, k);
    const char *v = n->u.text;
    size_t l = n->len, pe, aa, ab;
    cd_parts_trim(&v, &l);
    if (l > 100) return -1;
    while (l && v[l - 1] != ')' && cd_isspace((unsigned char)v[l - 1]))
        l--;
    if (!S_place_date_wire(v, l, &pe, &aa, &ab) &&
        !(S_place_comma_wire(v, l, &pe, &aa, &ab) && !S_in_link(p->dom, k) && S_alone(p->dom, k)))
        return 0;
    p->m->dateline = cd_news_clean(p, v, pe);
    if (p->m->dateline) p->m->dateline_source = "visible";
    p->agency = cd_news_clean(p, v + aa, ab - aa);
    if (!p->keep && cd_news_rendered(p, k)) cd_extract_cut_as(p->x, p->dom, k, 0, n->len, CD_WHY_DATELINE);
    return 1;
}

/* Is text node k a date line with its place in parentheses ("Saturday,
 * December 29, 2007 (New Delhi)", l3s-gn1 ndtv: the date box above the
 * story)? Then the dateline is set, the line cut (unless keep_parts), and 1
 * returned; -1 for a long text (the walk ends), 0 otherwise. */
static int S_date_place_text(cd_news_ctx *p, cd_nid k)
{
    const cd_node *n = cd_dom_node(p->dom, k);
    const char *v = n->u.text;
    size_t l = n->len, pa, pb;
    cd_parts_trim(&v, &l);
    if (l > 100) return -1;
    if (!cd_parts_date_place(v, l, &pa, &pb)) return 0;
    for (cd_nid a = n->parent, d = 0; a && d < 4; a = cd_dom_node(p->dom, a)->parent, d++)
        if (cd_dom_is(p->dom, a, CD_TAG_A) || cd_news_is_caption_el(p, a)) return 0;
    p->m->dateline = cd_news_clean(p, v + pa, pb - pa);
    if (!p->m->dateline) return 0;
    p->m->dateline_source = "visible";
    if (!p->keep && cd_news_rendered(p, k)) cd_extract_cut_as(p->x, p->dom, k, 0, n->len, CD_WHY_DATELINE);
    return 1;
}

static int S_in_link(const cd_dom *dom, cd_nid k);

/* "WASHINGTON (AFP)" as a line of its own closing the story or just after
 * its last text (the wire's place line set under the story, div.smlgrey,
 * round 15 anatoliantimes-hormuz-standoff): the story's last text and the
 * three short texts after it (24 nodes at most), none a link. Only the
 * whole-line shape of S_place_date_wire, a known wire. */
static int S_alone(const cd_dom *dom, cd_nid k);
/* "NEW YORK" alone closing the story (round 16 thewest-cry-baby-broadway:
 * the wire's place set under the copy, no wire named): a whole text in
 * capitals, one to three words, a line of its own, that news-places.txt
 * knows (without a gazetteer the shape gives "SCOREBOARD", "COPYRIGHT",
 * "TOP SHOWBUZZ": h/wire8). The dateline, the line cut. */
static int S_tail_place_text(cd_news_ctx *p, cd_nid k)
{
    const cd_node *n = cd_dom_node(p->dom, k);
    const char *v = n->u.text;
    size_t l = n->len;
    cd_parts_trim(&v, &l);
    if (l < 4 || l > 24 || cd_parts_words(v, l) > 3 || !S_alone(p->dom, k)) return 0;
    for (size_t i = 0; i < l; i++)
        if ((v[i] >= 'a' && v[i] <= 'z') || !(cd_isalpha((unsigned char)v[i]) || v[i] == ' ')) return 0;
    if (!cd_wordset_has(&cd_list_news_places, v, l)) return 0;
    p->m->dateline = cd_news_clean(p, v, l);
    if (!p->m->dateline) return 0;
    p->m->dateline_source = "visible";
    if (!p->keep && cd_news_rendered(p, k)) cd_extract_cut_as(p->x, p->dom, k, 0, n->len, CD_WHY_DATELINE);
    return 1;
}

static void S_tail_place_wire(cd_news_ctx *p)
{
    const cd_dom *dom = p->dom;
    cd_nid top = cd_dom_root(dom), k = p->last_text;
    unsigned texts = 0, seen = 0;
    while (k && texts < 4 && seen < 24) {
        const cd_node *n = cd_dom_node(dom, k);
        seen++;
        if (n->type == CD_NODE_ELEMENT && ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k))) {
            k = cd_dom_next_skip(dom, k, top);
            continue;
        }
        if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) {
            if (S_in_link(dom, k)) return;
            /* (The story's own last text is long: passed over.) */
            if (S_wire_place_text(p, k) > 0 || (texts && n->len > 100)) return;
            if (texts <= 1 && S_tail_place_text(p, k)) return;
            texts++;
        }
        k = cd_dom_next(dom, k, top);
    }
}

static void S_head_dateline(cd_news_ctx *p);

/* A place line ending in a dash as a block of its own just above one of
 * the story's first blocks, the story's first sentence opening that block
 * ("<h6>LONDON &mdash; </h6><p>British music giant EMI …", l3s-gn1
 * 9ba9b7a5, after a short line of the template): read as the two lines
 * run together (cd_parts_dateline's own tests: the place in capitals, or
 * with a region; a sentence after it), the place within the line and
 * known to news-places.txt unless a region or a wire follows it. Not past
 * a long block; the line a text alone in its block, not in a link. The
 * line leaves the text. */
static void S_dash_block_dateline(cd_news_ctx *p)
{
    cd_news_text u;
    char buf[CD_PARTS_DATELINE_MAX + 8 + 1 + 300];
    for (unsigned b = 0; b < p->nfirst && b < 4; b++) {
        if (cd_news_marked(p, p->first[b])) continue;
        /* The cheap tests first (this runs on every page without a
         * dateline): a short text ending in a dash just above the block. */
        /* (At most four nodes back: S_text_before walks far.) */
        unsigned seen = CD_NEWS_DECK_NODES > 4 ? CD_NEWS_DECK_NODES - 4 : 0;
        cd_nid k = S_text_before(p, p->first[b], &seen);
        if (!k) continue;
        const cd_node *n = cd_dom_node(p->dom, k);
        const char *v = n->u.text;
        size_t l = n->len;
        cd_parts_trim(&v, &l);
        if (l < 4 || l > CD_PARTS_DATELINE_MAX + 8 || !S_ends_dash(v, l) || S_in_link(p->dom, k) || !S_alone(p->dom, k))
            continue;
        /* Not past a long block: the story has begun. */
        for (unsigned j = 0; j <= b; j++) {
            cd_news_gather(p, p->first[j], CD_NONE, 1, &u);
            uint32_t shown = 0;
            for (uint32_t c = 0; c < u.n; c++)
                shown += !cd_isspace((unsigned char)u.s[c]);
            if (j < b && (u.more || shown > 100)) return;
        }
        uint32_t ua = 0;
        while (ua < u.n && cd_isspace((unsigned char)u.s[ua]))
            ua++;
        size_t ul = u.n - ua > 300 ? 300 : u.n - ua;
        memcpy(buf, v, l);
        buf[l] = ' ';
        memcpy(buf + l + 1, u.s + ua, ul);
        cd_parts_dl d;
        /* (A label in capitals there is no place: "QUICK SUMMARY:" over a
         * wcxb-dev page, 0155. The place needs a region, a wire, or the
         * gazetteer's knowing it.) */
        if (!cd_parts_dateline(buf, l + 1 + ul, &d) || d.place_end > l || d.end < l ||
            !(d.agency_end > d.agency_at || memchr(buf + d.place_at, ',', d.place_end - d.place_at) ||
              cd_wordset_has(&cd_list_news_places, buf + d.place_at, d.place_end - d.place_at)))
            return;
        p->m->dateline = cd_news_clean(p, buf + d.place_at, d.place_end - d.place_at);
        if (!p->m->dateline) return;
        p->m->dateline_source = "visible";
        if (d.agency_end > d.agency_at) p->agency = cd_news_clean(p, buf + d.agency_at, d.agency_end - d.agency_at);
        if (!p->keep && cd_news_rendered(p, k)) cd_extract_cut_as(p->x, p->dom, k, 0, n->len, CD_WHY_DATELINE);
        return;
    }
}

void cd_news_dateline(cd_news_ctx *p)
{
    S_body_dateline(p, 0);
    if (!p->m->dateline) S_dash_block_dateline(p);
    if (!p->m->dateline) S_head_dateline(p);
    if (!p->m->dateline) S_tail_place_wire(p);
}

/* The dateline in a line of its own by the headline or just above the
 * story. */
static void S_head_dateline(cd_news_ctx *p)
{
    if (p->head) {
        S_head_walk w = {0};
        for (const cd_node *n; (n = S_head_next(p, &w));)
            if (S_wire_place_text(p, w.k) || S_date_place_text(p, w.k) > 0) return;
        /* The date box with its place may sit far below the headline, just
         * above the story (l3s-gn1 ndtv: a picture, its caption box and a
         * rating bar between): the few texts before the first block. */
        if (!p->nfirst) return;
        unsigned texts = 0, seen = 0;
        for (cd_nid k = p->first[0]; texts < 4 && (k = S_text_before(p, k, &seen)); texts++)
            if (S_date_place_text(p, k)) return;
        return;
    }
    /* No headline found: the few short texts just before the story's first
     * block (the head of an AFP NewsML item shown as text, its HeadLine in
     * no heading: l3s-gn1 citizen-carriage-horses). */
    if (!p->nfirst) return;
    unsigned texts = 0, seen = 0;
    for (cd_nid k = p->first[0]; texts < 6 && (k = S_text_before(p, k, &seen)); texts++)
        if (S_wire_place_text(p, k) || S_date_place_text(p, k) > 0) return;
}

static int S_wires_only(const char *s, size_t a, size_t b);

/* Once the credit is known: the text of a wire (its credit a wire's name)
 * may open with a place in mixed case and a colon. */
/* Is text node k inside a link (up to three levels up)? */
static int S_in_link(const cd_dom *dom, cd_nid k)
{
    cd_nid a = cd_dom_node(dom, k)->parent;
    for (unsigned d = 0; a && d < 3; a = cd_dom_node(dom, a)->parent, d++)
        if (cd_dom_is(dom, a, CD_TAG_A)) return 1;
    return 0;
}


/* "Kolkata, January 13, 2008", "VENTURA, Calif., Jan. 15, 2008": a place
 * (and up to two regions) in words, a comma and a whole date naming its
 * month by a word, nothing else. The place's end (with its regions) in *pe. */
static int S_place_date(const char *s, size_t n, size_t *pe)
{
    if (n < 12 || n > 60) return 0;
    size_t a = 0, e = 0;
    for (unsigned part = 0; part < 3; part++) {
        const char *cm = memchr(s + a, ',', n - a);
        if (!cm) return 0;
        size_t b = (size_t)(cm - s);
        if (!cd_parts_place_words(s, a, b, 0)) return 0;
        e = b;
        a = b + 1;
        while (a < n && s[a] == ' ')
            a++;
        /* The date opens with its month or its day. */
        size_t w = a;
        while (w < n && cd_isalpha((unsigned char)s[w]))
            w++;
        if (a < n && (cd_isdigit((unsigned char)s[a]) || cd_meta_month(s + a, w - a))) break;
        if (part == 2) return 0;
    }
    int named = 0;
    for (size_t i = a; i < n;) {
        size_t w = i;
        while (w < n && cd_isalpha((unsigned char)s[w]))
            w++;
        if (w > i && cd_meta_month(s + i, w - i)) named = 1;
        i = w > i ? w : i + 1;
    }
    char date[CD_META_DATE_LEN];
    if (!named || cd_meta_date_norm(s + a, n - a, 1, 0, date) < 10) return 0;
    *pe = e;
    return 1;
}

/* Is text node k a place-and-date line alone in its block? Then the
 * dateline is set, the line cut (unless keep_parts), and 1 returned. */
static int S_alone(const cd_dom *dom, cd_nid k);
static int S_place_date_text(cd_news_ctx *p, cd_nid k)
{
    const cd_node *n = cd_dom_node(p->dom, k);
    size_t l, pe;
    const char *v = cd_meta_clean(p->arena, n->u.text, n->len, &l);
    if (!v || !S_place_date(v, l, &pe) || !S_alone(p->dom, k)) return 0;
    for (cd_nid a = n->parent, d = 0; a && d < 4; a = cd_dom_node(p->dom, a)->parent, d++)
        if (cd_dom_is(p->dom, a, CD_TAG_A) || cd_news_is_caption_el(p, a)) return 0;
    p->m->dateline = cd_news_clean(p, v, pe);
    if (!p->m->dateline) return 0;
    p->m->dateline_source = "visible";
    if (!p->keep && cd_news_rendered(p, k)) cd_extract_cut_as(p->x, p->dom, k, 0, n->len, CD_WHY_DATELINE);
    return 1;
}

void cd_news_dateline_wire(cd_news_ctx *p)
{
    const char *c = p->m->credit;
    if (p->m->dateline || !c || !S_wires_only(c, 0, strlen(c))) return;
    S_body_dateline(p, 1);
    if (p->m->dateline) return;
    /* A place-and-date line of its own by the headline or just above the
     * story's first block, in wire copy only ("Kolkata, January 13, 2008"
     * under "Press Trust Of India": l3s-gn1; tools/credit_audit.py dl-date):
     * elsewhere a name and a date may read so. */
    if (p->head) {
        S_head_walk w = {0};
        for (const cd_node *n; (n = S_head_next(p, &w));) {
            if (n->len > 100) break;
            if (S_place_date_text(p, w.k)) return;
        }
    }
    if (!p->nfirst) return;
    unsigned texts = 0, seen = 0;
    for (cd_nid k = p->first[0]; (k = S_text_before(p, k, &seen));) {
        if (cd_dom_node(p->dom, k)->len > 100) return;
        if (S_in_link(p->dom, k)) continue; /* a share bar's links */
        if (++texts > 8) return;
        if (S_place_date_text(p, k)) return;
    }
}

static void S_credit_set(cd_news_ctx *p, const char *s, size_t n)
{
    cd_parts_trim(&s, &n);
    if (p->m->credit) return; /* a structured statement stays */
    const char *c = cd_news_clean(p, s, n);
    size_t cl = c ? strlen(c) : 0;
    /* A wire's name set in capitals ("THE CANADIAN PRESS", a byline's
     * "ASSOCIATED PRESS"): the name as running text writes it ("AFP" and
     * other one-word names stay). */
    if (c && cd_parts_is_agency(c, cl)) {
        int lower = 0, space = 0;
        for (size_t i = 0; i < cl; i++)
            lower |= c[i] >= 'a' && c[i] <= 'z', space |= c[i] == ' ';
        char *w = !lower && space ? cd_arena_strndup(p->arena, c, cl) : NULL;
        for (size_t i = 1; w && i < cl; i++)
            if (w[i - 1] != ' ') w[i] = (char)cd_tolower((unsigned char)w[i]);
        if (w) c = w;
    }
    p->m->credit = c;
    if (p->m->credit) p->m->credit_source = "visible";
}

/* A closing credit line's value: the paper's name of a line saying where
 * the story ran first, else the whole line. */
static size_t S_source_lead(const char *v, size_t l);

static void S_line_credit_set(cd_news_ctx *p, const char *s, size_t n)
{
    cd_parts_trim(&s, &n);
    /* "Source: Reuters": the value without its label (schema.md). */
    size_t lab = S_source_lead(s, n);
    if (lab && lab < n) {
        s += lab;
        n -= lab;
        cd_parts_trim(&s, &n);
    }
    size_t at, l = cd_parts_syndication_name(s, n, &at);
    if (l)
        S_credit_set(p, s + at, l);
    else
        S_credit_set(p, s, n);
}

/* A wire byline: the agency credited as the only author ("By AFP") is the
 * source of the text, when nothing else says so. */
void cd_news_wire_byline(cd_meta *m)
{
    if (m->credit || m->nauthors != 1) return;
    const char *a = m->authors[0];
    size_t al = strlen(a);
    if (cd_parts_is_agency(a, al) && !cd_parts_photo_agency(a, al)) {
        m->credit = a;
        m->credit_source = m->author_source ? m->author_source : "visible";
    }
}

static int S_source_footer(cd_news_ctx *p, cd_nid blk);

/* Is blk (or one of its four nearest ancestors) the byline box, where
 * "Jane Doe and John Roe contributed." lists the story's reporters next to
 * the authors' bios: people, not the source of the text? */
static int S_in_byline(cd_news_ctx *p, cd_nid blk)
{
    cd_nid a = blk;
    for (unsigned d = 0; a && d < 5; d++, a = cd_dom_node(p->dom, a)->parent)
        if (cd_news_has(p, a, cd_list_class_byline_box)) return 1;
    return 0;
}

/* Is text node id a line of its own: after a <br> (through the inline
 * elements that hold it), with nothing shown after it in its block? */
static int S_own_line(const cd_dom *dom, cd_nid id)
{
    int before = 0;
    cd_nid e = id;
    for (unsigned up = 0; e && up < 4 && !before; up++) {
        for (cd_nid k = cd_dom_node(dom, e)->prev; k; k = cd_dom_node(dom, k)->prev) {
            const cd_node *n = cd_dom_node(dom, k);
            if (n->type == CD_NODE_TEXT && cd_news_space_text(n)) continue;
            if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_BR) before = 1;
            if (n->type == CD_NODE_TEXT || n->type == CD_NODE_ELEMENT) break;
        }
        if (before) break;
        /* The first of its parent: go up while the parent is inline. */
        cd_nid k = cd_dom_node(dom, e)->prev;
        while (k && cd_dom_node(dom, k)->type == CD_NODE_TEXT && cd_news_space_text(cd_dom_node(dom, k)))
            k = cd_dom_node(dom, k)->prev;
        if (k) return 0;
        e = cd_dom_node(dom, e)->parent;
        if (!e || (cd_tag_flags(cd_dom_node(dom, e)->tag) & CD_TF_BLOCK)) return 0;
    }
    return before;
}

/* Is text node id a run of its own after a block: it (through the inline
 * elements that hold it, first in each) follows a block element ("<p>…</p>
 * <cite><em>With files from the Canadian Press</em></cite>", CBC:
 * l3s-gn1 cbc-campbell-icejam)? */
static int S_after_block(const cd_dom *dom, cd_nid id)
{
    cd_nid e = id;
    for (unsigned up = 0; e && up < 4; up++) {
        cd_nid k = cd_dom_node(dom, e)->prev;
        while (k && cd_dom_node(dom, k)->type == CD_NODE_TEXT && cd_news_space_text(cd_dom_node(dom, k)))
            k = cd_dom_node(dom, k)->prev;
        while (k && cd_dom_node(dom, k)->type == CD_NODE_COMMENT)
            k = cd_dom_node(dom, k)->prev;
        if (k) {
            const cd_node *n = cd_dom_node(dom, k);
            return n->type == CD_NODE_ELEMENT && (cd_tag_flags(n->tag) & CD_TF_BLOCK);
        }
        e = cd_dom_node(dom, e)->parent;
        if (!e || (cd_tag_flags(cd_dom_node(dom, e)->tag) & CD_TF_BLOCK)) return 0;
    }
    return 0;
}

/* Is text node n only white space? */
static int S_blank(const cd_node *n)
{
    for (uint32_t i = 0; i < n->len; i++)
        if (!cd_isspace((unsigned char)n->u.text[i])) return 0;
    return 1;
}

/* Does blk sit with a picture: a direct <img> child of its parent
 * ("<div><img><p class=source>Jamal Saidi/Reuters</p><p class=caption>…")?
 * A line there is the picture's credit, never the text's. */
static int S_by_picture_box(const cd_dom *dom, cd_nid blk);

/* Does img float (cd_news_img_floats) with the story's text running on
 * beside it after blk: a text of blk's parent after blk? Then a line there
 * is the story's (the byline slot), not the picture's credit (<img
 * align=left><span>Press Trust of India</span><br><br>Monday, …, l3s
 * ndtvprofit-rupee-3928). */
static int S_floats_in_text(const cd_dom *dom, cd_nid img, cd_nid blk)
{
    if (!cd_news_img_floats(dom, img)) return 0;
    unsigned k = 0;
    for (cd_nid c = cd_dom_node(dom, blk)->next; c && k < 12; c = cd_dom_node(dom, c)->next, k++)
        if (cd_dom_node(dom, c)->type == CD_NODE_TEXT && !S_blank(cd_dom_node(dom, c))) return 1;
    return 0;
}

static int S_by_picture(const cd_dom *dom, cd_nid blk)
{
    cd_nid par = cd_dom_node(dom, blk)->parent;
    unsigned k = 0;
    for (cd_nid c = par ? cd_dom_node(dom, par)->first : CD_NONE; c && k < 12; c = cd_dom_node(dom, c)->next, k++)
        if (cd_dom_is(dom, c, CD_TAG_IMG) && !S_floats_in_text(dom, c, blk)) return 1;
    return S_by_picture_box(dom, blk);
}

/* Or right after a picture's own box, an element holding a picture and
 * no text ("<div id=hp_mod_photo><a><img></a></div><div
 * id=hp_mod_photocredit>Shannon Stapleton/Reuters</div>", a teaser
 * module after an IHT story, l3s iht-yushchenko-tymoshenko). */
static int S_by_picture_box(const cd_dom *dom, cd_nid blk)
{
    cd_nid pv = cd_dom_node(dom, blk)->prev;
    while (pv && cd_dom_node(dom, pv)->type == CD_NODE_TEXT && S_blank(cd_dom_node(dom, pv)))
        pv = cd_dom_node(dom, pv)->prev;
    if (!pv || cd_dom_node(dom, pv)->type != CD_NODE_ELEMENT) return 0;
    int img = 0;
    unsigned steps = 0;
    for (cd_nid q = cd_dom_next(dom, pv, pv); q && steps < 16; q = cd_dom_next(dom, q, pv), steps++) {
        const cd_node *qn = cd_dom_node(dom, q);
        if (qn->type == CD_NODE_TEXT && !S_blank(qn)) return 0;
        img |= qn->type == CD_NODE_ELEMENT && qn->tag == CD_TAG_IMG;
    }
    return img;
}


/* Is s[a, b) a list of wires only ("Sapa", "Sapa - AFP", "AFP/Reuters")?
 * Parts are split at '/', ',', '&', " and " and a spaced or bare dash. */
static int S_wires_only(const char *s, size_t a, size_t b)
{
    size_t pos = a, parts = 0, x, y;
    while (cd_parts_list_next(s, b, &pos, 1, &x, &y)) {
        if (y == x || !cd_parts_is_agency(s + x, y - x) || cd_parts_photo_agency(s + x, y - x)) return 0;
        parts++;
    }
    return parts > 0 && parts <= 3;
}

/* A wire's name after a dash closing the last paragraph ("… was not
 * immediately available to comment. - Sapa", "… in school. – AFP"), or a
 * paragraph that is only that ("— PTI"): the offset of the dash, and the
 * name in s[*va, *vb); n when s does not end so. */
static size_t S_trailer(const char *s, size_t n, size_t *va, size_t *vb)
{
    size_t e = n;
    while (e && (cd_isspace((unsigned char)s[e - 1]) || s[e - 1] == '.'))
        e--;
    size_t lo = e > 60 ? e - 60 : 0;
    for (size_t i = e; i-- > lo;) {
        size_t dl = 0;
        if (s[i] == '-')
            dl = (i + 1 < e && s[i + 1] == '-') ? 2 : 1;
        else if (cd_utf8_dash_at(s, e, i))
            dl = 3;
        if (!dl) continue;
        /* The dash stands alone, a space after it, and after the story's
         * last sentence (or opening the block). */
        if (i + dl >= e || !cd_isspace((unsigned char)s[i + dl])) continue;
        size_t b = i;
        while (b && cd_isspace((unsigned char)s[b - 1]))
            b--;
        if (b == i && b) continue;
        if (b) {
            unsigned char c = (unsigned char)s[b - 1];
            /* '.', '!', '?', a closing quote or parenthesis (also U+201D). */
            if (!(c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' ||
                  (b >= 3 && (unsigned char)s[b - 3] == 0xE2 && (unsigned char)s[b - 2] == 0x80 &&
                   (c == 0x9D || c == 0x99))))
                continue;
        }
        if (!S_wires_only(s, i + dl, e)) continue;
        /* A bare dash inside the list is a join ("Sapa-AFP"): only the
         * dash that opens it counts, so look no further left. */
        *va = i + dl;
        *vb = e;
        return b;
    }
    return n;
}

/* A copyright notice after the story that closes with a contributor
 * sentence ("(© 2008 CBS Broadcasting Inc. All Rights Reserved. This
 * material may not be published, … The Associated Press contributed to this
 * report.)", l3s-gn1 32221fe9): that sentence, the notice's text being no
 * credit. NULL otherwise. */
const char *cd_news_notice_contrib(cd_news_ctx *p, const char *s, size_t n)
{
    cd_parts_trim(&s, &n);
    if (n && s[n - 1] == ')') n--;
    if (n < 24 || n > 600 || !cd_contains_nocase(s, n, "contributed")) return NULL;
    size_t a = n - 1; /* past the closing full stop */
    while (a && !(s[a - 1] == ' ' && a >= 2 && (s[a - 2] == '.' || s[a - 2] == '!')))
        a--;
    if (!a) return NULL;
    const char *v = s + a;
    size_t l = n - a;
    if (cd_parts_credit_line(v, l) != CD_PARTS_CREDIT_LINE || !cd_contains_nocase(v, l, "contributed"))
        return NULL;
    return cd_news_clean(p, v, l);
}

/* A copyright notice or a "Brought to you by" line naming a wire just after
 * the story, outside the text or left out with the story's bottom links
 * ("Brought to you by NZPA", "© NZPA 2008", "© Sapa - AFP"): the source of
 * the text. Looked for among the first texts after the story's last one, up
 * to a text of prose. */
static int S_after_notice(cd_news_ctx *p)
{
    const cd_dom *dom = p->dom;
    if (!p->last_text || p->foot_notice) return 0;
    /* The story's own notice ("Copyright Business Wire 2008") names its
     * source: the site's after it does not. */
    const cd_node *ln = cd_dom_node(dom, p->last_text);
    const char *lv = ln->u.text;
    size_t ll = ln->len;
    cd_parts_trim(&lv, &ll);
    /* Its last line (a <pre> holds many). */
    int lines = 0;
    for (size_t i = ll; i-- > 0;)
        if (lv[i] == '\n') {
            lv += i + 1;
            ll -= i + 1;
            cd_parts_trim(&lv, &ll);
            lines = 1;
            break;
        }
    if (cd_parts_starts(lv, ll, "\xC2\xA9") || cd_parts_starts(lv, ll, "(c)") || cd_parts_starts(lv, ll, "copyright")) {
        /* The story's own notice on the last line of a <pre> (a release's
         * "Copyright Business Wire 2008", l3s-gn1 1bb25401): its agency. */
        const char *a = NULL;
        size_t cl;
        const char *c = lines && ll <= 120 ? cd_meta_clean(p->arena, lv, ll, &cl) : NULL;
        if (c) a = cd_news_copyright_agency(p, c, cl);
        if (!a) return 0;
        S_credit_set(p, a, strlen(a));
        if (!p->keep)
            cd_extract_cut_as(p->x, p->dom, p->last_text, (uint32_t)(lv - ln->u.text), (uint32_t)ll,
                              CD_WHY_COPYRIGHT);
        return 1;
    }
    cd_nid top = cd_dom_root(dom);
    unsigned seen = 0, texts = 0;
    for (cd_nid k = cd_dom_next(dom, p->last_text, top); k && seen < 120; seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT) {
            if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k) ||
                cd_news_is_caption_el(p, k)) {
                k = cd_dom_next_skip(dom, k, top);
                continue;
            }
            /* A heading opens another box (a list of stories). */
            if (cd_tag_flags(n->tag) & CD_TF_HEADING) return 0;
        } else if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) {
            if (++texts > 12) return 0;
            const char *v = n->u.text;
            size_t l = n->len;
            cd_parts_trim(&v, &l);
            /* (A notice may be long: "© Reuters 2008. All rights reserved.
             * Republication or redistribution of Reuters content …", l3s-gn1
             * a59989de.) */
            int notice = l <= 400 && (cd_parts_starts(v, l, "\xC2\xA9") || cd_parts_starts(v, l, "(c)") ||
                                      cd_parts_starts(v, l, "copyright"));
            if (l > 80 && !notice) return 0; /* prose: another box */
            static const char btyb[] = "brought to you by ";
            const char *a = NULL;
            if (cd_parts_starts(v, l, btyb) && l > sizeof btyb - 1) {
                const char *w = v + sizeof btyb - 1;
                size_t wl = l - (sizeof btyb - 1);
                if (S_wires_only(w, 0, wl)) a = cd_news_clean(p, w, wl);
            } else if (notice) {
                /* Spaces made plain first: "©&nbsp;AAP", a link alone after
                 * the story (l3s-gn1; tools/credit_audit.py cr-copy). */
                size_t cl;
                const char *c = cd_meta_clean(p->arena, v, l, &cl);
                if (c) a = cd_news_copyright_agency(p, c, cl);
            } else if (l <= 80 && cd_contains_nocase(v, l, "copyright")) {
                /* "All Content is Copyright © 2008 <a>WorldSoccerNews.com</a>
                 * and <a>AFP</a>. All rights reserved. …" (round 14
                 * wldcup-grant-chelsea): the notice's block from the word on,
                 * its owners in links. */
                cd_nid blk = n->parent;
                for (unsigned up = 0; blk && up < 4 && !(cd_tag_flags(cd_dom_node(dom, blk)->tag) & CD_TF_BLOCK); up++)
                    blk = cd_dom_node(dom, blk)->parent;
                cd_news_text t;
                size_t cl;
                if (blk && (cd_tag_flags(cd_dom_node(dom, blk)->tag) & CD_TF_BLOCK)) {
                    cd_news_gather(p, blk, CD_NONE, 0, &t);
                    const char *c = cd_meta_clean(p->arena, t.s, t.n, &cl);
                    for (size_t q = 0; c && q + 9 <= cl; q++)
                        if (cd_eq_nocase(c + q, 9, "copyright")) {
                            a = cd_news_copyright_agency(p, c + q + 9, cl - q - 9);
                            break;
                        }
                }
            }
            if (a) {
                S_credit_set(p, a, strlen(a));
                return 1;
            }
        }
        k = cd_dom_next(dom, k, top);
    }
    return 0;
}

/* Is text node k alone in its nearest block (up to four levels up), or a
 * line of its own there (after a <br> or a block)? */
static int S_alone(const cd_dom *dom, cd_nid k)
{
    if (S_own_line(dom, k) || S_after_block(dom, k)) return 1;
    cd_nid b = cd_dom_node(dom, k)->parent;
    for (unsigned up = 0; b && !(cd_tag_flags(cd_dom_node(dom, b)->tag) & CD_TF_BLOCK); up++) {
        if (up >= 4) return 0;
        b = cd_dom_node(dom, b)->parent;
    }
    if (!b) return 0;
    unsigned seen = 0;
    for (cd_nid q = cd_dom_next(dom, b, b); q; q = cd_dom_next(dom, q, b)) {
        const cd_node *n = cd_dom_node(dom, q);
        if (++seen > 32) return 0;
        if (q != k && n->type == CD_NODE_TEXT && !cd_news_space_text(n)) return 0;
    }
    return 1;
}

/* A closing credit line above a few short lines the story's text kept
 * after it ("Source: United Nations" over the writer's e-mail address and a
 * tag list; "With files from the Canadian Press" over a box's heading and a
 * disclaimer: l3s-gn1 newsblaze, cbc; tools/credit_audit.py cr-source,
 * cr-files): read from the last text back over up to ten short texts; the
 * story's last paragraph of prose ends the search. */
/* Is v[0..l) a wire's name or a list of them alone, a dash or parentheses
 * around ("- REUTERS", "AFP, AP", "(AFP)")? */
static int S_bare_wire(const char *v, size_t l)
{
    size_t a = 0, b = l;
    while (a < b && (v[a] == '-' || v[a] == '(' || v[a] == ' '))
        a++;
    if (a + 3 <= b && (unsigned char)v[a] == 0xE2 && (unsigned char)v[a + 1] == 0x80) a += 3;
    while (a < b && v[a] == ' ')
        a++;
    while (b > a && (v[b - 1] == ')' || v[b - 1] == '.' || v[b - 1] == ' '))
        b--;
    /* A wire's name opens with a capital ("AFP", "dpa" aside: a lower-case
     * line is prose or chrome, a cheap test first). */
    return b > a && ((v[a] >= 'A' && v[a] <= 'Z') || v[a] == 'd') && S_wires_only(v, a, b);
}

static int S_credit_above_tail(cd_news_ctx *p)
{
    const cd_dom *dom = p->dom;
    unsigned texts = 0, seen = 0;
    /* A bare wire line ("- REUTERS", "AFP, AP") read last, held until the
     * text before it shows whether it closes the story. */
    cd_nid wire_k = CD_NONE;
    for (cd_nid k = p->last_text; k && seen < 1000; k = cd_dom_prev(dom, k), seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type != CD_NODE_TEXT || cd_news_space_text(n) || !cd_news_rendered(p, k)) continue;
        const char *v = n->u.text;
        size_t l = n->len;
        cd_parts_trim(&v, &l);
        /* Prose (a sentence of twelve words or more, or a long text) is the
         * story's own end; a disclaimer line without its full stop is not
         * ("Note: … - link will open in new window"). */
        unsigned char e = l ? (unsigned char)v[l - 1] : 0;
        int sentence = e == '.' || e == '!' || e == '?' || e == '"' || e == 0x9D;
        if (l > 160 || (sentence && cd_parts_words(v, l) >= 12)) {
            /* The bare wire line right after the story's last sentence, the
             * short lines below it chrome the text kept ("… (Editing by
             * Alison Wildey)" / "- REUTERS" / "More Articles:", "AFP, AP" over
             * a subscription box: l3s-gn1, two pages; tools/credit_audit.py
             * cr-wire, cr-multi). */
            if (!wire_k) return 0;
            const cd_node *w = cd_dom_node(dom, wire_k);
            const char *wv = w->u.text;
            size_t wl = w->len;
            cd_parts_trim(&wv, &wl);
            S_line_credit_set(p, wv, wl);
            if (!p->keep) cd_extract_cut_as(p->x, dom, wire_k, 0, w->len, CD_WHY_CREDIT);
            return 1;
        }
        if (++texts > 10) return 0;
        wire_k = CD_NONE;
        if (k == p->last_text) continue;   /* the closing text was read already */
        /* Only the credit forms that close a story, no bare name ("Reuters"
         * heading a teaser): a "Source:" label, a contributor line, "With
         * files from" (tested first: they are cheap); a bare wire's name
         * only just after the story's last sentence (above). */
        size_t lab = S_source_lead(v, l);
        if (!lab && !cd_parts_starts(v, l, "with files from ") && !cd_contains_nocase(v, l, "contributed")) {
            if (l <= 40 && S_bare_wire(v, l) && cd_parts_credit_line(v, l) == CD_PARTS_CREDIT_LINE &&
                S_alone(dom, k) && !S_in_byline(p, n->parent))
                wire_k = k;
            continue;
        }
        int kind = cd_parts_credit_line(v, l);
        if (kind != CD_PARTS_CREDIT_LINE && kind != CD_PARTS_CREDIT_SOURCE) continue;
        if (!S_alone(dom, k) || S_in_byline(p, n->parent)) continue;
        const char *c = v;
        size_t cl = l;
        if (lab && lab < cl) c += lab, cl -= lab;
        S_credit_set(p, c, cl);
        if (!p->keep) cd_extract_cut_as(p->x, dom, k, 0, n->len, CD_WHY_CREDIT);
        return 1;
    }
    return 0;
}

/* Does r[0..rl), a wire's name in r[0..best), go on as the writer's job
 * ("AP Golf Writer", "Associated Press Writer"): up to two capitalised words,
 * then a newsroom job? With end, the wire may also end the text (a date or a
 * weekday may follow). "PA Sport" is a desk's name, not the wire alone. */
static int S_wire_job(const char *r, size_t rl, size_t best, int end)
{
    size_t q = best;
    for (unsigned words = 0; words < 3; words++) {
        while (q < rl && r[q] == ' ')
            q++;
        size_t e = q;
        while (e < rl && r[e] != ' ' && r[e] != ',')
            e++;
        if (end && words == 0 &&
            (q >= rl || r[q] == ',' || cd_isdigit((unsigned char)r[q]) ||
             cd_wordset_has(&cd_list_weekdays, r + q, e - q)))
            return 1;
        /* (Plural for two writers: "By NAME and NAME, Associated Press
         * Writers", l3s-gn1.) */
        if (cd_wordset_has(&cd_list_newsroom_jobs, r + q, e - q) ||
            (e - q > 2 && r[e - 1] == 's' && cd_wordset_has(&cd_list_newsroom_jobs, r + q, e - q - 1)))
            return e >= rl || end;
        if (q >= rl || !(r[q] >= 'A' && r[q] <= 'Z')) return 0;
        q = e;
    }
    return 0;
}

/* The length of the longest run of r[0..rl)'s first words, at most four
 * and before a comma, that names a wire (not a photo house): "Associated
 * Press" of "Associated Press Writer"; 0 if none. */
static size_t S_wire_lead(const char *r, size_t rl)
{
    size_t best = 0, w = 0;
    for (unsigned words = 0; w < rl && words < 4; words++) {
        while (w < rl && r[w] != ' ' && r[w] != ',')
            w++;
        if (cd_parts_is_agency(r, w) && !cd_parts_photo_agency(r, w)) best = w;
        if (w < rl && r[w] == ',') break;
        while (w < rl && r[w] == ' ')
            w++;
    }
    return best;
}

/* A wire's name after the writer's, then a newsroom job, closing the
 * byline c[0..l) with no separator ("By JASON STRAZIUSO Associated Press
 * Writer", "By NAME AP Sports Writer"): 1 and the wire in c[*wa, *wa + *wl). */
static int S_wire_after_name(const char *c, size_t l, size_t *wa, size_t *wl)
{
    for (size_t i = 5; i < l; i++) {
        if (c[i - 1] != ' ' || !(c[i] >= 'A' && c[i] <= 'Z')) continue;
        const char *r = c + i;
        size_t rl = l - i, best = S_wire_lead(r, rl);
        if (!best) continue;
        if (!S_wire_job(r, rl, best, 0)) return 0;
        *wa = i;
        *wl = best;
        return 1;
    }
    return 0;
}

/* "By GRANT PECK, Associated Press Writer", "By JAMES PRICHARD, AP Business
 * Writer", "By RAQUEL DILLON, For The Associated Press": a byline among the
 * first texts after the headline whose writer's title opens with a wire's
 * name. The wire (the longest run of up to four first words naming one). */
static const char *S_byline_wire(cd_news_ctx *p)
{
    if (!p->head) return NULL;
    S_head_walk hw = {0};
    for (const cd_node *n; (n = S_head_next(p, &hw));) {
        size_t l;
        char *c = cd_meta_clean(p->arena, n->u.text, n->len, &l);
        if (!c) continue;
        if (l > 200) return NULL; /* the body has begun */
        if (!cd_parts_starts(c, l, "by ")) continue;
        const char *cm = memchr(c, ',', l);
        /* "By AHMED MOHAMED - Associated Press Writer --" (l3s-gn1; tools/
         * credit_audit.py cr-writer): a spaced dash before the title. */
        /* "By NAME | AFP", "By NAME / Reuters" (issue #12's byline-slot
         * shapes; tools/credit_audit.py cr-byname): a spaced bar or slash. */
        for (size_t i = 3; !cm && i + 2 < l; i++)
            if (c[i] == ' ' && c[i + 1] == '-' && (c[i + 2] == ' ' || (c[i + 2] == '-' && i + 3 < l && c[i + 3] == ' ')))
                cm = c + i + (c[i + 2] == '-' ? 2 : 1);
            else if (c[i] == ' ' && (c[i + 1] == '|' || c[i + 1] == '/') && c[i + 2] == ' ')
                cm = c + i + 1;
        if (!cm) {
            /* "By JASON STRAZIUSO Associated Press Writer" (l3s-gn1, two
             * pages; tools/credit_audit.py cr-writer): no separator, the
             * wire's name opening a word after the writer's, a newsroom job
             * after it. */
            size_t wa, wl;
            if (S_wire_after_name(c, l, &wa, &wl)) return cd_news_clean(p, c + wa, wl);
            continue;
        }
        const char *r = cm + 1;
        size_t rl = l - (size_t)(r - c);
        while (rl && *r == ' ')
            r++, rl--;
        if (cd_parts_starts(r, rl, "for ")) r += 4, rl -= 4;
        size_t best = S_wire_lead(r, rl);
        if (!best) return NULL; /* the byline names no wire */
        return S_wire_job(r, rl, best, 1) ? cd_news_clean(p, r, best) : NULL;
    }
    return NULL;
}

static int S_name_like(const char *s, size_t n);

/* Is s two or three names joined by a spaced slash, each one to three
 * capitalised words, one a wire or the site's own name ("Sporting Life /
 * Eurosport" on uk.eurosport.yahoo.com, spec eurosport-warnock-lane)? A
 * closing source line of syndicated copy; a trail of links is no such line
 * (the caller passes over links). */
static int S_outlets_and_site(const cd_news_ctx *p, const char *s, size_t n)
{
    const char *site = p->m->site_name;
    if (n < 7 || n > 60 || !site) return 0;
    unsigned parts = 0, known = 0;
    size_t st = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && !(s[i] == '/' && i && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ')) continue;
        const char *v = s + st;
        size_t l = (i < n ? i - 1 : i) - st;
        cd_parts_trim(&v, &l);
        if (!l || ++parts > 3 || !(v[0] >= 'A' && v[0] <= 'Z') || cd_parts_words(v, l) > 3 || !S_name_like(v, l))
            return 0;
        if ((cd_parts_is_agency(v, l) && !cd_parts_photo_agency(v, l)) || cd_meta_site_like(v, l, site, strlen(site)))
            known++;
        st = i + 1;
    }
    return parts >= 2 && known > 0;
}

void cd_news_credit(cd_news_ctx *p)
{
    cd_news_text t;
    int kind = CD_PARTS_CREDIT_NONE;
    for (unsigned b = 0; b < CD_NEWS_LAST && !kind; b++) {
        cd_nid blk = p->last[b];
        if (!blk || cd_news_marked(p, blk) || S_in_byline(p, blk) || S_by_picture(p->dom, blk)) continue;
        /* The first paragraph is never the closing credit. */
        if (p->nfirst && blk == p->first[0] && b == 0 && !p->last[1]) break;
        cd_news_gather(p, blk, CD_NONE, 1, &t);
        if (t.more) continue;
        const char *s = t.s;
        size_t n = t.n;
        kind = cd_parts_credit_line(s, n);
        /* A labelled source naming no wire closes the story ("Source:
         * United Nations"); a line above the closing one is a chart's or a
         * quotation's source. */
        if (kind == CD_PARTS_CREDIT_SOURCE && b) kind = CD_PARTS_CREDIT_NONE;
        /* A structured credit confirms a line that says just that. */
        if (!kind && p->m->credit) {
            cd_parts_trim(&s, &n);
            size_t cl = strlen(p->m->credit);
            char *c = cd_meta_clean(p->arena, s, n, &n);
            if (c && cd_meta_eq_nocase(c, n, p->m->credit, cl)) kind = CD_PARTS_CREDIT_LINE;
        }
        if (!kind) continue;
        if (kind == CD_PARTS_CREDIT_STAFF && p->agency)
            S_credit_set(p, p->agency, strlen(p->agency));
        else
            S_line_credit_set(p, t.s, t.n);
        if (!p->keep) cd_extract_drop_as(p->x, blk, CD_WHY_CREDIT);
    }
    if (!kind && p->last[0] && !cd_news_marked(p, p->last[0]))
        kind = S_source_footer(p, p->last[0]);
    if (!kind && p->last_text && !cd_news_marked(p, p->last_text)) {
        const cd_node *n = cd_dom_node(p->dom, p->last_text);
        size_t at = cd_parts_signoff(n->u.text, n->len);
        if (at < n->len) {
            kind = CD_PARTS_CREDIT_STAFF;
            if (p->agency)
                S_credit_set(p, p->agency, strlen(p->agency));
            else
                S_credit_set(p, n->u.text + at, n->len - at);
            if (!p->keep)
                cd_extract_cut_as(p->x, p->dom, p->last_text, (uint32_t)at, (uint32_t)(n->len - at),
                                  CD_WHY_CREDIT);
        }
    }
    /* "… to comment. - Sapa": the wire after a dash closing the story. */
    if (!kind && p->last_text && !cd_news_marked(p, p->last_text)) {
        const cd_node *n = cd_dom_node(p->dom, p->last_text);
        size_t va = 0, vb = 0, at = S_trailer(n->u.text, n->len, &va, &vb);
        if (at < n->len) {
            kind = CD_PARTS_CREDIT_LINE;
            S_credit_set(p, n->u.text + va, vb - va);
            if (!p->keep)
                cd_extract_cut_as(p->x, p->dom, p->last_text, (uint32_t)at, (uint32_t)(n->len - at),
                                  CD_WHY_CREDIT);
        }
    }
    /* "… Really Think.\" This article is distributed by the Common Ground
     * News Service (CGNews)." (round 16 metimes-esposito-after-bhutto: the
     * syndication sentence closing the writer's note): a last sentence
     * opening with "This " that says where the story comes from
     * (cd_parts_syndication_name), after the paragraph's other sentences. */
    if (!kind && p->last_text && !cd_news_marked(p, p->last_text)) {
        const cd_node *n = cd_dom_node(p->dom, p->last_text);
        const char *v = n->u.text;
        size_t vl = n->len, st = 0;
        while (vl && cd_isspace((unsigned char)v[vl - 1]))
            vl--;
        for (size_t i = vl > 200 ? vl - 200 : 1; i + 5 < vl; i++)
            if (v[i] == 'T' && cd_isspace((unsigned char)v[i - 1]) && cd_parts_starts(v + i, vl - i, "This ")) {
                size_t b = i - 1;
                while (b && cd_isspace((unsigned char)v[b]))
                    b--;
                while (b && (v[b] == '"' || v[b] == '\'' || v[b] == ')'))
                    b--;
                if (v[b] == '.' || v[b] == '?' || v[b] == '!') st = i;
            }
        size_t at, l = st ? cd_parts_syndication_name(v + st, vl - st, &at) : 0;
        if (l) {
            kind = CD_PARTS_CREDIT_LINE;
            S_credit_set(p, v + st + at, l);
            if (!p->keep)
                cd_extract_cut_as(p->x, p->dom, p->last_text, (uint32_t)st, (uint32_t)(n->len - st), CD_WHY_CREDIT);
        }
    }
    /* "Heba Habib contributed to this report." (or "With files from The
     * Canadian Press") above a few closing blocks (a "Read more" list, the
     * author's bio): the contributor line still closes the story. Only those
     * forms, so deep in the tail. */
    for (unsigned b = CD_NEWS_LAST; !kind && b < CD_NEWS_CONTRIB; b++) {
        cd_nid blk = p->tail[b];
        if (!blk || cd_news_marked(p, blk) || (p->nfirst && blk == p->first[0]) || S_in_byline(p, blk))
            continue;
        cd_news_gather(p, blk, CD_NONE, 1, &t);
        const char *ls = t.s;
        size_t ln = t.n;
        cd_parts_trim(&ls, &ln);
        if (t.more ||
            !(cd_contains_nocase(t.s, t.n, "contributed") || cd_parts_starts(ls, ln, "with files from ")) ||
            cd_parts_credit_line(t.s, t.n) != CD_PARTS_CREDIT_LINE)
            continue;
        kind = CD_PARTS_CREDIT_LINE;
        S_credit_set(p, t.s, t.n);
        if (!p->keep) cd_extract_drop_as(p->x, blk, CD_WHY_CREDIT);
    }
    /* A contributor line set as a heading after the story ("<h2>AP writers …
     * contributed to this report.</h2>"): only that form. */
    if (!kind && p->tail_heading && !cd_news_marked(p, p->tail_heading)) {
        cd_news_gather(p, p->tail_heading, CD_NONE, 1, &t);
        if (!t.more && cd_contains_nocase(t.s, t.n, "contributed") &&
            cd_parts_credit_line(t.s, t.n) == CD_PARTS_CREDIT_LINE) {
            kind = CD_PARTS_CREDIT_LINE;
            S_credit_set(p, t.s, t.n);
            if (!p->keep) cd_extract_drop_as(p->x, p->tail_heading, CD_WHY_CREDIT);
        }
    }
    /* The closing block is one run of lines (<br>-separated paragraphs in
     * one element): its last line, a text of its own, may be the credit
     * ("<br><br><i>Source: China Daily/Agencies</i>"). */
    if (!kind && p->last_text && !cd_news_marked(p, p->last_text) &&
        (S_own_line(p->dom, p->last_text) || S_after_block(p->dom, p->last_text))) {
        const cd_node *n = cd_dom_node(p->dom, p->last_text);
        int k2 = n->len <= CD_PARTS_CREDIT_MAX ? cd_parts_credit_line(n->u.text, n->len) : CD_PARTS_CREDIT_NONE;
        if (k2 == CD_PARTS_CREDIT_LINE || k2 == CD_PARTS_CREDIT_SOURCE) {
            kind = CD_PARTS_CREDIT_LINE;
            const char *v = n->u.text;
            size_t vl = n->len;
            cd_parts_trim(&v, &vl);
            /* "Source: X": the value without its label. */
            size_t lab = S_source_lead(v, vl);
            if (lab && lab < vl) v += lab, vl -= lab;
            S_credit_set(p, v, vl);
            if (!p->keep)
                cd_extract_cut_as(p->x, p->dom, p->last_text, 0, (uint32_t)n->len, CD_WHY_CREDIT);
        }
    }
    /* "Sporting Life / Eurosport" closing the story, a line of its own
     * (spec eurosport-warnock-lane, uk.eurosport.yahoo.com): names joined
     * by a spaced slash, one of them the site's own name or a wire, the
     * others capitalised names (S_outlets_and_site). */
    if (!kind && p->last_text && !cd_news_marked(p, p->last_text) && !S_in_link(p->dom, p->last_text) &&
        (S_own_line(p->dom, p->last_text) || S_after_block(p->dom, p->last_text))) {
        const cd_node *n = cd_dom_node(p->dom, p->last_text);
        const char *v = n->u.text;
        size_t vl = n->len;
        cd_parts_trim(&v, &vl);
        if (S_outlets_and_site(p, v, vl)) {
            kind = CD_PARTS_CREDIT_LINE;
            S_credit_set(p, v, vl);
            if (!p->keep) cd_extract_cut_as(p->x, p->dom, p->last_text, 0, (uint32_t)n->len, CD_WHY_CREDIT);
        }
    }
    if (!kind && p->last_text && S_credit_above_tail(p)) kind = CD_PARTS_CREDIT_LINE;
    /* The agency the copyright notice names, by its full name ("The
     * Associated Press"), else the dateline's ("AP"); else a notice naming
     * a wire just after the story. */
    if (!kind && p->foot_contrib) {
        kind = CD_PARTS_CREDIT_LINE;
        S_credit_set(p, p->foot_contrib, strlen(p->foot_contrib));
    }
    if (!kind && !p->foot_agency && !p->agency && !p->m->byline_agency && !p->m->credit && S_after_notice(p))
        kind = CD_PARTS_CREDIT_LINE;
    if (!kind && p->foot_agency) {
        S_credit_set(p, p->foot_agency, strlen(p->foot_agency));
        p->credit_notice = 1;
    }
    else if (!kind && p->agency)
        S_credit_set(p, p->agency, strlen(p->agency));
    else if (!kind && p->m->byline_agency) {
        int stated = p->m->credit != NULL; /* a structured statement stays, with its source */
        S_credit_set(p, p->m->byline_agency, strlen(p->m->byline_agency));
        if (!stated && p->m->credit && p->m->byline_agency_source) p->m->credit_source = p->m->byline_agency_source;
    }
    if (!kind && !p->agency) cd_news_wire_byline(p->m);
    if (!kind && !p->m->credit) {
        const char *w = S_byline_wire(p);
        if (w) S_credit_set(p, w, strlen(w));
    }
}

static int S_names_host(const cd_news_ctx *p, const char *name, size_t n);
static int S_name_like(const char *s, size_t n);

/* Is s one host name ("mtv.com"): letters, digits, '-' and dots, a dot
 * before two to six closing letters? */
static int S_host_name(const char *s, size_t n)
{
    size_t dot = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.') dot = i;
        else if (!cd_isalnum(c) && c != '-') return 0;
    }
    if (!dot || n - dot - 1 < 2 || n - dot - 1 > 6) return 0;
    for (size_t i = dot + 1; i < n; i++)
        if (!cd_isalpha((unsigned char)s[i])) return 0;
    return 1;
}

/* Is text node k inside a picture's caption or box (a figure, a
 * figcaption, a caption- or photo-classed element, six levels up)? The
 * picture's "Source: Supplied" (Readability herald-sun-1). */
static int S_in_caption(cd_news_ctx *p, cd_nid k)
{
    cd_nid a = cd_dom_node(p->dom, k)->parent;
    for (unsigned up = 0; a && up < 6; up++, a = cd_dom_node(p->dom, a)->parent) {
        const cd_node *e = cd_dom_node(p->dom, a);
        if (e->type != CD_NODE_ELEMENT) break;
        if (e->tag == CD_TAG_FIGURE || e->tag == CD_TAG_FIGCAPTION || cd_news_is_caption_el(p, a) ||
            cd_news_has(p, a, cd_list_class_photo))
            return 1;
    }
    return 0;
}

/* Does a source label's value name a source, not a data office or a
 * survey ("U.S. Census Bureau", "Federal Reserve Board")? As the closing
 * "Source:" line reads it (cd_parts_credit_line). */
static int S_source_value(const char *v, size_t l)
{
    char b[80];
    if (l + 8 > sizeof b) return 0;
    memcpy(b, "Source: ", 8);
    memcpy(b + 8, v, l);
    int k = cd_parts_credit_line(b, l + 8);
    return k == CD_PARTS_CREDIT_SOURCE || k == CD_PARTS_CREDIT_LINE;
}

/* "来源： 网易科学人" in the info line under the headline: the source of the
 * text (Chinese news pages print it so). The value is the rest of the label's
 * text node, else the next text (a link), up to a space. */
void cd_news_source_label(cd_news_ctx *p)
{
    const cd_dom *dom = p->dom;
    if (!p->h1 || p->m->credit) return;
    unsigned seen = 0, texts = 0;
    cd_nid top = cd_dom_root(dom);
    /* past: 1 once the story's first block is reached, 2 once a picture is. */
    int want = 0, lab_ascii = 0, lab_source = 0, past = 0;
    for (cd_nid k = cd_dom_next_skip(dom, p->h1, top); k && seen < CD_NEWS_DECK_NODES; seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (p->nfirst && k == p->first[0]) past |= 1;
        if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_IMG) past |= 2;
        if (n->type == CD_NODE_ELEMENT &&
            ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k))) {
            k = cd_dom_next_skip(dom, k, top);
            continue;
        }
        if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) {
            if (++texts > 16) return;
            const char *v = n->u.text;
            size_t l = n->len;
            while (l && (cd_isspace((unsigned char)*v)))
                v++, l--;
            if (!want) {
                size_t lab = 0;
                const char *const *labels = cd_list_news_source_labels;
                for (size_t i = 0; labels[i] && !lab; i++)
                    if (cd_parts_starts(v, l, labels[i])) lab = strlen(labels[i]);
                lab_ascii = lab && (unsigned char)v[0] < 0x80;
                /* "Source:" only in the info lines above the story's first
                 * block (inside the story it is a chart's or a quote's). */
                lab_source = lab && cd_parts_starts(v, l, "source");
                if (lab_source && (past || S_in_caption(p, k))) return;
                if (lab) {
                    v += lab;
                    l -= lab;
                    want = 1;
                }
            }
            if (want && lab_ascii) {
                /* "Article from: Agence France-Presse": the rest of the line. */
                while (l && cd_isspace((unsigned char)*v))
                    v++, l--;
                while (l && cd_isspace((unsigned char)v[l - 1]))
                    l--;
                if (!l) {
                    k = cd_dom_next(dom, k, top);
                    continue;
                }
                if (l <= 60 && cd_parts_words(v, l) <= 5 && (S_name_like(v, l) || S_host_name(v, l)) &&
                    !S_names_host(p, v, l) && (!lab_source || S_host_name(v, l) || S_source_value(v, l)))
                    S_credit_set(p, v, l);
                return;
            }
            if (want) {
                for (;;) {
                    size_t sk = l && cd_isspace((unsigned char)*v)                   ? 1
                                : (l >= 3 && memcmp(v, "\xE3\x80\x80", 3) == 0) ? 3
                                                                                    : 0;
                    if (!sk) break;
                    v += sk;
                    l -= sk;
                }
                size_t e = 0;
                while (e < l && !cd_isspace((unsigned char)v[e]) &&
                       !(e + 3 <= l && memcmp(v + e, "\xE3\x80\x80", 3) == 0))
                    e++;
                if (e) {
                    if (e <= 60) S_credit_set(p, v, e);
                    return;
                }
            }
        }
        k = cd_dom_next(dom, k, top);
    }
}

static int S_pred_link(cd_news_ctx *p, cd_nid id)
{
    return cd_dom_is(p->dom, id, CD_TAG_A);
}

/* Does a word of name (four letters or more) equal a label of the page's
 * host ("Yahoo Finance" on finance.yahoo.com)? The site's own desk is not
 * the source of a text it publishes. */
static int S_names_host(const cd_news_ctx *p, const char *name, size_t n)
{
    const char *urls[] = {p->page_url, p->m->url}, *lab;
    for (size_t u = 0; u < 2; u++)
        for (size_t at = 0, l; (l = cd_meta_host_label(urls[u], &at, &lab)) != 0;)
            for (size_t w = 0; l >= 4 && w < n;) {
                size_t ws = w;
                while (w < n && cd_isalnum((unsigned char)name[w]))
                    w++;
                if (cd_meta_eq_nocase(name + ws, w - ws, lab, l)) return 1;
                while (w < n && !cd_isalnum((unsigned char)name[w]))
                    w++;
            }
    return 0;
}

/* Is s a name: every word of four letters or more that starts with an ASCII
 * letter capitalised ("Tech Insider", "CNNMoney (New York)"), and no "by"
 * ("Powered by …" is a label)? "Read original" is no name. */
static int S_name_like(const char *s, size_t n)
{
    if (cd_contains_nocase(s, n, " by ")) return 0;
    const char *w;
    for (size_t at = 0, l; (l = cd_next_word(s, n, &at, &w)) != 0;)
        if (l >= 4 && w[0] >= 'a' && w[0] <= 'z') return 0;
    return 1;
}

/* The name in source label el: its link's text when it has one (the label
 * goes on with the time: "CNET Japan 3/9 18:45配信"), else its own text; a
 * name of one to five words that is neither a date nor the site itself. */
static int S_ends_job(const char *s, size_t n);

static int S_source_name(cd_news_ctx *p, cd_nid el, int bureau)
{
    if (cd_news_has(p, el, cd_list_class_photo)) return 0;
    cd_nid up = el;
    for (unsigned d = 0; up && d < 4; d++, up = cd_dom_node(p->dom, up)->parent)
        if (cd_news_has(p, up, cd_list_class_share)) return 0;
    if (cd_meta_in_link_card(p->dom, el) || cd_news_find(p, el, cd_news_pred_img) ||
        cd_news_find(p, el, cd_news_is_caption_el) != CD_NONE)
        return 0;
    /* Right after a picture ("<img><p class=source>Jamal Saidi/Reuters</p>
     * <p class=caption>…"): the picture's credit. */
    for (cd_nid k = cd_dom_node(p->dom, el)->prev; k; k = cd_dom_node(p->dom, k)->prev) {
        const cd_node *n = cd_dom_node(p->dom, k);
        if (n->type == CD_NODE_TEXT && cd_news_space_text(n)) continue;
        if (cd_dom_is(p->dom, k, CD_TAG_IMG)) return 0;
        break;
    }
    cd_nid a = cd_news_find(p, el, S_pred_link);
    cd_news_text t;
    cd_news_gather(p, a ? a : el, CD_NONE, 0, &t);
    size_t len;
    char *c = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &len);
    char date[CD_META_DATE_LEN];
    /* A name: capitalised (or in a script without case), not a label
     * ("by:", "View Article Sources") nor a sentence ("editorial policy."). */
    if (!c || len > 60 || !((c[0] >= 'A' && c[0] <= 'Z') || (unsigned char)c[0] >= 0x80) ||
        memchr(c, ':', len) || c[len - 1] == '.' || cd_contains_nocase(c, len, "source") ||
        !cd_parts_words(c, len) || cd_parts_words(c, len) > 5 || !S_name_like(c, len) ||
        cd_parts_not_deck(c, len) || cd_meta_date_norm(c, len, 0, 0, date) ||
        S_names_host(p, c, len))
        return 0;
    /* A writer's job is no source: "Palm Beach Post Staff Writer" classed
     * source under the byline (l3s-gn1; the site's own staff, a false wire
     * credit found by h/wire5's hand-check). */
    if (S_ends_job(c, len)) return 0;
    /* The site itself is no source; in a footer, its desk with a place
     * ("CNNMoney (New York)") says where the story was filed and is. */
    const char *site = p->m->site_name;
    if (site && cd_meta_site_like(c, len, site, strlen(site)) &&
        (!bureau || cd_meta_eq_nocase(c, len, site, strlen(site))))
        return 0;
    S_credit_set(p, c, len);
    return 1;
}

int cd_news_pred_source(cd_news_ctx *p, cd_nid id)
{
    return cd_news_has(p, id, cd_list_class_source) || cd_news_camel_has(p->dom, id, cd_list_class_source);
}

/* The closing block that holds the story's source label and its time stamp
 * ("<span class=cnnStorySource>CNNMoney (New York)</span> <span>First
 * published February 1, 2016</span>"): the label gives the credit, and the
 * footer leaves the text with it (unless keep_parts). CD_PARTS_CREDIT_LINE
 * when a credit was read. */
static int S_source_footer(cd_news_ctx *p, cd_nid blk)
{
    cd_nid src = cd_news_find(p, blk, cd_news_pred_source);
    if (!src || src == blk) return CD_PARTS_CREDIT_NONE;
    cd_news_text t;
    cd_news_gather(p, blk, src, 1, &t);
    char date[CD_META_DATE_LEN];
    if (t.more || t.n > 120 || cd_meta_date_norm(t.s, t.n, 0, 0, date) < 10)
        return CD_PARTS_CREDIT_NONE;
    const char *before = p->m->credit;
    if (!S_source_name(p, src, 1) || p->m->credit == before) return CD_PARTS_CREDIT_NONE;
    if (!p->keep) cd_extract_drop_as(p->x, blk, CD_WHY_CREDIT);
    return CD_PARTS_CREDIT_LINE;
}

/* A source label by the headline (before the body) or in the signature
 * right after the body: the provider of a syndicated story. */
void cd_news_source_class(cd_news_ctx *p)
{
    const cd_dom *dom = p->dom;
    if (p->m->credit) return;
    cd_nid top = cd_dom_root(dom);
    if (p->h1) {
        unsigned seen = 0, texts = 0;
        for (cd_nid k = cd_dom_next_skip(dom, p->h1, top); k && seen < CD_NEWS_DECK_NODES; seen++) {
            const cd_node *n = cd_dom_node(dom, k);
            if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) {
                if (++texts > 16 || cd_news_rendered(p, k)) break; /* the body has begun */
            } else if (n->type == CD_NODE_ELEMENT) {
                if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k) ||
                    n->tag == CD_TAG_FIGURE) {
                    k = cd_dom_next_skip(dom, k, top);
                    continue;
                }
                if (cd_news_has(p, k, cd_list_class_source) && S_source_name(p, k, 0)) return;
            }
            k = cd_dom_next(dom, k, top);
        }
    }
    /* The signature after the body: the first elements after the last
     * content root or after one of its two nearest ancestors. */
    cd_nid a = p->x->roots[p->x->nroots - 1];
    for (unsigned up = 0; a && up < 3; up++, a = cd_dom_node(dom, a)->parent) {
        unsigned els = 0;
        for (cd_nid e = cd_dom_node(dom, a)->next; e && els < 2; e = cd_dom_node(dom, e)->next) {
            if (cd_dom_node(dom, e)->type != CD_NODE_ELEMENT) continue;
            els++;
            if (!cd_extract_node_visible(dom, e)) continue;
            unsigned seen = 0;
            for (cd_nid k = e; k && seen < 16; k = cd_dom_next(dom, k, e), seen++)
                if (cd_dom_node(dom, k)->type == CD_NODE_ELEMENT && cd_news_has(p, k, cd_list_class_source))
                    if (S_source_name(p, k, 0)) return;
        }
    }
}

/* The length of the source label text v[0..l) opens with ("Source: "), 0
 * when none. */
static size_t S_source_lead(const char *v, size_t l)
{
    const char *const *labels = cd_list_news_photo_source_labels;
    for (size_t i = 0; labels[i]; i++)
        if (cd_parts_starts(v, l, labels[i])) return strlen(labels[i]);
    if (cd_parts_starts(v, l, "sources:")) return 8; /* "Sources: A, B" */
    return 0;
}

/* "Staff and agencies", "Guardian staff and agencies", "AP and staff": a
 * list of wires and the paper's own staff, a wire among them (the Guardian's
 * byline of agency copy: l3s-gn1 guardian-windies-win). */
static int S_staff_and_wires(const char *s, size_t n)
{
    size_t pos = 0, x, y, parts = 0;
    int wire = 0;
    while (cd_parts_list_next(s, n, &pos, 0, &x, &y)) {
        if (y == x) return 0;
        if (cd_parts_is_agency(s + x, y - x) && !cd_parts_photo_agency(s + x, y - x)) {
            wire = 1;
        } else {
            /* "Staff", "Guardian staff": its last word. */
            size_t w = y;
            while (w > x && s[w - 1] != ' ')
                w--;
            if (!cd_eq_nocase(s + w, y - w, "staff") || cd_parts_words(s + x, y - x) > 3) return 0;
        }
        parts++;
    }
    return wire && parts >= 2 && parts <= 3;
}

/* Does s[0..n) end with a newsroom job ("Writer")? */
static int S_ends_job(const char *s, size_t n)
{
    size_t w = n;
    while (w && s[w - 1] != ' ')
        w--;
    return w && cd_wordset_has(&cd_list_newsroom_jobs, s + w, n - w);
}

/* "NAME[ and NAME], AGENCY[; PAPER]" or "AGENCY; REST": a byline box's
 * line without "By" naming a wire or a news service (cd_parts_is_agency)
 * after the writers' names, a short part after a semicolon (the paper that
 * ran it, "with files from Reuters"). 1 and the agency in s[*a, *b) (the
 * whole line when no name opens it). */
static int S_service_byline(const char *s, size_t n, size_t *a, size_t *b)
{
    const char *semi = memchr(s, ';', n);
    size_t e = semi ? (size_t)(semi - s) : n;
    if (semi && cd_parts_words(semi + 1, n - e - 1) > 6) return 0;
    size_t c = e;
    while (c && s[c - 1] != ',')
        c--;
    size_t x = c, y = e;
    while (x < y && s[x] == ' ')
        x++;
    while (y > x && s[y - 1] == ' ')
        y--;
    if (y <= x || y - x > 48 || !(s[x] >= 'A' && s[x] <= 'Z')) return 0;
    if (!c) {
        if (!semi) return 0; /* a wire's name alone: read above */
    } else {
        /* The writers' names first (the cheaper test). */
        size_t ne = c - 1;
        while (ne && s[ne - 1] == ' ')
            ne--;
        if (!ne || !(s[0] >= 'A' && s[0] <= 'Z') || cd_parts_words(s, ne) > 8 || !S_name_like(s, ne) ||
            memchr(s, ':', ne) || cd_parts_starts(s, ne, "by "))
            return 0;
        for (size_t i = 0; i < ne; i++)
            if (cd_isdigit((unsigned char)s[i])) return 0;
    }
    if (!cd_parts_is_agency(s + x, y - x) || cd_parts_photo_agency(s + x, y - x)) return 0;
    /* "CanWest News Service; with files from Reuters": the sources, the
     * whole line. */
    if (!c) y = n;
    *a = x;
    *b = y;
    return 1;
}

/* Is text node k (not in a link, a caption or a picture's box) a wire's
 * name alone, or a "Source:" label whose value (the rest of the text, else
 * the next text) is one? Then the credit is set, the texts cut from the
 * text (unless keep_parts), and 1 returned. */
/* "LONDON<br><br>THE ASSOCIATED PRESS<br><br>British authorities on …"
 * (round 16 ngnews-hybrid-embryos, a small paper's template for wire copy):
 * a place in capitals on a line of its own just above the line naming the
 * wire alone. The text before the wire's line k, when it is one to three
 * words in capitals (no lower-case letter, no month, weekday or label, no
 * agency), not the headline, not in a link, a text of the same element as
 * k, and ends its line (a <br> or the end of its block after it) while k
 * opens one: the dateline, cut. */
static void S_place_above_wire(cd_news_ctx *p, cd_nid k)
{
    const cd_dom *dom = p->dom;
    if (p->m->dateline || !(S_own_line(dom, k) || S_after_block(dom, k))) return;
    unsigned seen = 0;
    cd_nid q = S_text_before(p, k, &seen);
    if (!q || S_in_link(dom, q) || (p->head && (q == p->head || cd_news_inside(dom, q, p->head)))) return;
    const cd_node *n = cd_dom_node(dom, q);
    /* Two plain lines of one block: a label in an element of its own (a
     * kicker's span, a section's link) is none. */
    if (n->parent != cd_dom_node(dom, k)->parent) return;
    const char *v = n->u.text;
    size_t l = n->len;
    cd_parts_trim(&v, &l);
    if (l < 3 || l > 30) return;
    for (size_t i = 0; i < l; i++)
        if (v[i] >= 'a' && v[i] <= 'z') return;
    if (!cd_parts_place_words(v, 0, l, 0) || cd_parts_is_agency(v, l)) return;
    /* (A section's label in capitals there is no place: "WORLD".) */
    if (p->m->section && cd_meta_eq_nocase(v, l, p->m->section, strlen(p->m->section))) return;
    for (cd_nid a = n->parent, d = 0; a && d < 4; a = cd_dom_node(dom, a)->parent, d++) {
        const cd_node *e = cd_dom_node(dom, a);
        if (e->type == CD_NODE_ELEMENT && (cd_tag_flags(e->tag) & CD_TF_HEADING)) return;
        if (cd_news_is_caption_el(p, a)) return;
    }
    /* Its line ends after it: a <br> next, or the end of its block. */
    cd_nid x = q;
    for (unsigned up = 0;; up++) {
        cd_nid s2 = cd_dom_node(dom, x)->next;
        while (s2 && cd_dom_node(dom, s2)->type == CD_NODE_TEXT && cd_news_space_text(cd_dom_node(dom, s2)))
            s2 = cd_dom_node(dom, s2)->next;
        if (s2) {
            if (!cd_dom_is(dom, s2, CD_TAG_BR) && !(cd_tag_flags(cd_dom_node(dom, s2)->tag) & CD_TF_BLOCK)) return;
            break;
        }
        x = cd_dom_node(dom, x)->parent;
        if (!x || up >= 3) return;
        if (cd_tag_flags(cd_dom_node(dom, x)->tag) & CD_TF_BLOCK) break;
    }
    p->m->dateline = cd_news_clean(p, v, l);
    if (!p->m->dateline) return;
    p->m->dateline_source = "visible";
    if (!p->keep && cd_news_rendered(p, q)) cd_extract_cut_as(p->x, dom, q, 0, n->len, CD_WHY_DATELINE);
}

/* Is s a list of two or three names joined by '/' (and ',', '&', "and"
 * after one slash at least), each a wire (never a photo agency) or the site's own name, one a wire at
 * least ("PA Sport/Sportal" in the author slot of sportal.com.au, l3s-gn1
 * sportal-gamez-hope; "AP/Reuters")? A photographer's "Name/Reuters" names a
 * person: no. */
static int S_wires_and_site(const cd_news_ctx *p, const char *s, size_t n)
{
    if (n > 60 || !memchr(s, '/', n)) return 0;
    size_t pos = 0, x, y;
    unsigned parts = 0, wires = 0;
    const char *site = p->m->site_name;
    while (cd_parts_list_next(s, n, &pos, 0, &x, &y)) {
        if (y == x || ++parts > 3) return 0;
        if (cd_parts_is_agency(s + x, y - x)) {
            if (cd_parts_photo_agency(s + x, y - x)) return 0;
            wires++;
        } else if (!(site && cd_meta_site_like(s + x, y - x, site, strlen(site))))
            return 0;
    }
    return parts >= 2 && wires > 0;
}

static int S_agency_text(cd_news_ctx *p, cd_nid k, int labelled)
{
    const cd_dom *dom = p->dom;
    const cd_node *n = cd_dom_node(dom, k);
    for (cd_nid a = n->parent, d = 0; a && d < 4; a = cd_dom_node(dom, a)->parent, d++)
        if (cd_dom_is(dom, a, CD_TAG_A) || cd_dom_is(dom, a, CD_TAG_FIGURE) || cd_news_is_caption_el(p, a))
            return 0;
    if (S_by_picture(dom, n->parent)) return 0;
    const char *v = n->u.text;
    size_t l = n->len;
    cd_parts_trim(&v, &l);
    size_t lead = S_source_lead(v, l);
    if (labelled && !lead) return 0;
    cd_nid val = k;
    if (lead) {
        v += lead, l -= lead;
        cd_parts_trim(&v, &l);
        if (!l) {
            /* "<strong>Source: </strong> Press Association": the next text. */
            val = CD_NONE;
            unsigned seen = 0;
            for (cd_nid q = cd_dom_next(dom, k, cd_dom_root(dom)); q && seen < 8;
                 q = cd_dom_next(dom, q, cd_dom_root(dom)), seen++) {
                const cd_node *qn = cd_dom_node(dom, q);
                if (qn->type == CD_NODE_ELEMENT && (cd_tag_flags(qn->tag) & CD_TF_BLOCK)) break;
                if (qn->type == CD_NODE_TEXT && !cd_news_space_text(qn)) {
                    val = q;
                    break;
                }
            }
            if (!val) return 0;
            v = cd_dom_node(dom, val)->u.text;
            l = cd_dom_node(dom, val)->len;
            cd_parts_trim(&v, &l);
        }
    }
    size_t cl;
    char *c = l <= 40 || (!lead && l <= 100 && (memchr(v, ',', l) || memchr(v, ';', l)))
                  ? cd_meta_clean(p->arena, v, l, &cl)
                  : NULL;
    if (!c || (cl <= 40 && cd_parts_photo_agency(c, cl))) return 0;
    if (!lead) {
        /* "Murray McCormick, Canwest News Service; Regina Leader-Post", "KEN
         * WARREN, CanWest News Service", "CanWest News Service; with files
         * from Reuters" (l3s-gn1, canada.com pages; round 3's
         * leaderpost-austin-rebels): the writers' byline box naming the
         * service beside them, no "By". The service is the credit; the line
         * stays in the text (its names may be no author of authors). */
        size_t sa, sb;
        if (S_service_byline(c, cl, &sa, &sb)) {
            S_credit_set(p, c + sa, sb - sa);
            return 1;
        }
        if (cl > 40) return 0;
    }
    /* "(AFP) Saturday 12 January 2008" (round 16 fifa-etoo-barca-murcia:
     * the credits line under the headline): a wire's name in parentheses
     * opening the line, the story's date alone after it. */
    int wire_date = 0;
    if (!lead && cl > 4 && c[0] == '(') {
        size_t r = 1;
        while (r < cl && c[r] != ')')
            r++;
        char dt[CD_META_DATE_LEN];
        size_t ra = r + 1;
        while (ra < cl && c[ra] == ' ')
            ra++;
        if (r < cl && r > 1 && S_wires_only(c, 1, r) &&
            (ra == cl || cd_meta_date_norm(c + ra, cl - ra, 1, 0, dt))) {
            c += 1, cl = r - 1;
            wire_date = 1;
        }
    }
    if (!lead && !wire_date) {
        /* "<b>By CP</b>" (l3s-gn1 winnipegsun-podium-canuck): a byline naming
         * a wire alone. */
        if (cl > 3 && cd_parts_starts(c, cl, "by ") && cd_parts_is_agency(c + 3, cl - 3) &&
            !cd_parts_photo_agency(c + 3, cl - 3))
            c += 3, cl -= 3;
        /* "By DOUG FERGUSON<BR>AP Golf Writer" (l3s-gn1 myfoxtoledo-choi-sony):
         * the writer's job under a wire's name, a line of its own. */
        else if (S_ends_job(c, cl) && !cd_parts_is_agency(c, cl)) {
            size_t best = 0, w = 0;
            for (unsigned words = 0; w < cl && words < 4; words++) {
                while (w < cl && c[w] != ' ')
                    w++;
                if (cd_parts_is_agency(c, w) && !cd_parts_photo_agency(c, w)) best = w;
                while (w < cl && c[w] == ' ')
                    w++;
            }
            if (best && S_wire_job(c, cl, best, 0) && !cd_contains_nocase(c, cl, "photo")) cl = best;
        }
        /* "Jalilur Rehman | AFP": a writer's name, a spaced bar and a wire
         * (issue #12's byline-slot shape, no "By"; tools/credit_audit.py
         * cr-byname). The name: up to four capitalised words. */
        else {
            size_t b = cl;
            while (b > 2 && !(c[b - 1] == ' ' && c[b - 2] == '|' && c[b - 3] == ' '))
                b--;
            if (b > 3 && b < cl && cd_parts_is_agency(c + b, cl - b) && !cd_parts_photo_agency(c + b, cl - b) &&
                c[0] >= 'A' && c[0] <= 'Z' && cd_parts_words(c, b - 3) <= 4 && S_name_like(c, b - 3))
                c += b, cl -= b;
        }
    }
    /* After a "Source:" label, a news provider's name the agency list does
     * not know ("Source: ITN", Channel 4 News: l3s-gn1 channel4-taupo-murder):
     * a name of up to four capitalised words, no date, not the site. */
    char date[CD_META_DATE_LEN];
    if (!cd_parts_is_agency(c, cl) && !S_staff_and_wires(c, cl) && !(!lead && S_wires_and_site(p, c, cl)) &&
        !(lead && c[0] >= 'A' && c[0] <= 'Z' && cd_parts_words(c, cl) <= 4 && S_name_like(c, cl) &&
          !memchr(c, ':', cl) && !cd_meta_date_norm(c, cl, 0, 0, date) && !S_names_host(p, c, cl) &&
          !(p->m->site_name && cd_meta_site_like(c, cl, p->m->site_name, strlen(p->m->site_name)))))
        return 0;
    if (labelled) p->m->credit = NULL; /* the label names the source more closely than the notice */
    S_credit_set(p, c, cl);
    if (!lead && val == k) S_place_above_wire(p, k);
    if (!p->keep) {
        if (cd_news_rendered(p, val)) cd_extract_cut_as(p->x, dom, val, 0, cd_dom_node(dom, val)->len, CD_WHY_CREDIT);
        if (val != k && cd_news_rendered(p, k)) cd_extract_cut_as(p->x, dom, k, 0, n->len, CD_WHY_CREDIT);
    }
    return 1;
}

/* Is s[0..n) a person's name without "By": two or three words, each in
 * capitals ("KEN WARREN") or opening with a capital and going on in small
 * letters ("Robert Fife", "McGrattan"), an initial ("J.") among them, none
 * a stop, date or newsroom word ("Top Stories", "Game Notes" are headings:
 * their tail never names a job or a wire, below)? */
static int S_bare_name(const char *s, size_t n)
{
    unsigned words = 0, initials = 0;
    const char *w;
    for (size_t at = 0, l; (l = cd_next_word(s, n, &at, &w)) != 0;) {
        if (++words > 3 || !(w[0] >= 'A' && w[0] <= 'Z')) return 0;
        if (l == 2 && w[1] == '.') {
            initials++;
            continue;
        }
        if (l < 2 || cd_wordset_has(&cd_list_name_stop_words, w, l) ||
            cd_wordset_has(&cd_list_date_filler_words, w, l) || cd_wordset_has(&cd_list_newsroom_jobs, w, l))
            return 0;
        for (size_t i = 1; i < l; i++)
            if (!cd_isalpha((unsigned char)w[i]) && w[i] != '-' && w[i] != '\'' && w[i] != '.') return 0;
    }
    return words >= 2 && words - initials >= 2;
}

/* Does tail t[0..n) name a newsroom job ("AP Business Writer", "Staff
 * Writers", "CTV Ottawa Bureau Chief") or a wire or news service
 * ("CanWest News Service", cd_parts_is_agency, never a photo agency)? Up to
 * five words, each opening with a capital. */
static int S_job_or_wire(const char *t, size_t n)
{
    if (!n || n > 48 || !(t[0] >= 'A' && t[0] <= 'Z')) return 0;
    unsigned words = 0;
    const char *w, *last = NULL;
    size_t ll = 0;
    for (size_t at = 0, l; (l = cd_next_word(t, n, &at, &w)) != 0;) {
        if (++words > 5 || !(w[0] >= 'A' && w[0] <= 'Z')) return 0;
        last = w, ll = l;
    }
    if (cd_parts_is_agency(t, n)) return !cd_parts_photo_agency(t, n);
    if (ll > 1 && last[ll - 1] == 's') ll--; /* "Writers" */
    return cd_wordset_has(&cd_list_newsroom_jobs, last, ll) ||
           (n >= 12 && cd_eq_nocase(t + n - 12, 12, "bureau chief"));
}

/* Does blk sit beside a picture: its element before or after an <img>,
 * or right after a picture's own box (S_by_picture's second test)? A
 * photographer's "JOHN DOE, AP" sits so. Not any <img> under the same
 * parent (a 1-pixel spacer above the story's headline, l3s b34e22da). */
static int S_picture_beside(const cd_dom *dom, cd_nid blk)
{
    for (int dir = 0; dir < 2; dir++) {
        cd_nid q = dir ? cd_dom_node(dom, blk)->next : cd_dom_node(dom, blk)->prev;
        while (q && cd_dom_node(dom, q)->type == CD_NODE_TEXT && S_blank(cd_dom_node(dom, q)))
            q = dir ? cd_dom_node(dom, q)->next : cd_dom_node(dom, q)->prev;
        if (q && cd_dom_is(dom, q, CD_TAG_IMG)) return 1;
    }
    return S_by_picture_box(dom, blk);
}

/* A writer's byline without "By" at the story's head, a line of its own:
 * a name, a comma, and a newsroom job or a wire ("KEN WARREN, CanWest News
 * Service", l3s f4d9f949; "Robert Fife, CTV Ottawa Bureau Chief", l3s
 * b34e22da): the author, when the page named none. Looked for among the
 * first texts after the headline, up to the story's prose, never in a
 * link, a caption or by a picture (a photographer's "JOHN DOE, AP"). The
 * line leaves the text (unless keep_parts); a "NAME, AGENCY" line the
 * agency reader takes as the credit (S_service_byline) stays when the page
 * names its author elsewhere. */
void cd_news_name_byline(cd_news_ctx *p)
{
    if (p->m->nauthors || !p->head) return;
    const cd_dom *dom = p->dom;
    S_head_walk w = {0};
    for (const cd_node *n; (n = S_head_next(p, &w)) != NULL;) {
        const char *v = n->u.text;
        size_t l = n->len;
        cd_parts_trim(&v, &l);
        if (l > 100) return; /* the body has begun */
        const char *comma = memchr(v, ',', l);
        if (!comma || !(v[0] >= 'A' && v[0] <= 'Z') || l < 8) continue;
        size_t cl;
        char *c = cd_meta_clean(p->arena, v, l, &cl);
        if (!c || cl > 80 || memchr(c, ';', cl) || memchr(c, '|', cl) || cd_contains_nocase(c, cl, "photo")) continue;
        const char *cm = memchr(c, ',', cl);
        if (!cm || memchr(cm + 1, ',', cl - (size_t)(cm + 1 - c))) continue;
        size_t ne = (size_t)(cm - c), ts = ne + 1, te = cl;
        while (ts < te && c[ts] == ' ')
            ts++;
        while (te > ts && (c[te - 1] == ' ' || c[te - 1] == '.'))
            te--;
        if (!S_bare_name(c, ne) || !S_job_or_wire(c + ts, te - ts)) continue;
        cd_nid k = w.k;
        int bad = S_in_link(dom, k) || S_picture_beside(dom, n->parent) || !S_alone(dom, k);
        for (cd_nid a = n->parent, d = 0; !bad && a && d < 4; a = cd_dom_node(dom, a)->parent, d++)
            bad = cd_dom_is(dom, a, CD_TAG_FIGURE) || cd_news_is_caption_el(p, a);
        if (bad) continue;
        if (!cd_meta_authors_add(p->m, p->arena, c, ne, 0)) return;
        p->m->author_source = "visible";
        /* Read as the byline, the line leaves the text as a "By" line does. */
        if (!p->keep && cd_news_rendered(p, k)) cd_extract_cut_as(p->x, dom, k, 0, n->len, CD_WHY_BYLINE);
        return;
    }
}

/* A wire's logo alone in its block by the headline, no text beside it
 * ("<h3><img src="images/thecanadianpress_logo.gif"></h3>" in the byline
 * slot, l3s-gn1 brandonsun-shrek-musical, round 16): the wire its file
 * names (cd_parts_agency_logo), its alt empty or a wire; or a logo file
 * whose alt is a wire. Links are
 * passed over by the caller (a partner's badge links away). */
static int S_logo_credit(cd_news_ctx *p, cd_nid k)
{
    const cd_dom *dom = p->dom;
    size_t sl = 0, al = 0;
    const char *src = cd_dom_attr(dom, k, "src", &sl);
    if (!src) return 0;
    const char *g = cd_parts_agency_logo(src, sl);
    const char *alt = cd_dom_attr(dom, k, "alt", &al);
    if (alt) cd_parts_trim(&alt, &al);
    if (alt && al && !cd_parts_is_agency(alt, al)) return 0;
    /* (A logo file the wire's name does not spell, its alt the wire:
     * "logoCPenm.gif" alt "Canadian Press", l3s-gn1 eastottawa-airlines-
     * disabled, round 11.) */
    if (!g && alt && al && !cd_parts_photo_agency(alt, al) && cd_contains_nocase(src, sl, "logo")) g = alt;
    if (!g) return 0;
    cd_nid blk = cd_dom_node(dom, k)->parent;
    for (unsigned d = 0; blk && !(cd_tag_flags(cd_dom_node(dom, blk)->tag) & CD_TF_BLOCK); d++) {
        if (d >= 3) return 0;
        blk = cd_dom_node(dom, blk)->parent;
    }
    if (!blk) return 0;
    for (cd_nid q = cd_dom_next(dom, blk, blk); q; q = cd_dom_next(dom, q, blk)) {
        const cd_node *qn = cd_dom_node(dom, q);
        if (qn->type == CD_NODE_TEXT && !cd_news_space_text(qn)) return 0;
        if (q != k && qn->type == CD_NODE_ELEMENT && qn->tag == CD_TAG_IMG) return 0;
    }
    S_credit_set(p, g, g == alt ? al : strlen(g));
    return p->m->credit != NULL;
}

/* A line by the headline that is only a wire's name ("<h3>The Associated
 * Press</h3>", "BY TOM CANAVAN<br>ASSOCIATED PRESS"), or a "Source:" label
 * naming one ("<li><strong>Source: </strong>Press Association</li>" in the
 * story's head): the source of the text, when nothing else gave one. Looked
 * for among the first texts after the headline, up to the first sentence of
 * prose, then among the few before it. */
void cd_news_agency_line(cd_news_ctx *p)
{
    const cd_dom *dom = p->dom;
    /* A credit from a copyright notice yields to a "Source:" label by the
     * headline ("Source: Press Association" over "Copyright PA Sport 2007":
     * l3s-gn1 peterboroughtoday-sale-leeds). */
    int labelled = p->m->credit && p->credit_notice;
    if (p->m->credit && !labelled) return;
    unsigned seen = 0, texts = 0;
    int reached = 0; /* the walk from the headline stopped at the story's prose */
    cd_nid top = cd_dom_root(dom);
    for (cd_nid k = p->head ? cd_dom_next_skip(dom, p->head, top) : CD_NONE; k && seen < CD_NEWS_DECK_NODES; seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT) {
            if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k) || n->tag == CD_TAG_A ||
                n->tag == CD_TAG_FIGURE || n->tag == CD_TAG_FIGCAPTION || cd_news_is_caption_el(p, k)) {
                k = cd_dom_next_skip(dom, k, top);
                continue;
            }
            if (n->tag == CD_TAG_IMG && !labelled && S_logo_credit(p, k)) return;
        } else if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) {
            if (++texts > 12) break;
            const char *v = n->u.text;
            size_t l = n->len;
            cd_parts_trim(&v, &l);
            if (l > 100) { /* the body has begun */
                reached = p->nfirst && (k == p->first[0] || cd_news_inside(dom, k, p->first[0]));
                break;
            }
            if (S_agency_text(p, k, labelled)) return;
        }
        k = cd_dom_next(dom, k, top);
    }
    /* Just above the story's first block: a byline box the walk from the
     * headline did not reach (teaser boxes and a picture between: "Press
     * Trust Of India" over the place-and-date line, l3s-gn1; tools/
     * credit_audit.py cr-slot). The few short texts there, up to prose;
     * not when the walk from the headline ran into the story's prose. */
    seen = texts = 0;
    for (cd_nid k = p->nfirst && !reached ? p->first[0] : CD_NONE; k && (k = S_text_before(p, k, &seen));) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->len > 100) break;
        if (S_in_link(dom, k)) continue; /* a share bar's links */
        if (++texts > 8) break;
        if (p->head && (k == p->head || cd_news_inside(dom, k, p->head))) break; /* walked from the headline already */
        const char *v = n->u.text;
        size_t l = n->len;
        cd_parts_trim(&v, &l);
        /* Only a wire's name, "By" and one, or a "Source:" label (a cheap
         * test first: this walk runs on many pages). */
        if (l > 2 && (v[0] >= 'A' && v[0] <= 'Z') &&
            (S_source_lead(v, l) ||
             (l <= 40 && (cd_parts_is_agency(v, l) || (l > 3 && cd_parts_starts(v, l, "by ") && cd_parts_is_agency(v + 3, l - 3))))) &&
            S_agency_text(p, k, labelled))
            return;
    }
    /* Before the headline: a "Source:" label of the story's info box. */
    if (!p->head) return;
    seen = texts = 0;
    for (cd_nid k = cd_dom_prev(dom, p->head); k && seen < CD_NEWS_DECK_NODES && texts < 24; k = cd_dom_prev(dom, k), seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type != CD_NODE_TEXT || cd_news_space_text(n)) continue;
        const cd_node *par = cd_dom_node(dom, n->parent);
        if (par->type == CD_NODE_ELEMENT && (cd_tag_flags(par->tag) & CD_TF_SKIP)) continue;
        texts++;
        const char *v = n->u.text;
        size_t l = n->len;
        cd_parts_trim(&v, &l);
        if (S_source_lead(v, l) && S_agency_text(p, k, labelled)) return;
    }
}

/* The length of a dash leading a sign-off ("- ", "-- ", "— ", "– "), 0 for
 * none. */
static size_t S_signoff_dash(const char *s, size_t n)
{
    size_t a = 0;
    if (n >= 2 && s[0] == '-' && s[1] == '-')
        a = 2;
    else if (n >= 1 && s[0] == '-')
        a = 1;
    else if (cd_utf8_dash_at(s, n, 0))
        a = 3;
    if (!a || a >= n || s[a] != ' ') return 0;
    while (a < n && s[a] == ' ')
        a++;
    return a;
}

/* s[0..n) without white space (a no-break space too) at either end;
 * dashes stay (cd_parts_trim takes them). */
static void S_ws_trim(const char **s, size_t *n)
{
    const char *a = *s;
    size_t l = *n;
    for (int again = 1; again;) {
        again = 0;
        while (l && cd_isspace((unsigned char)*a))
            a++, l--;
        while (l && cd_isspace((unsigned char)a[l - 1]))
            l--;
        if (l >= 2 && (unsigned char)a[0] == 0xC2 && (unsigned char)a[1] == 0xA0)
            a += 2, l -= 2, again = 1;
        if (l >= 2 && (unsigned char)a[l - 2] == 0xC2 && (unsigned char)a[l - 1] == 0xA0)
            l -= 2, again = 1;
    }
    *s = a, *n = l;
}

/* Is v[0..l) a sign-off: a bare name (S_bare_name), after a dash when dash
 * is set, no wire's name and not the site's? Its name in *ns, *nl. */
static int S_signoff_name(cd_news_ctx *p, const char *v, size_t l, int dash, const char **ns, size_t *nl)
{
    size_t d = S_signoff_dash(v, l);
    if (dash && !d) return 0;
    v += d, l -= d;
    while (l && (v[l - 1] == '.' || v[l - 1] == ' '))
        l--;
    if (l < 5 || l > 40 || !S_bare_name(v, l) || cd_parts_is_agency(v, l) || S_outlet_is_site(p, v, l)) return 0;
    *ns = v, *nl = l;
    return 1;
}

/* Does a sentence of prose come right before text node k: the text before
 * it (the line above, or the paragraph the sign-off closes) 80 bytes or
 * more, ending with a full stop, a ! or ?, or a quotation mark? */
static int S_prose_before(const cd_dom *dom, cd_nid k)
{
    unsigned seen = 0;
    for (cd_nid q = cd_dom_prev(dom, k); q && seen < 40; q = cd_dom_prev(dom, q), seen++) {
        const cd_node *n = cd_dom_node(dom, q);
        if (n->type != CD_NODE_TEXT || cd_news_space_text(n)) continue;
        const char *v = n->u.text;
        size_t l = n->len;
        S_ws_trim(&v, &l);
        if (l < 80) return 0;
        unsigned char e = (unsigned char)v[l - 1];
        return e == '.' || e == '!' || e == '?' || e == '"' || e == '\'' || e == 0x9D || e == 0x99;
    }
    return 0;
}

/* The writer signing the story off, on a page naming no author: a line of
 * its own right after the story's last text holding only a name, alone or
 * after a dash ("<p><strong>Jonny Evans</strong></p>", l3s b73fce96 =
 * news spec digitalarts-ipod-bed; "<div>- <a>Shaun Newport</a></div>",
 * musicomh-charlie-wilsons-war), or a dash and the name closing the last
 * paragraph in an element of their own ("… below. <i>-- Aaron Gold</i>",
 * aboutcars-hyundai-genesis). Never by a picture, in a caption, a link
 * (but after a dash) or a heading, and only after a sentence of prose (a
 * listing's last line, "Calculate Shipping", wcxb 2955, is none); a name
 * without a dash only as the story's own closing line (the first line after
 * it is a box's heading as often: "FEATURED GALLERIES", "Story Finder", l3s
 * 9a0aca8a, fffdcc2c). The line leaves the text. */
void cd_news_signoff(cd_news_ctx *p)
{
    if (p->m->nauthors || !p->story || !p->last_text) return;
    const cd_dom *dom = p->dom;
    cd_nid top = cd_dom_root(dom), k = p->last_text;
    unsigned texts = 0, seen = 0;
    cd_news_text t; /* the line's block (the name read points into it) */
    while (k && texts < 3 && seen < 40) {
        const cd_node *n = cd_dom_node(dom, k);
        seen++;
        if (n->type == CD_NODE_ELEMENT && ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k))) {
            k = cd_dom_next_skip(dom, k, top);
            continue;
        }
        if (n->type != CD_NODE_TEXT || cd_news_space_text(n)) {
            k = cd_dom_next(dom, k, top);
            continue;
        }
        texts++;
        const char *v = n->u.text, *ns = NULL;
        size_t l = n->len, nl = 0;
        S_ws_trim(&v, &l);
        /* The block (or inline box) the line stands in. */
        cd_nid b = n->parent;
        for (unsigned up = 0; b && up < 4 && !(cd_tag_flags(cd_dom_node(dom, b)->tag) & CD_TF_BLOCK); up++)
            b = cd_dom_node(dom, b)->parent;
        int bad = !b || S_picture_beside(dom, b) || cd_news_is_caption_el(p, b);
        for (cd_nid a = b, d = 0; !bad && a && d < 4; a = cd_dom_node(dom, a)->parent, d++)
            bad = cd_dom_is(dom, a, CD_TAG_FIGURE) || cd_dom_is(dom, a, CD_TAG_H1) || cd_dom_is(dom, a, CD_TAG_H2) ||
                  cd_dom_is(dom, a, CD_TAG_H3) || cd_dom_is(dom, a, CD_TAG_H4) || cd_dom_is(dom, a, CD_TAG_H5) ||
                  cd_dom_is(dom, a, CD_TAG_H6);
        if (bad) return;
        cd_nid in = n->parent;
        int inline_box = k == p->last_text && !n->prev && !n->next && in && in != b &&
                         !cd_dom_node(dom, in)->next && S_signoff_dash(v, l);
        if (inline_box) {
            /* The story's own last text: a dash and the name in an inline
             * element of their own closing the paragraph. */
            if (!S_signoff_name(p, v, l, 1, &ns, &nl)) return;
        } else {
            /* A line of its own: the story's closing one, or one of the two
             * texts after it (a dash needed there, or in a link). */
            cd_news_gather(p, b, CD_NONE, 0, &t);
            const char *bv = t.s;
            size_t bl = t.n;
            S_ws_trim(&bv, &bl);
            if (t.more || bl > 48) {
                if (k == p->last_text) {
                    k = cd_dom_next(dom, k, top);
                    continue;
                }
                return;
            }
            int link = S_in_link(dom, k);
            if (!S_signoff_name(p, bv, bl, k != p->last_text || link, &ns, &nl)) return;
        }
        if (!S_prose_before(dom, k) || !cd_meta_authors_add(p->m, p->arena, ns, nl, 0)) return;
        p->m->author_source = "visible";
        if (p->keep) return;
        if (inline_box) {
            if (cd_news_rendered(p, k)) cd_extract_cut_as(p->x, dom, k, 0, n->len, CD_WHY_BYLINE);
        } else
            cd_news_cut(p, &t, 0, t.n, CD_WHY_BYLINE);
        return;
    }
}
