/* parse/ports: the parsers behind parse.h, side by side.
 *
 * parse.c hands cd_parser_* to one of them (CMake option COPYDESK_PARSER);
 * the parse-only benchmark (bench/bench_parse.c) and the differential tool
 * call both in one run. Nothing outside src/parse/ and bench/ includes this. */
#ifndef CD_PARSE_PORTS_H
#define CD_PARSE_PORTS_H

#include "parse.h"

/* Ours: parse/tokenizer.c + parse/tree.c (WHATWG tokenizer and tree builder). */
typedef struct cd_own_parser cd_own_parser;
cd_own_parser *cd_own_parser_new(const cd_mem *mem);
void cd_own_parser_free(cd_own_parser *p);
copydesk_status cd_own_parse(cd_own_parser *p, const char *html, size_t len, cd_dom *dom, unsigned opts);

#ifdef CD_HAVE_MYHTML
/* myhtml (libmodest), parse/myhtml_port.c. */
typedef struct cd_myhtml_parser cd_myhtml_parser;
cd_myhtml_parser *cd_myhtml_parser_new(const cd_mem *mem);
void cd_myhtml_parser_free(cd_myhtml_parser *p);
copydesk_status cd_myhtml_parse(cd_myhtml_parser *p, const char *html, size_t len, cd_dom *dom,
                                unsigned opts);
#endif

#endif
