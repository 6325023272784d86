/* A directive needs the function it is about. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-no-name.rules" } */
/* { dg-regexp "bad-no-name.rules:1:7: error: expected a function name after 'ignore'" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
