package io.zgw.gateway.security;

import java.util.List;
import java.util.Set;

import io.zgw.gateway.web.ApiException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiPrincipalTest {

	private final ApiPrincipal shopViewer = new ApiPrincipal("ci", Role.VIEWER, Set.of("shop"));

	private final ApiPrincipal allAdmin = new ApiPrincipal("root", Role.ADMIN, Set.of("*"));

	@Test
	void keySeesOnlyItsBusinessLinesUnlessItHoldsTheWildcard() {
		assertThat(this.shopViewer.canSee("shop")).isTrue();
		assertThat(this.shopViewer.canSee("pay")).isFalse();
		assertThat(this.allAdmin.canSee("pay")).isTrue();
	}

	@Test
	void onlyAWildcardKeySeesAllOfAWildcardSet() {
		assertThat(this.shopViewer.canSeeAll(List.of("shop"))).isTrue();
		assertThat(this.shopViewer.canSeeAll(List.of("shop", "pay"))).isFalse();
		assertThat(this.shopViewer.canSeeAll(List.of("*"))).isFalse();
		assertThat(this.allAdmin.canSeeAll(List.of("*"))).isTrue();
	}

	@Test
	void rolesIncludeTheRolesBelowThem() {
		assertThat(this.allAdmin.hasRole(Role.OPERATOR)).isTrue();
		assertThat(this.shopViewer.hasRole(Role.VIEWER)).isTrue();
		assertThat(this.shopViewer.hasRole(Role.OPERATOR)).isFalse();
		assertThat(new ApiPrincipal("op", Role.OPERATOR, Set.of("pay")).hasRole(Role.ADMIN)).isFalse();
	}

	@Test
	void requireVisibleAnswers403NamingTheBusinessLine() {
		assertThatThrownBy(() -> this.shopViewer.requireVisible("pay")).isInstanceOfSatisfying(ApiException.class,
				(ex) -> {
					assertThat(ex.status()).isEqualTo(HttpStatus.FORBIDDEN);
					assertThat(ex.getMessage()).contains("'pay'");
				});
	}

	@Test
	void rolesParseFromTheirLowerCaseNamesOnly() {
		assertThat(Role.parse("operator")).contains(Role.OPERATOR);
		assertThat(Role.parse("OPERATOR")).isEmpty();
		assertThat(Role.parse("root")).isEmpty();
	}

}
