/* extract/comments: reader comments found by their structure.
 *
 * Class words ("comments", "respond") find most comment sections, but many
 * pages name them otherwise ("individualcomment", "item", nothing at all) and
 * a thread below a story then reads as more story. What every thread has is
 * its shape: a run of sibling items, each signed with who wrote it and when
 * ("Posted by: jim | January 14, 2008 06:24 PM", "Paul on 6 Jan 2008 2:09pm",
 * a permalink showing the time). So:
 *   - a signature (a "stamp") is the largest element of at most CD_STAMP_MAX
 *     bytes that holds a clock time, or a date with an author cue ("posted",
 *     "by", "wrote", "|" …) and names someone — a byline line is one, a list
 *     of dated headlines too (left to teaser.c: a run of items made mostly of
 *     link text is no thread);
 *   - a thread is an element with CD_THREAD_MIN or more children carrying a
 *     stamp each (a reply nested in an item adds to its item). The run from
 *     the first signed child to the last is the thread; when the signatures
 *     are siblings of the comments' text, not inside an item, the text of the
 *     first comment (before its signature) is taken with it;
 *   - schema.org's Comment and UserComments items are comments whatever
 *     their shape, and a form with a text area is the comment form.
 *   - threads signed by name alone ("Jane Doe, Leeds, UK" after each
 *     comment's text, no date): the name lines all of one make, each after
 *     text of another, three of them (two on a page with a comment form),
 *     ending their container with no story text after it (S_name_thread);
 *   - a comment prompt, a short line inviting comments or saying they are
 *     closed ("Your views on this story?", "Join the discussion on our
 *     message boards"), is part of the comment form (S_prompt).
 * The short heading just before a thread or a form ("12 Comments", "Have
 * your say") is its label. Whether a marked thread is dropped is extract.c's
 * decision (only inside one article, never the page's only text). */
#include <pthread.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define S_COMMENTS_SSE2 1
#endif
#ifdef CD_EXTRACT_DEBUG
#include <stdio.h>
#include <stdlib.h>
#endif

#include "../util/ctype.h"
#include "../util/utf8.h"
#include "article.h"
#include "comments.h"
#include "wordlists.h"

#define CD_STAMP_MAX 160   /* bytes of a signature line */
#define CD_STAMP_CHARS 120 /* visible characters of one */
#define CD_THREAD_MIN 3    /* signed items that make a thread */
#define CD_LABEL_MAX 60    /* visible characters of a thread's label */

/* A clock time: 3:06, 18:24 (not inside a longer number). */
static int S_clock(const char *s, size_t n)
{
    for (size_t i = 1; i + 2 < n; i++) {
        if (s[i] != ':' || !cd_isdigit((unsigned char)s[i - 1]) ||
            !cd_isdigit((unsigned char)s[i + 1]) || !cd_isdigit((unsigned char)s[i + 2]))
            continue;
        size_t b = i - 1;
        if (b > 0 && cd_isdigit((unsigned char)s[b - 1])) b--;
        if (b > 0 && (cd_isdigit((unsigned char)s[b - 1]) || s[b - 1] == ':')) continue;
        if (i + 3 < n && cd_isdigit((unsigned char)s[i + 3])) continue;
        return 1;
    }
    return 0;
}

/* Words that say who wrote a line, or (weak) separate its parts. */
static int S_cue(const char *s, size_t n, int weak)
{
    for (size_t i = 0; weak && i < n; i++)
        if (s[i] == '|' || s[i] == '@') return 1;
    size_t at = 0;
    const char *w;
    size_t wl;
    while ((wl = cd_next_word(s, n, &at, &w)) > 0) {
        while (wl && !cd_isalpha((unsigned char)w[wl - 1]))
            wl--;
        if (cd_wordset_has(&cd_list_comment_sign_cues, w, wl)) return 1;
        if (weak && cd_wordset_has(&cd_list_comment_sign_weak_cues, w, wl)) return 1;
    }
    return 0;
}

/* Does a line name someone: a word of two letters or more that is no part
 * of a date or time ("Jan", "pm", "GMT", "at")? A bare time stamp is a
 * log line or a list's date, not a signature. */
static int S_named(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (!cd_isalpha((unsigned char)s[i]) && (unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        size_t b = i;
        while (i < n && (cd_isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80))
            i++;
        if (i - b < 2) continue;
        if (!cd_wordset_has(&cd_list_comment_sign_skip, s + b, i - b) && !cd_article_month(s + b, i - b))
            return 1;
    }
    return 0;
}

/* The words of s[0..n). */
static size_t S_words(const char *s, size_t n)
{
    size_t words = 0, at = 0;
    const char *w;
    while (cd_next_word(s, n, &at, &w) > 0)
        words++;
    return words;
}

/* The name of a signature set as a line of its own just before its date
 * ("Mr. G." then "Thu, Jan 17, 08 at 11:39 PM", each in its own block): the
 * element right before id, with no text between, is CD_SIGN_NAME visible
 * characters or fewer, CD_SIGN_WORDS words or fewer, no digit and no
 * heading. */
#define CD_SIGN_NAME 40
#define CD_SIGN_WORDS 4
static int S_name_before(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    cd_nid p = cd_dom_node(dom, id)->prev;
    while (p && (cd_dom_node(dom, p)->type != CD_NODE_ELEMENT || st[p].dead || !st[p].chars)) {
        if (cd_dom_node(dom, p)->type == CD_NODE_TEXT && st[p].chars) return 0;
        p = cd_dom_node(dom, p)->prev;
    }
    if (!p || st[p].chars < 2 || st[p].chars > CD_SIGN_NAME ||
        (cd_tag_flags(cd_dom_node(dom, p)->tag) & CD_TF_HEADING))
        return 0;
    char buf[CD_STAMP_MAX + 1];
    long len = cd_x_text(dom, st, p, buf, CD_STAMP_MAX);
    if (len <= 0) return 0;
    size_t words = S_words(buf, (size_t)len);
    if (!words || words > CD_SIGN_WORDS) return 0;
    for (long i = 0; i < len; i++)
        if (cd_isdigit((unsigned char)buf[i])) return 0;
    return 1;
}

/* Does p[0..n) hold one of '0'-'9'? Sixteen bytes at a time where SSE2
 * is there (signed compares: bytes of 0x80 and up are below '0'). */
static int S_holds_digit(const unsigned char *p, size_t n)
{
    size_t i = 0;
#ifdef S_COMMENTS_SSE2
    const __m128i lo = _mm_set1_epi8('0' - 1), hi = _mm_set1_epi8('9' + 1);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        if (_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, lo), _mm_cmplt_epi8(v, hi))))
            return 1;
    }
#endif
    for (; i < n; i++)
        if (cd_isdigit(p[i])) return 1;
    return 0;
}

/* May the live text of element id hold a digit? A screen before
 * cd_x_text for S_stamp: "no" only when none of the text nodes that
 * cd_x_text would read (those outside dead subtrees) holds one, so it
 * never turns a signature away; "maybe" past the nodes cd_x_text would
 * read at most (4 * max + 64). Of the 24,335 short blocks of bench p200
 * that reach the reading, 19,180 hold no digit: they are no longer copied
 * (p200 -7.1 M instructions, -0.35 %). */
static int S_may_have_digit(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    size_t nodes = 4 * CD_STAMP_MAX + 64;
    for (cd_nid t = cd_dom_node(dom, id)->first; t;) {
        if (!nodes--) return 1;
        const cd_node *n = cd_dom_node(dom, t);
        if (st[t].dead) {
            t = cd_dom_next_skip(dom, t, id);
            continue;
        }
        if (n->type == CD_NODE_TEXT && S_holds_digit((const unsigned char *)n->u.text, n->len))
            return 1;
        t = cd_dom_next(dom, t, id);
    }
    return 0;
}

/* Is element id a signature line? (buf: CD_STAMP_MAX + 1 bytes) */
static int S_stamp(const cd_dom *dom, const cd_xstat *st, cd_nid id, char *buf)
{
    const cd_xstat *s = &st[id];
    const cd_node *n = cd_dom_node(dom, id);
    if (s->chars < 6 || s->chars > CD_STAMP_CHARS || st[n->parent].chars <= s->chars ||
        (cd_tag_flags(n->tag) & CD_TF_HEADING) || n->tag == CD_TAG_PRE || n->tag == CD_TAG_CODE)
        return 0;
    if (!S_may_have_digit(dom, st, id)) return 0;
    long len = cd_x_text(dom, st, id, buf, CD_STAMP_MAX);
    if (len <= 0) return 0;
    if (!S_holds_digit((const unsigned char *)buf, (size_t)len)) return 0;
    /* A time with a date or a name ("Posted by: jim | January 14, 2008
     * 06:24 PM"), or a date with a word saying someone wrote ("Paul wrote
     * on 6 January 2008"). A date alone, or with "by" or a "|", is as often
     * a book's release or an event in a list. */
    size_t bl = (size_t)len;
    int ok = S_clock(buf, bl) ? S_cue(buf, bl, 1) || cd_article_date(buf, bl)
                              : S_cue(buf, bl, 0) && cd_article_date(buf, bl);
    if (!ok || (!S_named(buf, bl) && !S_name_before(dom, st, id)))
        return 0;
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_STAMPS") && !S_named(buf, bl))
        fprintf(stderr, "name-before stamp #%u: %s\n", id, buf);
#endif
    /* Code and its output show times and names: never signatures. Asked
     * last: the walk up is as long as the tree is deep, and every short
     * block of a chain of nested ones is asked (hostile2's
     * deep-div-text-chain: 250 ancestors for each of 250 blocks). */
    for (cd_nid a = n->parent; a; a = cd_dom_node(dom, a)->parent)
        if (cd_dom_node(dom, a)->tag == CD_TAG_PRE || cd_dom_node(dom, a)->tag == CD_TAG_CODE)
            return 0;
    return 1;
}

static int S_has_sentence_end(const char *s, size_t n)
{
    while (n && s[n - 1] == ' ')
        n--;
    return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

/* The short heading or line just before element id: its label. */
static void S_label(const cd_dom *dom, cd_xstat *st, cd_nid id)
{
    cd_nid p = cd_dom_node(dom, id)->prev;
    while (p && (cd_dom_node(dom, p)->type != CD_NODE_ELEMENT || st[p].dead || !st[p].chars)) {
        /* Loose text between: no label. */
        if (cd_dom_node(dom, p)->type == CD_NODE_TEXT && st[p].chars) return;
        p = cd_dom_node(dom, p)->prev;
    }
    if (!p || st[p].kind || st[p].chars > CD_LABEL_MAX) return;
    char buf[CD_STAMP_MAX + 1];
    long len = cd_x_text(dom, st, p, buf, CD_STAMP_MAX);
    if (len < 0) return;
    if ((cd_tag_flags(cd_dom_node(dom, p)->tag) & CD_TF_HEADING) ||
        !S_has_sentence_end(buf, (size_t)len))
        st[p].kind = CD_KIND_LABEL;
}

static int S_has_textarea(const cd_dom *dom, cd_nid id)
{
    for (cd_nid t = cd_dom_next(dom, id, id); t; t = cd_dom_next(dom, t, id))
        if (cd_dom_node(dom, t)->type == CD_NODE_ELEMENT &&
            cd_dom_node(dom, t)->tag == CD_TAG_TEXTAREA)
            return 1;
    return 0;
}

/* A form with a text area is the comment form, unless it wraps the page:
 * ASP.NET pages put everything inside one <form id="aspnetForm">, the
 * story and its comment box with it. Such a form holds more than
 * CD_CFORM_SHARE of the page's text, or two paragraphs of prose
 * (CD_CFORM_PROSE characters of their own, few links). */
#define CD_CFORM_SHARE 0.4f
#define CD_CFORM_PROSE 150
static int S_comment_form(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    if (!S_has_textarea(dom, id)) return 0;
    uint32_t total = dom->body ? st[dom->body].chars : 0;
    if (total && (float)st[id].chars > (float)total * CD_CFORM_SHARE) return 0;
    uint32_t prose = 0;
    for (cd_nid t = cd_dom_next(dom, id, id); t;) {
        const cd_node *n = cd_dom_node(dom, t);
        if (n->type != CD_NODE_ELEMENT || st[t].dead) {
            t = n->type == CD_NODE_ELEMENT ? cd_dom_next_skip(dom, t, id) : cd_dom_next(dom, t, id);
            continue;
        }
        if (st[t].flow >= CD_CFORM_PROSE && cd_xstat_ld(&st[t]) < 0.2f && ++prose >= 2) return 0;
        t = cd_dom_next(dom, t, id);
    }
    return 1;
}

/* A comment prompt: a short block that invites readers to comment, or says
 * they no longer may ("Have your say on this story", "Discuss this story on
 * our message board", "Comments are closed"): one of comment-prompts.txt
 * starting within its first CD_PROMPT_AT words. Quoted speech is none (a
 * story's quote may ask people to have their say). */
/* The prompts' lengths and first bytes (the first S_PROMPTS_KNOWN of the
 * list; the rest measured on each use), worked out once. */
#define S_PROMPTS_KNOWN 256
static size_t S_prompt_len[S_PROMPTS_KNOWN];
static unsigned char S_prompt_first[S_PROMPTS_KNOWN];
static pthread_once_t S_prompts_once = PTHREAD_ONCE_INIT;

/* Bit p of S_prompts_by_first[b] when prompt p starts with byte b (used
 * when the list has at most 64 prompts: S_prompts_by_first_ok). */
static uint64_t S_prompts_by_first[256];
static int S_prompts_by_first_ok;
static size_t S_prompt_max; /* the longest prompt's length (all of the list) */

static void S_prompts_index(void)
{
    int p = 0;
    for (; p < S_PROMPTS_KNOWN && cd_list_comment_prompts[p]; p++) {
        S_prompt_len[p] = strlen(cd_list_comment_prompts[p]);
        S_prompt_first[p] = (unsigned char)cd_list_comment_prompts[p][0];
        if (p < 64)
            S_prompts_by_first[S_prompt_first[p]] |= 1ull << p;
    }
    S_prompts_by_first_ok = p <= 64 && !cd_list_comment_prompts[p];
    for (size_t q = 0; cd_list_comment_prompts[q]; q++) {
        size_t l = strlen(cd_list_comment_prompts[q]);
        if (l > S_prompt_max)
            S_prompt_max = l;
    }
}

#define CD_PROMPT_CHARS 300 /* visible characters of a prompt */
#define CD_PROMPT_AT 6      /* words before the invitation */

/* Does a prompt start at one of the nw words at[] of norm[0..k)? */
static int S_prompt_at(const char *norm, size_t k, const size_t *at, size_t nw)
{
    if (S_prompts_by_first_ok) {
        /* Only the prompts that start with the word's first byte. */
        for (size_t j = 0; j < nw; j++)
            for (uint64_t m = S_prompts_by_first[(unsigned char)norm[at[j]]]; m; m &= m - 1) {
                int p = __builtin_ctzll(m);
                size_t pl = S_prompt_len[p];
                if (at[j] + pl <= k && memcmp(norm + at[j], cd_list_comment_prompts[p], pl) == 0 &&
                    (at[j] + pl == k || norm[at[j] + pl] == ' '))
                    return 1;
            }
        return 0;
    }
    for (size_t j = 0; j < nw; j++)
        for (int p = 0; cd_list_comment_prompts[p]; p++) {
            const char *ph = cd_list_comment_prompts[p];
            if (p < S_PROMPTS_KNOWN && S_prompt_first[p] != (unsigned char)norm[at[j]])
                continue; /* its first byte differs */
            size_t pl = p < S_PROMPTS_KNOWN ? S_prompt_len[p] : strlen(ph);
            if (at[j] + pl <= k && memcmp(norm + at[j], ph, pl) == 0 &&
                (at[j] + pl == k || norm[at[j] + pl] == ' '))
                return 1;
        }
    return 0;
}

static int S_prompt(const char *s, size_t n)
{
    char norm[CD_PROMPT_CHARS * 2 + 2];
    size_t at[CD_PROMPT_AT], nw = 0, k = 0;
    size_t i = 0;
    while (i < n && s[i] == ' ')
        i++;
    /* Speech: it opens with a quote mark ('"', or U+201C / U+2018). */
    if (i < n && (s[i] == '"' || s[i] == '\'' ||
                  (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x98))))
        return 0;
    pthread_once(&S_prompts_once, S_prompts_index);
    /* Lower-cased words (ASCII letters and digits, other bytes kept), one
     * space apart: first as far as a prompt at one of the first
     * CD_PROMPT_AT words can reach (past the longest prompt after the last
     * of them, so that every test below reads as on the whole text), the
     * rest only when one is there. */
    size_t stop = (size_t)-1; /* at[CD_PROMPT_AT - 1] + S_prompt_max once known */
    for (int whole = 0;; whole = 1) {
        for (; i < n && k + 2 < sizeof norm; i++) {
            if (k > stop)
                break;
            unsigned char c = (unsigned char)s[i];
            /* A letter or digit lower-cased, a byte above 0x7F as it is, or 0. */
            unsigned char w = c >= 0x80 ? c : cd_alnum_lower[c];
            if (w) {
                if (k == 0 || norm[k - 1] == ' ') {
                    if (nw < CD_PROMPT_AT) at[nw] = k;
                    nw++;
                    if (!whole && nw == CD_PROMPT_AT)
                        stop = at[CD_PROMPT_AT - 1] + S_prompt_max;
                }
                norm[k++] = (char)w;
            } else if (k && norm[k - 1] != ' ') {
                norm[k++] = ' ';
            }
        }
        norm[k] = '\0';
        if (whole)
            break;
        if (!S_prompt_at(norm, k, at, nw < CD_PROMPT_AT ? nw : CD_PROMPT_AT))
            return 0;
        stop = (size_t)-1;
    }
    /* A reporter's line ("… said", "says"): speech too. */
    size_t wat = 0;
    const char *w;
    size_t wl;
    while ((wl = cd_next_word(norm, k, &wat, &w)) > 0)
        if (cd_eq_nocase(w, wl, "said") || cd_eq_nocase(w, wl, "says")) return 0;
    return 1;
}

/* schema.org's Comment and UserComments items, itemprop="comment". */
static int S_comment_item(const cd_dom *dom, cd_nid id)
{
    size_t l = 0;
    const char *v = cd_dom_attr(dom, id, "itemtype", &l);
    if (v) {
        size_t e = l;
        while (e && cd_isspace((unsigned char)v[e - 1]))
            e--;
        size_t b = e;
        while (b && v[b - 1] != '/')
            b--;
        if (cd_eq_nocase(v + b, e - b, "Comment") || cd_eq_nocase(v + b, e - b, "UserComments"))
            return 1;
    }
    v = cd_dom_attr(dom, id, "itemprop", &l);
    return v && (cd_eq_nocase(v, l, "comment") || cd_eq_nocase(v, l, "comments"));
}

/* Does element id stand as a line: a block, or an inline element between
 * breaks, rules or blocks (no text of its line beside it)? */
static int S_line(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    if (cd_x_is_block(cd_dom_node(dom, id)->tag)) return 1;
    for (int dir = 0; dir < 2; dir++) {
        cd_nid c = dir ? cd_dom_node(dom, id)->next : cd_dom_node(dom, id)->prev;
        for (; c; c = dir ? cd_dom_node(dom, c)->next : cd_dom_node(dom, c)->prev) {
            const cd_node *n = cd_dom_node(dom, c);
            if (n->type != CD_NODE_TEXT && n->type != CD_NODE_ELEMENT) continue;
            if (n->type == CD_NODE_ELEMENT &&
                (n->tag == CD_TAG_BR || n->tag == CD_TAG_HR || cd_x_is_block(n->tag)))
                break;
            if (!st[c].dead && st[c].chars) return 0;
        }
    }
    return 1;
}

/* Is the whole line one of comment-labels.txt ("Post a comment", "Have
 * your say (3)")? Those, after a story, start its readers' part
 * (drops.c's cd_x_comment_cut takes them and what follows): no prompt. */
static int S_whole_label(const char *s, size_t n)
{
    while (n && (cd_isdigit((unsigned char)s[n - 1]) || cd_isspace((unsigned char)s[n - 1]) ||
                 s[n - 1] == ')' || s[n - 1] == '(' || s[n - 1] == ':' || s[n - 1] == '.' ||
                 s[n - 1] == ']' || s[n - 1] == '['))
        n--;
    while (n && (cd_isdigit((unsigned char)s[0]) || cd_isspace((unsigned char)s[0]) || s[0] == '(' ||
                 s[0] == '['))
        s++, n--;
    return n && cd_wordset_has(&cd_list_comment_labels, s, n);
}

/* Is element id a comment prompt standing as a line of its own? */
static int S_prompt_line(const cd_dom *dom, const cd_xstat *st, cd_nid id, char *buf)
{
    const cd_node *n = cd_dom_node(dom, id);
    if (st[id].chars < 8 || st[id].chars > CD_PROMPT_CHARS || st[n->parent].chars <= st[id].chars ||
        n->tag == CD_TAG_A || st[id].mark || !S_line(dom, st, id))
        return 0;
    /* A line, not a box of lines: a heading over a thread ("Have your say"
     * above the comments) is the thread's label, found with it. */
    for (cd_nid t = cd_dom_next(dom, id, id); t; t = cd_dom_next(dom, t, id))
        if (cd_dom_node(dom, t)->type == CD_NODE_ELEMENT && !st[t].dead && st[t].chars &&
            cd_x_is_block(cd_dom_node(dom, t)->tag))
            return 0;
    long len = cd_x_text(dom, st, id, buf, CD_PROMPT_CHARS * 2);
    return len > 0 && !S_whole_label(buf, (size_t)len) && S_prompt(buf, (size_t)len);
}

/* The first signature under element id. */
static cd_nid S_first_stamp(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    for (cd_nid t = id; t; t = cd_dom_next(dom, t, id))
        if (st[t].stamp && !st[t].dead) return t;
    return CD_NONE;
}

static int S_same_look(const cd_dom *dom, cd_nid a, cd_nid b)
{
    if (cd_dom_node(dom, a)->tag != cd_dom_node(dom, b)->tag) return 0;
    size_t la = 0, lb = 0;
    const char *ca = cd_dom_attr(dom, a, "class", &la);
    const char *cb = cd_dom_attr(dom, b, "class", &lb);
    return la == lb && (!la || memcmp(ca, cb, la) == 0);
}

/* Do signed children a and b (their signatures sa, sb) look alike: the
 * signatures the same tag with the same class, in children of the same tag?
 * Without class words the children's tags still tell a post's item (a
 * <div> holding its "| DATE By NAME" line) from its comments' (<span>s
 * each holding a table). */
static int S_item_look(const cd_dom *dom, cd_nid a, cd_nid sa, cd_nid b, cd_nid sb)
{
    return cd_dom_node(dom, a)->tag == cd_dom_node(dom, b)->tag && S_same_look(dom, sa, sb);
}

/* Are the signatures of the run [first, last] made by one template: most
 * of them the same tag with the same class, in children of one tag? A
 * thread's are; a story's date line and the dates of the teasers beside it
 * are not. Returns the signed child of that template (CD_NONE when there is
 * none). */
static cd_nid S_template(const cd_dom *dom, const cd_xstat *st, cd_nid first, cd_nid last)
{
    enum { MAXS = 24 };
    cd_nid sig[MAXS], item[MAXS];
    uint32_t n = 0;
    for (cd_nid c = first; c && n < MAXS; c = cd_dom_node(dom, c)->next) {
        if (cd_dom_node(dom, c)->type == CD_NODE_ELEMENT && !st[c].dead && st[c].mark) {
            cd_nid s = S_first_stamp(dom, st, c);
            if (s) {
                item[n] = c;
                sig[n++] = s;
            }
        }
        if (c == last) break;
    }
    uint32_t best = 0;
    cd_nid which = CD_NONE;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t same = 0;
        for (uint32_t j = 0; j < n; j++)
            same += S_item_look(dom, item[i], sig[i], item[j], sig[j]);
        if (same > best) {
            best = same;
            which = item[i];
        }
    }
    return n && best * 3 >= n * 2 ? which : CD_NONE;
}

/* Does child c carry a signature made like template child tmpl's? */
static int S_siglike(const cd_dom *dom, const cd_xstat *st, cd_nid c, cd_nid tmpl)
{
    if (cd_dom_node(dom, c)->type != CD_NODE_ELEMENT || st[c].dead || !st[c].mark) return 0;
    cd_nid s = S_first_stamp(dom, st, c);
    return s && S_item_look(dom, c, s, tmpl, S_first_stamp(dom, st, tmpl));
}

/* The story's own item, signed like its comments. A blog's post ends on
 * "Posted by NAME at DATE TIME" and each comment on "Posted by: NAME on
 * DATE TIME"; once classes are gone the items and their signatures look
 * alike, the run starts at the post, and the story is read as part of the
 * thread (or the thread kept with the story). The post shows itself by
 * place and size: only label lines stand between it and the next signed
 * child (one or two short lines not ending as a sentence: "Comments",
 * "12 Responses", a heading), CD_THREAD_MIN signed children follow it one
 * after the other with nothing between them, and it is longer than each
 * of them. Asked only of items holding more than their signature (a
 * thread whose comments' text sits beside bare signatures has short
 * comments that read as labels). A thread whose first comment is
 * followed by a label and is its longest still loses that one comment to
 * the story. Returns where the run [first, last] starts. */
#define CD_POST_LABELS 2
static cd_nid S_past_post(const cd_dom *dom, const cd_xstat *st, cd_nid first, cd_nid last,
                          cd_nid tmpl)
{
    if (first == last) return first;
    cd_nid second = CD_NONE;
    uint32_t labels = 0;
    char buf[CD_STAMP_MAX + 1];
    for (cd_nid c = cd_dom_node(dom, first)->next; c; c = cd_dom_node(dom, c)->next) {
        const cd_node *cn = cd_dom_node(dom, c);
        if ((cn->type != CD_NODE_ELEMENT && cn->type != CD_NODE_TEXT) || st[c].dead || !st[c].chars)
            continue;
        if (S_siglike(dom, st, c, tmpl)) {
            second = c;
            break;
        }
        if (cn->type == CD_NODE_TEXT || st[c].mark || st[c].kind || st[c].chars > CD_LABEL_MAX ||
            ++labels > CD_POST_LABELS)
            return first;
        long len = cd_x_text(dom, st, c, buf, CD_STAMP_MAX);
        if (len <= 0 || (!(cd_tag_flags(cn->tag) & CD_TF_HEADING) &&
                         S_has_sentence_end(buf, (size_t)len)))
            return first;
    }
    if (!labels || !second) return first;
    uint32_t k = 0;
    cd_nid stop = cd_dom_node(dom, last)->next;
    for (cd_nid c = second; c != stop; c = cd_dom_node(dom, c)->next) {
        const cd_node *cn = cd_dom_node(dom, c);
        if ((cn->type != CD_NODE_ELEMENT && cn->type != CD_NODE_TEXT) || st[c].dead || !st[c].chars)
            continue;
        /* Items apart (a front page's stories, each under its headline)
         * are a list of posts, not one post and its comments. */
        if (!S_siglike(dom, st, c, tmpl) || st[c].chars >= st[first].chars) return first;
        k++;
    }
    return k >= CD_THREAD_MIN ? second : first;
}

/* Mark the run of signed children of p (a thread) and its label. */
static void S_thread(const cd_dom *dom, cd_xstat *st, cd_nid p)
{
    cd_nid first = CD_NONE, last = CD_NONE;
    uint32_t k = 0, bare = 0, linky = 0, gap = 0, maxgap = 0;
    for (cd_nid c = cd_dom_node(dom, p)->first; c; c = cd_dom_node(dom, c)->next) {
        const cd_node *cn = cd_dom_node(dom, c);
        if ((cn->type != CD_NODE_ELEMENT && cn->type != CD_NODE_TEXT) || st[c].dead || !st[c].chars)
            continue;
        /* Loose text between signatures: comments in one block, set apart by <br>. */
        if (cn->type == CD_NODE_TEXT || !st[c].mark) {
            gap++;
            continue;
        }
        if (!first)
            first = c;
        else if (gap > maxgap)
            maxgap = gap;
        gap = 0;
        last = c;
        k++;
        if (st[c].chars <= CD_STAMP_CHARS) bare++;
        if (st[c].link * 2 > st[c].chars) linky++;
        if (st[c].kind) return; /* a teaser list's items */
    }
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_STAMPS"))
        fprintf(stderr, "thread? #%u <%s> k=%u linky=%u bare=%u kind=%d\n", p,
                cd_tag_name(cd_dom_node(dom, p)->tag), k, linky, bare, st[p].kind);
#endif
    /* A list of two signed items with a reply nested in one: three
     * signatures (a list's items, not two blocks of a story). */
    uint16_t ptag = cd_dom_node(dom, p)->tag;
    int nested = k == CD_THREAD_MIN - 1 && st[p].mark >= CD_THREAD_MIN && (ptag == CD_TAG_OL || ptag == CD_TAG_UL);
    cd_nid tmpl = (k >= CD_THREAD_MIN || nested) && linky * 2 <= k ? S_template(dom, st, first, last) : CD_NONE;
    if (!tmpl) return;
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_STAMPS") && k < CD_THREAD_MIN)
        fprintf(stderr, "nested thread #%u\n", p);
#endif
    /* The run is the template's: a byline line above the story, signed
     * otherwise, does not start it. */
    while (first != last && !S_siglike(dom, st, first, tmpl))
        first = cd_dom_node(dom, first)->next;
    while (last != first && !S_siglike(dom, st, last, tmpl))
        last = cd_dom_node(dom, last)->prev;
    cd_nid from = first;
    if (bare * 2 <= k) first = S_past_post(dom, st, first, last, tmpl);
    int post = first != from;
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_STAMPS") && post) fprintf(stderr, "past post #%u: run from #%u\n", from, first);
#endif
    /* The widest gap between two signatures of the run. */
    maxgap = gap = 0;
    for (cd_nid c = first; c && c != last; c = cd_dom_node(dom, c)->next) {
        const cd_node *cn = cd_dom_node(dom, c);
        if ((cn->type != CD_NODE_ELEMENT && cn->type != CD_NODE_TEXT) || st[c].dead || !st[c].chars)
            continue;
        if (S_siglike(dom, st, c, tmpl)) {
            if (gap > maxgap) maxgap = gap;
            gap = 0;
        } else {
            gap++;
        }
    }
    if (gap > maxgap) maxgap = gap;
    /* Most signed children are only the signature: the comments' text is in
     * the siblings between them, and the first comment's text comes before
     * the first signature (up to as many blocks as the widest gap, back to a
     * heading or a rule). */
    if (bare * 2 > k) {
        uint32_t back = maxgap ? maxgap : 1;
        for (cd_nid c = cd_dom_node(dom, first)->prev; c && back; c = cd_dom_node(dom, c)->prev) {
            const cd_node *cn = cd_dom_node(dom, c);
            if ((cn->type != CD_NODE_ELEMENT && cn->type != CD_NODE_TEXT) || st[c].dead) continue;
            if ((cd_tag_flags(cn->tag) & CD_TF_HEADING) || cn->tag == CD_TAG_HR || st[c].kind)
                break;
            if (!st[c].chars) continue;
            first = c;
            back--;
        }
    }
    uint32_t run = 0;
    cd_nid stop = cd_dom_node(dom, last)->next;
    for (cd_nid c = first; c != stop; c = cd_dom_node(dom, c)->next)
        if (!st[c].dead) run += st[c].chars;
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_STAMPS"))
        fprintf(stderr, "thread #%u first=%u last=%u run=%u of %u\n", p, first, last, run,
                st[p].chars);
#endif
    /* Past a post, p holds the story: only the run is the thread. */
    if (!post && (uint64_t)run * 10 >= (uint64_t)st[p].chars * 9) {
        st[p].kind = CD_KIND_THREAD;
        S_label(dom, st, p);
        return;
    }
    for (cd_nid c = first; c != stop; c = cd_dom_node(dom, c)->next)
        if (cd_dom_node(dom, c)->type != CD_NODE_DOCUMENT && !st[c].dead && !st[c].kind &&
            st[c].chars)
            st[c].kind = CD_KIND_THREAD;
    S_label(dom, st, first);
}

/* Threads signed by name alone: each comment a block or two of text, then
 * a short line of its own style naming who wrote it, with no date ("Jane
 * Doe, Leeds, UK", "roverjoy"). A name line is CD_NAME_CHARS visible
 * characters at most, no digit, CD_NAME_WORDS words at most, not ending as a
 * sentence or a label does and not quoted. */
#define CD_NAME_CHARS 60
#define CD_NAME_WORDS 8
#define CD_NAME_TEXT 20 /* visible characters of a comment's text */
/* The name line's shape, read from the tree and the counts alone: the
 * tests S_name_line makes before it reads the text. */
static int S_name_shape(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    if (st[id].chars < 3 || st[id].chars > CD_NAME_CHARS || st[id].link * 2 > st[id].chars ||
        (cd_tag_flags(n->tag) & CD_TF_HEADING) || n->tag == CD_TAG_LI || n->tag == CD_TAG_TD)
        return 0;
    /* A line: a block, or an inline element that a break or a block ends
     * (not a word set in a sentence: "<code>master</code> branch"). */
    if (!cd_x_is_block(n->tag)) {
        cd_nid c = n->next;
        while (c && cd_dom_node(dom, c)->type != CD_NODE_ELEMENT && (cd_dom_node(dom, c)->type != CD_NODE_TEXT ||
                                                                     st[c].dead || !st[c].chars))
            c = cd_dom_node(dom, c)->next;
        if (c && (cd_dom_node(dom, c)->type == CD_NODE_TEXT ||
                  (cd_dom_node(dom, c)->tag != CD_TAG_BR && !cd_x_is_block(cd_dom_node(dom, c)->tag))))
            return 0;
    }
    return 1;
}

static int S_name_line(const cd_dom *dom, const cd_xstat *st, cd_nid id, char *buf)
{
    if (!S_name_shape(dom, st, id))
        return 0;
    long len = cd_x_text(dom, st, id, buf, CD_STAMP_MAX);
    if (len <= 0) return 0;
    size_t words = S_words(buf, (size_t)len);
    if (words > CD_NAME_WORDS) return 0;
    for (long i = 0; i < len; i++)
        if (cd_isdigit((unsigned char)buf[i]) || buf[i] == '"' || buf[i] == ':' || buf[i] == '|' ||
            buf[i] == '@' || buf[i] == '?' || buf[i] == '!')
            return 0;
    size_t e = (size_t)len;
    while (e && (buf[e - 1] == ' ' || buf[e - 1] == ','))
        e--;
    return e && buf[e - 1] != '.';
}

/* A comment that signs itself: a block whose text ends with a name line
 * set apart by a break ("I've watched every series … <br><strong>-
 * Daniella C., Stanmore</strong>"), CD_NAME_TEXT characters of text or more
 * before it. S_tail_at: the element that may be that line, by the tree and
 * the counts alone (CD_NONE when there is none); S_tail_name: the name line
 * (CD_NONE when there is none). */
static cd_nid S_tail_at(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    if (n->type != CD_NODE_ELEMENT || !cd_x_is_block(n->tag) || st[id].chars < CD_NAME_TEXT + 3 ||
        (cd_tag_flags(n->tag) & CD_TF_HEADING) || n->tag == CD_TAG_LI || n->tag == CD_TAG_TD)
        return CD_NONE;
    cd_nid e = n->last;
    while (e && (st[e].dead || !st[e].chars))
        e = cd_dom_node(dom, e)->prev;
    if (!e || cd_dom_node(dom, e)->type != CD_NODE_ELEMENT || st[e].dead || !st[e].chars ||
        cd_x_is_block(cd_dom_node(dom, e)->tag) || st[id].chars < st[e].chars + CD_NAME_TEXT)
        return CD_NONE;
    /* A break right before it (no text between). */
    cd_nid b = cd_dom_node(dom, e)->prev;
    while (b && (cd_dom_node(dom, b)->type != CD_NODE_ELEMENT || cd_dom_node(dom, b)->tag != CD_TAG_BR)) {
        if (!st[b].dead && st[b].chars) return CD_NONE;
        b = cd_dom_node(dom, b)->prev;
    }
    return b && S_name_shape(dom, st, e) ? e : CD_NONE;
}

static cd_nid S_tail_name(const cd_dom *dom, const cd_xstat *st, cd_nid id, char *buf)
{
    cd_nid e = S_tail_at(dom, st, id);
    if (!e || !S_name_line(dom, st, e, buf)) return CD_NONE;
    /* Set off as a signature: a dash before the name. */
    long len = cd_x_text(dom, st, e, buf, CD_STAMP_MAX);
    long i = 0;
    while (i < len && buf[i] == ' ')
        i++;
    if (i < len && buf[i] == '-') return e;
    if (cd_utf8_dash_at(buf, (size_t)len, (size_t)i))
        return e;
    return CD_NONE;
}

/* Does element id hold the comment form? */
static int S_holds_form(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    if (cd_dom_node(dom, id)->type != CD_NODE_ELEMENT) return 0;
    for (cd_nid t = id; t; t = cd_dom_next(dom, t, id))
        if (cd_dom_node(dom, t)->type == CD_NODE_ELEMENT && (st[t].kind & ~CD_KIND_UNDER) == CD_KIND_CFORM)
            return 1;
    return 0;
}

/* Mark the run of name-signed comments among the children of p, when there
 * is one: a name line made like the others after each comment's text
 * (blocks or loose spans of another make), CD_THREAD_MIN of them or two
 * before a comment form (cform), the run ending p's text and no long text of
 * the story after p. Returns whether it marked one. */
#define CD_NAME_AFTER 100 /* characters of story text that may not follow */
/* Is the comment form the next thing after element p: in the order of the
 * page, no text before it but short labels, within CD_FORM_NEXT nodes
 * (empty blocks and scripts between)? */
#define CD_FORM_NEXT 64
static int S_form_next(const cd_dom *dom, const cd_xstat *st, cd_nid p)
{
    uint32_t steps = 0;
    for (cd_nid c = cd_dom_next_skip(dom, p, CD_NONE); c && steps < CD_FORM_NEXT; steps++) {
        const cd_node *cn = cd_dom_node(dom, c);
        if (cn->type == CD_NODE_ELEMENT && !st[c].dead) {
            uint16_t kd = st[c].kind & ~CD_KIND_UNDER;
            if (kd == CD_KIND_CFORM) return 1;
            if (kd == CD_KIND_LABEL) {
                c = cd_dom_next_skip(dom, c, CD_NONE);
                continue;
            }
        } else if (cn->type == CD_NODE_TEXT && !st[c].dead && st[c].chars) {
            return 0;
        }
        c = cd_dom_next(dom, c, CD_NONE);
    }
    return 0;
}

static int S_name_thread(const cd_dom *dom, cd_xstat *st, cd_nid p, int cform, char *buf)
{
    enum { MAXI = 512 };
    cd_nid item[MAXI], nm[MAXI];
    uint8_t sig[MAXI];
    uint32_t ni = 0, marked = MAXI;
    /* First by the tree and the counts alone (most blocks hold no two lines
     * that could be names): the walk below reads the text of every line
     * that could. Its own refusals come first, as there. */
    uint32_t maybe = 0;
    for (cd_nid c = cd_dom_node(dom, p)->first; c; c = cd_dom_node(dom, c)->next) {
        const cd_node *cn = cd_dom_node(dom, c);
        if ((cn->type != CD_NODE_ELEMENT && cn->type != CD_NODE_TEXT) || st[c].dead || !st[c].chars)
            continue;
        if (ni++ == MAXI) return 0;
        uint16_t kd = st[c].kind & ~CD_KIND_UNDER;
        if (kd && kd != CD_KIND_THREAD && kd != CD_KIND_CFORM && kd != CD_KIND_LABEL) return 0;
        if (cn->type == CD_NODE_ELEMENT && (!kd || kd == CD_KIND_LABEL) &&
            (S_name_shape(dom, st, c) || S_tail_at(dom, st, c)))
            maybe++;
    }
    if (maybe < 2) return 0;
    ni = 0;
    for (cd_nid c = cd_dom_node(dom, p)->first; c; c = cd_dom_node(dom, c)->next) {
        const cd_node *cn = cd_dom_node(dom, c);
        if ((cn->type != CD_NODE_ELEMENT && cn->type != CD_NODE_TEXT) || st[c].dead || !st[c].chars)
            continue;
        if (ni == MAXI) return 0;
        /* A thread or form already marked may follow the run (the rest of
         * the comments nested in the block of the first ones; its label,
         * the last name line before it, is still one), no other. */
        uint16_t kd = st[c].kind & ~CD_KIND_UNDER;
        if (kd && kd != CD_KIND_THREAD && kd != CD_KIND_CFORM && kd != CD_KIND_LABEL) return 0;
        if (kd && kd != CD_KIND_LABEL && marked == MAXI) marked = ni;
        int unmarked = !kd || kd == CD_KIND_LABEL;
        item[ni] = c;
        nm[ni] = c;
        sig[ni] = cn->type == CD_NODE_ELEMENT && unmarked && S_name_line(dom, st, c, buf);
        if (!sig[ni] && unmarked && (nm[ni] = S_tail_name(dom, st, c, buf)) != CD_NONE) sig[ni] = 2;
        ni++;
    }
    /* The name lines: all made alike, never two in a row, each after text
     * of another make; or all at the end of their own comments, in blocks
     * of one tag. */
    uint32_t tmpl = 0, have = 0;
    uint32_t k = 0, first = ni, last = 0, maxt = 0, t = 0, tail = 0, alike = 0;
    for (uint32_t i = 0; i < ni; i++) {
        if (!sig[i]) {
            t++;
            continue;
        }
        if (!have) {
            have = 1;
            tmpl = i;
            tail = sig[i] == 2;
        }
        if (tail) {
            if (sig[i] != 2 || !S_same_look(dom, nm[i], nm[tmpl]) ||
                cd_dom_node(dom, item[i])->tag != cd_dom_node(dom, item[tmpl])->tag)
                return 0;
            if (first == ni) first = i;
            t = 0;
            last = i;
            k++;
            continue;
        }
        if (sig[i] != 1 || !S_same_look(dom, item[i], item[tmpl]) || !i || sig[i - 1] || !t) return 0;
        /* Text of the name lines' own make (no class tells them apart):
         * only as a strict alternation, one block of that make before
         * every name, the whole block so (below). */
        if (cd_dom_node(dom, item[i - 1])->type == CD_NODE_ELEMENT && S_same_look(dom, item[i - 1], item[tmpl]))
            alike++;
        if (st[item[i - 1]].chars < CD_NAME_TEXT) return 0;
        if (first == ni)
            first = i;
        else if (t > maxt)
            maxt = t;
        t = 0;
        last = i;
        k++;
    }
    if (k < 2 || (k < CD_THREAD_MIN && !cform)) return 0;
    /* Alike: the block is the alternation, text then name from its first
     * child to its last (a thread or form already marked may follow); a
     * how-to's sub-heads in paragraphs have text after the last. */
    if (alike && (alike < k || (k < CD_THREAD_MIN && !S_form_next(dom, st, p)) || maxt > 1 || first != 1 ||
                  (last + 1 < ni && last + 1 != marked)))
        return 0;
    if (marked < last) return 0;
    /* Nothing but short lines after the last name ("Read all comments"),
     * or the comment form. */
    for (uint32_t i = last + 1; i < ni; i++)
        if (i < marked && st[item[i]].chars > CD_NAME_CHARS && !S_holds_form(dom, st, item[i]))
            return 0;
    /* No story text after p in its parent: a reporter's vox pop ends no
     * story. */
    cd_nid up = cd_dom_node(dom, p)->parent;
    for (cd_nid c = cd_dom_next_skip(dom, p, up); c; c = cd_dom_next(dom, c, up)) {
        const cd_node *cn = cd_dom_node(dom, c);
        if (cn->type == CD_NODE_ELEMENT && (st[c].dead || st[c].kind)) {
            c = cd_dom_next_skip(dom, c, up);
            if (!c) break;
            cn = cd_dom_node(dom, c);
        }
        if (cn->type == CD_NODE_ELEMENT && !st[c].dead && !st[c].kind && st[c].flow >= CD_NAME_AFTER &&
            st[c].link * 5 < st[c].chars)
            return 0;
    }
    /* The first comment: as many blocks before its name as the longest. */
    uint32_t back = tail ? 0 : maxt ? maxt : 1;
    while (first > 0 && back && !sig[first - 1]) {
        first--;
        back--;
    }
    uint32_t run = 0;
    for (uint32_t i = first; i < ni; i++)
        run += st[item[i]].chars;
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_STAMPS"))
    {
        fprintf(stderr, "name thread #%u k=%u run=%u of %u\n", p, k, run, st[p].chars);
        for (uint32_t i = first; i < ni; i++)
            if (sig[i] && cd_x_text(dom, st, item[i], buf, CD_STAMP_MAX) > 0) fprintf(stderr, "   name %s\n", buf);
    }
#endif
    if ((uint64_t)run * 10 >= (uint64_t)st[p].chars * 9) {
        st[p].kind = CD_KIND_THREAD;
        S_label(dom, st, p);
        return 1;
    }
    for (uint32_t i = first; i < ni; i++)
        st[item[i]].kind = CD_KIND_THREAD;
    S_label(dom, st, item[first]);
    return 1;
}

void cd_comments_mark(const cd_dom *dom, cd_xstat *st)
{
    uint32_t count = dom->count;
    char buf[CD_PROMPT_CHARS * 2 + 1];
    for (uint32_t id = 0; id < count; id++)
        st[id].mark = 0;
    /* Signatures, counted bottom-up (nested ones once). */
    for (uint32_t id = count - 1; id >= 2; id--) {
        const cd_node *n = cd_dom_node(dom, id);
        cd_xstat *s = &st[id];
        if (n->type != CD_NODE_ELEMENT || s->dead) continue;
        s->stamp = 0;
        if (!s->mark && !s->kind && S_stamp(dom, st, id, buf)) {
            s->mark = 1;
            s->stamp = 1;
#ifdef CD_EXTRACT_DEBUG
            if (getenv("CD_STAMPS"))
                fprintf(stderr, "stamp #%u <%s> %s\n", id, cd_tag_name(n->tag), buf);
#endif
        }
        uint32_t up = (uint32_t)st[n->parent].mark + s->mark;
        st[n->parent].mark = (uint16_t)(up > 0xFFFF ? 0xFFFF : up);
    }
    /* Threads, forms and comment items, top-down: an outer thread first. */
    for (uint32_t id = 2; id < count; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        cd_xstat *s = &st[id];
        if (n->type != CD_NODE_ELEMENT || s->dead || s->kind) continue;
        if (cd_x_inherit_kind(dom, st, id)) continue;
        if (n->tag == CD_TAG_FORM && S_comment_form(dom, st, id)) {
            s->kind = CD_KIND_CFORM;
            S_label(dom, st, id);
        } else if (n->len && S_comment_item(dom, id)) {
            s->kind = CD_KIND_THREAD;
        } else if (S_prompt_line(dom, st, id, buf)) {
            s->kind = CD_KIND_CFORM;
#ifdef CD_EXTRACT_DEBUG
            if (getenv("CD_STAMPS"))
                fprintf(stderr, "prompt #%u <%s> %s\n", id, cd_tag_name(n->tag), buf);
#endif
        } else if (s->mark >= CD_THREAD_MIN) {
            S_thread(dom, st, id);
        }
    }
    /* Threads signed by name alone, after the others (a comment form
     * below makes two comments a thread). */
    int cform = 0;
    for (uint32_t id = 2; id < count && !cform; id++)
        cform = (st[id].kind & ~CD_KIND_UNDER) == CD_KIND_CFORM && !st[id].dead &&
                cd_dom_node(dom, id)->type == CD_NODE_ELEMENT;
    /* Twice when the first pass found one: a run of comments split over
     * two blocks ("the first three", then the rest) is found last block
     * first (the story-after test sees the later one marked). */
    for (int pass = 0; pass < 2; pass++) {
        int found = 0;
        for (uint32_t id = 2; id < count; id++) {
            const cd_node *n = cd_dom_node(dom, id);
            cd_xstat *s = &st[id];
            if (n->type != CD_NODE_ELEMENT || s->dead || s->kind) continue;
            if (cd_x_inherit_kind(dom, st, id)) continue;
            if (s->chars >= 2 * CD_NAME_TEXT && S_name_thread(dom, st, id, cform, buf)) found = 1;
        }
        if (!found) break;
    }
}

/* A post's signature without S_stamp's cue: a short line naming and dating
 * its writer ("ForgottenCreature, Mar 2, 2025"). Alone as often a book's
 * release; asked only of the items of a run (cd_comments_posts). */
static int S_post_sign(const cd_dom *dom, const cd_xstat *st, cd_nid id, char *buf)
{
    const cd_node *n = cd_dom_node(dom, id);
    if (n->type != CD_NODE_ELEMENT || st[id].dead || st[id].chars < 6 || st[id].chars > CD_STAMP_CHARS ||
        (cd_tag_flags(n->tag) & CD_TF_HEADING))
        return 0;
    if (st[id].stamp) return 1;
    long len = cd_x_text(dom, st, id, buf, CD_STAMP_MAX);
    return len > 0 && cd_article_date(buf, (size_t)len) && S_named(buf, (size_t)len);
}

/* Does child c of a run hold a long paragraph (flow >= para, few links)
 * and a signature line? */
static int S_post(const cd_dom *dom, const cd_xstat *st, cd_nid c, uint32_t para, char *buf)
{
    int prose = 0, sig = 0;
    for (cd_nid t = c; t && !(prose && sig);) {
        if (st[t].dead) {
            t = cd_dom_next_skip(dom, t, c);
            continue;
        }
        if (cd_dom_node(dom, t)->type == CD_NODE_ELEMENT) {
            if (!prose && st[t].flow >= para && cd_xstat_ld(&st[t]) < 0.2f) prose = 1;
            if (!sig && t != c && S_post_sign(dom, st, t, buf)) sig = 1;
        }
        t = cd_dom_next(dom, t, c);
    }
    return prose && sig;
}

#define CD_POSTS_DOWN 3
int cd_comments_posts(const cd_dom *dom, const cd_xstat *st, cd_nid a, uint32_t para)
{
    char buf[CD_STAMP_MAX + 1];
    /* a and its descendants CD_POSTS_DOWN levels down: breadth by depth. */
    cd_nid level[2][64];
    uint32_t n = 1;
    level[0][0] = a;
    for (int d = 0, cur = 0; d <= CD_POSTS_DOWN && n; d++, cur ^= 1) {
        uint32_t m = 0;
        for (uint32_t i = 0; i < n; i++) {
            cd_nid p = level[cur][i];
            cd_nid first = CD_NONE;
            uint32_t k = 0;
            for (cd_nid c = cd_dom_node(dom, p)->first; c; c = cd_dom_node(dom, c)->next) {
                const cd_node *cn = cd_dom_node(dom, c);
                if (cn->type != CD_NODE_ELEMENT || st[c].dead || !st[c].chars) continue;
                if (m < 64) level[cur ^ 1][m++] = c;
                if (!S_post(dom, st, c, para, buf)) continue;
                /* Items of one shape: the first post's tag. */
                if (!first)
                    first = c;
                else if (cn->tag != cd_dom_node(dom, first)->tag)
                    continue;
                k++;
            }
            if (k >= CD_THREAD_MIN) return 1;
        }
        n = m;
    }
    return 0;
}
