/* A derive returns the same page as an argument ('from=') or the page of a scatterlist entry ('entry='), not both. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-derive-from-and-entry.rules" } */
/* { dg-regexp "bad-derive-from-and-entry.rules:1:39: error: 'derive' needs one of from= or entry=" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
