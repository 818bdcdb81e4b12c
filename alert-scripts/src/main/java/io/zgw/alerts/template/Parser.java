package io.zgw.alerts.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.zgw.alerts.template.Lexer.Kind;
import io.zgw.alerts.template.Lexer.Token;
import io.zgw.alerts.template.Node.Branch;
import io.zgw.alerts.template.Node.Expr;
import io.zgw.alerts.template.Node.Pipe;
import org.jspecify.annotations.Nullable;

/**
 * Parser builds the nodes of a template and of the templates it defines, checking as Go's
 * parser does that variables are declared and functions exist.
 */
final class Parser {

	/**
	 * Result is a parsed text: its own nodes and the templates it defines.
	 *
	 * @param root the text's nodes
	 * @param definitions templates from {@code define} and {@code block}, by name
	 */
	record Result(List<Node> root, Map<String, List<Node>> definitions) {
	}

	private final Lexer lexer;

	private final List<Token> tokens;

	private final Map<String, List<Node>> definitions = new LinkedHashMap<>();

	private List<String> variables = new ArrayList<>(List.of("$"));

	private int next;

	private Parser(Lexer lexer) {
		this.lexer = lexer;
		this.tokens = lexer.tokens();
	}

	static Result parse(String name, String source) throws TemplateException {
		Parser parser = new Parser(new Lexer(name, source));
		List<Node> root = new ArrayList<>();
		parser.items(root, true);
		return new Result(List.copyOf(root), parser.definitions);
	}

	// Parses nodes into `into` up to the keyword of an {{end}} or {{else}}, which it
	// returns, or up to the end of the text at the top level (returning null).
	private @Nullable Token items(List<Node> into, boolean topLevel) throws TemplateException {
		while (true) {
			Token token = take();
			if (token.kind() == Kind.EOF) {
				if (!topLevel) {
					throw error("unexpected EOF", token);
				}
				return null;
			}
			if (token.kind() == Kind.TEXT) {
				into.add(new Node.Text(token.text()));
				continue;
			}
			Token word = peek();
			String keyword = (word.kind() == Kind.IDENTIFIER) ? word.text() : "";
			switch (keyword) {
				case "end", "else" -> {
					if (topLevel) {
						throw error("unexpected {{" + keyword + "}}", token);
					}
					take();
					return word;
				}
				case "if", "range", "with" -> {
					take();
					into.add(branch(Branch.Kind.valueOf(keyword.toUpperCase(Locale.ROOT)), token));
				}
				case "template", "block" -> {
					take();
					into.add(call(keyword, token));
				}
				case "define" -> {
					if (!topLevel) {
						throw error("unexpected {{define}}: define only at the top level", token);
					}
					take();
					define(string("define clause"), body("define"), pos(token));
				}
				default -> into.add(new Node.Action(pos(token), pipeline("command", Kind.RIGHT)));
			}
		}
	}

	private Branch branch(Branch.Kind kind, Token left) throws TemplateException {
		String context = kind.name().toLowerCase(Locale.ROOT);
		int scope = this.variables.size();
		Pipe pipe = pipeline(context, Kind.RIGHT);
		List<Node> body = new ArrayList<>();
		Token end = items(body, false);
		List<Node> otherwise = new ArrayList<>();
		if ("else".equals(end.text())) {
			Token chained = peek();
			// {{else if b}} (and {{else with b}}) stands for {{else}}{{if b}}...{{end}}
			// sharing the closing {{end}}.
			if (kind != Branch.Kind.RANGE && chained.kind() == Kind.IDENTIFIER && chained.text().equals(context)) {
				take();
				otherwise.add(branch(kind, chained));
			}
			else {
				expect(Kind.RIGHT, "else");
				Token last = items(otherwise, false);
				if (!"end".equals(last.text())) {
					throw error("expected end; found {{else}}", last);
				}
				expect(Kind.RIGHT, "end");
			}
		}
		else {
			expect(Kind.RIGHT, "end");
		}
		this.variables.subList(scope, this.variables.size()).clear();
		return new Branch(pos(left), kind, pipe, List.copyOf(body), List.copyOf(otherwise));
	}

	private Node call(String keyword, Token left) throws TemplateException {
		String name = string(keyword + " clause");
		Pipe pipe = null;
		if (peek().kind() == Kind.RIGHT) {
			take();
		}
		else {
			pipe = pipeline(keyword + " clause", Kind.RIGHT);
		}
		if ("block".equals(keyword)) {
			define(name, body("block"), pos(left));
		}
		return new Node.Call(pos(left), name, pipe);
	}

	// A define or block body runs with only $ declared, up to its {{end}}.
	private List<Node> body(String context) throws TemplateException {
		List<String> outer = this.variables;
		this.variables = new ArrayList<>(List.of("$"));
		if (context.equals("define")) {
			expect(Kind.RIGHT, "define clause");
		}
		List<Node> body = new ArrayList<>();
		Token end = items(body, false);
		if (!"end".equals(end.text())) {
			throw error("unexpected {{else}} in " + context, end);
		}
		expect(Kind.RIGHT, "end");
		this.variables = outer;
		return List.copyOf(body);
	}

	// As Go: an empty redefinition keeps the first; two non-empty ones are an error.
	private void define(String name, List<Node> body, Node.Pos pos) throws TemplateException {
		List<Node> old = this.definitions.get(name);
		if (old != null && !isEmpty(old) && !isEmpty(body)) {
			throw new TemplateException("multiple definition of template \"" + name + "\"", pos);
		}
		if (old == null || !isEmpty(body)) {
			this.definitions.put(name, body);
		}
	}

	static boolean isEmpty(List<Node> nodes) {
		return nodes.stream().allMatch((node) -> node instanceof Node.Text text && text.text().isBlank());
	}

	private Pipe pipeline(String context, Kind terminator) throws TemplateException {
		Token first = peek();
		List<String> declared = new ArrayList<>();
		boolean assign = false;
		if (first.kind() == Kind.VARIABLE
				&& (peek(1).kind() == Kind.DECLARE || peek(1).kind() == Kind.ASSIGN || peek(1).kind() == Kind.COMMA)) {
			declared.add(take().text());
			if (peek().kind() == Kind.COMMA) {
				if (!context.equals("range")) {
					throw error("too many declarations in " + context, peek());
				}
				take();
				Token second = take();
				if (second.kind() != Kind.VARIABLE) {
					throw error("range can only initialize variables", second);
				}
				declared.add(second.text());
			}
			Token operator = take();
			if (operator.kind() != Kind.DECLARE && operator.kind() != Kind.ASSIGN) {
				throw error("expected := or = after variables", operator);
			}
			assign = operator.kind() == Kind.ASSIGN;
			for (String variable : declared) {
				if (assign && !this.variables.contains(variable)) {
					throw error("undefined variable \"" + variable + "\"", first);
				}
			}
		}
		if (peek().kind() == terminator) {
			throw error("missing value for " + context, peek());
		}
		List<Node.Command> commands = new ArrayList<>();
		do {
			commands.add(command());
		}
		while (accept(Kind.PIPE));
		Token end = take();
		if (end.kind() != terminator) {
			throw error((terminator == Kind.CLOSE) ? "unclosed left paren" : "unexpected " + describe(end), end);
		}
		for (int i = 1; i < commands.size(); i++) {
			Expr stage = commands.get(i).args().get(0);
			if (stage instanceof Node.Literal || stage instanceof Node.Dot) {
				throw new TemplateException("non executable command in pipeline stage " + (i + 1), stage.pos());
			}
		}
		if (!assign) {
			this.variables.addAll(declared);
		}
		return new Pipe(pos(first), List.copyOf(declared), assign, List.copyOf(commands));
	}

	private Node.Command command() throws TemplateException {
		Token first = peek();
		List<Expr> args = new ArrayList<>();
		while (peek().kind() != Kind.PIPE && peek().kind() != Kind.RIGHT && peek().kind() != Kind.CLOSE) {
			args.add(operand());
		}
		if (args.isEmpty()) {
			throw error("missing command", first);
		}
		return new Node.Command(pos(first), List.copyOf(args));
	}

	private Expr operand() throws TemplateException {
		Token token = take();
		Node.Pos pos = pos(token);
		Expr term = switch (token.kind()) {
			case DOT -> new Node.Dot(pos);
			case FIELD -> new Node.Field(pos, List.of(token.text().substring(1)));
			case LITERAL -> new Node.Literal(pos, token.value());
			case OPEN -> new Node.Nested(pos, pipeline("parenthesized pipeline", Kind.CLOSE));
			case VARIABLE -> {
				if (!this.variables.contains(token.text())) {
					throw error("undefined variable \"" + token.text() + "\"", token);
				}
				yield new Node.Variable(pos, token.text(), List.of());
			}
			case IDENTIFIER -> {
				if (!Functions.exists(token.text())) {
					throw error("function \"" + token.text() + "\" not defined", token);
				}
				yield new Node.Function(pos, token.text());
			}
			default -> throw error("unexpected " + describe(token) + " in operand", token);
		};
		List<String> fields = new ArrayList<>();
		int end = this.tokens.get(this.next - 1).end();
		while (peek().kind() == Kind.FIELD && peek().start() == end) {
			Token field = take();
			fields.add(field.text().substring(1));
			end = field.end();
		}
		if (fields.isEmpty()) {
			return term;
		}
		if (term instanceof Node.Field field) {
			return new Node.Field(pos, concat(field.names(), fields));
		}
		if (term instanceof Node.Variable variable) {
			return new Node.Variable(pos, variable.name(), List.copyOf(fields));
		}
		if (term instanceof Node.Nested) {
			return new Node.Chain(pos, term, List.copyOf(fields));
		}
		throw error("unexpected . after term " + describe(token), token);
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return List.copyOf(all);
	}

	private String string(String context) throws TemplateException {
		Token token = take();
		if (token.kind() != Kind.LITERAL || !(token.value() instanceof String name)) {
			throw error("unexpected " + describe(token) + " in " + context, token);
		}
		return name;
	}

	private void expect(Kind kind, String context) throws TemplateException {
		Token token = take();
		if (token.kind() != kind) {
			throw error("unexpected " + describe(token) + " in " + context, token);
		}
	}

	private boolean accept(Kind kind) {
		if (peek().kind() != kind) {
			return false;
		}
		take();
		return true;
	}

	private Token take() {
		return this.tokens.get(this.next++);
	}

	private Token peek() {
		return peek(0);
	}

	private Token peek(int ahead) {
		return this.tokens.get(Math.min(this.next + ahead, this.tokens.size() - 1));
	}

	private Node.Pos pos(Token token) {
		return this.lexer.pos(token.start());
	}

	private TemplateException error(String reason, Token token) {
		return this.lexer.error(reason, token.start());
	}

	private static String describe(Token token) {
		return switch (token.kind()) {
			case EOF -> "EOF";
			case RIGHT -> "\"}}\"";
			default -> "\"" + token.text() + "\"";
		};
	}

}
