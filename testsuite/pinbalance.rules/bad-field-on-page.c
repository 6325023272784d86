/* 'argN->field' names an array in a struct: not for a single page. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-field-on-page.rules" } */
/* { dg-regexp "bad-field-on-page.rules:1:34: error: a field \\('argN->field'\\) is for the pages= or folios= of an acquire or a release, or the from= of a derive, only" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
