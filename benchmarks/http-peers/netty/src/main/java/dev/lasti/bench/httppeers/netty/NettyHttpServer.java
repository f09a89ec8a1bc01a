package dev.lasti.bench.httppeers.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.Version;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * The Netty 4.1 peer of lasti's {@code HttpBench} hello route: Netty's {@link HttpServerCodec} on the NIO
 * transport (no native epoll: lasti runs on JDK NIO too), a {@link HttpServerKeepAliveHandler}, and one small
 * handler that answers {@code GET /} with a {@link FullHttpResponse} carrying the bytes lasti's server sends:
 *
 * <pre>
 * HTTP/1.1 200 OK
 * Content-Type: text/plain; charset=utf-8
 * Date: (IMF-fixdate, formatted once a second per loop thread, as lasti does)
 * Content-Length: 13
 *
 * Hello, world
 * </pre>
 *
 * <p>Any other path gets a 404 with an empty body. Responses are written as each request is decoded and
 * flushed once per read burst ({@code channelReadComplete}), the usual Netty shape.
 *
 * <p>Event loops: one {@code NioEventLoopGroup(loops)} is both the boss and the worker group. With one loop
 * that single thread accepts and serves every connection, which is what lasti's one loop does (its listening
 * socket is on the same selector as its connections); a separate boss group would add a second thread. With
 * more loops the listening channel sits on one of them and connections are spread round-robin over all of
 * them, so the server still has exactly {@code loops} event loop threads.
 *
 * <p>Usage: {@code NettyHttpServer PORT [BACKLOG [LOOPS]]} (defaults 16,384 and 1). Binds 127.0.0.1, prints
 * {@code listening PORT} once bound, like {@code HttpBench}, and serves until killed.
 */
public final class NettyHttpServer {
    static final byte[] HELLO = "Hello, world\n".getBytes(StandardCharsets.UTF_8);
    // Header names spelled as lasti writes them; AsciiString so the encoder copies bytes, not chars.
    static final AsciiString CONTENT_TYPE = AsciiString.cached("Content-Type");
    static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=utf-8");
    static final AsciiString DATE = AsciiString.cached("Date");
    static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
    static final AsciiString HELLO_LENGTH = AsciiString.cached(Integer.toString(HELLO.length));
    static final AsciiString ZERO = AsciiString.cached("0");

    /** The Date value of the current second, per loop thread (lasti's {@code ResponseWriter} does the same). */
    private static final ThreadLocal<DateCache> DATES = ThreadLocal.withInitial(DateCache::new);

    private NettyHttpServer() {}

    /** The second a Date value was formatted for, and the value. */
    private static final class DateCache {
        long second = Long.MIN_VALUE;
        AsciiString value;

        AsciiString now() {
            long millis = System.currentTimeMillis();
            if (millis / 1000 != second) {
                second = millis / 1000;
                value = new AsciiString(DateFormatter.format(new Date(second * 1000)));
            }
            return value;
        }
    }

    /** Answers each decoded request head; the request's content parts are only released. */
    @ChannelHandler.Sharable
    static final class Hello extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpRequest) {
                    ctx.write(response((HttpRequest) msg));
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a reset by the client: drop just this connection
        }
    }

    static FullHttpResponse response(HttpRequest request) {
        boolean hello = "/".equals(request.uri());
        FullHttpResponse response = hello
                ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(HELLO))
                : new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND);
        HttpHeaders headers = response.headers();
        if (hello) {
            headers.set(CONTENT_TYPE, TEXT_PLAIN);
        }
        headers.set(DATE, DATES.get().now());
        headers.set(CONTENT_LENGTH, hello ? HELLO_LENGTH : ZERO);
        return response;
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 16_384;
        int loops = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        EventLoopGroup group = new NioEventLoopGroup(loops);
        Hello hello = new Hello();
        Channel server = new ServerBootstrap()
                .group(group, group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, backlog)
                .childOption(ChannelOption.TCP_NODELAY, true) // lasti sets it on every connection too
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(), hello);
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", port))
                .sync()
                .channel();
        Version netty = Version.identify().get("netty-codec-http");
        System.out.println("netty " + (netty == null ? "?" : netty.artifactVersion()) + ", " + loops
                + " NIO event loop(s), backlog " + backlog);
        System.out.println("listening " + ((InetSocketAddress) server.localAddress()).getPort());
        server.closeFuture().sync();
    }
}
