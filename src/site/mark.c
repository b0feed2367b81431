/* site/mark: which text nodes of a parsed page are its site's chrome.
 *
 * With a model of the page's host holding at least COPYDESK_SITES_MIN_PAGES
 * sampled pages, a block held by CD_SITE_CHROME_MIN of them and by
 * CD_SITE_CHROME_SHARE of the sample is the site's furniture -- unless the
 * page itself holds that block more than once: a label repeated within one
 * page ("Price:", "Top rated", a product card's fields, a list of dated
 * items) is the template of the page's own items, not furniture around them
 * (docs/sites.md: what this keeps on the dev sets). extract.c reads the marks:
 * their text scores for no container, a container made mostly of it is no
 * candidate, and inside the chosen region it is dropped ("site-chrome"),
 * with the list of links it labels (a rail of the template). Link text held
 * by fewer pages (CD_SITE_WEAK_MIN) is marked weak: it steers nothing, and
 * goes only inside the region with the chrome around it. */
#include <stdlib.h>
#include <string.h>

#include "site.h"

typedef struct S_sblock {
    uint32_t fp;
    uint32_t k;    /* the host's sampled pages holding it */
    uint32_t mask; /* which (cd_site_mask) */
    cd_nid first, last;
} S_sblock;

typedef struct S_scan {
    cd_site_marks *m;
    const cd_mem *mem;
    const cd_site_host *h;
    float share;  /* CD_SITE_CHROME_SHARE of the host's sampled pages */
    uint32_t all; /* the page's blocks */
    uint32_t n;   /* of them, kept */
    int failed;
} S_scan;

/* Only a block held by CD_SITE_WEAK_MIN sampled pages or more is kept: the
 * others mark nothing and say nothing of the page's template (S_peers), and
 * a block's twin in the page (the same fingerprint) has the same count, so
 * S_occurs sees every twin of a kept block among the kept ones; the host's
 * common blocks are held by more pages (CD_SITE_COMMON_SHARE, at least
 * CD_SITE_CHROME_MIN). */
static void S_collect(void *ctx, const cd_site_block *b)
{
    S_scan *c = ctx;
    cd_site_marks *m = c->m;
    if (c->failed)
        return;
    c->all++;
    uint32_t mask = cd_site_mask(c->h, b->fp), k = 0;
    for (uint32_t v = mask; v; v &= v - 1)
        k++;
    if (k < CD_SITE_WEAK_MIN)
        return;
    if (c->n == m->vcap) {
        uint32_t nc = m->vcap ? m->vcap * 2 : 256;
        void *v = c->mem->realloc(m->vec, (size_t)nc * sizeof(S_sblock));
        if (!v) {
            c->failed = 1;
            return;
        }
        m->vec = v;
        m->vcap = nc;
    }
    S_sblock *sb = (S_sblock *)m->vec + c->n++;
    sb->fp = b->fp;
    sb->k = k;
    sb->mask = mask;
    sb->first = b->first;
    sb->last = b->last;
}

static int S_cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Occurrences of fp in the sorted fp[0..n). */
static uint32_t S_occurs(const uint32_t *fp, uint32_t n, uint32_t key)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (fp[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t k = 0;
    while (lo + k < n && fp[lo + k] == key)
        k++;
    return k;
}

/* Is every text node of the block that holds a visible character inside a
 * link (a menu's entry, a rail's headline)? */
int cd_site_all_link(const cd_dom *dom, cd_nid first, cd_nid last)
{
    int any = 0;
    for (cd_nid id = first; id && id <= last && id < dom->count; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type != CD_NODE_TEXT)
            continue;
        int vis = 0;
        for (uint32_t i = 0; i < n->len && !vis; i++)
            vis = !(n->u.text[i] == ' ' || n->u.text[i] == '\n' || n->u.text[i] == '\t' || n->u.text[i] == '\r' || n->u.text[i] == '\f');
        if (!vis)
            continue;
        int in = 0;
        for (cd_nid a = n->parent; a && !in; a = cd_dom_node(dom, a)->parent) {
            const cd_node *e = cd_dom_node(dom, a);
            if (e->type == CD_NODE_ELEMENT && e->tag == CD_TAG_A)
                in = 1;
            if (e->type == CD_NODE_ELEMENT && e->tag == CD_TAG_BODY)
                break;
        }
        if (!in)
            return 0;
        any = 1;
    }
    return any;
}

/* The sampled pages of the page's own template, when its host's sample
 * splits cleanly into templates: its peers hold at least CD_SITE_PEER_SHARE
 * as many of the page's recurring blocks (each held once in the page) as the
 * sampled page holding most of them, and every other sampled page at most
 * CD_SITE_PEER_APART as many. A registrable domain may serve several
 * templates (a group's papers under one domain, two generations of a site
 * in one crawl); a block of one of them is on too few of the host's pages to
 * be chrome, but on enough of its peers. Without a clean split (one
 * template; products of one line sharing their features with their nearest
 * siblings more than with the rest), or when they are most of the sample,
 * the peers are all n sampled pages.
 * sorted: the kept fingerprints in increasing order. Returns the peers' mask. */
static uint32_t S_peers(const S_sblock *sb, uint32_t nb, const uint32_t *sorted, uint32_t n)
{
    uint32_t ov[CD_SITE_K] = {0}, most = 0, peers = 0;
    uint32_t all = n >= CD_SITE_K ? 0xffffffffu : (1u << n) - 1;
    for (uint32_t i = 0; i < nb; i++) {
        if (S_occurs(sorted, nb, sb[i].fp) > 1)
            continue;
        for (uint32_t v = sb[i].mask; v; v &= v - 1)
            ov[__builtin_ctz(v)]++;
    }
    for (uint32_t j = 0; j < CD_SITE_K; j++)
        if (ov[j] > most)
            most = ov[j];
    for (uint32_t j = 0; j < CD_SITE_K; j++) {
        if (ov[j] && (float)ov[j] >= (float)most * CD_SITE_PEER_SHARE)
            peers |= 1u << j;
        else if ((float)ov[j] > (float)most * CD_SITE_PEER_APART)
            return all;
    }
    /* A template on more than CD_SITE_PEER_MAX of the sample needs no peers:
     * its chrome, on nearly all of its pages, is on CD_SITE_CHROME_SHARE of
     * the host's; fewer pages would only lower the bar for what a few of
     * them share (products of one line: wcxb-dev's store pages, 10 of 12). */
    uint32_t np = 0;
    for (uint32_t v = peers & all; v; v &= v - 1)
        np++;
    return np && (float)np <= (float)n * CD_SITE_PEER_MAX ? peers & all : all;
}

/* With a URL the host is known before the page is read: most pages of a
 * batch whose host has too few pages cost no scan. Without one, the host is
 * read from the tree's elements alone: the blocks of a page whose host has
 * too few pages are never cut. */
const cd_site_host *cd_site_page_host(const copydesk_sites *s, const char *url, const cd_dom *dom)
{
    if (!s || !dom->count)
        return NULL;
    char key[CD_SITE_HOSTLEN];
    size_t kl = url && *url ? cd_site_domain(url, strlen(url), key) : 0;
    if (!kl) {
        cd_site_hostinfo hi;
        cd_site_tree_host(dom, &hi);
        kl = cd_site_host_key(url, &hi, key);
    }
    const cd_site_host *h = cd_site_find(s, key, kl);
    return h && cd_site_pages(h) >= COPYDESK_SITES_MIN_PAGES ? h : NULL;
}

copydesk_status cd_site_mark(cd_site_marks *m, const cd_mem *mem, const cd_site_host *h, const cd_dom *dom)
{
    m->on = 0;
    m->blocks = m->chrome = m->nweak = 0;
    m->common = m->held = m->typical = 0;
    if (!h || !dom->count)
        return COPYDESK_OK;
    uint32_t n = cd_site_pages(h);
    S_scan c = {m, mem, h, (float)n * CD_SITE_CHROME_SHARE, 0, 0, 0};
    cd_site_scan_tree(dom, S_collect, &c, NULL);
    if (c.failed)
        return COPYDESK_ERR_NOMEM;
    if (!c.all)
        return COPYDESK_OK;
    if (dom->count > m->cap) {
        uint8_t *v = mem->realloc(m->sc, dom->count);
        if (!v)
            return COPYDESK_ERR_NOMEM;
        m->sc = v;
        v = mem->realloc(m->weak, dom->count);
        if (!v)
            return COPYDESK_ERR_NOMEM;
        m->weak = v;
        m->cap = dom->count;
    }
    uint32_t *sorted = mem->realloc(NULL, ((size_t)c.n + 1) * 2 * sizeof *sorted);
    if (!sorted)
        return COPYDESK_ERR_NOMEM;
    const S_sblock *sb = m->vec;
    for (uint32_t i = 0; i < c.n; i++)
        sorted[i] = sb[i].fp;
    cd_site_sort_u32(sorted, c.n, sorted + c.n);
    memset(m->sc, 0, dom->count);
    memset(m->weak, 0, dom->count);
    m->blocks = c.all;
    /* The page's peers: the sampled pages of its own template (S_peers). */
    uint32_t peers = S_peers(sb, c.n, sorted, n), np = 0;
    for (uint32_t v = peers; v; v &= v - 1)
        np++;
    float pshare = (float)np * CD_SITE_CHROME_SHARE;
    for (uint32_t i = 0; i < c.n; i++) {
        /* Chrome (or weak chrome) by the whole sample, or by the page's peers
         * alone (a host serving several templates): k pages of n, or kp of np. */
        uint32_t k = sb[i].k;
        int ok = (float)k >= c.share, chrome = ok && k >= CD_SITE_CHROME_MIN;
        if (!chrome && np < n) {
            uint32_t kp = 0;
            for (uint32_t v = sb[i].mask & peers; v; v &= v - 1)
                kp++;
            if ((float)kp >= pshare && kp >= CD_SITE_WEAK_MIN) {
                ok = 1;
                chrome = kp >= CD_SITE_CHROME_MIN;
            }
        }
        if (!ok)
            continue;
        /* Below CD_SITE_CHROME_MIN pages (2 of a host's 3 to 5), only link
         * text counts, and only as weak evidence (site.h). */
        int weak = !chrome;
        if (weak && !cd_site_all_link(dom, sb[i].first, sb[i].last))
            continue;
        if (S_occurs(sorted, c.n, sb[i].fp) > 1)
            continue;
        if (weak)
            m->nweak++;
        else
            m->chrome++;
        for (cd_nid id = sb[i].first; id && id <= sb[i].last && id < dom->count; id++)
            if (cd_dom_node(dom, id)->type == CD_NODE_TEXT)
                (weak ? m->weak : m->sc)[id] = 1;
    }
    /* How much of its template the page holds, and the median of its peers
     * (with one template: of the host's sampled pages). */
    uint32_t thr = (uint32_t)((float)np * CD_SITE_COMMON_SHARE + 0.999f);
    if (thr < CD_SITE_CHROME_MIN)
        thr = CD_SITE_CHROME_MIN;
    uint32_t held[CD_SITE_K];
    m->common = cd_site_common(h, peers, thr, held);
    for (uint32_t i = 0; i < c.n; i++) {
        if (i && sorted[i] == sorted[i - 1])
            continue;
        uint32_t kp = 0;
        for (uint32_t v = cd_site_mask(h, sorted[i]) & peers; v; v &= v - 1)
            kp++;
        m->held += kp >= thr;
    }
    uint32_t nh = 0;
    for (uint32_t j = 0; j < CD_SITE_K; j++)
        if (peers >> j & 1)
            held[nh++] = held[j];
    if (nh) {
        qsort(held, nh, sizeof *held, S_cmp_u32);
        m->typical = held[nh / 2];
    }
    mem->free(sorted);
    m->on = m->chrome > 0;
    return COPYDESK_OK;
}

void cd_site_marks_free(cd_site_marks *m, const cd_mem *mem)
{
    mem->free(m->sc);
    mem->free(m->weak);
    mem->free(m->vec);
    memset(m, 0, sizeof *m);
}

/* ---- the headline's evidence (meta/title.c) ---- */

int cd_site_title_recurs(const cd_site_host *h, uint32_t title)
{
    if (!h || !title)
        return 0;
    uint32_t n = cd_site_pages(h);
    uint32_t k = cd_site_titles(h, title);
    return k >= CD_SITE_TITLE_MIN && (float)k >= (float)n * CD_SITE_CHROME_SHARE;
}
