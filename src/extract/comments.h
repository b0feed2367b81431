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

/* Does element a, or a descendant up to three levels down, hold a run of
 * posts: CD_THREAD_MIN children of one tag or more, each with a paragraph
 * of para characters or more and a line naming and dating its writer (a
 * signature, or "NAME, DATE" without a cue)? A thread's posts, not a
 * story's blocks. */
int cd_comments_posts(const cd_dom *dom, const cd_xstat *st, cd_nid a, uint32_t para);

#endif
