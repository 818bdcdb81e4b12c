package io.zgw.alerts.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Templates is a set of named templates, as Alertmanager's: its default templates
 * ({@code __subject}, {@code slack.default.title}, {@code email.default.html}, ...) plus
 * those the routing file's {@code templates:} files define. Receiver fields are parsed
 * against a set and can call any template in it.
 */
public final class Templates {

	private static final String DEFAULT_TEMPLATES = "default.tmpl";

	private static final Templates DEFAULTS = loadDefaults();

	private final Map<String, List<Node>> definitions;

	private Templates(Map<String, List<Node>> definitions) {
		this.definitions = Map.copyOf(definitions);
	}

	/** Returns Alertmanager's default templates, from {@code default.tmpl}. */
	public static Templates defaults() {
		return DEFAULTS;
	}

	private static Templates loadDefaults() {
		try (InputStream in = Templates.class.getResourceAsStream(DEFAULT_TEMPLATES)) {
			return new Templates(Map.of()).with(DEFAULT_TEMPLATES,
					new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (TemplateException ex) {
			throw new IllegalStateException("built-in " + DEFAULT_TEMPLATES + " does not parse: " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Returns these templates plus those {@code source} defines, which replace ones of
	 * the same name unless they are empty.
	 * @param name the file name, for error positions
	 * @throws TemplateException when the source does not parse
	 */
	public Templates with(String name, String source) throws TemplateException {
		return new Templates(merge(Parser.parse(name, source)));
	}

	/**
	 * Parses a receiver field's text; it runs with these templates and any it defines
	 * itself.
	 * @throws TemplateException when the text does not parse
	 */
	public Template parse(String source) throws TemplateException {
		Parser.Result parsed = Parser.parse("", source);
		return new Template(source, parsed.root(), merge(parsed));
	}

	private Map<String, List<Node>> merge(Parser.Result parsed) {
		Map<String, List<Node>> merged = new HashMap<>(this.definitions);
		parsed.definitions().forEach((name, body) -> {
			if (!Parser.isEmpty(body) || !merged.containsKey(name)) {
				merged.put(name, body);
			}
		});
		return merged;
	}

}
