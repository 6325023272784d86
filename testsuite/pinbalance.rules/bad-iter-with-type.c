/* A test whose result is the iterator's type names no types of its own. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-iter-with-type.rules" } */
/* { dg-regexp "bad-iter-with-type.rules:1:47: error: 'means=type' takes no 'iter=': its result is the type" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
