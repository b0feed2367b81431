/* meta/cand: the helper unit every metadata source calls.
 *
 * A source (jsonld.c, metatags.c, microdata.c, visible.c, section.c) turns
 * what it sees into candidates: one value for one field from one source,
 * cleaned (valid UTF-8, whitespace collapsed and trimmed) and stored in the
 * arena. The walk in read.c feeds the sources; the pickers (pick*.c,
 * title.c) choose each field from the candidates. This header holds the
 * candidate and context types and the helpers (cand.c, classes.c) they all
 * share; it declares no source. Limits: util/limits.h. */
#ifndef CD_META_CAND_H
#define CD_META_CAND_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../util/limits.h"
#include "meta.h"

/* The fields candidates are offered for: one per row of
 * include/copydesk_fields.def, the CORE rows first, then the NEWS rows, whose
 * candidates share CD_META_MAX_NEWS (cd_meta_room counts from CD_MF_DECK on). */
#define CD_MF_IF_CORE(id) CD_MF_##id,
#define CD_MF_IF_NEWS(id)
enum cd_meta_field {
#define COPYDESK_FIELD(id, kind, json, name, max, source, cands) CD_MF_IF_##cands(id)
#include "copydesk_fields.def"
#undef CD_MF_IF_CORE
#undef CD_MF_IF_NEWS
#define CD_MF_IF_CORE(id)
#define CD_MF_IF_NEWS(id) CD_MF_##id,
#include "copydesk_fields.def"
#undef COPYDESK_FIELD
#undef CD_MF_IF_CORE
#undef CD_MF_IF_NEWS
    CD_MF__COUNT
};
#define CD_MF_IF_CORE(id) +1
#define CD_MF_IF_NEWS(id)
#define COPYDESK_FIELD(id, kind, json, name, max, source, cands) CD_MF_IF_##cands(id)
enum { CD_MF__CORE = 0
#include "copydesk_fields.def"
};
#undef COPYDESK_FIELD
#undef CD_MF_IF_CORE
#undef CD_MF_IF_NEWS
_Static_assert((int)CD_MF_DECK == (int)CD_MF__CORE, "the first NEWS row of copydesk_fields.def is DECK");

/* Sources, roughly from the most to the least deliberate statement. */
enum cd_meta_src {
    CD_MS_JSONLD,
    CD_MS_OG,        /* OpenGraph and article:* */
    CD_MS_META,      /* other named <meta> (author, parsely-*, dc.*, citation_* …) */
    CD_MS_TWITTER,   /* twitter:* */
    CD_MS_MICRODATA, /* itemprop, rel=author, <time> */
    CD_MS_VISIBLE,   /* h1, byline blocks, dates near the title */
    CD_MS_TITLE,     /* <title> */
    CD_MS_HTML,      /* <html lang>, <link rel=canonical> */
    CD_MS_URL,       /* the URL path */
    CD_MS__COUNT
};

typedef struct cd_meta_cand {
    const char *s; /* cleaned, NUL-terminated, in the arena */
    uint32_t len;
    cd_nid pos;    /* the element it came from (document order), 0 for none */
    uint8_t field; /* enum cd_meta_field */
    uint8_t src;   /* enum cd_meta_src */
    uint8_t rank;  /* within one source: lower is better (e.g. Article before WebPage) */
    uint8_t flags; /* CD_MC_* */
} cd_meta_cand;

#define CD_MC_ORG 1u       /* author that is an organisation */
#define CD_MC_INARTICLE 2u /* found inside <article>/<main> or an article-like block */
#define CD_MC_NEARTOP 4u   /* found close after the h1 */
#define CD_MC_BAD 8u       /* found inside comments, related stories, sidebars … (last resort) */
#define CD_MC_SIDE 32u      /* (walk flag) the bad region is a side column or footer, not comments */
#define CD_MC_ONE 16u      /* one value of a list already split (a JSON array item): no commas to cut */
#define CD_MC_FIRSTPUB 64u /* a date a sentence names the first publication ("originally published on …") */
#define CD_MC_BYDATE 128u  /* an author read as the bare name beside a date line (meta/visible S_name_by_date) */

/* A breadcrumb trail in page order (the site root first, often the page
 * itself last): names cleaned, urls as written (NULL when the crumb links
 * nowhere). */
typedef struct cd_meta_crumbs {
    const char *name[CD_META_MAX_CRUMBS];
    const char *url[CD_META_MAX_CRUMBS];
    unsigned n;
    int seen;       /* a trail was read (only the first one on a page is) */
    unsigned tries; /* elements examined as a trail (CD_META_MAX_TRAILS) */
    cd_nid at;      /* the trail's element (cd_meta_news_trail_again) */
} cd_meta_crumbs;

/* Links to a person's own page kept (cd_meta_ctx.profile). */
#define CD_META_MAX_PROFILES 8

/* The rank of a microdata author candidate that is only a link to an
 * author's page: never a credit on its own. */
#define CD_META_RANK_LINK 6
/* The rank of a visible author candidate that is only a footer's
 * copyright holder: taken last, and only on a dated page (a post, not a
 * shop's product page). */
#define CD_META_RANK_HOLDER 9

/* JSON-LD candidates rank type * 16 + nth (jsonld.c): from this rank on,
 * they come from objects of other types than an article (media, pages). */
#define CD_META_RANK_LD_OTHER 16

/* One of 64 bits for a word's first two bytes: an element whose words
 * share no bit with a list's names none of its entries. */
#define CD_META_PAIR(a, b) (1ull << ((((unsigned)(unsigned char)(a)) * 31u + (unsigned char)(b)) & 63u))

/* A class-word list (NULL-terminated) with its first letters and lengths,
 * worked out once per thread instead of on every check (cd_meta_class_has). */
#define CD_META_LISTS 32
#define CD_META_LIST_WORDS 160
typedef struct cd_meta_list {
    const char *const *words;
    uint32_t first[8];                /* bitmap of first bytes */
    uint64_t pairs;                   /* CD_META_PAIR bits of the entries' first two bytes
                                       * (all bits when an entry is shorter) */
    uint8_t len[CD_META_LIST_WORDS];  /* strlen of each entry (entries < 256 bytes) */
    uint16_t n;                       /* entries with a length here; the rest use strlen */
} cd_meta_list;

/* What the class-word checks answered for one class key (cd_dom.cls): bit i
 * for list lists[i]; the checks of regions (skipping page-describing tokens)
 * apart. */
typedef struct cd_meta_keymemo {
    uint32_t done, yes;   /* cd_meta_class_has */
    uint32_t bdone, byes; /* cd_meta_class_has_block */
} cd_meta_keymemo;

typedef struct cd_meta_ctx {
    const cd_dom *dom;
    cd_arena *arena;
    cd_meta_cand *cands;
    uint32_t ncands;
    uint32_t nscripts;
    int title_seen; /* <title> taken */
    /* The page's <title> recurs on its host's other pages (a site model's
     * evidence: site/mark.c cd_site_title_recurs): it names the site or a
     * section, not the story (title.c S_not_site). */
    int site_title;
    unsigned author_links; /* links to an /author/ page offered (see microdata.c) */
    /* The page's first links to a person's own page whose text is that
     * page's name (microdata.c S_profile_href): a last resort for authors. */
    const char *profile[CD_META_MAX_PROFILES];
    cd_nid profile_pos[CD_META_MAX_PROFILES];
    unsigned nprofiles;
    long long ref_time; /* Unix seconds that relative dates count from; 0 = none */
    /* The class and id words of one element (cd_meta_class_words), kept so
     * that the several checks made on one node tokenize it once. */
    cd_nid words_id;
    uint32_t words_len;
    unsigned nhits;                 /* lists already checked on words_id */
    const char *const *hit_list[8]; /* … and their answers */
    int hit[8];
    char words[CD_META_CLASS_WORDS];
    /* Where each word of `words` begins (a token's start or after a '-'),
     * with its token's bounds, and a bitmap of the words' first bytes: a
     * list check visits the word starts only. */
    struct {
        uint16_t at, tok, end;
        uint16_t hump; /* the word starts at a camelCase hump ("Read" of "mostRead") */
    } word[CD_META_CLASS_WORDS / 2 + 1];
    /* The next candidate of the same field and source (index + 1; 0: none),
     * written when a candidate is added and read only below ncands, so not
     * cleared: cd_meta_collect visits one field's and source's candidates. */
    uint16_t cnext[CD_META_MAX_CANDS];
    unsigned nword;
    uint32_t word_first[8];
    uint64_t word_pairs; /* CD_META_PAIR bits of the words' first two bytes */
    uint32_t words_key;      /* the class key of words_id (0: none or no index) */
    struct cd_meta_lcache *lcache; /* classes.c's list cache: this thread's (cd_meta_lcache) */
    cd_meta_keymemo *kmemo;  /* [dom->nclasses + 1] in the arena, from the first check */
    uint8_t *crum_memo;      /* section.c S_has_crum's answers per class key (cd_meta_class_key_ask) */
    /* The words of each class key once worked out (classes.c: [nclasses +
     * 1] in the arena, NULL where not yet), within CD_META_KWORDS_BYTES a
     * page; and the bytes they took. */
    struct cd_meta_kwords **kwords;
    size_t kwords_bytes;
    /* News fields (pick_news.c, section.c): the JSON-LD BreadcrumbList and the
     * visible trail, and the publisher's logo (never the lead image). */
    cd_meta_crumbs ld_crumbs, vis_crumbs;
    const char *logo;
    unsigned nnews; /* news-field candidates offered (CD_META_MAX_NEWS) */
    unsigned page_passes; /* label checks that read every node (CD_META_PAGE_PASSES) */
    /* The nodes that can name the site (pick_news.c S_site_nodes), once read. */
    unsigned site_nodes_read; /* bit per set */
    const cd_nid *site_nodes[2];
    uint32_t nsite_nodes[2];
    /* The first and last candidate of each field and source (index + 1;
     * 0: none), the ends of the cnext chains. */
    uint16_t chead[CD_MF__COUNT][CD_MS__COUNT], ctail[CD_MF__COUNT][CD_MS__COUNT];
} cd_meta_ctx;

/* This thread's cache of class-word lists (classes.c), for cd_meta_ctx.lcache. */
struct cd_meta_lcache *cd_meta_lcache(void);

/* Clear c for a new page: every field but the word buffers (words, word),
 * only read up to their counts (words_len and nword), which are cleared. A
 * memset of the whole struct was a tenth of the instructions of a 1 KB
 * page. (The list cache, cd_meta_list, is kept per thread: classes.c.) */
static inline void cd_meta_ctx_clear(cd_meta_ctx *c)
{
    memset(c, 0, offsetof(cd_meta_ctx, words));
    memset(&c->nword, 0, sizeof *c - offsetof(cd_meta_ctx, nword));
    c->lcache = cd_meta_lcache();
}

/* Is there room for one more candidate of field? The news fields (deck …
 * tags) share CD_META_MAX_NEWS, so that a page of a thousand article:tag
 * metas leaves the rest of the candidate room to title, authors and dates. */
static inline int cd_meta_room(cd_meta_ctx *c, int field)
{
    if (field < CD_MF_DECK)
        return 1;
    if (c->nnews >= CD_META_MAX_NEWS)
        return 0;
    c->nnews++;
    return 1;
}

/* ---- cand.c: candidates, cleaning, page text ---------------------------- */

/* Clean s[0..len) (UTF-8 repaired, spaces collapsed, trimmed, capped) and add it
 * as a candidate. Returns the stored candidate or NULL (empty, full, no memory). */
cd_meta_cand *cd_meta_add(cd_meta_ctx *c, int field, int src, int rank, cd_nid pos, const char *s,
                          size_t len);
/* The cleaned copy of s[0..len) in the arena (NULL when empty); *out_len gets its length. */
char *cd_meta_clean(cd_arena *a, const char *s, size_t len, size_t *out_len);
/* Words of s[0..n): runs of bytes other than white space. */
size_t cd_meta_space_words(const char *s, size_t n);
/* cd_meta_clean into out, which has room for min(len, CD_META_MAX_VALUE) * 3
 * + 1 bytes, not into the arena: its length (0 when empty). */
size_t cd_meta_clean_to(char *out, const char *s, size_t len);
/* The visible text of element id (scripts and the like skipped), collapsed,
 * at most max bytes; NULL when empty. */
char *cd_meta_node_text(const cd_meta_ctx *c, cd_nid id, size_t max, size_t *out_len);
/* The same text into out (room for max * 3 + 1 bytes, max at most
 * CD_META_MAX_VALUE), not the arena: for a test whose text is not kept (the
 * arena grows by each copy until the page is done). Its length, 0 when empty. */
size_t cd_meta_node_text_to(const cd_meta_ctx *c, cd_nid id, size_t max, char *out);
/* cd_meta_node_text_to (max below CD_META_MAX_VALUE), but a text clipped
 * at max raw bytes ends at a word's end, never inside a word (a byline
 * "Our Product Research Tea"). */
size_t cd_meta_node_text_word(const cd_meta_ctx *c, cd_nid id, size_t max, char *out);
/* Is node id inside a link card: an <a> (a few levels up) that also holds a
 * heading, the teaser of another page? Its date is that page's. */
int cd_meta_in_link_card(const cd_dom *dom, cd_nid id);
/* pick_news.c: is s[0..n) the site's own name as the page states it
 * elsewhere (a home link's text, a logo's alt, a copyright notice)? */
int cd_meta_site_named(cd_meta_ctx *c, const char *s, size_t n);
int cd_meta_logo_named(cd_meta_ctx *c, const char *s, size_t n);
/* Does s say a date gives the last change, not the publication ("Updated",
 * "Last modified", "aktualisiert", "mis à jour" …: update-words.txt)? */
int cd_meta_says_update(const char *s, size_t n);
/* The nearest text before node id in document order (a label such as
 * "Updated:" or "Researched by:" in its own element), at most a few steps
 * away and not out of a heading; NULL if none. *at gets its node. */
const char *cd_meta_prev_text(const cd_dom *dom, cd_nid id, size_t *len, cd_nid *at);
/* The non-blank text before node k in reverse document order (a previous
 * sibling's last descendant, at most 8 levels down, else the parent), 0 at
 * `stop` or once *budget steps are spent (each node passed is a step). */
cd_nid cd_meta_text_back(const cd_dom *dom, cd_nid k, cd_nid stop, int *budget);
/* Is the date written s[0..n) at node id labelled as a change ("Updated Dec
 * 18, 2025", or an "Updated:" text right before it) rather than the
 * publication? */
int cd_meta_date_updated(const cd_meta_ctx *c, cd_nid id, const char *s, size_t n);
/* Is word one of the space-separated tokens of list (itemprop, rel), ASCII
 * case-insensitive; a full IRI ("http://schema.org/author") compares by its
 * last segment. */
int cd_meta_word_in(const char *list, size_t n, const char *word);
/* Case-insensitive ASCII equality with UTF-8 passing through. */
int cd_meta_eq_nocase(const char *a, size_t alen, const char *b, size_t blen);
/* The dot-separated labels of url's host ("www", "example", "com"), one a
 * call: *at starts at 0; returns the label's length and sets *label, 0 after
 * the last one (or when url has no "://"). */
size_t cd_meta_host_label(const char *url, size_t *at, const char **label);

/* The candidates of one field and source, best rank first, then page order
 * (those marked CD_MC_BAD left out when skip_bad); at most max. */
size_t cd_meta_collect_chain(const cd_meta_ctx *c, int field, int src, int skip_bad,
                             const cd_meta_cand **out, size_t max);
/* (Inline: called ~70 times a page, most often for a field and source
 * that have no candidate.) */
static inline size_t cd_meta_collect(const cd_meta_ctx *c, int field, int src, int skip_bad,
                                     const cd_meta_cand **out, size_t max)
{
    if ((unsigned)field >= CD_MF__COUNT || (unsigned)src >= CD_MS__COUNT || !c->chead[field][src])
        return 0; /* cd_meta_add stores no such candidate, or stored none */
    return cd_meta_collect_chain(c, field, src, skip_bad, out, max);
}
/* The source name of enum cd_meta_src s ("json-ld", "og", …). */
const char *cd_meta_src_name(int s);

/* ---- classes.c: class and id words -------------------------------------- */

/* Does the class or id of element id name any of words (NULL-terminated
 * list)? Class and id are split into lower-case words at every
 * non-alphanumeric byte ("post__meta-Date" -> post, meta, date); an entry
 * matches at the start of a word and may end inside it ("comment" matches
 * "comments", "commentlist", not "nocomment"); a '-' in an entry stands for a
 * word break ("most-read" matches "most_read", "mostRead" does not). Utility
 * classes holding ':', '[', '(' or '/' (Tailwind's "md:[grid-area:sidebar]")
 * describe layout, not a role, and are ignored. */
int cd_meta_class_has_words(cd_meta_ctx *c, cd_nid id, const char *const *words);
static inline int cd_meta_class_has(cd_meta_ctx *c, cd_nid id, const char *const *words)
{
    /* An element without a class or id value (the class index's key 0)
     * has no word: answered here, without the call (~700 k a 200-page
     * batch, most of them on such elements). */
    if (c->dom->classes_indexed && !cd_dom_class_key(c->dom, id))
        return 0;
    return cd_meta_class_has_words(c, id, words);
}
/* The same for a region of the page (read.c): a token that describes the
 * page or the post rather than a block ("category-news", "has-sidebar",
 * "is-full-width") does not count. Both keep their answers per class key
 * and list (cd_meta_keymemo). */
int cd_meta_class_has_block(cd_meta_ctx *c, cd_nid id, const char *const *words);
/* Element id's answer to a yes/no question that its class and id values
 * alone decide (ask: several lists at once, a substring of the values),
 * kept per class key in *memo (0 not yet, 1 no, 2 yes; [dom->nclasses + 1]
 * in the arena, allocated at the first key asked; NULL is also no memory
 * for it: then ask is asked each time): most elements carry a class value
 * that recurs. No class or id value answers 0 without asking; without the
 * class index ask is asked, and nothing kept. (Inline: the walks ask it of
 * most elements, and ask, a file's static function, is inlined with it;
 * out of line, the call and the call through ask cost 0.1 % of a batch.) */
static inline int cd_meta_class_key_ask(cd_meta_ctx *c, cd_nid id, uint8_t **memo,
                                        int (*ask)(cd_meta_ctx *c, cd_nid id))
{
    const cd_dom *dom = c->dom;
    uint32_t key = dom->classes_indexed ? cd_dom_class_key(dom, id) : 0;
    if (!key)
        return !dom->classes_indexed && ask(c, id);
    if (!*memo && (*memo = cd_arena_alloc(c->arena, (size_t)dom->nclasses + 1)) != NULL)
        memset(*memo, 0, (size_t)dom->nclasses + 1);
    if (*memo && (*memo)[key])
        return (*memo)[key] == 2;
    int r = ask(c, id) != 0;
    if (*memo)
        (*memo)[key] = (uint8_t)(1 + r);
    return r;
}

#endif
