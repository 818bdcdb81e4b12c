package io.zgw.alerts.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.ConfigLoader;
import io.zgw.alerts.model.Alert;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.silence.Silencer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests a route's {@code flap_detection} (zgw extension): an alert that keeps starting to
 * fire is held firing, and marked, until it has stayed resolved for the calm period; a
 * steady one is notified as in Alertmanager.
 */
class FlapDetectionTest {

	private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

	private static final AlertmanagerConfig CONFIG = ConfigLoader.load("""
			route:
			  receiver: team
			  group_by: [alertname]
			  group_wait: 30s
			  group_interval: 5m
			  repeat_interval: 4h
			  flap_detection: {starts: 3, within: 1h, calm: 30m}
			  routes:
			    - matchers: [service=steady]
			      flap_detection: false
			receivers:
			  - {name: team, webhook_configs: [{url: 'http://127.0.0.1:1/team'}]}
			""");

	private final InMemoryNotificationLog log = new InMemoryNotificationLog();

	private Dispatcher dispatcher = new Dispatcher(CONFIG, Silencer.NONE, this.log);

	// Fires at each of the minutes and resolves seven minutes later: 10:00, 10:14, ...
	private static TreeMap<Integer, Alert> flaps(String service, int... firesAt) {
		TreeMap<Integer, Alert> changes = new TreeMap<>();
		LabelSet labels = LabelSet.of(Map.of("alertname", "DiskLatency", "service", service));
		for (int minute : firesAt) {
			Instant start = T0.plus(Duration.ofMinutes(minute));
			Instant end = start.plus(Duration.ofMinutes(7));
			changes.put(minute, new Alert(labels, Map.of(), start, null, "", start));
			changes.put(minute + 7, new Alert(labels, Map.of(), start, end, "", end));
		}
		return changes;
	}

	// Plays the changes minute by minute from T0 for two hours, flushing when due, and
	// returns each notification as "minute:status", with "+flapping" when marked.
	private List<String> play(TreeMap<Integer, Alert> changes, int fromMinute, int toMinute) {
		List<String> sent = new ArrayList<>();
		for (int minute = fromMinute; minute <= toMinute; minute++) {
			Instant now = T0.plus(Duration.ofMinutes(minute));
			Alert change = changes.get(minute);
			if (change != null) {
				this.dispatcher.receive(change, now);
			}
			// Flushes fall 30 s into a minute.
			for (Notification n : this.dispatcher.tick(now.plusSeconds(30))) {
				boolean flapping = n.alerts().stream().anyMatch((a) -> a.annotations().containsKey("flapping"));
				sent.add(minute + ":" + n.status() + (flapping ? "+flapping" : ""));
			}
		}
		return sent;
	}

	@Test
	void anAlertThatKeepsStartingIsHeldFiringUntilItHasStayedResolvedForTheCalmPeriod() {
		// Four starts 14 minutes apart: the third within the hour makes it flapping, and
		// its resolutions wait 30 minutes; the last one (10:49) goes out at the first
		// flush after 11:19. Each resolution notified ends its group, so the next start
		// makes a new group, notified after group_wait.
		assertThat(play(flaps("db", 0, 14, 28, 42), 0, 120)).containsExactly("0:firing", "10:resolved", "14:firing",
				"24:resolved", "28:firing+flapping", "83:resolved+flapping");
	}

	@Test
	void withFlapDetectionOffEveryChangeIsNotifiedAsInAlertmanager() {
		assertThat(play(flaps("steady", 0, 14, 28, 42), 0, 120)).containsExactly("0:firing", "10:resolved", "14:firing",
				"24:resolved", "28:firing", "38:resolved", "42:firing", "52:resolved");
	}

	@Test
	void startsSpreadWiderThanTheWindowAreNotFlapping() {
		assertThat(play(flaps("db", 0, 40, 80), 0, 130)).containsExactly("0:firing", "10:resolved", "40:firing",
				"50:resolved", "80:firing", "90:resolved");
	}

	@Test
	void aReloadKeepsTheStartsSeenSoFar() {
		TreeMap<Integer, Alert> changes = flaps("db", 0, 14, 28);
		assertThat(play(changes, 0, 20)).containsExactly("0:firing", "10:resolved", "14:firing");
		Dispatcher reloaded = new Dispatcher(CONFIG, Silencer.NONE, this.log);
		reloaded.takeStartsFrom(this.dispatcher);
		// The reload feeds the stored alert again, as the gateway does.
		reloaded.receive(changes.get(21), T0.plus(Duration.ofMinutes(21)));
		this.dispatcher = reloaded;
		assertThat(play(changes, 22, 60)).containsExactly("22:resolved", "28:firing+flapping");
	}

}
