from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from send_toolkit.contrib.exchange.importing import import_archive
from send_toolkit.contrib.exchange.planning import Action
from send_toolkit.contrib.exchange.problems import ArchiveInvalid
from send_toolkit.pages.base import BasePage


class Command(BaseCommand):
    help = (
        "Import a toolkit exported by another council's site (send_toolkit_export) as a starting point, under a "
        "parent page (the default site's home page unless --parent is given). The whole archive is checked first "
        "and nothing changes unless all of it can be imported. What this site already has (the same page address, "
        "intervention slug, sub-need or staff role name...) is kept as it is, so importing twice adds nothing; the "
        "council's own settings are never touched. --dry-run lists what would be created and what clashes."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive (.zip) to import.")
        parser.add_argument("--parent", type=int, help="Page id to import under (default: the default site's home).")
        parser.add_argument(
            "--slug", default="", help="A web address (slug) for the toolkit home other than the archive's."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the archive and list what would happen; change nothing."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        parent = self._parent(options["parent"])
        try:
            with path.open("rb") as archive:
                result = import_archive(
                    archive, path.name, parent, toolkit_slug=options["slug"], dry_run=options["dry_run"]
                )
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        except ArchiveInvalid as invalid:
            for problem in invalid.problems:
                self.stderr.write(f"  {problem}")
            raise CommandError(f"Nothing was imported: {len(invalid.problems)} problem(s) in {path.name}.") from None
        self._report(result.plan, verbose=options["dry_run"] or options["verbosity"] > 1)
        if result.dry_run:
            clashes = result.plan.clashes
            if clashes:
                raise CommandError(f"Dry run: {len(clashes)} clash(es) to resolve before {path.name} can be imported.")
            self.stdout.write(self.style.SUCCESS(f"Dry run: {path.name} can be imported. Nothing was changed."))
            return
        self.stdout.write(self.style.SUCCESS(f"Imported {path.name}: the toolkit is at {result.toolkit.url_path}."))

    def _report(self, plan, verbose: bool) -> None:
        for section, counts in plan.counts().items():
            if counts:
                summary = ", ".join(f"{counts[action]} {action.label}" for action in Action if counts[action])
                self.stdout.write(f"{section.replace('_', ' ')}: {summary}")
        for entry in plan.entries:
            if entry.action is Action.CLASH or (verbose and entry.action is Action.CREATE):
                style = self.style.ERROR if entry.action is Action.CLASH else str
                self.stdout.write(style(f"  {entry}"))

    def _parent(self, page_id):
        if page_id is not None:
            parent = BasePage.objects.filter(pk=page_id).first()
            if parent is None:
                raise CommandError(f"No page has the id {page_id}.")
            return parent.specific
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("There is no default Wagtail site: give a parent page with --parent ID.")
        return site.root_page.specific
