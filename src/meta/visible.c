/* meta/visible: what a reader sees: the <h1>, the byline, the date line.
 *
 * Fed by the walk in read.c (never inside comments, related stories, sidebars,
 * footers). Bylines come from elements whose class or id says byline / author
 * / writer (as Readability's _isValidByline and newspaper's author selectors
 * do) and from short text that opens with "By", "Von", "Par", "Por" … . Dates
 * come from short text after the first <h1>, where the date line sits on
 * nearly every news and blog page; they are confirmed by the date parser
 * before they become candidates. */
#include <pthread.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define S_SSE2 1
#endif

#include "../util/ctype.h"
#include "../util/utf8.h"
#include "authors.h"
#include "cand.h"
#include "dates.h"
#include "title.h"
#include "visible.h"
#include "wordlists.h"

#define S_DATE_WINDOW 120u /* text nodes after the first h1 searched for a date */
#define S_DATE_NEAR 30u     /* … of which the date line is one of the first */
#define S_BYLINE_MAX 160u  /* bytes: longer text is prose, not a byline */
#define S_HEADING_BYLINE 10u /* lines after the h1 (its own, a review's credits) where a heading may be
                              * the "By" line (news spec popmatters-killing-lennon: the ninth) */

/* The words looked for are the lists src/lists/class-*.txt (class and id
 * words), byline-*.txt, update-words.txt, published-labels.txt,
 * name-stop-words.txt and marks.txt, compiled into wordlists.c. */

/* The leads' first bytes, worked out once. */
static cd_first_screen S_leads_first;
static pthread_once_t S_leads_once = PTHREAD_ONCE_INIT;

static void S_leads_index(void)
{
    cd_first_screen_build(&S_leads_first, cd_list_byline_leads);
}

/* Does s open with a byline lead-in followed by something that is not a
 * lower-case word ("By Jane", never "by the way")? */
static int S_byline_prefix(const char *s, size_t n)
{
    const char *const *pre = cd_list_byline_leads;
    pthread_once(&S_leads_once, S_leads_index);
    if (!cd_first_screen_maybe(&S_leads_first, s, n))
        return 0; /* no lead starts with its first letter */
    for (size_t i = 0; pre[i]; i++) {
        /* The first letter screens the lead before its length is taken. */
        if (pre[i][0] && (!n || cd_tolower((unsigned char)s[0]) != cd_tolower((unsigned char)pre[i][0])))
            continue;
        size_t l = strlen(pre[i]);
        if (n >= l && cd_eq_nocase(s, l, pre[i])) {
            while (l < n && (s[l] == ' ' || s[l] == ':'))
                l++;
            if (l >= n)
                return 0;
            /* Lower-case words pass when a capital follows among them ("by
             * the Lavazza Team"; never "By clicking", "by project": a banner,
             * a menu); the name cleaner judges them later. */
            if (!(s[l] >= 'a' && s[l] <= 'z')) {
                /* The leads of other languages are English words too
                 * ("Door Anchor for Resistance Bands"): a short name only. */
                if (strlen(pre[i]) <= 5 && pre[i][0] != 'b') {
                    size_t words = 1;
                    for (size_t k = l; k < n; k++)
                        words += s[k] == ' ';
                    return words <= 4;
                }
                return 1;
            }
            for (size_t k = l + 1; k < n; k++)
                if (s[k - 1] == ' ' && s[k] >= 'A' && s[k] <= 'Z')
                    return 1;
            return 0;
        }
    }
    return 0;
}

/* The length of s as shown, runs of white space counted once: markup
 * indentation inside a text ("by Jon Foster      -      2025-09-13") is no
 * longer text. */
static size_t S_visible_len(const char *s, size_t n)
{
    size_t l = 0;
    for (size_t i = 0; i < n; i++)
        l += !(cd_isspace((unsigned char)s[i]) && i && cd_isspace((unsigned char)s[i - 1]));
    return l;
}

/* The length of byline s as shown, up to the comma before the writer's
 * job or agency ("By GUDJON HELGASON and BRIAN CHURCH, Associated Press
 * Writers"): the names are what must be short. */
/* The bytes of the writers' places in a byline: each " in Place" (one to
 * three capitalised words, up to a comma, " and" or the end). "By Sarah
 * Laitner in Brussels, Maija Palmer in London and,Kevin Allison in San
 * Francisco" (l3s 7ada7ff8, an FT byline of three writers) is 48 bytes of
 * names; meta/authors.c (S_cut_places) cuts the places from the names. */
static size_t S_places_len(const char *s, size_t n)
{
    size_t cut = 0;
    for (size_t i = 0; i + 4 < n; i++) {
        if (s[i] != ' ' || s[i + 1] != 'i' || s[i + 2] != 'n' || s[i + 3] != ' ' ||
            !(s[i + 4] >= 'A' && s[i + 4] <= 'Z'))
            continue;
        size_t e = i + 4, words = 0;
        int place = 1;
        while (e < n && s[e] != ',' && !(e + 5 <= n && memcmp(s + e, " and", 4) == 0 &&
                                         (s[e + 4] == ' ' || s[e + 4] == ','))) {
            if (s[e] == ' ') {
                e++;
                continue;
            }
            size_t st = e;
            while (e < n && s[e] != ' ' && s[e] != ',')
                e++;
            words++;
            if (!(s[st] >= 'A' && s[st] <= 'Z'))
                place = 0;
            for (size_t k = st; k < e; k++)
                if (!cd_isalpha((unsigned char)s[k]) && s[k] != '-' && s[k] != '.')
                    place = 0;
        }
        if (place && words && words <= 3) {
            cut += e - i;
            i = e;
        }
    }
    return cut;
}

static size_t S_byline_len_raw(const char *s, size_t n);

/* A byline's length as a byline test reads it: its names (S_byline_len_raw),
 * less the writers' places when that is over the 60 bytes of a byline. */
static size_t S_byline_len(const char *s, size_t n)
{
    size_t l = S_byline_len_raw(s, n);
    if (l >= 60 && n < 160) {
        size_t p = S_places_len(s, n);
        l = p < l ? l - p : 0;
    }
    return l;
}

static size_t S_byline_len_raw(const char *s, size_t n)
{
    const char *comma = memchr(s, ',', n);
    /* Long as shown, not as sent: the source's indentation inside the text
     * ("By SUMETH PANPETCH, Associated Press Writer" + 65 spaces + "1 hour,
     * 40 minutes ago", l3s b82e9772) is no length. */
    if (!comma || (n >= 120 && S_visible_len(s, n) >= 120))
        return S_visible_len(s, n);
    /* The tail must name a newsroom job or a news agency. */
    size_t at = (size_t)(comma - s) + 1;
    int job = 0;
    while (at < n && !job) {
        while (at < n && !cd_isalpha((unsigned char)s[at]))
            at++;
        size_t st = at;
        while (at < n && cd_isalpha((unsigned char)s[at]))
            at++;
        size_t l = at - st;
        if (l > 1 && s[at - 1] == 's')
            l--; /* "Writers" */
        job = l && (cd_wordset_has(&cd_list_newsroom_jobs, s + st, l) || cd_meta_agency_at(s + st, n - st));
    }
    return S_visible_len(s, job ? (size_t)(comma - s) : n);
}

/* Are the words of s[3..n) (after "By ") a name of two to four words,
 * none a stop or date word: in capitals ("By SANDRA CHEREB", caps) or each
 * opening with a capital ("By Jane Doe", "By Mary-Ann O'Neil")? */
static int S_by_name_words(const char *s, size_t n, int caps)
{
    size_t words = 0;
    for (size_t i = 3; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t st = i;
        while (i < n && s[i] != ' ')
            i++;
        if (i == st)
            break;
        if (i - st < 2 || (!caps && !(s[st] >= 'A' && s[st] <= 'Z')) ||
            cd_wordset_has(&cd_list_name_stop_words, s + st, i - st) ||
            cd_wordset_has(&cd_list_date_filler_words, s + st, i - st))
            return 0;
        for (size_t k = caps ? st : st + 1; k < i; k++) {
            if (s[k] == '.' || s[k] == '-' || s[k] == '\'')
                continue;
            if (caps ? !(s[k] >= 'A' && s[k] <= 'Z') : !cd_isalpha((unsigned char)s[k]) && (unsigned char)s[k] < 0x80)
                return 0;
        }
        words++;
    }
    return words >= 2 && words <= 4;
}

/* Is s "By" and a name in capitals, two to four words ("By SANDRA
 * CHEREB"), as wire copy prints it, also in a heading? A headline in
 * capitals has small words ("BY THE NUMBERS"). */
static int S_caps_name(const char *s, size_t n)
{
    return n >= 6 && cd_eq_nocase(s, 3, "by ") && S_by_name_words(s, n, 1);
}

/* Is s "By" and a name in capitals and small letters, two to four words
 * each opening with a capital ("By Jane Doe", "By Mary-Ann O'Neil")? A
 * heading's "By the numbers", "By Land and Sea" has small words. */
static int S_by_title_name(const char *s, size_t n)
{
    if (n < 6 || !cd_eq_nocase(s, 3, "by "))
        return 0;
    /* The name ends at a comma, a bar or a dash ("By AHMED MOHAMED -
     * Associated Press Writer --", news spec ledgerenquirer-mauritania-detains). */
    for (size_t i = 3; i < n; i++)
        if (s[i] == ',' || s[i] == '|' || (s[i] == '-' && s[i - 1] == ' ') ||
            /* … or at "in" and a capital: where the writer files from ("By
             * Julian Linden in Sydney", news spec independent-cricket-australia). */
            (s[i] == ' ' && i + 4 < n && s[i + 1] == 'i' && s[i + 2] == 'n' && s[i + 3] == ' ' &&
             s[i + 4] >= 'A' && s[i + 4] <= 'Z')) {
            n = i;
            while (n > 3 && s[n - 1] == ' ')
                n--;
            break;
        }
    return S_by_name_words(s, n, 0);
}

/* Is text node id the only child of a paragraph or a div (a line of its
 * own, never a link's or a cell's text, "by project", "by subject", nor
 * the rest of a sentence, "… by integrating")? */
static int S_alone(const cd_dom *dom, cd_nid id)
{
    const cd_node *p = cd_dom_node(dom, cd_dom_node(dom, id)->parent);
    return p->first == id && p->last == id && (p->tag == CD_TAG_P || p->tag == CD_TAG_DIV);
}

/* Is text node id a link's whole text ("By Country") in an item of a
 * menu: the link's <li> one of four or more items of its list, each
 * holding a link? A site's menu of listings ("By Country", "By Date",
 * l3s planetrugby-bulls-jones), not a byline, whose "By" stands before
 * the writer's link ("By <a>Jane Doe</a>"). */
static int S_menu_link(const cd_dom *dom, cd_nid id)
{
    cd_nid a = cd_dom_node(dom, id)->parent;
    if (!cd_dom_is(dom, a, CD_TAG_A) || cd_dom_node(dom, a)->first != id)
        return 0;
    cd_nid li = cd_dom_node(dom, a)->parent;
    if (!cd_dom_is(dom, li, CD_TAG_LI))
        return 0;
    cd_nid list = cd_dom_node(dom, li)->parent;
    unsigned items = 0, steps = 0;
    for (cd_nid q = cd_dom_node(dom, list)->first; q && steps < 64; q = cd_dom_node(dom, q)->next, steps++) {
        if (!cd_dom_is(dom, q, CD_TAG_LI))
            continue;
        int link = 0;
        unsigned k = 0;
        for (cd_nid r = cd_dom_node(dom, q)->first; r && !link && k < 8; r = cd_dom_node(dom, r)->next, k++)
            link = cd_dom_is(dom, r, CD_TAG_A);
        if (!link)
            return 0;
        items++;
    }
    return items >= 4;
}

/* Does text node n hold a letter or a digit? */
static int S_has_alnum(const cd_node *n)
{
    for (size_t i = 0; i < n->len; i++)
        if (cd_isalnum((unsigned char)n->u.text[i]))
            return 1;
    return 0;
}

#define S_MENU_WALK 400u /* nodes walked under an element of a menu */
#define S_MENU_OTHER 12u /* letters and digits outside the links of a list of links */

/* Does element e hold a link (within its first S_MENU_WALK nodes)? */
static int S_holds_link(const cd_dom *dom, cd_nid e)
{
    unsigned seen = 0;
    for (cd_nid q = cd_dom_next(dom, e, e); q && seen < S_MENU_WALK; q = cd_dom_next(dom, q, e), seen++)
        if (cd_dom_is(dom, q, CD_TAG_A))
            return 1;
    return 0;
}

/* The links (or buttons) with text under top when top holds nothing else:
 * at most S_MENU_OTHER letters or digits outside them (a separator, a
 * count); 0 otherwise. A walk of at most S_MENU_WALK nodes, judged on what
 * it saw. */
static unsigned S_only_links(const cd_dom *dom, cd_nid top)
{
    unsigned links = 0, seen = 0;
    size_t other = 0;
    for (cd_nid q = cd_dom_next(dom, top, top); q && ++seen <= S_MENU_WALK;) {
        const cd_node *n = cd_dom_node(dom, q);
        if (n->type == CD_NODE_ELEMENT && (n->tag == CD_TAG_A || n->tag == CD_TAG_BUTTON)) {
            int tl = 0;
            unsigned k = 0;
            for (cd_nid r = cd_dom_next(dom, q, q); r && k < 16 && !tl; r = cd_dom_next(dom, r, q), k++)
                tl = cd_dom_node(dom, r)->type == CD_NODE_TEXT && S_has_alnum(cd_dom_node(dom, r));
            links += tl != 0;
            q = cd_dom_next_skip(dom, q, top);
            continue;
        }
        if (n->type == CD_NODE_ELEMENT && (cd_tag_flags(n->tag) & CD_TF_SKIP)) {
            q = cd_dom_next_skip(dom, q, top); /* a <style> inside an item */
            continue;
        }
        if (n->type == CD_NODE_TEXT)
            for (size_t i = 0; i < n->len; i++)
                other += cd_isalnum((unsigned char)n->u.text[i]) != 0;
        if (other > S_MENU_OTHER)
            return 0;
        q = cd_dom_next(dom, q, top);
    }
    return links;
}

/* The items of list, skipping item skip, when each holds links (or
 * buttons) and nothing else; 0 when one does not. */
static unsigned S_link_items(const cd_dom *dom, cd_nid list, cd_nid skip)
{
    unsigned items = 0, steps = 0;
    for (cd_nid q = cd_dom_node(dom, list)->first; q && steps < 64; q = cd_dom_node(dom, q)->next, steps++) {
        if (q == skip || !cd_dom_is(dom, q, CD_TAG_LI))
            continue;
        if (!S_only_links(dom, q))
            return 0;
        items++;
    }
    return items;
}

/* Is text node id ("By Sector", "BY COMPANY SIZE", "By Gender & Age") the
 * title of a group in a site's menu, the menu written without <nav> (a
 * mega menu of <div>s; the div-soup probe, docs/quality.md session 22,
 * h/byline)? Its element (the text's parent, or the wrappers that hold
 * only it), holding no link, is
 * - followed by a list of three items or more, each only links or buttons
 *   ("<span>BY COMPANY SIZE</span><ul><li><a>Enterprises</a>…"), or
 * - an item of such a list, its own item holding no link ("<li><div>By
 *   Sector</div></li><li><a>Agriculture</a></li>…").
 * A byline's "By <a>Jane Doe</a>" links the writer. Asked only of "By"
 * lines far from the headline (S_far): a byline under the headline may be
 * followed by the story's tools ("<ul><li><a>Email</a><li><a>Print</a>…").
 * Followers that are not a list (links parted by <br> or "|", a <cite> of
 * category links) are no menu: l3s bylines stand over such rows
 * (sportinglife's promotions, zdnet's "Categories:"). */
static int S_menu_heading(const cd_dom *dom, cd_nid id)
{
    cd_nid e = cd_dom_node(dom, id)->parent;
    if (!e || cd_dom_is(dom, e, CD_TAG_A))
        return 0;
    for (int up = 0; up < 2; up++) {
        cd_nid p = cd_dom_node(dom, e)->parent;
        if (!p || cd_dom_is(dom, p, CD_TAG_LI) || cd_dom_is(dom, p, CD_TAG_BODY))
            break;
        unsigned elems = 0;
        for (cd_nid q = cd_dom_node(dom, p)->first; q && elems < 2; q = cd_dom_node(dom, q)->next)
            elems += cd_dom_node(dom, q)->type == CD_NODE_ELEMENT ||
                     (cd_dom_node(dom, q)->type == CD_NODE_TEXT && q != id && S_has_alnum(cd_dom_node(dom, q)));
        if (elems != 1)
            break;
        e = p;
    }
    if (S_holds_link(dom, e))
        return 0;
    /* The list after it (whitespace between). */
    cd_nid nx = cd_dom_node(dom, e)->next;
    for (unsigned k = 0; nx && k < 4 && cd_dom_node(dom, nx)->type == CD_NODE_TEXT && !S_has_alnum(cd_dom_node(dom, nx)); k++)
        nx = cd_dom_node(dom, nx)->next;
    if (nx && (cd_dom_is(dom, nx, CD_TAG_UL) || cd_dom_is(dom, nx, CD_TAG_OL)) && S_link_items(dom, nx, 0) >= 3)
        return 1;
    cd_nid li = cd_dom_is(dom, e, CD_TAG_LI) ? e : cd_dom_node(dom, e)->parent;
    if (!li || !cd_dom_is(dom, li, CD_TAG_LI) || S_holds_link(dom, li))
        return 0;
    return S_link_items(dom, cd_dom_node(dom, li)->parent, li) >= 3;
}

/* Is text node id a link's whole text in a menu row: the link's cell or
 * item (<td>, <li>) one of four or more siblings of its kind holding a
 * link? "<td><a href=/sport/kidd>Dave Kidd</a></td>", the last link of a
 * sport menu's row of cells right before the story's date (l3s
 * people-portvale-luton): a columnist's page in the menu, no byline. A
 * looser test than S_menu_link (cells between the links may hold marks:
 * "<td>|</td>"), for a bare name beside a date only. */
static int S_menu_row_link(const cd_dom *dom, cd_nid id)
{
    cd_nid a = cd_dom_node(dom, id)->parent;
    if (!cd_dom_is(dom, a, CD_TAG_A) || cd_dom_node(dom, a)->first != id || cd_dom_node(dom, a)->last != id)
        return 0;
    cd_nid cell = cd_dom_node(dom, a)->parent;
    if (!cd_dom_is(dom, cell, CD_TAG_TD) && !cd_dom_is(dom, cell, CD_TAG_LI))
        return 0;
    int tag = cd_dom_node(dom, cell)->tag;
    cd_nid row = cd_dom_node(dom, cell)->parent;
    unsigned links = 0, steps = 0;
    for (cd_nid q = cd_dom_node(dom, row)->first; q && steps < 64; q = cd_dom_node(dom, q)->next, steps++) {
        const cd_node *qn = cd_dom_node(dom, q);
        if (qn->type != CD_NODE_ELEMENT || qn->tag != tag)
            continue;
        unsigned k = 0;
        for (cd_nid r = qn->first; r && k < 8; r = cd_dom_node(dom, r)->next, k++)
            if (cd_dom_is(dom, r, CD_TAG_A)) {
                links++;
                break;
            }
    }
    return links >= 4;
}

/* Does a word of element id's class glue "byline" to the word before it
 * in lower case ("articlebyline", "storybyline", "vitstorybyline": l3s
 * f4eced52 = news spec pcw-eu-microsoft-cases, 48101d52, 23d56f66)? The
 * class word rule reads a word from its start or a camelCase hump only;
 * a picture's ("imagebyline", "photobyline") names its photographer. */
static int S_glued_byline(const cd_dom *dom, cd_nid id)
{
    size_t n;
    const char *v = cd_dom_attr(dom, id, "class", &n);
    if (!v || n < 9 || n > 200)
        return 0;
    /* "byline" in lower case after a letter somewhere, found by its 'y'
     * (most class values hold none): then the words are read. */
    const char *y = v + 2, *end = v + n;
    while (y < end && (y = memchr(y, 'y', (size_t)(end - y))) != NULL &&
           !(y[-1] == 'b' && y[-2] >= 'a' && y[-2] <= 'z' && end - y >= 5 && memcmp(y, "yline", 5) == 0))
        y++;
    if (!y || y >= end)
        return 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (v[i] == ' ' || v[i] == '-' || v[i] == '_'))
            i++;
        size_t st = i;
        while (i < n && v[i] != ' ' && v[i] != '-' && v[i] != '_')
            i++;
        size_t l = i - st;
        if (l < 9 || !cd_eq_nocase(v + i - 6, 6, "byline") || !(v[i - 7] >= 'a' && v[i - 7] <= 'z'))
            continue;
        static const char *const pic[] = {"image", "img", "photo", "picture", "pic", "foto"};
        int bad = 0;
        for (size_t k = 0; k < sizeof pic / sizeof pic[0] && !bad; k++)
            bad = cd_contains_nocase(v + st, l - 6, pic[k]);
        if (!bad)
            return 1;
    }
    return 0;
}

/* A byline element whose first line a <br> ends, the paper's name, a role
 * or the date on the next ("<span class=vitstorybyline>By MIRJAM
 * SWANSON<br>THE PRESS-ENTERPRISE</span>", l3s 23d56f66; "<div
 * class=entStoryCredits><strong>Scott Roxborough and Gregg
 * Goldstein</strong><br>The Hollywood Reporter<br>Jan. 10, 2008 12:00
 * AM</div>", 209c7877; "StarredSkies<br>Big Board Owner", wcxb 0558): the
 * length of t[0..len) that is that first line, len when it is not so. A
 * first line without "By" only over 60 bytes or less (a box's heading over
 * its prose, "<b>COMMENT RULES</b><br>Comment posters are …" in a td
 * classed byline, l3s acc703fe, is none). */
static size_t S_by_line_before_br(cd_meta_ctx *c, cd_nid id, const char *t, size_t len)
{
    const cd_dom *dom = c->dom;
    char raw[S_BYLINE_MAX + 1], clean[(S_BYLINE_MAX + 1) * 3 + 1];
    size_t rl = 0;
    unsigned seen = 0;
    int br = 0;
    for (cd_nid q = cd_dom_next(dom, id, id); q && seen < 32; q = cd_dom_next(dom, q, id), seen++) {
        const cd_node *n = cd_dom_node(dom, q);
        if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_BR) {
            br = 1;
            break;
        }
        if (n->type != CD_NODE_TEXT)
            continue;
        if (rl + n->len > S_BYLINE_MAX)
            return len;
        memcpy(raw + rl, n->u.text, n->len);
        rl += n->len;
    }
    if (!br || !rl)
        return len;
    size_t cl = cd_meta_clean_to(clean, raw, rl);
    /* ("By" tested by hand: S_byline_prefix stays inlined in the text walk.) */
    int by = cl > 3 && (clean[0] == 'B' || clean[0] == 'b') && (clean[1] == 'Y' || clean[1] == 'y') &&
             (clean[2] == ' ' || clean[2] == ':');
    if (!cl || cl >= len || memcmp(t, clean, cl) != 0 || (!by && len - cl > 60))
        return len;
    return cl;
}

/* S_glued_byline asked once per class key (the answer no kept in a small
 * table of the page's walk): most elements hold a class, few a byline. */
static int S_glued_byline_memo(cd_meta_vis *v, const cd_dom *dom, cd_nid id)
{
    if (!dom->classes_indexed)
        return S_glued_byline(dom, id);
    uint32_t key = cd_dom_class_key(dom, id);
    if (!key)
        return 0;
    uint32_t *slot = &v->glued_no[key % (sizeof v->glued_no / sizeof v->glued_no[0])];
    if (*slot == key)
        return 0;
    int r = S_glued_byline(dom, id);
    if (!r)
        *slot = key;
    return r;
}

/* Is element id a row of three links or more with only marks between them
 * ("<td class=byline><a>About Us</a> - <a>Contact Us</a> - <a>Subscribe</a>
 * - <a>Place an Ad</a></td>", a masthead's menu classed byline: l3s
 * acc703fe)? A menu, no byline: writers' links are joined by "By", commas
 * or "and". */
static int S_link_row(const cd_dom *dom, cd_nid id)
{
    unsigned links = 0, seen = 0;
    cd_nid q = cd_dom_next(dom, id, id);
    while (q) {
        if (++seen > 96)
            return 0;
        const cd_node *n = cd_dom_node(dom, q);
        if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_A) {
            links++;
            q = cd_dom_next_skip(dom, q, id);
            continue;
        }
        if (n->type == CD_NODE_TEXT) {
            const unsigned char *t = (const unsigned char *)n->u.text;
            for (size_t i = 0; i < n->len; i++) {
                if (cd_isspace(t[i]) || t[i] == '-' || t[i] == '|' || t[i] == '/')
                    continue;
                /* a no-break space, a middle dot; an en or em dash, a bullet */
                if (i + 1 < n->len && t[i] == 0xC2 && (t[i + 1] == 0xA0 || t[i + 1] == 0xB7)) {
                    i++;
                    continue;
                }
                if (cd_utf8_dash_at(n->u.text, n->len, i) ||
                    (i + 2 < n->len && t[i] == 0xE2 && t[i + 1] == 0x80 && t[i + 2] == 0xA2)) {
                    i += 2;
                    continue;
                }
                return 0;
            }
        }
        q = cd_dom_next(dom, q, id);
    }
    return links >= 3;
}

/* Is text node id the credit line of a teaser in a list: inside an <li>
 * (a few levels up) that opens with a link of three words or more (another
 * page's headline) not holding id, its list of three items or more? "<li><a
 * href=showthread.php?t=…>SAAF aircraft crash in Overberg</a> <span>By:
 * AjAx30</span>" (a sidebar's latest discussions, l3s
 * mybroadband-social-workplace): that page's poster, not this story's. */
static int S_teaser_item(const cd_dom *dom, cd_nid id)
{
    cd_nid li = cd_dom_node(dom, id)->parent;
    for (int d = 0; li && d < 3 && !cd_dom_is(dom, li, CD_TAG_LI); d++)
        li = cd_dom_node(dom, li)->parent;
    if (!li || !cd_dom_is(dom, li, CD_TAG_LI))
        return 0;
    cd_nid a = cd_dom_node(dom, li)->first;
    while (a && cd_dom_node(dom, a)->type == CD_NODE_TEXT && cd_dom_node(dom, a)->len < 4)
        a = cd_dom_node(dom, a)->next;
    /* The headline link set in bold or a heading ("<li><strong><a
     * href=…>Who will win Ghana 2008?</a></strong><br>… <div>Posted by
     * <strong>morocco4life</strong>", a sidebar of readers' posts on other
     * stories, l3s FIFA.com 506df3c3). */
    if (a && (cd_dom_is(dom, a, CD_TAG_STRONG) || cd_dom_is(dom, a, CD_TAG_B) || cd_dom_is(dom, a, CD_TAG_H3) ||
              cd_dom_is(dom, a, CD_TAG_H4)) && cd_dom_node(dom, a)->first && cd_dom_is(dom, cd_dom_node(dom, a)->first, CD_TAG_A))
        a = cd_dom_node(dom, a)->first;
    if (!a || !cd_dom_is(dom, a, CD_TAG_A) || cd_dom_node(dom, id)->parent == a)
        return 0;
    cd_nid t = cd_dom_node(dom, a)->first;
    if (!t || cd_dom_node(dom, t)->type != CD_NODE_TEXT)
        return 0;
    if (cd_meta_space_words(cd_dom_node(dom, t)->u.text, cd_dom_node(dom, t)->len) < 3)
        return 0;
    unsigned items = 0, steps = 0;
    for (cd_nid q = cd_dom_node(dom, cd_dom_node(dom, li)->parent)->first; q && steps < 64 && items < 3;
         q = cd_dom_node(dom, q)->next, steps++)
        items += cd_dom_is(dom, q, CD_TAG_LI);
    return items >= 3;
}

/* Is the date of text node id (s[0..n)) a sentence's: three words or more
 * before its first digit, one in lower case, and the node part of a
 * paragraph of 150 bytes or more? "<p>Covering the period from 1 November
 * 2006 to 14 September 2007, the 20-page<a> report</a> noted …" (l3s
 * newsblaze-srilanka-children): the story's words, not its date line. */
static int S_in_prose(const cd_dom *dom, cd_nid id, const char *s, size_t n)
{
    size_t words = 0, lower = 0, d = 0;
    while (d < n && !cd_isdigit((unsigned char)s[d])) {
        if (!cd_isspace((unsigned char)s[d]) && (d == 0 || cd_isspace((unsigned char)s[d - 1]))) {
            words++;
            lower += s[d] >= 'a' && s[d] <= 'z';
        }
        d++;
    }
    if (words < 3 || !lower)
        return 0;
    cd_nid p = cd_dom_node(dom, id)->parent;
    for (int k = 0; p && k < 3 && !cd_dom_is(dom, p, CD_TAG_P); k++)
        p = cd_dom_node(dom, p)->parent;
    if (!p || !cd_dom_is(dom, p, CD_TAG_P))
        return 0;
    size_t total = 0;
    unsigned steps = 0;
    for (cd_nid q = cd_dom_next(dom, p, p); q && steps < 64 && total < 150; q = cd_dom_next(dom, q, p), steps++)
        if (cd_dom_node(dom, q)->type == CD_NODE_TEXT)
            total += cd_dom_node(dom, q)->len;
    return total >= 150;
}

/* "David Unkle can be reached at: topcatsports@canoemail.com" (a story's
 * closing contact line, l3s slamcanoe-flyers-home: a columnist named only
 * there and in an image): the name before the words of
 * news-contact-leads.txt, two or three capitalised words, is the writer,
 * ranked after every byline (CD_META_RANK_HOLDER - 1). Only a line that
 * gives an e-mail address. */
static int S_has_org_word(const char *s, size_t n);
static int S_name_alone(const char *s, size_t n);
static void S_contact_line(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id, const char *s, size_t n)
{
    if (n < 24 || n > 300 || v->bylines >= CD_META_MAX_BYLINES || !memchr(s, '@', n))
        return;
    for (size_t k = 0; cd_list_news_contact_leads[k]; k++) {
        size_t l = strlen(cd_list_news_contact_leads[k]);
        for (size_t i = 1; i + l <= n; i++) {
            if (s[i - 1] != ' ' || s[i] != cd_list_news_contact_leads[k][0] ||
                memcmp(s + i, cd_list_news_contact_leads[k], l) != 0)
                continue;
            /* The name: the last two or three words before, each capitalised
             * ("Staff writer Elizabeth Mullener", "Christopher L. Gasper"). */
            size_t e = i - 1, st = e;
            unsigned words = 0;
            while (st > 0 && words < 3) {
                size_t ws = st;
                while (ws > 0 && s[ws - 1] != ' ' && s[ws - 1] != '(')
                    ws--;
                if (ws == st || !(s[ws] >= 'A' && s[ws] <= 'Z'))
                    break;
                st = ws;
                words++;
                if (st == 0 || s[st - 1] != ' ')
                    break;
                st--;
            }
            while (st < e && (s[st] == ' ' || s[st] == '('))
                st++;
            if (words >= 2 && S_name_alone(s + st, e - st) && !S_has_org_word(s + st, e - st)) {
                cd_meta_cand *kd = cd_meta_add(c, CD_MF_AUTHOR, CD_MS_VISIBLE, CD_META_RANK_HOLDER - 1, id, s + st, e - st);
                if (kd)
                    v->bylines++;
            }
            return;
        }
    }
}

/* A writer's tagline, as wire columns and opinion pages end the story:
 * "Jim Litke is a national sports columnist for The Associated Press.
 * Write to him at …" (news spec wjz-litke-oree). The name (two or three
 * capitalised words opening the text), "is a/an/the", and a word for one
 * who writes before the sentence ends: ranked with the contact line, after
 * every byline. */
static void S_tagline(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id, const char *s, size_t n)
{
    static const char *const writes[] = {"columnist", "writer", "reporter", "correspondent", "journalist",
                                         "contributor", "editor", NULL};
    if (n < 24 || n > 300 || v->bylines >= CD_META_MAX_BYLINES || !(s[0] >= 'A' && s[0] <= 'Z'))
        return;
    /* The name: up to " is a ", " is an ", " is the " within four words. */
    /* (Each word before "is" opens with a capital: most paragraphs fail
     * at their second word, read no further.) */
    size_t e = 0, words = 0, at = 0;
    for (size_t i = 1; i + 8 < n && i < 48; i++) {
        if (s[i] != ' ')
            continue;
        words++;
        if (s[i + 1] == 'i' && s[i + 2] == 's' && s[i + 3] == ' ' &&
            (memcmp(s + i + 4, "a ", 2) == 0 || memcmp(s + i + 4, "an ", 3) == 0 ||
             memcmp(s + i + 4, "the ", 4) == 0)) {
            e = i;
            at = i + 4;
            break;
        }
        if (words >= 3 || !(s[i + 1] >= 'A' && s[i + 1] <= 'Z'))
            return;
    }
    if (!e || words < 2 || !S_name_alone(s, e) || S_has_org_word(s, e))
        return;
    /* A word for one who writes in the rest of the sentence. */
    size_t end = at;
    while (end < n && s[end] != '.')
        end++;
    for (size_t i = at; i < end; i++) {
        if (s[i - 1] != ' ')
            continue;
        size_t w = i;
        while (w < end && cd_isalpha((unsigned char)s[w]))
            w++;
        for (size_t k = 0; writes[k]; k++)
            if (w - i == strlen(writes[k]) && cd_eq_nocase(s + i, w - i, writes[k])) {
                /* … for the publication: "for The Associated Press" (a
                 * bio, "is a garden writer and horticulturist who lives
                 * in …", wcxb 4705, whose gold has no author, is not read). */
                if (!(end - w > 5 && (memcmp(s + w, " for ", 5) == 0 || memcmp(s + w, " at ", 4) == 0)))
                    return;
                if (cd_meta_add(c, CD_MF_AUTHOR, CD_MS_VISIBLE, CD_META_RANK_HOLDER - 1, id, s, e))
                    v->bylines++;
                return;
            }
    }
}

/* Is text node id inside the post's meta block: an element a few levels
 * up named a date, a byline, an author or "meta" ("post-date",
 * "entry-meta")? */
static int S_in_post_meta(cd_meta_ctx *c, cd_nid id)
{
    cd_nid a = cd_dom_node(c->dom, id)->parent;
    for (int d = 0; a && d < 3; d++, a = cd_dom_node(c->dom, a)->parent)
        if (cd_dom_node(c->dom, a)->type == CD_NODE_ELEMENT &&
            (cd_meta_class_has(c, a, cd_list_class_date) || cd_meta_class_has(c, a, cd_list_class_byline) ||
             cd_meta_class_has(c, a, cd_list_class_author) || cd_meta_class_has(c, a, cd_list_class_post_meta)))
            return 1;
    return 0;
}

/* Is s "by" and a user name alone ("by   ibby")? In the post's meta block
 * that is the poster; elsewhere a lower-case word after "by" is prose
 * ("by project", "by clicking"). */
static int S_by_handle(const char *s, size_t n)
{
    if (n < 5 || !cd_eq_nocase(s, 3, "by "))
        return 0;
    size_t i = 3;
    while (i < n && cd_isspace((unsigned char)s[i]))
        i++;
    if (i >= n || n - i > 30 || !cd_isalpha((unsigned char)s[i]))
        return 0;
    for (size_t k = i; k < n; k++)
        if (!cd_isalnum((unsigned char)s[k]) && s[k] != '.' && s[k] != '_' && s[k] != '-')
            return 0;
    return n - i >= 2;
}

/* Bylines sit right under the headline: those elsewhere rank after. */
static int S_far(const cd_meta_vis *v)
{
    return v->nh1 && v->after_h1 < S_DATE_WINDOW ? 0 : 4;
}

/* Is s only a lead-in label ("By", "Written by:", "Author")? */
/* Is text node id inside preformatted text (<pre>, <textarea>)? */
static int S_in_pre(const cd_dom *dom, cd_nid id)
{
    unsigned k = 0;
    for (cd_nid p = cd_dom_node(dom, id)->parent; p && k < 8; p = cd_dom_node(dom, p)->parent, k++)
        if (cd_dom_is(dom, p, CD_TAG_PRE) || cd_dom_is(dom, p, CD_TAG_TEXTAREA)) return 1;
    return 0;
}

/* s[0..n) with its runs of white space made one space, or 0 when that
 * does not fit in cap bytes. */
static size_t S_collapse(const char *s, size_t n, char *b, size_t cap)
{
    size_t bl = 0;
    for (size_t i = 0; i < n; i++) {
        if (cd_isspace((unsigned char)s[i])) {
            while (i + 1 < n && cd_isspace((unsigned char)s[i + 1]))
                i++;
            if (!bl || i + 1 == n)
                continue;
        }
        if (bl >= cap)
            return 0;
        b[bl++] = cd_isspace((unsigned char)s[i]) ? ' ' : s[i];
    }
    return bl;
}

/* The length of a date that opens s and is glued to a sentence by a dash
 * ("Feb. 23, 2015 -- Life-threatening …", "12 January 2026 — The …"): the
 * part before the first "--", em or en dash, or " - " within the first 32
 * bytes, when it starts with a letter or digit, holds a four-digit year
 * and reads as a date; 0 otherwise. */
static size_t S_glued_date(const char *s, size_t n)
{
    size_t lim = n < 32 ? n : 32, e = 0;
    for (; e + 1 < lim; e++)
        if ((s[e] == '-' && s[e + 1] == '-') || (s[e] == ' ' && s[e + 1] == '-' && e + 2 < n && s[e + 2] == ' ') ||
            cd_utf8_dash_at(s, n, e))
            break;
    if (e + 1 >= lim || !cd_isalnum((unsigned char)s[0]))
        return 0;
    while (e && cd_isspace((unsigned char)s[e - 1]))
        e--;
    size_t run = 0, year = 0;
    for (size_t i = 0; i < e; i++)
        if ((run = cd_isdigit((unsigned char)s[i]) ? run + 1 : 0) == 4)
            year = 1;
    char out[CD_META_DATE_LEN];
    if (e < 6 || !year || (!cd_meta_date_norm(s, e, 0, 1, out) && !cd_meta_date_norm(s, e, 0, -1, out)))
        return 0;
    return e;
}

static int S_label(const char *s, size_t n)
{
    if (cd_wordset_has(&cd_list_byline_labels, s, n))
        return 1;
    /* "Author\n    :" (a line break inside, a space before the colon, as
     * French typography and table layouts set it: L3S-GN1's earthtimes
     * pages): the same label once its spaces are collapsed and the one
     * before the colon dropped. */
    char b[32];
    /* Collapsed to more than the longest label and the space the colon
     * loses, it is none: the collapse stops there. */
    size_t cap = (size_t)cd_list_byline_labels.maxlen + 2 < sizeof b ? (size_t)cd_list_byline_labels.maxlen + 2 : sizeof b;
    size_t bl = n <= 256 ? S_collapse(s, n, b, cap) : 0;
    if (bl >= 2 && b[bl - 1] == ':' && b[bl - 2] == ' ') {
        b[bl - 2] = ':';
        bl--;
    }
    return bl && bl != n && cd_wordset_has(&cd_list_byline_labels, b, bl);
}

/* Is element id the "name" of an author card: its parent named an author
 * ("author-info"), where the card's text runs the name and the job title
 * together ("Rachel MacDonald Writer")? */
static int S_in_author_card(cd_meta_ctx *c, cd_nid id)
{
    cd_nid p = cd_dom_node(c->dom, id)->parent;
    return p && cd_dom_node(c->dom, p)->type == CD_NODE_ELEMENT && cd_meta_class_has(c, p, cd_list_class_author) &&
           !cd_meta_class_has(c, p, cd_list_class_user_menu) && !cd_meta_class_has(c, p, cd_list_class_author_extra);
}

/* The length of byline box id's text t[0..len) without the box's category
 * slot at its end: "<section class=byline><time>March 20, 2023</time> |
 * <span class=byline__category><a>Wellness &amp; Prevention</a></span>"
 * (wcxb 4125) files the story under a desk beside the date; that desk is
 * no writer. The slot is an element inside the box classed as a kicker
 * (class-kicker.txt: category, section-name …) whose text closes the box's. */
static size_t S_cut_kicker_slot(cd_meta_ctx *c, cd_nid id, const char *t, size_t len)
{
    unsigned seen = 0;
    for (cd_nid k = cd_dom_next(c->dom, id, id); k && seen < 64; k = cd_dom_next(c->dom, k, id), seen++) {
        if (cd_dom_node(c->dom, k)->type != CD_NODE_ELEMENT || !cd_meta_class_has(c, k, cd_list_class_kicker))
            continue;
        char kb[(S_BYLINE_MAX + 1) * 3 + 1];
        size_t kl = cd_meta_node_text_to(c, k, S_BYLINE_MAX + 1, kb);
        if (!kl || kl > len || memcmp(t + len - kl, kb, kl) != 0)
            return len;
        size_t n = len - kl;
        while (n && (cd_isspace((unsigned char)t[n - 1]) || t[n - 1] == '|' || t[n - 1] == ','))
            n--;
        return n;
    }
    return len;
}

/* Is element id (or an element among its first descendants) a widget that
 * shows the reader's day ("todays-date", "current-date" in a masthead)?
 * Its date is when the page was read, not when it was written. */
static int S_today_widget(cd_meta_ctx *c, cd_nid id)
{
    const char *const *words = cd_list_class_today;
    const cd_dom *dom = c->dom;
    int seen = 0;
    for (cd_nid k = id; k && seen < 16; k = cd_dom_next(dom, k, id)) {
        if (cd_dom_node(dom, k)->type != CD_NODE_ELEMENT)
            continue;
        seen++;
        if (cd_meta_class_has(c, k, words))
            return 1;
    }
    return 0;
}

/* Could element id's class or id value name a date or a byline's role: is
 * it in any of the lists cd_meta_visible_element asks first (date, byline,
 * author, forum user, name)? 0 when none: then no check of its class words
 * can succeed. Asked once a class key (cd_meta_class_key_ask, kept in
 * v->named). */
static int S_role_words(cd_meta_ctx *c, cd_nid id)
{
    return cd_meta_class_has_words(c, id, cd_list_class_date) || cd_meta_class_has_words(c, id, cd_list_class_byline) ||
           cd_meta_class_has_words(c, id, cd_list_class_author) ||
           cd_meta_class_has_words(c, id, cd_list_class_forum_user) || cd_meta_class_has_words(c, id, cd_list_class_name);
}

void cd_meta_visible_element(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id, unsigned flags)
{
    const cd_dom *dom = c->dom;
    const cd_node *n = cd_dom_node(dom, id);
    if (n->tag == CD_TAG_H1 && !(flags & CD_MC_BAD)) {
        if (v->nh1 < 4) {
            size_t len;
            char *t = cd_meta_node_text(c, id, 1024, &len);
            /* Documentation generators append a permalink mark to headings
             * ("Logging HOWTO¶", "Install #"): not part of the headline. */
            for (int again = 1; t && again;) {
                again = 0;
                while (len && t[len - 1] == ' ')
                    len--;
                if (len >= 2 && t[len - 1] == '#' && t[len - 2] == ' ')
                    len--, again = 1; /* "Install #", never "Learn C#" */
                if (len >= 2 && (unsigned char)t[len - 2] == 0xC2 &&
                    ((unsigned char)t[len - 1] == 0xB6 || (unsigned char)t[len - 1] == 0xA7))
                    len -= 2, again = 1;
                /* … or an icon-font glyph (private use area, U+E000-U+F8FF). */
                if (len >= 3 &&
                    ((unsigned char)t[len - 3] == 0xEE ||
                     ((unsigned char)t[len - 3] == 0xEF && (unsigned char)t[len - 2] <= 0xA3)))
                    len -= 3, again = 1;
            }
            if (t && len) {
                cd_meta_cand *k = cd_meta_add(c, CD_MF_TITLE, CD_MS_VISIBLE, (int)v->nh1, id, t, len);
                if (k)
                    k->flags |= (uint8_t)(flags & CD_MC_INARTICLE);
                v->h1[v->nh1] = id;
                if (!v->nh1)
                    v->h1_end = cd_dom_next_skip(dom, id, cd_dom_root(dom));
            }
        }
        v->nh1++;
        return;
    }
    if (n->tag == CD_TAG_BODY || n->tag == CD_TAG_ARTICLE || n->tag == CD_TAG_MAIN || n->tag == CD_TAG_IMG)
        return;
    int heading = (cd_tag_flags(n->tag) & CD_TF_HEADING) != 0;
    /* Without the class index every check is made (the answer is a maybe). */
    int named = !dom->classes_indexed || cd_meta_class_key_ask(c, id, &v->named, S_role_words);
    if (!heading && v->dates < CD_META_MAX_DATES && named && cd_meta_class_has(c, id, cd_list_class_date) && !S_today_widget(c, id) &&
        !cd_meta_in_link_card(dom, id)) {
        /* An element named a date ("post-date", "article__date",
         * "published-on") anywhere in the article: ranked after the date line
         * under the h1, used when that is missing (the date sits in a side
         * column or above the headline). Its text may go on after the date
         * ("Posted on April 13, 2023 Tags: …"): the date leads, so the
         * first 80 bytes are read. In a side column (flags CD_MC_BAD) it is
         * kept as a last resort. */
        /* (Read into the stack: asked of every element named a date
         * until six give one, the arena would keep each text.) */
        char tb[81 * 3 + 1];
        size_t len = cd_meta_node_text_to(c, id, 81, tb);
        char *t = len ? tb : NULL;
        char out[CD_META_DATE_LEN];
        if (t && len > 80) {
            len = 80;
            while (len > 6 && t[len] != ' ')
                len--;
        }
        size_t rl = t && c->ref_time ? cd_meta_date_relative(t, len, c->ref_time, out) : 0;
        if (rl) {
            /* "3 hours ago": the date it means, counted from the reference time. */
            cd_meta_cand *k = cd_meta_add(c, CD_MF_DATE, CD_MS_VISIBLE, 2, id, out, rl);
            if (k) {
                k->flags |= (uint8_t)(flags & CD_MC_BAD);
                v->dates++;
            }
        } else if (t && len >= 6 && len <= 80 &&
            (cd_meta_date_norm(t, len, 0, 1, out) || cd_meta_date_norm(t, len, 0, -1, out))) {
            int field = cd_meta_date_updated(c, id, t, len) ? CD_MF_MODIFIED : CD_MF_DATE;
            cd_meta_cand *k = cd_meta_add(c, field, CD_MS_VISIBLE, 2, id, t, len);
            if (k) {
                k->flags |= (uint8_t)(flags & CD_MC_BAD);
                v->dates++;
            }
        }
    }
    if (v->bylines >= CD_META_MAX_BYLINES)
        return;
    int rank;
    if (heading) {
        /* A heading is a byline only as the name in an author box
         * (<h4 class="author-box__name">) or when classed a byline itself. */
        if (!named)
            return;
        if (cd_meta_class_has(c, id, cd_list_class_byline) && !cd_meta_class_has(c, id, cd_list_class_photo_byline))
            rank = 0; /* <h2 class=art-byline>: the template sets its byline as a heading */
        else if (!cd_meta_class_has(c, id, cd_list_class_author) || !cd_meta_class_has(c, id, cd_list_class_name))
            return;
        else
            rank = 2;
    } else if (named && cd_meta_class_has(c, id, cd_list_class_byline)) {
        /* A picture's byline ("imageByline") names its photographer; the
         * byline row's category slot ("byline__category", below) a desk. */
        if (cd_meta_class_has(c, id, cd_list_class_photo_byline) || cd_meta_class_has(c, id, cd_list_class_kicker))
            return;
        rank = 0;
    }
    else if (named && cd_meta_class_has(c, id, cd_list_class_author) &&
             (!cd_meta_class_has(c, id, cd_list_class_author_extra) || cd_meta_class_has(c, id, cd_list_class_name)))
        rank = 2; /* "author-box__name" names the author inside the box */
    else if (named && cd_meta_class_has(c, id, cd_list_class_forum_user) && !cd_meta_class_has(c, id, cd_list_class_author_extra) &&
             !cd_meta_class_has(c, id, cd_list_class_user_menu))
        rank = 3;
    else if (named && cd_meta_class_has(c, id, cd_list_class_name) && S_in_author_card(c, id))
        rank = 2; /* <div class=author-info><div class=name>…</div><div class=post>Writer</div> */
    else if ((n->tag == CD_TAG_DIV || n->tag == CD_TAG_SPAN || n->tag == CD_TAG_P || n->tag == CD_TAG_TD) &&
             S_glued_byline_memo(v, dom, id))
        rank = 0;
    else
        return;
    /* A poster's line in a teaser of another page's posts (l3s FIFA.com
     * 506df3c3: "<li><strong><a>Who will win Ghana 2008?</a></strong> …
     * <div class=postAuthor>Posted by …"). */
    if (S_teaser_item(c->dom, id) || S_link_row(c->dom, id))
        return;
    rank += S_far(v);
    /* Read into the stack (cd_meta_add copies what it keeps): asked of
     * every element named a byline until eight give one. */
    /* Its first S_BYLINE_MAX + 1 raw bytes (indentation and all), cut at
     * a word's end when that clips the text (the cut inside a word gave
     * wcxb 2893/2894's product page the author "Our Product Research Tea"). */
    char tb[(S_BYLINE_MAX + 1) * 3 + 1];
    size_t len = cd_meta_node_text_word(c, id, S_BYLINE_MAX + 1, tb);
    char *t = len ? tb : NULL;
    if (!t || len > S_BYLINE_MAX)
        return;
    len = S_cut_kicker_slot(c, id, t, len);
    if (!len)
        return;
    len = S_by_line_before_br(c, id, t, len);
    /* A form's label ending with a colon ("<td class=byline>Search
     * Site:</td>" beside a search box, l3s acc703fe) names nobody. */
    size_t e = len;
    while (e && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\t'))
        e--;
    if (e && t[e - 1] == ':')
        return;
    /* In a side column or footer (flags CD_MC_BAD): the post's meta box
     * sits there on some blogs; a last resort. */
    cd_meta_cand *k = cd_meta_add(c, CD_MF_AUTHOR, CD_MS_VISIBLE, rank, id, t, len);
    if (k) {
        k->flags |= (uint8_t)(flags & CD_MC_BAD);
        v->bylines++;
        if (!(flags & CD_MC_BAD))
            v->byline_text = v->texts + 1;
    }
}

/* Is text s (node id) the end of a sentence that text before it in the
 * same element began: "<a>according to Beinsure Data</a> by AM Best's
 * Review." (it follows words and closes with a full stop)? */
static int S_sentence_end(const cd_dom *dom, cd_nid id, const char *s, size_t len)
{
    size_t w = len;
    while (w && s[w - 1] != ' ')
        w--;
    if (s[len - 1] != '.' || len - w <= 3)
        return 0; /* "Jane Doe Jr.", "Emery D." end with an abbreviation */
    for (cd_nid q = cd_dom_node(dom, id)->prev; q; q = cd_dom_node(dom, q)->prev) {
        const cd_node *qn = cd_dom_node(dom, q);
        if (qn->type == CD_NODE_TEXT) {
            for (size_t i = 0; i < qn->len; i++)
                if (cd_isalpha((unsigned char)qn->u.text[i]))
                    return 1;
        } else if (qn->type == CD_NODE_ELEMENT && qn->first) {
            return !(cd_tag_flags(qn->tag) & CD_TF_BLOCK) && qn->tag != CD_TAG_BR;
        }
    }
    return 0;
}

/* Is text node id inside an h2-h6 (a few levels up)? "By Functionality"
 * there heads a section ("Written by Jane Doe" there is an author box's). */
static int S_in_heading(const cd_dom *dom, cd_nid id)
{
    cd_nid a = cd_dom_node(dom, id)->parent;
    for (int d = 0; a && d < 3; d++, a = cd_dom_node(dom, a)->parent) {
        const cd_node *n = cd_dom_node(dom, a);
        if (n->type == CD_NODE_ELEMENT && (cd_tag_flags(n->tag) & CD_TF_HEADING) && n->tag != CD_TAG_H1)
            return 1;
    }
    return 0;
}

/* Is text node id inside an element classed as a byline (a few levels up:
 * "<div class=DetailByline><h2>date<br>By NAME, AFP</h2>")? There a
 * heading's "By …" line is the byline, not a section's heading. */
static int S_in_byline_box(cd_meta_ctx *c, cd_nid id)
{
    cd_nid a = cd_dom_node(c->dom, id)->parent;
    for (int d = 0; a && d < 4; d++, a = cd_dom_node(c->dom, a)->parent)
        if (cd_dom_node(c->dom, a)->type == CD_NODE_ELEMENT && cd_meta_class_has(c, a, cd_list_class_byline) &&
            !cd_meta_class_has(c, a, cd_list_class_photo_byline))
            return 1;
    return 0;
}

/* Does s read as a personal name alone: two or three capitalised words
 * ("Julian K. Arni", "Elliot Raba"), none a month, weekday or role? */
/* Does s hold a word of org-words.txt ("Team", "Desk", "Staff")? */
static int S_has_org_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        while (i < n && !cd_isalpha((unsigned char)s[i]))
            i++;
        size_t st = i;
        while (i < n && cd_isalpha((unsigned char)s[i]))
            i++;
        if (i > st && cd_wordset_has(&cd_list_org_words, s + st, i - st))
            return 1;
    }
    return 0;
}

static int S_name_alone(const char *s, size_t n)
{
    if (n < 5 || n > 40)
        return 0;
    size_t words = 0;
    int place = 0;
    for (size_t i = 0; i < n;) {
        size_t st = i;
        while (i < n && s[i] != ' ')
            i++;
        size_t l = i - st;
        /* "Tom Phillips in Rio de Janeiro": where the writer filed from
         * (one to four capitalised words or particles) ends the name. */
        if (!place && words >= 2 && l == 2 && s[st] == 'i' && s[st + 1] == 'n' && i < n) {
            place = 1;
            while (i < n && s[i] == ' ')
                i++;
            continue;
        }
        if (place) {
            if (!(s[st] >= 'A' && s[st] <= 'Z') && !cd_wordset_has(&cd_list_name_particles, s + st, l))
                return 0;
            if (++place > 5)
                return 0;
            while (i < n && s[i] == ' ')
                i++;
            continue;
        }
        if (!(s[st] >= 'A' && s[st] <= 'Z'))
            return 0;
        /* "The Guardian": an article opens a title, never a name; a group
         * credit has a word that says so ("The Upwork Team"). */
        if (!words && l == 3 && cd_eq_nocase(s + st, 3, "the") && !S_has_org_word(s, n))
            return 0;
        for (size_t k = st + 1; k < i; k++)
            if (!cd_isalpha((unsigned char)s[k]) && (unsigned char)s[k] < 0x80 && s[k] != '-' && s[k] != '\'' &&
                !(s[k] == '.' && l == 2))
                return 0;
        char out[CD_META_DATE_LEN];
        if (cd_meta_date_norm(s + st, l, 0, 1, out) || (l >= 3 && cd_meta_date_norm(s + st, l, 1, 1, out)))
            return 0;
        /* Words of buttons, menus and widgets, which are capitalised too. */
        if (cd_wordset_has(&cd_list_name_stop_words, s + st, l))
            return 0;
        words++;
        while (i < n && s[i] == ' ')
            i++;
    }
    return words >= 2 && words <= 3 && place != 1;
}

/* Does s[0..n) hold a digit? */
static int S_has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (cd_isdigit((unsigned char)s[i]))
            return 1;
    return 0;
}

/* Is s only a separator mark ("·", "|", "•", "-", "–", "—", "/" …: src/lists/marks.txt)? */
static int S_is_mark(const char *s, size_t n)
{
    for (size_t i = 0; cd_list_marks[i]; i++)
        if (cd_list_marks[i][0] == (n ? s[0] : '\0') && n == strlen(cd_list_marks[i]) &&
            memcmp(s, cd_list_marks[i], n) == 0)
            return 1;
    return 0;
}

/* A name beside the date line ("Elliot Raba" then "23.07.2025", "Dec 17,
 * 2025" then "Julian K. Arni"): a byline without a class, ranked after
 * every named one. */
/* Is s[0..n) a name, a comma, and what the writer works as or for ("Robert
 * Fife, CTV Ottawa Bureau Chief", "Murray McCormick, Canwest News Service;
 * Regina Leader-Post"): a news agency or a word of job-title-words.txt? */
static int S_name_qualified(const char *s, size_t n)
{
    const char *comma = memchr(s, ',', n);
    if (!comma || !S_name_alone(s, (size_t)(comma - s)))
        return 0;
    const char *r = comma + 1;
    size_t rl = n - (size_t)(r - s);
    while (rl && *r == ' ')
        r++, rl--;
    if (!rl || rl > 80 || cd_meta_agency_at(r, rl))
        return rl != 0;
    const char *w;
    for (size_t at = 0, l; (l = cd_next_word(r, rl, &at, &w)) != 0;) {
        while (l && !cd_isalpha((unsigned char)w[l - 1]))
            l--;
        if (l && cd_wordset_has(&cd_list_job_title_words, w, l))
            return 1;
    }
    return 0;
}

static void S_name_by_date(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id, const char *s, size_t len)
{
    if (v->bylines >= CD_META_MAX_BYLINES || !(S_name_alone(s, len) || S_name_qualified(s, len)) ||
        S_menu_row_link(c->dom, id))
        return;
    /* The headline is never the byline ("NFL Schedule" in the h1 right
     * above the date). */
    cd_nid a = cd_dom_node(c->dom, id)->parent;
    for (int d = 0; a && d < 4; d++, a = cd_dom_node(c->dom, a)->parent)
        if (cd_dom_node(c->dom, a)->type == CD_NODE_ELEMENT && cd_dom_node(c->dom, a)->tag == CD_TAG_H1)
            return;
    /* A section label above the date ("<div class=categories>Press
     * Release</div><div class=date>…", searchlight.vc, wcxb 0392) names the
     * desk, not the writer. */
    a = cd_dom_node(c->dom, id)->parent;
    for (int d = 0; a && d < 2; d++, a = cd_dom_node(c->dom, a)->parent)
        if (cd_dom_node(c->dom, a)->type == CD_NODE_ELEMENT && cd_meta_class_has(c, a, cd_list_class_kicker))
            return;
    /* A link to a site's home page ("<a href=http://www.guardian.co.uk/>
     * Guardian Unlimited</a>" under the date) names the paper: a writer's
     * link goes to a page of their own. */
    a = cd_dom_node(c->dom, id)->parent;
    for (int d = 0; a && d < 2; d++, a = cd_dom_node(c->dom, a)->parent)
        if (cd_dom_is(c->dom, a, CD_TAG_A)) {
            size_t hl;
            const char *h = cd_dom_attr(c->dom, a, "href", &hl);
            const char *sl = h ? memchr(h, ':', hl) : NULL;
            if (sl && hl - (size_t)(sl - h) > 3 && sl[1] == '/' && sl[2] == '/') {
                const char *path = memchr(sl + 3, '/', hl - (size_t)(sl + 3 - h));
                if (!path || (size_t)(h + hl - path) <= 1)
                    return;
            }
        }
    /* Flagged: the site's own name over the date line is no writer (checked
     * when picked, pick_authors.c S_take_authors). */
    cd_meta_cand *k = cd_meta_add(c, CD_MF_AUTHOR, CD_MS_VISIBLE, 8, id, s, len);
    if (k) {
        k->flags |= CD_MC_BYDATE;
        v->bylines++;
    }
}

/* Is the date written s[0..n) a field of an item rather than a date line:
 * labelled, before its first digit, as something else than a publication or
 * a change ("Release date: Mar 4, 2025", "Ends: June 1")? The names beside
 * it are the item's. */
int cd_meta_field_date(const char *s, size_t n)
{
    size_t d = 0;
    while (d < n && !cd_isdigit((unsigned char)s[d]))
        d++;
    const char *colon = memchr(s, ':', d);
    if (!colon || colon == s)
        return 0;
    size_t l = (size_t)(colon - s) + 1;
    for (size_t i = 0; cd_list_published_labels[i]; i++)
        if (cd_eq_nocase(s, l, cd_list_published_labels[i]))
            return 0;
    return !cd_meta_says_update(s, l) && !cd_eq_nocase(s, l, "date:");
}

/* Does credit s name someone once cleaned? */
static int S_names_someone(cd_meta_ctx *c, const char *s, size_t n)
{
    cd_meta scratch;
    memset(&scratch, 0, sizeof scratch);
    return cd_meta_authors_add(&scratch, c->arena, s, n, 0) > 0;
}

/* The bytes of text node id without the white space around them. */
static const char *S_node_trimmed(const cd_meta_ctx *c, cd_nid id, size_t *len)
{
    const cd_node *n = cd_dom_node(c->dom, id);
    *len = n->len;
    return cd_trim(n->u.text, len);
}

/* Does text t (of an element) open with text node id, a label, as a
 * byline line does ("By <a>…</a>"), never a sentence ("Portrait of … by
 * <a>…</a>")? */
static int S_opens(const cd_meta_ctx *c, cd_nid id, const char *t, size_t tl)
{
    size_t len;
    const char *s = S_node_trimmed(c, id, &len);
    return len && tl >= len && memcmp(t, s, len) == 0;
}

/* The element right after node id among its siblings (blank text
 * skipped): the link after "By" when the whole line also holds a button
 * ("By <a>A. J. Neal</a> <a class=btn>View In Digital Edition</a>"), the
 * list after "Written by:". CD_NONE when words come first. */
static cd_nid S_next_element(const cd_dom *dom, cd_nid id)
{
    cd_nid q = cd_dom_node(dom, id)->next;
    for (int k = 0; q && k < 4; k++, q = cd_dom_node(dom, q)->next) {
        const cd_node *qn = cd_dom_node(dom, q);
        if (qn->type == CD_NODE_ELEMENT)
            return q;
        if (qn->type == CD_NODE_TEXT) {
            for (size_t i = 0; i < qn->len; i++)
                if (!cd_isspace((unsigned char)qn->u.text[i]))
                    return CD_NONE; /* more words of the line */
        }
    }
    return CD_NONE;
}

/* A list of names after a label ("Author(s)" over <ul><li>…, "Written by:
 * <ul><li>Emily Walker</li><li>Casey McDevitt</li></ul>", whose text runs
 * the names together): one credit each. -1 when list is no list. */
static int S_list_bylines(cd_meta_ctx *c, unsigned *budget, cd_nid list, int rank, unsigned bad)
{
    const cd_dom *dom = c->dom;
    const cd_node *an = list ? cd_dom_node(dom, list) : NULL;
    if (!an || an->type != CD_NODE_ELEMENT || (an->tag != CD_TAG_UL && an->tag != CD_TAG_OL))
        return -1;
    int added = 0;
    unsigned seen = 0;
    for (cd_nid li = an->first; li && *budget < CD_META_MAX_BYLINES && seen++ < 32; li = cd_dom_node(dom, li)->next) {
        if (cd_dom_node(dom, li)->tag != CD_TAG_LI)
            continue;
        size_t tl;
        char *lt = cd_meta_node_text(c, li, S_BYLINE_MAX + 1, &tl);
        cd_meta_cand *k = lt && tl <= S_BYLINE_MAX ? cd_meta_add(c, CD_MF_AUTHOR, CD_MS_VISIBLE, rank, li, lt, tl)
                                                   : NULL;
        if (k) {
            k->flags |= (uint8_t)bad;
            (*budget)++;
            added = 1;
        }
    }
    return added;
}

/* A date line that opens with the name, cut off by a bar ("Aaron
 * Ricadela | Senior Writer | July 2, 2025"): the name, as beside a date. */
static void S_name_in_date_line(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id, const char *s, size_t len)
{
    size_t e = 0;
    while (e < len && s[e] != '|')
        e++;
    if (e == len)
        return;
    while (e && s[e - 1] == ' ')
        e--;
    S_name_by_date(c, v, id, s, e);
}

/* A label alone ("Author", "Written by"): the name is in the next
 * element, inside the parent ("By <a>Jane</a>") or in the parent's next
 * sibling ("<p>Written by</p><p>Jane</p>"). 1 when a candidate was added
 * (flagged CD_MC_BAD when bad). */
/* Is text node n only spaces? */
static int S_blank(const cd_node *n)
{
    for (size_t i = 0; i < n->len; i++)
        if (!cd_isspace((unsigned char)n->u.text[i]))
            return 0;
    return 1;
}

/* Does text node id open a line after a break ("Jan. 14, 2008<br/>By
 * <a>…</a>")? Blank text between does not count. */
static int S_after_break(const cd_dom *dom, cd_nid id)
{
    cd_nid q = cd_dom_node(dom, id)->prev;
    for (int k = 0; q && k < 4; k++, q = cd_dom_node(dom, q)->prev) {
        const cd_node *qn = cd_dom_node(dom, q);
        if (qn->type == CD_NODE_ELEMENT)
            return qn->tag == CD_TAG_BR;
        if (qn->type == CD_NODE_TEXT && !S_blank(qn))
            return 0;
    }
    return 0;
}

/* The text of a button that element q holds alone, down its first
 * children ("By </span><div><div class=tooltip><button>Jane Doe</button>":
 * a name that opens the writer's card; wcxb 0026): the text of q leaves
 * buttons out as controls. */
static char *S_name_button(const cd_meta_ctx *c, cd_nid q, size_t *tl)
{
    const cd_dom *dom = c->dom;
    for (int d = 0; q && d < 4; d++) {
        const cd_node *n = cd_dom_node(dom, q);
        if (n->type != CD_NODE_ELEMENT) return NULL;
        if (n->tag == CD_TAG_BUTTON) return cd_meta_node_text(c, q, S_BYLINE_MAX + 1, tl);
        q = n->first;
        while (q && cd_dom_node(dom, q)->type == CD_NODE_TEXT && S_blank(cd_dom_node(dom, q)))
            q = cd_dom_node(dom, q)->next;
    }
    return NULL;
}

static int S_label_byline(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id, int rank, unsigned bad)
{
    unsigned *budget = bad ? &v->side_bylines : &v->bylines;
    const cd_dom *dom = c->dom;
    size_t tl = 0;
    cd_nid p = cd_dom_node(dom, id)->parent;
    char *t = cd_meta_node_text(c, p, S_BYLINE_MAX + 1, &tl);
    if (t && S_label(t, tl)) {
        /* The next sibling holding something (blank text between). */
        cd_nid q = cd_dom_node(dom, p)->next, at = CD_NONE;
        t = NULL;
        for (int k = 0; q && k < 4 && !t; k++, q = cd_dom_node(dom, q)->next)
            if ((t = cd_meta_node_text(c, q, S_BYLINE_MAX + 1, &tl)) != NULL ||
                (t = S_name_button(c, q, &tl)) != NULL)
                at = q;
        int listed = S_list_bylines(c, budget, at, rank, bad);
        if (listed >= 0)
            return listed;
    } else if (t && S_after_break(dom, id) && !S_opens(c, id, t, tl)) {
        /* The label opens the element's second line, the name its link:
         * "Jan. 14, 2008<br/>By <a>Helen Ross, PGATOUR.com Chief of
         * Correspondents</a>" (news spec pgatour-choi-family). */
        cd_nid nx = S_next_element(dom, id);
        if (!nx || !cd_dom_is(dom, nx, CD_TAG_A))
            return 0;
        t = cd_meta_node_text(c, nx, S_BYLINE_MAX + 1, &tl);
        id = nx;
    } else if (t && tl <= S_BYLINE_MAX && S_opens(c, id, t, tl)) {
        /* "Label <ul>…</ul>" in one element; "Label <a>Name</a> <a>Button</a>". */
        cd_nid nx = S_next_element(dom, id);
        int listed = S_list_bylines(c, budget, nx, rank, bad);
        if (listed >= 0)
            return listed;
        /* "Author: <a>Name</a><br />Started: 29 Dec, 2007<br />…" (a box of
         * labelled lines, l3s palgn-psstore-club): the line ends at the
         * break after the link, the rest is other fields. */
        cd_nid br = nx ? cd_dom_node(dom, nx)->next : CD_NONE;
        while (br && cd_dom_node(dom, br)->type == CD_NODE_TEXT && S_blank(cd_dom_node(dom, br)))
            br = cd_dom_node(dom, br)->next;
        if (nx && cd_dom_is(dom, nx, CD_TAG_A) && br && cd_dom_is(dom, br, CD_TAG_BR) &&
            cd_dom_node(dom, br)->next) {
            t = cd_meta_node_text(c, nx, S_BYLINE_MAX + 1, &tl);
            id = nx;
        } else if (!S_names_someone(c, t, tl)) {
            t = nx ? cd_meta_node_text(c, nx, S_BYLINE_MAX + 1, &tl) : NULL;
            id = nx;
        }
    }
    if (!t || tl > S_BYLINE_MAX)
        return 0;
    cd_meta_cand *k = cd_meta_add(c, CD_MF_AUTHOR, CD_MS_VISIBLE, rank, id, t, tl);
    if (!k)
        return 0;
    k->flags |= (uint8_t)bad;
    (*budget)++;
    return 1;
}

/* Does a line end with "started by", the poster's name following in a
 * link ("Discussion in 'Hosting Advice' started by <a>pelex</a>, …")? */
static int S_ends_started_by(const char *s, size_t n)
{
    static const char lead[] = "started by";
    size_t l = sizeof lead - 1;
    return n > l && s[n - l - 1] == ' ' && cd_eq_nocase(s + n - l, l, lead);
}

/* The thread starter named after "… started by": the forum's author,
 * ranked as a labelled byline. */
static void S_thread_starter(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id)
{
    cd_nid nx = S_next_element(c->dom, id);
    size_t tl;
    char *t = nx ? cd_meta_node_text(c, nx, S_BYLINE_MAX + 1, &tl) : NULL;
    if (t && tl <= S_BYLINE_MAX && cd_meta_add(c, CD_MF_AUTHOR, CD_MS_VISIBLE, 1 + S_far(v), nx, t, tl)) {
        v->bylines++;
        v->byline_text = v->texts;
    }
}

/* A personal site's footer: "© 2025 Toby Hede. All rights reserved." The
 * holder, when a personal name (two or three capitalised words), is the
 * writer of a dated page that credits nobody else: the last resort of all
 * (CD_META_RANK_HOLDER, see S_take_authors in pick_authors.c). */
static void S_copyright_holder(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id, const char *s, size_t n)
{
    size_t i;
    if (n > 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA9)
        i = 2;
    else if (n > 10 && cd_eq_nocase(s, 10, "copyright "))
        i = 10;
    else
        return;
    /* The year or years ("2019-2025", "2025 –"). */
    for (;;) {
        while (i < n && (s[i] == ' ' || s[i] == '-' || s[i] == ','))
            i++;
        if (i + 4 <= n && cd_isdigit((unsigned char)s[i]) && cd_isdigit((unsigned char)s[i + 3]))
            i += 4;
        else if (i + 3 <= n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80)
            i += 3; /* a dash */
        else
            break;
    }
    size_t e = i;
    while (e < n && s[e] != '.' && s[e] != '|' && s[e] != ',')
        e++;
    while (e > i && s[e - 1] == ' ')
        e--;
    if (e <= i || !S_name_alone(s + i, e - i) || cd_meta_author_orgish(s + i, e - i))
        return;
    /* "© 2026 Ava Community Energy": the site's own name is the publisher's. */
    for (uint32_t k = 0; k < c->ncands; k++)
        if (c->cands[k].field == CD_MF_SITE &&
            cd_meta_site_like(s + i, e - i, c->cands[k].s, c->cands[k].len))
            return;
    /* "SA LA NACION": a company's legal line is shouted, a name is not. */
    size_t lower = 0;
    for (size_t k = i; k < e; k++)
        lower += s[k] >= 'a' && s[k] <= 'z';
    if (!lower)
        return;
    cd_meta_cand *k = cd_meta_add(c, CD_MF_AUTHOR, CD_MS_VISIBLE, CD_META_RANK_HOLDER, id, s + i, e - i);
    if (k) {
        k->flags |= CD_MC_BAD;
        v->side_bylines++;
    }
}

void cd_meta_visible_side_text(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id)
{
    /* In a side column or footer (an <aside> beside the article holding its
     * "Author" box): only a labelled name, kept as a last resort. */
    size_t len;
    const char *s = S_node_trimmed(c, id, &len);
    if (len && len <= 20 && v->side_bylines < CD_META_MAX_BYLINES / 2 && S_label(s, len))
        S_label_byline(c, v, id, 1 + S_far(v), CD_MC_BAD);
    else if (len && len <= 80 && v->side_bylines < CD_META_MAX_BYLINES / 2)
        S_copyright_holder(c, v, id, s, len);
}

/* A date line that says what it is, past the window under the h1: "Posted
 * on the 15/12/2025 at 19:00 by …" closing a post, "Last updated: November
 * 13, 2025" at the foot of a page. Ranked after every other date line. */
static void S_labelled_date(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id, const char *s, size_t len)
{
    const char *const *pub = cd_list_published_labels;
    int field = -1;
    for (size_t i = 0; pub[i] && field < 0; i++) {
        if (pub[i][0] && (!len || cd_tolower((unsigned char)s[0]) != cd_tolower((unsigned char)pub[i][0])))
            continue; /* the first letter screens the label */
        size_t l = strlen(pub[i]);
        if (len > l && cd_eq_nocase(s, l, pub[i]))
            field = CD_MF_DATE;
    }
    size_t d = 0;
    while (d < len && !cd_isdigit((unsigned char)s[d]))
        d++;
    if (d == len)
        return; /* no digit, no date */
    if (field < 0 && d <= 24 && cd_meta_says_update(s, d))
        field = CD_MF_MODIFIED;
    char out[CD_META_DATE_LEN];
    if (field < 0 || (!cd_meta_date_norm(s, len, 0, 1, out) && !cd_meta_date_norm(s, len, 0, -1, out)))
        return;
    if (cd_meta_add(c, field, CD_MS_VISIBLE, 4, id, s, len))
        v->dates++;
}

/* A sentence that names the text's first publication ("This article was
 * originally published on 26 Sep 2019 at 4:12pm but has been regularly
 * updated …", "First published in March 2012"), anywhere on the page: the
 * date right after the words (within 40 bytes) is a publication date,
 * flagged CD_MC_FIRSTPUB, which the byline's date (the last update's) does
 * not outrank. */
/* The labels by their first two bytes, any case: bit w of S_od_first[b]
 * (S_od_second[b]) when label w's first (second) byte is b but for case.
 * Built once; S_od_ok is 0 when the list does not fit (more than 32
 * labels, or one shorter than two bytes) and the labels are tried one by
 * one. */
static uint32_t S_od_first[256], S_od_second[256];
static size_t S_od_len[32];
static int S_od_ok;
static pthread_once_t S_od_once = PTHREAD_ONCE_INIT;
/* The labels' distinct first two bytes, lower case, when each is an ASCII
 * letter and there are at most S_OD_PAIRS of them (S_od_npairs; 0: the
 * sixteen-byte screen of S_od_find is not used). */
#define S_OD_PAIRS 8
static unsigned char S_od_pair[S_OD_PAIRS][2];
static size_t S_od_npairs;

static int S_od_letter(unsigned char b)
{
    return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
}

static void S_od_index(void)
{
    size_t w = 0, np = 0;
    int pairs_ok = 1;
    for (; cd_list_original_date_labels[w]; w++) {
        const char *lab = cd_list_original_date_labels[w];
        size_t ll = strlen(lab);
        if (w >= 32 || ll < 2)
            return;
        S_od_len[w] = ll;
        for (int b = 0; b < 256; b++) {
            if (cd_tolower(b) == cd_tolower((unsigned char)lab[0]))
                S_od_first[b] |= 1u << w;
            if (cd_tolower(b) == cd_tolower((unsigned char)lab[1]))
                S_od_second[b] |= 1u << w;
        }
        unsigned char a = (unsigned char)lab[0], b = (unsigned char)lab[1];
        if (!S_od_letter(a) || !S_od_letter(b)) {
            pairs_ok = 0;
            continue;
        }
        a |= 0x20, b |= 0x20;
        size_t k = 0;
        while (k < np && !(S_od_pair[k][0] == a && S_od_pair[k][1] == b))
            k++;
        if (k == np) {
            if (np == S_OD_PAIRS)
                pairs_ok = 0;
            else
                S_od_pair[np][0] = a, S_od_pair[np][1] = b, np++;
        }
    }
    S_od_npairs = pairs_ok ? np : 0;
    S_od_ok = 1;
}

/* S_od_find's test at place i (i + 1 < len): the first label still wanted
 * that starts there becomes the best, and only labels before it are wanted. */
static inline void S_od_at(const char *s, size_t len, size_t i, uint32_t *want, int *best, size_t *at)
{
    uint32_t m = S_od_first[(unsigned char)s[i]] & *want;
    if (!m)
        return;
    m &= S_od_second[(unsigned char)s[i + 1]];
    while (m) {
        int w = __builtin_ctz(m);
        m &= m - 1;
        if (i + S_od_len[w] <= len && cd_eq_nocase(s + i, S_od_len[w], cd_list_original_date_labels[w])) {
            *best = w;
            *at = i;
            *want = (1u << w) - 1;
            return; /* the lowest bit left: the earliest label here */
        }
    }
}

/* The first label of the list that s[0..len) holds (the list's order), at
 * its first place: *at; -1 when none. */
static int S_od_find(const char *s, size_t len, size_t *at)
{
    pthread_once(&S_od_once, S_od_index);
    if (!S_od_ok) {
        for (size_t w = 0; cd_list_original_date_labels[w]; w++) {
            const char *lab = cd_list_original_date_labels[w];
            size_t ll = strlen(lab);
            int f = cd_tolower((unsigned char)lab[0]);
            for (size_t i = 0; i + ll <= len; i++)
                if (cd_tolower((unsigned char)s[i]) == f && cd_eq_nocase(s + i, ll, lab)) {
                    *at = i;
                    return (int)w;
                }
        }
        return -1;
    }
    /* One pass: a label found at i is the first place of its own, and
     * only labels before it in the list are still looked for. */
    uint32_t want = ~0u;
    int best = -1;
    size_t i = 0;
#ifdef S_SSE2
    /* Sixteen places at a time where the labels' first two bytes are ASCII
     * letters: only a place where one of those pairs starts (any case) is
     * looked at, as below. */
    if (S_od_npairs) {
        const __m128i lc = _mm_set1_epi8(0x20);
        for (; i + 17 <= len && want; i += 16) {
            __m128i a = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), lc);
            __m128i b = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i + 1)), lc);
            __m128i hit = _mm_setzero_si128();
            for (size_t k = 0; k < S_od_npairs; k++)
                hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8((char)S_od_pair[k][0])),
                                                      _mm_cmpeq_epi8(b, _mm_set1_epi8((char)S_od_pair[k][1]))));
            for (unsigned bits = (unsigned)_mm_movemask_epi8(hit); bits && want; bits &= bits - 1) {
                size_t j = i + (size_t)__builtin_ctz(bits);
                S_od_at(s, len, j, &want, &best, at);
            }
        }
    }
#endif
    for (; i + 1 < len && want; i++)
        S_od_at(s, len, i, &want, &best, at);
    return best;
}

/* The year alone ("2008", 1900-2099) in the next text that shows after
 * text node id, in the same line (no <br> between; the two share a parent
 * or grandparent). */
static const char *S_next_year(const cd_dom *dom, cd_nid id)
{
    cd_nid top = cd_dom_root(dom);
    unsigned seen = 0;
    for (cd_nid k = cd_dom_next(dom, id, top); k && seen < 8; k = cd_dom_next(dom, k, top), seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_BR)
            return NULL; /* "Tuesday<br>January 15<br>2008": a masthead's lines */
        if (n->type != CD_NODE_TEXT)
            continue;
        size_t l = n->len;
        const char *s = cd_trim(n->u.text, &l);
        if (!l)
            continue;
        if (l != 4 || !(s[0] == '1' || s[0] == '2') || !(s[1] == '9' || s[1] == '0') ||
            !cd_isdigit((unsigned char)s[2]) || !cd_isdigit((unsigned char)s[3]))
            return NULL;
        cd_nid a = cd_dom_node(dom, id)->parent, b = n->parent;
        cd_nid a2 = a ? cd_dom_node(dom, a)->parent : CD_NONE, b2 = b ? cd_dom_node(dom, b)->parent : CD_NONE;
        if (a && (a == b || a == b2 || (a2 && (a2 == b || a2 == b2))))
            return s;
        return NULL;
    }
    return NULL;
}

/* A calendar badge: a date set as two to four one-word texts, each in an
 * element of its own under one container ("<div class=cal><span>Dec</span>
 * <span>30</span><span>2007</span></div>", l3s 43fb5dbe), read as one line
 * when the texts from id on end with a four-digit year and read as a date.
 * Returns the joined length in buf (cap bytes) or 0. */
static size_t S_badge(const cd_dom *dom, cd_nid id, char *buf, size_t cap)
{
    const cd_node *n0 = cd_dom_node(dom, id);
    cd_nid box = n0->parent ? cd_dom_node(dom, n0->parent)->parent : CD_NONE;
    if (!box)
        return 0;
    size_t bl = 0;
    unsigned pieces = 0, seen = 0;
    cd_nid last_parent = CD_NONE;
    for (cd_nid k = id; k && seen < 16; k = cd_dom_next(dom, k, box), seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT) {
            if (n->tag == CD_TAG_BR || (k != n0->parent && n->parent != box))
                return 0;
            continue;
        }
        if (n->type != CD_NODE_TEXT)
            continue;
        size_t l = n->len;
        const char *t = cd_trim(n->u.text, &l);
        if (!l)
            continue;
        if (l > 9 || !n->parent || n->parent == last_parent || cd_dom_node(dom, n->parent)->parent != box)
            return 0;
        int digits = 0, alpha = 0;
        for (size_t i = 0; i < l; i++) {
            if (cd_isdigit((unsigned char)t[i]))
                digits++;
            else if (cd_isalpha((unsigned char)t[i]) || (t[i] == '.' && i + 1 == l) || (t[i] == ',' && i + 1 == l))
                alpha++;
            else
                return 0;
        }
        if (digits && alpha && !(digits <= 2 && l <= 4))
            return 0; /* "30th" only */
        if (bl + l + 1 >= cap)
            return 0;
        if (bl)
            buf[bl++] = ' ';
        memcpy(buf + bl, t, l);
        bl += l;
        last_parent = n->parent;
        pieces++;
        if (digits == 4 && l == 4) {
            char out[CD_META_DATE_LEN];
            if (pieces < 2 || (!cd_meta_date_norm(buf, bl, 0, 1, out) && !cd_meta_date_norm(buf, bl, 0, -1, out)))
                return 0;
            return bl;
        }
        if (pieces == 4)
            return 0;
    }
    return 0;
}

static void S_original_date(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id, const char *s, size_t len)
{
    if (v->dates >= CD_META_MAX_DATES || len < 20 || len > 600)
        return;
    size_t i = 0;
    int w = S_od_find(s, len, &i);
    if (w < 0)
        return;
    size_t at = i + strlen(cd_list_original_date_labels[w]), n = len - at < 40 ? len - at : 40;
    char out[CD_META_DATE_LEN];
    if (!cd_meta_date_norm(s + at, n, 0, 1, out) && !cd_meta_date_norm(s + at, n, 0, -1, out))
        return;
    cd_meta_cand *k = cd_meta_add(c, CD_MF_DATE, CD_MS_VISIBLE, 0, id, s + at, n);
    if (k) {
        k->flags |= CD_MC_FIRSTPUB;
        v->dates++;
    }
}

/* Is text node id a publication label alone ("Published Date:",
 * "Posted on"), its date in the next text? */
static int S_published_label(const cd_meta_ctx *c, cd_nid id)
{
    size_t l;
    const char *t = S_node_trimmed(c, id, &l);
    if (!t || l < 5 || l > 24 || (t[l - 1] != ':' && !cd_isalpha((unsigned char)t[l - 1])))
        return 0;
    for (size_t i = 0; cd_list_published_labels[i]; i++)
        if (cd_tolower((unsigned char)t[0]) == cd_tolower((unsigned char)cd_list_published_labels[i][0]) &&
            cd_eq_nocase(t, l, cd_list_published_labels[i]))
            return 1;
    return 0;
}

void cd_meta_visible_text(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id, unsigned flags)
{
    const cd_dom *dom = c->dom;
    const cd_node *n = cd_dom_node(dom, id);
    (void)flags;
    if (v->nh1 && v->after_h1 < S_DATE_WINDOW)
        v->after_h1++;
    if (v->texts < 1000000u)
        v->texts++;
    const char *s = n->u.text;
    size_t len = n->len;
    while (len && cd_isspace((unsigned char)*s))
        s++, len--;
    while (len && cd_isspace((unsigned char)s[len - 1]))
        len--;
    if (len && v->nh1 && v->shown_after_h1 < S_DATE_WINDOW)
        v->shown_after_h1++;
    S_original_date(c, v, id, s, len);
    /* "Feb. 23, 2015 -- Life-threatening peanut allergies have …": the
     * story's first paragraph opens with its date and a dash (WebMD's news
     * pages). A first line short enough is read whole as a date line below;
     * a longer one by the date before the dash. */
    if (len > 80) {
        size_t g = S_glued_date(s, len);
        if (g)
            len = g;
    }
    S_contact_line(c, v, id, s, len);
    S_tagline(c, v, id, s, len);
    /* The source's indentation between a list's items ("<li>9th January
     * 2008</li>" newline, tab "<li>Danny Gorog</li>", news spec
     * apcmag-macpro-xserve) is no text between them. Only a list's: between
     * any two elements it let a tool bar's "Email To Friend", "Printable
     * Version", a dl's "Main Navigation" after a date line be read as names
     * (l3s 5956b685, fe6a4a0e, 4bec5000). */
    if (!len && v->date_text && v->texts == v->date_text + 1 && n->parent &&
        (cd_dom_is(dom, n->parent, CD_TAG_UL) || cd_dom_is(dom, n->parent, CD_TAG_OL)))
        v->date_text++;
    if (!len || len > S_BYLINE_MAX)
        return;
    /* "2025-12-17 · Trond Teigen", "Trond Teigen · 2025-12-17": the mark
     * between them is no text. */
    if (S_is_mark(s, len)) {
        if (v->date_text && v->texts == v->date_text + 1)
            v->date_text++;
        return;
    }
    cd_nid prev = v->prev_text;
    v->prev_text = id;
    if (v->date_text && v->texts == v->date_text + 1)
        S_name_by_date(c, v, id, s, len);
    if (v->bylines < CD_META_MAX_BYLINES && S_label(s, len)) {
        if (!S_teaser_item(dom, id) && S_label_byline(c, v, id, 1 + S_far(v), 0))
            v->byline_text = v->texts;
    } else if (v->bylines < CD_META_MAX_BYLINES && S_ends_started_by(s, len)) {
        S_thread_starter(c, v, id);
    } else if (v->bylines < CD_META_MAX_BYLINES &&
               ((S_byline_prefix(s, len) && S_byline_len(s, len) < 60 && len > 4 && !S_sentence_end(dom, id, s, len) &&
                 !S_menu_link(dom, id) && !(S_far(v) && S_menu_heading(dom, id)) && !S_teaser_item(dom, id) &&
                 (!S_in_heading(dom, id) || (len > 8 && s[2] != ' ' && s[2] != ':') || S_caps_name(s, len) ||
                  S_in_byline_box(c, id) ||
                  /* A heading right under the headline that is "By" and a
                   * name ("<h3>By Jane Doe</h3>", the template's byline
                   * set as a heading; wcxb 4117's "By Dieter Hogen with Uta
                   * Pippig" is a span). */
                  (v->nh1 && v->shown_after_h1 <= S_HEADING_BYLINE && S_by_title_name(s, len)))) ||
                (S_alone(dom, id) && S_by_handle(s, len) && S_in_post_meta(c, id) && !S_teaser_item(dom, id)))) {
        if (cd_meta_add(c, CD_MF_AUTHOR, CD_MS_VISIBLE, 1 + S_far(v), id, s, len)) {
            v->bylines++;
            v->byline_text = v->texts;
        }
    }
    /* "Mon, 31 Dec 2007      16:00:00      GMT": a table cell's date with
     * the source's indentation inside, read with its spaces collapsed (a
     * short line once collapsed; never preformatted text, whose spaces lay
     * out a table: "2023-06-02  A     9       calm"). */
    char flat[84];
    if (len > 80 && len <= 400 && !S_in_pre(dom, id)) {
        size_t fl = S_collapse(s, len, flat, 40);
        if (fl) {
            s = flat;
            len = fl;
        }
    }
    if (v->dates >= CD_META_MAX_DATES || len > 80 || len < 3)
        return;
    int rank;
    if (v->nh1 && v->after_h1 <= S_DATE_NEAR)
        rank = 0;
    else if (v->nh1 && v->after_h1 < S_DATE_WINDOW)
        rank = 3; /* down in the text: after an element named a date */
    else if (!v->nh1 && v->text_dates < 2)
        rank = 1; /* the first two date lines (a masthead's "today" counts once, not
                   * as its element and its text: l3s 33840d84) */
    else if (v->byline_text && v->texts - v->byline_text <= 4)
        rank = 2; /* the date beside a byline, wherever that is */
    else if ((!v->nh1 || v->after_h1 >= S_DATE_WINDOW) && v->headline_dates < 48 && len >= 6 && S_has_digit(s, len) &&
             !(v->nh1 && prev && len <= 40 && S_published_label(c, prev)))
        rank = 4; /* on a page without an h1, or far below its first h1 (side boxes' "READER
                   * CENTER", "TOP JOBS" h1s, then the story's "Jan, 15, 2008" over its
                   * own h1: l3s f8cee3db; a blog's "Ask The Post" h1, then the post's "on
                   * February 19, 2013" under its own: cleaneval washingtonpost blog1_10):
                   * kept only beside the headline (below); a labelled date there is read
                   * as before */
    else {
        if (prev && len >= 6 && len <= 40 && S_has_digit(s, len) && S_published_label(c, prev)) {
            /* "<strong>Published Date: </strong> 14 January 2008": the
             * label and the date in two texts, read as one labelled line
             * (l3s 7a4c1a97, a template of several sites). */
            char o[CD_META_DATE_LEN];
            if ((cd_meta_date_norm(s, len, 0, 1, o) || cd_meta_date_norm(s, len, 0, -1, o)) &&
                cd_meta_add(c, CD_MF_DATE, CD_MS_VISIBLE, 4, id, s, len))
                v->dates++;
            return;
        }
        S_labelled_date(c, v, id, s, len);
        return;
    }
    char rel[CD_META_DATE_LEN];
    size_t rl = c->ref_time ? cd_meta_date_relative(s, len, c->ref_time, rel) : 0;
    if (rl) {
        if (cd_meta_add(c, CD_MF_DATE, CD_MS_VISIBLE, rank, id, rel, rl))
            v->dates++, v->text_dates++;
        return;
    }
    char badge[40];
    size_t bl;
    if (len <= 9 && (bl = S_badge(dom, id, badge, sizeof badge)) != 0)
        s = badge, len = bl;
    if (len < 6)
        return;
    /* A quotation's date (an embedded tweet) is the quoted author's. */
    cd_nid a = n->parent;
    for (int d = 0; a && d < 8; d++, a = cd_dom_node(dom, a)->parent)
        if (cd_dom_node(dom, a)->type == CD_NODE_ELEMENT && cd_dom_node(dom, a)->tag == CD_TAG_BLOCKQUOTE)
            return;
    char out[CD_META_DATE_LEN];
    /* A date whose year is the next link ("<a>Wednesday 16 January</a>
     * <a>2008</a>", each an archive page's link): read as one. */
    char joined[96];
    const char *yr;
    /* dayfirst unknown here: only unambiguous numeric dates qualify now; the
     * candidate is normalised again with the page's language when chosen.
     * (Read once: the answer stands unless the next link's year is joined.) */
    int dated = cd_meta_date_norm(s, len, 0, 1, out) || cd_meta_date_norm(s, len, 0, -1, out);
    if (!dated && len + 5 < sizeof joined && (yr = S_next_year(dom, id)) != NULL) {
        memcpy(joined, s, len);
        joined[len] = ' ';
        memcpy(joined + len + 1, yr, 4);
        s = joined;
        len += 5;
        dated = cd_meta_date_norm(s, len, 0, 1, out) || cd_meta_date_norm(s, len, 0, -1, out);
    }
    if (dated) {
        /* … in a widget showing the reader's day, or in a poster's profile
         * box (when the member joined), its parent or the ones above. */
        if (cd_meta_in_link_card(dom, id))
            return; /* a teaser of another page */
        cd_nid p = n->parent;
        for (int d = 0; p && d < 3; d++, p = cd_dom_node(dom, p)->parent)
            if (cd_dom_node(dom, p)->type == CD_NODE_ELEMENT &&
                (cd_meta_class_has(c, p, cd_list_class_today) || cd_meta_class_has(c, p, cd_list_class_forum_profile)))
                return;
        if (S_in_prose(dom, id, s, len))
            return;
        if (rank == 4) {
            v->headline_dates++;
            if (!cd_meta_date_by_headline(c, id)) {
                S_labelled_date(c, v, id, s, len);
                return;
            }
        }
        int field = cd_meta_date_updated(c, id, s, len) ? CD_MF_MODIFIED : CD_MF_DATE;
        if (cd_meta_add(c, field, CD_MS_VISIBLE, rank, id, s, len)) {
            v->dates++;
            v->text_dates++;
            if (rank <= 2 && len <= 40 && !cd_meta_field_date(s, len)) {
                v->date_text = v->texts;
                if (prev) {
                    const cd_node *pn = cd_dom_node(dom, prev);
                    const char *ps = pn->u.text;
                    size_t pl = pn->len;
                    while (pl && cd_isspace((unsigned char)*ps))
                        ps++, pl--;
                    while (pl && cd_isspace((unsigned char)ps[pl - 1]))
                        pl--;
                    S_name_by_date(c, v, prev, ps, pl);
                }
            } else if (rank <= 2) {
                S_name_in_date_line(c, v, id, s, len);
            }
        }
    }
}
