/* fuzz/fuzz_tokenizer: the HTML tokenizer (src/parse/tokenizer.c) on any bytes.
 *
 * Unlike cd_parse_html, the tokenizer is fed the raw input, not only its
 * valid UTF-8 prefix: it must never read out of bounds whatever the bytes.
 * The first byte picks the set-up (initial state, CDATA allowed, a last
 * start tag, whether the tree builder's state switches after <script>,
 * <style>, <title>... are emulated); the rest is the page. Every token is
 * checked against the contract of tokenizer.h:
 *   - strings are non-NULL and, when the input is valid UTF-8, valid UTF-8;
 *   - CHARS runs are never empty and never two in a row;
 *   - tag and attribute names are non-empty, lower case, without NUL;
 *   - at most CD_MAX_TOKEN_ATTRS attributes, no two with the same name;
 *   - the number of tokens is at most the input's size + 2 (every token but
 *     EOF consumes input) and EOF repeats once reached.
 * The input is tokenized twice with one tokenizer (scratch reused) and must
 * give the same tokens; the tokenizer is freed on every path. A third pass
 * keeps only some tags' attributes (cd_tokenizer_keep_attrs, the table from
 * the first byte's top bits): every token must be the same but the
 * attributes of the other tags. A fourth pass does the same through
 * cd_tokenizer_next_lean, reading only some values as well
 * (cd_tokenizer_want_values, S_want): the same tokens, attribute names and
 * wanted values. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dom/dom.h"
#include "parse/tokenizer.h"
#include "util/limits.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void S_check_str(const char *s, size_t n, int utf8)
{
    if (!s)
        abort();
    if (utf8 && n && cd_utf8_valid_prefix((const unsigned char *)s, n) != n)
        abort();
}

static void S_check_name(const char *s, size_t n)
{
    if (!s || n == 0)
        abort();
    for (size_t i = 0; i < n; i++)
        if ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '\0')
            abort();
}

static uint64_t S_mix(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return (h ^ n) * 1099511628211u;
}

/* The values the fourth pass reads. */
static int S_want(void *ctx, uint16_t tag, const char *name, size_t len)
{
    (void)ctx;
    (void)name;
    return (len + tag) % 3 != 0;
}

/* One pass, the tokenizer keeping the attributes filter says (NULL: all);
 * lean: through cd_tokenizer_next_lean, the values S_want says only;
 * returns a checksum of the tokens, and in *shape one of every token's kind
 * and bytes, of a tag's tag and self-closing flag, and of the attributes of
 * the start tags keep keeps (NULL: all). */
static uint64_t S_pass(cd_tokenizer *t, const char *in, size_t n, unsigned cfg, int utf8, const uint8_t *filter,
                       const uint8_t *keep, int lean, uint64_t *shape)
{
    uint64_t sh = 1469598103934665603u;
    cd_tokenizer_keep_attrs(t, filter);
    cd_tokenizer_want_values(t, lean ? S_want : NULL, NULL);
    static const cd_tok_state states[5] = {CD_TS_DATA, CD_TS_RCDATA, CD_TS_RAWTEXT,
                                           CD_TS_SCRIPT_DATA, CD_TS_PLAINTEXT};
    cd_tokenizer_reset(t, in, n);
    cd_tokenizer_set_state(t, states[(cfg & 7) % 5]);
    cd_tokenizer_allow_cdata(t, (cfg >> 3) & 1);
    if ((cfg >> 4) & 1)
        cd_tokenizer_set_last_start_tag(t, "script", 6);
    int emulate = (cfg >> 5) & 1;
    uint64_t sum = 1469598103934665603u;
    size_t count = 0;
    int prev_chars = 0;
    for (;;) {
        cd_token tok;
        memset(&tok, 0, sizeof tok);
        if (!(lean ? cd_tokenizer_next_lean(t, &tok) : cd_tokenizer_next(t, &tok)))
            abort(); /* out of memory on a fuzz input: not expected */
        if (++count > n + 2)
            abort();
        if (!tok.data)
            abort();
        sum = (sum ^ (uint64_t)tok.kind ^ ((uint64_t)tok.len << 8) ^ tok.nattrs) * 1099511628211u;
        sh = S_mix(sh ^ (uint64_t)tok.kind, tok.data, tok.len);
        if (tok.kind == CD_TOK_START_TAG || tok.kind == CD_TOK_END_TAG) {
            sh = (sh ^ tok.tag ^ ((uint64_t)tok.self_closing << 16)) * 1099511628211u;
            if (tok.kind == CD_TOK_START_TAG && (!keep || keep[tok.tag])) {
                sh = (sh ^ tok.nattrs) * 1099511628211u;
                for (uint32_t i = 0; i < tok.nattrs; i++) {
                    sh = S_mix(sh, tok.attrs[i].name, tok.attrs[i].name_len);
                    /* Unwanted values (fourth pass: empty, or read when
                     * the tag name did not end at white space) are left
                     * out of every pass's shape. */
                    if (S_want(NULL, tok.tag, tok.attrs[i].name, tok.attrs[i].name_len))
                        sh = S_mix(sh, tok.attrs[i].value, tok.attrs[i].value_len);
                }
            }
        }
        switch (tok.kind) {
        case CD_TOK_CHARS:
            if (tok.len == 0 || prev_chars)
                abort();
            S_check_str(tok.data, tok.len, utf8);
            break;
        case CD_TOK_START_TAG:
        case CD_TOK_END_TAG:
            S_check_name(tok.data, tok.len);
            S_check_str(tok.data, tok.len, utf8);
            if (tok.nattrs > CD_MAX_TOKEN_ATTRS || (tok.nattrs && !tok.attrs))
                abort();
            if (tok.kind == CD_TOK_END_TAG && (tok.nattrs || tok.self_closing))
                abort();
            if (tok.tag != cd_tag_lookup(tok.data, tok.len))
                abort();
            for (uint32_t i = 0; i < tok.nattrs; i++) {
                const cd_tok_attr *a = &tok.attrs[i];
                S_check_name(a->name, a->name_len);
                S_check_str(a->name, a->name_len, utf8);
                S_check_str(a->value, a->value_len, utf8);
                for (uint32_t j = 0; j < i; j++)
                    if (tok.attrs[j].name_len == a->name_len &&
                        memcmp(tok.attrs[j].name, a->name, a->name_len) == 0)
                        abort();
                sum = (sum ^ a->value_len) * 1099511628211u;
            }
            if (emulate && tok.kind == CD_TOK_START_TAG) {
                if (tok.tag == CD_TAG_SCRIPT)
                    cd_tokenizer_set_state(t, CD_TS_SCRIPT_DATA);
                else if (tok.tag == CD_TAG_STYLE || tok.tag == CD_TAG_XMP)
                    cd_tokenizer_set_state(t, CD_TS_RAWTEXT);
                else if (tok.tag == CD_TAG_TITLE || tok.tag == CD_TAG_TEXTAREA)
                    cd_tokenizer_set_state(t, CD_TS_RCDATA);
                else if (tok.tag == CD_TAG_PLAINTEXT)
                    cd_tokenizer_set_state(t, CD_TS_PLAINTEXT);
                else if (tok.tag == CD_TAG_SVG)
                    cd_tokenizer_allow_cdata(t, 1);
            }
            break;
        case CD_TOK_COMMENT:
            S_check_str(tok.data, tok.len, utf8);
            break;
        case CD_TOK_DOCTYPE:
            S_check_str(tok.data, tok.len, utf8);
            if (!lean) { /* the lean entry point leaves the identifiers out */
                S_check_str(tok.public_id, tok.public_id_len, utf8);
                S_check_str(tok.system_id, tok.system_id_len, utf8);
            }
            break;
        case CD_TOK_EOF:
            if (!(lean ? cd_tokenizer_next_lean(t, &tok) : cd_tokenizer_next(t, &tok)) || tok.kind != CD_TOK_EOF)
                abort();
            *shape = sh;
            /* Unwanted values go uncounted (parse errors in them too). */
            return lean ? sum : sum ^ cd_tokenizer_errors(t);
        default:
            abort();
        }
        prev_chars = tok.kind == CD_TOK_CHARS;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    unsigned cfg = data[0];
    const char *in = (const char *)data + 1;
    size_t n = size - 1;
    /* A copy of exactly n bytes, so that ASan sees any read past the end. */
    char *copy = malloc(n ? n : 1);
    if (!copy)
        return 0;
    if (n)
        memcpy(copy, in, n);
    int utf8 = cd_utf8_valid_prefix((const unsigned char *)copy, n) == n;
    cd_tokenizer *t = cd_tokenizer_new(cd_mem_default());
    if (!t)
        abort();
    uint64_t sa = 0, sb = 0, sc = 0;
    uint8_t keep[CD_TAG__COUNT];
    for (unsigned i = 0; i < CD_TAG__COUNT; i++)
        keep[i] = (uint8_t)((i + (cfg >> 6)) % 3 == 0);
    uint64_t a = S_pass(t, copy, n, cfg, utf8, NULL, keep, 0, &sa);
    uint64_t b = S_pass(t, copy, n, cfg, utf8, NULL, keep, 0, &sb);
    if (a != b || sa != sb)
        abort();
    S_pass(t, copy, n, cfg, utf8, keep, keep, 0, &sc);
    if (sc != sa)
        abort();
    uint64_t sd = 0;
    S_pass(t, copy, n, cfg, utf8, keep, keep, 1, &sd);
    if (sd != sa)
        abort();
    cd_tokenizer_free(t);
    free(copy);
    return 0;
}
