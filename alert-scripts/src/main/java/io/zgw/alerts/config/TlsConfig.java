package io.zgw.alerts.config;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * TlsConfig is Alertmanager 0.25's {@code tls_config} inside an {@code http_config}: how
 * a sender checks the receiver's certificate and which certificate it shows. The files
 * are named here and read by the sender.
 *
 * @param caFile {@code ca_file}: CA certificates (PEM) that verify the receiver, or null
 * for the JVM's trust store
 * @param certFile {@code cert_file}: the client certificate chain (PEM) for mutual TLS,
 * or null
 * @param keyFile {@code key_file}: its private key (PEM), or null; set together with
 * {@code certFile}
 * @param serverName {@code server_name}: the name the receiver's certificate must carry,
 * or null for the URL's host
 * @param insecureSkipVerify {@code insecure_skip_verify}: accept any certificate
 * @param minVersion {@code min_version}, one of {@link #VERSIONS}; TLS12 unless set, as
 * Alertmanager
 * @param maxVersion {@code max_version}, one of {@link #VERSIONS}, or null for the newest
 */
public record TlsConfig(@Nullable String caFile, @Nullable String certFile, @Nullable String keyFile,
		@Nullable String serverName, boolean insecureSkipVerify, String minVersion, @Nullable String maxVersion) {

	/**
	 * The TLS versions {@code min_version} and {@code max_version} take, oldest first.
	 */
	public static final List<String> VERSIONS = List.of("TLS10", "TLS11", "TLS12", "TLS13");

}
