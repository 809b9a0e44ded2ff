// Small helpers shared by the shop and the console. Text always goes in as text, never as HTML.

export function el(tag, attributes = {}, ...children) {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === null || value === undefined || value === false) {
			continue;
		}
		if (name === 'className') {
			element.className = value;
		}
		else {
			element.setAttribute(name, value === true ? '' : String(value));
		}
	}
	for (const child of children.flat()) {
		if (child === null || child === undefined) {
			continue;
		}
		element.append(child instanceof Node ? child : document.createTextNode(String(child)));
	}
	return element;
}

/** Fetches JSON; a problem answer becomes an Error carrying its detail and status. */
export async function fetchJson(url, options = {}) {
	return (await fetchAnswer(url, options)).body;
}

/** Fetches JSON with the trace the storefront made it in (its X-Trace-Id header). */
export async function fetchAnswer(url, options = {}) {
	let response;
	try {
		response = await fetch(url, { headers: { Accept: 'application/json' }, ...options });
	}
	catch (error) {
		throw Object.assign(new Error('The storefront is not answering. Is it running?'), { status: 0 });
	}
	const body = await response.json().catch(() => null);
	if (!response.ok) {
		const detail = body && body.detail ? body.detail : `The storefront answered ${response.status}`;
		throw Object.assign(new Error(detail), { status: response.status, problem: body });
	}
	return { body, traceId: response.headers.get('X-Trace-Id') };
}

/** Where traces open, once asked: the viewer's page for a trace, without its id. */
let viewer;

export async function traceViewer() {
	if (viewer === undefined) {
		viewer = fetchJson('/api/resilience').then((report) => report.traceViewer, () => null);
	}
	return viewer;
}

/** A link that opens trace {@code traceId} in the viewer, or nothing without one. */
export function traceLink(base, traceId, text = 'Open the trace') {
	return base && traceId
		? el('a', { className: 'trace-link', href: base + traceId, target: '_blank', rel: 'noopener' }, text)
		: null;
}

// What each attempt's outcome means, for people.
const OUTCOMES = {
	ok: 'answered',
	timeout: 'timed out',
	unavailable: 'no connection',
	overloaded: 'shed (overloaded)',
	error: 'unusable answer',
};

/** One attempt in words: "Attempt 2 answered in 12 ms, after waiting 63 ms". */
export function attemptText(attempt, index) {
	const waited = attempt.waitedMs !== undefined ? `, after waiting ${attempt.waitedMs} ms` : '';
	return `Attempt ${index + 1} ${OUTCOMES[attempt.outcome] || attempt.outcome} in ${attempt.ms} ms${waited}`;
}

/**
 * The attempts as a small timeline: a bar per attempt and per wait, as long as it took,
 * coloured by outcome, with the same in words below for everyone.
 */
export function timeline(attempts) {
	const bars = [];
	attempts.forEach((attempt) => {
		if (attempt.waitedMs !== undefined) {
			bars.push(el('span', { className: 'bar bar-wait', style: `flex-grow: ${Math.max(1, attempt.waitedMs)}`,
				title: `waited ${attempt.waitedMs} ms` }));
		}
		bars.push(el('span', { className: `bar bar-${attempt.outcome}`, style: `flex-grow: ${Math.max(1, attempt.ms)}`,
			title: `${attempt.outcome}, ${attempt.ms} ms` }));
	});
	return el('div', { className: 'attempts' },
		el('div', { className: 'bars', 'aria-hidden': 'true' }, bars),
		el('ol', { className: 'attempt-list' }, attempts.map((attempt, index) =>
			el('li', { 'data-outcome': attempt.outcome }, attemptText(attempt, index)))));
}

/** "42 s", "3 min", "2 h": how long ago an instant was, for people. */
export function age(isoInstant, now = Date.now()) {
	const seconds = Math.max(0, Math.round((now - Date.parse(isoInstant)) / 1000));
	if (seconds < 60) {
		return `${seconds} s`;
	}
	if (seconds < 3600) {
		return `${Math.floor(seconds / 60)} min`;
	}
	return `${Math.floor(seconds / 3600)} h`;
}

export function time(isoInstant) {
	return new Date(isoInstant).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
