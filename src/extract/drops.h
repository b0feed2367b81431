/* extract/drops: the drop passes over the chosen region of an article page
 * (what the detectors marked, the template's furniture lines, the readers'
 * part after a comment label); see drops.c. Internal to src/extract. */
#ifndef CD_EXTRACT_DROPS_H
#define CD_EXTRACT_DROPS_H

#include "extract.h"
#include "xstat.h"

/* Remove id from the statistics of its ancestors up to (and including) top. */
void cd_x_subtract(const cd_dom *dom, cd_xstat *st, cd_nid id, cd_nid top);

/* Drop element id inside root: subtracted from its ancestors' counts, dead,
 * with why as its reason (--explain). */
void cd_x_drop(const cd_dom *dom, cd_xstat *st, cd_nid id, cd_nid root, uint8_t why);

/* Is element id a long paragraph of the article: a block of at least para
 * characters of its own text, few links, not marked? */
int cd_x_long_para(const cd_dom *dom, const cd_xstat *st, cd_nid id, uint32_t para);

/* The readers' part of a story with no marks of its own: from a comment
 * section's label after the story on, everything in the roots goes. */
void cd_x_comment_cut(cd_extract *x, const cd_dom *dom, cd_xstat *st);

/* Inside the one article, drop what the detectors marked and the furniture
 * lines of the template (lists_only: only lists of stories before or after
 * the story, and named ones; nothing else; 2, for a page read broad: only the
 * named ones before or after the story). x->title_node must be set. */
void cd_x_drop_found(cd_extract *x, const cd_dom *dom, cd_xstat *st, const char *title,
                     int lists_only);

/* On any page, a comment form or a comment prompt (comments.c's
 * CD_KIND_CFORM: "Log in to reply", "Sign in to comment", a reply box)
 * inside the roots goes: it is never content, not even on a forum thread
 * whose replies are (unless it holds half the root's text). */
void cd_x_drop_forms(cd_extract *x, const cd_dom *dom, cd_xstat *st);

/* A heading that ends the text heads nothing: the label of a list or a box
 * that went ("Popular Now", "Story tools", "From Our Partners"). Up to three
 * such headings at the end of the roots go (not the headline, not an h1). */
void cd_x_drop_end_headings(cd_extract *x, const cd_dom *dom, cd_xstat *st);

#endif
