package io.zgw.gateway.notify.slack;

import java.time.Duration;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.DeliveryResult.Outcome;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.IntegrationKind;
import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.testsupport.RecordingReceiver;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.JsonPoster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SlackNotifierTest {

	private static final Integration SLACK_0 = new Integration(IntegrationKind.SLACK, 0);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RecordingReceiver slack = new RecordingReceiver();

	@AfterEach
	void stopReceiver() {
		slack.close();
	}

	private DeliveryResult send(String channel, String payload) {
		SlackConfig config = new SlackConfig(false, new Secret(slack.url("/services/T000/B000/XXXX")), channel, "zgw",
				HttpConfig.NONE);
		return new SlackNotifier(SLACK_0, config, new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2))), JSON,
				Duration.ofSeconds(2))
			.send(new Delivery("ops", SLACK_0, "g", payload));
	}

	@Test
	void incomingWebhookReceivesTheMessageWithConfiguredChannelAndUsername() {
		slack.answerWith(200, "text/plain", "ok");
		DeliveryResult result = send("#ops",
				"{\"text\":\"[FIRING:1] Down\",\"attachments\":[{\"title\":\"Down\",\"color\":\"danger\"}]}");
		assertThat(result).isEqualTo(DeliveryResult.delivered());
		RecordingReceiver.Received request = slack.received().get(0);
		assertThat(request.path()).isEqualTo("/services/T000/B000/XXXX");
		assertThat(request.contentType()).isEqualTo("application/json");
		JsonNode body = JSON.readTree(request.body());
		assertThat(body.path("channel").asString()).isEqualTo("#ops");
		assertThat(body.path("username").asString()).isEqualTo("zgw");
		assertThat(body.path("text").asString()).isEqualTo("[FIRING:1] Down");
		assertThat(body.path("attachments").get(0).path("title").asString()).isEqualTo("Down");
	}

	@Test
	void channelInTheRenderedPayloadWinsOverConfig() {
		send("#ops", "{\"channel\":\"#pay\",\"text\":\"t\"}");
		assertThat(JSON.readTree(slack.received().get(0).body()).path("channel").asString()).isEqualTo("#pay");
	}

	@Test
	void slackErrorAnswerIsAPermanentFailure() {
		slack.answerWith(200, "application/json; charset=utf-8", "{\"ok\":false,\"error\":\"channel_not_found\"}");
		DeliveryResult result = send("#nope", "{\"text\":\"t\"}");
		assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(result.error()).isEqualTo("slack answered error: channel_not_found");
	}

	@Test
	void slackCompatibleServicesReportFailuresInTheirOwnWords() {
		slack.answerWith(200, "application/json", "{\"success\":false,\"error\":\"invalid-channel\"}");
		assertThat(send(null, "{\"text\":\"t\"}").error()).isEqualTo("slack answered error: invalid-channel");
		slack.answerWith(200, "application/json", "{\"result\":\"error\",\"msg\":\"Stream does not exist\"}");
		assertThat(send(null, "{\"text\":\"t\"}").error()).isEqualTo("slack answered error: Stream does not exist");
	}

	@Test
	void anyOtherTwoHundredIsDelivered() {
		// Slack's Web API and incoming webhook, Rocket.Chat, Zulip, Mattermost, a page.
		for (String[] answer : new String[][] { { "application/json", "{\"ok\":true}" }, { "text/html", "ok" },
				{ "application/json", "{\"success\":true}" },
				{ "application/json", "{\"result\":\"success\",\"msg\":\"\"}" }, { "text/plain", "" },
				{ "text/html", "<html>thanks</html>" }, { "application/json", "not json" } }) {
			slack.answerWith(200, answer[0], answer[1]);
			assertThat(send(null, "{\"text\":\"t\"}").outcome()).as(answer[1]).isEqualTo(Outcome.DELIVERED);
		}
	}

	@Test
	void slackRateLimitIsRetryable() {
		slack.answerWith(429, "text/plain", "rate_limited");
		assertThat(send(null, "{\"text\":\"t\"}").outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
	}

	@Test
	void payloadThatIsNotAJsonObjectIsAPermanentFailureWithoutSending() {
		assertThat(send(null, "[1,2]").outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(slack.received()).isEmpty();
	}

}
