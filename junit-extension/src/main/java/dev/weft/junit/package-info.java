/**
 * {@link dev.weft.junit.RaceTest @RaceTest}: a JUnit Jupiter test method whose body Weft explores
 * under many controlled interleavings, shown as one test in Surefire and the IDE.
 *
 * <p>{@link dev.weft.junit.RaceTestExtension} (registered by the annotation) runs the body through
 * {@link dev.weft.Weft}, turns a failure into an {@link java.lang.AssertionError} whose message is
 * the whole report ending with the JUnit ways to replay it ({@code -Dweft.replay=} and
 * {@code @RaceTest(replay = ...)}), writes the report files under {@code target/weft-reports},
 * and replays a recorded failure first on the next run. Settings come from the annotation,
 * overridden by JUnit configuration parameters ({@code weft.*}); a bad value fails the test with
 * a message that says what would be valid.
 *
 * <p>Only {@code RaceTest} and {@code RaceTestExtension} are API; everything else here is package
 * private.
 */
package dev.weft.junit;
