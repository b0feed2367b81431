/* cli/jsonw: JSON string writing for the records the CLI builds itself (error
 * records, the WARC fields spliced into the library's article records). Same
 * rules as the library's writer (docs/schema.md, "Encoding"). */
#ifndef CD_CLI_JSONW_H
#define CD_CLI_JSONW_H

#include <stddef.h>

#include "buf.h"

/* Append s[0..n) as a JSON string literal (with the quotes). Bytes that are
 * not valid UTF-8 become U+FFFD, one per maximal ill-formed subsequence, so
 * the result is valid JSON and valid UTF-8 whatever the input (e.g. a file
 * name in Latin-1). */
void cd_cli_json_str(cd_cli_buf *b, const char *s, size_t n);

/* Insert `,"key":"value"` pairs before the closing brace of the JSON object
 * obj[0..n) (a library record) into b (cleared first). A NULL value is
 * written as null. keys/vals have count entries. Returns 0, or -1 when obj
 * does not end with '}' (then b holds obj unchanged). */
int cd_cli_json_splice(cd_cli_buf *b, const char *obj, size_t n, const char *const *keys,
                       const char *const *vals, size_t count);

/* The same splice without copying obj: the record is obj[0..return) then
 * tail (cleared first, then given the pairs and the closing brace). When
 * obj does not end with '}', returns n and tail stays empty. */
size_t cd_cli_json_splice_tail(cd_cli_buf *tail, const char *obj, size_t n, const char *const *keys,
                               const char *const *vals, size_t count);

#endif
