/* Two different rules for one function: the second names the first. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-conflict.rules" } */
/* { dg-regexp "bad-conflict.rules:3:9: error: conflicting rule for 'my_unpin_pages'; first given at \[^ \]*bad-conflict.rules:1" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
