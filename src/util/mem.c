/* util/mem: the default allocator behind cd_mem. */
#include <stdlib.h>

#include "mem.h"

static void *S_calloc(size_t n, size_t size)
{
    return calloc(n, size);
}

static void *S_realloc(void *p, size_t size)
{
    return realloc(p, size);
}

static void S_free(void *p)
{
    free(p);
}

static const cd_mem S_default = {S_calloc, S_realloc, S_free};

const cd_mem *cd_mem_default(void)
{
    return &S_default;
}
