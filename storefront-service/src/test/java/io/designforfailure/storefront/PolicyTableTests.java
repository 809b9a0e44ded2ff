package io.designforfailure.storefront;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's resilience policy table says what {@code application.yml} says: every
 * setting it names has the value it shows, and every test it cites exists.
 */
class PolicyTableTests {

	private static final Path README = Path.of("../README.md");

	private static final Path APPLICATION_YML = Path.of("src/main/resources/application.yml");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private static final Pattern TEST_NAME = Pattern.compile("(\\w+Tests)(?:\\.(\\w+))?");

	private static List<Row> table;

	private static Map<String, Object> yaml;

	@BeforeAll
	static void read() throws IOException {
		table = policyTable(Files.readAllLines(README));
		// The first document is the configuration as shipped; later ones are profiles.
		yaml = map(new Yaml().loadAll(Files.readString(APPLICATION_YML)).iterator().next());
	}

	@Test
	void everySettingInTheTableHasItsValueInApplicationYml() {
		// One retry instance per dependency (the breakers also have one for
		// recommendations'
		// writes).
		List<String> dependencies = List.copyOf(map(lookup("resilience4j.retry.instances")).keySet());
		assertThat(dependencies).isNotEmpty();
		int checked = 0;
		for (Row row : table) {
			List<Setting> settings = row.settings();
			assertThat(settings).as("settings of '%s'", row.guard()).isNotEmpty();
			for (Setting setting : settings) {
				List<String> paths = setting.path().contains("*")
						? dependencies.stream().map((dependency) -> setting.path().replace("*", dependency)).toList()
						: List.of(setting.path());
				for (String path : paths) {
					assertThat(lookup(path)).as("%s in application.yml (README row '%s')", path, row.guard())
						.isEqualTo(setting.value());
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(table.size());
	}

	@Test
	void everyTestTheTableCitesExists() throws IOException {
		for (Row row : table) {
			Matcher names = TEST_NAME.matcher(row.provenBy());
			while (names.find()) {
				Path source = testSource(names.group(1));
				assertThat(source).as("%s, cited for '%s'", names.group(1), row.guard()).isNotNull();
				if (names.group(2) != null) {
					assertThat(Files.readString(source)).as("%s.%s", names.group(1), names.group(2))
						.contains("void " + names.group(2) + "(");
				}
			}
		}
	}

	/** A Markdown table row of the policy section: guard | settings | proven by. */
	record Row(String guard, String settingsCell, String provenBy) {

		/**
		 * A cell is a list of code spans, each a YAML {@code key: value}; a span ending
		 * in a colon is the prefix of the keys after it.
		 */
		List<Setting> settings() {
			List<Setting> settings = new ArrayList<>();
			String prefix = "";
			Matcher code = CODE.matcher(this.settingsCell);
			while (code.find()) {
				String span = code.group(1);
				if (span.endsWith(":")) {
					prefix = span.substring(0, span.length() - 1) + ".";
					continue;
				}
				Object entry = new Yaml().load(span);
				assertThat(entry).as("`%s` is a YAML key: value", span).isInstanceOf(Map.class);
				for (Map.Entry<String, Object> setting : map(entry).entrySet()) {
					settings.add(new Setting(prefix + setting.getKey(), setting.getValue()));
				}
			}
			return settings;
		}

	}

	record Setting(String path, Object value) {
	}

	private static List<Row> policyTable(List<String> lines) {
		int section = lines.indexOf("## The resilience policy");
		assertThat(section).as("the README's policy section").isNotNegative();
		List<String> tableLines = lines.subList(section, lines.size())
			.stream()
			.dropWhile((line) -> !line.startsWith("|"))
			.takeWhile((line) -> line.startsWith("|"))
			.toList();
		assertThat(tableLines).as("the policy table").hasSizeGreaterThan(2);
		assertThat(cells(tableLines.get(0))).containsExactly("guard", "settings", "proven by");
		List<Row> rows = tableLines.subList(2, tableLines.size()).stream().map((line) -> {
			assertThat(line).as("a row without escaped pipes").doesNotContain("\\|");
			List<String> cells = cells(line);
			assertThat(cells).as(line).hasSize(3);
			return new Row(cells.get(0), cells.get(1), cells.get(2));
		}).toList();
		return rows;
	}

	private static List<String> cells(String line) {
		String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
		return Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
	}

	private static Object lookup(String path) {
		Object node = yaml;
		for (String key : path.split("\\.")) {
			node = (node instanceof Map<?, ?> map) ? map.get(key) : null;
		}
		return node;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object node) {
		assertThat(node).isInstanceOf(Map.class);
		return (Map<String, Object>) node;
	}

	/** The storefront's own tests, and the system tests that prove a row end to end. */
	private static Path testSource(String className) throws IOException {
		try (Stream<Path> files = Stream.of(Path.of("src/test/java"), Path.of("../system-tests/src/test/java"))
			.flatMap(PolicyTableTests::walk)) {
			return files.filter((file) -> file.getFileName().toString().equals(className + ".java"))
				.findFirst()
				.orElse(null);
		}
	}

	private static Stream<Path> walk(Path directory) {
		try {
			return Files.walk(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
