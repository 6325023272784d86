/* A field the directive does not take is an error. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-extra-field.rules" } */
/* { dg-regexp "bad-extra-field.rules:1:55: error: unexpected field 'colour' for 'acquire'" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
