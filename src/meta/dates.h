/* meta/dates: dates written in any common form, normalised to ISO 8601
 * (dates.c). Used by the sources, the pickers and the news stage. */
#ifndef CD_META_DATES_H
#define CD_META_DATES_H

#include <stddef.h>

/* Bytes of a normalised date with its NUL: the longest,
 * "YYYY-MM-DDTHH:MM:SS+HH:MM", takes 26. */
#define CD_META_DATE_LEN 40u

/* Normalise a date written s[0..len) to ISO 8601 in out (CD_META_DATE_LEN
 * bytes): "YYYY-MM-DD", or with "THH:MM:SS" and a zone when the source gave them.
 * whole: the date must be (nearly) all of s; otherwise the first date found in s.
 * dayfirst: 1 when the page's language reads 06/11 as 6 November, -1 as June 11,
 * 0 unknown (ambiguous numeric dates are then refused). Returns the length or 0. */
size_t cd_meta_date_norm(const char *s, size_t len, int whole, int dayfirst, char *out);
/* The order of day and month in the first date written s[0..len): 1 day
 * first ("3 October 2023", "16/02/2026"), -1 month first ("October 3,
 * 2023", "02/16/2026"), 0 when it does not tell. */
int cd_meta_date_order(const char *s, size_t len);
/* A relative date ("3 hours ago", "vor 3 Stunden", "il y a 3 jours", "hace 3
 * horas", "3 dagen geleden", "yesterday", "gestern" …) counted back from
 * ref (Unix seconds, UTC): "YYYY-MM-DD" in out, or 0 (also when ref is 0). */
size_t cd_meta_date_relative(const char *s, size_t len, long long ref, char *out);
/* The month (1-12) named by word w[0..n): a full name of months.txt (any
 * language dates are read in) or an abbreviation of at least three letters
 * that names one month only ("Nov", "Sept", "févr"), any case; else 0. */
int cd_meta_month(const char *w, size_t n);
/* A line giving day and month without a year ("Islamabad, Jan 14", "08/01
 * 13:27 CET") read in the year of reference day ry-rm-rd: the latest such
 * day not after it, within 31 days; 0 when none (dates.c). */
size_t cd_meta_date_yearless(const char *s, size_t len, int dayfirst, int ry, int rm, int rd, char *out);
/* A date in a URL path (/2014/11/06/, /2014-11-06-…, /20141106/); 0 when none. */
size_t cd_meta_date_from_url(const char *url, size_t len, char *out);

#endif
