"""A real JupyterHub on 127.0.0.1 with nbgitpuller: the campus-hub route, as a class uses it.

* jupyterhub (PyPI) with configurable-http-proxy (npm, installed into tests/hub/node_modules by
  `make test` / .ci/run), DummyAuthenticator with three users, SimpleLocalProcessSpawner (every
  single-user server runs as the hub's own user, so the test also works as root, where the servers
  get --allow-root), nbgitpuller installed in the same environment (the "hub image").
* The upstream is a local git repository holding the collection's files. Each user logs in,
  follows the instructor's nbgitpuller link (``helpers.routes.nbgitpuller_url``, the function the
  instructor guide's link comes from), lands in JupyterLab on notebook 03, runs all cells in
  Chromium, and a key press on an explorer's slider redraws its figure.
* One user edits notebook 03 and saves; the instructor then commits upstream changes (the same
  notebook, another cell; the README; a new file); a second click of the link merges them and the
  user's edit is still there.
* Per-student figures (the kernel's peak memory and CPU seconds after Run All, the single-user
  server's memory) are written to build/hub/figures.json for the instructor guide.

No sleeps: every step waits for a real condition (a URL, a kernel status, a figure change).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "browser"), str(HERE.parent / "routes")]
import labdriver  # noqa: E402
from conftest import skip_or_fail  # noqa: E402
from routes_util import ROOT, copy_checkout, expected_explorers, run  # noqa: E402

from helpers.routes import nbgitpuller_url  # noqa: E402

pytestmark = [pytest.mark.routes, pytest.mark.browser]

USERS = ("ana", "ben", "cai")
NOTEBOOK = "03_age_related_decline.ipynb"
FOLDER = "trophic-factors-lab"
OUT = ROOT / "build" / "hub"
GIT = [
    "git",
    "-c",
    "user.name=Instructor",
    "-c",
    "user.email=instructor@example.org",
    "-c",
    "init.defaultBranch=main",
]


def find_proxy() -> str | None:
    local = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
    if local.exists():
        return str(local)
    return shutil.which("configurable-http-proxy")


@pytest.fixture(scope="module")
def proxy_path() -> str:
    path = find_proxy()
    if path is None:
        skip_or_fail(
            "configurable-http-proxy not found: `npm ci --prefix tests/hub` "
            "(make test does this when npm is installed)"
        )
    return path


def _wait_http(url: str, proc: subprocess.Popen, log: Path, timeout_s: float = 120) -> None:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout_s:
        if proc.poll() is not None:
            raise RuntimeError(f"jupyterhub exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)  # poll interval while waiting for the socket (not a fixed wait)
    raise RuntimeError(f"jupyterhub did not answer on {url} in {timeout_s} s:\n{log.read_text()[-3000:]}")


class Hub:
    def __init__(self, work: Path, proxy: str):
        self.work = work
        self.port, self.hub_port, self.api_port = (labdriver.free_port() for _ in range(3))
        self.url = f"http://127.0.0.1:{self.port}"
        self.homes = work / "home"
        self.password = secrets.token_hex(8)
        settings = work / "lab-settings"
        for rel, content in labdriver.LAB_SETTINGS.items():
            p = settings / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(json.dumps(content))
        args = [
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
        ]
        if os.geteuid() == 0:
            args.append("--allow-root")
        netguard = ROOT / "tests" / "netguard"
        config = f"""
c = get_config()  # noqa
c.JupyterHub.bind_url = "{self.url}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{self.hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{self.api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.should_start = True
c.JupyterHub.db_url = "sqlite:///{work}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{work}/cookie_secret"
c.JupyterHub.pid_file = "{work}/jupyterhub.pid"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {self.password!r}
c.Authenticator.allowed_users = {set(USERS)!r}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{self.homes}/{{username}}"
c.Spawner.default_url = "/lab"
c.Spawner.args = {args!r}
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
c.Spawner.environment = {{
    "JUPYTERLAB_SETTINGS_DIR": "{settings}",
    "TFL_BLOCK_NETWORK": "1",
    "PYTHONPATH": "{netguard}",
}}
c.JupyterHub.shutdown_on_logout = False
c.JupyterHub.cleanup_servers = True
"""
        (work / "jupyterhub_config.py").write_text(config)
        self.log = work / "jupyterhub.log"
        self.proc: subprocess.Popen | None = None

    def start(self) -> Hub:
        env = {k: v for k, v in os.environ.items() if k not in ("TFL_BLOCK_NETWORK", "PYTHONPATH")}
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        env.pop("PLOTLY_RENDERER", None)
        env["CONFIGPROXY_AUTH_TOKEN"] = secrets.token_hex(16)
        self._log = open(self.log, "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(self.work / "jupyterhub_config.py")],
            cwd=self.work,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _wait_http(f"{self.url}/hub/api/", self.proc, self.log)
        return self

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # the hub stops the servers it spawned and its proxy
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        try:  # anything left in the hub's own process group (started by this test)
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self._log.close()


def _git(*args, cwd):
    return run([*GIT, *args], cwd=cwd)


@pytest.fixture(scope="module")
def upstream(tmp_path_factory) -> Path:
    """The instructor's repository: the collection's files, one commit on main."""
    repo = copy_checkout(tmp_path_factory.mktemp("upstream") / FOLDER)
    _git("init", "-q", "-b", "main", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "-m", "The collection as the instructor publishes it", cwd=repo)
    return repo


@pytest.fixture(scope="module")
def hub(tmp_path_factory, proxy_path):
    h = Hub(tmp_path_factory.mktemp("hub"), proxy_path).start()
    try:
        yield h
    finally:
        h.stop()


JS_KERNEL_EXEC = """async (code) => {
  const k = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  const f = k.requestExecute({code, store_history: false});
  let out = '';
  f.onIOPub = m => { if (m.header.msg_type === 'stream') out += m.content.text; };
  await f.done;
  return out;
}"""

USAGE_CODE = (
    "import json, os, resource\n"
    "r = resource.getrusage(resource.RUSAGE_SELF)\n"
    "print(json.dumps({'peak_rss_mb': r.ru_maxrss / 1024, 'cpu_s': r.ru_utime + r.ru_stime, "
    "'pid': os.getpid(), 'cwd': os.getcwd()}))"
)

JS_FIRST_SLIDER = """() => {
  for (const el of document.querySelectorAll('.tfl-explorer')) {
    const h = el.querySelector('.tfl-control .noUi-handle');
    const gd = el.querySelector('.tfl-figure');
    if (h && gd && gd.data) {
      el.setAttribute('data-hubtest', '1');
      return ([...el.classList].find(c => c.startsWith('tfl-name-')) || '').slice(9);
    }
  }
  return null;
}"""
JS_FIGURE_DATA = """() => { const gd = document.querySelector('[data-hubtest] .tfl-figure');
  return JSON.stringify(gd.data.map(t => [t.x, t.y].map(a => a == null ? null : Array.from(a)))); }"""


def _login_and_pull(context, hub: Hub, user: str, link: str):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)[:300]))
    page.goto(link)
    page.wait_for_url(re.compile(r"/hub/login"), timeout=60_000)
    page.fill("#username_input", user)
    page.fill("#password_input", hub.password)
    page.click("#login_submit")
    # spawn-pending -> the user's server -> nbgitpuller's page -> JupyterLab on the notebook
    page.wait_for_url(re.compile(rf"/user/{user}/lab/tree/{FOLDER}/notebooks/{NOTEBOOK}"), timeout=300_000)
    page.wait_for_function(
        "window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'",
        timeout=300_000,
    )
    return page, errors


def _press_and_expect_redraw(page) -> str:
    name = page.evaluate(JS_FIRST_SLIDER)
    assert name, "no explorer with a slider and a figure on the page"
    before = page.evaluate(JS_FIGURE_DATA)
    handle = page.locator("[data-hubtest] .tfl-control .noUi-handle").first
    handle.scroll_into_view_if_needed()
    handle.focus()
    page.keyboard.press("ArrowRight")
    try:
        page.wait_for_function(f"() => ({JS_FIGURE_DATA})() !== {json.dumps(before)}", timeout=30_000)
    except Exception:  # at the top of its range: one step the other way
        page.keyboard.press("ArrowLeft")
        page.keyboard.press("ArrowLeft")
        page.wait_for_function(f"() => ({JS_FIGURE_DATA})() !== {json.dumps(before)}", timeout=30_000)
    return name


STUDENT_NOTE = "My own note (student ana): IGF-1 falls with age, but so does physical activity."


def test_three_users_pull_run_notebook_03_and_edits_survive_an_update(
    hub, upstream, chromium_path, playwright_session, tmp_path
):
    OUT.mkdir(parents=True, exist_ok=True)
    link = nbgitpuller_url(hub.url, NOTEBOOK, repo=str(upstream))
    expected = expected_explorers(ROOT / "notebooks" / NOTEBOOK)
    figures, contexts = {}, {}
    try:
        for user in USERS:
            ctx = labdriver.launch_chromium(playwright_session, chromium_path, tmp_path / f"profile-{user}")
            contexts[user] = ctx
            page, js_errors = _login_and_pull(ctx, hub, user, link)
            clone = hub.homes / user / FOLDER
            assert (clone / ".git").is_dir() and (clone / "notebooks" / NOTEBOOK).is_file(), (
                f"nbgitpuller did not clone into {clone}"
            )
            t0 = time.perf_counter()
            labdriver.run_all(page)
            wall = time.perf_counter() - t0
            # every explorer's figure drawn (a real condition, generous for a loaded machine)
            page.wait_for_function(
                labdriver.all_drawn_js(".tfl-explorer", len(expected)),
                timeout=180_000,
            )
            labdriver.wait_for_figures(page)
            log = labdriver.PageLog(page_errors=js_errors)
            problems, _ = labdriver.page_problems(page, log, expected)
            assert problems == [], f"{user}: {problems}"
            explorer = _press_and_expect_redraw(page)
            usage = json.loads(page.evaluate(JS_KERNEL_EXEC, USAGE_CODE).strip().splitlines()[-1])
            assert Path(usage["cwd"]) == clone / "notebooks", usage
            figures[user] = {**usage, "run_all_wall_s": round(wall, 1), "explorer_pressed": explorer}
            figures[user]["server_rss_mb"] = _server_rss_mb(hub, user)
            page.screenshot(path=str(OUT / f"{user}-notebook03.png"))
            page.close()

        # ana edits notebook 03 and saves it through her server (JupyterLab's contents API)
        page = contexts["ana"].new_page()
        page.goto(f"{hub.url}/user/ana/lab/tree/{FOLDER}/notebooks/{NOTEBOOK}")
        page.wait_for_function("window.jupyterapp?.shell?.currentWidget?.content?.model?.cells?.length > 0")
        page.evaluate(
            """async ([path, note]) => {
              const contents = window.jupyterapp.serviceManager.contents;
              const m = await contents.get(path, {type: 'notebook', content: true});
              const cell = m.content.cells[0];
              const src = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
              cell.source = src + '\\n\\n' + note;
              await contents.save(path, {type: 'notebook', format: 'json', content: m.content});
            }""",
            [f"{FOLDER}/notebooks/{NOTEBOOK}", STUDENT_NOTE],
        )
        page.close()
        page = contexts["ana"].new_page()
        ana_nb = hub.homes / "ana" / FOLDER / "notebooks" / NOTEBOOK
        assert STUDENT_NOTE in ana_nb.read_text(encoding="utf-8")

        # the instructor updates the repository: notebook 03's last cell, the README, a new file
        up_nb = upstream / "notebooks" / NOTEBOOK
        nb = json.loads(up_nb.read_text(encoding="utf-8"))
        nb["cells"][-1]["source"].append("\n\nInstructor's update: see the new reading list.")
        up_nb.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        (upstream / "notebooks" / "reading_list.md").write_text(
            "# Reading list\n\nAdded after the class began.\n"
        )
        readme = upstream / "README.md"
        readme.write_text(
            readme.read_text(encoding="utf-8") + "\nUpdated by the instructor.\n", encoding="utf-8"
        )
        _git("add", "-A", cwd=upstream)
        _git("commit", "-q", "-m", "Instructor's update after the class began", cwd=upstream)

        # second click of the same link
        page.goto(link)
        page.wait_for_url(re.compile(rf"/user/ana/lab/tree/{FOLDER}/notebooks/{NOTEBOOK}"), timeout=300_000)
        page.wait_for_function("window.jupyterapp?.shell?.currentWidget?.content?.model?.cells?.length > 0")
        merged = ana_nb.read_text(encoding="utf-8")
        clone = hub.homes / "ana" / FOLDER
        assert STUDENT_NOTE in merged, "the student's edit was lost by the second click"
        assert "Instructor's update: see the new reading list." in merged, "upstream change not merged"
        assert (clone / "notebooks" / "reading_list.md").is_file(), "new upstream file not pulled"
        assert "Updated by the instructor." in (clone / "README.md").read_text(encoding="utf-8")
        # and JupyterLab shows it (wait until the notebook has loaded from disk)
        page.wait_for_function(
            """note => { const m = window.jupyterapp?.shell?.currentWidget?.content?.model;
                         return !!m && m.cells.length > 0 && m.cells.get(0).sharedModel.getSource().includes(note); }""",
            arg=STUDENT_NOTE,
            timeout=60_000,
        )
        # the other users' copies were not touched by ana's edit
        for user in ("ben", "cai"):
            assert STUDENT_NOTE not in (hub.homes / user / FOLDER / "notebooks" / NOTEBOOK).read_text()
        page.close()
    finally:
        for ctx in contexts.values():
            ctx.close()
        (OUT / "figures.json").write_text(json.dumps(figures, indent=1))
    assert set(figures) == set(USERS)


def _server_rss_mb(hub: Hub, user: str) -> float | None:
    """Resident memory of ``user``'s single-user server process (not its kernel)."""
    import psutil

    for p in psutil.Process(hub.proc.pid).children(recursive=True):
        try:
            if (
                "jupyterhub-singleuser" in " ".join(p.cmdline())
                and p.environ().get("JUPYTERHUB_USER") == user
            ):
                return round(p.memory_info().rss / 2**20, 1)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return None
