package dev.lasti.bench.echo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Netty 4.1 on its NIO transport with one event loop ({@code NioEventLoopGroup(1)}) serving both the
 * listening channel and every connection, so it uses one thread like the others. The handler is Netty's
 * usual echo: write each buffer read, flush once per read burst.
 *
 * <p>Usage: {@code NettyEchoServer [port]}. Runs until killed.
 */
public final class NettyEchoServer {
    private NettyEchoServer() {}

    /** Writes back what it reads; one handler instance serves every connection. */
    @ChannelHandler.Sharable
    static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg); // the buffer is released once written
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

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws InterruptedException {
        EventLoopGroup group = new NioEventLoopGroup(1);
        Channel server = new ServerBootstrap()
                .group(group, group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new Echo())
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), EchoServers.port(args)))
                .sync()
                .channel();
        EchoServers.ready("netty", (InetSocketAddress) server.localAddress());
        server.closeFuture().sync();
    }
}
