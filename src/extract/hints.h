/* extract/hints: class/id/role words as bit flags; see hints.c. */
#ifndef CD_EXTRACT_HINTS_H
#define CD_EXTRACT_HINTS_H

#include "../dom/dom.h"

#define CD_HINT_CHROME 1u      /* chrome words: nav, share, newsletter, related, ad … */
#define CD_HINT_NEG 2u         /* weak negative: header, meta, tags … */
#define CD_HINT_POS 4u         /* positive: article, content, entry, post, body … */
#define CD_HINT_COMMENT 8u     /* user comments */
#define CD_HINT_ROLE_CHROME 16u /* an ARIA landmark role that is never the article */
#define CD_HINT_BODY 32u       /* itemprop="articleBody" */
#define CD_HINT_CREDIT 64u     /* a credit line: photo credit, copyright, image source */
#define CD_HINT_NOTE 512u     /* a note beside the story: deck, excerpt, summary, disclosure, bio */
#define CD_HINT_PANEL 256u     /* a panel that opens: tab panel, accordion or collapse body, FAQ answer */
#define CD_HINT_CTA 1024u      /* a call-to-action box ("post-cta"): dropped on article pages (stock.c) */
#define CD_HINT_LEGAL 2048u    /* a disclaimer or disclosure box ("disclaimer"): dropped on story pages (stock.c) */
#define CD_HINT_CONSENT 128u   /* a consent manager's dialog (with CD_HINT_CHROME): never content,
                                * however much of the page's text it holds */
/* Internal to hints.c: words that say chrome only together (see src/lists/hints-author.txt). */
#define CD_HINT__AUTHOR 0x1000u /* "author", "byline" … */
#define CD_HINT__ABOUT 0x2000u  /* "bio", "about", "box", "info" … */

/* Is the class-word set (src/lists/hints-*.txt) well formed (for the tests)? */
int cd_hints_table_ok(void);

/* The hints of element id's class, id, role and itemprop attributes. */
unsigned cd_hints_of(const cd_dom *dom, cd_nid id);
/* The same, the class and id words' part kept per class key (cd_dom.cls) in
 * memo[dom->nclasses + 1], zeroed before the page's first call (bit 0x8000:
 * worked out); memo NULL or a tree without the index: cd_hints_of. The parser
 * keeps one attribute of a name (the first), so the key's values are all
 * the class and id words an element has. */
unsigned cd_hints_of_keyed(const cd_dom *dom, cd_nid id, uint16_t *memo);

#endif
