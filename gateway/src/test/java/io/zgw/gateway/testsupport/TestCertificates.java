package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TestCertificates is a small PKI made with the real {@code openssl} command (installed
 * by the lab): a CA, a server certificate for 127.0.0.1, localhost, {@value #SERVER_NAME}
 * and the {@link #PUBLIC_API_HOSTS} signed by it, a client certificate signed by it (key
 * as PKCS #8 and as PKCS #1), and a second CA that signed nothing.
 *
 * @param ca the CA certificate (PEM)
 * @param otherCa a CA certificate that signed none of these (PEM)
 * @param serverCert the server certificate (PEM)
 * @param serverKey the server key (PEM, PKCS #8)
 * @param clientCert the client certificate (PEM)
 * @param clientKey the client key (PEM, PKCS #8)
 * @param clientKeyPkcs1 the same client key as PKCS #1 ({@code RSA PRIVATE KEY})
 * @param serverStore the server certificate and key as PKCS #12, password
 * {@value #STORE_PASSWORD}
 */
public record TestCertificates(Path ca, Path otherCa, Path serverCert, Path serverKey, Path clientCert, Path clientKey,
		Path clientKeyPkcs1, Path serverStore) {

	/** A DNS name the server certificate carries besides 127.0.0.1 and localhost. */
	public static final String SERVER_NAME = "hooks.zgw.internal";

	/**
	 * The hosts of the APIs whose URLs Alertmanager fixes (Pushover's, PagerDuty's Events
	 * API v1), which the server certificate names too so that a {@link TunnelProxy} can
	 * bring their calls to a local receiver.
	 */
	public static final List<String> PUBLIC_API_HOSTS = List.of("api.pushover.net", "events.pagerduty.com");

	/** The password of {@link #serverStore}. */
	public static final String STORE_PASSWORD = "changeit";

	/** Makes the certificates in {@code dir}. */
	public static TestCertificates create(Path dir) {
		Path ca = dir.resolve("ca.pem");
		Path caKey = dir.resolve("ca.key");
		Path otherCa = dir.resolve("other-ca.pem");
		openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out",
				ca.toString(), "-subj", "/CN=zgw test CA", "-days", "2");
		openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.resolve("other-ca.key").toString(),
				"-out", otherCa.toString(), "-subj", "/CN=zgw other CA", "-days", "2");
		Path server = signed(dir, "server", ca, caKey, "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:" + SERVER_NAME
				+ ",DNS:" + String.join(",DNS:", PUBLIC_API_HOSTS));
		Path client = signed(dir, "client", ca, caKey, "extendedKeyUsage=clientAuth");
		Path clientKeyPkcs1 = dir.resolve("client-pkcs1.key");
		openssl(dir, "rsa", "-in", dir.resolve("client.key").toString(), "-traditional", "-out",
				clientKeyPkcs1.toString());
		Path store = dir.resolve("server.p12");
		openssl(dir, "pkcs12", "-export", "-in", server.toString(), "-inkey", dir.resolve("server.key").toString(),
				"-out", store.toString(), "-passout", "pass:" + STORE_PASSWORD);
		return new TestCertificates(ca, otherCa, server, dir.resolve("server.key"), client, dir.resolve("client.key"),
				clientKeyPkcs1, store);
	}

	/**
	 * The server's SSL context: its certificate, and this CA to check client
	 * certificates.
	 */
	public SSLContext serverContext() {
		try (InputStream in = Files.newInputStream(this.serverStore)) {
			KeyStore keys = KeyStore.getInstance("PKCS12");
			keys.load(in, STORE_PASSWORD.toCharArray());
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(keys, STORE_PASSWORD.toCharArray());
			KeyStore roots = KeyStore.getInstance("PKCS12");
			roots.load(null, null);
			try (InputStream caIn = Files.newInputStream(this.ca)) {
				roots.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(caIn));
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(roots);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("cannot build the test server's TLS context", ex);
		}
	}

	private static Path signed(Path dir, String name, Path ca, Path caKey, String extension) {
		Path key = dir.resolve(name + ".key");
		Path request = dir.resolve(name + ".csr");
		Path cert = dir.resolve(name + ".pem");
		Path extensions = dir.resolve(name + ".ext");
		try {
			Files.writeString(extensions, extension + "\n");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", request.toString(),
				"-subj", "/CN=zgw " + name);
		openssl(dir, "x509", "-req", "-in", request.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
				"-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", extensions.toString());
		return cert;
	}

	private static void openssl(Path dir, String... args) {
		List<String> command = new ArrayList<>();
		command.add("openssl");
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run openssl (lab/zgw-lab installs it)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
