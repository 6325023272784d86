/* 'held-if=*argN' (the pages are held where *argN is not 0) names the flag through its pointer, for an array whose count is the result, in another argument than the pages. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-held-if.rules" } */
/* { dg-regexp "bad-held-if.rules:1:57: error: expected '\\*argN': the argument points to the flag" } */
/* { dg-regexp "bad-held-if.rules:2:55: error: 'held-if=' is for an array \\('pages=argN' or 'pages=\\*argN'\\) whose count is the result" } */
/* { dg-regexp "bad-held-if.rules:3:58: error: the flag and the pages are different arguments" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(3 errors\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
