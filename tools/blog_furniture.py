#!/usr/bin/env python3
"""Blog CMS furniture on the pages we have: is it there, and do we keep it? h/blogchrome, session 19.

    tools/blog_furniture.py OUT_DIR [--skip IDS_FILE] [--data DIR]    # OUT_DIR/{wcxb,l3s}.jsonl

Finds the blocks of each kind of CMS furniture by the class or id words their CMS gives them
(WordPress's widget_* classes and blocks, Jetpack/YARPP related posts, share plugins, post
navigation, author boxes, comment lists and forms, entry footers, sidebars and widget areas);
for each block of 4 words or more, whether our text holds it as a contiguous word run, and
whether the gold does too. Per kind: pages where it is present, pages where we keep one,
where the kept one is in the gold, where it leaked (the ids of the first of those).
wcxb pages of every type are read (the gold's type is no matter for furniture).
"""
import argparse
import gzip
import importlib.util
import os
import re
from collections import defaultdict
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
SCORE = os.environ.get("CD_SCORE", os.path.join(HERE, "..", "..", "shared", "eval", "score.py"))
spec = importlib.util.spec_from_file_location("score", SCORE)
S = importlib.util.module_from_spec(spec)
spec.loader.exec_module(S)

KINDS = [
    ("wp-recent-posts", r"widget_recent_entries|widget-recent-posts|wp-block-latest-posts|recent-posts"),
    ("wp-archives", r"widget_archive|wp-block-archives"),
    ("wp-categories", r"widget_categories|wp-block-categories"),
    ("wp-tagcloud", r"widget_tag_cloud|wp-block-tag-cloud|tagcloud"),
    ("wp-meta", r"widget_meta"),
    ("wp-recent-comments", r"widget_recent_comments|recentcomments"),
    ("wp-blogroll", r"widget_links|blogroll|linkcat"),
    ("wp-text", r"widget_text"),
    ("wp-calendar", r"widget_calendar|wp-calendar"),
    ("related-posts", r"jp-relatedposts|yarpp|related-posts|crp_related|relatedposts"),
    ("share", r"sharedaddy|sd-sharing|addtoany|sociable|share-buttons"),
    ("postnav", r"post-navigation|nav-links|nav-previous|nav-next|navigation-post"),
    ("author-box", r"author-info|author-bio|about-author|author-box|authorbox"),
    ("comments", r"commentlist|comment-list|comment-respond|comments-area|\bcomment-body"),
    ("entry-footer", r"entry-footer|entry-utility|postmetadata|post-meta|cat-links|tags-links"),
    ("sidebar/widget", r"\bsidebar\b|widget-area|\bwidget\b"),
]
KR = [(k, re.compile(r, re.I)) for k, r in KINDS]
VOID = set("area base br col embed hr img input link meta param source track wbr".split())
SKIP = {"script", "style", "template", "noscript", "svg", "head", "title", "select", "option"}


class Blocks(HTMLParser):
    """The text of each element whose class or id names a kind (text goes to the innermost)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.blocks, self.skip = [], defaultdict(list), 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        a = dict(attrs)
        words = (a.get("class") or "") + " " + (a.get("id") or "")
        kind = next((k for k, r in KR if r.search(words)), None)
        self.stack.append((tag, kind, []))
        if tag in SKIP:
            self.skip += 1

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for t, k, buf in reversed(self.stack[i:]):
                    if t in SKIP:
                        self.skip -= 1
                    if k and buf:
                        self.blocks[k].append(" ".join(buf))
                del self.stack[i:]
                return

    def handle_data(self, d):
        d = d.strip()
        if self.skip or not d:
            return
        for _, k, buf in reversed(self.stack):
            if k:
                buf.append(d)
                break


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--skip", help="a file of page ids left out (closed rounds)")
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data"))
    a = ap.parse_args()
    skip = set(open(a.skip).read().split()) if a.skip else set()
    for ds, sub in (("wcxb", "wcxb-dev"), ("l3s", "l3s-gn1")):
        gold = dict(S.LOADERS[ds](os.path.join(a.data, sub)))
        pred, _ = S.load_predictions(os.path.join(a.out, ds + ".jsonl"), ds)
        res = defaultdict(lambda: defaultdict(set))
        for f in sorted(os.listdir(os.path.join(a.data, sub, "html"))):
            i = f.split(".")[0]
            if i in skip or i not in gold:
                continue
            p = Blocks()
            p.feed(gzip.open(os.path.join(a.data, sub, "html", f)).read().decode("utf-8", "replace"))
            ours = S.word_seq((pred.get(i) or {}).get("text"))
            gs = S.word_seq(gold[i]["text"])
            for k, bl in p.blocks.items():
                for b in bl:
                    if len(S.words(b)) < 4:
                        continue
                    res[k]["present"].add(i)
                    if S.word_seq(b) in ours:
                        res[k]["kept"].add(i)
                        res[k]["gold" if S.word_seq(b) in gs else "leak"].add(i)
        print(ds)
        for k, _ in KINDS:
            r = res[k]
            print("  %-20s present %4d  kept %4d  kept, in gold %4d  leaked %4d  %s" % (
                k, len(r["present"]), len(r["kept"]), len(r["gold"]), len(r["leak"]),
                " ".join(sorted(r["leak"])[:10])))


if __name__ == "__main__":
    main()
