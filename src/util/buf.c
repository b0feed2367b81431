/* util/buf: growable byte buffer; see buf.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

void cd_buf_init(cd_buf *b, const cd_mem *mem)
{
    b->mem = mem;
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

int cd_buf_reserve(cd_buf *b, size_t n)
{
    if (b->failed)
        return 0;
    if (n > SIZE_MAX - b->len - 1) {
        b->failed = 1;
        return 0;
    }
    size_t need = b->len + n + 1;
    if (need <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = b->mem->realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    b->data[b->len] = '\0';
    return 1;
}

void cd_buf_put_slow(cd_buf *b, const char *s, size_t n)
{
    if (!cd_buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void cd_buf_puts(cd_buf *b, const char *s)
{
    cd_buf_put(b, s, strlen(s));
}

void cd_buf_putc_slow(cd_buf *b, char c)
{
    if (!cd_buf_reserve(b, 1))
        return;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void cd_buf_put_cp(cd_buf *b, uint32_t cp)
{
    char tmp[4];
    size_t n = cd_utf8_encode(cp, tmp);
    cd_buf_put(b, tmp, n);
}

void cd_buf_printf(cd_buf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        cd_buf_put(b, tmp, (size_t)n);
        return;
    }
    if (!cd_buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void cd_buf_truncate(cd_buf *b, size_t len)
{
    if (len < b->len) {
        b->len = len;
        b->data[len] = '\0';
    }
}

void cd_buf_clear(cd_buf *b)
{
    b->len = 0;
    b->failed = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *cd_buf_detach(cd_buf *b, size_t *len)
{
    if (!b->data)
        cd_buf_reserve(b, 0);
    char *p = b->failed ? NULL : b->data;
    if (len)
        *len = p ? b->len : 0;
    if (!p && b->data)
        b->mem->free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void cd_buf_free(cd_buf *b)
{
    if (b->data)
        b->mem->free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
