"""Record every page's uses of images and documents and which files are withheld (infrastructure.embargo).

Page saves keep this up to date; run it once after upgrading to a version that has it, or after importing
pages with signals off (loaddata).
"""

from django.core.management.base import BaseCommand
from wagtail.models import Page

from hub.models.media import WithheldFile
from infrastructure.embargo import record_page


class Command(BaseCommand):
    help = "Record which files pages use and withhold those only content not live yet uses."

    def handle(self, *args, **options):
        count = 0
        for page_id in Page.objects.filter(depth__gt=1).values_list("pk", flat=True).iterator():
            record_page(page_id)
            count += 1
        self.stdout.write(f"{count} pages read, {WithheldFile.objects.count()} file names withheld")
