/* util/classword: the one rule that splits class and id values into words. */
#include <string.h>

#include "harness.h"
#include "util/classword.h"

/* The words of s joined by '|', a '^' before each token's first word. */
static const char *S_split(const char *s)
{
    static char out[256];
    size_t o = 0, at = 0, len, n = strlen(s);
    const char *w;
    unsigned fl;
    while ((len = cd_class_next_word(s, n, &at, &w, &fl)) != 0 && o + len + 3 < sizeof out) {
        if (o)
            out[o++] = '|';
        if (fl & CD_CW_TOKEN)
            out[o++] = '^';
        memcpy(out + o, w, len);
        o += len;
    }
    out[o] = '\0';
    return out;
}

static void test_words(void)
{
    STR_EQ(S_split("mostRead"), "^most|Read", "a camelCase hump cuts");
    STR_EQ(S_split("post__meta-Date share_bar"), "^post|meta|Date|^share|bar", "");
    STR_EQ(S_split("HTMLParser h2Title"), "^HTMLParser|^h2Title", "no cut after a capital or a digit");
    STR_EQ(S_split("  -lead  --x"), "^lead|^x", "leading marks and spaces");
    STR_EQ(S_split(""), "", "");
    STR_EQ(S_split("--"), "", "");
    STR_EQ(S_split("caf\xc3\xa9-menu"), "^caf|menu", "non-ASCII bytes cut like marks");
}

static void test_utility(void)
{
    const char *s = "card md:hidden w-[20px] [grid-area:sidebar] a/b x(y) plain";
    size_t n = strlen(s);
    OK(!cd_class_token_is_utility(s, n, 0), "card");
    OK(cd_class_token_is_utility(s, n, 5), "md:hidden");
    OK(cd_class_token_is_utility(s, n, 8), "inside md:hidden");
    OK(cd_class_token_is_utility(s, n, (size_t)(strstr(s, "w-[") - s)), "w-[20px]");
    OK(cd_class_token_is_utility(s, n, (size_t)(strstr(s, "grid") - s)), "[grid-area:sidebar]");
    OK(cd_class_token_is_utility(s, n, (size_t)(strstr(s, "a/b") - s)), "a/b");
    OK(cd_class_token_is_utility(s, n, (size_t)(strstr(s, "x(y)") - s)), "x(y)");
    OK(!cd_class_token_is_utility(s, n, (size_t)(strstr(s, "plain") - s)), "plain");
}

int main(void)
{
    test_words();
    test_utility();
    return cd_t_done();
}
