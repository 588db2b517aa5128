"""Reconnecting to a desk whose host has stopped answering: the window goes on answering.

The desk is reached through a TCP port in front of the test server (`DeskProxy`, plain
sockets): it forwards, or it "holds" — accepts connections and never answers, as a host
does that has gone silent behind a live network (the connection attempt then waits for
libpq's connect timeout)."""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from urllib.parse import unquote

import pytest
from PySide6.QtCore import QTimer

from briefer.core.model import Event
from briefer.core.when import When
from briefer.store import Workspace
from tests.ui.test_desk_window import titles


class DeskProxy:
    """127.0.0.1:PORT in front of a server's Unix socket: `forward()` or `hold()`."""

    def __init__(self, unix_path: str) -> None:
        self.unix_path = unix_path
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.forwarding = True
        self.held: list[socket.socket] = []
        self.live: list[socket.socket] = []
        self.accepted = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, database: str, user: str) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self.lock:
                self.accepted += 1
                if self.forwarding:
                    self._pump(client)
                else:
                    self.held.append(client)

    def _pump(self, client: socket.socket) -> None:
        upstream = socket.socket(socket.AF_UNIX)
        upstream.connect(self.unix_path)
        self.live += [client, upstream]
        for a, b in ((client, upstream), (upstream, client)):
            threading.Thread(target=self._copy, args=(a, b), daemon=True).start()

    @staticmethod
    def _copy(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        for s in (source, target):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def hold(self) -> None:
        """Stop answering: connections made so far are cut, new ones wait forever."""
        with self.lock:
            self.forwarding = False
            live, self.live = self.live, []
        for s in live:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def forward(self) -> None:
        """Answer again, the connections held meanwhile included."""
        with self.lock:
            self.forwarding = True
            held, self.held = self.held, []
            for client in held:
                self._pump(client)

    def close(self) -> None:
        self.listener.close()
        self.hold()
        for s in self.held:
            s.close()


@pytest.fixture
def proxied_desk(pg_server):
    """(the desk's address through the proxy, the proxy, the address on the socket)."""
    url = pg_server.new_desk()
    database = url.split("?")[0].rsplit("/", 1)[1]
    folder = unquote(url.split("host=")[1].split("&")[0])
    proxy = DeskProxy(str(Path(folder) / ".s.PGSQL.5432"))
    yield proxy.url(database, "briefer_test"), proxy, url
    proxy.close()
    pg_server.drop(url)


def test_the_window_answers_while_a_silent_host_keeps_the_reconnection_waiting(window, qtbot, proxied_desk) -> None:
    address, proxy, direct = proxied_desk
    with Workspace.open(direct) as amal:
        amal.add_event(Event("Talks in Raqqa", When.parse("2019-01-20")))
        assert window.open_path(address)
        link = window.link
        assert titles(window) == ["Talks in Raqqa"]
        with qtbot.waitSignal(link.connectionChanged, timeout=10000) as lost:
            proxy.hold()  # the host goes silent: the window's connections are cut, new ones never answered
        assert lost.args == [False]
        link.retry.stop()  # (the first retry would come by itself a second later)

        happened: list[str] = []
        link.message.connect(lambda text: happened.append(text.split(" ")[0]))
        QTimer.singleShot(0, lambda: happened.append("the window answered"))
        window.act_reconnect.trigger()  # File ▸ Reconnect: the attempt waits on the silent host...
        qtbot.waitUntil(lambda: len(proxy.held) == 1)
        qtbot.waitUntil(lambda: "the window answered" in happened)
        # ...while the window goes on: it answered before the attempt came to anything
        assert happened == ["Reconnecting", "the window answered"] and not link.online
        assert window.statusBar().currentMessage() == "Reconnecting to the desk…"
        assert window.windowTitle().endswith("(offline, read-only)") and titles(window) == ["Talks in Raqqa"]
        window.act_reconnect.trigger()  # asking again does not start a second attempt
        assert proxy.accepted == 3 and len(proxy.held) == 1  # (the window's two connections, then the attempt)

        amal.add_event(Event("Shelling of Hajin", When.parse("2019-02-09")))  # made while cut off
        with qtbot.waitSignal(link.connectionChanged, timeout=10000) as back:
            proxy.forward()  # the host answers again: the same attempt goes through
        assert back.args == [True] and link.online and window.act_new_event.isEnabled()
        assert "Reconnected" in window.statusBar().currentMessage()
        assert titles(window) == ["Talks in Raqqa", "Shelling of Hajin"]
        amal.add_event(Event("Convoy leaves Baghouz", When.parse("2019-02-20")))  # and it listens again
        qtbot.waitUntil(lambda: titles(window)[-1] == "Convoy leaves Baghouz")


def test_a_reconnection_that_answers_after_the_window_moved_on_is_dropped(window, qtbot, proxied_desk,
                                                                          tmp_path: Path) -> None:
    address, proxy, direct = proxied_desk
    assert window.open_path(address)
    link = window.link
    with qtbot.waitSignal(link.connectionChanged, timeout=10000):
        proxy.hold()
    link.retry.stop()
    window.act_reconnect.trigger()
    qtbot.waitUntil(lambda: len(proxy.held) == 1)
    attempt = link.attempt
    Workspace.create(tmp_path / "other.briefer").close()
    assert window.open_path(tmp_path / "other.briefer")  # another workspace meanwhile
    proxy.forward()
    qtbot.waitUntil(lambda: link.attempt is None)
    assert window.session.ws.backend == "sqlite" and link.online
    assert attempt.take() is None  # the late connection was taken and closed, not left open
    with Workspace.open(direct) as amal:  # the desk has no session of the window's left
        qtbot.waitUntil(lambda: amal.conn.raw.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()[0] == 0)
