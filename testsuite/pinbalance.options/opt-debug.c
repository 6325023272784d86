/* -fplugin-arg-pinbalance-debug traces the sites and, at each return,
   the states each site may be in, by name (the blocks of
   -fdump-tree-ssa). */
/* { dg-options "-O2 -fplugin-arg-pinbalance-debug" } */
/* { dg-regexp "pinbalance: drop: 1 sites \\(0 untracked\\)" } */
/* { dg-regexp "  site 0: pin_user_pages_fast single classes=ERR\\|FULL key=page level=0" } */
/* { dg-regexp "pinbalance:   return in bb \[0-9\]+ from bb \[0-9\]+: site 0 ERR:held" } */
/* { dg-regexp "pinbalance:   return in bb \[0-9\]+ from bb \[0-9\]+: site 0 FULL:released" } */
#include "pin-api.h"

int drop(unsigned long uaddr)
{
	struct page *page;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, 0, &page);
	if (ret != 1)
		return -EFAULT;
	unpin_user_page(page);
	return 0;
}
