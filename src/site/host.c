/* site/host: the site key of a page -- which host's furniture it shares.
 *
 * The key is a registrable domain (bbc.co.uk, not news.bbc.co.uk): sites
 * serve one template under several host names (www., m., a section's
 * sub-domain), and a page with no URL can only be grouped by the domain its
 * links point to. The order of the sources, and why, is in docs/sites.md. */
#include <string.h>

#include "../util/ctype.h"
#include "site.h"
#include "wordlists.h"

size_t cd_site_domain(const char *s, size_t n, char *out)
{
    out[0] = '\0';
    size_t i = 0;
    while (i < n && cd_isspace((unsigned char)s[i]))
        i++;
    /* scheme */
    size_t j = i;
    while (j < n && (cd_isalnum((unsigned char)s[j]) || s[j] == '+' || s[j] == '-' || s[j] == '.'))
        j++;
    if (j + 2 < n && s[j] == ':' && s[j + 1] == '/' && s[j + 2] == '/')
        i = j + 3;
    else if (i + 1 < n && s[i] == '/' && s[i + 1] == '/')
        i += 2;
    /* authority: up to / ? # */
    size_t e = i;
    while (e < n && s[e] != '/' && s[e] != '?' && s[e] != '#' && s[e] != '\\')
        e++;
    for (size_t k = i; k < e; k++)
        if (s[k] == '@')
            i = k + 1;
    size_t h = i;
    while (h < e && s[h] != ':')
        h++;
    while (h > i && s[h - 1] == '.')
        h--;
    if (h <= i || h - i >= CD_SITE_HOSTLEN)
        return 0;
    char host[CD_SITE_HOSTLEN];
    size_t hl = 0;
    for (size_t k = i; k < h; k++) {
        unsigned char c = (unsigned char)s[k];
        if (!(cd_isalnum(c) || c == '-' || c == '.' || c >= 0x80))
            return 0;
        host[hl++] = (char)cd_tolower(c);
    }
    host[hl] = '\0';
    /* labels */
    size_t dots[CD_SITE_HOSTLEN];
    size_t nd = 0;
    for (size_t k = 0; k < hl; k++)
        if (host[k] == '.')
            dots[nd++] = k;
    if (!nd)
        return 0; /* "localhost", an intranet name */
    int numeric = 1;
    for (size_t k = 0; k < hl && numeric; k++)
        numeric = cd_isdigit((unsigned char)host[k]) || host[k] == '.';
    size_t from = 0;
    if (!numeric) {
        size_t tld = dots[nd - 1] + 1;
        size_t keep = 2;
        if (nd >= 2 && hl - tld == 2) {
            size_t sl = dots[nd - 2] + 1;
            if (cd_wordset_has(&cd_list_domain_second_levels, host + sl, dots[nd - 1] - sl))
                keep = 3;
        }
        if (nd >= keep)
            from = dots[nd - keep] + 1;
    }
    size_t len = hl - from;
    memcpy(out, host + from, len);
    out[len] = '\0';
    return len;
}

/* Links: the dominant domain must hold this share of the page's absolute
 * links, and at least CD_SITE_LINK_MIN of them. */
#define CD_SITE_LINK_MIN 3
#define CD_SITE_LINK_SHARE 0.3

size_t cd_site_host_key(const char *url, const cd_site_hostinfo *hi, char *out)
{
    out[0] = '\0';
    if (url && *url) {
        size_t l = cd_site_domain(url, strlen(url), out);
        if (l)
            return l;
    }
    if (!hi)
        return 0;
    if (hi->canonical[0]) {
        size_t l = strlen(hi->canonical);
        memcpy(out, hi->canonical, l + 1);
        return l;
    }
    uint32_t best = 0, bn = 0;
    for (uint32_t i = 0; i < hi->ndom; i++)
        if (hi->dom[i].n > bn) /* ties: the first seen */
            bn = hi->dom[i].n, best = i;
    if (bn >= CD_SITE_LINK_MIN && (double)bn >= (double)hi->nlinks * CD_SITE_LINK_SHARE) {
        size_t l = strlen(hi->dom[best].name);
        memcpy(out, hi->dom[best].name, l + 1);
        return l;
    }
    if (hi->rss[0]) {
        size_t l = strlen(hi->rss);
        memcpy(out, hi->rss, l + 1);
        return l;
    }
    if (hi->sitename[0]) {
        size_t l = strlen(hi->sitename);
        if (l + 6 >= CD_SITE_HOSTLEN)
            l = CD_SITE_HOSTLEN - 7;
        memcpy(out, "name:", 5);
        memcpy(out + 5, hi->sitename, l);
        out[5 + l] = '\0';
        return 5 + l;
    }
    return 0;
}

/* ---- the page's <title> (evidence for the headline: site.h) ---- */

/* Does s[0..n) open with lit, in any ASCII case? */
static int S_opens(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    return n >= l && cd_eq_nocase(s, l, lit);
}

uint32_t cd_site_title_hash(const char *html, size_t len)
{
    if (!html)
        return 0;
    size_t n = len < CD_SITE_TITLE_SCAN ? len : CD_SITE_TITLE_SCAN;
    const char *p = html, *end = html + n;
    /* The first "<title" followed by '>', '/' or white space. */
    for (;;) {
        p = memchr(p, '<', (size_t)(end - p));
        if (!p)
            return 0;
        if (S_opens(p + 1, (size_t)(end - p - 1), "title") && p + 6 < end &&
            (p[6] == '>' || p[6] == '/' || cd_isspace((unsigned char)p[6])))
            break;
        p++;
    }
    p = memchr(p, '>', (size_t)(end - p));
    if (!p)
        return 0;
    p++;
    uint32_t h = 2166136261u;
    int any = 0, space = 0;
    for (; p < end; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '<' && S_opens(p + 1, (size_t)(end - p - 1), "/title"))
            break;
        if (cd_isspace(c)) {
            space = any;
            continue;
        }
        if (space)
            h = (h ^ ' ') * 16777619u;
        space = 0;
        any = 1;
        h = (h ^ (uint32_t)cd_tolower(c)) * 16777619u;
    }
    if (p >= end || !any)
        return 0; /* no end within the scan, or empty */
    return h ? h : 1;
}
