/* An argument is written argN. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-arg-syntax.rules" } */
/* { dg-regexp "bad-arg-syntax.rules:1:25: error: expected an argument 'argN'" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
