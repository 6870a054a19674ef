from django.core.management.base import BaseCommand

from events.reminders import send_reminders


class Command(BaseCommand):
    help = "Queue reminder e-mails for sessions starting within EVENT_REMINDER_HOURS (idempotent; run e.g. hourly)."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=None)

    def handle(self, *args, **options):
        n = send_reminders(hours=options["hours"])
        self.stdout.write(f"{n} reminders queued.")
