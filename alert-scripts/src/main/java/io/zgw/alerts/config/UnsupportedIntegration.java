package io.zgw.alerts.config;

/**
 * UnsupportedIntegration names a receiver integration that loads but is not delivered,
 * such as a {@code pagerduty_configs} entry.
 *
 * @param receiver the receiver's name
 * @param type the integration type, e.g. {@code pagerduty}
 * @param path the element's path in the configuration
 */
public record UnsupportedIntegration(String receiver, String type, String path) {
}
