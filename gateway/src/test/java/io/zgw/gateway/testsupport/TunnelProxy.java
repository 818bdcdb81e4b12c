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

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * TunnelProxy is a real HTTP proxy on a loopback port that answers every
 * {@code CONNECT host:port} with a tunnel whose TLS it ends itself, with a certificate
 * that names that host, and whose requests it passes on to one local plain-HTTP port,
 * whatever host was asked for: a client given it as {@code proxy_url} (and the
 * certificate's CA) reaches a public API (Pushover's, PagerDuty's Events API v1, whose
 * URLs Alertmanager fixes) at a local {@link RecordingReceiver}. It ends TLS with
 * blocking sockets because the JDK's HTTPS server stalls a request that arrives together
 * with the end of the handshake, as Go's client sends it, until other traffic wakes it.
 * It records the hosts the tunnels were asked for; anything but {@code CONNECT} is
 * answered 405.
 */
public final class TunnelProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final SSLContext tls;

	private final List<String> tunnels = new ArrayList<>();

	/**
	 * Starts a proxy that ends every CONNECT's TLS with the server certificate of
	 * {@code tls} and passes its requests to {@code targetPort} on loopback.
	 */
	public TunnelProxy(int targetPort, SSLContext tls) {
		this.targetPort = targetPort;
		this.tls = tls;
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
			out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// The CONNECT head was read byte by byte: the TLS handshake starts at the
			// socket's next byte.
			try (SSLSocket tunnel = (SSLSocket) this.tls.getSocketFactory()
				.createSocket(client, null, client.getPort(), true);
					Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort)) {
				tunnel.setUseClientMode(false);
				InputStream decrypted = tunnel.getInputStream();
				Thread upstream = daemon(() -> pipe(decrypted, target));
				pipe(target.getInputStream(), tunnel);
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

	// Copies until the source ends, then ends the sink's output (a TLS socket's by
	// closing it: TLS has no half-close).
	private static void pipe(InputStream from, Socket to) {
		try {
			from.transferTo(to.getOutputStream());
			if (to instanceof SSLSocket) {
				to.close();
			}
			else {
				to.shutdownOutput();
			}
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
