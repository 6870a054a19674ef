"""More equivalent spellings: definite forms the dictionary does not derive from the seeded pair ("broen" is not
found as a form of "bro", so "bru, bro" alone does not bring "broen" to "brua")."""

from django.db import migrations

SEED = [
    "brua, broen, broa",
]


def seed(apps, schema_editor):
    model = apps.get_model("hubsearch", "EquivalentForms")
    for forms in SEED:
        model.objects.get_or_create(forms=forms)


class Migration(migrations.Migration):
    dependencies = [
        ("hubsearch", "0004_equivalent_forms"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
