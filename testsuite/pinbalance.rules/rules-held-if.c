/* An acquire held only where its flag is set ('held-if=*arg4'): a branch
 * on the flag tells the caller whether it must drop the references. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/held-if.rules" } */
#include "driver-api.h"

struct iov_iter;
struct xport_req {
	int need_drop;
	int len;
};

int xport_map_pages(struct iov_iter *data, struct page ***pages, int count,
		    int *need_drop);
int xport_send(struct page **pages, int len);

/* the flag in the request: dropped where set, the array freed always */
int xport_write(struct xport_req *req, struct iov_iter *data)
{
	struct page **pages = NULL;
	int n, err;

	n = xport_map_pages(data, &pages, req->len, &req->need_drop);
	if (n < 0)
		return n;
	err = xport_send(pages, n);
	if (req->need_drop)
		release_pages(pages, DIV_ROUND_UP(n, PAGE_SIZE));
	kvfree(pages); /* { dg-bogus "leak" } */
	return err;
}

/* a short mapping: the array is freed with the references the flag
 * says were taken */
int xport_read(struct xport_req *req, struct iov_iter *data)
{
	struct page **pages = NULL;
	int n, err;

	n = xport_map_pages(data, &pages, req->len, &req->need_drop);
	if (n < 0)
		return n;
	if (n != req->len) {
		kvfree(pages); /* { dg-warning "leak of page references taken by 'xport_map_pages'" } */
		return -5;
	}
	err = xport_send(pages, n);
	if (req->need_drop)
		release_pages(pages, DIV_ROUND_UP(n, PAGE_SIZE));
	kvfree(pages);
	return err;
}

/* the flag is the caller's: which pages are held cannot be told here */
int xport_map_for(struct iov_iter *data, int *need_drop)
{
	struct page **pages = NULL;
	int n;

	n = xport_map_pages(data, &pages, 4096, need_drop);
	if (n < 0)
		return n;
	kvfree(pages); /* { dg-bogus "leak" } */
	return 0;
}
