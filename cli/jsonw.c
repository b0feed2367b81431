/* cli/jsonw: JSON strings for CLI-built records; see jsonw.h.
 *
 * UTF-8 validation follows Unicode §3.9 (Table 3-7, well-formed byte
 * sequences) and its "maximal subpart" practice for U+FFFD substitution, the
 * same as the library's writer and WHATWG's UTF-8 decoder. */
#include <string.h>

#include "jsonw.h"

/* Length of the valid UTF-8 sequence at s[0..n), or 0 with *bad set to the
 * length of the maximal ill-formed subpart to replace (at least 1). */
static size_t S_utf8_seq(const unsigned char *s, size_t n, size_t *bad)
{
    unsigned c = s[0];
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        *bad = 1;
        return 0;
    }
    size_t i = 1;
    for (; i <= need; i++) {
        if (i >= n || s[i] < lo || s[i] > hi) {
            *bad = i;
            return 0;
        }
        lo = 0x80;
        hi = 0xBF;
    }
    return need + 1;
}

void cd_cli_json_str(cd_buf *b, const char *str, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    cd_buf_putc(b, '"');
    size_t i = 0, run = 0; /* s[run..i) is copied as is */
    while (i < n) {
        unsigned c = s[i];
        const char *esc = NULL;
        char u[7];
        size_t skip = 1;
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\r')
            esc = "\\r";
        else if (c == '\t')
            esc = "\\t";
        else if (c < 0x20) {
            memcpy(u, "\\u00", 4);
            u[4] = hex[c >> 4];
            u[5] = hex[c & 15];
            u[6] = '\0';
            esc = u;
        } else if (c >= 0x80) {
            size_t bad = 0, k = S_utf8_seq(s + i, n - i, &bad);
            if (k == 0) {
                esc = "\xEF\xBF\xBD";
                skip = bad;
            } else if (k == 3 && c == 0xE2 && s[i + 1] == 0x80 &&
                       (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
                esc = s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
                skip = 3;
            } else {
                i += k;
                continue;
            }
        } else {
            i++;
            continue;
        }
        cd_buf_put(b, str + run, i - run);
        cd_buf_puts(b, esc);
        i += skip;
        run = i;
    }
    cd_buf_put(b, str + run, n - run);
    cd_buf_putc(b, '"');
}

int cd_cli_json_splice(cd_buf *b, const char *obj, size_t n, const char *const *keys,
                       const char *const *vals, size_t count)
{
    cd_buf_clear(b);
    size_t end = n;
    while (end > 0 && (obj[end - 1] == '\n' || obj[end - 1] == ' '))
        end--;
    if (end == 0 || obj[end - 1] != '}') {
        cd_buf_put(b, obj, n);
        return -1;
    }
    cd_buf_put(b, obj, end - 1);
    /* An empty object "{}" takes no leading comma. */
    int first = end >= 2 && obj[end - 2] == '{';
    for (size_t i = 0; i < count; i++) {
        if (!first) cd_buf_putc(b, ',');
        first = 0;
        cd_cli_json_str(b, keys[i], strlen(keys[i]));
        cd_buf_putc(b, ':');
        if (vals[i])
            cd_cli_json_str(b, vals[i], strlen(vals[i]));
        else
            cd_buf_puts(b, "null");
    }
    cd_buf_putc(b, '}');
    return 0;
}
