package io.zgw.gateway.security;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** KeysCommandTest runs the {@code keys} command against the real MariaDB. */
class KeysCommandTest {

	private static final String IT_PROFILE = "--spring.profiles.active=it";

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void createPrintsTheKeyOnceAndListShowsTheKeyWithoutIt() {
		assertThat(run("keys", "create", "--name", "cli-made", "--role", "viewer", "--business-lines", "shop,pay",
				IT_PROFILE))
			.as(this.err.toString(StandardCharsets.UTF_8))
			.isZero();
		String created = this.out.toString(StandardCharsets.UTF_8);
		String key = created.lines().filter((line) -> line.startsWith("zgw_")).findFirst().orElseThrow();
		assertThat(created).contains("'cli-made' (viewer, business lines pay,shop)");

		this.out.reset();
		assertThat(run("keys", "list", IT_PROFILE)).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8))
			.contains("cli-made\tviewer\tpay,shop\t" + key.substring(0, 12))
			.doesNotContain(key)
			.doesNotContain(ApiKeys.hash(key));
	}

	@Test
	void revokeMarksTheKeyRevoked() {
		run("keys", "create", "--name=cli-revoked", "--role=operator", "--business-lines=*", IT_PROFILE);
		String key = this.out.toString(StandardCharsets.UTF_8)
			.lines()
			.filter((line) -> line.startsWith("Created API key "))
			.findFirst()
			.orElseThrow();
		String id = key.substring("Created API key ".length()).split(" ")[0];
		this.out.reset();
		assertThat(run("keys", "revoke", "--id", id, IT_PROFILE)).isZero();
		this.out.reset();
		run("keys", "list", IT_PROFILE);
		String row = this.out.toString(StandardCharsets.UTF_8)
			.lines()
			.filter((line) -> line.startsWith(id + "\t"))
			.findFirst()
			.orElseThrow();
		String[] columns = row.split("\t");
		assertThat(columns[6]).as("revoked").isNotEqualTo("-");
		assertThat(columns[7]).as("expires").isEqualTo("-");
	}

	@Test
	void createWithAnExpiryListsIt() {
		assertThat(run("keys", "create", "--name=cli-expiring", "--role=viewer", "--business-lines=shop",
				"--expires-at=2099-01-31T00:00:00Z", IT_PROFILE))
			.as(this.err.toString(StandardCharsets.UTF_8))
			.isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("expires 2099-01-31T00:00:00Z");
		this.out.reset();
		run("keys", "list", IT_PROFILE);
		assertThat(
				this.out.toString(StandardCharsets.UTF_8).lines().filter((line) -> line.contains("\tcli-expiring\t")))
			.isNotEmpty()
			.allSatisfy((line) -> assertThat(line).endsWith("\t-\t2099-01-31T00:00:00Z\t-"));
		this.err.reset();
		assertThat(run("keys", "create", "--name=cli-expired", "--role=viewer", "--business-lines=shop",
				"--expires-at=2020-01-01T00:00:00Z", IT_PROFILE))
			.isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("expiresAt must be in the future");
	}

	@Test
	void badInputExitsWith2NamingTheProblem() {
		assertThat(run("keys", "create", "--name", "x", "--role", "root", "--business-lines", "shop", IT_PROFILE))
			.isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("role must be one of viewer, operator, admin");
		this.err.reset();
		assertThat(run("keys", "frobnicate")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Usage: keys create");
	}

	@Test
	void unreachableDatabaseExitsWith1SayingWhy() {
		assertThat(run("keys", "list", IT_PROFILE, "--spring.datasource.url=jdbc:mysql://127.0.0.1:1/none",
				"--spring.datasource.hikari.connection-timeout=1000"))
			.isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).startsWith("keys list failed: ");
	}

	private int run(String... args) {
		return KeysCommand.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

}
