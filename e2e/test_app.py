"""The real app, end to end: sample on first start, a native drag-and-drop import of files and a
folder, search, and two articles side by side. A screenshot of each step is kept in
test-artifacts/e2e/."""
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT

DRAG_SOURCE = ROOT.parent / "shared" / "tools" / "xdnd-drag-source.py"
SOURCE_X, SOURCE_Y = 1330, 120  # right of the 1280-pixel-wide app window


def wait(driver, timeout=20):
    # A row the UI re-renders between finding it and reading it is read again on the next try.
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,))


def by_testid(testid: str) -> tuple:
    return (By.CSS_SELECTOR, f'[data-testid="{testid}"]')


def screenshot(driver, artifacts: Path, name: str) -> None:
    """Both what WebDriver sees and the whole X screen, as a person would."""
    driver.save_screenshot(str(artifacts / f"{name}.png"))
    subprocess.run(["import", "-window", "root", str(artifacts / f"{name}-screen.png")], check=False)


def native_drop(paths: list[Path], target=(640, 420), while_over=None) -> None:
    """Drags real files from a GTK drag source onto the app, as a file manager does.
    `while_over` runs while the files hover over the window, before they are dropped."""
    if not DRAG_SOURCE.exists():
        pytest.fail(f"the drag source tool is missing: expected {DRAG_SOURCE}")
    source = subprocess.Popen(
        ["/usr/bin/python3", str(DRAG_SOURCE), str(SOURCE_X), str(SOURCE_Y), *map(str, paths)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert source.stdout.readline().strip() == "source ready"
        time.sleep(0.5)
        start_x, start_y = SOURCE_X + 100, SOURCE_Y + 60
        subprocess.run(["xdotool", "mousemove", str(start_x), str(start_y)], check=True)
        subprocess.run(["xdotool", "mousedown", "1"], check=True)
        for x in range(start_x - 10, target[0], -50):
            y = start_y + (target[1] - start_y) * (start_x - x) // (start_x - target[0])
            subprocess.run(["xdotool", "mousemove", str(x), str(y)], check=True)
            time.sleep(0.05)
        subprocess.run(["xdotool", "mousemove", str(target[0]), str(target[1])], check=True)
        time.sleep(0.3)
        if while_over is not None:
            while_over()
        subprocess.run(["xdotool", "mouseup", "1"], check=True)
        assert source.stdout.readline().strip() == "drag-end"
    finally:
        source.terminate()
        source.wait(timeout=5)


def text_of(element) -> str:
    """The element's text. WebKitWebDriver's visible-text rule drops text in cells cut short by
    `text-overflow: ellipsis`, which the library table uses, so read the DOM text instead."""
    return element.get_attribute("textContent") or ""


def article_rows(driver):
    return driver.find_elements(*by_testid("article-row"))


def select_rows(driver, rows) -> None:
    """Selects library rows as a person does: Ctrl-click on each one's title."""
    actions = ActionChains(driver).key_down(Keys.CONTROL)
    for row in rows:
        actions.click(row.find_element(By.CSS_SELECTOR, "td.title"))
    actions.key_up(Keys.CONTROL).perform()


def test_starts_with_the_sample_library(app, artifacts):
    wait(app).until(lambda d: len(article_rows(d)) >= 4)
    table = text_of(app.find_element(*by_testid("library-table")))
    assert "The Harbour Ledger" in table
    assert "Meridian Wire" in table
    screenshot(app, artifacts, "01-sample-library")


@pytest.fixture(scope="module")
def drop_batch(tmp_path_factory, corpus):
    """Three corpus articles, plus a folder holding a nested article, an empty file and an
    unsupported file."""
    folder = tmp_path_factory.mktemp("drop") / "more-articles"
    nested = folder / "nested"
    nested.mkdir(parents=True)
    (nested / "harbour-update.md").write_text(
        "# Harbour pilots return to work at Port Salve\n\nBy Ines Varga\n\n"
        "Harbour pilots returned to work on Friday after the floodwater receded, the port authority said.\n\n"
        "The first grain ship left the quay at dawn.\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    files = sorted(corpus.glob("*.txt"))[:3]
    return files + [folder]


def test_native_drop_imports_files_and_a_folder(app, artifacts, drop_batch):
    before = len(article_rows(app))

    def overlay_is_shown():
        overlay = wait(app, 10).until(EC.visibility_of_element_located(by_testid("drop-overlay")))
        assert "Drop" in text_of(overlay)
        screenshot(app, artifacts, "02a-drop-overlay")

    native_drop(drop_batch, while_over=overlay_is_shown)
    result = wait(app, 60).until(EC.visibility_of_element_located(by_testid("import-result")))
    screenshot(app, artifacts, "02-import-result")
    imported = app.find_elements(*by_testid("import-imported"))
    failed = app.find_elements(*by_testid("import-failed"))
    assert len(imported) == 4, text_of(result)
    assert len(failed) == 2, text_of(result)
    failed_text = " ".join(text_of(f) for f in failed)
    assert "empty.txt" in failed_text and "the file is empty" in failed_text
    assert "photo.jpg" in failed_text and "unsupported file type" in failed_text
    wait(app).until(lambda d: len(article_rows(d)) == before + 4)
    # The work after the import (languages, outlets' footers) runs in the background once the
    # report is shown, and ends; then every dropped article has the language of its text.
    wait(app, 60).until(lambda d: not d.find_elements(*by_testid("after-import-progress")))
    with sqlite3.connect(f"file:{app.library_path}?mode=ro", uri=True) as db:
        languages = dict(
            db.execute(
                "SELECT source_path, language FROM articles WHERE source_path LIKE ?",
                (f"{drop_batch[0].parent}%",),
            ).fetchall()
        )
    assert len(languages) == 3 and set(languages.values()) == {"en"}, languages
    app.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)


def test_search_finds_an_imported_article(app, artifacts):
    search = app.find_element(*by_testid("search-input"))
    search.clear()
    search.send_keys("harbour pilots")
    wait(app).until(EC.visibility_of_element_located(by_testid("search-result")))
    # Results are the matching rows, each with its highlighted snippet.
    rows = article_rows(app)
    assert [text_of(r) for r in rows if "Harbour pilots return to work" in text_of(r)], [text_of(r) for r in rows]
    marks = [text_of(m).lower() for m in app.find_elements(By.CSS_SELECTOR, '[data-testid="search-result"] mark')]
    assert "harbour" in marks and "pilots" in marks, marks
    screenshot(app, artifacts, "03-search")
    search.send_keys(Keys.CONTROL, "a")
    search.send_keys(Keys.DELETE)
    wait(app).until(lambda d: len(article_rows(d)) >= 8)


def test_two_articles_side_by_side_with_diff_highlights(app, artifacts):
    rows = article_rows(app)
    titles = [text_of(r) for r in rows]
    wire = next(r for r in rows if "Meridian Wire" in text_of(r))
    ledger = next(r for r in rows if "Harbour Ledger" in text_of(r))
    wire.find_element(By.CSS_SELECTOR, "td.title").click()
    ctrl_click(app, ledger.find_element(By.CSS_SELECTOR, "td.title"))
    wait(app).until(EC.element_to_be_clickable(by_testid("compare-button"))).click()
    # The new session's name is suggested; Enter accepts it.
    name = wait(app).until(EC.visibility_of_element_located(by_testid("new-session-name")))
    assert name.get_attribute("value")
    name.send_keys(Keys.ENTER)
    view = wait(app).until(EC.visibility_of_element_located(by_testid("session-view")))
    # The view shows at once; the columns come when the backend's alignment arrives.
    wait(app, 30).until(lambda d: len(d.find_elements(*by_testid("session-column"))) == 2)
    left, right = (text_of(c) for c in app.find_elements(*by_testid("session-column")))
    assert "Greywater" in left and "Greywater" in right, titles
    # Changed words are marked inside aligned pairs, on both sides.
    assert len(app.find_elements(By.CSS_SELECTOR, ".changed.pivot")) > 3
    assert len(app.find_elements(By.CSS_SELECTOR, ".changed:not(.pivot)")) > 3
    app.find_element(*by_testid("next-difference")).click()
    wait(app).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".cell.current"))
    screenshot(app, artifacts, "04-side-by-side")
    assert view.is_displayed()


def ctrl_click(driver, element):
    ActionChains(driver).key_down(Keys.CONTROL).click(element).key_up(Keys.CONTROL).perform()


def test_edit_metadata_inline_then_delete_and_undo(app, artifacts):
    app.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    wait(app).until(EC.visibility_of_element_located(by_testid("library-table")))
    row = next(r for r in article_rows(app) if "Harbour pilots return to work" in text_of(r))
    article_id = row.get_attribute("data-article-id")
    ActionChains(app).double_click(row.find_element(By.CSS_SELECTOR, "td.title")).perform()
    title = wait(app).until(EC.visibility_of_element_located((By.ID, "edit-title")))
    title.send_keys(Keys.CONTROL, "a")
    title.send_keys("Pilots back at work in Port Salve")
    date = app.find_element(By.ID, "edit-published")
    date.send_keys(Keys.CONTROL, "a")
    date.send_keys("not a date", Keys.ENTER)
    # A bad date is refused with a reason and nothing is saved.
    wait(app).until(lambda d: "YYYY-MM-DD" in text_of(d.find_element(By.TAG_NAME, "body")))
    date = app.find_element(By.ID, "edit-published")
    date.send_keys(Keys.CONTROL, "a")
    date.send_keys("2026-03-06", Keys.ENTER)
    selector = f'[data-testid="article-row"][data-article-id="{article_id}"]'
    wait(app).until(lambda d: "Pilots back at work in Port Salve" in text_of(d.find_element(By.CSS_SELECTOR, selector)))
    assert "Mar 6, 2026" in text_of(app.find_element(By.CSS_SELECTOR, selector))
    screenshot(app, artifacts, "05-edited")

    count = len(article_rows(app))
    app.find_element(By.CSS_SELECTOR, f"{selector} td.title").click()
    app.find_element(By.TAG_NAME, "body").send_keys(Keys.DELETE)
    toast = wait(app).until(EC.visibility_of_element_located(by_testid("undo-toast")))
    wait(app).until(lambda d: len(article_rows(d)) == count - 1)
    screenshot(app, artifacts, "06-deleted-with-undo")
    toast.find_element(By.TAG_NAME, "button").click()
    wait(app).until(lambda d: len(article_rows(d)) == count)
    assert "Pilots back at work in Port Salve" in text_of(app.find_element(By.CSS_SELECTOR, selector))


def test_set_the_outlet_of_several_articles_then_undo(app, artifacts):
    app.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    wait(app).until(EC.visibility_of_element_located(by_testid("library-table")))
    rows = article_rows(app)[:2]
    ids = [r.get_attribute("data-article-id") for r in rows]
    before = {i: text_of(app.find_element(By.CSS_SELECTOR, f'[data-article-id="{i}"] td.outlet')) for i in ids}
    select_rows(app, rows)
    wait(app).until(EC.element_to_be_clickable(by_testid("set-outlet-button"))).click()
    name = wait(app).until(EC.visibility_of_element_located(by_testid("set-outlet-name")))
    name.send_keys(Keys.CONTROL, "a")
    name.send_keys("Coastline News")
    screenshot(app, artifacts, "07-set-outlet")
    app.find_element(*by_testid("set-outlet-save")).click()
    outlet_of = lambda d, i: text_of(d.find_element(By.CSS_SELECTOR, f'[data-article-id="{i}"] td.outlet'))
    wait(app).until(lambda d: all("Coastline News" in outlet_of(d, i) for i in ids))
    toast = wait(app).until(EC.visibility_of_element_located(by_testid("undo-toast")))
    assert "Coastline News" in text_of(toast)
    toast.find_element(By.TAG_NAME, "button").click()
    # Undo gives each article its own outlet back.
    wait(app).until(lambda d: all(outlet_of(d, i) == before[i] for i in ids))
