from django.core.management.base import BaseCommand
from django.utils.translation import gettext, ngettext

from send_toolkit.access.document_files import secure_existing_document_names


class Command(BaseCommand):
    help = (
        "Move document files stored under guessable names (documents/<file name>) to unguessable ones "
        "(documents/<random folder>/<file name>) and update the documents to match. Download links and file names "
        "stay the same. Run it once after upgrading; running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count the files to move but change nothing.")

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        result = secure_existing_document_names(dry_run=dry_run)
        moved = len(result.moved)
        if dry_run:
            summary = ngettext(
                "%(count)d document file would be moved to an unguessable name",
                "%(count)d document files would be moved to unguessable names",
                moved,
            )
        else:
            summary = ngettext(
                "%(count)d document file moved to an unguessable name",
                "%(count)d document files moved to unguessable names",
                moved,
            )
        already = ngettext("%(count)d already unguessable", "%(count)d already unguessable", result.already_unguessable)
        lines = [f"{summary % {'count': moved}}; {already % {'count': result.already_unguessable}}."]
        if result.missing:
            missing = ngettext("%(count)d file missing", "%(count)d files missing", len(result.missing))
            lines.append(f"{missing % {'count': len(result.missing)}}: {', '.join(result.missing)}")
        if dry_run:
            lines.append(gettext("Nothing was changed (--dry-run)."))
        for line in lines:
            self.stdout.write(line)
        if not dry_run and moved:
            self.stdout.write(self.style.SUCCESS(gettext("Done.")))
