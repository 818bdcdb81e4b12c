package io.zgw.sharding.zabbix;

/**
 * ZabbixCredentials is how the gateway authenticates to one shard: an API token
 * (preferred) or a username and password whose session is kept and renewed.
 */
public sealed interface ZabbixCredentials {

	/** ApiToken authenticates every call with a Zabbix API token. */
	record ApiToken(String token) implements ZabbixCredentials {

		@Override
		public String toString() {
			return "ApiToken[***]";
		}

	}

	/** UserPassword logs in with {@code user.login} and keeps the session. */
	record UserPassword(String username, String password) implements ZabbixCredentials {

		@Override
		public String toString() {
			return "UserPassword[username=" + this.username + ", password=***]";
		}

	}

}
