from django.core.management.base import BaseCommand

from send_toolkit.mail.delivery import Outcome
from send_toolkit.mail.models import OutboxMessage
from send_toolkit.mail.outbox import retry_due


class Command(BaseCommand):
    help = (
        "Try again now to send the email the mail server would not take (the admin's Undelivered email). "
        "Run it from cron on hosts without a task worker. Messages whose link has expired are not sent; "
        "undelivered messages older than SEND_TOOLKIT_MAIL_KEEP_UNDELIVERED are deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Try every undelivered message now, not only those due: those waiting for their next try and "
            "those that have used up their automatic tries (SEND_TOOLKIT_MAIL_MAX_ATTEMPTS).",
        )

    def handle(self, *args, **options):
        outcomes = retry_due(everything=options["all"])
        waiting = OutboxMessage.objects.count()
        self.stdout.write(
            f"Sent {outcomes[Outcome.DELIVERED]}, still failing {outcomes[Outcome.FAILED]}, "
            f"link expired {outcomes[Outcome.EXPIRED]}; {waiting} undelivered message(s) kept."
        )
