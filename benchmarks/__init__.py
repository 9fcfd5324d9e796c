"""Benchmarks: speed and memory figures, run by hand (`python -m benchmarks.<name>`), never as tests."""
