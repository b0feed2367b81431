/* meta: the document's metadata, read from the tree before extraction.
 *
 * The stage's interface: the result (cd_meta) and the call that fills it.
 * One walk (read.c) feeds one source per file (JSON-LD, <meta>, microdata,
 * the visible head of the page); the pickers (pick*.c) choose each field by
 * precedence. Strings live in the document's arena. The news stage (src/news)
 * later fills the fields only the extracted body shows. */
#ifndef CD_META_H
#define CD_META_H

#include <stddef.h>

#include "../dom/dom.h"
#include "../util/arena.h"
#include "../util/limits.h"

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
    /* News fields (issue 3). */
    const char *deck;          /* subheadline / standfirst */
    const char *section;
    const char *image_url;     /* lead image, absolute when the page URL allows */
    const char *image_caption;
    const char *image_credit;  /* photographer / agency */
    const char *credit;        /* wire / source attribution of the text */
    const char *dateline;      /* "WASHINGTON", without the dash */
    const char *tags[CD_MAX_TAGS];
    size_t ntags;
    /* Where each field came from: "json-ld", "og", "meta", "microdata",
     * "visible", "title", "html", "url", … (JSON `sources` with --explain). */
    const char *title_source;
    const char *date_source;
    const char *modified_source;
    const char *author_source;
    const char *deck_source;
    const char *section_source;
    const char *image_source;
    const char *credit_source;
    const char *dateline_source;
    const char *tags_source;
} cd_meta;

/* Read metadata from dom into m (cleared first); strings come from arena.
 * page_url (may be NULL) is the URL given by the caller, used for URL-path dates
 * and resolving relative canonical links. */
void cd_meta_read(cd_meta *m, const cd_dom *dom, cd_arena *arena, const char *page_url);
/* The same with a reference time (Unix seconds, 0 = none) that relative dates
 * ("3 hours ago") count from; without one they are not used. */
void cd_meta_read_at(cd_meta *m, const cd_dom *dom, cd_arena *arena, const char *page_url,
                     long long ref_time);

/* Where field (a JSON key: "title", "authors", "date_published", …) came
 * from, or NULL when it is empty. */
const char *cd_meta_field_source(const cd_meta *m, const char *field);

#endif
