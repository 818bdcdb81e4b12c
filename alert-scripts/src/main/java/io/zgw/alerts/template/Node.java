package io.zgw.alerts.template;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Node is an element of a parsed template: text, an action printing a pipeline, a branch
 * ({@code if}, {@code range}, {@code with}) or a {@code template} call.
 */
sealed interface Node {

	/**
	 * Pos is where an element starts: the source's name (empty for a receiver field),
	 * line and column, both from 1.
	 */
	record Pos(String source, int line, int column) {

		@Override
		public String toString() {
			return (this.source.isEmpty() ? "" : this.source + ":") + this.line + ":" + this.column;
		}

	}

	/** Text is literal text, already trimmed by {@code {{-} and {@code -}}}. */
	record Text(String text) implements Node {
	}

	/** Action prints its pipeline's value, unless the pipeline declares variables. */
	record Action(Pos pos, Pipe pipe) implements Node {
	}

	/** Branch is {@code if}, {@code range} or {@code with} with an optional else part. */
	record Branch(Pos pos, Kind kind, Pipe pipe, List<Node> body, List<Node> otherwise) implements Node {

		enum Kind {

			IF, RANGE, WITH

		}

	}

	/** Call runs a named template with the pipeline's value (or nil) as dot. */
	record Call(Pos pos, String name, @Nullable Pipe pipe) implements Node {
	}

	/**
	 * Pipe is commands joined by {@code |}, each one's value passed as the last argument
	 * of the next, optionally declaring ({@code :=}) or assigning ({@code =}) variables.
	 */
	record Pipe(Pos pos, List<String> variables, boolean assign, List<Command> commands) {
	}

	/** Command is a function, method or operand and its arguments. */
	record Command(Pos pos, List<Expr> args) {
	}

	/** Expr is an operand of a command. */
	sealed interface Expr {

		Pos pos();

	}

	/** Dot is {@code .}, the current value. */
	record Dot(Pos pos) implements Expr {
	}

	/** Field is {@code .A.B} on dot. */
	record Field(Pos pos, List<String> names) implements Expr {
	}

	/** Variable is {@code $x.A.B}; {@code $} is the data the template started with. */
	record Variable(Pos pos, String name, List<String> fields) implements Expr {
	}

	/**
	 * Chain is fields selected on a parenthesized pipeline,
	 * {@code (index .Alerts 0).Labels}.
	 */
	record Chain(Pos pos, Expr base, List<String> fields) implements Expr {
	}

	/** Function is a function name such as {@code len}. */
	record Function(Pos pos, String name) implements Expr {
	}

	/** Literal is a string, number, boolean or {@code nil}. */
	record Literal(Pos pos, @Nullable Object value) implements Expr {
	}

	/** Nested is a parenthesized pipeline. */
	record Nested(Pos pos, Pipe pipe) implements Expr {
	}

}
