package io.zgw.alerts.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.LongStream;

import io.zgw.alerts.template.Node.Branch;
import io.zgw.alerts.template.Node.Expr;
import io.zgw.alerts.template.Node.Pipe;
import org.jspecify.annotations.Nullable;

/**
 * Exec runs parsed nodes on data, as Go's {@code text/template} executor with
 * {@code missingkey=zero}; in HTML mode every printed value is HTML-escaped unless it
 * came from {@code safeHtml}.
 */
final class Exec {

	// Marks a command that gets no value piped into it.
	private static final Object NONE = new Object();

	// Nested {{template}} calls allowed, so a recursive template fails instead of
	// overflowing the stack.
	private static final int MAX_DEPTH = 1000;

	private final Function<String, @Nullable List<Node>> templates;

	private final boolean html;

	private final StringBuilder out = new StringBuilder();

	private List<String> names = new ArrayList<>();

	private List<@Nullable Object> values = new ArrayList<>();

	private int depth;

	Exec(Function<String, @Nullable List<Node>> templates, boolean html) {
		this.templates = templates;
		this.html = html;
	}

	String run(List<Node> nodes, @Nullable Object data) throws TemplateException {
		push("$", data);
		walk(data, nodes);
		return this.out.toString();
	}

	private void walk(@Nullable Object dot, List<Node> nodes) throws TemplateException {
		for (Node node : nodes) {
			if (node instanceof Node.Text text) {
				this.out.append(text.text());
			}
			else if (node instanceof Node.Action action) {
				Object value = pipe(dot, action.pipe());
				if (action.pipe().variables().isEmpty()) {
					print(value);
				}
			}
			else if (node instanceof Branch branch) {
				branch(dot, branch);
			}
			else {
				call(dot, (Node.Call) node);
			}
		}
	}

	private void print(@Nullable Object value) {
		String text = (value == null) ? "<no value>" : GoFmt.value(value);
		this.out.append((this.html && !(value instanceof SafeHtml)) ? Functions.htmlEscape(text) : text);
	}

	private void branch(@Nullable Object dot, Branch branch) throws TemplateException {
		int scope = this.names.size();
		Object value = pipe(dot, branch.pipe());
		boolean truth = Functions.truth(value);
		switch (branch.kind()) {
			case IF -> walk(dot, truth ? branch.body() : branch.otherwise());
			case WITH -> walk(truth ? value : dot, truth ? branch.body() : branch.otherwise());
			case RANGE -> range(dot, branch, value);
		}
		pop(scope);
	}

	private void range(@Nullable Object dot, Branch branch, @Nullable Object value) throws TemplateException {
		List<?> keys;
		List<?> elements;
		if (value instanceof List<?> list) {
			keys = LongStream.range(0, list.size()).boxed().toList();
			elements = list;
		}
		else if (value instanceof Map<?, ?> map) {
			// Maps here are sorted, as Go ranges over map keys in order.
			keys = List.copyOf(map.keySet());
			elements = List.copyOf(map.values());
		}
		else if (value == null) {
			keys = List.of();
			elements = List.of();
		}
		else {
			throw new TemplateException("range can't iterate over " + GoFmt.value(value), branch.pos());
		}
		if (elements.isEmpty()) {
			walk(dot, branch.otherwise());
			return;
		}
		List<String> declared = branch.pipe().variables();
		int scope = this.names.size();
		for (int i = 0; i < elements.size(); i++) {
			// As Go: the last declared variable gets the element, the one before the key.
			if (!declared.isEmpty()) {
				set(declared.get(declared.size() - 1), elements.get(i), branch.pipe());
			}
			if (declared.size() > 1) {
				set(declared.get(0), keys.get(i), branch.pipe());
			}
			walk(elements.get(i), branch.body());
			pop(scope);
		}
	}

	private void call(@Nullable Object dot, Node.Call call) throws TemplateException {
		List<Node> body = this.templates.apply(call.name());
		if (body == null) {
			throw new TemplateException("template \"" + call.name() + "\" not defined", call.pos());
		}
		Object data = (call.pipe() != null) ? pipe(dot, call.pipe()) : null;
		if (++this.depth > MAX_DEPTH) {
			throw new TemplateException("exceeded maximum template depth (" + MAX_DEPTH + ")", call.pos());
		}
		List<String> outerNames = this.names;
		List<@Nullable Object> outerValues = this.values;
		this.names = new ArrayList<>();
		this.values = new ArrayList<>();
		push("$", data);
		walk(data, body);
		this.names = outerNames;
		this.values = outerValues;
		this.depth--;
	}

	private @Nullable Object pipe(@Nullable Object dot, Pipe pipe) throws TemplateException {
		Object value = NONE;
		for (Node.Command command : pipe.commands()) {
			value = command(dot, command, value);
		}
		for (String variable : pipe.variables()) {
			if (pipe.assign()) {
				set(variable, value, pipe);
			}
			else {
				push(variable, value);
			}
		}
		return value;
	}

	private @Nullable Object command(@Nullable Object dot, Node.Command command, @Nullable Object piped)
			throws TemplateException {
		Expr first = command.args().get(0);
		List<Expr> rest = command.args().subList(1, command.args().size());
		if (first instanceof Node.Field field) {
			return select(dot, dot, field.names(), rest, piped, field.pos());
		}
		if (first instanceof Node.Chain chain) {
			return select(dot, operand(dot, chain.base()), chain.fields(), rest, piped, chain.pos());
		}
		if (first instanceof Node.Variable variable && !variable.fields().isEmpty()) {
			return select(dot, variable(variable), variable.fields(), rest, piped, variable.pos());
		}
		if (first instanceof Node.Function function) {
			return function(dot, function, rest, piped);
		}
		if (!rest.isEmpty() || piped != NONE) {
			throw new TemplateException("can't give argument to non-function", first.pos());
		}
		if (first instanceof Node.Literal literal && literal.value() == null) {
			throw new TemplateException("nil is not a command", first.pos());
		}
		return operand(dot, first);
	}

	// Selects fields and methods in turn; only the last one gets the arguments.
	private @Nullable Object select(@Nullable Object dot, @Nullable Object receiver, List<String> fields,
			List<Expr> args, @Nullable Object piped, Node.Pos pos) throws TemplateException {
		List<@Nullable Object> last = arguments(dot, args, piped);
		Object value = receiver;
		for (int i = 0; i < fields.size(); i++) {
			List<@Nullable Object> given = (i == fields.size() - 1) ? last : List.of();
			String name = fields.get(i);
			try {
				if (!(value instanceof TemplateValue member)) {
					throw (value == null) ? new IllegalArgumentException("nil pointer evaluating interface {}." + name)
							: TemplateValue.noSuchField(name, value);
				}
				value = given.isEmpty() ? member.field(name) : member.method(name, given);
			}
			catch (IllegalArgumentException ex) {
				throw new TemplateException(ex.getMessage(), pos);
			}
		}
		return value;
	}

	private @Nullable Object function(@Nullable Object dot, Node.Function function, List<Expr> args,
			@Nullable Object piped) throws TemplateException {
		if (Functions.LAZY.contains(function.name())) {
			// and/or stop at the first argument that decides the result.
			boolean or = function.name().equals("or");
			int count = args.size() + ((piped != NONE) ? 1 : 0);
			if (count == 0) {
				throw new TemplateException("wrong number of args for " + function.name() + ": want at least 1 got 0",
						function.pos());
			}
			Object value = null;
			for (int i = 0; i < count; i++) {
				value = (i < args.size()) ? operand(dot, args.get(i)) : piped;
				if (Functions.truth(value) == or) {
					return value;
				}
			}
			return value;
		}
		try {
			return Functions.call(function.name(), arguments(dot, args, piped));
		}
		catch (IllegalArgumentException ex) {
			throw new TemplateException(ex.getMessage(), function.pos());
		}
	}

	private List<@Nullable Object> arguments(@Nullable Object dot, List<Expr> args, @Nullable Object piped)
			throws TemplateException {
		List<@Nullable Object> values = new ArrayList<>();
		for (Expr arg : args) {
			values.add(operand(dot, arg));
		}
		if (piped != NONE) {
			values.add(piped);
		}
		return values;
	}

	private @Nullable Object operand(@Nullable Object dot, Expr expr) throws TemplateException {
		if (expr instanceof Node.Literal literal) {
			return literal.value();
		}
		if (expr instanceof Node.Nested nested) {
			return pipe(dot, nested.pipe());
		}
		if (expr instanceof Node.Function function) {
			return function(dot, function, List.of(), NONE);
		}
		if (expr instanceof Node.Field field) {
			return select(dot, dot, field.names(), List.of(), NONE, field.pos());
		}
		if (expr instanceof Node.Chain chain) {
			return select(dot, operand(dot, chain.base()), chain.fields(), List.of(), NONE, chain.pos());
		}
		if (expr instanceof Node.Variable variable) {
			return variable.fields().isEmpty() ? variable(variable)
					: select(dot, variable(variable), variable.fields(), List.of(), NONE, variable.pos());
		}
		return dot;
	}

	private @Nullable Object variable(Node.Variable variable) throws TemplateException {
		int i = this.names.lastIndexOf(variable.name());
		if (i < 0) {
			throw new TemplateException("undefined variable \"" + variable.name() + "\"", variable.pos());
		}
		return this.values.get(i);
	}

	private void push(String name, @Nullable Object value) {
		this.names.add(name);
		this.values.add(value);
	}

	private void set(String name, @Nullable Object value, Pipe pipe) throws TemplateException {
		int i = this.names.lastIndexOf(name);
		if (i < 0) {
			throw new TemplateException("undefined variable \"" + name + "\"", pipe.pos());
		}
		this.values.set(i, value);
	}

	private void pop(int size) {
		this.names.subList(size, this.names.size()).clear();
		this.values.subList(size, this.values.size()).clear();
	}

}
