/* parse: UTF-8 HTML -> copydesk's tree (src/dom/).
 *
 * This folder is a port: the only door to an HTML parser, so swapping the
 * parser touches nothing else. Behind it (parse/ports.h): our own WHATWG
 * tokenizer and tree builder (tokenizer.c, tree.c), which replaced myhtml in
 * issue #14 (docs/decisions.md §1b). A cd_parser is reusable for many pages
 * and is not shared between threads. */
#ifndef CD_PARSE_H
#define CD_PARSE_H

#include <stddef.h>

#include "../dom/dom.h"
#include "../util/buf.h"
#include "copydesk.h"

typedef struct cd_parser cd_parser;

/* Parse options. */
/* Keep everything: comments, the doctype, SVG content and template contents
 * (under a CD_NODE_FRAGMENT child of the <template>), so that the tree is the
 * standard's whole DOM. For --dump-tree only: later stages never see these
 * node types. */
#define CD_PARSE_KEEP_ALL 1u

/* NULL on out-of-memory. */
cd_parser *cd_parser_new(const cd_mem *mem);
void cd_parser_free(cd_parser *p);

/* Parse html[0..len) (valid UTF-8) into dom, which must be empty (reset).
 * Comments and doctypes are dropped; content of SVG is dropped; elements
 * deeper than CD_MAX_DEPTH are attached at that depth and nodes past the
 * page's node budget (at most CD_MAX_NODES; util/limits.h) are dropped
 * (dom->truncated is set in both cases). Text and attribute values are
 * valid UTF-8; element ids are in document order.
 * Returns COPYDESK_OK, COPYDESK_ERR_NOMEM or COPYDESK_ERR_PARSE. */
copydesk_status cd_parse_html(cd_parser *p, const char *html, size_t len, cd_dom *dom);
/* The same with CD_PARSE_* options. */
copydesk_status cd_parse_html_opts(cd_parser *p, const char *html, size_t len, cd_dom *dom,
                                   unsigned opts);

/* Append the tree to out in html5lib's tree-construction test format
 * (`| <html>`, two spaces per level, attributes sorted on their own lines,
 * text in double quotes, `<svg svg>` / `<math math>` for foreign elements,
 * `content` for template contents), one line per node. */
void cd_parse_dump(const cd_dom *dom, cd_buf *out);

#endif
