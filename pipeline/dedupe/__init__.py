"""De-duplication in three layers: canonical URL (at crawl and load), exact copies by content hash
(`hashing`), near copies grouped into stories (`fingerprint`, `similarity`, `stories`); and wire copies
of agency articles (`wire`)."""
