"""A session of the five real articles of the shared corpus, in the real app: dropped onto the
window, compared, and looked at side by side, in the quotes panel and in the overview. The
screenshots are how a newcomer first sees real coverage in Parallax."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

from conftest import running_app
from test_app import article_rows, by_testid, native_drop, screenshot, select_rows, text_of, wait

SESSION_NAME = "Venezuela and Washington, five outlets"


def test_a_session_of_the_five_corpus_articles(tmp_path_factory, artifacts, corpus):
    files = sorted(corpus.glob("*.txt"))
    assert len(files) == 5
    with running_app(tmp_path_factory.mktemp("corpus-home"), artifacts, "corpus") as app:
        wait(app).until(lambda d: len(article_rows(d)) >= 4)
        sample = {row.get_attribute("data-article-id") for row in article_rows(app)}
        native_drop(files)
        result = wait(app, 60).until(EC.visibility_of_element_located(by_testid("import-result")))
        assert len(app.find_elements(*by_testid("import-imported"))) == 5, text_of(result)
        app.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)

        # Select the five imported articles (Ctrl-click each) and compare them.
        wait(app).until(lambda d: len(article_rows(d)) == len(sample) + 5)
        imported = [r for r in article_rows(app) if r.get_attribute("data-article-id") not in sample]
        select_rows(app, imported)
        wait(app).until(EC.element_to_be_clickable(by_testid("compare-button"))).click()
        name = wait(app).until(EC.visibility_of_element_located(by_testid("new-session-name")))
        name.send_keys(Keys.CONTROL, "a")
        name.send_keys(SESSION_NAME, Keys.ENTER)

        wait(app, 60).until(EC.presence_of_element_located(by_testid("aligned-columns")))
        columns = app.find_elements(*by_testid("session-column"))
        assert len(columns) == 5
        # Every column shows its article's own text.
        for column in columns:
            assert len(text_of(column).split()) > 300, text_of(column)[:200]
        # No column is titled by its file name: two articles have no headline, and their titles
        # come from their openings.
        headers = [text_of(h) for h in app.find_elements(*by_testid("column-header"))]
        for path in files:
            assert not any(path.stem[4:] in h for h in headers), headers
        # The first screen shows text in every column in view, not walls of empty cells.
        in_view = app.execute_script(
            """
            const scroller = document.querySelector('[data-testid="aligned-columns"]');
            const frame = scroller.getBoundingClientRect();
            const shown = [];
            for (const column of document.querySelectorAll('[data-testid="session-column"]')) {
              const box = column.getBoundingClientRect();
              // Columns mostly in view (one scrolled off to the side may show a sliver).
              const visible = Math.min(box.right, frame.right) - Math.max(box.left, frame.left);
              if (visible < box.width / 2) continue;
              const words = [...column.querySelectorAll('[data-testid="sentence"]')]
                .filter((s) => { const r = s.getBoundingClientRect(); return r.bottom > frame.top && r.top < frame.bottom; })
                .reduce((n, s) => n + s.textContent.split(/\\s+/).length, 0);
              shown.push(words);
            }
            return shown;
            """
        )
        screenshot(app, artifacts, "11-corpus-session")
        assert len(in_view) >= 2 and all(words >= 20 for words in in_view), in_view

        # Next difference lands on text, never on an empty row.
        view = app.find_element(*by_testid("session-view"))
        for _ in range(3):
            view.send_keys("n")
            wait(app).until(
                lambda d: any(cell.text.strip() for cell in d.find_elements(By.CSS_SELECTOR, ".cell.current"))
            )

        # The quotes panel lists the quotations of the five articles, grouped across outlets.
        view.send_keys("q")
        panel = wait(app).until(EC.visibility_of_element_located(by_testid("quotes-panel")))
        rows = wait(app).until(lambda d: d.find_elements(*by_testid("quote-row")))
        assert len(rows) >= 8, text_of(panel)[:300]
        screenshot(app, artifacts, "12-corpus-quotes")
        # A quotation far down the list is shown in the text: its row becomes the current one.
        button = rows[-1].find_element(By.CSS_SELECTOR, "button.text")
        words = button.text.strip("“”").split()[:3]
        button.click()
        wait(app).until(
            lambda d: any(
                " ".join(words) in " ".join(cell.text.split())
                for cell in d.find_elements(By.CSS_SELECTOR, ".cell.current")
            )
        )
        view.send_keys("q")

        # The overview: how much of each article the others say too, with a row of counts per
        # article.
        app.find_element(*by_testid("tab-overview")).click()
        facts = wait(app, 30).until(EC.visibility_of_element_located(by_testid("article-facts")))
        assert len(facts.find_elements(By.CSS_SELECTOR, "tbody tr")) == 5, text_of(facts)
        wait(app, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, '[data-testid="overview"] svg'))
        screenshot(app, artifacts, "13-corpus-overview")
