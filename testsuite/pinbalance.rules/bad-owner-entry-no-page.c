/* An owner that keeps a page in a scatterlist entry ('entry=') needs the page ('pages=') or, for a helper that takes its own, their kind ('kind='). */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-owner-entry-no-page.rules" } */
/* { dg-regexp "bad-owner-entry-no-page.rules:1:28: error: an owner with 'entry=' needs one of 'pages=' \\(the page it is given\\) or 'kind=' \\(of the pages it takes itself\\)" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
