/* An owner whose failure leaves the pages ('on-success') cannot also drop them on failure ('consumes'). */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-consumes-on-success.rules" } */
/* { dg-regexp "bad-consumes-on-success.rules:1:37: error: 'consumes' and 'on-success' say opposite things of a failure" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
