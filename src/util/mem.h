/* util/mem: the per-instance allocator every stage allocates through.
 *
 * A cd_mem is the internal view of the public copydesk_mem hooks; stages never
 * call malloc directly, so two users of the library in one process can each
 * bring their own allocator (STYLE.md: "Allocator hooks per instance"). */
#ifndef CD_UTIL_MEM_H
#define CD_UTIL_MEM_H

#include <stddef.h>
#include <stdint.h>

#include "copydesk.h"

typedef copydesk_mem cd_mem;

/* The default allocator (libc calloc/realloc/free). */
const cd_mem *cd_mem_default(void);

/* Overflow-checked n * size; returns 0 and sets *out = SIZE_MAX on overflow. */
static inline int cd_mul_ok(size_t n, size_t size, size_t *out)
{
    if (size && n > SIZE_MAX / size) {
        *out = SIZE_MAX;
        return 0;
    }
    *out = n * size;
    return 1;
}

#endif
