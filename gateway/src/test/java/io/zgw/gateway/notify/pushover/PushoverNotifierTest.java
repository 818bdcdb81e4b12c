package io.zgw.gateway.notify.pushover;

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
 * Sends Pushover messages to a real HTTP server standing in for Pushover's message API.
 */
class PushoverNotifierTest {

	private static final Integration PUSHOVER_0 = new Integration(IntegrationKind.PUSHOVER, 0);

	private static final String PAYLOAD = "{\"parameters\":{\"expire\":\"3600\",\"message\":\"disk > 90% & rising\","
			+ "\"priority\":\"2\",\"retry\":\"60\",\"sound\":\"\",\"title\":\"[FIRING:1] DiskFull\","
			+ "\"url\":\"http://am/#/alerts?receiver=ops\",\"url_title\":\"\"}}";

	private final RecordingReceiver pushover = new RecordingReceiver();

	@AfterEach
	void stop() {
		this.pushover.close();
	}

	private DeliveryResult send(String payload) {
		PushoverConfig config = new PushoverConfig(true, new Secret("uQiRzpo4DXghDmr9QzzfQu27cmVRsG"),
				new Secret("azGDORePK8gMaC0QOYAMyEEuzJnyUi"), new Secret(this.pushover.url("/1/messages.json")),
				HttpConfig.NONE);
		return new PushoverNotifier(PUSHOVER_0, config, new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2))),
				JsonMapper.builder().build(), Duration.ofSeconds(5))
			.send(new Delivery("ops", PUSHOVER_0, "g", payload));
	}

	@Test
	void sendsAnEmptyPostWhoseSortedQueryHoldsTheMessageTokenAndUser() {
		this.pushover.answerWith(200, "application/json", "{\"status\":1,\"request\":\"647d2300\"}");
		assertThat(send(PAYLOAD)).isEqualTo(DeliveryResult.delivered());
		RecordingReceiver.Received request = this.pushover.received().get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/1/messages.json");
		assertThat(request.contentType()).isEqualTo("text/plain");
		assertThat(request.body()).isEmpty();
		// Escaped as Go's url.Values.Encode: sorted, a space as '+'.
		assertThat(request.query()).isEqualTo("expire=3600&message=disk+%3E+90%25+%26+rising&priority=2&retry=60"
				+ "&sound=&title=%5BFIRING%3A1%5D+DiskFull&token=azGDORePK8gMaC0QOYAMyEEuzJnyUi"
				+ "&url=http%3A%2F%2Fam%2F%23%2Falerts%3Freceiver%3Dops&url_title=&user=uQiRzpo4DXghDmr9QzzfQu27cmVRsG");
	}

	@Test
	void refusalsFailForGoodWithPushoversErrorsAndOutagesAreRetried() {
		this.pushover.answerWith(400, "application/json",
				"{\"user\":\"invalid\",\"errors\":[\"user identifier is not a valid user, group, or subscribed user key\"],"
						+ "\"status\":0,\"request\":\"5042853c\"}");
		DeliveryResult refused = send(PAYLOAD);
		assertThat(refused.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(refused.error()).contains("400")
			.contains("user identifier is not a valid user")
			.doesNotContain("azGDORePK8gMaC0QOYAMyEEuzJnyUi");
		this.pushover.answerWith(503);
		assertThat(send(PAYLOAD).outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
	}

	@Test
	void payloadWithoutParametersFailsForGoodWithoutSending() {
		assertThat(send("{\"form\":{}}").outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(send("not json").outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(this.pushover.received()).isEmpty();
	}

	@Test
	void configNeedsBothSecretsAndAnHttpUrlAndHidesThem() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PushoverConfig(true, new Secret(""), new Secret("t"), new Secret("https://x/"),
					HttpConfig.NONE))
			.withMessage("pushover_configs.user_key and token must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PushoverConfig(true, new Secret("u"), new Secret("t"), new Secret("ftp://x/"),
					HttpConfig.NONE))
			.withMessage("pushover_configs.api_url must be an absolute http or https URL");
		assertThat(new PushoverConfig(true, new Secret("uQiRzpo4"), new Secret("azGDORe"), new Secret("https://x/"),
				HttpConfig.NONE))
			.asString()
			.doesNotContain("uQiRzpo4")
			.doesNotContain("azGDORe");
	}

}
