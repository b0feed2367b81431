/* meta/authors: an author credit -> clean personal names.
 *
 * A credit arrives as "By Jane Doe and John Roe", "Von Hans Meier | 6. November
 * 2014", "Jane Doe, Senior Reporter", "jane@example.com (Jane Doe)" … The
 * credit is cut at strong separators (|, " - ", "·") keeping the segment that
 * names someone, stripped of its lead-in ("By", "Von", "Par", "Por", "Written
 * by", "Posted by", "Author:"), split on commas, "and", "&", "und", "et", "y",
 * and each part is kept when it reads like a name: no URL, no date, not a job
 * title, not a placeholder ("admin", "staff"), a few words at most. The rules
 * follow newspaper's author cleaner and trafilatura's normalize_authors. */
#include <string.h>

#include "../util/ctype.h"
#include "meta_int.h"

static int S_prefix_nocase(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    return n >= l && cd_eq_nocase(s, l, lit);
}

/* Strip leading lead-ins and punctuation; returns the new start. */
static size_t S_strip_lead(const char *s, size_t n)
{
    static const char *const lead[] = {"written by", "posted by", "published by", "reviewed by",
                                       "story by", "words by", "text by", "article by", "by:",
                                       "by ", "von ", "par ", "por ", "door ", "di ", "av ",
                                       "author:", "authors:", "autor:", "autorin:", "auteur:",
                                       "text:", "texto:", "texte:", "from ", "author ", NULL};
    size_t i = 0;
    for (int again = 1; again && i < n;) {
        again = 0;
        while (i < n && (cd_isspace((unsigned char)s[i]) || s[i] == ':' || s[i] == '-' || s[i] == ',' ||
                         s[i] == '|' || s[i] == '(' || s[i] == ')'))
            i++, again = 1;
        for (size_t k = 0; lead[k]; k++)
            if (S_prefix_nocase(s + i, n - i, lead[k])) {
                i += strlen(lead[k]);
                again = 1;
                break;
            }
        if (again && i < n && !cd_isspace((unsigned char)s[i]) && s[i] != ':' && i > 0 &&
            cd_isalpha((unsigned char)s[i - 1]))
            break;
    }
    return i;
}

static int S_word_is(const char *s, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (cd_meta_eq_nocase(s, n, list[i], strlen(list[i])))
            return 1;
    return 0;
}

/* Words that make a part a job title or a role, not a name. */
static const char *const S_title_words[] = {
    "reporter", "editor", "correspondent", "writer", "columnist", "journalist", "contributor",
    "producer", "director", "manager", "senior", "chief", "staff", "associate", "assistant",
    "professor", "ceo", "founder", "co-founder", "president", "analyst", "researcher", "intern",
    "freelance", "freelancer", "contributing", "special", "photographer", "photos", "photo",
    "video", "illustration", "illustrations", "updated", "published", "posted", "team",
    "desk", "news", "redaktion", "redakteur", "redakteurin", "journalistin", "autor",
    "autorin", "rédaction", "redacción", "editorial", "consultant", "specialist", "officer",
    "head", "lead", "expert", "strategist", "coordinator", "engineer", "developer", "designer",
    "marketing", "content", "min", "read", "minutes", "comments", "share", "follow", NULL};
/* Credits that name nobody. */
static const char *const S_placeholders[] = {"admin", "administrator", "staff", "guest", "anonymous",
                                             "unknown", "user", "webmaster", "editor", "editors",
                                             "redaktion", "author", "by", "null", "undefined",
                                             "none", "n/a", "root", "default", NULL};

int cd_meta_author_plausible(const char *s, size_t n)
{
    if (n < 2 || n > 80)
        return 0;
    if (cd_contains_nocase(s, n, "http") || cd_contains_nocase(s, n, "www.") ||
        cd_contains_nocase(s, n, ".com") || memchr(s, '@', n) || memchr(s, '/', n) ||
        memchr(s, '?', n) || memchr(s, '!', n) || memchr(s, '{', n) || memchr(s, '=', n))
        return 0;
    if (cd_meta_eq_nocase(s, n, "null", 4) || cd_meta_eq_nocase(s, n, "undefined", 9))
        return 0;
    size_t words = 0, digits = 0, letters = 0;
    int inword = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (cd_isdigit(ch))
            digits++;
        if (cd_isalpha(ch) || ch >= 0x80)
            letters++;
        if (cd_isspace(ch))
            inword = 0;
        else if (!inword)
            inword = 1, words++;
    }
    if (digits > 0 || letters * 2 < n || words > 6)
        return 0;
    return 1;
}

/* Is part a job title ("Senior Reporter") or a role rather than a name? */
static int S_is_title(const char *s, size_t n)
{
    size_t i = 0;
    if (n && cd_isalpha((unsigned char)s[0]) && s[0] >= 'a' && s[0] <= 'z')
        return 1; /* names start with a capital; "staff writer", "and" do not */
    while (i < n) {
        while (i < n && (cd_isspace((unsigned char)s[i]) || s[i] == '.' || s[i] == ','))
            i++;
        size_t st = i;
        while (i < n && !cd_isspace((unsigned char)s[i]) && s[i] != ',')
            i++;
        if (i > st && S_word_is(s + st, i - st, S_title_words))
            return 1;
    }
    return 0;
}

static void S_push(cd_meta *m, cd_arena *a, const char *s, size_t n, int loose, size_t *added)
{
    while (n && (cd_isspace((unsigned char)*s) || *s == '.' || *s == ',' || *s == '-' || *s == '"'))
        s++, n--;
    while (n && (cd_isspace((unsigned char)s[n - 1]) || s[n - 1] == ',' || s[n - 1] == '-' ||
                 s[n - 1] == ':' || s[n - 1] == '"' || s[n - 1] == ';'))
        n--;
    size_t lead = S_strip_lead(s, n);
    s += lead, n -= lead;
    /* A structured credit (JSON-LD, <meta>) is taken as written, user names
     * and "Staff" included, once its first part is known to name someone;
     * text from the page must look like a name. */
    if (!cd_meta_author_plausible(s, n) || (loose != 1 && S_is_title(s, n)))
        return;
    if (!loose && S_word_is(s, n, S_placeholders))
        return;
    for (size_t i = 0; i < m->nauthors; i++)
        if (cd_meta_eq_nocase(m->authors[i], strlen(m->authors[i]), s, n))
            return;
    if (m->nauthors >= CD_MAX_AUTHORS)
        return;
    char *c = cd_meta_clean(a, s, n, NULL);
    if (c) {
        m->authors[m->nauthors++] = c;
        (*added)++;
    }
}

/* Split one segment on commas and conjunctions. */
static void S_split(cd_meta *m, cd_arena *a, const char *s, size_t n, int loose, size_t *added)
{
    static const char *const conj[] = {" and ", " & ", " und ", " et ", " y ", " e ", " og ",
                                       " en ", " i ", " och ", " und ", NULL};
    size_t st = 0, i = 0;
    /* "Doe, Jane" (one comma, one word each side) is one inverted name: rare
     * in bylines, and splitting it would invent two authors; kept whole. */
    while (i <= n) {
        size_t cut = 0;
        if (i == n || s[i] == ',' || s[i] == ';' || s[i] == '\n')
            cut = 1;
        else
            for (size_t k = 0; conj[k]; k++) {
                size_t l = strlen(conj[k]);
                if (n - i >= l && cd_eq_nocase(s + i, l, conj[k])) {
                    cut = l;
                    break;
                }
            }
        if (cut) {
            /* Later parts of a loose credit may be job titles ("Jane Doe,
             * Senior Reporter"): checked like page text (2). */
            S_push(m, a, s + st, i - st, loose && st == 0 ? 1 : loose ? 2 : 0, added);
            i += cut;
            st = i;
            if (i >= n)
                break;
            continue;
        }
        i++;
    }
}

/* Drop parenthesised parts and e-mail addresses ("jane@x.com (Jane Doe)" keeps
 * the name in parentheses when nothing else is left). */
static size_t S_scrub(const char *s, size_t n, char *out)
{
    size_t o = 0;
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '(' || s[i] == '[') {
            depth++;
            continue;
        }
        if ((s[i] == ')' || s[i] == ']') && depth) {
            depth--;
            out[o++] = ' ';
            continue;
        }
        if (!depth)
            out[o++] = s[i];
    }
    /* Remove words holding an '@'. */
    size_t w = 0, r = 0;
    while (r < o) {
        size_t st = r;
        while (r < o && !cd_isspace((unsigned char)out[r]))
            r++;
        if (!memchr(out + st, '@', r - st)) {
            memmove(out + w, out + st, r - st);
            w += r - st;
        }
        while (r < o && cd_isspace((unsigned char)out[r]))
            out[w++] = out[r++];
    }
    return w;
}

size_t cd_meta_authors_add(cd_meta *m, cd_arena *a, const char *s, size_t len, int loose)
{
    if (!s || !len)
        return 0;
    if (len > 512)
        len = 512;
    char buf[512];
    size_t n = S_scrub(s, len, buf);
    const char *open = memchr(s, '(', len);
    const char *close = open ? memchr(open, ')', len - (size_t)(open - s)) : NULL;
    if (close && !cd_meta_author_plausible(buf, n)) {
        /* "jane@example.com (Jane Doe)": the name is inside. */
        n = (size_t)(close - open - 1);
        memcpy(buf, open + 1, n);
    }
    /* Strong separators: keep the segments that name someone. */
    static const char *const seps[] = {" | ", "|", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ",
                                       " \xc2\xb7 ", "\xe2\x80\xa2", " / ", NULL};
    size_t added = 0, st = 0, i = 0;
    while (i <= n) {
        size_t cut = 0;
        if (i == n)
            cut = 1;
        else
            for (size_t k = 0; seps[k]; k++) {
                size_t l = strlen(seps[k]);
                if (n - i >= l && memcmp(buf + i, seps[k], l) == 0) {
                    cut = l;
                    break;
                }
            }
        if (cut) {
            S_split(m, a, buf + st, i - st, loose, &added);
            /* "Jane Doe - Senior Reporter": the first segment that names
             * someone is the credit. */
            if (added)
                break;
            i += cut;
            st = i;
            continue;
        }
        i++;
    }
    return added;
}
