package io.zgw.gateway.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * SecurityConfiguration wires API-key authentication: the key cache, the filter in front
 * of every request, the {@link ApiPrincipal} argument resolver and the bootstrap key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration implements WebMvcConfigurer {

	/** Runs where Spring Security's filter chain would: before any handler. */
	static final int FILTER_ORDER = -100;

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ApiPrincipalArgumentResolver());
	}

	@Bean
	KeyUsage keyUsage(ApiKeyStore store, SecurityProperties properties) {
		return new KeyUsage(store, properties.keyUsageFlush());
	}

	@Bean
	ApiKeyAuthenticator apiKeyAuthenticator(ApiKeyStore store, SecurityProperties properties, KeyUsage usage,
			ObjectProvider<Clock> clock) {
		Clock time = clock.getIfAvailable(Clock::systemUTC);
		ExpiringCache<String, Optional<ApiKeyStore.ActiveKey>> cache = new ExpiringCache<>(properties.keyCacheTtl(),
				properties.keyCacheSize(), time);
		return new ApiKeyAuthenticator(store, cache, time, usage);
	}

	@Bean
	ApiKeyService apiKeyService(ApiKeyStore store, ApiKeyAuthenticator authenticator, ObjectProvider<Clock> clock) {
		return new ApiKeyService(store, authenticator, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeyAuthenticator authenticator, AuthFailures failures,
			JsonMapper json) {
		FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
				new ApiKeyFilter(AccessRules.DEFAULT, authenticator, failures, json));
		registration.setOrder(FILTER_ORDER);
		return registration;
	}

	@Bean
	BootstrapAdminKey bootstrapAdminKey(SecurityProperties properties, ApiKeyStore store,
			ApiKeyAuthenticator authenticator, ObjectProvider<Clock> clock) {
		return new BootstrapAdminKey(properties.bootstrapAdminKey(), store, authenticator,
				clock.getIfAvailable(Clock::systemUTC));
	}

}
