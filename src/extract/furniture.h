/* extract/furniture: short lines of page furniture; see furniture.c. */
#ifndef CD_EXTRACT_FURNITURE_H
#define CD_EXTRACT_FURNITURE_H

#include <stddef.h>

/* Visible characters of a block judged as furniture, at most. */
#define CD_FURNITURE_CHARS 80

/* Is text[0..len) (a short block's whole text, spaces collapsed) a line of
 * page furniture rather than a sentence: it ends with no full stop and is a
 * line of links (link_density >= 0.5), a label of a few words ("Email
 * article:", "BREAKING NEWS", "Also in National"), or items set apart by
 * separators ("Print | Email | Share")? */
int cd_furniture_line(const char *text, size_t len, float link_density);

/* The same, without the "few words" test: a line of links or of separated
 * items only (after a story, labels and names of a few words are as often
 * the end of its own lists). */
int cd_furniture_links(const char *text, size_t len, float link_density);

/* Does text[0..len) end as a sentence does (. ! ? … 。 ！ ？, perhaps inside
 * closing quotes)? */
int cd_furniture_sentence(const char *text, size_t len);

#endif
