/* api: the public document (struct copydesk_doc) and its pipeline.
 *
 * copydesk_doc_parse() runs input → parse → extract/meta; renderers run on
 * demand. Everything a page allocates comes from the document's arena or its
 * reusable buffers, so a batch reuses memory from page to page. */
#ifndef CD_API_DOC_H
#define CD_API_DOC_H

#include "../dom/dom.h"
#include "../extract/extract.h"
#include "../input/input.h"
#include "../meta/meta.h"
#include "../parse/parse.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "copydesk.h"

#define CD_MAX_WARNINGS 16

typedef struct cd_warning {
    int code;
    size_t offset;
} cd_warning;

enum { CD_DOC_EMPTY = 0, CD_DOC_PARSED = 1, CD_DOC_FAILED = 2 };

struct copydesk_doc {
    copydesk_mem mem;
    unsigned options;
    int state;
    cd_arena arena;
    cd_dom dom;
    cd_parser *parser;
    cd_extract ext;
    cd_meta meta;
    cd_buf raw;     /* gunzipped bytes */
    cd_buf decoded; /* UTF-8 page, when the input was not valid UTF-8 already (cd_input_decode_view) */
    cd_buf text;    /* rendered text (cached) */
    size_t page_len; /* bytes of the page parsed (UTF-8, after gunzip and decoding) */
    cd_buf render;  /* last render */
    int text_ready;
    unsigned inflate_ratio; /* the inflation limit (copydesk_doc_set_inflate_limit) */
    size_t inflate_floor;
    long long ref_time; /* reference time for relative dates (Unix seconds, 0 = none) */
    cd_decode_info dinfo;
    cd_buf url, charset_hint, source;
    const copydesk_sites *sites; /* site chrome model (issue #13), or NULL */
    cd_warning warnings[CD_MAX_WARNINGS];
    size_t nwarnings;
};

#endif
