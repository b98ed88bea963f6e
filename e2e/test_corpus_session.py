"""A session of the five real articles of the shared corpus, in the real app: dropped onto the
window, compared, and looked at side by side, in the quotes panel, the overview and the framing
view. The screenshots are how a newcomer first sees real coverage in Parallax."""
import json
import os
import re
import sqlite3
import subprocess
from pathlib import Path

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

        # The framing view: each article's words, actors, sources, facts and frames, every
        # figure a button that opens its words in the text.
        app.find_element(*by_testid("tab-framing")).click()
        wait(app, 30).until(EC.visibility_of_element_located(by_testid("framing")))
        for part in ("openings", "distinctive", "actors", "sources", "facts", "frames"):
            section = app.find_element(*by_testid(f"framing-{part}"))
            assert text_of(section).strip(), part
        facts = app.find_element(*by_testid("framing-facts"))
        assert "Biden administration" in text_of(facts) and "Trump administration" in text_of(facts), text_of(facts)[:400]
        terms = app.find_elements(*by_testid("distinctive-term"))
        assert len(terms) >= 25, len(terms)
        screenshot(app, artifacts, "14-corpus-framing")
        for part in ("distinctive", "actors", "facts"):
            section = app.find_element(*by_testid(f"framing-{part}"))
            app.execute_script("arguments[0].scrollIntoView({block: 'start'})", section)
            wait(app).until(
                lambda d: d.execute_script(
                    "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2",
                    section,
                )
            )
            screenshot(app, artifacts, f"15-corpus-framing-{part}")
        app.execute_script("arguments[0].scrollIntoView()", terms[0])

        # A distinctive word of one article is shown in its column, its uses outlined.
        term = terms[0]
        word = text_of(term.find_element(By.CSS_SELECTOR, ".term"))
        term.click()
        wait(app, 30).until(EC.presence_of_element_located(by_testid("aligned-columns")))
        lit = wait(app).until(lambda d: d.find_elements(*by_testid("emphasis")))
        lit_text = " ".join(text_of(e) for e in lit).lower()
        assert word.lower().split()[0] in lit_text, (word, lit_text[:200])
        assert any(e.is_displayed() for e in lit)
        bar = app.find_element(*by_testid("emphasis-bar"))
        assert word in text_of(bar), text_of(bar)
        screenshot(app, artifacts, "16-corpus-framing-word-in-text")
        # Its other uses, one after another.
        assert "place 1 of" in text_of(bar), text_of(bar)
        app.find_element(*by_testid("emphasis-next")).click()
        wait(app).until(lambda d: "place 2 of" in text_of(d.find_element(*by_testid("emphasis-bar"))))

        # The keyboard goes back and forth: F opens the framing view again.
        app.find_element(*by_testid("session-view")).send_keys("f")
        wait(app).until(EC.visibility_of_element_located(by_testid("framing")))

        # Export: a web-page report of the session, from the session bar, to a path typed in.
        report = tmp_path_factory.mktemp("export") / "venezuela-report.html"
        app.find_element(*by_testid("export-button")).click()
        dialog = wait(app).until(EC.visibility_of_element_located(by_testid("export-dialog")))
        field = dialog.find_element(*by_testid("export-path"))
        assert field.get_attribute("value").endswith(".html"), field.get_attribute("value")
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(str(report))
        screenshot(app, artifacts, "17-corpus-export-dialog")
        dialog.find_element(*by_testid("export-submit")).click()
        done = wait(app, 60).until(EC.visibility_of_element_located(by_testid("export-done")))
        assert str(report) in text_of(done), text_of(done)
        html = report.read_text(encoding="utf-8")
        assert SESSION_NAME in html and "<script" not in html.lower()
        for section in ("articles", "openings", "alignment", "quotes", "passages", "framing", "notes"):
            assert f'<section id="{section}">' in html, section

        # The report in headless Chromium with JavaScript off: every section is there with its
        # text, and the page renders (a full-page screenshot is kept).
        check_report_in_chromium(report, artifacts)

        # The same session saved as a bundle for a colleague, from the same dialog, and opened
        # in a fresh library by the command line: the session comes back with its articles.
        bundle = report.parent / "venezuela.parallax.json"
        dialog.find_element(*by_testid("export-format-bundle")).click()
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(str(bundle))
        dialog.find_element(*by_testid("export-submit")).click()
        wait(app, 60).until(lambda d: str(bundle) in text_of(d.find_element(*by_testid("export-done"))))
        colleague = report.parent / "colleague.sqlite3"
        cli = Path(os.environ["CARGO_TARGET_DIR"]) / "debug" / "parallax"
        opened = subprocess.run(
            [str(cli), "--db", str(colleague), "bundle", "open", "--json", str(bundle)],
            capture_output=True, text=True, timeout=120,
        )
        assert opened.returncode == 0, opened.stderr
        made = json.loads(opened.stdout)
        assert made["session"]["name"] == SESSION_NAME
        assert len(made["imported"]) == 5 and len(made["session"]["articles"]) == 5
        dialog.find_element(By.CSS_SELECTOR, "footer .btn.quiet").click()

        check_delete_empty_trash_and_backup(app, artifacts, files, tmp_path_factory.mktemp("backup"))


def word_only_in(path, files):
    """A long word of `path` that no other corpus article holds."""
    others = [p.read_text(encoding="utf-8").lower() for p in files if p != path]
    for word in re.findall(r"[A-Za-z]{9,}", path.read_text(encoding="utf-8")):
        if all(word.lower() not in other for other in others):
            return word
    raise AssertionError(f"no word of its own in {path}")


def file_holds(path, word):
    """Whether the library file or its write-ahead log holds `word`."""
    needle = word.encode()
    return any(
        Path(f"{path}{suffix}").exists() and needle in Path(f"{path}{suffix}").read_bytes()
        for suffix in ("", "-wal")
    )


def check_delete_empty_trash_and_backup(app, artifacts, files, folder):
    """Back in the library: an article the session compares is deleted (the app says so and
    takes it out of the session), a backup is taken, and the emptied trash leaves none of the
    article's words in the library file."""
    doomed = files[3]
    secret = word_only_in(doomed, files)
    app.find_element(*by_testid("session-view")).send_keys(Keys.ESCAPE)
    wait(app).until(EC.visibility_of_element_located(by_testid("library-table")))
    search = app.find_element(By.ID, "library-search")
    search.send_keys(secret)
    wait(app).until(lambda d: len(article_rows(d)) == 1)
    row = article_rows(app)[0]
    row.find_element(By.CSS_SELECTOR, "td.title").click()
    app.find_element(By.TAG_NAME, "body").send_keys(Keys.DELETE)
    dialog = wait(app).until(EC.visibility_of_element_located(by_testid("delete-dialog")))
    assert SESSION_NAME in text_of(dialog.find_element(*by_testid("delete-uses"))), text_of(dialog)
    screenshot(app, artifacts, "19-corpus-delete-compared-article")
    dialog.find_element(*by_testid("delete-take-out")).click()
    wait(app).until(lambda d: len(article_rows(d)) == 0)
    app.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)

    # A backup from the status line, to a path typed in: it opens as a library of all articles.
    backup = folder / "library-backup.sqlite3"
    app.find_element(*by_testid("backup-button")).click()
    dialog = wait(app).until(EC.visibility_of_element_located(by_testid("backup-dialog")))
    field = dialog.find_element(*by_testid("backup-path"))
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(str(backup))
    dialog.find_element(*by_testid("backup-submit")).click()
    done = wait(app, 60).until(EC.visibility_of_element_located(by_testid("backup-done")))
    assert str(backup) in text_of(done), text_of(done)
    with sqlite3.connect(backup) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT count(*) FROM articles").fetchone()[0] == 9
    dialog.find_element(By.CSS_SELECTOR, "footer .btn.quiet").click()

    # The trash, from the status line: emptied, the article's words leave the library file.
    assert file_holds(app.library_path, secret), "a deleted article is only hidden"
    trash = wait(app).until(EC.element_to_be_clickable(by_testid("trash-button")))
    assert "1 article" in text_of(trash), text_of(trash)
    trash.click()
    dialog = wait(app).until(EC.visibility_of_element_located(by_testid("trash-dialog")))
    assert "1 article" in text_of(dialog.find_element(*by_testid("trash-summary")))
    screenshot(app, artifacts, "20-corpus-empty-trash")
    dialog.find_element(*by_testid("trash-empty")).click()
    wait(app, 60).until(lambda d: not d.find_elements(*by_testid("trash-button")))
    assert not file_holds(app.library_path, secret), f"{secret!r} is still in the library file"
    with sqlite3.connect(app.library_path) as library:
        assert library.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert library.execute("SELECT count(*) FROM session_articles").fetchone()[0] == 4
    screenshot(app, artifacts, "21-corpus-trash-emptied")


def check_report_in_chromium(report, artifacts):
    profile = report.parent / "chromium-profile"
    common = [
        "chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
        "--disable-javascript", "--window-size=1280,16000",
    ]
    dom = subprocess.run(
        common + ["--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    # Fewest words each section shows for this session (it has no notes).
    least = {"articles": 40, "openings": 300, "alignment": 300, "quotes": 100, "passages": 5, "framing": 300, "notes": 2}
    for section, words_needed in least.items():
        start = dom.find(f'<section id="{section}">')
        assert start >= 0, section
        end = dom.find("</section>", start)
        words = re.sub(r"<[^>]+>", " ", dom[start:end]).split()
        assert len(words) >= words_needed, (section, words[:40])
    shot = artifacts / "18-corpus-report-chromium.png"
    subprocess.run(common + [f"--screenshot={shot}", report.as_uri()], capture_output=True, timeout=120, check=True)
    colours = subprocess.run(
        ["identify", "-format", "%k", str(shot)], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert int(colours) > 50, f"the report rendered blank ({colours} colours)"
