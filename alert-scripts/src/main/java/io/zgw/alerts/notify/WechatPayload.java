package io.zgw.alerts.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.zgw.alerts.config.WechatConfig;
import io.zgw.alerts.dispatch.Notification;

/**
 * WechatPayload is the {@code message/send} body Alertmanager 0.25 posts to WeChat Work:
 * the rendered message under {@code text} or {@code markdown} (the other present with an
 * empty content, as Go encodes it), the recipients and agent id left out when they render
 * empty, {@code safe} always {@code "0"}. The access token belongs to the URL, which the
 * sender adds.
 *
 * @param text {@code text}
 * @param touser {@code touser}
 * @param toparty {@code toparty}
 * @param totag {@code totag}
 * @param agentid {@code agentid}
 * @param safe {@code safe}
 * @param msgtype {@code msgtype}
 * @param markdown {@code markdown}
 */
@JsonPropertyOrder({ "text", "touser", "toparty", "totag", "agentid", "safe", "msgtype", "markdown" })
public record WechatPayload(Content text, @JsonInclude(JsonInclude.Include.NON_EMPTY) String touser,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) String toparty,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) String totag,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) String agentid, String safe, String msgtype, Content markdown) {

	/**
	 * Builds the body; a template that fails is reported to {@code errors} and rendered
	 * with Alertmanager's default instead.
	 */
	public static WechatPayload of(Notification notification, WechatConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(),
				"wechat_configs", WechatConfig.DEFAULTS, errors);
		Content message = new Content(rendering.textOrEmpty(config.message(), "message"));
		Content empty = new Content("");
		boolean markdown = "markdown".equals(config.messageType());
		return new WechatPayload(markdown ? empty : message, rendering.textOrEmpty(config.toUser(), "to_user"),
				rendering.textOrEmpty(config.toParty(), "to_party"), rendering.textOrEmpty(config.toTag(), "to_tag"),
				rendering.textOrEmpty(config.agentId(), "agent_id"), "0", config.messageType(),
				markdown ? message : empty);
	}

	/**
	 * Content is a message part.
	 *
	 * @param content {@code content}
	 */
	public record Content(String content) {
	}

}
