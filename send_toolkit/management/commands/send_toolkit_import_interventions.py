from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from send_toolkit.interventions.csv_import import import_interventions


class Command(BaseCommand):
    help = (
        "Import interventions from a CSV file (the same columns as the directory's CSV export). The whole file is "
        "checked first and nothing changes unless every row is valid. Rows update the intervention with the same "
        "slug or name, so importing a file twice does not duplicate anything."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a UTF-8 CSV file.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file but change nothing.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        result = import_interventions(data, dry_run=options["dry_run"])
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"Nothing was imported: {len(result.problems)} problem(s) in {path.name}.")
        if options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(f"{path.name} is valid. Nothing was changed (--dry-run)."))
            return
        self.stdout.write(
            self.style.SUCCESS(f"Imported {path.name}: {len(result.created)} added, {len(result.updated)} updated.")
        )
