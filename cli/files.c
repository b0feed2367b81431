/* cli/files: expand command-line inputs and read files; see files.h. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "files.h"

static int S_push(cd_paths *p, char *s)
{
    if (p->count == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        char **n = realloc(p->items, cap * sizeof *n);
        if (!n) {
            free(s);
            return -1;
        }
        p->items = n;
        p->cap = cap;
    }
    p->items[p->count++] = s;
    return 0;
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

static int S_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
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
 * file system gives us); files are added in sorted order per directory. */
static int S_walk(cd_paths *out, const char *top)
{
    cd_paths stack = {0};
    char *t = strdup(top);
    if (!t || S_push(&stack, t) != 0)
        return -1;
    while (stack.count) {
        char *dir = stack.items[--stack.count];
        DIR *d = opendir(dir);
        if (!d) {
            free(dir);
            continue;
        }
        cd_paths files = {0}, dirs = {0};
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            char *path = S_join(dir, e->d_name);
            if (!path)
                continue;
            struct stat sb;
            if (stat(path, &sb) != 0) {
                free(path);
                continue;
            }
            if (S_ISDIR(sb.st_mode))
                S_push(&dirs, path);
            else if (S_ISREG(sb.st_mode) && S_wanted(e->d_name))
                S_push(&files, path);
            else
                free(path);
        }
        closedir(d);
        free(dir);
        if (files.count)
            qsort(files.items, files.count, sizeof(char *), S_cmp);
        for (size_t i = 0; i < files.count; i++)
            S_push(out, files.items[i]);
        /* Push subdirectories in reverse so they pop in sorted order. */
        if (dirs.count)
            qsort(dirs.items, dirs.count, sizeof(char *), S_cmp);
        for (size_t i = dirs.count; i > 0; i--)
            S_push(&stack, dirs.items[i - 1]);
        free(files.items);
        free(dirs.items);
    }
    free(stack.items);
    return 0;
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
    if (S_ISDIR(sb.st_mode))
        return S_walk(p, arg);
    char *s = strdup(arg);
    return s ? S_push(p, s) : -1;
}

void cd_paths_free(cd_paths *p)
{
    for (size_t i = 0; i < p->count; i++)
        free(p->items[i]);
    free(p->items);
    p->items = NULL;
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
