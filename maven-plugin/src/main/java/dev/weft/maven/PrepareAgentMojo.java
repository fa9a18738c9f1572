package dev.weft.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Adds the Weft agent to the JVM options of the tests: sets the {@code argLine} property, which
 * Surefire and Failsafe start the test JVM with, to its current value followed by
 * {@code -javaagent:<weft-framework jar> -Xshare:off}. Runs in {@code initialize}, before the
 * tests, and works with JaCoCo's {@code prepare-agent} before or after it. Fails the build with
 * the version to declare when Surefire or Failsafe is too old to run JUnit Platform tests.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE,
    requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class PrepareAgentMojo extends AbstractMojo {
  static final String SUREFIRE = "maven-surefire-plugin";
  static final String FAILSAFE = "maven-failsafe-plugin";
  private static final String TEST_PLUGIN_GROUP = "org.apache.maven.plugins";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session.userProperties}", readonly = true)
  Properties userProperties;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  String pluginVersion;

  /**
   * The property the options go into. Surefire and Failsafe read {@code argLine}; name another
   * one (and use {@code @{thatName}} in their {@code <argLine>}) to give the agent to one of them
   * only.
   */
  @Parameter(defaultValue = "argLine")
  String propertyName;

  /** Public for Maven, which instantiates the goal. */
  public PrepareAgentMojo() {}

  @Override
  public void execute() throws MojoExecutionException {
    for (Plugin plugin : testPlugins()) {
      Optional<String> problem =
          TestPluginVersion.problem(plugin.getArtifactId(), plugin.getVersion());
      if (problem.isPresent()) throw new MojoExecutionException(problem.get());
    }
    Artifact framework = AgentJar.find(project.getArtifacts(), project.getId());
    if (pluginVersion != null && !pluginVersion.equals(framework.getVersion())) {
      getLog().warn("weft-maven-plugin " + pluginVersion + " is loading the agent of "
          + framework + ": declare the same version for both.");
    }
    Properties properties = project.getProperties();
    String argLine = ArgLine.withAgent(properties.getProperty(propertyName),
        framework.getFile().toPath());
    properties.setProperty(propertyName, argLine);
    getLog().info(propertyName + " set to " + argLine);
    warnWhereTheAgentIsNotUsed();
  }

  /** Surefire and Failsafe as this build runs them (Maven adds Surefire to every jar build). */
  private List<Plugin> testPlugins() {
    List<Plugin> found = new ArrayList<>();
    for (Plugin plugin : project.getBuildPlugins()) {
      boolean testPlugin = SUREFIRE.equals(plugin.getArtifactId())
          || FAILSAFE.equals(plugin.getArtifactId());
      if (testPlugin && TEST_PLUGIN_GROUP.equals(plugin.getGroupId())) found.add(plugin);
    }
    return found;
  }

  /**
   * The agent is not loaded when the property is overridden on the command line or a test plugin
   * configures its own {@code <argLine>} without the property: Weft would then attach itself at
   * run time (JDK 21+ warns) or fail its tests, so the build says so at once.
   */
  private void warnWhereTheAgentIsNotUsed() {
    if (userProperties != null && userProperties.containsKey(propertyName)) {
      getLog().warn("-D" + propertyName + " on the command line replaces the " + propertyName
          + " property that weft:prepare-agent set, so the tests start without the Weft agent."
          + " Put those JVM options into the pom's <" + propertyName + "> property instead.");
    }
    String reference = "@{" + propertyName + "}";
    for (Plugin plugin : testPlugins()) {
      List<Object> configurations = new ArrayList<>();
      configurations.add(plugin.getConfiguration());
      for (PluginExecution execution : plugin.getExecutions()) {
        configurations.add(execution.getConfiguration());
      }
      for (Object configuration : configurations) {
        String own = ownArgLine(configuration);
        if (own != null && !own.contains(reference) && !own.contains("${" + propertyName + "}")) {
          getLog().warn(plugin.getArtifactId() + " sets its own <argLine>" + own + "</argLine>,"
              + " which leaves out the Weft agent. Start it with " + reference + ": <argLine>"
              + reference + " " + own + "</argLine>.");
        }
      }
    }
  }

  private static String ownArgLine(Object configuration) {
    if (!(configuration instanceof Xpp3Dom)) return null;
    Xpp3Dom argLine = ((Xpp3Dom) configuration).getChild("argLine");
    return argLine == null || argLine.getValue() == null ? null : argLine.getValue().strip();
  }
}
