/* meta/headline: where the page shows its headline, for the title's picker
 * (title.c): the runs of a <title>'s parts that an element of the body
 * repeats, and the headline-like elements above the article's first prose. */
#ifndef CD_META_HEADLINE_H
#define CD_META_HEADLINE_H

#include "cand.h"

/* How an element shows a piece of text (bits). */
#define CD_HL_HEADING 1u   /* an h1-h6 */
#define CD_HL_HEADCLASS 2u /* its class or id says head, headline, title */
#define CD_HL_LINK 4u      /* the text is a link's (inside an <a>, or all of one) */
#define CD_HL_HIDDEN 8u    /* hidden by markup, or in a <select>, <nav> or <form> */
#define CD_HL_BOLD 16u     /* a b/strong/font element, the whole text bold */

/* One run of consecutive parts of a <title>: bytes [from, to) of the title,
 * the element that repeats it (0: none) and how (CD_HL_*). */
typedef struct cd_meta_run {
    uint16_t from, to;
    uint16_t words;
    unsigned flags;
    cd_nid el;
} cd_meta_run;

#define CD_META_RUNS 160
#define CD_META_PARTS 16

/* The parts of title t[0..n) between separators (headline.c), at most
 * CD_META_PARTS: [ps[i], pe[i]) each, trimmed. */
size_t cd_meta_title_parts(const char *t, size_t n, size_t *ps, size_t *pe);

/* The runs of title t (cut at the separators of separators.txt, ": ", " (",
 * "_" and a dash beside a space) that an element of the body repeats, its
 * letters and digits equal, case-folded; for each run the best element (a
 * heading or head-classed one before others, a link's last, then the first
 * in the page). The whole title counts as a run. Returns how many runs are
 * confirmed (written to out, at most max). */
size_t cd_meta_headline_runs(cd_meta_ctx *c, const char *t, cd_meta_run *out, size_t max);

/* Lower-case ASCII letters and digits of s, other bytes kept (UTF-8
 * letters); spaces and punctuation (typographic quotes and dashes, no-break
 * space, icon glyphs) dropped: the loose form titles are compared in. */
size_t cd_meta_title_key(const char *s, size_t n, char *out, size_t cap);

/* The headline printed above the article's first prose: the last heading
 * (h1-h4) or head-classed element (the highest of a group of them close
 * together: headline, deck, a byline in an h4) of a few words, not a link,
 * before the first paragraph of prose (a <p> or a text of 100 letters and
 * 15 words outside links), with at most a byline's and a date's letters
 * between them; the element skip (CD_NONE: none) is passed over (a section's
 * name set as the h1 above the headline). CD_NONE when the first prose has
 * none above it. */
cd_nid cd_meta_body_headline(cd_meta_ctx *c, cd_nid skip);
/* The same with up to `between` letters between the headline and the prose
 * (a headline the <title> confirms may stand over a byline and a story's
 * tool links: "Email story", "Print"). */
cd_nid cd_meta_body_headline_within(cd_meta_ctx *c, cd_nid skip, size_t between);
/* With no heading or head-classed element over the story: the first of the
 * lines close together above its first prose, any element of two to twenty
 * words that is not a link's, a sentence's end, a byline or a label in
 * capitals (CD_NONE: none). */
cd_nid cd_meta_body_line(cd_meta_ctx *c);

#endif
