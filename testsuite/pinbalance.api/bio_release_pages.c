/* bio_release_pages() drops whatever the bio holds; twice is a double release. */
#include "pin-api.h"

int dio_bio_twice(struct bio *bio, struct iov_iter *iter)
{
	if (bio_iov_iter_get_pages(bio, iter))
		return -EFAULT;
	bio_release_pages(bio, true);
	bio_release_pages(bio, true); /* { dg-warning "released twice|double" } */
	return 0;
}
