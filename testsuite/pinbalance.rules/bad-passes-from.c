/* A database's 'passes' line says where the iterator came from:
 * 'pointer', 'here' or the function whose parameter was passed on. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-passes-from.rules" } */
/* { dg-regexp "bad-passes-from.rules:1:\[0-9\]+: error: expected 'from=pointer', 'from=here' or 'from=FUNCTION:argN'" } */
/* { dg-regexp "bad-passes-from.rules:2:\[0-9\]+: error: expected an argument 'argN'" } */
/* { dg-regexp "bad-passes-from.rules:3:\[0-9\]+: error: missing 'from='; 'passes' needs value= and from=" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(3 errors\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
