"""The Tornado peer of the HTTP benchmark: the seed article's own kind of app, on Debian's python3-tornado.

One process, one IOLoop, a tornado.web.Application on 127.0.0.1 with the same routes as the lasti side
(dev.lasti.bench.http.HttpBench):

    /       Hello, world at once (keep-alive throughput)
    /sleep  an `async def` handler that awaits tornado.gen.sleep(1), then answers (the seed's slow server)

Usage: /usr/bin/python3 server.py PORT [BACKLOG]. Prints "listening PORT" once bound; serves until killed.
Tornado's defaults are kept (no xheaders, logging as the seed had it) except the listen backlog: Tornado's
default is 128, and the benchmark gives both servers the same one (16384 unless told), so that a burst of
10,000 connects measures the servers and not a backlog setting.
"""
import sys

import tornado.gen
import tornado.ioloop
import tornado.web


class HelloHandler(tornado.web.RequestHandler):
    def get(self):
        self.write("Hello, world\n")


class SleepHandler(tornado.web.RequestHandler):
    async def get(self):
        await tornado.gen.sleep(1)
        self.write("Hello, world\n")


def main():
    port = int(sys.argv[1])
    backlog = int(sys.argv[2]) if len(sys.argv) > 2 else 16384
    app = tornado.web.Application([(r"/", HelloHandler), (r"/sleep", SleepHandler)])
    app.listen(port, address="127.0.0.1", backlog=backlog)
    print("listening", port, flush=True)
    tornado.ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
