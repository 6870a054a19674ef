"""Load the demo content: the hub's core first, then each content app's `demo.load(ctx)`. Idempotent."""

import importlib
import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from hub.roles import setup_roles

DEMO_APPS = ["hub", "methods", "stories", "events", "press", "search"]


class DemoContext:
    def __init__(self, user, stdout):
        self.user = user
        self.stdout = stdout
        self.home = None


class Command(BaseCommand):
    help = "Create the demo content (Bokmål with nn/en translations), the roles and a development admin user."

    def add_arguments(self, parser):
        parser.add_argument("--admin-user", default=os.environ.get("HUB_ADMIN_USER", "admin"))
        parser.add_argument("--admin-password", default=os.environ.get("HUB_ADMIN_PASSWORD", "samskaping"))
        parser.add_argument("--no-admin", action="store_true", help="Do not create the development admin user.")
        parser.add_argument("--only", default="", help="Comma-separated apps to load (default: all).")

    def handle(self, *args, **options):
        user = None
        if not options["no_admin"]:
            user = self.ensure_admin(options["admin_user"], options["admin_password"])
        ctx = DemoContext(user, self.stdout)
        only = [a for a in options["only"].split(",") if a]
        for app in [a for a in DEMO_APPS if not only or a in only or a == "hub"]:
            try:
                module = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app}.demo":
                    raise
                continue
            with transaction.atomic():
                module.load(ctx)
        setup_roles()
        self.stdout.write(self.style.SUCCESS("Demo content ready."))

    def ensure_admin(self, username, password):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_superuser(username, f"{username}@samskaping.example", password)
            self.stdout.write(f"Created admin user {username!r}.")
        return user
