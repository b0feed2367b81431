/* meta/visible: the visible page as a source (visible.c): the h1, byline
 * blocks and "By …" lines, date lines near the headline. */
#ifndef CD_META_VISIBLE_H
#define CD_META_VISIBLE_H

#include "cand.h"

/* What the walk has seen so far of the visible page. */
typedef struct cd_meta_vis {
    cd_nid h1[4]; /* the first h1 elements outside boilerplate */
    unsigned nh1;
    cd_nid h1_end;       /* pre-order successor of the first h1's subtree */
    unsigned after_h1;   /* text nodes seen since the first h1 */
    unsigned shown_after_h1; /* … of them not blank (markup indentation is no line) */
    unsigned bylines;    /* byline candidates added */
    unsigned side_bylines; /* … of which labelled ones in side columns (their own budget) */
    unsigned dates;      /* visible date candidates added */
    unsigned texts;      /* text nodes seen (capped) */
    unsigned byline_text; /* texts when the last byline was added, 0 for none */
    unsigned date_text;   /* texts when the last date line was added, 0 for none */
    cd_nid prev_text;     /* the previous non-blank text node */
    unsigned headline_dates; /* dates without an h1 checked against the headline */
    unsigned text_dates;  /* date lines read from text nodes (an element named a date
                           * and its text are one line) */
    uint32_t glued_no[64]; /* class keys known to glue no "byline" (visible.c S_glued_byline_memo) */
    uint8_t *named; /* per class key: does it name a date or a byline's role (visible.c S_role_words, cd_meta_class_key_ask)? */
} cd_meta_vis;

/* Is the date line at node id beside the headline: a text a few texts
 * before (or two after) it that a stated title (<title>, og, meta, JSON-LD)
 * holds? A date further off, in the page's header, is the day the page was
 * served or another story's. */
int cd_meta_date_by_headline(const cd_meta_ctx *c, cd_nid id);

/* The page's headline: the h1 a stated title holds, else its first h1,
 * else the first text of the body (16-300 bytes) that a stated title
 * holds; CD_NONE for none. */
cd_nid cd_meta_headline_at(const cd_meta_ctx *c);

/* How many non-blank texts stand from node a to node b (a before b), at
 * most max (max when further). */
unsigned cd_meta_texts_between(const cd_meta_ctx *c, cd_nid a, cd_nid b, unsigned max);

/* Is the date written s[0..n) a field of an item ("Registered: 2024-01-27",
 * "Release date: Mar 4, 2025") rather than a date line? */
int cd_meta_field_date(const char *s, size_t n);

/* An element and a text node of the body outside boilerplate. */
void cd_meta_visible_element(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id, unsigned flags);
void cd_meta_visible_text(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id, unsigned flags);
/* A text node inside a side column or footer: labelled bylines only (CD_MC_BAD). */
void cd_meta_visible_side_text(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id);

#endif
