"""The app facing a library file it cannot open: it still starts and says what is wrong and
where the file is, and leaves the file as it was."""
import os
import random
import subprocess
import time
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
