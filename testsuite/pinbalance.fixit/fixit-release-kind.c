/*
 * A half-converted driver: each mismatch has a mechanical repair, the
 * release of the right kind with the same arguments, which GCC shows as a
 * fix-it and writes as a patch.
 */
#include "driver-api.h"

int vcap_map_one(unsigned long uaddr, struct page **out)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE | FOLL_LONGTERM, &page) != 1)
		return -EFAULT;
	if (PageReserved(page)) {
		put_page(page); /* { dg-warning "pinned page released with 'put_page'" } */
		/* { dg-regexp "fix-it:\"\[^\"\]*fixit-release-kind.c\":.15:3-15:11.:\"unpin_user_page\"" } */
		return -EINVAL;
	}
	*out = page;
	return 0;
}

int vcap_map_many(unsigned long uaddr, struct page **pages, int n)
{
	int got;

	got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);
	if (got <= 0)
		return got ? got : -EFAULT;
	if (got != n) {
		release_pages(pages, got); /* { dg-warning "pinned page released with 'release_pages'" } */
		/* { dg-regexp "fix-it:\"\[^\"\]*fixit-release-kind.c\":.31:3-31:16.:\"unpin_user_pages\"" } */
		return -EFAULT;
	}
	return got;
}

int vcap_peek(unsigned long uaddr, struct page **pages, int n)
{
	int got;

	got = get_user_pages_fast(uaddr, n, 0, pages);
	if (got <= 0)
		return got ? got : -EFAULT;
	unpin_user_pages(pages, got); /* { dg-warning "page reference from 'get_user_pages_fast' released with 'unpin_user_pages'" } */
	/* { dg-regexp "fix-it:\"\[^\"\]*fixit-release-kind.c\":.45:2-45:18.:\"release_pages\"" } */
	return 0;
}

int vcap_touch(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	unpin_user_page(page); /* { dg-warning "page reference from 'get_user_pages_fast' released with 'unpin_user_page'" } */
	/* { dg-regexp "fix-it:\"\[^\"\]*fixit-release-kind.c\":.56:2-56:17.:\"put_page\"" } */
	return 0;
}

int vcap_touch_folio(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	folio_put(page_folio(page)); /* { dg-warning "pinned page released with 'folio_put'" } */
	/* { dg-regexp "fix-it:\"\[^\"\]*fixit-release-kind.c\":.67:2-67:29.:\"unpin_user_page\\(page\\)\"" } */
	return 0;
}

int vcap_touch_head(unsigned long uaddr)
{
	struct page *page;
	struct folio *folio;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	folio = page_folio(page);
	folio_put(folio); /* { dg-warning "pinned page released with 'folio_put'" } */
	/* { dg-regexp "fix-it:\"\[^\"\]*fixit-release-kind.c\":.80:2-80:11.:\"unpin_folio\"" } */
	return 0;
}
