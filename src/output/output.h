/* output: renderers, one file per format, all behind one interface.
 *
 * A renderer is render(result, options, out): it appends one page's rendering
 * to out (memory through out->mem; out->failed on out-of-memory). The formats
 * are the rows of include/copydesk_formats.def; copydesk_doc_render() looks the
 * renderer up by id (cd_format_get) and calls it, the CLI finds a format by
 * name. Text and Markdown walk the content roots of the extraction in document
 * order and skip subtrees marked CD_MARK_DROP (what extraction found invisible
 * or cut) and the headline element (CD_MARK_TITLE: it is the `title` field).
 * JSON writes the fields of copydesk_fields.def and the text as one object. */
#ifndef CD_OUTPUT_H
#define CD_OUTPUT_H

#include "../dom/dom.h"
#include "../extract/extract.h"
#include "../meta/meta.h"
#include "../util/buf.h"

/* One parsed page, as every renderer sees it. */
typedef struct cd_result {
    const cd_dom *dom;
    const cd_extract *ext; /* what to render of dom */
    const cd_meta *meta;
    const char *url;       /* the effective URL (caller's, else canonical): links resolve against it */
    const char *source;    /* input identifier (file path), or NULL */
    const char *text;      /* the article as plain text (cd_text_walk), rendered once per page */
    size_t text_len;
    size_t page_len;       /* bytes of the page parsed: the measure of what rendering may add */
} cd_result;

/* The one renderer signature. options: COPYDESK_OPT_* bits. */
typedef void (*cd_render_fn)(const cd_result *r, unsigned options, cd_buf *out);

/* One row of copydesk_formats.def. */
typedef struct cd_format {
    const char *name;  /* "text" */
    const char *alias; /* another accepted name, "" for none */
    cd_render_fn render;
} cd_format;

/* The format with id (a copydesk_format), or NULL. */
const cd_format *cd_format_get(int id);
/* The id of the format called name[0..len) (its name or alias), or -1. */
int cd_format_find(const char *name, size_t len);

/* The renderers (one file each), declared from the table. */
#define COPYDESK_FORMAT(id, name, alias, render) void render(const cd_result *r, unsigned options, cd_buf *out);
#include "copydesk_formats.def"
#undef COPYDESK_FORMAT

/* output/text: the plain-text walk behind the text format and `text` in JSON.
 * Blocks separated by one blank line ("\n\n"), headings on their own line,
 * list items one per line (no bullet), table rows one per line with cells
 * separated by " | "; <pre> keeps its whitespace; <br> is a line break; runs of
 * whitespace elsewhere collapse to one space. No leading/trailing blank lines. */
void cd_text_walk(const cd_dom *dom, const cd_extract *x, unsigned options, cd_buf *out);

/* output/head: the article's head that opens the text and Markdown renderings
 * (headline, deck, byline, dates, section, dateline, credit, from the fields).
 * cd_head_wanted: not with COPYDESK_OPT_BODY_ONLY, nor with
 * COPYDESK_OPT_NO_EXTRACT (the whole page is rendered, its headline in it).
 * cd_render_head appends it (md: Markdown) without a trailing newline and
 * returns 1, or 0 when the page has none of its fields. cd_head_dedupe drops
 * the first block of the body rendered at out[body..) when it repeats the
 * headline, with the blank line after it. */
static inline int cd_head_wanted(unsigned options)
{
    return !(options & (COPYDESK_OPT_BODY_ONLY | COPYDESK_OPT_NO_EXTRACT));
}
int cd_render_head(const cd_result *r, int md, cd_buf *out);
void cd_head_dedupe(const cd_result *r, int md, cd_buf *out, size_t body);

/* output/explain: append ,"mode":…,"dropped":[{"reason":…,"text":…},…]
 * (--explain): how the content was chosen and each block dropped inside it,
 * with its reason. */
void cd_render_explain(const cd_dom *dom, const cd_extract *x, cd_buf *out);

/* output/json: append s[0..len) as a JSON string literal (with quotes); invalid
 * UTF-8 is written as U+FFFD, control characters escaped, "/" not escaped. */
void cd_json_string(cd_buf *out, const char *s, size_t len);

#endif
