package io.zgw.sharding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardQualifiedIdTest {

	@Test
	void parsesAndFormatsShardAndId() {
		ShardQualifiedId id = ShardQualifiedId.parse("shop:10559");

		assertThat(id.shard()).isEqualTo("shop");
		assertThat(id.id()).isEqualTo("10559");
		assertThat(id).hasToString("shop:10559");
		assertThat(ShardQualifiedId.format("pay", "10559")).isEqualTo("pay:10559");
	}

	@Test
	void sameZabbixIdOnTwoShardsIsTwoDistinctIds() {
		assertThat(ShardQualifiedId.parse("shop:10559")).isNotEqualTo(ShardQualifiedId.parse("pay:10559"));
	}

	@Test
	void acceptsZabbixLargestId() {
		assertThat(ShardQualifiedId.parse("shop:9223372036854775807").id()).isEqualTo("9223372036854775807");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "10559", "shop", "shop:", ":10559", "shop:10559:1", "Shop:1", "shop:abc", "shop:-1",
			"shop: 1", "shop:123456789012345678901", "shop:9223372036854775808", "shop:18446744073709551615" })
	void rejectsMalformedIdsNamingTheInput(String text) {
		assertThatThrownBy(() -> ShardQualifiedId.parse(text)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'" + text + "'");
	}

}
