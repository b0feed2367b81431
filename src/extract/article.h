/* extract/article: is the page one article? See article.c. */
#ifndef CD_EXTRACT_ARTICLE_H
#define CD_EXTRACT_ARTICLE_H

#include <stddef.h>

#include "../dom/dom.h"

/* What the page's structured data calls it: 2 an article by schema.org (a
 * JSON-LD object whose @type is an article type — Article, NewsArticle,
 * BlogPosting, ReportageNewsArticle … — or an element with such a microdata
 * itemtype); 1 an article by OpenGraph only (<meta property="og:type"
 * content="article">, which many sites put on every page); -1 another kind
 * of page only (og:type website or product, a forum posting, a question
 * page, a product, a list); 0 nothing said. Read from the tree directly (a scan of
 * the metas, the ld+json scripts and the itemtype attributes), not from
 * src/meta. */
int cd_article_typed(const cd_dom *dom);

/* cd_article_typed, and *discussion set when the structured data names the
 * page a forum thread (schema.org DiscussionForumPosting): its replies are
 * its content. A page also typed as an article returns 2 as soon as that
 * is seen, and *discussion may stay 0 (an article's comments stay out). */
int cd_article_typed_ex(const cd_dom *dom, int *discussion);

/* cd_article_typed, with what else the structured data says in *flags:
 * CD_TYPED_DISCUSSION as above; CD_TYPED_OTHER_KIND when it names a kind
 * of page that is no article (a schema.org product, list, FAQ, question,
 * forum thread, collection …, or og:type product), whatever else it names. */
#define CD_TYPED_DISCUSSION 1u
#define CD_TYPED_OTHER_KIND 2u
int cd_article_typed_flags(const cd_dom *dom, unsigned *flags);

/* Does text[0..len) hold a calendar date: a month name (English, French,
 * German, Spanish, Italian, Portuguese, Dutch; full or abbreviated) beside a
 * day or a year, a numeric date (15/01/2008, 2008-01-15, 01.15.08), or a CJK
 * one (2008年1月15日)? */
int cd_article_date(const char *text, size_t len);

/* Is word[0..len) a month name or abbreviation of those listed for
 * cd_article_date (any case)? */
int cd_article_month(const char *word, size_t len);

#endif
