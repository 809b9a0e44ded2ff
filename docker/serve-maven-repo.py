"""Serves a local Maven repository (default ~/.m2/repository) read-only over HTTP on loopback, as the
MAVEN_MIRROR_URL of an image build on a machine that cannot reach Maven Central (docker/smoke-test.sh).

Maven checks every download against a .sha1 beside it, and a local repository lacks some of them (the
wrapper's Maven distribution, parent poms fetched by older clients): those are computed on request, the
way a repository manager would serve them, instead of warning with a stack trace per file.

Usage: python3 docker/serve-maven-repo.py PORT [DIRECTORY]
"""
import functools
import hashlib
import http.server
import os
import sys


class RepositoryHandler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        path = self.translate_path(self.path)
        if path.endswith(".sha1") and not os.path.exists(path) and os.path.isfile(path[: -len(".sha1")]):
            with open(path[: -len(".sha1")], "rb") as artifact:
                digest = hashlib.file_digest(artifact, "sha1") if hasattr(hashlib, "file_digest") else hashlib.sha1(artifact.read())
            body = digest.hexdigest().encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, format, *args):
        # Only misses are worth a line: they name what the build asked for and the repository lacks.
        if len(args) > 1 and str(args[1]) == "404":
            super().log_message(format, *args)


def main():
    port = int(sys.argv[1])
    directory = sys.argv[2] if len(sys.argv) > 2 else os.path.expanduser("~/.m2/repository")
    handler = functools.partial(RepositoryHandler, directory=directory)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"serving {directory} on http://127.0.0.1:{port}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
