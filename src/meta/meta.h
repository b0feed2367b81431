/* meta: the article's metadata, read from the tree.
 *
 * One source per file (JSON-LD, OpenGraph/<meta>, microdata, the visible page),
 * combined here by precedence. Strings live in the document's arena. The struct
 * is designed to grow with the news fields (issue 3): deck, section, image,
 * credit, dateline, tags, date_modified. */
#ifndef CD_META_H
#define CD_META_H

#include <stddef.h>

#include "../dom/dom.h"
#include "../util/arena.h"

#define CD_MAX_AUTHORS 16

typedef struct cd_meta {
    const char *title;
    const char *authors[CD_MAX_AUTHORS];
    size_t nauthors;
    const char *date_published; /* ISO 8601 */
    const char *date_modified;
    const char *site_name;
    const char *language;
    const char *url;         /* canonical URL from the page */
    const char *description;
    const char *title_source; /* "json-ld", "og", "h1", "title", … for --explain */
    const char *date_source;
    const char *author_source;
} cd_meta;

/* Read metadata from dom into m (cleared first); strings come from arena.
 * page_url (may be NULL) is the URL given by the caller, used for URL-path dates
 * and resolving relative canonical links. */
void cd_meta_read(cd_meta *m, const cd_dom *dom, cd_arena *arena, const char *page_url);

#endif
