/* extract/comments: reader comments found by their structure; see comments.c. */
#ifndef CD_EXTRACT_COMMENTS_H
#define CD_EXTRACT_COMMENTS_H

#include "xstat.h"

/* Mark the comment threads of the live tree: a run of sibling items each
 * signed with a time stamp or a "Posted by … <date>" line gets
 * st[].kind = CD_KIND_THREAD (on the container when the run fills it, else
 * on each item), schema.org Comment / UserComments items and runs of
 * comments signed by a name line alone too; a form with a text area, or a
 * short line inviting comments (src/lists/comment-prompts.txt), gets
 * CD_KIND_CFORM; the short heading or line just before a
 * thread or form CD_KIND_LABEL. Nodes already marked are left alone.
 * Uses st[].mark as scratch. */
void cd_comments_mark(const cd_dom *dom, cd_xstat *st);

#endif
