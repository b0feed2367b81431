/* output: renderers, one file per format, each a walk over the extraction result.
 *
 * Text and Markdown walk the content roots of a cd_extract in document order and
 * skip subtrees marked CD_MARK_DROP (extraction marks what is invisible) and the
 * headline element (CD_MARK_TITLE: it is the `title` field). JSON writes
 * the metadata and the rendered text as one object. */
#ifndef CD_OUTPUT_H
#define CD_OUTPUT_H

#include "../dom/dom.h"
#include "../extract/extract.h"
#include "../meta/meta.h"
#include "../util/buf.h"

/* Plain text: blocks separated by one blank line ("\n\n"), headings on their own
 * line, list items one per line (no bullet), table rows one per line with cells
 * separated by " | "; <pre> keeps its whitespace; <br> is a line break; runs of
 * whitespace elsewhere collapse to one space. No leading/trailing blank lines. */
void cd_render_text(const cd_dom *dom, const cd_extract *x, unsigned options, cd_buf *out);

/* CommonMark: headings (#), paragraphs, emphasis, links (absolute when base_url
 * is given), lists (nested), block quotes, fenced code, tables (GFM pipes), images
 * with alt text inside figures, figure captions as paragraphs. */
void cd_render_markdown(const cd_dom *dom, const cd_extract *x, unsigned options,
                        const char *base_url, cd_buf *out);

/* The fields of one JSON record. NULL strings are written as null (or omitted,
 * see docs/schema.md). */
typedef struct cd_json_fields {
    const char *source;   /* input identifier (file path), first key when set */
    const cd_meta *meta;
    const char *url;      /* the effective URL (caller's or canonical) */
    const char *text;
    size_t text_len;
    const char *markdown; /* only with --format markdown */
    size_t markdown_len;
    const char *charset;  /* charset the page was decoded from */
    const char *error;    /* when set, only source and error are written */
    int explain;          /* add "sources": where each metadata field came from */
    const cd_dom *dom;    /* with explain and ext: add "mode" and "dropped" (explain.c) */
    const cd_extract *ext;
} cd_json_fields;

/* One JSON object, no trailing newline, keys in a fixed order. */
void cd_render_json(const cd_json_fields *f, cd_buf *out);

/* Append ,"mode":…,"dropped":[{"reason":…,"text":…},…] (--explain): how the
 * content was chosen and each block dropped inside it, with its reason. */
void cd_render_explain(const cd_dom *dom, const cd_extract *x, cd_buf *out);

/* Append s[0..len) as a JSON string literal (with quotes); invalid UTF-8 is
 * written as U+FFFD, control characters escaped, "/" not escaped. */
void cd_json_string(cd_buf *out, const char *s, size_t len);

#endif
