package io.zgw.gateway.notify.telegram;

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
 * Posts Telegram messages to a real HTTP server standing in for the Bot API.
 */
class TelegramNotifierTest {

	private static final Integration TELEGRAM_0 = new Integration(IntegrationKind.TELEGRAM, 0);

	private static final String TOKEN = "123456:AAH-secret_token";

	private static final String BODY = "{\"chat_id\":\"-100\",\"disable_web_page_preview\":\"true\",\"text\":\"hi\"}";

	private final RecordingReceiver botApi = new RecordingReceiver();

	@AfterEach
	void stop() {
		this.botApi.close();
	}

	private DeliveryResult send() {
		TelegramConfig config = new TelegramConfig(true, new Secret(TOKEN), new Secret(this.botApi.url("/tg")),
				HttpConfig.NONE);
		return new TelegramNotifier(TELEGRAM_0, config, new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2))),
				JsonMapper.builder().build(), Duration.ofSeconds(5))
			.send(new Delivery("ops", TELEGRAM_0, "g", BODY));
	}

	@Test
	void postsTheStoredBodyToTheTokensSendMessagePath() {
		assertThat(send()).isEqualTo(DeliveryResult.delivered());
		RecordingReceiver.Received request = this.botApi.received().get(0);
		assertThat(request.path()).isEqualTo("/tg/bot" + TOKEN + "/sendMessage");
		assertThat(request.contentType()).startsWith("application/json");
		assertThat(request.body()).isEqualTo(BODY);
	}

	@Test
	void refusalsFailForGoodAndRateLimitsAreRetriedWithoutShowingTheToken() {
		this.botApi.answerWith(400, "application/json",
				"{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message text is empty\"}");
		DeliveryResult refused = send();
		assertThat(refused.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(refused.error()).contains("message text is empty").doesNotContain(TOKEN);
		// Until the user unblocks the bot, or the file names another chat.
		this.botApi.answerWith(403, "application/json",
				"{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
		DeliveryResult blocked = send();
		assertThat(blocked.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(blocked.error()).contains("bot was blocked by the user").doesNotContain(TOKEN);
		this.botApi.answerWith(429);
		DeliveryResult limited = send();
		assertThat(limited.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(limited.error()).doesNotContain(TOKEN);
	}

	@Test
	void aTokenThatCannotBeAPathIsRefusedWithoutQuotingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TelegramConfig(true, new Secret("12 secret"), new Secret("https://api.telegram.org"),
					HttpConfig.NONE))
			.withMessage("telegram_configs.bot_token does not fit in a URL path");
	}

}
