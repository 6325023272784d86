/* A test's meaning is a comparison with 0. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-test-means.rules" } */
/* { dg-regexp "bad-test-means.rules:1:33: error: expected a comparison with 0, or held, held-if-true, none-if-true or type: <0, <=0, ==0, !=0, >0, >=0, held, held-if-true, none-if-true, type" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
