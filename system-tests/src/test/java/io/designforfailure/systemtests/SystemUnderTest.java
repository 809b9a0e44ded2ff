package io.designforfailure.systemtests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the real system: the three services start once for the whole
 * run (each JVM start costs seconds), and every test leaves them healthy for the next.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RunningSystemExtension.class)
@interface SystemUnderTest {

}
