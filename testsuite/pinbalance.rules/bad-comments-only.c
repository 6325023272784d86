/* A file of comments only holds no rules either. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-comments-only.rules" } */
/* { dg-regexp "bad-comments-only.rules:1:1: error: no rules in file" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
