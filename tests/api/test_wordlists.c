/* The compiled word lists (src/lists/ via tools/gen_wordlists.py):
 * every set well formed, and the look-up's edge cases. */
#include <string.h>

#include "harness.h"
#include "util/wordset.h"
#include "wordlists.h"

static void test_sets_ok(void)
{
    int n = 0;
    for (const cd_wordset *const *s = cd_list_sets; *s; s++, n++)
        OK(cd_wordset_ok(*s), "set %s is not well formed", (*s)->name);
    OK(n > 0, "no sets compiled");
}

static void test_lookup(void)
{
    const cd_wordset *roles = &cd_list_aria_chrome_roles;
    OK(cd_wordset_has(roles, "navigation", 10), "");
    OK(cd_wordset_has(roles, "NaviGation", 10), "any ASCII case");
    OK(!cd_wordset_has(roles, "navigatio", 9), "a prefix is no entry");
    OK(!cd_wordset_has(roles, "navigations", 11), "nor a longer word");
    OK(!cd_wordset_has(roles, "menu\0", 5), "a zero byte never matches the padding");
    OK(!cd_wordset_has(roles, "me\0u", 4), "");
    OK(!cd_wordset_has(roles, "", 0), "");
    OK(cd_wordset_has(roles, "complementary", 13), "the longest entry");
    OK(!cd_wordset_has(roles, "complementaryy", 14), "");
    OK(!cd_wordset_has(roles, "\xc3\xa9", 2), "");
    /* Values: the OR of the hints files an entry is in. */
    OK(cd_wordset_get(&cd_list_hints, "author", 6) > 1, "author is in several hints files");
    INT_EQ(cd_wordset_get(&cd_list_hints, "authorx", 7), 0, "");
}

int main(void)
{
    test_sets_ok();
    test_lookup();
    return cd_t_done();
}
