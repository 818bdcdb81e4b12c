package io.zgw.gateway.notify.wechat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.DeliveryResult.Outcome;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.IntegrationKind;
import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.JsonPoster;
import io.zgw.gateway.testsupport.ManualClock;
import io.zgw.gateway.testsupport.RecordingReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends WeChat Work messages to a real HTTP server standing in for WeChat's API, which
 * hands out the access token and takes the messages.
 */
class WechatNotifierTest {

	private static final Integration WECHAT_0 = new Integration(IntegrationKind.WECHAT, 0);

	private static final String SECRET = "s3cret&key";

	private static final String BODY = "{\"text\":{\"content\":\"disk full\"},\"safe\":\"0\",\"msgtype\":\"text\","
			+ "\"markdown\":{\"content\":\"\"}}";

	private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"TOK-1\"}";

	private final RecordingReceiver wechat = new RecordingReceiver();

	private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T10:00:00Z"));

	private final WechatNotifier notifier = new WechatNotifier(WECHAT_0,
			new WechatConfig(false, new Secret(SECRET), "corp 1", new Secret(this.wechat.url("/cgi-bin/")),
					HttpConfig.NONE),
			new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2))), JsonMapper.builder().build(),
			Duration.ofSeconds(5), this.clock);

	@AfterEach
	void stop() {
		this.wechat.close();
	}

	private DeliveryResult send() {
		return this.notifier.send(new Delivery("ops", WECHAT_0, "g", BODY));
	}

	private List<String> calls() {
		return this.wechat.received().stream().map((r) -> r.method() + " " + r.path() + "?" + r.query()).toList();
	}

	@Test
	void getsATokenOnceForTwoHoursAndPostsTheMessageWithIt() {
		this.wechat.answerWith(200, "application/json", OK);
		assertThat(send()).isEqualTo(DeliveryResult.delivered());
		assertThat(send()).isEqualTo(DeliveryResult.delivered());
		this.clock.advance(Duration.ofHours(2).plusSeconds(1));
		assertThat(send()).isEqualTo(DeliveryResult.delivered());
		String token = "GET /cgi-bin/gettoken?corpid=corp+1&corpsecret=s3cret%26key";
		String message = "POST /cgi-bin/message/send?access_token=TOK-1";
		assertThat(calls()).containsExactly(token, message, message, token, message);
		assertThat(this.wechat.received().get(1).body()).isEqualTo(BODY);
	}

	@Test
	void anExpiredTokenIsDroppedAndRetriedOtherCodesFailForGood() {
		this.wechat.answerWith(200, "application/json", "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");
		DeliveryResult expired = send();
		assertThat(expired.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(expired.error()).isEqualTo("wechat: invalid api_secret for corp_id corp 1");
		this.wechat.answerWith(200, "application/json", OK);
		assertThat(send()).isEqualTo(DeliveryResult.delivered());
		this.wechat.answerWith(200, "application/json", "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");
		DeliveryResult retried = send();
		assertThat(retried.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(retried.error()).isEqualTo("wechat: access_token expired (errcode 42001)");
		this.wechat.answerWith(200, "application/json",
				"{\"errcode\":81013,\"errmsg\":\"user & party & tag all invalid\",\"access_token\":\"TOK-2\"}");
		DeliveryResult invalid = send();
		assertThat(invalid.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(invalid.error()).isEqualTo("wechat: user & party & tag all invalid (errcode 81013)");
		// The expired token was dropped: a new one was asked for, and used.
		assertThat(calls().subList(calls().size() - 2, calls().size())).containsExactly(
				"GET /cgi-bin/gettoken?corpid=corp+1&corpsecret=s3cret%26key",
				"POST /cgi-bin/message/send?access_token=TOK-2");
	}

	@Test
	void anAnswerOtherThan200IsRetriedAndNeverShowsTheSecret() {
		this.wechat.answerWith(503);
		DeliveryResult down = send();
		assertThat(down.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(down.error()).startsWith("wechat: gettoken: unexpected status code 503").doesNotContain(SECRET);
		// The token comes (request 2), the message is refused (request 3).
		this.wechat.answerBy((n) -> (n == 2) ? 200 : 502, "application/json", OK);
		DeliveryResult messageDown = send();
		assertThat(messageDown.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		// The answer's body is quoted (here the token answer, as the server sends one
		// body), never the URL with the token or the secret.
		assertThat(messageDown.error()).startsWith("wechat: unexpected status code 502: ").doesNotContain(SECRET);
		assertThat(calls()).last().isEqualTo("POST /cgi-bin/message/send?access_token=TOK-1");
	}

}
