package io.zgw.alerts.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.ConfigLoader;
import io.zgw.alerts.matcher.Matchers;
import io.zgw.alerts.model.Alert;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.routing.RouteOptions;
import io.zgw.alerts.silence.Silence;
import io.zgw.alerts.silence.Silencer;
import io.zgw.alerts.silence.Silences;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DispatcherTest {

	// Monday 2026-11-30 10:00 UTC.
	private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

	private static final String CONFIG = """
			route:
			  receiver: team
			  group_by: [alertname]
			  group_wait: 30s
			  group_interval: 5m
			  repeat_interval: 1h
			  routes:
			    - matchers: [severity=critical]
			      receiver: pager
			      continue: true
			    - matchers: [service=batch]
			      receiver: quiet
			      mute_time_intervals: [nights]
			    - matchers: [service=office]
			      receiver: team
			      active_time_intervals: [office-hours]
			    - matchers: [service=legacy]
			      receiver: team
			      notify_resolved_when_muted: false
			    - matchers: [service=legacy-batch]
			      receiver: quiet
			      mute_time_intervals: [nights]
			      notify_resolved_when_muted: false
			    - matchers: [service=flappy]
			      receiver: quiet
			      resolve_delay: 10m
			      routes:
			        - matchers: [tier=gold]
			    - matchers: [service=oncall]
			      receiver: team
			      repeat_acknowledged: false
			inhibit_rules:
			  - source_matchers: [alertname=ShardDown]
			    target_matchers: [alertname!=ShardDown]
			    equal: [shard]
			time_intervals:
			  - name: nights
			    time_intervals:
			      - times: [{start_time: '00:00', end_time: '06:00'}]
			  - name: office-hours
			    time_intervals:
			      - weekdays: ['monday:friday']
			        times: [{start_time: '09:00', end_time: '17:00'}]
			receivers:
			  - name: team
			    webhook_configs:
			      - url: http://127.0.0.1:1/team
			        max_alerts: 2
			  - name: pager
			    webhook_configs:
			      - url: http://127.0.0.1:1/pager
			        send_resolved: false
			  - name: quiet
			    webhook_configs:
			      - url: http://127.0.0.1:1/quiet
			""";

	private final AlertmanagerConfig config = ConfigLoader.load(CONFIG);

	private final Silences silences = new Silences(this.config.timeIntervals());

	private final InMemoryNotificationLog log = new InMemoryNotificationLog();

	private Dispatcher dispatcher = new Dispatcher(this.config, this.silences, this.log);

	private static Alert firing(String labels, Instant startsAt, Instant receivedAt) {
		return new Alert(labels(labels), Map.of("summary", "it broke"), startsAt, null, "http://gen/x", receivedAt);
	}

	private static Alert resolved(Alert alert, Instant endsAt) {
		return new Alert(alert.labels(), alert.annotations(), alert.startsAt(), endsAt, alert.generatorUrl(), endsAt);
	}

	private static LabelSet labels(String text) {
		Map<String, String> map = new HashMap<>();
		for (String pair : text.split(" ")) {
			String[] parts = pair.split("=", 2);
			map.put(parts[0], parts[1]);
		}
		return LabelSet.of(map);
	}

	private static List<String> names(Notification notification) {
		return notification.alerts().stream().map((a) -> a.labels().get("instance")).toList();
	}

	@Test
	void waitsGroupWaitBeforeTheFirstNotification() {
		this.dispatcher.receive(firing("alertname=Load instance=a", T0, T0), T0);
		assertThat(this.dispatcher.tick(T0)).isEmpty();
		assertThat(this.dispatcher.nextFlush()).contains(T0.plusSeconds(30));
		assertThat(this.dispatcher.tick(T0.plusSeconds(29))).isEmpty();
		List<Notification> sent = this.dispatcher.tick(T0.plusSeconds(30));
		assertThat(sent).singleElement().satisfies((n) -> {
			assertThat(n.receiver()).isEqualTo("team");
			assertThat(n.groupKey()).isEqualTo("{}:{alertname=\"Load\"}");
			assertThat(n.status()).isEqualTo("firing");
			assertThat(n.integrationKey()).isEqualTo("team/webhook/0");
		});
		assertThat(this.dispatcher.nextFlush()).contains(T0.plusSeconds(30).plus(Duration.ofMinutes(5)));
	}

	@Test
	void aLimitedTickFlushesTheEarliestDueGroupsAndLeavesTheRestDue() {
		this.dispatcher.receive(firing("alertname=C instance=a", T0.plusSeconds(2), T0.plusSeconds(2)),
				T0.plusSeconds(2));
		this.dispatcher.receive(firing("alertname=A instance=a", T0, T0), T0);
		this.dispatcher.receive(firing("alertname=B instance=a", T0.plusSeconds(1), T0.plusSeconds(1)),
				T0.plusSeconds(1));
		Instant late = T0.plusSeconds(40);
		List<Notification> first = this.dispatcher.tick(late, (n) -> {
		}, 2);
		assertThat(first).extracting(Notification::groupKey)
			.containsExactly("{}:{alertname=\"A\"}", "{}:{alertname=\"B\"}");
		assertThat(this.dispatcher.nextFlush()).as("the third group is still due").contains(T0.plusSeconds(32));
		assertThat(this.dispatcher.tick(late, (n) -> {
		}, 2)).extracting(Notification::groupKey).containsExactly("{}:{alertname=\"C\"}");
		assertThat(this.dispatcher.tick(late, (n) -> {
		}, 2)).isEmpty();
	}

	@Test
	void newAlertInAFlushedGroupWaitsForGroupInterval() {
		this.dispatcher.receive(firing("alertname=Load instance=a", T0, T0), T0);
		this.dispatcher.tick(T0.plusSeconds(30));
		Instant t1 = T0.plusSeconds(60);
		this.dispatcher.receive(firing("alertname=Load instance=b", t1, t1), t1);
		assertThat(this.dispatcher.tick(T0.plusSeconds(329))).isEmpty();
		assertThat(this.dispatcher.tick(T0.plusSeconds(330))).singleElement()
			.satisfies((n) -> assertThat(names(n)).containsExactly("a", "b"));
	}

	@Test
	void unchangedGroupRepeatsOnlyAfterRepeatInterval() {
		this.dispatcher.receive(firing("alertname=Load instance=a", T0, T0), T0);
		Instant flush = T0.plusSeconds(30);
		int notifications = this.dispatcher.tick(flush).size();
		for (int i = 1; i <= 12; i++) {
			notifications += this.dispatcher.tick(flush.plus(Duration.ofMinutes(5L * i))).size();
		}
		// One at the first flush, none for 1 h; the flush at exactly 1 h is not past it.
		assertThat(notifications).isEqualTo(1);
		assertThat(this.dispatcher.tick(flush.plus(Duration.ofMinutes(65)))).hasSize(1);
	}

	@Test
	void groupsAreKeyedByRouteAndGroupLabels() {
		this.dispatcher.receive(firing("alertname=Load instance=a", T0, T0), T0);
		this.dispatcher.receive(firing("alertname=Disk instance=a", T0, T0), T0);
		this.dispatcher.receive(firing("alertname=Load instance=b", T0, T0), T0);
		assertThat(this.dispatcher.groups()).extracting(GroupSnapshot::groupKey)
			.containsExactly("{}:{alertname=\"Disk\"}", "{}:{alertname=\"Load\"}");
		assertThat(this.dispatcher.tick(T0.plusSeconds(30))).hasSize(2);
	}

	@Test
	void alertRoutedToTwoRoutesJoinsTwoGroups() {
		this.dispatcher.receive(firing("alertname=Load severity=critical service=batch instance=a", T0, T0), T0);
		List<Notification> sent = this.dispatcher.tick(T0.plusSeconds(30));
		assertThat(sent).extracting(Notification::groupKey)
			.containsExactlyInAnyOrder("{}/{severity=\"critical\"}:{alertname=\"Load\"}",
					"{}/{service=\"batch\"}:{alertname=\"Load\"}");
		assertThat(sent).extracting(Notification::receiver).containsExactlyInAnyOrder("pager", "quiet");
	}

	@Test
	void resolvedAlertIsNotifiedOnceAndLeavesTheGroup() {
		Alert a = firing("alertname=Load instance=a", T0, T0);
		this.dispatcher.receive(a, T0);
		this.dispatcher.tick(T0.plusSeconds(30));
		Instant end = T0.plusSeconds(100);
		this.dispatcher.receive(resolved(a, end), end);
		List<Notification> sent = this.dispatcher.tick(T0.plusSeconds(330));
		assertThat(sent).singleElement().satisfies((n) -> {
			assertThat(n.status()).isEqualTo("resolved");
			assertThat(n.resolved()).hasSize(1);
		});
		assertThat(this.dispatcher.groups()).isEmpty();
		assertThat(this.dispatcher.nextFlush()).isEmpty();
	}

	@Test
	void receiverWithoutSendResolvedGetsNoResolvedMessageButRefiringIsNotifiedAgain() {
		Alert a = firing("alertname=Load severity=critical service=batch instance=a", T0, T0);
		this.dispatcher.receive(a, T0);
		this.dispatcher.tick(T0.plusSeconds(30));
		this.dispatcher.receive(resolved(a, T0.plusSeconds(60)), T0.plusSeconds(60));
		List<Notification> atResolve = this.dispatcher.tick(T0.plusSeconds(330));
		assertThat(atResolve).extracting(Notification::receiver).containsExactly("quiet");
		assertThat(
				this.log.get("{}/{severity=\"critical\"}:{alertname=\"Load\"}", "pager/webhook/0", T0.plusSeconds(330)))
			.hasValueSatisfying((entry) -> assertThat(entry.firing()).isEmpty());
		Instant again = T0.plusSeconds(400);
		this.dispatcher.receive(firing("alertname=Load severity=critical service=batch instance=a", again, again),
				again);
		assertThat(this.dispatcher.tick(again.plusSeconds(30))).extracting(Notification::receiver)
			.containsExactlyInAnyOrder("pager", "quiet");
	}

	@Test
	void alertThatFiredAndResolvedBetweenFlushesIsNotNotified() {
		Alert a = firing("alertname=Load instance=a", T0, T0);
		this.dispatcher.receive(a, T0);
		this.dispatcher.receive(resolved(a, T0.plusSeconds(10)), T0.plusSeconds(10));
		assertThat(this.dispatcher.tick(T0.plusSeconds(30))).isEmpty();
		assertThat(this.dispatcher.groups()).isEmpty();
	}

	@Test
	void inhibitedAndSilencedAlertsAreRemovedFromTheNotification() {
		this.dispatcher.receive(firing("alertname=ShardDown shard=pay instance=z", T0, T0), T0);
		this.dispatcher.receive(firing("alertname=Load shard=pay instance=a", T0, T0), T0);
		this.dispatcher.receive(firing("alertname=Load shard=shop instance=b", T0, T0), T0);
		this.dispatcher.receive(firing("alertname=Load shard=shop instance=c", T0, T0), T0);
		this.silences.put(new Silence("s1", Matchers.parse("instance=c"), T0, T0.plusSeconds(3600), "bob", "", null));
		List<Notification> sent = this.dispatcher.tick(T0.plusSeconds(30));
		assertThat(sent).filteredOn((n) -> n.groupKey().contains("Load"))
			.singleElement()
			.satisfies((n) -> assertThat(names(n)).containsExactly("b"));
		assertThat(this.dispatcher.muting(labels("alertname=Load shard=pay instance=a"), T0).inhibitedBy())
			.isEqualTo(labels("alertname=ShardDown shard=pay instance=z").fingerprintHex());
		assertThat(this.dispatcher.muting(labels("alertname=Load shard=shop instance=c"), T0).silencedBy())
			.containsExactly("s1");
	}

	@Test
	void inhibitedAlertIsNotifiedOnceItsSourceResolves() {
		Alert down = firing("alertname=ShardDown shard=pay instance=z", T0, T0);
		this.dispatcher.receive(down, T0);
		this.dispatcher.receive(firing("alertname=Load shard=pay instance=a", T0, T0), T0);
		assertThat(this.dispatcher.tick(T0.plusSeconds(30))).filteredOn((n) -> n.groupKey().contains("Load")).isEmpty();
		Instant recovered = T0.plusSeconds(100);
		this.dispatcher.receive(resolved(down, recovered), recovered);
		assertThat(this.dispatcher.muting(labels("alertname=Load shard=pay instance=a"), recovered).inhibitedBy())
			.isNull();
		assertThat(this.dispatcher.tick(T0.plusSeconds(330))).filteredOn((n) -> n.groupKey().contains("Load"))
			.singleElement()
			.satisfies((n) -> assertThat(names(n)).containsExactly("a"));
	}

	@Test
	void fullyMutedGroupSendsNothing() {
		this.dispatcher.receive(firing("alertname=Load instance=c", T0, T0), T0);
		this.silences.put(new Silence("s1", Matchers.parse("instance=c"), T0, T0.plusSeconds(3600), "bob", "", null));
		assertThat(this.dispatcher.tick(T0.plusSeconds(30))).isEmpty();
		assertThat(this.log.size()).isZero();
	}

	@Test
	void alertNotifiedFiringThenSilencedStillGetsItsResolvedNotification() {
		Alert a = firing("alertname=Load instance=a", T0, T0);
		this.dispatcher.receive(a, T0);
		assertThat(this.dispatcher.tick(T0.plusSeconds(30))).hasSize(1);
		this.silences.put(new Silence("s1", Matchers.parse("instance=a"), T0.plusSeconds(40), T0.plusSeconds(7200),
				"bob", "", null));
		this.dispatcher.receive(resolved(a, T0.plusSeconds(60)), T0.plusSeconds(60));
		assertThat(this.dispatcher.tick(T0.plusSeconds(330))).singleElement()
			.satisfies((n) -> assertThat(n.status()).isEqualTo("resolved"));
	}

	@Test
	void alertNotifiedFiringThenInhibitedStillGetsItsResolvedNotification() {
		Alert load = firing("alertname=Load shard=pay instance=a", T0, T0);
		this.dispatcher.receive(load, T0);
		assertThat(this.dispatcher.tick(T0.plusSeconds(30))).hasSize(1);
		Instant down = T0.plusSeconds(40);
		this.dispatcher.receive(firing("alertname=ShardDown shard=pay instance=z", down, down), down);
		this.dispatcher.receive(resolved(load, T0.plusSeconds(60)), T0.plusSeconds(60));
		List<Notification> sent = this.dispatcher.tick(T0.plusSeconds(330));
		assertThat(sent).filteredOn((n) -> n.groupKey().contains("Load"))
			.singleElement()
			.satisfies((n) -> assertThat(n.status()).isEqualTo("resolved"));
	}

	@Test
	void mutedAlertStaysKnownAcrossRepeatsAndLongSilencesUntilItResolves() {
		Alert a = firing("alertname=Load instance=a", T0, T0);
		this.dispatcher.receive(a, T0);
		this.dispatcher.receive(firing("alertname=Load instance=b", T0, T0), T0);
		this.dispatcher.tick(T0.plusSeconds(30));
		this.silences.put(new Silence("s1", Matchers.parse("instance=a"), T0.plusSeconds(40),
				T0.plus(Duration.ofDays(2)), "bob", "", null));
		// A repeat after 1 h tells about b only, but a stays logged as notified.
		List<Notification> repeats = new ArrayList<>();
		Instant t = T0.plusSeconds(30);
		for (int i = 1; i <= 13; i++) {
			repeats.addAll(this.dispatcher.tick(t.plus(Duration.ofMinutes(5L * i))));
		}
		assertThat(repeats).singleElement().satisfies((n) -> assertThat(names(n)).containsExactly("b"));
		// b resolves: a fully muted group keeps its log entry alive for a day.
		Instant bEnd = t.plus(Duration.ofMinutes(70));
		this.dispatcher.receive(resolved(firing("alertname=Load instance=b", T0, T0), bEnd), bEnd);
		for (int i = 15; i <= 300; i++) {
			this.dispatcher.tick(t.plus(Duration.ofMinutes(5L * i)));
		}
		Instant aEnd = t.plus(Duration.ofMinutes(1502));
		this.dispatcher.receive(resolved(a, aEnd), aEnd);
		assertThat(this.dispatcher.tick(t.plus(Duration.ofMinutes(1505)))).singleElement().satisfies((n) -> {
			assertThat(n.status()).isEqualTo("resolved");
			assertThat(names(n)).containsExactly("a");
		});
	}

	@Test
	void withTheExtensionOffSilencedResolvedAlertIsDroppedAsInAlertmanager() {
		Alert a = firing("alertname=Old service=legacy instance=a", T0, T0);
		this.dispatcher.receive(a, T0);
		assertThat(this.dispatcher.tick(T0.plusSeconds(30))).hasSize(1);
		this.silences.put(new Silence("s1", Matchers.parse("instance=a"), T0.plusSeconds(40), T0.plusSeconds(7200),
				"bob", "", null));
		this.dispatcher.receive(resolved(a, T0.plusSeconds(60)), T0.plusSeconds(60));
		assertThat(this.dispatcher.tick(T0.plusSeconds(330))).isEmpty();
		assertThat(this.dispatcher.groups()).isEmpty();
	}

	@Test
	void muteTimeIntervalHoldsNotificationsUntilItEnds() {
		Instant night = Instant.parse("2026-11-30T05:50:00Z");
		this.dispatcher.receive(firing("alertname=Backup service=batch instance=a", night, night), night);
		assertThat(this.dispatcher.tick(night.plusSeconds(30))).isEmpty();
		assertThat(this.dispatcher.tick(night.plusSeconds(330))).isEmpty();
		assertThat(this.dispatcher.tick(night.plusSeconds(630))).singleElement()
			.satisfies((n) -> assertThat(n.receiver()).isEqualTo("quiet"));
	}

	// Ticks every 5 minutes (the group_interval) from "from" to "until", both
	// included, and returns what was sent.
	private List<Notification> tickEvery5Minutes(Instant from, Instant until) {
		List<Notification> sent = new ArrayList<>();
		for (Instant t = from; !t.isAfter(until); t = t.plus(Duration.ofMinutes(5))) {
			sent.addAll(this.dispatcher.tick(t));
		}
		return sent;
	}

	@Test
	void alertResolvedDuringMuteTimeIsSentResolvedWhenTheMuteEnds() {
		Instant evening = Instant.parse("2026-11-29T23:40:00Z");
		Alert a = firing("alertname=Backup service=batch instance=a", evening, evening);
		this.dispatcher.receive(a, evening);
		this.dispatcher.receive(firing("alertname=Backup service=batch instance=b", evening, evening), evening);
		assertThat(this.dispatcher.tick(evening.plusSeconds(30))).singleElement()
			.satisfies((n) -> assertThat(names(n)).containsExactly("a", "b"));
		// Muted from 00:00 to 06:00; a resolves at 01:00, longer before the mute ends
		// than the log entry would live (twice the 1 h repeat_interval).
		Instant aEnd = Instant.parse("2026-11-30T01:00:00Z");
		this.dispatcher.receive(resolved(a, aEnd), aEnd);
		Instant firstFlush = evening.plusSeconds(330);
		assertThat(tickEvery5Minutes(firstFlush, Instant.parse("2026-11-30T05:59:00Z"))).isEmpty();
		assertThat(this.dispatcher.alerts()).hasSize(2);
		List<Notification> morning = tickEvery5Minutes(Instant.parse("2026-11-30T06:00:30Z"),
				Instant.parse("2026-11-30T06:30:00Z"));
		assertThat(morning).singleElement().satisfies((n) -> {
			assertThat(n.receiver()).isEqualTo("quiet");
			assertThat(n.resolved()).extracting((alert) -> alert.labels().get("instance")).containsExactly("a");
			assertThat(n.firing()).extracting((alert) -> alert.labels().get("instance")).containsExactly("b");
		});
		assertThat(this.dispatcher.alerts()).extracting((alert) -> alert.labels().get("instance")).containsExactly("b");
	}

	@Test
	void alertFiredAndResolvedWithinMuteTimeIsForgotten() {
		Instant night = Instant.parse("2026-11-30T01:00:00Z");
		Alert a = firing("alertname=Backup service=batch instance=a", night, night);
		this.dispatcher.receive(a, night);
		this.dispatcher.receive(resolved(a, night.plusSeconds(600)), night.plusSeconds(600));
		assertThat(tickEvery5Minutes(night.plusSeconds(30), Instant.parse("2026-11-30T07:00:00Z"))).isEmpty();
		assertThat(this.dispatcher.groups()).isEmpty();
	}

	@Test
	void withTheExtensionOffResolvedDuringMuteTimeIsDroppedAsInAlertmanager() {
		Instant evening = Instant.parse("2026-11-29T23:40:00Z");
		Alert a = firing("alertname=Backup service=legacy-batch instance=a", evening, evening);
		this.dispatcher.receive(a, evening);
		assertThat(this.dispatcher.tick(evening.plusSeconds(30))).hasSize(1);
		Instant aEnd = Instant.parse("2026-11-30T01:00:00Z");
		this.dispatcher.receive(resolved(a, aEnd), aEnd);
		assertThat(tickEvery5Minutes(evening.plusSeconds(330), Instant.parse("2026-11-30T07:00:00Z"))).isEmpty();
		assertThat(this.dispatcher.groups()).isEmpty();
	}

	// Plays a flapping alert from noon: firing, resolved at 1 min, firing again at
	// 6:40, resolved again at 11:40, with its group flushed every 5 minutes from 0:30
	// to 15:30; returns what was sent.
	private List<Notification> flap(String labels) {
		Instant noon = Instant.parse("2026-11-30T12:00:00Z");
		Alert first = firing(labels, noon, noon);
		this.dispatcher.receive(first, noon);
		List<Notification> sent = new ArrayList<>(this.dispatcher.tick(noon.plusSeconds(30)));
		this.dispatcher.receive(resolved(first, noon.plusSeconds(60)), noon.plusSeconds(60));
		sent.addAll(this.dispatcher.tick(noon.plusSeconds(330)));
		Alert second = firing(labels, noon.plusSeconds(400), noon.plusSeconds(400));
		this.dispatcher.receive(second, noon.plusSeconds(400));
		sent.addAll(this.dispatcher.tick(noon.plusSeconds(630)));
		this.dispatcher.receive(resolved(second, noon.plusSeconds(700)), noon.plusSeconds(700));
		sent.addAll(this.dispatcher.tick(noon.plusSeconds(930)));
		return sent;
	}

	@Test
	void resolveDelayTurnsAFlappingAlertIntoOneFiringAndOneResolvedNotification() {
		// With a 10 min resolve_delay the receiver hears nothing more until 21:40 has
		// passed.
		assertThat(flap("alertname=Disk service=flappy instance=a")).singleElement()
			.satisfies((n) -> assertThat(n.status()).isEqualTo("firing"));
		Instant noon = Instant.parse("2026-11-30T12:00:00Z");
		assertThat(this.dispatcher.tick(noon.plusSeconds(1230))).isEmpty();
		assertLastResolution(noon.plusSeconds(1530), "a");
	}

	// The flush at "at" notifies the instance resolved, after which no group is left.
	private void assertLastResolution(Instant at, String instance) {
		assertThat(this.dispatcher.tick(at)).singleElement().satisfies((n) -> {
			assertThat(n.status()).isEqualTo("resolved");
			assertThat(names(n)).containsExactly(instance);
		});
		assertThat(this.dispatcher.groups()).isEmpty();
	}

	// From noon an alert fires, is notified at its group's first flush (0:30) and
	// resolves at 1:00; returns noon.
	private Instant notifiedFiringThenResolved(String labels) {
		Instant noon = Instant.parse("2026-11-30T12:00:00Z");
		Alert alert = firing(labels, noon, noon);
		this.dispatcher.receive(alert, noon);
		assertThat(this.dispatcher.tick(noon.plusSeconds(30))).hasSize(1);
		this.dispatcher.receive(resolved(alert, noon.plusSeconds(60)), noon.plusSeconds(60));
		return noon;
	}

	@Test
	void resolveDelayIsInheritedAndWaitsOnlyForAlertsTheReceiverWasToldFire() {
		Instant noon = notifiedFiringThenResolved("alertname=Disk service=flappy tier=gold instance=a");
		// Fired and resolved before its group's first flush: nobody was told, nothing
		// waits.
		Alert brief = firing("alertname=Brief service=flappy tier=gold instance=b", noon.plusSeconds(40),
				noon.plusSeconds(40));
		this.dispatcher.receive(brief, noon.plusSeconds(40));
		this.dispatcher.receive(resolved(brief, noon.plusSeconds(50)), noon.plusSeconds(50));
		assertThat(this.dispatcher.tick(noon.plusSeconds(70))).isEmpty();
		assertThat(this.dispatcher.tick(noon.plusSeconds(330))).isEmpty();
		assertThat(this.dispatcher.alerts()).extracting((alert) -> alert.labels().get("instance")).containsExactly("a");
		assertThat(this.dispatcher.tick(noon.plusSeconds(630))).isEmpty();
		assertLastResolution(noon.plusSeconds(930), "a");
	}

	@Test
	void anAlertWhoseResolutionWaitsIsShownFiringInItsGroupsMessages() {
		Instant noon = notifiedFiringThenResolved("alertname=Disk service=flappy instance=a");
		// b fires in the same group while a's resolution waits: the message lists both
		// firing, a with no end, as the receiver was last told.
		Alert b = firing("alertname=Disk service=flappy instance=b", noon.plusSeconds(90), noon.plusSeconds(90));
		this.dispatcher.receive(b, noon.plusSeconds(90));
		assertThat(this.dispatcher.tick(noon.plusSeconds(330))).singleElement().satisfies((n) -> {
			assertThat(n.status()).isEqualTo("firing");
			assertThat(names(n)).containsExactly("a", "b");
			assertThat(n.alerts()).allSatisfy((alert) -> assertThat(alert.endsAt()).isNull());
		});
		// Nothing changed for the receiver until a's delay is over.
		assertThat(this.dispatcher.tick(noon.plusSeconds(630))).isEmpty();
		assertThat(this.dispatcher.tick(noon.plusSeconds(930))).singleElement().satisfies((n) -> {
			assertThat(n.status()).isEqualTo("firing");
			assertThat(n.alerts()).extracting((alert) -> alert.labels().get("instance"), (alert) -> alert.endsAt())
				.containsExactly(tuple("a", noon.plusSeconds(60)), tuple("b", null));
		});
	}

	@Test
	void withoutResolveDelayAFlappingAlertNotifiesEveryChangeAsInAlertmanager() {
		assertThat(flap("alertname=Flap service=batch instance=a")).extracting(Notification::status)
			.containsExactly("firing", "resolved", "firing", "resolved");
	}

	@Test
	void activeTimeIntervalMutesOutsideOfficeHours() {
		Instant evening = Instant.parse("2026-11-30T16:50:00Z");
		this.dispatcher.receive(firing("alertname=Printer service=office instance=a", evening, evening), evening);
		assertThat(this.dispatcher.tick(evening.plusSeconds(30))).hasSize(1);
		Instant saturday = Instant.parse("2026-12-05T12:00:00Z");
		this.dispatcher.receive(firing("alertname=Coffee service=office instance=a", saturday, saturday), saturday);
		assertThat(this.dispatcher.tick(saturday.plusSeconds(30))).isEmpty();
	}

	@Test
	void maxAlertsTruncatesAndCommonLabelsCoverAllAlerts() {
		for (String instance : List.of("a", "b", "c")) {
			this.dispatcher.receive(firing("alertname=Load shard=pay instance=" + instance, T0, T0), T0);
		}
		assertThat(this.dispatcher.tick(T0.plusSeconds(30))).singleElement().satisfies((n) -> {
			assertThat(names(n)).containsExactly("a", "b");
			assertThat(n.truncatedAlerts()).isEqualTo(1);
			assertThat(n.commonLabels()).isEqualTo(labels("alertname=Load shard=pay"));
			assertThat(n.commonAnnotations()).containsEntry("summary", "it broke");
		});
	}

	@Test
	void maxAlertsKeepsTheFirstAlertsInGosOrderOfValues() {
		// Alertmanager sorts by UTF-8 bytes: Ａ (U+FF21) before 😀 (U+1F600).
		for (String instance : List.of("😀", "Ａ", "é")) {
			this.dispatcher.receive(firing("alertname=Load shard=pay instance=" + instance, T0, T0), T0);
		}
		assertThat(this.dispatcher.tick(T0.plusSeconds(30))).singleElement()
			.satisfies((n) -> assertThat(names(n)).containsExactly("é", "Ａ"));
	}

	@Test
	void failedDeliveryIsRetriedAtTheNextFlushAndKeepsResolvedAlerts() {
		Alert a = firing("alertname=Load instance=a", T0, T0);
		this.dispatcher.receive(a, T0);
		this.dispatcher.tick(T0.plusSeconds(30));
		this.dispatcher.receive(resolved(a, T0.plusSeconds(60)), T0.plusSeconds(60));
		Notifier failing = (n) -> {
			throw new IllegalStateException("receiver down");
		};
		assertThat(this.dispatcher.tick(T0.plusSeconds(330), failing)).isEmpty();
		assertThat(this.dispatcher.groups()).hasSize(1);
		List<Notification> delivered = new ArrayList<>();
		this.dispatcher.tick(T0.plusSeconds(630), delivered::add);
		assertThat(delivered).singleElement().satisfies((n) -> assertThat(n.status()).isEqualTo("resolved"));
		assertThat(this.dispatcher.groups()).isEmpty();
	}

	@Test
	void groupsRebuiltAfterRestartFlushAtOnceWithoutRepeatingSentNotifications() {
		Alert a = firing("alertname=Load instance=a", T0, T0);
		this.dispatcher.receive(a, T0);
		assertThat(this.dispatcher.tick(T0.plusSeconds(30))).hasSize(1);

		Instant restart = T0.plusSeconds(120);
		this.dispatcher = new Dispatcher(this.config, this.silences, this.log);
		this.dispatcher.receive(a, restart);
		assertThat(this.dispatcher.nextFlush()).contains(restart);
		assertThat(this.dispatcher.tick(restart)).isEmpty();
		Instant later = restart.plusSeconds(10);
		this.dispatcher.receive(firing("alertname=Load instance=b", later, later), later);
		assertThat(this.dispatcher.tick(restart.plus(Duration.ofMinutes(5)))).singleElement()
			.satisfies((n) -> assertThat(names(n)).containsExactly("a", "b"));
	}

	@Test
	void aRebuiltDispatcherDoesNotListAgainAResolutionItsReceiverWasSent() {
		Alert a = firing("alertname=Load service=batch instance=a", T0, T0);
		Alert b = firing("alertname=Load service=batch instance=b", T0, T0);
		this.dispatcher.receive(a, T0);
		this.dispatcher.receive(b, T0);
		this.dispatcher.tick(T0.plusSeconds(30));
		Alert aResolved = resolved(a, T0.plusSeconds(60));
		this.dispatcher.receive(aResolved, aResolved.endsAt());
		assertThat(this.dispatcher.tick(T0.plusSeconds(330))).singleElement()
			.satisfies((n) -> assertThat(n.resolved()).extracting((alert) -> alert.labels().get("instance"))
				.containsExactly("a"));
		Alert c = firing("alertname=Load service=batch instance=c", T0.plusSeconds(340), T0.plusSeconds(340));
		this.dispatcher.receive(c, c.startsAt());
		assertThat(this.dispatcher.tick(T0.plusSeconds(630))).singleElement()
			.satisfies((n) -> assertThat(names(n)).containsExactly("b", "c"));

		Instant rebuilt = T0.plusSeconds(700);
		this.dispatcher = new Dispatcher(this.config, this.silences, this.log);
		for (Alert stored : List.of(aResolved, b, c)) {
			this.dispatcher.receive(stored, rebuilt);
		}
		this.dispatcher.forgetReported(rebuilt);
		assertThat(this.dispatcher.tick(rebuilt)).isEmpty();
		Alert d = firing("alertname=Load service=batch instance=d", rebuilt, rebuilt);
		this.dispatcher.receive(d, rebuilt);
		assertThat(this.dispatcher.tick(rebuilt.plus(Duration.ofMinutes(5)))).singleElement()
			.satisfies((n) -> assertThat(names(n)).containsExactly("b", "c", "d"));
	}

	@Test
	void aRebuiltDispatcherKeepsTheResolutionsItsReceiverWasNotSentYet() {
		Alert a = firing("alertname=Load service=batch instance=a", T0, T0);
		Alert b = firing("alertname=Load service=batch instance=b", T0, T0);
		this.dispatcher.receive(a, T0);
		this.dispatcher.receive(b, T0);
		this.dispatcher.tick(T0.plusSeconds(30));
		// A recovery that arrives after the notification that listed the alert firing,
		// and an alert that fired and resolved after that notification.
		Alert aResolved = resolved(a, T0.plusSeconds(20));
		Alert c = firing("alertname=Load service=batch instance=c", T0.plusSeconds(40), T0.plusSeconds(40));
		Alert cResolved = resolved(c, T0.plusSeconds(50));

		Instant rebuilt = T0.plusSeconds(100);
		this.dispatcher = new Dispatcher(this.config, this.silences, this.log);
		for (Alert stored : List.of(aResolved, b, cResolved)) {
			this.dispatcher.receive(stored, rebuilt);
		}
		this.dispatcher.forgetReported(rebuilt);
		assertThat(this.dispatcher.tick(rebuilt)).singleElement()
			.satisfies((n) -> assertThat(n.resolved()).extracting((alert) -> alert.labels().get("instance"))
				.containsExactly("a", "c"));
	}

	private static final String RATE_LIMITED = """
			route:
			  receiver: pager
			  group_by: [alertname]
			  group_wait: 30s
			  group_interval: 5m
			  repeat_interval: 4h
			receivers:
			  - name: pager
			    rate_limit: {max: 2, per: 1h}
			    webhook_configs: [{url: 'http://127.0.0.1:1/pager'}]
			""";

	// Collects what a tick delivered and what the rate limit held back.
	private static final class Recorder implements Notifier {

		final List<Notification> delivered = new ArrayList<>();

		final List<Notification> held = new ArrayList<>();

		@Override
		public void deliver(Notification notification) {
			this.delivered.add(notification);
		}

		@Override
		public void rateLimited(Notification notification) {
			this.held.add(notification);
		}

		List<String> deliveredGroups() {
			return this.delivered.stream().map(Notification::groupKey).toList();
		}

	}

	@Test
	void aRateLimitedReceiverGetsTheLatestStateOfHeldGroupsOnceItsWindowAllows() {
		Dispatcher limited = new Dispatcher(ConfigLoader.load(RATE_LIMITED), Silencer.NONE,
				new InMemoryNotificationLog());
		Alert first = firing("alertname=A instance=a", T0, T0);
		limited.receive(first, T0);
		limited.receive(firing("alertname=B instance=b", T0, T0), T0);
		limited.receive(firing("alertname=C instance=c", T0, T0), T0);
		Recorder storm = new Recorder();
		limited.tick(T0.plusSeconds(30), storm);
		assertThat(storm.deliveredGroups()).containsExactly("{}:{alertname=\"A\"}", "{}:{alertname=\"B\"}");
		assertThat(storm.held).extracting(Notification::groupKey).containsExactly("{}:{alertname=\"C\"}");

		// A resolves while the window is full: its resolution is held, not forgotten,
		// and C is held again at each group_interval.
		Instant end = T0.plus(Duration.ofMinutes(2));
		limited.receive(resolved(first, end), end);
		Recorder during = new Recorder();
		for (Instant at = T0.plusSeconds(330); at
			.isBefore(T0.plus(Duration.ofMinutes(60))); at = at.plus(Duration.ofMinutes(5))) {
			limited.tick(at, during);
		}
		assertThat(during.delivered).isEmpty();
		assertThat(during.held).extracting(Notification::groupKey)
			.contains("{}:{alertname=\"A\"}", "{}:{alertname=\"C\"}");

		// The window slides past the first two sends: the next two go out, in the order
		// their groups are due, each with its state now.
		Recorder after = new Recorder();
		limited.tick(T0.plusSeconds(30).plus(Duration.ofMinutes(60)), after);
		assertThat(after.delivered).hasSize(2)
			.allSatisfy((n) -> assertThat(n.groupKey()).isIn("{}:{alertname=\"A\"}", "{}:{alertname=\"C\"}"));
		assertThat(after.delivered).filteredOn((n) -> n.groupKey().contains("\"A\""))
			.singleElement()
			.satisfies((n) -> assertThat(n.status()).isEqualTo("resolved"));
		assertThat(limited.groups()).extracting(GroupSnapshot::groupKey).doesNotContain("{}:{alertname=\"A\"}");
	}

	@Test
	void aHeldGroupTriesAgainWhenTheWindowFreesNotAWholeGroupIntervalLater() {
		Dispatcher limited = new Dispatcher(ConfigLoader.load(RATE_LIMITED.replace("per: 1h", "per: 1m")),
				Silencer.NONE, new InMemoryNotificationLog());
		for (String name : List.of("A", "B", "C")) {
			limited.receive(firing("alertname=" + name + " instance=x", T0, T0), T0);
		}
		Recorder first = new Recorder();
		limited.tick(T0.plusSeconds(30), first);
		assertThat(first.held).hasSize(1);
		// The two sends at T0+30s leave the window a minute later; group_interval is 5m.
		assertThat(limited.nextFlush()).contains(T0.plusSeconds(90));
		Recorder freed = new Recorder();
		limited.tick(T0.plusSeconds(90), freed);
		assertThat(freed.deliveredGroups()).containsExactly("{}:{alertname=\"C\"}");
		assertThat(limited.nextFlush()).contains(T0.plusSeconds(30).plus(Duration.ofMinutes(5)));
	}

	@Test
	void sendsBeforeARebuildCountAgainstTheRateLimit() {
		Dispatcher rebuilt = new Dispatcher(ConfigLoader.load(RATE_LIMITED), Silencer.NONE,
				new InMemoryNotificationLog());
		rebuilt.sentBefore("pager/webhook/0", T0.minus(Duration.ofMinutes(50)));
		rebuilt.sentBefore("pager/webhook/0", T0.minus(Duration.ofMinutes(10)));
		rebuilt.receive(firing("alertname=A instance=a", T0, T0), T0);
		Recorder recorder = new Recorder();
		rebuilt.tick(T0.plusSeconds(30), recorder);
		assertThat(recorder.delivered).isEmpty();
		assertThat(recorder.held).hasSize(1);
		// The older send leaves the window 10 minutes later: one slot.
		Recorder later = new Recorder();
		rebuilt.tick(T0.plusSeconds(30).plus(Duration.ofMinutes(10)), later);
		assertThat(later.delivered).hasSize(1);
	}

	@Test
	void withoutARateLimitEveryGroupIsSentAtOnce() {
		Dispatcher unlimited = new Dispatcher(
				ConfigLoader.load(RATE_LIMITED.replace("    rate_limit: {max: 2, per: 1h}\n", "")), Silencer.NONE,
				new InMemoryNotificationLog());
		for (String name : List.of("A", "B", "C", "D")) {
			unlimited.receive(firing("alertname=" + name + " instance=x", T0, T0), T0);
		}
		Recorder recorder = new Recorder();
		unlimited.tick(T0.plusSeconds(30), recorder);
		assertThat(recorder.delivered).hasSize(4);
		assertThat(recorder.held).isEmpty();
	}

	@Test
	void aBurstOfDueGroupsIsFlushedInPartsEarliestFirst() {
		List<String> names = List.of("A", "B", "C");
		for (int i = 0; i < names.size(); i++) {
			Instant at = T0.plusSeconds(i);
			this.dispatcher.receive(firing("alertname=" + names.get(i) + " instance=x", at, at), at);
		}
		Instant now = T0.plusSeconds(40);
		Recorder first = new Recorder();
		this.dispatcher.tick(now, first, 2);
		assertThat(first.deliveredGroups()).containsExactly("{}:{alertname=\"A\"}", "{}:{alertname=\"B\"}");
		assertThat(this.dispatcher.nextFlush()).as("C is still due").contains(T0.plusSeconds(32));
		Recorder rest = new Recorder();
		this.dispatcher.tick(now, rest, 2);
		assertThat(rest.deliveredGroups()).containsExactly("{}:{alertname=\"C\"}");
	}

	@Test
	void aGroupsFirstNotificationGoesBeforeUpdatesDueEarlier() {
		this.dispatcher.receive(firing("alertname=Load instance=a", T0, T0), T0);
		this.dispatcher.tick(T0.plusSeconds(30));
		// Load's update is due at 330 s, Disk's first notification at 331 s.
		this.dispatcher.receive(firing("alertname=Load instance=b", T0.plusSeconds(60), T0.plusSeconds(60)),
				T0.plusSeconds(60));
		this.dispatcher.receive(firing("alertname=Disk instance=a", T0.plusSeconds(301), T0.plusSeconds(301)),
				T0.plusSeconds(301));
		Instant now = T0.plusSeconds(332);

		Recorder first = new Recorder();
		this.dispatcher.tick(now, first, 1);
		assertThat(first.deliveredGroups()).containsExactly("{}:{alertname=\"Disk\"}");
		assertThat(this.dispatcher.nextFlush()).as("Load's update is still due").contains(T0.plusSeconds(330));
		Recorder update = new Recorder();
		this.dispatcher.tick(now, update, 1);
		assertThat(update.deliveredGroups()).containsExactly("{}:{alertname=\"Load\"}");
		assertThat(this.dispatcher.nextFlush()).as("Disk's group_interval, then Load's")
			.contains(now.plus(Duration.ofMinutes(5)));
	}

	private static Alert acknowledged(Alert alert, boolean acknowledged, Instant at) {
		return new Alert(alert.labels(), alert.annotations(), alert.startsAt(), alert.endsAt(), alert.generatorUrl(),
				at, acknowledged);
	}

	@Test
	void withRepeatAcknowledgedOffRemindersStopWhileEveryFiringAlertIsAcknowledged() {
		Alert a = firing("alertname=Disk service=oncall instance=a", T0, T0);
		this.dispatcher.receive(a, T0);
		assertThat(this.dispatcher.tick(T0.plusSeconds(30))).hasSize(1);
		Instant acked = T0.plus(Duration.ofMinutes(10));
		this.dispatcher.receive(acknowledged(a, true, acked), acked);

		// repeat_interval (1h) passes: no reminder while it stays acknowledged.
		List<Notification> during = new ArrayList<>();
		for (Instant at = T0.plus(Duration.ofMinutes(15)); at
			.isBefore(T0.plus(Duration.ofHours(3))); at = at.plus(Duration.ofMinutes(5))) {
			during.addAll(this.dispatcher.tick(at));
		}
		assertThat(during).isEmpty();

		// News still goes out: another alert of the group fires.
		Instant news = T0.plus(Duration.ofHours(3));
		this.dispatcher.receive(firing("alertname=Disk service=oncall instance=b", news, news), news);
		assertThat(this.dispatcher.tick(news.plus(Duration.ofMinutes(5)))).singleElement()
			.satisfies((n) -> assertThat(names(n)).containsExactly("a", "b"));

		// Both acknowledged, then a taken back: the reminder is due again.
		Instant later = news.plus(Duration.ofMinutes(6));
		this.dispatcher
			.receive(acknowledged(firing("alertname=Disk service=oncall instance=b", news, later), true, later), later);
		List<Notification> quiet = new ArrayList<>();
		for (Instant at = later.plus(Duration.ofMinutes(4)); at
			.isBefore(later.plus(Duration.ofHours(2))); at = at.plus(Duration.ofMinutes(5))) {
			quiet.addAll(this.dispatcher.tick(at));
		}
		assertThat(quiet).isEmpty();
		Instant unacked = later.plus(Duration.ofHours(2));
		this.dispatcher.receive(acknowledged(a, false, unacked), unacked);
		assertThat(this.dispatcher.tick(unacked.plus(Duration.ofMinutes(5)))).hasSize(1);
	}

	@Test
	void byDefaultAnAcknowledgedAlertIsRemindedOfAsInAlertmanager() {
		Alert a = firing("alertname=Disk instance=a", T0, T0);
		this.dispatcher.receive(a, T0);
		assertThat(this.dispatcher.tick(T0.plusSeconds(30))).hasSize(1);
		Instant acked = T0.plus(Duration.ofMinutes(10));
		this.dispatcher.receive(acknowledged(a, true, acked), acked);
		List<Notification> reminders = new ArrayList<>();
		for (Instant at = T0.plus(Duration.ofMinutes(15)); at
			.isBefore(T0.plus(Duration.ofMinutes(70))); at = at.plus(Duration.ofMinutes(5))) {
			reminders.addAll(this.dispatcher.tick(at));
		}
		assertThat(reminders).hasSize(1);
	}

	@Test
	void dedupFollowsAlertmanagersNeedsUpdate() {
		RouteOptions options = this.config.route().options();
		NotificationLogEntry last = new NotificationLogEntry(Set.of("a", "b"), Set.of(), T0,
				T0.plus(Duration.ofHours(2)));
		Instant soon = T0.plusSeconds(60);
		assertThat(Dispatcher.needsUpdate(null, Set.of(), Set.of("a"), true, options, soon)).isFalse();
		assertThat(Dispatcher.needsUpdate(last, Set.of("a"), Set.of(), true, options, soon)).isFalse();
		assertThat(Dispatcher.needsUpdate(last, Set.of("a", "c"), Set.of(), true, options, soon)).isTrue();
		assertThat(Dispatcher.needsUpdate(last, Set.of("a"), Set.of("b"), true, options, soon)).isTrue();
		assertThat(Dispatcher.needsUpdate(last, Set.of("a"), Set.of("b"), false, options, soon)).isFalse();
		assertThat(Dispatcher.needsUpdate(last, Set.of(), Set.of("a", "b"), false, options, soon)).isTrue();
	}

}
