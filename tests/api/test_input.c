/* Unit tests for the input stage: gzip, labels, prescan, BOM, hint,
 * detection, declared-but-wrong charsets, invalid bytes, NUL bytes, the
 * not-HTML sniff, the repair of double-encoded UTF-8.
 * Legacy-charset samples are made with iconv from UTF-8 literals, so each test
 * also checks the round trip back to the original text. Run from the repo root. */
#define _POSIX_C_SOURCE 200809L

#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "harness.h"
#include "input/input.h"
#include "util/utf8.h"

/* ---- helpers ------------------------------------------------------------ */

static cd_buf S_new(void)
{
    cd_buf b;
    cd_buf_init(&b, cd_mem_default());
    return b;
}

static int S_valid(const cd_buf *b)
{
    return b->data && cd_utf8_valid_prefix((const unsigned char *)b->data, b->len) == b->len &&
           strlen(b->data) == b->len && b->data[b->len] == '\0';
}

/* UTF-8 text -> bytes in `to` (appended to out). */
static void S_encode(const char *utf8, const char *to, cd_buf *out)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    OK(cd != (iconv_t)-1, "iconv_open %s", to);
    if (cd == (iconv_t)-1) return;
    char *ip = (char *)(uintptr_t)utf8;
    size_t il = strlen(utf8);
    cd_buf_reserve(out, il * 4 + 16);
    char *op = out->data + out->len;
    size_t ol = out->cap - out->len - 1, before = ol;
    size_t r = iconv(cd, &ip, &il, &op, &ol);
    OK(r != (size_t)-1, "iconv to %s", to);
    out->len += before - ol;
    out->data[out->len] = '\0';
    iconv_close(cd);
}

/* Decode and keep the result in *out (caller frees). */
static cd_decode_info S_dec(const void *in, size_t len, const char *hint, cd_buf *out)
{
    cd_decode_info info;
    INT_EQ(cd_input_decode(in, len, hint, out, &info), COPYDESK_OK, "");
    OK(S_valid(out), "output not valid UTF-8 (hint %s)", hint ? hint : "none");
    return info;
}

static int S_has(const cd_buf *b, const char *lit)
{
    return b->data && strstr(b->data, lit) != NULL;
}

static void S_gzip(const void *in, size_t len, cd_buf *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    OK(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK, "deflate");
    cd_buf_reserve(out, compressBound((uLong)len) + 64);
    z.next_in = (Bytef *)(uintptr_t)in;
    z.avail_in = (uInt)len;
    z.next_out = (Bytef *)out->data + out->len;
    z.avail_out = (uInt)(out->cap - out->len - 1);
    OK(deflate(&z, Z_FINISH) == Z_STREAM_END, "deflate finish");
    out->len += z.total_out;
    out->data[out->len] = '\0';
    deflateEnd(&z);
}

/* A counting allocator: every allocation of the stage goes through it. */
static long S_live;
static void *S_calloc(size_t n, size_t s)
{
    void *p = calloc(n, s);
    S_live += p != NULL;
    return p;
}
static void *S_realloc(void *p, size_t s)
{
    void *q = realloc(p, s);
    S_live += q && !p;
    return q;
}
static void S_free(void *p)
{
    S_live -= p != NULL;
    free(p);
}
static const cd_mem S_counting = {S_calloc, S_realloc, S_free};

/* ---- gzip ----------------------------------------------------------------- */

static void test_gzip(void)
{
    static char text[200000];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = (char)('a' + (i * 7 + i / 13) % 26);
    cd_buf gz = S_new(), out = S_new();
    S_gzip(text, sizeof text, &gz);
    OK(cd_input_is_gzip((unsigned char *)gz.data, gz.len), "is_gzip");
    OK(!cd_input_is_gzip((const unsigned char *)"<html>", 6), "not gzip");
    OK(!cd_input_is_gzip((const unsigned char *)"\x1f", 1), "one byte");
    OK(!cd_input_is_gzip(NULL, 0), "NULL");

    /* single member */
    INT_EQ(cd_input_gunzip((unsigned char *)gz.data, gz.len, SIZE_MAX, &out), COPYDESK_OK, "");
    INT_EQ(out.len, sizeof text, "");
    OK(out.len == sizeof text && !memcmp(out.data, text, sizeof text), "single member round trip");

    /* multi-member, and trailing garbage after the last member */
    cd_buf multi = S_new();
    S_gzip("hello ", 6, &multi);
    S_gzip("world", 5, &multi);
    cd_buf_put(&multi, "trailing junk", 13);
    INT_EQ(cd_input_gunzip((unsigned char *)multi.data, multi.len, 1000, &out), COPYDESK_OK, "");
    STR_EQ(out.data, "hello world", "");

    /* an empty member is a success with no bytes */
    cd_buf empty = S_new();
    S_gzip("", 0, &empty);
    INT_EQ(cd_input_gunzip((unsigned char *)empty.data, empty.len, 1000, &out), COPYDESK_OK, "");
    INT_EQ(out.len, 0, "");

    /* truncated: an error, the decoded prefix left in the buffer */
    INT_EQ(cd_input_gunzip((unsigned char *)gz.data, gz.len / 2, SIZE_MAX, &out), COPYDESK_ERR_GZIP,
           "");
    OK(out.len > 0 && out.len < sizeof text && !memcmp(out.data, text, out.len),
       "truncated keeps a prefix (%zu bytes)", out.len);
    /* cut anywhere, even inside the 8-byte trailer, it is damaged */
    for (size_t cut = 1; cut <= 8; cut++)
        INT_EQ(cd_input_gunzip((unsigned char *)gz.data, gz.len - cut, SIZE_MAX, &out),
               COPYDESK_ERR_GZIP, "cut %zu bytes before the end", cut);
    /* a wrong CRC-32, a wrong length */
    cd_buf crc = S_new();
    cd_buf_put(&crc, gz.data, gz.len);
    crc.data[crc.len - 8] ^= 1;
    INT_EQ(cd_input_gunzip((unsigned char *)crc.data, crc.len, SIZE_MAX, &out), COPYDESK_ERR_GZIP,
           "CRC");
    crc.data[crc.len - 8] ^= 1;
    crc.data[crc.len - 1] ^= 1;
    INT_EQ(cd_input_gunzip((unsigned char *)crc.data, crc.len, SIZE_MAX, &out), COPYDESK_ERR_GZIP,
           "length");
    cd_buf_free(&crc);
    /* a second member cut short */
    cd_buf cut2 = S_new();
    S_gzip("hello ", 6, &cut2);
    S_gzip("world", 5, &cut2);
    INT_EQ(cd_input_gunzip((unsigned char *)cut2.data, cut2.len - 3, 1000, &out), COPYDESK_ERR_GZIP,
           "");
    STR_EQ(out.data, "hello world", "the prefix, whole but unchecked");
    cd_buf_free(&cut2);
    /* truncated before any output, and garbage */
    INT_EQ(cd_input_gunzip((unsigned char *)gz.data, 10, SIZE_MAX, &out), COPYDESK_ERR_GZIP, "");
    INT_EQ(cd_input_gunzip((const unsigned char *)"\x1f\x8bgarbage garbage", 17, 100, &out),
           COPYDESK_ERR_GZIP, "");
    INT_EQ(cd_input_gunzip((const unsigned char *)"<html>", 6, 100, &out), COPYDESK_ERR_GZIP, "");
    /* corrupt in the middle: keep what came before */
    cd_buf bad = S_new();
    cd_buf_put(&bad, gz.data, gz.len);
    for (size_t i = gz.len / 2; i < gz.len / 2 + 64; i++)
        bad.data[i] ^= 0x5A;
    copydesk_status st = cd_input_gunzip((unsigned char *)bad.data, bad.len, SIZE_MAX, &out);
    OK(st == COPYDESK_ERR_GZIP && out.len > 0 &&
           !memcmp(out.data, text, out.len > 1000 ? 1000 : out.len),
       "corrupt middle: an error, the prefix kept (status %d)", (int)st);

    /* One member is decoded in one call (libdeflate) when its trailer gives
     * its size; what that path leaves to zlib must give zlib's answers. */
    /* a header CRC (FHCRC): checked, as zlib does */
    cd_buf hcrc = S_new();
    cd_buf_put(&hcrc, gz.data, 10);
    hcrc.data[3] |= 0x02;
    uLong h16 = crc32(0L, (const Bytef *)hcrc.data, 10) & 0xFFFF;
    cd_buf_putc(&hcrc, (char)(h16 & 0xFF));
    cd_buf_putc(&hcrc, (char)(h16 >> 8));
    cd_buf_put(&hcrc, gz.data + 10, gz.len - 10);
    INT_EQ(cd_input_gunzip((unsigned char *)hcrc.data, hcrc.len, SIZE_MAX, &out), COPYDESK_OK, "FHCRC");
    OK(out.len == sizeof text && !memcmp(out.data, text, sizeof text), "FHCRC round trip");
    hcrc.data[10] ^= 1;
    INT_EQ(cd_input_gunzip((unsigned char *)hcrc.data, hcrc.len, SIZE_MAX, &out), COPYDESK_ERR_GZIP,
           "a wrong header CRC");
    cd_buf_free(&hcrc);
    /* trailing bytes whose last four announce another size: ignored */
    cd_buf tail = S_new();
    cd_buf_put(&tail, gz.data, gz.len);
    cd_buf_put(&tail, "\x50\x0d\x03\x00", 4); /* 200,016 */
    INT_EQ(cd_input_gunzip((unsigned char *)tail.data, tail.len, SIZE_MAX, &out), COPYDESK_OK, "");
    OK(out.len == sizeof text && !memcmp(out.data, text, sizeof text), "a trailer that lies (more)");
    tail.data[tail.len - 4] = 0x30; /* 199,984: less than the member */
    INT_EQ(cd_input_gunzip((unsigned char *)tail.data, tail.len, SIZE_MAX, &out), COPYDESK_OK, "");
    OK(out.len == sizeof text && !memcmp(out.data, text, sizeof text), "a trailer that lies (less)");
    tail.data[tail.len - 1] = 0x7F; /* far more than the input can hold */
    INT_EQ(cd_input_gunzip((unsigned char *)tail.data, tail.len, SIZE_MAX, &out), COPYDESK_OK, "");
    OK(out.len == sizeof text && !memcmp(out.data, text, sizeof text), "a trailer that lies (huge)");
    cd_buf_free(&tail);
    /* zlib (several members) allocates through the buffer's allocator too */
    {
        cd_buf counted;
        cd_buf_init(&counted, &S_counting);
        INT_EQ(cd_input_gunzip((unsigned char *)multi.data, multi.len, 1000, &counted), COPYDESK_OK, "");
        STR_EQ(counted.data, "hello world", "");
        INT_EQ(S_live, 1, "");
        cd_buf_free(&counted);
        INT_EQ(S_live, 0, "");
    }

    /* too large, and exactly the limit */
    INT_EQ(cd_input_gunzip((unsigned char *)gz.data, gz.len, 1000, &out), COPYDESK_ERR_TOO_LARGE,
           "");
    INT_EQ(out.len, 1000, "");
    INT_EQ(cd_input_gunzip((unsigned char *)gz.data, gz.len, sizeof text, &out), COPYDESK_OK, "");
    INT_EQ(out.len, sizeof text, "");
    INT_EQ(cd_input_gunzip((unsigned char *)multi.data, multi.len, 8, &out), COPYDESK_ERR_TOO_LARGE,
           "");
    STR_EQ(out.data, "hello wo", "");

    /* zlib allocates through the buffer's allocator, and frees it all */
    cd_buf counted;
    cd_buf_init(&counted, &S_counting);
    INT_EQ(cd_input_gunzip((unsigned char *)gz.data, gz.len, SIZE_MAX, &counted), COPYDESK_OK, "");
    INT_EQ(S_live, 1, "");
    cd_buf_free(&counted);
    INT_EQ(S_live, 0, "");

    cd_buf_free(&gz);
    cd_buf_free(&out);
    cd_buf_free(&multi);
    cd_buf_free(&empty);
    cd_buf_free(&bad);
}

/* ---- labels and prescan ---------------------------------------------------- */

static void test_labels(void)
{
    STR_EQ(cd_input_charset_canonical("latin1", 6), "windows-1252", "");
    STR_EQ(cd_input_charset_canonical(" \tUTF8\n", 7), "utf-8", "");
    STR_EQ(cd_input_charset_canonical("x-sjis", 6), "shift_jis", "");
    STR_EQ(cd_input_charset_canonical("Windows-31J", 11), "shift_jis", "");
    STR_EQ(cd_input_charset_canonical("gb2312", 6), "gbk", "");
    STR_EQ(cd_input_charset_canonical("ks_c_5601-1987", 14), "euc-kr", "");
    STR_EQ(cd_input_charset_canonical("ISO-2022-KR", 11), "replacement", "");
    STR_EQ(cd_input_charset_canonical("utf-16", 6), "utf-16le", "");
    STR_EQ(cd_input_charset_canonical("iso-8859-11", 11), "windows-874", "");
    STR_EQ(cd_input_charset_canonical("x-mac-ukrainian", 15), "x-mac-cyrillic", "");
    STR_EQ(cd_input_charset_canonical("utf-8xyz", 5), "utf-8", ""); /* length, not NUL */
    STR_EQ(cd_input_charset_canonical("bogus", 5), NULL, "");
    STR_EQ(cd_input_charset_canonical("", 0), NULL, "");
    STR_EQ(cd_input_charset_canonical("utf 8", 5), NULL, "");
    STR_EQ(cd_input_charset_canonical(NULL, 3), NULL, "");
}

static const char *S_pre(const char *s)
{
    return cd_input_prescan((const unsigned char *)s, strlen(s));
}

static void test_prescan(void)
{
    STR_EQ(S_pre("<meta charset=utf-8>"), "utf-8", "");
    STR_EQ(S_pre("<META CHARSET='Shift_JIS'>"), "shift_jis", "");
    STR_EQ(S_pre("<meta http-equiv=Content-Type content='text/html; charset=koi8-r'>"), "koi8-r",
           "");
    STR_EQ(S_pre("<meta content=\"text/html;charset = 'euc-kr'\" http-equiv=\"content-type\">"),
           "euc-kr", "");
    STR_EQ(S_pre("<meta content='text/html; charset=koi8-r'>"), NULL, ""); /* no pragma */
    STR_EQ(S_pre("<meta charset=utf-16be>"), "utf-8", "");
    STR_EQ(S_pre("<meta charset=x-user-defined>"), "windows-1252", "");
    STR_EQ(S_pre("<meta charset=iso-2022-kr>"), "replacement", "");
    STR_EQ(S_pre("<!-- <meta charset=koi8-r> --><meta charset=gbk>"), "gbk", "");
    STR_EQ(S_pre("<!--><meta charset=gbk>"), "gbk", "");
    /* A comment ends at the first "-->" from its "--" on (found by its '>'). */
    STR_EQ(S_pre("<!---><meta charset=gbk>"), "gbk", "");
    STR_EQ(S_pre("<!-- > -> --x> <meta charset=koi8-r> --><meta charset=gbk>"), "gbk", "");
    STR_EQ(S_pre("<!-- -- <meta charset=koi8-r>"), NULL, ""); /* no end: the prescan stops */
    STR_EQ(S_pre("<p / / title=x><meta charset=gbk>"), "gbk", "");
    STR_EQ(S_pre("<meta/\t/charset=gbk>"), "gbk", "");
    STR_EQ(S_pre("<p title='<meta charset=koi8-r>'><meta charset=big5>"), "big5", "");
    STR_EQ(S_pre("<meta charset=bogus><meta charset=big5>"), "big5", "");
    STR_EQ(S_pre("<meta charset=\"big5"), NULL, "");              /* cut by the end */
    STR_EQ(S_pre("<meta charset=big5 charset=gbk>"), "big5", ""); /* first attribute wins */
    STR_EQ(S_pre("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><html>"), "iso-8859-2", "");
    STR_EQ(S_pre("<?xml version=\"1.0\" encoding=\"x\"?><meta charset=gbk>"), "gbk", "");
    STR_EQ(S_pre(""), NULL, "");
    STR_EQ(cd_input_prescan(NULL, 10), NULL, "");

    /* Past 1024 bytes: the spec's prescan stops; decode's late scan finds it. */
    char page[4096];
    memset(page, ' ', sizeof page);
    memcpy(page, "<html><!--", 10);
    const char *tail = "--><meta charset=koi8-r><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";
    memcpy(page + 2000, tail, strlen(tail));
    size_t len = 2000 + strlen(tail);
    STR_EQ(cd_input_prescan((unsigned char *)page, len), NULL, "");
    cd_buf out = S_new();
    cd_decode_info info = S_dec(page, len, NULL, &out);
    STR_EQ(info.charset, "koi8-r", "");
    INT_EQ(info.source, CD_CHARSET_META, "");
    OK(S_has(&out, "<p>Привет</p>"), "late meta koi8-r decoded");
    cd_buf_free(&out);
}

/* ---- BOM and hint ----------------------------------------------------------- */

static void test_bom_hint(void)
{
    cd_buf out = S_new();
    cd_decode_info info;

    info = S_dec("\xEF\xBB\xBF<meta charset=koi8-r>caf\xC3\xA9", 29, NULL, &out);
    STR_EQ(info.charset, "utf-8", "");
    INT_EQ(info.source, CD_CHARSET_BOM, "");
    STR_EQ(out.data, "<meta charset=koi8-r>caf\xC3\xA9", "");

    info = S_dec("\xFF\xFE<\0p\0>\0\xE9\0", 10, "utf-8", &out);
    STR_EQ(info.charset, "utf-16le", "");
    STR_EQ(out.data, "<p>\xC3\xA9", "");
    info = S_dec("\xFE\xFF\0<\0p\0>\0\xE9", 10, NULL, &out);
    STR_EQ(info.charset, "utf-16be", "");
    STR_EQ(out.data, "<p>\xC3\xA9", "");
    /* odd trailing byte, lone surrogate */
    info = S_dec("\xFF\xFE"
                 "a\0\x00\xD8"
                 "b\0c",
                 9, NULL, &out);
    STR_EQ(out.data,
           "a\xEF\xBF\xBD"
           "b\xEF\xBF\xBD",
           "");
    INT_EQ(info.replaced, 2, "");

    info = S_dec("caf\xE9 cr\xE8me", 10, "  Latin1 ", &out);
    STR_EQ(info.charset, "windows-1252", "");
    INT_EQ(info.source, CD_CHARSET_HINT, "");
    STR_EQ(out.data, "caf\xC3\xA9 cr\xC3\xA8me", "");
    /* a hint beats the meta; an unknown hint is ignored */
    info = S_dec("<meta charset=koi8-r>\xE9", 22, "windows-1251", &out);
    STR_EQ(info.charset, "windows-1251", "");
    info = S_dec("<meta charset=koi8-r>\xE9", 22, "no-such-charset", &out);
    STR_EQ(info.charset, "koi8-r", "");
    INT_EQ(info.source, CD_CHARSET_META, "");

    /* windows-1252 maps every byte (0x81 -> U+0081), 0x80 -> euro */
    info = S_dec("\x80\x81\x9F", 3, "iso-8859-1", &out);
    STR_EQ(out.data, "\xE2\x82\xAC\xC2\x81\xC5\xB8", "");
    INT_EQ(info.replaced, 0, "");
    info = S_dec("a\x80\xFF", 3, "x-user-defined", &out);
    STR_EQ(out.data, "a\xEF\x9E\x80\xEF\x9F\xBF", "");
    /* replacement: one U+FFFD for the whole stream */
    info = S_dec("<p>hello</p>", 12, "iso-2022-kr", &out);
    STR_EQ(info.charset, "replacement", "");
    STR_EQ(out.data, "\xEF\xBF\xBD", "");
    /* empty and NULL input */
    info = S_dec("", 0, NULL, &out);
    STR_EQ(out.data, "", "");
    STR_EQ(info.charset, "windows-1252", "");
    INT_EQ(info.source, CD_CHARSET_DEFAULT, "");
    INT_EQ(cd_input_decode(NULL, 5, NULL, &out, &info), COPYDESK_OK, "");
    STR_EQ(out.data, "", "");
    INT_EQ(cd_input_decode((const unsigned char *)"x", 1, NULL, NULL, &info), COPYDESK_ERR_ARG, "");
    /* pure ASCII, undeclared: windows-1252 by default */
    info = S_dec("<p>plain</p>", 12, NULL, &out);
    STR_EQ(info.charset, "windows-1252", "");
    INT_EQ(info.source, CD_CHARSET_DEFAULT, "");
    cd_buf_free(&out);
}

/* ---- detection ----------------------------------------------------------- */

#define PAGE(body) "<html><head><title>t</title></head><body><p>" body "</p></body></html>"

static const char S_fr[] =
    PAGE("Le café était très agréable. Les élèves ont étudié à l'école près de la forêt. "
         "Über die Brücke gehen wir zum Märchenschloß — «naïve» façade, déjà vu, “quoted”.");
static const char S_ja[] = PAGE(
    "日本語のテキストです。これは文字コードの自動判定のテストです。東京都は日本の首都であり、"
    "多くの人が住んでいます。今日は天気が良いので、公園を散歩しました。桜の花がとても綺麗でした。"
    "新しい技術の開発が進んでいます。");
static const char S_zh[] =
    PAGE("中华人民共和国是世界上人口最多的国家之一。北京是中国的首都，也是政治和文化中心。"
         "我们今天讨论字符编码的检测问题。这个城市有很多历史悠久的建筑和美丽的公园。"
         "经济发展非常迅速，人民生活水平不断提高。");
static const char S_ko[] = PAGE(
    "대한민국은 동아시아에 위치한 나라입니다. 서울은 대한민국의 수도이며 가장 큰 도시입니다. "
    "오늘은 문자 인코딩 감지에 대해 이야기합니다. 한국어는 한글이라는 고유한 문자를 사용합니다. "
    "많은 사람들이 지하철을 타고 출근합니다.");
static const char S_ru[] =
    PAGE("Москва является столицей Российской Федерации и крупнейшим городом страны. "
         "Сегодня мы обсуждаем автоматическое определение кодировки текста. "
         "Погода была хорошая, и мы долго гуляли по парку вдоль реки.");

static void S_detect(const char *utf8, const char *iconv_name, const char *want1, const char *want2)
{
    cd_buf bytes = S_new(), out = S_new();
    S_encode(utf8, iconv_name, &bytes);
    cd_decode_info info = S_dec(bytes.data, bytes.len, NULL, &out);
    OK(!strcmp(info.charset, want1) || (want2 && !strcmp(info.charset, want2)), "%s detected as %s",
       iconv_name, info.charset);
    INT_EQ(info.source, CD_CHARSET_DETECTED, "");
    STR_EQ(out.data, utf8, "");
    INT_EQ(info.replaced, 0, "");
    cd_buf_free(&bytes);
    cd_buf_free(&out);
}

static void test_detection(void)
{
    S_detect(S_fr, "UTF-8", "utf-8", NULL);
    S_detect(S_fr, "CP1252", "windows-1252", NULL);
    S_detect(S_ja, "SHIFT_JIS", "shift_jis", NULL);
    S_detect(S_ja, "EUC-JP", "euc-jp", NULL);
    S_detect(S_zh, "GBK", "gbk", "gb18030");
    S_detect(S_ko, "EUC-KR", "euc-kr", NULL);
    S_detect(S_ru, "KOI8-R", "koi8-r", NULL);
    S_detect(S_ru, "CP1251", "windows-1251", NULL);
    S_detect(S_ja, "UTF-16LE", "utf-16le", NULL);
    S_detect(S_ru, "UTF-16BE", "utf-16be", NULL);

    /* html5lib's Big5 sample */
    FILE *f = fopen("../shared/data/html5lib-tests/encoding/chardet/test_big5.txt", "rb");
    OK(f != NULL, "big5 sample missing (run from the repo root, shared/ beside it)");
    if (f) {
        char buf[4096];
        size_t n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        cd_buf out = S_new();
        cd_decode_info info = S_dec(buf, n, NULL, &out);
        STR_EQ(info.charset, "big5", "");
        OK(S_has(&out, "老子道經"), "big5 text decoded");
        cd_buf_free(&out);
    }

    /* meta-declared legacy charset, decoded */
    cd_buf bytes = S_new(), out = S_new();
    cd_buf_puts(&bytes, "<meta charset=shift_jis>");
    S_encode(S_ja, "CP932", &bytes);
    cd_decode_info info = S_dec(bytes.data, bytes.len, NULL, &out);
    STR_EQ(info.charset, "shift_jis", "");
    INT_EQ(info.source, CD_CHARSET_META, "");
    OK(S_has(&out, "東京都は日本の首都"), "shift_jis via meta");
    /* an invalid byte inside: U+FFFD, skip one byte, go on */
    cd_buf_clear(&bytes);
    S_encode("東京", "CP932", &bytes);
    cd_buf_put(&bytes, "\x85\x20", 2); /* 0x85 0x20: no such character */
    S_encode("大阪", "CP932", &bytes);
    info = S_dec(bytes.data, bytes.len, "sjis", &out);
    STR_EQ(out.data, "東京\xEF\xBF\xBD 大阪", "");
    INT_EQ(info.replaced, 1, "");
    INT_EQ(info.first_invalid, 4, "");
    /* a truncated multi-byte character at the end */
    info = S_dec("\x93\x8C\x8B", 3, "shift_jis", &out);
    STR_EQ(out.data, "東\xEF\xBF\xBD", "");
    cd_buf_free(&bytes);
    cd_buf_free(&out);
}

/* ---- declarations that lie -------------------------------------------------- */

static void test_declared_wrong(void)
{
    cd_buf bytes = S_new(), out = S_new();
    cd_decode_info info;

    /* meta says utf-8, bytes are windows-1252 */
    cd_buf_puts(&bytes, "<meta charset=\"utf-8\">");
    S_encode(S_fr, "CP1252", &bytes);
    info = S_dec(bytes.data, bytes.len, NULL, &out);
    STR_EQ(info.charset, "windows-1252", "");
    INT_EQ(info.declared_wrong, 1, "");
    INT_EQ(info.source, CD_CHARSET_DETECTED, "");
    OK(S_has(&out, "Le café était"), "re-detected text");
    INT_EQ(info.replaced, 0, "");
    /* hint says utf-8, bytes are KOI8-R */
    cd_buf_clear(&bytes);
    S_encode(S_ru, "KOI8-R", &bytes);
    info = S_dec(bytes.data, bytes.len, "utf-8", &out);
    STR_EQ(info.charset, "koi8-r", "");
    INT_EQ(info.declared_wrong, 1, "");
    STR_EQ(out.data, S_ru, "");
    /* hint says utf-8, bytes are GBK */
    cd_buf_clear(&bytes);
    S_encode(S_zh, "GBK", &bytes);
    info = S_dec(bytes.data, bytes.len, "utf-8", &out);
    OK(!strcmp(info.charset, "gbk") || !strcmp(info.charset, "gb18030"), "gbk: %s", info.charset);
    INT_EQ(info.declared_wrong, 1, "");
    /* utf-8 with a few broken bytes stays utf-8 */
    cd_buf_clear(&bytes);
    cd_buf_puts(&bytes, "<meta charset=utf-8>");
    cd_buf_puts(&bytes, S_fr);
    cd_buf_puts(&bytes, "broken \xE9 byte");
    info = S_dec(bytes.data, bytes.len, NULL, &out);
    STR_EQ(info.charset, "utf-8", "");
    INT_EQ(info.declared_wrong, 0, "");
    INT_EQ(info.replaced, 1, "");
    INT_EQ(info.first_invalid, bytes.len - 6, "");
    /* undeclared, mostly utf-8: still utf-8 */
    info = S_dec(bytes.data + 20, bytes.len - 20, NULL, &out);
    STR_EQ(info.charset, "utf-8", "");
    INT_EQ(info.source, CD_CHARSET_DETECTED, "");
    /* hint says latin1 (a server default), bytes are utf-8 */
    info = S_dec(S_fr, strlen(S_fr), "ISO-8859-1", &out);
    STR_EQ(info.charset, "utf-8", "");
    INT_EQ(info.declared_wrong, 1, "");
    STR_EQ(out.data, S_fr, "");
    /* a single-byte <meta> yields to valid UTF-8 the same way (it cannot
     * form valid multi-byte sequences by chance) ... */
    cd_buf_clear(&bytes);
    cd_buf_puts(&bytes, "<meta charset=iso-8859-1>caf\xC3\xA9 \xC3\xA9t\xC3\xA9");
    info = S_dec(bytes.data, bytes.len, NULL, &out);
    STR_EQ(info.charset, "utf-8", "");
    INT_EQ(info.declared_wrong, 1, "");
    /* ... but with a single sequence it stands */
    cd_buf_clear(&bytes);
    cd_buf_puts(&bytes, "<meta charset=iso-8859-1>caf\xC3\xA9");
    info = S_dec(bytes.data, bytes.len, NULL, &out);
    STR_EQ(info.charset, "windows-1252", "");
    INT_EQ(info.declared_wrong, 0, "");
    /* ... and a CJK <meta> stands (as in browsers): its byte pairs form valid
     * UTF-8 by chance */
    cd_buf_clear(&bytes);
    cd_buf_puts(&bytes, "<meta charset=euc-jp>\xC4\xA2\xC5\xA4\xC6\xA6");
    info = S_dec(bytes.data, bytes.len, NULL, &out);
    STR_EQ(info.charset, "euc-jp", "");
    INT_EQ(info.declared_wrong, 0, "");
    /* declared utf-16 without a single NUL: re-detected */
    info = S_dec(S_fr, strlen(S_fr), "utf-16", &out);
    STR_EQ(info.charset, "utf-8", "");
    INT_EQ(info.declared_wrong, 1, "");
    /* declared utf-16le, bytes are utf-16be */
    cd_buf_clear(&bytes);
    S_encode(S_ru, "UTF-16BE", &bytes);
    info = S_dec(bytes.data, bytes.len, "utf-16le", &out);
    STR_EQ(info.charset, "utf-16be", "");
    INT_EQ(info.declared_wrong, 1, "");
    STR_EQ(out.data, S_ru, "");
    /* declared legacy, bytes are utf-16le */
    cd_buf_clear(&bytes);
    S_encode(S_fr, "UTF-16LE", &bytes);
    info = S_dec(bytes.data, bytes.len, "windows-1252", &out);
    STR_EQ(info.charset, "utf-16le", "");
    STR_EQ(out.data, S_fr, "");
    /* a <meta> declaring gb2312 on a page transcoded to UTF-8 (Readability's qq
     * page: its title came out as mojibake); a short one still follows the meta */
    cd_buf_clear(&bytes);
    cd_buf_puts(&bytes, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">");
    for (int i = 0; i < 12; i++)
        cd_buf_puts(&bytes, S_zh); /* about 1000 CJK characters, valid UTF-8 */
    info = S_dec(bytes.data, bytes.len, NULL, &out);
    STR_EQ(info.charset, "utf-8", "transcoded page declared gb2312");
    INT_EQ(info.declared_wrong, 1, "");
    OK(S_has(&out, S_zh), "utf-8 text kept");
    cd_buf_clear(&bytes);
    cd_buf_puts(&bytes, "<meta charset=gb2312>");
    cd_buf_puts(&bytes, S_zh);
    info = S_dec(bytes.data, bytes.len, NULL, &out);
    STR_EQ(info.charset, "gbk", "a few UTF-8-looking characters: the meta stands");
    INT_EQ(info.declared_wrong, 0, "");
    cd_buf_free(&bytes);
    cd_buf_free(&out);
}

/* ---- invalid UTF-8 and NUL ------------------------------------------------------ */

static void test_invalid_utf8(void)
{
    /* Each case follows enough valid UTF-8 that the declaration stands; the
     * expected output applies the maximal-subpart rule (Unicode §3.9). */
    static const struct {
        const char *in, *want;
        int fffd;
    } cases[] = {
        {"\x80", "\xEF\xBF\xBD", 1},                 /* lone continuation */
        {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2}, /* overlong */
        {"\xE0\x80\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3}, /* surrogate */
        {"\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4},
        {"\xE2\x82x", "\xEF\xBF\xBDx", 1}, /* truncated mid-text */
        {"\xF0\x9F\x98x", "\xEF\xBF\xBDx", 1},
        {"\xF8\x88\x80\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 5},
        {"\xFE\xFF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},
        {"\xEF\xBF\xBD", "\xEF\xBF\xBD", 0}, /* a real U+FFFD is kept */
        {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0},
        {"\xE2\x82", "\xEF\xBF\xBD", 1}, /* truncated at the end */
    };
    const char *good = "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";
    cd_buf in = S_new(), out = S_new(), want = S_new();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cd_buf_clear(&in);
        cd_buf_clear(&want);
        cd_buf_puts(&in, good);
        cd_buf_puts(&in, cases[i].in);
        cd_buf_puts(&want, good);
        cd_buf_puts(&want, cases[i].want);
        cd_decode_info info = S_dec(in.data, in.len, "utf-8", &out);
        OK(!strcmp(out.data, want.data), "case %zu", i);
        INT_EQ(info.replaced, cases[i].fffd, "");
        STR_EQ(info.charset, "utf-8", "");
    }
    /* Random bytes under every kind of hint: always valid UTF-8. */
    static const char *hints[] = {
        NULL,     "utf-8",        "shift_jis",      "gbk",        "big5",
        "euc-kr", "euc-jp",       "iso-2022-jp",    "utf-16le",   "utf-16be",
        "koi8-r", "windows-1252", "x-user-defined", "replacement"};
    unsigned seed = 12345;
    unsigned char rnd[600];
    for (int round = 0; round < 1400; round++) {
        size_t n = (size_t)(round * 7) % sizeof rnd;
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            unsigned v = (seed >> 16) & 0xFF;
            rnd[k] = (unsigned char)(round % 3 == 0 ? v : round % 3 == 1 ? (v & 0x8F) : (v | 0x80));
        }
        cd_decode_info info;
        const char *h = hints[round % (sizeof hints / sizeof hints[0])];
        INT_EQ(cd_input_decode(rnd, n, h, &out, &info), COPYDESK_OK, "");
        if (!S_valid(&out)) {
            OK(0, "random round %d (hint %s, charset %s): invalid output", round, h ? h : "-",
               info.charset);
            break;
        }
    }
    cd_buf_free(&in);
    cd_buf_free(&out);
    cd_buf_free(&want);
}

/* util/utf8.h's en/em dash tests (the one copy every stage calls): both
 * dashes, not their neighbours (U+2012, U+2015, the bullet), never a read
 * past the bounds given. */
static void test_dash(void)
{
    const char *s = "a \xE2\x80\x93 b \xE2\x80\x94";
    size_t n = strlen(s);
    OK(cd_utf8_dash("\xE2\x80\x93") && cd_utf8_dash("\xE2\x80\x94"), "en and em dash");
    OK(!cd_utf8_dash("\xE2\x80\x92") && !cd_utf8_dash("\xE2\x80\x95") && !cd_utf8_dash("\xE2\x80\xA2") &&
           !cd_utf8_dash("\xE2\x81\x93") && !cd_utf8_dash("--x"),
       "not a figure dash, a bar, a bullet, another block, hyphens");
    OK(cd_utf8_dash_at(s, n, 2) && !cd_utf8_dash_at(s, n, 1) && !cd_utf8_dash_at(s, n, 3), "at");
    OK(cd_utf8_dash_at(s, n, n - 3) && !cd_utf8_dash_at(s, n - 1, n - 3) && !cd_utf8_dash_at(s, n, n), "at, bounded");
    OK(cd_utf8_dash_ends(s, n) && !cd_utf8_dash_ends(s, n - 1) && !cd_utf8_dash_ends(s, 2) && !cd_utf8_dash_ends(s, 0),
       "ends");
    OK(cd_utf8_dash_ends(s, 5) && !cd_utf8_dash_ends(s + 2, 2), "ends, bounded");
}

static void test_nul(void)
{
    cd_buf out = S_new();
    cd_decode_info info = S_dec("a\0b\0", 4, NULL, &out);
    STR_EQ(out.data,
           "a\xEF\xBF\xBD"
           "b\xEF\xBF\xBD",
           "");
    INT_EQ(info.nul_bytes, 2, "");
    INT_EQ(info.replaced, 0, "");
    info = S_dec("\xC3\xA9\0\xC3\xA9", 5, NULL, &out);
    STR_EQ(info.charset, "utf-8", "");
    STR_EQ(out.data, "\xC3\xA9\xEF\xBF\xBD\xC3\xA9", "");
    INT_EQ(info.nul_bytes, 1, "");
    info = S_dec("\xF0\0\xF1", 3, "koi8-r", &out);
    STR_EQ(out.data, "\xD0\x9F\xEF\xBF\xBD\xD0\xAF", "");
    INT_EQ(info.nul_bytes, 1, "");
    info = S_dec("\xFF\xFEh\0\0\0i\0", 8, NULL, &out);
    STR_EQ(out.data, "h\xEF\xBF\xBDi", "");
    INT_EQ(info.nul_bytes, 1, "");
    cd_buf_free(&out);
}

/* ---- not HTML (sniff.c) ---------------------------------------------------- */

static int S_not_html(const char *raw, size_t len)
{
    cd_buf out = S_new();
    cd_decode_info info;
    INT_EQ(cd_input_decode((const unsigned char *)raw, len, NULL, &out, &info), COPYDESK_OK, "");
    int r = cd_input_not_html((const unsigned char *)raw, len, out.data, out.len);
    cd_buf_free(&out);
    return r;
}

static void test_not_html(void)
{
    /* signatures */
    static const struct {
        const char *bytes;
        size_t len;
    } bin[] = {
        {"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16},
        {"GIF89a\x10\0\x10\0", 10},
        {"\xff\xd8\xff\xe0\0\x10JFIF", 10},
        {"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", 40},
        {"PK\3\4\x14\0\0\0\x08\0", 10},
        {"\x7f"
         "ELF\2\1\1\0\0\0",
         10},
        {"RIFF\x24\0\0\0WEBPVP8 ", 16},
        {"\0\0\0\x18"
         "ftypmp42",
         12},
        {"OggS\0\2\0\0", 8},
        {"BZh91AY&SY\x12\x34", 12},
        {"\x1f\x8b\x08\0\0\0\0\0", 8},
    };
    for (size_t i = 0; i < sizeof bin / sizeof bin[0]; i++) {
        OK(cd_input_binary_signature((const unsigned char *)bin[i].bytes, bin[i].len) != NULL,
           "signature %zu", i);
        OK(S_not_html(bin[i].bytes, bin[i].len), "binary %zu refused", i);
    }
    /* letters a text could begin with are a signature only with binary bytes after them */
    OK(!cd_input_binary_signature((const unsigned char *)"OTTO von Bismarck", 17), "OTTO as text");
    OK(!cd_input_binary_signature((const unsigned char *)"ID3 tags explained", 18), "ID3 as text");
    OK(!cd_input_binary_signature((const unsigned char *)"OggS", 4), "OggS alone");
    OK(!S_not_html("GIF87 is an image format", 24), "a text about GIF");

    /* random bytes: refused (fixed generator) */
    static char rnd[4096];
    unsigned x = 15;
    for (size_t i = 0; i < sizeof rnd; i++) {
        x = x * 1103515245u + 12345u;
        rnd[i] = (char)(x >> 16);
    }
    OK(S_not_html(rnd, sizeof rnd), "4 KB of random bytes");
    OK(S_not_html(rnd, 100), "100 random bytes");

    /* text is read: pages, plain text, damaged pages that keep their tags */
    const char *page =
        "<!DOCTYPE html><html><head><title>t</title></head><body><p>text</p></body></html>";
    OK(!S_not_html(page, strlen(page)), "a page");
    const char *plain = "Harbour reopens.\n\nThe harbour reopened on Thursday.\n";
    OK(!S_not_html(plain, strlen(plain)), "plain text");
    const char nuls[] = "<p>a\0b\0c</p>\0<div \0class=\0x>\0<p>a\0b\0c</p>\0<div \0class=\0x>\0";
    OK(!S_not_html(nuls, sizeof nuls - 1), "NUL bytes between tags");
    char junk_page[2048];
    memcpy(junk_page, rnd, sizeof junk_page);
    memcpy(junk_page + 100, "<html><body>", 12);
    OK(!S_not_html(junk_page, sizeof junk_page), "binary bytes around two tags");
    cd_buf u16 = S_new();
    S_encode("<html><head><title>UTF-16</title></head><body><p>Texte accentué.</p></body></html>",
             "UTF-16LE", &u16);
    OK(!S_not_html(u16.data, u16.len), "UTF-16 without a BOM (NUL bytes in every other byte)");
    cd_buf_free(&u16);
    OK(!S_not_html("", 0), "empty");
    OK(!cd_input_not_html(NULL, 0, NULL, 0), "NULL");

    /* The count of binary characters in the first CD_INPUT_SNIFF_CHARS (1024)
     * steps over plain ASCII 16 bytes at a time: controls at every offset
     * around those steps, and the 32nd one (1 in 32: refused) just inside or
     * just outside the sample, with and without a 2-byte character in front
     * (the sample counts characters, not bytes). */
    for (int lead = 0; lead < 2; lead++)
        for (size_t shift = 0; shift < 16; shift++) {
            char t[1200];
            size_t o = 0;
            if (lead)
                t[o++] = (char)0xC3, t[o++] = (char)0xA9; /* é: 2 bytes, 1 character */
            while (o < sizeof t)
                t[o] = "word \t\r\n"[o % 8], o++;
            size_t first = (size_t)lead * 2; /* the byte of character `lead` */
            for (size_t i = 0; i < 31; i++)
                t[first + shift + i * 32] = '\1';
            OK(!S_not_html(t, sizeof t), "31 controls (shift %zu, lead %d)", shift, lead);
            t[(size_t)lead + 1024] = '\2'; /* the 1025th character: outside */
            OK(!S_not_html(t, sizeof t), "32nd outside (shift %zu, lead %d)", shift, lead);
            t[(size_t)lead + 1023] = '\2'; /* the 1024th character: inside */
            OK(S_not_html(t, sizeof t), "32nd inside (shift %zu, lead %d)", shift, lead);
            t[(size_t)lead + 1023] = '\x1b'; /* escape: not binary */
            OK(!S_not_html(t, sizeof t), "escape is text (shift %zu, lead %d)", shift, lead);
        }
}

/* cd_input_decode_view: a page that is valid UTF-8 is read where it lies;
 * anything to change (an invalid byte, NUL, a cut sequence) goes through
 * the copy, with the same bytes as cd_input_decode. The UTF-8 check steps
 * 16 (or 8) bytes at a time: the odd byte is put at every offset around
 * those steps. */
static void S_view_case(const unsigned char *in, size_t len, const char *hint, int want_view, const char *what,
                        size_t at)
{
    cd_buf ref = S_new(), out = S_new();
    cd_decode_info ri, vi;
    const char *v = NULL;
    size_t vl = 0;
    INT_EQ(cd_input_decode(in, len, hint, &ref, &ri), COPYDESK_OK, "");
    INT_EQ(cd_input_decode_view(in, len, hint, &out, &vi, &v, &vl), COPYDESK_OK, "");
    size_t skip = len >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF ? 3 : 0;
    if (want_view)
        OK(v == (const char *)in + skip && vl == len - skip, "%s at %zu: not read in place", what, at);
    else
        OK(v == out.data && vl == out.len, "%s at %zu: not the copy", what, at);
    OK(vl == ref.len && (vl == 0 || memcmp(v, ref.data, vl) == 0), "%s at %zu: bytes differ", what, at);
    INT_EQ(vi.replaced, ri.replaced, "%s at %zu", what, at);
    INT_EQ(vi.first_invalid, ri.first_invalid, "%s at %zu", what, at);
    INT_EQ(vi.nul_bytes, ri.nul_bytes, "%s at %zu", what, at);
    STR_EQ(vi.charset, ri.charset, "%s at %zu", what, at);
    cd_buf_free(&ref);
    cd_buf_free(&out);
}

static void test_view(void)
{
    unsigned char page[80];
    for (size_t len = 40; len <= 72; len += 16) {
        for (size_t at = 0; at + 4 < len; at++) {
            /* ASCII with two valid sequences, one at `at`: read in place. */
            memset(page, 'a', sizeof page);
            memcpy(page + len - 2, "\xc3\xa9", 2);
            memcpy(page + at, "\xc3\xa9", 2);
            S_view_case(page, len, NULL, 1, "valid", at);
            S_view_case(page, len, "utf-8", 1, "valid, declared", at);
            /* An invalid byte at `at` (declared UTF-8 with more valid
             * sequences than invalid ones): copied, U+FFFD there. */
            memset(page, 'a', sizeof page);
            memcpy(page + len - 4, "\xc3\xa9\xc3\xa9", 4);
            page[at] = 0xFF;
            cd_buf ref = S_new();
            cd_decode_info info = S_dec(page, len, "utf-8", &ref);
            INT_EQ(info.first_invalid, at, "");
            S_view_case(page, len, "utf-8", 0, "invalid", at);
            cd_buf_free(&ref);
            /* A NUL byte at `at`: copied, U+FFFD. */
            page[at] = 0;
            S_view_case(page, len, NULL, 0, "NUL", at);
        }
        /* A sequence cut by the end of input. */
        memset(page, 'a', sizeof page);
        memcpy(page, "\xc3\xa9\xc3\xa9", 4);
        page[len - 2] = 0xE2;
        page[len - 1] = 0x82;
        S_view_case(page, len, "utf-8", 0, "cut", len - 2);
    }
    /* A BOM is skipped, the rest read in place; ASCII alone (windows-1252 by
     * default, the same bytes) goes through the copy. */
    const unsigned char bom[] = "\xef\xbb\xbf<p>caf\xc3\xa9</p>";
    S_view_case(bom, sizeof bom - 1, NULL, 1, "BOM", 0);
    const unsigned char ascii[] = "<p>plain ASCII, windows-1252 by default</p>";
    S_view_case(ascii, sizeof ascii - 1, NULL, 0, "ASCII", 0);
    const char *v = "x";
    size_t vl = 9;
    cd_buf out = S_new();
    cd_decode_info info;
    INT_EQ(cd_input_decode_view(NULL, 0, NULL, &out, &info, &v, &vl), COPYDESK_OK, "");
    INT_EQ(vl, 0, "empty input");
    INT_EQ(cd_input_decode_view(ascii, 3, NULL, &out, &info, NULL, &vl), COPYDESK_ERR_ARG, "");
    cd_buf_free(&out);
}

/* Double-encoded UTF-8 (src/input/mojibake.c): decode S and expect WANT with
 * N sequences repaired. */
static void S_moj(const char *in, const char *hint, const char *want, size_t n)
{
    cd_buf out = S_new();
    cd_decode_info info = S_dec(in, strlen(in), hint, &out);
    STR_EQ(out.data, want, "mojibake: %s", in);
    INT_EQ(info.mojibake, n, "mojibake count: %s", in);
    cd_buf_free(&out);
}

static void test_mojibake(void)
{
    /* Both routes: windows-1252 ("â€™") and ISO-8859-1 (C1 controls). */
    S_moj("<p>don\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t</p>", NULL, "<p>don\xe2\x80\x99t</p>", 1);
    S_moj("<p>a \xc3\xa2\xc2\x80\xc2\x94 b</p>", NULL, "<p>a \xe2\x80\x94 b</p>", 1);
    /* Ã + symbol, Â + no-break space, an emoji, ï¿½; a 4-byte code point. */
    S_moj("<p>caf\xc3\x83\xc2\xa9\xc3\x82\xc2\xa0ok</p>", NULL, "<p>caf\xc3\xa9\xc2\xa0ok</p>", 2);
    S_moj("<p>\xc3\xb0\xc5\xb8\xcb\x9c\xc5\xbe</p>", NULL, "<p>\xf0\x9f\x98\x9e</p>", 1);
    S_moj("<p>that\xc3\xaf\xc2\xbf\xc2\xbds</p>", NULL, "<p>that\xef\xbf\xbds</p>", 1);
    /* A run with a good non-ASCII character is left whole ("Ã¤" quoted next
     * to "ä"); the next run is repaired. */
    S_moj("<p>saw \xc3\x83\xc2\xa4 for \xc3\xa4</p><p>don\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t</p>", NULL,
          "<p>saw \xc3\x83\xc2\xa4 for \xc3\xa4</p><p>don\xe2\x80\x99t</p>", 1);
    /* Real text: NESCAFÉ® (unmarked, U+026E), × + no-break space (U+05E0),
     * ‘ß’ (U+07D2), café + no-break space + » (U+983B). */
    S_moj("<b>NESCAF\xc3\x89\xc2\xae</b> caf\xc3\xa9", NULL, "<b>NESCAF\xc3\x89\xc2\xae</b> caf\xc3\xa9", 0);
    S_moj("<i>Rosa\xc2\xa0\xc3\x97\xc2\xa0x</i><i>\xc3\x97\xc2\xa0</i>", NULL,
          "<i>Rosa\xc2\xa0\xc3\x97\xc2\xa0x</i><i>\xc3\x97\xc2\xa0</i>", 0);
    S_moj("<p>\xe2\x80\x98\xc3\x9f\xe2\x80\x99</p><p>caf\xc3\xa9\xc2\xa0\xc2\xbb</p>", NULL,
          "<p>\xe2\x80\x98\xc3\x9f\xe2\x80\x99</p><p>caf\xc3\xa9\xc2\xa0\xc2\xbb</p>", 0);
    /* Cyrillic through windows-1252 is unmarked: alone it stays; on a page
     * with marked candidates and nothing else it is repaired. */
    const char *ru = "\xc3\x90\xc2\xbf\xc3\x91\xe2\x82\xac\xc3\x90\xc2\xb8"; /* Ð¿Ñ€Ð¸ */
    S_moj(ru, NULL, ru, 0);
    cd_buf page = S_new(), want = S_new();
    cd_buf_put(&page, "<p>\xc3\xa2\xe2\x82\xac\xc5\x93", strlen("<p>\xc3\xa2\xe2\x82\xac\xc5\x93"));
    cd_buf_put(&page, ru, strlen(ru));
    cd_buf_put(&page, "\xc3\xa2\xe2\x82\xac\xc2\x9d</p>", strlen("\xc3\xa2\xe2\x82\xac\xc2\x9d</p>"));
    S_moj(page.data, NULL, "<p>\xe2\x80\x9c\xd0\xbf\xd1\x80\xd0\xb8\xe2\x80\x9d</p>", 5);
    /* A legacy page: windows-1252 bytes with UTF-8 curly quotes pasted in. */
    S_moj("<p>caf\xe9</p><p>didn\xe2\x80\x99t</p>", "windows-1252",
          "<p>caf\xc3\xa9</p><p>didn\xe2\x80\x99t</p>", 1);
    /* Bounded: 100,000 sequences in one run, one pass each (a count, not a
     * time: the repair is two linear passes). */
    cd_buf_clear(&page);
    cd_buf_clear(&want);
    for (int i = 0; i < 100000; i++) {
        cd_buf_put(&page, "\xc3\x83\xc2\xa9", 4);
        cd_buf_put(&want, "\xc3\xa9", 2);
    }
    S_moj(page.data, NULL, want.data, 100000);
    /* A page that only looks suspect (café + no-break space) is read in place. */
    const unsigned char fr[] = "<p>un caf\xc3\xa9\xc2\xa0\xc2\xbb et caf\xc3\xa9</p>";
    S_view_case(fr, sizeof fr - 1, NULL, 1, "suspect, nothing to repair", 0);
    const unsigned char moj[] = "<p>don\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t, caf\xc3\xa9</p><p>x\xc3\x83\xc2\xa9</p>";
    S_view_case(moj, sizeof moj - 1, NULL, 0, "repaired", 0);
    cd_buf_free(&page);
    cd_buf_free(&want);
}

int main(void)
{
    test_gzip();
    test_labels();
    test_prescan();
    test_bom_hint();
    test_detection();
    test_declared_wrong();
    test_invalid_utf8();
    test_dash();
    test_nul();
    test_not_html();
    test_view();
    test_mojibake();
    return cd_t_done();
}
