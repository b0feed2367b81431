/* util/limits: the library's defences against hostile input, as named
 * constants, one section per stage.
 *
 * Each bounds the time or memory one page can cost. They are listed, with
 * their tests, in docs/limits.md. A page that hits a whole-page limit is cut
 * (COPYDESK_WARN_TRUNCATED) or refused (COPYDESK_ERR_TOO_LARGE); a stage
 * limit only stops that stage reading further. None makes copydesk crash or
 * hang. (Thresholds that shape a heuristic, such as "a caption is at most
 * 120 bytes", stay next to the rule they belong to.) */
#ifndef CD_UTIL_LIMITS_H
#define CD_UTIL_LIMITS_H

/* Largest input accepted, compressed or not (bytes). */
#define CD_MAX_INPUT ((size_t)256 * 1024 * 1024)
/* Largest decompressed page (bytes). */
#define CD_MAX_DECODED ((size_t)256 * 1024 * 1024)
/* The inflation limit (issue #14): a gzip page, a web archive record's gzip
 * or deflate body, and a record of a gzip archive may decode to at most
 * max(CD_INFLATE_FLOOR, CD_INFLATE_RATIO x their compressed size) bytes (never
 * past CD_MAX_DECODED); past it the page is an error (COPYDESK_ERR_INFLATION).
 * The public defaults COPYDESK_INFLATE_RATIO / _FLOOR (copydesk.h); callers
 * change them (copydesk_doc_set_inflate_limit, --max-inflation). Without it a
 * 0.19 MB record inflating to 200 MB cost 958 MiB of peak RSS. No page of the
 * four sets inflates more than 16.9 times (2,441 pages at gzip -9, 2,110
 * shipped .gz files at most 16.7), and none decodes to more than 5.3 MB; the
 * floor keeps any page up to 8 MiB decoded whatever its ratio (a page's peak
 * is at most about 4 times its decoded size, `--json --format markdown`:
 * 32 MiB, within the bound's 64 MiB term; 16 MiB made 81 MiB). */
#define CD_INFLATE_RATIO 32u
#define CD_INFLATE_FLOOR ((size_t)8 * 1024 * 1024)
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
/* Markdown resolves a relative link or image against the page's URL (the
 * caller's, an archive's WARC-Target-URI, else the canonical): each such
 * resolution may add the whole base URL to the output and costs its length.
 * A link reopened after a block boundary (an <a> around paragraphs, list
 * items or table cells) writes its href once more and costs its length too.
 * Both may use this many bytes per page plus CD_MD_URL_ROOM_PER_BYTE per
 * byte of the page; past it references are written as the page gives them
 * and links are not reopened (their text goes on plain). Without it a 2 KiB
 * canonical before `<a href=x>y</a>` repeated made 128 times the page in
 * Markdown (67 MB of a 1 MB page, 161 MiB of peak RSS against a bound of
 * 79), a 64 KiB URL as much CPU per link, and one 60 KB href around 3,000
 * paragraphs 67 MB of an 84 KB page (issue #14). Real pages use at most
 * 143 KiB, 0.64 bytes per byte of the page (the four sets, their canonical
 * links as base). A reference with a scheme resolves to itself and costs
 * nothing. */
#define CD_MD_URL_ROOM_BASE ((size_t)1024 * 1024)
#define CD_MD_URL_ROOM_PER_BYTE 1u
/* Markdown repeats the prefixes of the open block quotes and list items
 * ("> ", a list item's width in spaces: up to CD_MD_MAX_NEST x 11 bytes) on
 * every line inside them. A page may write this many bytes of such prefixes
 * plus CD_MD_PREFIX_ROOM_PER_BYTE per byte of the page; past it lines go out
 * without them (flat: the text stays, the nesting goes). Without it 8 nested
 * `<ol start=2147483647><li>` around `x<br>` lines made 18 bytes of Markdown
 * per 5 of the page, up to the node budget: 76 MB of a 20 MB page with
 * --json, 374 MiB of peak RSS over the bound's 369 (issue #14). Real pages
 * write at most 9.4 KiB, 0.02 bytes per byte of the page (the four sets). */
#define CD_MD_PREFIX_ROOM_BASE ((size_t)1024 * 1024)
#define CD_MD_PREFIX_ROOM_PER_BYTE 1u

/* ---- meta: document metadata (src/meta/) -------------------------------- */

/* Candidates kept per page: every source adds at most this many values. */
#define CD_META_MAX_CANDS 512u
/* Bytes kept of one candidate value: a title or a name is never longer. */
#define CD_META_MAX_VALUE 2048u
/* Bytes of one ld+json script parsed: a real one is a few KB. */
#define CD_META_MAX_JSONLD (1u << 20)
/* JSON-LD nesting parsed (json-c's depth limit): a deeper script is refused. */
#define CD_META_JSON_DEPTH 64
/* JSON values visited per script: bounds the walk over a huge one. */
#define CD_META_JSON_NODES 20000u
/* ld+json scripts parsed per page: a page states its article in the first few. */
#define CD_META_MAX_SCRIPTS 16u
/* Nodes visited to gather one element's text. */
#define CD_META_TEXT_NODES 400u
/* Bytes of class and id words examined per element. */
#define CD_META_CLASS_WORDS 256u
/* Breadcrumb entries kept per trail (the end of a longer one is kept). */
#define CD_META_MAX_CRUMBS 8u
/* Elements named a breadcrumb trail that are examined per page. */
#define CD_META_MAX_TRAILS 16u
/* Candidates of the news fields (deck … tags) per page, out of
 * CD_META_MAX_CANDS: a page of a thousand article:tag metas leaves room for
 * title, authors and dates. */
#define CD_META_MAX_NEWS 128u
/* JSON values waiting on the explicit stack of the JSON-LD walk (the walk
 * never recurses; deeper values than this are not visited). */
#define CD_META_JSON_STACK 256
/* Tokens read of one date string: a date is a handful. */
#define CD_META_DATE_TOKENS 64
/* Words of a title compared with another (the rest is not compared). */
#define CD_META_TITLE_WORDS 48u
/* Visible byline candidates kept per page (half of it for side columns). */
#define CD_META_MAX_BYLINES 8u
/* Visible date candidates kept per page. */
#define CD_META_MAX_DATES 6u
/* Ancestors examined for an item scope or a menu around an element. */
#define CD_META_ANCESTORS 16u
/* Nodes walked back from the h1 for the section label above it. */
#define CD_META_KICKER_STEPS 80u
/* Passes over every node that the section rules make to check a label
 * (is it the site's name, a name of the news flow?), per page; past them a
 * label is no section. Real pages make at most 12 (the four sets); a menu
 * of 10^5 items each marked current made one per item (issue #14). */
#define CD_META_PAGE_PASSES 32u
/* Authors kept in the result. */
#define CD_MAX_AUTHORS 16
/* Tags kept in the result. */
#define CD_MAX_TAGS 32

/* ---- news: the parts cut from the extracted body (src/news/) ------------ */

/* Nodes visited in the one pass over the extracted body. */
#define CD_NEWS_BODY_NODES 400000u
/* Bytes of text gathered from one block (a dateline, a caption, a credit
 * line are far shorter). */
#define CD_NEWS_TEXT_MAX 600u
/* Text nodes gathered from one block, kept to map a cut back to them. */
#define CD_NEWS_SEGS 48u
/* Line breaks (<br>) whose place in a gathered text is kept (a photo
 * credit's lines: "Photo by Jane Doe<br>AP"). */
#define CD_NEWS_BRS 4u
/* Nodes visited to gather one block's text. */
#define CD_NEWS_GATHER_NODES 400u
/* Short blocks of the body tested as photo credits. */
#define CD_NEWS_BLOCKS_CHECKED 4000u
/* Nodes searched between the headline and the body (lead figure, source label). */
#define CD_NEWS_HEAD_NODES 1500u
/* Nodes searched after the headline for a deck. */
#define CD_NEWS_DECK_NODES 400u
/* Nodes searched inside one figure for its picture, caption and credit. */
#define CD_NEWS_FIG_NODES 300u
/* Figures of the body whose photo credits are cut. */
#define CD_NEWS_FIGS 32u
/* Nodes walked to find the last lines of one closing block (news/lines.c):
 * a layout cell holding the whole story is walked once, to its end. */
#define CD_NEWS_TAIL_NODES 20000u

#endif
