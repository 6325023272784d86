/* 'pages=argN->field': a field name after the arrow, of a sane length, and only on an acquire or a release. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-field-syntax.rules" } */
/* { dg-regexp "bad-field-syntax.rules:1:39: error: expected a field name after '->'" } */
/* { dg-regexp "bad-field-syntax.rules:2:37: error: expected a field name after '->'" } */
/* { dg-regexp "bad-field-syntax.rules:3:25: error: expected a decimal argument number" } */
/* { dg-regexp "bad-field-syntax.rules:4:38: error: a field name has at most 47 characters" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(4 errors\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
