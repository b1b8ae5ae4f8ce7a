package io.emostream.cli;

import picocli.CommandLine;

/**
 * The {@code emostream} command line of the tools artefact ({@code emostream-tools.jar}): every
 * command of the runtime artefact plus {@code train}, {@code evaluate}, {@code corpus} (model
 * making, module {@code model-training}), {@code demo} (in-process broker, dev registry and
 * replayed calls), {@code bench} and {@code bench-model}.
 *
 * <p>These live apart from the runtime so that the jar a production user deploys carries no Kafka
 * broker ({@code kafka_2.13}, {@code kafka-server}, {@code kafka-raft}) and no corpus synthesis,
 * training or evaluation code. Like
 * {@link EmostreamCommand}, {@link #execute(String...)} returns the exit code and only
 * {@link #main} exits.
 */
public final class EmostreamTools {

  private EmostreamTools() {}

  /** The whole command tree: the runtime's commands, then the tools. */
  public static CommandLine commandLine() {
    return EmostreamCommand.commandLine(new TrainCommand(), new EvaluateCommand(), new CorpusCommand(),
        new DemoCommand(), new BenchCommand(), new BenchModelCommand());
  }

  /** Parses and runs {@code args}; returns the process exit code. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
