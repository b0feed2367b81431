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

int cd_cli_json_splice(cd_cli_buf *b, const char *obj, size_t n, const char *const *keys,
                       const char *const *vals, size_t count)
{
    cd_cli_buf_clear(b);
    size_t end = n;
    while (end > 0 && (obj[end - 1] == '\n' || obj[end - 1] == ' '))
        end--;
    if (end == 0 || obj[end - 1] != '}') {
        cd_cli_buf_put(b, obj, n);
        return -1;
    }
    cd_cli_buf_put(b, obj, end - 1);
    /* An empty object "{}" takes no leading comma. */
    int first = end >= 2 && obj[end - 2] == '{';
    for (size_t i = 0; i < count; i++) {
        if (!first) cd_cli_buf_putc(b, ',');
        first = 0;
        cd_cli_json_str(b, keys[i], strlen(keys[i]));
        cd_cli_buf_putc(b, ':');
        if (vals[i])
            cd_cli_json_str(b, vals[i], strlen(vals[i]));
        else
            cd_cli_buf_puts(b, "null");
    }
    cd_cli_buf_putc(b, '}');
    return 0;
}
