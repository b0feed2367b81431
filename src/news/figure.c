/* news/figure: the lead figure, its caption and photo credit, and the photo
 * credits of every figure of the body.
 *
 * The lead is the figure between the headline and the body, else the first
 * of the body, else the one just above the headline, unless another figure
 * shows the og:image (renditions share a digit run or a stem in the file
 * name). Its caption, credit and picture become fields; a photo credit
 * never stays in the text. Why: docs/decisions.md, "The news parts". */
#include <string.h>

#include "../meta/dates.h"
#include "../util/buf.h"
#include "../util/ctype.h"
#include "../util/url.h"
#include "../util/utf8.h"
#include "news_int.h"
#include "parts_text.h"
#include "wordlists.h"

static int S_is_img(const cd_dom *dom, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    if (n->type != CD_NODE_ELEMENT) return 0;
    if (n->tag == CD_TAG_IMG) return 1;
    return n->tag == CD_TAG_UNKNOWN && n->name && strcmp(n->name, "amp-img") == 0;
}

/* Does attribute name of id hold any of the words (ASCII, case-insensitive)? */
static int S_attr_says(const cd_dom *dom, cd_nid id, const char *name, const char *const *words)
{
    size_t l = 0;
    const char *v = cd_dom_attr(dom, id, name, &l);
    if (!v || l > 4096) return 0;
    for (size_t i = 0; words[i]; i++)
        if (cd_contains_nocase(v, l, words[i])) return 1;
    return 0;
}

static int S_small_attr(const cd_dom *dom, cd_nid id, const char *name)
{
    size_t l = 0;
    const char *v = cd_dom_attr(dom, id, name, &l);
    if (!v || !l || !cd_isdigit((unsigned char)v[0])) return 0;
    unsigned x = 0;
    for (size_t i = 0; i < l && i < 6 && cd_isdigit((unsigned char)v[i]); i++)
        x = x * 10 + (unsigned)(v[i] - '0');
    return x < 100;
}

/* Does a word of id's class or id glue a picture's name to tail ("caption",
 * "credit") in one lower-case word: <h4 id=storyphotocaption>, <h6
 * id=storyphotocredit> (L3S 7028acaa and seven more pages of one 2008
 * template), "imgcredit"? The class index splits words at case changes and
 * dashes only, and matches a list's word at a word's start; a word that ends
 * with the tail after "photo", "image", "img", "picture" or "pic" names the
 * same thing ("videocaption", "ratecaption", "lblcaption" do not). */
static int S_glued_word(const cd_dom *dom, cd_nid id, const char *tail)
{
    static const char *const stems[] = {"photos", "photo", "image", "img", "picture", "pic", NULL};
    const cd_node *n = cd_dom_node(dom, id);
    if (n->type != CD_NODE_ELEMENT) return 0;
    size_t tl = strlen(tail);
    unsigned char last = (unsigned char)tail[tl - 1];
    for (uint32_t a = 0; a < n->len; a++) {
        const char *nm = n->u.attr[a].name;
        size_t nl = n->u.attr[a].name_len;
        if (!((nl == 2 && memcmp(nm, "id", 2) == 0) || (nl == 5 && memcmp(nm, "class", 5) == 0))) continue;
        const char *v = n->u.attr[a].value;
        size_t l = n->u.attr[a].value_len;
        if (l < tl + 3 || l > 512) continue;
        /* The end of each space-separated token only: a glued word closes
         * its token ("storyphotocaption", "hp_mod_photocredit"); one
         * joined by a dash or a case change is the class index's. */
        for (size_t at = 0; at < l;) {
            const char *sp = memchr(v + at, ' ', l - at);
            size_t e = sp ? (size_t)(sp - v) : l;
            if (e - at >= tl + 3 && (unsigned char)(v[e - 1] | 0x20) == last && cd_eq_nocase(v + e - tl, tl, tail)) {
                size_t s0 = e - tl;
                for (size_t k = 0; stems[k]; k++) {
                    size_t kl = strlen(stems[k]);
                    if (s0 - at >= kl && cd_eq_nocase(v + s0 - kl, kl, stems[k])) return 1;
                }
            }
            at = e + 1;
        }
    }
    return 0;
}

/* S_glued_word for "caption" (credit 0) or "credit" (credit 1), worked
 * out once per class key: elements with the same class and id share it. */
static int S_glued_slow(cd_news_ctx *p, cd_nid id, int credit)
{
    const cd_dom *dom = p->dom;
    const char *tail = credit ? "credit" : "caption";
    uint32_t key = cd_dom_class_key(dom, id);
    if (!dom->classes_indexed || !p->glued) {
        if (!dom->classes_indexed) return S_glued_word(dom, id, tail);
        p->glued = cd_arena_alloc(p->arena, (size_t)dom->nclasses + 1);
        if (!p->glued) return S_glued_word(dom, id, tail);
        memset(p->glued, 0, (size_t)dom->nclasses + 1);
    }
    uint8_t done = credit ? 4 : 1, yes = credit ? 8 : 2;
    if (!(p->glued[key] & done))
        p->glued[key] |= (uint8_t)(done | (S_glued_word(dom, id, tail) ? yes : 0));
    return (p->glued[key] & yes) != 0;
}

/* The common answers inline: no class or id (key 0), or one worked out. */
static inline int S_glued(cd_news_ctx *p, cd_nid id, int credit)
{
    const cd_dom *dom = p->dom;
    if (dom->classes_indexed) {
        uint32_t key = cd_dom_class_key(dom, id);
        if (!key) return 0;
        uint8_t done = credit ? 4 : 1, yes = credit ? 8 : 2;
        if (p->glued && (p->glued[key] & done)) return (p->glued[key] & yes) != 0;
    }
    return S_glued_slow(p, id, credit);
}

/* A picture, not an avatar, a logo, an icon or a tracking pixel, nor an
 * image map (usemap: a menu drawn as a picture, L3S 3f642f89), nor the
 * picture of a box classed so (<span class=messageicon><img src=…/xx.png>,
 * wcxb-dev 0556). */
static int S_photo_file(const char *v, size_t l);

/* Is img a smaller rendition of a picture it links to (<a
 * href=…/sc4_pub_logo_title_b.jpg><img src=…/sc4_pub_logo_title_b-thumb.jpg
 * width=200></a> opening a post, L3S xboxer-soul-calibur-star-wars, round
 * 17)? A link (the picture's parent or grandparent) to a photo's file whose
 * name without its type and the src's share their first S_RENDITION_MIN
 * bytes or more, one name the other's start (a size suffix: "-thumb",
 * "_small"). The file's own words ("logo" in a game's logo art) then do not
 * make it the site's logo: a site's logo links to its front page; its
 * folders' words still count. */
#define S_RENDITION_MIN 8u
static int S_links_larger_self(const cd_dom *dom, cd_nid img)
{
    size_t sl = 0;
    const char *src = cd_dom_attr(dom, img, "src", &sl);
    if (!src || !sl || sl > 4096) return 0;
    size_t sq, sf = cd_url_last_segment(src, sl, &sq);
    /* A folder the site files it in says what it is (".../author/NAME-425.jpg"
     * linked to ".../author/NAME.jpg", the writer's photo on a colophon page,
     * Readability daringfireball-1). */
    for (size_t i = 0; cd_list_img_junk_words[i]; i++)
        if (cd_contains_nocase(src, sf, cd_list_img_junk_words[i])) return 0;
    cd_nid a = cd_dom_node(dom, img)->parent;
    for (unsigned d = 0; a && d < 2; d++, a = cd_dom_node(dom, a)->parent) {
        if (!cd_dom_is(dom, a, CD_TAG_A)) continue;
        size_t hl = 0;
        const char *h = cd_dom_attr(dom, a, "href", &hl);
        if (!h || !hl || hl > 4096 || !S_photo_file(h, hl)) return 0;
        size_t hq, hf = cd_url_last_segment(h, hl, &hq);
        const char *hd = memchr(h + hf, '.', hq - hf), *sd = memchr(src + sf, '.', sq - sf);
        size_t hn = hd ? (size_t)(hd - h) - hf : hq - hf, sn = sd ? (size_t)(sd - src) - sf : sq - sf;
        size_t m = hn < sn ? hn : sn;
        return m >= S_RENDITION_MIN && memcmp(h + hf, src + sf, m) == 0;
    }
    return 0;
}

int cd_news_pred_img(cd_news_ctx *p, cd_nid id)
{
    const cd_dom *dom = p->dom;
    if (!S_is_img(dom, id)) return 0;
    if (S_small_attr(dom, id, "width") || S_small_attr(dom, id, "height") ||
        (S_attr_says(dom, id, "src", cd_list_img_junk_words) && !S_links_larger_self(dom, id)) ||
        S_attr_says(dom, id, "class", cd_list_img_junk_words) ||
        S_attr_says(dom, id, "data-src", cd_list_img_junk_words))
        return 0;
    const cd_node *n = cd_dom_node(dom, id);
    for (uint32_t i = 0; i < n->len; i++)
        if (n->u.attr[i].name_len == 6 && memcmp(n->u.attr[i].name, "usemap", 6) == 0) return 0;
    /* The parent's class (the class index says when it has none). */
    cd_nid up = n->parent;
    if (!up || cd_dom_node(dom, up)->type != CD_NODE_ELEMENT || (dom->classes_indexed && !cd_dom_class_key(dom, up)))
        return 1;
    return !S_attr_says(dom, up, "class", cd_list_img_junk_words);
}

static int S_pred_figcaption(cd_news_ctx *p, cd_nid id)
{
    return cd_dom_is(p->dom, id, CD_TAG_FIGCAPTION);
}

/* A video player: the caption of a figure that holds one and no picture
 * describes the video, not the og:image (its poster at most). */
static int S_pred_player(cd_news_ctx *p, cd_nid id)
{
    const cd_node *n = cd_dom_node(p->dom, id);
    return n->tag == CD_TAG_IFRAME || n->tag == CD_TAG_VIDEO || n->tag == CD_TAG_AUDIO ||
           n->tag == CD_TAG_EMBED || n->tag == CD_TAG_OBJECT;
}

/* A class saying the block has no caption ("no_caption", "nocaption"). */
static int S_no_caption(const cd_dom *dom, cd_nid id)
{
    return S_attr_says(dom, id, "class", cd_list_class_no_caption);
}

/* A link (<a href>): a control such as "E-mail This Story" styled with a
 * caption class, never a picture's caption (which may hold links, but is
 * not one). */
static int S_is_link(const cd_dom *dom, cd_nid id)
{
    return cd_dom_is(dom, id, CD_TAG_A) && cd_dom_attr(dom, id, "href", NULL) != NULL;
}

static int S_pred_link(cd_news_ctx *p, cd_nid id)
{
    return S_is_link(p->dom, id);
}

/* A byline's element ("<div class=byline>By NAME …"). */
static int S_pred_byline(cd_news_ctx *p, cd_nid id)
{
    return (cd_news_has(p, id, cd_list_class_byline) || cd_news_has(p, id, cd_list_class_byline_box)) &&
           !cd_news_has(p, id, cd_list_class_photo_byline);
}

static int S_pred_caption(cd_news_ctx *p, cd_nid id)
{
    return (cd_news_has(p, id, cd_list_class_caption) || S_glued(p, id, 0)) &&
           !cd_news_has(p, id, cd_list_class_photo_credit) && !S_glued(p, id, 1) &&
           !S_no_caption(p->dom, id) && !S_is_link(p->dom, id);
}

/* A link to a place on the same page (href="#…"). */
static int S_pred_anchor_link(cd_news_ctx *p, cd_nid id)
{
    size_t l = 0;
    const char *h = cd_dom_is(p->dom, id, CD_TAG_A) ? cd_dom_attr(p->dom, id, "href", &l) : NULL;
    return h && l && h[0] == '#';
}

static int S_pred_para(cd_news_ctx *p, cd_nid id)
{
    return cd_dom_is(p->dom, id, CD_TAG_P);
}

static int S_pred_quote(cd_news_ctx *p, cd_nid id)
{
    return cd_dom_is(p->dom, id, CD_TAG_BLOCKQUOTE);
}

/* A component name a page's markup gives an element besides its class
 * (data-theme-key="photo-credit-figcaption-lead-image" on a figcaption that
 * holds only the photographer's name, runnersworld-best-shoes; data-testid=
 * "image-credits_testID"): names it a photo credit. */
static int S_data_credit(const cd_dom *dom, cd_nid id)
{
    static const char *const names[] = {"data-theme-key", "data-testid", NULL};
    static const char *const words[] = {"photo-credit", "image-credit", NULL};
    for (size_t i = 0; names[i]; i++)
        if (S_attr_says(dom, id, names[i], words)) return 1;
    return 0;
}

static int S_pred_credit(cd_news_ctx *p, cd_nid id)
{
    if (cd_news_has(p, id, cd_list_class_photo_credit) || cd_news_has(p, id, cd_list_class_photo_byline) ||
        S_glued(p, id, 1))
        return 1;
    if (S_data_credit(p->dom, id)) return 1;
    /* <cite> in a caption names the picture's source (<figcaption><cite>Adobe</cite>). */
    if (cd_dom_is(p->dom, id, CD_TAG_CITE)) {
        /* Not a quotation's source (<figure><blockquote>…<figcaption><cite>):
         * the caption's figure shows a picture and quotes nothing. */
        int cap = 0;
        /* It ends the caption ("Stream <cite>Silo</cite> on TV" names a work). */
        for (cd_nid nx = cd_dom_node(p->dom, id)->next; nx; nx = cd_dom_node(p->dom, nx)->next) {
            const cd_node *x = cd_dom_node(p->dom, nx);
            if (x->type == CD_NODE_ELEMENT || (x->type == CD_NODE_TEXT && !cd_news_space_text(x)))
                return 0;
        }
        /* Outside a caption element, only a credit's shape ("<figure><img>
         * <span class=e-image__meta><cite>Javier Zarracina/Vox</cite>",
         * vox-best-movies-2017): a short cite of a picture's figure may
         * name a work. */
        cd_news_text t;
        cd_news_gather(p, id, CD_NONE, 0, &t);
        size_t v;
        int shape = !t.more && t.n && t.n <= CD_PARTS_PHOTO_LINE &&
                    (cd_parts_photo_line(t.s, t.n, 0, &v) || cd_parts_slash_names(t.s, t.n) ||
                     cd_parts_credit_only(t.s, t.n));
        cd_nid a = cd_dom_node(p->dom, id)->parent;
        for (unsigned d = 0; a && d < 5; d++, a = cd_dom_node(p->dom, a)->parent) {
            cap |= cd_dom_is(p->dom, a, CD_TAG_FIGCAPTION) || cd_news_has(p, a, cd_list_class_caption);
            if ((cap || shape) && cd_dom_is(p->dom, a, CD_TAG_FIGURE))
                return cd_news_find(p, a, cd_news_pred_img) && !cd_news_find(p, a, S_pred_quote);
        }
    }
    size_t l = 0;
    const char *v = cd_dom_attr(p->dom, id, "itemprop", &l);
    return v && (cd_eq_nocase(v, l, "copyrightHolder") || cd_eq_nocase(v, l, "creditText"));
}

/* A photo credit's value, cleaned: "Photograph by Gianluigi Guercia /
 * AFP." loses the sentence's full stop, not the name's (an acronym or a
 * word of five letters or more ends it; "Inc." keeps its point). */
static const char *S_credit_clean(cd_news_ctx *p, const char *s, size_t n)
{
    /* The colon of a label spaced before it ("Photograph by : Uriel
     * Sinai/Getty Images", L3S fd4727e9): the label went, the colon too. */
    if (n > 1 && s[0] == ':') {
        s++, n--;
        cd_parts_trim(&s, &n);
    }
    for (;;) {
        if (n && cd_isspace((unsigned char)s[n - 1]))
            n--;
        else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0)
            n -= 2; /* a no-break space */
        else
            break;
    }
    if (n > 2 && s[n - 1] == '.' && cd_isalpha((unsigned char)s[n - 2])) {
        size_t w = n - 1, caps = 0;
        while (w && cd_isalpha((unsigned char)s[w - 1]))
            w--, caps += s[w] >= 'A' && s[w] <= 'Z';
        if (caps >= 2 || n - 1 - w >= 5) n--;
    }
    return cd_news_clean(p, s, n);
}

/* A credit value: without its label and outer parentheses. */
const char *cd_news_credit_value(cd_news_ctx *p, const char *s, size_t n)
{
    cd_parts_trim(&s, &n);
    for (unsigned again = 0; again < 3; again++) {
        size_t lab = cd_parts_photo_label(s, n);
        /* "Credit" as a screen-reader label glued to the name ("CreditJane Doe"). */
        if (!lab && n > 7 && memcmp(s, "Credit", 6) == 0 &&
            (s[6] == ' ' || (s[6] >= 'A' && s[6] <= 'Z')))
            lab = 6;
        /* In an element already known to hold the photo credit, "Source:"
         * (and its translations) is a label too. */
        const char *const *src = cd_list_news_photo_source_labels;
        for (size_t i = 0; !lab && src[i]; i++)
            if (n > strlen(src[i]) && cd_parts_starts(s, n, src[i])) lab = strlen(src[i]);
        if (!lab) break;
        s += lab;
        n -= lab;
        cd_parts_trim(&s, &n);
    }
    return S_credit_clean(p, s, n);
}

static void S_image_url(cd_news_ctx *p, cd_nid img)
{
    /* A lazy loader's real URL first: its src is often a placeholder. */
    const char *const *attrs = cd_list_img_url_attrs;
    const char *base = p->page_url ? p->page_url : p->m->url;
    for (size_t i = 0; attrs[i]; i++) {
        size_t l = 0;
        const char *v = cd_dom_attr(p->dom, img, attrs[i], &l);
        while (v && l && cd_isspace((unsigned char)*v))
            v++, l--;
        if (!v || !l || cd_parts_starts(v, l, "data:") || cd_url_is_script(v, l) || l > 4096 ||
            S_attr_says(p->dom, img, attrs[i], cd_list_img_placeholder_words))
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
                if (!p->m->image_source) p->m->image_source = "visible";
            }
        }
        cd_buf_free(&b);
        return;
    }
}

/* Does c hold a span of years ("1996-2015", "2010–2024"), as a site's
 * copyright notice does and a photo credit does not? */
static int S_year_range(const char *c)
{
    size_t n = strlen(c);
    for (size_t i = 0; i + 9 <= n; i++) {
        if ((i && cd_isdigit((unsigned char)c[i - 1])) || !cd_isdigit((unsigned char)c[i]) ||
            !cd_isdigit((unsigned char)c[i + 1]) || !cd_isdigit((unsigned char)c[i + 2]) ||
            !cd_isdigit((unsigned char)c[i + 3]) || (c[i] != '1' && c[i] != '2'))
            continue;
        size_t k = i + 4;
        while (k < n && c[k] == ' ')
            k++;
        if (k < n && c[k] == '-') k++;
        else if (cd_utf8_dash_at(c, n, k))
            k += 3;
        else continue;
        while (k < n && c[k] == ' ')
            k++;
        if (k + 4 <= n && (c[k] == '1' || c[k] == '2') && cd_isdigit((unsigned char)c[k + 1]) &&
            cd_isdigit((unsigned char)c[k + 2]) && cd_isdigit((unsigned char)c[k + 3]) &&
            (k + 4 == n || !cd_isdigit((unsigned char)c[k + 4])))
            return 1;
    }
    return 0;
}

/* Is caption c only a date line ("February 23, 2026", "Tue, 2008-01-08
 * 18:35.", "September 12, 2025 | 14 min read")? The story's date under the
 * headline, set beside the picture (a span classed "caption-with-…" holding
 * the <time>: wcxb-dev 4644; div.date after a thumbnail: an L3S-GN1 page of
 * 2008; a date and a reading time: wcxb-dev 1789), is no caption. The date
 * must be the whole of the text before the first separator (" | ", " • ",
 * " · ", a dash), and at most four words may follow it; a label that dates
 * a story ("Published") may open it. */
static int S_date_line(const char *c)
{
    size_t n = strlen(c), e = n, b = 0;
    /* A date line's label ("Published 01/08/2008 - 10:07 a.m. GMT", an
     * L3S-GN1 page of 2008): the news-not-deck leads that date a story. */
    static const char *const labels[] = {"published", "updated", "posted", "last updated", NULL};
    for (size_t k = 0; labels[k]; k++) {
        size_t l = strlen(labels[k]);
        if (n > l + 1 && cd_eq_nocase(c, l, labels[k]) && (c[l] == ' ' || c[l] == ':')) {
            b = l + 1;
            while (b < n && (c[b] == ' ' || c[b] == ':'))
                b++;
            if (n - b > 3 && cd_eq_nocase(c + b, 3, "on ")) b += 3;
            break;
        }
    }
    /* Separators: a bar, a bullet, a middle dot, a dash (hyphen, en or em). */
    for (size_t i = b; i + 3 <= n; i++) {
        size_t sl = c[i] != ' ' ? 0 : c[i + 1] == '|' || c[i + 1] == '-' ? 1 :
                    i + 4 < n && (memcmp(c + i + 1, "\xe2\x80\xa2", 3) == 0 || cd_utf8_dash(c + i + 1)) ? 3 :
                    i + 3 < n && memcmp(c + i + 1, "\xc2\xb7", 2) == 0 ? 2 : 0;
        if (sl && c[i + 1 + sl] == ' ') {
            e = i;
            if (cd_parts_words(c + i + 1 + sl, n - i - 1 - sl) > 4) return 0;
            break;
        }
    }
    while (e > b && (c[e - 1] == '.' || cd_isspace((unsigned char)c[e - 1])))
        e--;
    if (e < b + 8 || e > b + 60) return 0;
    /* Day first or not, only whether it is a date matters here. */
    char date[CD_META_DATE_LEN];
    return cd_meta_date_norm(c + b, e - b, 1, 1, date) >= 10;
}

/* The caption c without a label naming it ("Caption Tomato hornworms …": a
 * field's visually hidden heading "Caption" opening the caption element,
 * wcxb-dev 4661); NULL when nothing is left, or when c is only a label, a
 * file name (cd_parts_bare_label) or a date line (S_date_line). */
/* Is c only a slideshow's counter ("1 of 9", "3 / 12", "Photo 2 of 5",
 * "Image 1/4"): a viewer's control, no caption (wcxb-dev 4789, a product
 * page's gallery)? */
static int S_counter(const char *c)
{
    static const char *const lead[] = {"photo ", "image ", "slide ", "picture ", NULL};
    for (size_t i = 0; lead[i]; i++)
        if (cd_eq_nocase(c, strlen(c) < strlen(lead[i]) ? strlen(c) : strlen(lead[i]), lead[i]) &&
            strlen(c) > strlen(lead[i])) {
            c += strlen(lead[i]);
            break;
        }
    const char *q = c;
    if (!cd_isdigit((unsigned char)*q)) return 0;
    while (cd_isdigit((unsigned char)*q))
        q++;
    while (*q == ' ')
        q++;
    if (*q == '/')
        q++;
    else if ((q[0] | 0x20) == 'o' && (q[1] | 0x20) == 'f' && q[2] == ' ')
        q += 2;
    else
        return 0;
    while (*q == ' ')
        q++;
    if (!cd_isdigit((unsigned char)*q)) return 0;
    while (cd_isdigit((unsigned char)*q))
        q++;
    return *q == '\0';
}

static const char *S_caption_final(const char *c)
{
    if (!c) return NULL;
    if (cd_eq_nocase(c, strlen(c) < 7 ? strlen(c) : 7, "caption")) {
        const char *v = c + 7;
        if (*v == ':') v++;
        if (*v == ' ') {
            while (*v == ' ')
                v++;
            if ((*v >= 'A' && *v <= 'Z') || (*v >= '0' && *v <= '9') || (unsigned char)*v >= 0x80) c = v;
        }
    }
    if (cd_parts_bare_label(c) || !cd_parts_words(c, strlen(c)) || S_date_line(c)) return NULL;
    /* One word in lower case is a control's label, not a caption ("text",
     * a font-size control's span.caption beside the picture, L3S 252824cc). */
    const char *w = c;
    while (*w >= 'a' && *w <= 'z')
        w++;
    if (!*w) return NULL;
    if (S_counter(c)) return NULL;
    return c;
}

/* The caption c of a bare picture (no figure markup names it), NULL when it
 * is a short label in capitals, three words at most: a kicker between the
 * picture and the headline ("NFL PLAYOFFS", l3s javno-romo-simpson-mexico),
 * not a caption. ASCII only, so a caption in a script without case stays;
 * a figcaption in capitals is left to the figure's reading (a credit there,
 * tests/spec/news/tasteofhome-book-subscriptions). */
static const char *S_bare_caption_final(const char *c)
{
    c = S_caption_final(c);
    if (!c) return NULL;
    unsigned up = 0;
    const char *w;
    for (w = c; *w; w++) {
        if ((*w >= 'a' && *w <= 'z') || (unsigned char)*w >= 0x80) break;
        up += *w >= 'A' && *w <= 'Z';
    }
    if (!*w && up >= 2 && cd_parts_words(c, strlen(c)) <= 3) return NULL;
    return c;
}

/* The credit in t->s[a, b) of a photo credit element whose lines a <br>
 * parts ("<p class=credit>Photo by Mark Jones<br/>AP</p>", l3s
 * vcstar-lassen-illinois): the line break read as the " / " a one-line
 * credit writes between the photographer and the agency, where no
 * punctuation ends the line before it. label: the value may open with a
 * label (cd_news_credit_value), else it is cleaned only (S_credit_clean). */
static const char *S_credit_lines(cd_news_ctx *p, const cd_news_text *t, size_t a, size_t b, int label)
{
    char buf[CD_NEWS_TEXT_MAX + 2 * CD_NEWS_BRS];
    size_t n = 0, i = a;
    for (uint32_t k = 0; k < t->nbr; k++) {
        size_t at = t->br[k];
        if (at <= a || at >= b) continue;
        size_t l = at, r = at + 1;
        while (l > a && cd_isspace((unsigned char)t->s[l - 1]))
            l--;
        while (r < b && cd_isspace((unsigned char)t->s[r]))
            r++;
        if (l == a || r == b || !cd_isalnum((unsigned char)t->s[l - 1]) ||
            !cd_isalnum((unsigned char)t->s[r]))
            continue;
        memcpy(buf + n, t->s + i, l - i);
        n += l - i;
        memcpy(buf + n, " / ", 3);
        n += 3;
        i = r;
    }
    memcpy(buf + n, t->s + i, b - i);
    n += b - i;
    return label ? cd_news_credit_value(p, buf, n) : S_credit_clean(p, buf, n);
}

/* Is caption text s[0, n) only slash-joined capitalised names, one of them
 * of two words or more (a person: "Michael Hession/NYT Wirecutter", wcxb-dev
 * 2891), the way a paper credits its own photographer? As a lead figure's
 * whole caption it is the credit (cd_parts_slash_names needs no agency; "Before
 * / After" has no two-word part). */
static int S_slash_person(const char *s, size_t n)
{
    if (!cd_parts_slash_names(s, n)) return 0;
    size_t st = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '/' && s[i] != ',') continue;
        if (cd_parts_words(s + st, i - st) >= 2) return 1;
        st = i + 1;
    }
    return 0;
}

/* A caption set just after a figure rather than in it (<figure><img>
 * </figure><figcaption>, or the caption in the next block of a wrapper):
 * the first element after fig or after one of its two nearest ancestors, if
 * it is or holds a caption and shows no picture of its own. */
static cd_nid S_caption_after(cd_news_ctx *p, cd_nid fig)
{
    cd_nid a = fig;
    for (unsigned up = 0; a && up < 3; up++, a = cd_dom_node(p->dom, a)->parent) {
        cd_nid e = cd_dom_node(p->dom, a)->next;
        while (e && cd_dom_node(p->dom, e)->type != CD_NODE_ELEMENT)
            e = cd_dom_node(p->dom, e)->next;
        if (!e) continue;
        if (cd_news_find(p, e, cd_news_pred_img)) return CD_NONE;
        cd_nid cap = cd_news_find(p, e, S_pred_figcaption);
        if (!cap) cap = cd_news_find(p, e, S_pred_caption);
        return cap;
    }
    return CD_NONE;
}

/* The end of caption s[0, n) without the picture viewer's controls it
 * closes with ("… FatCamera/Getty Images hide caption toggle caption", "…
 * (AP Photo/Name) Click here to enlarge. Buy a copy of this picture."). */
static uint32_t S_caption_controls(const char *s, uint32_t n)
{
    const char *const *ctl = cd_list_news_caption_controls;
    for (unsigned again = 0; again < 4; again++) {
        uint32_t m = n;
        while (m && (cd_isspace((unsigned char)s[m - 1]) || s[m - 1] == '.'))
            m--;
        size_t i;
        for (i = 0; ctl[i]; i++) {
            size_t l = strlen(ctl[i]);
            if (m >= l && cd_eq_nocase(s + m - l, l, ctl[i]) &&
                (m == l || !cd_isalnum((unsigned char)s[m - l - 1])))
                break;
        }
        if (!ctl[i]) return n;
        n = m - (uint32_t)strlen(ctl[i]);
        while (n && cd_isspace((unsigned char)s[n - 1]))
            n--;
    }
    return n;
}

/* The element closing caption cap that holds only a photo credit line
 * ("<p class=caption><span>Jamila Norman, host of …</span><span>courtesy of
 * Magnolia Network.</span></p>", modernfarmer-gardening-shows: the two
 * spans' texts touch, no separator tells them apart): through wrappers
 * holding one element each, the last element child, after other text, whose
 * text is a photo line (cd_parts_photo_line). CD_NONE when there is none. */
static cd_nid S_tail_credit(cd_news_ctx *p, cd_nid cap)
{
    const cd_dom *dom = p->dom;
    cd_nid el = cap;
    for (unsigned d = 0; d < 3; d++) {
        cd_nid only = CD_NONE;
        unsigned elems = 0, text = 0;
        for (cd_nid k = cd_dom_node(dom, el)->first; k; k = cd_dom_node(dom, k)->next) {
            const cd_node *n = cd_dom_node(dom, k);
            if (n->type == CD_NODE_ELEMENT) elems++, only = k;
            else if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) text++;
        }
        if (elems != 1 || text) break;
        el = only;
    }
    cd_nid last = CD_NONE;
    unsigned before = 0;
    for (cd_nid k = cd_dom_node(dom, el)->first; k; k = cd_dom_node(dom, k)->next) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) {
            if (last) return CD_NONE; /* text after it: not the caption's end */
            before++;
        } else if (n->type == CD_NODE_ELEMENT && n->tag != CD_TAG_BR) {
            if (last) before++;
            last = k;
        }
    }
    if (!last || !before || cd_news_find(p, last, cd_news_pred_img)) return CD_NONE;
    cd_news_text t;
    cd_news_gather(p, last, CD_NONE, 0, &t);
    size_t v;
    if (t.more || !t.n || t.n > CD_PARTS_PHOTO_LINE) return CD_NONE;
    /* A photo line, or, set apart in its own element, a credit's shape
     * without a label: "Getty Images", "Thea Traff, The New York
     * Times/Redux" (natgeo-intermittent-fasting: the figcaption's caption
     * and credit are two child blocks with hashed class names). */
    if (!cd_parts_photo_line(t.s, t.n, 0, &v) && !cd_parts_slash_names(t.s, t.n) &&
        !cd_parts_credit_only(t.s, t.n))
        return CD_NONE;
    return last;
}

static int S_has_text(const cd_dom *dom, cd_nid id);

/* The element opening caption cap that holds only a photo credit, the
 * caption in the element(s) after it (<dl class=wp-caption><dt><img></dt>
 * <dd class="wp-caption-dd wp-cite-dd">Associated Press</dd><dd>French
 * President …</dd></dl>: the wsj.com blogs of CleanPortalEval, whose
 * caption read "Associated Press French President …"): the first child
 * element with text, no text before it, followed by an element with text,
 * whose text is a photo line, a credit's shape or an agency's name alone.
 * Children showing only a picture are passed over. CD_NONE when none. */
static cd_nid S_lead_credit(cd_news_ctx *p, cd_nid cap)
{
    const cd_dom *dom = p->dom;
    cd_nid first = CD_NONE;
    for (cd_nid k = cd_dom_node(dom, cap)->first; k; k = cd_dom_node(dom, k)->next) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_TEXT) {
            if (!cd_news_space_text(n)) return CD_NONE;
            continue;
        }
        if (n->type != CD_NODE_ELEMENT || n->tag == CD_TAG_BR || !S_has_text(dom, k)) continue;
        if (!first) {
            if (cd_news_find(p, k, cd_news_pred_img)) return CD_NONE;
            first = k;
            continue;
        }
        cd_news_text t;
        cd_news_gather(p, first, CD_NONE, 0, &t);
        size_t v;
        if (t.more || !t.n || t.n > CD_PARTS_PHOTO_LINE) return CD_NONE;
        if (!cd_parts_photo_line(t.s, t.n, 0, &v) && !cd_parts_slash_names(t.s, t.n) &&
            !cd_parts_credit_only(t.s, t.n) && !cd_parts_is_agency(t.s, t.n))
            return CD_NONE;
        return first;
    }
    return CD_NONE;
}

/* Caption cap closed by a credit element tail (S_tail_credit): the two
 * values; the credit leaves the text. */
static void S_tail_read(cd_news_ctx *p, cd_nid cap, cd_nid tail, const char **caption, const char **credit)
{
    cd_news_text t;
    cd_news_gather(p, tail, CD_NONE, 0, &t);
    *credit = cd_news_credit_value(p, t.s, t.n);
    cd_news_gather(p, cap, tail, 0, &t);
    t.n = S_caption_controls(t.s, t.n);
    *caption = t.more || !cd_parts_words(t.s, t.n) ? NULL : cd_news_clean(p, t.s, cd_parts_caption_end(t.s, t.n));
    cd_extract_drop_as(p->x, tail, CD_WHY_PHOTO_CREDIT);
}

static void S_bare_read(cd_news_ctx *p, cd_nid img, int og);
static cd_nid S_next_shown(const cd_dom *dom, cd_nid id);
static int S_bare_caption_el(cd_news_ctx *p, cd_nid e);

/* The caption, the photo credit and the picture of figure fig: read into
 * the fields when it is the lead, and its photo credit taken out of the text
 * in every case. */
static int S_is_img_el(cd_news_ctx *p, cd_nid id)
{
    return S_is_img(p->dom, id);
}

void cd_news_figure(cd_news_ctx *p, cd_nid fig, int lead)
{
    const cd_dom *dom = p->dom;
    cd_news_text t;
    cd_nid cap = cd_news_find(p, fig, S_pred_figcaption);
    if (!cap) cap = cd_news_find(p, fig, S_pred_caption);
    int after = 0;
    if (!cap && lead && (cap = S_caption_after(p, fig)) != CD_NONE) after = 1;
    cd_nid cred = cd_news_find(p, fig, S_pred_credit);
    if (!cred && after) cred = cd_news_find(p, cap, S_pred_credit);
    /* A caption element the markup names a photo credit holds only the credit. */
    if (cap && cred == cap && S_data_credit(dom, cap)) cap = CD_NONE;
    if (cred == fig || (cred && cap && cd_news_inside(dom, cap, cred))) cred = CD_NONE;
    cd_nid img = cd_news_find(p, fig, cd_news_pred_img);
    /* A box (not a <figure>, whose markup ties its caption to its picture)
     * whose every picture is refused (a video player's play button and
     * controls over the clip's caption, l3s cbsnews-huckabee-mother) shows
     * no picture: its caption is not the lead picture's. */
    if (lead && !img && !cd_dom_is(dom, fig, CD_TAG_FIGURE) && cd_news_find(p, fig, S_is_img_el)) return;
    if (lead && img && !p->m->image_url) S_image_url(p, img);
    const char *credit = NULL, *caption = NULL;
    if (cred) {
        cd_news_gather(p, cred, CD_NONE, 0, &t);
        /* A credit element holding the photographer's own element and a
         * date ("<span class=credit>(<span class=photographer>Michael
         * Lavine/ FOX</span> / March 8, 2007)</span>", L3S 14eeee86): the
         * inner one is the credit (with the date the whole reads as a
         * byline, refused below). */
        char dd[CD_META_DATE_LEN];
        if (!t.more && cd_meta_date_norm(t.s, t.n, 0, 0, dd) >= 10)
            for (cd_nid k = cd_dom_node(dom, cred)->first; k; k = cd_dom_next(dom, k, cred))
                if (cd_dom_node(dom, k)->type == CD_NODE_ELEMENT && S_pred_credit(p, k)) {
                    cd_news_gather(p, k, CD_NONE, 0, &t);
                    break;
                }
        /* "View image credit" linking to the credits further down is a control. */
        int control = cd_news_find(p, cred, S_pred_anchor_link) != CD_NONE;
        size_t cs, vs, ve;
        if (!control && !t.more && cd_parts_photo_trailing(t.s, t.n, &cs, &vs, &ve)) {
            /* A credit block holding the caption too ("… | Photo by Name"). */
            credit = S_credit_lines(p, &t, vs, ve, 0);
            if (!cap) caption = cd_news_clean(p, t.s, cd_parts_caption_end(t.s, cs));
        } else if (!control) {
            credit = S_credit_lines(p, &t, 0, t.n, 1);
        }
        cd_extract_drop_as(p->x, cred, CD_WHY_PHOTO_CREDIT); /* a photo credit never stays in the text */
    }
    cd_nid tail = cap && !cred ? S_tail_credit(p, cap) : CD_NONE;
    if (cap && !cred && !tail) tail = S_lead_credit(p, cap);
    if (tail) {
        S_tail_read(p, cap, tail, &caption, &credit);
    } else if (cap) {
        cd_news_gather(p, cap, cred, 0, &t);
        t.n = S_caption_controls(t.s, t.n);
        size_t cs, vs, ve, v;
        if (!t.more && cd_parts_photo_line(t.s, t.n, 0, &v)) {
            /* The caption is only a credit. */
            if (!credit) credit = cd_news_credit_value(p, t.s, t.n);
            cd_extract_drop_as(p->x, cap, CD_WHY_PHOTO_CREDIT);
        } else if (!t.more && cd_parts_photo_trailing(t.s, t.n, &cs, &vs, &ve)) {
            if (!credit) credit = S_credit_clean(p, t.s + vs, ve - vs);
            size_t ce = cd_parts_caption_end(t.s, cs);
            caption = cd_news_clean(p, t.s, ce);
            if (cd_news_rendered(p, cap)) cd_news_cut(p, &t, (uint32_t)ce, t.n, CD_WHY_PHOTO_CREDIT);
        } else if (cred && cd_news_inside(dom, cred, cap)) {
            /* The credit element was skipped: the separator before it goes
             * too ("Caption - <span class=credit>Name</span>"). */
            caption = cd_news_clean(p, t.s, cd_parts_caption_end(t.s, t.n));
        } else if (!credit && lead && (cd_parts_credit_only(t.s, t.n) || S_slash_person(t.s, t.n))) {
            /* A figcaption holding only the credit ("Getty Images",
             * "iStock/Getty"): the credit, which leaves the text. */
            credit = cd_news_credit_value(p, t.s, t.n);
            cd_extract_drop_as(p->x, cap, CD_WHY_PHOTO_CREDIT);
        } else {
            caption = cd_news_clean(p, t.s, t.n);
        }
    }
    /* A credit element and no caption element: the short block right after
     * the credit in the figure is the caption ("<div class=clkImgTblCredit>
     * Overture Films Image</div><div class=small>Katie Holmes in "Mad
     * Money"</div>" under the picture, l3s nbc11-mad-money-review), as the
     * bare picture's credit line over its caption is read (S_bare_read). */
    if (lead && !cap && cred && credit) {
        cd_nid nx = S_next_shown(dom, cred);
        if (nx && cd_news_inside(dom, nx, fig) && S_bare_caption_el(p, nx)) {
            cd_news_gather(p, nx, CD_NONE, 0, &t);
            size_t v;
            if (!t.more && t.n <= CD_NEWS_BARE_CAPTION && cd_parts_words(t.s, t.n) >= 3 &&
                !cd_parts_not_deck(t.s, t.n) && !cd_parts_photo_line(t.s, t.n, 0, &v))
                caption = cd_news_clean(p, t.s, t.n);
        }
    }
    /* A second caption block in the figure, after the caption, short and
     * not a sentence: the credit ("<figcaption>Stills from …</figcaption>
     * <small class=item-img-caption>Netflix / Crunchyroll / Adult
     * Swim</small>", movieweb-best-anime-2025). */
    if (lead && cap && !cred && !credit && cd_dom_is(dom, fig, CD_TAG_FIGURE)) {
        unsigned seen = 0;
        for (cd_nid k = cd_dom_next_skip(dom, cap, fig); k && seen < CD_NEWS_FIG_NODES;
             k = cd_dom_next(dom, k, fig), seen++) {
            if (!S_pred_caption(p, k) || cd_news_inside(dom, cap, k)) continue;
            if (!cd_extract_node_visible(dom, k) || cd_news_find(p, k, cd_news_pred_img) ||
                cd_news_find(p, k, S_pred_link))
                break;
            cd_news_gather(p, k, CD_NONE, 0, &t);
            size_t w = t.more ? 0 : cd_parts_words(t.s, t.n), e = t.n;
            while (e && (cd_isspace((unsigned char)t.s[e - 1]) || t.s[e - 1] == '.'))
                e--;
            if (w && w <= 8 && e <= CD_PARTS_PHOTO_LINE && !memchr(t.s, '.', e) && !memchr(t.s, ':', e)) {
                credit = cd_news_credit_value(p, t.s, t.n);
                cd_extract_drop_as(p->x, k, CD_WHY_PHOTO_CREDIT);
                cred = k;
            }
            break;
        }
    }
    /* A credit line of its own inside the figure ("<p>Photo: …</p>"). */
    if (!cred) {
        unsigned seen = 0;
        for (cd_nid k = fig; k && seen < CD_NEWS_FIG_NODES; seen++) {
            const cd_node *n = cd_dom_node(dom, k);
            if (k == cap) {
                k = cd_dom_next_skip(dom, k, fig);
                continue;
            }
            if (n->type == CD_NODE_TEXT && n->len <= CD_PARTS_PHOTO_LINE && !cd_news_space_text(n)) {
                cd_nid e = n->parent;
                if (e != fig) {
                    cd_news_gather(p, e, CD_NONE, 0, &t);
                    size_t v;
                    if (!t.more && cd_parts_photo_line(t.s, t.n, 0, &v)) {
                        if (!credit) credit = cd_news_credit_value(p, t.s, t.n);
                        cd_extract_drop_as(p->x, e, CD_WHY_PHOTO_CREDIT);
                        k = cd_dom_next_skip(dom, e, fig);
                        continue;
                    }
                }
            }
            k = cd_dom_next(dom, k, fig);
        }
    }
    caption = S_caption_final(caption);
    /* "Henry Gilbert • February 15, 2017": a byline with its date, not a photo credit. */
    char date[CD_META_DATE_LEN];
    if (credit && cd_meta_date_norm(credit, strlen(credit), 0, 0, date) >= 10) credit = NULL;
    /* "washingtonpost.com © 1996-2015 The Washington Post": a site's copyright line. */
    if (credit && S_year_range(credit)) credit = NULL;
    if (!lead) return;
    if (!img && cd_news_find(p, fig, S_pred_player)) return;
    /* A pull quote set as a figure (<figure><blockquote>…</blockquote>
     * <figcaption>NAME, TITLE</figcaption>, with or without the speaker's
     * avatar: wcxb-dev 4258, 0041): its caption names the speaker, not a
     * picture. */
    if (cd_dom_is(dom, fig, CD_TAG_FIGURE) && cd_news_find(p, fig, S_pred_quote)) return;
    if (caption && !p->m->image_caption) p->m->image_caption = caption;
    if (credit && !p->m->image_credit) p->m->image_credit = credit;
    if ((caption || credit) && !p->m->image_source) p->m->image_source = "visible";
    /* A block around a caption element that gave nothing (a control's label
     * classed caption, L3S 252824cc): the picture's own caption may be the
     * block right after it (<div class=featureimage><img><em>Marcos
     * Baghdatis (AAP)</em></div>). */
    if (!caption && !credit && img && !cd_dom_is(dom, fig, CD_TAG_FIGURE) && !p->m->image_caption &&
        !p->m->image_credit && p->m->image_url) {
        S_bare_read(p, img, 0);
        /* Not the headline repeated under the picture with its date (a
         * card's "TITLE February 23, 2026", wcxb-dev 4644). */
        const char *c = p->m->image_caption, *h = p->m->title;
        if (c && h && strlen(c) >= strlen(h) && cd_eq_nocase(c, strlen(h), h)) p->m->image_caption = NULL;
    }
}

static size_t S_img_key(const char *u, const char **key);
static int S_has_key(const char *v, size_t l, const char *key, size_t kl);

/* Does block a show two different pictures before caption cap (two <img>
 * whose src keys, S_img_key, differ)? Then it is a story's body holding
 * the lead picture and a later one with its caption, not a picture's box. */
static int S_two_pictures(cd_news_ctx *p, cd_nid a, cd_nid cap)
{
    const char *key = NULL;
    size_t kl = 0;
    unsigned seen = 0;
    for (cd_nid k = a; k && k != cap && seen < CD_NEWS_FIG_NODES; k = cd_dom_next(p->dom, k, a), seen++) {
        if (!cd_news_pred_img(p, k)) continue;
        size_t l = 0;
        const char *v = cd_dom_attr(p->dom, k, "src", &l);
        if (!v || !l || l > 4096 || cd_parts_starts(v, l, "data:")) continue;
        if (!kl) {
            char u[4097];
            memcpy(u, v, l);
            u[l] = '\0';
            const char *k0 = NULL;
            size_t n = S_img_key(u, &k0);
            if (!n) return 0;
            key = v + (size_t)(k0 - u);
            kl = n;
        } else if (!S_has_key(v, l, key, kl)) {
            return 1;
        }
    }
    return 0;
}

/* Is box the author's box: a byline element (S_pred_byline) whose text
 * holds the name its picture's alt gives ("<img alt="Jane Roe">" beside
 * "By Jane Roe": the writer's photo, wcxb-dev 0075 and 0272, where a badge
 * classed as a caption, "Verified expert", was read as the lead caption)? */
static int S_author_box(cd_news_ctx *p, cd_nid box)
{
    cd_nid img = cd_news_find(p, box, cd_news_pred_img), by = cd_news_find(p, box, S_pred_byline);
    if (!img || !by) return 0;
    size_t l = 0;
    const char *alt = cd_dom_attr(p->dom, img, "alt", &l);
    cd_parts_trim(&alt, &l);
    if (!alt || l < 4 || l > 60 || !memchr(alt, ' ', l)) return 0;
    cd_news_text t;
    cd_news_gather(p, by, CD_NONE, 0, &t);
    for (uint32_t i = 0; i + l <= t.n; i++)
        if (cd_meta_eq_nocase(t.s + i, l, alt, l)) return 1;
    return 0;
}

/* The figure-like block around a caption outside <figure>: the nearest of
 * three ancestors that holds a picture, unless it shows two different
 * pictures before the caption (the body around a later picture's caption
 * line also holds the lead picture: restaurantbusiness-paris-baguette). */
cd_nid cd_news_container(cd_news_ctx *p, cd_nid cap)
{
    if (cd_news_find(p, cap, cd_news_pred_img)) return cap;
    cd_nid a = cd_dom_node(p->dom, cap)->parent;
    /* A block classed caption set with the headline in its box, the
     * picture only after it (<div class=hero-content><h1>…<div
     * class=hero-caption>Learn how to …</div></div><img>, wcxb-dev 4666):
     * the headline's standfirst, no picture's caption. */
    if (p->h1 && a && !cd_dom_is(p->dom, cap, CD_TAG_FIGCAPTION) && cd_news_inside(p->dom, p->h1, a) &&
        !cd_news_inside(p->dom, cap, p->h1)) {
        cd_nid box = a;
        for (unsigned d = 0; box && d < 3 && !cd_news_find(p, box, cd_news_pred_img); d++)
            box = cd_dom_node(p->dom, box)->parent;
        cd_nid img = box ? cd_news_find(p, box, cd_news_pred_img) : CD_NONE;
        if (img && img > cap) return CD_NONE;
    }
    for (unsigned d = 0; a && d < 3; d++, a = cd_dom_node(p->dom, a)->parent)
        if (cd_dom_node(p->dom, a)->type == CD_NODE_ELEMENT && cd_news_find(p, a, cd_news_pred_img))
            /* Nor the author's box: the writer's photo, the byline and a
             * badge classed as a caption ("Verified expert", wcxb-dev 0075). */
            return S_two_pictures(p, a, cap) || S_author_box(p, a) ? CD_NONE : a;
    return CD_NONE;
}

int cd_news_is_caption_el(cd_news_ctx *p, cd_nid id)
{
    uint16_t tag = cd_dom_node(p->dom, id)->tag;
    if (tag == CD_TAG_FIGURE || tag == CD_TAG_FIGCAPTION) return 1;
    /* A list classed "caption" is a line of items under the headline (<ul
     * class="caption meta inline-pipes-list"><li class=author>… <li><time>…
     * <li class=comments>, Readability bug-1255978): the story's byline and
     * date, not a picture's caption. */
    if (tag == CD_TAG_UL || tag == CD_TAG_OL) return 0;
    return (cd_news_has(p, id, cd_list_class_caption) || S_glued(p, id, 0)) &&
           !S_is_link(p->dom, id);
}

/* Is id one of the content roots, or inside one? */
static int S_in_roots(const cd_news_ctx *p, cd_nid id)
{
    for (uint32_t r = 0; r < p->x->nroots; r++)
        if (cd_news_inside(p->dom, id, p->x->roots[r])) return 1;
    return 0;
}

/* Does the caption cap end with a photo credit, or hold a credit element? */
static int S_credits_photo(cd_news_ctx *p, cd_nid cap)
{
    cd_news_text t;
    cd_news_gather(p, cap, CD_NONE, 0, &t);
    size_t cs, vs, ve;
    if (!t.more && cd_parts_photo_trailing(t.s, t.n, &cs, &vs, &ve)) return 1;
    cd_nid cred = cd_news_find(p, cap, S_pred_credit);
    return cred && cred != cap;
}

/* Which content root is id (0 when none, else its index + 1)? */
static uint32_t S_root_no(const cd_news_ctx *p, cd_nid id)
{
    for (uint32_t r = 0; r < p->x->nroots; r++)
        if (id == p->x->roots[r]) return r + 1;
    return 0;
}

/* The lead figure between the headline and the body: from the headline to
 * the content root that opens the body. A first root followed by others
 * (a standfirst in a block of its own, then the picture, then the body) is
 * passed over. When the headline is inside a content root (in a header the
 * extraction left out), the body opens at the first text it renders. */
#define S_HEAD_PROSE 120u /* bytes of text under the headline: a paragraph's worth */
static cd_nid S_head_figure(cd_news_ctx *p)
{
    const cd_dom *dom = p->dom;
    cd_nid h1 = p->h1;
    if (!h1) return CD_NONE;
    int inside = S_in_roots(p, h1);
    unsigned seen = 0, passed = 0;
    uint32_t prose = 0;
    for (cd_nid k = cd_dom_next_skip(dom, h1, cd_dom_root(dom)); k && seen < CD_NEWS_HEAD_NODES; seen++) {
        if (inside) {
            const cd_node *t = cd_dom_node(dom, k);
            if (t->type == CD_NODE_TEXT && !cd_news_space_text(t) && cd_news_rendered(p, k)) {
                /* A page of many parts (broad extraction: the scan's lead
                 * window counts the page's bars before the headline) has
                 * its lead figure within the window under the headline, a
                 * subheading after a paragraph's worth of text closing it
                 * (wcxb-dev 0046, fool-cloud-stocks, round 13: the byline,
                 * a "Key Points" box, the opening paragraph, then the
                 * figure; wcxb-dev 4074: a price box, then the figure). */
                if (!p->x->broad || (prose += t->len) >= CD_NEWS_LEAD_WINDOW) return CD_NONE;
            }
            if (prose >= S_HEAD_PROSE && t->type == CD_NODE_ELEMENT && (cd_tag_flags(t->tag) & CD_TF_HEADING))
                return CD_NONE;
        }
        uint32_t r = inside ? 0 : S_root_no(p, k);
        if (r) {
            if (passed++ || r == p->x->nroots) return CD_NONE;
            k = cd_dom_next_skip(dom, k, cd_dom_root(dom));
            continue;
        }
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT) {
            if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k)) {
                k = cd_dom_next_skip(dom, k, cd_dom_root(dom));
                continue;
            }
            if (cd_news_is_caption_el(p, k)) {
                cd_nid fig = n->tag == CD_TAG_FIGURE ? k : cd_news_container(p, k);
                if (fig) return fig;
                /* A caption with no picture near it that credits a
                 * photographer: the lead picture is shown apart (full width
                 * above the headline, or as a background) and the caption
                 * under the headline names it. */
                if (n->tag == CD_TAG_FIGCAPTION && S_credits_photo(p, k)) return k;
            }
        }
        k = cd_dom_next(dom, k, cd_dom_root(dom));
    }
    return CD_NONE;
}

static int S_pred_figure_like(cd_news_ctx *p, cd_nid id)
{
    return cd_dom_is(p->dom, id, CD_TAG_FIGURE) || S_pred_figcaption(p, id) ||
           S_pred_caption(p, id) || S_pred_credit(p, id);
}

/* Is id inside a <nav> below top (the site's menu, whose "© 1996-2015 The
 * Post" line is no photo credit)? */
static int S_in_nav_below(const cd_dom *dom, cd_nid id, cd_nid top)
{
    unsigned d = 0;
    for (cd_nid a = id; a && a != top && d < CD_MAX_DEPTH + 8; a = cd_dom_node(dom, a)->parent, d++)
        if (cd_dom_is(dom, a, CD_TAG_NAV)) return 1;
    return 0;
}

/* The lead picture just above the headline (a photo with its credit over the
 * h1, as on many news pages): among the few element siblings before the h1
 * and before its near ancestors, one holding a picture and a figure, a
 * caption or a credit. */
static cd_nid S_pre_figure(cd_news_ctx *p)
{
    const cd_dom *dom = p->dom;
    cd_nid a = p->h1;
    for (unsigned up = 0; a && up < 3; up++, a = cd_dom_node(dom, a)->parent) {
        unsigned sibs = 0;
        for (cd_nid e = cd_dom_node(dom, a)->prev; e && sibs < 4; e = cd_dom_node(dom, e)->prev) {
            const cd_node *n = cd_dom_node(dom, e);
            if (n->type != CD_NODE_ELEMENT) continue;
            sibs++;
            if (!cd_extract_node_visible(dom, e) || (cd_tag_flags(n->tag) & CD_TF_SKIP) ||
                n->tag == CD_TAG_NAV || n->tag == CD_TAG_HEADER)
                continue;
            cd_nid f = cd_news_find(p, e, S_pred_figure_like);
            if (!f || !cd_news_find(p, e, cd_news_pred_img) || S_in_nav_below(p->dom, f, e)) continue;
            if (cd_dom_is(dom, f, CD_TAG_FIGURE)) return f;
            return cd_news_find(p, f, cd_news_pred_img) ? f : e;
        }
    }
    return CD_NONE;
}

/* The key of an image URL: the longest run of five or more digits in its file
 * name ("TELEMMGLPICT000146889449-xlarge.jpeg", "4905689_2_seoimageog.jpg"),
 * which renditions of one picture share; else the file name's stem when it is
 * long enough to be the picture's own (S_img_stem). 0 when there is none. */
static size_t S_img_stem(const char *u, size_t f, size_t q, const char **key);

static size_t S_img_key(const char *u, const char **key)
{
    size_t n = strlen(u), q, f = cd_url_last_segment(u, n, &q);
    /* An image proxy's URL whose path ends in '/' names the picture in its
     * query ("…/quality/90/?url=https%3A%2F%2F…%2Fpencil-red-flag-112025-507120329.jpg",
     * Education Week: news spec edweek-tutoring-effects): that file name. */
    if (f == q && q < n && u[q] == '?') {
        size_t e = q + 1;
        while (e < n && u[e] != '&' && u[e] != '#')
            e++;
        size_t g = e;
        while (g > q + 1 && u[g - 1] != '/' && !(g >= q + 4 && u[g - 3] == '%' && u[g - 2] == '2' &&
                                                    (u[g - 1] == 'F' || u[g - 1] == 'f')))
            g--;
        if (g > q + 1) {
            f = g;
            q = e;
        }
    }
    size_t best = 0;
    for (size_t i = f; i < q;) {
        size_t j = i;
        while (j < q && cd_isdigit((unsigned char)u[j]))
            j++;
        if (j - i > best) {
            best = j - i;
            *key = u + i;
        }
        i = j > i ? j : i + 1;
    }
    if (best >= 5 && best <= 40) return best;
    return S_img_stem(u, f, q, key);
}

/* The stem of the file name u[f, q): up to its extension, without a
 * rendition's size suffix ("view-from-airplane-3-1024x683.jpg" ->
 * "view-from-airplane-3"); kept when it has at least S_STEM_MIN characters
 * and a letter (a CMS names uploads after the picture; "image", "1" or a
 * hash-less "photo" would match other pictures). */
#define S_STEM_MIN 12u

static size_t S_img_stem(const char *u, size_t f, size_t q, const char **key)
{
    size_t e = f;
    while (e < q && u[e] != '.')
        e++;
    /* "-1024x683": digits, 'x', digits after a dash or an underscore. */
    size_t k = e;
    while (k > f && cd_isdigit((unsigned char)u[k - 1]))
        k--;
    if (k < e && k > f && u[k - 1] == 'x') {
        size_t x = k - 1;
        while (x > f && cd_isdigit((unsigned char)u[x - 1]))
            x--;
        if (x < k - 1 && x > f && (u[x - 1] == '-' || u[x - 1] == '_')) e = x - 1;
    }
    int alpha = 0;
    for (size_t i = f; i < e; i++)
        alpha |= cd_isalpha((unsigned char)u[i]);
    if (!alpha || e - f < S_STEM_MIN || e - f > 200) return 0;
    *key = u + f;
    return e - f;
}

/* Does attribute value v hold the key, not inside a longer run of digits (a
 * digit key) or of letters and digits (a file stem)? */
static int S_has_key(const char *v, size_t l, const char *key, size_t kl)
{
    int (*word)(int) = cd_isdigit;
    for (size_t i = 0; i < kl; i++)
        if (!cd_isdigit((unsigned char)key[i])) word = cd_isalnum;
    if (!kl || kl > l) return 0;
    /* Candidates by the key's first byte (memchr), then the whole key. */
    for (const char *c = v, *end = v + (l - kl) + 1; (c = memchr(c, key[0], (size_t)(end - c))) != NULL; c++) {
        size_t i = (size_t)(c - v);
        /* A file stem starts the file's name: "best-strategy-board-games"
         * is not the picture "this-war-of-mine-best-strategy-board-games.jpg"
         * (wcxb-dev 4683). */
        if (memcmp(c, key, kl) == 0 && (i == 0 || !word((unsigned char)v[i - 1])) &&
            (i + kl == l || !word((unsigned char)v[i + kl])) &&
            (word == cd_isdigit || i == 0 || v[i - 1] == '/' || v[i - 1] == '=' || v[i - 1] == ' ' ||
             v[i - 1] == ',' || (i >= 3 && v[i - 3] == '%' && v[i - 2] == '2' && (v[i - 1] == 'F' || v[i - 1] == 'f'))))
            return 1;
    }
    return 0;
}

/* 1 when a picture of fig shows the image with this key, -1 when fig has
 * pictures and none does, 0 when it has none. */
static int S_fig_shows(cd_news_ctx *p, cd_nid fig, const char *key, size_t kl)
{
    const char *const *attrs = cd_list_img_url_attrs;
    int pics = 0;
    unsigned seen = 0;
    for (cd_nid k = fig; k && seen < CD_NEWS_FIG_NODES; k = cd_dom_next(p->dom, k, fig), seen++) {
        const cd_node *n = cd_dom_node(p->dom, k);
        if (n->type != CD_NODE_ELEMENT) continue;
        if (!S_is_img(p->dom, k) && n->tag != CD_TAG_SOURCE) continue;
        for (size_t i = 0; attrs[i]; i++) {
            size_t l = 0;
            const char *v = cd_dom_attr(p->dom, k, attrs[i], &l);
            if (v && l <= 8192 && S_has_key(v, l, key, kl)) return 1;
            /* A lazy picture's placeholder ("data:image/svg+xml,…", wcxb-dev
             * 4893) names no picture: it is not another one. */
            if (v && l > 5 && !cd_eq_nocase(v, 5, "data:")) pics = 1;
        }
    }
    return pics ? -1 : 0;
}

/* Is there a subheading of the story (h2-h6 inside a content root), after
 * a paragraph of its prose, between the headline and node fig? Node ids
 * follow the document's order. */
static int S_heading_before(cd_news_ctx *p, cd_nid fig)
{
    if (!p->h1 || fig <= p->h1) return 0;
    unsigned seen = 0;
    int head = 0;
    for (cd_nid k = fig - 1; k > p->h1 && seen < 4096u; k--, seen++) {
        const cd_node *n = cd_dom_node(p->dom, k);
        if (n->type != CD_NODE_ELEMENT || cd_news_inside(p->dom, fig, k) || !S_in_roots(p, k)) continue;
        if (!head) {
            head = (cd_tag_flags(n->tag) & CD_TF_HEADING) && n->tag != CD_TAG_H1 && cd_extract_node_visible(p->dom, k);
            continue;
        }
        /* The story's prose before that subheading (on a blog whose h1 is
         * the blog's name, an h2 is the post's own headline: the wsj.com
         * blogs of CleanPortalEval). */
        if (n->tag == CD_TAG_P) {
            cd_news_text t;
            cd_news_gather(p, k, CD_NONE, 1, &t);
            if (t.more || t.n >= 100) return 1;
        }
    }
    return 0;
}

static cd_nid S_og_picture_before(cd_news_ctx *p, cd_nid stop);

/* The lead figure: the first of the body (or the one between the headline and
 * the body, or just above the headline), unless it shows another picture than
 * the page's og:image and another figure of the page shows that one. */
cd_nid cd_news_lead(cd_news_ctx *p)
{
    cd_nid fig = S_head_figure(p);
    if (!fig) fig = p->lead_fig;
    if (!fig && p->h1) fig = S_pre_figure(p);
    const char *key = NULL;
    size_t kl = p->m->image_url ? S_img_key(p->m->image_url, &key) : 0;
    if (!kl || (fig && S_fig_shows(p, fig, key, kl) >= 0)) return fig;
    cd_nid cand[3 + CD_NEWS_FIGS];
    unsigned nc = 0;
    cand[nc++] = S_head_figure(p);
    cand[nc++] = p->h1 ? S_pre_figure(p) : CD_NONE;
    for (unsigned i = 0; i < p->nfigs; i++)
        cand[nc++] = p->figs[i];
    for (unsigned i = 0; i < nc; i++)
        if (cand[i] && cand[i] != fig && S_fig_shows(p, cand[i], key, kl) > 0) return cand[i];
    /* The og:image shown by the headline outside any figure, before a body
     * figure of another picture: that figure's caption and credit are not the
     * lead's (artlyst-critics-choice-2025: the picture under the h1, then a
     * critic's pick with its own caption; restaurantbusiness-paris-baguette:
     * the first picture with its caption line, a later figure of the inside).
     * No figure then; cd_news_og_picture reads the block after the picture.
     * Node ids follow the document's order (the tree builder appends). */
    if (fig && S_fig_shows(p, fig, key, kl) < 0) {
        cd_nid og = S_og_picture_before(p, fig);
        if (og && og < fig && !cd_news_inside(p->dom, og, fig)) return CD_NONE;
        /* A body figure of another picture than the og:image, which no
         * picture of the page shows, set under one of the story's
         * subheadings: it illustrates that part ("Food Myths", then a loaf
         * of bread with its caption: wcxb-dev 4121, whose og:image is the
         * site's social card), not the story. */
        if (fig == p->lead_fig && fig != cand[0] && fig != cand[1] && S_heading_before(p, fig)) return CD_NONE;
    }
    return fig;
}

/* The figure under the headline of an undated page that shows the og:image
 * itself (S_fig_shows: the file key, across renditions), CD_NONE when none.
 * An undated page read broad (a fact sheet, a guide: wcxb-dev 0348, the
 * og:image's picture under the h1, "©Thinkstock" its caption) is no story
 * for its deck, but the picture the page names for itself, set right under
 * its headline, is its lead picture wherever the page is read from. */
cd_nid cd_news_og_head_figure(cd_news_ctx *p)
{
    const char *key = NULL;
    size_t kl = p->m->image_url ? S_img_key(p->m->image_url, &key) : 0;
    if (!kl || !p->h1) return CD_NONE;
    cd_nid fig = S_head_figure(p);
    return fig && S_fig_shows(p, fig, key, kl) > 0 ? fig : CD_NONE;
}

/* ---- the site's logo named as the page's image ---------------------------- */

/* Does link a lead to the site's front page ("/", "/index.html",
 * "https://host", "https://host/")? */
static int S_home_href(const cd_dom *dom, cd_nid a)
{
    size_t l = 0;
    const char *h = cd_dom_attr(dom, a, "href", &l);
    while (h && l && cd_isspace((unsigned char)*h))
        h++, l--;
    while (h && l && cd_isspace((unsigned char)h[l - 1]))
        l--;
    if (!h || !l) return 0;
    size_t i = 0;
    if (l > 8 && (cd_eq_nocase(h, 7, "http://") || cd_eq_nocase(h, 8, "https://"))) {
        i = cd_eq_nocase(h, 7, "http://") ? 7 : 8;
        while (i < l && h[i] != '/')
            i++;
        if (i == l) return 1;
    }
    if (h[i] != '/') return 0;
    i++;
    return i == l || (l - i >= 6 && cd_eq_nocase(h + i, 6, "index.") && !memchr(h + i, '/', l - i) &&
                      !memchr(h + i, '?', l - i));
}

/* Does v[0, l) hold w[0, wl) (wl > 0)? */
static int S_holds(const char *v, size_t l, const char *w, size_t wl)
{
    for (const char *e = v + l, *c = v; (size_t)(e - c) >= wl; c++) {
        c = memchr(c, w[0], (size_t)(e - c) - wl + 1);
        if (!c) return 0;
        if (memcmp(c, w, wl) == 0) return 1;
    }
    return 0;
}

/* Nodes before the headline looked at for the logo (a page's header and
 * menus; past them the search gives up). */
#define S_LOGO_NODES 6000u
#define S_LOGO_UP 4u
#define S_LOGO_FILE_MIN 8u /* bytes of the image's file name, at least */

/* Is the page's meta image (og:image, JSON-LD, twitter:image) the site's
 * logo: the first picture before the headline that shows it sits in a link
 * to the site's front page or in an element classed or named logo, within
 * S_LOGO_UP ancestors (<div class=seSiteLogo><a href=https://host/><img
 * src=…/BLBLLogoweb3.jpg>, wcxb-dev 4624; <p class=logo><a
 * class=logo-link href=https://host><img src=…/pikearmstrong_836988176.png>,
 * wcxb-dev 4709)? A site that names no picture for a page names its logo. */
int cd_news_meta_image_logo(cd_news_ctx *p)
{
    static const char *const logo_words[] = {"logo", NULL};
    if (!p->m->image_url || !p->head) return 0;
    /* The image's whole file name (a key shared by renditions, S_img_key, may
     * be the site's account number in an encoded path: wcxb-dev 0372). */
    const char *u = p->m->image_url;
    size_t q, f = cd_url_last_segment(u, strlen(u), &q);
    if (q - f < S_LOGO_FILE_MIN) return 0;
    const cd_dom *dom = p->dom;
    unsigned seen = 0;
    /* Node ids follow the document's order: the nodes before the headline. */
    for (cd_nid k = cd_dom_root(dom) + 1; k < p->head && seen < S_LOGO_NODES; k++, seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type != CD_NODE_ELEMENT || (n->tag != CD_TAG_IMG && n->tag != CD_TAG_UNKNOWN) || !S_is_img(dom, k))
            continue;
        /* Any attribute naming the file (src, srcset, a lazy loader's): one pass. */
        int shows = 0;
        for (uint32_t i = 0; !shows && i < n->len; i++)
            shows = n->u.attr[i].value_len <= 8192 &&
                    S_holds(n->u.attr[i].value, n->u.attr[i].value_len, u + f, q - f);
        if (!shows) continue;
        cd_nid a = k;
        for (unsigned d = 0; a && d < S_LOGO_UP; d++, a = cd_dom_node(dom, a)->parent) {
            /* Not a wrapper of the whole page ("<body class="wp-custom-logo
             * has-logo-left">", wcxb-dev 4659): the header's own boxes. */
            if (cd_dom_node(dom, a)->type != CD_NODE_ELEMENT || cd_news_inside(dom, p->head, a)) break;
            if (S_attr_says(dom, a, "class", logo_words) || S_attr_says(dom, a, "id", logo_words)) return 1;
            if (cd_dom_is(dom, a, CD_TAG_A) && S_home_href(dom, a)) return 1;
        }
        return 0;
    }
    return 0;
}

/* ---- a bare lead picture (old pages: no og:image, no figure markup) ------ */

/* The number an attribute of id gives (width="372"), 0 when none. */
static unsigned S_attr_num(const cd_dom *dom, cd_nid id, const char *name)
{
    size_t l = 0;
    const char *v = cd_dom_attr(dom, id, name, &l);
    unsigned x = 0;
    for (size_t i = 0; v && i < l && i < 6 && cd_isdigit((unsigned char)v[i]); i++)
        x = x * 10 + (unsigned)(v[i] - '0');
    return x;
}

/* A picture big enough to lead a story: a picture (cd_news_pred_img) whose
 * stated size, when it has one, is at least S_BARE_MIN pixels on a side. */
#define S_BARE_MIN 120u

/* Does the path of URL v[0, l) end in a photograph's file type (JPEG, PNG,
 * WebP, AVIF: not GIF, which on old pages is an icon, a spacer, an ad or a
 * banner)? */
static int S_photo_file(const char *v, size_t l)
{
    size_t end = 0;
    while (end < l && v[end] != '?' && v[end] != '#')
        end++;
    const char *const *exts = cd_list_image_extensions;
    for (size_t i = 0; exts[i]; i++) {
        size_t el = strlen(exts[i]);
        if (strcmp(exts[i], ".gif") != 0 && end >= el && cd_eq_nocase(v + end - el, el, exts[i]))
            return 1;
    }
    return 0;
}

/* Does the link's href h[0, l) name img's own file (a viewer page showing
 * the picture large: "…/image.html?/photos/2008/01/10/533tata01_4.jpg"
 * around <img src=…/533tata01_4.jpg> in the story's first paragraph, L3S
 * 3810ea2e)? The file name, S_VIEWER_MIN bytes or more, in the href. */
#define S_VIEWER_MIN 8u
static int S_links_own_file(const cd_dom *dom, cd_nid img, const char *h, size_t l)
{
    size_t n = 0;
    const char *u = cd_dom_attr(dom, img, "src", &n);
    if (!u || !n || n > 4096) return 0;
    size_t q, f = cd_url_last_segment(u, n, &q);
    if (q - f < S_VIEWER_MIN || q - f > l) return 0;
    for (size_t i = 0; i + (q - f) <= l; i++)
        if (memcmp(h + i, u + f, q - f) == 0) return 1;
    return 0;
}

/* Is img inside a link to another page (an ad, a banner, a promotion)? A
 * link to the picture itself (its file, or a viewer page naming its file),
 * to a place on the page or to a script (a viewer popup) is not one. */
/* Does a link inside the headline h1 lead to h[0, l) (<h1><a
 * href=…/2009-Hyundai-Genesis-pics/>Photo gallery: …</a></h1>, then the
 * post's picture in a link to the same address, L3S aboutcars round 16)?
 * The headline's own destination is the story's page or its gallery. */
static int S_headline_href(const cd_dom *dom, cd_nid h1, const char *h, size_t l)
{
    unsigned seen = 0;
    for (cd_nid k = h1; k && seen < 32; k = cd_dom_next(dom, k, h1), seen++) {
        size_t kl = 0;
        const char *kh = cd_dom_is(dom, k, CD_TAG_A) ? cd_dom_attr(dom, k, "href", &kl) : NULL;
        while (kh && kl && cd_isspace((unsigned char)*kh))
            kh++, kl--;
        if (kh && kl == l && memcmp(kh, h, l) == 0) return 1;
    }
    return 0;
}

static int S_linked_away(const cd_dom *dom, cd_nid img, cd_nid h1)
{
    cd_nid a = cd_dom_node(dom, img)->parent;
    for (unsigned d = 0; a && d < 3; d++, a = cd_dom_node(dom, a)->parent) {
        size_t l = 0;
        const char *h = cd_dom_is(dom, a, CD_TAG_A) ? cd_dom_attr(dom, a, "href", &l) : NULL;
        if (!h) continue;
        while (l && cd_isspace((unsigned char)*h))
            h++, l--;
        return l && h[0] != '#' && !cd_url_is_script(h, l) && !S_photo_file(h, l) &&
               !S_links_own_file(dom, img, h, l) && !(h1 && S_headline_href(dom, h1, h, l));
    }
    return 0;
}

/* Is img inside the author's box: one of its S_AUTHOR_UP nearest ancestors a
 * byline's element (<div class=AuthorSummary><div class=Biography><img
 * class=Picture>, L3S e57a9f8c; <div class=blog-author>…<img 220x220>,
 * wcxb-dev 4413)? Its picture is the writer's photo, not the story's. */
#define S_AUTHOR_UP 4u
static int S_in_author_box(cd_news_ctx *p, cd_nid img)
{
    cd_nid a = cd_dom_node(p->dom, img)->parent;
    for (unsigned d = 0; a && d < S_AUTHOR_UP; d++, a = cd_dom_node(p->dom, a)->parent)
        if (cd_dom_node(p->dom, a)->type == CD_NODE_ELEMENT && S_pred_byline(p, a)) return 1;
    return 0;
}

/* The size a picture's file name states ("newsNat_05_95x95.jpg": a
 * rendition of 95 by 95 pixels, a theme's category badge by the headline,
 * L3S 2391433d): the last "WxH" of the name's digits, 2 to 4 each, bounded
 * by non-digits; 0 when none. */
static void S_name_size(const char *u, size_t n, unsigned *w, unsigned *h)
{
    size_t q, f = cd_url_last_segment(u, n, &q);
    *w = *h = 0;
    for (size_t i = f + 1; i < q; i++) {
        if ((u[i] | 0x20) != 'x' || !cd_isdigit((unsigned char)u[i - 1])) continue;
        size_t a = i, b = i + 1;
        while (a > f && cd_isdigit((unsigned char)u[a - 1]))
            a--;
        while (b < q && cd_isdigit((unsigned char)u[b]))
            b++;
        if (i - a < 2 || i - a > 4 || b - i - 1 < 2 || b - i - 1 > 4) continue;
        unsigned x = 0, y = 0;
        for (size_t k = a; k < i; k++)
            x = x * 10 + (unsigned)(u[k] - '0');
        for (size_t k = i + 1; k < b; k++)
            y = y * 10 + (unsigned)(u[k] - '0');
        *w = x, *h = y;
    }
}

/* The words of img's alt text. */
static unsigned S_alt_words(const cd_dom *dom, cd_nid img)
{
    size_t al = 0;
    const char *alt = cd_dom_attr(dom, img, "alt", &al);
    unsigned words = 0;
    for (size_t i = 0; alt && i < al; i++)
        if (!cd_isspace((unsigned char)alt[i]) && (i == 0 || cd_isspace((unsigned char)alt[i - 1]))) words++;
    return words;
}

/* A picture served by a script (src "…/image.php?id=817785&type=full": no
 * file type, a query naming which picture, L3S b8a4c562) that says what it
 * shows: an alt of two words or more. The script's file name says it serves
 * pictures ("image", "img", "photo", "pic": image.php, getimage.ashx); an ad
 * server's or a counter's does not, nor an image server's path with no
 * script (".../is/image/acme/name?wid=668", a landing page's graphic,
 * wcxb-dev 4286). */
static int S_served_photo(const cd_dom *dom, cd_nid img, const char *u, size_t n)
{
    static const char *const exts[] = {".php", ".asp", ".aspx", ".ashx", ".cgi", ".jsp", NULL};
    const char *qm = memchr(u, '?', n);
    if (!qm || n > 4096) return 0;
    size_t path = (size_t)(qm - u), q, f = cd_url_last_segment(u, path, &q);
    const char *dot = memchr(u + f, '.', q - f);
    if (!dot) return 0;
    size_t el = (size_t)(u + q - dot), e = 0;
    while (exts[e] && !(strlen(exts[e]) == el && cd_eq_nocase(dot, el, exts[e])))
        e++;
    if (!exts[e]) return 0;
    static const char *const says[] = {"image", "img", "photo", "pic", NULL};
    int named = 0;
    for (size_t i = 0; says[i] && !named; i++)
        named = cd_contains_nocase(u + f, (size_t)(dot - u) - f, says[i]);
    if (!named) return 0;
    return S_alt_words(dom, img) >= 2;
}

/* A picture an image server names by a content hash, with no file type
 * ("http://upipics.upi.com/photo/upi/story/37e96f6668f67a2b9b225a0180b9e0fb/",
 * l3s upi-groban-christmas-record, round 15): no query, a last segment of
 * S_HASH_MIN hex digits or more, a folder named photo, image or pic (plural
 * too), and an alt of two words or more. */
#define S_HASH_MIN 16u
static int S_hash_photo(const cd_dom *dom, cd_nid img, const char *u, size_t n)
{
    if (n > 4096 || memchr(u, '?', n)) return 0;
    while (n && u[n - 1] == '/')
        n--;
    size_t q, f = cd_url_last_segment(u, n, &q);
    if (q - f < S_HASH_MIN) return 0;
    for (size_t i = f; i < q; i++)
        if (!cd_isdigit((unsigned char)u[i]) && !((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'f')) return 0;
    static const char *const says[] = {"/photo/", "/photos/", "/image/", "/images/", "/pic/", "/pics/", NULL};
    int named = 0;
    for (size_t i = 0; says[i] && !named; i++)
        named = cd_contains_nocase(u, f + 1, says[i]);
    if (!named) return 0;
    return S_alt_words(dom, img) >= 2;
}

/* Is img a menu column's picture: its parent showing more than
 * S_COLUMN_MIN bytes of text, over three quarters of it in links? A left
 * column of link lists ending in a sign-up box's graphic (<td
 * class=noprint>…<img 120x127><form>, L3S 3f642f89); a story's picture
 * sits alone, in a caption's box or in a paragraph of prose. */
#define S_COLUMN_MIN 300u
static int S_in_link_column(const cd_dom *dom, cd_nid img)
{
    cd_nid box = cd_dom_node(dom, img)->parent;
    if (!box || cd_dom_node(dom, box)->type != CD_NODE_ELEMENT) return 0;
    size_t all = 0, linked = 0;
    unsigned seen = 0;
    for (cd_nid k = cd_dom_node(dom, box)->first; k && seen < 4 * CD_NEWS_FIG_NODES; k = cd_dom_next(dom, k, box), seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT && (cd_tag_flags(n->tag) & CD_TF_SKIP)) {
            k = cd_dom_next_skip(dom, k, box);
            if (!k) break;
            n = cd_dom_node(dom, k);
        }
        if (n->type != CD_NODE_TEXT || cd_news_space_text(n)) continue;
        all += n->len;
        for (cd_nid a = n->parent; a && a != box; a = cd_dom_node(dom, a)->parent)
            if (cd_dom_is(dom, a, CD_TAG_A)) {
                linked += n->len;
                break;
            }
    }
    return all > S_COLUMN_MIN && 4 * linked > 3 * all;
}

/* Is img a link list's header drawn as a picture (<p><img
 * src=…/bt_mostread.jpg alt="Most Read"></p><ul id=latest><li><a>…, the
 * 'Most Read' box in the story's cell, L3S computerworldnz-becta-vista,
 * round 17)? The picture, alone in its block (it or one of its two nearest
 * ancestors showing no text), the block followed by a list (<ul>, <ol>)
 * whose text lies mostly in links: it stands in a heading's place. A
 * story's photo is followed by its caption or by prose. */
static int S_heads_link_list(const cd_dom *dom, cd_nid img)
{
    cd_nid a = img;
    for (unsigned up = 0; a && up < 3; up++) {
        if (up && S_has_text(dom, a)) return 0;
        cd_nid e = S_next_shown(dom, a);
        while (e && cd_dom_node(dom, e)->type == CD_NODE_ELEMENT && (cd_tag_flags(cd_dom_node(dom, e)->tag) & CD_TF_SKIP))
            e = S_next_shown(dom, e);
        if (e && cd_dom_node(dom, e)->type == CD_NODE_TEXT) return 0;
        if (e && (cd_dom_is(dom, e, CD_TAG_UL) || cd_dom_is(dom, e, CD_TAG_OL))) {
            size_t all = 0, linked = 0;
            unsigned seen = 0;
            for (cd_nid k = e; k && seen < 4 * CD_NEWS_FIG_NODES; k = cd_dom_next(dom, k, e), seen++) {
                const cd_node *n = cd_dom_node(dom, k);
                if (n->type != CD_NODE_TEXT || cd_news_space_text(n)) continue;
                all += n->len;
                for (cd_nid b = n->parent; b && b != e; b = cd_dom_node(dom, b)->parent)
                    if (cd_dom_is(dom, b, CD_TAG_A)) {
                        linked += n->len;
                        break;
                    }
            }
            return all > 0 && 4 * linked > 3 * all;
        }
        if (e) return 0;
        a = cd_dom_node(dom, a)->parent;
        if (!a || cd_dom_node(dom, a)->type != CD_NODE_ELEMENT || cd_dom_is(dom, a, CD_TAG_BODY)) return 0;
    }
    return 0;
}

int cd_news_pred_bare(cd_news_ctx *p, cd_nid id)
{
    if (!cd_dom_is(p->dom, id, CD_TAG_IMG) || !cd_news_pred_img(p, id) ||
        !cd_extract_node_visible(p->dom, id) || S_linked_away(p->dom, id, p->h1) || S_in_author_box(p, id))
        return 0;
    size_t l = 0;
    const char *src = cd_dom_attr(p->dom, id, "src", &l);
    if (!src || (!S_photo_file(src, l) && !S_served_photo(p->dom, id, src, l) && !S_hash_photo(p->dom, id, src, l)) ||
        S_in_link_column(p->dom, id) || S_heads_link_list(p->dom, id))
        return 0;
    unsigned w = S_attr_num(p->dom, id, "width"), h = S_attr_num(p->dom, id, "height");
    if (!w && !h && l <= 4096) S_name_size(src, l, &w, &h);
    /* A banner: much wider than high. */
    if (w && h && w > 3 * h) return 0;
    return (!w && !h) || w >= S_BARE_MIN || h >= S_BARE_MIN;
}

/* Does the subtree of id show text (not white space)? */
static int S_has_text(const cd_dom *dom, cd_nid id)
{
    unsigned seen = 0;
    for (cd_nid k = id; k && seen < CD_NEWS_FIG_NODES; k = cd_dom_next(dom, k, id), seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) return 1;
        if (n->type == CD_NODE_ELEMENT && (cd_tag_flags(n->tag) & CD_TF_SKIP)) {
            k = cd_dom_next_skip(dom, k, id);
            if (!k) break;
            seen++;
            n = cd_dom_node(dom, k);
            if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) return 1;
        }
    }
    return seen >= CD_NEWS_FIG_NODES;
}

/* The picture just before the story: among the few element siblings before
 * start and before its two nearest ancestors, the nearest one that is or
 * holds a picture with no text around it (a picture between the headline and
 * the body, in an old page's layout table). */
static cd_nid S_bare_before(cd_news_ctx *p, cd_nid start)
{
    const cd_dom *dom = p->dom;
    cd_nid a = start;
    for (unsigned up = 0; a && up < 3; up++, a = cd_dom_node(dom, a)->parent) {
        unsigned sibs = 0;
        for (cd_nid e = cd_dom_node(dom, a)->prev; e && sibs < 4; e = cd_dom_node(dom, e)->prev) {
            const cd_node *n = cd_dom_node(dom, e);
            if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) return CD_NONE;
            if (n->type != CD_NODE_ELEMENT) continue;
            if (n->tag == CD_TAG_BR) continue;
            sibs++;
            if (!cd_extract_node_visible(dom, e) || (cd_tag_flags(n->tag) & CD_TF_SKIP)) continue;
            if (n->tag == CD_TAG_NAV || n->tag == CD_TAG_HEADER || n->tag == CD_TAG_ASIDE ||
                (cd_tag_flags(n->tag) & CD_TF_HEADING))
                return CD_NONE;
            cd_nid img = cd_news_find(p, e, cd_news_pred_bare);
            if (img) return img;
        }
    }
    return CD_NONE;
}

static cd_nid S_bare_caption(cd_news_ctx *p, cd_nid img, unsigned max_up);

/* img when its caption block (S_bare_caption) lies inside box e and is a
 * short text that is not the headline; else CD_NONE. */
static cd_nid S_captioned_in(cd_news_ctx *p, cd_nid img, cd_nid e)
{
    cd_nid cap = S_bare_caption(p, img, 4u);
    if (!cap || !cd_news_inside(p->dom, cap, e)) return CD_NONE;
    cd_news_text t;
    cd_news_gather(p, cap, CD_NONE, 0, &t);
    size_t len;
    char *c = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &len);
    if (!c || (p->m->title && cd_meta_eq_nocase(c, len, p->m->title, strlen(p->m->title)))) return CD_NONE;
    return img;
}

/* The picture's box set right above the headline (<div class=topPhoto><img>
 * <p>An air boat searches …</p></div><h3>headline</h3>, ctvtoronto-fisherman):
 * the element just before the headline or before one of its two nearest
 * ancestors (nothing shown between), holding a bare picture with its
 * caption block, a caption that is not the headline. A masthead, a menu's
 * picture or a promotion has no caption there. */
static cd_nid S_bare_above(cd_news_ctx *p)
{
    const cd_dom *dom = p->dom;
    cd_nid a = p->h1;
    for (unsigned up = 0; a && up < 3; up++, a = cd_dom_node(dom, a)->parent) {
        cd_nid e = cd_dom_node(dom, a)->prev;
        while (e) {
            const cd_node *n = cd_dom_node(dom, e);
            if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) return CD_NONE;
            if (n->type == CD_NODE_ELEMENT && n->tag != CD_TAG_BR && !(cd_tag_flags(n->tag) & CD_TF_SKIP)) break;
            e = n->prev;
        }
        if (!e) continue;
        const cd_node *n = cd_dom_node(dom, e);
        if (!cd_extract_node_visible(dom, e) || n->tag == CD_TAG_NAV || n->tag == CD_TAG_HEADER ||
            n->tag == CD_TAG_ASIDE || (cd_tag_flags(n->tag) & CD_TF_HEADING))
            return CD_NONE;
        cd_nid img = cd_news_find(p, e, cd_news_pred_bare);
        if (!img) return CD_NONE;
        return S_captioned_in(p, img, e);
    }
    return CD_NONE;
}

/* The picture's box set between the headline and the story's first
 * paragraph of prose, in a box the extraction left out (<h1>, byline,
 * date, <div class=article-sidebar><div class=image-medium><img><p
 * class=photo-description>…</p></div></div>, then the body:
 * nydailynews-globes-strike, HELD_OUT13): from the headline on, before a
 * paragraph of S_PROSE_MIN bytes or more, the first bare picture
 * (cd_news_pred_bare: not linked away, big enough) with its caption block,
 * a caption that is not the headline. A teaser's picture is linked away or
 * captioned by a link; a picture with no caption is not taken. */
#define S_PROSE_MIN 120u

static cd_nid S_next_shown(const cd_dom *dom, cd_nid id);

/* Is heading h the story's byline set as a heading (<h1>headline</h1><h3>By
 * Staff reports - Updates today, …</h3>, then the photo's box: L3S
 * thestate-voters-polls-primary, round 17)? Its text, S_BYLINE_HEAD_MAX
 * bytes at most, opens with "By ". Not another story's heading. */
#define S_BYLINE_HEAD_MAX 120u
static int S_byline_heading(cd_news_ctx *p, cd_nid h)
{
    cd_news_text t;
    cd_news_gather(p, h, CD_NONE, 0, &t);
    const char *s = t.s;
    size_t n = t.n;
    cd_parts_trim(&s, &n);
    return !t.more && n > 3 && n <= S_BYLINE_HEAD_MAX && cd_parts_starts(s, n, "by ");
}

static cd_nid S_bare_below(cd_news_ctx *p)
{
    const cd_dom *dom = p->dom;
    unsigned seen = 0;
    for (cd_nid k = cd_dom_next_skip(dom, p->h1, cd_dom_root(dom)); k && seen < CD_NEWS_HEAD_NODES; seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT) {
            if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || n->tag == CD_TAG_NAV || n->tag == CD_TAG_FORM ||
                !cd_extract_node_visible(dom, k)) {
                k = cd_dom_next_skip(dom, k, cd_dom_root(dom));
                continue;
            }
            if ((cd_tag_flags(n->tag) & CD_TF_HEADING) && S_byline_heading(p, k)) {
                k = cd_dom_next_skip(dom, k, cd_dom_root(dom));
                continue;
            }
            if (cd_tag_flags(n->tag) & CD_TF_HEADING) return CD_NONE; /* another story's or a section's */
            if (n->tag == CD_TAG_IMG && cd_news_pred_bare(p, k)) {
                cd_nid cap = S_bare_caption(p, k, 4u);
                if (!cap) return CD_NONE;
                /* Lines running on after it ("<b>cast list</b><br>Tom
                 * Hanks<br>…" under a film's poster): a box's label. */
                cd_nid nx = S_next_shown(dom, cap);
                if (nx && cd_dom_node(dom, nx)->type == CD_NODE_TEXT) return CD_NONE;
                cd_news_text t;
                cd_news_gather(p, cap, CD_NONE, 0, &t);
                size_t len;
                char *c = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &len);
                if (!c || (p->m->title && cd_meta_eq_nocase(c, len, p->m->title, strlen(p->m->title))))
                    return CD_NONE;
                return k;
            }
        } else if (n->type == CD_NODE_TEXT && n->len >= S_PROSE_MIN && !cd_news_space_text(n)) {
            return CD_NONE; /* the body has begun */
        }
        k = cd_dom_next(dom, k, cd_dom_root(dom));
    }
    return CD_NONE;
}

static int S_is_img_pred(cd_news_ctx *p, cd_nid id)
{
    return S_is_img(p->dom, id);
}

/* The first thing column e shows: a picture (cd_news_pred_bare) opening it,
 * CD_NONE when text, a heading, a form, a menu or another picture (one linked
 * away, a banner) comes first. Icons and spacers (no cd_news_pred_img: a
 * control's button over the photo) are passed. */
static cd_nid S_column_opens(cd_news_ctx *p, cd_nid e)
{
    const cd_dom *dom = p->dom;
    unsigned seen = 0;
    for (cd_nid k = e; k && seen < CD_NEWS_FIG_NODES; seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) return CD_NONE;
        if (n->type == CD_NODE_ELEMENT) {
            if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k)) {
                if (k == e) return CD_NONE;
                k = cd_dom_next_skip(dom, k, e);
                continue;
            }
            if ((cd_tag_flags(n->tag) & CD_TF_HEADING) || n->tag == CD_TAG_FORM || n->tag == CD_TAG_NAV ||
                n->tag == CD_TAG_UL || n->tag == CD_TAG_OL || n->tag == CD_TAG_IFRAME)
                return CD_NONE;
            if (n->tag == CD_TAG_IMG) {
                if (cd_news_pred_bare(p, k)) return k;
                if (cd_news_pred_img(p, k)) return CD_NONE;
            }
        }
        k = cd_dom_next(dom, k, e);
    }
    return CD_NONE;
}

/* The story's picture in the column beside it (<div id=story_content><h1>…
 * the story…</div><div id=right_column><div id=photo_cap><img><p>James
 * Harden is the second …</p></div>…, l3s cstv-harden-pac10-week, round 15;
 * <div class=mC>…</div><div class=sC><div class=pics><img 180x180><div
 * class=newsCredits>(AFP)</div>, fifa-etoo-barca-murcia, round 16): on a
 * page that names no picture, the element right after the story's column
 * (the first content root or one of its S_BESIDE_UP nearest ancestors:
 * upi-groban-christmas-record's photo column is five levels up)
 * opening with a bare picture that has its caption block right under it.
 * A sidebar's promotion is linked away or opens with its heading; a
 * picture with no caption there is not taken. */
#define S_BESIDE_UP 6u
static cd_nid S_bare_beside(cd_news_ctx *p, cd_nid start)
{
    const cd_dom *dom = p->dom;
    cd_nid a = start;
    for (unsigned up = 0; a && up < S_BESIDE_UP; up++, a = cd_dom_node(dom, a)->parent) {
        const cd_node *an = cd_dom_node(dom, a);
        if (an->type != CD_NODE_ELEMENT || an->tag == CD_TAG_BODY || an->tag == CD_TAG_HTML) break;
        cd_nid e = an->next;
        while (e && cd_dom_node(dom, e)->type != CD_NODE_ELEMENT) {
            const cd_node *n = cd_dom_node(dom, e);
            if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) break;
            e = n->next;
        }
        /* Scripts and empty blocks (a clearing <div>, an ad's slot) between the columns. */
        for (unsigned skip = 0; e && skip < 4 && cd_dom_node(dom, e)->type == CD_NODE_ELEMENT; skip++) {
            const cd_node *n = cd_dom_node(dom, e);
            if (!(cd_tag_flags(n->tag) & CD_TF_SKIP) && n->tag != CD_TAG_BR &&
                (S_has_text(dom, e) || cd_news_find(p, e, S_is_img_pred)))
                break;
            e = S_next_shown(dom, e);
        }
        if (!e || cd_dom_node(dom, e)->type != CD_NODE_ELEMENT) continue;
        const cd_node *en = cd_dom_node(dom, e);
        if (en->tag == CD_TAG_NAV || en->tag == CD_TAG_HEADER || en->tag == CD_TAG_FOOTER ||
            (cd_tag_flags(en->tag) & CD_TF_SKIP))
            continue;
        cd_nid img = S_column_opens(p, e);
        if (!img) continue;
        return S_captioned_in(p, img, e);
    }
    return CD_NONE;
}

/* The picture opening the story's own box (<div class=article_body><div
 * class=photo><img alt="Gamez the man to catch"></div><h1>…</h1>, the date,
 * the author, then the story: l3s sportal-gamez-hope): one of the
 * S_OPENS_UP nearest ancestors of the headline that holds the story's first
 * content root too, whose first shown thing is a bare picture
 * (S_column_opens: no text, heading, menu or list before it; not linked
 * away, big enough), set before the headline. A box holding both the
 * headline and the story is the article's; what opens it is the story's
 * picture, captioned or not. The page's wrapper opens with the masthead's
 * linked logo or the menu's text, which S_column_opens refuses. */
#define S_OPENS_UP 4u

/* Is the way from picture img down to the headline head clear of the
 * site's furniture: no menu (<nav>, a form, a frame), no other picture big
 * enough to lead, and no run of links (more than S_MENU_BETWEEN letters and
 * digits, over three quarters of them in links: "Home | News | Sport")? A story's
 * picture sits right over its headline, or with a short line or two of its
 * own ("Video extract", l3s bbc 710140ea); a masthead's picture has the
 * site's menu between it and the headline. */
#define S_MENU_BETWEEN 20u
static int S_clear_down_to(cd_news_ctx *p, cd_nid img, cd_nid head)
{
    const cd_dom *dom = p->dom;
    unsigned seen = 0;
    size_t all = 0, linked = 0;
    cd_nid k = cd_dom_next_skip(dom, img, cd_dom_root(dom));
    for (; k && k != head && seen < CD_NEWS_FIG_NODES; seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) {
            size_t an = 0; /* letters and digits: a menu's " | " between links is not its text */
            for (uint32_t i = 0; i < n->len; i++)
                an += cd_isalnum((unsigned char)n->u.text[i]) || ((unsigned char)n->u.text[i] & 0x80);
            all += an;
            for (cd_nid a = n->parent; a; a = cd_dom_node(dom, a)->parent)
                if (cd_dom_is(dom, a, CD_TAG_A)) {
                    linked += an;
                    break;
                }
        }
        if (n->type == CD_NODE_ELEMENT) {
            if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k)) {
                k = cd_dom_next_skip(dom, k, cd_dom_root(dom));
                continue;
            }
            if (n->tag == CD_TAG_FORM || n->tag == CD_TAG_NAV || n->tag == CD_TAG_IFRAME || cd_news_pred_bare(p, k))
                return 0;
        }
        k = cd_dom_next(dom, k, cd_dom_root(dom));
    }
    return k == head && !(all > S_MENU_BETWEEN && 4 * linked > 3 * all);
}
static cd_nid S_box_opens(cd_news_ctx *p)
{
    const cd_dom *dom = p->dom;
    cd_nid a = cd_dom_node(dom, p->head)->parent;
    for (unsigned up = 0; a && up < S_OPENS_UP; up++, a = cd_dom_node(dom, a)->parent) {
        const cd_node *an = cd_dom_node(dom, a);
        if (an->type != CD_NODE_ELEMENT || an->tag == CD_TAG_BODY || an->tag == CD_TAG_HTML) break;
        if (!cd_news_inside(dom, p->x->roots[0], a)) continue;
        cd_nid img = S_column_opens(p, a);
        return img && img < p->head && S_clear_down_to(p, img, p->head) ? img : CD_NONE;
    }
    return CD_NONE;
}

/* Does one of the body's first blocks open with a wire's dateline, a place
 * and an agency in parentheses ("LONDON (Reuters) -", "CAIRO, Jan 11 (AFP)
 * -": l3s soccerway-egypt-mali, keyetv-baghdad-funeral, undated pages of
 * wire copy)? */
#define S_WIRE_BLOCKS 3u
static int S_wire_opened(cd_news_ctx *p)
{
    for (unsigned i = 0; i < p->nfirst && i < S_WIRE_BLOCKS; i++) {
        cd_news_text t;
        cd_news_gather(p, p->first[i], CD_NONE, 1, &t);
        cd_parts_dl d;
        const char *s = t.s;
        size_t n = t.n;
        cd_parts_trim(&s, &n);
        if (n && cd_parts_dateline(s, n, &d) && d.agency_end > d.agency_at &&
            cd_parts_is_agency(s + d.agency_at, d.agency_end - d.agency_at))
            return 1;
    }
    return 0;
}

/* The lead picture of a dated or signed page that names none (no og:image)
 * and marks no figure: the first picture of the body's opening (within the lead window),
 * else one set just before the body or just after the headline, else one
 * opening the column beside the story. */
cd_nid cd_news_bare_lead(cd_news_ctx *p)
{
    if (p->m->image_url) return CD_NONE;
    /* A story says who wrote it or when: a shop's, a service's or a forum's
     * page rarely does, and its first picture is a product or an icon. A
     * wire's story says it by its dateline ("CAIRO, Jan 11 (AFP) -"). */
    if (!p->story && !p->m->nauthors && !S_wire_opened(p)) return CD_NONE;
    if (p->lead_img) return p->lead_img;
    cd_nid img = p->x->nroots ? S_bare_before(p, p->x->roots[0]) : CD_NONE;
    if (!img && p->h1) img = S_bare_above(p);
    if (!img && p->h1) img = S_bare_below(p);
    if (!img && p->head) img = S_box_opens(p);
    if (!img && p->head) img = S_bare_beside(p, p->x->roots[0]);
    if (!img && p->head) img = S_bare_beside(p, p->head);
    return img;
}

#define S_BOX_CAPTION_MAX 300 /* bytes: a picture box's closing <p> longer than this is prose */

/* Skip white space, comments and <br> after id: the next node that shows something. */
static cd_nid S_next_shown(const cd_dom *dom, cd_nid id);

/* Does the subtree of id hold some text, and at most max bytes of it? */
static int S_short_text(const cd_dom *dom, cd_nid id, size_t max)
{
    size_t len = 0;
    unsigned seen = 0;
    for (cd_nid k = cd_dom_node(dom, id)->first; k && seen < CD_NEWS_FIG_NODES; k = cd_dom_next(dom, k, id), seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_TEXT && !cd_news_space_text(n) && (len += n->len) > max) return 0;
    }
    return len > 0 && seen < CD_NEWS_FIG_NODES;
}

/* Is e a <p> closing a picture's box that holds only a labelled photo credit
 * ("<div><img><p>Foxy Brown</p><p>Photo: Getty Images/ Bryan Bedder</p></div>",
 * l3s mtv-foxy-brown-release, round 15): the line under the caption's? */
static int S_box_credit_line(cd_news_ctx *p, cd_nid e)
{
    if (!e || !cd_dom_is(p->dom, e, CD_TAG_P) || S_next_shown(p->dom, e) ||
        !S_short_text(p->dom, e, CD_PARTS_PHOTO_LINE) || cd_news_find(p, e, S_pred_link))
        return 0;
    cd_news_text t;
    cd_news_gather(p, e, CD_NONE, 0, &t);
    size_t v;
    return !t.more && cd_parts_photo_line(t.s, t.n, 1, &v) && v > 0;
}

/* Is element e a caption's block: short text, not a link, a heading, a list
 * or a paragraph (a picture followed by a <p> leads the body's first
 * paragraph), and no picture of its own? */
static int S_bare_caption_el(cd_news_ctx *p, cd_nid e)
{
    const cd_node *n = cd_dom_node(p->dom, e);
    if (n->type != CD_NODE_ELEMENT || (cd_tag_flags(n->tag) & (CD_TF_HEADING | CD_TF_SKIP))) return 0;
    /* A <p> that ends the picture's box ("<div class=topPhoto><img><p>An
     * air boat searches …</p></div>"): the box's caption, not the body. */
    if (n->tag == CD_TAG_P && (!S_next_shown(p->dom, e) || S_box_credit_line(p, S_next_shown(p->dom, e))) &&
        S_short_text(p->dom, e, S_BOX_CAPTION_MAX) && cd_extract_node_visible(p->dom, e) &&
        !cd_news_find(p, e, cd_news_pred_img) && !cd_news_find(p, e, S_pred_link))
        return 1;
    switch (n->tag) {
    case CD_TAG_A: case CD_TAG_P: case CD_TAG_UL: case CD_TAG_OL: case CD_TAG_LI:
    case CD_TAG_BLOCKQUOTE: case CD_TAG_TABLE: case CD_TAG_FORM: case CD_TAG_NAV:
        return 0;
    default:
        break;
    }
    if (!cd_extract_node_visible(p->dom, e) || cd_news_find(p, e, cd_news_pred_img)) return 0;
    return !cd_news_find(p, e, S_pred_link);
}

/* Skip white space, comments and <br> after id: the next node that shows something. */
static cd_nid S_next_shown(const cd_dom *dom, cd_nid id)
{
    cd_nid e = cd_dom_node(dom, id)->next;
    while (e) {
        const cd_node *n = cd_dom_node(dom, e);
        if (n->type == CD_NODE_TEXT ? !cd_news_space_text(n)
                                    : n->type == CD_NODE_ELEMENT && n->tag != CD_TAG_BR)
            break;
        e = n->next;
    }
    return e;
}

/* Is e a picture viewer's control ("<div class=azcEnlargeUnder><a
 * href=javascript:;><strong>enlarge image</strong></a></div>" under the
 * picture, azcentral-winslet-reader): a block whose every text, 40 bytes at
 * most, lies in a link that goes nowhere (a script, "#" or no href)? */
static int S_viewer_control(const cd_dom *dom, cd_nid e)
{
    if (cd_dom_node(dom, e)->type != CD_NODE_ELEMENT) return 0;
    size_t len = 0;
    unsigned seen = 0, texts = 0;
    for (cd_nid k = cd_dom_node(dom, e)->first; k && seen < CD_NEWS_FIG_NODES; k = cd_dom_next(dom, k, e), seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_IMG) return 0;
        if (n->type != CD_NODE_TEXT || cd_news_space_text(n)) continue;
        if ((len += n->len) > 40) return 0;
        texts++;
        cd_nid a = n->parent;
        while (a && a != e && !cd_dom_is(dom, a, CD_TAG_A))
            a = cd_dom_node(dom, a)->parent;
        if (!a || a == e) return 0;
        size_t l = 0;
        const char *h = cd_dom_attr(dom, a, "href", &l);
        while (h && l && cd_isspace((unsigned char)*h))
            h++, l--;
        if (h && l && h[0] != '#' && !cd_url_is_script(h, l)) return 0;
    }
    return texts > 0 && seen < CD_NEWS_FIG_NODES;
}

/* Does picture img float (align=left or align=right): the text after it
 * runs beside it? */
int cd_news_img_floats(const cd_dom *dom, cd_nid img)
{
    size_t l = 0;
    const char *v = cd_dom_attr(dom, img, "align", &l);
    if (!v) return 0;
    cd_parts_trim(&v, &l);
    return cd_eq_nocase(v, l, "left") || cd_eq_nocase(v, l, "right");
}

/* The caption of a bare picture: the block of short text just after the
 * picture or after the wrappers that hold it and nothing else (<a><img></a>,
 * a layout table's cell and row), ending its line; CD_NONE when the picture
 * runs on into the body's text. */
static cd_nid S_bare_caption(cd_news_ctx *p, cd_nid img, unsigned max_up)
{
    const cd_dom *dom = p->dom;
    cd_nid top = img;
    for (unsigned up = 0; up < max_up; up++) {
        cd_nid a = cd_dom_node(dom, top)->parent;
        if (!a || cd_dom_node(dom, a)->type != CD_NODE_ELEMENT || S_has_text(dom, a)) break;
        if (cd_tag_flags(cd_dom_node(dom, a)->tag) & CD_TF_HEADING) break;
        top = a;
    }
    cd_nid e = S_next_shown(dom, top);
    /* An empty block between the picture and its caption (a badge's or an
     * overlay's <div>, pcworld-live-tv-streaming) shows nothing: passed. */
    for (unsigned skip = 0; e && skip < 2 && cd_dom_node(dom, e)->type == CD_NODE_ELEMENT &&
                            !S_has_text(dom, e) && !cd_news_find(p, e, cd_news_pred_img);
         skip++)
        e = S_next_shown(dom, e);
    /* A viewer's control closing the picture's box: the caption may follow
     * the box. */
    if (e && S_viewer_control(dom, e) && !S_next_shown(dom, e)) {
        cd_nid box = cd_dom_node(dom, e)->parent;
        e = box ? S_next_shown(dom, box) : CD_NONE;
    }
    if (!e || !S_bare_caption_el(p, e)) return CD_NONE;
    cd_nid after = S_next_shown(dom, e);
    /* A script after the caption (a photo browser's, fifa-etoo-barca-murcia)
     * shows nothing. */
    for (unsigned skip = 0; after && skip < 4 && cd_dom_node(dom, after)->type == CD_NODE_ELEMENT &&
                            (cd_tag_flags(cd_dom_node(dom, after)->tag) & CD_TF_SKIP);
         skip++)
        after = S_next_shown(dom, after);
    if (after) {
        const cd_node *n = cd_dom_node(dom, after);
        /* Text or an inline element running on: the picture sits inside a
         * paragraph. Beside a floated picture, even after a <br>: the lines
         * there are the story's opening, not a caption under it (<img
         * align=left><span>Press Trust of India</span><br><br>Monday, …
         * (Mumbai):<br><br>The rupee …, l3s ndtvprofit-rupee-3928). */
        if ((n->type == CD_NODE_TEXT || !(cd_tag_flags(n->tag) & CD_TF_BLOCK)) && cd_news_img_floats(dom, img))
            return CD_NONE;
        if (n->type == CD_NODE_TEXT || !(cd_tag_flags(n->tag) & CD_TF_BLOCK)) {
            cd_nid br = cd_dom_node(dom, e)->next;
            while (br && br != after && !cd_dom_is(dom, br, CD_TAG_BR))
                br = cd_dom_node(dom, br)->next;
            if (br == after) return CD_NONE;
        }
    }
    return e;
}

/* Is s[0, n) a photographer's name and an agency, every word capitalised
 * ("ELAINE THOMPSON Associated Press", "Jane Doe AFP")? */
static int S_name_and_agency(const char *s, size_t n)
{
    while (n && cd_isspace((unsigned char)s[n - 1]))
        n--;
    if (!n || n > CD_PARTS_PHOTO_LINE || memchr(s, '.', n)) return 0;
    for (size_t i = 0; i < n; i++) {
        if (i && s[i - 1] != ' ') continue;
        if (!(s[i] >= 'A' && s[i] <= 'Z')) return 0;
        if (i && cd_parts_is_agency(s + i, n - i)) return 1;
    }
    return 0;
}

static void S_bare_read(cd_news_ctx *p, cd_nid img, int og);

/* Read the bare lead picture img: its URL, and the caption and photo credit
 * after it (the credit leaves the text). */
void cd_news_bare_figure(cd_news_ctx *p, cd_nid img)
{
    /* The picture's box names its caption by class after the picture, a
     * credit block between them (<div id=mainImage><div class=image><a
     * href=…standalone.jpg><img></a></div><div class=imageByline>NAME/EMAIL
     * </div><div class=imageCaption>…</div></div>, L3S
     * thestate-voters-polls-primary, round 17, whose box the extraction left
     * out): read as that figure, as when the box lies in the story. */
    cd_nid a = cd_dom_node(p->dom, img)->parent;
    for (unsigned d = 0; a && d < 3; d++, a = cd_dom_node(p->dom, a)->parent) {
        if (cd_dom_node(p->dom, a)->type != CD_NODE_ELEMENT) break;
        cd_nid cap = cd_news_find(p, a, cd_news_is_caption_el);
        if (!cap || cap == a || cap < img) continue;
        if (cd_news_container(p, cap) == a && cd_news_find(p, a, cd_news_pred_img) == img) {
            cd_news_figure(p, a, 1);
            if (p->m->image_url) return;
        }
        break;
    }
    S_image_url(p, img);
    if (!p->m->image_url) return;
    S_bare_read(p, img, 0);
}

/* The picture that shows the page's og:image by the headline when no
 * figure is marked (<img> then <div><span>caption</span><span>Credit:
 * …</span></div>, mashable-macbook-deal): among the nodes after the h1, the
 * first picture whose file shares the og:image's key (S_img_key). */
cd_nid cd_news_og_picture(cd_news_ctx *p)
{
    return S_og_picture_before(p, CD_NONE);
}

/* cd_news_og_picture, the search ending at node stop (CD_NONE: none). */
static cd_nid S_og_picture_before(cd_news_ctx *p, cd_nid stop)
{
    const char *key = NULL;
    size_t kl = p->m->image_url ? S_img_key(p->m->image_url, &key) : 0;
    if (!kl || !p->h1) return CD_NONE;
    const cd_dom *dom = p->dom;
    unsigned seen = 0;
    for (cd_nid k = cd_dom_next_skip(dom, p->h1, cd_dom_root(dom)); k && k != stop && seen < CD_NEWS_HEAD_NODES;
         seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT &&
            ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k) || n->tag == CD_TAG_NAV ||
             n->tag == CD_TAG_ASIDE)) {
            k = cd_dom_next_skip(dom, k, cd_dom_root(dom));
            continue;
        }
        /* The key first (a few memchr), the picture's junk words only then. */
        if (S_is_img(dom, k) && S_fig_shows(p, k, key, kl) > 0 && cd_news_pred_img(p, k)) return k;
        k = cd_dom_next(dom, k, cd_dom_root(dom));
    }
    return CD_NONE;
}

/* Read the caption and photo credit after the og:image's picture img (the
 * image URL stays the og:image's). */
void cd_news_og_picture_read(cd_news_ctx *p, cd_nid img)
{
    S_bare_read(p, img, 1);
}

/* og: the picture is the og:image's, found by its file: its caption is the
 * block right after it or after the one wrapper that holds only it
 * (<picture>, a link), and reads as a phrase of three words or more or as a
 * credit line (a short label after a picture, "Blog", is a menu's). */
/* Does text s[0, n) open with the words of a[0, al), white space aside
 * (the end of the match in s, 0 when it does not)? */
static size_t S_opens_with(const char *s, size_t n, const char *a, size_t al)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < n && cd_isspace((unsigned char)s[i])) i++;
        while (j < al && cd_isspace((unsigned char)a[j])) j++;
        if (j == al) return i;
        if (i == n || s[i] != a[j]) return 0;
        for (; i < n && j < al && !cd_isspace((unsigned char)s[i]) && s[i] == a[j]; i++, j++) {}
        if (j < al && !cd_isspace((unsigned char)a[j])) return 0;
        if (i < n && !cd_isspace((unsigned char)s[i]) && j == al) return 0;
    }
}

/* The caption that repeats the picture's own alt or title text, shown right
 * after it as a text of the picture's box or a heading (<img alt="Khalil
 * Khatri (center) prayed …"> Khalil Khatri (center) prayed … (David
 * Kamerman/Globe Staff)</div>, L3S bostonglobe-bhutto-wayland; <img
 * alt="Intercontinental Mission: …"><h2>Intercontinental Mission: …</h2>,
 * planetrugby-bulls-jones): the text a reader sees under the picture says
 * what its alt says, so it is the caption, and a photo credit closing it
 * is the credit. Read when the picture's box gives no caption otherwise.
 * 1 when read. */
static int S_echo_read(cd_news_ctx *p, cd_nid img, cd_nid e);

static int S_alt_echo(cd_news_ctx *p, cd_nid img)
{
    const cd_dom *dom = p->dom;
    cd_nid e = S_next_shown(dom, img);
    if (!e) return 0;
    const cd_node *n = cd_dom_node(dom, e);
    if (n->type == CD_NODE_ELEMENT &&
        (!(cd_tag_flags(n->tag) & CD_TF_HEADING) || !cd_extract_node_visible(dom, e) || e == p->h1))
        return 0;
    return S_echo_read(p, img, e);
}

/* The caption repeating the picture's alt in the block under the picture's
 * box, past a viewer's controls and a source line (<tr><td><img alt="Tamiko
 * Davis scored … (Photo by Damon Tarver)"></td></tr><tr><td>…<a>View
 * larger</a> Courtesy: San Jose State Athletics<br><a></a><br><span>Tamiko
 * Davis scored … (Photo by Damon Tarver)</span></td></tr>, l3s
 * sjsu-white-basketball, HELD_OUT): the first element of the next block
 * whose text opens with the alt, before any other picture. 1 when read. */
#define S_ECHO_TEXTS 6u /* texts of the block tried */
static int S_alt_echo_below(cd_news_ctx *p, cd_nid img)
{
    const cd_dom *dom = p->dom;
    cd_nid top = img;
    for (unsigned up = 0; up < 4; up++) {
        cd_nid a = cd_dom_node(dom, top)->parent;
        if (!a || cd_dom_node(dom, a)->type != CD_NODE_ELEMENT || S_has_text(dom, a) ||
            (cd_tag_flags(cd_dom_node(dom, a)->tag) & CD_TF_HEADING))
            break;
        top = a;
    }
    cd_nid e = S_next_shown(dom, top);
    if (!e || cd_dom_node(dom, e)->type != CD_NODE_ELEMENT || !cd_extract_node_visible(dom, e)) return 0;
    unsigned seen = 0, texts = 0;
    for (cd_nid k = cd_dom_node(dom, e)->first; k && seen < CD_NEWS_FIG_NODES; seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT) {
            if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k)) {
                k = cd_dom_next_skip(dom, k, e);
                continue;
            }
            if (n->tag == CD_TAG_IMG && cd_news_pred_img(p, k)) return 0;
        } else if (n->type == CD_NODE_TEXT && !cd_news_space_text(n) && n->parent != e &&
                   !(cd_tag_flags(cd_dom_node(dom, n->parent)->tag) & CD_TF_HEADING) && /* a card's title */
                   ++texts <= S_ECHO_TEXTS && S_echo_read(p, img, n->parent)) {
            return 1;
        }
        k = cd_dom_next(dom, k, e);
    }
    return 0;
}

/* Read element (or text) e as the caption when its text opens with img's alt
 * or title; 1 when read. */
static int S_echo_read(cd_news_ctx *p, cd_nid img, cd_nid e)
{
    const cd_dom *dom = p->dom;
    static const char *const names[] = {"alt", "title", NULL};
    cd_news_text t;
    cd_news_gather(p, e, CD_NONE, 0, &t);
    if (t.more || t.n > CD_NEWS_BARE_CAPTION) return 0;
    for (size_t i = 0; names[i]; i++) {
        size_t al = 0;
        const char *a = cd_dom_attr(dom, img, names[i], &al);
        if (!a) continue;
        cd_parts_trim(&a, &al);
        if (al < 20 || cd_parts_words(a, al) < 4) continue;
        size_t end = S_opens_with(t.s, t.n, a, al);
        if (!end) continue;
        const char *caption = cd_news_clean(p, t.s, end), *credit = NULL;
        const char *r = t.s + end;
        size_t rl = t.n - end, v;
        cd_parts_trim(&r, &rl);
        if (rl) {
            /* The rest: only a photo credit ("(David Kamerman/Globe
             * Staff)"), else the text runs on and is no caption. */
            const char *ca = r;
            size_t cl = rl;
            if (cl > 2 && ca[0] == '(' && ca[cl - 1] == ')') ca++, cl -= 2;
            if (!(cd_parts_photo_line(ca, cl, 0, &v) || cd_parts_slash_names(ca, cl) || cd_parts_credit_only(ca, cl)))
                return 0;
            credit = cd_news_credit_value(p, ca, cl);
            if (cd_news_rendered(p, e)) cd_news_cut(p, &t, (uint32_t)end, t.n, CD_WHY_PHOTO_CREDIT);
        }
        /* The alt itself closed by the credit ("… Thursday night.  (Photo
         * by Damon Tarver)"): the caption without it. */
        size_t cs, vs, ve;
        if (!credit && caption && cd_parts_photo_trailing(caption, strlen(caption), &cs, &vs, &ve)) {
            credit = S_credit_clean(p, caption + vs, ve - vs);
            caption = cd_news_clean(p, caption, cd_parts_caption_end(caption, cs));
        }
        caption = S_bare_caption_final(caption);
        if (caption) p->m->image_caption = caption;
        if (credit) p->m->image_credit = credit;
        return caption || credit;
    }
    return 0;
}

/* The credit element right after the picture's box (Drupal's fields: <div
 * class="field--name-field-photo"><div class=field__item><img></div></div>
 * <div class="field--name-field-credit"><div class=field__label>Photo
 * Credit</div><div class=field__item>Travnikov/Shutterstock</div></div>,
 * wcxb-dev 0214, almanac-vegetable-gardening, round 11): the element after
 * the picture or after one of its S_CREDIT_UP wrappers that show nothing
 * else, classed photo credit (S_pred_credit), short, holding no link: its
 * text after the label is the credit. 1 when read. */
#define S_CREDIT_UP 3u
static int S_credit_after_box(cd_news_ctx *p, cd_nid img)
{
    const cd_dom *dom = p->dom;
    cd_nid top = img;
    for (unsigned up = 0; up < S_CREDIT_UP; up++) {
        cd_nid a = cd_dom_node(dom, top)->parent;
        if (!a || cd_dom_node(dom, a)->type != CD_NODE_ELEMENT || S_has_text(dom, a)) break;
        top = a;
    }
    cd_nid e = S_next_shown(dom, top);
    if (!e || cd_dom_node(dom, e)->type != CD_NODE_ELEMENT || !cd_extract_node_visible(dom, e) ||
        !S_pred_credit(p, e) || cd_news_find(p, e, S_pred_link) || cd_news_find(p, e, cd_news_pred_img))
        return 0;
    cd_news_text t;
    cd_news_gather(p, e, CD_NONE, 0, &t);
    if (t.more || !t.n || t.n > CD_PARTS_PHOTO_LINE) return 0;
    const char *c = S_credit_lines(p, &t, 0, t.n, 1);
    if (!c || !*c) return 0;
    p->m->image_credit = c;
    cd_extract_drop_as(p->x, e, CD_WHY_PHOTO_CREDIT);
    return 1;
}

static void S_bare_read(cd_news_ctx *p, cd_nid img, int og)
{
    cd_nid cap = S_bare_caption(p, img, og ? 1u : 4u);
    if (!cap && !og) {
        if (!S_alt_echo(p, img) && !S_alt_echo_below(p, img)) S_credit_after_box(p, img);
        return;
    }
    if (!cap) {
        S_credit_after_box(p, img);
        return;
    }
    /* A block of paragraphs after the og:image's picture is the story's
     * opening (div.large-intro-paragraph, wcxb 0184), unless the markup
     * names it a caption (div.post-image-caption > p.caption). */
    if (og && !cd_news_is_caption_el(p, cap) && cd_news_find(p, cap, S_pred_para) &&
        !cd_news_find(p, cap, cd_news_is_caption_el))
        return;
    cd_nid tail = S_tail_credit(p, cap);
    if (!tail) tail = S_lead_credit(p, cap);
    if (tail && !cd_news_find(p, cap, S_pred_byline)) {
        const char *caption = NULL, *credit = NULL;
        S_tail_read(p, cap, tail, &caption, &credit);
        caption = S_bare_caption_final(caption);
        if (caption && cd_parts_not_deck(caption, strlen(caption))) caption = NULL;
        if (caption) p->m->image_caption = caption;
        if (credit) p->m->image_credit = credit;
        return;
    }
    cd_news_text t;
    cd_news_gather(p, cap, CD_NONE, 0, &t);
    t.n = S_caption_controls(t.s, t.n);
    /* Only a wire's name in parentheses ("(AP)" under an inset picture:
     * showbuzz-image-awards-ap): the picture's credit. */
    size_t wl = t.n;
    const char *wa = t.s;
    cd_parts_trim(&wa, &wl);
    int wire_only = wa > t.s && wa[-1] == '(' && cd_parts_is_agency(wa, wl);
    if (t.more || t.n > CD_NEWS_BARE_CAPTION || (!cd_parts_words(t.s, t.n) && !wire_only)) return;
    /* The headline set beside the picture (<td><img 140x105></td><td><b>
     * headline</b>…, L3S abfad90a), alone or with the date line under it:
     * the story's title, no caption. */
    if (p->m->title) {
        size_t hl, tl = strlen(p->m->title);
        char *h = cd_meta_clean(p->arena, t.s, t.n, &hl);
        if (h && tl && (cd_meta_eq_nocase(h, hl, p->m->title, tl) || S_opens_with(h, hl, p->m->title, tl))) return;
    }
    /* A byline or a date line under a picture at the head of the story, or a
     * row of links' labels ("Video | Photos"), is no caption; a photo credit
     * line is read below, though "Photo" opens it as it opens a gallery's
     * label (<img><span class=photo-credit>Photo Credit: NAME / Getty
     * Images</span> beside the headline, wcxb-dev 0333). */
    size_t pv;
    int photo = cd_parts_photo_line(t.s, t.n, 0, &pv);
    if (!photo && cd_parts_not_deck(t.s, t.n)) return;
    /* Nor is the byline box under it (a source label, then "By NAME" in a
     * byline element); a labelled photo credit closing the picture's box
     * after it is the picture's all the same (<p class=byline>Foxy
     * Brown</p><p class=byline>Photo: Getty Images/ Bryan Bedder</p>, l3s
     * mtv-foxy-brown-release: a site's class for small print). */
    if (cd_news_find(p, cap, S_pred_byline)) {
        cd_nid cl = S_next_shown(p->dom, cap);
        if (cl && S_box_credit_line(p, cl)) {
            /* The line saying what the picture's alt says, with a photo
             * agency's credit under it: the caption (a writer's photo in an
             * author box carries no agency's credit). */
            size_t al = 0, hl;
            const char *alt = cd_dom_attr(p->dom, img, "alt", &al);
            if (alt) cd_parts_trim(&alt, &al);
            char *h = cd_meta_clean(p->arena, t.s, t.n, &hl);
            if (alt && h && hl && cd_meta_eq_nocase(h, hl, alt, al)) p->m->image_caption = S_bare_caption_final(h);
            cd_news_gather(p, cl, CD_NONE, 0, &t);
            p->m->image_credit = cd_news_credit_value(p, t.s, t.n);
            cd_extract_drop_as(p->x, cl, CD_WHY_PHOTO_CREDIT);
        }
        return;
    }
    size_t vv, c0, c1, c2;
    /* A row of links' labels is cut by bars; a caption closed by its credit
     * after one is not ("… for 2026. | Photo by Lisa Jennings",
     * restaurantbusiness-paris-baguette). */
    int trailing = cd_parts_photo_trailing(t.s, t.n, &c0, &c1, &c2);
    for (uint32_t i = 0; i + 3 <= t.n && !trailing; i++)
        if (memcmp(t.s + i, " | ", 3) == 0) return;
    if (og && cd_parts_words(t.s, t.n) < 3 && !cd_parts_photo_line(t.s, t.n, 0, &vv) &&
        !cd_parts_photo_trailing(t.s, t.n, &c0, &c1, &c2) && !wire_only)
        return;
    const char *caption = NULL, *credit = NULL;
    size_t cs, vs, ve, v;
    int credit_only = 0;
    /* A credit line in parentheses ("(All photos: Atlas staff)"). */
    const char *pa = t.s;
    size_t pl = t.n;
    for (;;) { /* white space and no-break spaces closing it */
        if (pl && cd_isspace((unsigned char)pa[pl - 1]))
            pl--;
        else if (pl >= 2 && (unsigned char)pa[pl - 2] == 0xC2 && (unsigned char)pa[pl - 1] == 0xA0)
            pl -= 2;
        else
            break;
    }
    cd_parts_trim(&pa, &pl);
    int paren = pa > t.s && pa[-1] == '(' && (cd_parts_photo_line(pa, pl, 0, &v) || wire_only);
    if (paren) {
        credit = cd_news_credit_value(p, pa, pl);
        cd_extract_drop_as(p->x, cap, CD_WHY_PHOTO_CREDIT);
        credit_only = 1;
    } else if (S_name_and_agency(t.s, t.n)) {
        /* "ELAINE THOMPSON Associated Press": only the credit. */
        credit = cd_news_credit_value(p, t.s, t.n);
        cd_extract_drop_as(p->x, cap, CD_WHY_PHOTO_CREDIT);
        credit_only = 1;
    } else if (cd_parts_photo_line(t.s, t.n, 0, &v)) {
        credit = cd_news_credit_value(p, t.s, t.n);
        cd_extract_drop_as(p->x, cap, CD_WHY_PHOTO_CREDIT);
        credit_only = 1;
    } else if (cd_parts_photo_trailing(t.s, t.n, &cs, &vs, &ve)) {
        credit = S_credit_clean(p, t.s + vs, ve - vs);
        size_t ce = cd_parts_caption_end(t.s, cs);
        caption = cd_news_clean(p, t.s, ce);
        if (cd_news_rendered(p, cap)) cd_news_cut(p, &t, (uint32_t)ce, t.n, CD_WHY_PHOTO_CREDIT);
    } else {
        caption = cd_news_clean(p, t.s, t.n);
    }
    /* The caption's next line only names an agency ("associated press 2007"):
     * the photo credit. */
    cd_nid nx = credit ? CD_NONE : S_next_shown(p->dom, cap);
    if (nx && S_bare_caption_el(p, nx)) {
        cd_news_gather(p, nx, CD_NONE, 0, &t);
        size_t l = t.n, d;
        while (l && cd_isspace((unsigned char)t.s[l - 1]))
            l--;
        for (d = 0; d < 4 && l && cd_isdigit((unsigned char)t.s[l - 1]); d++)
            l--;
        /* Or the credit in parentheses, or after a label, on a line of its
         * own ("<em>caption</em><br><em>(Richard Lam/Canadian Press)</em>",
         * L3S ab95a5dd). */
        const char *ca = t.s;
        size_t cl = t.n, cv;
        cd_parts_trim(&ca, &cl);
        int own = !t.more && cl && ca > t.s && ca[-1] == '(' &&
                  (cd_parts_photo_line(ca, cl, 0, &cv) || cd_parts_credit_only(ca, cl) || cd_parts_slash_names(ca, cl));
        if (!t.more && !own) own = cd_parts_photo_line(t.s, t.n, 1, &cv);
        if (own || (!t.more && l && (d == 0 || d == 4) && cd_parts_is_agency(t.s, l))) {
            credit = cd_news_credit_value(p, t.s, t.n);
            cd_extract_drop_as(p->x, nx, CD_WHY_PHOTO_CREDIT);
        }
    }
    /* The credit line first, the caption under it ("<div class=credit>ELAINE
     * THOMPSON Associated Press</div><div class=cutline>Seattle quarterback
     * …</div>"). */
    nx = credit_only ? S_next_shown(p->dom, cap) : CD_NONE;
    /* The credit closing the picture's box, the caption under the box
     * (<div><img><div class=photo_credit>Illustration by …</div></div><div>The
     * first mythology …</div>, utne-nature-as-god). */
    cd_nid box = credit_only ? cd_dom_node(p->dom, cap)->parent : CD_NONE;
    for (unsigned up = 0; !nx && box && up < 2 && cd_news_inside(p->dom, img, box);
         up++, box = cd_dom_node(p->dom, box)->parent) {
        nx = S_next_shown(p->dom, box);
        /* Not the body's paragraphs after the picture's box (a "(All photos:
         * …)" note closing it, news-photo-credit-in-parentheses-split). */
        if (nx && cd_news_find(p, nx, S_pred_para)) nx = CD_NONE;
        if (nx) break;
    }
    if (nx && S_bare_caption_el(p, nx)) {
        cd_news_gather(p, nx, CD_NONE, 0, &t);
        if (!t.more && t.n <= CD_NEWS_BARE_CAPTION && cd_parts_words(t.s, t.n) >= 3 &&
            !cd_parts_not_deck(t.s, t.n) && !cd_parts_photo_line(t.s, t.n, 0, &v))
            caption = cd_news_clean(p, t.s, t.n);
    }
    caption = S_bare_caption_final(caption);
    if (caption) p->m->image_caption = caption;
    if (credit) p->m->image_credit = credit;
}

/* ---- the lead picture's own attributes ----------------------------------- */

/* The value of the first of names on img that is set, trimmed (NULL when none). */
static const char *S_attr_any(const cd_dom *dom, cd_nid img, const char *const *names, size_t *l)
{
    for (size_t i = 0; names[i]; i++) {
        const char *v = cd_dom_attr(dom, img, names[i], l);
        if (!v) continue;
        cd_parts_trim(&v, l);
        if (*l) return v;
    }
    return NULL;
}

/* Does s read as a caption: a sentence of six words or more, two of them in
 * lower case (not a product's or a file's name: "Organic Sunflower Seeds",
 * "barefoot_sandals_1.jpg"), no URL? */
static int S_sentence_like(const char *s, size_t n)
{
    if (n > 600 || cd_contains_nocase(s, n, "http") || cd_contains_nocase(s, n, ".jpg") ||
        cd_contains_nocase(s, n, ".png"))
        return 0;
    unsigned words = 0, lower = 0;
    const char *w;
    for (size_t at = 0, l; (l = cd_next_word(s, n, &at, &w)) != 0;) {
        words++;
        lower += w[0] >= 'a' && w[0] <= 'z';
    }
    return words >= 6 && lower >= 2;
}

/* The page's picture (the <img> showing image.url) naming its caption and
 * credit in attributes of its own ("<img caption="…" credit="Gareth
 * Cattermole/Getty Images for BFI">", Newsweek: news spec newsweek-best-film-2025;
 * the page's script shows them behind a caption toggle): they fill what the
 * figure markup left empty. A caption only when it reads as a sentence; a
 * credit only when short and no sentence. */
void cd_news_img_attrs(cd_news_ctx *p)
{
    /* Not WordPress's data-image-caption: the attachment's caption in HTML,
     * mostly not shown (wcxb-dev 0289, 0305). */
    static const char *const cap_names[] = {"caption", "data-caption", NULL};
    static const char *const cred_names[] = {"credit", "data-credit", "data-image-credit", "data-photo-credit", NULL};
    cd_meta *m = p->m;
    if (!m->image_url || (m->image_caption && m->image_credit)) return;
    const char *key = NULL;
    size_t kl = S_img_key(m->image_url, &key);
    if (!kl) return;
    const cd_dom *dom = p->dom;
    cd_nid top = cd_dom_root(dom);
    const char *const *attrs = cd_list_img_url_attrs;
    for (cd_nid k = top; k; k = cd_dom_next(dom, k, top)) {
        if (!S_is_img(dom, k)) continue;
        int shows = 0;
        for (size_t i = 0; attrs[i] && !shows; i++) {
            size_t l = 0;
            const char *v = cd_dom_attr(dom, k, attrs[i], &l);
            shows = v && l <= 8192 && S_has_key(v, l, key, kl);
        }
        if (!shows) continue;
        size_t cl = 0, rl = 0;
        const char *cap = S_attr_any(dom, k, cap_names, &cl);
        const char *cred = S_attr_any(dom, k, cred_names, &rl);
        if (!cap && !cred) continue;
        if (cap && !m->image_caption && !memchr(cap, '<', cl) && S_sentence_like(cap, cl)) {
            /* "… black cod. (Ellen M. Banner / The Seattle Times)": the
             * credit closing it is the credit (Readability seattletimes-1). */
            size_t cs, vs, ve;
            if (cd_parts_photo_trailing(cap, cl, &cs, &vs, &ve)) {
                if (!m->image_credit) m->image_credit = S_credit_clean(p, cap + vs, ve - vs);
                cl = cd_parts_caption_end(cap, cs);
            }
            m->image_caption = cd_news_clean(p, cap, cl);
            if (!m->image_source) m->image_source = "visible";
        }
        if (cred && !m->image_credit && rl <= 100 && cd_parts_words(cred, rl) <= 10 &&
            !cd_contains_nocase(cred, rl, "http")) {
            m->image_credit = cd_news_credit_value(p, cred, rl);
            /* A shown caption closed by that credit in parentheses ("Glass
             * cloche terrariums (Lucy Akins)", data-credit="Lucy Akins":
             * Readability ehow-1) is the caption without it. */
            const char *c = m->image_caption, *r = m->image_credit;
            size_t n = c ? strlen(c) : 0, rn = r ? strlen(r) : 0;
            if (rn && n > rn + 3 && c[n - 1] == ')' && c[n - rn - 2] == '(' &&
                cd_meta_eq_nocase(c + n - rn - 1, rn, r, rn))
                m->image_caption = cd_news_clean(p, c, n - rn - 2);
        }
        return;
    }
}

/* The lead figure (fig, maybe none) gave neither caption nor credit: another
 * <figure> of the page showing the same picture (its URL key, as
 * cd_news_lead matches og:image) gives them (Education Week: the header's
 * figure has the picture alone, the story's figure the same picture with its
 * figcaption "iStock/Getty": news spec edweek-tutoring-effects). A figure of
 * another picture (a gallery's, a sidebar's) never does. */
void cd_news_same_picture(cd_news_ctx *p, cd_nid fig)
{
    cd_meta *m = p->m;
    if (!m->image_url || m->image_caption || m->image_credit) return;
    const char *key = NULL;
    size_t kl = S_img_key(m->image_url, &key);
    if (!kl) return;
    const cd_dom *dom = p->dom;
    cd_nid top = cd_dom_root(dom);
    unsigned figs = 0;
    for (cd_nid k = top; k && figs < 64; k = cd_dom_next(dom, k, top)) {
        if (!cd_dom_is(dom, k, CD_TAG_FIGURE)) continue;
        figs++;
        if (k == fig || (fig && (cd_news_inside(dom, k, fig) || cd_news_inside(dom, fig, k)))) continue;
        if (!cd_extract_node_visible(dom, k) || S_fig_shows(p, k, key, kl) <= 0) continue;
        cd_news_figure(p, k, 1);
        if (m->image_caption || m->image_credit) return;
    }
}
