/* meta/jsonld: schema.org metadata from <script type="application/ld+json">.
 *
 * The script is hostile input: it is parsed with json-c under a size cap
 * (CD_META_MAX_JSONLD) and a nesting limit (CD_META_JSON_DEPTH), and walked with
 * an explicit stack under a node budget. Broken JSON is common in the wild
 * (trailing commas, HTML comment or CDATA wrappers, raw newlines in strings,
 * several objects back to back); when the strict parse fails a cleaned copy is
 * tried once. Objects are found at the top level, in arrays, in @graph and in
 * mainEntity; their @type (a string or an array) ranks them: Article and its
 * news/blog subtypes first, other creative works next, WebPage last. Strings
 * are often HTML-escaped a second time by the CMS, so entities are decoded.
 * News fields: articleSection, keywords, image / thumbnailUrl (never an
 * author's picture or the publisher's logo, which is only noted so that the
 * same URL elsewhere is known for a logo), alternativeHeadline (the deck),
 * sourceOrganization / provider (the credit), and the first BreadcrumbList,
 * kept whole for pick_news.c. */
#include <json-c/json.h>
#include <string.h>

#include "../util/ctype.h"
#include "../util/utf8.h"
#include "cand.h"
#include "jsonld.h"
#include "wordlists.h"

enum { S_ARTICLE = 0, S_CREATIVE = 1, S_PAGE = 2, S_SITE = 3, S_OTHER = 4 };

/* The types are the lists src/lists/schema-*-types.txt (sets). */

/* Where the type name of s[0..n) begins: types may be written as full IRIs
 * ("http://schema.org/NewsArticle"), compared by their last path segment. */
static size_t S_type_at(const char *s, size_t n)
{
    size_t k = n;
    while (k > 0 && s[k - 1] != '/' && s[k - 1] != ':' && s[k - 1] != '#')
        k--;
    return k;
}

static int S_in(const char *s, size_t n, const cd_wordset *set)
{
    size_t k = S_type_at(s, n);
    return cd_wordset_has(set, s + k, n - k);
}

static int S_type_rank1(const char *s, size_t n)
{
    if (S_in(s, n, &cd_list_schema_article_types))
        return S_ARTICLE;
    if (S_in(s, n, &cd_list_schema_creative_types))
        return S_CREATIVE;
    if (S_in(s, n, &cd_list_schema_page_types))
        return S_PAGE;
    if (cd_meta_eq_nocase(s, n, "WebSite", 7))
        return S_SITE;
    return S_OTHER;
}

static int S_type_rank(json_object *o)
{
    json_object *t;
    if (!json_object_object_get_ex(o, "@type", &t))
        return S_OTHER;
    if (json_object_is_type(t, json_type_string))
        return S_type_rank1(json_object_get_string(t), (size_t)json_object_get_string_len(t));
    int best = S_OTHER;
    if (json_object_is_type(t, json_type_array)) {
        size_t n = json_object_array_length(t);
        for (size_t i = 0; i < n && i < 16; i++) {
            json_object *e = json_object_array_get_idx(t, i);
            if (json_object_is_type(e, json_type_string)) {
                int r = S_type_rank1(json_object_get_string(e), (size_t)json_object_get_string_len(e));
                if (r < best)
                    best = r;
            }
        }
    }
    return best;
}

static int S_is_org(json_object *o)
{
    json_object *t;
    if (!json_object_object_get_ex(o, "@type", &t))
        return 0;
    const char *s = json_object_get_string(t);
    return s && (strstr(s, "Organization") || strstr(s, "Corporation") || strstr(s, "NewsMedia"));
}

/* Decode the HTML entities a CMS left in a JSON string (&amp;, &#39;, &#x2019; …). */
static size_t S_unescape(const char *s, size_t n, char *out, size_t cap)
{
    static const struct {
        const char *name;
        uint32_t cp;
    } named[] = {{"amp", '&'},     {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
                 {"apos", '\''},   {"nbsp", 0xA0},    {"rsquo", 0x2019}, {"lsquo", 0x2018},
                 {"rdquo", 0x201D}, {"ldquo", 0x201C}, {"ndash", 0x2013}, {"mdash", 0x2014},
                 {"hellip", 0x2026}};
    size_t o = 0;
    for (size_t i = 0; i < n && o + 4 < cap;) {
        if (s[i] == '&') {
            size_t j = i + 1;
            while (j < n && j - i < 12 && s[j] != ';' && (cd_isalnum((unsigned char)s[j]) || s[j] == '#'))
                j++;
            if (j < n && s[j] == ';' && j > i + 1) {
                uint32_t cp = 0;
                int ok = 0;
                if (s[i + 1] == '#') {
                    size_t k = i + 2;
                    int hex = k < j && (s[k] == 'x' || s[k] == 'X');
                    k += (size_t)hex;
                    for (; k < j && cp < 0x110000; k++) {
                        int ch = (unsigned char)s[k], d;
                        if (cd_isdigit(ch))
                            d = ch - '0';
                        else if (hex && cd_tolower(ch) >= 'a' && cd_tolower(ch) <= 'f')
                            d = cd_tolower(ch) - 'a' + 10;
                        else
                            break;
                        cp = cp * (hex ? 16u : 10u) + (uint32_t)d;
                        ok = 1;
                    }
                    ok = ok && k == j;
                } else {
                    for (size_t k = 0; k < sizeof named / sizeof named[0]; k++)
                        if (cd_meta_eq_nocase(s + i + 1, j - i - 1, named[k].name,
                                              strlen(named[k].name))) {
                            cp = named[k].cp;
                            ok = 1;
                        }
                }
                if (ok) {
                    o += cd_utf8_encode(cp ? cp : CD_REPLACEMENT, out + o);
                    i = j + 1;
                    continue;
                }
            }
        }
        out[o++] = s[i++];
    }
    return o;
}

static void S_add_str(cd_meta_ctx *c, int field, int rank, cd_nid pos, json_object *v, unsigned flags)
{
    if (!v || !json_object_is_type(v, json_type_string) || !cd_meta_room(c, field))
        return;
    const char *s = json_object_get_string(v);
    size_t n = (size_t)json_object_get_string_len(v);
    if (n > CD_META_MAX_VALUE)
        n = CD_META_MAX_VALUE;
    char buf[CD_META_MAX_VALUE + 8];
    n = S_unescape(s, n, buf, sizeof buf);
    cd_meta_cand *k = cd_meta_add(c, field, CD_MS_JSONLD, rank, pos, buf, n);
    if (k)
        k->flags |= (uint8_t)flags;
}

/* A string, an object with a name, or the first string of an array. */
static json_object *S_name_of(json_object *v)
{
    if (!v)
        return NULL;
    if (json_object_is_type(v, json_type_string))
        return v;
    if (json_object_is_type(v, json_type_array) && json_object_array_length(v) > 0)
        v = json_object_array_get_idx(v, 0);
    if (v && json_object_is_type(v, json_type_string))
        return v;
    json_object *nm;
    if (v && json_object_is_type(v, json_type_object) && json_object_object_get_ex(v, "name", &nm))
        return S_name_of(json_object_is_type(nm, json_type_object) ? NULL : nm);
    return NULL;
}

static void S_author1(cd_meta_ctx *c, int rank, cd_nid pos, json_object *a)
{
    if (!a)
        return;
    if (json_object_is_type(a, json_type_string)) {
        S_add_str(c, CD_MF_AUTHOR, rank, pos, a, 0);
        return;
    }
    if (!json_object_is_type(a, json_type_object))
        return;
    json_object *nm;
    if (json_object_object_get_ex(a, "name", &nm)) {
        nm = S_name_of(nm);
        S_add_str(c, CD_MF_AUTHOR, rank, pos, nm, S_is_org(a) ? CD_MC_ORG : 0);
    }
}

static void S_authors(cd_meta_ctx *c, int rank, cd_nid pos, json_object *a)
{
    if (a && json_object_is_type(a, json_type_array)) {
        size_t n = json_object_array_length(a);
        for (size_t i = 0; i < n && i < CD_MAX_AUTHORS; i++)
            S_author1(c, rank, pos, json_object_array_get_idx(a, i));
    } else {
        S_author1(c, rank, pos, a);
    }
}

static json_object *S_get(json_object *o, const char *key)
{
    json_object *v;
    return json_object_object_get_ex(o, key, &v) ? v : NULL;
}

/* The cleaned copy of a JSON string in the arena, entities decoded; NULL
 * when v is not a non-empty string. */
static const char *S_copy(cd_meta_ctx *c, json_object *v)
{
    if (!v || !json_object_is_type(v, json_type_string))
        return NULL;
    size_t n = (size_t)json_object_get_string_len(v);
    if (n > CD_META_MAX_VALUE)
        n = CD_META_MAX_VALUE;
    char buf[CD_META_MAX_VALUE + 8];
    n = S_unescape(json_object_get_string(v), n, buf, sizeof buf);
    return cd_meta_clean(c->arena, buf, n, NULL);
}

/* Does the path of URL s end in an image file name (.jpg, .png …)? */
static int S_image_file(const char *s, size_t n)
{
    const char *const *exts = cd_list_image_extensions;
    size_t end = 0;
    while (end < n && s[end] != '?' && s[end] != '#')
        end++;
    for (size_t i = 0; exts[i]; i++) {
        size_t l = strlen(exts[i]);
        if (end >= l && cd_meta_eq_nocase(s + end - l, l, exts[i], l))
            return 1;
    }
    return 0;
}

/* Is v's member key a non-empty string? It goes in *out. */
static int S_text_at(json_object *v, const char *key, json_object **out)
{
    return json_object_object_get_ex(v, key, out) && json_object_is_type(*out, json_type_string) &&
           json_object_get_string_len(*out) > 0;
}

/* The URL of an image value: a string, an ImageObject (url, contentUrl, or an
 * @id that is itself the URL of an image file), or the first of an array. An
 * @id naming a node elsewhere ("…#primaryimage") is not followed: the same
 * objects carry thumbnailUrl, read after. */
static json_object *S_image_of(json_object *v)
{
    if (v && json_object_is_type(v, json_type_array))
        v = json_object_array_length(v) > 0 ? json_object_array_get_idx(v, 0) : NULL;
    if (!v)
        return NULL;
    if (json_object_is_type(v, json_type_string))
        return v;
    if (!json_object_is_type(v, json_type_object))
        return NULL;
    json_object *u;
    if (S_text_at(v, "url", &u) || S_text_at(v, "contentUrl", &u))
        return u;
    json_object *id;
    if (json_object_object_get_ex(v, "@id", &id) && json_object_is_type(id, json_type_string) &&
        S_image_file(json_object_get_string(id), (size_t)json_object_get_string_len(id)))
        return id;
    return NULL;
}

/* Each string of v (a string or an array of strings, at most max) as a
 * candidate of field. */
static void S_add_strs(cd_meta_ctx *c, int field, int rank, cd_nid pos, json_object *v, size_t max)
{
    if (v && json_object_is_type(v, json_type_array)) {
        size_t n = json_object_array_length(v);
        for (size_t i = 0; i < n && i < max; i++)
            S_add_str(c, field, rank, pos, json_object_array_get_idx(v, i), CD_MC_ONE);
    } else {
        S_add_str(c, field, rank, pos, v, 0);
    }
}

/* A BreadcrumbList: its crumbs by position (the first trail of the page only). */
static void S_crumbs(cd_meta_ctx *c, json_object *o)
{
    json_object *list = S_get(o, "itemListElement");
    if (c->ld_crumbs.seen || !list || !json_object_is_type(list, json_type_array))
        return;
    struct {
        int pos;
        const char *name, *url;
    } e[32];
    size_t n = 0, len = json_object_array_length(list);
    for (size_t i = 0; i < len && i < 64 && n < 32; i++) {
        json_object *it = json_object_array_get_idx(list, i);
        if (!it || !json_object_is_type(it, json_type_object))
            continue;
        json_object *item = S_get(it, "item"), *nm = S_get(it, "name"), *url = NULL;
        if (item && json_object_is_type(item, json_type_object)) {
            if (!nm)
                nm = S_get(item, "name");
            url = S_get(item, "@id");
            if (!url)
                url = S_get(item, "url");
        } else {
            url = item;
        }
        if (!url)
            url = S_get(it, "url");
        const char *name = S_copy(c, S_name_of(nm));
        if (!name)
            continue;
        json_object *p = S_get(it, "position");
        int pos = p ? json_object_get_int(p) : (int)i + 1; /* "2" parses too */
        size_t j = n++;
        while (j > 0 && e[j - 1].pos > pos) {
            e[j] = e[j - 1];
            j--;
        }
        e[j].pos = pos;
        e[j].name = name;
        e[j].url = S_copy(c, url);
    }
    if (!n)
        return;
    /* The end of a long trail matters (the section sits before the page). */
    size_t from = n > CD_META_MAX_CRUMBS ? n - CD_META_MAX_CRUMBS : 0;
    c->ld_crumbs.seen = 1;
    for (size_t i = from; i < n; i++) {
        c->ld_crumbs.name[c->ld_crumbs.n] = e[i].name;
        c->ld_crumbs.url[c->ld_crumbs.n++] = e[i].url;
    }
}

/* The news fields of an article-like object. */
static void S_news(cd_meta_ctx *c, json_object *o, int type, int rank, cd_nid pos)
{
    json_object *pub = S_get(o, "publisher");
    if (!c->logo && pub && json_object_is_type(pub, json_type_object))
        c->logo = S_copy(c, S_image_of(S_get(pub, "logo")));
    S_add_str(c, CD_MF_IMAGE, rank, pos, S_image_of(S_get(o, "image")), 0);
    S_add_str(c, CD_MF_IMAGE, rank + 1, pos, S_image_of(S_get(o, "primaryImageOfPage")), 0);
    S_add_str(c, CD_MF_IMAGE, rank + 8, pos, S_image_of(S_get(o, "thumbnailUrl")), 0);
    if (type == S_PAGE)
        return;
    S_add_strs(c, CD_MF_SECTION, rank, pos, S_get(o, "articleSection"), 8);
    S_add_strs(c, CD_MF_TAG, rank, pos, S_get(o, "keywords"), CD_MAX_TAGS);
    if (type != S_ARTICLE)
        return;
    S_add_str(c, CD_MF_DECK, rank, pos, S_get(o, "alternativeHeadline"), 0);
    /* The organisation the text comes from (a wire service, a partner):
     * named organisations only, never a bare @id or URL. */
    json_object *from[] = {S_get(o, "sourceOrganization"), S_get(o, "provider")};
    for (size_t i = 0; i < 2; i++) {
        json_object *v = from[i];
        if (v && json_object_is_type(v, json_type_object) && (S_is_org(v) || !S_get(v, "@type")))
            S_add_str(c, CD_MF_CREDIT, rank, pos, S_name_of(S_get(v, "name")), 0);
    }
}

static void S_object(cd_meta_ctx *c, json_object *o, cd_nid pos, int nth)
{
    int type = S_type_rank(o);
    /* Later objects of the same type rank below earlier ones (a page's own
     * article usually comes first; lists of related items come after). */
    int rank = type * 16 + (nth < 15 ? nth : 15);
    if (type == S_SITE) {
        S_add_str(c, CD_MF_SITE, 200, pos, S_name_of(S_get(o, "name")), 0);
        return;
    }
    if (type == S_OTHER) {
        json_object *t = S_get(o, "@type");
        if (t && json_object_is_type(t, json_type_string)) {
            const char *ts = json_object_get_string(t);
            size_t tn = (size_t)json_object_get_string_len(t), k = S_type_at(ts, tn);
            if (cd_meta_eq_nocase(ts + k, tn - k, "BreadcrumbList", 14))
                S_crumbs(c, o);
        }
        return;
    }
    S_news(c, o, type, rank, pos);
    json_object *v = S_get(o, "headline");
    if (v && json_object_is_type(v, json_type_string))
        S_add_str(c, CD_MF_TITLE, rank, pos, v, 0);
    else
        S_add_str(c, CD_MF_TITLE, rank + 1, pos, S_name_of(S_get(o, "name")), 0);
    S_authors(c, rank, pos, S_get(o, "author"));
    S_authors(c, rank + 1, pos, S_get(o, "creator"));
    S_add_str(c, CD_MF_DATE, rank, pos, S_get(o, "datePublished"), 0);
    /* dateCreated: when the record was made, neither published nor modified. */
    S_add_str(c, CD_MF_DATE, rank + 3, pos, S_get(o, "uploadDate"), 0);
    S_add_str(c, CD_MF_MODIFIED, rank, pos, S_get(o, "dateModified"), 0);
    json_object *pub = S_get(o, "publisher");
    if (pub)
        S_add_str(c, CD_MF_SITE, rank, pos, S_name_of(pub), 0);
    S_add_str(c, CD_MF_LANG, rank, pos, S_name_of(S_get(o, "inLanguage")), 0);
    S_add_str(c, CD_MF_URL, rank, pos, S_get(o, "url"), 0);
    v = S_get(o, "mainEntityOfPage");
    if (v && json_object_is_type(v, json_type_object))
        v = S_get(v, "@id");
    S_add_str(c, CD_MF_URL, rank + 1, pos, v, 0);
    S_add_str(c, CD_MF_DESC, rank, pos, S_get(o, "description"), 0);
}

/* Walk the parsed value: objects in arrays, @graph, mainEntity and isPartOf. */
static void S_walk(cd_meta_ctx *c, json_object *root, cd_nid pos)
{
    json_object *stack[CD_META_JSON_STACK];
    size_t top = 0;
    unsigned budget = CD_META_JSON_NODES;
    int nth = 0;
    stack[top++] = root;
    while (top && budget) {
        json_object *o = stack[--top];
        budget--;
        if (!o)
            continue;
        if (json_object_is_type(o, json_type_array)) {
            size_t n = json_object_array_length(o);
            /* Pushed in reverse so that the first element is visited first. */
            for (size_t i = n; i > 0 && top < CD_META_JSON_STACK; i--)
                if (n - i < 256)
                    stack[top++] = json_object_array_get_idx(o, i - 1);
            continue;
        }
        if (!json_object_is_type(o, json_type_object))
            continue;
        S_object(c, o, pos, nth++);
        json_object *inner[] = {S_get(o, "isPartOf"), S_get(o, "mainEntity"), S_get(o, "@graph")};
        for (size_t k = 0; k < 3 && top < CD_META_JSON_STACK; k++) {
            json_object *v = inner[k];
            if (v && (json_object_is_type(v, json_type_object) || json_object_is_type(v, json_type_array)))
                stack[top++] = v;
        }
    }
}

/* Parse every JSON value in s[0..n); 1 when at least one parsed. */
static int S_parse(cd_meta_ctx *c, const char *s, size_t n, cd_nid pos)
{
    json_tokener *tok = json_tokener_new_ex(CD_META_JSON_DEPTH);
    if (!tok)
        return 0;
    int parsed = 0;
    size_t off = 0;
    for (int rounds = 0; rounds < 8; rounds++) {
        while (off < n && (cd_isspace((unsigned char)s[off]) || s[off] == ';' || s[off] == ','))
            off++;
        if (off >= n)
            break;
        json_tokener_reset(tok);
        json_object *o = json_tokener_parse_ex(tok, s + off, (int)(n - off));
        if (json_tokener_get_error(tok) != json_tokener_success || !o) {
            if (o)
                json_object_put(o);
            break;
        }
        size_t end = json_tokener_get_parse_end(tok);
        S_walk(c, o, pos);
        json_object_put(o);
        parsed = 1;
        if (end == 0)
            break;
        off += end;
    }
    json_tokener_free(tok);
    return parsed;
}

static int S_starts(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    return n >= l && memcmp(s, lit, l) == 0;
}

static int S_ends(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    return n >= l && memcmp(s + n - l, lit, l) == 0;
}

/* The lenient copy: wrappers removed, trailing commas dropped, raw control
 * characters in strings turned into spaces. */
static size_t S_cleanup(const char *s, size_t n, char *out)
{
    for (int again = 1; again;) {
        again = 0;
        while (n && cd_isspace((unsigned char)*s))
            s++, n--;
        while (n && cd_isspace((unsigned char)s[n - 1]))
            n--;
        static const char *const heads[] = {"<!--", "<![CDATA[", "//<![CDATA[", "/*<![CDATA[*/"};
        static const char *const tails[] = {"//]]>", "/*]]>*/", "//-->", "-->", "]]>"};
        for (size_t i = 0; i < 4; i++)
            if (S_starts(s, n, heads[i])) {
                s += strlen(heads[i]), n -= strlen(heads[i]);
                again = 1;
            }
        for (size_t i = 0; i < 5; i++)
            if (S_ends(s, n, tails[i])) {
                n -= strlen(tails[i]);
                again = 1;
            }
    }
    size_t o = 0;
    int instr = 0, esc = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (instr) {
            if (esc)
                esc = 0;
            else if (ch == '\\')
                esc = 1;
            else if (ch == '"')
                instr = 0;
            out[o++] = ch < 0x20 ? ' ' : (char)ch;
            continue;
        }
        if (ch == '"') {
            instr = 1;
        } else if (ch == ',') {
            size_t j = i + 1;
            while (j < n && cd_isspace((unsigned char)s[j]))
                j++;
            if (j < n && (s[j] == '}' || s[j] == ']'))
                continue;
        }
        out[o++] = (char)ch;
    }
    return o;
}

void cd_meta_jsonld(cd_meta_ctx *c, const char *text, size_t len, cd_nid pos)
{
    if (!text || !len)
        return;
    if (len > CD_META_MAX_JSONLD)
        return; /* a truncated document would not parse anyway */
    if (S_parse(c, text, len, pos))
        return;
    char *buf = cd_arena_alloc(c->arena, len + 1);
    if (!buf)
        return;
    size_t n = S_cleanup(text, len, buf);
    S_parse(c, buf, n, pos);
}
