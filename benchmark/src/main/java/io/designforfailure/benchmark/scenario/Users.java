package io.designforfailure.benchmark.scenario;

/**
 * How many virtual users a scenario runs: the run's default, an exact count, or a
 * multiple of the capacity users the same run measured.
 *
 * @param exactly a fixed count, or 0
 * @param timesCapacity a multiple of the capacity users, or 0
 */
public record Users(int exactly, int timesCapacity) {

	/** The run's default users, the round-1 scenarios' eight. */
	public static Users standard() {
		return new Users(0, 0);
	}

	public static Users exactly(int count) {
		return new Users(count, 0);
	}

	public static Users timesCapacity(int multiple) {
		return new Users(0, multiple);
	}

	/** Whether this is a step of the ramp that finds capacity. */
	public boolean findsCapacity() {
		return this.exactly > 0;
	}

	/** Whether this overloads the storefront by a multiple of its capacity. */
	public boolean overloads() {
		return this.timesCapacity > 0;
	}

	/**
	 * @param standard the run's default users
	 * @param capacity the users at which the run measured the best live goodput
	 */
	public int resolve(int standard, int capacity) {
		if (this.exactly > 0) {
			return this.exactly;
		}
		return (this.timesCapacity > 0) ? this.timesCapacity * capacity : standard;
	}

}
