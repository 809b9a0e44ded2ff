#!/usr/bin/env bash
# Proves that every guard and fallback of the storefront is needed: for each one, removes it in a
# scratch copy of the repository and runs the tests that should notice, expecting at least one to
# FAIL. A removal whose code no longer matches, or that only breaks the compilation, counts as not
# proven, so the check cannot pass by accident.
#
#   storefront-service/prove-guards.sh            each removal against the tests named for it (~20 min)
#   storefront-service/prove-guards.sh --full     each removal against every storefront test (slower)
#   storefront-service/prove-guards.sh NAME ...   only the named removals
#
# It checks the committed code (HEAD, or REVISION=... in the environment), never uncommitted edits.
# Needs what ./mvnw -B verify needs. Leaves nothing behind but the scratch copies' logs in
# storefront-service/target/prove-guards/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
main=storefront-service/src/main/java/io/designforfailure/storefront
results="$root/storefront-service/target/prove-guards"
revision=${REVISION:-HEAD}
full=false
only=()
for arg in "$@"; do
	case "$arg" in
	--full) full=true ;;
	-*) echo "prove-guards: unknown option $arg" >&2; exit 2 ;;
	*) only+=("$arg") ;;
	esac
done

# name | file | code as it is (once in the file) | code without the guard | tests that must fail
removals=$(cat <<'TABLE'
connect-timeout|guard/DependencyClients.java|.setConnectTimeout(Timeout.of(properties.connectTimeout()))|.setConnectTimeout(Timeout.ofMinutes(3))|ConnectTimeoutTests
attempt-timeout|guard/DependencyGuard.java|T result = this.timer.limit(limit, exchange);|T result = exchange.get();|DependencyFaultTests,RetryTests
total-budget|guard/CallBudget.java|return remaining().minus(wait).compareTo(this.attemptTimeout) >= 0;|return true;|RetryTests
retry|guard/DependencyGuard.java|return run(call, Retry.decorateSupplier(this.retry, CircuitBreaker.decorateSupplier(|return run(call, (CircuitBreaker.decorateSupplier(|RetryTests
retry-only-transient|guard/Fault.java|boolean mayPass() {|boolean mayPass() { if (true) { return true; }|RetryTests,DependencyFaultTests
circuit-breaker|guard/DependencyGuard.java|return run(call, Retry.decorateSupplier(this.retry, CircuitBreaker.decorateSupplier(this.circuitBreaker,|return run(call, Retry.decorateSupplier(this.retry, (|CircuitBreakerTests
bulkhead|guard/DependencyGuard.java|Bulkhead.decorateSupplier(this.bulkhead, this.limit.decorate(attempt, call::event)))));|this.limit.decorate(attempt, call::event))));|BulkheadTests
body-limit|guard/DependencyClients.java|.requestInterceptor(new BodyLimitInterceptor(properties.maxBodySize()))||BodyLimitTests
shed-is-not-failure|guard/Fault.java|boolean countsAgainstDependency() {|boolean countsAgainstDependency() { if (true) { return this.kind != Kind.REFUSED; }|OverloadTests
adaptive-throttling|guard/OverloadGuard.java|if (this.throttle.admits()) {|if (true) {|OverloadTests
retry-budget|guard/OverloadGuard.java|if (this.retryBudget.tryRetry()) {|if (true) {|OverloadTests
deadline-hint|guard/AbortableRequestFactory.java|request.setHeader(REQUEST_TIMEOUT_HEADER, Long.toString(remaining.toMillis()));||RetryTests
fallback-best-sellers|recommendations/RecommendationsGateway.java|return snapshot.items().stream().filter((item) -> !item.id().equals(excludedId)).limit(this.limit).toList();|return List.of();|DependencyFaultTests,ConnectionRefusedTests
fallback-search-cache|search/SearchGateway.java|this.results.put(key, hits, live.asOf());||SearchCacheTests
fallback-product-cache|search/SearchGateway.java|this.products.put(id, product, live.asOf());||SearchCacheTests
related-items-bulkhead|recommendations/RecommendationsGateway.java|return this.relatedFetchers.executeSupplier(() -> related(productId)).toCompletableFuture();|return CompletableFuture.completedFuture(related(productId));|RelatedItemsBulkheadTests
views-off-request-thread|recommendations/ViewRecorder.java|this.sender.executeSupplier(() -> deliver(view))|java.util.concurrent.CompletableFuture.completedFuture(deliver(view))|ViewRecordingTests
idempotency-key-kept|recommendations/ViewRecorder.java|this.client.recordView(idempotencyKey, view)|this.client.recordView(UUID.randomUUID().toString(), view)|ViewRecordingTests
view-redelivery|recommendations/ViewRedelivery.java|this.queue.addLast(view);||ViewRedeliveryTests,ViewRecorderRedeliveryTests
redelivery-queue-bound|recommendations/ViewRedelivery.java|if (this.queue.size() >= this.properties.queueCapacity()) {|if (false) {|ViewRedeliveryTests
writes-retried-only-with-key|guard/DependencyGuard.java|boolean mayRetry = idempotencyKey != null && !idempotencyKey.isBlank();|boolean mayRetry = true;|ViewRecorderTests
writes-own-breaker|guard/DependencyGuard.java|CircuitBreaker.decorateSupplier(this.writesBreaker.get(),|CircuitBreaker.decorateSupplier(this.circuitBreaker,|ViewRecorderTests
views-held-by-retry-after|recommendations/ViewRecorder.java|if (this.ticker.read() - this.holdUntil.get() < 0) {|if (false) {|ViewRecordingTests
writes-not-throttled|guard/DependencyGuard.java|attempts(call, CallBudget.start(this.properties), mayRetry, false, exchange)|attempts(call, CallBudget.start(this.properties), mayRetry, true, exchange)|RefusedViewsTests
trace-onto-bulkhead-thread|../../../../resources/application.yml|          - io.designforfailure.storefront.guard.TracePropagator|          - io.github.resilience4j.core.ContextPropagator$EmptyContextPropagator|ProductControllerTests
view-keeps-page-trace|guard/DependencyGuard.java|try (Traces.Resumed resumed = this.story.traces().resume(origin.trace())) {|try (Traces.Resumed resumed = this.story.traces().resume(null)) {|ProductControllerTests,ViewRecorderRedeliveryTests
attempts-recorded|guard/CallRecorder.java|return failure.told(this.attempts);|return failure;|DependencyFaultTests,RetryTests,CallStoryTests
breaker-window|../../../../resources/application.yml|        sliding-window-type: TIME_BASED|        sliding-window-type: COUNT_BASED|BreakerWindowTests
slow-call-is-the-attempt-timeout|../../../../resources/application.yml|        slow-call-duration-threshold: 250ms|        slow-call-duration-threshold: 200ms|CircuitBreakerTests
concurrency-limit|guard/DependencyGuard.java|Bulkhead.decorateSupplier(this.bulkhead, this.limit.decorate(attempt, call::event)))));|Bulkhead.decorateSupplier(this.bulkhead, attempt))));|SheddingDependencyTests
concurrency-limit-drops|guard/ConcurrencyLimit.java|listener.onDropped();|listener.onIgnore();|ConcurrencyLimitTests,SheddingDependencyTests
timeouts-do-not-lower-the-limit|guard/ConcurrencyLimit.java|case UNAVAILABLE -> failure.countsAgainstDependency();|case TIMEOUT, UNAVAILABLE -> failure.countsAgainstDependency();|ConcurrencyLimitTests
redis-command-timeout|guard/RedisLevel.java|.withTimeout(limits.commandTimeout())||RedisFaultTests
redis-breaker|guard/RedisLevel.java|this.breaker.executeSupplier(() -> connected().sync().get(key))|connected().sync().get(key)|RedisFaultTests
redis-reject-while-disconnected|guard/RedisLevel.java|.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)||RedisFaultTests
redis-writes-off-request-thread|guard/RedisLevel.java|this.writers.executeRunnable(() -> send(key, value, timeToLive));|send(key, value, timeToLive);|RedisFaultTests
shared-level|guard/LastGoodAnswers.java|Optional<Stamped<V>> fromShared = this.shared.get(key);|Optional<Stamped<V>> fromShared = Optional.empty();|SharedCacheTests
shutdown-drain|shutdown/LoadBalancerDrain.java|Thread.sleep(this.drain.toMillis());|Thread.sleep(0);|LoadBalancerDrainTests
TABLE
)

mkdir -p "$results"
summary="$results/summary.txt"
: >"$summary"
failures=0
while IFS='|' read -r name file present absent tests; do
	if [ ${#only[@]} -gt 0 ] && [[ " ${only[*]} " != *" $name "* ]]; then
		continue
	fi
	scratch=$(mktemp -d)
	trap 'rm -rf "$scratch"' EXIT
	git -C "$root" archive "$revision" | tar -xf - -C "$scratch"
	target="$scratch/$main/$file"
	if ! PRESENT="$present" ABSENT="$absent" perl -0pi -e '$n = s/\Q$ENV{PRESENT}\E/$ENV{ABSENT}/g; END { exit($n == 1 ? 0 : 1) }' "$target"; then
		verdict="NOT PROVEN: the guard's code no longer reads as the table says; update the table"
	else
		selection=()
		$full || selection=("-Dtest=$tests" -Dsurefire.failIfNoSpecifiedTests=false)
		echo "prove-guards: $name removed from $file; running ${tests//,/, } ..."
		log="$results/$name.log"
		if (cd "$scratch" && ./mvnw -B -q -pl storefront-service -am verify -Dspring-javaformat.skip=true \
			"${selection[@]}") >"$log" 2>&1; then
			verdict="NOT PROVEN: every test passed without it"
		elif grep -q "COMPILATION ERROR" "$log"; then
			verdict="NOT PROVEN: the removal does not compile"
		else
			failed=$(grep -oE '^\[ERROR\]   [A-Za-z]+Tests\.[A-Za-z0-9]+' "$log" | sed 's/^\[ERROR\]   //' | sort -u | paste -sd, -)
			verdict="needed: ${failed:-a test failed} (log: ${log#"$root"/})"
		fi
	fi
	rm -rf "$scratch"
	trap - EXIT
	case "$verdict" in NOT*) failures=$((failures + 1)) ;; esac
	printf '%-28s %s\n' "$name" "$verdict" | tee -a "$summary"
done <<<"$removals"

echo "prove-guards: $failures not proven; summary in ${summary#"$root"/}"
[ "$failures" -eq 0 ]
