/* util/url: RFC 3986 §5.2 reference resolution (see url.h).
 *
 * Components are parsed with the regular expression of RFC 3986 Appendix B,
 * except that a scheme is only recognised when it is well formed (ALPHA
 * *(ALPHA / DIGIT / "+" / "-" / ".")), so "a b:c" stays a relative path. */
#include <string.h>

#include "ctype.h"
#include "url.h"

typedef struct {
    const char *scheme, *auth, *path, *query, *frag;
    size_t scheme_len, auth_len, path_len, query_len, frag_len;
    int has_scheme, has_auth, has_query, has_frag;
} S_uri;

static int S_scheme_char(unsigned char c)
{
    return cd_isalnum(c) || c == '+' || c == '-' || c == '.';
}

static void S_split(const char *s, size_t n, S_uri *u)
{
    memset(u, 0, sizeof *u);
    size_t i = 0;
    if (n && cd_isalpha((unsigned char)s[0])) {
        size_t j = 1;
        while (j < n && S_scheme_char((unsigned char)s[j]))
            j++;
        if (j < n && s[j] == ':') {
            u->has_scheme = 1;
            u->scheme = s;
            u->scheme_len = j;
            i = j + 1;
        }
    }
    if (n - i >= 2 && s[i] == '/' && s[i + 1] == '/') {
        size_t j = i + 2;
        while (j < n && s[j] != '/' && s[j] != '?' && s[j] != '#')
            j++;
        u->has_auth = 1;
        u->auth = s + i + 2;
        u->auth_len = j - i - 2;
        i = j;
    }
    size_t j = i;
    while (j < n && s[j] != '?' && s[j] != '#')
        j++;
    u->path = s + i;
    u->path_len = j - i;
    i = j;
    if (i < n && s[i] == '?') {
        j = i + 1;
        while (j < n && s[j] != '#')
            j++;
        u->has_query = 1;
        u->query = s + i + 1;
        u->query_len = j - i - 1;
        i = j;
    }
    if (i < n && s[i] == '#') {
        u->has_frag = 1;
        u->frag = s + i + 1;
        u->frag_len = n - i - 1;
    }
}

static int S_starts(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && memcmp(s, lit, k) == 0;
}

static int S_is(const char *s, size_t n, const char *lit)
{
    return n == strlen(lit) && memcmp(s, lit, n) == 0;
}

/* RFC 3986 §5.2.4 over a writable copy p[0..n); the result is appended to out. */
static void S_remove_dots(char *p, size_t n, cd_buf *out)
{
    size_t mark = out->len;
    size_t i = 0;
    while (i < n && !out->failed) {
        const char *s = p + i;
        size_t k = n - i;
        if (S_starts(s, k, "../")) {
            i += 3;
        } else if (S_starts(s, k, "./")) {
            i += 2;
        } else if (S_starts(s, k, "/./")) {
            i += 2;
        } else if (S_is(s, k, "/.")) {
            i += 1;
            p[i] = '/';
        } else if (S_starts(s, k, "/../") || S_is(s, k, "/..")) {
            if (k == 3) {
                i += 2;
                p[i] = '/';
            } else {
                i += 3;
            }
            size_t e = out->len;
            while (e > mark && out->data[e - 1] != '/')
                e--;
            cd_buf_truncate(out, e > mark ? e - 1 : mark);
        } else if (S_is(s, k, ".") || S_is(s, k, "..")) {
            break;
        } else {
            size_t j = 1;
            while (j < k && s[j] != '/')
                j++;
            cd_buf_put(out, s, j);
            i += j;
        }
    }
}

size_t cd_url_last_segment(const char *u, size_t n, size_t *end)
{
    size_t e = 0;
    while (e < n && u[e] != '?' && u[e] != '#')
        e++;
    size_t s = e;
    while (s && u[s - 1] != '/')
        s--;
    *end = e;
    return s;
}

int cd_url_is_script(const char *ref, size_t rlen)
{
    static const char *const bad[] = {"javascript:", "vbscript:"};
    size_t i = 0;
    while (i < rlen && (unsigned char)ref[i] <= 0x20)
        i++;
    /* Browsers also drop tabs and newlines inside the scheme ("java\tscript:"). */
    char tmp[16] = {0};
    size_t t = 0;
    for (; i < rlen && t < sizeof tmp; i++) {
        char c = ref[i];
        if (c == '\t' || c == '\n' || c == '\r') continue;
        tmp[t++] = (char)cd_tolower((unsigned char)c);
        if (c == ':') break;
    }
    for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
        size_t k = strlen(bad[b]);
        if (t == k && memcmp(tmp, bad[b], k) == 0) return 1;
    }
    return 0;
}

void cd_url_resolve(const char *base, size_t blen, const char *ref, size_t rlen, cd_buf *out)
{
    /* Clean the reference: trim C0 controls and spaces, drop tabs and newlines. */
    while (rlen && (unsigned char)ref[0] <= 0x20) {
        ref++;
        rlen--;
    }
    while (rlen && (unsigned char)ref[rlen - 1] <= 0x20)
        rlen--;
    cd_buf r;
    cd_buf_init(&r, out->mem);
    if (!cd_buf_reserve(&r, rlen)) {
        out->failed = 1;
        return;
    }
    for (size_t i = 0; i < rlen; i++)
        if (ref[i] != '\t' && ref[i] != '\n' && ref[i] != '\r') r.data[r.len++] = ref[i];
    r.data[r.len] = '\0';

    S_uri B, R;
    memset(&B, 0, sizeof B);
    S_split(r.data, r.len, &R);
    if (base) S_split(base, blen, &B);
    if (!R.has_scheme && !B.has_scheme) {
        /* Nothing to resolve against: keep the reference as it is. */
        cd_buf_put(out, r.data ? r.data : "", r.len);
        cd_buf_free(&r);
        return;
    }

    /* Scratch for the merged path, writable for S_remove_dots. */
    cd_buf path;
    cd_buf_init(&path, out->mem);
    const S_uri *auth_from, *query_from;
    int path_done = 0;
    if (R.has_scheme) {
        auth_from = &R;
        query_from = &R;
        cd_buf_put(&path, R.path, R.path_len);
    } else if (R.has_auth) {
        auth_from = &R;
        query_from = &R;
        cd_buf_put(&path, R.path, R.path_len);
    } else {
        auth_from = &B;
        if (R.path_len == 0) {
            cd_buf_put(&path, B.path, B.path_len);
            path_done = 1; /* the base path is used as it is */
            query_from = R.has_query ? &R : &B;
        } else {
            query_from = &R;
            if (R.path[0] == '/') {
                cd_buf_put(&path, R.path, R.path_len);
            } else if (B.has_auth && B.path_len == 0) {
                cd_buf_putc(&path, '/');
                cd_buf_put(&path, R.path, R.path_len);
            } else {
                size_t k = B.path_len;
                while (k && B.path[k - 1] != '/')
                    k--;
                cd_buf_put(&path, B.path, k);
                cd_buf_put(&path, R.path, R.path_len);
            }
        }
    }
    const S_uri *scheme_from = R.has_scheme ? &R : &B;

    /* Recomposition, RFC 3986 §5.3. */
    cd_buf_put(out, scheme_from->scheme, scheme_from->scheme_len);
    cd_buf_putc(out, ':');
    if (auth_from->has_auth) {
        cd_buf_put(out, "//", 2);
        cd_buf_put(out, auth_from->auth, auth_from->auth_len);
    }
    if (path.failed) {
        out->failed = 1;
    } else if (path_done) {
        cd_buf_put(out, path.data ? path.data : "", path.len);
    } else if (path.len) {
        S_remove_dots(path.data, path.len, out);
    }
    if (query_from->has_query) {
        cd_buf_putc(out, '?');
        cd_buf_put(out, query_from->query, query_from->query_len);
    }
    if (R.has_frag) {
        cd_buf_putc(out, '#');
        cd_buf_put(out, R.frag, R.frag_len);
    }
    cd_buf_free(&path);
    cd_buf_free(&r);
}
