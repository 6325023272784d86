/* A release without its kind names the missing field. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-missing-field.rules" } */
/* { dg-regexp "bad-missing-field.rules:1:45: error: missing 'kind='; 'release' needs kind= and one of page=/pages=/folio=/folios=/range=" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
