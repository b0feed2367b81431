/* input: bytes -> UTF-8.
 *
 * The first stage of the pipeline. It undoes gzip (detected by magic bytes,
 * never by file name) and decodes the page to UTF-8 the way browsers do
 * (WHATWG Encoding + HTML "determining the character encoding"):
 *   1. a byte order mark;
 *   2. the transport hint (HTTP Content-Type charset, --charset);
 *   3. the <meta charset> / http-equiv prescan of the first 1024 bytes;
 *   4. detection for undeclared pages (UTF-8 validity first, then uchardet);
 *   5. windows-1252 as the last resort.
 * A declared charset in which the bytes are invalid is caught (UTF-8 declared,
 * legacy bytes found) and re-detected. Conversion uses iconv; every invalid
 * byte sequence becomes U+FFFD, so the output is always valid UTF-8. NUL bytes
 * become U+FFFD too (the parser would otherwise cut text at them). Last,
 * UTF-8 that the page's bytes hold encoded twice ("â€”" for "—") is repaired
 * where that is unambiguous (mojibake.c). */
#ifndef CD_INPUT_H
#define CD_INPUT_H

#include <stddef.h>

#include "../util/buf.h"
#include "copydesk.h"

/* Where the charset came from. */
typedef enum cd_charset_source {
    CD_CHARSET_DEFAULT = 0, /* nothing found: windows-1252 fallback */
    CD_CHARSET_BOM = 1,
    CD_CHARSET_HINT = 2,
    CD_CHARSET_META = 3,
    CD_CHARSET_DETECTED = 4
} cd_charset_source;

typedef struct cd_decode_info {
    char charset[32];         /* WHATWG canonical name, lower case, e.g. "utf-8", "shift_jis" */
    cd_charset_source source; /* how it was chosen */
    int declared_wrong;       /* a declaration was overridden because the bytes did not fit */
    size_t replaced;          /* U+FFFD substitutions made for invalid bytes */
    size_t first_invalid;     /* input offset of the first invalid sequence (if replaced) */
    size_t nul_bytes;         /* NUL bytes replaced */
    size_t mojibake;          /* double-encoded UTF-8 sequences repaired (mojibake.c) */
} cd_decode_info;

/* Does the input start with the gzip magic (1f 8b)? */
int cd_input_is_gzip(const unsigned char *in, size_t len);

/* Decompress a gzip stream (all members) into out, stopping with
 * COPYDESK_ERR_TOO_LARGE past max_out bytes. Trailing garbage after a
 * complete member is ignored. A damaged stream -- one that ends before its
 * end marker, or whose data, CRC-32 or length check is wrong -- returns
 * COPYDESK_ERR_GZIP, with what was decoded before the damage left in out
 * (a caller may choose to use it: the WARC reader does, for a damaged
 * Content-Encoding inside a complete record). */
copydesk_status cd_input_gunzip(const unsigned char *in, size_t len, size_t max_out, cd_buf *out);

/* The inflation limit (issue #14): the most bytes len compressed bytes may
 * decode to, max(floor, ratio x len), never more than hard; ratio 0: hard. */
size_t cd_input_inflate_max(size_t len, unsigned ratio, size_t floor, size_t hard);

/* Decode in[0..len) to UTF-8 into out (cleared first). hint may be NULL or a
 * charset label (any WHATWG label: "latin1", "x-sjis", "utf8" ...).
 * Returns COPYDESK_OK or COPYDESK_ERR_NOMEM. Never fails on bad bytes. */
copydesk_status cd_input_decode(const unsigned char *in, size_t len, const char *hint, cd_buf *out,
                                cd_decode_info *info);
/* The same, without copying a page that needs no change: *utf8 / *utf8_len
 * get the UTF-8 to read, either in[skip..len) itself (valid UTF-8 without
 * NUL bytes, after a BOM when there is one) or out's bytes. The view into in
 * is valid as long as in is, and is not NUL-terminated. */
copydesk_status cd_input_decode_view(const unsigned char *in, size_t len, const char *hint, cd_buf *out,
                                     cd_decode_info *info, const char **utf8, size_t *utf8_len);

/* in[0..len) converted to UTF-8 into out (cleared first) from cs, a WHATWG
 * name of a charset decoded with iconv (the CJK multi-byte ones, the single-
 * byte ones but windows-1252): byte for byte what cd_input_decode writes for
 * a page it reads in cs, without deciding the charset and without the
 * double-encoding repair (which changes only non-ASCII runs). conv: NULL, or
 * cd_input_converter_open(cs)'s (opening a converter loads its module: a
 * caller converting often keeps one). COPYDESK_ERR_NOMEM or COPYDESK_OK. */
copydesk_status cd_input_convert(const unsigned char *in, size_t len, const char *cs, void *conv, cd_buf *out);
/* An open converter from cs for cd_input_convert, NULL when iconv lacks it
 * (cd_input_convert then reads cs as windows-1252, as decode does). It holds
 * iconv's memory (outside cd_mem); close it with cd_input_converter_close. */
void *cd_input_converter_open(const char *cs);
void cd_input_converter_close(void *conv);

/* Double-encoded UTF-8 (mojibake.c): the number of marked candidates in the
 * valid UTF-8 s[0..n) -- 0 means cd_input_mojibake_repair changes nothing. */
size_t cd_input_mojibake_marked(const unsigned char *s, size_t n);
/* Repair the double-encoded runs of the valid UTF-8 text[0..*len) in place
 * (the text only shrinks; *len is updated, no terminator is written).
 * Returns the number of sequences repaired. Linear, allocates nothing. */
size_t cd_input_mojibake_repair(char *text, size_t *len);

/* Map a charset label to its WHATWG canonical name (lower case) per the
 * Encoding Standard's label table; NULL when the label is unknown.
 * "replacement" labels map to "replacement". */
const char *cd_input_charset_canonical(const char *label, size_t len);

/* The WHATWG "prescan a byte stream to determine its encoding" algorithm over
 * the first 1024 bytes; the canonical name or NULL. */
const char *cd_input_prescan(const unsigned char *in, size_t len);

/* Is this input binary data rather than a text document (see sniff.c for
 * the test)? raw[0..raw_len) are the bytes after gunzip, utf8[0..utf8_len)
 * the same decoded; 1 means "refuse with COPYDESK_ERR_NOT_HTML". */
int cd_input_not_html(const unsigned char *raw, size_t raw_len, const char *utf8, size_t utf8_len);
/* The signature of a binary format raw[0..len) begins with (its bytes, for
 * messages and tests), or NULL. */
const char *cd_input_binary_signature(const unsigned char *raw, size_t len);
/* The sniff looks at this many characters of the decoded text, and calls it
 * binary-looking when 1 in CD_INPUT_SNIFF_BINARY_SHARE of them (or more) is
 * a control character or U+FFFD. */
#define CD_INPUT_SNIFF_CHARS 1024u
#define CD_INPUT_SNIFF_BINARY_SHARE 32u

/* The window of the spec's prescan. */
#define CD_INPUT_PRESCAN_BYTES 1024
/* When the 1024-byte prescan finds nothing, decode runs the same prescan over
 * this many bytes: a browser's tree builder honours a <meta charset> found
 * later (HTML "change the encoding" while the confidence is tentative), and
 * real pages put long scripts or comments before it. Bounded for speed. */
#define CD_INPUT_LATE_META_BYTES (64u * 1024u)
/* uchardet sees at most this many bytes (it is the slowest step of decode). */
#define CD_INPUT_DETECT_BYTES (256u * 1024u)

/* The prescan over the first `window` bytes (cd_input_prescan uses
 * CD_INPUT_PRESCAN_BYTES); the canonical name or NULL. */
const char *cd_input_prescan_window(const unsigned char *in, size_t len, size_t window);

#endif
