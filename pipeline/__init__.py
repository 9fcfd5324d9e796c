"""Sorot: monitoring Indonesian regional news."""
