/* input/warc: a streaming WARC / ARC reader; see warc.h.
 *
 * Stage: input, before decode. Formats: ISO 28500 (WARC/1.0, WARC/1.1; the
 * IIPC "WARC 1.1" text), the Internet Archive ARC v1/v2 file format, HTTP/1.1
 * message framing (RFC 9112 §7.1 chunked coding), RFC 1952 gzip members and
 * WHATWG MIME Sniffing §7.1 for records without a Content-Type.
 *
 * Three layers, bottom up:
 *  1. raw bytes from the callback, inflated member by member when the file is
 *     gzip; a fill never crosses a member end, so the window holds data from
 *     few members and each record start maps back to the member it began in;
 *  2. a window over the decompressed stream (CD_WARC_WINDOW bytes) that the
 *     record parser reads lines and blocks from;
 *  3. the record parser: header block, Content-Length, HTTP header, payload.
 * Anything wrong turns into an error record and a resync: skip to the next
 * "WARC/1." at a line start (an ARC header line), or, after a corrupt gzip
 * member, to the next gzip magic in the raw input. */
#include <limits.h>
#include <string.h>
#define ZLIB_CONST
#include <zlib.h>

#include "../util/ctype.h"
#include "../util/limits.h"
#include "input.h"
#include "warc.h"

/* Member starts remembered inside the window (fills stop at member ends, so a
 * handful is enough; when full, the oldest is dropped and offsets of records in
 * it fall back to stream offsets). */
#define S_MAX_MEMBERS 64
/* Inflate calls remembered for S_rec_raw_start (a window holds a few). */
#define S_FILL_MARKS 16
/* Bytes the HTML sniffer looks at (WHATWG: the resource header, 1445 bytes). */
#define S_SNIFF_BYTES 1445

static const char S_CORRUPT[] = "corrupt gzip member";
static const char S_TRUNC[] = "truncated gzip member";
static const char S_CUT[] = "gzip member cut short";
static const char S_INFLATED[] = "inflates past the inflation limit";
/* Compressed bytes inflated for one candidate check (S_trial): a member's
 * header and first deflate block header fit well within it. */
#define S_TRIAL_IN ((size_t)4096)
/* Candidate checks may inflate this much plus 4 bytes per raw byte read;
 * past it a gzip magic with a plausible header is taken on trust. */
#define S_TRIAL_BUDGET ((uint64_t)1 << 20)
/* Bytes a resync may read a second time (going back to a member inside a
 * damaged one, or to the block of a record whose Content-Length lied): this
 * plus one per raw byte read, so damage at most doubles the work. */
#define S_REREAD_BUDGET ((uint64_t)1 << 20)

struct cd_warc {
    const cd_mem *mem;
    cd_warc_read_fn read;
    void *ctx;
    size_t max_payload;
    unsigned inflate_ratio; /* the inflation limit (cd_warc_set_inflate) */
    size_t inflate_floor;

    /* raw input */
    unsigned char *raw;
    size_t raw_pos, raw_end, raw_cap;
    uint64_t raw_total; /* bytes obtained from the callback (and prefix) */
    int raw_eof;

    /* gzip */
    int gz;
    int z_ready;
    int in_member;
    uint64_t member_c; /* raw offset of the current member */
    z_stream z;

    /* decompressed window */
    unsigned char *win;
    size_t pos, end;
    uint64_t ubase; /* stream offset of win[0] */
    int eof;        /* fill returns nothing more (end, or gz_why set) */
    const char *gz_why;
    uint64_t gz_off;

    /* Resync after a damaged member (see S_gz_resync): the failed record's
     * member (sus: its start sus_c), the forward-only search pointer scan_c
     * (raw offset), the member start found inside the damaged one (cut_c, 0 =
     * none), and a second inflate stream for candidate checks. */
    int sus;
    uint64_t sus_c, scan_c, cut_c;
    int rec_in_member; /* a record started inside a member: not per-record gzip */
    uint64_t blk;      /* stream offset of the current record's block */
    int blk_set;
    uint64_t reread; /* bytes read again by resyncs (S_REREAD_BUDGET) */
    z_stream zt;
    int zt_ready;
    uint64_t trial_spent;

    struct {
        uint64_t u, c;
    } mb[S_MAX_MEMBERS];
    size_t nmb;
    /* The last inflate calls (gzip): the stream offset each began to write
     * at and the raw offset it began to read at, so that a record starting
     * inside a member maps to the raw bytes after which it was inflated
     * (the inflation limit, S_rec_raw_start). */
    struct {
        uint64_t u, c;
    } fills[S_FILL_MARKS];
    size_t nfills;

    cd_warc_format fmt;
    int fmt_known;
    int arc_v2;
    int resync; /* the last record was broken: skip to the next record start */
    cd_buf tmp;
};

/* ---- raw input ---------------------------------------------------------- */

static size_t S_raw_more(cd_warc *r)
{
    if (r->raw_eof) return 0;
    if (r->raw_pos > 0) {
        /* Look-back (gzip): while inside a member, its start stays in the
         * buffer, and after a failed record the search pointer does, as long
         * as at most CD_WARC_LOOKBACK bytes are kept: a member cut short is
         * inflated on into the members after it, and S_gz_resync then
         * searches again from just after its start. */
        size_t from = r->raw_pos;
        uint64_t base = r->raw_total - r->raw_end;
        uint64_t keep = UINT64_MAX;
        if (r->gz && r->in_member) keep = r->member_c;
        if (r->gz && r->sus && r->scan_c < keep) keep = r->scan_c;
        if (!r->gz && r->blk_set) keep = r->blk - 1; /* the stream is the raw input */
        if (keep != UINT64_MAX) {
            if (keep < base) keep = base;
            if (keep - base < from) {
                size_t k = (size_t)(keep - base);
                if (r->raw_end - k <= CD_WARC_LOOKBACK)
                    from = k;
                else if (r->sus && r->raw_end - from < CD_WARC_LOOKBACK)
                    from = r->raw_end - CD_WARC_LOOKBACK;
            }
        }
        /* The buffer starts at CD_WARC_READ_CHUNK and grows to twice the
         * look-back only when bytes are kept: kept bytes use at most half of
         * it, so a read always has room. */
        if (r->raw_end - from > r->raw_cap / 2 && r->raw_cap < 2 * CD_WARC_LOOKBACK) {
            unsigned char *nr = r->mem->realloc(r->raw, 2 * CD_WARC_LOOKBACK);
            if (nr) {
                r->raw = nr;
                r->raw_cap = 2 * CD_WARC_LOOKBACK;
            }
        }
        if (r->raw_end - from > r->raw_cap / 2 && from < r->raw_pos)
            from =
                r->raw_end - r->raw_cap / 2 < r->raw_pos ? r->raw_end - r->raw_cap / 2 : r->raw_pos;
        memmove(r->raw, r->raw + from, r->raw_end - from);
        r->raw_end -= from;
        r->raw_pos -= from;
    }
    if (r->raw_end == r->raw_cap) return 0;
    int err = 0;
    size_t n = r->read(r->ctx, r->raw + r->raw_end, r->raw_cap - r->raw_end, &err);
    if (n > r->raw_cap - r->raw_end) n = r->raw_cap - r->raw_end;
    if (n == 0 || err) r->raw_eof = 1;
    r->raw_end += n;
    r->raw_total += n;
    return n;
}

static uint64_t S_raw_off(const cd_warc *r)
{
    return r->raw_total - (r->raw_end - r->raw_pos);
}

uint64_t cd_warc_raw_offset(const cd_warc *r)
{
    return r ? S_raw_off(r) : 0;
}

static int S_starts(const unsigned char *p, size_t n, const char *lit);

static int S_is_magic(const unsigned char *p)
{
    return p[0] == 0x1F && p[1] == 0x8B && p[2] == 0x08;
}

/* Does a gzip member start at raw[at]? The magic, a plausible header (RFC
 * 1952: no reserved flag, XFL 0, 2 or 4, a known OS) and, within the trial
 * budget, its first inflated bytes begin a record ("WARC/1.", an ARC header
 * line). 1 yes, 0 no, -1 more raw bytes are needed to say. */
static int S_trial(cd_warc *r, size_t at)
{
    size_t have = r->raw_end - at;
    const unsigned char *p = r->raw + at;
    if (have < 10) return r->raw_eof ? 0 : -1;
    if (!S_is_magic(p)) return 0;
    if ((p[3] & 0xE0) || (p[8] != 0 && p[8] != 2 && p[8] != 4) || (p[9] > 13 && p[9] != 255))
        return 0;
    if (r->trial_spent > S_TRIAL_BUDGET + 4 * r->raw_total) return 1;
    if (!r->zt_ready) {
        memset(&r->zt, 0, sizeof r->zt);
        if (inflateInit2(&r->zt, 16 + MAX_WBITS) != Z_OK) return 1;
        r->zt_ready = 1;
    } else if (inflateReset2(&r->zt, 16 + MAX_WBITS) != Z_OK) {
        return 1;
    }
    unsigned char out[16];
    size_t in = have < S_TRIAL_IN ? have : S_TRIAL_IN;
    r->zt.next_in = p;
    r->zt.avail_in = (uInt)in;
    r->zt.next_out = out;
    r->zt.avail_out = sizeof out;
    int zr = Z_OK;
    while (zr == Z_OK && r->zt.avail_out > 0 && r->zt.avail_in > 0)
        zr = inflate(&r->zt, Z_SYNC_FLUSH);
    size_t got = sizeof out - r->zt.avail_out;
    r->trial_spent += in - r->zt.avail_in + 64;
    if (got < sizeof out && zr != Z_STREAM_END && zr != Z_DATA_ERROR && zr != Z_NEED_DICT &&
        r->zt.avail_in == 0 && in < S_TRIAL_IN && !r->raw_eof)
        return -1;
    if (r->fmt == CD_WARC_FMT_ARC) {
        /* "filedesc://", "http://...", "dns:...": a scheme, then ':'. */
        size_t i = 0;
        while (i < got && cd_isalpha(out[i]))
            i++;
        return i > 0 && i < got && out[i] == ':';
    }
    return S_starts(out, got, "WARC/1.");
}

/* Search raw offsets [scan_c, upto) for a member start (S_trial); its raw
 * offset, 0 when there is none, UINT64_MAX when more bytes are needed to say
 * (scan_c then stops at the candidate). scan_c only moves forward. */
static uint64_t S_find_member(cd_warc *r, uint64_t upto)
{
    uint64_t base = r->raw_total - r->raw_end;
    if (r->scan_c < base) r->scan_c = base;
    if (upto > base + r->raw_end) upto = base + r->raw_end;
    while (r->scan_c < upto) {
        size_t from = (size_t)(r->scan_c - base);
        const unsigned char *q = memchr(r->raw + from, 0x1F, (size_t)(upto - r->scan_c));
        if (!q) {
            r->scan_c = upto;
            return 0;
        }
        size_t at = (size_t)(q - r->raw);
        r->scan_c = base + at;
        int t = S_trial(r, at);
        if (t < 0) return UINT64_MAX;
        if (t > 0) return base + at;
        r->scan_c++;
    }
    return 0;
}

/* ---- the decompressed window -------------------------------------------- */

static void S_compact(cd_warc *r)
{
    size_t from = r->pos;
    /* The current record's block start stays while it is at most a quarter
     * of the window behind (S_rewind; readers ask for at most
     * CD_WARC_MAX_HEADER + 1 bytes ahead, so the rest is room enough). */
    if (r->blk_set && r->blk - 1 >= r->ubase && r->blk - 1 - r->ubase < from &&
        from - (r->blk - 1 - r->ubase) <= CD_WARC_WINDOW / 4)
        from = (size_t)(r->blk - 1 - r->ubase);
    if (from == 0) return;
    memmove(r->win, r->win + from, r->end - from);
    r->ubase += from;
    r->end -= from;
    r->pos -= from;
}

static void S_gz_break(cd_warc *r, const char *why, uint64_t off)
{
    r->gz_why = why;
    r->gz_off = off;
    r->eof = 1;
    r->in_member = 0;
}

/* Add bytes to the window; the count, 0 at the end or on a gzip problem
 * (r->gz_why then says which, r->gz_off where). */
static size_t S_fill(cd_warc *r)
{
    if (r->eof) return 0;
    if (r->pos > 0 && (r->end == CD_WARC_WINDOW || r->pos >= CD_WARC_WINDOW / 2)) S_compact(r);
    if (r->end == CD_WARC_WINDOW) return 0;
    if (!r->gz) {
        if (r->raw_pos == r->raw_end && S_raw_more(r) == 0 && r->raw_pos == r->raw_end) {
            r->eof = 1;
            return 0;
        }
        size_t n = r->raw_end - r->raw_pos;
        if (n > CD_WARC_WINDOW - r->end) n = CD_WARC_WINDOW - r->end;
        memcpy(r->win + r->end, r->raw + r->raw_pos, n);
        r->raw_pos += n;
        r->end += n;
        return n;
    }
    for (;;) {
        if (!r->in_member) {
            while (r->raw_end - r->raw_pos < 3 && S_raw_more(r) > 0) {
            }
            size_t have = r->raw_end - r->raw_pos;
            if (have == 0) {
                r->eof = 1;
                return 0;
            }
            if (have < 3 || !S_is_magic(r->raw + r->raw_pos)) {
                S_gz_break(r, "garbage after a gzip member", S_raw_off(r));
                return 0;
            }
            r->member_c = S_raw_off(r);
            if (inflateReset2(&r->z, 16 + MAX_WBITS) != Z_OK) {
                S_gz_break(r, S_CORRUPT, r->member_c);
                return 0;
            }
            r->in_member = 1;
            if (r->nmb == S_MAX_MEMBERS) {
                memmove(r->mb, r->mb + 1, sizeof r->mb[0] * (S_MAX_MEMBERS - 1));
                r->nmb--;
            }
            r->mb[r->nmb].u = r->ubase + r->end;
            r->mb[r->nmb].c = r->member_c;
            r->nmb++;
        }
        if (r->raw_pos == r->raw_end && S_raw_more(r) == 0) {
            S_gz_break(r, S_TRUNC, r->member_c);
            return 0;
        }
        if (r->nfills == S_FILL_MARKS) {
            memmove(r->fills, r->fills + 1, sizeof r->fills[0] * (S_FILL_MARKS - 1));
            r->nfills--;
        }
        r->fills[r->nfills].u = r->ubase + r->end;
        r->fills[r->nfills].c = S_raw_off(r);
        r->nfills++;
        size_t in = r->raw_end - r->raw_pos;
        r->z.next_in = r->raw + r->raw_pos;
        r->z.avail_in = in > UINT_MAX ? UINT_MAX : (uInt)in;
        size_t room = CD_WARC_WINDOW - r->end;
        r->z.next_out = r->win + r->end;
        r->z.avail_out = room > UINT_MAX ? UINT_MAX : (uInt)room;
        uInt out0 = r->z.avail_out;
        int zr = inflate(&r->z, Z_NO_FLUSH);
        size_t made = out0 - r->z.avail_out;
        r->raw_pos = (size_t)(r->z.next_in - r->raw);
        r->end += made;
        if (zr == Z_STREAM_END) {
            r->in_member = 0;
            if (r->sus && r->member_c == r->sus_c) r->sus = 0; /* it was whole */
            if (made) return made;
            continue;
        }
        if (zr == Z_OK || zr == Z_BUF_ERROR) {
            if (r->sus && r->member_c == r->sus_c) {
                /* A record of this member failed: a member start among the
                 * compressed bytes inflate has read as this member's means
                 * this one was cut short and the rest is garbage. */
                uint64_t c = S_find_member(r, S_raw_off(r));
                if (c != 0 && c != UINT64_MAX) {
                    r->cut_c = c;
                    r->sus = 0;
                    S_gz_break(r, S_CUT, r->member_c);
                    return made;
                }
            }
            if (made) return made;
            continue; /* it wants more input */
        }
        S_gz_break(r, zr == Z_MEM_ERROR ? "out of memory" : S_CORRUPT, r->member_c);
        return made;
    }
}

static size_t S_avail(const cd_warc *r)
{
    return r->end - r->pos;
}

/* Make at least n bytes available (n <= the window); 1 if they are. */
static int S_need(cd_warc *r, size_t n)
{
    while (S_avail(r) < n) {
        if (r->pos > 0 && CD_WARC_WINDOW - r->pos < n) S_compact(r);
        if (S_fill(r) == 0 && S_avail(r) < n) return 0;
    }
    return 1;
}

/* The offset of stream position u: the member it starts, else u itself. */
static uint64_t S_offset_of(cd_warc *r, uint64_t u, int *in_stream)
{
    *in_stream = 0;
    if (!r->gz) return u;
    size_t k = r->nmb;
    while (k > 0 && r->mb[k - 1].u > u)
        k--;
    if (k > 0) {
        /* Older member starts can no longer be asked for. */
        if (k > 1) {
            memmove(r->mb, r->mb + (k - 1), sizeof r->mb[0] * (r->nmb - (k - 1)));
            r->nmb -= k - 1;
            k = 1;
        }
        if (r->mb[k - 1].u == u) return r->mb[k - 1].c;
    }
    *in_stream = 1;
    return u;
}

/* A line of at most max bytes (with its '\n'); its length, 0 at the end of
 * the input, SIZE_MAX when longer than max (nothing consumed). The line is at
 * win[pos..pos+len) and is not consumed. A last line without '\n' counts. */
static size_t S_line(cd_warc *r, size_t max)
{
    size_t from = 0;
    for (;;) {
        size_t av = S_avail(r);
        const unsigned char *nl =
            av > from ? memchr(r->win + r->pos + from, '\n', av - from) : NULL;
        if (nl) {
            size_t len = (size_t)(nl - (r->win + r->pos)) + 1;
            return len > max ? SIZE_MAX : len;
        }
        if (av > max) return SIZE_MAX;
        from = av;
        if (!S_need(r, av + 1)) return S_avail(r);
    }
}

/* Consume n bytes; 1 if they were all there. */
static int S_skip(cd_warc *r, uint64_t n)
{
    while (n > 0) {
        if (S_avail(r) == 0 && !S_need(r, 1)) return 0;
        size_t k = S_avail(r);
        if (k > n) k = (size_t)n;
        r->pos += k;
        n -= k;
    }
    return 1;
}

/* The raw offset after which the stream byte at u was inflated (gzip): the
 * start of the last inflate call that began writing at or before u (an
 * early bound: it may count a little of the bytes before u), else the raw
 * offset now. */
static uint64_t S_rec_raw_start(const cd_warc *r, uint64_t u)
{
    for (size_t k = r->nfills; k-- > 0;)
        if (r->fills[k].u <= u) return r->fills[k].c;
    return S_raw_off(r);
}

/* Take n bytes into b: 1, or 0 when the input ends (or memory runs out).
 * c0: UINT64_MAX, or the raw offset where the record began in a gzip archive:
 * -1 as soon as b holds more than the inflation limit allows the compressed
 * bytes read since c0 (an overestimate of the record's own: the window is
 * filled ahead), the bytes not taken left in *left. */
static int S_take(cd_warc *r, size_t n, cd_buf *b, uint64_t c0, size_t *left)
{
    if (!cd_buf_reserve(b, n)) return 0;
    while (n > 0) {
        if (S_avail(r) == 0 && !S_need(r, 1)) return 0;
        size_t k = S_avail(r);
        if (k > n) k = n;
        cd_buf_put(b, (const char *)r->win + r->pos, k);
        r->pos += k;
        n -= k;
        if (c0 != UINT64_MAX && b->len > r->inflate_floor && r->inflate_ratio) {
            uint64_t c = S_raw_off(r) - c0;
            size_t c_sz = c > SIZE_MAX ? SIZE_MAX : (size_t)c;
            if (b->len > cd_input_inflate_max(c_sz, r->inflate_ratio, r->inflate_floor, SIZE_MAX)) {
                *left = n;
                return -1;
            }
        }
    }
    return 1;
}

static void S_skip_newlines(cd_warc *r)
{
    for (;;) {
        if (S_avail(r) == 0 && !S_need(r, 1)) return;
        unsigned char c = r->win[r->pos];
        if (c != '\r' && c != '\n') return;
        r->pos++;
    }
}

/* After a damaged gzip member: forget the window, find the next member.
 * The search starts at the member found inside the damaged one (cut_c), else
 * just after the damaged member's start when inflate failed inside it (a
 * member cut short is inflated on into the next ones before inflate notices:
 * those are still in the look-back), else after where inflate stopped; never
 * before scan_c, which only moves forward. A candidate must pass S_trial. */
static void S_gz_resync(cd_warc *r)
{
    uint64_t base = r->raw_total - r->raw_end;
    uint64_t from;
    if (r->cut_c)
        from = r->cut_c;
    else if (r->gz_why == S_CORRUPT || r->gz_why == S_TRUNC)
        from = r->member_c + 1;
    else
        from = S_raw_off(r) + (r->raw_pos < r->raw_end ? 1 : 0);
    if (from < base) from = base;
    uint64_t now = S_raw_off(r);
    if (from < now) {
        if (r->reread + (now - from) > S_REREAD_BUDGET + r->raw_total) {
            from = now;
            r->scan_c = now;
        } else {
            r->reread += now - from;
        }
    }
    if (r->scan_c < from) r->scan_c = from;
    r->cut_c = 0;
    r->sus = 0;
    r->pos = r->end;
    r->gz_why = NULL;
    r->eof = 0;
    r->in_member = 0;
    for (;;) {
        base = r->raw_total - r->raw_end;
        uint64_t c = S_find_member(r, base + r->raw_end);
        if (c != 0 && c != UINT64_MAX) {
            r->raw_pos = (size_t)(c - base);
            r->scan_c = c + 1;
            return;
        }
        r->raw_pos = (size_t)(r->scan_c - base);
        if (r->raw_eof || S_raw_more(r) == 0) {
            if (!r->raw_eof || c != UINT64_MAX) {
                r->raw_pos = r->raw_end;
                r->eof = 1;
                return;
            }
        }
    }
}

/* ---- small parsers -------------------------------------------------------- */

static int S_starts(const unsigned char *p, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && memcmp(p, lit, k) == 0;
}

static void S_trim(const char **s, size_t *n)
{
    while (*n && cd_isspace((unsigned char)**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && cd_isspace((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

/* Decimal digits only, no overflow; -1 when not a length. */
static int S_parse_len(const char *s, size_t n, uint64_t *out)
{
    S_trim(&s, &n);
    if (n == 0 || n > 19) return -1;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!cd_isdigit((unsigned char)s[i])) return -1;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    *out = v;
    return 0;
}

/* "text/html; charset=UTF-8" -> media type and charset (both trimmed; the
 * charset without quotes). */
static void S_ctype(const char *s, size_t n, const char **mt, size_t *mtn, const char **cs,
                    size_t *csn)
{
    const char *semi = memchr(s, ';', n);
    *mt = s;
    *mtn = semi ? (size_t)(semi - s) : n;
    S_trim(mt, mtn);
    *cs = NULL;
    *csn = 0;
    while (semi) {
        const char *p = semi + 1;
        size_t left = n - (size_t)(p - s);
        semi = memchr(p, ';', left);
        size_t pn = semi ? (size_t)(semi - p) : left;
        S_trim(&p, &pn);
        if (pn > 8 && cd_eq_nocase(p, 8, "charset=")) {
            const char *v = p + 8;
            size_t vn = pn - 8;
            S_trim(&v, &vn);
            if (vn >= 2 && (v[0] == '"' || v[0] == '\'') && v[vn - 1] == v[0]) {
                v++;
                vn -= 2;
            }
            *cs = v;
            *csn = vn;
        }
    }
}

static int S_is_html_type(const char *mt, size_t n)
{
    return cd_eq_nocase(mt, n, "text/html") || cd_eq_nocase(mt, n, "application/xhtml+xml");
}

/* Types that say "unknown": WHATWG sniffs those as if there were none. */
static int S_is_unknown_type(const char *mt, size_t n)
{
    return n == 0 || cd_eq_nocase(mt, n, "unknown/unknown") ||
           cd_eq_nocase(mt, n, "application/unknown") || cd_eq_nocase(mt, n, "*/*") ||
           cd_eq_nocase(mt, n, "no-type");
}

/* WHATWG MIME Sniffing §7.1 "identifying an unknown MIME type", HTML rows:
 * after leading whitespace, one of the tags followed by a space or '>'. */
static int S_sniff_html(const unsigned char *p, size_t n)
{
    static const char *const tags[] = {
        "<!DOCTYPE HTML", "<HTML", "<HEAD",  "<SCRIPT", "<IFRAME", "<H1",   "<DIV", "<FONT",
        "<TABLE",         "<A",    "<STYLE", "<TITLE",  "<B",      "<BODY", "<BR",  "<P",
        "<!--",           NULL};
    if (n > S_SNIFF_BYTES) n = S_SNIFF_BYTES;
    size_t i = 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r' || p[i] == '\f'))
        i++;
    for (int t = 0; tags[t]; t++) {
        size_t k = strlen(tags[t]);
        if (n - i <= k) continue;
        if (!cd_eq_nocase((const char *)p + i, k, tags[t])) continue;
        unsigned char c = p[i + k];
        if (c == ' ' || c == '>') return 1;
    }
    return 0;
}

/* ---- payload decoding ---------------------------------------------------- */

/* De-chunk b in place (RFC 9112 §7.1). 1 = done, 0 = not chunked at all (the
 * first size line is not hex: some crawlers store the body de-chunked but keep
 * the header), -1 = broken chunking. A body that ends right after a complete
 * chunk, without the last-chunk, is accepted (crawlers cut long transfers). */
static int S_dechunk(cd_buf *b)
{
    char *d = b->data;
    size_t n = b->len, p = 0, out = 0;
    int first = 1;
    for (;;) {
        if (p == n) break;
        size_t q = p;
        uint64_t size = 0;
        while (q < n) {
            int c = (unsigned char)d[q], v;
            if (cd_isdigit(c))
                v = c - '0';
            else if (c >= 'a' && c <= 'f')
                v = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                v = c - 'A' + 10;
            else
                break;
            if (size > (UINT64_MAX >> 4)) return -1;
            size = size * 16 + (uint64_t)v;
            q++;
        }
        if (q == p) return first ? 0 : -1;
        const char *nl = memchr(d + q, '\n', n - q);
        if (!nl) return first ? 0 : -1;
        /* Only a chunk extension (or whitespace) may follow the size. */
        if (d + q != nl && d[q] != ';' && d[q] != ' ' && d[q] != '\t' && d[q] != '\r')
            return first ? 0 : -1;
        first = 0;
        p = (size_t)(nl - d) + 1;
        if (size == 0) break; /* trailers follow: ignored */
        if (size > n - p) return -1;
        memmove(d + out, d + p, (size_t)size);
        out += (size_t)size;
        p += (size_t)size;
        if (p < n && d[p] == '\r') p++;
        if (p < n && d[p] == '\n')
            p++;
        else if (p < n)
            return -1;
    }
    cd_buf_truncate(b, out);
    return 1;
}

/* Inflate in[0..len) (zlib or raw deflate by wbits) into out, at most max. */
static copydesk_status S_inflate(const unsigned char *in, size_t len, int wbits, size_t max,
                                 cd_buf *out)
{
    cd_buf_clear(out);
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, wbits) != Z_OK) return COPYDESK_ERR_NOMEM;
    copydesk_status st = COPYDESK_OK;
    z.next_in = in;
    z.avail_in = len > UINT_MAX ? UINT_MAX : (uInt)len;
    for (;;) {
        if (!cd_buf_reserve(out, 64 * 1024)) {
            st = COPYDESK_ERR_NOMEM;
            break;
        }
        size_t room = out->cap - out->len - 1;
        z.next_out = (Bytef *)out->data + out->len;
        z.avail_out = room > UINT_MAX ? UINT_MAX : (uInt)room;
        int zr = inflate(&z, Z_NO_FLUSH);
        out->len += room - z.avail_out;
        out->data[out->len] = '\0';
        if (out->len > max) {
            st = COPYDESK_ERR_TOO_LARGE;
            break;
        }
        if (zr == Z_STREAM_END) break;
        if (zr == Z_OK) continue;
        if (out->len == 0) st = COPYDESK_ERR_GZIP;
        break;
    }
    inflateEnd(&z);
    return st;
}

/* ---- records ------------------------------------------------------------- */

/* A buffer grown past 8 MiB is let go rather than kept for the next record. */
static void S_trim_buf(cd_buf *b)
{
    if (b->cap > 8u * 1024 * 1024)
        cd_buf_free(b);
    else
        cd_buf_clear(b);
}

static void S_rec_clear(cd_warc_record *rec)
{
    rec->inflate_what = NULL;
    rec->inflate_in = rec->inflate_out = 0;
    rec->inflate_ratio = 0;
    rec->inflate_floor = 0;
    rec->kind = CD_WARC_SKIPPED;
    rec->error = NULL;
    rec->offset = 0;
    rec->in_stream = 0;
    rec->arc = 0;
    rec->skip_why = NULL;
    cd_buf_clear(&rec->type);
    cd_buf_clear(&rec->record_id);
    cd_buf_clear(&rec->date);
    cd_buf_clear(&rec->url);
    cd_buf_clear(&rec->charset);
    cd_buf_clear(&rec->payload);
}

void cd_warc_record_init(cd_warc_record *rec, const cd_mem *mem)
{
    if (!mem) mem = cd_mem_default();
    memset(rec, 0, sizeof *rec);
    cd_buf_init(&rec->type, mem);
    cd_buf_init(&rec->record_id, mem);
    cd_buf_init(&rec->date, mem);
    cd_buf_init(&rec->url, mem);
    cd_buf_init(&rec->charset, mem);
    cd_buf_init(&rec->payload, mem);
}

void cd_warc_record_free(cd_warc_record *rec)
{
    cd_buf_free(&rec->type);
    cd_buf_free(&rec->record_id);
    cd_buf_free(&rec->date);
    cd_buf_free(&rec->url);
    cd_buf_free(&rec->charset);
    cd_buf_free(&rec->payload);
}

static void S_set(cd_buf *b, const char *s, size_t n)
{
    cd_buf_clear(b);
    cd_buf_put(b, s, n);
}

/* Go back to stream offset u (behind the read position) when the window or,
 * for an uncompressed input, the raw look-back still has it and the reread
 * budget allows. */
static void S_rewind(cd_warc *r, uint64_t u)
{
    uint64_t now = r->ubase + r->pos;
    if (u >= now || r->reread + (now - u) > S_REREAD_BUDGET + r->raw_total) return;
    if (u >= r->ubase) {
        r->pos = (size_t)(u - r->ubase);
    } else {
        uint64_t base = r->raw_total - r->raw_end;
        if (r->gz || u < base) return;
        r->raw_pos = (size_t)(u - base);
        r->ubase = u;
        r->pos = r->end = 0;
        r->eof = 0;
    }
    r->reread += now - u;
}

static int S_fail(cd_warc *r, cd_warc_record *rec, const char *why)
{
    rec->kind = CD_WARC_ERROR;
    rec->error = why;
    cd_buf_clear(&rec->payload);
    r->resync = 1;
    if (r->blk_set && (!r->gz || r->rec_in_member)) {
        /* The block was read (its Content-Length may lie, too long or too
         * short): search for the next record from its start, where records
         * it swallowed begin. */
        r->blk_set = 0;
        S_rewind(r, r->blk - 1);
        return 1;
    }
    r->blk_set = 0;
    if (r->gz && !rec->in_stream && !r->rec_in_member) {
        /* A record that began a member failed (per-record gzip). */
        if (r->in_member && r->member_c == rec->offset) {
            /* Its member may be cut short: S_fill watches for a member start
             * among the bytes inflate reads as this member's. */
            r->sus = 1;
            r->sus_c = rec->offset;
            if (r->scan_c <= rec->offset) r->scan_c = rec->offset + 1;
            uint64_t c = S_find_member(r, S_raw_off(r));
            if (c != 0 && c != UINT64_MAX) {
                /* Already there: say so, and resume at it. */
                rec->error = S_CUT;
                r->cut_c = c;
                r->sus = 0;
                S_gz_break(r, S_CUT, rec->offset);
                r->pos = r->end;
            }
        } else if (!r->gz_why) {
            /* Its block ran on past its member (a Content-Length too long):
             * go back to the member after it while the look-back has it. */
            uint64_t base = r->raw_total - r->raw_end, next = UINT64_MAX;
            for (size_t k = 0; k < r->nmb; k++)
                if (r->mb[k].c > rec->offset && r->mb[k].c < next) next = r->mb[k].c;
            if (next != UINT64_MAX && next >= base && next >= r->scan_c &&
                next <= base + r->raw_end) {
                r->cut_c = next;
                S_gz_break(r, S_CUT, rec->offset);
                r->pos = r->end;
            }
        }
    }
    return 1;
}

/* The end of the input came too early: why (the gzip layer may know better). */
static const char *S_eof_why(const cd_warc *r, const char *plain)
{
    return r->gz_why ? r->gz_why : plain;
}

/* Everything after the WARC / ARC header: `len` bytes of block. warc_ct is the
 * Content-Type of the block (WARC header, ARC line); http says the block may be
 * an HTTP response. Leaves rec as HTML, SKIPPED or ERROR; consumes the block
 * (0 if the input ended inside it). */
static int S_block(cd_warc *r, cd_warc_record *rec, uint64_t len, const char *warc_ct,
                   size_t warc_ctn, int http)
{
    const char *ct = warc_ct;
    size_t ctn = warc_ctn;
    int chunked = 0;
    enum { ENC_NONE, ENC_GZIP, ENC_DEFLATE, ENC_OTHER } enc = ENC_NONE;
    char hdr_ct[512];

    if (http) {
        size_t want = len < CD_WARC_MAX_HEADER ? (size_t)len : CD_WARC_MAX_HEADER;
        S_need(r, want);
        size_t av = S_avail(r) < want ? S_avail(r) : want;
        const unsigned char *b = r->win + r->pos;
        if (S_starts(b, av, "HTTP/")) {
            /* The header ends at the first empty line. */
            size_t hend = 0, body = 0;
            for (size_t i = 0; i < av; i++) {
                if (b[i] != '\n') continue;
                if (i + 1 < av && b[i + 1] == '\n') {
                    hend = i + 1;
                    body = i + 2;
                    break;
                }
                if (i + 2 < av && b[i + 1] == '\r' && b[i + 2] == '\n') {
                    hend = i + 1;
                    body = i + 3;
                    break;
                }
            }
            if (!body) {
                if (av < want) return S_fail(r, rec, S_eof_why(r, "truncated record"));
                if (len > CD_WARC_MAX_HEADER) return S_fail(r, rec, "HTTP header too long");
                body = av; /* a header without a body (HEAD, 304) */
                hend = av;
            }
            ct = NULL;
            ctn = 0;
            const unsigned char *line = memchr(b, '\n', hend);
            while (line && (size_t)(line - b) + 1 < hend) {
                const char *l = (const char *)line + 1;
                const unsigned char *nx = memchr(l, '\n', hend - (size_t)(l - (const char *)b));
                size_t ln =
                    nx ? (size_t)((const char *)nx - l) : hend - (size_t)(l - (const char *)b);
                const char *colon = memchr(l, ':', ln);
                if (colon) {
                    size_t nn = (size_t)(colon - l);
                    const char *v = colon + 1;
                    size_t vn = ln - nn - 1;
                    S_trim(&v, &vn);
                    if (cd_eq_nocase(l, nn, "content-type")) {
                        if (vn >= sizeof hdr_ct) vn = sizeof hdr_ct - 1;
                        memcpy(hdr_ct, v, vn);
                        hdr_ct[vn] = '\0';
                        ct = hdr_ct;
                        ctn = vn;
                    } else if (cd_eq_nocase(l, nn, "transfer-encoding")) {
                        chunked = cd_contains_nocase(v, vn, "chunked");
                    } else if (cd_eq_nocase(l, nn, "content-encoding")) {
                        if (vn == 0 || cd_eq_nocase(v, vn, "identity"))
                            enc = ENC_NONE;
                        else if (cd_eq_nocase(v, vn, "gzip") || cd_eq_nocase(v, vn, "x-gzip"))
                            enc = ENC_GZIP;
                        else if (cd_eq_nocase(v, vn, "deflate"))
                            enc = ENC_DEFLATE;
                        else
                            enc = ENC_OTHER;
                    }
                }
                line = nx;
            }
            r->pos += body;
            len -= body;
        } else if (av < want) {
            return S_fail(r, rec, S_eof_why(r, "truncated record"));
        }
    }

    const char *mt, *cs;
    size_t mtn, csn;
    S_ctype(ct ? ct : "", ct ? ctn : 0, &mt, &mtn, &cs, &csn);
    int sniff = S_is_unknown_type(mt, mtn);
    if (!sniff && !S_is_html_type(mt, mtn)) {
        rec->skip_why = "not HTML";
        goto skip;
    }
    if (enc == ENC_OTHER) {
        rec->skip_why = "unsupported Content-Encoding";
        goto skip;
    }
    if (len > r->max_payload) {
        if (!S_skip(r, len)) return S_fail(r, rec, S_eof_why(r, "truncated record"));
        return S_fail(r, rec, "record too large");
    }
    /* A record of a gzip archive is held to the inflation limit against the
     * compressed bytes read since it began (its member's start, per-record
     * gzip; else where its block began). */
    uint64_t c0 = UINT64_MAX;
    if (r->gz)
        c0 = !rec->in_stream && rec->offset <= S_raw_off(r) ? rec->offset : S_rec_raw_start(r, r->ubase + r->pos);
    size_t left = 0;
    int took = S_take(r, (size_t)len, &rec->payload, c0, &left);
    if (took < 0) {
        rec->inflate_in = S_raw_off(r) - c0;
        rec->inflate_out = cd_input_inflate_max(rec->inflate_in > SIZE_MAX ? SIZE_MAX : (size_t)rec->inflate_in,
                                                r->inflate_ratio, r->inflate_floor, SIZE_MAX);
        rec->inflate_ratio = r->inflate_ratio;
        rec->inflate_floor = r->inflate_floor;
        rec->inflate_what = "record of a gzip archive";
        S_trim_buf(&rec->payload);
        /* The rest of the block is read through (its bytes are not kept). */
        if (!S_skip(r, left)) return S_fail(r, rec, S_eof_why(r, "truncated record"));
        return S_fail(r, rec, S_INFLATED);
    }
    if (!took) {
        if (rec->payload.failed) return S_fail(r, rec, "out of memory");
        return S_fail(r, rec, S_eof_why(r, "truncated record"));
    }
    if (chunked && S_dechunk(&rec->payload) < 0) return S_fail(r, rec, "bad chunked encoding");
    /* The compressed size every decoding layer of this body is held to: its
     * bytes as the record holds them, and in a gzip archive no more than the
     * raw bytes read since the record began. Layers multiply (a gzip body of
     * a gzip page in a gzip archive): each is held to the first's size, not
     * to the layer before it. */
    size_t base = rec->payload.len;
    if (r->gz && S_raw_off(r) - c0 < base) base = (size_t)(S_raw_off(r) - c0);
    if (enc != ENC_NONE && rec->payload.len > 0) {
        const unsigned char *p = (const unsigned char *)rec->payload.data;
        copydesk_status st;
        /* The inflation limit: a body may decode to max(floor, ratio x its size). */
        size_t max = cd_input_inflate_max(base, r->inflate_ratio, r->inflate_floor, r->max_payload);
        if (enc == ENC_GZIP)
            st = cd_input_is_gzip(p, rec->payload.len) ? cd_input_gunzip(p, rec->payload.len, max, &r->tmp)
                                                       : COPYDESK_ERR_GZIP;
        else {
            st = S_inflate(p, rec->payload.len, MAX_WBITS, max, &r->tmp);
            if (st == COPYDESK_ERR_GZIP) st = S_inflate(p, rec->payload.len, -MAX_WBITS, max, &r->tmp);
        }
        if (st == COPYDESK_ERR_TOO_LARGE && max < r->max_payload) {
            rec->inflate_in = base;
            rec->inflate_out = max;
            rec->inflate_ratio = r->inflate_ratio;
            rec->inflate_floor = r->inflate_floor;
            rec->inflate_what = enc == ENC_GZIP ? "Content-Encoding: gzip body" : "Content-Encoding: deflate body";
            S_trim_buf(&r->tmp); /* the limit's bytes are not kept for the next record */
            return S_fail(r, rec, S_INFLATED);
        }
        if (st == COPYDESK_ERR_TOO_LARGE) return S_fail(r, rec, "record too large");
        if (st == COPYDESK_ERR_NOMEM) return S_fail(r, rec, "out of memory");
        /* A damaged gzip body inside a complete record (a crawler that cut the
         * body at its size limit): what decoded before the damage is used. */
        if (st == COPYDESK_ERR_GZIP && enc == ENC_GZIP && r->tmp.len > 0) st = COPYDESK_OK;
        if (st == COPYDESK_OK) {
            cd_buf t = rec->payload;
            rec->payload = r->tmp;
            r->tmp = t;
        }
        /* Not compressed after all (a crawler that stored the decoded body
         * but kept the header): the body is used as it is. */
    }
    if (rec->payload.failed) return S_fail(r, rec, "out of memory");
    if (rec->payload.len == 0) {
        rec->skip_why = "empty payload";
        cd_buf_clear(&rec->payload);
        return 1;
    }
    if (sniff && !S_sniff_html((const unsigned char *)rec->payload.data, rec->payload.len)) {
        rec->skip_why = "not HTML";
        cd_buf_clear(&rec->payload);
        return 1;
    }
    if (cd_input_is_gzip((const unsigned char *)rec->payload.data, rec->payload.len)) {
        /* A gzip page inside the body (a crawler that stored a gzip file, or
         * a body encoded twice): inflated here, held to the same compressed
         * size as the layers above it (the document would hold it only to
         * the bytes it is given). Damaged: left as it is, for the document to
         * report as before. */
        size_t max = cd_input_inflate_max(base, r->inflate_ratio, r->inflate_floor, r->max_payload);
        copydesk_status st = cd_input_gunzip((const unsigned char *)rec->payload.data, rec->payload.len, max, &r->tmp);
        if (st == COPYDESK_ERR_TOO_LARGE && max < r->max_payload) {
            rec->inflate_in = base;
            rec->inflate_out = max;
            rec->inflate_ratio = r->inflate_ratio;
            rec->inflate_floor = r->inflate_floor;
            rec->inflate_what = "gzip page in a record";
            S_trim_buf(&r->tmp);
            return S_fail(r, rec, S_INFLATED);
        }
        if (st == COPYDESK_ERR_TOO_LARGE) return S_fail(r, rec, "record too large");
        if (st == COPYDESK_OK && r->tmp.len > 0) {
            cd_buf t = rec->payload;
            rec->payload = r->tmp;
            r->tmp = t;
        }
        S_trim_buf(&r->tmp);
    }
    if (csn) S_set(&rec->charset, cs, csn);
    rec->kind = CD_WARC_HTML;
    return 1;
skip:
    if (!S_skip(r, len)) return S_fail(r, rec, S_eof_why(r, "truncated record"));
    return 1;
}

/* Skip to the next "WARC/1." at a line start; 0 at the end of input. */
static int S_scan_warc(cd_warc *r)
{
    static const char pat[] = "\nWARC/1.";
    const size_t k = sizeof pat - 1;
    for (;;) {
        if (!S_need(r, k + 1)) {
            if (r->gz_why) {
                S_gz_resync(r);
                if (r->eof) return 0;
                if (S_need(r, k - 1) && S_starts(r->win + r->pos, S_avail(r), pat + 1)) return 1;
                continue;
            }
            r->pos = r->end;
            return 0;
        }
        const unsigned char *p = r->win + r->pos, *e = r->win + r->end;
        const unsigned char *hit = NULL;
        while (p + k <= e) {
            const unsigned char *nl = memchr(p, '\n', (size_t)(e - p));
            if (!nl || nl + k > e) break;
            if (memcmp(nl, pat, k) == 0) {
                hit = nl;
                break;
            }
            p = nl + 1;
        }
        if (hit) {
            r->pos = (size_t)(hit - r->win) + 1;
            return 1;
        }
        /* Keep a possible partial match at the end. */
        size_t keep = k - 1;
        if (S_avail(r) > keep) r->pos = r->end - keep;
        if (S_fill(r) == 0 && !r->gz_why) {
            r->pos = r->end;
            return 0;
        }
    }
}

static int S_warc_record(cd_warc *r, cd_warc_record *rec)
{
    if (r->resync) {
        r->resync = 0;
        if (!S_scan_warc(r)) return 0;
    }
    S_skip_newlines(r);
    if (S_avail(r) == 0) {
        if (r->gz_why) {
            rec->offset = r->gz_off;
            S_fail(r, rec, r->gz_why);
            S_gz_resync(r);
            r->resync = 0;
            if (!r->eof && S_need(r, 7) && !S_starts(r->win + r->pos, S_avail(r), "WARC/1."))
                r->resync = 1;
            return 1;
        }
        return 0;
    }
    rec->offset = S_offset_of(r, r->ubase + r->pos, &rec->in_stream);
    if (rec->in_stream) r->rec_in_member = 1;
    size_t n = S_line(r, CD_WARC_MAX_HEADER);
    if (n == SIZE_MAX || !S_starts(r->win + r->pos, n, "WARC/1."))
        return S_fail(r, rec, "not a WARC record header");
    r->pos += n;
    size_t total = n;
    uint64_t clen = 0;
    int have_len = 0, bad_len = 0;
    char ct[512];
    size_t ctn = 0;
    cd_buf *last = NULL;
    for (;;) {
        n = S_line(r, CD_WARC_MAX_HEADER);
        if (n == 0 || (n != SIZE_MAX && r->win[r->pos + n - 1] != '\n'))
            return S_fail(r, rec, S_eof_why(r, "truncated record header"));
        if (n == SIZE_MAX || (total += n) > CD_WARC_MAX_HEADER)
            return S_fail(r, rec, "record header too long");
        const char *l = (const char *)r->win + r->pos;
        size_t ln = n;
        r->pos += n;
        while (ln && (l[ln - 1] == '\n' || l[ln - 1] == '\r'))
            ln--;
        if (ln == 0) break;
        if (l[0] == ' ' || l[0] == '\t') {
            /* A folded continuation of the previous field. */
            if (last) {
                S_trim(&l, &ln);
                cd_buf_putc(last, ' ');
                cd_buf_put(last, l, ln);
            }
            continue;
        }
        last = NULL;
        const char *colon = memchr(l, ':', ln);
        if (!colon) continue;
        size_t nn = (size_t)(colon - l);
        const char *v = colon + 1;
        size_t vn = ln - nn - 1;
        S_trim(&v, &vn);
        if (cd_eq_nocase(l, nn, "WARC-Type"))
            S_set(last = &rec->type, v, vn);
        else if (cd_eq_nocase(l, nn, "WARC-Record-ID"))
            S_set(last = &rec->record_id, v, vn);
        else if (cd_eq_nocase(l, nn, "WARC-Date"))
            S_set(last = &rec->date, v, vn);
        else if (cd_eq_nocase(l, nn, "WARC-Target-URI")) {
            if (vn >= 2 && v[0] == '<' && v[vn - 1] == '>') {
                v++;
                vn -= 2;
            }
            S_set(last = &rec->url, v, vn);
        } else if (cd_eq_nocase(l, nn, "Content-Type")) {
            ctn = vn < sizeof ct - 1 ? vn : sizeof ct - 1;
            memcpy(ct, v, ctn);
        } else if (cd_eq_nocase(l, nn, "Content-Length")) {
            have_len = 1;
            bad_len = S_parse_len(v, vn, &clen) != 0;
        }
    }
    ct[ctn] = '\0';
    r->blk = r->ubase + r->pos;
    r->blk_set = 1;
    if (rec->type.failed || rec->record_id.failed || rec->date.failed || rec->url.failed)
        return S_fail(r, rec, "out of memory");
    if (!have_len || bad_len) return S_fail(r, rec, "bad Content-Length");

    const char *type = rec->type.data ? rec->type.data : "";
    int response = strcmp(type, "response") == 0;
    int resource = strcmp(type, "resource") == 0;
    if (!response && !resource) {
        rec->skip_why = "not a response or resource record";
        if (!S_skip(r, clen)) return S_fail(r, rec, S_eof_why(r, "truncated record"));
    } else {
        const char *mt, *cs;
        size_t mtn, csn;
        S_ctype(ct, ctn, &mt, &mtn, &cs, &csn);
        /* application/http, or an untyped response block that starts like one. */
        int http = response && (cd_eq_nocase(mt, mtn, "application/http") || mtn == 0);
        S_block(r, rec, clen, ct, ctn, http);
        if (rec->kind == CD_WARC_ERROR) return 1;
    }
    /* The block must be followed by CRLF CRLF, or by line ends and the next
     * record (or the end): anything else means Content-Length was wrong. What
     * follows a proper CRLF CRLF is the next record's business. */
    S_need(r, 4);
    int crlf2 = S_starts(r->win + r->pos, S_avail(r), "\r\n\r\n");
    S_skip_newlines(r);
    if (!crlf2 && (S_avail(r) > 0 || !r->gz_why)) {
        S_need(r, 7);
        if (S_avail(r) > 0 && !S_starts(r->win + r->pos, S_avail(r), "WARC/1.")) {
            cd_buf_clear(&rec->payload);
            return S_fail(r, rec, "record length does not match Content-Length");
        }
    }
    return 1;
}

/* ---- ARC ------------------------------------------------------------------- */

typedef struct {
    const char *url, *date, *ct, *len;
    size_t urln, daten, ctn, lenn;
} S_arc_line;

/* Split an ARC header line from the right (URLs may hold spaces). 1 when it
 * has the shape of a header (URL with a scheme, digit date); the length field
 * is checked by the caller. */
static int S_arc_split(int v2, const char *l, size_t n, S_arc_line *a)
{
    const char *f[10];
    size_t fl[10];
    int want = v2 ? 9 : 4, got = 0;
    size_t end = n;
    while (got < want) {
        while (end && l[end - 1] == ' ')
            end--;
        size_t start = end;
        while (start && l[start - 1] != ' ')
            start--;
        if (start == 0) return 0;
        f[got] = l + start;
        fl[got] = end - start;
        got++;
        end = start;
    }
    while (end && l[end - 1] == ' ')
        end--;
    if (end == 0) return 0;
    a->url = l;
    a->urln = end;
    a->len = f[0];
    a->lenn = fl[0];
    /* v1: URL IP date type length; v2: URL IP date type code checksum location offset file length
     */
    a->ct = f[want - 3];
    a->ctn = fl[want - 3];
    a->date = f[want - 2];
    a->daten = fl[want - 2];
    if (!memchr(a->url, ':', a->urln) || memchr(a->url, '\t', a->urln)) return 0;
    if (a->daten < 8) return 0;
    for (size_t i = 0; i < a->daten; i++)
        if (!cd_isdigit((unsigned char)a->date[i])) return 0;
    return 1;
}

/* One ARC header line at pos: its length with '\n' (0 at the end, SIZE_MAX
 * when too long) and whether it parses. */
static size_t S_arc_peek(cd_warc *r, S_arc_line *a, int *ok)
{
    size_t n = S_line(r, CD_WARC_MAX_HEADER);
    *ok = 0;
    if (n == 0 || n == SIZE_MAX) return n;
    const char *l = (const char *)r->win + r->pos;
    size_t ln = n;
    while (ln && (l[ln - 1] == '\n' || l[ln - 1] == '\r'))
        ln--;
    /* The version block says which layout to expect; a line in the other one
     * (the filedesc line itself, or a file that mixes them) is accepted too. */
    *ok = S_arc_split(r->arc_v2, l, ln, a) || S_arc_split(!r->arc_v2, l, ln, a);
    return n;
}

static int S_arc_record(cd_warc *r, cd_warc_record *rec)
{
    S_arc_line a;
    int ok;
    size_t n;
    if (r->resync) {
        r->resync = 0;
        for (;;) {
            S_skip_newlines(r);
            n = S_arc_peek(r, &a, &ok);
            if (n == 0) {
                if (r->gz_why) {
                    S_gz_resync(r);
                    if (r->eof) return 0;
                    continue;
                }
                return 0;
            }
            if (ok) break;
            if (n == SIZE_MAX) {
                r->pos += S_avail(r);
                continue;
            }
            r->pos += n;
        }
    }
    S_skip_newlines(r);
    if (S_avail(r) == 0) {
        if (r->gz_why) {
            rec->offset = r->gz_off;
            rec->arc = 1;
            S_fail(r, rec, r->gz_why);
            S_gz_resync(r);
            return 1;
        }
        return 0;
    }
    rec->arc = 1;
    rec->offset = S_offset_of(r, r->ubase + r->pos, &rec->in_stream);
    if (rec->in_stream) r->rec_in_member = 1;
    n = S_arc_peek(r, &a, &ok);
    if (!ok) return S_fail(r, rec, "not an ARC record header");
    if (r->win[r->pos + n - 1] != '\n') {
        r->pos += n; /* the input ends here: never read this line again */
        return S_fail(r, rec, S_eof_why(r, "truncated record header"));
    }
    uint64_t len;
    if (S_parse_len(a.len, a.lenn, &len) != 0) {
        r->pos += n;
        return S_fail(r, rec, "bad ARC record length");
    }
    S_set(&rec->url, a.url, a.urln);
    if (a.daten >= 14) {
        const char *d = a.date;
        cd_buf_clear(&rec->date);
        cd_buf_printf(&rec->date, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", d, d + 4, d + 6, d + 8, d + 10,
                      d + 12);
    } else {
        S_set(&rec->date, a.date, a.daten);
    }
    char ct[256];
    size_t ctn = a.ctn < sizeof ct - 1 ? a.ctn : sizeof ct - 1;
    memcpy(ct, a.ct, ctn);
    ct[ctn] = '\0';
    int filedesc = a.urln >= 11 && memcmp(a.url, "filedesc://", 11) == 0;
    r->pos += n;
    if (filedesc) {
        S_set(&rec->type, "filedesc", 8);
        rec->skip_why = "ARC file header";
        /* The version block: "1 0 InternetArchive" or "2 0 ...". */
        if (S_need(r, 2) && r->win[r->pos] == '2' && r->win[r->pos + 1] == ' ') r->arc_v2 = 1;
        if (!S_skip(r, len)) return S_fail(r, rec, S_eof_why(r, "truncated record"));
        return 1;
    }
    S_set(&rec->type, "response", 8);
    int http = (a.urln >= 5 && cd_eq_nocase(a.url, 5, "http:")) ||
               (a.urln >= 6 && cd_eq_nocase(a.url, 6, "https:"));
    if (cd_eq_nocase(ct, ctn, "-") || cd_eq_nocase(ct, ctn, "no-type")) ctn = 0;
    S_block(r, rec, len, ct, ctn, http);
    return 1;
}

/* ---- public ---------------------------------------------------------------- */

cd_warc_format cd_warc_sniff(const unsigned char *raw, size_t len)
{
    unsigned char head[16];
    size_t n = 0;
    if (!raw) return CD_WARC_FMT_NONE;
    if (cd_input_is_gzip(raw, len)) {
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return CD_WARC_FMT_NONE;
        z.next_in = raw;
        z.avail_in = len > UINT_MAX ? UINT_MAX : (uInt)len;
        z.next_out = head;
        z.avail_out = sizeof head;
        inflate(&z, Z_SYNC_FLUSH);
        n = sizeof head - z.avail_out;
        inflateEnd(&z);
    } else {
        n = len < sizeof head ? len : sizeof head;
        memcpy(head, raw, n);
    }
    if (S_starts(head, n, "WARC/1.")) return CD_WARC_FMT_WARC;
    if (S_starts(head, n, "filedesc://")) return CD_WARC_FMT_ARC;
    return CD_WARC_FMT_NONE;
}

size_t cd_warc_read_file(void *ctx, void *buf, size_t len, int *err)
{
    FILE *f = ctx;
    size_t n = fread(buf, 1, len, f);
    if (n < len && ferror(f)) *err = 1;
    return n;
}

cd_warc *cd_warc_new(cd_warc_read_fn read, void *ctx, const unsigned char *prefix,
                     size_t prefix_len, size_t max_payload, const cd_mem *mem)
{
    if (!mem) mem = cd_mem_default();
    if (!read) return NULL;
    cd_warc *r = mem->calloc(1, sizeof *r);
    if (!r) return NULL;
    r->mem = mem;
    r->read = read;
    r->ctx = ctx;
    r->max_payload = max_payload;
    r->inflate_ratio = CD_INFLATE_RATIO;
    r->inflate_floor = CD_INFLATE_FLOOR;
    r->raw_cap = prefix_len > CD_WARC_READ_CHUNK ? prefix_len : CD_WARC_READ_CHUNK;
    r->raw = mem->calloc(1, r->raw_cap);
    r->win = mem->calloc(1, CD_WARC_WINDOW);
    cd_buf_init(&r->tmp, mem);
    if (!r->raw || !r->win) {
        cd_warc_free(r);
        return NULL;
    }
    if (prefix_len) {
        memcpy(r->raw, prefix, prefix_len);
        r->raw_end = prefix_len;
        r->raw_total = prefix_len;
    }
    while (r->raw_end < 3 && S_raw_more(r) > 0) {
    }
    if (cd_input_is_gzip(r->raw, r->raw_end)) {
        r->gz = 1;
        if (inflateInit2(&r->z, 16 + MAX_WBITS) != Z_OK) {
            cd_warc_free(r);
            return NULL;
        }
        r->z_ready = 1;
    }
    return r;
}

void cd_warc_free(cd_warc *r)
{
    if (!r) return;
    if (r->z_ready) inflateEnd(&r->z);
    if (r->zt_ready) inflateEnd(&r->zt);
    cd_buf_free(&r->tmp);
    r->mem->free(r->raw);
    r->mem->free(r->win);
    r->mem->free(r);
}

cd_warc_format cd_warc_get_format(const cd_warc *r)
{
    return r ? r->fmt : CD_WARC_FMT_NONE;
}

void cd_warc_record_source(const cd_warc_record *rec, cd_buf *out)
{
    /* A header value is used as a C string (up to a NUL byte), but an id that
     * was present, even if it starts with NUL, still names the record. */
    if (rec->record_id.len) {
        cd_buf_putc(out, '#');
        cd_buf_puts(out, rec->record_id.data);
    } else {
        cd_buf_printf(out, "@%llu", (unsigned long long)rec->offset);
    }
}

void cd_warc_record_message(const cd_warc_record *rec, cd_buf *out)
{
    if (rec->error == S_INFLATED && rec->inflate_what) {
        /* Which body, and the limit's figures (docs/limits.md). */
        cd_buf_printf(out, "%s inflates past the inflation limit: more than %llu bytes from %llu compressed bytes "
                           "(ratio %u, floor %llu) "
                           "at byte %llu%s",
                      rec->inflate_what, (unsigned long long)rec->inflate_out, (unsigned long long)rec->inflate_in,
                      rec->inflate_ratio, (unsigned long long)rec->inflate_floor, (unsigned long long)rec->offset,
                      rec->in_stream ? " of the decompressed stream" : "");
        return;
    }
    cd_buf_printf(out, "%s at byte %llu%s", rec->error ? rec->error : "broken record",
                  (unsigned long long)rec->offset,
                  rec->in_stream ? " of the decompressed stream" : "");
}

int cd_warc_next(cd_warc *r, cd_warc_record *rec)
{
    if (!r || !rec) return 0;
    S_rec_clear(rec);
    if (!r->fmt_known) {
        r->fmt_known = 1;
        S_need(r, 11);
        const unsigned char *p = r->win + r->pos;
        if (S_starts(p, S_avail(r), "WARC/1."))
            r->fmt = CD_WARC_FMT_WARC;
        else if (S_starts(p, S_avail(r), "filedesc://"))
            r->fmt = CD_WARC_FMT_ARC;
        else {
            r->fmt = CD_WARC_FMT_NONE;
            if (S_avail(r) == 0 && !r->gz_why) return 0;
            rec->offset = 0;
            S_fail(r, rec, "not a WARC or ARC file");
            r->eof = 1;
            r->pos = r->end;
            return 1;
        }
    }
    if (r->fmt == CD_WARC_FMT_NONE) return 0;
    int got = r->fmt == CD_WARC_FMT_WARC ? S_warc_record(r, rec) : S_arc_record(r, rec);
    if (got && rec->kind != CD_WARC_ERROR) r->sus = 0;
    r->blk_set = 0;
    return got;
}

void cd_warc_set_inflate(cd_warc *r, unsigned ratio, size_t floor)
{
    if (!r) return;
    r->inflate_ratio = ratio;
    r->inflate_floor = floor;
}
