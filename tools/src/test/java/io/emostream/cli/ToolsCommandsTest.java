package io.emostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The tools' command tree: the runtime's commands plus {@code train}, {@code evaluate},
 * {@code corpus} (and its subcommands), {@code demo}, {@code bench} and {@code bench-model}, each of
 * which inherits {@code --help} and {@code -V/--version} (exit 0) from
 * the root although it is added to the tree at run time rather than in the annotation; and the
 * bench commands' wiring and argument checks (the measurements themselves are in BenchCommandIT).
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
        "run", "config", "predict", "train", "evaluate", "corpus", "demo", "bench", "bench-model", "help");
  }

  @ParameterizedTest
  @ValueSource(strings = {"train", "evaluate", "corpus", "corpus synth", "corpus calls", "corpus lexicon", "demo",
      "bench", "bench-model"})
  void shouldPrintUsageAndExitZeroOnHelp(String command) {
    assertThat(run((command + " --help").split(" "))).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Usage: emostream " + command).contains("-h, --help")
        .contains("-V, --version");
  }

  @ParameterizedTest
  @ValueSource(strings = {"train", "evaluate", "corpus", "corpus synth", "corpus calls", "corpus lexicon", "demo",
      "bench", "bench-model"})
  void shouldPrintTheVersionAndExitZero(String command) {
    assertThat(run((command + " -V").split(" "))).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("emostream ").contains("Java ");
  }

  @Test
  void shouldReturnExitCodeInsteadOfExitingTheJvm() {
    assertThat(EmostreamTools.execute("--version")).isZero();
  }

  @Test
  void shouldListBenchAndBenchModelAmongTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("bench ").contains("bench-model");
  }

  @Test
  void shouldDescribeEveryBenchOptionInItsHelp() {
    assertThat(run("bench", "--help")).isZero();
    assertThat(out.toString()).contains("--calls", "--utterances-per-call", "--pace", "--model", "--threads",
        "--out", "--quick");
  }

  @Test
  void shouldRejectAnUnknownPaceBeforeStartingAnything() {
    assertThat(run("bench", "--pace", "slow")).isEqualTo(2);
    assertThat(err.toString()).contains("--pace 'slow'").contains("realtime or fast");
  }

  @Test
  void shouldRejectZeroStreamThreadsNamingTheOption() {
    assertThat(run("bench", "--threads", "0,2")).isEqualTo(2);
    assertThat(err.toString()).contains("--threads");
  }

  @Test
  void shouldOfferTheModelBenchmarkOptions() {
    assertThat(run("bench-model", "--help")).isZero();
    assertThat(out.toString()).contains("--model", "--device", "--quick");
  }
}
