/* A directory given as the rules file cannot be read. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@" } */
/* { dg-regexp "pinbalance.rules:1:1: error: cannot read rules file: is a directory" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
