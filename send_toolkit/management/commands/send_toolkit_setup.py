from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from send_toolkit.setup.demo.loader import load_demo
from send_toolkit.setup.skeleton import build_skeleton


class Command(BaseCommand):
    help = (
        "Create the SEND toolkit page tree under a site's root page (4 areas of need × 6 key stages × 3 tiers, "
        "Getting Risk Support, guidance and the intervention directory). Safe to run again: it only adds what "
        "is missing. --demo also loads fictional demo content and demo users."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", help="Hostname of the Wagtail site to use (default: the default site).")
        parser.add_argument("--title", default="SEND Graduated Approach Toolkit")
        parser.add_argument("--slug", default="send-toolkit")
        parser.add_argument("--demo", action="store_true", help="Load fictional demo content and demo users.")
        parser.add_argument(
            "--force-demo",
            action="store_true",
            help="Allow --demo when DEBUG is False (a throwaway staging site). Never use it on a live site.",
        )

    def handle(self, *args, **options):
        if options["demo"] and not settings.DEBUG and not options["force_demo"]:
            # Demo users have published passwords: loading them on a live site would open its admin to anyone.
            raise CommandError(
                "--demo creates demo users whose passwords are published, so it only runs when DEBUG is True. "
                "This site has DEBUG = False. If it really is a throwaway site, add --force-demo."
            )
        site = self._site(options["site"])
        toolkit, report = build_skeleton(site, title=options["title"], slug=options["slug"])
        demo_logins = []
        if options["demo"]:
            demo_logins = load_demo(toolkit, report)
        if report.created:
            self.stdout.write(f"Created {len(report.created)} items:")
            for item in report.created:
                self.stdout.write(f"  + {item}")
        else:
            self.stdout.write("Nothing to do: the toolkit is already set up.")
        self.stdout.write(self.style.SUCCESS(f"Toolkit home: {toolkit.get_full_url()}"))
        for login in demo_logins:
            if login.is_demo_account:
                self.stdout.write(f"Demo login ({login.role}): {login.username} / {login.password}")
            else:
                self.stdout.write(
                    self.style.WARNING(
                        f"Demo login ({login.role}): an account called {login.username!r} already existed and is "
                        "not the demo account, so its password, groups and access were left unchanged."
                    )
                )

    def _site(self, hostname):
        sites = Site.objects.select_related("root_page")
        if hostname:
            site = sites.filter(hostname=hostname).first()
            if site is None:
                known = ", ".join(sites.values_list("hostname", flat=True)) or "none"
                raise CommandError(f"No Wagtail site has the hostname {hostname!r}. Sites: {known}.")
            return site
        site = sites.filter(is_default_site=True).first() or sites.first()
        if site is None:
            raise CommandError("There is no Wagtail site yet. Run 'manage.py migrate' first.")
        return site
