package io.zgw.alerts.config;

/**
 * HttpAuth is the authentication an {@code http_config} asks a sender for: an
 * {@code Authorization} header ({@code authorization}, or the older {@code bearer_token})
 * or HTTP Basic ({@code basic_auth}). Its secrets never appear in {@code toString()}.
 */
public sealed interface HttpAuth {

	/**
	 * Authorization is {@code Authorization: <type> <credentials>}.
	 *
	 * @param type {@code type}, {@code Bearer} unless set
	 * @param credentials {@code credentials}
	 */
	record Authorization(String type, String credentials) implements HttpAuth {

		@Override
		public String toString() {
			return "Authorization[type=" + this.type + ", credentials=<secret>]";
		}

	}

	/**
	 * Basic is {@code basic_auth}: the username and password sent as HTTP Basic auth.
	 *
	 * @param username {@code username}
	 * @param password {@code password}, empty when none is set (as Alertmanager)
	 */
	record Basic(String username, String password) implements HttpAuth {

		@Override
		public String toString() {
			return "Basic[username=" + this.username + ", password=<secret>]";
		}

	}

}
