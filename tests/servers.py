"""Servers the tests start in processes of their own (runserver, gunicorn, moto, the nodes behind nginx): a free
loopback port for each, and a wait until the server answers. On a busy machine a server may accept a connection
before it can answer it, so a timed-out first request means "not ready yet", like a refused connection."""

import socket
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
