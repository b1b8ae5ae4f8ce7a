package io.emostream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code emostream} command line: the top-level command that groups the subcommands
 * ({@code run}, {@code demo}, {@code bench}, {@code train}, ...) as later parts of the
 * project add them.
 *
 * <p>The standard help options and the version provider are declared here once with
 * {@code scope = INHERIT}, so every subcommand, including ones added later, answers
 * {@code --help} and {@code -V/--version} with exit code 0.
 *
 * <p>{@link #execute(String...)} returns the exit code instead of calling
 * {@link System#exit}, so tests run the CLI in-process; only {@link #main} exits.
 */
@Command(
    name = "emostream",
    // inherited by every subcommand, at every depth: each answers --help and -V/--version
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Real-time multimodal (speech + text) emotion analytics for contact centres on Kafka Streams.",
    subcommands = {RunCommand.class, ConfigCommand.class, DemoCommand.class, TrainCommand.class, EvaluateCommand.class,
        PredictCommand.class, CorpusCommand.class, BenchCommand.class, BenchModelCommand.class,
        CommandLine.HelpCommand.class})
public final class EmostreamCommand implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Without a subcommand there is nothing to do: show what there is. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Parses and runs {@code args}; returns the process exit code. */
  public static int execute(String... args) {
    return new CommandLine(new EmostreamCommand()).execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
