"""Serve the web chat page (web/chat/) and tell it where Rasa's socket.io channel is.

Every asset comes from the project (no CDN). The page connects to Rasa directly over a WebSocket;
the Content-Security-Policy allows scripts and styles from this server only and connections to that
one Rasa address, so even a bug that let text in as HTML could not run a script. The page's own
words and each language's direction come with that address in /config.json, from the "webchat"
catalogs and CLDR (`common.i18n`), so the page holds no string table or right-to-left list.
"""

from __future__ import annotations

import argparse
import json
import os
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from common.i18n import N_, text_direction, translator
from common.languages import DEFAULT_LANGUAGE, LANGUAGE_NAMES, OWN_LETTERS

PAGE_DIR = Path(__file__).resolve().parent / "chat"
DOMAIN = "webchat"

# Fonts a script needs that browsers do not all have (Urdu is written in Nastaliq), served from
# the distribution's packages (Debian fonts-noto-core), never fetched from the internet:
# LIAISON_FONT_DIR is where they are (default /usr/share/fonts/truetype/noto), and only the files
# named here are served, at /fonts/<file>.
DEFAULT_FONT_DIR = "/usr/share/fonts/truetype/noto"
FONTS = frozenset({"NotoNastaliqUrdu-Regular.ttf"})

# The page's words (index.html's data-i18n names), in English; the catalogs translate them.
PAGE_STRINGS = {
    "title": N_("Liaison: exercise assistant"),
    "language": N_("Language"),
    "send": N_("Send"),
    "placeholder": N_("Ask about the exercise…"),
    "message": N_("Message"),  # the message box's label for screen readers
    "online": N_("Connected"),
    "offline": N_("Offline, reconnecting…"),
    # Participants' answers need an enrolment code (issue 19): where to send it is the chat itself.
    "enrol_hint": N_(
        "Taking part in the exercise? Send the enrolment code your contingent's liaison team "
        "gave you (like XXXX-XXXX-XX) to get the schedule, venues, meals and contacts."
    ),
}


def page_languages() -> list[dict[str, object]]:
    """Each language the chat offers: its code, its name in itself, its direction, its words."""
    languages: list[dict[str, object]] = []
    for code, name in LANGUAGE_NAMES.items():
        catalog = translator(code, DOMAIN)
        languages.append(
            {
                "code": code,
                "name": name,
                "dir": text_direction(code),
                # Letters only this language writes: the page marks a bubble holding one as
                # written in it, so an Urdu answer gets Nastaliq on an English page too.
                "letters": "".join(sorted(OWN_LETTERS.get(code, ()))),
                "strings": {key: catalog.gettext(text) for key, text in PAGE_STRINGS.items()},
            }
        )
    return languages


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def rasa_sources(bind_host: str, rasa_port: int, public_url: str | None) -> list[str]:
    """Where the page may connect to Rasa, for its Content-Security-Policy: from configuration
    only, never from the request (the Host header used to be copied in, so a client could write
    into the policy: issue 18, item 15). LIAISON_RASA_PUBLIC_URL when set; otherwise Rasa's port
    on the loopback names when this server listens on loopback, or on any host when it listens
    on the network (the page connects to the name it was loaded from, which the server cannot
    know; set LIAISON_RASA_PUBLIC_URL to narrow that to one address)."""
    if public_url:
        parts = urlsplit(public_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {public_url!r}")
        secure = parts.scheme == "https"
        port = f":{parts.port}" if parts.port else ""
        hosts = [f"{_bracketed(parts.hostname)}{port}"]
    else:
        secure = False
        if bind_host in ("127.0.0.1", "localhost", "::1"):
            hosts = [f"{name}:{rasa_port}" for name in LOOPBACK_NAMES]
        else:  # reached by whatever name or address the network gives this machine
            hosts = [f"*:{rasa_port}"]
    schemes = ("https", "wss") if secure else ("http", "ws")
    return [f"{scheme}://{host}" for host in hosts for scheme in schemes]


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host


class ChatRequestHandler(SimpleHTTPRequestHandler):
    rasa_port: int = 5005
    rasa_public_url: str | None = None  # when Rasa is reached through a proxy or another host
    font_dir: Path = Path(os.environ.get("LIAISON_FONT_DIR") or DEFAULT_FONT_DIR)
    bind_host: str = "127.0.0.1"  # the interface this server listens on
    # typeshed declares extensions_map an instance attribute, so no ClassVar here.
    extensions_map: dict[str, str] = {  # noqa: RUF012
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".html": "text/html; charset=utf-8",
    }

    def rasa_origins(self) -> list[str]:
        return rasa_sources(self.bind_host, self.rasa_port, self.rasa_public_url)

    def end_headers(self) -> None:
        self.send_header(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "font-src 'self'; "
            f"connect-src 'self' {' '.join(self.rasa_origins())}; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'",
        )
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self) -> None:
        if urlsplit(self.path).path == "/config.json":
            body = json.dumps(
                {
                    "rasaPort": self.rasa_port,
                    "rasaUrl": self.rasa_public_url,
                    "socketPath": "/socket.io/",
                    "languages": page_languages(),
                    "defaultLanguage": DEFAULT_LANGUAGE,
                }
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if urlsplit(self.path).path.startswith("/fonts/"):
            self.send_font(urlsplit(self.path).path.removeprefix("/fonts/"))
            return
        super().do_GET()

    def send_font(self, name: str) -> None:
        """One of FONTS from the font directory; anything else there is not served."""
        path = self.font_dir / name
        if name not in FONTS or not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "font/ttf")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(404)

    def log_message(self, format: str, *args: object) -> None:
        print(f"{self.address_string()} {format % args}", flush=True)


def serve(host: str, port: int, rasa_port: int, rasa_public_url: str | None) -> None:
    rasa_sources(host, rasa_port, rasa_public_url)  # a malformed public URL stops it here
    handler = type(
        "Handler",
        (ChatRequestHandler,),
        {"rasa_port": rasa_port, "rasa_public_url": rasa_public_url, "bind_host": host},
    )
    server = ThreadingHTTPServer((host, port), partial(handler, directory=str(PAGE_DIR)))
    print(f"web chat on http://{host}:{port}/ (Rasa socket.io on port {rasa_port})", flush=True)
    server.serve_forever()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=os.environ.get("LIAISON_HOST", "127.0.0.1"))
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("LIAISON_WEBCHAT_PORT", 8080))
    )
    parser.add_argument(
        "--rasa-port", type=int, default=int(os.environ.get("LIAISON_RASA_PORT", 5005))
    )
    parser.add_argument(
        "--rasa-public-url",
        default=os.environ.get("LIAISON_RASA_PUBLIC_URL") or None,
        help="Rasa's address as the browser sees it (default: the name the page was loaded "
        "from, Rasa's port); also what the page's policy lets it connect to",
    )
    args = parser.parse_args(argv)
    serve(args.host, args.port, args.rasa_port, args.rasa_public_url)


if __name__ == "__main__":
    main()
