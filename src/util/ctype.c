/* util/ctype: locale-free helpers; see ctype.h. */
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define CD_CTYPE_SSE2 1
#endif

#include "ctype.h"
#include "classword.h"

const unsigned char cd_alnum_lower[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 0, 0, 0, 0, 0, 0,
    0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0,
    0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0,
};

/* cd_tolower of every byte (ctype.h's cd_eq_nocase). */
const unsigned char cd_lower_bytes[256] = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
    32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
    48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
    64, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 91, 92, 93, 94, 95,
    96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
    128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143,
    144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159,
    160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175,
    176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191,
    192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207,
    208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223,
    224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239,
    240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255,
};

/* util/classword.h's byte classes (CD_CWB_*): letters and digits 1, white
 * space (cd_isspace) 2, capitals 4, small letters 8; nothing above 0x7F. */
const unsigned char cd_class_bytes[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0,
    0, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
    9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 0, 0, 0, 0, 0,
};

/* The first i in [from, last] where s[i] is a or b, or last + 1. */
static size_t S_find2(const char *s, size_t from, size_t last, unsigned char a, unsigned char b)
{
    size_t i = from;
#ifdef CD_CTYPE_SSE2
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
    while (i + 15 <= last) { /* s[i..i+16) are all candidates' first bytes */
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)));
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
#endif
    while (i <= last && (unsigned char)s[i] != a && (unsigned char)s[i] != b)
        i++;
    return i;
}

int cd_contains_nocase(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    if (m == 0)
        return 1;
    if (m > n)
        return 0;
    unsigned char lo = (unsigned char)cd_tolower((unsigned char)lit[0]);
    unsigned char up = (unsigned char)cd_toupper((unsigned char)lit[0]);
    size_t last = n - m; /* the last place lit can start */
    for (size_t i = S_find2(s, 0, last, lo, up); i <= last; i = S_find2(s, i + 1, last, lo, up)) {
        size_t j = 1;
        while (j < m && cd_tolower((unsigned char)s[i + j]) == cd_tolower((unsigned char)lit[j]))
            j++;
        if (j == m)
            return 1;
    }
    return 0;
}

int cd_is_url_like(const char *s, size_t n)
{
    if ((n >= 4 && cd_eq_nocase(s, 4, "www.")) || (n >= 2 && s[0] == '/'))
        return 1;
    /* A scheme (RFC 3986): a letter, then letters, digits, '+', '-', '.'. */
    size_t i = 0;
    if (n == 0 || !cd_isalpha((unsigned char)s[0]))
        return 0;
    while (i < n && (cd_isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.'))
        i++;
    return i + 3 <= n && s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/';
}

void cd_first_screen_build(cd_first_screen *fs, const char *const *list)
{
    for (unsigned i = 0; i < 8; i++)
        fs->bits[i] = 0;
    fs->any = 0;
    for (size_t i = 0; list[i]; i++) {
        unsigned f = cd_lower_bytes[(unsigned char)list[i][0]];
        if (!f)
            fs->any = 1;
        fs->bits[f >> 5] |= 1u << (f & 31);
    }
}
