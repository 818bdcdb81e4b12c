package io.zgw.alerts.notify;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import io.zgw.alerts.config.SnsConfig;
import io.zgw.alerts.dispatch.Notification;

/**
 * SnsPayload is the form of the SNS {@code Publish} call Alertmanager 0.25 makes (through
 * the AWS SDK for Go), parameter by parameter in the order they are sent: the message cut
 * to 256 KiB (1600 bytes for a phone number) with a {@code truncated} attribute when cut,
 * the attributes as {@code MessageAttributes.entry.N} sorted by name (an empty
 * {@code MessageAttributes} when there are none, as the SDK sends), the group's hash as
 * deduplication and group id for a FIFO topic. The signature belongs to the sender.
 *
 * @param form the form parameters, sorted by name
 */
public record SnsPayload(Map<String, String> form) {

	static final int MAX_MESSAGE_BYTES = 256 * 1024;

	static final int MAX_SMS_BYTES = 1600;

	public SnsPayload {
		form = new TreeMap<>(form);
	}

	/**
	 * Builds the form; a template that fails is reported to {@code errors} and rendered
	 * with Alertmanager's default instead.
	 */
	public static SnsPayload of(Notification notification, SnsConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(),
				"sns_configs", SnsConfig.DEFAULTS, errors);
		Map<String, String> form = new TreeMap<>();
		form.put("Action", "Publish");
		form.put("Version", "2010-03-31");
		Map<String, String> attributes = new TreeMap<>();
		for (SnsConfig.Attribute attribute : config.attributes()) {
			attributes.put(rendering.textOrEmpty(attribute.name(), "attributes"),
					rendering.textOrEmpty(attribute.value(), "attributes"));
		}
		// As the SDK: a parameter set in the file is sent even when it renders empty.
		String phoneNumber = null;
		if (config.topicArn() != null) {
			String topicArn = rendering.textOrEmpty(config.topicArn(), "topic_arn");
			form.put("TopicArn", topicArn);
			if (topicArn.endsWith(".fifo")) {
				String hash = Rendering.groupKeyHash(notification.groupKey());
				form.put("MessageDeduplicationId", hash);
				form.put("MessageGroupId", hash);
			}
		}
		if (config.phoneNumber() != null) {
			phoneNumber = rendering.textOrEmpty(config.phoneNumber(), "phone_number");
			form.put("PhoneNumber", phoneNumber);
		}
		if (config.targetArn() != null) {
			form.put("TargetArn", rendering.textOrEmpty(config.targetArn(), "target_arn"));
		}
		String message = rendering.textOrEmpty(config.message(), "message");
		String cut = truncateBytes(message, (phoneNumber == null) ? MAX_MESSAGE_BYTES : MAX_SMS_BYTES);
		if (cut.length() < message.length()) {
			attributes.put("truncated", "true");
		}
		form.put("Message", cut);
		if (attributes.isEmpty()) {
			form.put("MessageAttributes", "");
		}
		int entry = 1;
		for (Map.Entry<String, String> attribute : attributes.entrySet()) {
			String prefix = "MessageAttributes.entry." + entry++;
			form.put(prefix + ".Name", attribute.getKey());
			form.put(prefix + ".Value.DataType", "String");
			form.put(prefix + ".Value.StringValue", attribute.getValue());
		}
		if (config.subject() != null) {
			form.put("Subject", rendering.textOrEmpty(config.subject(), "subject"));
		}
		return new SnsPayload(form);
	}

	/**
	 * Cuts text to at most {@code max} bytes of UTF-8 on a character boundary (where
	 * Alertmanager would cut inside a character and send invalid UTF-8).
	 */
	static String truncateBytes(String text, int max) {
		CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
		CharBuffer in = CharBuffer.wrap(text);
		encoder.encode(in, ByteBuffer.allocate(max), true);
		return text.substring(0, in.position());
	}

}
