package io.zgw.gateway.security;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zgw.gateway.web.ApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * KeysCommand is the {@code keys} command line ({@code java -jar zgw-gateway.jar keys
 * create|list|revoke ...}): it manages API keys in the gateway's database without
 * starting the gateway, reading the same configuration.
 */
public final class KeysCommand {

	/** First argument that selects this command instead of the gateway. */
	public static final String COMMAND = "keys";

	static final String USAGE = """
			Usage: keys create --name NAME --role viewer|operator|admin --business-lines LINE[,LINE...]|*
			                   [--expires-at 2027-01-31T00:00:00Z]
			       keys list
			       keys revoke --id ID
			Spring properties may follow as --key=value (e.g. --spring.datasource.url=...).""";

	private static final ApiPrincipal COMMAND_LINE = new ApiPrincipal("command-line", Role.ADMIN,
			Set.of(ApiPrincipal.ALL_BUSINESS_LINES));

	private static final Set<String> OPTIONS = Set.of("name", "role", "business-lines", "expires-at", "id");

	/**
	 * Only what the command needs: no web server, no schedulers, no shard clients. Not a
	 * {@code @Configuration}, so the gateway's component scan leaves it alone.
	 */
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
			JooqAutoConfiguration.class })
	@Import(ApiKeyStore.class)
	static class Context {

	}

	private KeysCommand() {
	}

	/** Returns whether the command line asks for this command rather than the gateway. */
	public static boolean isInvokedBy(String[] args) {
		return args.length > 0 && COMMAND.equals(args[0]);
	}

	/**
	 * Runs the command and returns the process exit code: 0 done, 2 bad usage, 1 failed.
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		List<String> springArgs = new ArrayList<>();
		Map<String, String> options = new HashMap<>();
		String action = parse(Arrays.asList(args).subList(1, args.length), options, springArgs);
		if (action == null) {
			err.println(USAGE);
			return 2;
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Context.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN")
			.run(springArgs.toArray(String[]::new))) {
			ApiKeyStore store = context.getBean(ApiKeyStore.class);
			// No cache worth having in a process that makes one call, and no key is
			// used.
			ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(store,
					new ExpiringCache<>(Duration.ZERO, 1, Clock.systemUTC()), Clock.systemUTC(),
					new KeyUsage(store, Duration.ofMinutes(1)));
			ApiKeyService keys = new ApiKeyService(store, authenticator, Clock.systemUTC());
			return execute(action, options, keys, out, err);
		}
		catch (ApiException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		catch (RuntimeException ex) {
			err.println("keys " + action + " failed: " + ex.getMessage());
			return 1;
		}
	}

	private static int execute(String action, Map<String, String> options, ApiKeyService keys, PrintStream out,
			PrintStream err) {
		switch (action) {
			case "create" -> {
				String lines = options.get("business-lines");
				CreatedApiKey created = keys.create(
						new NewApiKeyRequest(options.get("name"), options.get("role"),
								(lines != null) ? List.of(lines.split(",", -1)) : null, options.get("expires-at")),
						COMMAND_LINE);
				out.println("Created API key " + created.id() + " '" + created.name() + "' ("
						+ created.role().wireName() + ", business lines " + String.join(",", created.businessLines())
						+ ((created.expiresAt() != null) ? ", expires " + created.expiresAt() : "")
						+ "). The key is shown only this once:");
				out.println(created.key());
				return 0;
			}
			case "list" -> {
				out.println("id\tname\trole\tbusiness-lines\tprefix\tcreated\trevoked\texpires\tlast-used");
				for (StoredApiKey key : keys.list(COMMAND_LINE)) {
					out.println(key.id() + "\t" + key.name() + "\t" + key.role().wireName() + "\t"
							+ String.join(",", key.businessLines()) + "\t" + key.prefix() + "\t" + key.createdAt()
							+ "\t" + orDash(key.revokedAt()) + "\t" + orDash(key.expiresAt()) + "\t"
							+ orDash(key.lastUsedAt()));
				}
				return 0;
			}
			default -> {
				long id;
				try {
					id = Long.parseLong(options.getOrDefault("id", ""));
				}
				catch (NumberFormatException ex) {
					err.println("--id must be a key id from 'keys list'");
					return 2;
				}
				keys.revoke(id, COMMAND_LINE);
				out.println(
						"Revoked API key " + id + "; running gateways stop accepting it within their key cache TTL");
				return 0;
			}
		}
	}

	/**
	 * Splits the arguments into ours and Spring's; returns the action, or null if
	 * unusable.
	 */
	private static String orDash(@Nullable Instant time) {
		return (time != null) ? time.toString() : "-";
	}

	private static @Nullable String parse(List<String> args, Map<String, String> options, List<String> springArgs) {
		if (args.isEmpty() || !Set.of("create", "list", "revoke").contains(args.get(0))) {
			return null;
		}
		for (int i = 1; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("--")) {
				return null;
			}
			int equals = arg.indexOf('=');
			String option = arg.substring(2, (equals < 0) ? arg.length() : equals);
			if (OPTIONS.contains(option)) {
				if (equals >= 0) {
					options.put(option, arg.substring(equals + 1));
				}
				else if (i + 1 < args.size()) {
					options.put(option, args.get(++i));
				}
				else {
					return null;
				}
			}
			else if (equals >= 0) {
				springArgs.add(arg);
			}
			else {
				return null;
			}
		}
		return args.get(0);
	}

}
