/* An array release needs its count. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-release-count.rules" } */
/* { dg-regexp "bad-release-count.rules:1:43: error: expected 'count=argN' or 'count=all'" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
