// The resilience console: polls /api/resilience every second and, when the storefront
// allows it, switches the dependencies' Chaos Monkey assaults.
import { age, attemptText, el, fetchJson, time, traceLink } from './dom.js';

const POLL_MS = 1000;

const container = document.getElementById('dependencies');
const views = document.getElementById('views');
const status = document.getElementById('console-status');
const degraded = document.querySelector('#degraded tbody');

const STATE_WORDS = {
	CLOSED: 'calls pass',
	OPEN: 'calls refused',
	HALF_OPEN: 'trying a few calls',
	FORCED_OPEN: 'calls refused (forced)',
	DISABLED: 'not guarding',
	METRICS_ONLY: 'only measuring',
};

const CACHE_WORDS = {
	recommendations: 'Generic list items',
	search: 'Cached queries',
};

/** What the shared cache (Redis) reports: never retried, so a breaker and these counts are its guards. */
const SHARED_CACHE_WORDS = {
	connected: 'Connected',
	hits: 'Reads that found an answer',
	misses: 'Reads that found none',
	errors: 'Timeouts and lost connections',
	refused: 'Refused while the breaker is open',
	writes: 'Answers shared',
	writesDropped: 'Writes dropped (writers busy)',
};

const VIEW_WORDS = {
	delivered: 'Delivered',
	duplicate: 'Delivered twice, counted once',
	pending: 'Waiting for redelivery',
	redelivered: 'Redelivered',
	dropped: 'Dropped',
};

let chaosDependencies = [];

function rate(value) {
	return value < 0 ? 'not yet (too few calls)' : `${value.toFixed(1)} %`;
}

/** Sets text only when it changed, so live regions speak only about changes. */
function setText(element, text) {
	if (element.textContent !== text) {
		element.textContent = text;
	}
}

function metric(list, key, label) {
	let value = list.querySelector(`[data-metric="${key}"]`);
	if (!value) {
		list.append(el('div', { className: 'metric' }, el('dt', {}, label),
				value = el('dd', { 'data-metric': key })));
	}
	return value;
}

function chaosControls(name) {
	const latencyId = `latency-${name}`;
	const result = el('p', { className: 'chaos-result', role: 'status' });
	const latency = el('input', { id: latencyId, type: 'number', min: 1, max: 30000, step: 100, value: 2000,
		inputmode: 'numeric' });
	const send = async (body, describe) => {
		result.textContent = 'Sending…';
		try {
			await fetchJson(`/api/chaos/${encodeURIComponent(name)}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body: JSON.stringify(body),
			});
			result.textContent = describe;
			result.dataset.outcome = 'ok';
		}
		catch (error) {
			result.textContent = error.message;
			result.dataset.outcome = 'failed';
		}
	};
	const button = (label, kind, onClick) => {
		const b = el('button', { type: 'button', className: `chaos-${kind}` }, label);
		b.addEventListener('click', onClick);
		return b;
	};
	return el('fieldset', { className: 'chaos' },
		el('legend', {}, `Chaos for ${name}`),
		el('div', { className: 'inline' },
			el('label', { for: latencyId }, 'Latency (ms)'), latency,
			button('Inject latency', 'latency', () => send({ mode: 'latency', latencyMs: Number(latency.value) },
					`${name}: every call now waits ${latency.value} ms.`))),
		el('div', { className: 'inline' },
			button('Inject errors', 'errors', () => send({ mode: 'errors' }, `${name}: every call now fails.`)),
			button('Chaos off', 'off', () => send({ mode: 'off' }, `${name}: chaos is off.`))),
		result);
}

function card(name) {
	let section = container.querySelector(`[data-dependency="${name}"]`);
	if (section) {
		return section;
	}
	const headingId = `dep-${name}`;
	section = el('section', { className: 'card dependency', 'data-dependency': name, 'aria-labelledby': headingId },
		el('div', { className: 'section-head' },
			el('h2', { id: headingId }, name),
			el('p', { className: 'state', 'aria-live': 'polite' })),
		el('h3', {}, 'Circuit breaker'), el('dl', { className: 'metrics breaker' }),
		el('h3', {}, 'Bulkhead, concurrency limit, retries, overload and cache'), el('dl', { className: 'metrics guards' }),
		el('h3', {}, 'Recent transitions'),
		el('ol', { className: 'timeline', 'aria-live': 'polite' }));
	if (chaosDependencies.includes(name)) {
		section.append(chaosControls(name));
	}
	container.append(section);
	return section;
}

function renderDependency(name, report) {
	const section = card(name);
	const breaker = report.circuitBreaker;
	const state = section.querySelector('.state');
	state.className = `state state-${breaker.state}`;
	state.dataset.state = breaker.state;
	setText(state, `${breaker.state.replace('_', '-')}: ${STATE_WORDS[breaker.state] || ''}`);

	const b = section.querySelector('.breaker');
	setText(metric(b, 'failureRate', 'Failure rate'), rate(breaker.failureRate));
	setText(metric(b, 'slowCallRate', 'Slow-call rate'), rate(breaker.slowCallRate));
	setText(metric(b, 'calls', 'Calls in window'),
			`${breaker.bufferedCalls} (${breaker.failedCalls} failed, ${breaker.slowCalls} slow)`);
	setText(metric(b, 'notPermittedCalls', 'Rejected while open'), String(breaker.notPermittedCalls));

	const g = section.querySelector('.guards');
	if (report.bulkhead) {
		setText(metric(g, 'bulkhead', 'Bulkhead free permits'),
				`${report.bulkhead.availableConcurrentCalls} of ${report.bulkhead.maxAllowedConcurrentCalls}`);
	}
	const limit = report.concurrencyLimit;
	if (limit) {
		setText(metric(g, 'concurrencyLimit', 'Concurrency limit'), limit.enabled
			? `${limit.inFlight} in flight of ${limit.limit} allowed now (${limit.limitedCalls} refused since start)`
			: 'off: the bulkhead alone');
	}
	if (report.retry) {
		setText(metric(g, 'retry', 'Calls by retry outcome'),
				`${report.retry.successfulWithoutRetry} ok first try, ${report.retry.successfulWithRetry} ok after retry, `
					+ `${report.retry.failedWithoutRetry} failed without retry, ${report.retry.failedWithRetry} failed after retries`);
	}
	if ('cacheSize' in report.details) {
		setText(metric(g, 'cacheSize', CACHE_WORDS[name] || 'Cache size'), String(report.details.cacheSize));
	}
	for (const [key, label] of Object.entries(SHARED_CACHE_WORDS)) {
		if (key in report.details) {
			setText(metric(g, key, label), String(report.details[key]));
		}
	}

	const overload = report.overload;
	if (overload) {
		setText(metric(g, 'shed', 'Shed by the dependency (503 + Retry-After, 429)'), String(overload.shedAnswers));
		setText(metric(g, 'throttled', 'Held back while it sheds'),
				`${overload.throttledCalls} (now ${(overload.throttleProbability * 100).toFixed(0)} % held back)`);
		setText(metric(g, 'retryBudget', 'Retry budget left'),
				`${overload.retryBudgetLeft} retries (${overload.retryBudgetExhausted} refused since start)`);
	}

	const timeline = section.querySelector('.timeline');
	const key = JSON.stringify(report.transitions);
	if (timeline.dataset.key !== key) {
		timeline.dataset.key = key;
		timeline.replaceChildren(...(report.transitions.length
			? report.transitions.map((t) => el('li', { className: `to-${t.to}` },
					el('span', { className: `dot state-${t.to}`, 'aria-hidden': 'true' }),
					`${t.from} → ${t.to} at `, el('time', { datetime: t.at }, time(t.at))))
			: [el('li', { className: 'none' }, 'No transitions yet: the breaker has stayed closed.')]));
	}
	for (const item of timeline.querySelectorAll('time')) {
		item.title = `${age(item.getAttribute('datetime'))} ago`;
	}
}

/** The latest degraded answers, newest first, each with its attempts and trace. */
function renderDegraded(answers, viewer) {
	const key = JSON.stringify(answers);
	if (degraded.dataset.key === key) {
		return;
	}
	degraded.dataset.key = key;
	degraded.replaceChildren(...(answers.length
		? answers.map((answer) => el('tr', { 'data-trace-id': answer.traceId || null },
				el('td', {}, el('time', { datetime: answer.at }, time(answer.at))),
				el('td', {}, answer.dependency),
				el('td', {}, `${answer.source} (${answer.reason})`),
				el('td', {}, answer.attempts.length
					? el('ol', { className: 'attempt-list' }, answer.attempts.map((attempt, index) =>
						el('li', { 'data-outcome': attempt.outcome }, attemptText(attempt, index))))
					: 'none: refused before the first'),
				el('td', {}, traceLink(viewer, answer.traceId, 'Open') || '–')))
		: [el('tr', {}, el('td', { colspan: 5, className: 'none' }, 'No degraded answer yet.'))]));
}

async function poll() {
	try {
		const report = await fetchJson('/api/resilience');
		for (const [name, dependency] of Object.entries(report.dependencies)) {
			renderDependency(name, dependency);
			for (const [outcome, count] of Object.entries(dependency.details.views || {})) {
				setText(metric(views, outcome, VIEW_WORDS[outcome] || outcome), String(count));
			}
		}
		renderDegraded(report.degraded, report.traceViewer);
		setText(status, `Updated at ${new Date().toLocaleTimeString()}`);
		document.body.dataset.loaded = 'true';
	}
	catch (error) {
		setText(status, `Could not read the guards: ${error.message}`);
	}
	setTimeout(poll, POLL_MS);
}

async function start() {
	try {
		const chaos = await fetchJson('/api/chaos');
		chaosDependencies = chaos.dependencies;
	}
	catch (error) {
		// 404 means chaos is switched off on this storefront: the console only watches.
		chaosDependencies = [];
	}
	document.body.dataset.chaos = chaosDependencies.length ? 'on' : 'off';
	poll();
}

start();
