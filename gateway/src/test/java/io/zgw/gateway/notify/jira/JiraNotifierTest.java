package io.zgw.gateway.notify.jira;

import java.net.URI;
import java.time.Duration;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.DeliveryResult.Outcome;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.IntegrationKind;
import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.JsonPoster;
import io.zgw.gateway.testsupport.JiraStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Keeps one issue per group in a real HTTP server answering as Jira's REST API does
 * ({@link JiraStandIn}): create, update, resolve and reopen, as Alertmanager 0.28.
 */
class JiraNotifierTest {

	private static final Integration JIRA_0 = new Integration(IntegrationKind.JIRA, 0);

	private static final String LABEL = "ALERT{5d2c}";

	private static final String OPEN_JQL = "statusCategory != Done and project=\"DBA\" and labels=\"" + LABEL
			+ "\" order by status ASC,resolutiondate DESC";

	private static final String REOPEN_JQL = "(resolutiondate is EMPTY OR resolutiondate >= -60m) and project=\"DBA\""
			+ " and labels=\"" + LABEL + "\" order by status ASC,resolutiondate DESC";

	private final JiraStandIn jira = new JiraStandIn();

	private final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void stop() {
		this.jira.close();
	}

	private static String payload(String jql, boolean firing, String summary) {
		return payload(jql, false, firing, summary);
	}

	private static String payload(String jql, boolean cloud, boolean firing, String summary) {
		return """
				{"jql":"%s","cloud":%s,"firing":%s,"issue":{"fields":{"issuetype":{"name":"Incident"},
				"labels":["%s","database"],"project":{"key":"DBA"},"summary":"%s","description":"text"}},
				"reopenTransition":"Reopen","resolveTransition":"Done"}
				""".formatted(jql.replace("\"", "\\\""), cloud, firing, LABEL, summary);
	}

	private DeliveryResult send(int version, String payload) {
		HttpConfig basic = new HttpConfig(new HttpConfig.BasicAuth("sre@example.com", new Secret("api-t0ken")), null,
				null, null, null, true, true);
		JiraConfig config = new JiraConfig(true, URI.create(this.jira.apiUrl(version)), basic);
		return new JiraNotifier(JIRA_0, config, new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2))), this.json,
				Duration.ofSeconds(5))
			.send(new Delivery("dba", JIRA_0, "g", payload));
	}

	@Test
	void aFiringGroupMakesAnIssueThenUpdatesItAndItsResolutionClosesIt() {
		assertThat(send(2, payload(OPEN_JQL, true, "[FIRING:1] DiskFull"))).isEqualTo(DeliveryResult.delivered());
		assertThat(this.jira.requests()).extracting(JiraStandIn.Request::method, JiraStandIn.Request::path)
			.containsExactly(tuple("POST", "search"), tuple("POST", "issue"));
		JiraStandIn.Request search = this.jira.requests().get(0);
		assertThat(this.json.readTree(search.body()))
			.isEqualTo(this.json.readTree("{\"expand\":[],\"fields\":[\"status\"],\"jql\":\""
					+ OPEN_JQL.replace("\"", "\\\"") + "\",\"maxResults\":2,\"startAt\":0}"));
		assertThat(search.authorization()).isEqualTo("Basic c3JlQGV4YW1wbGUuY29tOmFwaS10MGtlbg==");
		assertThat(this.jira.issues()).singleElement().satisfies((issue) -> {
			assertThat(issue.key()).isEqualTo("DBA-1");
			assertThat(issue.fields().path("summary").asString()).isEqualTo("[FIRING:1] DiskFull");
			assertThat(issue.done()).isFalse();
		});

		// Still firing: the same issue is updated, no transition.
		assertThat(send(2, payload(OPEN_JQL, true, "[FIRING:2] DiskFull"))).isEqualTo(DeliveryResult.delivered());
		assertThat(this.jira.requests().subList(2, 4))
			.extracting(JiraStandIn.Request::method, JiraStandIn.Request::path)
			.containsExactly(tuple("POST", "search"), tuple("PUT", "issue/DBA-1"));
		assertThat(this.jira.issues().get(0).fields().path("summary").asString()).isEqualTo("[FIRING:2] DiskFull");

		// Resolved: updated, then moved with the resolve transition, found by name.
		assertThat(send(2, payload(OPEN_JQL, false, "[RESOLVED] DiskFull"))).isEqualTo(DeliveryResult.delivered());
		assertThat(this.jira.requests().subList(4, 8))
			.extracting(JiraStandIn.Request::method, JiraStandIn.Request::path, JiraStandIn.Request::body)
			.containsExactly(tuple("POST", "search", this.jira.requests().get(4).body()),
					tuple("PUT", "issue/DBA-1", this.jira.requests().get(5).body()),
					tuple("GET", "issue/DBA-1/transitions", ""),
					tuple("POST", "issue/DBA-1/transitions", "{\"transition\":{\"id\":\"31\"}}"));
		assertThat(this.jira.issues()).singleElement().satisfies((issue) -> assertThat(issue.done()).isTrue());

		// Firing again with a reopen transition: the done issue is reopened.
		assertThat(send(2, payload(REOPEN_JQL, true, "[FIRING:1] DiskFull"))).isEqualTo(DeliveryResult.delivered());
		assertThat(this.jira.requests().get(11).body()).isEqualTo("{\"transition\":{\"id\":\"11\"}}");
		assertThat(this.jira.issues()).singleElement().satisfies((issue) -> assertThat(issue.done()).isFalse());
	}

	@Test
	void withoutAReopenTransitionADoneIssueIsLeftAndANewOneMade() {
		this.jira.put(new JiraStandIn.Issue("DBA-1",
				this.json.readTree("{\"labels\":[\"" + LABEL + "\"],\"summary\":\"old\"}"), true));
		assertThat(send(2, payload(OPEN_JQL, true, "new"))).isEqualTo(DeliveryResult.delivered());
		assertThat(this.jira.issues()).extracting(JiraStandIn.Issue::key).containsExactly("DBA-1", "DBA-2");
	}

	@Test
	void aResolvedGroupWithoutAnIssueMakesNone() {
		assertThat(send(2, payload(OPEN_JQL, false, "[RESOLVED] DiskFull"))).isEqualTo(DeliveryResult.delivered());
		assertThat(this.jira.requests()).singleElement().satisfies((r) -> assertThat(r.path()).isEqualTo("search"));
		assertThat(this.jira.issues()).isEmpty();
	}

	@Test
	void jiraCloudIsSearchedWithSearchJql() {
		assertThat(send(3, payload(OPEN_JQL, true, true, "s"))).isEqualTo(DeliveryResult.delivered());
		assertThat(this.json.readTree(this.jira.requests().get(0).body()).has("startAt")).isFalse();
		assertThat(this.jira.requests()).extracting(JiraStandIn.Request::path).containsExactly("search/jql", "issue");
	}

	@Test
	void overloadIsRetriedAndARefusedIssueFailsForGoodWithJirasError() {
		this.jira.failNext(1, 429, "");
		DeliveryResult limited = send(2, payload(OPEN_JQL, true, "s"));
		assertThat(limited.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(limited.error())
			.isEqualTo("failed to look up existing issues: HTTP request to JIRA API: unexpected status code 429");
		this.jira.failNext(1, 503, "");
		assertThat(send(2, payload(OPEN_JQL, true, "s")).outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(this.jira.issues()).isEmpty();

		this.jira.failNext(2, 400, "{\"errorMessages\":[],\"errors\":{\"issuetype\":\"Specify a valid issue type\"}}");
		DeliveryResult refused = send(2, payload(OPEN_JQL, true, "s"));
		assertThat(refused.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(refused.error()).contains("Specify a valid issue type").doesNotContain("api-t0ken");
	}

	@Test
	void anUnknownTransitionFailsForGood() {
		assertThat(send(2, payload(OPEN_JQL, true, "s"))).isEqualTo(DeliveryResult.delivered());
		DeliveryResult result = send(2, payload(OPEN_JQL, false, "s").replace("\"Done\"", "\"Close Issue\""));
		assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(result.error()).isEqualTo("can't find transition Close Issue for issue DBA-1");
	}

}
