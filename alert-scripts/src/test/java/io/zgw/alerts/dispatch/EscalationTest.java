package io.zgw.alerts.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.ConfigLoader;
import io.zgw.alerts.matcher.Matchers;
import io.zgw.alerts.model.Alert;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.silence.Silence;
import io.zgw.alerts.silence.Silences;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests a route's {@code escalation} (zgw extension) in the dispatcher: steps reached in
 * turn while a group fires unacknowledged, paging whoever a schedule names then.
 */
class EscalationTest {

	// Monday 2026-11-30 10:00 UTC, 11:00 in Berlin: alice's day on the primary rotation.
	private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

	// The root route of the tests' routing files, up to its escalation steps.
	private static final String ROUTE = """
			route:
			  receiver: team
			  group_by: [alertname]
			  group_wait: 30s
			  group_interval: 1h
			  repeat_interval: 4h
			  escalation:
			""";

	// Every receiver the tests' routing files name.
	private static final String RECEIVERS = """
			receivers:
			  - {name: team, webhook_configs: [{url: 'http://127.0.0.1:1/team'}]}
			  - {name: alice, webhook_configs: [{url: 'http://127.0.0.1:1/alice'}]}
			  - {name: bob, webhook_configs: [{url: 'http://127.0.0.1:1/bob'}]}
			  - {name: carol, webhook_configs: [{url: 'http://127.0.0.1:1/carol'}]}
			  - {name: manager, webhook_configs: [{url: 'http://127.0.0.1:1/manager'}]}
			""";

	private static final String CONFIG = ROUTE + """
			    - schedule: primary
			    - {after: 15m, schedule: secondary}
			    - {after: 30m, receiver: manager}
			  routes:
			    - matchers: [service=batch]
			      escalation: []
			oncall_schedules:
			  - name: primary
			    location: Europe/Berlin
			    rotations:
			      - members: [alice, bob]
			        start: 2026-11-30T09:00:00
			        shift: 1d
			  - name: secondary
			    rotations:
			      - {members: [carol], start: '2026-01-01T00:00:00Z', shift: 1w}
			""" + RECEIVERS;

	private final AlertmanagerConfig config = ConfigLoader.load(CONFIG);

	private final Silences silences = new Silences(this.config.timeIntervals());

	private final InMemoryNotificationLog log = new InMemoryNotificationLog();

	private Dispatcher dispatcher = new Dispatcher(this.config, this.silences, this.log);

	// Every notification runUntil saw.
	private final List<Notification> notified = new ArrayList<>();

	private static Alert alert(String alertname, Instant startsAt, Instant endsAt, boolean acknowledged,
			Instant receivedAt) {
		return new Alert(LabelSet.of(Map.of("alertname", alertname, "service", "db")), Map.of(), startsAt, endsAt, "",
				receivedAt, acknowledged);
	}

	private static Alert firing(String alertname, Instant startsAt) {
		return alert(alertname, startsAt, null, false, startsAt);
	}

	// Ticks at every flush the dispatcher asks for until the instant, and returns who got
	// what: "receiver:status".
	private List<String> runUntil(Instant until) {
		List<String> sent = new ArrayList<>();
		while (this.dispatcher.nextFlush().isPresent() && !this.dispatcher.nextFlush().get().isAfter(until)) {
			Instant at = this.dispatcher.nextFlush().get();
			for (Notification n : this.dispatcher.tick(at)) {
				sent.add(n.receiver() + ":" + n.status());
				this.notified.add(n);
			}
		}
		return sent;
	}

	@Test
	void stepsPageInTurnWhileTheGroupFiresUnacknowledged() {
		this.dispatcher.receive(firing("DiskFull", T0), T0);
		assertThat(runUntil(T0.plusSeconds(30))).containsExactly("team:firing", "alice:firing");
		// The next step is reached 15 minutes after the escalation began: the group is
		// flushed then, not at its group_interval (1h).
		assertThat(this.dispatcher.nextFlush()).contains(T0.plusSeconds(30).plus(Duration.ofMinutes(15)));
		assertThat(runUntil(T0.plus(Duration.ofMinutes(16)))).containsExactly("carol:firing");
		assertThat(runUntil(T0.plus(Duration.ofMinutes(31)))).containsExactly("manager:firing");
		assertThat(this.dispatcher.nextFlush()).contains(T0.plusSeconds(30).plus(Duration.ofMinutes(90)));

		// Everyone paged hears of the resolution.
		Instant end = T0.plus(Duration.ofMinutes(40));
		this.dispatcher.receive(alert("DiskFull", T0, end, false, end), end);
		assertThat(runUntil(T0.plus(Duration.ofHours(2)))).containsExactlyInAnyOrder("team:resolved", "alice:resolved",
				"carol:resolved", "manager:resolved");
		assertThat(this.dispatcher.groups()).isEmpty();
		// Each page says which step sent it; the route's own receiver is step 0.
		assertThat(this.notified).extracting((n) -> n.receiver() + "#" + n.escalationStep())
			.containsOnly("team#0", "alice#1", "carol#2", "manager#3");
	}

	// Every 30 minutes the chain starts over, twice at most; the primary schedule hands
	// over every 40 minutes (bob from 09:40 to 10:20 UTC, alice until 11:00, bob again).
	private static final String REPEATING = ROUTE + """
			    - schedule: primary
			    - {after: 10m, receiver: manager}
			    - {after: 30m, repeat: 2}
			oncall_schedules:
			  - name: primary
			    rotations:
			      - {members: [alice, bob], start: '2026-11-30T09:00:00Z', shift: 40m}
			""" + RECEIVERS;

	@Test
	void theChainStartsOverWhileNobodyAcknowledgesAtMostSoManyTimes() {
		this.dispatcher = new Dispatcher(ConfigLoader.load(REPEATING), this.silences, this.log);
		this.dispatcher.receive(firing("DiskFull", T0), T0);

		assertThat(runUntil(T0.plusSeconds(30))).containsExactly("team:firing", "bob:firing");
		assertThat(runUntil(T0.plus(Duration.ofMinutes(11)))).containsExactly("manager:firing");
		// Round two: the schedule names alice now; the manager is paged again though
		// nothing changed.
		assertThat(runUntil(T0.plus(Duration.ofMinutes(31)))).containsExactly("alice:firing");
		assertThat(runUntil(T0.plus(Duration.ofMinutes(41)))).containsExactly("manager:firing");
		// Round three, the last: bob is on call again and paged again.
		assertThat(runUntil(T0.plus(Duration.ofMinutes(61)))).containsExactly("bob:firing");
		assertThat(runUntil(T0.plus(Duration.ofMinutes(71)))).containsExactly("manager:firing");
		assertThat(runUntil(T0.plus(Duration.ofHours(3)))).as("no fourth round").isEmpty();

		// Everyone paged in any round hears of the resolution, once.
		Instant end = T0.plus(Duration.ofHours(3));
		this.dispatcher.receive(alert("DiskFull", T0, end, false, end), end);
		assertThat(runUntil(T0.plus(Duration.ofHours(5)))).containsExactlyInAnyOrder("team:resolved", "bob:resolved",
				"alice:resolved", "manager:resolved");
		assertThat(this.notified).extracting((n) -> n.receiver() + "#" + n.escalationStep())
			.containsOnly("team#0", "bob#1", "alice#1", "manager#2");
	}

	// Five minutes in, a round-robin step pages one of three per escalation; the chain
	// starts over once, 30 minutes later.
	private static final String ROUND_ROBIN = ROUTE + """
			    - {after: 5m, round_robin: [alice, bob, carol]}
			    - {after: 30m, repeat: 1}
			""" + RECEIVERS;

	@Test
	void aRoundRobinStepPagesItsMembersInTurnOnePerEscalationAcrossRoundsAndRebuilds() {
		AlertmanagerConfig roundRobin = ConfigLoader.load(ROUND_ROBIN);
		this.dispatcher = new Dispatcher(roundRobin, this.silences, this.log);
		List<Alert> alerts = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Instant at = T0.plus(Duration.ofMinutes(i));
			alerts.add(firing("Disk" + i, at));
			this.dispatcher.receive(alerts.get(i), at);
			assertThat(runUntil(at.plusSeconds(59))).containsExactly("team:firing");
		}
		assertThat(runUntil(T0.plus(Duration.ofMinutes(9)))).containsExactly("alice:firing", "bob:firing",
				"carol:firing", "alice:firing");
		// The second round pages each escalation's own member again; no turn is taken.
		assertThat(runUntil(T0.plus(Duration.ofMinutes(39)))).containsExactly("alice:firing", "bob:firing",
				"carol:firing", "alice:firing");

		// A restart: the groups are rebuilt from the stored alerts and the notification
		// log, which also holds the turns. A new escalation gets the next member.
		Instant restart = T0.plus(Duration.ofMinutes(40));
		this.dispatcher = new Dispatcher(roundRobin, this.silences, this.log);
		alerts.forEach((alert) -> this.dispatcher.receive(alert, restart));
		this.dispatcher.receive(firing("Disk4", restart), restart);
		assertThat(runUntil(restart.plus(Duration.ofMinutes(10)))).containsExactly("team:firing", "bob:firing");
		assertThat(this.notified).extracting((n) -> n.receiver() + "#" + n.escalationStep())
			.containsOnly("team#0", "alice#1", "bob#1", "carol#1");
	}

	@Test
	void turnsTakenAtOneInstantKeepTheirOrderAndEachEscalationKeepsItsMemberForHours() {
		this.dispatcher = new Dispatcher(ConfigLoader.load(ROUND_ROBIN), this.silences, this.log);
		for (int i = 0; i < 4; i++) {
			this.dispatcher.receive(firing("Disk" + i, T0), T0);
		}
		runUntil(T0.plus(Duration.ofMinutes(6)));
		assertThat(this.notified).filteredOn((n) -> n.escalationStep() == 1)
			.extracting(Notification::receiver)
			.containsExactlyInAnyOrder("alice", "bob", "carol", "alice");
		Map<String, String> members = new HashMap<>();
		this.notified.stream()
			.filter((n) -> n.escalationStep() == 1)
			.forEach((n) -> members.put(n.groupLabels().get("alertname"), n.receiver()));

		// Ten hours of reminders, long after the log entries first written would have
		// expired: each group reminds its own member, and no turn is taken again.
		this.notified.clear();
		runUntil(T0.plus(Duration.ofHours(10)));
		assertThat(this.notified).filteredOn((n) -> n.escalationStep() == 1)
			.hasSizeGreaterThanOrEqualTo(8)
			.allSatisfy((n) -> assertThat(n.receiver()).isEqualTo(members.get(n.groupLabels().get("alertname"))));
	}

	@Test
	void anAcknowledgementStopsARepeatingChain() {
		this.dispatcher = new Dispatcher(ConfigLoader.load(REPEATING), this.silences, this.log);
		this.dispatcher.receive(firing("DiskFull", T0), T0);
		Instant acked = T0.plus(Duration.ofMinutes(20));
		assertThat(runUntil(acked)).containsExactly("team:firing", "bob:firing", "manager:firing");

		this.dispatcher.receive(alert("DiskFull", T0, null, true, acked), acked);

		assertThat(runUntil(T0.plus(Duration.ofHours(3)))).isEmpty();
	}

	@Test
	void anAcknowledgementStopsTheEscalationButThosePagedStillHearTheResolution() {
		this.dispatcher.receive(firing("DiskFull", T0), T0);
		Instant acked = T0.plus(Duration.ofMinutes(20));
		assertThat(runUntil(acked)).containsExactly("team:firing", "alice:firing", "carol:firing");
		this.dispatcher.receive(alert("DiskFull", T0, null, true, acked), acked);
		assertThat(runUntil(T0.plus(Duration.ofMinutes(59)))).isEmpty();
		Instant end = T0.plus(Duration.ofMinutes(70));
		this.dispatcher.receive(alert("DiskFull", T0, end, true, end), end);
		assertThat(runUntil(T0.plus(Duration.ofHours(3)))).containsExactlyInAnyOrder("team:resolved", "alice:resolved",
				"carol:resolved");
	}

	@Test
	void anAlertAcknowledgedBeforeTheFirstFlushPagesNobodyUntilItIsNoLonger() {
		this.dispatcher.receive(alert("DiskFull", T0, null, true, T0), T0);
		assertThat(runUntil(T0.plus(Duration.ofMinutes(40)))).containsExactly("team:firing");
		// The acknowledgement is withdrawn: the escalation begins at the group's next
		// flush.
		Instant withdrawn = T0.plus(Duration.ofMinutes(45));
		this.dispatcher.receive(alert("DiskFull", T0, null, false, withdrawn), withdrawn);
		assertThat(runUntil(T0.plus(Duration.ofMinutes(60)))).isEmpty();
		Instant flush = T0.plusSeconds(30).plus(Duration.ofHours(1));
		assertThat(runUntil(flush)).containsExactly("alice:firing");
		assertThat(runUntil(flush.plus(Duration.ofMinutes(15)))).containsExactly("carol:firing");
	}

	@Test
	void theEscalationsStartSurvivesARebuild() {
		Alert disk = firing("DiskFull", T0);
		this.dispatcher.receive(disk, T0);
		assertThat(runUntil(T0.plusSeconds(30))).containsExactly("team:firing", "alice:firing");

		// A restart five minutes later: the groups are rebuilt from the stored alerts
		// and the notification log.
		Instant restart = T0.plus(Duration.ofMinutes(5));
		this.dispatcher = new Dispatcher(this.config, this.silences, this.log);
		this.dispatcher.receive(disk, restart);
		assertThat(runUntil(restart)).isEmpty();
		assertThat(this.dispatcher.nextFlush()).contains(T0.plusSeconds(30).plus(Duration.ofMinutes(15)));
		assertThat(runUntil(T0.plus(Duration.ofMinutes(16)))).containsExactly("carol:firing");
	}

	@Test
	void aStepPagesWhoeverIsOnCallWhenItIsReached() {
		// 08:50 in Berlin: alice's shift ends at 09:00, when the second step of the
		// primary schedule's escalation would come; bob takes over then.
		Instant start = Instant.parse("2026-12-01T07:50:00Z");
		Dispatcher both = new Dispatcher(
				ConfigLoader
					.load(CONFIG.replace("{after: 15m, schedule: secondary}", "{after: 15m, schedule: primary}")),
				this.silences, this.log);
		this.dispatcher = both;
		both.receive(firing("Load", start), start);
		assertThat(runUntil(start.plus(Duration.ofMinutes(20)))).containsExactly("team:firing", "alice:firing",
				"bob:firing");
	}

	@Test
	void aSilencedGroupDoesNotEscalateAndARouteCanTurnEscalationOff() {
		this.silences.put(new Silence("s1", Matchers.parse("alertname=DiskFull"), T0, T0.plus(Duration.ofMinutes(50)),
				"sre", "maintenance", null));
		this.dispatcher.receive(firing("DiskFull", T0), T0);
		Alert batch = new Alert(LabelSet.of(Map.of("alertname", "Backup", "service", "batch")), Map.of(), T0, null, "",
				T0);
		this.dispatcher.receive(batch, T0);
		assertThat(runUntil(T0.plus(Duration.ofMinutes(40)))).containsExactly("team:firing");
		// The silence ends: the escalation begins at the next flush, with its first step
		// only.
		Instant flush = T0.plusSeconds(30).plus(Duration.ofHours(1));
		assertThat(runUntil(flush)).containsExactly("team:firing", "alice:firing");
		assertThat(runUntil(flush.plus(Duration.ofMinutes(15)))).containsExactly("carol:firing");
	}

	@Test
	void aPagedReceiverHearsOfAResolutionDuringATimeMuteOnceItEnds() {
		// The team's rate limit holds group B back, so only alice was told B fires: she
		// alone keeps B from being forgotten while lunch mutes the route.
		this.dispatcher = new Dispatcher(ConfigLoader.load("""
				route:
				  receiver: team
				  group_by: [alertname]
				  group_wait: 30s
				  group_interval: 5m
				  repeat_interval: 4h
				  escalation: [{receiver: alice}]
				  routes:
				    - {matchers: [service=db], mute_time_intervals: [lunch]}
				time_intervals:
				  - name: lunch
				    time_intervals: [{times: [{start_time: '11:00', end_time: '12:00'}]}]
				receivers:
				  - name: team
				    rate_limit: {max: 1, per: 1h}
				    webhook_configs: [{url: 'http://127.0.0.1:1/team'}]
				  - {name: alice, webhook_configs: [{url: 'http://127.0.0.1:1/alice'}]}
				"""), this.silences, this.log);
		Alert b = firing("B", T0);
		this.dispatcher.receive(firing("A", T0), T0);
		this.dispatcher.receive(b, T0);
		assertThat(runUntil(T0.plus(Duration.ofMinutes(50)))).containsExactly("team:firing", "alice:firing",
				"alice:firing");
		Instant end = T0.plus(Duration.ofMinutes(70));
		this.dispatcher.receive(alert("B", T0, end, false, end), end);
		assertThat(runUntil(T0.plus(Duration.ofMinutes(119)))).isEmpty();
		assertThat(runUntil(T0.plus(Duration.ofMinutes(130)))).containsExactly("alice:resolved");
	}

	@Test
	void anAcknowledgedAlertFiringAgainAfterTheEscalationEndedDoesNotReviveItsStart() {
		LabelSet x = LabelSet.of(Map.of("alertname", "DiskFull", "service", "db", "instance", "a"));
		this.dispatcher.receive(new Alert(x, Map.of(), T0, null, "", T0), T0);
		assertThat(runUntil(T0.plus(Duration.ofMinutes(1)))).containsExactly("team:firing", "alice:firing");
		Instant acked = T0.plus(Duration.ofMinutes(2));
		this.dispatcher.receive(new Alert(x, Map.of(), T0, null, "", acked, true), acked);
		// Silenced over a flush: no unmuted alert fires, the escalation ends.
		this.silences.put(new Silence("s1", Matchers.parse("instance=a"), T0.plus(Duration.ofMinutes(10)),
				T0.plus(Duration.ofMinutes(90)), "sre", "maintenance", null));
		runUntil(T0.plus(Duration.ofHours(2).plusMinutes(16)));
		// Unmuted again, still acknowledged; then an alert nobody took on joins the
		// group:
		// a new escalation begins with its first step, not every step past since T0.
		Instant joined = T0.plus(Duration.ofHours(2).plusMinutes(20));
		this.dispatcher
			.receive(new Alert(LabelSet.of(Map.of("alertname", "DiskFull", "service", "db", "instance", "b")), Map.of(),
					joined, null, "", joined), joined);
		// The group's flushes: T0+30s, step 2's 15 minutes later, then hourly.
		Instant flush = T0.plus(Duration.ofHours(3).plusMinutes(15).plusSeconds(30));
		assertThat(runUntil(flush)).containsExactly("team:firing", "alice:firing");
		assertThat(runUntil(flush.plus(Duration.ofMinutes(15)))).containsExactly("carol:firing");
	}

	@Test
	void aGroupFiringAgainAfterItResolvedStartsANewEscalation() {
		this.dispatcher.receive(firing("DiskFull", T0), T0);
		Instant end = T0.plus(Duration.ofMinutes(5));
		assertThat(runUntil(end)).containsExactly("team:firing", "alice:firing");
		this.dispatcher.receive(alert("DiskFull", T0, end, false, end), end);
		assertThat(runUntil(T0.plus(Duration.ofMinutes(90)))).containsExactly("team:resolved", "alice:resolved");
		Instant again = T0.plus(Duration.ofMinutes(100));
		this.dispatcher.receive(firing("DiskFull", again), again);
		assertThat(runUntil(again.plusSeconds(30))).containsExactly("team:firing", "alice:firing");
		assertThat(runUntil(again.plus(Duration.ofMinutes(16)))).containsExactly("carol:firing");
	}

}
