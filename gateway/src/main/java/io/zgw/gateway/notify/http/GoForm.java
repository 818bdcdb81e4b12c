package io.zgw.gateway.notify.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * GoForm encodes parameters as Go's {@code url.Values.Encode} does, so that a form or a
 * query is byte for byte what Alertmanager sends: {@code name=value} pairs in the order
 * given (Go sorts them by name), joined by {@code &}, each escaped as
 * {@code url.QueryEscape}.
 */
public final class GoForm {

	private GoForm() {
	}

	/** The encoded parameters, in the map's order. */
	public static String encode(Map<String, String> parameters) {
		StringJoiner form = new StringJoiner("&");
		parameters.forEach((name, value) -> form.add(queryEscape(name) + "=" + queryEscape(value)));
		return form.toString();
	}

	/**
	 * Go's {@code url.QueryEscape}: only letters, digits, '-', '_', '.' and '~' stay as
	 * they are, a space becomes '+'.
	 */
	public static String queryEscape(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
	}

}
