/* parse/ports: the parser behind parse.h.
 *
 * parse.c hands cd_parser_* to it. Another parser could sit beside it here
 * (as myhtml did until issue #14, side by side with ours for the
 * differential check and the parse benchmark); nothing outside src/parse/,
 * bench/, fuzz/ and the tree builder's tests includes this. */
#ifndef CD_PARSE_PORTS_H
#define CD_PARSE_PORTS_H

#include "parse.h"

/* Ours: parse/tokenizer.c + parse/tree.c (WHATWG tokenizer and tree builder). */
typedef struct cd_own_parser cd_own_parser;
cd_own_parser *cd_own_parser_new(const cd_mem *mem);
void cd_own_parser_free(cd_own_parser *p);
copydesk_status cd_own_parse(cd_own_parser *p, const char *html, size_t len, cd_dom *dom, unsigned opts);

#endif
