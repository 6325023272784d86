/* 'source=argN' (the iterator whose kind, where a test of it tells, says whether the references were taken) is for a conditional acquire, names an argument other than the pages, and names it plainly. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-source.rules" } */
/* { dg-regexp "bad-source.rules:1:60: error: 'source=' is for a 'conditional' acquire" } */
/* { dg-regexp "bad-source.rules:2:73: error: the source and the pages are different arguments" } */
/* { dg-regexp "bad-source.rules:3:73: error: expected an argument 'argN'" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(3 errors\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
