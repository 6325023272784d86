/* -fplugin-arg-pinbalance-help lists the options. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-help" } */
/* { dg-regexp "pinbalance \[0-9.\]+: options \\(-fplugin-arg-pinbalance-NAME\\):" } */
/* { dg-regexp "error\treport findings as errors" } */
/* { dg-regexp "warn-only\tkeep findings warnings even under -Werror" } */
/* { dg-regexp "stats\tprint a summary" } */
/* { dg-regexp "debug\ttrace the analysis" } */
/* { dg-regexp "summaries\tprint what the file.s functions do to pages, as rules" } */
/* { dg-regexp "conversion\twarn where get references are kept by an owner \\(pin them instead\\)" } */
/* { dg-regexp "census=FILE\tappend a JSON line per acquire and release, with its verdict" } */
/* { dg-regexp "summaries-out=FILE\tappend the summaries of the functions other files call, as rules" } */
/* { dg-regexp "summaries-only\tstop once the summaries are written: no code \\(a database's first phase\\)" } */
/* { dg-regexp "disable\tdo not check this file" } */
/* { dg-regexp "help\tprint this list" } */
/* { dg-regexp "rules=FILE\tread more rules from FILE" } */
/* { dg-regexp "rules-only=FILE\tread rules from FILE instead" } */
/* { dg-regexp "no-KIND\tdo not report KIND \\(mismatch, reverse-mismatch, leak, double-release, overcount\\)" } */
int main(void) { return 0; }
