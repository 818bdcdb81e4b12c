package io.zgw.gateway.notify.rocketchat;

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
import io.zgw.gateway.testsupport.RecordingReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Posts Rocket.Chat messages to a real HTTP server standing in for Rocket.Chat's REST
 * API, which answers as Rocket.Chat does: {@code success} in a JSON body, sometimes false
 * with a 200.
 */
class RocketChatNotifierTest {

	private static final Integration ROCKETCHAT_0 = new Integration(IntegrationKind.ROCKETCHAT, 0);

	private static final String TOKEN = "9HqLlyZOugoStsXCUfD_0YdwnNnunAJF8V47U3QHXSq";

	private static final String USER = "aobEdbYhXfu5hkeqG";

	private static final String BODY = "{\"channel\":\"#ops\",\"attachments\":[{\"title\":\"t\",\"color\":\"red\"}]}";

	private final RecordingReceiver chat = new RecordingReceiver();

	@AfterEach
	void stop() {
		this.chat.close();
	}

	private DeliveryResult send(String apiUrl) {
		RocketChatConfig config = new RocketChatConfig(false, URI.create(apiUrl), new Secret(TOKEN), new Secret(USER),
				HttpConfig.NONE);
		return new RocketChatNotifier(ROCKETCHAT_0, config, new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2))),
				JsonMapper.builder().build(), Duration.ofSeconds(5))
			.send(new Delivery("ops", ROCKETCHAT_0, "g", BODY));
	}

	@Test
	void postsTheStoredBodyToPostMessageWithTheTokenInHeaders() {
		this.chat.answerWith(200, "application/json", "{\"ts\":1,\"channel\":\"ops\",\"success\":true}");
		assertThat(send(this.chat.url("/rc"))).isEqualTo(DeliveryResult.delivered());
		assertThat(send(this.chat.url("/rc/"))).isEqualTo(DeliveryResult.delivered());
		assertThat(this.chat.received()).allSatisfy((request) -> {
			assertThat(request.path()).isEqualTo("/rc/api/v1/chat.postMessage");
			assertThat(request.header("X-Auth-Token")).isEqualTo(TOKEN);
			assertThat(request.header("X-User-Id")).isEqualTo(USER);
			assertThat(request.contentType()).startsWith("application/json");
			assertThat(request.body()).isEqualTo(BODY);
		});
	}

	@Test
	void aRefusalInA200FailsForGoodAndAnAnswerThatIsNotJsonIsRetried() {
		this.chat.answerWith(200, "application/json",
				"{\"success\":false,\"error\":\"error-not-allowed\",\"errorType\":\"error-not-allowed\"}");
		DeliveryResult refused = send(this.chat.url(""));
		assertThat(refused.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(refused.error()).isEqualTo("error response from Rocketchat: error-not-allowed");
		this.chat.answerWith(200, "text/html", "<html>maintenance</html>");
		DeliveryResult notJson = send(this.chat.url(""));
		assertThat(notJson.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(notJson.error()).startsWith("could not unmarshal JSON response \"<html>maintenance</html>\"");
	}

	@Test
	void aBadTokenAndOverloadAreRetriedWithoutShowingTheToken() {
		this.chat.answerWith(401, "application/json",
				"{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}");
		DeliveryResult unauthorized = send(this.chat.url(""));
		assertThat(unauthorized.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(unauthorized.error()).contains("You must be logged in").doesNotContain(TOKEN);
		this.chat.answerWith(429);
		assertThat(send(this.chat.url("")).outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		this.chat.answerWith(503);
		assertThat(send(this.chat.url("")).outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
	}

	@Test
	void emptyCredentialsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RocketChatConfig(false, URI.create("https://chat.example.com"), new Secret(""),
					new Secret(USER), HttpConfig.NONE))
			.withMessage("rocketchat_configs: token and token_id must not be empty");
	}

}
