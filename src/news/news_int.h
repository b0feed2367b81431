/* news/news_int: what the files of the news stage share: the state of one
 * run over a page, the text gathered from a block, and the helpers
 * (parts.c) that gather, test and cut. Limits: util/limits.h (CD_NEWS_*). */
#ifndef CD_NEWS_NEWS_INT_H
#define CD_NEWS_NEWS_INT_H

#include <stddef.h>
#include <stdint.h>

#include "../meta/cand.h"
#include "../util/limits.h"
#include "news.h"

/* The shape of the rules (not limits): where a dateline, a deck, a closing
 * credit and a lead figure may sit. */
#define CD_NEWS_FIRST 12u         /* first blocks kept: the head lines, the dateline, the deck */
#define CD_NEWS_DATE_BLOCKS 4u    /* first blocks read for a labelled date line */
#define CD_NEWS_HEAD_HEADINGS 2u  /* headings before the first block read for one too */
#define CD_NEWS_DATE_CLOSING 2u   /* ... unless among the closing ones (the foot's) */
#define CD_NEWS_LAST 2u           /* closing blocks tested as credit lines */
#define CD_NEWS_TAIL 12u          /* closing blocks kept: the foot lines */
#define CD_NEWS_CONTRIB 8u        /* closing blocks searched for a contributor line */
#define CD_NEWS_LEAD_WINDOW 1500u /* body bytes before which a figure is the lead */
#define CD_NEWS_BARE_CAPTION 400u /* a bare picture's caption is at most this long */

/* The state of one run. */
typedef struct cd_news_ctx {
    cd_meta *m;
    const cd_dom *dom;
    cd_arena *arena;
    cd_extract *x;
    const char *page_url;
    int keep;
    /* cd_news_gather gathers a run of white space only as one space (set
     * by the dateline search alone: credit.c S_body_dateline). */
    int gather_blank;
    cd_meta_ctx ctx; /* for cd_meta_class_has */
    /* From the body pass. */
    cd_nid first[CD_NEWS_FIRST];
    unsigned nfirst;
    cd_nid last[CD_NEWS_LAST];      /* last[0] the closing block, last[1] the one before */
    cd_nid tail[CD_NEWS_TAIL];      /* the last CD_NEWS_TAIL blocks, tail[0] the closing one */
    cd_nid last_text;         /* the last text node with words */
    cd_nid tail_heading;      /* a heading after the last block of prose (CD_NONE) */
    cd_nid lead_fig;          /* the lead figure (or figure-like block) */
    cd_nid lead_img;          /* the first big picture of the body's opening, outside any figure */
    cd_nid figs[CD_NEWS_FIGS]; /* the figures of the body, in order */
    unsigned nfigs;
    const char *loose_credit; /* a standalone photo credit before the first paragraph */
    const char *tail_photo;   /* the last labelled photo credit line after the story's opening */
    cd_nid tail_photo_blk;    /* its block */
    const char *agency;       /* the agency named in the dateline */
    const char *foot_agency;  /* the agency a copyright notice after the story names */
    const char *foot_contrib; /* a contributor sentence closing that notice */
    int foot_notice;          /* a copyright notice closes the story (whoever it names) */
    int credit_notice;        /* the credit is foot_agency's (a copyright notice's) */
    /* Is the page a story (parts.c S_story): dated, or showing the day it
     * was served? The deck and the lead picture are read on a story. */
    int story;
    cd_nid h1;                /* the headline element */
    cd_nid head; /* h1, else the element the headline is set in (news/parts.c S_find_head) */
    /* Headings met before the story's first block ("<h5>Posted on Fri, Jan.
     * 18, 2008</h5>" over the story): read for a labelled date line. */
    cd_nid head_headings[CD_NEWS_HEAD_HEADINGS];
    unsigned nhead_headings;
    /* figure.c S_glued: per class key (cd_dom_class_key), bit 1 "caption"
     * worked out, 2 its answer, 4 "credit" worked out, 8 its answer
     * (nclasses + 1 bytes in the arena, NULL until the first check). */
    uint8_t *glued;
} cd_news_ctx;

/* Text gathered from a subtree, with the map back to its text nodes. */
typedef struct cd_news_seg {
    cd_nid node;
    uint32_t at, len; /* s[at, at+len) is the node's bytes [0, len) */
} cd_news_seg;

typedef struct cd_news_text {
    char s[CD_NEWS_TEXT_MAX];
    uint32_t n;
    cd_news_seg seg[CD_NEWS_SEGS];
    uint32_t nseg;
    uint32_t br[CD_NEWS_BRS]; /* where the first <br>s' spaces stand in s */
    uint32_t nbr;
    int more; /* the subtree holds more than was gathered */
} cd_news_text;

/* ---- parts.c: the helpers every part uses --------------------------------- */

/* Has extraction left id out (a mark of its own)? */
int cd_news_marked(const cd_news_ctx *p, cd_nid id);
/* Does text node k follow the end of a block element inside top? */
int cd_news_after_block(const cd_dom *dom, cd_nid k, cd_nid top);
/* Is id rendered: inside a content root, with no left-out ancestor? */
int cd_news_rendered(const cd_news_ctx *p, cd_nid id);
/* Is text node n only white space (NBSP included)? */
int cd_news_space_text(const cd_node *n);
/* Gather the visible text of top (skipping the subtree `skip`; honouring the
 * extraction's marks when rendered) into t. Blocks and <br> inside become a
 * space that belongs to no node. */
void cd_news_gather(const cd_news_ctx *p, cd_nid top, cd_nid skip, int rendered,
                    cd_news_text *t);
/* Leave t->s[a, b) out of the rendering for the reason why (CD_WHY_*): whole
 * text nodes are dropped, parts of one cut. All or nothing: 0 when the cuts would not fit. */
int cd_news_cut(cd_news_ctx *p, const cd_news_text *t, uint32_t a, uint32_t b, uint8_t why);
/* The cleaned copy of s[0..n) in the arena (cd_meta_clean), NULL when empty. */
const char *cd_news_clean(cd_news_ctx *p, const char *s, size_t n);
/* Is id an element whose class or id names one of words (cd_meta_class_has)? */
int cd_news_has(cd_news_ctx *p, cd_nid id, const char *const *words);
/* The first descendant of top (itself included) that pred accepts, within
 * CD_NEWS_FIG_NODES nodes. */
cd_nid cd_news_find(cd_news_ctx *p, cd_nid top, int (*pred)(cd_news_ctx *, cd_nid));
/* Is anc id or one of its ancestors? */
int cd_news_inside(const cd_dom *dom, cd_nid id, cd_nid anc);
/* Does a class of id hold one of words as a camelCase part ("articleDek")? */
int cd_news_camel_has(const cd_dom *dom, cd_nid id, const char *const *words);

/* ---- figure.c: the lead figure and the photo credits ---------------------- */

/* A picture, not an avatar, a logo, an icon or a tracking pixel. */
int cd_news_pred_img(cd_news_ctx *p, cd_nid id);
int cd_news_img_floats(const cd_dom *dom, cd_nid img);
/* Is id a figure, a figcaption or an element classed as a caption? */
int cd_news_is_caption_el(cd_news_ctx *p, cd_nid id);
/* The figure-like block around a caption outside <figure> (CD_NONE). */
cd_nid cd_news_container(cd_news_ctx *p, cd_nid cap);
/* A photo credit's value: without its label and outer parentheses. */
const char *cd_news_credit_value(cd_news_ctx *p, const char *s, size_t n);
/* The lead figure (CD_NONE): by the headline, else the first of the body,
 * else the one showing the og:image. */
cd_nid cd_news_lead(cd_news_ctx *p);
/* Read figure fig's caption, credit and picture into the fields when it is
 * the lead; its photo credit leaves the text in every case. */
void cd_news_figure(cd_news_ctx *p, cd_nid fig, int lead);
/* A bare picture that may lead a story: a photograph's file, not linked
 * away, not a banner, big enough when its size is stated. */
int cd_news_pred_bare(cd_news_ctx *p, cd_nid id);
/* The lead picture of a page that names none and marks no figure (CD_NONE). */
cd_nid cd_news_bare_lead(cd_news_ctx *p);
int cd_news_meta_image_logo(cd_news_ctx *p);
/* Read the bare picture img and the caption after it into the fields. */
void cd_news_bare_figure(cd_news_ctx *p, cd_nid img);
/* The picture showing the og:image after the headline, outside any figure
 * (CD_NONE), and the reading of the caption and credit after it. */
cd_nid cd_news_og_picture(cd_news_ctx *p);
/* The figure under the headline showing the og:image's own picture, or CD_NONE. */
cd_nid cd_news_og_head_figure(cd_news_ctx *p);
void cd_news_og_picture_read(cd_news_ctx *p, cd_nid img);

/* ---- deck.c: the standfirst and the byline line ---------------------------- */

/* A visible deck right under the headline. */
void cd_news_deck(cd_news_ctx *p);
/* The page's one visible <h1>, worded otherwise than the title but sharing
 * two of its words, before the story's first block; CD_NONE when none. */
cd_nid cd_news_sole_h1(cd_news_ctx *p);
/* A "By …" line among the first blocks naming the author found: out of the text. */
void cd_news_byline(cd_news_ctx *p);
/* A name, a comma and a newsroom job or a wire as a line of its own at the story's head: the author. */
void cd_news_name_byline(cd_news_ctx *p);
void cd_news_signoff(cd_news_ctx *p);
/* Drop a labelled date line of its own among the first blocks (deck.c). */
void cd_news_date_lines(cd_news_ctx *p);
/* A standfirst ending ", writes NAME.": the deck, and the author when none is known. */
void cd_news_writes_deck(cd_news_ctx *p);

/* ---- lines.c: the supplemental lines of the head and the foot ----------- */

/* Bylines, date lines, source and copyright lines before the first
 * paragraph of prose: out of the text. */
void cd_news_head_lines(cd_news_ctx *p);
/* The owner a copyright notice s names when it is a news agency, else NULL. */
const char *cd_news_copyright_agency(cd_news_ctx *p, const char *s, size_t n);
const char *cd_news_notice_contrib(cd_news_ctx *p, const char *s, size_t n);
/* The same after the last paragraph; then last[] and last_text are the
 * closing blocks left. */
void cd_news_foot_lines(cd_news_ctx *p);

/* ---- credit.c: the dateline and where the text comes from ----------------- */

/* The dateline opening the body ("WASHINGTON —", "NEW YORK, Nov 6 (Reuters) -"). */
void cd_news_dateline(cd_news_ctx *p);
/* Another <figure> showing the lead picture gives its caption and credit when
 * the lead figure fig gave none (figure.c). */
void cd_news_same_picture(cd_news_ctx *p, cd_nid fig);
/* The caption and credit the picture showing image.url states in its own
 * attributes (<img caption=… credit=…>), where the figure gave none (figure.c). */
void cd_news_img_attrs(cd_news_ctx *p);
/* After the credit: a wire story's "Toronto: …" (credit.c). */
void cd_news_dateline_wire(cd_news_ctx *p);
/* The closing credit: a credit line, a source footer, a contributor line, the
 * dateline's agency, a wire byline. */
void cd_news_credit(cd_news_ctx *p);
/* A "来源：" source label under the headline. */
void cd_news_source_label(cd_news_ctx *p);
/* An element classed source/provider/agency by the headline or after the body. */
void cd_news_source_class(cd_news_ctx *p);
void cd_news_agency_line(cd_news_ctx *p);
/* An element classed source/provider/agency (also as a camelCase part). */
int cd_news_pred_source(cd_news_ctx *p, cd_nid id);
/* The agency credited as the only author ("By AFP") becomes the credit. */
void cd_news_wire_byline(cd_meta *m);

#endif
