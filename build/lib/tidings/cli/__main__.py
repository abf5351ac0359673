"""`python -m tidings.cli`: the `tidings` command."""

from . import main

main()
