/* news: the parts of a news article cut from the extracted body.
 *
 * The stage after extraction (src/extract) and metadata (src/meta): it reads
 * the content roots extraction chose and the fields meta found, and fills
 * the fields only the body shows. It may include ../meta and ../extract;
 * nothing there includes it. */
#ifndef CD_NEWS_NEWS_H
#define CD_NEWS_NEWS_H

#include "../extract/extract.h"
#include "../meta/meta.h"

/* The parts of the article read from the extracted body x: the dateline
 * that opens it, the wire credit that closes it, the lead figure's caption
 * and credit, a visible deck. Fields already set from structured sources are
 * cross-checked, not overwritten blindly. Unless keep_parts, the dateline
 * and the credit leave the body (cd_extract_cut / CD_MARK_DROP on x); a
 * photo credit inside the body always does. page_url (may be NULL) resolves
 * the lead image's URL. */
void cd_news_parts(cd_meta *m, const cd_dom *dom, cd_arena *arena, cd_extract *x,
                   const char *page_url, int keep_parts);

#endif
