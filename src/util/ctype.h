/* util/ctype: locale-free ASCII character classes and helpers. */
#ifndef CD_UTIL_CTYPE_H
#define CD_UTIL_CTYPE_H

#include <stddef.h>

/* The byte classes (ctype.c's table; util/classword.h splits class names
 * by them): letters and digits, white space (' ', \t \n \v \f \r),
 * capitals, small letters; nothing above 0x7F. */
#define CD_CWB_ALNUM 1u
#define CD_CWB_SPACE 2u
#define CD_CWB_UPPER 4u
#define CD_CWB_LOWER 8u
extern const unsigned char cd_class_bytes[256];

static inline int cd_isspace(int c)
{
    return (unsigned)c < 256u && (cd_class_bytes[c] & CD_CWB_SPACE);
}
static inline int cd_isdigit(int c)
{
    return c >= '0' && c <= '9';
}
static inline int cd_isalpha(int c)
{
    return (unsigned)c < 256u && (cd_class_bytes[c] & (CD_CWB_UPPER | CD_CWB_LOWER));
}
static inline int cd_isalnum(int c)
{
    return (unsigned)c < 256u && (cd_class_bytes[c] & CD_CWB_ALNUM);
}
extern const unsigned char cd_lower_bytes[256]; /* cd_tolower of each byte (ctype.c) */
static inline int cd_tolower(int c)
{
    return (unsigned)c < 256u ? cd_lower_bytes[c] : c;
}
static inline int cd_toupper(int c)
{
    return (c >= 'a' && c <= 'z') ? c - 32 : c;
}

/* ASCII case-insensitive comparison of s[0..n) with the NUL-terminated lit. */
static inline int cd_eq_nocase(const char *s, size_t n, const char *lit)
{
    const unsigned char *u = (const unsigned char *)s, *l = (const unsigned char *)lit;
    size_t i = 0;
    for (; i < n; i++) {
        if (!l[i] || cd_lower_bytes[u[i]] != cd_lower_bytes[l[i]])
            return 0;
    }
    return l[i] == '\0';
}

/* The next word of s[0..n) split at ASCII spaces, from *at: its length (0
 * at the end) with *word at its start; *at moves past it. */
static inline size_t cd_next_word(const char *s, size_t n, size_t *at, const char **word)
{
    size_t i = *at;
    while (i < n && s[i] == ' ')
        i++;
    size_t st = i;
    while (i < n && s[i] != ' ')
        i++;
    *at = i;
    *word = s + st;
    return i - st;
}

/* A screen of a NULL-terminated word list by its entries' first bytes,
 * lower-cased: a text whose first byte starts no entry is passed on one
 * test, not a walk of the list. Build it once per list (pthread_once). */
typedef struct cd_first_screen {
    unsigned bits[8]; /* bit b & 31 of bits[b >> 5]: an entry starts with byte b (lower case) */
    int any;          /* an entry is empty: every text may match */
} cd_first_screen;

void cd_first_screen_build(cd_first_screen *fs, const char *const *list);

/* May s[0..n) start with an entry (n = 0: only if an entry is empty)? */
static inline int cd_first_screen_maybe(const cd_first_screen *fs, const char *s, size_t n)
{
    if (fs->any)
        return 1;
    if (!n)
        return 0;
    unsigned f = cd_lower_bytes[(unsigned char)s[0]];
    return (fs->bits[f >> 5] >> (f & 31)) & 1u;
}

/* An ASCII byte lower-cased if a letter, itself if a digit, 0 for the rest
 * (keys and words of titles: meta/headline.c, meta/title.c). */
extern const unsigned char cd_alnum_lower[128];

/* s[0..*n) without the white space (cd_isspace) around it: the start, and
 * its length in *n. */
static inline const char *cd_trim(const char *s, size_t *n)
{
    size_t l = *n;
    while (l && cd_isspace((unsigned char)*s))
        s++, l--;
    while (l && cd_isspace((unsigned char)s[l - 1]))
        l--;
    *n = l;
    return s;
}

/* The length of s[0..n) without the spaces and no-break spaces (U+00A0)
 * that end it ("by&nbsp;", "Spotlight >>&nbsp;"). */
static inline size_t cd_rtrim_nbsp(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    while (n && (u[n - 1] == ' ' || (n >= 2 && u[n - 2] == 0xC2 && u[n - 1] == 0xA0)))
        n -= u[n - 1] == ' ' ? 1 : 2;
    return n;
}

/* Does s[0..n) contain lit (ASCII case-insensitive)? */
int cd_contains_nocase(const char *s, size_t n, const char *lit);

/* Is the value s[0..n) a URL or a path, not a name or a label: it starts with
 * "www.", '/' (two bytes or more) or a scheme and "://" ("https://",
 * "android-app://")? A name that cites a URL ("Jane Doe (http://…)") is not,
 * nor a word that starts like a scheme ("HTTP/2"). */
int cd_is_url_like(const char *s, size_t n);

#endif
