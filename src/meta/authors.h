/* meta/authors: author credits split into names and checked (authors.c).
 * Used by the sources that read bylines and by the authors' picker. */
#ifndef CD_META_AUTHORS_H
#define CD_META_AUTHORS_H

#include "meta.h"

/* Split and clean one author credit into names, appended to m->authors
 * (deduplicated, at most CD_MAX_AUTHORS). loose: the credit is a structured
 * statement (JSON-LD, <meta>), taken as written; otherwise it is page text
 * and must look like a name. Returns the names added. */
size_t cd_meta_authors_add(cd_meta *m, cd_arena *a, const char *s, size_t len, int loose);
/* Does s open with the credit of a role other than writing ("Edited by",
 * "Researched by", "Photos by")? */
int cd_meta_author_other_role(const char *s, size_t len);
/* Does credit s read as an organisation ("The Texas Newsroom", "Acme Media
 * Group"): it starts with "The" or holds an organisation word? */
int cd_meta_author_orgish(const char *s, size_t len);
/* The length of the news agency s[0..n) opens with, as a whole word
 * (news-agencies.txt; acronyms of four bytes or fewer with their case), else 0. */
size_t cd_meta_agency_at(const char *s, size_t n);
/* Is s a plausible personal name or credit (not a URL, a date, a sentence …)? */
int cd_meta_author_plausible(const char *s, size_t len);

#endif
