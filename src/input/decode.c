/* input/decode: choose the page's charset and convert it to UTF-8.
 *
 * Stage: input. The order is the browser's (WHATWG HTML §13.2.3 "determining
 * the character encoding"): BOM, transport hint, <meta> prescan, then
 * detection for undeclared pages, windows-1252 last. Two departures, both
 * because an extractor wants the text a human would read, not the bytes a
 * browser would render:
 *  - declarations are checked against the bytes (rules in S_declared_fits);
 *  - when the 1024-byte prescan finds nothing, the same prescan runs over
 *    CD_INPUT_LATE_META_BYTES, standing in for the tree builder's "change the
 *    encoding" on a later <meta>.
 * Detection: UTF-16 from the NUL pattern, UTF-8 from validity, else uchardet
 * (whose answer is mapped through the WHATWG label table).
 * Conversion: UTF-8 is validated and copied (invalid sequences -> U+FFFD by
 * the maximal-subpart rule); windows-1252 and x-user-defined use tables from
 * the Encoding Standard; everything else goes through iconv. Every path emits
 * U+FFFD for invalid input and for NUL bytes, so the output is always valid,
 * NUL-free UTF-8. Linear time; the only state lives on the stack (iconv_t is
 * opened and closed per call), so concurrent calls are safe. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>
#include <uchardet/uchardet.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define CD_DEC_SSE2 1
#endif

#include "../util/ctype.h"
#include "../util/utf8.h"
#include "input.h"

/* UTF-16 without a BOM: how much of the input is looked at, and the NUL
 * pattern required: at least S_UTF16_MIN_PAIRS code units, at least 30% of
 * them with a zero high byte, and zero low bytes at most 1/8 as often (CJK
 * code points end in 00 about 1 time in 256). */
#define S_UTF16_SAMPLE 4096u
#define S_UTF16_MIN_PAIRS 4u
/* A page hinted in a legacy charset whose bytes are all valid UTF-8, with at
 * least this many multi-byte sequences, is UTF-8: legacy text virtually never
 * forms valid UTF-8 twice and nowhere breaks it. */
#define S_LEGACY_IS_UTF8_MIN 2u
/* A multi-byte legacy charset (CJK) declared by <meta> stands (as in
 * browsers) unless the bytes are all valid UTF-8 with at least this many
 * multi-byte sequences: a page saved or re-served as UTF-8 that kept its old
 * <meta> (Readability's qq page: 2507 sequences declared gb2312). Short CJK
 * text can be valid UTF-8 by chance (EUC pairs such as C4 A2 are valid
 * two-byte sequences), and html5lib's test-yahoo-jp.dat (95 sequences
 * declared euc-jp) expects the <meta>, so the bar is high. A single-byte
 * charset cannot fake UTF-8 that way (its letters run together, and a lead
 * byte followed only by continuation bytes throughout the page is mojibake
 * already), so it yields at S_LEGACY_IS_UTF8_MIN like a transport hint. */
#define S_META_IS_UTF8_MIN 256u
/* An undeclared page with some invalid sequences is still read as UTF-8 when
 * valid multi-byte sequences outnumber invalid ones this many times (legacy
 * CJK text forms valid pairs by chance, but about one per two invalid). */
#define S_UNDECLARED_UTF8_RATIO 8u

static const char S_fffd[3] = {(char)0xEF, (char)0xBF, (char)0xBD};

/* ---- UTF-8 --------------------------------------------------------------- */

typedef struct S_utf8_stats {
    size_t invalid;       /* ill-formed sequences, by maximal subparts */
    size_t multibyte;     /* valid sequences of 2-4 bytes */
    size_t nul;           /* NUL bytes */
    size_t first_invalid; /* offset of the first invalid sequence */
    size_t suspect;       /* C3 82..B4 then a byte that starts a windows-1252 character's
                             UTF-8 (C2, C5, C6, CB, E2): maybe double-encoded (mojibake.c) */
    int truncated_tail;   /* the input ends inside a sequence */
} S_utf8_stats;

static const uint64_t S_HI = 0x8080808080808080ull;
static const uint64_t S_LO = 0x0101010101010101ull;

/* Is s[0..8) ASCII without NUL? */
static int S_word_plain(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    /* With no high bit set, (w - 0x01..) sets a high bit only under a 0 byte. */
    return !(w & S_HI) && !((w - S_LO) & S_HI);
}

/* The first i' >= i where s[i'] is NUL or not ASCII, or a position short of
 * it: the caller then steps byte by byte (at most a word, or the tail past
 * the last whole word). Sixteen bytes a step with SSE2, else eight. */
static inline size_t S_skip_plain(const unsigned char *s, size_t i, size_t n)
{
#ifdef CD_DEC_SSE2
    const __m128i z = _mm_setzero_si128();
    while (n - i >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(x, _mm_cmpeq_epi8(x, z)));
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
#endif
    while (n - i >= 8 && S_word_plain(s + i))
        i += 8;
    return i;
}

/* Length of the valid multi-byte sequence at s (s[0] >= 0x80), or 0. */
static size_t S_utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c >= 0xC2 && c <= 0xDF) return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[2] & 0xC0) != 0x80) return 0;
        unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return s[1] >= lo && s[1] <= hi ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
        unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return s[1] >= lo && s[1] <= hi ? 4 : 0;
    }
    return 0;
}

/* An ill-formed sequence at s[0..m) that is only cut by the end of input. */
static int S_is_tail(const unsigned char *s, size_t m, size_t n)
{
    return m == n && s[0] >= 0xC2 && s[0] <= 0xF4;
}

static void S_utf8_scan(const unsigned char *s, size_t n, S_utf8_stats *st)
{
    memset(st, 0, sizeof *st);
    size_t i = 0;
    while (i < n) {
        i = S_skip_plain(s, i, n);
        if (i >= n) break;
        unsigned c = s[i];
        if (c < 0x80) {
            st->nul += c == 0;
            i++;
            continue;
        }
        /* The common cases inline: 2- and 3-byte sequences in the BMP. */
        if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
            st->multibyte++;
            /* Every double-encoded sequence starts so; the test costs nothing
             * on pages without U+00C2..U+00F4 (mojibake.c). */
            if (c == 0xC3 && s[i + 1] >= 0x82 && s[i + 1] <= 0xB4 && i + 2 < n) {
                unsigned d = s[i + 2];
                st->suspect += d == 0xC2 || d == 0xC5 || d == 0xC6 || d == 0xCB || d == 0xE2;
            }
            i += 2;
            continue;
        }
        if (c >= 0xE1 && c <= 0xEC && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {
            st->multibyte++;
            i += 3;
            continue;
        }
        size_t k = S_utf8_seq(s + i, n - i);
        if (k) {
            st->multibyte++;
            i += k;
            continue;
        }
        uint32_t cp;
        size_t m = cd_utf8_decode(s + i, n - i, &cp);
        if (S_is_tail(s + i, m, n - i)) {
            st->truncated_tail = 1;
            break;
        }
        if (!st->invalid) st->first_invalid = i;
        st->invalid++;
        i += m;
    }
}

static void S_note_invalid(cd_decode_info *info, size_t offset)
{
    if (!info->replaced) info->first_invalid = offset;
    info->replaced++;
}

/* UTF-8 to UTF-8: copy valid runs, U+FFFD for each maximal subpart and NUL. */
static void S_conv_utf8(const unsigned char *s, size_t n, size_t base, const S_utf8_stats *st,
                        cd_buf *out, cd_decode_info *info)
{
    if (!st->invalid && !st->nul && !st->truncated_tail) {
        cd_buf_put(out, (const char *)s, n);
        return;
    }
    size_t i = 0, run = 0;
    while (i < n) {
        i = S_skip_plain(s, i, n);
        if (i >= n) break;
        unsigned c = s[i];
        if (c && c < 0x80) {
            i++;
            continue;
        }
        size_t k = c ? S_utf8_seq(s + i, n - i) : 0;
        if (k) {
            i += k;
            continue;
        }
        cd_buf_put(out, (const char *)s + run, i - run);
        cd_buf_put(out, S_fffd, 3);
        if (c == 0) {
            info->nul_bytes++;
            i++;
        } else {
            uint32_t cp;
            S_note_invalid(info, base + i);
            i += cd_utf8_decode(s + i, n - i, &cp);
        }
        run = i;
    }
    cd_buf_put(out, (const char *)s + run, n - run);
}

/* ---- single-byte tables (Encoding Standard indexes) ------------------------ */

/* index-windows-1252 for 0x80..0x9F; the rest is ISO-8859-1. Unlike glibc's
 * CP1252, every byte is defined (0x81 -> U+0081 ...), as WHATWG requires. */
static const uint16_t S_1252[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

/* windows-1252 (user_defined = 0) or x-user-defined (0x80.. -> U+F780..). */
static void S_conv_table(const unsigned char *s, size_t n, int user_defined, cd_buf *out,
                         cd_decode_info *info)
{
    size_t i = 0, run = 0;
    if (!cd_buf_reserve(out, n)) return;
    while (i < n) {
        i = S_skip_plain(s, i, n);
        if (i >= n) break;
        unsigned c = s[i];
        if (c && c < 0x80) {
            i++;
            continue;
        }
        cd_buf_put(out, (const char *)s + run, i - run);
        if (c == 0) {
            info->nul_bytes++;
            cd_buf_put(out, S_fffd, 3);
        } else {
            uint32_t cp = user_defined ? 0xF780u + (c - 0x80u) : c < 0xA0 ? S_1252[c - 0x80] : c;
            cd_buf_put_cp(out, cp);
        }
        run = ++i;
    }
    cd_buf_put(out, (const char *)s + run, n - run);
}

/* ---- iconv --------------------------------------------------------------- */

/* WHATWG name -> iconv names to try, in order (glibc names). */
static const struct {
    const char *whatwg;
    const char *iconv[2];
} S_iconv_names[] = {
    {"ibm866", {"IBM866", NULL}},
    {"iso-8859-8-i", {"ISO-8859-8", NULL}}, /* logical order is a rendering matter */
    {"koi8-u", {"KOI8-RU", "KOI8-U"}},      /* WHATWG's koi8-u has KOI8-RU's ў/Ў */
    {"macintosh", {"MACINTOSH", NULL}},
    {"windows-874", {"CP874", "TIS-620"}},
    {"windows-1250", {"CP1250", NULL}},
    {"windows-1251", {"CP1251", NULL}},
    {"windows-1253", {"CP1253", NULL}},
    {"windows-1254", {"CP1254", NULL}},
    {"windows-1255", {"CP1255", NULL}},
    {"windows-1256", {"CP1256", NULL}},
    {"windows-1257", {"CP1257", NULL}},
    {"windows-1258", {"CP1258", NULL}},
    {"x-mac-cyrillic", {"MAC-CYRILLIC", "MACCYRILLIC"}},
    {"gbk", {"GB18030", "GBK"}}, /* the WHATWG gbk decoder is the gb18030 decoder */
    {"gb18030", {"GB18030", NULL}},
    {"big5", {"BIG5-HKSCS", "BIG5"}},
    {"euc-jp", {"EUC-JP-MS", "EUC-JP"}}, /* WHATWG's jis0208 has the NEC/IBM rows */
    {"iso-2022-jp", {"ISO-2022-JP", NULL}},
    {"shift_jis", {"CP932", "SHIFT_JIS"}}, /* WHATWG shift_jis is windows-31j */
    {"euc-kr", {"CP949", "EUC-KR"}},       /* WHATWG euc-kr is windows-949 */
    {"utf-16be", {"UTF-16BE", NULL}},
    {"utf-16le", {"UTF-16LE", NULL}},
};

static iconv_t S_iconv_open(const char *whatwg)
{
    for (size_t i = 0; i < sizeof S_iconv_names / sizeof S_iconv_names[0]; i++) {
        if (strcmp(S_iconv_names[i].whatwg, whatwg) != 0) continue;
        for (int j = 0; j < 2 && S_iconv_names[i].iconv[j]; j++) {
            iconv_t cd = iconv_open("UTF-8", S_iconv_names[i].iconv[j]);
            if (cd != (iconv_t)-1) return cd;
        }
        return (iconv_t)-1;
    }
    /* iso-8859-N and koi8-r: the WHATWG name is the iconv name. */
    return iconv_open("UTF-8", whatwg);
}

/* Append iconv's UTF-8 output, NUL bytes -> U+FFFD. */
static void S_put_nulsafe(cd_buf *out, const char *p, size_t n, cd_decode_info *info)
{
    const char *z;
    while (n && (z = memchr(p, '\0', n)) != NULL) {
        size_t k = (size_t)(z - p);
        cd_buf_put(out, p, k);
        cd_buf_put(out, S_fffd, 3);
        info->nul_bytes++;
        p += k + 1;
        n -= k + 1;
    }
    cd_buf_put(out, p, n);
}

/* Convert with an open iconv descriptor, left in its initial state. */
static void S_conv_with(iconv_t cd, const char *whatwg, const unsigned char *s, size_t n, size_t base,
                        cd_buf *out, cd_decode_info *info)
{
    /* UTF-16 skips a whole code unit on an error, keeping the alignment. */
    size_t unit = !strncmp(whatwg, "utf-16", 6) ? 2 : 1;
    char tmp[16384];
    char *ip = (char *)(uintptr_t)s;
    size_t il = n;
    if (!cd_buf_reserve(out, n + n / 2)) return;
    while (il > 0 && !out->failed) {
        char *op = tmp;
        size_t ol = sizeof tmp;
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        int err = r == (size_t)-1 ? errno : 0;
        S_put_nulsafe(out, tmp, (size_t)(op - tmp), info);
        if (!err || err == E2BIG) continue;
        S_note_invalid(info, base + (n - il));
        cd_buf_put(out, S_fffd, 3);
        if (err == EINVAL) /* incomplete sequence at the end */
            break;
        size_t skip = il < unit ? il : unit;
        ip += skip;
        il -= skip;
    }
    /* Return a stateful decoder (ISO-2022-JP) to its initial state. */
    char *op = tmp;
    size_t ol = sizeof tmp;
    iconv(cd, NULL, NULL, &op, &ol);
    S_put_nulsafe(out, tmp, (size_t)(op - tmp), info);
}

/* Convert with iconv; 0 when the charset cannot be opened. */
static int S_conv_iconv(const char *whatwg, const unsigned char *s, size_t n, size_t base,
                        cd_buf *out, cd_decode_info *info)
{
    iconv_t cd = S_iconv_open(whatwg);
    if (cd == (iconv_t)-1) return 0;
    S_conv_with(cd, whatwg, s, n, base, out, info);
    iconv_close(cd);
    return 1;
}

/* ---- detection ----------------------------------------------------------- */

/* "utf-16le", "utf-16be" or NULL, from the NUL pattern of the first bytes. */
static const char *S_guess_utf16(const unsigned char *s, size_t n)
{
    size_t m = n < S_UTF16_SAMPLE ? n : S_UTF16_SAMPLE;
    size_t pairs = m / 2, z_even = 0, z_odd = 0;
    if (pairs < S_UTF16_MIN_PAIRS) return NULL;
    if (!memchr(s, 0, m)) return NULL; /* no NUL: neither count can reach its share */
    for (size_t i = 0; i + 1 < m; i += 2) {
        z_even += s[i] == 0;
        z_odd += s[i + 1] == 0;
    }
    if (z_odd * 10 >= pairs * 3 && z_even * 8 <= z_odd) return "utf-16le";
    if (z_even * 10 >= pairs * 3 && z_odd * 8 <= z_even) return "utf-16be";
    return NULL;
}

/* Names uchardet gives that are not WHATWG labels but have a WHATWG twin. */
static const char *S_detector_alias(const char *name)
{
    static const struct {
        const char *from, *to;
    } alias[] = {{"UHC", "euc-kr"},
                 {"CP949", "euc-kr"},
                 {"MAC-CYRILLIC", "x-mac-cyrillic"},
                 {"CP932", "shift_jis"},
                 {"EUC-JP-MS", "euc-jp"}};
    for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
        if (cd_eq_nocase(name, strlen(name), alias[i].from)) return alias[i].to;
    return cd_input_charset_canonical(name, strlen(name));
}

/* uchardet's guess as a WHATWG name usable for a legacy page, or NULL. It
 * allocates with the C++ runtime, outside cd_mem: it keeps nothing past the
 * call. */
static const char *S_uchardet(const unsigned char *s, size_t n)
{
    uchardet_t ud = uchardet_new();
    if (!ud) return NULL;
    size_t m = n < CD_INPUT_DETECT_BYTES ? n : CD_INPUT_DETECT_BYTES;
    const char *enc = NULL;
    if (uchardet_handle_data(ud, (const char *)s, m) == 0) {
        uchardet_data_end(ud);
        const char *name = uchardet_get_charset(ud);
        if (name && *name) enc = S_detector_alias(name);
    }
    uchardet_delete(ud);
    /* UTF-8 was ruled out by the caller; UTF-16 by its NUL pattern; replacement
     * (ISO-2022-KR, HZ) must be declared, never guessed. */
    if (enc && (!strcmp(enc, "utf-8") || !strncmp(enc, "utf-16", 6) ||
                !strcmp(enc, "replacement") || !strcmp(enc, "x-user-defined")))
        enc = NULL;
    return enc;
}

/* Is a (WHATWG-canonical) charset one of the multi-byte legacy encodings? */
static bool S_multibyte_legacy(const char *cs)
{
    static const char *const mb[] = {"gbk", "gb18030", "big5", "euc-jp", "iso-2022-jp", "shift_jis",
                                     "euc-kr"};
    for (size_t i = 0; i < sizeof mb / sizeof *mb; i++)
        if (!strcmp(cs, mb[i])) return true;
    return false;
}

/* Does a declared charset fit the bytes? Returns the charset to use instead
 * (or "" to re-detect), or NULL when the declaration stands. The rules:
 *  - declared UTF-8 is wrong when it has invalid sequences and they are at
 *    least as many as the valid multi-byte ones (a legacy page then loses
 *    less text read as legacy than as UTF-8 full of U+FFFD); a sequence cut
 *    by the end of input does not count (a truncated download);
 *  - declared UTF-16 is wrong when its first bytes hold no NUL (HTML markup
 *    in UTF-16 always does); the NUL pattern fixes the byte order;
 *  - a declared legacy charset is wrong when the bytes look like UTF-16;
 *  - a legacy charset from the transport hint is wrong when the bytes are
 *    valid UTF-8 with at least S_LEGACY_IS_UTF8_MIN multi-byte sequences: the
 *    hint is often a server default (HTTP/1.1's ISO-8859-1) that knows nothing
 *    of the page. A <meta> was written by the page's author and stands, as in
 *    browsers (html5lib's test-yahoo-jp.dat is UTF-8 bytes declared euc-jp
 *    and expects euc-jp) -- unless the bytes are valid UTF-8 with at least
 *    S_META_IS_UTF8_MIN multi-byte sequences (a transcoded page), or
 *    S_LEGACY_IS_UTF8_MIN when the declared charset is single-byte.
 * "replacement" always stands (it exists to neutralise dangerous encodings). */
static const char *S_declared_fits(const char *cs, cd_charset_source src, const unsigned char *s,
                                   size_t n, const S_utf8_stats *st)
{
    if (!strcmp(cs, "utf-8")) return st->invalid && st->invalid >= st->multibyte ? "" : NULL;
    if (!strcmp(cs, "replacement")) return NULL;
    const char *u16 = S_guess_utf16(s, n);
    if (!strncmp(cs, "utf-16", 6)) {
        if (u16) return strcmp(u16, cs) ? u16 : NULL;
        size_t m = n < S_UTF16_SAMPLE ? n : S_UTF16_SAMPLE;
        return m >= 16 && !memchr(s, 0, m) ? "" : NULL;
    }
    if (u16) return u16;
    if (src == CD_CHARSET_HINT && !st->invalid && st->multibyte >= S_LEGACY_IS_UTF8_MIN)
        return "utf-8";
    if (src == CD_CHARSET_META && !st->invalid &&
        st->multibyte >= (S_multibyte_legacy(cs) ? S_META_IS_UTF8_MIN : S_LEGACY_IS_UTF8_MIN))
        return "utf-8";
    return NULL;
}

/* ---- the pipeline ---------------------------------------------------------- */

static void S_set_charset(cd_decode_info *info, const char *cs)
{
    size_t n = strlen(cs);
    if (n >= sizeof info->charset) n = sizeof info->charset - 1;
    memcpy(info->charset, cs, n);
    info->charset[n] = '\0';
}

/* cd_input_decode and cd_input_decode_view: with view set, a page whose
 * bytes are already the UTF-8 to parse is not copied into out. */
static copydesk_status S_decode(const unsigned char *in, size_t len, const char *hint, cd_buf *out,
                                cd_decode_info *info, const char **view, size_t *view_len)
{
    if (!out || !info) return COPYDESK_ERR_ARG;
    memset(info, 0, sizeof *info);
    cd_buf_clear(out);
    if (!cd_buf_reserve(out, 0)) return COPYDESK_ERR_NOMEM;
    out->data[0] = '\0'; /* a fresh buffer is not terminated yet */
    if (!in) {
        in = (const unsigned char *)"";
        len = 0;
    }

    const char *cs = NULL;
    cd_charset_source src = CD_CHARSET_DEFAULT;
    size_t skip = 0;

    /* 1. Byte order mark: authoritative, never second-guessed. */
    if (len >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF) {
        cs = "utf-8";
        skip = 3;
    } else if (len >= 2 && in[0] == 0xFE && in[1] == 0xFF) {
        cs = "utf-16be";
        skip = 2;
    } else if (len >= 2 && in[0] == 0xFF && in[1] == 0xFE) {
        cs = "utf-16le";
        skip = 2;
    }
    if (cs) src = CD_CHARSET_BOM;

    /* 2. Transport hint. 3. <meta> prescan, then the late-meta scan. */
    if (!cs && hint) {
        cs = cd_input_charset_canonical(hint, strlen(hint));
        if (cs) src = CD_CHARSET_HINT;
    }
    if (!cs) {
        cs = cd_input_prescan(in, len);
        if (!cs && len > CD_INPUT_PRESCAN_BYTES)
            cs = cd_input_prescan_window(in, len, CD_INPUT_LATE_META_BYTES);
        if (cs) src = CD_CHARSET_META;
    }

    const unsigned char *s = in + skip;
    size_t n = len - skip;
    S_utf8_stats st = {0};
    int have_st = 0;
    int utf8_ruled_out = 0;

    /* Check a declaration against the bytes. */
    if (cs && src != CD_CHARSET_BOM) {
        S_utf8_scan(s, n, &st);
        have_st = 1;
        const char *instead = S_declared_fits(cs, src, s, n, &st);
        if (instead) {
            info->declared_wrong = 1;
            utf8_ruled_out = !strcmp(cs, "utf-8");
            cs = *instead ? instead : NULL;
            src = CD_CHARSET_DETECTED;
        }
    }

    /* 4. Detection. */
    if (!cs) {
        if (!have_st) S_utf8_scan(s, n, &st);
        have_st = 1;
        cs = S_guess_utf16(s, n);
        if (!cs && !utf8_ruled_out) {
            if (!st.invalid)
                cs = st.multibyte ? "utf-8" : NULL; /* pure ASCII: the default */
            else if (st.multibyte >= S_UNDECLARED_UTF8_RATIO * st.invalid)
                cs = "utf-8";
        }
        if (!cs && (st.invalid || st.multibyte)) cs = S_uchardet(s, n);
        if (cs) {
            src = CD_CHARSET_DETECTED;
        } else {
            /* 5. The last resort. */
            cs = "windows-1252";
            src = CD_CHARSET_DEFAULT;
        }
    }

    info->source = src;
    int repair = 1; /* legacy output is checked whole; UTF-8 when its scan saw a suspect */
    for (;;) {
        S_set_charset(info, cs);
        if (!strcmp(cs, "utf-8")) {
            if (!have_st) S_utf8_scan(s, n, &st);
            if (view && !st.invalid && !st.nul && !st.truncated_tail &&
                (!st.suspect || !cd_input_mojibake_marked(s, n))) {
                *view = (const char *)s; /* S_conv_utf8 would copy it as it is */
                *view_len = n;
                return COPYDESK_OK;
            }
            S_conv_utf8(s, n, skip, &st, out, info);
            repair = st.suspect != 0;
        } else if (!strcmp(cs, "windows-1252") || !strcmp(cs, "x-user-defined")) {
            S_conv_table(s, n, cs[0] == 'x', out, info);
        } else if (!strcmp(cs, "replacement")) {
            /* The replacement decoder: one U+FFFD for a non-empty stream. */
            if (n) {
                cd_buf_put(out, S_fffd, 3);
                S_note_invalid(info, skip);
            }
        } else if (!S_conv_iconv(cs, s, n, skip, out, info)) {
            cs = "windows-1252"; /* iconv lacks it: decode as the default */
            continue;
        }
        break;
    }
    if (repair && !out->failed && out->len) {
        info->mojibake = cd_input_mojibake_repair(out->data, &out->len);
        out->data[out->len] = '\0';
    }
    if (view) {
        *view = out->data;
        *view_len = out->len;
    }
    return out->failed ? COPYDESK_ERR_NOMEM : COPYDESK_OK;
}

copydesk_status cd_input_decode(const unsigned char *in, size_t len, const char *hint, cd_buf *out,
                                cd_decode_info *info)
{
    return S_decode(in, len, hint, out, info, NULL, NULL);
}

copydesk_status cd_input_decode_view(const unsigned char *in, size_t len, const char *hint, cd_buf *out,
                                     cd_decode_info *info, const char **utf8, size_t *utf8_len)
{
    if (!utf8 || !utf8_len) return COPYDESK_ERR_ARG;
    *utf8 = "";
    *utf8_len = 0;
    return S_decode(in, len, hint, out, info, utf8, utf8_len);
}

typedef struct cd_input_conv {
    iconv_t cd;
    char cs[32];
} cd_input_conv;

void *cd_input_converter_open(const char *cs)
{
    if (!cs || strlen(cs) >= sizeof ((cd_input_conv *)0)->cs) return NULL;
    iconv_t cd = S_iconv_open(cs);
    if (cd == (iconv_t)-1) return NULL;
    cd_input_conv *c = malloc(sizeof *c);
    if (!c) {
        iconv_close(cd);
        return NULL;
    }
    c->cd = cd;
    strcpy(c->cs, cs);
    return c;
}

void cd_input_converter_close(void *conv)
{
    cd_input_conv *c = conv;
    if (!c) return;
    iconv_close(c->cd);
    free(c);
}

copydesk_status cd_input_convert(const unsigned char *in, size_t len, const char *cs, void *conv, cd_buf *out)
{
    if (!out || !cs) return COPYDESK_ERR_ARG;
    cd_decode_info info;
    memset(&info, 0, sizeof info);
    cd_buf_clear(out);
    if (!cd_buf_reserve(out, 0)) return COPYDESK_ERR_NOMEM;
    out->data[0] = '\0';
    const unsigned char *s = in ? in : (const unsigned char *)"";
    if (!in) len = 0;
    cd_input_conv *c = conv;
    /* As S_decode: iconv, or windows-1252 when iconv lacks the charset. */
    if (c && !strcmp(c->cs, cs))
        S_conv_with(c->cd, cs, s, len, 0, out, &info);
    else if (!S_conv_iconv(cs, s, len, 0, out, &info))
        S_conv_table(s, len, 0, out, &info);
    return out->failed ? COPYDESK_ERR_NOMEM : COPYDESK_OK;
}
