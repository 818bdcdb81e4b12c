package io.zgw.gateway.alerting.ingest;

import io.zgw.gateway.alerting.AlertingProperties;
import io.zgw.gateway.web.ApiException;

/**
 * LabelRules checks label names and values against Prometheus' rules and the configured
 * limits, naming the offending field in the 400 it throws.
 */
final class LabelRules {

	private final int maxLabels;

	private final int maxValueLength;

	LabelRules(AlertingProperties properties) {
		this.maxLabels = properties.maxLabels();
		this.maxValueLength = properties.maxLabelValueLength();
	}

	static boolean isValidName(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
			if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Returns the name turned into a valid label name (invalid characters become '_').
	 */
	static String sanitize(String name) {
		StringBuilder out = new StringBuilder(name.length() + 1);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
			out.append(valid ? c : '_');
		}
		if (out.length() > 0 && Character.isDigit(out.charAt(0))) {
			out.insert(0, '_');
		}
		return out.toString();
	}

	void checkCount(String field, int count) {
		if (count > this.maxLabels) {
			throw ApiException.badParameter(field,
					field + " has " + count + " labels, more than the limit of " + this.maxLabels);
		}
	}

	void checkName(String field, String name) {
		if (!isValidName(name)) {
			throw ApiException.badParameter(field,
					field + ": '" + name + "' is not a valid label name ([a-zA-Z_][a-zA-Z0-9_]*)");
		}
	}

	// Counted in characters (code points), not UTF-16 units: an emoji is one.
	void checkValue(String field, String value) {
		int length = value.codePointCount(0, value.length());
		if (length > this.maxValueLength) {
			throw ApiException.badParameter(field,
					field + " is " + length + " characters long, more than the limit of " + this.maxValueLength);
		}
	}

	int maxValueLength() {
		return this.maxValueLength;
	}

}
