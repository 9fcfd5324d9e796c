"""The warehouse: DuckDB schema and migrations, the single writer, publishing, queries and reports."""
