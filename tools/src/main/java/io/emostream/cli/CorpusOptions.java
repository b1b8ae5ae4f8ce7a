package io.emostream.cli;

import io.emostream.model.data.CorpusReader;
import io.emostream.model.data.IemocapReader;
import io.emostream.model.data.SyntheticManifestReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which corpus to read: a synthetic-manifest directory, or IEMOCAP with a fold. Shared by train and evaluate. */
final class CorpusOptions {

  @Option(names = "--corpus", paramLabel = "DIR",
      description = "Corpus directory with manifest.jsonl (written by `emostream corpus synth`).")
  Path corpus;

  @Option(names = "--iemocap", paramLabel = "DIR",
      description = "IEMOCAP release root (holds Session1..Session5); use with --fold.")
  Path iemocap;

  @Option(names = "--fold", paramLabel = "N", defaultValue = "1",
      description = "IEMOCAP leave-one-session-out fold: the test session, 1..5 (default: ${DEFAULT-VALUE}).")
  int fold;

  /** The reader the options name; fails with a message that says which option to give. */
  CorpusReader reader() {
    if ((corpus == null) == (iemocap == null)) {
      throw new IllegalArgumentException("give exactly one of --corpus DIR (synthetic manifest) or --iemocap DIR"
          + " --fold N");
    }
    return corpus != null ? new SyntheticManifestReader(corpus) : new IemocapReader(iemocap, fold);
  }
}
