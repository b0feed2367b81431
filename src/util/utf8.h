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

/* An en or em dash (U+2013, U+2014: E2 80 93, E2 80 94), the dashes that set
 * off a dateline, a sign-off, a title's site name. */
/* At p, whose three bytes can be read. */
static inline int cd_utf8_dash(const char *p)
{
    return (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
           ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94);
}
/* At s[i], within s[0..n). */
static inline int cd_utf8_dash_at(const char *s, size_t n, size_t i)
{
    return i + 2 < n && cd_utf8_dash(s + i);
}
/* Closing s[0..n). */
static inline int cd_utf8_dash_ends(const char *s, size_t n)
{
    return n >= 3 && cd_utf8_dash(s + n - 3);
}

#endif
