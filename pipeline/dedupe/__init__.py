"""De-duplication: exact copies by content hash, near copies grouped into stories by MinHash LSH."""
