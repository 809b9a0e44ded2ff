import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What ./demo does badly in bash: reading poms and JSON, waiting for ports and health,
 * calling the storefront's API. JDK only, so a fresh clone needs nothing but a JDK.
 * ./demo compiles it once into .demo/ (a source launch would compile it on every call).
 */
public final class Demo {

	private static final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(1))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private static final String storefront = System.getProperty("demo.storefront", "http://127.0.0.1:8080");

	private Demo() {
	}

	public static void main(String[] args) throws Exception {
		List<String> rest = List.of(args).subList(1, args.length);
		int exit = switch (args[0]) {
			case "version" -> version(Path.of(rest.get(0)));
			case "stale" -> stale(Path.of(rest.get(0)), rest.subList(1, rest.size()));
			case "free" -> free(Proc.all(rest));
			case "await" -> await(Proc.all(rest.subList(1, rest.size())), Integer.parseInt(rest.get(0)));
			case "status" -> status(Proc.all(rest));
			case "chaos" -> chaos(rest.get(0), rest.get(1), (rest.size() > 2) ? rest.get(2) : null,
					(rest.size() > 3) ? rest.get(3) : null);
			case "show" -> show(rest.get(0));
			case "hit" -> hit(rest.get(0), Integer.parseInt(rest.get(1)));
			case "crowd" -> crowd(Integer.parseInt(rest.get(0)), rest.subList(1, rest.size()));
			case "breakers" -> breakers();
			case "recovered" -> recovered(rest.get(0), rest.get(1), Integer.parseInt(rest.get(2)));
			case "drained" -> drained(Integer.parseInt(rest.get(0)));
			case "why" -> why(rest.get(0), rest.get(1), Integer.parseInt(rest.get(2)), rest.get(3));
			case "watch" -> watch(rest.get(0), Integer.parseInt(rest.get(1)));
			default -> throw new IllegalArgumentException("unknown command " + args[0]);
		};
		System.exit(exit);
	}

	/** One line of the demo's process table, with the pid it runs as (or "-"). */
	record Proc(String name, int port, String health, String pid) {

		static List<Proc> all(List<String> specs) {
			return specs.stream().map((spec) -> spec.split(":", 4)).map((f) -> new Proc(f[0], Integer.parseInt(f[1]),
					f[2], (f.length > 3) ? f[3] : "-")).toList();
		}

		String url() {
			return "http://127.0.0.1:" + this.port;
		}

		/** Health is either "tcp" (the port accepts connections) or an HTTP path that answers status UP. */
		boolean healthy() {
			if ("tcp".equals(this.health)) {
				return accepts(this.port);
			}
			Object body = getJson(this.url() + this.health);
			return "UP".equals(at(body, "status"));
		}

		boolean alive() {
			return !"-".equals(this.pid) && ProcessHandle.of(Long.parseLong(this.pid)).map(ProcessHandle::isAlive)
				.orElse(false);
		}

	}

	// ---- the build ---------------------------------------------------------------------

	private static int version(Path pom) throws Exception {
		System.out.println(projectVersion(pom));
		return 0;
	}

	private static String projectVersion(Path pom) throws Exception {
		Element project = xml(pom);
		String version = child(project, "version");
		return (version != null) ? version : child(childElement(project, "parent"), "version");
	}

	/**
	 * Prints the modules whose jar is missing or older than a source of the module, of a
	 * module it depends on in this repository, or of a pom on the way.
	 */
	private static int stale(Path root, List<String> modules) throws Exception {
		Map<String, List<String>> reactor = new LinkedHashMap<>();
		Element rootPom = xml(root.resolve("pom.xml"));
		for (Element module : children(childElement(rootPom, "modules"), "module")) {
			Element pom = xml(root.resolve(module.getTextContent()).resolve("pom.xml"));
			List<String> internal = new ArrayList<>();
			for (Element dependency : children(childElement(pom, "dependencies"), "dependency")) {
				if (child(rootPom, "groupId").equals(child(dependency, "groupId"))) {
					internal.add(child(dependency, "artifactId"));
				}
			}
			reactor.put(module.getTextContent(), internal);
		}
		String version = projectVersion(root.resolve("pom.xml"));
		for (String module : modules) {
			Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
			if (!Files.exists(jar) || newer(root, closure(module, reactor), Files.getLastModifiedTime(jar))) {
				System.out.println(module);
			}
		}
		return 0;
	}

	private static Set<String> closure(String module, Map<String, List<String>> reactor) {
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> todo = new ArrayDeque<>(List.of(module));
		while (!todo.isEmpty()) {
			String next = todo.pop();
			if (reactor.containsKey(next) && seen.add(next)) {
				todo.addAll(reactor.get(next));
			}
		}
		return seen;
	}

	private static boolean newer(Path root, Set<String> modules, FileTime than) throws IOException {
		List<Path> sources = new ArrayList<>(List.of(root.resolve("pom.xml")));
		modules.forEach((module) -> {
			sources.add(root.resolve(module).resolve("pom.xml"));
			sources.add(root.resolve(module).resolve("src/main"));
		});
		for (Path source : sources) {
			if (Files.exists(source)) {
				try (Stream<Path> files = Files.walk(source)) {
					if (files.anyMatch((file) -> modifiedAfter(file, than))) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean modifiedAfter(Path file, FileTime than) {
		try {
			return Files.getLastModifiedTime(file).compareTo(than) > 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Element xml(Path file) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		if (parent != null) {
			for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
				if (node instanceof Element element && element.getTagName().equals(name)) {
					found.add(element);
				}
			}
		}
		return found;
	}

	private static Element childElement(Element parent, String name) {
		List<Element> found = children(parent, name);
		return found.isEmpty() ? null : found.get(0);
	}

	private static String child(Element parent, String name) {
		Element element = childElement(parent, name);
		return (element != null) ? element.getTextContent().trim() : null;
	}

	// ---- processes ---------------------------------------------------------------------

	private static int free(List<Proc> procs) {
		for (Proc proc : procs) {
			if (accepts(proc.port())) {
				System.err.printf("demo: port %d is taken by another program; %s cannot start (find it with: lsof -i :%d)%n",
						proc.port(), proc.name(), proc.port());
				return 1;
			}
		}
		return 0;
	}

	/** Waits for each in turn; exits 1 naming the first that died or stayed unhealthy. */
	private static int await(List<Proc> procs, int timeoutSeconds) throws InterruptedException {
		for (Proc proc : procs) {
			long start = System.nanoTime();
			long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
			while (!proc.healthy()) {
				if (!proc.alive()) {
					System.err.printf("demo: %s exited during startup%n", proc.name());
					System.out.println(proc.name());
					return 1;
				}
				if (System.nanoTime() > deadline) {
					System.err.printf("demo: %s is not healthy after %ds%n", proc.name(), timeoutSeconds);
					System.out.println(proc.name());
					return 1;
				}
				Thread.sleep(500);
			}
			System.err.printf("%s is UP at %s (%ds)%n", proc.name(), proc.url(),
					Duration.ofNanos(System.nanoTime() - start).toSeconds());
		}
		return 0;
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int status(List<Proc> procs) {
		System.out.printf("%-16s %-8s %-6s %s%n", "PROCESS", "PID", "HEALTH", "URL");
		for (Proc proc : procs) {
			System.out.printf("%-16s %-8s %-6s %s%n", proc.name(), proc.pid(), proc.healthy() ? "UP" : "DOWN",
					proc.url());
		}
		Object report = getJson(storefront + "/api/resilience");
		if (report != null) {
			System.out.println("breakers: " + breakerStates(report));
			if (at(report, "dependencies", "recommendations", "details", "views") instanceof Map<?, ?> views) {
				List<String> counts = new ArrayList<>();
				views.forEach((outcome, count) -> counts.add(outcome + " " + count));
				System.out.println("views:    " + String.join(", ", counts));
			}
		}
		return 0;
	}

	// ---- the storefront's API ----------------------------------------------------------

	private static int chaos(String dependency, String mode, String latencyMs, String everyNth) {
		StringBuilder body = new StringBuilder("{\"mode\":").append(quote(mode));
		if (latencyMs != null) {
			// Digits only (./demo checks): the storefront judges the range and names the field if it is wrong.
			body.append(",\"latencyMs\":").append(latencyMs);
		}
		if (everyNth != null) {
			body.append(",\"everyNth\":").append(everyNth);
		}
		Response response = send(HttpRequest.newBuilder(URI.create(storefront + "/api/chaos/" + dependency))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body.append('}').toString())));
		if (response == null) {
			System.err.println("demo: the storefront does not answer at " + storefront + " (is it up?)");
			return 1;
		}
		if (response.status() != 200) {
			System.err.println("demo: the storefront refused: " + at(response.json(), "detail"));
			return 1;
		}
		System.out.println("chaos on " + dependency + ": " + mode + ((latencyMs != null) ? " " + latencyMs + " ms" : "")
				+ ((everyNth != null) ? ", about one call in " + everyNth : ""));
		return 0;
	}

	/** The request, its status and time, and one line per section, as the user got it. */
	private static int show(String path) {
		long start = System.nanoTime();
		Response response = get(storefront + path);
		double seconds = (System.nanoTime() - start) / 1e9;
		if (response == null) {
			System.out.printf("  GET %s -> no answer after %.3fs%n", path, seconds);
			return 0;
		}
		System.out.printf("  GET %s -> HTTP %d in %.3fs%n", path, response.status(), seconds);
		if (response.json() instanceof Map<?, ?> sections) {
			sections.values().stream().filter((section) -> at(section, "source") != null).forEach((section) -> System.out
				.printf("    source=%-8s degraded=%-5s reason=%-12s asOf=%s items=%d%n", at(section, "source"),
						at(section, "degraded"), at(section, "reason"), at(section, "asOf"),
						((List<?>) at(section, "items")).size()));
		}
		return 0;
	}

	/**
	 * Many visitors at once, each asking again as soon as it is answered, for a few
	 * seconds and at most 20,000 requests in all. A GROUP is PATH:USERS. Prints per path
	 * how the answers came: by their first section's source and reason, the rate and the
	 * slowest answers.
	 */
	private static int crowd(int seconds, List<String> groups) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		AtomicInteger left = new AtomicInteger(20_000);
		Map<String, Tally> tallies = new LinkedHashMap<>();
		List<Thread> users = new ArrayList<>();
		for (String group : groups) {
			int split = group.lastIndexOf(':');
			String path = group.substring(0, split);
			Tally tally = tallies.computeIfAbsent(path, (key) -> new Tally());
			int visitors = Integer.parseInt(group.substring(split + 1));
			tally.users += visitors;
			for (int i = 0; i < visitors; i++) {
				Thread user = new Thread(() -> {
					while (System.nanoTime() < deadline && left.getAndDecrement() > 0) {
						long start = System.nanoTime();
						Response response = get(storefront + path);
						tally.add(outcome(response), (System.nanoTime() - start) / 1_000_000);
					}
				}, "visitor");
				user.setDaemon(true);
				users.add(user);
			}
		}
		users.forEach(Thread::start);
		for (Thread user : users) {
			user.join(Duration.ofSeconds(seconds + 15).toMillis());
		}
		tallies.forEach((path, tally) -> tally.print(path, seconds));
		return 0;
	}

	private static String outcome(Response response) {
		if (response == null) {
			return "no answer";
		}
		if (response.status() != 200 || !(response.json() instanceof Map<?, ?> sections)) {
			return "HTTP " + response.status();
		}
		return sections.values()
			.stream()
			.filter((section) -> at(section, "source") != null)
			.findFirst()
			.map((section) -> at(section, "source") + ((at(section, "reason") != null) ? " (" + at(section, "reason") + ")" : ""))
			.orElse("HTTP 200");
	}

	/** What the visitors of one path got. */
	private static final class Tally {

		int users;

		private final Map<String, Integer> outcomes = new LinkedHashMap<>();

		private final List<Long> millis = new ArrayList<>();

		synchronized void add(String outcome, long ms) {
			this.outcomes.merge(outcome, 1, Integer::sum);
			this.millis.add(ms);
		}

		synchronized void print(String path, int seconds) {
			List<Long> sorted = this.millis.stream().sorted().toList();
			long p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99)));
			long slowest = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
			System.out.printf("  GET %s, %d visitors: %d answers (%d a second), p99 %d ms, slowest %d ms%n", path,
					this.users, sorted.size(), sorted.size() / Math.max(1, seconds), p99, slowest);
			List<String> counts = new ArrayList<>();
			this.outcomes.forEach((outcome, count) -> counts.add(outcome + " " + count));
			System.out.println("    " + String.join(", ", counts));
		}

	}

	/** Waits until no view waits for redelivery, for at most the given seconds. */
	private static int drained(int limitSeconds) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(limitSeconds).toNanos();
		while (System.nanoTime() < deadline) {
			Object pending = at(getJson(storefront + "/api/resilience"), "dependencies", "recommendations", "details",
					"views", "pending");
			if (pending instanceof Number number && number.intValue() == 0) {
				return 0;
			}
			Thread.sleep(500);
		}
		System.out.println("  views still waiting after " + limitSeconds + " s");
		return 1;
	}

	/**
	 * Asks the storefront for its readiness and for {@code path} five times a second and
	 * prints each change, until it stops taking connections or {@code limitSeconds} pass:
	 * what a load balancer and a visitor see of a replica that is shutting down.
	 */
	private static int watch(String path, int limitSeconds) throws InterruptedException {
		long start = System.nanoTime();
		String last = null;
		while (System.nanoTime() - start < Duration.ofSeconds(limitSeconds).toNanos()) {
			Response readiness = get(storefront + "/actuator/health/readiness");
			Response page = get(storefront + path);
			String now = (readiness == null) ? "no connection: the replica has stopped"
					: "readiness %d (%s), page %s".formatted(readiness.status(), at(readiness.json(), "status"),
							(page != null) ? page.status() : "-");
			if (!now.equals(last)) {
				System.out.printf("  %5.1f s  %s%n", (System.nanoTime() - start) / 1e9, now);
				last = now;
			}
			if (readiness == null) {
				return 0;
			}
			Thread.sleep(200);
		}
		return 1;
	}

	private static int hit(String path, int times) {
		for (int i = 0; i < times; i++) {
			get(storefront + path);
		}
		return 0;
	}

	private static int breakers() {
		System.out.println("  breakers: " + breakerStates(getJson(storefront + "/api/resilience")));
		return 0;
	}

	/**
	 * Calls PATH until its first section is live and the dependency's breaker is CLOSED:
	 * calling is what moves a half-open breaker, its trial calls are real requests.
	 */
	private static int recovered(String dependency, String path, int limitSeconds) throws InterruptedException {
		long start = System.nanoTime();
		while (System.nanoTime() - start < Duration.ofSeconds(limitSeconds).toNanos()) {
			Response answer = get(storefront + path);
			Object report = getJson(storefront + "/api/resilience");
			boolean live = answer != null && answer.json() instanceof Map<?, ?> sections
					&& sections.values().stream().anyMatch((section) -> "live".equals(at(section, "source")));
			if (live && "CLOSED".equals(at(report, "dependencies", dependency, "circuitBreaker", "state"))) {
				System.out.printf("  %s is live again, breaker CLOSED (%ds)%n", dependency,
						Duration.ofNanos(System.nanoTime() - start).toSeconds());
				return 0;
			}
			Thread.sleep(1000);
		}
		System.out.printf("  %s has not recovered after %ds; see ./demo status and .demo/storefront.log%n", dependency,
				limitSeconds);
		return 1;
	}

	private static String breakerStates(Object report) {
		if (!(at(report, "dependencies") instanceof Map<?, ?> dependencies)) {
			return "(no answer from the storefront)";
		}
		List<String> states = new ArrayList<>();
		dependencies.forEach((name, dependency) -> states.add(name + "=" + at(dependency, "circuitBreaker", "state")));
		return String.join(" ", states);
	}

	/**
	 * One answer's story, told the three ways the storefront tells it: the section's
	 * attempts, the Server-Timing header, and the trace, read back from the viewer's API.
	 * Asks PATH up to TRIES times for an answer whose SECTION made more than one attempt.
	 */
	private static int why(String path, String section, int tries, String viewer) throws InterruptedException {
		Response response = null;
		for (int i = 0; i < tries; i++) {
			response = get(storefront + path);
			if (response != null && at(response.json(), section, "attempts") instanceof List<?> attempts
					&& attempts.size() > 1) {
				break;
			}
		}
		if (response == null) {
			System.out.println("  the storefront does not answer");
			return 1;
		}
		Object told = at(response.json(), section);
		System.out.printf("  GET %s -> HTTP %d, %s: source=%s reason=%s%n", path, response.status(), section,
				at(told, "source"), at(told, "reason"));
		if (at(told, "attempts") instanceof List<?> attempts) {
			for (int i = 0; i < attempts.size(); i++) {
				Object attempt = attempts.get(i);
				Object waited = at(attempt, "waitedMs");
				System.out.printf("    attempt %d: %-11s %4s ms%s%n", i + 1, at(attempt, "outcome"), at(attempt, "ms"),
						(waited != null) ? "   after waiting " + waited + " ms" : "");
			}
		}
		System.out.println("  Server-Timing: " + response.header("Server-Timing"));
		String traceId = response.header("X-Trace-Id");
		if (traceId == null) {
			System.out.println("  no X-Trace-Id: tracing is off");
			return 0;
		}
		System.out.println("  X-Trace-Id:    " + traceId);
		System.out.println("  Its trace:     " + viewer + "/zipkin/traces/" + traceId);
		List<?> spans = trace(viewer, traceId);
		if (spans.isEmpty()) {
			System.out.println("  (the viewer has no spans of it: is it running? ./demo start traces)");
			return 0;
		}
		printTree(spans);
		return 0;
	}

	/**
	 * The trace's spans from Zipkin's API, once they stop arriving: each service sends
	 * its spans within about a second of ending them.
	 */
	private static List<?> trace(String viewer, String traceId) throws InterruptedException {
		List<?> spans = List.of();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			Thread.sleep(1500);
			Object found = getJson(viewer + "/api/v2/trace/" + traceId);
			if (found instanceof List<?> list && !list.isEmpty() && list.size() == spans.size()) {
				return list;
			}
			spans = (found instanceof List<?> list) ? list : List.of();
		}
		return spans;
	}

	/** The spans as a tree, each with its service, name, duration and outcome. */
	private static void printTree(List<?> spans) {
		Map<Object, List<Object>> children = new LinkedHashMap<>();
		Set<Object> ids = new LinkedHashSet<>();
		spans.stream()
			.sorted((a, b) -> micros(a, "timestamp").compareTo(micros(b, "timestamp")))
			.forEach((span) -> {
				ids.add(at(span, "id"));
				children.computeIfAbsent(at(span, "parentId"), (key) -> new ArrayList<>()).add(span);
			});
		Set<String> services = new LinkedHashSet<>();
		spans.forEach((span) -> services.add(String.valueOf(at(span, "localEndpoint", "serviceName"))));
		System.out.printf("  %d spans from %s:%n", spans.size(), String.join(", ", services));
		children.forEach((parent, spansUnder) -> {
			if (parent == null || !ids.contains(parent)) {
				spansUnder.forEach((root) -> printSpan(root, children, 2));
			}
		});
	}

	/** A span's timestamp or duration in microseconds; 0 when Zipkin has none. */
	private static BigDecimal micros(Object span, String field) {
		return (at(span, field) instanceof BigDecimal value) ? value : BigDecimal.ZERO;
	}

	private static void printSpan(Object span, Map<Object, List<Object>> children, int depth) {
		Object outcome = at(span, "tags", "outcome");
		Object attempt = at(span, "tags", "attempt");
		System.out.printf("%s%-22s %-34s %6.1f ms%s%s%n", " ".repeat(depth * 2),
				at(span, "localEndpoint", "serviceName"), at(span, "name"),
				micros(span, "duration").doubleValue() / 1000, (attempt != null) ? "  attempt " + attempt : "",
				(outcome != null) ? "  " + outcome : "");
		children.getOrDefault(at(span, "id"), List.of()).forEach((child) -> printSpan(child, children, depth + 1));
	}

	// ---- HTTP and JSON -----------------------------------------------------------------

	record Response(int status, Object json, HttpHeaders headers) {

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

	private static Object getJson(String url) {
		Response response = get(url);
		return (response != null) ? response.json() : null;
	}

	private static Response get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			Object json = null;
			try {
				json = new Json(response.body()).read();
			}
			catch (RuntimeException ex) {
				// Not JSON (an HTML error page, say): the status still says what happened.
			}
			return new Response(response.statusCode(), json, response.headers());
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** The value at a path of object keys, or null where the path does not exist. */
	private static Object at(Object json, String... keys) {
		Object value = json;
		for (String key : keys) {
			value = (value instanceof Map<?, ?> map) ? map.get(key) : null;
		}
		return value;
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		text.chars().forEach((c) -> quoted.append((c == '"' || c == '\\') ? "\\" + (char) c
				: (c < 0x20) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
		return quoted.append('"').toString();
	}

	/**
	 * A JSON reader (RFC 8259) into maps, lists, strings, numbers, booleans and null: the
	 * JDK has none, and field order or spacing must never matter.
	 */
	static final class Json {

		private final String text;

		private int pos;

		Json(String text) {
			this.text = text;
		}

		Object read() {
			Object value = value();
			skipSpace();
			if (this.pos != this.text.length()) {
				throw error("trailing text");
			}
			return value;
		}

		private Object value() {
			skipSpace();
			if (this.pos >= this.text.length()) {
				throw error("unexpected end");
			}
			char c = this.text.charAt(this.pos);
			return switch (c) {
				case '{' -> object();
				case '[' -> array();
				case '"' -> string();
				case 't' -> literal("true", Boolean.TRUE);
				case 'f' -> literal("false", Boolean.FALSE);
				case 'n' -> literal("null", null);
				default -> number();
			};
		}

		private Map<String, Object> object() {
			Map<String, Object> object = new LinkedHashMap<>();
			this.pos++;
			skipSpace();
			if (peek('}')) {
				return object;
			}
			do {
				skipSpace();
				String key = string();
				skipSpace();
				expect(':');
				object.put(key, value());
				skipSpace();
			}
			while (peek(','));
			expect('}');
			return object;
		}

		private List<Object> array() {
			List<Object> array = new ArrayList<>();
			this.pos++;
			skipSpace();
			if (peek(']')) {
				return array;
			}
			do {
				array.add(value());
				skipSpace();
			}
			while (peek(','));
			expect(']');
			return array;
		}

		private String string() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				if (this.pos >= this.text.length()) {
					throw error("unterminated string");
				}
				char c = this.text.charAt(this.pos++);
				if (c == '"') {
					return out.toString();
				}
				if (c != '\\') {
					out.append(c);
					continue;
				}
				char escaped = this.text.charAt(this.pos++);
				switch (escaped) {
					case 'b' -> out.append('\b');
					case 'f' -> out.append('\f');
					case 'n' -> out.append('\n');
					case 'r' -> out.append('\r');
					case 't' -> out.append('\t');
					case 'u' -> {
						out.append((char) Integer.parseInt(this.text.substring(this.pos, this.pos + 4), 16));
						this.pos += 4;
					}
					default -> out.append(escaped);
				}
			}
		}

		private Object literal(String word, Object value) {
			if (!this.text.startsWith(word, this.pos)) {
				throw error("expected " + word);
			}
			this.pos += word.length();
			return value;
		}

		private BigDecimal number() {
			int start = this.pos;
			while (this.pos < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.pos)) >= 0) {
				this.pos++;
			}
			try {
				return new BigDecimal(this.text.substring(start, this.pos));
			}
			catch (NumberFormatException ex) {
				throw error("expected a value");
			}
		}

		private void skipSpace() {
			while (this.pos < this.text.length() && " \t\r\n".indexOf(this.text.charAt(this.pos)) >= 0) {
				this.pos++;
			}
		}

		private boolean peek(char c) {
			if (this.pos < this.text.length() && this.text.charAt(this.pos) == c) {
				this.pos++;
				return true;
			}
			return false;
		}

		private void expect(char c) {
			if (!peek(c)) {
				throw error("expected '" + c + "'");
			}
		}

		private IllegalArgumentException error(String what) {
			return new IllegalArgumentException(what + " at " + this.pos);
		}

	}

}
