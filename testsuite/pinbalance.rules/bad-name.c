/* A function name is a C identifier. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-name.rules" } */
/* { dg-regexp "bad-name.rules:1:7: error: expected a function name, not 'my-alloc'" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
