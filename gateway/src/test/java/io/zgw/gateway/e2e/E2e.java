package io.zgw.gateway.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zgw.gateway.testsupport.RecordingReceiver;

/**
 * E2e holds small helpers the end-to-end tests share.
 */
final class E2e {

	private E2e() {
	}

	/** Starts a recording webhook receiver for a static field. */
	static RecordingReceiver receiver() {
		try {
			return new RecordingReceiver();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
