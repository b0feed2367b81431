/* meta/pick_dates: the publication and modification dates, chosen from the
 * candidates.
 *
 * Precedence: JSON-LD > og article:* > named <meta> > microdata/<time> >
 * visible > the URL path, each normalised by dates.c to ISO 8601. Two
 * cross-checks keep a structured date honest against what the page shows:
 * the date line under the headline (S_shown_date) and the page's own local
 * form of the same instant (S_local_form). */
#include <string.h>

#include "../util/ctype.h"
#include "../util/isotime.h"
#include "cand.h"
#include "dates.h"
#include "pick.h"

/* How the page writes numeric dates: 1 day first, -1 month first, 0 unknown. */
static int S_dayfirst(const char *lang)
{
    if (!lang || !*lang)
        return 0;
    size_t n = strlen(lang);
    if (n >= 5 && cd_eq_nocase(lang, 5, "en-us"))
        return -1;
    if (n >= 5 && cd_eq_nocase(lang, 5, "en_us"))
        return -1;
    if (n == 2 && cd_eq_nocase(lang, 2, "en"))
        return 0;
    return 1;
}

/* How the page itself writes dates, when its language leaves numeric ones
 * open ("en"): the order of the dates it writes out ("3 October 2023" on
 * a page dated "03/10/2023") or of numeric ones that settle it. The
 * majority of its visible dates, 0 on a tie. */
static int S_page_dayfirst(const cd_meta_ctx *c)
{
    int votes = 0;
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if ((k->field == CD_MF_DATE || k->field == CD_MF_MODIFIED) && k->src == CD_MS_VISIBLE)
            votes += cd_meta_date_order(k->s, k->len);
    }
    return votes > 0 ? 1 : votes < 0 ? -1 : 0;
}

/* A date element in a side column or footer (visible, flagged CD_MC_BAD):
 * after everything else, the URL included. */
static const char *S_side_date(cd_meta_ctx *c, int field, int dayfirst, const char **source)
{
    char out[CD_META_DATE_LEN];
    const cd_meta_cand *list[64];
    size_t n = cd_meta_collect(c, field, CD_MS_VISIBLE, 0, list, 64);
    for (size_t i = 0; i < n; i++) {
        if (!(list[i]->flags & CD_MC_BAD))
            continue;
        size_t len = cd_meta_date_norm(list[i]->s, list[i]->len, 0, dayfirst, out);
        if (len) {
            *source = cd_meta_src_name(CD_MS_VISIBLE);
            return cd_arena_strndup(c->arena, out, len);
        }
    }
    return NULL;
}

/* Days since 1970-01-01 of "YYYY-MM-DD…" (Howard Hinnant's days_from_civil). */
static long S_day_number(const char *d)
{
    int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    int m = (d[5] - '0') * 10 + (d[6] - '0'), dd = (d[8] - '0') * 10 + (d[9] - '0');
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The stated date against the date line the reader sees. A structured
 * datePublished (JSON-LD, og, <meta>) is usually right, but two things make
 * the visible date line under the headline the better witness: a
 * datePublished within a day of the dateModified, later than the date shown
 * (the CMS stamped both when it regenerated the page, or wrote them in UTC
 * past the publisher's midnight: 2025-12-19T02:41Z on a page that says
 * "December 18, 2025"), and a datePublished more than a day after the date
 * shown (an import's stamp on an older post). A timestamp a day away from
 * the date shown is not enough alone: as often the page shows UTC and the
 * timestamp local time.
 * The visible date is a date line right after the h1 or an element named a
 * date (ranks 0-2), never one labelled "Updated" (those are modified
 * candidates). On a match, out gets the visible date (YYYY-MM-DD). */
static int S_shown_date(cd_meta_ctx *c, int dayfirst, const char *pub, size_t plen, char *out)
{
    if (plen < 10)
        return 0;
    char vis[CD_META_DATE_LEN], mod[CD_META_DATE_LEN];
    const cd_meta_cand *list[64];
    size_t n = cd_meta_collect(c, CD_MF_DATE, CD_MS_VISIBLE, 0, list, 64), vl = 0;
    for (size_t i = 0; i < n && !vl; i++)
        if (!(list[i]->flags & CD_MC_BAD) && list[i]->rank <= 2)
            vl = cd_meta_date_norm(list[i]->s, list[i]->len, 0, dayfirst, vis);
    if (vl < 10)
        return 0;
    /* The first date line must be that one: "Page updated: …" first means
     * the page dates itself by its updates. */
    cd_nid first_date = 0, first_mod = 0;
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->src != CD_MS_VISIBLE || k->rank > 2 || (k->flags & CD_MC_BAD))
            continue;
        if (k->field == CD_MF_DATE && (!first_date || k->pos < first_date))
            first_date = k->pos;
        if (k->field == CD_MF_MODIFIED && (!first_mod || k->pos < first_mod))
            first_mod = k->pos;
    }
    if (first_mod && first_mod < first_date)
        return 0;
    long p = S_day_number(pub), v = S_day_number(vis);
    int stale = 0;
    if (v < p) {
        static const int msrcs[] = {CD_MS_JSONLD, CD_MS_OG, CD_MS_META};
        for (size_t s = 0; s < 3 && !stale; s++) {
            size_t k = cd_meta_collect(c, CD_MF_MODIFIED, msrcs[s], 0, list, 1);
            if (k && cd_meta_date_norm(list[0]->s, list[0]->len, 1, dayfirst, mod) >= 10) {
                stale = S_day_number(mod) >= p - 1 && S_day_number(mod) <= p + 1;
                break;
            }
        }
    }
    /* A stated date days after the one shown: the page was moved or
     * re-imported (a migration's stamp, a re-published archive), and the
     * date line keeps the original day. */
    if (v < p - 1)
        stale = 1;
    if (!stale)
        return 0;
    memcpy(out, vis, 10);
    out[10] = '\0';
    return 1;
}

/* A stated time in UTC ("…T23:25:38Z", "+00:00") against the page's own
 * <time datetime> giving the same instant with its local offset
 * ("2025-12-19T04:25:38+05:00"): the local form is what the page shows,
 * and its day is the page's day. On a match out gets that form and the
 * length is returned, else 0. */
static size_t S_local_form(cd_meta_ctx *c, int dayfirst, const char *pub, size_t plen, char *out)
{
    long long t, u;
    if (plen < 20 || !(pub[plen - 1] == 'Z' || (plen >= 6 && memcmp(pub + plen - 6, "+00:00", 6) == 0)) ||
        !cd_time_parse(pub, plen, &t))
        return 0;
    char loc[CD_META_DATE_LEN];
    const cd_meta_cand *list[64];
    size_t n = cd_meta_collect(c, CD_MF_DATE, CD_MS_MICRODATA, 0, list, 64);
    for (size_t i = 0; i < n; i++) {
        size_t l = cd_meta_date_norm(list[i]->s, list[i]->len, 1, dayfirst, loc);
        if (l < 25 || loc[l - 1] == 'Z' || memcmp(loc + l - 6, "+00:00", 6) == 0 ||
            !cd_time_parse(loc, l, &u) || u != t)
            continue;
        memcpy(out, loc, l + 1);
        return l;
    }
    return 0;
}

/* The best JSON-LD date k describes no article (a VideoObject's
 * uploadDate, a WebPage's datePublished: ranks of the non-article types,
 * see jsonld.c) and the page's article:published_time is days away from
 * it: the article's own date wins over a thing embedded in or around it. */
static int S_ld_other_than_og(const cd_meta_ctx *c, int field, int dayfirst, const cd_meta_cand *k)
{
    const cd_meta_cand *og[1];
    char a[CD_META_DATE_LEN], b[CD_META_DATE_LEN];
    if (field != CD_MF_DATE || k->rank < CD_META_RANK_LD_OTHER || !cd_meta_collect(c, field, CD_MS_OG, 1, og, 1) ||
        og[0]->rank != 0 || cd_meta_date_norm(k->s, k->len, 1, dayfirst, a) < 10 ||
        cd_meta_date_norm(og[0]->s, og[0]->len, 1, dayfirst, b) < 10)
        return 0;
    /* Within a day, they state one moment (often the JSON-LD in local time). */
    long d = S_day_number(a) - S_day_number(b);
    return d > 1 || d < -1;
}

static const char *S_pick_date(cd_meta_ctx *c, int field, int dayfirst, const char *page_url,
                               const char **source)
{
    static const int srcs[] = {CD_MS_JSONLD, CD_MS_OG, CD_MS_META, CD_MS_MICRODATA, CD_MS_VISIBLE};
    char out[CD_META_DATE_LEN];
    for (size_t s = 0; s < sizeof srcs / sizeof srcs[0]; s++) {
        const cd_meta_cand *list[64];
        size_t n = cd_meta_collect(c, field, srcs[s], 0, list, 64);
        if (srcs[s] == CD_MS_JSONLD && n && S_ld_other_than_og(c, field, dayfirst, list[0]))
            continue;
        for (size_t i = 0; i < n; i++) {
            if (list[i]->flags & CD_MC_BAD)
                continue;
            int whole = srcs[s] != CD_MS_VISIBLE;
            size_t len = cd_meta_date_norm(list[i]->s, list[i]->len, whole, dayfirst, out);
            if (len) {
                *source = cd_meta_src_name(srcs[s]);
                size_t ll;
                if (field == CD_MF_DATE && s < 3 && S_shown_date(c, dayfirst, out, len, out))
                    *source = cd_meta_src_name(CD_MS_VISIBLE), len = strlen(out);
                else if (field == CD_MF_DATE && s < 3 && (ll = S_local_form(c, dayfirst, out, len, out)))
                    *source = cd_meta_src_name(CD_MS_MICRODATA), len = ll;
                return cd_arena_strndup(c->arena, out, len);
            }
        }
    }
    /* Then a structured date from a block otherwise skipped: on a forum the
     * whole thread sits in "discussion"/"comment" blocks, and its first
     * datePublished is the opening post's. */
    {
        const cd_meta_cand *list[64];
        size_t n = cd_meta_collect(c, field, CD_MS_MICRODATA, 0, list, 64);
        for (size_t i = 0; i < n; i++) {
            if (!(list[i]->flags & CD_MC_BAD))
                continue;
            size_t len = cd_meta_date_norm(list[i]->s, list[i]->len, 1, dayfirst, out);
            if (len) {
                *source = cd_meta_src_name(CD_MS_MICRODATA);
                return cd_arena_strndup(c->arena, out, len);
            }
        }
    }
    if (field != CD_MF_DATE)
        return S_side_date(c, field, dayfirst, source);
    /* Last resort: a date in the URL path (canonical, og:url, then the caller's). */
    static const int usrcs[] = {CD_MS_HTML, CD_MS_OG, CD_MS_JSONLD};
    for (size_t s = 0; s < sizeof usrcs / sizeof usrcs[0]; s++) {
        const cd_meta_cand *list[8];
        size_t n = cd_meta_collect(c, CD_MF_URL, usrcs[s], 0, list, 8);
        for (size_t i = 0; i < n; i++) {
            size_t len = cd_meta_date_from_url(list[i]->s, list[i]->len, out);
            if (len) {
                *source = cd_meta_src_name(CD_MS_URL);
                return cd_arena_strndup(c->arena, out, len);
            }
        }
    }
    if (page_url) {
        size_t len = cd_meta_date_from_url(page_url, strlen(page_url), out);
        if (len) {
            *source = cd_meta_src_name(CD_MS_URL);
            return cd_arena_strndup(c->arena, out, len);
        }
    }
    return S_side_date(c, field, dayfirst, source);
}

void cd_meta_pick_dates(cd_meta_ctx *c, cd_meta *m, const char *page_url)
{
    int dayfirst = S_dayfirst(m->language);
    if (!dayfirst)
        dayfirst = S_page_dayfirst(c);
    m->date_published = S_pick_date(c, CD_MF_DATE, dayfirst, page_url, &m->date_source);
    m->date_modified = S_pick_date(c, CD_MF_MODIFIED, dayfirst, NULL, &m->modified_source);
    /* A page that states only when it was modified (article:modified_time on
     * a landing page) is dated by that: the only date the publisher gives
     * for the text (trafilatura falls back the same way). */
    if (!m->date_published && m->date_modified) {
        m->date_published = m->date_modified;
        m->date_source = "modified";
    }
}
