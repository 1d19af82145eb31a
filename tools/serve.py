#!/usr/bin/env python3
"""Local server for the ftgate web page (Python standard library only).

    python3 tools/serve.py --port 8080 [--host 127.0.0.1]

Routes
  /            -> www/ (index.html for "/")
  /pkg/...     -> pkg/      (wasm-bindgen output: ftgate.js, ftgate_bg.wasm)
  /models/...  -> models/   (ftgate-ngram.onnx)
  /demo-endpoint.json -> {"url": ...} of the demo chat endpoint (--demo-endpoint)
  POST /upload -> demo receiving endpoint: reads the body, keeps nothing,
                  replies {"received": <bytes>, "sha256": "<hex>"}

Every response carries a strict Content-Security-Policy and
X-Content-Type-Options: nosniff.  `--port 0` picks a free port; the actual
URL is printed (and flushed) on start, e.g. "ftgate: serving http://127.0.0.1:8080/".
"""

import argparse
import hashlib
import http.server
import json
import os
import posixpath
import socketserver
import sys
import urllib.parse

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
    "connect-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'"
)

# The model-gate page talks to a chat endpoint the user names (any origin),
# so it and its worker may connect anywhere over http(s); the data-gate pages
# keep connect-src 'self' (the training file must not leave the machine).
MODEL_GATE_PATHS = ("/model-gate.html", "/model-gate.js", "/model-gate-worker.js")
MODEL_GATE_CSP = CSP.replace("connect-src 'self'", "connect-src 'self' http: https:")

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

MIME = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".jsonl": "application/x-ndjson",
    ".wasm": "application/wasm",
    ".onnx": "application/octet-stream",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
    ".map": "application/json",
    ".ts": "text/plain; charset=utf-8",
}

READ_BLOCK = 1 << 20


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "ftgate-serve"
    protocol_version = "HTTP/1.1"

    # Set by main(): list of (url prefix, directory), longest prefix first.
    mounts = []
    quiet = False
    demo_endpoint = None

    # -- helpers ---------------------------------------------------------
    def version_string(self):
        return self.server_version

    def log_message(self, fmt, *args):
        if not self.quiet:
            sys.stderr.write("ftgate-serve: %s\n" % (fmt % args))
            sys.stderr.flush()

    def _headers(self, status, ctype, length, extra=None, cache="no-store"):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length is not None:  # a 304 has no body and no length
            self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", cache)
        for k, v in SECURITY_HEADERS.items():
            if k == "Content-Security-Policy" and self.path.split("?")[0] in MODEL_GATE_PATHS:
                v = MODEL_GATE_CSP
            self.send_header(k, v)
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()

    def _send_bytes(self, status, body, ctype, extra=None):
        self._headers(status, ctype, len(body), extra)
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_json(self, status, obj, extra=None):
        body = (json.dumps(obj) + "\n").encode("utf-8")
        self._send_bytes(status, body, "application/json", extra)

    def _error(self, status, message, extra=None):
        self._send_json(status, {"error": message}, extra)

    def _resolve(self, url_path):
        """Map a URL path to a file path inside one of the mounts, or None."""
        path = urllib.parse.unquote(url_path)
        if "\0" in path or "\\" in path:
            return None
        norm = posixpath.normpath(path)
        if path.endswith("/") and not norm.endswith("/"):
            norm += "/"
        for prefix, root in self.mounts:
            if norm == prefix.rstrip("/") or norm.startswith(prefix):
                rel = norm[len(prefix):] if norm.startswith(prefix) else ""
                parts = [p for p in rel.split("/") if p]
                if any(p in (".", "..") or p.startswith(".") for p in parts):
                    return None
                full = os.path.join(root, *parts)
                if os.path.isdir(full):
                    full = os.path.join(full, "index.html")
                real_root = os.path.realpath(root)
                real = os.path.realpath(full)
                if real != real_root and not real.startswith(real_root + os.sep):
                    return None
                return real
        return None

    # -- methods ---------------------------------------------------------
    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/upload":
            return self._error(405, "use POST", {"Allow": "POST"})
        if url.path == "/demo-endpoint.json":
            if not self.demo_endpoint:
                return self._error(404, "no demo endpoint configured")
            return self._send_json(200, {"url": self.demo_endpoint,
                                         "models": ["ftgate-demo-safe", "ftgate-demo-unsafe"]})
        full = self._resolve(url.path)
        if full is None or not os.path.isfile(full):
            return self._error(404, "not found")
        ctype = MIME.get(os.path.splitext(full)[1].lower(), "application/octet-stream")
        try:
            st = os.stat(full)
            size = st.st_size
            # Static files may be cached but are revalidated on every use
            # (`no-cache` + ETag → 304), so a rebuild shows at once while a
            # reload skips the download and Chromium can reuse the compiled
            # wasm from its code cache (time to ready: bench/README.md).
            etag = '"%x-%x"' % (st.st_mtime_ns, size)
            validators = {"ETag": etag}
            if etag in [t.strip() for t in self.headers.get("If-None-Match", "").split(",")]:
                return self._headers(304, ctype, None, validators, cache="no-cache")
            with open(full, "rb") as f:
                self._headers(200, ctype, size, validators, cache="no-cache")
                if self.command == "HEAD":
                    return
                while True:
                    block = f.read(READ_BLOCK)
                    if not block:
                        break
                    self.wfile.write(block)
        except (BrokenPipeError, ConnectionResetError):
            pass

    do_HEAD = do_GET

    def _hash_body(self, digest, n):
        """Reads exactly n body bytes into the digest (never stored); returns n."""
        remaining = n
        while remaining:
            block = self.rfile.read(min(READ_BLOCK, remaining))
            if not block:
                raise ConnectionError("truncated body")
            digest.update(block)
            remaining -= len(block)
        return n

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/upload":
            return self._error(404, "not found")
        digest = hashlib.sha256()
        received = 0
        try:
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                while True:
                    line = self.rfile.readline(1024)
                    size = int(line.split(b";")[0].strip() or b"0", 16)
                    if size == 0:
                        while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                            pass
                        break
                    received += self._hash_body(digest, size)
                    self.rfile.readline(16)
            else:
                length = self.headers.get("Content-Length")
                if length is None:
                    return self._error(411, "Content-Length required")
                remaining = int(length)
                if remaining < 0:
                    raise ValueError("negative Content-Length")
                received += self._hash_body(digest, remaining)
        except (ValueError, ConnectionError) as e:
            self.close_connection = True
            return self._error(400, "bad request body: %s" % e)
        # The body is hashed and counted, never stored.
        self._send_json(200, {"received": received, "sha256": digest.hexdigest()})

    def _not_allowed(self):
        self._error(405, "method not allowed", {"Allow": "GET, HEAD, POST"})

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main(argv=None):
    ap = argparse.ArgumentParser(description="Serve the ftgate web page locally.")
    ap.add_argument("--port", type=int, default=8080, help="port (0 = pick a free one)")
    ap.add_argument("--host", default="127.0.0.1", help="bind address (default 127.0.0.1)")
    ap.add_argument("--www", default=os.path.join(REPO, "www"), help="directory served at /")
    ap.add_argument("--pkg", default=os.path.join(REPO, "pkg"), help="directory served at /pkg/")
    ap.add_argument("--models", default=os.path.join(REPO, "models"), help="directory served at /models/")
    ap.add_argument("--quiet", action="store_true", help="do not log requests")
    ap.add_argument("--demo-endpoint", default=None,
                    help="URL of the local demo chat endpoint, offered on the model-gate page")
    args = ap.parse_args(argv)

    Handler.mounts = [
        ("/models/", os.path.abspath(args.models)),
        ("/pkg/", os.path.abspath(args.pkg)),
        ("/", os.path.abspath(args.www)),
    ]
    Handler.quiet = args.quiet
    Handler.demo_endpoint = args.demo_endpoint
    httpd = Server((args.host, args.port), Handler)
    host, port = httpd.server_address[:2]
    shown = "[%s]" % host if ":" in host else host
    print("ftgate: serving http://%s:%d/" % (shown, port), flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
