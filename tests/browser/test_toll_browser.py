"""The toll page in a real browser: the chart draws, hover shows the escaped evidence, a click selects it."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import ARTIFACTS, wait_for_app

pytestmark = pytest.mark.browser


def _open(page, url: str) -> None:
    page.goto(f"{url}/")  # the default page
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot .scatterlayer .points path", timeout=120_000)
    page.wait_for_timeout(1000)


def _figure_points(page):
    """Bounding boxes of the plotted markers (not the legend's), lowest on screen first."""
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    markers = page.locator(".js-plotly-plot .cartesianlayer .scatterlayer .trace .points path")
    boxes = [markers.nth(i).bounding_box() for i in range(markers.count())]
    return sorted((b for b in boxes if b and 4 < b["width"] < 20), key=lambda b: -b["y"])


def _evidence(page) -> str:
    main = page.locator('[data-testid="stMain"]').inner_text()
    return main[main.index("Evidence for a point"):]


def test_toll_chart_hover_and_click(streamlit_server, page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    _open(page, streamlit_server)
    assert page.get_by_text("No date").first.is_visible()  # the undated strip's title
    points = _figure_points(page)
    assert len(points) >= 5
    lowest = points[1]  # points[0] is the event-date star on the time axis; then the smallest figure (60)
    page.mouse.move(lowest["x"] + lowest["width"] / 2, lowest["y"] + lowest["height"] / 2)
    hover = page.locator(".hoverlayer .hovertext")
    hover.first.wait_for(timeout=10_000)
    text = hover.first.text_content()
    assert "Published: 2024-03-23" in text and "Deaths: at least 60" in text
    page.screenshot(path=str(ARTIFACTS / "toll-hover.png"))
    # The evidence starts on the page's first point (that same 60), so the click goes to the highest marker,
    # another report, and must move the evidence to it.
    assert "Deaths: at least 60" in _evidence(page)
    highest = points[-1]
    page.mouse.move(highest["x"] + highest["width"] / 2, highest["y"] + highest["height"] / 2)
    page.wait_for_function("() => /Deaths: [^6]/.test("
                           "document.querySelector('.hoverlayer .hovertext')?.textContent || '')", timeout=10_000)
    deaths = re.search(r"Deaths: (\D*\d+(?:,\d{3})*)", hover.first.text_content()).group(1)  # "at least 60", "143"
    page.mouse.click(highest["x"] + highest["width"] / 2, highest["y"] + highest["height"] / 2)
    # The selection reruns the page; on a loaded machine that can take a while, so poll for its evidence.
    page.wait_for_function(
        "expected => { const main = document.querySelector('[data-testid=\"stMain\"]').innerText;"
        " const at = main.indexOf('Evidence for a point');"
        " return at >= 0 && main.slice(at).includes(expected); }",
        arg=f"Deaths: {deaths}", timeout=30_000,
    )
    assert "Deaths: at least 60" not in _evidence(page)
    assert not errors, errors


@pytest.mark.parametrize("width", [1280, 420])
def test_toll_page_fits_the_screen(streamlit_server, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        _open(page, streamlit_server)
        chart = page.locator(".js-plotly-plot").first.bounding_box()
        assert chart["x"] >= 0 and chart["x"] + chart["width"] <= width + 1
        # the legend never covers the axes: its box starts below the x axis title
        legend = page.locator(".js-plotly-plot .legend").first.bounding_box()
        axis_title = page.locator(".js-plotly-plot .xtitle").first.bounding_box()
        assert legend["y"] >= axis_title["y"] + axis_title["height"] - 1
        page.screenshot(path=str(ARTIFACTS / f"toll-{width}.png"), full_page=True)
    finally:
        context.close()
