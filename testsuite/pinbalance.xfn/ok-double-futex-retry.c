/*
 * Reduced from Linux 6.12 kernel/futex/core.c, get_futex_key().  The page
 * is taken by get_user_pages_fast() into the local 'page', writable first
 * and, for a read, again read-only when that faults: two sites, one
 * container.  When the folio's mapping is seen changing under it, the
 * function drops its reference (folio_put) and goes back to 'again' to
 * take the page anew.  Every reference taken is put exactly once: the
 * folio_put()s after a retry release the page the retry took, never the
 * one put before the 'goto again', even when the retry took it through
 * the other call than the iteration before.
 */
#include "pin-api.h"

#define FUTEX_READ	0
#define FUT_OFF_INODE	1
#define FUT_OFF_MMSHARED 2

struct address_space {
	void *host;
};
struct folio_ext {
	struct folio folio;
	struct address_space *mapping;
	unsigned long index;
};

union futex_key {
	struct {
		unsigned long word;
		void *ptr;
		int offset;
	} both;
};

/* include/linux/pagemap.h, page-flags.h, rcupdate.h: unknown code here */
void folio_lock(struct folio *folio);
void folio_unlock(struct folio *folio);
bool folio_test_swapcache(struct folio *folio);
bool folio_test_anon(const struct folio *folio);
void rcu_read_lock(void);
void rcu_read_unlock(void);
bool should_fail_futex(bool fshared);

#define READ_ONCE(x)	(*(const volatile typeof(x) *)&(x))
#define folio_mapping_of(f)	(((struct folio_ext *)(f))->mapping)

int get_futex_key(unsigned long address, bool fshared, union futex_key *key,
		  int rw)
{
	struct page *page;
	struct folio *folio;
	struct address_space *mapping;
	int err, ro = 0;

	key->both.offset = address % PAGE_SIZE;
	if (unlikely((address % sizeof(unsigned int)) != 0))
		return -EINVAL;
	address -= key->both.offset;

	if (!fshared) {
		key->both.word = address;
		return 0;
	}

again:
	/* Ignore any VERIFY_READ mapping (futex common case) */
	if (unlikely(should_fail_futex(true)))
		return -EFAULT;

	err = get_user_pages_fast(address, 1, FOLL_WRITE, &page);
	/*
	 * If write access is not required (eg. FUTEX_WAIT), try
	 * and get read-only access.
	 */
	if (err == -EFAULT && rw == FUTEX_READ) {
		err = get_user_pages_fast(address, 1, 0, &page);
		ro = 1;
	}
	if (err < 0)
		return err;
	else
		err = 0;

	folio = page_folio(page);
	mapping = READ_ONCE(folio_mapping_of(folio));

	if (unlikely(!mapping)) {
		int shmem_swizzled;

		folio_lock(folio);
		shmem_swizzled = folio_test_swapcache(folio) ||
				 folio_mapping_of(folio);
		folio_unlock(folio);
		folio_put(folio); /* { dg-bogus "double release" } */

		if (shmem_swizzled)
			goto again;

		return -EFAULT;
	}

	if (folio_test_anon(folio)) {
		if (unlikely(should_fail_futex(true)) || ro) {
			err = -EFAULT;
			goto out;
		}
		key->both.offset |= FUT_OFF_MMSHARED;
		key->both.word = address;
	} else {
		void *inode;

		rcu_read_lock();

		if (READ_ONCE(folio_mapping_of(folio)) != mapping) {
			rcu_read_unlock();
			folio_put(folio); /* { dg-bogus "double release" } */

			goto again;
		}

		inode = READ_ONCE(mapping->host);
		if (!inode) {
			rcu_read_unlock();
			folio_put(folio); /* { dg-bogus "double release" } */

			goto again;
		}

		key->both.offset |= FUT_OFF_INODE;
		key->both.ptr = inode;
		key->both.word = ((struct folio_ext *)folio)->index;
		rcu_read_unlock();
	}

out:
	folio_put(folio); /* { dg-bogus "double release" } */
	return err;
}
