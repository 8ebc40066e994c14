"""A council adds the toolkit to a site made with `wagtail start`, following only the README.

The test builds the package as a wheel (so missing templates or static files in the distribution fail here),
installs it into a folder of its own, makes a fresh `wagtail start` project in a temporary folder, applies the
snippets from the README's "Add to an existing Wagtail site" section, runs the README's commands and requests
every toolkit page.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from send_toolkit.domain.vocabulary import KEY_STAGES, NEED_AREAS, TIERS

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"

pytestmark = pytest.mark.slow


def readme_snippet(name: str) -> str:
    text = README.read_text()
    match = re.search(rf"<!-- existing-site:{name} -->\s*```[a-z]*\n(.*?)```", text, re.S)
    assert match, f"README has no existing-site:{name} snippet"
    return textwrap.dedent(match.group(1))


def quoted_strings(snippet: str) -> list[str]:
    return [ast.literal_eval(item) for item in re.findall(r'"[^"]+"', snippet)]


def run(args: list[str], cwd: Path, env: dict, timeout: int = 300) -> str:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def insert_into_list(source: str, list_name: str, items: list[str], at_start: bool) -> str:
    start = source.index(f"{list_name} = [")
    end = source.index("\n]", start)
    lines = "".join(f'    "{item}",\n' for item in items)
    if at_start:
        head = source.index("\n", start) + 1
        return source[:head] + lines + source[head:]
    return source[: end + 1] + lines + source[end + 1 :]


def middleware_placements(snippet: str) -> list[tuple[str, str, str]]:
    """(class path, "before" or "after", anchor class name) for each middleware in the README's snippet,
    read from the comment above it, e.g. "just before SessionMiddleware"."""
    placements = []
    where = None
    for line in snippet.splitlines():
        comment = re.search(r"#.*\b(before|after) (\w+Middleware):?\s*$", line)
        if comment:
            where = comment.groups()
        item = re.search(r'"([^"]+)"', line)
        if item:
            assert where, f"README does not say where {item.group(1)} goes"
            placements.append((item.group(1), *where))
            where = None
    return placements


def insert_middleware(source: str, item: str, where: str, anchor: str) -> str:
    """Put ``item`` on its own line just before or just after the MIDDLEWARE entry ending in ``anchor``."""
    start = source.index("MIDDLEWARE = [")
    anchor_line = re.compile(rf'^\s*"[\w.]*\.{anchor}",\n', re.M).search(source, start)
    assert anchor_line, f"no {anchor} in the new site's MIDDLEWARE"
    at = anchor_line.start() if where == "before" else anchor_line.end()
    return source[:at] + f'    "{item}",\n' + source[at:]


def middleware_order(source: str) -> list[str]:
    start = source.index("MIDDLEWARE = [")
    return quoted_strings(source[start : source.index("\n]", start)])


def test_readme_steps_add_the_toolkit_to_a_fresh_wagtail_site(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DATABASE_URL"))}

    wheel_dir = tmp_path / "wheel"
    run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), "."],
        REPO,
        env,
    )
    (wheel,) = wheel_dir.glob("wagtail_send_toolkit-*.whl")
    installed = tmp_path / "installed"
    run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(installed), str(wheel)], REPO, env)
    # The wheel's copy comes first on the path, ahead of the development checkout.
    env["PYTHONPATH"] = str(installed)

    run([str(Path(sys.executable).parent / "wagtail"), "start", "localoffer"], tmp_path, env)
    project = tmp_path / "localoffer"
    base_settings = project / "localoffer" / "settings" / "base.py"
    urls = project / "localoffer" / "urls.py"

    source = base_settings.read_text()
    wanted_apps = [app for app in quoted_strings(readme_snippet("installed-apps")) if f'"{app}"' not in source]
    source = insert_into_list(source, "INSTALLED_APPS", wanted_apps, at_start=True)
    placements = middleware_placements(readme_snippet("middleware"))
    for item, where, anchor in placements:
        source = insert_middleware(source, item, where, anchor)
    order = [path.rsplit(".", 1)[-1] for path in middleware_order(source)]
    assert order.index("CacheHeadersMiddleware") == order.index("SessionMiddleware") - 1, order
    assert order.index("SessionLifetimeMiddleware") > order.index("AuthenticationMiddleware"), order
    # "put AccessCheckedRedirectMiddleware in place of Wagtail's RedirectMiddleware" (the README, step 3)
    source = source.replace(
        '"wagtail.contrib.redirects.middleware.RedirectMiddleware"',
        '"send_toolkit.access.redirects.AccessCheckedRedirectMiddleware"',
    )
    source += "\n" + readme_snippet("settings")
    base_settings.write_text(source)

    url_source = urls.read_text()
    marker = '    path("", include(wagtail_urls)),'
    assert marker in url_source
    url_lines = "".join(f"    {line.strip()}\n" for line in readme_snippet("urls").strip().splitlines())
    url_source = url_source.replace(marker, url_lines + marker)
    # The dev server serves the image folders only, never the documents (the README's dev-media snippet).
    serve_media = "    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)\n"
    assert serve_media in url_source
    images_only = textwrap.indent(readme_snippet("dev-media"), "    ")
    urls.write_text(url_source.replace(serve_media, images_only))

    run([sys.executable, "manage.py", "check", "--fail-level", "WARNING"], project, env)
    for line in readme_snippet("commands").strip().splitlines():
        args = line.split()
        assert args[:2] == ["python", "manage.py"]
        run([sys.executable, "manage.py", *args[2:]], project, env)

    check = textwrap.dedent(
        """
        import send_toolkit
        from django.test import Client
        from wagtail.models import Page
        from send_toolkit.pages.models import ToolkitPage, TierPage

        print("package:", send_toolkit.__file__)
        toolkit = ToolkitPage.objects.get()
        client = Client()
        pages = toolkit.get_descendants(inclusive=True).live().specific()
        bad = [(p.url, client.get(p.url).status_code) for p in pages if client.get(p.url).status_code != 200]
        print("pages:", pages.count(), "bad:", bad)
        home = client.get(toolkit.url).content.decode()
        print("home-has-grid:", "Communication and Interaction" in home and "Key Stage 4" in home)
        print("css:", client.get("/static/send_toolkit/css/toolkit.css").status_code)
        # The costed provision map, for an approved practitioner; visitors are sent to log in.
        from django.contrib.auth import get_user_model
        from send_toolkit.practitioners.models import PractitionerProfile
        print("tool-anonymous:", client.get("/tools/provision-maps/")["Location"].split("?")[0])
        senco = get_user_model().objects.create_user("fresh-senco", "senco@fresh.example")
        PractitionerProfile.objects.create(user=senco, organisation="Fresh School", role="senco", status="pending")
        senco.practitioner_profile.approve()
        client.force_login(senco)
        made = client.post("/tools/provision-maps/", {"name": "Fresh map", "school_year": "2026-27"})
        print("tool-map:", made.status_code, client.get(made["Location"]).status_code)
        """
    )
    output = run([sys.executable, "manage.py", "shell", "-c", check], project, env)
    assert f"package: {installed}" in output, output
    pages, bad = re.search(r"pages: (\d+) bad: (.*)", output).groups()
    skeleton = 1 + len(NEED_AREAS) * (1 + len(KEY_STAGES) * (1 + len(TIERS))) + 3  # + risk, guidance, directory
    assert int(pages) >= skeleton, output
    assert bad == "[]", output
    assert "home-has-grid: True" in output
    assert "css: 200" in output
    assert "tool-anonymous: /accounts/login/" in output, output
    assert "tool-map: 302 200" in output, output
