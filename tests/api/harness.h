/* A tiny test harness (cmark's style): OK, INT_EQ, STR_EQ; prints a closing
 * line "N passed, N failed" and exits non-zero when anything failed. */
#ifndef CD_TEST_HARNESS_H
#define CD_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

static int cd_t_pass, cd_t_fail;

#define OK(cond, ...)                                                                              \
    do {                                                                                           \
        if (cond) {                                                                                \
            cd_t_pass++;                                                                           \
        } else {                                                                                   \
            cd_t_fail++;                                                                           \
            fprintf(stderr, "FAIL %s:%d: %s ", __FILE__, __LINE__, #cond);                         \
            fprintf(stderr, " " __VA_ARGS__);                                                      \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

#define INT_EQ(got, want, ...)                                                                     \
    do {                                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                                   \
        OK(g_ == w_, "%s: got %lld, want %lld", #got, g_, w_);                                     \
    } while (0)

#define STR_EQ(got, want, ...)                                                                     \
    do {                                                                                           \
        const char *g_ = (got), *w_ = (want);                                                      \
        OK(g_ && w_ ? strcmp(g_, w_) == 0 : g_ == w_, "%s: got \"%s\", want \"%s\"", #got,          \
           g_ ? g_ : "(null)", w_ ? w_ : "(null)");                                                \
    } while (0)

static inline int cd_t_done(void)
{
    printf("%d passed, %d failed\n", cd_t_pass, cd_t_fail);
    return cd_t_fail ? 1 : 0;
}

#endif
