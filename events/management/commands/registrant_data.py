import json

from django.core.management.base import BaseCommand, CommandError

from infrastructure import extensions


class Command(BaseCommand):
    help = "Export (JSON) or delete everything held on one e-mail address (GDPR access and erasure requests)."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--export", action="store_true")
        group.add_argument("--delete", action="store_true")

    def handle(self, *args, **options):
        if "@" not in options["email"]:
            raise CommandError("--email must be an e-mail address")
        if options["export"]:
            data = dict(extensions.call(extensions.PRIVACY_EXPORT, options["email"]))
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            for name, count in extensions.call(extensions.PRIVACY_DELETE, options["email"]):
                self.stdout.write(f"{name}: {count}")
