package io.zgw.alerts.template;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * GoTime is a Go {@code time.Time} in UTC as templates see {@code .StartsAt} and
 * {@code .EndsAt}: it prints as Go does and has {@code .Format "layout"} with Go's
 * reference-time layouts, {@code .Unix}, {@code .UnixMilli}, {@code .UTC} and
 * {@code .IsZero}.
 *
 * @param instant the instant; 0001-01-01T00:00:00Z is Go's zero time
 */
public record GoTime(Instant instant) implements TemplateValue {

	// Go's zero time, January 1, year 1, UTC.
	private static final Instant ZERO = Instant.parse("0001-01-01T00:00:00Z");

	// The layouts of Go's time.Time.String and time.RFC3339Nano.
	private static final String STRING_LAYOUT = "2006-01-02 15:04:05.999999999 -0700 MST";

	private static final String RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00";

	// Layout elements, longest first where one is a prefix of another, as Go matches
	// them.
	private static final List<String> ELEMENTS = List.of("January", "Jan", "Monday", "Mon", "MST", "2006", "002", "01",
			"02", "03", "04", "05", "06", "15", "1", "2", "3", "4", "5", "__2", "_2", "PM", "pm", "-07:00:00",
			"-070000", "-07:00", "-0700", "-07", "Z07:00:00", "Z070000", "Z07:00", "Z0700", "Z07");

	/** Returns the time of an instant, or Go's zero time for null. */
	public static GoTime of(@Nullable Instant instant) {
		return new GoTime((instant != null) ? instant : ZERO);
	}

	/** Returns the time as Go's {@code time.RFC3339Nano}, as in webhook payloads. */
	public String rfc3339Nano() {
		return format(RFC3339_NANO);
	}

	@Override
	public @Nullable Object field(String name) {
		return switch (name) {
			case "Unix" -> this.instant.getEpochSecond();
			case "UnixMilli" -> this.instant.toEpochMilli();
			case "UTC" -> this;
			case "IsZero" -> this.instant.equals(ZERO);
			case "String" -> toString();
			case "Format" -> throw TemplateValue.wrongArgs(name, 1, List.of());
			default -> throw TemplateValue.noSuchField(name, this);
		};
	}

	@Override
	public @Nullable Object method(String name, List<@Nullable Object> args) {
		if (!name.equals("Format")) {
			return TemplateValue.super.method(name, args);
		}
		if (args.size() != 1) {
			throw TemplateValue.wrongArgs(name, 1, args);
		}
		return format(Functions.string(args.get(0)));
	}

	// Formats the time with a Go layout such as "2006-01-02 15:04:05".
	private String format(String layout) {
		ZonedDateTime t = this.instant.atZone(ZoneOffset.UTC);
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < layout.length()) {
			int fraction = fractionLength(layout, i);
			if (fraction > 0) {
				appendFraction(out, layout.charAt(i), layout.charAt(i + 1) == '9', fraction, t.getNano());
				i += fraction + 1;
				continue;
			}
			String element = element(layout, i);
			if (element == null) {
				out.append(layout.charAt(i++));
				continue;
			}
			out.append(value(element, t));
			i += element.length();
		}
		return out.toString();
	}

	private static @Nullable String element(String layout, int at) {
		for (String element : ELEMENTS) {
			if (layout.startsWith(element, at)) {
				return element;
			}
		}
		return null;
	}

	private static String value(String element, ZonedDateTime t) {
		int hour12 = (t.getHour() % 12 == 0) ? 12 : t.getHour() % 12;
		return switch (element) {
			case "January" -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
			case "Jan" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
			case "Monday" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
			case "Mon" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
			case "MST" -> "UTC";
			case "2006" -> String.format("%04d", t.getYear());
			case "002" -> String.format("%03d", t.getDayOfYear());
			case "__2" -> String.format("%3d", t.getDayOfYear());
			case "01" -> String.format("%02d", t.getMonthValue());
			case "02" -> String.format("%02d", t.getDayOfMonth());
			case "_2" -> String.format("%2d", t.getDayOfMonth());
			case "03" -> String.format("%02d", hour12);
			case "04" -> String.format("%02d", t.getMinute());
			case "05" -> String.format("%02d", t.getSecond());
			case "06" -> String.format("%02d", t.getYear() % 100);
			case "15" -> String.format("%02d", t.getHour());
			case "1" -> Integer.toString(t.getMonthValue());
			case "2" -> Integer.toString(t.getDayOfMonth());
			case "3" -> Integer.toString(hour12);
			case "4" -> Integer.toString(t.getMinute());
			case "5" -> Integer.toString(t.getSecond());
			case "PM" -> (t.getHour() < 12) ? "AM" : "PM";
			case "pm" -> (t.getHour() < 12) ? "am" : "pm";
			// Times are in UTC: numeric zones are zero, Z zones are "Z".
			default -> element.startsWith("Z") ? "Z" : element.replaceAll("\\d", "0").replace('-', '+');
		};
	}

	// Go's fractional seconds: "." or "," then a run of 0s or 9s not followed by a digit.
	private static int fractionLength(String layout, int at) {
		char c = layout.charAt(at);
		if ((c != '.' && c != ',') || at + 1 >= layout.length()) {
			return 0;
		}
		char digit = layout.charAt(at + 1);
		if (digit != '0' && digit != '9') {
			return 0;
		}
		int end = at + 1;
		while (end < layout.length() && layout.charAt(end) == digit) {
			end++;
		}
		return (end < layout.length() && Character.isDigit(layout.charAt(end))) ? 0 : end - at - 1;
	}

	private static void appendFraction(StringBuilder out, char separator, boolean trim, int digits, int nanos) {
		String fraction = String.format("%09d", nanos).substring(0, Math.min(digits, 9));
		if (trim) {
			fraction = fraction.replaceAll("0+$", "");
			if (fraction.isEmpty()) {
				return;
			}
		}
		out.append(separator).append(fraction);
	}

	@Override
	public String toString() {
		return format(STRING_LAYOUT);
	}

}
