/* cli/files: the inputs named on the command line — files, directories
 * (walked recursively for *.html, *.htm, *.html.gz, *.htm.gz, *.warc, *.warc.gz,
 * *.arc, *.arc.gz, in sorted order) and "-". */
#ifndef CD_CLI_FILES_H
#define CD_CLI_FILES_H

#include <stddef.h>

/* Why a directory walk left a file out (counted for --stats and for the
 * message of a directory with nothing to read). */
enum {
    CD_SKIP_NAME,    /* not one of the names above ("by name") */
    CD_SKIP_HIDDEN,  /* a name starting with '.' (files and directories) */
    CD_SKIP_SPECIAL, /* not a regular file: a FIFO, socket or device */
    CD_SKIP_BROKEN,  /* a symbolic link to nothing */
    CD_SKIP_COUNT
};
/* The reasons as the summary and the messages name them. */
extern const char *const cd_skip_names[CD_SKIP_COUNT];

typedef struct cd_paths {
    char **items;
    /* errors[i]: NULL, or why input i cannot be read: "no HTML or archive
     * files under DIR (...)" for a directory with nothing to read, "read
     * error: ..." for a directory inside the tree that cannot be listed. The
     * caller turns it into an error record in its place. */
    char **errors;
    size_t count, cap;
    unsigned long skipped[CD_SKIP_COUNT]; /* over every directory walked */
} cd_paths;

/* Expand one argument into paths (appended). Returns 0, or -1 with errno set
 * when memory runs out (the caller reports it). A missing file is kept (its
 * read fails later and becomes an error record). */
int cd_paths_add(cd_paths *p, const char *arg);
void cd_paths_free(cd_paths *p);

/* Read a whole file ("-" = stdin) into a malloc'd buffer of *len bytes,
 * refusing more than max bytes (errno = EFBIG). NULL on error with errno set. */
char *cd_read_file(const char *path, size_t max, size_t *len);

#endif
