/* extract: find the article region and mark the chrome inside it.
 *
 * The method is Mozilla Readability's (paragraph scores propagated to the
 * containers above them, link-density damping, sibling merging, conditional
 * cleaning), rebuilt over copydesk's index tree so that every pass is a flat
 * loop over node ids — ids are in document (pre-)order, so a parent always
 * has a smaller id than its children: increasing ids walk top-down, decreasing
 * ids bottom-up, and nothing recurses on a depth the page controls.
 *
 * Passes:
 *   1. visibility and chrome: hidden elements and elements that are chrome by
 *      tag (nav, aside, footer, header, form …), ARIA role or class/id words
 *      (hints.c) are dropped — unless dropping would take most of the page's
 *      prose with it (wrappers named "page has-sidebar" exist);
 *   2. statistics, bottom-up: visible characters, link characters, commas,
 *      inline "flow" text per block, counts of paragraphs, images, list items,
 *      inputs and embeds;
 *   3. scoring: every block with at least CD_MIN_PARA characters of its own
 *      text scores 1 + commas + min(chars / 100, 3) and gives it to its
 *      ancestors (full to the parent, half to the grandparent, then
 *      score / (level * 3)); a container's score is damped by its link density;
 *   4. choice: the best container, moved up while its ancestors keep most of
 *      the score, plus the siblings that score nearly as well (the article
 *      body is often split over sibling containers);
 *   5. the decision (decide.c): one article (perhaps the story under its
 *      dated headline the container missed), or a page of many parts read
 *      broadly; on an article page the lists, threads and template lines
 *      the detectors (comments.c, teaser.c) marked go (drops.c);
 *   6. cleaning inside the chosen region: lists, tables and containers that look
 *      like chrome by their numbers (Readability's _cleanConditionally) and
 *      short blocks of stock chrome phrases (boiler.c, stock.c), the site's
 *      furniture (src/site), the headline and lead; a section front
 *      (decide.c) keeps nothing.
 *
 * Passes 1-4 (and 5's broadening) make one reading (S_read); a page is read
 * again with its comments, or with only chrome by tag removed, when a reading
 * finds less than a sentence. */
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include "../util/classword.h"
#include "../util/limits.h"
#include "../util/ctype.h"
#include "../util/utf8.h"
#include "article.h"
#include "boiler.h"
#include "comments.h"
#include "decide.h"
#include "drops.h"
#include "stock.h"
#include "extract.h"
#include "furniture.h"
#include "hints.h"
#include "teaser.h"
#include "xstat.h"
#include "wordlists.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define S_SSE2 1
#endif

/* In a -DCD_EXTRACT_DEBUG build, CD_DEBUG=1 prints the chosen roots and
 * CD_WHY=1 every dropped subtree; the article decision's knobs (decide.c) can
 * be overridden from the environment (CD_SHARE=0.6 …). */
/* Why a node was dropped (cd_extract.why, shown by --explain; CD_WHY=1 in
 * debug builds dumps every dropped subtree). */
#define S_WHY(id, c) ((void)(st[id].why = (uint8_t)(c)))

#ifdef CD_EXTRACT_DEBUG
static float S_param(const char *name, float def)
{
    const char *v = getenv(name);
    return v ? (float)atof(v) : def;
}
#else
#define S_param(name, def) (def)
#endif

#define CD_DEAD_CLEANED 2 /* st->dead value for nodes removed by S_clean (can be undone) */

typedef cd_xstat S_stat;

void cd_extract_init(cd_extract *x, const cd_mem *mem)
{
    memset(x, 0, sizeof *x);
    x->mem = mem;
}

void cd_extract_free(cd_extract *x)
{
    if (x->mark)
        x->mem->free(x->mark);
    if (x->why)
        x->mem->free(x->why);
    x->why = NULL;
    if (x->scratch)
        x->mem->free(x->scratch);
    if (x->hint_memo)
        x->mem->free(x->hint_memo);
    x->hint_memo = NULL;
    x->hint_memo_cap = 0;
    if (x->kept)
        x->mem->free(x->kept);
    x->kept = NULL;
    x->kept_cap = 0;
    cd_site_marks_free(&x->site, x->mem);
    x->mark = NULL;
    x->scratch = NULL;
    x->mark_cap = 0;
    x->scratch_cap = 0;
}

static int S_is_block(uint16_t tag)
{
    return cd_x_is_block(tag);
}

/* Is b a lead byte of U+FF0C fullwidth comma or U+3001 ideographic comma at
 * s[i] (three bytes, all within s[0..n))? */
static int S_wide_comma(const char *s, uint32_t n, uint32_t i)
{
    unsigned char b = (unsigned char)s[i];
    return i + 2 < n && ((b == 0xEF && (unsigned char)s[i + 1] == 0xBC && (unsigned char)s[i + 2] == 0x8C) ||
                         (b == 0xE3 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x81));
}

/* Count visible characters and commas of a text node: a character is a byte
 * that is neither ASCII white space nor a UTF-8 continuation byte. */
static void S_count_text(const char *s, uint32_t n, uint32_t *chars, uint32_t *commas)
{
    uint32_t c = 0, k = 0, i = 0;
#ifdef S_SSE2
    /* Sixteen bytes at a time (the same count as the byte loop below). */
    const __m128i cont_end = _mm_set1_epi8((char)0xC0), nine = _mm_set1_epi8(9), four = _mm_set1_epi8(4);
    const __m128i space = _mm_set1_epi8(' '), comma = _mm_set1_epi8(',');
    const __m128i ef = _mm_set1_epi8((char)0xEF), e3 = _mm_set1_epi8((char)0xE3);
    /* The bytes that are no character and the commas are counted per lane
     * (a matching lane is -1: subtracting it adds one) and the lanes summed
     * every 255 rounds and at the end (no popcount: x86-64's baseline has
     * none, and __builtin_popcount became a libgcc call per round). */
    const __m128i zero = _mm_setzero_si128();
    __m128i lane_no = zero, lane_k = zero;
    uint32_t rounds = 0, nos = 0, blocks = 0;
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i cont = _mm_cmplt_epi8(v, cont_end); /* 0x80..0xBF are the signed bytes below 0xC0 */
        __m128i t = _mm_sub_epi8(v, nine);          /* \t..\r: 0..4 after the subtraction */
        __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(t, four), t);
        __m128i no = _mm_or_si128(_mm_or_si128(cont, ctl), _mm_cmpeq_epi8(v, space));
        lane_no = _mm_sub_epi8(lane_no, no);
        lane_k = _mm_sub_epi8(lane_k, _mm_cmpeq_epi8(v, comma));
        blocks++;
        if (++rounds == 255) {
            __m128i a = _mm_sad_epu8(lane_no, zero), b = _mm_sad_epu8(lane_k, zero);
            nos += (uint32_t)_mm_cvtsi128_si32(a) + (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(a, 8));
            k += (uint32_t)_mm_cvtsi128_si32(b) + (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(b, 8));
            lane_no = lane_k = zero;
            rounds = 0;
        }
        unsigned wide = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, ef), _mm_cmpeq_epi8(v, e3)));
        while (wide) {
            k += (uint32_t)S_wide_comma(s, n, i + (uint32_t)__builtin_ctz(wide));
            wide &= wide - 1;
        }
    }
    if (blocks) {
        __m128i a = _mm_sad_epu8(lane_no, zero), b = _mm_sad_epu8(lane_k, zero);
        nos += (uint32_t)_mm_cvtsi128_si32(a) + (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(a, 8));
        k += (uint32_t)_mm_cvtsi128_si32(b) + (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(b, 8));
        c += 16u * blocks - nos;
    }
#endif
    for (; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            if (!cd_isspace(b))
                c++;
            if (b == ',')
                k++;
        } else if ((b & 0xC0) != 0x80) {
            c++;
            k += (uint32_t)S_wide_comma(s, n, i);
        }
    }
    *chars = c;
    *commas = k;
}

/* Pass 2: bottom-up statistics over the nodes that are not dead. */
/* S_stats clears the prefix of S_stat before dead: the fields from dead on
 * are these eight (a field added after them must be handled there). */
/* S_stats sums the counts sixteen bytes at a time: their order. */
_Static_assert(offsetof(S_stat, chars) == 0 && offsetof(S_stat, link) == 4 && offsetof(S_stat, flow) == 8 &&
                   offsetof(S_stat, commas) == 12 && offsetof(S_stat, fcommas) == 16 && offsetof(S_stat, head) == 20 &&
                   offsetof(S_stat, site) == 24 && offsetof(S_stat, sflow) == 28 && offsetof(S_stat, n_p) == 32 &&
                   offsetof(S_stat, n_img) == 34 && offsetof(S_stat, n_li) == 36 && offsetof(S_stat, n_input) == 38 &&
                   offsetof(S_stat, n_embed) == 40 && offsetof(S_stat, n_block) == 42 && offsetof(S_stat, n_a) == 44 &&
                   offsetof(S_stat, n_frag) == 46 && offsetof(S_stat, score) == 48,
               "the counts of S_stat");
_Static_assert(offsetof(S_stat, cand) == offsetof(S_stat, dead) + 1 && offsetof(S_stat, hints) == offsetof(S_stat, dead) + 2 &&
                   offsetof(S_stat, sect) == offsetof(S_stat, dead) + 4 && offsetof(S_stat, kind) == offsetof(S_stat, dead) + 5 &&
                   offsetof(S_stat, mark) == offsetof(S_stat, dead) + 6 && offsetof(S_stat, why) == offsetof(S_stat, dead) + 8 &&
                   offsetof(S_stat, stamp) == offsetof(S_stat, dead) + 9 &&
                   offsetof(S_stat, counted) == offsetof(S_stat, dead) + 10 && sizeof(S_stat) <= offsetof(S_stat, dead) + 12,
               "the fields of S_stat after dead");

static void S_stats(const cd_dom *dom, S_stat *st, const uint8_t *sc)
{
    uint32_t count = dom->count;
    /* Every count goes back to 0; dead, cand, hints, sect, kind, why and
     * counted stay, and a counted text node's chars and commas. The counts
     * are the fields before dead: one clear of that prefix. */
    for (uint32_t id = 1; id < count; id++) {
        S_stat *s = &st[id];
        uint32_t chars = 0, commas = 0;
        if (s->counted) { /* a text node's counts stay what they were */
            chars = s->chars;
            commas = s->commas;
        }
        memset(s, 0, offsetof(S_stat, dead));
        s->chars = chars;
        s->commas = commas;
        s->mark = 0;
        s->stamp = 0;
    }
    for (uint32_t id = count - 1; id >= 2; id--) {
        S_stat *s = &st[id];
        if (s->dead)
            continue;
        const cd_node *n = cd_dom_node(dom, id);
        S_stat *p = &st[n->parent];
        if (n->type == CD_NODE_TEXT) {
            if (!s->counted) { /* counted once a reading (S_reset clears it) */
                S_count_text(n->u.text, n->len, &s->chars, &s->commas);
                s->counted = 1;
            }
            uint32_t c = s->chars, k = s->commas;
            if (sc && sc[id]) {
                s->site = c;
                p->site += c;
                p->sflow += c;
            }
            p->chars += c;
            p->commas += k;
            p->flow += c;
            p->fcommas += k;
            continue;
        }
        uint16_t tag = n->tag;
        if (tag == CD_TAG_A)
            s->link = s->chars;
        if (cd_tag_flags(tag) & CD_TF_HEADING)
            s->head = s->chars;
        int block = S_is_block(tag);
#ifdef S_SSE2
        {
            /* The counts summed into the parent, sixteen bytes at a time:
             * chars, link, flow, commas | fcommas, head, site, sflow (flow,
             * fcommas and sflow only from inline content) | the eight n_. */
            __m128i a0 = _mm_loadu_si128((const __m128i *)(const void *)&s->chars);
            __m128i a1 = _mm_loadu_si128((const __m128i *)(const void *)&s->fcommas);
            __m128i a2 = _mm_loadu_si128((const __m128i *)(const void *)&s->n_p);
            if (block) {
                a0 = _mm_and_si128(a0, _mm_set_epi32(-1, 0, -1, -1));
                a1 = _mm_and_si128(a1, _mm_set_epi32(0, -1, -1, 0));
            }
            __m128i *p0 = (__m128i *)(void *)&p->chars, *p1 = (__m128i *)(void *)&p->fcommas,
                    *p2 = (__m128i *)(void *)&p->n_p;
            _mm_storeu_si128(p0, _mm_add_epi32(_mm_loadu_si128(p0), a0));
            _mm_storeu_si128(p1, _mm_add_epi32(_mm_loadu_si128(p1), a1));
            _mm_storeu_si128(p2, _mm_add_epi16(_mm_loadu_si128(p2), a2));
        }
#else
        p->chars += s->chars;
        p->link += s->link;
        p->commas += s->commas;
        p->head += s->head;
        p->site += s->site;
        p->n_p += s->n_p;
        p->n_img += s->n_img;
        p->n_li += s->n_li;
        p->n_input += s->n_input;
        p->n_embed += s->n_embed;
        p->n_block += s->n_block;
        p->n_a += s->n_a;
        p->n_frag += s->n_frag;
        if (!block) {
            /* Inline content flows into the enclosing block. */
            p->flow += s->flow;
            p->fcommas += s->fcommas;
            p->sflow += s->sflow;
        }
#endif
        switch (tag) {
        case CD_TAG_A: {
            size_t hl = 0;
            const char *href = cd_dom_attr(dom, id, "href", &hl);
            p->n_a++;
            if (href && hl > 1 && href[0] == '#')
                p->n_frag++;
            break;
        }
        case CD_TAG_P:
            p->n_p++;
            break;
        case CD_TAG_IMG:
            p->n_img++;
            break;
        case CD_TAG_LI:
            p->n_li++;
            break;
        case CD_TAG_INPUT:
        case CD_TAG_SELECT:
        case CD_TAG_TEXTAREA:
            p->n_input++;
            break;
        case CD_TAG_IFRAME:
        case CD_TAG_EMBED:
        case CD_TAG_OBJECT:
        case CD_TAG_VIDEO:
            p->n_embed++;
            break;
        default:
            break;
        }
        if (block && s->flow >= CD_MIN_PARA)
            p->n_block++;
    }
}

static float S_link_density(const S_stat *s)
{
    return cd_xstat_ld(s);
}

/* Readability's class weight: ±25 from class/id words. */
static int S_class_weight(unsigned hints)
{
    int w = 0;
    if (hints & (CD_HINT_CHROME | CD_HINT_NEG | CD_HINT_COMMENT | CD_HINT_ROLE_CHROME))
        w -= 25;
    if (hints & CD_HINT_POS)
        w += 25;
    if (hints & CD_HINT_BODY)
        w += 25;
    return w;
}

static float S_tag_base(uint16_t tag)
{
    switch (tag) {
    case CD_TAG_DIV:
    case CD_TAG_ARTICLE:
    case CD_TAG_MAIN:
    case CD_TAG_SECTION:
        return 5;
    case CD_TAG_PRE:
    case CD_TAG_TD:
    case CD_TAG_BLOCKQUOTE:
        return 3;
    case CD_TAG_ADDRESS:
    case CD_TAG_OL:
    case CD_TAG_UL:
    case CD_TAG_DL:
    case CD_TAG_DD:
    case CD_TAG_DT:
    case CD_TAG_LI:
    case CD_TAG_FORM:
        return -3;
    case CD_TAG_H1:
    case CD_TAG_H2:
    case CD_TAG_H3:
    case CD_TAG_H4:
    case CD_TAG_H5:
    case CD_TAG_H6:
    case CD_TAG_TH:
        return -5;
    default:
        return 0;
    }
}

static void S_touch(const cd_dom *dom, S_stat *st, cd_nid id)
{
    S_stat *s = &st[id];
    if (s->cand)
        return;
    s->cand = 1;
    s->score = S_tag_base(cd_dom_node(dom, id)->tag) + (float)S_class_weight(s->hints);
}

#ifdef CD_EXTRACT_DEBUG
#include <stdio.h>
void cd_x_debug_node(const cd_dom *dom, const S_stat *st, cd_nid id, const char *what)
{
    size_t cl = 0, il = 0;
    const char *c = cd_dom_attr(dom, id, "class", &cl);
    const char *i = cd_dom_attr(dom, id, "id", &il);
    fprintf(stderr, "%s #%u <%s class='%.*s' id='%.*s'> score=%.1f chars=%u link=%u flow=%u dead=%d kind=%d\n", what, id,
            cd_tag_name(cd_dom_node(dom, id)->tag), (int)(cl > 60 ? 60 : cl), c ? c : "", (int)il, i ? i : "",
            st[id].score, st[id].chars, st[id].link, st[id].flow, st[id].dead, st[id].kind);
}
/* A text node's bytes inside a JSON string on stderr (quotes and
 * backslashes escaped, control bytes as spaces), then a space. */
static void S_dbg_json_text(const cd_node *n)
{
    for (uint32_t i = 0; i < n->len; i++) {
        unsigned char c = (unsigned char)n->u.text[i];
        if (c == '"' || c == '\\')
            fputc('\\', stderr);
        fputc(c < 0x20 ? ' ' : c, stderr);
    }
    fputc(' ', stderr);
}
/* CD_WHY=1: one JSON line per dropped subtree (its reason, whether it lies
 * inside a content root, its text), then one per root. */
static void S_why_text(const cd_dom *dom, cd_nid id)
{
    size_t out = 0;
    for (cd_nid t = id; t && out < 20000;) {
        const cd_node *n = cd_dom_node(dom, t);
        if (n->type == CD_NODE_ELEMENT && t != id && (cd_tag_flags(n->tag) & CD_TF_SKIP)) {
            t = cd_dom_next_skip(dom, t, id);
            continue;
        }
        if (n->type == CD_NODE_TEXT) {
            S_dbg_json_text(n);
            out += n->len;
        }
        t = cd_dom_next(dom, t, id);
    }
}
static void S_why_dump(const cd_extract *x, const cd_dom *dom, const S_stat *st)
{
    for (uint32_t id = 2; id < dom->count; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        if (!st[id].dead || st[n->parent].dead || n->type != CD_NODE_ELEMENT || !st[id].why || st[id].why == 'k')
            continue;
        int in = 0;
        for (uint32_t r = 0; r < x->nroots && !in; r++)
            for (cd_nid a = id; a && !in; a = cd_dom_node(dom, a)->parent)
                in = a == x->roots[r];
        size_t cl = 0;
        const char *c = cd_dom_attr(dom, id, "class", &cl);
        fprintf(stderr, "{\"why\":\"%c\",\"in\":%d,\"tag\":\"%s\",\"cls\":\"", st[id].why < 32 ? '1' : st[id].why, in,
                cd_tag_name(n->tag));
        for (size_t i = 0; c && i < cl && i < 80; i++)
            if (c[i] != '"' && c[i] != '\\' && (unsigned char)c[i] >= 0x20)
                fputc(c[i], stderr);
        fprintf(stderr, "\",\"text\":\"");
        S_why_text(dom, id);
        fprintf(stderr, "\"}\n");
    }
    fprintf(stderr, "{\"broad\":%d,\"nroots\":%u}\n", x->broad, x->nroots);
}
/* CD_LOCATE=FILE (one snippet a line): where each snippet sits relative to
 * the roots, one JSON line each: the deepest element holding it (text
 * joined, white space collapsed, ASCII case folded), its path, the nearest
 * dead ancestor's reason, and the nearest root by their common ancestor. */
static void S_loc_str(const cd_dom *dom, cd_nid id)
{
    size_t cl = 0;
    const char *c = cd_dom_attr(dom, id, "class", &cl);
    fprintf(stderr, "%s", cd_tag_name(cd_dom_node(dom, id)->tag));
    if (c && cl) {
        fputc('.', stderr);
        for (size_t i = 0; i < cl && i < 40; i++)
            if (c[i] != '"' && c[i] != '\\' && (unsigned char)c[i] >= 0x20)
                fputc(c[i] == ' ' ? '.' : c[i], stderr);
    }
}

/* The path from top (exclusive) down to id, at most 64 steps, as
 * "tag.class > tag.class" (S_loc_str). */
static void S_loc_path(const cd_dom *dom, cd_nid id, cd_nid top)
{
    cd_nid chain[64];
    int nc = 0;
    for (cd_nid a = id; a && a != top && nc < 64; a = cd_dom_node(dom, a)->parent)
        chain[nc++] = a;
    for (int i = nc - 1; i >= 0; i--) {
        S_loc_str(dom, chain[i]);
        fprintf(stderr, i ? " > " : "");
    }
}
static const char *S_loc_find(const char *h, size_t hl, const char *q, size_t ql)
{
    for (size_t i = 0; i + ql <= hl; i++)
        if (h[i] == q[0] && memcmp(h + i, q, ql) == 0)
            return h + i;
    return NULL;
}
static int S_loc_depth(const cd_dom *dom, cd_nid id)
{
    int d = 0;
    for (cd_nid a = id; a; a = cd_dom_node(dom, a)->parent)
        d++;
    return d;
}
static void S_locate(const cd_extract *x, const cd_dom *dom, const S_stat *st, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    uint32_t n = dom->count;
    uint32_t *from = calloc(n, sizeof *from), *to = calloc(n, sizeof *to);
    size_t cap = 1 << 20, len = 0;
    char *doc = malloc(cap);
    if (!from || !to || !doc) goto out;
    cd_nid root = cd_dom_root(dom);
    /* Pre-order text with each element's range; a block adds a space. */
    for (cd_nid id = root; id;) {
        const cd_node *nd = cd_dom_node(dom, id);
        if (nd->type == CD_NODE_ELEMENT && id != root && (cd_tag_flags(nd->tag) & CD_TF_SKIP)) {
            from[id] = to[id] = (uint32_t)len;
            id = cd_dom_next_skip(dom, id, root);
            continue;
        }
        from[id] = (uint32_t)len;
        if (nd->type == CD_NODE_TEXT || (nd->type == CD_NODE_ELEMENT && (S_is_block(nd->tag) || nd->tag == CD_TAG_BR))) {
            const char *s = nd->type == CD_NODE_TEXT ? nd->u.text : " ";
            uint32_t l = nd->type == CD_NODE_TEXT ? nd->len : 1;
            for (uint32_t i = 0; i < l; i++) {
                unsigned char ch = (unsigned char)s[i];
                if (len + 2 > cap) {
                    char *grown = realloc(doc, cap * 2);
                    if (!grown) goto out;
                    doc = grown;
                    cap *= 2;
                }
                if (cd_isspace(ch)) {
                    if (len && doc[len - 1] != ' ')
                        doc[len++] = ' ';
                } else {
                    doc[len++] = (char)cd_tolower(ch);
                }
            }
        }
        id = cd_dom_next(dom, id, root);
    }
    /* Element ends: the start of the next node after the subtree. */
    for (cd_nid id = 1; id < n; id++) {
        cd_nid e = cd_dom_next_skip(dom, id, root);
        to[id] = e ? from[e] : (uint32_t)len;
        if (e && from[e] < from[id])
            to[id] = (uint32_t)len;
    }
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        char q[4096];
        size_t ql = 0;
        for (char *p = line; *p && *p != '\n'; p++) {
            unsigned char ch = (unsigned char)*p;
            if (cd_isspace(ch)) {
                if (ql && q[ql - 1] != ' ')
                    q[ql++] = ' ';
            } else {
                q[ql++] = (char)cd_tolower(ch);
            }
        }
        while (ql && q[ql - 1] == ' ')
            ql--;
        q[ql] = 0;
        if (!ql)
            continue;
        cd_nid el = CD_NONE;
        for (const char *p = doc; (p = S_loc_find(p, len - (size_t)(p - doc), q, ql)) != NULL; p++) {
            uint32_t o = (uint32_t)(p - doc);
            cd_nid best = CD_NONE;
            int bd = -1;
            for (cd_nid id = 2; id < n; id++) {
                if (cd_dom_node(dom, id)->type != CD_NODE_ELEMENT || from[id] > o || to[id] < o + ql)
                    continue;
                int d = S_loc_depth(dom, id);
                if (d > bd)
                    bd = d, best = id;
            }
            if (!best)
                continue;
            /* Prefer an occurrence not inside a hidden element. */
            int hidden = 0;
            for (cd_nid a = best; a && !hidden; a = cd_dom_node(dom, a)->parent)
                hidden = st[a].dead && (st[a].why == 'h' || st[a].why == 0);
            if (!el || !hidden)
                el = best;
            if (!hidden)
                break;
        }
        fprintf(stderr, "{\"loc\":1,\"snip\":\"");
        for (size_t i = 0; i < ql && i < 60; i++)
            if (q[i] != '"' && q[i] != '\\')
                fputc(q[i], stderr);
        if (!el) {
            fprintf(stderr, "\",\"found\":0}\n");
            continue;
        }
        int inroot = 0;
        cd_nid near = CD_NONE, lca = CD_NONE;
        int up = 0, down = 0, bestd = -1;
        for (uint32_t r = 0; r < x->nroots; r++) {
            /* Common ancestor of root r and el. */
            int d = 0;
            for (cd_nid a = el; a; a = cd_dom_node(dom, a)->parent, d++) {
                if (cd_x_is_ancestor(dom, a, x->roots[r])) {
                    int dl = S_loc_depth(dom, a);
                    if (a == x->roots[r])
                        inroot = 1;
                    if (dl > bestd) {
                        bestd = dl, near = x->roots[r], lca = a, down = d;
                        up = S_loc_depth(dom, x->roots[r]) - dl;
                    }
                    break;
                }
            }
        }
        cd_nid dead = CD_NONE;
        for (cd_nid a = el; a && !dead; a = cd_dom_node(dom, a)->parent)
            if (st[a].dead)
                dead = a;
        fprintf(stderr, "\",\"found\":1,\"el\":%u,\"inroot\":%d,\"dead\":\"%c\",\"deadtag\":\"", el, inroot,
                dead ? (st[dead].why < 32 ? '0' + st[dead].why : st[dead].why) : '-');
        if (dead)
            S_loc_str(dom, dead);
        fprintf(stderr, "\",\"root\":%u,\"lca\":%u,\"lcatag\":\"", near, lca);
        if (lca)
            S_loc_str(dom, lca);
        fprintf(stderr, "\",\"lcabody\":%d,\"up\":%d,\"down\":%d,\"after\":%d,\"beforetitle\":%d,\"path\":\"", lca == dom->body || lca == dom->html, up, down,
                near && el > near, x->title_node ? el < x->title_node : -1);
        /* The paths from the common ancestor down to el and to the region. */
        S_loc_path(dom, el, lca);
        fprintf(stderr, "\",\"rootpath\":\"");
        S_loc_path(dom, near, lca);
        fprintf(stderr, "\"}\n");
    }
out:
    fclose(f);
    free(from);
    free(to);
    free(doc);
}
static void S_debug(const cd_extract *x, const cd_dom *dom, const S_stat *st)
{
    if (getenv("CD_LOCATE"))
        S_locate(x, dom, st, getenv("CD_LOCATE"));
    if (getenv("CD_WHY"))
        S_why_dump(x, dom, st);
    if (!getenv("CD_DEBUG"))
        return;
    fprintf(stderr, "article=%d typed=%d broad=%d dated=%d series=%d\n", x->article, x->typed, x->broad,
            x->nroots ? cd_x_dated_head(x, dom, st) : -1, x->nroots ? cd_x_series(dom, st, x->roots[0]) : -1);
    for (uint32_t r = 0; r < x->nroots; r++)
        cd_x_debug_node(dom, st, x->roots[r], "root");
    for (cd_nid a = x->nroots ? cd_dom_node(dom, x->roots[0])->parent : 0; a; a = cd_dom_node(dom, a)->parent)
        cd_x_debug_node(dom, st, a, "  up");
    if (getenv("CD_DEBUG")[0] == '3' && x->nroots) {
        /* The sibling set of the first root, and of its parent. */
        for (int up = 0; up < 3; up++) {
            cd_nid r = x->roots[0];
            for (int k = 0; k < up && cd_dom_node(dom, r)->parent; k++)
                r = cd_dom_node(dom, r)->parent;
            cd_nid par = cd_dom_node(dom, r)->parent;
            if (!par)
                break;
            fprintf(stderr, "-- children of the root's ancestor %d:\n", up + 1);
            for (cd_nid c = cd_dom_node(dom, par)->first; c; c = cd_dom_node(dom, c)->next) {
                if (cd_dom_node(dom, c)->type != CD_NODE_ELEMENT || st[c].chars == 0)
                    continue;
                fprintf(stderr, "   %s blk=%u p=%u ", c == r ? "*" : " ", st[c].n_block, st[c].n_p);
                cd_x_debug_node(dom, st, c, "");
            }
        }
    }
    if (getenv("CD_DEBUG")[0] == '2')
        for (uint32_t id = 2; id < dom->count; id++)
            if (st[id].cand && st[id].score > 5)
                cd_x_debug_node(dom, st, id, "cand");
}
#endif

#define CD_FORM_PARAS 5

/* Is element id chrome by its tag alone? */
/* Is form id an ASP.NET Web Forms page form: its first field a hidden
 * "__VIEWSTATE" or "__EVENTTARGET" (the framework wraps the whole page in
 * one form, story and all: l3s-gn1 4e9a3cb3, whose story beside a small
 * "e-mail this article" form was taken for a control and the side panel's
 * teasers read instead)? Only the first field among the form's first 16
 * nodes is looked at (the framework writes its hidden fields first). Such a form
 * holding three paragraphs or more is the page; one without (l3s 4ed92403:
 * the banner, menu, search box and footer after the story) stays chrome. */
static int S_page_form(const cd_dom *dom, cd_nid id)
{
    int left = 16; /* the framework writes its hidden fields first */
    for (cd_nid t = cd_dom_node(dom, id)->first ? id : CD_NONE; t && left--; t = cd_dom_next(dom, t, id)) {
        const cd_node *n = cd_dom_node(dom, t);
        if (n->type != CD_NODE_ELEMENT || n->tag != CD_TAG_INPUT) continue;
        size_t nl = 0;
        const char *name = cd_dom_attr(dom, t, "name", &nl);
        return name && ((nl >= 11 && !memcmp(name, "__VIEWSTATE", 11)) ||
                        (nl >= 13 && !memcmp(name, "__EVENTTARGET", 13)));
    }
    return 0;
}

/* Is footer id (or header id) a line of an <article> set as an item of a
 * list of three or more, the items of lists nested in its items (replies) counted with
 * them (ol > li > article > footer: a thread's comments written as
 * articles, each footer its comment's signature, "NAME says: DATE at
 * TIME"), CD_ITEM_FOOTER visible characters at most? Such a footer belongs
 * to its item, not to the page: it is left to the comment detector
 * (comments.c), which takes the thread with its signatures. A post's own
 * footer (share buttons, links to the next post) is longer, or its list has
 * one item. */
#define CD_ITEM_FOOTER 160
#define CD_ITEM_LIST 3
static int S_item_footer(const cd_dom *dom, const S_stat *st, cd_nid id)
{
    if (st[id].chars > CD_ITEM_FOOTER) return 0;
    cd_nid a = cd_dom_node(dom, id)->parent;
    for (int up = 0; a && up < 3 && !cd_dom_is(dom, a, CD_TAG_ARTICLE); up++)
        a = cd_dom_node(dom, a)->parent;
    cd_nid li = a && cd_dom_is(dom, a, CD_TAG_ARTICLE) ? cd_dom_node(dom, a)->parent : CD_NONE;
    if (!li || !cd_dom_is(dom, li, CD_TAG_LI)) return 0;
    /* A reply's list nested in an item: the outermost list's items, the
     * nested ones with them. */
    cd_nid list = cd_dom_node(dom, li)->parent;
    for (int up = 0; up < 8 && list; up++) {
        cd_nid item = cd_dom_node(dom, list)->parent;
        for (int k = 0; item && k < 3 && !cd_dom_is(dom, item, CD_TAG_LI); k++)
            item = cd_dom_node(dom, item)->parent;
        if (!item || !cd_dom_is(dom, item, CD_TAG_LI)) break;
        list = cd_dom_node(dom, item)->parent;
    }
    if (!list) return 0;
    int items = 0;
    for (cd_nid c = cd_dom_next(dom, list, list); c && items < CD_ITEM_LIST; c = cd_dom_next(dom, c, list))
        items += cd_dom_is(dom, c, CD_TAG_LI);
    return items >= CD_ITEM_LIST;
}

static int S_chrome_tag(const cd_dom *dom, const S_stat *st, cd_nid id, unsigned options)
{
    switch (cd_dom_node(dom, id)->tag) {
    case CD_TAG_HEADER:
        /* The page's banner, unless it heads a section of the content (HTML:
         * a header inside article, section or main is not role=banner) and
         * says something: two blocks of text (a heading and a standfirst, a
         * hero's title and tagline), few links. Nor is a list item's
         * signature (Genesis themes sign comments in li > article > header). */
        return !(st[id].sect && st[id].n_block >= 2 && S_link_density(&st[id]) < 0.3f) &&
               !S_item_footer(dom, st, id);
    case CD_TAG_FORM:
        /* A control, unless it wraps writing: five paragraphs or more, few
         * links, fewer fields than half its paragraphs (a forum thread inside
         * its moderation form). A contact form's labels are fields' paragraphs. */
        return !(st[id].n_p >= CD_FORM_PARAS && S_link_density(&st[id]) < 0.3f && st[id].n_input * 2 <= st[id].n_p) &&
               !(st[id].n_p >= 3 && S_page_form(dom, id));
    case CD_TAG_FOOTER:
        return !S_item_footer(dom, st, id);
    case CD_TAG_NAV:
    case CD_TAG_ASIDE:
    case CD_TAG_DIALOG:
    case CD_TAG_MENU:
    case CD_TAG_SEARCH:
        return 1;
    case CD_TAG_TABLE:
        return (options & COPYDESK_OPT_NO_TABLES) != 0;
    default:
        return 0;
    }
}

static int S_in_figure(const cd_dom *dom, cd_nid id)
{
    for (cd_nid a = cd_dom_node(dom, id)->parent; a; a = cd_dom_node(dom, a)->parent)
        if (cd_dom_is(dom, a, CD_TAG_FIGURE))
            return 1;
    return 0;
}

/* A table of contents: a block of several links, nearly all to places in the
 * same page, and little else. It repeats the headings; it is navigation. */
static int S_is_toc(const S_stat *s)
{
    return s->n_a >= 3 && s->n_frag * 10 >= s->n_a * 8 && s->chars && s->link * 10 >= s->chars * 7;
}

/* <noscript> holds markup for crawlers (server-rendered forums put the whole
 * thread there) or plain text that no reader sees. */
static int S_has_element_child(const cd_dom *dom, cd_nid id)
{
    for (cd_nid c = cd_dom_node(dom, id)->first; c; c = cd_dom_node(dom, c)->next)
        if (cd_dom_node(dom, c)->type == CD_NODE_ELEMENT)
            return 1;
    return 0;
}

/* Collapsed panels. An accordion, a "read more" disclosure or a tab set hides
 * its panels until the reader opens them, and its control names the panel it
 * opens: aria-controls="ID" (WAI-ARIA disclosure, accordion and tab patterns),
 * or data-target / data-bs-target="#ID" (Bootstrap's collapse and tabs). Such a
 * hidden panel is text the reader can see with one click, not hidden text. The
 * ids are kept as 64-bit hashes in an open-addressing set. */
typedef struct S_idset {
    uint64_t *slot;
    size_t cap;   /* a power of two, or 0 */
    uint32_t css; /* ids a style sheet hides among them (S_css_add) */
} S_idset;

static uint64_t S_hash_id(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h ? h : 1;
}

/* Is hash h in the set (which has slots)? */
static int S_idset_find(const S_idset *set, uint64_t h)
{
    for (size_t k = (size_t)h & (set->cap - 1); set->slot[k]; k = (k + 1) & (set->cap - 1))
        if (set->slot[k] == h)
            return 1;
    return 0;
}

/* Puts hash h into the set (which has room). */
static void S_idset_put(S_idset *set, uint64_t h)
{
    size_t k = (size_t)h & (set->cap - 1);
    while (set->slot[k] && set->slot[k] != h)
        k = (k + 1) & (set->cap - 1);
    set->slot[k] = h;
}

static int S_idset_has(const S_idset *set, const char *s, size_t n)
{
    if (!set->cap || !n)
        return 0;
    return S_idset_find(set, S_hash_id(s, n));
}

static void S_idset_add(S_idset *set, const char *s, size_t n)
{
    if (!n)
        return;
    S_idset_put(set, S_hash_id(s, n));
}

/* The number of ids element id's attributes say it opens; with a set, adds them. */
static uint32_t S_controls(const cd_dom *dom, cd_nid id, S_idset *set)
{
    const cd_node *n = cd_dom_node(dom, id);
    uint32_t k = 0;
    for (uint32_t i = 0; i < n->len; i++) {
        const cd_attr *a = &n->u.attr[i];
        const char *v = a->value;
        size_t vl = a->value_len;
        if (a->name_len < 11 || a->name_len > 14)
            continue; /* none of the three names (most attributes: class, href, src, style) */
        if (cd_eq_nocase(a->name, a->name_len, "aria-controls")) {
            /* A list of ids. */
            for (size_t j = 0; j < vl;) {
                while (j < vl && cd_isspace((unsigned char)v[j]))
                    j++;
                size_t b = j;
                while (j < vl && !cd_isspace((unsigned char)v[j]))
                    j++;
                if (j > b) {
                    k++;
                    if (set)
                        S_idset_add(set, v + b, j - b);
                }
            }
        } else if ((cd_eq_nocase(a->name, a->name_len, "data-target") ||
                    cd_eq_nocase(a->name, a->name_len, "data-bs-target")) &&
                   vl > 1 && v[0] == '#') {
            k++;
            if (set)
                S_idset_add(set, v + 1, vl - 1);
        }
    }
    return k;
}

/* Ids a style sheet hides. A page may hide a copy of its story (a print
 * version, l3s 8cad55ae's <span id="printDesc"> under
 * "#printDesc{display:none}") or a box by a rule of its <style> element
 * rather than by the element's own style attribute. Style sheets are not
 * evaluated; only the plainest rule is read: a selector list whose every
 * selector is one id (#ID, or TAG#ID), at the top level of the sheet (not
 * inside @media or another at-rule), whose declarations set display:none.
 * Such ids go into the panels' set under a salted hash (S_CSS_SALT), so
 * that the one set answers both questions. */
#define S_CSS_SALT 0x9e3779b97f4a7c15ull
#define S_CSS_MAX_IDS 64 /* per page */

static uint64_t S_css_hash(const char *s, size_t n)
{
    uint64_t h = S_hash_id(s, n) ^ S_CSS_SALT;
    return h ? h : 1;
}

static int S_css_has(const S_idset *set, const char *s, size_t n)
{
    if (!set->cap || !n)
        return 0;
    return S_idset_find(set, S_css_hash(s, n));
}

static void S_css_add(S_idset *set, const char *s, size_t n)
{
    set->css++;
    S_idset_put(set, S_css_hash(s, n));
}

static int S_css_ident(unsigned char c)
{
    return cd_isalnum(c) || c == '-' || c == '_' || c >= 0x80;
}

/* One style sheet's text: the number of ids its plain rules hide (up to
 * room); with a set, adds them. */
static uint32_t S_css_sheet(const char *s, size_t n, S_idset *set, uint32_t room)
{
    uint32_t k = 0;
    size_t i = 0;
    while (i < n && k < room) {
        /* The selector (or at-rule prelude): up to '{', ';' or '}'. */
        size_t b = i;
        int at = 0;
        while (i < n && s[i] != '{' && s[i] != ';' && s[i] != '}') {
            if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
                size_t j = i + 2;
                while (j + 1 < n && !(s[j] == '*' && s[j + 1] == '/'))
                    j++;
                i = j + 2 < n ? j + 2 : n;
                continue;
            }
            if (s[i] == '@')
                at = 1;
            i++;
        }
        if (i >= n)
            break;
        if (s[i] != '{') {
            i++; /* "@import …;", or a stray '}' */
            continue;
        }
        size_t se = i;
        /* The block, to its matching brace (an at-rule's holds rules). */
        size_t db = ++i;
        int depth = 1;
        while (i < n && depth) {
            if (s[i] == '{')
                depth++;
            else if (s[i] == '}')
                depth--;
            i++;
        }
        size_t de = depth ? n : i - 1;
        if (at || !cd_extract_style_hidden(s + db, de - db))
            continue;
        /* Every selector of the list one id. */
        const char *ids[8];
        size_t lens[8];
        int nid = 0, ok = 1;
        for (size_t j = b; j < se && ok;) {
            while (j < se && (cd_isspace((unsigned char)s[j]) || s[j] == ','))
                j++;
            if (j >= se)
                break;
            while (j < se && cd_isalnum((unsigned char)s[j]))
                j++; /* a tag name before the id */
            if (j >= se || s[j] != '#') {
                ok = 0;
                break;
            }
            size_t ib = ++j;
            while (j < se && S_css_ident((unsigned char)s[j]))
                j++;
            size_t ie = j;
            while (j < se && cd_isspace((unsigned char)s[j]))
                j++;
            if (ie == ib || (j < se && s[j] != ',') || nid == 8) {
                ok = 0;
                break;
            }
            ids[nid] = s + ib;
            lens[nid++] = ie - ib;
        }
        for (int t = 0; ok && t < nid && k < room; t++) {
            k++;
            if (set)
                S_css_add(set, ids[t], lens[t]);
        }
    }
    return k;
}

/* The ids a <style> element hides (S_css_sheet), up to room. */
static uint32_t S_css_style(const cd_dom *dom, cd_nid id, S_idset *set, uint32_t room)
{
    uint32_t k = 0;
    for (cd_nid c = cd_dom_node(dom, id)->first; c && k < room; c = cd_dom_node(dom, c)->next) {
        const cd_node *t = cd_dom_node(dom, c);
        if (t->type == CD_NODE_TEXT)
            k += S_css_sheet(t->u.text, t->len, set, room - k);
    }
    return k;
}

/* The ids of collapsed panels (S_controls) and of elements a style sheet
 * hides (S_css_style, only when the parser kept a <style>'s text), in one
 * set. */
static copydesk_status S_panels(const cd_mem *mem, const cd_dom *dom, S_idset *set)
{
    uint32_t n = 0, css = 0;
    set->slot = NULL;
    set->cap = 0;
    set->css = 0;
    for (uint32_t id = 2; id < dom->count; id++)
        if (cd_dom_node(dom, id)->type == CD_NODE_ELEMENT && cd_dom_node(dom, id)->len)
            n += S_controls(dom, id, NULL);
    /* The <style> elements the parser kept text in, up to the last one. */
    uint32_t last_style = 0;
    for (uint32_t id = 2, seen = 0; seen < dom->style_hides && id < dom->count; id++)
        if (cd_dom_node(dom, id)->type == CD_NODE_ELEMENT && cd_dom_node(dom, id)->tag == CD_TAG_STYLE &&
            cd_dom_node(dom, id)->first) {
            seen++;
            last_style = id;
            if (css < S_CSS_MAX_IDS)
                css += S_css_style(dom, id, NULL, S_CSS_MAX_IDS - css);
        }
    if (!n && !css)
        return COPYDESK_OK;
    size_t cap = 16;
    while (cap < (size_t)(n + css) * 2)
        cap *= 2;
    set->slot = mem->calloc(cap, sizeof *set->slot);
    if (!set->slot)
        return COPYDESK_ERR_NOMEM;
    set->cap = cap;
    if (n)
        for (uint32_t id = 2; id < dom->count; id++)
            if (cd_dom_node(dom, id)->type == CD_NODE_ELEMENT && cd_dom_node(dom, id)->len)
                S_controls(dom, id, set);
    if (css) {
        css = 0;
        for (uint32_t id = 2; id <= last_style && css < S_CSS_MAX_IDS; id++)
            if (cd_dom_node(dom, id)->type == CD_NODE_ELEMENT && cd_dom_node(dom, id)->tag == CD_TAG_STYLE)
                css += S_css_style(dom, id, set, S_CSS_MAX_IDS - css);
    }
    return COPYDESK_OK;
}

/* A button that opens and closes a panel (the question of an FAQ, the title of
 * an accordion section): aria-expanded, or Bootstrap's collapse toggle. Its text
 * is the heading of the panel's content. Other buttons ("Add to cart", "Preview
 * yellow theme") are controls, not text. */
static int S_is_disclosure(const cd_dom *dom, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    if (n->tag != CD_TAG_BUTTON)
        return 0;
    for (uint32_t i = 0; i < n->len; i++) {
        const cd_attr *a = &n->u.attr[i];
        if (cd_eq_nocase(a->name, a->name_len, "aria-expanded"))
            return 1;
        if ((cd_eq_nocase(a->name, a->name_len, "data-toggle") || cd_eq_nocase(a->name, a->name_len, "data-bs-toggle")) &&
            cd_eq_nocase(a->value, a->value_len, "collapse"))
            return 1;
    }
    return 0;
}

static int S_is_panel(const cd_dom *dom, cd_nid id, const S_idset *panels)
{
    size_t il = 0;
    const char *v = panels && panels->cap ? cd_dom_attr(dom, id, "id", &il) : NULL;
    return v && S_idset_has(panels, v, il);
}

/* Hidden by a plain rule of the page's style sheet (S_css_sheet). */
static int S_css_hidden(const cd_dom *dom, cd_nid id, const S_idset *panels)
{
    size_t il = 0;
    const char *v = panels && panels->css && cd_dom_node(dom, id)->len ? cd_dom_attr(dom, id, "id", &il) : NULL;
    return v && S_css_has(panels, v, il);
}

/* Is id a page's part by its tag alone (a footer, a sidebar <aside>, a
 * <nav>, a <dialog>, a <menu>, a <search>) standing after the page's text:
 * after a sibling (of it or of one of its ancestors below <body>) holding a
 * sentence of its own (CD_OWN_SENTENCE characters, links under half), and
 * holding no <h1> itself? The share guard (S_prune) then does not keep it: a
 * short page's footer of offices and legal notices (wcxb-dev 0362, 1322 of
 * 1983 characters) or its sidebar (Readability liberation-1) may hold most
 * of its text. An element of these tags that swallowed the page (unclosed)
 * has no text before it, or holds the headline. (Issue #12, h/newsprec8.) */
static int S_part_after_text(const cd_dom *dom, const S_stat *st, cd_nid id)
{
    switch (cd_dom_node(dom, id)->tag) {
    case CD_TAG_FOOTER:
    case CD_TAG_ASIDE:
    case CD_TAG_NAV:
    case CD_TAG_DIALOG:
    case CD_TAG_MENU:
    case CD_TAG_SEARCH:
        break;
    default:
        return 0;
    }
    int before = 0;
    for (cd_nid a = id; a && a != dom->body && !before && cd_dom_node(dom, a)->type == CD_NODE_ELEMENT;
         a = cd_dom_node(dom, a)->parent)
        for (cd_nid c = cd_dom_node(dom, a)->prev; c && !before; c = cd_dom_node(dom, c)->prev)
            before = cd_dom_node(dom, c)->type == CD_NODE_ELEMENT && !st[c].dead &&
                     st[c].chars >= CD_OWN_SENTENCE && S_link_density(&st[c]) < 0.5f;
    if (!before)
        return 0;
    for (cd_nid t = cd_dom_node(dom, id)->first; t; t = cd_dom_next(dom, t, id))
        if (cd_dom_is(dom, t, CD_TAG_H1))
            return 0;
    return 1;
}

/* A hidden or chrome-named element holding more than this share of the
 * page's text is kept (the guard in S_prune): pages rendered on the server
 * hide their whole content until a script reveals it. */
#define CD_GUARD_SHARE 0.4f

/* The guard's bound on links: a wrapper named for chrome that holds much of
 * the page keeps it with links under half of its text; a <nav> or <menu>
 * needs fewer, CD_GUARD_NAV_LD. A navigation element of whose text two
 * fifths is links is a menu however much it says (a mega menu whose
 * panels feature a story each with a caption of a sentence or two held
 * 1,699 of a class-free page's 2,454 characters, wcxb-dev 4349's probe
 * copy); the <nav> elements the guard keeps on the dev sets are under a
 * twentieth links (wcxb 2893, 2894: a product's description in one). */
#define CD_GUARD_NAV_LD 0.3f
static float S_guard_ld(uint16_t tag)
{
    return tag == CD_TAG_NAV || tag == CD_TAG_MENU ? CD_GUARD_NAV_LD : 0.5f;
}

/* An element holding this share of the page's text is the page itself (0.9:
 * "nearly all"; at 0.75 and 0.5 wcxb-dev lost, see docs/decisions.md §6). */
#define CD_PAGE_SHARE 0.9f

/* Pass 1: top-down visibility, class hints, chrome by tag/role/words. With
 * soft set, only what is hidden, chrome by its tag or a consent dialog goes:
 * the other class words, ARIA roles and the table-of-contents test are left
 * out (the last reading in cd_extract_run). */
/* Script source shown as text: an archived page that lost its <script>
 * start tag, or a script the page's own markup broke, prints its code.
 * A text node of CD_CODE_MIN visible characters or more, outside
 * pre/code/textarea, where script tokens ("var ", "document.", "window.",
 * "//", "){", "==", "&&" …) occur CD_CODE_WORDS times and statement
 * punctuation (; { } =) makes CD_CODE_PUNCT of the characters, or the
 * words alone come twice in every hundred characters: no prose reads so,
 * and no article is made of it. */
#define CD_CODE_MIN 120
#define CD_CODE_PUNCT 0.03f
#define CD_CODE_WORDS 3
static const struct {
    const char *w;
    size_t l;
} S_code_words[] = {{"function(", 9}, {"var ", 4}, {"document.", 9}, {"window.", 7}, {"//", 2}, {"();", 3},
                    {"){", 2},        {") {", 3},  {"==", 2},        {"&&", 2},      {"||", 2}};
#define S_NCODE (sizeof S_code_words / sizeof S_code_words[0])

/* The script tokens S_script_text counts at t[i] (i < n). */
static inline uint32_t S_code_at(const char *t, uint32_t n, uint32_t i)
{
    unsigned char c = (unsigned char)t[i];
    uint32_t hits = 0;
    for (size_t k = 0; k < S_NCODE; k++) {
        size_t l = S_code_words[k].l;
        if (c == (unsigned char)S_code_words[k].w[0] && i + l <= n && memcmp(t + i, S_code_words[k].w, l) == 0 &&
            !(c == '/' && i && t[i - 1] == ':')) /* "//" of a URL is no comment */
            hits++;
    }
    return hits;
}

/* Do script tokens occur CD_CODE_WORDS times in t[0..n)? The same count as
 * S_script_text's, stopped there; prose has none or one, and is passed
 * sixteen places at a time where no token's first two bytes stand. */
static int S_code_words_enough(const char *t, uint32_t n)
{
    uint32_t hits = 0, i = 0;
#ifdef S_SSE2
    for (; i + 17 <= n; i += 16) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(t + i + 1));
        __m128i m = _mm_setzero_si128();
        for (size_t k = 0; k < S_NCODE; k++)
            m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8(S_code_words[k].w[0])),
                                              _mm_cmpeq_epi8(b, _mm_set1_epi8(S_code_words[k].w[1]))));
        for (unsigned bits = (unsigned)_mm_movemask_epi8(m); bits; bits &= bits - 1)
            if ((hits += S_code_at(t, n, i + (uint32_t)__builtin_ctz(bits))) >= CD_CODE_WORDS)
                return 1;
    }
#endif
    for (; i < n; i++)
        if ((hits += S_code_at(t, n, i)) >= CD_CODE_WORDS)
            return 1;
    return 0;
}

static int S_script_text(const cd_dom *dom, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    if (n->len < CD_CODE_MIN)
        return 0;
    /* Fewer tokens than CD_CODE_WORDS is no script, whatever the rest. */
    if (!S_code_words_enough(n->u.text, n->len))
        return 0;
    uint32_t vis = 0, punct = 0, hits = 0;
    for (uint32_t i = 0; i < n->len; i++) {
        unsigned char c = (unsigned char)n->u.text[i];
        if (cd_isspace(c))
            continue;
        vis++;
        if (c == ';' || c == '{' || c == '}' || c == '=')
            punct++;
        /* Only these bytes start a word: the rest of the text is passed over. */
        if (c != 'f' && c != 'v' && c != 'd' && c != 'w' && c != '/' && c != '(' && c != ')' && c != '=' &&
            c != '&' && c != '|')
            continue;
        hits += S_code_at(n->u.text, n->len, i);
    }
    /* Script without semicolons: its words alone, two in every hundred characters. */
    int dense = hits >= 2 * CD_CODE_WORDS && hits * 100 >= 2 * vis;
    if (vis < CD_CODE_MIN || hits < CD_CODE_WORDS || ((float)punct < (float)vis * CD_CODE_PUNCT && !dense))
        return 0;
    for (cd_nid a = n->parent; a; a = cd_dom_node(dom, a)->parent) {
        uint16_t t = cd_dom_node(dom, a)->tag;
        if (t == CD_TAG_PRE || t == CD_TAG_CODE || t == CD_TAG_TEXTAREA)
            return 0;
    }
    return 1;
}

/* A <noscript> that is a notice about scripts ("JavaScript is disabled.
 * For a better experience, please enable JavaScript", "You must enable
 * JavaScript to shop here"), in markup of its own: a short text (at most
 * CD_JS_NOTICE bytes) that names JavaScript. A browser that runs scripts
 * never shows it; a longer <noscript> may be the page's fallback content. */
#define CD_JS_NOTICE 300
static int S_js_notice(const cd_dom *dom, cd_nid id)
{
    char buf[CD_JS_NOTICE + 1];
    size_t len = 0, nodes = 0;
    for (cd_nid t = cd_dom_next(dom, id, id); t; t = cd_dom_next(dom, t, id)) {
        const cd_node *tn = cd_dom_node(dom, t);
        if (++nodes > CD_JS_NOTICE)
            return 0; /* markup enough for a page: no notice */
        if (tn->type != CD_NODE_TEXT)
            continue;
        for (uint32_t k = 0; k < tn->len; k++) {
            unsigned char b = (unsigned char)tn->u.text[k];
            if (cd_isspace(b) && (!len || buf[len - 1] == ' '))
                continue;
            if (len == CD_JS_NOTICE)
                return 0;
            buf[len++] = cd_isspace(b) ? ' ' : (char)b;
        }
    }
    return len && cd_contains_nocase(buf, len, "javascript");
}

/* Does id hold an <article> of CD_STORY_CHARS characters or more in
 * CD_STORY_BLOCKS blocks, with few links: a story, not a teaser card? */
#define CD_STORY_CHARS 1500
#define CD_STORY_BLOCKS 5
static int S_holds_story(const cd_dom *dom, const S_stat *st, cd_nid id)
{
    if (st[id].chars < CD_STORY_CHARS || st[id].n_block < CD_STORY_BLOCKS)
        return 0;
    for (cd_nid t = cd_dom_node(dom, id)->first ? id : 0; t; t = cd_dom_next(dom, t, id)) {
        const cd_node *n = cd_dom_node(dom, t);
        if (t == id || n->type != CD_NODE_ELEMENT || n->tag != CD_TAG_ARTICLE)
            continue;
        if (st[t].chars >= CD_STORY_CHARS && st[t].n_block >= CD_STORY_BLOCKS && S_link_density(&st[t]) < 0.2f)
            return 1;
    }
    return 0;
}

static void S_prune(const cd_dom *dom, S_stat *st, unsigned options, int guard, const S_idset *panels, int soft,
                    uint16_t *memo)
{
    uint32_t count = dom->count;
    uint32_t total = dom->body ? st[dom->body].chars : 0;
    for (uint32_t id = 2; id < count; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        S_stat *s = &st[id];
        if (st[n->parent].dead) {
            s->dead = 1;
            continue;
        }
        if (n->type == CD_NODE_TEXT && !guard && !s->dead && S_script_text(dom, id)) {
            s->dead = 1;
            S_WHY(id, 'x');
            continue;
        }
        if (n->type != CD_NODE_ELEMENT || s->dead)
            continue;
        if (!guard) {
            /* First round: what never renders text, and the hints. */
            if ((cd_tag_flags(n->tag) & CD_TF_SKIP) &&
                !S_is_disclosure(dom, id))
                s->dead = 1, S_WHY(id, 'k');
            else if (n->tag == CD_TAG_NOSCRIPT && (!S_has_element_child(dom, id) || S_js_notice(dom, id)))
                s->dead = 1, S_WHY(id, 'n'); /* a "please enable JavaScript" line, or escaped markup */
            s->hints = (uint16_t)cd_hints_of_keyed(dom, id, memo);
            uint16_t pt = cd_dom_node(dom, n->parent)->tag;
            s->sect = st[n->parent].sect || pt == CD_TAG_ARTICLE || pt == CD_TAG_SECTION || pt == CD_TAG_MAIN;
            continue;
        }
        uint16_t tag = n->tag;
        if (tag == CD_TAG_BODY || tag == CD_TAG_HTML)
            continue;
        unsigned h = s->hints;
        /* A photo credit belongs to the picture, not to the text. */
        if ((h & CD_HINT_CREDIT) && tag != CD_TAG_FIGCAPTION && S_in_figure(dom, id)) {
            s->dead = 1;
            S_WHY(id, 'c');
            continue;
        }
        /* Hidden by markup. Pages rendered on the server and revealed by
         * script hide their whole content this way (a wrapper with
         * visibility:hidden, a streamed <div hidden>): the guard below keeps it. */
        /* Collapsed panels are not hidden text: one a control opens by its
         * id, one named a panel (tab pane, accordion or collapse body, FAQ
         * answer) that is not a menu of links, and the disclosure button. */
        int hidden = (!cd_extract_node_visible(dom, id) || S_css_hidden(dom, id, panels)) &&
                     !S_is_panel(dom, id, panels) &&
                     !((h & CD_HINT_PANEL) && S_link_density(s) < 0.3f) && !S_is_disclosure(dom, id);
        if (tag == CD_TAG_MAIN && !hidden)
            continue;
        unsigned named = soft ? CD_HINT_CONSENT : CD_HINT_CHROME | CD_HINT_ROLE_CHROME;
        int chrome = hidden || S_chrome_tag(dom, st, id, options) || (h & named) || (!soft && S_is_toc(s));
        if (!(options & COPYDESK_OPT_KEEP_COMMENTS) && (h & CD_HINT_COMMENT))
            chrome = 1;
        if (!chrome)
            continue;
        /* The guard: an element holding a large share of the page's prose, with
         * few links, is not chrome whatever its name says (wrappers such as
         * <div class="page has-sidebar"> or <form id="aspnetForm">). */
        float ld = S_link_density(s);
        if (total && s->chars > total * CD_GUARD_SHARE && (hidden || ld < S_guard_ld(tag)) && !(h & CD_HINT_CONSENT) &&
            !(!soft && S_part_after_text(dom, st, id))) {
#ifdef CD_EXTRACT_DEBUG
            if (getenv("CD_GUARDDBG"))
                fprintf(stderr, "guard: #%u <%s> tagchrome=%d hidden=%d soft=%d share=%.2f ld=%.2f h1=%d\n", id, cd_tag_name(tag),
                        S_chrome_tag(dom, st, id, options), hidden, soft, (double)s->chars / total, (double)ld, 0);
#endif
            continue;
        }
        /* An element that holds nearly all of the page is the page, whatever its
         * links (a listing inside <form id="aspnetForm">, an unclosed
         * <header> that swallowed the body): removing it leaves nothing. */
        if (total && !hidden && s->chars > total * CD_PAGE_SHARE && !(h & CD_HINT_CONSENT))
            continue;
        if (!hidden) {
            /* Named for content and holding paragraphs: "post-content social-ready". */
            if (tag == CD_TAG_ARTICLE && ld < 0.5f && s->n_block >= 3)
                continue;
            if ((h & (CD_HINT_POS | CD_HINT_BODY)) && !(h & CD_HINT_ROLE_CHROME) &&
                !S_chrome_tag(dom, st, id, options) && ld < 0.3f && s->n_block >= 2)
                continue;
            /* Named as chrome only: a story shown in an overlay (yahoo-2's
             * "render-target-modal" holds the page's <article>). */
            if (!(h & (CD_HINT_ROLE_CHROME | CD_HINT_COMMENT)) && !S_chrome_tag(dom, st, id, options) &&
                S_holds_story(dom, st, id))
                continue;
        }
        s->dead = 1;
        S_WHY(id, hidden ? 'h' : S_chrome_tag(dom, st, id, options) ? 't' : (h & CD_HINT_ROLE_CHROME) ? 'r'
                  : (h & CD_HINT_CHROME) ? 'w' : S_is_toc(s) ? 'o' : 'm');
    }
}

/* The structure detectors: comment threads and forms (comments.c), then
 * teaser lists (teaser.c), over the live tree. Their marks (kind)
 * keep such lists out of the share of long paragraphs that tells one
 * article (S_broaden), and inside one article the marked blocks are
 * dropped (drops.c's cd_x_drop_found). */
static void S_detect(const cd_dom *dom, S_stat *st)
{
    uint32_t count = dom->count;
    for (uint32_t id = 0; id < count; id++)
        st[id].kind = CD_KIND_NONE;
    /* Threads first: a comment is a paragraph or two, which a summary of
     * up to CD_TEASER_TEXT characters under a headline-like link (the
     * commenter's) would pass for. A list of dated headlines is left to
     * teaser.c: comments.c takes no run of items made mostly of links. */
    cd_comments_mark(dom, st);
    cd_teaser_mark(dom, st);
    /* A label is marked after the nodes of its subtree were passed. */
    for (uint32_t id = 2; id < count; id++) {
        cd_nid par = cd_dom_node(dom, id)->parent;
        if (!st[id].kind && st[par].kind)
            st[id].kind = (uint8_t)((st[par].kind & ~CD_KIND_UNDER) | CD_KIND_UNDER);
    }
}

/* Pass 3: paragraph scores to ancestors. */
static void S_score(const cd_dom *dom, S_stat *st)
{
    uint32_t count = dom->count;
    for (uint32_t id = 2; id < count; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        S_stat *s = &st[id];
        if (s->dead || n->type != CD_NODE_ELEMENT || !S_is_block(n->tag))
            continue;
        if (s->flow < CD_MIN_PARA)
            continue;
        if (cd_tag_flags(n->tag) & CD_TF_HEADING)
            continue;
        /* A block that is mostly links (a menu row, a tag list) says nothing. */
        if (s->chars && (float)s->link / (float)s->chars > 0.5f)
            continue;
        /* Nor does the furniture the page shares with its site's other pages. */
        if (s->sflow * 2 > s->flow)
            continue;
        uint32_t fc = s->flow;
        float score = 1.0f + (float)s->fcommas + (fc / 100 < 3 ? (float)(fc / 100) : 3.0f);
        cd_nid a = n->parent;
        for (int level = 0; a && level < 5; level++, a = cd_dom_node(dom, a)->parent) {
            const cd_node *an = cd_dom_node(dom, a);
            if (an->type != CD_NODE_ELEMENT)
                break;
            S_touch(dom, st, a);
            float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
            st[a].score += score / div;
        }
    }
    /* Damp by link density. */
    for (uint32_t id = 2; id < count; id++) {
        if (st[id].cand && !st[id].dead)
            st[id].score *= 1.0f - S_link_density(&st[id]);
    }
}

static uint32_t S_child_elements(const cd_dom *dom, const S_stat *st, cd_nid id, cd_nid *only)
{
    uint32_t k = 0;
    for (cd_nid c = cd_dom_node(dom, id)->first; c; c = cd_dom_node(dom, c)->next) {
        const cd_node *cn = cd_dom_node(dom, c);
        if (cn->type == CD_NODE_ELEMENT && !st[c].dead) {
            k++;
            *only = c;
        } else if (cn->type == CD_NODE_TEXT && st[c].chars) {
            k += 2; /* loose text beside the child: not an only child */
        }
    }
    return k;
}

static int S_is_ancestor(const cd_dom *dom, cd_nid a, cd_nid id)
{
    return cd_x_is_ancestor(dom, a, id);
}

/* Does a full stop end at s[i]: closing quotes or brackets (", ', ’, ”,
 * », ")") then the end of the text, a space or a no-break space? */
static int S_stop_ends(const char *s, uint32_t n, uint32_t i)
{
    for (;;) {
        if (i == n || cd_isspace((unsigned char)s[i]))
            return 1;
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\'' || c == ')') {
            i++;
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            return 1;
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xBB) {
            i += 2;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x9D)) {
            i += 3;
        } else {
            return 0;
        }
    }
}

static int S_has_sentence_end(const cd_dom *dom, cd_nid id, int quoted)
{
    /* A full stop of some script in the block's text, then a space or the
     * end of a text node (quoted: S_stop_ends, closing quotes allowed). */
    for (cd_nid t = id; t; t = cd_dom_next(dom, t, id)) {
        const cd_node *n = cd_dom_node(dom, t);
        if (n->type != CD_NODE_TEXT)
            continue;
        for (uint32_t i = 0; i < n->len; i++) {
            unsigned char c = (unsigned char)n->u.text[i];
            if ((c == '.' || c == '!' || c == '?') &&
                (quoted ? S_stop_ends(n->u.text, n->len, i + 1)
                        : (i + 1 == n->len || cd_isspace((unsigned char)n->u.text[i + 1]))))
                return 1;
            if (c == 0xE3 && i + 2 < n->len && (unsigned char)n->u.text[i + 1] == 0x80 &&
                (unsigned char)n->u.text[i + 2] == 0x82)
                return 1; /* 。 */
        }
    }
    return 0;
}

/* A sibling container before the body with at least this many paragraphs and
 * characters, and few links, is part of the article (see S_choose). */
#define CD_INTRO_BLOCKS 2
#define CD_INTRO_CHARS 200

/* A list of many like items, none holding much of the text: a gallery's
 * captions, a stream of teasers (bug-1255978's 50-slide gallery inside the
 * story's body). Its paragraphs, all short and all alike, outscore a story
 * of fewer, longer ones by mass alone. */
#define CD_ITEMS_MIN 10
#define CD_ITEM_CHARS 400
#define CD_ITEMS_TITLE 200
static int S_item_list(const cd_dom *dom, const S_stat *st, cd_nid id)
{
    uint32_t n = 0, same = 0, maxc = 0;
    uint16_t tag = 0;
    for (cd_nid c = cd_dom_node(dom, id)->first; c; c = cd_dom_node(dom, c)->next) {
        const cd_node *cn = cd_dom_node(dom, c);
        if (cn->type != CD_NODE_ELEMENT || st[c].dead || !st[c].chars)
            continue;
        if (!n)
            tag = cn->tag;
        n++;
        /* Items are cards (a caption's paragraphs, a picture and its
         * text), not the paragraphs of a story. */
        same += cn->tag == tag && st[c].n_block >= 1;
        if (st[c].chars > maxc)
            maxc = st[c].chars;
    }
    return n >= CD_ITEMS_MIN && same * 10 >= n * 9 && maxc * 5 <= st[id].chars &&
           st[id].chars <= n * CD_ITEM_CHARS;
}

/* The candidate enclosing an item list (S_item_list) that has prose of its
 * own: at least half the list's score once the list's share of its score is
 * set aside (S_score: level k above the list's items divides by 3k), and
 * beside the list CD_HOST_CHARS characters in CD_HOST_PARAS paragraphs or
 * more with few links (a story, not a heading, a pager or a widget's label). */
#define CD_HOST_CHARS 1000
#define CD_HOST_PARAS 3
static cd_nid S_item_host(const cd_dom *dom, const S_stat *st, cd_nid list, cd_nid body)
{
    float s = st[list].score;
    int k = 1;
    for (cd_nid a = cd_dom_node(dom, list)->parent; a && a != body && cd_dom_node(dom, a)->type == CD_NODE_ELEMENT && k <= 8;
         a = cd_dom_node(dom, a)->parent, k++) {
        if (!st[a].cand || st[a].dead)
            continue;
        float share = k + 1 < 5 ? 2.0f * s / (3.0f * (float)(k + 1)) : 0.0f;
        if (st[a].score - share < s * 0.5f)
            continue;
        uint32_t out = st[a].chars - st[list].chars, link = st[a].link - st[list].link;
        if (out >= CD_HOST_CHARS && st[a].n_p >= st[list].n_p + CD_HOST_PARAS && link * 5 < out)
            return a;
    }
    return CD_NONE;
}

/* The best candidate before thread th (a comment thread S_choose would
 * read as the article): no part of a thread or a teaser list, not around
 * th, holding a block of CD_LONG_PARA characters of its own text with few
 * links that is no part of one either; with after set, anywhere outside
 * th (a teaser list: the story may stand before or after it). CD_NONE when
 * there is none. */
static cd_nid S_before_thread(const cd_dom *dom, const S_stat *st, cd_nid th, cd_nid body, int after)
{
    cd_nid pick = CD_NONE;
    cd_nid thend = cd_dom_next_skip(dom, th, body);
    for (cd_nid id = cd_dom_next(dom, body, body); id && (id < th || after);) {
        if (id >= th && (!thend || id < thend)) {
            id = thend; /* inside th */
            continue;
        }
        if (!st[id].cand || st[id].dead || st[id].kind || S_is_ancestor(dom, id, th) ||
            (pick && st[id].score <= st[pick].score)) {
            id = cd_dom_next(dom, id, body);
            continue;
        }
        cd_nid end = cd_dom_next_skip(dom, id, body);
        int found = 0;
        for (cd_nid t = id; t && t != end && !found; t = cd_dom_next(dom, t, body)) {
            const cd_node *tn = cd_dom_node(dom, t);
            found = tn->type == CD_NODE_ELEMENT && !st[t].dead && !st[t].kind && st[t].flow >= CD_LONG_PARA &&
                    S_is_block(tn->tag) && S_link_density(&st[t]) < 0.2f;
        }
        if (found)
            pick = id;
        /* With no such block in it, none of its candidates has one. */
        id = found ? cd_dom_next(dom, id, body) : end;
    }
    return pick;
}

/* The characters of id's long paragraphs (blocks of CD_LONG_PARA characters
 * of their own text or more, few links, no part of a list or thread). */
static uint32_t S_long_flow(const cd_dom *dom, const S_stat *st, cd_nid id)
{
    uint32_t n = 0;
    for (cd_nid t = id; t;) {
        if (st[t].dead || st[t].kind) {
            t = cd_dom_next_skip(dom, t, id);
            continue;
        }
        if (cd_dom_node(dom, t)->type == CD_NODE_ELEMENT && st[t].flow >= CD_LONG_PARA &&
            S_is_block(cd_dom_node(dom, t)->tag) && S_link_density(&st[t]) < 0.2f)
            n += st[t].flow;
        t = cd_dom_next(dom, t, id);
    }
    return n;
}

/* Is id's live text mostly (share or more) inside teaser lists a detector
 * marked? The walk stops once the text outside them is too much. */
static int S_teasers_mostly(const cd_dom *dom, const S_stat *st, cd_nid id, float share)
{
    if (!st[id].chars)
        return 0;
    if ((st[id].kind & ~CD_KIND_UNDER) == CD_KIND_TEASERS)
        return 1;
    const float most = (1.0f - share) * (float)st[id].chars; /* text outside them allowed */
    uint32_t out = 0;
    for (cd_nid t = id; t;) {
        if (st[t].dead || st[t].kind == CD_KIND_TEASERS) {
            t = cd_dom_next_skip(dom, t, id);
            continue;
        }
        if (cd_dom_node(dom, t)->type == CD_NODE_TEXT && (float)(out += st[t].chars) > most)
            return 0;
        t = cd_dom_next(dom, t, id);
    }
    return 1;
}

#define CD_TEASER_BEST 0.8f
#define CD_TEASER_STORY 0.5f
/* From the best candidate to the article's container: the ancestor of
 * several strong candidates, the parent that holds on to the score, the
 * parent of an only child. top: the TOPN best candidates. */
static cd_nid S_settle(const cd_dom *dom, S_stat *st, const cd_nid *top, int ntop, cd_nid best, cd_nid body)
{
    /* Several strong candidates under one ancestor: the article is that ancestor
     * (a body split into sections, each scoring on its own). */
    for (cd_nid a = cd_dom_node(dom, best)->parent; a && a != body && cd_dom_node(dom, a)->type == CD_NODE_ELEMENT;
         a = cd_dom_node(dom, a)->parent) {
        int under = 0;
        for (int k = 1; k < ntop; k++)
            if (top[k] && st[top[k]].score >= st[best].score * 0.75f && S_is_ancestor(dom, a, top[k]))
                under++;
        if (under >= 2) {
            S_touch(dom, st, a);
            best = a;
            break;
        }
    }

    /* Climb while the parent holds on to the score. */
    float last = st[best].score;
    float threshold = last / 3.0f;
    for (cd_nid p = cd_dom_node(dom, best)->parent; p && p != body && cd_dom_node(dom, p)->type == CD_NODE_ELEMENT;
         p = cd_dom_node(dom, p)->parent) {
        if (!st[p].cand)
            continue;
        if (st[p].score < threshold)
            break;
        if (st[p].score > last) {
            best = p;
            break;
        }
        last = st[p].score;
    }
    /* An only child says nothing its parent does not: use the parent (this makes
     * sibling merging see the real siblings). */
    for (;;) {
        cd_nid p = cd_dom_node(dom, best)->parent;
        cd_nid only = CD_NONE;
        if (!p || p == body || cd_dom_node(dom, p)->type != CD_NODE_ELEMENT)
            break;
        if (S_child_elements(dom, st, p, &only) != 1)
            break;
        S_touch(dom, st, p);
        if (st[p].score < st[best].score)
            st[p].score = st[best].score;
        best = p;
    }
    return best;
}

/* Pass 4: choose the top candidate and the sibling roots. */
static void S_choose(cd_extract *x, const cd_dom *dom, S_stat *st)
{
    uint32_t count = dom->count;
    cd_nid body = dom->body ? dom->body : cd_dom_root(dom);
    enum { TOPN = 5 };
    cd_nid top[TOPN] = {0};
    for (uint32_t id = 2; id < count; id++) {
        if (!st[id].cand || st[id].dead || id == body || id == dom->html)
            continue;
        /* A container made mostly of its site's furniture is not the article. */
        if ((float)st[id].site > (float)st[id].chars * CD_SITE_CAND_SHARE)
            continue;
        for (int k = 0; k < TOPN; k++) {
            if (!top[k] || st[id].score > st[top[k]].score) {
                memmove(&top[k + 1], &top[k], (TOPN - 1 - (size_t)k) * sizeof top[0]);
                top[k] = id;
                break;
            }
        }
    }
    x->nroots = 0;
    x->items = CD_NONE;
    cd_nid best = top[0];
    if (!best) {
        x->no_article = 1;
        if (body)
            x->roots[x->nroots++] = body;
        return;
    }

    /* A thread read as the article: readers' comments outscore a short story
     * above them when nothing names them (comments.c found them by their
     * signatures). The story is the best candidate before the thread,
     * outside it, that holds a long paragraph of its own. */
    if (!x->keep_thread && (st[best].kind & ~CD_KIND_UNDER) == CD_KIND_THREAD) {
        cd_nid story = S_before_thread(dom, st, best, body, 0);
        if (story) {
            x->thread = best;
            best = story;
        }
    }
    best = S_settle(dom, st, top, TOPN, best, body);
    /* A teaser list read as the article: when the container chosen is a
     * list of other stories the detectors found (four fifths of its text or
     * more), the article is the best candidate outside it holding a long
     * paragraph of its own, settled as above. */
    if (S_teasers_mostly(dom, st, best, S_param("CD_TSH", CD_TEASER_BEST))) {
        cd_nid story = S_before_thread(dom, st, best, body, 1);
#ifdef CD_EXTRACT_DEBUG
        if (getenv("CD_TLDBG"))
            fprintf(stderr, "teaser-best: #%u story=#%u\n", best, story);
#endif
        cd_nid alt = story ? S_settle(dom, st, top, TOPN, story, body) : CD_NONE;
#ifdef CD_EXTRACT_DEBUG
        if (getenv("CD_TLDBG") && alt)
            fprintf(stderr, "teaser-alt: #%u chars=%u long=%u list=#%u chars=%u\n", alt, st[alt].chars,
                    S_long_flow(dom, st, alt), best, st[best].chars);
#endif
        if (alt && (float)S_long_flow(dom, st, alt) >= (float)st[best].chars * S_param("CD_TLONG", CD_TEASER_STORY))
            best = alt;
    }

    /* A gallery or a teaser stream inside a story: the story's container. */
    if (S_item_list(dom, st, best)) {
        cd_nid host = S_item_host(dom, st, best, body);
        if (host) {
            /* A list that outweighs the story around it twice over is no
             * part of it (bug-1255978: 13,650 characters of captions beside
             * a 3,464-character story); a lesser one is (0130's testimonials
             * beside its course description), and stays. */
            if (st[best].chars >= 2 * (st[host].chars - st[best].chars)) {
                /* With its wrappers up to the story's container while they add
                 * no paragraph and no more than a title (the gallery's heading). */
                cd_nid w = best;
                for (cd_nid a = cd_dom_node(dom, w)->parent; a && a != host; a = cd_dom_node(dom, a)->parent) {
                    if (st[a].n_p != st[best].n_p || st[a].chars - st[best].chars > CD_ITEMS_TITLE)
                        break;
                    w = a;
                }
                x->items = w;
            }
            best = host;
        }
    }
    /* Siblings that belong to the article. */
    cd_nid parent = cd_dom_node(dom, best)->parent;
    float best_score = st[best].score;
    float sib_threshold = best_score * 0.2f > 10.0f ? best_score * 0.2f : 10.0f;
    if (!parent || parent == cd_dom_root(dom)) {
        x->roots[x->nroots++] = best;
        return;
    }
    for (cd_nid c = cd_dom_node(dom, parent)->first; c; c = cd_dom_node(dom, c)->next) {
        const cd_node *cn = cd_dom_node(dom, c);
        if (cn->type != CD_NODE_ELEMENT || st[c].dead)
            continue;
        int take = 0;
        if (c == best) {
            take = 1;
        } else {
            float bonus = cd_x_same_class(dom, c, best) ? best_score * 0.2f : 0.0f;
            if (st[c].cand && st[c].score + bonus >= sib_threshold) {
                take = 1;
            } else if (cn->tag == CD_TAG_P || (S_is_block(cn->tag) && st[c].flow == st[c].chars)) {
                float ld = S_link_density(&st[c]);
                uint32_t len = st[c].chars;
                if (len > 80 && ld < 0.25f)
                    take = 1;
                else if (len > 0 && len <= 80 && ld == 0.0f && S_has_sentence_end(dom, c, 0))
                    take = 1;
            } else if (c < best && S_is_block(cn->tag) && st[c].n_block >= CD_INTRO_BLOCKS &&
                       st[c].chars >= CD_INTRO_CHARS && S_link_density(&st[c]) < 0.2f &&
                       !(st[c].hints & (CD_HINT_CHROME | CD_HINT_NEG | CD_HINT_COMMENT | CD_HINT_ROLE_CHROME))) {
                /* Paragraphs in a container of their own before the body (an
                 * introduction, a standfirst, a first section): they score
                 * below the threshold only because the body is long. After the
                 * body, such containers are as often an author's bio, a
                 * disclaimer or teasers, so only what comes first is taken. */
                take = 1;
            } else if (cn->tag == CD_TAG_FIGURE && st[c].chars > 0 && st[c].chars < 400 &&
                       S_link_density(&st[c]) < 0.25f) {
                /* The lead picture beside the body: its caption is part of the story. */
                take = 1;
            }
        }
        if (take && x->nroots < CD_MAX_ROOTS)
            x->roots[x->nroots++] = c;
    }
}


static int S_inside(const cd_dom *dom, cd_nid id, uint16_t tag, cd_nid top)
{
    for (cd_nid a = cd_dom_node(dom, id)->parent; a && a != top; a = cd_dom_node(dom, a)->parent)
        if (cd_dom_node(dom, a)->tag == tag)
            return 1;
    return 0;
}

/* Undo S_clean inside root and recount the statistics. */
static void S_unclean(const cd_dom *dom, S_stat *st, cd_nid root, const uint8_t *sc)
{
    cd_nid end = cd_dom_next_skip(dom, root, cd_dom_root(dom));
    uint32_t last = end ? end : dom->count;
    for (uint32_t id = root; id < last; id++)
        if (st[id].dead == CD_DEAD_CLEANED)
            st[id].dead = 0;
    S_stats(dom, st, sc);
}

/* Cleaning that leaves less than this share of a root's text is undone (see
 * cd_extract_run). Swept on wcxb-dev: 0.25 (the old value, "empties it") ->
 * F1 0.8675, with 79.34 %, without 5.72 %; 0.5 -> 0.8681 / 79.46 % / 5.74 %;
 * 0.6 -> 0.8684 / 79.62 % / 5.77 % with article F1 up. With the standfirst
 * rule's final form, 0.7 -> 0.8689 / 79.98 % / 5.81 % (0.6: 0.8687 / 79.70 %
 * / 5.77 %), but three pages lose 0.17-0.22 F1 (one of them gains a
 * 'without' snippet) and Readability loses 0.00004. */
#define CD_CLEAN_KEEP 0.6f

/* What S_clean's removals take from an ancestor's statistics, kept back
 * until the walk reaches it (the fields cd_x_subtract lowers). */
typedef struct S_owed {
    cd_nid id;
    uint32_t chars, link, commas, head, site, n_p, n_img, n_li, n_input, n_embed;
} S_owed;

/* Add what node s gives up (its own statistics, or a debt it passes on) to
 * the debt of parent p: the top of the stack (the deepest ancestor owed,
 * ids increasing towards the top) or a new entry. 0 when the stack is full. */
static int S_owe(S_owed *owed, size_t *n, size_t cap, cd_nid p, const S_owed *d)
{
    if (!*n || owed[*n - 1].id != p) {
        if (*n == cap)
            return 0;
        memset(&owed[*n], 0, sizeof owed[*n]);
        owed[(*n)++].id = p;
    }
    S_owed *o = &owed[*n - 1];
    o->chars += d->chars;
    o->link += d->link;
    o->commas += d->commas;
    o->head += d->head;
    o->site += d->site;
    o->n_p += d->n_p;
    o->n_img += d->n_img;
    o->n_li += d->n_li;
    o->n_input += d->n_input;
    o->n_embed += d->n_embed;
    return 1;
}

#define S_PAY(f) s->f = (s->f > d->f ? s->f - d->f : 0)
static void S_pay(S_stat *s, const S_owed *d)
{
    S_PAY(chars);
    S_PAY(link);
    S_PAY(commas);
    S_PAY(head);
    S_PAY(site);
    s->n_p = (uint16_t)(s->n_p > d->n_p ? s->n_p - d->n_p : 0);
    s->n_img = (uint16_t)(s->n_img > d->n_img ? s->n_img - d->n_img : 0);
    s->n_li = (uint16_t)(s->n_li > d->n_li ? s->n_li - d->n_li : 0);
    s->n_input = (uint16_t)(s->n_input > d->n_input ? s->n_input - d->n_input : 0);
    s->n_embed = (uint16_t)(s->n_embed > d->n_embed ? s->n_embed - d->n_embed : 0);
}
#undef S_PAY

/* Pay debt d at once: from a and its ancestors up to root (deeper than the
 * stack: cd_x_subtract's walk). */
static void S_pay_up(const cd_dom *dom, S_stat *st, cd_nid a, cd_nid root, const S_owed *d)
{
    for (; a; a = cd_dom_node(dom, a)->parent) {
        S_pay(&st[a], d);
        if (a == root)
            break;
    }
}

/* Pass 5: Readability's conditional cleaning, bottom-up inside one root.
 * A removed block's statistics leave its ancestors' as cd_x_subtract takes
 * them, but kept back as a debt on its parent, paid when the walk reaches
 * the parent and passed on up from there: cd_x_subtract walking up to the
 * root at every removal cost depth x removals (hostile2's
 * deep-a-text-chain: 250 nested blocks of a link each, 33 % of the
 * instructions). The same numbers: taking a from x then b (never below 0)
 * leaves what taking a + b at once does. The walk goes backwards in
 * document order, so the nodes owed are ancestors of the one at hand: a
 * stack as deep as the tree. */
static void S_clean(const cd_dom *dom, S_stat *st, cd_nid root)
{
    cd_nid end = cd_dom_next_skip(dom, root, cd_dom_root(dom));
    uint32_t last = end ? end : dom->count;
    S_owed owed[CD_MAX_DEPTH + 8];
    size_t nowed = 0;
    for (uint32_t id = last - 1; id > root; id--) {
        const cd_node *n = cd_dom_node(dom, id);
        S_stat *s = &st[id];
        if (nowed && owed[nowed - 1].id == id) {
            S_owed d = owed[--nowed];
            S_pay(s, &d);
            if (!S_owe(owed, &nowed, sizeof owed / sizeof owed[0], n->parent, &d))
                S_pay_up(dom, st, n->parent, root, &d);
        }
        if (s->dead || n->type != CD_NODE_ELEMENT)
            continue;
        uint16_t tag = n->tag;
        int is_list = tag == CD_TAG_UL || tag == CD_TAG_OL;
        int kind = is_list || tag == CD_TAG_TABLE || tag == CD_TAG_DIV || tag == CD_TAG_SECTION ||
                   tag == CD_TAG_FORM || tag == CD_TAG_FIELDSET || tag == CD_TAG_DL ||
                   tag == CD_TAG_UNKNOWN || tag == CD_TAG_HEADER || tag == CD_TAG_FOOTER ||
                   tag == CD_TAG_ASIDE;
        int remove = 0;
        int weight = S_class_weight(s->hints);
        if (cd_tag_flags(tag) & CD_TF_HEADING) {
            /* Headings named like chrome ("related-title") go. */
            remove = weight < 0 && (s->hints & (CD_HINT_CHROME | CD_HINT_COMMENT));
        } else if (kind) {
            if (weight < 0 && s->chars < 500 && (s->hints & (CD_HINT_CHROME | CD_HINT_COMMENT))) {
                remove = 'A';
            } else if (s->commas < 10) {
                float ld = S_link_density(s);
                uint32_t p = s->n_p, img = s->n_img, input = s->n_input;
                /* Readability counts paragraphs after turning every div of
                 * inline content into a <p>: count blocks of text as paragraphs. */
                uint32_t pb = s->n_block > p ? s->n_block : p;
                int li = (int)s->n_li - 100;
                uint32_t len = s->chars;
                float head_density = len ? (float)s->head / (float)len : 0.0f;
                if (!is_list) {
                    /* A container that is mostly lists counts as a list. */
                    is_list = 0;
                }
                if (img > 1 && (float)pb / (float)img < 0.5f && !S_inside(dom, id, CD_TAG_FIGURE, root))
                    remove = 'B';
                else if (!is_list && li > (int)p)
                    remove = 'C';
                else if (input > p / 3)
                    remove = 'D';
                else if (!is_list && head_density < 0.9f && len < 25 && (img == 0 || img > 2) && ld > 0.0f)
                    remove = 'E';
                else if (!is_list && weight < 25 && ld > 0.2f && len < 200 && len - s->link < CD_OWN_SENTENCE)
                    /* Links and a few words: "Read also: …", a row of tags.
                     * A teaser or a card that says a sentence of its own
                     * besides its links is content. */
                    remove = 'F';
                else if (weight >= 25 && ld > 0.5f)
                    remove = 'G';
                else if ((s->n_embed == 1 && len < 75) || s->n_embed > 1)
                    remove = 'H';
                /* No rule for lists of links inside the article: they are its
                 * parts, its steps or its references at least as often as
                 * related links, and those are named (hints.c). */
            }
        }
        if (remove) {
            S_owed d = {id, s->chars, s->link, s->commas, s->head, s->site, s->n_p, s->n_img, s->n_li,
                        s->n_input, s->n_embed};
            if (!S_owe(owed, &nowed, sizeof owed / sizeof owed[0], n->parent, &d))
                S_pay_up(dom, st, n->parent, root, &d);
            s->dead = CD_DEAD_CLEANED;
            S_WHY(id, remove);
        }
    }
    if (nowed && owed[nowed - 1].id == root)
        S_pay(&st[root], &owed[--nowed]);
}

/* Does text node t hold a letter, a digit or a letter of another script
 * (cd_x_wordy)? */
static int S_text_wordy(const cd_node *t)
{
    for (uint32_t i = 0; i < t->len;) {
        uint32_t cp = (unsigned char)t->u.text[i];
        size_t k = 1;
        if (cp >= 0x80)
            k = cd_utf8_decode((const unsigned char *)t->u.text + i, t->len - i, &cp);
        if (cd_x_wordy(cp))
            return 1;
        i += (uint32_t)k;
    }
    return 0;
}

/* Is n an inline element a sentence reads through (<span>, <em>, <strong>,
 * <font>, a <sup>): not a link, a block, a void element (<br>, <img>) nor
 * one whose content is never text? */
static int S_inline_wrap(const cd_node *n)
{
    return n->type == CD_NODE_ELEMENT && n->tag != CD_TAG_A && !cd_x_is_block(n->tag) &&
           !(cd_tag_flags(n->tag) & (CD_TF_VOID | CD_TF_SKIP));
}

/* Nodes visited looking past inline wrappers, each way. */
#define CD_X_INLINE_HOPS 16

/* The first text after element id that is not only white space, in its run
 * of inline content: out of the wrappers id closes, into the ones that
 * follow. NULL at a link, a block, a void element or after
 * CD_X_INLINE_HOPS nodes. *through says whether a wrapper was crossed. */
static const cd_node *S_text_after(const cd_dom *dom, cd_nid id, int *through)
{
    cd_nid x = id, c = cd_dom_node(dom, id)->next;
    for (int hops = 0; hops < CD_X_INLINE_HOPS; hops++) {
        if (!c) {
            cd_nid p = cd_dom_node(dom, x)->parent;
            if (!p || !S_inline_wrap(cd_dom_node(dom, p)))
                return NULL;
            x = p;
            c = cd_dom_node(dom, p)->next;
            *through = 1;
            continue;
        }
        const cd_node *t = cd_dom_node(dom, c);
        if (t->type == CD_NODE_TEXT) {
            for (uint32_t i = 0; i < t->len; i++)
                if (!cd_isspace((unsigned char)t->u.text[i]))
                    return t;
        } else if (!S_inline_wrap(t)) {
            return NULL;
        } else {
            *through = 1;
            if (t->first) {
                x = c;
                c = t->first;
                continue;
            }
        }
        x = c;
        c = t->next;
    }
    return NULL;
}

/* Does the text before element id in its run of inline content (through
 * wrappers, as S_text_after) end in a word or a comma: the link stands
 * after a sentence's first words, not after its end, a colon, a line break
 * or the start of its block? */
static int S_word_before(const cd_dom *dom, cd_nid id)
{
    cd_nid x = id, c = cd_dom_node(dom, id)->prev;
    for (int hops = 0; hops < CD_X_INLINE_HOPS; hops++) {
        if (!c) {
            cd_nid p = cd_dom_node(dom, x)->parent;
            if (!p || !S_inline_wrap(cd_dom_node(dom, p)))
                return 0;
            x = p;
            c = cd_dom_node(dom, p)->prev;
            continue;
        }
        const cd_node *t = cd_dom_node(dom, c);
        if (t->type == CD_NODE_TEXT) {
            uint32_t e = t->len;
            while (e && cd_isspace((unsigned char)t->u.text[e - 1]))
                e--;
            if (e) {
                unsigned char b = (unsigned char)t->u.text[e - 1];
                return b >= 0x80 || cd_isalnum(b) || b == ',';
            }
        } else if (!S_inline_wrap(t)) {
            return 0;
        } else if (t->last) {
            x = c;
            c = t->last;
            continue;
        }
        x = c;
        c = t->prev;
    }
    return 0;
}

/* Does text node t start, after white space, with a lower-case letter (of
 * the Latin, Greek or Cyrillic alphabets: scripts without case never
 * pass)? */
static int S_starts_lower(const cd_node *t)
{
    uint32_t i = 0, cp;
    while (i < t->len && cd_isspace((unsigned char)t->u.text[i]))
        i++;
    if (i >= t->len)
        return 0;
    cp = (unsigned char)t->u.text[i];
    if (cp >= 0x80)
        cd_utf8_decode((const unsigned char *)t->u.text + i, t->len - i, &cp);
    return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || (cp >= 0x3AC && cp <= 0x3CE) ||
           (cp >= 0x430 && cp <= 0x45F);
}

/* Does a word run on from element id: text with letters, digits or
 * letters of other scripts right after it ("<a>Follow me on Pinterest</a>
 * to see …")? A link closing a line ("… <a>read more</a>") does not count,
 * nor one followed by a no-break space, a bullet or a dash (cd_x_wordy).
 * Text reached through inline wrappers ("About <a><span>57% of
 * businesses</span></a><span> advertise on it</span>", "<em><a>…</a></em>
 * now use …") counts only when the sentence runs on both sides: a word in
 * lower case after, and a word (or comma) before in the same run. What
 * follows a headline link in a list in its own <span>, <font> or <i> (a
 * date, "[Birmingham]", "Standing Desks" after a breadcrumb's "Home")
 * starts with a digit, a bracket or a capital, and nothing precedes the
 * link in its item: read through wrappers without both tests, wcxb-dev
 * changed 18 records (8 worse: breadcrumbs, buttons) and L3S-GN1 5, all
 * worse (teaser lists with dates kept). */
int cd_x_in_sentence(const cd_dom *dom, cd_nid id)
{
    int through = 0;
    const cd_node *t = S_text_after(dom, id, &through);
    if (!t)
        return 0;
    if (!through)
        return S_text_wordy(t);
    return S_starts_lower(t) && S_word_before(dom, id);
}

/* The live text of block id into buf (max bytes), runs of white
 * space as one (markup indentation). Returns its length, or -1 when the
 * block does not fit: only a block read whole is judged. A block of more
 * than 4 * max + 64 nodes does not fit either, whatever its text: callers
 * ask this of every short block, and a short text over a million empty
 * elements (deep nesting past CD_MAX_PARSE_DEPTH turns each <div> into a
 * <br>) was read again for each of its 256 ancestors (pathological shapes,
 * bench/hostile.py: 0.18-0.28 s of CPU per MB). Nor does a block whose
 * text lies more than CD_X_TEXT_DEPTH levels below it: a node is then read
 * for at most that many of its ancestors, where a chain of 256 short
 * nested blocks, each with a word of its own, was read again for every one
 * of them (hostile2's deep-div-text-chain: 22 times the instructions of a
 * normal page of its size, 7 times its CPU). */
#define CD_X_TEXT_DEPTH 24

/* Pre-order successor of t within top's subtree past t's own subtree, with
 * *depth (t's levels below top) kept up to date. */
static inline cd_nid S_skip_depth(const cd_dom *dom, cd_nid t, cd_nid top, unsigned *depth)
{
    while (t && t != top) {
        const cd_node *n = cd_dom_node(dom, t);
        if (n->next)
            return n->next;
        t = n->parent;
        (*depth)--;
    }
    return CD_NONE;
}
/* Is c one of ":;,.!?)" or NUL (strchr's answer on that string)? All are
 * below 64: one bit each. */
static inline int S_punct_lead(unsigned char c)
{
    const uint64_t set = 1ull | 1ull << '!' | 1ull << ')' | 1ull << ',' | 1ull << '.' | 1ull << ':' |
                         1ull << ';' | 1ull << '?';
    return c < 64 && ((set >> c) & 1);
}

long cd_x_text(const cd_dom *dom, const S_stat *st, cd_nid id, char *buf, size_t max)
{
    size_t len = 0, nodes = 4 * max + 64;
    unsigned depth = 0;
    cd_nid t = id;
    while (t && len < max && nodes--) {
        const cd_node *tn = cd_dom_node(dom, t);
        if (st[t].dead && t != id) {
            t = S_skip_depth(dom, t, id, &depth);
            continue;
        }
        if (tn->type == CD_NODE_TEXT) {
            /* The space put between two text nodes does not stand before
             * punctuation: "<b>Related</b>: …" reads "Related: …". */
            if (len && buf[len - 1] == ' ' && tn->len && S_punct_lead((unsigned char)tn->u.text[0]))
                len--;
            /* Runs of bytes above the space copied at once (sixteen bytes
             * at a time with SSE2), then the byte that ends the run: a run
             * of white space collapsed to one space, a control byte
             * itself. */
            const unsigned char *p = (const unsigned char *)tn->u.text;
            uint32_t k = 0, tl = tn->len;
            while (k < tl && len < max) {
#ifdef S_SSE2
                /* Prose first: sixteen bytes whose only bytes at or below
                 * the space are single spaces (not after a space already
                 * written, nor first in buf) read as they are, as the loop
                 * below would copy them. */
                {
                    const __m128i sp = _mm_set1_epi8(' ');
                    while (k + 16 <= tl && len + 16 <= max) {
                        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
                        unsigned le = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, sp), v));
                        unsigned spm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, sp));
                        if ((le & ~spm) || (spm & (spm >> 1)) || ((spm & 1) && (!len || buf[len - 1] == ' ')))
                            break;
                        _mm_storeu_si128((__m128i *)(void *)(buf + len), v);
                        len += 16;
                        k += 16;
                    }
                    if (k >= tl || len >= max)
                        break;
                }
#endif
                size_t lim = tl - k < max - len ? tl - k : max - len, j = 0;
                const unsigned char *q = p + k;
#ifdef S_SSE2
                const __m128i sp = _mm_set1_epi8(' ');
                while (j + 16 <= lim) {
                    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(q + j));
                    _mm_storeu_si128((__m128i *)(void *)(buf + len + j), v);
                    unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, sp), v));
                    if (m) {
                        j += (size_t)__builtin_ctz(m);
                        break;
                    }
                    j += 16;
                }
#endif
                while (j < lim && q[j] > ' ') {
                    buf[len + j] = (char)q[j];
                    j++;
                }
                len += j;
                k += (uint32_t)j;
                if (j < lim) {
                    unsigned char b = q[j];
                    k++;
                    if (cd_isspace(b)) {
                        if (len && buf[len - 1] != ' ')
                            buf[len++] = ' ';
                        /* The rest of the white space adds nothing (an
                         * indentation: sixteen bytes at a time). */
#ifdef S_SSE2
                        const __m128i nine = _mm_set1_epi8(9), four = _mm_set1_epi8(4);
                        while (k + 16 <= tl) {
                            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
                            __m128i t9 = _mm_sub_epi8(v, nine); /* \t..\r: 0..4 */
                            __m128i ws = _mm_or_si128(_mm_cmpeq_epi8(v, sp),
                                                      _mm_cmpeq_epi8(_mm_min_epu8(t9, four), t9));
                            unsigned m = (unsigned)_mm_movemask_epi8(ws) ^ 0xFFFFu;
                            if (m) {
                                k += (uint32_t)__builtin_ctz(m);
                                break;
                            }
                            k += 16;
                        }
#endif
                        while (k < tl && (cd_class_bytes[p[k]] & CD_CWB_SPACE))
                            k++;
                    } else {
                        buf[len++] = (char)b;
                    }
                }
            }
            if (len && len < max && buf[len - 1] != ' ')
                buf[len++] = ' ';
        }
        if (tn->first) {
            if (depth == CD_X_TEXT_DEPTH)
                return -1;
            depth++;
            t = tn->first;
        } else {
            t = S_skip_depth(dom, t, id, &depth);
        }
    }
    buf[len] = '\0';
    return t ? -1 : (long)len;
}

static void S_drop_phrase(const cd_dom *dom, S_stat *st, cd_nid id, cd_nid root)
{
    cd_x_subtract(dom, st, id, root);
    st[id].dead = 1;
    S_WHY(id, 'p');
}

/* A fundraising appeal is a box: a heading, a few paragraphs asking for
 * support and the donation button. Drop the largest ancestor of the button
 * that is still a box (at most CD_APPEAL_MAX characters, under a third of
 * the article). */
#define CD_APPEAL_MAX 1200
static void S_drop_appeal(const cd_dom *dom, S_stat *st, cd_nid id, cd_nid root)
{
    cd_nid box = id;
    for (cd_nid a = cd_dom_node(dom, id)->parent; a && a != root; a = cd_dom_node(dom, a)->parent) {
        if (st[a].chars > CD_APPEAL_MAX || st[a].chars * 3 > st[root].chars)
            break;
        box = a;
    }
    if (!st[box].dead)
        S_drop_phrase(dom, st, box, root);
}

/* Is the element just before or after id a heading (a byline and time
 * stamp line under the headline, or above it)? */
static int S_beside_heading(const cd_dom *dom, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    for (int k = 0; k < 2; k++) {
        cd_nid sib = k ? n->next : n->prev;
        while (sib && cd_dom_node(dom, sib)->type != CD_NODE_ELEMENT)
            sib = k ? cd_dom_node(dom, sib)->next : cd_dom_node(dom, sib)->prev;
        if (sib && (cd_tag_flags(cd_dom_node(dom, sib)->tag) & CD_TF_HEADING))
            return 1;
    }
    return 0;
}

/* Does the subtree of id hold an element with this tag? */
static int S_holds(const cd_dom *dom, cd_nid id, uint16_t tag)
{
    for (cd_nid t = cd_dom_next(dom, id, id); t; t = cd_dom_next(dom, t, id))
        if (cd_dom_node(dom, t)->tag == tag && cd_dom_node(dom, t)->type == CD_NODE_ELEMENT)
            return 1;
    return 0;
}

/* Time stamp lines kept back until the walk is over: more than this many in
 * one article are part of a list (an entry's date in a listing). */
#define CD_MAX_STAMPS 2

/* Short blocks made of stock chrome phrases ("Share this article", "Sign up for
 * our newsletter", "Advertisement") go, wherever they sit in the article. */
static void S_phrases(const cd_dom *dom, S_stat *st, cd_nid root)
{
    char buf[CD_PROMPT_MAX + 1];
    cd_nid stamps[CD_MAX_STAMPS + 1];
    int nstamps = 0;
    cd_nid id = root;
    while (id) {
        const cd_node *n = cd_dom_node(dom, id);
        S_stat *s = &st[id];
        /* A donation button is short and mostly link: cleaning or the
         * furniture pass of an article page (drops.c, why 'g': a block that
         * is one link, wcxb-dev 4511) may have taken it already, but it
         * still tells its box is an appeal. */
        long len = (s->dead == CD_DEAD_CLEANED || (s->dead && s->why == 'g')) && s->chars <= 40 &&
                           s->link * 2 > s->chars
                       ? cd_x_text(dom, st, id, buf, CD_BOILER_MAX)
                       : -1;
        if (len >= 0 && cd_boiler_phrase(buf, (size_t)len) == CD_BOILER_DONATE) {
            S_drop_appeal(dom, st, id, root);
            id = cd_dom_next_skip(dom, id, root);
            continue;
        }
        /* Code is never chrome: "print" and "email" are its words there. */
        if (s->dead || (n->type == CD_NODE_ELEMENT && (n->tag == CD_TAG_PRE || n->tag == CD_TAG_CODE))) {
            id = cd_dom_next_skip(dom, id, root);
            continue;
        }
        /* Up to 80 visible characters for the ordinary phrases; up to 140 for
         * the few that are chrome at any length (a copyright line, a sign-up
         * prompt naming its newsletter: cd_boiler_phrase decides). A link
         * or span counts only when it is no part of a sentence. A block up
         * to 350 characters holding a link may be a sign-up prompt. */
        int candidate = n->type == CD_NODE_ELEMENT && s->chars > 0 &&
                        s->chars <= CD_BOILER_MAX * 7 / 8 &&
                        (S_is_block(n->tag) ||
                         ((n->tag == CD_TAG_A || n->tag == CD_TAG_SPAN) && !cd_x_in_sentence(dom, id)));
        int prompt = n->type == CD_NODE_ELEMENT && S_is_block(n->tag) && s->link > 0 &&
                     s->chars <= CD_PROMPT_MAX * 7 / 8;
        len = candidate || prompt ? cd_x_text(dom, st, id, buf, CD_PROMPT_MAX) : -1;
        int kind = candidate && len >= 0 && len < CD_BOILER_MAX ? cd_boiler_phrase(buf, (size_t)len) : 0;
        if (!kind && prompt && len >= 0 && cd_boiler_prompt(buf, (size_t)len))
            kind = CD_BOILER_CHROME;
        /* A donation label that is a link is the button of an appeal. */
        if (kind == CD_BOILER_DONATE) {
            if (n->tag == CD_TAG_A || s->link * 2 > s->chars) {
                S_drop_appeal(dom, st, id, root);
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            kind = 0; /* "Officiant fee or donation: $100" */
        }
        if (kind == CD_BOILER_CHROME || kind == CD_BOILER_COPYRIGHT) {
            S_drop_phrase(dom, st, id, root);
            /* Named apart: src/news reads the holder (a wire's credit) and
             * --keep-parts keeps the line. */
            if (kind == CD_BOILER_COPYRIGHT) S_WHY(id, CD_WHY_COPYRIGHT);
            id = cd_dom_next_skip(dom, id, root);
        } else if (candidate && len >= 0 && S_is_block(n->tag) && cd_boiler_stamp(buf, (size_t)len) &&
                   S_beside_heading(dom, id) && S_holds(dom, id, CD_TAG_TIME)) {
            if (nstamps <= CD_MAX_STAMPS)
                stamps[nstamps++] = id;
            id = cd_dom_next_skip(dom, id, root);
        } else {
            id = cd_dom_next(dom, id, root);
        }
    }
    for (int k = 0; nstamps <= CD_MAX_STAMPS && k < nstamps; k++)
        S_drop_phrase(dom, st, stamps[k], root);
}

/* With COPYDESK_OPT_KEEP_COMMENTS: the outermost comment sections outside the
 * article become roots of their own, after the article, in document order. */
static void S_add_comments(cd_extract *x, const cd_dom *dom, const S_stat *st)
{
    uint32_t first_new = x->nroots;
    for (uint32_t id = 2; id < dom->count && x->nroots < CD_MAX_ROOTS; id++) {
        if (st[id].dead || !(st[id].hints & CD_HINT_COMMENT) || st[id].chars == 0)
            continue;
        int inside = 0;
        for (uint32_t r = 0; r < x->nroots && !inside; r++)
            inside = S_is_ancestor(dom, x->roots[r], id) || S_is_ancestor(dom, id, x->roots[r]);
        if (!inside)
            x->roots[x->nroots++] = id;
    }
    (void)first_new;
}

/* Repeated blocks: carousels clone their slides, responsive pages render the
 * same text twice (one copy for small screens), tabs repeat a summary. A block
 * whose whole text (ignoring whitespace) already appeared in an earlier block
 * of the content, under another parent, is dropped. Only leaf blocks (all text inline) of at least
 * CD_DEDUP_MIN characters are considered, so short repeated labels stay. */
#define CD_DEDUP_MIN 20

static uint64_t S_block_hash(const cd_dom *dom, const S_stat *st, cd_nid id)
{
    uint64_t h = 1469598103934665603ull;
    for (cd_nid t = id; t;) {
        if (st[t].dead) {
            t = cd_dom_next_skip(dom, t, id);
            continue;
        }
        const cd_node *n = cd_dom_node(dom, t);
        if (n->type == CD_NODE_TEXT) {
            for (uint32_t i = 0; i < n->len; i++) {
                unsigned char c = (unsigned char)n->u.text[i];
                if (!cd_isspace(c)) {
                    h ^= c;
                    h *= 1099511628211ull;
                }
            }
        }
        t = cd_dom_next(dom, t, id);
    }
    return h ? h : 1;
}

static copydesk_status S_dedup(cd_extract *x, const cd_dom *dom, S_stat *st)
{
    uint32_t nblocks = 0;
    for (uint32_t r = 0; r < x->nroots; r++)
        nblocks += st[x->roots[r]].n_block + 1;
    size_t cap = 64;
    while (cap < (size_t)nblocks * 2)
        cap *= 2;
    uint64_t *set = x->mem->calloc(cap, sizeof *set);
    cd_nid *where = x->mem->calloc(cap, sizeof *where);
    if (!set || !where) {
        x->mem->free(set);
        x->mem->free(where);
        return COPYDESK_ERR_NOMEM;
    }
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        cd_nid id = root;
        while (id) {
            const cd_node *n = cd_dom_node(dom, id);
            S_stat *s = &st[id];
            if (s->dead) {
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            int leaf = n->type == CD_NODE_ELEMENT && S_is_block(n->tag) && s->flow == s->chars &&
                       s->chars >= CD_DEDUP_MIN && !(cd_tag_flags(n->tag) & CD_TF_HEADING);
            if (!leaf) {
                id = cd_dom_next(dom, id, root);
                continue;
            }
            uint64_t h = S_block_hash(dom, st, id);
            size_t k = (size_t)h & (cap - 1);
            int seen = 0;
            while (set[k]) {
                if (set[k] == h) {
                    seen = 1;
                    break;
                }
                k = (k + 1) & (cap - 1);
            }
            /* Paragraphs repeated side by side in one container are the
             * author's (a refrain, a test page); a copy elsewhere is a clone. */
            if (seen && where[k] != n->parent) {
                cd_x_subtract(dom, st, id, CD_NONE);
                s->dead = 1;
                S_WHY(id, 'd');
            } else if (!seen && nblocks) {
                set[k] = h;
                where[k] = n->parent;
                nblocks--; /* never fill the table */
            }
            id = cd_dom_next_skip(dom, id, root);
        }
    }
    x->mem->free(set);
    x->mem->free(where);
    return COPYDESK_OK;
}

/* Mark the headline: an h1/h2 whose text equals the metadata title (ignoring
 * case and spacing), or begins with it and goes on after a separator ("X - Forum
 * name", "X | Section": the title is the headline with a suffix cut). */
static int S_is_sep(const char *at)
{
    unsigned char b = (unsigned char)at[0];
    if (b == '-' || b == '|' || b == ':' || b == '/' || b == '(' || b == '[')
        return 1;
    /* – — · » as UTF-8 */
    return cd_utf8_dash(at) || (b == 0xC2 && ((unsigned char)at[1] == 0xB7 || (unsigned char)at[1] == 0xBB));
}

int cd_x_text_equals(const cd_dom *dom, cd_nid id, const char *title)
{
    const char *t = title;
    for (cd_nid c = id; c; c = cd_dom_next(dom, c, id)) {
        const cd_node *n = cd_dom_node(dom, c);
        if (n->type != CD_NODE_TEXT)
            continue;
        for (uint32_t i = 0; i < n->len; i++) {
            unsigned char b = (unsigned char)n->u.text[i];
            if (cd_isspace(b))
                continue;
            while (*t && cd_isspace((unsigned char)*t))
                t++;
            if (!*t && t != title) {
                /* The title ended: a separator must follow, then anything. */
                char at[3] = {(char)b, 0, 0};
                for (uint32_t k = 1; k < 3 && i + k < n->len; k++)
                    at[k] = n->u.text[i + k];
                return S_is_sep(at);
            }
            if (!*t || cd_tolower(b) != cd_tolower((unsigned char)*t))
                return 0;
            t++;
        }
    }
    while (*t && cd_isspace((unsigned char)*t))
        t++;
    return *t == '\0' && t != title;
}

static void S_find_title(cd_extract *x, const cd_dom *dom, const S_stat *st, const char *title, int inline_too)
{
    x->title_node = CD_NONE;
    if (!title || !*title)
        return;
    for (uint32_t id = 2; id < dom->count; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type != CD_NODE_ELEMENT || st[id].dead)
            continue;
        if (n->tag != CD_TAG_H1 && n->tag != CD_TAG_H2)
            continue;
        if (st[id].chars > 600)
            continue;
        if (cd_x_text_equals(dom, id, title)) {
            x->title_node = id;
            return;
        }
    }
    /* No h1 or h2 says it: a line of its own that does (<div
     * class="headline">, <b class="Headline">, <font size=5>), a title of
     * three words or more, no link in it or around it. */
    size_t tl = 0, words = 0;
    for (const char *p = title; *p; p++, tl++)
        if (!cd_isspace((unsigned char)*p) && (p == title || cd_isspace((unsigned char)p[-1])))
            words++;
    size_t te = tl;
    while (te && cd_isspace((unsigned char)title[te - 1]))
        te--;
    /* A title that is a sentence (the story's first, a caption's) says its
     * paragraph, not a headline. */
    if (!inline_too || tl < 15 || words < 3 || title[te - 1] == '.')
        return;
    for (uint32_t id = dom->body ? dom->body : 2; id < dom->count; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type != CD_NODE_ELEMENT || st[id].dead || !st[id].chars || st[id].link || n->tag == CD_TAG_A ||
            st[id].chars > 2 * tl + 20 || cd_x_in_sentence(dom, id))
            continue;
        if (cd_x_text_equals(dom, id, title)) {
            cd_nid a = n->parent;
            while (a && cd_dom_node(dom, a)->tag != CD_TAG_A)
                a = cd_dom_node(dom, a)->parent;
            if (a)
                continue; /* a teaser's headline link */
            x->title_node = id;
            return;
        }
    }
}


/* The standfirst. Page builders put the headline and the paragraphs under it
 * (a definition, a hero's introduction, a forum thread's first post) in a
 * container of their own, away from the body's container, so they never
 * score with the body. The blocks between the headline and the body that
 * read as paragraphs are taken as roots ahead of it: a block of its own
 * inline text, CD_LEAD_MIN characters or more ending in a full stop, few
 * links, no negative or chrome word on it or its parent ("entry-header",
 * "meta"), not in a collapsed panel. Not taken: a block named as a note
 * beside the story (deck, subtitle, excerpt, summary, disclosure, bio:
 * CD_HINT_NOTE; a deck is the `deck` field's), and one that opens as the
 * body does (an excerpt repeated above the article). On wcxb-dev, shorter
 * blocks (60-150 characters) were subtitles the annotators left out as often
 * as not; only the first two blocks of prose: 'with' 79.62 %, every block:
 * 79.70 %, article F1 0.9546 -> 0.9549. A video's description in an
 * <object>'s fallback content is taken though classed as a caption
 * (S_lead_block; docs/sites.md, session 8). */
#define CD_LEAD_NODES 800 /* nodes searched between the headline and the body */
#define CD_LEAD_BLOCKS 16 /* blocks taken at most */
#define CD_LEAD_MIN 150 /* characters of a standfirst: shorter ones are subtitles */
/* On a page the decision did not read as one article, the sentence under
 * its h1 is the page's introduction (a service's hero description, a
 * category's or a ranking's introduction), not a subtitle: from this
 * length. On a page of no stated kind or an og:type article (x->typed >= 0)
 * only when nothing says it is a story's head (S_lead_story): L3S-GN1's old
 * news pages put captions and decks there. wcxb-dev: 'with' +0.18 points,
 * 'without' and F1 unchanged (4332, 4250, 4286, 0702, 0130); L3S-GN1,
 * Readability, CleanPortalEval unchanged (docs/quality.md, session 11). */
#define CD_LEAD_PAGE_MIN 60
#define CD_LEAD_SAME 40 /* bytes compared with the body's opening */
#define CD_LEAD_MEDIA_MIN 50 /* characters of a media's description (S_lead_hints) */

/* Inside a collapsed panel (a transcript, an FAQ answer): kept as content,
 * but not what a reader sees under the headline. */
static int S_in_panel(const cd_dom *dom, const S_stat *st, cd_nid id)
{
    for (cd_nid a = id; a; a = cd_dom_node(dom, a)->parent)
        if ((st[a].hints & CD_HINT_PANEL) || !cd_extract_node_visible(dom, a))
            return 1;
    return 0;
}

/* The hints of element id's class and id words other than "caption". */
static unsigned S_hints_but_caption(const cd_dom *dom, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    unsigned hints = 0, flags;
    for (uint32_t i = 0; i < n->len; i++) {
        const cd_attr *a = &n->u.attr[i];
        if (!((a->name_len == 5 && memcmp(a->name, "class", 5) == 0) ||
              (a->name_len == 2 && memcmp(a->name, "id", 2) == 0)))
            continue;
        size_t at = 0, len;
        const char *w;
        while ((len = cd_class_next_word(a->value, a->value_len, &at, &w, &flags)) != 0)
            if (!cd_eq_nocase(w, len, "caption"))
                hints |= cd_wordset_get(&cd_list_hints, w, len);
    }
    return hints;
}

/* Is id in the fallback content of an <object> below top (the headline)? */
static int S_in_object(const cd_dom *dom, cd_nid id, cd_nid top)
{
    for (cd_nid a = cd_dom_node(dom, id)->parent; a && a > top; a = cd_dom_node(dom, a)->parent)
        if (cd_dom_node(dom, a)->tag == CD_TAG_OBJECT && cd_dom_node(dom, a)->type == CD_NODE_ELEMENT)
            return 1;
    return 0;
}

/* Is id's negative hint only its caption's class word ("embedded-caption")? */
static int S_caption_only(const cd_dom *dom, const S_stat *st, cd_nid id)
{
    return (st[id].hints & CD_HINT_NEG) && !(S_hints_but_caption(dom, id) & CD_HINT_NEG);
}

/* A block S_lead takes as a standfirst. In the fallback content of an
 * <object> -- what a reader without the plugin sees in place of a video --
 * a block classed as a caption (it or its parent) is the media's
 * description: the class says nothing against it, and a sentence of
 * CD_LEAD_MEDIA_MIN characters is enough. Other fallback text (a status
 * line: "This video is unavailable…", "Get the Flash player") is read
 * as any block. */
static int S_lead_block(const cd_dom *dom, const S_stat *st, cd_nid id, cd_nid h, uint32_t min)
{
    const cd_node *n = cd_dom_node(dom, id);
    const S_stat *s = &st[id];
    unsigned self = s->hints, up = st[n->parent].hints;
    if (((self | up) & CD_HINT_NEG) && S_in_object(dom, id, h) &&
        (S_caption_only(dom, st, id) || S_caption_only(dom, st, n->parent)) &&
        !((S_hints_but_caption(dom, id) | S_hints_but_caption(dom, n->parent)) & CD_HINT_NEG)) {
        self &= ~CD_HINT_NEG;
        up &= ~CD_HINT_NEG;
        min = CD_LEAD_MEDIA_MIN;
    }
    return s->chars >= min && S_link_density(s) < 0.25f &&
           !(self & (CD_HINT_CHROME | CD_HINT_NEG | CD_HINT_COMMENT | CD_HINT_ROLE_CHROME | CD_HINT_NOTE)) &&
           !(up & (CD_HINT_CHROME | CD_HINT_NEG | CD_HINT_NOTE)) && S_has_sentence_end(dom, id, 1) &&
           !S_in_panel(dom, st, id);
}

/* The first CD_LEAD_SAME non-space bytes of the live text under id. */
static size_t S_opening(const cd_dom *dom, const S_stat *st, cd_nid id, char *out)
{
    size_t k = 0;
    for (cd_nid t = id; t && k < CD_LEAD_SAME;) {
        const cd_node *n = cd_dom_node(dom, t);
        if (st[t].dead) {
            t = cd_dom_next_skip(dom, t, id);
            continue;
        }
        for (uint32_t i = 0; n->type == CD_NODE_TEXT && i < n->len && k < CD_LEAD_SAME; i++)
            if (!cd_isspace((unsigned char)n->u.text[i]))
                out[k++] = (char)cd_tolower((unsigned char)n->u.text[i]);
        t = cd_dom_next(dom, t, id);
    }
    return k;
}

/* On a page of no stated kind, short lines under the headline are a
 * story's (its subtitle, its picture's caption) when one of them sits
 * beside a picture (an image in its parent or grandparent) or when, with
 * them, a date stands by the head of the text or its end (cd_x_dated_head). */
static int S_lead_story(const cd_extract *x, const cd_dom *dom, const S_stat *st, const cd_nid *add,
                        uint32_t nadd)
{
    for (uint32_t i = 0; i < nadd; i++) {
        cd_nid par = cd_dom_node(dom, add[i])->parent;
        cd_nid grand = cd_dom_node(dom, par)->parent;
        if (st[add[i]].chars < CD_LEAD_MIN && (st[par].n_img || st[grand].n_img))
            return 1;
    }
    cd_extract with = *x;
    uint32_t keep = x->nroots < CD_MAX_ROOTS ? x->nroots : CD_MAX_ROOTS - 1;
    memmove(&with.roots[1], &x->roots[0], keep * sizeof with.roots[0]);
    with.roots[0] = add[0];
    with.nroots = keep + 1;
    return cd_x_dated_head(&with, dom, st);
}

static void S_lead(cd_extract *x, const cd_dom *dom, const S_stat *st)
{
    if (x->broad || !x->nroots)
        return;
    /* The first root in document order (comment roots kept with
     * COPYDESK_OPT_KEEP_COMMENTS follow the article in the list, not
     * necessarily on the page): nothing taken lies inside a root. */
    cd_nid first = x->roots[0];
    for (uint32_t r = 1; r < x->nroots; r++)
        if (x->roots[r] < first)
            first = x->roots[r];
    cd_nid h = x->title_node;
    if (!h || h >= first) {
        h = CD_NONE;
        for (cd_nid id = first - 1; id > 1 && first - id <= CD_LEAD_NODES; id--) {
            const cd_node *n = cd_dom_node(dom, id);
            if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_H1 && !st[id].dead) {
                h = id;
                break;
            }
        }
    }
    if (!h || first - h > CD_LEAD_NODES)
        return;
    uint32_t min = x->article ? CD_LEAD_MIN : (uint32_t)S_param("CD_LEAD_PAGE", CD_LEAD_PAGE_MIN);
    char body[CD_LEAD_SAME], lead[CD_LEAD_SAME];
    size_t nbody = S_opening(dom, st, x->roots[0], body);
    cd_nid add[CD_LEAD_BLOCKS];
    uint32_t nadd = 0;
    cd_nid top = cd_dom_root(dom);
    for (cd_nid id = cd_dom_next_skip(dom, h, top); id && id < first && nadd < CD_LEAD_BLOCKS;) {
        const cd_node *n = cd_dom_node(dom, id);
        const S_stat *s = &st[id];
        if (s->dead || n->type != CD_NODE_ELEMENT) {
            id = cd_dom_next_skip(dom, id, top);
            continue;
        }
        /* A block of inline text: the unit the standfirst is made of. */
        if (S_is_block(n->tag) && s->chars && s->flow == s->chars && !S_is_ancestor(dom, id, first)) {
            /* (Not an affiliate disclosure under the headline: wcxb-dev 0500.) */
            if (!(cd_tag_flags(n->tag) & CD_TF_HEADING) && S_lead_block(dom, st, id, h, min) &&
                !(S_opening(dom, st, id, lead) == nbody && memcmp(lead, body, nbody) == 0) &&
                !cd_x_disclosure(dom, st, id))
                add[nadd++] = id;
            id = cd_dom_next_skip(dom, id, top);
            continue;
        }
        id = cd_dom_next(dom, id, top);
    }
    if (nadd && min < CD_LEAD_MIN && x->typed >= 0 && S_lead_story(x, dom, st, add, nadd)) {
        uint32_t k = 0;
        for (uint32_t i = 0; i < nadd; i++)
            if (st[add[i]].chars >= CD_LEAD_MIN)
                add[k++] = add[i];
        nadd = k;
    }
    if (!nadd || x->nroots + nadd > CD_MAX_ROOTS)
        return;
    memmove(&x->roots[nadd], &x->roots[0], x->nroots * sizeof x->roots[0]);
    memcpy(x->roots, add, nadd * sizeof add[0]);
    x->nroots += nadd;
}

int cd_extract_cut(cd_extract *x, const cd_dom *dom, cd_nid id, uint32_t off, uint32_t len)
{
    return cd_extract_cut_as(x, dom, id, off, len, CD_WHY_FIELD);
}

int cd_extract_cut_as(cd_extract *x, const cd_dom *dom, cd_nid id, uint32_t off, uint32_t len, uint8_t why)
{
    if (!id || id >= dom->count || x->ncuts >= CD_MAX_CUTS || !len)
        return 0;
    const cd_node *n = cd_dom_node(dom, id);
    if (n->type != CD_NODE_TEXT || off > n->len || len > n->len - off)
        return 0;
    uint32_t i = x->ncuts;
    while (i > 0 && (x->cuts[i - 1].node > id ||
                     (x->cuts[i - 1].node == id && x->cuts[i - 1].off > off)))
        i--;
    if (i > 0 && x->cuts[i - 1].node == id && x->cuts[i - 1].off + x->cuts[i - 1].len > off)
        return 0;
    if (i < x->ncuts && x->cuts[i].node == id && off + len > x->cuts[i].off)
        return 0;
    memmove(&x->cuts[i + 1], &x->cuts[i], (x->ncuts - i) * sizeof x->cuts[0]);
    x->cuts[i] = (cd_cut){id, off, len, why};
    x->ncuts++;
    return 1;
}

void cd_extract_drop(cd_extract *x, cd_nid id)
{
    cd_extract_drop_as(x, id, CD_WHY_FIELD);
}

void cd_extract_drop_as(cd_extract *x, cd_nid id, uint8_t why)
{
    if (x->mark && id && id < x->mark_cap) {
        x->mark[id] = CD_MARK_DROP;
        x->why[id] = why;
    }
}

const char *cd_extract_reason(uint8_t why)
{
    switch (why) {
    case 0:
        return "field";
    case 'k':
        return NULL;
    case 'n':
        return "noscript";
    case 'h':
        return "hidden";
    case 't':
        return "chrome-tag";
    case 'r':
        return "chrome-role";
    case 'w':
        return "chrome-class";
    case 'm':
        return "comments-class";
    case 'o':
        return "table-of-contents";
    case 'c':
        return "photo-credit";
    case 'p':
        return "stock-phrase";
    case 'S':
        return "signup-form";
    case 'L':
        return "login-form";
    case 'd':
        return "duplicate";
    case 'u':
        return "comment-thread";
    case 'f':
        return "comment-form";
    case 'l':
        return "teaser-list";
    case 'b':
        return "list-label";
    case 'g':
        return "furniture";
    case 'T':
        return "teaser-tail";
    case 's':
        return "site-chrome";
    case 'e':
        return "headline";
    case 'P':
        return "before-headline";
    case 'A':
        return "clean-chrome-class";
    case 'B':
        return "clean-images";
    case 'C':
        return "clean-list-items";
    case 'D':
        return "clean-inputs";
    case 'E':
        return "clean-short-links";
    case 'F':
        return "clean-links";
    case 'G':
        return "clean-link-density";
    case 'H':
        return "clean-embeds";
    case CD_WHY_BYLINE:
        return "byline";
    case CD_WHY_DATELINE:
        return "dateline";
    case CD_WHY_DATE_LINE:
        return "date-line";
    case CD_WHY_CREDIT:
        return "credit";
    case CD_WHY_COPYRIGHT:
        return "copyright";
    case CD_WHY_CAPTION:
        return "caption";
    case CD_WHY_DECK:
        return "deck";
    case 'x':
        return "script-text";
    case 'I':
        return "item-list";
    case 'N':
        return "nosnippet";
    case 'R':
        return "rating-widget";
    case 'a':
        return "author-bio";
    case 'K':
        return "call-to-action";
    case 'Q':
        return "legal-note";
    default:
        return "clean-heading";
    }
}

/* ---- Site chrome (issue #13, docs/sites.md; site/mark.c marks x->site.sc) ---- */

static void S_drop(const cd_dom *dom, S_stat *st, cd_nid id, cd_nid root, uint8_t why)
{
    cd_x_drop(dom, st, id, root, why);
}

/* Inside the roots, drop the largest subtrees made only of site chrome. */
static void S_site_drop(cd_extract *x, const cd_dom *dom, S_stat *st)
{
    /* With weak chrome (site.h's CD_SITE_WEAK_MIN): f[id] bit 1 when the
     * subtree holds live text of chrome or weak chrome, bit 0 other live
     * text; a subtree of bit 1 alone goes too (not the headline's). Ids are
     * in document order: a child's id is above its parent's. */
    uint8_t *f = NULL;
    uint32_t count = dom->count;
    if (x->site.nweak && (f = x->mem->realloc(NULL, count)) != NULL) {
        memset(f, 0, count);
        for (cd_nid id = count - 1; id > 1; id--) {
            const cd_node *n = cd_dom_node(dom, id);
            if (st[id].dead)
                continue;
            if (n->type == CD_NODE_TEXT && st[id].chars)
                f[id] |= (x->site.sc[id] || x->site.weak[id]) ? 2 : 1;
            if (n->parent)
                f[n->parent] |= f[id];
        }
    }
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        /* A region made mostly of the site's template is that template (a
         * product page's fields): keep it whole. Only the first root, the
         * container the region was chosen as, may be: a root added beside it
         * that is mostly the template is its furniture -- the site's footer
         * taken along with a last paragraph (l3s-gn1: one page, precision
         * 0.653 -> 0.840; no other page of the dev sets changes). */
        if (r == 0 && (float)st[root].site > (float)st[root].chars * CD_SITE_ROOT_SHARE)
            continue;
        for (cd_nid id = cd_dom_next(dom, root, root); id;) {
            const cd_node *n = cd_dom_node(dom, id);
            const S_stat *s = &st[id];
            if (s->dead) {
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            int weak = f && f[id] == 2 && !S_is_ancestor(dom, id, x->title_node);
            if (id != x->title_node && s->chars && (s->site >= s->chars || weak) &&
                (n->type == CD_NODE_ELEMENT || n->type == CD_NODE_TEXT)) {
                S_drop(dom, st, id, root, 's');
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            id = cd_dom_next(dom, id, root);
        }
    }
    x->mem->free(f);
}

/* Does the text of element id open with a block of its site's chrome: its
 * first text node that holds characters was dropped as site chrome? */
static int S_site_labelled(const cd_dom *dom, const S_stat *st, const uint8_t *sc, cd_nid id)
{
    for (cd_nid t = cd_dom_next(dom, id, id); t; t = cd_dom_next(dom, t, id)) {
        const cd_node *n = cd_dom_node(dom, t);
        if (n->type != CD_NODE_TEXT || !st[t].chars)
            continue;
        return sc[t] != 0;
    }
    return 0;
}

/* A list of links under a label of the site's chrome ("More on this story",
 * "Related stories", "Most read") is the template's rail, not the article:
 * inside the roots, drop the largest element whose text opens with a block
 * of site chrome and whose text left is mostly links. */
static void S_site_rails(cd_extract *x, const cd_dom *dom, S_stat *st)
{
    const uint8_t *sc = x->site.sc;
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        if (r == 0 && (float)st[root].site > (float)st[root].chars * CD_SITE_ROOT_SHARE)
            continue; /* the template itself (S_site_drop) */
        for (cd_nid id = cd_dom_next(dom, root, root); id;) {
            const cd_node *n = cd_dom_node(dom, id);
            const S_stat *s = &st[id];
            if (s->dead || n->type != CD_NODE_ELEMENT) {
                id = s->dead ? cd_dom_next_skip(dom, id, root) : cd_dom_next(dom, id, root);
                continue;
            }
            if (s->chars && (float)s->link >= (float)s->chars * CD_SITE_RAIL_LINKS &&
                S_site_labelled(dom, st, sc, id) && !S_is_ancestor(dom, id, x->title_node)) {
                S_drop(dom, st, id, root, 's');
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            id = cd_dom_next(dom, id, root);
        }
    }
}

#ifdef CD_EXTRACT_DEBUG
/* CD_SPLIT=1: after S_choose, the live text of the roots and of the first
 * root's ancestors (4 levels), one JSON line on stderr (tools/split_audit.py). */
static void S_split_text(const cd_dom *dom, const S_stat *st, cd_nid top)
{
    for (cd_nid id = top; id;) {
        const cd_node *n = cd_dom_node(dom, id);
        if (st[id].dead) {
            id = cd_dom_next_skip(dom, id, top);
            continue;
        }
        if (n->type == CD_NODE_TEXT)
            S_dbg_json_text(n);
        id = cd_dom_next(dom, id, top);
    }
}

static void S_split_dump(const cd_extract *x, const cd_dom *dom, const S_stat *st, const char *when)
{
    if (!getenv("CD_SPLIT") || !x->nroots)
        return;
    uint32_t rchars = 0, rlink = 0, rlong = 0, nrlong = 0;
    for (uint32_t r = 0; r < x->nroots; r++) {
        rchars += st[x->roots[r]].chars;
        rlink += st[x->roots[r]].link;
        for (cd_nid id = x->roots[r]; id;) {
            if (st[id].dead || st[id].kind) {
                id = cd_dom_next_skip(dom, id, x->roots[r]);
                continue;
            }
            if (cd_x_long_para(dom, st, id, CD_LONG_PARA)) {
                rlong += st[id].chars;
                nrlong++;
                id = cd_dom_next_skip(dom, id, x->roots[r]);
                continue;
            }
            id = cd_dom_next(dom, id, x->roots[r]);
        }
    }
    fprintf(stderr, "{\"split\":\"%s\",\"nroots\":%u,\"rchars\":%u,\"rlink\":%u,\"rlong\":%u,\"nrlong\":%u,\"body\":%u,\"roots\":\"",
            when, x->nroots, rchars, rlink, rlong, nrlong, dom->body ? st[dom->body].chars : 0);
    for (uint32_t r = 0; r < x->nroots; r++)
        S_split_text(dom, st, x->roots[r]);
    fprintf(stderr, "\",\"up\":[");
    cd_nid a = x->roots[0];
    for (int k = 0; k < 4; k++) {
        a = cd_dom_node(dom, a)->parent;
        if (!a || cd_dom_node(dom, a)->type != CD_NODE_ELEMENT)
            break;
        uint32_t olong = 0, nolong = 0, okind = 0, ohead = 0, ochars = 0, olink = 0, nblk = 0;
        for (cd_nid id = a; id;) {
            int inroot = 0;
            for (uint32_t r = 0; r < x->nroots; r++)
                inroot |= id == x->roots[r];
            const cd_node *n = cd_dom_node(dom, id);
            if (st[id].dead || inroot) {
                id = cd_dom_next_skip(dom, id, a);
                continue;
            }
            if (n->type == CD_NODE_ELEMENT && st[id].kind) {
                okind += st[id].chars;
                id = cd_dom_next_skip(dom, id, a);
                continue;
            }
            if (n->type == CD_NODE_ELEMENT && (cd_tag_flags(n->tag) & CD_TF_HEADING)) {
                ohead += st[id].chars;
                ochars += st[id].chars;
                olink += st[id].link;
                id = cd_dom_next_skip(dom, id, a);
                continue;
            }
            if (cd_x_long_para(dom, st, id, CD_LONG_PARA)) {
                olong += st[id].chars;
                nolong++;
                ochars += st[id].chars;
                olink += st[id].link;
                id = cd_dom_next_skip(dom, id, a);
                continue;
            }
            if (n->type == CD_NODE_ELEMENT && S_is_block(n->tag) && st[id].flow)
                nblk++;
            if (n->type == CD_NODE_TEXT && st[id].counted) {
                ochars += st[id].chars;
            }
            id = cd_dom_next(dom, id, a);
        }
        fprintf(stderr, "%s{\"id\":%u,\"tag\":%u,\"chars\":%u,\"link\":%u,\"olong\":%u,\"nolong\":%u,\"okind\":%u,\"ohead\":%u,\"ochars\":%u,\"nblk\":%u,\"text\":\"",
                k ? "," : "", a, cd_dom_node(dom, a)->tag, st[a].chars, st[a].link, olong, nolong, okind, ohead, ochars, nblk);
        S_split_text(dom, st, a);
        fprintf(stderr, "\"}");
    }
    fprintf(stderr, "]}\n");
}
#endif

/* One reading of the page: prune, count, score, choose the roots. */
/* Is there, after S_prune's first round, a live block with CD_MIN_PARA
 * characters of flow: one that could score (S_score)? That round depends on
 * neither the options nor soft, and the second only drops more (a block's
 * flow never grows), so without one no reading of the page scores a block. */
static int S_may_score(const cd_dom *dom, const S_stat *st)
{
    for (uint32_t id = 2; id < dom->count; id++)
        if (st[id].flow >= CD_MIN_PARA && !st[id].dead && cd_dom_node(dom, id)->type == CD_NODE_ELEMENT &&
            S_is_block(cd_dom_node(dom, id)->tag))
            return 1;
    return 0;
}

/* Back from a reading's end to the statistics after its first round
 * (S_prune's first round, then S_stats), which depends on neither the
 * options nor soft. That round's drops are the nodes with its reasons ('x',
 * 'k', 'n': no other round gives them, and no round changes a dead node's)
 * and, in its order, what lies under a node dropped before (a parent after
 * its child in the array was not reached yet: a node of no drop then). Its
 * hints and section flags stay, and the text counts S_stats keeps; the
 * rest is S_stats's to set again, or 0. */
static void S_first_round(const cd_dom *dom, S_stat *st, const uint8_t *sc)
{
    uint32_t count = dom->count;
    memset(&st[0], 0, sizeof st[0]);
    for (uint32_t id = 1; id < count; id++) {
        S_stat *s = &st[id];
        cd_nid par = cd_dom_node(dom, id)->parent;
        if (id >= 2 && par < id && st[par].dead) {
            s->dead = 1;
            s->why = 0;
        } else if (id >= 2 && (s->why == 'x' || s->why == 'k' || s->why == 'n')) {
            s->dead = 1;
        } else {
            s->dead = 0;
            s->why = 0;
        }
        s->cand = 0;
        s->kind = 0;
    }
    S_stats(dom, st, sc);
}

/* One reading of the page; again: after another (S_reset), from the end of
 * that one. Returns S_may_score (0 when again). */
static int S_read(cd_extract *x, const cd_dom *dom, S_stat *st, unsigned options, const S_idset *panels, int soft,
                  const char *title, int again)
{
    const uint8_t *sc = x->site.on ? x->site.sc : NULL;
    int may_score = 0;
    if (again) {
        S_first_round(dom, st, sc);
#ifdef CD_EXTRACT_CHECK_FIRST
        /* Check build: the same as the first round from nothing. */
        static S_stat *fresh;
        static size_t fresh_cap;
        size_t need = (size_t)dom->count * sizeof *st;
        if (need > fresh_cap) {
            S_stat *grown = realloc(fresh, need);
            if (!grown) abort(); /* a check build only */
            fresh = grown;
            fresh_cap = need;
        }
        memset(fresh, 0, need);
        S_prune(dom, fresh, options, 0, NULL, soft, x->hint_memo);
        S_stats(dom, fresh, sc);
        uint32_t bad = 0;
        for (uint32_t id = 0; id < dom->count; id++)
            bad += memcmp(&fresh[id], &st[id], offsetof(S_stat, counted) + 1) != 0;
        fprintf(stderr, "check-first %s %u of %u\n", bad ? "DIFF" : "same", bad, dom->count);
#endif
    } else {
        S_prune(dom, st, options, 0, NULL, soft, x->hint_memo);
        S_stats(dom, st, sc);
        may_score = S_may_score(dom, st);
    }
    S_prune(dom, st, options, 1, panels, soft, x->hint_memo);
    S_stats(dom, st, sc);
    S_detect(dom, st);
    S_score(dom, st);
    S_choose(x, dom, st);
#ifdef CD_EXTRACT_DEBUG
    S_split_dump(x, dom, st, "choose");
#endif
    cd_x_broaden(x, dom, st, title);
    return may_score;
}

/* Did S_prune meet an element named for comments (CD_HINT_COMMENT)? Hints
 * are set in the first round on every element it reaches, and the second
 * round reads COPYDESK_OPT_KEEP_COMMENTS only on such an element: without
 * one, reading with the option gives the same reading. */
static int S_named_comments(const cd_dom *dom, const S_stat *st)
{
    for (uint32_t id = 2; id < dom->count; id++)
        if (st[id].hints & CD_HINT_COMMENT)
            return 1;
    return 0;
}

static void S_reset(cd_extract *x)
{
    x->nroots = 0;
    x->no_article = 0;
    x->broad = 0;
    x->article = 0;
    x->items = CD_NONE;
    x->thread = CD_NONE;
}

/* What a reading leaves besides st (S_keep, S_restore). */
#define CD_KEEP_MAX (4u << 20)
typedef struct S_kept {
    cd_nid roots[CD_MAX_ROOTS];
    uint32_t nroots;
    int no_article, broad, article;
    cd_nid items, thread;
} S_kept;

static int S_keep(cd_extract *x, const S_stat *st, size_t need, S_kept *k)
{
    if (need > CD_KEEP_MAX)
        return 0;
    if (need > x->kept_cap) {
        void *p = x->mem->realloc(x->kept, need);
        if (!p)
            return 0;
        x->kept = p;
        x->kept_cap = need;
    }
    memcpy(x->kept, st, need);
    memcpy(k->roots, x->roots, sizeof k->roots);
    k->nroots = x->nroots;
    k->no_article = x->no_article;
    k->broad = x->broad;
    k->article = x->article;
    k->items = x->items;
    k->thread = x->thread;
    return 1;
}

static void S_restore(cd_extract *x, S_stat *st, size_t need, const S_kept *k)
{
    memcpy(st, x->kept, need);
    memcpy(x->roots, k->roots, sizeof k->roots);
    x->nroots = k->nroots;
    x->no_article = k->no_article;
    x->broad = k->broad;
    x->article = k->article;
    x->items = k->items;
    x->thread = k->thread;
}

/* Is the soft reading (S_prune's soft mode) worth keeping? Its roots must
 * hold a paragraph that scored (S_score gave its parent a score: a block of
 * its own text, not mostly links) and lie outside the page's chrome by tag (a
 * footer is all a page shows when a script never drew its content). */
static int S_soft_found(const cd_dom *dom, const cd_extract *x, const S_stat *st, unsigned options)
{
    int scored = 0;
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        for (cd_nid a = root; a; a = cd_dom_node(dom, a)->parent)
            if (cd_dom_node(dom, a)->type == CD_NODE_ELEMENT && S_chrome_tag(dom, st, a, options))
                return 0;
        for (cd_nid t = root; t && !scored;)
            if (st[t].dead)
                t = cd_dom_next_skip(dom, t, root);
            else if (st[t].cand)
                scored = 1;
            else
                t = cd_dom_next(dom, t, root);
    }
    return scored;
}



/* Does the page hold fewer than CD_MIN_PARA characters in all its text nodes
 * together (S_count_text's count, a page cut inside its <head>, a shell a
 * script fills)? Then no block scores in any reading (its flow is a part of
 * that total), so the first reading finds less than a sentence and the soft
 * one no paragraph: the reading with the comments stands, and is the only
 * one cd_extract_run makes. Text inside an element S_prune's first round
 * always removes (CD_TF_SKIP, not a disclosure button: <title>, <head>,
 * a JSON-LD <script>), looked for up to CD_BARE_UP ancestors, counts
 * nothing in any reading and is passed over. */
#define CD_BARE_UP 8
static int S_bare(const cd_dom *dom)
{
    uint32_t total = 0;
    for (uint32_t id = 2; id < dom->count; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type != CD_NODE_TEXT)
            continue;
        int never = 0;
        cd_nid a = n->parent;
        for (int up = 0; up < CD_BARE_UP && a > 1 && !never; up++, a = cd_dom_node(dom, a)->parent) {
            const cd_node *an = cd_dom_node(dom, a);
            never = an->type == CD_NODE_ELEMENT && (cd_tag_flags(an->tag) & CD_TF_SKIP) && an->tag != CD_TAG_BUTTON;
        }
        if (never)
            continue;
        for (uint32_t i = 0; i < n->len; i++) {
            unsigned char b = (unsigned char)n->u.text[i];
            total += b < 0x80 ? !cd_isspace(b) : (b & 0xC0) != 0x80;
            if (total >= CD_MIN_PARA)
                return 0;
        }
    }
    return 1;
}

/* Does c hold a paragraph of prose (a block of CD_OWN_SENTENCE characters
 * of its own text, links under a fifth, a sentence end) outside chrome by
 * its words, and is c itself no chrome, mostly text (links under
 * CD_WIDEN_LINKS) and no list of other stories or thread? */
#define CD_WIDEN_LINKS 0.3f
static int S_widen_prose(const cd_dom *dom, const S_stat *st, cd_nid c)
{
    if (st[c].dead || st[c].kind || cd_dom_node(dom, c)->type != CD_NODE_ELEMENT ||
        (st[c].hints & (CD_HINT_CHROME | CD_HINT_NEG | CD_HINT_COMMENT | CD_HINT_ROLE_CHROME)) ||
        S_link_density(&st[c]) >= CD_WIDEN_LINKS)
        return 0;
    for (cd_nid t = c; t;) {
        const cd_node *n = cd_dom_node(dom, t);
        unsigned chrome = CD_HINT_CHROME | CD_HINT_COMMENT | CD_HINT_ROLE_CHROME;
        if (st[t].dead || (n->type == CD_NODE_ELEMENT && t != c && (st[t].hints & chrome))) {
            t = cd_dom_next_skip(dom, t, c);
            continue;
        }
        if (n->type == CD_NODE_ELEMENT && st[t].flow >= CD_OWN_SENTENCE && S_is_block(n->tag) &&
            !(cd_tag_flags(n->tag) & CD_TF_HEADING) && S_link_density(&st[t]) < 0.2f &&
            S_has_sentence_end(dom, t, 1))
            return 1;
        t = cd_dom_next(dom, t, c);
    }
    return 0;
}

/* A page whose structured data names it a kind of page that is no article
 * (a product, a list, a FAQ, a forum thread; not also an article) and that
 * the decision did not read as one article: its content is made of
 * sections side by side (a product's description, its details and its
 * questions; a category's introduction and its grid), of which the scoring
 * chose one. The containers beside the chosen one, up to CD_WIDEN_UP levels
 * above it, are content too when they hold a paragraph of prose
 * (S_widen_prose) and no chrome by their words. Measured on wcxb-dev
 * (docs/quality.md, session 11): 'with' +0.15 points, 'without' +0.01;
 * 6 levels finds +0.07 more at +0.07 'without'; without the structured
 * data's word (pages of no stated kind or og:type website) the article
 * pages among them lose (F1 −0.0009 on article pages at 3 levels). */
#define CD_WIDEN_UP 3
static void S_widen(cd_extract *x, const cd_dom *dom, S_stat *st)
{
    int upmax = (int)S_param("CD_WIDEN_UP", CD_WIDEN_UP);
    if (!upmax || x->article || x->broad || !x->nroots || x->typed >= 0 || !x->other_kind)
        return;
    cd_nid body = dom->body ? dom->body : cd_dom_root(dom);
    cd_nid a = x->roots[0];
    uint32_t n0 = x->nroots;
    for (int up = 0; up < upmax; up++) {
        cd_nid par = cd_dom_node(dom, a)->parent;
        if (!par || par == body || cd_dom_node(dom, par)->type != CD_NODE_ELEMENT || st[par].dead ||
            (st[par].hints & (CD_HINT_CHROME | CD_HINT_ROLE_CHROME)))
            break;
        for (cd_nid c = cd_dom_node(dom, par)->first; c && x->nroots < CD_MAX_ROOTS;
             c = cd_dom_node(dom, c)->next) {
            if (c == a || cd_dom_node(dom, c)->type != CD_NODE_ELEMENT)
                continue;
            /* The roots are siblings (S_choose) or one story: beside the
             * chain of ancestors, only they can be children here. */
            int root = 0;
            for (uint32_t r = 0; r < x->nroots && !root; r++)
                root = c == x->roots[r];
            if (!root && S_widen_prose(dom, st, c))
                x->roots[x->nroots++] = c;
        }
        a = par;
    }
    if (x->nroots == n0)
        return;
    /* Document order. */
    for (uint32_t i = 1; i < x->nroots; i++)
        for (uint32_t j = i; j > 0 && x->roots[j] < x->roots[j - 1]; j--) {
            cd_nid t = x->roots[j];
            x->roots[j] = x->roots[j - 1];
            x->roots[j - 1] = t;
        }
}

/* Is figcaption id the source of a quotation (<figure><blockquote>…
 * </blockquote><figcaption>— Name, Book</figcaption>)? It is the story's
 * text, not a picture's caption. */
static int S_quote_source(const cd_dom *dom, cd_nid id)
{
    cd_nid fig = cd_dom_node(dom, id)->parent;
    if (!fig || !cd_dom_is(dom, fig, CD_TAG_FIGURE))
        return 0;
    for (cd_nid c = cd_dom_node(dom, fig)->first; c; c = cd_dom_node(dom, c)->next)
        if (cd_dom_is(dom, c, CD_TAG_BLOCKQUOTE))
            return 1;
    return 0;
}

#define CD_CAPTION_KEEP 40

/* Figure captions (issue #12; docs/schema.md "text", docs/quality.md session
 * 12). On a page read as one article, a <figcaption> of CD_CAPTION_KEEP
 * characters or more leaves the text: it describes a picture, not the story,
 * and the annotated news pages (wcxb-dev) leave it out; the lead picture's
 * stays as image.caption (src/news reads it whatever its mark), and Markdown
 * shows them under their pictures (output/walk.h show_why). Shorter ones (a
 * label, a photo credit the news stage did not recognise) stay, as on pages of
 * other kinds, where a caption may be the content (a gallery, a product's
 * pictures). --no-captions takes every figcaption, on every page. This runs
 * after the selection: a caption never changes which container is the
 * article (as chrome by its tag, --no-captions made nytimes-5's choice
 * worse). wcxb-dev article P .9476 -> .9488, Readability F1 .9506 -> .9502
 * (its gold keeps captions), L3S-GN1 and CleanPortalEval unchanged (no
 * figcaption is kept there). */
static void S_captions(const cd_extract *x, const cd_dom *dom, S_stat *st, unsigned options)
{
    int all = (options & COPYDESK_OPT_NO_CAPTIONS) != 0;
    if (!all && !(x->article && !x->broad))
        return;
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        for (cd_nid id = root; id;) {
            if (st[id].dead) {
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            if (cd_dom_is(dom, id, CD_TAG_FIGCAPTION) && (all || (st[id].chars >= CD_CAPTION_KEEP && !S_quote_source(dom, id)))) {
                st[id].dead = 1;
                S_WHY(id, all ? 't' : CD_WHY_CAPTION); /* --no-captions: chrome by its tag, as before */
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            id = cd_dom_next(dom, id, root);
        }
    }
}

/* A page of nothing but its head: <html> holds <head>, an empty <body>
 * without attributes and white space between them; the document holds only
 * <html> (a page cut inside its <head>, a shell a script fills). */
#if defined(__GNUC__)
#define S_NOINLINE __attribute__((noinline))
#else
#define S_NOINLINE
#endif

static S_NOINLINE int S_empty(const cd_dom *dom)
{
    if (!dom->html || !dom->head || !dom->body)
        return 0;
    const cd_node *b = cd_dom_node(dom, dom->body), *d = cd_dom_node(dom, cd_dom_root(dom));
    if (b->first || b->len || b->parent != dom->html || cd_dom_node(dom, dom->head)->parent != dom->html ||
        d->first != dom->html || d->last != dom->html)
        return 0;
    for (cd_nid c = cd_dom_node(dom, dom->html)->first; c; c = cd_dom_node(dom, c)->next) {
        if (c == dom->head || c == dom->body)
            continue;
        const cd_node *n = cd_dom_node(dom, c);
        if (n->type != CD_NODE_TEXT)
            return 0;
        for (uint32_t i = 0; i < n->len; i++)
            if (!cd_isspace((unsigned char)n->u.text[i]))
                return 0;
    }
    return 1;
}

/* What every reading of such a page leaves: the first round of S_prune's
 * marks (the head and what it holds), no article, the body as the root. */
static S_NOINLINE void S_run_empty(cd_extract *x, const cd_dom *dom, S_stat *st)
{
    S_prune(dom, st, 0, 0, NULL, 0, x->hint_memo);
    x->no_article = 1;
    x->roots[x->nroots++] = dom->body;
    for (uint32_t id = 0; id < dom->count; id++) {
        x->mark[id] = st[id].dead ? CD_MARK_DROP : CD_MARK_NONE;
        x->why[id] = st[id].dead ? st[id].why : 0;
    }
}

#ifdef CD_EXTRACT_CHECK_EMPTY
/* Check build: S_run_empty's result against the full run's. */
static void S_check_empty(cd_extract *x, const cd_dom *dom, S_stat *st, int after)
{
    static uint8_t mark[1 << 16], why[1 << 16];
    static cd_extract e;
    static uint32_t pages;
    if (!after) {
        e = *x;
        S_run_empty(&e, dom, st);
        memcpy(mark, x->mark, dom->count < sizeof mark ? dom->count : sizeof mark);
        memcpy(why, x->why, dom->count < sizeof why ? dom->count : sizeof why);
        memset(st, 0, (size_t)dom->count * sizeof *st);
        x->nroots = 0;
        return;
    }
    pages++;
    int bad = e.nroots != x->nroots || memcmp(e.roots, x->roots, x->nroots * sizeof x->roots[0]) ||
              e.title_node != x->title_node || e.no_article != x->no_article || e.broad != x->broad ||
              e.typed != x->typed || e.other_kind != x->other_kind || e.article != x->article ||
              e.index != x->index || e.ncuts != x->ncuts || dom->count > sizeof mark ||
              memcmp(mark, x->mark, dom->count) || memcmp(why, x->why, dom->count);
    fprintf(stderr, "check-empty %u %s nroots %u/%u no_article %d/%d broad %d/%d article %d/%d title %u/%u\n", pages,
            bad ? "DIFF" : "same", e.nroots, x->nroots, e.no_article, x->no_article, e.broad, x->broad, e.article,
            x->article, e.title_node, x->title_node);
}
#endif

/* The item list S_choose stepped over for the story around it (S_item_list)
 * leaves the story, unless the page is read broad or the list became a root. */
static void S_drop_items(cd_extract *x, const cd_dom *dom, S_stat *st)
{
    cd_nid id = x->items;
    if (!id || x->broad || st[id].dead)
        return;
    for (uint32_t r = 0; r < x->nroots; r++) {
        if (x->roots[r] != id && S_is_ancestor(dom, x->roots[r], id)) {
            S_drop(dom, st, id, x->roots[r], 'I');
            return;
        }
    }
}

copydesk_status cd_extract_run(cd_extract *x, const cd_dom *dom, unsigned options, const char *title)
{
    x->nroots = 0;
    x->items = CD_NONE;
    x->thread = CD_NONE;
    x->keep_thread = 0;
    x->ncuts = 0;
    x->no_article = 0;
    x->broad = 0;
    x->article = 0;
    x->index = 0;
    x->typed = 0;
    x->other_kind = 0;
    x->title_node = CD_NONE;
    uint32_t count = dom->count;
    if (count < 2) {
        x->no_article = 1;
        return COPYDESK_OK;
    }
    if (count > x->mark_cap) {
        uint8_t *m = x->mem->realloc(x->mark, count);
        if (!m)
            return COPYDESK_ERR_NOMEM;
        x->mark = m;
        uint8_t *w = x->mem->realloc(x->why, count);
        if (!w)
            return COPYDESK_ERR_NOMEM;
        x->why = w;
        x->mark_cap = count;
    }
    size_t need;
    if (!cd_mul_ok(count, sizeof(S_stat), &need))
        return COPYDESK_ERR_NOMEM;
    if (need > x->scratch_cap) {
        void *p = x->mem->realloc(x->scratch, need);
        if (!p)
            return COPYDESK_ERR_NOMEM;
        x->scratch = p;
        x->scratch_cap = need;
    }
    S_stat *st = x->scratch;
    memset(st, 0, need);
    /* The hints of class and id words, per class key (hints.h). */
    size_t nmemo = dom->classes_indexed ? (size_t)dom->nclasses + 1 : 0;
    if (nmemo > x->hint_memo_cap) {
        uint16_t *m = x->mem->realloc(x->hint_memo, nmemo * sizeof *m);
        if (!m)
            return COPYDESK_ERR_NOMEM;
        x->hint_memo = m;
        x->hint_memo_cap = nmemo;
    }
    if (nmemo)
        memset(x->hint_memo, 0, nmemo * sizeof *x->hint_memo);

    if (options & COPYDESK_OPT_NO_EXTRACT) {
        /* The visible page: what renders text, less what markup hides --
         * except a hidden wrapper holding a large share of the page, which a
         * script reveals (the same guard as extraction's). */
        S_prune(dom, st, options, 0, NULL, 0, x->hint_memo);
        S_stats(dom, st, NULL);
        uint32_t total = dom->body ? st[dom->body].chars : 0;
        for (uint32_t id = 2; id < count; id++)
            if (st[cd_dom_node(dom, id)->parent].dead ||
                (!cd_extract_node_visible(dom, id) && !(total && st[id].chars > total * CD_GUARD_SHARE)))
                st[id].dead = 1;
        for (uint32_t id = 0; id < count; id++) {
            x->mark[id] = st[id].dead ? CD_MARK_DROP : CD_MARK_NONE;
            x->why[id] = st[id].dead ? (st[id].why ? st[id].why : 'h') : 0;
        }
        x->roots[x->nroots++] = dom->body ? dom->body : cd_dom_root(dom);
        return COPYDESK_OK;
    }

    unsigned tflags = 0;
    x->typed = cd_article_typed_flags(dom, &tflags);
    int thread = (tflags & CD_TYPED_DISCUSSION) != 0;
    x->other_kind = (tflags & CD_TYPED_OTHER_KIND) != 0;
    if (cd_site_mark(&x->site, x->mem, x->site_host, dom) != COPYDESK_OK)
        return COPYDESK_ERR_NOMEM;
#ifndef CD_EXTRACT_CHECK_EMPTY
    if (S_empty(dom)) {
        S_run_empty(x, dom, st);
        return COPYDESK_OK;
    }
#else
    int empty = S_empty(dom);
    if (empty)
        S_check_empty(x, dom, st, 0);
#endif
    S_idset panels;
    if (S_panels(x->mem, dom, &panels) != COPYDESK_OK)
        return COPYDESK_ERR_NOMEM;
    int bare = S_bare(dom);
    /* A forum thread by its structured data (not an article too): the
     * replies, in containers named for comments, are the thread (WCXB's
     * forum pages keep them). */
    if (bare || (thread && x->typed < 0))
        options |= COPYDESK_OPT_KEEP_COMMENTS;
    int soft = 0;
    int may_score = S_read(x, dom, st, options, &panels, 0, title, 0);
    /* A page that is nothing but its comments (a link aggregator's
     * discussion, a thread in a container named "comments"): when the page
     * without them leaves less than a sentence, they are the content, and
     * the page is read again with them (when it names any: else that
     * reading is this one). */
    if (cd_x_roots_prose(x, st) < CD_OWN_SENTENCE && !(options & COPYDESK_OPT_KEEP_COMMENTS)) {
        options |= COPYDESK_OPT_KEEP_COMMENTS;
        if (S_named_comments(dom, st)) {
            S_reset(x);
            S_read(x, dom, st, options, &panels, 0, title, 1);
        }
    }
    /* When even that leaves nothing, chrome by class words or roles took the
     * content with it ("content-sidebar-wrap", a tab list holding its
     * panels): the page is read again with only what is hidden or chrome by
     * its tag removed. Kept only when that finds a paragraph outside the
     * chrome, not just the menus, link lists and footer of a page whose
     * content a script never drew (wcxb-dev: such pages have no main
     * content); else the first reading stands. A page where no block could
     * score (S_may_score) has no such paragraph: the soft reading is not made. */
    if (!bare && may_score && cd_x_roots_prose(x, st) < CD_OWN_SENTENCE) {
        /* The reading that stands when the soft one finds nothing is kept
         * (a reading is a function of the page and the options alone: it
         * writes st and the roots and flags S_reset clears), not read
         * again; on a page of more than CD_KEEP_MAX bytes of statistics,
         * or without memory for the copy, it is read again. */
        S_kept k;
        int kept = S_keep(x, st, need, &k);
        S_reset(x);
        S_read(x, dom, st, options, &panels, 1, title, 1);
        if (!S_soft_found(dom, x, st, options)) {
            if (kept) {
                S_restore(x, st, need, &k);
            } else {
                S_reset(x);
                S_read(x, dom, st, options, &panels, 0, title, 1);
            }
        } else {
            soft = 1;
        }
    }
    cd_x_decide(x, dom, st, title); /* one article, or the story under its dated headline (decide.c) */
    /* The story before a thread S_choose took instead of the thread is an
     * article's or nothing: when it reads as no article (a forum's first
     * post above the replies, which are the page), the thread is read. */
    if (x->thread && (!x->article || x->broad)) {
        S_reset(x);
        x->keep_thread = 1;
        S_read(x, dom, st, options, &panels, soft, title, 1);
        cd_x_decide(x, dom, st, title);
    }
    if (panels.slot)
        x->mem->free(panels.slot);
    S_widen(x, dom, st);
    S_drop_items(x, dom, st);
    if (x->article && !x->broad) {
        S_find_title(x, dom, st, title, 0); /* the headline is never furniture */
        cd_x_drop_found(x, dom, st, title, 0);
    } else if (x->nroots) {
        /* A page that is no article by its date may still be a story with
         * lists of other stories before or after it (not between its
         * paragraphs) and its readers' comments below a label. Whatever its
         * structured data says: a page typed as another kind (og:type
         * "website", JSON-LD naming only a WebPage or an Organization)
         * carries the same lists (wcxb-dev 4690, a blog post with og:type
         * "website", and its list of other posts after the story; newer
         * blogs and shops type their pages so).
         * The comment cut stays with pages untyped or typed as articles: on a
         * page typed as a forum or a Q&A the replies are the content
         * (measured: forum F1 .770 -> .745 with it). A page read broad
         * loses only the lists named as other stories ("Recent News"):
         * its unnamed tiles are as often its own sections (wcxb-dev 4474),
         * and no comment cut. */
        cd_x_drop_found(x, dom, st, title, x->broad ? 2 : 1);
        if (!x->broad && x->typed >= 0) cd_x_comment_cut(x, dom, st);
    }
    if (!x->article)
        cd_x_drop_forms(x, dom, st);
    /* Conditional cleaning judges containers by link density: right inside an
     * article, wrong on a page whose content is lists of links. */
    if (!x->broad) {
        for (uint32_t r = 0; r < x->nroots; r++) {
            cd_nid root = x->roots[r];
            uint32_t before = st[root].chars;
            S_clean(dom, st, root);
            /* Cleaning that takes most of the article was wrong about it (a
             * forum thread is a list of posts, a recipe a list of steps, an
             * awards page or a shop's category a grid of link cards): undo it. */
            if ((float)st[root].chars < (float)before * CD_CLEAN_KEEP)
                S_unclean(dom, st, root, x->site.on ? x->site.sc : NULL);
        }
    }
    if (x->site.on) {
        S_find_title(x, dom, st, title, 0);
        S_site_drop(x, dom, st);
        S_site_rails(x, dom, st);
    }
    if (options & COPYDESK_OPT_KEEP_COMMENTS)
        S_add_comments(x, dom, st);
    /* Clones (carousels, responsive copies) are a feature of pages of many
     * parts; inside an article a repeated paragraph is left alone. */
    if (x->broad && S_dedup(x, dom, st) != COPYDESK_OK)
        return COPYDESK_ERR_NOMEM;
    for (uint32_t r = 0; r < x->nroots; r++)
        S_phrases(dom, st, x->roots[r]);
    cd_x_drop_stock(x, dom, st); /* "Sent from my …", "Posted by … at <date>" last lines */
    S_find_title(x, dom, st, title, 1);
    S_lead(x, dom, st);
    if (cd_x_index_page(x, dom, st)) {
        x->no_article = 1;
        x->index = 1;
        x->nroots = 0;
        x->title_node = CD_NONE;
    }
    S_captions(x, dom, st, options);
    /* A heading left last, its list or box gone, heads nothing (l3s-gn1
     * 3463f0c3's "Popular Now", 2b08c951's "Canada Features"). */
    if (!x->index) cd_x_drop_end_headings(x, dom, st);
#ifdef CD_EXTRACT_DEBUG
    S_debug(x, dom, st);
    if (getenv("CD_FEAT")) {
        fprintf(stderr, "%s\n", cd_x_featbuf[0] ? cd_x_featbuf : "{}");
        cd_x_featbuf[0] = 0;
    }
#endif

    for (uint32_t id = 0; id < count; id++) {
        x->mark[id] = st[id].dead ? CD_MARK_DROP : CD_MARK_NONE;
        x->why[id] = st[id].dead ? st[id].why : 0;
    }
    if (x->title_node)
        x->mark[x->title_node] = CD_MARK_TITLE;
#ifdef CD_EXTRACT_CHECK_EMPTY
    if (empty)
        S_check_empty(x, dom, st, 1);
#endif
    return COPYDESK_OK;
}
