/* 'whole' belongs to acquire and 'on-success' to owner: on a release, 'whole' is an error. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-whole-on-release.rules" } */
/* { dg-regexp "bad-whole-on-release.rules:1:49: error: unexpected field 'whole' for 'release'" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
