/* util/ctype: locale-free helpers; see ctype.h. */
#include <string.h>

#include "ctype.h"

int cd_contains_nocase(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    if (m == 0)
        return 1;
    if (m > n)
        return 0;
    int first = cd_tolower((unsigned char)lit[0]);
    for (size_t i = 0; i + m <= n; i++) {
        if (cd_tolower((unsigned char)s[i]) != first)
            continue;
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
