from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from send_toolkit.contrib.exchange.exporting import export_toolkit
from send_toolkit.pages.models import ToolkitPage


class Command(BaseCommand):
    help = (
        "Export a whole toolkit (its pages, interventions, sub-needs, staff roles, cost bands, glossary, practitioner "
        "resources, and the documents and images they use) into one archive another council's site can import. "
        "Never accounts, practitioner data, council settings or provision maps. The archive holds restricted "
        "content: keep it as safe as the site."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the archive (a .zip file).")
        parser.add_argument("--toolkit", type=int, help="The toolkit home's page id, when the site has several.")
        parser.add_argument("--force", action="store_true", help="Overwrite the file if it exists.")

    def handle(self, *args, **options):
        toolkit = self._toolkit(options["toolkit"])
        path = Path(options["file"])
        if path.exists() and not options["force"]:
            raise CommandError(f"{path} already exists. Choose another file, or add --force to overwrite it.")
        partial = path.with_name(path.name + ".partial")
        try:
            with partial.open("wb") as out:
                report = export_toolkit(toolkit, out)
            partial.replace(path)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise CommandError(f"Cannot write {path}: {error.strerror}.") from None
        counts = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in report.counts.items() if count)
        self.stdout.write(self.style.SUCCESS(f"Exported “{toolkit.title}” to {path}: {counts}."))
        for note in report.left_out:
            self.stdout.write(self.style.WARNING(f"  left out: {note}"))

    def _toolkit(self, page_id):
        toolkits = ToolkitPage.objects.order_by("path")
        if page_id is not None:
            toolkit = toolkits.filter(pk=page_id).first()
            if toolkit is None:
                raise CommandError(f"No toolkit home has the page id {page_id}.")
            return toolkit
        found = list(toolkits[:20])
        if not found:
            raise CommandError("This site has no toolkit yet: there is nothing to export.")
        if len(found) > 1:
            listed = "; ".join(f"{toolkit.pk}: {toolkit.title} ({toolkit.url_path})" for toolkit in found)
            raise CommandError(f"This site has several toolkits; choose one with --toolkit ID. {listed}")
        return found[0]
