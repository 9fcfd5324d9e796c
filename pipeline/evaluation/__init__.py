"""Quality evaluations anyone can rerun: extraction against ground truth, near-duplicates against labels.

Each evaluation reads its data from the project (`tests/fixtures/`) and, where the pages themselves are
third-party material, from the shared reference folder (`../shared/` next to the project), and says clearly
which data it used and what was missing.
"""
