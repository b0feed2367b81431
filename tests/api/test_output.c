/* Unit tests for the renderers (src/output/): text, Markdown, JSON, and the
 * URL resolver. Pages go through the public one-call API without extraction
 * (COPYDESK_OPT_NO_EXTRACT renders the whole visible body), so each case is a
 * snippet and the exact expected rendering. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk.h"
#include "harness.h"
#include "output/output.h"
#include "util/url.h"
#include "util/utf8.h"

#define BASE "http://example.com/dir/page.html"

static int S_valid(const char *s, size_t n)
{
    return s && cd_utf8_valid_prefix((const unsigned char *)s, n) == n && strlen(s) == n;
}

static char *S_render(const char *html, size_t len, copydesk_format f, const char *url)
{
    size_t n = 0;
    copydesk_status st = COPYDESK_OK;
    char *r = copydesk_extract(html, len, url, f, COPYDESK_OPT_NO_EXTRACT, &n, &st);
    OK(r != NULL, "render failed: %s", copydesk_status_str(st));
    OK(!r || S_valid(r, n), "output is not valid UTF-8");
    return r;
}

#define TEXT_EQ(html, want)                                                                        \
    do {                                                                                           \
        char *r_ = S_render(html, strlen(html), COPYDESK_FORMAT_TEXT, NULL);                       \
        STR_EQ(r_, want, "");                                                                      \
        copydesk_free(r_);                                                                         \
    } while (0)

#define MD_EQ(html, want)                                                                          \
    do {                                                                                           \
        char *r_ = S_render(html, strlen(html), COPYDESK_FORMAT_MARKDOWN, BASE);                   \
        STR_EQ(r_, want, "");                                                                      \
        copydesk_free(r_);                                                                         \
    } while (0)

/* ---- text ------------------------------------------------------------------ */

static void test_text_blocks(void)
{
    TEXT_EQ("<p>a</p><p>b</p>", "a\n\nb");
    TEXT_EQ("<div><div><p>a</p></div></div><section><div><p>b</p></div></section>", "a\n\nb");
    TEXT_EQ("<p>x</p><h2>Title</h2><p>y</p>", "x\n\nTitle\n\ny");
    TEXT_EQ("<h1>A <br>B</h1>", "A B");
    TEXT_EQ("<span>a</span><div>b</div>c", "a\n\nb\n\nc");
    TEXT_EQ("<p>  lead \n\t and   trail  </p>", "lead and trail");
    TEXT_EQ("<p>a&nbsp;b&nbsp;&nbsp;c\xc2\xa0</p>", "a b c");
    TEXT_EQ("<p><b>foo</b>bar <i>x</i> <span>y</span>z</p>", "foobar x yz");
    TEXT_EQ("<p>x<sup>2</sup> and H<sub>2</sub>O<sup>[1]</sup></p>", "x2 and H2O[1]");
    TEXT_EQ("<p>a<br>b</p>", "a\nb");
    TEXT_EQ("<p>a <br> b</p>", "a\nb");
    TEXT_EQ("<p>a<br><br>b</p>", "a\n\nb");
    TEXT_EQ("<p>a<br></p><p>b</p>", "a\n\nb");
    TEXT_EQ("<p>a<img src=x.png alt=pic>b <img src=y.png> c</p>", "ab c");
    TEXT_EQ("<p>a<script>var x;</script></p><style>p{}</style><p>b</p>", "a\n\nb");
    TEXT_EQ("<hr><p>a</p><hr><p>b</p><hr>", "a\n\nb");
    TEXT_EQ(
        "<figure><img src=a.png alt=x><figcaption>The <i>caption</i></figcaption></figure><p>b</p>",
        "The caption\n\nb");
    TEXT_EQ("<p>A fig:</p><figure><img src=a.png><figcaption>Cap</figcaption></figure>",
            "A fig:\n\nCap");
    TEXT_EQ("<dl><dt>term</dt><dd>def</dd></dl><p>x</p>", "term\ndef\n\nx");
    /* A skipped last child must still close its block (no "ab"). */
    TEXT_EQ("<ul><li>a<span hidden>x</span></li><li>b<script>1</script></li></ul><p>c<span "
            "style='display:none'>d</span></p><p>e</p>",
            "a\nb\n\nc\n\ne");
    TEXT_EQ("<div>a<div aria-hidden=true>b</div></div><div>c</div>", "a\n\nc");
    TEXT_EQ("<p> </p>", "");
}

static void test_text_lists(void)
{
    TEXT_EQ("<p>a</p><ul><li>one</li><li>two <b>x</b></li></ul><p>b</p>", "a\n\none\ntwo x\n\nb");
    TEXT_EQ("<ul><li>a<ul><li>b</li></ul></li><li><p>c</p><p>d</p></li></ul><ol><li>e</li></ol>",
            "a\nb\nc\nd\n\ne");
    TEXT_EQ("<ul>\n  <li>\n    one\n  </li>\n  <li>two</li>\n</ul>", "one\ntwo");
}

static void test_text_tables(void)
{
    TEXT_EQ("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>",
            "A | B\n1 | 2");
    TEXT_EQ(
        "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr>"
        "</tbody><tfoot><tr><td>3</td><td>4</td></tr></tfoot></table>",
        "A | B\n1 | 2\n3 | 4");
    TEXT_EQ("<p>x</p><table>\n<tbody><tr>\n<td> a </td>\n<td><div>b</div><div>c</div></td>\n"
            "</tr></tbody></table><p>y</p>",
            "x\n\na | b c\n\ny");
    TEXT_EQ("<table><tr><td>a<br>b</td><td>c</td></tr></table>", "a b | c");
    TEXT_EQ("<table><tr><td></td><td>c</td></tr><tr><td>d</td><td></td></tr></table>", "c\nd");
    /* A layout table: its cells are blocks. */
    TEXT_EQ("<table><tr><td><p>para one</p></td><td><p>para two</p></td></tr></table>",
            "para one\n\npara two");
    TEXT_EQ("<table><tr><td>only</td></tr><tr><td>cells</td></tr></table>", "only\n\ncells");
    TEXT_EQ("<table><caption>Cap</caption><tr><td>1</td><td>2</td></tr></table>", "Cap\n\n1 | 2");
}

static void test_text_pre(void)
{
    TEXT_EQ("<p>a</p><pre>  x\n\n    y\n</pre><p>b</p>", "a\n\n  x\n\n    y\n\nb");
    TEXT_EQ("<pre>\n\n  lead</pre>", "  lead");
    TEXT_EQ("<pre><code>a  <b>b</b>\n\tc</code></pre>", "a  b\n\tc");
    TEXT_EQ("<pre>a&nbsp;b</pre>", "a b");
    TEXT_EQ("<pre>   </pre><p>x</p>", "x");
}

/* ---- markdown -------------------------------------------------------------- */

static void test_md_blocks(void)
{
    MD_EQ("<h1>One</h1><h2>Two</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6 <b>b</b></h6>",
          "# One\n\n## Two\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6 **b**");
    MD_EQ("<h2></h2><p>a</p><h3> </h3>", "a");
    MD_EQ("<h2>a<br>b</h2>", "## a b");
    MD_EQ("<p>a</p><p>b</p>", "a\n\nb");
    MD_EQ("<p>a<br>b</p>", "a\\\nb");
    MD_EQ("<p>a<br></p>", "a");
    MD_EQ("<p>a</p><hr><p>b</p>", "a\n\n---\n\nb");
    MD_EQ("<blockquote><p>q1</p><p>q2</p></blockquote><p>after</p>", "> q1\n>\n> q2\n\nafter");
    MD_EQ("<blockquote>a<blockquote>b</blockquote>c</blockquote>", "> a\n>\n> > b\n>\n> c");
    MD_EQ("<blockquote></blockquote><p>x</p>", "x");
    MD_EQ("<blockquote>a</blockquote><blockquote>b</blockquote>", "> a\n\n> b");
}

static void test_md_inline(void)
{
    MD_EQ("<p><b>bold</b> <i>it</i> <strong> s </strong>x<em>y</em>z</p>",
          "**bold** *it* **s** x*y*z");
    MD_EQ("<p>a<b> </b>b<i></i>c</p>", "a bc");
    MD_EQ("<p><b>a <b>nested</b></b></p>", "**a nested**");
    MD_EQ("<p><b>x <i>y</i></b></p>", "**x *y***");
    MD_EQ("<b>a<p>b</p></b>", "**a**\n\n**b**");
    MD_EQ("<p><code>x = 1</code> and <code>a`b</code> and <code>`x</code></p>",
          "`x = 1` and ``a`b`` and `` `x ``");
    MD_EQ("<p><code> <b>*not*</b>  em </code></p>", "`*not* em`");
    MD_EQ("<p><kbd>Ctrl</kbd>+<kbd>C</kbd></p>", "`Ctrl`+`C`");
    MD_EQ("<p>a<code></code>b</p>", "ab");
}

static void test_md_code_blocks(void)
{
    MD_EQ("<pre class=\"language-python\">def f():\n    return 1\n</pre>",
          "```python\ndef f():\n    return 1\n```");
    MD_EQ("<pre><code class=\"lang-js\">x\n\ny</code></pre>", "```js\nx\n\ny\n```");
    MD_EQ("<pre><code class=\"hljs language-c++\">int</code></pre>", "```c++\nint\n```");
    MD_EQ("<pre class='language-a\"b'>x</pre>", "```\nx\n```");
    MD_EQ("<pre>```\ncode\n```</pre>", "````\n```\ncode\n```\n````");
    MD_EQ("<p>a</p><pre>  *x*  <br>_y_</pre><p>b</p>", "a\n\n```\n  *x*  \n_y_\n```\n\nb");
    MD_EQ("<ul><li>x<pre>y\nz</pre></li></ul>", "- x\n\n  ```\n  y\n  z\n  ```");
    MD_EQ("<blockquote><pre>q\n\nr</pre></blockquote>", "> ```\n> q\n> \n> r\n> ```");
}

static void test_md_links_images(void)
{
    MD_EQ("<p><a href=\"/x?y=1\">abs</a> <a href=\"../up\">up</a> <a "
          "href=\"https://o.org/p\">o</a></p>",
          "[abs](http://example.com/x?y=1) [up](http://example.com/up) [o](https://o.org/p)");
    MD_EQ("<p><a href=\"javascript:alert(1)\">js</a> <a href=\" JavaScript:void(0)\">js2</a> "
          "<a>no</a> "
          "<a href='#'>hash</a></p>",
          "js js2 no hash");
    MD_EQ("<p><a href=\"a b(c).html\">sp</a></p>",
          "[sp](http://example.com/dir/a%20b\\(c\\).html)");
    MD_EQ("<p><a href=\"/x\"> <b>t</b> </a>.</p>", "[**t**](http://example.com/x) .");
    MD_EQ("<p><a href=\"/x\"></a>empty</p>", "empty");
    MD_EQ("<p><a href=\"/x\">a [b] *c*</a></p>", "[a \\[b\\] \\*c\\*](http://example.com/x)");
    MD_EQ("<a href=\"/x\"><h2>T</h2><p>p</p></a>",
          "## [T](http://example.com/x)\n\n[p](http://example.com/x)");
    /* Images: standalone in a block or in a figure, never inline in text. */
    MD_EQ("<p><img src=\"i.png\" alt=\"An  [image]\"></p>",
          "![An \\[image\\]](http://example.com/dir/i.png)");
    MD_EQ("<p>text <img src=\"i.png\" alt=\"x\"> more</p>", "text more");
    MD_EQ("<figure><picture><source srcset=a.webp><img src=\"/f.jpg\" alt=\"F\"></picture>"
          "<figcaption>The <b>cap</b></figcaption></figure>",
          "![F](http://example.com/f.jpg)\n\n*The **cap***");
    MD_EQ("<div><a href=\"/big\"><img src=\"s.png\" alt=\"\"></a></div>",
          "[![](http://example.com/dir/s.png)](http://example.com/big)");
    MD_EQ("<p><img src=\"data:image/gif;base64,R0lG\" data-src=\"/lazy.png\" alt=l></p>",
          "![l](http://example.com/lazy.png)");
    MD_EQ("<p><img src=\"data:image/gif;base64,R0lG\"></p><p>x</p>", "x");
}

static void test_md_lists(void)
{
    MD_EQ("<p>a</p><ul><li>one</li><li>two</li></ul><p>b</p>", "a\n\n- one\n- two\n\nb");
    MD_EQ("<ol><li>a<ul><li>b</li><li>c<ol><li>d</li></ol></li></ul></li><li>e</li></ol>",
          "1. a\n   - b\n   - c\n     1. d\n2. e");
    MD_EQ("<ol start=\"9\"><li>nine</li><li>ten</li><li>eleven<p>more</p></li></ol>",
          "9. nine\n10. ten\n11. eleven\n\n    more");
    MD_EQ("<ul><li><p>p1</p></li><li><p>p2</p></li></ul>", "- p1\n- p2");
    MD_EQ("<ul><li>a</li></ul><ul><li>b</li></ul>", "- a\n\n* b");
    MD_EQ("<ol><li>a</li></ol><ol><li>b</li></ol>", "1. a\n\n1) b");
    MD_EQ("<ul><li></li><li>x</li></ul>", "- x");
    MD_EQ("<ul><li><blockquote>q</blockquote></li></ul>", "- > q");
    MD_EQ("<ul><li><hr></li></ul>", "- ___");
    MD_EQ("<ul><li><ul><li>x</li></ul></li></ul>", "- - x");
    MD_EQ("<blockquote><ul><li>a</li><li>b<p>c</p></li></ul></blockquote>",
          "> - a\n> - b\n>\n>   c");
}

static void test_md_tables(void)
{
    MD_EQ(
        "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>x|y</td></tr>"
        "</tbody></table>",
        "| A | B |\n| --- | --- |\n| 1 | x\\|y |");
    MD_EQ("<p>t</p><table><tr><td>a<br>b</td><td><code>c|d</code></td><td></td></tr><tr><td>e</td>"
          "</tr></table><p>u</p>",
          "t\n\n| a b | `c\\|d` |  |\n| --- | --- | --- |\n| e |  |  |\n\nu");
    MD_EQ(
        "<table><tr><td colspan=2>wide</td></tr><tr><td><b>x</b></td><td><a href=/l>l</a></td></tr>"
        "</table>",
        "| wide |  |\n| --- | --- |\n| **x** | [l](http://example.com/l) |");
    MD_EQ("<table><tr><td><p>layout</p></td><td><p>cells</p></td></tr></table>", "layout\n\ncells");
    MD_EQ("<ul><li>list<table><tr><td>1</td><td>2</td></tr></table></li></ul>",
          "- list\n\n  | 1 | 2 |\n  | --- | --- |");
}

static void test_md_escaping(void)
{
    MD_EQ("<p># a</p><p>1. b</p><p>2) c</p><p>- d</p><p>+ e</p><p>&gt; f</p><p>=</p><p>~~~</p>",
          "\\# a\n\n1\\. b\n\n2\\) c\n\n\\- d\n\n\\+ e\n\n\\> f\n\n\\=\n\n\\~~~");
    MD_EQ("<p>a*b [c] \\ `d` &lt;e&gt; &amp;amp; &amp; x_y _z_</p>",
          "a\\*b \\[c\\] \\\\ \\`d\\` \\<e> \\&amp; & x_y \\_z\\_");
    MD_EQ("<p>1990. A year</p><p>2024 was</p><p><span>3</span>. split</p>",
          "1990\\. A year\n\n2024 was\n\n3\\. split");
    MD_EQ("<p>a | b</p>", "a | b");
    MD_EQ("<p>caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80</p>",
          "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80");
}

/* ---- JSON ------------------------------------------------------------------ */

static void S_json_eq(const char *in, size_t len, const char *want)
{
    cd_buf b;
    cd_buf_init(&b, cd_mem_default());
    cd_json_string(&b, in, len);
    STR_EQ(b.data, want, "");
    OK(S_valid(b.data, b.len), "json string not valid UTF-8");
    cd_buf_free(&b);
}

static void test_json(void)
{
    S_json_eq("plain", 5, "\"plain\"");
    S_json_eq("q\"b\\s/", 6, "\"q\\\"b\\\\s/\"");
    S_json_eq("\n\r\t\b\f\x01\x1f\x7f", 8, "\"\\n\\r\\t\\u0008\\u000c\\u0001\\u001f\x7f\"");
    S_json_eq("a\0b", 3, "\"a\\u0000b\"");
    S_json_eq("\xe2\x80\xa8|\xe2\x80\xa9", 7, "\"\\u2028|\\u2029\"");
    /* Runs of plain bytes are scanned 16 at a time: an escape, a U+2028, an
     * ill-formed byte and a valid sequence at every offset around a step. */
    for (size_t at = 0; at < 40; at++) {
        char in[64], want[96];
        static const struct {
            const char *in, *out;
        } odd[] = {{"\"", "\\\""}, {"\n", "\\n"}, {"\x01", "\\u0001"}, {"\xe2\x80\xa8", "\\u2028"},
                   {"\xff", "\xef\xbf\xbd"}, {"\xc3\xa9", "\xc3\xa9"}, {"\xe2\x82", "\xef\xbf\xbd"}};
        for (size_t k = 0; k < sizeof odd / sizeof *odd; k++) {
            size_t il = strlen(odd[k].in);
            memset(in, 'a', sizeof in);
            memcpy(in + at, odd[k].in, il);
            size_t n = at + il + 20;
            snprintf(want, sizeof want, "\"%.*s%s%.20s\"", (int)at, in, odd[k].out, in + at + il);
            S_json_eq(in, n, want);
        }
    }
    S_json_eq("\xc3\xa9\xf0\x9f\x98\x80", 6, "\"\xc3\xa9\xf0\x9f\x98\x80\"");
    S_json_eq("a\xff"
              "b",
              3,
              "\"a\xef\xbf\xbd"
              "b\"");
    S_json_eq("\xc3", 1, "\"\xef\xbf\xbd\"");
    S_json_eq("\xed\xa0\x80", 3, "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
    S_json_eq("\xef\xbf\xbd", 3, "\"\xef\xbf\xbd\"");

    cd_meta m;
    memset(&m, 0, sizeof m);
    m.title = "T";
    m.authors[0] = "A \"B\"";
    m.nauthors = 1;
    m.language = "en";
    cd_result f;
    memset(&f, 0, sizeof f);
    f.meta = &m;
    f.text = "x\ny";
    f.text_len = 3;
    cd_buf b;
    cd_buf_init(&b, cd_mem_default());
    cd_render_json(&f, 0, &b);
    STR_EQ(b.data,
           "{\"url\":null,\"title\":\"T\",\"deck\":null,\"authors\":[\"A \\\"B\\\"\"],"
           "\"date_published\":null,\"date_modified\":null,\"site_name\":null,\"language\":\"en\","
           "\"description\":null,\"section\":null,\"image\":null,\"credit\":null,\"dateline\":null,"
           "\"tags\":[],\"text\":\"x\\ny\"}",
           "");
    cd_buf_clear(&b);
    f.source = "p.html";
    f.url = "http://e/";
    cd_render_json(&f, 0, &b);
    STR_EQ(b.data,
           "{\"source\":\"p.html\",\"url\":\"http://e/\",\"title\":\"T\",\"deck\":null,"
           "\"authors\":[\"A \\\"B\\\"\"],\"date_published\":null,\"date_modified\":null,"
           "\"site_name\":null,\"language\":\"en\",\"description\":null,\"section\":null,"
           "\"image\":null,\"credit\":null,\"dateline\":null,\"tags\":[],\"text\":\"x\\ny\"}",
           "");
    /* The news fields: image as an object, tags as an array, sources with explain. */
    cd_meta m2 = *f.meta;
    m2.deck = "D";
    m2.section = "World";
    m2.image_url = "http://e/i.jpg";
    m2.image_credit = "Ann Lee/AP";
    m2.credit = "Reuters";
    m2.dateline = "GENEVA";
    m2.tags[0] = "glaciers";
    m2.tags[1] = "Alps";
    m2.ntags = 2;
    m2.deck_source = "visible";
    m2.title_source = "h1";
    m2.image_source = "og";
    m2.section_source = "json-ld"; /* … */
    m2.tags_source = "meta";
    m2.date_source = "url"; /* no date: not written */
    cd_result f2 = f;
    f2.meta = &m2;
    f2.source = NULL;
    cd_buf_clear(&b);
    cd_render_json(&f2, COPYDESK_OPT_EXPLAIN, &b);
    STR_EQ(b.data,
           "{\"url\":\"http://e/\",\"title\":\"T\",\"deck\":\"D\",\"authors\":[\"A \\\"B\\\"\"],"
           "\"date_published\":null,\"date_modified\":null,\"site_name\":null,\"language\":\"en\","
           "\"description\":null,\"section\":\"World\",\"image\":{\"url\":\"http://e/i.jpg\","
           "\"caption\":null,\"credit\":\"Ann Lee/AP\"},\"credit\":\"Reuters\",\"dateline\":\"GENEVA\","
           "\"tags\":[\"glaciers\",\"Alps\"],\"sources\":{\"title\":\"h1\",\"deck\":\"visible\","
           "\"section\":\"json-ld\",\"image\":\"og\",\"tags\":\"meta\"},"
           "\"text\":\"x\\ny\"}",
           "");
    /* An image group with only a caption is still an object. */
    m2.image_url = NULL;
    m2.image_credit = NULL;
    m2.image_caption = "C";
    cd_buf_clear(&b);
    cd_render_json(&f2, 0, &b);
    OK(b.data && strstr(b.data, "\"image\":{\"url\":null,\"caption\":\"C\",\"credit\":null}"), "%s",
       b.data ? b.data : "(null)");
    /* The field-source lookup by name (copydesk_doc_field_source's rule). */
    STR_EQ(cd_meta_field_source(&m2, "image"), NULL, "");
    STR_EQ(cd_meta_field_source(&m2, "tags"), "meta", "");
    STR_EQ(cd_meta_field_source(&m2, "title"), "h1", "");
    STR_EQ(cd_meta_field_source(&m2, "date_published"), NULL, "");
    STR_EQ(cd_meta_field_source(&m2, "site_name"), NULL, "");
    STR_EQ(cd_meta_field_source(&m2, "nope"), NULL, "");
    STR_EQ(cd_meta_field_source(&m2, "image.url"), NULL, "");
    cd_buf_free(&b);

    /* Through the public API: text and markdown keys, valid output. */
    const char *html = "<title>T\xe2\x80\xa8</title><body><p>a\"b</p><pre>c\td</pre></body>";
    size_t n = 0;
    char *r = copydesk_extract(html, strlen(html), NULL, COPYDESK_FORMAT_JSON,
                               COPYDESK_OPT_NO_EXTRACT | COPYDESK_OPT_JSON_MARKDOWN, &n, NULL);
    OK(r && strstr(r, "\"text\":\"a\\\"b\\n\\nc\\td\"") != NULL, "json text: %s", r ? r : "(null)");
    OK(r && strstr(r, "\"markdown\":\"a\\\"b\\n\\n```\\nc\\td\\n```\"") != NULL, "json md: %s",
       r ? r : "(null)");
    OK(r && !strstr(r, "\xe2\x80\xa8"), "raw U+2028 in JSON");
    OK(r && S_valid(r, n), "json not valid UTF-8");
    copydesk_free(r);
}

/* JSON's `markdown` is rendered in place and escaped there in pieces of
 * 64 KiB (src/output/json.c, S_json_escape_tail; issue #14): it must be the
 * Markdown format's output escaped as one string, whatever falls on a piece
 * boundary (2-, 3- and 4-byte characters, U+2028, quotes, controls). */
static void test_json_markdown_pieces(void)
{
    static const char *const units[] = {"\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xe2\x80\xa8",
                                        "\"", "\\", "\x01", "a"};
    for (int shift = 0; shift < 5; shift++) {
        cd_buf h;
        cd_buf_init(&h, cd_mem_default());
        cd_buf_puts(&h, "<title>T</title><body><p>");
        for (int k = 0; k < shift; k++)
            cd_buf_putc(&h, 'x');
        for (size_t i = 0; h.len < 300000; i++) {
            cd_buf_puts(&h, units[i % 8]);
            cd_buf_puts(&h, units[(i / 8) % 8]);
            if (i % 97 == 0)
                cd_buf_puts(&h, "</p><p>");
        }
        cd_buf_puts(&h, "</p></body>");
        unsigned opt = COPYDESK_OPT_NO_EXTRACT;
        size_t nm = 0, nj = 0, ns = 0;
        char *md = copydesk_extract(h.data, h.len, NULL, COPYDESK_FORMAT_MARKDOWN, opt, &nm, NULL);
        char *js = copydesk_extract(h.data, h.len, NULL, COPYDESK_FORMAT_JSON, opt | COPYDESK_OPT_JSON_MARKDOWN, &nj,
                                    NULL);
        char *want = md ? copydesk_json_string(md, nm, &ns) : NULL;
        OK(md && js && want && nm > 200000, "rendered (shift %d)", shift);
        const char *at = js ? strstr(js, ",\"markdown\":") : NULL;
        OK(at && strlen(at) == 12 + ns + 1 && memcmp(at + 12, want, ns) == 0 && at[12 + ns] == '}',
           "markdown escaped as one string (shift %d)", shift);
        OK(js && S_valid(js, nj), "valid UTF-8 (shift %d)", shift);
        copydesk_free(md);
        copydesk_free(js);
        copydesk_free(want);
        cd_buf_free(&h);
    }
}

/* ---- URL resolution (RFC 3986 §5.4) ---------------------------------------- */

static void S_url_eq(const char *base, const char *ref, const char *want)
{
    cd_buf b;
    cd_buf_init(&b, cd_mem_default());
    cd_url_resolve(base, base ? strlen(base) : 0, ref, strlen(ref), &b);
    OK(b.data && strcmp(b.data, want) == 0, "resolve(%s, %s): got \"%s\", want \"%s\"",
       base ? base : "(null)", ref, b.data ? b.data : "(null)", want);
    cd_buf_free(&b);
}

static void test_url(void)
{
    static const char *const normal[][2] = {
        {"g:h", "g:h"},
        {"g", "http://a/b/c/g"},
        {"./g", "http://a/b/c/g"},
        {"g/", "http://a/b/c/g/"},
        {"/g", "http://a/g"},
        {"//g", "http://g"},
        {"?y", "http://a/b/c/d;p?y"},
        {"g?y", "http://a/b/c/g?y"},
        {"#s", "http://a/b/c/d;p?q#s"},
        {"g#s", "http://a/b/c/g#s"},
        {"g?y#s", "http://a/b/c/g?y#s"},
        {";x", "http://a/b/c/;x"},
        {"g;x", "http://a/b/c/g;x"},
        {"g;x?y#s", "http://a/b/c/g;x?y#s"},
        {"", "http://a/b/c/d;p?q"},
        {".", "http://a/b/c/"},
        {"./", "http://a/b/c/"},
        {"..", "http://a/b/"},
        {"../", "http://a/b/"},
        {"../g", "http://a/b/g"},
        {"../..", "http://a/"},
        {"../../", "http://a/"},
        {"../../g", "http://a/g"},
        /* §5.4.2 abnormal examples */
        {"../../../g", "http://a/g"},
        {"../../../../g", "http://a/g"},
        {"/./g", "http://a/g"},
        {"/../g", "http://a/g"},
        {"g.", "http://a/b/c/g."},
        {".g", "http://a/b/c/.g"},
        {"g..", "http://a/b/c/g.."},
        {"..g", "http://a/b/c/..g"},
        {"./../g", "http://a/b/g"},
        {"./g/.", "http://a/b/c/g/"},
        {"g/./h", "http://a/b/c/g/h"},
        {"g/../h", "http://a/b/c/h"},
        {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
        {"g;x=1/../y", "http://a/b/c/y"},
        {"g?y/./x", "http://a/b/c/g?y/./x"},
        {"g?y/../x", "http://a/b/c/g?y/../x"},
        {"g#s/./x", "http://a/b/c/g#s/./x"},
        {"g#s/../x", "http://a/b/c/g#s/../x"},
        {"http:g", "http:g"},
    };
    for (size_t i = 0; i < sizeof normal / sizeof normal[0]; i++)
        S_url_eq("http://a/b/c/d;p?q", normal[i][0], normal[i][1]);
    S_url_eq("http://a", "g", "http://a/g");
    S_url_eq("https://e.com/a/b", "  /x\n/y\t ", "https://e.com/x/y");
    S_url_eq(NULL, "/rel", "/rel");
    S_url_eq("not a url", "x/y", "x/y");
    S_url_eq("", "https://abs/x/../y", "https://abs/y");
    OK(cd_url_is_script("javascript:x", 12), "javascript:");
    OK(cd_url_is_script(" \tJaVa\nScript:x", 16), "obfuscated javascript:");
    OK(cd_url_is_script("vbscript:x", 10), "vbscript:");
    OK(!cd_url_is_script("https://x/javascript:", 21), "not script");
    OK(!cd_url_is_script("java", 4), "prefix");
}

/* ---- hostile input ---------------------------------------------------------- */

static void S_deep(const char *open, const char *close, int n)
{
    size_t lo = strlen(open), lc = strlen(close);
    size_t len = (size_t)n * (lo + lc) + 16;
    char *html = malloc(len);
    size_t k = 0;
    for (int i = 0; i < n; i++, k += lo)
        memcpy(html + k, open, lo);
    memcpy(html + k, "deep", 4);
    k += 4;
    for (int i = 0; i < n; i++, k += lc)
        memcpy(html + k, close, lc);
    for (int f = 0; f < 3; f++) {
        size_t on = 0;
        char *r =
            copydesk_extract(html, k, BASE, (copydesk_format)f, COPYDESK_OPT_NO_EXTRACT, &on, NULL);
        OK(r && S_valid(r, on), "deep %s format %d", open, f);
        OK(r && strstr(r, "deep"), "deep text lost (%s, format %d)", open, f);
        if (r && f == COPYDESK_FORMAT_MARKDOWN) {
            /* Indentation is capped: no line grows with the depth. */
            size_t line = 0, longest = 0;
            for (size_t i = 0; i < on; i++) {
                line = r[i] == '\n' ? 0 : line + 1;
                if (line > longest) longest = line;
            }
            OK(longest < 200, "markdown line of %zu bytes for %s", longest, open);
        }
        copydesk_free(r);
    }
    free(html);
}

static void test_deep(void)
{
    S_deep("<ul><li>", "</li></ul>", 10000);
    S_deep("<ol><li>x", "</li></ol>", 10000);
    S_deep("<blockquote>", "</blockquote>", 10000);
    S_deep("<blockquote><ul><li>q", "</li></ul></blockquote>", 5000);
    S_deep("<b><i><a href=x>", "</a></i></b>", 10000);
    S_deep("<table><tr><td>", "</td></tr></table>", 5000);
    S_deep("<div><p>", "</p></div>", 10000);
    S_deep("<pre><span>", "</span></pre>", 10000);
    S_deep("<h2><code>", "</code></h2>", 10000);
}

/* Regression (fuzz): a code span whose collected text filled the scratch buffer
 * exactly, plus the space owed from the node before, overflowed it by one. */
static void test_code_span_scratch(void)
{
    char html[400], want[400];
    char word[255];
    memset(word, 'x', 254);
    word[254] = '\0';
    snprintf(html, sizeof html, "<p><code>a <b>%s</b></code></p>", word);
    snprintf(want, sizeof want, "`a %s`", word);
    MD_EQ(html, want);
}

static void test_bytes(void)
{
    /* Invalid bytes, NULs, stray surrogates: every format stays valid UTF-8. */
    static const char page[] =
        "<p>\xff\xfe a\0b \xed\xa0\x80 \xc3</p><ul><li>\x80</li></ul><pre>\xf4\x90\x80\x80"
        "</pre><table><tr><td>\xe2\x82</td><td>|</td></tr></table>";
    for (int f = 0; f < 3; f++) {
        char *r = S_render(page, sizeof page - 1, (copydesk_format)f, BASE);
        copydesk_free(r);
    }
}

int main(void)
{
    test_text_blocks();
    test_text_lists();
    test_text_tables();
    test_text_pre();
    test_md_blocks();
    test_md_inline();
    test_md_code_blocks();
    test_md_links_images();
    test_md_lists();
    test_md_tables();
    test_md_escaping();
    test_json();
    test_json_markdown_pieces();
    test_url();
    test_deep();
    test_code_span_scratch();
    test_bytes();
    return cd_t_done();
}
