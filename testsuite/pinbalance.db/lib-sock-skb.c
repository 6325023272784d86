/*
 * A socket layer's page code, in three files as net/core/skbuff.c,
 * net/ipv4/tcp.c and net/ipv4/tcp_ipv4.c are: this file extracts the
 * pages of the iterator a protocol's sendmsg was given into a socket
 * buffer.  Whether that takes references depends on the iterator, which
 * only the callers, in other files, know: db.exp builds the database in
 * rounds (this file asks, lib-sock-tcp.c answers and asks about its own
 * sendmsg, lib-sock-proto.c answers that a function pointer calls it)
 * and checks that the stats give the reason from it.
 */
#include "driver-api.h"

int xskb_add_frags(void *skb, struct page **pages, unsigned int n);

/* MSG_SPLICE_PAGES: the user's pages go into the buffer's fragments */
ssize_t xskb_splice_from_iter(void *skb, struct iov_iter *iter,
			      size_t maxsize)
{
	struct page *pages[16], **ppages = pages;
	ssize_t len;
	size_t off;

	len = iov_iter_extract_pages(iter, &ppages, maxsize, 16, 0, &off);
	if (len <= 0)
		return len ?: -EIO;
	if (xskb_add_frags(skb, pages, DIV_ROUND_UP(off + len, PAGE_SIZE)))
		return -ENOMEM;
	return len;
}

/* a control message's payload: only kernel iterators come here */
ssize_t xskb_fill_from_iter(void *skb, struct iov_iter *from, size_t len)
{
	struct page *pages[4], **ppages = pages;
	ssize_t copied;
	size_t off;

	copied = iov_iter_extract_pages(from, &ppages, len, 4, 0, &off);
	if (copied <= 0)
		return copied ?: -EFAULT;
	if (xskb_add_frags(skb, pages, DIV_ROUND_UP(off + copied, PAGE_SIZE)))
		return -ENOMEM;
	return copied;
}
