/* output/formats: the table of output formats, one entry per row of
 * include/copydesk_formats.def (name, alias, renderer), indexed by
 * copydesk_format. copydesk_doc_render() calls the renderer; the CLI's
 * --format finds the row by name. */
#include <string.h>

#include "output.h"

static const cd_format S_formats[COPYDESK_FORMAT_COUNT] = {
#define COPYDESK_FORMAT(id, name, alias, render) [COPYDESK_FORMAT_##id] = {name, alias, render},
#include "copydesk_formats.def"
#undef COPYDESK_FORMAT
};

const cd_format *cd_format_get(int id)
{
    return id >= 0 && id < COPYDESK_FORMAT_COUNT ? &S_formats[id] : NULL;
}

int cd_format_find(const char *name, size_t len)
{
    for (int id = 0; id < COPYDESK_FORMAT_COUNT; id++) {
        const cd_format *f = &S_formats[id];
        if ((strlen(f->name) == len && memcmp(f->name, name, len) == 0) ||
            (f->alias[0] && strlen(f->alias) == len && memcmp(f->alias, name, len) == 0))
            return id;
    }
    return -1;
}
