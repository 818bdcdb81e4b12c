package io.zgw.gateway.notify.wechat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.http.JsonApiNotifier;
import io.zgw.gateway.notify.http.JsonPoster;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * WechatNotifier sends a rendered message through WeChat Work as Alertmanager 0.25 does:
 * it gets an access token ({@code GET <api_url>gettoken?corpid=...&corpsecret=...}),
 * keeps it for two hours, and posts the message to
 * {@code <api_url>message/send?access_token=...}. WeChat answers 200 with an
 * {@code errcode}: 0 is delivered; 42001 (the token expired) drops the token and is
 * retried; another code fails for good with WeChat's {@code errmsg}. An answer other than
 * 200, or none, is retried. No answer with a token fails for good, as the secret is then
 * wrong.
 */
public final class WechatNotifier extends JsonApiNotifier<WechatConfig> {

	private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

	private static final int TOKEN_EXPIRED = 42001;

	private final Clock clock;

	private volatile @Nullable Token token;

	/** Creates the notifier. */
	public WechatNotifier(Integration integration, WechatConfig config, JsonPoster poster, JsonMapper json,
			Duration timeout, Clock clock) {
		super(integration, config, poster, json, timeout);
		this.clock = clock;
	}

	@Override
	public DeliveryResult send(Delivery delivery) {
		Token current = this.token;
		if (current == null || current.obtained().plus(TOKEN_LIFETIME).isBefore(this.clock.instant())) {
			JsonPoster.Answer answer = this.poster.send("GET",
					URI.create(this.config.apiUrl().value() + "gettoken?corpid=" + encode(this.config.corpId())
							+ "&corpsecret=" + encode(this.config.apiSecret().value())),
					"", this.config.httpConfig(), null, this.timeout);
			if (answer.status() / 100 != 2) {
				DeliveryResult failed = answer.result();
				String error = "wechat: gettoken: " + failed.error();
				return (failed.outcome() == DeliveryResult.Outcome.PERMANENT_FAILURE) ? DeliveryResult.permanent(error)
						: DeliveryResult.retryable(error);
			}
			String value = read(answer.body()).path("access_token").asString("");
			if (value.isEmpty()) {
				return DeliveryResult.permanent("wechat: invalid api_secret for corp_id " + this.config.corpId());
			}
			current = new Token(value, this.clock.instant());
			this.token = current;
		}
		JsonPoster.Answer answer = this.poster.post(
				URI.create(this.config.apiUrl().value() + "message/send?access_token=" + encode(current.value())),
				delivery.payload(), this.config.httpConfig(), this.timeout);
		if (answer.status() != 200) {
			// As Alertmanager: any other answer, or none, is retried.
			String error = answer.result().error();
			return DeliveryResult
				.retryable("wechat: " + ((error != null) ? error : "unexpected status code " + answer.status()));
		}
		JsonNode response = read(answer.body());
		int code = response.path("errcode").asInt(-1);
		if (code == 0 && response.has("errcode")) {
			return DeliveryResult.delivered();
		}
		String error = "wechat: " + response.path("errmsg").asString("unreadable answer") + " (errcode " + code + ")";
		if (code == TOKEN_EXPIRED) {
			this.token = null;
			return DeliveryResult.retryable(error);
		}
		return DeliveryResult.permanent(error);
	}

	private JsonNode read(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private record Token(String value, Instant obtained) {
	}

}
