package io.zgw.alerts.config;

import java.util.Map;

import io.zgw.alerts.template.Template;

/**
 * WechatConfig is a {@code wechat_configs} entry: a WeChat Work application message, sent
 * with an access token the corp id and API secret obtain.
 *
 * @param apiSecret {@code api_secret} ({@code global.wechat_api_secret} unless set; a
 * secret)
 * @param corpId {@code corp_id} ({@code global.wechat_api_corp_id} unless set)
 * @param apiUrl {@code api_url} ({@code global.wechat_api_url} unless set), ending in
 * {@code /} as Alertmanager makes it
 * @param message {@code message}
 * @param messageType {@code message_type}: {@code text} (the default) or {@code markdown}
 * @param toUser {@code to_user}
 * @param toParty {@code to_party}
 * @param toTag {@code to_tag}
 * @param agentId {@code agent_id}
 * @param sendResolved whether resolved alerts are sent (default false)
 * @param http what {@code http_config} asks for
 */
public record WechatConfig(String apiSecret, String corpId, String apiUrl, Template message, String messageType,
		Template toUser, Template toParty, Template toTag, Template agentId, boolean sendResolved,
		HttpClientConfig http) implements Integration {

	/** WeChat Work's API, Alertmanager's {@code global.wechat_api_url}. */
	public static final String DEFAULT_URL = "https://qyapi.weixin.qq.com/cgi-bin/";

	/** Alertmanager 0.25's default of each templated field, by field name. */
	public static final Map<String, String> DEFAULTS = Map.of("message", "{{ template \"wechat.default.message\" . }}",
			"to_user", "{{ template \"wechat.default.to_user\" . }}", "to_party",
			"{{ template \"wechat.default.to_party\" . }}", "to_tag", "{{ template \"wechat.default.to_tag\" . }}",
			"agent_id", "{{ template \"wechat.default.agent_id\" . }}");

	@Override
	public String type() {
		return "wechat";
	}

	// The API secret is a secret in Alertmanager; never print it.
	@Override
	public String toString() {
		return "WechatConfig[apiSecret=<secret>, corpId=" + this.corpId + ", apiUrl=" + this.apiUrl + ", messageType="
				+ this.messageType + ", sendResolved=" + this.sendResolved + ", http=" + this.http + "]";
	}

}
