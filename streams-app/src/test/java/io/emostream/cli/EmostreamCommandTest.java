package io.emostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EmostreamCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new EmostreamCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void shouldListCommandsAndExitZeroOnHelp() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: emostream").contains("Commands:").contains("help");
  }

  @Test
  void shouldPrintVersionAndExitZero() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("emostream ");
  }

  @Test
  void shouldExitNonZeroAndNameTheOptionWhenItIsUnknown() {
    assertThat(run("--no-such-option")).isEqualTo(2);
    assertThat(err.toString()).contains("--no-such-option");
  }

  @Test
  void shouldPointToTheToolsArtefactWhenAskedToTrain() {
    CommandLine cli = EmostreamCommand.commandLine();
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute("train", "--corpus", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("'train' is in the tools artefact")
        .contains("java -jar tools/target/emostream-tools.jar train");
  }

  @Test
  void shouldPointToTheToolsArtefactWhenAskedForTheDemo() {
    CommandLine cli = EmostreamCommand.commandLine();
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute("demo")).isEqualTo(2);
    assertThat(err.toString()).contains("'demo' is in the tools artefact")
        .contains("java -jar tools/target/emostream-tools.jar demo").contains("Unmatched argument");
  }

  @Test
  void shouldReturnExitCodeInsteadOfExitingTheJvm() {
    assertThat(EmostreamCommand.execute("--version")).isZero();
  }
}
