package io.zgw.alerts.routing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zgw.alerts.config.ConfigLoader;
import io.zgw.alerts.matcher.Matchers;
import io.zgw.alerts.model.LabelSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RouteTest {

	private static final Route ROOT = ConfigLoader.load(fixture()).route();

	private static String fixture() {
		try (InputStream in = RouteTest.class.getResourceAsStream("/alertmanager/realistic.yml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static LabelSet labels(String text) {
		Map<String, String> map = new HashMap<>();
		for (String pair : text.split(" ")) {
			String[] parts = pair.split("=", 2);
			map.put(parts[0], parts[1]);
		}
		return LabelSet.of(map);
	}

	private static List<String> receivers(String labels) {
		return ROOT.match(labels(labels)).stream().map((route) -> route.options().receiver()).toList();
	}

	// Expected receivers are what `amtool config routes test --config.file=realistic.yml`
	// (Alertmanager 0.25) printed for the same labels.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			alertname=A severity=critical team=db                    | pager,dba
			alertname=A severity=critical                            | pager,never-reached
			alertname=A team=db severity=warning                     | dba-mail
			alertname=A team=db service=mysql                        | dba-slack
			alertname=A team=db env=dev                              | default
			alertname=A shard=pay                                    | pay-team
			alertname=DiskFull shard=pay severity=info               | blackhole
			alertname=X team=storage severity=warning service=mariadb | dba-mail
			alertname=A severity=critical shard=pay                  | pager,pay-team
			""")
	void routesLikeAmtool(String labels, String expected) {
		assertThat(receivers(labels)).containsExactly(expected.split(","));
	}

	@Test
	void groupKeyIsRouteKeyAndGroupLabelsAsAlertmanagerBuildsIt() {
		LabelSet alert = labels("alertname=X shard=shop severity=critical instance=h1");
		Route pager = ROOT.match(alert).get(0);
		assertThat(pager.groupKey(pager.groupLabels(alert)))
			.isEqualTo("{}/{severity=\"critical\"}:{alertname=\"X\", shard=\"shop\"}");
		Route fallback = ROOT.match(labels("alertname=X")).get(0);
		assertThat(fallback.groupKey(fallback.groupLabels(labels("alertname=X")))).isEqualTo("{}:{alertname=\"X\"}");
	}

	@Test
	void groupByEllipsisGroupsByAllLabels() {
		LabelSet alert = labels("alertname=A team=db instance=h1");
		Route dba = ROOT.match(alert).get(0);
		assertThat(dba.options().receiver()).isEqualTo("dba");
		assertThat(dba.groupLabels(alert)).isEqualTo(alert);
	}

	@Test
	void groupLabelsOnlyHoldLabelsTheAlertHas() {
		assertThat(ROOT.groupLabels(labels("alertname=A instance=h1")).asMap()).containsOnlyKeys("alertname");
	}

	@Test
	void emptyGroupByInheritsLikeAlertmanager() {
		RouteSpec child = new RouteSpec(null, List.of(), false, null, null, null, Matchers.parse("a=b"), false,
				List.of(), List.of(), null, null, null, null, null, List.of());
		RouteSpec root = new RouteSpec("r", List.of("alertname"), false, null, null, null, Matchers.none(), false,
				List.of(), List.of(), null, null, null, null, null, List.of(child));
		assertThat(Route.tree(root).routes().get(0).options().groupBy()).containsExactly("alertname");
	}

	@Test
	void childGroupByReplacesInheritedEllipsis() {
		RouteSpec child = new RouteSpec(null, List.of("a"), false, null, null, null, Matchers.parse("a=b"), false,
				List.of(), List.of(), null, null, null, null, null, List.of());
		RouteSpec root = new RouteSpec("r", null, true, null, null, null, Matchers.none(), false, List.of(), List.of(),
				null, null, null, null, null, List.of(child));
		RouteOptions options = Route.tree(root).routes().get(0).options();
		assertThat(options.groupByAll()).isFalse();
		assertThat(options.groupBy()).containsExactly("a");
	}

	@Test
	void nodeWithoutMatchingChildMatchesItselfAndNonMatchingTreeMatchesNothing() {
		Route dba = ROOT.routes().get(1);
		assertThat(dba.match(labels("team=db alertname=Y"))).containsExactly(dba);
		assertThat(dba.match(labels("team=web"))).isEmpty();
	}

	@Test
	void rootNeedsAReceiver() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Route.tree(RouteSpec.of(null, Matchers.none(), List.of())));
	}

}
