#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
"""The browser build in a real browser: Debian's Chromium, headless, with WebGL 2
from SwiftShader, loads build-web/ from a server on 127.0.0.1 and is driven through
its DevTools protocol over a pipe (--remote-debugging-pipe: no port is opened for
it). The standard library only.

The desktop program is the reference: web_twin opens the same scene in SDL's
offscreen window and goes through the same script with real SDL events. The page
gets real input events (Input.dispatchMouseEvent, dispatchKeyEvent,
dispatchTouchEvent):

  0. the first frame: the window's pixels (a page screenshot) match the desktop's;
     Ctrl+S downloads a PNG of the picture, which matches the desktop's picture;
     left alone, the paused page draws no frame (the frames the shell counts),
     and a mouse move draws again, the same picture
  1. a drag of run 0's lr slider: its lr and path change as on the desktop, so
     the picture downloaded again matches the desktop's after the same drag
  2. the G key: the grid layout, a tile per run, as on the desktop; the page's
     address, which follows the scene, opened in a new page, shows it again
  3. Ctrl+Shift+S downloads the scene; a new page opens it with Ctrl+O (the file
     picker): its picture is the one saved; left, and opened with ?resume, it is
     there again (the browser's local storage)
  4. the drag of 1 by touch (a finger is the mouse), in a new page
  5. a page that shrinks to half its size at twice the pixel density: the same
     pixels, and the drag of 1 at half the coordinates gives the same picture
  6. ?view3d: the 3D view, as on the desktop
  7. U, I and H: the update-rule card, the arrows, the hyperparameter map
  8. B: the basins
  9. ?steps=abc: the page shows the command line's message naming it
 10. ?lesson=valleys&slide=3: the lesson's third slide; PageDown, F5 and Esc as on
     the desktop

and in the pictures of 0 to 2, each run's colour covers at least 70% as many
pixels as on the desktop where it covers 50 or more there (a path not drawn
would pass the mean difference).
Prints the page's time to first frame and its download size.

usage: test_web.py BUILD_WEB_DIR WEB_TWIN_BINARY
       test_web.py --bench BUILD_WEB_DIR [ROUNDS]   (time to first frame only)
Exit status 77 (skipped) when Chromium or the browser build is missing."""
import base64
import fcntl
import functools
import gzip
import http.server
import json
import operator
import os
import select
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from png_same_pixels import decode  # noqa: E402  (w, h, bytes per pixel, pixels) of a PNG

W, H = 1280, 720
# the scene: the default one, paused at step 300 (so that time does not move it)
QUERY = [("at", "300")]
CHROMIUM = "/usr/bin/chromium"
# a bound that only a hang or a broken start crosses: the time to first frame is
# measured by `test_web.py --bench` (scripts/bench-web.sh), alone, not here beside
# other tests
FIRST_FRAME_MS_MAX = 15000
DOWNLOAD_BYTES_MAX = 3 * 1024 * 1024


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


class Browser:
    """Chromium with its DevTools protocol on fds 3 (commands in) and 4 (replies)."""

    def __init__(self, profile):
        cmd_r, cmd_w = os.pipe()
        out_r, out_w = os.pipe()
        flags = [
            "--headless", "--no-sandbox", "--remote-debugging-pipe",
            "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-quic", "--disable-extensions", "--mute-audio",
            "--user-data-dir=" + profile, f"--window-size={W},{H}", "about:blank",
        ]

        def fds():  # in the child: the pipe's ends at 3 and 4, where Chromium looks
            a, b = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 10), fcntl.fcntl(out_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen([CHROMIUM] + flags, preexec_fn=fds, close_fds=False,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(cmd_r)
        os.close(out_w)
        self.wr = os.fdopen(cmd_w, "wb", buffering=0)
        self.rd = os.fdopen(out_r, "rb", buffering=0)
        self.buf = b""
        self.next_id = 0
        self.session = None
        self.console = []
        self.choosers = []  # file choosers the page opened

    def _message(self, timeout):
        end = time.monotonic() + timeout
        while b"\0" not in self.buf:
            left = end - time.monotonic()
            if left <= 0 or not select.select([self.rd], [], [], left)[0]:
                fail("the browser did not answer in time")
            chunk = os.read(self.rd.fileno(), 1 << 20)
            if not chunk:
                fail("the browser closed its DevTools pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, timeout=30, **params):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            msg["sessionId"] = self.session
        self.wr.write(json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._message(timeout)
            if reply.get("method") == "Page.fileChooserOpened":
                self.choosers.append(reply["params"])
            if reply.get("method") == "Runtime.consoleAPICalled":
                args = reply["params"]["args"]
                self.console.append(" ".join(str(a.get("value", "")) for a in args))
            elif reply.get("method") == "Runtime.exceptionThrown":
                d = reply["params"]["exceptionDetails"]
                self.console.append("exception: " + str(d.get("exception", {}).get("description", d.get("text")))[:600])
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    fail(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def js(self, expr, timeout=30):
        r = self.call("Runtime.evaluate", timeout=timeout, expression=expr, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in r:
            fail(f"in the page: {expr[:60]}...: {r['exceptionDetails'].get('text')}")
        return r["result"].get("value")

    def frames(self, n=2):
        """Waits until the page has drawn n more frames."""
        self.js("new Promise(function (done) { var k = %d; (function tick() {"
                " if (k-- <= 0) done(0); else requestAnimationFrame(tick); })(); })" % (n + 1))

    def mouse(self, kind, x, y):
        self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left",
                  buttons=0 if kind == "mouseReleased" else 1 if kind != "mouseMoved" or self.held else 0,
                  clickCount=1)
        self.held = kind == "mousePressed" or (self.held and kind == "mouseMoved")
        self.frames(1)

    held = False

    def key(self, key, code, vk, ctrl=False, shift=False):
        mods = (2 if ctrl else 0) | (8 if shift else 0)
        text = key if len(key) == 1 and not ctrl else ""  # a character types it; "Enter" does not
        self.call("Input.dispatchKeyEvent", type="keyDown", key=key, code=code, windowsVirtualKeyCode=vk,
                  modifiers=mods, text=text, unmodifiedText=key if len(key) == 1 else "")
        self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=code, windowsVirtualKeyCode=vk,
                  modifiers=mods)
        self.frames(2)

    def screenshot(self, path):
        r = self.call("Page.captureScreenshot", format="png")
        open(path, "wb").write(base64.b64decode(r["data"]))

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except SystemExit:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def channels(path):
    """(w, h, [red, green, blue]) of a PNG: each channel's bytes, a pixel each."""
    w, h, bpp, px = decode(path)
    return w, h, [px[c::bpp] for c in range(3)]


def ones(flags):
    """How many of a bytes of 0 and 1 are 1."""
    return flags.count(1)


def any_of(planes):
    """A bytes of 0 and 1 per pixel: 1 where any of the planes (0 and 1) has 1."""
    n = len(planes[0])
    merged = 0
    for p in planes:
        merged |= int.from_bytes(p, "big")
    return merged.to_bytes(n, "big")


def compare(a_path, b_path, what, mean_max, frac_max):
    """Mean absolute difference per channel, and the share of pixels with a channel
    more than 48 off."""
    aw, ah, a = channels(a_path)
    bw, bh, b = channels(b_path)
    if (aw, ah) != (bw, bh):
        fail(f"{what}: {aw}x{ah} in the browser, {bw}x{bh} on the desktop")
    over = bytes(1 if v > 48 else 0 for v in range(256))
    total, planes = 0, []
    for ca, cb in zip(a, b):
        d = bytes(map(abs, map(operator.sub, ca, cb)))
        total += sum(d)
        planes.append(d.translate(over))
    n = aw * ah
    mean, frac = total / (3 * n), ones(any_of(planes)) / n
    print(f"  {what}: mean difference {mean:.2f} levels, {100 * frac:.2f}% of pixels more than 48 off")
    if mean > mean_max or frac > frac_max:
        fail(f"{what}: the browser's differs from the desktop's (limits: mean {mean_max}, {100 * frac_max}%)")
    return mean, frac


def colour_count(path, rgb, tol=40):
    """The pixels within tol of rgb in every channel."""
    _, _, planes = channels(path)
    near = [p.translate(bytes(1 if abs(v - c) <= tol else 0 for v in range(256))) for p, c in zip(planes, rgb)]
    merged = int.from_bytes(near[0], "big") & int.from_bytes(near[1], "big") & int.from_bytes(near[2], "big")
    return bin(merged).count("1")


def differs(a_path, b_path):
    """The share of pixels that differ at all."""
    _, _, a = channels(a_path)
    _, _, b = channels(b_path)
    nonzero = bytes(0 if v == 0 else 1 for v in range(256))
    planes = [bytes(map(operator.xor, ca, cb)).translate(nonzero) for ca, cb in zip(a, b)]
    return ones(any_of(planes)) / len(a[0])


def settle(b):
    """Past the half second after a drag in which the changed curve is drawn live and
    the plot keeps its range (the twin waits as long): the picture, as the window
    shows it, is then the one drawn anew."""
    b.frames(2)
    time.sleep(0.6)
    b.frames(2)


def drag(b, xa, xb, y):
    """The twin's drag: to (xa, y), press, halfway to xb, xb, release; a frame each."""
    for kind, x in (("mouseMoved", xa), ("mousePressed", xa), ("mouseMoved", (xa + xb) / 2), ("mouseMoved", xb),
                    ("mouseReleased", xb)):
        b.mouse(kind, x, y)
    settle(b)


def catch_downloads(b):
    """Files the page saves are caught where it hands them to the browser."""
    b.js("Module.onSaved = function (name, data) { var s = '';"
         " for (var i = 0; i < data.length; i += 8192)"
         "   s += String.fromCharCode.apply(null, data.subarray(i, i + 8192));"
         " window.saved = {name: name, data: btoa(s)}; }; 0")


def download(b, tmp, ext, path, action):
    """Does action, waits for the page to save a file ending in ext, writes it to path."""
    b.js("window.saved = null; 0")
    action()
    for _ in range(100):
        got = b.js("window.saved")
        if got:
            break
        time.sleep(0.05)
    else:
        b.screenshot(os.path.join(tmp, "web-no-download.png"))
        fail("no %s downloaded (the page: %s)\n%s" % (ext, os.path.join(tmp, "web-no-download.png"),
                                                     "\n".join(b.console[-10:])))
    if not got["name"].endswith(ext):
        fail("the download is " + got["name"])
    open(path, "wb").write(base64.b64decode(got["data"]))


def serve(site):
    """A static server for site on 127.0.0.1, an ephemeral port; returns it."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def open_page(b, url, expect_failure=False, size=(W, H), mobile=False):
    """Opens url in a new tab at W x H (or size; mobile: a phone's, by touch);
    returns the first frame's time in ms after the navigation started, and the
    page's resources' arrival times (or, with expect_failure, the message the page
    shows instead)."""
    target = b.call("Target.createTarget", url="about:blank")["targetId"]
    b.session = b.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    b.call("Emulation.setDeviceMetricsOverride", width=size[0], height=size[1], deviceScaleFactor=1, mobile=mobile)
    if mobile:
        b.call("Emulation.setTouchEmulationEnabled", enabled=True, maxTouchPoints=2)
    b.call("Runtime.enable")
    b.call("Page.enable")
    return navigate(b, url, expect_failure)


def navigate(b, url, expect_failure=False):
    """Goes to url in the tab open (the page there is left); as open_page. The page
    is left having drawn a few frames, its downloads caught (catch_downloads)."""
    b.js("window.gradscapeFirstFrame = 0; window.gradscapeFailed = ''; 0")  # the page left is not the new one
    b.call("Page.navigate", url=url)
    end = time.monotonic() + 30
    state = {}
    while time.monotonic() < end:
        state = b.js("({frame: window.gradscapeFirstFrame || 0, failed: window.gradscapeFailed || '',"
                     " got: performance.getEntriesByType('resource').map(function (e) {"
                     "   return [e.name.split('/').pop(), Math.round(e.responseEnd)]; })})") or {}
        if state.get("frame") or state.get("failed"):
            break
        time.sleep(0.01)
    if expect_failure:
        if not state.get("failed"):
            fail(url + ": no message on the page")
        return state["failed"], state.get("got", [])
    if state.get("failed"):
        fail("the page says: " + state["failed"] + "\n" + "\n".join(b.console[-10:]))
    if not state.get("frame"):
        fail("no first frame in 30 s\n" + "\n".join(b.console[-10:]))
    b.frames(3)
    catch_downloads(b)
    return state["frame"], state.get("got", [])


def bench(site, rounds):
    """The time to first frame of a cold page (a new browser profile each round)."""
    server = serve(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    times = []
    for k in range(rounds):
        tmp = tempfile.mkdtemp(prefix="gs-web-bench-")
        b = Browser(os.path.join(tmp, "profile"))
        try:
            first, got = open_page(b, url)
        finally:
            b.close()
        times.append(first)
        print(f"round {k + 1}: first frame {first:.0f} ms after navigation; arrived: "
              + ", ".join(f"{n} {t} ms" for n, t in got))
    times.sort()
    print(f"median time to first frame: {times[len(times) // 2]:.0f} ms ({rounds} rounds)")
    server.shutdown()
    return 0


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--bench":
        return bench(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 3)
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    site, twin = sys.argv[1], sys.argv[2]
    if not os.access(CHROMIUM, os.X_OK):
        print("SKIPPED: Debian's chromium is not installed (scripts/deps.sh --web installs it)")
        return 77
    if not os.path.isfile(os.path.join(site, "gradscape.wasm")):
        print(f"SKIPPED: no browser build in {site} (scripts/web.sh builds it)")
        return 77
    tmp = tempfile.mkdtemp(prefix="gs-web-")

    # the desktop's side
    args = [a for k, v in QUERY for a in ("--" + k, v)]

    def run_twin(outdir, size, more=(), keys=None, phone=False, touch=False):
        """web_twin's script (or, with keys, those keys; with phone, its fingers) into
        outdir; its JSON."""
        os.makedirs(outdir, exist_ok=True)
        cmd = [twin] + (["--keys", keys] if keys else []) + (["--phone"] if phone else []) \
            + (["--touch"] if touch else []) + [outdir, size] + args + list(more)
        r = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, SDL_VIDEODRIVER="offscreen"),
                           timeout=300)
        if r.returncode != 0:
            fail("web_twin: " + r.stderr.strip())
        return json.loads(r.stdout)

    twin_out = run_twin(tmp, f"{W}x{H}")

    # the page's size: what a visitor downloads (compressed, as servers send it)
    size = 0
    for name in ("index.html", "gradscape.js", "gradscape.wasm"):
        size += len(gzip.compress(open(os.path.join(site, name), "rb").read(), 9))
    print(f"page: {size} bytes gzipped (index.html, gradscape.js, gradscape.wasm)")
    if size > DOWNLOAD_BYTES_MAX:
        fail(f"the page is {size} bytes compressed, more than {DOWNLOAD_BYTES_MAX}")

    server = serve(site)
    page = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    url = page + "?" + "&".join(f"{k}={v}" for k, v in QUERY)
    b = Browser(os.path.join(tmp, "profile"))
    try:
        first, _ = open_page(b, url)
        print(f"first frame {first:.0f} ms after navigation (WebGL 2: SwiftShader)")
        if first > FIRST_FRAME_MS_MAX:
            fail(f"the first frame came after {first:.0f} ms, more than {FIRST_FRAME_MS_MAX}")

        def picture(k):
            path = os.path.join(tmp, f"web-picture{k}.png")
            download(b, tmp, ".png", path, lambda: b.key("s", "KeyS", 83, ctrl=True))
            return path

        print("0. the first frame")
        b.screenshot(os.path.join(tmp, "web-window0.png"))
        compare(os.path.join(tmp, "web-window0.png"), os.path.join(tmp, "window0.png"), "window", 2.0, 0.02)
        p0 = picture(0)
        compare(p0, os.path.join(tmp, "picture0.png"), "picture", 1.5, 0.015)

        print("   ... left alone (paused), the page draws nothing and still shows its picture;")
        print("       a mouse move draws again")
        count = "Module.ccall('gs_web_frames', 'number', [], [])"
        for _ in range(20):  # the download's notice shows for a few seconds, then fades
            before = b.js(count)
            b.frames(40)
            idle = b.js(count) - before
            if idle == 0:
                break
        else:
            fail(f"a paused page left alone still drew {idle} frames in 40 of the browser's, 20 times over")
        b.screenshot(os.path.join(tmp, "web-window0b.png"))
        compare(os.path.join(tmp, "web-window0b.png"), os.path.join(tmp, "window0.png"), "window after idling", 2.0,
                0.02)
        b.mouse("mouseMoved", W / 2, H / 2)
        b.frames(3)
        if b.js(count) - before < 1:
            fail("a mouse move over a paused page drew no frame")

        print("1. a drag of run 0's lr slider")
        xa, xb, y = twin_out["drag"]
        drag(b, xa, xb, y)
        p1 = picture(1)
        changed = differs(p0, p1)
        print(f"  the drag changed {100 * changed:.1f}% of the picture")
        if changed < 0.01:
            fail("the picture did not change with the drag")
        compare(p1, os.path.join(tmp, "picture1.png"), "picture after the drag", 1.5, 0.015)

        print("2. the G key")
        b.key("g", "KeyG", 71)
        p2 = picture(2)
        compare(p2, os.path.join(tmp, "picture2.png"), "picture in the grid layout", 1.5, 0.015)
        if differs(p1, p2) < 0.05:
            fail("the G key did not change the picture")

        for k, p in enumerate((p0, p1, p2)):
            for run in twin_out["runs"]:
                n_web, n_twin = colour_count(p, run["rgb"]), colour_count(os.path.join(tmp, f"picture{k}.png"), run["rgb"])
                if n_twin >= 50 and n_web < 0.7 * n_twin:
                    fail(f"picture {k}: {run['label']}'s colour on {n_web} pixels, {n_twin} on the desktop")
        print("  every run's colour drawn as on the desktop")

        print("   ... and the page's address follows the scene: opened in a new page, it gives it")
        time.sleep(1.2)  # the address is brought up to date once a second
        address = b.js("location.href")
        if "layout=grid" not in address or "opt=sgd:lr=" not in address:
            fail("the address does not follow the scene: " + address)
        open_page(b, address)
        compare(picture("2a"), os.path.join(tmp, "picture2.png"), "picture of the address", 1.5, 0.015)

        print("3. the scene saved (Ctrl+Shift+S) and opened again (Ctrl+O) in a new page")
        scene = os.path.join(tmp, "web.scene")
        download(b, tmp, ".scene", scene, lambda: b.key("S", "KeyS", 83, ctrl=True, shift=True))
        open_page(b, page)
        b.call("Page.setInterceptFileChooserDialog", enabled=True)
        b.choosers.clear()
        b.key("o", "KeyO", 79, ctrl=True)
        for _ in range(100):
            if b.choosers:
                break
            b.frames(1)
        else:
            fail("Ctrl+O opened no file chooser")
        b.call("DOM.setFileInputFiles", files=[scene], backendNodeId=b.choosers[0]["backendNodeId"])
        b.frames(5)
        p3 = picture(3)
        compare(p3, os.path.join(tmp, "picture2.png"), "picture of the scene opened again", 1.5, 0.015)

        print("   ... and kept when the page is left: ?resume brings it back")
        navigate(b, page + "?resume")  # the page left keeps its scene
        p3r = picture("3r")
        compare(p3r, os.path.join(tmp, "picture2.png"), "picture of the scene resumed", 1.5, 0.015)

        print("4. the same drag by touch, in a new page")
        open_page(b, url)
        b.call("Emulation.setTouchEmulationEnabled", enabled=True, maxTouchPoints=1)
        for kind, x in (("touchStart", xa), ("touchMove", (xa + xb) / 2), ("touchMove", xb), ("touchEnd", xb)):
            points = [] if kind == "touchEnd" else [{"x": x, "y": y, "id": 0}]
            b.call("Input.dispatchTouchEvent", type=kind, touchPoints=points)
            b.frames(1)
        settle(b)
        p4 = picture(4)
        # after a finger the controls are touch-sized: the desktop's drag by a finger
        tmp_touch = os.path.join(tmp, "touch")
        run_twin(tmp_touch, f"{W}x{H}", touch=True)
        compare(p4, os.path.join(tmp_touch, "picture1.png"), "picture after the touch drag", 1.5, 0.015)

        print("5. a page made smaller, on a screen of twice the pixel density")
        open_page(b, url)
        b.call("Emulation.setDeviceMetricsOverride", width=W // 2, height=H // 2, deviceScaleFactor=2, mobile=False)
        b.frames(5)
        b.screenshot(os.path.join(tmp, "web-window5.png"))
        compare(os.path.join(tmp, "web-window5.png"), os.path.join(tmp, "window0.png"), "window", 2.0, 0.02)
        drag(b, xa / 2, xb / 2, y / 2)
        p5 = picture(5)
        compare(p5, os.path.join(tmp, "picture1.png"), "picture after the drag", 1.5, 0.015)

        print("6. the 3D view (the heights in a float texture: EXT_color_buffer_float)")
        # without the axes' labels: the two font rasterizers (stb_truetype in the page,
        # FreeType on the desktop) differ at every glyph's edge, and the 2D pictures
        # above already compare the axes; this one is about the surface
        tmp3d = os.path.join(tmp, "3d")
        run_twin(tmp3d, f"{W}x{H}", ["--view3d", "--axes", "off"])
        open_page(b, url + "&view3d&axes=off")
        compare(picture(6), os.path.join(tmp3d, "picture0.png"), "picture in 3D", 1.5, 0.015)

        for n, keys in enumerate(("uih", "b")):
            print(f"{7 + n}. the keys {' '.join(keys.upper())}: "
                  + ("the update rule, the arrows and the hyperparameter map" if keys == "uih" else "the basins"))
            tour = os.path.join(tmp, "tour-" + keys)
            # wide enough for the card beside the map panel: no "too narrow" message,
            # whose time on screen is the clock's (the desktop's frames are 1/60 s)
            run_twin(tour, "1600x900", keys=keys)
            open_page(b, url)
            b.call("Emulation.setDeviceMetricsOverride", width=1600, height=900, deviceScaleFactor=1, mobile=False)
            b.frames(3)
            for k in keys:
                b.key(k, "Key" + k.upper(), ord(k.upper()))
                b.frames(3)
            # the page computes a map in slices of its frames, coarse then fine: while
            # it does, every frame still comes (a frame's slice is 25 ms)
            t0, n0 = time.time(), b.js("Module.ccall('gs_web_frames', 'number', [], [])")
            while b.js("Module.ccall('gs_web_maps_busy', 'number', [], [])") and time.time() - t0 < 90:
                b.frames(5)
            waited = time.time() - t0
            drawn = b.js("Module.ccall('gs_web_frames', 'number', [], [])") - n0
            print(f"  the map took {waited:.1f} s in the page, {drawn} frames drawn meanwhile")
            if b.js("Module.ccall('gs_web_maps_busy', 'number', [], [])"):
                fail("the page's map is not done after 90 s")
            if waited > 1 and drawn < waited * 10:
                fail(f"{drawn} frames in {waited:.1f} s while the map computed: the page stalls")
            b.frames(3)
            b.screenshot(os.path.join(tour, "web-window.png"))
            compare(os.path.join(tour, "web-window.png"), os.path.join(tour, "window0.png"), "window", 2.0, 0.02)
            compare(picture("t" + keys), os.path.join(tour, "picture0.png"), "picture", 1.5, 0.015)

        print("10. a lesson in the address, and a clicker's keys")
        open_page(b, page + "?lesson=valleys&slide=3")
        slide = "Module.ccall('gs_web_slide', 'number', [], [])"
        if b.js(slide) != 3:
            fail(f"?lesson=valleys&slide=3 shows slide {b.js(slide)}")
        b.key("PageDown", "PageDown", 34)
        b.key("F5", "F5", 116)
        if b.js(slide) != 1004:
            fail(f"PageDown then F5: {b.js(slide)}, expected slide 4 presented (1004)")
        b.key("ArrowLeft", "ArrowLeft", 37)
        b.key("Escape", "Escape", 27)
        if b.js(slide) != 3:
            fail(f"← then Esc: {b.js(slide)}, expected slide 3 in the window")

        for pw, ph in ((390, 844), (844, 390)):
            print(f"11. a phone, {'upright' if pw < ph else 'turned'} ({pw}x{ph}), by touch: a tap sets the start, a "
                  "pinch zooms, two fingers pan, the drawer opens, a finger scrolls it and moves a slider")
            tour = os.path.join(tmp, f"phone-{pw}x{ph}")
            # no legend: where the automatic one goes depends on where the heads are,
            # which depends on the clock while the animation plays
            twin_phone = run_twin(tour, f"{pw}x{ph}", more=("--legend", "none"), phone=True)
            first_phone, _ = open_page(b, url + "&legend=none", size=(pw, ph), mobile=True)
            print(f"  first frame {first_phone:.0f} ms after navigation")
            if first_phone > FIRST_FRAME_MS_MAX:
                fail(f"the phone-sized page's first frame came after {first_phone:.0f} ms")
            touch_at_start = b.js("Module.ccall('gs_web_touch', 'number', [], [])")
            print(f"  opened as a phone: {'touch-sized' if touch_at_start else 'mouse-sized'} controls "
                  "(the twin's first finger makes them touch-sized either way)")
            for e in twin_phone["events"]:
                kind, points = e["type"], e["points"]
                if kind == "touchEnd" and points:
                    kind = "touchMove"  # a finger lifted, the other still down: the points left
                b.call("Input.dispatchTouchEvent", type=kind, touchPoints=points)
                b.frames(1)
            b.key("End", "End", 35)  # the last step: the twin's, whatever the clock did
            settle(b)
            b.frames(3)
            b.screenshot(os.path.join(tour, "web-window.png"))
            compare(os.path.join(tour, "web-window.png"), os.path.join(tour, "window0.png"), "window", 2.0, 0.02)
            # the scene the fingers made, as the page's address holds it (once a second)
            time.sleep(1.2)
            pairs = [kv.split("=", 1) for kv in b.js("location.search")[1:].split("&") if "=" in kv]
            query = dict(pairs)
            start = [float(v) for v in query["start"].split(",")]
            view = [float(v) for v in query["view"].split(",")]
            first_opt = next(v for k, v in pairs if k == "opt")  # run 0's
            lr = float(first_opt.split("lr=")[1].split(",")[0])
            tw = twin_phone["view"]
            span = tw[1] - tw[0]
            print(f"  start ({start[0]:.6g}, {start[1]:.6g}), the desktop's ({twin_phone['start'][0]:.6g}, "
                  f"{twin_phone['start'][1]:.6g}); view x {view[0]:.5g} to {view[1]:.5g}, the desktop's {tw[0]:.5g} to "
                  f"{tw[1]:.5g}; run 0's lr {lr:.6g}, the desktop's {twin_phone['lr']:.6g}")
            if any(abs(a - b_) > 1e-4 * span for a, b_ in zip(start, twin_phone["start"])):
                fail("the tap set another start than the desktop's")
            if abs((view[1] - view[0]) / span - 1) > 1e-3 or abs((view[3] - view[2]) / (tw[3] - tw[2]) - 1) > 1e-3:
                fail("the pinch zoomed another way than the desktop's")
            if any(abs(a - b_) > 1e-4 * span for a, b_ in zip(view, tw)):
                fail("the two fingers panned another way than the desktop's")
            if abs(lr / twin_phone["lr"] - 1) > 1e-3:
                fail("the slider in the drawer gave another lr than the desktop's")
            # the phone turned: the page lays itself out again at the new size
            if pw < ph:
                b.call("Emulation.setDeviceMetricsOverride", width=ph, height=pw, deviceScaleFactor=1, mobile=True)
                b.frames(4)
                size = b.js("[document.getElementById('canvas').width, document.getElementById('canvas').height]")
                b.screenshot(os.path.join(tour, "web-turned.png"))
                tw_, th_, _ = channels(os.path.join(tour, "web-turned.png"))
                print(f"  turned: the canvas is {size[0]}x{size[1]}")
                if size != [ph, pw] or (tw_, th_) != (ph, pw):
                    fail(f"turned to {ph}x{pw}, the canvas is {size} and the page {tw_}x{th_}")
                b.call("Emulation.setDeviceMetricsOverride", width=pw, height=ph, deviceScaleFactor=1, mobile=True)
                b.frames(4)
            compare(picture(f"p{pw}"), os.path.join(tour, "picture0.png"), "picture", 1.5, 0.015)
            if not twin_phone["drawer"] or not twin_phone["touch"] or twin_phone["selected"] >= 0:
                fail(f"the desktop's tour left the drawer {twin_phone['drawer']}, touch {twin_phone['touch']}, "
                     f"run {twin_phone['selected']} selected")

        print("12. in Chinese (?lang=zh_CN): the window with the update rule, against the desktop's in zh_CN")
        tour = os.path.join(tmp, "zh_CN")
        run_twin(tour, "1600x900", more=("--lang", "zh_CN"), keys="u")
        open_page(b, url + "&lang=zh_CN")
        b.call("Emulation.setDeviceMetricsOverride", width=1600, height=900, deviceScaleFactor=1, mobile=False)
        b.frames(3)
        b.key("u", "KeyU", ord("U"))
        b.frames(3)
        if b.js("Module.ccall('gs_web_lang', 'string', [], [])") != "zh_CN":
            fail("?lang=zh_CN: the page does not speak Chinese")
        b.screenshot(os.path.join(tour, "web-window.png"))
        compare(os.path.join(tour, "web-window.png"), os.path.join(tour, "window0.png"), "window", 2.0, 0.02)
        compare(picture("zh"), os.path.join(tour, "picture0.png"), "picture", 1.5, 0.015)

        print("13. Chinese through an input method, into run 0's label (the page's hidden field at the caret)")
        open_page(b, url)
        b.js("Module.ccall('gs_web_widget', 'string', ['string'], ['side/run/0/more'])")

        def click(path):
            box = b.js(f"Module.ccall('gs_web_widget', 'string', ['string'], ['{path}'])")
            if not box:
                fail(f"{path} is not on the page")
            x, y, w, h = (float(v) for v in box.split(","))
            for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
                b.mouse(kind, x + w / 2, y + h / 2)
            b.frames(3)

        label0 = b.js("Module.ccall('gs_web_label', 'string', ['number'], [0])")
        click("side/run/0/more")
        click("side/run/0/label")
        b.key("a", "KeyA", 65, ctrl=True)
        b.frames(2)
        focused = b.js("document.activeElement && document.activeElement.id")
        if focused != "ime":
            fail(f"the label field is edited, yet the keyboard is at '{focused}', not the hidden field")
        b.call("Input.imeSetComposition", text="suiji", selectionStart=5, selectionEnd=5)
        b.frames(3)
        b.screenshot(os.path.join(tmp, "web-composing.png"))
        b.key("Enter", "Enter", 13)  # the input method's while it composes: the label stays
        if b.js("Module.ccall('gs_web_label', 'string', ['number'], [0])") != label0:
            fail("a composition changed the label before it was committed")
        b.call("Input.insertText", text="随机")
        b.frames(3)
        b.key("Enter", "Enter", 13)
        b.frames(3)
        got = b.js("Module.ccall('gs_web_label', 'string', ['number'], [0])")
        print(f"  run 0's label: '{label0}', then '{got}'")
        if got != "随机":
            fail(f"the committed text gave the label '{got}', not 随机")
        if b.js("document.activeElement && document.activeElement.id") == "ime":
            fail("the hidden field keeps the keyboard after the edit ended")

        print("9. a bad option in the address")
        said, _ = open_page(b, page + "?steps=abc", expect_failure=True)
        print("  the page says: " + said)
        if "--steps 'abc'" not in said:
            fail("the message does not name the option")
    finally:
        b.close()
        server.shutdown()
    print("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
