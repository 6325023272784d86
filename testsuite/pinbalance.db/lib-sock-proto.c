/*
 * The protocol's operations (db.exp, with lib-sock-skb.c): the socket
 * layer calls its sendmsg through this table, with whatever iterator the
 * system call made.
 */
#include "driver-api.h"

struct xmsghdr;

struct xproto {
	int (*sendmsg)(void *sk, struct xmsghdr *msg, size_t size);
};

int xtcp_sendmsg(void *sk, struct xmsghdr *msg, size_t size);

const struct xproto xtcp_prot = {
	.sendmsg = xtcp_sendmsg,
};
