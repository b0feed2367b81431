/* meta/authors: an author credit -> clean personal names.
 *
 * A credit arrives as "By Jane Doe and John Roe", "Von Hans Meier | 6. November
 * 2014", "Jane Doe, Senior Reporter", "jane@example.com (Jane Doe)" … The
 * credit is cut at strong separators (|, " - ", "·") keeping the segment that
 * names someone, stripped of its lead-in ("By", "Von", "Par", "Por", "Written
 * by", "Posted by", "Author:"), split on commas, "and", "&", "und", "et", "y",
 * and each part is kept when it reads like a name: no URL, no date, not a job
 * title, not a placeholder ("admin", "staff"), a few words at most. The rules
 * follow newspaper's author cleaner and trafilatura's normalize_authors.
 *
 * What else a displayed credit carries is cut before splitting: a date and its
 * lead-in ("Jane Doe Last updated on 17 December 2025"), a second role
 * ("… Reviewed by Molly Price"), credentials ("Lizzie Streit, MS, RDN"), the
 * publication ("Jane Doe, The Daily" when The Daily is the site). User names
 * ("paulb203", "hayley.p") and group credits ("Podium Staff", "The Upwork
 * Team") are credits as the page shows them and are kept. */
#include <string.h>

#include "../util/ctype.h"
#include "authors.h"
#include "cand.h"
#include "dates.h"
#include "title.h"
#include "wordlists.h"

static int S_prefix_nocase(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    return n >= l && cd_eq_nocase(s, l, lit);
}

/* Strip leading lead-ins and punctuation; returns the new start. */
static size_t S_strip_lead(const char *s, size_t n)
{
    size_t i = 0;
    for (int again = 1; again && i < n;) {
        again = 0;
        while (i < n && (cd_isspace((unsigned char)s[i]) || s[i] == ':' || s[i] == '-' || s[i] == ',' ||
                         s[i] == '|' || s[i] == '(' || s[i] == ')'))
            i++, again = 1;
        for (size_t k = 0; cd_list_credit_leads[k]; k++)
            if (S_prefix_nocase(s + i, n - i, cd_list_credit_leads[k])) {
                i += strlen(cd_list_credit_leads[k]);
                again = 1;
                break;
            }
        if (again && i < n && !cd_isspace((unsigned char)s[i]) && s[i] != ':' && i > 0 &&
            cd_isalpha((unsigned char)s[i - 1]))
            break;
    }
    return i;
}

static int S_word_is(const char *s, size_t n, const cd_wordset *set)
{
    return cd_wordset_has(set, s, n);
}

/* The words are the lists src/lists/job-title-words.txt (a part that is a
 * role, not a name), placeholder-names.txt (credits that name nobody),
 * org-words.txt (a credit that is an organisation), name-particles.txt,
 * credentials.txt and the credit-*.txt lists, compiled into wordlists.c. */

int cd_meta_author_orgish(const char *s, size_t n)
{
    size_t at = 0, words = 0, l;
    const char *w;
    while ((l = cd_next_word(s, n, &at, &w)) != 0) {
        /* "The Texas Newsroom": a name does not start with "The". */
        if (words++ == 0 && cd_meta_eq_nocase(w, l, "the", 3))
            return 1;
        if (S_word_is(w, l, &cd_list_org_words))
            return 1;
    }
    return 0;
}

/* A user name: one token of letters, digits and . _ - that starts with a
 * letter and holds at least two ("paulb203", "hayley.p", "user447274").
 * Forums and Q&A sites credit posts this way; digits and lower case, which
 * rule out a personal name, are normal here. */
static int S_is_handle(const char *s, size_t n)
{
    if (n < 2 || n > 40 || !cd_isalpha((unsigned char)s[0]))
        return 0;
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (cd_isalpha(ch))
            letters++;
        else if (!cd_isdigit(ch) && ch != '.' && ch != '_' && ch != '-')
            return 0;
    }
    return letters >= 2;
}

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
    if (words == 1 && digits && S_is_handle(s, n)) {
        /* A handle, unless it is a date or a number with a unit ("2024-05",
         * "5min" start with a digit and fail above). */
        char out[CD_META_DATE_LEN];
        return !cd_meta_date_norm(s, n, 1, 1, out);
    }
    if (digits > 0 || letters * 2 < n || words > 6)
        return 0;
    return 1;
}

/* A credit the page states in its metadata (JSON-LD, <meta>) as the first
 * name: taken as written when it is a name of some kind, digits and domain
 * names included ("98 Buck Social", "AccountingDepartment.com", a Substack
 * handle "3d23d65-ddc6-4ce5"), never a URL, a date or a template. */
static int S_plausible_stated(const char *s, size_t n)
{
    if (cd_meta_author_plausible(s, n))
        return 1;
    if (n < 2 || n > 60 || cd_contains_nocase(s, n, "http") || cd_contains_nocase(s, n, "www.") ||
        memchr(s, '/', n) || memchr(s, '@', n) || memchr(s, '{', n) || memchr(s, '=', n) ||
        memchr(s, '?', n) || memchr(s, '<', n))
        return 0;
    size_t letters = 0, words = 1;
    for (size_t i = 0; i < n; i++) {
        letters += cd_isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80;
        words += s[i] == ' ';
    }
    char out[CD_META_DATE_LEN];
    return letters >= 3 && letters * 2 >= n && words <= 4 && !cd_meta_date_norm(s, n, 0, 1, out) &&
           !cd_meta_date_norm(s, n, 0, -1, out);
}

/* Is part a job title ("Senior Reporter") or a role rather than a name? */
static int S_is_title(const char *s, size_t n)
{
    size_t i = 0;
    if (!memchr(s, ' ', n) && S_is_handle(s, n))
        return S_word_is(s, n, &cd_list_job_title_words); /* a user name: case says nothing */
    /* Names are capitalised word by word, particles aside: "staff writer",
     * "View more posts", "Founder at Oakywood", "Extension horticulture
     * educators" are not names. */
    for (size_t k = 0; k < n; k++) {
        if ((k == 0 || s[k - 1] == ' ') && s[k] >= 'a' && s[k] <= 'z') {
            size_t e = k;
            while (e < n && s[e] != ' ')
                e++;
            if (!S_word_is(s + k, e - k, &cd_list_name_particles))
                return 1;
        }
    }
    while (i < n) {
        while (i < n && (cd_isspace((unsigned char)s[i]) || s[i] == '.' || s[i] == ','))
            i++;
        size_t st = i;
        while (i < n && !cd_isspace((unsigned char)s[i]) && s[i] != ',')
            i++;
        if (i > st && S_word_is(s + st, i - st, &cd_list_job_title_words))
            return 1;
    }
    return 0;
}

/* Is w (one word) a credential? Dots are ignored ("M.D."); the word must be
 * written with capitals ("MD", "PhD"), so that "Ma" or "Do" in a name is not. */
static int S_is_credential(const char *w, size_t n)
{
    char k[16];
    size_t o = 0, caps = 0;
    /* A registered or trade mark closing it ("CFP®", "CEPF®": SmartAsset's
     * bylines) is part of the credential's branding, not of a name. */
    if (n > 2 && (unsigned char)w[n - 2] == 0xC2 && (unsigned char)w[n - 1] == 0xAE)
        n -= 2;
    else if (n > 3 && (unsigned char)w[n - 3] == 0xE2 && (unsigned char)w[n - 2] == 0x84 && (unsigned char)w[n - 1] == 0xA2)
        n -= 3;
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '.')
            continue;
        if (o + 1 >= sizeof k)
            return 0;
        caps += w[i] >= 'A' && w[i] <= 'Z';
        k[o++] = w[i];
    }
    return caps >= 2 && S_word_is(k, o, &cd_list_credentials);
}

/* A group credit: "Podium Staff", "The Upwork Team", "Team SimplyThrilled",
 * "The Currency editors". Company blogs sign posts this way and show it as
 * the byline; "team", "staff" or "editors" opens or closes it and another word is capitalised (the name),
 * which "Staff" or "the team" alone are not. */
static int S_is_group(const char *s, size_t n)
{
    size_t words = 0, caps = 0, at = 0, l, last = 0;
    const char *w, *lw = NULL;
    int group = 0;
    while ((l = cd_next_word(s, n, &at, &w)) != 0) {
        words++, lw = w, last = l;
        int g = cd_meta_eq_nocase(w, l, "team", 4) || cd_meta_eq_nocase(w, l, "staff", 5) ||
                cd_meta_eq_nocase(w, l, "editors", 7);
        if (g && (w == s || at == n))
            group = 1;
        else if (w[0] >= 'A' && w[0] <= 'Z')
            caps++;
    }
    /* "Staff Writer", "Staff Reporter": a job, not a newsroom's credit. */
    if (group && lw && S_word_is(lw, last, &cd_list_newsroom_jobs))
        return 0;
    return group && words >= 2 && words <= 5 && caps >= 1;
}

/* The length of the news agency s[0..n) opens with, as a whole word
 * (news-agencies.txt: entries of four bytes or fewer, acronyms, with their
 * case, so that "Pa" or "Ap" in a name is none), else 0. */
size_t cd_meta_agency_at(const char *s, size_t n)
{
    size_t best = 0;
    for (size_t k = 0; cd_list_news_agencies[k]; k++) {
        const char *ag = cd_list_news_agencies[k];
        size_t l = strlen(ag);
        if (l > n || l <= best || (l <= 4 ? memcmp(s, ag, l) != 0 : !cd_eq_nocase(s, l, ag)))
            continue;
        if (l < n && (cd_isalnum((unsigned char)s[l]) || (unsigned char)s[l] >= 0x80))
            continue;
        best = l;
    }
    return best;
}

/* The case of word w: 'U' in capitals ("JOSEPH", "TRIBUNE-REVIEW"), 'M'
 * capitalised with small letters ("Harris", "McClatchy"), else 0. */
static int S_word_case(const char *w, size_t l)
{
    size_t up = 0, low = 0;
    for (size_t i = 0; i < l; i++) {
        up += w[i] >= 'A' && w[i] <= 'Z';
        low += w[i] >= 'a' && w[i] <= 'z';
    }
    if (up >= 2 && !low)
        return 'U';
    return w[0] >= 'A' && w[0] <= 'Z' && low ? 'M' : 0;
}

/* Does word w, or a part of it between '-' and '/' ("TRIBUNE-REVIEW",
 * "Record/Sunday"), name an organisation ("Post", "Press", "Newspapers")? */
static int S_affiliation_word(const char *w, size_t l)
{
    for (size_t i = 0; i < l;) {
        size_t st = i;
        while (i < l && w[i] != '-' && w[i] != '/')
            i++;
        if (i > st && cd_wordset_has(&cd_list_org_words, w + st, i - st))
            return 1;
        i++;
    }
    return 0;
}

/* Where the paper, the agency or the job glued after a name begins, in a
 * byline printed on one line: "John Harris TRIBUNE-REVIEW", "TOM CANAVAN
 * ASSOCIATED PRESS", "FRANCES ROBLES McClatchy Newspapers", "JOSEPH WHITE
 * AP Sports Writer", "Marc Kaufman WASHINGTON POST". After two words of the
 * name at least, a news agency, or a change of case (capitals after a
 * capitalised name, or the reverse) opening words that name an
 * organisation, ends the name ("Open Source PBX Editor" is no name with a
 * paper, but a job). Returns the name's length (n when nothing is
 * glued). */
static size_t S_cut_affiliation(const char *s, size_t n)
{
    size_t at = 0, l, words = 0;
    const char *w;
    int prev = 0;
    while ((l = cd_next_word(s, n, &at, &w)) != 0) {
        int cs = S_word_case(w, l);
        size_t start = (size_t)(w - s);
        if (words >= 2) {
            if (cd_meta_agency_at(w, n - start))
                return start;
            if (cs && prev && cs != prev) {
                size_t at2 = start, l2;
                const char *w2;
                while ((l2 = cd_next_word(s, n, &at2, &w2)) != 0)
                    if (S_affiliation_word(w2, l2) || cd_meta_agency_at(w2, n - (size_t)(w2 - s)))
                        return start;
            }
        }
        if (!cs)
            return n; /* an initial, a particle: the name's own shape */
        prev = cs;
        words++;
    }
    return n;
}

/* Does s end with the site name ("Brian Truitt USA TODAY")? Then the length
 * of the name before it, else n. */
static size_t S_cut_site(const cd_meta *m, const char *s, size_t n)
{
    if (!m->site_name)
        return n;
    size_t sn = strlen(m->site_name);
    if (sn < 3 || sn + 4 > n || s[n - sn - 1] != ' ' ||
        !cd_meta_eq_nocase(s + n - sn, sn, m->site_name, sn))
        return n;
    return n - sn - 1;
}

/* A template's unfilled key ("page.head.extra.author"): lower-case words
 * joined by dots, four or more ("sara.r.peter" is a user name). */
static int S_template_key(const char *s, size_t n)
{
    size_t dots = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.')
            dots++;
        else if (!(s[i] >= 'a' && s[i] <= 'z') && s[i] != '_')
            return 0;
    }
    return dots >= 3;
}

/* Is s[0..n) a newsroom job without a name: one to three words, the last
 * one of newsroom-jobs.txt or its plural ("BS Reporter", "Staff Writer",
 * "Our Correspondent")? */
static int S_job_credit(const char *s, size_t n)
{
    size_t at = 0, l, words = 0, last = 0;
    const char *w, *lw = s;
    while ((l = cd_next_word(s, n, &at, &w)) != 0)
        words++, lw = w, last = l;
    if (!words || words > 3) return 0;
    if (last > 1 && lw[last - 1] == 's' && S_word_is(lw, last - 1, &cd_list_newsroom_jobs)) return 1;
    return S_word_is(lw, last, &cd_list_newsroom_jobs);
}

/* Is a stated credit a job title alone, three words or more ending with
 * one of newsroom-jobs.txt ("Internet Communications Editor", "Sports
 * News Editor", in a <meta name=author>)? A name does not end so. */
static int S_job_alone(const char *s, size_t n)
{
    size_t at = 0, l, words = 0, last = 0;
    const char *w, *lw = s;
    while ((l = cd_next_word(s, n, &at, &w)) != 0)
        words++, lw = w, last = l;
    return words >= 3 && S_word_is(lw, last, &cd_list_newsroom_jobs);
}

/* later: 0 the first name of a credit, 1 after "and", 2 after a comma. */
/* s[0..n) without the job-title words ending it (job-title-words.txt,
 * "Writer", "Senior Editor") when at least two words opening with a
 * capital stay before them; else n. */
static int S_is_group(const char *s, size_t n);
static size_t S_cut_job_tail(const char *s, size_t n)
{
    /* The role must end in a word for one who writes ("Editor" alone may
     * be the reviewer beside the writer's byline: wcxb 0019). */
    static const char *const writes[] = {"writer", "reporter", "correspondent", "columnist", "journalist",
                                         "contributor", NULL};
    size_t e = n, cut = n;
    {
        size_t w = n;
        while (w && s[w - 1] != ' ')
            w--;
        int ok = 0;
        for (size_t k = 0; writes[k] && !ok; k++)
            ok = n - w == strlen(writes[k]) && cd_eq_nocase(s + w, n - w, writes[k]);
        if (!ok)
            return n;
    }
    for (;;) {
        size_t w = e;
        while (w && s[w - 1] != ' ')
            w--;
        if (!w || !S_word_is(s + w, e - w, &cd_list_job_title_words))
            break;
        cut = w;
        e = w;
        while (e && s[e - 1] == ' ')
            e--;
    }
    if (cut == n)
        return n;
    /* Exactly a first name and a surname, each a capital and small
     * letters: "Mariko Oi BBC News", "NETGEAR Orbi Team", "Our Product
     * Research Team" stay whole (and go as before). */
    size_t words = 0;
    for (size_t i = 0; i < e;) {
        while (i < e && s[i] == ' ')
            i++;
        if (i == e)
            break;
        if (!(s[i] >= 'A' && s[i] <= 'Z'))
            return n;
        words++;
        i++;
        int small = 0;
        /* Letters, hyphens and apostrophes ("McDonald", "O'Neil"), some
         * of them small ("NETGEAR" is no surname). */
        while (i < e && s[i] != ' ') {
            if (s[i] >= 'a' && s[i] <= 'z')
                small = 1;
            else if (s[i] != '-' && s[i] != '\'' && !(s[i] >= 'A' && s[i] <= 'Z') && (unsigned char)s[i] < 0x80)
                return n;
            i++;
        }
        if (!small)
            return n;
    }
    return words == 2 && !S_is_group(s, n) ? e : n;
}

static void S_push(cd_meta *m, cd_arena *a, const char *s, size_t n, int loose, int later,
                   size_t *added)
{
    /* (and a joiner "&" left before a co-author's name: "<span
     * class=and>&amp;</span> <a>Zackery Cuevas</a>", wcxb 4064) */
    while (n && (cd_isspace((unsigned char)*s) || *s == '.' || *s == ',' || *s == '-' || *s == '"' || *s == '&'))
        s++, n--;
    while (n && (cd_isspace((unsigned char)s[n - 1]) || s[n - 1] == ',' || s[n - 1] == '-' ||
                 s[n - 1] == ':' || s[n - 1] == '"' || s[n - 1] == ';'))
        n--;
    /* After the first name, a part opening with "From" names where the
     * text comes from ("By Tomson Highway and From Masculindians", a book
     * excerpt: news spec utne-nature-as-god; its <meta name=author>
     * "Tomson Highway, From Masculindians"), not a second author. */
    if (later && n > 5 && cd_eq_nocase(s, 5, "from "))
        return;
    size_t lead = S_strip_lead(s, n);
    s += lead, n -= lead;
    /* Credentials after the name ("Cara Dumaplin RN") go; the name stays. */
    for (;;) {
        size_t e = n;
        while (e && s[e - 1] != ' ')
            e--;
        if (!e || !S_is_credential(s + e, n - e))
            break;
        n = e;
        while (n && (s[n - 1] == ' ' || s[n - 1] == ','))
            n--;
    }
    /* A job title glued after the name without a comma ("Zackery Cuevas
     * Writer", an author box's name and role in one element, wcxb 4064;
     * "Jane Doe Senior Editor"): in page text, trailing job-title words
     * go when two capitalised words stay. */
    if (!loose && !later)
        n = S_cut_job_tail(s, n);
    size_t whole = n;
    n = S_cut_affiliation(s, n);
    /* "TOM CANAVAN ASSOCIATED PRESS": the wire glued after the writer is
     * the story's source (news/ reads it into credit). */
    if (n < whole && !m->byline_agency) {
        const char *g = s + n;
        size_t gl = whole - n;
        while (gl && cd_isspace((unsigned char)*g))
            g++, gl--;
        if (gl && cd_meta_agency_at(g, gl) == gl) m->byline_agency = cd_arena_strndup(a, g, gl);
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == '-'))
        n--;
    n = S_cut_site(m, s, n);
    int group = loose != 1 && S_is_group(s, n);
    /* A structured credit (JSON-LD, <meta>) is taken as written, user names
     * and "Staff" included, once its first part is known to name someone;
     * text from the page must look like a name. */
    if (S_template_key(s, n) || !(loose == 1 ? S_plausible_stated(s, n) : cd_meta_author_plausible(s, n)) ||
        (loose != 1 && !group && S_is_title(s, n)) || (loose == 1 && S_job_alone(s, n)))
        return;
    /* A lone lower-case word after a comma or "and" continues a phrase
     * ("4+ years covering hardware, software"); a user name is a whole
     * credit. */
    if (later && !loose && s[0] >= 'a' && s[0] <= 'z')
        return;
    /* So is a lone word after a comma in page text: an affiliation ("By
     * Clare Duffy, CNN") or a qualifier ("Jane Doe, Dietitian"), not a
     * second author, whose name would have two words or more. */
    if (later == 2 && !loose && !memchr(s, ' ', n))
        return;
    /* "NOC Admin" (a site's account, as <meta name=author> and
     * twitter:creator, wcxb 4365): a name whose last word is a CMS account
     * word is the account too. */
    size_t lw = n;
    while (lw && s[lw - 1] != ' ')
        lw--;
    if (lw && S_word_is(s + lw, n - lw, &cd_list_cms_account_names))
        return;
    if ((!loose && S_word_is(s, n, &cd_list_placeholder_names)) || S_word_is(s, n, &cd_list_cms_account_names) ||
        S_word_is(s, n, &cd_list_desk_names))
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

/* Where the first credit conjunction (" and ", " & " …, or "and " opening
 * s) stands in s[0..n): its offset (n for none), its length in *len. */
static size_t S_conjunction_at(const char *s, size_t n, size_t *len)
{
    for (size_t i = 0; i < n; i++) {
        if (i && s[i] != ' ')
            continue;
        for (size_t k = 0; cd_list_credit_conjunctions[k]; k++) {
            const char *cj = cd_list_credit_conjunctions[k];
            size_t l = strlen(cj);
            /* At the start the leading space is not there ("and Ann Poe"). */
            if (i == 0 && s[0] != ' ' && n > l - 1 && cd_eq_nocase(s, l - 1, cj + 1)) {
                *len = l - 1;
                return 0;
            }
            if (n - i >= l && cd_eq_nocase(s + i, l, cj)) {
                *len = l;
                return i;
            }
        }
    }
    *len = 0;
    return n;
}

/* Is part, after a comma, what qualifies the name before it rather than
 * another name: a credential ("MD"), the site ("The Commercial Appeal"), or
 * a role with a title word ("Home and Digital Security Expert", whose "and"
 * must not make "Home" an author)? */
static int S_qualifier(const cd_meta *m, const char *s, size_t n)
{
    while (n && cd_isspace((unsigned char)*s))
        s++, n--;
    while (n && cd_isspace((unsigned char)s[n - 1]))
        n--;
    if (!n)
        return 1;
    if (!memchr(s, ' ', n) && S_is_credential(s, n))
        return 1;
    /* "By Damian Spellman, PA Sport", "By LIZ AUSTIN PETERSON, Associated
     * Press Writer": the wire or its desk the writer works for. */
    if (cd_meta_agency_at(s, n))
        return 1;
    if (m->site_name && cd_meta_site_like(s, n, m->site_name, strlen(m->site_name)))
        return 1;
    if (m->site_name && n > 4 && cd_eq_nocase(s, 4, "the ") &&
        cd_meta_site_like(s + 4, n - 4, m->site_name, strlen(m->site_name)))
        return 1; /* "The Commercial Appeal" on "Memphis Commercial Appeal" */
    /* Names joined by a conjunction after the comma ("Jane Doe, John Roe
     * and Ann Poe", and with the serial comma ", and Ann Poe"): more
     * authors when every side is a name of two words or more; a title
     * on one side ("Home and Digital Security Expert", wcxb 4601) keeps
     * the whole a qualifier. */
    size_t cl, at = S_conjunction_at(s, n, &cl);
    if (at < n) {
        size_t st = 0;
        int names = 0;
        for (;;) {
            size_t e = at < n ? at : n, b = st;
            while (b < e && cd_isspace((unsigned char)s[b]))
                b++;
            while (e > b && cd_isspace((unsigned char)s[e - 1]))
                e--;
            if (e > b) {
                if (!memchr(s + b, ' ', e - b) || S_is_title(s + b, e - b) || S_is_group(s + b, e - b) ||
                    !cd_meta_author_plausible(s + b, e - b))
                    break;
                names++;
            }
            if (at >= n) {
                if (names)
                    return 0;
                break;
            }
            st = at + cl;
            size_t more = S_conjunction_at(s + st, n - st, &cl);
            at = more < n - st ? st + more : n;
        }
    }
    return memchr(s, ' ', n) && S_is_title(s, n) && !S_is_group(s, n);
}

/* Is part (after a comma) a job title of several words ("Senior Staff
 * Technologist"), not a credential or the site? */
static int S_is_role(const char *s, size_t n)
{
    while (n && cd_isspace((unsigned char)*s))
        s++, n--;
    while (n && cd_isspace((unsigned char)s[n - 1]))
        n--;
    return n && memchr(s, ' ', n) && S_is_title(s, n) && !S_is_group(s, n);
}

/* Is s[0..n) a newsroom's credit naming nobody: only placeholder words
 * ("Staff"), news agencies ("agencies", "AP") and conjunctions, as in
 * "Staff and agencies", "Staff and wire reports"? */
static int S_newsroom_only(const char *s, size_t n)
{
    size_t at = 0, words = 0;
    const char *w;
    size_t l;
    while ((l = cd_next_word(s, n, &at, &w)) > 0) {
        while (l && (w[l - 1] == ',' || w[l - 1] == '.'))
            l--;
        if (!l)
            continue;
        words++;
        if (S_word_is(w, l, &cd_list_placeholder_names) || cd_meta_agency_at(w, l) == l ||
            (l <= 3 && w[0] >= 'a' && w[0] <= 'z') || (l == 1 && w[0] == '&'))
            continue;
        return 0;
    }
    return words >= 2;
}

/* Is part a clause of prose: six words or more, three of them opening in
 * lower case (name particles aside)? */
static int S_prose_part(const char *s, size_t n)
{
    size_t at = 0, l, words = 0, lower = 0;
    const char *w;
    while ((l = cd_next_word(s, n, &at, &w)) != 0) {
        words++;
        if (w[0] >= 'a' && w[0] <= 'z' && !S_word_is(w, l, &cd_list_name_particles))
            lower++;
    }
    return words >= 6 && lower >= 3;
}

/* Does s[0..n) open with a capitalised word, "of" and "the" ("Publishers
 * of the …", "Ahead of the Ticker")? */
static int S_title_of(const char *s, size_t n)
{
    size_t at = 0, l;
    const char *w;
    if ((l = cd_next_word(s, n, &at, &w)) == 0 || !(w[0] >= 'A' && w[0] <= 'Z'))
        return 0;
    if ((l = cd_next_word(s, n, &at, &w)) != 2 || memcmp(w, "of", 2) != 0)
        return 0;
    return (l = cd_next_word(s, n, &at, &w)) == 3 && memcmp(w, "the", 3) == 0;
}

/* Split one segment on commas, then on conjunctions. */
static void S_split(cd_meta *m, cd_arena *a, const char *s, size_t n, int loose, size_t *added)
{
    /* "Staff and agencies<br>Saturday December 29, 2007<br>Guardian
     * Unlimited": a byline box that opens with a newsroom's credit names no
     * writer; its other lines are the date and the paper. */
    {
        size_t e = 0;
        while (e < n && s[e] != '\n' && s[e] != ',' && s[e] != ';')
            e++;
        if (e < n && S_newsroom_only(s, e))
            return;
        /* "Publishers of the Morris Daily Herald and Southwest Herald
         * Newspapers" (a masthead's line in a byline class, l3s acc703fe),
         * "Ahead of the Ticker | Vipul Verma" (a column's name, 4e3ee06c):
         * in page text, a credit opening with a capitalised word and "of
         * the" is a title, naming no writer. */
        if (!loose && S_title_of(s, e))
            return;
    }
    /* "Doe, Jane" (one comma, one word each side) is one inverted name: rare
     * in bylines, and splitting it would invent two authors; kept whole. */
    /* "By Andy Howell, Western Mail", "By Evan Lehmann, Eagle Washington
     * Bureau" (l3s 1ae477e7, 754e1ae9): in page text, two parts and one
     * comma with no conjunction are a name and where the writer works;
     * co-authors are joined with "and" ("A and B", "A, B and C"). */
    int affil = 0;
    if (!loose) {
        size_t commas = 0, conj = 0;
        for (size_t i = 0; i < n; i++) {
            if (s[i] == ',')
                commas++;
            else if (s[i] == ';' || s[i] == '\n')
                commas += 2;
            else if (i && s[i - 1] == ' ')
                for (size_t k = 0; cd_list_credit_conjunctions[k] && !conj; k++) {
                    const char *cj = cd_list_credit_conjunctions[k];
                    size_t l = strlen(cj);
                    conj = i >= 1 && n - (i - 1) >= l && cd_eq_nocase(s + i - 1, l, cj);
                }
        }
        affil = commas == 1 && !conj;
    }
    size_t cst = 0;
    for (size_t ci = 0; ci <= n; ci++) {
        if (ci < n && s[ci] != ',' && s[ci] != ';' && s[ci] != '\n')
            continue;
        const char *p = s + cst;
        size_t pn = ci - cst;
        int first = cst == 0;
        cst = ci + 1;
        /* A sentence before the first comma ("Actor Brad Renfro was the
         * young child star who starred in the movie, The Client, featuring
         * …", a summary in a block the template classes as a byline, news
         * spec associatedcontent-renfro-dies): prose, whose capitalised
         * parts are titles, not names. */
        if (first && !loose && S_prose_part(p, pn))
            return;
        /* A job title of one word after the name ("Carlos Escobar, VP, IS
         * Security, Risk, and Compliance, RevMed", wcxb 4284): what follows
         * is the department and the company, not more names. */
        if (!first && !loose) {
            const char *q = p;
            size_t ql = pn;
            while (ql && cd_isspace((unsigned char)*q))
                q++, ql--;
            while (ql && cd_isspace((unsigned char)q[ql - 1]))
                ql--;
            if (ql && !memchr(q, ' ', ql) && S_word_is(q, ql, &cd_list_job_title_words))
                break;
        }
        if (!first && (affil || S_qualifier(m, p, pn))) {
            /* "By Jalilur Rehman, AFP": the wire after the writer is the
             * story's source (news/ reads it into credit). */
            const char *g = p;
            size_t gl = pn;
            while (gl && cd_isspace((unsigned char)*g))
                g++, gl--;
            while (gl && (cd_isspace((unsigned char)g[gl - 1]) || g[gl - 1] == '.'))
                gl--;
            if (gl && !m->byline_agency && cd_meta_agency_at(g, gl) == gl)
                m->byline_agency = cd_arena_strndup(a, g, gl);
            /* After a job title, what follows is where the person works
             * ("Jane Doe, Senior Staff Technologist, ACLU Speech, Privacy,
             * and Technology Project"), not more authors. */
            if (S_is_role(p, pn))
                break;
            continue;
        }
        size_t st = 0, i = 0;
        while (i <= pn) {
            size_t cut = 0;
            if (i == pn)
                cut = 1;
            else
                for (size_t k = 0; cd_list_credit_conjunctions[k]; k++) {
                    const char *cj = cd_list_credit_conjunctions[k];
                    /* The first byte first: most places start no conjunction. */
                    if (cd_lower_bytes[(unsigned char)p[i]] != cd_lower_bytes[(unsigned char)cj[0]])
                        continue;
                    size_t l = strlen(cj);
                    if (pn - i >= l && cd_eq_nocase(p + i, l, cj)) {
                        cut = l;
                        break;
                    }
                }
            /* A one-letter side is no name: the conjunction is part of a
             * brand's name ("Mac & i", heise's magazine, stated as its
             * <meta name=author>: readability heise, whose gold keeps it
             * whole), not a list of two. */
            if (cut && i < pn) {
                size_t a0 = st, a1 = i, b0 = i + cut, b1 = pn;
                while (a0 < a1 && cd_isspace((unsigned char)p[a0]))
                    a0++;
                while (a1 > a0 && cd_isspace((unsigned char)p[a1 - 1]))
                    a1--;
                size_t b = b0;
                while (b < b1 && !cd_isspace((unsigned char)p[b]) && p[b] != ',')
                    b++;
                if (a1 - a0 == 1 || (b - b0 == 1 && b == b1))
                    cut = 0;
            }
            if (!cut) {
                i++;
                continue;
            }
            /* "By HERB KEINON AND AP": the wire named beside the writer is
             * the story's source (news/ reads it into credit), no author. */
            const char *q = p + st;
            size_t ql = i - st;
            while (ql && cd_isspace((unsigned char)*q))
                q++, ql--;
            while (ql && (cd_isspace((unsigned char)q[ql - 1]) || q[ql - 1] == '.'))
                ql--;
            /* So is a wire named alone in page text ("Written by: AFP",
             * "By AP"): the source, not a writer. */
            if ((st > 0 || !loose) && ql && cd_meta_agency_at(q, ql) == ql) {
                if (!m->byline_agency) m->byline_agency = cd_arena_strndup(a, q, ql);
                i += cut;
                st = i;
                continue;
            }
            /* Later parts of a loose credit may be job titles ("Jane Doe,
             * Senior Reporter"): checked like page text (2). */
            S_push(m, a, p + st, i - st, loose && first && st == 0 ? 1 : loose ? 2 : 0,
                   !first ? 2 : st > 0, added);
            i += cut;
            st = i;
        }
    }
}

/* Where a second role or the date line begins inside a credit: "Jane Doe
 * Reviewed by Max Roe", "Jane Doe Last updated on 17 December 2025". The
 * credit is cut there (never at its start, where these are lead-ins). */
static size_t S_cut_roles(const char *s, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        if (s[i - 1] != ' ' && s[i - 1] != '.' && s[i - 1] != ',')
            continue;
        for (size_t k = 0; cd_list_credit_cut_roles[k]; k++) {
            size_t l = strlen(cd_list_credit_cut_roles[k]);
            if (n - i >= l && cd_eq_nocase(s + i, l, cd_list_credit_cut_roles[k]))
                return i;
        }
    }
    return n;
}

#define S_DATE_WORDS 5 /* words a date spans at most ("Friday, December 19, 2025") */

/* Cut a date off the credit: "Andrew Gerrand 4 August 2010", "Posted by jane
 * on 07/03/24", "Luke KimDecember 17, 2025". The date is found by the date
 * parser in a window of a few words starting at a word, a digit after a
 * letter or a capital after a lower-case letter; its start is then moved
 * forward while the window still holds it (so that "Smith" in "Smith Dec 5,
 * 2024" stays). Returns the new length. */
static size_t S_cut_date(const char *s, size_t n)
{
    char out[CD_META_DATE_LEN];
    for (size_t i = 1; i < n; i++) {
        unsigned char p = (unsigned char)s[i - 1], ch = (unsigned char)s[i];
        int start = (p == ' ' && ch != ' ') || (cd_isalpha(p) && cd_isdigit(ch)) ||
                    (p >= 'a' && p <= 'z' && ch >= 'A' && ch <= 'Z');
        if (!start)
            continue;
        /* A clock time alone ("Posted by Larry Dignan @ 5:56 am"). */
        size_t c = i;
        while (c < n && c - i < 2 && cd_isdigit((unsigned char)s[c]))
            c++;
        if (c > i && c + 2 < n && s[c] == ':' && cd_isdigit((unsigned char)s[c + 1]) &&
            cd_isdigit((unsigned char)s[c + 2]) && s[i - 1] == ' ')
            return i;
        size_t e = i;
        for (int w = 0; w < S_DATE_WORDS && e < n; w++) {
            while (e < n && s[e] != ' ')
                e++;
            while (e < n && s[e] == ' ')
                e++;
        }
        if (!cd_meta_date_norm(s + i, e - i, 0, 1, out) && !cd_meta_date_norm(s + i, e - i, 0, -1, out))
            continue;
        size_t d = i;
        for (size_t j = i + 1; j < e; j++) {
            if (s[j - 1] != ' ' || s[j] == ' ')
                continue;
            if (!cd_meta_date_norm(s + j, e - j, 0, 1, out) && !cd_meta_date_norm(s + j, e - j, 0, -1, out))
                break;
            d = j;
        }
        return d;
    }
    return n;
}

/* An author box reads "Jane Doe Jane Doe is a reporter who …": the
 * sentence about the person goes, and a name said twice is said once.
 * Returns the new length. */
static size_t S_cut_bio(char *s, size_t n)
{
    size_t cut = n;
    for (size_t k = 0; cd_list_bio_verbs[k]; k++) {
        size_t l = strlen(cd_list_bio_verbs[k]);
        for (size_t i = 1; i + l <= cut; i++)
            if (cd_eq_nocase(s + i, l, cd_list_bio_verbs[k])) {
                cut = i;
                break;
            }
    }
    if (cut == n)
        return n;
    /* "Lauren Vetter Lauren Vetter": the name shown, then the sentence's
     * subject; said once. */
    size_t h = cut / 2;
    if (cut % 2 == 1 && s[h] == ' ' && h > 2 && memcmp(s, s + h + 1, h) == 0)
        return h;
    /* "Bence Kovács Bence is …": the subject is the first name again. */
    size_t sp = cut;
    while (sp > 0 && s[sp - 1] != ' ')
        sp--;
    if (sp > 1 && cut - sp >= 2 && cut - sp < sp - 1 && memcmp(s, s + sp, cut - sp) == 0 &&
        s[cut - sp] == ' ')
        return sp - 1;
    return cut;
}

/* Drop what a cut leaves dangling: "Posted by jane on", "Jane Doe |". */
static size_t S_trim_tail(const char *s, size_t n)
{
    for (int again = 1; again && n;) {
        again = 0;
        while (n && (cd_isspace((unsigned char)s[n - 1]) || s[n - 1] == ',' || s[n - 1] == '|' ||
                     s[n - 1] == '-' || s[n - 1] == ':' || s[n - 1] == ';' || s[n - 1] == '('))
            n--, again = 1;
        /* "•", "·", "»", "⋅", dashes (src/lists/marks.txt) */
        const char *const *marks = cd_list_marks;
        for (size_t k = 0; marks[k]; k++) {
            size_t l = strlen(marks[k]);
            if (n >= l && memcmp(s + n - l, marks[k], l) == 0) {
                n -= l;
                again = 1;
            }
        }
        /* … a dangling word, and the weekday a cut date leaves ("Posted by
         * jane on Friday"). */
        size_t e = n;
        while (e && s[e - 1] != ' ')
            e--;
        if (n > e && S_word_is(s + e, n - e, &cd_list_credit_tail_words))
            n = e, again = 1;
    }
    return n;
}

/* "with " opening a parenthesis and followed by a capitalised name (English,
 * French, German, Spanish/Italian, Portuguese): its length, or 0. */
static size_t S_with_word(const char *s, size_t n)
{
    for (size_t k = 0; cd_list_with_words[k]; k++) {
        size_t l = strlen(cd_list_with_words[k]);
        if (n > l && cd_eq_nocase(s, l, cd_list_with_words[k]) &&
            ((s[l] >= 'A' && s[l] <= 'Z') || (unsigned char)s[l] >= 0x80) && memchr(s + l, ')', n - l))
            return l;
    }
    return 0;
}

/* Drop parenthesised parts and e-mail addresses ("jane@x.com (Jane Doe)" keeps
 * the name in parentheses when nothing else is left). */
static size_t S_scrub(const char *s, size_t n, char *out)
{
    size_t o = 0;
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        size_t w = s[i] == '(' && !depth && o ? S_with_word(s + i + 1, n - i - 1) : 0;
        if (w) {
            /* "Jane Doe (with John Roe and Ann Poe)": the others who wrote
             * it, joined as "Jane Doe and John Roe and Ann Poe" (after a
             * comma, capitalised words would read as a job title). */
            while (o && out[o - 1] == ' ')
                o--;
            memcpy(out + o, " and ", 5);
            o += 5;
            i += w;
            while (i + 1 < n && s[i + 1] != ')')
                out[o++] = s[++i];
            i++;
            continue;
        }
        if (s[i] == '(' && !depth && o && out[o - 1] == ' ') {
            /* Inside the name, a middle or maiden name stays: "Paramita
             * (Guha) Ghosh", "Bruno (Henrique Zecchin) Rodrigues"; after it,
             * an affiliation or a user name goes ("(CNXSoft)"). */
            size_t e = i + 1;
            while (e < n && e - i < 40 && s[e] != ')' && s[e] != '(' && s[e] != '@' && s[e] != '/')
                e++;
            size_t after = e + 1;
            while (after < n && s[after] == ' ')
                after++;
            if (e < n && s[e] == ')' && e > i + 1 && after < n && after > e + 1 &&
                ((unsigned char)s[after] >= 0x80 || (s[after] >= 'A' && s[after] <= 'Z'))) {
                memcpy(out + o, s + i, e + 1 - i);
                o += e + 1 - i;
                i = e;
                continue;
            }
        }
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

/* A credit for another role names someone who did not write the text
 * ("Reviewed by" stays a credit: on health pages the reviewer is often the
 * only person named). */
int cd_meta_author_other_role(const char *s, size_t n)
{
    size_t b = 0;
    while (b < n && (cd_isspace((unsigned char)s[b]) || s[b] == '|'))
        b++;
    for (size_t k = 0; cd_list_other_role_credits[k]; k++)
        if (S_prefix_nocase(s + b, n - b, cd_list_other_role_credits[k]))
            return 1;
    /* One word before the role: "STAFF PHOTO BY KATHY ANDERSON", "File
     * photo by …" (a picture's credit, in a span the template calls byline). */
    size_t w = b;
    while (w < n && cd_isalpha((unsigned char)s[w]))
        w++;
    if (w == b || w - b > 12 || w >= n || s[w] != ' ')
        return 0;
    w++;
    for (size_t k = 0; cd_list_other_role_credits[k]; k++)
        if (S_prefix_nocase(s + w, n - w, cd_list_other_role_credits[k]))
            return 1;
    return 0;
}

/* A tag written into the credit ("AL ALEXANDER<BR>The Patriot Ledger" in
 * a <meta> a template filled with markup): a line break, the name before it. */
static size_t S_cut_markup(const char *s, size_t n)
{
    for (size_t i = 1; i + 1 < n; i++)
        if (s[i] == '<' && (cd_isalpha((unsigned char)s[i + 1]) || s[i + 1] == '/'))
            return i;
    return n;
}

/* Where the writer filed from: "Tom Phillips in Rio de Janeiro", "By
 * Sarah Laitner in Brussels, Maija Palmer in London and Kevin Allison",
 * "Von Hans Meier in Berlin". " in " after a capitalised word, followed by
 * a place (one to four capitalised words or particles, up to the next
 * comma, conjunction, bar or the end), is cut out in place. Returns the new
 * length. */
static size_t S_cut_places(char *s, size_t n)
{
    for (size_t i = 1; i + 4 < n; i++) {
        if (s[i] != ' ' || s[i + 1] != 'i' || s[i + 2] != 'n' || s[i + 3] != ' ' ||
            !(s[i + 4] >= 'A' && s[i + 4] <= 'Z'))
            continue;
        size_t w = i;
        while (w && s[w - 1] != ' ' && s[w - 1] != ',')
            w--;
        if (!(s[w] >= 'A' && s[w] <= 'Z'))
            continue;
        size_t e = i + 4, words = 0;
        int place = 1;
        while (e < n && s[e] != ',' && s[e] != ';' && s[e] != '|' &&
               !(e + 5 <= n && s[e] == ' ' &&
                 (memcmp(s + e, " and ", 5) == 0 || memcmp(s + e, " by ", 4) == 0 || memcmp(s + e, " & ", 3) == 0))) {
            size_t st = e;
            while (e < n && s[e] != ' ' && s[e] != ',' && s[e] != ';' && s[e] != '|')
                e++;
            if (e > st) {
                words++;
                if (!(s[st] >= 'A' && s[st] <= 'Z') && !S_word_is(s + st, e - st, &cd_list_name_particles))
                    place = 0;
                for (size_t k = st; k < e; k++)
                    if (!cd_isalpha((unsigned char)s[k]) && (unsigned char)s[k] < 0x80 && s[k] != '-' && s[k] != '.')
                        place = 0;
            }
            while (e < n && s[e] == ' ' &&
                   !(e + 5 <= n && (memcmp(s + e, " and ", 5) == 0 || memcmp(s + e, " by ", 4) == 0 ||
                                    memcmp(s + e, " & ", 3) == 0)))
                e++;
        }
        if (!place || !words || words > 4)
            continue;
        while (e > i && s[e - 1] == ' ')
            e--;
        memmove(s + i, s + e, n - e);
        n -= e - i;
    }
    return n;
}

/* Where the credit starts after a clause that says it ("This post was
 * written by ", "This article is written by "): a capital opens s, at most
 * four words stand before "was"/"is" + "written by "; 0 for none. */
static size_t S_written_by_clause(const char *s, size_t n)
{
    static const char wb[] = "written by ";
    size_t l = sizeof wb - 1;
    if (!n || !(s[0] >= 'A' && s[0] <= 'Z'))
        return 0;
    size_t words = 1;
    for (size_t i = 1; i + l < n && i < 64 && words <= 6; i++) {
        if (s[i - 1] != ' ')
            continue;
        words++;
        if (!cd_eq_nocase(s + i, l, wb))
            continue;
        /* the verb before: "was", "is", "were" */
        size_t e = i - 1, b = e;
        while (b && s[b - 1] != ' ')
            b--;
        if (words >= 3 && words <= 6 &&
            ((e - b == 3 && cd_eq_nocase(s + b, 3, "was")) || (e - b == 2 && cd_eq_nocase(s + b, 2, "is")) ||
             (e - b == 4 && cd_eq_nocase(s + b, 4, "were"))))
            return i + l;
        return 0;
    }
    return 0;
}

/* Is s[0..n), its lead-in ("By") aside, a name of two to four words each
 * opening with a capital (no digit, no '@'), and in[0..il) one word? */
static int S_name_before_word(const char *s, size_t n, const char *in, size_t il)
{
    for (size_t k = 0; k < il; k++)
        if (in[k] == ' ')
            return 0;
    size_t i = S_strip_lead(s, n), words = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        if (i == n)
            break;
        if (!(s[i] >= 'A' && s[i] <= 'Z'))
            return 0;
        while (i < n && s[i] != ' ') {
            if (cd_isdigit((unsigned char)s[i]) || s[i] == '@')
                return 0;
            i++;
        }
        words++;
    }
    return words >= 2 && words <= 4;
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
    if (close && !S_with_word(open + 1, len - (size_t)(open + 1 - s)) &&
        !cd_meta_author_plausible(buf, n)) {
        /* "jane@example.com (Jane Doe)": the name is inside. But a name of
         * two to four capitalised words before a one-word parenthesis is
         * the writer, the parenthesis his rank or a link ("by Agostino Di
         * Maria (Scribe) 0 comments Filed Under: NHL", l3s 17601c3c; "By
         * David Lassen (Contact) Thursday, …"): the name before it. */
        size_t before = (size_t)(open - s);
        if (S_name_before_word(s, before, open + 1, (size_t)(close - open - 1))) {
            n = before;
            memcpy(buf, s, n);
        } else {
            n = (size_t)(close - open - 1);
            memcpy(buf, open + 1, n);
        }
    }
    /* "This post was written by Danielle Padula, Head of Marketing …" (an
     * author box's sentence, wcxb 2381): the credit after the clause. */
    {
        size_t at = S_written_by_clause(buf, n);
        if (at) {
            memmove(buf, buf + at, n - at);
            n -= at;
            /* "This article was Written By Our Product Research Team"
             * (wcxb 2893/2894, a shop's template): the site's own staff
             * as a possessive names no writer. */
            size_t w = 0;
            while (w < n && buf[w] != ' ')
                w++;
            if ((w == 3 && cd_eq_nocase(buf, 3, "our")) || (w == 4 && cd_eq_nocase(buf, 4, "your")))
                return 0;
        }
    }
    if (cd_meta_author_other_role(buf, n))
        return 0;
    /* "… in London and,Kevin Allison in San Francisco" (l3s 7ada7ff8): a
     * comma typed for the space after a joiner is that space. */
    for (size_t i = 0; i + 5 < n; i++)
        if (buf[i] == ' ' && buf[i + 4] == ',' && buf[i + 5] != ' ' && cd_eq_nocase(buf + i + 1, 3, "and"))
            buf[i + 4] = ' ';
    n = S_cut_markup(buf, n);
    n = S_cut_places(buf, n);
    n = S_cut_bio(buf, n);
    size_t whole = n;
    n = S_cut_roles(buf, n);
    n = S_cut_date(buf, n);
    if (n < whole)
        n = S_trim_tail(buf, n);
    /* A colophon ("content: MarketingSherpa, design: Scott McDaniel, code:
     * …") lists who did what, not who wrote the text. */
    {
        size_t labels = 0;
        for (size_t i = 1; i < n; i++)
            if (buf[i] == ':' && cd_isalpha((unsigned char)buf[i - 1]) && (i + 1 == n || buf[i + 1] == ' '))
                labels++;
        if (labels >= 2)
            return 0;
    }
    /* A breadcrumb trail ("Home » Technology Solutions » Cybersecurity
     * Consulting Services" in a page's head block, wcxb 4284, gold author
     * null) is the site's path, no credit: two path marks or more. */
    if (!loose) {
        size_t marks = 0;
        for (size_t i = 0; i + 2 < n; i++)
            if ((buf[i] == '\xC2' && buf[i + 1] == '\xBB') || (buf[i] == ' ' && buf[i + 1] == '>' && buf[i + 2] == ' '))
                marks++;
        if (marks >= 2)
            return 0;
    }
    /* Strong separators: keep the segments that name someone. */
    /* src/lists/separators.txt, which title.c cuts titles at. */
    const cd_list_pair *seps = cd_list_separators;
    size_t added = 0, st = 0, i = 0;
    while (i <= n) {
        size_t cut = 0;
        if (i == n)
            cut = 1;
        else
            for (size_t k = 0; seps[k].s; k++) {
                if (buf[i] != seps[k].s[0])
                    continue; /* most bytes start no separator */
                size_t l = strlen(seps[k].s);
                if (n - i >= l && memcmp(buf + i, seps[k].s, l) == 0) {
                    cut = l;
                    break;
                }
            }
        if (cut) {
            /* After a separator, a part of page text in lower case only is
             * a tag or a label ("via jane 1 year ago | caches | 12"). */
            int lower = st > 0 && !loose;
            for (size_t k = st; k < i && lower; k++)
                if ((buf[k] >= 'A' && buf[k] <= 'Z') || (unsigned char)buf[k] >= 0x80)
                    lower = 0;
            /* After a separator, a job title of several words ("Tom Jicha
             * | TV and Radio Writer", l3s sunsentinel-cowell-idol, whose
             * span restates the name the line before credited) is the
             * writer's role: no names inside ("TV"). */
            if (!lower && !(st > 0 && S_is_role(buf + st, i - st)))
                S_split(m, a, buf + st, i - st, loose, &added);
            /* "Jane Doe - Senior Reporter": the first segment that names
             * someone is the credit. */
            if (added)
                break;
            /* A first segment that is a newsroom job alone ("BS Reporter /
             * New Delhi January 9, 2008", l3s b7350689; "Staff Writer |
             * …") credits a desk: what follows is where it was filed or
             * the paper, no writer. */
            if (st == 0 && i < n && S_job_credit(buf, i))
                break;
            i += cut;
            st = i;
            continue;
        }
        i++;
    }
    return added;
}
