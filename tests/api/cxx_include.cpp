// The public header must compile as C++ (extern "C" guards) and link.
#include <copydesk.h>

#include <cstdio>

int main()
{
    copydesk_doc *doc = copydesk_doc_new(COPYDESK_OPT_DEFAULT);
    if (!doc)
        return 1;
    const char html[] = "<p>C++ can call copydesk.</p>";
    copydesk_status st = copydesk_doc_parse(doc, html, sizeof html - 1);
    size_t n = 0;
    const char *text = copydesk_doc_text(doc, &n);
    int ok = st == COPYDESK_OK && text && n > 0 && copydesk_version() == COPYDESK_VERSION;
    copydesk_doc_free(doc);
    std::printf("%d passed, %d failed\n", ok ? 1 : 0, ok ? 0 : 1);
    return ok ? 0 : 1;
}
