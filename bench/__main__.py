"""`python -m bench [name ...]`: run the benchmarks (all of them without a name)."""

from bench.runner import main

raise SystemExit(main())
