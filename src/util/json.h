/* util/json: a small reader of strict JSON into a flat array of values.
 *
 * Built for the JSON-LD blocks of a page (meta/jsonld.c): one pass over the
 * bytes, values in one growable array and containers' members in another (no
 * allocation per value), strings without escapes pointing into the input,
 * decoded ones copied into an arena. It reads strict JSON only, with two
 * relaxations json-c's default mode also has: raw control characters (not NUL)
 * inside strings and one trailing comma before `]` or `}`. Anything else it does
 * not understand (comments, single quotes, NaN, leading zeros, an escaped NUL,
 * a lone surrogate, white space other than JSON's four, nesting deeper than
 * CD_JSON_DEPTH, a scalar at the top level) is a failure, and the caller falls
 * back to a lenient parser: a success here is meant to agree exactly with
 * json-c's reading of the same bytes (tests/api/test_json.c and
 * fuzz/fuzz_json.c hold the two side by side).
 *
 * A value's members are `doc->kids[v->kid .. v->kid + v->nkid)` (indexes into
 * doc->v); a member of an object carries its key. JSON null is a value of type
 * CD_JSON_NULL; the accessors below return NULL for it, as json-c does. */
#ifndef CD_UTIL_JSON_H
#define CD_UTIL_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "mem.h"

/* Nesting read before giving up (json-c, the fallback, allows 64). */
#define CD_JSON_DEPTH 32

enum { CD_JSON_NULL, CD_JSON_BOOL, CD_JSON_NUM, CD_JSON_STR, CD_JSON_ARR, CD_JSON_OBJ };

typedef struct cd_jv {
    const char *s;  /* a string's bytes (not NUL-terminated), a number's or bool's text */
    const char *k;  /* the key, for a member of an object */
    uint32_t n, kn; /* lengths of s and k */
    uint32_t kid;   /* a container's first member in kids[] */
    uint32_t nkid;  /* its member count */
    int32_t ival;   /* the value as json_object_get_int gives it, when has_ival */
    uint8_t type;
    uint8_t has_ival;
} cd_jv;

typedef struct cd_json {
    const cd_mem *mem;
    cd_jv *v;
    uint32_t nv, capv;
    uint32_t *kids;
    uint32_t nkids, capkids;
    uint32_t *pend; /* members of the open containers, in order */
    uint32_t npend, cappend;
    int oom;
    int eof; /* the last cd_json_parse failed only because the input ended */
} cd_json;

void cd_json_init(cd_json *j, const cd_mem *mem);
/* Forget the values (memory kept for the next parse). */
void cd_json_clear(cd_json *j);
void cd_json_free(cd_json *j);

/* Read one value (an object or an array) starting at s[*pos], past JSON white
 * space; on success its index goes in *root and *pos moves just past it.
 * Decoded strings are copied into strings. 0 on anything it does not read
 * (see above) or out of memory; j->eof is then 1 when everything up to the end
 * of the input was JSON this reader takes and a value was left open (a cut
 * script: json-c cannot complete that value either). */
int cd_json_parse(cd_json *j, cd_arena *strings, const char *s, size_t n, size_t *pos, uint32_t *root);

/* Append a value (for building a tree from another parser); its index, or
 * UINT32_MAX out of memory. */
uint32_t cd_json_add(cd_json *j, uint8_t type);
/* Close a container whose members were pushed (cd_json_push) since pend[]
 * held base entries: they move to kids[]; the index of the first there,
 * UINT32_MAX out of memory. */
uint32_t cd_json_close(cd_json *j, uint32_t base);

/* Append a member index to the open container's list (pend[]); 0 out of memory. */
int cd_json_push(cd_json *j, uint32_t id);

/* The value at index i, NULL for JSON null. */
static inline const cd_jv *cd_json_at(const cd_json *j, uint32_t i)
{
    const cd_jv *v = &j->v[i];
    return v->type == CD_JSON_NULL ? NULL : v;
}

static inline int cd_json_is(const cd_jv *v, int type)
{
    return v && v->type == type;
}

/* Element i of an array (NULL when v is not an array, i is out of range or the
 * element is null). */
static inline const cd_jv *cd_json_elem(const cd_json *j, const cd_jv *v, size_t i)
{
    if (!v || v->type != CD_JSON_ARR || i >= v->nkid)
        return NULL;
    return cd_json_at(j, j->kids[v->kid + i]);
}

/* An object's member named key (the last one when the key repeats, as in
 * json-c); NULL when absent, null or v is not an object. */
const cd_jv *cd_json_get(const cd_json *j, const cd_jv *v, const char *key);

/* Does s[0..n) hold any of the NUL-terminated words? For a string value, its
 * bytes up to any NUL; for a container, every key and string inside it (what
 * strstr over json-c's serialization of the value finds for a word of letters). */
int cd_json_has_word(const cd_json *j, const cd_jv *v, const char *const *words, size_t nwords);

#endif
