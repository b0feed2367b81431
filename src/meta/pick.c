/* meta/pick: every field of the metadata, chosen from the candidates the
 * sources added, by precedence:
 *   title     title.c (JSON-LD/og/h1/<title>, cross-checked and suffix-stripped)
 *   authors   pick_authors.c: JSON-LD > named <meta> > og article:author >
 *             microdata > visible byline (organisations only when nothing
 *             names a person)
 *   dates     pick_dates.c: JSON-LD > og article:* > named <meta> >
 *             microdata/<time> > visible > URL path
 *   site      og:site_name > JSON-LD publisher > application-name
 *   language  <html lang> > content-language > og:locale > JSON-LD inLanguage
 *   news      pick_news.c: deck, section, image, credit, tags
 * The order follows what the page author stated most deliberately; Readability's
 * _getArticleMetadata and trafilatura's metadata module take the same view. */
#include <string.h>

#include "cand.h"
#include "pick.h"

static const char *S_first(const cd_meta_ctx *c, int field, const int *srcs, size_t nsrcs,
                           const char **source)
{
    for (size_t s = 0; s < nsrcs; s++) {
        const cd_meta_cand *list[1];
        if (cd_meta_collect(c, field, srcs[s], 0, list, 1)) {
            *source = cd_meta_src_name(srcs[s]);
            return list[0]->s;
        }
    }
    return NULL;
}

void cd_meta_pick(cd_meta_ctx *c, cd_meta *m, const char *page_url)
{
    const char *src = NULL;
    static const int lang_srcs[] = {CD_MS_HTML, CD_MS_META, CD_MS_OG, CD_MS_JSONLD};
    m->language = S_first(c, CD_MF_LANG, lang_srcs, 4, &src);
    static const int site_srcs[] = {CD_MS_OG, CD_MS_JSONLD, CD_MS_META, CD_MS_TWITTER};
    m->site_name = S_first(c, CD_MF_SITE, site_srcs, 4, &src);
    /* og:site_name "Columbia Star - Columbia's locally owned weekly newspaper
     * since 1963" where JSON-LD names the site "Columbia Star": the name,
     * without the tag line the og value adds after a separator. */
    const cd_meta_cand *ld[4];
    size_t nld = m->site_name ? cd_meta_collect(c, CD_MF_SITE, CD_MS_JSONLD, 0, ld, 4) : 0;
    for (size_t i = 0; i < nld; i++) {
        size_t ol = strlen(m->site_name), l = ld[i]->len, sp = l;
        if (l < 3 || l + 3 > ol || !cd_meta_eq_nocase(m->site_name, l, ld[i]->s, l)) continue;
        while (sp < ol && m->site_name[sp] == ' ')
            sp++;
        if (sp == l || sp + 2 > ol || !(m->site_name[sp] == '-' || m->site_name[sp] == '|' ||
                                        (unsigned char)m->site_name[sp] == 0xE2 /* – — */))
            continue;
        m->site_name = ld[i]->s;
        break;
    }
    static const int url_srcs[] = {CD_MS_HTML, CD_MS_OG, CD_MS_JSONLD};
    m->url = S_first(c, CD_MF_URL, url_srcs, 3, &src);
    if (!m->url && page_url && *page_url)
        m->url = cd_meta_clean(c->arena, page_url, strlen(page_url), NULL);
    static const int desc_srcs[] = {CD_MS_OG, CD_MS_META, CD_MS_JSONLD, CD_MS_TWITTER};
    m->description = S_first(c, CD_MF_DESC, desc_srcs, 4, &src);

    cd_meta_pick_dates(c, m, page_url);
    cd_meta_pick_authors(c, m);
    m->title = cd_meta_title_pick(c, m->site_name, m->url ? m->url : page_url, &m->title_source);
    cd_meta_news_pick(c, m, page_url);
}
