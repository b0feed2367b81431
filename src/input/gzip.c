/* input/gzip: undo Content-Encoding: gzip (RFC 1952) with libdeflate and zlib.
 *
 * Stage: input. Pages saved from crawls (WARC, curl without --compressed) are
 * often still gzipped; we detect them by the magic bytes only. All members of
 * a multi-member stream are decoded (RFC 1952 §2.2); what follows a complete
 * member and is not another member is ignored, as gzip(1) does. A damaged
 * stream is an error, as it is for gzip(1): one that ends before a member's
 * end marker and trailer (a download cut short), or whose deflate data, CRC-32
 * or length fails (zlib checks both on the trailer). A partial page passed
 * off as the article would hide the damage. What was decoded before the
 * damage stays in the buffer for callers that want it. zlib allocates through
 * the buffer's cd_mem.
 *
 * The common case -- one member whose trailer gives the page's size -- is
 * decoded in one call by libdeflate (2-3 times faster than zlib's inflate on
 * whole buffers: docs/benchmarks.md), straight into a buffer of that size.
 * Anything else goes to zlib as before: several members, a trailer that
 * lies, a header CRC (libdeflate skips it, zlib checks it), and every failure
 * (so damaged input gets zlib's error and its partial output). libdeflate
 * checks the member's CRC-32 and length as zlib does. Its decompressor (some
 * 10 KB) is malloc'd for the call and freed before it returns. */
#include <libdeflate.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#define ZLIB_CONST /* next_in is const */
#include <zlib.h>

#include "input.h"

/* Output is grown at least this much per inflate call. */
#define S_CHUNK (64u * 1024u)

size_t cd_input_inflate_max(size_t len, unsigned ratio, size_t floor, size_t hard)
{
    if (ratio == 0) return hard;
    size_t m = len > SIZE_MAX / ratio ? SIZE_MAX : len * ratio;
    if (m < floor) m = floor;
    return m < hard ? m : hard;
}

int cd_input_is_gzip(const unsigned char *in, size_t len)
{
    return in && len >= 2 && in[0] == 0x1F && in[1] == 0x8B;
}

static voidpf S_zalloc(voidpf opaque, uInt items, uInt size)
{
    const cd_mem *mem = ((cd_buf *)opaque)->mem;
    return mem->calloc(items, size);
}

static void S_zfree(voidpf opaque, voidpf p)
{
    const cd_mem *mem = ((cd_buf *)opaque)->mem;
    mem->free(p);
}

/* DEFLATE expands at most 1032 times (258 bytes per 2-bit code): a trailer
 * announcing more than that is not believed (no buffer is made for it). */
#define S_MAX_RATIO 1032u
/* The gzip header flag FHCRC (RFC 1952 2.3.1). */
#define S_FHCRC 0x02u

/* The whole stream in one call into out (empty), when it is one member whose
 * trailer tells its size: 1 done (out holds the page), 0 not done (out
 * empty, as it came: the caller decodes with zlib). */
static int S_whole(const unsigned char *in, size_t len, size_t max_out, cd_buf *out)
{
    if (len < 18 || (in[3] & S_FHCRC)) return 0;
    const unsigned char *t = in + len - 4;
    size_t isize = (size_t)t[0] | (size_t)t[1] << 8 | (size_t)t[2] << 16 | (size_t)t[3] << 24;
    if (isize == 0 || isize > max_out || isize / S_MAX_RATIO > len) return 0;
    if (!cd_buf_reserve(out, isize)) {
        out->failed = 0; /* not sticky here: zlib grows the buffer as it goes */
        return 0;
    }
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    if (!d) return 0;
    size_t used = 0, n = 0;
    enum libdeflate_result r = libdeflate_gzip_decompress_ex(d, in, len, out->data, isize, &used, &n);
    libdeflate_free_decompressor(d);
    /* Another member after this one: zlib decodes them all. */
    if (r != LIBDEFLATE_SUCCESS || n == 0 || used > len || cd_input_is_gzip(in + used, len - used)) {
        out->data[0] = '\0';
        return 0;
    }
    out->len = n;
    out->data[n] = '\0';
    return 1;
}

copydesk_status cd_input_gunzip(const unsigned char *in, size_t len, size_t max_out, cd_buf *out)
{
    if (!out) return COPYDESK_ERR_ARG;
    cd_buf_clear(out);
    if (!in || !cd_input_is_gzip(in, len)) return COPYDESK_ERR_GZIP;
    if (!cd_buf_reserve(out, 0)) return COPYDESK_ERR_NOMEM;
    out->data[0] = '\0'; /* a fresh buffer is not terminated yet */
    if (S_whole(in, len, max_out, out)) return COPYDESK_OK;

    z_stream z;
    memset(&z, 0, sizeof z);
    z.zalloc = S_zalloc;
    z.zfree = S_zfree;
    z.opaque = out;
    int zr = inflateInit2(&z, 16 + MAX_WBITS);
    if (zr != Z_OK) return zr == Z_MEM_ERROR ? COPYDESK_ERR_NOMEM : COPYDESK_ERR_GZIP;

    copydesk_status st = COPYDESK_OK;
    size_t used = 0; /* input bytes consumed */
    for (;;) {
        /* avail_in is a uInt: feed huge inputs in slices. */
        if (z.avail_in == 0 && used < len) {
            size_t n = len - used;
            z.next_in = in + used;
            z.avail_in = n > UINT_MAX ? UINT_MAX : (uInt)n;
            used += z.avail_in;
        }
        /* One byte past the limit tells "exactly max_out" from "more". */
        size_t budget = max_out - out->len + (max_out < SIZE_MAX ? 1 : 0);
        size_t want = budget < S_CHUNK ? budget : S_CHUNK;
        if (!cd_buf_reserve(out, want)) {
            st = COPYDESK_ERR_NOMEM;
            break;
        }
        size_t room = out->cap - out->len - 1;
        if (room > budget) room = budget;
        if (room > UINT_MAX) room = UINT_MAX;
        z.next_out = (Bytef *)out->data + out->len;
        z.avail_out = (uInt)room;
        zr = inflate(&z, Z_NO_FLUSH);
        out->len += room - z.avail_out;
        out->data[out->len] = '\0';
        if (out->len > max_out) {
            cd_buf_truncate(out, max_out);
            st = COPYDESK_ERR_TOO_LARGE;
            break;
        }
        if (zr == Z_STREAM_END) {
            size_t left = z.avail_in + (len - used);
            const unsigned char *next = in + (len - left);
            if (!cd_input_is_gzip(next, left)) break; /* end, or trailing garbage */
            inflateReset(&z);
            continue;
        }
        if (zr == Z_MEM_ERROR) {
            st = COPYDESK_ERR_NOMEM;
            break;
        }
        if (zr == Z_OK) continue;
        if (zr == Z_BUF_ERROR && z.avail_in == 0 && used < len) continue;
        /* Truncated (Z_BUF_ERROR with no input left: no end marker or no
         * trailer) or corrupt (Z_DATA_ERROR: bad data, CRC-32 or length). */
        st = COPYDESK_ERR_GZIP;
        break;
    }
    inflateEnd(&z);
    return st;
}
