"""The hub's own image model (alt text or decorative, credit, licence, consent). Images already in Wagtail's
stock table are copied over with the same ids, so every reference to them (foreign keys altered in the content
apps' migrations, image ids inside StreamFields and rich text) stays valid."""

import django.db.models.deletion
import modelsearch.index
import taggit.managers
import wagtail.images.models
import wagtail.models.media
from django.conf import settings
from django.db import migrations, models

COPIED = [
    "id",
    "title",
    "file",
    "description",
    "width",
    "height",
    "created_at",
    "uploaded_by_user_id",
    "collection_id",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
    "file_size",
    "file_hash",
]


def copy_stock_images(apps, schema_editor):
    OldImage = apps.get_model("wagtailimages", "Image")
    HubImage = apps.get_model("hub", "HubImage")
    rows = list(OldImage.objects.values(*COPIED))
    if not rows:
        return
    HubImage.objects.bulk_create([HubImage(**row) for row in rows])
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    old_ct = ContentType.objects.filter(app_label="wagtailimages", model="image").first()
    if old_ct is not None:
        new_ct, _ = ContentType.objects.get_or_create(app_label="hub", model="hubimage")
        TaggedItem.objects.bulk_create(
            [
                TaggedItem(tag_id=item.tag_id, object_id=item.object_id, content_type_id=new_ct.pk)
                for item in TaggedItem.objects.filter(content_type=old_ct)
            ]
        )
    from django.core.management.color import no_style

    with schema_editor.connection.cursor() as cursor:
        for statement in schema_editor.connection.ops.sequence_reset_sql(no_style(), [HubImage]):
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0005_media_embargo"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HubImage",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("title", models.CharField(max_length=255, verbose_name="title")),
                (
                    "file",
                    wagtail.images.models.WagtailImageField(
                        height_field="height",
                        upload_to=wagtail.images.models.get_upload_to,
                        verbose_name="file",
                        width_field="width",
                    ),
                ),
                ("width", models.IntegerField(editable=False, verbose_name="width")),
                ("height", models.IntegerField(editable=False, verbose_name="height")),
                ("created_at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="created at")),
                ("focal_point_x", models.PositiveIntegerField(blank=True, null=True)),
                ("focal_point_y", models.PositiveIntegerField(blank=True, null=True)),
                ("focal_point_width", models.PositiveIntegerField(blank=True, null=True)),
                ("focal_point_height", models.PositiveIntegerField(blank=True, null=True)),
                ("file_size", models.PositiveIntegerField(editable=False, null=True)),
                ("file_hash", models.CharField(blank=True, db_index=True, editable=False, max_length=40)),
                (
                    "description",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="Describe what the image shows for people who cannot see it. Required unless decorative.",
                        max_length=255,
                        verbose_name="alternative text",
                    ),
                ),
                (
                    "is_decorative",
                    models.BooleanField(
                        default=False,
                        help_text="Tick only if the image adds no information; screen readers will skip it.",
                        verbose_name="decorative only",
                    ),
                ),
                (
                    "credit",
                    models.CharField(
                        blank=True,
                        help_text="Photographer or illustrator, as it must be printed.",
                        max_length=200,
                        verbose_name="credit",
                    ),
                ),
                (
                    "licence",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("CC BY 4.0", "CC BY 4.0"),
                            ("CC BY-SA 4.0", "CC BY-SA 4.0"),
                            ("CC0 1.0", "CC0 1.0"),
                            ("permission", "Used with permission (all rights reserved)"),
                        ],
                        max_length=20,
                        verbose_name="licence",
                    ),
                ),
                ("shows_people", models.BooleanField(default=False, verbose_name="shows people")),
                (
                    "people_consented",
                    models.BooleanField(
                        default=False,
                        help_text="Tick only when every recognisable person has agreed to the photo being published.",
                        verbose_name="the people pictured have consented",
                    ),
                ),
                (
                    "consent_note",
                    models.CharField(
                        blank=True,
                        help_text="Where and when the consent was recorded.",
                        max_length=300,
                        verbose_name="consent record",
                    ),
                ),
                (
                    "collection",
                    models.ForeignKey(
                        default=wagtail.models.media.get_root_collection_id,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.collection",
                        verbose_name="collection",
                    ),
                ),
                (
                    "tags",
                    taggit.managers.TaggableManager(
                        blank=True, help_text=None, through="taggit.TaggedItem", to="taggit.Tag", verbose_name="tags"
                    ),
                ),
                (
                    "uploaded_by_user",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="uploaded by user",
                    ),
                ),
            ],
            options={
                "verbose_name": "image",
                "verbose_name_plural": "images",
                "abstract": False,
            },
            bases=(wagtail.images.models.ImageFileMixin, modelsearch.index.Indexed, models.Model),
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="share_image",
            field=models.ForeignKey(
                blank=True,
                help_text="Shown when a page without its own picture is shared on social media (cropped to 1200×630).",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="hub.hubimage",
                verbose_name="default share picture",
            ),
        ),
        migrations.CreateModel(
            name="HubRendition",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("filter_spec", models.CharField(db_index=True, max_length=255)),
                (
                    "file",
                    wagtail.images.models.WagtailImageField(
                        height_field="height",
                        storage=wagtail.images.models.get_rendition_storage,
                        upload_to=wagtail.images.models.get_rendition_upload_to,
                        width_field="width",
                    ),
                ),
                ("width", models.IntegerField(editable=False)),
                ("height", models.IntegerField(editable=False)),
                ("focal_point_key", models.CharField(blank=True, default="", editable=False, max_length=16)),
                (
                    "image",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="renditions", to="hub.hubimage"
                    ),
                ),
            ],
            options={
                "unique_together": {("image", "filter_spec", "focal_point_key")},
            },
            bases=(wagtail.images.models.ImageFileMixin, models.Model),
        ),
        migrations.RunPython(copy_stock_images, migrations.RunPython.noop),
    ]
