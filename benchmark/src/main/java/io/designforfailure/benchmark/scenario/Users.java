package io.designforfailure.benchmark.scenario;

/**
 * How a scenario loads the storefront: the run's default users, an exact count, a
 * multiple of the capacity users the same run measured, each user asking again once
 * answered (a closed loop); or requests arriving at a multiple of the capacity's live
 * answers per second, answered or not (an open loop).
 *
 * @param exactly a fixed count, or 0
 * @param timesCapacity a multiple of the capacity, or 0
 * @param openLoop whether that multiple is of the capacity's rate, in arrivals per
 * second, rather than of its users
 */
public record Users(int exactly, int timesCapacity, boolean openLoop) {

	/** The run's default users, the round-1 scenarios' eight. */
	public static Users standard() {
		return new Users(0, 0, false);
	}

	public static Users exactly(int count) {
		return new Users(count, 0, false);
	}

	public static Users timesCapacity(int multiple) {
		return new Users(0, multiple, false);
	}

	/** Arrivals at a multiple of the capacity's live answers per second. */
	public static Users arrivalsTimesCapacity(int multiple) {
		return new Users(0, multiple, true);
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
	 * The users of a closed loop; 0 for an open loop, whose requests arrive by rate.
	 * @param standard the run's default users
	 * @param capacity the users at which the run measured the best live goodput
	 */
	public int resolve(int standard, int capacity) {
		if (this.exactly > 0) {
			return this.exactly;
		}
		if (this.openLoop) {
			return 0;
		}
		return (this.timesCapacity > 0) ? this.timesCapacity * capacity : standard;
	}

	/**
	 * The arrivals per second of an open loop, or 0 for a closed one.
	 * @param capacity the live answers per second the run measured at capacity
	 */
	public double arrivalsPerSecond(double capacity) {
		return this.openLoop ? this.timesCapacity * capacity : 0;
	}

}
