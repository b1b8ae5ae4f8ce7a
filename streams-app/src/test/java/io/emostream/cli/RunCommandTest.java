package io.emostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new EmostreamCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void shouldExitNonZeroNamingTheMissingKey() {
    assertThat(run("run", "--set", "schema.registry.url=http://127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("bootstrap.servers is not set");
  }

  @Test
  void shouldExitNonZeroNamingAMissingConfigFile() {
    assertThat(run("run", "--config", dir.resolve("missing.properties").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("missing.properties");
  }

  @Test
  void shouldExitNonZeroNamingAnInvalidSettingWhenStarting() throws Exception {
    Path file = dir.resolve("app.properties");
    Files.writeString(file, "bootstrap.servers=127.0.0.1:1\nschema.registry.url=http://127.0.0.1:1\nmodel.device=tpu\n");
    assertThat(run("run", "--config", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("model.device 'tpu' is not valid");
  }

  @Test
  void shouldPrintTheSettingsWithSecretsMaskedOnDryRun() {
    assertThat(run("run", "--dry-run", "--set", "bootstrap.servers=b:9092", "--set", "schema.registry.url=http://r",
        "--set", "ssl.keystore.password=hunter2")).isZero();
    assertThat(out.toString()).contains("bootstrap.servers = b:9092").contains("ssl.keystore.password = ****")
        .doesNotContain("hunter2");
  }

  @Test
  void shouldExitTwoNamingTheClosestValidKeyOfATypo() {
    assertThat(EmostreamCommand.execute("run", "--dry-run", "--set", "bootstrap.servers=b:9092",
        "--set", "schema.registry.url=http://r", "--set", "inference.max-bach=8")).isEqualTo(2);
    assertThat(run("run", "--set", "bootstrap.servers=127.0.0.1:1", "--set", "schema.registry.url=http://127.0.0.1:1",
        "--set", "inference.max-bach=8")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown setting inference.max-bach; did you mean inference.max-batch?");
    assertThat(out.toString()).as("nothing printed or started").isEmpty();
  }

  @Test
  void shouldRunWithADeprecatedSpellingOnDryRun() {
    assertThat(run("run", "--dry-run", "--set", "bootstrap.servers=b:9092", "--set", "schema.registry.url=http://r",
        "--set", "model.batch.max-delay-ms=40")).isZero();
  }

  @Test
  void shouldListEverySettingWithPrintConfigAndExit() {
    assertThat(run("run", "--print-config", "--set", "inference.max-batch=8", "--set", "serving.token=hunter2")).isZero();
    assertThat(out.toString()).contains("inference.max-batch = 8\n").contains("serving.token = ****")
        .contains("assembly.max-wait = 5s  (default)").doesNotContain("hunter2");
  }
}
