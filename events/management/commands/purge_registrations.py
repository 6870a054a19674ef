from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from events.privacy import retention_days
from infrastructure import extensions


class Command(BaseCommand):
    help = "Anonymise registrations REGISTRATION_RETENTION_DAYS after the event (counts are kept). Run daily."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, **options):
        days = retention_days() if options["days"] is None else options["days"]
        cutoff = timezone.now() - timedelta(days=days)
        for name, count in extensions.call(extensions.PRIVACY_PURGE, cutoff):
            self.stdout.write(f"{name}: {count} (older than {days} days)")
