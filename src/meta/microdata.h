/* meta/microdata: the microdata, rel=author and <time> source (microdata.c). */
#ifndef CD_META_MICRODATA_H
#define CD_META_MICRODATA_H

#include "cand.h"

/* An element with itemprop, rel=author or a <time>. flags: CD_MC_* of the
 * place it is in. */
void cd_meta_microdata(cd_meta_ctx *c, cd_nid id, unsigned flags);

#endif
