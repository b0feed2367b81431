/* parse/tree: the WHATWG HTML tree builder (HTML Living Standard §13.2.6),
 * building copydesk's arena tree (src/dom/) straight from the tokenizer's
 * tokens (parse/tokenizer.h): no second tree, no allocation per node.
 *
 * Everything the standard's tree construction has, for a whole document with
 * scripting disabled (so <noscript> content is markup): all insertion modes,
 * the stack of open elements and its scopes, the list of active formatting
 * elements (Noah's Ark clause, reconstruction), the adoption agency
 * algorithm, foster parenting, <template> (contents, the stack of template
 * insertion modes), foreign content (SVG and MathML, integration points),
 * quirks mode from the DOCTYPE (its only effect on the tree: <p><table>), the
 * form element pointer, frameset-ok, "in table text", and today's <select>
 * parsing (no "in select" modes: <select> content is parsed in body, the
 * customizable-select rules).
 *
 * What the tree holds. A normal parse keeps what extraction reads and drops
 * what it never does: comments, the doctype and the content of SVG elements
 * (the <svg> root and its attributes stay); template contents stay as the
 * template's children. A CD_PARSE_KEEP_ALL parse (--dump-tree) keeps all of
 * it: comment and doctype nodes, SVG content, template contents under a
 * fragment node. Elements carry their namespace in CD_NF_SVG / CD_NF_MATHML.
 * Attribute names are stored lower case as tokenized: the dump applies the
 * SVG/MathML case and namespace adjustments from the element's namespace.
 *
 * Elements the tree does not hold (SVG content in a normal parse; anything
 * past the node budget) still go on the stack of open elements with node
 * CD_NONE, so the parse state is the standard's; what would go into them is
 * dropped.
 *
 * Node ids. Stages expect ids in document order (a parent's id below its
 * children's). Appending to the current node keeps that; foster parenting,
 * the adoption agency, late <head> content and <frameset> do not. When any
 * of that happened, or the tree may be deeper than CD_MAX_DEPTH, a final
 * pass (S_finish) rebuilds the node array in document order, drops nodes
 * left out of the tree and flattens what is deeper than CD_MAX_DEPTH (as
 * parse/myhtml_port.c did before issue #14; see git history).
 *
 * Text. A character token becomes a text node (one copy into the arena);
 * one that lands just after a text node is appended to it, as the standard
 * says (consecutive tokens, foster-parented text, text after an element the
 * tree dropped): that node's buffer then grows by doubling (its capacity is
 * kept per node id), so no shape of page makes the appends quadratic.
 *
 * Bounds (util/limits.h): every loop is bounded by the stack depth
 * (CD_MAX_PARSE_DEPTH), the formatting list (CD_MAX_FORMATTING) or the
 * standard's own counters (adoption agency: 8 outer, 3 inner); elements made
 * by reconstruction and the adoption agency come out of a per-page clone
 * budget (CD_PARSE_CLONES_*), nodes out of a per-page node budget
 * (CD_PARSE_NODES_*). */
#include <string.h>

#include "../util/ctype.h"
#include "../util/limits.h"
#include "../util/utf8.h"
#include "ports.h"
#include "tokenizer.h"

/* ---- element kinds ------------------------------------------------------ */

/* An element's kind: its enum cd_tag when it is an HTML element tags.def
 * lists; then HTML names the tree builder must tell apart that tags.def does
 * not list (in the tree they stay CD_TAG_UNKNOWN with their name); then
 * foreign elements. */
enum {
    X_APPLET = CD_TAG__COUNT,
    X_BASEFONT,
    X_BGSOUND,
    X_BIG,
    X_IMAGE,
    X_KEYGEN,
    X_LISTING,
    X_MARQUEE,
    X_RB,
    X_RTC,
    X_MGLYPH,
    X_MALIGNMARK,
    X_HTML_END,
    X_SVG_SVG = X_HTML_END,
    X_SVG_FOREIGNOBJECT,
    X_SVG_DESC,
    X_SVG_TITLE,
    X_SVG_SCRIPT,
    X_SVG_OTHER,
    X_MATH_MATH,
    X_MATH_MI,
    X_MATH_MO,
    X_MATH_MN,
    X_MATH_MS,
    X_MATH_MTEXT,
    X_MATH_ANNOTATION_XML,
    X_MATH_OTHER,
    X_COUNT
};

static const char *const S_xname[X_COUNT - CD_TAG__COUNT] = {
    "applet", "basefont", "bgsound", "big", "image", "keygen", "listing", "marquee", "rb", "rtc",
    "mglyph", "malignmark",
    /* foreign: the lower-case names */
    "svg", "foreignobject", "desc", "title", "script", "", "math", "mi", "mo", "mn", "ms", "mtext",
    "annotation-xml", ""};

enum { NS_HTML = 0, NS_SVG = 1, NS_MATH = 2 };

/* Kind facts. */
#define K_SPECIAL 0x001u  /* the "special" category */
#define K_SCOPE 0x002u    /* ends the default scope */
#define K_FMT 0x004u      /* a formatting element */
#define K_IMPLIED 0x008u  /* popped by "generate implied end tags" */
#define K_THOROUGH 0x010u /* ... and by "thoroughly" */
#define K_BREAKOUT 0x020u /* a start tag that leaves foreign content */
#define K_HEADING 0x040u  /* h1-h6 */
#define K_FOSTER 0x080u   /* table, tbody, tfoot, thead, tr: foster parenting targets */
#define K_RAWTEXT 0x100u  /* its start tag switches the tokenizer (kept past the depth limit) */

#define SP K_SPECIAL
#define SC K_SCOPE
#define BO K_BREAKOUT
#define IM (K_IMPLIED | K_THOROUGH)
#define TH K_THOROUGH
static const uint16_t S_kf[X_COUNT] = {
    [CD_TAG_A] = K_FMT,
    [CD_TAG_ADDRESS] = SP,
    [X_APPLET] = SP | SC,
    [CD_TAG_AREA] = SP,
    [CD_TAG_ARTICLE] = SP,
    [CD_TAG_ASIDE] = SP,
    [CD_TAG_B] = K_FMT | BO,
    [CD_TAG_BASE] = SP,
    [X_BASEFONT] = SP,
    [X_BGSOUND] = SP,
    [X_BIG] = K_FMT | BO,
    [CD_TAG_BLOCKQUOTE] = SP | BO,
    [CD_TAG_BODY] = SP | BO,
    [CD_TAG_BR] = SP | BO,
    [CD_TAG_BUTTON] = SP,
    [CD_TAG_CAPTION] = SP | SC | TH,
    [CD_TAG_CENTER] = SP | BO,
    [CD_TAG_CODE] = K_FMT | BO,
    [CD_TAG_COL] = SP,
    [CD_TAG_COLGROUP] = SP | TH,
    [CD_TAG_DD] = SP | IM | BO,
    [CD_TAG_DETAILS] = SP,
    [CD_TAG_DIR] = SP,
    [CD_TAG_DIV] = SP | BO,
    [CD_TAG_DL] = SP | BO,
    [CD_TAG_DT] = SP | IM | BO,
    [CD_TAG_EM] = K_FMT | BO,
    [CD_TAG_EMBED] = SP | BO,
    [CD_TAG_FIELDSET] = SP,
    [CD_TAG_FIGCAPTION] = SP,
    [CD_TAG_FIGURE] = SP,
    [CD_TAG_FONT] = K_FMT,
    [CD_TAG_FOOTER] = SP,
    [CD_TAG_FORM] = SP,
    [CD_TAG_FRAME] = SP,
    [CD_TAG_FRAMESET] = SP,
    [CD_TAG_H1] = SP | K_HEADING | BO,
    [CD_TAG_H2] = SP | K_HEADING | BO,
    [CD_TAG_H3] = SP | K_HEADING | BO,
    [CD_TAG_H4] = SP | K_HEADING | BO,
    [CD_TAG_H5] = SP | K_HEADING | BO,
    [CD_TAG_H6] = SP | K_HEADING | BO,
    [CD_TAG_HEAD] = SP | BO,
    [CD_TAG_HEADER] = SP,
    [CD_TAG_HGROUP] = SP,
    [CD_TAG_HR] = SP | BO,
    [CD_TAG_HTML] = SP | SC,
    [CD_TAG_I] = K_FMT | BO,
    [CD_TAG_IFRAME] = SP | K_RAWTEXT,
    [CD_TAG_IMG] = SP | BO,
    [CD_TAG_INPUT] = SP,
    [X_KEYGEN] = SP,
    [CD_TAG_LI] = SP | IM | BO,
    [CD_TAG_LINK] = SP,
    [X_LISTING] = SP | BO,
    [CD_TAG_MAIN] = SP,
    [X_MARQUEE] = SP | SC,
    [CD_TAG_MENU] = SP | BO,
    [CD_TAG_META] = SP | BO,
    [CD_TAG_NAV] = SP,
    [CD_TAG_NOBR] = K_FMT | BO,
    [CD_TAG_NOEMBED] = SP | K_RAWTEXT,
    [CD_TAG_NOFRAMES] = SP | K_RAWTEXT,
    [CD_TAG_NOSCRIPT] = SP,
    [CD_TAG_OBJECT] = SP | SC,
    [CD_TAG_OL] = SP | BO,
    [CD_TAG_OPTGROUP] = IM,
    [CD_TAG_OPTION] = IM,
    [CD_TAG_P] = SP | IM | BO,
    [CD_TAG_PARAM] = SP,
    [CD_TAG_PLAINTEXT] = SP | K_RAWTEXT,
    [CD_TAG_PRE] = SP | BO,
    [X_RB] = IM,
    [CD_TAG_RP] = IM,
    [CD_TAG_RT] = IM,
    [X_RTC] = IM,
    [CD_TAG_RUBY] = BO,
    [CD_TAG_S] = K_FMT | BO,
    [CD_TAG_SCRIPT] = SP | K_RAWTEXT,
    [CD_TAG_SEARCH] = SP,
    [CD_TAG_SECTION] = SP,
    [CD_TAG_SELECT] = 0,
    [CD_TAG_SMALL] = K_FMT | BO,
    [CD_TAG_SOURCE] = SP,
    [CD_TAG_SPAN] = BO,
    [CD_TAG_STRIKE] = K_FMT | BO,
    [CD_TAG_STRONG] = K_FMT | BO,
    [CD_TAG_STYLE] = SP | K_RAWTEXT,
    [CD_TAG_SUB] = BO,
    [CD_TAG_SUMMARY] = SP,
    [CD_TAG_SUP] = BO,
    [CD_TAG_TABLE] = SP | SC | K_FOSTER | BO,
    [CD_TAG_TBODY] = SP | TH | K_FOSTER,
    [CD_TAG_TD] = SP | SC | TH,
    [CD_TAG_TEMPLATE] = SP | SC,
    [CD_TAG_TEXTAREA] = SP | K_RAWTEXT,
    [CD_TAG_TFOOT] = SP | TH | K_FOSTER,
    [CD_TAG_TH] = SP | SC | TH,
    [CD_TAG_THEAD] = SP | TH | K_FOSTER,
    [CD_TAG_TITLE] = SP | K_RAWTEXT,
    [CD_TAG_TR] = SP | TH | K_FOSTER,
    [CD_TAG_TRACK] = SP,
    [CD_TAG_TT] = K_FMT | BO,
    [CD_TAG_U] = K_FMT | BO,
    [CD_TAG_UL] = SP | BO,
    [CD_TAG_VAR] = BO,
    [CD_TAG_WBR] = SP,
    [CD_TAG_XMP] = SP | K_RAWTEXT,
    [X_MATH_MI] = SP | SC,
    [X_MATH_MO] = SP | SC,
    [X_MATH_MN] = SP | SC,
    [X_MATH_MS] = SP | SC,
    [X_MATH_MTEXT] = SP | SC,
    [X_MATH_ANNOTATION_XML] = SP | SC,
    [X_SVG_FOREIGNOBJECT] = SP | SC,
    [X_SVG_DESC] = SP | SC,
    [X_SVG_TITLE] = SP | SC,
};
#undef SP
#undef SC
#undef BO
#undef IM
#undef TH

/* ---- parser state ------------------------------------------------------- */

/* An element on the stack of open elements or in the list of active
 * formatting elements. Entries for the same element share its serial. */
typedef struct S_el {
    cd_nid id;         /* the tree node; CD_NONE when the tree does not hold it */
    cd_nid into;       /* where its content goes: id, or when the node budget
                        * dropped it, the node it would have gone into */
    uint32_t serial;   /* identity; 0 marks a marker in the formatting list */
    uint16_t t;        /* kind */
    uint8_t ns;        /* NS_* */
    uint8_t hip;       /* a MathML annotation-xml that is an HTML integration point */
    uint32_t nlen;     /* name length (kinds CD_TAG_UNKNOWN, X_SVG_OTHER, X_MATH_OTHER) */
    const char *name;  /* lower-case name for those kinds */
} S_el;

typedef enum {
    M_INITIAL,
    M_BEFORE_HTML,
    M_BEFORE_HEAD,
    M_IN_HEAD,
    M_IN_HEAD_NOSCRIPT,
    M_AFTER_HEAD,
    M_IN_BODY,
    M_TEXT,
    M_IN_TABLE,
    M_IN_TABLE_TEXT,
    M_IN_CAPTION,
    M_IN_COLUMN_GROUP,
    M_IN_TABLE_BODY,
    M_IN_ROW,
    M_IN_CELL,
    M_IN_TEMPLATE,
    M_AFTER_BODY,
    M_IN_FRAMESET,
    M_AFTER_FRAMESET,
    M_AFTER_AFTER_BODY,
    M_AFTER_AFTER_FRAMESET
} S_mode;

/* Where a node goes: into parent, before `before` (CD_NONE: at the end). */
typedef struct S_loc {
    cd_nid parent;
    cd_nid before;
} S_loc;

struct cd_own_parser {
    const cd_mem *mem;
    cd_tokenizer *tok;
    cd_dom *dom;
    int keep; /* CD_PARSE_KEEP_ALL */

    S_el *st; /* the stack of open elements; st[nst-1] is the current node */
    uint32_t nst, cst;
    uint32_t cnt[X_COUNT]; /* open elements of each kind (HTML namespace) */
    S_el *af;              /* the list of active formatting elements */
    uint32_t naf, caf;
    uint8_t *tm; /* the stack of template insertion modes */
    uint32_t ntm, ctm;

    S_mode mode, orig;
    S_el head_el; /* head element pointer (serial 0: none) */
    S_el form_el; /* form element pointer */
    int frameset_ok, quirks, foster, skip_lf, cdata;
    uint32_t serial;
    uint16_t tt; /* the current tag token's kind */

    cd_nid barrier; /* a text node a dropped comment ended: not continued */
    uint32_t *xcap;  /* capacity of the text buffers S_extend made, by node id */
    uint32_t xcap_n; /* entries of xcap valid for this page */
    uint32_t xcap_cap;

    /* "in table text": the pending table character tokens. */
    char *tbuf;
    size_t tlen, tcap;
    int tnonws;

    /* <selectedcontent> (customizable <select>): an option popped off the
     * stack is copied into its select's selectedcontent when selected. */
    int has_sc;           /* a selectedcontent element was made */
    cd_nid sc_select;     /* the select of the last option popped */
    cd_nid sc_node;       /* its selectedcontent (CD_NONE: none) */
    int sc_options;       /* options of sc_select popped so far */

    int finish;          /* S_finish must run */
    uint32_t lifted;     /* entries removed from below the current node (S_remove_at) */
    uint32_t node_cap;   /* node budget for this page (dom->count limit) */
    uint32_t clones;     /* clone budget left */
    int oom;             /* out of memory in our own arrays */
    uint32_t *fmap; /* S_finish: old id -> new id */
    uint32_t fmap_cap;
    uint32_t *fpar;      /* S_finish: new id -> new parent id */
    uint32_t fpar_cap;
};

typedef struct cd_own_parser P;

/* ---- small helpers ------------------------------------------------------ */

static inline int S_ws(unsigned char c)
{
    /* Bits 9 (tab), 10 (LF), 12 (FF), 13 (CR) and 32 (space). */
    return c <= 32 && ((0x100003600ull >> c) & 1u);
}

static size_t S_ws_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && S_ws((unsigned char)s[i]))
        i++;
    return i;
}

static inline S_el *S_cur(P *p)
{
    return p->nst ? &p->st[p->nst - 1] : NULL;
}

static inline int S_is(const S_el *e, uint16_t t)
{
    return e && e->ns == NS_HTML && e->t == t;
}

static inline cd_node *S_node(P *p, cd_nid id)
{
    return &p->dom->nodes[id];
}

/* The kind of an HTML tag token. */
static uint16_t S_html_kind(const cd_token *tk)
{
    if (tk->tag != CD_TAG_UNKNOWN)
        return tk->tag;
    /* The lengths of S_xname's HTML names, so a custom element's name (most
     * unknown tags) is passed over without a strlen per name. */
#define XL(s) (sizeof s - 1)
    static const uint8_t xlen[X_HTML_END - CD_TAG__COUNT] = {
        XL("applet"), XL("basefont"), XL("bgsound"), XL("big"),    XL("image"),  XL("keygen"),
        XL("listing"), XL("marquee"), XL("rb"),      XL("rtc"),    XL("mglyph"), XL("malignmark")};
#undef XL
    if (tk->len > 10)
        return CD_TAG_UNKNOWN;
    for (unsigned i = 0; i < X_HTML_END - CD_TAG__COUNT; i++) {
        const char *n = S_xname[i];
        if (xlen[i] == tk->len && n[0] == tk->data[0] && memcmp(n, tk->data, tk->len) == 0)
            return (uint16_t)(CD_TAG__COUNT + i);
    }
    return CD_TAG_UNKNOWN;
}

static int S_name_is(const char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

/* The kind of a foreign element called name in namespace ns. */
static uint16_t S_foreign_kind(uint8_t ns, const char *name, size_t n)
{
    if (ns == NS_SVG) {
        if (S_name_is(name, n, "svg"))
            return X_SVG_SVG;
        if (S_name_is(name, n, "foreignobject"))
            return X_SVG_FOREIGNOBJECT;
        if (S_name_is(name, n, "desc"))
            return X_SVG_DESC;
        if (S_name_is(name, n, "title"))
            return X_SVG_TITLE;
        if (S_name_is(name, n, "script"))
            return X_SVG_SCRIPT;
        return X_SVG_OTHER;
    }
    if (S_name_is(name, n, "math"))
        return X_MATH_MATH;
    if (n == 2 && name[0] == 'm') {
        switch (name[1]) {
        case 'i': return X_MATH_MI;
        case 'o': return X_MATH_MO;
        case 'n': return X_MATH_MN;
        case 's': return X_MATH_MS;
        default: break;
        }
    }
    if (S_name_is(name, n, "mtext"))
        return X_MATH_MTEXT;
    if (S_name_is(name, n, "annotation-xml"))
        return X_MATH_ANNOTATION_XML;
    return X_MATH_OTHER;
}

/* An element's lower-case local name. */
static const char *S_el_name(const S_el *e, size_t *len)
{
    const char *n;
    if (e->t == CD_TAG_UNKNOWN || e->t == X_SVG_OTHER || e->t == X_MATH_OTHER) {
        *len = e->nlen;
        return e->name ? e->name : "";
    }
    n = e->t < CD_TAG__COUNT ? cd_tag_name(e->t) : S_xname[e->t - CD_TAG__COUNT];
    *len = strlen(n);
    return n;
}

/* Is e an HTML element called like the tag token (kind t, name)? */
static int S_same_html(const S_el *e, uint16_t t, const cd_token *tk)
{
    if (e->ns != NS_HTML || e->t != t)
        return 0;
    if (t != CD_TAG_UNKNOWN)
        return 1;
    return e->nlen == tk->len && memcmp(e->name, tk->data, tk->len) == 0;
}

static int S_mathml_tip(const S_el *e)
{
    return e->ns == NS_MATH && e->t >= X_MATH_MI && e->t <= X_MATH_MTEXT;
}

static int S_html_ip(const S_el *e)
{
    if (e->ns == NS_SVG)
        return e->t == X_SVG_FOREIGNOBJECT || e->t == X_SVG_DESC || e->t == X_SVG_TITLE;
    return e->ns == NS_MATH && e->hip;
}

static int S_grow(P *p, void **arr, uint32_t *cap, uint32_t need, size_t elsize)
{
    if (need <= *cap)
        return 1;
    uint32_t nc = *cap ? *cap : 16;
    while (nc < need)
        nc *= 2;
    void *n = p->mem->realloc(*arr, (size_t)nc * elsize);
    if (!n) {
        p->oom = 1;
        return 0;
    }
    *arr = n;
    *cap = nc;
    return 1;
}

static int S_bgrow(P *p, char **buf, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 1;
    size_t nc = *cap ? *cap : 256;
    while (nc < need) {
        if (nc > SIZE_MAX / 2) {
            p->oom = 1;
            return 0;
        }
        nc *= 2;
    }
    char *n = p->mem->realloc(*buf, nc);
    if (!n) {
        p->oom = 1;
        return 0;
    }
    *buf = n;
    *cap = nc;
    return 1;
}

/* ---- the tree ------------------------------------------------------------ */

/* Does a node placed into parent stay out of the tree? */
static int S_dropped(P *p, cd_nid parent)
{
    if (!parent)
        return 1;
    return !p->keep && (S_node(p, parent)->flags & CD_NF_SVG);
}

static int S_budget(P *p)
{
    if (p->dom->count >= p->node_cap) {
        p->dom->truncated = 1;
        return 0;
    }
    return 1;
}

/* Text nodes have a reserve past the node budget: once elements are
 * dropped, text still goes into the elements that are open (consecutive
 * text merges into one node, so the reserve lasts), as with the depth
 * limit: markup is lost before words are. */
static int S_budget_text(P *p)
{
    if (p->dom->count >= p->node_cap + p->node_cap / 4) {
        p->dom->truncated = 1;
        return 0;
    }
    return 1;
}

/* Put node id at l (it is not in the tree). */
static void S_place_node(P *p, S_loc l, cd_nid id)
{
    if (l.before) {
        cd_dom_insert_before(p->dom, l.parent, id, l.before);
        p->finish = 1; /* a node before an older sibling: ids out of document order */
    } else {
        cd_dom_append(p->dom, l.parent, id);
    }
}

/* Append s[0..n) to text node id; its buffer grows by doubling. */
static void S_extend(P *p, cd_nid id, const char *s, size_t n)
{
    cd_node *t = S_node(p, id);
    size_t old = t->len, nl = old + n;
    if (nl > UINT32_MAX - 1) {
        p->dom->truncated = 1;
        return;
    }
    uint32_t cap = id < p->xcap_n ? p->xcap[id] : 0;
    if (cap >= nl) {
        char *b = (char *)t->u.text; /* our own buffer (S_extend made it) */
        memcpy(b + old, s, n);
        b[nl] = '\0';
        t->len = (uint32_t)nl;
        return;
    }
    size_t nc = nl < 32 ? 64 : nl * 2;
    if (nc > UINT32_MAX - 1)
        nc = nl;
    char *b = cd_arena_alloc(p->dom->arena, nc + 1);
    if (!b) {
        p->dom->failed = 1;
        return;
    }
    memcpy(b, t->u.text, old);
    memcpy(b + old, s, n);
    b[nl] = '\0';
    t->u.text = b;
    t->len = (uint32_t)nl;
    if (id >= p->xcap_n) {
        if (!S_grow(p, (void **)&p->xcap, &p->xcap_cap, id + 1, sizeof(uint32_t)))
            return;
        memset(p->xcap + p->xcap_n, 0, (size_t)(id + 1 - p->xcap_n) * sizeof(uint32_t));
        p->xcap_n = id + 1;
    }
    p->xcap[id] = (uint32_t)nc;
}

/* Text s[0..n) at l: appended to the text node just before l (the
 * standard's "insert a character"), or a new node. */
/* Text no stage reads: the contents of an HTML <style>, and of an HTML
 * <script> that is not JSON-LD (the only scripts read, by meta/read.c and
 * extract/article.c: type containing "ld+json"). Both elements are skipped
 * by every walk (CD_TF_SKIP); their text is not copied into the tree, which
 * saves the copy and the node (inline scripts and styles are a large part
 * of a news page's bytes). A --dump-tree parse (keep) has it all. */
/* A short <style> that may hide something is kept though (at most
 * CD_STYLE_KEPT bytes in all, a value none or hidden after a colon in its
 * first piece of text): a page's own rules beside its markup, which
 * extract/ reads for the ids they hide (a print copy of the story under
 * "#printDesc{display:none}"); a site's style sheet, inline, is longer, and
 * most short ones hide nothing. dom->style_hides counts them for extract/. */
#define CD_STYLE_KEPT 1024
static int S_style_may_hide(const char *s, size_t n)
{
    for (const char *c = memchr(s, ':', n); c; c = memchr(c, ':', n - (size_t)(c - s))) {
        c++;
        while (c < s + n && cd_isspace((unsigned char)*c))
            c++;
        size_t left = n - (size_t)(c - s);
        if ((left >= 4 && cd_eq_nocase(c, 4, "none")) || (left >= 6 && cd_eq_nocase(c, 6, "hidden")))
            return 1;
    }
    return 0;
}

static int S_unread_text(P *p, cd_nid parent, const char *s, size_t len_more)
{
    if (p->keep)
        return 0;
    const cd_node *n = S_node(p, parent);
    if (n->type != CD_NODE_ELEMENT || (n->flags & CD_NF_NS))
        return 0;
    if (n->tag == CD_TAG_STYLE) {
        cd_nid last = n->last;
        size_t have = last && S_node(p, last)->type == CD_NODE_TEXT ? S_node(p, last)->len : 0;
        if (have + len_more > CD_STYLE_KEPT || (!have && !S_style_may_hide(s, len_more)))
            return 1;
        p->dom->style_hides += !have;
        return 0;
    }
    if (n->tag != CD_TAG_SCRIPT)
        return 0;
    size_t len;
    const char *t = cd_dom_attr(p->dom, parent, "type", &len);
    return !t || !cd_contains_nocase(t, len, "ld+json");
}

static void S_text_at(P *p, S_loc l, const char *s, size_t n)
{
    if (!n || S_dropped(p, l.parent))
        return;
    if (S_node(p, l.parent)->type == CD_NODE_DOCUMENT)
        return;
    if (S_unread_text(p, l.parent, s, n))
        return;
    cd_nid prev = l.before ? S_node(p, l.before)->prev : S_node(p, l.parent)->last;
    if (prev && S_node(p, prev)->type == CD_NODE_TEXT && prev != p->barrier) {
        S_extend(p, prev, s, n);
        return;
    }
    if (!S_budget_text(p))
        return;
    cd_nid id = cd_dom_new_text(p->dom, s, n);
    if (id)
        S_place_node(p, l, id);
}

/* The template contents of template element id. */
static cd_nid S_contents(P *p, cd_nid id)
{
    if (p->keep && id && S_node(p, id)->first &&
        S_node(p, S_node(p, id)->first)->type == CD_NODE_FRAGMENT)
        return S_node(p, id)->first;
    return id;
}

static int S_is_template_node(P *p, cd_nid id)
{
    const cd_node *n = S_node(p, id);
    return id && n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_TEMPLATE && !(n->flags & CD_NF_NS);
}

/* The appropriate place for inserting a node (override: the target, or NULL
 * for the current node), with foster parenting when it is on. */
static S_loc S_place(P *p, const S_el *override)
{
    const S_el *target = override ? override : S_cur(p);
    S_loc l = {CD_NONE, CD_NONE};
    if (!target)
        return l;
    if (p->foster && target->ns == NS_HTML && (S_kf[target->t] & K_FOSTER)) {
        /* Only the nearer of the last template and the last table matters
         * (the template's contents when it is lower on the stack, the table
         * otherwise): the walk from the top stops at the first of either,
         * not at the bottom of the stack. Nested tables past
         * CD_MAX_PARSE_DEPTH made every foster-parented node walk all
         * 512 entries (bench/hostile.py nested-tables: 0.28 s/MB). */
        int lt = -1, lb = -1;
        for (int i = (int)p->nst - 1; i >= 0 && lt < 0 && lb < 0; i--) {
            const S_el *e = &p->st[i];
            if (e->ns != NS_HTML)
                continue;
            if (e->t == CD_TAG_TEMPLATE)
                lt = i;
            else if (e->t == CD_TAG_TABLE)
                lb = i;
        }
        if (lt >= 0 && (lb < 0 || lt > lb)) {
            l.parent = S_contents(p, p->st[lt].into);
            return l;
        }
        if (lb < 0) {
            l.parent = p->st[0].into;
            return l;
        }
        cd_nid tbl = p->st[lb].id;
        if (tbl && S_node(p, tbl)->parent) {
            l.parent = S_node(p, tbl)->parent;
            l.before = tbl;
            return l;
        }
        l.parent = lb > 0 ? p->st[lb - 1].into : CD_NONE;
    } else {
        l.parent = target->into;
    }
    if (l.parent && S_is_template_node(p, l.parent))
        l.parent = S_contents(p, l.parent);
    return l;
}

static void S_insert_chars(P *p, const char *s, size_t n)
{
    S_text_at(p, S_place(p, NULL), s, n);
}

/* A comment at l. A normal parse drops it but keeps the text on either side
 * in two nodes, as the standard's tree has them. */
static void S_comment_at(P *p, S_loc l, const char *s, size_t n)
{
    if (S_dropped(p, l.parent))
        return;
    if (!p->keep) {
        cd_nid prev = l.before ? S_node(p, l.before)->prev : S_node(p, l.parent)->last;
        p->barrier = prev;
        return;
    }
    if (!S_budget(p))
        return;
    cd_nid id = cd_dom_new_comment(p->dom, s, n);
    if (id)
        S_place_node(p, l, id);
}

static void S_comment(P *p, const cd_token *tk)
{
    S_comment_at(p, S_place(p, NULL), tk->data, tk->len);
}

static void S_comment_doc(P *p, const cd_token *tk)
{
    S_loc l = {cd_dom_root(p->dom), CD_NONE};
    S_comment_at(p, l, tk->data, tk->len);
}

/* Copy a tag token's attributes onto element id. */
/* memcpy for the short strings of attributes (most names and many values
 * are under 16 bytes): fixed-size moves the compiler inlines, no call. */
static inline void S_copy_short(char *d, const char *s, size_t n)
{
    if (n > 16) {
        memcpy(d, s, n);
    } else if (n >= 8) {
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
        memcpy(d, &a, 8);
        memcpy(d + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        memcpy(d, &a, 4);
        memcpy(d + n - 4, &b, 4);
    } else {
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    }
}

static void S_set_attrs(P *p, cd_nid id, const cd_token *tk)
{
    uint32_t n = tk->nattrs < CD_MAX_ATTRS ? tk->nattrs : CD_MAX_ATTRS;
    if (!n)
        return;
    cd_attr *a = cd_arena_alloc(p->dom->arena, n * sizeof(cd_attr));
    if (!a) {
        p->dom->failed = 1;
        return;
    }
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        const cd_tok_attr *ta = &tk->attrs[i];
        size_t nl = ta->name_len, vl = ta->value_len;
        if (nl == 0 || (nl > 256 && !p->keep))
            continue; /* (as the myhtml port did) */
        if (vl > CD_MAX_ATTR_LEN) {
            /* Cut at a character boundary: the value stays valid UTF-8. */
            vl = CD_MAX_ATTR_LEN;
            while (vl > 0 && ((unsigned char)ta->value[vl] & 0xC0) == 0x80)
                vl--;
        }
        char *s = cd_arena_alloc(p->dom->arena, nl + vl + 2);
        if (!s) {
            p->dom->failed = 1;
            return;
        }
        S_copy_short(s, ta->name, nl);
        s[nl] = '\0';
        S_copy_short(s + nl + 1, ta->value, vl);
        s[nl + 1 + vl] = '\0';
        a[k].name = s;
        a[k].name_len = (uint32_t)nl;
        a[k].value = s + nl + 1;
        a[k].value_len = (uint32_t)vl;
        k++;
    }
    S_node(p, id)->u.attr = a;
    S_node(p, id)->len = k;
}

/* Make an element of kind t (namespace ns, tree tag, name for unknown tags)
 * and put it at l (not into the tree when l is dropped or the budget is
 * spent). */
static S_el S_make(P *p, uint16_t t, uint8_t ns, uint16_t tag, const char *name, size_t nlen, S_loc l)
{
    S_el e = {0};
    e.serial = ++p->serial;
    e.t = t;
    e.ns = ns;
    if (t == CD_TAG_UNKNOWN || t == X_SVG_OTHER || t == X_MATH_OTHER) {
        e.nlen = (uint32_t)nlen;
        e.name = name; /* replaced by the tree's copy below, or copied */
    }
    if (!S_dropped(p, l.parent))
        e.into = l.parent; /* unless made below: the content goes where it would have */
    if (!S_dropped(p, l.parent) && S_budget(p)) {
        cd_nid id = cd_dom_new_element(p->dom, tag, tag == CD_TAG_UNKNOWN ? name : NULL, nlen);
        if (id) {
            cd_node *n = S_node(p, id);
            if (ns == NS_SVG)
                n->flags |= CD_NF_SVG;
            else if (ns == NS_MATH)
                n->flags |= CD_NF_MATHML;
            S_place_node(p, l, id);
            if (p->keep && tag == CD_TAG_TEMPLATE && ns == NS_HTML && S_budget(p)) {
                cd_nid f = cd_dom_new_fragment(p->dom);
                if (f)
                    cd_dom_append(p->dom, id, f);
                /* The contents are a level the stack of open elements does
                 * not count: the final pass keeps the tree within
                 * CD_MAX_DEPTH (nested templates went past it; fuzzing). */
                p->finish = 1;
            }
            e.id = e.into = id;
            if (e.name && tag == CD_TAG_UNKNOWN)
                e.name = n->name;
            if (tag == CD_TAG_UNKNOWN && ns == NS_HTML && nlen == 15 && memcmp(name, "selectedcontent", 15) == 0)
                p->has_sc = 1;
        }
    }
    if (e.name && e.name == name) {
        /* Not in the tree: the stack still needs the name after the token is gone. */
        if (tag != CD_TAG_UNKNOWN) {
            e.name = cd_tag_name(tag);
        } else {
            char *c = cd_arena_strndup(p->dom->arena, name, nlen);
            if (!c)
                p->dom->failed = 1;
            e.name = c ? c : "";
            e.nlen = c ? (uint32_t)nlen : 0;
        }
    }
    return e;
}

/* ---- the stack of open elements ------------------------------------------ */

static void S_option_popped(P *p, cd_nid opt);

static void S_push(P *p, S_el e)
{
    if (!S_grow(p, (void **)&p->st, &p->cst, p->nst + 1, sizeof(S_el)))
        return;
    p->st[p->nst++] = e;
    if (e.ns == NS_HTML)
        p->cnt[e.t]++;
}

static void S_pop(P *p)
{
    if (!p->nst)
        return;
    S_el *e = &p->st[--p->nst];
    if (e->ns == NS_HTML) {
        p->cnt[e->t]--;
        if (e->t == CD_TAG_OPTION && p->has_sc && e->id)
            S_option_popped(p, e->id);
    }
}

/* Remove entry i from the stack. When it is not the current node, the
 * entries above it stay where they are in the tree but move one place down
 * the stack: the tree is then deeper than the stack by one more level (a
 * misnested </form>, <head> content after </head>, the adoption agency).
 * p->lifted counts these, so that the depth the final pass must clamp is
 * bounded by the stack depth plus p->lifted (cd_own_parse). */
static void S_remove_at(P *p, uint32_t i)
{
    S_el e = p->st[i];
    if (i + 1 < p->nst)
        p->lifted++;
    memmove(&p->st[i], &p->st[i + 1], (p->nst - i - 1) * sizeof(S_el));
    p->nst--;
    if (e.ns == NS_HTML) {
        p->cnt[e.t]--;
        if (e.t == CD_TAG_OPTION && p->has_sc && e.id)
            S_option_popped(p, e.id);
    }
}

/* Position of the element with this serial on the stack, or -1. */
static int S_stack_find(P *p, const S_el *e)
{
    if (e->ns == NS_HTML && !p->cnt[e->t])
        return -1;
    for (int i = (int)p->nst - 1; i >= 0; i--)
        if (p->st[i].serial == e->serial)
            return i;
    return -1;
}

static void S_pop_until(P *p, uint16_t t)
{
    while (p->nst) {
        int hit = S_is(S_cur(p), t);
        S_pop(p);
        if (hit)
            break;
    }
}

static void S_pop_until_heading(P *p)
{
    while (p->nst) {
        const S_el *c = S_cur(p);
        int hit = c->ns == NS_HTML && (S_kf[c->t] & K_HEADING);
        S_pop(p);
        if (hit)
            break;
    }
}

/* "has an element in scope": scope 0 default, 1 list item, 2 button, 3 table. */
enum { SCOPE_DEFAULT, SCOPE_LIST, SCOPE_BUTTON, SCOPE_TABLE };

static int S_bounds_scope(const S_el *e, int scope)
{
    if (scope == SCOPE_TABLE)
        return e->ns == NS_HTML && (e->t == CD_TAG_HTML || e->t == CD_TAG_TABLE || e->t == CD_TAG_TEMPLATE);
    if (S_kf[e->t] & K_SCOPE)
        return 1;
    if (e->ns != NS_HTML)
        return 0;
    if (scope == SCOPE_LIST)
        return e->t == CD_TAG_OL || e->t == CD_TAG_UL;
    if (scope == SCOPE_BUTTON)
        return e->t == CD_TAG_BUTTON;
    return 0;
}

static int S_in_scope(P *p, uint16_t t, int scope)
{
    if (!p->cnt[t])
        return 0;
    for (int i = (int)p->nst - 1; i >= 0; i--) {
        const S_el *e = &p->st[i];
        if (e->ns == NS_HTML && e->t == t)
            return 1;
        if (S_bounds_scope(e, scope))
            return 0;
    }
    return 0;
}

/* Is this element (by serial) in scope? */
static int S_el_in_scope(P *p, const S_el *x)
{
    for (int i = (int)p->nst - 1; i >= 0; i--) {
        const S_el *e = &p->st[i];
        if (e->serial == x->serial)
            return 1;
        if (S_bounds_scope(e, SCOPE_DEFAULT))
            return 0;
    }
    return 0;
}

static int S_heading_in_scope(P *p)
{
    if (!p->cnt[CD_TAG_H1] && !p->cnt[CD_TAG_H2] && !p->cnt[CD_TAG_H3] && !p->cnt[CD_TAG_H4] &&
        !p->cnt[CD_TAG_H5] && !p->cnt[CD_TAG_H6])
        return 0;
    for (int i = (int)p->nst - 1; i >= 0; i--) {
        const S_el *e = &p->st[i];
        if (e->ns == NS_HTML && (S_kf[e->t] & K_HEADING))
            return 1;
        if (S_bounds_scope(e, SCOPE_DEFAULT))
            return 0;
    }
    return 0;
}

/* An unknown-kind element of the token's name in scope (for </x> of custom elements). */
static int S_has_template(P *p)
{
    return p->cnt[CD_TAG_TEMPLATE] != 0;
}

static void S_implied_end(P *p, uint16_t except)
{
    for (;;) {
        const S_el *c = S_cur(p);
        if (!c || c->ns != NS_HTML || !(S_kf[c->t] & K_IMPLIED) || c->t == except)
            return;
        S_pop(p);
    }
}

static void S_implied_end_thorough(P *p)
{
    for (;;) {
        const S_el *c = S_cur(p);
        if (!c || c->ns != NS_HTML || !(S_kf[c->t] & K_THOROUGH))
            return;
        S_pop(p);
    }
}

static void S_close_p(P *p)
{
    S_implied_end(p, CD_TAG_P);
    S_pop_until(p, CD_TAG_P);
}

static void S_maybe_close_p(P *p)
{
    if (S_in_scope(p, CD_TAG_P, SCOPE_BUTTON))
        S_close_p(p);
}

/* ---- <selectedcontent> ----------------------------------------------------- */

static int S_node_is(P *p, cd_nid id, uint16_t tag)
{
    const cd_node *n = S_node(p, id);
    return n->type == CD_NODE_ELEMENT && n->tag == tag && !(n->flags & CD_NF_NS);
}

static int S_node_named(P *p, cd_nid id, const char *name)
{
    const cd_node *n = S_node(p, id);
    return n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_UNKNOWN && !(n->flags & CD_NF_NS) && n->name &&
           strcmp(n->name, name) == 0;
}

/* Copy the children of `from` to the end of `to` (subtrees, strings shared). */
static void S_copy_children(P *p, cd_nid from, cd_nid to)
{
    cd_nid src = S_node(p, from)->first, dst = to;
    while (src) {
        if (!S_budget(p))
            return;
        cd_nid c = cd_dom_new_element(p->dom, CD_TAG_NONE, NULL, 0);
        if (!c)
            return;
        cd_node *cn = S_node(p, c), *sn = S_node(p, src);
        cn->type = sn->type;
        cn->tag = sn->tag;
        cn->flags = sn->flags & CD_NF_NS;
        cn->len = sn->len;
        cn->u = sn->u;
        cn->name = sn->name;
        cd_dom_append(p->dom, dst, c);
        if (sn->first) {
            src = sn->first;
            dst = c;
            continue;
        }
        while (src && !S_node(p, src)->next) {
            src = S_node(p, src)->parent;
            if (src == from) {
                src = CD_NONE;
                break;
            }
            dst = S_node(p, dst)->parent;
        }
        if (src)
            src = S_node(p, src)->next;
    }
}

/* An option popped off the stack: "maybe clone an option into
 * selectedcontent". Selectedness is judged as the option is closed: an
 * option with `selected`, else the first option of its select. */
static void S_option_popped(P *p, cd_nid opt)
{
    cd_nid sel = CD_NONE;
    int optgroups = 0;
    for (cd_nid a = S_node(p, opt)->parent; a; a = S_node(p, a)->parent) {
        if (S_node_is(p, a, CD_TAG_DATALIST) || S_node_is(p, a, CD_TAG_HR) || S_node_is(p, a, CD_TAG_OPTION))
            return;
        if (S_node_is(p, a, CD_TAG_OPTGROUP) && optgroups++)
            return;
        if (S_node_is(p, a, CD_TAG_SELECT)) {
            sel = a;
            break;
        }
    }
    if (!sel || cd_dom_attr(p->dom, sel, "multiple", NULL))
        return;
    if (sel != p->sc_select) {
        p->sc_select = sel;
        p->sc_options = 0;
        p->sc_node = CD_NONE;
        for (cd_nid d = S_node(p, sel)->first; d; d = cd_dom_next(p->dom, d, sel)) {
            if (S_node_named(p, d, "selectedcontent")) {
                p->sc_node = d;
                break;
            }
        }
    }
    int first = p->sc_options++ == 0;
    if (!p->sc_node || (!first && !cd_dom_attr(p->dom, opt, "selected", NULL)))
        return;
    cd_nid c;
    while ((c = S_node(p, p->sc_node)->first) != CD_NONE)
        cd_dom_detach(p->dom, c);
    S_copy_children(p, opt, p->sc_node);
    p->finish = 1;
}

/* ---- the list of active formatting elements ------------------------------ */

static void S_af_push_marker(P *p)
{
    if (!S_grow(p, (void **)&p->af, &p->caf, p->naf + 1, sizeof(S_el)))
        return;
    memset(&p->af[p->naf], 0, sizeof(S_el));
    p->naf++;
}

static void S_af_remove_at(P *p, uint32_t i)
{
    memmove(&p->af[i], &p->af[i + 1], (p->naf - i - 1) * sizeof(S_el));
    p->naf--;
}

static int S_af_find(P *p, const S_el *e)
{
    for (int i = (int)p->naf - 1; i >= 0; i--)
        if (p->af[i].serial == e->serial)
            return i;
    return -1;
}

static void S_af_clear_to_marker(P *p)
{
    while (p->naf) {
        uint32_t s = p->af[--p->naf].serial;
        if (!s)
            break;
    }
}

/* Same attributes (names and values, in any order)? */
static int S_same_attrs(P *p, cd_nid a, cd_nid b)
{
    uint32_t na = a ? S_node(p, a)->len : 0, nb = b ? S_node(p, b)->len : 0;
    if (na != nb)
        return 0;
    for (uint32_t i = 0; i < na; i++) {
        const cd_attr *x = &S_node(p, a)->u.attr[i];
        int found = 0;
        for (uint32_t j = 0; j < nb && !found; j++) {
            const cd_attr *y = &S_node(p, b)->u.attr[j];
            found = x->name_len == y->name_len && x->value_len == y->value_len &&
                    memcmp(x->name, y->name, x->name_len) == 0 &&
                    memcmp(x->value, y->value, x->value_len) == 0;
        }
        if (!found)
            return 0;
    }
    return 1;
}

/* Push e with the Noah's Ark clause; past CD_MAX_FORMATTING entries after
 * the last marker the earliest of them is forgotten. */
static void S_af_push(P *p, S_el e)
{
    int same = 0, earliest = -1, count = 0;
    int i = (int)p->naf - 1;
    for (; i >= 0 && p->af[i].serial; i--) {
        const S_el *f = &p->af[i];
        count++;
        if (f->t == e.t && S_same_attrs(p, f->id, e.id)) {
            same++;
            earliest = i;
        }
    }
    if (same >= 3)
        S_af_remove_at(p, (uint32_t)earliest);
    else if (count >= (int)CD_MAX_FORMATTING)
        S_af_remove_at(p, (uint32_t)(i + 1));
    if (!S_grow(p, (void **)&p->af, &p->caf, p->naf + 1, sizeof(S_el)))
        return;
    p->af[p->naf++] = e;
}

/* A new node like element e's (tag, name, attributes) for reconstruction and
 * the adoption agency, not yet in the tree; CD_NONE when the node budget is
 * spent. An element the tree does not hold is copied without attributes. */
static cd_nid S_clone_node(P *p, const S_el *e)
{
    if (p->clones)
        p->clones--;
    if (!S_budget(p))
        return CD_NONE;
    if (!e->id) {
        uint16_t tag = e->t < CD_TAG__COUNT ? e->t : CD_TAG_UNKNOWN;
        size_t nl;
        const char *nm = S_el_name(e, &nl);
        cd_nid id = cd_dom_new_element(p->dom, tag, nm, nl);
        if (id)
            S_node(p, id)->flags = e->ns == NS_SVG ? CD_NF_SVG : e->ns == NS_MATH ? CD_NF_MATHML : 0;
        return id;
    }
    const cd_node *src = S_node(p, e->id);
    uint16_t tag = src->tag;
    const char *name = src->name;
    const cd_attr *attr = src->u.attr;
    uint32_t n = src->len;
    uint8_t flags = src->flags & CD_NF_NS;
    cd_nid id = cd_dom_new_element(p->dom, tag, NULL, 0);
    if (!id)
        return CD_NONE;
    cd_node *c = S_node(p, id);
    c->name = name; /* arena strings, shared */
    c->u.attr = attr;
    c->len = n;
    c->flags = flags;
    return id;
}

static void S_reconstruct(P *p)
{
    if (!p->naf)
        return;
    const S_el *last = &p->af[p->naf - 1];
    if (!last->serial || S_stack_find(p, last) >= 0)
        return;
    uint32_t i = p->naf - 1;
    while (i > 0) {
        const S_el *f = &p->af[i - 1];
        if (!f->serial || S_stack_find(p, f) >= 0)
            break;
        i--;
    }
    if (p->clones < p->naf - i) {
        /* The clone budget is spent: the text goes on without its formatting. */
        p->dom->truncated = 1;
        p->naf = i;
        return;
    }
    for (; i < p->naf; i++) {
        S_el *f = &p->af[i];
        S_loc l = S_place(p, NULL);
        S_el n = *f;
        n.serial = ++p->serial;
        n.id = n.into = CD_NONE;
        if (!S_dropped(p, l.parent)) {
            n.id = S_clone_node(p, f);
            if (n.id)
                S_place_node(p, l, n.id);
            n.into = n.id ? n.id : l.parent;
        }
        S_push(p, n);
        *f = n;
    }
}

/* ---- tokenizer coupling -------------------------------------------------- */

static void S_sync_cdata(P *p)
{
    const S_el *c = S_cur(p);
    int allow = c && c->ns != NS_HTML;
    if (allow != p->cdata) {
        p->cdata = allow;
        cd_tokenizer_allow_cdata(p->tok, allow);
    }
}

/* ---- inserting elements -------------------------------------------------- */

/* Insert an element for tag token tk (kind t) in namespace ns at the
 * appropriate place and push it. */
static S_el S_insert_tok(P *p, const cd_token *tk, uint16_t t, uint8_t ns)
{
    S_loc l = S_place(p, NULL);
    uint16_t tag = tk->tag;
    S_el e = S_make(p, t, ns, tag, tk->data, tk->len, l);
    if (e.id)
        S_set_attrs(p, e.id, tk);
    if (ns == NS_MATH && t == X_MATH_ANNOTATION_XML) {
        for (uint32_t i = 0; i < tk->nattrs; i++) {
            const cd_tok_attr *a = &tk->attrs[i];
            if (S_name_is(a->name, a->name_len, "encoding") &&
                (cd_eq_nocase(a->value, a->value_len, "text/html") ||
                 cd_eq_nocase(a->value, a->value_len, "application/xhtml+xml")))
                e.hip = 1;
        }
    }
    S_push(p, e);
    return e;
}

/* Insert an HTML element with no attributes (an implied <html>, <head>, <body>, <p> …). */
static S_el S_insert_plain(P *p, uint16_t t)
{
    S_loc l = S_place(p, NULL);
    uint16_t tag = t < CD_TAG__COUNT ? t : CD_TAG_UNKNOWN;
    const char *name = t < CD_TAG__COUNT ? NULL : S_xname[t - CD_TAG__COUNT];
    S_el e = S_make(p, t, NS_HTML, tag, name, name ? strlen(name) : 0, l);
    S_push(p, e);
    return e;
}

/* The tokenizer state after a raw-text start tag. */
static void S_generic_text(P *p, const cd_token *tk, uint16_t t, cd_tok_state s)
{
    S_insert_tok(p, tk, t, NS_HTML);
    cd_tokenizer_set_state(p->tok, s);
    p->orig = p->mode;
    p->mode = M_TEXT;
}

/* Add the token's attributes that e lacks (a second <html> or <body>). */
static void S_merge_attrs(P *p, cd_nid id, const cd_token *tk)
{
    if (!id || !tk->nattrs)
        return;
    cd_node *n = S_node(p, id);
    uint32_t have = n->len;
    uint32_t cap = have + tk->nattrs;
    if (cap > CD_MAX_ATTRS)
        cap = CD_MAX_ATTRS;
    if (have >= cap)
        return;
    cd_attr *a = cd_arena_alloc(p->dom->arena, cap * sizeof(cd_attr));
    if (!a) {
        p->dom->failed = 1;
        return;
    }
    if (have)
        memcpy(a, n->u.attr, have * sizeof(cd_attr));
    uint32_t k = have;
    for (uint32_t i = 0; i < tk->nattrs && k < cap; i++) {
        const cd_tok_attr *ta = &tk->attrs[i];
        int dup = 0;
        for (uint32_t j = 0; j < have && !dup; j++)
            dup = a[j].name_len == ta->name_len && memcmp(a[j].name, ta->name, ta->name_len) == 0;
        if (dup || ta->name_len == 0 || ta->name_len > 256)
            continue;
        size_t vl = ta->value_len;
        if (vl > CD_MAX_ATTR_LEN) {
            vl = CD_MAX_ATTR_LEN;
            while (vl > 0 && ((unsigned char)ta->value[vl] & 0xC0) == 0x80)
                vl--;
        }
        char *nm = cd_arena_strndup(p->dom->arena, ta->name, ta->name_len);
        char *v = cd_arena_strndup(p->dom->arena, ta->value, vl);
        if (!nm || !v) {
            p->dom->failed = 1;
            return;
        }
        a[k].name = nm;
        a[k].name_len = ta->name_len;
        a[k].value = v;
        a[k].value_len = (uint32_t)vl;
        k++;
    }
    n->u.attr = a;
    n->len = k;
}

/* ---- reset the insertion mode appropriately ------------------------------- */

static void S_reset_mode(P *p)
{
    for (int i = (int)p->nst - 1; i >= 0; i--) {
        const S_el *e = &p->st[i];
        int last = i == 0;
        if (e->ns != NS_HTML) {
            if (last) {
                p->mode = M_IN_BODY;
                return;
            }
            continue;
        }
        switch (e->t) {
        case CD_TAG_TD:
        case CD_TAG_TH:
            if (!last) {
                p->mode = M_IN_CELL;
                return;
            }
            break;
        case CD_TAG_TR: p->mode = M_IN_ROW; return;
        case CD_TAG_TBODY:
        case CD_TAG_THEAD:
        case CD_TAG_TFOOT: p->mode = M_IN_TABLE_BODY; return;
        case CD_TAG_CAPTION: p->mode = M_IN_CAPTION; return;
        case CD_TAG_COLGROUP: p->mode = M_IN_COLUMN_GROUP; return;
        case CD_TAG_TABLE: p->mode = M_IN_TABLE; return;
        case CD_TAG_TEMPLATE: p->mode = p->ntm ? (S_mode)p->tm[p->ntm - 1] : M_IN_BODY; return;
        case CD_TAG_HEAD:
            if (!last) {
                p->mode = M_IN_HEAD;
                return;
            }
            break;
        case CD_TAG_BODY: p->mode = M_IN_BODY; return;
        case CD_TAG_FRAMESET: p->mode = M_IN_FRAMESET; return;
        case CD_TAG_HTML: p->mode = p->head_el.serial ? M_AFTER_HEAD : M_BEFORE_HEAD; return;
        default: break;
        }
        if (last) {
            p->mode = M_IN_BODY;
            return;
        }
    }
    p->mode = M_IN_BODY;
}

static void S_tm_push(P *p, S_mode m)
{
    if (!S_grow(p, (void **)&p->tm, &p->ctm, p->ntm + 1, 1))
        return;
    p->tm[p->ntm++] = (uint8_t)m;
}

static void S_tm_pop(P *p)
{
    if (p->ntm)
        p->ntm--;
}

/* ---- the adoption agency algorithm --------------------------------------- */

static void S_any_other_end(P *p, const cd_token *tk, uint16_t t);

/* Move node id (with its subtree) to the end of parent. */
static void S_move(P *p, cd_nid id, S_loc l)
{
    if (!id)
        return;
    cd_dom_detach(p->dom, id);
    p->finish = 1;
    if (S_dropped(p, l.parent))
        return; /* out of the tree: S_finish leaves it out */
    S_place_node(p, l, id);
}

/* Returns 1 when the token was handled, 0 for "act as any other end tag". */
static int S_adoption(P *p, const cd_token *tk, uint16_t t)
{
    S_el *c = S_cur(p);
    if (c && S_same_html(c, t, tk) && S_af_find(p, c) < 0) {
        S_pop(p);
        return 1;
    }
    for (int outer = 0; outer < 8; outer++) {
        int fi = -1;
        for (int i = (int)p->naf - 1; i >= 0 && p->af[i].serial; i--) {
            if (S_same_html(&p->af[i], t, tk)) {
                fi = i;
                break;
            }
        }
        if (fi < 0)
            return 0;
        S_el fmt = p->af[fi];
        int si = S_stack_find(p, &fmt);
        if (si < 0) {
            S_af_remove_at(p, (uint32_t)fi);
            return 1;
        }
        if (!S_el_in_scope(p, &fmt))
            return 1;
        int fb = -1;
        for (uint32_t i = (uint32_t)si + 1; i < p->nst; i++) {
            if (S_kf[p->st[i].t] & K_SPECIAL) {
                fb = (int)i;
                break;
            }
        }
        if (fb < 0) {
            while (p->nst > (uint32_t)si)
                S_pop(p);
            S_af_remove_at(p, (uint32_t)fi);
            return 1;
        }
        if (p->clones < 4) {
            /* The clone budget is spent: close the formatting element as if
             * nothing special stood inside it. */
            p->dom->truncated = 1;
            while (p->nst > (uint32_t)si)
                S_pop(p);
            S_af_remove_at(p, (uint32_t)fi);
            return 1;
        }
        S_el common = p->st[si - 1];
        S_el furthest = p->st[fb];
        int bookmark = fi;
        int ni = fb; /* node's position on the stack */
        S_el last = furthest;
        for (int inner = 1;; inner++) {
            ni--;
            S_el node = p->st[ni];
            if (node.serial == fmt.serial)
                break;
            int ai = S_af_find(p, &node);
            if (inner > 3 && ai >= 0) {
                S_af_remove_at(p, (uint32_t)ai);
                if (ai < bookmark)
                    bookmark--;
                ai = -1;
            }
            if (ai < 0) {
                S_remove_at(p, (uint32_t)ni);
                continue;
            }
            S_el nn = node;
            nn.serial = ++p->serial;
            nn.id = S_clone_node(p, &node);
            nn.into = nn.id ? nn.id : common.into;
            p->af[ai] = nn;
            if (p->st[ni].ns == NS_HTML)
                p->cnt[p->st[ni].t]--;
            p->st[ni] = nn;
            if (nn.ns == NS_HTML)
                p->cnt[nn.t]++;
            if (last.serial == furthest.serial)
                bookmark = ai + 1;
            S_loc into = {nn.id, CD_NONE};
            S_move(p, last.id, into);
            last = nn;
        }
        S_move(p, last.id, S_place(p, &common));
        S_el ne = fmt;
        ne.serial = ++p->serial;
        ne.id = S_clone_node(p, &fmt);
        ne.into = ne.id ? ne.id : furthest.into;
        if (ne.id && furthest.id) {
            cd_dom *d = p->dom;
            cd_nid ch;
            while ((ch = S_node(p, furthest.id)->first) != CD_NONE) {
                cd_dom_detach(d, ch);
                cd_dom_append(d, ne.id, ch);
            }
            cd_dom_append(d, furthest.id, ne.id);
        } else if (furthest.id) {
            /* No copy to hold them: the children stay where they are. */
        }
        p->finish = 1;
        /* Formatting list: fmt out, the new element in at the bookmark. */
        int fpos = S_af_find(p, &fmt);
        if (fpos >= 0) {
            S_af_remove_at(p, (uint32_t)fpos);
            if (fpos < bookmark)
                bookmark--;
        }
        if (S_grow(p, (void **)&p->af, &p->caf, p->naf + 1, sizeof(S_el))) {
            if (bookmark > (int)p->naf)
                bookmark = (int)p->naf;
            memmove(&p->af[bookmark + 1], &p->af[bookmark], (p->naf - (uint32_t)bookmark) * sizeof(S_el));
            p->af[bookmark] = ne;
            p->naf++;
        }
        /* Stack: fmt out, the new element in just below the furthest block. */
        int sp = S_stack_find(p, &fmt);
        if (sp >= 0)
            S_remove_at(p, (uint32_t)sp);
        int fbp = S_stack_find(p, &furthest);
        if (fbp >= 0 && S_grow(p, (void **)&p->st, &p->cst, p->nst + 1, sizeof(S_el))) {
            memmove(&p->st[fbp + 2], &p->st[fbp + 1], (p->nst - (uint32_t)fbp - 1) * sizeof(S_el));
            p->st[fbp + 1] = ne;
            p->nst++;
            if (ne.ns == NS_HTML)
                p->cnt[ne.t]++;
        }
    }
    return 1;
}

/* ---- insertion modes ------------------------------------------------------ */

static void S_process(P *p, cd_token *tk);
static void S_mode_tok(P *p, S_mode m, cd_token *tk);
static size_t S_mode_chars(P *p, S_mode m, const char *s, size_t n);

/* Quirks mode from a DOCTYPE token (§13.2.6.4.1). */
static const char *const S_quirk_prefixes[] = {
    "+//silmaril//dtd html pro v0r11 19970101//",
    "-//as//dtd html 3.0 aswedit + extensions//",
    "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
    "-//ietf//dtd html 2.0 level 1//",
    "-//ietf//dtd html 2.0 level 2//",
    "-//ietf//dtd html 2.0 strict level 1//",
    "-//ietf//dtd html 2.0 strict level 2//",
    "-//ietf//dtd html 2.0 strict//",
    "-//ietf//dtd html 2.0//",
    "-//ietf//dtd html 2.1e//",
    "-//ietf//dtd html 3.0//",
    "-//ietf//dtd html 3.2 final//",
    "-//ietf//dtd html 3.2//",
    "-//ietf//dtd html 3//",
    "-//ietf//dtd html level 0//",
    "-//ietf//dtd html level 1//",
    "-//ietf//dtd html level 2//",
    "-//ietf//dtd html level 3//",
    "-//ietf//dtd html strict level 0//",
    "-//ietf//dtd html strict level 1//",
    "-//ietf//dtd html strict level 2//",
    "-//ietf//dtd html strict level 3//",
    "-//ietf//dtd html strict//",
    "-//ietf//dtd html//",
    "-//metrius//dtd metrius presentational//",
    "-//microsoft//dtd internet explorer 2.0 html strict//",
    "-//microsoft//dtd internet explorer 2.0 html//",
    "-//microsoft//dtd internet explorer 2.0 tables//",
    "-//microsoft//dtd internet explorer 3.0 html strict//",
    "-//microsoft//dtd internet explorer 3.0 html//",
    "-//microsoft//dtd internet explorer 3.0 tables//",
    "-//netscape comm. corp.//dtd html//",
    "-//netscape comm. corp.//dtd strict html//",
    "-//o'reilly and associates//dtd html 2.0//",
    "-//o'reilly and associates//dtd html extended 1.0//",
    "-//o'reilly and associates//dtd html extended relaxed 1.0//",
    "-//sq//dtd html 2.0 hotmetal + extensions//",
    "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
    "-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//",
    "-//spyglass//dtd html 2.0 extended//",
    "-//sun microsystems corp.//dtd hotjava html//",
    "-//sun microsystems corp.//dtd hotjava strict html//",
    "-//w3c//dtd html 3 1995-03-24//",
    "-//w3c//dtd html 3.2 draft//",
    "-//w3c//dtd html 3.2 final//",
    "-//w3c//dtd html 3.2//",
    "-//w3c//dtd html 3.2s draft//",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental 19960712//",
    "-//w3c//dtd html experimental 970421//",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html 2.0//",
    "-//webtechs//dtd mozilla html//",
};

static int S_prefix_nocase(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    return n >= l && cd_eq_nocase(s, l, lit);
}

static int S_quirky(const cd_token *tk)
{
    if (tk->force_quirks || !tk->has_name || !S_name_is(tk->data, tk->len, "html"))
        return 1;
    const char *pub = tk->has_public_id ? tk->public_id : NULL;
    size_t pl = tk->has_public_id ? tk->public_id_len : 0;
    if (pub) {
        if (cd_eq_nocase(pub, pl, "-//w3o//dtd w3 html strict 3.0//en//") ||
            cd_eq_nocase(pub, pl, "-/w3c/dtd html 4.0 transitional/en") || cd_eq_nocase(pub, pl, "html"))
            return 1;
        for (size_t i = 0; i < sizeof S_quirk_prefixes / sizeof S_quirk_prefixes[0]; i++)
            if (S_prefix_nocase(pub, pl, S_quirk_prefixes[i]))
                return 1;
        if (!tk->has_system_id && (S_prefix_nocase(pub, pl, "-//w3c//dtd html 4.01 frameset//") ||
                                   S_prefix_nocase(pub, pl, "-//w3c//dtd html 4.01 transitional//")))
            return 1;
    }
    if (tk->has_system_id &&
        cd_eq_nocase(tk->system_id, tk->system_id_len, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"))
        return 1;
    return 0;
}

static void S_initial(P *p, cd_token *tk)
{
    if (tk->kind == CD_TOK_COMMENT) {
        S_comment_doc(p, tk);
        return;
    }
    if (tk->kind == CD_TOK_DOCTYPE) {
        if (p->keep && S_budget(p)) {
            cd_nid id = cd_dom_new_doctype(p->dom, tk->has_name ? tk->data : "", tk->has_name ? tk->len : 0,
                                           tk->has_public_id ? tk->public_id : "",
                                           tk->has_public_id ? tk->public_id_len : 0,
                                           tk->has_system_id ? tk->system_id : "",
                                           tk->has_system_id ? tk->system_id_len : 0);
            if (id)
                cd_dom_append(p->dom, cd_dom_root(p->dom), id);
        }
        p->quirks = S_quirky(tk);
        p->mode = M_BEFORE_HTML;
        return;
    }
    p->quirks = 1;
    p->mode = M_BEFORE_HTML;
    S_process(p, tk);
}

static void S_make_html(P *p, const cd_token *tk)
{
    S_loc l = {cd_dom_root(p->dom), CD_NONE};
    S_el e = S_make(p, CD_TAG_HTML, NS_HTML, CD_TAG_HTML, NULL, 0, l);
    if (e.id) {
        if (tk)
            S_set_attrs(p, e.id, tk);
        p->dom->html = e.id;
    }
    S_push(p, e);
    p->mode = M_BEFORE_HEAD;
}

static void S_before_html(P *p, cd_token *tk)
{
    switch (tk->kind) {
    case CD_TOK_DOCTYPE: return;
    case CD_TOK_COMMENT: S_comment_doc(p, tk); return;
    case CD_TOK_START_TAG:
        if (p->tt == CD_TAG_HTML) {
            S_make_html(p, tk);
            return;
        }
        break;
    case CD_TOK_END_TAG:
        if (p->tt != CD_TAG_HEAD && p->tt != CD_TAG_BODY && p->tt != CD_TAG_HTML && p->tt != CD_TAG_BR)
            return;
        break;
    default: break;
    }
    S_make_html(p, NULL);
    S_process(p, tk);
}

static void S_set_head(P *p, S_el e)
{
    p->head_el = e;
    if (e.id)
        p->dom->head = e.id;
}

static void S_before_head(P *p, cd_token *tk)
{
    switch (tk->kind) {
    case CD_TOK_DOCTYPE: return;
    case CD_TOK_COMMENT: S_comment(p, tk); return;
    case CD_TOK_START_TAG:
        if (p->tt == CD_TAG_HTML) {
            S_mode_tok(p, M_IN_BODY, tk);
            return;
        }
        if (p->tt == CD_TAG_HEAD) {
            S_set_head(p, S_insert_tok(p, tk, CD_TAG_HEAD, NS_HTML));
            p->mode = M_IN_HEAD;
            return;
        }
        break;
    case CD_TOK_END_TAG:
        if (p->tt != CD_TAG_HEAD && p->tt != CD_TAG_BODY && p->tt != CD_TAG_HTML && p->tt != CD_TAG_BR)
            return;
        break;
    default: break;
    }
    S_set_head(p, S_insert_plain(p, CD_TAG_HEAD));
    p->mode = M_IN_HEAD;
    S_process(p, tk);
}

/* A void element: insert, pop at once. */
static void S_insert_void(P *p, const cd_token *tk, uint16_t t)
{
    S_insert_tok(p, tk, t, NS_HTML);
    S_pop(p);
}

static void S_end_template(P *p)
{
    if (!S_has_template(p))
        return;
    S_implied_end_thorough(p);
    S_pop_until(p, CD_TAG_TEMPLATE);
    S_af_clear_to_marker(p);
    S_tm_pop(p);
    S_reset_mode(p);
}

static void S_in_head(P *p, cd_token *tk)
{
    uint16_t t = p->tt;
    switch (tk->kind) {
    case CD_TOK_DOCTYPE: return;
    case CD_TOK_COMMENT: S_comment(p, tk); return;
    case CD_TOK_START_TAG:
        switch (t) {
        case CD_TAG_HTML: S_mode_tok(p, M_IN_BODY, tk); return;
        case X_BASEFONT:
        case X_BGSOUND:
        case CD_TAG_BASE:
        case CD_TAG_LINK:
        case CD_TAG_META: S_insert_void(p, tk, t); return;
        case CD_TAG_TITLE: S_generic_text(p, tk, t, CD_TS_RCDATA); return;
        case CD_TAG_NOFRAMES:
        case CD_TAG_STYLE: S_generic_text(p, tk, t, CD_TS_RAWTEXT); return;
        case CD_TAG_NOSCRIPT:
            S_insert_tok(p, tk, t, NS_HTML);
            p->mode = M_IN_HEAD_NOSCRIPT;
            return;
        case CD_TAG_SCRIPT: S_generic_text(p, tk, t, CD_TS_SCRIPT_DATA); return;
        case CD_TAG_TEMPLATE:
            S_insert_tok(p, tk, t, NS_HTML);
            S_af_push_marker(p);
            p->frameset_ok = 0;
            p->mode = M_IN_TEMPLATE;
            S_tm_push(p, M_IN_TEMPLATE);
            return;
        case CD_TAG_HEAD: return;
        default: break;
        }
        break;
    case CD_TOK_END_TAG:
        switch (t) {
        case CD_TAG_HEAD:
            S_pop(p);
            p->mode = M_AFTER_HEAD;
            return;
        case CD_TAG_BODY:
        case CD_TAG_HTML:
        case CD_TAG_BR: break;
        case CD_TAG_TEMPLATE: S_end_template(p); return;
        default: return;
        }
        break;
    default: break;
    }
    S_pop(p);
    p->mode = M_AFTER_HEAD;
    S_process(p, tk);
}

static void S_in_head_noscript(P *p, cd_token *tk)
{
    uint16_t t = p->tt;
    switch (tk->kind) {
    case CD_TOK_DOCTYPE: return;
    case CD_TOK_COMMENT: S_mode_tok(p, M_IN_HEAD, tk); return;
    case CD_TOK_START_TAG:
        switch (t) {
        case CD_TAG_HTML: S_mode_tok(p, M_IN_BODY, tk); return;
        case X_BASEFONT:
        case X_BGSOUND:
        case CD_TAG_LINK:
        case CD_TAG_META:
        case CD_TAG_NOFRAMES:
        case CD_TAG_STYLE: S_mode_tok(p, M_IN_HEAD, tk); return;
        case CD_TAG_HEAD:
        case CD_TAG_NOSCRIPT: return;
        default: break;
        }
        break;
    case CD_TOK_END_TAG:
        if (t == CD_TAG_NOSCRIPT) {
            S_pop(p);
            p->mode = M_IN_HEAD;
            return;
        }
        if (t != CD_TAG_BR)
            return;
        break;
    default: break;
    }
    S_pop(p);
    p->mode = M_IN_HEAD;
    S_process(p, tk);
}

static void S_after_head(P *p, cd_token *tk)
{
    uint16_t t = p->tt;
    switch (tk->kind) {
    case CD_TOK_DOCTYPE: return;
    case CD_TOK_COMMENT: S_comment(p, tk); return;
    case CD_TOK_START_TAG:
        switch (t) {
        case CD_TAG_HTML: S_mode_tok(p, M_IN_BODY, tk); return;
        case CD_TAG_BODY:
            {
                S_el b = S_insert_tok(p, tk, CD_TAG_BODY, NS_HTML);
                if (b.id)
                    p->dom->body = b.id;
            }
            p->frameset_ok = 0;
            p->mode = M_IN_BODY;
            return;
        case CD_TAG_FRAMESET:
            S_insert_tok(p, tk, t, NS_HTML);
            p->mode = M_IN_FRAMESET;
            return;
        case X_BASEFONT:
        case X_BGSOUND:
        case CD_TAG_BASE:
        case CD_TAG_LINK:
        case CD_TAG_META:
        case CD_TAG_NOFRAMES:
        case CD_TAG_SCRIPT:
        case CD_TAG_STYLE:
        case CD_TAG_TEMPLATE:
        case CD_TAG_TITLE:
            {
                S_el h = p->head_el;
                S_push(p, h);
                if (h.id && S_node(p, h.id)->next)
                    p->finish = 1; /* head content after nodes that follow <head> */
                S_mode_tok(p, M_IN_HEAD, tk);
                for (int i = (int)p->nst - 1; i >= 0; i--) {
                    if (p->st[i].serial == h.serial) {
                        S_remove_at(p, (uint32_t)i);
                        break;
                    }
                }
            }
            return;
        case CD_TAG_HEAD: return;
        default: break;
        }
        break;
    case CD_TOK_END_TAG:
        switch (t) {
        case CD_TAG_TEMPLATE: S_mode_tok(p, M_IN_HEAD, tk); return;
        case CD_TAG_BODY:
        case CD_TAG_HTML:
        case CD_TAG_BR: break;
        default: return;
        }
        break;
    default: break;
    }
    {
        S_el b = S_insert_plain(p, CD_TAG_BODY);
        if (b.id)
            p->dom->body = b.id;
    }
    p->mode = M_IN_BODY;
    S_process(p, tk);
}

/* In body, character tokens: NUL dropped, the rest inserted. */
static void S_body_chars(P *p, const char *s, size_t n)
{
    while (n) {
        const char *z = memchr(s, 0, n);
        size_t k = z ? (size_t)(z - s) : n;
        if (k) {
            S_reconstruct(p);
            if (p->frameset_ok && S_ws_prefix(s, k) < k)
                p->frameset_ok = 0;
            S_insert_chars(p, s, k);
        }
        if (!z)
            break;
        s += k + 1;
        n -= k + 1;
    }
}

static int S_type_hidden(const cd_token *tk)
{
    for (uint32_t i = 0; i < tk->nattrs; i++) {
        const cd_tok_attr *a = &tk->attrs[i];
        if (S_name_is(a->name, a->name_len, "type"))
            return cd_eq_nocase(a->value, a->value_len, "hidden");
    }
    return 0;
}

static void S_in_body_start(P *p, cd_token *tk)
{
    uint16_t t = p->tt;
    switch (t) {
    case CD_TAG_HTML:
        if (!S_has_template(p) && p->nst)
            S_merge_attrs(p, p->st[0].id, tk);
        return;
    case X_BASEFONT:
    case X_BGSOUND:
    case CD_TAG_BASE:
    case CD_TAG_LINK:
    case CD_TAG_META:
    case CD_TAG_NOFRAMES:
    case CD_TAG_SCRIPT:
    case CD_TAG_STYLE:
    case CD_TAG_TEMPLATE:
    case CD_TAG_TITLE: S_mode_tok(p, M_IN_HEAD, tk); return;
    case CD_TAG_BODY:
        if (p->nst < 2 || !S_is(&p->st[1], CD_TAG_BODY) || S_has_template(p))
            return;
        p->frameset_ok = 0;
        S_merge_attrs(p, p->st[1].id, tk);
        return;
    case CD_TAG_FRAMESET:
        if (p->nst < 2 || !S_is(&p->st[1], CD_TAG_BODY) || !p->frameset_ok)
            return;
        if (p->st[1].id) {
            cd_dom_detach(p->dom, p->st[1].id);
            if (p->dom->body == p->st[1].id)
                p->dom->body = CD_NONE;
            p->finish = 1;
        }
        while (p->nst > 1)
            S_pop(p);
        S_insert_tok(p, tk, t, NS_HTML);
        p->mode = M_IN_FRAMESET;
        return;
    case CD_TAG_H1:
    case CD_TAG_H2:
    case CD_TAG_H3:
    case CD_TAG_H4:
    case CD_TAG_H5:
    case CD_TAG_H6:
        S_maybe_close_p(p);
        if (S_cur(p) && S_cur(p)->ns == NS_HTML && (S_kf[S_cur(p)->t] & K_HEADING))
            S_pop(p);
        S_insert_tok(p, tk, t, NS_HTML);
        return;
    case CD_TAG_PRE:
    case X_LISTING:
        S_maybe_close_p(p);
        S_insert_tok(p, tk, t, NS_HTML);
        p->skip_lf = 2; /* the next token's leading LF */
        p->frameset_ok = 0;
        return;
    case CD_TAG_FORM:
        if (p->form_el.serial && !S_has_template(p))
            return;
        S_maybe_close_p(p);
        {
            S_el f = S_insert_tok(p, tk, t, NS_HTML);
            if (!S_has_template(p))
                p->form_el = f;
        }
        return;
    case CD_TAG_LI:
    case CD_TAG_DD:
    case CD_TAG_DT:
        p->frameset_ok = 0;
        for (int i = (int)p->nst - 1; i >= 0; i--) {
            const S_el *e = &p->st[i];
            uint16_t et = e->ns == NS_HTML ? e->t : 0xFFFF;
            if ((t == CD_TAG_LI && et == CD_TAG_LI) ||
                (t != CD_TAG_LI && (et == CD_TAG_DD || et == CD_TAG_DT))) {
                S_implied_end(p, et);
                S_pop_until(p, et);
                break;
            }
            if ((S_kf[e->t] & K_SPECIAL) &&
                !(e->ns == NS_HTML && (e->t == CD_TAG_ADDRESS || e->t == CD_TAG_DIV || e->t == CD_TAG_P)))
                break;
        }
        S_maybe_close_p(p);
        S_insert_tok(p, tk, t, NS_HTML);
        return;
    case CD_TAG_PLAINTEXT:
        S_maybe_close_p(p);
        S_insert_tok(p, tk, t, NS_HTML);
        cd_tokenizer_set_state(p->tok, CD_TS_PLAINTEXT);
        return;
    case CD_TAG_BUTTON:
        if (S_in_scope(p, CD_TAG_BUTTON, SCOPE_DEFAULT)) {
            S_implied_end(p, 0xFFFF);
            S_pop_until(p, CD_TAG_BUTTON);
        }
        S_reconstruct(p);
        S_insert_tok(p, tk, t, NS_HTML);
        p->frameset_ok = 0;
        return;
    case CD_TAG_A:
        for (int i = (int)p->naf - 1; i >= 0 && p->af[i].serial; i--) {
            if (S_is(&p->af[i], CD_TAG_A)) {
                S_el a = p->af[i];
                if (!S_adoption(p, tk, CD_TAG_A))
                    S_any_other_end(p, tk, CD_TAG_A);
                int k = S_af_find(p, &a);
                if (k >= 0)
                    S_af_remove_at(p, (uint32_t)k);
                k = S_stack_find(p, &a);
                if (k >= 0)
                    S_remove_at(p, (uint32_t)k);
                break;
            }
        }
        S_reconstruct(p);
        S_af_push(p, S_insert_tok(p, tk, t, NS_HTML));
        return;
    case CD_TAG_B:
    case X_BIG:
    case CD_TAG_CODE:
    case CD_TAG_EM:
    case CD_TAG_FONT:
    case CD_TAG_I:
    case CD_TAG_S:
    case CD_TAG_SMALL:
    case CD_TAG_STRIKE:
    case CD_TAG_STRONG:
    case CD_TAG_TT:
    case CD_TAG_U:
        S_reconstruct(p);
        S_af_push(p, S_insert_tok(p, tk, t, NS_HTML));
        return;
    case CD_TAG_NOBR:
        S_reconstruct(p);
        if (S_in_scope(p, CD_TAG_NOBR, SCOPE_DEFAULT)) {
            if (!S_adoption(p, tk, CD_TAG_NOBR))
                S_any_other_end(p, tk, CD_TAG_NOBR);
            S_reconstruct(p);
        }
        S_af_push(p, S_insert_tok(p, tk, t, NS_HTML));
        return;
    case X_APPLET:
    case X_MARQUEE:
    case CD_TAG_OBJECT:
        S_reconstruct(p);
        S_insert_tok(p, tk, t, NS_HTML);
        S_af_push_marker(p);
        p->frameset_ok = 0;
        return;
    case CD_TAG_TABLE:
        if (!p->quirks)
            S_maybe_close_p(p);
        S_insert_tok(p, tk, t, NS_HTML);
        p->frameset_ok = 0;
        p->mode = M_IN_TABLE;
        return;
    case CD_TAG_AREA:
    case CD_TAG_BR:
    case CD_TAG_EMBED:
    case CD_TAG_IMG:
    case X_KEYGEN:
    case CD_TAG_WBR:
        S_reconstruct(p);
        S_insert_void(p, tk, t);
        p->frameset_ok = 0;
        return;
    case CD_TAG_INPUT:
        if (S_in_scope(p, CD_TAG_SELECT, SCOPE_DEFAULT))
            S_pop_until(p, CD_TAG_SELECT);
        S_reconstruct(p);
        S_insert_void(p, tk, t);
        if (!S_type_hidden(tk))
            p->frameset_ok = 0;
        return;
    case CD_TAG_PARAM:
    case CD_TAG_SOURCE:
    case CD_TAG_TRACK: S_insert_void(p, tk, t); return;
    case CD_TAG_HR:
        S_maybe_close_p(p);
        if (S_in_scope(p, CD_TAG_SELECT, SCOPE_DEFAULT))
            S_implied_end(p, 0xFFFF);
        S_insert_void(p, tk, t);
        p->frameset_ok = 0;
        return;
    case X_IMAGE:
        tk->tag = CD_TAG_IMG;
        tk->data = "img";
        tk->len = 3;
        p->tt = CD_TAG_IMG;
        S_in_body_start(p, tk);
        return;
    case CD_TAG_TEXTAREA:
        S_insert_tok(p, tk, t, NS_HTML);
        p->skip_lf = 2;
        cd_tokenizer_set_state(p->tok, CD_TS_RCDATA);
        p->orig = p->mode;
        p->frameset_ok = 0;
        p->mode = M_TEXT;
        return;
    case CD_TAG_XMP:
        S_maybe_close_p(p);
        S_reconstruct(p);
        p->frameset_ok = 0;
        S_generic_text(p, tk, t, CD_TS_RAWTEXT);
        return;
    case CD_TAG_IFRAME:
        p->frameset_ok = 0;
        S_generic_text(p, tk, t, CD_TS_RAWTEXT);
        return;
    case CD_TAG_NOEMBED: S_generic_text(p, tk, t, CD_TS_RAWTEXT); return;
    case CD_TAG_SELECT:
        if (S_in_scope(p, CD_TAG_SELECT, SCOPE_DEFAULT)) {
            S_pop_until(p, CD_TAG_SELECT);
            return;
        }
        S_reconstruct(p);
        S_insert_tok(p, tk, t, NS_HTML);
        p->frameset_ok = 0;
        return;
    case CD_TAG_OPTION:
        if (S_in_scope(p, CD_TAG_SELECT, SCOPE_DEFAULT))
            S_implied_end(p, CD_TAG_OPTGROUP);
        else if (S_is(S_cur(p), CD_TAG_OPTION))
            S_pop(p);
        S_reconstruct(p);
        S_insert_tok(p, tk, t, NS_HTML);
        return;
    case CD_TAG_OPTGROUP:
        if (S_in_scope(p, CD_TAG_SELECT, SCOPE_DEFAULT))
            S_implied_end(p, 0xFFFF);
        else if (S_is(S_cur(p), CD_TAG_OPTION))
            S_pop(p);
        S_reconstruct(p);
        S_insert_tok(p, tk, t, NS_HTML);
        return;
    case X_RB:
    case X_RTC:
        if (S_in_scope(p, CD_TAG_RUBY, SCOPE_DEFAULT))
            S_implied_end(p, 0xFFFF);
        S_insert_tok(p, tk, t, NS_HTML);
        return;
    case CD_TAG_RP:
    case CD_TAG_RT:
        if (S_in_scope(p, CD_TAG_RUBY, SCOPE_DEFAULT))
            S_implied_end(p, X_RTC);
        S_insert_tok(p, tk, t, NS_HTML);
        return;
    case CD_TAG_MATH:
        S_reconstruct(p);
        S_insert_tok(p, tk, X_MATH_MATH, NS_MATH);
        if (tk->self_closing)
            S_pop(p);
        return;
    case CD_TAG_SVG:
        S_reconstruct(p);
        S_insert_tok(p, tk, X_SVG_SVG, NS_SVG);
        if (tk->self_closing)
            S_pop(p);
        return;
    case CD_TAG_CAPTION:
    case CD_TAG_COL:
    case CD_TAG_COLGROUP:
    case CD_TAG_FRAME:
    case CD_TAG_HEAD:
    case CD_TAG_TBODY:
    case CD_TAG_TD:
    case CD_TAG_TFOOT:
    case CD_TAG_TH:
    case CD_TAG_THEAD:
    case CD_TAG_TR: return;
    case CD_TAG_NOSCRIPT: /* scripting off: markup */
    default:
        if (t < CD_TAG__COUNT && (cd_tag_flags(t) & CD_TF_CLOSES_P)) {
            /* address, article, aside, ... ul (dom/tags.def): the tags that
             * close a <p> and do nothing else; those with more to do (h1-h6,
             * pre, form, li, dd, dt, plaintext, table, hr, xmp) have their
             * own case above. */
            S_maybe_close_p(p);
            S_insert_tok(p, tk, t, NS_HTML);
            return;
        }
        S_reconstruct(p);
        S_insert_tok(p, tk, t, NS_HTML);
        return;
    }
}

static void S_any_other_end(P *p, const cd_token *tk, uint16_t t)
{
    for (int i = (int)p->nst - 1; i >= 0; i--) {
        const S_el *e = &p->st[i];
        if (S_same_html(e, t, tk)) {
            S_implied_end(p, t == CD_TAG_UNKNOWN ? 0xFFFF : t);
            if (t == CD_TAG_UNKNOWN) {
                /* Implied end tags never pop an unknown element. */
            }
            while (p->nst > (uint32_t)i)
                S_pop(p);
            return;
        }
        if (S_kf[e->t] & K_SPECIAL)
            return;
    }
}

static void S_in_body_end(P *p, cd_token *tk)
{
    uint16_t t = p->tt;
    switch (t) {
    case CD_TAG_TEMPLATE: S_mode_tok(p, M_IN_HEAD, tk); return;
    case CD_TAG_BODY:
        if (S_in_scope(p, CD_TAG_BODY, SCOPE_DEFAULT))
            p->mode = M_AFTER_BODY;
        return;
    case CD_TAG_HTML:
        if (S_in_scope(p, CD_TAG_BODY, SCOPE_DEFAULT)) {
            p->mode = M_AFTER_BODY;
            S_process(p, tk);
        }
        return;
    case CD_TAG_ADDRESS:
    case CD_TAG_ARTICLE:
    case CD_TAG_ASIDE:
    case CD_TAG_BLOCKQUOTE:
    case CD_TAG_BUTTON:
    case CD_TAG_CENTER:
    case CD_TAG_DETAILS:
    case CD_TAG_DIALOG:
    case CD_TAG_DIR:
    case CD_TAG_DIV:
    case CD_TAG_DL:
    case CD_TAG_FIELDSET:
    case CD_TAG_FIGCAPTION:
    case CD_TAG_FIGURE:
    case CD_TAG_FOOTER:
    case CD_TAG_HEADER:
    case CD_TAG_HGROUP:
    case X_LISTING:
    case CD_TAG_MAIN:
    case CD_TAG_MENU:
    case CD_TAG_NAV:
    case CD_TAG_OL:
    case CD_TAG_PRE:
    case CD_TAG_SEARCH:
    case CD_TAG_SECTION:
    case CD_TAG_SELECT:
    case CD_TAG_SUMMARY:
    case CD_TAG_UL:
        if (!S_in_scope(p, t, SCOPE_DEFAULT))
            return;
        S_implied_end(p, 0xFFFF);
        S_pop_until(p, t);
        return;
    case CD_TAG_FORM:
        if (!S_has_template(p)) {
            S_el node = p->form_el;
            memset(&p->form_el, 0, sizeof p->form_el);
            if (!node.serial || !S_el_in_scope(p, &node))
                return;
            S_implied_end(p, 0xFFFF);
            int i = S_stack_find(p, &node);
            if (i >= 0)
                S_remove_at(p, (uint32_t)i);
        } else {
            if (!S_in_scope(p, CD_TAG_FORM, SCOPE_DEFAULT))
                return;
            S_implied_end(p, 0xFFFF);
            S_pop_until(p, CD_TAG_FORM);
        }
        return;
    case CD_TAG_P:
        if (!S_in_scope(p, CD_TAG_P, SCOPE_BUTTON))
            S_insert_plain(p, CD_TAG_P);
        S_close_p(p);
        return;
    case CD_TAG_LI:
        if (!S_in_scope(p, CD_TAG_LI, SCOPE_LIST))
            return;
        S_implied_end(p, CD_TAG_LI);
        S_pop_until(p, CD_TAG_LI);
        return;
    case CD_TAG_DD:
    case CD_TAG_DT:
        if (!S_in_scope(p, t, SCOPE_DEFAULT))
            return;
        S_implied_end(p, t);
        S_pop_until(p, t);
        return;
    case CD_TAG_H1:
    case CD_TAG_H2:
    case CD_TAG_H3:
    case CD_TAG_H4:
    case CD_TAG_H5:
    case CD_TAG_H6:
        if (!S_heading_in_scope(p))
            return;
        S_implied_end(p, 0xFFFF);
        S_pop_until_heading(p);
        return;
    case CD_TAG_A:
    case CD_TAG_B:
    case X_BIG:
    case CD_TAG_CODE:
    case CD_TAG_EM:
    case CD_TAG_FONT:
    case CD_TAG_I:
    case CD_TAG_NOBR:
    case CD_TAG_S:
    case CD_TAG_SMALL:
    case CD_TAG_STRIKE:
    case CD_TAG_STRONG:
    case CD_TAG_TT:
    case CD_TAG_U:
        if (!S_adoption(p, tk, t))
            S_any_other_end(p, tk, t);
        return;
    case X_APPLET:
    case X_MARQUEE:
    case CD_TAG_OBJECT:
        if (!S_in_scope(p, t, SCOPE_DEFAULT))
            return;
        S_implied_end(p, 0xFFFF);
        S_pop_until(p, t);
        S_af_clear_to_marker(p);
        return;
    case CD_TAG_BR:
        {
            cd_token br = *tk;
            br.kind = CD_TOK_START_TAG;
            br.nattrs = 0;
            br.attrs = NULL;
            br.self_closing = 0;
            S_reconstruct(p);
            S_insert_void(p, &br, CD_TAG_BR);
            p->frameset_ok = 0;
        }
        return;
    default: S_any_other_end(p, tk, t); return;
    }
}

static void S_eof(P *p)
{
    (void)p;
}

static void S_in_body(P *p, cd_token *tk)
{
    switch (tk->kind) {
    case CD_TOK_COMMENT: S_comment(p, tk); return;
    case CD_TOK_DOCTYPE: return;
    case CD_TOK_START_TAG: S_in_body_start(p, tk); return;
    case CD_TOK_END_TAG: S_in_body_end(p, tk); return;
    case CD_TOK_EOF:
        if (p->ntm)
            S_mode_tok(p, M_IN_TEMPLATE, tk);
        else
            S_eof(p);
        return;
    default: return;
    }
}

static void S_text_mode(P *p, cd_token *tk)
{
    if (tk->kind == CD_TOK_EOF) {
        S_pop(p);
        p->mode = p->orig;
        S_process(p, tk);
        return;
    }
    if (tk->kind == CD_TOK_END_TAG) {
        S_pop(p);
        p->mode = p->orig;
    }
}

static void S_clear_to_table(P *p)
{
    for (;;) {
        const S_el *c = S_cur(p);
        if (!c || S_is(c, CD_TAG_TABLE) || S_is(c, CD_TAG_TEMPLATE) || S_is(c, CD_TAG_HTML))
            return;
        S_pop(p);
    }
}

static void S_clear_to_tbody(P *p)
{
    for (;;) {
        const S_el *c = S_cur(p);
        if (!c || S_is(c, CD_TAG_TBODY) || S_is(c, CD_TAG_TFOOT) || S_is(c, CD_TAG_THEAD) ||
            S_is(c, CD_TAG_TEMPLATE) || S_is(c, CD_TAG_HTML))
            return;
        S_pop(p);
    }
}

static void S_clear_to_row(P *p)
{
    for (;;) {
        const S_el *c = S_cur(p);
        if (!c || S_is(c, CD_TAG_TR) || S_is(c, CD_TAG_TEMPLATE) || S_is(c, CD_TAG_HTML))
            return;
        S_pop(p);
    }
}

static void S_in_table_else(P *p, cd_token *tk)
{
    int was = p->foster;
    p->foster = 1;
    S_mode_tok(p, M_IN_BODY, tk);
    p->foster = was;
}

static void S_in_table(P *p, cd_token *tk)
{
    uint16_t t = p->tt;
    switch (tk->kind) {
    case CD_TOK_COMMENT: S_comment(p, tk); return;
    case CD_TOK_DOCTYPE: return;
    case CD_TOK_START_TAG:
        switch (t) {
        case CD_TAG_CAPTION:
            S_clear_to_table(p);
            S_af_push_marker(p);
            S_insert_tok(p, tk, t, NS_HTML);
            p->mode = M_IN_CAPTION;
            return;
        case CD_TAG_COLGROUP:
            S_clear_to_table(p);
            S_insert_tok(p, tk, t, NS_HTML);
            p->mode = M_IN_COLUMN_GROUP;
            return;
        case CD_TAG_COL:
            S_clear_to_table(p);
            S_insert_plain(p, CD_TAG_COLGROUP);
            p->mode = M_IN_COLUMN_GROUP;
            S_process(p, tk);
            return;
        case CD_TAG_TBODY:
        case CD_TAG_TFOOT:
        case CD_TAG_THEAD:
            S_clear_to_table(p);
            S_insert_tok(p, tk, t, NS_HTML);
            p->mode = M_IN_TABLE_BODY;
            return;
        case CD_TAG_TD:
        case CD_TAG_TH:
        case CD_TAG_TR:
            S_clear_to_table(p);
            S_insert_plain(p, CD_TAG_TBODY);
            p->mode = M_IN_TABLE_BODY;
            S_process(p, tk);
            return;
        case CD_TAG_TABLE:
            if (!S_in_scope(p, CD_TAG_TABLE, SCOPE_TABLE))
                return;
            S_pop_until(p, CD_TAG_TABLE);
            S_reset_mode(p);
            S_process(p, tk);
            return;
        case CD_TAG_STYLE:
        case CD_TAG_SCRIPT:
        case CD_TAG_TEMPLATE: S_mode_tok(p, M_IN_HEAD, tk); return;
        case CD_TAG_INPUT:
            if (!S_type_hidden(tk))
                break;
            S_insert_void(p, tk, t);
            return;
        case CD_TAG_FORM:
            if (S_has_template(p) || p->form_el.serial)
                return;
            p->form_el = S_insert_tok(p, tk, t, NS_HTML);
            S_pop(p);
            return;
        default: break;
        }
        break;
    case CD_TOK_END_TAG:
        switch (t) {
        case CD_TAG_TABLE:
            if (!S_in_scope(p, CD_TAG_TABLE, SCOPE_TABLE))
                return;
            S_pop_until(p, CD_TAG_TABLE);
            S_reset_mode(p);
            return;
        case CD_TAG_BODY:
        case CD_TAG_CAPTION:
        case CD_TAG_COL:
        case CD_TAG_COLGROUP:
        case CD_TAG_HTML:
        case CD_TAG_TBODY:
        case CD_TAG_TD:
        case CD_TAG_TFOOT:
        case CD_TAG_TH:
        case CD_TAG_THEAD:
        case CD_TAG_TR: return;
        case CD_TAG_TEMPLATE: S_mode_tok(p, M_IN_HEAD, tk); return;
        default: break;
        }
        break;
    case CD_TOK_EOF: S_mode_tok(p, M_IN_BODY, tk); return;
    default: break;
    }
    S_in_table_else(p, tk);
}

/* Leave "in table text": the pending characters go in. */
static void S_table_text_flush(P *p)
{
    p->mode = p->orig;
    if (!p->tlen)
        return;
    size_t n = p->tlen;
    p->tlen = 0;
    if (p->tnonws) {
        int was = p->foster;
        p->foster = 1;
        S_body_chars(p, p->tbuf, n);
        p->foster = was;
    } else {
        S_insert_chars(p, p->tbuf, n);
    }
}

static void S_in_caption(P *p, cd_token *tk)
{
    uint16_t t = p->tt;
    if (tk->kind == CD_TOK_END_TAG && t == CD_TAG_CAPTION) {
        if (!S_in_scope(p, CD_TAG_CAPTION, SCOPE_TABLE))
            return;
        S_implied_end(p, 0xFFFF);
        S_pop_until(p, CD_TAG_CAPTION);
        S_af_clear_to_marker(p);
        p->mode = M_IN_TABLE;
        return;
    }
    if ((tk->kind == CD_TOK_START_TAG &&
         (t == CD_TAG_CAPTION || t == CD_TAG_COL || t == CD_TAG_COLGROUP || t == CD_TAG_TBODY ||
          t == CD_TAG_TD || t == CD_TAG_TFOOT || t == CD_TAG_TH || t == CD_TAG_THEAD || t == CD_TAG_TR)) ||
        (tk->kind == CD_TOK_END_TAG && t == CD_TAG_TABLE)) {
        if (!S_in_scope(p, CD_TAG_CAPTION, SCOPE_TABLE))
            return;
        S_implied_end(p, 0xFFFF);
        S_pop_until(p, CD_TAG_CAPTION);
        S_af_clear_to_marker(p);
        p->mode = M_IN_TABLE;
        S_process(p, tk);
        return;
    }
    if (tk->kind == CD_TOK_END_TAG &&
        (t == CD_TAG_BODY || t == CD_TAG_COL || t == CD_TAG_COLGROUP || t == CD_TAG_HTML ||
         t == CD_TAG_TBODY || t == CD_TAG_TD || t == CD_TAG_TFOOT || t == CD_TAG_TH || t == CD_TAG_THEAD ||
         t == CD_TAG_TR))
        return;
    S_mode_tok(p, M_IN_BODY, tk);
}

static void S_in_column_group(P *p, cd_token *tk)
{
    uint16_t t = p->tt;
    switch (tk->kind) {
    case CD_TOK_COMMENT: S_comment(p, tk); return;
    case CD_TOK_DOCTYPE: return;
    case CD_TOK_START_TAG:
        if (t == CD_TAG_HTML) {
            S_mode_tok(p, M_IN_BODY, tk);
            return;
        }
        if (t == CD_TAG_COL) {
            S_insert_void(p, tk, t);
            return;
        }
        if (t == CD_TAG_TEMPLATE) {
            S_mode_tok(p, M_IN_HEAD, tk);
            return;
        }
        break;
    case CD_TOK_END_TAG:
        if (t == CD_TAG_COLGROUP) {
            if (!S_is(S_cur(p), CD_TAG_COLGROUP))
                return;
            S_pop(p);
            p->mode = M_IN_TABLE;
            return;
        }
        if (t == CD_TAG_COL)
            return;
        if (t == CD_TAG_TEMPLATE) {
            S_mode_tok(p, M_IN_HEAD, tk);
            return;
        }
        break;
    case CD_TOK_EOF: S_mode_tok(p, M_IN_BODY, tk); return;
    default: break;
    }
    if (!S_is(S_cur(p), CD_TAG_COLGROUP))
        return;
    S_pop(p);
    p->mode = M_IN_TABLE;
    S_process(p, tk);
}

static void S_in_table_body(P *p, cd_token *tk)
{
    uint16_t t = p->tt;
    if (tk->kind == CD_TOK_START_TAG) {
        if (t == CD_TAG_TR) {
            S_clear_to_tbody(p);
            S_insert_tok(p, tk, t, NS_HTML);
            p->mode = M_IN_ROW;
            return;
        }
        if (t == CD_TAG_TH || t == CD_TAG_TD) {
            S_clear_to_tbody(p);
            S_insert_plain(p, CD_TAG_TR);
            p->mode = M_IN_ROW;
            S_process(p, tk);
            return;
        }
        if (t == CD_TAG_CAPTION || t == CD_TAG_COL || t == CD_TAG_COLGROUP || t == CD_TAG_TBODY ||
            t == CD_TAG_TFOOT || t == CD_TAG_THEAD)
            goto leave;
    } else if (tk->kind == CD_TOK_END_TAG) {
        if (t == CD_TAG_TBODY || t == CD_TAG_TFOOT || t == CD_TAG_THEAD) {
            if (!S_in_scope(p, t, SCOPE_TABLE))
                return;
            S_clear_to_tbody(p);
            S_pop(p);
            p->mode = M_IN_TABLE;
            return;
        }
        if (t == CD_TAG_TABLE)
            goto leave;
        if (t == CD_TAG_BODY || t == CD_TAG_CAPTION || t == CD_TAG_COL || t == CD_TAG_COLGROUP ||
            t == CD_TAG_HTML || t == CD_TAG_TD || t == CD_TAG_TH || t == CD_TAG_TR)
            return;
    }
    S_in_table(p, tk);
    return;
leave:
    if (!S_in_scope(p, CD_TAG_TBODY, SCOPE_TABLE) && !S_in_scope(p, CD_TAG_THEAD, SCOPE_TABLE) &&
        !S_in_scope(p, CD_TAG_TFOOT, SCOPE_TABLE))
        return;
    S_clear_to_tbody(p);
    S_pop(p);
    p->mode = M_IN_TABLE;
    S_process(p, tk);
}

static void S_in_row(P *p, cd_token *tk)
{
    uint16_t t = p->tt;
    if (tk->kind == CD_TOK_START_TAG) {
        if (t == CD_TAG_TH || t == CD_TAG_TD) {
            S_clear_to_row(p);
            S_insert_tok(p, tk, t, NS_HTML);
            p->mode = M_IN_CELL;
            S_af_push_marker(p);
            return;
        }
        if (t == CD_TAG_CAPTION || t == CD_TAG_COL || t == CD_TAG_COLGROUP || t == CD_TAG_TBODY ||
            t == CD_TAG_TFOOT || t == CD_TAG_THEAD || t == CD_TAG_TR)
            goto leave;
    } else if (tk->kind == CD_TOK_END_TAG) {
        if (t == CD_TAG_TR) {
            if (!S_in_scope(p, CD_TAG_TR, SCOPE_TABLE))
                return;
            S_clear_to_row(p);
            S_pop(p);
            p->mode = M_IN_TABLE_BODY;
            return;
        }
        if (t == CD_TAG_TABLE)
            goto leave;
        if (t == CD_TAG_TBODY || t == CD_TAG_TFOOT || t == CD_TAG_THEAD) {
            if (!S_in_scope(p, t, SCOPE_TABLE))
                return;
            goto leave;
        }
        if (t == CD_TAG_BODY || t == CD_TAG_CAPTION || t == CD_TAG_COL || t == CD_TAG_COLGROUP ||
            t == CD_TAG_HTML || t == CD_TAG_TD || t == CD_TAG_TH)
            return;
    }
    S_in_table(p, tk);
    return;
leave:
    if (!S_in_scope(p, CD_TAG_TR, SCOPE_TABLE))
        return;
    S_clear_to_row(p);
    S_pop(p);
    p->mode = M_IN_TABLE_BODY;
    S_process(p, tk);
}

static void S_close_cell(P *p)
{
    S_implied_end(p, 0xFFFF);
    while (p->nst) {
        const S_el *c = S_cur(p);
        int hit = S_is(c, CD_TAG_TD) || S_is(c, CD_TAG_TH);
        S_pop(p);
        if (hit)
            break;
    }
    S_af_clear_to_marker(p);
    p->mode = M_IN_ROW;
}

static void S_in_cell(P *p, cd_token *tk)
{
    uint16_t t = p->tt;
    if (tk->kind == CD_TOK_END_TAG) {
        if (t == CD_TAG_TD || t == CD_TAG_TH) {
            if (!S_in_scope(p, t, SCOPE_TABLE))
                return;
            S_implied_end(p, 0xFFFF);
            S_pop_until(p, t);
            S_af_clear_to_marker(p);
            p->mode = M_IN_ROW;
            return;
        }
        if (t == CD_TAG_BODY || t == CD_TAG_CAPTION || t == CD_TAG_COL || t == CD_TAG_COLGROUP ||
            t == CD_TAG_HTML)
            return;
        if (t == CD_TAG_TABLE || t == CD_TAG_TBODY || t == CD_TAG_TFOOT || t == CD_TAG_THEAD ||
            t == CD_TAG_TR) {
            if (!S_in_scope(p, t, SCOPE_TABLE))
                return;
            S_close_cell(p);
            S_process(p, tk);
            return;
        }
    } else if (tk->kind == CD_TOK_START_TAG) {
        if (t == CD_TAG_CAPTION || t == CD_TAG_COL || t == CD_TAG_COLGROUP || t == CD_TAG_TBODY ||
            t == CD_TAG_TD || t == CD_TAG_TFOOT || t == CD_TAG_TH || t == CD_TAG_THEAD || t == CD_TAG_TR) {
            if (!S_in_scope(p, CD_TAG_TD, SCOPE_TABLE) && !S_in_scope(p, CD_TAG_TH, SCOPE_TABLE))
                return;
            S_close_cell(p);
            S_process(p, tk);
            return;
        }
    }
    S_mode_tok(p, M_IN_BODY, tk);
}

static void S_in_template(P *p, cd_token *tk)
{
    uint16_t t = p->tt;
    switch (tk->kind) {
    case CD_TOK_COMMENT:
    case CD_TOK_DOCTYPE: S_mode_tok(p, M_IN_BODY, tk); return;
    case CD_TOK_START_TAG:
        switch (t) {
        case X_BASEFONT:
        case X_BGSOUND:
        case CD_TAG_BASE:
        case CD_TAG_LINK:
        case CD_TAG_META:
        case CD_TAG_NOFRAMES:
        case CD_TAG_SCRIPT:
        case CD_TAG_STYLE:
        case CD_TAG_TEMPLATE:
        case CD_TAG_TITLE: S_mode_tok(p, M_IN_HEAD, tk); return;
        case CD_TAG_CAPTION:
        case CD_TAG_COLGROUP:
        case CD_TAG_TBODY:
        case CD_TAG_TFOOT:
        case CD_TAG_THEAD:
            S_tm_pop(p);
            S_tm_push(p, M_IN_TABLE);
            p->mode = M_IN_TABLE;
            break;
        case CD_TAG_COL:
            S_tm_pop(p);
            S_tm_push(p, M_IN_COLUMN_GROUP);
            p->mode = M_IN_COLUMN_GROUP;
            break;
        case CD_TAG_TR:
            S_tm_pop(p);
            S_tm_push(p, M_IN_TABLE_BODY);
            p->mode = M_IN_TABLE_BODY;
            break;
        case CD_TAG_TD:
        case CD_TAG_TH:
            S_tm_pop(p);
            S_tm_push(p, M_IN_ROW);
            p->mode = M_IN_ROW;
            break;
        default:
            S_tm_pop(p);
            S_tm_push(p, M_IN_BODY);
            p->mode = M_IN_BODY;
            break;
        }
        S_process(p, tk);
        return;
    case CD_TOK_END_TAG:
        if (t == CD_TAG_TEMPLATE)
            S_mode_tok(p, M_IN_HEAD, tk);
        return;
    case CD_TOK_EOF:
        if (!S_has_template(p))
            return;
        S_pop_until(p, CD_TAG_TEMPLATE);
        S_af_clear_to_marker(p);
        S_tm_pop(p);
        S_reset_mode(p);
        S_process(p, tk);
        return;
    default: return;
    }
}

static void S_after_body(P *p, cd_token *tk)
{
    switch (tk->kind) {
    case CD_TOK_COMMENT:
        if (p->nst) {
            S_loc l = {p->st[0].id, CD_NONE};
            S_comment_at(p, l, tk->data, tk->len);
        }
        return;
    case CD_TOK_DOCTYPE: return;
    case CD_TOK_START_TAG:
        if (p->tt == CD_TAG_HTML) {
            S_mode_tok(p, M_IN_BODY, tk);
            return;
        }
        break;
    case CD_TOK_END_TAG:
        if (p->tt == CD_TAG_HTML) {
            p->mode = M_AFTER_AFTER_BODY;
            return;
        }
        break;
    case CD_TOK_EOF: return;
    default: break;
    }
    p->mode = M_IN_BODY;
    S_process(p, tk);
}

static void S_in_frameset(P *p, cd_token *tk)
{
    uint16_t t = p->tt;
    switch (tk->kind) {
    case CD_TOK_COMMENT: S_comment(p, tk); return;
    case CD_TOK_START_TAG:
        if (t == CD_TAG_HTML)
            S_mode_tok(p, M_IN_BODY, tk);
        else if (t == CD_TAG_FRAMESET)
            S_insert_tok(p, tk, t, NS_HTML);
        else if (t == CD_TAG_FRAME)
            S_insert_void(p, tk, t);
        else if (t == CD_TAG_NOFRAMES)
            S_mode_tok(p, M_IN_HEAD, tk);
        return;
    case CD_TOK_END_TAG:
        if (t == CD_TAG_FRAMESET) {
            if (p->nst <= 1 || S_is(S_cur(p), CD_TAG_HTML))
                return;
            S_pop(p);
            if (!S_is(S_cur(p), CD_TAG_FRAMESET))
                p->mode = M_AFTER_FRAMESET;
        }
        return;
    default: return;
    }
}

static void S_after_frameset(P *p, cd_token *tk)
{
    uint16_t t = p->tt;
    switch (tk->kind) {
    case CD_TOK_COMMENT: S_comment(p, tk); return;
    case CD_TOK_START_TAG:
        if (t == CD_TAG_HTML)
            S_mode_tok(p, M_IN_BODY, tk);
        else if (t == CD_TAG_NOFRAMES)
            S_mode_tok(p, M_IN_HEAD, tk);
        return;
    case CD_TOK_END_TAG:
        if (t == CD_TAG_HTML)
            p->mode = M_AFTER_AFTER_FRAMESET;
        return;
    default: return;
    }
}

static void S_after_after_body(P *p, cd_token *tk)
{
    switch (tk->kind) {
    case CD_TOK_COMMENT: S_comment_doc(p, tk); return;
    case CD_TOK_DOCTYPE: S_mode_tok(p, M_IN_BODY, tk); return;
    case CD_TOK_START_TAG:
        if (p->tt == CD_TAG_HTML) {
            S_mode_tok(p, M_IN_BODY, tk);
            return;
        }
        break;
    case CD_TOK_EOF: return;
    default: break;
    }
    p->mode = M_IN_BODY;
    S_process(p, tk);
}

static void S_after_after_frameset(P *p, cd_token *tk)
{
    switch (tk->kind) {
    case CD_TOK_COMMENT: S_comment_doc(p, tk); return;
    case CD_TOK_DOCTYPE: S_mode_tok(p, M_IN_BODY, tk); return;
    case CD_TOK_START_TAG:
        if (p->tt == CD_TAG_HTML)
            S_mode_tok(p, M_IN_BODY, tk);
        else if (p->tt == CD_TAG_NOFRAMES)
            S_mode_tok(p, M_IN_HEAD, tk);
        return;
    default: return;
    }
}

/* A non-character token by the rules of mode m (the current mode or another,
 * "using the rules for"). */
static void S_mode_tok(P *p, S_mode m, cd_token *tk)
{
    switch (m) {
    case M_INITIAL: S_initial(p, tk); return;
    case M_BEFORE_HTML: S_before_html(p, tk); return;
    case M_BEFORE_HEAD: S_before_head(p, tk); return;
    case M_IN_HEAD: S_in_head(p, tk); return;
    case M_IN_HEAD_NOSCRIPT: S_in_head_noscript(p, tk); return;
    case M_AFTER_HEAD: S_after_head(p, tk); return;
    case M_IN_BODY: S_in_body(p, tk); return;
    case M_TEXT: S_text_mode(p, tk); return;
    case M_IN_TABLE: S_in_table(p, tk); return;
    case M_IN_TABLE_TEXT:
        S_table_text_flush(p);
        S_process(p, tk);
        return;
    case M_IN_CAPTION: S_in_caption(p, tk); return;
    case M_IN_COLUMN_GROUP: S_in_column_group(p, tk); return;
    case M_IN_TABLE_BODY: S_in_table_body(p, tk); return;
    case M_IN_ROW: S_in_row(p, tk); return;
    case M_IN_CELL: S_in_cell(p, tk); return;
    case M_IN_TEMPLATE: S_in_template(p, tk); return;
    case M_AFTER_BODY: S_after_body(p, tk); return;
    case M_IN_FRAMESET: S_in_frameset(p, tk); return;
    case M_AFTER_FRAMESET: S_after_frameset(p, tk); return;
    case M_AFTER_AFTER_BODY: S_after_after_body(p, tk); return;
    case M_AFTER_AFTER_FRAMESET: S_after_after_frameset(p, tk); return;
    }
}

/* Only the whitespace of s[0..n) goes in (frameset modes drop the rest). */
static void S_insert_ws_only(P *p, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && S_ws((unsigned char)s[j]))
            j++;
        if (j > i)
            S_insert_chars(p, s + i, j - i);
        while (j < n && !S_ws((unsigned char)s[j]))
            j++;
        i = j;
    }
}

/* Character tokens s[0..n) by the rules of mode m; returns how many bytes
 * were used (0 only after a mode change, to reprocess the rest). */
static size_t S_mode_chars(P *p, S_mode m, const char *s, size_t n)
{
    /* The leading whitespace, for the modes that treat it apart (not the
     * body's, tables' or a script's text: most character tokens). */
    size_t w = 0;
    switch (m) {
    case M_IN_BODY:
    case M_IN_CAPTION:
    case M_IN_CELL:
    case M_IN_TEMPLATE:
    case M_TEXT:
    case M_IN_TABLE:
    case M_IN_TABLE_BODY:
    case M_IN_ROW:
    case M_IN_TABLE_TEXT:
    case M_IN_FRAMESET:
    case M_AFTER_FRAMESET:
    case M_AFTER_AFTER_FRAMESET: break;
    default: w = S_ws_prefix(s, n); break;
    }
    switch (m) {
    case M_INITIAL:
        if (w)
            return w;
        p->quirks = 1;
        p->mode = M_BEFORE_HTML;
        return 0;
    case M_BEFORE_HTML:
        if (w)
            return w;
        S_make_html(p, NULL);
        return 0;
    case M_BEFORE_HEAD:
        if (w)
            return w;
        S_set_head(p, S_insert_plain(p, CD_TAG_HEAD));
        p->mode = M_IN_HEAD;
        return 0;
    case M_IN_HEAD:
        if (w) {
            S_insert_chars(p, s, w);
            return w;
        }
        S_pop(p);
        p->mode = M_AFTER_HEAD;
        return 0;
    case M_IN_HEAD_NOSCRIPT:
        if (w) {
            S_insert_chars(p, s, w);
            return w;
        }
        S_pop(p);
        p->mode = M_IN_HEAD;
        return 0;
    case M_AFTER_HEAD:
        if (w) {
            S_insert_chars(p, s, w);
            return w;
        }
        {
            S_el b = S_insert_plain(p, CD_TAG_BODY);
            if (b.id)
                p->dom->body = b.id;
        }
        p->mode = M_IN_BODY;
        return 0;
    case M_IN_BODY:
    case M_IN_CAPTION:
    case M_IN_CELL:
    case M_IN_TEMPLATE: S_body_chars(p, s, n); return n;
    case M_TEXT: S_insert_chars(p, s, n); return n;
    case M_IN_TABLE:
    case M_IN_TABLE_BODY:
    case M_IN_ROW:
        {
            const S_el *c = S_cur(p);
            if (c && c->ns == NS_HTML &&
                (c->t == CD_TAG_TABLE || c->t == CD_TAG_TBODY || c->t == CD_TAG_TEMPLATE ||
                 c->t == CD_TAG_TFOOT || c->t == CD_TAG_THEAD || c->t == CD_TAG_TR)) {
                p->tlen = 0;
                p->tnonws = 0;
                p->orig = p->mode;
                p->mode = M_IN_TABLE_TEXT;
                return 0;
            }
            int was = p->foster;
            p->foster = 1;
            S_body_chars(p, s, n);
            p->foster = was;
            return n;
        }
    case M_IN_TABLE_TEXT:
        {
            size_t i = 0;
            while (i < n) {
                const char *z = memchr(s + i, 0, n - i);
                size_t k = z ? (size_t)(z - (s + i)) : n - i;
                if (k) {
                    if (!p->tnonws && S_ws_prefix(s + i, k) < k)
                        p->tnonws = 1;
                    if (S_bgrow(p, &p->tbuf, &p->tcap, p->tlen + k)) {
                        memcpy(p->tbuf + p->tlen, s + i, k);
                        p->tlen += k;
                    }
                }
                i += k + (z ? 1 : 0);
            }
            return n;
        }
    case M_IN_COLUMN_GROUP:
        if (w) {
            S_insert_chars(p, s, w);
            return w;
        }
        if (!S_is(S_cur(p), CD_TAG_COLGROUP))
            return n; /* ignored */
        S_pop(p);
        p->mode = M_IN_TABLE;
        return 0;
    case M_AFTER_BODY:
    case M_AFTER_AFTER_BODY:
        if (w) {
            S_body_chars(p, s, w);
            return w;
        }
        p->mode = M_IN_BODY;
        return 0;
    case M_IN_FRAMESET:
    case M_AFTER_FRAMESET: S_insert_ws_only(p, s, n); return n;
    case M_AFTER_AFTER_FRAMESET:
        {
            /* Whitespace by the in-body rules, the rest ignored. */
            size_t i = 0;
            while (i < n) {
                size_t j = i;
                while (j < n && S_ws((unsigned char)s[j]))
                    j++;
                if (j > i)
                    S_body_chars(p, s + i, j - i);
                while (j < n && !S_ws((unsigned char)s[j]))
                    j++;
                i = j;
            }
            return n;
        }
    }
    return n;
}

/* ---- foreign content ------------------------------------------------------ */

/* Does the token go by the insertion mode (1) or by the foreign content rules (0)? */
static int S_html_rules(P *p, cd_tok_kind kind, uint16_t t)
{
    const S_el *c = S_cur(p);
    if (!c || c->ns == NS_HTML || kind == CD_TOK_EOF)
        return 1;
    if (S_mathml_tip(c)) {
        if (kind == CD_TOK_CHARS)
            return 1;
        if (kind == CD_TOK_START_TAG && t != X_MGLYPH && t != X_MALIGNMARK)
            return 1;
    }
    if (c->ns == NS_MATH && c->t == X_MATH_ANNOTATION_XML && kind == CD_TOK_START_TAG && t == CD_TAG_SVG)
        return 1;
    if (S_html_ip(c) && (kind == CD_TOK_START_TAG || kind == CD_TOK_CHARS))
        return 1;
    return 0;
}

static size_t S_foreign_chars(P *p, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        const char *z = memchr(s + i, 0, n - i);
        size_t k = z ? (size_t)(z - (s + i)) : n - i;
        if (k) {
            if (p->frameset_ok && S_ws_prefix(s + i, k) < k)
                p->frameset_ok = 0;
            S_insert_chars(p, s + i, k);
        }
        if (!z)
            break;
        S_insert_chars(p, "\xEF\xBF\xBD", 3);
        i += k + 1;
    }
    return n;
}

static int S_font_breaks_out(const cd_token *tk)
{
    for (uint32_t i = 0; i < tk->nattrs; i++) {
        const cd_tok_attr *a = &tk->attrs[i];
        if (S_name_is(a->name, a->name_len, "color") || S_name_is(a->name, a->name_len, "face") ||
            S_name_is(a->name, a->name_len, "size"))
            return 1;
    }
    return 0;
}

static void S_foreign(P *p, cd_token *tk)
{
    uint16_t t = p->tt;
    switch (tk->kind) {
    case CD_TOK_COMMENT: S_comment(p, tk); return;
    case CD_TOK_DOCTYPE: return;
    case CD_TOK_START_TAG:
        if ((t < X_COUNT && (S_kf[t] & K_BREAKOUT) && t != CD_TAG_FONT) ||
            (t == CD_TAG_FONT && S_font_breaks_out(tk))) {
            while (p->nst) {
                const S_el *c = S_cur(p);
                if (S_mathml_tip(c) || S_html_ip(c) || c->ns == NS_HTML)
                    break;
                S_pop(p);
            }
            S_mode_tok(p, p->mode, tk);
            return;
        }
        {
            uint8_t ns = S_cur(p)->ns;
            uint16_t k = S_foreign_kind(ns, tk->data, tk->len);
            S_insert_tok(p, tk, k, ns);
            if (tk->self_closing)
                S_pop(p);
        }
        return;
    case CD_TOK_END_TAG:
        {
            if (t == CD_TAG_BR || t == CD_TAG_P) {
                while (p->nst) {
                    const S_el *c = S_cur(p);
                    if (S_mathml_tip(c) || S_html_ip(c) || c->ns == NS_HTML)
                        break;
                    S_pop(p);
                }
                S_mode_tok(p, p->mode, tk);
                return;
            }
            for (int i = (int)p->nst - 1; i >= 0; i--) {
                const S_el *e = &p->st[i];
                if (i == 0)
                    return;
                size_t nl;
                const char *nm = S_el_name(e, &nl);
                if (nl == tk->len && memcmp(nm, tk->data, nl) == 0) {
                    while (p->nst > (uint32_t)i)
                        S_pop(p);
                    return;
                }
                if (i - 1 >= 0 && p->st[i - 1].ns == NS_HTML) {
                    S_mode_tok(p, p->mode, tk);
                    return;
                }
            }
        }
        return;
    default: return;
    }
}

/* ---- the token loop ------------------------------------------------------- */

static void S_process(P *p, cd_token *tk)
{
    if (tk->kind == CD_TOK_START_TAG || tk->kind == CD_TOK_END_TAG)
        p->tt = S_html_kind(tk);
    if (S_html_rules(p, tk->kind, p->tt))
        S_mode_tok(p, p->mode, tk);
    else
        S_foreign(p, tk);
}

static void S_chars(P *p, const char *s, size_t n)
{
    while (n) {
        size_t used;
        if (!S_html_rules(p, CD_TOK_CHARS, 0))
            used = S_foreign_chars(p, s, n);
        else
            used = S_mode_chars(p, p->mode, s, n);
        s += used;
        n -= used;
    }
}

/* Past CD_MAX_PARSE_DEPTH open elements a start tag that would nest deeper
 * is dropped (a block's becomes a <br>, so that its text does not run into
 * its neighbour's): the scope checks walk the stack, so depth must stay
 * bounded for the parse to stay linear. Raw-text elements keep a little
 * slack: dropping <script> would turn its source into text. */
static int S_too_deep(P *p, cd_token *tk)
{
    if (p->nst < CD_MAX_PARSE_DEPTH)
        return 0;
    uint16_t t = p->tt;
    if (t < X_COUNT && (S_kf[t] & K_RAWTEXT) && p->nst < CD_MAX_PARSE_DEPTH + 16)
        return 0;
    switch (t) {
    case CD_TAG_AREA:
    case CD_TAG_BASE:
    case CD_TAG_BR:
    case CD_TAG_COL:
    case CD_TAG_EMBED:
    case CD_TAG_HR:
    case CD_TAG_IMG:
    case CD_TAG_INPUT:
    case CD_TAG_LINK:
    case CD_TAG_META:
    case CD_TAG_PARAM:
    case CD_TAG_SOURCE:
    case CD_TAG_TRACK:
    case CD_TAG_WBR:
    case CD_TAG_HTML:
    case CD_TAG_BODY: return 0;
    default: break;
    }
    p->dom->truncated = 1;
    if (t < CD_TAG__COUNT && (cd_tag_flags(t) & CD_TF_BLOCK)) {
        tk->tag = CD_TAG_BR;
        tk->data = "br";
        tk->len = 2;
        tk->nattrs = 0;
        tk->self_closing = 1;
        return 0;
    }
    return 1;
}

/* ---- the final pass --------------------------------------------------------- */

/* Rebuild the node array in document order (see the header comment), in
 * place: a pre-order walk numbers the nodes that stay (with the
 * CD_MAX_DEPTH clamp the myhtml port had), the array is permuted to that
 * order, and the links
 * are rebuilt from each node's new parent. 8 bytes of scratch per node. */
static void S_finish(P *p)
{
    cd_dom *d = p->dom;
    uint32_t count = d->count;
    if (count <= 2)
        return;
    if (!S_grow(p, (void **)&p->fmap, &p->fmap_cap, count, sizeof(uint32_t)) ||
        !S_grow(p, (void **)&p->fpar, &p->fpar_cap, count, sizeof(uint32_t)))
        return;
    uint32_t *map = p->fmap, *par = p->fpar;
    cd_node *src = d->nodes;
    memset(map, 0, (size_t)count * sizeof(uint32_t));
    uint32_t n = 1;
    map[1] = 1;
    par[1] = 0;
    cd_nid html = CD_NONE, head = CD_NONE, body = CD_NONE;
    /* `parent`: the new id new nodes attach to; depth counts new levels;
     * `clamped` the old levels entered past CD_MAX_DEPTH. */
    cd_nid sid = src[1].first, parent = 1;
    unsigned depth = 1, clamped = 0;
    while (sid) {
        cd_node *s = &src[sid];
        cd_nid made = CD_NONE;
        int descend = 0;
        if (s->type == CD_NODE_TEXT) {
            made = ++n;
            map[sid] = made;
            par[made] = parent;
        } else {
            made = ++n;
            map[sid] = made;
            par[made] = parent;
            if (s->type == CD_NODE_ELEMENT && !(s->flags & CD_NF_NS)) {
                if (s->tag == CD_TAG_HTML && !html)
                    html = made;
                else if (s->tag == CD_TAG_HEAD && !head)
                    head = made;
                else if (s->tag == CD_TAG_BODY && !body)
                    body = made;
            }
            descend = 1;
        }
        cd_nid child = descend ? s->first : CD_NONE;
        if (child && depth >= CD_MAX_DEPTH) {
            d->truncated = 1;
            if (src[child].type == CD_NODE_TEXT && !src[child].next) {
                /* A leaf at the limit (script, style, title) keeps its text,
                 * one level past the limit: flattening it would turn script
                 * source into visible text. */
                cd_nid tn = ++n;
                map[child] = tn;
                par[tn] = made;
                child = CD_NONE;
            } else if (cd_tag_flags(s->tag) & CD_TF_SKIP) {
                child = CD_NONE; /* never visible: dropped rather than flattened into view */
            }
        }
        if (child) {
            if (depth < CD_MAX_DEPTH) {
                parent = made;
                depth++;
            } else {
                clamped++;
            }
            sid = child;
            continue;
        }
        while (sid && !src[sid].next) {
            sid = src[sid].parent;
            if (!sid || sid == 1) {
                sid = CD_NONE;
                break;
            }
            if (clamped)
                clamped--;
            else {
                parent = par[parent];
                depth--;
            }
        }
        if (sid)
            sid = src[sid].next;
    }
    /* Nodes left out go to the end, then the array is permuted: each swap
     * puts one node in its final place. */
    uint32_t m = n;
    for (uint32_t i = 2; i < count; i++)
        if (!map[i])
            map[i] = ++m;
    for (uint32_t i = 1; i < count; i++) {
        while (map[i] != i) {
            uint32_t j = map[i];
            cd_node t = src[i];
            src[i] = src[j];
            src[j] = t;
            map[i] = map[j];
            map[j] = j;
        }
    }
    /* Links from the parents (pre-order: a parent comes before its children). */
    for (uint32_t k = 1; k <= n; k++) {
        cd_node *x = &src[k];
        x->first = x->last = x->prev = x->next = CD_NONE;
        x->parent = par[k];
        if (k > 1) {
            cd_node *pp = &src[par[k]];
            x->prev = pp->last;
            if (pp->last)
                src[pp->last].next = k;
            else
                pp->first = k;
            pp->last = k;
        }
    }
    d->count = n + 1;
    d->html = html;
    d->head = head;
    d->body = body;
}

/* ---- public --------------------------------------------------------------- */

cd_own_parser *cd_own_parser_new(const cd_mem *mem)
{
    P *p = mem->calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->mem = mem;
    p->tok = cd_tokenizer_new(mem);
    if (!p->tok) {
        mem->free(p);
        return NULL;
    }
    return p;
}

void cd_own_parser_free(cd_own_parser *p)
{
    if (!p)
        return;
    cd_tokenizer_free(p->tok);
    const cd_mem *m = p->mem;
    m->free(p->st);
    m->free(p->af);
    m->free(p->tm);
    m->free(p->tbuf);
    m->free(p->fmap);
    m->free(p->xcap);
    m->free(p->fpar);
    m->free(p);
}

/* Scratch memory past this is returned after a page, not kept for the next. */
#define S_KEEP_SCRATCH ((size_t)1 << 20)

static void S_trim(P *p)
{
    if (p->tcap > S_KEEP_SCRATCH) {
        p->mem->free(p->tbuf);
        p->tbuf = NULL;
        p->tcap = 0;
    }
    if ((size_t)p->xcap_cap * sizeof(uint32_t) > 4 * S_KEEP_SCRATCH) {
        p->mem->free(p->xcap);
        p->xcap = NULL;
        p->xcap_cap = 0;
    }
    if ((size_t)p->fmap_cap * sizeof(uint32_t) > 4 * S_KEEP_SCRATCH) {
        p->mem->free(p->fmap);
        p->mem->free(p->fpar);
        p->fmap = p->fpar = NULL;
        p->fmap_cap = p->fpar_cap = 0;
    }
}

copydesk_status cd_own_parse(cd_own_parser *p, const char *html, size_t len, cd_dom *dom, unsigned opts)
{
    p->dom = dom;
    p->keep = (opts & CD_PARSE_KEEP_ALL) != 0;
    p->nst = p->naf = p->ntm = 0;
    memset(p->cnt, 0, sizeof p->cnt);
    p->mode = p->orig = M_INITIAL;
    memset(&p->head_el, 0, sizeof p->head_el);
    memset(&p->form_el, 0, sizeof p->form_el);
    p->frameset_ok = 1;
    p->quirks = p->foster = p->skip_lf = 0;
    p->cdata = 0;
    p->serial = 0;
    p->tlen = 0;
    p->barrier = CD_NONE;
    p->xcap_n = 0;
    p->finish = 0;
    p->lifted = 0;
    p->oom = 0;
    p->has_sc = 0;
    p->sc_select = p->sc_node = CD_NONE;
    p->sc_options = 0;
    /* Budgets grow with the page: a hostile page cannot make more than a
     * bounded number of nodes per input byte. */
    size_t cap = CD_PARSE_NODES_BASE + len / CD_PARSE_BYTES_PER_NODE;
    if (cap > CD_MAX_NODES)
        cap = CD_MAX_NODES;
    p->node_cap = (uint32_t)cap + 2;
    size_t cl = CD_PARSE_CLONES_BASE + len / CD_PARSE_BYTES_PER_CLONE;
    p->clones = cl > UINT32_MAX ? UINT32_MAX : (uint32_t)cl;

    cd_nid root = cd_dom_new_document(dom);
    if (!root)
        return COPYDESK_ERR_NOMEM;
    cd_tokenizer_reset(p->tok, html, len);
    cd_tokenizer_allow_cdata(p->tok, 0);
    /* An element at stack position i (the <html> at 0) is at most
     * i + 1 + p->lifted levels below the document; elements that do not go
     * in at the current node (foster parenting, the adoption agency, template
     * contents in a CD_PARSE_KEEP_ALL parse) set p->finish. */
    uint64_t max_depth = 0;
    cd_token tk;
    for (;;) {
        if (!cd_tokenizer_next(p->tok, &tk)) {
            p->oom = 1;
            break;
        }
        if (p->skip_lf) {
            /* The LF right after <pre>, <listing>, <textarea> is dropped. */
            p->skip_lf = 0;
            if (tk.kind == CD_TOK_CHARS && tk.len && tk.data[0] == '\n') {
                tk.data++;
                tk.len--;
                if (!tk.len)
                    continue;
            }
        }
        if (tk.kind == CD_TOK_CHARS) {
            S_chars(p, tk.data, tk.len);
        } else {
            if (tk.kind == CD_TOK_START_TAG) {
                p->tt = S_html_kind(&tk);
                if (S_too_deep(p, &tk))
                    continue;
            }
            S_process(p, &tk);
            if (p->skip_lf == 2)
                p->skip_lf = 1;
        }
        if ((uint64_t)p->nst + p->lifted > max_depth)
            max_depth = (uint64_t)p->nst + p->lifted;
        S_sync_cdata(p);
        if (tk.kind == CD_TOK_EOF || dom->failed || p->oom)
            break;
    }
    if (p->has_sc) {
        /* "Stop parsing" pops every open element: options close here too. */
        while (p->nst)
            S_pop(p);
    }
    if (!dom->failed && !p->oom && (p->finish || max_depth + 2 > CD_MAX_DEPTH))
        S_finish(p);
    S_trim(p);
    p->dom = NULL;
    if (dom->failed || p->oom)
        return COPYDESK_ERR_NOMEM;
    return COPYDESK_OK;
}

