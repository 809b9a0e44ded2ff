package io.designforfailure.web.tracing;

import io.designforfailure.web.ProblemsApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracing costs the metrics nothing: with every request traced,
 * {@code /actuator/prometheus} in the OpenMetrics format Prometheus asks for carries no
 * exemplar. A Prometheus older than 2.43 (Debian 12's 2.42, compose's offline stand-in)
 * rejects an exemplar on a histogram's {@code _count} and drops the whole scrape, so
 * every service's metrics went missing once tracing was on.
 */
@AutoConfigureObservability
@SpringBootTest(classes = ProblemsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { RecordedSpans.EVERY_REQUEST, RecordedSpans.NOT_EXPORTED,
				"management.endpoints.web.exposure.include=prometheus" })
class MetricsWithoutExemplarsTests {

	/** What Prometheus 2.42 sends when it scrapes. */
	private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
			+ "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

	@Autowired
	private TestRestTemplate http;

	@Test
	void scrapedAsOpenMetricsTheTracedRequestsCarryNoExemplar() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.http.getForEntity("/api/search?q=traced-" + i, String.class).getStatusCode().value())
				.isEqualTo(200);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT, PROMETHEUS_ACCEPT);

		ResponseEntity<String> scrape = this.http.exchange("/actuator/prometheus", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);

		assertThat(scrape.getStatusCode().value()).isEqualTo(200);
		assertThat(scrape.getHeaders().getContentType())
			.hasToString("application/openmetrics-text;version=1.0.0;charset=utf-8");
		assertThat(scrape.getBody()).contains("http_server_requests_seconds_count{")
			.doesNotContain("trace_id=")
			.doesNotContain("span_id=");
	}

}
