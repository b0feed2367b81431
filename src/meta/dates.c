/* meta/dates: dates as publishers write them -> ISO 8601.
 *
 * Accepted: ISO 8601 / RFC 3339 ("2014-11-06T17:00:00-05:00", kept with its
 * time and zone; "2014-11-06 17:00", "2014/11/06"), month names in English,
 * French, German, Spanish, Italian, Portuguese and Dutch in any of the orders
 * "Nov. 6, 2014", "6 November 2014", "November 6th, 2014", "6. November 2014",
 * "6 de noviembre de 2014", "2014 Nov 6"; CJK "2014年11月6日" / Korean
 * "2014년 11월 6일"; numeric "06.11.2014" (dots are day-first everywhere they are
 * used), "06/11/2014" (only when one part exceeds 12 or the page's language
 * settles the order); Unix timestamps in seconds or milliseconds. Years outside
 * 1995..2035 are refused as noise (the web pages this library reads are from
 * that span; a "2099" is a placeholder, a "1970" a zero timestamp). A date in a
 * URL path (/2014/11/06/) is read by cd_meta_date_from_url, the last resort.
 * Tokenising follows dateparser's approach in miniature: numbers, words and
 * separators, then patterns over the tokens. */
#include <stdio.h>
#include <string.h>

#include "../util/ctype.h"
#include "meta_int.h"

#define S_YEAR_MIN 1995
#define S_YEAR_MAX 2035
#define S_MAX_TOKENS 64

static int S_days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

static int S_valid(int y, int m, int d)
{
    return y >= S_YEAR_MIN && y <= S_YEAR_MAX && m >= 1 && m <= 12 && d >= 1 && d <= S_days_in(y, m);
}

static size_t S_ymd(char *out, int y, int m, int d)
{
    return (size_t)snprintf(out, CD_META_DATE_LEN, "%04d-%02d-%02d", y, m, d);
}

/* ---- month names ----------------------------------------------------------- */

static const struct {
    const char *name;
    int month;
} S_months[] = {
    {"january", 1},    {"february", 2},  {"march", 3},      {"april", 4},      {"may", 5},
    {"june", 6},       {"july", 7},      {"august", 8},     {"september", 9},  {"october", 10},
    {"november", 11},  {"december", 12}, {"janvier", 1},    {"f\xc3\xa9vrier", 2}, {"fevrier", 2},
    {"mars", 3},       {"avril", 4},     {"mai", 5},        {"juin", 6},       {"juillet", 7},
    {"ao\xc3\xbbt", 8}, {"aout", 8},     {"septembre", 9},  {"octobre", 10},   {"novembre", 11},
    {"d\xc3\xa9\x63\x65mbre", 12}, {"decembre", 12}, {"januar", 1}, {"j\xc3\xa4nner", 1},
    {"februar", 2},    {"m\xc3\xa4rz", 3}, {"maerz", 3},    {"juni", 6},       {"juli", 7},
    {"oktober", 10},   {"dezember", 12}, {"enero", 1},      {"febrero", 2},    {"marzo", 3},
    {"abril", 4},      {"mayo", 5},      {"junio", 6},      {"julio", 7},      {"agosto", 8},
    {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},   {"noviembre", 11}, {"diciembre", 12},
    {"gennaio", 1},    {"febbraio", 2},  {"aprile", 4},     {"maggio", 5},     {"giugno", 6},
    {"luglio", 7},     {"settembre", 9}, {"ottobre", 10},   {"dicembre", 12},  {"janeiro", 1},
    {"fevereiro", 2},  {"mar\xc3\xa7o", 3}, {"maio", 5},     {"junho", 6},      {"julho", 7},
    {"setembro", 9},   {"outubro", 10},  {"novembro", 11},  {"dezembro", 12},  {"januari", 1},
    {"februari", 2},   {"maart", 3},     {"mei", 5},        {"augustus", 8},
};

/* The month named by word w (a full name or an abbreviation of at least three
 * letters that names one month only), else 0. */
static int S_month(const char *w, size_t n)
{
    if (n < 3 || n > 12)
        return 0;
    char low[16];
    for (size_t i = 0; i < n; i++)
        low[i] = (char)cd_tolower((unsigned char)w[i]);
    /* Capital accented letters (É, Ä) lower-case by one bit in their second byte. */
    for (size_t i = 0; i + 1 < n; i++)
        if ((unsigned char)low[i] == 0xC3 && (unsigned char)low[i + 1] >= 0x80 &&
            (unsigned char)low[i + 1] <= 0x9E)
            low[i + 1] = (char)(low[i + 1] | 0x20);
    int found = 0;
    for (size_t i = 0; i < sizeof S_months / sizeof S_months[0]; i++) {
        size_t l = strlen(S_months[i].name);
        if (n > l || memcmp(low, S_months[i].name, n) != 0)
            continue;
        if (n == l)
            return S_months[i].month;
        if (found && found != S_months[i].month)
            found = -1;
        else if (found != -1)
            found = S_months[i].month;
    }
    return found > 0 ? found : 0;
}

/* ---- ISO 8601 ------------------------------------------------------------------ */

static int S_num(const char *s, size_t n, size_t i, size_t digits, int *v)
{
    if (i + digits > n)
        return 0;
    int x = 0;
    for (size_t k = 0; k < digits; k++) {
        if (!cd_isdigit((unsigned char)s[i + k]))
            return 0;
        x = x * 10 + (s[i + k] - '0');
    }
    if (i + digits < n && cd_isdigit((unsigned char)s[i + digits]))
        return 0;
    *v = x;
    return 1;
}

/* An ISO date at s[i]: "YYYY-MM-DD" (or / .) with optional time and zone. */
static size_t S_iso(const char *s, size_t n, size_t i, char *out)
{
    int y, mo, d;
    if (i > 0 && cd_isdigit((unsigned char)s[i - 1]))
        return 0;
    if (!S_num(s, n, i, 4, &y) || i + 4 >= n)
        return 0;
    char sep = s[i + 4];
    if (sep != '-' && sep != '/' && sep != '.')
        return 0;
    size_t p = i + 5;
    size_t ml = (p + 1 < n && cd_isdigit((unsigned char)s[p + 1])) ? 2 : 1;
    if (!S_num(s, n, p, ml, &mo))
        return 0;
    p += ml;
    if (p >= n || s[p] != sep)
        return 0;
    p++;
    size_t dl = (p + 1 < n && cd_isdigit((unsigned char)s[p + 1])) ? 2 : 1;
    if (!S_num(s, n, p, dl, &d))
        return 0;
    p += dl;
    if (!S_valid(y, mo, d))
        return 0;
    size_t o = S_ymd(out, y, mo, d);
    int h, mi, sec = 0;
    if (p + 5 < n && (s[p] == 'T' || s[p] == ' ') && S_num(s, n, p + 1, 2, &h) && p + 3 < n &&
        s[p + 3] == ':' && S_num(s, n, p + 4, 2, &mi) && h < 24 && mi < 60) {
        p += 6;
        if (p + 2 < n && s[p] == ':' && S_num(s, n, p + 1, 2, &sec) && sec < 61)
            p += 3;
        if (p < n && (s[p] == '.' || s[p] == ',')) {
            p++;
            while (p < n && cd_isdigit((unsigned char)s[p]))
                p++;
        }
        o += (size_t)snprintf(out + o, CD_META_DATE_LEN - o, "T%02d:%02d:%02d", h, mi, sec);
        if (p < n && s[p] == 'Z') {
            out[o++] = 'Z';
            out[o] = '\0';
        } else if (p + 2 < n && (s[p] == '+' || s[p] == '-') && cd_isdigit((unsigned char)s[p + 1]) &&
                   cd_isdigit((unsigned char)s[p + 2])) {
            char sign = s[p];
            int zh = (s[p + 1] - '0') * 10 + (s[p + 2] - '0'), zm = 0;
            size_t q = p + 3;
            if (q < n && s[q] == ':')
                q++;
            if (q + 1 < n && cd_isdigit((unsigned char)s[q]) && cd_isdigit((unsigned char)s[q + 1]))
                zm = (s[q] - '0') * 10 + (s[q + 1] - '0');
            if (zh <= 14 && zm < 60)
                o += (size_t)snprintf(out + o, CD_META_DATE_LEN - o, "%c%02d:%02d", sign, zh, zm);
        }
    }
    return o;
}

/* ---- Unix time ------------------------------------------------------------------- */

static size_t S_unix(const char *s, size_t n, char *out)
{
    if (n != 10 && n != 13)
        return 0;
    long long t = 0;
    for (size_t i = 0; i < n; i++) {
        if (!cd_isdigit((unsigned char)s[i]))
            return 0;
        t = t * 10 + (s[i] - '0');
    }
    if (n == 13)
        t /= 1000;
    /* Days to civil date (Howard Hinnant's algorithm). */
    long long z = t / 86400 + 719468;
    long long era = z / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = yoe + era * 400;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    if (m <= 2)
        y++;
    if (!S_valid((int)y, m, d))
        return 0;
    return S_ymd(out, (int)y, m, d);
}

/* ---- tokens ---------------------------------------------------------------------- */

enum { S_T_NUM, S_T_MONTH, S_T_WORD, S_T_CJK_Y, S_T_CJK_M, S_T_CJK_D };

typedef struct S_tok {
    uint8_t kind;
    uint8_t digits;
    char sep;      /* the separator right after the token ('\0' for space or none) */
    int value;     /* number or month */
    size_t start;
} S_tok;

static int S_filler(const char *w, size_t n)
{
    static const char *const f[] = {"de", "del", "of", "the", "den", "le", "el", "der", "di", NULL};
    for (size_t i = 0; f[i]; i++)
        if (cd_meta_eq_nocase(w, n, f[i], strlen(f[i])))
            return 1;
    return 0;
}

static int S_suffix(const char *w, size_t n)
{
    static const char *const f[] = {"st", "nd", "rd", "th", "er", "e", "o", "\xc2\xba", NULL};
    for (size_t i = 0; f[i]; i++)
        if (cd_meta_eq_nocase(w, n, f[i], strlen(f[i])))
            return 1;
    return 0;
}

static size_t S_tokens(const char *s, size_t n, S_tok *t)
{
    size_t nt = 0, i = 0;
    while (i < n && nt < S_MAX_TOKENS) {
        unsigned char ch = (unsigned char)s[i];
        if (cd_isdigit(ch)) {
            size_t st = i;
            int v = 0;
            while (i < n && cd_isdigit((unsigned char)s[i])) {
                if (i - st < 9)
                    v = v * 10 + (s[i] - '0');
                i++;
            }
            t[nt] = (S_tok){S_T_NUM, (uint8_t)(i - st > 20 ? 20 : i - st), 0, v, st};
            if (i < n && (s[i] == '/' || s[i] == '.' || s[i] == '-'))
                t[nt].sep = s[i];
            nt++;
            continue;
        }
        if (ch == 0xE5 && i + 2 < n && (unsigned char)s[i + 1] == 0xB9 && (unsigned char)s[i + 2] == 0xB4) {
            t[nt++] = (S_tok){S_T_CJK_Y, 0, 0, 0, i}; /* 年 */
            i += 3;
            continue;
        }
        if (ch == 0xE6 && i + 2 < n && (unsigned char)s[i + 1] == 0x9C && (unsigned char)s[i + 2] == 0x88) {
            t[nt++] = (S_tok){S_T_CJK_M, 0, 0, 0, i}; /* 月 */
            i += 3;
            continue;
        }
        if (ch == 0xE6 && i + 2 < n && (unsigned char)s[i + 1] == 0x97 && (unsigned char)s[i + 2] == 0xA5) {
            t[nt++] = (S_tok){S_T_CJK_D, 0, 0, 0, i}; /* 日 */
            i += 3;
            continue;
        }
        if (ch == 0xEB && i + 2 < n && (unsigned char)s[i + 1] == 0x85 && (unsigned char)s[i + 2] == 0x84) {
            t[nt++] = (S_tok){S_T_CJK_Y, 0, 0, 0, i}; /* 년 */
            i += 3;
            continue;
        }
        if (ch == 0xEC && i + 2 < n && (unsigned char)s[i + 1] == 0x9B && (unsigned char)s[i + 2] == 0x94) {
            t[nt++] = (S_tok){S_T_CJK_M, 0, 0, 0, i}; /* 월 */
            i += 3;
            continue;
        }
        if (ch == 0xEC && i + 2 < n && (unsigned char)s[i + 1] == 0x9D && (unsigned char)s[i + 2] == 0xBC) {
            t[nt++] = (S_tok){S_T_CJK_D, 0, 0, 0, i}; /* 일 */
            i += 3;
            continue;
        }
        if (cd_isalpha(ch) || (ch >= 0xC0 && ch < 0xE0)) {
            size_t st = i;
            while (i < n && (cd_isalpha((unsigned char)s[i]) || ((unsigned char)s[i] >= 0x80 &&
                                                                 (unsigned char)s[i] < 0xE0)))
                i++;
            int m = S_month(s + st, i - st);
            int attached = nt && t[nt - 1].kind == S_T_NUM && t[nt - 1].start + t[nt - 1].digits == st;
            if (!m && (S_filler(s + st, i - st) || (attached && S_suffix(s + st, i - st))))
                continue;
            t[nt++] = (S_tok){m ? S_T_MONTH : S_T_WORD, 0, 0, m, st};
            continue;
        }
        i++;
    }
    return nt;
}

static int S_is_day(const S_tok *t)
{
    return t->kind == S_T_NUM && t->digits <= 2 && t->value >= 1 && t->value <= 31;
}

static int S_is_year(const S_tok *t)
{
    return t->kind == S_T_NUM && t->digits == 4;
}

/* The first date in the tokens (from index `from`, starting no later than
 * `last_start`). */
static size_t S_match(const S_tok *t, size_t nt, size_t last_start, int dayfirst, char *out)
{
    for (size_t i = 0; i < nt && i <= last_start; i++) {
        const S_tok *a = &t[i], *b = i + 1 < nt ? &t[i + 1] : NULL, *c = i + 2 < nt ? &t[i + 2] : NULL;
        if (!b || !c)
            break;
        int y = 0, m = 0, d = 0;
        if (a->kind == S_T_MONTH && S_is_day(b) && S_is_year(c))
            y = c->value, m = a->value, d = b->value;
        else if (S_is_day(a) && b->kind == S_T_MONTH && S_is_year(c))
            y = c->value, m = b->value, d = a->value;
        else if (S_is_year(a) && b->kind == S_T_MONTH && S_is_day(c))
            y = a->value, m = b->value, d = c->value;
        else if (S_is_year(a) && a->sep == 0 && b->kind == S_T_CJK_Y && i + 5 < nt &&
                 t[i + 2].kind == S_T_NUM && t[i + 3].kind == S_T_CJK_M && S_is_day(&t[i + 4]) &&
                 t[i + 5].kind == S_T_CJK_D)
            y = a->value, m = t[i + 2].value, d = t[i + 4].value;
        else if (a->kind == S_T_NUM && b->kind == S_T_NUM && c->kind == S_T_NUM && a->sep &&
                 a->sep == b->sep && a->start + a->digits + 1 == b->start &&
                 b->start + b->digits + 1 == c->start) {
            if (S_is_year(a) && b->digits <= 2 && c->digits <= 2)
                y = a->value, m = b->value, d = c->value;
            else if (S_is_year(c) && a->digits <= 2 && b->digits <= 2) {
                int df = a->sep == '.' ? 1 : a->value > 12 ? 1 : b->value > 12 ? -1 : dayfirst;
                if (a->value == b->value)
                    df = 1;
                if (df > 0)
                    y = c->value, m = b->value, d = a->value;
                else if (df < 0)
                    y = c->value, m = a->value, d = b->value;
            }
        }
        if (y && S_valid(y, m, d))
            return S_ymd(out, y, m, d);
    }
    return 0;
}

size_t cd_meta_date_norm(const char *s, size_t len, int whole, int dayfirst, char *out)
{
    if (!s || !out)
        return 0;
    out[0] = '\0';
    while (len && cd_isspace((unsigned char)*s))
        s++, len--;
    while (len && cd_isspace((unsigned char)s[len - 1]))
        len--;
    if (!len)
        return 0;
    if (len > 512)
        len = 512;
    size_t r;
    if (whole) {
        if ((r = S_iso(s, len, 0, out)) || (r = S_unix(s, len, out)))
            return r;
        if (len == 8) {
            int y, m, d;
            if (S_num(s, len, 0, 8, &y) && S_num(s, 4, 0, 4, &y) && S_num(s, 6, 4, 2, &m) &&
                S_num(s, 8, 6, 2, &d) && S_valid(y, m, d))
                return S_ymd(out, y, m, d);
        }
    } else {
        for (size_t i = 0; i + 10 <= len; i++)
            if (cd_isdigit((unsigned char)s[i]) && (r = S_iso(s, len, i, out))) {
                /* Date part only: a time in running text has no zone to trust. */
                out[10] = '\0';
                return 10;
            }
    }
    S_tok t[S_MAX_TOKENS];
    size_t nt = S_tokens(s, len, t);
    r = S_match(t, nt, whole ? 2 : nt, dayfirst, out);
    if (r)
        return r;
    if (whole) {
        /* An ISO date after a label ("Published: 2014-11-06"). */
        for (size_t i = 1; i + 10 <= len && i < 40; i++)
            if (cd_isdigit((unsigned char)s[i]) && (r = S_iso(s, len, i, out)))
                return r;
    }
    return 0;
}

size_t cd_meta_date_from_url(const char *url, size_t len, char *out)
{
    if (!url || !out)
        return 0;
    /* Skip scheme and host: a date in the domain means nothing. */
    size_t i = 0;
    const char *p = memchr(url, ':', len < 12 ? len : 12);
    if (p && (size_t)(p - url) + 2 < len && p[1] == '/' && p[2] == '/') {
        i = (size_t)(p - url) + 3;
        while (i < len && url[i] != '/')
            i++;
    }
    for (; i < len; i++) {
        if (url[i] != '/' && url[i] != '-' && url[i] != '_')
            continue;
        size_t k = i + 1;
        int y, m, d;
        if (!S_num(url, len, k, 4, &y) && !(k + 8 <= len && S_num(url, len, k, 8, &y)))
            continue;
        if (k + 8 <= len && S_num(url, len, k, 8, &y)) {
            /* /20141106/ */
            int yy = (url[k] - '0') * 1000 + (url[k + 1] - '0') * 100 + (url[k + 2] - '0') * 10 +
                     (url[k + 3] - '0');
            m = (url[k + 4] - '0') * 10 + (url[k + 5] - '0');
            d = (url[k + 6] - '0') * 10 + (url[k + 7] - '0');
            if (S_valid(yy, m, d))
                return S_ymd(out, yy, m, d);
            continue;
        }
        k += 4;
        if (k >= len || (url[k] != '/' && url[k] != '-' && url[k] != '_'))
            continue;
        char sep = url[k++];
        size_t ml = (k + 1 < len && cd_isdigit((unsigned char)url[k + 1])) ? 2 : 1;
        if (!S_num(url, len, k, ml, &m))
            continue;
        k += ml;
        if (k >= len || url[k] != sep)
            continue;
        k++;
        size_t dl = (k + 1 < len && cd_isdigit((unsigned char)url[k + 1])) ? 2 : 1;
        if (!S_num(url, len, k, dl, &d))
            continue;
        if (S_valid(y, m, d))
            return S_ymd(out, y, m, d);
    }
    return 0;
}
