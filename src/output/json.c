/* output/json: one JSON object per page (JSON Lines when written one per line). */
#include <string.h>

#include "../util/utf8.h"
#include "output.h"

void cd_json_string(cd_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    cd_buf_putc(out, '"');
    size_t i = 0, run = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            run++;
            continue;
        }
        if (run)
            cd_buf_put(out, s + i - run, run);
        run = 0;
        if (c < 0x80) {
            switch (c) {
            case '"':
                cd_buf_put(out, "\\\"", 2);
                break;
            case '\\':
                cd_buf_put(out, "\\\\", 2);
                break;
            case '\n':
                cd_buf_put(out, "\\n", 2);
                break;
            case '\t':
                cd_buf_put(out, "\\t", 2);
                break;
            case '\r':
                cd_buf_put(out, "\\r", 2);
                break;
            default: {
                char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                cd_buf_put(out, e, 6);
            }
            }
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = cd_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (k == 0)
            k = 1;
        if (cp == CD_REPLACEMENT)
            cd_buf_put_cp(out, CD_REPLACEMENT);
        else if (cp == 0x2028 || cp == 0x2029)
            cd_buf_printf(out, "\\u%04x", (unsigned)cp);
        else
            cd_buf_put(out, s + i, k);
        i += k;
    }
    if (run)
        cd_buf_put(out, s + i - run, run);
    cd_buf_putc(out, '"');
}

static void S_key(cd_buf *out, int *first, const char *key)
{
    if (!*first)
        cd_buf_putc(out, ',');
    *first = 0;
    cd_buf_putc(out, '"');
    cd_buf_puts(out, key);
    cd_buf_put(out, "\":", 2);
}

static void S_str(cd_buf *out, int *first, const char *key, const char *v)
{
    S_key(out, first, key);
    if (v)
        cd_json_string(out, v, strlen(v));
    else
        cd_buf_put(out, "null", 4);
}

void cd_render_json(const cd_json_fields *f, cd_buf *out)
{
    int first = 1;
    cd_buf_putc(out, '{');
    if (f->source)
        S_str(out, &first, "source", f->source);
    if (f->error) {
        S_str(out, &first, "error", f->error);
        cd_buf_putc(out, '}');
        return;
    }
    const cd_meta *m = f->meta;
    S_str(out, &first, "url", f->url);
    S_str(out, &first, "title", m ? m->title : NULL);
    S_str(out, &first, "deck", m ? m->deck : NULL);
    S_key(out, &first, "authors");
    cd_buf_putc(out, '[');
    for (size_t i = 0; m && i < m->nauthors; i++) {
        if (i)
            cd_buf_putc(out, ',');
        cd_json_string(out, m->authors[i], strlen(m->authors[i]));
    }
    cd_buf_putc(out, ']');
    S_str(out, &first, "date_published", m ? m->date_published : NULL);
    S_str(out, &first, "date_modified", m ? m->date_modified : NULL);
    S_str(out, &first, "site_name", m ? m->site_name : NULL);
    S_str(out, &first, "language", m ? m->language : NULL);
    S_str(out, &first, "description", m ? m->description : NULL);
    S_str(out, &first, "section", m ? m->section : NULL);
    S_key(out, &first, "image");
    if (m && (m->image_url || m->image_caption || m->image_credit)) {
        int f2 = 1;
        cd_buf_putc(out, '{');
        S_str(out, &f2, "url", m->image_url);
        S_str(out, &f2, "caption", m->image_caption);
        S_str(out, &f2, "credit", m->image_credit);
        cd_buf_putc(out, '}');
    } else {
        cd_buf_put(out, "null", 4);
    }
    S_str(out, &first, "credit", m ? m->credit : NULL);
    S_str(out, &first, "dateline", m ? m->dateline : NULL);
    S_key(out, &first, "tags");
    cd_buf_putc(out, '[');
    for (size_t i = 0; m && i < m->ntags; i++) {
        if (i)
            cd_buf_putc(out, ',');
        cd_json_string(out, m->tags[i], strlen(m->tags[i]));
    }
    cd_buf_putc(out, ']');
    if (f->explain && m) {
        static const char *const keys[] = {"title", "deck", "authors", "date_published",
                                           "date_modified", "section", "image", "credit",
                                           "dateline", "tags"};
        int f2 = 1;
        S_key(out, &first, "sources");
        cd_buf_putc(out, '{');
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
            const char *src = cd_meta_field_source(m, keys[i]);
            if (src)
                S_str(out, &f2, keys[i], src);
        }
        cd_buf_putc(out, '}');
        if (f->ext && f->dom)
            cd_render_explain(f->dom, f->ext, out);
    }
    S_key(out, &first, "text");
    cd_json_string(out, f->text ? f->text : "", f->text ? f->text_len : 0);
    if (f->markdown) {
        S_key(out, &first, "markdown");
        cd_json_string(out, f->markdown, f->markdown_len);
    }
    cd_buf_putc(out, '}');
}
