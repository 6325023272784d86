/* Binary garbage (an ELF header) is refused at the first bad byte of each line. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/bad-binary.rules" } */
/* { dg-regexp "bad-binary.rules:1:1: error: unexpected byte 0x7f; a rules file is printable ASCII text" } */
/* { dg-regexp "bad-binary.rules:2:1: error: unexpected byte 0x00" } */
/* { dg-regexp "fatal error: pinbalance: cannot load the rules \\(2 errors\\)" } */
/* { dg-regexp "compilation terminated" } */
int main(void) { return 0; }
