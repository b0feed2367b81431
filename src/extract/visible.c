/* extract/visible: what a reader of the rendered page could see at all.
 *
 * The same rules as Mozilla Readability's isProbablyVisible: an element is
 * invisible when its tag never renders text (scripts, styles, form controls,
 * media; see CD_TF_SKIP in dom/tags.def), when it carries the `hidden`
 * attribute or aria-hidden="true", or when its inline style sets
 * display:none or visibility:hidden. Style sheets are not evaluated (extract.c
 * reads the plainest rules of a short <style>: ids hidden, S_css_sheet).
 *
 * One exception: React's streaming server renderer (React 18+, Next.js) sends
 * each suspended part of the page as <div hidden id="S:n">, which a script
 * then moves into its placeholder; that content is what the reader sees. */
#include "../util/ctype.h"
#include "extract.h"

/* Inlined into cd_extract_node_visible (a test of every element's style
 * attribute); cd_extract_style_hidden is the same test for a rule's block. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int S_style_hidden(const char *s, size_t n)
{
    /* Look for "display" ... ":" ... "none" and "visibility" ... "hidden",
     * tolerating spaces, in one pass over the declaration list. */
    for (size_t i = 0; i < n; i++) {
        unsigned char c0 = (unsigned char)s[i] | 0x20;
        if (c0 != 'd' && c0 != 'v')
            continue; /* starts neither property (most bytes of a style) */
        const char *prop = NULL;
        const char *want = NULL;
        size_t plen = 0;
        if (n - i >= 7 && cd_eq_nocase(s + i, 7, "display")) {
            prop = s + i;
            plen = 7;
            want = "none";
        } else if (n - i >= 10 && cd_eq_nocase(s + i, 10, "visibility")) {
            prop = s + i;
            plen = 10;
            want = "hidden";
        }
        if (!prop)
            continue;
        if (i > 0 && (cd_isalnum((unsigned char)s[i - 1]) || s[i - 1] == '-'))
            continue; /* e.g. "mso-display" */
        size_t j = i + plen;
        while (j < n && cd_isspace((unsigned char)s[j]))
            j++;
        if (j >= n || s[j] != ':')
            continue;
        j++;
        while (j < n && cd_isspace((unsigned char)s[j]))
            j++;
        size_t wl = want[0] == 'n' ? 4 : 6;
        if (n - j >= wl && cd_eq_nocase(s + j, wl, want) &&
            (j + wl == n || !cd_isalnum((unsigned char)s[j + wl])))
            return 1;
    }
    return 0;
}

int cd_extract_style_hidden(const char *s, size_t n)
{
    return S_style_hidden(s, n);
}

/* Is the element a streamed segment, <div hidden id="S:" letters and digits>? */
static int S_streamed_segment(const cd_dom *dom, cd_nid id)
{
    size_t n = 0;
    const char *v = cd_dom_attr(dom, id, "id", &n);
    if (cd_dom_node(dom, id)->tag != CD_TAG_DIV || !v || n < 3 || v[0] != 'S' || v[1] != ':')
        return 0;
    for (size_t i = 2; i < n; i++)
        if (!cd_isalnum((unsigned char)v[i]))
            return 0;
    return 1;
}

int cd_extract_node_visible(const cd_dom *dom, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    if (n->type != CD_NODE_ELEMENT)
        return 1;
    if (cd_tag_flags(n->tag) & CD_TF_SKIP)
        return 0;
    for (uint32_t i = 0; i < n->len; i++) {
        const cd_attr *a = &n->u.attr[i];
        switch (a->name_len) {
        case 6:
            if (a->name[0] == 'h' && cd_eq_nocase(a->name, 6, "hidden") && !S_streamed_segment(dom, id))
                return 0;
            break;
        case 5:
            if (a->name[0] == 's' && cd_eq_nocase(a->name, 5, "style") &&
                S_style_hidden(a->value, a->value_len))
                return 0;
            break;
        case 11:
            if (a->name[0] == 'a' && cd_eq_nocase(a->name, 11, "aria-hidden") &&
                cd_eq_nocase(a->value, a->value_len, "true"))
                return 0;
            break;
        default:
            break;
        }
    }
    return 1;
}
