/* The kind is pin or get. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-kind.rules" } */
/* { dg-regexp "bad-kind.rules:1:27: error: expected a kind: pin, get" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
