"""The latency benchmark's parts (`make bench-latency`, benchmarks/latency_benchmark.py):
stacks.py (the two bots, started by the launcher), load.py (the conversations and their
timing), report.py (figures, tables, benchmarks/results/latency.{md,json})."""
