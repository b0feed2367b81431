/* output/report: stub */
#include "output.h"

void cd_render_report(const cd_result *r, unsigned options, cd_buf *out)
{
    (void)r;
    (void)options;
    cd_buf_puts(out, "<!DOCTYPE html>");
}
