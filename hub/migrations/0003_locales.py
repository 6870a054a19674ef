from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in ("nb", "nn", "en"):
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("hub", "0002_load_taxonomy"), ("wagtailcore", "0001_initial")]
    run_before = []
    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
