/* meta/title: what title.c offers besides the title's picker (pick.h):
 * whether a piece of text names the site. */
#ifndef CD_META_TITLE_H
#define CD_META_TITLE_H

#include <stddef.h>

/* Does part name the site (their letters and digits, lower-cased, equal, or
 * one contains the other: "The Commercial Appeal" in "Memphis Commercial
 * Appeal")? */
int cd_meta_site_like(const char *part, size_t pn, const char *site, size_t sn);

#endif
