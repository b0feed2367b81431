/* util/arena: bump allocation in chained blocks; see arena.h. */
#include <string.h>

#include "arena.h"

struct cd_arena_block {
    cd_arena_block *prev;
    size_t size;        /* usable bytes after the header */
    max_align_t data[]; /* aligned start of the usable bytes */
};

void cd_arena_init(cd_arena *a, const cd_mem *mem, size_t block_size)
{
    a->mem = mem;
    a->head = NULL;
    a->ptr = NULL;
    a->left = 0;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->total = 0;
}

static cd_arena_block *S_block_new(cd_arena *a, size_t need)
{
    size_t size = a->block_size;
    if (need > size)
        size = need;
    if (size > SIZE_MAX - sizeof(cd_arena_block))
        return NULL;
    /* Not zeroed (arena memory never is, arena.h): realloc(NULL) is a malloc,
     * calloc would clear the whole block (a quarter-megabyte) for nothing. */
    cd_arena_block *b = a->mem->realloc(NULL, sizeof(cd_arena_block) + size);
    if (!b)
        return NULL;
    b->size = size;
    b->prev = a->head;
    a->total += size;
    return b;
}

/* Make b the current block, used bytes taken. */
static void S_use(cd_arena *a, cd_arena_block *b, size_t used)
{
    a->head = b;
    a->ptr = (unsigned char *)b->data + used;
    a->left = b->size - used;
}

void *cd_arena_alloc_slow(cd_arena *a, size_t size)
{
    if (size > SIZE_MAX - CD_ARENA_ALIGN)
        return NULL;
    size = (size + CD_ARENA_ALIGN - 1) & ~(size_t)(CD_ARENA_ALIGN - 1);
    if (size == 0)
        size = CD_ARENA_ALIGN;
    if (a->left >= size) {
        void *p = a->ptr;
        a->ptr += size;
        a->left -= size;
        return p;
    }
    cd_arena_block *b = a->head;
    /* A large request gets a block of its own behind the current one, so
     * the free space left in the current block is not wasted. */
    if (b && size > a->block_size / 4) {
        cd_arena_block *big = S_block_new(a, size);
        if (!big)
            return NULL;
        big->prev = b->prev;
        b->prev = big;
        return big->data;
    }
    b = S_block_new(a, size);
    if (!b)
        return NULL;
    S_use(a, b, size);
    return b->data;
}

void cd_arena_reset(cd_arena *a)
{
    cd_arena_block *keep = NULL;
    cd_arena_block *b = a->head;
    while (b) {
        cd_arena_block *prev = b->prev;
        if (!keep || b->size > keep->size) {
            if (keep)
                a->mem->free(keep);
            keep = b;
        } else {
            a->mem->free(b);
        }
        b = prev;
    }
    a->head = NULL;
    a->ptr = NULL;
    a->left = 0;
    a->total = 0;
    if (keep) {
        /* A block grown for one huge page is not kept forever. */
        if (keep->size > 16 * a->block_size) {
            a->mem->free(keep);
        } else {
            keep->prev = NULL;
            S_use(a, keep, 0);
            a->total = keep->size;
        }
    }
}

void cd_arena_free(cd_arena *a)
{
    cd_arena_block *b = a->head;
    while (b) {
        cd_arena_block *prev = b->prev;
        a->mem->free(b);
        b = prev;
    }
    a->head = NULL;
    a->ptr = NULL;
    a->left = 0;
    a->total = 0;
}
