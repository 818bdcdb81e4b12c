package io.zgw.gateway.security;

import io.zgw.gateway.GatewayApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class BootstrapKeyStartupTest {

	@Test
	void shortBootstrapKeyStopsStartUpNamingTheKeyButNotItsValue(CapturedOutput output) {
		SpringApplicationBuilder gateway = new SpringApplicationBuilder(GatewayApplication.class).profiles("it")
			.properties("server.port=0", "zgw.security.bootstrap-admin-key=short-secret-4711");
		assertThatException().isThrownBy(() -> {
			try (ConfigurableApplicationContext started = gateway.run()) {
				// Reaching here fails the test: the context must not start.
			}
		});
		assertThat(output.getAll()).contains("zgw.security.bootstrap-admin-key")
			.contains("at least 24 characters")
			.doesNotContain("short-secret-4711");
	}

}
