/* fuzz/fuzz_gunzip: the CLI's own gzip reader (cli/gunzip.c), which decides
 * what pass 1 of site learning and pass 2 read of a gzip page.
 *
 * The first byte picks the size limit and whether the rest is taken as it is
 * (raw gzip bytes, damaged or not) or first compressed here into one or two
 * gzip members (so that mutations reach deep into real streams). Checked:
 * - cd_cli_gunzip's result, when used, is byte for byte what the library's
 *   decoder (src/input/gzip.c, cd_input_gunzip) gives the same bytes, within
 *   the limit, and is not itself gzip;
 * - cd_cli_gunzip_head returns 0 or its cap, and when cap it is the first cap
 *   bytes of the whole result (when that is usable), and it is cap whenever
 *   the whole result is usable and at least cap long;
 * - cd_cli_gunzip_hint is 0 or within the limit;
 * - the step-by-step reader (cd_cli_head), given a start of the input first,
 *   gives at each step what cd_cli_gunzip_head gives (or, for a stream that
 *   fails, a start decoded before the damage was in reach).
 * Everything is freed on every path. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../cli/gunzip.c"
#include "input/input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void S_check(int ok)
{
    if (!ok)
        abort();
}

/* Compress in[0..len) as gzip members (split in two at len / 3 when two is
 * set) into *out; its length, 0 on failure. */
static size_t S_gzip(const uint8_t *in, size_t len, int two, uint8_t **out)
{
    size_t cap = 2 * (len + 64) + 64, n = 0;
    uint8_t *buf = malloc(cap);
    if (!buf)
        return 0;
    size_t cut = two ? len / 3 : len;
    for (int part = 0; part < (two ? 2 : 1); part++) {
        const uint8_t *p = part ? in + cut : in;
        size_t pl = part ? len - cut : cut;
        z_stream z;
        memset(&z, 0, sizeof z);
        if (deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
            free(buf);
            return 0;
        }
        z.next_in = p;
        z.avail_in = (uInt)pl;
        z.next_out = buf + n;
        z.avail_out = (uInt)(cap - n);
        int zr = deflate(&z, Z_FINISH);
        n = cap - z.avail_out;
        deflateEnd(&z);
        if (zr != Z_STREAM_END) {
            free(buf);
            return 0;
        }
    }
    *out = buf;
    return n;
}

static const size_t S_max[] = {16, 4096, 1u << 20};
static const size_t S_caps[] = {1, 7, 512, 16384};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0 || size > (1u << 20))
        return 0;
    unsigned mode = data[0];
    data++;
    size--;
    size_t max = S_max[(mode >> 2) % 3];
    uint8_t *gz = NULL;
    const char *in = (const char *)data;
    size_t len = size;
    if (mode & 1) {
        len = S_gzip(data, size, (mode & 2) != 0, &gz);
        if (!len)
            return 0;
        in = (const char *)gz;
    }

    size_t hint = cd_cli_gunzip_hint(in, len, max);
    S_check(hint <= max);

    char *buf = NULL;
    size_t cap = 0;
    size_t full = cd_cli_gunzip(in, len, max, &buf, &cap);
    if (full) {
        S_check(full <= max && full <= cap && !cd_cli_is_gzip(buf, full));
        cd_buf lib;
        cd_buf_init(&lib, cd_mem_default());
        copydesk_status st = cd_input_gunzip((const unsigned char *)in, len, max, &lib);
        S_check(st == COPYDESK_OK && lib.len == full && memcmp(lib.data, buf, full) == 0);
        cd_buf_free(&lib);
    }
    for (size_t i = 0; i < sizeof S_caps / sizeof S_caps[0]; i++) {
        size_t hc = S_caps[i];
        char *dst = malloc(hc);
        if (!dst)
            break;
        size_t h = cd_cli_gunzip_head(in, len, max, dst, hc);
        S_check(h == 0 || h == hc);
        if (full && full >= hc && hc <= max)
            S_check(h == hc);
        if (h && full)
            S_check(memcmp(dst, buf, hc) == 0);
        free(dst);
    }
    /* The step-by-step reader (counting's page starts), from a start of the
     * input (taken as partial) and then the whole: each step gives what
     * cd_cli_gunzip_head gives for that many bytes. */
    cd_cli_head *hd = cd_cli_head_new(S_caps[sizeof S_caps / sizeof S_caps[0] - 1]);
    if (hd && len <= max) {
        size_t pre = (mode >> 4) ? len * (mode >> 4) / 16 : len;
        cd_cli_head_start(hd, in, pre, pre < len);
        for (size_t i = 0; i < sizeof S_caps / sizeof S_caps[0]; i++) {
            size_t hc = S_caps[i];
            const char *r = cd_cli_head_get(hd, hc);
            if (!r && cd_cli_head_starved(hd)) {
                cd_cli_head_more(hd, in, len);
                r = cd_cli_head_get(hd, hc);
            }
            S_check(!cd_cli_head_starved(hd) || pre < len);
            char *dst = malloc(hc);
            if (!dst)
                break;
            size_t h = hc <= max ? cd_cli_gunzip_head(in, len, max, dst, hc) : 0;
            /* The same bytes; or a start read before the damage that the
             * whole input shows zlib at once (it checks a trailer within
             * reach in the same call): only for a stream that fails. */
            if (hc <= max) {
                S_check(r != NULL || h != hc);
                S_check(!r || h == hc || !full);
                S_check(!r || h != hc || memcmp(r, dst, hc) == 0);
            }
            free(dst);
        }
    }
    cd_cli_head_free(hd);
    free(buf);
    free(gz);
    return 0;
}
