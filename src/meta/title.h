/* meta/title: what title.c offers besides the title's picker (pick.h):
 * whether a piece of text names the site. */
#ifndef CD_META_TITLE_H
#define CD_META_TITLE_H

#include <stddef.h>

/* Does part name the site (their letters and digits, lower-cased, equal, or
 * one contains the other: "The Commercial Appeal" in "Memphis Commercial
 * Appeal")? */
int cd_meta_site_like(const char *part, size_t pn, const char *site, size_t sn);

/* The kind of a separator of src/lists/separators.txt (the value's bits). */
#define CD_META_SEP_HIER 1 /* hierarchical (| » / …): usually parts a site path */
#define CD_META_SEP_HARD 2 /* never inside a headline: what comes before it is one */
#define CD_META_SEP_SITE 4 /* the site's name may follow it in a dated page's <title> */

#endif
