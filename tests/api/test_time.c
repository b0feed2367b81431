/* test_time: time stamps for --reference-time and WARC-Date (util/isotime.c,
 * copydesk_parse_time). */
#include <string.h>

#include "copydesk.h"
#include "harness.h"
#include "util/isotime.h"

static long long S_t(const char *s)
{
    long long t = -1;
    if (!cd_time_parse(s, strlen(s), &t))
        return -1;
    return t;
}

static void test_parse(void)
{
    INT_EQ(S_t("1970-01-01"), 0, "epoch");
    INT_EQ(S_t("2014-11-06T17:00:00Z"), 1415293200LL, "");
    INT_EQ(S_t("2014-11-06 17:00:00"), 1415293200LL, "space, no zone = UTC");
    INT_EQ(S_t("2014-11-06T17:00"), 1415293200LL, "minutes only");
    INT_EQ(S_t("2014-11-06T18:00:00+01:00"), 1415293200LL, "zone +01:00");
    INT_EQ(S_t("2014-11-06T12:00:00-0500"), 1415293200LL, "zone -0500");
    INT_EQ(S_t("2014-11-06T17:00:00.123Z"), 1415293200LL, "fraction");
    INT_EQ(S_t("2000-02-29"), 951782400LL, "leap day");
    INT_EQ(S_t("@1415293200"), 1415293200LL, "unix seconds");
    INT_EQ(S_t("@"), -1, "");
    INT_EQ(S_t("@12x"), -1, "");
    INT_EQ(S_t("bogus"), -1, "");
    INT_EQ(S_t("1969-12-31"), -1, "before 1970");
    INT_EQ(S_t("2014-13-01"), -1, "month 13");
    INT_EQ(S_t("2014-11-06T25:00"), -1, "hour 25");
    INT_EQ(S_t("2014-11-06T17:00:00Zjunk"), -1, "trailing junk");
    INT_EQ(S_t("2014-11-06T17"), -1, "hour alone");
    long long t = 0;
    INT_EQ(cd_time_parse("2014-11-06T17:00:00Z", 10, &t), 1, "a length-bounded prefix");
    INT_EQ(t, 1415232000LL, "");
    INT_EQ(copydesk_parse_time("2014-11-06T17:00:00Z", 20, &t), COPYDESK_OK, "");
    INT_EQ(t, 1415293200LL, "");
    INT_EQ(copydesk_parse_time("x", 1, &t), COPYDESK_ERR_ARG, "");
    INT_EQ(copydesk_parse_time(NULL, 0, &t), COPYDESK_ERR_ARG, "");
    INT_EQ(copydesk_parse_time("2014-11-06", 10, NULL), COPYDESK_ERR_ARG, "");
}

/* One instant written in several zones, across midnight (the comparison
 * pick_dates.c makes to keep a page's local form of a UTC stamp). */
static void test_same_instant(void)
{
    long long utc = S_t("2025-12-18T23:25:38+00:00");
    OK(utc > 0, "");
    INT_EQ(S_t("2025-12-19T04:25:38+05:00"), utc, "next day, east");
    INT_EQ(S_t("2025-12-19T04:25:38+0500"), utc, "offset without colon");
    INT_EQ(S_t("2025-12-18T18:25:38-05:00"), utc, "same day, west");
    INT_EQ(S_t("2025-12-18T23:25:38Z"), utc, "Z");
    OK(S_t("2025-12-19T04:25:38Z") != utc, "the local clock read as UTC is another instant");
}

int main(void)
{
    test_parse();
    test_same_instant();
    return cd_t_done();
}
