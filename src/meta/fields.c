/* meta/fields: the rows of include/copydesk_fields.def as data.
 *
 * Stage: meta (its result). The table gives each field's JSON key, kind and
 * where its value, count and source sit in cd_meta, so that the JSON writer,
 * --explain and the public accessors visit every field by one loop instead of
 * naming each. */
#include <stddef.h>
#include <string.h>

#include "meta.h"

#define S_KIND_STR CD_FIELD_STR
#define S_KIND_URL CD_FIELD_URL
#define S_KIND_LIST CD_FIELD_LIST
#define S_VALUE_STR(name) offsetof(cd_meta, name)
#define S_VALUE_URL(name) offsetof(cd_meta, name)
#define S_VALUE_LIST(name) offsetof(cd_meta, name##s)
#define S_COUNT_STR(name) 0
#define S_COUNT_URL(name) 0
#define S_COUNT_LIST(name) offsetof(cd_meta, n##name##s)
#define S_SOURCE_SRC(member) offsetof(cd_meta, member)
#define S_SOURCE_NOSRC 0

const cd_meta_field_info cd_meta_fields[COPYDESK_FIELD_COUNT] = {
#define COPYDESK_FIELD(id, kind, json, name, max, source, cands)                                   \
    [COPYDESK_FIELD_##id] = {json, S_KIND_##kind, S_VALUE_##kind(name), S_COUNT_##kind(name),      \
                             S_SOURCE_##source},
#include "copydesk_fields.def"
#undef COPYDESK_FIELD
};

static const char *S_at(const cd_meta *m, size_t off)
{
    return *(const char *const *)((const char *)m + off);
}

size_t cd_meta_count(const cd_meta *m, int f, const char *url)
{
    if (!m || f < 0 || f >= COPYDESK_FIELD_COUNT)
        return 0;
    const cd_meta_field_info *d = &cd_meta_fields[f];
    if (d->kind == CD_FIELD_LIST)
        return *(const size_t *)((const char *)m + d->count);
    return cd_meta_value(m, f, 0, url) ? 1 : 0;
}

const char *cd_meta_value(const cd_meta *m, int f, size_t i, const char *url)
{
    if (!m || f < 0 || f >= COPYDESK_FIELD_COUNT)
        return NULL;
    const cd_meta_field_info *d = &cd_meta_fields[f];
    if (d->kind == CD_FIELD_LIST) {
        size_t n = *(const size_t *)((const char *)m + d->count);
        return i < n ? S_at(m, d->value + i * sizeof(const char *)) : NULL;
    }
    if (i != 0)
        return NULL;
    if (d->kind == CD_FIELD_URL && url)
        return url;
    return S_at(m, d->value);
}

const char *cd_meta_source(const cd_meta *m, int f)
{
    if (!m || f < 0 || f >= COPYDESK_FIELD_COUNT || !cd_meta_fields[f].source)
        return NULL;
    return cd_meta_count(m, f, NULL) ? S_at(m, cd_meta_fields[f].source) : NULL;
}

const char *cd_meta_source_name(int f, size_t *n)
{
    const char *json = cd_meta_fields[f].json;
    const char *dot = strchr(json, '.');
    *n = dot ? (size_t)(dot - json) : strlen(json);
    return json;
}

const char *cd_meta_field_source(const cd_meta *m, const char *field)
{
    size_t len = strlen(field);
    for (int f = 0; f < COPYDESK_FIELD_COUNT; f++) {
        size_t n;
        const char *name = cd_meta_source_name(f, &n);
        if (cd_meta_fields[f].source && n == len && memcmp(name, field, n) == 0)
            return cd_meta_source(m, f);
    }
    return NULL;
}
