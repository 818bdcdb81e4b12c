package io.zgw.gateway.alerting.routing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.ConfigLoader;
import io.zgw.alerts.matcher.MatchType;
import io.zgw.alerts.matcher.Matcher;
import io.zgw.alerts.model.LabelSet;

/**
 * RoutesTestCommand is the {@code routes-test} command line ({@code java -jar
 * zgw-gateway.jar routes-test FILE [--verify-receivers R1,R2] LABEL=VALUE...}), zgw's
 * {@code amtool config routes test}: it prints the receivers an alert with these labels
 * is routed to by the routing file, comma separated and in tree order as amtool prints
 * them, so a routing change can be tested in CI, zgw's own keys included.
 */
public final class RoutesTestCommand {

	/** First argument that selects this command instead of the gateway. */
	public static final String COMMAND = "routes-test";

	static final String USAGE = "Usage: routes-test FILE [--verify-receivers R1,R2] LABEL=VALUE...";

	private static final String VERIFY = "--verify-receivers";

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
		String expected = null;
		int verify = rest.indexOf(VERIFY);
		if (verify >= 0) {
			if (verify + 1 >= rest.size()) {
				out.println(USAGE);
				return 2;
			}
			expected = rest.remove(verify + 1);
			rest.remove(verify);
		}
		if (rest.isEmpty()) {
			out.println(USAGE);
			return 2;
		}
		Path file = Path.of(rest.remove(0));
		LabelSet labels;
		try {
			labels = labels(rest);
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			out.println(USAGE);
			return 2;
		}
		AlertmanagerConfig config;
		try {
			config = ConfigLoader.load(Files.readString(file, StandardCharsets.UTF_8),
					file.toAbsolutePath().getParent());
		}
		catch (IllegalArgumentException ex) {
			out.println("'" + file + "' refused: " + ex.getMessage());
			return 1;
		}
		catch (IOException ex) {
			out.println("cannot read '" + file + "': " + ex);
			return 1;
		}
		String receivers = String.join(",",
				config.route().match(labels).stream().map((route) -> route.options().receiver()).toList());
		out.println(receivers);
		if (expected != null && !expected.equals(receivers)) {
			out.println("WARNING: Expected receivers did not match resolved receivers.");
			return 1;
		}
		return 0;
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
