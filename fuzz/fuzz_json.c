/* fuzz/fuzz_json: util/json, the reader of JSON-LD scripts (untrusted bytes).
 *
 * The input is read by util/json and by json-c (tests/api/json_diff.h): a value
 * util/json takes must be read exactly as json-c reads it, or the target
 * aborts. Then the whole input goes through meta/jsonld.c's reader (util/json
 * first, json-c for what it refuses), whose candidates must be valid UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tests/api/json_diff.h"
#include "meta/cand.h"
#include "meta/jsonld.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    if (cd_t_json_diff((const char *)data, size) < 0)
        abort();
    cd_arena arena;
    cd_arena_init(&arena, cd_mem_default(), 64 * 1024);
    cd_meta_ctx c;
    memset(&c, 0, sizeof c);
    c.arena = &arena;
    c.cands = cd_arena_alloc(&arena, CD_META_MAX_CANDS * sizeof *c.cands);
    if (c.cands) {
        cd_meta_jsonld(&c, (const char *)data, size, 0);
        for (uint32_t i = 0; i < c.ncands; i++) {
            const char *s = c.cands[i].s;
            if (s && cd_utf8_valid_prefix((const unsigned char *)s, strlen(s)) != strlen(s))
                abort();
        }
    }
    cd_arena_free(&arena);
    return 0;
}
