/* meta/pick: the pickers, which choose each field from the candidates once
 * the walk (read.c) has fed every source. */
#ifndef CD_META_PICK_H
#define CD_META_PICK_H

#include "cand.h"

/* pick.c: every field, calling the pickers below in turn. */
void cd_meta_pick(cd_meta_ctx *c, cd_meta *m, const char *page_url);
/* pick_dates.c: date_published and date_modified (needs m->language). */
void cd_meta_pick_dates(cd_meta_ctx *c, cd_meta *m, const char *page_url);
/* pick_authors.c: the authors and their source (needs m->site_name and
 * m->date_published). */
void cd_meta_pick_authors(cd_meta_ctx *c, cd_meta *m);
/* title.c: the article title from the candidates (NULL when none). */
const char *cd_meta_title_pick(cd_meta_ctx *c, const char *site_name, const char *url,
                               const char **source);
/* pick_news.c: the news fields (deck, section, image, credit, tags) from the
 * candidates, by precedence; called last. */
void cd_meta_news_pick(cd_meta_ctx *c, cd_meta *m, const char *page_url);

#endif
