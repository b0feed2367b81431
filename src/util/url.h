/* util/url: RFC 3986 reference resolution, for links and images in Markdown
 * and for the image URLs that meta and news read off the page.
 *
 * Small and allocation-free apart from the output buffer: the base and the
 * reference are split into their five components (RFC 3986 §3), merged by the
 * algorithm of §5.2.2, and dot segments removed (§5.2.4). No normalisation
 * beyond that (no case folding, no percent-decoding), so an absolute reference
 * comes back unchanged. */
#ifndef CD_UTIL_URL_H
#define CD_UTIL_URL_H

#include <stddef.h>

#include "buf.h"

/* Append to out the reference ref[0..rlen) resolved against base[0..blen).
 * Leading and trailing ASCII whitespace of ref is ignored, and tabs and
 * newlines inside it are removed (as browsers do with href values). When base
 * is NULL, empty or has no scheme, ref is appended as it is. */
void cd_url_resolve(const char *base, size_t blen, const char *ref, size_t rlen, cd_buf *out);

/* Is ref[0..rlen) a script URL (javascript:, vbscript:), ignoring leading
 * whitespace and control characters and letter case? */
int cd_url_is_script(const char *ref, size_t rlen);

/* The last path segment of URL u[0..n): its start, and in *end where the
 * path ends (at the first '?' or '#', else n). "…/a/b.jpg?w=1" gives
 * "b.jpg"; a path ending in '/' an empty segment. */
size_t cd_url_last_segment(const char *u, size_t n, size_t *end);

#endif
