/* Arguments count from 1. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-arg-zero.rules" } */
/* { dg-regexp "bad-arg-zero.rules:1:40: error: argument number must be between 1 and 16" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
