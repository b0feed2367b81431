/* extract/boiler: stock phrases of page chrome; see boiler.c. */
#ifndef CD_EXTRACT_BOILER_H
#define CD_EXTRACT_BOILER_H

#include <stddef.h>

/* Blocks longer than this many bytes are never judged by phrase. */
#define CD_BOILER_MAX 160

/* Is text[0..len) (a short block's whole text) a stock chrome phrase? */
int cd_boiler_phrase(const char *text, size_t len);

#endif
