/* A line longer than 512 characters is refused, not truncated. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-long-line.rules" } */
/* { dg-regexp "bad-long-line.rules:1:513: error: line longer than 512 characters" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(1 error\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
