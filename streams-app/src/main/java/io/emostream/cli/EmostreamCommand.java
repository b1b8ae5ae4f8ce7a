package io.emostream.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code emostream} command line of the runtime artefact ({@code emostream.jar}): the
 * top-level command that groups the subcommands a deployment uses ({@code run}, {@code config},
 * {@code predict}).
 *
 * <p>The tools artefact ({@code emostream-tools.jar}, module {@code tools}) adds {@code train},
 * {@code evaluate}, {@code corpus}, {@code demo}, {@code bench} and {@code bench-model} to the same
 * tree through {@link #commandLine(Object...)}: they need training code (module
 * {@code model-training}) or an in-process Kafka broker, which the runtime artefact does not carry.
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
    subcommands = {RunCommand.class, ConfigCommand.class, PredictCommand.class, CommandLine.HelpCommand.class})
public final class EmostreamCommand implements Runnable {

  /** The tools module's commands, named here only to point there when the runtime is asked for one. */
  private static final Set<String> TOOLS = Set.of("train", "evaluate", "corpus", "demo", "bench", "bench-model");

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Without a subcommand there is nothing to do: show what there is. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The command tree with {@code moreSubcommands} added after the runtime's own and before
   * {@code help}; each inherits the standard help options and the version provider.
   *
   * @param moreSubcommands {@code @Command}-annotated instances, e.g. the tools module's demo
   * @return a new command line, ready to {@link CommandLine#execute(String...) execute}
   */
  public static CommandLine commandLine(Object... moreSubcommands) {
    CommandLine cli = new CommandLine(new EmostreamCommand());
    cli.setParameterExceptionHandler(pointToTheTools(cli.getParameterExceptionHandler()));
    if (moreSubcommands.length > 0) {
      CommandLine help = cli.getCommandSpec().removeSubcommand("help");
      for (Object subcommand : moreSubcommands) {
        cli.addSubcommand(subcommand);
      }
      cli.addSubcommand(help);
    }
    return cli;
  }

  /**
   * Someone who asks the runtime artefact for a tool (README of an older version, habit) learns
   * where it went, then gets picocli's usual error and exit code 2.
   */
  private static CommandLine.IParameterExceptionHandler pointToTheTools(
      CommandLine.IParameterExceptionHandler usual) {
    return (error, args) -> {
      if (error instanceof CommandLine.UnmatchedArgumentException unmatched
          && error.getCommandLine().getParent() == null
          && !unmatched.getUnmatched().isEmpty()
          && TOOLS.contains(unmatched.getUnmatched().get(0))) {
        error.getCommandLine().getErr().printf("'%s' is in the tools artefact, not in the runtime emostream.jar:"
            + " java -jar tools/target/emostream-tools.jar %s%n", unmatched.getUnmatched().get(0),
            unmatched.getUnmatched().get(0));
      }
      return usual.handleParseException(error, args);
    };
  }

  /** Parses and runs {@code args}; returns the process exit code. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
