/* An owner's 'kind=' says what it puts into a scatterlist: it goes with 'entry='. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-owner-kind-no-entry.rules" } */
/* { dg-regexp "bad-owner-kind-no-entry.rules:1:31: error: an owner's 'kind=' goes with 'entry=' \\(the scatterlist it fills\\)" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
