/* ok-leak-skb-frags-merged-page-ref-sub.c with the page_ref_sub() after
 * the loop gone: the pages merged into the last frag keep the references
 * iov_iter_get_pages2() took.  Missed: the iterations that merged a page
 * (held) are absorbed on the back edge by those that handed theirs over,
 * the price of the false alarm the absorption removes (the word does not
 * say which iterations' pages refs still counts). */
#include "pin-api.h"

#define MAX_SKB_FRAGS 17
#define PAGE_SHIFT 12
#define EMSGSIZE 90
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))

typedef struct skb_frag {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
} skb_frag_t;

struct skb_shared_info {
	unsigned char nr_frags;
	skb_frag_t frags[MAX_SKB_FRAGS];
};

struct sk_buff {
	unsigned int len, data_len, truesize;
	struct skb_shared_info *shinfo;
};

#define skb_shinfo(skb) ((skb)->shinfo)

size_t iov_iter_count(const struct iov_iter *i);

static inline struct page *skb_frag_page(const skb_frag_t *frag)
{
	return frag->bv_page;
}

static inline unsigned int skb_frag_off(const skb_frag_t *frag)
{
	return frag->bv_offset;
}

static inline unsigned int skb_frag_size(const skb_frag_t *frag)
{
	return frag->bv_len;
}

static inline void skb_frag_size_add(skb_frag_t *frag, int delta)
{
	frag->bv_len += delta;
}

void skb_fill_page_desc_noacc(struct sk_buff *skb, int i, struct page *page,
			      int off, int size);

int __zerocopy_sg_from_iter(struct sk_buff *skb, struct iov_iter *from,
			    size_t length)
{
	int frag = skb_shinfo(skb)->nr_frags;

	while (length && iov_iter_count(from)) {
		struct page *pages[MAX_SKB_FRAGS];
		struct page *last_head = NULL;
		size_t start;
		ssize_t copied;
		int refs, n = 0;

		if (frag == MAX_SKB_FRAGS)
			return -EMSGSIZE;

		copied = iov_iter_get_pages2(from, pages, length,
					     MAX_SKB_FRAGS - frag, &start);
		if (copied < 0)
			return -EFAULT;

		length -= copied;

		skb->data_len += copied;
		skb->len += copied;
		skb->truesize += PAGE_ALIGN(copied + start);
		for (refs = 0; copied != 0; start = 0) {
			int size = copied < (ssize_t)(PAGE_SIZE - start) ?
				   copied : (int)(PAGE_SIZE - start);
			struct page *head = compound_head(pages[n]);

			start += (pages[n] - head) << PAGE_SHIFT;
			copied -= size;
			n++;
			if (frag) {
				skb_frag_t *last = &skb_shinfo(skb)->frags[frag - 1];

				if (head == skb_frag_page(last) &&
				    start == skb_frag_off(last) + skb_frag_size(last)) {
					skb_frag_size_add(last, size);
					/* We combined this page, we need to release
					 * a reference. Since compound pages refcount
					 * is shared among many pages, batch the refcount
					 * adjustments to limit false sharing.
					 */
					last_head = head;
					refs++;
					continue;
				}
			}
			if (refs) {
				page_ref_sub(last_head, refs);
				refs = 0;
			}
			skb_fill_page_desc_noacc(skb, frag++, head, start, size);
		}
	}
	return 0; /* { dg-warning "leak of page references taken by .iov_iter_get_pages2." } */
}
