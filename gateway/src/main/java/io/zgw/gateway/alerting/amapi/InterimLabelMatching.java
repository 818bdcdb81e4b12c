package io.zgw.gateway.alerting.amapi;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.zgw.alerts.model.LabelSet;

import org.springframework.stereotype.Component;

/**
 * InterimLabelMatching implements {@link LabelMatching} with the four Alertmanager
 * operators until the alert-rule library's matchers are wired in its place.
 */
@Component
class InterimLabelMatching implements LabelMatching {

	@Override
	public Predicate<LabelSet> parse(String text) {
		String matcher = text.strip();
		if (matcher.startsWith("{") && matcher.endsWith("}")) {
			matcher = matcher.substring(1, matcher.length() - 1).strip();
		}
		int op = -1;
		for (int i = 0; i < matcher.length(); i++) {
			char c = matcher.charAt(i);
			if (c == '=' || c == '!') {
				op = i;
				break;
			}
		}
		if (op <= 0) {
			throw new IllegalArgumentException("'" + text + "' is not a matcher such as name=\"value\"");
		}
		String name = matcher.substring(0, op).strip();
		String rest = matcher.substring(op);
		String operator = rest.startsWith("=~") ? "=~"
				: rest.startsWith("!~") ? "!~" : rest.startsWith("!=") ? "!=" : rest.startsWith("=") ? "=" : null;
		if (operator == null) {
			throw new IllegalArgumentException("'" + text + "' has no operator (=, !=, =~, !~)");
		}
		String value = unquote(rest.substring(operator.length()).strip(), text);
		return matcher(name, value, operator.endsWith("~"), operator.startsWith("="));
	}

	@Override
	public Predicate<LabelSet> matcher(String name, String value, boolean isRegex, boolean isEqual) {
		Predicate<String> test;
		if (isRegex) {
			try {
				Pattern pattern = Pattern.compile("^(?:" + value + ")$");
				test = (actual) -> pattern.matcher(actual).matches();
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalArgumentException(
						"'" + value + "' is not a valid regular expression: " + ex.getDescription());
			}
		}
		else {
			test = value::equals;
		}
		Predicate<String> effective = isEqual ? test : test.negate();
		return (labels) -> effective.test(labels.get(name));
	}

	private static String unquote(String value, String text) {
		if (!value.startsWith("\"")) {
			return value;
		}
		if (value.length() < 2 || !value.endsWith("\"")) {
			throw new IllegalArgumentException("'" + text + "' has an unterminated quoted value");
		}
		StringBuilder out = new StringBuilder();
		for (int i = 1; i < value.length() - 1; i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length() - 1) {
				char next = value.charAt(++i);
				out.append((next == 'n') ? '\n' : next);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
