package io.zgw.alerts.template;

/**
 * SafeHtml is text {@code safeHtml} marked as HTML, which an HTML template prints without
 * escaping.
 */
record SafeHtml(String html) {

	@Override
	public String toString() {
		return this.html;
	}

}
