/* tools/decode_dump.c: the input stage alone -- gunzip if needed, decode (with
 * the double-encoding repair), write the UTF-8 to stdout and
 * "charset<TAB>source<TAB>declared_wrong<TAB>repaired" to stderr.
 * Used for docs/quality.md "Session 15, h/mojibake" (the decoded text of every
 * page, before the parser sees it). Not part of the build:
 *   gcc -O2 -std=c11 -Isrc -Iinclude -Ibuild tools/decode_dump.c src/input/{decode,charset,gzip,mojibake}.c \
 *       src/util/{buf,utf8,ctype,mem}.c -luchardet -ldeflate -lz -o /tmp/decode_dump
 *   /tmp/decode_dump PAGE [CHARSET-HINT] */
#include <stdio.h>
#include <stdlib.h>

#include "input/input.h"

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    FILE *f = fopen(argv[1], "rb");
    if (!f) return 2;
    size_t cap = 1 << 20, n = 0, r;
    unsigned char *b = malloc(cap);
    while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) b = realloc(b, cap *= 2);
    }
    fclose(f);
    if (!b) return 2;
    cd_buf raw, out;
    cd_buf_init(&raw, cd_mem_default());
    cd_buf_init(&out, cd_mem_default());
    const unsigned char *p = b;
    size_t len = n;
    if (cd_input_is_gzip(b, n)) {
        cd_input_gunzip(b, n, (size_t)1 << 30, &raw);
        p = (const unsigned char *)raw.data;
        len = raw.len;
    }
    cd_decode_info info;
    if (cd_input_decode(p, len, argc > 2 ? argv[2] : NULL, &out, &info) != COPYDESK_OK) return 1;
    fprintf(stderr, "%s\t%d\t%d\t%zu\n", info.charset, (int)info.source, info.declared_wrong, info.mojibake);
    fwrite(out.data, 1, out.len, stdout);
    cd_buf_free(&raw);
    cd_buf_free(&out);
    free(b);
    return 0;
}
