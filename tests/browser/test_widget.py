"""The web widget in headless Chromium (Debian's chromium, driven by Playwright) against the
real servers on loopback: action server, Rasa with the socket.io channel, and web/serve.py.

Saves screenshots under test-output/browser/ for people to look at.
"""
import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from actions.article import load_article
from servers import ENV, ROOT, Server, free_port, start_actions, start_rasa, write_config

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "test-output" / "browser"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
BOT = ".abot-log .abot-bot"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed (apt-get install chromium; `make test` does it)")
    tmp = tmp_path_factory.mktemp("browser")
    actions_port, rasa_port, web_port = free_port(), free_port(), free_port()
    origin = f"http://127.0.0.1:{web_port}"
    channel = {"rest": None, "server.socketio_channel.SocketIOChannel": {
        "user_message_evt": "user_uttered", "bot_message_evt": "bot_uttered",
        "session_persistence": True, "cors_allowed_origins": [origin]}}
    config = write_config(tmp, actions_port, tmp / "conversations.db", channel)
    s = {"tmp": tmp, "config": config, "rasa_port": rasa_port, "origin": origin}
    s["actions"] = start_actions(actions_port, tmp)
    s["rasa"] = start_rasa(rasa_port, config, tmp)
    s["web"] = Server("web", [sys.executable, "web/serve.py", "--port", str(web_port),
                              "--rasa-url", f"http://127.0.0.1:{rasa_port}"], web_port, tmp)
    try:
        for name in ("actions", "rasa", "web"):
            s[name].wait_ready()
        yield s
    finally:
        for name in ("web", "rasa", "actions"):
            s[name].stop()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                              chromium_sandbox=False, headless=True)
        yield b
        b.close()


@pytest.fixture
def watched_page(browser, tmp_path):
    """A page whose every request, websocket and JavaScript error is recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    seen = {"requests": [], "errors": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("websocket", lambda ws: seen["requests"].append(ws.url))
    page.on("pageerror", lambda e: seen["errors"].append(f"pageerror: {e}"))
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(f"console: {m.text}"))
    yield page, seen
    context.close()


def bot_text_containing(page, text, after=0, timeout=20000):
    """The first bot message from index `after` on that contains `text` (waits for it)."""
    index = page.wait_for_function(
        """([sel, after, text]) => {
             const i = Array.from(document.querySelectorAll(sel)).slice(after)
                            .findIndex(e => e.textContent.includes(text));
             return i < 0 ? null : {index: after + i};  // an object: index 0 is falsy
           }""", arg=[BOT, after, text], timeout=timeout).json_value()["index"]
    return page.locator(BOT).nth(index)


def ask(page, question):
    """Type and send a question; return how many bot messages there were before it."""
    before = page.locator(BOT).count()
    page.fill("#abot-input", question)
    page.press("#abot-input", "Enter")
    return before


def assert_only_loopback(seen):
    assert seen["requests"], "no requests recorded"
    outside = [u for u in seen["requests"] if urlsplit(u).hostname != "127.0.0.1"]
    assert outside == [], f"requests left 127.0.0.1: {outside}"


def test_conversation_in_the_widget(stack, watched_page):
    page, seen = watched_page
    SHOTS.mkdir(parents=True, exist_ok=True)
    response = page.goto(stack["origin"] + "/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert page.locator("main h1").inner_text() == "Exercise Can Alleviate Neuropathic Pain"

    # Open the widget: focus goes to the input, the bot greets with suggested questions.
    launcher = page.get_by_role("button", name="Open chat: Ask about this article")
    launcher.click()
    assert launcher.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "abot-input"
    greeting = bot_text_containing(page, "I answer questions about the article")
    assert page.get_by_label("Your question").is_visible()

    # A suggested question from the greeting, clicked with the mouse.
    before = page.locator(BOT).count()
    greeting.get_by_role("button", name="What is the article about?").click()
    bot_text_containing(page, "It reports a rat study", before)

    # A grounded answer: the figures, and the quote shown as a block quote, verbatim.
    answer = bot_text_containing(page, "30 to 50 percent", ask(page, "does swimming help?"))
    quotes = answer.locator("blockquote.abot-quote")
    assert quotes.count() >= 1
    article = "\n".join(load_article().paragraphs)
    for i in range(quotes.count()):
        cite = quotes.nth(i).locator("cite").inner_text()
        quoted = quotes.nth(i).inner_text().replace(cite, "").strip().strip("“”")
        assert quoted in article, quoted
        assert cite.startswith("From the article, paragraph")

    # A suggested-question button, reached and pressed from the keyboard.
    button = answer.get_by_role("button", name="Why does exercise help?")
    button.focus()
    before = page.locator(BOT).count()
    page.keyboard.press("Enter")
    bot_text_containing(page, "inflammation-promoting cytokines", before)
    assert page.locator(".abot-user").last.inner_text().endswith("Why does exercise help?")

    # Follow-ups use the conversation's context on the server.
    bot_text_containing(page, "didn't test cycling", ask(page, "what about cycling?"))
    # "by how much?" remembers cycling: it says cycling was not measured before giving the figures.
    bot_text_containing(page, "There is no figure for cycling", ask(page, "by how much did the pain go down?"))
    page.screenshot(path=str(SHOTS / "widget.png"))

    # Markup typed by the user stays text; nothing executes.
    before = ask(page, '<img src=x onerror="window.__xss=1"> javascript:window.__xss=2')
    page.locator(".abot-user", has_text="<img src=x").wait_for()
    bot_text_containing(page, "Sorry", before)
    # And bot messages carrying markup or script links render as text (the widget's own renderer).
    page.evaluate("""() => ArticleBot.init({serverUrl: 'unused'}).receive({
        text: '<img src=x onerror="window.__xss=3"><script>window.__xss=4</script> ' +
              'javascript:window.__xss=5 [link](javascript:window.__xss=6) https://127.0.0.1/ok',
        quick_replies: [{title: '<b>bold</b>', payload: '/greet'}]})""")
    last = page.locator(BOT).last
    assert "<img src=x" in last.inner_text() and "<script>" in last.inner_text()
    assert page.locator(".abot-log img, .abot-log script, .abot-log b").count() == 0
    hrefs = last.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert hrefs == ["https://127.0.0.1/ok"]
    assert page.evaluate("window.__xss") is None

    # Reload: the same session continues, with its history shown.
    session = json.loads(page.evaluate("localStorage.getItem('articleBot.v1')"))["sessionId"]
    shown = page.locator(".abot-log .abot-msg").count()
    page.reload()
    page.locator(BOT, has_text="30 to 50 percent").first.wait_for()
    assert page.locator(".abot-log .abot-msg").count() == shown
    assert json.loads(page.evaluate("localStorage.getItem('articleBot.v1')"))["sessionId"] == session
    page.wait_for_function("() => !document.querySelector('#abot-input').disabled")
    # The server still holds the conversation: "does it help?" means cycling.
    bot_text_containing(page, "The study didn't test cycling, so", ask(page, "does it help?"))

    # "New conversation" starts afresh with a new session id.
    page.get_by_role("button", name="New conversation").click()
    # Only the new session's greeting (notice + greeting) may be there, none of the old messages.
    assert page.locator(".abot-log .abot-user").count() == 0
    assert page.locator(".abot-log .abot-msg", has_text="cycling").count() == 0
    assert json.loads(page.evaluate("localStorage.getItem('articleBot.v1')"))["sessionId"] != session

    assert_only_loopback(seen)
    assert seen["errors"] == []


def test_reconnects_after_a_server_restart_and_says_when_unreachable(stack, watched_page):
    page, seen = watched_page
    page.goto(stack["origin"] + "/")
    page.get_by_role("button", name="Open chat: Ask about this article").click()
    bot_text_containing(page, "I answer questions about the article")

    stack["rasa"].stop()
    page.locator(".abot-status", has_text="Can't reach the bot").wait_for(timeout=15000)
    assert page.locator("#abot-input").is_disabled()

    stack["rasa"] = start_rasa(stack["rasa_port"], stack["config"], stack["tmp"], name="rasa-restarted")
    stack["rasa"].wait_ready()
    page.wait_for_function("() => !document.querySelector('#abot-input').disabled", timeout=30000)
    bot_text_containing(page, "No: the study was done in rats", ask(page, "was it tested on people?"))
    assert_only_loopback(seen)
    # While the server was down the browser logged failed socket connections; nothing else.
    assert [e for e in seen["errors"] if "WebSocket" not in e and "ERR_CONNECTION_REFUSED" not in e] == []


def test_usable_on_a_phone_sized_screen(stack, browser):
    context = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(stack["origin"] + "/")
        page.get_by_role("button", name="Open chat: Ask about this article").click()
        bot_text_containing(page, "I answer questions about the article")
        box = page.locator("#abot-panel").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375 and box["y"] >= 0
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "widget-phone.png"))
    finally:
        context.close()


def test_ai_notice_and_delete_my_conversation(stack, watched_page):
    """The AI notice is visible from the first opening, before the reader writes, and stays; "Delete
    my conversation" removes every event of the session from the server's store and the browser."""
    import sqlite3

    page, seen = watched_page
    page.goto(stack["origin"] + "/")
    page.get_by_role("button", name="Open chat: Ask about this article").click()
    notice = page.locator("#abot-ai-notice")
    assert notice.is_visible() and "automated assistant, not a person" in notice.inner_text()
    bot_text_containing(page, "automated assistant")  # the greeting says it too
    bot_text_containing(page, "30 to 50 percent", ask(page, "does swimming help?"))
    # Still visible after a long exchange: it sits above the scrolling log.
    for question in ("what is neuropathic pain?", "was it tested on people?", "why does exercise help?"):
        bot_text_containing(page, "From the article", ask(page, question))
    assert notice.is_visible()
    page.screenshot(path=str(SHOTS / "widget-notice.png"))

    session = json.loads(page.evaluate("localStorage.getItem('articleBot.v1')"))["sessionId"]
    db = stack["tmp"] / "conversations.db"

    def rows(sender):
        with sqlite3.connect(db) as connection:
            return connection.execute("SELECT COUNT(*) FROM events WHERE sender_id=?", (sender,)).fetchone()[0]

    assert rows(session) > 0
    page.get_by_role("button", name="Delete my conversation").click()
    page.locator(".abot-bot", has_text="deleted from the server and from this browser").wait_for()
    assert rows(session) == 0
    state = json.loads(page.evaluate("localStorage.getItem('articleBot.v1')"))
    assert state["sessionId"] != session
    assert not any("swimming" in (e.get("text") or "") for e in state["transcript"])
    assert page.locator(".abot-user", has_text="does swimming help?").count() == 0
    assert page.locator(".abot-msg").count() == 1
    # A typed request works the same way.
    bot_text_containing(page, "30 to 50 percent", ask(page, "does swimming help?"))
    second = json.loads(page.evaluate("localStorage.getItem('articleBot.v1')"))["sessionId"]
    ask(page, "delete my conversation")
    page.wait_for_function("() => JSON.parse(localStorage.getItem('articleBot.v1')).sessionId !== %s" % json.dumps(second))
    assert rows(second) == 0
    assert_only_loopback(seen)
    assert seen["errors"] == []
