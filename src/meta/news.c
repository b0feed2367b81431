/* meta/news: the news fields chosen from the candidates.
 *
 *   deck     JSON-LD alternativeHeadline > visible standfirst (parts.c, later)
 *   section  JSON-LD articleSection > article:section > named <meta> > microdata
 *   image    og:image > JSON-LD image > twitter:image > microdata
 *   credit   structured statements only here; the visible wire credit is parts.c's
 *   tags     article:tag > news_keywords/keywords > JSON-LD keywords > rel=tag
 *
 * The sources add candidates of fields CD_MF_DECK … CD_MF_TAG; this file only
 * picks. Visible-page parts that need the extracted body (dateline, wire
 * credit, figure caption and credit) come later, in parts.c. */
#include <stddef.h>
#include <string.h>

#include "meta_int.h"

static const char *S_pick(cd_meta_ctx *c, int field, const int *srcs, size_t nsrcs,
                          const char **source)
{
    for (size_t s = 0; s < nsrcs; s++) {
        const cd_meta_cand *best = NULL;
        for (uint32_t i = 0; i < c->ncands; i++) {
            const cd_meta_cand *k = &c->cands[i];
            if (k->field != field || k->src != srcs[s] || (k->flags & CD_MC_BAD))
                continue;
            if (!best || k->rank < best->rank)
                best = k;
        }
        if (best) {
            *source = cd_meta_src_name(srcs[s]);
            return best->s;
        }
    }
    return NULL;
}

/* Append the tags of one candidate (a comma or semicolon list) to m->tags. */
static void S_tags_add(cd_meta_ctx *c, cd_meta *m, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && m->ntags < CD_MAX_TAGS) {
        size_t st = i;
        while (i < len && s[i] != ',' && s[i] != ';')
            i++;
        size_t n;
        char *t = cd_meta_clean(c->arena, s + st, i - st, &n);
        i++;
        if (!t || n > 100)
            continue;
        int dup = 0;
        for (size_t k = 0; k < m->ntags && !dup; k++)
            dup = cd_meta_eq_nocase(m->tags[k], strlen(m->tags[k]), t, n);
        if (!dup)
            m->tags[m->ntags++] = t;
    }
}

void cd_meta_news_pick(cd_meta_ctx *c, cd_meta *m, const char *page_url)
{
    (void)page_url;
    static const int deck_srcs[] = {CD_MS_JSONLD, CD_MS_META, CD_MS_MICRODATA};
    m->deck = S_pick(c, CD_MF_DECK, deck_srcs, 3, &m->deck_source);
    static const int section_srcs[] = {CD_MS_JSONLD, CD_MS_OG, CD_MS_META, CD_MS_MICRODATA};
    m->section = S_pick(c, CD_MF_SECTION, section_srcs, 4, &m->section_source);
    static const int image_srcs[] = {CD_MS_OG, CD_MS_JSONLD, CD_MS_TWITTER, CD_MS_META,
                                     CD_MS_MICRODATA};
    m->image_url = S_pick(c, CD_MF_IMAGE, image_srcs, 5, &m->image_source);
    static const int credit_srcs[] = {CD_MS_JSONLD, CD_MS_META};
    m->credit = S_pick(c, CD_MF_CREDIT, credit_srcs, 2, &m->credit_source);

    static const int tag_srcs[] = {CD_MS_OG, CD_MS_META, CD_MS_JSONLD, CD_MS_MICRODATA};
    for (size_t s = 0; s < 4 && !m->ntags; s++) {
        for (uint32_t i = 0; i < c->ncands && m->ntags < CD_MAX_TAGS; i++) {
            const cd_meta_cand *k = &c->cands[i];
            if (k->field == CD_MF_TAG && k->src == tag_srcs[s] && !(k->flags & CD_MC_BAD))
                S_tags_add(c, m, k->s, k->len);
        }
        if (m->ntags)
            m->tags_source = cd_meta_src_name(tag_srcs[s]);
    }
}

const char *cd_meta_field_source(const cd_meta *m, const char *field)
{
    static const struct {
        const char *name;
        size_t value, source; /* offsets in cd_meta */
    } map[] = {
#define F(n, v, s) {n, offsetof(cd_meta, v), offsetof(cd_meta, s)}
        F("title", title, title_source),
        F("date_published", date_published, date_source),
        F("date_modified", date_modified, modified_source),
        F("deck", deck, deck_source),
        F("section", section, section_source),
        F("image", image_url, image_source),
        F("credit", credit, credit_source),
        F("dateline", dateline, dateline_source),
#undef F
    };
    if (strcmp(field, "authors") == 0)
        return m->nauthors ? m->author_source : NULL;
    if (strcmp(field, "tags") == 0)
        return m->ntags ? m->tags_source : NULL;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (strcmp(map[i].name, field) != 0)
            continue;
        const char *v = *(const char *const *)((const char *)m + map[i].value);
        return v ? *(const char *const *)((const char *)m + map[i].source) : NULL;
    }
    return NULL;
}
