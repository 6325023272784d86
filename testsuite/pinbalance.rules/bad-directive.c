/* A misspelt directive is an error at its column. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-directive.rules" } */
/* { dg-regexp "bad-directive.rules:3:1: error: unknown directive 'aquire'; expected acquire, release, derive, borrow, owner, alloc, free, test, errptr, ignore, hold, put, field, warn, makes, asks or passes" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
