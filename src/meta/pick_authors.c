/* meta/pick_authors: the authors, chosen from the candidates.
 *
 * Precedence: JSON-LD > named <meta> > og article:author > microdata >
 * visible byline > twitter, people before organisations, and bylines in a
 * side column last. Then three cross-checks against the byline the reader
 * sees: a stated account name yields to the byline under the headline
 * (S_byline_check), a stated first author to the byline's full list
 * (S_coauthors), and the site's own name to a person another source states
 * (S_site_credit). */
#ifdef CD_DEBUG_NEWS_CANDS
#include <stdio.h>
#include <stdlib.h>
#endif
#include <string.h>

#include "../util/ctype.h"
#include "authors.h"
#include "cand.h"
#include "dates.h"
#include "pick.h"
#include "title.h"
#include "wordlists.h"

/* Are links a and b (a first) items of one list of names: nothing but
 * list separators (",", "&", "and") between them? Not "Jane Doe –
 * Updated … | Fact-checked by <a>Frank Bass</a>". */
static int S_listed(const cd_dom *dom, cd_nid a, cd_nid b)
{
    unsigned steps = 0;
    int sep = 0;
    for (cd_nid k = cd_dom_next_skip(dom, a, CD_NONE); k && k != b; k = cd_dom_next(dom, k, CD_NONE)) {
        if (++steps > 24)
            return 0;
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type != CD_NODE_TEXT)
            continue;
        const char *t = n->u.text;
        for (size_t i = 0; i < n->len;) {
            if (cd_isspace((unsigned char)t[i]) || t[i] == ',' || t[i] == '&' || t[i] == ';') {
                sep |= !cd_isspace((unsigned char)t[i]);
                i++;
                continue;
            }
            size_t st = i;
            while (i < n->len && cd_isalpha((unsigned char)t[i]))
                i++;
            int ok = i > st && cd_wordset_has(&cd_list_author_list_words, t + st, i - st);
            if (!ok)
                return 0;
            sep = 1;
        }
    }
    return sep;
}

/* Is there prose between nodes a and b (a first): a text of a sentence's
 * length? Co-authors are credited side by side; a credit after a
 * paragraph is another post's (a reader comment's "Posted by: …"). */
static int S_prose_between(const cd_dom *dom, cd_nid a, cd_nid b)
{
    unsigned steps = 0;
    for (cd_nid k = cd_dom_next_skip(dom, a, CD_NONE); k && k < b; k = cd_dom_next(dom, k, CD_NONE)) {
        if (++steps > 64)
            return 0;
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type != CD_NODE_TEXT || n->len < 80)
            continue;
        size_t spaces = 0;
        for (size_t i = 1; i < n->len; i++)
            spaces += n->u.text[i] == ' ' && n->u.text[i - 1] != ' ';
        if (spaces >= 10)
            return 1;
    }
    return 0;
}

/* Is the JSON-LD organisation credited as author k the publisher a JSON-LD
 * object names ("author": {"@type": "Organization", "name": "Stitch Data"}
 * and "publisher" the same, wcxb 0314; 0273, 2018, 2867, 0686 alike, none
 * with an author in the wcxb gold)? The company that runs the site, no
 * writer, unless a byline on the page shows the name. */
static int S_ld_publisher(const cd_meta_ctx *c, const cd_meta_cand *k)
{
    const cd_meta_cand *sk[8];
    size_t ns = cd_meta_collect(c, CD_MF_SITE, CD_MS_JSONLD, 0, sk, 8);
    for (size_t j = 0; j < ns; j++)
        if (cd_meta_eq_nocase(sk[j]->s, sk[j]->len, k->s, k->len))
            return 1;
    return 0;
}

/* The credits one source gives at one pass (see S_pick_authors). */
static size_t S_trim_len(const char *s, size_t n)
{
    while (n && (cd_isspace((unsigned char)s[n - 1]) || s[n - 1] == '.'))
        n--;
    return n;
}

/* The news agency a credit of the page names alone, after its label
 * ("Written by: AFP", "By Reuters"), else NULL; *len its length. */
static const char *S_agency_alone(const char *s, size_t n, size_t *len)
{
    n = S_trim_len(s, n);
    for (size_t i = 0; i < n && i < 24; i++)
        if (s[i] == ':') {
            s += i + 1, n -= i + 1;
            break;
        }
    if (n > 3 && cd_eq_nocase(s, 3, "by "))
        s += 3, n -= 3;
    while (n && cd_isspace((unsigned char)*s))
        s++, n--;
    *len = n;
    return n && cd_meta_agency_at(s, n) == n ? s : NULL;
}

static int S_shown(const cd_meta_ctx *c, const char *name, int max_rank);

/* Is name a JSON-LD Organization author that is the JSON-LD publisher
 * (S_ld_publisher), shown in no byline? */
static int S_ld_org_publisher(const cd_meta_ctx *c, const char *name)
{
    const cd_meta_cand *list[16];
    size_t n = cd_meta_collect(c, CD_MF_AUTHOR, CD_MS_JSONLD, 0, list, 16);
    size_t nl = strlen(name);
    for (size_t i = 0; i < n; i++)
        if ((list[i]->flags & CD_MC_ORG) && cd_meta_eq_nocase(list[i]->s, list[i]->len, name, nl))
            return S_ld_publisher(c, list[i]) && !S_shown(c, name, 3);
    return 0;
}

/* Does credit s hold a clock time or a numeric date ("by UAkid27
 * 01/15/2008 9:15 a.m. CT")? */
static int S_stamped(const char *s, size_t n)
{
    /* "Posted by: Brad, Glasgow on" (the date in the next element: news
     * spec herald-sportscotland's reader comments) */
    if (n > 3 && cd_eq_nocase(s + n - 3, 3, " on"))
        return 1;
    for (size_t i = 1; i + 1 < n; i++)
        if ((s[i] == ':' || s[i] == '/') && cd_isdigit((unsigned char)s[i - 1]) && cd_isdigit((unsigned char)s[i + 1]))
            return 1;
    return 0;
}

/* Is visible credit k one of a list of posts: three credits or more of its
 * rank, each stamped with its own time and naming another poster ("by
 * UAkid27 01/15/2008 9:15 a.m. CT", "by RoadRacer831 01/15/2008 9:13 a.m.
 * CT", …: a story's reader comments, l3s 8c392c86, cc6cd556, whose bylines
 * name the writer elsewhere)? Co-authors share one credit line, one time. */
/* Are a and b two elements of one tag and one class? */
static int S_alike(const cd_dom *dom, cd_nid a, cd_nid b)
{
    if (!a || !b || a == b || cd_dom_node(dom, a)->type != CD_NODE_ELEMENT ||
        cd_dom_node(dom, b)->type != CD_NODE_ELEMENT || cd_dom_node(dom, a)->tag != cd_dom_node(dom, b)->tag)
        return 0;
    size_t la = 0, lb = 0;
    const char *ca = cd_dom_attr(dom, a, "class", &la), *cb = cd_dom_attr(dom, b, "class", &lb);
    return ca && cb && la && la == lb && memcmp(ca, cb, la) == 0;
}

/* Do visible candidates a and b stand in one slot of two repeated items:
 * elements of one tag and class, each in a parent of its own of one tag
 * and class ("<footer class=product-review__footer><div
 * class=product-review__byline>by <span>NAME</span> from PLACE on
 * <time>September 6, 2025</time>" under each review of a product page,
 * wcxb 2893/2894)? A story's byline and its readers' "Posted by" lines in
 * one flat list share the slot, not the parent's kind ("By Jennifer
 * Agiesta | January 14, 2008; 4:38 PM ET", l3s 67872f6e). */
static int S_same_slot(const cd_meta_ctx *c, cd_nid a, cd_nid b)
{
    const cd_dom *dom = c->dom;
    if (a && cd_dom_node(dom, a)->type == CD_NODE_TEXT)
        a = cd_dom_node(dom, a)->parent; /* a credit line read from its text */
    if (b && cd_dom_node(dom, b)->type == CD_NODE_TEXT)
        b = cd_dom_node(dom, b)->parent;
    return S_alike(dom, a, b) && S_alike(dom, cd_dom_node(dom, a)->parent, cd_dom_node(dom, b)->parent);
}

/* Does credit s give a date ("by NAME from PLACE on September 6, 2025")? */
static int S_dated(const char *s, size_t n)
{
    char date[CD_META_DATE_LEN];
    return n > 3 && cd_meta_date_norm(s, n, 0, 0, date) >= 10;
}

static int S_post_list(const cd_meta_ctx *c, const cd_meta_cand *const *list, size_t n, const cd_meta_cand *k)
{
    /* Three dated credits or more in one slot (tag and class): the first
     * is a list's first item, not a story's byline over it ("by NAME from
     * PLACE on September 6, 2025" under each review of a product page,
     * wcxb 2893/2894; "Written by NAME on Jul 5th 2022", wcxb 4050). */
    if (S_dated(k->s, k->len)) {
        size_t slot = 0;
        for (size_t i = 0; i < n && slot < 2; i++) {
            const cd_meta_cand *q = list[i];
            if (q != k && q->rank == k->rank && S_same_slot(c, q->pos, k->pos) && S_dated(q->s, q->len) &&
                !(q->len == k->len && memcmp(q->s, k->s, k->len) == 0))
                slot++;
        }
        if (slot >= 2)
            return 1;
    }
    if (!S_stamped(k->s, k->len))
        return 0;
    size_t posts = 0;
    int first = 1, other = 0;
    for (size_t i = 0; i < n; i++) {
        const cd_meta_cand *q = list[i];
        if (q->rank != k->rank) {
            other |= !(q->flags & CD_MC_BAD);
            continue;
        }
        if (!S_stamped(q->s, q->len) || (q->len == k->len && memcmp(q->s, k->s, k->len) == 0))
            continue;
        posts++;
        if (q->pos < k->pos)
            first = 0;
    }
    /* The first of them may be the story's own ("By Jennifer Agiesta |
     * January 14, 2008; 4:38 PM ET" over its readers' "Posted by: …", l3s
     * 67872f6e) when the page credits nobody else. */
    return posts >= 2 && (!first || other);
}

/* Is node id inside one of the elements at[0..n) (a few levels down)? */
static int S_inside_any(const cd_dom *dom, cd_nid id, const cd_nid *at, size_t n)
{
    cd_nid a = id;
    for (int d = 0; a && d < 4; d++, a = cd_dom_node(dom, a)->parent)
        for (size_t i = 0; i < n; i++)
            if (at[i] == a)
                return 1;
    return 0;
}

/* Does a paragraph of prose of the page (a text of 120 bytes or more, not
 * node pos, not a script or a style) hold name[0..n) as its opening or
 * after a space, a capitalised name going on no further ("Adelaide United
 * FC defenders Cassio and …", "Adelaide United still has …")? One pass over
 * the nodes, within CD_META_PAGE_PASSES (past them: no). */
static int S_prose_names(cd_meta_ctx *c, const char *name, size_t n, cd_nid pos)
{
    if (n < 5 || ++c->page_passes > CD_META_PAGE_PASSES)
        return 0;
    const cd_dom *dom = c->dom;
    for (cd_nid i = 1; i < dom->count; i++) {
        const cd_node *nd = cd_dom_node(dom, i);
        if (nd->type != CD_NODE_TEXT || nd->len < 120 || i == pos)
            continue;
        const cd_node *pn = cd_dom_node(dom, nd->parent);
        if (pn->type == CD_NODE_ELEMENT && (pn->tag == CD_TAG_SCRIPT || pn->tag == CD_TAG_STYLE))
            continue;
        const char *t = nd->u.text;
        for (size_t j = 0; j + n <= nd->len; j++) {
            if (t[j] != name[0] || (j && t[j - 1] != ' ') || memcmp(t + j, name, n) != 0)
                continue;
            if (j + n < nd->len && cd_isalpha((unsigned char)t[j + n]))
                continue;
            return 1;
        }
    }
    return 0;
}

static void S_take_authors(cd_meta_ctx *c, cd_meta *m, int src, int pass, int links)
{
    const cd_meta_cand *list[64];
    size_t n = cd_meta_collect(c, CD_MF_AUTHOR, src, 0, list, 64);
    cd_nid posts[16]; /* the credits of a list of posts, skipped */
    size_t nposts = 0;
    /* Page elements credit one story in one place: after the first
     * credit, only credits right next to it (a list of names). */
    int local = src == CD_MS_MICRODATA || src == CD_MS_VISIBLE;
    cd_nid last = 0;
    int rank = -1;
    const cd_meta_cand *ld_agency = NULL;
    size_t had = m->nauthors;
    for (size_t i = 0; i < n; i++) {
        const cd_meta_cand *k = list[i];
        int org = (k->flags & CD_MC_ORG) != 0;
        if (org && !pass) {
            /* The article's own statement only (the best rank), not a
             * related item's: its news agency (below). */
            if (src == CD_MS_JSONLD && !ld_agency && k->rank == list[0]->rank &&
                cd_meta_agency_at(k->s, k->len) == k->len)
                ld_agency = k;
            continue;
        }
        if (org && src == CD_MS_JSONLD && S_ld_publisher(c, k) && !S_shown(c, k->s, 3))
            continue;
        if (((k->flags & CD_MC_BAD) != 0) != (pass == 2))
            continue;
        if (src == CD_MS_MICRODATA && (k->rank == CD_META_RANK_LINK) != links)
            continue;
        if (src == CD_MS_VISIBLE && k->rank == CD_META_RANK_HOLDER && !m->date_published)
            continue; /* a shop's copyright line on an undated product page */
        if (src == CD_MS_VISIBLE && S_post_list(c, list, n, k)) {
            if (nposts < sizeof posts / sizeof posts[0])
                posts[nposts++] = cd_dom_node(c->dom, cd_dom_node(c->dom, k->pos)->type == CD_NODE_TEXT
                                                                 ? cd_dom_node(c->dom, k->pos)->parent
                                                                 : k->pos)->parent;
            continue;
        }
        /* A name inside a post's credit or its parent ("by <span>NAME</span>
         * from …"; the review's title beside its credit read as a name by
         * the date, "Good Quality", wcxb 4050) is that post's too. */
        if (src == CD_MS_VISIBLE && nposts && S_inside_any(c->dom, k->pos, posts, nposts))
            continue;
        /* The site's own name over the date line ("<small>Malaysia
         * Sun<br>Sunday 30th December, 2007", its logo's alt "Malaysia Sun"
         * linking home, l3s malaysiasun-radiohead-emi): a bare name beside
         * the date that the page states as its site names the paper, not
         * the writer (checked here, on the few names picked: a whole-page
         * look-up). */
        if (src == CD_MS_VISIBLE && (k->flags & CD_MC_BYDATE) && cd_meta_site_named(c, k->s, k->len))
            continue;
        /* A bare name beside the date that the story's prose speaks of
         * ("Adelaide United" over the date line of a club's news, its
         * paragraphs "Adelaide United FC defenders …": l3s b31cc3b5 = news
         * spec sportsaustralia-cassio-glory) is its subject, a team or a
         * body, not the writer, whom a story does not name. */
        if (src == CD_MS_VISIBLE && (k->flags & CD_MC_BYDATE) && S_prose_names(c, k->s, k->len, k->pos))
            continue;
        /* Only the best-ranked statement of a source (one JSON-LD
         * article, not the authors of every related item). */
        if (rank >= 0 && k->rank != rank)
            break;
        if (local && last && (k->pos < last || k->pos - last > 40))
            continue;
        if (src == CD_MS_VISIBLE && last && S_prose_between(c->dom, last, k->pos))
            break;
        if (links && last && !S_listed(c->dom, last, k->pos))
            break;
        /* One JSON-LD script states the article; the authors of
         * another (a list of related stories) are not its. */
        if (src == CD_MS_JSONLD && last && k->pos != last)
            continue;
        /* An itemprop=author (ranks 0-1; rel=author links rank
         * after) is a statement like JSON-LD's: taken as written
         * ("annette thurmon"). */
        int stated = src == CD_MS_MICRODATA && k->rank <= 1;
        size_t agl;
        const char *ag = src == CD_MS_VISIBLE ? S_agency_alone(k->s, k->len, &agl) : NULL;
        if (ag) {
            /* "Written by: AFP": the wire is the source (credit), no writer. */
            if (!m->byline_agency)
                m->byline_agency = cd_arena_strndup(c->arena, ag, agl);
            continue;
        }
        if (cd_meta_authors_add(m, c->arena, k->s, k->len, org || !local || stated)) {
            rank = k->rank;
            last = k->pos;
        }
    }
    /* A news agency the article's JSON-LD states as an Organization author
     * beside the writers it names ("author": [{"@type": "Person", …},
     * {"@type": "Organization", "name": "Reuters"}]) is the text's source,
     * as "By HERB KEINON AND AP" is in a byline (docs/schema.md `credit`),
     * and no author. (Alone, it is taken as the author on the second pass
     * and news/credit.c's wire byline makes it the credit.) */
    if (ld_agency && m->nauthors > had && !m->byline_agency) {
        m->byline_agency = cd_arena_strndup(c->arena, ld_agency->s, ld_agency->len);
        m->byline_agency_source = cd_meta_src_name(CD_MS_JSONLD);
    }
}

static int S_shown(const cd_meta_ctx *c, const char *name, int max_rank);
static int S_orgish(const char *name, const char *site);

/* Does the page show a byline of a person (a visible credit in the story's
 * head, not an organisation's, not in a side column) while the <meta
 * name=author> it names is nowhere on the page? Then the <meta> is the
 * site's editor or account ("Joe Wallace" on every page of the site, the
 * story "By Bryan Harley"): the byline wins. */
/* Is s "By" and two to four capitalised words of letters ("By Bryan
 * Harley"): a byline that names one person and nothing else. */
static int S_by_name(const char *s, size_t n)
{
    if (n < 8 || n > 40 || s[0] != 'B' || s[1] != 'y' || s[2] != ' ')
        return 0;
    size_t words = 0;
    for (size_t i = 3; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        if (!(s[i] >= 'A' && s[i] <= 'Z'))
            return 0;
        while (i < n && s[i] != ' ') {
            if (!cd_isalpha((unsigned char)s[i]) && s[i] != '.' && s[i] != '-' && s[i] != '\'')
                return 0;
            i++;
        }
        words++;
    }
    return words >= 2 && words <= 4;
}

static int S_other_byline(const cd_meta_ctx *c)
{
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->field == CD_MF_AUTHOR && k->src == CD_MS_VISIBLE && k->rank < CD_META_RANK_LINK &&
            !(k->flags & (CD_MC_BAD | CD_MC_ORG)) && S_by_name(k->s, k->len))
            return 1;
    }
    return 0;
}

/* Is name one word in capitals ("CBS", "WVVA") that opens a label of the
 * page's host name ("www.wvva.com", "cbs4denver.com"), whole or before a
 * digit or a hyphen? The station or paper itself, credited on every page
 * by a <meta name=author>: no writer, unless a byline on the page shows it
 * too (S_pick_authors applies it to <meta> credits only: a JSON-LD Person
 * or a "Written by" pair states the account that wrote). */
static int S_host_acronym(const char *name, const char *url)
{
    size_t n = strlen(name);
    if (!url || n < 2 || n > 6)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!(name[i] >= 'A' && name[i] <= 'Z'))
            return 0;
    const char *h = strstr(url, "://");
    if (!h)
        return 0;
    h += 3;
    size_t hl = strcspn(h, "/:?#");
    for (size_t i = 0; i < hl;) {
        size_t st = i;
        while (i < hl && h[i] != '.')
            i++;
        if (i - st >= n && cd_eq_nocase(h + st, n, name) &&
            (i - st == n || cd_isdigit((unsigned char)h[st + n]) || h[st + n] == '-'))
            return 1;
        i++;
    }
    return 0;
}

/* Is name, read without its spaces and marks, a whole label of the page's
 * host ("CBSNews" on www.cbsnews.com, "The Earthtimes" on
 * www.earthtimes.org)? Only a name that cannot be a person's: one word, or
 * one opening with "The". The site credited as author on every page by its
 * <meta name=author>, not a writer (a person's blog named after them,
 * "Jane Doe" on janedoe.com, keeps its author: two words without "The"),
 * unless the page states that name as its site. 2 for the site's staff as
 * a group: the host's name and "team", "staff" or "editors" (see
 * S_site_staff). */
/* Does the page state name[0..n) (or a name opening with it) as its site
 * in its metadata (og:site_name, a publisher)? Then a brand credited as
 * author ("Somerhaus" as author, publisher and site name) is credited on
 * purpose, as wcxb's gold reads it: taken as written. */
static int S_site_stated(const cd_meta_ctx *c, const char *name, size_t n)
{
    static const int ssrc[] = {CD_MS_JSONLD, CD_MS_OG, CD_MS_META, CD_MS_MICRODATA, CD_MS_TWITTER};
    for (size_t si = 0; si < sizeof ssrc / sizeof ssrc[0]; si++) {
        const cd_meta_cand *sk[4];
        size_t ns = cd_meta_collect(c, CD_MF_SITE, ssrc[si], 0, sk, 4);
        for (size_t j = 0; j < ns; j++)
            if (sk[j]->len >= n && cd_meta_eq_nocase(sk[j]->s, n, name, n) &&
                (sk[j]->len == n || !cd_isalnum((unsigned char)sk[j]->s[n])))
                return 1;
    }
    return 0;
}

static int S_host_name(const cd_meta_ctx *c, const char *name, const char *url)
{
    size_t n = strlen(name);
    if (!url || n < 3 || n > 64 || S_site_stated(c, name, n))
        return 0;
    const char *s = name;
    /* A name in lower case only ("winnipeg sun" on www.winnipegsun.com,
     * l3s winnipegsun-podium-canuck) is no person's name as a page states
     * it: read whole, spaces and all. */
    int lower = 1;
    for (const char *p = name; *p && lower; p++)
        lower = !(*p >= 'A' && *p <= 'Z') && (unsigned char)*p < 0x80;
    /* The site's staff as a group ("The Contactmusic team" on
     * www.contactmusic.com, "Automateed Team" on www.automateed.com): the
     * host's name before a closing group word is read as the site's. */
    const char *end = name + n;
    static const char *const group[] = {" team", " staff", " editors"};
    int grouped = 0;
    for (size_t g = 0; g < sizeof group / sizeof group[0] && !grouped; g++) {
        size_t gl = strlen(group[g]);
        if (n > gl && cd_eq_nocase(end - gl, gl, group[g]))
            end -= gl, grouped = 1;
    }
    if (n > 4 && cd_eq_nocase(s, 4, "the "))
        s += 4;
    else if (!grouped && strchr(name, ' ') && !lower)
        return 0;
    char key[64];
    size_t kl = 0;
    for (; s < end && kl < sizeof key; s++)
        if (cd_isalnum((unsigned char)*s))
            key[kl++] = (char)*s;
        else if (*s != ' ' && *s != '-' && *s != '.')
            return 0;
    if (kl < 4)
        return 0;
    const char *lab;
    for (size_t at = 0, l; (l = cd_meta_host_label(url, &at, &lab)) != 0;)
        if (l == kl && cd_meta_eq_nocase(lab, l, key, kl))
            return grouped ? 2 : 1;
    return 0;
}

/* Is every word of a name shown on the page a label of the page's host
 * (or, after the first, a desk word of name-stop-words.txt), two words or
 * more, a label in capitals among them ("CTV Toronto" on toronto.ctv.ca:
 * the station's name set over the story; "CBC Sports" on www.cbc.ca)? The
 * site, not a writer ("Sam Bossley" on sam.bossley.com writes there
 * himself). */
static int S_host_words(const char *name, const char *url)
{
    size_t n = strlen(name), words = 0;
    int acronym = 0;
    if (!url || n < 5 || n > 64)
        return 0;
    const char *w;
    for (size_t at = 0, l; (l = cd_next_word(name, n, &at, &w)) != 0;) {
        if (!words && l == 3 && cd_eq_nocase(w, 3, "the"))
            continue;
        const char *lab;
        int hit = 0;
        for (size_t hat = 0, hl; !hit && (hl = cd_meta_host_label(url, &hat, &lab)) != 0;)
            hit = hl >= 2 && hl == l && cd_meta_eq_nocase(lab, hl, w, l);
        if (!hit && words && cd_wordset_has(&cd_list_name_stop_words, w, l)) {
            words++; /* "CBC Sports": the station's desk */
            continue;
        }
        if (!hit)
            return 0;
        int caps = l <= 6;
        for (size_t k = 0; k < l && caps; k++)
            caps = w[k] >= 'A' && w[k] <= 'Z';
        acronym |= caps;
        words++;
    }
    return words >= 2 && acronym;
}

/* The content of the next <meta name=want> among the siblings from *q on
 * (at most 400 looked at in all, counted in *steps), its length in *vl; *q
 * and *steps move past it. NULL when there is none. */
static const char *S_next_meta(const cd_dom *dom, cd_nid *q, unsigned *steps, const char *want, size_t *vl)
{
    for (; *q && *steps < 400; *q = cd_dom_node(dom, *q)->next, (*steps)++) {
        if (!cd_dom_is(dom, *q, CD_TAG_META))
            continue;
        size_t nl;
        const char *nm = cd_dom_attr(dom, *q, "name", &nl);
        const char *v = cd_dom_attr(dom, *q, "content", vl);
        if (nm && v && cd_eq_nocase(nm, nl, want)) {
            *q = cd_dom_node(dom, *q)->next;
            (*steps)++;
            return v;
        }
    }
    return NULL;
}

/* Is the credit name (one word: "CBS", "Canoe.ca"; or an organisation's
 * name: "The Sports Network") of a <meta
 * name=author> at node pos the publisher: a word of the page's <meta
 * name=copyright> ("© MMVIII, CBS Corporation", "© Canoe.ca Inc.")? The
 * site credited on every page, not a writer. (A domain name stated alone,
 * "AccountingDepartment.com", is taken as written: test_stated_names.) */
static int S_meta_publisher(const cd_meta_ctx *c, const cd_meta_cand *k, const char *name)
{
    size_t n = strlen(name);
    /* A name of several words only when it reads as an organisation ("The
     * Sports Network", stated as both author and copyright): a person's
     * name in both is the blogger's own. */
    if (!n || (strchr(name, ' ') && !(n > 4 && cd_eq_nocase(name, 4, "the ")) && !S_orgish(name, NULL)))
        return 0;
    const cd_dom *dom = c->dom;
    if (!k->pos || k->pos >= dom->count)
        return 0;
    cd_nid q = cd_dom_node(dom, cd_dom_node(dom, k->pos)->parent)->first;
    unsigned steps = 0;
    size_t vl;
    for (const char *v; (v = S_next_meta(dom, &q, &steps, "copyright", &vl)) != NULL;) {
        for (size_t i = 0; i + n <= vl; i++)
            if (cd_meta_eq_nocase(v + i, n, name, n) && (i == 0 || !cd_isalnum((unsigned char)v[i - 1])) &&
                (i + n == vl || !cd_isalnum((unsigned char)v[i + n])))
                return 1;
    }
    return 0;
}

/* Is the whole <meta name=author> k the page's <meta name=publisher> too
 * (l3s 940montreal-gainey-faceoffs: "Génération Flash", the web agency, in
 * both), or the site's name as the page states it (the logo's alt in a
 * link home, l3s eastottawa-airlines-disabled: "Orleans Star / Weekly
 * Journal")? The publisher, not a writer: asked only of a name the page
 * shows in no byline (S_shown). A blogger's own name in both stays when the
 * page shows it (wcxb 0414, "Sam Bossley"). */
static int S_meta_org(cd_meta_ctx *c, const cd_meta_cand *k)
{
    const cd_dom *dom = c->dom;
    size_t n = k->len;
    while (n && cd_isspace((unsigned char)k->s[n - 1]))
        n--;
    if (n < 3 || !k->pos || k->pos >= dom->count || S_site_stated(c, k->s, n))
        return 0;
    cd_nid q = cd_dom_node(dom, cd_dom_node(dom, k->pos)->parent)->first;
    unsigned steps = 0;
    size_t vl;
    for (const char *v; (v = S_next_meta(dom, &q, &steps, "publisher", &vl)) != NULL;) {
        while (vl && cd_isspace((unsigned char)*v))
            v++, vl--;
        while (vl && cd_isspace((unsigned char)v[vl - 1]))
            vl--;
        if (vl == n && cd_meta_eq_nocase(v, vl, k->s, n))
            return 1;
    }
    return cd_meta_logo_named(c, k->s, n);
}

/* Is name an account's slug rather than a name as a page displays it: one
 * token in lower case joined by hyphens ("brandon-peaktwo", wcxb 0101), a
 * generated id whose digits fall in two runs or more inside the letters
 * ("mdelatorreq6vkpg2ma0ci", wcxb 0263), or the site's name of two words or
 * more run together ("levinemusic" on "Levine Music", wcxb 0136; none of the
 * three has an author in the wcxb gold)? A user name as a forum shows it
 * ("paulb203", "slow-poke") is shown on the page: see S_page_says. */
static int S_slug(const char *name, const char *site)
{
    size_t n = strlen(name), hy = 0, runs = 0;
    if (n < 4 || n > 64)
        return 0;
    int upper = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)name[i];
        if (ch == '-')
            hy++;
        else if (cd_isdigit(ch)) {
            if (i + 1 < n && cd_isdigit((unsigned char)name[i + 1]))
                continue;
            runs += i + 1 < n && cd_isalpha((unsigned char)name[i + 1]);
        } else if (ch >= 'A' && ch <= 'Z')
            upper = 1;
        else if (!(ch >= 'a' && ch <= 'z'))
            return 0; /* spaces, dots, marks, other scripts: no slug */
    }
    if (!upper && hy && name[0] != '-' && name[n - 1] != '-')
        return 1;
    if (!hy && runs >= 2)
        return 1;
    if (upper || hy || !site || !strchr(site, ' '))
        return 0;
    size_t k = 0;
    for (const char *p = site; *p; p++) {
        if (*p == ' ')
            continue;
        if (k >= n || cd_lower_bytes[(unsigned char)*p] != (unsigned char)name[k])
            return 0;
        k++;
    }
    return k == n;
}

/* Does a text of the page (not a script or a style) hold name[0..n)? One
 * pass over the nodes, within CD_META_PAGE_PASSES (past them: yes). */
static int S_page_says(cd_meta_ctx *c, const char *name, size_t n)
{
    if (++c->page_passes > CD_META_PAGE_PASSES)
        return 1;
    const cd_dom *dom = c->dom;
    for (cd_nid i = 1; i < dom->count; i++) {
        const cd_node *nd = cd_dom_node(dom, i);
        if (nd->type != CD_NODE_TEXT || nd->len < n)
            continue;
        const cd_node *pn = cd_dom_node(dom, nd->parent);
        if (pn->type == CD_NODE_ELEMENT && (pn->tag == CD_TAG_SCRIPT || pn->tag == CD_TAG_STYLE))
            continue;
        if (cd_contains_nocase(nd->u.text, nd->len, name))
            return 1;
    }
    return 0;
}

/* S_host_name, and for the site's staff as a group ("The Contactmusic
 * team") only when no text of the page shows it: a blog's byline "By
 * Washington Post Editors" (CleanPortalEval washingtonpost.com_blog1_2)
 * credits its posts so, and the page's other names are other posts'. */
static int S_site_staff(cd_meta_ctx *c, const char *name, const char *url)
{
    int h = S_host_name(c, name, url);
    return h == 1 || (h == 2 && !S_page_says(c, name, strlen(name)));
}

/* Does name hold a word (a run of letters) of set? */
static int S_word_of_set(const char *name, const cd_wordset *set)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < n;) {
        while (i < n && !cd_isalpha((unsigned char)name[i]))
            i++;
        size_t st = i;
        while (i < n && cd_isalpha((unsigned char)name[i]))
            i++;
        if (i > st && cd_wordset_has(set, name + st, i - st))
            return 1;
    }
    return 0;
}

/* Does name hold a word of web-firm-words.txt ("Vivid Interactive",
 * "Labs Web Team")? */
static int S_web_firm(const char *name)
{
    return S_word_of_set(name, &cd_list_web_firm_words);
}

static void S_pick_authors(cd_meta_ctx *c, cd_meta *m)
{
    static const int srcs[] = {CD_MS_JSONLD, CD_MS_META, CD_MS_OG, CD_MS_MICRODATA, CD_MS_VISIBLE,
                               CD_MS_TWITTER};
    /* First pass: people only; second: organisations too (the only credit);
     * third: bylines in a side column or footer (CD_MC_BAD). */
    for (int pass = 0; pass < 3 && !m->nauthors; pass++) {
        for (size_t s = 0; s < sizeof srcs / sizeof srcs[0] && !m->nauthors; s++) {
            S_take_authors(c, m, srcs[s], pass, 0);

            const cd_meta_cand *mk[1];
            size_t nmk = srcs[s] == CD_MS_META ? cd_meta_collect(c, CD_MF_AUTHOR, CD_MS_META, 0, mk, 1) : 0;
            /* A stated credit naming a web firm that no text of the page
             * shows: the firm that built the site ("Vivid Interactive and
             * Design", l3s a9564b02), not a writer; all its parts go. */
            int firm = 0;
            for (size_t i = 0; i < m->nauthors && !firm && srcs[s] != CD_MS_VISIBLE; i++)
                firm = S_web_firm(m->authors[i]) && !S_page_says(c, m->authors[i], strlen(m->authors[i]));
            if (firm)
                m->nauthors = 0;
            size_t keep = 0;
            for (size_t i = 0; i < m->nauthors; i++) {
                const char *a = m->authors[i];
                /* (A stated credit, og:article:author "BBC News" alone, stands.) */
                if (srcs[s] == CD_MS_VISIBLE && S_host_words(a, m->url))
                    continue;
                /* The publisher a JSON-LD Organization author names, as the
                 * <meta name=author> too ("Kneib Dentistry PC", wcxb 0142). */
                if ((srcs[s] == CD_MS_META || srcs[s] == CD_MS_OG || srcs[s] == CD_MS_TWITTER) && S_ld_org_publisher(c, a))
                    continue;
                /* A stated account's slug the page shows nowhere. */
                if (srcs[s] != CD_MS_VISIBLE && S_slug(a, m->site_name) && !S_page_says(c, a, strlen(a)))
                    continue;
                if (srcs[s] != CD_MS_META || S_shown(c, a, 255) ||
                    (!S_host_acronym(a, m->url) && !S_site_staff(c, a, m->url) &&
                     !(nmk && S_meta_publisher(c, mk[0], a)) && !S_other_byline(c) &&
                     !(nmk && S_meta_org(c, mk[0]))))
                    m->authors[keep++] = a;
            }
            m->nauthors = keep;
            if (m->nauthors)
                m->author_source = cd_meta_src_name(srcs[s]);
        }
    }
}

/* Is name the stated one, maybe after a title ("Dr Jane Doe")? */
static int S_same_name(const char *stated, const char *name)
{
    size_t a = strlen(stated), b = strlen(name);
    if (cd_meta_eq_nocase(stated, a, name, b))
        return 1;
    return b > a + 1 && name[b - a - 1] == ' ' && cd_meta_eq_nocase(stated, a, name + b - a, a) &&
           b - a - 1 <= 4 && name[0] >= 'A' && name[0] <= 'Z';
}

/* Does word w (wl bytes) stand as a whole word in s? */
static int S_has_word(const char *s, const char *w, size_t wl)
{
    size_t n = strlen(s);
    for (size_t p = 0; p < n;) {
        while (p < n && s[p] == ' ')
            p++;
        size_t st = p;
        while (p < n && s[p] != ' ')
            p++;
        if (p - st == wl && cd_meta_eq_nocase(s + st, wl, w, wl))
            return 1;
    }
    return 0;
}

/* Does name share a word (or run into one: "Jane DoeUpdated") with a
 * stated name? */
static int S_overlaps(const cd_meta *m, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < m->nauthors; i++) {
        const char *s = m->authors[i];
        size_t sl = strlen(s);
        if (n >= sl && cd_meta_eq_nocase(name, sl, s, sl))
            return 1;
        for (size_t p = 0; p < n;) {
            while (p < n && name[p] == ' ')
                p++;
            size_t st = p;
            while (p < n && name[p] != ' ')
                p++;
            /* "van", "de": particles many names share */
            if (p > st && !(name[st] >= 'a' && name[st] <= 'z') && S_has_word(s, name + st, p - st))
                return 1;
        }
    }
    return 0;
}

/* Does name hold a word of three capitals or more ("ACLU Speech", "NASA
 * Goddard"): an acronym, which names a body? */
static int S_acronym(const char *name)
{
    for (const char *p = name; *p;) {
        size_t caps = 0, len = 0;
        for (; *p && *p != ' '; p++, len++)
            caps += *p >= 'A' && *p <= 'Z';
        if (len >= 3 && caps == len)
            return 1;
        while (*p == ' ')
            p++;
    }
    return 0;
}

/* Co-authors the stated author leaves out. A <meta name=author> or JSON-LD
 * author often names the first author only ("Rui Ma") where the byline
 * lists them all ("Rui Ma, Heba Ledwon, … & Suparn Patra"): when the
 * page's byline (microdata, links to author pages, then the visible
 * byline) names every stated person and more, each extra one a name of
 * two words or more sharing no word with a stated one (not "Jane Doe
 * Updated", "VP") and not an organisation ("The Texas Newsroom"), the
 * byline's list is taken. */
static void S_coauthors(cd_meta_ctx *c, cd_meta *m)
{
    if (!m->nauthors || !m->author_source || strcmp(m->author_source, "visible") == 0 ||
        strcmp(m->author_source, "microdata") == 0)
        return;
    static const int srcs[] = {CD_MS_MICRODATA, CD_MS_MICRODATA, CD_MS_VISIBLE};
    for (size_t s = 0; s < 3; s++) {
        cd_meta v;
        memset(&v, 0, sizeof v);
        v.site_name = m->site_name;
        S_take_authors(c, &v, srcs[s], 0, s == 1);
        if (v.nauthors <= m->nauthors)
            continue;
        size_t found = 0, bad = 0;
        /* An acronym beside stated names written without one ("Jane Doe,
         * Senior Technologist, ACLU Speech, Privacy …"): an affiliation. */
        int caps = 0;
        for (size_t i = 0; i < m->nauthors; i++)
            caps |= S_acronym(m->authors[i]);
        for (size_t j = 0; j < v.nauthors; j++) {
            int same = 0;
            for (size_t i = 0; i < m->nauthors && !same; i++)
                same = S_same_name(m->authors[i], v.authors[j]);
            if (same)
                found++;
            else if (!strchr(v.authors[j], ' ') || S_overlaps(m, v.authors[j]) ||
                     cd_meta_author_orgish(v.authors[j], strlen(v.authors[j])) ||
                     (!caps && S_acronym(v.authors[j])))
                bad++; /* not another person: an affiliation is no co-author */
        }
        if (found != m->nauthors || bad)
            continue;
        memcpy(m->authors, v.authors, sizeof v.authors);
        m->nauthors = v.nauthors;
        m->author_source = cd_meta_src_name(srcs[s]);
        return;
    }
}

/* The credit chosen is the site's own name ("Transfer Orbit" on Transfer
 * Orbit): an organisation. A person another structured source states
 * (JSON-LD, meta, og, itemprop, the twitter "Written by" pair) wins. */
static void S_site_credit(cd_meta_ctx *c, cd_meta *m)
{
    if (!m->nauthors || !m->site_name)
        return;
    size_t sl = strlen(m->site_name);
    for (size_t i = 0; i < m->nauthors; i++)
        if (!cd_meta_eq_nocase(m->authors[i], strlen(m->authors[i]), m->site_name, sl))
            return;
    /* Then a rel=author link's person ("Spencer McIntyre" under a <meta
     * name=author> "Rapid7" that is the site, wcxb 2645; the byline's own
     * text is not asked: a section label beside the date, "Living
     * Healthy", wcxb 0027, and the site's "Help Net Security Sponsored",
     * 0080, read as persons there). */
    static const int srcs[] = {CD_MS_JSONLD, CD_MS_META, CD_MS_OG, CD_MS_MICRODATA, CD_MS_TWITTER,
                               CD_MS_MICRODATA};
    for (size_t s = 0; s < sizeof srcs / sizeof srcs[0]; s++) {
        cd_meta v;
        memset(&v, 0, sizeof v);
        v.site_name = m->site_name;
        if (s == 5) {
            /* The page's first author link, not a related story's below
             * it ("Scott Miller" after the story's own "by Clemson News",
             * wcxb 0345). */
            const cd_meta_cand *lk[64];
            size_t nl = cd_meta_collect(c, CD_MF_AUTHOR, CD_MS_MICRODATA, 1, lk, 64);
            const cd_meta_cand *first = NULL;
            for (size_t j = 0; j < nl; j++)
                if (lk[j]->rank == CD_META_RANK_LINK && (!first || lk[j]->pos < first->pos))
                    first = lk[j];
            if (!first || cd_meta_eq_nocase(first->s, first->len, m->site_name, sl))
                continue;
        }
        S_take_authors(c, &v, srcs[s], 0, s == 5);
        size_t keep = 0;
        for (size_t j = 0; j < v.nauthors; j++)
            if (!cd_meta_eq_nocase(v.authors[j], strlen(v.authors[j]), m->site_name, sl) &&
                strchr(v.authors[j], ' '))
                v.authors[keep++] = v.authors[j];
        if (!keep || keep != v.nauthors)
            continue;
        memcpy(m->authors, v.authors, sizeof v.authors);
        m->nauthors = v.nauthors;
        m->author_source = cd_meta_src_name(srcs[s]);
        return;
    }
}

/* Is name a domain name ("Tech.co.uk", "TaxSlayerPro.com"): one token,
 * a dot, a last label of two to six letters? */
static int S_domain_name(const char *name)
{
    size_t n = strlen(name);
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name || strchr(name, ' ') || n - (size_t)(dot - name) - 1 < 2 ||
        n - (size_t)(dot - name) - 1 > 6)
        return 0;
    for (const char *q = dot + 1; *q; q++)
        if (!cd_isalpha((unsigned char)*q))
            return 0;
    /* "M.A.Qudoos", "sara.r.peter": initials or a handle, a label of one letter. */
    size_t lab = 0;
    for (const char *q = name; q <= dot; q++) {
        if (*q == '.') {
            if (lab < 2)
                return 0;
            lab = 0;
        } else
            lab++;
    }
    return 1;
}

/* The credit chosen is a domain name (a <meta name=author> "Tech.co.uk",
 * news spec techcouk-subnotebooks-macbook-air): the site, not a writer. A
 * person the visible byline names (two words or more, no organisation)
 * wins; with none the domain stays (wcxb 0118's gold is
 * "AccountingDepartment.com"). */
static void S_domain_credit(cd_meta_ctx *c, cd_meta *m)
{
    if (!m->nauthors || !m->author_source || strcmp(m->author_source, "visible") == 0)
        return;
    for (size_t i = 0; i < m->nauthors; i++)
        if (!S_domain_name(m->authors[i]))
            return;
    cd_meta v;
    memset(&v, 0, sizeof v);
    v.site_name = m->site_name;
    S_take_authors(c, &v, CD_MS_VISIBLE, 0, 0);
    if (!v.nauthors)
        return;
    for (size_t j = 0; j < v.nauthors; j++)
        if (!strchr(v.authors[j], ' ') || cd_meta_author_orgish(v.authors[j], strlen(v.authors[j])))
            return;
    memcpy(m->authors, v.authors, sizeof v.authors);
    m->nauthors = v.nauthors;
    m->author_source = cd_meta_src_name(CD_MS_VISIBLE);
}

/* Does any byline or microdata credit on the page mention name? */
static int S_shown(const cd_meta_ctx *c, const char *name, int max_rank)
{
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->field == CD_MF_AUTHOR && (k->src == CD_MS_VISIBLE || k->src == CD_MS_MICRODATA) &&
            k->rank <= max_rank && !(k->src == CD_MS_MICRODATA && k->rank == CD_META_RANK_LINK) && cd_contains_nocase(k->s, k->len, name))
            return 1;
    }
    return 0;
}

/* Does name read as an organisation: the site's name, or a word of
 * org-words.txt ("British Heart Foundation", "Clemson News")? */
static int S_orgish(const char *name, const char *site)
{
    size_t n = strlen(name);
    if (site && cd_meta_site_like(name, n, site, strlen(site)))
        return 1;
    return S_word_of_set(name, &cd_list_org_words);
}

/* The byline under the headline against the stated author. A <meta
 * name=author> or JSON-LD author is often the account that uploaded the post
 * ("KatieS", a previous editor) while the page credits the writer: when the
 * byline right under the h1 (rank 0-1: a byline block or a "By …" line)
 * names a person (two words or more) and no credit shown anywhere on the
 * page mentions the stated author, the byline wins. */
static void S_byline_check(cd_meta_ctx *c, cd_meta *m)
{
    if (!m->nauthors || !m->author_source || strcmp(m->author_source, "visible") == 0 ||
        strcmp(m->author_source, "microdata") == 0)
        return;
    /* A stated user name ("andrew.keaveney", "CC7567": the account, not
     * the writer) or organisation yields also to a byline element (rank 2),
     * unless a credit near the article shows it (ranks 0-3: not a "last
     * edited by" in the footer). */
    int handles = 1;
    for (size_t i = 0; i < m->nauthors; i++)
        if (strchr(m->authors[i], ' ') && !S_orgish(m->authors[i], m->site_name))
            handles = 0;
    const cd_meta_cand *list[64];
    size_t n = cd_meta_collect(c, CD_MF_AUTHOR, CD_MS_VISIBLE, 0, list, 64), f = 0;
    while (f < n && (list[f]->flags & CD_MC_BAD))
        f++; /* not a byline in a side column */
    if (f == n || list[f]->rank > (handles ? 2 : 1))
        return;
    for (size_t i = 0; i < m->nauthors; i++)
        if (S_shown(c, m->authors[i], handles ? 3 : 255))
            return;
    cd_meta v;
    memset(&v, 0, sizeof v);
    v.site_name = m->site_name;
    if (!cd_meta_authors_add(&v, c->arena, list[f]->s, list[f]->len, 0) || !strchr(v.authors[0], ' '))
        return;
    memcpy(m->authors, v.authors, sizeof v.authors);
    m->nauthors = v.nauthors;
    m->author_source = cd_meta_src_name(CD_MS_VISIBLE);
}

#ifdef CD_DEBUG_NEWS_CANDS
/* Debug builds only (-DCD_DEBUG_NEWS_CANDS, with CD_NEWS_CANDS=ID set):
 * every author candidate of the sources, one line each on stderr,
 *   AUTH ID SOURCE RANK FLAGS POS SHOWN HOST_WORDS RAW NAMES
 * NAMES being what cd_meta_authors_add makes of RAW (" | " between names),
 * then the pick, AUTHPICK ID SOURCE NAMES. Read by tools/cands_cv.py
 * (issue #12: would a learned chooser beat the precedence?). */
static void S_cands_field(const char *s)
{
    for (const char *q = s ? s : ""; *q; q++)
        fputc(*q == '\t' || *q == '\n' ? ' ' : *q, stderr);
}

static void S_author_cands(cd_meta_ctx *c, const cd_meta *m)
{
    const char *id = getenv("CD_NEWS_CANDS");
    static cd_meta scratch; /* debug only: one page at a time */
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->field != CD_MF_AUTHOR)
            continue;
        memset(&scratch, 0, sizeof scratch);
        cd_meta_authors_add(&scratch, c->arena, k->s, k->len, 1);
        fprintf(stderr, "AUTH\t%s\t%s\t%u\t%u\t%u\t%d\t%d\t", id, cd_meta_src_name(k->src), (unsigned)k->rank,
                (unsigned)k->flags, (unsigned)k->pos, S_shown(c, k->s, 255), S_host_words(k->s, m->url));
        S_cands_field(k->s);
        fputc('\t', stderr);
        for (size_t j = 0; j < scratch.nauthors; j++) {
            if (j) fputs(" | ", stderr);
            S_cands_field(scratch.authors[j]);
        }
        fputc('\n', stderr);
    }
    fprintf(stderr, "AUTHPICK\t%s\t%s\t", id, m->author_source ? m->author_source : "");
    for (size_t j = 0; j < m->nauthors; j++) {
        if (j) fputs(" | ", stderr);
        S_cands_field(m->authors[j]);
    }
    fputc('\n', stderr);
}
#endif

/* No source credited anybody: the page's first link to a person's own
 * page whose text is that page's name ("<a href=/u/DaleJack>DaleJack</a>",
 * a forum thread's first poster; "<a href=/authors/trevor-jackins>Trevor
 * Jackins</a>", a post's writer; microdata.c S_profile_href), the credit a
 * page written without microdata still shows (the div-soup probe,
 * docs/quality.md session 22, h/byline). */
#define S_PROFILE_NEAR 300u /* nodes after the headline's */
static void S_profile_author(cd_meta_ctx *c, cd_meta *m)
{
    if (m->nauthors || !c->nprofiles)
        return;
    /* After the headline: the bar over it links the reader's own
     * account ("<a href=/users/signup>Sign up</a>", "/user/login"). */
    const cd_meta_cand *h1[4];
    size_t nh = cd_meta_collect(c, CD_MF_TITLE, CD_MS_VISIBLE, 1, h1, 4);
    cd_nid after = 0;
    for (size_t i = 0; i < nh; i++)
        if (!h1[i]->rank)
            after = h1[i]->pos;
    for (unsigned i = 0; i < c->nprofiles; i++) {
        if (!after || c->profile_pos[i] <= after)
            continue;
        if (c->profile_pos[i] - after > S_PROFILE_NEAR)
            return;
        size_t pl = strlen(c->profile[i]);
        if (cd_meta_author_orgish(c->profile[i], pl) || cd_meta_agency_at(c->profile[i], pl) == pl)
            return; /* "<a href=/author/agencies>Agencies</a>": a desk's page */
        if (cd_meta_authors_add(m, c->arena, c->profile[i], pl, 1))
            m->author_source = cd_meta_src_name(CD_MS_MICRODATA);
        return;
    }
}

void cd_meta_pick_authors(cd_meta_ctx *c, cd_meta *m)
{
    S_pick_authors(c, m);
    S_byline_check(c, m);
    S_profile_author(c, m);
    S_coauthors(c, m);
    S_site_credit(c, m);
    S_domain_credit(c, m);
#ifdef CD_DEBUG_NEWS_CANDS
    if (getenv("CD_NEWS_CANDS")) S_author_cands(c, m);
#endif
}
