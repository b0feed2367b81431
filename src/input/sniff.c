/* input/sniff: is the input a text document at all (COPYDESK_ERR_NOT_HTML)?
 *
 * Stage: input, after gunzip and decoding. copydesk reads any text, with or
 * without markup, in any charset; what it refuses is binary data (an image,
 * a PDF, an archive, a program, random bytes) that a wrong file name or a
 * wrong Content-Type handed it: extracting "the article" from it would print
 * mojibake as if it were a page. The test, after the WHATWG MIME Sniffing
 * Standard (§7.1 "rules for identifying an unknown MIME type": signatures,
 * then "binary data bytes"), made tolerant of damaged pages:
 *
 *  1. The bytes (after gunzip, before decoding) begin with the signature of
 *     a binary format (S_magic: images, audio, video, fonts, PDF, archives
 *     and compressed data, executables, databases). No web page begins so.
 *  2. Or the decoded text is binary-looking and holds no markup. In its first
 *     CD_INPUT_SNIFF_CHARS characters (decoding has already chosen the
 *     charset, so UTF-16 and legacy charsets are read as the text they are):
 *     at least 1 in CD_INPUT_SNIFF_BINARY_SHARE (32) of them is a character no
 *     text document holds -- a C0 control other than tab, line feed, form
 *     feed, carriage return and escape (the Standard's binary data bytes), a
 *     C1 control (U+0080-U+009F), or U+FFFD (an invalid byte sequence or a
 *     NUL byte in the input) -- and there are not two tags among them. A tag
 *     is "<!--",
 *     "<!x", "<?x", nor "<name" or "</name" (a letter, then letters, digits,
 *     ':' or '-') followed by white space, '/' or '>', then printable ASCII
 *     or white space up to the '>' closing it (a page's first kilobyte always
 *     holds such a tag: <!DOCTYPE html>, <html lang=en>, <meta charset=utf-8>).
 *
 * Why these numbers: random bytes decoded by any charset give about 13 %
 * binary characters (27 of the 256 byte values are C0 controls alone; 3,000
 * random files of 100 B to 64 KB: 4 % at the least, in 100-byte files), and
 * 13 of 2,250 random kilobytes held one tag so defined (a letter or two between < and >), none
 * two. Every page under shared/data (2,441 files) has tags in its first 1024
 * characters and at most 0.4 % binary
 * characters (four U+FFFD); a damaged page full of NULs or invalid bytes
 * still has its tags (tests/pathological: nul-bytes, invalid-utf8), so it is
 * never refused. Plain text without markup and without binary bytes is read
 * as a page, as before. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define CD_SNIFF_SSE2 1
#endif

#include "input.h"

/* One signature: `len` bytes at offset `at`. A signature of letters alone
 * (`text`: a text could begin so) counts only when a binary data byte (00-08,
 * 0B, 0E-1A, 1C-1F) follows within the first 16 bytes, as it does in the
 * format's header (a count, a version, a length). */
typedef struct S_sig {
    unsigned char at, len, text;
    const char *bytes;
} S_sig;

/* Binary formats, by their first bytes (MIME Sniffing Standard §6 tables and
 * the formats' own specifications). Two-byte signatures too weak to tell from
 * text ("MZ", "BM") are left to the binary-character test. */
static const S_sig S_magic[] = {
    {0, 8, 0, "\x89PNG\r\n\x1a\n"},                /* PNG */
    {0, 6, 0, "GIF87a"},                           /* GIF */
    {0, 6, 0, "GIF89a"},                           /* GIF */
    {0, 3, 0, "\xff\xd8\xff"},                     /* JPEG */
    {8, 4, 0, "WEBP"},                             /* RIFF WebP (with RIFF at 0, checked below) */
    {8, 4, 0, "WAVE"},                             /* RIFF WAVE */
    {8, 4, 0, "AVI "},                             /* RIFF AVI */
    {0, 4, 0, "II*\0"},                            /* TIFF, little-endian */
    {0, 4, 0, "MM\0*"},                            /* TIFF, big-endian */
    {0, 4, 0, "\0\0\1\0"},                         /* ICO */
    {4, 4, 0, "ftyp"},                             /* MP4, MOV, HEIF, AVIF */
    {0, 4, 0, "\x1a\x45\xdf\xa3"},                 /* Matroska, WebM */
    {0, 4, 1, "OggS"},                             /* Ogg */
    {0, 4, 1, "fLaC"},                             /* FLAC */
    {0, 3, 1, "ID3"},                              /* MP3 with an ID3 tag */
    {0, 4, 1, "wOFF"},                             /* WOFF */
    {0, 4, 1, "wOF2"},                             /* WOFF2 */
    {0, 4, 1, "OTTO"},                             /* OpenType */
    {0, 4, 0, "\0\1\0\0"},                         /* TrueType */
    {0, 5, 0, "%PDF-"},                            /* PDF */
    {0, 4, 0, "PK\3\4"},                           /* ZIP (also docx, epub, jar) */
    {0, 4, 0, "PK\5\6"},                           /* empty ZIP */
    {0, 4, 0, "PK\7\x8"},                          /* spanned ZIP */
    {0, 2, 0, "\x1f\x8b"},                         /* gzip (inside gzip) */
    {0, 6, 0, "\xfd\x37zXZ\0"},                    /* xz */
    {0, 4, 0, "\x28\xb5\x2f\xfd"},                 /* zstd */
    {0, 6, 0, "7z\xbc\xaf\x27\x1c"},               /* 7-Zip */
    {0, 6, 0, "Rar!\x1a\x07"},                     /* RAR */
    {0, 8, 0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"}, /* OLE2: legacy Office */
    {0, 4, 0, "\x7f\x45LF"},                       /* ELF */
    {0, 4, 0, "\xfe\xed\xfa\xce"},                 /* Mach-O 32 */
    {0, 4, 0, "\xfe\xed\xfa\xcf"},                 /* Mach-O 64 */
    {0, 4, 0, "\xce\xfa\xed\xfe"},                 /* Mach-O 32, little-endian */
    {0, 4, 0, "\xcf\xfa\xed\xfe"},                 /* Mach-O 64, little-endian */
    {0, 4, 0, "\xca\xfe\xba\xbe"},                 /* Mach-O universal, Java class */
    {0, 4, 0, "\0asm"},                            /* WebAssembly */
    {0, 16, 0, "SQLite format 3\0"},               /* SQLite */
};

/* bzip2: "BZh", a block size digit, then the block magic (pi's digits). */
static int S_bzip2(const unsigned char *in, size_t len)
{
    return len >= 10 && !memcmp(in, "BZh", 3) && in[3] >= '1' && in[3] <= '9' &&
           !memcmp(in + 4, "\x31\x41\x59\x26\x53\x59", 6);
}

/* A binary data byte (MIME Sniffing Standard) among in[0..max)? */
static int S_binary_byte_in(const unsigned char *in, size_t len, size_t max)
{
    for (size_t i = 0; i < len && i < max; i++) {
        unsigned char c = in[i];
        if (c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1A) || (c >= 0x1C && c <= 0x1F))
            return 1;
    }
    return 0;
}

/* The bytes a binary input can begin with (a signature's first byte, 0 for
 * the "ftyp" box's size, 'R' of RIFF, 'B' of bzip2): a page begins with none
 * of most of them ('<', white space, a letter of its text), and the
 * signatures are then not tried one by one. Built once. */
static uint32_t S_first[8];
static pthread_once_t S_first_once = PTHREAD_ONCE_INIT;

static void S_first_index(void)
{
    S_first['B' >> 5] |= 1u << ('B' & 31);
    for (size_t i = 0; i < sizeof S_magic / sizeof S_magic[0]; i++) {
        const S_sig *s = &S_magic[i];
        unsigned char f = s->at == 0 ? (unsigned char)s->bytes[0] : s->at == 4 ? 0 : 'R';
        S_first[f >> 5] |= 1u << (f & 31);
    }
}

const char *cd_input_binary_signature(const unsigned char *in, size_t len)
{
    if (!in) return NULL;
    if (len) {
        pthread_once(&S_first_once, S_first_index);
        if (!(S_first[in[0] >> 5] & (1u << (in[0] & 31)))) return NULL;
    }
    if (S_bzip2(in, len)) return "BZh";
    for (size_t i = 0; i < sizeof S_magic / sizeof S_magic[0]; i++) {
        const S_sig *s = &S_magic[i];
        /* The first byte screens (a page starts with '<' or a space: none match). */
        if (len < (size_t)s->at + s->len || in[s->at] != (unsigned char)s->bytes[0] ||
            memcmp(in + s->at, s->bytes, s->len))
            continue;
        if (s->at == 8 && memcmp(in, "RIFF", 4)) continue;
        if (s->at == 4 && in[0] != 0) continue; /* ftyp: a box size under 16 MiB */
        if (s->text && !S_binary_byte_in(in, len, 16)) continue;
        return s->bytes;
    }
    return NULL;
}

/* The code point at s[0..n) (valid UTF-8: decoding made it so); *adv its length. */
static unsigned S_cp(const unsigned char *s, size_t n, size_t *adv)
{
    unsigned c = s[0];
    size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (k > n) {
        *adv = n;
        return 0xFFFD;
    }
    *adv = k;
    if (k == 1) return c;
    unsigned cp = c & (0x7F >> k);
    for (size_t i = 1; i < k; i++)
        cp = (cp << 6) | (s[i] & 0x3F);
    return cp;
}

/* A character no text document holds (see the file comment). */
static int S_binary_cp(unsigned cp)
{
    if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\f' && cp != '\r' && cp != 0x1B;
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFD;
}

static int S_space(unsigned c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int S_alpha(unsigned c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Is there a tag at cps[i] (a '<')? cps holds the sample's code points. */
static int S_tag_at(const unsigned *cps, size_t n, size_t i)
{
    size_t j = i + 1;
    if (j >= n) return 0;
    if (cps[j] == '!' && j + 2 < n && cps[j + 1] == '-' && cps[j + 2] == '-') return 1;
    if (cps[j] == '!' || cps[j] == '?') {
        j++;
        if (j >= n || !S_alpha(cps[j])) return 0;
    } else {
        if (cps[j] == '/') j++;
        if (j >= n || !S_alpha(cps[j])) return 0;
        while (j < n && (S_alpha(cps[j]) || (cps[j] >= '0' && cps[j] <= '9') || cps[j] == ':' ||
                         cps[j] == '-'))
            j++;
        if (j >= n) return 0;
        if (!S_space(cps[j]) && cps[j] != '/' && cps[j] != '>') return 0;
    }
    for (; j < n; j++) {
        if (cps[j] == '>') return 1;
        if (cps[j] >= 0x7F || (cps[j] < 0x20 && !S_space(cps[j]))) return 0;
    }
    return 0;
}

int cd_input_not_html(const unsigned char *raw, size_t raw_len, const char *utf8, size_t utf8_len)
{
    if (cd_input_binary_signature(raw, raw_len)) return 1;
    if (!utf8 || !utf8_len) return 0;
    const unsigned char *s = (const unsigned char *)utf8;
    /* First the count alone, printable ASCII passed over a byte at a time:
     * nearly every page is text, and a small page pays this per page. */
    size_t n = 0, binary = 0;
    for (size_t off = 0; off < utf8_len && n < CD_INPUT_SNIFF_CHARS; n++) {
#ifdef CD_SNIFF_SSE2
        /* Sixteen characters at once when they are all ASCII and none is a
         * control but tab, line feed or carriage return (none binary);
         * sixty-four when all four sixteens are so. */
        while (n + 64 <= CD_INPUT_SNIFF_CHARS && utf8_len - off >= 64) {
            __m128i any = _mm_setzero_si128();
            for (int b = 0; b < 4; b++) {
                __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + off + 16 * b));
                __m128i ok = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\t')),
                                          _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')),
                                                       _mm_cmpeq_epi8(x, _mm_set1_epi8('\r'))));
                any = _mm_or_si128(any, _mm_andnot_si128(ok, _mm_cmplt_epi8(x, _mm_set1_epi8(0x20))));
            }
            if (_mm_movemask_epi8(any))
                break;
            off += 64;
            n += 64;
        }
        while (n + 16 <= CD_INPUT_SNIFF_CHARS && utf8_len - off >= 16) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + off));
            __m128i ok = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\t')),
                                      _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')),
                                                   _mm_cmpeq_epi8(x, _mm_set1_epi8('\r'))));
            /* Signed: bytes of 0x80 and up are below 0x20 too. */
            __m128i bad = _mm_andnot_si128(ok, _mm_cmplt_epi8(x, _mm_set1_epi8(0x20)));
            if (_mm_movemask_epi8(bad))
                break;
            off += 16;
            n += 16;
        }
        if (off >= utf8_len || n >= CD_INPUT_SNIFF_CHARS)
            break;
#endif
        if (s[off] >= 0x20 && s[off] < 0x80) {
            off++;
            continue;
        }
        size_t adv;
        binary += S_binary_cp(S_cp(s + off, utf8_len - off, &adv));
        off += adv;
    }
    if (binary * CD_INPUT_SNIFF_BINARY_SHARE < n) return 0;
    unsigned cps[CD_INPUT_SNIFF_CHARS];
    n = binary = 0;
    for (size_t off = 0; off < utf8_len && n < CD_INPUT_SNIFF_CHARS;) {
        size_t adv;
        unsigned cp = S_cp(s + off, utf8_len - off, &adv);
        off += adv;
        cps[n++] = cp;
        binary += S_binary_cp(cp);
    }
    if (binary * CD_INPUT_SNIFF_BINARY_SHARE < n) return 0;
    size_t tags = 0;
    for (size_t i = 0; i < n && tags < 2; i++)
        tags += cps[i] == '<' && S_tag_at(cps, n, i);
    return tags < 2;
}
