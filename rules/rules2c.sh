#!/bin/sh
# rules2c.sh FILE - print a rules file as the body of a C string literal,
# for plugin/pb_api.c to compile in (used by the Makefile and by kbuild).
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$/\\n"/' "$1"
