package io.zgw.gateway.notify.pagerduty;

import java.time.Duration;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.DeliveryResult.Outcome;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.IntegrationKind;
import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.JsonPoster;
import io.zgw.gateway.testsupport.RecordingReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Posts Events API v2 and v1 events to a real HTTP server standing in for PagerDuty.
 */
class PagerDutyNotifierTest {

	private static final Integration PAGERDUTY_0 = new Integration(IntegrationKind.PAGERDUTY, 0);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String EVENT = "{\"dedup_key\":\"abc\",\"event_action\":\"trigger\","
			+ "\"payload\":{\"summary\":\"[FIRING:1] DiskFull\",\"source\":\"Alertmanager\",\"severity\":\"error\"}}";

	private final RecordingReceiver pagerduty = new RecordingReceiver();

	@AfterEach
	void stop() {
		this.pagerduty.close();
	}

	private static final String V1_EVENT = "{\"incident_key\":\"abc\",\"event_type\":\"trigger\","
			+ "\"description\":\"[FIRING:1] DiskFull\",\"event_action\":\"\",\"payload\":null}";

	private DeliveryResult send(String payload) {
		return send(new PagerDutyConfig(true, new Secret("R0UT1NG-KEY"), false,
				new Secret(this.pagerduty.url("/v2/enqueue")), HttpConfig.NONE), payload);
	}

	private DeliveryResult sendV1(String payload) {
		return send(
				new PagerDutyConfig(true, new Secret("S3RVICE-KEY"), true,
						new Secret(this.pagerduty.url("/generic/2010-04-15/create_event.json")), HttpConfig.NONE),
				payload);
	}

	private DeliveryResult send(PagerDutyConfig config, String payload) {
		return new PagerDutyNotifier(PAGERDUTY_0, config, new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2))),
				JSON, Duration.ofSeconds(5))
			.send(new Delivery("pager", PAGERDUTY_0, "g", payload));
	}

	@Test
	void postsTheEventWithTheRoutingKeyAndCounts202AsDelivered() {
		this.pagerduty.answerWith(202, "application/json", "{\"status\":\"success\",\"dedup_key\":\"abc\"}");
		assertThat(send(EVENT)).isEqualTo(DeliveryResult.delivered());
		RecordingReceiver.Received request = this.pagerduty.received().get(0);
		assertThat(request.path()).isEqualTo("/v2/enqueue");
		assertThat(request.contentType()).isEqualTo("application/json");
		JsonNode sent = JSON.readTree(request.body());
		assertThat(sent.path("routing_key").asString()).isEqualTo("R0UT1NG-KEY");
		assertThat(sent.path("dedup_key").asString()).isEqualTo("abc");
		assertThat(sent.path("payload").path("summary").asString()).isEqualTo("[FIRING:1] DiskFull");
	}

	@Test
	void rateLimitAndServerErrorsAreRetriedAndABadEventIsNot() {
		this.pagerduty.answerWith(429);
		assertThat(send(EVENT).outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		this.pagerduty.answerWith(502);
		assertThat(send(EVENT).outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		this.pagerduty.answerWith(400, "application/json",
				"{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\"'payload.severity' is invalid\"]}");
		DeliveryResult invalid = send(EVENT);
		assertThat(invalid.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(invalid.error()).contains("400").contains("Event object is invalid").doesNotContain("R0UT1NG-KEY");
	}

	@Test
	void eventsV1PostsTheEventWithTheServiceKeyAndRetriesItsRateLimit() {
		this.pagerduty.answerWith(200, "application/json", "{\"status\":\"success\",\"incident_key\":\"abc\"}");
		assertThat(sendV1(V1_EVENT)).isEqualTo(DeliveryResult.delivered());
		RecordingReceiver.Received request = this.pagerduty.received().get(0);
		assertThat(request.path()).isEqualTo("/generic/2010-04-15/create_event.json");
		JsonNode sent = JSON.readTree(request.body());
		assertThat(sent.path("service_key").asString()).isEqualTo("S3RVICE-KEY");
		assertThat(sent.has("routing_key")).isFalse();
		assertThat(sent.path("incident_key").asString()).isEqualTo("abc");
		assertThat(sent.get("payload").isNull()).isTrue();

		// Events API v1 says 403 when it throttles, as Alertmanager retries it.
		this.pagerduty.answerWith(403);
		assertThat(sendV1(V1_EVENT).outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(send(EVENT).outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		this.pagerduty.answerWith(400, "application/json", "{\"status\":\"invalid event\"}");
		DeliveryResult invalid = sendV1(V1_EVENT);
		assertThat(invalid.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(invalid.error()).contains("invalid event").doesNotContain("S3RVICE-KEY");
	}

	@Test
	void payloadThatIsNotAnEventFailsForGoodWithoutPosting() {
		assertThat(send("[1]").outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(send("not json").outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(this.pagerduty.received()).isEmpty();
	}

	@Test
	void configNeedsARoutingKeyAndAnHttpUrlAndHidesTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new PagerDutyConfig(true, new Secret(""), false, new Secret("https://x/"), HttpConfig.NONE))
			.withMessage("pagerduty_configs.routing_key or service_key must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new PagerDutyConfig(true, new Secret("k"), false, new Secret("ftp://x/"), HttpConfig.NONE))
			.withMessage("pagerduty_configs.url must be an absolute http or https URL");
		assertThat(
				new PagerDutyConfig(true, new Secret("R0UT1NG-KEY"), false, new Secret("https://x/"), HttpConfig.NONE))
			.asString()
			.doesNotContain("R0UT1NG-KEY");
	}

}
