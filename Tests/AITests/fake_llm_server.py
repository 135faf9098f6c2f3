#!/usr/bin/env python3
"""A fake language-model server for SampleMind's tests, on 127.0.0.1 (free port printed first).

Speaks the request/response JSON of Ollama (/api/chat), OpenAI-compatible servers
(/v1/chat/completions), Gemini (/v1beta/models/M:generateContent) and Anthropic (/v1/messages).
The model name picks the behaviour: ok, slow, delay20 (20 ms), 401, 429, 500, close, garbage, empty,
escape, huge.
Every request (path, headers, body) is appended as one JSON line to the log file given as argv[1].
"""
import json, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOG = sys.argv[1]
TEXT = "A short, punchy kick; pairs with a tight snare."


def answer_for(path, text):
    if path.endswith("/api/chat"):
        return {"model": "x", "message": {"role": "assistant", "content": text}, "done": True}
    if path.endswith("/v1/chat/completions"):
        return {"choices": [{"index": 0, "message": {"role": "assistant", "content": text}}]}
    if ":generateContent" in path:
        return {"candidates": [{"content": {"parts": [{"text": text}], "role": "model"}}]}
    if path.endswith("/v1/messages"):
        return {"content": [{"type": "text", "text": text}], "role": "assistant"}
    return None


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        with open(LOG, "a") as f:
            f.write(json.dumps({"path": self.path, "headers": dict(self.headers), "body": raw.decode("utf-8", "replace")}) + "\n")
        try:
            body = json.loads(raw)
        except Exception:
            body = {}
        model = body.get("model") or self.path.split("/models/")[-1].split(":")[0]
        if model == "slow":
            time.sleep(3)
        if model == "delay20":
            time.sleep(0.02)
        if model in ("401", "429", "500"):
            self.send_response(int(model))
            if model == "429":
                self.send_header("Retry-After", "30")
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"error": "nope"}')
            return
        if model == "close":
            self.connection.close()
            return
        if model == "garbage":
            payload = b"<html>not json</html>"
        else:
            text = {"empty": "   ", "escape": "Dark \x1b[31mred\x1b[0m kick\x07 \u202eevil\n\n\n\nnext",
                    "huge": "x" * 2_000_000}.get(model, TEXT)
            payload = json.dumps(answer_for(self.path, text)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
