package io.zgw.gateway.notify.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import io.zgw.alerts.config.TlsConfig;
import org.jspecify.annotations.Nullable;

/**
 * TlsContext is a receiver's {@code tls_config} made ready to use: the CA certificates
 * that verify the receiver, the client certificate and key shown to it, the TLS versions
 * allowed. It is built when the configuration is (re)loaded, so a missing or bad file
 * refuses the configuration instead of failing each send.
 */
public final class TlsContext {

	private static final Map<String, String> PROTOCOLS = Map.of("TLS10", "TLSv1", "TLS11", "TLSv1.1", "TLS12",
			"TLSv1.2", "TLS13", "TLSv1.3");

	private static final Pattern PEM_KEY = Pattern
		.compile("-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	// DER of PKCS #8's AlgorithmIdentifier for rsaEncryption (OID 1.2.840.113549.1.1.1,
	// NULL parameters), preceded by version 0.
	private static final byte[] PKCS8_RSA_PREFIX = { 0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48,
			(byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };

	private final SSLContext context;

	private final String[] protocols;

	private final boolean verifiesConnectedHost;

	private TlsContext(SSLContext context, String[] protocols, boolean verifiesConnectedHost) {
		this.context = context;
		this.protocols = protocols;
		this.verifiesConnectedHost = verifiesConnectedHost;
	}

	/**
	 * Reads the files {@code config} names and builds the context.
	 * @throws IllegalArgumentException naming the {@code tls_config} field that cannot be
	 * used and why (never a key's content)
	 */
	public static TlsContext of(TlsConfig config) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers(config), new TrustManager[] { trustManager(config) }, null);
			String[] protocols = protocols(config, context.getDefaultSSLParameters().getProtocols());
			return new TlsContext(context, protocols, !config.insecureSkipVerify() && config.serverName() == null);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("tls_config: " + ex.getMessage(), ex);
		}
	}

	/** The SSL context, for senders that open their own sockets. */
	public SSLContext sslContext() {
		return this.context;
	}

	/**
	 * Whether a sender must check the certificate against the host it connected to: true
	 * unless {@code insecure_skip_verify} is set or {@code server_name} names another
	 * host, which this context's trust manager checks itself.
	 */
	public boolean verifiesConnectedHost() {
		return this.verifiesConnectedHost;
	}

	/** The TLS versions and other parameters of a connection made with this context. */
	SSLParameters sslParameters() {
		SSLParameters parameters = this.context.getDefaultSSLParameters();
		parameters.setProtocols(this.protocols.clone());
		return parameters;
	}

	private static String[] protocols(TlsConfig config, String[] enabled) {
		int min = TlsConfig.VERSIONS.indexOf(config.minVersion());
		int max = (config.maxVersion() != null) ? TlsConfig.VERSIONS.indexOf(config.maxVersion())
				: TlsConfig.VERSIONS.size() - 1;
		List<String> wanted = new ArrayList<>();
		for (String version : TlsConfig.VERSIONS.subList(min, max + 1)) {
			wanted.add(PROTOCOLS.get(version));
		}
		List<String> usable = new ArrayList<>();
		for (String protocol : enabled) {
			if (wanted.contains(protocol)) {
				usable.add(protocol);
			}
		}
		if (usable.isEmpty()) {
			throw new IllegalArgumentException("tls_config.min_version: no TLS version between " + config.minVersion()
					+ " and " + ((config.maxVersion() != null) ? config.maxVersion() : "TLS13")
					+ " is enabled in this JVM");
		}
		return usable.toArray(String[]::new);
	}

	private static KeyManager @Nullable [] keyManagers(TlsConfig config) throws GeneralSecurityException {
		if (config.certFile() == null || config.keyFile() == null) {
			return null;
		}
		List<X509Certificate> chain = certificates(config.certFile(), "cert_file");
		PrivateKey key = privateKey(config.keyFile());
		requireMatch(chain.get(0), key, config);
		KeyStore store = KeyStore.getInstance("PKCS12");
		char[] password = "zgw".toCharArray();
		try {
			store.load(null, password);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		store.setKeyEntry("client", key, password, chain.toArray(X509Certificate[]::new));
		KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		factory.init(store, password);
		return factory.getKeyManagers();
	}

	private static X509ExtendedTrustManager trustManager(TlsConfig config) throws GeneralSecurityException {
		if (config.insecureSkipVerify()) {
			return new TrustingAnyServer();
		}
		KeyStore roots = null;
		if (config.caFile() != null) {
			roots = KeyStore.getInstance("PKCS12");
			try {
				roots.load(null, null);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			List<X509Certificate> cas = certificates(config.caFile(), "ca_file");
			for (int i = 0; i < cas.size(); i++) {
				roots.setCertificateEntry("ca-" + i, cas.get(i));
			}
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(roots);
		for (TrustManager manager : factory.getTrustManagers()) {
			if (manager instanceof X509ExtendedTrustManager x509) {
				return (config.serverName() != null) ? new VerifyingServerName(x509, config.serverName()) : x509;
			}
		}
		throw new IllegalStateException("no X.509 trust manager in this JVM");
	}

	private static List<X509Certificate> certificates(String file, String field) {
		try (InputStream in = Files.newInputStream(Path.of(file))) {
			Collection<? extends java.security.cert.Certificate> read = CertificateFactory.getInstance("X.509")
				.generateCertificates(in);
			List<X509Certificate> certificates = new ArrayList<>();
			for (java.security.cert.Certificate certificate : read) {
				certificates.add((X509Certificate) certificate);
			}
			if (certificates.isEmpty()) {
				throw new IllegalArgumentException("tls_config." + field + ": no PEM certificate in " + file);
			}
			return certificates;
		}
		catch (IOException | CertificateException ex) {
			throw new IllegalArgumentException(
					"tls_config." + field + ": cannot read certificates from " + file + ": " + ex.getMessage(), ex);
		}
	}

	// PKCS #8 ("PRIVATE KEY") RSA, EC or Ed25519 keys, and PKCS #1 ("RSA PRIVATE KEY") as
	// cert-manager writes by default. Errors never quote the file's content.
	private static PrivateKey privateKey(String file) {
		String pem;
		try {
			pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalArgumentException(
					"tls_config.key_file: cannot read " + file + ": " + ex.getClass().getSimpleName(), ex);
		}
		Matcher matcher = PEM_KEY.matcher(pem);
		if (!matcher.find()) {
			throw new IllegalArgumentException("tls_config.key_file: no PEM private key in " + file);
		}
		byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
		byte[] pkcs8 = switch (matcher.group(1)) {
			case "PRIVATE KEY" -> der;
			case "RSA PRIVATE KEY" -> pkcs8FromPkcs1(der);
			default -> throw new IllegalArgumentException("tls_config.key_file: " + matcher.group(1) + " in " + file
					+ " is not supported; convert it with `openssl pkcs8 -topk8 -nocrypt`");
		};
		for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			}
			catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException ex) {
				// try the next algorithm
			}
		}
		throw new IllegalArgumentException("tls_config.key_file: " + file + " holds no RSA, EC or Ed25519 key");
	}

	private static byte[] pkcs8FromPkcs1(byte[] pkcs1) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(PKCS8_RSA_PREFIX);
		body.write(0x04);
		body.writeBytes(derLength(pkcs1.length));
		body.writeBytes(pkcs1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0x30);
		out.writeBytes(derLength(body.size()));
		out.writeBytes(body.toByteArray());
		return out.toByteArray();
	}

	private static byte[] derLength(int length) {
		if (length < 0x80) {
			return new byte[] { (byte) length };
		}
		if (length < 0x100) {
			return new byte[] { (byte) 0x81, (byte) length };
		}
		return new byte[] { (byte) 0x82, (byte) (length >> 8), (byte) length };
	}

	// As Go's tls.LoadX509KeyPair: a key that does not belong to the certificate is
	// refused at load, not at the first handshake.
	private static void requireMatch(X509Certificate certificate, PrivateKey key, TlsConfig config)
			throws GeneralSecurityException {
		String algorithm = switch (key.getAlgorithm()) {
			case "RSA" -> "SHA256withRSA";
			case "EC" -> "SHA256withECDSA";
			default -> key.getAlgorithm();
		};
		byte[] probe = "zgw".getBytes(StandardCharsets.US_ASCII);
		Signature signer = Signature.getInstance(algorithm);
		signer.initSign(key);
		signer.update(probe);
		byte[] signature = signer.sign();
		Signature verifier = Signature.getInstance(algorithm);
		try {
			verifier.initVerify(certificate.getPublicKey());
			verifier.update(probe);
			if (verifier.verify(signature)) {
				return;
			}
		}
		catch (GeneralSecurityException ex) {
			// a key of another type: no match
		}
		throw new IllegalArgumentException("tls_config.key_file: " + config.keyFile()
				+ " is not the private key of the certificate in " + config.certFile());
	}

	/**
	 * Checks a receiver's certificate as the JVM does but against {@code server_name}
	 * instead of the URL's host: subject alternative names only (as Go), a wildcard
	 * standing for one leftmost label.
	 */
	private static final class VerifyingServerName extends X509ExtendedTrustManager {

		private final X509ExtendedTrustManager delegate;

		private final String serverName;

		private final @Nullable InetAddress serverAddress;

		VerifyingServerName(X509ExtendedTrustManager delegate, String serverName) {
			this.delegate = delegate;
			this.serverName = serverName.toLowerCase(Locale.ROOT);
			this.serverAddress = ipLiteral(this.serverName);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			this.delegate.checkServerTrusted(chain, authType);
			requireName(chain[0]);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
				throws CertificateException {
			checkServerTrusted(chain, authType);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
				throws CertificateException {
			checkServerTrusted(chain, authType);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			this.delegate.checkClientTrusted(chain, authType);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
				throws CertificateException {
			this.delegate.checkClientTrusted(chain, authType, socket);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
				throws CertificateException {
			this.delegate.checkClientTrusted(chain, authType, engine);
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return this.delegate.getAcceptedIssuers();
		}

		private void requireName(X509Certificate certificate) throws CertificateException {
			for (List<?> name : alternativeNames(certificate)) {
				int type = (Integer) name.get(0);
				String value = ((String) name.get(1)).toLowerCase(Locale.ROOT);
				if ((type == 2 && dnsMatches(value)) || (type == 7 && ipMatches(value))) {
					return;
				}
			}
			throw new CertificateException("certificate is not valid for server_name " + this.serverName);
		}

		private static Collection<List<?>> alternativeNames(X509Certificate certificate)
				throws CertificateParsingException {
			Collection<List<?>> names = certificate.getSubjectAlternativeNames();
			return (names != null) ? names : List.of();
		}

		private boolean dnsMatches(String pattern) {
			if (!pattern.startsWith("*.")) {
				return pattern.equals(this.serverName);
			}
			int dot = this.serverName.indexOf('.');
			return dot > 0 && this.serverName.substring(dot).equals(pattern.substring(1));
		}

		private boolean ipMatches(String address) {
			return this.serverAddress != null && this.serverAddress.equals(ipLiteral(address));
		}

		// An IP address written as one, else null; never a DNS lookup.
		private static @Nullable InetAddress ipLiteral(String text) {
			if (!text.contains(":") && !text.matches("[0-9.]+")) {
				return null;
			}
			try {
				return InetAddress.getByName(text);
			}
			catch (UnknownHostException ex) {
				return null;
			}
		}

	}

	/** {@code insecure_skip_verify}: any certificate, any name. */
	private static final class TrustingAnyServer extends X509ExtendedTrustManager {

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			throw new CertificateException("a sender does not check clients");
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
				throws CertificateException {
			checkClientTrusted(chain, authType);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
				throws CertificateException {
			checkClientTrusted(chain, authType);
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
