/**
 * The Weft Maven plugin. Its one goal, {@code prepare-agent}, adds the Weft agent to the
 * {@code argLine} property that Maven Surefire and Failsafe start the test JVM with, after
 * whatever that property already holds (JaCoCo's agent, say), and stops the build with one clear
 * message when the test plugin is too old to run JUnit Platform tests.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.weft</groupId>
 *   <artifactId>weft-maven-plugin</artifactId>
 *   <version>...</version>
 *   <executions><execution><goals><goal>prepare-agent</goal></goals></execution></executions>
 * </plugin>
 * }</pre>
 *
 * <p>Only the goal's name and its {@code propertyName} parameter are public; the classes behind
 * them carry no compatibility promise.
 */
package dev.weft.maven;
