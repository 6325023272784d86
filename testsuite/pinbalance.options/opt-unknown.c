/* An unknown plugin argument is an error naming the valid ones. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-bogus" } */
/* { dg-error "unknown option '-fplugin-arg-pinbalance-bogus'; valid options are: error, warn-only, stats, debug, summaries, conversion, census=FILE, summaries-out=FILE, summaries-only, disable, help" "" { target *-*-* } 0 } */
int main(void) { return 0; }
