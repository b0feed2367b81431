/* news/parts_text: the text patterns of the article parts (parts_text.c),
 * used by the tree walk in parts.c. Every function reads s[0..n) (not
 * NUL-terminated unless said) and allocates nothing. */
#ifndef CD_NEWS_PARTS_TEXT_H
#define CD_NEWS_PARTS_TEXT_H

#include <stddef.h>
#include <stdint.h>

#define CD_PARTS_PHOTO_LINE 120u  /* a standalone photo credit is at most this long */
#define CD_PARTS_CREDIT_MAX 240u  /* a closing credit line is at most this long */
#define CD_PARTS_DATELINE_MAX 60u /* bytes of place, region and date */

/* A dateline found at the start of a paragraph: the place (with its region
 * and date) is s[place_at, place_end), the agency in parentheses (if any)
 * s[agency_at, agency_end), and the paragraph's own text starts at end. */
typedef struct cd_parts_dl {
    uint32_t place_at, place_end;
    uint32_t agency_at, agency_end;
    uint32_t end;
    /* An agency opener without a dash: 1 a known wire, 2 an outlet only
     * (the caller checks it names the site). */
    uint8_t nodash;
} cd_parts_dl;

/* "WASHINGTON —", "NEW YORK, Nov 6 (Reuters) -", "LONDON:", "Tehran, Iran —"
 * opening s, followed by a sentence on the same line. 1 when found. */
int cd_parts_dateline(const char *s, size_t n, cd_parts_dl *d);
/* The same; mixed_colon also takes a place in mixed case closed by a colon
 * ("New Delhi: The board …"), which the caller has other grounds for (the
 * place set in bold alone, or wire copy). */
int cd_parts_dateline_ex(const char *s, size_t n, cd_parts_dl *d, int mixed_colon);
/* Or'ed into mixed_colon: also one word in mixed case before a spaced dash
 * ("Colombo - Sri Lanka's …"), which the caller has grounds for (the very
 * start of a dated story's first block), a sentence of 12 words or more
 * after it, no title. */
#define CD_PARTS_DL_MIXED_DASH 2
/* Or'ed into mixed_colon: the very start of the story's first block, where a
 * place in mixed case that news-places.txt knows ("Mumbai:", "Cape Town -")
 * opens a dateline before a colon or a spaced dash. */
#define CD_PARTS_DL_FIRST 4
/* "(CNN) —", "(CBS/AP) —", "Jan. 11 (Bloomberg) --", "(CBS) The …": an
 * agency or outlet alone opening s (place empty; nodash set when no dash). */
int cd_parts_agency_opener(const char *s, size_t n, cd_parts_dl *d);

enum { CD_PARTS_CREDIT_NONE, CD_PARTS_CREDIT_LINE, CD_PARTS_CREDIT_STAFF, CD_PARTS_CREDIT_SOURCE };
/* Is the whole line s a closing credit? CD_PARTS_CREDIT_STAFF for a staff
 * sign-off ("Reporting by …; Editing by …"), CD_PARTS_CREDIT_LINE for an
 * attribution ("Al Jazeera and Reuters", "X contributed to this report."),
 * CD_PARTS_CREDIT_SOURCE for a "Source: NAME" line naming no wire (a credit
 * only where it closes the story). */
int cd_parts_credit_line(const char *s, size_t n);
/* A line saying where the story ran first ("This article was originally
 * published on page 20 of The Pretoria News on …"): the length of the
 * paper's name, its offset in *at (after trimming s); 0 when s is none. */
size_t cd_parts_syndication_name(const char *s, size_t n, size_t *at);
/* The offset of a trailing "(Reporting by …)" in a paragraph, or n. */
size_t cd_parts_signoff(const char *s, size_t n);

/* Is the whole line s a date line: a date or a time with at most three other
 * words ("Posted: 7:54 am EST January 23, 2008", "Associated Press - January
 * 11, 2008 4:13 PM ET", "3 days ago")? */
int cd_parts_date_line(const char *s, size_t n);
/* Is the whole line s a date line and a place in parentheses after it,
 * a colon or none ("Saturday, December 29, 2007 (New Delhi)")? The place is
 * s[*pa, *pb). */
int cd_parts_date_place(const char *s, size_t n, size_t *pa, size_t *pb);

/* Are s[a, b) one to three capitalised words naming a place or its region
 * (no weekday, month or label)? mixed: each word holds a lower-case letter. */
int cd_parts_place_words(const char *s, size_t a, size_t b, int mixed);

/* The photo-credit label opening s ("Photo:", "Photograph:", "©" …): its
 * length, or 0. */
size_t cd_parts_photo_label(const char *s, size_t n);
/* Is the whole line s a photo credit? standalone: a line of its own in the
 * body (a bare "© 2024 Site" is then a copyright footer). *val: where the
 * credit starts after its label. */
int cd_parts_photo_line(const char *s, size_t n, int standalone, size_t *val);
/* Is the whole of s a photo credit without a label: wires, photo houses
 * and names joined by '/', ',' or " via ", one a wire or a photo house
 * ("Getty Images", "iStock/Getty", "AFP via Getty Images")? */
int cd_parts_credit_only(const char *s, size_t n);
/* Is the whole of s slash-joined capitalised names, no agency needed
 * ("Javier Zarracina/Vox", "Thea Traff, The New York Times/Redux"): a
 * credit's shape, to be trusted only where the markup sets the line apart
 * from a caption (its own element closing a figure's caption)? */
int cd_parts_slash_names(const char *s, size_t n);
/* A photo credit ending the caption s: [*cs, n) leaves the caption, [*vs, *ve)
 * is the credit. */
int cd_parts_photo_trailing(const char *s, size_t n, size_t *cs, size_t *vs, size_t *ve);
/* Is s (the whole of it) a news agency or wire service ("AFP", "Reuters")? */
int cd_parts_is_agency(const char *s, size_t n);
/* The next name of a list joined by '/', ',', '&', " and " (and a dash when
 * dash is set) in s[*pos, end), trimmed, in s[*a, *b); 0 when done. */
int cd_parts_list_next(const char *s, size_t end, size_t *pos, int dash, size_t *a, size_t *b);
/* Does s name an agency that only credits pictures (Getty, AP Photo, …)? */
int cd_parts_photo_agency(const char *s, size_t n);
/* The wire a logo picture's file name names ("thecanadianpress_logo.gif"), or NULL. */
const char *cd_parts_agency_logo(const char *src, size_t n);
/* The end of a caption once the separators before its cut credit are gone. */
size_t cd_parts_caption_end(const char *s, size_t n);
/* Is the NUL-terminated caption c only a label ("Photo") or a file name? */
int cd_parts_bare_label(const char *c);

/* Trim spaces, outer parentheses/brackets, emphasis marks and leading dashes. */
void cd_parts_trim(const char **s, size_t *n);
/* Does s start with lit (ASCII case-insensitive)? */
int cd_parts_starts(const char *s, size_t n, const char *lit);
/* Words of prose in s (runs of letters, "20261h" and "(22K)" are not). */
unsigned cd_parts_words(const char *s, size_t n);
/* The same, counted up to max at most (min(words, max)). */
unsigned cd_parts_words_max(const char *s, size_t n, unsigned max);
/* Does s read like a byline, a date line, a disclosure or a bio rather than a
 * standfirst? */
int cd_parts_not_deck(const char *s, size_t n);
/* Is s in Title Case (a section heading rather than a sentence)? */
int cd_parts_title_case(const char *s, size_t n);

#endif
