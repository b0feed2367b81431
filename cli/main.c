/* cli: the copydesk command.
 *
 *   copydesk [options] FILE|DIR|- ...
 *
 * Every input becomes one article (text or Markdown) or one JSON Lines record.
 * A page that fails becomes an error record (JSON) or a message on stderr, the
 * batch goes on, and the exit status is 1 when anything failed. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk.h"
#include "files.h"

#define CD_CLI_MAX_INPUT ((size_t)256 * 1024 * 1024)

static void S_usage(FILE *f)
{
    fputs("usage: copydesk [options] FILE|DIR|- ...\n"
          "Extract the article from web pages (HTML, plain or gzip).\n"
          "Directories are read recursively for *.html, *.htm and *.html.gz.\n\n"
          "  --format FMT      text (default), markdown or json\n"
          "  --json            JSON Lines: one object per input (with --format markdown,\n"
          "                    the object also carries `markdown`)\n"
          "  --url URL         the page's URL (one input)\n"
          "  --charset NAME    transport charset hint (e.g. from HTTP)\n"
          "  --keep-comments   keep user comments\n"
          "  --no-tables       leave tables out\n"
          "  --no-captions     leave figure captions out\n"
          "  --no-extract      render the whole visible page\n"
          "  -q, --quiet       no messages on stderr for failed pages\n"
          "  -h, --help        this help\n"
          "  -V, --version     print the version\n",
          f);
}

typedef struct {
    copydesk_format format;
    int json;
    int quiet;
    const char *url;
    const char *charset;
    unsigned options;
} S_opts;

static void S_json_error(const char *source, const char *reason)
{
    /* Reuse the library's JSON escaping through a throwaway document-free path:
     * escape by hand here, the strings are a path and a fixed reason. */
    fputs("{\"source\":\"", stdout);
    for (const unsigned char *p = (const unsigned char *)source; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p < 0x20)
            printf("\\u%04x", *p);
        else
            putchar(*p);
    }
    printf("\",\"error\":\"%s\"}\n", reason);
}

static int S_one(copydesk_doc *doc, const char *path, const S_opts *o, int many)
{
    size_t len = 0;
    errno = 0;
    char *bytes = cd_read_file(path, CD_CLI_MAX_INPUT, &len);
    const char *reason = NULL;
    char reason_buf[128];
    copydesk_status st = COPYDESK_OK;
    if (!bytes) {
        snprintf(reason_buf, sizeof reason_buf, "read error: %s",
                 errno == EFBIG ? "input too large" : strerror(errno ? errno : EIO));
        reason = reason_buf;
    } else {
        copydesk_doc_reset(doc);
        copydesk_doc_set_source(doc, path, strlen(path));
        if (o->url)
            copydesk_doc_set_url(doc, o->url, strlen(o->url));
        if (o->charset)
            copydesk_doc_set_charset(doc, o->charset, strlen(o->charset));
        st = copydesk_doc_parse(doc, bytes, len);
        free(bytes);
        if (st != COPYDESK_OK)
            reason = copydesk_status_str(st);
    }
    if (reason) {
        if (o->json)
            S_json_error(path, reason);
        if (!o->quiet)
            fprintf(stderr, "copydesk: %s: %s\n", path, reason);
        return 1;
    }
    size_t n = 0;
    copydesk_format fmt = o->json ? COPYDESK_FORMAT_JSON : o->format;
    const char *out = copydesk_doc_render(doc, fmt, &n, &st);
    if (!out) {
        if (o->json)
            S_json_error(path, copydesk_status_str(st));
        if (!o->quiet)
            fprintf(stderr, "copydesk: %s: %s\n", path, copydesk_status_str(st));
        return 1;
    }
    if (many && !o->json)
        printf("==> %s <==\n", path);
    fwrite(out, 1, n, stdout);
    if (fmt != COPYDESK_FORMAT_JSON && many)
        fputc('\n', stdout);
    fputc('\n', stdout);
    return 0;
}

int main(int argc, char **argv)
{
    S_opts o = {COPYDESK_FORMAT_TEXT, 0, 0, NULL, NULL, 0};
    cd_paths paths = {0};
    int only_inputs = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_inputs || a[0] != '-' || strcmp(a, "-") == 0) {
            if (cd_paths_add(&paths, a) != 0) {
                fprintf(stderr, "copydesk: %s: %s\n", a, strerror(errno));
                return 2;
            }
            continue;
        }
        const char *val = NULL;
        const char *eq = strchr(a, '=');
        char name[64];
        size_t nl = eq ? (size_t)(eq - a) : strlen(a);
        if (nl >= sizeof name)
            nl = sizeof name - 1;
        memcpy(name, a, nl);
        name[nl] = '\0';
        int needs = strcmp(name, "--format") == 0 || strcmp(name, "--url") == 0 ||
                    strcmp(name, "--charset") == 0;
        if (needs) {
            if (eq)
                val = eq + 1;
            else if (i + 1 < argc)
                val = argv[++i];
            else {
                fprintf(stderr, "copydesk: %s needs a value\n", name);
                return 2;
            }
        }
        if (strcmp(name, "--") == 0) {
            only_inputs = 1;
        } else if (strcmp(name, "--format") == 0) {
            if (strcmp(val, "text") == 0)
                o.format = COPYDESK_FORMAT_TEXT;
            else if (strcmp(val, "markdown") == 0 || strcmp(val, "md") == 0)
                o.format = COPYDESK_FORMAT_MARKDOWN;
            else if (strcmp(val, "json") == 0)
                o.json = 1;
            else {
                fprintf(stderr, "copydesk: unknown format '%s' (text, markdown, json)\n", val);
                return 2;
            }
        } else if (strcmp(name, "--json") == 0) {
            o.json = 1;
        } else if (strcmp(name, "--url") == 0) {
            o.url = val;
        } else if (strcmp(name, "--charset") == 0) {
            o.charset = val;
        } else if (strcmp(name, "--keep-comments") == 0) {
            o.options |= COPYDESK_OPT_KEEP_COMMENTS;
        } else if (strcmp(name, "--no-tables") == 0) {
            o.options |= COPYDESK_OPT_NO_TABLES;
        } else if (strcmp(name, "--no-captions") == 0) {
            o.options |= COPYDESK_OPT_NO_CAPTIONS;
        } else if (strcmp(name, "--no-extract") == 0) {
            o.options |= COPYDESK_OPT_NO_EXTRACT;
        } else if (strcmp(name, "-q") == 0 || strcmp(name, "--quiet") == 0) {
            o.quiet = 1;
        } else if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
            S_usage(stdout);
            return 0;
        } else if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
            printf("copydesk %s\n", copydesk_version_string());
            return 0;
        } else {
            fprintf(stderr, "copydesk: unknown option '%s'\n", a);
            S_usage(stderr);
            return 2;
        }
    }
    if (paths.count == 0) {
        S_usage(stderr);
        return 2;
    }
    if (o.json && o.format == COPYDESK_FORMAT_MARKDOWN)
        o.options |= COPYDESK_OPT_JSON_MARKDOWN;
    copydesk_doc *doc = copydesk_doc_new(o.options);
    if (!doc) {
        fprintf(stderr, "copydesk: out of memory\n");
        return 2;
    }
    int failed = 0;
    for (size_t i = 0; i < paths.count; i++)
        failed |= S_one(doc, paths.items[i], &o, paths.count > 1);
    copydesk_doc_free(doc);
    cd_paths_free(&paths);
    if (fflush(stdout) != 0)
        return 2;
    return failed ? 1 : 0;
}
