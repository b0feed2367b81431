/* input/warc: a streaming reader of web archives (WARC 1.0/1.1, ARC v1/v2).
 *
 * Stage: input (before decoding). The reader pulls bytes through a callback
 * and hands out one record at a time; memory stays constant however large the
 * file is: a window of CD_WARC_WINDOW bytes, one zlib stream, and the payload
 * of the current HTML record (at most `max_payload` bytes). Non-HTML records
 * are skipped without being held in memory.
 *
 * Compression: gzip per record (Common Crawl), whole-file gzip, records that
 * span gzip members, or none. A record's offset is the byte offset of the gzip
 * member it starts (what CDX indexes store), or of its first header byte in an
 * uncompressed file. When a record starts inside a member (whole-file gzip),
 * `offset` is its offset in the decompressed stream and `in_stream` is set.
 *
 * Payload (ISO 28500 §6, RFC 9112): `response` records carrying HTTP are
 * split at the HTTP header, de-chunked (Transfer-Encoding: chunked) and
 * decoded (Content-Encoding: gzip, x-gzip, deflate). A response or resource
 * record is HTML when its Content-Type (HTTP header; the WARC header for
 * resource records; the ARC header line for ARC) is text/html or
 * application/xhtml+xml, or, when there is no Content-Type, when the payload
 * sniffs as HTML (WHATWG MIME Sniffing §7.1, the HTML patterns).
 *
 * Errors do not stop the reader: a truncated file, a bad Content-Length, a
 * corrupt gzip member or a broken chunked body become an error record with an
 * offset, and reading resumes at the next "WARC/1." line (the next valid ARC
 * header line) or the next gzip member. A record whose Content-Length lies is
 * searched again from its block start (records it swallowed come out); after
 * a damaged member of a per-record gzip file, the search for the next member
 * starts just after the damaged member's start (a member cut short is
 * inflated on into the next ones as garbage), and a candidate must inflate to
 * a record start. Both go back at most CD_WARC_LOOKBACK raw bytes (the
 * window, CD_WARC_WINDOW / 4, for whole-file gzip) and read at most 1 MiB + the
 * input size twice: memory stays bounded and time linear. */
#ifndef CD_INPUT_WARC_H
#define CD_INPUT_WARC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../util/buf.h"

/* Bytes of decompressed stream held at once; bounds one header block too. */
#define CD_WARC_WINDOW ((size_t)256 * 1024)
/* Longest WARC/ARC header block or HTTP header block; longer is an error. */
#define CD_WARC_MAX_HEADER ((size_t)64 * 1024)
/* Compressed bytes kept behind the read position (gzip input): a member's
 * start while it is inflated, and after a record of a member failed, the
 * bytes still to search for the next member (see warc.c, S_gz_resync). The
 * raw buffer of a gzip input is twice this. */
#define CD_WARC_LOOKBACK ((size_t)1024 * 1024)
/* Raw bytes read per callback call. */
#define CD_WARC_READ_CHUNK ((size_t)64 * 1024)

/* Read up to len bytes into buf; return the count, 0 at end of input.
 * Set *err (to nonzero) on a read error. */
typedef size_t (*cd_warc_read_fn)(void *ctx, void *buf, size_t len, int *err);

typedef enum cd_warc_format {
    CD_WARC_FMT_NONE = 0, /* not an archive (e.g. an HTML page) */
    CD_WARC_FMT_WARC = 1,
    CD_WARC_FMT_ARC = 2
} cd_warc_format;

typedef enum cd_warc_kind {
    CD_WARC_HTML = 1,    /* payload is an HTML page: extract it */
    CD_WARC_SKIPPED = 2, /* not HTML (or not a response/resource): counted only */
    CD_WARC_ERROR = 3    /* a broken record: `error` says why, `offset` where */
} cd_warc_kind;

typedef struct cd_warc_record {
    cd_warc_kind kind;
    const char *error;    /* static English reason (CD_WARC_ERROR), else NULL */
    uint64_t offset;      /* see the header comment */
    int in_stream;        /* offset counts decompressed bytes (whole-file gzip) */
    int arc;              /* an ARC record: no record id; date converted */
    const char *skip_why; /* static: why a record was skipped ("request", "not HTML", ...) */
    /* An error of the inflation limit: which body, its compressed bytes, the
     * limit for them and the limit's settings (for the message). */
    const char *inflate_what;
    uint64_t inflate_in, inflate_out;
    unsigned inflate_ratio;
    size_t inflate_floor;
    /* NUL-terminated; empty when absent. Owned by the record. */
    cd_buf type;      /* WARC-Type ("response", "resource", ...) */
    cd_buf record_id; /* WARC-Record-ID as written, e.g. "<urn:uuid:...>" */
    cd_buf date;      /* WARC-Date (ARC: the 14-digit date as ISO 8601 UTC) */
    cd_buf url;       /* WARC-Target-URI without the <> some writers add */
    cd_buf charset;   /* charset parameter of the Content-Type that made it HTML */
    cd_buf payload;   /* HTML bytes (kind HTML), de-chunked and content-decoded;
                         the caller may take them with cd_buf_detach() */
} cd_warc_record;

typedef struct cd_warc cd_warc;

/* What the first bytes of a file are: gzip is looked through (first member). */
cd_warc_format cd_warc_sniff(const unsigned char *raw, size_t len);

/* A reader over `read`. `prefix` (may be NULL) holds raw bytes already read
 * from the same input (e.g. to sniff it); they are read first. Payloads larger
 * than max_payload (before or after decoding) become error records. NULL on
 * out-of-memory. */
cd_warc *cd_warc_new(cd_warc_read_fn read, void *ctx, const unsigned char *prefix,
                     size_t prefix_len, size_t max_payload, const cd_mem *mem);
/* The inflation limit of the records (default CD_INFLATE_RATIO and
 * CD_INFLATE_FLOOR; ratio 0: off): a Content-Encoding gzip or deflate body,
 * and a record of a gzip archive (against the compressed bytes read since it
 * began, checked as it is read), may decode to max(floor, ratio x compressed);
 * past it the record is an error record and reading goes on after it. */
void cd_warc_set_inflate(cd_warc *r, unsigned ratio, size_t floor);
/* A read callback over a FILE* (ctx). */
size_t cd_warc_read_file(void *ctx, void *buf, size_t len, int *err);
void cd_warc_free(cd_warc *r);

/* The format found at the start (after the first cd_warc_next call or sniff). */
cd_warc_format cd_warc_get_format(const cd_warc *r);
/* Raw input bytes consumed so far (for progress). */
uint64_t cd_warc_raw_offset(const cd_warc *r);

void cd_warc_record_init(cd_warc_record *rec, const cd_mem *mem);
void cd_warc_record_free(cd_warc_record *rec);

/* Read the next record into rec (its buffers are reused). Returns 1 with a
 * record, 0 at the end of input. Out-of-memory is an error record too. */
int cd_warc_next(cd_warc *r, cd_warc_record *rec);

/* How a record is named in the output (the CLI's and the public API's rule):
 * append "#<record-id>" to out when the record has an id, else "@<offset>".
 * The caller writes the path first. */
void cd_warc_record_source(const cd_warc_record *rec, cd_buf *out);
/* An error record's message: append "<error> at byte <offset>", plus
 * " of the decompressed stream" when the offset counts decompressed bytes. */
void cd_warc_record_message(const cd_warc_record *rec, cd_buf *out);

#endif
