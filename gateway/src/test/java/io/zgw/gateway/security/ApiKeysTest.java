package io.zgw.gateway.security;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {

	@Test
	void generatedKeysArePrefixedBase64UrlOf32RandomBytesAndDistinct() {
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			String key = ApiKeys.generate();
			assertThat(key).matches("zgw_[A-Za-z0-9_-]{43}");
			keys.add(key);
		}
		assertThat(keys).hasSize(100);
	}

	@Test
	void hashIsLowerCaseHexSha256() {
		assertThat(ApiKeys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void displayPrefixShowsTheStartOfGeneratedKeysAndNothingOfChosenOnes() {
		String key = ApiKeys.generate();
		assertThat(ApiKeys.displayPrefix(key)).isEqualTo(key.substring(0, 12));
		assertThat(ApiKeys.displayPrefix("zgw_my-own-chosen-password-1234")).isEqualTo("(external)");
	}

}
