/**
 * copydesk.h — the one public header of libcopydesk.
 *
 * copydesk turns web pages (HTML bytes in any charset, gzip or not) into a
 * clean article: the main text without the page's chrome, with its metadata.
 *
 * Two tiers:
 *  - one call:  copydesk_extract() → an owned, NUL-terminated rendering;
 *  - full path: copydesk_doc_new() → copydesk_doc_set_*() → copydesk_doc_parse()
 *               → accessors / copydesk_doc_render() → copydesk_doc_reset() for the
 *               next page → copydesk_doc_free().
 * Web archives (WARC, ARC): copydesk_warc_new() → copydesk_warc_next() → record
 * accessors → copydesk_warc_free(); each HTML payload goes to a document.
 *
 * Conventions: inputs are pointer + length and need not be NUL-terminated;
 * strings returned are NUL-terminated UTF-8, carry their length, and say who
 * owns them. Accessors tolerate NULL and return a neutral value. The library
 * never prints, exits or aborts.
 */
#ifndef COPYDESK_H
#define COPYDESK_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define COPYDESK_EXPORT
#elif defined(__GNUC__)
#define COPYDESK_EXPORT __attribute__((visibility("default")))
#else
#define COPYDESK_EXPORT
#endif

#define COPYDESK_VERSION_MAJOR 0
#define COPYDESK_VERSION_MINOR 1
#define COPYDESK_VERSION_PATCH 0
/** Compile-time version, 0xMMmmpp. */
#define COPYDESK_VERSION                                                                           \
    ((COPYDESK_VERSION_MAJOR << 16) | (COPYDESK_VERSION_MINOR << 8) | COPYDESK_VERSION_PATCH)
#define COPYDESK_VERSION_STRING "0.1.0"

/** Run-time version (same encoding as COPYDESK_VERSION). */
COPYDESK_EXPORT int copydesk_version(void);
/** Run-time version string, static storage. */
COPYDESK_EXPORT const char *copydesk_version_string(void);

/* ---- status ----------------------------------------------------------- */

/** Status codes. COPYDESK_OK is 0; a value is never reused for another meaning. */
typedef enum copydesk_status {
    COPYDESK_OK = 0,
    COPYDESK_ERR_NOMEM = 1,     /**< an allocation failed */
    COPYDESK_ERR_ARG = 2,       /**< a NULL or invalid argument */
    COPYDESK_ERR_EMPTY = 3,     /**< the input holds no bytes */
    COPYDESK_ERR_TOO_LARGE = 4, /**< the input exceeds a hard limit (see limits) */
    COPYDESK_ERR_GZIP = 5,      /**< damaged gzip data: truncated, corrupt, or a bad CRC/length */
    COPYDESK_ERR_PARSE = 6,     /**< the HTML parser failed */
    COPYDESK_ERR_NOT_HTML = 7,  /**< binary data, not a text document: a binary format's
                                     signature, or control bytes and no markup
                                     (docs/schema.md, "Error record") */
    COPYDESK_ERR_STATE = 8,     /**< a call out of order (e.g. render before parse) */
    COPYDESK_ERR_IO = 9,        /**< reading a file failed (CLI and file helpers) */
    COPYDESK_ERR_INFLATION = 10 /**< gzip or deflate data inflates past the inflation limit
                                     (copydesk_doc_set_inflate_limit(): a decompression
                                     bomb, docs/limits.md) */
} copydesk_status;

/** A static English description of a status. Never NULL. */
COPYDESK_EXPORT const char *copydesk_status_str(copydesk_status status);

/* ---- memory ------------------------------------------------------------ */

/** Allocator hooks. All three must be set. calloc must return zeroed memory. */
typedef struct copydesk_mem {
    void *(*calloc)(size_t count, size_t size);
    void *(*realloc)(void *ptr, size_t size);
    void (*free)(void *ptr);
} copydesk_mem;

/** Free memory that copydesk_extract(), copydesk_json_string() or
 *  copydesk_warc_take_payload() returned (default allocator). NULL is fine. The
 *  default allocator is the C library's calloc/realloc/free, so this is free(). */
COPYDESK_EXPORT void copydesk_free(void *ptr);

/* ---- options ----------------------------------------------------------- */

/** Option bits for copydesk_doc_new() / copydesk_extract(). A bit is never reused. */
#define COPYDESK_OPT_DEFAULT 0u
/** Keep comments sections (user comments) in the text. */
#define COPYDESK_OPT_KEEP_COMMENTS (1u << 0)
/** Leave tables out of the text (they are kept by default). */
#define COPYDESK_OPT_NO_TABLES (1u << 1)
/** Leave figure captions out of the text (they are kept by default). */
#define COPYDESK_OPT_NO_CAPTIONS (1u << 2)
/** Do not run extraction: render the whole visible body. */
#define COPYDESK_OPT_NO_EXTRACT (1u << 3)

/** JSON output also carries the article as Markdown (`markdown` field). */
#define COPYDESK_OPT_JSON_MARKDOWN (1u << 4)
/** Keep the dateline and the wire credit in the text too (by default they
 *  leave the body when they are carried as the `dateline` and `credit` fields). */
#define COPYDESK_OPT_KEEP_PARTS (1u << 5)
/** JSON output also says where each metadata field came from (`sources`). */
#define COPYDESK_OPT_EXPLAIN (1u << 6)
/** Text and Markdown without the article's head: the body alone. By default
 *  they open with the head (headline, deck, byline, dates, section, dateline,
 *  credit: docs/schema.md, "The head"); JSON's `text` is always the body. */
#define COPYDESK_OPT_BODY_ONLY (1u << 7)

/**
 * Output formats for copydesk_doc_render() and copydesk_extract(), one per row
 * of copydesk_formats.def (installed beside this header), numbered by row:
 *   COPYDESK_FORMAT_TEXT = 0      the head, then paragraphs separated by a blank line
 *   COPYDESK_FORMAT_MARKDOWN = 1  CommonMark (the head as `# Headline`, the deck, …)
 *   COPYDESK_FORMAT_JSON = 2      one JSON object (no trailing newline)
 *   COPYDESK_FORMAT_REPORT = 3    the explain page: one self-contained HTML
 *                                 document showing every block of the page,
 *                                 kept or dropped and why, and every field with
 *                                 its source (`copydesk --report`)
 * A value is never reused; COPYDESK_FORMAT_COUNT grows when a format is added.
 */
typedef enum copydesk_format {
#define COPYDESK_FORMAT(id, name, alias, render) COPYDESK_FORMAT_##id,
#include "copydesk_formats.def"
#undef COPYDESK_FORMAT
    COPYDESK_FORMAT_COUNT
} copydesk_format;

/** The format's name as --format takes it ("text", "markdown", "json"), static
 *  storage; NULL for a value that is not a format. Loop from 0 until NULL to list them. */
COPYDESK_EXPORT const char *copydesk_format_name(copydesk_format format);
/** The format called name[0..len) (its name or its alias, e.g. "md"; exact,
 *  case-sensitive), or -1 when there is none (also for a NULL name). */
COPYDESK_EXPORT int copydesk_format_from_name(const char *name, size_t len);

/** The largest input copydesk_doc_parse() takes, in bytes (256 MiB); more is
 *  COPYDESK_ERR_TOO_LARGE. Also the largest web archive payload (see below). */
#define COPYDESK_MAX_INPUT ((size_t)256 * 1024 * 1024)

/** The inflation limit's defaults (issue #14, docs/limits.md): a gzip page, or
 *  a web archive record's gzip or deflate body, may decode to at most
 *  max(COPYDESK_INFLATE_FLOOR, COPYDESK_INFLATE_RATIO x its compressed size)
 *  bytes; past it the page is refused (COPYDESK_ERR_INFLATION). No page of
 *  the project's data sets inflates more than 17 times (gzip -9). */
#define COPYDESK_INFLATE_RATIO 32u
#define COPYDESK_INFLATE_FLOOR ((size_t)8 * 1024 * 1024)

/* ---- one call ---------------------------------------------------------- */

/**
 * Extract the article from html[0..len) and render it in `format`.
 *
 * Returns a NUL-terminated string allocated with the default allocator: free it
 * with copydesk_free(). *out_len (if not NULL) receives its length. On failure
 * returns NULL and sets *status (if not NULL); on success *status is COPYDESK_OK.
 * `url` may be NULL (then the page's canonical URL is used, if any).
 */
COPYDESK_EXPORT char *copydesk_extract(const char *html, size_t len, const char *url,
                                       copydesk_format format, unsigned options, size_t *out_len,
                                       copydesk_status *status);

/**
 * The page's HTML5 tree as html5lib's tree-construction tests print it, so
 * that anyone can hold copydesk's parser against those tests
 * (`copydesk --dump-tree FILE`).
 *
 * bytes[0..len) is decoded as copydesk_doc_parse() decodes a page (gzip by
 * magic, charset from `charset` — a transport hint, may be NULL — the BOM,
 * <meta> or detection), then parsed keeping what extraction drops: comments,
 * the doctype, SVG content and template contents. One line per node: "| ",
 * two spaces per level, `<tag>` (`<svg tag>`, `<math tag>` for foreign
 * elements), attributes sorted on their own lines as `name="value"`, text in
 * double quotes, `<!-- data -->`, `<!DOCTYPE name "public" "system">`,
 * `content` above a template's contents. An empty input is an empty document.
 *
 * Returns a NUL-terminated string allocated with the default allocator (free
 * it with copydesk_free()); *out_len (if not NULL) receives its length. On
 * failure returns NULL and sets *status (if not NULL).
 */
COPYDESK_EXPORT char *copydesk_dump_tree(const char *bytes, size_t len, const char *charset,
                                         size_t *out_len, copydesk_status *status);

/* ---- full path --------------------------------------------------------- */

/** A document: one page at a time, reusable for the next with copydesk_doc_reset(). */
typedef struct copydesk_doc copydesk_doc;

/** A new document with the default allocator. NULL on out-of-memory. Free with copydesk_doc_free(). */
COPYDESK_EXPORT copydesk_doc *copydesk_doc_new(unsigned options);
/** A new document whose every allocation goes through `mem` (copied; must outlive the doc). */
COPYDESK_EXPORT copydesk_doc *copydesk_doc_new_with_mem(unsigned options, const copydesk_mem *mem);
/** Release the document and everything it returned. NULL is fine. */
COPYDESK_EXPORT void copydesk_doc_free(copydesk_doc *doc);
/** Forget the current page (keeps options, memory for reuse). URL, charset and reference-time hints are cleared. */
COPYDESK_EXPORT void copydesk_doc_reset(copydesk_doc *doc);

/** The page's URL, used as `url` and to resolve links. Copied. */
COPYDESK_EXPORT copydesk_status copydesk_doc_set_url(copydesk_doc *doc, const char *url, size_t len);
/** An identifier of the input (e.g. its file path), written first as `source` in JSON. Copied. */
COPYDESK_EXPORT copydesk_status copydesk_doc_set_source(copydesk_doc *doc, const char *source,
                                                        size_t len);
/** The inflation limit (kept across copydesk_doc_reset()): a gzip page may
 *  decode to at most max(floor, ratio x its compressed size) bytes, never more
 *  than COPYDESK_MAX_INPUT; past it copydesk_doc_parse() stops inflating and
 *  returns COPYDESK_ERR_INFLATION. ratio 0 turns the limit off (only
 *  COPYDESK_MAX_INPUT applies). A new document has COPYDESK_INFLATE_RATIO and
 *  COPYDESK_INFLATE_FLOOR. */
COPYDESK_EXPORT copydesk_status copydesk_doc_set_inflate_limit(copydesk_doc *doc, unsigned ratio,
                                                               size_t floor);
/** The time the page was fetched (Unix seconds; e.g. a WARC-Date), from which
 *  relative dates such as "3 hours ago" are counted. Without it they are not used. */
COPYDESK_EXPORT copydesk_status copydesk_doc_set_reference_time(copydesk_doc *doc,
                                                                long long unix_seconds);
/** Parse a time stamp as given to --reference-time or in a WARC-Date:
 *  "2014-11-06T17:00:00Z" (also a date alone, minutes only, fractions, a zone
 *  "+01:00"; no zone means UTC) or "@1415293200" (Unix seconds). COPYDESK_OK
 *  and *unix_seconds set, or COPYDESK_ERR_ARG when malformed or before 1970. */
COPYDESK_EXPORT copydesk_status copydesk_parse_time(const char *s, size_t len,
                                                    long long *unix_seconds);
/** A transport charset hint (e.g. from HTTP Content-Type). Copied. */
COPYDESK_EXPORT copydesk_status copydesk_doc_set_charset(copydesk_doc *doc, const char *charset,
                                                         size_t len);
/** The decoder's name for the charset label[0..len) (a label of the WHATWG
 *  Encoding Standard, case and surrounding spaces ignored: "latin1" gives
 *  "windows-1252", "UTF8" gives "utf-8"), static storage; NULL for a label the
 *  decoder does not know (such a hint would be ignored). */
COPYDESK_EXPORT const char *copydesk_charset_name(const char *label, size_t len);

/**
 * Decode (gzip, charset), parse, extract and read metadata from bytes[0..len).
 * The bytes are not kept after the call. Returns COPYDESK_OK or an error; after an
 * error the accessors return neutral values and copydesk_doc_reset() is needed.
 */
COPYDESK_EXPORT copydesk_status copydesk_doc_parse(copydesk_doc *doc, const char *bytes,
                                                   size_t len);

/**
 * Render the extracted article. The returned string is owned by the document and
 * valid until the next render, reset or free. NULL on error (see *status).
 */
COPYDESK_EXPORT const char *copydesk_doc_render(copydesk_doc *doc, copydesk_format format,
                                                size_t *out_len, copydesk_status *status);

/* Accessors. Strings are owned by the document (valid until reset/free), NUL-terminated
 * UTF-8, and NULL when the page does not give the field. *len may be NULL. */

/** The headline, without a site-name suffix. */
COPYDESK_EXPORT const char *copydesk_doc_title(const copydesk_doc *doc, size_t *len);
/** Number of author names. */
COPYDESK_EXPORT size_t copydesk_doc_author_count(const copydesk_doc *doc);
/** Author name i (0-based); NULL when out of range. */
COPYDESK_EXPORT const char *copydesk_doc_author(const copydesk_doc *doc, size_t i, size_t *len);
/** Publication date, ISO 8601 (YYYY-MM-DD, with time and zone when the page gives them). */
COPYDESK_EXPORT const char *copydesk_doc_date_published(const copydesk_doc *doc, size_t *len);
/** Modification date, ISO 8601, when the page gives one apart from the publication date. */
COPYDESK_EXPORT const char *copydesk_doc_date_modified(const copydesk_doc *doc, size_t *len);
/** The page's own summary (JSON-LD, OpenGraph or <meta> description). */
COPYDESK_EXPORT const char *copydesk_doc_description(const copydesk_doc *doc, size_t *len);
/** Site name. */
COPYDESK_EXPORT const char *copydesk_doc_site_name(const copydesk_doc *doc, size_t *len);
/** Language (BCP 47 tag as given by the page). */
COPYDESK_EXPORT const char *copydesk_doc_language(const copydesk_doc *doc, size_t *len);
/** The URL: the one set with copydesk_doc_set_url(), else the page's canonical. */
COPYDESK_EXPORT const char *copydesk_doc_url(const copydesk_doc *doc, size_t *len);
/** The deck (subheadline, standfirst, dek) under the headline. */
COPYDESK_EXPORT const char *copydesk_doc_deck(const copydesk_doc *doc, size_t *len);
/** The section or desk the article belongs to ("World", "Business"). */
COPYDESK_EXPORT const char *copydesk_doc_section(const copydesk_doc *doc, size_t *len);
/** The lead image: its absolute URL, its caption and its credit (photographer / agency). */
COPYDESK_EXPORT const char *copydesk_doc_image_url(const copydesk_doc *doc, size_t *len);
COPYDESK_EXPORT const char *copydesk_doc_image_caption(const copydesk_doc *doc, size_t *len);
COPYDESK_EXPORT const char *copydesk_doc_image_credit(const copydesk_doc *doc, size_t *len);
/** The source or wire attribution of the text ("Reuters", "Al Jazeera and Reuters",
 *  "The Associated Press contributed to this report"). */
COPYDESK_EXPORT const char *copydesk_doc_credit(const copydesk_doc *doc, size_t *len);
/** The dateline that opens the body ("WASHINGTON —"), without the dash. */
COPYDESK_EXPORT const char *copydesk_doc_dateline(const copydesk_doc *doc, size_t *len);
/** Number of tags (keywords, topics). */
COPYDESK_EXPORT size_t copydesk_doc_tag_count(const copydesk_doc *doc);
/** Tag i (0-based); NULL when out of range. */
COPYDESK_EXPORT const char *copydesk_doc_tag(const copydesk_doc *doc, size_t i, size_t *len);
/** Where a metadata field came from ("json-ld", "og", "meta", "microdata", "visible",
 *  "title", "html", "url", …) for field names as in JSON ("title", "authors",
 *  "date_published", "deck", "section", "image", "credit", "dateline", "tags");
 *  NULL when the field is empty or unknown. */
COPYDESK_EXPORT const char *copydesk_doc_field_source(const copydesk_doc *doc, const char *field);

/*
 * Fields by id. Every row of copydesk_fields.def (installed beside this header;
 * rows in JSON key order, new ones appended) is a field COPYDESK_FIELD_<ID> with
 * a named accessor: copydesk_doc_<name>() for a string, copydesk_doc_<name>_count()
 * and copydesk_doc_<name>(doc, i, ...) for a list. Today: URL (0) url, TITLE
 * title, DECK deck, AUTHOR author (list), DATE date_published, MODIFIED
 * date_modified, SITE site_name, LANG language, DESC description, SECTION
 * section, IMAGE image_url, IMAGE_CAPTION image_caption, IMAGE_CREDIT
 * image_credit, CREDIT credit, DATELINE dateline, TAG (15) tag (list).
 * The table declares the accessors below, so the documented declarations above
 * are checked against it by the compiler; a field added to the table has its
 * accessor without an edit here. The generic calls reach every field, including
 * ones newer than a binding.
 */
typedef enum copydesk_field {
#define COPYDESK_FIELD(id, kind, json, name, max, source, cands) COPYDESK_FIELD_##id,
#include "copydesk_fields.def"
#undef COPYDESK_FIELD
    COPYDESK_FIELD_COUNT /**< grows when a field is added; a value is never reused */
} copydesk_field;

/** The field's name as in JSON: its key ("title", "authors"), or "group.key" for a
 *  field inside an object ("image.url"). Static storage; NULL when f is not a field. */
COPYDESK_EXPORT const char *copydesk_field_name(copydesk_field f);
/** 1 when f holds a list (authors, tags), 0 for a single string or an unknown f. */
COPYDESK_EXPORT int copydesk_field_is_list(copydesk_field f);
/** How many values field f has on the parsed page: 0 or 1 for a single string, the
 *  count for a list. 0 for a NULL or unparsed doc and for an unknown f. */
COPYDESK_EXPORT size_t copydesk_doc_field_count(const copydesk_doc *doc, copydesk_field f);
/** Value i (0-based; 0 for a single string) of field f, as its named accessor
 *  returns it: owned by the document (valid until reset/free), NUL-terminated UTF-8;
 *  NULL when absent, out of range, f unknown, or doc NULL or unparsed. *len may be NULL. */
COPYDESK_EXPORT const char *copydesk_doc_field(const copydesk_doc *doc, copydesk_field f,
                                               size_t i, size_t *len);

#define COPYDESK_ACCESSOR_STR(name)                                                               \
    COPYDESK_EXPORT const char *copydesk_doc_##name(const copydesk_doc *doc, size_t *len);
#define COPYDESK_ACCESSOR_URL(name) COPYDESK_ACCESSOR_STR(name)
#define COPYDESK_ACCESSOR_LIST(name)                                                              \
    COPYDESK_EXPORT size_t copydesk_doc_##name##_count(const copydesk_doc *doc);                   \
    COPYDESK_EXPORT const char *copydesk_doc_##name(const copydesk_doc *doc, size_t i, size_t *len);
#define COPYDESK_FIELD(id, kind, json, name, max, source, cands) COPYDESK_ACCESSOR_##kind(name)
#include "copydesk_fields.def"
#undef COPYDESK_FIELD
#undef COPYDESK_ACCESSOR_STR
#undef COPYDESK_ACCESSOR_URL
#undef COPYDESK_ACCESSOR_LIST

/** The charset the page was decoded from (e.g. "windows-1252"). */
COPYDESK_EXPORT const char *copydesk_doc_charset(const copydesk_doc *doc, size_t *len);
/** The article's body as plain text: JSON's `text`, the same as rendering
 *  COPYDESK_FORMAT_TEXT with COPYDESK_OPT_BODY_ONLY (without the head). */
COPYDESK_EXPORT const char *copydesk_doc_text(copydesk_doc *doc, size_t *len);

/* Findings: not failures, but things a user may want to know ("charset guessed",
 * "no article found", "depth clamped"). */

/** Warning codes. */
typedef enum copydesk_warning_code {
    COPYDESK_WARN_CHARSET_GUESSED = 1, /**< no declaration: the charset was detected */
    COPYDESK_WARN_CHARSET_WRONG = 2,   /**< the declared charset did not fit the bytes */
    COPYDESK_WARN_INVALID_BYTES = 3,   /**< bytes replaced with U+FFFD */
    COPYDESK_WARN_NO_ARTICLE = 4,      /**< no main content found: nothing or whole body kept */
    COPYDESK_WARN_TRUNCATED = 5,       /**< a limit (nodes, depth, size) cut the page */
    COPYDESK_WARN_NUL_BYTES = 6        /**< NUL bytes in the input were replaced */
} copydesk_warning_code;

/** Number of warnings on the current page. */
COPYDESK_EXPORT size_t copydesk_doc_warning_count(const copydesk_doc *doc);
/** Warning i: its code, and the byte offset in the input it refers to (or 0). 0 if out of range. */
COPYDESK_EXPORT int copydesk_doc_warning(const copydesk_doc *doc, size_t i, size_t *offset);

/* ---- JSON -------------------------------------------------------------- */

/**
 * s[0..len) as a JSON string literal, quotes included, by the rules of the JSON
 * output (docs/schema.md, "Encoding"): bytes that are not valid UTF-8 become
 * U+FFFD (one per maximal ill-formed subsequence), control characters, '"', '\\',
 * U+2028 and U+2029 are escaped, '/' is not. For records built beside the
 * library's (the CLI's error records and WARC fields). Returns a NUL-terminated
 * string to free with copydesk_free(); *out_len (may be NULL) gets its length.
 * NULL when memory runs out, or when s is NULL and len is not 0.
 */
COPYDESK_EXPORT char *copydesk_json_string(const char *s, size_t len, size_t *out_len);

/* ---- web archives ------------------------------------------------------ */

/*
 * A streaming reader of web archives: WARC 1.0 / 1.1 and ARC v1 / v2, plain,
 * gzip per record (Common Crawl), whole-file gzip, or records spanning gzip
 * members. It pulls bytes through a callback and hands out one record at a
 * time in constant memory (a fixed window plus the payload of the current HTML
 * record), so a 50 GB crawl reads like a small file. It is the reader the
 * copydesk CLI uses; docs/schema.md ("Web archives") describes the records.
 *
 *     copydesk_warc *w = copydesk_warc_new(my_read, my_file);
 *     while (copydesk_warc_next(w)) {
 *         if (copydesk_warc_record_kind(w) != COPYDESK_WARC_HTML) continue;
 *         size_t n;
 *         const char *html = copydesk_warc_payload(w, &n);
 *         ... copydesk_doc_set_url(doc, copydesk_warc_url(w, NULL), ...);
 *         ... copydesk_doc_parse(doc, html, n);
 *     }
 *     copydesk_warc_free(w);
 *
 * Damage never stops the reader: a truncated file, a bad Content-Length, a
 * corrupt gzip member or a broken chunked body is an error record (with a byte
 * offset), and reading resumes at the next record. Payloads larger than
 * 256 MiB (the library's input limit) are error records too ("record too large").
 * A reader is not thread-safe; different readers are independent.
 */

/**
 * A read callback: copy up to len bytes of input into buf and return how many,
 * 0 at the end of the input. On a read error set *err to nonzero (the bytes
 * returned with it, if any, are still used); the reader then treats the input
 * as ended and copydesk_warc_status() reports COPYDESK_ERR_IO. Returning more
 * than len is treated as len.
 */
typedef size_t (*copydesk_read_fn)(void *ctx, void *buf, size_t len, int *err);

/** A web archive reader (opaque). */
typedef struct copydesk_warc copydesk_warc;

/** What the current record is. A value is never reused for another meaning. */
typedef enum copydesk_warc_kind {
    COPYDESK_WARC_NONE = 0,    /**< no current record (before the first next, after the end, NULL) */
    COPYDESK_WARC_HTML = 1,    /**< an HTML page: the payload is ready to extract */
    COPYDESK_WARC_SKIPPED = 2, /**< not HTML, or not a response/resource record: see skip reason */
    COPYDESK_WARC_ERROR = 3    /**< a broken record: see copydesk_warc_error() and offset */
} copydesk_warc_kind;

/** What a file is, from its first bytes. */
typedef enum copydesk_warc_format {
    COPYDESK_WARC_FORMAT_NONE = 0, /**< not a web archive (e.g. an HTML page) */
    COPYDESK_WARC_FORMAT_WARC = 1, /**< WARC 1.0 / 1.1 */
    COPYDESK_WARC_FORMAT_ARC = 2   /**< ARC v1 / v2 */
} copydesk_warc_format;

/**
 * Tell a web archive from a page by the first bytes of a file, bytes[0..len)
 * (a few KiB are plenty; gzip is looked through). This is how the CLI decides.
 * NULL or len 0 gives COPYDESK_WARC_FORMAT_NONE.
 */
COPYDESK_EXPORT copydesk_warc_format copydesk_warc_sniff(const char *bytes, size_t len);

/**
 * A reader pulling its input from read(ctx, ...), with the default allocator.
 * It may call read() already (to see whether the input is gzip). Returns NULL
 * when read is NULL or memory runs out. Free with copydesk_warc_free(); ctx is
 * not owned and must stay valid until then.
 */
COPYDESK_EXPORT copydesk_warc *copydesk_warc_new(copydesk_read_fn read, void *ctx);
/** As copydesk_warc_new(), with every allocation through `mem` (copied; all three hooks
 * must be set, else NULL). NULL mem means the default allocator. */
COPYDESK_EXPORT copydesk_warc *copydesk_warc_new_with_mem(copydesk_read_fn read, void *ctx,
                                                          const copydesk_mem *mem);
/** Release the reader and everything it returned. NULL is fine. */
COPYDESK_EXPORT void copydesk_warc_free(copydesk_warc *w);
/** The inflation limit of the reader's records (as copydesk_doc_set_inflate_limit(),
 *  defaults the same): an HTTP body with Content-Encoding gzip or deflate, a gzip
 *  page inside a record (inflated by the reader: its payload is the page), and a
 *  record of a gzip archive (counted against the compressed bytes read since
 *  the record began) may decode to at most max(floor, ratio x the record's
 *  compressed size), every layer against that same size; past it the record is
 *  an error record ("inflates past the inflation limit") and the next record is
 *  read. Applies to the records read after the call. */
COPYDESK_EXPORT copydesk_status copydesk_warc_set_inflate_limit(copydesk_warc *w, unsigned ratio,
                                                                size_t floor);

/**
 * Read the next record: 1 when there is one (HTML, skipped or error), 0 at the
 * end of the input (or when w is NULL). Out-of-memory is an error record too,
 * so a loop `while (copydesk_warc_next(w))` always ends. Everything the
 * accessors returned for the previous record becomes invalid.
 */
COPYDESK_EXPORT int copydesk_warc_next(copydesk_warc *w);

/** COPYDESK_ERR_IO once the read callback has reported an error, else COPYDESK_OK
 * (COPYDESK_ERR_ARG for NULL). A read error ends the input; it is not a record. */
COPYDESK_EXPORT copydesk_status copydesk_warc_status(const copydesk_warc *w);
/** Raw input bytes consumed so far (for progress). 0 for NULL. */
COPYDESK_EXPORT unsigned long long copydesk_warc_bytes_read(const copydesk_warc *w);

/* Accessors for the current record. They tolerate NULL and a reader with no
 * current record, and then return a neutral value (0, NULL). Strings are owned
 * by the reader, NUL-terminated, and valid until the next copydesk_warc_next()
 * or copydesk_warc_free(); *len (may be NULL) receives the length, which counts
 * any NUL byte the archive put inside a header value. Header values are the
 * archive's bytes, not checked as UTF-8. */

/** The kind of the current record. */
COPYDESK_EXPORT copydesk_warc_kind copydesk_warc_record_kind(const copydesk_warc *w);
/** Why the record is broken (a static English reason such as "truncated record"),
 * NULL unless the kind is COPYDESK_WARC_ERROR. */
COPYDESK_EXPORT const char *copydesk_warc_error(const copydesk_warc *w);
/** Why the record was skipped (static: "not HTML", "not a response or resource record",
 * "empty payload", ...); NULL unless the kind is COPYDESK_WARC_SKIPPED. */
COPYDESK_EXPORT const char *copydesk_warc_skip_reason(const copydesk_warc *w);
/**
 * Where the record starts: the raw offset of the gzip member it starts (what CDX
 * indexes store), or of its first header byte in an uncompressed file. When the
 * record starts inside a member (whole-file gzip), the offset counts
 * decompressed bytes and copydesk_warc_in_stream() is 1. For an error found at
 * a gzip member, the member's offset.
 */
COPYDESK_EXPORT unsigned long long copydesk_warc_offset(const copydesk_warc *w);
/** 1 when copydesk_warc_offset() counts decompressed bytes (see there), else 0. */
COPYDESK_EXPORT int copydesk_warc_in_stream(const copydesk_warc *w);
/** 1 for an ARC record (no record id; the date converted to ISO 8601), else 0. */
COPYDESK_EXPORT int copydesk_warc_is_arc(const copydesk_warc *w);
/** WARC-Type ("response", "resource", "request", ...; ARC: "response" or "filedesc"); NULL when absent. */
COPYDESK_EXPORT const char *copydesk_warc_type(const copydesk_warc *w, size_t *len);
/** WARC-Record-ID as written, with its <> (e.g. "<urn:uuid:...>"); NULL when absent (ARC). */
COPYDESK_EXPORT const char *copydesk_warc_record_id(const copydesk_warc *w, size_t *len);
/** WARC-Date as written; ARC: the 14-digit date as "YYYY-MM-DDThh:mm:ssZ". NULL when absent. */
COPYDESK_EXPORT const char *copydesk_warc_date(const copydesk_warc *w, size_t *len);
/** WARC-Target-URI without the <> some writers add (ARC: the header line's URL); NULL when absent. */
COPYDESK_EXPORT const char *copydesk_warc_url(const copydesk_warc *w, size_t *len);
/** The charset parameter of the Content-Type that made the record HTML (a transport hint for
 * copydesk_doc_set_charset()); NULL when none or when the kind is not HTML. */
COPYDESK_EXPORT const char *copydesk_warc_charset(const copydesk_warc *w, size_t *len);
/** The HTML payload (kind COPYDESK_WARC_HTML): the HTTP header split off, chunked transfer
 * coding and gzip/deflate Content-Encoding undone, not yet decoded to UTF-8 (pass it to
 * copydesk_doc_parse()). NULL for other kinds. */
COPYDESK_EXPORT const char *copydesk_warc_payload(const copydesk_warc *w, size_t *len);

/**
 * Take the HTML payload of the current record (as copydesk_warc_payload()) over
 * instead of copying it: the caller owns the returned bytes (NUL-terminated,
 * *len without the NUL) and frees them with the reader's allocator, i.e.
 * copydesk_free() for a reader from copydesk_warc_new(). Afterwards
 * copydesk_warc_payload() returns NULL for this record. NULL (and *len 0) for
 * other kinds, when already taken, and when memory runs out.
 */
COPYDESK_EXPORT char *copydesk_warc_take_payload(copydesk_warc *w, size_t *len);

/**
 * The record's name as the CLI writes it in `source`: path followed by
 * "#<record-id>" when the record has an id, else by "@<offset>". path may be
 * NULL (only the suffix is returned). Owned by the reader, valid until the
 * next copydesk_warc_next() or free. NULL when there is no current record or
 * memory runs out.
 */
COPYDESK_EXPORT const char *copydesk_warc_source(copydesk_warc *w, const char *path,
                                                 size_t path_len, size_t *len);
/**
 * An error record's message as the CLI writes it in `error`: the reason and the
 * offset ("truncated record at byte 1197", "... of the decompressed stream").
 * Owned by the reader like copydesk_warc_source(). NULL unless the kind is
 * COPYDESK_WARC_ERROR (or when memory runs out).
 */
COPYDESK_EXPORT const char *copydesk_warc_error_message(copydesk_warc *w, size_t *len);

/* ---- Site-level chrome ----------------------------------------------------
 *
 * A copydesk_sites is a model of each site's furniture: the blocks (normalised
 * text and structural path) that recur on many pages of one host, learned from
 * a batch. Given to a document (copydesk_doc_set_sites()), a block the model
 * knows as its host's chrome never wins the article region and is dropped
 * inside it (--explain: reason "site-chrome"). Hosts with fewer than
 * COPYDESK_SITES_MIN_PAGES pages observed are left alone: their pages come out
 * exactly as without a model.
 *
 * Learning: copydesk_sites_observe() every page of the batch (cheap: no tree
 * is built), then parse the pages with the model. The model depends only on the
 * set of pages observed: never on their order, on how they were split between
 * models later merged, or on threads. Memory is bounded (docs/sites.md gives
 * the bound and the eviction rule). The host of a page is its URL's (the url
 * argument, else the page's canonical / og:url / base), else a site key read
 * from the page itself (docs/sites.md).
 *
 * Threads: observe and merge write the model (one thread at a time per model:
 * give each thread its own and merge them); once no thread writes it, any
 * number of documents on any threads may read it.
 */
typedef struct copydesk_sites copydesk_sites;

/** Hosts with fewer pages observed than this get no site chrome. */
#define COPYDESK_SITES_MIN_PAGES 3

/** An empty model; NULL on out-of-memory. Free with copydesk_sites_free(). */
COPYDESK_EXPORT copydesk_sites *copydesk_sites_new(void);
/** Free a model (NULL is fine). No document may still use it. */
COPYDESK_EXPORT void copydesk_sites_free(copydesk_sites *s);

/** Learn from one page: bytes[0..len) as copydesk_doc_parse() takes them (gzip
 * or not, any charset); url (NUL-terminated, may be NULL) names the page, as
 * copydesk_doc_set_url() does; charset (may be NULL) is a transport hint, as
 * copydesk_doc_set_charset(). A page that cannot be read is skipped (its
 * status is returned; the model is unchanged). COPYDESK_ERR_NOMEM leaves the
 * model as it was before the call. */
COPYDESK_EXPORT copydesk_status copydesk_sites_observe(copydesk_sites *s, const char *bytes,
                                                       size_t len, const char *url,
                                                       const char *charset);

/** The host key copydesk_sites_observe() files the page under (the
 * registrable domain of url, else what the page names: docs/sites.md), into
 * out[0..cap) (NUL-terminated, cap >= COPYDESK_SITES_KEY_MAX): "" when the
 * page names no host (observe would add nothing). Cheaper than observing:
 * with a URL the page is not read, else the reading stops at the page's first
 * canonical link. A batch can count its pages per host first and observe only
 * the pages of hosts with COPYDESK_SITES_MIN_PAGES or more. s lends its scratch
 * memory (its model is unchanged). A page that cannot be read gives its status
 * (observe would skip it too); COPYDESK_ERR_NOMEM. */
#define COPYDESK_SITES_KEY_MAX 96
COPYDESK_EXPORT copydesk_status copydesk_sites_host(copydesk_sites *s, const char *bytes, size_t len,
                                                    const char *url, const char *charset,
                                                    char *out, size_t cap);
/** copydesk_sites_host() from the start of a page alone, for a reader that
 * would rather not decompress all of it: head[0..len) are the page's first
 * len bytes (decompressed; no charset given). 1 when they decide the key
 * exactly -- the page's first canonical link lies within the run of plain
 * ASCII it starts with, and its first 4096 bytes hold no NUL, so that no
 * charset the whole page may turn out to have reads that run otherwise --
 * with the key in out (cap >= COPYDESK_SITES_KEY_MAX); -1 when a longer start
 * may decide it (the head is plain ASCII to its end, and the page's body has
 * not begun); 0 when the whole page is needed (copydesk_sites_host()). A call
 * on a longer start of the same page right after a -1 reads on from where
 * that call stopped (docs/sites.md gives the rules in full). */
COPYDESK_EXPORT int copydesk_sites_host_head(copydesk_sites *s, const char *head, size_t len, char *out,
                                             size_t cap);
/** Pages the model samples for host key (from copydesk_sites_host), 0 if none. */
COPYDESK_EXPORT size_t copydesk_sites_host_pages(const copydesk_sites *s, const char *key);

/** Add src's observations to dst (models of several batches or threads
 * combine; merging is commutative and associative). src is unchanged. */
COPYDESK_EXPORT copydesk_status copydesk_sites_merge(copydesk_sites *dst, const copydesk_sites *src);

/** The model in its file format (versioned, documented in docs/sites.md);
 * *len (may be NULL) gets its length. Free with copydesk_free(). NULL on
 * out-of-memory (*status says so; status may be NULL). */
COPYDESK_EXPORT char *copydesk_sites_save(const copydesk_sites *s, size_t *len,
                                          copydesk_status *status);
/** Read a saved model data[0..len) and merge it into s. COPYDESK_ERR_ARG for a
 * file that is not a model, damaged, or of a newer version (s is unchanged). */
COPYDESK_EXPORT copydesk_status copydesk_sites_load(copydesk_sites *s, const char *data, size_t len);

/**
 * A write callback for copydesk_sites_save_to(): take buf[0..len) (len > 0)
 * and return COPYDESK_OK, or any other status to stop the save, which then
 * returns that status (COPYDESK_ERR_IO for a failed write, say).
 */
typedef copydesk_status (*copydesk_write_fn)(void *ctx, const void *buf, size_t len);

/** copydesk_sites_save() streamed: the same bytes, written through
 * write(ctx, ...) in pieces of at most 64 KiB as the model is walked, so that
 * the file is never held in memory beside the model (docs/sites.md "Memory
 * bound"). COPYDESK_OK; COPYDESK_ERR_ARG for a NULL s or write; out of memory
 * (its 64 KiB buffer): COPYDESK_ERR_NOMEM before anything is written; else
 * the first status other than COPYDESK_OK that write returned (the output is
 * then incomplete). ctx is not owned. */
COPYDESK_EXPORT copydesk_status copydesk_sites_save_to(const copydesk_sites *s, copydesk_write_fn write,
                                                       void *ctx);
/** copydesk_sites_load() streamed: the saved model is pulled through
 * read(ctx, ...) (copydesk_read_fn: 0 at the end of the input) to its end and
 * merged into s; the file is never held whole. Until it has proved whole (its
 * checksum is last) it is merged into a model of the loader's own, which
 * then becomes s's content (s empty) or is merged into s: loading into an
 * empty model costs about one model, into a non-empty one up to two
 * (docs/sites.md). The same model as copydesk_sites_load() on the same bytes.
 * COPYDESK_ERR_ARG for a file that is not a model, damaged, truncated, of a
 * newer version, or followed by more bytes, and for a NULL s or read;
 * COPYDESK_ERR_IO when read reported an error: s is unchanged for both, and
 * for COPYDESK_ERR_NOMEM while reading (out of memory merging into a
 * non-empty s may leave part of the file merged, as copydesk_sites_merge()). */
COPYDESK_EXPORT copydesk_status copydesk_sites_load_from(copydesk_sites *s, copydesk_read_fn read,
                                                         void *ctx);

/** Hosts and pages observed (0 for NULL). */
COPYDESK_EXPORT size_t copydesk_sites_hosts(const copydesk_sites *s);
COPYDESK_EXPORT size_t copydesk_sites_pages(const copydesk_sites *s);
/** Bytes of memory the model holds (0 for NULL): docs/sites.md gives its bound. */
COPYDESK_EXPORT size_t copydesk_sites_bytes(const copydesk_sites *s);

/** Use model s (NULL: none) for the documents parsed from now on, until it is
 * set again; the document reads s and never writes it; s must outlive that use. */
COPYDESK_EXPORT void copydesk_doc_set_sites(copydesk_doc *doc, const copydesk_sites *s);

#ifdef __cplusplus
}
#endif

#endif /* COPYDESK_H */
