/* fuzz/fuzz_decode: the input stage boundary (gunzip + decode).
 *
 * The first byte picks a charset hint from a small list (or none); the rest is
 * the page. Gzip input is decompressed first (with a small limit so the fuzzer
 * explores decoding, not memory). The output must be valid, NUL-terminated
 * UTF-8 of the reported length; every buffer is freed on every path. The
 * double-encoding repair (input/mojibake.c) also runs on the decoded text
 * itself: valid UTF-8 in, valid UTF-8 no longer than it out. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "input/input.h"
#include "util/utf8.h"

#define S_MAX_GUNZIP (1u << 20)

static const char *const S_hints[] = {NULL,          "utf-8",          "windows-1252", "shift_jis",
                                      "gbk",         "big5",           "euc-kr",       "euc-jp",
                                      "iso-2022-jp", "utf-16le",       "utf-16be",     "koi8-r",
                                      "replacement", "x-user-defined", "iso-8859-8-i", " Latin1 "};

static void S_check(const cd_buf *out)
{
    if (!out->data) abort();
    if (cd_utf8_valid_prefix((const unsigned char *)out->data, out->len) != out->len) abort();
    if (out->data[out->len] != '\0' || memchr(out->data, '\0', out->len)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    const char *hint = S_hints[data[0] % (sizeof S_hints / sizeof S_hints[0])];
    data++;
    size--;

    cd_buf raw, out;
    cd_buf_init(&raw, cd_mem_default());
    cd_buf_init(&out, cd_mem_default());
    const unsigned char *page = data;
    size_t len = size;
    if (cd_input_is_gzip(data, size)) {
        copydesk_status st = cd_input_gunzip(data, size, S_MAX_GUNZIP, &raw);
        if (st == COPYDESK_OK || st == COPYDESK_ERR_TOO_LARGE || st == COPYDESK_ERR_GZIP) {
            if (raw.len > S_MAX_GUNZIP) abort();
            page = (const unsigned char *)raw.data;
            len = raw.len;
        }
    }
    cd_decode_info info;
    if (cd_input_decode(page, len, hint, &out, &info) != COPYDESK_OK) abort();
    S_check(&out);
    (void)cd_input_not_html(page, len, out.data, out.len); /* any answer; never a fault */
    size_t before = out.len, n = out.len;
    (void)cd_input_mojibake_repair(out.data, &n);
    if (n > before) abort();
    out.len = n;
    out.data[n] = '\0';
    S_check(&out);
    if (info.charset[0] == '\0' || !cd_input_charset_canonical(info.charset, strlen(info.charset)))
        abort();
    cd_buf_free(&raw);
    cd_buf_free(&out);
    return 0;
}
