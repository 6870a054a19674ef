from django.db import migrations


def load(apps, schema_editor):
    from hub.taxonomy_data import load_taxonomy

    load_taxonomy(apps.get_model("hub", "County"), apps.get_model("hub", "Municipality"))


class Migration(migrations.Migration):
    dependencies = [("hub", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
