"""A comparison session in the real app, end to end: made from the sample library, its articles
aligned sentence by sentence, a note added on a selection; then the app is quit and started
again on the same library, and the session and its note are back as they were left."""
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

from conftest import running_app
from test_app import article_rows, by_testid, screenshot, text_of, wait

SESSION_NAME = "Greywater barrage, four outlets"
NOTE_BODY = "Wire and Ledger agree on the **1971** date; check the inspection report."
NOTE_TAG = "fact-check"
# A phrase of the shared wire passage: the Meridian Wire and The Harbour Ledger both carry it.
QUOTE = "completed in 1971"


def row_tops(driver, row: int) -> list[float]:
    """The screen top of every non-empty cell of one aligned row, column by column."""
    return driver.execute_script(
        """
        const row = arguments[0];
        return [...document.querySelectorAll('[data-testid="session-column"]')]
          .map(column => column.querySelectorAll('.cell')[row])
          .filter(cell => cell && !cell.classList.contains('empty'))
          .map(cell => cell.getBoundingClientRect().top);
        """,
        row,
    )


def select_text(driver, needle: str) -> str:
    """Selects `needle` inside the first sentence that has it, as a person dragging would; returns
    the sentence's column's article id."""
    return driver.execute_script(
        """
        const needle = arguments[0];
        const sentence = [...document.querySelectorAll('[data-testid="sentence"]')]
          .find(s => s.textContent.includes(needle));
        if (!sentence) return null;
        sentence.scrollIntoView({block: 'center'});
        const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
          const at = node.data.indexOf(needle);
          if (at >= 0) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + needle.length);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            return sentence.closest('[data-testid="session-column"]').dataset.articleId;
          }
        }
        return null;
        """,
        needle,
    )


def bring_into_view(driver, element) -> None:
    """Scrolls `element` to the middle of its scroller and waits until it stays there (a smooth
    scroll from an earlier jump may still be running)."""
    last = None

    def settled(d):
        nonlocal last
        top = d.execute_script(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});"
            "return arguments[0].getBoundingClientRect().top;",
            element,
        )
        same = last is not None and abs(top - last) < 1
        last = top
        return same

    wait(driver).until(settled)


def test_a_session_with_a_note_comes_back_as_it_was_left(tmp_path_factory, artifacts):
    home = tmp_path_factory.mktemp("session-home")

    with running_app(home, artifacts, "session-first") as app:
        wait(app).until(lambda d: len(article_rows(d)) >= 4)
        # The library knows which articles share passages: the sample's wire story is reprinted.
        app.find_element(*by_testid("reuse-button")).click()
        reused = wait(app, 30).until(lambda d: d.find_elements(*by_testid("reuse-article")))
        panel = text_of(app.find_element(*by_testid("reuse-panel")))
        assert len(reused) >= 3 and "Meridian Wire" in panel and "% shared" in panel, panel
        screenshot(app, artifacts, "07b-shared-passages")
        app.find_element(*by_testid("reuse-button")).click()
        rows = article_rows(app)
        rows[0].find_element(By.CSS_SELECTOR, "td.title").click()
        ActionChains(app).key_down(Keys.SHIFT).click(rows[-1].find_element(By.CSS_SELECTOR, "td.title")).key_up(
            Keys.SHIFT
        ).perform()
        wait(app).until(EC.element_to_be_clickable(by_testid("compare-button"))).click()

        name = wait(app).until(EC.visibility_of_element_located(by_testid("new-session-name")))
        name.send_keys(Keys.CONTROL, "a")
        name.send_keys(SESSION_NAME, Keys.ENTER)

        wait(app).until(EC.visibility_of_element_located(by_testid("session-view")))
        wait(app, 30).until(EC.presence_of_element_located(by_testid("aligned-columns")))
        columns = app.find_elements(*by_testid("session-column"))
        assert len(columns) == 4
        assert app.find_element(*by_testid("session-name")).get_attribute("value") == SESSION_NAME

        # Aligned sentences sit at the same height: find rows shared by several articles.
        shared_rows = app.execute_script(
            """
            const columns = [...document.querySelectorAll('[data-testid="session-column"]')];
            const count = columns[0].querySelectorAll('.cell').length;
            const rows = [];
            for (let r = 0; r < count; r++) {
              const filled = columns.filter(c => !c.querySelectorAll('.cell')[r].classList.contains('empty'));
              if (filled.length >= 3) rows.push(r);
            }
            return rows;
            """
        )
        assert len(shared_rows) >= 5, shared_rows
        for row in shared_rows[:8]:
            tops = row_tops(app, row)
            assert max(tops) - min(tops) < 1.5, (row, tops)
        # The shared wire passage is aligned across the two outlets that carry it, unchanged.
        passage_row = app.execute_script(
            """
            const cells = [...document.querySelectorAll('.cell')]
              .filter(c => c.textContent.includes(arguments[0]));
            return cells.map(c => c.dataset.row);
            """,
            QUOTE,
        )
        assert len(passage_row) >= 2 and len(set(passage_row)) == 1, passage_row
        # Some sentences are found in one article only, and are marked so.
        assert app.find_elements(By.CSS_SELECTOR, ".cell.only-here")
        # The wire passage the outlets reprinted is marked as shared text in each of them.
        shared = "".join(text_of(s) for s in app.find_elements(By.CSS_SELECTOR, ".shared"))
        assert QUOTE in shared, shared[:200]
        screenshot(app, artifacts, "08-session-aligned")

        # A note on a selection.
        article_id = select_text(app, QUOTE)
        assert article_id is not None
        add = wait(app).until(EC.element_to_be_clickable(by_testid("add-note-on-selection")))
        add.click()
        body = wait(app).until(EC.visibility_of_element_located(by_testid("note-body")))
        body.send_keys(NOTE_BODY)
        tag = app.find_element(*by_testid("tag-input"))
        tag.send_keys(NOTE_TAG, Keys.ENTER)
        wait(app).until(lambda d: text_of(d.find_element(*by_testid("note-status"))) == "Saved")
        marks = app.find_elements(By.CSS_SELECTOR, "mark.noted")
        assert marks and QUOTE in "".join(text_of(m) for m in marks)
        screenshot(app, artifacts, "09-session-note")
        body.send_keys(Keys.CONTROL, Keys.ENTER)

        # Leave it in a particular state: two columns in view, scrolled down, overview closed.
        app.find_element(By.CSS_SELECTOR, '[aria-label="Columns in view"] button:first-child').click()
        scroller = app.find_element(*by_testid("aligned-columns"))
        app.execute_script("arguments[0].scrollTop = 900;", scroller)
        time.sleep(1.5)  # the view state is saved shortly after the last change
        left_at = app.execute_script("return arguments[0].scrollTop;", scroller)
        assert left_at > 500

    # Quit and start again on the same library.
    with running_app(home, artifacts, "session-second") as app:
        # The app reopens the session that was open when it was quit.
        wait(app, 30).until(EC.presence_of_element_located(by_testid("aligned-columns")))
        assert app.find_element(*by_testid("session-name")).get_attribute("value") == SESSION_NAME
        panel = wait(app).until(EC.visibility_of_element_located(by_testid("notes-panel")))
        assert "inspection report" in text_of(panel)
        assert NOTE_TAG in text_of(panel)
        assert QUOTE in text_of(panel.find_element(*by_testid("note-quote")))
        marks = app.find_elements(By.CSS_SELECTOR, "mark.noted")
        assert QUOTE in "".join(text_of(m) for m in marks)
        # Two columns in view: each column is half the scroller wide.
        widths = app.execute_script(
            """
            const scroller = document.querySelector('[data-testid="aligned-columns"]');
            const column = document.querySelector('[data-testid="session-column"]');
            return [scroller.clientWidth, column.getBoundingClientRect().width];
            """
        )
        assert abs(widths[1] - widths[0] / 2) < 2, widths
        scroller = app.find_element(*by_testid("aligned-columns"))
        wait(app).until(lambda d: abs(d.execute_script("return arguments[0].scrollTop;", scroller) - left_at) < 40)
        screenshot(app, artifacts, "10-session-reopened")

        # Keys: the next sentence only one article has becomes the current row.
        view = app.find_element(*by_testid("session-view"))
        view.send_keys("o")
        current = wait(app).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".cell.current.only-here"))
        assert current
        # Hovering a sentence of a shared row lights up its counterparts in the other columns.
        shared = app.execute_script(
            """
            const cell = [...document.querySelectorAll('.cell')].find(c => c.textContent.includes(arguments[0]));
            return cell.querySelector('[data-testid="sentence"]');
            """,
            QUOTE,
        )
        bring_into_view(app, shared)
        ActionChains(app).move_to_element(shared).perform()
        wait(app).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".sentence.counterpart")) >= 1)
        # Any article can be the pivot: the others are then read against it, pivot first.
        other = app.find_elements(*by_testid("session-column"))[1]
        other_id = other.get_attribute("data-article-id")
        other.find_element(*by_testid("make-pivot")).click()
        wait(app).until(
            lambda d: d.find_elements(*by_testid("session-column"))[0].get_attribute("data-article-id") == other_id
        )
        assert "Pivot" in text_of(app.find_elements(*by_testid("column-header"))[0])

        # The quotes panel: who is quoted, by which outlets, and the words given to two people.
        app.find_element(*by_testid("session-view")).send_keys("q")
        quotes = wait(app).until(EC.visibility_of_element_located(by_testid("quotes-panel")))
        wait(app).until(lambda d: d.find_elements(*by_testid("quote-row")))
        assert "Aurel Venn" in text_of(quotes)
        assert quotes.find_elements(*by_testid("misattributed")), text_of(quotes)[:400]
        assert app.find_elements(By.CSS_SELECTOR, ".quoted")
        time.sleep(0.3)
        screenshot(app, artifacts, "10b-session-quotes")

        # Back to the start screen: the session is among the recent ones, and opens again.
        app.find_element(*by_testid("session-view")).send_keys(Keys.ESCAPE)
        recent = wait(app).until(EC.visibility_of_element_located(by_testid("recent-session")))
        assert SESSION_NAME in text_of(recent)
        screenshot(app, artifacts, "11-recent-sessions")
        recent.find_element(By.CSS_SELECTOR, "button.open").click()
        wait(app, 30).until(EC.presence_of_element_located(by_testid("aligned-columns")))

        # The overview draws its heat map and timeline with the charting library.
        app.find_element(*by_testid("tab-overview")).click()
        heatmap = wait(app).until(EC.visibility_of_element_located(by_testid("similarity-heatmap")))
        wait(app).until(lambda d: heatmap.find_elements(By.CSS_SELECTOR, "svg path, svg rect"))
        assert "%" in text_of(heatmap)
        assert app.find_element(*by_testid("timeline")).find_elements(By.CSS_SELECTOR, "svg")
        facts = text_of(app.find_element(*by_testid("article-facts")))
        assert "Meridian Wire" in facts
        passages = text_of(app.find_element(*by_testid("shared-passages")))
        assert "words" in passages and "had it first" in passages, passages
        time.sleep(0.5)
        screenshot(app, artifacts, "12-session-overview")
