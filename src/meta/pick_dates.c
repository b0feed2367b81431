/* meta/pick_dates: the publication and modification dates, chosen from the
 * candidates.
 *
 * Precedence: JSON-LD > og article:* > named <meta> > microdata/<time> >
 * visible > the URL path, each normalised by dates.c to ISO 8601. Two
 * cross-checks keep a structured date honest against what the page shows:
 * the date line under the headline (S_shown_date) and the page's own local
 * form of the same instant (S_local_form). */
#include <string.h>
#ifdef CD_DEBUG_DATE_CANDS
#include <stdio.h>
#include <stdlib.h>
#endif

#include "../util/ctype.h"
#include "../util/isotime.h"
#include "cand.h"
#include "dates.h"
#include "pick.h"
#include "visible.h"
#include "wordlists.h"
#include "../util/wordset.h"

/* How the page writes numeric dates: 1 day first, -1 month first, 0 unknown. */
static int S_dayfirst(const char *lang)
{
    if (!lang || !*lang)
        return 0;
    size_t n = strlen(lang);
    if (n >= 5 && cd_eq_nocase(lang, 5, "en-us"))
        return -1;
    if (n >= 5 && cd_eq_nocase(lang, 5, "en_us"))
        return -1;
    if (n == 2 && cd_eq_nocase(lang, 2, "en"))
        return 0;
    return 1;
}

/* How the page itself writes dates, when its language leaves numeric ones
 * open ("en"): the order of the dates it writes out ("3 October 2023" on
 * a page dated "03/10/2023") or of numeric ones that settle it. The
 * majority of its visible dates, 0 on a tie. */
static int S_page_dayfirst(const cd_meta_ctx *c)
{
    int votes = 0;
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if ((k->field == CD_MF_DATE || k->field == CD_MF_MODIFIED) && k->src == CD_MS_VISIBLE)
            votes += cd_meta_date_order(k->s, k->len);
    }
    return votes > 0 ? 1 : votes < 0 ? -1 : 0;
}

/* A date element in a side column or footer (visible, flagged CD_MC_BAD):
 * after everything else, the URL included. */
static const char *S_side_date(cd_meta_ctx *c, int field, int dayfirst, const char **source)
{
    char out[CD_META_DATE_LEN];
    const cd_meta_cand *list[64];
    size_t n = cd_meta_collect(c, field, CD_MS_VISIBLE, 0, list, 64);
    for (size_t i = 0; i < n; i++) {
        if (!(list[i]->flags & CD_MC_BAD))
            continue;
        size_t len = cd_meta_date_norm(list[i]->s, list[i]->len, 0, dayfirst, out);
        if (len) {
            *source = cd_meta_src_name(CD_MS_VISIBLE);
            return cd_arena_strndup(c->arena, out, len);
        }
    }
    return NULL;
}

/* Days since 1970-01-01 of "YYYY-MM-DD…" (Howard Hinnant's days_from_civil). */
static long S_day_number(const char *d)
{
    int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    int m = (d[5] - '0') * 10 + (d[6] - '0'), dd = (d[8] - '0') * 10 + (d[9] - '0');
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The day of the week of "YYYY-MM-DD…": 1 Monday … 7 Sunday. */
static int S_weekday_of(const char *d)
{
    long n = S_day_number(d); /* day 0, 1970-01-01, was a Thursday */
    return (int)((n % 7 + 7 + 3) % 7) + 1;
}

/* The weekday named in s[0..n) (weekdays.txt), 0 when none or two differ. */
static int S_weekday_named(const char *s, size_t n)
{
    int wd = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && !(cd_isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80))
            i++;
        size_t st = i;
        while (i < n && (cd_isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80 || s[i] == '-'))
            i++;
        uint32_t v = i > st ? cd_wordset_get(&cd_list_weekdays, s + st, i - st) : 0;
        if (v && wd && (int)v != wd)
            return 0;
        if (v)
            wd = (int)v;
    }
    return wd;
}

/* Candidate k's date when its text reads one way only (a numeric date with
 * day and month both 12 or under reads two ways): its length, else 0. */
static size_t S_one_reading(const cd_meta_cand *k, char *out)
{
    char alt[CD_META_DATE_LEN];
    int whole = k->src != CD_MS_VISIBLE;
    size_t l = cd_meta_date_norm(k->s, k->len, whole, 2, out);
    size_t l2 = cd_meta_date_norm(k->s, k->len, whole, -2, alt);
    return l >= 10 && l2 >= 10 && memcmp(out, alt, 10) == 0 ? l : 0;
}

/* How far day d is from days da and db: the nearest so far in *na, *nb. */
static void S_nearer(long d, long da, long db, long *na, long *nb)
{
    long ea = d > da ? d - da : da - d, eb = d > db ? d - db : db - d;
    if (*na < 0 || ea < *na)
        *na = ea;
    if (*nb < 0 || eb < *nb)
        *nb = eb;
}

/* An ambiguous numeric date ("Published: 01.09.2008", "1/10/2008"), both
 * readings valid and different, settled by the page: the weekday the line
 * names; else how the page writes dates (its language, or the order of
 * its written-out dates: dayfirst), which overrides the dots' usual day
 * first (a US page's "01.09.2008" beside "Tue, January 15, 2008" is 9
 * January); else the reading nearer the page's other dates (a masthead's
 * day, the URL's, an unambiguous date line). out holds the reading taken
 * by default (length len, 0 for none); it is replaced when the page
 * settles the other way. Returns the length of out. */
static size_t S_settle_order(const cd_meta_ctx *c, const cd_meta_cand *k, int whole, int dayfirst,
                             const char *page_url, char *out, size_t len)
{
    char a[CD_META_DATE_LEN], b[CD_META_DATE_LEN], o[CD_META_DATE_LEN];
    size_t la = cd_meta_date_norm(k->s, k->len, whole, 2, a);
    size_t lb = cd_meta_date_norm(k->s, k->len, whole, -2, b);
    if (la < 10 || lb < 10 || memcmp(a, b, 10) == 0)
        return len;
    int pick = 0, wd = S_weekday_named(k->s, k->len);
    if (wd && (S_weekday_of(a) == wd) != (S_weekday_of(b) == wd))
        pick = S_weekday_of(a) == wd ? 1 : -1;
    else if (dayfirst)
        pick = dayfirst > 0 ? 1 : -1;
    else {
        long da = S_day_number(a), db = S_day_number(b), near_a = -1, near_b = -1;
        for (uint32_t i = 0; i < c->ncands; i++) {
            const cd_meta_cand *r = &c->cands[i];
            size_t lr = 0;
            if ((r->field == CD_MF_DATE || r->field == CD_MF_MODIFIED) &&
                !(r->len == k->len && memcmp(r->s, k->s, k->len) == 0))
                lr = S_one_reading(r, o);
            else if (r->field == CD_MF_URL)
                lr = cd_meta_date_from_url(r->s, r->len, o);
            if (lr < 10)
                continue;
            S_nearer(S_day_number(o), da, db, &near_a, &near_b);
        }
        if (page_url && cd_meta_date_from_url(page_url, strlen(page_url), o) >= 10)
            S_nearer(S_day_number(o), da, db, &near_a, &near_b);
        if (near_a >= 0 && near_a != near_b)
            pick = near_a < near_b ? 1 : -1;
    }
    /* Nothing settles a date the language left open ("3/4/2025" on an
     * "en" page, or one without a language, with no weekday and no other
     * date): the month-first reading, the usual one of slashed and dashed
     * dates on the English-language web, rather than no date at all. (Dots
     * read day first before this, len > 0.) */
    if (!pick && !len)
        pick = -1;
    if (!pick)
        return len;
    memcpy(out, pick > 0 ? a : b, (pick > 0 ? la : lb) + 1);
    return pick > 0 ? la : lb;
}

/* The stated date against the date line the reader sees. A structured
 * datePublished (JSON-LD, og, <meta>) is usually right, but two things make
 * the visible date line under the headline the better witness: a
 * datePublished within a day of the dateModified, later than the date shown
 * (the CMS stamped both when it regenerated the page, or wrote them in UTC
 * past the publisher's midnight: 2025-12-19T02:41Z on a page that says
 * "December 18, 2025"), and a datePublished more than a day after the date
 * shown (an import's stamp on an older post). A timestamp a day away from
 * the date shown is not enough alone: as often the page shows UTC and the
 * timestamp local time.
 * The visible date is a date line right after the h1 or an element named a
 * date (ranks 0-2), never one labelled "Updated" (those are modified
 * candidates). On a match, out gets the visible date (YYYY-MM-DD). */
static int S_shown_date(cd_meta_ctx *c, int dayfirst, const char *pub, size_t plen, char *out)
{
    if (plen < 10)
        return 0;
    char vis[CD_META_DATE_LEN], mod[CD_META_DATE_LEN];
    const cd_meta_cand *list[64], *shown = NULL;
    size_t n = cd_meta_collect(c, CD_MF_DATE, CD_MS_VISIBLE, 0, list, 64), vl = 0;
    for (size_t i = 0; i < n && !vl; i++)
        if (!(list[i]->flags & CD_MC_BAD) && list[i]->rank <= 2 &&
            (vl = cd_meta_date_norm(list[i]->s, list[i]->len, 0, dayfirst, vis)))
            shown = list[i];
    /* The first date line must be that one: "Page updated: …" first means
     * the page dates itself by its updates. */
    cd_nid first_date = 0, first_mod = 0;
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->src != CD_MS_VISIBLE || k->rank > 2 || (k->flags & CD_MC_BAD))
            continue;
        if (k->field == CD_MF_DATE && (!first_date || k->pos < first_date))
            first_date = k->pos;
        if (k->field == CD_MF_MODIFIED && (!first_mod || k->pos < first_mod))
            first_mod = k->pos;
    }
    long p = S_day_number(pub), v;
    if (first_mod && (!first_date || first_mod < first_date)) {
        /* The page dates itself by its updates ("Page updated: 12 November
         * 2025"): kept, unless the update shown is a day or more before the stated
         * publication, which no update can be (the stamp is another time
         * zone's, or a re-import's): then the line is the page's date. */
        for (uint32_t i = 0; i < c->ncands; i++) {
            const cd_meta_cand *k = &c->cands[i];
            if (k->pos != first_mod || k->field != CD_MF_MODIFIED || k->src != CD_MS_VISIBLE ||
                cd_meta_date_norm(k->s, k->len, 0, dayfirst, mod) < 10)
                continue;
            if (S_day_number(mod) >= p)
                return 0;
            memcpy(out, mod, 10);
            out[10] = '\0';
            return 1;
        }
        return 0;
    }
    if (vl < 10)
        return 0;
    v = S_day_number(vis);
    /* A date line later than the stated publication and earlier than the
     * stated modification, each by more than a day, and the only day the
     * page shows: the version shown was republished that day (a buying
     * guide rewritten and dated anew, its datePublished the first
     * version's), and later edits left the line alone. A page showing
     * several days is a list (other posts, comments): no such reading. */
    if (v > p + 1) {
        static const int msrcs[] = {CD_MS_JSONLD, CD_MS_OG, CD_MS_META};
        const cd_meta_cand *ml[1];
        long m = 0;
        for (size_t s = 0; s < 3 && !m; s++) {
            size_t k = cd_meta_collect(c, CD_MF_MODIFIED, msrcs[s], 0, ml, 1);
            if (k && cd_meta_date_norm(ml[0]->s, ml[0]->len, 1, dayfirst, mod) >= 10)
                m = S_day_number(mod);
        }
        if (!m || v >= m - 1)
            return 0;
        /* … read one way only ("09.10.2024" on a US page is no evidence). */
        for (size_t i = 0; i < n; i++) {
            char o[CD_META_DATE_LEN];
            if (list[i]->flags & CD_MC_BAD)
                continue;
            if (S_one_reading(list[i], o) < 10 || S_day_number(o) != v)
                return 0;
        }
        /* … and no <time> of the page says another day. */
        for (uint32_t i = 0; i < c->ncands; i++) {
            const cd_meta_cand *k = &c->cands[i];
            char o[CD_META_DATE_LEN];
            if (k->field == CD_MF_DATE && k->src == CD_MS_MICRODATA && !(k->flags & CD_MC_BAD) &&
                cd_meta_date_norm(k->s, k->len, 1, dayfirst, o) >= 10 && S_day_number(o) != v)
                return 0;
        }
        memcpy(out, vis, 10);
        out[10] = '\0';
        return 1;
    }
    int stale = 0;
    if (v < p) {
        static const int msrcs[] = {CD_MS_JSONLD, CD_MS_OG, CD_MS_META};
        for (size_t s = 0; s < 3 && !stale; s++) {
            const cd_meta_cand *ml[1];
            size_t k = cd_meta_collect(c, CD_MF_MODIFIED, msrcs[s], 0, ml, 1);
            if (k && cd_meta_date_norm(ml[0]->s, ml[0]->len, 1, dayfirst, mod) >= 10) {
                stale = S_day_number(mod) >= p - 1 && S_day_number(mod) <= p + 1;
                break;
            }
        }
    }
    /* A stated date days after the one shown: the page was moved or
     * re-imported (a migration's stamp, a re-published archive), and the
     * date line keeps the original day. */
    if (v < p - 1)
        stale = 1;
    if (!stale)
        return 0;
    /* … a date line of the story: beside its headline, or the one day the
     * page shows. Away from the headline, beside other days, it is one item
     * of a list ("By NAME on Jun 10, 2013" under each teaser of a side box
     * that no <aside> marks, wcxb 0405 as div soup): the stated date stays. */
    if (shown && !cd_meta_date_by_headline(c, shown->pos))
        for (size_t i = 0; i < n; i++) {
            char o[CD_META_DATE_LEN];
            if (list[i] != shown && !(list[i]->flags & CD_MC_BAD) && list[i]->rank <= 2 &&
                cd_meta_date_norm(list[i]->s, list[i]->len, 0, dayfirst, o) >= 10 && S_day_number(o) != v)
                return 0;
        }
    memcpy(out, vis, 10);
    out[10] = '\0';
    return 1;
}

/* A stated time in UTC ("…T23:25:38Z", "+00:00") against the page's own
 * <time datetime> giving the same instant with its local offset
 * ("2025-12-19T04:25:38+05:00"): the local form is what the page shows,
 * and its day is the page's day. On a match out gets that form and the
 * length is returned, else 0. */
static size_t S_local_form(cd_meta_ctx *c, int dayfirst, const char *pub, size_t plen, char *out)
{
    long long t, u;
    if (plen < 20 || !(pub[plen - 1] == 'Z' || (plen >= 6 && memcmp(pub + plen - 6, "+00:00", 6) == 0)) ||
        !cd_time_parse(pub, plen, &t))
        return 0;
    char loc[CD_META_DATE_LEN];
    const cd_meta_cand *list[64];
    size_t n = cd_meta_collect(c, CD_MF_DATE, CD_MS_MICRODATA, 0, list, 64);
    for (size_t i = 0; i < n; i++) {
        size_t l = cd_meta_date_norm(list[i]->s, list[i]->len, 1, dayfirst, loc);
        if (l < 25 || loc[l - 1] == 'Z' || memcmp(loc + l - 6, "+00:00", 6) == 0 ||
            !cd_time_parse(loc, l, &u) || u != t)
            continue;
        memcpy(out, loc, l + 1);
        return l;
    }
    return 0;
}

/* The best JSON-LD date k describes no article (a VideoObject's
 * uploadDate, a WebPage's datePublished: ranks of the non-article types,
 * see jsonld.c) and the page's article:published_time is days away from
 * it: the article's own date wins over a thing embedded in or around it. */
static int S_ld_other_than_og(const cd_meta_ctx *c, int field, int dayfirst, const cd_meta_cand *k)
{
    const cd_meta_cand *og[1];
    char a[CD_META_DATE_LEN], b[CD_META_DATE_LEN];
    if (field != CD_MF_DATE || k->rank < CD_META_RANK_LD_OTHER || !cd_meta_collect(c, field, CD_MS_OG, 1, og, 1) ||
        og[0]->rank != 0 || cd_meta_date_norm(k->s, k->len, 1, dayfirst, a) < 10 ||
        cd_meta_date_norm(og[0]->s, og[0]->len, 1, dayfirst, b) < 10)
        return 0;
    /* Within a day, they state one moment (often the JSON-LD in local time). */
    long d = S_day_number(a) - S_day_number(b);
    return d > 1 || d < -1;
}

/* Is node pos before the page's h1 (the headline read as a title
 * candidate)? */
static int S_before_h1(const cd_meta_ctx *c, cd_nid pos)
{
    const cd_meta_cand *list[1];
    return cd_meta_collect(c, CD_MF_TITLE, CD_MS_VISIBLE, 0, list, 1) && list[0]->pos > pos;
}

/* The day of visible candidate k (read one way, or the way the page
 * writes dates), -1 for none; *timed is set when the line gives a time. */
static long S_cand_day(const cd_meta_cand *k, int dayfirst, int *timed)
{
    char o[CD_META_DATE_LEN];
    size_t l = cd_meta_date_norm(k->s, k->len, 0, dayfirst, o);
    if (l < 10)
        l = S_one_reading(k, o);
    if (l < 10)
        return -1;
    if (timed)
        *timed = l > 10;
    return S_day_number(o);
}

/* The text before node id (the previous non-blank one), 0 for none. */
static cd_nid S_prev_text(const cd_meta_ctx *c, cd_nid id)
{
    int budget = 40;
    return cd_meta_text_back(c->dom, id, c->dom->body, &budget);
}

/* Is the text before node id a link: a teaser's headline, its date line
 * under it ("ALSO READ" … "Fire at Burrabazar building yet to be
 * controlled" then "January 14, 2008", l3s 9f873f81)? A link of a
 * headline's length, four words or more: "Most Read" or "Print Version"
 * over a story's date line is the page's tools. */
static int S_after_link(const cd_meta_ctx *c, cd_nid id)
{
    const cd_dom *dom = c->dom;
    cd_nid k = S_prev_text(c, id);
    if (!k)
        return 0;
    const cd_node *t = cd_dom_node(dom, k);
    size_t l = t->len;
    const char *ts = cd_trim(t->u.text, &l);
    size_t words = 0, at = 0;
    const char *w;
    while (words < 4 && cd_next_word(ts, l, &at, &w))
        words++;
    if (words < 4)
        return 0;
    cd_nid a = t->parent;
    for (int d = 0; a && d < 4; d++, a = cd_dom_node(dom, a)->parent)
        if (cd_dom_node(dom, a)->type == CD_NODE_ELEMENT && cd_dom_node(dom, a)->tag == CD_TAG_A)
            return 1;
    return 0;
}

/* Is candidate k a labelled publication date ("Published Date: 19 January
 * 2008", the label in its own text or the one before)? */
static int S_labelled_pub(const cd_meta_ctx *c, const cd_meta_cand *k)
{
    const char *s = k->s;
    size_t n = k->len;
    cd_nid p = 0;
    for (int again = 0; again < 2; again++) {
        for (size_t i = 0; cd_list_published_labels[i]; i++) {
            size_t l = strlen(cd_list_published_labels[i]);
            if (n >= l && cd_eq_nocase(s, l, cd_list_published_labels[i]))
                return 1;
        }
        if (again || !(p = S_prev_text(c, k->pos)))
            return 0;
        const cd_node *t = cd_dom_node(c->dom, p);
        n = t->len;
        s = cd_trim(t->u.text, &n);
        if (n > 24)
            return 0;
    }
    return 0;
}

/* Do candidates a and b stand in the same kind of element (tag and class
 * of the element holding the text): two items of one list ("By … • Dec.
 * 4, 2025" over "By … • Dec. 1, 2025", a listing's dated items, wcxb 0956,
 * 4015), not a masthead over a story? */
static int S_same_slot(const cd_meta_ctx *c, cd_nid a, cd_nid b)
{
    const cd_dom *dom = c->dom;
    if (cd_dom_node(dom, a)->type == CD_NODE_TEXT)
        a = cd_dom_node(dom, a)->parent;
    if (cd_dom_node(dom, b)->type == CD_NODE_TEXT)
        b = cd_dom_node(dom, b)->parent;
    if (!a || !b || cd_dom_node(dom, a)->tag != cd_dom_node(dom, b)->tag)
        return 0;
    size_t la = 0, lb = 0;
    const char *ca = cd_dom_attr(dom, a, "class", &la), *cb = cd_dom_attr(dom, b, "class", &lb);
    if (!ca || !cb)
        return !ca && !cb && cd_dom_node(dom, a)->tag != CD_TAG_TD && cd_dom_node(dom, a)->tag != CD_TAG_DIV &&
               cd_dom_node(dom, a)->tag != CD_TAG_P && cd_dom_node(dom, a)->tag != CD_TAG_SPAN;
    return la == lb && memcmp(ca, cb, la) == 0;
}

/* The site's masthead or top bar prints the day the page was served
 * ("Tuesday, January 15, 2008" over the menu): on a page without a
 * date line under an h1, that is its first date line and it wins unless
 * told apart. It is one when it stands well before the headline (more
 * than S_MAST_GAP texts, not beside it), gives a day without a time, and is
 * the newest day the page shows; the story's own date line then stands
 * by the headline (a few texts above it, or among the first texts after
 * it) a day or more earlier, within a year (l3s 022b482d, 9823a7f0,
 * 33840d84: the masthead's 2008-01-15/20/16 over stories of 01-09, 01-17,
 * 01-09). When no headline is found (a <title> naming only the site), the
 * masthead is among the page's first S_MAST_TOP texts and the story's date
 * line is one the story's prose follows (l3s 30cfde24, 9c0924df). That
 * line is moved first in list[0..n). */
#define S_MAST_GAP 8u
#define S_MAST_TOP 120u

/* Does a paragraph of prose (150 bytes or more) follow node id within
 * max_texts texts? */
static int S_prose_within(const cd_meta_ctx *c, cd_nid id, unsigned max_texts)
{
    const cd_dom *dom = c->dom;
    unsigned texts = 0;
    for (cd_nid k = cd_dom_next(dom, id, CD_NONE); k && texts < max_texts; k = cd_dom_next(dom, k, CD_NONE)) {
        const cd_node *t = cd_dom_node(dom, k);
        size_t l = t->len;
        if (t->type != CD_NODE_TEXT || !cd_trim(t->u.text, &l) || !l)
            continue;
        texts++;
        if (l >= 150)
            return 1;
    }
    return 0;
}

/* Does prose follow node id within six texts: the story starting under
 * its date line, not a list of teasers or links? */
static int S_prose_follows(const cd_meta_ctx *c, cd_nid id)
{
    return S_prose_within(c, id, 6);
}
/* The masthead k0 gives "today" and no dated line stands by the story: a
 * line giving day and month without the year dates it, in the masthead's
 * year (cd_meta_date_yearless): a story line over headline h ("08/01 13:27
 * CET" between the header's "15 January 2008" and the headline, l3s
 * euronews 0929c931), else (after: the lines after h too) one of the first
 * 30 texts under h; with no headline found, a line after k0 the story's
 * prose follows (a dateline "Islamabad, Jan 14" opening the story, l3s
 * mangalorean a5446936). Returns the length of out or 0. */
static size_t S_yearless_by(const cd_meta_ctx *c, const cd_meta_cand *k0, cd_nid h, int after, int dayfirst,
                            char *out)
{
    char r[CD_META_DATE_LEN];
    if (cd_meta_date_norm(k0->s, k0->len, 0, dayfirst, r) < 10 && S_one_reading(k0, r) < 10)
        return 0;
    int ry = (r[0] - '0') * 1000 + (r[1] - '0') * 100 + (r[2] - '0') * 10 + (r[3] - '0');
    int rm = (r[5] - '0') * 10 + (r[6] - '0'), rd = (r[8] - '0') * 10 + (r[9] - '0');
    const cd_dom *dom = c->dom;
    size_t o;
    if (h) {
        int budget = 40;
        cd_nid k = h;
        for (unsigned texts = 0;
             texts < S_MAST_GAP && (k = cd_meta_text_back(dom, k, dom->body, &budget)) && k > k0->pos; texts++) {
            const cd_node *t = cd_dom_node(dom, k);
            size_t l = t->len;
            const char *ts = cd_trim(t->u.text, &l);
            if (l && (o = cd_meta_date_yearless(ts, l, dayfirst, ry, rm, rd, out)))
                return o;
        }
        if (!after)
            return 0;
    }
    unsigned texts = 0, max = h ? 30u : S_MAST_TOP;
    for (cd_nid k = cd_dom_next(dom, h ? h : k0->pos, CD_NONE); k && texts < max; k = cd_dom_next(dom, k, CD_NONE)) {
        const cd_node *t = cd_dom_node(dom, k);
        size_t l = t->len;
        const char *ts;
        if (t->type != CD_NODE_TEXT || !(ts = cd_trim(t->u.text, &l)) || !l)
            continue;
        texts++;
        if ((o = cd_meta_date_yearless(ts, l, dayfirst, ry, rm, rd, out)) && (h || S_prose_follows(c, k)))
            return o;
    }
    return 0;
}

/* S_masthead's answer when the masthead's day is the only date line and
 * stands far from the story: no visible date. */
#define S_MAST_NONE ((size_t)-1)
#define S_MAST_FAR 120u
#define S_MAST_HEAD 10u

/* Does a date line other than k0 (any day, not in a side column) stand by
 * headline h: a few texts above it, or among the first 30 after it? */
static int S_any_by(const cd_meta_ctx *c, const cd_meta_cand *const *list, size_t n, const cd_meta_cand *k0, cd_nid h)
{
    for (size_t i = 0; i < n; i++) {
        const cd_meta_cand *k = list[i];
        if (k == k0 || (k->flags & CD_MC_BAD))
            continue;
        if (k->pos < h ? cd_meta_texts_between(c, k->pos, h, 8) < 8 : cd_meta_texts_between(c, h, k->pos, 31) <= 30)
            return 1;
    }
    return 0;
}

/* Is pos over the page's story: no heading (a visible title candidate)
 * before it, and a paragraph of prose (150 bytes or more) somewhere
 * after it? A date under a heading, or on a page with no prose at all,
 * is no top bar over a story. */
static int S_top_over_story(const cd_meta_ctx *c, cd_nid pos)
{
    const cd_meta_cand *list[16];
    size_t n = cd_meta_collect(c, CD_MF_TITLE, CD_MS_VISIBLE, 0, list, 16);
    for (size_t i = 0; i < n; i++)
        if (list[i]->pos < pos)
            return 0;
    return S_prose_within(c, pos, 400);
}

/* Does anything on the page besides k0 say it is dated day d0: another
 * date line or stated date of that day (published or modified, any
 * source, a side column's too: "Last updated at 8:37 AM on 18/01/08"
 * under a masthead's "Friday, January 18, 2008", l3s 3f642f89), or the
 * address's date? */
static int S_day_witnessed(const cd_meta_ctx *c, const cd_meta_cand *k0, long d0, int dayfirst, const char *page_url)
{
    char o[CD_META_DATE_LEN];
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *r = &c->cands[i];
        size_t l = 0;
        if (r == k0)
            continue;
        if (r->field == CD_MF_DATE || r->field == CD_MF_MODIFIED) {
            l = cd_meta_date_norm(r->s, r->len, r->src != CD_MS_VISIBLE, dayfirst, o);
            if (l < 10)
                l = S_one_reading(r, o);
        } else if (r->field == CD_MF_URL)
            l = cd_meta_date_from_url(r->s, r->len, o);
        if (l >= 10 && S_day_number(o) == d0)
            return 1;
    }
    return page_url && cd_meta_date_from_url(page_url, strlen(page_url), o) >= 10 && S_day_number(o) == d0;
}

static size_t S_masthead(const cd_meta_ctx *c, const cd_meta_cand **list, size_t n, int dayfirst,
                         const char *page_url, char *out)
{
    const cd_meta_cand *k0 = NULL;
    for (size_t i = 0; i < n; i++)
        if (!(list[i]->flags & CD_MC_BAD) && (!k0 || list[i]->pos < k0->pos))
            k0 = list[i];
    int timed = 0;
    long d0;
    if (!k0 || (k0->flags & CD_MC_FIRSTPUB) || cd_meta_field_date(k0->s, k0->len) ||
        (d0 = S_cand_day(k0, dayfirst, &timed)) < 0 || timed)
        return 0;
    cd_nid h = cd_meta_headline_at(c);
    /* Right under the headline's h1 (rank 0): its date line. Under an h1
     * no stated title holds (a logo's), no such reading. */
    if (k0->rank == 0 && h)
        return 0;
    if (cd_meta_date_by_headline(c, k0->pos))
        return 0;
    if (h && k0->pos >= h)
        return 0;
    if (h && cd_meta_texts_between(c, k0->pos, h, S_MAST_GAP + 1) <= S_MAST_GAP)
        return S_yearless_by(c, k0, h, 0, dayfirst, out);
    /* No headline found (a <title> naming the site alone): the masthead
     * stands among the page's first texts. */
    if (!h && (!c->dom->body || cd_meta_texts_between(c, c->dom->body, k0->pos, S_MAST_TOP + 1) > S_MAST_TOP))
        return 0;
    size_t take = n;
    for (size_t i = 0; i < n; i++) {
        const cd_meta_cand *k = list[i];
        if (k->flags & CD_MC_BAD)
            continue;
        long d = S_cand_day(k, dayfirst, NULL);
        if (d > d0)
            return 0; /* a later day shown: k0 is no "today" */
        if (d < 0 || d == d0 || d < d0 - 366 || k->pos <= k0->pos || (k->flags & CD_MC_FIRSTPUB) ||
            cd_meta_field_date(k->s, k->len))
            continue;
        int near = !h ? S_prose_follows(c, k->pos)
                   : k->pos < h ? cd_meta_texts_between(c, k->pos, h, 8) < 8
                                : cd_meta_texts_between(c, h, k->pos, 31) <= 30;
        if (!h && S_same_slot(c, k0->pos, k->pos))
            continue;
        if (!near && S_labelled_pub(c, k))
            near = 1; /* "Published Date:" over the story, premium boxes between (l3s marketrasen) */
        if (near && (take == n || k->pos < list[take]->pos) && (k->pos < h || !S_after_link(c, k->pos)))
            take = i;
    }
    if (take == n) {
        size_t len = S_yearless_by(c, k0, h, 1, dayfirst, out);
        /* A headline found, the masthead's day far above it (more than
         * S_MAST_FAR texts: the whole header between), and no date line of
         * any day by the story (above it or among the texts after it): the
         * page shows when it was served, not when the story was written
         * (l3s teamtalk 17a0df1f: the marquee's "Monday, January 14, 2008"
         * 232 texts over a story that shows no date; 3ecf8ed4, 140 texts,
         * a day later than the story's). No visible date then. Nearer
         * ones stay: at 10-13 texts a story's own line ("Saturday, January
         * 12, 2008 - Page updated at 12:00 AM", Seattle Times 3227d893),
         * at 38-97 an edition's date over its stories (The Hindu 498f4478,
         * The Telegraph 6958faf6) or a byline's ("Globe Staff / December
         * 28, 2007", 693d6d1c, 49). */
        if (!len && h && cd_meta_texts_between(c, k0->pos, h, S_MAST_FAR + 1) > S_MAST_FAR &&
            !S_any_by(c, list, n, k0, h))
            return S_MAST_NONE;
        /* No headline found and the day is the first thing the page says
         * (among its first S_MAST_HEAD texts, no heading over it), no prose
         * under it but a story further down, no other date line of any
         * day by it: the day the page was served
         * (a top bar's "Tuesday, January 15, 2008" over the menus of a
         * review that shows no date; l3s a60538cf, 9c0924df: the
         * masthead's day over stories of other days), unless something
         * else on the page says it is dated that day. */
        if (!len && !h && cd_meta_texts_between(c, c->dom->body, k0->pos, S_MAST_HEAD + 1) <= S_MAST_HEAD &&
            !S_prose_follows(c, k0->pos) && S_top_over_story(c, k0->pos) &&
            !S_day_witnessed(c, k0, d0, dayfirst, page_url))
            return S_MAST_NONE;
        return len;
    }
    const cd_meta_cand *k = list[take];
    memmove(list + 1, list, take * sizeof *list);
    list[0] = k;
    return 0;
}

static const char *S_pick_date(cd_meta_ctx *c, int field, int dayfirst, const char *page_url,
                               const char **source, int *served)
{
    static const int srcs[] = {CD_MS_JSONLD, CD_MS_OG, CD_MS_META, CD_MS_MICRODATA, CD_MS_VISIBLE};
    char out[CD_META_DATE_LEN];
    for (size_t s = 0; s < sizeof srcs / sizeof srcs[0]; s++) {
        const cd_meta_cand *list[64];
        size_t n = cd_meta_collect(c, field, srcs[s], 0, list, 64);
        if (srcs[s] == CD_MS_JSONLD && n && S_ld_other_than_og(c, field, dayfirst, list[0]))
            continue;
        /* A sentence's "originally published on …" before the date lines. */
        if (srcs[s] == CD_MS_VISIBLE && field == CD_MF_DATE)
            for (size_t i = 0; i < n; i++)
                if (list[i]->flags & CD_MC_FIRSTPUB) {
                    const cd_meta_cand *k = list[i];
                    memmove(list + 1, list, i * sizeof *list);
                    list[0] = k;
                    break;
                }
        if (srcs[s] == CD_MS_VISIBLE && field == CD_MF_DATE && n) {
            size_t len = S_masthead(c, list, n, dayfirst, page_url, out);
            if (len == S_MAST_NONE) {
                *served = 1;
                continue;
            }
            if (len) {
                *source = cd_meta_src_name(CD_MS_VISIBLE);
                return cd_arena_strndup(c->arena, out, len);
            }
        }
        /* The first date line is not beside the headline but a later one
         * is: that one dates the story. */
        if (srcs[s] == CD_MS_VISIBLE && field == CD_MF_DATE && n > 1 && list[0]->rank != 0 &&
            !(list[0]->flags & CD_MC_FIRSTPUB) && !cd_meta_date_by_headline(c, list[0]->pos))
            for (size_t i = 1; i < n && i < 16; i++)
                if (!(list[i]->flags & CD_MC_BAD) && list[i]->rank <= 4 && !cd_meta_field_date(list[i]->s, list[i]->len) &&
                    cd_meta_date_by_headline(c, list[i]->pos)) {
                    const cd_meta_cand *k = list[i];
                    memmove(list + 1, list, i * sizeof *list);
                    list[0] = k;
                    break;
                }
        /* Two date lines by the headline, the first a day or more later
         * than the second (within a month): the first is the day the page
         * was served (a section bar's "21 January 2008 01:37 BST" over the
         * headline, the story's "Friday, 18 Jan 2008 13:47" under it, l3s
         * inthenews-longer-legs) or a later change; the story is dated by
         * its first day. */
        if (srcs[s] == CD_MS_VISIBLE && field == CD_MF_DATE && n > 1 && !(list[0]->flags & (CD_MC_BAD | CD_MC_FIRSTPUB)) &&
            list[0]->rank <= 2 && cd_meta_date_by_headline(c, list[0]->pos) &&
            cd_meta_date_norm(list[0]->s, list[0]->len, 0, dayfirst, out) >= 10) {
            long d0 = S_day_number(out);
            for (size_t i = 1; i < n && i < 8; i++) {
                const cd_meta_cand *k = list[i];
                if ((k->flags & CD_MC_BAD) || k->rank > 2 || k->pos < list[0]->pos || cd_meta_field_date(k->s, k->len) ||
                    S_one_reading(k, out) < 10 || !cd_meta_date_by_headline(c, k->pos))
                    continue;
                long d = S_day_number(out);
                if (d < d0 && d >= d0 - 31) {
                    memmove(list + 1, list, i * sizeof *list);
                    list[0] = k;
                }
                break;
            }
        }
        for (size_t i = 0; i < n; i++) {
            if (list[i]->flags & CD_MC_BAD)
                continue;
            /* "UPDATED: 8:11 p.m. CDT, January 15, 2008" in the page's
             * header, far above the headline: the site's status line. */
            if (srcs[s] == CD_MS_VISIBLE && field == CD_MF_MODIFIED && list[i]->rank == 1 &&
                S_before_h1(c, list[i]->pos) && !cd_meta_date_by_headline(c, list[i]->pos))
                continue;
            int whole = srcs[s] != CD_MS_VISIBLE;
            size_t len = cd_meta_date_norm(list[i]->s, list[i]->len, whole, dayfirst, out);
            if (len)
                len = S_settle_order(c, list[i], whole, dayfirst, page_url, out, len);
            else if (cd_meta_date_norm(list[i]->s, list[i]->len, whole, 2, out))
                len = S_settle_order(c, list[i], whole, dayfirst, page_url, out, 0); /* the language left it open */
            if (len) {
                *source = cd_meta_src_name(srcs[s]);
                size_t ll;
                if (field == CD_MF_DATE && s < 3 && S_shown_date(c, dayfirst, out, len, out))
                    *source = cd_meta_src_name(CD_MS_VISIBLE), len = strlen(out);
                else if (field == CD_MF_DATE && s < 3 && (ll = S_local_form(c, dayfirst, out, len, out)))
                    *source = cd_meta_src_name(CD_MS_MICRODATA), len = ll;
                return cd_arena_strndup(c->arena, out, len);
            }
        }
    }
    /* Then a structured date from a block otherwise skipped: on a forum the
     * whole thread sits in "discussion"/"comment" blocks, and its first
     * datePublished is the opening post's. */
    {
        const cd_meta_cand *list[64];
        size_t n = cd_meta_collect(c, field, CD_MS_MICRODATA, 0, list, 64);
        for (size_t i = 0; i < n; i++) {
            if (!(list[i]->flags & CD_MC_BAD))
                continue;
            size_t len = cd_meta_date_norm(list[i]->s, list[i]->len, 1, dayfirst, out);
            if (len) {
                *source = cd_meta_src_name(CD_MS_MICRODATA);
                return cd_arena_strndup(c->arena, out, len);
            }
        }
    }
    if (field != CD_MF_DATE)
        return S_side_date(c, field, dayfirst, source);
    /* Last resort: a date in the URL path (canonical, og:url, then the caller's). */
    static const int usrcs[] = {CD_MS_HTML, CD_MS_OG, CD_MS_JSONLD};
    for (size_t s = 0; s < sizeof usrcs / sizeof usrcs[0]; s++) {
        const cd_meta_cand *list[8];
        size_t n = cd_meta_collect(c, CD_MF_URL, usrcs[s], 0, list, 8);
        for (size_t i = 0; i < n; i++) {
            size_t len = cd_meta_date_from_url(list[i]->s, list[i]->len, out);
            if (len) {
                *source = cd_meta_src_name(CD_MS_URL);
                return cd_arena_strndup(c->arena, out, len);
            }
        }
    }
    if (page_url) {
        size_t len = cd_meta_date_from_url(page_url, strlen(page_url), out);
        if (len) {
            *source = cd_meta_src_name(CD_MS_URL);
            return cd_arena_strndup(c->arena, out, len);
        }
    }
    return S_side_date(c, field, dayfirst, source);
}

#ifdef CD_DEBUG_DATE_CANDS
/* Debug builds only (-DCD_DEBUG_DATE_CANDS, with CD_DATE_CANDS set): every
 * date candidate, one line each on stderr,
 *   DATE pub|mod SOURCE RANK FLAGS POS byh1=BY_HEADLINE TEXT
 * (session 23, h/softdate: where the div-soup probe's dates went). */
static void S_date_cands(const cd_meta_ctx *c)
{
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->field != CD_MF_DATE && k->field != CD_MF_MODIFIED)
            continue;
        fprintf(stderr, "DATE\t%s\t%s\t%u\t%u\t%u\tbyh1=%d\t%.*s\n", k->field == CD_MF_DATE ? "pub" : "mod",
                cd_meta_src_name(k->src), (unsigned)k->rank, (unsigned)k->flags, (unsigned)k->pos,
                cd_meta_date_by_headline(c, k->pos), (int)(k->len > 80 ? 80 : k->len), k->s);
    }
}
#endif

void cd_meta_pick_dates(cd_meta_ctx *c, cd_meta *m, const char *page_url)
{
#ifdef CD_DEBUG_DATE_CANDS
    if (getenv("CD_DATE_CANDS"))
        S_date_cands(c);
#endif
    int dayfirst = S_dayfirst(m->language);
    if (!dayfirst)
        dayfirst = S_page_dayfirst(c);
    int served = 0, unused = 0;
    m->date_published = S_pick_date(c, CD_MF_DATE, dayfirst, page_url, &m->date_source, &served);
    m->date_modified = S_pick_date(c, CD_MF_MODIFIED, dayfirst, NULL, &m->modified_source, &unused);
    m->served_day = served && !m->date_published;
    /* A page that states only when it was modified (article:modified_time on
     * a landing page) is dated by that: the only date the publisher gives
     * for the text (trafilatura falls back the same way). */
    if (!m->date_published && m->date_modified) {
        m->date_published = m->date_modified;
        m->date_source = "modified";
    }
    /* A date line read as published, a day without a time, that is later
     * than the page's stated modification is the day the page was served
     * (a masthead's "Thursday, 17th January 2008" above a story "Last
     * Updated: 31 December 2007"): the modification dates the text. A
     * date line with its time ("1/10/2008, 3:50 a.m. EST") is the story's
     * own; then the "modified" is another thing's (a footer's "User
     * Agreement (REVISED 01/08/2008)"). */
    else if (m->date_published && m->date_modified && m->date_source &&
             strcmp(m->date_source, cd_meta_src_name(CD_MS_VISIBLE)) == 0 && strlen(m->date_published) == 10 &&
             strlen(m->date_modified) >= 10 && S_day_number(m->date_published) > S_day_number(m->date_modified)) {
        m->date_published = m->date_modified;
        m->date_source = "modified";
    }
}
