package io.zgw.alerts.notify;

import java.util.Map;

import io.zgw.alerts.model.Sha256;
import io.zgw.alerts.template.Template;
import io.zgw.alerts.template.TemplateException;
import io.zgw.alerts.template.Templates;
import org.jspecify.annotations.Nullable;

/**
 * Rendering runs one integration's templates on a notification's data; a template that
 * fails is reported and replaced by the field's default run with the built-in templates.
 */
final class Rendering {

	private final TemplateData data;

	private final String receiver;

	private final String integration;

	private final Map<String, String> defaults;

	private final TemplateErrors errors;

	/**
	 * Creates the rendering of an integration such as {@code slack_configs}, whose fields
	 * default to {@code defaults}.
	 */
	Rendering(TemplateData data, String receiver, String integration, Map<String, String> defaults,
			TemplateErrors errors) {
		this.data = data;
		this.receiver = receiver;
		this.integration = integration;
		this.defaults = defaults;
		this.errors = errors;
	}

	/**
	 * Cuts text to at most {@code max} characters (code points), the last being an
	 * ellipsis, as Alertmanager's {@code notify.Truncate}.
	 */
	static String truncate(String text, int max) {
		if (text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
	}

	/**
	 * Returns the hex SHA-256 of a group key, as Alertmanager's
	 * {@code notify.Key.Hash()}: PagerDuty's dedup key and Opsgenie's alias, one per
	 * group.
	 */
	static String groupKeyHash(String groupKey) {
		return Sha256.hex(groupKey);
	}

	/** Renders a text field; null when it failed and has no default. */
	@Nullable String text(Template template, String field) {
		return render(template, field, false);
	}

	/**
	 * Renders a text field; the empty text when it failed and has no default (the fields
	 * of the JSON APIs, which send an empty value rather than none).
	 */
	String textOrEmpty(Template template, String field) {
		String text = text(template, field);
		return (text != null) ? text : "";
	}

	/** Renders an HTML field; null when it failed and has no default. */
	@Nullable String html(Template template, String field) {
		return render(template, field, true);
	}

	private @Nullable String render(Template template, String field, boolean html) {
		try {
			return html ? template.executeHtml(this.data) : template.execute(this.data);
		}
		catch (TemplateException ex) {
			this.errors.failed(this.receiver, this.integration + "." + field, ex);
		}
		String fallback = this.defaults.get(field);
		if (fallback == null) {
			return null;
		}
		try {
			Template builtIn = Templates.defaults().parse(fallback);
			return html ? builtIn.executeHtml(this.data) : builtIn.execute(this.data);
		}
		catch (TemplateException ex) {
			throw new IllegalStateException("built-in default of " + field + " fails: " + ex.getMessage(), ex);
		}
	}

}
