"""Hostile scripts and data against the real binary, with the default limits (the host-memory
cases with a smaller cap, so they stay quick on an unoptimised sanitized build, and the
watchdog's cases with a 1 s clock, so they do not burn 5 s of CPU each): every run must
end with exit status 1 within the wall-clock limit (plus the watchdog's grace for code no hook
reaches), under 200 MB of RSS (300 MB under AddressSanitizer), with a message naming the
place, no output file, nothing else written, and no raw control character reaching the
terminal."""
import scratch  # noqa: F401 -- temporary folders under one, removed when the script ends
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

CONVENTIO = os.environ["CONVENTIO"]

with open(CONVENTIO, "rb") as binary:
    # tools/test runs the suite on a build with AddressSanitizer: its shadow memory and redzones
    # add to the RSS, and our code runs unoptimised; the limits below allow for that.
    SANITIZED = b"__asan_init" in binary.read()

TIME_LIMIT = 5.0  # the default --timeout
WATCHDOG_GRACE = 1.0  # after the limit, for code no hook reaches (lua_state.cpp)
SLACK = 3.0 if SANITIZED else 1.5  # process start, a loaded machine
MAX_RSS_KIB = (300 if SANITIZED else 200) * 1024
# A loop stopped by the budget in a release build may reach the clock first when our code runs
# unoptimised and sanitized beside other tests: either stop is the right ending.
BUDGET = r"(instruction budget|time limit of 5 s exceeded)" if SANITIZED else r"instruction budget"
# What ASan keeps of freed memory to catch use-after-free is its own, not the run's: bounded
# here so the RSS measures what conventio holds.
CHILD_ENV = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=16")

# name -> (script, data or None, extra arguments, message (a regular expression), ends by the watchdog)
SCRIPTS = {
    "loop": ("while true do end", None, [], r"loop\.lua:1: " + BUDGET, False),
    "pcall": ("while true do\n  pcall(function() while true do end end)\nend", None, [],
              r"pcall\.lua:2: " + BUDGET, False),
    "resume": ("local co = coroutine.create(function() while true do end end)\n"
               "while true do coroutine.resume(co) end", None, [], r"resume\.lua:1: " + BUDGET, False),
    "xpcall_handler": ("xpcall(function() while true do end end,\n  function() while true do end end)", None, [],
                       r"xpcall_handler\.lua:1: " + BUDGET, False),
    "clock": ("local n = 0\nwhile true do n = n + 1 end", None, ["--max-instructions", "0"],
              r"clock\.lua:2: time limit of 5 s exceeded", False),
    "gc": ("setmetatable({}, { __gc = function() while true do end end })", None, [],
           r"gc\.lua:1: setmetatable: finalizers \(__gc\) are not allowed", False),
    # The watchdog's two cases stop at 1 s: "clock" shows the default limit; these show what
    # ends a call no hook reaches, which does not depend on the limit (and spares 8 s of CPU).
    "gc_trusted": ("setmetatable({}, { __gc = function() while true do end end })\n"
                   "return conventio.Document{}", None, ["--trusted", "--timeout", "1"],
                   r"gc_trusted\.lua: time limit of 1 s exceeded inside a call that never returned", True),
    "pattern": ("local s = ('a'):rep(40)\nlocal i = s:find('.-.-.-.-.-.-.-.-.-.-.-b')", None, ["--timeout", "1"],
                r"pattern\.lua:2: time limit of 1 s exceeded inside a call that never returned", True),
    "upper": ("local s = ('x'):rep(1e7)\nfor i = 1, 1e9 do local u = s:upper() end", None, [],
              r"upper\.lua:\d+: (" + BUDGET + "|memory limit)", False),
    "memory": ("local t = {}\nfor i = 1, 1e9 do t[i] = ('x'):rep(1e5) .. i end", None, [],
               r"memory\.lua:2: memory limit of 128 MiB exceeded", False),
    "rep": ("local s = ('x'):rep(1e12)", None, [], r"rep\.lua:1: memory limit of 128 MiB exceeded", False),
    "host_copies": ("local s = ('x'):rep(1 << 20)\nlocal t = {}\nfor i = 1, 1e8 do t[i] = conventio.Text(s) end",
                    None, ["--max-memory", "32"], r"host_copies\.lua:3: memory limit of 32 MiB exceeded", False),
    "host_tree": ("local d = conventio.Document{}\nlocal p = conventio.Para('x')\nfor i = 1, 1e8 do d:add(p) end",
                  None, ["--max-memory", "32"], r"host_tree\.lua:3: (memory limit of 32 MiB|" + BUDGET + ")", False),
    # doc:add keeps a shared block and copies it when the document is read: the copy of the
    # document returned is made under the cap too, not after the run (it once grew to 900 MB).
    "host_tree_shared": ("local d = conventio.Document{}\nlocal p = conventio.Para(('ab '):rep(33000))\n"
                         "for i = 1, 3000 do d:add(p) end\nreturn d",
                         None, ["--max-memory", "32"], r"host_tree_shared\.lua: memory limit of 32 MiB exceeded", False),
    "print": ("local s = ('x'):rep(1e6)\nwhile true do print(s) end", None, [],
              r"print\.lua:2: " + BUDGET, False),
    "string_metatable": ("getmetatable('').__index.upper = function() return 'pwned' end", None, [],
                         r"string_metatable\.lua:1: attempt to index a boolean value", False),
    "string_library": ("string.upper = function() return 'pwned' end", None, [],
                       r"string_library\.lua:1: the standard library is read-only: cannot set 'string\.upper'", False),
    "coroutine_close": ("local coro = false\nfor i = 1, 10000 do\n  local previous = coro\n"
                        "  coro = coroutine.create(function()\n"
                        "    local cc <close> = setmetatable({}, { __close = function()\n"
                        "      if previous then\n        local ok, err = coroutine.close(previous)\n"
                        "        if not ok then error(err, 0) end\n      end\n    end })\n"
                        "    coroutine.yield()\n  end)\n  coroutine.resume(coro)\nend\n"
                        "local ok, err = coroutine.close(coro)\nerror(err, 0)", None, [],
                        r"coroutine_close\.lua:7: coroutines nested more than 100 levels deep", False),
    "recursion": ("local function f(n) return f(n + 1) + 1 end\nf(1)", None, [],
                  r"recursion\.lua:1: stack overflow", False),
    "markdown": ("local s = ('*a '):rep(30000) .. 'x' .. (' a*'):rep(30000)\n"
                 "return conventio.Document{ body = { conventio.Markdown(s) } }", None, [],
                 r"markdown\.lua:2: formatting nests more than 32 levels deep \(line 1, column \d+ of the Markdown text\)", False),
    "self_containing": ("local t = {}\nt[1] = t\nreturn conventio.Document{ body = { conventio.Para(t) } }", None, [],
                        r"self_containing\.lua:3: Para: content arrays nested more than 32 levels deep", False),
    "deep_text": ("local t = 'x'\nfor _ = 1, 40 do t = { t } end\nreturn conventio.Document{ body = {\n"
                  "  conventio.Table{ widths = { 1 }, rows = { { t } } } } }", None, [],
                  r"deep_text\.lua:4: Table cell: content arrays nested more than 32 levels deep", False),
    "userdata_finalizer": ("getmetatable(conventio.Para('x')).__gc = function() while true do end end", None, [],
                           r"userdata_finalizer\.lua:1: attempt to index a string value", False),
    "column_widths": ("return conventio.Document{ body = {\n  conventio.Table{ widths = { 1, 100000 }, rows = { { 'a', 'b' } } } } }",
                      None, [], r"column_widths\.lua:2: Table: width 1 is under a fiftieth of the widest", False),
    "infinite_width": ("return conventio.Document{ body = {\n  conventio.Table{ widths = { 1 / 0, 1 }, rows = { { 'a', 'b' } } } } }",
                       None, [], r"infinite_width\.lua:2: Table: width 1 must be a positive number", False),
    "javascript_link": ("return conventio.Document{ body = {\n  conventio.Para{ conventio.Link('javascript:alert(1)', 'x') } } }",
                        None, [], r"javascript_link\.lua:2: Link: a link to a 'javascript:' address", False),
    "unc_link": ("return conventio.Document{ body = {\n  conventio.Para{ conventio.Link('\\\\\\\\host\\\\share\\\\x.docx') } } }",
                 None, [], r"unc_link\.lua:2: Link: a link to .*host.*: give an address starting with https://", False),
    "spaced_link": ("return conventio.Document{ body = {\n  conventio.Para{ conventio.Link(' javascript:alert(1)', 'x'),\n"
                    "  conventio.Link('//evil.example/a', 'y') } } }",
                    None, [], r"spaced_link\.lua:2: Link: a link to ' javascript:alert\(1\)': give an address", False),
    "file_link": ("return conventio.Document{ body = {\n  conventio.Markdown('Voir [ici](FILE:///etc/passwd).') } }",
                  None, [], r"file_link\.lua:2: a link to a 'file:' address", False),
    "heading_in_note": ("return conventio.Document{ body = {\n  conventio.Para{ 'a', conventio.Note(conventio.Article('T')) } } }",
                        None, [], r"heading_in_note\.lua:2: Note: a footnote holds text paragraphs, not a heading", False),
    "helper_without_data": ("local q = require 'conventio.quantities'\nlocal p = q.percent('150 %')", None, [],
                            r"helper_without_data\.lua:2: percentage: a percentage is above 0", False),
    "tiny_budget": ("return conventio.Document{}", None, ["--max-instructions", "100"],
                    r"tiny_budget\.lua:1: instruction budget of 100 exceeded", False),
    "bidi": ("return conventio.Document{ body = {\n  conventio.Para('IBAN \\u{202E}67 RF') } }", None, [],
             r"bidi\.lua:2: Para: character U\+202E at byte 5 is a bidirectional control", False),
    "huge_error": ("error(('x'):rep(40 << 20))", None, [], r"huge_error\.lua:1: x+ \[\.\.\. message cut: 4194\d{4} bytes", False),
    "escapes": ("error('\\27]0;pwned\\7\\27[2J\\27[31mred')", None, [],
                r"escapes\.lua:1: \\x1B\]0;pwned\\x07\\x1B\[2J\\x1B\[31mred", False),
    "error_nil": ("local x = 1\nerror(nil)", None, [], r"error_nil\.lua:2: \(error object is a nil value\)", False),
    "module_name": ("require('../../etc/passwd')", None, [],
                    r"module_name\.lua:1: invalid module name '\.\./\.\./etc/passwd'", False),
    "parser_nesting": ("local x = " + "(" * 1000 + "1" + ")" * 1000, None, [], r"parser_nesting\.lua: C stack overflow", False),
}

OK_SCRIPT = "return conventio.Document{}"

# name -> (data file content, extra arguments, message)
DATA = {
    "deep": ("[" * 25000 + "]" * 25000, [], r"deep\.json:1:101: objects and arrays nest more than 100 levels deep"),
    "nul_key": ('{"iban": "FR7630001007941234567890185",\n "iban\\u0000x": "evil"}', [],
                r'nul_key\.json:2:2: key "iban\\u0000x" holds a NUL character'),
    "duplicate": ('{"parties": {\n  "partner": 1,\n  "partner": 2}}', [],
                  r'duplicate\.json:3:3: key "partner" appears twice in the same object'),
    "overflow": ('{"amount":\n  1e309}', [], r"overflow\.json:2:3: invalid JSON: number overflow parsing '1e309'"),
    "syntax": ('{"a": 1,\n  "b": ]\n}', [], r"syntax\.json:2:8: invalid JSON: syntax error"),
    "big_integer": ('{"siret": 13002603200016000000}', [], r"big_integer\.json:1:11: integer 13002603200016000000 is out of range"),
    "bidi": ('{"name": "Cerema \\u202e"}', [], r"bidi\.json:1:10: text: character U\+202E .* bidirectional control"),
    "large": ("[" + ",".join('"%s%d"' % ("x" * 100, i) for i in range(60000)) + "]", ["--max-memory", "4"],
              r"large\.json: memory limit of 4 MiB exceeded"),
}


def run_measured(args, cwd):
    """Runs conventio; returns (exit status, stderr, seconds, peak RSS in KiB)."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as err:
        p = subprocess.Popen([CONVENTIO, *args], stdout=subprocess.DEVNULL, stderr=err, cwd=cwd, env=CHILD_ENV)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return p.returncode, stderr, seconds, usage.ru_maxrss


def snapshot(folder):
    return sorted((os.path.relpath(os.path.join(d, f), folder), os.path.getsize(os.path.join(d, f)))
                  for d, _, files in os.walk(folder) for f in files)


class Hostile(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="conventio-hostile-")
        self.out = os.path.join(self.dir, "out")
        os.mkdir(self.out)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, name, content):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)
        return path

    def check_run(self, args, message, watchdog=False, stderr_limit=64 * 1024):
        before = snapshot(self.dir)
        output = os.path.join(self.out, "x.odt")
        status, stderr, seconds, rss = run_measured(["render", *args, "-o", output], self.dir)
        self.assertEqual(status, 1, stderr[:2000])
        self.assertRegex(stderr, "conventio: .*" + message)
        timeout = float(args[args.index("--timeout") + 1]) if "--timeout" in args else TIME_LIMIT
        limit = timeout + (WATCHDOG_GRACE if watchdog else 0) + SLACK
        self.assertLess(seconds, limit, f"took {seconds:.1f} s")
        self.assertLess(rss, MAX_RSS_KIB, f"peak RSS {rss} KiB")
        self.assertFalse(os.path.exists(output))
        self.assertEqual(os.listdir(self.out), [], "something was left in the output folder")
        self.assertEqual(snapshot(self.dir), before, "files outside the output folder changed")
        self.assertNotIn("\x1b", stderr)
        self.assertLess(len(stderr), stderr_limit)
        return stderr

    def test_scripts(self):
        for name, (code, _, extra, message, watchdog) in SCRIPTS.items():
            with self.subTest(name=name):
                script = self.write(name + ".lua", code)
                limit = 1100 * 1024 if name == "print" else 64 * 1024
                self.check_run([script, *extra], message, watchdog, stderr_limit=limit)

    def test_data(self):
        script = self.write("ok.lua", OK_SCRIPT)
        for name, (content, extra, message) in DATA.items():
            with self.subTest(name=name):
                data = self.write(name + ".json", content)
                self.check_run([script, "--data", data, *extra], message)

    def test_files_that_are_not_regular_files(self):
        script = self.write("ok.lua", OK_SCRIPT)
        fifo = os.path.join(self.dir, "fifo.json")
        os.mkfifo(fifo)
        self.check_run([script, "--data", fifo], r"fifo\.json: is not a regular file \(a FIFO, a device or a socket\)")
        self.check_run([script, "--data", "/dev/zero"], r"/dev/zero: is not a regular file")
        folder = os.path.join(self.dir, "folder.lua")
        os.mkdir(folder)
        self.check_run([folder], r"folder\.lua: is a directory, not a file")

    def test_print_is_bounded_and_escaped(self):
        script = self.write("chatty.lua", "for i = 1, 1e9 do print(('\\27[31m'):rep(1000), i) end")
        stderr = self.check_run([script], r"chatty\.lua:1: " + BUDGET, stderr_limit=1100 * 1024)
        self.assertIn("print: the limit of 1 MiB per run is reached", stderr)
        self.assertIn("\\x1B[31m", stderr)

    def test_the_limits_have_flags(self):
        loop = self.write("short.lua", "local n = 0\nwhile true do n = n + 1 end")
        start = time.monotonic()
        self.check_run([loop, "--max-instructions", "0", "--timeout", "1"],
                       r"short\.lua:2: time limit of 1 s exceeded \(raise it with --timeout\)")
        self.assertLess(time.monotonic() - start, 1 + SLACK)
        script = self.write("rtl.lua", "return conventio.Document{ body = {\n  conventio.Para('\\u{202B}abc\\u{202C}') } }")
        self.check_run([script], r"rtl\.lua:2: Para: character U\+202B")
        output = os.path.join(self.out, "rtl.odt")
        status, stderr, _, _ = run_measured(["render", script, "--allow-bidi-controls", "-o", output], self.dir)
        self.assertEqual(status, 0, stderr)
        self.assertTrue(os.path.exists(output))
        # Limits out of range are usage errors, not wrapped around (2^44 MiB is 0 bytes once shifted).
        for flag, value, message in (("--max-memory", "17592186044417", "--max-memory must be between 1 and"),
                                     ("--max-memory", "0", "--max-memory must be between 1 and"),
                                     ("--timeout", "99999999999", "--timeout must be at most")):
            status, stderr, _, _ = run_measured(["render", script, flag, value, "-o", output], self.dir)
            self.assertEqual(status, 2, stderr)
            self.assertIn(message, stderr)

    def test_a_good_run_is_unaffected(self):
        script = self.write("good.lua", "print('ok')\nreturn conventio.Document{ body = { conventio.Para('Bonjour') } }")
        output = os.path.join(self.out, "good.odt")
        status, stderr, _, _ = run_measured(["render", script, "-o", output], self.dir)
        self.assertEqual(status, 0, stderr)
        self.assertEqual(stderr, "ok\n")
        self.assertTrue(os.path.exists(output))


if __name__ == "__main__":
    unittest.main(verbosity=2)
