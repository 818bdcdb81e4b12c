package io.zgw.gateway;

import io.zgw.gateway.security.KeysCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * GatewayApplication is the one place where zgw's libraries are wired into a running
 * gateway.
 */
@SpringBootApplication
public class GatewayApplication {

	public static void main(String[] args) {
		if (KeysCommand.isInvokedBy(args)) {
			System.exit(KeysCommand.run(args, System.out, System.err));
		}
		SpringApplication.run(GatewayApplication.class, args);
	}

}
