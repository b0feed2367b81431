/* util/limits: every defence against hostile input, as a named constant.
 *
 * Each limit has a pathological test (tests/pathological/) and is documented in
 * docs/limits.md. A page that hits one is cut (COPYDESK_WARN_TRUNCATED) or
 * refused (COPYDESK_ERR_TOO_LARGE); it never makes copydesk crash or hang. */
#ifndef CD_UTIL_LIMITS_H
#define CD_UTIL_LIMITS_H

/* Largest input accepted, compressed or not (bytes). */
#define CD_MAX_INPUT ((size_t)256 * 1024 * 1024)
/* Largest decompressed page (bytes). */
#define CD_MAX_DECODED ((size_t)256 * 1024 * 1024)
/* Nodes kept in copydesk's tree; the rest of the page is dropped. */
#define CD_MAX_NODES 2000000u
/* Tree depth; deeper elements are attached at this depth. */
#define CD_MAX_DEPTH 256u
/* Open elements in the HTML parser. A tree builder scans the stack of open
 * elements for most tags, so deep nesting costs tags x depth; past this depth
 * start tags are dropped before the tree builder sees them (their content
 * stays, attached at this depth). Above CD_MAX_DEPTH so that the tree clamp
 * still decides where deep content goes. */
#define CD_MAX_PARSE_DEPTH 512u
/* Entries after the last marker in the parser's list of active formatting
 * elements (src/parse/tree.c); past it the earliest is forgotten. Each text
 * after a block end re-opens ("reconstructs") every entry, so this is the
 * most elements one reconstruction makes. Real pages keep a handful open; the
 * standard's Noah's Ark clause alone bounds only identical ones. */
#define CD_MAX_FORMATTING 16u
/* Formatting elements the parser may copy (reconstruction, the adoption
 * agency) per page: this many plus one per CD_PARSE_BYTES_PER_CLONE input
 * bytes. Past it the text goes on without its formatting, so misnested
 * <a>/<b>/<p> cannot multiply elements. Real pages copy at most 163 per page,
 * 4.3 per KB (wcxb-dev, l3s-gn1, cleanportaleval). */
#define CD_PARSE_CLONES_BASE 20000u
#define CD_PARSE_BYTES_PER_CLONE 32u
/* Nodes per page: this many plus one per CD_PARSE_BYTES_PER_NODE input bytes
 * (never more than CD_MAX_NODES), so that the tree and what later stages
 * keep per node (about 115 bytes a node in all) stay within 16x the page's
 * size. Real pages make at most 69 nodes per KB (median 21): the limit is
 * 64 per KB on top of the base, which only a dense page of several MB nears. */
#define CD_PARSE_NODES_BASE 200000u
#define CD_PARSE_BYTES_PER_NODE 16u
/* Attributes kept per element; more are ignored. */
#define CD_MAX_ATTRS 64u
/* Attributes the HTML tokenizer keeps on one start tag (src/parse/tokenizer.c);
 * later ones are parsed and dropped. Above CD_MAX_ATTRS so that the tree
 * builder's merges (attributes of a second <html> or <body>) still see what a
 * browser would; it also bounds the duplicate-attribute check per attribute. */
#define CD_MAX_TOKEN_ATTRS 256u
/* Bytes kept of one attribute value. */
#define CD_MAX_ATTR_LEN ((size_t)64 * 1024)
/* Bytes of rendered output per page. */
#define CD_MAX_OUTPUT ((size_t)64 * 1024 * 1024)

#endif
