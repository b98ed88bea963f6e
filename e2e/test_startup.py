"""The app at start: facing a library file it cannot open (it still starts, says what is wrong
and where the file is, and leaves the file as it was), one another import is writing to, and
one holding articles deleted long ago."""
import json
import os
import random
import sqlite3
import subprocess
import time
from contextlib import closing
from pathlib import Path

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import running_app


def test_a_damaged_library_is_reported_not_crashed_on_and_left_alone(tmp_path, artifacts):
    library = tmp_path / "library.sqlite3"
    garbage = b"this is not an SQLite database, just some bytes a disk left behind\n" * 50
    library.write_bytes(garbage)
    with running_app(tmp_path, artifacts, "damaged") as app:
        def shown_alert_texts(driver):
            # The texts, read in one pass: the banner may re-render while the app starts (the
            # library and the sessions both report the failure), which makes an element found
            # a moment ago stale; then the wait tries again.
            try:
                alerts = driver.find_elements(By.CSS_SELECTOR, '[role="alert"]')
                texts = [a.get_attribute("textContent") or "" for a in alerts if a.is_displayed()]
            except StaleElementReferenceException:
                return False
            return [t for t in texts if "could not be opened" in t]

        texts = WebDriverWait(app, 20).until(shown_alert_texts)
        assert any(str(library) in t for t in texts), texts
        time.sleep(0.5)  # let WebKit paint before the screenshot
        app.save_screenshot(str(artifacts / "07-damaged-library.png"))
    assert library.read_bytes() == garbage


def test_the_app_opens_a_library_while_another_import_writes_to_it(tmp_path, artifacts):
    """Started during a long import by the command line, the app waits its turn to write and
    opens: no "database is locked", and both finish."""
    library = tmp_path / "library.sqlite3"
    folder = tmp_path / "many"
    folder.mkdir()
    rng = random.Random(7)
    words = "harbour council budget wall storm repair vote district resident contractor deadline".split()
    for i in range(1000):
        paragraphs = [" ".join(rng.choice(words) for _ in range(120)) + "." for _ in range(25)]
        (folder / f"{i:04}.txt").write_text(f"Report {i}\n\n" + "\n\n".join(paragraphs) + "\n")
    cli = Path(os.environ["CARGO_TARGET_DIR"]) / "debug" / "parallax"
    first = subprocess.run([str(cli), "--db", str(library), "import", str(folder / "0000.txt")], capture_output=True)
    assert first.returncode == 0, first.stderr
    importer = subprocess.Popen(
        [str(cli), "--db", str(library), "import", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        time.sleep(1)
        assert importer.poll() is None, "the import ended before the app started"
        with running_app(tmp_path, artifacts, "busy") as app:
            WebDriverWait(app, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, '[data-testid="article-row"]'))
            alerts = [a.get_attribute("textContent") for a in app.find_elements(By.CSS_SELECTOR, '[role="alert"]')]
            assert not alerts, alerts
            assert importer.poll() is None, "the import ended before the app had opened the library"
            time.sleep(0.5)  # let WebKit paint before the screenshot
            app.save_screenshot(str(artifacts / "08-opened-during-an-import.png"))
        assert importer.wait(timeout=300) == 0, importer.stderr.read()
    finally:
        if importer.poll() is None:
            importer.kill()


def test_articles_deleted_over_a_week_ago_go_for_good_once_the_app_is_open(tmp_path, artifacts):
    """The week-old purge runs after the window is up, on its own connection, and erases the
    article's words from the file; a recently deleted article stays restorable."""
    library = tmp_path / "library.sqlite3"
    secret, recent = "Quillfeatherstone", "Marrowbrookside"
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, word in [("old", secret), ("recent", recent), ("kept", "harbour")]:
        (folder / f"{name}.txt").write_text(
            f"Harbour report {name}\n\nBy Ada Morrow\n\nThe council met on Tuesday and {word} "
            f"spoke about the sea wall, the budget and the repairs due before the {name} storm season.\n"
        )
    cli = Path(os.environ["CARGO_TARGET_DIR"]) / "debug" / "parallax"
    imported = subprocess.run([str(cli), "--db", str(library), "import", "--json", str(folder)], capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    ids = {Path(f["path"]).stem: str(f["id"]) for f in json.loads(imported.stdout)["imported"]}
    deleted = subprocess.run([str(cli), "--db", str(library), "delete", ids["old"], ids["recent"]], capture_output=True, text=True)
    assert deleted.returncode == 0, deleted.stderr
    with closing(sqlite3.connect(library)) as db, db:
        db.execute(
            "UPDATE articles SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-8 days') WHERE id = ?",
            (int(ids["old"]),),
        )
    assert secret.encode() in library.read_bytes() + _wal(library)

    with running_app(tmp_path, artifacts, "purge") as app:
        rows = WebDriverWait(app, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, '[data-testid="article-row"]'))
        assert len(rows) == 1, [r.text for r in rows]

        def stored(_=None):
            with closing(sqlite3.connect(library)) as db:
                return sorted(str(row[0]) for row in db.execute("SELECT id FROM articles"))

        WebDriverWait(app, 30).until(lambda d: ids["old"] not in stored())
        assert stored() == sorted([ids["recent"], ids["kept"]])
    # The app has closed: its words are gone from the file and its log, the recent one's stay.
    held = library.read_bytes() + _wal(library)
    assert secret.encode() not in held
    assert recent.encode() in held


def _wal(library: Path) -> bytes:
    wal = library.with_name(library.name + "-wal")
    return wal.read_bytes() if wal.exists() else b""
