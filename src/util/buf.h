/* util/buf: a growable byte buffer, always NUL-terminated. */
#ifndef CD_UTIL_BUF_H
#define CD_UTIL_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "mem.h"

typedef struct cd_buf {
    const cd_mem *mem;
    char *data; /* NUL-terminated when non-NULL */
    size_t len;
    size_t cap;
    int failed; /* sticky: set on the first out-of-memory, later writes are no-ops */
} cd_buf;

void cd_buf_init(cd_buf *b, const cd_mem *mem);
/* Make room for n more bytes; 0 on failure (and b->failed is set). */
int cd_buf_reserve(cd_buf *b, size_t n);
/* The out-of-line paths (growing the buffer); call cd_buf_put / cd_buf_putc. */
void cd_buf_put_slow(cd_buf *b, const char *s, size_t n);
void cd_buf_putc_slow(cd_buf *b, char c);
/* Append n bytes / one byte. Inline: the renderers call them per token and
 * per byte; the room is nearly always there. */
static inline void cd_buf_put(cd_buf *b, const char *s, size_t n)
{
    if (!b->failed && b->cap - b->len > n) { /* cap > len whenever data is set */
        if (n)
            memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
        return;
    }
    cd_buf_put_slow(b, s, n);
}
static inline void cd_buf_putc(cd_buf *b, char c)
{
    if (!b->failed && b->cap - b->len > 1) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return;
    }
    cd_buf_putc_slow(b, c);
}
void cd_buf_puts(cd_buf *b, const char *s);
/* Append a code point as UTF-8 (invalid ones as U+FFFD). */
void cd_buf_put_cp(cd_buf *b, uint32_t cp);
void cd_buf_printf(cd_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void cd_buf_truncate(cd_buf *b, size_t len);
void cd_buf_clear(cd_buf *b);
/* Hand the bytes to the caller (to be freed with b->mem->free); b becomes empty. */
char *cd_buf_detach(cd_buf *b, size_t *len);
void cd_buf_free(cd_buf *b);

#endif
