package io.zgw.alerts.template;

/**
 * TemplateException is a template that does not parse, or fails while it runs; the
 * message ends with the position, e.g. {@code unexpected {{end}} at 1:23}.
 */
public class TemplateException extends Exception {

	TemplateException(String reason, Node.Pos pos) {
		super(reason + " at " + pos);
	}

}
