package io.zgw.alerts.config;

import java.util.List;

import io.zgw.alerts.template.Template;
import tools.jackson.databind.JsonNode;

/**
 * TemplatedValue is a value written in YAML whose every string is a template, such as a
 * Jira entry's {@code fields}: strings and mapping keys are rendered at each
 * notification, numbers, booleans and nulls are sent as written.
 */
public sealed interface TemplatedValue {

	/**
	 * A string: a template.
	 *
	 * @param template the parsed string
	 */
	record Text(Template template) implements TemplatedValue {

	}

	/**
	 * A number, boolean or null, sent as written.
	 *
	 * @param value the scalar
	 */
	record Literal(JsonNode value) implements TemplatedValue {

	}

	/**
	 * A sequence.
	 *
	 * @param items its items, in order
	 */
	record Sequence(List<TemplatedValue> items) implements TemplatedValue {

		public Sequence {
			items = List.copyOf(items);
		}

	}

	/**
	 * A mapping, whose keys are templates too.
	 *
	 * @param members its entries, in file order
	 */
	record Mapping(List<Member> members) implements TemplatedValue {

		public Mapping {
			members = List.copyOf(members);
		}

	}

	/**
	 * One entry of a mapping.
	 *
	 * @param key the key's template
	 * @param value the value
	 */
	record Member(Template key, TemplatedValue value) {

	}

}
