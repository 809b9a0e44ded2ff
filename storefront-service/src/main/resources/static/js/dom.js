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
	return body;
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
