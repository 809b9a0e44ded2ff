package io.designforfailure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * One shape for every rejected request in every service that has this module: the problem
 * advice for Spring MVC, and Tomcat's error report replaced for what Tomcat rejects on
 * its own.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class, after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemsAutoConfiguration {

	@Bean
	ProblemAdvice problemAdvice() {
		return new ProblemAdvice();
	}

	@Bean
	ProblemResponses problemResponses(ObjectMapper mapper) {
		return new ProblemResponses(mapper);
	}

	/** Replaces Tomcat's HTML error report, which Boot installs on the host. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TomcatServletWebServerFactory.class)
	static class TomcatProblems {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(ProblemResponses responses) {
			return new ValveCustomizer(responses);
		}

	}

	/**
	 * Runs after Boot's own customizer, which adds a plain {@link ErrorReportValve} to
	 * the host when stack traces are never shown.
	 */
	private record ValveCustomizer(
			ProblemResponses responses) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				StandardHost host = (StandardHost) context.getParent();
				Pipeline pipeline = host.getPipeline();
				for (Valve valve : pipeline.getValves()) {
					if (valve instanceof ErrorReportValve) {
						pipeline.removeValve(valve);
					}
				}
				pipeline.addValve(new ProblemReportValve(this.responses));
				// The host adds an error report of this class at start unless one is
				// there.
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
