/* meta/jsonld: the JSON-LD source (jsonld.c). */
#ifndef CD_META_JSONLD_H
#define CD_META_JSONLD_H

#include "cand.h"

/* Parse one ld+json script text and add its candidates. */
void cd_meta_jsonld(cd_meta_ctx *c, const char *text, size_t len, cd_nid pos);

#endif
