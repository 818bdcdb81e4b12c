package io.zgw.gateway.alerting.routing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.UnsupportedIntegration;
import io.zgw.alerts.escalation.OnCallSchedule;
import io.zgw.gateway.notify.AlertmanagerReceivers;

/**
 * CheckConfigCommand is the {@code check-config} command line ({@code java -jar
 * zgw-gateway.jar check-config FILE...}), zgw's {@code amtool check-config}: it validates
 * routing files exactly as a start or a reload does (the alert-rule library's loader,
 * then every receiver built as the gateway would send to it, TLS files read), without
 * starting the gateway or touching a database, so a change can be checked before it is
 * deployed. It also lists what would load but not be delivered, what is accepted and
 * ignored, and when an on-call schedule has nobody on call in the next 28 days.
 */
public final class CheckConfigCommand {

	/** First argument that selects this command instead of the gateway. */
	public static final String COMMAND = "check-config";

	static final String USAGE = "Usage: check-config FILE [FILE...]";

	// How far ahead on-call schedules are checked for spans with nobody on call.
	private static final Duration GAPS_AHEAD = Duration.ofDays(28);

	private CheckConfigCommand() {
	}

	/** Returns whether the command line asks for this command rather than the gateway. */
	public static boolean isInvokedBy(String[] args) {
		return args.length > 0 && COMMAND.equals(args[0]);
	}

	/**
	 * Checks every file named and returns the process exit code: 0 all valid, 1 one or
	 * more refused, 2 bad usage.
	 */
	public static int run(String[] args, PrintStream out) {
		if (args.length < 2) {
			out.println(USAGE);
			return 2;
		}
		int refused = 0;
		for (int i = 1; i < args.length; i++) {
			if (!check(Path.of(args[i]), out)) {
				refused++;
			}
		}
		return (refused == 0) ? 0 : 1;
	}

	private static boolean check(Path file, PrintStream out) {
		AlertmanagerConfig config;
		try {
			config = RoutingFile.readDirect(file);
			AlertmanagerReceivers.of(config);
		}
		catch (IllegalArgumentException ex) {
			// A ConfigException names the bad element's path; a receiver that cannot be
			// built names its receiver and integration.
			return failed(file, ex.getMessage(), out);
		}
		catch (IOException ex) {
			return failed(file, "cannot read it: " + ex, out);
		}
		out.println("Checking '" + file + "'  SUCCESS");
		out.println("Found:");
		AtomicInteger routes = new AtomicInteger(-1);
		config.route().walk((route) -> routes.incrementAndGet());
		out.println(" - route with " + routes.get() + " child routes");
		int integrations = config.receivers()
			.values()
			.stream()
			.mapToInt((receiver) -> receiver.integrations().size())
			.sum();
		out.println(" - " + config.receivers().size() + " receivers with " + integrations + " integrations");
		out.println(" - " + config.inhibitRules().size() + " inhibit rules");
		out.println(" - " + config.timeIntervals().size() + " time intervals");
		out.println(" - " + config.schedules().size() + " on-call schedules");
		out.println(" - " + config.files().size() + " other files (templates, secrets, TLS, calendars)");
		if (!config.unsupportedIntegrations().isEmpty()) {
			out.println("Loaded but not delivered by zgw:");
			for (UnsupportedIntegration unsupported : config.unsupportedIntegrations()) {
				out.println(" - " + unsupported.path() + " (receiver '" + unsupported.receiver() + "', "
						+ unsupported.type() + ")");
			}
		}
		List<String> gaps = new ArrayList<>();
		Instant now = Instant.now();
		for (OnCallSchedule schedule : config.schedules().values()) {
			for (OnCallSchedule.Gap gap : schedule.gaps(now, now.plus(GAPS_AHEAD))) {
				gaps.add(" - '" + schedule.name() + "': nobody from " + gap.start() + " to " + gap.end());
			}
		}
		if (!gaps.isEmpty()) {
			// An escalation step reached in a gap pages no one.
			out.println("On-call gaps in the next " + GAPS_AHEAD.toDays() + " days:");
			gaps.forEach(out::println);
		}
		if (!config.notes().isEmpty()) {
			out.println("Notes:");
			config.notes().forEach((note) -> out.println(" - " + note));
		}
		return true;
	}

	private static boolean failed(Path file, String why, PrintStream out) {
		out.println("Checking '" + file + "'  FAILED: " + why);
		return false;
	}

}
