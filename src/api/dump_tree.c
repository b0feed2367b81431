/* api/dump_tree: copydesk_dump_tree() (copydesk.h): decode, parse keeping
 * everything, print the html5lib test format (parse/dump.c). */
#include "../dom/dom.h"
#include "../input/input.h"
#include "../parse/parse.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/limits.h"
#include "copydesk.h"

char *copydesk_dump_tree(const char *bytes, size_t len, const char *charset, size_t *out_len,
                         copydesk_status *status)
{
    const cd_mem *m = cd_mem_default();
    copydesk_status st = COPYDESK_OK;
    char *res = NULL;
    cd_buf raw, dec, out;
    cd_arena arena;
    cd_dom dom;
    cd_buf_init(&raw, m);
    cd_buf_init(&dec, m);
    cd_buf_init(&out, m);
    cd_arena_init(&arena, m, 64 * 1024);
    cd_dom_init(&dom, m, &arena);
    cd_parser *p = NULL;

    if (!bytes && len) {
        st = COPYDESK_ERR_ARG;
        goto done;
    }
    if (len > CD_MAX_INPUT) {
        st = COPYDESK_ERR_TOO_LARGE;
        goto done;
    }
    const unsigned char *in = (const unsigned char *)bytes;
    if (len && cd_input_is_gzip(in, len)) {
        st = cd_input_gunzip(in, len, cd_input_inflate_max(len, CD_INFLATE_RATIO, CD_INFLATE_FLOOR, CD_MAX_DECODED), &raw);
        if (st != COPYDESK_OK)
            goto done;
        in = (const unsigned char *)raw.data;
        len = raw.len;
    }
    const char *html = "";
    size_t hl = 0;
    if (len) {
        cd_decode_info info;
        st = cd_input_decode(in, len, charset, &dec, &info);
        if (st != COPYDESK_OK)
            goto done;
        html = dec.data ? dec.data : "";
        hl = dec.len;
    }
    p = cd_parser_new(m);
    if (!p) {
        st = COPYDESK_ERR_NOMEM;
        goto done;
    }
    st = cd_parse_html_opts(p, html, hl, &dom, CD_PARSE_KEEP_ALL);
    if (st != COPYDESK_OK)
        goto done;
    cd_parse_dump(&dom, &out);
    if (out.failed || !cd_buf_reserve(&out, 1)) {
        st = COPYDESK_ERR_NOMEM;
        goto done;
    }
    res = cd_buf_detach(&out, out_len);
    if (!res)
        st = COPYDESK_ERR_NOMEM;
done:
    cd_parser_free(p);
    cd_dom_free(&dom);
    cd_arena_free(&arena);
    cd_buf_free(&raw);
    cd_buf_free(&dec);
    cd_buf_free(&out);
    if (status)
        *status = res ? COPYDESK_OK : st;
    return res;
}
