/* A rules file that does not exist. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/no-such-file.rules" } */
/* { dg-regexp "no-such-file.rules:1:1: error: cannot open rules file: No such file or directory" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
