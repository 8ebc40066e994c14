"""Reading the feed as a consumer would: JSON bodies, and every page of a listing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

FEED = "/openreferral/"


def get_json(client, path: str, status: int = 200, **headers: Any) -> Any:
    response = client.get(FEED + path, **headers)
    assert response.status_code == status, (path, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json"), path
    return response.json()


def pages(client, listing: str, per_page: int = 7, **headers: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every page of ``listing`` (which may carry its own query), then the empty one past the last."""
    joiner = "&" if "?" in listing else "?"
    number = 1
    while True:
        path = f"{listing}{joiner}page={number}&per_page={per_page}"
        body = get_json(client, path, **headers)
        yield path, body
        if body["last_page"]:
            break
        number += 1
    yield (
        f"{listing}{joiner}page={number + 1}&per_page={per_page}",
        get_json(client, f"{listing}{joiner}page={number + 1}&per_page={per_page}", **headers),
    )


def everything(client, listing: str, **headers: Any) -> list[dict[str, Any]]:
    return [item for _path, body in pages(client, listing, **headers) for item in body["contents"]]
