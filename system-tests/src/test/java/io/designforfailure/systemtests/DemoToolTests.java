package io.designforfailure.systemtests;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java side of {@code ./demo} ({@code tools/Demo.java}): it reads JSON by key and the
 * build from the poms, so the script never parses either itself.
 */
class DemoToolTests {

	private static final Path ROOT = Path.of(System.getProperty("system-tests.root", ".."))
		.toAbsolutePath()
		.normalize();

	@TempDir
	static Path classes;

	@BeforeAll
	static void compile() {
		int status = ToolProvider.getSystemJavaCompiler()
			.run(null, null, null, "-d", classes.toString(), ROOT.resolve("tools/Demo.java").toString());
		assertThat(status).as("javac tools/Demo.java").isZero();
	}

	@Test
	void readsJsonByKeyWhateverTheOrderSpacingAndEscapes() throws Exception {
		Object json = readJson(
				" { \"views\" : {\"delivered\":3}, \"name\":\"caf\\u00e9 \\\"q\\\"\", \"items\":[1.50,-2e3,true,null] } ");

		assertThat(json).isEqualTo(Map.of("views", Map.of("delivered", new BigDecimal("3")), "name", "café \"q\"",
				"items", Arrays.asList(new BigDecimal("1.50"), new BigDecimal("-2e3"), true, null)));
	}

	@Test
	void rejectsWhatIsNotJson() {
		for (String text : List.of("<html>", "{\"a\":1", "{\"a\":1} trailing", "")) {
			assertThatThrownBy(() -> readJson(text)).as(text).isInstanceOf(RuntimeException.class);
		}
	}

	@Test
	void readsTheVersionFromTheRootPom() throws Exception {
		assertThat(run("version", ROOT.resolve("pom.xml").toString()))
			.containsExactly(System.getProperty("system-tests.version"));
	}

	@Test
	void listsAsStaleTheModulesBuiltBeforeASourceTheyDependOn(@TempDir Path reactor) throws Exception {
		pom(reactor, "<groupId>g</groupId><version>1.0</version><modules><module>lib</module><module>app</module>"
				+ "<module>other</module></modules>");
		pom(reactor.resolve("lib"), "<artifactId>lib</artifactId>");
		pom(reactor.resolve("app"), "<artifactId>app</artifactId><dependencies><dependency><groupId>g</groupId>"
				+ "<artifactId>lib</artifactId></dependency></dependencies>");
		pom(reactor.resolve("other"), "<artifactId>other</artifactId>");
		Instant built = Instant.now().minusSeconds(60);
		for (String module : List.of("lib", "app", "other")) {
			Path jar = Files.createDirectories(reactor.resolve(module).resolve("target")).resolve(module + "-1.0.jar");
			Files.writeString(jar, "jar");
			Files.setLastModifiedTime(jar, FileTime.from(built));
		}
		for (Path file : List.of(reactor.resolve("pom.xml"), reactor.resolve("lib/pom.xml"),
				reactor.resolve("app/pom.xml"), reactor.resolve("other/pom.xml"))) {
			Files.setLastModifiedTime(file, FileTime.from(built.minusSeconds(60)));
		}
		assertThat(run("stale", reactor.toString(), "lib", "app", "other")).isEmpty();

		Path source = Files.createDirectories(reactor.resolve("lib/src/main/java")).resolve("Lib.java");
		Files.writeString(source, "class Lib {}");

		assertThat(run("stale", reactor.toString(), "lib", "app", "other")).containsExactly("lib", "app");
	}

	private static void pom(Path module, String content) throws IOException {
		Files.createDirectories(module);
		Files.writeString(module.resolve("pom.xml"), "<project>" + content + "</project>");
	}

	private static Object readJson(String text) throws Exception {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() })) {
			Class<?> json = loader.loadClass("Demo$Json");
			Constructor<?> constructor = json.getDeclaredConstructor(String.class);
			constructor.setAccessible(true);
			Method read = json.getDeclaredMethod("read");
			read.setAccessible(true);
			try {
				return read.invoke(constructor.newInstance(text));
			}
			catch (InvocationTargetException ex) {
				throw (RuntimeException) ex.getCause();
			}
		}
	}

	private static List<String> run(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List
			.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classes.toString(), "Demo"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as("exit status of Demo %s", String.join(" ", arguments)).isZero();
		return output.lines().toList();
	}

}
