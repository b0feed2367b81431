/* cli/files: the inputs named on the command line — files, directories
 * (walked recursively for *.html, *.htm, *.html.gz, *.htm.gz, *.warc, *.warc.gz,
 * *.arc, *.arc.gz, in sorted order) and "-". */
#ifndef CD_CLI_FILES_H
#define CD_CLI_FILES_H

#include <stddef.h>

typedef struct cd_paths {
    char **items;
    size_t count, cap;
} cd_paths;

/* Expand one argument into paths (appended). Returns 0, or -1 with errno set
 * when the argument cannot be read (the caller reports it). */
int cd_paths_add(cd_paths *p, const char *arg);
void cd_paths_free(cd_paths *p);

/* Read a whole file ("-" = stdin) into a malloc'd buffer of *len bytes,
 * refusing more than max bytes (errno = EFBIG). NULL on error with errno set. */
char *cd_read_file(const char *path, size_t max, size_t *len);

#endif
