/* meta/metatags: the <meta>, <link> and <html> source (metatags.c). */
#ifndef CD_META_METATAGS_H
#define CD_META_METATAGS_H

#include "cand.h"

/* A <meta>, <link> or <html> element. */
void cd_meta_tag(cd_meta_ctx *c, cd_nid id);

#endif
