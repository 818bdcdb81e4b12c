package io.zgw.gateway.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ActuatorSecretsTest exposes the endpoints that show configuration, as an operator might
 * by mistake, and checks that they still show no secret.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zgw.security.bootstrap-admin-key=" + ActuatorSecretsTest.BOOTSTRAP_KEY,
				"zgw.example.api-token=" + ActuatorSecretsTest.TOKEN,
				"management.endpoints.web.exposure.include=health,info,prometheus,env,configprops" })
@ActiveProfiles("it")
class ActuatorSecretsTest {

	static final String BOOTSTRAP_KEY = "actuator-bootstrap-admin-key-0123";

	static final String TOKEN = "zabbix-token-that-must-stay-hidden";

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/env", "/actuator/configprops" })
	void exposedConfigurationEndpointsMaskEveryValue(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", "Bearer " + BOOTSTRAP_KEY)
				.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("******").doesNotContain(BOOTSTRAP_KEY).doesNotContain(TOKEN);
	}

}
