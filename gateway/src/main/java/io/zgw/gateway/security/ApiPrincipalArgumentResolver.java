package io.zgw.gateway.security;

import java.util.Map;

import io.zgw.gateway.web.ApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * ApiPrincipalArgumentResolver hands controllers the request's {@link ApiPrincipal} as a
 * method argument.
 */
class ApiPrincipalArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == ApiPrincipal.class;
	}

	@Override
	public ApiPrincipal resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		Object principal = webRequest.getAttribute(ApiPrincipal.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (principal == null) {
			// Only a handler on a path AccessRules leaves open gets here.
			throw new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized",
					"This endpoint needs an API key: send 'Authorization: Bearer <key>'", Map.of());
		}
		return (ApiPrincipal) principal;
	}

}
