package io.designforfailure.storefront.guard;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import io.designforfailure.storefront.StorefrontAnswer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host that never completes a connection is given up on after the connect timeout and
 * reported unreachable; without that timeout only the attempt's own time limit would end
 * the wait, and the section would blame a slow answer instead. The host is a loopback
 * socket whose accept queue is full, so the kernel leaves new connections unanswered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "storefront.recommendations.best-sellers.refresh-enabled=false")
class ConnectTimeoutTests {

	private static final List<Socket> queued = new ArrayList<>();

	private static final ServerSocket neverAccepting = fullBacklog();

	@Autowired
	private TestRestTemplate rest;

	@DynamicPropertySource
	static void hangingHost(DynamicPropertyRegistry registry) {
		registry.add("storefront.search.base-url", () -> "http://127.0.0.1:" + neverAccepting.getLocalPort());
	}

	@AfterAll
	static void close() throws IOException {
		for (Socket socket : queued) {
			socket.close();
		}
		neverAccepting.close();
	}

	@Test
	void reportsAHostThatNeverAcceptsAsUnavailable() {
		StorefrontAnswer answer = StorefrontAnswer.get(this.rest, "/api/search?q=anyone");

		assertThat(answer.section("results")).isDegraded("fallback", "unavailable");
	}

	/** A listening socket with a backlog of one, filled by connections nobody accepts. */
	private static ServerSocket fullBacklog() {
		try {
			ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
			for (int i = 0; i < 4; i++) {
				Socket socket = new Socket();
				try {
					socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 200);
					queued.add(socket);
				}
				catch (IOException queueFull) {
					socket.close();
					break;
				}
			}
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot open a loopback socket", ex);
		}
	}

}
