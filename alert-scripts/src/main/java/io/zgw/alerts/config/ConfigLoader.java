package io.zgw.alerts.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import io.zgw.alerts.escalation.CalendarRotation;
import io.zgw.alerts.escalation.CalendarShift;
import io.zgw.alerts.escalation.EscalationStep;
import io.zgw.alerts.escalation.ICalendar;
import io.zgw.alerts.escalation.OnCallSchedule;
import io.zgw.alerts.escalation.Rotation;
import io.zgw.alerts.escalation.ScheduleLayer;
import io.zgw.alerts.escalation.ScheduleOverride;
import io.zgw.alerts.flap.FlapDetection;
import io.zgw.alerts.inhibit.InhibitRule;
import io.zgw.alerts.matcher.Matcher;
import io.zgw.alerts.matcher.Matchers;
import io.zgw.alerts.routing.Route;
import io.zgw.alerts.routing.RouteSpec;
import io.zgw.alerts.template.Template;
import io.zgw.alerts.template.TemplateException;
import io.zgw.alerts.template.Templates;
import io.zgw.alerts.timeinterval.InclusiveRange;
import io.zgw.alerts.timeinterval.NamedTimeInterval;
import io.zgw.alerts.timeinterval.TimeInterval;
import io.zgw.alerts.timeinterval.TimeRange;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * ConfigLoader reads an Alertmanager 0.25 {@code alertmanager.yml} and validates it once,
 * naming the path of the first bad element.
 */
public final class ConfigLoader {

	/** The longest receiver name: the notification store's column holds no more. */
	private static final int MAX_RECEIVER_NAME = 200;

	// A key given twice is refused, as Alertmanager refuses it: the last one won, and a
	// second receivers: block dropped the first.
	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	// The keys whose values are secrets, shown as <secret> by masked(): every key read
	// through secret() but basic_auth's username, and the inline-only ones
	// (wechat_api_secret, api_secret, sigv4's secret_key). A webhook's url is one, as in
	// later Alertmanager versions: it often carries a token.
	private static final Set<String> SECRET_KEYS = Set.of("smtp_auth_password", "smtp_auth_secret", "slack_api_url",
			"opsgenie_api_key", "victorops_api_key", "rocketchat_token", "rocketchat_token_id", "wechat_api_secret",
			"calendar_url", "url", "alert_source_token", "api_url", "routing_key", "service_key", "user_key", "token",
			"api_key", "bot_token", "webhook_url", "token_id", "auth_password", "auth_secret", "bearer_token",
			"credentials", "password", "client_secret", "api_secret", "secret_key");

	// The parser's message for a key given twice; its context then holds the key's path.
	private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate Object property ");

	private static final String SECRET_SHOWN = "<secret>";

	// Secrets that are URLs are shown as one, which Alertmanager 0.25's loader (used by
	// amtool's "config routes" on the status API) parses where a webhook's "<secret>"
	// fails: it reads webhook, PagerDuty, Opsgenie... URLs as plain URLs.
	private static final Set<String> SECRET_URL_KEYS = Set.of("slack_api_url", "calendar_url", "url", "api_url",
			"webhook_url");

	private static final String SECRET_URL_SHOWN = "http://<secret>/";

	private static final String LABEL_NAME = "[a-zA-Z_][a-zA-Z0-9_]*";

	private static final Set<String> SUPPORTED_INTEGRATIONS = Set.of("webhook_configs", "slack_configs",
			"email_configs", "pagerduty_configs", "opsgenie_configs", "discord_configs", "webex_configs",
			"victorops_configs", "telegram_configs", "wechat_configs", "sns_configs", "pushover_configs",
			"msteams_configs", "msteamsv2_configs", "rocketchat_configs", "jira_configs", "incidentio_configs");

	// Most times an escalation chain starts over (PagerDuty allows 9).
	private static final int MAX_ESCALATION_REPEAT = 100;

	private static final Pattern OPSGENIE_RESPONDER_TYPE = Pattern.compile("^(team|teams|user|escalation|schedule)$");

	private final List<String> notes = new ArrayList<>();

	private final List<UnsupportedIntegration> unsupported = new ArrayList<>();

	private final Path directory;

	private Templates templates = Templates.defaults();

	private Global global = Global.NONE;

	// Files read besides the configuration itself, or named for a sender to read.
	private final Set<Path> files = new LinkedHashSet<>();

	// Calendars fetched by URL, for the gateway to fetch again.
	private final Set<CalendarSource> calendarSources = new LinkedHashSet<>();

	private final CalendarFetcher calendars;

	private ConfigLoader(Path directory, CalendarFetcher calendars) {
		this.directory = directory;
		this.calendars = calendars;
	}

	/**
	 * Loads the configuration file; {@code templates:} paths are relative to its
	 * directory.
	 * @throws ConfigException naming the bad element, or the file when unreadable
	 */
	public static AlertmanagerConfig load(Path file) {
		try {
			return load(Files.readString(file, StandardCharsets.UTF_8), file.toAbsolutePath().getParent());
		}
		catch (IOException ex) {
			throw new ConfigException(file.toString(), "cannot read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Loads configuration text; {@code templates:} paths are relative to the working
	 * directory.
	 * @throws ConfigException naming the bad element
	 */
	public static AlertmanagerConfig load(String yaml) {
		return load(yaml, Path.of(""));
	}

	/**
	 * Loads configuration text read from a file in {@code directory}, which
	 * {@code templates:} paths are relative to.
	 * @throws ConfigException naming the bad element
	 */
	public static AlertmanagerConfig load(String yaml, Path directory) {
		return load(yaml, directory, CalendarFetcher.NONE);
	}

	/**
	 * Loads configuration text read from a file in {@code directory}, which
	 * {@code templates:} paths are relative to, fetching {@code calendar_url}s with the
	 * fetcher.
	 * @throws ConfigException naming the bad element
	 */
	public static AlertmanagerConfig load(String yaml, Path directory, CalendarFetcher calendars) {
		return new ConfigLoader(directory, calendars).parse(read(yaml));
	}

	/**
	 * Parses a list of time interval entries in Alertmanager's syntax (the value of a
	 * named interval's {@code time_intervals}), e.g. a recurring silence's schedule
	 * posted as JSON; errors name the element under {@code path}, such as
	 * {@code path[0].weekdays[1]}.
	 * @throws ConfigException naming the bad element
	 */
	public static List<TimeInterval> parseTimeIntervals(JsonNode list, String path) {
		if (!list.isArray()) {
			throw new ConfigException(path, "expected a list of time intervals");
		}
		List<TimeInterval> intervals = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			intervals.add(timeInterval(new ConfigNode(path + "[" + i + "]", list.get(i))));
		}
		return intervals;
	}

	/**
	 * Returns configuration text with every secret's value shown as {@code <secret>}, as
	 * Alertmanager's API shows its configuration, or {@code http://<secret>/} for a URL;
	 * {@code *_file} paths and everything else stay (comments and layout do not).
	 * @throws ConfigException when the text is not YAML
	 */
	public static String masked(String yaml) {
		JsonNode root = read(yaml);
		mask(root);
		return YAML.writeValueAsString(root);
	}

	private static void mask(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				// Any scalar: an unquoted number is read as the secret's text too.
				if (SECRET_KEYS.contains(property.getKey()) && property.getValue().isValueNode()
						&& !property.getValue().isNull() && !property.getValue().asString().isEmpty()) {
					property.setValue(object
						.stringNode(SECRET_URL_KEYS.contains(property.getKey()) ? SECRET_URL_SHOWN : SECRET_SHOWN));
				}
				else {
					mask(property.getValue());
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(ConfigLoader::mask);
		}
	}

	private static JsonNode read(String text) {
		try (JsonParser parser = YAML.createParser(text)) {
			JsonNode node = readTree(parser);
			if (node == null || node.isMissingNode() || node.isNull()) {
				throw new ConfigException("", "configuration is empty");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new ConfigException("", "invalid YAML: " + ex.getOriginalMessage(), ex);
		}
	}

	// A key given twice is named by its path, which the parser's context still holds.
	private static @Nullable JsonNode readTree(JsonParser parser) {
		try {
			return YAML.readTree(parser);
		}
		catch (JacksonException ex) {
			if (!DUPLICATE_KEY.matcher(ex.getOriginalMessage()).lookingAt()) {
				throw ex;
			}
			TokenStreamContext context = parser.streamReadContext();
			List<String> segments = new ArrayList<>();
			for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
				segments.add(0, at.inArray() ? "[" + at.getCurrentIndex() + "]" : at.currentName());
			}
			throw new ConfigException(String.join(".", segments).replace(".[", "["),
					"field " + context.currentName() + " already set (line " + ex.getLocation().getLineNr() + ")", ex);
		}
	}

	private AlertmanagerConfig parse(JsonNode rootNode) {
		ConfigNode root = new ConfigNode("", rootNode);
		ConfigNode globalNode = root.object("global");
		if (globalNode != null) {
			this.global = global(globalNode);
		}
		templateFiles(root);
		Map<String, NamedTimeInterval> intervals = new LinkedHashMap<>();
		namedIntervals(root, "time_intervals", intervals);
		namedIntervals(root, "mute_time_intervals", intervals);
		Map<String, Receiver> receivers = new LinkedHashMap<>();
		List<Receiver> receiverList = root.objects("receivers", this::receiver);
		for (int i = 0; i < receiverList.size(); i++) {
			Receiver receiver = receiverList.get(i);
			if (receivers.putIfAbsent(receiver.name(), receiver) != null) {
				throw new ConfigException("receivers[" + i + "].name",
						"duplicate receiver name \"" + receiver.name() + "\"");
			}
		}
		ConfigNode routeNode = root.object("route");
		if (routeNode == null) {
			throw new ConfigException("route", "no route provided");
		}
		Map<String, OnCallSchedule> schedules = schedules(root, receivers.keySet(), intervals);
		RouteSpec rootSpec = route(routeNode, receivers.keySet(), intervals.keySet(), schedules.keySet());
		if (rootSpec.receiver() == null || rootSpec.receiver().isEmpty()) {
			throw new ConfigException("route.receiver", "root route must specify a default receiver");
		}
		if (!rootSpec.matchers().isEmpty()) {
			throw new ConfigException("route", "root route must not have any matchers");
		}
		if (rootSpec.continueMatching()) {
			throw new ConfigException("route.continue", "cannot have continue in root route");
		}
		if (!rootSpec.muteTimeIntervals().isEmpty()) {
			throw new ConfigException("route.mute_time_intervals", "root route must not have any mute time intervals");
		}
		if (!rootSpec.activeTimeIntervals().isEmpty()) {
			throw new ConfigException("route.active_time_intervals",
					"root route must not have any active time intervals");
		}
		List<InhibitRule> rules = root.objects("inhibit_rules", this::inhibitRule);
		root.rejectUnknownKeys();
		return new AlertmanagerConfig(Route.tree(rootSpec), receivers, rules, intervals, schedules,
				this.global.resolveTimeout(), this.unsupported, this.notes, List.copyOf(this.files),
				List.copyOf(this.calendarSources));
	}

	// As Alertmanager 0.25's global section: defaults for the receivers that set none of
	// their own.
	private Global global(ConfigNode node) {
		Duration resolveTimeout = node.duration("resolve_timeout");
		ConfigNode http = node.object("http_config");
		Global global = new Global(resolveTimeout, (http != null) ? httpClient(http) : HttpClientConfig.NONE,
				node.string("smtp_from"), node.string("smtp_hello", "localhost"), node.string("smtp_smarthost"),
				node.string("smtp_auth_username"), secret(node, "smtp_auth_password", "smtp_auth_password_file"),
				node.string("smtp_auth_identity"), secret(node, "smtp_auth_secret", "smtp_auth_secret_file"),
				node.bool("smtp_require_tls", true), secret(node, "slack_api_url", "slack_api_url_file"),
				node.string("pagerduty_url", PagerdutyConfig.DEFAULT_URL),
				secret(node, "opsgenie_api_key", "opsgenie_api_key_file"),
				node.string("opsgenie_api_url", OpsgenieConfig.DEFAULT_URL),
				node.string("webex_api_url", WebexConfig.DEFAULT_URL),
				secret(node, "victorops_api_key", "victorops_api_key_file"),
				node.string("victorops_api_url", VictorOpsConfig.DEFAULT_URL),
				node.string("telegram_api_url", TelegramConfig.DEFAULT_URL),
				node.string("wechat_api_url", WechatConfig.DEFAULT_URL), node.string("wechat_api_secret"),
				node.string("wechat_api_corp_id"),
				httpUrl(node, "rocketchat_api_url", node.string("rocketchat_api_url", RocketChatConfig.DEFAULT_URL))
					.toString(),
				secret(node, "rocketchat_token", "rocketchat_token_file"),
				secret(node, "rocketchat_token_id", "rocketchat_token_id_file"), optionalHttpUrl(node, "jira_api_url"));
		node.rejectUnknownKeys();
		return global;
	}

	// As Alertmanager: each entry is a glob of files whose {{ define }}s every receiver
	// template can call; later files replace templates of the same name.
	private void templateFiles(ConfigNode root) {
		List<String> patterns = root.strings("templates", List.of());
		for (int i = 0; i < patterns.size(); i++) {
			String path = root.child("templates") + "[" + i + "]";
			Path pattern = this.directory.resolve(patterns.get(i));
			for (Path file : templateFiles(path, pattern)) {
				try {
					this.files.add(file);
					this.templates = this.templates.with(file.toString(),
							Files.readString(file, StandardCharsets.UTF_8));
				}
				catch (IOException ex) {
					throw new ConfigException(path, "cannot read " + file + ": " + ex.getMessage(), ex);
				}
				catch (TemplateException ex) {
					throw new ConfigException(path, ex.getMessage());
				}
			}
		}
	}

	private List<Path> templateFiles(String path, Path pattern) {
		Path base = (pattern.getRoot() != null) ? pattern.getRoot() : Path.of("");
		int literal = 0;
		while (literal < pattern.getNameCount() && !hasGlobMeta(pattern.getName(literal).toString())) {
			base = base.resolve(pattern.getName(literal++));
		}
		if (literal == pattern.getNameCount()) {
			if (!Files.isRegularFile(pattern)) {
				throw new ConfigException(path, "no such file " + pattern);
			}
			return List.of(pattern);
		}
		if (!Files.isDirectory(base)) {
			this.notes.add(path + ": " + pattern + " matches no file");
			return List.of();
		}
		// Go's globs have no {a,b} groups; escape braces for Java's glob syntax.
		PathMatcher matcher = FileSystems.getDefault()
			.getPathMatcher("glob:" + pattern.toString().replace("{", "\\{").replace("}", "\\}"));
		try (Stream<Path> files = Files.find(base, pattern.getNameCount() - literal,
				(file, attributes) -> attributes.isRegularFile() && matcher.matches(file))) {
			List<Path> matches = files.sorted().toList();
			if (matches.isEmpty()) {
				this.notes.add(path + ": " + pattern + " matches no file");
			}
			return matches;
		}
		catch (IOException ex) {
			throw new ConfigException(path, "cannot list " + base + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean hasGlobMeta(String name) {
		return name.contains("*") || name.contains("?") || name.contains("[");
	}

	private Template template(String path, String text) {
		try {
			return this.templates.parse(text);
		}
		catch (TemplateException ex) {
			throw new ConfigException(path, ex.getMessage());
		}
	}

	// The field's template, or its default when the field is absent.
	private Template template(ConfigNode node, String key, Map<String, String> defaults) {
		String text = node.string(key);
		return template(node.child(key), (text != null) ? text : defaults.get(key));
	}

	private void namedIntervals(ConfigNode root, String key, Map<String, NamedTimeInterval> into) {
		List<NamedTimeInterval> list = root.objects(key, (node) -> {
			String name = node.string("name");
			if (name == null || name.isEmpty()) {
				throw node.error("name", "missing name in time interval");
			}
			List<TimeInterval> entries = node.objects("time_intervals", ConfigLoader::timeInterval);
			node.rejectUnknownKeys();
			if (into.containsKey(name)) {
				throw node.error("name", "time interval \"" + name + "\" is not unique");
			}
			NamedTimeInterval interval = new NamedTimeInterval(name, entries);
			into.put(name, interval);
			return interval;
		});
		if (!list.isEmpty() && "mute_time_intervals".equals(key)) {
			this.notes.add("mute_time_intervals: deprecated, read like time_intervals");
		}
	}

	private static TimeInterval timeInterval(ConfigNode node) {
		List<TimeRange> times = node.objects("times", (t) -> {
			int start = minutes(t, "start_time");
			int end = minutes(t, "end_time");
			t.rejectUnknownKeys();
			if (start >= end) {
				throw t.error("start_time", "start time cannot be equal or greater than end time");
			}
			return new TimeRange(start, end);
		});
		List<InclusiveRange> weekdays = ranges(node, "weekdays", InclusiveRange::weekdays);
		List<InclusiveRange> days = ranges(node, "days_of_month", InclusiveRange::daysOfMonth);
		List<InclusiveRange> months = ranges(node, "months", InclusiveRange::months);
		List<InclusiveRange> years = ranges(node, "years", InclusiveRange::years);
		ZoneId zone = location(node);
		node.rejectUnknownKeys();
		return new TimeInterval(times, weekdays, days, months, years, zone);
	}

	// As a time interval's location: a tz database name or Local; UTC when absent.
	private static ZoneId location(ConfigNode node) {
		String location = node.string("location");
		if (location == null) {
			return ZoneOffset.UTC;
		}
		try {
			return "Local".equals(location) ? ZoneId.systemDefault() : ZoneId.of(location);
		}
		catch (DateTimeException ex) {
			throw node.error("location", "unknown time zone \"" + location + "\"");
		}
	}

	// zgw extension: who is on call when, for the escalation steps of routes.
	private Map<String, OnCallSchedule> schedules(ConfigNode root, Set<String> receivers,
			Map<String, NamedTimeInterval> intervals) {
		Map<String, OnCallSchedule> schedules = new LinkedHashMap<>();
		root.objects("oncall_schedules", (node) -> {
			String name = node.string("name");
			if (name == null || name.isEmpty()) {
				throw node.error("name", "missing name in on-call schedule");
			}
			if (schedules.containsKey(name)) {
				throw node.error("name", "on-call schedule \"" + name + "\" is not unique");
			}
			ZoneId zone = location(node);
			List<ScheduleLayer> rotations = node.objects("rotations",
					(rotation) -> (rotation.raw("calendar_file") != null || rotation.raw("calendar_url") != null
							|| rotation.raw("calendar_url_file") != null) ? calendar(rotation, zone, receivers)
									: rotation(rotation, zone, receivers, intervals));
			if (rotations.isEmpty()) {
				throw node.error("rotations", "an on-call schedule needs at least one rotation");
			}
			List<ScheduleOverride> overrides = node.objects("overrides", (override) -> {
				String receiver = knownReceiver(override, "receiver", receivers);
				Instant start = scheduleTime(override, "start", zone).toInstant();
				Instant end = scheduleTime(override, "end", zone).toInstant();
				override.rejectUnknownKeys();
				if (!end.isAfter(start)) {
					throw override.error("end", "an override must end after it starts");
				}
				return new ScheduleOverride(receiver, start, end);
			});
			node.rejectUnknownKeys();
			OnCallSchedule schedule = new OnCallSchedule(name, rotations, overrides);
			schedules.put(name, schedule);
			return schedule;
		});
		return schedules;
	}

	private static Rotation rotation(ConfigNode node, ZoneId zone, Set<String> receivers,
			Map<String, NamedTimeInterval> intervals) {
		List<String> members = node.strings("members", List.of());
		if (members.isEmpty()) {
			throw node.error("members", "a rotation needs at least one member (a receiver name)");
		}
		for (int i = 0; i < members.size(); i++) {
			requireReceiver(node.child("members") + "[" + i + "]", members.get(i), receivers);
		}
		ZonedDateTime start = scheduleTime(node, "start", zone);
		Duration shift = positiveDuration(node, "shift", "a rotation needs a positive shift, such as 1w or 12h");
		List<NamedTimeInterval> active = intervalNames(node, "active_time_intervals", intervals.keySet()).stream()
			.map(intervals::get)
			.toList();
		node.rejectUnknownKeys();
		return new Rotation(members, start, shift, active);
	}

	// A rotation whose shifts an iCalendar file or URL lists, each event's summary naming
	// the receiver on call (or, with member_pattern, its first group). Messages name a
	// URL's host only: the rest may be a secret, which calendar_url_file keeps out of
	// the routing file.
	private CalendarRotation calendar(ConfigNode node, ZoneId zone, Set<String> receivers) {
		String file = node.string("calendar_file");
		String url = secret(node, "calendar_url", "calendar_url_file");
		if (file != null && url != null) {
			throw node.error("calendar_url", "a rotation reads one calendar: calendar_file or calendar_url");
		}
		String key = (file != null) ? "calendar_file" : "calendar_url";
		URI uri = (url != null) ? calendarUri(node, url) : null;
		String source = (uri != null) ? "the calendar from " + uri.getHost() : file;
		ConfigNode http = node.object("http_config");
		if (http != null && uri == null) {
			throw node.error("http_config", "http_config is for fetching a calendar_url, not a calendar_file");
		}
		HttpClientConfig fetchWith = (http != null) ? httpClient(http) : HttpClientConfig.NONE;
		String pattern = node.string("member_pattern", "(.*)");
		Pattern member;
		try {
			member = Pattern.compile(pattern);
		}
		catch (PatternSyntaxException ex) {
			throw node.error("member_pattern", "invalid regular expression: " + ex.getDescription());
		}
		if (member.matcher("").groupCount() < 1) {
			throw node.error("member_pattern", "needs a group capturing the receiver name, such as 'On call: (.+)'");
		}
		node.rejectUnknownKeys();
		String text = (uri != null) ? fetched(node, new CalendarSource(uri, fetchWith), source)
				: fileText(node, key, file);
		try {
			List<CalendarShift> shifts = ICalendar.shifts(text, zone, (summary) -> {
				java.util.regex.Matcher matcher = member.matcher(summary);
				if (!matcher.matches()) {
					throw new IllegalArgumentException(
							"summary \"" + summary + "\" does not match member_pattern " + pattern);
				}
				String receiver = matcher.group(1).strip();
				if (!receivers.contains(receiver)) {
					throw new IllegalArgumentException("summary \"" + summary + "\" names no receiver (\"" + receiver
							+ "\" is not defined in receivers)");
				}
				return receiver;
			});
			if (shifts.isEmpty() && uri == null) {
				throw new IllegalArgumentException("the calendar has no events");
			}
			if (shifts.isEmpty()) {
				// A service may publish an empty schedule; the gap alerts say so.
				this.notes.add(node.child(key) + ": " + source + " has no events: it puts nobody on call");
			}
			return new CalendarRotation(shifts);
		}
		catch (IllegalArgumentException ex) {
			throw node.error(key, source + ": " + ex.getMessage());
		}
	}

	private static URI calendarUri(ConfigNode node, String url) {
		try {
			URI uri = new URI(url);
			if (uri.getHost() != null && Set.of("http", "https", "webcal").contains(uri.getScheme())) {
				return uri;
			}
		}
		catch (URISyntaxException ex) {
			// Named below, without the URL.
		}
		throw node.error("calendar_url", "calendar_url must be an http, https or webcal URL with a host");
	}

	private String fetched(ConfigNode node, CalendarSource calendar, String source) {
		this.calendarSources.add(calendar);
		try {
			return this.calendars.fetch(calendar);
		}
		catch (IOException ex) {
			throw node.error("calendar_url", "cannot fetch " + source + ": " + ex.getMessage());
		}
	}

	// A duration that must be set and above zero; Prometheus durations are never
	// negative.
	private static Duration positiveDuration(ConfigNode node, String key, String message) {
		Duration value = node.duration(key);
		if (value == null || value.isZero()) {
			throw node.error(key, message);
		}
		return value;
	}

	// RFC 3339 with an offset, or a local date and time in the schedule's location.
	private static ZonedDateTime scheduleTime(ConfigNode node, String key, ZoneId zone) {
		String value = node.string(key);
		if (value == null) {
			throw node.error(key, "missing " + key);
		}
		try {
			return OffsetDateTime.parse(value).atZoneSameInstant(zone);
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(value).atZone(zone);
			}
			catch (DateTimeParseException local) {
				throw node.error(key, "expected a time such as 2026-01-05T09:00:00 (in the schedule's location) or "
						+ "2026-01-05T09:00:00+01:00, got \"" + value + "\"");
			}
		}
	}

	// Refuses a receiver name the file does not define, naming the element at path.
	private static void requireReceiver(String path, String receiver, Set<String> receivers) {
		if (!receivers.contains(receiver)) {
			throw new ConfigException(path, "unknown receiver \"" + receiver + "\"");
		}
	}

	private static String knownReceiver(ConfigNode node, String key, Set<String> receivers) {
		String receiver = node.string(key);
		if (receiver == null || receiver.isEmpty()) {
			throw node.error(key, "missing " + key);
		}
		requireReceiver(node.child(key), receiver, receivers);
		return receiver;
	}

	private static int minutes(ConfigNode node, String key) {
		String value = node.string(key);
		if (value == null) {
			throw node.error(key, "missing " + key);
		}
		try {
			return TimeRange.parseMinutes(value);
		}
		catch (IllegalArgumentException ex) {
			throw node.error(key, ex.getMessage());
		}
	}

	private static List<InclusiveRange> ranges(ConfigNode node, String key, Function<String, InclusiveRange> parser) {
		List<String> values = node.strings(key, List.of());
		List<InclusiveRange> out = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			try {
				out.add(parser.apply(values.get(i)));
			}
			catch (IllegalArgumentException ex) {
				throw new ConfigException(node.child(key) + "[" + i + "]", ex.getMessage());
			}
		}
		return out;
	}

	private RouteSpec route(ConfigNode node, Set<String> receivers, Set<String> intervals, Set<String> schedules) {
		String receiver = node.string("receiver");
		if (receiver != null) {
			requireReceiver(node.child("receiver"), receiver, receivers);
		}
		List<String> groupBy = null;
		boolean groupByAll = false;
		List<String> groupByNames = node.strings("group_by");
		if (groupByNames != null) {
			groupBy = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < groupByNames.size(); i++) {
				String name = groupByNames.get(i);
				String path = node.child("group_by") + "[" + i + "]";
				if ("...".equals(name)) {
					groupByAll = true;
					continue;
				}
				if (!name.matches(LABEL_NAME)) {
					throw new ConfigException(path, "invalid label name \"" + name + "\" in group_by list");
				}
				if (!seen.add(name)) {
					throw new ConfigException(path, "duplicated label \"" + name + "\" in group_by");
				}
				groupBy.add(name);
			}
			if (groupByAll && !groupBy.isEmpty()) {
				throw node.error("group_by",
						"cannot have wildcard group_by (`...`) and other other labels at the same time");
			}
		}
		Duration groupWait = node.duration("group_wait");
		Duration groupInterval = node.duration("group_interval");
		if (groupInterval != null && groupInterval.isZero()) {
			throw node.error("group_interval", "group_interval cannot be zero");
		}
		Duration repeatInterval = node.duration("repeat_interval");
		if (repeatInterval != null && repeatInterval.isZero()) {
			throw node.error("repeat_interval", "repeat_interval cannot be zero");
		}
		Matchers matchers = legacyMatchers(node, "match", "match_re").and(matcherList(node, "matchers"));
		List<String> mute = intervalNames(node, "mute_time_intervals", intervals);
		List<String> active = intervalNames(node, "active_time_intervals", intervals);
		boolean continueMatching = node.bool("continue", false);
		Boolean resolvedWhenMuted = node.bool("notify_resolved_when_muted");
		Duration resolveDelay = node.duration("resolve_delay");
		Boolean repeatAcknowledged = node.bool("repeat_acknowledged");
		List<EscalationStep> escalation = (node.raw("escalation") != null) ? escalation(node, receivers, schedules)
				: null;
		FlapDetection flapDetection = flapDetection(node);
		List<RouteSpec> children = node.objects("routes", (child) -> route(child, receivers, intervals, schedules));
		node.rejectUnknownKeys();
		return new RouteSpec(receiver, groupBy, groupByAll, groupWait, groupInterval, repeatInterval, matchers,
				continueMatching, mute, active, resolvedWhenMuted, resolveDelay, repeatAcknowledged, escalation,
				flapDetection, children);
	}

	// zgw extension: {starts: 3, within: 1h, calm: 15m}, or false (off below an
	// ancestor that turns it on).
	private static @Nullable FlapDetection flapDetection(ConfigNode route) {
		JsonNode raw = route.raw("flap_detection");
		if (raw == null) {
			return null;
		}
		if (raw.isValueNode() && Boolean.FALSE.equals(route.bool("flap_detection"))) {
			return FlapDetection.OFF;
		}
		ConfigNode node = route.object("flap_detection");
		int starts = node.integer("starts", 0);
		if (starts < 2) {
			throw node.error("starts", "flap_detection.starts must be a whole number of starts, at least 2");
		}
		Duration within = positiveDuration(node, "within",
				"flap_detection.within must be a positive duration, such as 1h");
		Duration calm = node.duration("calm");
		node.rejectUnknownKeys();
		return new FlapDetection(starts, within, (calm != null) ? calm : within);
	}

	private static List<EscalationStep> escalation(ConfigNode node, Set<String> receivers, Set<String> schedules) {
		List<EscalationStep> steps = node.objects("escalation", (step) -> {
			Duration after = step.duration("after");
			Duration at = (after != null) ? after : Duration.ZERO;
			String receiver = step.string("receiver");
			String schedule = step.string("schedule");
			List<String> roundRobin = step.strings("round_robin");
			if (step.raw("repeat") != null) {
				return startOver(step, at, receiver != null || schedule != null || roundRobin != null);
			}
			if ((receiver != null ? 1 : 0) + (schedule != null ? 1 : 0) + (roundRobin != null ? 1 : 0) != 1) {
				throw new ConfigException(step.path(), "an escalation step names one of a receiver, a schedule or a "
						+ "round_robin list, or repeats the chain");
			}
			if (receiver != null) {
				requireReceiver(step.child("receiver"), receiver, receivers);
			}
			if (schedule != null && !schedules.contains(schedule)) {
				throw step.error("schedule", "unknown on-call schedule \"" + schedule + "\"");
			}
			step.rejectUnknownKeys();
			return (roundRobin != null) ? roundRobin(step, at, roundRobin, receivers)
					: new EscalationStep(at, receiver, schedule);
		});
		for (int i = 1; i < steps.size(); i++) {
			if (steps.get(i).after().compareTo(steps.get(i - 1).after()) < 0) {
				throw new ConfigException(node.child("escalation") + "[" + i + "].after",
						"escalation steps must be in order of after: " + steps.get(i).after() + " comes after "
								+ steps.get(i - 1).after());
			}
		}
		for (int i = 0; i < steps.size(); i++) {
			EscalationStep step = steps.get(i);
			if (step.startsOver() && i != steps.size() - 1) {
				throw new ConfigException(node.child("escalation") + "[" + i + "].repeat",
						"only the last escalation step may repeat the chain");
			}
			if (step.startsOver() && (i == 0 || step.after().equals(steps.get(i - 1).after()))) {
				throw new ConfigException(node.child("escalation") + "[" + i + "].after",
						"the step that repeats the chain needs a step before it, and an after later than that"
								+ " step's: it is how long one round of the chain lasts");
			}
		}
		return steps;
	}

	// zgw extension: {after: 30m, repeat: 2}, the last escalation step, starts the chain
	// over from its first step so many times at most.
	private static EscalationStep startOver(ConfigNode step, Duration after, boolean pages) {
		if (pages) {
			throw new ConfigException(step.path(),
					"an escalation step that repeats the chain names no receiver, schedule or round_robin list");
		}
		int repeat = step.integer("repeat", 0);
		if (repeat < 1 || repeat > MAX_ESCALATION_REPEAT) {
			throw step.error("repeat", "repeat must be a whole number of times from 1 to " + MAX_ESCALATION_REPEAT);
		}
		step.rejectUnknownKeys();
		return EscalationStep.startOver(after, repeat);
	}

	// zgw extension: {round_robin: [alice, bob]} pages one of them per escalation, in
	// turn.
	private static EscalationStep roundRobin(ConfigNode step, Duration after, List<String> members,
			Set<String> receivers) {
		if (members.isEmpty()) {
			throw step.error("round_robin", "a round_robin list names at least one receiver");
		}
		for (int i = 0; i < members.size(); i++) {
			String path = step.child("round_robin") + "[" + i + "]";
			requireReceiver(path, members.get(i), receivers);
			if (members.subList(0, i).contains(members.get(i))) {
				throw new ConfigException(path, "\"" + members.get(i) + "\" is in the round_robin list twice");
			}
		}
		return EscalationStep.roundRobin(after, members);
	}

	private static List<String> intervalNames(ConfigNode node, String key, Set<String> intervals) {
		List<String> names = node.strings(key, List.of());
		for (int i = 0; i < names.size(); i++) {
			if (!intervals.contains(names.get(i))) {
				throw new ConfigException(node.child(key) + "[" + i + "]",
						"unknown time interval \"" + names.get(i) + "\"");
			}
		}
		return names;
	}

	private static Matchers legacyMatchers(ConfigNode node, String matchKey, String regexKey) {
		List<Matcher> out = new ArrayList<>();
		node.stringMap(matchKey).forEach((name, value) -> {
			checkLabelName(node, matchKey, name);
			out.add(Matcher.equal(name, value));
		});
		node.stringMap(regexKey).forEach((name, value) -> {
			checkLabelName(node, regexKey, name);
			try {
				// Alertmanager 0.25 keeps the anchored form as the matcher value, which
				// shows in route keys: {service=~"^(?:^(a|b)$)$"}.
				out.add(Matcher.regex(name, Matchers.anchored(value)));
			}
			catch (IllegalArgumentException ex) {
				throw new ConfigException(node.child(regexKey) + "." + name, ex.getMessage());
			}
		});
		return Matchers.of(out);
	}

	private static void checkLabelName(ConfigNode node, String key, String name) {
		if (!name.matches(LABEL_NAME)) {
			throw node.error(key, "invalid label name \"" + name + "\"");
		}
	}

	private static Matchers matcherList(ConfigNode node, String key) {
		List<String> lines = node.strings(key, List.of());
		List<Matcher> out = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			try {
				out.addAll(Matchers.parse(lines.get(i)).asList());
			}
			catch (IllegalArgumentException ex) {
				throw new ConfigException(node.child(key) + "[" + i + "]", ex.getMessage());
			}
		}
		return Matchers.of(out).sorted();
	}

	private InhibitRule inhibitRule(ConfigNode node) {
		Matchers source = legacyMatchers(node, "source_match", "source_match_re")
			.and(matcherList(node, "source_matchers"));
		Matchers target = legacyMatchers(node, "target_match", "target_match_re")
			.and(matcherList(node, "target_matchers"));
		List<String> equal = node.strings("equal", List.of());
		for (int i = 0; i < equal.size(); i++) {
			if (!equal.get(i).matches(LABEL_NAME)) {
				throw new ConfigException(node.child("equal") + "[" + i + "]",
						"invalid label name \"" + equal.get(i) + "\"");
			}
		}
		node.rejectUnknownKeys();
		return new InhibitRule(source, target, Set.copyOf(equal));
	}

	private Receiver receiver(ConfigNode node) {
		String name = node.string("name");
		if (name == null || name.isEmpty()) {
			throw node.error("name", "missing name in receiver");
		}
		if (name.length() > MAX_RECEIVER_NAME) {
			throw node.error("name", "receiver name is " + name.length() + " characters long; at most "
					+ MAX_RECEIVER_NAME + " are stored with each notification");
		}
		List<Integration> integrations = new ArrayList<>();
		integrations.addAll(node.objects("webhook_configs", ConfigLoader.this::webhook));
		integrations.addAll(node.objects("slack_configs", ConfigLoader.this::slack));
		integrations.addAll(node.objects("email_configs", ConfigLoader.this::email));
		integrations.addAll(node.objects("opsgenie_configs", ConfigLoader.this::opsgenie));
		integrations.addAll(node.objects("discord_configs", ConfigLoader.this::discord));
		integrations.addAll(node.objects("webex_configs", ConfigLoader.this::webex));
		integrations.addAll(node.objects("victorops_configs", ConfigLoader.this::victorOps));
		integrations.addAll(node.objects("telegram_configs", ConfigLoader.this::telegram));
		integrations.addAll(node.objects("wechat_configs", ConfigLoader.this::wechat));
		integrations.addAll(node.objects("pagerduty_configs", ConfigLoader.this::pagerduty));
		integrations.addAll(node.objects("pushover_configs", ConfigLoader.this::pushover));
		integrations.addAll(node.objects("msteams_configs", (entry) -> msTeams(entry, false)));
		integrations.addAll(node.objects("msteamsv2_configs", (entry) -> msTeams(entry, true)));
		integrations.addAll(node.objects("rocketchat_configs", ConfigLoader.this::rocketChat));
		integrations.addAll(node.objects("jira_configs", ConfigLoader.this::jira));
		integrations.addAll(node.objects("sns_configs", ConfigLoader.this::sns));
		integrations.addAll(node.objects("incidentio_configs", ConfigLoader.this::incidentio));
		List<String> unsupportedTypes = new ArrayList<>();
		for (String key : node.unreadKeys()) {
			if (!key.endsWith("_configs") || SUPPORTED_INTEGRATIONS.contains(key)) {
				continue;
			}
			String type = key.substring(0, key.length() - "_configs".length());
			List<JsonNode> entries = node.list(key);
			int count = (entries != null) ? entries.size() : 0;
			for (int i = 0; i < count; i++) {
				this.unsupported.add(new UnsupportedIntegration(name, type, node.child(key) + "[" + i + "]"));
			}
			if (count > 0) {
				unsupportedTypes.add(type);
			}
		}
		RateLimit rateLimit = rateLimit(node);
		node.rejectUnknownKeys();
		return new Receiver(name, integrations, unsupportedTypes, rateLimit);
	}

	// zgw extension: at most max notifications per integration in any window of per.
	private static @Nullable RateLimit rateLimit(ConfigNode receiver) {
		ConfigNode node = receiver.object("rate_limit");
		if (node == null) {
			return null;
		}
		int max = node.integer("max", 0);
		if (max < 1) {
			throw node.error("max", "rate_limit.max must be a whole number of notifications, at least 1");
		}
		Duration per = positiveDuration(node, "per", "rate_limit.per must be a positive duration, such as 1h");
		node.rejectUnknownKeys();
		return new RateLimit(max, per);
	}

	private WebhookConfig webhook(ConfigNode node) {
		String url = secret(node, "url", "url_file");
		if (url == null || url.isEmpty()) {
			throw node.error("url", "one of url or url_file must be configured");
		}
		WebhookConfig config = new WebhookConfig(url, node.bool("send_resolved", true), node.integer("max_alerts", 0),
				requestTimeout(node), integrationHttp(node));
		noteIgnored(node);
		return config;
	}

	// As Alertmanager 0.29's incidentio_configs: the alert source token becomes the
	// bearer token, and authenticates unless the entry's own http_config does.
	private IncidentioConfig incidentio(ConfigNode node) {
		String url = secret(node, "url", "url_file");
		if (url == null || url.isEmpty()) {
			throw node.error("url", "one of url or url_file must be configured");
		}
		httpUrl(node, (node.string("url") != null) ? "url" : "url_file", url);
		String token = secret(node, "alert_source_token", "alert_source_token_file");
		ConfigNode own = node.object("http_config");
		HttpClientConfig http = integrationHttp(node);
		boolean ownAuthorization = own != null && http.auth() instanceof HttpAuth.Authorization;
		if (token != null && !token.isEmpty()) {
			if (ownAuthorization) {
				throw node.error("alert_source_token",
						"cannot specify alert_source_token or alert_source_token_file when using http_config.authorization");
			}
			http = new HttpClientConfig(new HttpAuth.Authorization("Bearer", token), http.tls(), http.proxyUrl(),
					http.followRedirects(), http.enableHttp2());
		}
		else if (own != null && !ownAuthorization) {
			throw node.error("alert_source_token",
					"at least one of alert_source_token, alert_source_token_file or http_config.authorization must be configured");
		}
		IncidentioConfig config = new IncidentioConfig(url, node.bool("send_resolved", true),
				node.integer("max_alerts", 0), requestTimeout(node), http);
		noteIgnored(node);
		return config;
	}

	// A notifier's timeout (Go syntax); Alertmanager's 0, no limit, is the gateway's
	// default here, as a request that never ends would hold a delivery slot.
	private static @Nullable Duration requestTimeout(ConfigNode node) {
		Duration timeout = goDuration(node, "timeout", Duration.ZERO);
		if (timeout.isNegative()) {
			throw node.error("timeout", "must not be negative, got " + node.string("timeout"));
		}
		return timeout.isZero() ? null : timeout;
	}

	private SlackConfig slack(ConfigNode node) {
		String apiUrl = secret(node, "api_url", "api_url_file");
		if (apiUrl == null) {
			apiUrl = this.global.slackApiUrl();
		}
		if (apiUrl == null) {
			throw node.error("api_url", "no global Slack API URL set either inline or in a file");
		}
		Map<String, String> defaults = SlackConfig.DEFAULTS;
		boolean shortFields = node.bool("short_fields", false);
		List<SlackConfig.Field> fields = node.objects("fields", (field) -> {
			String title = field.string("title", "");
			String value = field.string("value", "");
			if (title.isEmpty()) {
				throw field.error("title", "missing title in Slack field configuration");
			}
			if (value.isEmpty()) {
				throw field.error("value", "missing value in Slack field configuration");
			}
			SlackConfig.Field parsed = new SlackConfig.Field(template(field.child("title"), title),
					template(field.child("value"), value), field.bool("short", shortFields));
			field.rejectUnknownKeys();
			return parsed;
		});
		List<SlackConfig.Action> actions = node.objects("actions", this::slackAction);
		List<String> mrkdwnIn = node.strings("mrkdwn_in", List.of());
		SlackConfig config = new SlackConfig(apiUrl, template(node, "channel", defaults),
				template(node, "username", defaults), template(node, "icon_emoji", defaults),
				template(node, "icon_url", defaults), node.bool("link_names", false), template(node, "color", defaults),
				template(node, "title", defaults), template(node, "title_link", defaults),
				template(node, "pretext", defaults), template(node, "text", defaults),
				template(node, "fallback", defaults), template(node, "callback_id", defaults),
				template(node, "footer", defaults), optionalTemplate(node, "image_url"),
				optionalTemplate(node, "thumb_url"), mrkdwnIn.isEmpty() ? SlackConfig.DEFAULT_MRKDWN_IN : mrkdwnIn,
				fields, actions, node.bool("send_resolved", false), integrationHttp(node));
		noteIgnored(node);
		return config;
	}

	// As Alertmanager 0.25: a button needs a URL, a message action a name; a button's
	// name, value and confirmation are dropped.
	private SlackConfig.Action slackAction(ConfigNode node) {
		String type = node.string("type", "");
		String text = node.string("text", "");
		if (type.isEmpty()) {
			throw node.error("type", "missing type in Slack action configuration");
		}
		if (text.isEmpty()) {
			throw node.error("text", "missing text in Slack action configuration");
		}
		String url = node.string("url", "");
		String name = node.string("name", "");
		if (url.isEmpty() && name.isEmpty()) {
			throw node.error("url", "missing name or url in Slack action configuration");
		}
		String value = node.string("value", "");
		ConfigNode confirmNode = node.object("confirm");
		SlackConfig.Confirm confirm = null;
		if (confirmNode != null) {
			String confirmText = confirmNode.string("text", "");
			if (confirmText.isEmpty()) {
				throw confirmNode.error("text", "missing text in Slack confirmation configuration");
			}
			confirm = new SlackConfig.Confirm(template(confirmNode.child("text"), confirmText),
					optionalTemplate(confirmNode, "title"), optionalTemplate(confirmNode, "ok_text"),
					optionalTemplate(confirmNode, "dismiss_text"));
			confirmNode.rejectUnknownKeys();
		}
		boolean button = !url.isEmpty();
		SlackConfig.Action action = new SlackConfig.Action(template(node.child("type"), type),
				template(node.child("text"), text), template(node.child("url"), url), optionalTemplate(node, "style"),
				template(node.child("name"), button ? "" : name), template(node.child("value"), button ? "" : value),
				button ? null : confirm);
		node.rejectUnknownKeys();
		return action;
	}

	// A templated field with no default: the empty text unless set.
	private Template optionalTemplate(ConfigNode node, String key) {
		return template(node.child(key), node.string(key, ""));
	}

	// As Alertmanager 0.25: Events API v1 with a service_key, else Events API v2.
	private PagerdutyConfig pagerduty(ConfigNode node) {
		String routingKey = secret(node, "routing_key", "routing_key_file");
		String serviceKey = secret(node, "service_key", "service_key_file");
		if ((routingKey == null || routingKey.isEmpty()) && (serviceKey == null || serviceKey.isEmpty())) {
			throw node.error("routing_key", "missing service or routing key in PagerDuty config");
		}
		Map<String, String> defaults = PagerdutyConfig.DEFAULTS;
		Map<String, Template> details = new TreeMap<>();
		node.stringMap("details")
			.forEach((key, text) -> details.put(key, template(node.child("details") + "." + key, text)));
		for (Map.Entry<String, String> detail : defaults.entrySet()) {
			if (detail.getKey().startsWith("details.")) {
				details.putIfAbsent(detail.getKey().substring("details.".length()),
						template(node.child("details"), detail.getValue()));
			}
		}
		Template client = template(node, "client", defaults);
		String source = node.string("source");
		List<PagerdutyConfig.Image> images = node.objects("images", (image) -> {
			PagerdutyConfig.Image parsed = new PagerdutyConfig.Image(template(image, "src", Map.of("src", "")),
					template(image, "alt", Map.of("alt", "")), template(image, "href", Map.of("href", "")));
			image.rejectUnknownKeys();
			return parsed;
		});
		List<PagerdutyConfig.Link> links = node.objects("links", (link) -> {
			PagerdutyConfig.Link parsed = new PagerdutyConfig.Link(template(link, "href", Map.of("href", "")),
					template(link, "text", Map.of("text", "")));
			link.rejectUnknownKeys();
			return parsed;
		});
		PagerdutyConfig config = new PagerdutyConfig((routingKey != null) ? routingKey : "",
				(serviceKey != null) ? serviceKey : "", node.string("url", this.global.pagerdutyUrl()), client,
				template(node, "client_url", defaults), template(node, "description", defaults), details, images, links,
				(source == null || source.isEmpty()) ? client : template(node.child("source"), source),
				template(node, "severity", defaults), template(node, "class", Map.of("class", "")),
				template(node, "component", Map.of("component", "")), template(node, "group", Map.of("group", "")),
				node.bool("send_resolved", true), integrationHttp(node));
		noteIgnored(node);
		return config;
	}

	// As Alertmanager 0.25's pushover_configs, and user_key_file and token_file as later
	// versions.
	private PushoverConfig pushover(ConfigNode node) {
		String userKey = secret(node, "user_key", "user_key_file");
		if (userKey == null || userKey.isEmpty()) {
			throw node.error("user_key", "missing user key in Pushover config");
		}
		String token = secret(node, "token", "token_file");
		if (token == null || token.isEmpty()) {
			throw node.error("token", "missing token in Pushover config");
		}
		Map<String, String> defaults = PushoverConfig.DEFAULTS;
		PushoverConfig config = new PushoverConfig(userKey, token, template(node, "title", defaults),
				template(node, "message", defaults), template(node, "url", defaults),
				optionalTemplate(node, "url_title"), optionalTemplate(node, "sound"),
				template(node, "priority", defaults), goDuration(node, "retry", Duration.ofMinutes(1)),
				goDuration(node, "expire", Duration.ofHours(1)), node.bool("html", false),
				node.bool("send_resolved", true), integrationHttp(node));
		noteIgnored(node);
		return config;
	}

	private static Duration goDuration(ConfigNode node, String key, Duration unset) {
		String text = node.string(key);
		try {
			return (text != null) ? GoDuration.parse(text) : unset;
		}
		catch (IllegalArgumentException ex) {
			throw node.error(key, ex.getMessage());
		}
	}

	private VictorOpsConfig victorOps(ConfigNode node) {
		String apiKey = orGlobal(secret(node, "api_key", "api_key_file"), this.global.victorOpsApiKey());
		if (apiKey == null || apiKey.isEmpty()) {
			throw node.error("api_key", "no global VictorOps API Key set");
		}
		String routingKey = node.string("routing_key", "");
		if (routingKey.isEmpty()) {
			throw node.error("routing_key", "missing Routing key in VictorOps config");
		}
		Map<String, Template> customFields = new TreeMap<>();
		node.stringMap("custom_fields").forEach((key, text) -> {
			String path = node.child("custom_fields") + "." + key;
			if (VictorOpsConfig.RESERVED_FIELDS.contains(key)) {
				throw new ConfigException(path, "victorOps config contains custom field " + key
						+ " which cannot be used as it conflicts with the fixed/static fields");
			}
			customFields.put(key, template(path, text));
		});
		Map<String, String> defaults = VictorOpsConfig.DEFAULTS;
		VictorOpsConfig config = new VictorOpsConfig(apiKey, node.string("api_url", this.global.victorOpsApiUrl()),
				template(node.child("routing_key"), routingKey), template(node, "message_type", defaults),
				template(node, "entity_display_name", defaults), template(node, "state_message", defaults),
				template(node, "monitoring_tool", defaults), customFields, node.bool("send_resolved", true),
				integrationHttp(node));
		noteIgnored(node);
		return config;
	}

	// As Alertmanager 0.25's telegram_configs, and bot_token_file as later versions.
	private TelegramConfig telegram(ConfigNode node) {
		String botToken = secret(node, "bot_token", "bot_token_file");
		if (botToken == null || botToken.isEmpty()) {
			throw node.error("bot_token", "missing bot_token on telegram_config");
		}
		JsonNode chat = node.raw("chat_id");
		if (chat != null && !chat.isIntegralNumber()) {
			throw node.error("chat_id", "expected an integer chat id, got " + chat);
		}
		long chatId = (chat != null) ? chat.asLong() : 0;
		if (chatId == 0) {
			throw node.error("chat_id", "missing chat_id on telegram_config");
		}
		String parseMode = node.string("parse_mode", "HTML");
		if (!TelegramConfig.PARSE_MODES.contains(parseMode)) {
			throw node.error("parse_mode",
					"unknown parse_mode on telegram_config, must be Markdown, MarkdownV2, HTML or empty string");
		}
		TelegramConfig config = new TelegramConfig(botToken, node.string("api_url", this.global.telegramApiUrl()),
				chatId, template(node, "message", TelegramConfig.DEFAULTS), node.bool("disable_notifications", false),
				parseMode, node.bool("send_resolved", true), integrationHttp(node));
		noteIgnored(node);
		return config;
	}

	// As Alertmanager 0.25's sns_configs.
	private SnsConfig sns(ConfigNode node) {
		List<String> destinations = new ArrayList<>();
		for (String key : List.of("topic_arn", "phone_number", "target_arn")) {
			if (!node.string(key, "").isEmpty()) {
				destinations.add(key);
			}
		}
		if (destinations.size() != 1) {
			throw node.error(destinations.isEmpty() ? "topic_arn" : destinations.get(1),
					"must provide either a Target ARN, Topic ARN, or Phone Number for SNS config");
		}
		ConfigNode sigv4 = node.object("sigv4");
		String region = null;
		String accessKey = null;
		String secretKey = null;
		String profile = null;
		String roleArn = null;
		if (sigv4 != null) {
			region = sigv4.string("region");
			accessKey = sigv4.string("access_key");
			secretKey = sigv4.string("secret_key");
			if ((accessKey == null || accessKey.isEmpty()) != (secretKey == null || secretKey.isEmpty())) {
				throw sigv4.error((accessKey == null || accessKey.isEmpty()) ? "access_key" : "secret_key",
						"must provide a AWS SigV4 Access key and Secret Key if credentials are specified in the "
								+ "SigV4 config");
			}
			profile = sigv4.string("profile");
			roleArn = sigv4.string("role_arn");
			sigv4.rejectUnknownKeys();
		}
		Map<String, String> defaults = SnsConfig.DEFAULTS;
		List<SnsConfig.Attribute> attributes = new ArrayList<>();
		node.stringMap("attributes").forEach((key, value) -> {
			String path = node.child("attributes") + "." + key;
			attributes.add(new SnsConfig.Attribute(template(path, key), template(path, value)));
		});
		String subject = node.string("subject", defaults.get("subject"));
		SnsConfig config = new SnsConfig(node.string("api_url"), (region != null) ? region : "",
				(accessKey != null) ? accessKey : "", (secretKey != null) ? secretKey : "",
				(profile != null) ? profile : "", (roleArn != null) ? roleArn : "",
				optionalDestination(node, "topic_arn"), optionalDestination(node, "phone_number"),
				optionalDestination(node, "target_arn"),
				subject.isEmpty() ? null : template(node.child("subject"), subject),
				template(node, "message", defaults), attributes, node.bool("send_resolved", true),
				integrationHttp(node));
		noteIgnored(node);
		return config;
	}

	private @Nullable Template optionalDestination(ConfigNode node, String key) {
		String text = node.string(key, "");
		return text.isEmpty() ? null : template(node.child(key), text);
	}

	// As Alertmanager 0.25's wechat_configs.
	private WechatConfig wechat(ConfigNode node) {
		String apiSecret = orGlobal(node.string("api_secret"), this.global.wechatApiSecret());
		if (apiSecret == null || apiSecret.isEmpty()) {
			throw node.error("api_secret", "no global Wechat ApiSecret set");
		}
		String corpId = orGlobal(node.string("corp_id"), this.global.wechatApiCorpId());
		if (corpId == null || corpId.isEmpty()) {
			throw node.error("corp_id", "no global Wechat CorpID set");
		}
		String messageType = node.string("message_type", "text");
		if (messageType.isEmpty()) {
			messageType = "text";
		}
		if (!"text".equals(messageType) && !"markdown".equals(messageType)) {
			throw node.error("message_type",
					"weChat message type \"" + messageType + "\" does not match valid options ^(text|markdown)$");
		}
		String apiUrl = node.string("api_url", this.global.wechatApiUrl());
		Map<String, String> defaults = WechatConfig.DEFAULTS;
		WechatConfig config = new WechatConfig(apiSecret, corpId, apiUrl.endsWith("/") ? apiUrl : apiUrl + "/",
				template(node, "message", defaults), messageType, template(node, "to_user", defaults),
				template(node, "to_party", defaults), template(node, "to_tag", defaults),
				template(node, "agent_id", defaults), node.bool("send_resolved", false), integrationHttp(node));
		noteIgnored(node);
		return config;
	}

	private DiscordConfig discord(ConfigNode node) {
		String url = node.string("webhook_url");
		if (url == null || url.isEmpty()) {
			throw node.error("webhook_url", "no discord webhook URL provided");
		}
		Map<String, String> defaults = DiscordConfig.DEFAULTS;
		DiscordConfig config = new DiscordConfig(url, template(node, "title", defaults),
				template(node, "message", defaults), node.bool("send_resolved", true), integrationHttp(node));
		noteIgnored(node);
		return config;
	}

	// As Alertmanager 0.26's msteams_configs and 0.28's msteamsv2_configs.
	private MsTeamsConfig msTeams(ConfigNode node, boolean workflow) {
		String url = secret(node, "webhook_url", "webhook_url_file");
		if (url == null || url.isEmpty()) {
			throw node.error("webhook_url", "one of webhook_url or webhook_url_file must be configured");
		}
		Map<String, String> defaults = MsTeamsConfig.defaults(workflow);
		MsTeamsConfig config = new MsTeamsConfig(workflow, url, template(node, "title", defaults),
				workflow ? null : template(node, "summary", defaults), template(node, "text", defaults),
				node.bool("send_resolved", true), integrationHttp(node));
		noteIgnored(node);
		return config;
	}

	// As Alertmanager 0.28's jira_configs.
	private JiraConfig jira(ConfigNode node) {
		String apiUrl = optionalHttpUrl(node, "api_url");
		if (apiUrl == null) {
			apiUrl = this.global.jiraApiUrl();
		}
		if (apiUrl == null) {
			throw node.error("api_url", "no global Jira Cloud URL set");
		}
		String project = node.string("project", "");
		if (project.isEmpty()) {
			throw node.error("project", "missing project in jira_config");
		}
		String issueType = node.string("issue_type", "");
		if (issueType.isEmpty()) {
			throw node.error("issue_type", "missing issue_type in jira_config");
		}
		List<String> labelTexts = node.strings("labels", List.of());
		List<Template> labels = new ArrayList<>();
		for (int i = 0; i < labelTexts.size(); i++) {
			labels.add(template(node.child("labels") + "[" + i + "]", labelTexts.get(i)));
		}
		Map<String, TemplatedValue> fields = new LinkedHashMap<>();
		ConfigNode fieldsNode = node.object("fields");
		if (fieldsNode != null) {
			for (String key : fieldsNode.keys()) {
				JsonNode value = fieldsNode.raw(key);
				fields.put(key, templated(fieldsNode.child(key), (value != null) ? value : NullNode.getInstance()));
			}
		}
		String apiType = node.string("api_type", "auto");
		if (!JiraConfig.API_TYPES.contains(apiType)) {
			throw node.error("api_type", "unknown api_type on jira_config, must be auto, cloud or datacenter");
		}
		Duration reopenDuration = node.duration("reopen_duration");
		Map<String, String> defaults = JiraConfig.DEFAULTS;
		JiraConfig config = new JiraConfig(apiUrl, apiType, template(node.child("project"), project),
				template(node, "summary", defaults), template(node, "description", defaults), labels,
				template(node, "priority", defaults), template(node.child("issue_type"), issueType),
				node.string("reopen_transition", ""), node.string("resolve_transition", ""),
				node.string("wont_fix_resolution", ""), (reopenDuration != null) ? reopenDuration : Duration.ZERO,
				fields, node.bool("send_resolved", true), integrationHttp(node));
		noteIgnored(node);
		return config;
	}

	// A YAML value whose strings and mapping keys are templates, each parsed now so that
	// a bad one is refused at load, naming its path.
	private TemplatedValue templated(String path, JsonNode value) {
		if (value.isString()) {
			return new TemplatedValue.Text(template(path, value.asString()));
		}
		if (value.isArray()) {
			List<TemplatedValue> items = new ArrayList<>();
			for (int i = 0; i < value.size(); i++) {
				items.add(templated(path + "[" + i + "]", value.get(i)));
			}
			return new TemplatedValue.Sequence(items);
		}
		if (value.isObject()) {
			List<TemplatedValue.Member> members = new ArrayList<>();
			for (Map.Entry<String, JsonNode> member : value.properties()) {
				String child = path + "." + member.getKey();
				members.add(new TemplatedValue.Member(template(child, member.getKey()),
						templated(child, member.getValue())));
			}
			return new TemplatedValue.Mapping(members);
		}
		return new TemplatedValue.Literal(value);
	}

	// As Alertmanager 0.28's rocketchat_configs: each credential comes whole from the
	// entry (inline or file) or from the global section.
	private RocketChatConfig rocketChat(ConfigNode node) {
		String tokenId = secret(node, "token_id", "token_id_file");
		if (tokenId == null) {
			tokenId = this.global.rocketChatTokenId();
		}
		if (tokenId == null) {
			throw node.error("token_id", "no global Rocketchat TokenID set either inline or in a file");
		}
		String token = secret(node, "token", "token_file");
		if (token == null) {
			token = this.global.rocketChatToken();
		}
		if (token == null) {
			throw node.error("token", "no global Rocketchat Token set either inline or in a file");
		}
		String apiUrl = optionalHttpUrl(node, "api_url");
		if (apiUrl == null) {
			apiUrl = this.global.rocketChatApiUrl();
		}
		boolean shortFields = node.bool("short_fields", false);
		List<RocketChatConfig.Field> fields = node.objects("fields", (field) -> {
			RocketChatConfig.Field parsed = new RocketChatConfig.Field(optionalTemplate(field, "title"),
					optionalTemplate(field, "value"), field.bool("short", shortFields));
			field.rejectUnknownKeys();
			return parsed;
		});
		List<RocketChatConfig.Action> actions = node.objects("actions", (action) -> {
			// Only buttons: the type is read and ignored, as in Alertmanager.
			action.string("type");
			RocketChatConfig.Action parsed = new RocketChatConfig.Action(optionalTemplate(action, "text"),
					optionalTemplate(action, "url"), optionalTemplate(action, "msg"));
			action.rejectUnknownKeys();
			return parsed;
		});
		Map<String, String> defaults = RocketChatConfig.DEFAULTS;
		RocketChatConfig config = new RocketChatConfig(apiUrl, token, tokenId, template(node, "channel", defaults),
				template(node, "color", defaults), template(node, "title", defaults),
				template(node, "title_link", defaults), template(node, "text", defaults), fields,
				template(node, "emoji", defaults), template(node, "icon_url", defaults),
				template(node, "image_url", defaults), template(node, "thumb_url", defaults), actions,
				node.bool("send_resolved", false), integrationHttp(node));
		noteIgnored(node);
		return config;
	}

	// As Alertmanager 0.25: the bot token is the http_config's authorization.
	private WebexConfig webex(ConfigNode node) {
		HttpClientConfig http = integrationHttp(node);
		if (!(http.auth() instanceof HttpAuth.Authorization)) {
			throw node.error("http_config", "missing webex_configs.http_config.authorization");
		}
		String roomId = node.string("room_id", "");
		if (roomId.isEmpty()) {
			throw node.error("room_id", "missing room_id on webex_config");
		}
		WebexConfig config = new WebexConfig(node.string("api_url", this.global.webexApiUrl()), roomId,
				template(node, "message", WebexConfig.DEFAULTS), node.bool("send_resolved", true), http);
		noteIgnored(node);
		return config;
	}

	// As Alertmanager 0.25's opsgenie_configs.
	private OpsgenieConfig opsgenie(ConfigNode node) {
		String apiKey = orGlobal(secret(node, "api_key", "api_key_file"), this.global.opsgenieApiKey());
		if (apiKey == null || apiKey.isEmpty()) {
			throw node.error("api_key", "no global OpsGenie API Key set either inline or in a file");
		}
		String apiUrl = node.string("api_url", this.global.opsgenieApiUrl());
		Map<String, Template> details = new TreeMap<>();
		node.stringMap("details")
			.forEach((key, text) -> details.put(key, template(node.child("details") + "." + key, text)));
		List<OpsgenieConfig.Responder> responders = node.objects("responders", (responder) -> {
			String id = responder.string("id", "");
			String name = responder.string("name", "");
			String username = responder.string("username", "");
			if (id.isEmpty() && name.isEmpty() && username.isEmpty()) {
				throw new ConfigException(responder.path(),
						"opsGenieConfig responder has to have at least one of id, username or name specified");
			}
			String type = responder.string("type", "").toLowerCase(Locale.ROOT);
			if (!OPSGENIE_RESPONDER_TYPE.matcher(type).matches() && !type.contains("{{")) {
				throw responder.error("type", "opsGenieConfig responder type does not match valid options "
						+ OPSGENIE_RESPONDER_TYPE.pattern());
			}
			OpsgenieConfig.Responder parsed = new OpsgenieConfig.Responder(template(responder.child("id"), id),
					template(responder.child("name"), name), template(responder.child("username"), username),
					template(responder.child("type"), type));
			responder.rejectUnknownKeys();
			return parsed;
		});
		Map<String, String> defaults = OpsgenieConfig.DEFAULTS;
		OpsgenieConfig config = new OpsgenieConfig(apiKey, apiUrl.endsWith("/") ? apiUrl : apiUrl + "/",
				template(node, "message", defaults), template(node, "description", defaults),
				template(node, "source", defaults), details, template(node.child("entity"), node.string("entity", "")),
				responders, template(node.child("actions"), node.string("actions", "")),
				template(node.child("tags"), node.string("tags", "")),
				template(node.child("note"), node.string("note", "")),
				template(node.child("priority"), node.string("priority", "")), node.bool("update_alerts", false),
				node.bool("send_resolved", true), integrationHttp(node));
		noteIgnored(node);
		return config;
	}

	private EmailConfig email(ConfigNode node) {
		String to = node.string("to");
		if (to == null || to.isEmpty()) {
			throw node.error("to", "missing to address in email config");
		}
		String from = orGlobal(node.string("from"), this.global.smtpFrom());
		Map<String, Template> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		node.stringMap("headers").forEach((written, value) -> {
			String path = node.child("headers") + "." + written;
			String name = headerName(written);
			if (headers.put(name, template(path, value)) != null) {
				throw new ConfigException(path, "duplicate header \"" + name + "\" in email config");
			}
		});
		// As Alertmanager: Subject, To and From headers default to the default subject
		// and the to and from fields.
		headers.putIfAbsent("Subject", template(node.child("headers"), EmailConfig.DEFAULTS.get("headers.Subject")));
		headers.putIfAbsent("To", template(node.child("to"), to));
		if (from != null) {
			headers.putIfAbsent("From", template(node.child("from"), from));
		}
		ConfigNode tls = node.object("tls_config");
		Template html = template(node, "html", EmailConfig.DEFAULTS);
		Template text = template(node, "text", EmailConfig.DEFAULTS);
		String smarthost = orGlobal(node.string("smarthost"), this.global.smtpSmarthost());
		if (smarthost == null) {
			throw node.error("smarthost", "no global SMTP smarthost set");
		}
		if (from == null) {
			throw node.error("from", "no global SMTP from set");
		}
		EmailConfig config = new EmailConfig(to, from, orGlobal(node.string("hello"), this.global.smtpHello()),
				smarthost, orGlobal(node.string("auth_username"), this.global.smtpAuthUsername()),
				orGlobal(secret(node, "auth_password", "auth_password_file"), this.global.smtpAuthPassword()),
				orGlobal(node.string("auth_identity"), this.global.smtpAuthIdentity()),
				orGlobal(secret(node, "auth_secret", "auth_secret_file"), this.global.smtpAuthSecret()),
				node.bool("require_tls", this.global.smtpRequireTls()), headers, html, text,
				node.bool("send_resolved", false), (tls != null) ? tls(tls) : null);
		noteIgnored(node);
		return config;
	}

	// As Alertmanager (strings.Title): a letter after a separator is upper-cased, so
	// "subject" is "Subject" and "x-team" is "X-Team".
	private static String headerName(String name) {
		StringBuilder out = new StringBuilder(name.length());
		boolean wordStart = true;
		for (char c : name.toCharArray()) {
			out.append(wordStart ? Character.toTitleCase(c) : c);
			wordStart = !(Character.isLetterOrDigit(c) || c == '_');
		}
		return out.toString();
	}

	// As Alertmanager, an empty field takes the global setting.
	private static @Nullable String orGlobal(@Nullable String value, @Nullable String global) {
		return (value == null || value.isEmpty()) ? global : value;
	}

	// An integration's own http_config, or as Alertmanager the global one when it has
	// none (the two are not merged).
	private HttpClientConfig integrationHttp(ConfigNode integration) {
		ConfigNode http = integration.object("http_config");
		return (http != null) ? httpClient(http) : this.global.http();
	}

	private HttpClientConfig httpClient(ConfigNode http) {
		HttpAuth auth = httpAuth(http);
		ConfigNode tls = http.object("tls_config");
		HttpClientConfig config = new HttpClientConfig(auth, (tls != null) ? tls(tls) : null, proxyUrl(http),
				http.bool("follow_redirects", true), http.bool("enable_http2", true));
		noteIgnored(http);
		return config;
	}

	// As prometheus/common: an absolute http or https URL; the proxy is sent CONNECT for
	// https receivers and the whole request for http ones.
	private static @Nullable URI proxyUrl(ConfigNode http) {
		String text = http.string("proxy_url");
		return (text == null || text.isEmpty()) ? null : httpUrl(http, "proxy_url", text);
	}

	private static @Nullable String optionalHttpUrl(ConfigNode node, String key) {
		String text = node.string(key);
		return (text != null) ? httpUrl(node, key, text).toString() : null;
	}

	private static URI httpUrl(ConfigNode node, String key, String text) {
		URI url;
		try {
			url = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw node.error(key, "invalid URL: " + ex.getReason());
		}
		if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
			throw node.error(key, key + " must be an absolute http or https URL");
		}
		return url;
	}

	// As Alertmanager 0.25's tls_config (prometheus/common); the files are read by the
	// sender, which refuses the configuration when one cannot be used.
	private TlsConfig tls(ConfigNode node) {
		String certFile = node.string("cert_file");
		String keyFile = node.string("key_file");
		if (certFile != null && keyFile == null) {
			throw node.error("key_file", "client cert file \"" + certFile + "\" specified without client key file");
		}
		if (keyFile != null && certFile == null) {
			throw node.error("cert_file", "client key file \"" + keyFile + "\" specified without client cert file");
		}
		String min = tlsVersion(node, "min_version");
		String max = tlsVersion(node, "max_version");
		if (min != null && max != null && TlsConfig.VERSIONS.indexOf(max) < TlsConfig.VERSIONS.indexOf(min)) {
			throw node.error("max_version", "max_version " + max + " is older than min_version " + min);
		}
		TlsConfig config = new TlsConfig(tlsFile(node, "ca_file"), tlsFile(node, "cert_file"),
				tlsFile(node, "key_file"), node.string("server_name"), node.bool("insecure_skip_verify", false),
				(min != null) ? min : "TLS12", max);
		node.rejectUnknownKeys();
		return config;
	}

	// A tls_config file, relative to the configuration's directory as Alertmanager's; the
	// sender reads it.
	private @Nullable String tlsFile(ConfigNode node, String key) {
		String file = node.string(key);
		if (file == null || file.isEmpty()) {
			return null;
		}
		try {
			Path path = this.directory.resolve(file);
			this.files.add(path);
			return path.toString();
		}
		catch (InvalidPathException ex) {
			throw node.error(key, "invalid path " + file);
		}
	}

	private static @Nullable String tlsVersion(ConfigNode node, String key) {
		String version = node.string(key);
		if (version != null && !TlsConfig.VERSIONS.contains(version)) {
			throw node.error(key, "unknown TLS version: " + version);
		}
		return version;
	}

	// As Alertmanager's http_config (prometheus/common): at most one of basic_auth,
	// authorization (or bearer_token) and oauth2; an authorization's type defaults to
	// Bearer and may not be Basic.
	private @Nullable HttpAuth httpAuth(ConfigNode http) {
		String token = secret(http, "bearer_token", "bearer_token_file");
		ConfigNode authorization = http.object("authorization");
		ConfigNode basic = http.object("basic_auth");
		ConfigNode oauth2 = http.object("oauth2");
		if (oauth2 != null) {
			if (basic != null || authorization != null || token != null) {
				throw http.error("oauth2", "at most one of basic_auth, oauth2 & authorization must be configured");
			}
			return oauth2(oauth2);
		}
		if (basic != null && (authorization != null || token != null)) {
			throw http.error("basic_auth",
					"at most one of basic_auth, authorization and bearer_token may be configured");
		}
		if (authorization != null && token != null) {
			throw http.error("authorization",
					"authorization is not compatible with bearer_token and bearer_token_file");
		}
		HttpAuth auth = (token != null) ? new HttpAuth.Authorization("Bearer", token) : null;
		if (authorization != null) {
			String type = authorization.string("type", "Bearer");
			if ("basic".equalsIgnoreCase(type)) {
				throw authorization.error("type", "authorization type cannot be Basic; use basic_auth instead");
			}
			String credentials = secret(authorization, "credentials", "credentials_file");
			// As Alertmanager, no credentials means no header.
			auth = (credentials == null || credentials.isEmpty()) ? null
					: new HttpAuth.Authorization(type, credentials);
			noteIgnored(authorization);
		}
		if (basic != null) {
			String username = secret(basic, "username", "username_file");
			String password = secret(basic, "password", "password_file");
			auth = new HttpAuth.Basic((username != null) ? username : "", (password != null) ? password : "");
			noteIgnored(basic);
		}
		return auth;
	}

	private HttpAuth.OAuth2 oauth2(ConfigNode node) {
		String tokenUrl = node.string("token_url");
		if (tokenUrl == null || tokenUrl.isEmpty()) {
			throw node.error("token_url", "oauth2 token_url must be configured");
		}
		httpUrl(node, "token_url", tokenUrl);
		String secret = secret(node, "client_secret", "client_secret_file");
		// Its own tls_config and proxy_url, as prometheus/common: the token request does
		// not use the integration's.
		ConfigNode tls = node.object("tls_config");
		HttpAuth.OAuth2 oauth2 = new HttpAuth.OAuth2(node.string("client_id", ""), (secret != null) ? secret : "",
				node.strings("scopes", List.of()), tokenUrl, node.stringMap("endpoint_params"),
				(tls != null) ? tls(tls) : null, proxyUrl(node));
		noteIgnored(node);
		return oauth2;
	}

	// Reads a secret given inline or, as Alertmanager's *_file fields, from a file (a
	// relative path is relative to the configuration's directory, as Alertmanager's);
	// the file is read at load and its content never appears in messages.
	private @Nullable String secret(ConfigNode node, String key, String fileKey) {
		if (!SECRET_KEYS.contains(key) && !key.equals("username")) {
			throw new IllegalStateException(key + " is read as a secret but not masked: add it to SECRET_KEYS");
		}
		String value = node.string(key);
		String file = node.string(fileKey);
		if (value != null && file != null) {
			throw node.error(fileKey, "at most one of " + key + " and " + fileKey + " must be configured");
		}
		return (file != null) ? fileText(node, fileKey, file).strip() : value;
	}

	// Reads a file a key names, relative to the configuration's directory, and watches
	// it for reloads; a failure's message does not quote its content.
	private String fileText(ConfigNode node, String key, String file) {
		Path path;
		try {
			path = this.directory.resolve(file);
		}
		catch (InvalidPathException ex) {
			throw node.error(key, "invalid path " + file);
		}
		this.files.add(path);
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException | RuntimeException ex) {
			throw node.error(key, "cannot read " + file + ": " + ex.getClass().getSimpleName());
		}
	}

	private void noteIgnored(ConfigNode node) {
		for (String key : node.unreadKeys()) {
			this.notes.add(node.child(key) + ": accepted and ignored");
		}
	}

	/**
	 * Global is what the {@code global} section sets for receivers that set nothing of
	 * their own; without the section, Alertmanager's defaults.
	 */
	private record Global(@Nullable Duration resolveTimeout, HttpClientConfig http, @Nullable String smtpFrom,
			String smtpHello, @Nullable String smtpSmarthost, @Nullable String smtpAuthUsername,
			@Nullable String smtpAuthPassword, @Nullable String smtpAuthIdentity, @Nullable String smtpAuthSecret,
			boolean smtpRequireTls, @Nullable String slackApiUrl, String pagerdutyUrl, @Nullable String opsgenieApiKey,
			String opsgenieApiUrl, String webexApiUrl, @Nullable String victorOpsApiKey, String victorOpsApiUrl,
			String telegramApiUrl, String wechatApiUrl, @Nullable String wechatApiSecret,
			@Nullable String wechatApiCorpId, String rocketChatApiUrl, @Nullable String rocketChatToken,
			@Nullable String rocketChatTokenId, @Nullable String jiraApiUrl) {

		static final Global NONE = new Global(null, HttpClientConfig.NONE, null, "localhost", null, null, null, null,
				null, true, null, PagerdutyConfig.DEFAULT_URL, null, OpsgenieConfig.DEFAULT_URL,
				WebexConfig.DEFAULT_URL, null, VictorOpsConfig.DEFAULT_URL, TelegramConfig.DEFAULT_URL,
				WechatConfig.DEFAULT_URL, null, null, RocketChatConfig.DEFAULT_URL, null, null, null);

	}

}
