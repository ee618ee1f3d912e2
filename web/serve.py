"""Serve the demo page: the article with the chat widget beside it, every asset from this machine.

    python web/serve.py --port 8000 --rasa-url http://127.0.0.1:5005

The page is built from data/article.txt (text escaped, never trusted as HTML) and served with a
strict Content-Security-Policy: scripts, styles and images only from this server; connections
only to this server and the Rasa server.
"""
from __future__ import annotations

import argparse
import html
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

WEB = Path(__file__).resolve().parent
ROOT = WEB.parent
sys.path.insert(0, str(ROOT))
from actions.article import load_article  # noqa: E402

# URL path -> file, for everything the page may load.
STATIC = {
    "/page.css": WEB / "page.css",
    "/widget/article-bot.js": WEB / "widget" / "article-bot.js",
    "/widget/article-bot.css": WEB / "widget" / "article-bot.css",
    "/vendor/socket.io.min.js": WEB / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js",
}
TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


def content_security_policy(rasa_url: str) -> str:
    rasa = urlsplit(rasa_url)
    ws = ("wss" if rasa.scheme == "https" else "ws") + "://" + rasa.netloc
    return ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            f"connect-src 'self' {rasa.scheme}://{rasa.netloc} {ws}; font-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def render_page(rasa_url: str) -> bytes:
    article = load_article()
    paragraphs = "\n    ".join(f"<p>{html.escape(p)}</p>" for p in article.paragraphs)
    page = (WEB / "index.html").read_text(encoding="utf-8")
    return page.format(title=html.escape(article.title), source=html.escape(article.source),
                       paragraphs=paragraphs, rasa_url=html.escape(rasa_url, quote=True)).encode()


class Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, rasa_url: str, **kwargs):
        self.rasa_url = rasa_url
        super().__init__(*args, directory=str(WEB), **kwargs)

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", content_security_policy(self.rasa_url))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = urlsplit(self.path).path
        if path in ("/", "/index.html"):
            body, ctype = render_page(self.rasa_url), "text/html; charset=utf-8"
        elif path == "/favicon.ico":  # no icon, and no 404 in the browser console
            self.send_response(204)
            self.end_headers()
            return
        elif path in STATIC and STATIC[path].is_file():
            body, ctype = STATIC[path].read_bytes(), TYPES[STATIC[path].suffix]
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self) -> None:  # noqa: N802
        self.send_error(405)

    def log_message(self, fmt: str, *args) -> None:
        sys.stderr.write("web: " + (fmt % args) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--rasa-url", default="http://127.0.0.1:5005")
    args = parser.parse_args()
    if not STATIC["/vendor/socket.io.min.js"].is_file():
        sys.exit("web/node_modules is missing: run `make web-deps` (npm ci)")
    server = ThreadingHTTPServer((args.host, args.port), partial(Handler, rasa_url=args.rasa_url))
    print(f"serving the article page on http://{args.host}:{args.port}/ (Rasa at {args.rasa_url})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
