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

/* The ASCII classes by range tests, as util/ctype.h first had them. */
static int S_ref_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
static int S_ref_space(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The rule as first written (range tests per byte): the table of
 * util/ctype.c must split every value as it did. */
static size_t S_ref_next(const char *s, size_t n, size_t *at, const char **word, unsigned *flags)
{
    size_t i = *at;
    unsigned f = i == 0 ? CD_CW_TOKEN : 0;
    while (i < n && !S_ref_alnum((unsigned char)s[i])) {
        if (S_ref_space((unsigned char)s[i]))
            f = CD_CW_TOKEN;
        i++;
    }
    if (i >= n) {
        *at = n;
        return 0;
    }
    size_t st = i++;
    while (i < n && S_ref_alnum((unsigned char)s[i]) &&
           !(s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z'))
        i++;
    *at = i;
    *word = s + st;
    *flags = f;
    return i - st;
}

static void test_reference(void)
{
    /* Every byte value alone and after a small letter, then random values
     * over the bytes that matter (letters at the edges, digits, marks, the
     * white space, bytes above 0x7F). */
    static const char pool[] = "aAzZmM09_-: \t\n\r\v\f/[(\x80\xc3\xa9\xff\x01";
    char s[40];
    unsigned long r = 12345;
    int bad = 0;
    for (int round = 0; round < 20000 + 512; round++) {
        size_t n;
        if (round < 512) {
            s[0] = 'q';
            s[1] = (char)(round & 255);
            s[2] = 'x';
            n = round < 256 ? 3 : 2;
            if (round >= 256)
                s[0] = (char)(round & 255), s[1] = 'B';
        } else {
            r = r * 6364136223846793005ul + 1442695040888963407ul;
            n = (size_t)(r >> 59) + 1;
            for (size_t i = 0; i < n; i++) {
                r = r * 6364136223846793005ul + 1442695040888963407ul;
                s[i] = pool[(r >> 33) % (sizeof pool - 1)];
            }
        }
        size_t a1 = 0, a2 = 0, l1, l2;
        const char *w1 = NULL, *w2 = NULL;
        unsigned f1 = 0, f2 = 0;
        do {
            l1 = cd_class_next_word(s, n, &a1, &w1, &f1);
            l2 = S_ref_next(s, n, &a2, &w2, &f2);
            if (l1 != l2 || a1 != a2 || (l1 && (w1 != w2 || f1 != f2)))
                bad++;
        } while (l1 && l2 && l1 == l2);
    }
    OK(bad == 0, "the byte table splits as cd_isalnum and cd_isspace did");
}

/* util/ctype's tables: each byte's class and lower case as the range
 * tests give them (cd_eq_nocase reads cd_lower_bytes). */
static void test_tables(void)
{
    int bad = 0;
    for (int c = 0; c < 256; c++) {
        unsigned k = cd_class_bytes[c];
        int lc = c >= 'A' && c <= 'Z' ? c + 32 : c;
        bad += cd_lower_bytes[c] != lc || cd_tolower(c) != lc;
        bad += !cd_isalpha(c) != !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
        bad += !(k & CD_CWB_ALNUM) != !S_ref_alnum(c) || !cd_isalnum(c) != !S_ref_alnum(c);
        bad += !(k & CD_CWB_SPACE) != !S_ref_space(c) || !cd_isspace(c) != !S_ref_space(c);
        bad += !(k & CD_CWB_UPPER) != !(c >= 'A' && c <= 'Z');
        bad += !(k & CD_CWB_LOWER) != !(c >= 'a' && c <= 'z');
        for (int d = 1; d < 256; d++) {
            char s1[2] = {(char)c, 0}, l1[2] = {(char)d, 0};
            bad += cd_eq_nocase(s1, 1, l1) != ((c >= 'A' && c <= 'Z' ? c + 32 : c) == (d >= 'A' && d <= 'Z' ? d + 32 : d));
        }
    }
    for (int c = -300; c < 0; c++)
        bad += cd_isalnum(c) || cd_isspace(c) || cd_isalpha(c) || cd_tolower(c) != c;
    for (int c = 256; c < 70000; c++)
        bad += cd_isalnum(c) || cd_isspace(c) || cd_isalpha(c) || cd_tolower(c) != c;
    OK(bad == 0, "byte tables agree with the range tests");
    OK(cd_eq_nocase("ArTicle", 7, "article") && !cd_eq_nocase("Articl", 6, "article") &&
           !cd_eq_nocase("Articles", 8, "article") && cd_eq_nocase("", 0, ""),
       "cd_eq_nocase lengths");
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
    test_reference();
    test_tables();
    return cd_t_done();
}
