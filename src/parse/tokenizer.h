/* parse/tokenizer: the WHATWG HTML tokenizer (HTML Living Standard §13.2.5),
 * pulled one token at a time by the tree builder (parse/tree.c).
 *
 * Input is the decoded page (valid UTF-8, src/input guarantees it); the
 * tokenizer does the input-stream preprocessing itself (CR LF and lone CR ->
 * LF) and the character references (named table generated at build time from
 * Python's html.entities.html5). Pull model: the tree builder handles each
 * token before it asks for the next, so it can switch the tokenizer's state
 * (RCDATA, RAWTEXT, script data, PLAINTEXT) and allow CDATA sections (when the
 * adjusted current node is foreign) in between, as the spec's tree builder does.
 *
 * Token strings point into the input where the bytes are unchanged, or into the
 * tokenizer's scratch memory otherwise; either way they stay valid until the
 * next cd_tokenizer_next() call or cd_tokenizer_reset(). The tree builder copies
 * what it keeps into the document's arena. No allocation per token: scratch
 * buffers grow to the largest token seen and are reused page after page.
 *
 * This header is the contract between the tokenizer and the tree builder. */
#ifndef CD_PARSE_TOKENIZER_H
#define CD_PARSE_TOKENIZER_H

#include <stddef.h>
#include <stdint.h>

#include "../util/mem.h"

typedef enum cd_tok_kind {
    CD_TOK_DOCTYPE = 1,
    CD_TOK_START_TAG,
    CD_TOK_END_TAG,
    CD_TOK_COMMENT,
    CD_TOK_CHARS, /* a run of characters: see cd_token.data */
    CD_TOK_EOF
} cd_tok_kind;

/* Tokenizer states the tree builder may switch to (§13.2.5.1-7). */
typedef enum cd_tok_state {
    CD_TS_DATA = 0,
    CD_TS_RCDATA,
    CD_TS_RAWTEXT,
    CD_TS_SCRIPT_DATA,
    CD_TS_PLAINTEXT
} cd_tok_state;

typedef struct cd_tok_attr {
    const char *name; /* ASCII-lower-cased, as the spec's tokenizer emits it */
    const char *value;
    uint32_t name_len;
    uint32_t value_len;
} cd_tok_attr;

typedef struct cd_token {
    cd_tok_kind kind;
    /* START_TAG / END_TAG: the tag name (ASCII-lower-cased);
     * COMMENT: the comment's data; DOCTYPE: the name (lower-cased; has_name
     * says whether there was one); CHARS: a run of characters, UTF-8. A CHARS
     * run may hold U+0000 only where the spec emits it as is (data state,
     * CDATA sections); the tree builder splits runs on whitespace / NUL as its
     * insertion mode needs. Runs are as long as the tokenizer can make them
     * (a text between two tags is usually one token). */
    const char *data;
    size_t len;
    /* START_TAG / END_TAG: the HTML tag (cd_tag_lookup on the name;
     * CD_TAG_UNKNOWN when not listed in dom/tags.def). */
    uint16_t tag;
    uint8_t self_closing;  /* START_TAG: <x/> */
    uint8_t force_quirks;  /* DOCTYPE */
    uint8_t has_name;      /* DOCTYPE: a name was given */
    uint8_t has_public_id; /* DOCTYPE: PUBLIC "…" given (even empty) */
    uint8_t has_system_id; /* DOCTYPE: system identifier given (even empty) */
    const char *public_id, *system_id; /* DOCTYPE */
    uint32_t public_id_len, system_id_len;
    /* START_TAG (END_TAG attributes are parsed and dropped, as the spec says):
     * duplicates removed, the first kept. At most CD_MAX_TOKEN_ATTRS are kept,
     * the rest dropped (see util/limits.h). */
    const cd_tok_attr *attrs;
    uint32_t nattrs;
} cd_token;

typedef struct cd_tokenizer cd_tokenizer;

/* NULL on out-of-memory. Reusable for many pages; not shared between threads. */
cd_tokenizer *cd_tokenizer_new(const cd_mem *mem);
void cd_tokenizer_free(cd_tokenizer *t);
/* Start on a new input (valid UTF-8, not NUL-terminated); keeps scratch memory. */
void cd_tokenizer_reset(cd_tokenizer *t, const char *in, size_t len);

/* The next token into *tok. Returns 1, or 0 when out of memory (then *tok is
 * an EOF token and every later call says EOF too). After CD_TOK_EOF every
 * call returns CD_TOK_EOF again. */
int cd_tokenizer_next(cd_tokenizer *t, cd_token *tok);

/* Switch state before the next token (the tree builder does this after a
 * <title>, <textarea>, <style>, <script>, <plaintext>… start tag). The
 * "appropriate end tag" is checked against the last start tag emitted. */
void cd_tokenizer_set_state(cd_tokenizer *t, cd_tok_state s);
/* Whether "<![CDATA[" opens a CDATA section (the adjusted current node is
 * not in the HTML namespace) or a bogus comment. */
void cd_tokenizer_allow_cdata(cd_tokenizer *t, int allow);
/* For the html5lib tokenizer tests: set the last start tag's name. */
void cd_tokenizer_set_last_start_tag(cd_tokenizer *t, const char *name, size_t len);

/* Where the next token starts (an offset in the input) when the tokenizer is
 * in the data state with no token pending: 1 and *off, else 0. Right after a
 * tag token, tokenizing the input from *off in the data state gives the same
 * tokens as going on (site/blocks.c reads a page's start on from there). */
int cd_tokenizer_data_offset(const cd_tokenizer *t, size_t *off);

/* Read only some tags' attributes (site/blocks.c: a class here, a link's
 * href there): keep[tag] (CD_TAG__COUNT entries, indexed by the tag a start
 * tag token carries) non-zero says a start tag's attributes are kept; other
 * tags, and end tags, may come with nattrs 0. The tokens are otherwise the
 * same (kind, name, tag, self-closing, every token after). NULL (the
 * default) keeps every tag's. Stays until changed, across resets. */
void cd_tokenizer_keep_attrs(cd_tokenizer *t, const uint8_t *keep);

/* Read only some attribute values (site/blocks.c: a block's class, a link's
 * rel and href): with keep_attrs set, a start tag whose attributes are kept
 * and whose name ended at white space asks want(ctx, tag, name, len) for
 * each attribute's value; an attribute whose value is not wanted is kept
 * with an empty value (read past as the value states would, so the tag
 * ends where they end it; its parse errors go uncounted). Names, duplicate
 * and cap rules are unchanged. NULL (the default): every value is read.
 * Stays until changed, across resets. */
void cd_tokenizer_want_values(cd_tokenizer *t, int (*want)(void *ctx, uint16_t tag, const char *name, size_t len),
                              void *ctx);

/* The same tokens as cd_tokenizer_next, filled leaner (the site scanner's
 * entry point: no token struct cleared or copied per token): only kind,
 * data and len, and for tags tag, self_closing, attrs and nattrs are set;
 * the other fields of *tok are left as they were. Strings stay valid until
 * the next call or reset. Do not mix with cd_tokenizer_next on one input. */
int cd_tokenizer_next_lean(cd_tokenizer *t, cd_token *tok);

/* Parse errors seen so far on this input (counted, not kept: copydesk reads
 * broken pages the way browsers do and never fails on a parse error). */
uint32_t cd_tokenizer_errors(const cd_tokenizer *t);

#endif
