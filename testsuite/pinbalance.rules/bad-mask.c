/* A when= mask is a number. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-mask.rules" } */
/* { dg-regexp "bad-mask.rules:1:65: error: expected a bit mask \\(decimal or 0x...\\)" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
