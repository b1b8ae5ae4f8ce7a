package io.emostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Every command of the runtime's {@code emostream} tree, found by walking it (so a command added
 * later is covered without touching this test), answers {@code --help} and {@code --version} with
 * exit 0. The tools module's {@code ToolsCommandsTest} does the same for the commands that make a
 * model ({@code train}, {@code evaluate}, {@code corpus} and its subcommands), {@code demo} and the bench.
 */
class HelpEverywhereTest {

  @TestFactory
  Stream<DynamicTest> shouldPrintUsageAndExitZeroOnHelpForEveryCommand() {
    return commandPaths().stream().map(path -> DynamicTest.dynamicTest(String.join(" ", path) + " --help", () -> {
      Run run = run(path, "--help");
      assertThat(run.code).as("exit code of %s --help; stderr: %s", path, run.err).isZero();
      assertThat(run.out).as("usage of %s", path).contains("Usage: " + String.join(" ", path));
      assertThat(run.out).contains("-h, --help").contains("-V, --version");
    }));
  }

  @TestFactory
  Stream<DynamicTest> shouldPrintTheVersionAndExitZeroForEveryCommand() {
    return commandPaths().stream().flatMap(path -> Stream.of("--version", "-V").map(flag ->
        DynamicTest.dynamicTest(String.join(" ", path) + " " + flag, () -> {
          Run run = run(path, flag);
          assertThat(run.code).as("exit code of %s %s; stderr: %s", path, flag, run.err).isZero();
          assertThat(run.out).as("version of %s", path).startsWith("emostream ").contains("Java ");
        })));
  }

  @Test
  void shouldFindEveryCommandTheIssueNames() {
    assertThat(commandPaths()).extracting(path -> String.join(" ", path)).contains(
        "emostream", "emostream run", "emostream config", "emostream predict");
  }

  /** demo, bench and bench-model need an in-process broker: they are in emostream-tools.jar (module tools). */
  @Test
  void shouldLeaveTheBrokerCommandsToTheToolsArtefact() {
    assertThat(commandPaths()).extracting(path -> String.join(" ", path)).doesNotContain(
        "emostream demo", "emostream bench", "emostream bench-model");
  }

  /** train, evaluate and corpus need training code (model-training): they are in emostream-tools.jar too. */
  @Test
  void shouldLeaveTheModelMakingCommandsToTheToolsArtefact() {
    assertThat(commandPaths()).extracting(path -> String.join(" ", path)).doesNotContain(
        "emostream train", "emostream evaluate", "emostream corpus");
  }

  /** Every command as the words that reach it, the root first; picocli's own {@code help} command excluded. */
  private static List<List<String>> commandPaths() {
    List<List<String>> paths = new ArrayList<>();
    collect(new CommandLine(new EmostreamCommand()), List.of("emostream"), paths);
    return paths;
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
    into.add(path);
    command.getSubcommands().forEach((name, sub) -> {
      boolean alias = !name.equals(sub.getCommandName());
      if (!alias && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
        List<String> next = new ArrayList<>(path);
        next.add(name);
        collect(sub, next, into);
      }
    });
  }

  private static Run run(List<String> path, String flag) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new EmostreamCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> args = new ArrayList<>(path.subList(1, path.size()));
    args.add(flag);
    int code = cli.execute(args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {}
}
