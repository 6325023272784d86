/* A flag given a value it does not take is an error too. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-error=yes" } */
/* { dg-error "option '-fplugin-arg-pinbalance-error' takes no value" "" { target *-*-* } 0 } */
int main(void) { return 0; }
