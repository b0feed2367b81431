/* util/json against json-c on the same bytes (tests/api/test_json.c,
 * fuzz/fuzz_json.c).
 *
 * cd_t_json_diff(s, n) reads one value at the start of s[0..n) with both. When
 * util/json takes it, json-c must take it too and read the same tree: the same
 * types, strings byte for byte, the same keys with json-c's value for each (the
 * last of a repeated key), json_object_get_int() of every value, and the same
 * start for the next value of the script (meta/jsonld.c reads up to eight back
 * to back; it uses util/json's reading only when util/json reads the rest too). When util/json stops only because the input ended (j->eof), json-c
 * must not read a value there either. Returns 0 when util/json refuses the
 * input, 1 when it takes it and the two agree, -1 when they differ. */
#ifndef CD_TEST_JSON_DIFF_H
#define CD_TEST_JSON_DIFF_H

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/ctype.h"
#include "util/json.h"

static int cd_t_json_int(const cd_jv *v)
{
    if (v->has_ival)
        return v->ival;
    json_object *o = NULL;
    char buf[4096];
    if (v->type == CD_JSON_STR) {
        o = json_object_new_string_len(v->s, (int)v->n);
    } else if (v->type == CD_JSON_NUM && v->n < sizeof buf) {
        memcpy(buf, v->s, v->n);
        buf[v->n] = '\0';
        o = json_tokener_parse(buf);
    } else {
        return 0x7eadbeef; /* a long number: compared by json-c's reading only */
    }
    int r = o ? json_object_get_int(o) : 0x7eadbeef;
    json_object_put(o);
    return r;
}

static int cd_t_json_same(const cd_json *j, const cd_jv *v, json_object *o, int depth)
{
    if (depth > CD_JSON_DEPTH + 2)
        return 0;
    if (!v || v->type == CD_JSON_NULL)
        return o == NULL;
    if (!o)
        return 0;
    int iv = cd_t_json_int(v);
    if (iv != 0x7eadbeef && iv != json_object_get_int(o))
        return 0;
    switch (v->type) {
    case CD_JSON_BOOL:
        return json_object_is_type(o, json_type_boolean) && json_object_get_boolean(o) == (v->n == 4);
    case CD_JSON_NUM:
        return json_object_is_type(o, json_type_int) || json_object_is_type(o, json_type_double);
    case CD_JSON_STR:
        return json_object_is_type(o, json_type_string) && (size_t)json_object_get_string_len(o) == v->n &&
               memcmp(json_object_get_string(o), v->s, v->n) == 0;
    case CD_JSON_ARR:
        if (!json_object_is_type(o, json_type_array) || json_object_array_length(o) != v->nkid)
            return 0;
        for (uint32_t i = 0; i < v->nkid; i++)
            if (!cd_t_json_same(j, &j->v[j->kids[v->kid + i]], json_object_array_get_idx(o, i), depth + 1))
                return 0;
        return 1;
    case CD_JSON_OBJ: {
        if (!json_object_is_type(o, json_type_object))
            return 0;
        /* Every key of ours is json-c's, and json-c's value is our last one. */
        size_t distinct = 0;
        for (uint32_t i = 0; i < v->nkid; i++) {
            const cd_jv *e = &j->v[j->kids[v->kid + i]];
            char *key = malloc((size_t)e->kn + 1);
            if (!key)
                return 0;
            memcpy(key, e->k, e->kn);
            key[e->kn] = '\0';
            json_object *ov;
            const cd_jv *mine = cd_json_get(j, v, key);
            int same = json_object_object_get_ex(o, key, &ov) &&
                       (mine == NULL ? ov == NULL : cd_t_json_same(j, mine, ov, depth + 1));
            free(key);
            if (!same)
                return 0;
            int first = 1;
            for (uint32_t k = 0; k < i && first; k++) {
                const cd_jv *f = &j->v[j->kids[v->kid + k]];
                first = !(f->kn == e->kn && memcmp(f->k, e->k, e->kn) == 0);
            }
            distinct += (size_t)first;
        }
        return distinct == (size_t)json_object_object_length(o);
    }
    default:
        return 0;
    }
}

static size_t cd_t_json_skip(const char *s, size_t n, size_t off)
{
    while (off < n && (cd_isspace((unsigned char)s[off]) || s[off] == ';' || s[off] == ','))
        off++;
    return off;
}

static int cd_t_json_diff(const char *s, size_t n)
{
    cd_arena arena;
    cd_arena_init(&arena, cd_mem_default(), 4096);
    cd_json j;
    cd_json_init(&j, cd_mem_default());
    size_t pos = 0;
    uint32_t root;
    int r = 0;
    if (n < (1u << 30) && cd_json_parse(&j, &arena, s, n, &pos, &root)) {
        /* meta/jsonld.c uses the value only when util/json also reads what
         * follows (another object or array, or nothing): then json-c must
         * have read the same value and stopped at the same place. Before
         * anything else (a comment json-c passes, which may run to the end)
         * util/json refuses, and json-c reads the whole script again. */
        size_t ours = cd_t_json_skip(s, n, pos);
        int used = ours >= n || s[ours] == '{' || s[ours] == '[';
        json_tokener *tok = json_tokener_new_ex(64);
        json_object *o = tok ? json_tokener_parse_ex(tok, s, (int)n) : NULL;
        if (tok && json_tokener_get_error(tok) == json_tokener_success && o) {
            size_t theirs = cd_t_json_skip(s, n, json_tokener_get_parse_end(tok));
            r = cd_t_json_same(&j, cd_json_at(&j, root), o, 0) && (!used || ours == theirs) ? 1 : -1;
        } else {
            r = used ? -1 : 1;
        }
        json_object_put(o);
        if (tok)
            json_tokener_free(tok);
    } else if (j.eof) {
        /* Cut short: json-c must not complete a value there either. */
        json_tokener *tok = json_tokener_new_ex(64);
        json_object *o = tok ? json_tokener_parse_ex(tok, s, (int)n) : NULL;
        if (tok && json_tokener_get_error(tok) == json_tokener_success && o)
            r = -1;
        json_object_put(o);
        if (tok)
            json_tokener_free(tok);
    }
    cd_json_free(&j);
    cd_arena_free(&arena);
    return r;
}

#endif
