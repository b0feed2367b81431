/* site: what recurs across the pages of one site (issue #13).
 *
 * A page is cut into blocks: runs of text between two block boundaries (the
 * start or end of an element that breaks the flow of text, dom/tags.def's
 * CD_TF_BLOCK, or an unknown element). A block's fingerprint joins the hash
 * of its normalised text (ASCII case folded, runs of white space as one
 * space, runs of digits as one '0') and the hash of its structural path (the
 * tag and class words, digits dropped, of its nearest CD_SITE_PATH block
 * ancestors). The same segmenter reads the token stream when learning
 * (blocks.c: no tree is built) and the tree when extracting, so that both
 * sides give the same fingerprints (docs/sites.md measures how often).
 *
 * The model (model.c) keeps per host a deterministic sample of pages and,
 * for every block fingerprint of them, the set of those pages holding it.
 * Extraction asks how many of the host's sampled pages hold a block. The
 * host of a page is read by host.c. docs/sites.md documents the format, the
 * memory bound and the eviction rule.
 *
 * Layout: site sits between dom/parse and extract (it includes util, input,
 * parse, dom; extract includes it). */
#ifndef CD_SITE_H
#define CD_SITE_H

#include <stddef.h>
#include <stdint.h>

#include "../dom/dom.h"
#include "../util/mem.h"
#include "copydesk.h"

/* Block ancestors (nearest first) whose tag and class make a block's path. */
#define CD_SITE_PATH 3
/* A block counts when its normalised text holds this many letters or digits. */
#define CD_SITE_MIN_ALNUM 2

typedef struct cd_site_block {
    uint64_t text;      /* hash of the normalised text */
    uint64_t path;      /* hash of the structural path */
    uint32_t fp;        /* the fingerprint the model keeps (text and path) */
    uint32_t chars;     /* bytes of normalised text */
    cd_nid first, last; /* tree side: the block's first and last text node */
} cd_site_block;

typedef void (*cd_site_block_fn)(void *ctx, const cd_site_block *b);

/* What a page says about its host, gathered while its elements go by. */
#define CD_SITE_HOSTLEN 96
#define CD_SITE_LINKDOMS 32
typedef struct cd_site_hostinfo {
    char canonical[CD_SITE_HOSTLEN]; /* registrable domain of link rel=canonical, og:url or base href */
    char rss[CD_SITE_HOSTLEN];       /* of a link rel=alternate feed */
    char sitename[CD_SITE_HOSTLEN];  /* og:site_name, normalised */
    uint32_t nlinks;                 /* absolute http(s) links seen */
    struct {
        uint64_t h;
        uint32_t n;
        char name[CD_SITE_HOSTLEN];
    } dom[CD_SITE_LINKDOMS];
    uint32_t ndom;
    /* Before the canonical domain was found, an element that could give one
     * held a byte >= 0x80 in its URL; cd_site_scan_host_raw also sets it
     * for such a byte in a tag name, or in an attribute name of a link, meta
     * or base element (copydesk_sites_host_head: docs/sites.md). */
    uint8_t unsure;
    /* cd_site_scan_host_raw: the offset just past the canonical URL in the
     * input, when it lies there unchanged (else the input's length). */
    size_t canonical_end;
    /* A start tag of body content (not head content, not html) was read
     * before any canonical domain: copydesk_sites_host_head stops there. */
    uint8_t body;
} cd_site_hostinfo;

/* One scanner per thread; reusable for many pages. NULL on out-of-memory. */
typedef struct cd_site_scanner cd_site_scanner;
cd_site_scanner *cd_site_scanner_new(const cd_mem *mem);
void cd_site_scanner_free(cd_site_scanner *s);

/* The blocks of a decoded page (valid UTF-8) from its tokens, in document
 * order, and what it says about its host (hi may be NULL). Returns 0 when out
 * of memory. */
int cd_site_scan_html(cd_site_scanner *s, const char *html, size_t len, cd_site_block_fn fn, void *ctx,
                      cd_site_hostinfo *hi);
/* Only what the page says about its host, exactly as cd_site_scan_html gives
 * it to cd_site_host_key: the same tokens, no block hashed, and the reading
 * stops at the first canonical / og:url / base (the key prefers it to
 * everything after). Returns 0 when out of memory. */
int cd_site_scan_host(cd_site_scanner *s, const char *html, size_t len, cd_site_hostinfo *hi);
/* cd_site_scan_host on a page's raw start, not decoded (so its charset need
 * not be known): the tokenizer reads each byte >= 0x80 as an ordinary
 * character byte, which gives the tokens of the start read as Latin-1; the
 * scan also stops when hi->unsure is set. */
int cd_site_scan_host_raw(cd_site_scanner *s, const char *html, size_t len, cd_site_hostinfo *hi);
/* cd_site_scan_host (raw: cd_site_scan_host_raw) on a page's start, keeping
 * checkpoints (right after a tag, the tokenizer in the data state); resume:
 * html starts with the bytes of the previous such scan on s, read on from
 * its last checkpoint (from the start when there is none). hi then says only
 * what the bytes after the checkpoint say: the canonical domain, unsure and
 * canonical_end (an offset in html), which is all a start is read for (a
 * canonical found before the checkpoint ended the previous scan). Any other
 * scan on s forgets the checkpoint. */
int cd_site_scan_host_head(cd_site_scanner *s, const char *html, size_t len, int raw, int resume,
                           cd_site_hostinfo *hi);
/* The same from the tree (first/last name the block's text nodes). */
void cd_site_scan_tree(const cd_dom *dom, cd_site_block_fn fn, void *ctx, cd_site_hostinfo *hi);
/* Only what the tree says about its host, up to its first canonical domain
 * (the key cd_site_scan_tree's hi gives: cd_site_host_key prefers that
 * domain to everything after it). */
void cd_site_tree_host(const cd_dom *dom, cd_site_hostinfo *hi);

/* Is every text node of the block first..last that holds a visible character
 * inside a link (a menu's entry, a rail's headline)? mark.c's test for weak
 * chrome; tests/site/sitedump prints it. */
int cd_site_all_link(const cd_dom *dom, cd_nid first, cd_nid last);

/* The host key of a page (host.c): the registrable domain of url (may be
 * NULL), else of the page's canonical / og:url / base, else the dominant
 * registrable domain of its absolute links, else of its feed, else its
 * og:site_name. Writes a NUL-terminated key into out (CD_SITE_HOSTLEN bytes)
 * and returns its length; 0 when the page names no host. */
size_t cd_site_host_key(const char *url, const cd_site_hostinfo *hi, char *out);
/* The registrable domain of a URL or host name (lower case, no port, no
 * "www."): the last two labels, or three under a two-letter country code
 * whose second level is generic (co.uk, com.au). 0 when there is none. */
size_t cd_site_domain(const char *s, size_t n, char *out);

/* A hash of the page's <title> text (the first title element's, its text up
 * to </title>, ASCII case folded, runs of white space as one space, trimmed;
 * character references left as written), read from the decoded page by a
 * plain string scan of its first CD_SITE_TITLE_SCAN bytes, so that learning
 * and extraction see the same bytes and give the same hash. 0 when there is
 * none or it is empty. Evidence for the headline (meta/title.c): a <title>
 * that recurs on the host's pages names the site, not the story. */
#define CD_SITE_TITLE_SCAN (256u * 1024)
uint32_t cd_site_title_hash(const char *html, size_t len);
/* A <title> held by this many of the host's sampled pages, and
 * CD_SITE_CHROME_SHARE of them, is the site's. */
#define CD_SITE_TITLE_MIN 3

/* ---- the model (model.c) ---- */

/* Pages sampled per host: the CD_SITE_K with the smallest page keys. */
#define CD_SITE_K 32
/* Block fingerprints kept per host at most (8 bytes each). */
#define CD_SITE_HOST_BLOCKS 4096
/* Blocks of one page taken at most: the first and last halves in document
 * order (a page's chrome sits at its top and bottom). */
#define CD_SITE_PAGE_BLOCKS 512
/* The model's accounted size at most (docs/sites.md: what is counted). */
#define CD_SITE_BUDGET (32u * 1024 * 1024)

typedef struct cd_site_host cd_site_host; /* one host's sample */

/* Sort a[0..n) in increasing order; tmp holds n entries (scratch). */
void cd_site_sort_u32(uint32_t *a, uint32_t n, uint32_t *tmp);

/* The host of key (cd_site_host_key) in s, or NULL. */
const cd_site_host *cd_site_find(const copydesk_sites *s, const char *key, size_t len);
/* Pages sampled for the host. */
uint32_t cd_site_pages(const cd_site_host *h);
/* Of them, how many hold a block with fingerprint fp. */
uint32_t cd_site_count(const cd_site_host *h, uint32_t fp);
/* Of them, how many have the <title> hash title (0: none). */
uint32_t cd_site_titles(const cd_site_host *h, uint32_t title);
/* Which of them (bit j: the host's j-th sampled page in key order), 0 if none. */
uint32_t cd_site_mask(const cd_site_host *h, uint32_t fp);

/* The host's common blocks among the sampled pages of mask pages (bit j: the
 * j-th): fingerprints held by at least thr of them; held[j] (CD_SITE_K
 * entries) says how many of them the j-th sampled page holds (0 outside
 * pages). Returns their number. */
uint32_t cd_site_common(const cd_site_host *h, uint32_t pages, uint32_t thr, uint32_t *held);

/* ---- marking a parsed page (mark.c) ---- */

/* A block is its host's chrome when this many of the host's sampled pages,
 * and this share of them, hold it (docs/sites.md: how they were chosen). */
#define CD_SITE_CHROME_MIN 3
#define CD_SITE_CHROME_SHARE 0.4f
/* A block wholly link text (a menu's entries, a rail's headlines) held by
 * this many sampled pages and CD_SITE_CHROME_SHARE of them but fewer than
 * CD_SITE_CHROME_MIN (2 pages of a host's 3 to 5) is weak chrome: it scores
 * as before and never moves the region, but inside the region a subtree whose
 * text is all chrome or weak chrome goes (extract.c S_site_drop). Two pages
 * cannot tell a template from shared content (related pages share their
 * text: docs/sites.md), but they can tell links the template repeats. */
#define CD_SITE_WEAK_MIN 2
/* mark.c S_peers: a sampled page holding at least CD_SITE_PEER_SHARE as
 * many of a page's recurring blocks as the sampled page holding most is of
 * the page's template (its peer), when every other sampled page holds at
 * most CD_SITE_PEER_APART as many (the host's templates are apart); a block
 * held by CD_SITE_CHROME_MIN of the peers and by CD_SITE_CHROME_SHARE of
 * them is chrome too (CD_SITE_WEAK_MIN: weak chrome), and the host's common
 * blocks are its peers' (a section front is told among its peers). */
#define CD_SITE_PEER_SHARE 0.5f
#define CD_SITE_PEER_APART 0.25f
/* ... and only while the peers are at most this share of the sample. */
#define CD_SITE_PEER_MAX 0.6f
/* extract.c: a container whose text is more than this share site chrome is
 * no candidate for the article region; a chosen region more than this share
 * chrome is the site's template itself (a product page's fields) and is kept
 * whole. */
#define CD_SITE_CAND_SHARE 0.5f
#define CD_SITE_ROOT_SHARE 0.7f
/* extract.c: inside the region, an element whose text opens with a block of
 * site chrome (a rail's label) and is at least this share link text is the
 * template's rail ("More on this story" and its links) and goes whole. */
#define CD_SITE_RAIL_LINKS 0.6f

/* A host's common blocks (its template: header, footer, the article page's
 * furniture) are those held by this share of its sampled pages. */
#define CD_SITE_COMMON_SHARE 0.6f

typedef struct cd_site_marks {
    uint8_t *sc;       /* [dom->count]: 1 on a text node of a site-chrome block */
    uint8_t *weak;     /* [dom->count]: 1 on a text node of a weak block (CD_SITE_WEAK_MIN) */
    uint32_t cap;
    uint32_t nweak;    /* weak blocks marked */
    void *vec;         /* the page's blocks (scratch) */
    uint32_t vcap;
    uint32_t blocks;   /* the page's blocks */
    uint32_t chrome;   /* of them, its host's chrome */
    uint32_t common;   /* its host's common blocks (CD_SITE_COMMON_SHARE of the sample) */
    uint32_t held;     /* of them, how many the page holds */
    uint32_t typical;  /* how many the host's median sampled page holds */
    int on;            /* sc is valid and marks something */
} cd_site_marks;

/* The host of the parsed page dom in model s (NULL: none), url (may be
 * NULL) naming the page: the registrable domain of url, else the key
 * cd_site_tree_host gives (cd_site_host_key). NULL when the model holds
 * fewer than COPYDESK_SITES_MIN_PAGES sampled pages of it. Read once per
 * page (api/doc.c) and handed to cd_site_title_recurs and cd_site_mark. */
const cd_site_host *cd_site_page_host(const copydesk_sites *s, const char *url, const cd_dom *dom);

/* Mark the text nodes of dom that belong to its host's chrome: h is the
 * page's host (cd_site_page_host; NULL: none). m (zeroed at first) keeps its
 * arrays across pages. COPYDESK_ERR_NOMEM: m->on is 0. */
copydesk_status cd_site_mark(cd_site_marks *m, const cd_mem *mem, const cd_site_host *h, const cd_dom *dom);
void cd_site_marks_free(cd_site_marks *m, const cd_mem *mem);

/* Is title (cd_site_title_hash of the page's decoded bytes) the <title> of
 * CD_SITE_TITLE_MIN of the sampled pages of the page's host h
 * (cd_site_page_host; NULL: no), and CD_SITE_CHROME_SHARE of them? Then it
 * names the site or a section, not the story (its pages are distinct
 * stories: the sample holds each page once). */
int cd_site_title_recurs(const cd_site_host *h, uint32_t title);

#endif
