from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from send_toolkit.skeleton import build_skeleton


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

    def handle(self, *args, **options):
        site = self._site(options["site"])
        toolkit, report = build_skeleton(site, title=options["title"], slug=options["slug"])
        demo_logins = []
        if options["demo"]:
            from send_toolkit.demo.loader import load_demo

            demo_logins = load_demo(toolkit, report)
        if report.created:
            self.stdout.write(f"Created {len(report.created)} items:")
            for item in report.created:
                self.stdout.write(f"  + {item}")
        else:
            self.stdout.write("Nothing to do: the toolkit is already set up.")
        self.stdout.write(self.style.SUCCESS(f"Toolkit home: {toolkit.get_full_url()}"))
        for login in demo_logins:
            self.stdout.write(f"Demo login ({login['role']}): {login['username']} / {login['password']}")

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
