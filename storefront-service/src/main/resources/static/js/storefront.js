// The shop: hash routes for home, search and product pages; every section wears a badge
// saying where its data came from.
import { age, el, fetchAnswer, timeline, traceLink, traceViewer } from './dom.js';

const USER_KEY = 'storefront.userId';

const view = document.getElementById('view');
const searchForm = document.getElementById('search-form');
const searchInput = document.getElementById('search-input');
const userForm = document.getElementById('user-form');
const userInput = document.getElementById('user-input');
const userStatus = document.getElementById('user-status');

// Human words for each reason a section is degraded, after the dependency's name.
const REASONS = {
	'timeout': 'too slow (timed out)',
	'circuit-open': 'unavailable (circuit open)',
	'bulkhead-full': 'overloaded (too many calls in flight)',
	'overloaded': 'overloaded (shedding load)',
	'unavailable': 'unreachable (no connection)',
	'error': 'failing (unusable answers)',
};

const price = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' });

function userId() {
	return localStorage.getItem(USER_KEY) || '';
}

function withUser(path) {
	const id = userId();
	if (!id) {
		return path;
	}
	return path + (path.includes('?') ? '&' : '?') + 'userId=' + encodeURIComponent(id);
}

/** The badge text for a section that came from {@code dependency}. */
export function badgeText(section, dependency) {
	const why = section.reason ? `${dependency} ${REASONS[section.reason] || section.reason}` : '';
	switch (section.source) {
		case 'live':
			return 'Live';
		case 'cache':
			return `Cached ${age(section.asOf)} ago: ${why}`;
		case 'fallback':
			return dependency === 'recommendations' ? `Generic list: ${why}` : `Not available: ${why}`;
		default:
			return section.source;
	}
}

// Why no attempt was made, when a guard refused the call before the first.
const REFUSALS = {
	'circuit-open': 'The circuit breaker refused the call: no attempt was made.',
	'bulkhead-full': 'Every permit of the bulkhead was taken: no attempt was made.',
	'overloaded': 'The storefront held the call back while the dependency sheds load: no attempt was made.',
	'timeout': 'No time was left in the budget: no attempt was made.',
};

/**
 * The badge, which opens the section's story: its attempts as a small timeline, and a
 * link to the answer's trace in the viewer.
 */
function badge(section, dependency, answer) {
	const attempts = section.attempts || [];
	const story = el('div', { className: 'story-body' },
		attempts.length
			? timeline(attempts)
			: el('p', { className: 'no-attempt' }, REFUSALS[section.reason] || 'No call was made.'),
		el('p', { className: 'trace' }, answer.viewer
			? traceLink(answer.viewer, answer.traceId, `Open the trace of this answer (${answer.traceId})`)
			: `Trace ${answer.traceId || 'not recorded'}`));
	return el('details', { className: 'story', 'data-story': dependency },
		el('summary', { title: section.asOf ? `Data as of ${new Date(section.asOf).toLocaleString()}` : null },
			el('span', {
				className: `badge badge-${section.source}`,
				'data-source': section.source,
				'data-reason': section.reason || null,
			}, badgeText(section, dependency))),
		story);
}

/** A page's answer: its body, its trace id and where that trace opens. */
async function fetchPage(url) {
	const [answer, viewer] = await Promise.all([fetchAnswer(url), traceViewer()]);
	return { ...answer, viewer };
}

function productCard(item) {
	return el('li', { className: 'product' },
		el('a', { href: `#/product/${encodeURIComponent(item.id)}` }, item.name),
		el('span', { className: 'category' }, item.category),
		el('span', { className: 'price' }, price.format(item.price)));
}

function section(name, title, data, dependency, emptyText, answer) {
	const headingId = `${name}-heading`;
	return el('section', { className: 'card', 'data-section': name, 'aria-labelledby': headingId },
		el('div', { className: 'section-head' },
			el('h2', { id: headingId }, title),
			el('div', { 'aria-live': 'polite' }, badge(data, dependency, answer))),
		data.items.length
			? el('ul', { className: 'products' }, data.items.map(productCard))
			: el('p', { className: 'empty' }, emptyText));
}

function show(title, ...content) {
	view.replaceChildren(el('h1', { tabindex: '-1' }, title), ...content);
	view.setAttribute('aria-busy', 'false');
	document.title = `${title} – Storefront`;
}

function showError(error) {
	show('Something went wrong', el('p', { className: 'error', role: 'alert' }, error.message));
}

async function home() {
	const answer = await fetchPage(withUser('/api/home'));
	const page = answer.body;
	const who = userId() ? `Recommended for ${userId()}` : 'Popular right now';
	show('Welcome', section('recommendations', who, page.recommendations, 'recommendations',
			'Nothing to recommend right now.', answer));
}

async function searchPage(query) {
	searchInput.value = query;
	const answer = await fetchPage('/api/search?q=' + encodeURIComponent(query));
	const page = answer.body;
	show(`Results for “${page.query}”`, section('search', 'Search results', page.results, 'search',
			page.results.degraded ? 'Search is not answering and there are no earlier results for this query.'
				: 'No products match.', answer));
}

async function productPage(id) {
	const answer = await fetchPage(withUser('/api/products/' + encodeURIComponent(id)));
	const page = answer.body;
	const product = page.product.items[0];
	const details = product
		? el('section', { className: 'card', 'data-section': 'product', 'aria-labelledby': 'product-heading' },
			el('div', { className: 'section-head' },
				el('h2', { id: 'product-heading' }, 'Details'),
				el('div', { 'aria-live': 'polite' }, badge(page.product, 'search', answer))),
			el('p', { className: 'price large' }, price.format(product.price)),
			el('p', {}, product.description || ''),
			el('p', { className: 'category' }, `Category: ${product.category}`),
			el('ul', { className: 'tags', 'aria-label': 'Tags' }, (product.tags || []).map((tag) => el('li', {}, tag))))
		: section('product', 'Details', page.product, 'search', 'The product details cannot be shown right now.',
			answer);
	show(product ? product.name : `Product ${id}`, details,
			section('related', 'You may also like', page.related, 'recommendations', 'Nothing related right now.',
				answer));
}

async function render() {
	view.setAttribute('aria-busy', 'true');
	const hash = location.hash || '#/';
	const product = hash.match(/^#\/product\/([^/?]+)$/);
	const search = hash.match(/^#\/search\?(.*)$/);
	try {
		if (product) {
			await productPage(decodeURIComponent(product[1]));
		}
		else if (search) {
			const query = new URLSearchParams(search[1]).get('q') || '';
			await searchPage(query);
		}
		else {
			await home();
		}
	}
	catch (error) {
		showError(error);
	}
	const heading = view.querySelector('h1');
	if (heading && document.activeElement !== searchInput) {
		heading.focus();
	}
}

searchForm.addEventListener('submit', (event) => {
	event.preventDefault();
	const target = '#/search?' + new URLSearchParams({ q: searchInput.value.trim() });
	if (location.hash === target) {
		render();
	}
	else {
		location.hash = target;
	}
});

userForm.addEventListener('submit', (event) => {
	event.preventDefault();
	const id = userInput.value.trim();
	if (id) {
		localStorage.setItem(USER_KEY, id);
		userStatus.textContent = `Showing the shop for ${id}.`;
	}
	else {
		localStorage.removeItem(USER_KEY);
		userStatus.textContent = 'Browsing anonymously.';
	}
	render();
});

userInput.value = userId();
window.addEventListener('hashchange', render);
render();
