package io.zgw.alerts.config;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Receiver is a named set of integrations notified for a route's groups; integrations of
 * unsupported types are kept by type name only.
 *
 * @param name the name routes refer to
 * @param integrations supported integrations, in file order (webhook, slack, email,
 * pagerduty)
 * @param unsupportedTypes types of integrations this library does not deliver, such as
 * {@code mattermost}
 * @param rateLimit {@code rate_limit} (zgw extension), or null for none
 */
public record Receiver(String name, List<Integration> integrations, List<String> unsupportedTypes,
		@Nullable RateLimit rateLimit) {

	public Receiver {
		Objects.requireNonNull(name, "name");
		integrations = List.copyOf(integrations);
		unsupportedTypes = List.copyOf(unsupportedTypes);
	}

	/**
	 * Returns the notification-log key of the integration, {@code name/type/index} as
	 * Alertmanager's nflog (index counted per type).
	 */
	public String integrationKey(Integration integration) {
		int index = 0;
		for (Integration other : this.integrations) {
			if (other == integration) {
				return this.name + "/" + integration.type() + "/" + index;
			}
			if (other.type().equals(integration.type())) {
				index++;
			}
		}
		throw new IllegalArgumentException("integration does not belong to receiver " + this.name);
	}

}
