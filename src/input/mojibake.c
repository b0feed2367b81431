/* input/mojibake: repair UTF-8 that was encoded twice.
 *
 * Stage: input, the last step of decode. A page's own bytes sometimes hold
 * text that went through UTF-8 twice: UTF-8 bytes read as windows-1252 or
 * ISO-8859-1 and encoded as UTF-8 again, so "—" (E2 80 94) reaches us as
 * "â€”" or "â\u0080\u0094", "é" as "Ã©", "ń" as "Å\u0084". The text is valid
 * UTF-8 but wrong, and the reader (a search index, a language-model corpus)
 * cannot tell. ftfy (R. Speer) made the repair popular; this is a narrower,
 * conservative version of it (docs/decisions.md §11, measured in
 * docs/quality.md "Session 15, h/mojibake").
 *
 * A candidate is a character whose windows-1252 byte (ISO-8859-1 for
 * U+0080..U+00FF, so both routes) is a UTF-8 lead byte C2..F4, followed by the
 * characters whose bytes complete a valid UTF-8 sequence; the repair writes
 * the sequence's code point instead (always shorter, so it is done in place).
 * Real text forms such pairs too ("NESCAFÉ®", "Rosa × medioccidentis" with a
 * no-break space, "‘ß’", French "café »" with one), so a candidate is
 * repaired only when
 *  - the text run it sits in (the bytes between two '<' or '>': a text node,
 *    a tag with its attributes, a script) holds no other non-ASCII character:
 *    a run that also has a good "ä" is quoting mojibake or is real text (a
 *    page about mojibake quotes "Ã¤" next to "ä"); and
 *  - it is marked, or the page is mojibake through and through. Marked: one of
 *    its characters is a C1 control (U+0080..U+009F: never in text, the
 *    ISO-8859-1 route leaves them), or it is Â/Ã and one symbol (the
 *    mojibake of U+0080..U+00FF, whose lead letters end no word before a
 *    symbol in practice), â with € ‚ ƒ „ … † ‡ (punctuation, currency and
 *    arrows U+2000..U+21FF), ðŸ (emoji) or ï¿½ (U+FFFD). Others (Ð/Ñ
 *    Cyrillic, Å Latin Extended-A, × Hebrew, CJK) are repaired only on a
 *    page with at least S_MIN_MARKED marked candidates and at most one other
 *    non-ASCII character per S_DOMINANT candidates.
 * One level only (triple encoding comes out double-encoded). Two passes over
 * the text, each linear; nothing is allocated. */
#include <string.h>

#include "../util/utf8.h"
#include "input.h"

/* A page whose unmarked candidates may be repaired has at least this many
 * marked ones... */
#define S_MIN_MARKED 2u
/* ...and at most one non-ASCII character outside candidates per this many
 * candidates (fully double-encoded pages have none). */
#define S_DOMINANT 8u

/* The windows-1252 characters of 0x80..0x9F that are not C1 controls. */
static const struct {
    uint16_t cp;
    uint8_t byte;
} S_1252[] = {{0x0152, 0x8C}, {0x0153, 0x9C}, {0x0160, 0x8A}, {0x0161, 0x9A}, {0x0178, 0x9F},
              {0x017D, 0x8E}, {0x017E, 0x9E}, {0x0192, 0x83}, {0x02C6, 0x88}, {0x02DC, 0x98},
              {0x2013, 0x96}, {0x2014, 0x97}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201A, 0x82},
              {0x201C, 0x93}, {0x201D, 0x94}, {0x201E, 0x84}, {0x2020, 0x86}, {0x2021, 0x87},
              {0x2022, 0x95}, {0x2026, 0x85}, {0x2030, 0x89}, {0x2039, 0x8B}, {0x203A, 0x9B},
              {0x20AC, 0x80}, {0x2122, 0x99}};

/* The byte a continuation character stands for (0x80..0xBF), or 0. */
static unsigned S_cont_byte(uint32_t cp)
{
    if (cp >= 0x80 && cp <= 0xBF) return cp;
    if (cp < 0x152 || cp > 0x2122) return 0;
    for (size_t i = 0; i < sizeof S_1252 / sizeof S_1252[0]; i++)
        if (S_1252[i].cp == cp) return S_1252[i].byte;
    return 0;
}

typedef struct S_cand {
    size_t len;             /* bytes of text it spans */
    size_t k;               /* bytes of the sequence it stands for */
    unsigned char bytes[4]; /* that sequence */
    int marked;
} S_cand;

/* Is there a candidate at s[0..n) (s[0] >= 0x80)? Fills *c. */
static int S_candidate(const unsigned char *s, size_t n, S_cand *c)
{
    /* The lead character is U+00C2..U+00F4: C3 82..C3 B4. */
    if (n < 4 || s[0] != 0xC3 || s[1] < 0x82 || s[1] > 0xB4) return 0;
    unsigned char *b = c->bytes;
    b[0] = (unsigned char)(s[1] + 0x40);
    size_t k = b[0] < 0xE0 ? 2 : b[0] < 0xF0 ? 3 : 4;
    size_t at = 2;
    int c1 = 0;
    for (size_t j = 1; j < k; j++) {
        if (at >= n || s[at] < 0x80) return 0;
        uint32_t cp;
        size_t m = cd_utf8_decode(s + at, n - at, &cp);
        unsigned byte = S_cont_byte(cp);
        if (!byte) return 0;
        c1 |= cp <= 0x9F;
        b[j] = (unsigned char)byte;
        at += m;
    }
    uint32_t cp;
    if (cd_utf8_decode(b, k, &cp) != k) return 0; /* overlong, surrogate, past U+10FFFF */
    c->len = at;
    c->k = k;
    c->marked = c1 || (k == 2 && b[0] <= 0xC3) || (b[0] == 0xE2 && b[1] <= 0x87) ||
                (b[0] == 0xF0 && b[1] == 0x9F) || cp == 0xFFFD;
    return 1;
}

/* Length of the character at s (valid UTF-8, s[0] >= 0x80). */
static size_t S_char_len(const unsigned char *s, size_t n)
{
    uint32_t cp;
    return cd_utf8_decode(s, n, &cp);
}

/* The first i' >= i with s[i'] >= 0x80, or n: eight bytes a step. */
static size_t S_skip_ascii(const unsigned char *s, size_t i, size_t n)
{
    while (n - i >= 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull) break;
        i += 8;
    }
    while (i < n && s[i] < 0x80)
        i++;
    return i;
}

/* Count candidates over s[0..n): all, marked, and other non-ASCII characters. */
static void S_count(const unsigned char *s, size_t n, size_t *cands, size_t *marked, size_t *others)
{
    size_t i = 0;
    for (;;) {
        i = S_skip_ascii(s, i, n);
        if (i >= n) break;
        S_cand c;
        if (S_candidate(s + i, n - i, &c)) {
            ++*cands;
            *marked += (size_t)c.marked;
            i += c.len;
        } else {
            ++*others;
            i += S_char_len(s + i, n - i);
        }
    }
}

size_t cd_input_mojibake_marked(const unsigned char *s, size_t n)
{
    size_t cands = 0, marked = 0, others = 0;
    S_count(s, n, &cands, &marked, &others);
    return marked;
}

size_t cd_input_mojibake_repair(char *text, size_t *len)
{
    unsigned char *s = (unsigned char *)text;
    size_t n = *len, cands = 0, marked = 0, others = 0;
    S_count(s, n, &cands, &marked, &others);
    if (!marked) return 0;
    int unmarked_ok = marked >= S_MIN_MARKED && others <= cands / S_DOMINANT;

    size_t r = 0, w = 0, repaired = 0;
    while (r < n) {
        /* The run: up to the next '<' or '>' (kept as they are). */
        size_t e = r, other = 0, fix = 0;
        while (e < n && s[e] != '<' && s[e] != '>') {
            if (s[e] < 0x80) {
                e++;
                continue;
            }
            S_cand c;
            if (S_candidate(s + e, n - e, &c)) {
                fix += c.marked || unmarked_ok;
                e += c.len;
            } else {
                other++;
                e += S_char_len(s + e, n - e);
            }
        }
        if (fix && !other) {
            size_t i = r;
            while (i < e) {
                S_cand c;
                if (s[i] >= 0x80 && S_candidate(s + i, e - i, &c) && (c.marked || unmarked_ok)) {
                    memcpy(s + w, c.bytes, c.k); /* 2..4 bytes for 4..8 read */
                    w += c.k;
                    i += c.len;
                    repaired++;
                } else {
                    s[w++] = s[i++];
                }
            }
        } else {
            if (w != r) memmove(s + w, s + r, e - r);
            w += e - r;
        }
        if (e < n) s[w++] = s[e++];
        r = e;
    }
    *len = w;
    return repaired;
}
