"""Email the toolkit sends, and what happens when it can't be sent (docs/how-to/when-email-cannot-be-sent.md).

``outbox.send_or_keep`` sends a message at once; if the mail server refuses or can't be reached, the
message is kept as an ``OutboxMessage`` and tried again by a background task (``tasks``), by the
``send_toolkit_retry_mail`` command, or by an editor from the admin's "Undelivered email" listing (``admin``).
"""
