#!/usr/bin/env python3
"""Measures start-up from outside: `scripts/bench` runs this on its own Xvfb display.

    measure.py WORK RUNS APP_BIN BARE_BIN

After one first start of each (empty caches, reported apart), for each of RUNS alternating pairs (app, then
bare), in fresh XDG config and data folders and the program's own cache folder (warm, as after a first start):

- mapped: seconds from the launch until the X server maps the program's top-level window (a MapNotify on the root
  window, python3-xlib);
- ready: seconds from the launch until the window's picture stops changing: a frame is grabbed (Pillow's
  ImageGrab, XCB) each time the X server reports that the screen changed (the DAMAGE extension; BENCH_GRAB=poll
  grabs in a busy loop instead, which keeps a core and the X server busy and slows the program being timed), and
  `ready` is the time of the first frame, not of one colour, that stayed the same for STILL seconds afterwards —
  the first view painted and still;
- peak PSS: the largest sum of `Pss` (/proc/<pid>/smaps_rollup) over the program and its descendants (WebKit's web
  and network processes), sampled every SAMPLE seconds for SETTLE seconds once the picture is still (not before:
  reading smaps_rollup walks a process's memory maps under its lock and would slow the start being timed).

The app's runs alternate between English and Russian (its settings file names the language). In each, once the
first view is still, the pointer clicks each navigation link in turn (XTest, at the centre the app's bench hook
reports when asked, after the measurements above: `bench: targets=` on its standard output,
`src-tauri/src/bench.rs`; the pointer rests on the link for HOVER seconds before the press, as a hand's does), and
the view's time is from the press to the first frame of its still picture.

It prints a table of medians and app/bare ratios and asserts nothing: the machines are shared and noisy.

For looking closer: BENCH_FRAMES=DIR saves each run's still picture; BENCH_FRAMES_ALL=DIR every new picture, named by
its time, in a folder per run and view; BENCH_MARKS=1 prints each run's page marks (ms since the process started) on standard error.
"""
import hashlib
import json
import os
import select
import signal
import statistics
import subprocess
import sys
import time

from PIL import ImageGrab
from Xlib import X, display
from Xlib.ext import damage, xtest

STILL = 1.0  # seconds a picture must stay the same to count as still
SETTLE = 1.5  # seconds after ready during which memory is still sampled
SAMPLE = 0.1  # seconds between memory samples
GIVE_UP = 60.0
# Seconds the pointer rests on a link before it is pressed. A participant's pointer reaches the link before the
# press; pressed at once after the jump, the first click also timed the page's first hover (its pointermove and
# pointerdown 10-35 ms apart on the first click, 1-5 ms on later ones). BENCH_HOVER=0 presses at once.
HOVER = float(os.environ.get("BENCH_HOVER", "0.3"))
SCROLLBAR = 16  # pixels
VIEWS = ["overview", "concept", "agenda", "resources", "gcm", "about", "search", "events", "settings"]
NOW = "2023-12-05T10:41:00+04:00"


def kb_line(path, key):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree(root):
    """The process and its descendants, through the parent ids in /proc/<pid>/stat."""
    parents = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    stat = f.read()
                parents.append((int(name), int(stat[stat.rindex(")") + 2:].split()[1])))
            except (OSError, ValueError):
                pass
    found, i = [root], 0
    while i < len(found):
        found += [p for p, pp in parents if pp == found[i]]
        i += 1
    return found


def pss_kb(root):
    return sum(kb_line(f"/proc/{p}/smaps_rollup", "Pss:") for p in tree(root))


class Screen:
    def __init__(self):
        self.name = os.environ["DISPLAY"]
        self.d = display.Display(self.name)
        self.root = self.d.screen().root
        self.root.change_attributes(event_mask=X.SubstructureNotifyMask)
        # Frames are grabbed when the X server reports that the screen changed (DAMAGE), not in a busy loop: the
        # loop kept one of the machine's two cores and the X server busy, which slowed the program being timed.
        # BENCH_GRAB=poll grabs in a loop, as before, for comparison.
        self.damage = None
        if os.environ.get("BENCH_GRAB", "damage") == "damage" and self.d.has_extension("DAMAGE"):
            self.d.damage_query_version()
            self.damage = self.root.damage_create(damage.DamageReportNonEmpty)
        self.changed = True
        self.d.sync()

    def drain(self):
        while self.d.pending_events():
            self.note(self.d.next_event())

    def note(self, e):
        """Remembers a DamageNotify (the screen changed since the last grab) and re-arms the report."""
        if self.damage is not None and e.type == self.d.extension_event.DamageNotify:
            self.changed = True

    def wait_change(self, timeout):
        """With DAMAGE, waits up to timeout seconds for the screen to change; True when it has. Without, True."""
        if self.damage is None:
            return True
        end = time.monotonic() + timeout
        while not self.changed:
            self.drain()
            left = end - time.monotonic()
            if self.changed or left <= 0:
                break
            select.select([self.d.fileno()], [], [], left)
        return self.changed

    def wait_mapped(self, deadline):
        """The first top-level window mapped (not override-redirect, larger than 100×100): (x, y, w, h)."""
        while time.monotonic() < deadline:
            while self.d.pending_events():
                e = self.d.next_event()
                self.note(e)
                if e.type == X.MapNotify and not e.override:
                    g = e.window.get_geometry()
                    if g.width > 100 and g.height > 100:
                        pos = e.window.translate_coords(self.root, 0, 0)
                        return (-pos.x, -pos.y, g.width, g.height)
            select.select([self.d.fileno()], [], [], 0.005)
        raise SystemExit("bench: no window was mapped")

    def frame(self, box):
        """A digest of the window's picture; None while it is one colour (mapped, nothing painted yet)."""
        x, y, w, h = box
        if self.damage is not None:
            # Changes from here on are reported anew; taken before the grab, so none is missed.
            self.changed = False
            self.d.damage_subtract(self.damage, 0, 0)
            self.d.sync()
        # The right-most SCROLLBAR pixels left out: GTK's overlay scrollbar fades in and out for seconds after
        # the content changes, which is not the page changing.
        self.last = ImageGrab.grab(bbox=(x, y, x + w - SCROLLBAR, y + h), xdisplay=self.name)
        if all(lo == hi for lo, hi in self.last.getextrema()):
            return None
        return hashlib.blake2b(self.last.tobytes(), digest_size=16).digest()

    def click(self, x, y):
        """Moves the pointer onto (x, y), rests it there for HOVER seconds as a hand does, then presses; returns
        when it pressed (monotonic)."""
        self.root.warp_pointer(x, y)
        self.d.sync()
        time.sleep(HOVER)
        t = time.monotonic()
        xtest.fake_input(self.d, X.ButtonPress, 1)
        xtest.fake_input(self.d, X.ButtonRelease, 1)
        self.d.sync()
        return t


def until_still(screen, box, since, deadline, label):
    """Grabs frames until one stays the same for STILL seconds; returns when (monotonic) that frame first appeared."""
    last, first_seen = None, since
    screen.changed = True
    while True:
        t = time.monotonic()
        if t > deadline:
            raise SystemExit("bench: the picture never stood still")
        if not screen.changed:
            # Nothing changed since the last grab: wait for a change, or until the picture counts as still.
            if last is not None and t - first_seen >= STILL:
                return first_seen
            screen.wait_change(max(first_seen + STILL - t, 0.001) if last is not None else 0.05)
            continue
        h = screen.frame(box)
        if h != last:
            last, first_seen = h, t
            if os.environ.get("BENCH_FRAMES_ALL"):
                folder = os.path.join(os.environ["BENCH_FRAMES_ALL"], label)
                os.makedirs(folder, exist_ok=True)
                screen.last.save(os.path.join(folder, f"{t - since:08.3f}.png"))
        elif h is not None and t - first_seen >= STILL:
            return first_seen


def read_until(proc, needle, deadline):
    """The program's standard output up to and including the first line that contains needle, as lines."""
    buf = b""
    while time.monotonic() < deadline:
        r, _, _ = select.select([proc.stdout], [], [], 0.05)
        if r:
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            buf += chunk
            lines = buf.decode(errors="replace").splitlines()
            if any(needle in line for line in lines):
                return lines
    raise SystemExit(f"bench: the program printed no {needle!r}")


def field(lines, name):
    """The JSON after `name=` on the hook's line for it, and the process's ms since its start then."""
    for line in lines:
        if line.startswith(f"bench: {name}_at_ms="):
            at, _, rest = line[len(f"bench: {name}_at_ms="):].partition(f" {name}=")
            return json.loads(rest), int(at)
    raise SystemExit(f"bench: no {name} line in {lines!r}")


def run(screen, work, name, binary, i, lang):
    """One run; lang (the app's) also clicks through the views."""
    home = os.path.join(work, f"home-{name}-{i}")
    env = dict(os.environ)
    for k in ("config", "data"):
        os.makedirs(os.path.join(home, k), exist_ok=True)
    # One cache folder per program, kept across its runs: after its first start a participant's caches (Mesa's
    # compiled shaders, above all) are warm. Run 0, with it empty, is the first start, reported apart.
    cache = os.path.join(work, f"cache-{name}")
    os.makedirs(cache, exist_ok=True)
    if lang:
        os.makedirs(os.path.join(home, "config", "gcm-workshop"), exist_ok=True)
        with open(os.path.join(home, "config", "gcm-workshop", "settings.json"), "w") as f:
            json.dump({"language": lang}, f)
    env.update(XDG_CONFIG_HOME=f"{home}/config", XDG_CACHE_HOME=cache, XDG_DATA_HOME=f"{home}/data",
               GCM_WORKSHOP_NOW=NOW, GCM_WORKSHOP_BENCH="1")
    # The pointer out of the window's way: a link under it would change the picture when it is hovered.
    screen.root.warp_pointer(screen.root.get_geometry().width - 1, screen.root.get_geometry().height - 1)
    screen.drain()
    t0 = time.monotonic()
    proc = subprocess.Popen([binary], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=open(os.path.join(work, f"{name}.{i}.err"), "w"))
    try:
        deadline = t0 + GIVE_UP
        box = screen.wait_mapped(deadline)
        mapped = time.monotonic() - t0
        peak = [0]
        ready_at = until_still(screen, box, t0, deadline, f"{name}-{i}")
        if os.environ.get("BENCH_FRAMES"):
            screen.last.save(os.path.join(os.environ["BENCH_FRAMES"], f"{name}-{i}-ready.png"))
        while time.monotonic() < ready_at + STILL + SETTLE:
            peak[0] = max(peak[0], pss_kb(proc.pid))
            time.sleep(SAMPLE)
        row = {"mapped": mapped, "ready": ready_at - t0, "peak_pss_kb": peak[0]}
        # Only now does the hook do anything: it evaluates two scripts in the page and prints their answers.
        proc.stdin.write(b"report\n")
        proc.stdin.flush()
        lines = read_until(proc, " targets=", deadline)
        timing, at_ms = field(lines, "timing")
        if os.environ.get("BENCH_MARKS"):
            print("marks", [(n, ms + at_ms - timing["now"]) for n, ms in timing["marks"]], file=sys.stderr)
        row["page:navigation"] = at_ms - timing["now"]
        if lang:
            targets, _ = field(lines, "targets")
            # The page's clock starts at its navigation; the process's when the kernel started it.
            start = row["page:navigation"]
            for mark, ms in timing["marks"]:
                row.setdefault(f"page:{mark}", start + ms)
            row["page:files"] = len(timing["fetched"])
            row["page:last-file"] = start + max((end for _, _, end in timing["fetched"]), default=0)
            where = {t["view"]: (t["x"], t["y"]) for t in targets if t.get("view")}
            clicks = []
            for v in VIEWS[1:] + VIEWS[:1]:
                x, y = where[v]
                clicked = screen.click(box[0] + x, box[1] + y)
                row[f"{lang}:{v}"] = until_still(screen, box, clicked, clicked + 10, f"{name}-{i}-{lang}-{v}") - clicked
                if os.environ.get("BENCH_MARKS"):
                    clicks.append((v, (clicked - t0) * 1000, row[f"{lang}:{v}"] * 1000))
            if os.environ.get("BENCH_MARKS"):
                # Each view's steps in the page, in ms after its click: asked (show() begins), drawn (data), texts
                # (translated), shown (swapped in), and still (the picture, from outside).
                proc.stdin.write(b"report\n")
                proc.stdin.flush()
                timing, at_ms = field(read_until(proc, " targets=", time.monotonic() + 30), "timing")
                page = at_ms - timing["now"]
                steps = {k: [ms + page for n, ms in timing["marks"] if n == f"gcm:view-{k}"][1:]
                         for k in ("asked", "data", "text", "shown", "frame", "painted")}
                for j, (v, at, still) in enumerate(clicks):
                    got = {k: round(steps[k][j] - at) if j < len(steps[k]) else None for k in steps}
                    print(f"view {lang} {v}: {got} still {still:.0f}", file=sys.stderr)
        return row
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main():
    work, runs, app_bin, bare_bin = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    screen = Screen()
    rows = {"app": [], "bare": []}
    first = {"app": run(screen, work, "app", app_bin, 0, lang="en"), "bare": run(screen, work, "bare", bare_bin, 0, None)}
    for i in range(1, runs + 1):
        rows["app"].append(run(screen, work, "app", app_bin, i, lang="en" if i % 2 else "ru"))
        rows["bare"].append(run(screen, work, "bare", bare_bin, i, lang=None))
        print(f"bench: pair {i}: ready app {rows['app'][-1]['ready']:.3f} s, bare {rows['bare'][-1]['ready']:.3f} s",
              file=sys.stderr)
    med = {k: {f: statistics.median(r[f] for r in rs if f in r) for f in set().union(*rs)} for k, rs in rows.items()}
    size = {"app": os.path.getsize(app_bin), "bare": os.path.getsize(bare_bin)}
    print(f"\nmeasured from outside, median of {runs} alternating pairs (still = unchanged for {STILL} s)\n")
    print(f"{'':<20}{'mapped s':>10}{'ready s':>10}{'peak PSS MiB':>14}{'binary MiB':>12}")
    for k, label in (("app", "app (gcm-workshop)"), ("bare", "bare Tauri window")):
        m = med[k]
        print(f"{label:<20}{m['mapped']:>10.3f}{m['ready']:>10.3f}{m['peak_pss_kb'] / 1024:>14.1f}"
              f"{size[k] / 2**20:>12.2f}")
    a, b = med["app"], med["bare"]
    print(f"{'app / bare':<20}{a['mapped'] / b['mapped']:>10.2f}{a['ready'] / b['ready']:>10.2f}"
          f"{a['peak_pss_kb'] / b['peak_pss_kb']:>14.2f}{size['app'] / size['bare']:>12.2f}")
    print(f"{'first start (cold caches)':<20}: ready app {first['app']['ready']:.3f} s, bare {first['bare']['ready']:.3f} s"
          f" ({first['app']['ready'] / first['bare']['ready']:.2f})")
    print(f"\nready s, each run: app {[round(r['ready'], 3) for r in rows['app']]}")
    print(f"                   bare {[round(r['ready'], 3) for r in rows['bare']]}")
    print("\nthe app's page, ms since its process started (median; the page's marks, ui/js/main.js; 10 ms steps):")
    for k in sorted((k for k in a if k.startswith("page:") and k != "page:files"), key=lambda k: a[k]):
        print(f"  {k[5:]:<18}{a[k]:>8.0f}")
    print(f"  files fetched: {a['page:files']:.0f}; the bare window's navigation: {b['page:navigation']:.0f}")
    print("\nview on screen after its click, ms (median):")
    for lang in ("en", "ru"):
        if f"{lang}:concept" in a:
            print(f"  {lang}: " + ", ".join(f"{v} {a[f'{lang}:{v}'] * 1000:.0f}" for v in VIEWS[1:] + VIEWS[:1]))
    json.dump({"rows": rows, "median": med, "size": size}, open(os.path.join(work, "figures.json"), "w"))


if __name__ == "__main__":
    main()
