/* meta/jsonld: schema.org metadata from <script type="application/ld+json">.
 *
 * The script is hostile input: it is read under a size cap (CD_META_MAX_JSONLD)
 * by util/json.c, a strict reader into a flat array; what that reader does not
 * take (comments, single quotes, NaN, deep nesting …) goes to json-c under a
 * nesting limit (CD_META_JSON_DEPTH), whose tree is copied into the same flat
 * form, so one walk serves both. The walk uses an explicit stack under a node
 * budget. Broken JSON is common in the wild
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
#include "../util/json.h"
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

/* One script's values, and the page's context. */
typedef struct S_ld {
    cd_meta_ctx *c;
    cd_json *j;
} S_ld;

static const cd_jv *S_get(const S_ld *L, const cd_jv *o, const char *key)
{
    return cd_json_get(L->j, o, key);
}

static int S_type_rank(const S_ld *L, const cd_jv *o)
{
    const cd_jv *t = S_get(L, o, "@type");
    if (cd_json_is(t, CD_JSON_STR))
        return S_type_rank1(t->s, t->n);
    int best = S_OTHER;
    if (cd_json_is(t, CD_JSON_ARR)) {
        size_t n = t->nkid;
        for (size_t i = 0; i < n && i < 16; i++) {
            const cd_jv *e = cd_json_elem(L->j, t, i);
            if (cd_json_is(e, CD_JSON_STR)) {
                int r = S_type_rank1(e->s, e->n);
                if (r < best)
                    best = r;
            }
        }
    }
    return best;
}

/* Does @type name an organisation? (json-c's string of the value, searched:
 * a string up to any NUL, or every key and string of an array or object.) */
static int S_is_org(const S_ld *L, const cd_jv *o)
{
    static const char *const words[] = {"Organization", "Corporation", "NewsMedia"};
    return cd_json_has_word(L->j, S_get(L, o, "@type"), words, 3);
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

static void S_add_str(const S_ld *L, int field, int rank, cd_nid pos, const cd_jv *v, unsigned flags)
{
    cd_meta_ctx *c = L->c;
    if (!cd_json_is(v, CD_JSON_STR) || !cd_meta_room(c, field))
        return;
    const char *s = v->s;
    size_t n = v->n;
    if (n > CD_META_MAX_VALUE)
        n = CD_META_MAX_VALUE;
    char buf[CD_META_MAX_VALUE + 8];
    n = S_unescape(s, n, buf, sizeof buf);
    cd_meta_cand *k = cd_meta_add(c, field, CD_MS_JSONLD, rank, pos, buf, n);
    if (k)
        k->flags |= (uint8_t)flags;
}

/* A string, an object with a name, or the first string of an array. */
static const cd_jv *S_name_of(const S_ld *L, const cd_jv *v)
{
    if (!v)
        return NULL;
    if (v->type == CD_JSON_STR)
        return v;
    if (v->type == CD_JSON_ARR && v->nkid > 0)
        v = cd_json_elem(L->j, v, 0);
    if (cd_json_is(v, CD_JSON_STR))
        return v;
    if (cd_json_is(v, CD_JSON_OBJ)) {
        const cd_jv *nm = S_get(L, v, "name");
        return S_name_of(L, cd_json_is(nm, CD_JSON_OBJ) ? NULL : nm);
    }
    return NULL;
}

static void S_author1(const S_ld *L, int rank, cd_nid pos, const cd_jv *a)
{
    if (!a)
        return;
    if (a->type == CD_JSON_STR) {
        S_add_str(L, CD_MF_AUTHOR, rank, pos, a, 0);
        return;
    }
    if (a->type != CD_JSON_OBJ)
        return;
    const cd_jv *nm = S_name_of(L, S_get(L, a, "name"));
    if (nm)
        S_add_str(L, CD_MF_AUTHOR, rank, pos, nm, S_is_org(L, a) ? CD_MC_ORG : 0);
}

static void S_authors(const S_ld *L, int rank, cd_nid pos, const cd_jv *a)
{
    if (cd_json_is(a, CD_JSON_ARR)) {
        size_t n = a->nkid;
        for (size_t i = 0; i < n && i < CD_MAX_AUTHORS; i++)
            S_author1(L, rank, pos, cd_json_elem(L->j, a, i));
    } else {
        S_author1(L, rank, pos, a);
    }
}

/* The cleaned copy of a JSON string in the arena, entities decoded; NULL
 * when v is not a non-empty string. */
static const char *S_copy(const S_ld *L, const cd_jv *v)
{
    if (!cd_json_is(v, CD_JSON_STR))
        return NULL;
    size_t n = v->n;
    if (n > CD_META_MAX_VALUE)
        n = CD_META_MAX_VALUE;
    char buf[CD_META_MAX_VALUE + 8];
    n = S_unescape(v->s, n, buf, sizeof buf);
    return cd_meta_clean(L->c->arena, buf, n, NULL);
}

/* json_object_get_int() of the value: kept by the reader, or asked of json-c
 * for a string or a number with a fraction, an exponent or many digits. */
static int S_int(const S_ld *L, const cd_jv *v)
{
    if (v->has_ival)
        return v->ival;
    json_object *o = NULL;
    if (v->type == CD_JSON_STR) {
        o = json_object_new_string_len(v->s, (int)v->n);
    } else if (v->type == CD_JSON_NUM) {
        char *t = cd_arena_strndup(L->c->arena, v->s, v->n);
        if (t)
            o = json_tokener_parse(t);
    }
    int r = o ? json_object_get_int(o) : 0;
    json_object_put(o);
    return r;
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
static int S_text_at(const S_ld *L, const cd_jv *v, const char *key, const cd_jv **out)
{
    *out = S_get(L, v, key);
    return cd_json_is(*out, CD_JSON_STR) && (*out)->n > 0;
}

/* The URL of an image value: a string, an ImageObject (url, contentUrl, or an
 * @id that is itself the URL of an image file), or the first of an array. An
 * @id naming a node elsewhere ("…#primaryimage") is not followed: the same
 * objects carry thumbnailUrl, read after. */
static const cd_jv *S_image_of(const S_ld *L, const cd_jv *v)
{
    if (cd_json_is(v, CD_JSON_ARR))
        v = cd_json_elem(L->j, v, 0);
    if (!v)
        return NULL;
    if (v->type == CD_JSON_STR)
        return v;
    if (v->type != CD_JSON_OBJ)
        return NULL;
    const cd_jv *u;
    if (S_text_at(L, v, "url", &u) || S_text_at(L, v, "contentUrl", &u))
        return u;
    const cd_jv *id = S_get(L, v, "@id");
    if (cd_json_is(id, CD_JSON_STR) && S_image_file(id->s, id->n))
        return id;
    return NULL;
}

/* Each string of v (a string or an array of strings, at most max) as a
 * candidate of field. */
static void S_add_strs(const S_ld *L, int field, int rank, cd_nid pos, const cd_jv *v, size_t max)
{
    if (cd_json_is(v, CD_JSON_ARR)) {
        size_t n = v->nkid;
        for (size_t i = 0; i < n && i < max; i++)
            S_add_str(L, field, rank, pos, cd_json_elem(L->j, v, i), CD_MC_ONE);
    } else {
        S_add_str(L, field, rank, pos, v, 0);
    }
}

/* A BreadcrumbList: its crumbs by position (the first trail of the page only). */
static void S_crumbs(const S_ld *L, const cd_jv *o)
{
    cd_meta_ctx *c = L->c;
    const cd_jv *list = S_get(L, o, "itemListElement");
    if (c->ld_crumbs.seen || !cd_json_is(list, CD_JSON_ARR))
        return;
    struct {
        int pos;
        const char *name, *url;
    } e[32];
    size_t n = 0, len = list->nkid;
    for (size_t i = 0; i < len && i < 64 && n < 32; i++) {
        const cd_jv *it = cd_json_elem(L->j, list, i);
        if (!cd_json_is(it, CD_JSON_OBJ))
            continue;
        const cd_jv *item = S_get(L, it, "item"), *nm = S_get(L, it, "name"), *url = NULL;
        if (cd_json_is(item, CD_JSON_OBJ)) {
            if (!nm)
                nm = S_get(L, item, "name");
            url = S_get(L, item, "@id");
            if (!url)
                url = S_get(L, item, "url");
        } else {
            url = item;
        }
        if (!url)
            url = S_get(L, it, "url");
        const char *name = S_copy(L, S_name_of(L, nm));
        if (!name)
            continue;
        const cd_jv *p = S_get(L, it, "position");
        int pos = p ? S_int(L, p) : (int)i + 1; /* "2" parses too */
        size_t j = n++;
        while (j > 0 && e[j - 1].pos > pos) {
            e[j] = e[j - 1];
            j--;
        }
        e[j].pos = pos;
        e[j].name = name;
        e[j].url = S_copy(L, url);
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
static void S_news(const S_ld *L, const cd_jv *o, int type, int rank, cd_nid pos)
{
    cd_meta_ctx *c = L->c;
    const cd_jv *pub = S_get(L, o, "publisher");
    if (!c->logo && cd_json_is(pub, CD_JSON_OBJ))
        c->logo = S_copy(L, S_image_of(L, S_get(L, pub, "logo")));
    S_add_str(L, CD_MF_IMAGE, rank, pos, S_image_of(L, S_get(L, o, "image")), 0);
    S_add_str(L, CD_MF_IMAGE, rank + 1, pos, S_image_of(L, S_get(L, o, "primaryImageOfPage")), 0);
    S_add_str(L, CD_MF_IMAGE, rank + 8, pos, S_image_of(L, S_get(L, o, "thumbnailUrl")), 0);
    if (type == S_PAGE)
        return;
    S_add_strs(L, CD_MF_SECTION, rank, pos, S_get(L, o, "articleSection"), 8);
    S_add_strs(L, CD_MF_TAG, rank, pos, S_get(L, o, "keywords"), CD_MAX_TAGS);
    if (type != S_ARTICLE)
        return;
    S_add_str(L, CD_MF_DECK, rank, pos, S_get(L, o, "alternativeHeadline"), 0);
    /* The organisation the text comes from (a wire service, a partner):
     * named organisations only, never a bare @id or URL. */
    const cd_jv *from[] = {S_get(L, o, "sourceOrganization"), S_get(L, o, "provider")};
    for (size_t i = 0; i < 2; i++) {
        const cd_jv *v = from[i];
        if (cd_json_is(v, CD_JSON_OBJ) && (S_is_org(L, v) || !S_get(L, v, "@type")))
            S_add_str(L, CD_MF_CREDIT, rank, pos, S_name_of(L, S_get(L, v, "name")), 0);
    }
}

static void S_object(const S_ld *L, const cd_jv *o, cd_nid pos, int nth)
{
    int type = S_type_rank(L, o);
    /* Later objects of the same type rank below earlier ones (a page's own
     * article usually comes first; lists of related items come after). */
    int rank = type * 16 + (nth < 15 ? nth : 15);
    if (type == S_SITE) {
        S_add_str(L, CD_MF_SITE, 200, pos, S_name_of(L, S_get(L, o, "name")), 0);
        return;
    }
    if (type == S_OTHER) {
        const cd_jv *t = S_get(L, o, "@type");
        if (cd_json_is(t, CD_JSON_STR)) {
            size_t k = S_type_at(t->s, t->n);
            if (cd_meta_eq_nocase(t->s + k, t->n - k, "BreadcrumbList", 14))
                S_crumbs(L, o);
        }
        return;
    }
    S_news(L, o, type, rank, pos);
    const cd_jv *v = S_get(L, o, "headline");
    if (cd_json_is(v, CD_JSON_STR))
        S_add_str(L, CD_MF_TITLE, rank, pos, v, 0);
    else
        S_add_str(L, CD_MF_TITLE, rank + 1, pos, S_name_of(L, S_get(L, o, "name")), 0);
    S_authors(L, rank, pos, S_get(L, o, "author"));
    S_authors(L, rank + 1, pos, S_get(L, o, "creator"));
    const cd_jv *published = S_get(L, o, "datePublished");
    S_add_str(L, CD_MF_DATE, rank, pos, published, 0);
    /* dateCreated: when the record was made, neither published nor
     * modified (a NewsArticle's dateCreated beside no datePublished is its
     * record's, hours or a day after the story: readability telegraph,
     * wikia). A forum's post that states no datePublished (a thread's
     * DiscussionForumPosting: wcxb 0559, Vanilla) was published when it was
     * written, so its dateCreated is read then, below the item's own date. */
    static const char *const posts[] = {"ForumPosting", "SocialMediaPosting"};
    if ((!cd_json_is(published, CD_JSON_STR) || !published->n) && cd_json_has_word(L->j, S_get(L, o, "@type"), posts, 2))
        S_add_str(L, CD_MF_DATE, rank + 3, pos, S_get(L, o, "dateCreated"), 0);
    S_add_str(L, CD_MF_DATE, rank + 3, pos, S_get(L, o, "uploadDate"), 0);
    S_add_str(L, CD_MF_MODIFIED, rank, pos, S_get(L, o, "dateModified"), 0);
    const cd_jv *pub = S_get(L, o, "publisher");
    if (pub)
        S_add_str(L, CD_MF_SITE, rank, pos, S_name_of(L, pub), 0);
    S_add_str(L, CD_MF_LANG, rank, pos, S_name_of(L, S_get(L, o, "inLanguage")), 0);
    S_add_str(L, CD_MF_URL, rank, pos, S_get(L, o, "url"), 0);
    v = S_get(L, o, "mainEntityOfPage");
    if (cd_json_is(v, CD_JSON_OBJ))
        v = S_get(L, v, "@id");
    S_add_str(L, CD_MF_URL, rank + 1, pos, v, 0);
    S_add_str(L, CD_MF_DESC, rank, pos, S_get(L, o, "description"), 0);
}

/* Walk the parsed value: objects in arrays, @graph, mainEntity and isPartOf. */
static void S_walk(const S_ld *L, const cd_jv *root, cd_nid pos)
{
    const cd_jv *stack[CD_META_JSON_STACK];
    size_t top = 0;
    unsigned budget = CD_META_JSON_NODES;
    int nth = 0;
    stack[top++] = root;
    while (top && budget) {
        const cd_jv *o = stack[--top];
        budget--;
        if (!o)
            continue;
        if (o->type == CD_JSON_ARR) {
            size_t n = o->nkid;
            /* Pushed in reverse so that the first element is visited first. */
            for (size_t i = n; i > 0 && top < CD_META_JSON_STACK; i--)
                if (n - i < 256)
                    stack[top++] = cd_json_elem(L->j, o, i - 1);
            continue;
        }
        if (o->type != CD_JSON_OBJ)
            continue;
        S_object(L, o, pos, nth++);
        /* A page's trail given as its WebPage's "breadcrumb" (schema.org),
         * in the article's mainEntityOfPage or in the object itself
         * (Scientific American: {"@type": "BreadcrumbList", …} there). */
        const cd_jv *mep = S_get(L, o, "mainEntityOfPage");
        const cd_jv *bcs[] = {S_get(L, o, "breadcrumb"), cd_json_is(mep, CD_JSON_OBJ) ? S_get(L, mep, "breadcrumb") : NULL};
        for (size_t k = 0; k < 2; k++)
            if (cd_json_is(bcs[k], CD_JSON_OBJ) && S_get(L, bcs[k], "itemListElement"))
                S_crumbs(L, bcs[k]);
        const cd_jv *inner[] = {S_get(L, o, "isPartOf"), S_get(L, o, "mainEntity"), S_get(L, o, "@graph")};
        for (size_t k = 0; k < 3 && top < CD_META_JSON_STACK; k++) {
            const cd_jv *v = inner[k];
            if (cd_json_is(v, CD_JSON_OBJ) || cd_json_is(v, CD_JSON_ARR))
                stack[top++] = v;
        }
    }
}

/* json-c's tree of one value copied into j's flat form; its index, or
 * UINT32_MAX out of memory. Strings and keys point into json-c's objects. */
static uint32_t S_from_jsonc(cd_json *j, json_object *o, int depth)
{
    enum json_type t = o ? json_object_get_type(o) : json_type_null;
    uint8_t type = t == json_type_boolean                               ? CD_JSON_BOOL
                   : t == json_type_double || t == json_type_int        ? CD_JSON_NUM
                   : t == json_type_string                              ? CD_JSON_STR
                   : t == json_type_array                               ? CD_JSON_ARR
                   : t == json_type_object                              ? CD_JSON_OBJ
                                                                        : CD_JSON_NULL;
    uint32_t id = cd_json_add(j, type);
    if (id == UINT32_MAX)
        return id;
    j->v[id].has_ival = 1;
    j->v[id].ival = o ? json_object_get_int(o) : 0;
    if (type == CD_JSON_STR) {
        j->v[id].s = json_object_get_string(o);
        j->v[id].n = (uint32_t)json_object_get_string_len(o);
    }
    if ((type != CD_JSON_ARR && type != CD_JSON_OBJ) || depth > CD_META_JSON_DEPTH + 1)
        return id;
    uint32_t base = j->npend;
    if (type == CD_JSON_ARR) {
        size_t n = json_object_array_length(o);
        for (size_t i = 0; i < n; i++) {
            uint32_t k = S_from_jsonc(j, json_object_array_get_idx(o, i), depth + 1);
            if (k == UINT32_MAX || !cd_json_push(j, k))
                return UINT32_MAX;
        }
    } else {
        json_object_object_foreach(o, key, val)
        {
            uint32_t k = S_from_jsonc(j, val, depth + 1);
            if (k == UINT32_MAX || !cd_json_push(j, k))
                return UINT32_MAX;
            j->v[k].k = key;
            j->v[k].kn = (uint32_t)strlen(key);
        }
    }
    uint32_t cnt = j->npend - base, at = cd_json_close(j, base);
    if (at == UINT32_MAX)
        return UINT32_MAX;
    j->v[id].kid = at;
    j->v[id].nkid = cnt;
    return id;
}

/* Every JSON value in s[0..n) (at most 8, back to back) by json-c, each
 * walked; 1 when at least one parsed. */
static int S_parse_jsonc(const S_ld *L, const char *s, size_t n, cd_nid pos)
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
        cd_json_clear(L->j);
        uint32_t root = S_from_jsonc(L->j, o, 0);
        if (root != UINT32_MAX)
            S_walk(L, cd_json_at(L->j, root), pos);
        json_object_put(o);
        parsed = 1;
        if (end == 0)
            break;
        off += end;
    }
    json_tokener_free(tok);
    return parsed;
}

/* Every JSON value in s[0..n) (at most 8, back to back, separated by white
 * space, `;` or `,`); 1 when at least one parsed. util/json.c reads them all
 * first; when it does not take one of them, json-c reads the whole again,
 * unless the value was only cut short by the end of the text (json-c would
 * read the values before it and stop at that one). -1 when the first value
 * was cut short: the lenient copy (S_cleanup: wrappers at either end, trailing
 * commas, control characters) of a cut object or array is cut too. */
static int S_parse(const S_ld *L, const char *s, size_t n, cd_nid pos)
{
    uint32_t roots[8];
    int nroots = 0;
    size_t off = 0;
    cd_json_clear(L->j);
    for (int rounds = 0; rounds < 8; rounds++) {
        while (off < n && (cd_isspace((unsigned char)s[off]) || s[off] == ';' || s[off] == ','))
            off++;
        if (off >= n)
            break;
        if (!cd_json_parse(L->j, L->c->arena, s, n, &off, &roots[nroots])) {
            if (!L->j->eof)
                return S_parse_jsonc(L, s, n, pos);
            if (!nroots)
                return -1;
            break; /* a cut script: json-c stops there too */
        }
        nroots++;
    }
    for (int i = 0; i < nroots; i++)
        S_walk(L, cd_json_at(L->j, roots[i]), pos);
    return nroots > 0;
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
    cd_json j;
    cd_json_init(&j, c->arena->mem);
    S_ld L = {c, &j};
    if (S_parse(&L, text, len, pos) == 0) {
        char *buf = cd_arena_alloc(c->arena, len + 1);
        if (buf)
            S_parse(&L, buf, S_cleanup(text, len, buf), pos);
    }
    cd_json_free(&j);
}
