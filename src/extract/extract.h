/* extract: find the article in the tree and mark the chrome to leave out.
 *
 * The result is a view over the tree, not a copy: a list of content roots (in
 * document order; the body may be split over sibling containers) and a mark per
 * node. Renderers (src/output/) walk each root in pre-order and skip every
 * subtree whose mark is CD_MARK_DROP. Nothing in the tree is modified. */
#ifndef CD_EXTRACT_H
#define CD_EXTRACT_H

#include <stdint.h>

#include "../dom/dom.h"
#include "../site/site.h"
#include "copydesk.h"

/* Per-node marks. */
enum {
    CD_MARK_NONE = 0, /* render normally */
    CD_MARK_DROP = 1, /* leave this subtree out */
    CD_MARK_TITLE = 2 /* the headline element (rendered by JSON as `title`, not in text) */
};

#define CD_MAX_ROOTS 64
#define CD_MAX_CUTS 8

/* Bytes of one text node left out of the rendering: a dateline that opens the
 * first paragraph, a credit line that ends the last. */
typedef struct cd_cut {
    cd_nid node;
    uint32_t off, len;
    uint8_t why; /* the reason, as for a drop (CD_WHY_*) */
} cd_cut;

/* Why the news stage (src/news) left a block or a cut out, as --explain
 * names it (cd_extract_reason). Above 0x7F, apart from extraction's own
 * letters; 'c' ("photo-credit") is shared with extraction. */
enum {
    CD_WHY_FIELD = 0,        /* "field": read into a metadata field */
    CD_WHY_PHOTO_CREDIT = 'c', /* "photo-credit" */
    CD_WHY_BYLINE = 0x80,    /* "byline" */
    CD_WHY_DATELINE,         /* "dateline": the place opening the first paragraph */
    CD_WHY_DATE_LINE,        /* "date-line": a line that only dates the story */
    CD_WHY_CREDIT,           /* "credit": the wire / source credit */
    CD_WHY_COPYRIGHT,        /* "copyright": a copyright notice after the story */
    CD_WHY_CAPTION,          /* "caption": a figure caption on an article page (extract.c S_captions) */
    CD_WHY_DECK              /* "deck": the standfirst */
};

typedef struct cd_extract {
    const cd_mem *mem;
    uint8_t *mark;        /* [dom->count] marks */
    uint8_t *why;         /* [dom->count] why a CD_MARK_DROP subtree was dropped (cd_extract_reason) */
    uint32_t mark_cap;
    cd_nid roots[CD_MAX_ROOTS];
    uint32_t nroots;
    cd_nid title_node;    /* the visible headline element, if found (CD_NONE otherwise) */
    int no_article;       /* nothing convincing was found; roots hold a best effort */
    int broad;            /* no single article: the root is the page minus its chrome */
    int typed;            /* the page's structured data: 1 an article, -1 another kind of page (article.c) */
    int other_kind;       /* the structured data names another kind of page (CD_TYPED_OTHER_KIND) */
    int article;          /* an article page: one article, without the lists and comments beside it */
    cd_nid items;         /* an item list inside the chosen story (extract.c S_item_list), dropped from it */
    cd_nid thread;        /* a comment thread S_choose passed over for the story before it (CD_NONE: none) */
    int keep_thread;      /* S_choose may not pass over a thread (the reading again, when no article stood) */
    int index;            /* a section front (S_index_page): no article, no roots, no headline */
    cd_cut cuts[CD_MAX_CUTS]; /* sorted by node, then offset; non-overlapping */
    uint32_t ncuts;
    /* Site chrome (issue #13): the page's host in the site model, set before
     * cd_extract_run (cd_site_page_host; NULL: none), and the page's marks
     * (site/mark.c). */
    const cd_site_host *site_host;
    cd_site_marks site;
    /* The page's authors as the metadata read them (meta's `authors`, set
     * before cd_extract_run; nauthors 0: none): the names an author's box
     * after the story is recognised by (stock.c S_bios). Borrowed. */
    const char *const *authors;
    size_t nauthors;
    /* Scratch arrays for scoring, reused across pages. */
    void *scratch;
    size_t scratch_cap;
    uint16_t *hint_memo; /* class-word hints per class key (cd_hints_of_keyed) */
    size_t hint_memo_cap;
    void *kept;          /* a reading's statistics kept while another is tried (extract.c) */
    size_t kept_cap;
} cd_extract;

void cd_extract_init(cd_extract *x, const cd_mem *mem);
void cd_extract_free(cd_extract *x);

/* Run extraction on dom with COPYDESK_OPT_* options. title (may be NULL) is the
 * page's metadata title, used to find the headline element. */
copydesk_status cd_extract_run(cd_extract *x, const cd_dom *dom, unsigned options,
                               const char *title);

/* Leave bytes [off, off+len) of text node id out of the rendering. Returns 0
 * when the cut is refused (not a text node, out of range, overlapping another
 * cut, or CD_MAX_CUTS reached). */
int cd_extract_cut(cd_extract *x, const cd_dom *dom, cd_nid id, uint32_t off, uint32_t len);
/* The same, saying why (CD_WHY_*). */
int cd_extract_cut_as(cd_extract *x, const cd_dom *dom, cd_nid id, uint32_t off, uint32_t len, uint8_t why);
/* Leave the subtree of id out of the rendering. */
void cd_extract_drop(cd_extract *x, cd_nid id);
/* The same, saying why (CD_WHY_*). */
void cd_extract_drop_as(cd_extract *x, cd_nid id, uint8_t why);

/* The name of a drop reason (x->why[id] of a node marked CD_MARK_DROP):
 * "hidden", "chrome-tag", "chrome-class", "teaser-list", "comment-thread",
 * "furniture", "script-text", "noscript", "site-chrome", "field" (left for a metadata field) …; NULL for
 * the elements whose content is never text by their tag (CD_TF_SKIP: scripts, styles, buttons,
 * form fields), which --explain does not list. */
const char *cd_extract_reason(uint8_t why);

/* Is the element visible text content at all (not a script/style/hidden)? Shared by
 * extract, meta and output so all three agree on what a reader sees. */
/* Is the line a member's profile line of a forum or comment thread ("Joined:
 * Dec 17, 2023", "Registered: …", "Member since …")? */
int cd_extract_profile_line(const char *line, size_t n);

int cd_extract_node_visible(const cd_dom *dom, cd_nid id);

/* Does a CSS declaration list (a style attribute's value, or a rule's block)
 * set display:none or visibility:hidden? */
int cd_extract_style_hidden(const char *s, size_t n);

#endif
