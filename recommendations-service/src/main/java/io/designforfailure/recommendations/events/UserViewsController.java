package io.designforfailure.recommendations.events;

import io.designforfailure.recommendations.Limit;
import io.designforfailure.web.UserId;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The views recorded for a user, read from the database: with the database down this
 * answers 503 with {@code Retry-After}, because the in-memory snapshot keeps neither
 * every view nor when it happened.
 */
@RestController
class UserViewsController {

	private final ViewEventStore store;

	UserViewsController(ViewEventStore store) {
		this.store = store;
	}

	@GetMapping("/api/users/{userId}/views")
	UserViews views(@PathVariable @UserId String userId, @RequestParam(defaultValue = "10") @Limit int limit) {
		return this.store.views(userId, limit);
	}

}
