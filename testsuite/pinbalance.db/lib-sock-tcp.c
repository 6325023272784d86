/*
 * The protocol's sendmsg (db.exp, with lib-sock-skb.c): it passes the
 * msghdr's iterator on to the socket buffer, and sends its control
 * messages from a kernel iterator it makes itself.
 */
#include "driver-api.h"

struct kvec {
	void *iov_base;
	size_t iov_len;
};

struct xmsghdr {
	unsigned int msg_flags;
	struct iov_iter msg_iter;
};

ssize_t xskb_splice_from_iter(void *skb, struct iov_iter *iter,
			      size_t maxsize);
ssize_t xskb_fill_from_iter(void *skb, struct iov_iter *from, size_t len);
void *xskb_alloc(void *sk);
void xsk_lock(void *sk);
void xsk_unlock(void *sk);

int xtcp_sendmsg_locked(void *sk, struct xmsghdr *msg, size_t size)
{
	void *skb = xskb_alloc(sk);
	ssize_t copied;

	if (!skb)
		return -ENOMEM;
	copied = xskb_splice_from_iter(skb, &msg->msg_iter, size);
	return copied < 0 ? (int)copied : 0;
}

int xtcp_sendmsg(void *sk, struct xmsghdr *msg, size_t size)
{
	int ret;

	xsk_lock(sk);
	ret = xtcp_sendmsg_locked(sk, msg, size);
	xsk_unlock(sk);
	return ret;
}

int xtcp_send_ack(void *sk, void *opts, size_t len)
{
	struct kvec vec = { opts, len };
	struct iov_iter from;
	void *skb = xskb_alloc(sk);

	if (!skb)
		return -ENOMEM;
	iov_iter_kvec(&from, 1, &vec, 1, len);
	return xskb_fill_from_iter(skb, &from, len) < 0 ? -EIO : 0;
}
