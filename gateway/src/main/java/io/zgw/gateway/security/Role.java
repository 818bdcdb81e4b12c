package io.zgw.gateway.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Role is what an API key may do; roles are ordered, each including the ones below it:
 * {@code viewer < operator < admin}.
 */
public enum Role {

	/** Reads the API. */
	VIEWER,

	/** Reads and changes alerts, silences and other operational state. */
	OPERATOR,

	/** Everything, including key management and reloading configuration. */
	ADMIN;

	/** Returns whether this role grants everything {@code required} grants. */
	public boolean includes(Role required) {
		return compareTo(required) >= 0;
	}

	/** Returns the lower-case name used in the API, the database and the command line. */
	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses a wire name such as {@code operator}; empty if it names no role. */
	public static Optional<Role> parse(String wireName) {
		return Arrays.stream(values()).filter((role) -> role.wireName().equals(wireName)).findFirst();
	}

	/** Returns the wire names of all roles, for error messages. */
	static String wireNames() {
		return String.join(", ", Arrays.stream(values()).map(Role::wireName).toList());
	}

}
