/* meta/visible: what a reader sees: the <h1>, the byline, the date line.
 *
 * Fed by the walk in meta.c (never inside comments, related stories, sidebars,
 * footers). Bylines come from elements whose class or id says byline / author
 * / writer (as Readability's _isValidByline and newspaper's author selectors
 * do) and from short text that opens with "By", "Von", "Par", "Por" … . Dates
 * come from short text after the first <h1>, where the date line sits on
 * nearly every news and blog page; they are confirmed by the date parser
 * before they become candidates. */
#include <string.h>

#include "../util/ctype.h"
#include "meta_int.h"

#define S_MAX_BYLINES 8u
#define S_MAX_DATES 6u
#define S_DATE_WINDOW 120u /* text nodes after the first h1 searched for a date */
#define S_BYLINE_MAX 160u  /* bytes: longer text is prose, not a byline */

static const char *const S_byline_words[] = {"byline", "by-line", "by_line", "dateline-author", NULL};
static const char *const S_author_words[] = {"author", "writer", "byl", "reporter", "contributor",
                                             "posted-by", "postedby", NULL};
static const char *const S_date_words[] = {"date", "pubdate", "published", "post-date", "time", NULL};
/* Author boxes at the end and avatars say more than a name. */
static const char *const S_author_bad[] = {"bio", "avatar", "image", "img", "photo", "about",
                                           "description", "desc", "box", "social", "follow",
                                           "more", "other", "comment", "title", NULL};

static int S_byline_prefix(const char *s, size_t n)
{
    static const char *const pre[] = {"by ", "by:", "von ", "par ", "por ", "door ", "di ", "av ",
                                      "written by", "posted by", "text:", "texto:", "texte:", NULL};
    for (size_t i = 0; pre[i]; i++) {
        size_t l = strlen(pre[i]);
        if (n >= l && cd_eq_nocase(s, l, pre[i]))
            return 1;
    }
    return 0;
}

/* Bylines sit right under the headline: those elsewhere rank after. */
static int S_far(const cd_meta_vis *v)
{
    return v->nh1 && v->after_h1 < S_DATE_WINDOW ? 0 : 4;
}

/* Is s only a lead-in label ("By", "Written by:", "Author")? */
static int S_label(const char *s, size_t n)
{
    static const char *const labels[] = {"by", "by:", "written by", "written by:", "posted by",
                                         "author", "author:", "authors", "authors:", "von", "par",
                                         "por", "door", "autor", "autor:", "auteur", "auteur:",
                                         "posted by:", NULL};
    for (size_t i = 0; labels[i]; i++)
        if (cd_meta_eq_nocase(s, n, labels[i], strlen(labels[i])))
            return 1;
    return 0;
}

void cd_meta_visible_element(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id, unsigned flags)
{
    const cd_dom *dom = c->dom;
    const cd_node *n = cd_dom_node(dom, id);
    if (n->tag == CD_TAG_H1) {
        if (v->nh1 < 4) {
            size_t len;
            char *t = cd_meta_node_text(c, id, 1024, &len);
            /* Documentation generators append a permalink mark to headings
             * ("Logging HOWTO¶", "Install #"): not part of the headline. */
            for (int again = 1; t && again;) {
                again = 0;
                while (len && t[len - 1] == ' ')
                    len--;
                if (len >= 2 && t[len - 1] == '#' && t[len - 2] == ' ')
                    len--, again = 1; /* "Install #", never "Learn C#" */
                if (len >= 2 && (unsigned char)t[len - 2] == 0xC2 &&
                    ((unsigned char)t[len - 1] == 0xB6 || (unsigned char)t[len - 1] == 0xA7))
                    len -= 2, again = 1;
                /* … or an icon-font glyph (private use area, U+E000-U+F8FF). */
                if (len >= 3 &&
                    ((unsigned char)t[len - 3] == 0xEE ||
                     ((unsigned char)t[len - 3] == 0xEF && (unsigned char)t[len - 2] <= 0xA3)))
                    len -= 3, again = 1;
            }
            if (t && len) {
                cd_meta_cand *k = cd_meta_add(c, CD_MF_TITLE, CD_MS_VISIBLE, (int)v->nh1, id, t, len);
                if (k)
                    k->flags |= (uint8_t)(flags & CD_MC_INARTICLE);
                v->h1[v->nh1] = id;
                if (!v->nh1)
                    v->h1_end = cd_dom_next_skip(dom, id, cd_dom_root(dom));
            }
        }
        v->nh1++;
        return;
    }
    if (v->bylines >= S_MAX_BYLINES || n->tag == CD_TAG_BODY || n->tag == CD_TAG_ARTICLE ||
        n->tag == CD_TAG_MAIN || (cd_tag_flags(n->tag) & CD_TF_HEADING) || n->tag == CD_TAG_IMG)
        return;
    if (v->dates < S_MAX_DATES && cd_meta_class_has(c, id, S_date_words)) {
        /* An element named a date ("post-date", "article__date",
         * "published-on") anywhere in the article: ranked after the date line
         * under the h1, used when that is missing (the date sits in a side
         * column or above the headline). */
        size_t len;
        char *t = cd_meta_node_text(c, id, 81, &len);
        char out[CD_META_DATE_LEN];
        if (t && len >= 6 && len <= 80 &&
            (cd_meta_date_norm(t, len, 0, 1, out) || cd_meta_date_norm(t, len, 0, -1, out)) &&
            cd_meta_add(c, CD_MF_DATE, CD_MS_VISIBLE, 2, id, t, len))
            v->dates++;
    }
    int rank;
    if (cd_meta_class_has(c, id, S_byline_words))
        rank = 0;
    else if (cd_meta_class_has(c, id, S_author_words) && !cd_meta_class_has(c, id, S_author_bad))
        rank = 2;
    else
        return;
    rank += S_far(v);
    size_t len;
    char *t = cd_meta_node_text(c, id, S_BYLINE_MAX + 1, &len);
    if (!t || len > S_BYLINE_MAX)
        return;
    if (cd_meta_add(c, CD_MF_AUTHOR, CD_MS_VISIBLE, rank, id, t, len))
        v->bylines++;
}

void cd_meta_visible_text(cd_meta_ctx *c, cd_meta_vis *v, cd_nid id, unsigned flags)
{
    const cd_dom *dom = c->dom;
    const cd_node *n = cd_dom_node(dom, id);
    (void)flags;
    if (v->nh1 && v->after_h1 < S_DATE_WINDOW)
        v->after_h1++;
    const char *s = n->u.text;
    size_t len = n->len;
    while (len && cd_isspace((unsigned char)*s))
        s++, len--;
    while (len && cd_isspace((unsigned char)s[len - 1]))
        len--;
    if (!len || len > S_BYLINE_MAX)
        return;
    if (v->bylines < S_MAX_BYLINES && S_label(s, len)) {
        /* A label alone: the name is in the next element, inside the parent
         * ("By <a>Jane</a>") or in the parent's next sibling
         * ("<p>Written by</p><p>Jane</p>"). */
        size_t tl = 0;
        cd_nid p = n->parent;
        char *t = cd_meta_node_text(c, p, S_BYLINE_MAX + 1, &tl);
        if (t && S_label(t, tl) && cd_dom_node(dom, p)->next)
            t = cd_meta_node_text(c, cd_dom_node(dom, p)->next, S_BYLINE_MAX + 1, &tl);
        if (t && tl <= S_BYLINE_MAX && cd_meta_add(c, CD_MF_AUTHOR, CD_MS_VISIBLE, 1 + S_far(v), id, t, tl))
            v->bylines++;
    } else if (v->bylines < S_MAX_BYLINES && S_byline_prefix(s, len) && len < 60 && len > 4 &&
               !(s[3] >= 'a' && s[3] <= 'z')) {
        if (cd_meta_add(c, CD_MF_AUTHOR, CD_MS_VISIBLE, 1 + S_far(v), id, s, len))
            v->bylines++;
    }
    if (v->dates >= S_MAX_DATES || len > 80 || len < 6)
        return;
    int rank;
    if (v->nh1 && v->after_h1 < S_DATE_WINDOW)
        rank = 0;
    else if (!v->nh1 && v->dates < 2)
        rank = 1;
    else
        return;
    char out[CD_META_DATE_LEN];
    /* dayfirst unknown here: only unambiguous numeric dates qualify now; the
     * candidate is normalised again with the page's language when chosen. */
    if (cd_meta_date_norm(s, len, 0, 1, out) || cd_meta_date_norm(s, len, 0, -1, out)) {
        if (cd_meta_add(c, CD_MF_DATE, CD_MS_VISIBLE, rank, id, s, len))
            v->dates++;
    }
}
