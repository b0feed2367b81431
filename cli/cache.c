/* cli/cache: see cache.h. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, madvise */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "cache.h"

/* Chunk size, and the huge page size chunks are aligned to. */
#define S_CHUNK ((size_t)64 * 1024 * 1024)
#define S_HUGE ((size_t)2 * 1024 * 1024)

struct cd_cache_chunk {
    cd_cache_chunk *prev, *next;
    char *base;
    size_t size, used;
    size_t live; /* entries not yet released */
    int sealed;  /* takes no more entries */
};

struct cd_cache {
    pthread_mutex_t mu;
    size_t budget, mapped;
    cd_cache_chunk *chunks; /* every mapped chunk */
    cd_cache_chunk *open;   /* the one that takes small entries, or NULL */
    int sealed;
};

cd_cache *cd_cache_new(size_t budget)
{
    cd_cache *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    pthread_mutex_init(&c->mu, NULL);
    c->budget = budget;
    return c;
}

/* size bytes (a multiple of S_HUGE) mapped at a huge-page boundary. */
static char *S_map(size_t size)
{
    size_t over = size + S_HUGE;
    char *p = mmap(NULL, over, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
    uintptr_t a = ((uintptr_t)p + S_HUGE - 1) & ~(uintptr_t)(S_HUGE - 1);
    char *base = (char *)a;
    size_t head = (size_t)(base - p), tail = over - head - size;
    if (head) munmap(p, head);
    if (tail) munmap(base + size, tail);
#ifdef MADV_HUGEPAGE
    madvise(base, size, MADV_HUGEPAGE);
#endif
    return base;
}

static void S_unmap(cd_cache *c, cd_cache_chunk *k)
{
    if (c->open == k) c->open = NULL;
    if (k->prev)
        k->prev->next = k->next;
    else
        c->chunks = k->next;
    if (k->next) k->next->prev = k->prev;
    munmap(k->base, k->size);
    c->mapped -= k->size;
    free(k);
}

/* Seal chunk k; unmap it if nothing in it is live. Called with mu held. */
static void S_seal(cd_cache *c, cd_cache_chunk *k)
{
    k->sealed = 1;
    if (k->live == 0) S_unmap(c, k);
}

/* A new chunk of size bytes in the list, or NULL. Called with mu held. */
static cd_cache_chunk *S_chunk_new(cd_cache *c, size_t size)
{
    if (size > c->budget - c->mapped) return NULL;
    cd_cache_chunk *k = calloc(1, sizeof *k);
    if (!k) return NULL;
    k->base = S_map(size);
    if (!k->base) {
        free(k);
        return NULL;
    }
    k->size = size;
    c->mapped += size;
    k->next = c->chunks;
    if (c->chunks) c->chunks->prev = k;
    c->chunks = k;
    return k;
}

char *cd_cache_alloc(cd_cache *c, size_t n, cd_cache_chunk **chunk)
{
    if (!c || n == 0) return NULL;
    char *dst = NULL;
    size_t step = (n + 63) & ~(size_t)63; /* entries start on a cache line */
    pthread_mutex_lock(&c->mu);
    if (c->sealed) goto done;
    cd_cache_chunk *k = c->open;
    if (step > S_CHUNK / 2) {
        /* A big entry gets a chunk of its own, sealed at once. */
        k = S_chunk_new(c, (n + S_HUGE - 1) / S_HUGE * S_HUGE);
        if (!k) goto done;
        k->sealed = 1;
    } else if (!k || k->size - k->used < step) {
        size_t size = S_CHUNK;
        if (size > c->budget - c->mapped) size = (c->budget - c->mapped) / S_HUGE * S_HUGE;
        if (size < step) goto done;
        cd_cache_chunk *nk = S_chunk_new(c, size);
        if (!nk) goto done;
        if (k) S_seal(c, k);
        c->open = k = nk;
    }
    if (!k) goto done; /* not reached: each branch above leaves a chunk */
    dst = k->base + k->used;
    k->used += step;
    k->live++;
    *chunk = k;
done:
    pthread_mutex_unlock(&c->mu);
    return dst;
}

char *cd_cache_put(cd_cache *c, const char *data, size_t n, cd_cache_chunk **chunk)
{
    char *dst = cd_cache_alloc(c, n, chunk);
    if (dst) memcpy(dst, data, n);
    return dst;
}

void cd_cache_release(cd_cache *c, cd_cache_chunk *k)
{
    if (!c || !k) return;
    pthread_mutex_lock(&c->mu);
    if (--k->live == 0 && k->sealed) S_unmap(c, k);
    pthread_mutex_unlock(&c->mu);
}

void cd_cache_seal(cd_cache *c)
{
    if (!c) return;
    pthread_mutex_lock(&c->mu);
    c->sealed = 1;
    cd_cache_chunk *k = c->chunks;
    while (k) {
        cd_cache_chunk *next = k->next;
        if (!k->sealed) S_seal(c, k);
        k = next;
    }
    pthread_mutex_unlock(&c->mu);
}

void cd_cache_free(cd_cache *c)
{
    if (!c) return;
    while (c->chunks)
        S_unmap(c, c->chunks);
    pthread_mutex_destroy(&c->mu);
    free(c);
}
