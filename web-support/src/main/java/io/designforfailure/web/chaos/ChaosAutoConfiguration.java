package io.designforfailure.web.chaos;

import de.codecentric.spring.boot.chaos.monkey.assaults.LatencyAssault;
import de.codecentric.spring.boot.chaos.monkey.component.MetricEventPublisher;
import de.codecentric.spring.boot.chaos.monkey.configuration.ChaosMonkeyCondition;
import de.codecentric.spring.boot.chaos.monkey.configuration.ChaosMonkeySettings;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Chaos Monkey's latency assault with a {@link ReleasableLatency}: switching the assault
 * off (or Chaos Monkey) ends the hang for the requests it holds, as a healed fault would.
 * Active whenever Chaos Monkey is (the {@code chaos-monkey} profile); Chaos Monkey's own
 * {@link LatencyAssault} bean backs off for this one.
 */
@AutoConfiguration(beforeName = "de.codecentric.spring.boot.chaos.monkey.configuration.ChaosMonkeyConfiguration")
@ConditionalOnClass(name = "de.codecentric.spring.boot.chaos.monkey.assaults.LatencyAssault")
public class ChaosAutoConfiguration {

	/**
	 * Only read once Chaos Monkey is known to be there, as its condition is its own
	 * class.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(ChaosMonkeyCondition.class)
	static class ReleasableLatencyConfiguration {

		@Bean
		LatencyAssault latencyAssault(ChaosMonkeySettings settings, MetricEventPublisher metrics) {
			return new LatencyAssault(settings, metrics, new ReleasableLatency(() -> assaultOn(settings)));
		}

		private static boolean assaultOn(ChaosMonkeySettings settings) {
			return settings.getChaosMonkeyProperties().isEnabled() && settings.getAssaultProperties().isLatencyActive();
		}

	}

}
