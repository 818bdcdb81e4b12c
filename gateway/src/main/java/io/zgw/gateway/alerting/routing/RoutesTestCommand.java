package io.zgw.gateway.alerting.routing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.PrometheusDuration;
import io.zgw.alerts.escalation.EscalationPlan;
import io.zgw.alerts.matcher.MatchType;
import io.zgw.alerts.matcher.Matcher;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.routing.Route;
import io.zgw.alerts.routing.RouteOptions;
import org.jspecify.annotations.Nullable;

/**
 * RoutesTestCommand is the {@code routes-test} command line ({@code java -jar
 * zgw-gateway.jar routes-test FILE [--verify-receivers R1,R2] LABEL=VALUE...}), zgw's
 * {@code amtool config routes test}: it prints the receivers an alert with these labels
 * is routed to by the routing file, comma separated and in tree order as amtool prints
 * them, so a routing change can be tested in CI, zgw's own keys included. With
 * {@code --escalation-at TIME} (zgw only) it then lists, for each of those routes that
 * escalates, every page its chain would make if nobody acknowledged, for an escalation
 * that began at that instant: when, which round and step, and whom the schedules name
 * then.
 */
public final class RoutesTestCommand {

	/** First argument that selects this command instead of the gateway. */
	public static final String COMMAND = "routes-test";

	static final String USAGE = "Usage: routes-test FILE [--verify-receivers R1,R2] [--escalation-at RFC3339-TIME]"
			+ " LABEL=VALUE...";

	private static final String VERIFY = "--verify-receivers";

	private static final String ESCALATION_AT = "--escalation-at";

	private RoutesTestCommand() {
	}

	/** Returns whether the command line asks for this command rather than the gateway. */
	public static boolean isInvokedBy(String[] args) {
		return args.length > 0 && COMMAND.equals(args[0]);
	}

	/**
	 * Routes the labels and returns the process exit code: 0 routed (and as expected with
	 * {@code --verify-receivers}), 1 not as expected or the file refused, 2 bad usage.
	 */
	public static int run(String[] args, PrintStream out) {
		List<String> rest = new ArrayList<>(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
		String expected;
		String escalationAt;
		try {
			expected = option(rest, VERIFY);
			escalationAt = option(rest, ESCALATION_AT);
		}
		catch (IllegalArgumentException ex) {
			out.println(USAGE);
			return 2;
		}
		if (rest.isEmpty()) {
			out.println(USAGE);
			return 2;
		}
		Path file = Path.of(rest.remove(0));
		LabelSet labels;
		Instant start;
		try {
			labels = labels(rest);
			start = (escalationAt != null) ? instant(escalationAt) : null;
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			out.println(USAGE);
			return 2;
		}
		AlertmanagerConfig config;
		try {
			config = RoutingFile.readDirect(file);
		}
		catch (IllegalArgumentException ex) {
			out.println("'" + file + "' refused: " + ex.getMessage());
			return 1;
		}
		catch (IOException ex) {
			out.println("cannot read '" + file + "': " + ex);
			return 1;
		}
		List<Route> routes = config.route().match(labels);
		String receivers = String.join(",", routes.stream().map((route) -> route.options().receiver()).toList());
		out.println(receivers);
		if (start != null) {
			printEscalations(routes, config, start, out);
		}
		if (expected != null && !expected.equals(receivers)) {
			out.println("WARNING: Expected receivers did not match resolved receivers.");
			return 1;
		}
		return 0;
	}

	// Removes "--name value" from the arguments and returns the value, or null when the
	// option is absent; a missing value is bad usage.
	private static @Nullable String option(List<String> args, String name) {
		int at = args.indexOf(name);
		if (at < 0) {
			return null;
		}
		if (at + 1 >= args.size()) {
			throw new IllegalArgumentException(name + " needs a value");
		}
		String value = args.remove(at + 1);
		args.remove(at);
		return value;
	}

	private static Instant instant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					ESCALATION_AT + " takes a time such as 2026-12-24T20:00:00Z, got '" + text + "'");
		}
	}

	private static void printEscalations(List<Route> routes, AlertmanagerConfig config, Instant start,
			PrintStream out) {
		for (int r = 0; r < routes.size(); r++) {
			RouteOptions options = routes.get(r).options();
			if (options.escalation().isEmpty()) {
				continue;
			}
			out.println("Escalation of route " + (r + 1) + " (receiver " + options.receiver() + ") begun at " + start
					+ ", if nobody acknowledges:");
			for (EscalationPlan.Page page : EscalationPlan.of(options.escalation(), config.schedules(), start)) {
				String whom = page.receiver().orElse("nobody on call");
				if (!page.roundRobin().isEmpty()) {
					// The dispatcher keeps the turns: the first round pages whoever's
					// turn
					// it is then, later rounds the same member.
					whom = ((page.round() == 0) ? "next in turn of " : "round 1's member of ")
							+ String.join(", ", page.roundRobin()) + " (round robin)";
				}
				out.println("  " + page.at() + "  +" + PrometheusDuration.format(Duration.between(start, page.at()))
						+ "  round " + (page.round() + 1) + ", step " + page.step() + ": " + whom
						+ ((page.schedule() != null) ? " (schedule " + page.schedule() + ")" : ""));
			}
		}
	}

	// Each argument one label, name=value as amtool takes it (the value may be quoted).
	private static LabelSet labels(List<String> args) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (String arg : args) {
			Matcher matcher = Matcher.parse(arg);
			if (matcher.type() != MatchType.EQUAL) {
				throw new IllegalArgumentException("labels must be specified as key=value pairs, got '" + arg + "'");
			}
			labels.put(matcher.name(), matcher.value());
		}
		return LabelSet.of(labels);
	}

}
