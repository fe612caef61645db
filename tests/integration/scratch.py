"""Every temporary folder a test script makes (tempfile.mkdtemp, TemporaryDirectory) goes under
one folder of its own, removed when the script ends: a run of the suite used to leave
thousands of conventio-* folders in /tmp. Imported first by each test script."""
import atexit
import shutil
import tempfile

tempfile.tempdir = tempfile.mkdtemp(prefix="cv-")  # short: Lua shortens chunk names past 59 bytes
atexit.register(shutil.rmtree, tempfile.tempdir, True)
