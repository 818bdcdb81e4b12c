package io.zgw.gateway.query;

import java.util.List;

import io.zgw.sharding.ShardQualifiedId;
import io.zgw.sharding.zabbix.ZabbixAcknowledge;
import io.zgw.sharding.zabbix.ZabbixEvent;
import io.zgw.sharding.zabbix.ZabbixHost;
import io.zgw.sharding.zabbix.ZabbixHostRef;
import io.zgw.sharding.zabbix.ZabbixItem;
import io.zgw.sharding.zabbix.ZabbixProblem;
import io.zgw.sharding.zabbix.ZabbixTag;
import io.zgw.sharding.zabbix.ZabbixTrigger;

/**
 * Views are the objects the read API returns: each carries its {@code shard} and a
 * shard-qualified {@code id}, and so does every id nested in it.
 */
final class Views {

	private Views() {
	}

	static String qualify(String shard, String id) {
		return ShardQualifiedId.format(shard, id);
	}

	/** Returns the Zabbix id of a qualified id this gateway made (so no validation). */
	static String localId(String qualified) {
		return qualified.substring(qualified.indexOf(':') + 1);
	}

	/** GroupRef is a host group nested in a host. */
	record GroupRef(String id, String name) {
	}

	/** HostRef is a host nested in an item, trigger or event. */
	record HostRef(String id, String host, String name) {

		static List<HostRef> of(String shard, List<ZabbixHostRef> hosts) {
			return hosts.stream().map((h) -> new HostRef(qualify(shard, h.hostid()), h.host(), h.name())).toList();
		}

	}

	/** HostView is a host of {@code GET /api/v1/hosts}. */
	record HostView(String id, String shard, String host, String name, boolean enabled, List<GroupRef> groups,
			List<ZabbixTag> tags) implements Paged {

		static HostView of(String shard, ZabbixHost host) {
			return new HostView(qualify(shard, host.hostid()), shard, host.host(), host.name(), host.status() == 0,
					host.groups().stream().map((g) -> new GroupRef(qualify(shard, g.groupid()), g.name())).toList(),
					host.tags());
		}

		@Override
		public PageKey pageKey() {
			return new PageKey(0, this.name, this.shard, localId(this.id));
		}

	}

	/** ItemView is an item of {@code GET /api/v1/items}. */
	record ItemView(String id, String shard, HostRef host, String name, String key, int valueType, String units,
			String lastValue, long lastClock, boolean enabled, List<ZabbixTag> tags) implements Paged {

		static ItemView of(String shard, ZabbixItem item) {
			List<HostRef> hosts = HostRef.of(shard, item.hosts());
			return new ItemView(qualify(shard, item.itemid()), shard, hosts.isEmpty() ? null : hosts.get(0),
					item.name(), item.key(), item.valueType(), item.units(), item.lastvalue(), item.lastclock(),
					item.status() == 0, item.tags());
		}

		@Override
		public PageKey pageKey() {
			return new PageKey(0, this.name, this.shard, localId(this.id));
		}

	}

	/** TriggerView is a trigger of {@code GET /api/v1/triggers}, newest change first. */
	record TriggerView(String id, String shard, String description, int severity, boolean problem, long lastChange,
			boolean enabled, List<HostRef> hosts, List<ZabbixTag> tags) implements Paged {

		static TriggerView of(String shard, ZabbixTrigger trigger) {
			return new TriggerView(qualify(shard, trigger.triggerid()), shard, trigger.description(),
					trigger.priority(), trigger.value() == 1, trigger.lastchange(), trigger.status() == 0,
					HostRef.of(shard, trigger.hosts()), trigger.tags());
		}

		@Override
		public PageKey pageKey() {
			return new PageKey(this.lastChange, "", this.shard, localId(this.id));
		}

	}

	/**
	 * ProblemView is an open problem of {@code GET /api/v1/problems}, newest first, with
	 * the hosts of its trigger.
	 */
	record ProblemView(String id, String shard, String triggerId, String name, int severity, long clock,
			boolean acknowledged, boolean suppressed, List<HostRef> hosts, List<ZabbixTag> tags) implements Paged {

		static ProblemView of(String shard, ZabbixProblem problem) {
			return new ProblemView(qualify(shard, problem.eventid()), shard, qualify(shard, problem.objectid()),
					problem.name(), problem.severity(), problem.clock(), problem.acknowledged() == 1,
					problem.suppressed() == 1, List.of(), problem.tags());
		}

		ProblemView withHosts(List<HostRef> triggerHosts) {
			return new ProblemView(this.id, this.shard, this.triggerId, this.name, this.severity, this.clock,
					this.acknowledged, this.suppressed, triggerHosts, this.tags);
		}

		@Override
		public PageKey pageKey() {
			return new PageKey(this.clock, "", this.shard, localId(this.id));
		}

	}

	/** AcknowledgeView is one update recorded on an event. */
	record AcknowledgeView(String id, long clock, String message, int action, int oldSeverity, int newSeverity) {

		static AcknowledgeView of(String shard, ZabbixAcknowledge ack) {
			return new AcknowledgeView(qualify(shard, ack.acknowledgeid()), ack.clock(), ack.message(), ack.action(),
					ack.oldSeverity(), ack.newSeverity());
		}

	}

	/** EventView is a trigger event of {@code GET /api/v1/events}, newest first. */
	record EventView(String id, String shard, String triggerId, String name, int severity, long clock, boolean problem,
			boolean acknowledged, String recoveryEventId, List<HostRef> hosts, List<ZabbixTag> tags,
			List<AcknowledgeView> acknowledges) implements Paged {

		static EventView of(String shard, ZabbixEvent event) {
			String recovery = (event.recoveryEventId() == null || "0".equals(event.recoveryEventId())) ? null
					: qualify(shard, event.recoveryEventId());
			return new EventView(qualify(shard, event.eventid()), shard, qualify(shard, event.objectid()), event.name(),
					event.severity(), event.clock(), event.value() == 1, event.acknowledged() == 1, recovery,
					HostRef.of(shard, event.hosts()), event.tags(),
					event.acknowledges().stream().map((a) -> AcknowledgeView.of(shard, a)).toList());
		}

		@Override
		public PageKey pageKey() {
			return new PageKey(this.clock, "", this.shard, localId(this.id));
		}

	}

}
