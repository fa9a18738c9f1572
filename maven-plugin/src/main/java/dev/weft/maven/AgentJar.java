package dev.weft.maven;

import java.io.File;
import java.util.Collection;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Finds the agent: the {@code weft-framework} jar among the project's resolved test dependencies,
 * so that the agent is exactly the Weft that the tests compile and run against.
 */
final class AgentJar {
  private AgentJar() {}

  static final String GROUP_ID = "dev.weft";
  static final String ARTIFACT_ID = "weft-framework";

  /**
   * @param artifacts the project's resolved dependencies (test scope, transitive included)
   * @param project how the project is named in messages
   * @throws MojoExecutionException if Weft is not among them or is not a jar yet
   */
  static Artifact find(Collection<Artifact> artifacts, String project)
      throws MojoExecutionException {
    Artifact framework = null;
    for (Artifact a : artifacts) {
      boolean plainJar = "jar".equals(a.getType())
          && (a.getClassifier() == null || a.getClassifier().isEmpty());
      if (GROUP_ID.equals(a.getGroupId()) && ARTIFACT_ID.equals(a.getArtifactId()) && plainJar) {
        framework = a;
      }
    }
    if (framework == null) {
      throw new MojoExecutionException("weft:prepare-agent found no " + GROUP_ID + ":"
          + ARTIFACT_ID + " among the test dependencies of " + project + ". Add the dependency"
          + " dev.weft:weft-junit (with <scope>test</scope>), which brings it.");
    }
    File file = framework.getFile();
    if (file == null || !file.isFile()) {
      throw new MojoExecutionException("weft:prepare-agent needs the " + ARTIFACT_ID + " jar as"
          + " the agent, but " + framework + " resolved to " + file + " (a module of this build"
          + " that is not packaged yet). Run the build to the package phase or later, e.g."
          + " mvn verify instead of mvn test.");
    }
    return framework;
  }
}
