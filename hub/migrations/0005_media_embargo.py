import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0004_outboundemail"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="MediaUse",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(choices=[("image", "image"), ("document", "document")], max_length=8),
                ),
                ("object_id", models.PositiveBigIntegerField()),
                ("live", models.BooleanField()),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="wagtailcore.page"
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["kind", "object_id"], name="hub_mediause_file")],
                "constraints": [
                    models.UniqueConstraint(fields=("page", "kind", "object_id", "live"), name="hub_mediause_unique")
                ],
            },
        ),
        migrations.CreateModel(
            name="WithheldFile",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("path", models.CharField(max_length=255, unique=True)),
                (
                    "kind",
                    models.CharField(choices=[("image", "image"), ("document", "document")], max_length=8),
                ),
                ("object_id", models.PositiveBigIntegerField()),
            ],
            options={
                "indexes": [models.Index(fields=["kind", "object_id"], name="hub_withheld_file")],
            },
        ),
    ]
