/* util/isotime: ISO 8601 / Unix time stamps as Unix seconds. */
#ifndef CD_UTIL_ISOTIME_H
#define CD_UTIL_ISOTIME_H

#include <stddef.h>

/* Days since 1970-01-01 of a proleptic Gregorian date (no range check). */
long long cd_days_from_civil(long long y, unsigned m, unsigned d);

/* s[0..len) as Unix seconds in *out: "@1415293200", "2014-11-06",
 * "2014-11-06T17:00", "2014-11-06T17:00:00", with optional fraction and zone
 * ("Z", "+01:00", "-0500"; none = UTC); 'T' or one space between date and
 * time. Returns 1, or 0 when malformed or before 1970. */
int cd_time_parse(const char *s, size_t len, long long *out);

#endif
