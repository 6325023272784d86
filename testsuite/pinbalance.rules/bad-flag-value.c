/* A flag takes no value. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-flag-value.rules" } */
/* { dg-regexp "bad-flag-value.rules:1:51: error: 'preferred' is a flag and takes no value" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
