"""The network guard that every kernel started by the tests loads (see conftest.py)."""

import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "netguard"))
import sitecustomize as netguard  # noqa: E402


@pytest.mark.parametrize(
    "host, local",
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", True),
        ("127.3.4.5", True),
        ("192.0.2.1", False),
        ("10.0.0.1", False),
        ("example.org", False),
        ("pypi.org", False),
    ],
)
def test_is_local(host, local):
    assert netguard.is_local(host) is local


def test_child_processes_start_with_the_guard_installed():
    assert os.environ.get("TFL_BLOCK_NETWORK") == "1"
    code = (
        "import socket\n"
        "assert socket._tfl_network_blocked\n"
        "try:\n"
        "    socket.getaddrinfo('example.org', 80)\n"
        "except OSError as e:\n"
        "    print('blocked:', e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "blocked: network access to 'example.org' is blocked" in out.stdout
