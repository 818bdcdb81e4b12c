package io.zgw.gateway;

import io.zgw.gateway.alerting.routing.CheckConfigCommand;
import io.zgw.gateway.alerting.routing.RoutesTestCommand;
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
		if (CheckConfigCommand.isInvokedBy(args)) {
			System.exit(CheckConfigCommand.run(args, System.out));
		}
		if (RoutesTestCommand.isInvokedBy(args)) {
			System.exit(RoutesTestCommand.run(args, System.out));
		}
		SpringApplication.run(GatewayApplication.class, args);
	}

}
