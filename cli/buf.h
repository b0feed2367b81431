/* cli/buf: a growable byte buffer for the records the CLI writes, always
 * NUL-terminated when it holds data. Out-of-memory is sticky: `failed` is set
 * and later writes do nothing until the buffer is cleared. */
#ifndef CD_CLI_BUF_H
#define CD_CLI_BUF_H

#include <stddef.h>

typedef struct cd_cli_buf {
    char *data; /* NUL-terminated when non-NULL; malloc'd */
    size_t len, cap;
    int failed;
} cd_cli_buf;

void cd_cli_buf_init(cd_cli_buf *b);
void cd_cli_buf_put(cd_cli_buf *b, const char *s, size_t n);
void cd_cli_buf_puts(cd_cli_buf *b, const char *s);
void cd_cli_buf_putc(cd_cli_buf *b, char c);
/* Empty the buffer (keeps its memory) and forget an earlier failure. */
void cd_cli_buf_clear(cd_cli_buf *b);
/* Hand the bytes to the caller (free() them; an empty buffer gives ""), NULL
 * after a failure; b becomes empty. *len (may be NULL) gets the length. */
char *cd_cli_buf_detach(cd_cli_buf *b, size_t *len);
void cd_cli_buf_free(cd_cli_buf *b);

#endif
