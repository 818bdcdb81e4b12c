package io.zgw.alerts.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Sha256 is the one place text is hashed to lower-case hex SHA-256: group-key hashes
 * (Alertmanager's {@code notify.Key.Hash()}), store keys, API-key lookups, request
 * signatures.
 */
public final class Sha256 {

	private Sha256() {
	}

	/** Returns the lower-case hex SHA-256 of the text's UTF-8 bytes. */
	public static String hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
