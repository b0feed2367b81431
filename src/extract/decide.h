/* extract/decide: what the chosen region is — one article (the story under
 * its dated headline), a page of many parts read broadly, or a section
 * front; see decide.c. Internal to src/extract. */
#ifndef CD_EXTRACT_DECIDE_H
#define CD_EXTRACT_DECIDE_H

#include <stdint.h>

#include "extract.h"
#include "xstat.h"

/* The end of one reading (after the choice of roots): when the roots hold
 * under half of the page's prose, the page is still one article (sets
 * x->article; the roots may become the story under the dated headline) or
 * it is read broadly (x->broad, one root: the page minus its chrome). A
 * function of the page, the statistics and x->typed, x->roots. */
void cd_x_broaden(cd_extract *x, const cd_dom *dom, const cd_xstat *st, const char *title);

/* After the readings, on a page neither broad nor an article yet: is it one
 * article (a date by the start of the container, or a story followed by
 * its readers' thread; not one of a series)? Else, the story under its
 * dated headline, when the container missed it. Sets x->article and may
 * replace the roots. */
void cd_x_decide(cd_extract *x, const cd_dom *dom, const cd_xstat *st, const char *title);

/* Is the region a section front (teasers only, a template the host's
 * typical page holds missing)? Needs the site model (x->site). */
int cd_x_index_page(const cd_extract *x, const cd_dom *dom, const cd_xstat *st);

/* The prose the roots hold: characters outside links, and a little for
 * link text. */
uint32_t cd_x_roots_prose(const cd_extract *x, const cd_xstat *st);

/* Does a line that dates the story stand by the start (or the end) of the
 * roots? Is the container one of a series (a forum's posts)? */
int cd_x_dated_head(const cd_extract *x, const cd_dom *dom, const cd_xstat *st);
int cd_x_series(const cd_dom *dom, const cd_xstat *st, cd_nid root);

#ifdef CD_EXTRACT_DEBUG
extern char cd_x_featbuf[512]; /* CD_FEAT: the features of the last broadening */
void cd_x_debug_node(const cd_dom *dom, const cd_xstat *st, cd_nid id, const char *what);
#endif

#endif
