/* meta/metatags: <meta property|name content>, <link rel=canonical|image_src>, <html lang>.
 *
 * The names are those publishers and CMSs emit in practice (OpenGraph and its
 * article:* extension, Dublin Core, Highwire/Google Scholar citation_*, Parse.ly,
 * Sailthru, plain author/date/pubdate/section/keywords), as collected by
 * Readability's _getArticleMetadata, trafilatura's metadata module and
 * newspaper's extractors. A property attribute may hold several
 * space-separated names ("og:title twitter:title"). */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "../util/ctype.h"
#include "cand.h"
#include "jsonld.h"
#include "metatags.h"
#include "wordlists.h"

typedef struct S_key {
    const char *name;
    uint8_t field, src, rank;
} S_key;

static const S_key S_keys[] = {
    {"og:title", CD_MF_TITLE, CD_MS_OG, 0},
    {"og:site_name", CD_MF_SITE, CD_MS_OG, 0},
    {"og:url", CD_MF_URL, CD_MS_OG, 0},
    {"og:description", CD_MF_DESC, CD_MS_OG, 0},
    {"og:locale", CD_MF_LANG, CD_MS_OG, 0},
    {"article:published_time", CD_MF_DATE, CD_MS_OG, 0},
    {"og:article:published_time", CD_MF_DATE, CD_MS_OG, 0},
    {"article:published", CD_MF_DATE, CD_MS_OG, 1},
    {"og:published_time", CD_MF_DATE, CD_MS_OG, 1},
    {"article:modified_time", CD_MF_MODIFIED, CD_MS_OG, 0},
    {"og:article:modified_time", CD_MF_MODIFIED, CD_MS_OG, 0},
    {"og:updated_time", CD_MF_MODIFIED, CD_MS_OG, 1},
    {"article:author", CD_MF_AUTHOR, CD_MS_OG, 0},
    {"og:article:author", CD_MF_AUTHOR, CD_MS_OG, 0},
    /* Dublin Core is stated on purpose where a plain "author" is often a
     * theme's default (Readability prefers it the same way). */
    {"author", CD_MF_AUTHOR, CD_MS_META, 2},
    {"parsely-author", CD_MF_AUTHOR, CD_MS_META, 0},
    {"sailthru.author", CD_MF_AUTHOR, CD_MS_META, 1},
    {"byl", CD_MF_AUTHOR, CD_MS_META, 1},
    {"dc.creator", CD_MF_AUTHOR, CD_MS_META, 1},
    {"dc:creator", CD_MF_AUTHOR, CD_MS_META, 0},
    {"dcterms.creator", CD_MF_AUTHOR, CD_MS_META, 1},
    {"dcterm:creator", CD_MF_AUTHOR, CD_MS_META, 0},
    {"citation_author", CD_MF_AUTHOR, CD_MS_META, 1},
    /* The plural spelling some journal systems use, one element per
     * author like citation_author: the whole list, where DC.Creator
     * often names the first author only. */
    {"citation_authors", CD_MF_AUTHOR, CD_MS_META, 1},
    {"article.author", CD_MF_AUTHOR, CD_MS_META, 1},
    /* Piano/cXense's content tags, stated for its recommender. */
    {"cxenseparse:author", CD_MF_AUTHOR, CD_MS_META, 1},
    {"dc.title", CD_MF_TITLE, CD_MS_META, 0},
    {"dc:title", CD_MF_TITLE, CD_MS_META, 0},
    {"dcterms.title", CD_MF_TITLE, CD_MS_META, 0},
    {"dcterm:title", CD_MF_TITLE, CD_MS_META, 0},
    {"parsely-title", CD_MF_TITLE, CD_MS_META, 1},
    {"citation_title", CD_MF_TITLE, CD_MS_META, 1},
    {"title", CD_MF_TITLE, CD_MS_META, 1},
    {"twitter:title", CD_MF_TITLE, CD_MS_TWITTER, 0},
    {"parsely-pub-date", CD_MF_DATE, CD_MS_META, 0},
    {"sailthru.date", CD_MF_DATE, CD_MS_META, 1},
    {"citation_publication_date", CD_MF_DATE, CD_MS_META, 1},
    {"citation_date", CD_MF_DATE, CD_MS_META, 2},
    {"citation_online_date", CD_MF_DATE, CD_MS_META, 2},
    {"dc.date.issued", CD_MF_DATE, CD_MS_META, 1},
    {"dcterms.issued", CD_MF_DATE, CD_MS_META, 1},
    {"dcterms.created", CD_MF_DATE, CD_MS_META, 2},
    {"dc.date.created", CD_MF_DATE, CD_MS_META, 2},
    {"dc.date", CD_MF_DATE, CD_MS_META, 2},
    {"dc:date", CD_MF_DATE, CD_MS_META, 2},
    {"dcterms.date", CD_MF_DATE, CD_MS_META, 2},
    {"pubdate", CD_MF_DATE, CD_MS_META, 1},
    {"publishdate", CD_MF_DATE, CD_MS_META, 1},
    {"publish-date", CD_MF_DATE, CD_MS_META, 1},
    {"publish_date", CD_MF_DATE, CD_MS_META, 1},
    {"published_time", CD_MF_DATE, CD_MS_META, 1},
    {"publication_date", CD_MF_DATE, CD_MS_META, 1},
    {"article.published", CD_MF_DATE, CD_MS_META, 1},
    {"article_date_original", CD_MF_DATE, CD_MS_META, 1},
    {"original-publish-date", CD_MF_DATE, CD_MS_META, 1},
    {"originalpublicationdate", CD_MF_DATE, CD_MS_META, 1},
    {"published", CD_MF_DATE, CD_MS_META, 2},
    {"published-date", CD_MF_DATE, CD_MS_META, 1},
    {"date-published", CD_MF_DATE, CD_MS_META, 1},
    {"datepublished", CD_MF_DATE, CD_MS_META, 1},
    {"date", CD_MF_DATE, CD_MS_META, 3},
    {"dcterms.modified", CD_MF_MODIFIED, CD_MS_META, 0},
    {"dc.date.modified", CD_MF_MODIFIED, CD_MS_META, 0},
    {"article.updated", CD_MF_MODIFIED, CD_MS_META, 1},
    {"last-modified", CD_MF_MODIFIED, CD_MS_META, 2},
    {"lastmod", CD_MF_MODIFIED, CD_MS_META, 2},
    {"description", CD_MF_DESC, CD_MS_META, 0},
    {"dc.description", CD_MF_DESC, CD_MS_META, 1},
    {"twitter:description", CD_MF_DESC, CD_MS_TWITTER, 0},
    {"application-name", CD_MF_SITE, CD_MS_META, 0},
    {"dc.language", CD_MF_LANG, CD_MS_META, 1},
    {"language", CD_MF_LANG, CD_MS_META, 2},
    /* News fields. Sailthru's tags and Parse.ly's metadata are slugs and
     * internal labels, not written for readers: not read. */
    {"article:section", CD_MF_SECTION, CD_MS_OG, 0},
    {"og:article:section", CD_MF_SECTION, CD_MS_OG, 0},
    {"section", CD_MF_SECTION, CD_MS_META, 0},
    {"parsely-section", CD_MF_SECTION, CD_MS_META, 0},
    {"article.section", CD_MF_SECTION, CD_MS_META, 1},
    {"category", CD_MF_SECTION, CD_MS_META, 2},
    {"article:tag", CD_MF_TAG, CD_MS_OG, 0},
    {"og:article:tag", CD_MF_TAG, CD_MS_OG, 0},
    {"news_keywords", CD_MF_TAG, CD_MS_META, 0},
    {"keywords", CD_MF_TAG, CD_MS_META, 1},
    {"parsely-tags", CD_MF_TAG, CD_MS_META, 2},
    {"dc.subject", CD_MF_TAG, CD_MS_META, 3},
    {"og:image", CD_MF_IMAGE, CD_MS_OG, 0},
    {"og:image:url", CD_MF_IMAGE, CD_MS_OG, 0},
    {"og:image:secure_url", CD_MF_IMAGE, CD_MS_OG, 1},
    {"twitter:image", CD_MF_IMAGE, CD_MS_TWITTER, 0},
    {"twitter:image:src", CD_MF_IMAGE, CD_MS_TWITTER, 0},
    {"source", CD_MF_CREDIT, CD_MS_META, 0},
    {"original-source", CD_MF_CREDIT, CD_MS_META, 1},
};

#define S_NKEYS (sizeof S_keys / sizeof S_keys[0])
#define S_KEY_BUCKETS 256u

/* The names hashed into buckets, each bucket's chain in table order (a name
 * looked up once per <meta> attribute word, ~20 a page: a linear strcmp over
 * the table was ~185 strcmp a page). Built once per process. */
static int16_t S_keys_head[S_KEY_BUCKETS];
static int16_t S_keys_next[S_NKEYS];
static uint8_t S_keys_len[S_NKEYS];
static pthread_once_t S_keys_once = PTHREAD_ONCE_INIT;
/* Set (release) when the index is built: the look-ups test it before
 * calling pthread_once (a call and a lock-free check per look-up). */
static atomic_int S_keys_once_ready;

static unsigned S_key_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return (h ^ (h >> 16)) & (S_KEY_BUCKETS - 1);
}

/* The lengths of the first S_NENDS date-name suffixes (S_date_name). */
#define S_NENDS 16
static uint8_t S_ends_len[S_NENDS];

static void S_keys_index(void)
{
    for (size_t i = 0; i < S_NENDS && cd_list_date_meta_suffixes[i]; i++) {
        size_t l = strlen(cd_list_date_meta_suffixes[i]);
        S_ends_len[i] = (uint8_t)(l < 255 ? l : 255);
    }
    for (size_t b = 0; b < S_KEY_BUCKETS; b++)
        S_keys_head[b] = -1;
    /* From the last to the first, so each chain runs in table order. */
    for (size_t i = S_NKEYS; i-- > 0;) {
        size_t l = strlen(S_keys[i].name);
        unsigned b = S_key_hash(S_keys[i].name, l);
        S_keys_len[i] = (uint8_t)l;
        S_keys_next[i] = S_keys_head[b];
        S_keys_head[b] = (int16_t)i;
    }
    atomic_store_explicit(&S_keys_once_ready, 1, memory_order_release);
}

/* A date meta by the shape of its name, for the vendor prefixes no table
 * lists: "<prefix>-published-date" ("w-published-date"), "<prefix>.date"
 * ("ms.date", as "sailthru.date" above). Ranked after the named ones. */
static int S_date_name(const char *key, size_t n)
{
    const char *const *ends = cd_list_date_meta_suffixes;
    for (size_t i = 0; ends[i]; i++) {
        size_t l = i < S_NENDS ? S_ends_len[i] : strlen(ends[i]);
        if (n > l && (!l || key[n - 1] == ends[i][l - 1]) && memcmp(key + n - l, ends[i], l) == 0 &&
            (ends[i][0] == '.' || key[n - l - 1] == '-' || key[n - l - 1] == '_' || key[n - l - 1] == '.' ||
             key[n - l - 1] == ':'))
            return 1;
    }
    return 0;
}

static void S_named(cd_meta_ctx *c, cd_nid id, const char *name, size_t nlen, const char *v,
                    size_t vlen)
{
    char key[48];
    if (nlen >= sizeof key)
        return;
    uint32_t h = 2166136261u; /* S_key_hash, as the key is made */
    for (size_t i = 0; i < nlen; i++) {
        key[i] = (char)cd_tolower((unsigned char)name[i]);
        h = (h ^ (unsigned char)key[i]) * 16777619u;
    }
    key[nlen] = '\0';
    if (!atomic_load_explicit(&S_keys_once_ready, memory_order_acquire))
        pthread_once(&S_keys_once, S_keys_index);
    for (int i = S_keys_head[(h ^ (h >> 16)) & (S_KEY_BUCKETS - 1)]; i >= 0; i = S_keys_next[i]) {
        const S_key *k = &S_keys[i];
        if (S_keys_len[i] != nlen || memcmp(k->name, key, nlen) != 0)
            continue;
        /* article:author is often a profile URL, not a name. */
        if (k->field == CD_MF_AUTHOR && cd_is_url_like(v, vlen))
            return;
        /* A source given as a URL names a page, not who wrote the text. */
        if (k->field == CD_MF_CREDIT && (cd_is_url_like(v, vlen) || memchr(v, '/', vlen)))
            return;
        if (cd_meta_room(c, k->field))
            cd_meta_add(c, k->field, k->src, k->rank, id, v, vlen);
        return;
    }
    if (S_date_name(key, nlen))
        cd_meta_add(c, CD_MF_DATE, CD_MS_META, 3, id, v, vlen);
    /* A framework's JSON-LD descriptor written out as a <meta> (Remix's
     * "script:ld+json" meta key, rendered as a tag by some versions): the
     * same JSON-LD as in a script, limits included. */
    else if (strcmp(key, "script:ld+json") == 0 && c->nscripts < CD_META_MAX_SCRIPTS) {
        c->nscripts++;
        cd_meta_jsonld(c, v, vlen, id);
    }
}

/* Feed each space-separated name of attribute attr. */
static void S_names(cd_meta_ctx *c, cd_nid id, const char *attr, const char *v, size_t vlen)
{
    size_t n;
    const char *a = cd_dom_attr(c->dom, id, attr, &n);
    if (!a)
        return;
    size_t i = 0;
    while (i < n) {
        while (i < n && cd_isspace((unsigned char)a[i]))
            i++;
        size_t s = i;
        while (i < n && !cd_isspace((unsigned char)a[i]))
            i++;
        if (i > s)
            S_named(c, id, a + s, i - s, v, vlen);
    }
}

/* Which of the rel words "canonical" (bit 1) and "image_src" (bit 2) the
 * space-separated list rel holds, in one pass. */
static unsigned S_rel_words(const char *rel, size_t n)
{
    unsigned got = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && cd_isspace((unsigned char)rel[i]))
            i++;
        size_t s = i;
        while (i < n && !cd_isspace((unsigned char)rel[i]))
            i++;
        if (i - s == 9 && cd_eq_nocase(rel + s, 9, "canonical"))
            got |= 1;
        else if (i - s == 9 && cd_eq_nocase(rel + s, 9, "image_src"))
            got |= 2;
    }
    return got;
}

/* Slack's unfurl pairs, which Yoast writes on most WordPress sites:
 * <meta name="twitter:label1" content="Written by"> then
 * <meta name="twitter:data1" content="Jane Doe">. The label is looked for
 * among the few elements before the data. */
static void S_twitter_pair(cd_meta_ctx *c, cd_nid id, const char *v, size_t vlen)
{
    const cd_dom *dom = c->dom;
    size_t n;
    const char *name = cd_dom_attr(dom, id, "name", &n);
    if (!name || n != 13 || !cd_eq_nocase(name, 12, "twitter:data") || !cd_isdigit((unsigned char)name[12]))
        return;
    cd_nid k = id;
    for (int steps = 0; steps < 8 && (k = cd_dom_node(dom, k)->prev); steps++) {
        size_t ln, cl;
        const char *l = cd_dom_attr(dom, k, "name", &ln);
        if (!l || ln != 14 || !cd_eq_nocase(l, 13, "twitter:label") || l[13] != name[12])
            continue;
        const char *t = cd_dom_attr(dom, k, "content", &cl);
        if (t && cd_wordset_has(&cd_list_byline_labels, t, cl))
            cd_meta_add(c, CD_MF_AUTHOR, CD_MS_TWITTER, 0, id, v, vlen);
        return;
    }
}

void cd_meta_tag(cd_meta_ctx *c, cd_nid id)
{
    const cd_dom *dom = c->dom;
    const cd_node *n = cd_dom_node(dom, id);
    size_t vlen, len;
    const char *v;
    switch (n->tag) {
    case CD_TAG_HTML:
        v = cd_dom_attr(dom, id, "lang", &vlen);
        if (!v || !vlen)
            v = cd_dom_attr(dom, id, "xml:lang", &vlen);
        if (v)
            cd_meta_add(c, CD_MF_LANG, CD_MS_HTML, 0, id, v, vlen);
        return;
    case CD_TAG_LINK: {
        const char *rel = cd_dom_attr(dom, id, "rel", &len);
        v = cd_dom_attr(dom, id, "href", &vlen);
        unsigned words = rel && v ? S_rel_words(rel, len) : 0;
        if (words & 1)
            cd_meta_add(c, CD_MF_URL, CD_MS_HTML, 0, id, v, vlen);
        else if ((words & 2) && cd_meta_room(c, CD_MF_IMAGE))
            cd_meta_add(c, CD_MF_IMAGE, CD_MS_HTML, 0, id, v, vlen);
        return;
    }
    case CD_TAG_META:
        break;
    default:
        return;
    }
    v = cd_dom_attr(dom, id, "content", &vlen);
    if (!v || !vlen)
        return;
    /* content="… from \" Title\" …": a CMS escaped the quotes for a script
     * string, so the attribute ends at the first one, after the backslash.
     * The value is cut short; the page's other sources say it whole. */
    if (v[vlen - 1] == '\\')
        return;
    const char *he = cd_dom_attr(dom, id, "http-equiv", &len);
    if (he && cd_eq_nocase(he, len, "content-language")) {
        /* "en, fr" lists: the first is the page's main language. */
        size_t k = 0;
        while (k < vlen && v[k] != ',' && v[k] != ';')
            k++;
        cd_meta_add(c, CD_MF_LANG, CD_MS_META, 0, id, v, k);
        return;
    }
    S_names(c, id, "property", v, vlen);
    S_names(c, id, "name", v, vlen);
    S_twitter_pair(c, id, v, vlen);
}
