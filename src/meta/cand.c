/* meta/cand: the helpers every metadata source calls (see cand.h).
 *
 * Cleaning a value (UTF-8 repaired, white space collapsed, capped at
 * CD_META_MAX_VALUE), adding it as a candidate, gathering an element's text
 * and the label before it ("Updated:"), and the small comparisons on names,
 * hosts and itemprop tokens. Nothing here knows a field's rules; that is the
 * sources' and the pickers' work. */
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define S_SSE2 1
#endif

#include "../util/ctype.h"
#include "../util/utf8.h"
#include "cand.h"
#include "wordlists.h"

static int S_is_space_cp(uint32_t cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0xFEFF || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

char *cd_meta_clean(cd_arena *a, const char *s, size_t len, size_t *out_len)
{
    if (out_len)
        *out_len = 0;
    if (!s || !len)
        return NULL;
    size_t cap = len < CD_META_MAX_VALUE ? len : CD_META_MAX_VALUE;
    /* Repair may grow a byte into U+FFFD (3 bytes). */
    char *out = cd_arena_alloc(a, cap * 3 + 1);
    if (!out)
        return NULL;
    size_t o = cd_meta_clean_to(out, s, len);
    if (out_len)
        *out_len = o;
    return o ? out : NULL;
}

size_t cd_meta_space_words(const char *s, size_t n)
{
    size_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        if (cd_isspace((unsigned char)s[i]))
            in = 0;
        else if (!in)
            in = 1, w++;
    }
    return w;
}

size_t cd_meta_clean_to(char *out, const char *s, size_t len)
{
    if (!s || !len) {
        if (out)
            out[0] = '\0';
        return 0;
    }
    size_t cap = len < CD_META_MAX_VALUE ? len : CD_META_MAX_VALUE;
    size_t o = 0, i = 0;
    int pend = 0;
    while (i < cap) {
        unsigned char b = (unsigned char)s[i];
        if (b > ' ' && b < 0x7F) { /* printable ASCII but space: itself */
            if (pend)
                out[o++] = ' ';
            pend = 0;
            /* The run of such bytes and of single spaces between two of
             * them, which are themselves too: copied at once. */
            size_t j = i + 1;
#ifdef S_SSE2
            /* Sixteen at a time while every byte is printable and every
             * space is followed by a printable byte other than a space. */
            while (j + 17 <= cap) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + j));
                __m128i nx = _mm_loadu_si128((const __m128i *)(const void *)(s + j + 1));
                __m128i t = _mm_sub_epi8(v, _mm_set1_epi8(0x20)); /* printable: 0..0x5E */
                __m128i u = _mm_sub_epi8(nx, _mm_set1_epi8(0x21)); /* not a space: 0..0x5D */
                __m128i pr = _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(0x5E)), t);
                __m128i nxok = _mm_cmpeq_epi8(_mm_min_epu8(u, _mm_set1_epi8(0x5D)), u);
                __m128i sp = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
                __m128i ok = _mm_andnot_si128(_mm_andnot_si128(nxok, sp), pr);
                if (_mm_movemask_epi8(ok) != 0xFFFF)
                    break;
                j += 16;
            }
#endif
            while (j < cap) {
                if ((unsigned char)(s[j] - 0x21) < 0x5E)
                    j++;
                else if (s[j] == ' ' && j + 1 < cap && (unsigned char)(s[j + 1] - 0x21) < 0x5E)
                    j += 2;
                else
                    break;
            }
            memcpy(out + o, s + i, j - i);
            o += j - i;
            i = j;
            continue;
        }
        uint32_t cp;
        size_t k = cd_utf8_decode((const unsigned char *)s + i, cap - i, &cp);
        if (i + k >= cap && cap < len && k > 1 && cp == CD_REPLACEMENT)
            break; /* a character cut by the cap */
        i += k;
        if (S_is_space_cp(cp)) {
            pend = o > 0;
            continue;
        }
        if (cp == 0x200C || cp == 0x200D || cp == 0x00AD)
            continue; /* invisible joiners and soft hyphens */
        if (pend)
            out[o++] = ' ';
        pend = 0;
        o += cd_utf8_encode(cp, out + o);
    }
    out[o] = '\0';
    return o;
}

cd_meta_cand *cd_meta_add(cd_meta_ctx *c, int field, int src, int rank, cd_nid pos, const char *s,
                          size_t len)
{
    if (c->ncands >= CD_META_MAX_CANDS)
        return NULL;
    size_t n;
    char *v = cd_meta_clean(c->arena, s, len, &n);
    if (!v)
        return NULL;
    cd_meta_cand *k = &c->cands[c->ncands++];
    k->s = v;
    k->len = (uint32_t)n;
    k->pos = pos;
    k->field = (uint8_t)field;
    k->src = (uint8_t)src;
    k->rank = (uint8_t)(rank < 0 ? 0 : rank > 255 ? 255 : rank);
    k->flags = 0;
    if ((unsigned)field < CD_MF__COUNT && (unsigned)src < CD_MS__COUNT) {
        uint16_t at = (uint16_t)c->ncands; /* this one's index + 1 */
        c->cnext[at - 1] = 0;
        if (c->ctail[field][src])
            c->cnext[c->ctail[field][src] - 1] = at;
        else
            c->chead[field][src] = at;
        c->ctail[field][src] = at;
    }
    return k;
}

/* The text of element id gathered into buf (CD_META_MAX_VALUE bytes), at
 * most max bytes: its length. */
static size_t S_node_text(const cd_meta_ctx *c, cd_nid id, size_t max, char *buf)
{
    const cd_dom *dom = c->dom;
    size_t n = 0;
    unsigned seen = 0;
    if (max > CD_META_MAX_VALUE)
        max = CD_META_MAX_VALUE;
    for (cd_nid k = id; k && n < max && seen < CD_META_TEXT_NODES; seen++) {
        const cd_node *nd = cd_dom_node(dom, k);
        if (nd->type == CD_NODE_TEXT) {
            size_t take = nd->len < max - n ? nd->len : max - n;
            memcpy(buf + n, nd->u.text, take);
            n += take;
        } else if (nd->type == CD_NODE_ELEMENT && k != id) {
            unsigned f = cd_tag_flags(nd->tag);
            if (f & CD_TF_SKIP) {
                k = cd_dom_next_skip(dom, k, id);
                continue;
            }
            if (((f & CD_TF_BLOCK) || nd->tag == CD_TAG_BR) && n < max)
                buf[n++] = ' ';
        }
        k = cd_dom_next(dom, k, id);
    }
    return n;
}

/* Cleaned on the stack, then copied to the arena at its own length: the
 * arena keeps every copy until the page is done, and a copy made at the
 * size cleaning may need (three times the text) made nested elements that
 * each read the same text (250 levels of <span class=byline>) cost 26 MiB
 * per MB of page. */
char *cd_meta_node_text(const cd_meta_ctx *c, cd_nid id, size_t max, size_t *out_len)
{
    char buf[CD_META_MAX_VALUE], out[CD_META_MAX_VALUE * 3 + 1];
    size_t n = cd_meta_clean_to(out, buf, S_node_text(c, id, max, buf));
    if (out_len)
        *out_len = n;
    char *t = n ? cd_arena_strndup(c->arena, out, n) : NULL;
    if (!t && out_len)
        *out_len = 0;
    return t;
}

size_t cd_meta_node_text_to(const cd_meta_ctx *c, cd_nid id, size_t max, char *out)
{
    char buf[CD_META_MAX_VALUE];
    return cd_meta_clean_to(out, buf, S_node_text(c, id, max, buf));
}

size_t cd_meta_node_text_word(const cd_meta_ctx *c, cd_nid id, size_t max, char *out)
{
    char buf[CD_META_MAX_VALUE + 1];
    if (max >= CD_META_MAX_VALUE)
        max = CD_META_MAX_VALUE - 1;
    size_t n = S_node_text(c, id, max + 1, buf);
    if (n > max) {
        /* Clipped: at max when a word ends there, else before the word
         * the clip cuts. */
        n = max;
        if (!cd_isspace((unsigned char)buf[max]) && !cd_isspace((unsigned char)buf[max - 1]))
            while (n && !cd_isspace((unsigned char)buf[n - 1]))
                n--;
    }
    return n ? cd_meta_clean_to(out, buf, n) : 0;
}

size_t cd_meta_host_label(const char *url, size_t *at, const char **label)
{
    const char *h = url ? strstr(url, "://") : NULL;
    if (!h) return 0;
    h += 3;
    size_t hl = strcspn(h, "/?#:");
    while (*at < hl) {
        size_t st = *at, i = st;
        while (i < hl && h[i] != '.')
            i++;
        *at = i + 1;
        if (i > st) {
            *label = h + st;
            return i - st;
        }
    }
    return 0;
}

int cd_meta_eq_nocase(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen != blen)
        return 0;
    for (size_t i = 0; i < alen; i++)
        if (cd_tolower((unsigned char)a[i]) != cd_tolower((unsigned char)b[i]))
            return 0;
    return 1;
}

int cd_meta_in_link_card(const cd_dom *dom, cd_nid id)
{
    cd_nid a = cd_dom_node(dom, id)->parent;
    for (int d = 0; a && d < 6; d++, a = cd_dom_node(dom, a)->parent) {
        const cd_node *n = cd_dom_node(dom, a);
        if (n->type != CD_NODE_ELEMENT || n->tag != CD_TAG_A)
            continue;
        int seen = 0;
        for (cd_nid k = n->first; k && seen < 64; k = cd_dom_next(dom, k, a), seen++) {
            const cd_node *x = cd_dom_node(dom, k);
            if (x->type == CD_NODE_ELEMENT && (cd_tag_flags(x->tag) & CD_TF_HEADING))
                return 1;
        }
        return 0;
    }
    return 0;
}

/* Does s say the date gives the last change, not the publication
 * ("Updated", "Last modified", "aktualisiert", "mis à jour" …)? */
int cd_meta_says_update(const char *s, size_t n)
{
    for (size_t i = 0; cd_list_update_words[i]; i++)
        if (cd_contains_nocase(s, n, cd_list_update_words[i]))
            return 1;
    return 0;
}

/* Node k's last descendant, at most 8 levels down (k itself when it has no
 * children): where a walk back in document order lands after a sibling. */
static cd_nid S_last_deep(const cd_dom *dom, cd_nid k)
{
    for (int d = 0; d < 8 && cd_dom_node(dom, k)->last; d++)
        k = cd_dom_node(dom, k)->last;
    return k;
}

cd_nid cd_meta_text_back(const cd_dom *dom, cd_nid k, cd_nid stop, int *budget)
{
    while (k && *budget > 0) {
        --*budget;
        const cd_node *n = cd_dom_node(dom, k);
        if (n->prev) {
            k = S_last_deep(dom, n->prev);
        } else {
            k = n->parent;
            if (!k || k == stop)
                return 0;
            continue;
        }
        const cd_node *t = cd_dom_node(dom, k);
        size_t l = t->len;
        if (t->type == CD_NODE_TEXT && cd_trim(t->u.text, &l) && l)
            return k;
    }
    return 0;
}

const char *cd_meta_prev_text(const cd_dom *dom, cd_nid id, size_t *len, cd_nid *at)
{
    cd_nid k = id;
    for (int steps = 0; k && steps < 12; steps++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->prev) {
            k = S_last_deep(dom, n->prev);
        } else {
            k = n->parent;
            if (!k || cd_dom_node(dom, k)->type != CD_NODE_ELEMENT)
                return NULL;
            unsigned f = cd_tag_flags(cd_dom_node(dom, k)->tag);
            if ((f & CD_TF_HEADING) || k == dom->body)
                return NULL;
            continue;
        }
        const cd_node *t = cd_dom_node(dom, k);
        if (t->type != CD_NODE_TEXT)
            continue;
        size_t l = t->len;
        const char *s = cd_trim(t->u.text, &l);
        if (l) {
            *len = l;
            *at = k;
            return s;
        }
    }
    return NULL;
}

/* "last post by <a>NAME</a> DATE", "Last edited by <a>NAME</a>, DATE": the
 * label, then the linked name of who changed it (no-break spaces around the
 * name, as forums write them, are no text), all in one line: the name's link
 * and the date id under one element, three levels up at most (not "Reviewed
 * by NAME" over the paragraph a story's date opens, WebMD). p[0..pl) is the
 * text before the date, at its node. */
static int S_update_by_link(const cd_meta_ctx *c, cd_nid id, const char *p, size_t pl, cd_nid at)
{
    for (int k = 0; k < 2 && p && !cd_rtrim_nbsp(p, pl); k++)
        p = cd_meta_prev_text(c->dom, at, &pl, &at);
    if (!p || pl > 40)
        return 0;
    cd_nid a = cd_dom_node(c->dom, at)->parent;
    if (!a || !cd_dom_is(c->dom, a, CD_TAG_A))
        return 0;
    int line = 0;
    cd_nid up = id;
    for (int k = 0; k < 3 && up && !line; k++) {
        up = cd_dom_node(c->dom, up)->parent;
        line = up && up == cd_dom_node(c->dom, a)->parent;
    }
    if (!line)
        return 0;
    size_t ll;
    cd_nid lat = 0;
    const char *lp = cd_meta_prev_text(c->dom, a, &ll, &lat);
    if (lp)
        ll = cd_rtrim_nbsp(lp, ll);
    return lp && ll >= 3 && ll <= 40 && lp[ll - 3] == ' ' && cd_eq_nocase(lp + ll - 2, 2, "by") &&
           cd_meta_says_update(lp, ll);
}

int cd_meta_date_updated(const cd_meta_ctx *c, cd_nid id, const char *s, size_t n)
{
    /* The words before the date in its own text ("Updated Dec 18, 2025",
     * never the "Updated: …" after "December 3, 2025."): up to the first
     * digit, which a month name precedes but a second date follows. */
    size_t d = 0;
    while (d < n && !cd_isdigit((unsigned char)s[d]))
        d++;
    if (cd_meta_says_update(s, d))
        return 1;
    size_t letters = 0;
    for (size_t i = 0; i < d; i++)
        letters += cd_isalpha((unsigned char)s[i]) != 0;
    if (letters > 12)
        return 0; /* a label of its own was there and said nothing */
    /* The text before, and the one before that when the nearer is a
     * short word ("<span>Last Updated</span> <span>on</span> <span>Feb 27,
     * 2026</span>"). */
    size_t pl;
    cd_nid at = 0;
    const char *p = cd_meta_prev_text(c->dom, id, &pl, &at);
    if (!p || pl > 40)
        return 0;
    if (cd_meta_says_update(p, pl))
        return 1;
    if (S_update_by_link(c, id, p, pl, at))
        return 1;
    if (pl > 3)
        return 0; /* a label of its own ("Published on"), not a connector */
    p = cd_meta_prev_text(c->dom, at, &pl, &at);
    return p && pl <= 40 && cd_meta_says_update(p, pl);
}

int cd_meta_word_in(const char *list, size_t n, const char *word)
{
    size_t wl = strlen(word), i = 0;
    while (i < n) {
        while (i < n && cd_isspace((unsigned char)list[i]))
            i++;
        size_t s = i;
        while (i < n && !cd_isspace((unsigned char)list[i]))
            i++;
        size_t k = s;
        /* Full IRIs (http://schema.org/author) compare by their last segment. */
        for (size_t j = s; j < i; j++)
            if (list[j] == '/')
                k = j + 1;
        if (i - k == wl && cd_eq_nocase(list + k, wl, word))
            return 1;
    }
    return 0;
}

static const char *const S_src_names[CD_MS__COUNT] = {
    "json-ld", "og", "meta", "twitter", "microdata", "visible", "title", "html", "url"};

const char *cd_meta_src_name(int s)
{
    return s >= 0 && s < CD_MS__COUNT ? S_src_names[s] : NULL;
}

/* Candidates of one field and source in order of rank then document position. */
size_t cd_meta_collect_chain(const cd_meta_ctx *c, int field, int src, int skip_bad,
                             const cd_meta_cand **out, size_t max)
{
    size_t n = 0;
    if ((unsigned)field >= CD_MF__COUNT || (unsigned)src >= CD_MS__COUNT)
        return 0; /* cd_meta_add stores no such candidate */
    /* The chain of field's and src's candidates, in document order. */
    for (uint32_t i = c->chead[field][src]; i && n < max; i = c->cnext[i - 1]) {
        const cd_meta_cand *k = &c->cands[i - 1];
        if (skip_bad && (k->flags & CD_MC_BAD))
            continue;
        size_t j = n++;
        while (j > 0 && out[j - 1]->rank > k->rank) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = k;
    }
    return n;
}
