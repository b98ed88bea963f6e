"""Fixtures for the end-to-end tests: the real app, started by tauri-driver (WebKitWebDriver
underneath) on the X display the test command provides (Xvfb), with a fresh library."""
import contextlib
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import urllib3
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.options import ArgOptions

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "venezuela-2026"
ARTIFACTS = Path(os.environ.get("PARALLAX_ARTIFACTS", ROOT / "test-artifacts")) / "e2e"
DRIVER_PORT = 4444


def app_binary() -> Path:
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    binary = Path(os.environ.get("PARALLAX_APP_BINARY", target / "debug" / "parallax-app"))
    if not binary.exists():
        pytest.fail(f"the app binary {binary} is missing: build it first (scripts/test.sh does)")
    return binary


class TauriOptions(ArgOptions):
    """tauri-driver wants exactly these capabilities."""

    def __init__(self, application: Path):
        super().__init__()
        self.application = application

    def to_capabilities(self):
        return {"browserName": "wry", "tauri:options": {"application": str(self.application)}}


def wait_for_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port}")


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing: expected the folder {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def artifacts() -> Path:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS


def start_session():
    """A WebDriver session on the app. tauri-driver listens before the WebKitWebDriver it starts
    does; on a cold machine the first request can find nothing behind it, so it is tried again."""
    for attempt in range(3):
        try:
            return webdriver.Remote(f"http://127.0.0.1:{DRIVER_PORT}", options=TauriOptions(app_binary()))
        except (WebDriverException, urllib3.exceptions.ProtocolError):
            if attempt == 2:
                raise
            time.sleep(2)


@contextlib.contextmanager
def running_app(home: Path, artifacts: Path, name: str):
    """A WebDriver session on the real app whose data lives under `home`."""
    if not os.environ.get("DISPLAY"):
        pytest.fail("no DISPLAY: run the end-to-end tests under Xvfb (scripts/test.sh does)")
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = str(home / "data")
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_CACHE_HOME"] = str(home / "cache")
    env["PARALLAX_DB"] = str(home / "library.sqlite3")
    driver_log = open(artifacts / f"tauri-driver-{name}.log", "w")
    driver_process = subprocess.Popen(
        ["tauri-driver", "--port", str(DRIVER_PORT), "--native-port", str(DRIVER_PORT + 1)],
        env=env,
        stdout=driver_log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(DRIVER_PORT)
        driver = start_session()
        driver.implicitly_wait(0)
        # The library file, for tests that check what the app wrote.
        driver.library_path = home / "library.sqlite3"
        try:
            yield driver
        finally:
            driver.quit()
    finally:
        driver_process.terminate()
        driver_process.wait(timeout=10)
        driver_log.close()
        log = home / "data" / "io.parallax.desktop" / "logs" / "parallax.log"
        if log.exists():
            shutil.copy(log, artifacts / f"parallax-{name}.log")


@pytest.fixture(scope="module")
def app(tmp_path_factory, artifacts):
    """The real app with a new, empty data directory (so it starts with the sample)."""
    with running_app(tmp_path_factory.mktemp("app-home"), artifacts, "main") as driver:
        yield driver
