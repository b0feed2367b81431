/* output/markdown: CommonMark rendering (first cut: text blocks). */
#include "output.h"

void cd_render_markdown(const cd_dom *dom, const cd_extract *x, unsigned options,
                        const char *base_url, cd_buf *out)
{
    (void)base_url;
    cd_render_text(dom, x, options, out);
}
