"""The app facing a library file it cannot open: it still starts and says what is wrong and
where the file is, and leaves the file as it was."""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import running_app


def test_a_damaged_library_is_reported_not_crashed_on_and_left_alone(tmp_path, artifacts):
    library = tmp_path / "library.sqlite3"
    garbage = b"this is not an SQLite database, just some bytes a disk left behind\n" * 50
    library.write_bytes(garbage)
    with running_app(tmp_path, artifacts, "damaged") as app:
        def shown_alerts(driver):
            alerts = driver.find_elements(By.CSS_SELECTOR, '[role="alert"]')
            return [a for a in alerts if a.is_displayed() and "could not be opened" in (a.get_attribute("textContent") or "")]

        alerts = WebDriverWait(app, 20).until(shown_alerts)
        assert any(str(library) in (a.get_attribute("textContent") or "") for a in alerts)
        time.sleep(0.5)  # let WebKit paint before the screenshot
        app.save_screenshot(str(artifacts / "07-damaged-library.png"))
    assert library.read_bytes() == garbage
