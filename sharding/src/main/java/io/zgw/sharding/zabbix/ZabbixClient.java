package io.zgw.sharding.zabbix;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * ZabbixClient is a typed JSON-RPC client for one Zabbix shard on {@code java.net.http}:
 * one pooled keep-alive {@link HttpClient} per shard, the API version read once (and
 * again after a transport failure), credentials placed by version (body {@code auth} up
 * to 6.2, {@code Authorization: Bearer} from 6.4), sessions renewed when Zabbix expires
 * them. Safe for concurrent use.
 */
public final class ZabbixClient implements AutoCloseable {

	/**
	 * What Zabbix answers in {@code error.data} when a session expired or was logged out.
	 */
	static final String SESSION_TERMINATED = "Session terminated, re-login, please.";

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final ZabbixClientSettings settings;

	private final HttpClient http;

	private final AtomicLong requestIds = new AtomicLong();

	private final Object connectLock = new Object();

	private volatile ZabbixVersion version;

	private volatile String session;

	public ZabbixClient(ZabbixClientSettings settings) {
		this.settings = settings;
		// HTTP/1.1: PHP servers do not speak h2c, and the client pools keep-alive
		// connections.
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.connectTimeout())
			.build();
	}

	/** Returns the shard name this client talks to. */
	public String shard() {
		return this.settings.shard();
	}

	/**
	 * Returns the shard's API version, reading {@code apiinfo.version} only if it is not
	 * known yet (first call, or after a transport failure).
	 */
	public ZabbixVersion version() {
		ZabbixVersion known = this.version;
		if (known != null) {
			return known;
		}
		synchronized (this.connectLock) {
			if (this.version == null) {
				JsonNode result = post("apiinfo.version", MAPPER.createObjectNode(), null, false);
				this.version = ZabbixVersion.parse(result.asString());
			}
			return this.version;
		}
	}

	/**
	 * Calls {@code apiinfo.version} now (no credentials needed) and remembers the answer:
	 * a cheap liveness probe.
	 */
	public ZabbixVersion ping() {
		ZabbixVersion current = ZabbixVersion
			.parse(post("apiinfo.version", MAPPER.createObjectNode(), null, false).asString());
		this.version = current;
		return current;
	}

	/**
	 * Makes the cheapest call that needs the credentials (one host group id) and returns
	 * the version: a probe of both liveness and access.
	 */
	public ZabbixVersion probe() {
		ObjectNode params = MAPPER.createObjectNode();
		params.putArray("output").add("groupid");
		params.put("limit", 1);
		call("hostgroup.get", params);
		return version();
	}

	/** Returns the version if it has been read, without calling the shard. */
	public ZabbixVersion knownVersion() {
		return this.version;
	}

	/** Runs one typed call; renews an expired session once. */
	public <R> R execute(ZabbixRequest<R> request) {
		JsonNode result = call(request.method(), MAPPER.valueToTree(request));
		try {
			return MAPPER.readerFor(MAPPER.getTypeFactory().constructType(request.resultType())).readValue(result);
		}
		catch (JacksonException ex) {
			throw new ZabbixTransportException(shard(),
					request.method() + " answered an unexpected result: " + ex.getOriginalMessage(), ex);
		}
	}

	/** Runs one untyped call with {@code params} and returns its {@code result}. */
	public JsonNode call(String method, JsonNode params) {
		ZabbixVersion current = version();
		String auth = credential(current);
		try {
			return post(method, params, auth, current.usesBearerHeader());
		}
		catch (ZabbixApiException ex) {
			if (this.settings.credentials() instanceof ZabbixCredentials.UserPassword && isSessionExpired(ex)) {
				return post(method, params, relogin(auth, current), current.usesBearerHeader());
			}
			throw ex;
		}
	}

	/** Logs the session out if there is one; the client can still be used afterwards. */
	@Override
	public void close() {
		String current = this.session;
		ZabbixVersion known = this.version;
		if (current == null || known == null) {
			return;
		}
		synchronized (this.connectLock) {
			this.session = null;
		}
		post("user.logout", MAPPER.createArrayNode(), current, known.usesBearerHeader());
	}

	private String credential(ZabbixVersion current) {
		if (this.settings.credentials() instanceof ZabbixCredentials.ApiToken token) {
			return token.token();
		}
		String known = this.session;
		return (known != null) ? known : relogin(null, current);
	}

	private String relogin(String stale, ZabbixVersion current) {
		synchronized (this.connectLock) {
			// Another thread may have renewed the session while this one waited.
			if (this.session != null && !this.session.equals(stale)) {
				return this.session;
			}
			ZabbixCredentials.UserPassword user = (ZabbixCredentials.UserPassword) this.settings.credentials();
			ObjectNode params = MAPPER.createObjectNode();
			params.put((current.compareTo(ZabbixVersion.USERNAME_SINCE) >= 0) ? "username" : "user", user.username());
			params.put("password", user.password());
			this.session = post("user.login", params, null, false).asString();
			return this.session;
		}
	}

	private static boolean isSessionExpired(ZabbixApiException ex) {
		String data = (ex.data() != null) ? ex.data() : "";
		return data.contains(SESSION_TERMINATED) || data.contains("Not authorized") || data.contains("Not authorised");
	}

	private JsonNode post(String method, JsonNode params, String auth, boolean bearer) {
		ObjectNode body = MAPPER.createObjectNode();
		body.put("jsonrpc", "2.0");
		body.put("method", method);
		body.set("params", params);
		body.put("id", this.requestIds.incrementAndGet());
		HttpRequest.Builder request = HttpRequest.newBuilder(this.settings.url())
			.timeout(this.settings.requestTimeout())
			.header("Content-Type", "application/json-rpc");
		if (auth != null) {
			if (bearer) {
				request.header("Authorization", "Bearer " + auth);
			}
			else {
				body.put("auth", auth);
			}
		}
		request.POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)));
		JsonNode answer;
		try {
			answer = MAPPER.readTree(send(method, request.build()));
		}
		catch (JacksonException ex) {
			throw new ZabbixTransportException(shard(), method + " answered something that is not JSON", ex);
		}
		JsonNode error = answer.get("error");
		if (error != null && !error.isNull()) {
			throw new ZabbixApiException(shard(), method, error.path("code").asInt(),
					error.path("message").asString(""), error.path("data").asString(""));
		}
		JsonNode result = answer.get("result");
		if (result == null) {
			throw new ZabbixTransportException(shard(), method + " answered neither result nor error", null);
		}
		return result;
	}

	private byte[] send(String method, HttpRequest request) {
		try {
			HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream in = response.body()) {
				long limit = this.settings.maxResponseBytes();
				OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
				if (declared.isPresent() && declared.getAsLong() > limit) {
					throw new ZabbixResponseTooLargeException(shard(), method, limit);
				}
				byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
				if (bytes.length > limit) {
					throw new ZabbixResponseTooLargeException(shard(), method, limit);
				}
				if (response.statusCode() != 200) {
					throw new ZabbixTransportException(shard(), method + " answered HTTP " + response.statusCode(),
							null);
				}
				return bytes;
			}
		}
		catch (HttpConnectTimeoutException ex) {
			throw transportFailure(new ZabbixTimeoutException(shard(), method + ": connect timed out", ex));
		}
		catch (HttpTimeoutException ex) {
			throw transportFailure(new ZabbixTimeoutException(shard(),
					method + ": no answer within " + this.settings.requestTimeout().toMillis() + " ms", ex));
		}
		catch (ConnectException ex) {
			throw transportFailure(new ZabbixTransportException(shard(), method + ": cannot connect to "
					+ this.settings.url().getHost() + ":" + this.settings.url().getPort(), ex));
		}
		catch (IOException ex) {
			throw transportFailure(new ZabbixTransportException(shard(), method + ": " + ex, ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZabbixTransportException(shard(), method + ": interrupted", ex);
		}
	}

	private ZabbixTransportException transportFailure(ZabbixTransportException ex) {
		// The shard may come back as another version: read apiinfo.version again on
		// reconnect.
		this.version = null;
		return ex;
	}

}
