/* parse: UTF-8 HTML -> copydesk's tree (src/dom/).
 *
 * This folder is a port: it alone includes the HTML5 parser library (myhtml,
 * from Debian's libmodest-dev; see docs/decisions.md for why), so swapping the
 * parser touches nothing else. A cd_parser is reusable for many pages and is
 * not shared between threads. */
#ifndef CD_PARSE_H
#define CD_PARSE_H

#include <stddef.h>

#include "../dom/dom.h"
#include "copydesk.h"

typedef struct cd_parser cd_parser;

/* NULL on out-of-memory or when the parser library fails to start. */
cd_parser *cd_parser_new(const cd_mem *mem);
void cd_parser_free(cd_parser *p);

/* Parse html[0..len) (valid UTF-8) into dom, which must be empty (reset).
 * Comments and doctypes are dropped; content of SVG is dropped; elements
 * deeper than CD_MAX_DEPTH are attached at that depth and nodes past
 * CD_MAX_NODES are dropped (dom->truncated is set in both cases).
 * Returns COPYDESK_OK, COPYDESK_ERR_NOMEM or COPYDESK_ERR_PARSE. */
copydesk_status cd_parse_html(cd_parser *p, const char *html, size_t len, cd_dom *dom);

#endif
