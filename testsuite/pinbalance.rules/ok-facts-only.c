/* A database may hold only the questions and answers about callers'
 * iterators (a unit whose functions have no summary): it loads, and a
 * function with such lines keeps its rule. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/ok-facts-only.rules" } */
#include "pin-api.h"

void drop(struct page *page)
{
	put_page(page);
}
