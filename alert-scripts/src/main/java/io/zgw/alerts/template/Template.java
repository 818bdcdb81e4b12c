package io.zgw.alerts.template;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Template is a parsed receiver field, such as a Slack {@code title}, bound to the
 * {@link Templates} it can call with {@code {{ template "name" . }}}.
 */
public final class Template {

	private final String source;

	private final List<Node> root;

	private final Map<String, List<Node>> definitions;

	Template(String source, List<Node> root, Map<String, List<Node>> definitions) {
		this.source = source;
		this.root = root;
		this.definitions = definitions;
	}

	/**
	 * Runs the template on {@code data}.
	 * @throws TemplateException when it fails, e.g. calls a template that is not defined
	 */
	public String execute(@Nullable Object data) throws TemplateException {
		return new Exec(this.definitions::get, false).run(this.root, data);
	}

	/**
	 * Runs the template on {@code data} for an HTML body: every value it prints is
	 * HTML-escaped, except text marked with {@code safeHtml}.
	 * @throws TemplateException when it fails
	 */
	public String executeHtml(@Nullable Object data) throws TemplateException {
		return new Exec(this.definitions::get, true).run(this.root, data);
	}

	/** Returns the template's text as written. */
	@Override
	public String toString() {
		return this.source;
	}

}
