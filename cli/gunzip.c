/* cli/gunzip: see gunzip.h. Mirrors src/input/gzip.c (cd_input_gunzip), but
 * gives up instead of reporting: the library reports. A whole page of one
 * member whose trailer gives its size is decoded by libdeflate in one call,
 * anything else (and every failure) by zlib, as the library does. */
#include <libdeflate.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#define ZLIB_CONST
#include <zlib.h>

#include "gunzip.h"

#define S_CHUNK ((size_t)64 * 1024)

int cd_cli_is_gzip(const char *in, size_t len)
{
    return in && len >= 2 && (unsigned char)in[0] == 0x1F && (unsigned char)in[1] == 0x8B;
}

size_t cd_cli_gunzip_hint(const char *in, size_t len, size_t max)
{
    if (!cd_cli_is_gzip(in, len) || len < 18) return 0;
    const unsigned char *t = (const unsigned char *)in + len - 4;
    size_t isize = (size_t)t[0] | (size_t)t[1] << 8 | (size_t)t[2] << 16 | (size_t)t[3] << 24;
    return isize <= max ? isize : 0;
}

/* One member, its size given by the trailer, into dst[0..cap): the length,
 * or 0 when zlib is to decode it (see src/input/gzip.c's S_whole). */
static size_t S_whole(const char *in, size_t len, size_t max, char *dst, size_t cap)
{
    const unsigned char *u = (const unsigned char *)in;
    size_t isize = cd_cli_gunzip_hint(in, len, max);
    if (!isize || isize > cap || (u[3] & 0x02) || isize / 1032 > len) return 0;
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    if (!d) return 0;
    size_t used = 0, n = 0;
    enum libdeflate_result r = libdeflate_gzip_decompress_ex(d, in, len, dst, isize, &used, &n);
    libdeflate_free_decompressor(d);
    if (r != LIBDEFLATE_SUCCESS || used > len || cd_cli_is_gzip(in + used, len - used)) return 0;
    return n;
}

/* The decoder: into *buf, grown as needed; or, for head, into a buffer fixed
 * at *cap, whose filling is a success (the page's first *cap bytes). */
static size_t S_gunzip(const char *in, size_t len, size_t max, char **buf, size_t *cap, int head)
{
    if (!cd_cli_is_gzip(in, len) || len > max) return 0;
    if (!head) {
        size_t want = S_CHUNK, hint = cd_cli_gunzip_hint(in, len, max);
        if (hint >= want) want = hint + 1;
        if (*cap < want) {
            char *nb = realloc(*buf, want);
            if (!nb) return 0;
            *buf = nb;
            *cap = want;
        }
        size_t w = S_whole(in, len, max, *buf, *cap);
        if (w) return cd_cli_is_gzip(*buf, w) ? 0 : w;
    }
    size_t n = 0;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return 0;
    int ok = 0;
    size_t used = 0;
    for (;;) {
        if (z.avail_in == 0 && used < len) {
            size_t k = len - used;
            z.next_in = (const Bytef *)in + used;
            z.avail_in = k > UINT_MAX ? UINT_MAX : (uInt)k;
            used += z.avail_in;
        }
        if (n == *cap) {
            if (head) {
                ok = 1;
                break;
            }
            /* Full past max: the library's error. */
            if (*cap > max) break;
            size_t ncap = *cap * 2 > max + 1 ? max + 1 : *cap * 2;
            char *nb = realloc(*buf, ncap);
            if (!nb) break;
            *buf = nb;
            *cap = ncap;
        }
        size_t room = *cap - n;
        if (room > UINT_MAX) room = UINT_MAX;
        z.next_out = (Bytef *)*buf + n;
        z.avail_out = (uInt)room;
        int zr = inflate(&z, Z_NO_FLUSH);
        n += room - z.avail_out;
        if (n > max) break;
        if (zr == Z_STREAM_END) {
            size_t left = z.avail_in + (len - used);
            const char *next = in + (len - left);
            if (!cd_cli_is_gzip(next, left)) {
                ok = 1; /* the end, or trailing bytes the library ignores too */
                break;
            }
            inflateReset(&z);
            continue;
        }
        if (zr == Z_OK) continue;
        if (zr == Z_BUF_ERROR && z.avail_in == 0 && used < len) continue;
        if (zr == Z_BUF_ERROR && z.avail_out == 0) continue; /* full: grow or stop above */
        break; /* truncated, corrupt, out of memory */
    }
    inflateEnd(&z);
    if (!ok || n == 0 || cd_cli_is_gzip(*buf, n)) return 0;
    return n;
}

size_t cd_cli_gunzip(const char *in, size_t len, size_t max, char **buf, size_t *cap)
{
    return S_gunzip(in, len, max, buf, cap, 0);
}

size_t cd_cli_gunzip_head(const char *in, size_t len, size_t max, char *dst, size_t cap)
{
    size_t n = S_gunzip(in, len, max, &dst, &cap, 1);
    return n == cap ? n : 0;
}

struct cd_cli_head {
    z_stream z;
    int live; /* z initialised (its window is kept from page to page) */
    int done; /* no more bytes: the page ended or failed */
    int partial, starved; /* the input is the file's start; it ran out */
    int at_end;           /* starved at a member's end */
    const char *in;
    size_t len, used;
    char *buf;
    size_t cap, n;
    /* zlib computes no CRC of the member being read (novalid), whose
     * output starts at buf + member: a start is read for its first bytes,
     * most pages end far beyond it, and a member that ends inside it is
     * checked here as zlib would (S_trailer_ok). */
    int novalid;
    size_t member;
};

/* Before a member whose header starts at g[0..len): leave zlib's check to
 * this file unless the header has its own CRC (FHCRC, which zlib checks
 * with the same switch) or is too short to tell. */
static void S_validate(cd_cli_head *h, const char *g, size_t len)
{
    h->novalid = len >= 4 && !((unsigned char)g[3] & 0x02);
    h->member = h->n;
    inflateValidate(&h->z, !h->novalid);
}

/* A member read without zlib's check ended: its trailer (the 8 bytes zlib
 * just consumed) against the CRC-32 and size of its output, as zlib checks
 * them. */
static int S_trailer_ok(const cd_cli_head *h)
{
    if (!h->novalid) return 1;
    size_t at = (size_t)((const char *)h->z.next_in - h->in);
    if (at < 8 || at > h->len) return 0;
    const unsigned char *t = (const unsigned char *)h->in + at - 8;
    uint32_t crc = (uint32_t)t[0] | (uint32_t)t[1] << 8 | (uint32_t)t[2] << 16 | (uint32_t)t[3] << 24;
    uint32_t isize = (uint32_t)t[4] | (uint32_t)t[5] << 8 | (uint32_t)t[6] << 16 | (uint32_t)t[7] << 24;
    size_t n = h->n - h->member;
    return (uint32_t)crc32_z(0, (const Bytef *)h->buf + h->member, n) == crc && (uint32_t)n == isize;
}

cd_cli_head *cd_cli_head_new(size_t cap)
{
    cd_cli_head *h = calloc(1, sizeof *h);
    if (!h) return NULL;
    h->buf = malloc(cap ? cap : 1);
    if (!h->buf) {
        free(h);
        return NULL;
    }
    h->cap = cap;
    return h;
}

void cd_cli_head_free(cd_cli_head *h)
{
    if (!h) return;
    if (h->live) inflateEnd(&h->z);
    free(h->buf);
    free(h);
}

void cd_cli_head_start(cd_cli_head *h, const char *in, size_t len, int partial)
{
    h->in = in;
    h->len = len;
    h->used = 0;
    h->n = 0;
    h->partial = partial;
    h->starved = h->at_end = 0;
    if (partial && len < 2) {
        h->starved = h->done = 1; /* too short to tell: cd_cli_head_more starts again */
        return;
    }
    h->done = !cd_cli_is_gzip(in, len);
    if (h->done) return;
    if (h->live) {
        h->done = inflateReset(&h->z) != Z_OK;
    } else {
        memset(&h->z, 0, sizeof h->z);
        h->live = inflateInit2(&h->z, 16 + MAX_WBITS) == Z_OK;
        h->done = !h->live;
    }
    if (!h->done) S_validate(h, in, len);
    h->z.avail_in = 0;
}

const char *cd_cli_head_get(cd_cli_head *h, size_t want)
{
    if (want > h->cap) return NULL;
    /* The same loop as S_gunzip's, stopped at want bytes. */
    while (h->n < want && !h->done) {
        z_stream *z = &h->z;
        if (z->avail_in == 0 && h->used < h->len) {
            size_t k = h->len - h->used;
            z->next_in = (const Bytef *)h->in + h->used;
            z->avail_in = k > UINT_MAX ? UINT_MAX : (uInt)k;
            h->used += z->avail_in;
        }
        size_t room = want - h->n;
        if (room > UINT_MAX) room = UINT_MAX;
        z->next_out = (Bytef *)h->buf + h->n;
        z->avail_out = (uInt)room;
        int zr = inflate(z, Z_NO_FLUSH);
        h->n += room - z->avail_out;
        if (zr == Z_STREAM_END) {
            if (!S_trailer_ok(h)) {
                h->done = 1; /* as zlib's Z_DATA_ERROR */
                h->n = 0;
                break;
            }
            size_t left = z->avail_in + (h->len - h->used);
            const char *next = h->in + (h->len - left);
            if (h->partial && left < 2) {
                h->starved = h->at_end = 1; /* another member may follow */
                h->done = 1;
                break;
            }
            if (!cd_cli_is_gzip(next, left)) {
                h->done = 1; /* the page's end */
                break;
            }
            if (inflateReset(z) != Z_OK)
                h->done = 1;
            else
                S_validate(h, next, left);
            continue;
        }
        if (zr == Z_OK) continue;
        if (zr == Z_BUF_ERROR && z->avail_in == 0 && h->used < h->len) continue;
        if (zr == Z_BUF_ERROR && z->avail_out == 0) continue;
        if (zr == Z_BUF_ERROR && z->avail_in == 0 && h->partial) {
            h->starved = 1; /* the rest of the file is needed */
            h->done = 1;
            break;
        }
        h->done = 1; /* truncated, corrupt, out of memory */
        h->n = 0;
    }
    if (h->n < want || cd_cli_is_gzip(h->buf, h->n)) return NULL;
    return h->buf;
}

int cd_cli_head_starved(const cd_cli_head *h)
{
    return h->starved;
}

void cd_cli_head_more(cd_cli_head *h, const char *in, size_t len)
{
    if (h->starved && h->partial && h->len < 2) {
        cd_cli_head_start(h, in, len, 0); /* the start was too short to begin */
        return;
    }
    int starved = h->starved, at_end = h->at_end;
    size_t taken = h->used - h->z.avail_in; /* what zlib consumed of the start */
    h->in = in;
    h->len = len;
    h->partial = 0;
    h->starved = h->at_end = 0;
    if (!starved || taken > len)
        return;
    h->used = taken;
    h->z.avail_in = 0; /* refilled from in + used */
    h->done = 0;
    if (at_end) {
        if (!cd_cli_is_gzip(in + taken, len - taken) || inflateReset(&h->z) != Z_OK)
            h->done = 1; /* the page's end */
        else
            S_validate(h, in + taken, len - taken);
    }
}
