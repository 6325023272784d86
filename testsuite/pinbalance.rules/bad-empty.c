/* An empty rules file is an error: it would silently check nothing more. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-empty.rules" } */
/* { dg-regexp "bad-empty.rules:1:1: error: no rules in file" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
