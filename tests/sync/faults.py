"""Fault injection on loopback: a TCP proxy that cuts connections, a server with scripted bad answers."""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
from collections.abc import Callable


class CuttingProxy:
    """Forwards TCP to the real server; armed, it cuts the next matching request or its answer.

    mode 'request': forwards half of the request head, then closes (the server never sees the body).
    mode 'response': forwards the whole request, lets the server answer, passes on a few bytes, closes.
    """

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.mode: str | None = None
        self.match = b""
        self.cuts = 0
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def arm(self, mode: str, match: bytes) -> None:
        with self._lock:
            self.mode, self.match = mode, match

    def _take(self, chunk: bytes) -> str | None:
        with self._lock:
            if self.mode and self.match in chunk:
                mode, self.mode = self.mode, None
                self.cuts += 1
                return mode
        return None

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            state = {"cut_response": False}
            threading.Thread(target=self._up, args=(client, upstream, state), daemon=True).start()
            threading.Thread(target=self._down, args=(upstream, client, state), daemon=True).start()

    def _up(self, client: socket.socket, upstream: socket.socket, state: dict) -> None:
        try:
            while chunk := client.recv(65536):
                mode = self._take(chunk)
                if mode == "request":
                    upstream.sendall(chunk[: len(chunk) // 2])
                    _close(client, upstream)
                    return
                if mode == "response":
                    state["cut_response"] = True
                upstream.sendall(chunk)
        except OSError:
            pass
        _close(client, upstream)

    def _down(self, upstream: socket.socket, client: socket.socket, state: dict) -> None:
        try:
            while chunk := upstream.recv(65536):
                if state["cut_response"]:
                    client.sendall(chunk[:20])
                    _close(client, upstream)
                    return
                client.sendall(chunk)
        except OSError:
            pass
        _close(client, upstream)

    def close(self) -> None:
        self._closed = True
        self.listener.close()


def _close(*socks: socket.socket) -> None:
    for s in socks:
        with contextlib.suppress(OSError):
            s.shutdown(socket.SHUT_RDWR)
        s.close()


Answer = tuple[int, dict[str, str], bytes]


class ScriptedServer:
    """An HTTP server answering each request with the next scripted (status, headers, body)."""

    def __init__(self, script: list[Answer] | Callable[[str], Answer], tls_context=None) -> None:
        self.script = script
        self.requests: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                outer.requests.append(self.path)
                if callable(outer.script):
                    status, headers, body = outer.script(self.path)
                else:
                    status, headers, body = outer.script.pop(0) if len(outer.script) > 1 else outer.script[0]
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(OSError):
                    self.wfile.write(body)

            do_GET = _answer
            do_POST = _answer

            def log_message(self, *_args: object) -> None:
                return

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if tls_context is not None:
            self.httpd.socket = tls_context.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, scheme: str = "http", host: str = "127.0.0.1") -> str:
        return f"{scheme}://{host}:{self.port}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
