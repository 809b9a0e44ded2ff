package io.designforfailure.storefront.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium for one test class, driven through its own chromedriver so
 * Selenium Manager never downloads anything; skips the class when there is no driver.
 * Screenshots every test into {@code target/screenshots}, marking failures.
 */
final class Browser implements BeforeAllCallback, AfterTestExecutionCallback, AfterAllCallback {

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** Generous for a busy 2-core machine; waits return as soon as the DOM is ready. */
	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private ChromeDriver driver;

	private Path profile;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		assumeTrue(Files.isExecutable(DRIVER),
				"Browser tests skipped: no " + DRIVER + " (apt-get install -y chromium chromium-driver)");
		this.profile = Files.createTempDirectory("storefront-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().window().setSize(new Dimension(1280, 900));
		Files.createDirectories(SCREENSHOTS);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		String outcome = context.getExecutionException().isPresent() ? "-FAILED" : "";
		screenshot(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
				+ outcome);
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (this.driver != null) {
			this.driver.quit();
		}
		if (this.profile != null) {
			try (var paths = Files.walk(this.profile)) {
				paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	WebDriver driver() {
		return this.driver;
	}

	void open(String url) {
		this.driver.get(url);
	}

	void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Waits for an element matching {@code css} to be visible and returns it. */
	WebElement await(String css) {
		return new WebDriverWait(this.driver, PATIENCE)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/** Waits until the element matching {@code css} contains {@code text}. */
	WebElement awaitText(String css, String text) {
		new WebDriverWait(this.driver, PATIENCE)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
		return this.driver.findElement(By.cssSelector(css));
	}

	Path screenshot(String name) {
		Path file = SCREENSHOTS.resolve(name + ".png");
		try {
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), file,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/** A screenshot of the whole page, however long, for the documentation. */
	Path fullPageScreenshot(String name) {
		Object height = ((JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollHeight");
		Dimension before = this.driver.manage().window().getSize();
		this.driver.manage().window().setSize(new Dimension(before.getWidth(), ((Number) height).intValue() + 120));
		try {
			return screenshot(name);
		}
		finally {
			this.driver.manage().window().setSize(before);
		}
	}

}
