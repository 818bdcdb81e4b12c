package io.zgw.gateway.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecurityPropertiesTest {

	static final Duration MINUTE = Duration.ofMinutes(1);

	@Test
	void shortBootstrapKeyIsRejectedNamingTheKeyButNotItsValue() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SecurityProperties("too-short-secret", Duration.ofSeconds(10), 100, MINUTE))
			.withMessageContaining("zgw.security.bootstrap-admin-key")
			.withMessageContaining("24")
			.withMessageNotContaining("too-short-secret");
	}

	@Test
	void blankBootstrapKeyMeansNone() {
		assertThat(new SecurityProperties("  ", Duration.ofSeconds(10), 100, MINUTE).bootstrapAdminKey()).isNull();
	}

	@Test
	void negativeCacheTtlIsRejectedNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SecurityProperties(null, Duration.ofSeconds(-1), 100, MINUTE))
			.withMessageContaining("zgw.security.key-cache-ttl");
	}

	@Test
	void zeroKeyUsageFlushIsRejectedNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SecurityProperties(null, Duration.ofSeconds(10), 100, Duration.ZERO))
			.withMessageContaining("zgw.security.key-usage-flush");
	}

}
