package io.zgw.alerts.notify;

import io.zgw.alerts.template.TemplateException;

/**
 * TemplateErrors hears of each receiver template that failed while a notification was
 * rendered; the field was rendered with its default instead, so the notification still
 * goes out.
 */
@FunctionalInterface
public interface TemplateErrors {

	/**
	 * Reports a failed template.
	 * @param receiver the receiver's name
	 * @param field the field, e.g. {@code slack_configs.title}
	 * @param error what went wrong, with its position
	 */
	void failed(String receiver, String field, TemplateException error);

}
