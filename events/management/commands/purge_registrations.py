from django.core.management.base import BaseCommand

from events.privacy import purge, retention_days


class Command(BaseCommand):
    help = "Anonymise registrations REGISTRATION_RETENTION_DAYS after the event (counts are kept). Run daily."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, **options):
        days = retention_days() if options["days"] is None else options["days"]
        count, deleted = purge(days=days)
        self.stdout.write(f"{count} registrations anonymised, {deleted} stored e-mails deleted (older than {days} days).")
