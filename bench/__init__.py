"""Benchmarks for newsreader: speed measures (`python -m bench`) and the generated libraries they use."""
