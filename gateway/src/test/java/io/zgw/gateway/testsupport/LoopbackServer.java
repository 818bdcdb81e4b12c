package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * LoopbackServer starts the JDK's HTTP server on a free loopback port, as the stand-ins
 * for remote APIs do.
 */
public final class LoopbackServer {

	private LoopbackServer() {
	}

	/** Starts a server that hands every request to {@code handler}. */
	public static HttpServer start(HttpHandler handler) {
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", handler);
		server.start();
		return server;
	}

}
