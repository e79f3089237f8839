"""A webhook agent on Python's stock http.server: HTTP/1.0, one request at a time, the
connection closed after each answer. Prints its port, then answers every POST as a
completed call."""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Agent(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        answer = json.dumps({
            "outcome": "completed",
            "output": {"call_id": "PY_" + body["task_id"], "call_status": "completed", "duration": 7, "cost": 0.01},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format, *args):
        pass


class Server(HTTPServer):
    # The stock backlog of 5 makes the kernel drop connection attempts while the one thread is busy;
    # the client then waits for SYN retransmissions (1, 3, 7, 15, 31 s), which on a loaded machine
    # outlasts the agent timeout. The behaviour under test is the closed connection, not the backlog.
    request_queue_size = 128


server = Server(("127.0.0.1", 0), Agent)
print(server.server_address[1], flush=True)
server.serve_forever()
