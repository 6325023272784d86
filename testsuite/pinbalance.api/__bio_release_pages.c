/* __bio_release_pages() is what bio_release_pages() calls: a release of the bio's pages. */
#include "pin-api.h"

int dio_bio_release_twice(struct bio *bio, struct iov_iter *iter)
{
	if (bio_iov_iter_get_pages(bio, iter))
		return -EFAULT;
	__bio_release_pages(bio, false);
	bio_release_pages(bio, false); /* { dg-warning "released twice|double" } */
	return 0;
}
