package io.zgw.gateway.notify.victorops;

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

/**
 * Posts VictorOps messages to a real HTTP server standing in for Splunk On-Call.
 */
class VictorOpsNotifierTest {

	private static final Integration VICTOROPS_0 = new Integration(IntegrationKind.VICTOROPS, 0);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RecordingReceiver victorOps = new RecordingReceiver();

	@AfterEach
	void stop() {
		this.victorOps.close();
	}

	private DeliveryResult send(String messageType) {
		VictorOpsConfig config = new VictorOpsConfig(true, new Secret("V0-KEY"),
				new Secret(this.victorOps.url("/integrations/generic/20131114/alert/")), HttpConfig.NONE);
		String payload = "{\"routing_key\":\"db team\",\"message\":{\"message_type\":\"" + messageType
				+ "\",\"entity_id\":\"abc\",\"state_message\":\"disk full\"}}";
		return new VictorOpsNotifier(VICTOROPS_0, config, new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2))),
				JSON, Duration.ofSeconds(5))
			.send(new Delivery("ops", VICTOROPS_0, "g", payload));
	}

	@Test
	void postsTheMessageToTheKeyAndRoutingKeyPath() {
		assertThat(send("CRITICAL")).isEqualTo(DeliveryResult.delivered());
		RecordingReceiver.Received request = this.victorOps.received().get(0);
		assertThat(request.path()).isEqualTo("/integrations/generic/20131114/alert/V0-KEY/db team");
		assertThat(JSON.readTree(request.body()).path("entity_id").asString()).isEqualTo("abc");
		assertThat(JSON.readTree(request.body()).has("routing_key")).isFalse();
	}

	@Test
	void aMessageTypeVictorOpsDoesNotKnowFailsForGoodAndServerErrorsAreRetried() {
		DeliveryResult invalid = send("PANIC");
		assertThat(invalid.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(invalid.error()).isEqualTo("victorops: invalid message type 'PANIC'");
		assertThat(this.victorOps.received()).isEmpty();
		this.victorOps.answerWith(503);
		DeliveryResult down = send("RECOVERY");
		assertThat(down.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(down.error()).doesNotContain("V0-KEY");
	}

}
