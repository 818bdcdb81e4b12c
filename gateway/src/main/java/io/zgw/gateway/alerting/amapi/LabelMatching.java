package io.zgw.gateway.alerting.amapi;

import java.util.function.Predicate;

import io.zgw.alerts.model.LabelSet;

/**
 * LabelMatching is the seam to the alert-rule library's label matchers: the Alertmanager
 * API needs them for {@code filter} parameters and silence matchers.
 */
public interface LabelMatching {

	/**
	 * Returns the matcher written as in Alertmanager's {@code filter} parameter, such as
	 * {@code alertname=~"Disk.*"}.
	 * @throws IllegalArgumentException naming what is wrong when it does not parse
	 */
	Predicate<LabelSet> parse(String matcher);

	/**
	 * Returns the matcher of a silence: {@code isEqual} false negates, {@code isRegex}
	 * makes {@code value} a fully anchored regular expression.
	 * @throws IllegalArgumentException when the regular expression is invalid
	 */
	Predicate<LabelSet> matcher(String name, String value, boolean isRegex, boolean isEqual);

}
