"""Numbered SQL migrations (NNNN_description.sql), applied in order by `sorot.warehouse.db`."""
