package io.zgw.gateway.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * TunnelProxy is a real HTTP proxy on a loopback port that answers every
 * {@code CONNECT host:port} by tunnelling to one local port instead, whatever host was
 * asked for: a client given it as {@code proxy_url} reaches a public API (Pushover's,
 * PagerDuty's Events API v1, whose URLs Alertmanager fixes) at a local HTTPS
 * {@link RecordingReceiver} whose certificate names that host. It records the hosts the
 * tunnels were asked for; anything but {@code CONNECT} is answered 405.
 */
public final class TunnelProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final List<String> tunnels = new ArrayList<>();

	/** Starts a proxy that tunnels every CONNECT to {@code targetPort} on loopback. */
	public TunnelProxy(int targetPort) {
		this.targetPort = targetPort;
		try {
			this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the tunnel proxy", ex);
		}
		daemon(this::acceptLoop);
	}

	/** The proxy's URL, as {@code http_config.proxy_url} takes it. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	/** The {@code host:port} of every CONNECT so far, in order. */
	public List<String> tunnels() {
		synchronized (this.tunnels) {
			return List.copyOf(this.tunnels);
		}
	}

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				daemon(() -> tunnel(client));
			}
			catch (IOException ex) {
				// Closed: the loop ends.
			}
		}
	}

	private void tunnel(Socket client) {
		try (client) {
			InputStream in = client.getInputStream();
			String head = readHead(in);
			String[] requestLine = head.split("\r\n", 2)[0].split(" ");
			OutputStream out = client.getOutputStream();
			if (requestLine.length != 3 || !"CONNECT".equals(requestLine[0])) {
				out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
				return;
			}
			synchronized (this.tunnels) {
				this.tunnels.add(requestLine[1]);
			}
			try (Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort)) {
				out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				Thread upstream = daemon(() -> pipe(in, target));
				pipe(target.getInputStream(), client);
				upstream.join();
			}
		}
		catch (IOException ex) {
			// The client or the target went away: the tunnel ends.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Thread daemon(Runnable task) {
		Thread thread = new Thread(task, "tunnel-proxy-" + this.server.getLocalPort());
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	// Reads the request line and headers, up to and including the empty line.
	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b == -1) {
				break;
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

	// Copies until the source ends, then ends the sink's output.
	private static void pipe(InputStream from, Socket to) {
		try {
			from.transferTo(to.getOutputStream());
			to.shutdownOutput();
		}
		catch (IOException ex) {
			// Either side closed: the copy ends.
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
