package io.designforfailure.storefront;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link in the repository's Markdown leads to a file that exists, and every
 * {@code #anchor} to a heading of that file, as GitHub names them.
 */
class DocumentationLinksTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	@Test
	void everyRelativeLinkLeadsToAFileAndHeadingThatExist() throws IOException {
		List<String> broken = new ArrayList<>();
		List<Path> documents = documents();
		assertThat(documents).contains(ROOT.resolve("README.md"));
		for (Path document : documents) {
			Matcher links = LINK.matcher(FENCE.matcher(Files.readString(document)).replaceAll(""));
			while (links.find()) {
				String link = links.group(1);
				if (link.matches("[a-z]+:.*")) {
					continue;
				}
				int hash = link.indexOf('#');
				String file = (hash >= 0) ? link.substring(0, hash) : link;
				Path target = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
				if (!Files.exists(target)) {
					broken.add(ROOT.relativize(document) + ": " + link + " (no such file)");
				}
				else if (hash >= 0 && !anchors(target).contains(link.substring(hash + 1))) {
					broken.add(ROOT.relativize(document) + ": " + link + " (no such heading)");
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	private static List<Path> documents() throws IOException {
		try (Stream<Path> files = Files.walk(ROOT)) {
			return files.filter((file) -> file.toString().endsWith(".md"))
				.filter((file) -> !ROOT.relativize(file)
					.toString()
					.matches("(\\.|.*/target/|target/|.*node_modules/).*"))
				.toList();
		}
	}

	/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
	private static List<String> anchors(Path document) throws IOException {
		String text = FENCE.matcher(Files.readString(document)).replaceAll("");
		return text.lines()
			.filter((line) -> line.startsWith("#"))
			.map((line) -> line.replaceFirst("^#+", "")
				.strip()
				.toLowerCase(Locale.ROOT)
				.replaceAll("[^\\p{L}\\p{N}_ -]", "")
				.replace(' ', '-'))
			.toList();
	}

}
