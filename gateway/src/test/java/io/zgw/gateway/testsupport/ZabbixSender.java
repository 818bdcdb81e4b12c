package io.zgw.gateway.testsupport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ZabbixSender pushes trapper values to a real {@code zabbix_server} with the Zabbix
 * sender protocol ({@code ZBXD\x01}, 8-byte little-endian length, JSON), as
 * {@code zabbix_sender} does.
 */
public final class ZabbixSender {

	private static final byte[] HEADER = { 'Z', 'B', 'X', 'D', 1 };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	/** Talks to the trapper of the server listening on 127.0.0.1:{@code port}. */
	public ZabbixSender(int port) {
		this.port = port;
	}

	/** Value is one trapper value for item {@code key} of host {@code host}. */
	public record Value(String host, String key, String value) {
	}

	/**
	 * Sends the values in one request and fails unless the server processed all of them.
	 */
	public String send(List<Value> values) throws IOException {
		ObjectNode request = JSON.createObjectNode().put("request", "sender data");
		ArrayNode data = request.putArray("data");
		values.forEach((v) -> data.addObject().put("host", v.host()).put("key", v.key()).put("value", v.value()));
		byte[] payload = JSON.writeValueAsBytes(request);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(HEADER);
			out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(payload.length).array());
			out.write(payload);
			out.flush();
			DataInputStream in = new DataInputStream(socket.getInputStream());
			byte[] header = new byte[13];
			in.readFully(header);
			if (!Arrays.equals(Arrays.copyOf(header, 5), HEADER)) {
				throw new IOException("zabbix_server on port " + this.port + " answered without a ZBXD header");
			}
			long length = ByteBuffer.wrap(header, 5, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
			byte[] body = new byte[Math.toIntExact(length)];
			in.readFully(body);
			JsonNode answer = JSON.readTree(new String(body, StandardCharsets.UTF_8));
			String info = answer.path("info").asString();
			if (!"success".equals(answer.path("response").asString())
					|| !info.contains("processed: " + values.size() + ";")) {
				throw new IOException("zabbix_server on port " + this.port + " did not take " + values + ": " + answer);
			}
			return info;
		}
	}

	/** Sends one value; see {@link #send(List)}. */
	public String send(String host, String key, String value) throws IOException {
		return send(List.of(new Value(host, key, value)));
	}

}
