/* extract/boiler: stock phrases of page chrome; see boiler.c. */
#ifndef CD_EXTRACT_BOILER_H
#define CD_EXTRACT_BOILER_H

#include <stddef.h>

/* Blocks longer than this many bytes are never judged by phrase. */
#define CD_BOILER_MAX 160

#define CD_BOILER_CHROME 1 /* a stock chrome phrase */
#define CD_BOILER_DONATE 2 /* a donation label ("Donate now"): as a link, its box is an appeal */
#define CD_BOILER_COPYRIGHT 3 /* a copyright line with a year: chrome whose holder src/news reads */

/* Paragraphs longer than this many bytes are never judged as prompts. */
#define CD_PROMPT_MAX 400

/* Is text[0..len) (a short block's whole text) a stock chrome phrase (returns
 * CD_BOILER_CHROME), a copyright line opening with the mark and a year
 * (CD_BOILER_COPYRIGHT), a donation label (CD_BOILER_DONATE) or neither (0)? */
int cd_boiler_phrase(const char *text, size_t len);

/* Is text[0..len) (a paragraph holding a link) a sign-up prompt: it names
 * what it offers (a newsletter, the reader's inbox) and asks ("sign up",
 * "subscribe", "join")? */
int cd_boiler_prompt(const char *text, size_t len);

/* Can text[0..len) (a short block holding a <time>) be a time stamp or
 * byline line ("Le Monde | 04.05.2015 à 13h36 • Mis à jour le …")? Not
 * when it holds a sentence break: then it is a post or a paragraph. */
int cd_boiler_stamp(const char *text, size_t len);

#endif
