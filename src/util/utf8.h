/* util/utf8: encode, decode and validate UTF-8 without locale. */
#ifndef CD_UTIL_UTF8_H
#define CD_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define CD_REPLACEMENT 0xFFFDu

/* Write cp as UTF-8 into out (4 bytes of room); surrogates and values past
 * U+10FFFF become U+FFFD. Returns the byte count. */
size_t cd_utf8_encode(uint32_t cp, char *out);

/* Decode one code point at s[0..len); returns bytes consumed (>= 1 when
 * len > 0) and sets *cp, or U+FFFD for an ill-formed sequence (consuming the
 * maximal subpart, as WHATWG and Unicode recommend). */
size_t cd_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/* Length of the longest valid UTF-8 prefix of s. */
size_t cd_utf8_valid_prefix(const unsigned char *s, size_t len);

#endif
