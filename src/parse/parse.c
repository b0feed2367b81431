/* parse: the door to the parser (parse.h). CD_PARSER_MYHTML (CMake option
 * COPYDESK_PARSER=myhtml) sends cd_parser_* to myhtml; otherwise to our own
 * tokenizer and tree builder. */
#include "ports.h"

#if defined(CD_PARSER_MYHTML) && !defined(CD_HAVE_MYHTML)
#error "COPYDESK_PARSER=myhtml needs libmodest (CD_HAVE_MYHTML)"
#endif
#if !defined(CD_PARSER_MYHTML) && !defined(CD_HAVE_OWN_PARSER)
#error "COPYDESK_PARSER=own needs src/parse/tokenizer.c (CD_HAVE_OWN_PARSER)"
#endif

cd_parser *cd_parser_new(const cd_mem *mem)
{
#ifdef CD_PARSER_MYHTML
    return (cd_parser *)cd_myhtml_parser_new(mem);
#else
    return (cd_parser *)cd_own_parser_new(mem);
#endif
}

void cd_parser_free(cd_parser *p)
{
#ifdef CD_PARSER_MYHTML
    cd_myhtml_parser_free((cd_myhtml_parser *)p);
#else
    cd_own_parser_free((cd_own_parser *)p);
#endif
}

copydesk_status cd_parse_html_opts(cd_parser *p, const char *html, size_t len, cd_dom *dom, unsigned opts)
{
#ifdef CD_PARSER_MYHTML
    return cd_myhtml_parse((cd_myhtml_parser *)p, html, len, dom, opts);
#else
    return cd_own_parse((cd_own_parser *)p, html, len, dom, opts);
#endif
}

copydesk_status cd_parse_html(cd_parser *p, const char *html, size_t len, cd_dom *dom)
{
    return cd_parse_html_opts(p, html, len, dom, 0);
}
