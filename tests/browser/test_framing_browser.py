"""The Framing heatmap in a real browser: a click on a cell opens that frame's sentences for that side."""

from __future__ import annotations

import pytest

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import ARTIFACTS, stable_boxes, wait_for_app

pytestmark = pytest.mark.browser


def test_a_click_on_a_heatmap_cell_shows_its_sentences(streamlit_server, page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{streamlit_server}/framing")
    wait_for_app(page)
    chart = page.locator(".js-plotly-plot").first
    chart.wait_for(timeout=60_000)
    chart.scroll_into_view_if_needed()
    heading = page.get_by_text("Perpetrators & terrorism — Seed A: world reaction — 5 sentences").first
    # The transparent square over each cell is what a click selects; the top-left one is the most carried
    # frame of the first side. On a loaded machine the page may still be settling when the chart first shows,
    # so the click is aimed again at fresh boxes until the cell's sentences open.
    cells = chart.locator(".scatterlayer .trace .points path")
    for attempt in range(3):
        wait_for_app(page)
        boxes = sorted(stable_boxes(cells), key=lambda b: (round(b["y"]), b["x"]))
        assert len(boxes) >= 8 * 5
        first = boxes[0]
        page.mouse.click(first["x"] + first["width"] / 2, first["y"] + first["height"] / 2)
        try:
            heading.wait_for(timeout=20_000)
            break
        except PlaywrightTimeout:
            page.screenshot(path=str(ARTIFACTS / f"framing-cell-click-miss-{attempt}.png"))
    heading.wait_for(timeout=10_000)
    wait_for_app(page)
    heading.scroll_into_view_if_needed()
    evidence = page.locator('[data-testid="stDataFrame"]').filter(
        has=page.locator("canvas, [role='grid']")).nth(1)  # the frame table first, then the cell's sentences
    evidence.wait_for(timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "framing-cell-click.png"))
    box = evidence.bounding_box()
    assert box and box["height"] > 100 and heading.bounding_box()["y"] < box["y"]
    assert not errors, errors
