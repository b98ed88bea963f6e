"""The app facing a library file it cannot open: it still starts and says what is wrong and
where the file is, and leaves the file as it was."""
import time

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
