/* no-KIND with a KIND that is not one is an error naming the kinds. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-no-leaks" } */
/* { dg-error "unknown kind of finding in '-fplugin-arg-pinbalance-no-leaks'; the kinds are: mismatch, reverse-mismatch, leak, double-release, overcount" "" { target *-*-* } 0 } */
int main(void) { return 0; }
