/* parse/dump: the tree in html5lib's tree-construction test format (parse.h).
 *
 * The tree stores names as tokenized (lower case); the names the DOM would
 * hold for foreign content (an SVG element's foreignObject, its viewBox,
 * MathML's definitionURL, xlink:href as the attribute href in the XLink
 * namespace) follow from the element's namespace and are applied here, as the
 * standard's tree builder applies them to tokens for SVG and MathML elements. */
#include <string.h>

#include "../util/limits.h"
#include "parse.h"

typedef struct {
    const char *lower, *name;
} S_pair;

/* §13.2.6.5: the SVG element names whose case is adjusted. */
static const S_pair S_svg_tags[] = {
    {"altglyph", "altGlyph"},
    {"altglyphdef", "altGlyphDef"},
    {"altglyphitem", "altGlyphItem"},
    {"animatecolor", "animateColor"},
    {"animatemotion", "animateMotion"},
    {"animatetransform", "animateTransform"},
    {"clippath", "clipPath"},
    {"feblend", "feBlend"},
    {"fecolormatrix", "feColorMatrix"},
    {"fecomponenttransfer", "feComponentTransfer"},
    {"fecomposite", "feComposite"},
    {"feconvolvematrix", "feConvolveMatrix"},
    {"fediffuselighting", "feDiffuseLighting"},
    {"fedisplacementmap", "feDisplacementMap"},
    {"fedistantlight", "feDistantLight"},
    {"fedropshadow", "feDropShadow"},
    {"feflood", "feFlood"},
    {"fefunca", "feFuncA"},
    {"fefuncb", "feFuncB"},
    {"fefuncg", "feFuncG"},
    {"fefuncr", "feFuncR"},
    {"fegaussianblur", "feGaussianBlur"},
    {"feimage", "feImage"},
    {"femerge", "feMerge"},
    {"femergenode", "feMergeNode"},
    {"femorphology", "feMorphology"},
    {"feoffset", "feOffset"},
    {"fepointlight", "fePointLight"},
    {"fespecularlighting", "feSpecularLighting"},
    {"fespotlight", "feSpotLight"},
    {"fetile", "feTile"},
    {"feturbulence", "feTurbulence"},
    {"foreignobject", "foreignObject"},
    {"glyphref", "glyphRef"},
    {"lineargradient", "linearGradient"},
    {"radialgradient", "radialGradient"},
    {"textpath", "textPath"},
};

/* "adjust SVG attributes". */
static const S_pair S_svg_attrs[] = {
    {"attributename", "attributeName"},
    {"attributetype", "attributeType"},
    {"basefrequency", "baseFrequency"},
    {"baseprofile", "baseProfile"},
    {"calcmode", "calcMode"},
    {"clippathunits", "clipPathUnits"},
    {"diffuseconstant", "diffuseConstant"},
    {"edgemode", "edgeMode"},
    {"filterunits", "filterUnits"},
    {"glyphref", "glyphRef"},
    {"gradienttransform", "gradientTransform"},
    {"gradientunits", "gradientUnits"},
    {"kernelmatrix", "kernelMatrix"},
    {"kernelunitlength", "kernelUnitLength"},
    {"keypoints", "keyPoints"},
    {"keysplines", "keySplines"},
    {"keytimes", "keyTimes"},
    {"lengthadjust", "lengthAdjust"},
    {"limitingconeangle", "limitingConeAngle"},
    {"markerheight", "markerHeight"},
    {"markerunits", "markerUnits"},
    {"markerwidth", "markerWidth"},
    {"maskcontentunits", "maskContentUnits"},
    {"maskunits", "maskUnits"},
    {"numoctaves", "numOctaves"},
    {"pathlength", "pathLength"},
    {"patterncontentunits", "patternContentUnits"},
    {"patterntransform", "patternTransform"},
    {"patternunits", "patternUnits"},
    {"pointsatx", "pointsAtX"},
    {"pointsaty", "pointsAtY"},
    {"pointsatz", "pointsAtZ"},
    {"preservealpha", "preserveAlpha"},
    {"preserveaspectratio", "preserveAspectRatio"},
    {"primitiveunits", "primitiveUnits"},
    {"refx", "refX"},
    {"refy", "refY"},
    {"repeatcount", "repeatCount"},
    {"repeatdur", "repeatDur"},
    {"requiredextensions", "requiredExtensions"},
    {"requiredfeatures", "requiredFeatures"},
    {"specularconstant", "specularConstant"},
    {"specularexponent", "specularExponent"},
    {"spreadmethod", "spreadMethod"},
    {"startoffset", "startOffset"},
    {"stddeviation", "stdDeviation"},
    {"stitchtiles", "stitchTiles"},
    {"surfacescale", "surfaceScale"},
    {"systemlanguage", "systemLanguage"},
    {"tablevalues", "tableValues"},
    {"targetx", "targetX"},
    {"targety", "targetY"},
    {"textlength", "textLength"},
    {"viewbox", "viewBox"},
    {"viewtarget", "viewTarget"},
    {"xchannelselector", "xChannelSelector"},
    {"ychannelselector", "yChannelSelector"},
    {"zoomandpan", "zoomAndPan"},
};

/* "adjust foreign attributes": namespaced attributes, as the test format
 * prints them (prefix, space, local name). */
static const S_pair S_foreign_attrs[] = {
    {"xlink:actuate", "xlink actuate"},
    {"xlink:arcrole", "xlink arcrole"},
    {"xlink:href", "xlink href"},
    {"xlink:role", "xlink role"},
    {"xlink:show", "xlink show"},
    {"xlink:title", "xlink title"},
    {"xlink:type", "xlink type"},
    {"xml:lang", "xml lang"},
    {"xml:space", "xml space"},
    {"xmlns", "xmlns xmlns"},
    {"xmlns:xlink", "xmlns xlink"},
};

static const char *S_lookup(const S_pair *t, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(t[i].lower) == len && memcmp(t[i].lower, s, len) == 0)
            return t[i].name;
    return NULL;
}

#define S_N(a) (sizeof(a) / sizeof((a)[0]))

typedef struct {
    const char *name;
    size_t name_len;
    const cd_attr *a;
} S_attr;

static int S_cmp(const S_attr *x, const S_attr *y)
{
    size_t m = x->name_len < y->name_len ? x->name_len : y->name_len;
    int c = memcmp(x->name, y->name, m);
    if (c)
        return c;
    return x->name_len < y->name_len ? -1 : x->name_len > y->name_len;
}

static void S_indent(cd_buf *out, unsigned depth)
{
    cd_buf_put(out, "| ", 2);
    for (unsigned i = 0; i < depth; i++)
        cd_buf_put(out, "  ", 2);
}

static void S_element(const cd_node *n, unsigned depth, cd_buf *out)
{
    unsigned ns = n->flags & CD_NF_NS;
    const char *name = n->name ? n->name : cd_tag_name(n->tag);
    size_t nl = strlen(name);
    S_indent(out, depth);
    cd_buf_putc(out, '<');
    if (ns == CD_NF_SVG) {
        cd_buf_put(out, "svg ", 4);
        const char *adj = S_lookup(S_svg_tags, S_N(S_svg_tags), name, nl);
        if (adj)
            name = adj;
    } else if (ns == CD_NF_MATHML) {
        cd_buf_put(out, "math ", 5);
    }
    cd_buf_puts(out, name);
    cd_buf_put(out, ">\n", 2);

    S_attr at[CD_MAX_ATTRS];
    uint32_t na = n->len < CD_MAX_ATTRS ? n->len : CD_MAX_ATTRS;
    for (uint32_t i = 0; i < na; i++) {
        const cd_attr *a = &n->u.attr[i];
        const char *an = a->name;
        if (ns) {
            const char *adj = S_lookup(S_foreign_attrs, S_N(S_foreign_attrs), a->name, a->name_len);
            if (!adj && ns == CD_NF_SVG)
                adj = S_lookup(S_svg_attrs, S_N(S_svg_attrs), a->name, a->name_len);
            if (!adj && ns == CD_NF_MATHML && a->name_len == 13 && memcmp(a->name, "definitionurl", 13) == 0)
                adj = "definitionURL";
            if (adj)
                an = adj;
        }
        S_attr x = {an, an == a->name ? a->name_len : strlen(an), a};
        uint32_t j = i;
        while (j > 0 && S_cmp(&at[j - 1], &x) > 0) {
            at[j] = at[j - 1];
            j--;
        }
        at[j] = x;
    }
    for (uint32_t i = 0; i < na; i++) {
        S_indent(out, depth + 1);
        cd_buf_put(out, at[i].name, at[i].name_len);
        cd_buf_put(out, "=\"", 2);
        cd_buf_put(out, at[i].a->value, at[i].a->value_len);
        cd_buf_put(out, "\"\n", 2);
    }
}

static void S_line(const cd_node *n, unsigned depth, cd_buf *out)
{
    switch (n->type) {
    case CD_NODE_ELEMENT: S_element(n, depth, out); return;
    case CD_NODE_TEXT:
        S_indent(out, depth);
        cd_buf_putc(out, '"');
        cd_buf_put(out, n->u.text, n->len);
        cd_buf_put(out, "\"\n", 2);
        return;
    case CD_NODE_COMMENT:
        S_indent(out, depth);
        cd_buf_put(out, "<!-- ", 5);
        cd_buf_put(out, n->u.text, n->len);
        cd_buf_put(out, " -->\n", 5);
        return;
    case CD_NODE_DOCTYPE:
        S_indent(out, depth);
        cd_buf_put(out, "<!DOCTYPE ", 10);
        cd_buf_puts(out, n->name ? n->name : "");
        if (n->len >= 2 && (n->u.attr[0].value_len || n->u.attr[1].value_len)) {
            cd_buf_put(out, " \"", 2);
            cd_buf_put(out, n->u.attr[0].value, n->u.attr[0].value_len);
            cd_buf_put(out, "\" \"", 3);
            cd_buf_put(out, n->u.attr[1].value, n->u.attr[1].value_len);
            cd_buf_putc(out, '"');
        }
        cd_buf_put(out, ">\n", 2);
        return;
    case CD_NODE_FRAGMENT:
        S_indent(out, depth);
        cd_buf_put(out, "content\n", 8);
        return;
    default: return;
    }
}

void cd_parse_dump(const cd_dom *dom, cd_buf *out)
{
    cd_nid root = cd_dom_root(dom);
    if (!root)
        return;
    /* Pre-order without recursion; depth from the climb. */
    cd_nid id = dom->nodes[root].first;
    unsigned depth = 0;
    while (id) {
        const cd_node *n = &dom->nodes[id];
        S_line(n, depth, out);
        if (n->first) {
            id = n->first;
            depth++;
            continue;
        }
        while (id && !dom->nodes[id].next) {
            id = dom->nodes[id].parent;
            if (id == root || !id) {
                id = CD_NONE;
                break;
            }
            depth--;
        }
        if (id)
            id = dom->nodes[id].next;
    }
}
