"""Screenshot a workbench page for the README (needs `tidings serve` running and chromium).

python scripts/screenshot.py "http://127.0.0.1:8000/dyad?a=Kenya&b=Tanzania" docs/img/dyad.png
"""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright


def main() -> None:
    url, out = sys.argv[1], sys.argv[2]
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.goto(url)
        page.screenshot(path=out, full_page=True)
        browser.close()


if __name__ == "__main__":
    main()
