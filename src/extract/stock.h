/* extract/stock: stock lines that close a post without being their own block
 * (a mobile client's "Sent from my …" signature, a blog's "Posted by NAME at
 * DATE" footer line); see stock.c. Internal to src/extract. */
#ifndef CD_EXTRACT_STOCK_H
#define CD_EXTRACT_STOCK_H

#include "extract.h"
#include "xstat.h"

/* In every root, drop the stock last lines of blocks (their nodes). */
void cd_x_drop_stock(cd_extract *x, const cd_dom *dom, cd_xstat *st);

/* Is block id (at most 400 bytes of text, mostly not links) an affiliate
 * disclosure: an opening formula ("This post contains affiliate links.") or
 * a commission statement ("Purchases made through our links may earn us a
 * commission."), every further sentence on the same topic? */
int cd_x_disclosure(const cd_dom *dom, const cd_xstat *st, cd_nid id);

#endif
