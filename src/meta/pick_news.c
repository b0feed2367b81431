/* meta/pick_news: the news fields chosen from the candidates.
 *
 *   deck     JSON-LD alternativeHeadline, unless it rewords the headline; the
 *            visible standfirst is the news stage's, later, and only fills an empty deck
 *   section  JSON-LD articleSection > article:section > named <meta> (section,
 *            parsely-section, category) > microdata articleSection > the JSON-LD
 *            BreadcrumbList > a visible breadcrumb trail > the label above the h1 >
 *            a header h1 above the headline > the <title>'s part or label > the
 *            category of a blog entry's "By NAME in CAT" > the link naming the
 *            URL folder the page lives under > the menu item marked current;
 *            of several stated categories, the one the breadcrumb trail names
 *   image    og:image > JSON-LD image / thumbnailUrl > twitter:image >
 *            <link rel=image_src> > microdata; resolved against the page URL
 *   credit   structured statements only: JSON-LD sourceOrganization / provider,
 *            <meta name=source>; the visible wire credit is the news stage's
 *   site     (only when no source states it) the <title>'s part after the
 *            headline on a dated page
 *   tags     article:tag > news_keywords > keywords (unless the site's own list) >
 *            JSON-LD keywords > parsely-tags > dc.subject > microdata keywords >
 *            rel=tag links in the article
 *
 * What the publisher stated for machines comes first, what the page shows
 * last (the order of trafilatura's metadata module and newspaper's
 * extractors). Every value is checked before it is taken; the checks and
 * why: docs/decisions.md, "News fields from metadata". The sources add
 * candidates of fields CD_MF_DECK … CD_MF_TAG; this file only picks. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#include "../util/ctype.h"
#include "../util/url.h"
#include "authors.h"
#include "cand.h"
#include "dates.h"
#include "pick.h"
#include "section.h"
#include "title.h"
#include "wordlists.h"

#define S_URL_LABEL_TEXTS 3u /* texts over the headline a URL-confirmed desk label may be */
#define S_TITLE_LABEL_TEXTS 10u /* ... a <title>-confirmed one (autosport's "F1 NEWS": 7 tool links between) */
#define S_TITLE_LABEL_STEPS 400u /* nodes back from the headline (autosport: 300, a tool table) */
#define S_LABEL_MAX 64u /* bytes: a section longer than this is a sentence */
#define S_LABEL_WORDS 8u
#define S_TAG_MAX 60u
#define S_TAG_WORDS 6u

static size_t S_word_count(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) w++;
    return w;
}

/* The number of lone "&" words in s[0..n) ("UK & World News": 1). */
static size_t S_amp_words(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '&' && (i == 0 || s[i - 1] == ' ') && (i + 1 == n || s[i + 1] == ' ')) w++;
    return w;
}

/* Is v a newspaper's name, its last word a masthead's noun ("Chandler
 * News-Dispatch", "Valley Independent": masthead-words.txt)? A host that
 * publishes several papers keeps each in a folder named so. */
static int S_masthead(const char *v)
{
    size_t n = strlen(v), e = n;
    while (e && (v[e - 1] == ' ' || v[e - 1] == '.'))
        e--;
    size_t b = e;
    while (b && v[b - 1] != ' ' && v[b - 1] != '-')
        b--;
    return b > 0 && cd_wordset_has(&cd_list_masthead_words, v + b, e - b);
}

/* A URL or a path (cd_is_url_like), or a value that holds one ("OAS_url =
 * 'http://…'", a script's leftovers): no section, tag or image name. */
static int S_is_url(const char *s, size_t n)
{
    return cd_is_url_like(s, n) || cd_contains_nocase(s, n, "://");
}

static int S_has_letter(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (cd_isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80) return 1;
    return 0;
}

/* "&amp;" left by a CMS that escaped the value twice. */
static size_t S_amp(char *s, size_t n)
{
    /* Most values hold no '&': nothing to move. */
    const char *amp = memchr(s, '&', n);
    if (!amp) {
        s[n] = '\0';
        return n;
    }
    size_t o = (size_t)(amp - s);
    for (size_t i = o; i < n; i++) {
        s[o++] = s[i];
        if (s[i] == '&' && n - i >= 5 && memcmp(s + i + 1, "amp;", 4) == 0) i += 4;
    }
    s[o] = '\0';
    return o;
}

/* A trimmed, cleaned copy of s[0..n) with "&amp;" undone; NULL when empty. */
static char *S_piece(cd_meta_ctx *c, const char *s, size_t n, size_t *out)
{
    char *t = cd_meta_clean(c->arena, s, n, out);
    if (t) *out = S_amp(t, *out);
    return t && *out ? t : NULL;
}

/* Letters of s (every non-ASCII byte counts: a letter of another script). */
static size_t S_letters(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        /* A lead byte of another script; 0xE2 (U+2000-U+2FFF) is mostly
         * punctuation, arrows and symbols. */
        k += cd_isalpha(ch) || (ch >= 0xC0 && ch != 0xE2);
    }
    return k;
}

/* "July 29", "29 July", "Jul. 2022": a month name and a day or a year,
 * nothing else (a date line or an archive link, not a desk or a topic). */
static int S_month_day(const char *s, size_t n)
{
    const char *sp = memchr(s, ' ', n);
    if (!sp || memchr(sp + 1, ' ', n - (size_t)(sp - s) - 1)) return 0;
    size_t al = (size_t)(sp - s), bl = n - al - 1;
    const char *w[2] = {s, sp + 1};
    size_t wl[2] = {al, bl};
    for (int m = 0; m < 2; m++) {
        const char *name = w[m], *num = w[1 - m];
        size_t nl = wl[m], dl = wl[1 - m];
        if (nl && name[nl - 1] == '.') nl--;
        int month = cd_meta_month(name, nl) != 0;
        int digits = dl > 0;
        for (size_t i = 0; i < dl; i++)
            digits &= cd_isdigit((unsigned char)num[i]) != 0;
        if (month && digits && (dl <= 2 || dl == 4)) return 1;
    }
    return 0;
}

/* Letters and digits of s, lower-cased (ASCII), into key. */
static size_t S_key(const char *s, size_t n, char *key, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o < cap; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (cd_isalnum(ch) || ch >= 0x80) key[o++] = (char)cd_tolower(ch);
    }
    return o;
}

/* Is a the same text as b, or most of it (a crumb naming the page)? */
static int S_same_text(const char *a, const char *b)
{
    if (!a || !b) return 0;
    char ka[512], kb[512];
    size_t x = S_key(a, strlen(a), ka, sizeof ka), y = S_key(b, strlen(b), kb, sizeof kb);
    const char *sh = ka, *lo = kb;
    if (x > y) {
        sh = kb, lo = ka;
        size_t z = x;
        x = y, y = z;
    }
    if (!x || x * 3 < y * 2) return 0;
    for (size_t i = 0; i + x <= y; i++)
        if (memcmp(lo + i, sh, x) == 0) return 1;
    return 0;
}

/* ---- section ------------------------------------------------------------- */

/* Is s[0..n) a word CMSs fill a section or tag field with when the author
 * chose none ("Uncategorized", "Page", "All")? */
static int S_generic_word(const char *s, size_t n)
{
    return cd_wordset_has(&cd_list_section_generic, s, n);
}

/* Is s[0..n) usable as a section name? slug: a slug ("crime-safety") is
 * taken as written, as the publisher's own statement of the section. */
static int S_label_ok(const char *s, size_t n, int slug)
{
    if (!n || n > S_LABEL_MAX || S_word_count(s, n) > S_LABEL_WORDS || S_letters(s, n) < 2 ||
        S_is_url(s, n) || s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?')
        return 0;
    /* A back link ("< Back to blog", "← All posts") leads away, and a date
     * ("July 29") is not a desk. */
    unsigned char c0 = (unsigned char)s[0];
    char date[CD_META_DATE_LEN];
    if (c0 == '<' || c0 == 0xE2 /* ‹ ← … */ || c0 == 0xC2 /* « */ ||
        (n >= 5 && cd_eq_nocase(s, 5, "back ")) || cd_meta_date_norm(s, n, 1, 0, date) ||
        S_month_day(s, n))
        return 0;
    if (S_generic_word(s, n)) return 0;
    /* A slug ("firm-management") is a URL part, not the name readers see. */
    int upper = 0, sep = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == ' ' || ch >= 0x80) return 1;
        upper |= ch >= 'A' && ch <= 'Z';
        sep |= ch == '-' || ch == '_';
    }
    return slug || upper || !sep || n < 6;
}

/* Is s[0..n) a slug of name ("crime-safety" for "Crime & Safety" is not;
 * "get-started" for "Get started" is): equal but for case and '-', '_' for
 * spaces, and holding a '-' or '_'. */
static int S_slug_eq(const char *s, size_t n, const char *name)
{
    size_t l = strlen(name);
    int sep = 0;
    if (n != l) return 0;
    for (size_t i = 0; i < n; i++) {
        char a = s[i], b = name[i];
        if (a == '-' || a == '_') {
            sep = 1;
            if (b != ' ' && b != a) return 0;
        } else if (cd_tolower((unsigned char)a) != cd_tolower((unsigned char)b)) {
            return 0;
        }
    }
    return sep;
}

/* Does s[0..n) (what follows a comma) go on with "&" or "and", so that the
 * comma is part of one name ("Fruit, Vegetable, & Herb Gardens")? */
static int S_and_follows(const char *s, size_t n)
{
    size_t j = 0;
    while (j < n && s[j] == ' ')
        j++;
    return j < n && (s[j] == '&' || (n - j > 4 && cd_eq_nocase(s + j, 4, "and ")));
}

/* Is s[k] a comma that can separate items (not one inside "$3,000")? */
static int S_comma(const char *s, size_t n, size_t k)
{
    return s[k] == ',' && !(k > 0 && k + 1 < n && cd_isdigit((unsigned char)s[k - 1]) &&
                            cd_isdigit((unsigned char)s[k + 1]));
}

/* The end of the list item that starts at s[i]: the next ';' or separating
 * comma. A comma before "&" or "and" is inside a name. When the list writes
 * some commas bare ("Tools,Fruit, Vegetable, & Herb Gardens"), the bare ones
 * separate, and a spaced one too unless the part between bare commas holds
 * such a name. */
static size_t S_item_end(const char *s, size_t n, size_t i, int bare)
{
    size_t e = i;
    if (!bare) {
        while (e < n && s[e] != ';' && (!S_comma(s, n, e) || S_and_follows(s + e + 1, n - e - 1)))
            e++;
        return e;
    }
    while (e < n && s[e] != ';' && (!S_comma(s, n, e) || (e + 1 < n && s[e + 1] == ' ')))
        e++;
    for (size_t k = i; k < e; k++)
        if (S_comma(s, n, k) && S_and_follows(s + k + 1, e - k - 1)) return e;
    for (size_t k = i; k < e; k++)
        if (S_comma(s, n, k)) return k;
    return e;
}

/* Does s[0..n) hold a comma with no space after it? */
static int S_bare_commas(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (S_comma(s, n, i) && s[i + 1] != ' ') return 1;
    return 0;
}

/* Does label name the article, the site or an author rather than a desk
 * (a CMS category named after the post, a section named after the site)? */
static int S_url_folder(const char *u, const char *w, size_t n);
static int S_names_page(const cd_meta *m, const char *label)
{
    if (S_same_text(label, m->title)) return 1;
    /* A site named after a folder of its own page's path is a desk that
     * names itself in og:site_name (wcxb-dev 4530: og:site_name and
     * article:section "Health" on /health/article/…, the <title> closed by
     * "National Geographic"): the section, not the site. */
    if (S_same_text(label, m->site_name) && !S_url_folder(m->url, label, strlen(label))) return 1;
    /* A hub page's title closed by the site's name ("Math News, Interviews
     * and Columns From Quanta Magazine" as JSON-LD articleSection, wcxb
     * 0428): three words or more before the name. A desk named after the
     * site opens with its name ("BBC Sport"). */
    if (m->site_name) {
        size_t ln = strlen(label), sn = strlen(m->site_name);
        if (sn >= 3 && ln > sn + 1 && label[ln - sn - 1] == ' ' &&
            cd_meta_eq_nocase(label + ln - sn, sn, m->site_name, sn) && S_word_count(label, ln - sn - 1) >= 3)
            return 1;
    }
    for (size_t i = 0; i < m->nauthors; i++)
        if (S_same_text(label, m->authors[i])) return 1;
    return 0;
}

/* Cut a breadcrumb arrow written after a crumb's name ("World >",
 * "News »", "Sport /") or before it ("| League": each link of a trail
 * holding the separator before its name, tests/spec/news/livenews-
 * rabbitohs-usa): a mark of the trail, not of the name. t is
 * NUL-terminated again; returns the new length. */
static size_t S_trim_arrow(char *t, size_t n)
{
    static const char *const arrows[] = {">", "\xC2\xBB" /* » */, "\xE2\x80\xBA" /* › */,
                                         "\xE2\x86\x92" /* → */, "/", "|"};
    for (size_t a = 0; a < sizeof arrows / sizeof arrows[0]; a++) {
        size_t l = strlen(arrows[a]);
        if (n > l + 1 && memcmp(t, arrows[a], l) == 0 && t[l] == ' ') {
            size_t k = l;
            while (k < n && t[k] == ' ')
                k++;
            memmove(t, t + k, n - k);
            n -= k;
            t[n] = '\0';
            break;
        }
    }
    for (size_t a = 0; a < sizeof arrows / sizeof arrows[0]; a++) {
        size_t l = strlen(arrows[a]);
        if (n > l + 1 && memcmp(t + n - l, arrows[a], l) == 0 && t[n - l - 1] == ' ') {
            n -= l + 1;
            while (n && t[n - 1] == ' ')
                n--;
            t[n] = '\0';
            return n;
        }
    }
    return n;
}

/* The section in candidate value s: the first usable item of a comma list
 * ("Food & Drink Trends, Blog"), unless the commas are part of one name
 * ("Fruit, Vegetable, & Herb Gardens"); a "Category:" lead-in is dropped. */
static const char *S_section_of(cd_meta_ctx *c, const cd_meta *m, const char *s, size_t n,
                                int split, int slug)
{
    for (size_t i = 0; cd_list_section_leads[i]; i++) {
        size_t l = strlen(cd_list_section_leads[i]);
        if (n > l && cd_eq_nocase(s, l, cd_list_section_leads[i])) s += l, n -= l;
    }
    int bare = S_bare_commas(s, n);
    /* One section is asked for: a comma before "&" makes the whole one name. */
    for (size_t k = 0; split && k < n; k++)
        if (s[k] == ',' && S_and_follows(s + k + 1, n - k - 1)) split = 0;
    size_t i = 0;
    do {
        size_t st = i;
        i = split ? S_item_end(s, n, i, bare) : n;
        size_t len;
        char *t = S_piece(c, s + st, i - st, &len);
        if (t) len = S_trim_arrow(t, len);
        if (t && S_label_ok(t, len, slug) && !S_names_page(m, t)) return t;
        i++;
    } while (i < n);
    return NULL;
}

/* The last path segment of URL u (without query, fragment and trailing
 * slashes; empty for a site root); *n gets its length. */
static const char *S_last_segment(const char *u, size_t *n)
{
    const char *p = strstr(u, "://");
    if (p) {
        p = strchr(p + 3, '/');
        if (!p) {
            *n = 0;
            return u;
        }
    } else {
        p = u;
    }
    size_t e = strcspn(p, "?#");
    while (e && p[e - 1] == '/')
        e--;
    size_t st = e;
    while (st && p[st - 1] != '/')
        st--;
    *n = e - st;
    return p + st;
}

/* Is the crumb the site's root (the home page)? */
static int S_crumb_root(const cd_meta_crumbs *t, unsigned i, const char *site)
{
    const char *name = t->name[i];
    if (cd_wordset_has(&cd_list_crumb_home, name, strlen(name))) return 1;
    const char *u = t->url[i];
    if (u) {
        size_t sl;
        const char *seg = S_last_segment(u, &sl);
        if (sl && cd_wordset_has(&cd_list_crumb_home, seg, sl))
            return 1; /* "https://example.com/home/" */
        const char *p = strstr(u, "://");
        p = p ? strchr(p + 3, '/') : (u[0] == '/' ? u : NULL);
        if (p && (p[0] == '\0' || (p[0] == '/' && (p[1] == '\0' || p[1] == '?' || p[1] == '#'))))
            return 1;
        if (!p && strstr(u, "://")) return 1; /* "https://example.com" */
    }
    return i == 0 && site && cd_meta_site_like(name, strlen(name), site, strlen(site));
}

/* Do two URLs name the same page? Their last path segments (the slug) are
 * compared, so that http/https, a language prefix or a host alias do not
 * matter; a segment-less URL (the root) names no article. */
static int S_same_url(const char *a, const char *b)
{
    if (!a || !b) return 0;
    size_t x, y;
    const char *sa = S_last_segment(a, &x), *sb = S_last_segment(b, &y);
    if (!(x > 0 && x == y && memcmp(sa, sb, x) == 0)) return 0;
    /* A script's pages differ by their queries ("Satellite?pagename=…
     * IndexPhoto&cid=…" is the section front, "Satellite?…&pagename=…
     * ShowFull" the story: jpost-arab-pledges). */
    const char *qa = strchr(sa, '?'), *qb = strchr(sb, '?');
    if (qa && qb) {
        size_t la = strcspn(qa, "#"), lb = strcspn(qb, "#");
        return la == lb && memcmp(qa, qb, la) == 0;
    }
    return 1;
}

/* Is name, three words or more, the same text as the longest part of the
 * title split at " - ", " | " or an en or em dash ("STONES 'QUIT EMI' FOR
 * UNIVERSAL" under the h1 "THE ROLLING STONES - STONES 'QUIT EMI' FOR
 * UNIVERSAL", l3s contactmusic)? The headline the title carries: a crumb so
 * named is the page itself, however its link is written. */
static int S_title_headline_part(const char *name, const char *title)
{
    if (!name || !title) return 0;
    size_t words = 0, at = 0, nl = strlen(name);
    const char *w;
    while (cd_next_word(name, nl, &at, &w) != 0)
        words++;
    if (words < 3) return 0;
    static const char *const seps[] = {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
    const char *best = NULL, *p = title;
    size_t bestl = 0, parts = 0;
    while (*p) {
        const char *cut = NULL;
        size_t cl = 0;
        for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
            const char *f = strstr(p, seps[k]);
            if (f && (!cut || f < cut)) cut = f, cl = strlen(seps[k]);
        }
        size_t l = cut ? (size_t)(cut - p) : strlen(p);
        if (l > bestl) best = p, bestl = l;
        parts++;
        if (!cut) break;
        p = cut + cl;
    }
    if (parts < 2 || !best || bestl >= 512) return 0;
    char part[512];
    memcpy(part, best, bestl);
    part[bestl] = 0;
    return S_same_text(name, part);
}

/* The section a breadcrumb trail gives: the last crumb that is neither the
 * page itself (it names the title or the title's headline part, links to
 * the page, or links nowhere at the end of the trail) nor the site root. */
static const char *S_crumb_section(cd_meta_ctx *c, const cd_meta_crumbs *t, const cd_meta *m,
                                   const char *page_url)
{
    if (!t->n) return NULL;
    unsigned last = t->n - 1;
    const char *ln = t->name[last];
    if (!t->url[last] || S_same_text(ln, m->title) || S_title_headline_part(ln, m->title) ||
        S_same_url(t->url[last], m->url) ||
        S_same_url(t->url[last], page_url) || strlen(ln) > S_LABEL_MAX)
        last--; /* unsigned: wraps past 0, ending the loop */
    for (unsigned i = last; i < t->n; i--) {
        if (S_crumb_root(t, i, m->site_name)) return NULL;
        /* A crumb into the archive ("KW 15", "2015") browses by date, not by desk. */
        if (t->url[i] && cd_contains_nocase(t->url[i], strlen(t->url[i]), "archiv")) continue;
        const char *s = S_section_of(c, m, t->name[i], strlen(t->name[i]), 0, 0);
        if (s) return s;
    }
    return NULL;
}

/* Is part[0..n) (read off the <title> or a header h1) a desk rather than
 * the site, a weather box or a type label: no digit or degree sign, not a
 * host name ("brisbanetimes.com.au"), no word or run of words that is a
 * label of the page's host ("Herald Sun" on heraldsun.com.au, "Soccerway"
 * on soccerway.com)? */
static int S_desk_part_as(const cd_meta *m, const char *page_url, const char *part, size_t n, int digits)
{
    for (size_t i = 0; i < n; i++)
        if ((!digits && cd_isdigit((unsigned char)part[i])) || (i + 1 < n && (unsigned char)part[i] == 0xC2 &&
                                                   (unsigned char)part[i + 1] == 0xB0))
            return 0;
    const char *dot = memchr(part, '.', n);
    if (dot && dot + 1 < part + n && cd_isalpha((unsigned char)dot[1]) && !memchr(part, ' ', n)) return 0;
    char key[128];
    size_t kl = 0;
    for (size_t i = 0; i < n && kl < sizeof key; i++)
        if (cd_isalnum((unsigned char)part[i])) key[kl++] = (char)cd_tolower((unsigned char)part[i]);
    const char *urls[] = {page_url, m->url};
    for (size_t u = 0; u < 2; u++) {
        const char *lab;
        for (size_t at = 0, l; urls[u] && (l = cd_meta_host_label(urls[u], &at, &lab)) != 0;) {
            if (l < 4) continue;
            if (l == kl && cd_meta_eq_nocase(lab, l, key, kl)) return 0;
            const char *w;
            for (size_t wat = 0, wl; (wl = cd_next_word(part, n, &wat, &w)) != 0;)
                if (wl == l && cd_meta_eq_nocase(w, wl, lab, l)) return 0;
        }
    }
    return 1;
}

static int S_desk_part(const cd_meta *m, const char *page_url, const char *part, size_t n)
{
    return S_desk_part_as(m, page_url, part, n, 0);
}

/* A desk label read off the <title> or a header h1: marks around it cut
 * ("| League"), a trailing type word dropped ("Sport Story": Sport). */
static const char *S_desk_as(cd_meta_ctx *c, const cd_meta *m, const char *page_url, const char *s, size_t n,
                             int digits)
{
    while (n && (*s == '|' || *s == '>' || *s == ' ' || *s == ':'))
        s++, n--;
    if (!n || !S_desk_part_as(m, page_url, s, n, digits)) return NULL;
    const char *sp = NULL;
    for (size_t i = n; i-- > 0;)
        if (s[i] == ' ') {
            sp = s + i;
            break;
        }
    if (sp && S_generic_word(sp + 1, n - (size_t)(sp + 1 - s))) {
        n = (size_t)(sp - s);
        /* "Entertainment News Story": "News Story" is the type, the word
         * before it the desk. */
        for (size_t i = n; i-- > 0;)
            if (s[i] == ' ') {
                if (n - i - 1 == 4 && cd_eq_nocase(s + i + 1, 4, "news")) n = i;
                break;
            }
    }
    return S_section_of(c, m, s, n, 0, 0);
}

/* S_desk, digits refused (a date, a temperature, a score read off a
 * <title> or a header). */
static const char *S_desk(cd_meta_ctx *c, const cd_meta *m, const char *page_url, const char *s, size_t n)
{
    return S_desk_as(c, m, page_url, s, n, 0);
}

/* Does s[0..n) hold w (NUL-terminated) as whole words, any ASCII case? */
static int S_has_words(const char *s, size_t n, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = 0; wl && i + wl <= n; i++)
        if (cd_eq_nocase(s + i, wl, w) && (i == 0 || !cd_isalnum((unsigned char)s[i - 1])) &&
            (i + wl == n || !cd_isalnum((unsigned char)s[i + wl])))
            return 1;
    return 0;
}

/* Is the text of node id (its descendants', at most cap - 1 bytes) label,
 * any ASCII case, white space aside? */
static int S_text_is(const cd_dom *dom, cd_nid id, const char *label, size_t ll)
{
    char buf[128];
    size_t bl = 0, steps = 0;
    cd_nid top = id;
    for (cd_nid q = cd_dom_node(dom, id)->first; q && steps < 16; steps++) {
        const cd_node *qn = cd_dom_node(dom, q);
        if (qn->type == CD_NODE_TEXT)
            for (uint32_t k = 0; k < qn->len; k++) {
                char ch = qn->u.text[k];
                if (cd_isspace((unsigned char)ch) && (!bl || buf[bl - 1] == ' ')) continue;
                if (bl + 1 >= sizeof buf) return 0;
                buf[bl++] = cd_isspace((unsigned char)ch) ? ' ' : ch;
            }
        if (qn->type == CD_NODE_ELEMENT && qn->first) {
            q = qn->first;
            continue;
        }
        while (q && q != top && !cd_dom_node(dom, q)->next)
            q = cd_dom_node(dom, q)->parent;
        if (!q || q == top) break;
        q = cd_dom_node(dom, q)->next;
    }
    while (bl && buf[bl - 1] == ' ')
        bl--;
    return bl == ll && cd_eq_nocase(buf, bl, label);
}

/* Is f[0..n) the root folder's index page: "index" or "default" and a
 * page extension ("/index.php", l3s eastottawa's logo link; "/default.aspx")? */
static int S_home_file(const char *f, size_t n)
{
    static const char *const names[] = {"index.", "default."};
    static const char *const exts[] = {"php", "html", "htm", "asp", "aspx", "jsp", "shtml", "cfm"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t nl = strlen(names[i]);
        if (n <= nl || !cd_eq_nocase(f, nl, names[i])) continue;
        for (size_t e = 0; e < sizeof exts / sizeof exts[0]; e++)
            if (n - nl == strlen(exts[e]) && cd_eq_nocase(f + nl, n - nl, exts[e])) return 1;
    }
    return 0;
}

/* Does link id lead to the site's home page ("/", "./", "http://host/",
 * the root's "/index.php")? */
static int S_home_href(const cd_dom *dom, cd_nid id)
{
    size_t hl;
    const char *h = cd_dom_attr(dom, id, "href", &hl);
    if (!h) return 0;
    while (hl && cd_isspace((unsigned char)*h))
        h++, hl--;
    while (hl && cd_isspace((unsigned char)h[hl - 1]))
        hl--;
    if ((hl == 1 && h[0] == '/') || (hl == 2 && h[0] == '.' && h[1] == '/')) return 1;
    if (hl > 1 && h[0] == '/') return S_home_file(h + 1, hl - 1);
    const char *sl = hl > 8 ? memchr(h, ':', hl) : NULL;
    if (!sl || (size_t)(sl - h) + 3 >= hl || sl[1] != '/' || sl[2] != '/') return 0;
    const char *p = memchr(sl + 3, '/', hl - (size_t)(sl + 3 - h));
    return !p || (size_t)(p - h) + 1 == hl || S_home_file(p + 1, hl - (size_t)(p + 1 - h));
}

/* The nodes S_site_named_as reads, in page order, gathered in one pass each
 * when first asked (set 0: the images with an alt text and the links to
 * the home page; set 1: the texts of 200 bytes or fewer holding a copyright
 * notice, read only for a label of two words or more). 0 without the memory. */
static int S_site_nodes(cd_meta_ctx *c, int set)
{
    if (c->site_nodes_read & (1 << set))
        return c->site_nodes[set] != NULL;
    c->site_nodes_read |= 1 << set;
    const cd_dom *dom = c->dom;
    cd_nid *ids = cd_arena_alloc(c->arena, (size_t)dom->count * sizeof *ids);
    if (!ids)
        return 0;
    uint32_t n = 0;
    for (cd_nid i = 1; i < dom->count; i++) {
        const cd_node *nd = cd_dom_node(dom, i);
        int take = 0;
        if (set == 0 && nd->type == CD_NODE_ELEMENT && nd->tag == CD_TAG_IMG) {
            take = cd_dom_attr(dom, i, "alt", NULL) != NULL;
        } else if (set == 0 && nd->type == CD_NODE_ELEMENT && nd->tag == CD_TAG_A) {
            take = S_home_href(dom, i);
        } else if (set == 1 && nd->type == CD_NODE_TEXT && nd->len <= 200) {
            const char *t = nd->u.text;
            size_t tl = nd->len;
            for (size_t k = 0; k + 1 < tl && !take; k++)
                take = (unsigned char)t[k] == 0xC2 && (unsigned char)t[k + 1] == 0xA9; /* © */
            take = take || cd_contains_nocase(t, tl, "copyright");
        }
        if (take)
            ids[n++] = i;
    }
    c->site_nodes[set] = ids;
    c->nsite_nodes[set] = n;
    return 1;
}

/* Is label the site's own name, as the page states it elsewhere: the text
 * of a link to the site's home page ("<h1><a href="/">Soccerway</a>"), the
 * alt text of an image, whole or before a separator (the logo:
 * "OurSports Central - Independent and Minor League Sports News"), or, for
 * a name of two words or more, inside a copyright notice ("© 2008 The
 * Birmingham News")? A <title> part or a header above the story that names
 * the site is no desk. At most CD_META_PAGE_PASSES a page (with
 * S_news_flow's): past them a label is taken for the site's (no desk), or
 * the section rules' candidates (every menu item marked current, every
 * kicker) would cost candidates x nodes. The nodes it reads are gathered
 * once a page (S_site_nodes): a label's answer does not depend on their
 * order, every hit answers yes. */
static int S_site_named_as(cd_meta_ctx *c, const char *label, int logo_only)
{
    const cd_dom *dom = c->dom;
    size_t ll = strlen(label);
    if (ll < 3) return 0;
    if (++c->page_passes > CD_META_PAGE_PASSES) return 1;
    int words = memchr(label, ' ', ll) != NULL;
    if (!S_site_nodes(c, 0)) return 0;
    for (uint32_t j = 0; j < c->nsite_nodes[0]; j++) {
        cd_nid i = c->site_nodes[0][j];
        const cd_node *nd = cd_dom_node(dom, i);
        if (nd->type == CD_NODE_ELEMENT && nd->tag == CD_TAG_IMG) {
            size_t al;
            const char *alt = cd_dom_attr(dom, i, "alt", &al);
            while (alt && al && cd_isspace((unsigned char)*alt))
                alt++, al--;
            if (!alt || al < ll || !cd_eq_nocase(alt, ll, label)) continue;
            size_t r = ll;
            while (r < al && alt[r] == ' ')
                r++;
            /* A picture named after a section ("Cricket" over the page)
             * says nothing; the logo carries the site's line after its name,
             * or links home. */
            if (r < al && (alt[r] == '-' || alt[r] == '|' || alt[r] == ':' ||
                           (r + 1 < al && (unsigned char)alt[r] == 0xE2 && (unsigned char)alt[r + 1] == 0x80)))
                return 1;
            if (r == al)
                for (cd_nid q = nd->parent, up = 0; q && up < 3; q = cd_dom_node(dom, q)->parent, up++)
                    if (cd_dom_is(dom, q, CD_TAG_A) && S_home_href(dom, q)) return 1;
            continue;
        }
        if (!logo_only && S_text_is(dom, i, label, ll)) return 1; /* a link home */
    }
    if (logo_only || !words || !S_site_nodes(c, 1)) return 0;
    for (uint32_t j = 0; j < c->nsite_nodes[1]; j++) {
        const cd_node *nd = cd_dom_node(dom, c->site_nodes[1][j]);
        if (S_has_words(nd->u.text, nd->len, label)) return 1;
    }
    return 0;
}

static int S_site_named(cd_meta_ctx *c, const char *label)
{
    return S_site_named_as(c, label, 0);
}

/* S_site_named_as for s[0..n), not NUL-terminated (at most 127 bytes). */
static int S_site_named_n(cd_meta_ctx *c, const char *s, size_t n, int logo)
{
    char b[128];
    if (n < 3 || n >= sizeof b) return 0;
    memcpy(b, s, n);
    b[n] = 0;
    return S_site_named_as(c, b, logo);
}

/* The site's name as its logo states it (an image's alt, see S_site_named),
 * for a name s[0..n) not NUL-terminated: meta/pick_authors' <meta
 * name=author> naming the paper (l3s eastottawa-airlines-disabled). */
int cd_meta_logo_named(cd_meta_ctx *c, const char *s, size_t n)
{
    return S_site_named_n(c, s, n, 1);
}

/* S_site_named for a name s[0..n) not NUL-terminated (meta/visible's bare
 * name beside a date: "Malaysia Sun" over the date line, the logo's alt). */
int cd_meta_site_named(cd_meta_ctx *c, const char *s, size_t n)
{
    return S_site_named_n(c, s, n, 0);
}

/* Is label a name of the news flow ("Breaking News", "UK Latest",
 * "NewsFlash": a word of section-news-flow.txt) that the page does not show
 * as a heading (h1-h3)? One pass over the nodes, within
 * CD_META_PAGE_PASSES (past them: yes, no desk). */
static int S_news_flow(cd_meta_ctx *c, const char *label)
{
    size_t ll = strlen(label), at = 0, l;
    const char *w;
    int flow = 0;
    while (!flow && (l = cd_next_word(label, ll, &at, &w)) != 0)
        flow = cd_wordset_has(&cd_list_section_news_flow, w, l);
    if (!flow) return 0;
    if (++c->page_passes > CD_META_PAGE_PASSES) return 1;
    const cd_dom *dom = c->dom;
    for (cd_nid i = 1; i < dom->count; i++) {
        const cd_node *nd = cd_dom_node(dom, i);
        if (nd->type == CD_NODE_ELEMENT && (nd->tag == CD_TAG_H1 || nd->tag == CD_TAG_H2 || nd->tag == CD_TAG_H3) &&
            S_text_is(dom, i, label, ll))
            return 0;
    }
    return 1;
}

/* Is desk v the site's own name or a news-flow label ("Latest News"):
 * named as the site (its logo, its host), a flow of news, or like the
 * stated site name? The guards every desk reading over the headline shares. */
static int S_site_desk(cd_meta_ctx *c, const cd_meta *m, const char *v)
{
    return S_site_named(c, v) || S_news_flow(c, v) ||
           (m->site_name && cd_meta_site_like(v, strlen(v), m->site_name, strlen(m->site_name)));
}

#define S_BOX_PROSE 120u   /* letters outside links: a box's own writing, not a header's links */
#define S_BOX_SPAN 4000u   /* nodes walked between a header h1 and the headline, at most */

/* Does the text from element h (an h1) on to element to (the headline)
 * hold writing of its own: over S_BOX_PROSE letters outside links, scripts
 * and the h1 itself? A section header over the story is followed by its
 * desk's menu at most ("Sport" over Sport Home, AFL, Cricket …); an h1
 * followed by sentences heads a box of its own (l3s digitalarts-ipod-bed:
 * the left column's "Forums" over eight forums, each with a line saying
 * what it is for). Past S_BOX_SPAN nodes: yes. */
static int S_own_prose(cd_meta_ctx *c, cd_nid h, cd_nid to)
{
    const cd_dom *dom = c->dom;
    unsigned letters = 0, seen = 0;
    cd_nid k = cd_dom_next_skip(dom, h, 0);
    while (k && k != to) {
        if (++seen > S_BOX_SPAN) return 1;
        const cd_node *nd = cd_dom_node(dom, k);
        if (nd->type == CD_NODE_ELEMENT && (nd->tag == CD_TAG_A || (cd_tag_flags(nd->tag) & CD_TF_SKIP))) {
            /* Past a link or a script, unless the headline is inside it
             * (ids run in document order). */
            cd_nid nx = cd_dom_next_skip(dom, k, 0);
            if (!(to > k && (!nx || to < nx))) {
                k = nx;
                continue;
            }
        } else if (nd->type == CD_NODE_TEXT) {
            for (size_t z = 0; z < nd->len; z++)
                letters += cd_isalpha((unsigned char)nd->u.text[z]) != 0;
            if (letters > S_BOX_PROSE) return 1;
        }
        k = cd_dom_next(dom, k, 0);
    }
    return 0;
}

/* Do a and b share a word of four letters or more (ASCII case aside)? */
static int S_share_word(const char *a, size_t an, const char *b, size_t bn)
{
    const char *w, *x;
    for (size_t at = 0, l; (l = cd_next_word(a, an, &at, &w)) != 0;) {
        while (l && !cd_isalnum((unsigned char)w[l - 1]))
            l--;
        while (l && !cd_isalnum((unsigned char)*w))
            w++, l--;
        if (l < 4) continue;
        for (size_t bt = 0, k; (k = cd_next_word(b, bn, &bt, &x)) != 0;) {
            while (k && !cd_isalnum((unsigned char)x[k - 1]))
                k--;
            while (k && !cd_isalnum((unsigned char)*x))
                x++, k--;
            if (k == l && cd_meta_eq_nocase(x, k, w, l)) return 1;
        }
    }
    return 0;
}

/* A section header set as the page's first h1 ("<h1>Sport</h1>", "<div
 * class=pagetitle><h1>Entertainment</h1>") above the story's own headline, a
 * later h1 that is the title: a label of a few words, not the site. */
/* Does label v name the site's whole news area or the news flow only, every
 * word of it a word of section-broad.txt or section-news-flow.txt, "all" or
 * "the" ("All The News", the news index's header over a story, l3s
 * football365-city-kit)? */
static int S_news_area(const char *v)
{
    size_t vl = strlen(v), at = 0, wl;
    const char *w;
    while ((wl = cd_next_word(v, vl, &at, &w)) != 0)
        if (!cd_wordset_has(&cd_list_section_broad, w, wl) && !cd_wordset_has(&cd_list_section_news_flow, w, wl) &&
            !(wl == 3 && (cd_eq_nocase(w, 3, "all") || cd_eq_nocase(w, 3, "the"))))
            return 0;
    return 1;
}

static const char *S_header_h1(cd_meta_ctx *c, const cd_meta *m, const char *page_url)
{
    const cd_meta_cand *list[8];
    size_t n = cd_meta_collect(c, CD_MF_TITLE, CD_MS_VISIBLE, 0, list, 8);
    if (!n || !m->title) return NULL;
    const cd_meta_cand *first = list[0];
    cd_nid headline = CD_NONE;
    for (size_t i = 1; i < n; i++)
        if (list[i]->pos < first->pos) first = list[i];
    for (size_t i = 0; i < n; i++)
        if (list[i] != first && list[i]->pos > first->pos && S_same_text(list[i]->s, m->title)) headline = list[i]->pos;
    if (S_word_count(first->s, first->len) > 3 || first->len > 32 || S_same_text(first->s, m->title) ||
        (m->site_name && cd_meta_site_like(first->s, first->len, m->site_name, strlen(m->site_name))))
        return NULL;
    if (!headline && n == 1) {
        /* The page's only h1 is the desk's header and the headline an h2
         * or h3 after it ("<div id=title><h1>Domestic news</h1></div>" over
         * "<h2>headline</h2>", l3s thewest-tasmanian-health). */
        const cd_dom *dom = c->dom;
        size_t tl = strlen(m->title);
        for (cd_nid i = first->pos + 1; i < dom->count && i < first->pos + 2 * S_BOX_SPAN && !headline; i++) {
            const cd_node *nd = cd_dom_node(dom, i);
            if (nd->type == CD_NODE_ELEMENT && (nd->tag == CD_TAG_H2 || nd->tag == CD_TAG_H3) &&
                S_text_is(dom, i, m->title, tl))
                headline = i;
        }
        /* ... unless it names the site as the <title> does after the
         * headline ("<h1>Minecraft News</h1>" on a blog whose <title> ends
         * "- Minecraft Update News", Readability tumblr). */
        const cd_meta_cand *tt[1];
        if (headline && cd_meta_collect(c, CD_MF_TITLE, CD_MS_TITLE, 0, tt, 1)) {
            const char *t = tt[0]->s, *rest = NULL;
            size_t tn = tt[0]->len;
            for (size_t i = 0; i + tl <= tn; i++)
                if (cd_eq_nocase(t + i, tl, m->title)) rest = t + i + tl;
            /* The <title>'s last part: the site (a desk may stand between,
             * "headline - The Opinionator - Opinion - New York Times Blog"). */
            for (const char *q = rest; q && q + 2 < t + tn; q++)
                if (q[0] == ' ' && (q[1] == '-' || q[1] == '|' || q[1] == ':' || (unsigned char)q[1] == 0xE2) &&
                    memchr(q + 2, ' ', (size_t)(t + tn - q - 2)))
                    rest = q + 2;
            if (rest && S_share_word(first->s, first->len, rest, (size_t)(t + tn - rest))) return NULL;
        }
    }
    if (!headline || S_own_prose(c, first->pos, headline)) return NULL;
    const char *hs = first->s;
    size_t hl = first->len;
    /* "SFGate: Daily Dish": the site's name (a label of the host) and the
     * desk after it (l3s sfgate-daily-dish, the blog's banner h1). */
    const char *colon = memchr(hs, ':', hl);
    if (colon && colon + 1 < hs + hl && colon[1] == ' ') {
        /* Without the page's URL or a logo naming it, "Name: Desk" may be
         * a site and its desk or a desk and a topic: unsure, none. */
        if (S_desk_part(m, page_url, hs, (size_t)(colon - hs)) && !S_site_named_n(c, hs, (size_t)(colon - hs), 0))
            return NULL;
        hl -= (size_t)(colon + 2 - hs), hs = colon + 2;
    }
    const char *v = S_desk(c, m, page_url, hs, hl);
    /* A header naming the site's whole news area or a page type only
     * ("<h1>News Story</h1>" over every story, l3s inthenews-longer-legs: a
     * word of section-broad.txt once the type word is dropped; "<h1>All The
     * News</h1>" over a story, l3s football365-city-kit: the news index's
     * header, its other words "all" and "the") is no desk. */
    return v && S_news_area(v) ? NULL : v;
}

/* The label that heads the headline in the <title>, "Label: headline -
 * Site" ("Xbox News: GoldenEye XBLA canned? - ComputerAndVideoGames.com"):
 * a desk of one to three words, when the <title> names the site after the
 * headline (a <title> "LAist: headline" names the site first, not a desk). */
static const char *S_title_label(cd_meta_ctx *c, const cd_meta *m, const char *page_url, const char *t,
                                 size_t tn)
{
    size_t hl = strlen(m->title);
    for (size_t i = 2; hl && i + hl < tn && i < 48; i++) {
        if (t[i - 2] != ':' || t[i - 1] != ' ' || !cd_eq_nocase(t + i, hl, m->title)) continue;
        /* The site's part after the headline. */
        size_t r = i + hl;
        while (r < tn && t[r] == ' ')
            r++;
        if (r + 2 >= tn || !(t[r] == '-' || t[r] == '|' || (unsigned char)t[r] == 0xE2 || (unsigned char)t[r] == 0xC2))
            return NULL;
        size_t ll;
        char *label = S_piece(c, t, i - 2, &ll);
        if (!label || S_word_count(label, ll) > 3 || S_site_named(c, label) ||
            (m->site_name && cd_meta_site_like(label, ll, m->site_name, strlen(m->site_name))))
            return NULL;
        return S_desk(c, m, page_url, label, ll);
    }
    return NULL;
}


/* A <title> of two parts, the site's name first and a desk after it
 * ("Bloomberg.com: Muse", "The Sports Network - National Hockey League",
 * "Seattle Post-Intelligencer: Hockey"), on a page whose headline the
 * <title> does not hold: the desk. The second part has one to three words,
 * none of four letters or more shared with the headline (a <title> that
 * shortens the headline shares them); the first names the site (a host
 * name or label, the site name, the logo or the home link). */
static const char *S_title_site_section(cd_meta_ctx *c, const cd_meta *m, const char *page_url, const char *t,
                                        size_t tn)
{
    static const char *const seps[] = {" | ", " - ", ": ", " :: ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xBB "};
    /* An undated page whose h1 the <title> "Site: Page" does not hold: the
     * <title> names the page itself, by its menu name ("Daring Fireball:
     * Colophon" over the h1 "About This Site", Readability daringfireball-1),
     * not a desk (a desk files dated stories; a page showing no h1 at all,
     * "The Sports Network - National Hockey League", keeps the rule). */
    if (!m->date_published) {
        const cd_dom *dom = c->dom;
        for (cd_nid i = 1; i < dom->count; i++)
            if (cd_dom_is(dom, i, CD_TAG_H1) && cd_dom_node(dom, i)->first) return NULL;
    }
    size_t hl = strlen(m->title);
    /* The title is the whole <title> when the page showed no headline the
     * picker could take ("The Sports Network - National Hockey League",
     * "Bloomberg.com: Muse", "SFGate: World Views"): its desk part is still
     * the desk. */
    int whole = hl == tn && cd_eq_nocase(t, tn, m->title);
    for (size_t i = 0; hl && !whole && i + hl <= tn; i++)
        if (cd_eq_nocase(t + i, hl, m->title)) return NULL;
    /* One pass notes the separators whose first two bytes stand somewhere
     * (bit k; each starts with a space or ':'), and only those are counted. */
    uint8_t second[256] = {0}, colon = 0;
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
        if (seps[k][0] == ' ') second[(unsigned char)seps[k][1]] |= (uint8_t)(1u << k);
        else colon |= (uint8_t)(1u << k); /* ": " */
    }
    unsigned maybe = 0;
    for (size_t i = 0; i + 1 < tn; i++)
        if (t[i] == ' ') maybe |= second[(unsigned char)t[i + 1]];
        else if (t[i] == ':' && t[i + 1] == ' ') maybe |= colon;
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
        if (!(maybe & (1u << k))) continue;
        size_t sl = strlen(seps[k]), cut = 0, count = 0;
        /* The first two bytes before the call (every separator has two). */
        for (size_t i = 0; i + sl <= tn; i++)
            if (t[i] == seps[k][0] && t[i + 1] == seps[k][1] && memcmp(t + i, seps[k], sl) == 0) {
                if (!count) cut = i;
                count++;
                i += sl - 1;
            }
        if (count != 1) continue;
        size_t fl, pl;
        char *first = S_piece(c, t, cut, &fl);
        char *part = S_piece(c, t + cut + sl, tn - cut - sl, &pl);
        if (!first || !part || S_word_count(part, pl) > 3 || (!whole && (S_same_text(part, m->title) ||
            S_share_word(part, pl, m->title, hl))))
            return NULL;
        /* The whole first part names the site: a host name, a label of
         * the host ("Bloomberg.com", "seattlepi"), the site's name, the
         * logo or the home link ("Google Sans" on design.google is not). */
        char key[64];
        size_t kl = S_key(first, fl, key, sizeof key);
        int site = (!memchr(first, ' ', fl) && !S_desk_part(m, page_url, first, fl)) || S_site_named(c, first) ||
                   (m->site_name && cd_meta_site_like(first, fl, m->site_name, strlen(m->site_name)));
        const char *urls[] = {page_url, m->url}, *lab;
        for (size_t u = 0; u < 2 && !site; u++)
            for (size_t at = 0, l; urls[u] && !site && (l = cd_meta_host_label(urls[u], &at, &lab)) != 0;)
                site = l >= 3 && l == kl && cd_meta_eq_nocase(lab, l, key, kl);
        /* The site's long name, its first words the host's label ("Summit
         * Daily News for Breckenridge, Keystone … Colorado - Arts and
         * Entertainment" on summitdaily.com, tests/spec/news/summitdaily-
         * juno-graceful): the first words spelling the label whole, a
         * word's end right after them. */
        for (size_t u = 0; u < 2 && !site; u++)
            for (size_t at = 0, l; urls[u] && !site && (l = cd_meta_host_label(urls[u], &at, &lab)) != 0;) {
                if (l < 6 || kl <= l || !cd_meta_eq_nocase(lab, l, key, l)) continue;
                /* The label ends where a word of first ends. */
                size_t got = 0;
                for (size_t i = 0; i < fl && got < l; i++) {
                    if (!cd_isalnum((unsigned char)first[i])) continue;
                    if (++got == l) site = i + 1 < fl && !cd_isalnum((unsigned char)first[i + 1]);
                }
                /* A tag line that repeats a word of the name ("Cortez
                 * Journal Online - Cortez Colorado", cortezjournal-aspen-
                 * dieoff) places the site: no desk. */
                if (site && S_share_word(part, pl, first, fl)) return NULL;
            }
        /* A tag line after the name ("580 CFRA - News Talk Radio") holds a
         * word of the site's whole news area (section-broad.txt). */
        const char *w;
        for (size_t at = 0, l; site && (l = cd_next_word(part, pl, &at, &w)) != 0;)
            if (cd_wordset_has(&cd_list_section_broad, w, l)) site = 0;
        if (!site || S_site_named(c, part) || S_news_flow(c, part) ||
            (m->site_name && cd_meta_site_like(part, pl, m->site_name, strlen(m->site_name))))
            return NULL;
        return S_desk(c, m, page_url, part, pl);
    }
    return NULL;
}

/* A <title> written as a crumb with colons, the site first and the
 * headline last ("Home of Sport: Formula One: News: BMW confirms Deutsche
 * Telekom deal", l3s homeofsport-bmw-telekom; "SFGate: World Views :
 * headline", "The Hindu : International / India & World : headline"): two
 * colons or more, the desk the part nearest the headline once the news
 * area's and the news flow's labels ("News") are passed; of a part that is
 * itself a crumb ("International / India & World"), its first label. */
static const char *S_title_colon_crumb(cd_meta_ctx *c, const cd_meta *m, const char *page_url, const char *t,
                                       size_t tn)
{
    size_t at[8], len[8], np = 0, st = 0;
    for (size_t i = 0; i + 1 < tn && np < 7; i++)
        if (t[i] == ':' && t[i + 1] == ' ') {
            at[np] = st, len[np] = i - st, np++;
            st = i + 2;
            i++;
        }
    at[np] = st, len[np] = tn - st, np++;
    if (np < 3 || np > 6) return NULL;
    size_t fl, ll, pl;
    char *first = S_piece(c, t + at[0], len[0], &fl);
    char *last = S_piece(c, t + at[np - 1], len[np - 1], &ll);
    if (!first || !last || !S_same_text(last, m->title)) return NULL;
    char key[64];
    size_t kl = S_key(first, fl, key, sizeof key);
    int site = m->site_name && cd_meta_site_like(first, fl, m->site_name, strlen(m->site_name));
    const char *urls[] = {page_url, m->url}, *lab;
    for (size_t u = 0; u < 2 && !site; u++)
        for (size_t h = 0, l; urls[u] && !site && (l = cd_meta_host_label(urls[u], &h, &lab)) != 0;)
            site = l >= 3 && l == kl && cd_meta_eq_nocase(lab, l, key, kl);
    if (!site && !S_site_named(c, first)) return NULL;
    for (size_t j = np - 2; j >= 1; j--) {
        char *part = S_piece(c, t + at[j], len[j], &pl);
        if (!part) return NULL;
        for (size_t i = 1; i + 2 < pl; i++)
            if (part[i] == ' ' && part[i + 1] == '/' && part[i + 2] == ' ') {
                part[i] = '\0';
                pl = i;
                break;
            }
        if ((!strchr(part, ' ') && cd_wordset_has(&cd_list_section_broad, part, pl)) || S_news_flow(c, part)) continue;
        if (S_word_count(part, pl) > 3 || S_site_named(c, part) ||
            (m->site_name && cd_meta_site_like(part, pl, m->site_name, strlen(m->site_name))))
            return NULL;
        return S_desk(c, m, page_url, part, pl);
    }
    return NULL;
}

/* The <title>'s part between the headline and the site's name ("Louisiana's
 * new first lady is mom and MBA - Living - NOLA.com", "Cricket: Windies seal
 * historic win | Cricket | Guardian Unlimited Sport"): three parts or more
 * at one separator, the headline at one end, the section its neighbour. */
/* Is w[0..n) (words, spaces between) a folder of URL u's path written as a
 * slug ("Film" and "/pm/film/reviews/52615/…")? Case aside, a space
 * stands for '-' or '_'. */
static int S_url_folder(const char *u, const char *w, size_t n)
{
    const char *p = u ? strstr(u, "://") : NULL;
    if (!p) return 0;
    p = strchr(p + 3, '/');
    while (p && *p == '/') {
        const char *st = ++p;
        while (*p && *p != '/' && *p != '?' && *p != '#')
            p++;
        if (*p != '/') return 0; /* the last segment is the page, not a folder */
        size_t l = (size_t)(p - st), i = 0;
        if (l != n) continue;
        for (; i < n; i++)
            if (!(cd_tolower((unsigned char)st[i]) == cd_tolower((unsigned char)w[i]) ||
                  (w[i] == ' ' && (st[i] == '-' || st[i] == '_'))))
                break;
        if (i == n) return 1;
    }
    return 0;
}

/* The <title>'s last part, the site's name run into a desk and a page type
 * ("headline (2006): cast - PopMatters Film Review", l3s
 * popmatters-killing-lennon): after a first word that is a label of the
 * page's host, the longest run of one to three words that is a folder of
 * the page's URL ("/pm/film/reviews/…") and is followed by more words is
 * the desk. The <title> starts with the headline. */
static const char *S_title_site_desk(cd_meta_ctx *c, const cd_meta *m, const char *page_url, const char *t,
                                     size_t tn)
{
    const char *u = page_url && *page_url ? page_url : m->url;
    size_t hl = strlen(m->title);
    if (!u || tn <= hl || !cd_eq_nocase(t, hl, m->title)) return NULL;
    size_t at = tn;
    while (at >= 3 && !((t[at - 3] == ' ' && (t[at - 2] == '-' || t[at - 2] == '|') && t[at - 1] == ' ')))
        at--;
    if (at < 3 || at - 3 < hl) return NULL;
    const char *part = t + at, *w;
    size_t pn = tn - at, wat = 0, wl = cd_next_word(part, pn, &wat, &w);
    if (wl < 4) return NULL;
    int site = 0;
    const char *lab;
    for (size_t hat = 0, l; !site && (l = cd_meta_host_label(u, &hat, &lab)) != 0;)
        site = l == wl && cd_meta_eq_nocase(lab, l, w, wl);
    if (!site) return NULL;
    while (wat < pn && part[wat] == ' ')
        wat++;
    const char *rest = part + wat;
    size_t rn = pn - wat, ends[3], k = 0;
    for (size_t i = 0; i <= rn && k < 3; i++)
        if (i == rn || rest[i] == ' ') ends[k++] = i;
    /* A page type follows the desk ("Film Review"): a part that is only the
     * site and a second name is the site's sub-brand or edition ("Freightwaves
     * Checkpoint" over its logo, "Deloitte US": wcxb-dev 0056, 4292). */
    while (k > 0) {
        size_t n = ends[--k];
        if (n >= 3 && n < rn && S_url_folder(u, rest, n)) return S_desk(c, m, page_url, rest, n);
    }
    return NULL;
}

static const char *S_title_section(cd_meta_ctx *c, const cd_meta *m, const char *page_url)
{
    const cd_meta_cand *list[1];
    if (!m->title || !cd_meta_collect(c, CD_MF_TITLE, CD_MS_TITLE, 0, list, 1)) return NULL;
    /* " > ": a <title> written as a trail ("Orleans Star / Weekly Journal >
     * National > headline", l3s eastottawa-airlines-disabled); " / ", last
     * (the parts of "The Bellingham Herald / Wire Elections / headline",
     * l3s bellinghamherald-obama-harlem: three parts at least, the headline
     * at one end). */
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ", " > ", " / "};
    const char *t = list[0]->s;
    size_t tn = list[0]->len;
    /* Every separator starts with a space: one pass notes the separators
     * whose first two bytes stand somewhere (bit k), and only those are
     * looked for, in the order of seps. */
    uint8_t second[256] = {0}; /* bit k: the second byte of seps[k] */
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++)
        second[(unsigned char)seps[k][1]] |= (uint8_t)(1u << k);
    unsigned maybe = 0;
    for (size_t i = 0; i + 1 < tn; i++)
        if (t[i] == ' ')
            maybe |= second[(unsigned char)t[i + 1]];
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
        if (!(maybe & (1u << k))) continue;
        size_t sl = strlen(seps[k]), at[8], len[8], np = 0, st = 0;
        /* The space and the separator's second byte first (sl >= 3). */
        for (size_t i = 0; i + sl <= tn && np < 7; i++)
            if (t[i] == ' ' && t[i + 1] == seps[k][1] && memcmp(t + i, seps[k], sl) == 0) {
                at[np] = st, len[np] = i - st, np++;
                st = i + sl;
                i += sl - 1;
            }
        if (!np) continue;
        at[np] = st, len[np] = tn - st, np++;
        if (np < 3 || np > 5) continue;
        char *first = S_piece(c, t + at[0], len[0], &len[0]);
        char *last = S_piece(c, t + at[np - 1], len[np - 1], &len[np - 1]);
        int hf = first && S_same_text(first, m->title), hl = last && S_same_text(last, m->title);
        size_t j = hf ? 1 : np - 2, pl;
        if (!hf && !hl && np >= 4) {
            /* "DNA - After Hrs - headline - Daily News & Analysis": the site
             * at both ends, the headline inside, the desk between the first
             * part and it ("Site - headline - All The News - Site" is no
             * desk: a label after the headline is read only at the end). */
            size_t h = 0;
            for (size_t q = 1; q + 1 < np && !h; q++) {
                size_t ql;
                char *qp = S_piece(c, t + at[q], len[q], &ql);
                if (qp && S_same_text(qp, m->title)) h = q;
            }
            if (!h) continue;
            if (h < 2) continue;
            j = h - 1;
            char *p0 = S_piece(c, t + at[j], len[j], &pl);
            if (!p0 || S_news_flow(c, p0)) continue;
        } else if (hf == hl) {
            continue;
        }
        char *part = S_piece(c, t + at[j], len[j], &pl);
        /* A label of the news flow next to the headline ("… - Breaking News
         * - National - …") stands before the desk: the next part is read. */
        while (part && S_news_flow(c, part) && (hf ? j + 2 < np : j > 1)) {
            j = hf ? j + 1 : j - 1;
            part = S_piece(c, t + at[j], len[j], &pl);
        }
        /* A trail's crumb of the site's whole news area ("SignOnSanDiego.com
         * > News > World -- headline", l3s signonsandiego: the desk run into
         * the headline's part) is no desk. */
        if (part && seps[k][1] == '>' && !strchr(part, ' ') && cd_wordset_has(&cd_list_section_broad, part, pl))
            return NULL;
        if (!part || S_word_count(part, pl) > 3 || S_same_text(part, m->title) ||
            (m->site_name && cd_meta_site_like(part, pl, m->site_name, strlen(m->site_name))))
            return NULL;
        return S_desk(c, m, page_url, part, pl);
    }
    const char *v = S_title_label(c, m, page_url, t, tn);
    if (!v) v = S_title_colon_crumb(c, m, page_url, t, tn);
    if (!v) v = S_title_site_desk(c, m, page_url, t, tn);
    return v ? v : S_title_site_section(c, m, page_url, t, tn);
}

/* The host (without "www.") and the path (up to '?' or '#') of u[0..n): an
 * absolute http(s) URL, or a site path ("/sports/", *hl = 0). 0 for any
 * other reference. */
static int S_host_path(const char *u, size_t n, const char **h, size_t *hl, const char **p, size_t *pl)
{
    while (n && cd_isspace((unsigned char)*u))
        u++, n--;
    size_t i = 0;
    *h = NULL, *hl = 0;
    if (n > 7 && cd_eq_nocase(u, 7, "http://"))
        i = 7;
    else if (n > 8 && cd_eq_nocase(u, 8, "https://"))
        i = 8;
    if (i) {
        size_t st = i;
        while (i < n && u[i] != '/' && u[i] != '?' && u[i] != '#')
            i++;
        *h = u + st, *hl = i - st;
        if (*hl > 4 && cd_eq_nocase(*h, 4, "www.")) *h += 4, *hl -= 4;
    } else if (!n || u[0] != '/' || (n > 1 && u[1] == '/')) {
        return 0;
    }
    size_t st = i;
    while (i < n && u[i] != '?' && u[i] != '#' && !cd_isspace((unsigned char)u[i]))
        i++;
    *p = u + st, *pl = i - st;
    return 1;
}

/* The number of path segments of p[0..n) ("/a/b/" and "/a/b": 2). */
static unsigned S_segments(const char *p, size_t n)
{
    unsigned k = 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] != '/' && (i == 0 || p[i - 1] == '/')) k++;
    return k;
}

/* The page folder's segments (the runs between slashes of pp[0..ppl), which
 * ends with a slash), each with the run of slashes before it, sorted by a
 * case-folded hash: a link's one-segment folder is looked up here instead
 * of being searched for along the whole path (a long page URL times many
 * links was quadratic: 12,000 folders and as many links, 0.83 s for 5 MB). */
typedef struct {
    uint64_t h;
    size_t off, len, slashes;
} S_seg;

static uint64_t S_fold_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)cd_tolower((unsigned char)s[i])) * 1099511628211ull;
    return h;
}

static int S_seg_cmp(const void *a, const void *b)
{
    uint64_t x = ((const S_seg *)a)->h, y = ((const S_seg *)b)->h;
    return x < y ? -1 : x > y;
}

static S_seg *S_segs_of(cd_arena *arena, const char *pp, size_t ppl, size_t *n)
{
    *n = 0;
    S_seg *v = cd_arena_alloc(arena, (ppl / 2 + 1) * sizeof *v);
    if (!v) return NULL;
    for (size_t i = 0; i < ppl;) {
        size_t r = 0;
        while (i < ppl && pp[i] == '/')
            i++, r++;
        size_t st = i;
        while (i < ppl && pp[i] != '/')
            i++;
        if (i > st && i < ppl && r)
            v[(*n)++] = (S_seg){S_fold_hash(pp + st, i - st), st, i - st, r};
    }
    qsort(v, *n, sizeof *v, S_seg_cmp);
    return v;
}

/* Does "/" f "/" occur in the page's folder (f: slashes, then a name)? */
static int S_segs_have(const S_seg *v, size_t n, const char *pp, const char *f, size_t fl)
{
    size_t s = 0;
    while (s < fl && f[s] == '/')
        s++;
    if (s == fl || memchr(f + s, '/', fl - s)) return 0;
    uint64_t h = S_fold_hash(f + s, fl - s);
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].h < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && v[lo].h == h; lo++)
        if (v[lo].len == fl - s && v[lo].slashes > s &&
            cd_meta_eq_nocase(pp + v[lo].off, v[lo].len, f + s, fl - s))
            return 1;
    return 0;
}

/* Is v the site's, a paper's folder on its network's host (l3s
 * news.com.au/perthnow/, icnetwork.co.uk/sundaysun/)? An image's alt names
 * it as a logo ("Sunday Sun logo"), or the <title> closes with it as its last
 * part ("headline | PerthNow") or opens with it before an ellipsis
 * ("AdelaideNow... headline") and an image's alt is v or opens with it
 * ("AdelaideNow... - home"). A desk closing the <title> ("headline |
 * Opinion") has no picture so named. */
static int S_site_folder_name(cd_meta_ctx *c, const char *v)
{
    size_t vl = strlen(v);
    int titled = 0;
    const cd_meta_cand *tt[1];
    if (cd_meta_collect(c, CD_MF_TITLE, CD_MS_TITLE, 0, tt, 1)) {
        const char *t = tt[0]->s;
        size_t tn = tt[0]->len;
        while (tn && t[tn - 1] == ' ')
            tn--;
        if (tn > vl + 3 && cd_eq_nocase(t + tn - vl, vl, v)) {
            const char *q = t + tn - vl;
            titled = q[-1] == ' ' && (q[-2] == '|' || q[-2] == '-' || (unsigned char)q[-2] == 0x94 ||
                                      (unsigned char)q[-2] == 0x93);
        }
        if (tn > vl + 3 && cd_eq_nocase(t, vl, v) && memcmp(t + vl, "...", 3) == 0) titled = 1;
    }
    const cd_dom *dom = c->dom;
    if (++c->page_passes > CD_META_PAGE_PASSES) return 1;
    for (cd_nid i = 1; i < dom->count; i++) {
        const cd_node *nd = cd_dom_node(dom, i);
        if (nd->type != CD_NODE_ELEMENT || nd->tag != CD_TAG_IMG) continue;
        size_t al;
        const char *alt = cd_dom_attr(dom, i, "alt", &al);
        if (!alt || al < vl || !cd_eq_nocase(alt, vl, v)) continue;
        if (al == vl + 5 && cd_eq_nocase(alt + vl, 5, " logo")) return 1;
        if (titled && (al == vl || alt[vl] == '.' || alt[vl] == ' ')) return 1;
    }
    return 0;
}

/* The section front the page's URL lives under, as a link of the page names
 * it: a link (same host) to a folder that holds the page, or to its front
 * file ("/sports/college" on "/sports/college/story-123.html",
 * "/entertainment/default.aspx" on "/entertainment/story.aspx": a link to
 * another file is a page, not a folder), the deepest such folder; or a link to a
 * one-segment folder that is a folder of the page's path ("/WORLD/" on
 * "/2007/WORLD/meast/11/29/story/"). Its text, a desk label of one to three
 * words, is the section. */
static const char *S_resolve(cd_meta_ctx *c, const char *base, const char *ref, size_t n);
static const char *S_url_section(cd_meta_ctx *c, const cd_meta *m, const char *page_url)
{
    const char *u = page_url && *page_url ? page_url : m->url;
    const char *ph, *pp;
    size_t phl, ppl;
    if (!u || !S_host_path(u, strlen(u), &ph, &phl, &pp, &ppl) || !phl) return NULL;
    /* The page's folder: its path without the last segment (the story). */
    while (ppl && pp[ppl - 1] == '/')
        ppl--;
    while (ppl && pp[ppl - 1] != '/')
        ppl--;
    if (S_segments(pp, ppl) == 0) return NULL;
    const cd_dom *dom = c->dom;
    const char *best = NULL;
    unsigned best_rank = 0;
    S_seg *segv = NULL;
    size_t nseg = 0;
    /* A relative link ("Press+Releases" under <base href="http://host/">,
     * l3s streetinsider-magellan-ces's menu) is read resolved against the
     * page's <base>, else its URL; a relative folder resolves into the
     * page's own folder or deeper, an ancestor only through <base> or "..". */
    const char *base = NULL;
    for (cd_nid i = 1; i < dom->count && !base; i++) {
        const cd_node *nd = cd_dom_node(dom, i);
        if (nd->type == CD_NODE_ELEMENT && nd->tag == CD_TAG_BODY) break;
        size_t bl;
        const char *b = nd->type == CD_NODE_ELEMENT && nd->tag == CD_TAG_BASE ? cd_dom_attr(dom, i, "href", &bl) : NULL;
        if (b && bl > 8 && bl < 256 && (cd_eq_nocase(b, 7, "http://") || cd_eq_nocase(b, 8, "https://")))
            base = cd_arena_strndup(c->arena, b, bl);
    }
    /* Without a <base>, a relative link reaches a folder above the page's
     * own only through "." or ".." ("../", "./index.html"): others are not
     * resolved (most pages' links: the cost of resolving them). */
    int based = base != NULL;
    if (!base) base = u;
    for (cd_nid i = 1; i < dom->count; i++) {
        const cd_node *nd = cd_dom_node(dom, i);
        if (nd->type != CD_NODE_ELEMENT || nd->tag != CD_TAG_A) continue;
        size_t hrl, lhl, lpl;
        const char *href = cd_dom_attr(dom, i, "href", &hrl), *lh, *lp;
        int rel = 0;
        if (!href || hrl > 256) continue;
        if (!S_host_path(href, hrl, &lh, &lhl, &lp, &lpl)) {
            /* Relative: a folder's name, letters first, no scheme, query
             * or fragment. */
            if (!hrl || !((based && cd_isalnum((unsigned char)href[0])) || href[0] == '.') || memchr(href, ':', hrl) ||
                memchr(href, '?', hrl) || memchr(href, '#', hrl))
                continue;
            const char *r = S_resolve(c, base, href, hrl);
            if (!r || !S_host_path(r, strlen(r), &lh, &lhl, &lp, &lpl)) continue;
            href = r, hrl = strlen(r);
            rel = 1;
        }
        if (lhl && !cd_meta_eq_nocase(lh, lhl, ph, phl)) continue;
        /* The link's folder: a last segment naming a file ("default.aspx")
         * is cut. */
        while (lpl && lp[lpl - 1] == '/')
            lpl--;
        size_t ls = lpl;
        while (ls && lp[ls - 1] != '/')
            ls--;
        const char *dot = memchr(lp + ls, '.', lpl - ls);
        if (dot) {
            if (!cd_wordset_has(&cd_list_url_folder_fronts, lp + ls, (size_t)(dot - (lp + ls)))) continue;
            lpl = ls;
        }
        while (lpl && lp[lpl - 1] == '/')
            lpl--;
        unsigned segs = S_segments(lp, lpl);
        if (!segs) continue;
        unsigned rank = 0;
        if (lpl < ppl && cd_meta_eq_nocase(pp, lpl, lp, lpl) && pp[lpl] == '/') {
            rank = 2 * segs + 1;
        } else if (segs == 1) {
            /* A one-segment folder among the page's folders. */
            if (!segv) segv = S_segs_of(c->arena, pp, ppl, &nseg);
            if (segv && S_segs_have(segv, nseg, pp, lp + 1, lpl - 1)) rank = 2;
        }
        if (rank <= best_rank) continue;
        size_t tl;
        char *txt = cd_meta_node_text(c, i, 64, &tl);
        /* A lone "&" is no word ("UK & World News" for /uk-and-world-news/,
         * l3s chroniclelive-nspcc-reality-tv). */
        if (!txt || tl > 32 || S_word_count(txt, tl) - S_amp_words(txt, tl) > 3) continue;
        /* The link's text names the folder ("Soaps" for "/soaps/",
         * "National news" for "/0300nationalnews/"): not a teaser ("More
         * Showbiz"), a menu's other label ("My Region" for "/canada/") or
         * the site's whole news area ("News"). */
        size_t fs = lpl;
        while (fs && lp[fs - 1] != '/')
            fs--;
        char tk[64], fk[64];
        size_t tkl = S_key(txt, tl, tk, sizeof tk), fkl = S_key(lp + fs, lpl - fs, fk, sizeof fk), f0 = 0;
        while (f0 < fkl && cd_isdigit((unsigned char)fk[f0]))
            f0++;
        int named = tkl && tkl == fkl - f0 && memcmp(tk, fk + f0, tkl) == 0;
        if (!named && memchr(txt, '&', tl)) {
            /* "&" spelled "and" in the folder ("Nation & World" for
             * /nationandworld/, l3s contracostatimes 9e25cf1a). */
            char ak[64];
            size_t akl = 0;
            for (size_t j = 0; j < tl && akl + 3 <= sizeof ak; j++) {
                if (txt[j] == '&') {
                    memcpy(ak + akl, "and", 3);
                    akl += 3;
                } else {
                    akl += S_key(txt + j, 1, ak + akl, 1);
                }
            }
            named = akl && akl == fkl - f0 && memcmp(ak, fk + f0, akl) == 0;
        }
        if (!named && rank > 3 && fkl > f0) {
            /* A deeper folder named by the first part of a compound desk
             * ("Arts & Life" for /vancouversun/news/arts/, l3s canada-
             * directors-contract: the paper's own folder /vancouversun/,
             * linked as "Vancouver Sun", is no desk). */
            const char *w0, *w1;
            size_t at = 0, l0 = cd_next_word(txt, tl, &at, &w0), l1 = cd_next_word(txt, tl, &at, &w1);
            char wk[64];
            size_t wkl = l0 ? S_key(w0, l0, wk, sizeof wk) : 0;
            named = wkl && wkl == fkl - f0 && memcmp(wk, fk + f0, wkl) == 0 &&
                    ((l1 == 1 && w1[0] == '&') || (l1 == 3 && cd_eq_nocase(w1, 3, "and")));
        }
        if (!named || cd_wordset_has(&cd_list_section_broad, txt, tl))
            continue;
        /* A relative link whose text is the folder's name in lower case is
         * a path's crumb, not a desk's name ("tokio" for "../index.html"
         * over a docs tree, wcxb-dev 4398). */
        if (rel) {
            int upper = 0;
            for (size_t j = 0; j < tl && !upper; j++)
                upper = txt[j] >= 'A' && txt[j] <= 'Z';
            if (!upper) continue;
        }
        const char *v = S_desk(c, m, page_url, txt, tl);
        if (!v || S_masthead(v) || S_site_desk(c, m, v))
            continue;
        best = v, best_rank = rank;
    }
    if (best && S_site_folder_name(c, best)) return NULL;
    if (best) return best;
    /* No link names it, but a label classed as the section's over the story
     * spells the page's own folder ("<td class=section-name>Illinois</td>"
     * on /articles/2007/12/29/sports/college/illinois/doc….txt). */
    size_t fs = ppl;
    while (fs && pp[fs - 1] == '/')
        fs--;
    size_t fe = fs;
    while (fs && pp[fs - 1] != '/')
        fs--;
    char fk[64];
    size_t fkl = S_key(pp + fs, fe - fs, fk, sizeof fk);
    if (fkl < 3) return NULL;
    for (cd_nid i = 1; i < dom->count; i++) {
        const cd_node *nd = cd_dom_node(dom, i);
        if (nd->type != CD_NODE_ELEMENT || nd->tag == CD_TAG_A || !nd->first ||
            !cd_meta_class_has(c, i, cd_list_class_kicker))
            continue;
        size_t tl;
        char *txt = cd_meta_node_text(c, i, 64, &tl);
        char tk[64];
        size_t tkl = txt && tl <= 32 ? S_key(txt, tl, tk, sizeof tk) : 0;
        if (tkl != fkl || memcmp(tk, fk, fkl) != 0 || cd_wordset_has(&cd_list_section_broad, txt, tl)) continue;
        const char *v = S_desk(c, m, page_url, txt, tl);
        if (v && !S_site_named(c, v) && !S_news_flow(c, v)) return v;
    }
    return NULL;
}

/* The section a menu marks as the page's own: the last element classed so
 * ("current", "active", "selected": class-current.txt) that is one link or
 * holds one link and nothing else, its text a desk label of one to three
 * words, not the site's whole news area. */
/* Does "cur", "activ" or "select" (any case) start at s[i] (i < n)? */
static inline int S_state_at(const char *s, size_t n, size_t i)
{
    switch (s[i] | 0x20) {
    case 'c':
        return i + 3 <= n && cd_eq_nocase(s + i, 3, "cur");
    case 'a':
        return i + 5 <= n && cd_eq_nocase(s + i, 5, "activ");
    case 's':
        return i + 6 <= n && cd_eq_nocase(s + i, 6, "select");
    default:
        return 0;
    }
}

/* Does s[0..n) contain "cur", "activ" or "select" (any case)? One pass,
 * the three tested where their first letter stands. */
static int S_names_state(const char *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__) && defined(__GNUC__)
    /* Sixteen places at a time: only where "cu", "ac" or "se" (any case)
     * starts is a word looked at. */
    const __m128i lc = _mm_set1_epi8(0x20);
    for (; i + 17 <= n; i += 16) {
        __m128i a = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), lc);
        __m128i b = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i + 1)), lc);
        __m128i m = _mm_or_si128(
            _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8('c')), _mm_cmpeq_epi8(b, _mm_set1_epi8('u'))),
                         _mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8('a')), _mm_cmpeq_epi8(b, _mm_set1_epi8('c')))),
            _mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8('s')), _mm_cmpeq_epi8(b, _mm_set1_epi8('e'))));
        for (unsigned bits = (unsigned)_mm_movemask_epi8(m); bits; bits &= bits - 1) {
            size_t j = i + (size_t)__builtin_ctz(bits);
            if (S_state_at(s, n, j))
                return 1;
        }
    }
#endif
    for (; i + 3 <= n; i++) {
        if (S_state_at(s, n, i))
            return 1;
    }
    return 0;
}

/* Is href[0..n) a relative file name ("category_5_Sports.html": no scheme,
 * slash, "#", "?" or ":") other than the last segment of page_url? Without
 * a page URL, no. */
static int S_other_file(const char *href, size_t n, const char *page_url)
{
    while (n && cd_isspace((unsigned char)*href))
        href++, n--;
    while (n && cd_isspace((unsigned char)href[n - 1]))
        n--;
    if (!page_url || !n || href[0] == '#' || href[0] == '?' || href[0] == '.') return 0;
    size_t fl = 0;
    while (fl < n && href[fl] != '?' && href[fl] != '#') {
        if (href[fl] == '/' || href[fl] == ':' || href[fl] == '\\') return 0;
        fl++;
    }
    if (!fl) return 0;
    size_t ue, us = cd_url_last_segment(page_url, strlen(page_url), &ue);
    return !(ue - us == fl && memcmp(page_url + us, href, fl) == 0);
}

/* Is href[0..n) a path relative to the page's folder that opens with a
 * folder ("news/14", "sports/hockey/": a letter or digit first, a slash
 * before any ":", "?" or "#")? The Drupal menus of 2008 link so
 * (tests/spec/news/cjad-layton-afghan-role: li.active "National News" to
 * "news/14"). */
static int S_rel_folder(const char *href, size_t n)
{
    while (n && cd_isspace((unsigned char)*href))
        href++, n--;
    if (!n || !cd_isalnum((unsigned char)href[0])) return 0;
    for (size_t i = 1; i < n; i++) {
        if (href[i] == '/') return 1;
        if (href[i] == ':' || href[i] == '?' || href[i] == '#' || href[i] == '\\') return 0;
    }
    return 0;
}

static const char *S_nav_current(cd_meta_ctx *c, const cd_meta *m, const char *page_url)
{
    const cd_dom *dom = c->dom;
    const char *best = NULL;
    /* The substring test below per class key (the same class and id values):
     * 0 not yet, 1 no state, 2 a state. NULL without the index. */
    uint8_t *memo = NULL;
    if (dom->classes_indexed && (memo = cd_arena_alloc(c->arena, (size_t)dom->nclasses + 1)) != NULL)
        memset(memo, 0, (size_t)dom->nclasses + 1);
    for (cd_nid i = 1; i < dom->count; i++) {
        const cd_node *nd = cd_dom_node(dom, i);
        if (nd->type != CD_NODE_ELEMENT || (cd_tag_flags(nd->tag) & CD_TF_SKIP)) continue;
        uint32_t key = memo ? cd_dom_class_key(dom, i) : 0;
        if (memo && (!key || memo[key] == 1))
            continue; /* no class or id value, or none naming a state */
        size_t cl = 0, il = 0;
        const char *cls = cd_dom_attr(dom, i, "class", &cl), *ids = cd_dom_attr(dom, i, "id", &il);
        /* Most elements name no state at all: a substring test spares them
         * the class-word split. */
        if (!memo || !memo[key]) {
            int named = (cls && S_names_state(cls, cl)) || (ids && S_names_state(ids, il));
            if (memo)
                memo[key] = named ? 2 : 1;
            if (!named)
                continue;
        }
        /* "previousIsCurrent", "next-to-active" mark a neighbour; a language
         * switch's item names a language. */
        if (!cd_meta_class_has(c, i, cd_list_class_current) || cd_meta_class_has(c, i, cd_list_class_language) ||
            (cls && (cd_contains_nocase(cls, cl, "prev") || cd_contains_nocase(cls, cl, "next"))))
            continue;
        /* One link: the element itself, or the only link it holds. */
        cd_nid a = nd->tag == CD_TAG_A ? i : CD_NONE;
        unsigned links = 0, seen = 0;
        if (!a)
            for (cd_nid k = cd_dom_next(dom, i, i); k && seen < 24; k = cd_dom_next(dom, k, i), seen++)
                if (cd_dom_is(dom, k, CD_TAG_A)) a = k, links++;
        if (!a || links > 1 || seen >= 24) continue;
        /* A link to a page of the site ("/sports/", "http://…/World/"): a
         * tab of a teaser box ("#", "javascript:", no href) switches a box,
         * a relative file name is often the page itself. */
        size_t hrl, hl, pl, ol;
        const char *href = cd_dom_attr(dom, a, "href", &hrl), *h, *pp;
        if (!href || cd_dom_attr(dom, a, "onclick", &ol)) continue;
        if (!S_host_path(href, hrl, &h, &hl, &pp, &pl) || !pl) {
            /* A relative file name ("category_23_Specials.html") names
             * another page when the page's own file is known and differs
             * (tests/spec/news/efluxmedia-weinstein-writers). */
            if (!S_other_file(href, hrl, page_url) && !S_rel_folder(href, hrl)) continue;
        }
        /* The state marks one item: a class every item of the menu carries
         * ("<li><a class=activeanchor>" on each) is no state. */
        cd_nid item = i;
        if (nd->tag == CD_TAG_A && nd->parent && cd_dom_is(dom, nd->parent, CD_TAG_LI)) item = nd->parent;
        int same = 0;
        for (int dir = 0; dir < 2 && !same && cls; dir++) {
            cd_nid sib = dir ? cd_dom_node(dom, item)->next : cd_dom_node(dom, item)->prev;
            while (sib && cd_dom_node(dom, sib)->type != CD_NODE_ELEMENT)
                sib = dir ? cd_dom_node(dom, sib)->next : cd_dom_node(dom, sib)->prev;
            /* The neighbour itself, or its link when the state is on links. */
            cd_nid cmp = sib;
            if (sib && item != i)
                for (cmp = cd_dom_node(dom, sib)->first; cmp && !cd_dom_is(dom, cmp, CD_TAG_A);)
                    cmp = cd_dom_node(dom, cmp)->next;
            size_t sl;
            const char *sc = cmp ? cd_dom_attr(dom, cmp, "class", &sl) : NULL;
            same = sc && sl == cl && memcmp(sc, cls, cl) == 0;
        }
        if (same) continue;
        size_t tl, al;
        char *txt = cd_meta_node_text(c, i, 64, &tl);
        char *at = cd_meta_node_text(c, a, 64, &al);
        if (!txt || !at || tl != al || tl > 32 || S_word_count(txt, tl) > 3 ||
            cd_wordset_has(&cd_list_section_broad, txt, tl))
            continue;
        const char *v = S_desk(c, m, page_url, txt, tl);
        if (v && !S_site_named(c, v) && !S_news_flow(c, v)) best = v;
    }
    return best;
}

/* ---- the menu link keyed by the page's own section id ----------------- */

#define S_SID_MAX 16u /* digits of a section id, at most */

/* Is the query parameter name q[0..n) a section's id ("SectionID",
 * "section_id", "secid", "catid", "category_id"; case, "_" and "-" aside)? */
static int S_sid_name(const char *q, size_t n)
{
    char k[16];
    size_t kl = 0;
    for (size_t i = 0; i < n; i++) {
        if (q[i] == '_' || q[i] == '-') continue;
        if (kl == sizeof k) return 0;
        k[kl++] = (char)(q[i] | 0x20);
    }
    static const char *const names[] = {"sectionid", "secid", "catid", "categoryid"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (kl == strlen(names[i]) && memcmp(k, names[i], kl) == 0) return 1;
    return 0;
}

/* The query of u[0..n) ("a=1&b=2", "&amp;" read as "&"): the value of its
 * section-id parameter (digits only) into v and vl, and in *others the number
 * of its other parameters whose value is all digits (an article's id).
 * 0 when it has no section id. */
static int S_sid_of(const char *u, size_t n, const char **v, size_t *vl, unsigned *others)
{
    size_t q = 0;
    while (q < n && u[q] != '?' && u[q] != '#')
        q++;
    if (q >= n || u[q] != '?') return 0;
    int found = 0;
    *others = 0;
    for (size_t i = q + 1; i < n && u[i] != '#';) {
        size_t ns = i;
        while (i < n && u[i] != '=' && u[i] != '&' && u[i] != '#')
            i++;
        size_t ne = i, vs = i, ve = i;
        if (i < n && u[i] == '=') {
            vs = ++i;
            while (i < n && u[i] != '&' && u[i] != '#')
                i++;
            ve = i;
        }
        if (i < n && u[i] == '&') i++;
        if (ne - ns >= 4 && cd_eq_nocase(u + ns, 4, "amp;")) ns += 4;
        size_t d = vs;
        while (d < ve && cd_isdigit((unsigned char)u[d]))
            d++;
        int digits = ve > vs && d == ve && ve - vs <= S_SID_MAX;
        if (!digits) continue;
        if (!found && S_sid_name(u + ns, ne - ns))
            *v = u + vs, *vl = ve - vs, found = 1;
        else
            (*others)++;
    }
    return found;
}

/* Does u[0..n) hold the digits d[0..dl) as a whole number (no digit on
 * either side)? */
static int S_has_number(const char *u, size_t n, const char *d, size_t dl)
{
    for (size_t i = 0; i + dl <= n; i++)
        if (memcmp(u + i, d, dl) == 0 && (i == 0 || !cd_isdigit((unsigned char)u[i - 1])) &&
            (i + dl == n || !cd_isdigit((unsigned char)u[i + dl])))
            return 1;
    return 0;
}

/* The section a site's menu links to by the page's own section id: the
 * page's address carries "SectionID=4069" (its URL's query, or the form
 * that posts the page back to itself, "ViewArticle.aspx?SectionID=4069&
 * ArticleID=3663034" on a page whose URL ends ".3663034.jp"), and a link
 * to the section's front ("sectionhome.aspx?sectionID=4069", no other
 * numeric id) names it: a desk label of one to three words. Links with
 * different names (a top menu's "UK Sport", the side menu's "National
 * Sport") are settled by the page's folder (/nationalsport/), else none is
 * taken (tests/spec/news/halifaxcourier-gill-glazers, chesterstandard-
 * glastonbury-tickets, marketrasen-india-control). */
static const char *S_nav_section_id(cd_meta_ctx *c, const cd_meta *m, const char *page_url)
{
    const cd_dom *dom = c->dom;
    if (!page_url) return NULL;
    size_t ul = strlen(page_url), sl = 0;
    const char *sid = NULL;
    unsigned others;
    if (!S_sid_of(page_url, ul, &sid, &sl, &others)) {
        for (cd_nid i = 1; i < dom->count && !sid; i++) {
            if (!cd_dom_is(dom, i, CD_TAG_FORM)) continue;
            size_t al;
            const char *act = cd_dom_attr(dom, i, "action", &al), *v;
            size_t vl;
            if (!act || al > 512 || !S_sid_of(act, al, &v, &vl, &others)) continue;
            /* The form's address is the page's: another of its numbers
             * stands in the page's URL. */
            int own = 0;
            size_t q = 0;
            while (q < al && act[q] != '?')
                q++;
            for (size_t k = q; k < al && !own;) {
                while (k < al && !cd_isdigit((unsigned char)act[k]))
                    k++;
                size_t ds = k;
                while (k < al && cd_isdigit((unsigned char)act[k]))
                    k++;
                own = k - ds >= 4 && !(act + ds == v) && S_has_number(page_url, ul, act + ds, k - ds);
            }
            if (own) sid = v, sl = vl;
        }
    }
    if (!sid) return NULL;
    const char *ph, *pp;
    size_t phl = 0, ppl = 0;
    if (!S_host_path(page_url, ul, &ph, &phl, &pp, &ppl)) ph = NULL, phl = 0;
    /* The page's folder, as a key ("/nationalsport/x.jp": "nationalsport"). */
    char fk[64];
    size_t fkl = 0;
    if (ph) {
        size_t fe = ppl;
        while (fe && pp[fe - 1] != '/')
            fe--;
        while (fe && pp[fe - 1] == '/')
            fe--;
        size_t fs = fe;
        while (fs && pp[fs - 1] != '/')
            fs--;
        fkl = S_key(pp + fs, fe - fs, fk, sizeof fk);
    }
    const char *first = NULL, *folder = NULL;
    int differ = 0;
    for (cd_nid i = 1; i < dom->count; i++) {
        if (!cd_dom_is(dom, i, CD_TAG_A)) continue;
        size_t hrl, vl, hl, pl;
        const char *href = cd_dom_attr(dom, i, "href", &hrl), *v, *h, *p;
        if (!href || hrl > 512 || !S_sid_of(href, hrl, &v, &vl, &others) || others || vl != sl ||
            memcmp(v, sid, sl) != 0)
            continue;
        /* Another site's section of the same number is not the page's. */
        if (phl && S_host_path(href, hrl, &h, &hl, &p, &pl) && hl && !cd_meta_eq_nocase(h, hl, ph, phl)) continue;
        size_t tl;
        char *txt = cd_meta_node_text(c, i, 64, &tl);
        if (!txt || !tl || tl > 32 || S_word_count(txt, tl) > 3 || cd_wordset_has(&cd_list_section_broad, txt, tl))
            continue;
        const char *d = S_desk(c, m, page_url, txt, tl);
        if (!d || S_site_named(c, d) || S_news_flow(c, d) ||
            (m->site_name && cd_meta_site_like(d, strlen(d), m->site_name, strlen(m->site_name))))
            continue;
        char tk[64];
        size_t tkl = S_key(d, strlen(d), tk, sizeof tk);
        if (!first)
            first = d;
        else if (!cd_meta_eq_nocase(first, strlen(first), d, strlen(d)))
            differ = 1;
        if (!folder && tkl && tkl == fkl && memcmp(tk, fk, tkl) == 0) folder = d;
    }
    return folder ? folder : differ ? NULL : first;
}

#define S_TAG_CAT_UP 5u       /* levels above a category link the headline may share */
#define S_TAG_CAT_NODES 3000u /* nodes of such a block looked at, at most */

/* The story's category linked among its tags (meta/section: a rel=tag
 * link into a "/category/" folder, in the article): a desk label of one to
 * three words, not the site's name. */
static const char *S_tag_category(cd_meta_ctx *c, const cd_meta *m, const char *page_url)
{
    const cd_meta_cand *list[1];
    if (!cd_meta_collect(c, CD_MF_SECTION, CD_MS_HTML, 1, list, 1)) return NULL;
    if (!m->title || list[0]->len > 48 || S_word_count(list[0]->s, list[0]->len) > 6) return NULL;
    /* The story's own line: the link and the headline share a block a few
     * levels up (a grid of other posts after the story, each with its
     * category, does not: wcxb-dev 4365's "Related Posts", 4682). */
    const cd_dom *dom = c->dom;
    size_t tl = strlen(m->title);
    int near = 0;
    cd_nid p = cd_dom_node(dom, list[0]->pos)->parent;
    for (unsigned up = 0; p && up < S_TAG_CAT_UP && !near; up++, p = cd_dom_node(dom, p)->parent) {
        unsigned seen = 0;
        for (cd_nid k = cd_dom_next(dom, p, p); k && seen < S_TAG_CAT_NODES && !near;
             k = cd_dom_next(dom, k, p), seen++) {
            const cd_node *nd = cd_dom_node(dom, k);
            near = nd->type == CD_NODE_ELEMENT && (cd_tag_flags(nd->tag) & CD_TF_HEADING) &&
                   S_text_is(dom, k, m->title, tl);
        }
    }
    if (!near) return NULL;
    const char *v = S_desk(c, m, page_url, list[0]->s, list[0]->len);
    return v && !S_site_named(c, v) && !S_news_flow(c, v) ? v : NULL;
}

/* The category a blog's entry line names after its author ("By <a>Jane
 * Doe</a> in <a>News</a> | Link | Comments", "Posted by Jane Doe in
 * Politics"): the link right after " in " that follows a link naming one of
 * the authors. */
static const char *S_byline_category(cd_meta_ctx *c, const cd_meta *m, const char *page_url)
{
    const cd_dom *dom = c->dom;
    if (!m->nauthors) return NULL;
    for (cd_nid i = 1; i < dom->count; i++) {
        const cd_node *nd = cd_dom_node(dom, i);
        if (nd->type != CD_NODE_TEXT || nd->len > 160) continue;
        /* The link first: most texts are followed by none. */
        cd_nid a = nd->prev, b = nd->next;
        if (!b || !cd_dom_is(dom, b, CD_TAG_A)) continue;
        const char *v = nd->u.text;
        size_t l = nd->len;
        while (l && cd_isspace((unsigned char)v[l - 1]))
            l--;
        if (l < 2 || !cd_eq_nocase(v + l - 2, 2, "in") || (l > 2 && !cd_isspace((unsigned char)v[l - 3]))) continue;
        int named = 0;
        if (nd->len <= 8) {
            while (l && cd_isspace((unsigned char)*v))
                v++, l--;
            if (l != 2 || !a || !cd_dom_is(dom, a, CD_TAG_A)) continue;
            size_t al;
            char *who = cd_meta_node_text(c, a, 128, &al);
            for (size_t k = 0; who && k < m->nauthors && !named; k++)
                named = cd_meta_eq_nocase(who, al, m->authors[k], strlen(m->authors[k]));
        } else {
            /* The line as one text, the writer unlinked: "Posted by NAME on
             * DATE in <a>Games</a>" (Movable Type, l3s xboxer-soul-calibur-
             * star-wars): "by " and an author's name in it, the text alone
             * in its element but for the link(s) after it. */
            if (a) continue;
            char *t = cd_meta_clean(c->arena, v, l, &l);
            if (!t || l < 8) continue;
            for (size_t k = 0; k < m->nauthors && !named; k++) {
                char by[128];
                int bn = snprintf(by, sizeof by, "by %s ", m->authors[k]);
                named = bn > 4 && (size_t)bn < sizeof by && cd_contains_nocase(t, l, by);
            }
        }
        if (!named) continue;
        size_t bl;
        char *cat = cd_meta_node_text(c, b, 64, &bl);
        if (!cat || bl > 32 || S_word_count(cat, bl) > 3) continue;
        const char *s = S_desk(c, m, page_url, cat, bl);
        if (s && !S_site_named(c, s)) return s;
    }
    return NULL;
}

/* A labelled category line, "<b>Category :</b> <a>India (Sports)</a>",
 * "Section: <a>Business</a>" (a lead of section-leads.txt alone in a text,
 * its spaces collapsed, the link right after it or after its element): the
 * link's text, once, outside menus and lists of other stories. */
static const char *S_label_category(cd_meta_ctx *c, const cd_meta *m, const char *page_url)
{
    const cd_dom *dom = c->dom;
    /* The leads' last bytes (lower case): a text whose last byte but
     * spaces is none of them is no lead, and is not copied. */
    uint32_t last[8] = {0};
    for (size_t k = 0; cd_list_section_leads[k]; k++) {
        size_t l = strlen(cd_list_section_leads[k]);
        unsigned char e = l ? (unsigned char)cd_tolower((unsigned char)cd_list_section_leads[k][l - 1]) : 0;
        last[e >> 5] |= 1u << (e & 31);
    }
    for (cd_nid i = 1; i < dom->count; i++) {
        const cd_node *nd = cd_dom_node(dom, i);
        if (nd->type != CD_NODE_TEXT || nd->len > 64) continue;
        size_t te = nd->len;
        while (te && cd_isspace((unsigned char)nd->u.text[te - 1]))
            te--;
        unsigned char e = te ? (unsigned char)cd_tolower((unsigned char)nd->u.text[te - 1]) : 0;
        if (!(last[e >> 5] & (1u << (e & 31)))) continue;
        char b[24];
        size_t bl = 0;
        for (size_t k = 0; k < nd->len && bl < sizeof b; k++) {
            unsigned char ch = (unsigned char)nd->u.text[k];
            if (!cd_isspace(ch)) b[bl++] = (char)ch;
            else if (bl && b[bl - 1] != ' ') b[bl++] = ' ';
        }
        if (bl == sizeof b || bl < 3) continue;
        while (bl && b[bl - 1] == ' ')
            bl--;
        if (bl >= 2 && b[bl - 1] == ':' && b[bl - 2] == ' ') b[bl - 2] = ':', bl--;
        int lead = 0;
        for (size_t k = 0; cd_list_section_leads[k] && !lead; k++)
            lead = strlen(cd_list_section_leads[k]) == bl && cd_eq_nocase(b, bl, cd_list_section_leads[k]);
        if (!lead) continue;
        /* The link after the text, or after the element the text fills. */
        cd_nid from = i;
        const cd_node *pn = cd_dom_node(dom, nd->parent);
        if (nd->parent && pn->first == i && !nd->next && pn->type == CD_NODE_ELEMENT && pn->tag != CD_TAG_A)
            from = nd->parent;
        cd_nid a = cd_dom_node(dom, from)->next;
        while (a && cd_dom_node(dom, a)->type == CD_NODE_TEXT && !cd_meta_clean(c->arena, cd_dom_node(dom, a)->u.text,
                                                                               cd_dom_node(dom, a)->len, NULL))
            a = cd_dom_node(dom, a)->next;
        if (!a || !cd_dom_is(dom, a, CD_TAG_A)) return NULL;
        /* "Filed Under: <a rel="tag">Afghanistan</a>, <a rel="tag">…": a
         * list of links the page marks as tags (rel="tag" without
         * "category") names the story's subjects, not its desk (cleanportaleval
         * tv.msnbc.com, whose menu's current item names the desk). WordPress's
         * categories say rel="category tag" and stay, and so does one tag
         * link alone (a shop's "Category: <a rel=tag>", wcxb 0593). */
        size_t rl;
        const char *rel = cd_dom_attr(dom, a, "rel", &rl);
        if (rel && cd_meta_word_in(rel, rl, "tag") && !cd_meta_word_in(rel, rl, "category")) {
            cd_nid nx = cd_dom_node(dom, a)->next;
            if (nx && cd_dom_node(dom, nx)->type == CD_NODE_TEXT && cd_dom_node(dom, nx)->len <= 3)
                nx = cd_dom_node(dom, nx)->next;
            if (nx && cd_dom_is(dom, nx, CD_TAG_A)) return NULL;
        }
        for (cd_nid q = cd_dom_node(dom, a)->parent, up = 0; q && up < 8; q = cd_dom_node(dom, q)->parent, up++)
            if (cd_dom_is(dom, q, CD_TAG_NAV) || cd_meta_class_has(c, q, cd_list_class_menu) ||
                cd_meta_class_has(c, q, cd_list_class_other_stories))
                return NULL;
        size_t tl;
        char *cat = cd_meta_node_text(c, a, 256, &tl);
        if (!cat || tl > 40 || S_word_count(cat, tl) > 3) return NULL;
        const char *v = S_desk(c, m, page_url, cat, tl);
        return v && !S_site_named(c, v) && !S_news_flow(c, v) ? v : NULL;
    }
    return NULL;
}

/* Is a named <meta>'s value a keyword list, five items or more ("radio,
 * nouvelles, information, info690, info 690, ondes" as <meta
 * name=Category>, l3s 940montreal-gainey-faceoffs)? No desk: the first
 * item is no section. */
static int S_keyword_list(const char *s, size_t n)
{
    unsigned commas = 0;
    for (size_t i = 0; i < n; i++)
        commas += s[i] == ',';
    return commas >= 4;
}

/* Is v the name of a crumb of trail t that comes before the crumb named
 * deep (v a desk above it)? */
static int S_crumb_above(const cd_meta_crumbs *t, const char *v, const char *deep)
{
    size_t vl = strlen(v), dl = strlen(deep);
    int above = 0;
    for (unsigned i = 0; i < t->n; i++) {
        if (!t->name[i]) continue;
        size_t l = strlen(t->name[i]);
        if (cd_meta_eq_nocase(t->name[i], l, v, vl)) above = 1;
        else if (above && cd_meta_eq_nocase(t->name[i], l, deep, dl)) return 1;
    }
    return 0;
}

/* On a page with no h1 the headline is a lower heading ("<div
 * class=intro><h2>headline</h2>" under a panel header naming its desk, l3s
 * sbs-baghdatis-fans): the label over it is looked for as over an h1
 * (meta/section's kicker, which the walk ran on the first h1 only). */
/* The headline of a page with no h1: the first h2 or h3 whose text is the
 * title, else the outermost element (a few levels up) over the first text
 * opening with the title whose whole text is the title: a headline set in
 * a table cell or a font ("<td class=articleheaderfont>", l3s 3e992547),
 * not a link, a list item or the <title> (CD_NONE when none, or the page
 * has an h1). Texts are matched on their first bytes before any element's
 * text is built (pages with an h1 before the story would pay for every
 * element otherwise: +1.0 % on p200). */
static cd_nid S_headline_heading_as(cd_meta_ctx *c, const cd_meta *m, int past_h1)
{
    if (!m->title) return CD_NONE;
    const cd_dom *dom = c->dom;
    size_t tl = strlen(m->title);
    for (cd_nid i = 1; i < dom->count; i++) {
        const cd_node *nd = cd_dom_node(dom, i);
        if (nd->type != CD_NODE_ELEMENT) continue;
        if (nd->tag == CD_TAG_H1 && !past_h1) return CD_NONE; /* the walk looked over it */
        if ((nd->tag == CD_TAG_H2 || nd->tag == CD_TAG_H3) && S_text_is(dom, i, m->title, tl))
            return i;
    }
    /* No heading holds it: the outermost element over a text that opens
     * with the title's first bytes whose whole text is the title. */
    size_t pre = tl < 8 ? tl : 8;
    for (cd_nid i = 1; i < dom->count; i++) {
        const cd_node *nd = cd_dom_node(dom, i);
        if (nd->type != CD_NODE_TEXT) continue;
        const char *t = nd->u.text;
        size_t n = nd->len;
        while (n && cd_isspace((unsigned char)*t))
            t++, n--;
        if (n < pre) continue;
        size_t k = 0;
        while (k < pre && cd_tolower((unsigned char)t[k]) == cd_tolower((unsigned char)m->title[k]))
            k++;
        if (k < pre) continue;
        cd_nid best = CD_NONE;
        cd_nid p = nd->parent;
        for (unsigned up = 0; p && up < 6; up++, p = cd_dom_node(dom, p)->parent) {
            const cd_node *e = cd_dom_node(dom, p);
            if (e->type != CD_NODE_ELEMENT || e->tag == CD_TAG_BODY || e->tag == CD_TAG_TITLE ||
                !S_text_is(dom, p, m->title, tl))
                break;
            if (e->tag != CD_TAG_A && e->tag != CD_TAG_LI && e->tag != CD_TAG_OPTION &&
                !(cd_tag_flags(e->tag) & CD_TF_SKIP))
                best = p;
        }
        if (best) return best;
    }
    return CD_NONE;
}

static cd_nid S_headline_heading(cd_meta_ctx *c, const cd_meta *m)
{
    return S_headline_heading_as(c, m, 0);
}

/* The headline over which the labels of S_title_label_shown, S_date_label
 * and S_arrow_label are looked for: the first h1 when it holds the title,
 * else the headline as S_headline_heading finds it, an h1 that is not the
 * title passed (a box's "<h1>Tags</h1>" after the story, l3s
 * indiainteracts); else the first h1. */
static cd_nid S_story_head(cd_meta_ctx *c, const cd_meta *m)
{
    const cd_dom *dom = c->dom;
    cd_nid h1 = CD_NONE;
    for (cd_nid i = 1; i < dom->count && !h1; i++)
        if (cd_dom_is(dom, i, CD_TAG_H1)) h1 = i;
    if (!h1) return S_headline_heading(c, m);
    if (S_text_is(dom, h1, m->title, strlen(m->title))) return h1;
    cd_nid h = S_headline_heading_as(c, m, 1);
    return h ? h : h1;
}

static void S_kicker_over_heading(cd_meta_ctx *c, const cd_meta *m)
{
    const cd_meta_cand *list[1];
    if (!m->title || cd_meta_collect(c, CD_MF_SECTION, CD_MS_VISIBLE, 1, list, 1)) return;
    cd_nid head = S_headline_heading(c, m);
    if (head) cd_meta_news_kicker(c, head);
}

/* Is one of the path segments in p[0..end) a year ("/2008/")? */
static int S_year_folder(const char *p, const char *end)
{
    for (const char *q = p; q + 5 < end + 1; q++)
        if (q[0] == '/' && (q[1] == '1' || q[1] == '2') && cd_isdigit((unsigned char)q[2]) &&
            cd_isdigit((unsigned char)q[3]) && cd_isdigit((unsigned char)q[4]) && (q + 5 == end || q[5] == '/'))
            return 1;
    return 0;
}

/* Does key k[0..kl) equal the key of one part of url u past its host: a
 * folder of its path or a value of its query, read in parts at '/', '?',
 * '&', '=' and '#' ("Kerala" in "NewsItems.asp?…&Title=Kerala")? A folder
 * counts when a year folder follows it, the news archive's path
 * ("/copy2/livecopy/2008/01/14/story/"): a folder of a page filed by kind
 * ("/article/chart/story", wcxb-dev 0327's "Chart" over the headline) or of
 * a docs tree is no desk. */
static int S_url_spells(const char *u, const char *k, size_t kl)
{
    const char *h = strstr(u, "://");
    const char *q = h ? h + 3 : u;
    q += strcspn(q, "/?#");
    /* The path's last segment names the page itself ("/travel-insurance/"
     * under a label "Travel Insurance"): not a folder. */
    size_t pl = strcspn(q, "?#");
    while (pl && q[pl - 1] == '/')
        pl--;
    size_t last = pl;
    while (last && q[last - 1] != '/')
        last--;
    const char *end_path = q + last, *query = q + strcspn(q, "?#");
    while (*q) {
        while (*q && strchr("/?&=#", *q))
            q++;
        size_t n = strcspn(q, "/?&=#");
        char tk[64];
        size_t tkl = n < 64 ? S_key(q, n, tk, sizeof tk) : 0;
        if (tkl == kl && memcmp(tk, k, kl) == 0 && (q >= query || (q < end_path && S_year_folder(q + n, end_path))))
            return 1;
        q += n;
    }
    return 0;
}

/* The walk back from the headline over the texts a desk label may be
 * (S_url_label, S_title_label_shown, S_date_label): from k, at most
 * max_steps nodes back; each S_label_next gives the next text node that is
 * not blank and not inside a skipped element (script, style), and CD_NONE
 * past max_texts of them. */
typedef struct {
    cd_nid k;
    unsigned steps, texts, max_steps, max_texts;
} S_label_walk;

static cd_nid S_label_next(cd_meta_ctx *c, S_label_walk *w)
{
    const cd_dom *dom = c->dom;
    for (; w->k && w->steps < w->max_steps; w->k = cd_dom_prev(dom, w->k), w->steps++) {
        const cd_node *n = cd_dom_node(dom, w->k);
        if (n->type != CD_NODE_TEXT) continue;
        const cd_node *p = cd_dom_node(dom, n->parent);
        if (p->type == CD_NODE_ELEMENT && (cd_tag_flags(p->tag) & CD_TF_SKIP)) continue;
        if (!cd_meta_clean(c->arena, n->u.text, n->len, NULL)) continue;
        if (++w->texts > w->max_texts) return CD_NONE;
        cd_nid k = w->k;
        w->k = cd_dom_prev(dom, k);
        w->steps++;
        return k;
    }
    return CD_NONE;
}

/* Is id inside a menu: a <nav>, a list item, a menu-classed element, or
 * (links) a link? */
static int S_in_menu(cd_meta_ctx *c, cd_nid id, int links)
{
    const cd_dom *dom = c->dom;
    for (cd_nid a = id; a; a = cd_dom_node(dom, a)->parent)
        if (cd_dom_is(dom, a, CD_TAG_NAV) || cd_dom_is(dom, a, CD_TAG_LI) || (links && cd_dom_is(dom, a, CD_TAG_A)) ||
            cd_meta_class_has(c, a, cd_list_class_menu))
            return 1;
    return 0;
}

/* The desk label printed over the headline with no class naming it
 * ("<small>KERALA</small>" in the cell over the headline, its date beside
 * it: l3s newindpress-rsp-own-policy), confirmed by the page's URL, a folder
 * of which (not the page's own last segment) or a value of its query spells
 * it: one of the last S_URL_LABEL_TEXTS texts before the headline, one to
 * four words, plain text (a link there is read by meta/section's
 * S_is_section_link; a crate's crumb "tokio" over the headline of docs.rs,
 * wcxb-dev 4398, is no desk), outside any menu. A label over the headline
 * alone is no desk (a name, a date, a box's heading: h/section22 counted
 * 230 at scale); the URL naming it is the site filing the page under it. */
static const char *S_url_label(cd_meta_ctx *c, const cd_meta *m, const char *page_url)
{
    const char *u = page_url && *page_url ? page_url : m->url;
    if (!u || !m->title) return NULL;
    const cd_dom *dom = c->dom;
    cd_nid head = CD_NONE;
    for (cd_nid i = 1; i < dom->count && !head; i++)
        if (cd_dom_is(dom, i, CD_TAG_H1)) head = i;
    if (!head) head = S_headline_heading(c, m);
    if (!head) return NULL;
    S_label_walk w = {cd_dom_prev(dom, head), 0, 0, 64, S_URL_LABEL_TEXTS};
    for (cd_nid k; (k = S_label_next(c, &w));) {
        const cd_node *n = cd_dom_node(dom, k);
        size_t len;
        char *whole = cd_meta_node_text(c, n->parent, 49, &len);
        if (!whole || len < 2 || len > 32 || S_word_count(whole, len) > 4) continue;
        char tk[64];
        size_t tkl = S_in_menu(c, n->parent, 1) ? 0 : S_key(whole, len, tk, sizeof tk);
        if (tkl < 2 || !S_url_spells(u, tk, tkl) || cd_wordset_has(&cd_list_section_broad, whole, len)) continue;
        const char *v = S_desk(c, m, page_url, whole, len);
        if (!v || S_site_desk(c, m, v))
            return NULL;
        return v;
    }
    return NULL;
}

#define S_TITLE_PARTS 8u

/* The parts of the <title> t[0..tn) where a desk stands, as keys (letters
 * and digits, lower case): split at the separators " - ", " | ", ": ",
 * " > ", " :: ", " » ", " – ", " — " ("autosport.com - F1 News: headline"
 * holds "F1 News"), the whole <title>; a part between two others; or, of
 * two parts, either one when the headline hl is not in the <title>
 * ("Bangkok Post : SPORTS PLUS"). An end part beside the headline is the
 * site's place ("Weekend Coding Agent | TheFocus.AI Labs", wcxb-dev 0378),
 * and a part inside the headline's own span is the headline ("Travel
 * Insurance - Flight and Travel Insurance Quotes | GEICO", wcxb-dev 0112).
 * Returns how many keys it wrote (at most S_TITLE_PARTS). */
static size_t S_title_desk_parts(const char *t, size_t tn, const char *hl, char key[][64], size_t *kl)
{
    static const char *const seps[] = {" - ", " | ", ": ", " > ", " :: ", " \xC2\xBB ", " \xE2\x80\x93 ",
                                       " \xE2\x80\x94 "};
    size_t st[S_TITLE_PARTS + 1], en[S_TITLE_PARTS + 1], np = 0, from = 0, hst = 0, hen = 0, hn = strlen(hl);
    int inhead = 0;
    for (size_t i = 0; hn && i + hn <= tn && !inhead; i++)
        if (cd_tolower((unsigned char)t[i]) == cd_tolower((unsigned char)hl[0]) && cd_eq_nocase(t + i, hn, hl))
            inhead = 1, hst = i, hen = i + hn;
    for (size_t i = 0; i <= tn && np <= S_TITLE_PARTS; i++) {
        size_t sl = 0;
        if (i < tn && (t[i] == ' ' || t[i] == ':'))
            for (size_t s = 0; s < sizeof seps / sizeof seps[0] && !sl; s++) {
                size_t l = strlen(seps[s]);
                if (i + l <= tn && memcmp(t + i, seps[s], l) == 0) sl = l;
            }
        if (i < tn && !sl) continue;
        st[np] = from, en[np] = i, np++;
        if (i == tn) break;
        from = i + sl;
        i += sl - 1;
    }
    if (np > S_TITLE_PARTS) return 0;
    size_t nk = 0;
    for (size_t p = 0; p < np; p++) {
        if (inhead && st[p] < hen && en[p] > hst) continue;
        if (!(np == 1 || (p > 0 && p + 1 < np) || (np == 2 && !inhead))) continue;
        if (en[p] - st[p] >= 64) continue;
        kl[nk] = S_key(t + st[p], en[p] - st[p], key[nk], 64);
        if (kl[nk]) nk++;
    }
    return nk;
}

/* A desk label printed over the headline with no class naming it,
 * confirmed by the <title>, one part of which spells it ("<div
 * id=sctn_nm><a>LIFESTYLE &AMP; ENTERTAINMENT</a></div>" over a page whose
 * <title> is that name alone, l3s madison-diving-bell-review; "<b><font
 * class=boxes>F1 NEWS</font></b>" over the story under the <title>
 * "autosport.com - F1 News: headline", l3s autosport-heidfeld-bmw): one of
 * the last S_TITLE_LABEL_TEXTS texts before the headline, one to four
 * words, outside any nav / list item / menu-classed element, then the
 * usual guards (the site's name, the news area, the news flow). Like
 * S_url_label: a label alone is no desk (h/section22: 230 at scale, mostly
 * names, dates, boxes); the <title> naming it is the page filed under it. */
static const char *S_title_label_shown(cd_meta_ctx *c, const cd_meta *m, const char *page_url, cd_nid head)
{
    const cd_meta_cand *tt[1];
    if (!m->title || !cd_meta_collect(c, CD_MF_TITLE, CD_MS_TITLE, 0, tt, 1)) return NULL;
    char pk[S_TITLE_PARTS][64];
    size_t pkl[S_TITLE_PARTS], np = S_title_desk_parts(tt[0]->s, tt[0]->len, m->title, pk, pkl);
    if (!np) return NULL;
    const cd_dom *dom = c->dom;
    if (!head) return NULL;
    S_label_walk w = {cd_dom_prev(dom, head), 0, 0, S_TITLE_LABEL_STEPS, S_TITLE_LABEL_TEXTS};
    cd_nid last = CD_NONE;
    for (cd_nid k; (k = S_label_next(c, &w));) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->parent == last) continue;
        last = n->parent;
        size_t len;
        char *whole = cd_meta_node_text(c, n->parent, 49, &len);
        if (!whole || len < 2 || len > 32 || S_word_count(whole, len) > 4) continue;
        char tk[64];
        size_t tkl = S_in_menu(c, n->parent, 0) ? 0 : S_key(whole, len, tk, sizeof tk);
        int part = 0;
        for (size_t i = 0; i < np && !part && tkl >= 2; i++)
            part = pkl[i] == tkl && memcmp(pk[i], tk, tkl) == 0;
        if (!part || cd_wordset_has(&cd_list_section_broad, whole, len)) continue;
        /* A desk may hold a digit ("F1 News"): two signals name it. */
        const char *v = S_desk_as(c, m, page_url, whole, len, 1);
        if (!v || S_news_area(v) || S_same_text(v, m->title) || S_site_desk(c, m, v))
            continue;
        return v;
    }
    return NULL;
}

/* Does s[0..n) read as a date or a time of day: a date cd_meta_date_norm
 * reads, or two numbers joined by '/' or ':' ("08/01 13:27 CET", a story
 * line's date without its year)? */
static int S_date_like(const char *s, size_t n)
{
    char date[CD_META_DATE_LEN];
    if (cd_meta_date_norm(s, n, 1, 0, date)) return 1;
    for (size_t i = 1; i + 1 < n; i++)
        if ((s[i] == '/' || s[i] == ':') && cd_isdigit((unsigned char)s[i - 1]) && cd_isdigit((unsigned char)s[i + 1]))
            return 1;
    return 0;
}

/* A desk label printed over the headline beside the story's date ("<div
 * class=description><div class=left_inside>USA</div><div class=
 * right_inside>08/01 13:27 CET</div></div>" over the headline, l3s
 * euronews-obama-usurp): one of the last S_URL_LABEL_TEXTS texts before
 * the headline, one to three words, no digit, plain text outside menus,
 * whose next element (or text) after its own is where a date of the page
 * was read. The story's line (desk and date) over the headline. */
static const char *S_date_label(cd_meta_ctx *c, const cd_meta *m, const char *page_url, cd_nid head)
{
    const cd_meta_cand *dates[8];
    size_t nd = cd_meta_collect(c, CD_MF_DATE, CD_MS_VISIBLE, 1, dates, 8);
    if (!m->title) return NULL;
    const cd_dom *dom = c->dom;
    if (!head) return NULL;
    S_label_walk w = {cd_dom_prev(dom, head), 0, 0, 64, S_URL_LABEL_TEXTS};
    for (cd_nid k; (k = S_label_next(c, &w));) {
        const cd_node *n = cd_dom_node(dom, k);
        size_t len;
        /* The label fills its element ("Spotlight >> <font>Sports</font>" is
         * a trail's, l3s indiainteracts). */
        size_t tl;
        char *whole = cd_meta_node_text(c, n->parent, 33, &len), *own = cd_meta_clean(c->arena, n->u.text, n->len, &tl);
        if (!whole || !own || tl != len || len < 2 || len > 32 || S_word_count(whole, len) > 3) continue;
        int digit = 0;
        for (size_t i = 0; i < len && !digit; i++)
            digit = cd_isdigit((unsigned char)whole[i]);
        if (digit || S_in_menu(c, n->parent, 1)) continue;
        /* The next element or text after the label's element, blank texts passed. */
        cd_nid q = cd_dom_node(dom, n->parent)->next;
        while (q && cd_dom_node(dom, q)->type == CD_NODE_TEXT &&
               !cd_meta_clean(c->arena, cd_dom_node(dom, q)->u.text, cd_dom_node(dom, q)->len, NULL))
            q = cd_dom_node(dom, q)->next;
        /* The date in an element of its own beside the label's (a coupon
         * code run into a sale banner's text, "<u>staysharp</u> | Now -
         * 3/16", wcxb-dev 4122, is no story line), and the label a name
         * written with a capital. */
        int upper = 0;
        for (size_t i = 0; i < len && !upper; i++)
            upper = whole[i] >= 'A' && whole[i] <= 'Z';
        if (!q || cd_dom_node(dom, q)->type != CD_NODE_ELEMENT || !upper) continue;
        /* ... an element of a date's length (not the story's block below,
         * whose byline holds one: l3s indiainteracts). */
        cd_nid qe = cd_dom_next_skip(dom, q, 0);
        size_t ql;
        char *qt = cd_meta_node_text(c, q, 48, &ql);
        if (!qt || ql > 40) continue;
        int dated = S_date_like(qt, ql);
        for (size_t i = 0; i < nd && !dated; i++)
            dated = dates[i]->pos >= q && (!qe || dates[i]->pos < qe);
        if (!dated || cd_wordset_has(&cd_list_section_broad, whole, len)) continue;
        const char *v = S_desk(c, m, page_url, whole, len);
        if (!v || S_news_area(v) || S_site_desk(c, m, v))
            return NULL;
        return v;
    }
    return NULL;
}

/* Does text s[0..n) end with a trail's arrow (">", ">>", "»", "›") after
 * a word ("Spotlight >>")? */
static int S_arrow_end(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    n = cd_rtrim_nbsp(s, n);
    size_t e = n;
    while (e && u[e - 1] == '>')
        e--;
    if (e == n && n >= 2 && u[n - 2] == 0xC2 && u[n - 1] == 0xBB) e = n - 2;
    if (e == n && n >= 3 && u[n - 3] == 0xE2 && u[n - 2] == 0x80 && u[n - 1] == 0xBA) e = n - 3;
    if (e == n || n - e > 3) return 0;
    while (e && u[e - 1] == ' ')
        e--;
    return e && (cd_isalnum(u[e - 1]) || u[e - 1] >= 0x80);
}

/* The last crumb of a trail with no links printed right over the headline
 * ("<b>Spotlight >> <font class=sideheading>Sports</font></b>" over the
 * headline, l3s indiainteracts-harbhajan-punjabi): the last text before
 * the headline, one to three words, plain text outside menus, after a
 * text that ends with an arrow after a word. */
static const char *S_arrow_label(cd_meta_ctx *c, const cd_meta *m, const char *page_url, cd_nid head)
{
    if (!m->title) return NULL;
    const cd_dom *dom = c->dom;
    if (!head) return NULL;
    unsigned steps = 0;
    cd_nid label = CD_NONE;
    for (cd_nid k = cd_dom_prev(dom, head); k && steps < 32; k = cd_dom_prev(dom, k), steps++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type != CD_NODE_TEXT) continue;
        const cd_node *p = cd_dom_node(dom, n->parent);
        if (p->type == CD_NODE_ELEMENT && (cd_tag_flags(p->tag) & CD_TF_SKIP)) continue;
        size_t len;
        char *t = cd_meta_clean(c->arena, n->u.text, n->len, &len);
        if (!t) continue;
        if (!label) {
            label = k;
            continue;
        }
        if (!S_arrow_end(t, len)) return NULL;
        n = cd_dom_node(dom, label);
        char *whole = cd_meta_clean(c->arena, n->u.text, n->len, &len);
        if (!whole || len < 2 || len > 32 || S_word_count(whole, len) > 3) return NULL;
        if (S_in_menu(c, n->parent, 1)) return NULL;
        if (cd_wordset_has(&cd_list_section_broad, whole, len)) return NULL;
        const char *v = S_desk(c, m, page_url, whole, len);
        if (!v || S_news_area(v) || S_site_desk(c, m, v))
            return NULL;
        return v;
    }
    return NULL;
}

#ifdef CD_DEBUG_NEWS_CANDS
/* Debug builds only (-DCD_DEBUG_NEWS_CANDS, with CD_NEWS_CANDS=ID set):
 * every section candidate the cascade of S_section could return, each
 * reader asked whatever came before it, one line per value on stderr:
 *   SECT ID ORD READER VALUE SITE_NAMED NEWS_FLOW PICKED
 * ORD is the reader's place in the cascade (lower is asked first). Read by
 * tools/cands_cv.py (issue #12: would a learned chooser beat the cascade?).
 * Asking every reader adds the label over the headline to the candidates
 * (S_kicker_over_heading): the other fields of such a build may differ. */
static void S_cand_print(const char *tag, int ord, const char *reader, const char *v, int a, int b, int picked)
{
    fprintf(stderr, "%s\t%s\t%d\t%s\t", tag, getenv("CD_NEWS_CANDS"), ord, reader);
    for (const char *q = v ? v : ""; *q; q++)
        fputc(*q == '\t' || *q == '\n' ? ' ' : *q, stderr);
    fprintf(stderr, "\t%d\t%d\t%d\n", a, b, picked);
}

static void S_section_cand(cd_meta_ctx *c, const cd_meta *m, int ord, const char *reader, const char *v)
{
    if (!v || !*v) return;
    S_cand_print("SECT", ord, reader, v, S_site_named(c, v), S_news_flow(c, v),
                 m->section && strcmp(m->section, v) == 0);
}

static void S_section_cands(cd_meta_ctx *c, cd_meta *m, const char *page_url, const char *ld, const char *vis)
{
    static const int srcs[] = {CD_MS_JSONLD, CD_MS_OG, CD_MS_META, CD_MS_MICRODATA};
    S_cand_print("SECTPICK", 0, m->section_source ? m->section_source : "", m->section, 0, 0, 1);
    for (size_t s = 0; s < sizeof srcs / sizeof srcs[0]; s++) {
        const cd_meta_cand *list[32];
        size_t n = cd_meta_collect(c, CD_MF_SECTION, srcs[s], 1, list, 32);
        for (size_t i = 0; i < n; i++) {
            const char *t = S_section_of(c, m, list[i]->s, list[i]->len, !(list[i]->flags & CD_MC_ONE),
                                         srcs[s] == CD_MS_JSONLD || srcs[s] == CD_MS_OG);
            S_section_cand(c, m, 1 + (int)s, srcs[s] == CD_MS_META && S_keyword_list(list[i]->s, list[i]->len)
                                                 ? "meta-keywords" : cd_meta_src_name(srcs[s]), t);
        }
    }
    S_section_cand(c, m, 5, "ld-crumb", ld);
    S_section_cand(c, m, 6, "crumb", vis);
    const cd_meta_cand *list[1];
    S_kicker_over_heading(c, m);
    if (cd_meta_collect(c, CD_MF_SECTION, CD_MS_VISIBLE, 1, list, 1))
        S_section_cand(c, m, 7, "kicker", S_section_of(c, m, list[0]->s, list[0]->len, 0, 0));
    S_section_cand(c, m, 8, "header-h1", S_header_h1(c, m, page_url));
    S_section_cand(c, m, 9, "label-category", S_label_category(c, m, page_url));
    S_section_cand(c, m, 10, "title", S_title_section(c, m, page_url));
    S_section_cand(c, m, 11, "byline-category", S_byline_category(c, m, page_url));
    S_section_cand(c, m, 12, "tag-category", S_tag_category(c, m, page_url));
    S_section_cand(c, m, 13, "url", S_url_section(c, m, page_url));
    S_section_cand(c, m, 14, "nav-current", S_nav_current(c, m, page_url));
    S_section_cand(c, m, 15, "nav-section-id", S_nav_section_id(c, m, page_url));
    S_section_cand(c, m, 16, "url-label", S_url_label(c, m, page_url));
    cd_nid head = m->title ? S_story_head(c, m) : CD_NONE;
    if (head) {
        S_section_cand(c, m, 17, "title-label-shown", S_title_label_shown(c, m, page_url, head));
        S_section_cand(c, m, 18, "date-label", S_date_label(c, m, page_url, head));
        S_section_cand(c, m, 19, "arrow-label", S_arrow_label(c, m, page_url, head));
    }
}
#endif

static void S_section(cd_meta_ctx *c, cd_meta *m, const char *page_url)
{
    /* With no h1, the trail read by its shape is looked for over the
     * headline heading (the walk looked over the first h1 only). */
    if (!c->vis_crumbs.seen) {
        cd_nid head = S_headline_heading(c, m);
        if (head) cd_meta_news_trail_near(c, head);
    }
    const char *ld = S_crumb_section(c, &c->ld_crumbs, m, page_url);
    const char *vis = S_crumb_section(c, &c->vis_crumbs, m, page_url);
#ifdef CD_DEBUG_NEWS_CANDS
    const char *ld_all = ld;
#endif
    /* A trail of one link (not the site's root) that gave none may give way
     * to a fuller one going through it. */
    if (!vis && c->vis_crumbs.n == 1 && !S_crumb_root(&c->vis_crumbs, 0, m->site_name)) {
        cd_meta_news_trail_again(c);
        vis = S_crumb_section(c, &c->vis_crumbs, m, page_url);
    }
    /* The trail the page shows goes deeper than its JSON-LD one ("Home >
     * Blog > Accidents & Incidents" over JSON-LD's "Home > Blog Index",
     * wcxb-dev 0298): the shown desk is the story's. */
    if (ld && vis && c->vis_crumbs.n > c->ld_crumbs.n) ld = NULL;
    /* ... or whose desk is the site's own area, named for the site ("Venteur
     * > Venteur Blog > headline" over the shown "All Posts > Healthcare",
     * wcxb-dev 0089): the shown desk is the story's. */
    if (ld && vis && c->ld_crumbs.n >= 2 && c->ld_crumbs.name[0]) {
        size_t hn = strlen(c->ld_crumbs.name[0]), dn = strlen(ld);
        if (hn >= 3 && dn > hn + 1 && ld[hn] == ' ' && cd_eq_nocase(ld, hn, c->ld_crumbs.name[0])) ld = NULL;
    }
    const char *crumb = ld ? ld : vis;
    static const int srcs[] = {CD_MS_JSONLD, CD_MS_OG, CD_MS_META, CD_MS_MICRODATA};
    const char *v = NULL;
    for (size_t s = 0; s < sizeof srcs / sizeof srcs[0] && !v; s++) {
        const cd_meta_cand *list[32];
        size_t n = cd_meta_collect(c, CD_MF_SECTION, srcs[s], 1, list, 32);
        /* A CMS lists a post's categories in alphabetical order: the one the
         * breadcrumb trail goes through is its section. */
        for (size_t i = 0; i < n && !v && crumb; i++) {
            const char *t = S_section_of(c, m, list[i]->s, list[i]->len, 0, 0);
            if (t && cd_meta_eq_nocase(t, strlen(t), crumb, strlen(crumb))) v = t;
            /* A slug the trail shows as a name ("get-started", "Get started"):
             * the name readers see. */
            if (!v && S_slug_eq(list[i]->s, list[i]->len, crumb)) v = crumb;
        }
        for (size_t i = 0; i < n && !v; i++)
            if (!(srcs[s] == CD_MS_META && S_keyword_list(list[i]->s, list[i]->len)))
                v = S_section_of(c, m, list[i]->s, list[i]->len, !(list[i]->flags & CD_MC_ONE),
                                 srcs[s] == CD_MS_JSONLD || srcs[s] == CD_MS_OG);
        m->section_source = cd_meta_src_name(srcs[s]);
        /* The value names a crumb above the trail's deepest desk ("Home &
         * Garden" in parsely-section, the trail Home & Garden > Indoor
         * Gardening, tests/spec/news/treehugger-low-light-plants): the
         * deeper desk the trail goes on to is the story's. A named <meta>
         * only (an analytics tag's channel): JSON-LD's articleSection is
         * the story's own statement, kept over a deeper crumb (popsugar-
         * amp-review, runnersworld-best-shoes). */
        if (v && crumb && srcs[s] == CD_MS_META && !cd_meta_eq_nocase(v, strlen(v), crumb, strlen(crumb)) &&
            (S_crumb_above(ld ? &c->ld_crumbs : &c->vis_crumbs, v, crumb))) {
            v = crumb;
            m->section_source = cd_meta_src_name(ld ? CD_MS_JSONLD : CD_MS_VISIBLE);
        }
    }
    if (!v && ld) {
        v = ld;
        m->section_source = cd_meta_src_name(CD_MS_JSONLD);
    }
    if (!v && vis) {
        v = vis;
        m->section_source = cd_meta_src_name(CD_MS_VISIBLE);
    }
    if (!v) {
        /* The label above the headline, unless it is the site's name. */
        const cd_meta_cand *list[1];
        S_kicker_over_heading(c, m);
        if (cd_meta_collect(c, CD_MF_SECTION, CD_MS_VISIBLE, 1, list, 1) &&
            !(m->site_name &&
              cd_meta_site_like(list[0]->s, list[0]->len, m->site_name, strlen(m->site_name))))
            v = S_section_of(c, m, list[0]->s, list[0]->len, 0, 0);
        if (!v) v = S_header_h1(c, m, page_url);
        if (v && S_site_named(c, v)) v = NULL;
        m->section_source = cd_meta_src_name(CD_MS_VISIBLE);
    }
    if (!v && (v = S_label_category(c, m, page_url)) != NULL) m->section_source = cd_meta_src_name(CD_MS_VISIBLE);
    if (!v && (v = S_title_section(c, m, page_url)) != NULL) m->section_source = cd_meta_src_name(CD_MS_TITLE);
    if (v && m->section_source && strcmp(m->section_source, "title") == 0 && (S_site_named(c, v) || S_news_flow(c, v)))
        v = NULL;
    if (!v && (v = S_byline_category(c, m, page_url)) != NULL) m->section_source = cd_meta_src_name(CD_MS_VISIBLE);
    if (!v && (v = S_tag_category(c, m, page_url)) != NULL) m->section_source = cd_meta_src_name(CD_MS_VISIBLE);
    if (!v && (v = S_url_section(c, m, page_url)) != NULL) m->section_source = "url";
    if (!v && (v = S_nav_current(c, m, page_url)) != NULL) m->section_source = cd_meta_src_name(CD_MS_VISIBLE);
    if (!v && (v = S_nav_section_id(c, m, page_url)) != NULL) m->section_source = cd_meta_src_name(CD_MS_VISIBLE);
    if (!v && (v = S_url_label(c, m, page_url)) != NULL) m->section_source = cd_meta_src_name(CD_MS_VISIBLE);
    /* The labels over the headline, confirmed by the <title>, a date beside
     * them or an arrow before them (the headline looked for once). */
    cd_nid head = v || !m->title ? CD_NONE : S_story_head(c, m);
    if (!v && head && (v = S_title_label_shown(c, m, page_url, head)) != NULL)
        m->section_source = cd_meta_src_name(CD_MS_VISIBLE);
    if (!v && head && (v = S_date_label(c, m, page_url, head)) != NULL)
        m->section_source = cd_meta_src_name(CD_MS_VISIBLE);
    if (!v && head && (v = S_arrow_label(c, m, page_url, head)) != NULL)
        m->section_source = cd_meta_src_name(CD_MS_VISIBLE);
    m->section = v;
    if (!v) m->section_source = NULL;
#ifdef CD_DEBUG_NEWS_CANDS
    if (getenv("CD_NEWS_CANDS")) S_section_cands(c, m, page_url, ld_all, vis);
#endif
}

/* ---- image --------------------------------------------------------------- */

static int S_has_scheme(const char *u)
{
    size_t n = u ? strlen(u) : 0;
    return (n >= 7 && cd_eq_nocase(u, 7, "http://")) || (n >= 8 && cd_eq_nocase(u, 8, "https://"));
}

/* Does the file name u[st..end) of an image say it is a logo, an icon or a site-wide
 * default ("logo.png", "apple-icon.png", "facebook-default-wide.jpg"), or is
 * it a vector drawing? A photo is never an SVG. */
static int S_name_logo_like(const char *u, size_t st, size_t end)
{
    if (end - st >= 4 && cd_eq_nocase(u + end - 4, 4, ".svg")) return 1;
    char prev[16] = "";
    for (size_t i = st; i < end;) {
        while (i < end && !cd_isalpha((unsigned char)u[i]))
            i++;
        size_t ws = i;
        /* camelCase starts a word too ("defaultPromoCrop"). */
        while (i < end && cd_isalpha((unsigned char)u[i]) &&
               !(i > ws && u[i] >= 'A' && u[i] <= 'Z' && u[i - 1] >= 'a' && u[i - 1] <= 'z'))
            i++;
        size_t wl = i - ws;
        if (wl && cd_wordset_has(&cd_list_image_logo_words, u + ws, wl) &&
            !cd_meta_eq_nocase(prev, strlen(prev), "no", 2))
            return 1; /* "…-no-logo.png" says the opposite */
        if (wl && wl < sizeof prev) {
            memcpy(prev, u + ws, wl);
            prev[wl] = '\0';
        }
    }
    return 0;
}

/* Is one of the folders of the path u[from..to) a logo or icon folder
 * (".../branding/logos/mark.jpg")? '/' may be written "%2F". */
static int S_dir_logo_like(const char *u, size_t from, size_t to)
{
    size_t st = from;
    for (size_t i = from; i < to; i++) {
        size_t sep = u[i] == '/' ? 1 : (to - i >= 3 && cd_eq_nocase(u + i, 3, "%2f")) ? 3 : 0;
        if (!sep) continue;
        if (i > st && cd_wordset_has(&cd_list_image_logo_dirs, u + st, i - st)) return 1;
        i += sep - 1;
        st = i + 1;
    }
    return 0;
}

static int S_logo_like(const char *u, size_t n)
{
    size_t end, st = cd_url_last_segment(u, n, &end);
    if (S_name_logo_like(u, st, end) || S_dir_logo_like(u, 0, end)) return 1;
    /* An image proxy ("/_next/image/?url=https%3A%2F%2F…%2Flogos%2Fmark.jpg&w=1200")
     * names the real file in its url parameter. */
    const char *q = end < n ? u + end : NULL;
    const char *p = q ? strstr(q, "url=") : NULL;
    if (!p) return 0;
    size_t from = (size_t)(p - u) + 4, to = from;
    while (to < n && u[to] != '&' && !(n - to >= 3 && cd_eq_nocase(u + to, 3, "%3f")))
        to++;
    size_t fs = to;
    while (fs > from && u[fs - 1] != '/' && !(fs - from >= 3 && cd_eq_nocase(u + fs - 3, 3, "%2f")))
        fs--;
    return (fs < to && S_name_logo_like(u, fs, to)) || S_dir_logo_like(u, from, to);
}

/* Has absolute URL u a host that can exist ("https://-/media/x.ashx" has
 * not)? A URL without a scheme is left alone. */
static int S_host_ok(const char *u)
{
    const char *h = strstr(u, "://");
    if (!h) return 1;
    h += 3;
    size_t n = strcspn(h, "/?#"), alnum = 0;
    for (size_t i = 0; i < n; i++)
        alnum += cd_isalnum((unsigned char)h[i]) != 0;
    return alnum > 0 && (memchr(h, '.', n) || cd_contains_nocase(h, n, "localhost"));
}

/* A CMS that prefixes the site to a URL that was already absolute
 * ("https://example.comhttps://cdn.example.net/a.jpg") leaves the real one
 * inside, before any query: it is taken from there. */
static char *S_unprefix(char *u, size_t *len)
{
    char *h = strstr(u, "://");
    if (!h) return u;
    h += 3;
    /* Inside the host only: an image proxy keeps its origin in the path. */
    size_t hl = strcspn(h, "/?#");
    for (size_t i = 1; i < hl; i++)
        if (cd_eq_nocase(h + i, 6, "http:/") || cd_eq_nocase(h + i, 7, "https:/")) {
            *len -= (size_t)(h + i - u);
            return h + i;
        }
    return u;
}

/* ref resolved against base (or as written without one), in the arena. */
static const char *S_resolve(cd_meta_ctx *c, const char *base, const char *ref, size_t n)
{
    cd_buf b;
    cd_buf_init(&b, c->arena->mem);
    cd_url_resolve(base, base ? strlen(base) : 0, ref, n, &b);
    const char *r = NULL;
    if (!b.failed && b.len) r = cd_arena_strndup(c->arena, b.data, b.len);
    cd_buf_free(&b);
    return r;
}

static void S_image(cd_meta_ctx *c, cd_meta *m, const char *page_url)
{
    const char *base = S_has_scheme(page_url) ? page_url : S_has_scheme(m->url) ? m->url : NULL;
    const char *logo = c->logo ? S_resolve(c, base, c->logo, strlen(c->logo)) : NULL;
    static const int srcs[] = {CD_MS_OG, CD_MS_JSONLD, CD_MS_TWITTER, CD_MS_HTML, CD_MS_MICRODATA};
    for (size_t s = 0; s < sizeof srcs / sizeof srcs[0]; s++) {
        const cd_meta_cand *list[32];
        size_t n = cd_meta_collect(c, CD_MF_IMAGE, srcs[s], 1, list, 32);
        for (size_t i = 0; i < n; i++) {
            size_t len;
            char *u = S_piece(c, list[i]->s, list[i]->len, &len);
            if (u) u = S_unprefix(u, &len);
            /* A value cut at the candidate cap is no longer a working URL. */
            if (!u || list[i]->len + 8 >= CD_META_MAX_VALUE || S_logo_like(u, len) ||
                cd_url_is_script(u, len) || (len >= 5 && cd_eq_nocase(u, 5, "data:")))
                continue;
            const char *r = S_resolve(c, base, u, len);
            if (!r || !S_host_ok(r) || (logo && strcmp(r, logo) == 0)) continue;
            m->image_url = r;
            m->image_source = cd_meta_src_name(srcs[s]);
            return;
        }
    }
}

/* ---- tags ---------------------------------------------------------------- */

/* Does tag t[0..n) name the site: its name, or a label of the page's host
 * ("boardgamegeek" on boardgamegeek.com)? */
static int S_tag_names_site(const cd_meta *m, const char *page_url, const char *t, size_t n)
{
    char kt[128], kh[128];
    size_t x = S_key(t, n, kt, sizeof kt);
    if (!x || x >= sizeof kt) return 0;
    if (m->site_name && S_key(m->site_name, strlen(m->site_name), kh, sizeof kh) == x &&
        memcmp(kh, kt, x) == 0)
        return 1;
    const char *urls[] = {page_url, m->url}, *lab;
    for (size_t u = 0; u < 2; u++)
        for (size_t at = 0, l; (l = cd_meta_host_label(urls[u], &at, &lab)) != 0;)
            if (l >= 4 && l == x && cd_meta_eq_nocase(lab, l, kt, x)) return 1;
    return 0;
}

/* Is t[0..n) a year ("2016"), a topic a news page tags, unlike other numbers
 * (an article id)? */
static int S_year_tag(const char *t, size_t n)
{
    return n == 4 && (t[0] == '1' || t[0] == '2') && cd_isdigit((unsigned char)t[1]) &&
           cd_isdigit((unsigned char)t[2]) && cd_isdigit((unsigned char)t[3]) &&
           (t[0] == '2' ? t[1] == '0' : t[1] == '9');
}

/* Does tag t[0..n) hold a sentence break, an unbalanced bracket or a
 * "key:value" pair? */
static int S_prose_piece(const char *t, size_t n)
{
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        /* "Lite:true", "LockedPostSource:NONE": a CMS's key and value. */
        if (t[i] == ':' && i > 0 && i + 1 < n && cd_isalnum((unsigned char)t[i - 1]) &&
            cd_isalnum((unsigned char)t[i + 1]))
            return 1;
        if (t[i] == '(' || t[i] == '[')
            depth++;
        else if (t[i] == ')' || t[i] == ']')
            depth--;
        if (depth < 0 ||
            (i + 1 < n && (t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' '))
            return 1;
    }
    return depth != 0;
}

/* Append the tags of one candidate (a comma or semicolon list) to m->tags.
 * A tag naming the site is dropped; with site_list, a list holding one is
 * the site's own keywords (the same on every page) and is dropped whole. */
static void S_tags_add(cd_meta_ctx *c, cd_meta *m, const char *page_url, const char *s, size_t len,
                       int site_list, int site_kw)
{
    const char *tags[CD_MAX_TAGS];
    size_t ntags = 0, i = 0;
    int bare = S_bare_commas(s, len);
    while (i < len && m->ntags + ntags < CD_MAX_TAGS) {
        size_t st = i;
        i = S_item_end(s, len, i, bare);
        size_t n;
        char *t = S_piece(c, s + st, i - st, &n);
        i++;
        /* Hashtags and quoted keywords: the word itself. */
        while (t && n && (*t == '#' || *t == '"' || *t == '\''))
            t++, n--;
        while (t && n && (t[n - 1] == '"' || t[n - 1] == '\''))
            t[--n] = '\0';
        /* Longer than a topic is a sentence, unless it is the headline
         * itself, which some CMSs list first among the keywords. */
        int headline = t && m->title && cd_meta_eq_nocase(t, n, m->title, strlen(m->title));
        if (!t || !n || n > S_TAG_MAX || (S_word_count(t, n) > S_TAG_WORDS && !headline) ||
            (!S_has_letter(t, n) && !S_year_tag(t, n)) || S_is_url(t, n))
            continue;
        /* A piece of prose cut at commas ("Miami to Rio). Finally"), or a
         * CMS word that names no topic. */
        char date[CD_META_DATE_LEN];
        if (S_prose_piece(t, n) || S_generic_word(t, n) || S_month_day(t, n) ||
            (cd_meta_date_norm(t, n, 1, 0, date) && !S_year_tag(t, n)))
            continue;
        /* The site's name among the article's own tags (article:tag, JSON-LD
         * keywords: "Folha de S.Paulo", "STAT+") is a tag the publisher gave
         * it; in a keywords meta it marks the site's list, or is padding. */
        if (site_kw && S_tag_names_site(m, page_url, t, n)) {
            if (site_list) return;
            continue;
        }
        int dup = 0;
        for (size_t k = 0; k < m->ntags && !dup; k++)
            dup = cd_meta_eq_nocase(m->tags[k], strlen(m->tags[k]), t, n);
        for (size_t k = 0; k < ntags && !dup; k++)
            dup = cd_meta_eq_nocase(tags[k], strlen(tags[k]), t, n);
        if (!dup) tags[ntags++] = t;
    }
    for (size_t k = 0; k < ntags; k++)
        m->tags[m->ntags++] = tags[k];
}

/* Is the list s[0..n) a CMS's internal labels: every item a lower-case slug
 * ("front-page", "vr-virtual-reality"), one of them holding an id of five
 * digits or more ("stream-23490979")? Parse.ly's tags are sometimes these
 * placement and stream keys rather than topics. */
static int S_slug_list(const char *s, size_t n)
{
    int id = 0;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == ' ' && i > 0 && s[i - 1] != ',') return 0; /* a name of words */
        if ((ch >= 'A' && ch <= 'Z') || ch >= 0x80) return 0;
        run = cd_isdigit(ch) ? run + 1 : 0;
        if (run >= 5) id = 1;
    }
    return id;
}

/* The first tier that gives tags, and within it the best-ranked kind only
 * (news_keywords, not news_keywords and keywords, which repeat each other).
 * Parse.ly's tags and dc.subject (META ranks 2-3) come after JSON-LD: they
 * mix internal labels ("Newsletter", "Ad Test") with the topics. */
static void S_tags(cd_meta_ctx *c, cd_meta *m, const char *page_url)
{
    static const struct {
        uint8_t src, min, max; /* ranks min..max of source src */
    } tiers[] = {{CD_MS_OG, 0, 255},   {CD_MS_META, 0, 1},        {CD_MS_JSONLD, 0, 255},
                 {CD_MS_META, 2, 255}, {CD_MS_MICRODATA, 0, 255}, {CD_MS_HTML, 0, 255}};
    for (size_t s = 0; s < sizeof tiers / sizeof tiers[0] && !m->ntags; s++) {
        const cd_meta_cand *list[CD_META_MAX_CANDS / 4];
        size_t n = cd_meta_collect(c, CD_MF_TAG, tiers[s].src, 1, list, sizeof list / sizeof list[0]);
        int rank = -1;
        for (size_t i = 0; i < n && m->ntags < CD_MAX_TAGS; i++) {
            if (list[i]->rank < tiers[s].min || list[i]->rank > tiers[s].max) continue;
            if (rank >= 0 && list[i]->rank != rank && m->ntags) break;
            /* Parse.ly's and dc.subject lists of slugs and ids name no topic. */
            if (tiers[s].src == CD_MS_META && list[i]->rank >= 2 && S_slug_list(list[i]->s, list[i]->len))
                continue;
            rank = list[i]->rank;
            /* <meta name=keywords> (META rank 1) is often the site's list. */
            int site_list = tiers[s].src == CD_MS_META && list[i]->rank == 1;
            S_tags_add(c, m, page_url, list[i]->s, list[i]->len, site_list,
                       tiers[s].src != CD_MS_OG && tiers[s].src != CD_MS_JSONLD);
        }
        if (m->ntags) m->tags_source = cd_meta_src_name(tiers[s].src);
    }
}

/* ---- deck and credit ------------------------------------------------------ */

/* The words of s (letters and digits, lower-cased ASCII; other bytes kept)
 * as offsets into s: at most max of them. */
static size_t S_word_spans(const char *s, size_t *st, size_t *ln, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; s[i] && n < max;) {
        while (s[i] && !(cd_isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80))
            i++;
        size_t b = i;
        while (s[i] && (cd_isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80))
            i++;
        if (i > b) st[n] = b, ln[n++] = i - b;
    }
    return n;
}

/* How many of a's words (of na) occur among b's? */
static size_t S_shared_words(const char *a, const size_t *as, const size_t *al, size_t na,
                             const char *b, const size_t *bs, const size_t *bl, size_t nb)
{
    size_t k = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (cd_meta_eq_nocase(a + as[i], al[i], b + bs[j], bl[j])) {
                k++;
                break;
            }
    return k;
}

/* Is alternativeHeadline d another wording of the headline (the SEO title,
 * the headline doubled, the headline plus a tail) rather than a deck? Most
 * of the words of one are found in the other. */
static int S_headline_variant(const char *d, const char *title)
{
    if (!title) return 0;
    size_t ds[64], dl[64], ts[64], tl[64];
    size_t nd = S_word_spans(d, ds, dl, 64), nt = S_word_spans(title, ts, tl, 64);
    if (!nd || !nt) return 0;
    size_t dt = S_shared_words(d, ds, dl, nd, title, ts, tl, nt);
    size_t td = S_shared_words(title, ts, tl, nt, d, ds, dl, nd);
    return dt * 5 >= nd * 4 || td * 5 >= nt * 4;
}

static void S_deck(cd_meta_ctx *c, cd_meta *m)
{
#ifdef CD_DEBUG_NEWS_CANDS
    /* Debug builds: the stated deck candidates of every source and the
     * description (DECKMETA ID SOURCE RANK VALUE), for tools/cands_cv.py. */
    if (getenv("CD_NEWS_CANDS")) {
        for (uint32_t i = 0; i < c->ncands; i++)
            if (c->cands[i].field == CD_MF_DECK || c->cands[i].field == CD_MF_DESC) {
                const cd_meta_cand *k = &c->cands[i];
                char what[40];
                snprintf(what, sizeof what, "%s%s", k->field == CD_MF_DECK ? "deck-" : "description-",
                         cd_meta_src_name(k->src));
                S_cand_print("DECKMETA", k->rank, what, k->s, 0, 0, 0);
            }
    }
#endif
    const cd_meta_cand *list[8];
    size_t n = cd_meta_collect(c, CD_MF_DECK, CD_MS_JSONLD, 1, list, 8);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        char *d = S_piece(c, list[i]->s, list[i]->len, &len);
        if (!d || S_headline_variant(d, m->title)) continue;
        m->deck = d;
        m->deck_source = cd_meta_src_name(CD_MS_JSONLD);
        return;
    }
}

static void S_credit(cd_meta_ctx *c, cd_meta *m)
{
    static const int srcs[] = {CD_MS_JSONLD, CD_MS_META};
    for (size_t s = 0; s < 2; s++) {
        const cd_meta_cand *list[8];
        size_t n = cd_meta_collect(c, CD_MF_CREDIT, srcs[s], 1, list, 8);
        for (size_t i = 0; i < n; i++) {
            size_t len;
            char *v = S_piece(c, list[i]->s, list[i]->len, &len);
            /* The publisher naming itself is not an attribution. */
            if (!v || len > 100 || S_is_url(v, len) || !S_has_letter(v, len) ||
                (m->site_name && cd_meta_site_like(v, len, m->site_name, strlen(m->site_name))))
                continue;
            m->credit = v;
            m->credit_source = cd_meta_src_name(srcs[s]);
            return;
        }
    }
}

/* ---- the site's name from the <title> ------------------------------------ */

/* When no source states the site's name: the part of the <title> after the
 * headline and one separator ("United States to Lift Sudan Sanctions - The
 * New York Times"), a short capitalised name with no separator of its own.
 * Only on a dated page (a story): elsewhere the part after the separator is
 * as often a section, a category or an offer ("Free Shipping*"). */
static int S_spells_host(const char *s, size_t n, const char *url);

/* Is s[0..n) one word of a company's form ("Inc.", "LLC", "Ltd": a word of
 * org-words.txt)? */
static int S_company_form(const char *s, size_t n)
{
    size_t at = 0, l;
    const char *w, *more;
    if (!(l = cd_next_word(s, n, &at, &w)) || cd_next_word(s, n, &at, &more)) return 0;
    return cd_meta_author_orgish(w, l);
}

static void S_site_from_title(cd_meta_ctx *c, cd_meta *m, const char *page_url)
{
    if (m->site_name || !m->title || !m->date_published) return;
    const cd_meta_cand *list[1];
    if (!cd_meta_collect(c, CD_MF_TITLE, CD_MS_TITLE, 1, list, 1)) return;
    const char *t = list[0]->s;
    size_t tl = list[0]->len, hl = strlen(m->title), sl = 0;
    if (tl <= hl || !cd_meta_eq_nocase(t, hl, m->title, hl)) return;
    /* The separators of separators.txt marked CD_META_SEP_SITE. */
    const cd_list_pair *seps = cd_list_separators;
    for (size_t k = 0; seps[k].s && !sl; k++)
        if ((seps[k].value & CD_META_SEP_SITE) && tl - hl > strlen(seps[k].s) &&
            memcmp(t + hl, seps[k].s, strlen(seps[k].s)) == 0)
            sl = strlen(seps[k].s);
    if (!sl) return;
    const char *r = t + hl + sl;
    size_t rl = tl - hl - sl;
    for (size_t k = 0; seps[k].s; k++)
        if ((seps[k].value & CD_META_SEP_SITE) && cd_contains_nocase(r, rl, seps[k].s)) return;
    char date[CD_META_DATE_LEN];
    if (rl > S_LABEL_MAX || S_word_count(r, rl) > 5 || !S_has_letter(r, rl) ||
        !((r[0] >= 'A' && r[0] <= 'Z') || (unsigned char)r[0] >= 0x80) ||
        cd_meta_date_norm(r, rl, 0, 0, date))
        return;
    /* A list of things ("Moon Learns From His Mistake - HOOPSWORLD | NBA
     * News, Rumors and Information", l3s f3114a41) is the site's tagline,
     * not its name: taken only when the page names it so (its logo's alt,
     * a link home, the copyright line) or the host spells it; a company's
     * form after the comma ("JF Possibilities, Inc.", wcxb 0497) is part
     * of its name. */
    const char *comma = memchr(r, ',', rl);
    if (comma && !S_company_form(comma + 1, rl - (size_t)(comma + 1 - r)) && !S_spells_host(r, rl, page_url) &&
        !cd_meta_site_named(c, r, rl))
        return;
    size_t n;
    m->site_name = S_piece(c, r, rl, &n);
}

/* s[0..n) lowercased, letters and digits only, into out (at most cap - 1
 * bytes); 0 when it does not fit. */
static size_t S_compact(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (cd_isalnum((unsigned char)s[i])) {
            if (k + 1 >= cap) return 0;
            out[k++] = (char)cd_tolower((unsigned char)s[i]);
        }
    out[k] = '\0';
    return k;
}

#define S_HOST_LABELS 8u

/* Does part s[0..n) spell a run of the host's labels that holds its own
 * name ("mlive.com" and "MLive" on www.mlive.com, "Fox Sports" on
 * www.foxsports.com.au, "Channel 4" on www.channel4.com), not a subdomain
 * alone ("News" on news.example.com)? */
static int S_spells_host(const char *s, size_t n, const char *url)
{
    char part[128], lab[S_HOST_LABELS][64];
    size_t pl = S_compact(s, n, part, sizeof part), ll[S_HOST_LABELS], nl = 0;
    const char *l;
    if (pl < 3) return 0;
    for (size_t at = 0, len; nl < S_HOST_LABELS && (len = cd_meta_host_label(url, &at, &l)) != 0;) {
        ll[nl] = S_compact(l, len, lab[nl], sizeof lab[0]);
        if (!ll[nl]) return 0;
        nl++;
    }
    if (nl < 2) return 0;
    /* The site's own label: before the top-level one, or before "co.uk". */
    size_t own = nl - 2;
    if (own > 0 && cd_wordset_has(&cd_list_domain_second_levels, lab[own], ll[own])) own--;
    for (size_t i = 0; i <= own; i++) {
        size_t k = 0;
        for (size_t j = i; j < nl && k + ll[j] <= pl && memcmp(part + k, lab[j], ll[j]) == 0; j++) {
            k += ll[j];
            if (k == pl && j >= own) return 1;
        }
    }
    return 0;
}

/* When no source states the site's name: the first or the last part of the
 * <title> when it spells the page's host ("Channel 4 - News - Briton
 * murdered …" on channel4.com, "… - NewsFlash - mlive.com"): the name the
 * site gives itself, on any page. */
/* The first bytes (a bitmap) and the CD_META_PAIR bits of the first two
 * bytes of the separators of two bytes or more, built once: most bytes of
 * a title start none. */
static uint32_t S_seps2_first[8];
static uint64_t S_seps2_pairs;
static pthread_once_t S_seps2_once = PTHREAD_ONCE_INIT;

static void S_seps2_index(void)
{
    for (const cd_list_pair *k = cd_list_separators; k->s; k++)
        if (k->s[0] && k->s[1]) {
            unsigned char f = (unsigned char)k->s[0];
            S_seps2_first[f >> 5] |= 1u << (f & 31);
            S_seps2_pairs |= CD_META_PAIR(f, k->s[1]);
        }
}

static void S_site_from_host_part(cd_meta_ctx *c, cd_meta *m, const char *page_url)
{
    if (m->site_name) return;
    const char *url = m->url ? m->url : page_url;
    const cd_meta_cand *list[1];
    if (!url || !cd_meta_collect(c, CD_MF_TITLE, CD_MS_TITLE, 1, list, 1)) return;
    size_t tl;
    char *t = cd_meta_clean(c->arena, list[0]->s, list[0]->len, &tl);
    if (!t) return;
    const cd_list_pair *seps = cd_list_separators;
    /* The parts between separators: at most 16 cuts. */
    size_t cut[16], cutl[16], ncut = 0;
    pthread_once(&S_seps2_once, S_seps2_index);
    for (size_t i = 1; i < tl && ncut < 16; i++) {
        unsigned char b = (unsigned char)t[i];
        if (i + 1 >= tl || !(S_seps2_first[b >> 5] & (1u << (b & 31))) ||
            !(S_seps2_pairs & CD_META_PAIR(b, t[i + 1])))
            continue; /* no separator of two bytes or more starts here */
        for (size_t k = 0; seps[k].s; k++) {
            if (i + 1 >= tl || t[i] != seps[k].s[0] || !seps[k].s[1] || t[i + 1] != seps[k].s[1])
                continue; /* cheap tests first: most bytes start no separator */
            size_t l = strlen(seps[k].s);
            if (l >= 2 && i + l < tl && memcmp(t + i, seps[k].s, l) == 0) {
                cut[ncut] = i, cutl[ncut++] = l;
                i += l - 1;
                break;
            }
        }
    }
    if (!ncut) return;
    /* The first and the last part, then the ones between ("2007: A year in
     * review, September - Pocket-lint.co.uk - gadget news and reviews",
     * "… - SJSUSpartans.com—Official Web Site of …": the name the site
     * gives itself, then its tag line). */
    for (size_t i = 0; i <= ncut; i++) {
        size_t pi = i == 0 ? 0 : i == 1 ? ncut : i - 1; /* 0, last, 1, 2, … */
        if (i > 1 && pi == 0) continue;
        const char *r = pi == 0 ? t : t + cut[pi - 1] + cutl[pi - 1];
        size_t rl = (pi == ncut ? tl : cut[pi]) - (size_t)(r - t);
        while (rl && (cd_isspace((unsigned char)*r) || *r == ':'))
            r++, rl--;
        while (rl && (cd_isspace((unsigned char)r[rl - 1]) || r[rl - 1] == ':'))
            rl--;
        if (!rl || rl > S_LABEL_MAX || S_word_count(r, rl) > 5 || !S_spells_host(r, rl, url)) continue;
        size_t n;
        m->site_name = S_piece(c, r, rl, &n);
        if (m->site_name) return;
    }
}

void cd_meta_news_pick(cd_meta_ctx *c, cd_meta *m, const char *page_url)
{
    S_deck(c, m);
    S_section(c, m, page_url);
    S_image(c, m, page_url);
    S_credit(c, m);
    S_tags(c, m, page_url);
    /* Last: a keywords list naming a stated site is the site's own list;
     * one naming the <title>'s suffix ("Salon.com, uber, …") need not be. */
    S_site_from_host_part(c, m, page_url);
    S_site_from_title(c, m, page_url);
}
