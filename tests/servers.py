"""Servers the tests start in processes of their own (runserver, gunicorn, moto, the nodes behind nginx): a free
loopback port for each, and a wait until the server answers. On a busy machine a server may accept a connection
before it can answer it, so a timed-out first request means "not ready yet", like a refused connection."""

import socket
import threading
import time

import requests


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_answering(url, process, *, timeout=60, headers=None, what=None):
    """Return once `url` answers an HTTP request (any status); fail with the process's last words if it exits,
    and fail if it has not answered within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            stderr = process.stderr.read()[-3000:] if process.stderr else ""
            raise RuntimeError(f"{what or process.args} exited with {process.returncode} before answering\n{stderr}")
        try:
            requests.get(url, headers=headers, timeout=5)
            return
        except requests.RequestException:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what or url} did not answer within {timeout} s") from None
            time.sleep(0.3)


class Forwarder:
    """A TCP forwarder on a free loopback port to `target` (host, port), which a test can cut.

    To the hub, cutting it is the engine's node going away: open connections are closed, new ones refused, as
    when the node's process stops. The node itself keeps running for the other tests in the run."""

    def __init__(self, target):
        self.target = target
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._sockets = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self._listener.accept()
            except OSError:  # the listener was closed: cut
                return
            try:
                upstream = socket.create_connection(self.target, timeout=10)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:  # the other side closed, or the forwarder was cut
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:  # already shut
                    pass

    def cut(self):
        """Refuse new connections and close the open ones."""
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept(); close() alone would not
        except OSError:  # cut before
            pass
        self._listener.close()
        with self._lock:
            for s in self._sockets:
                s.close()
            self._sockets.clear()
