/* cli/jsonw: JSON strings for CLI-built records; see jsonw.h.
 *
 * Strings go through the library's own writer (copydesk_json_string()):
 * invalid UTF-8 becomes U+FFFD per maximal ill-formed subpart, controls are
 * escaped. */
#include <string.h>

#include "copydesk.h"
#include "jsonw.h"

void cd_cli_json_str(cd_cli_buf *b, const char *s, size_t n)
{
    /* The library's writer: the CLI's records follow exactly its rules. */
    size_t len = 0;
    char *q = copydesk_json_string(s, n, &len);
    if (!q) {
        b->failed = 1;
        return;
    }
    cd_cli_buf_put(b, q, len);
    copydesk_free(q);
}

size_t cd_cli_json_splice_tail(cd_cli_buf *tail, const char *obj, size_t n, const char *const *keys,
                               const char *const *vals, size_t count)
{
    cd_cli_buf_clear(tail);
    size_t end = n;
    while (end > 0 && (obj[end - 1] == '\n' || obj[end - 1] == ' '))
        end--;
    if (end == 0 || obj[end - 1] != '}') return n;
    /* An empty object "{}" takes no leading comma. */
    int first = end >= 2 && obj[end - 2] == '{';
    for (size_t i = 0; i < count; i++) {
        if (!first) cd_cli_buf_putc(tail, ',');
        first = 0;
        cd_cli_json_str(tail, keys[i], strlen(keys[i]));
        cd_cli_buf_putc(tail, ':');
        if (vals[i])
            cd_cli_json_str(tail, vals[i], strlen(vals[i]));
        else
            cd_cli_buf_puts(tail, "null");
    }
    cd_cli_buf_putc(tail, '}');
    return end - 1;
}

int cd_cli_json_splice(cd_cli_buf *b, const char *obj, size_t n, const char *const *keys,
                       const char *const *vals, size_t count)
{
    cd_cli_buf tail;
    cd_cli_buf_init(&tail);
    size_t k = cd_cli_json_splice_tail(&tail, obj, n, keys, vals, count);
    cd_cli_buf_clear(b);
    cd_cli_buf_put(b, obj, k);
    int r = k == n ? -1 : 0;
    if (tail.failed) b->failed = 1;
    cd_cli_buf_put(b, tail.data ? tail.data : "", tail.len);
    cd_cli_buf_free(&tail);
    return r;
}
