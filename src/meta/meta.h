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
#include "copydesk.h"

/* The fields are the rows of include/copydesk_fields.def, in its order: a
 * string `name`, a list `names[max]` with its count `nnames`; then where each
 * field that records it came from, the row's SRC(member): "json-ld", "og",
 * "meta", "microdata", "visible", "title", "html", "url", … (JSON `sources`
 * with --explain). `url` is the page's canonical URL; the caller's overrides it
 * in the output. */
#define CD_META_MEMBER_STR(name, max) const char *name;
#define CD_META_MEMBER_URL(name, max) const char *name;
#define CD_META_MEMBER_LIST(name, max)                                                             \
    const char *name##s[max];                                                                      \
    size_t n##name##s;
#define CD_META_SOURCE_SRC(member) const char *member;
#define CD_META_SOURCE_NOSRC
typedef struct cd_meta {
#define COPYDESK_FIELD(id, kind, json, name, max, source, cands) CD_META_MEMBER_##kind(name, max)
#include "copydesk_fields.def"
#undef COPYDESK_FIELD
#define COPYDESK_FIELD(id, kind, json, name, max, source, cands) CD_META_SOURCE_##source
#include "copydesk_fields.def"
#undef COPYDESK_FIELD
    /* The wire a byline names beside the writer ("By HERB KEINON AND AP"),
     * left out of the authors: news/credit.c's credit when nothing closer
     * gives one. Not a field. */
    const char *byline_agency;
    /* Where byline_agency was read when not from the page's text
     * ("json-ld": pick_authors.c), else NULL. Not a field. */
    const char *byline_agency_source;
    /* The page shows a date line taken for the day it was served (a
     * masthead's "Monday, January 14, 2008" far above a story that shows
     * no date of its own, pick_dates.c S_masthead): no date_published,
     * but a dated page, which news/parts.c reads as a story. Not a field. */
    int served_day;
    /* The words of the page's class keys as the reading split them
     * (classes.c, in the arena; NULL: none), and the bytes they took: the
     * news stage's class checks start from them. Not a field. */
    struct cd_meta_kwords **class_words;
    size_t class_words_bytes;
} cd_meta;
#undef CD_META_MEMBER_STR
#undef CD_META_MEMBER_URL
#undef CD_META_MEMBER_LIST
#undef CD_META_SOURCE_SRC
#undef CD_META_SOURCE_NOSRC

/* Read metadata from dom into m (cleared first); strings come from arena.
 * page_url (may be NULL) is the URL given by the caller, used for URL-path dates
 * and resolving relative canonical links. */
void cd_meta_read(cd_meta *m, const cd_dom *dom, cd_arena *arena, const char *page_url);
/* The same with a reference time (Unix seconds, 0 = none) that relative dates
 * ("3 hours ago") count from; without one they are not used. */
void cd_meta_read_at(cd_meta *m, const cd_dom *dom, cd_arena *arena, const char *page_url,
                     long long ref_time);
/* The same knowing whether the page's <title> recurs on its host's other
 * pages (site_title: a site model says so): it then names the site, and the
 * headline above the article's prose is taken instead when there is one. */
void cd_meta_read_site(cd_meta *m, const cd_dom *dom, cd_arena *arena, const char *page_url,
                       long long ref_time, int site_title);

/* The rows of copydesk_fields.def as data, for code that visits every field
 * (the JSON writer, --explain, the accessors): cd_meta_fields[COPYDESK_FIELD_<ID>]. */
enum { CD_FIELD_STR, CD_FIELD_LIST, CD_FIELD_URL };
typedef struct cd_meta_field_info {
    const char *json;    /* "title", or "group.key" ("image.url") */
    int kind;            /* CD_FIELD_* */
    size_t value;        /* offsetof the string in cd_meta, or of the list's array */
    size_t count;        /* a list: offsetof its count */
    size_t source;       /* offsetof its SRC member; 0 for NOSRC (no source is at 0) */
} cd_meta_field_info;
extern const cd_meta_field_info cd_meta_fields[COPYDESK_FIELD_COUNT];

/* Value i (0 for a string) of field f, NULL when absent or out of range. For the
 * URL field, url (the caller's, may be NULL) wins over the page's. */
const char *cd_meta_value(const cd_meta *m, int f, size_t i, const char *url);
/* How many values field f has: 0 or 1 for a string, the count for a list. */
size_t cd_meta_count(const cd_meta *m, int f, const char *url);
/* Where field f came from, or NULL when it is empty or does not record it. */
const char *cd_meta_source(const cd_meta *m, int f);
/* The name field f's source goes by: its JSON key, or its group's name
 * ("image"), n bytes long. */
const char *cd_meta_source_name(int f, size_t *n);
/* Where the field called field (a JSON key: "title", "authors", "image", …)
 * came from, or NULL when it is empty, unknown or does not record it. */
const char *cd_meta_field_source(const cd_meta *m, const char *field);

#endif
