/* cli/files: expand command-line inputs and read files; see files.h. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "files.h"

const char *const cd_skip_names[CD_SKIP_COUNT] = {"by name", "hidden", "not a regular file",
                                                   "broken link"};

/* Append s (taken over) with its error (taken over, may be NULL). */
static int S_push_err(cd_paths *p, char *s, char *err)
{
    if (p->count == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        char **n = realloc(p->items, cap * sizeof *n);
        if (!n) {
            free(s);
            free(err);
            return -1;
        }
        p->items = n;
        char **e = realloc(p->errors, cap * sizeof *e);
        if (!e) {
            free(s);
            free(err);
            return -1;
        }
        p->errors = e;
        p->cap = cap;
    }
    p->errors[p->count] = err;
    p->items[p->count++] = s;
    return 0;
}

static int S_push(cd_paths *p, char *s)
{
    return S_push_err(p, s, NULL);
}

static char *S_printf_dup(const char *fmt, const char *a, const char *b)
{
    int n = snprintf(NULL, 0, fmt, a, b);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s) snprintf(s, (size_t)n + 1, fmt, a, b);
    return s;
}

static int S_wanted(const char *name)
{
    size_t n = strlen(name);
    static const char *const ext[] = {".html", ".htm", ".html.gz", ".htm.gz", ".warc", ".warc.gz",
                                       ".arc",  ".arc.gz", NULL};
    for (int i = 0; ext[i]; i++) {
        size_t e = strlen(ext[i]);
        if (n > e && strcmp(name + n - e, ext[i]) == 0)
            return 1;
    }
    return 0;
}

typedef struct {
    char *path, *err;
} S_entry;

static int S_cmp(const void *a, const void *b)
{
    return strcmp(((const S_entry *)a)->path, ((const S_entry *)b)->path);
}

/* Sort p's entries by path (byte order), errors along. */
static void S_sort(cd_paths *p)
{
    S_entry *e = malloc(p->count * sizeof *e);
    if (!e) {
        /* Unsorted is still every file. */
        return;
    }
    for (size_t i = 0; i < p->count; i++)
        e[i] = (S_entry){p->items[i], p->errors[i]};
    qsort(e, p->count, sizeof *e, S_cmp);
    for (size_t i = 0; i < p->count; i++) {
        p->items[i] = e[i].path;
        p->errors[i] = e[i].err;
    }
    free(e);
}

static char *S_join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *s = malloc(a + b + 2);
    if (!s)
        return NULL;
    memcpy(s, dir, a);
    size_t k = a;
    if (k == 0 || s[k - 1] != '/')
        s[k++] = '/';
    memcpy(s + k, name, b + 1);
    return s;
}

/* Walk a directory tree with an explicit stack (no recursion on the depth the
 * file system gives us); files are added in sorted order per directory.
 * skipped[] counts what was left out; a directory inside the tree that
 * cannot be listed, or an entry that cannot be looked at, is an error entry. */
static int S_walk(cd_paths *out, const char *top, unsigned long *skipped)
{
    cd_paths stack = {0};
    char *t = strdup(top);
    if (!t || S_push(&stack, t) != 0)
        return -1;
    int rc = 0;
    while (stack.count) {
        char *dir = stack.items[--stack.count];
        DIR *d = opendir(dir);
        if (!d) {
            char *err = S_printf_dup("read error: %s%s", strerror(errno), "");
            if (S_push_err(out, dir, err) != 0) rc = -1;
            continue;
        }
        cd_paths files = {0}, dirs = {0};
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            if (e->d_name[0] == '.') {
                skipped[CD_SKIP_HIDDEN]++;
                continue;
            }
            char *path = S_join(dir, e->d_name);
            if (!path)
                continue;
            struct stat sb;
            if (stat(path, &sb) != 0) {
                if (errno == ENOENT && lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
                    skipped[CD_SKIP_BROKEN]++;
                    free(path);
                } else {
                    char *err = S_printf_dup("read error: %s%s", strerror(errno), "");
                    if (S_push_err(&files, path, err) != 0) rc = -1;
                }
                continue;
            }
            if (S_ISDIR(sb.st_mode)) {
                S_push(&dirs, path);
            } else if (!S_ISREG(sb.st_mode)) {
                skipped[CD_SKIP_SPECIAL]++;
                free(path);
            } else if (S_wanted(e->d_name)) {
                S_push(&files, path);
            } else {
                skipped[CD_SKIP_NAME]++;
                free(path);
            }
        }
        closedir(d);
        free(dir);
        if (files.count)
            S_sort(&files);
        for (size_t i = 0; i < files.count; i++)
            if (S_push_err(out, files.items[i], files.errors[i]) != 0) rc = -1;
        /* Push subdirectories in reverse so they pop in sorted order. */
        if (dirs.count)
            S_sort(&dirs);
        for (size_t i = dirs.count; i > 0; i--)
            if (S_push(&stack, dirs.items[i - 1]) != 0) rc = -1;
        free(files.items);
        free(files.errors);
        free(dirs.items);
        free(dirs.errors);
    }
    free(stack.items);
    free(stack.errors);
    return rc;
}

/* "2 by name, 1 hidden" into buf. Returns the total. */
static unsigned long S_skips(const unsigned long *k, char *buf, size_t cap)
{
    unsigned long total = 0;
    size_t n = 0;
    buf[0] = '\0';
    for (int i = 0; i < CD_SKIP_COUNT; i++) {
        if (!k[i]) continue;
        total += k[i];
        int w = snprintf(buf + n, cap - n, "%s%lu %s", n ? ", " : "", k[i], cd_skip_names[i]);
        if (w < 0 || (size_t)w >= cap - n) break;
        n += (size_t)w;
    }
    return total;
}

int cd_paths_add(cd_paths *p, const char *arg)
{
    if (strcmp(arg, "-") == 0) {
        char *s = strdup(arg);
        return s ? S_push(p, s) : -1;
    }
    struct stat sb;
    if (stat(arg, &sb) != 0) {
        /* Keep it: the read fails later and becomes an error record. */
        char *s = strdup(arg);
        return s ? S_push(p, s) : -1;
    }
    if (S_ISDIR(sb.st_mode)) {
        unsigned long k[CD_SKIP_COUNT] = {0};
        size_t before = p->count;
        if (S_walk(p, arg, k) != 0)
            return -1;
        for (int i = 0; i < CD_SKIP_COUNT; i++)
            p->skipped[i] += k[i];
        if (p->count > before)
            return 0;
        /* Nothing to read: one error entry says what was there. */
        char why[256], msg[64];
        unsigned long total = S_skips(k, why, sizeof why);
        if (total)
            snprintf(msg, sizeof msg, "%lu file%s skipped: ", total, total == 1 ? "" : "s");
        else
            snprintf(msg, sizeof msg, "the directory is empty");
        char *s = strdup(arg);
        size_t need = strlen(arg) + strlen(msg) + strlen(why) + 64;
        char *err = malloc(need);
        if (!s || !err) {
            free(s);
            free(err);
            return -1;
        }
        snprintf(err, need, "no HTML or archive files under %s (%s%s)", arg, msg, total ? why : "");
        return S_push_err(p, s, err);
    }
    char *s = strdup(arg);
    return s ? S_push(p, s) : -1;
}

void cd_paths_free(cd_paths *p)
{
    for (size_t i = 0; i < p->count; i++) {
        free(p->items[i]);
        free(p->errors[i]);
    }
    free(p->items);
    free(p->errors);
    p->items = NULL;
    p->errors = NULL;
    p->count = p->cap = 0;
}

char *cd_read_file(const char *path, size_t max, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 64 * 1024, n = 0;
    struct stat sb;
    if (f != stdin && fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0) {
        if ((unsigned long long)sb.st_size > max) {
            fclose(f);
            errno = EFBIG;
            return NULL;
        }
        cap = (size_t)sb.st_size + 1;
    }
    char *buf = malloc(cap);
    if (!buf) {
        if (f != stdin)
            fclose(f);
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            if (cap > max) {
                free(buf);
                if (f != stdin)
                    fclose(f);
                errno = EFBIG;
                return NULL;
            }
            size_t ncap = cap * 2;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                free(buf);
                if (f != stdin)
                    fclose(f);
                return NULL;
            }
            buf = nb;
            cap = ncap;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    int err = ferror(f);
    if (f != stdin)
        fclose(f);
    if (err) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    if (n > max) {
        free(buf);
        errno = EFBIG;
        return NULL;
    }
    *len = n;
    return buf;
}
