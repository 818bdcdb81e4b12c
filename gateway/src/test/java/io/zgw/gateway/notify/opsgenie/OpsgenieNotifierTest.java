package io.zgw.gateway.notify.opsgenie;

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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Makes Opsgenie Alert API calls against a real HTTP server standing in for Opsgenie.
 */
class OpsgenieNotifierTest {

	private static final Integration OPSGENIE_0 = new Integration(IntegrationKind.OPSGENIE, 0);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CALLS = """
			{"requests":[
			 {"method":"POST","path":"v2/alerts","body":{"alias":"abc","message":"DiskFull","details":{},"source":"zgw"}},
			 {"method":"PUT","path":"v2/alerts/abc/message?identifierType=alias","body":{"message":"DiskFull"}}]}
			""";

	private final RecordingReceiver opsgenie = new RecordingReceiver();

	@AfterEach
	void stop() {
		this.opsgenie.close();
	}

	private DeliveryResult send(String payload, HttpConfig http) {
		OpsgenieConfig config = new OpsgenieConfig(true, new Secret("G3NIE-KEY"), new Secret(this.opsgenie.url("/")),
				http);
		return new OpsgenieNotifier(OPSGENIE_0, config, new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2))),
				JSON, Duration.ofSeconds(5))
			.send(new Delivery("genie", OPSGENIE_0, "g", payload));
	}

	@Test
	void makesEveryCallInOrderWithTheGenieKeyOverHttpConfigAuth() {
		this.opsgenie.answerWith(202);
		assertThat(send(CALLS, HttpConfig.bearer("not-this"))).isEqualTo(DeliveryResult.delivered());
		assertThat(this.opsgenie.received()).extracting(RecordingReceiver.Received::method)
			.containsExactly("POST", "PUT");
		assertThat(this.opsgenie.received()).extracting(RecordingReceiver.Received::path)
			.containsExactly("/v2/alerts", "/v2/alerts/abc/message");
		assertThat(this.opsgenie.received()).extracting(RecordingReceiver.Received::authorization)
			.containsOnly("GenieKey G3NIE-KEY");
		assertThat(JSON.readTree(this.opsgenie.received().get(0).body()).path("alias").asString()).isEqualTo("abc");
	}

	@Test
	void theFirstFailedCallStopsTheRestAndDecidesTheOutcome() {
		this.opsgenie.answerBy((n) -> 429);
		assertThat(send(CALLS, HttpConfig.NONE).outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(this.opsgenie.received()).hasSize(1);
		this.opsgenie.answerBy((n) -> (n == 2) ? 202 : 422);
		DeliveryResult invalid = send(CALLS, HttpConfig.NONE);
		assertThat(invalid.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(invalid.error()).contains("422").doesNotContain("G3NIE-KEY");
		assertThat(this.opsgenie.received()).hasSize(3);
	}

	@Test
	void payloadWithoutCallsFailsForGoodWithoutCalling() {
		assertThat(send("{\"requests\":[]}", HttpConfig.NONE).outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(send("nope", HttpConfig.NONE).outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(this.opsgenie.received()).isEmpty();
	}

	@Test
	void configNeedsAKeyAndAnHttpUrlAndHidesTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OpsgenieConfig(true, new Secret(""), new Secret("https://x/"), HttpConfig.NONE))
			.withMessage("opsgenie_configs.api_key must not be empty");
		assertThat(new OpsgenieConfig(true, new Secret("G3NIE-KEY"), new Secret("https://x/"), HttpConfig.NONE))
			.asString()
			.doesNotContain("G3NIE-KEY");
	}

}
