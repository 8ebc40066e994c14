"""Toolkit exchange between councils: one versioned archive of a whole toolkit, exported from one site and
imported into another as a starting point (docs/how-to/copy-a-toolkit-to-another-council.md, the format in
docs/reference/exchange-archive.md).

- ``archive_format``: the format's name, version and sections, and where each lives in the zip;
- ``archive_reader`` / ``archive_writer``: the zip itself, read within size limits and never outside itself;
- ``references``: every page, document, image and snippet a StreamField or rich text refers to, found and
  rewritten in one walk;
- ``sections/``: one module per kind of content, each exporting, checking, planning and importing its own;
- ``exporting`` / ``importing``: the two operations the commands and the admin screens share.
"""
