/* extract/drops: the drop passes over the chosen region of an article page.
 *
 * extract.c chooses the roots and decides whether the page is an article;
 * the structure detectors (comments.c, teaser.c) mark threads, forms and
 * lists of stories; furniture.c judges short lines. The passes here drop:
 * inside an article, what the detectors marked outside the story's own
 * bounds and the template's furniture lines before or after the story
 * (cd_x_drop_found); on a story with no marks, the readers' part from a
 * comment label on (cd_x_comment_cut). Each dropped node carries its reason
 * (cd_xstat.why, shown by --explain). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/ctype.h"
#include "boiler.h"
#include "drops.h"
#include "furniture.h"
#include "teaser.h"
#include "wordlists.h"
#include "xstat.h"

/* Why a node was dropped (see extract.c's cd_extract_reason). */
#define S_WHY(id, c) ((void)(st[id].why = (uint8_t)(c)))

/* Drop the siblings first..last not yet dropped, for reason why. */
static void S_drop_run(const cd_dom *dom, cd_xstat *st, cd_nid first, cd_nid last, uint8_t why)
{
    for (cd_nid k = first;; k = cd_dom_node(dom, k)->next) {
        if (!st[k].dead) {
            st[k].dead = 1;
            S_WHY(k, why);
        }
        if (k == last) break;
    }
}

#define CD_END_HEADING 80         /* visible characters of a heading ending the text, at most */
#define CD_END_HEADING_TEXT 200   /* of the text before it, at least */

/* Why codes of the detectors' drops (S_WHY). */
static uint8_t S_kind_why(uint8_t kind)
{
    switch (kind & ~CD_KIND_UNDER) {
    case CD_KIND_THREAD:
        return 'u';
    case CD_KIND_CFORM:
        return 'f';
    case CD_KIND_TEASERS:
        return 'l';
    default:
        return 'b';
    }
}

/* Remove id from the statistics of its ancestors up to (and including) top. */
void cd_x_subtract(const cd_dom *dom, cd_xstat *st, cd_nid id, cd_nid top)
{
    const cd_xstat *s = &st[id];
    for (cd_nid a = cd_dom_node(dom, id)->parent; a; a = cd_dom_node(dom, a)->parent) {
        cd_xstat *as = &st[a];
        as->chars -= s->chars < as->chars ? s->chars : as->chars;
        as->link -= s->link < as->link ? s->link : as->link;
        as->commas -= s->commas < as->commas ? s->commas : as->commas;
        as->head -= s->head < as->head ? s->head : as->head;
        as->site -= s->site < as->site ? s->site : as->site;
        as->n_p -= s->n_p < as->n_p ? s->n_p : as->n_p;
        as->n_img -= s->n_img < as->n_img ? s->n_img : as->n_img;
        as->n_li -= s->n_li < as->n_li ? s->n_li : as->n_li;
        as->n_input -= s->n_input < as->n_input ? s->n_input : as->n_input;
        as->n_embed -= s->n_embed < as->n_embed ? s->n_embed : as->n_embed;
        if (a == top) break;
    }
}

#define CD_TEASER_REST 2  /* teaser text at most this many times the rest of the roots' */
#define CD_TEASER_STORY 8 /* and this many times the story's long paragraphs' */

/* Is leaf block id a site's menu written as one line: links set apart by
 * separators ("News: ePaper | Front Page | National | Business | Sport |
 * …"), longer than a line of furniture but made of links (CD_NAV_LD of its
 * text) and CD_NAV_SEPS separators at least (| • ·)? */
#define CD_NAV_CHARS 400
#define CD_NAV_SEPS 5
#define CD_NAV_LD 0.7f
static int S_nav_line(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    if (st[id].chars > CD_NAV_CHARS || cd_xstat_ld(&st[id]) < CD_NAV_LD || st[id].n_a < CD_NAV_SEPS)
        return 0;
    char buf[CD_NAV_CHARS * 4 + 1];
    long len = cd_x_text(dom, st, id, buf, CD_NAV_CHARS * 4);
    int seps = 0;
    for (long i = 0; i < len; i++) {
        unsigned char b = (unsigned char)buf[i];
        /* | • · (the last two as UTF-8) */
        if (b == '|')
            seps++;
        else if (b == 0xE2 && i + 2 < len && (unsigned char)buf[i + 1] == 0x80 &&
                 (unsigned char)buf[i + 2] == 0xA2)
            seps++;
        else if (b == 0xC2 && i + 1 < len && (unsigned char)buf[i + 1] == 0xB7)
            seps++;
    }
    return seps >= CD_NAV_SEPS;
}

/* Is element id a long paragraph of the article: a block of at least
 * CD_LONG_PARA characters of its own text, few links, not marked? */
int cd_x_long_para(const cd_dom *dom, const cd_xstat *st, cd_nid id, uint32_t para)
{
    const cd_node *n = cd_dom_node(dom, id);
    return !st[id].dead && !st[id].kind && n->type == CD_NODE_ELEMENT && st[id].flow >= para &&
           cd_x_is_block(n->tag) && !(cd_tag_flags(n->tag) & CD_TF_HEADING) &&
           cd_xstat_ld(&st[id]) < 0.2f;
}

void cd_x_drop(const cd_dom *dom, cd_xstat *st, cd_nid id, cd_nid root, uint8_t why)
{
    cd_x_subtract(dom, st, id, root);
    st[id].dead = 1;
    S_WHY(id, why);
}

/* Is text[0..n) the label of a comment section ("Comments (12)", "3
 * Comments", "Have your say:", "Comments are now closed for this story")?
 * Counts, brackets and a closing colon are set aside (src/lists/comment-labels.txt). */
static int S_comment_label(const char *s, size_t n)
{
    while (n && (cd_isdigit((unsigned char)s[n - 1]) || cd_isspace((unsigned char)s[n - 1]) ||
                 s[n - 1] == ')' || s[n - 1] == '(' || s[n - 1] == ':' || s[n - 1] == '.' ||
                 s[n - 1] == ']' || s[n - 1] == '['))
        n--;
    /* "Comment(s)": the plural's bracket. */
    if (n >= 3 && (s[n - 1] == 's' || s[n - 1] == 'S') && s[n - 2] == '(') n -= 2;
    while (n && (cd_isdigit((unsigned char)s[0]) || cd_isspace((unsigned char)s[0]) ||
                 s[0] == '(' || s[0] == '['))
        s++, n--;
    return n && cd_wordset_has(&cd_list_comment_labels, s, n);
}

/* Does element id stand on a line of its own: between its siblings only
 * white space, empty inline elements (an anchor), breaks, rules or blocks;
 * never inside preformatted text or code? */
static int S_own_line(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    for (cd_nid a = cd_dom_node(dom, id)->parent; a; a = cd_dom_node(dom, a)->parent)
        if (cd_dom_node(dom, a)->tag == CD_TAG_PRE || cd_dom_node(dom, a)->tag == CD_TAG_CODE)
            return 0;
    for (int dir = 0; dir < 2; dir++) {
        cd_nid c = dir ? cd_dom_node(dom, id)->next : cd_dom_node(dom, id)->prev;
        for (; c; c = dir ? cd_dom_node(dom, c)->next : cd_dom_node(dom, c)->prev) {
            const cd_node *n = cd_dom_node(dom, c);
            if (n->type == CD_NODE_TEXT) {
                if (st[c].chars) return 0;
                continue;
            }
            if (n->type != CD_NODE_ELEMENT) continue;
            if (n->tag == CD_TAG_BR || n->tag == CD_TAG_HR || cd_x_is_block(n->tag)) break;
            if (st[c].chars) return 0;
        }
    }
    return 1;
}

/* The text of a dropped element id (its nodes are dead too) into buf, as
 * cd_x_text reads a live one: white space runs as one; -1 when it does not
 * fit in max bytes or 4 * max + 64 nodes. */
static long S_dropped_text(const cd_dom *dom, cd_nid id, char *buf, size_t max)
{
    size_t len = 0, nodes = 4 * max + 64;
    cd_nid t = id;
    while (t && len < max && nodes--) {
        const cd_node *tn = cd_dom_node(dom, t);
        if (tn->type == CD_NODE_TEXT) {
            for (uint32_t k = 0; k < tn->len && len < max; k++) {
                unsigned char b = (unsigned char)tn->u.text[k];
                if (!cd_isspace(b))
                    buf[len++] = (char)b;
                else if (len && buf[len - 1] != ' ')
                    buf[len++] = ' ';
            }
            if (len && len < max && buf[len - 1] != ' ') buf[len++] = ' ';
        }
        t = cd_dom_next(dom, t, id);
    }
    buf[len] = '\0';
    return t ? -1 : (long)len;
}

/* Is element id a short leaf block: no block inside it, at most
 * CD_LEAF_BYTES bytes of text (a <div class="comments-head">Comments</div>
 * standing as a heading)? */
#define CD_LEAF_BYTES 240
static int S_short_leaf(const cd_dom *dom, cd_nid id)
{
    size_t bytes = 0;
    for (cd_nid t = cd_dom_next(dom, id, id); t; t = cd_dom_next(dom, t, id)) {
        const cd_node *n = cd_dom_node(dom, t);
        if (n->type == CD_NODE_ELEMENT && cd_x_is_block(n->tag)) return 0;
        if (n->type == CD_NODE_TEXT && (bytes += n->len) > CD_LEAF_BYTES) return 0;
    }
    return 1;
}

/* Is element id an in-page anchor named for the comments (name or id
 * "comment" or "comments", any case)? */
static int S_comment_anchor(const cd_dom *dom, cd_nid id)
{
    static const char *const attrs[] = {"name", "id"};
    for (int k = 0; k < 2; k++) {
        size_t vl = 0;
        const char *v = cd_dom_attr(dom, id, attrs[k], &vl);
        if (v && (cd_eq_nocase(v, vl, "comment") || cd_eq_nocase(v, vl, "comments")))
            return 1;
    }
    return 0;
}

/* The readers' part of an article page with no marks of its own (names over
 * each comment, no dates, no class words): after CD_CUT_STORY long
 * paragraphs of the story, a line that is a comment section's label (a
 * heading, a bold line, a short block; not a link, not inside a sentence)
 * starts it, and it goes with everything after it in the roots. */
#define CD_CUT_STORY 2
#define CD_ANCHOR_STORY (3 * CD_LONG_PARA) /* or this much text before a comments anchor */
#define CD_CUT_LABEL 60
#define CD_PROMPT_LINE 200 /* the longest prompt line taken as a label */
#define CD_SIGN_LINE                                                                               \
    80 /* the longest signature line that opens a thread (a name, a place, a time) */
void cd_x_comment_cut(cd_extract *x, const cd_dom *dom, cd_xstat *st)
{
    char buf[CD_CUT_LABEL + 8];
    uint32_t nlong = 0;
    cd_nid cut = CD_NONE, croot = CD_NONE, lastlong = CD_NONE;
    int stamped = 0; /* a signature line after the story was looked at */
    uint32_t seen = 0; /* characters of live text passed (a story of loose lines has no long block) */
    for (uint32_t r = 0; r < x->nroots && !cut; r++) {
        cd_nid root = x->roots[r];
        if (st[root].kind || st[root].dead) continue;
        for (cd_nid id = root; id && !cut;) {
            const cd_node *n = cd_dom_node(dom, id);
            /* A comment prompt comments.c found ("Thanks for your comments
             * - this feedback is now closed"), on a line of its own after
             * the story, opens the readers' part as a label does. */
            if ((!st[id].dead || st[id].why == 'f') && st[id].kind == CD_KIND_CFORM &&
                n->type == CD_NODE_ELEMENT && n->tag != CD_TAG_FORM && nlong >= 1 && id != root &&
                st[id].chars <= CD_PROMPT_LINE &&
                (cd_x_is_block(n->tag) || S_own_line(dom, st, id))) {
                cut = id;
                croot = root;
                break;
            }
            /* An in-page anchor naming the comments, of no text of its
             * own (<a name="comment"></a> over a heading drawn as a
             * picture), after the story: the readers' part starts there. */
            if (n->type == CD_NODE_TEXT && !st[id].dead) seen += st[id].chars;
            if (!st[id].dead && n->type == CD_NODE_ELEMENT && !st[id].chars && id != root &&
                (nlong >= CD_CUT_STORY || seen >= CD_ANCHOR_STORY) && S_comment_anchor(dom, id)) {
                cut = id;
                croot = root;
                break;
            }
            /* Two signed blocks after the story ("Posted by: NAME on
             * TIME" over each, comments.c's signature lines), too few for
             * a thread of their own: the first one opens the readers' part. */
            if (!st[id].dead && !st[id].kind && st[id].stamp && !stamped &&
                n->type == CD_NODE_ELEMENT && nlong < CD_CUT_STORY)
                stamped = 1; /* signed before the story too: a series of posts */
            if (!st[id].dead && !st[id].kind && st[id].stamp && !stamped &&
                n->type == CD_NODE_ELEMENT && st[id].chars <= CD_SIGN_LINE &&
                nlong >= CD_CUT_STORY && id != root) {
                stamped = 1;
                for (cd_nid c = cd_dom_next_skip(dom, id, root); c; c = cd_dom_next(dom, c, root))
                    if (!st[c].dead && st[c].stamp && st[c].chars <= CD_SIGN_LINE &&
                        cd_dom_node(dom, c)->type == CD_NODE_ELEMENT) {
                        cut = id;
                        croot = root;
                        break;
                    }
                if (cut) break;
            }
            /* A heading the class pass dropped as the comments' own (<h3
             * id="comments">Comment(s)</h3>), after the story: the thread
             * it names follows it, signed or not. Its words must say so
             * (the same class words name reviews and ratings). */
            if (st[id].dead && st[id].why == 'm' && n->type == CD_NODE_ELEMENT &&
                (n->tag == CD_TAG_H2 || n->tag == CD_TAG_H3 || n->tag == CD_TAG_H4 ||
                 (cd_x_is_block(n->tag) && S_short_leaf(dom, id))) &&
                id != root && nlong >= CD_CUT_STORY) {
                long len = S_dropped_text(dom, id, buf, CD_CUT_LABEL + 4);
#ifdef CD_EXTRACT_DEBUG
                if (getenv("CD_CUTDBG"))
                    fprintf(stderr, "cut class #%u len=%ld %.*s\n", id, len, len > 0 ? (int)len : 0,
                            buf);
#endif
                if (len > 0 && S_comment_label(buf, (size_t)len)) {
                    cut = id;
                    croot = root;
                    break;
                }
            }
            if (st[id].dead || st[id].kind) {
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            if (n->type == CD_NODE_ELEMENT && cd_x_long_para(dom, st, id, CD_LONG_PARA)) {
                /* Its own text is long; a label may still stand inside it
                 * (a wrapper of loose text holding the story and the thread). */
                nlong++;
                lastlong = id;
                id = cd_dom_next(dom, id, root);
                continue;
            }
            if (nlong >= CD_CUT_STORY && id != root && n->type == CD_NODE_ELEMENT &&
                st[id].chars >= 6 && st[id].chars <= CD_CUT_LABEL &&
                st[id].link * 2 <= st[id].chars && st[n->parent].chars > st[id].chars &&
                S_own_line(dom, st, id)) {
                /* Not the whole of a table's cell or a list's item: a column
                 * named "Comments", a menu's entry. */
                int cell = 0;
                for (cd_nid a = id; a; a = cd_dom_node(dom, a)->parent) {
                    uint16_t t = cd_dom_node(dom, a)->tag;
                    if (t == CD_TAG_TD || t == CD_TAG_TH || t == CD_TAG_LI || t == CD_TAG_DT ||
                        t == CD_TAG_DD) {
                        cell = st[a].chars <= st[id].chars + 10;
                        break;
                    }
                    if (a == root) break;
                }
                long len = cell ? -1 : cd_x_text(dom, st, id, buf, CD_CUT_LABEL + 4);
#ifdef CD_EXTRACT_DEBUG
                if (getenv("CD_CUTDBG"))
                    fprintf(stderr, "cut? #%u cell=%d len=%ld nlong=%u %.*s\n", id, cell, len,
                            nlong, len > 0 ? (int)len : 0, buf);
#endif
                if (len > 0 && S_comment_label(buf, (size_t)len)) {
                    cut = id;
                    croot = root;
                    break;
                }
            }
            id = cd_dom_next(dom, id, root);
        }
    }
    if (!cut) return;
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_STAMPS")) fprintf(stderr, "comment cut at #%u\n", cut);
#endif
    /* A box of the story's own (a panel of readers' quotes between two of
     * its paragraphs): when the label is inside a box beside the story's
     * last long paragraph and more long text follows that box, only the
     * box goes. A label standing as a line of the story's container itself
     * starts the thread. */
    cd_nid par = lastlong ? cd_dom_node(dom, lastlong)->parent : CD_NONE;
    cd_nid box = cut;
    while (box && par && cd_dom_node(dom, box)->parent != par)
        box = cd_dom_node(dom, box)->parent;
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_CUTDBG"))
        fprintf(stderr, "cut: lastlong #%u par #%u box #%u\n", lastlong, par, box);
#endif
    /* The same for a panel set in the story (a table or an aside around the
     * label) that long text follows. */
    for (cd_nid a = cd_dom_node(dom, cut)->parent; a && a != croot;
         a = cd_dom_node(dom, a)->parent) {
        uint16_t t = cd_dom_node(dom, a)->tag;
        if (t != CD_TAG_TABLE && t != CD_TAG_ASIDE) continue;
        for (cd_nid c = cd_dom_next_skip(dom, a, croot); c; c = cd_dom_next(dom, c, croot))
            if (cd_dom_node(dom, c)->type == CD_NODE_TEXT
                    ? !st[c].dead && st[c].chars >= CD_OWN_SENTENCE
                    : cd_x_long_para(dom, st, c, CD_OWN_SENTENCE)) {
                cd_x_drop(dom, st, a, croot, 'u');
                return;
            }
        break;
    }
    if (box && par && box != cut) {
        for (cd_nid c = cd_dom_node(dom, box)->next; c; c = cd_dom_node(dom, c)->next)
            if (cd_dom_node(dom, c)->type == CD_NODE_TEXT
                    ? !st[c].dead && st[c].chars >= CD_OWN_SENTENCE
                    : cd_x_long_para(dom, st, c, CD_OWN_SENTENCE)) {
                cd_x_drop(dom, st, box, croot, 'u');
                return;
            }
    }
    for (cd_nid id = cut; id; id = cd_dom_next_skip(dom, id, croot)) {
        const cd_node *n = cd_dom_node(dom, id);
        if (st[id].dead || (n->type != CD_NODE_ELEMENT && n->type != CD_NODE_TEXT)) continue;
        cd_x_drop(dom, st, id, croot, 'u');
    }
    /* The roots after it: the comments S_choose took as siblings. */
    uint32_t keep = 0;
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        if (root > cut && !cd_x_is_ancestor(dom, root, cut)) {
            st[root].dead = 1;
            S_WHY(root, 'u');
            continue;
        }
        x->roots[keep++] = root;
    }
    if (keep) x->nroots = keep;
}

/* The node after the last text of block id's own flow (the live text whose
 * nearest block is id): what follows it inside id (a list in a nested
 * block) comes after id's paragraph. */
static uint32_t S_flow_end(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    cd_nid e = cd_dom_next_skip(dom, id, cd_dom_root(dom));
    uint32_t end = e ? e : dom->count, last = CD_NONE;
    /* A walk that skips dead subtrees and nested blocks: the text it meets
     * is id's own flow. */
    for (cd_nid t = id; t;) {
        const cd_node *n = cd_dom_node(dom, t);
        if (t != id && (st[t].dead || (n->type == CD_NODE_ELEMENT && cd_x_is_block(n->tag)))) {
            t = cd_dom_next_skip(dom, t, id);
            continue;
        }
        if (n->type == CD_NODE_TEXT && st[t].chars) last = t;
        t = cd_dom_next(dom, t, id);
    }
    return last ? last + 1 : end;
}

/* The lines of a loose run after the story that is no line of links as a
 * whole: inline boxes (<font>, <span>) hold their own <br>s ("RELATED
 * URLS:-<br>» Site<br>…", then "News | Print Version | Email to friend").
 * Each line, cut at any <br> or block inside the run, goes when it is a
 * line of links by itself (cd_furniture_links); its text nodes are marked
 * as the run's are. */
#define CD_TAIL_LINE_MAX 300 /* characters of a line looked at */
static int S_in_link(const cd_dom *dom, cd_nid t, cd_nid top)
{
    for (cd_nid a = cd_dom_node(dom, t)->parent; a && a != top; a = cd_dom_node(dom, a)->parent)
        if (cd_dom_node(dom, a)->tag == CD_TAG_A) return 1;
    return 0;
}

static void S_tail_lines(const cd_dom *dom, cd_xstat *st, cd_nid block, cd_nid first, uint32_t stop)
{
    char buf[CD_TAIL_LINE_MAX + 1];
    cd_nid line[32];
    uint32_t nline = 0, chars = 0, link = 0;
    size_t len = 0;
    int whole = 1;
    for (cd_nid k = first; k && k <= stop;) {
        const cd_node *n = k < stop ? cd_dom_node(dom, k) : NULL;
        int brk = !n || (n->type == CD_NODE_ELEMENT && (n->tag == CD_TAG_BR || cd_x_is_block(n->tag)));
        if (!brk && n->type == CD_NODE_TEXT && !st[k].dead && st[k].chars) {
            if (nline < 32) line[nline++] = k; else whole = 0;
            chars += st[k].chars;
            if (S_in_link(dom, k, block)) link += st[k].chars;
            if (len < CD_TAIL_LINE_MAX) {
                long l = cd_x_text(dom, st, k, buf + len, CD_TAIL_LINE_MAX - len);
                if (l < 0) whole = 0, len = CD_TAIL_LINE_MAX;
                else len += (size_t)l;
            } else {
                whole = 0;
            }
        }
        if (brk) {
            if (whole && nline && chars && len &&
                cd_furniture_links(buf, len, (float)link / (float)chars))
                for (uint32_t i = 0; i < nline; i++) {
                    st[line[i]].dead = 1;
                    S_WHY(line[i], 'g');
                }
            nline = 0, chars = 0, link = 0, len = 0, whole = 1;
            if (!n) break;
        }
        if (st[k].dead && n->type == CD_NODE_ELEMENT) {
            cd_nid nx = cd_dom_next_skip(dom, k, block);
            k = nx ? nx : stop;
            continue;
        }
        cd_nid nx = cd_dom_next(dom, k, block);
        k = nx ? nx : stop;
    }
}

/* Loose lines of links in the story's container: runs of inline content
 * (text, links, <font>, <span>) standing directly in a block beside its
 * blocks, set apart by <br> or the blocks around them ("News: ePaper | Front
 * Page | National | …" typed straight into a table cell above and below the
 * story). The block pass of cd_x_drop_found sees only leaf blocks; a run of
 * this shape before the story (before hfirst) or after it (from after on)
 * goes when it is a line of links (cd_furniture_links: no sentence's end,
 * links for half its text or items set apart by separators; the separators
 * only in a run of CD_FURNITURE_CHARS or fewer), and the headline (one
 * element whose text is the title) before the story goes as well. */
#define CD_LOOSE_MAX 600 /* characters of a run looked at */
static void S_loose_teaser(const cd_dom *dom, cd_xstat *st, cd_nid head, cd_nid c, cd_nid root,
                           uint32_t after, const char *htext, long hlen);
static void S_drop_loose(const cd_extract *x, const cd_dom *dom, cd_xstat *st, cd_nid root,
                         cd_nid hfirst, uint32_t after, const char *title)
{
    char buf[CD_LOOSE_MAX + 1];
    cd_nid e = cd_dom_next_skip(dom, root, cd_dom_root(dom));
    uint32_t end = e ? e : dom->count;
    for (uint32_t b = root; b < end; b++) {
        const cd_node *bn = cd_dom_node(dom, b);
        if (st[b].dead || bn->type != CD_NODE_ELEMENT || !cd_x_is_block(bn->tag) || !st[b].flow ||
            st[b].kind)
            continue;
        /* After the story, never in a list's item (a list of references
         * ends with its links). A table's cell is where such pages type
         * their lines (cd_x_drop_found's block pass spares cells' leaf blocks). */
        int cell = bn->tag == CD_TAG_LI || bn->tag == CD_TAG_DT || bn->tag == CD_TAG_DD;
        cd_nid c = bn->first;
        while (c) {
            /* One run: the inline children from c up to a block or a <br>. */
            cd_nid first = CD_NONE, last = CD_NONE;
            for (; c; c = cd_dom_node(dom, c)->next) {
                const cd_node *cn = cd_dom_node(dom, c);
                if (cn->type == CD_NODE_ELEMENT && (cd_x_is_block(cn->tag) || cn->tag == CD_TAG_BR))
                    break;
                if ((cn->type != CD_NODE_ELEMENT && cn->type != CD_NODE_TEXT) ||
                    (cn->type == CD_NODE_TEXT && !st[c].chars))
                    continue; /* white space between the run's elements */
                if (!first) first = c;
                last = c;
            }
            int ended = !c, started = first == bn->first;
            if (c) c = cd_dom_node(dom, c)->next;
            if (!first) continue;
            cd_nid past = cd_dom_next_skip(dom, last, cd_dom_root(dom));
            uint32_t stop = past ? past : dom->count;
            int head = stop <= hfirst, tail = first >= after && !cell;
            /* A block that is one run is a leaf block: the block pass's. */
            if ((!head && !tail) || (started && ended)) continue;
            uint32_t chars = 0, link = 0;
            size_t len = 0;
            int whole = 1, skip = 0;
            for (cd_nid k = first;; k = cd_dom_node(dom, k)->next) {
                if (!st[k].dead) {
                    if (k == x->title_node || st[k].kind || st[k].head) skip = 1;
                    chars += st[k].chars;
                    link += st[k].link;
                    if (len < CD_LOOSE_MAX) {
                        long l = cd_x_text(dom, st, k, buf + len, CD_LOOSE_MAX - len);
                        if (l < 0)
                            whole = 0, len = CD_LOOSE_MAX;
                        else
                            len += (size_t)l;
                    } else {
                        whole = 0;
                    }
                }
                if (k == last) break;
            }
            if (skip || !whole || !chars || !len) continue;
            /* The headline on a line of its own in a block that goes on with
             * the byline or the date ("<b>Headline</b><br><small>Site<br>
             * Friday …</small>"): it is the `title` field, not text. */
            if (head && first == last && title && *title && cd_x_text_equals(dom, first, title)) {
                st[first].dead = 1;
                S_WHY(first, 'e');
                continue;
            }
            float ld = (float)link / (float)chars;
            /* A sentence that is one link, standing alone before or after
             * the story (a promotion: "… Click here for the latest …"). */
            int promo = first == last && cd_dom_node(dom, first)->type == CD_NODE_ELEMENT &&
                        cd_dom_node(dom, first)->tag == CD_TAG_A && link >= chars;
            if (!promo &&
                ((chars > CD_FURNITURE_CHARS && ld < 0.5f) || !cd_furniture_links(buf, len, ld))) {
                if (tail && !head) S_tail_lines(dom, st, b, first, stop);
                continue;
            }
            /* Marked, not subtracted: the counts of the blocks around stay
             * those conditional cleaning (S_clean) judges them by -- a box
             * of links that loses its line of links is still a box of links. */
            S_drop_run(dom, st, first, last, 'g');
            if (promo && tail && c) S_loose_teaser(dom, st, first, c, root, after, buf, (long)len);
        }
    }
}

/* Is block id's own flow long only by the marked runs it holds: the loose
 * summaries of a flat list of teasers ("<a>Headline</a><div>Place |
 * Employer</div>Summary … <a>more</a>" typed straight into one box) leave
 * less than para characters of its own text? */
static int S_flow_marked(const cd_dom *dom, const cd_xstat *st, cd_nid id, uint32_t para)
{
    uint32_t marked = 0;
    for (cd_nid c = cd_dom_node(dom, id)->first; c; c = cd_dom_node(dom, c)->next) {
        const cd_node *cn = cd_dom_node(dom, c);
        if (st[c].dead || !st[c].kind || (cn->type == CD_NODE_ELEMENT && cd_x_is_block(cn->tag)))
            continue;
        marked += st[c].chars;
    }
    return marked && st[id].flow < para + marked;
}

/* Before the headline. On an article page whose container holds the
 * headline (x->title_node) ahead of the story's first long paragraph, what
 * the container holds before the headline is the template's: a sidebar's
 * teaser ("… service as... [ more ]") or a kicker placed in the same column
 * above the story. It goes (reason "before-headline") when it is short
 * beside the story (at most CD_BEFORE_HEAD_MAX characters and a quarter of
 * the story's long paragraphs) and holds no long paragraph of its own. */
#define CD_BEFORE_HEAD_MAX 600
/* Menus before the headline. On an article page whose container holds the
 * headline, an element before it (not holding it) of CD_NAV_LINKS links or
 * more, its text all links (cd_xstat_links_only), of a name's length each on
 * average (CD_NAV_NAME characters: "News", "Champions League", "Rest of Europe"),
 * is the site's menu the container took in with the headline, and goes
 * (reason "before-headline") whatever S_drop_before_headline decides of the
 * rest, and on a story without long paragraphs too (lines between <br>s):
 * l3s-gn1 d22d490a on the class-free probe, a drop-down menu of 140 section
 * names. A list of headlines there is teaser.c's; the story's own lists of
 * links are after the headline. */
#define CD_NAV_LINKS 8
#define CD_NAV_NAME 20
static void S_menus_before(const cd_dom *dom, cd_xstat *st, cd_nid root, cd_nid h);
static void S_drop_menus_before(cd_extract *x, const cd_dom *dom, cd_xstat *st)
{
    cd_nid h = x->title_node;
    if (!h || st[h].dead) return;
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        if (root != h && !st[root].kind && cd_x_is_ancestor(dom, root, h)) S_menus_before(dom, st, root, h);
    }
}

static void S_menus_before(const cd_dom *dom, cd_xstat *st, cd_nid root, cd_nid h)
{
    for (cd_nid id = cd_dom_next(dom, root, root); id && id < h;) {
        const cd_node *n = cd_dom_node(dom, id);
        if (cd_x_is_ancestor(dom, id, h)) {
            id = cd_dom_next(dom, id, root);
            continue;
        }
        if (!st[id].dead && n->type == CD_NODE_ELEMENT && cd_xstat_links_only(&st[id], CD_NAV_LINKS) &&
            st[id].chars <= (uint32_t)st[id].n_a * CD_NAV_NAME) {
#ifdef CD_EXTRACT_DEBUG
            if (getenv("CD_MENUDBG")) fprintf(stderr, "menu before headline #%u links=%u chars=%u\n", id, st[id].n_a, st[id].chars);
#endif
            cd_x_drop(dom, st, id, root, 'P');
        }
        id = cd_dom_next_skip(dom, id, root);
    }
}

static void S_drop_before_headline(cd_extract *x, const cd_dom *dom, cd_xstat *st, cd_nid lfirst,
                                   uint64_t story)
{
    cd_nid h = x->title_node;
    if (!h || h >= lfirst || st[h].dead) return;
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        if (root == h || st[root].kind || !cd_x_is_ancestor(dom, root, h)) continue;
        uint64_t before = 0;
        for (cd_nid id = cd_dom_next(dom, root, root); id && id < h;) {
            if (cd_x_is_ancestor(dom, id, h)) {
                id = cd_dom_next(dom, id, root);
                continue;
            }
            if (!st[id].dead) before += st[id].chars;
            id = cd_dom_next_skip(dom, id, root);
        }
        if (!before || before > CD_BEFORE_HEAD_MAX || before * 4 > story) return;
        for (cd_nid id = cd_dom_next(dom, root, root); id && id < h;) {
            const cd_node *n = cd_dom_node(dom, id);
            if (cd_x_is_ancestor(dom, id, h)) {
                id = cd_dom_next(dom, id, root);
                continue;
            }
            if (!st[id].dead && st[id].chars &&
                (n->type == CD_NODE_ELEMENT || n->type == CD_NODE_TEXT))
                cd_x_drop(dom, st, id, root, 'P');
            id = cd_dom_next_skip(dom, id, root);
        }
        return;
    }
}

/* A lone teaser after the story: a block that is one headline link, just
 * dropped as furniture, is the headline of another story; the short
 * paragraph below it (its summary, CD_TEASER_SUM characters at most, no
 * link beside a "Full story" one, ending as a sentence) and the short
 * heading above it (its box's label: no link, no sentence's end) go with
 * it. Seen on l3s-gn1 99fa80cc ("Latest News", a headline, its summary),
 * 2d25dd6c ("Today's Top Picks"), 41caaf23 ("SPORTS NEWS", a headline, its
 * summary and "FULL STORY"): the furniture pass took the headline, its
 * summary and label stayed at the end of the story. Only after the story
 * (ids from `after` on); why 'T'. */
#define CD_TEASER_SUM 400  /* characters of a teaser's summary */
#define CD_TEASER_SUM_MIN 40
#define CD_TEASER_LAB 60   /* characters of a teaser box's label */
#define CD_TEASER_HEAD_WORDS 3
static int S_ends_sentence(const char *s, long n)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
        n--;
    return n > 0 && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

static cd_nid S_block_of(const cd_dom *dom, cd_nid t)
{
    for (cd_nid a = cd_dom_node(dom, t)->parent; a; a = cd_dom_node(dom, a)->parent)
        if (cd_x_is_block(cd_dom_node(dom, a)->tag)) return a;
    return CD_NONE;
}

/* Is text[0..len) a headline: CD_TEASER_HEAD_WORDS words or more, not a
 * sentence? */
static int S_teaser_head(const char *buf, long len)
{
    if (len <= 0 || S_ends_sentence(buf, len)) return 0;
    size_t at = 0, words = 0;
    const char *w;
    while (cd_next_word(buf, (size_t)len, &at, &w) > 0)
        words++;
    return words >= CD_TEASER_HEAD_WORDS;
}

/* The teaser's label: the previous sibling with text of the headline's
 * block, or of a box the block opens; a short element without a link or a
 * sentence's end, after the story. */
static void S_teaser_label(const cd_dom *dom, cd_xstat *st, cd_nid head, cd_nid root, uint32_t after)
{
    char buf[CD_TEASER_LAB * 4 + 1];
    int pics = 0;
    for (cd_nid id = head; id && id != root;) {
        cd_nid p = cd_dom_node(dom, id)->prev;
        while (p && (st[p].dead || !st[p].chars))
            p = cd_dom_node(dom, p)->prev;
        if (!p) {
            id = cd_dom_node(dom, id)->parent;
            continue;
        }
        const cd_node *pn = cd_dom_node(dom, p);
        /* The teaser's picture and its credit are the teaser's. */
        if (p >= after && pn->type == CD_NODE_ELEMENT && st[p].n_img && !st[p].kind &&
            st[p].chars <= CD_TEASER_LAB && ++pics <= 2) {
            cd_x_drop(dom, st, p, root, 'T');
            id = p;
            continue;
        }
        if (p < after || pn->type != CD_NODE_ELEMENT || (st[p].kind && st[p].kind != CD_KIND_LABEL) ||
            st[p].link || st[p].chars > CD_TEASER_LAB)
            return;
        long len = cd_x_text(dom, st, p, buf, CD_TEASER_LAB * 4);
        if (len > 0 && !S_ends_sentence(buf, len)) cd_x_drop(dom, st, p, root, 'T');
        return;
    }
}

/* Is box a (or one of its CD_TEASER_UP - 1 wrappers) one of a run of
 * boxes alike -- a sibling with its tag and first class word? Then the headline and
 * its summary are an item of a list (a round-up's "DIY Toilet Paper
 * Holder" and its description, wcxb 4452), not a lone teaser. */
#define CD_TEASER_UP 3
/* Do elements a and b carry a class attribute that starts with the same
 * word ("mv-art-link mv-list-single-10068", "mv-art-link …-8450")? */
static int S_class_alike(const cd_dom *dom, cd_nid a, cd_nid b)
{
    size_t la = 0, lb = 0;
    const char *ca = cd_dom_attr(dom, a, "class", &la);
    const char *cb = cd_dom_attr(dom, b, "class", &lb);
    if (!ca || !cb) return 0;
    size_t ka = 0, kb = 0;
    while (ka < la && cd_isspace((unsigned char)ca[ka]))
        ka++;
    while (kb < lb && cd_isspace((unsigned char)cb[kb]))
        kb++;
    size_t ea = ka, eb = kb;
    while (ea < la && !cd_isspace((unsigned char)ca[ea]))
        ea++;
    while (eb < lb && !cd_isspace((unsigned char)cb[eb]))
        eb++;
    return ea > ka && ea - ka == eb - kb && memcmp(ca + ka, cb + kb, ea - ka) == 0;
}

static int S_repeated(const cd_dom *dom, const cd_xstat *st, cd_nid a)
{
    for (int up = 0; up < CD_TEASER_UP && a; up++, a = cd_dom_node(dom, a)->parent) {
        const cd_node *an = cd_dom_node(dom, a);
        for (int dir = 0; dir < 2; dir++)
            for (cd_nid c = dir ? an->next : an->prev; c; c = dir ? cd_dom_node(dom, c)->next : cd_dom_node(dom, c)->prev) {
                const cd_node *cn = cd_dom_node(dom, c);
                if (cn->type == CD_NODE_ELEMENT && cn->tag == an->tag && !st[c].dead &&
                    st[c].chars && S_class_alike(dom, a, c))
                    return 1;
            }
    }
    return 0;
}

static void S_teaser_tail(const cd_dom *dom, cd_xstat *st, cd_nid head, cd_nid root, uint32_t after)
{
    char buf[CD_TEASER_SUM * 4 + 1];
    long len = cd_x_text(dom, st, head, buf, CD_TEASER_LAB * 4);
    if (!S_teaser_head(buf, len)) return;
    /* The summary: the block of the next live text. */
    cd_nid t = cd_dom_next_skip(dom, head, root);
    while (t && (st[t].dead || cd_dom_node(dom, t)->type != CD_NODE_TEXT || !st[t].chars))
        t = st[t].dead ? cd_dom_next_skip(dom, t, root) : cd_dom_next(dom, t, root);
    if (!t) return;
    cd_nid b = S_block_of(dom, t);
    if (!b || b < after || cd_x_is_ancestor(dom, b, head) || st[b].dead || st[b].kind ||
        st[b].flow != st[b].chars || st[b].chars < CD_TEASER_SUM_MIN ||
        st[b].chars > CD_TEASER_SUM || st[b].link * 4 > st[b].chars)
        return;
    /* In one box with the headline: what holds both holds little more
     * (the headline's own characters went from it with the headline). */
    cd_nid a = cd_dom_node(dom, b)->parent;
    while (a && !cd_x_is_ancestor(dom, a, head))
        a = cd_dom_node(dom, a)->parent;
    if (!a) return;
    uint32_t rest = 0; /* its text besides the summary and marked lists */
    for (cd_nid t2 = a; t2 && rest <= 2 * CD_TEASER_LAB;) {
        const cd_node *n2 = cd_dom_node(dom, t2);
        if (t2 == b || st[t2].dead || (t2 != a && st[t2].kind)) {
            t2 = cd_dom_next_skip(dom, t2, a);
            continue;
        }
        if (n2->type == CD_NODE_TEXT) rest += st[t2].chars;
        t2 = cd_dom_next(dom, t2, a);
    }
    if (rest > 2 * CD_TEASER_LAB || S_repeated(dom, st, a)) return;
    len = cd_x_text(dom, st, b, buf, CD_TEASER_SUM * 4);
    if (len <= 0 || !S_ends_sentence(buf, len)) return;
    cd_x_drop(dom, st, b, root, 'T');
    S_teaser_label(dom, st, head, root, after);
}

/* The same in a block typed as lines ("<a><b>Headline</b></a><br>Summary
 * …<br><a>FULL STORY</a>"): the headline's run just went (S_drop_loose);
 * the next run, from c, is its summary when it has no link, then a line of
 * links at most CD_TEASER_LAB characters ("FULL STORY", "More at …") is
 * its too. Marked, not subtracted, as S_drop_loose does. */
static int S_loose_run(const cd_dom *dom, const cd_xstat *st, cd_nid *c, cd_nid *first, cd_nid *last)
{
    *first = *last = CD_NONE;
    for (; *c; *c = cd_dom_node(dom, *c)->next) {
        const cd_node *cn = cd_dom_node(dom, *c);
        if (cn->type == CD_NODE_ELEMENT && cd_x_is_block(cn->tag)) return 0;
        if (cn->type == CD_NODE_ELEMENT && cn->tag == CD_TAG_BR) {
            if (*first) break;
            continue;
        }
        if ((cn->type != CD_NODE_ELEMENT && cn->type != CD_NODE_TEXT) || st[*c].dead || !st[*c].chars)
            continue;
        if (!*first) *first = *c;
        *last = *c;
    }
    return *first != CD_NONE;
}

static void S_loose_teaser(const cd_dom *dom, cd_xstat *st, cd_nid head, cd_nid c, cd_nid root,
                           uint32_t after, const char *htext, long hlen)
{
    if (!S_teaser_head(htext, hlen)) return;
    char buf[CD_TEASER_SUM * 4 + 1];
    cd_nid first, last;
    if (!S_loose_run(dom, st, &c, &first, &last)) return;
    uint32_t chars = 0, link = 0;
    long len = 0;
    for (cd_nid k = first;; k = cd_dom_node(dom, k)->next) {
        if (!st[k].dead) {
            chars += st[k].chars;
            link += st[k].link;
            long l = cd_x_text(dom, st, k, buf + len, (size_t)(CD_TEASER_SUM * 4 - len));
            if (l > 0) len += l;
        }
        if (k == last) break;
    }
    if (link || chars < CD_TEASER_SUM_MIN || chars > CD_TEASER_SUM || !S_ends_sentence(buf, len))
        return;
    S_drop_run(dom, st, first, last, 'T');
    /* The label when the headline opens its block. */
    cd_nid b = cd_dom_node(dom, head)->parent, k0 = cd_dom_node(dom, b)->first;
    while (k0 && k0 != head && (st[k0].dead || !st[k0].chars))
        k0 = cd_dom_node(dom, k0)->next;
    if (k0 == head) S_teaser_label(dom, st, b, root, after);
    c = cd_dom_node(dom, last)->next;
    if (!S_loose_run(dom, st, &c, &first, &last)) return;
    chars = link = 0;
    for (cd_nid k = first;; k = cd_dom_node(dom, k)->next) {
        chars += st[k].dead ? 0 : st[k].chars;
        link += st[k].dead ? 0 : st[k].link;
        if (k == last) break;
    }
    if (!chars || link * 5 < chars * 4 || chars > CD_TEASER_LAB) return;
    S_drop_run(dom, st, first, last, 'T');
}

/* Is block id the remains of a list of links: a paragraph whose links went
 * (chrome by class) and left their separators standing with nothing
 * between them ("Nova Scotia: ; ; ; ; . New Brunswick: ; ." -- l3s-gn1
 * 3f642f89, a media group's network footer), CD_GUTTED_SLOTS empty slots
 * or more? It bounds no story. */
#define CD_GUTTED_SLOTS 5
#define CD_GUTTED_READ 1000 /* characters read */
static int S_sep(unsigned char b)
{
    return b == ';' || b == ',' || b == '|' || b == '.' || b == ':';
}

static int S_slots(const char *buf, long len)
{
    int slots = 0;
    for (long i = 0; i < len; i++) {
        if (buf[i] != ';' && buf[i] != '|') continue;
        long k = i + 1;
        while (k < len && buf[k] == ' ')
            k++;
        if (k < len && S_sep((unsigned char)buf[k]) && ++slots >= CD_GUTTED_SLOTS) return 1;
    }
    return 0;
}

/* Or is it the site's imprint: a block of CD_GUTTED_READ characters at most
 * with a copyright sign ("The News, a division of … 352 East River Road …
 * Contents of this website are copyright © The News", l3s-gn1 3f642f89),
 * with no long paragraph beside it (a story's paragraph with a © in it, or
 * a man page's COPYRIGHT section, stands among others -- readability
 * medium-1, wcxb 0688)? */
static int S_gutted(const cd_dom *dom, const cd_xstat *st, cd_nid id)
{
    char buf[CD_GUTTED_READ + 1];
    long len = cd_x_text(dom, st, id, buf, CD_GUTTED_READ);
    if (len <= 0) return 0;
    if (S_slots(buf, len)) return 1;
    if (st[id].chars > CD_GUTTED_READ || !cd_contains_nocase(buf, (size_t)len, "\xC2\xA9")) return 0;
    cd_nid par = cd_dom_node(dom, id)->parent;
    for (cd_nid c = par ? cd_dom_node(dom, par)->first : CD_NONE; c; c = cd_dom_node(dom, c)->next) {
        if (c == id || !cd_x_long_para(dom, st, c, CD_LONG_PARA)) continue;
        char b2[CD_GUTTED_READ + 1];
        long l2 = cd_x_text(dom, st, c, b2, CD_GUTTED_READ);
        if (l2 > 0 && !S_slots(b2, l2)) return 0;
    }
    return 1;
}

/* The story's bounds without the gutted blocks at its ends (S_gutted, read
 * only there): llast moves back, lfirst forward, to the next long
 * paragraph of a root; nlong counts the ones set aside. */
static int S_bound_para(const cd_extract *x, const cd_dom *dom, const cd_xstat *st, cd_nid id,
                        uint32_t para)
{
    if (!cd_x_long_para(dom, st, id, para) || S_flow_marked(dom, st, id, para)) return 0;
    for (uint32_t r = 0; r < x->nroots; r++)
        if (!st[x->roots[r]].kind && cd_x_is_ancestor(dom, x->roots[r], id)) return 1;
    return 0;
}

static void S_trim_gutted(const cd_extract *x, const cd_dom *dom, const cd_xstat *st, uint32_t para,
                          cd_nid *lfirst, cd_nid *llast, uint32_t *nlong)
{
    while (*lfirst && S_gutted(dom, st, *llast)) {
        (*nlong)--;
        if (*llast == *lfirst) {
            *lfirst = *llast = CD_NONE;
            return;
        }
        cd_nid id = *llast;
        do
            id--;
        while (id > *lfirst && !S_bound_para(x, dom, st, id, para));
        *llast = id;
    }
    while (*lfirst != *llast && S_gutted(dom, st, *lfirst)) {
        (*nlong)--;
        cd_nid id = *lfirst;
        do
            id++;
        while (id < *llast && !S_bound_para(x, dom, st, id, para));
        *lfirst = id;
    }
}

/* A block the template prints twice around the story: a promotion line
 * above the story and again below it (l3s d22d490a's betting offer, fcb21363's
 * archive notice), or twice below it (c308706e's data provider). On an
 * article page, a leaf block of CD_REPEAT_MIN to CD_REPEAT_MAX characters
 * outside the story's span [hfirst, after) -- the sentence before the first
 * long paragraph taken as its start counts as outside -- whose text (white space aside)
 * another such block repeats goes, with its copy. Paragraphs repeated inside
 * the story are left: golds keep a quotation or a refrain twice; so are
 * list items and table cells. */
#define CD_REPEAT_MIN 20
#define CD_REPEAT_MAX 400
#define CD_REPEAT_BLOCKS 64 /* blocks compared at most */

static uint64_t S_text_hash(const char *s, long n)
{
    uint64_t h = 1469598103934665603ull;
    for (long i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!cd_isspace(c)) {
            h ^= c;
            h *= 1099511628211ull;
        }
    }
    return h ? h : 1;
}

static void S_drop_repeated(const cd_extract *x, const cd_dom *dom, cd_xstat *st, cd_nid lfirst, cd_nid hfirst,
                            uint32_t after)
{
    /* A sentence taken as the story's start (hfirst) before its first long
     * paragraph is outside the story when the template repeats it. */
    cd_nid from = hfirst < lfirst ? hfirst + 1 : hfirst;
    cd_nid id_of[CD_REPEAT_BLOCKS], root_of[CD_REPEAT_BLOCKS];
    uint64_t hash[CD_REPEAT_BLOCKS];
    uint32_t n = 0;
    char buf[CD_REPEAT_MAX * 2 + 1];
    for (uint32_t r = 0; r < x->nroots && n < CD_REPEAT_BLOCKS; r++) {
        cd_nid root = x->roots[r];
        if (st[root].kind) continue;
        for (cd_nid id = root; id && n < CD_REPEAT_BLOCKS;) {
            const cd_node *nd = cd_dom_node(dom, id);
            if (st[id].dead || st[id].kind) {
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            if ((id >= from && id < after) || nd->type != CD_NODE_ELEMENT || !cd_x_is_block(nd->tag) ||
                st[id].flow != st[id].chars || st[id].chars < CD_REPEAT_MIN ||
                (cd_tag_flags(nd->tag) & CD_TF_HEADING)) {
                id = cd_dom_next(dom, id, root);
                continue;
            }
            if (st[id].chars <= CD_REPEAT_MAX && !cd_x_is_ancestor(dom, id, lfirst) && nd->tag != CD_TAG_LI &&
                nd->tag != CD_TAG_TD && nd->tag != CD_TAG_TH && nd->tag != CD_TAG_DT && nd->tag != CD_TAG_DD) {
                long len = cd_x_text(dom, st, id, buf, sizeof buf - 1);
                if (len > 0)
                    buf[len] = 0;
                /* A web address printed twice is a source the story cites
                 * (wcxb 4027's study, in its gold), not a promotion. */
                if (len > 0 && !strstr(buf, "://") && strncmp(buf, "www.", 4) != 0) {
                    id_of[n] = id;
                    root_of[n] = root;
                    hash[n++] = S_text_hash(buf, len);
                }
            }
            id = cd_dom_next_skip(dom, id, root);
        }
    }
    /* One text printed exactly twice: a page whose blocks repeat more (a
     * text three times, or several texts twice) repeats the fields of its
     * own items (a training plan's cells, a listing's delivery lines: wcxb
     * 4115, 0655). */
    uint32_t first = n, second = n, repeated = 0;
    for (uint32_t i = 0; i < n; i++)
        for (uint32_t j = i + 1; j < n; j++)
            if (hash[j] == hash[i]) {
                repeated++;
                first = i;
                second = j;
            }
    if (repeated != 1) return;
    cd_x_drop(dom, st, id_of[first], root_of[first], 'd');
    cd_x_drop(dom, st, id_of[second], root_of[second], 'd');
}

/* Inside the one article, drop what the detectors marked (teaser lists,
 * comment threads and forms, their labels) and the furniture lines of the
 * template (furniture.c). Nothing goes when the roots hold no long
 * paragraph outside the marked blocks: then the list or the thread is what
 * the page is (a listing, a forum thread, a page of comments). The first
 * and the last long paragraph bound the story: a list of stories between
 * them is the story's own (a round-up), and a short line without a full
 * stop between them a subheading; before or after them, both are the
 * template's. */
void cd_x_drop_found(cd_extract *x, const cd_dom *dom, cd_xstat *st, const char *title,
                     int lists_only)
{
    cd_nid lfirst = CD_NONE, llast = CD_NONE;
    uint32_t para = CD_LONG_PARA;
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_STAMPS")) {
        uint32_t nk = 0;
        for (uint32_t id = 2; id < dom->count; id++)
            nk += st[id].kind && !(st[id].kind & CD_KIND_UNDER);
        fprintf(stderr, "drop_found: %u marked tops\n", nk);
    }
#endif
    uint32_t nlong = 0;
    for (int pass = 0; pass < 2 && !lfirst; pass++) {
        /* A story of short paragraphs: two or more of 100 characters
         * bound it (one is an introduction above lists: a listing). */
        if (pass) para = CD_OWN_SENTENCE;
        for (uint32_t r = 0; r < x->nroots; r++) {
            cd_nid root = x->roots[r];
            if (st[root].kind) continue;
            cd_nid e = cd_dom_next_skip(dom, root, cd_dom_root(dom));
            uint32_t end = e ? e : dom->count;
            for (uint32_t id = root; id < end; id++)
                if (cd_x_long_para(dom, st, id, para) && !S_flow_marked(dom, st, id, para)) {
                    if (!lfirst || id < lfirst) lfirst = id;
                    if (id > llast) llast = id;
                    nlong++;
                }
        }
        S_trim_gutted(x, dom, st, para, &lfirst, &llast, &nlong);
    }
    /* One paragraph of 100 characters is an introduction above lists (a
     * listing) as often as a short story: on a page known to be an article
     * only the template's lines around it go, not the lists. */
    int single = para == CD_OWN_SENTENCE && nlong < 2;
    /* On an article page, with or without long paragraphs (a story typed as
     * short lines between <br>s has none). */
    if (!lists_only) S_drop_menus_before(x, dom, st);
    if (!lfirst || (single && lists_only)) return;
    /* Lists that outweigh the rest of the content twice, or the story's
     * long paragraphs eight times, are what the page is (a listing, an
     * awards page, whose introduction is a paragraph or two). */
    uint64_t tchars = 0, rchars = 0;
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        rchars += st[root].chars;
        cd_nid e = cd_dom_next_skip(dom, root, cd_dom_root(dom));
        uint32_t end = e ? e : dom->count;
        for (uint32_t id = root + 1; id < end; id++)
            if (!st[id].dead && st[id].kind == CD_KIND_TEASERS) tchars += st[id].chars;
    }
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_STAMPS"))
    {
        fprintf(stderr, "teasers %lu of %lu in roots; lfirst=%u llast=%u para=%u nlong=%u\n",
                (unsigned long)tchars, (unsigned long)rchars, lfirst, llast, para, nlong);
        char dbg[2001];
        long dl = cd_x_text(dom, st, llast, dbg, 2000);
        fprintf(stderr, "llast <%s>: %.*s\n", cd_tag_name(cd_dom_node(dom, llast)->tag),
                dl > 0 ? (int)dl : 0, dbg);
    }
#endif
    uint64_t story = 0; /* the text of the story's long paragraphs */
    for (uint32_t id = lfirst; id <= llast; id++)
        if (cd_x_long_para(dom, st, id, para)) story += st[id].flow;
    /* A story of short paragraphs (agency copy, a sentence each): its
     * paragraphs of a sentence count too. */
    uint64_t story2 = 0;
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        if (st[root].kind) continue;
        cd_nid e = cd_dom_next_skip(dom, root, cd_dom_root(dom));
        uint32_t end = e ? e : dom->count;
        for (uint32_t id = root; id < end; id++)
            if (cd_x_long_para(dom, st, id, CD_OWN_SENTENCE)) story2 += st[id].flow;
    }
    if (story2 > story) story = story2;
    int teasers =
        (float)tchars <= (float)story * CD_TEASER_STORY &&
        (float)tchars <= (float)(rchars - (tchars < rchars ? tchars : rchars)) * CD_TEASER_REST;
    /* The story starts at its first long paragraph, or at an earlier
     * block that ends as a sentence does (40 characters or more). */
    char buf[CD_BOILER_MAX + 1];
    cd_nid hfirst = lfirst;
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        for (cd_nid id = root; id && id < hfirst; id = cd_dom_next(dom, id, root)) {
            const cd_node *n = cd_dom_node(dom, id);
            if (st[id].dead || st[id].kind || n->type != CD_NODE_ELEMENT ||
                !cd_x_is_block(n->tag) || st[id].flow != st[id].chars || st[id].chars < 40 ||
                st[id].chars >= CD_LONG_PARA || st[id].link >= st[id].chars)
                continue;
            long len = cd_x_text(dom, st, id, buf, CD_BOILER_MAX);
            if (len > 0 && cd_furniture_sentence(buf, (size_t)len)) {
                hfirst = id;
                break;
            }
        }
    }
    cd_nid le = cd_dom_next_skip(dom, llast, cd_dom_root(dom));
    uint32_t after = le ? le : dom->count; /* the first node after the last long paragraph */
    /* For lists, the story ends with the last text of that paragraph's own
     * (a list inside the element after it, an unclosed <p> holding the rest
     * of the page, is after the story). */
    uint32_t tafter = S_flow_end(dom, st, llast);
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        if (st[root].kind) continue;
        cd_nid e = cd_dom_next_skip(dom, root, cd_dom_root(dom));
        uint32_t end = e ? e : dom->count;
        for (uint32_t id = root + 1; id < end; id++) {
            const cd_node *n = cd_dom_node(dom, id);
            if (st[id].dead || st[n->parent].dead ||
                (n->type != CD_NODE_ELEMENT && !(n->type == CD_NODE_TEXT && st[id].kind)))
                continue;
            /* On a page not known to be an article: the lists above, and
             * after the story the lines of links of the template (the
             * furniture test of the tail below). Of the lists, the named
             * ones before or after the story go, and after it the unnamed
             * ones of cards (teaser.c: each item a headline over its own
             * summary, the shape of "more stories" rails; a resource list,
             * a docs page's next steps or an FAQ is not) -- wcxb-dev 4588's
             * checklists after the story, 0258's, 0152's. */
            /* A page read broad (many parts, lists_only 2): only the lists
             * named as other stories and their labels, before or after the
             * story; its tiles of heading, summary and "Learn more" are as
             * often the page's own sections (wcxb-dev 4474). */
            if (lists_only == 2 &&
                (!st[id].kind || (st[id].kind & CD_KIND_UNDER) || st[id].mark != CD_TEASER_NAMED ||
                 (id > lfirst && id < tafter)))
                continue;
            if (lists_only && st[id].kind != CD_KIND_TEASERS &&
                !(st[id].kind == CD_KIND_LABEL && st[id].mark == CD_TEASER_NAMED &&
                  (id < lfirst || id >= tafter)) &&
                !(st[id].kind == CD_KIND_LABEL && st[id].mark == CD_TEASER_CARDS && id >= tafter) &&
                (st[id].kind || id < after))
                continue;
#ifdef CD_EXTRACT_DEBUG
            if (getenv("CD_STAMPS") && st[id].kind && !(st[id].kind & CD_KIND_UNDER))
                fprintf(
                    stderr,
                    "found #%u <%s> kind=%d named=%d lfirst=%u tafter=%u llast-anc=%d teasers=%d\n",
                    id, cd_tag_name(n->tag), st[id].kind, st[id].mark == CD_TEASER_NAMED, lfirst,
                    tafter, cd_x_is_ancestor(dom, id, llast), teasers);
#endif
            if (st[id].kind && single) continue;
            if (st[id].kind && !(st[id].kind & CD_KIND_UNDER)) {
                /* A list between the story's paragraphs may be its own (a
                 * round-up), unless its label names other stories. */
                if (st[id].kind == CD_KIND_TEASERS &&
                    ((id > lfirst && id < tafter && !cd_x_is_ancestor(dom, id, llast) &&
                      st[id].mark != CD_TEASER_NAMED) ||
                     (lists_only && ((id > lfirst && id < tafter) ||
                                     (st[id].mark != CD_TEASER_NAMED &&
                                      !(st[id].mark == CD_TEASER_CARDS && id >= tafter)))) ||
                     !teasers))
                    continue;
                cd_x_drop(dom, st, id, root, S_kind_why(st[id].kind));
                continue;
            }
            /* Furniture: a leaf block (all its text inline) before the story
             * or after it. */
            if ((id > hfirst && id < after) || cd_x_is_ancestor(dom, id, hfirst) || st[id].kind ||
                !cd_x_is_block(n->tag) || st[id].flow != st[id].chars || !st[id].chars ||
                (st[id].chars > CD_FURNITURE_CHARS && !S_nav_line(dom, st, id) &&
                 !(id >= after && S_gutted(dom, st, id))))
                continue;
            if (id == x->title_node || n->tag == CD_TAG_H1) continue;
            /* The headline in a block of its own that is no h1 (a <b>, a
             * table cell): it is the `title` field, not text. */
            if (id < hfirst && title && *title && cd_x_text_equals(dom, id, title)) {
                cd_x_drop(dom, st, id, root, 'e');
                continue;
            }
            long len = cd_x_text(dom, st, id, buf, CD_BOILER_MAX);
            /* After the story, only lines of links or of separated items,
             * never a list's item or a table's cell: labels and names of a
             * few words there are as often the end of its own lists. */
            int tail = id > hfirst;
            if (tail && (n->tag == CD_TAG_LI || n->tag == CD_TAG_TD || n->tag == CD_TAG_TH ||
                         n->tag == CD_TAG_DT || n->tag == CD_TAG_DD))
                continue;
            /* Longer than a line of furniture: a menu line (S_nav_line). */
            if (st[id].chars > CD_FURNITURE_CHARS) {
                cd_x_drop(dom, st, id, root, 'g');
                continue;
            }
            /* Not known to be an article: only a line of separated links
             * ("News archives | RSS feed"), not a link standing alone (a
             * list of resources ends many pages). */
            if (lists_only && len > 0 && !memchr(buf, '|', (size_t)len) && !strstr(buf, "\xE2\x80\xA2") &&
                !strstr(buf, "\xC2\xB7"))
                continue;
            /* A block that is one promotion link, whatever its end. */
            if (len > 0 && st[id].link >= st[id].chars) {
                cd_x_drop(dom, st, id, root, 'g');
                if (tail && id >= after) S_teaser_tail(dom, st, id, root, after);
                continue;
            }
            if (len > 0 && (tail ? cd_furniture_links(buf, (size_t)len, cd_xstat_ld(&st[id]))
                                 : cd_furniture_line(buf, (size_t)len, cd_xstat_ld(&st[id]))))
                cd_x_drop(dom, st, id, root, 'g');
        }
    }
    if (!lists_only) S_drop_before_headline(x, dom, st, lfirst, story);
    if (!lists_only && !single) S_drop_repeated(x, dom, st, lfirst, hfirst, after);
    if (lists_only || single) return;
    for (uint32_t r = 0; r < x->nroots; r++)
        if (!st[x->roots[r]].kind) S_drop_loose(x, dom, st, x->roots[r], hfirst, after, title);
    cd_x_comment_cut(x, dom, st);
    /* A root that is itself a comment, a comment form or a list's label
     * (S_choose takes the siblings of the story's paragraphs that share its
     * class: the comments below it often do) goes too, while a root of the
     * story stays. */
    int story_root = 0;
    for (uint32_t r = 0; r < x->nroots && !story_root; r++)
        story_root = !st[x->roots[r]].kind;
    if (!story_root) return;
    uint32_t keep = 0;
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        uint8_t k = (uint8_t)(st[root].kind & ~CD_KIND_UNDER);
        if (k && (k != CD_KIND_TEASERS || teasers)) {
            st[root].dead = 1;
            S_WHY(root, S_kind_why(k));
            continue;
        }
        x->roots[keep++] = root;
    }
    x->nroots = keep;
}

void cd_x_drop_forms(cd_extract *x, const cd_dom *dom, cd_xstat *st)
{
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        if (st[root].kind || st[root].dead)
            continue;
        for (cd_nid id = cd_dom_next(dom, root, root); id;) {
            const cd_node *n = cd_dom_node(dom, id);
            if (st[id].dead || n->type != CD_NODE_ELEMENT) {
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            if (st[id].kind == CD_KIND_CFORM && st[id].chars * 2 <= st[root].chars) {
                cd_x_drop(dom, st, id, root, S_kind_why(st[id].kind));
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            id = cd_dom_next(dom, id, root);
        }
    }
}

/* The last text node with visible text in the roots before node `before`
 * (0: to their end) that is not dropped (an ancestor up to its root dead,
 * or a script's text, counts as dropped); *root_of gets its root. CD_NONE
 * when there is none. */
static cd_nid S_last_text(const cd_extract *x, const cd_dom *dom, const cd_xstat *st, uint32_t before,
                          cd_nid *root_of)
{
    for (uint32_t r = x->nroots; r-- > 0;) {
        cd_nid root = x->roots[r];
        if (st[root].dead || !st[root].chars || (before && root >= before)) continue;
        cd_nid e = cd_dom_next_skip(dom, root, cd_dom_root(dom));
        uint32_t id = e ? e : dom->count;
        if (before && id > before) id = before;
        while (id-- > root) {
            const cd_node *n = cd_dom_node(dom, id);
            if (n->type != CD_NODE_TEXT || !st[id].chars) continue;
            /* The outermost dead or skipped ancestor below root: the walk
             * goes on before it. */
            cd_nid gone = CD_NONE;
            for (cd_nid a = id; a && a != root; a = cd_dom_node(dom, a)->parent) {
                const cd_node *an = cd_dom_node(dom, a);
                if (st[a].dead || (an->type == CD_NODE_ELEMENT && (cd_tag_flags(an->tag) & CD_TF_SKIP)))
                    gone = a;
            }
            if (gone) {
                id = gone;
                continue;
            }
            *root_of = root;
            return id;
        }
    }
    return CD_NONE;
}

/* The block of text node t inside root (CD_NONE: t's block is root). */
static cd_nid S_block_in(const cd_dom *dom, cd_nid t, cd_nid root)
{
    cd_nid b = cd_dom_node(dom, t)->parent;
    while (b && b != root && !cd_x_is_block(cd_dom_node(dom, b)->tag))
        b = cd_dom_node(dom, b)->parent;
    return b == root ? CD_NONE : b;
}

void cd_x_drop_end_headings(cd_extract *x, const cd_dom *dom, cd_xstat *st)
{
    if (x->broad || !x->nroots || !x->article) return;
    cd_nid root = CD_NONE;
    cd_nid t = S_last_text(x, dom, st, 0, &root);
    cd_nid b = t ? S_block_in(dom, t, root) : CD_NONE;
    if (!b) return;
    const cd_node *bn = cd_dom_node(dom, b);
    if (!(cd_tag_flags(bn->tag) & CD_TF_HEADING) || bn->tag == CD_TAG_H1 || b == x->title_node) return;
    /* A short label, under the text it would close. */
    if (st[b].chars > CD_END_HEADING || st[root].chars < st[b].chars + CD_END_HEADING_TEXT) return;
    /* Headings in a row at the end are the page's own outline (a grid of
     * products named by headings, an FAQ whose answers are collapsed, a
     * test page of headers): the text before it must be no heading. */
    cd_nid proot = CD_NONE;
    cd_nid pt = S_last_text(x, dom, st, b, &proot);
    cd_nid pb = pt ? S_block_in(dom, pt, proot) : CD_NONE;
    if (!pt || (pb && (cd_tag_flags(cd_dom_node(dom, pb)->tag) & CD_TF_HEADING))) return;
    cd_x_drop(dom, st, b, root, 'b');
}
