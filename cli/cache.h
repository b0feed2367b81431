/* cli/cache: the memory that site learning's pass 1 keeps for pass 2.
 *
 * Pass 1 reads (and un-gzips) every input to observe it; what fits in the
 * budget is copied here so that pass 2 takes it from memory instead of
 * reading and decompressing it again. Entries are packed into large chunks
 * (S_CHUNK in cache.c, 64 MiB) mapped with transparent huge pages where the
 * system has them: holding hundreds of MB of pages in ordinary 4 KiB pages
 * costs as many page faults as the decompression it saves. A chunk is unmapped
 * as soon as pass 2 has released every entry in it, so memory falls as pass 2
 * goes. At most `budget` bytes are mapped at any time. Thread-safe. */
#ifndef CD_CLI_CACHE_H
#define CD_CLI_CACHE_H

#include <stddef.h>

typedef struct cd_cache cd_cache;
typedef struct cd_cache_chunk cd_cache_chunk;

/* A cache of at most budget bytes (0: one that keeps nothing); NULL on
 * out-of-memory. */
cd_cache *cd_cache_new(size_t budget);
/* A copy of data[0..n) in the cache, *chunk set for cd_cache_release(); NULL
 * when it does not fit in what is left of the budget. */
char *cd_cache_put(cd_cache *c, const char *data, size_t n, cd_cache_chunk **chunk);
/* Room for n bytes in the cache, to be written by the caller (then the same
 * as cd_cache_put's copy); NULL when it does not fit. */
char *cd_cache_alloc(cd_cache *c, size_t n, cd_cache_chunk **chunk);
/* One entry of chunk is no longer needed. */
void cd_cache_release(cd_cache *c, cd_cache_chunk *chunk);
/* No more puts (the end of pass 1): chunks whose entries are all released
 * are unmapped now, the others when their last entry is. */
void cd_cache_seal(cd_cache *c);
/* Unmap everything (no entry may be used after). NULL is fine. */
void cd_cache_free(cd_cache *c);

#endif
