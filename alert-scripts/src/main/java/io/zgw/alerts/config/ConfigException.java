package io.zgw.alerts.config;

/**
 * ConfigException reports an invalid configuration element by its path, such as
 * {@code route.routes[2].receiver: unknown receiver "x"}.
 */
public class ConfigException extends IllegalArgumentException {

	private final String path;

	public ConfigException(String path, String reason) {
		this(path, reason, null);
	}

	public ConfigException(String path, String reason, Throwable cause) {
		super(path.isEmpty() ? reason : path + ": " + reason, cause);
		this.path = path;
	}

	/** Returns the path of the bad element, e.g. {@code inhibit_rules[0].equal}. */
	public String path() {
		return this.path;
	}

}
