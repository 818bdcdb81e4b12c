package io.zgw.gateway.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecurityPropertiesTest {

	@Test
	void shortBootstrapKeyIsRejectedNamingTheKeyButNotItsValue() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SecurityProperties("too-short-secret", Duration.ofSeconds(10), 100))
			.withMessageContaining("zgw.security.bootstrap-admin-key")
			.withMessageContaining("24")
			.withMessageNotContaining("too-short-secret");
	}

	@Test
	void blankBootstrapKeyMeansNone() {
		assertThat(new SecurityProperties("  ", Duration.ofSeconds(10), 100).bootstrapAdminKey()).isNull();
	}

	@Test
	void negativeCacheTtlIsRejectedNamingTheKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecurityProperties(null, Duration.ofSeconds(-1), 100))
			.withMessageContaining("zgw.security.key-cache-ttl");
	}

}
