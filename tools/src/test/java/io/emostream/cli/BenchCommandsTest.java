package io.emostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The bench commands' wiring and argument checks; the measurements themselves are in BenchCommandIT. */
class BenchCommandsTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = EmostreamTools.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
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
