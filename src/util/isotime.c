/* util/isotime: ISO 8601 / Unix time stamps as Unix seconds. */
#include "isotime.h"

long long cd_days_from_civil(long long y, unsigned m, unsigned d)
{
    /* Howard Hinnant's days_from_civil. */
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (long long)(m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* n digits at s[*i] as a number; -1 when they are not all digits. */
static long S_num(const char *s, size_t len, size_t *i, unsigned n)
{
    long v = 0;
    for (unsigned k = 0; k < n; k++, (*i)++) {
        if (*i >= len || s[*i] < '0' || s[*i] > '9')
            return -1;
        v = v * 10 + (s[*i] - '0');
    }
    return v;
}

int cd_time_parse(const char *s, size_t len, long long *out)
{
    size_t i = 0;
    if (!s || !len)
        return 0;
    if (s[0] == '@') {
        long long t = 0;
        if (len < 2 || len > 13)
            return 0;
        for (i = 1; i < len; i++) {
            if (s[i] < '0' || s[i] > '9')
                return 0;
            t = t * 10 + (s[i] - '0');
        }
        *out = t;
        return 1;
    }
    long y = S_num(s, len, &i, 4);
    if (y < 1970 || i >= len || s[i++] != '-')
        return 0;
    long mo = S_num(s, len, &i, 2);
    if (mo < 1 || mo > 12 || i >= len || s[i++] != '-')
        return 0;
    long d = S_num(s, len, &i, 2);
    if (d < 1 || d > 31)
        return 0;
    long h = 0, mi = 0, sec = 0, zone = 0;
    if (i < len) {
        if (s[i] != 'T' && s[i] != 't' && s[i] != ' ')
            return 0;
        i++;
        h = S_num(s, len, &i, 2);
        if (h < 0 || h > 23 || i >= len || s[i++] != ':')
            return 0;
        mi = S_num(s, len, &i, 2);
        if (mi < 0 || mi > 59)
            return 0;
        if (i < len && s[i] == ':') {
            i++;
            sec = S_num(s, len, &i, 2);
            if (sec < 0 || sec > 60)
                return 0;
            if (i < len && (s[i] == '.' || s[i] == ',')) {
                i++;
                size_t st = i;
                while (i < len && s[i] >= '0' && s[i] <= '9')
                    i++;
                if (i == st)
                    return 0;
            }
        }
        if (i < len && (s[i] == 'Z' || s[i] == 'z')) {
            i++;
        } else if (i < len && (s[i] == '+' || s[i] == '-')) {
            int neg = s[i++] == '-';
            long zh = S_num(s, len, &i, 2);
            if (zh < 0 || zh > 14)
                return 0;
            if (i < len && s[i] == ':')
                i++;
            long zm = S_num(s, len, &i, 2);
            if (zm < 0 || zm > 59)
                return 0;
            zone = (zh * 3600 + zm * 60) * (neg ? -1 : 1);
        }
        if (i != len)
            return 0;
    }
    long long t = cd_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400LL + h * 3600 + mi * 60 +
                  sec - zone;
    if (t < 0)
        return 0;
    *out = t;
    return 1;
}
