package io.emostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The tools' command tree: the runtime's commands plus {@code demo}, {@code bench} and
 * {@code bench-model}, each of which inherits {@code --help} and {@code -V/--version} (exit 0) from
 * the root although it is added to the tree at run time rather than in the annotation.
 */
class ToolsCommandsTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = EmostreamTools.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void shouldListTheRuntimeCommandsThenTheToolsThenHelp() {
    assertThat(EmostreamTools.commandLine().getSubcommands().keySet()).containsSubsequence(
        "run", "config", "predict", "demo", "bench", "bench-model", "help");
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "bench", "bench-model"})
  void shouldPrintUsageAndExitZeroOnHelp(String command) {
    assertThat(run(command, "--help")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Usage: emostream " + command).contains("-h, --help")
        .contains("-V, --version");
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "bench", "bench-model"})
  void shouldPrintTheVersionAndExitZero(String command) {
    assertThat(run(command, "-V")).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("emostream ").contains("Java ");
  }

  @Test
  void shouldReturnExitCodeInsteadOfExitingTheJvm() {
    assertThat(EmostreamTools.execute("--version")).isZero();
  }
}
