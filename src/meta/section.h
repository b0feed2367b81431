/* meta/section: the news fields read from page elements (section.c). */
#ifndef CD_META_SECTION_H
#define CD_META_SECTION_H

#include "cand.h"

/* Microdata articleSection / image / keywords, rel=tag links, the visible
 * breadcrumb trail (flags: CD_MC_* of the place, CD_MC_BAD included, since
 * trails often sit in a <nav>), fed by the walk. */
void cd_meta_news_element(cd_meta_ctx *c, cd_nid id, unsigned flags);
/* Once the walk is over: the section label ("kicker") right above the first
 * h1 (0 when none). */
void cd_meta_news_kicker(cd_meta_ctx *c, cd_nid h1);
/* Once the walk is over and it found no trail: a trail read by its shape
 * alone (no class naming it) just above the first h1. */
void cd_meta_news_trail_near(cd_meta_ctx *c, cd_nid h1);
/* After a trail of one link that gave no section: a later trail (named as
 * one) going through that link, read in its place (wcxb-dev 0214). */
void cd_meta_news_trail_again(cd_meta_ctx *c);

#endif
