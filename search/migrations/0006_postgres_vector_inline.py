"""PostgreSQL: keep the stored `hub_vector` in the table row (STORAGE MAIN) rather than in the TOAST table.

A page's vector is about 2 kB, so with the default storage every row moved it out of line, and each search read
it back through the TOAST index for every candidate row: matching a common word over 10 000 pages spent most of
its time there, and ranking read it again. Kept in the row (the table grows, the TOAST table shrinks), the match
and the rank read it where the row already is. Existing rows are rewritten once so they take the new storage.
SQLite: nothing to do.
"""

from django.db import migrations

COLUMN = "hub_vector"


def _table(apps):
    return apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table


def inline(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = _table(apps)
    schema_editor.execute(f'ALTER TABLE "{table}" ALTER COLUMN {COLUMN} SET STORAGE MAIN')
    schema_editor.execute(f'UPDATE "{table}" SET "title" = "title"')  # regenerates the vector in the new storage


def default(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f'ALTER TABLE "{_table(apps)}" ALTER COLUMN {COLUMN} SET STORAGE EXTENDED')


class Migration(migrations.Migration):
    dependencies = [("hubsearch", "0005_more_equivalent_forms")]

    operations = [migrations.RunPython(inline, default)]
