/* count=one is for a page returned by the call. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-count-one.rules" } */
/* { dg-regexp "bad-count-one.rules:1:47: error: 'count=one' goes with 'page=return' or 'pages=return', and only with them" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
