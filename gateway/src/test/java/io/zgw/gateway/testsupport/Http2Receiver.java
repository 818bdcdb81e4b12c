package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http2.Http2Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * Http2Receiver is a real receiver that speaks HTTP/2 (embedded Tomcat with its HTTP/2
 * upgrade protocol): over TLS it offers {@code h2} by ALPN, and in plain HTTP it accepts
 * the {@code h2c} upgrade. It records the protocol of every request it answers.
 */
public final class Http2Receiver implements AutoCloseable {

	private final Tomcat tomcat = new Tomcat();

	private final Connector https;

	private final Connector http;

	private final List<String> protocols = new CopyOnWriteArrayList<>();

	/**
	 * Starts both connectors on free loopback ports; TLS with the test server
	 * certificate.
	 */
	public Http2Receiver(TestCertificates certs, Path baseDir) {
		this.tomcat.setBaseDir(baseDir.toString());
		this.https = connector();
		this.https.setScheme("https");
		this.https.setSecure(true);
		this.https.setProperty("SSLEnabled", "true");
		SSLHostConfig tls = new SSLHostConfig();
		SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(tls, SSLHostConfigCertificate.Type.RSA);
		certificate.setCertificateKeystoreFile(certs.serverStore().toString());
		certificate.setCertificateKeystorePassword(TestCertificates.STORE_PASSWORD);
		certificate.setCertificateKeystoreType("PKCS12");
		tls.addCertificate(certificate);
		this.https.addSslHostConfig(tls);
		this.http = connector();
		this.tomcat.setConnector(this.https);
		this.tomcat.getService().addConnector(this.http);
		Context context = this.tomcat.addContext("", baseDir.toString());
		Tomcat.addServlet(context, "record", new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
				request.getInputStream().readAllBytes();
				Http2Receiver.this.protocols.add(request.getProtocol());
				response.setStatus(200);
			}
		});
		context.addServletMappingDecoded("/*", "record");
		try {
			this.tomcat.start();
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException("cannot start the HTTP/2 receiver", ex);
		}
	}

	private static Connector connector() {
		Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
		connector.setPort(0);
		connector.setProperty("address", "127.0.0.1");
		connector.addUpgradeProtocol(new Http2Protocol());
		return connector;
	}

	/** The https URL of {@code path}. */
	public String httpsUrl(String path) {
		return "https://127.0.0.1:" + this.https.getLocalPort() + path;
	}

	/** The plain http URL of {@code path}. */
	public String httpUrl(String path) {
		return "http://127.0.0.1:" + this.http.getLocalPort() + path;
	}

	/**
	 * The protocol of each request answered, in order ({@code HTTP/2.0},
	 * {@code HTTP/1.1}).
	 */
	public List<String> protocols() {
		return List.copyOf(this.protocols);
	}

	@Override
	public void close() {
		try {
			this.tomcat.stop();
			this.tomcat.destroy();
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException("cannot stop the HTTP/2 receiver", ex);
		}
	}

}
