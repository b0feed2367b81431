/* extract/article: is the page one article?
 *
 * Readability's method finds the best container of paragraphs on any page;
 * our broad mode takes the whole page minus its chrome when that container
 * holds less than half of the page's prose (a product, a listing, a forum).
 * A news story with long lists of other stories, comments and teasers beside
 * it fails that test too, and then every list of the page is read as text.
 * So extraction asks first whether the page is an article, from two kinds of
 * evidence:
 *   - what the page says it is: OpenGraph's og:type "article", schema.org's
 *     article types in JSON-LD or microdata (read here from the tree with a
 *     cheap scan: extraction does not depend on src/meta);
 *   - what it looks like (extract.c): a date beside the start of the chosen
 *     container (a byline and date line, a dateline) and one dominant run of
 *     prose, most of the page's long paragraphs in that container.
 * The date test is cd_article_date below. */
#include <pthread.h>
#include <string.h>

#include "../util/ctype.h"
#include "article.h"

/* schema.org types that are an article (the Article subtree, as used). */
static const char *const S_types[] = {
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "AskPublicNewsArticle",
    "SatiricalArticle",
    "ScholarlyArticle",
    "TechArticle",
    "Report",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    NULL,
};

/* schema.org types of pages that are not an article: a forum thread, a
 * question and its answers, a product, a list of things. */
static const char *const S_other[] = {
    "DiscussionForumPosting",
    "QAPage",
    "Question",
    "Product",
    "ProductGroup",
    "ItemList",
    "CollectionPage",
    "FAQPage",
    "SearchResultsPage",
    "ProfilePage",
    NULL,
};

/* A thread of a forum: its replies are its content, not comments on it
 * (a question page's comments under the answers are not: QAPage stays out). */
static const char S_discussion[] = "DiscussionForumPosting";

/* 1: an article type; -1: another page type; 0: neither. Sets
 * CD_TYPED_DISCUSSION in *flags (when not NULL) for S_discussion. */
static int S_is_type(const char *s, size_t n, unsigned *flags)
{
    /* "http://schema.org/NewsArticle" names the type after the last slash. */
    for (size_t i = n; i > 0; i--)
        if (s[i - 1] == '/' || s[i - 1] == '#') {
            s += i;
            n -= i;
            break;
        }
    if (flags && n == sizeof S_discussion - 1 && memcmp(S_discussion, s, n) == 0)
        *flags |= CD_TYPED_DISCUSSION;
    for (int k = 0; S_types[k]; k++)
        if (strlen(S_types[k]) == n && memcmp(S_types[k], s, n) == 0) return 1;
    for (int k = 0; S_other[k]; k++)
        if (strlen(S_other[k]) == n && memcmp(S_other[k], s, n) == 0) return -1;
    return 0;
}

/* Does a JSON-LD text name an article type as an @type (1), only other
 * page types (-1) or neither (0)? A string scan, not a parse: "@type" :
 * "NewsArticle" or "@type": ["NewsArticle", …]. */
static int S_jsonld_typed(const char *s, size_t n, unsigned *flags)
{
    int other = 0;
    static const char key[] = "\"@type\"";
    const size_t kl = sizeof key - 1;
    for (size_t i = 0; i + kl < n; i++) {
        if (s[i] != '"' || memcmp(s + i, key, kl) != 0) continue;
        size_t j = i + kl;
        while (j < n && cd_isspace((unsigned char)s[j]))
            j++;
        if (j >= n || s[j] != ':') continue;
        j++;
        while (j < n && (cd_isspace((unsigned char)s[j]) || s[j] == '['))
            j++;
        /* One string, or the strings of an array. */
        while (j < n && s[j] == '"') {
            size_t b = ++j;
            while (j < n && s[j] != '"')
                j++;
            int t = S_is_type(s + b, j - b, flags);
            if (t > 0) return 1;
            if (t < 0) other = 1;
            j++;
            while (j < n && (cd_isspace((unsigned char)s[j]) || s[j] == ','))
                j++;
        }
    }
    return other ? -1 : 0;
}

static void S_flags(unsigned *flags, unsigned f)
{
    if (flags)
        *flags = f;
}

int cd_article_typed(const cd_dom *dom)
{
    return cd_article_typed_ex(dom, NULL);
}

int cd_article_typed_ex(const cd_dom *dom, int *discussion)
{
    unsigned flags = 0;
    int t = cd_article_typed_flags(dom, &flags);
    if (discussion)
        *discussion = (flags & CD_TYPED_DISCUSSION) != 0;
    return t;
}

int cd_article_typed_flags(const cd_dom *dom, unsigned *flags)
{
    int other = 0, og = 0;
    unsigned f = 0;
    if (flags)
        *flags = 0;
    for (uint32_t id = 2; id < dom->count; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type != CD_NODE_ELEMENT) continue;
        size_t l = 0;
        const char *v;
        if (n->tag == CD_TAG_META) {
            v = cd_dom_attr(dom, id, "property", &l);
            if (!v) v = cd_dom_attr(dom, id, "name", &l);
            if (v && cd_eq_nocase(v, l, "og:type")) {
                v = cd_dom_attr(dom, id, "content", &l);
                if (v && l >= 7 && cd_eq_nocase(v, 7, "article"))
                    og = 1;
                else if (v && l)
                    other = 1; /* website, product, video.other … */
                if (v && l >= 7 && cd_eq_nocase(v, 7, "product"))
                    f |= CD_TYPED_OTHER_KIND; /* product, product.group, product.item */
            }
        } else if (n->tag == CD_TAG_SCRIPT) {
            v = cd_dom_attr(dom, id, "type", &l);
            if (!v || !cd_contains_nocase(v, l, "ld+json")) continue;
            for (cd_nid c = n->first; c; c = cd_dom_node(dom, c)->next) {
                const cd_node *t = cd_dom_node(dom, c);
                int k = t->type == CD_NODE_TEXT ? S_jsonld_typed(t->u.text, t->len, &f) : 0;
                if (k > 0) return S_flags(flags, f), 2;
                if (k < 0) other = 1, f |= CD_TYPED_OTHER_KIND;
            }
        } else if (n->len) {
            v = cd_dom_attr(dom, id, "itemtype", &l);
            /* A list of type URLs. */
            for (size_t i = 0; v && i < l;) {
                while (i < l && cd_isspace((unsigned char)v[i]))
                    i++;
                size_t b = i;
                while (i < l && !cd_isspace((unsigned char)v[i]))
                    i++;
                int k = i > b ? S_is_type(v + b, i - b, &f) : 0;
                if (k > 0) return S_flags(flags, f), 2;
                if (k < 0) other = 1, f |= CD_TYPED_OTHER_KIND;
            }
        }
    }
    S_flags(flags, f);
    return og ? 1 : other ? -1 : 0;
}

/* Month names and their usual abbreviations in English, French, German,
 * Spanish, Italian, Portuguese and Dutch, lower case (UTF-8), with their
 * lengths (the look-up runs on every word of every short line). */
typedef struct {
    const char *w;
    unsigned char n;
} S_word;
#define W(s)                                                                                       \
    {                                                                                              \
        s, sizeof s - 1                                                                            \
    }
static const S_word S_months[] = {
    W("january"),  W("february"),  W("march"),     W("april"),    W("may"),        W("june"),
    W("july"),     W("august"),    W("september"), W("october"),  W("november"),   W("december"),
    W("jan"),      W("feb"),       W("mar"),       W("apr"),      W("jun"),        W("jul"),
    W("aug"),      W("sep"),       W("sept"),      W("oct"),      W("nov"),        W("dec"),
    W("janvier"),  W("février"),   W("fevrier"),   W("mars"),     W("avril"),      W("mai"),
    W("juin"),     W("juillet"),   W("août"),      W("aout"),     W("septembre"),  W("octobre"),
    W("novembre"), W("décembre"),  W("decembre"),  W("janv"),     W("févr"),       W("fevr"),
    W("avr"),      W("juil"),      W("déc"),       W("januar"),   W("februar"),    W("märz"),
    W("maerz"),    W("juni"),      W("juli"),      W("oktober"),  W("dezember"),   W("jän"),
    W("okt"),      W("dez"),       W("enero"),     W("febrero"),  W("marzo"),      W("abril"),
    W("mayo"),     W("junio"),     W("julio"),     W("agosto"),   W("septiembre"), W("setiembre"),
    W("octubre"),  W("noviembre"), W("diciembre"), W("ene"),      W("abr"),        W("ago"),
    W("dic"),      W("gennaio"),   W("febbraio"),  W("aprile"),   W("maggio"),     W("giugno"),
    W("luglio"),   W("settembre"), W("ottobre"),   W("dicembre"), W("janeiro"),    W("fevereiro"),
    W("março"),    W("maio"),      W("junho"),     W("julho"),    W("setembro"),   W("outubro"),
    W("dezembro"), W("januari"),   W("februari"),  W("maart"),    W("mei"),        W("augustus"),
    W("mrt"),      {NULL, 0},
};

/* Small words that may stand between a month and its day or year: "15 de
 * enero de 2008", "the 15th of January", "le 3 mars". */
static const S_word S_glue[] = {W("de"), W("del"), W("of"), W("the"), W("st"), W("nd"),
                                W("rd"), W("th"),  W("er"), W("le"),  W("am"), {NULL, 0}};

enum { S_WORD = 1, S_NUM = 2 };

typedef struct {
    unsigned char kind;
    unsigned char len;
    char s[12]; /* lower-cased word, or the digits */
} S_tok;

static int S_in(const S_word *list, const char *s, size_t n)
{
    for (int k = 0; list[k].w; k++)
        if (list[k].n == n && list[k].w[0] == s[0] && memcmp(list[k].w, s, n) == 0) return 1;
    return 0;
}

/* Bit n of S_lens[i][b]: list i (S_months, S_glue) has an entry of n bytes
 * (n < 16) starting with byte b; worked out once. A word that no entry
 * could be is passed on one test, not a walk of the list (cd_article_date
 * looks up every word of every short line). */
static uint16_t S_lens[2][256];
static int S_lens_long; /* an entry of 16 bytes or more: no screen */
static pthread_once_t S_lens_once = PTHREAD_ONCE_INIT;

static void S_lens_index(void)
{
    const S_word *lists[2] = {S_months, S_glue};
    for (int i = 0; i < 2; i++)
        for (int k = 0; lists[i][k].w; k++) {
            if (lists[i][k].n >= 16 || !lists[i][k].n)
                S_lens_long = 1;
            else
                S_lens[i][(unsigned char)lists[i][k].w[0]] |= (uint16_t)(1u << lists[i][k].n);
        }
}

/* S_in(S_months or S_glue (which 0 or 1), s, n), screened by S_lens (n > 0). */
static int S_in_screened(int which, const char *s, size_t n)
{
    pthread_once(&S_lens_once, S_lens_index);
    if (!S_lens_long && (n >= 16 || !(S_lens[which][(unsigned char)s[0]] & (1u << n))))
        return 0;
    return S_in(which ? S_glue : S_months, s, n);
}

/* A day (1-31, one or two digits) or a year (four digits, 1900-2099). */
static int S_day_or_year(const S_tok *t)
{
    if (t->kind != S_NUM) return 0;
    if (t->len <= 2) {
        int d = t->len == 1 ? t->s[0] - '0' : (t->s[0] - '0') * 10 + (t->s[1] - '0');
        return d >= 1 && d <= 31;
    }
    return t->len == 4 && (memcmp(t->s, "19", 2) == 0 || memcmp(t->s, "20", 2) == 0);
}

/* n digits at s[i..]; returns the count (0 if none). */
static size_t S_digits(const char *s, size_t len, size_t i)
{
    size_t k = 0;
    while (i + k < len && cd_isdigit((unsigned char)s[i + k]))
        k++;
    return k;
}

static int S_numval(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n && i < 4; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* 15/01/2008, 01-15-08, 15.1.2008, 2008-01-15, 2008/1/15. */
static int S_numeric_date(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (!cd_isdigit((unsigned char)s[i]) || (i && cd_isalnum((unsigned char)s[i - 1])))
            continue;
        size_t a = S_digits(s, len, i);
        size_t j = i + a;
        if (j >= len || (s[j] != '/' && s[j] != '-' && s[j] != '.')) continue;
        char sep = s[j];
        size_t b = S_digits(s, len, j + 1);
        size_t k = j + 1 + b;
        if (!b || b > 2 || k >= len || s[k] != sep) continue;
        size_t c = S_digits(s, len, k + 1);
        size_t e = k + 1 + c;
        if (e < len && cd_isalnum((unsigned char)s[e])) continue;
        int x = S_numval(s + i, a), y = S_numval(s + j + 1, b), z = S_numval(s + k + 1, c);
        if (a == 4 && (c == 1 || c == 2)) {
            /* year-month-day */
            if (x >= 1900 && x <= 2099 && y >= 1 && y <= 12 && z >= 1 && z <= 31) return 1;
        } else if (a <= 2 && (c == 2 || c == 4)) {
            /* day-month-year or month-day-year */
            if (x >= 1 && y >= 1 && x <= 31 && y <= 31 && (x <= 12 || y <= 12) &&
                (c == 2 || (z >= 1900 && z <= 2099)))
                return 1;
        }
        i = e;
    }
    return 0;
}

int cd_article_month(const char *word, size_t len)
{
    char w[12] = {0};
    if (len == 0 || len > sizeof w) return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)word[i];
        if (b >= 0x80 && b <= 0x9E && i && (unsigned char)w[i - 1] == 0xC3)
            b = (unsigned char)(b + 0x20);
        w[i] = (char)cd_tolower(b);
    }
    return S_in_screened(0, w, len);
}

int cd_article_date(const char *s, size_t len)
{
    /* Every date below holds an ASCII digit (a day, a year, the numbers of
     * 1/15/2008 or 2008年1月): a text without one is none, and is not split
     * into words. */
    size_t dg = 0;
    while (dg < len && (unsigned char)(s[dg] - '0') > 9)
        dg++;
    if (dg == len) return 0;
    if (S_numeric_date(s, len)) return 1;
    /* 2008年1月15日: a year, 年, a month, 月. */
    for (size_t i = 0; i + 3 < len; i++) {
        if ((unsigned char)s[i] == 0xE5 && (unsigned char)s[i + 1] == 0xB9 &&
            (unsigned char)s[i + 2] == 0xB4 && i >= 4 && S_digits(s, len, i - 4) == 4) {
            size_t m = S_digits(s, len, i + 3);
            if (m >= 1 && m <= 2 && i + 3 + m + 2 < len && (unsigned char)s[i + 3 + m] == 0xE6 &&
                (unsigned char)s[i + 4 + m] == 0x9C && (unsigned char)s[i + 5 + m] == 0x88)
                return 1;
        }
    }
    /* Words and numbers; a month name with a day or a year beside it. */
    enum { WINDOW = 5 };
    S_tok tok[WINDOW];
    int ntok = 0;
    int month_at = -1; /* index in tok of a month waiting for a number after it */
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        S_tok t;
        memset(&t, 0, sizeof t);
        if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
            i += 2; /* a no-break space (&nbsp;&nbsp;Jan 15, 2008) parts words */
            continue;
        }
        if (cd_isdigit(c)) {
            t.kind = S_NUM;
            while (i < len && cd_isdigit((unsigned char)s[i])) {
                if (t.len < sizeof t.s) t.s[t.len] = s[i];
                t.len = t.len < 255 ? (unsigned char)(t.len + 1) : t.len;
                i++;
            }
            if (t.len > sizeof t.s) t.len = (unsigned char)sizeof t.s;
        } else if (cd_isalpha(c) || c >= 0x80) {
            t.kind = S_WORD;
            size_t n = 0;
            while (i < len && (cd_isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80) &&
                   !((unsigned char)s[i] == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0)) {
                unsigned char b = (unsigned char)s[i];
                /* Latin-1 capitals (U+00C0-U+00DE) to small letters. */
                if (b >= 0x80 && b <= 0x9E && n && n <= sizeof t.s && (unsigned char)t.s[n - 1] == 0xC3)
                    b = (unsigned char)(b + 0x20);
                if (n < sizeof t.s) t.s[n] = (char)cd_tolower(b);
                n++;
                i++;
            }
            t.len = n > sizeof t.s ? 0xFF : (unsigned char)n;
        } else {
            i++;
            continue;
        }
        int is_word = t.kind == S_WORD && t.len <= sizeof t.s;
        if (is_word && S_in_screened(1, t.s, t.len))
            continue; /* glue words are skipped: they neither make nor break a date */
        int is_month = is_word && S_in_screened(0, t.s, t.len);
        if (is_month && ntok && S_day_or_year(&tok[ntok - 1])) return 1; /* 15 January */
        if (month_at >= 0 && S_day_or_year(&t)) return 1; /* January 15, January 2008 */
        if (ntok == WINDOW) {
            memmove(tok, tok + 1, (WINDOW - 1) * sizeof tok[0]);
            ntok--;
        }
        tok[ntok++] = t;
        month_at = is_month ? ntok - 1 : -1;
    }
    return 0;
}
