/* The driver's own out-of-line helpers, described by mydrv.rules. */
#include "pin-api.h"

long mydrv_pin_buffer(unsigned long uaddr, int npages, struct page **pages);
void mydrv_unpin_buffer(struct page **pages, int npages);
struct page *mydrv_head_page(struct page *page);
void mydrv_sync_page(struct page *page);
void mydrv_queue_pages(void *queue, struct page **pages, int npages);
struct page **mydrv_alloc_table(int npages);
void mydrv_free_table(struct page **table);
bool MYDRV_FAILED(long ret);
void *MYDRV_ERR(long err);
long mydrv_get_buffer(unsigned long uaddr, int npages, struct page **pages);
