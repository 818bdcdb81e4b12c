package io.zgw.gateway.alerting.reload;

/**
 * ReloadException says why a routing file was refused: the file and the path of the bad
 * element inside it.
 */
public class ReloadException extends RuntimeException {

	private final String file;

	private final String path;

	ReloadException(String file, String path, String message, Throwable cause) {
		super(message, cause);
		this.file = file;
		this.path = path;
	}

	/** Returns the routing file's path on disk. */
	public String file() {
		return this.file;
	}

	/** Returns the path of the bad element, e.g. {@code route.routes[0].receiver}. */
	public String path() {
		return this.path;
	}

}
