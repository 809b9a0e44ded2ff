package io.designforfailure.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServiceProcessTests {

	@TempDir
	Path folder;

	@Test
	void putsJvmOptionsBeforeTheJarAndArgumentsAfterTheLoopbackPort() {
		List<String> command = ServiceProcess.command(Path.of("app.jar"), 18080, List.of("-Xmx256m"),
				List.of("--spring.profiles.active=chaos-monkey"));

		assertThat(command.get(0)).endsWith("java");
		assertThat(command.subList(1, command.size())).containsExactly("-Xmx256m", "-jar", "app.jar",
				"--server.port=18080", "--server.address=127.0.0.1", "--spring.profiles.active=chaos-monkey");
	}

	@Test
	void reachesTheServiceOnLoopback() {
		ServiceProcess process = ServiceProcess.builder("search-service", Path.of("app.jar"), Path.of("app.log"))
			.build();

		assertThat(process.uri("/actuator/health").toString()).matches("http://127\\.0\\.0\\.1:\\d+/actuator/health");
		assertThat(process.isAlive()).isFalse();
	}

	@Test
	void tailsTheLastLinesOfALog() throws IOException {
		Path log = this.folder.resolve("service.log");
		Files.write(log, IntStream.rangeClosed(1, 50).mapToObj((i) -> "line " + i).collect(Collectors.toList()));

		assertThat(ServiceProcess.tail(log, 3).lines()).containsExactly("line 48", "line 49", "line 50");
	}

	@Test
	void saysWhyThereIsNoTailWhenTheLogIsMissing() {
		Path log = this.folder.resolve("missing.log");

		assertThat(ServiceProcess.tail(log, 3)).startsWith("(no log at " + log);
	}

	@Test
	void findsABuiltJarInItsModulesTargetFolder() throws IOException {
		Path target = Files.createDirectories(this.folder.resolve("search-service").resolve("target"));
		Path jar = Files.createFile(target.resolve("search-service-1.0.jar"));

		assertThat(ServiceProcess.builtJar(this.folder, "search-service", "1.0")).isEqualTo(jar);
	}

	@Test
	void explainsHowToBuildAMissingJar() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ServiceProcess.builtJar(this.folder, "search-service", "1.0"))
			.withMessageContaining("search-service-1.0.jar")
			.withMessageContaining("./mvnw");
	}

}
