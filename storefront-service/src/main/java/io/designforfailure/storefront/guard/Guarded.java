package io.designforfailure.storefront.guard;

import java.util.List;

/**
 * What a guarded call got, and the attempts it took to get it.
 *
 * @param <T> the answer's type
 * @param value the answer
 * @param attempts every attempt the call made, the last one the answer's
 */
public record Guarded<T>(T value, List<Attempt> attempts) {

	public Guarded {
		attempts = List.copyOf(attempts);
	}

}
