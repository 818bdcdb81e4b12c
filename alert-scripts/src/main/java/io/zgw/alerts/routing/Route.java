package io.zgw.alerts.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import io.zgw.alerts.matcher.Matchers;
import io.zgw.alerts.model.LabelSet;
import org.jspecify.annotations.Nullable;

/**
 * Route is a node of the routing tree with its effective options; {@link #match} walks
 * the tree as Alertmanager's dispatcher does.
 */
public final class Route {

	private final @Nullable Route parent;

	private final int index;

	private final Matchers matchers;

	private final boolean continueMatching;

	private final RouteOptions options;

	private final List<Route> routes;

	private final String key;

	private final String id;

	private Route(@Nullable Route parent, int index, RouteSpec spec, RouteOptions options) {
		this.parent = parent;
		this.index = index;
		this.matchers = spec.matchers().sorted();
		this.continueMatching = spec.continueMatching();
		this.options = options;
		this.key = (parent != null) ? parent.key + "/" + this.matchers : this.matchers.toString();
		this.id = (parent != null) ? parent.id + "/" + this.matchers + "/" + index : this.matchers.toString();
		List<Route> children = new ArrayList<>();
		for (RouteSpec child : spec.routes()) {
			children.add(new Route(this, children.size(), child, options.inherit(child)));
		}
		this.routes = Collections.unmodifiableList(children);
	}

	/**
	 * Builds the tree from the root spec, applying Alertmanager's defaults and
	 * inheritance.
	 * @throws IllegalArgumentException when the root has no receiver
	 */
	public static Route tree(RouteSpec root) {
		if (root.receiver() == null || root.receiver().isEmpty()) {
			throw new IllegalArgumentException("root route must specify a default receiver");
		}
		return new Route(null, 0, root, RouteOptions.root(root.receiver()).inherit(root));
	}

	/**
	 * Returns the routes the labels are routed to: depth first, the first matching child
	 * wins unless it has {@code continue}, and a node none of whose children match
	 * matches itself; empty when this node's matchers fail.
	 */
	public List<Route> match(LabelSet labels) {
		if (!this.matchers.matches(labels)) {
			return List.of();
		}
		List<Route> all = new ArrayList<>();
		for (Route child : this.routes) {
			List<Route> matches = child.match(labels);
			all.addAll(matches);
			if (!matches.isEmpty() && !child.continueMatching) {
				break;
			}
		}
		if (all.isEmpty()) {
			all.add(this);
		}
		return all;
	}

	/**
	 * Returns Alertmanager's route key, the path of matcher lists from the root such as
	 * {@code {}/{severity="critical"}}; siblings with equal matchers share it.
	 */
	public String key() {
		return this.key;
	}

	/** Returns a unique id: the key with each node's index among its siblings. */
	public String id() {
		return this.id;
	}

	/**
	 * Returns the group key Alertmanager gives the group with these labels on this route,
	 * e.g. {@code {}/{severity="critical"}:{alertname="X"}}.
	 */
	public String groupKey(LabelSet groupLabels) {
		return this.key + ":" + groupLabels.toAlertmanagerString();
	}

	/** Returns the labels of the alert that form its group on this route. */
	public LabelSet groupLabels(LabelSet labels) {
		return this.options.groupLabels(labels);
	}

	/** Calls the consumer for this node and every descendant, depth first. */
	public void walk(Consumer<Route> consumer) {
		consumer.accept(this);
		this.routes.forEach((child) -> child.walk(consumer));
	}

	public @Nullable Route parent() {
		return this.parent;
	}

	/** Returns the position of this node among its siblings. */
	public int index() {
		return this.index;
	}

	public Matchers matchers() {
		return this.matchers;
	}

	public boolean continueMatching() {
		return this.continueMatching;
	}

	public RouteOptions options() {
		return this.options;
	}

	public List<Route> routes() {
		return this.routes;
	}

	@Override
	public String toString() {
		return this.id;
	}

}
