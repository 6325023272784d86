/* A known field on a directive that does not take it is an error. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-field-for-verb.rules" } */
/* { dg-regexp "bad-field-for-verb.rules:1:31: error: unexpected field 'kind' for 'derive'" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
