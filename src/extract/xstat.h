/* extract/xstat: the per-node statistics that extraction's passes share.
 * extract.c fills them (bottom-up counts over the live tree); the structure
 * detectors (comments.c, teaser.c) read them. Internal to src/extract. */
#ifndef CD_EXTRACT_XSTAT_H
#define CD_EXTRACT_XSTAT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../dom/dom.h"

typedef struct cd_xstat {
    uint32_t chars;   /* visible non-space characters in the subtree */
    uint32_t link;    /* of which inside <a> */
    uint32_t flow;    /* characters of inline content directly in this element */
    uint32_t commas;  /* commas in the subtree */
    uint32_t fcommas; /* commas in the flow */
    uint32_t head;    /* characters inside h1–h6 */
    uint32_t site;    /* characters of site-chrome blocks (issue #13) in the subtree */
    uint32_t sflow;   /* of which in the flow */
    uint16_t n_p, n_img, n_li, n_input, n_embed, n_block;
    uint16_t n_a, n_frag; /* links, and links to a place in the same page (href="#…") */
    float score;
    uint8_t dead;   /* hidden or dropped: contributes nothing */
    uint8_t cand;   /* has a score */
    uint16_t hints; /* CD_HINT_* */
    uint8_t sect;   /* inside sectioning content: article, section or main (set by S_prune) */
    uint8_t kind;   /* CD_KIND_*: what a structure detector found this subtree to be */
    uint16_t mark;  /* a detector's scratch count (stamps below, for comments.c) */
    uint8_t why;    /* why the subtree was dropped (extract.c's S_WHY codes) */
    uint8_t stamp;  /* a signature line (comments.c's scratch) */
    uint8_t counted; /* a text node: chars and commas are counted (kept by S_stats) */
} cd_xstat;

/* What a structure detector found (cd_xstat.kind; the reason a block is dropped). */
enum {
    CD_KIND_NONE = 0,
    CD_KIND_THREAD,  /* a comment thread, or one comment of it (comments.c) */
    CD_KIND_CFORM,   /* a comment form or a comment section's label (comments.c) */
    CD_KIND_TEASERS, /* a list of other stories (teaser.c) */
    CD_KIND_LABEL    /* the label of a dropped list ("Related stories", "3 comments") */
};
/* Set on the descendants of a node a detector marked (kind | CD_KIND_UNDER). */
#define CD_KIND_UNDER 0x80u

/* In a detector's top-down pass: a node under a marked one takes its kind
 * (with CD_KIND_UNDER) and is not judged itself. Returns 1 when it did. */
static inline int cd_x_inherit_kind(const cd_dom *dom, cd_xstat *st, cd_nid id)
{
    uint8_t pk = st[cd_dom_node(dom, id)->parent].kind;
    if (!pk)
        return 0;
    st[id].kind = (uint8_t)(pk | CD_KIND_UNDER);
    return 1;
}

static inline float cd_xstat_ld(const cd_xstat *s)
{
    return s->chars ? (float)s->link / (float)s->chars : 0.0f;
}

/* A run of links: nmin links or more and CD_LINKS_ONLY_LD of its text inside
 * them (a menu, a site map, a blog's archive of every post). Callers choose
 * nmin and add their own conditions: drops.c's menus before the headline
 * also ask for names' lengths, decide.c's link-only runs outside the roots
 * ask for more links (CD_NAV_LINKS, CD_LINKRUN_LINKS). */
#define CD_LINKS_ONLY_LD 0.9f
static inline int cd_xstat_links_only(const cd_xstat *s, uint32_t nmin)
{
    return s->chars && s->n_a >= nmin && (float)s->link >= (float)s->chars * CD_LINKS_ONLY_LD;
}

#define CD_MIN_PARA 25 /* characters of own text for a block to score */
#define CD_OWN_SENTENCE 100 /* characters outside links that make a sentence of a block's own (the scoring unit) */
#define CD_LONG_PARA 150 /* characters of its own text (few links) that make a block a long paragraph */

/* Is a an ancestor of id, or id itself? */
static inline int cd_x_is_ancestor(const cd_dom *dom, cd_nid a, cd_nid id)
{
    for (; id; id = cd_dom_node(dom, id)->parent)
        if (id == a)
            return 1;
    return 0;
}

/* Do elements a and b carry the same class attribute (byte for byte)? */
static inline int cd_x_same_class(const cd_dom *dom, cd_nid a, cd_nid b)
{
    size_t la = 0, lb = 0;
    const char *ca = cd_dom_attr(dom, a, "class", &la);
    const char *cb = cd_dom_attr(dom, b, "class", &lb);
    return ca && cb && la && la == lb && memcmp(ca, cb, la) == 0;
}

static inline int cd_x_is_block(uint16_t tag)
{
    return tag == CD_TAG_UNKNOWN || (cd_tag_flags(tag) & CD_TF_BLOCK);
}

/* The live text of element id into buf (at most max bytes plus a NUL: buf
 * holds max + 1,
 * runs of white space as one). Returns its length, or -1 when it does not
 * fit: only a block read whole is judged. (extract.c) */
long cd_x_text(const cd_dom *dom, const cd_xstat *st, cd_nid id, char *buf, size_t max);

/* Is element id's text the title (ignoring case and spacing), or does it
 * begin with it and go on after a separator ("X - Forum name")? (extract.c) */
int cd_x_text_equals(const cd_dom *dom, cd_nid id, const char *title);

/* Is code point cp part of a word: an ASCII letter or digit, or a letter of
 * another script (U+00C0 and up), not a space, a dash, a quote, a bullet or
 * another mark of punctuation or symbol (Latin-1's U+0080-U+00BF, U+00D7,
 * U+00F7; U+2000-U+2BFF; CJK punctuation U+3000-U+303F; the full-width
 * forms' punctuation U+FF00-U+FF0F)? */
static inline int cd_x_wordy(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
        return 0;
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
        cp == 0xFFFD)
        return 0;
    return 1;
}

/* Does a word run on from element id (text with letters right after it)? A
 * link inside a sentence is no headline. (extract.c) */
int cd_x_in_sentence(const cd_dom *dom, cd_nid id);

#endif
