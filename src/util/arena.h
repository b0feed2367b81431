/* util/arena: a bump allocator for everything that lives as long as one page.
 *
 * Nodes, attribute strings and text all come from here; freeing a page is one
 * cd_arena_reset(), which keeps the first block so that a batch of pages reuses
 * memory instead of going back to malloc for each (lexbor's document arenas).
 * Blocks never move, so pointers into the arena stay valid until reset. */
#ifndef CD_UTIL_ARENA_H
#define CD_UTIL_ARENA_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "mem.h"

typedef struct cd_arena_block cd_arena_block;

typedef struct cd_arena {
    const cd_mem *mem;
    cd_arena_block *head;     /* current block; older blocks chain behind it */
    unsigned char *ptr;       /* the current block's free bytes: [ptr, ptr + left) */
    size_t left;
    size_t block_size;        /* default size of a new block */
    size_t total;             /* bytes held in all blocks */
} cd_arena;

/* Every allocation is aligned for any object. */
#define CD_ARENA_ALIGN (sizeof(max_align_t))

void cd_arena_init(cd_arena *a, const cd_mem *mem, size_t block_size);
/* The path of cd_arena_alloc past the current block (and for any size). */
void *cd_arena_alloc_slow(cd_arena *a, size_t size);
/* NULL on out-of-memory or overflow; memory is not zeroed. Inline: the
 * parser allocates for every attribute and text node. */
static inline void *cd_arena_alloc(cd_arena *a, size_t size)
{
    size_t r = (size + CD_ARENA_ALIGN - 1) & ~(size_t)(CD_ARENA_ALIGN - 1);
    if (r >= size && r && r <= a->left) {
        void *p = a->ptr;
        a->ptr += r;
        a->left -= r;
        return p;
    }
    return cd_arena_alloc_slow(a, size);
}
/* Copy len bytes and add a NUL; NULL on out-of-memory. Inline: the parser
 * copies every text node. */
static inline char *cd_arena_strndup(cd_arena *a, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = cd_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
/* Release every block but the largest, which is kept for the next page. */
void cd_arena_reset(cd_arena *a);
void cd_arena_free(cd_arena *a);

#endif
