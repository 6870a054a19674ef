from datetime import timedelta

from django.core.management.base import BaseCommand

from infrastructure.mail import retry_failed


class Command(BaseCommand):
    help = "Queue every failed e-mail (and ones queued more than --stuck-minutes ago) for a new delivery attempt."

    def add_arguments(self, parser):
        parser.add_argument("--max-attempts", type=int, default=None, help="Skip e-mails tried this many times.")
        parser.add_argument("--stuck-minutes", type=int, default=60)

    def handle(self, *args, **options):
        n = retry_failed(options["max_attempts"], queued_older_than=timedelta(minutes=options["stuck_minutes"]))
        self.stdout.write(f"{n} e-mails queued for retry.")
