/* cli/gunzip: decompress a gzip page once, so that pass 1 of site learning
 * (copydesk_sites_observe) and pass 2 (copydesk_doc_parse) share the work.
 *
 * The result is used only when the library, given the raw bytes, would have
 * produced exactly these bytes and gone on: every member decoded cleanly
 * (src/input/gzip.c's rules: all members, anything after a complete member
 * that is not another member ignored), at most max bytes, not empty, and not
 * itself gzip (the library undoes one layer only). In every other case the
 * function returns NULL and the caller passes the raw bytes on, so damaged,
 * empty or oversized gzip still gets the library's own error. */
#ifndef CD_CLI_GUNZIP_H
#define CD_CLI_GUNZIP_H

#include <stddef.h>

/* Does in[0..len) start with the gzip magic? */
int cd_cli_is_gzip(const char *in, size_t len);

/* Decompress into *buf (malloc'd, *cap bytes, grown as needed and kept for
 * the next call: free it when done). Returns the decompressed length, or 0
 * when the result is not to be used (see above). */
size_t cd_cli_gunzip(const char *in, size_t len, size_t max, char **buf, size_t *cap);

/* The size the gzip trailer announces (its last member's ISIZE, the whole
 * size of a one-member stream modulo 2^32), or 0 when it is not usable. */
size_t cd_cli_gunzip_hint(const char *in, size_t len, size_t max);

/* The first cap bytes of the page the library would decompress, into
 * dst[0..cap): cap when the page is at least that long and its start decodes
 * cleanly, else 0 (a page that ends or fails within its first cap bytes).
 * Nothing is said about the rest of the stream. */
size_t cd_cli_gunzip_head(const char *in, size_t len, size_t max, char *dst, size_t cap);

/* A page's start decompressed step by step (site learning's counting pass
 * reads a gzip page's first 4, 8, 16, 32, then 64 KiB for its host key): each step
 * goes on from where the last one stopped. The input may be the file's first
 * bytes only: a step they do not cover says so (cd_cli_head_starved), and
 * goes on once the whole file is given (cd_cli_head_more). One per thread. */
typedef struct cd_cli_head cd_cli_head;
/* A reader whose steps go up to cap bytes; NULL on out-of-memory. */
cd_cli_head *cd_cli_head_new(size_t cap);
void cd_cli_head_free(cd_cli_head *h);
/* Start on the gzip page in[0..len) (the caller keeps it until done);
 * partial: these are only the file's first len bytes. */
void cd_cli_head_start(cd_cli_head *h, const char *in, size_t len, int partial);
/* The page's first want bytes (want <= cap): as cd_cli_gunzip_head gives
 * them, or NULL (the page is shorter, its start does not decode, or the
 * input given so far ends first: cd_cli_head_starved). */
const char *cd_cli_head_get(cd_cli_head *h, size_t want);
int cd_cli_head_starved(const cd_cli_head *h);
/* The whole file, whose first bytes were the partial input. */
void cd_cli_head_more(cd_cli_head *h, const char *in, size_t len);

#endif
