/* A rules file that contradicts the built-in rules is an error (rules-only= replaces them). */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-conflict-builtin.rules" } */
/* { dg-regexp "bad-conflict-builtin.rules:1:9: error: conflicting rule for 'put_page'; first given at linux.rules:\[0-9\]+" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
