/* docs/examples/extract.c — the full-path API on one file.
 *
 *   cc extract.c $(pkg-config --cflags --libs copydesk) -o extract
 *   ./extract page.html [url]
 *
 * Prints the title, authors, date and the article text; exits 1 on failure.
 * The test suite builds and runs this file, so it cannot drift from the API. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <copydesk.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [URL]\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    char *bytes = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 65536;
            char *p = realloc(bytes, cap);
            if (!p) {
                free(bytes);
                fclose(f);
                return 1;
            }
            bytes = p;
        }
        size_t r = fread(bytes + len, 1, cap - len, f);
        if (r == 0)
            break;
        len += r;
    }
    fclose(f);

    /* One document can be reused for many pages: reset between them. */
    copydesk_doc *doc = copydesk_doc_new(COPYDESK_OPT_DEFAULT);
    if (!doc) {
        free(bytes);
        return 1;
    }
    if (argc > 2)
        copydesk_doc_set_url(doc, argv[2], strlen(argv[2]));
    copydesk_status st = copydesk_doc_parse(doc, bytes, len);
    free(bytes); /* the document keeps no pointer into the input */
    if (st != COPYDESK_OK) {
        fprintf(stderr, "%s: %s\n", argv[1], copydesk_status_str(st));
        copydesk_doc_free(doc);
        return 1;
    }

    const char *title = copydesk_doc_title(doc, NULL);
    printf("title: %s\n", title ? title : "(none)");
    for (size_t i = 0; i < copydesk_doc_author_count(doc); i++)
        printf("author: %s\n", copydesk_doc_author(doc, i, NULL));
    const char *date = copydesk_doc_date_published(doc, NULL);
    printf("date: %s (from %s)\n", date ? date : "(none)",
           date ? copydesk_doc_field_source(doc, "date_published") : "-");
    /* The news fields: NULL when the page does not have them. */
    const char *deck = copydesk_doc_deck(doc, NULL);
    const char *section = copydesk_doc_section(doc, NULL);
    const char *credit = copydesk_doc_image_credit(doc, NULL);
    const char *wire = copydesk_doc_credit(doc, NULL);
    if (section)
        printf("section: %s\n", section);
    if (deck)
        printf("deck: %s\n", deck);
    if (credit)
        printf("photo: %s\n", credit);
    if (wire)
        printf("credit: %s\n", wire);
    for (size_t i = 0; i < copydesk_doc_tag_count(doc); i++)
        printf("tag: %s\n", copydesk_doc_tag(doc, i, NULL));
    printf("\n");

    size_t n = 0;
    const char *text = copydesk_doc_render(doc, COPYDESK_FORMAT_TEXT, &n, &st);
    if (!text) {
        fprintf(stderr, "render: %s\n", copydesk_status_str(st));
        copydesk_doc_free(doc);
        return 1;
    }
    fwrite(text, 1, n, stdout);
    putchar('\n');
    copydesk_doc_free(doc); /* frees every string the accessors returned */
    return 0;
}
