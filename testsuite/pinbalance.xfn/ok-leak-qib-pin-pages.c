/*
 * Reduced from qib_user_sdma_pin_pages() and qib_user_sdma_page_to_frags()
 * (drivers/infiniband/hw/qib/qib_user_sdma.c, Linux 6.12).  Each chunk of
 * at most 8 pages is pinned with a count 'j' that is a PHI of the call's
 * block (8, or what is left); a short pin ('ret != j') unpins the 'ret'
 * pages it got, one by one, in the loop at free_pages (i = 0, j = ret).
 * A full pin gives each page to the file's own helper, which owns it from
 * then on: when it cannot map the page it unpins it itself ("current page
 * has been taken care of"), so the caller skips it (i++) and unpins only
 * the pages after it.  Nothing leaks.
 */
#include "driver-api.h"

typedef unsigned short u16;

struct qib_devdata {
	struct device *dev;
};

struct qib_user_sdma_frag {
	struct page *page;
	void *kvaddr;
	dma_addr_t addr;
	u16 offset, length, put_page, dma_mapped;
};

struct qib_user_sdma_pkt {
	unsigned int naddr, addrlimit;
	struct qib_user_sdma_frag addr[16];
};

void __free_page(struct page *page);

static void qib_user_sdma_init_frag(struct qib_user_sdma_pkt *pkt, int i,
				    u16 offset, u16 len, u16 put_page,
				    u16 dma_mapped, struct page *page,
				    void *kvaddr, dma_addr_t dma_addr)
{
	pkt->addr[i].offset = offset;
	pkt->addr[i].length = len;
	pkt->addr[i].put_page = put_page;
	pkt->addr[i].dma_mapped = dma_mapped;
	pkt->addr[i].page = page;
	pkt->addr[i].kvaddr = kvaddr;
	pkt->addr[i].addr = dma_addr;
}

static int qib_user_sdma_page_to_frags(const struct qib_devdata *dd,
				       struct qib_user_sdma_pkt *pkt,
				       struct page *page, u16 put,
				       u16 offset, u16 len, void *kvaddr)
{
	dma_addr_t dma_addr = dma_map_page(dd->dev, page, offset, len,
					   DMA_TO_DEVICE);
	int ret = 0;

	if (dma_mapping_error(dd->dev, dma_addr)) {
		/*
		 * dma mapping error, pkt has not managed
		 * this page yet, return the page here so
		 * the caller can ignore this page.
		 */
		if (put)
			unpin_user_page(page);
		else
			__free_page(page);
		ret = -ENOMEM;
		goto done;
	}

	/* fill the next fragment in this page */
	qib_user_sdma_init_frag(pkt, pkt->naddr, 0, len, put, 1, page,
				kvaddr, dma_addr);
	pkt->naddr++;
	if (pkt->naddr == pkt->addrlimit)
		ret = -EFAULT;
done:
	return ret;
}

/* return number of pages pinned... */
int qib_user_sdma_pin_pages(const struct qib_devdata *dd,
			    struct qib_user_sdma_pkt *pkt,
			    unsigned long addr, int tlen, size_t npages)
{
	struct page *pages[8];
	int i, j;
	int ret = 0;

	while (npages) {
		if (npages > 8)
			j = 8;
		else
			j = npages;

		ret = pin_user_pages_fast(addr, j, FOLL_LONGTERM, pages);
		if (ret != j) {
			i = 0;
			j = ret;
			ret = -ENOMEM;
			goto free_pages;
		}

		for (i = 0; i < j; i++) {
			/* map the pages... */
			unsigned long fofs = addr & ~PAGE_MASK;
			int flen = ((fofs + tlen) > PAGE_SIZE) ?
				(PAGE_SIZE - fofs) : tlen;

			ret = qib_user_sdma_page_to_frags(dd, pkt,
				pages[i], 1, fofs, flen, NULL);
			if (ret < 0) {
				/* current page has beed taken
				 * care of inside above call.
				 */
				i++;
				goto free_pages;
			}

			addr += flen;
			tlen -= flen;
		}

		npages -= j;
	}

	goto done;

	/* if error, return all pages not managed by pkt */
free_pages:
	while (i < j)
		unpin_user_page(pages[i++]);

done: /* { dg-bogus "leak" } */
	return ret;
}
