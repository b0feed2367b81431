/* output/head: the article's head that opens the text and Markdown renderings.
 *
 * A reader opening an article sees its headline, the deck under it, the
 * byline and the date before the first paragraph; extraction carries these as
 * fields (and takes the headline element out of the body), so the renderers
 * put them back on top, from the fields:
 *
 *   text                              Markdown
 *   Headline                          # Headline
 *                                     
 *   The deck.                         *The deck.*
 *                                     
 *   By A, B and C                     By A, B and C\
 *   Published 2024-03-14 09:30 +01:00 · updated 2024-03-14 11:05 +01:00\
 *   Section: World · Dateline: GENEVA · Credit: Reuters
 *
 * then a blank line and the body. A line is left out when its fields are
 * empty; a page with none of them has no head. Values are written on one line
 * (runs of white space become one space); in Markdown every character that
 * could open markup is backslash-escaped, so a headline such as "# *Breaking*"
 * stays text. When the body's first block repeats the headline (the headline
 * element was not matched to the title), that block is left out: the headline
 * is on top already.
 *
 * Dates are the fields' ISO 8601 values written for reading: a space for the
 * "T", seconds only when not zero, fractions dropped, "UTC" for "Z". */
#include <string.h>

#include "../util/ctype.h"
#include "output.h"

/* One value, white space collapsed and trimmed; escaped for Markdown when md. */
static void S_value(cd_buf *out, const char *s, int md)
{
    int space = 0, any = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        if (cd_isspace(c) || (c == 0xC2 && p[1] == 0xA0)) {
            if (c == 0xC2) p++;
            space = any;
            continue;
        }
        if (space) cd_buf_putc(out, ' ');
        space = 0;
        any = 1;
        if (md && c < 0x80 && strchr("\\`*_[]<>#&|~!", (int)c)) cd_buf_putc(out, '\\');
        cd_buf_putc(out, (char)c);
    }
}

static int S_blank(const char *s)
{
    if (!s) return 1;
    for (; *s; s++)
        if (!cd_isspace((unsigned char)*s)) return 0;
    return 1;
}

static int S_digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!cd_isdigit((unsigned char)s[i])) return 0;
    return 1;
}

/* An ISO 8601 date for reading ("2024-03-14T09:30:00+01:00" → "2024-03-14
 * 09:30 +01:00"); anything else is written as it is. */
static void S_date(cd_buf *out, const char *d, int md)
{
    size_t n = strlen(d);
    if (n < 10 || !S_digits(d, 4) || d[4] != '-' || !S_digits(d + 5, 2) || d[7] != '-' ||
        !S_digits(d + 8, 2)) {
        S_value(out, d, md);
        return;
    }
    const char *p = d + 10;
    char buf[48];
    size_t k = 0;
    memcpy(buf, d, 10);
    k = 10;
    if (*p == 'T' && S_digits(p + 1, 2) && p[3] == ':' && S_digits(p + 4, 2)) {
        buf[k++] = ' ';
        memcpy(buf + k, p + 1, 5);
        k += 5;
        p += 6;
        if (*p == ':' && S_digits(p + 1, 2)) {
            if (p[1] != '0' || p[2] != '0') {
                memcpy(buf + k, p, 3);
                k += 3;
            }
            p += 3;
            if (*p == '.' || *p == ',')
                for (p++; cd_isdigit((unsigned char)*p); p++) {}
        }
        if (*p == 'Z' && !p[1]) {
            memcpy(buf + k, " UTC", 4);
            k += 4;
            p++;
        } else if ((*p == '+' || *p == '-') && S_digits(p + 1, 2) && p[3] == ':' && S_digits(p + 4, 2) &&
                   !p[6]) {
            buf[k++] = ' ';
            memcpy(buf + k, p, 6);
            k += 6;
            p += 6;
        }
    }
    if (*p) {
        /* A shape this does not know: as given. */
        S_value(out, d, md);
        return;
    }
    buf[k] = '\0';
    S_value(out, buf, md);
}

static const char *S_field(const cd_result *r, int f, size_t i)
{
    const char *v = cd_meta_value(r->meta, f, i, NULL);
    return S_blank(v) ? NULL : v;
}

/* End the current line of the byline block (Markdown: a hard line break). */
static void S_line(cd_buf *out, int *lines, int md)
{
    if ((*lines)++) cd_buf_puts(out, md ? "\\\n" : "\n");
}

/* A labelled part of the last line ("Section: World"), joined with " · ". */
static void S_part(cd_buf *out, int *parts, const char *label, const char *v, int md)
{
    if (!v) return;
    if ((*parts)++) cd_buf_puts(out, " \xC2\xB7 ");
    cd_buf_puts(out, label);
    S_value(out, v, md);
}

int cd_render_head(const cd_result *r, int md, cd_buf *out)
{
    if (!r->meta) return 0;
    size_t start = out->len;
    int blocks = 0;
    const char *title = S_field(r, COPYDESK_FIELD_TITLE, 0);
    const char *deck = S_field(r, COPYDESK_FIELD_DECK, 0);
    if (title) {
        if (md) cd_buf_puts(out, "# ");
        S_value(out, title, md);
        blocks++;
    }
    if (deck) {
        if (blocks++) cd_buf_puts(out, "\n\n");
        if (md) cd_buf_putc(out, '*');
        S_value(out, deck, md);
        if (md) cd_buf_putc(out, '*');
    }
    /* The byline block: names, dates, the other parts. */
    size_t mark = out->len;
    if (blocks) cd_buf_puts(out, "\n\n");
    size_t block = out->len;
    int lines = 0;
    size_t na = cd_meta_count(r->meta, COPYDESK_FIELD_AUTHOR, NULL), shown = 0;
    for (size_t i = 0; i < na; i++) {
        const char *a = S_field(r, COPYDESK_FIELD_AUTHOR, i);
        if (!a) continue;
        if (!shown) {
            S_line(out, &lines, md);
            cd_buf_puts(out, "By ");
        } else {
            /* "A, B and C": is a later name the last one shown? */
            int last = 1;
            for (size_t j = i + 1; j < na && last; j++)
                if (S_field(r, COPYDESK_FIELD_AUTHOR, j)) last = 0;
            cd_buf_puts(out, last ? " and " : ", ");
        }
        S_value(out, a, md);
        shown++;
    }
    const char *pub = S_field(r, COPYDESK_FIELD_DATE, 0);
    const char *mod = S_field(r, COPYDESK_FIELD_MODIFIED, 0);
    if (pub) {
        S_line(out, &lines, md);
        cd_buf_puts(out, "Published ");
        S_date(out, pub, md);
        if (mod && strcmp(mod, pub) != 0) {
            cd_buf_puts(out, " \xC2\xB7 updated ");
            S_date(out, mod, md);
        }
    } else if (mod) {
        S_line(out, &lines, md);
        cd_buf_puts(out, "Updated ");
        S_date(out, mod, md);
    }
    const char *section = S_field(r, COPYDESK_FIELD_SECTION, 0);
    const char *dateline = S_field(r, COPYDESK_FIELD_DATELINE, 0);
    const char *credit = S_field(r, COPYDESK_FIELD_CREDIT, 0);
    if (section || dateline || credit) {
        int parts = 0;
        S_line(out, &lines, md);
        S_part(out, &parts, "Section: ", section, md);
        S_part(out, &parts, "Dateline: ", dateline, md);
        S_part(out, &parts, "Credit: ", credit, md);
    }
    if (out->len == block) cd_buf_truncate(out, mark);
    return out->len > start;
}

static int S_punct(unsigned c)
{
    return c > 0x20 && c < 0x7F && !cd_isalnum((int)c);
}

/* The block at s[0..n) in a comparable form: ASCII letters folded, runs of
 * white space one space; for Markdown, a heading's "#" marker, emphasis
 * markers and backslash escapes removed. Writes at most cap bytes; returns the
 * length, or cap + 1 when it does not fit. */
static size_t S_norm(const char *s, size_t n, int md, char *buf, size_t cap)
{
    size_t i = 0, k = 0;
    if (md) {
        while (i < n && s[i] == '#')
            i++;
    }
    int space = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (md && c == '\\' && i + 1 < n && S_punct((unsigned char)s[i + 1])) {
            c = (unsigned char)s[++i];
        } else if (md && (c == '*' || c == '_')) {
            continue;
        }
        if (cd_isspace(c)) {
            space = k > 0;
            continue;
        }
        if (space) {
            if (k >= cap) return cap + 1;
            buf[k++] = ' ';
            space = 0;
        }
        if (k >= cap) return cap + 1;
        buf[k++] = (char)cd_tolower(c);
    }
    return k;
}

void cd_head_dedupe(const cd_result *r, int md, cd_buf *out, size_t body)
{
    const char *title = S_field(r, COPYDESK_FIELD_TITLE, 0);
    if (!title || out->len <= body) return;
    const char *b = out->data + body;
    size_t n = out->len - body;
    const char *end = NULL;
    for (size_t i = 0; i + 1 < n && !end; i++)
        if (b[i] == '\n' && b[i + 1] == '\n') end = b + i;
    size_t first = end ? (size_t)(end - b) : n;
    char want[512], got[512];
    size_t tl = S_norm(title, strlen(title), 0, want, sizeof want);
    if (tl == 0 || tl > sizeof want) return;
    /* Markdown escapes the title's punctuation; compare it unescaped too. */
    size_t gl = S_norm(b, first, md, got, sizeof got);
    if (gl != tl || memcmp(want, got, tl) != 0) return;
    size_t cut = end ? first + 2 : n;
    memmove(out->data + body, out->data + body + cut, n - cut);
    cd_buf_truncate(out, out->len - cut);
}
