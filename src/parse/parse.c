/* parse: the door to the parser (parse.h): our own tokenizer and tree
 * builder (parse/ports.h). */
#include "ports.h"

cd_parser *cd_parser_new(const cd_mem *mem)
{
    return (cd_parser *)cd_own_parser_new(mem);
}

void cd_parser_free(cd_parser *p)
{
    cd_own_parser_free((cd_own_parser *)p);
}

copydesk_status cd_parse_html_opts(cd_parser *p, const char *html, size_t len, cd_dom *dom, unsigned opts)
{
    copydesk_status st = cd_own_parse((cd_own_parser *)p, html, len, dom, opts);
    if (st == COPYDESK_OK)
        cd_dom_index_classes(dom); /* without it (out of memory) stages read each element's attributes */
    return st;
}

copydesk_status cd_parse_html(cd_parser *p, const char *html, size_t len, cd_dom *dom)
{
    return cd_parse_html_opts(p, html, len, dom, 0);
}
