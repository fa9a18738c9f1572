package dev.weft.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal run on a project model built in memory, as Maven would hand it over. */
class PrepareAgentMojoTest {
  @TempDir
  Path repository;

  private final MavenProject project = new MavenProject(new Model());
  private final PrepareAgentMojo mojo = new PrepareAgentMojo();
  private final List<String> warnings = new ArrayList<>();
  private File agentJar;

  @BeforeEach
  void aProjectWithWeftAndSurefire() throws Exception {
    project.getModel().setGroupId("com.example");
    project.getModel().setArtifactId("shop");
    project.getModel().setVersion("1.0");
    project.getModel().setBuild(new Build());
    agentJar = Files.createFile(repository.resolve("weft-framework-0.2.0.jar")).toFile();
    project.setArtifacts(Set.of(artifact("dev.weft", "weft-framework", "0.2.0", agentJar),
        artifact("org.junit.jupiter", "junit-jupiter-api", "5.10.2", agentJar)));
    testPlugin(PrepareAgentMojo.SUREFIRE, "3.5.4");
    mojo.project = project;
    mojo.userProperties = new Properties();
    mojo.pluginVersion = "0.2.0";
    mojo.propertyName = "argLine";
    mojo.setLog(new SystemStreamLog() {
      @Override
      public void warn(CharSequence message) {
        warnings.add(message.toString());
      }

      @Override
      public void info(CharSequence message) {
        // the argLine it set, which the property shows
      }
    });
  }

  private static Artifact artifact(String group, String id, String version, File file) {
    Artifact a = new DefaultArtifact(group, id, version, "test", "jar", null,
        new DefaultArtifactHandler("jar"));
    a.setFile(file);
    return a;
  }

  private Plugin testPlugin(String artifactId, String version) {
    Plugin plugin = new Plugin();
    plugin.setGroupId("org.apache.maven.plugins");
    plugin.setArtifactId(artifactId);
    plugin.setVersion(version);
    project.getBuild().getPlugins().removeIf(p -> p.getArtifactId().equals(artifactId));
    project.getBuild().addPlugin(plugin);
    return plugin;
  }

  private String argLine() {
    return project.getProperties().getProperty("argLine");
  }

  @Test
  void itSetsArgLineToTheAgentOfTheTestDependencies() throws Exception {
    mojo.execute();

    assertThat(argLine()).isEqualTo("-javaagent:" + agentJar + " -Xshare:off");
    assertThat(warnings).isEmpty();
  }

  @Test
  void itKeepsWhatAnotherPluginPutIntoArgLine() throws Exception {
    project.getProperties().setProperty("argLine", "-javaagent:/repo/jacoco.jar=destfile=x");

    mojo.execute();

    assertThat(argLine()).isEqualTo(
        "-javaagent:/repo/jacoco.jar=destfile=x -javaagent:" + agentJar + " -Xshare:off");
  }

  @Test
  void anotherPropertyNameLeavesArgLineAlone() throws Exception {
    mojo.propertyName = "weftArgLine";

    mojo.execute();

    assertThat(argLine()).isNull();
    assertThat(project.getProperties().getProperty("weftArgLine")).contains(agentJar.toString());
  }

  @Test
  void mavensDefaultSurefireStopsTheBuild() {
    testPlugin(PrepareAgentMojo.SUREFIRE, "2.12.4");

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("Weft needs maven-surefire-plugin 3.0.0 or newer, but this build"
            + " uses 2.12.4");
    assertThat(argLine()).isNull();
  }

  @Test
  void anOldFailsafeStopsTheBuildToo() {
    testPlugin(PrepareAgentMojo.FAILSAFE, "2.22.2");

    assertThatThrownBy(mojo::execute)
        .hasMessageStartingWith("Weft needs maven-failsafe-plugin 3.0.0 or newer");
  }

  @Test
  void withoutWeftAmongTheDependenciesItSaysWhatToAdd() {
    project.setArtifacts(Set.of());

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("weft:prepare-agent found no dev.weft:weft-framework among the test"
            + " dependencies of com.example:shop:jar:1.0. Add the dependency dev.weft:weft-junit"
            + " (with <scope>test</scope>), which brings it.");
  }

  @Test
  void aWeftModuleThatIsNotPackagedYetIsNoAgent() {
    project.setArtifacts(Set.of(artifact("dev.weft", "weft-framework", "0.2.0",
        repository.toFile())));

    assertThatThrownBy(mojo::execute)
        .hasMessageContaining("needs the weft-framework jar as the agent")
        .hasMessageContaining("mvn verify instead of mvn test");
  }

  @Test
  void anArgLineOnTheCommandLineIsWarnedAbout() throws Exception {
    mojo.userProperties.setProperty("argLine", "-Xmx2g");

    mojo.execute();

    assertThat(warnings).singleElement().asString()
        .startsWith("-DargLine on the command line replaces the argLine property");
  }

  @Test
  void aSurefireArgLineWithoutThePropertyIsWarnedAbout() throws Exception {
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    Xpp3Dom own = new Xpp3Dom("argLine");
    own.setValue("-Xmx1g");
    configuration.addChild(own);
    testPlugin(PrepareAgentMojo.SUREFIRE, "3.5.4").setConfiguration(configuration);

    mojo.execute();
    assertThat(warnings).containsExactly("maven-surefire-plugin sets its own <argLine>-Xmx1g"
        + "</argLine>, which leaves out the Weft agent. Start it with @{argLine}: <argLine>"
        + "@{argLine} -Xmx1g</argLine>.");

    warnings.clear();
    own.setValue("@{argLine} -Xmx1g");
    mojo.execute();
    assertThat(warnings).isEmpty();
  }

  @Test
  void aPluginOfAnotherVersionThanWeftIsWarnedAbout() throws Exception {
    mojo.pluginVersion = "0.3.0";

    mojo.execute();

    assertThat(warnings).singleElement().asString()
        .startsWith("weft-maven-plugin 0.3.0 is loading the agent of dev.weft:weft-framework:jar:"
            + "0.2.0");
  }
}
