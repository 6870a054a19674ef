from django.core.management.base import BaseCommand

from search.querylog import flush


class Command(BaseCommand):
    help = "Write the buffered search query counts to the query log (run from cron every few minutes)."

    def handle(self, *args, **options):
        self.stdout.write(f"{flush()} query log entries written")
