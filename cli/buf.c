/* cli/buf: growable byte buffer; see buf.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

void cd_cli_buf_init(cd_cli_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

/* Room for n more bytes and the NUL; 0 (and failed set) when memory runs out. */
static int S_reserve(cd_cli_buf *b, size_t n)
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
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    b->data[b->len] = '\0';
    return 1;
}

void cd_cli_buf_put(cd_cli_buf *b, const char *s, size_t n)
{
    if (!S_reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void cd_cli_buf_puts(cd_cli_buf *b, const char *s)
{
    cd_cli_buf_put(b, s, strlen(s));
}

void cd_cli_buf_putc(cd_cli_buf *b, char c)
{
    cd_cli_buf_put(b, &c, 1);
}

void cd_cli_buf_clear(cd_cli_buf *b)
{
    b->len = 0;
    b->failed = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *cd_cli_buf_detach(cd_cli_buf *b, size_t *len)
{
    if (!b->data)
        S_reserve(b, 0);
    char *p = b->failed ? NULL : b->data;
    if (len)
        *len = p ? b->len : 0;
    if (!p)
        free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void cd_cli_buf_free(cd_cli_buf *b)
{
    free(b->data);
    cd_cli_buf_init(b);
}
