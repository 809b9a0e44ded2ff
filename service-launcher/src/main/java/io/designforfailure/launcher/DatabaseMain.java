package io.designforfailure.launcher;

import java.nio.file.Path;

/**
 * The demo's {@code database} process: a real PostgreSQL with the
 * recommendations-service's role and database, in the foreground until the process is
 * told to stop (SIGTERM or Ctrl-C), which stops the server with a fast shutdown.
 * <p>
 * Usage: {@code java -jar service-launcher-VERSION-database.jar DIRECTORY PORT}
 */
public final class DatabaseMain {

	/** Compose uses the same names, so a service is configured alike in both. */
	private static final String NAME = "recommendations";

	private DatabaseMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length != 2 || !args[1].matches("\\d{1,5}")) {
			System.err.println("usage: java -jar service-launcher-VERSION-database.jar DIRECTORY PORT");
			System.exit(2);
		}
		PostgresServer server = PostgresServer.create(Path.of(args[0]), Integer.parseInt(args[1]));
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "database-shutdown"));
		System.out.println("Starting PostgreSQL on 127.0.0.1:" + server.port() + ", data in " + server.dataDirectory()
				+ ", log in " + Path.of(args[0]).resolve("postgres.log") + " ...");
		server.start();
		server.ensureDatabase(NAME, NAME, NAME);
		System.out.println("PostgreSQL is up: " + server.jdbcUrl(NAME) + " (user " + NAME + ", password " + NAME
				+ "), data in " + server.dataDirectory());
		// A server that ends by itself ends this process too, so the demo sees it
		// stopped.
		while (server.isAlive()) {
			Thread.sleep(500);
		}
		System.err.println("PostgreSQL has exited; see its log in " + Path.of(args[0]).resolve("postgres.log"));
	}

}
