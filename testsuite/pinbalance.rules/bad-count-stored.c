/* 'count=*argN' (the count added to *argN) goes with an array 'pages=argN', and names an argument. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-count-stored.rules" } */
/* { dg-regexp "bad-count-stored.rules:1:47: error: 'count=\\*argN' is for an array \\('pages=argN'\\) only" } */
/* { dg-regexp "bad-count-stored.rules:2:47: error: expected a decimal argument number" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(2 errors\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
