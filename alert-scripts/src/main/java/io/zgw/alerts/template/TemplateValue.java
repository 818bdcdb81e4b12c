package io.zgw.alerts.template;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * TemplateValue is a value whose Go fields and methods a template can select by their Go
 * names, such as {@code .Status} or {@code .CommonLabels.Remove .GroupLabels.Names}.
 * Members throw {@link IllegalArgumentException} for an unknown name or wrong arguments;
 * the template reports it with its position.
 */
public interface TemplateValue {

	/** Returns the field, or the result of the method without arguments, {@code name}. */
	@Nullable Object field(String name);

	/** Returns the result of the method {@code name} called with {@code args}. */
	default @Nullable Object method(String name, List<@Nullable Object> args) {
		field(name);
		throw new IllegalArgumentException(name + " is not a method but has arguments");
	}

	/** Returns Go's error for a member the receiver does not have. */
	static IllegalArgumentException noSuchField(String name, Object receiver) {
		return new IllegalArgumentException("can't evaluate field " + name + " in type " + GoFmt.typeName(receiver));
	}

	/** Returns Go's error for a method called with the wrong number of arguments. */
	static IllegalArgumentException wrongArgs(String name, int want, List<?> args) {
		return new IllegalArgumentException(
				"wrong number of args for " + name + ": want " + want + " got " + args.size());
	}

}
