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
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../util/ctype.h"
#include "cand.h"
#include "dates.h"
#include "visible.h"
#include "wordlists.h"

#define S_YEAR_MIN 1995
#define S_YEAR_MAX 2035

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

/* v (0-99) as two digits at o: snprintf's "%02d" without its cost (~1,600
 * instructions a call, 7,000 calls on 1,491 10 KB cuts). */
static void S_d2(char *o, int v)
{
    o[0] = (char)('0' + v / 10);
    o[1] = (char)('0' + v % 10);
}

/* "T%02d:%02d:%02d" of a valid time (each 0-99) at out, NUL-terminated. */
static size_t S_hms(char *out, int h, int mi, int sec)
{
    out[0] = 'T';
    S_d2(out + 1, h);
    out[3] = ':';
    S_d2(out + 4, mi);
    out[6] = ':';
    S_d2(out + 7, sec);
    out[9] = '\0';
    return 9;
}

/* "%c%02d:%02d" of a zone offset (each 0-99) at out, NUL-terminated. */
static size_t S_zone(char *out, char sign, int zh, int zm)
{
    out[0] = sign;
    S_d2(out + 1, zh);
    out[3] = ':';
    S_d2(out + 4, zm);
    out[6] = '\0';
    return 6;
}

/* "%04d-%02d-%02d" of a date that passed S_valid (year 1995-2035). */
static size_t S_ymd(char *out, int y, int m, int d)
{
    S_d2(out, y / 100);
    S_d2(out + 2, y % 100);
    out[4] = '-';
    S_d2(out + 5, m);
    out[7] = '-';
    S_d2(out + 8, d);
    out[10] = '\0';
    return 10;
}

/* ---- month names ----------------------------------------------------------- */

/* The names are src/lists/months.txt (cd_list_months: name, month). */

/* The names by first byte: cd_list_months[S_months_order[k]] for k in
 * [S_months_at[b], S_months_at[b + 1]) start with byte b, in list order; their
 * lengths. Built once per process (the list is 124 names: a word used to be
 * compared with every first letter, 40 % of the parse of a page of short
 * table cells). */
#define S_MONTHS_MAX 256
static uint16_t S_months_at[257], S_months_order[S_MONTHS_MAX];
static uint8_t S_months_len[S_MONTHS_MAX];
static pthread_once_t S_months_once = PTHREAD_ONCE_INIT;
_Static_assert(sizeof cd_list_months / sizeof cd_list_months[0] <= S_MONTHS_MAX, "months.txt too long");

static void S_months_index(void)
{
    unsigned count[256] = {0}, total = 0;
    for (unsigned i = 0; cd_list_months[i].s; i++) {
        size_t l = strlen(cd_list_months[i].s);
        S_months_len[i] = (uint8_t)(l < 255 ? l : 255);
        count[(unsigned char)cd_list_months[i].s[0]]++;
        total++;
    }
    unsigned at = 0;
    for (unsigned b = 0; b < 256; b++) {
        S_months_at[b] = (uint16_t)at;
        at += count[b];
    }
    S_months_at[256] = (uint16_t)at;
    unsigned next[256];
    for (unsigned b = 0; b < 256; b++)
        next[b] = S_months_at[b];
    for (unsigned i = 0; i < total; i++)
        S_months_order[next[(unsigned char)cd_list_months[i].s[0]]++] = (uint16_t)i;
}

/* The month named by word w (a full name or an abbreviation of at least three
 * letters that names one month only), else 0. */
int cd_meta_month(const char *w, size_t n)
{
    if (n < 3 || n > 24)
        return 0;
    char low[32];
    for (size_t i = 0; i < n; i++)
        low[i] = (char)cd_tolower((unsigned char)w[i]);
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned char a = (unsigned char)low[i], b = (unsigned char)low[i + 1];
        /* Capital accented letters (É, Ä) lower-case by one bit in their second byte. */
        if (a == 0xC3 && b >= 0x80 && b <= 0x9E)
            low[i + 1] = (char)(b | 0x20);
        /* Cyrillic capitals: А-П (D0 90-9F) -> а-п (D0 B0-BF), Р-Я (D0 A0-AF) -> р-я (D1 80-8F). */
        else if (a == 0xD0 && b >= 0x90 && b <= 0x9F)
            low[i + 1] = (char)(b + 0x20);
        else if (a == 0xD0 && b >= 0xA0 && b <= 0xAF)
            low[i] = (char)0xD1, low[i + 1] = (char)(b - 0x20);
        /* Polish capitals Ś Ź Ż Ł Ń (C5 9A, C5 B9, C5 BB, C5 81, C5 83) */
        else if (a == 0xC5 && (b == 0x9A || b == 0xB9 || b == 0xBB || b == 0x81 || b == 0x83))
            low[i + 1] = (char)(b + 1);
        else
            continue;
        i++;
    }
    pthread_once(&S_months_once, S_months_index);
    int found = 0;
    unsigned char f = (unsigned char)low[0];
    for (unsigned k = S_months_at[f]; k < S_months_at[f + 1]; k++) {
        const cd_list_pair *m = &cd_list_months[S_months_order[k]];
        size_t l = S_months_len[S_months_order[k]];
        if (n > l || memcmp(low, m->s, n) != 0)
            continue;
        if (n == l)
            return m->value;
        if (found && found != m->value)
            found = -1;
        else if (found != -1)
            found = m->value;
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

/* Is s[i] a version number written like a date, year first with dots and
 * a one-digit part ("2024.4.4 -> 2024.5.0")? Dates written so pad their
 * parts ("2024.04.04"); day-first dotted dates ("6.11.2014") are dates. */
static int S_version(const char *s, size_t n, size_t i)
{
    if (i + 8 > n || s[i + 4] != '.')
        return 0;
    size_t p = i + 5, parts[2];
    for (int k = 0; k < 2; k++) {
        size_t st = p;
        while (p < n && cd_isdigit((unsigned char)s[p]))
            p++;
        parts[k] = p - st;
        if (k == 0 && (p >= n || s[p] != '.'))
            return 0;
        p++;
    }
    return parts[0] == 1 || parts[1] == 1;
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
        o += S_hms(out + o, h, mi, sec);
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
                o += S_zone(out + o, sign, zh, zm);
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

/* The units of a CJK date ("2012年5月3日", "2012년 5월 3일"): their UTF-8
 * and token. */
static const struct {
    char utf8[3];
    uint8_t kind;
} S_cjk_units[] = {
    {"\xE5\xB9\xB4", S_T_CJK_Y}, /* 年 */
    {"\xE6\x9C\x88", S_T_CJK_M}, /* 月 */
    {"\xE6\x97\xA5", S_T_CJK_D}, /* 日 */
    {"\xEB\x85\x84", S_T_CJK_Y}, /* 년 */
    {"\xEC\x9B\x94", S_T_CJK_M}, /* 월 */
    {"\xEC\x9D\xBC", S_T_CJK_D}, /* 일 */
};
#define S_NCJK (sizeof S_cjk_units / sizeof S_cjk_units[0])

static int S_filler(const char *w, size_t n)
{
    return cd_wordset_has(&cd_list_date_filler_words, w, n);
}

static int S_suffix(const char *w, size_t n)
{
    return cd_wordset_has(&cd_list_ordinal_suffixes, w, n);
}

static size_t S_tokens(const char *s, size_t n, S_tok *t)
{
    size_t nt = 0, i = 0;
    while (i < n && nt < CD_META_DATE_TOKENS) {
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
        if (ch >= 0xE5 && ch <= 0xEC && i + 2 < n) {
            unsigned u = 0;
            while (u < S_NCJK && memcmp(s + i, S_cjk_units[u].utf8, 3) != 0)
                u++;
            if (u < S_NCJK) {
                t[nt++] = (S_tok){S_cjk_units[u].kind, 0, 0, 0, i};
                i += 3;
                continue;
            }
        }
        /* A no-break space separates like a space ("2:18pm&nbsp;Tuesday&nbsp;1st&nbsp;January&nbsp;2008",
         * l3s 310a3b31): never part of a word. */
        if (ch == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            i += 2;
            continue;
        }
        if (cd_isalpha(ch) || (ch >= 0xC0 && ch < 0xE0)) {
            size_t st = i;
            /* A word ends where a word in capitals follows a small letter:
             * text of two elements run together ("Mental HealthDECEMBER 22"). */
            while (i < n && (cd_isalpha((unsigned char)s[i]) || ((unsigned char)s[i] >= 0x80 &&
                                                                 (unsigned char)s[i] < 0xE0)) &&
                   !((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) &&
                   !(i > st && i + 1 < n && s[i - 1] >= 'a' && s[i - 1] <= 'z' && s[i] >= 'A' &&
                     s[i] <= 'Z' && s[i + 1] >= 'A' && s[i + 1] <= 'Z'))
                i++;
            int m = cd_meta_month(s + st, i - st);
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

/* Is token k a year opening a range of years ("Highlander 4th Gen
 * (2020-2026)", "Jan 2019-2021")? Then it is no date's year: the words
 * before it are a name ("Gen", Italian January's abbreviation, read "4
 * January 2020"), or a span of time. */
static int S_year_range(const S_tok *t, size_t nt, size_t k)
{
    return k + 1 < nt && t[k].sep == '-' && t[k + 1].kind == S_T_NUM && t[k + 1].digits == 4 &&
           t[k + 1].start == t[k].start + t[k].digits + 1;
}

/* The first date in the tokens (from index `from`, starting no later than
 * `last_start`). */
/* ---- a time and zone after a written date ------------------------------------------ */

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static long S_days(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* Day of the month of the n-th (1..) Sunday of y-m, or of the last when n is 0. */
static int S_sunday(int y, int m, int n)
{
    int wd = (int)((S_days(y, m, 1) % 7 + 11) % 7); /* 0 = Sunday; 1970-01-01 was a Thursday */
    int first = 1 + (7 - wd) % 7;
    if (n)
        return first + 7 * (n - 1);
    int last = first;
    while (last + 7 <= S_days_in(y, m))
        last += 7;
    return last;
}

/* Is y-m-d in summer time, by the US rule (second Sunday of March to the
 * first of November, since 2007) or the EU one (last Sunday of March to
 * the last of October)? The changeover hours are ignored. */
static int S_summer(int y, int m, int d, int eu)
{
    int sm = 3, em = eu ? 10 : 11;
    int sd = eu ? S_sunday(y, 3, 0) : S_sunday(y, 3, 2), ed = eu ? S_sunday(y, 10, 0) : S_sunday(y, 11, 1);
    if (m != sm && m != em)
        return m > sm && m < em;
    return m == sm ? d >= sd : d < ed;
}

/* Zone abbreviations: offset in minutes; dst 1: US pair, 2: EU pair (the
 * offset is then the winter one). */
static const struct {
    const char *name;
    int off, dst;
} S_zones[] = {
    {"utc", 0, 0},      {"gmt", 0, 0},     {"z", 0, 0},        {"est", -300, 0}, {"edt", -240, 0},
    {"cst", -360, 0},   {"cdt", -300, 0},  {"mst", -420, 0},   {"mdt", -360, 0}, {"pst", -480, 0},
    {"pdt", -420, 0},   {"et", -300, 1},   {"ct", -360, 1},    {"mt", -420, 1},  {"pt", -480, 1},
    {"cet", 60, 0},     {"cest", 120, 0},  {"mez", 60, 0},     {"mesz", 120, 0}, {"bst", 60, 0},
    {"wet", 0, 0},      {"west", 60, 0},   {"eet", 120, 0},    {"eest", 180, 0}, {"msk", 180, 0},
    {"ist", 330, 0},    {"jst", 540, 0},   {"kst", 540, 0},    {"hkt", 480, 0},  {"sgt", 480, 0},
    {"aest", 600, 0},   {"aedt", 660, 0},  {"nzst", 720, 0},   {"nzdt", 780, 0},
};

static int S_digits(const char *s, size_t n, size_t *p, size_t max, int *v)
{
    size_t st = *p;
    int x = 0;
    while (*p < n && *p - st < max && cd_isdigit((unsigned char)s[*p]))
        x = x * 10 + (s[(*p)++] - '0');
    *v = x;
    return *p > st && !(*p < n && cd_isdigit((unsigned char)s[*p]));
}

/* "5:00PM ET", "at 17:00 UTC", "um 17:00 Uhr MEZ", "17:00 +01:00" after the
 * date that ends at s[p]: appends "THH:MM:SS±HH:MM" to out (length o), or
 * "THH:MM:SS" alone when the time comes without a zone (the page's local
 * time: the schema's "time and zone when the page gives them"; the held-out
 * news pages of issue #12 count "Updated on May 27, 2025 09:10AM" read as a
 * bare day a miss). Returns the new length. */
static size_t S_time(const char *s, size_t n, size_t p, int y, int mo, int d, char *out, size_t o)
{
    /* Separators and up to two short words ("at", "um", "a las", "kl.") before the time. */
    for (int words = 0; p < n;) {
        unsigned char ch = (unsigned char)s[p];
        if (ch == ' ' || ch == ',' || ch == '|' || ch == '@' || ch == '-' || ch == '.' || ch == '(')
            p++;
        else if (ch == 0xE2 && p + 2 < n && (unsigned char)s[p + 1] == 0x80)
            p += 3; /* – — • … */
        else if (ch == 0xC2 && p + 1 < n && (unsigned char)s[p + 1] == 0xB7)
            p += 2; /* · */
        else if (cd_isalpha(ch) && words < 2) {
            size_t st = p;
            while (p < n && cd_isalpha((unsigned char)s[p]))
                p++;
            if (p - st > 5)
                return o;
            words++;
        } else
            break;
    }
    int h, mi, sec = 0;
    if (!S_digits(s, n, &p, 2, &h) || p >= n || (s[p] != ':' && s[p] != 'h' && s[p] != 'H'))
        return o;
    p++;
    if (!S_digits(s, n, &p, 2, &mi))
        return o;
    if (p + 2 < n && s[p] == ':' && cd_isdigit((unsigned char)s[p + 1])) {
        p++;
        if (!S_digits(s, n, &p, 2, &sec))
            return o;
    }
    while (p < n && s[p] == ' ')
        p++;
    char ap[5];
    size_t al = 0;
    for (size_t q = p; q < n && al < 4 && (cd_isalpha((unsigned char)s[q]) || s[q] == '.'); q++)
        if (s[q] != '.')
            ap[al++] = (char)cd_tolower((unsigned char)s[q]);
    if (al == 2 && ap[1] == 'm' && (ap[0] == 'a' || ap[0] == 'p')) {
        if (h < 1 || h > 12)
            return o;
        h = h % 12 + (ap[0] == 'p' ? 12 : 0);
        while (p < n && (cd_isalpha((unsigned char)s[p]) || s[p] == '.'))
            p++;
    }
    if (h > 23 || mi > 59 || sec > 60)
        return o;
    while (p < n && (s[p] == ' ' || s[p] == '('))
        p++;
    if (p + 3 <= n && cd_eq_nocase(s + p, 3, "uhr")) {
        p += 3;
        while (p < n && s[p] == ' ')
            p++;
    }
    int off = 0, found = 0;
    size_t st = p;
    while (p < n && cd_isalpha((unsigned char)s[p]))
        p++;
    if (p > st) {
        if (p < n && (unsigned char)s[p] >= 0x80)
            return o; /* a word in another script goes on */
        for (size_t k = 0; k < sizeof S_zones / sizeof S_zones[0] && !found; k++) {
            if (!cd_meta_eq_nocase(s + st, p - st, S_zones[k].name, strlen(S_zones[k].name)))
                continue;
            found = 1;
            off = S_zones[k].off;
            if (S_zones[k].dst && S_summer(y, mo, d, S_zones[k].dst == 2))
                off += 60;
        }
    }
    /* A numeric offset, alone or after UTC/GMT ("GMT+1", "+05:30"). */
    if (p + 1 < n && (s[p] == '+' || s[p] == '-') && cd_isdigit((unsigned char)s[p + 1]) &&
        (!found || off == 0)) {
        int sign = s[p] == '-' ? -1 : 1, zh, zm = 0;
        p++;
        size_t q = p;
        if (!S_digits(s, n, &p, 2, &zh) && !(p - q == 2))
            return o;
        if (p < n && s[p] == ':')
            p++;
        if (p + 1 < n && cd_isdigit((unsigned char)s[p]))
            S_digits(s, n, &p, 2, &zm);
        if (zh > 14 || zm > 59)
            return o;
        off = sign * (zh * 60 + zm);
        found = 1;
    }
    /* No zone: the page's local time as it shows it ("Updated on May 27,
     * 2025 09:10AM", "09 January 2008 - 11:14AM"), without an offset. */
    o += S_hms(out + o, h, mi, sec);
    if (!found)
        return o;
    int a = off < 0 ? -off : off;
    o += S_zone(out + o, off < 0 ? '-' : '+', a / 60, a % 60);
    return o;
}

/* The order of numeric date a.b.(year): 1 day first, -1 month first, 0
 * open. A number over 12 settles it; then dayfirst ±2 (the caller weighed
 * both readings, pick_dates.c), dots (day first: "09.01.2008"), the page's
 * language (dayfirst ±1). */
static int S_order(const S_tok *a, const S_tok *b, int dayfirst)
{
    if (a->value > 12 || a->value == b->value)
        return 1;
    if (b->value > 12)
        return -1;
    if (dayfirst == 2 || dayfirst == -2)
        return dayfirst / 2;
    return a->sep == '.' ? 1 : dayfirst;
}

/* Is s[i..n) one or more spaces, then a clock time "H:MM" or "HH:MM"? */
static int S_clock_after(const char *s, size_t n, size_t i)
{
    size_t p = i;
    while (p < n && s[p] == ' ')
        p++;
    if (p == i || p >= n || !cd_isdigit((unsigned char)s[p]))
        return 0;
    size_t q = p;
    while (q < n && q - p < 3 && cd_isdigit((unsigned char)s[q]))
        q++;
    return q - p <= 2 && q + 2 < n && s[q] == ':' && cd_isdigit((unsigned char)s[q + 1]) &&
           cd_isdigit((unsigned char)s[q + 2]);
}

/* Does s[0..i) end in a clock time, then "am"/"pm" or "on" or both
 * ("Last updated at 8:37 AM on 18/01/08", "13:44pm on 07.01.08"; a bare
 * "3:21" before the numbers may be a score)? */
static int S_clock_before(const char *s, size_t i)
{
    size_t p = i;
    int marked = 0;
    while (p && cd_isspace((unsigned char)s[p - 1]))
        p--;
    if (p >= 2 && (s[p - 1] | 0x20) == 'n' && (s[p - 2] | 0x20) == 'o' && (p == 2 || cd_isspace((unsigned char)s[p - 3]))) {
        p -= 2;
        marked = 1;
        while (p && cd_isspace((unsigned char)s[p - 1]))
            p--;
    }
    if (p >= 2 && (s[p - 1] | 0x20) == 'm' && ((s[p - 2] | 0x20) == 'a' || (s[p - 2] | 0x20) == 'p')) {
        p -= 2;
        marked = 1;
        while (p && cd_isspace((unsigned char)s[p - 1]))
            p--;
    } else if (p >= 4 && s[p - 1] == '.' && (s[p - 2] | 0x20) == 'm' && s[p - 3] == '.' &&
               ((s[p - 4] | 0x20) == 'a' || (s[p - 4] | 0x20) == 'p')) {
        p -= 4;
        marked = 1;
        while (p && cd_isspace((unsigned char)s[p - 1]))
            p--;
    }
    if (!marked || p < 4 || !cd_isdigit((unsigned char)s[p - 1]) || !cd_isdigit((unsigned char)s[p - 2]) || s[p - 3] != ':' ||
        !cd_isdigit((unsigned char)s[p - 4]))
        return 0;
    p -= 4;
    if (p && cd_isdigit((unsigned char)s[p - 1]))
        p--;
    return p == 0 || (!cd_isdigit((unsigned char)s[p - 1]) && s[p - 1] != ':' && s[p - 1] != '.');
}

static size_t S_match(const S_tok *t, size_t nt, size_t last_start, int dayfirst, char *out,
                      const char *s, size_t n)
{
    for (size_t i = 0; i < nt && i <= last_start; i++) {
        const S_tok *a = &t[i], *b = i + 1 < nt ? &t[i + 1] : NULL, *c = i + 2 < nt ? &t[i + 2] : NULL;
        if (!b || !c)
            break;
        int y = 0, m = 0, d = 0;
        /* "Sat, 29 Dec 15:58:00 2007", "Sat Dec 29 15:58:00 2007" (C's
         * asctime): the clock time between the day and the year. */
        if (((S_is_day(a) && b->kind == S_T_MONTH) || (a->kind == S_T_MONTH && S_is_day(b))) &&
            c->kind == S_T_NUM && c->digits <= 2 && c->start + c->digits < n && s[c->start + c->digits] == ':') {
            size_t j = i + 2;
            while (j < nt && t[j].kind == S_T_NUM && t[j].digits <= 2 && t[j].start + t[j].digits < n &&
                   s[t[j].start + t[j].digits] == ':')
                j++;
            if (j > i + 2 && j + 1 < nt && t[j].kind == S_T_NUM && t[j].digits == 2 && S_is_year(&t[j + 1])) {
                int yy = t[j + 1].value, mm = a->kind == S_T_MONTH ? a->value : b->value,
                    dd = a->kind == S_T_MONTH ? b->value : a->value;
                if (S_valid(yy, mm, dd)) {
                    size_t o = S_ymd(out, yy, mm, dd);
                    return S_time(s, n, c->start, yy, mm, dd, out, o);
                }
            }
        }
        if (a->kind == S_T_MONTH && S_is_day(b) && S_is_year(c) && !S_year_range(t, nt, i + 2))
            y = c->value, m = a->value, d = b->value;
        else if (S_is_day(a) && b->kind == S_T_MONTH && S_is_year(c) && !S_year_range(t, nt, i + 2))
            y = c->value, m = b->value, d = a->value;
        else if (S_is_year(a) && b->kind == S_T_MONTH && S_is_day(c))
            y = a->value, m = b->value, d = c->value;
        else if (S_is_year(a) && a->sep == 0 && b->kind == S_T_CJK_Y && i + 5 < nt &&
                 t[i + 2].kind == S_T_NUM && t[i + 3].kind == S_T_CJK_M && S_is_day(&t[i + 4]) &&
                 t[i + 5].kind == S_T_CJK_D)
            y = a->value, m = t[i + 2].value, d = t[i + 4].value;
        else if (a->kind == S_T_NUM && b->kind == S_T_NUM && c->kind == S_T_NUM && a->sep &&
                 a->sep != '-' && a->sep == b->sep && a->start + a->digits + 1 == b->start &&
                 b->start + b->digits + 1 == c->start && a->digits <= 2 && b->digits <= 2 &&
                 c->digits == 2 && (S_clock_after(s, n, c->start + 2) || S_clock_before(s, a->start))) {
            /* "09.01.08 00:09", "3/09/15 8:00am" (US m/dd/yy): a two-digit
             * year, read only before a clock time (alone, three numbers are
             * a version, a score, a ratio). */
            int df = S_order(a, b, dayfirst), yy = c->value < 70 ? 2000 + c->value : 1900 + c->value;
            if (df > 0)
                y = yy, m = b->value, d = a->value;
            else if (df < 0)
                y = yy, m = a->value, d = b->value;
        } else if (a->kind == S_T_NUM && b->kind == S_T_NUM && c->kind == S_T_NUM && a->sep &&
                   a->sep == b->sep && a->start + a->digits + 1 == b->start &&
                 b->start + b->digits + 1 == c->start) {
            if (S_is_year(a) && b->digits <= 2 && c->digits <= 2 && !S_version(s, n, a->start))
                y = a->value, m = b->value, d = c->value;
            else if (S_is_year(c) && a->digits <= 2 && b->digits <= 2) {
                int df = S_order(a, b, dayfirst);
                if (df > 0)
                    y = c->value, m = b->value, d = a->value;
                else if (df < 0)
                    y = c->value, m = a->value, d = b->value;
            }
        }
        if (y && S_valid(y, m, d)) {
            size_t o = S_ymd(out, y, m, d);
            if (c->kind == S_T_NUM && (t + i + 2) == c)
                o = S_time(s, n, c->start + c->digits, y, m, d, out, o);
            return o;
        }
    }
    return 0;
}

int cd_meta_date_order(const char *s, size_t len)
{
    if (!s || len > 512)
        return 0;
    S_tok t[CD_META_DATE_TOKENS];
    size_t nt = S_tokens(s, len, t);
    for (size_t i = 0; i + 2 < nt; i++) {
        const S_tok *a = &t[i], *b = &t[i + 1], *c = &t[i + 2];
        if (S_is_day(a) && b->kind == S_T_MONTH && S_is_year(c))
            return 1;
        if (a->kind == S_T_MONTH && S_is_day(b) && S_is_year(c))
            return -1;
        if (a->kind == S_T_NUM && b->kind == S_T_NUM && S_is_year(c) && a->sep && a->sep == b->sep &&
            a->sep != '.' && a->digits <= 2 && b->digits <= 2 && a->value != b->value &&
            (a->value > 12) != (b->value > 12))
            return a->value > 12 ? 1 : -1;
    }
    return 0;
}

/* Does s hold four ASCII digits in a row? Every form read in running text
 * (ISO, numeric, written, CJK) has a four-digit year. */
static int S_four_digits(const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        run = cd_isdigit((unsigned char)s[i]) ? run + 1 : 0;
        if (run == 4)
            return 1;
    }
    return 0;
}

/* Does s hold "N.N.NN" (one or two digits for day and month; or with '/')
 * before a clock time, the only form read with a two-digit year? */
static int S_short_year(const char *s, size_t n)
{
    for (size_t i = 0; i + 6 <= n; i++) {
        if (!cd_isdigit((unsigned char)s[i]) || (i && cd_isdigit((unsigned char)s[i - 1])))
            continue;
        size_t p = i, q;
        char sep = 0;
        int ok = 1;
        for (int part = 0; part < 2 && ok; part++) {
            q = p;
            while (q < n && q - p < 3 && cd_isdigit((unsigned char)s[q]))
                q++;
            ok = q > p && q - p <= 2 && q < n && (s[q] == '.' || s[q] == '/') && (!sep || s[q] == sep);
            sep = ok ? s[q] : sep;
            p = q + 1;
        }
        if (ok && p + 2 <= n && cd_isdigit((unsigned char)s[p]) && cd_isdigit((unsigned char)s[p + 1]) &&
            (p + 2 == n || !cd_isdigit((unsigned char)s[p + 2])) &&
            (S_clock_after(s, n, p + 2) || S_clock_before(s, i)))
            return 1;
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
    /* Every reading below needs an ASCII digit (a year, a day, a stamp): a
     * text without one (a tag, a label, a name) is no date. */
    size_t dg = 0;
    while (dg < len && (unsigned char)(s[dg] - '0') > 9)
        dg++;
    if (dg == len)
        return 0;
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
        if (!S_four_digits(s, len) && !S_short_year(s, len))
            return 0; /* most text: no need to tokenise it */
        for (size_t i = 0; i + 10 <= len; i++)
            if (cd_isdigit((unsigned char)s[i]) && !S_version(s, len, i) && (r = S_iso(s, len, i, out))) {
                /* A text that is only the stamp ("2008-01-13 21:17:46", a
                 * date line) keeps its time, the page's local time;
                 * otherwise the date part only: a time in running text has
                 * no zone to trust. */
                if (i == 0 && r > 10 && len <= 26)
                    return r;
                out[10] = '\0';
                return 10;
            }
    }
    S_tok t[CD_META_DATE_TOKENS];
    size_t nt = S_tokens(s, len, t);
    r = S_match(t, nt, whole ? 2 : nt, dayfirst, out, s, len);
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

/* ---- a day without its year ----------------------------------------------------------- */

/* A line giving day and month but no year ("Islamabad, Jan 14", "08/01
 * 13:27 CET", a numeric one only before a clock time), read in the year of
 * reference day ry-rm-rd (the masthead's "today"): the latest such day not
 * after it, at most 31 days before. A numeric day/month that reads both ways
 * is settled by dayfirst (1 day first, -1 month first), else by the one
 * reading in that window. Returns the length of out or 0. */
size_t cd_meta_date_yearless(const char *s, size_t len, int dayfirst, int ry, int rm, int rd, char *out)
{
    if (!s || !out || !len || len > 48 || S_four_digits(s, len) || !S_valid(ry, rm, rd))
        return 0;
    S_tok t[CD_META_DATE_TOKENS];
    size_t nt = S_tokens(s, len, t), words = 0;
    long ref = S_days(ry, rm, rd);
    for (size_t i = 0; i < nt; i++)
        words += t[i].kind == S_T_WORD;
    if (words > 3)
        return 0; /* a sentence or a title, not a date line */
    for (size_t i = 0; i + 1 < nt; i++) {
        const S_tok *a = &t[i], *b = &t[i + 1], *c = i + 2 < nt ? &t[i + 2] : NULL;
        int m[2] = {0, 0}, d[2] = {0, 0}, nr = 0;
        size_t end = b->start;
        if (a->kind == S_T_MONTH && S_is_day(b) && !b->sep &&
            (!c || c->kind != S_T_NUM || S_clock_after(s, len, b->start + b->digits)))
            m[0] = a->value, d[0] = b->value, nr = 1, end = b->start + b->digits;
        else if (S_is_day(a) && !a->sep && b->kind == S_T_MONTH && (!c || c->kind != S_T_NUM || S_clock_after(s, len, b->start + 3)))
            m[0] = b->value, d[0] = a->value, nr = 1, end = b->start;
        else if (a->kind == S_T_NUM && b->kind == S_T_NUM && (a->sep == '/' || a->sep == '.') && !b->sep &&
                 a->digits <= 2 && b->digits <= 2 && a->start + a->digits + 1 == b->start &&
                 S_clock_after(s, len, b->start + b->digits)) {
            int df = a->value > 12 ? 1 : b->value > 12 ? -1 : dayfirst;
            if (df >= 0)
                m[nr] = b->value, d[nr] = a->value, nr++;
            if (df <= 0 && a->value != b->value)
                m[nr] = a->value, d[nr] = b->value, nr++;
            end = b->start + b->digits;
        } else
            continue;
        if (nr == 1 && b->kind == S_T_MONTH) {
            /* the month word's end */
            while (end < len && cd_isalpha((unsigned char)s[end]))
                end++;
        }
        int take = -1, y = 0;
        for (int r = 0; r < nr; r++) {
            int yy = m[r] < rm || (m[r] == rm && d[r] <= rd) ? ry : ry - 1;
            if (!S_valid(yy, m[r], d[r]))
                continue;
            long dd = S_days(yy, m[r], d[r]);
            if (dd > ref || dd < ref - 31)
                continue;
            if (take >= 0)
                return 0; /* both readings fit: open */
            take = r, y = yy;
        }
        if (take < 0)
            return 0;
        size_t o = S_ymd(out, y, m[take], d[take]);
        return S_time(s, len, end, y, m[take], d[take], out, o);
    }
    return 0;
}

/* ---- relative dates ------------------------------------------------------------------ */

/* The words of relative dates are the lists src/lists/relative-*.txt: units
 * by the start of the word (cd_list_relative_units, in seconds), the words
 * that make a count relative to now ("ago", "vor", "il y a" …), a count of
 * one written as a word ("an hour ago"), whole-day words ("yesterday"). */

static int S_word_eq(const char *w, size_t n, const char *lit)
{
    return cd_meta_eq_nocase(w, n, lit, strlen(lit));
}

size_t cd_meta_date_relative(const char *s, size_t len, long long ref, char *out)
{
    if (!s || !out || ref <= 0 || len == 0 || len > 60)
        return 0;
    /* Words: runs of letters (any non-ASCII byte counts as one), digits apart. */
    size_t ws[12], wl[12], nw = 0;
    int ago = 0;
    for (size_t i = 0; i < len && nw < 12;) {
        unsigned char ch = (unsigned char)s[i];
        size_t st = i;
        if (cd_isdigit(ch))
            while (i < len && cd_isdigit((unsigned char)s[i]))
                i++;
        else if (cd_isalpha(ch) || ch >= 0x80 || ch == '\'')
            while (i < len && (cd_isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80 ||
                               s[i] == '\''))
                i++;
        else {
            i++;
            continue;
        }
        ws[nw] = st, wl[nw++] = i - st;
    }
    if (nw > 6)
        return 0; /* a sentence, not a date line */
    for (size_t k = 0; cd_list_relative_ago_words[k]; k++) {
        const char *ago_word = cd_list_relative_ago_words[k];
        if (cd_contains_nocase(s, len, ago_word)) {
            /* as a word: "fa" must not be inside "fast" */
            for (size_t w = 0; w < nw; w++)
                if (S_word_eq(s + ws[w], wl[w], ago_word))
                    ago = 1;
            if (strchr(ago_word, ' '))
                ago = 1;
        }
    }
    long long t = -1;
    if (ago) {
        for (size_t w = 0; w + 1 < nw && t < 0; w++) {
            long count = -1;
            if (cd_isdigit((unsigned char)s[ws[w]])) {
                count = 0;
                for (size_t q = 0; q < wl[w] && q < 6; q++)
                    count = count * 10 + (s[ws[w] + q] - '0');
            } else if (cd_wordset_has(&cd_list_relative_one_words, s + ws[w], wl[w])) {
                count = 1;
            }
            if (count < 0)
                continue;
            const char *u = s + ws[w + 1];
            size_t un = wl[w + 1];
            for (const cd_list_pair *k = cd_list_relative_units; k->s; k++) {
                size_t l = strlen(k->s);
                /* "an"/"ans" and the like must be the whole word */
                int whole = l <= 2;
                if (un < l || !cd_eq_nocase(u, l, k->s) || (whole && un > l + 1))
                    continue;
                t = ref - (long long)count * k->value;
                break;
            }
        }
    } else {
        for (size_t w = 0; w < nw && t < 0; w++)
            for (const cd_list_pair *k = cd_list_relative_days; k->s; k++)
                if (S_word_eq(s + ws[w], wl[w], k->s)) {
                    t = ref - (long long)k->value * 86400;
                    break;
                }
    }
    if (t < 0)
        return 0;
    long long z = t / 86400 + 719468;
    long long era = z / 146097, doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1), m = (int)(mp < 10 ? mp + 3 : mp - 9);
    int y = (int)(yoe + era * 400 + (m <= 2));
    if (!S_valid(y, m, d))
        return 0;
    return S_ymd(out, y, m, d);
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
    /* Both readings below start from four digits in a row (a year, or the
     * first four of eight) in the path: most URLs have none. */
    size_t run = 0;
    for (size_t j = i; j < len && run < 4; j++)
        run = (unsigned char)(url[j] - '0') <= 9 ? run + 1 : 0;
    if (run < 4)
        return 0;
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
    /* "/2007/WORLD/meast/11/29/story/": the year, one or two section
     * folders (no digit), then the month's and the day's folders. */
    i = p && (size_t)(p - url) + 2 < len ? (size_t)(p - url) + 3 : 0;
    while (i < len && url[i] != '/')
        i++;
    for (; i + 6 < len; i++) {
        int y, m, d;
        if (url[i] != '/' || !S_num(url, len, i + 1, 4, &y) || url[i + 5] != '/' || y < 1990 || y > 2099)
            continue;
        size_t k = i + 6;
        for (unsigned folders = 0; folders < 2; folders++) {
            size_t st = k;
            while (k < len && url[k] != '/' && !cd_isdigit((unsigned char)url[k]))
                k++;
            if (k >= len || url[k] != '/' || k == st) break;
            k++; /* past one folder: month and day next? */
            size_t ml = k + 1 < len && cd_isdigit((unsigned char)url[k + 1]) ? 2 : 1;
            if (!S_num(url, len, k, ml, &m) || k + ml >= len || url[k + ml] != '/') continue;
            size_t q = k + ml + 1;
            size_t dl = q + 1 < len && cd_isdigit((unsigned char)url[q + 1]) ? 2 : 1;
            if (S_num(url, len, q, dl, &d) && q + dl < len && url[q + dl] == '/' && S_valid(y, m, d))
                return S_ymd(out, y, m, d);
        }
    }
    return 0;
}

/* Is text t[0..n) (a headline's length) a part of a stated title (<title>,
 * og/meta/JSON-LD title)? */
static int S_in_title(const cd_meta_ctx *c, const char *t, size_t n)
{
    static const int srcs[] = {CD_MS_TITLE, CD_MS_OG, CD_MS_META, CD_MS_JSONLD, CD_MS_TWITTER};
    size_t words = 0, at = 0;
    const char *w;
    while (cd_next_word(t, n, &at, &w))
        words++;
    if (n < 16 || words < 3)
        return 0;
    for (size_t s = 0; s < sizeof srcs / sizeof srcs[0]; s++) {
        const cd_meta_cand *list[4];
        size_t k = cd_meta_collect(c, CD_MF_TITLE, srcs[s], 0, list, 4);
        for (size_t i = 0; i < k; i++)
            /* Most of the title, not its site part ("THE TELEGRAPH" of
             * "The Telegraph - Calcutta (Kolkata) | Sports | Tour to …"). */
            for (size_t j = 0; n * 100 >= list[i]->len * 35 && j + n <= list[i]->len; j++)
                if (cd_meta_eq_nocase(list[i]->s + j, n, t, n))
                    return 1;
    }
    return 0;
}

/* Is the date line at node id beside the headline: a text a few texts
 * before or after it that the stated title holds ("Jewell close to striker
 * move" then "17:20, Jan 1 2008")? A date written further away, in the
 * page's header, is the day the page was served (the crawl date: "Columbus,
 * Ohio | Jan 15, 2008 | Text-only version"), or another story's. */
int cd_meta_date_by_headline(const cd_meta_ctx *c, cd_nid id)
{
    const cd_dom *dom = c->dom;
    /* Backwards: up to four texts, within 40 steps. */
    int budget = 40;
    cd_nid k = id;
    for (int texts = 0; texts < 4 && (k = cd_meta_text_back(dom, k, dom->body, &budget)); texts++) {
        size_t l = cd_dom_node(dom, k)->len;
        const char *s = cd_trim(cd_dom_node(dom, k)->u.text, &l);
        if (l <= 300 && S_in_title(c, s, l))
            return 1;
    }
    /* Forwards: the next two texts (a date line above the headline). */
    int texts = 0;
    k = id;
    for (int steps = 0; steps < 40 && texts < 2 && (k = cd_dom_next(dom, k, CD_NONE)); steps++) {
        const cd_node *t = cd_dom_node(dom, k);
        if (t->type != CD_NODE_TEXT)
            continue;
        size_t l = t->len;
        const char *s = cd_trim(t->u.text, &l);
        if (!l)
            continue;
        texts++;
        if (l <= 300 && S_in_title(c, s, l))
            return 1;
    }
    return 0;
}

cd_nid cd_meta_headline_at(const cd_meta_ctx *c)
{
    /* The h1 a stated title holds (not a logo's "Town Today" h1 over the
     * story's), else the first h1. */
    const cd_meta_cand *list[4];
    size_t nh = cd_meta_collect(c, CD_MF_TITLE, CD_MS_VISIBLE, 0, list, 4);
    for (size_t i = 0; i < nh; i++)
        if (list[i]->len <= 300 && S_in_title(c, list[i]->s, list[i]->len))
            return list[i]->pos;
    const cd_dom *dom = c->dom;
    if (!dom->body)
        return CD_NONE;
    unsigned texts = 0;
    for (cd_nid k = dom->body; k && texts < 4000; k = cd_dom_next(dom, k, dom->body)) {
        const cd_node *t = cd_dom_node(dom, k);
        if (t->type != CD_NODE_TEXT)
            continue;
        size_t l = t->len;
        const char *s = cd_trim(t->u.text, &l);
        if (!l)
            continue;
        texts++;
        if (l >= 16 && l <= 300 && S_in_title(c, s, l))
            return k;
    }
    return CD_NONE;
}

unsigned cd_meta_texts_between(const cd_meta_ctx *c, cd_nid a, cd_nid b, unsigned max)
{
    const cd_dom *dom = c->dom;
    unsigned texts = 0;
    for (cd_nid k = a; k && k < b && texts < max; k = cd_dom_next(dom, k, CD_NONE)) {
        const cd_node *t = cd_dom_node(dom, k);
        if (t->type != CD_NODE_TEXT)
            continue;
        size_t l = t->len;
        if (cd_trim(t->u.text, &l) && l)
            texts++;
    }
    return texts;
}
