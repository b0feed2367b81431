/* meta/parts: the article's parts read from the extracted body.
 *
 * Runs after extraction, over the content roots it chose: the dateline that
 * opens the body, the wire credit that closes it, the lead figure's caption
 * and photo credit, and a visible deck right under the headline. What is
 * carried as a field leaves the body (unless keep_parts) through
 * cd_extract_cut / cd_extract_drop; the tree itself is never modified.
 *
 * The patterns are the ones news style guides prescribe and wire copy uses
 * (AP Stylebook "datelines", Reuters' "(Reporting by …; Editing by …)"
 * sign-off, the "Name/Agency/Getty Images" photo line): a place in capitals
 * and a dash opening the first paragraph, a short closing line naming a news
 * agency, a caption ending in "Photo: …" or "(AP Photo/…)". The list of news
 * agencies below is general knowledge of the trade, not tuned to any site.
 *
 * Decisions:
 * - An agency in the dateline ("NEW YORK, Nov 6 (Reuters) -") is not part of
 *   `dateline` ("NEW YORK, Nov 6"); it becomes `credit` ("Reuters") when no
 *   closing credit line says more. A closing "Reporting by …; Editing by …"
 *   line names the staff, not the source, so the dateline's agency wins over
 *   it; any other closing credit line ("Al Jazeera and Reuters") wins over
 *   the dateline's agency. A credit set by a structured source stays.
 * - The deck leaves the body whatever keep_parts says (the text never holds
 *   the deck); the photo credit always leaves it; the dateline and the
 *   closing credit leave it unless keep_parts.
 *
 * Work is bounded: one pass over the body, a bounded window of nodes around
 * the headline, and a bounded number of bytes gathered from any block. */
#include <string.h>

#include "../extract/extract.h"
#include "../output/url.h"
#include "../util/buf.h"
#include "../util/ctype.h"
#include "../util/limits.h"
#include "../util/utf8.h"
#include "meta_int.h"

#define S_TEXT_MAX 600u       /* bytes gathered from one block */
#define S_SEGS 48u            /* text nodes gathered from one block */
#define S_GATHER_NODES 400u   /* nodes visited to gather one block */
#define S_BODY_NODES 400000u  /* nodes visited in the body pass */
#define S_BLOCKS_CHECKED 4000u /* short blocks tested as photo credits */
#define S_FIRST 4u            /* first blocks kept for the dateline and deck */
#define S_LAST 2u             /* closing blocks tested as credit lines */
#define S_LEAD_WINDOW 1500u   /* body bytes before which a figure is the lead */
#define S_HEAD_NODES 1500u    /* nodes searched between the headline and the body */
#define S_DECK_NODES 400u     /* nodes searched after the headline for a deck */
#define S_FIG_NODES 300u      /* nodes searched inside one figure */
#define S_CREDIT_MAX 240u     /* a closing credit line is at most this long */
#define S_PHOTO_LINE 120u     /* a standalone photo credit is at most this long */
#define S_DATELINE_MAX 60u    /* bytes of place, region and date */

/* ---- the state of one run ---------------------------------------------- */

typedef struct S_parts {
    cd_meta *m;
    const cd_dom *dom;
    cd_arena *arena;
    cd_extract *x;
    const char *page_url;
    int keep;
    cd_meta_ctx ctx; /* for cd_meta_class_has */
    /* From the body pass. */
    cd_nid first[S_FIRST];
    unsigned nfirst;
    cd_nid last[S_LAST]; /* last[0] the closing block, last[1] the one before */
    cd_nid last_text;    /* the last text node with words */
    cd_nid lead_fig;     /* the lead figure (or figure-like block) */
    cd_nid lead_caption; /* a caption element outside any figure */
    const char *loose_credit; /* a standalone photo credit before the first paragraph */
    const char *agency;  /* the agency named in the dateline */
    cd_nid h1;           /* the headline element */
} S_parts;

/* Text gathered from a subtree, with the map back to its text nodes. */
typedef struct S_seg {
    cd_nid node;
    uint32_t at, len; /* s[at, at+len) is the node's bytes [0, len) */
} S_seg;

typedef struct S_text {
    char s[S_TEXT_MAX];
    uint32_t n;
    S_seg seg[S_SEGS];
    uint32_t nseg;
    int more; /* the subtree holds more than was gathered */
} S_text;

static int S_marked(const S_parts *p, cd_nid id)
{
    return p->x->mark && id < p->x->mark_cap && p->x->mark[id] != CD_MARK_NONE;
}

/* Is id rendered: inside a content root, with no left-out ancestor? */
static int S_rendered(const S_parts *p, cd_nid id)
{
    unsigned depth = 0;
    for (cd_nid a = id; a && depth < CD_MAX_DEPTH + 8; a = cd_dom_node(p->dom, a)->parent, depth++) {
        if (S_marked(p, a))
            return 0;
        for (uint32_t r = 0; r < p->x->nroots; r++)
            if (p->x->roots[r] == a)
                return 1;
    }
    return 0;
}

static int S_is_space_text(const cd_node *n)
{
    for (uint32_t i = 0; i < n->len; i++) {
        unsigned char c = (unsigned char)n->u.text[i];
        if (!cd_isspace(c) && !(c == 0xC2 && i + 1 < n->len && (unsigned char)n->u.text[i + 1] == 0xA0))
            return 0;
        if (c == 0xC2)
            i++;
    }
    return 1;
}

/* Gather the visible text of top (skipping the subtree `skip`; honouring the
 * extraction's marks when rendered) into t. Blocks and <br> inside become a
 * space that belongs to no node. */
static void S_gather(const S_parts *p, cd_nid top, cd_nid skip, int rendered, S_text *t)
{
    const cd_dom *dom = p->dom;
    t->n = 0;
    t->nseg = 0;
    t->more = 0;
    unsigned seen = 0;
    for (cd_nid k = top; k; seen++) {
        if (seen >= S_GATHER_NODES) {
            t->more = 1;
            break;
        }
        const cd_node *nd = cd_dom_node(dom, k);
        if (k != top && (k == skip || (rendered && S_marked(p, k)))) {
            k = cd_dom_next_skip(dom, k, top);
            continue;
        }
        if (nd->type == CD_NODE_TEXT) {
            if (t->n + nd->len > S_TEXT_MAX || t->nseg >= S_SEGS) {
                t->more = 1;
                break;
            }
            memcpy(t->s + t->n, nd->u.text, nd->len);
            t->seg[t->nseg++] = (S_seg){k, t->n, nd->len};
            t->n += nd->len;
        } else if (nd->type == CD_NODE_ELEMENT && k != top) {
            unsigned f = cd_tag_flags(nd->tag);
            if ((f & CD_TF_SKIP) || !cd_extract_node_visible(dom, k)) {
                k = cd_dom_next_skip(dom, k, top);
                continue;
            }
            if (((f & CD_TF_BLOCK) || nd->tag == CD_TAG_BR) && t->n && t->n < S_TEXT_MAX)
                t->s[t->n++] = ' ';
        }
        k = cd_dom_next(dom, k, top);
    }
}

/* Leave t->s[a, b) out of the rendering: whole text nodes are dropped, parts
 * of one cut. All or nothing: 0 when the cuts would not fit. */
static int S_cut(S_parts *p, const S_text *t, uint32_t a, uint32_t b)
{
    unsigned need = 0;
    for (uint32_t i = 0; i < t->nseg; i++) {
        const S_seg *g = &t->seg[i];
        if (g->at + g->len <= a || g->at >= b)
            continue;
        uint32_t lo = a > g->at ? a - g->at : 0, hi = b < g->at + g->len ? b - g->at : g->len;
        if (!(lo == 0 && hi == cd_dom_node(p->dom, g->node)->len))
            need++;
    }
    if (p->x->ncuts + need > CD_MAX_CUTS)
        return 0;
    for (uint32_t i = 0; i < t->nseg; i++) {
        const S_seg *g = &t->seg[i];
        if (g->at + g->len <= a || g->at >= b)
            continue;
        uint32_t lo = a > g->at ? a - g->at : 0, hi = b < g->at + g->len ? b - g->at : g->len;
        if (lo == 0 && hi == cd_dom_node(p->dom, g->node)->len)
            cd_extract_drop(p->x, g->node);
        else if (hi > lo)
            cd_extract_cut(p->x, p->dom, g->node, lo, hi - lo);
    }
    return 1;
}

static const char *S_clean(S_parts *p, const char *s, size_t n)
{
    return cd_meta_clean(p->arena, s, n, NULL);
}

/* ---- characters and words ------------------------------------------------ */

static unsigned S_words_in(const char *s, size_t n);
static int S_title_case(const char *s, size_t n);

/* Bytes of the UTF-8 space or dash at s[i] (0 when none). */
static size_t S_space_at(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (cd_isspace(c))
        return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] >= 0x80 && (unsigned char)s[i + 2] <= 0x8A))
        return 3; /* U+2000..U+200A */
    return 0;
}

static size_t S_skip_space(const char *s, size_t n, size_t i)
{
    size_t k;
    while (i < n && (k = S_space_at(s, n, i)) > 0)
        i += k;
    return i;
}

/* A dash at s[i]: em, en, horizontal bar, "--" or "-"; returns its bytes. */
static size_t S_dash_at(const char *s, size_t n, size_t i, int *hyphen)
{
    *hyphen = 0;
    if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x94 || (unsigned char)s[i + 2] == 0x93 ||
         (unsigned char)s[i + 2] == 0x95))
        return 3;
    if (i < n && s[i] == '-') {
        *hyphen = 1;
        return (i + 1 < n && s[i + 1] == '-') ? 2 : 1;
    }
    return 0;
}

enum { S_W_NONE, S_W_UPPER, S_W_CAP, S_W_LOWER };

/* Letter case of the code point cp: 1 upper, 2 lower, 0 not a letter
 * (Latin, Greek, Cyrillic; enough for place names). */
static int S_case(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? 1 : (cp >= 'a' && cp <= 'z') ? 2 : 0;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return 1;
    if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
        return 2;
    if (cp >= 0x100 && cp <= 0x17F)
        return (cp & 1) ? 2 : 1;
    if (cp >= 0x391 && cp <= 0x3A9)
        return 1;
    if (cp >= 0x3B1 && cp <= 0x3C9)
        return 2;
    if (cp >= 0x410 && cp <= 0x42F)
        return 1;
    if (cp >= 0x430 && cp <= 0x44F)
        return 2;
    return 0;
}

/* One word at s[i]: letters with inner '.', '\'', '’' and '-'. Returns its
 * end (i when none) and its kind in *kind, its letters in *letters. */
static size_t S_word(const char *s, size_t n, size_t i, int *kind, unsigned *letters)
{
    size_t j = i;
    unsigned up = 0, low = 0, nl = 0;
    int first = 0;
    while (j < n) {
        uint32_t cp;
        size_t k = cd_utf8_decode((const unsigned char *)s + j, n - j, &cp);
        int c = S_case(cp);
        if (c) {
            if (!nl)
                first = c;
            nl++;
            if (c == 1)
                up++;
            else
                low++;
            j += k;
            continue;
        }
        /* Inner punctuation: "ST. LOUIS", "N'DJAMENA", "WINSTON-SALEM". */
        if (nl && (cp == '.' || cp == '\'' || cp == 0x2019 || cp == '-')) {
            size_t after = j + k;
            if (cp == '.') {
                j = after; /* "D.C." ends with its dot */
                continue;
            }
            if (after < n) {
                uint32_t c2;
                cd_utf8_decode((const unsigned char *)s + after, n - after, &c2);
                if (S_case(c2)) {
                    j = after;
                    continue;
                }
            }
        }
        break;
    }
    *letters = nl;
    if (!nl)
        *kind = S_W_NONE;
    else if (!low)
        *kind = S_W_UPPER;
    else if (first == 1)
        *kind = S_W_CAP;
    else
        *kind = S_W_LOWER;
    return nl ? j : i;
}

/* ---- news agencies ------------------------------------------------------ */

/* Wire services and news agencies (and the generic words for them). Short
 * acronyms are matched with their case, names without. */
static const char *const S_agencies[] = {
    "AP", "Associated Press", "The Associated Press", "Reuters", "Thomson Reuters", "AFP",
    "Agence France-Presse", "Agence France Presse", "Bloomberg", "Bloomberg News", "Xinhua",
    "EFE", "ANSA", "dpa", "DPA", "Kyodo", "Kyodo News", "Yonhap", "PTI", "IANS", "ANI", "UPI",
    "United Press International", "TASS", "Interfax", "RIA Novosti", "Anadolu", "Anadolu Agency",
    "Press Association", "PA", "PA Media", "AAP", "Australian Associated Press", "Canadian Press",
    "The Canadian Press", "CP", "Bernama", "Antara", "Europa Press", "Lusa", "Belga", "ANP",
    "Ritzau", "NTB", "TT", "APA", "KNA", "Jiji", "Jiji Press", "WAFA", "IRNA", "Tasnim", "MENA",
    "CNA", "NNA", "Notimex", "Prensa Latina", "AP Photo", "Getty Images", "EPA", "EPA-EFE",
    "Shutterstock", "Alamy", "agencies", "Agencies", "news agencies", "News agencies",
    "wire services", "Wire services", "wires", "Wires", "wire reports", "Wire reports", NULL};

static int S_agency(const char *s, size_t n)
{
    while (n && (s[n - 1] == '.' || cd_isspace((unsigned char)s[n - 1])))
        n--;
    while (n && cd_isspace((unsigned char)*s))
        s++, n--;
    for (size_t i = 0; S_agencies[i]; i++) {
        size_t l = strlen(S_agencies[i]);
        if (l != n)
            continue;
        if (l <= 4 ? memcmp(s, S_agencies[i], l) == 0 : cd_eq_nocase(s, n, S_agencies[i]))
            return 1;
    }
    return 0;
}

/* Does s name an agency as a whole word sequence ("Atta Kenare/AFP/Getty
 * Images" names AFP)? Parts are split at '/', ',', ';', " and ", " via ". */
static int S_names_agency(const char *s, size_t n)
{
    size_t st = 0;
    for (size_t i = 0; i <= n; i++) {
        size_t brk = 0;
        if (i == n || s[i] == '/' || s[i] == ',' || s[i] == ';' || s[i] == '&' || s[i] == '(' ||
            s[i] == ')')
            brk = 1;
        else if (i + 5 <= n && (memcmp(s + i, " and ", 5) == 0 || memcmp(s + i, " via ", 5) == 0))
            brk = 5;
        if (!brk)
            continue;
        if (i > st && S_agency(s + st, i - st))
            return 1;
        /* "AFP via Getty Images": the last words alone. */
        for (size_t k = st; k < i; k++)
            if (s[k] == ' ' && S_agency(s + k + 1, i - k - 1))
                return 1;
        st = i + brk;
        i = st - 1;
    }
    return 0;
}

/* Is s (trimmed) a list of names joined by "and", ",", "&", "/", at least one
 * of them an agency: "Al Jazeera and Reuters", "AP/Reuters", "Agencies"? Every
 * name is one to five words starting with a capital (or a known lower-case
 * agency word). */
static int S_agency_list(const char *s, size_t n)
{
    if (!n || n > 100)
        return 0;
    int agency = 0;
    size_t st = 0;
    for (size_t i = 0; i <= n; i++) {
        size_t brk = 0;
        if (i == n || s[i] == '/' || s[i] == ',' || s[i] == '&')
            brk = 1;
        else if (i + 5 <= n && memcmp(s + i, " and ", 5) == 0)
            brk = 5;
        if (!brk)
            continue;
        size_t a = st, b = i;
        while (a < b && cd_isspace((unsigned char)s[a]))
            a++;
        while (b > a && (cd_isspace((unsigned char)s[b - 1]) || s[b - 1] == '.'))
            b--;
        if (b == a)
            return 0;
        if (S_agency(s + a, b - a)) {
            agency = 1;
        } else {
            unsigned words = 0;
            for (size_t k = a; k < b;) {
                int kind;
                unsigned nl;
                size_t e = S_word(s, b, k, &kind, &nl);
                if (e == k || (kind != S_W_UPPER && kind != S_W_CAP))
                    return 0;
                words++;
                k = S_skip_space(s, b, e);
            }
            if (words > 5)
                return 0;
        }
        st = i + brk;
        i = st - 1;
    }
    return agency;
}

/* Is s a list of people's or organisations' names ("Abigail Williams and
 * Beomsu Jo", "The Associated Press")? Capitalised words joined by "and",
 * ",", "&"; at most twelve words. */
static int S_names_list(const char *s, size_t n)
{
    unsigned words = 0;
    for (size_t k = S_skip_space(s, n, 0); k < n;) {
        size_t e = k;
        while (e < n && s[e] != ' ' && s[e] != ',')
            e++;
        if (!(cd_eq_nocase(s + k, e - k, "and") || cd_eq_nocase(s + k, e - k, "&"))) {
            int kind;
            unsigned nl;
            size_t w = S_word(s, e, k, &kind, &nl);
            if (w != e || (kind != S_W_UPPER && kind != S_W_CAP) || ++words > 12)
                return 0;
        } else if (!words) {
            return 0;
        }
        k = e;
        while (k < n && (s[k] == ' ' || s[k] == ','))
            k++;
    }
    return words > 0;
}

/* ---- dateline ----------------------------------------------------------- */

/* Capitalised words that open a paragraph but are not places. */
static const char *const S_not_places[] = {
    "UPDATE", "UPDATED", "UPDATES", "BREAKING", "BREAKING NEWS", "EXCLUSIVE", "ANALYSIS",
    "OPINION", "EDITOR'S NOTE", "EDITORS NOTE", "NOTE", "WATCH", "VIDEO", "PHOTOS", "LIVE",
    "NEW", "CORRECTION", "CLARIFICATION", "WARNING", "SPOILER", "SPOILERS", "ADVERTISEMENT",
    "FILE", "PHOTO", "FACT CHECK", "REVIEW", "INTERVIEW", "EDITORIAL", "COMMENTARY", "PODCAST",
    "LISTEN", "READ", "READ MORE", "MORE", "SPONSORED", "PROMOTED", "ALERT", "URGENT", "FLASH",
    "DEVELOPING", "FIRST ON", "THE", "TL;DR", "TLDR", "FAQ", "RELATED", "SEE ALSO", "ALSO",
    "SUMMARY", "BACKGROUND", "CONTEXT", "WHAT", "WHY", "HOW", "WHO", "WHEN", "WHERE", "UPDATE",
    "ET", "PT", "GMT", "UTC", "EST", "EDT", "PST", "PDT", "CET", "BST", "AM", "PM", "OK",
    "SPONSOR", "DISCLAIMER", "DISCLOSURE", "TRIGGER WARNING", "CONTENT WARNING", NULL};

static int S_not_place(const char *s, size_t n)
{
    for (size_t i = 0; S_not_places[i]; i++)
        if (cd_eq_nocase(s, n, S_not_places[i]))
            return 1;
    return 0;
}

static const char *const S_months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                       "sep", "sept", "oct", "nov", "dec", "january", "february",
                                       "march", "april", "june", "july", "august", "september",
                                       "october", "november", "december", NULL};

static int S_month(const char *s, size_t n)
{
    if (n && s[n - 1] == '.')
        n--;
    for (size_t i = 0; S_months[i]; i++)
        if (cd_eq_nocase(s, n, S_months[i]))
            return 1;
    return 0;
}

/* One segment after a comma: "Lebanon", "Calif.", "N.Y.", "Nov 6", "14 March",
 * "2024". Returns its end or i when it is none. */
static size_t S_region(const char *s, size_t n, size_t i, int *date)
{
    size_t j = i;
    unsigned words = 0;
    *date = 0;
    while (j < n && words < 5) {
        if (cd_isdigit((unsigned char)s[j])) {
            size_t k = j;
            while (k < n && cd_isdigit((unsigned char)s[k]))
                k++;
            if (k - j > 4)
                return i;
            *date = 1;
            j = k;
        } else {
            int kind;
            unsigned nl;
            size_t e = S_word(s, n, j, &kind, &nl);
            if (e == j)
                break;
            if (S_month(s + j, e - j))
                *date = 1;
            else if (kind != S_W_UPPER && kind != S_W_CAP)
                return i;
            j = e;
        }
        words++;
        size_t k = S_skip_space(s, n, j);
        /* Stop before a dash, a parenthesis, a comma or the next sentence. */
        if (k >= n || s[k] == ',' || s[k] == '(' || s[k] == ':')
            break;
        int hy;
        if (S_dash_at(s, n, k, &hy) && (!hy || k > j))
            break;
        if (k == j)
            break;
        j = k;
    }
    return words ? j : i;
}

typedef struct S_dl {
    uint32_t place_at, place_end; /* the dateline kept (place .. date) */
    uint32_t agency_at, agency_end;
    uint32_t end;                 /* after the separator and its spaces */
} S_dl;

/* Match a dateline at the start of s[0..n). */
static int S_dateline_match(const char *s, size_t n, S_dl *d)
{
    memset(d, 0, sizeof *d);
    size_t i = S_skip_space(s, n, 0);
    size_t st = i;
    /* The place: capitalised words. */
    unsigned words = 0, letters = 0, upper = 1;
    size_t j = i;
    while (j < n && words < 6) {
        int kind;
        unsigned nl;
        size_t e = S_word(s, n, j, &kind, &nl);
        if (e == j)
            break;
        if (kind == S_W_LOWER) {
            /* "Rio de Janeiro": a particle inside a mixed-case name. */
            if (!words || upper || nl > 3)
                break;
        } else if (kind == S_W_CAP) {
            if (words && upper)
                break; /* "WASHINGTON The" */
            upper = 0;
        } else if (!upper) {
            break;
        }
        words++;
        letters += nl;
        j = e;
        size_t k = S_skip_space(s, n, j);
        if (k == j || k >= n)
            break;
        int kind2;
        unsigned nl2;
        size_t e2 = S_word(s, n, k, &kind2, &nl2);
        if (e2 == k)
            break;
        j = k;
    }
    /* Trailing space before what follows. */
    while (j > st && cd_isspace((unsigned char)s[j - 1]))
        j--;
    if (!words || letters < 3 || j - st > 40 || S_not_place(s + st, j - st))
        return 0;
    /* A mixed-case word that is followed by lower case is a sentence. */
    size_t place_end = j;
    int region = 0, date = 0;
    size_t k = S_skip_space(s, n, j);
    for (unsigned segs = 0; segs < 3 && k < n && s[k] == ','; segs++) {
        size_t r0 = S_skip_space(s, n, k + 1);
        int isdate;
        size_t r1 = S_region(s, n, r0, &isdate);
        if (r1 == r0)
            break;
        region = 1;
        date |= isdate;
        place_end = r1;
        k = S_skip_space(s, n, r1);
    }
    if (place_end - st > S_DATELINE_MAX)
        return 0;
    /* The agency: "(Reuters)", "(AP)". */
    if (k < n && s[k] == '(') {
        size_t c = k + 1;
        while (c < n && c - k < 40 && s[c] != ')' && s[c] != '(')
            c++;
        if (c >= n || s[c] != ')' || c == k + 1)
            return 0;
        int kind;
        unsigned nl;
        int isdate = 0;
        size_t w = S_word(s, n, k + 1, &kind, &nl);
        for (size_t q = k + 1; q < c; q++)
            isdate |= cd_isdigit((unsigned char)s[q]);
        if (isdate || (w > k + 1 && S_month(s + k + 1, w - k - 1))) {
            /* "WASHINGTON (January 24, 2017) —": a date, part of the dateline. */
            place_end = c + 1;
            region = 1;
        } else {
            if (w == k + 1 || (kind == S_W_LOWER && !S_agency(s + k + 1, c - k - 1)))
                return 0;
            d->agency_at = (uint32_t)(k + 1);
            d->agency_end = (uint32_t)c;
        }
        k = S_skip_space(s, n, c + 1);
    }
    /* The separator. */
    int hyphen;
    size_t dl = k < n ? S_dash_at(s, n, k, &hyphen) : 0;
    size_t after;
    if (dl) {
        /* A hyphen needs a space before it ("LONDON - "), or the agency. */
        if (hyphen && k == place_end && !d->agency_end)
            return 0;
        after = k + dl;
    } else if (k < n && s[k] == ':' && upper && k == place_end) {
        after = k + 1;
    } else {
        return 0;
    }
    /* Mixed case ("Tehran, Iran —") only with a region or an agency, and a dash. */
    if (!upper && (!dl || (!region && !d->agency_end)))
        return 0;
    (void)date;
    size_t body = S_skip_space(s, n, after);
    /* What follows is a sentence, not a label's few words ("PROJECT: Weekend Coding Agent"). */
    if (body >= n || n - body < 20 || S_words_in(s + body, n - body) < 6 ||
        S_title_case(s + body, n - body > 80 ? 80 : n - body))
        return 0;
    /* The body starts with a word, a number or a quote, not more punctuation. */
    unsigned char b0 = (unsigned char)s[body];
    if (!(cd_isalnum(b0) || b0 >= 0x80 || b0 == '"' || b0 == '\''))
        return 0;
    d->place_at = (uint32_t)st;
    d->place_end = (uint32_t)place_end;
    d->end = (uint32_t)body;
    return 1;
}

/* A news outlet's short name in capitals: "CNN", "CNN Business". */
static int S_outlet(const char *s, size_t n)
{
    unsigned words = 0;
    for (size_t k = 0; k < n;) {
        int kind;
        unsigned nl;
        size_t e = S_word(s, n, k, &kind, &nl);
        if (e == k || (words == 0 && (kind != S_W_UPPER || nl < 2)) ||
            (kind != S_W_UPPER && kind != S_W_CAP) || ++words > 3)
            return 0;
        k = e;
        if (k < n && s[k] != ' ')
            return 0;
        k = S_skip_space(s, n, k);
    }
    return words > 0 && n <= 24;
}

/* "(CNN) —": an agency alone, without a place. */
static int S_agency_opener(const char *s, size_t n, S_dl *d)
{
    memset(d, 0, sizeof *d);
    size_t i = S_skip_space(s, n, 0);
    if (i >= n || s[i] != '(')
        return 0;
    size_t c = i + 1;
    while (c < n && c - i < 30 && s[c] != ')')
        c++;
    if (c >= n || s[c] != ')' || !(S_agency(s + i + 1, c - i - 1) || S_outlet(s + i + 1, c - i - 1)))
        return 0;
    size_t k = S_skip_space(s, n, c + 1);
    int hy;
    size_t dl = S_dash_at(s, n, k, &hy);
    if (!dl)
        return 0;
    size_t body = S_skip_space(s, n, k + dl);
    if (n - body < 20)
        return 0;
    d->agency_at = (uint32_t)(i + 1);
    d->agency_end = (uint32_t)c;
    d->place_at = d->place_end = (uint32_t)i;
    d->end = (uint32_t)body;
    return 1;
}

static void S_dateline(S_parts *p)
{
    S_text t;
    for (unsigned b = 0; b < p->nfirst && b < 3; b++) {
        if (S_marked(p, p->first[b]))
            continue;
        S_gather(p, p->first[b], CD_NONE, 1, &t);
        /* The dateline and the sentence it opens share one line: stop at the
         * first block or <br> inside ("<strong>GNW: Title</strong><p>…"). */
        uint32_t line = t.n;
        for (uint32_t i = 0; i + 1 < t.nseg; i++)
            if (t.seg[i + 1].at > t.seg[i].at + t.seg[i].len) {
                line = t.seg[i].at + t.seg[i].len;
                break;
            }
        S_dl d;
        int ok = S_dateline_match(t.s, line, &d) || S_agency_opener(t.s, line, &d);
        if (ok) {
            if (d.place_end > d.place_at && !p->m->dateline) {
                p->m->dateline = S_clean(p, t.s + d.place_at, d.place_end - d.place_at);
                if (p->m->dateline)
                    p->m->dateline_source = "visible";
            }
            if (d.agency_end > d.agency_at)
                p->agency = S_clean(p, t.s + d.agency_at, d.agency_end - d.agency_at);
            if (!p->keep)
                S_cut(p, &t, d.place_at, d.end);
            return;
        }
        /* Only a short opener (a kicker, a stray byline) is passed over. */
        if (t.more || t.n > 100)
            return;
    }
}

/* ---- closing credit ---------------------------------------------------- */

static int S_starts(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    return n >= l && cd_eq_nocase(s, l, lit);
}

static int S_ends(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    return n >= l && cd_eq_nocase(s + n - l, l, lit);
}

/* Trim spaces, outer parentheses/brackets, emphasis stars and a leading dash. */
static void S_trim(const char **s, size_t *n)
{
    const char *a = *s;
    size_t l = *n;
    for (int again = 1; again;) {
        again = 0;
        while (l && (cd_isspace((unsigned char)*a) || *a == '*' || *a == '_'))
            a++, l--;
        while (l && (cd_isspace((unsigned char)a[l - 1]) || a[l - 1] == '*' || a[l - 1] == '_'))
            l--;
        int hy;
        size_t d = l ? S_dash_at(a, l, 0, &hy) : 0;
        if (d) {
            a += d, l -= d;
            again = 1;
        }
        if (l >= 2 && ((a[0] == '(' && a[l - 1] == ')') || (a[0] == '[' && a[l - 1] == ']'))) {
            /* Only when the parentheses enclose the whole line. */
            size_t depth = 0, ok = 1;
            for (size_t i = 0; i < l; i++) {
                if (a[i] == '(' || a[i] == '[')
                    depth++;
                else if ((a[i] == ')' || a[i] == ']') && --depth == 0 && i + 1 < l)
                    ok = 0;
            }
            if (ok) {
                a++, l -= 2;
                again = 1;
            }
        }
    }
    *s = a;
    *n = l;
}

enum { S_CREDIT_NONE, S_CREDIT_LINE, S_CREDIT_STAFF };

/* Is the whole line s a credit line? S_CREDIT_STAFF for "Reporting by …". */
static int S_credit_line(const char *s, size_t n)
{
    S_trim(&s, &n);
    if (n < 2 || n > S_CREDIT_MAX)
        return S_CREDIT_NONE;
    static const char *const contributed[] = {
        "contributed to this report", "contributed to this report.", "contributed to this story",
        "contributed to this story.", "contributed to this article", "contributed to this article.",
        "contributed reporting", "contributed reporting.", "contributed to this reporting.",
        "contributed to this reporting", NULL};
    for (size_t i = 0; contributed[i]; i++)
        if (S_ends(s, n, contributed[i]))
            return n < 200 ? S_CREDIT_LINE : S_CREDIT_NONE;
    /* "Abigail Williams and Beomsu Jo contributed.", "… contributed reporting from Paris." */
    if (n < 200) {
        static const char *const verbs[] = {" contributed.", " contributed", " contributed reporting ",
                                            " contributed to this report ", NULL};
        for (size_t i = 0; verbs[i]; i++) {
            size_t l = strlen(verbs[i]);
            for (size_t k = 1; k + l <= n; k++) {
                if (memcmp(s + k, verbs[i], l) != 0)
                    continue;
                if (verbs[i][l - 1] != ' ' && k + l != n)
                    continue; /* "contributed." ends the line */
                if (S_names_list(s, k))
                    return S_CREDIT_LINE;
            }
        }
    }
    static const char *const staff[] = {"reporting by ", "additional reporting by ",
                                        "writing by ", "editing by ", "compiled by ",
                                        "reporting and writing by ", NULL};
    for (size_t i = 0; staff[i]; i++)
        if (S_starts(s, n, staff[i]))
            return S_CREDIT_STAFF;
    static const char *const lead[] = {"source: ", "sources: ", "source : ", "with ",
                                       "via ", "from ", "by ", NULL};
    for (size_t i = 0; lead[i]; i++) {
        size_t l = strlen(lead[i]);
        if (S_starts(s, n, lead[i]) && S_agency_list(s + l, n - l))
            return S_CREDIT_LINE;
    }
    if (S_agency_list(s, n))
        return S_CREDIT_LINE;
    return S_CREDIT_NONE;
}

/* A trailing "(Reporting by …; Editing by …)" inside the last paragraph:
 * returns the offset of its '(' in s, or n. */
static size_t S_trailing_signoff(const char *s, size_t n)
{
    size_t e = n;
    while (e && cd_isspace((unsigned char)s[e - 1]))
        e--;
    if (!e || s[e - 1] != ')')
        return n;
    size_t lo = e > 400 ? e - 400 : 0;
    for (size_t i = e; i-- > lo;) {
        if (s[i] != '(')
            continue;
        if (S_starts(s + i + 1, e - i - 1, "reporting by ") ||
            S_starts(s + i + 1, e - i - 1, "additional reporting by ") ||
            S_starts(s + i + 1, e - i - 1, "writing by ") ||
            S_starts(s + i + 1, e - i - 1, "editing by "))
            return i > 0 ? i : n; /* a paragraph that is all sign-off is a line */
        return n;
    }
    return n;
}

static void S_credit_set(S_parts *p, const char *s, size_t n)
{
    S_trim(&s, &n);
    if (p->m->credit)
        return; /* a structured statement stays */
    p->m->credit = S_clean(p, s, n);
    if (p->m->credit)
        p->m->credit_source = "visible";
}

static void S_credit(S_parts *p)
{
    S_text t;
    int kind = S_CREDIT_NONE;
    for (unsigned b = 0; b < S_LAST && !kind; b++) {
        cd_nid blk = p->last[b];
        if (!blk || S_marked(p, blk))
            continue;
        /* The first paragraph is never the closing credit. */
        if (p->nfirst && blk == p->first[0] && b == 0 && !p->last[1])
            break;
        S_gather(p, blk, CD_NONE, 1, &t);
        if (t.more)
            continue;
        const char *s = t.s;
        size_t n = t.n;
        kind = S_credit_line(s, n);
        /* A structured credit confirms a line that says just that. */
        if (!kind && p->m->credit) {
            S_trim(&s, &n);
            size_t cl = strlen(p->m->credit);
            char *c = cd_meta_clean(p->arena, s, n, &n);
            if (c && cd_meta_eq_nocase(c, n, p->m->credit, cl))
                kind = S_CREDIT_LINE;
        }
        if (!kind)
            continue;
        if (kind == S_CREDIT_STAFF && p->agency)
            S_credit_set(p, p->agency, strlen(p->agency));
        else
            S_credit_set(p, t.s, t.n);
        if (!p->keep)
            cd_extract_drop(p->x, blk);
    }
    if (!kind && p->last_text && !S_marked(p, p->last_text)) {
        const cd_node *n = cd_dom_node(p->dom, p->last_text);
        size_t at = S_trailing_signoff(n->u.text, n->len);
        if (at < n->len) {
            kind = S_CREDIT_STAFF;
            if (p->agency)
                S_credit_set(p, p->agency, strlen(p->agency));
            else
                S_credit_set(p, n->u.text + at, n->len - at);
            if (!p->keep)
                cd_extract_cut(p->x, p->dom, p->last_text, (uint32_t)at, (uint32_t)(n->len - at));
        }
    }
    if (!kind && p->agency)
        S_credit_set(p, p->agency, strlen(p->agency));
}

/* ---- photo credits ------------------------------------------------------- */

static const char *const S_photo_labels[] = {
    "photo credit:", "photo credit", "photos:", "photo:", "photograph:", "photographs:",
    "photo by ", "photos by ", "photograph by ", "picture:", "pictures:", "image:", "images:",
    "image credit:", "image source:", "credit:", "credits:", "illustration:", "foto:", "fotos:",
    "bild:", "source image:", "pic:", "courtesy of ", "copyright ", "\xC2\xA9", "(c) ",
    "photo :", "photos :", "image :", "picture :", "credit :", "foto :", "illustrations:", NULL};

/* The label at s (case-insensitive), its length or 0. */
static size_t S_photo_label(const char *s, size_t n)
{
    for (size_t i = 0; S_photo_labels[i]; i++) {
        size_t l = strlen(S_photo_labels[i]);
        if (n > l && cd_eq_nocase(s, l, S_photo_labels[i]))
            return l;
    }
    return 0;
}

/* One part of a slash credit: one to five capitalised words ("Atta Kenare",
 * "AFP via Getty Images", "AFP - Getty Images", "REUTERS"). */
static int S_credit_part(const char *s, size_t n)
{
    static const char *const joins[] = {"via", "for", "de", "da", "van", "von", "and", "-", "&", NULL};
    unsigned words = 0;
    size_t k = S_skip_space(s, n, 0);
    while (k < n) {
        size_t e = k;
        while (e < n && s[e] != ' ')
            e++;
        int ok = 0;
        for (size_t j = 0; joins[j]; j++)
            if (cd_eq_nocase(s + k, e - k, joins[j]))
                ok = words > 0;
        if (!ok) {
            int kind;
            unsigned nl;
            size_t w = S_word(s, e, k, &kind, &nl);
            ok = w == e && (kind == S_W_UPPER || kind == S_W_CAP);
        }
        if (!ok || ++words > 5)
            return 0;
        k = S_skip_space(s, n, e);
    }
    return words > 0;
}

/* "Atta Kenare/AFP/Getty Images", "REUTERS/Name", "AP Photo/Name": slash-joined
 * short names, one of them an agency. */
static int S_slash_credit(const char *s, size_t n)
{
    if (n < 4 || n > 100 || !memchr(s, '/', n))
        return 0;
    size_t st = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '/')
            continue;
        if (!S_credit_part(s + st, i - st))
            return 0;
        st = i + 1;
    }
    return S_names_agency(s, n);
}

/* Is the whole line s a photo credit? standalone: a line of its own in the
 * body, where a bare "© 2024 Site" is a copyright footer, not a photo credit.
 * *val gets the offset of the credit after its label. */
static int S_photo_line(const char *s, size_t n, int standalone, size_t *val)
{
    const char *a = s;
    size_t l = n;
    S_trim(&a, &l);
    *val = (size_t)(a - s);
    if (!l || l > S_PHOTO_LINE)
        return 0;
    size_t lab = S_photo_label(a, l);
    if (lab && standalone && (a[0] == '\xC2' || S_starts(a, l, "copyright") || S_starts(a, l, "(c)")))
        return 0;
    if (lab) {
        size_t v = S_skip_space(a, l, lab);
        if (v >= l || l - v > 90)
            return 0;
        *val = (size_t)(a - s) + v;
        return 1;
    }
    return S_slash_credit(a, l);
}

/* Is c a word start boundary for a label in a caption: after nothing, a space
 * that follows sentence punctuation or a separator, or a capitalised label? */
static int S_label_boundary(const char *s, size_t i)
{
    if (i == 0)
        return 1;
    if (!cd_isspace((unsigned char)s[i - 1]))
        return s[i - 1] == '(' || s[i - 1] == '|';
    if (s[i] >= 'A' && s[i] <= 'Z')
        return 1;
    size_t k = i;
    while (k && cd_isspace((unsigned char)s[k - 1]))
        k--;
    if (!k)
        return 1;
    char c = s[k - 1];
    return c == '.' || c == '|' || c == ')' || c == ';' || c == '!' || c == '?' || c == '-' ||
           (unsigned char)c == 0x94 /* end of an em dash or a closing quote */;
}

/* A photo credit ending the caption s[0..n): [*cs, n) leaves the caption,
 * [*vs, *ve) is the credit. */
static int S_photo_trailing(const char *s, size_t n, size_t *cs, size_t *vs, size_t *ve)
{
    size_t e = n;
    while (e && cd_isspace((unsigned char)s[e - 1]))
        e--;
    if (e < 3)
        return 0;
    /* "(AP Photo/Jane Doe)", "(Photo: Name)", "(Getty Images)". */
    if (s[e - 1] == ')') {
        size_t lo = e > 120 ? e - 120 : 0;
        for (size_t i = e - 1; i-- > lo;) {
            if (s[i] == ')')
                break;
            if (s[i] != '(')
                continue;
            const char *in = s + i + 1;
            size_t il = e - 1 - (i + 1);
            size_t lab = S_photo_label(in, il);
            if (lab || S_slash_credit(in, il) || S_agency(in, il)) {
                *cs = i;
                *vs = i + 1 + (lab ? S_skip_space(in, il, lab) : 0);
                *ve = e - 1;
                return *ve > *vs;
            }
            break;
        }
    }
    /* "… Photo: Name", "… Photograph: Name/Agency", "… © Name": the last label. */
    size_t lo = e > 160 ? e - 160 : 0;
    for (size_t i = lo; i < e; i++) {
        if (!S_label_boundary(s, i))
            continue;
        size_t lab = S_photo_label(s + i, e - i);
        if (!lab)
            continue;
        size_t v = S_skip_space(s, e, i + lab);
        if (v >= e || e - v > 100)
            continue;
        *cs = i;
        *vs = v;
        *ve = e;
        return 1;
    }
    /* "… Atta Kenare/AFP/Getty Images" after a sentence or a separator. */
    for (size_t i = lo; i < e; i++) {
        if (!(i == 0 || ((s[i - 1] == ' ') && i >= 2 &&
                         (s[i - 2] == '.' || s[i - 2] == '|' || s[i - 2] == ';' || s[i - 2] == '!' ||
                          s[i - 2] == '?' || (unsigned char)s[i - 2] == 0x94 ||
                          (unsigned char)s[i - 2] == 0x9D))))
            continue;
        if (S_slash_credit(s + i, e - i)) {
            *cs = *vs = i;
            *ve = e;
            return 1;
        }
    }
    /* "… in Paris Benoit Tessier/Reuters": no punctuation before the credit;
     * the name is taken as its usual two words. */
    const char *sl = memchr(s + lo, '/', e - lo);
    if (sl) {
        size_t i = (size_t)(sl - s);
        unsigned spaces = 0;
        while (i > lo && spaces < 2) {
            i--;
            if (s[i] == ' ')
                spaces++;
        }
        if (spaces == 2 && S_slash_credit(s + i + 1, e - i - 1)) {
            *cs = *vs = i + 1;
            *ve = e;
            return 1;
        }
    }
    return 0;
}

/* ---- the lead figure ------------------------------------------------------ */

static const char *const S_caption_words[] = {"caption", "figcaption", NULL};
static const char *const S_credit_words[] = {"credit", "copyright", "photographer", "attribution",
                                             "courtesy", "photo-source", "image-source", "source",
                                             NULL};
static const char *const S_deck_words[] = {
    "dek", "deck", "standfirst", "stand-first", "subtitle", "sub-title", "subheadline",
    "sub-headline", "subhead", "sub-head", "strapline", "summary", "lede", "lead-text",
    "leadtext", "lead-paragraph", "intro", "excerpt", "teaser", "abstract", "synopsis",
    "kicker-sub", "tagline", NULL};
/* Words only a news standfirst carries: such a deck leaves the body. The others
 * (intro, summary, subtitle, an h2 under the h1) name blocks that annotated
 * pages (WCXB, Readability's test pages) keep in the main text. */
static const char *const S_deck_strong[] = {"dek", "deck", "standfirst", "stand-first",
                                            "strapline", "subheadline", "sub-headline", NULL};

static int S_has(S_parts *p, cd_nid id, const char *const *words)
{
    return cd_dom_node(p->dom, id)->type == CD_NODE_ELEMENT && cd_meta_class_has(&p->ctx, id, words);
}

static int S_is_img(const cd_dom *dom, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    if (n->type != CD_NODE_ELEMENT)
        return 0;
    if (n->tag == CD_TAG_IMG)
        return 1;
    return n->tag == CD_TAG_UNKNOWN && n->name && strcmp(n->name, "amp-img") == 0;
}

/* The first descendant of top (itself included) that pred accepts, within
 * S_FIG_NODES nodes. */
static cd_nid S_find(S_parts *p, cd_nid top, int (*pred)(S_parts *, cd_nid))
{
    unsigned seen = 0;
    for (cd_nid k = top; k && seen < S_FIG_NODES; k = cd_dom_next(p->dom, k, top), seen++)
        if (cd_dom_node(p->dom, k)->type == CD_NODE_ELEMENT && pred(p, k))
            return k;
    return CD_NONE;
}

/* Does attribute name of id hold any of the words (ASCII, case-insensitive)? */
static int S_attr_says(const cd_dom *dom, cd_nid id, const char *name, const char *const *words)
{
    size_t l = 0;
    const char *v = cd_dom_attr(dom, id, name, &l);
    if (!v || l > 4096)
        return 0;
    for (size_t i = 0; words[i]; i++)
        if (cd_contains_nocase(v, l, words[i]))
            return 1;
    return 0;
}

static int S_small_attr(const cd_dom *dom, cd_nid id, const char *name)
{
    size_t l = 0;
    const char *v = cd_dom_attr(dom, id, name, &l);
    if (!v || !l || !cd_isdigit((unsigned char)v[0]))
        return 0;
    unsigned x = 0;
    for (size_t i = 0; i < l && i < 6 && cd_isdigit((unsigned char)v[i]); i++)
        x = x * 10 + (unsigned)(v[i] - '0');
    return x < 100;
}

/* A picture, not an avatar, a logo, an icon or a tracking pixel. */
static int S_pred_img(S_parts *p, cd_nid id)
{
    static const char *const junk[] = {"avatar", "gravatar", "logo", "icon", "favicon", "sprite",
                                       "spacer", NULL};
    const cd_dom *dom = p->dom;
    if (!S_is_img(dom, id))
        return 0;
    return !S_small_attr(dom, id, "width") && !S_small_attr(dom, id, "height") &&
           !S_attr_says(dom, id, "src", junk) && !S_attr_says(dom, id, "class", junk) &&
           !S_attr_says(dom, id, "data-src", junk);
}

static int S_pred_figcaption(S_parts *p, cd_nid id)
{
    return cd_dom_is(p->dom, id, CD_TAG_FIGCAPTION);
}

static int S_pred_caption(S_parts *p, cd_nid id)
{
    return S_has(p, id, S_caption_words) && !S_has(p, id, S_credit_words);
}

static int S_pred_credit(S_parts *p, cd_nid id)
{
    if (S_has(p, id, S_credit_words))
        return 1;
    size_t l = 0;
    const char *v = cd_dom_attr(p->dom, id, "itemprop", &l);
    return v && (cd_eq_nocase(v, l, "copyrightHolder") || cd_eq_nocase(v, l, "creditText"));
}

/* Agencies that only ever credit pictures. */
static int S_photo_agency(const char *s, size_t n)
{
    static const char *const photo[] = {"Getty", "AP Photo", "Shutterstock", "Alamy", "iStock",
                                        "EPA", "ZUMA", "Sipa", "NurPhoto", "Photo", "photo",
                                        "Pool", "Unsplash", "Wikimedia", NULL};
    for (size_t i = 0; photo[i]; i++) {
        size_t l = strlen(photo[i]);
        for (size_t k = 0; k + l <= n; k++)
            if (memcmp(s + k, photo[i], l) == 0)
                return 1;
    }
    return 0;
}

/* A credit value: without its label and outer parentheses. */
static const char *S_credit_value(S_parts *p, const char *s, size_t n)
{
    S_trim(&s, &n);
    for (unsigned again = 0; again < 3; again++) {
        size_t lab = S_photo_label(s, n);
        /* "Credit" as a screen-reader label glued to the name ("CreditJane Doe"). */
        if (!lab && n > 7 && memcmp(s, "Credit", 6) == 0 &&
            (s[6] == ' ' || (s[6] >= 'A' && s[6] <= 'Z')))
            lab = 6;
        if (!lab)
            break;
        s += lab;
        n -= lab;
        S_trim(&s, &n);
    }
    return S_clean(p, s, n);
}

/* Trim the separators left at the end of a caption whose credit was cut. */
static size_t S_caption_end(const char *s, size_t n)
{
    for (;;) {
        while (n && (cd_isspace((unsigned char)s[n - 1]) || s[n - 1] == '|' || s[n - 1] == '/' ||
                     s[n - 1] == ',' || s[n - 1] == ':' || s[n - 1] == ';'))
            n--;
        if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
            ((unsigned char)s[n - 1] == 0x94 || (unsigned char)s[n - 1] == 0x93)) {
            n -= 3;
            continue;
        }
        if (n && s[n - 1] == '-') {
            n--;
            continue;
        }
        return n;
    }
}

static void S_image_url(S_parts *p, cd_nid img)
{
    /* A lazy loader's real URL first: its src is often a placeholder. */
    static const char *const attrs[] = {"data-src", "data-lazy-src", "data-original", "src",
                                        "data-srcset", "srcset", NULL};
    static const char *const placeholder[] = {"blank.", "placeholder", "pixel.", "spacer",
                                              "lazy", "transparent.", NULL};
    const char *base = p->page_url ? p->page_url : p->m->url;
    for (size_t i = 0; attrs[i]; i++) {
        size_t l = 0;
        const char *v = cd_dom_attr(p->dom, img, attrs[i], &l);
        while (v && l && cd_isspace((unsigned char)*v))
            v++, l--;
        if (!v || !l || S_starts(v, l, "data:") || cd_url_is_script(v, l) || l > 4096 ||
            S_attr_says(p->dom, img, attrs[i], placeholder))
            continue;
        if (attrs[i][strlen(attrs[i]) - 1] == 't') { /* srcset: the first URL */
            size_t k = 0;
            while (k < l && !cd_isspace((unsigned char)v[k]) && v[k] != ',')
                k++;
            l = k;
        }
        cd_buf b;
        cd_buf_init(&b, p->x->mem);
        cd_url_resolve(base, base ? strlen(base) : 0, v, l, &b);
        if (!b.failed && b.len) {
            char *u = cd_arena_alloc(p->arena, b.len + 1);
            if (u) {
                memcpy(u, b.data, b.len);
                u[b.len] = '\0';
                p->m->image_url = u;
                if (!p->m->image_source)
                    p->m->image_source = "visible";
            }
        }
        cd_buf_free(&b);
        return;
    }
}

static int S_inside(const cd_dom *dom, cd_nid id, cd_nid anc)
{
    unsigned d = 0;
    for (cd_nid a = id; a && d < CD_MAX_DEPTH + 8; a = cd_dom_node(dom, a)->parent, d++)
        if (a == anc)
            return 1;
    return 0;
}

/* A caption left with only a label once its credit went ("Photo"), or a
 * file name ("WEB18-Facebook-1160x768.jpg"). */
static int S_bare_label(const char *c)
{
    if (!strchr(c, ' ')) {
        const char *dot = strrchr(c, '.');
        if (dot && (cd_eq_nocase(dot, strlen(dot), ".jpg") || cd_eq_nocase(dot, strlen(dot), ".jpeg") ||
                    cd_eq_nocase(dot, strlen(dot), ".png") || cd_eq_nocase(dot, strlen(dot), ".gif") ||
                    cd_eq_nocase(dot, strlen(dot), ".webp")))
            return 1;
    }
    static const char *const labels[] = {"photo", "photo:", "photos", "photos:", "image", "image:",
                                         "credit", "credit:", "photograph", "photograph:",
                                         "picture", "picture:", "source", "source:", "foto", NULL};
    size_t n = strlen(c);
    for (size_t i = 0; labels[i]; i++)
        if (cd_eq_nocase(c, n, labels[i]))
            return 1;
    return 0;
}

/* The caption, the photo credit and the picture of the lead figure fig. */
static void S_figure(S_parts *p, cd_nid fig)
{
    const cd_dom *dom = p->dom;
    S_text t;
    cd_nid cap = S_find(p, fig, S_pred_figcaption);
    if (!cap)
        cap = S_find(p, fig, S_pred_caption);
    cd_nid cred = S_find(p, fig, S_pred_credit);
    if (cred == fig || (cred && cap && S_inside(dom, cap, cred)))
        cred = CD_NONE;
    cd_nid img = S_find(p, fig, S_pred_img);
    if (img && !p->m->image_url)
        S_image_url(p, img);
    const char *credit = NULL, *caption = NULL;
    if (cred) {
        S_gather(p, cred, CD_NONE, 0, &t);
        credit = S_credit_value(p, t.s, t.n);
        cd_extract_drop(p->x, cred); /* a photo credit never stays in the text */
    }
    if (cap) {
        S_gather(p, cap, cred, 0, &t);
        size_t cs, vs, ve, v;
        if (!t.more && S_photo_line(t.s, t.n, 0, &v)) {
            /* The caption is only a credit. */
            if (!credit)
                credit = S_credit_value(p, t.s, t.n);
            cd_extract_drop(p->x, cap);
        } else if (!t.more && S_photo_trailing(t.s, t.n, &cs, &vs, &ve)) {
            if (!credit)
                credit = S_clean(p, t.s + vs, ve - vs);
            size_t ce = S_caption_end(t.s, cs);
            caption = S_clean(p, t.s, ce);
            if (S_rendered(p, cap))
                S_cut(p, &t, (uint32_t)ce, t.n);
        } else {
            caption = S_clean(p, t.s, t.n);
        }
    }
    /* A credit line of its own inside the figure ("<p>Photo: …</p>"). */
    if (!cred) {
        unsigned seen = 0;
        for (cd_nid k = fig; k && seen < S_FIG_NODES; seen++) {
            const cd_node *n = cd_dom_node(dom, k);
            if (k == cap) {
                k = cd_dom_next_skip(dom, k, fig);
                continue;
            }
            if (n->type == CD_NODE_TEXT && n->len <= S_PHOTO_LINE && !S_is_space_text(n)) {
                cd_nid e = n->parent;
                if (e != fig) {
                    S_gather(p, e, CD_NONE, 0, &t);
                    size_t v;
                    if (!t.more && S_photo_line(t.s, t.n, 0, &v)) {
                        if (!credit)
                            credit = S_credit_value(p, t.s, t.n);
                        cd_extract_drop(p->x, e);
                        k = cd_dom_next_skip(dom, e, fig);
                        continue;
                    }
                }
            }
            k = cd_dom_next(dom, k, fig);
        }
    }
    if (caption && S_bare_label(caption))
        caption = NULL;
    if (caption && !p->m->image_caption)
        p->m->image_caption = caption;
    if (credit && !p->m->image_credit)
        p->m->image_credit = credit;
    if ((caption || credit) && !p->m->image_source)
        p->m->image_source = "visible";
}

/* The figure-like block around a caption outside <figure>: the nearest of
 * three ancestors that holds a picture. */
static cd_nid S_container(S_parts *p, cd_nid cap)
{
    if (S_find(p, cap, S_pred_img))
        return cap;
    cd_nid a = cd_dom_node(p->dom, cap)->parent;
    for (unsigned d = 0; a && d < 3; d++, a = cd_dom_node(p->dom, a)->parent)
        if (cd_dom_node(p->dom, a)->type == CD_NODE_ELEMENT && S_find(p, a, S_pred_img))
            return a;
    return CD_NONE;
}

/* ---- the body pass -------------------------------------------------------- */

static cd_nid S_block_of(const cd_dom *dom, cd_nid id, cd_nid root)
{
    cd_nid a = cd_dom_node(dom, id)->parent;
    for (unsigned d = 0; a && a != root && d < 64; d++) {
        if (cd_tag_flags(cd_dom_node(dom, a)->tag) & CD_TF_BLOCK)
            return a;
        a = cd_dom_node(dom, a)->parent;
    }
    return root;
}

static int S_is_caption_el(S_parts *p, cd_nid id)
{
    uint16_t tag = cd_dom_node(p->dom, id)->tag;
    if (tag == CD_TAG_FIGURE || tag == CD_TAG_FIGCAPTION)
        return 1;
    return S_has(p, id, S_caption_words);
}

static void S_scan(S_parts *p)
{
    const cd_dom *dom = p->dom;
    unsigned seen = 0, checked = 0;
    uint32_t body = 0;
    cd_nid cur = CD_NONE;
    S_text t;
    for (uint32_t r = 0; r < p->x->nroots; r++) {
        cd_nid root = p->x->roots[r];
        for (cd_nid id = root; id && seen < S_BODY_NODES; seen++) {
            const cd_node *n = cd_dom_node(dom, id);
            if (S_marked(p, id)) {
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            if (n->type == CD_NODE_ELEMENT) {
                if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, id)) {
                    id = cd_dom_next_skip(dom, id, root);
                    continue;
                }
                if (S_is_caption_el(p, id)) {
                    cd_nid fig = n->tag == CD_TAG_FIGURE ? id : S_container(p, id);
                    if (fig && !p->lead_fig && body < S_LEAD_WINDOW)
                        p->lead_fig = fig;
                    if (fig || n->tag == CD_TAG_FIGCAPTION) {
                        id = cd_dom_next_skip(dom, id, root);
                        continue;
                    }
                }
            } else if (n->type == CD_NODE_TEXT && !S_is_space_text(n)) {
                cd_nid blk = S_block_of(dom, id, root);
                if (blk != cur) {
                    cur = blk;
                    if (cd_tag_flags(cd_dom_node(dom, blk)->tag) & CD_TF_HEADING) {
                        /* Headings open sections; they are neither datelines nor credits. */
                    } else {
                        /* A photo credit of its own: "Photo: …", "Name/AFP/Getty Images". */
                        if (n->len <= S_PHOTO_LINE + 8 && checked < S_BLOCKS_CHECKED) {
                            checked++;
                            S_gather(p, blk, CD_NONE, 1, &t);
                            size_t v;
                            if (!t.more && S_photo_line(t.s, t.n, 1, &v)) {
                                const char *a = t.s + v;
                                size_t l = t.n - v;
                                S_trim(&a, &l);
                                if (v > 0 || S_photo_agency(a, l) || !p->nfirst) {
                                    if (!p->nfirst && !p->loose_credit)
                                        p->loose_credit = S_credit_value(p, t.s, t.n);
                                    cd_extract_drop(p->x, blk);
                                    id = cd_dom_next_skip(dom, blk, root);
                                    cur = CD_NONE;
                                    continue;
                                }
                            }
                        }
                        unsigned k = 0;
                        while (k < p->nfirst && p->first[k] != blk)
                            k++;
                        if (k == p->nfirst && p->nfirst < S_FIRST)
                            p->first[p->nfirst++] = blk;
                        if (p->last[0] != blk) {
                            p->last[1] = p->last[0];
                            p->last[0] = blk;
                        }
                    }
                }
                p->last_text = id;
                body += n->len;
            }
            id = cd_dom_next(dom, id, root);
        }
    }
}

/* The lead figure between the headline and the body, when the body has none. */
static cd_nid S_head_figure(S_parts *p)
{
    const cd_dom *dom = p->dom;
    cd_nid h1 = p->h1, stop = p->x->roots[0];
    if (!h1 || S_inside(dom, stop, h1))
        return CD_NONE;
    unsigned seen = 0;
    for (cd_nid k = cd_dom_next_skip(dom, h1, cd_dom_root(dom)); k && seen < S_HEAD_NODES; seen++) {
        if (k == stop)
            return CD_NONE;
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT) {
            if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k)) {
                k = cd_dom_next_skip(dom, k, cd_dom_root(dom));
                continue;
            }
            if (S_is_caption_el(p, k)) {
                cd_nid fig = n->tag == CD_TAG_FIGURE ? k : S_container(p, k);
                if (fig)
                    return fig;
            }
        }
        k = cd_dom_next(dom, k, cd_dom_root(dom));
    }
    return CD_NONE;
}

static int S_pred_figure_like(S_parts *p, cd_nid id)
{
    return cd_dom_is(p->dom, id, CD_TAG_FIGURE) || S_pred_figcaption(p, id) || S_pred_caption(p, id) ||
           S_pred_credit(p, id);
}

/* The lead picture just above the headline (a photo with its credit over the
 * h1, as on many news pages): among the few element siblings before the h1
 * and before its near ancestors, one holding a picture and a figure, a
 * caption or a credit. */
static cd_nid S_pre_figure(S_parts *p)
{
    const cd_dom *dom = p->dom;
    cd_nid a = p->h1;
    for (unsigned up = 0; a && up < 3; up++, a = cd_dom_node(dom, a)->parent) {
        unsigned sibs = 0;
        for (cd_nid e = cd_dom_node(dom, a)->prev; e && sibs < 4; e = cd_dom_node(dom, e)->prev) {
            const cd_node *n = cd_dom_node(dom, e);
            if (n->type != CD_NODE_ELEMENT)
                continue;
            sibs++;
            if (!cd_extract_node_visible(dom, e) || (cd_tag_flags(n->tag) & CD_TF_SKIP) ||
                n->tag == CD_TAG_NAV || n->tag == CD_TAG_HEADER)
                continue;
            cd_nid f = S_find(p, e, S_pred_figure_like);
            if (!f || !S_find(p, e, S_pred_img))
                continue;
            if (cd_dom_is(dom, f, CD_TAG_FIGURE))
                return f;
            return S_find(p, f, S_pred_img) ? f : e;
        }
    }
    return CD_NONE;
}

/* ---- deck --------------------------------------------------------------- */

/* Words of prose in s: runs of two or more letters, alone between spaces
 * (allowing trailing punctuation); "20261h", "(22K)" are not. */
static unsigned S_words_in(const char *s, size_t n)
{
    unsigned w = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t st = i, letters = 0, other = 0;
        while (i < n && s[i] != ' ') {
            unsigned char c = (unsigned char)s[i];
            if (cd_isalpha(c) || c >= 0x80 || c == '\'' || c == '-')
                letters++;
            else if (!(c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' ||
                       c == '"' || c == ')'))
                other++;
            i++;
        }
        if (i > st && letters >= 2 && !other)
            w++;
    }
    return w;
}

/* Does s read like a byline or a date line rather than a standfirst? */
static int S_not_deck(const char *s, size_t n)
{
    static const char *const pre[] = {"by ", "published", "updated", "posted", "last updated",
                                      "written by", "from ", "photo", "image", "share", NULL};
    for (size_t i = 0; pre[i]; i++)
        if (S_starts(s, n, pre[i]))
            return 1;
    static const char *const in[] = {"affiliate", "commission", "sponsored", "brought to you",
                                     "cookie", "subscribe", NULL};
    for (size_t i = 0; in[i]; i++)
        if (cd_contains_nocase(s, n, in[i]))
            return 1;
    /* An author's bio: "Amar is an avid traveler …", "Jane Doe has covered …". */
    size_t i = 0;
    for (unsigned w = 0; w < 3 && i < n; w++) {
        int kind;
        unsigned nl;
        size_t e = S_word(s, n, i, &kind, &nl);
        if (e == i || kind != S_W_CAP)
            break;
        i = S_skip_space(s, n, e);
        if (w > 0 || i < n) {
            static const char *const verbs[] = {"is a ", "is an ", "has been ", "has covered ",
                                                "has written ", "is the author", NULL};
            for (size_t k = 0; verbs[k]; k++)
                if (S_starts(s + i, n - i, verbs[k]))
                    return 1;
        }
    }
    return 0;
}

/* Title Case ("Building an Affordable Home Gym") marks a section heading;
 * a standfirst is a sentence. */
static int S_title_case(const char *s, size_t n)
{
    unsigned words = 0, caps = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t st = i;
        while (i < n && s[i] != ' ')
            i++;
        if (i - st >= 4 && cd_isalpha((unsigned char)s[st])) {
            words++;
            caps += s[st] >= 'A' && s[st] <= 'Z';
        }
    }
    return words >= 3 && caps * 10 >= words * 7;
}

/* Does the subtree of id (without id) hold a heading: a box, not a deck? */
static int S_has_heading(S_parts *p, cd_nid id)
{
    unsigned seen = 0;
    for (cd_nid k = cd_dom_next(p->dom, id, id); k && seen < S_FIG_NODES; k = cd_dom_next(p->dom, k, id), seen++) {
        const cd_node *n = cd_dom_node(p->dom, k);
        if (n->type == CD_NODE_ELEMENT && (cd_tag_flags(n->tag) & CD_TF_HEADING))
            return 1;
    }
    return 0;
}

/* Blocks that describe the author, the page or an offer, not the story. */
static const char *const S_deck_bad[] = {"author", "bio", "byline", "disclosure", "disclaimer",
                                         "affiliate", "newsletter", "promo", "cta", "notice",
                                         "alert", "warning", "toc", "quick", "related", "card",
                                         NULL};

static void S_drop_first(S_parts *p, cd_nid id)
{
    cd_extract_drop(p->x, id);
    unsigned k = 0;
    while (k < p->nfirst && p->first[k] != id)
        k++;
    if (k < p->nfirst) {
        memmove(&p->first[k], &p->first[k + 1], (p->nfirst - k - 1) * sizeof p->first[0]);
        p->nfirst--;
    }
    if (p->last[0] == id) {
        p->last[0] = p->last[1];
        p->last[1] = CD_NONE;
    } else if (p->last[1] == id) {
        p->last[1] = CD_NONE;
    }
}

static void S_deck(S_parts *p)
{
    const cd_dom *dom = p->dom;
    cd_nid h1 = p->h1;
    cd_nid first = p->nfirst ? p->first[0] : CD_NONE;
    S_text t;
    if (h1) {
        /* The header the headline sits in (<header>, <hgroup>), if any. */
        cd_nid hdr = CD_NONE;
        cd_nid a = cd_dom_node(dom, h1)->parent;
        for (unsigned d = 0; a && d < 3; d++, a = cd_dom_node(dom, a)->parent)
            if (cd_dom_is(dom, a, CD_TAG_HEADER) || cd_dom_is(dom, a, CD_TAG_HGROUP)) {
                hdr = a;
                break;
            }
        unsigned seen = 0, texts = 0;
        cd_nid top = cd_dom_root(dom);
        for (cd_nid k = cd_dom_next_skip(dom, h1, top); k && seen < S_DECK_NODES; seen++) {
            const cd_node *n = cd_dom_node(dom, k);
            if (n->type == CD_NODE_TEXT) {
                if (!S_is_space_text(n) && ++texts > 12)
                    break;
                k = cd_dom_next(dom, k, top);
                continue;
            }
            if (n->type != CD_NODE_ELEMENT) {
                k = cd_dom_next(dom, k, top);
                continue;
            }
            if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k) ||
                n->tag == CD_TAG_FIGURE || S_has(p, k, S_caption_words)) {
                k = cd_dom_next_skip(dom, k, top);
                continue;
            }
            int cls = S_has(p, k, S_deck_words);
            int h2 = n->tag == CD_TAG_H2 && texts == 0;
            int hp = n->tag == CD_TAG_P && texts == 0 && hdr && S_inside(dom, k, hdr);
            if (cls || h2 || hp) {
                S_gather(p, k, CD_NONE, 0, &t);
                size_t len;
                char *c = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &len);
                unsigned w = c ? S_words_in(c, len) : 0;
                int strong = cls && S_has(p, k, S_deck_strong);
                if (c && w >= (cls ? 4u : 6u) && len <= 600 && !S_not_deck(c, len) &&
                    (strong || !S_title_case(c, len)) && !S_has(p, k, S_deck_bad) &&
                    !S_has_heading(p, k) &&
                    !(p->m->title && cd_meta_eq_nocase(c, len, p->m->title, strlen(p->m->title)))) {
                    int same = p->m->deck && cd_meta_eq_nocase(c, len, p->m->deck, strlen(p->m->deck));
                    if (!p->m->deck) {
                        p->m->deck = c;
                        p->m->deck_source = "visible";
                        same = 1;
                    }
                    if (same && strong && S_rendered(p, k))
                        S_drop_first(p, k);
                    return;
                }
            }
            if (k == first || (first && S_inside(dom, first, k) && n->tag != CD_TAG_DIV &&
                               n->tag != CD_TAG_SECTION && n->tag != CD_TAG_ARTICLE &&
                               n->tag != CD_TAG_MAIN && n->tag != CD_TAG_HEADER))
                break; /* the body has begun */
            k = cd_dom_next(dom, k, top);
        }
    }
}

/* ---- entry ---------------------------------------------------------------- */

/* The headline when extraction did not mark it (an <h1> inside a <header> it
 * left out): the first <h1> that reads as the title. */
static cd_nid S_find_h1(S_parts *p)
{
    const cd_dom *dom = p->dom;
    const char *title = p->m->title;
    if (!title)
        return CD_NONE;
    size_t tl = strlen(title);
    unsigned h1s = 0;
    for (uint32_t id = 2; id < dom->count && id < S_BODY_NODES; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type != CD_NODE_ELEMENT || n->tag != CD_TAG_H1)
            continue;
        if (++h1s > 8)
            break;
        S_text t;
        S_gather(p, id, CD_NONE, 0, &t);
        size_t len;
        char *c = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &len);
        if (c && cd_meta_eq_nocase(c, len, title, tl))
            return id;
    }
    return CD_NONE;
}

void cd_meta_parts(cd_meta *m, const cd_dom *dom, cd_arena *arena, struct cd_extract *x,
                   const char *page_url, int keep_parts)
{
    if (!m || !dom || !arena || !x || !x->mark || !x->nroots || x->broad)
        return;
    S_parts p;
    memset(&p, 0, sizeof p);
    p.m = m;
    p.dom = dom;
    p.arena = arena;
    p.x = x;
    p.page_url = page_url;
    p.keep = keep_parts;
    p.ctx.dom = dom;
    p.ctx.arena = arena;
    p.h1 = x->title_node ? x->title_node : S_find_h1(&p);
    S_scan(&p);
    S_deck(&p);
    cd_nid fig = p.lead_fig ? p.lead_fig : S_head_figure(&p);
    if (!fig && p.h1)
        fig = S_pre_figure(&p);
    if (fig)
        S_figure(&p, fig);
    if (p.loose_credit && !m->image_credit && (m->image_url || fig)) {
        m->image_credit = p.loose_credit;
        if (!m->image_source)
            m->image_source = "visible";
    }
    S_dateline(&p);
    S_credit(&p);
}
