"""The database engines (PostgreSQL full text, SQLite FTS5): `index` and its per-database modules write pages
into modelsearch's index table analysed per language, `query` reads that table for the public search."""
