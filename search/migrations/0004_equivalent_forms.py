"""Equivalent spellings (seeded with common Nynorsk/Bokmål and reform pairs); PostgreSQL's hub_nb and hub_nn
text search configurations (search.pg_configs). Run update_index after migrating: pages are re-analysed."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("hubsearch", "0003_postgres_stored_vector"),
    ]

    operations = [
        migrations.CreateModel(
            name="EquivalentForms",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "forms",
                    models.CharField(
                        help_text="The same word as written in Bokmål and Nynorsk (or old and new spelling), separated by commas.",
                        max_length=300,
                        verbose_name="forms",
                    ),
                ),
            ],
            options={
                "verbose_name": "equivalent spelling",
                "verbose_name_plural": "equivalent spellings",
                "ordering": ["forms"],
            },
        ),
    ]


# Forms that differ regularly between Nynorsk and Bokmål, or before and after the 2005 reform. Editors extend it.
SEED = [
    "forteljing, fortelling",
    "kommunar, kommuner",
    "framtid, fremtid",
    "fram, frem",
    "frivilligheit, frivillighet",
    "innbyggjar, innbygger",
    "leiar, leder",
    "leiing, ledelse",
    "tilbod, tilbud",
    "oppleving, opplevelse",
    "skule, skole",
    "lærar, lærer",
    "born, barn",
    "heim, hjem",
    "veke, uke",
    "saman, sammen",
    "mogleg, mulig",
    "verksemd, virksomhet",
    "røynsle, erfaring",
    "teneste, tjeneste",
    "utval, utvalg",
    "høyring, høring",
    "verkstad, verksted",
    "lesar, leser",
    "forfattar, forfatter",
    "ikkje, ikke",
    "korleis, hvordan",
    "kva, hva",
    "sjølv, selv",
    "mykje, mye",
    "bru, bro",
    "kveldar, kvelder",
]


def seed(apps, schema_editor):
    model = apps.get_model("hubsearch", "EquivalentForms")
    for forms in SEED:
        model.objects.get_or_create(forms=forms)


def text_search_configurations(apps, schema_editor):
    from search.pg_configs import ensure

    ensure(schema_editor.connection)


Migration.operations += [
    migrations.RunPython(seed, migrations.RunPython.noop),
    migrations.RunPython(text_search_configurations, migrations.RunPython.noop),
]
