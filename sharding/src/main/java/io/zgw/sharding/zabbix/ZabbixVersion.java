package io.zgw.sharding.zabbix;

/**
 * ZabbixVersion is the API version a shard reports through {@code apiinfo.version}; it
 * decides where the credentials go.
 */
public record ZabbixVersion(int major, int minor, String text) implements Comparable<ZabbixVersion> {

	/**
	 * The first version that takes {@code Authorization: Bearer} instead of body
	 * {@code auth}.
	 */
	public static final ZabbixVersion BEARER_SINCE = new ZabbixVersion(6, 4, "6.4");

	/**
	 * The first version whose {@code user.login} takes {@code username} instead of
	 * {@code user}.
	 */
	public static final ZabbixVersion USERNAME_SINCE = new ZabbixVersion(5, 4, "5.4");

	/**
	 * Parses a version such as {@code 6.0.14} or {@code 7.0.0alpha1}.
	 * @throws IllegalArgumentException if the text has no major.minor prefix
	 */
	public static ZabbixVersion parse(String text) {
		String[] parts = (text != null) ? text.split("\\.") : new String[0];
		try {
			return new ZabbixVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1].replaceAll("\\D.*", "")),
					text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not a Zabbix version: '" + text + "'", ex);
		}
	}

	/** Whether credentials go in the {@code Authorization: Bearer} header (6.4+). */
	public boolean usesBearerHeader() {
		return compareTo(BEARER_SINCE) >= 0;
	}

	@Override
	public int compareTo(ZabbixVersion other) {
		return (this.major != other.major) ? Integer.compare(this.major, other.major)
				: Integer.compare(this.minor, other.minor);
	}

	@Override
	public String toString() {
		return this.text;
	}

}
