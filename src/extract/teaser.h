/* extract/teaser: lists of other stories found by their structure; see teaser.c. */
#ifndef CD_EXTRACT_TEASER_H
#define CD_EXTRACT_TEASER_H

#include "xstat.h"

/* Mark the teaser lists of the live tree: an element whose children are
 * mostly items made of one headline-like link (3 to 25 words, not inside a
 * sentence) with at most a short teaser, a time or a credit besides gets
 * st[].kind = CD_KIND_TEASERS (the whole element when nothing else in it is
 * a paragraph, else each item, with the loose text of their summaries); the
 * short heading just before it CD_KIND_LABEL. Three items in a row make a
 * list, one does under a label that names other stories. Nodes already
 * marked are left alone. Uses st[].mark as scratch. */
void cd_teaser_mark(const cd_dom *dom, cd_xstat *st);

/* After cd_teaser_mark, st[].mark of a node marked CD_KIND_TEASERS is
 * CD_TEASER_NAMED when a label that names other stories introduces it
 * ("Related Posts:", "Latest headlines", "Previous story:";
 * src/lists/teaser-labels.txt): such a list is never the story's own. */
#define CD_TEASER_NAMED 0xFFFFu
/* ... and CD_TEASER_CARDS when it is unnamed and most of its items are cards:
 * a headline first, then a summary of the item's own (a rail of "more
 * stories" as newer pages set it; a list of resources or of a docs page's
 * next steps has no such summaries). */
#define CD_TEASER_CARDS 0xFFFEu

#endif
