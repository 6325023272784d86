/* Iterator types are identifiers separated by single commas. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-iter-syntax.rules" } */
/* { dg-regexp "bad-iter-syntax.rules:1:\[0-9\]+: error: expected iterator types 'ITER_A,ITER_B'" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
