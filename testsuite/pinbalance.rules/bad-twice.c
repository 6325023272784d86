/* A field given twice is an error naming the first. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-twice.rules" } */
/* { dg-regexp "bad-twice.rules:1:42: error: field 'kind' given twice \\(first at column 23\\)" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
