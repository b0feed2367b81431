/* output/report: the explain page (`copydesk --report OUT.html PAGE`,
 * COPYDESK_FORMAT_REPORT).
 *
 * One self-contained HTML document: inline CSS, no script, no external
 * resource, and a Content-Security-Policy that forbids both, so it opens the
 * same from a mail attachment, a CI artefact or a browser offline. It shows:
 *  - how the content was chosen (mode, the containers, their scores);
 *  - every field with its value and where it came from (--explain's sources);
 *  - the page's text in document order, one row per run of text under the
 *    same block element, each marked kept (in the text), headline (the title
 *    field), dropped (with the rule: hidden, chrome by tag, role or class
 *    words, teaser list, comment thread, furniture, link density, moved into
 *    a field …) or outside the content (with why: mostly links, or a
 *    container that scored lower than the one chosen). Inside a row, a piece
 *    whose fate differs (a photo credit in a kept caption, a dateline cut
 *    from the first paragraph) is marked apart.
 *
 * Everything that comes from the page (text, field values, URLs, tag names,
 * class and id words) is written as escaped element text only: never inside
 * an attribute, a URL, a style or a script. So page text cannot run as script
 * or change the report, whatever it holds ("</style>", "<script>",
 * "javascript:", a class name such as "x}body{display:none"). Invalid UTF-8
 * and control characters become U+FFFD.
 *
 * Bounded: at most S_MAX_ROWS rows of at most S_ROW_TEXT characters each
 * (the page's remaining rows are counted, not shown); two bytes and a node id
 * of scratch per node. */
#include <string.h>

#include "../extract/extract.h"
#include "../extract/xstat.h"
#include "../util/ctype.h"
#include "../util/utf8.h"
#include "output.h"

#define S_MAX_ROWS 5000
#define S_ROW_TEXT 600 /* characters shown of a row */

/* What became of a node. */
enum { S_KEPT = 0, S_OUT = 1, S_DROP = 2, S_TITLE = 3, S_SKIP = 4 };
/* The "dropped node" of text cut out of a text node into a field. */
#define S_CUT ((cd_nid)-1)

/* ---- escaping --------------------------------------------------------- */

/* s[0..n) as element text: & < > " ' escaped, invalid UTF-8 and control
 * characters (but tab and line feed) as U+FFFD. When collapse is set, runs of
 * white space are one space (*space carries a pending one across calls).
 * Writes at most *budget characters (decremented); returns 0 when it ran out. */
static int S_esc(cd_buf *out, const char *s, size_t n, int collapse, int *space, size_t *budget)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (collapse && (cd_isspace(c) || (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0))) {
            *space = 1;
            i += c == 0xC2 ? 2 : 1;
            continue;
        }
        if (!*budget) return 0;
        if (*space) {
            cd_buf_putc(out, ' ');
            *space = 0;
            if (!--*budget) return 0;
        }
        --*budget;
        if (c < 0x80) {
            switch (c) {
            case '&':
                cd_buf_puts(out, "&amp;");
                break;
            case '<':
                cd_buf_puts(out, "&lt;");
                break;
            case '>':
                cd_buf_puts(out, "&gt;");
                break;
            case '"':
                cd_buf_puts(out, "&quot;");
                break;
            case '\'':
                cd_buf_puts(out, "&#39;");
                break;
            default:
                if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
                    cd_buf_put_cp(out, CD_REPLACEMENT);
                else
                    cd_buf_putc(out, (char)c);
            }
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = cd_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (k == 0) k = 1;
        if (cp == CD_REPLACEMENT || (cp >= 0x80 && cp < 0xA0))
            cd_buf_put_cp(out, CD_REPLACEMENT);
        else
            cd_buf_put(out, s + i, k);
        i += k;
    }
    return 1;
}

/* A whole string as element text (no collapsing, no budget to speak of). */
static void S_text(cd_buf *out, const char *s)
{
    int space = 0;
    size_t budget = (size_t)-1;
    if (s) S_esc(out, s, strlen(s), 0, &space, &budget);
}

/* ---- the region decision ------------------------------------------------ */

/* Why a block lies outside the chosen content: extraction chooses by scores
 * (paragraphs give their parents points, the best container and its siblings
 * win) after pruning chrome, and the per-node statistics of that last reading
 * stay in the extraction's scratch (cd_xstat, src/extract/xstat.h) until the
 * next run on the same extractor. Read back here, for this page only: a
 * block's visible and linked characters, and the score of the nearest scored
 * container at or above it. */
typedef struct {
    uint32_t chars; /* visible characters in the subtree (0 when dropped) */
    uint32_t link;  /* of which inside links */
    cd_nid scored;  /* the nearest scored element at or above the node, CD_NONE if none */
    float score;    /* its score (0 when none) */
} S_region;

/* The statistics of node id; 0 when there are none (no scoring ran on this
 * tree, or id is out of range). */
static int S_region_of(const cd_extract *x, const cd_dom *dom, cd_nid id, S_region *out)
{
    const cd_xstat *st = x->scratch;
    out->chars = out->link = 0;
    out->scored = CD_NONE;
    out->score = 0.0f;
    if (!st || !id || id >= dom->count || x->scratch_cap / sizeof *st < dom->count) return 0;
    out->chars = st[id].chars;
    out->link = st[id].link;
    for (cd_nid a = id; a; a = cd_dom_node(dom, a)->parent) {
        if (st[a].cand) {
            out->scored = a;
            out->score = st[a].score;
            break;
        }
    }
    return 1;
}

/* ---- what each node became ----------------------------------------------- */

static const struct {
    const char *reason, *says;
} S_reasons[] = {
    {"hidden", "hidden by the page (hidden, aria-hidden, display:none)"},
    {"chrome-tag", "page chrome by its tag (nav, header, footer, aside, form …)"},
    {"chrome-role", "page chrome by its ARIA role (navigation, banner, complementary …)"},
    {"chrome-class", "page chrome by the words of its class or id (menu, sidebar, share, related …)"},
    {"comments-class", "user comments, by the words of its class or id"},
    {"table-of-contents", "a table of contents"},
    {"photo-credit", "a photo credit (the image's credit field)"},
    {"stock-phrase", "a stock phrase of the site (subscribe, share, advertisement …)"},
    {"signup-form", "a sign-up box: an e-mail or phone field, its button and lines"},
    {"duplicate", "a copy of a block shown already"},
    {"comment-thread", "a comment thread, found by its structure"},
    {"comment-form", "a comment form or the heading of a comment section"},
    {"teaser-list", "a list of other stories (teasers)"},
    {"teaser-tail", "the summary, picture or label of a lone teaser after the story (its headline went as furniture)"},
    {"author-bio", "an author's box after the story: a sentence about the author and a link to the author's page"},
    {"call-to-action", "a call-to-action box inside or after the story (a class word \"cta\"): a link, field or button to sell, book or sign up"},
    {"legal-note", "a disclaimer or disclosure box beside the story (class word \"disclaimer\", \"disclosure\")"},
    {"rating-widget", "a rating widget: a row of stars or radio buttons to rate the story, with its lines"},
    {"nosnippet", "marked data-nosnippet by the publisher (not the page's own text)"},
    {"list-label", "the label of a list that was dropped (\"Related stories\")"},
    {"furniture", "a template line before or after the story"},
    {"before-headline", "what the article's container holds above its headline: a sidebar's teaser, a kicker"},
    {"headline", "a repeat of the headline"},
    {"field", "read into a metadata field (byline, credit, caption)"},
    {"clean-chrome-class", "conditional cleaning: chrome by its class words"},
    {"clean-images", "conditional cleaning: more images than text"},
    {"clean-list-items", "conditional cleaning: a list of short items"},
    {"clean-inputs", "conditional cleaning: a form's inputs"},
    {"clean-short-links", "conditional cleaning: short text, mostly links"},
    {"clean-links", "conditional cleaning: too many links for its text"},
    {"clean-link-density", "conditional cleaning: link density too high"},
    {"clean-embeds", "conditional cleaning: embeds (video, iframes)"},
    {"clean-heading", "conditional cleaning: a heading that announces chrome"},
    {"site-chrome", "the site's chrome: a block recurring on many of the site's pages"},
    {"script-text", "script source the page prints as text"},
    {"noscript", "a noscript notice (\"please enable JavaScript\") or the escaped markup a noscript holds"},
    {"login-form", "a log-in gate over the story: a form with a password field, with its box's lines"},
    {"item-list", "a list of many like items inside the story's container (a gallery's captions, a stream of teasers)"},
    {"byline", "a byline read into the authors or credit field"},
    {"dateline", "the dateline opening the story, read into its field"},
    {"date-line", "a line that only dates the story, read into the date fields"},
    {"credit", "a wire or source credit line, read into the credit field"},
    {"copyright", "a copyright notice after the story"},
    {"caption", "a figure caption on a page read as one article (the lead's is image.caption; Markdown keeps it)"},
    {"deck", "the standfirst, read into the deck field"},
};

static const char *S_says(const char *reason)
{
    for (size_t i = 0; i < sizeof S_reasons / sizeof S_reasons[0]; i++)
        if (strcmp(S_reasons[i].reason, reason) == 0) return S_reasons[i].says;
    return NULL;
}

typedef struct {
    cd_buf *out;
    const cd_result *r;
    const cd_dom *dom;
    const cd_extract *x;
    uint8_t *state; /* [count] S_* */
    cd_nid *at;     /* [count] S_DROP: the outermost dropped node at or above (its rule decides) */
    cd_nid *blk;    /* [count] the nearest block element at or above */
    uint32_t rows, rows_over;
    uint32_t n[4]; /* rows per state */
    /* the row being written */
    int open;
    cd_nid row_blk;
    int row_state;
    cd_nid row_at;
    int piece_state; /* the state of the open piece inside the row, -1 none */
    cd_nid piece_at; /* its dropped node; S_CUT for text cut into a field */
    int space;
    size_t budget;
} S_rep;

static int S_is_block(uint16_t tag)
{
    return tag == CD_TAG_UNKNOWN || (cd_tag_flags(tag) & CD_TF_BLOCK);
}

static int S_in_roots(const cd_extract *x, cd_nid id)
{
    for (uint32_t r = 0; r < x->nroots; r++)
        if (x->roots[r] == id) return 1;
    return 0;
}

/* One pre-order pass: the state of every node from its parent's. */
static void S_states(S_rep *w, cd_nid top)
{
    const cd_dom *dom = w->dom;
    const cd_extract *x = w->x;
    /* top's own context: is it inside a root? */
    int base = S_OUT;
    for (cd_nid a = top; a; a = cd_dom_node(dom, a)->parent) {
        if (S_in_roots(x, a)) {
            base = S_KEPT;
            break;
        }
    }
    for (cd_nid id = top; id;) {
        const cd_node *n = cd_dom_node(dom, id);
        cd_nid par = id == top ? CD_NONE : n->parent;
        int st = par ? w->state[par] : base;
        cd_nid at = par ? w->at[par] : CD_NONE;
        if (st == S_OUT && S_in_roots(x, id)) st = S_KEPT;
        if (st != S_DROP && st != S_SKIP && x->mark && id < x->mark_cap) {
            if (x->mark[id] == CD_MARK_DROP) {
                if (!x->why || cd_extract_reason(x->why[id])) {
                    st = S_DROP;
                    at = id;
                } else {
                    st = S_SKIP; /* scripts, styles: never text */
                }
            } else if (x->mark[id] == CD_MARK_TITLE) {
                st = S_TITLE;
                at = id;
            }
        }
        if (n->type == CD_NODE_ELEMENT && (cd_tag_flags(n->tag) & CD_TF_SKIP) && st != S_DROP) st = S_SKIP;
        w->state[id] = (uint8_t)st;
        w->at[id] = at;
        w->blk[id] = n->type == CD_NODE_ELEMENT && S_is_block(n->tag) ? id : par ? w->blk[par] : top;
        id = cd_dom_next(dom, id, top);
    }
}

/* The label of a node: its tag, then #id and .class words (page text: escaped). */
static void S_label(cd_buf *out, const cd_dom *dom, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    if (n->type != CD_NODE_ELEMENT) {
        cd_buf_puts(out, "#document");
        return;
    }
    S_text(out, n->tag == CD_TAG_UNKNOWN && n->name ? n->name : cd_tag_name(n->tag));
    size_t len;
    int space = 0;
    size_t budget = 60;
    const char *v = cd_dom_attr(dom, id, "id", &len);
    if (v && len) {
        cd_buf_putc(out, '#');
        S_esc(out, v, len, 1, &space, &budget);
    }
    v = cd_dom_attr(dom, id, "class", &len);
    budget = 80;
    for (size_t i = 0; v && i < len && budget;) {
        while (i < len && cd_isspace((unsigned char)v[i]))
            i++;
        size_t j = i;
        while (j < len && !cd_isspace((unsigned char)v[j]))
            j++;
        if (j > i) {
            cd_buf_putc(out, '.');
            space = 0;
            S_esc(out, v + i, j - i, 1, &space, &budget);
        }
        i = j;
    }
}

static const char *S_state_class(int st)
{
    return st == S_KEPT ? "kept" : st == S_TITLE ? "head" : st == S_DROP ? "drop" : "out";
}

/* Why a row outside the content was left out (the region decision). */
static void S_outside_why(S_rep *w, cd_nid blk)
{
    cd_buf *out = w->out;
    S_region rg, best;
    cd_buf_puts(out, "outside the content");
    if (!S_region_of(w->x, w->dom, blk, &rg)) return;
    float content = 0.0f;
    for (uint32_t r = 0; r < w->x->nroots; r++) {
        if (S_region_of(w->x, w->dom, w->x->roots[r], &best) && best.score > content)
            content = best.score;
    }
    if (rg.chars && rg.link * 2 >= rg.chars) {
        cd_buf_printf(out, ": mostly links (%u of its %u characters)", rg.link, rg.chars);
    } else if (rg.scored && content > 0.0f) {
        cd_buf_puts(out, ": its container ");
        S_label(out, w->dom, rg.scored);
        cd_buf_printf(out, " scored %.1f, the content %.1f", (double)rg.score, (double)content);
    } else {
        cd_buf_puts(out, ": no paragraph here scored (too short, a heading, or mostly links)");
    }
}

/* The rule that dropped node at ("hidden" when extraction recorded none). */
static const char *S_reason(const S_rep *w, cd_nid at)
{
    if (at == S_CUT) return "cut into a field";
    const char *reason = w->x->why && at && at < w->x->mark_cap ? cd_extract_reason(w->x->why[at]) : NULL;
    return reason ? reason : "hidden";
}

static void S_why(S_rep *w, int st, cd_nid at, cd_nid blk)
{
    cd_buf *out = w->out;
    if (st == S_KEPT) {
        cd_buf_puts(out, "in the text");
    } else if (st == S_TITLE) {
        cd_buf_puts(out, "the headline: the title field (and the head of the text)");
    } else if (st == S_DROP) {
        const char *reason = S_reason(w, at);
        const char *says = S_says(reason);
        cd_buf_puts(out, "<b>");
        S_text(out, reason);
        cd_buf_puts(out, "</b>");
        if (at != S_CUT && at != blk) {
            cd_buf_puts(out, " (at <code>");
            S_label(out, w->dom, at);
            cd_buf_puts(out, "</code>)");
        }
        if (says) {
            cd_buf_puts(out, ": ");
            S_text(out, says);
        }
    } else {
        S_outside_why(w, blk);
    }
}

static void S_piece_close(S_rep *w)
{
    if (w->piece_state < 0) return;
    cd_buf_puts(w->out, "</span><small class=\"");
    cd_buf_puts(w->out, S_state_class(w->piece_state));
    cd_buf_puts(w->out, "\">[");
    if (w->piece_state == S_DROP) {
        S_text(w->out, S_reason(w, w->piece_at));
    } else {
        cd_buf_puts(w->out, w->piece_state == S_KEPT ? "kept" : w->piece_state == S_TITLE ? "headline" : "outside");
    }
    cd_buf_puts(w->out, "]</small> ");
    w->piece_state = -1;
    w->space = 0;
}

static void S_row_close(S_rep *w)
{
    if (!w->open) return;
    S_piece_close(w);
    if (!w->budget) cd_buf_puts(w->out, " …");
    cd_buf_puts(w->out, "</p></li>\n");
    w->open = 0;
}

static void S_row_open(S_rep *w, cd_nid blk, int st, cd_nid at)
{
    cd_buf *out = w->out;
    if (w->rows >= S_MAX_ROWS) {
        w->rows_over++;
        return;
    }
    w->rows++;
    w->n[st]++;
    w->open = 1;
    w->row_blk = blk;
    w->row_state = st;
    w->row_at = at;
    w->piece_state = -1;
    w->space = 0;
    w->budget = S_ROW_TEXT;
    cd_buf_puts(out, "<li class=\"");
    cd_buf_puts(out, S_state_class(st));
    cd_buf_puts(out, "\"><div class=\"m\"><span class=\"st\">");
    cd_buf_puts(out, st == S_KEPT ? "kept" : st == S_TITLE ? "headline" : st == S_DROP ? "dropped" : "outside");
    cd_buf_puts(out, "</span> <code>");
    S_label(out, w->dom, blk);
    cd_buf_puts(out, "</code> <span class=\"why\">");
    S_why(w, st, at, blk);
    cd_buf_puts(out, "</span></div><p>");
}

/* Text s[0..n) of a piece in state st (dropped at `at`) inside the open row. */
static void S_piece(S_rep *w, const char *s, size_t n, int st, cd_nid at)
{
    if (!w->open || !w->budget) return;
    if (st == w->row_state && (st != S_DROP || at == w->row_at)) {
        S_piece_close(w);
    } else if (st != w->piece_state || at != w->piece_at) {
        S_piece_close(w);
        if (w->space) cd_buf_putc(w->out, ' ');
        w->space = 0;
        cd_buf_puts(w->out, "<span class=\"x ");
        cd_buf_puts(w->out, S_state_class(st));
        cd_buf_puts(w->out, "\">");
        w->piece_state = st;
        w->piece_at = at;
    }
    S_esc(w->out, s, n, 1, &w->space, &w->budget);
}

static int S_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!cd_isspace((unsigned char)s[i]) && !((unsigned char)s[i] == 0xC2 && i + 1 < n &&
                                                   (unsigned char)s[i + 1] == 0xA0))
            return 0;
    return 1;
}

/* The rows: every text node in document order, a new row when its block
 * element (or the block's state) changes. */
static void S_rows(S_rep *w, cd_nid top)
{
    const cd_dom *dom = w->dom;
    const cd_extract *x = w->x;
    for (cd_nid id = top; id && w->out->len < CD_MAX_OUTPUT && !w->out->failed;) {
        const cd_node *n = cd_dom_node(dom, id);
        if (w->state[id] == S_SKIP) {
            id = cd_dom_next_skip(dom, id, top);
            continue;
        }
        if (n->type != CD_NODE_TEXT || S_blank(n->u.text, n->len)) {
            id = cd_dom_next(dom, id, top);
            continue;
        }
        cd_nid blk = w->blk[id];
        int st = w->state[id];
        cd_nid at = w->at[id];
        /* A row: the text under one block element, in the state of its
         * first text (later text in another state is marked apart). */
        if (!w->open || blk != w->row_blk) {
            S_row_close(w);
            S_row_open(w, blk, st, at);
        }
        /* Cuts (a dateline, a credit line) inside this text node: sorted by
         * node and offset, at most CD_MAX_CUTS of them. */
        uint32_t pos = 0;
        for (uint32_t k = 0; k < x->ncuts; k++) {
            const cd_cut *c = &x->cuts[k];
            if (c->node != id || c->off < pos) continue;
            if (c->off > pos) S_piece(w, n->u.text + pos, c->off - pos, st, at);
            S_piece(w, n->u.text + c->off, c->len, S_DROP, S_CUT);
            pos = c->off + c->len;
        }
        if (pos < n->len) S_piece(w, n->u.text + pos, n->len - pos, st, at);
        id = cd_dom_next(dom, id, top);
    }
    S_row_close(w);
}

/* ---- the page ------------------------------------------------------------ */

static const char S_style[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;max-width:70em;"
    "padding:1em 1.5em;color:#1b1b1b;background:#fff}"
    "h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.15em;margin:1.6em 0 .5em;border-bottom:1px solid #ddd}"
    ".src,.sum{color:#555;margin:.2em 0}code{font:12px ui-monospace,monospace;color:#444;word-break:break-all}"
    "table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.25em .5em;"
    "border-bottom:1px solid #eee}th{white-space:nowrap;font-weight:600}td.from{color:#555;white-space:nowrap}"
    "td ul{margin:0;padding-left:1.2em}.none{color:#999}"
    ".legend span{display:inline-block;margin-right:1em;padding:0 .4em;border-left-width:6px;border-left-style:solid}"
    "ol.blocks{list-style:none;padding:0}ol.blocks li{margin:.35em 0;padding:.3em .6em;border-left-width:6px;"
    "border-left-style:solid}"
    "ol.blocks p{margin:.2em 0;white-space:normal;overflow-wrap:anywhere}"
    ".m{font-size:12px;color:#555}.st{font-weight:700;text-transform:uppercase;letter-spacing:.04em}"
    ".kept{border-color:#2e7d32;background:#f1f8f1}.head{border-color:#1565c0;background:#eef4fb}"
    ".drop{border-color:#c62828;background:#fdf1f1}.out{border-color:#9e9e9e;background:#f6f6f6}"
    "li.drop p,li.out p{color:#666}span.x{padding:0 .15em}span.x.drop{text-decoration:line-through;"
    "color:#a33}span.x.kept{color:#1b1b1b}small{font-size:11px;color:#a33;background:none}"
    "small.kept,small.head,small.out{color:#555}.note{color:#555;font-style:italic}";

static void S_fields(S_rep *w)
{
    cd_buf *out = w->out;
    const cd_result *r = w->r;
    cd_buf_puts(out, "<h2 id=\"fields\">Fields</h2>\n<table><thead><tr><th>field</th><th>value</th>"
                     "<th>came from</th></tr></thead><tbody>\n");
    for (int f = 0; f < COPYDESK_FIELD_COUNT; f++) {
        const cd_meta_field_info *d = &cd_meta_fields[f];
        cd_buf_puts(out, "<tr><th>");
        S_text(out, d->json);
        cd_buf_puts(out, "</th><td>");
        const char *src = NULL;
        if (d->kind == CD_FIELD_URL) {
            const char *own = cd_meta_value(r->meta, f, 0, NULL);
            if (r->url) {
                S_text(out, r->url);
                src = own && strcmp(own, r->url) == 0 ? "the page (canonical)" : "given (--url, archive)";
            } else {
                cd_buf_puts(out, "<span class=\"none\">none</span>");
            }
        } else if (d->kind == CD_FIELD_LIST) {
            size_t k = cd_meta_count(r->meta, f, NULL);
            if (!k) cd_buf_puts(out, "<span class=\"none\">none</span>");
            else cd_buf_puts(out, "<ul>");
            for (size_t i = 0; i < k; i++) {
                cd_buf_puts(out, "<li>");
                S_text(out, cd_meta_value(r->meta, f, i, NULL));
                cd_buf_puts(out, "</li>");
            }
            if (k) cd_buf_puts(out, "</ul>");
            src = cd_meta_source(r->meta, f);
        } else {
            const char *v = cd_meta_value(r->meta, f, 0, NULL);
            if (v)
                S_text(out, v);
            else
                cd_buf_puts(out, "<span class=\"none\">none</span>");
            src = cd_meta_source(r->meta, f);
            if (!src && v && strchr(d->json, '.')) {
                /* image.caption, image.credit: recorded under their group. */
                src = NULL;
            }
        }
        cd_buf_puts(out, "</td><td class=\"from\">");
        if (src)
            S_text(out, src);
        else
            cd_buf_puts(out, "<span class=\"none\">—</span>");
        cd_buf_puts(out, "</td></tr>\n");
    }
    cd_buf_puts(out, "</tbody></table>\n");
}

static void S_choice(S_rep *w, unsigned options)
{
    cd_buf *out = w->out;
    const cd_extract *x = w->x;
    cd_buf_puts(out, "<h2 id=\"choice\">How the content was chosen</h2>\n<p>");
    if (options & COPYDESK_OPT_NO_EXTRACT)
        cd_buf_puts(out, "<b>whole page</b> (--no-extract): every visible block is kept.");
    else if (x->broad)
        cd_buf_puts(out, "<b>broad</b>: not one article; the page minus its chrome.");
    else if (x->article)
        cd_buf_puts(out, "<b>article</b>: an article page; one article, without the lists of other stories, "
                         "comment threads and template lines found beside it.");
    else
        cd_buf_puts(out, "<b>container</b>: the best-scoring container of paragraphs, with the siblings "
                         "that belong to it.");
    if (x->no_article) cd_buf_puts(out, " No convincing article was found: this is a best effort.");
    cd_buf_puts(out, "</p>\n<p>Content: ");
    for (uint32_t r = 0; r < x->nroots; r++) {
        S_region rg;
        if (r) cd_buf_puts(out, ", ");
        cd_buf_puts(out, "<code>");
        S_label(out, w->dom, x->roots[r]);
        cd_buf_puts(out, "</code>");
        if (S_region_of(x, w->dom, x->roots[r], &rg) && rg.scored == x->roots[r])
            cd_buf_printf(out, " (score %.1f)", (double)rg.score);
    }
    if (!x->nroots) cd_buf_puts(out, "<span class=\"none\">none</span>");
    cd_buf_puts(out, "</p>\n");
}

void cd_render_report(const cd_result *r, unsigned options, cd_buf *out)
{
    const cd_dom *dom = r->dom;
    const cd_extract *x = r->ext;
    const char *title = r->meta ? cd_meta_value(r->meta, COPYDESK_FIELD_TITLE, 0, NULL) : NULL;
    cd_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                     "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
                     "<meta name=\"referrer\" content=\"no-referrer\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta name=\"generator\" content=\"copydesk " COPYDESK_VERSION_STRING "\">\n<title>");
    cd_buf_puts(out, "copydesk explain: ");
    S_text(out, title ? title : r->source ? r->source : "a page");
    cd_buf_puts(out, "</title>\n<style>");
    cd_buf_puts(out, S_style);
    cd_buf_puts(out, "</style>\n</head>\n<body>\n<header>\n<h1 id=\"headline\">");
    if (title)
        S_text(out, title);
    else
        cd_buf_puts(out, "<span class=\"none\">(no headline found)</span>");
    cd_buf_puts(out, "</h1>\n<p class=\"src\">");
    if (r->source) {
        cd_buf_puts(out, "<code>");
        S_text(out, r->source);
        cd_buf_puts(out, "</code> ");
    }
    if (r->url) {
        cd_buf_puts(out, "<code>");
        S_text(out, r->url);
        cd_buf_puts(out, "</code>");
    }
    cd_buf_puts(out, "</p>\n<p class=\"sum\">The explain page of copydesk " COPYDESK_VERSION_STRING
                     ": every field with where it came from, then the page's text in document order, "
                     "each run of text marked kept or left out, and why.</p>\n</header>\n");

    S_rep w;
    memset(&w, 0, sizeof w);
    w.out = out;
    w.r = r;
    w.dom = dom;
    w.x = x;
    S_choice(&w, options);
    S_fields(&w);

    cd_nid top = dom->body ? dom->body : cd_dom_root(dom);
    uint32_t count = dom->count;
    if (top && count) {
        w.state = out->mem->calloc(count, 1);
        w.at = out->mem->calloc(count, sizeof *w.at);
        w.blk = out->mem->calloc(count, sizeof *w.blk);
    }
    cd_buf_puts(out, "<h2 id=\"blocks\">The page, block by block</h2>\n<p class=\"legend\">"
                     "<span class=\"kept\">kept: in the text</span><span class=\"head\">headline</span>"
                     "<span class=\"drop\">dropped, with the rule</span>"
                     "<span class=\"out\">outside the chosen content</span></p>\n");
    if (!top || !count) {
        cd_buf_puts(out, "<p class=\"note\">The page has no text.</p>\n");
    } else if (!w.state || !w.at || !w.blk) {
        out->failed = 1;
    } else {
        size_t at = out->len;
        cd_buf_puts(out, "<ol class=\"blocks\">\n");
        S_states(&w, top);
        S_rows(&w, top);
        cd_buf_puts(out, "</ol>\n");
        if (w.rows == 0) {
            cd_buf_truncate(out, at);
            cd_buf_puts(out, "<p class=\"note\">The page has no text.</p>\n");
        }
        cd_buf_printf(out, "<p class=\"sum\" id=\"counts\">%u row%s: %u kept, %u headline, %u dropped, "
                           "%u outside the content",
                      w.rows, w.rows == 1 ? "" : "s", w.n[S_KEPT], w.n[S_TITLE], w.n[S_DROP], w.n[S_OUT]);
        if (w.rows_over) cd_buf_printf(out, "; %u more not shown (at most %u)", w.rows_over, S_MAX_ROWS);
        cd_buf_puts(out, ".</p>\n");
    }
    if (w.state) out->mem->free(w.state);
    if (w.at) out->mem->free(w.at);
    if (w.blk) out->mem->free(w.blk);
    cd_buf_puts(out, "</body>\n</html>\n");
}
