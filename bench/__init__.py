"""Benchmarks of the shop, apart from the tests: `make bench` (`python -m bench`).

They print their figures beside the targets and never fail on time. `bench.runner` prepares a
database of their own (`ohmylot_bench`, the demo scaled to 10,000 products) and runs each
benchmark listed in `bench.runner.benchmarks()`: a module with a `run(context)` function.
"""
